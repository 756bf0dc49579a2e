"""Nothing lost when the handbook changes: the ids readers' self-assessment answers are stored under are released
(released-ids.yml); one that disappears must be recorded as renamed (`renamed_from`) or removed, or validation
fails at its line; stored answers and old exported files under a renamed id are carried over in the browser, and
answers to a criterion that is gone are kept aside and shown. The browser is asked to keep the answers."""

import json
import re
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser
from pypdf import PdfReader

from conftest import ROOT, cli, copy_project, mkdocs_build, page_url, read_data, serving

RELEASED = "released-ids.yml"
RUBRIC = "school-practice/development-rubric"
KEY = "cpm-handbook:self-assessment"
UI = {item["id"]: item["text"] for item in read_data(ROOT / "data/ui.yml")["items"]}


def rename_row(project: Path, old: str, new: str, record: bool) -> None:
    """Rename one of the development rubric's themes in a copy of the project, recording it or not."""
    path = project / "data" / "development_rubric.yml"
    text = path.read_text("utf-8")
    assert text.count(f"  - id: {old}\n") == 1
    recorded = f"  - id: {new}\n    renamed_from: [{old}]\n" if record else f"  - id: {new}\n"
    path.write_text(text.replace(f"  - id: {old}\n", recorded), "utf-8")


def test_the_released_ids_are_every_id_answers_are_stored_under(tmp_path: Path) -> None:
    released = read_data(ROOT / RELEASED)
    rubric = read_data(ROOT / "data" / "development_rubric.yml")
    portfolio = read_data(ROOT / "data" / "portfolio_standards.yml")
    figure = read_data(ROOT / "data" / "action_research_figure.yml")
    assert released["ids"]["development-rubric"] == ["development-rubric", *(row["id"] for row in rubric["rows"])]
    boxes = [box["id"] for tier in figure["tiers"] for box in tier.get("boxes", [])]
    assert released["ids"]["portfolio-standards"] == ["portfolio-standards", *(item["id"] for item in portfolio["items"]), *boxes]
    table = read_data(ROOT / "data" / "competencies.yml")
    columns = [column["id"] for column in table["columns"]]
    statements = [f"{row['id']}.{c}.{n}" for row in table["rows"] for c in columns for n in range(1, len(row["cells"].get(c, [])) + 1)]
    assert released["ids"]["competencies-table"] == ["competencies-table", *statements]
    project = copy_project(tmp_path / "project")
    result = cli(project, "release-ids")
    assert result.returncode == 0, result.stderr
    written = read_data(project / RELEASED)
    assert written["ids"] == released["ids"], "the repository's list is the data's ids: `handbook release-ids` after a release"


def test_a_released_id_gone_without_a_record_fails_validation_at_its_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    rename_row(project, "rubric-leadership", "rubric-leading", record=False)
    result = cli(project, "validate")
    assert result.returncode == 1
    lines = (project / RELEASED).read_text("utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.strip() == "- rubric-leadership")
    found = [p for p in result.stderr.splitlines() if p.startswith(f"{RELEASED}:{line}:")]
    assert found and "'rubric-leadership'" in found[0] and "renamed_from" in found[0], result.stderr


def test_a_rename_or_a_removal_on_record_passes(tmp_path: Path) -> None:
    renamed = copy_project(tmp_path / "renamed")
    rename_row(renamed, "rubric-leadership", "rubric-leading", record=True)
    result = cli(renamed, "validate")
    assert result.returncode == 0, result.stderr
    removed = copy_project(tmp_path / "removed")
    rename_row(removed, "rubric-leadership", "rubric-leading", record=False)
    released = yaml.safe_load((removed / RELEASED).read_text("utf-8"))
    released["removed"] = {"rubric-leadership": "split into two themes"}
    (removed / RELEASED).write_text(yaml.safe_dump(released, allow_unicode=True), "utf-8")
    result = cli(removed, "validate")
    assert result.returncode == 0, result.stderr


def test_an_id_renamed_from_one_in_use_is_refused(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    path = project / "data" / "development_rubric.yml"
    text = path.read_text("utf-8").replace("  - id: rubric-leadership\n", "  - id: rubric-leadership\n    renamed_from: [rubric-community]\n")
    path.write_text(text, "utf-8")
    result = cli(project, "validate")
    assert result.returncode == 1
    assert re.search(r"data/development_rubric\.yml:50:\d+: rows\[0\]\.renamed_from\[0\]: 'rubric-community' is an id of the data now", result.stderr), result.stderr


def test_answers_and_session_links_under_a_renamed_id_are_carried_over_and_answers_to_a_gone_one_kept_aside(browser: Browser, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    rename_row(project, "rubric-leadership", "rubric-leading", record=True)
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    old = {
        "format": "cpm-handbook-self-assessment",
        "version": 1,
        "assessments": {
            "development-rubric": {
                "answers": {"rubric-leadership": {"level": 3, "evidence": "хаттамалар"}, "rubric-gone": {"level": 2, "next": "ask the mentor"}},
                "snapshots": [{"name": "Autumn 2026", "date": "2026-10-01T09:00:00.000Z", "answers": {"rubric-leadership": {"level": 1}}}],
            }
        },
    }
    with serving(site) as base_url:
        context = browser.new_context()
        context.add_init_script(f"if (!localStorage.getItem({json.dumps(KEY)})) localStorage.setItem({json.dumps(KEY)}, {json.dumps(json.dumps(old))});")
        page = context.new_page()
        page.goto(base_url + page_url("en", RUBRIC), wait_until="networkidle")
        page.click(".hb-assess__toggle")
        assert page.is_checked("#assess-development-rubric-rubric-leading-3"), "the stored answer moved to the new id"
        assert page.input_value("#assess-development-rubric-rubric-leading-evidence") == "хаттамалар"
        stored = json.loads(page.evaluate(f"localStorage.getItem({json.dumps(KEY)})"))["assessments"]["development-rubric"]
        assert "rubric-leadership" not in stored["answers"] and stored["answers"]["rubric-leading"]["level"] == 3
        assert stored["snapshots"][0]["answers"] == {"rubric-leading": {"level": 1}}
        aside = page.locator(".hb-assess__aside")
        assert aside.is_visible() and UI["assess.aside"]["en"] in aside.inner_text()
        page.click(".hb-assess__aside summary")
        assert "rubric-gone" in aside.inner_text() and "ask the mentor" in aside.inner_text()
        assert stored["answers"]["rubric-gone"] == {"level": 2, "next": "ask the mentor"}, "kept, not dropped"

        page.evaluate(f"localStorage.removeItem({json.dumps(KEY)})")
        exported = {**old, "exported": "2026-10-02T10:00:00Z"}
        page.set_input_files(".hb-assess input[type=file]", files=[{"name": "old.json", "mimeType": "application/json", "buffer": json.dumps(exported).encode()}])
        page.wait_for_function("document.querySelector('#assess-development-rubric-rubric-leading-3').checked")
        stored = json.loads(page.evaluate(f"localStorage.getItem({json.dumps(KEY)})"))["assessments"]["development-rubric"]
        assert stored["answers"]["rubric-leading"]["level"] == 3 and stored["answers"]["rubric-gone"]["level"] == 2
        assert "rubric-gone" not in page.inner_text(".hb-assess__alert"), "kept aside, not reported as skipped"

        page.goto(base_url + page_url("en", "session") + "#items=moral-purpose,rubric-leadership&lang=en")
        page.wait_for_selector(".hb-session__form:not([hidden])")
        chosen = page.eval_on_selector_all("[data-session-order] [data-item]", "rows => rows.map(row => row.dataset.item)")
        assert chosen == ["moral-purpose", "rubric-leading"], "a trainer's link keeps a renamed piece"
        assert page.locator("[data-session-missing]").is_hidden()
        page.goto(base_url + page_url("en", "session/sheet") + "#items=rubric-leadership&lang=en")
        page.wait_for_selector("body[data-session-ready]")
        assert page.eval_on_selector_all("[data-session-item]", "rows => rows.map(row => row.dataset.sessionItem)") == ["rubric-leading"]
        context.close()


def test_the_browser_is_asked_to_keep_the_answers_and_the_reader_told_if_it_will_not(browser: Browser, base_url: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(base_url + page_url("ru", RUBRIC), wait_until="networkidle")
    page.click(".hb-assess__toggle")
    page.click("label[for='assess-development-rubric-rubric-leadership-2']")
    page.wait_for_function(f"['kept', 'refused'].includes(localStorage.getItem({json.dumps(KEY + ':persist')}))")
    answer = page.evaluate(f"localStorage.getItem({json.dumps(KEY + ':persist')})")
    kept = page.evaluate("navigator.storage.persisted()")
    assert (answer == "kept") == kept
    note = page.locator(".hb-assess__keep")
    assert note.is_visible() == (not kept) and note.text_content() == UI["assess.not-persistent"]["ru"]
    context.close()


def chart_values(page, selector: str = ".hb-assess__charts") -> dict[str, dict[str, int]]:
    """What a chart draws: each series' value per criterion (or group and status), read from the SVG's marks."""
    return page.eval_on_selector(
        selector,
        """box => { const found = {};
          box.querySelectorAll('[data-series]').forEach(series => {
            found[series.dataset.series] = {};
            series.querySelectorAll('[data-value]').forEach(mark => { found[series.dataset.series][mark.dataset.criterion] = Number(mark.dataset.value); });
          });
          box.querySelectorAll('rect[data-group]').forEach(bar => { (found[bar.dataset.group] = found[bar.dataset.group] || {})[bar.dataset.status] = Number(bar.dataset.value); });
          return found; }""",
    )


def test_the_chart_draws_the_levels_chosen_now_and_in_each_snapshot_with_the_same_numbers_in_its_table(browser: Browser, base_url: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(base_url + page_url("kk", RUBRIC), wait_until="networkidle")
    page.click(".hb-assess__toggle")
    assert page.locator(".hb-assess__charts").is_hidden() and page.locator(".hb-assess__aside").is_hidden()
    rows = [row["id"] for row in read_data(ROOT / "data" / "development_rubric.yml")["rows"]]
    chosen = [{rows[0]: 1, rows[1]: 2}, {rows[0]: 2, rows[1]: 2, rows[2]: 1}, {rows[0]: 4, rows[2]: 3}]
    names = ["Күз 2026", "Көктем 2027"]
    for n, levels in enumerate(chosen):
        for row, value in levels.items():
            page.click(f"label[for='assess-development-rubric-{row}-{value}']")
        if n < len(names):
            page.fill(".hb-assess__snapshot input", names[n])
            page.click("[data-action=snapshot]")
    now = {**chosen[0], **chosen[1], **chosen[2]}
    drawn = chart_values(page)
    assert drawn == {names[0]: chosen[0], names[1]: {**chosen[0], **chosen[1]}, UI["assess.now"]["kk"]: now}
    chart = page.locator(".hb-assess__charts svg")
    assert chart.get_attribute("role") == "img" and UI["assess.chart-levels"]["kk"] in chart.locator("title").first.text_content()
    table = page.eval_on_selector_all(".hb-assess__progress tbody tr", "rows => rows.map(row => [row.dataset.criterion, [...row.querySelectorAll('td')].map(td => td.textContent)])")
    for criterion, cells in table:
        expected = [str(series.get(criterion, "—")) for series in drawn.values()]
        assert cells == expected, criterion
    page.goto(base_url + page_url("ru", "school-practice/portfolio"), wait_until="networkidle")
    page.click(".hb-assess__toggle")
    page.click("label[for='assess-portfolio-standards-standard-2-1-in-progress']")
    page.click("label[for='assess-portfolio-standards-standard-2-2-collected']")
    bars = chart_values(page)
    summary = page.eval_on_selector_all(
        ".hb-assess__summary tr[data-group]", "rows => rows.map(row => [row.dataset.group, [...row.querySelectorAll('td')].map(td => [td.dataset.status, Number(td.textContent.split(' / ')[0])])])"
    )
    assert {group: dict(cells) for group, cells in summary} == bars
    assert bars["2"] == {"not-started": 7, "in-progress": 1, "collected": 1}
    context.close()


@pytest.mark.parametrize(("lang", "slug"), [("kk", RUBRIC), ("ru", "competencies"), ("en", "school-practice/portfolio")])
def test_the_profile_prints_on_one_a4_page_with_the_levels_and_the_next_steps(browser: Browser, base_url: str, tmp_path: Path, lang: str, slug: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(base_url + page_url(lang, slug), wait_until="networkidle")
    page.click(".hb-assess__toggle")
    radios = page.locator(".hb-assess__form input[type=radio]")
    for n in range(0, radios.count(), 5):
        radios.nth(n).check(force=True)
    notes = page.locator(".hb-assess__form textarea[data-field=next], .hb-assess__form textarea[data-field=note]")
    written = [f"step {n}: observe a lesson" for n in range(min(notes.count(), 12))]
    for n, step in enumerate(written):
        notes.nth(n).fill(step)
    page.fill(".hb-assess__snapshot input", "Autumn")
    page.click("[data-action=snapshot]")
    page.evaluate("window.print = () => {}")  # the dialog: printed below, as the browser would
    page.click("[data-action=profile]")
    page.emulate_media(media="print")
    assert not page.locator(".hb-assess__form").is_visible() and page.locator(".hb-assess__profile svg").count() >= 1
    target = tmp_path / "profile.pdf"
    page.pdf(path=str(target), format="A4")
    reader = PdfReader(target)
    assert len(reader.pages) == 1, f"{len(reader.pages)} pages"
    squeezed = re.sub(r"\s+", "", reader.pages[0].extract_text())
    assert re.sub(r"\s+", "", UI["assess.profile-title"][lang]) in squeezed and re.sub(r"\s+", "", UI["form.name"][lang]) in squeezed
    levels = page.eval_on_selector_all(".hb-assess__profile-table tbody tr", "rows => rows.map(row => row.children[1].textContent)")
    assert len(levels) == len(page.eval_on_selector_all(".hb-assess__form fieldset[data-criterion]", "f => f")), "every criterion"
    for step in written:
        assert re.sub(r"\s+", "", step) in squeezed, step
    context.close()


def test_next_steps_become_a_dated_action_plan_of_every_assessment_exported_and_imported(browser: Browser, base_url: str, tmp_path: Path) -> None:
    from handbook.assess import AnswersFile

    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    page.goto(base_url + page_url("en", "school-practice/portfolio"), wait_until="networkidle")
    page.click(".hb-assess__toggle")
    page.fill("#assess-portfolio-standards-standard-2-1-note", "Collect the council's minutes")
    page.click("fieldset[data-criterion='standard-2-1'] [data-act]")
    page.goto(base_url + page_url("en", RUBRIC), wait_until="networkidle")
    page.click(".hb-assess__toggle")
    plan = page.locator(".hb-assess__plan-list li")
    assert plan.count() == 1 and "Collect the council's minutes" in plan.first.inner_text(), "the plan gathers every assessment's actions"
    steps = {"rubric-leadership": "Observe two lessons", "rubric-community": "Meet the parents' council"}
    for row, step in steps.items():
        page.fill(f"#assess-development-rubric-{row}-next", step)
        page.click(f"fieldset[data-criterion='{row}'] [data-act]")
    assert plan.count() == 3
    dates = {"Meet the parents' council": "2027-01-20", "Observe two lessons": "2027-02-10", "Collect the council's minutes": "2026-12-15"}
    for text, date in dates.items():
        page.locator(".hb-assess__plan-list li", has_text=text).locator("input[type=date]").fill(date)
    page.locator(".hb-assess__plan-list li", has_text="Observe two lessons").locator("input[type=checkbox]").check()
    shown = page.locator(".hb-assess__plan-list .hb-assess__plan-text").all_inner_texts()
    assert shown == sorted(dates, key=dates.get), "soonest first"
    page.evaluate("window.print = () => {}")
    page.click("[data-action=plan-print]")
    page.emulate_media(media="print")
    assert page.locator(".hb-assess__plan").is_visible() and not page.locator(".hb-assess__form").is_visible(), "the plan prints alone"
    printed = tmp_path / "plan.pdf"
    page.pdf(path=str(printed), format="A4")
    text = re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(printed).pages))
    assert all(re.sub(r"\s+", "", step) in text for step in dates)
    page.emulate_media(media="screen")
    with page.expect_download() as download:
        page.click("[data-action=export]")
    exported = AnswersFile.model_validate(json.loads(Path(download.value.path()).read_text("utf-8")))
    actions = {a.text: a for record in exported.assessments.values() for a in record.actions}
    assert {text: a.date for text, a in actions.items()} == dates
    assert actions["Observe two lessons"].done and not actions["Meet the parents' council"].done
    assert actions["Observe two lessons"].criterion == "rubric-leadership"
    fresh = browser.new_context()
    other = fresh.new_page()
    other.goto(base_url + page_url("kk", RUBRIC), wait_until="networkidle")
    other.click(".hb-assess__toggle")
    other.set_input_files(".hb-assess input[type=file]", download.value.path())
    other.wait_for_function("document.querySelectorAll('.hb-assess__plan-list li').length === 3")
    done = other.locator(".hb-assess__plan-list li", has_text="Observe two lessons").locator("input[type=checkbox]")
    assert done.is_checked()
    fresh.close()
    context.close()
