"""The glossary: 25 entries in every language, each language's alphabetical order, term links, open data."""

import csv
import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup, Tag

from handbook.collation import collate

from conftest import LANGS, ROOT, page_url, parsed, read_data, soup

# Alphabets written out here, independently of handbook.collation.
KAZAKH = "АӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯ"
RUSSIAN = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
LATIN = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ALPHABET = {"kk": KAZAKH, "ru": RUSSIAN, "en": LATIN}
SUBTERMS = {
    "instructional-leadership": "leadership",
    "distributed-leadership": "leadership",
    "strategic-leadership": "leadership",
    "transformational-leadership": "leadership",
    "implementation-plan": "school-development-plan",
    "evaluation-plan": "school-development-plan",
    "external-evaluation": "evaluation",
    "internal-evaluation": "evaluation",
}


def letters_key(text: str, lang: str) -> list[int]:
    """A term as the places of its letters in the alphabet, word by word (a word break sorts before any letter)."""
    return [ALPHABET[lang].index(c) + 1 if c in ALPHABET[lang] else 0 for c in text.upper() if c in ALPHABET[lang] or c in " -"]


def top_level_terms(site: Path, lang: str) -> list[str]:
    """The main terms in the order the page shows them."""
    headings = soup(site, lang, "glossary").select(".hb-glossary h3.hb-entry__term")
    return [h.get_text(strip=True).removesuffix("¶") for h in headings]


@pytest.mark.parametrize("lang", LANGS)
def test_every_language_has_all_25_entries_with_the_same_anchors(site: Path, lang: str) -> None:
    entries = soup(site, lang, "glossary").select(".hb-glossary .hb-entry__term[id]")
    assert len(entries) == 25
    source = read_data(ROOT / "glossary.yml")
    assert {e["id"] for e in entries} == {item["id"] for item in source["items"]}


@pytest.mark.parametrize("lang", LANGS)
def test_main_terms_follow_the_language_alphabet(site: Path, lang: str) -> None:
    terms = top_level_terms(site, lang)
    assert len(terms) == 17
    keys = [letters_key(term, lang) for term in terms]
    assert keys == sorted(keys), terms


def test_kazakh_order_is_not_unicode_order(site: Path) -> None:
    """Unicode puts Ә after Я; the page must not, so code-point order fails on it."""
    terms = top_level_terms(site, "kk")
    assert terms[0].startswith("Ә")
    assert sorted(terms) != terms


def test_collation_on_words_that_differ_only_in_kazakh_letters() -> None:
    for before, after in [("Ас", "Әс"), ("Гүл", "Ғұл"), ("Кең", "Қаз"), ("Нан", "Ңа"), ("Оң", "Өң"), ("Ум", "Ұл"), ("Ұл", "Үй"), ("Хан", "Һа")]:
        assert collate([after, before], "kk") == [before, after]
    # Pairs that code-point order gets wrong: each Kazakh letter comes before the next Russian letter, and І after Ы.
    for before, after in [("Әс", "Бас"), ("Ғұл", "Дала"), ("Қаз", "Лақ"), ("Ңа", "Оң"), ("Өң", "Пән"), ("Ұл", "Фа"), ("Үй", "Фа"), ("Һа", "Ца"), ("Ыс", "Іс")]:
        assert collate([after, before], "kk") == [before, after]
        assert sorted([before, after]) == [after, before]
    assert collate(["Эра", "Әке", "Бала", "Аға", "Іні", "Ыдыс"], "kk") == ["Аға", "Әке", "Бала", "Ыдыс", "Іні", "Эра"]
    assert collate(["Ёлка", "Жук", "Ель", "Абв"], "ru") == ["Абв", "Ель", "Ёлка", "Жук"]
    assert collate(["Білім беруді басқару", "Білім беру парадигмасы"], "kk") == ["Білім беру парадигмасы", "Білім беруді басқару"]


@pytest.mark.parametrize("lang", LANGS)
def test_subterms_stand_under_their_parent(site: Path, lang: str) -> None:
    headings = soup(site, lang, "glossary").select(".hb-glossary .hb-entry__term[id]")
    parent = None
    seen = {}
    for heading in headings:
        if heading.name == "h3":
            parent = heading["id"]
        else:
            assert heading.name == "h4"
            seen[heading["id"]] = parent
    assert seen == SUBTERMS


@pytest.mark.parametrize("lang", LANGS)
def test_each_entry_names_the_term_in_the_other_languages(site: Path, lang: str) -> None:
    page = soup(site, lang, "glossary")
    for entry in page.select(".hb-glossary .hb-entry"):
        marked = {span["lang"]: span.get_text(strip=True) for span in entry.select(".hb-entry__languages > span[lang]")}
        assert set(marked) == set(LANGS) - {lang}
        assert all(marked.values())
        assert entry.select_one("p").get_text(strip=True), "a definition"


@pytest.mark.parametrize("lang, term_id, alias", [("ru", "building-capacity", "Наращивание потенциала"), ("kk", "social-partnership", "Әлеуметтік әріптестік")])
def test_the_other_glossary_name_is_kept_as_an_alias(site: Path, lang: str, term_id: str, alias: str) -> None:
    entry = soup(site, lang, "glossary").find(id=term_id).find_next_sibling(class_="hb-entry")
    assert alias in entry.select_one(".hb-entry__aliases").get_text()


def test_english_names_are_distinct() -> None:
    items = read_data(ROOT / "glossary.yml")["items"]
    names = [item["term"]["en"].lower() for item in items]
    assert len(set(names)) == len(names)


def test_term_links_reach_an_anchor_in_the_same_language(site: Path) -> None:
    by_id: dict[Path, tuple[BeautifulSoup, dict[str, Tag]]] = {}

    def parse(path: Path) -> tuple[BeautifulSoup, dict[str, Tag]]:
        """A built page and its elements by id, found once (the glossary is the landing page of hundreds of links)."""
        if path not in by_id:
            page = parsed(path)
            by_id[path] = page, {tag["id"]: tag for tag in page.find_all(id=True)}
        return by_id[path]

    links = 0
    for html in site.rglob("index.html"):
        page, ids = parse(html.resolve())
        lang = page.html["lang"]
        for link in page.select("a.hb-term__link"):
            links += 1
            target = urlsplit(link["href"])
            file = (html.parent / target.path / "index.html").resolve()
            assert file.is_file(), link["href"]
            landing, landing_ids = parse(file)
            assert landing.html["lang"] == lang
            assert target.fragment in landing_ids
            tip = ids.get(link["aria-describedby"])
            assert tip and tip.get("role") == "tooltip" and tip.get_text(strip=True)
    assert links >= 3


@pytest.mark.parametrize("lang, form", [("kk", "көшбасшылығы"), ("ru", "лидерства"), ("en", "leadership")])
def test_a_term_keeps_the_inflected_form_of_the_sentence(site: Path, lang: str, form: str) -> None:
    link = soup(site, lang, "ten-factors").select_one("a.hb-term__link")
    assert link.get_text() == form
    assert link["href"].endswith("glossary/#leadership")


def test_exported_json_and_csv_round_trip_the_glossary(site: Path) -> None:
    source = read_data(ROOT / "glossary.yml")["items"]
    expected = {(item["id"], lang): (item["term"][lang], item["definition"][lang]) for item in source for lang in LANGS}
    assert len(expected) == 75
    exported = json.loads((site / "data/glossary.json").read_text("utf-8"))["items"]
    assert {(item["id"], lang): (item["term"][lang], item["definition"][lang]) for item in exported for lang in LANGS} == expected
    rows = list(csv.DictReader((site / "data/glossary.csv").open(encoding="utf-8")))
    assert {(row["id"], lang): (row[f"term.{lang}"], row[f"definition.{lang}"]) for row in rows for lang in LANGS} == expected
    assert "note" not in json.dumps(exported), "editors' notes are not published"


@pytest.mark.parametrize("lang", LANGS)
def test_glossary_page_links_its_open_data(site: Path, lang: str) -> None:
    here = site / page_url(lang, "glossary")
    links = [a["href"] for a in soup(site, lang, "glossary").select(".hb-downloads a")]
    assert len(links) == 2
    assert all((here / href).resolve().is_file() for href in links)
