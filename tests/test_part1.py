"""Part 1 of the handbook (introduction to the programme's goal): every item, counted, in every language."""

import re
from pathlib import Path

import pytest

from conftest import LANGS, ROOT, homes, read_data, soup

# (page, data id, what is counted, the count) — the counts of content-map §1 and the issue.
COUNTS = [
    ("", "programme-composition", "li[id]", 4),
    ("", "key-questions-21st", "li[id]", 2),
    ("evidence", "evidence-findings", "li[id]", 6),
    ("evidence", "evidence-questions", "li[id]", 3),
    ("burke-litwin", "burke-litwin-questions", "[id^=blq-]", 9),
    ("burke-litwin", "burke-litwin-model", ".hb-box", 12),
    ("burke-litwin", "burke-litwin-model", ".hb-box li", 32),
    ("principles", "principles", "li[id]", 9),
    ("requirements", "leadership-management", "li[id]", 2),
    ("requirements", "requirements-figure", ".hb-tier", 4),
    ("requirements", "requirements-figure", ".hb-tier__boxes > li", 11),
    ("requirements", "requirements-figure", ".hb-tiers__side > li", 6),
    ("requirements", "key-requirements", "li[id]", 3),
    ("requirements", "requirement-a-conclusions", "li[id]", 5),
    ("requirements", "requirement-b-influence", "li[id]", 4),
    ("requirements", "requirement-b-conclusions", "li[id]", 6),
    ("requirements", "requirement-c-conclusions", "li[id]", 4),
    ("ten-factors", "ten-factors", "h2[id]", 10),
    ("competencies", "competencies-table", "tbody > tr", 3),
    ("competencies", "competencies-table", "thead th[id]", 3),
    ("programme", "programme-goal", "li[id]", 1),
    ("programme", "programme-tasks", "li[id]", 4),
    ("programme", "practices", "[id^=practice-]", 4),
    ("programme", "programme-structure", "li[id]", 3),
    ("programme", "programme-content-figure", ".hb-petal", 4),
    ("programme", "programme-content-figure", ".hb-petal li", 8),
    ("programme", "programme-content-figure", ".hb-petals__centre", 1),
]
PAGES = ["", "evidence", "burke-litwin", "principles", "requirements", "ten-factors", "competencies", "programme"]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("slug, data_id, selector, count", COUNTS, ids=[f"{c[1]}:{c[2]}" for c in COUNTS])
def test_every_item_is_there(site: Path, lang: str, slug: str, data_id: str, selector: str, count: int) -> None:
    page = soup(site, lang, slug)
    block = page.select_one(f'[data-id="{data_id}"]:not([data-view])') or page.select_one(f'[data-id="{data_id}"]')
    assert block is not None, f"{data_id} is not shown on /{slug}"
    assert len(block.select(selector)) == count


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_burke_litwin_has_its_21_questions(site: Path, lang: str) -> None:
    block = soup(site, lang, "burke-litwin").select_one('[data-id="burke-litwin-questions"]')
    assert block.get_text().count("?") == 21


def test_table_2_statements_and_sub_items(site: Path) -> None:
    table = soup(site, "ru", "competencies").select_one('[data-id="competencies-table"] tbody')
    statements = table.select("td > ul > li")
    sub_items = table.select("td > ul > li > ul > li")
    assert (len(statements), len(sub_items)) == (29, 9)


def texts(value: object, lang: str) -> list[str]:
    """Every text of one language in a YAML structure (a text may list its corrections, `printed`; the editors' marks
    are attributes, which test_editorial checks)."""
    if isinstance(value, dict):
        if set(LANGS) <= set(value) <= {*LANGS, "printed"} or (set(value) <= set(LANGS) and lang in value and all(isinstance(v, str) for v in value.values())):
            return [value[lang]] if isinstance(value.get(lang), str) else []
        return [t for key, inner in value.items() if key not in ("note", "origin", "id", "kind", "aliases", "editorial") for t in texts(inner, lang)]
    if isinstance(value, list):
        return [t for inner in value for t in texts(inner, lang)]
    return []


def normalise(text: str) -> str:
    """Collapse white space."""
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("lang", LANGS)
def test_every_text_of_every_shown_data_file_is_on_its_page(site: Path, lang: str) -> None:
    shown, bodies = homes(), {}
    missing = []
    for path in sorted((ROOT / "data").glob("*.yml")):
        data = read_data(path)
        if data["id"] not in shown or data["kind"] == "handouts":  # the pack's headings are on the handouts themselves
            continue
        slug = shown[data["id"]]
        if slug not in bodies:  # each page's text once, without the glossary's tooltips
            page = soup(site, lang, slug, to_change=True)
            for tooltip in page.select(".hb-term__tip"):
                tooltip.decompose()
            bodies[slug] = normalise(page.select_one("article").get_text())
        body = bodies[slug]
        for text in texts(data, lang):
            for paragraph in text.split("\n"):
                if normalise(paragraph) not in body:
                    missing.append((path.name, paragraph[:60]))
    assert not missing, missing[:5]


@pytest.mark.parametrize(
    "slug",
    PAGES
    + [
        "glossary",
        "sources",
        "contacts",
        "capacity",
        "planning",
        "assessment",
        "practices/leading-learning",
        "practices/developing-self-and-others",
        "practices/leading-change",
        "practices/community",
        "school-practice",
        "school-practice/action-research",
        "school-practice/tasks",
        "school-practice/portfolio",
        "school-practice/development-rubric",
    ],
)
def test_english_pages_have_no_cyrillic_outside_marked_elements(site: Path, slug: str) -> None:
    page = soup(site, "en", slug, to_change=True)
    for marked in page.select('[lang="kk"], [lang="ru"]'):
        marked.decompose()
    article = page.select_one("article").get_text(" ")
    assert not re.search(r"[\u0400-\u04ff]", article), re.findall(r"\S*[\u0400-\u04ff]\S*", article)[:5]


@pytest.mark.parametrize("anchor", ["requirement-a", "requirement-b", "requirement-c"])
def test_requirements_have_the_same_anchor_in_every_language(site: Path, anchor: str) -> None:
    for lang in LANGS:
        assert soup(site, lang, "requirements").find(id=anchor) is not None, lang
