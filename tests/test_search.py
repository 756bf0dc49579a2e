"""Search in the reader's language: one index per language, and a Kazakh stemmer at index and at query time."""

import json
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from conftest import CHROMIUM, LANGS, ROOT, page_url

STEMMER = ROOT / "overrides/assets/javascripts/lunr/min/lunr.kk.min.js"
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium is missing: run `make test`, which installs it")

# Inflected forms and the dictionary form they must meet: case, possessive and plural endings, and their chains.
SAME_STEM = {
    "көшбасшылық": ["көшбасшылықтың", "көшбасшылары", "көшбасшылыққа", "көшбасшылығы", "көшбасшылықта", "көшбасшылықтан"],
    "мектеп": ["мектептің", "мектебі", "мектептер", "мектептерінің", "мектептегі", "мектепке", "мектепте", "мектептен", "мектеппен"],
    "мұғалім": ["мұғалімдер", "мұғалімдерге", "мұғалімі", "мұғалімнің", "мұғалімдермен", "мұғалімдердің"],
    "бағдарлама": ["бағдарламасы", "бағдарламаның", "бағдарламаға", "бағдарламада", "бағдарламалар"],
    "оқушы": ["оқушылар", "оқушылардың", "оқушыларға", "оқушының", "оқушыға"],
    "директор": ["директорлар", "директорға", "директордың", "директорлардың", "директормен"],
    "жүйе": ["жүйесі", "жүйені", "жүйеде", "жүйелер"],
}
# Words no ending may be cut from: short roots, roots that end like a suffix, and words of other scripts.
LEFT_ALONE = ["бала", "ана", "ата", "адам", "білім", "мұғалім", "сабақ", "халық", "мектеп", "бағдарлама", "директор", "leadership", "2026"]


@pytest.fixture(scope="module")
def stem(browser: Browser):
    """kazakhStem from the file the search worker loads, run in chromium."""
    page = browser.new_page()
    page.add_script_tag(content=STEMMER.read_text("utf-8"))
    yield lambda words: page.evaluate("words => words.map(kazakhStem)", words)
    page.close()


@pytest.mark.parametrize("base", sorted(SAME_STEM))
def test_inflected_forms_meet_their_dictionary_form(stem, base: str) -> None:
    stems = stem([base, *SAME_STEM[base]])
    assert set(stems) == {stems[0]}, dict(zip([base, *SAME_STEM[base]], stems))


def test_words_without_endings_are_left_alone(stem) -> None:
    assert stem(LEFT_ALONE) == LEFT_ALONE


def test_each_language_has_its_own_index_under_its_own_root(site: Path) -> None:
    for lang in LANGS:
        index = json.loads((site / page_url(lang) / "search/search_index.json").read_text("utf-8"))
        assert index["config"]["lang"] == [lang]
        assert set(index["config"]["pipeline"]) == {"trimmer", "stopWordFilter", "stemmer"}
        locations = [doc["location"] for doc in index["docs"]]
        assert len(locations) > 50
        assert not [loc for loc in locations if loc.split("/", 1)[0] in LANGS], "locations are relative to the language's root"
        for doc in index["docs"]:
            page = doc["location"].split("#", 1)[0]
            assert (site / page_url(lang) / page / "index.html").is_file(), doc["location"]
    assert (site / "assets/javascripts/lunr/min/lunr.kk.min.js").is_file()


def search(browser: Browser, base_url: str, lang: str, query: str) -> list[str]:
    """The result links the search box shows for a query typed on a page of `lang`."""
    page = browser.new_page()
    page.goto(base_url + page_url(lang, "evidence"), wait_until="networkidle")  # the index has come
    page.fill("input.md-search__input", query)
    page.press("input.md-search__input", "End")  # Material reads the query on keyup
    page.wait_for_function("document.querySelector('.md-search-result__meta').textContent.match(/\\d/) !== null", timeout=60000)  # the worker builds the index first
    links = page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")
    page.close()
    return links


@pytest.mark.parametrize("query", ["көшбасшылықтың", "көшбасшылары", "көшбасшылыққа"])
def test_kazakh_inflections_find_kazakh_pages_only(browser: Browser, base_url: str, query: str) -> None:
    links = search(browser, base_url, "kk", query)
    assert links and not [link for link in links if link.startswith((base_url + "ru/", base_url + "en/"))], links
    assert any(link.startswith(base_url + "requirements/") for link in links), "the page about leadership is found"
    from urllib.parse import quote

    assert any(f"?h={quote('көшбасш')}" in link for link in links), "the page opened highlights every form of the word"


@pytest.mark.parametrize("lang, query", [("ru", "лидерства"), ("en", "leadership"), ("ru", "школ")])
def test_russian_and_english_find_their_own_pages_only(browser: Browser, base_url: str, lang: str, query: str) -> None:
    links = search(browser, base_url, lang, query)
    assert links and all(link.startswith(base_url + f"{lang}/") for link in links), links


def test_results_show_the_items_not_only_the_pages(site: Path) -> None:
    import yaml

    standards = [item["id"] for item in yaml.safe_load((ROOT / "data/portfolio_standards.yml").read_text("utf-8"))["items"]]
    for lang in LANGS:
        index = json.loads((site / page_url(lang) / "search/search_index.json").read_text("utf-8"))
        entries = {doc["location"]: doc for doc in index["docs"]}
        for standard in standards:
            entry = entries[f"school-practice/portfolio/#{standard}"]
            assert entry["title"].startswith(standard.removeprefix("standard-").replace("-", "."))
        assert "glossary/#social-capital" in entries and "ten-factors/#moral-purpose" in entries


def test_a_search_for_a_standard_leads_to_the_standard(browser: Browser, base_url: str) -> None:
    links = search(browser, base_url, "kk", "заманауи директордың рөлін")
    assert any(link.startswith(base_url + "school-practice/portfolio/") and link.endswith("#standard-2-1") for link in links), links
