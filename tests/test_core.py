"""The core's pieces alone, with no build: positions in YAML, the addresses of both styles, the book's links, one
language's search index, totals of the translation status, what an edit touches, and the layers of the code."""

import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from handbook import live
from handbook.book import Chapter, link_inside
from handbook.languages import LANGUAGES, Lang
from handbook.load import Loc, position, read_yaml
from handbook.pages import load_site
from handbook.project import load_project
from handbook.search import PIPELINE, SEPARATOR, language_index
from handbook.status import FileStatus, statuses_by_file, totals
from handbook.urls import Links, Urls, belongs_to, root_of

from conftest import ROOT, copy_project

YAML = """\
id: sample
items:
  - id: one
    name: {kk: Бір, ru: Один, en: One}
  - id: two
    name:
      kk: Екі
      ru: Два
"""


@pytest.mark.parametrize(
    ("loc", "at_key", "expected"),
    [
        (("id",), False, (1, 5)),
        (("items", 0), False, (3, 5)),
        (("items", 0, "name", "ru"), False, (4, 25)),  # in a flow mapping too
        (("items", 1, "name"), True, (6, 5)),
        (("items", 1, "name", "ru"), False, (8, 11)),
        (("items", 1, "name", "en"), False, (7, 7)),  # missing: where its parent's value begins
        (("items", 5, "name"), False, (3, 3)),  # no such item: where the list begins
    ],
)
def test_every_value_keeps_its_line_and_column(tmp_path: Path, loc: Loc, at_key: bool, expected: tuple[int, int]) -> None:
    (tmp_path / "sample.yml").write_text(YAML, "utf-8")
    document = read_yaml(tmp_path / "sample.yml", "data/sample.yml")
    assert position(document.data, loc, at_key=at_key) == expected


@pytest.mark.parametrize(
    ("folders", "slug", "anchor", "lang", "expected"),
    [
        (True, "", "", "kk", ""),
        (True, "evidence", "", "ru", "ru/evidence/"),
        (True, "school-practice", "sdp-plan", "en", "en/school-practice/#sdp-plan"),
        (False, "", "", "kk", "index.html"),
        (False, "", "x", "ru", "ru/index.html#x"),
        (False, "evidence", "", "ru", "ru/evidence.html"),
        (False, "school-practice", "sdp-plan", "kk", "school-practice/index.html#sdp-plan"),
        (False, "school-practice/tasks", "", "en", "en/school-practice/tasks.html"),
    ],
)
def test_a_page_has_one_address_in_each_style(folders: bool, slug: str, anchor: str, lang: str, expected: str) -> None:
    assert Urls(folders, frozenset({"", "school-practice"})).page(lang, slug, anchor) == expected


def test_links_are_relative_to_the_page_and_generated_pages_keep_their_files() -> None:
    for folders in (True, False):
        urls = Urls(folders)
        sheet = urls.sheet("ru", "ten-factors")
        assert urls.sheet_file("ru", "ten-factors") == "ru/handouts/ten-factors/index.html"
        assert sheet == ("ru/handouts/ten-factors/" if folders else "ru/handouts/ten-factors/index.html")
        links = Links(urls, "ru", root_of(sheet))
        assert links.pdf("ten-factors") == "../../../ru/pdf/ten-factors.pdf"
        assert links.data("glossary", "csv") == "../../../data/glossary.csv"
        assert links.sheet("ten-factors", "kk") == "../../../" + urls.sheet("kk", "ten-factors")
    assert root_of("") == "" and root_of("evidence.html") == "" and root_of("ru/evidence/") == "../../"


def test_the_book_links_inside_itself_and_drops_links_to_pages_outside_it() -> None:
    chapters = [
        Chapter("ru/", "Главная", '<h2 id="a">A</h2><a href="evidence/#b">to b</a> <a href="glossary/">out</a>'),
        Chapter("ru/evidence/", "Данные", '<p id="b" aria-describedby="tip">B</p><a href="../#a">back</a> <a href="https://example.org/">web</a><style>p{}</style>'),
    ]
    home, evidence = link_inside(chapters)
    assert 'id="p-ru--a"' in home.html and 'href="#p-ru-evidence--b"' in home.html
    assert "glossary" not in home.html and ">out</a>" in home.html  # a page not in the book: the link is dropped
    assert 'id="p-ru-evidence--b"' in evidence.html and 'aria-describedby="p-ru-evidence--tip"' in evidence.html
    assert 'href="#p-ru--a"' in evidence.html and 'href="https://example.org/"' in evidence.html
    assert "<style" not in evidence.html


def test_the_book_links_inside_itself_in_the_offline_copy_too() -> None:
    chapters = [Chapter("ru/index.html", "Главная", '<a href="evidence.html#b">b</a>'), Chapter("ru/evidence.html", "Данные", '<p id="b">B</p>')]
    home, evidence = link_inside(chapters)
    assert 'href="#p-ru-evidence--b"' in home.html and 'id="p-ru-evidence--b"' in evidence.html


def test_a_language_index_is_relative_to_its_root_and_adds_named_items() -> None:
    built = {
        "config": {"lang": ["en"], "separator": "[\\s]+"},
        "docs": [
            {"location": "ru/", "title": "Главная", "text": "…"},
            {"location": "ru/glossary/#leadership", "title": "Лидерство", "text": "…"},
        ],
    }
    items = [
        {"location": "glossary/#leadership", "title": "Лидерство", "text": "определение", "boost": 2},
        {"location": "factors/#trust", "title": "Доверие", "text": "…"},
    ]
    index = language_index(built, items, "ru", ROOT)
    assert index["config"]["lang"] == ["ru"] and index["config"]["separator"] == SEPARATOR and index["config"]["pipeline"] == PIPELINE
    assert index["config"]["handbook"] == {}  # Russian is not typed in Latin letters
    assert [doc["location"] for doc in index["docs"]] == ["", "glossary/#leadership", "factors/#trust"]
    assert index["docs"][1]["boost"] == 2 and index["docs"][1]["text"] == "…"  # the page's own section, boosted
    assert "keys" in language_index(built | {"docs": []}, [], "kk", ROOT)["config"]["handbook"]


def test_status_totals_add_up_every_file() -> None:
    def status(path: str, kk: int, ru: int) -> FileStatus:
        return FileStatus(path, "list", {"kk": Counter(source=kk), "ru": Counter(translated=ru, reviewed=1), "en": Counter()})

    summed = totals([status("a.yml", 2, 3), status("b.yml", 5, 0)])
    assert summed["kk"]["source"] == 7 and summed["ru"]["translated"] == 3 and summed["ru"]["reviewed"] == 2
    assert sum(summed["en"].values()) == 0


def test_the_layers_hold_and_only_the_adapter_imports_mkdocs() -> None:
    linter = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(linter)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:]
    assert "2 kept, 0 broken" in result.stdout


def test_an_edit_touches_the_languages_whose_pages_it_changes(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")

    def state() -> tuple[live.Snapshot, dict[Lang, str]]:
        loaded = load_project(project)
        site, statuses = load_site(loaded), statuses_by_file(loaded).values()
        return live.snapshot(project), {lang: live.digest(site, statuses, lang) for lang in LANGUAGES}

    states = [state()]

    def after(path: str, old: str, new: str) -> set[str]:
        before = states[-1]
        target = project / path
        text = target.read_text("utf-8")
        assert old in text, old
        target.write_text(text.replace(old, new, 1), "utf-8")
        os.utime(target, ns=(time.time_ns() + 10**9, time.time_ns() + 10**9))  # a later time, however coarse the clock
        states.append(now := state())
        return live.touched(before[0], now[0], before[1], now[1])

    assert live.touched(None, states[0][0], {}, states[0][1]) == set(LANGUAGES), "nothing built yet: everything"
    assert after("data/ten_factors.yml", "en: Moral purpose", "en: Moral aim") == {"en"}, "a translation: its language"
    assert after("data/development_rubric.yml", "Көшбасшылық негізінен", "Көшбасшылық әдетте") == {"kk", "ru", "en"}, (
        "a source: its translations become outdated, and the editors' page of every language says so"
    )
    assert after("docs/ru/evidence.md", "# ", "# Ещё ") == {"ru"}, "a page: its language"
    assert after("overrides/main.html", "{% extends", "{#- x -#}\n{% extends") == {"kk", "ru", "en"}, "the theme: all"
    assert belongs_to("ru/evidence/index.html", "ru") and not belongs_to("ru/evidence/index.html", "kk")
    assert belongs_to("evidence/index.html", "kk") and belongs_to("search/search_index.json", "kk")


def test_tests_sharing_a_build_run_on_one_process(request: pytest.FixtureRequest) -> None:
    """Under pytest-xdist (`make check`, `make test`) the tests of one shared build go to one process, so the build
    is made once: xdist knows a group by the suffix it adds to the tests' ids, which pytest 9.2 silently stopped
    (pytest-dev/pytest-xdist#1386; pyproject.toml keeps pytest below it)."""
    if not (os.environ.get("PYTEST_XDIST_WORKER") and request.config.getvalue("loadgroup")):
        pytest.skip("runs under pytest-xdist's --dist loadgroup")
    grouped = {item.nodeid: mark.args[0] for item in request.session.items if (mark := item.get_closest_marker("xdist_group"))}
    if not grouped:
        pytest.skip("no test of a shared build was selected")
    assert all(nodeid.endswith(f"@{group}") for nodeid, group in grouped.items()), grouped
