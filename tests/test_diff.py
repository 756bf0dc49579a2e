"""`handbook diff BASE [HEAD]`: a change as the handbook, for the people who approve it. A real git repository made
from a copy of the project, its base commit and a head commit with the changes editors make (a Kazakh source text
changed, a glossary term added, a factor removed, an assessed id renamed, a Russian page edited), and the real
command run on it."""

import json
import subprocess
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import ROOT, copy_project, read_data

SCHEMA = json.loads((ROOT / "schemas" / "diff.schema.json").read_text("utf-8"))
CHANGED = ("мектептің кешенді деректерін қалай жинау, түсіндіру және", "мектептің кешенді деректерін қалай жинау, талдау және")
NEW_TERM = "feedback-culture"
REMOVED_ITEM = ("ten_factors.yml", "high-expectations")  # a factor no other data or page names
RENAMED = ("rubric-leadership", "rubric-school-leadership")  # an assessed id: the rubric's first theme
NEW_ENTRY = f"""  - id: {NEW_TERM}
    term: {{kk: Кері байланыс мәдениеті, ru: Культура обратной связи, en: Feedback culture}}
    definition: {{kk: Мектептегі пікір алмасу дағдысы., ru: Привычка обмениваться мнениями в школе., en: The habit of exchanging views in a school.}}
"""
EDITORIAL = ("сақталған; орналасуы", "сақталған, ал орналасуы")  # the editors' mark on the whole figure (readers see it)
RU_PAGE = ("docs/ru/evidence.md", "Ниже приведены эти выводы:", "Ниже перечислены эти выводы:")


def git(repo: Path, *args: str) -> str:
    """A git command in the repository; its output."""
    done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=True)
    return done.stdout


def handbook_diff(repo: Path, *args: str) -> subprocess.CompletedProcess:
    """The real command, run in the repository."""
    import sys

    from conftest import ENV

    return subprocess.run([sys.executable, "-m", "handbook.cli", "diff", *args], cwd=repo, env={**ENV, "HANDBOOK_SITE_URL": ""}, capture_output=True, text=True)


def edit(path: Path, old: str, new: str) -> None:
    """Replace one text in a file, which must hold it once."""
    text = path.read_text("utf-8")
    assert text.count(old) == 1, (path, old)
    path.write_text(text.replace(old, new), "utf-8")


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A repository with three commits, `base`, `head` (the editors' changes) and `broken` (a YAML typo), its working
    tree as at `head`."""
    repo = copy_project(tmp_path_factory.mktemp("diff") / "project")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.email", "editor@cpm.example")
    git(repo, "config", "user.name", "Editor")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "base")
    git(repo, "tag", "base")
    edit(repo / "data/portfolio_standards.yml", *CHANGED)
    glossary = repo / "glossary.yml"  # its items are its last key: a term is added at its end
    glossary.write_text(glossary.read_text("utf-8").rstrip("\n") + "\n" + NEW_ENTRY, "utf-8")
    removed = repo / "data" / REMOVED_ITEM[0]
    data = read_data(removed)
    data["items"] = [item for item in data["items"] if item["id"] != REMOVED_ITEM[1]]
    removed.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    edit(repo / "data/development_rubric.yml", f"  - id: {RENAMED[0]}\n", f"  - id: {RENAMED[1]}\n    renamed_from: [{RENAMED[0]}]\n")
    edit(repo / RU_PAGE[0], *RU_PAGE[1:])
    edit(repo / "data/burke_litwin_model.yml", *EDITORIAL)
    git(repo, "commit", "-qam", "head")
    git(repo, "tag", "head")
    edit(repo / "data/ten_factors.yml", "kind: list", "kind: [list")
    git(repo, "commit", "-qam", "broken")
    git(repo, "tag", "broken")
    git(repo, "checkout", "-q", "head")  # the working tree as at head
    return repo


@pytest.fixture(scope="module")
def report(repo: Path) -> dict:
    """The JSON report between base and head."""
    result = handbook_diff(repo, "base", "head", "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def one(report: dict, item_id: str) -> dict:
    """The data change of one item."""
    found = [change for change in report["data"] if change["id"] == item_id]
    assert len(found) == 1, [c["id"] for c in report["data"]]
    return found[0]


def test_the_json_report_follows_its_schema(report: dict) -> None:
    jsonschema.validate(report, SCHEMA)
    assert (report["base"], report["head"], report["format"]) == ("base", "head", 1)


def test_a_changed_kazakh_source_text_is_reported_with_its_pages_and_the_translations_it_outdates(report: dict) -> None:
    change = one(report, "standard-1-1")
    assert change["path"] == "data/portfolio_standards.yml" and change["how"] == "changed"
    assert [v["lang"] for v in change["versions"]] == ["kk"], "only the Kazakh text changed"
    assert "түсіндіру" in change["versions"][0]["old"] and "талдау" in change["versions"][0]["new"]
    assert change["where"] == [f"/{prefix}school-practice/portfolio/#standard-1-1" for prefix in ("", "ru/", "en/")]
    assert change["assessed"], "readers' portfolio answers are stored under its id"
    outdated = [(o["id"], o["lang"], o["stamp"]) for o in report["outdated"]]
    assert ("standard-1-1", "ru", "handbook stamp data/portfolio_standards.yml --id standard-1-1 --lang ru") in outdated
    assert ("standard-1-1", "en", "handbook stamp data/portfolio_standards.yml --id standard-1-1 --lang en") in outdated
    lines = read_lines(report["outdated"][0]["path"])
    assert all("standard-1-1" in "".join(lines[o["line"] - 12 : o["line"]]) for o in report["outdated"] if o["id"] == "standard-1-1")


def read_lines(path: str) -> list[str]:
    """A file of the project as it is (the head changed other lines only)."""
    return (ROOT / path).read_text("utf-8").splitlines()


def test_an_added_glossary_term_is_reported_in_every_language_with_its_pages_and_handouts(report: dict) -> None:
    change = one(report, NEW_TERM)
    assert change["how"] == "added" and change["path"] == "glossary.yml" and change["names"]["kk"] == "Кері байланыс мәдениеті"
    assert {v["lang"] for v in change["versions"]} == {"kk", "ru", "en"} and all(v["old"] == "" for v in change["versions"])
    assert f"/glossary/#{NEW_TERM}" in change["where"] and f"/en/glossary/#{NEW_TERM}" in change["where"]
    assert "/handouts/glossary/" in change["where"] and "/ru/pdf/glossary.pdf" in change["where"], "the glossary handout shows it"


def test_a_removed_factor_is_reported_with_its_old_text_and_where_it_was(report: dict) -> None:
    change = one(report, REMOVED_ITEM[1])
    assert change["how"] == "removed" and change["path"] == f"data/{REMOVED_ITEM[0]}" and not change["assessed"]
    assert all(v["new"] == "" and v["old"] for v in change["versions"]) and len(change["versions"]) == 3
    assert "/ru/ten-factors/#high-expectations" in change["where"] and "/pdf/ten-factors.pdf" in change["where"]


def test_a_renamed_assessed_id_is_called_out(report: dict, repo: Path) -> None:
    change = one(report, RENAMED[1])
    assert change["how"] == "renamed" and change["renamed_from"] == RENAMED[0] and change["assessed"]
    assert not [c for c in report["data"] if c["id"] == RENAMED[0]], "not also removed"
    text = handbook_diff(repo, "base", "head").stdout
    assert f"renamed: {RENAMED[1]}" in text and f"(was {RENAMED[0]})" in text and "self-assessment answers move to the new id" in text


def test_a_page_only_change_in_russian_is_reported_with_its_words_and_the_translation_to_check(report: dict, repo: Path) -> None:
    pages = [c for c in report["pages"] if c["path"] == RU_PAGE[0]]
    assert len(pages) == 1 and pages[0]["how"] == "changed" and pages[0]["where"] == ["/ru/evidence/"]
    assert [v["lang"] for v in pages[0]["versions"]] == ["ru"]
    assert RU_PAGE[1] in pages[0]["versions"][0]["old"] and RU_PAGE[2] in pages[0]["versions"][0]["new"]
    assert {c["path"] for c in report["pages"]} == {RU_PAGE[0]}, "no other page changed"
    assert [(u["path"], u["sources"]) for u in report["untouched"]] == [("docs/en/evidence.md", [RU_PAGE[0]])]
    markdown = handbook_diff(repo, "base", "head", "--format", "markdown").stdout
    assert "~~приведены~~" in markdown and "**перечислены**" in markdown, "word-level highlighting"
    assert "| ru |" in markdown and "`/ru/evidence/`" in markdown


def test_an_editors_mark_readers_see_is_reported_and_outdates_no_translation(report: dict) -> None:
    change = one(report, "burke-litwin-model")
    assert change["how"] == "changed" and [v["lang"] for v in change["versions"]] == ["kk"]
    assert EDITORIAL[1] in change["versions"][0]["new"] and EDITORIAL[0] in change["versions"][0]["old"]
    assert "/burke-litwin/" in change["where"] and not [o for o in report["outdated"] if o["id"] == "burke-litwin-model"]


def test_a_reviewer_who_reads_only_russian_reads_the_report_in_russian(repo: Path) -> None:
    markdown = handbook_diff(repo, "base", "head", "--format", "markdown", "--lang", "ru").stdout
    assert markdown.startswith("## Что эта правка меняет в руководстве")
    assert "**изменено: абзац 2 страницы «Доказательства ключевой роли школьного лидерства»**" in markdown
    assert "| | было | стало |" in markdown and "Где это видят читатели: `/ru/evidence/`" in markdown
    assert "### Переводы, которые эта правка делает устаревшими" in markdown and "--lang ru" in markdown
    assert f"переименовано: {RENAMED[1]} «Лидерство» (было: {RENAMED[0]})" in markdown, "an item by its Russian name"
    assert "readers" not in markdown and "Seen at" not in markdown
    both = handbook_diff(repo, "base", "head", "--lang", "kk,ru").stdout
    assert "Деректер / Данные:" in both
    refused = handbook_diff(repo, "base", "head", "--lang", "de")
    assert refused.returncode == 2 and "--lang de" in refused.stderr


def test_nothing_else_is_reported(report: dict) -> None:
    assert {c["id"] for c in report["data"]} == {"standard-1-1", NEW_TERM, REMOVED_ITEM[1], RENAMED[1], "burke-litwin-model"}


def test_head_defaults_to_the_working_tree(repo: Path, report: dict) -> None:
    result = handbook_diff(repo, "head")
    assert result.returncode == 0 and "head → the working tree" in result.stdout and "data items: none changed" in result.stdout
    since = json.loads(handbook_diff(repo, "base", "--format", "json").stdout)
    assert since["head"] == "the working tree" and since["data"] == report["data"] and since["pages"] == report["pages"]


def test_a_side_that_does_not_validate_is_an_error_that_lists_its_problems(repo: Path) -> None:
    result = handbook_diff(repo, "base", "broken")
    assert result.returncode == 1 and result.stdout == ""
    assert "handbook diff: broken does not validate" in result.stderr
    assert "broken:\n  data/ten_factors.yml:" in result.stderr


@pytest.mark.parametrize(("args", "said"), [(("nope",), "'nope' is not a revision"), (("base", "head~9"), "'head~9' is not a revision")])
def test_a_name_that_is_not_a_revision_is_an_error(repo: Path, args: tuple[str, ...], said: str) -> None:
    result = handbook_diff(repo, *args)
    assert result.returncode == 1 and said in result.stderr and result.stdout == ""


def test_outside_a_git_repository_it_says_so(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    result = handbook_diff(project, "HEAD")
    assert result.returncode == 1 and "is not in a git repository" in result.stderr


@pytest.mark.browser
def test_screenshots_show_a_changed_page_before_and_after_on_a_desktop_and_a_phone(repo: Path, tmp_path: Path) -> None:
    """`handbook screenshots`: both sides built for real and shot in chromium, the changed paragraph in view."""
    import struct
    import sys

    from conftest import CHROMIUM, ENV

    page = repo / "docs/ru/evidence.md"
    try:
        edit(page, "Ниже перечислены эти выводы:", "Ниже перечислены эти важные выводы:")
        command = [sys.executable, "-m", "handbook.cli", "screenshots", "head", "--out", str(tmp_path / "shots"), "--chromium", CHROMIUM]
        result = subprocess.run(command, cwd=repo, env=ENV, capture_output=True, text=True)
    finally:
        git(repo, "checkout", "-q", "--", "docs/ru/evidence.md")
    assert result.returncode == 0, result.stderr
    shots = {p.name: p.read_bytes() for p in (tmp_path / "shots").glob("*.png")}
    assert sorted(shots) == [f"01-ru-evidence-{side}-{size}.png" for side in ("after", "before") for size in ("desktop", "phone")]
    for name, data in shots.items():
        width = struct.unpack(">I", data[16:20])[0]  # the PNG's header: its width
        assert width == (360 if "phone" in name else 1280), name
    assert shots["01-ru-evidence-before-desktop.png"] != shots["01-ru-evidence-after-desktop.png"], "the change is in view"
    assert (tmp_path / "shots" / "pages.txt").read_text("utf-8").splitlines()[1].startswith("/ru/evidence/: 01-ru-evidence-after-desktop.png")


def test_with_the_sites_address_the_report_gives_the_addresses_readers_open(repo: Path) -> None:
    result = handbook_diff(repo, "base", "head", "--format", "json", "--site-url", "https://cpm.example/hb/")
    report = json.loads(result.stdout)
    assert one(report, NEW_TERM)["where"][:3] == [f"https://cpm.example/hb/{prefix}glossary/#{NEW_TERM}" for prefix in ("", "ru/", "en/")]
    assert [c["where"] for c in report["pages"]] == [["https://cpm.example/hb/ru/evidence/"]]
