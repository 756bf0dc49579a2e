"""Editors' workflow: actionable messages, translation status, outdated translations, edit links, open data, CI."""

import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import LANGS, REPO_URL, ROOT, SITE_URL, cli, page_url, read_data, soup


def line_of(path: Path, needle: str) -> int:
    """The 1-based line on which `needle` first stands."""
    return next(number for number, line in enumerate(path.read_text("utf-8").splitlines(), 1) if needle in line)


def replace_once(path: Path, old: str, new: str) -> None:
    """Edit a file as an editor would: one occurrence changed."""
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")


def test_misspelt_field_id_and_term_come_with_the_right_spelling(project: Path) -> None:
    factors, practices, page = project / "data/ten_factors.yml", project / "data/practices.yml", project / "docs/en/index.md"
    replace_once(factors, "    name:\n", "    nmae:\n")
    replace_once(practices, "see: [fig4-leading-teaching-learning,", "see: [fig4-leading-teaching-lerning,")
    replace_once(page, 'term("leadership"', 'term("leadershp"')
    result = cli(project, "validate")
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert f"data/ten_factors.yml:{line_of(factors, 'nmae:')}:5: items[0].nmae: unknown field; did you mean `name`?" in lines
    expected = f"data/practices.yml:{line_of(practices, 'lerning')}:"
    assert any(row.startswith(expected) and "unknown id 'fig4-leading-teaching-lerning'; did you mean `fig4-leading-teaching-learning`?" in row for row in lines)
    assert any(row.startswith(f"docs/en/index.md:{line_of(page, 'leadershp')}:") and "did you mean `leadership`?" in row for row in lines)


def test_done_when_three_clear_messages_before_merging(project: Path) -> None:
    """Change a Russian definition, forget the Kazakh one, misspell an id: three messages, each at its place."""
    glossary = project / "glossary.yml"
    text = glossary.read_text("utf-8")
    entry = text.index("  - id: social-partnership")
    kk_start = text.index("      kk: >-\n", text.index("    definition:\n", entry))
    ru_start = text.index("      ru: >-\n", kk_start)
    text = text[:kk_start] + text[ru_start:].replace("      ru: >-\n        ", "      ru: >-\n        Совместная деятельность. ", 1)
    glossary.write_text(text, "utf-8")
    replace_once(project / "data/practices.yml", "professional-development, time-management]", "profesional-development, time-management]")
    result = cli(project, "validate")
    problems = [line for line in result.stderr.splitlines() if re.match(r"\S+:\d+:\d+: ", line)]
    assert result.returncode == 1 and len(problems) == 2, result.stderr
    missing = f"glossary.yml:{line_of(glossary, 'Совместная деятельность') - 1}:"  # the definition, where kk should be
    assert any(p.startswith(missing) and ".definition.kk: missing the kk language" in p for p in problems), problems
    assert any("did you mean `professional-development`?" in p for p in problems)
    page = project / "docs/ru/glossary.md"
    page.write_text(page.read_text("utf-8") + '\n{{ show("glosary") }}\n', "utf-8")
    problems = [line for line in cli(project, "validate").stderr.splitlines() if re.match(r"\S+:\d+:\d+: ", line)]
    assert len(problems) == 3 and any(p.startswith("docs/ru/glossary.md:") and "did you mean `glossary`?" in p for p in problems), problems


def test_github_format_annotates_the_file_and_line(project: Path) -> None:
    replace_once(project / "data/ten_factors.yml", "    name:\n", "    nmae:\n")
    result = cli(project, "validate", "--format", "github")
    assert result.returncode == 1
    line = line_of(project / "data/ten_factors.yml", "nmae:")
    assert f"::error file=data/ten_factors.yml,line={line},col=5,title=items[0].nmae::unknown field; did you mean `name`?" in result.stdout.splitlines()


def test_a_page_origin_must_say_where_its_text_comes_from(project: Path) -> None:
    replace_once(project / "docs/en/ten-factors.md", "origin: translated", "origin: machine")
    result = cli(project, "validate")
    assert "docs/en/ten-factors.md:2:9: origin: origin 'machine' is not" in result.stderr


FIXTURE = """\
# yaml-language-server: $schema=../schemas/list.schema.json
kind: list
id: counted
origin: {kk: source 003:1-9, ru: source 003:10-19, en: translated}
items:
  - id: one
    name: {kk: Бір, ru: Один, en: One}
  - id: two
    name: {kk: Екі, ru: Два, en: Two}
    origin: {kk: source 003:2-2, ru: translated, en: reviewed}
  - id: three
    name: {kk: Үш, ru: Три, en: Three}
    origin: {kk: translated, ru: source 003:3-3, en: reviewed}
"""


def test_status_counts_match_a_fixture_with_known_counts(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data/counted.yml").write_text(FIXTURE, "utf-8")
    result = cli(tmp_path, "--root", str(tmp_path), "status", "--format", "json")
    assert result.returncode == 0, result.stderr
    counted = json.loads(result.stdout)["files"][0]
    assert counted["path"] == "data/counted.yml"
    assert counted["languages"] == {
        "kk": {"source": 2, "translated": 1, "reviewed": 0, "outdated": 0},
        "ru": {"source": 2, "translated": 1, "reviewed": 0, "outdated": 0},
        "en": {"source": 0, "translated": 1, "reviewed": 2, "outdated": 0},
    }
    markdown = cli(tmp_path, "--root", str(tmp_path), "status", "--format", "markdown").stdout
    assert "| `data/counted.yml` | 2 / 1 / 0 / 0 | 2 / 1 / 0 / 0 | 0 / 1 / 2 / 0 |" in markdown


def test_stamping_records_fingerprints_and_changes_nothing_else(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    target = tmp_path / "data/counted.yml"
    target.write_text(FIXTURE, "utf-8")
    assert cli(tmp_path, "--root", str(tmp_path), "stamp", "data/counted.yml").returncode == 0
    stamped = target.read_text("utf-8")
    before, after = FIXTURE.splitlines(), stamped.splitlines()
    changed = [(old, new) for old, new in zip(before, after, strict=False) if old != new]
    assert len(before) == len(after) and len(changed) == 3, changed
    assert all(re.sub(r" @[0-9a-f]{8}", "", new) == old for old, new in changed)
    assert re.search(r"en: translated @[0-9a-f]{8}\}$", after[3])
    assert "kk: translated @" in stamped and "ru: translated @" in stamped  # item three's kk, item two's ru
    assert cli(tmp_path, "--root", str(tmp_path), "stamp", "data/counted.yml").stdout.strip().endswith("up to date")


def test_a_changed_source_marks_its_translations_outdated_on_every_page(edited: tuple[Path, Path], tmp_path: Path) -> None:
    built, out = edited  # the Kazakh source of rubric-leadership changed (CHANGED_SOURCE), its translations did not
    project = shutil.copytree(built, tmp_path / "project")  # stamped below
    result = cli(project, "status", "--format", "json")
    stale = {(entry["id"], entry["lang"]) for entry in json.loads(result.stdout)["outdated"]}
    assert stale == {("rubric-leadership", "ru"), ("rubric-leadership", "en")}
    text = cli(project, "status").stdout
    assert re.search(r"data/development_rubric\.yml:\d+: rubric-leadership \(en\): the source changed", text)
    notices = {lang: [p.get_text(strip=True) for p in soup(out, lang, "school-practice/development-rubric").select(".hb-notice--outdated")] for lang in LANGS}
    strings = {item["id"]: item["text"] for item in read_data(ROOT / "data/ui.yml")["items"]}
    assert notices == {"kk": [], "ru": [strings["notice.outdated"]["ru"]], "en": [strings["notice.outdated"]["en"]]}
    assert cli(project, "stamp", "data/development_rubric.yml", "--id", "rubric-leadership").returncode == 0
    assert json.loads(cli(project, "status", "--format", "json").stdout)["outdated"] == []


@pytest.mark.parametrize(
    "lang, slug, expected",
    [
        ("en", "ten-factors", ["translated"]),
        ("ru", "school-practice/development-rubric", ["translated"]),
        ("kk", "ten-factors", []),
        ("ru", "ten-factors", []),
        ("kk", "practices/leading-change", ["translated"]),
    ],
)
def test_pages_with_unreviewed_translations_tell_their_readers(site: Path, lang: str, slug: str, expected: list[str]) -> None:
    page = soup(site, lang, slug)
    assert [p["class"][-1].removeprefix("hb-notice--") for p in page.select(".hb-notice")] == expected
    strings = {item["id"]: item["text"][lang] for item in read_data(ROOT / "data/ui.yml")["items"]}
    assert all(p.get_text(strip=True) == strings["notice.translated"] for p in page.select(".hb-notice--translated"))


def test_the_editors_page_shows_the_status_of_every_file_in_every_language(site: Path) -> None:
    status = json.loads(cli(ROOT, "status", "--format", "json").stdout)
    for lang in LANGS:
        rows = soup(site, lang, "editors").select(".hb-status tbody tr")
        assert [row.th.get_text(strip=True) for row in rows] == [entry["path"] for entry in status["files"]]
        factors = next(row for row in rows if row.th.get_text(strip=True) == "data/ten_factors.yml")
        assert [cell.get_text(strip=True) for cell in factors.select("td")] == ["10 / 0 / 0 / 0", "10 / 0 / 0 / 0", "0 / 10 / 0 / 0"]


def test_pages_name_the_data_files_they_show(site: Path) -> None:
    files = [code.get_text() for code in soup(site, "ru", "ten-factors").select(".hb-page-data code")]
    assert files == ["data/ten_factors.yml"]
    assert soup(site, "ru", "evidence").select(".hb-page-data code") != []
    assert soup(site, "ru", "handouts").select(".hb-page-data") == []


def test_edit_buttons_open_the_page_in_its_language_when_the_repository_is_known(site: Path, edited: tuple[Path, Path]) -> None:
    assert soup(site, "ru", "ten-factors").select(".md-content__button") == [], "no repository, no edit button"
    _, out = edited  # built with HANDBOOK_REPO_URL and HANDBOOK_SITE_URL
    for lang in LANGS:
        page = soup(out, lang, "ten-factors")
        assert page.select_one("a.md-content__button[rel=edit]")["href"] == f"{REPO_URL}/edit/main/docs/{lang}/ten-factors.md"
        assert page.select_one(".hb-page-data a")["href"] == f"{REPO_URL}/blob/main/data/ten_factors.yml"
        style = next(s.get_text() for s in page.select("article style") if "@bottom-left" in s.get_text())
        assert f"{SITE_URL}{page_url(lang, 'ten-factors')}" in style


@pytest.mark.parametrize("lang", LANGS)
def test_the_open_data_page_lists_every_data_file_with_working_downloads(site: Path, lang: str) -> None:
    page = soup(site, lang, "open-data")
    listed = {row.th.get_text(strip=True) for row in page.select(".hb-open-data tbody tr")}
    content = {doc["id"] for path in (ROOT / "data").glob("*.yml") if (doc := read_data(path))["kind"] not in ("strings", "handouts", "usage")}
    assert listed == content | {"glossary"}
    base = site / page_url(lang, "open-data")
    for link in page.select(".hb-open-data a[href]"):
        assert (base / link["href"]).resolve().is_file(), link["href"]


def test_exports_round_trip_to_the_same_texts(tmp_path: Path) -> None:
    assert cli(ROOT, "export", "--out", str(tmp_path)).returncode == 0
    data = read_data(ROOT / "data/ten_factors.yml")
    exported = json.loads((tmp_path / "ten-factors.json").read_text("utf-8"))
    assert [(i["id"], i["name"], i["text"]) for i in exported["items"]] == [(i["id"], i["name"], i["text"]) for i in data["items"]]
    import csv

    rows = list(csv.DictReader((tmp_path / "ten-factors.csv").open(encoding="utf-8")))
    assert [(r["id"], r["name.kk"], r["text.ru"], r["text.en"]) for r in rows] == [(i["id"], i["name"]["kk"], i["text"]["ru"], i["text"]["en"]) for i in data["items"]]


def test_the_workflow_is_valid_and_calls_only_make_targets_that_exist() -> None:
    workflow = read_data(ROOT / ".github/workflows/handbook.yml")
    targets = set(re.findall(r"^([a-z][\w-]*):", (ROOT / "Makefile").read_text("utf-8"), re.M))
    runs = [step["run"] for job in workflow["jobs"].values() for step in job["steps"] if "run" in step]
    called = [target for run in runs for target in re.findall(r"\bmake (\w[\w-]*)", run)]
    assert set(called) >= {"validate", "build", "test", "status", "pdf", "diff"}
    assert set(called) <= targets
    assert all(re.fullmatch(r"make [\w-]+( [A-Z_]+=[\w,]+)*( >> \"\$GITHUB_STEP_SUMMARY\"| > [\w.-]+)?", run.strip()) for run in runs), runs
    review = workflow["jobs"]["review"]
    assert review["if"] == "github.event_name == 'pull_request'" and review["steps"][0]["with"]["fetch-depth"] == 0
    uploaded = {step["with"]["path"] for step in review["steps"] if step.get("uses", "").startswith("actions/upload-artifact")}
    assert uploaded == {"screenshots", "site-offline"}, "the screenshots, and the copy read from a folder (with its PDFs)"
    assert {"diff", "screenshots", "offline"} <= {target for step in review["steps"] for target in re.findall(r"\bmake (\w[\w-]*)", step.get("run", ""))}
    assert workflow[True]["pull_request"] is None and workflow[True]["push"]["branches"] == ["main"]  # YAML reads `on` as true


@pytest.mark.parametrize("lang", LANGS)
def test_every_item_has_a_permanent_link_in_every_language(site: Path, lang: str) -> None:
    strings = {item["id"]: item["text"][lang] for item in read_data(ROOT / "data/ui.yml")["items"]}
    pages = (
        "programme",
        "school-practice/portfolio",
        "competencies",
        "practices/leading-learning",
        "sources",
        "burke-litwin",
        "requirements",
        "school-practice",
        "school-practice/action-research",
        "practices/leading-change",
    )
    kinds = set()
    for slug in pages:
        page = soup(site, lang, slug)
        anchored = page.select(".hb-list li[id], .hb-table tbody tr[id], .hb-sources li[id], .hb-figure [id]")
        assert anchored, slug
        kinds |= {figure["data-kind"] for figure in page.select(".hb-figure")}
        for element in anchored:
            link = element.select_one(f'a.headerlink[href="#{element["id"]}"]')
            assert link is not None and link["aria-label"] == strings["permalink"], (slug, element["id"])
    assert kinds == {"model", "cycle", "petals", "tiers"}, "every kind of figure is checked"


@pytest.mark.parametrize("lang", LANGS)
def test_related_items_link_both_ways_and_stay_in_the_language(site: Path, lang: str) -> None:
    practice = soup(site, lang, "practices/leading-learning").select(".hb-related a[href]")
    assert any(a["href"].endswith("programme/#practice-leading-teaching-learning") for a in practice)
    programme = soup(site, lang, "programme").select(".hb-related a[href]")
    assert any(a["href"].endswith("practices/leading-learning/#std-leading-learning-1") for a in programme)
    prefix = "" if lang == "kk" else f"{lang}/"
    for link in practice + programme:
        target = link["href"].replace("../", "")
        assert target.startswith(prefix) and not (lang == "kk" and target.startswith(("ru/", "en/"))), link["href"]
