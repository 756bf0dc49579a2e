"""School practice (seed 004): every item, counted, in every language; the rubric as a real table."""

from pathlib import Path

import pytest

from conftest import LANGS, ROOT, read_data, soup

SP = "school-practice"
COUNTS = [
    (f"{SP}", "school-development-plan-model", ".hb-cycle__stages > li", 4),
    (f"{SP}", "school-development-plan-model", ".hb-cycle__stages > li li", 13),
    (f"{SP}", "worked-example-steps", "li[id]", 5),
    (f"{SP}/action-research", "action-research-figure", ".hb-tier", 5),
    (f"{SP}/tasks", "school-practice-tasks", "[id^=task-]", 5),
    (f"{SP}/tasks", "second-stage-tasks", "[id^=task-]", 5),
    (f"{SP}/tasks", "teacher-appraisal", "li[id]", 1),
    (f"{SP}/portfolio", "portfolio-standards", "li[id]", 29),
    (f"{SP}/portfolio", "portfolio-assessment", "tbody > tr", 4),
    (f"{SP}/development-rubric", "development-rubric", "tbody > tr", 3),
    (f"{SP}/development-rubric", "development-rubric", "td li", 38),
]
STANDARDS = ["1-1"] + [f"2-{n}" for n in range(1, 10)] + [f"3-{n}" for n in range(1, 15)] + [f"4-{n}" for n in range(1, 6)]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("slug, data_id, selector, count", COUNTS, ids=[f"{c[1]}:{c[2]}" for c in COUNTS])
def test_every_item_is_there(site: Path, lang: str, slug: str, data_id: str, selector: str, count: int) -> None:
    block = soup(site, lang, slug).select_one(f'[data-id="{data_id}"]')
    assert block is not None, f"{data_id} is not shown on /{slug}"
    assert len(block.select(selector)) == count


@pytest.mark.parametrize("lang", LANGS)
def test_task_d_has_6_sub_tasks_and_e_has_4(site: Path, lang: str) -> None:
    page = soup(site, lang, f"{SP}/tasks")
    for task, count in (("task-d", 6), ("task-e", 4)):
        body = page.find(id=task).find_next_sibling(class_="hb-item")
        assert len(body.select(".hb-item__points > li")) == count


@pytest.mark.parametrize("lang", LANGS)
def test_all_29_standard_numbers_are_anchors(site: Path, lang: str) -> None:
    page = soup(site, lang, f"{SP}/portfolio")
    assert [n for n in STANDARDS if page.find(id=f"standard-{n}") is None] == []
    assert len(STANDARDS) == 29


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("repeat, original", [("2-4", "3-4"), ("2-5", "3-5"), ("2-6", "3-6")])
def test_repeated_standards_are_stored_once_and_referenced(site: Path, lang: str, repeat: str, original: str) -> None:
    item = soup(site, lang, f"{SP}/portfolio").find(id=f"standard-{repeat}")
    assert any(a["href"].endswith(f"#standard-{original}") for a in item.select("a[href]"))
    standards = {entry["id"]: entry for entry in read_data(ROOT / "data" / "portfolio_standards.yml")["items"]}
    printed = " ".join(standards[f"standard-{original}"]["text"][lang].split())
    assert printed in " ".join(item.get_text().split()), "the source prints it in full here too: readers see it, not only a link"


@pytest.mark.parametrize("lang", LANGS)
def test_the_rubric_is_a_real_table_with_associated_headers(site: Path, lang: str) -> None:
    table = soup(site, lang, f"{SP}/development-rubric").select_one('[data-id="development-rubric"] table')
    levels = table.select('thead th[scope="col"][id^="rubric-level-"]')
    themes = table.select('tbody th[scope="row"]')
    assert (len(levels), len(themes)) == (4, 3)
    assert all(len(row.select("td")) == 4 for row in table.select("tbody > tr"))


@pytest.mark.parametrize("lang", LANGS)
def test_fig_3_collects_14_kinds_of_evidence(site: Path, lang: str) -> None:
    boxes = soup(site, lang, f"{SP}/action-research").select('[data-id="action-research-figure"] .hb-tier__boxes > li')
    kinds = {box.find(string=True, recursive=False).strip() for box in boxes}
    assert len(kinds) == 14
