"""The data drawn as HTML is kept between builds (handbook/drawings.py): a build whose sources did not change reads
what the last one drew and makes the same site; a change to a template, a page's title or a data text is drawn
anew, never served stale. (Kazakh alone, to keep five builds short: the drawings are the same for every language.)"""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ENV, copy_project, page_url

RUBRIC = "school-practice/development-rubric"
WHEN_BUILT = ("offline/pack.json", "offline/edition.json")  # each build records its own time of building


def kazakh_only(project: Path) -> str:
    """A copy of the project's mkdocs.yml that builds Kazakh alone."""
    text = (project / "mkdocs.yml").read_text("utf-8")
    text, count = re.subn(r"(- locale: (ru|en)\n(?:[ \t]+\w+: .*\n)*?[ \t]+build:) true", r"\1 false", text)
    assert count == 2
    (project / "mkdocs-kk.yml").write_text(text, "utf-8")
    return "mkdocs-kk.yml"


def build(project: Path, site: Path, kept: Path) -> Path:
    """A strict build of Kazakh, keeping drawings in `kept`."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", kazakh_only(project), "--site-dir", str(site)]
    result = subprocess.run(command, cwd=project, env={**ENV, "HANDBOOK_DRAWINGS": str(kept)}, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return site


def built_files(site: Path) -> dict[str, bytes]:
    """Every file of a built site but those that record when it was built."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file() and not p.as_posix().endswith(WHEN_BUILT)}


def change(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), "utf-8")


@pytest.mark.slow
def test_a_build_of_unchanged_sources_reuses_the_drawings_and_each_change_is_drawn_anew(tmp_path: Path) -> None:
    project, kept = copy_project(tmp_path / "project"), tmp_path / "drawings"
    build(project, tmp_path / "site1", kept)
    assert len(list(kept.glob("*.json"))) == 1, "the first build keeps what it drew"

    opening = 'data-id="{{ doc.id }}"{{ parts.ed(doc, lang) }} markdown="block"'
    change(project / "macros/templates/kinds/list.html", opening, opening.replace('"{{ doc.id }}"', '"{{ doc.id }}" data-changed="template"'))
    site = build(project, tmp_path / "site2", kept)
    assert 'data-changed="template"' in (site / page_url("kk", "ten-factors") / "index.html").read_text("utf-8")
    assert 'data-changed=\\"template\\"' in (site / "session/pieces.js").read_text("utf-8")

    change(project / "docs/kk" / f"{RUBRIC}.md", "# Мектептің даму бағыттары", "# Мектептің даму бағыттары (жаңа атау)")
    site = build(project, tmp_path / "site3", kept)
    assert "Мектептің даму бағыттары (жаңа атау)</h2>" in (site / page_url("kk", RUBRIC) / "index.html").read_text("utf-8"), "the profile's title"

    factors = project / "data/ten_factors.yml"
    change(factors, "kk: Адамгершілік мақсат\n", "kk: Адамгершілік мақсат (өзгерді)\n")
    site = build(project, tmp_path / "site4", kept)
    assert "Адамгершілік мақсат (өзгерді)" in (site / page_url("kk", "ten-factors") / "index.html").read_text("utf-8")
    assert "Адамгершілік мақсат (өзгерді)" in (site / "session/pieces.js").read_text("utf-8")
    drawn = {p.name: p.stat().st_mtime_ns for p in kept.glob("*.json")}
    assert len(drawn) == 4, "each change is another digest; the earlier files stay for the project's other copies"

    site = build(project, tmp_path / "site5", kept)
    assert {p.name: p.stat().st_mtime_ns for p in kept.glob("*.json")} == drawn, "everything was found: nothing new to keep"
    assert built_files(site) == built_files(tmp_path / "site4"), "what was kept makes the same site as drawing it"
