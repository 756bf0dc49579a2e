"""Accessibility: axe-core (WCAG 2.1 A and AA rules) in chromium finds nothing serious on the main kinds of page,
in every language (test_browser checks that a phone-wide window never scrolls sideways)."""

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser

from conftest import CHROMIUM, LANGS, page_url

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium is missing: run `make test`, which installs it")
MAIN_PAGES = {
    "home": "",
    "prose": "evidence",
    "data table": "competencies",
    "rubric": "school-practice/development-rubric",
    "glossary": "glossary",
    "handout": "handouts/development-rubric",
    "editors": "editors",
}
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


@pytest.fixture(scope="module")
def axe() -> Axe:
    """axe-core, as the axe-playwright-python package ships it (no download)."""
    return Axe()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", MAIN_PAGES)
def test_no_serious_accessibility_violations(browser: Browser, base_url: str, axe: Axe, kind: str, lang: str) -> None:
    page = browser.new_page()
    page.goto(base_url + page_url(lang, MAIN_PAGES[kind]), wait_until="networkidle")
    violations = axe.run(page, options=WCAG).response["violations"]
    page.close()
    serious = [(v["id"], v["impact"], [node["target"] for node in v["nodes"]][:3]) for v in violations if v["impact"] in ("serious", "critical")]
    assert not serious, serious
