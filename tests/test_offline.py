"""The offline copy (`handbook offline`): read from a folder or USB stick through file://, with no server and no
network, every link leads to a file and search works in each language. Its pages are files (`ru/evidence.html`),
as MkDocs makes them with use_directory_urls: false: a browser shows a folder's listing, not its index.html."""

import json
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import Browser

from conftest import LANGS, ROOT, handbook, page_url
from reader_search import SearchBox, indexed_pages, recall, sample_words


@pytest.fixture(scope="module")
def offline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline copy, built once (without its PDFs, which `test_print` makes and reads)."""
    out = tmp_path_factory.mktemp("offline") / "site"
    result = handbook(ROOT, "offline", "--no-pdf", "--site-dir", str(out))
    assert result.returncode == 0, result.stderr
    return out


def test_every_link_of_every_page_leads_to_a_file(offline: Path) -> None:
    broken = []
    for page in offline.rglob("*.html"):
        if page.name == "404.html":
            continue  # served by a web server for any address, so its links start at the site's root
        for href in re.findall(r'\b(?:href|src)="([^"]*)"', page.read_text("utf-8")):
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not parts.path or parts.path.endswith(".pdf"):
                continue
            if href.startswith("/") or not (page.parent / unquote(parts.path)).is_file():
                broken.append(f"{page.relative_to(offline)}: {href}")
    assert not broken, broken[:20]


def test_the_copy_from_a_folder_offers_no_saving_and_no_app(offline: Path) -> None:
    """A service worker cannot run from file://: no save control, no manifest, no pack (the folder is the copy)."""
    for lang in LANGS:
        html = (offline / page_url(lang) / "evidence.html").read_text("utf-8")
        assert "data-offline-root" not in html and 'rel="manifest"' not in html, lang
        assert not (offline / page_url(lang) / "offline" / "pack.json").exists()


def test_each_language_has_its_search_index_as_a_script(offline: Path) -> None:
    for lang in LANGS:
        script = (offline / page_url(lang) / "search" / "search_index.js").read_text("utf-8")
        assert script.startswith("var __index = ")
        index = json.loads(script.removeprefix("var __index = "))
        assert index["config"]["lang"] == [lang]
        for doc in index["docs"]:
            assert (offline / page_url(lang) / urlsplit(doc["location"]).path).is_file(), doc["location"]


def file_search(browser: Browser, offline: Path, lang: str, query: str, folder: str | None = None) -> tuple[list[str], list[str]]:
    """The result links of a search from a page opened through file:// (in `lang`'s folder, or `folder`), and every
    request it made."""
    page = browser.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto((offline / (page_url(lang) if folder is None else folder) / "evidence.html").as_uri())
    page.fill("input.md-search__input", query)
    page.press("input.md-search__input", "End")  # Material reads the query on keyup
    page.wait_for_function("document.querySelector('.md-search-result__meta').textContent.match(/\\d/) !== null", timeout=60000)
    links = page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")
    page.click(".md-search-result__item > a")
    page.wait_for_load_state()
    assert page.url.startswith(offline.as_uri()) and ".html" in page.url, page.url
    page.close()
    return links, requested


@pytest.mark.parametrize(
    ("lang", "query", "found"),
    [
        ("kk", "көшбасшылықтың", "requirements.html"),
        ("ru", "лидерство", "ru/requirements.html"),
        ("en", "leaders", "en/requirements.html"),
    ],
)
def test_search_works_from_a_folder_in_the_page_language(browser: Browser, offline: Path, lang: str, query: str, found: str) -> None:
    links, requested = file_search(browser, offline, lang, query)
    root = offline.as_uri() + "/"
    assert links and all(link.startswith(root + page_url(lang)) for link in links), links
    others = [root + page_url(other) for other in LANGS if other != lang and other != "kk"]
    assert not [link for link in links if link.startswith(tuple(others))], links
    assert any(link.startswith(root + found) for link in links), links
    assert not [url for url in requested if not url.startswith(("file:", "data:", "about:"))], "nothing from elsewhere"


@pytest.mark.parametrize("lang", LANGS)
def test_every_word_on_a_page_finds_it_from_a_folder(browser: Browser, offline: Path, lang: str) -> None:
    """The recall test of test_search, on a smaller sample: every third page, one word each, whole and as a prefix."""
    root = offline / page_url(lang)
    pages = indexed_pages(root)[::3]
    samples = sample_words(root, pages, per_page=1, seed=f"offline-{lang}")
    box = SearchBox(browser, root.as_uri() + "/", "evidence.html")
    share, misses = recall(box, samples)
    box.close()
    assert len(samples) >= 12 and share >= 0.99, f"{lang}: recall {share:.1%}; missed: {misses}"


def test_language_switch_and_navigation_from_a_folder(browser: Browser, offline: Path) -> None:
    page = browser.new_page()
    page.goto((offline / "index.html").as_uri())
    href = page.get_attribute("a.md-select__link[hreflang=ru]", "href")
    page.goto(page.url.rsplit("/", 1)[0] + "/" + href)
    assert page.url == (offline / "ru" / "index.html").as_uri()
    assert page.locator("html").get_attribute("lang") == "ru"
    page.click(".md-footer__link--next")
    assert page.url.endswith(".html") and page.title() and "ru/" in page.url
    page.close()


@pytest.mark.parametrize("query", ["köşbasşylyqtyñ", "көшбасшылықтың"])
def test_the_latin_edition_is_switched_to_and_searched_from_a_folder(browser: Browser, offline: Path, query: str) -> None:
    """The Latin edition's twins are in the copy too (latn/evidence.html), its search index a script; a search in
    either script finds its pages, and the switcher leads there and back."""
    page = browser.new_page()
    page.goto((offline / "evidence.html").as_uri())
    page.goto(page.url.rsplit("/", 1)[0] + "/" + page.get_attribute("a.md-select__link[hreflang=kk-Latn]", "href"))
    assert page.url == (offline / "latn" / "evidence.html").as_uri() and page.locator("html").get_attribute("lang") == "kk-Latn"
    page.goto(page.url.rsplit("/", 1)[0] + "/" + page.get_attribute("a.md-select__link[hreflang=kk]", "href"))
    assert page.url == (offline / "evidence.html").as_uri()
    page.close()
    links, requested = file_search(browser, offline, "kk", query, folder="latn")
    root = offline.as_uri() + "/latn/"
    assert links and all(link.startswith(root) for link in links), links
    assert any(link.startswith(root + "requirements.html") for link in links), links
    assert not [url for url in requested if not url.startswith(("file:", "data:", "about:"))], "nothing from elsewhere"


def test_self_assessment_works_from_a_folder(browser: Browser, offline: Path) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto((offline / "school-practice/development-rubric.html").as_uri())
    page.click(".hb-assess__toggle")
    page.click("label[for='assess-development-rubric-rubric-leadership-2']")
    page.goto((offline / "ru/school-practice/development-rubric.html").as_uri())
    assert page.is_checked("#assess-development-rubric-rubric-leadership-2"), "the answers are shared by the languages"
    context.close()
