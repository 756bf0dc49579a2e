"""Self-assessment: directors fill in the rubrics and track the portfolio in the browser, privately. The data format
(versioned, schemas/self-assessment.md), the built forms, and the real thing in chromium: levels kept over reloads
and languages, export / clear / import, malformed files refused, print, keyboard, snapshots, axe."""

import gzip
import json
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page
from pydantic import ValidationError

from handbook.assess import AnswersFile, assessments
from handbook.project import load_project

from conftest import CHROMIUM, LANGS, ROOT, page_url, read_data, soup

RUBRIC = "school-practice/development-rubric"
KEY = "cpm-handbook:self-assessment"
UI = {item["id"]: item["text"] for item in read_data(ROOT / "data/ui.yml")["items"]}
browser_only = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium is missing: run `make test`, which installs it")


@pytest.fixture(scope="module")
def known() -> dict:
    """What the site lets readers assess."""
    return assessments(load_project(ROOT))


# The data format


def test_what_can_be_assessed(known: dict) -> None:
    rubric = read_data(ROOT / "data/development_rubric.yml")
    assert known["development-rubric"].kind == "rubric"
    assert known["development-rubric"].criteria == [row["id"] for row in rubric["rows"]]
    assert known["development-rubric"].levels == len(rubric["columns"]) == 4
    table = read_data(ROOT / "data/competencies.yml")
    statements = [f"{row['id']}.{column}.{n}" for row in table["rows"] for column in [c["id"] for c in table["columns"]] for n in range(1, len(row["cells"].get(column, [])) + 1)]
    assert known["competencies-table"].criteria == statements and len(statements) == 29  # the table's note counts 29
    portfolio = known["portfolio-standards"]
    assert len(portfolio.criteria) == 29 and [len(ids) for ids in portfolio.groups.values()] == [1, 9, 14, 5]
    figure = (ROOT / "data/action_research_figure.yml").read_text("utf-8")
    assert portfolio.evidence and all(f"id: {box}" in figure for box in portfolio.evidence)


VALID = {
    "format": "cpm-handbook-self-assessment",
    "version": 1,
    "exported": "2026-11-24T09:30:00Z",
    "assessments": {
        "development-rubric": {
            "answers": {"rubric-leadership": {"level": 2, "evidence": "Minutes", "next": "Open the council"}},
            "snapshots": [{"name": "Autumn 2026", "date": "2026-11-01T00:00:00Z", "answers": {"rubric-leadership": {"level": 1}}}],
        },
        "portfolio-standards": {"answers": {"standard-2-1": {"status": "in-progress", "types": ["ar-evidence-reflective-journal"]}}},
    },
}


def test_the_documented_example_is_a_valid_file() -> None:
    AnswersFile.model_validate(VALID)
    doc = (ROOT / "schemas/self-assessment.md").read_text("utf-8")
    example = json.loads(doc.split("```json", 1)[1].split("```", 1)[0])
    AnswersFile.model_validate(example)


@pytest.mark.parametrize(
    "change",
    [
        {"version": 2},
        {"format": "something-else"},
        {"exported": "yesterday"},
        {"extra": 1},
        {"assessments": {"development-rubric": {"answers": {"rubric-leadership": {"level": 0}}}}},
        {"assessments": {"portfolio-standards": {"answers": {"standard-1-1": {"status": "done"}}}}},
        {"assessments": {"development-rubric": {"answers": {"rubric-leadership": {"colour": "red"}}}}},
        {"assessments": {"development-rubric": {"answers": {}, "snapshots": [{"name": "", "date": "2026-01-01T00:00:00Z", "answers": {}}]}}},
    ],
)
def test_a_malformed_file_is_refused(change: dict) -> None:
    with pytest.raises(ValidationError):
        AnswersFile.model_validate({**VALID, **change})


# The built pages


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("file_id", "slug"), [("development-rubric", RUBRIC), ("competencies-table", "competencies"), ("portfolio-standards", "school-practice/portfolio")])
def test_each_assessable_page_carries_its_form_hidden_until_the_script_runs(site: Path, known: dict, lang: str, file_id: str, slug: str) -> None:
    page = soup(site, lang, slug)
    section = page.select_one(f'section.hb-assess[data-assess="{file_id}"]')
    assert section is not None and section.has_attr("hidden"), "without the script the page is the plain rubric"
    assert [f["data-criterion"] for f in section.select("fieldset[data-criterion]")] == known[file_id].criteria
    assert section.select_one("h2").get_text() == UI["assess.title"][lang]
    config = json.loads(section.select_one("script.hb-assess__config").string)
    assert config["version"] == 1 and config["lang"] == lang and set(config["definitions"]) == set(known)
    assert config["strings"]["answered"] == UI["assess.answered"][lang]
    labelled = {label["for"] for label in section.select("label[for]")}
    for control in section.select("input, textarea"):  # every control has a label in the page's language
        assert control.get("type") == "file" or control["id"] in labelled, control
    assert page.select_one(f'[data-id="{file_id}"]:not(.hb-assess *)') is not None, "the reading view stays"


def test_other_pages_load_no_assessment_script(site: Path) -> None:
    for slug in ("", "evidence", "glossary", "ten-factors"):
        assert "assess.js" not in (site / page_url("kk", slug) / "index.html").read_text("utf-8"), slug


def test_script_and_styles_are_small(site: Path) -> None:
    """The whole self-assessment, charts and the cohort summary included, under 25 KB gzipped (issue 21)."""
    scripts = [site / "assets/javascripts" / name for name in ("assess-kit.js", "assess.js", "cohort.js")]
    assert sum(len(gzip.compress(path.read_bytes())) for path in [*scripts, site / "assets/stylesheets/assess.css"]) < 25_000


# In the browser


def open_rubric(context: BrowserContext, base_url: str, lang: str = "kk", slug: str = RUBRIC) -> Page:
    """A page of the site with its self-assessment open."""
    page = context.new_page()
    page.goto(base_url + page_url(lang, slug), wait_until="networkidle")
    toggle = page.locator(".hb-assess__toggle")
    if toggle.get_attribute("aria-expanded") != "true":
        toggle.click()
    return page


def level(row: str, n: int) -> str:
    """The selector of one level's radio button."""
    return f"#assess-development-rubric-{row}-{n}"


def choose(page: Page, row: str, n: int) -> None:
    """Pick a level the way a reader does: on its card's label."""
    page.click(f"label[for='{level(row, n)[1:]}']")


def stored(page: Page) -> dict:
    """What the browser keeps."""
    return json.loads(page.evaluate(f"localStorage.getItem('{KEY}')") or "null")


@pytest.fixture
def context(browser: Browser) -> BrowserContext:
    """A fresh browser profile: empty storage."""
    context = browser.new_context(accept_downloads=True)
    yield context
    context.close()


@browser_only
def test_levels_survive_reload_and_language_switch(context: BrowserContext, base_url: str) -> None:
    page = open_rubric(context, base_url)
    choose(page, "rubric-leadership", 2)
    page.fill("#assess-development-rubric-rubric-leadership-evidence", "Кеңес хаттамалары")
    choose(page, "rubric-community", 4)
    page.reload(wait_until="networkidle")
    assert page.locator(".hb-assess__body").is_visible(), "the form stays open"
    assert page.is_checked(level("rubric-leadership", 2)) and page.is_checked(level("rubric-community", 4))
    assert page.input_value("#assess-development-rubric-rubric-leadership-evidence") == "Кеңес хаттамалары"
    assert stored(page)["assessments"]["development-rubric"]["answers"]["rubric-leadership"] == {"level": 2, "evidence": "Кеңес хаттамалары"}
    russian = open_rubric(context, base_url, "ru")
    assert russian.is_checked(level("rubric-leadership", 2)) and russian.is_checked(level("rubric-community", 4))
    assert russian.inner_text(".hb-assess__count") == "Отвечено: 2 из 3"
    assert not russian.locator(".md-content [data-id='development-rubric'].hb-table").is_visible(), "the form replaces the table"


@browser_only
def test_keyboard_alone_fills_in_the_form(context: BrowserContext, base_url: str) -> None:
    page = context.new_page()
    page.goto(base_url + page_url("en", RUBRIC), wait_until="networkidle")
    page.focus(".hb-assess__toggle")
    page.keyboard.press("Enter")
    assert page.get_attribute(".hb-assess__toggle", "aria-expanded") == "true"
    page.focus(level("rubric-leadership", 1))
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert page.is_checked(level("rubric-leadership", 3))
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "assess-development-rubric-rubric-leadership-evidence"
    page.keyboard.type("Plan agreed")
    assert stored(page)["assessments"]["development-rubric"]["answers"]["rubric-leadership"] == {"level": 3, "evidence": "Plan agreed"}


@browser_only
def test_export_clear_import_brings_the_answers_back(context: BrowserContext, base_url: str) -> None:
    page = open_rubric(context, base_url)
    choose(page, "rubric-teacher-development", 3)
    page.fill(".hb-assess__snapshot input", "Күз 2026")
    page.click("[data-action=snapshot]")
    with page.expect_download() as download:
        page.click("[data-action=export]")
    exported = json.loads(Path(download.value.path()).read_text("utf-8"))
    answers = AnswersFile.model_validate(exported)  # the documented format, version and date
    assert answers.version == 1 and answers.exported.year >= 2026 and download.value.suggested_filename.startswith("self-assessment-")
    assert answers.assessments["development-rubric"].answers["rubric-teacher-development"].level == 3
    assert [s.name for s in answers.assessments["development-rubric"].snapshots] == ["Күз 2026"]
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("[data-action=clear]")
    assert not page.is_checked(level("rubric-teacher-development", 3))
    assert "development-rubric" not in stored(page)["assessments"]
    with page.expect_file_chooser() as chooser:
        page.click("[data-action=import]")
    chooser.value.set_files(download.value.path())
    page.wait_for_function(f"document.querySelector('{level('rubric-teacher-development', 3)}').checked")
    assert page.inner_text(".hb-assess__status") == UI["assess.imported"]["kk"].replace("{n}", "1")
    assert page.locator(".hb-assess__progress thead th").nth(1).inner_text().startswith("Күз 2026")


@browser_only
def test_clear_asks_first_and_keeps_the_answers_when_declined(context: BrowserContext, base_url: str) -> None:
    page = open_rubric(context, base_url, "ru")
    choose(page, "rubric-leadership", 1)
    messages: list[str] = []
    page.once("dialog", lambda dialog: (messages.append(dialog.message), dialog.dismiss()))
    page.click("[data-action=clear]")
    assert messages == [UI["assess.clear-confirm"]["ru"]]
    assert page.is_checked(level("rubric-leadership", 1))


@browser_only
@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "assess.import-not-json"),
        (b'{"format": "something-else", "version": 1, "assessments": {}}', "assess.import-not-ours"),
        (b'{"format": "cpm-handbook-self-assessment", "version": 7, "exported": "2026-01-01T00:00:00Z", "assessments": {}}', "assess.import-version"),
    ],
)
def test_a_malformed_file_is_reported_and_changes_nothing(context: BrowserContext, base_url: str, content: bytes, message: str) -> None:
    page = open_rubric(context, base_url, "ru")
    choose(page, "rubric-leadership", 2)
    before = page.evaluate(f"localStorage.getItem('{KEY}')")
    page.set_input_files(".hb-assess input[type=file]", files=[{"name": "answers.json", "mimeType": "application/json", "buffer": content}])
    page.wait_for_function("document.querySelector('.hb-assess__alert').textContent !== ''")
    assert page.inner_text(".hb-assess__alert") == UI[message]["ru"].replace("{version}", "7")
    assert page.evaluate(f"localStorage.getItem('{KEY}')") == before
    assert page.is_checked(level("rubric-leadership", 2))


@browser_only
def test_unknown_ids_are_listed_or_kept_aside_and_the_rest_is_used(context: BrowserContext, base_url: str) -> None:
    page = open_rubric(context, base_url, "en")
    data = {
        **VALID,
        "assessments": {
            **VALID["assessments"],
            "no-such-rubric": {"answers": {}},
            "development-rubric": {"answers": {"rubric-leadership": {"level": 4}, "rubric-nothing": {"level": 1}, "rubric-community": {"level": 9}}},
        },
    }
    page.set_input_files(".hb-assess input[type=file]", files=[{"name": "a.json", "mimeType": "application/json", "buffer": json.dumps(data).encode()}])
    page.wait_for_function("document.querySelector('.hb-assess__alert').textContent !== ''")
    alert = page.inner_text(".hb-assess__alert")
    assert "no-such-rubric" in alert and "rubric-community: level 9" in alert
    assert "rubric-nothing" not in alert and page.locator(".hb-assess__aside").is_visible(), "an answer to a criterion not known is kept aside"
    assert stored(page)["assessments"]["development-rubric"]["answers"]["rubric-nothing"] == {"level": 1}
    assert page.is_checked(level("rubric-leadership", 4)) and not page.is_checked(level("rubric-community", 4))
    assert stored(page)["assessments"]["portfolio-standards"]["answers"]["standard-2-1"]["status"] == "in-progress"


@browser_only
def test_storage_errors_are_shown(browser: Browser, base_url: str) -> None:
    context = browser.new_context()
    context.add_init_script("Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };")
    page = open_rubric(context, base_url, "kk")
    choose(page, "rubric-leadership", 2)
    assert page.inner_text(".hb-assess__alert") == UI["assess.storage-error"]["kk"]
    context.close()


@browser_only
def test_printing_in_self_assessment_mode_prints_the_filled_form(context: BrowserContext, base_url: str) -> None:
    from io import BytesIO

    from pypdf import PdfReader

    page = open_rubric(context, base_url, "en")
    choose(page, "rubric-leadership", 3)
    page.fill("#assess-development-rubric-rubric-leadership-next", "Share the plan with parents")
    page.emulate_media(media="print")
    assert not page.locator(".md-content .hb-table[data-id='development-rubric']").is_visible()
    assert not page.locator(".hb-assess__tools").is_visible() and not page.locator("textarea").first.is_visible()
    chosen = page.locator(".hb-choice:has(input:checked)")
    assert chosen.count() == 1 and chosen.locator("label").evaluate("l => getComputedStyle(l, '::before').content") == '"✓ "'
    assert page.locator(".hb-assess__printed[data-print=next]").first.inner_text() == "Share the plan with parents"
    text = "".join(p.extract_text() for p in PdfReader(BytesIO(page.pdf(prefer_css_page_size=True))).pages)
    assert "Share the plan with parents" in text and "✓" in text and "Export to a file" not in text


@browser_only
def test_snapshots_show_progress_side_by_side(context: BrowserContext, base_url: str) -> None:
    page = open_rubric(context, base_url, "ru")
    choose(page, "rubric-leadership", 1)
    page.fill(".hb-assess__snapshot input", "Осень 2026")
    page.click("[data-action=snapshot]")
    choose(page, "rubric-leadership", 3)
    heads = page.locator(".hb-assess__progress thead th").all_inner_texts()
    assert heads[1].startswith("Осень 2026") and heads[2] == UI["assess.now"]["ru"]
    row = page.locator(".hb-assess__progress tr[data-criterion=rubric-leadership] td").all_inner_texts()
    assert row == ["1", "3"]


@browser_only
def test_the_portfolio_tracker_counts_per_group(context: BrowserContext, base_url: str) -> None:
    page = open_rubric(context, base_url, "kk", "school-practice/portfolio")
    assert page.locator("fieldset[data-criterion]").count() == 29
    page.click("label[for='assess-portfolio-standards-standard-2-1-in-progress']")
    page.click("label[for='assess-portfolio-standards-standard-2-2-collected']")
    standard = page.locator("fieldset[data-criterion=standard-2-1]")
    standard.locator("summary").click()
    standard.locator("label", has_text="Фотосуреттер").click()
    assert page.locator("tr[data-group='2'] td").all_inner_texts() == ["7 / 9", "1 / 9", "1 / 9"]
    answer = stored(page)["assessments"]["portfolio-standards"]["answers"]["standard-2-1"]
    assert answer == {"status": "in-progress", "types": ["ar-evidence-photographs"]}


@browser_only
def test_without_javascript_the_page_is_the_plain_rubric(browser: Browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + page_url("kk", RUBRIC))
    assert page.locator(".md-content .hb-table[data-id='development-rubric']").is_visible()
    assert not page.locator(".hb-assess").is_visible()
    context.close()


@browser_only
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("slug", [RUBRIC, "school-practice/portfolio"])
def test_no_serious_accessibility_violations_in_self_assessment_mode(context: BrowserContext, base_url: str, lang: str, slug: str) -> None:
    page = open_rubric(context, base_url, lang, slug)
    page.click(".hb-assess__form .hb-choice label >> nth=1")
    page.fill(".hb-assess__snapshot input", "2026")
    page.click("[data-action=snapshot]")
    options = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
    violations = Axe().run(page, options=options).response["violations"]
    serious = [(v["id"], [node["target"] for node in v["nodes"]][:3]) for v in violations if v["impact"] in ("serious", "critical")]
    assert not serious, serious


@browser_only
@pytest.mark.parametrize("slug", [RUBRIC, "competencies", "school-practice/portfolio"])
def test_the_form_fits_a_phone(browser: Browser, base_url: str, slug: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = open_rubric(context, base_url, "kk", slug)
    page.fill(".hb-assess__snapshot input", "Күз 2026")
    page.click("[data-action=snapshot]")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    context.close()


@browser_only
def test_two_tabs_never_overwrite_each_others_answers(context: BrowserContext, base_url: str) -> None:
    rubric = open_rubric(context, base_url, "kk")
    portfolio = open_rubric(context, base_url, "kk", "school-practice/portfolio")
    portfolio.click("label[for='assess-portfolio-standards-standard-1-1-collected']")
    choose(rubric, "rubric-leadership", 4)  # this tab loaded before the portfolio's answer
    answers = stored(rubric)["assessments"]
    assert answers["portfolio-standards"]["answers"]["standard-1-1"] == {"status": "collected"}
    assert answers["development-rubric"]["answers"]["rubric-leadership"] == {"level": 4}
    other = open_rubric(context, base_url, "ru")
    choose(other, "rubric-community", 2)
    rubric.wait_for_function(f"document.querySelector('{level('rubric-community', 2)}').checked")  # shown in the first tab too


def test_the_whole_book_has_the_rubrics_but_not_the_forms(site: Path) -> None:
    for lang in LANGS:
        book = (site / page_url(lang, "handouts/handbook") / "index.html").read_text("utf-8")
        assert '<section class="hb-assess"' not in book and "assess.js" not in book
        assert 'data-id="development-rubric"' in book


@browser_only
def test_the_mode_button_says_what_it_does(context: BrowserContext, base_url: str) -> None:
    page = context.new_page()
    page.goto(base_url + page_url("ru", RUBRIC), wait_until="networkidle")
    toggle = page.locator(".hb-assess__toggle")
    assert toggle.inner_text() == UI["assess.mode"]["ru"] and toggle.get_attribute("aria-expanded") == "false"
    toggle.click()
    assert toggle.inner_text() == UI["assess.close"]["ru"] and toggle.get_attribute("aria-expanded") == "true"
    toggle.click()
    assert page.locator(".md-content .hb-table[data-id='development-rubric']").is_visible()
    assert not page.locator(".hb-assess__body").is_visible()


@browser_only
def test_a_snapshot_can_be_deleted_after_confirming(context: BrowserContext, base_url: str) -> None:
    page = open_rubric(context, base_url, "en")
    choose(page, "rubric-leadership", 2)
    for name in ("Autumn 2026", "Spring 2027"):
        page.fill(".hb-assess__snapshot input", name)
        page.click("[data-action=snapshot]")
    page.once("dialog", lambda dialog: dialog.accept() if dialog.message == "Delete the snapshot “Autumn 2026”?" else dialog.dismiss())
    page.click("button[aria-label='Delete the snapshot “Autumn 2026”']")
    assert [s["name"] for s in stored(page)["assessments"]["development-rubric"]["snapshots"]] == ["Spring 2027"]
    assert page.locator(".hb-assess__progress thead th").nth(1).inner_text().startswith("Spring 2027")


@browser_only
def test_a_link_under_the_title_leads_to_the_open_form(browser: Browser, base_url: str, site: Path) -> None:
    link = soup(site, "kk", RUBRIC).select_one(".hb-assess-link")
    assert link is not None and link.has_attr("hidden"), "shown only where the script runs"
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(base_url + page_url("kk", RUBRIC), wait_until="networkidle")
    page.click(".hb-assess-link a")
    assert page.get_attribute(".hb-assess__toggle", "aria-expanded") == "true"
    assert page.locator(".hb-assess__title").is_visible() and page.url.endswith("#assess-development-rubric")
    context.close()
