"""In a real browser (Debian's chromium through Playwright): no other host is asked, the switcher works, phones fit."""

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from conftest import CHROMIUM, LANGS, page_url

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium is missing: run `make test`, which installs it")


@pytest.mark.parametrize("slug", ["", "evidence", "ten-factors", "competencies", "school-practice/development-rubric", "glossary", "handouts/glossary"])
@pytest.mark.parametrize("lang", LANGS)
def test_a_page_asks_no_other_host_and_draws_with_its_own_fonts(browser: Browser, base_url: str, lang: str, slug: str) -> None:
    page = browser.new_page()
    requested: list[str] = []
    failed: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
    page.goto(base_url + page_url(lang, slug), wait_until="networkidle")
    assert requested, "the page made requests"
    assert [url for url in requested if not url.startswith(base_url) and not url.startswith("data:")] == []
    assert failed == [], "every request the page makes succeeds (Material once looked for a sitemap beside each translation)"
    page.evaluate("document.fonts.ready")
    family = "Roboto Cyrillic Ext" if slug.startswith("handouts/") else "Roboto"  # print pages: one family per subset
    # Load the face that has the Kazakh letters (a page may not use it yet), then it must draw them.
    assert page.evaluate(f"document.fonts.load('16px \"{family}\"', 'әғқңөұүһі').then(faces => faces.length)") > 0
    assert page.evaluate(f"document.fonts.check('16px \"{family}\"', 'әғқңөұүһі')")
    loaded = page.evaluate("[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)")
    assert any("Roboto" in family for family in loaded)
    page.close()


@pytest.mark.parametrize("source, target", [("kk", "ru"), ("ru", "en"), ("en", "kk")])
def test_language_switcher_keeps_the_page(browser: Browser, base_url: str, source: str, target: str) -> None:
    page = browser.new_page()
    page.goto(base_url + page_url(source, "ten-factors"))
    page.hover(".md-header .md-select")
    page.click(f'.md-header a.md-select__link[hreflang="{target}"]')
    page.wait_for_load_state()
    assert page.url == base_url + page_url(target, "ten-factors")
    assert page.evaluate("document.documentElement.lang") == target
    page.close()


@pytest.mark.parametrize(
    "slug",
    [
        "",
        "burke-litwin",
        "requirements",
        "competencies",
        "programme",
        "practices/leading-learning",
        "practices/community",
        "capacity",
        "glossary",
        "school-practice/development-rubric",
        "editors",
        "open-data",
        "handouts",
        "handouts/development-rubric",
    ],
)
@pytest.mark.parametrize("lang", LANGS)
def test_a_phone_sized_window_needs_no_sideways_scrolling(browser: Browser, base_url: str, lang: str, slug: str) -> None:
    page = browser.new_page(viewport={"width": 360, "height": 740}, device_scale_factor=2)
    assert page.goto(base_url + page_url(lang, slug), wait_until="networkidle").ok
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.close()


@pytest.mark.parametrize("lang", LANGS)
def test_a_term_shows_its_definition_on_hover_and_on_keyboard_focus(browser: Browser, base_url: str, lang: str) -> None:
    page = browser.new_page()
    page.goto(base_url + page_url(lang, "ten-factors"), wait_until="networkidle")
    link = page.locator("a.hb-term__link").first
    tip = page.locator("#" + link.get_attribute("aria-describedby"))
    assert not tip.is_visible()

    link.hover()
    assert tip.is_visible()
    assert tip.inner_text().strip()
    page.mouse.move(0, 0)
    assert not tip.is_visible()

    link.focus()  # as Tab would
    assert tip.is_visible()
    page.keyboard.press("Escape")
    assert not tip.is_visible(), "Escape dismisses the tooltip"
    page.keyboard.press("Tab")
    assert not tip.is_visible()

    link.click()
    page.wait_for_load_state()
    assert page.url.endswith(page_url(lang, "glossary") + "#leadership")
    page.close()


@pytest.mark.parametrize("lang, title", [("ru", "Страница не найдена"), ("en", "Page not found"), ("kk", "Бет табылмады")])
def test_a_mistyped_address_shows_the_404_page_of_its_language(browser: Browser, site: Path, lang: str, title: str) -> None:
    """As GitHub Pages does, the server answers every missing address with the root 404.html."""
    from conftest import QuietHandler, serving

    class PagesHost(QuietHandler):
        def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
            if code != 404:
                return super().send_error(code, message, explain)
            body = (site / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    with serving(site, PagesHost) as base:
        page = browser.new_page()
        page.goto(f"{base}{page_url(lang, 'no-such-page/here')}")
        page.wait_for_load_state()
        assert page.evaluate("document.documentElement.lang") == lang
        assert title in page.locator("h1").inner_text()
        page.close()


@pytest.mark.parametrize("slug", ["", "evidence", "competencies", "school-practice/development-rubric", "glossary", "capacity", "sources"])
@pytest.mark.parametrize("lang", LANGS)
def test_a_first_visit_transfers_at_most_300_kb_compressed(browser: Browser, base_url: str, lang: str, slug: str) -> None:
    """Everything the page loads (HTML, CSS, scripts, fonts, the search index), each gzipped as a server would."""
    import gzip

    page = browser.new_page()
    bodies: list[bytes] = []
    page.on("response", lambda response: bodies.append(response.body()) if response.ok else None)
    page.goto(base_url + page_url(lang, slug), wait_until="networkidle")
    page.close()
    compressed = sum(len(body) if body[:4] == b"wOF2" else len(gzip.compress(body)) for body in bodies)
    assert compressed <= 300 * 1000, f"{compressed / 1000:.0f} KB"


def test_italics_load_their_own_face_in_print_only(browser: Browser, base_url: str) -> None:
    """On screen the browser slants the upright face (no italic download); printed, the real italic is used."""
    page = browser.new_page()
    fonts: list[str] = []
    page.on("request", lambda request: fonts.append(request.url) if request.url.endswith(".woff2") else None)
    page.goto(base_url + page_url("kk", "capacity"), wait_until="networkidle")
    assert page.locator("em").count(), "the capacity page cites titles in italics"
    assert fonts and not [url for url in fonts if "italic" in url], fonts
    page.emulate_media(media="print")
    page.evaluate("document.fonts.ready")
    page.wait_for_load_state("networkidle")
    assert [url for url in fonts if "cyrillic-ext-400-italic" in url], fonts
    page.close()


@pytest.mark.parametrize("lang", LANGS)
def test_the_search_index_is_fetched_when_the_reader_first_uses_search(browser: Browser, base_url: str, lang: str) -> None:
    """A quarter of a first visit: not fetched for a reader who does not search; fetched at the box's first focus
    (then search works), and at once on a page opened from a search result (its words are highlighted)."""
    page = browser.new_page()
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url) if "search_index" in request.url else None)
    page.goto(base_url + page_url(lang, "evidence"), wait_until="networkidle")
    assert not asked, asked
    page.focus("input.md-search__input")
    page.fill("input.md-search__input", "evidence" if lang == "en" else "мектеп")
    page.press("input.md-search__input", "End")
    page.wait_for_selector(".md-search-result__item", timeout=30000)
    assert asked == [base_url + page_url(lang) + "search/search_index.json"], asked
    asked.clear()
    page.goto(base_url + page_url(lang, "evidence") + "?h=school", wait_until="networkidle")
    assert asked, "opened from a search result: the index at once"
    page.close()
