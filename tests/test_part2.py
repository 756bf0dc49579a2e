"""Part 2 of the handbook (the practices to assessment): every item, counted, in every language."""

from pathlib import Path

import pytest

from conftest import LANGS, read_data, soup

P1, P2, P3, P4 = "practices/leading-learning", "practices/developing-self-and-others", "practices/leading-change", "practices/community"
# (page, data id, what is counted, the count) — the counts of issue 6 and content-map §2.
COUNTS = [
    ("programme", "practice-model-figure", ".hb-cycle__stages > li", 3),
    ("programme", "practice-model-figure", ".hb-cycle__stages > li li", 9),
    ("programme", "practice-model-stages", "[id]", 3),
    (P1, "southworth-strategies", "[id]", 3),
    (P1, "southworth-outcomes", "[id]", 5),
    (P1, "esrc-impact", "[id]", 3),
    (P1, "esrc-impact", ".hb-item__points > li", 3),
    (P1, "standards-leading-learning", "[id]", 1),
    (P1, "block-leading-learning", "tbody > tr", 3),
    (P2, "leadership-management-administration", "tbody > tr", 3),
    (P2, "leadership-management-administration", "td li", 9),
    (P2, "organisational-management", "[id]", 3),
    (P2, "standards-developing-self-others", "[id]", 2),
    (P2, "block-developing-self-others", "tbody > tr", 3),
    (P3, "best-leaders", "[id]", 7),
    (P3, "innovation-change-cycle", ".hb-cycle__stages > li", 5),
    (P3, "standards-leading-change", "[id]", 3),
    (P3, "block-leading-change", "tbody > tr", 3),
    (P4, "network-table", "tbody > tr", 3),
    (P4, "network-table", "td[data-column]:nth-of-type(1) > ul > li", 9),
    (P4, "network-table", "td[data-column]:nth-of-type(2) > ul > li", 18),
    (P4, "standards-community", "[id]", 4),
    (P4, "block-community", "tbody > tr", 3),
    ("capacity", "level-programme-stages", "[id]", 3),
    ("capacity", "three-levels-figure", "[id]", 3),
    ("capacity", "key-drivers", "tbody > tr", 3),
    ("capacity", "key-drivers", "td > ul > li", 24),
    ("capacity", "cpm-guides", "[id]", 3),
    ("planning", "strategic-planning-stages", "[id]", 5),
    ("assessment", "assessment-criteria", "[id]", 3),
    ("contacts", "contacts", "[id]", None),
]
BLOCKS = ["block-leading-learning", "block-developing-self-others", "block-leading-change", "block-community"]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("slug, data_id, selector, count", COUNTS, ids=[f"{c[1]}:{c[2]}" for c in COUNTS])
def test_every_item_is_there(site: Path, lang: str, slug: str, data_id: str, selector: str, count: int | None) -> None:
    block = soup(site, lang, slug).select_one(f'[data-id="{data_id}"]')
    assert block is not None, f"{data_id} is not shown on /{slug}"
    found = len(block.select(selector))
    assert found == count if count is not None else found >= 1


@pytest.mark.parametrize("lang", LANGS)
def test_the_four_practice_blocks_have_12_rows_and_17_action_paragraphs(site: Path, lang: str) -> None:
    pages = {"block-leading-learning": P1, "block-developing-self-others": P2, "block-leading-change": P3, "block-community": P4}
    rows = paragraphs = 0
    for data_id, slug in pages.items():
        block = soup(site, lang, slug).select_one(f'[data-id="{data_id}"]')
        rows += len(block.select("tbody > tr"))
        paragraphs += len(block.select("tbody td p"))
    assert (rows, paragraphs) == (12, 17)


@pytest.mark.parametrize("lang", LANGS)
def test_planning_has_its_three_subsections(site: Path, lang: str) -> None:
    assert len(soup(site, lang, "planning").select("article h2")) >= 3


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    "practice, petal, page",
    [
        ("practice-leading-teaching-learning", "fig4-leading-teaching-learning", P1),
        ("practice-developing-self-others", "fig4-developing-self-others", P2),
        ("practice-leading-improvement-change", "fig4-leading-improvement-change", P3),
        ("practice-engaging-community", "fig4-engaging-community", P4),
    ],
)
def test_each_practice_page_links_its_practice(site: Path, lang: str, practice: str, petal: str, page: str) -> None:
    hrefs = [a["href"] for a in soup(site, lang, page).select("article a[href]")]
    assert any(href.endswith(f"programme/#{practice}") for href in hrefs), hrefs[:10]


@pytest.mark.parametrize("lang", LANGS)
def test_sources_list_the_21_works_with_the_pages_that_cite_them(site: Path, lang: str) -> None:
    works = soup(site, lang, "sources").select('[data-id="sources"] li[id]')
    assert len(works) == 21
    assert all(work.select("a[href]") for work in works), "every work names a page that cites it"


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_each_citing_page_really_names_the_author(site: Path, lang: str) -> None:
    import re

    from conftest import ROOT

    missing = []
    for source in read_data(ROOT / "data/sources.yml")["items"]:
        first_word = re.split(r"[ ,]", source["author"][lang])[0]
        for slug in source["cited_on"]:
            if first_word not in soup(site, lang, slug).select_one("article").get_text():
                missing.append((source["id"], slug, first_word))
    assert not missing
