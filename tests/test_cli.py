"""The `handbook` command's contracts: schemas, status, and one data load per build."""

import json
import re
from pathlib import Path

from conftest import ROOT, cli, timings_of


def test_committed_schemas_match_the_model() -> None:
    result = cli(ROOT, "schema", "--check")
    assert result.returncode == 0, result.stderr


def test_a_stale_schema_is_reported(project: Path) -> None:
    (project / "schemas").mkdir()
    (project / "schemas" / "list.schema.json").write_text("{}\n", "utf-8")
    result = cli(project, "schema", "--check")
    assert result.returncode == 1
    assert "schemas/list.schema.json: stale" in result.stderr
    assert cli(project, "schema").returncode == 0
    assert cli(project, "schema", "--check").returncode == 0


def test_every_data_file_names_the_schema_of_its_kind() -> None:
    for path in sorted((ROOT / "data").rglob("*.yml")):
        text = path.read_text("utf-8")
        kind = re.search(r"^kind: (\w+)", text, re.M).group(1)
        depth = "../" * len(path.relative_to(ROOT).parts[:-1])
        assert text.startswith(f"# yaml-language-server: $schema={depth}schemas/{kind}.schema.json\n"), path


def test_status_counts_every_item_by_language() -> None:
    result = cli(ROOT, "status")
    assert result.returncode == 0, result.stderr
    row = next(line for line in result.stdout.splitlines() if line.startswith("data/ten_factors.yml"))
    assert row.split()[1:] == ["10/0/0/0", "10/0/0/0", "0/10/0/0"]
    assert "high-expectations:" in result.stdout, "editors' notes are listed"


def test_the_data_is_loaded_once_per_three_language_build(site: Path) -> None:
    assert all((site / lang / "index.html").is_file() for lang in ("ru", "en"))
    assert json.loads(timings_of(site).read_text())["calls"] == {"load_project": 1}
