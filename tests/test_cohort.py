"""The cohort summary (/assess/cohort/ in every language): a trainer chooses the files a group of directors exported
and sees per criterion how many are at each level, now and at each snapshot name the files share, as charts and
tables; files of another format or version are refused one by one with why; names only on request; nothing leaves
the browser; it prints on A4. The counts are checked against the files' own answers, counted here."""

import json
from collections import Counter
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page
from pypdf import PdfReader

from handbook.assess import AnswersFile

from conftest import CHROMIUM, LANGS, ROOT, page_url, read_data, soup

COHORT = "assess/cohort"
RUBRIC = "school-practice/development-rubric"
UI = {item["id"]: item["text"] for item in read_data(ROOT / "data/ui.yml")["items"]}
THEMES = [row["id"] for row in read_data(ROOT / "data/development_rubric.yml")["rows"]]
LEVELS = {lang: [column["name"][lang] for column in read_data(ROOT / "data/development_rubric.yml")["columns"]] for lang in LANGS}
browser_only = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium is missing: run `make test`, which installs it")


def fill(text: str, **values: object) -> str:
    """A ui.yml text with its {placeholders} filled."""
    for key, value in values.items():
        text = text.replace("{" + key + "}", str(value))
    return text


def answers_file(rubric: dict[str, int], snapshots: list[tuple[str, str, dict[str, int]]], portfolio: dict[str, str] | None = None) -> dict:
    """An exported file as the format defines it (checked by its model): the rubric's levels now and in snapshots."""
    record = {"answers": {k: {"level": v} for k, v in rubric.items()}, "snapshots": [{"name": n, "date": d, "answers": {k: {"level": v} for k, v in a.items()}} for n, d, a in snapshots]}
    data = {"format": "cpm-handbook-self-assessment", "version": 1, "exported": "2026-12-01T10:00:00Z", "assessments": {"development-rubric": record}}
    if portfolio:
        data["assessments"]["portfolio-standards"] = {"answers": {k: {"status": v} for k, v in portfolio.items()}}
    AnswersFile.model_validate(data)
    return data


def as_upload(name: str, content: bytes) -> dict:
    return {"name": name, "mimeType": "application/json", "buffer": content}


# On the build


@pytest.mark.parametrize("lang", LANGS)
def test_the_cohort_page_is_in_every_language_and_the_navigation(site: Path, lang: str) -> None:
    page = soup(site, lang, COHORT)
    section = page.select_one("section.hb-cohort")
    assert section is not None and page.html["lang"] == lang
    config = json.loads(section.select_one(".hb-cohort__config").string)
    assert config["strings"]["import-version"] == UI["cohort.import-version"][lang]
    assert config["strings"]["now"] == UI["assess.now"][lang]
    rubric = next(a for a in config["assessments"] if a["id"] == "development-rubric")
    assert rubric["levels"] == LEVELS[lang] and [c[0] for c in rubric["criteria"]] == THEMES
    assert {a["id"] for a in config["assessments"]} == set(config["definitions"]) == {"development-rubric", "competencies-table", "portfolio-standards"}
    assert section.select_one("label[for=cohort-files]").get_text(strip=True) == UI["cohort.drop"][lang]
    scripts = [script["src"] for script in page.select("script[src]")]
    assert any(src.endswith("assess-kit.js") for src in scripts) and any(src.endswith("cohort.js") for src in scripts)
    nav = [a["href"].rstrip("/").rsplit("/", 1)[-1] for a in soup(site, lang).select(".md-nav--primary a.md-nav__link[href]")]
    assert "cohort" in nav and nav.index("cohort") == nav.index("session") + 1, nav


def test_the_cohort_script_loads_only_on_its_page_and_the_kit_with_the_assessments(site: Path) -> None:
    for slug in ("", "evidence", "session", RUBRIC, "competencies"):
        html = (site / page_url("kk", slug) / "index.html").read_text("utf-8")
        assert "cohort.js" not in html, slug
        assert ("assess-kit.js" in html) == (slug in (RUBRIC, "competencies")), slug


# In the browser


@pytest.fixture
def context(browser: Browser) -> BrowserContext:
    context = browser.new_context(accept_downloads=True)
    yield context
    context.close()


def exported_from_the_rubric_page(context: BrowserContext, base_url: str, tmp_path: Path) -> dict:
    """A file exported for real: levels chosen in Russian, a snapshot "Осень 2026", changed, exported."""
    page = context.new_page()
    page.goto(base_url + page_url("ru", RUBRIC), wait_until="networkidle")
    page.click(".hb-assess__toggle")
    page.click(f"label[for='assess-development-rubric-{THEMES[0]}-1']")
    page.fill(".hb-assess__snapshot input", "Осень 2026")
    page.click("[data-action=snapshot]")
    page.click(f"label[for='assess-development-rubric-{THEMES[0]}-3']")
    page.click(f"label[for='assess-development-rubric-{THEMES[1]}-2']")
    with page.expect_download() as download:
        page.click("[data-action=export]")
    path = tmp_path / "exported.json"
    download.value.save_as(path)
    page.close()
    return json.loads(path.read_text("utf-8"))


def summary_tables(page: Page, assessment: str) -> dict[str, dict[str, dict[str, str]]]:
    """Each series' table of one assessment: by series (now is ""), by criterion, by part, the cell's count."""
    return page.evaluate(
        """id => Object.fromEntries([...document.querySelectorAll(`[data-assessment="${id}"] table[data-series]`)].map(table => [table.dataset.series,
             Object.fromEntries([...table.querySelectorAll('tr[data-criterion]')].map(row => [row.dataset.criterion,
               Object.fromEntries([...row.querySelectorAll('td[data-part]')].map(cell => [cell.dataset.part, cell.firstChild.textContent]))]))]))""",
        assessment,
    )


def expected(files: list[dict], series: str | None) -> dict[str, Counter]:
    """Per rubric theme, how many files are at each level ("none": no level), now (None) or at a snapshot name."""
    found: dict[str, Counter] = {theme: Counter() for theme in THEMES}
    for data in files:
        record = data["assessments"]["development-rubric"]
        if series is None:
            answers = record["answers"]
        else:
            named = [s for s in record["snapshots"] if s["name"].strip().lower() == series.lower()]
            if not named:
                continue
            answers = max(named, key=lambda s: s["date"])["answers"]
        for theme in THEMES:
            level = answers.get(theme, {}).get("level")
            found[theme][str(level) if level else "none"] += 1
    return found


@browser_only
def test_five_files_one_malformed_one_of_another_version_are_summarised_and_refused(context: BrowserContext, base_url: str, tmp_path: Path) -> None:
    exported = exported_from_the_rubric_page(context, base_url, tmp_path)
    snapshots = [("осень 2026 ", "2026-10-20T08:00:00Z", {THEMES[0]: 1, THEMES[2]: 3}), ("Осень 2026", "2026-10-02T08:00:00Z", {THEMES[0]: 4})]
    second = answers_file({THEMES[0]: 2, THEMES[2]: 4}, snapshots, {"standard-2-1": "collected"})
    third = answers_file({THEMES[0]: 3, THEMES[1]: 4, THEMES[2]: 4}, [("Spring 2026", "2026-04-01T08:00:00Z", {THEMES[0]: 2})])
    version_2 = dict(third, version=2)
    files = [
        as_upload("Aigerim Sadykova.json", json.dumps(exported).encode()),
        as_upload("Bolat.json", json.dumps(second).encode()),
        as_upload("Dana.json", b'{"format": "cpm-handbook-self-assessment", "version": 1, "assessments": {'),
        as_upload("Erlan.json", json.dumps(version_2).encode()),
        as_upload("Gulnara.json", json.dumps(third).encode()),
    ]
    page = context.new_page()
    requests: list[tuple[str, str, str | None]] = []
    page.goto(base_url + page_url("kk", COHORT), wait_until="networkidle")
    page.on("request", lambda request: requests.append((request.method, request.url, request.post_data)))
    page.set_input_files("#cohort-files", files=files)
    page.wait_for_selector("[data-assessment=development-rubric]")
    assert page.inner_text(".hb-cohort__count") == fill(UI["cohort.summarised"]["kk"], n=3, refused=2)
    refused = page.locator(".hb-cohort__refused li")
    assert refused.evaluate_all("items => items.map(i => [i.dataset.file, i.dataset.problem])") == [["3", "import-not-json"], ["4", "import-version"]]
    third_file, fourth_file = fill(UI["cohort.file"]["kk"], n=3), fill(UI["cohort.file"]["kk"], n=4)
    assert refused.all_inner_texts() == [fill(UI["cohort.import-not-json"]["kk"], file=third_file), fill(UI["cohort.import-version"]["kk"], file=fourth_file, version=2)]
    text = page.inner_text(".hb-cohort")
    assert not any(name in text for name in ("Aigerim", "Bolat", "Dana", "Erlan", "Gulnara")), "names only when asked"

    usable = [exported, second, third]
    tables = summary_tables(page, "development-rubric")
    assert set(tables) == {"", "Осень 2026"}, "a snapshot name shared by two files (Spring 2026 is one file's)"
    for series, name in (("", None), ("Осень 2026", "Осень 2026")):
        want = expected(usable, name)
        for theme in THEMES:
            assert {part: int(n) for part, n in tables[series][theme].items() if part != "mean"} == {str(k): want[theme][str(k)] for k in range(1, 5)} | {"none": want[theme]["none"]}, (series, theme)
    now = expected(usable, None)
    assert now[THEMES[0]] == Counter({"3": 2, "2": 1}), "the exported file's level changed after its snapshot"
    bars = page.eval_on_selector_all("[data-assessment=development-rubric] rect[data-criterion]", "bars => bars.map(b => [b.dataset.criterion, b.dataset.part, Number(b.dataset.value)])")
    assert {(c, p): v for c, p, v in bars} == {(theme, part): now[theme][part] for theme in THEMES for part in ["1", "2", "3", "4", "none"]}
    means = page.eval_on_selector_all("[data-assessment=development-rubric] .hb-chart__series--now [data-criterion]", "marks => marks.map(m => [m.dataset.criterion, Number(m.dataset.value)])")
    levels = {theme: [int(k) for k, n in now[theme].items() if k != "none" for _ in range(n)] for theme in THEMES}
    assert dict(means) == {theme: pytest.approx(sum(v) / len(v), abs=0.01) for theme, v in levels.items() if v}
    portfolio = summary_tables(page, "portfolio-standards")[""]
    assert portfolio["standard-2-1"] == {"not-started": "0", "in-progress": "0", "collected": "1"}, "only one file has a portfolio"
    sent = [r for r in requests if r[0] != "GET" or r[2] or not r[1].startswith(base_url + "assets/")]
    assert sent == [], "nothing leaves the browser: at most the site's own fonts are fetched"

    page.check("[data-action=names]")
    assert refused.all_inner_texts()[0] == fill(UI["cohort.import-not-json"]["kk"], file="Dana")
    who = page.locator(f"[data-assessment=development-rubric] table[data-series=''] tr[data-criterion='{THEMES[0]}'] td[data-part='3'] .hb-cohort__who")
    assert sorted(who.inner_text().split(", ")) == ["Aigerim Sadykova", "Gulnara"]


@browser_only
def test_the_same_file_twice_and_a_file_without_answers_are_refused_with_why(context: BrowserContext, base_url: str) -> None:
    one = json.dumps(answers_file({THEMES[0]: 1}, [])).encode()
    empty = json.dumps({"format": "cpm-handbook-self-assessment", "version": 1, "exported": "2026-12-01T10:00:00Z", "assessments": {"development-rubric": {"answers": {}}}}).encode()
    page = context.new_page()
    page.goto(base_url + page_url("en", COHORT), wait_until="networkidle")
    page.set_input_files("#cohort-files", files=[as_upload("a.json", one), as_upload("b.json", one)])
    page.wait_for_selector("[data-assessment=development-rubric]")
    page.set_input_files("#cohort-files", files=[as_upload("c.json", empty), as_upload("d.txt", b"Dear trainer")])
    page.wait_for_function("document.querySelectorAll('.hb-cohort__refused li').length === 3")
    en = {key: UI[f"cohort.{key}"]["en"] for key in ("file", "duplicate", "no-answers", "import-not-json")}
    label = {n: fill(en["file"], n=n) for n in range(1, 5)}
    assert page.locator(".hb-cohort__refused li").all_inner_texts() == [
        fill(en["duplicate"], file=label[2], other=label[1]),
        fill(en["no-answers"], file=label[3]),
        fill(en["import-not-json"], file=label[4]),
    ]
    assert page.locator(".hb-cohort__refused li").all_inner_texts()[0] == "File 2: the same as File 1, added before."
    assert page.inner_text(".hb-cohort__count") == fill(UI["cohort.summarised"]["en"], n=1, refused=3)
    page.click("[data-action=clear]")
    assert page.inner_text(".hb-cohort__count") == UI["cohort.empty"]["en"]
    assert page.locator(".hb-cohort__assessment").count() == 0


@browser_only
def test_the_summary_prints_on_a4_without_the_tools(context: BrowserContext, base_url: str, tmp_path: Path) -> None:
    files = [answers_file({THEMES[0]: n, THEMES[1]: 5 - n}, [("Autumn 2026", "2026-10-01T00:00:00Z", {THEMES[0]: 1})]) for n in (1, 2, 4)]
    page = context.new_page()
    page.goto(base_url + page_url("en", COHORT), wait_until="networkidle")
    page.set_input_files("#cohort-files", files=[as_upload(f"{n}.json", json.dumps(f).encode()) for n, f in enumerate(files)])
    page.wait_for_selector("[data-assessment=development-rubric]")
    page.emulate_media(media="print")
    pdf = tmp_path / "cohort.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    reader = PdfReader(pdf)
    assert all(round(float(p.mediabox.width)) == 595 and round(float(p.mediabox.height)) == 842 for p in reader.pages)
    text = " ".join(p.extract_text() for p in reader.pages)
    assert fill(UI["cohort.table"]["en"], series=fill(UI["cohort.series"]["en"], name="Autumn 2026", n=3)) in text
    assert "Directions of school development" in text and LEVELS["en"][3] in text and UI["cohort.no-answer"]["en"] in text
    assert UI["cohort.drop"]["en"] not in text and UI["cohort.print"]["en"] not in text, "the tools do not print"


@browser_only
def test_the_summary_fits_a_phone_and_has_no_serious_accessibility_violations(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(base_url + page_url("ru", COHORT), wait_until="networkidle")
    files = [answers_file({THEMES[0]: n}, [], {"standard-2-1": "in-progress"}) for n in (1, 3)]
    page.set_input_files("#cohort-files", files=[as_upload(f"{n}.json", json.dumps(f).encode()) for n, f in enumerate(files)])
    page.wait_for_selector("[data-assessment=portfolio-standards]")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    options = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
    violations = Axe().run(page, options=options).response["violations"]
    serious = [(v["id"], [node["target"] for node in v["nodes"]][:3]) for v in violations if v["impact"] in ("serious", "critical")]
    assert not serious, serious
    context.close()


@browser_only
def test_without_javascript_the_page_says_what_it_needs(browser: Browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + page_url("kk", COHORT))
    assert UI["cohort.needs-script"]["kk"] in page.inner_text("article")
    assert not page.locator(".hb-cohort__tool").is_visible()
    context.close()
