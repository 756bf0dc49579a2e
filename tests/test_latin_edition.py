"""The Latin edition's pages (handbook/latin_edition.py): a built Kazakh page written again in Latin letters, its
other-language parts, code and ids as they were, its links to Kazakh pages leading to their twins. On a built page
of the real site too: no Cyrillic letter left in what readers see, outside what is marked as Russian or English."""

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser

from handbook import latin
from handbook.latin_edition import LANG, latin_page, relink

from conftest import ROOT, SITE_URL, mkdocs_build, read_data
from reader_search import SearchBox

WRITER = latin.writer(ROOT)
RUBRIC = "school-practice/development-rubric"
PAGES = frozenset({"", "evidence/", "practices/community/", "glossary/"})
CYRILLIC = re.compile(r"[а-яёәғқңөұүһіА-ЯЁӘҒҚҢӨҰҮҺІ]")

PAGE = """<!doctype html>
<html lang="kk" class="no-js"><head><meta charset="utf-8"><title>Кіріспе — Нұсқаулық</title>
<link rel="stylesheet" href="../../assets/stylesheets/handbook.css"><link rel="alternate" hreflang="kk" href="./">
<script id="__config" type="application/json">{"search": "../../assets/x.js", "translations": {"search.placeholder": "Іздеу"}}</script>
<script>var s = "Іздеу"; if (a < b && c) {}</script><style>.a::before { content: "Әдіс"; }</style></head>
<body><ul><li><a href="./" hreflang="kk" lang="kk">Қазақша</a></li><li><a href="../../latn/practices/community/" hreflang="kk-Latn" lang="kk-Latn">Qazaqşa (latyn)</a></li></ul>
<h1 id="мектеп-көшбасшылығы">Мектеп көшбасшылығы &amp; «шеберлік»</h1>
<p>Бұл <span lang="ru">Руководство для руководителя</span> мен <em lang="en">The guide</em> туралы.<br>
<a href="../../evidence/" title="Дәлелдер">Дәлелдер</a> <a href="../../">Басты бет</a> <a href="../">Тәжірибелер</a> <a href="../../ru/practices/community/">Русский</a>
<a href="../../pdf/handbook.pdf">PDF</a> <a href="#мектеп-көшбасшылығы">¶</a> <a href="https://cpm.kz/ru/" >CPM</a>
<a href="../../evidence/#blq-leadership">Көшбасшылық</a> <img src="../../assets/images/icon.svg" alt="Белгі"></p>
<input type="search" placeholder="Іздеу" aria-label="Іздеу" data-md-component="search-query">
<script type="application/json" class="hb-assess__config">{"id": "development-rubric", "strings": {"now": "Қазір"}}</script>
</body></html>"""


def converted() -> BeautifulSoup:
    return BeautifulSoup(latin_page(PAGE, "practices/community/index.html", WRITER, PAGES), "lxml")


def test_the_page_says_it_is_kazakh_in_latin_script_and_its_words_change_script() -> None:
    page = converted()
    assert page.html["lang"] == LANG
    assert page.title.string == "Kırıspe — Nūsqaulyq"
    assert page.h1.get_text() == "Mektep köşbasşylyğy & «şeberlık»"
    assert page.img["alt"] == "Belgı" and page.select_one("a[title]")["title"] == "Dälelder"
    assert page.select_one("input")["placeholder"] == "Izdeu" == page.select_one("input")["aria-label"]


def test_what_is_marked_as_another_language_stays_as_it_is() -> None:
    page = converted()
    assert page.select_one("[lang=ru]").get_text() == "Руководство для руководителя"
    assert page.select_one("[lang=en]").get_text() == "The guide"
    assert "Būl" in page.p.get_text() and "men" in page.p.get_text() and "turaly." in page.p.get_text()


def test_code_and_ids_stay_and_the_pages_own_data_and_style_strings_change_script() -> None:
    html = latin_page(PAGE, "practices/community/index.html", WRITER, PAGES)
    assert '<script>var s = "Іздеу"; if (a < b && c) {}</script>' in html, "code stays"
    assert '.a::before { content: "Ädıs"; }' in html, "a style's strings are words shown (the printed footer)"
    page = BeautifulSoup(html, "lxml")
    assert page.h1["id"] == "мектеп-көшбасшылығы", "an id is an address: it stays"
    assert json.loads(page.select_one("#__config").string)["translations"]["search.placeholder"] == "Izdeu"
    config = json.loads(page.select_one(".hb-assess__config").string)
    assert config == {"id": "development-rubric", "strings": {"now": "Qazır"}}


def test_the_links_to_the_cyrillic_edition_keep_its_name_and_lead_back_to_it() -> None:
    """The language switcher's Kazakh entry and the head's alternate name the Cyrillic edition: on the twin they
    still do, in Cyrillic letters, and lead to the Kazakh page, not to the twin itself."""
    page = converted()
    assert page.select_one("link[rel=alternate]")["hreflang"] == "kk" and page.select_one("link[rel=alternate]")["href"] == "../../../practices/community/"
    switcher = page.select_one("a[hreflang=kk]")
    assert (switcher["href"], switcher["lang"], switcher.get_text()) == ("../../../practices/community/", "kk", "Қазақша")
    latin = page.select_one("a[hreflang=kk-Latn]")
    assert (latin["href"], latin.get_text()) == ("./", "Qazaqşa (latyn)")


def test_links_to_kazakh_pages_lead_to_their_twins_and_others_where_they_led() -> None:
    """The twin of practices/community/ is at latn/practices/community/, one folder deeper."""
    links = [a["href"] for a in converted().select("a[href]:not([hreflang])")]
    assert links == [
        "../../evidence/",  # latn/evidence/: the same relative address one level down
        "../../",  # the home page's twin, latn/
        "../../../practices/",  # no Kazakh page there: where it led
        "../../../ru/practices/community/",
        "../../pdf/handbook.pdf",  # latn/pdf/: the edition prints its own (handbook pdf)
        "#мектеп-көшбасшылығы",
        "https://cpm.kz/ru/",
        "../../evidence/#blq-leadership",
    ]
    page = converted()
    assert page.select_one("link[rel=stylesheet]")["href"] == "../../../assets/stylesheets/handbook.css"
    assert page.img["src"] == "../../../assets/images/icon.svg"
    assert json.loads(page.select_one("#__config").string)["search"] == "../../assets/x.js", "a script's data is not a link"


def test_addresses_on_the_published_site_move_as_relative_ones_do() -> None:
    site = "https://cpm.kz/hb/"
    moved = {
        "https://cpm.kz/hb/evidence/#x": "https://cpm.kz/hb/latn/evidence/#x",
        "https://cpm.kz/hb/": "https://cpm.kz/hb/latn/",
        "https://cpm.kz/hb/pdf/glossary.pdf": "https://cpm.kz/hb/latn/pdf/glossary.pdf",
        "https://cpm.kz/hb/assets/a.css": "https://cpm.kz/hb/assets/a.css",  # not a Kazakh page
        "https://cpm.kz/hb/ru/evidence/": "https://cpm.kz/hb/ru/evidence/",
        "https://cpm.kz/other/evidence/": "https://cpm.kz/other/evidence/",  # not the site
    }
    assert {url: relink(url, "practices/community/index.html", PAGES, site_url=site) for url in moved} == moved
    assert relink("https://cpm.kz/hb/evidence/", "index.html", PAGES, move=False, site_url=site) == "https://cpm.kz/hb/evidence/"


def test_the_home_page_twin_links_down_into_the_edition_and_up_to_the_rest() -> None:
    home = '<html lang="kk"><a href="evidence/">Дәлелдер</a><a href="./">Басты</a><a href="ru/">Русский</a><link href="assets/a.css"></html>'
    page = BeautifulSoup(latin_page(home, "index.html", WRITER, PAGES), "lxml")
    assert [a["href"] for a in page.select("a")] == ["evidence/", "./", "../ru/"]
    assert page.link["href"] == "../assets/a.css"


def test_a_built_kazakh_page_has_no_cyrillic_left_outside_other_languages(site: Path) -> None:
    pages = frozenset(p.relative_to(site).as_posix().removesuffix("index.html") for p in site.rglob("index.html") if not p.relative_to(site).as_posix().startswith(("ru/", "en/")))
    for path in ("ten-factors/index.html", "glossary/index.html", "school-practice/development-rubric/index.html"):
        page = BeautifulSoup(latin_page((site / path).read_text("utf-8"), path, WRITER, pages), "lxml")
        for hidden in page(["script", "style"]):
            hidden.decompose()
        for other in page.select("[lang]:not([lang=kk-Latn])"):
            other.decompose()
        left = CYRILLIC.findall(page.get_text(" ") + " ".join(str(v) for tag in page.find_all(True) for k, v in tag.attrs.items() if k in ("title", "alt", "aria-label", "placeholder")))
        assert not left, (path, "".join(sorted(set(left))))


# The edition as built: under latn/, in the language switcher, searched, its glossary in the Latin order.

TWINLESS = ("ru/", "en/", "latn/")  # the other languages, the edition itself
# The attributes that name or point rather than say: ids and addresses (a Cyrillic heading's anchor stays, so links
# into the Cyrillic edition and into its twin both hold).
POINTING = frozenset({"id", "href", "src", "for", "name", "headers", "aria-describedby", "aria-labelledby", "aria-controls", "aria-owns"})


def seen_text(page: BeautifulSoup, styles: bool = True) -> str:
    """What readers see or hear on a page: its text, every attribute's value but those that point, and its styles'
    strings (the printed footer; `styles`); scripts left out, and what is marked as another language."""
    styles = " ".join(re.findall(r'"([^"]*)"', " ".join(style.get_text() for style in page("style")))) if styles else ""
    for hidden in page(["script", "style", "template"]):
        hidden.decompose()
    for other in page.select("[lang]:not([lang=kk-Latn])"):
        other.decompose()
    attributes = " ".join(" ".join(v) if isinstance(v, list) else str(v) for tag in page.find_all(True) for k, v in tag.attrs.items() if k not in POINTING)
    return page.get_text(" ") + " " + attributes + " " + styles


def kazakh_pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if not p.relative_to(site).as_posix().startswith(TWINLESS))


def test_every_kazakh_page_has_its_latin_twin_with_no_cyrillic_outside_other_languages(site: Path) -> None:
    pages = kazakh_pages(site)
    assert len(pages) > 40 and "glossary/index.html" in pages and "handouts/development-rubric/index.html" in pages
    assert sorted(p.relative_to(site / "latn").as_posix() for p in (site / "latn").rglob("*.html")) == pages
    for path in pages:
        page = BeautifulSoup((site / "latn" / path).read_text("utf-8"), "lxml")
        assert page.html["lang"] == LANG, path
        seen = seen_text(page, styles=not path.endswith(".kk-ru/index.html"))  # a pair's footer: its own test
        assert not CYRILLIC.search(seen), (path, sorted(set(re.findall(r"\S*[а-яёәғқңөұүһіА-ЯЁӘҒҚҢӨҰҮҺІ]\S*", seen)))[:10])


def test_every_edition_offers_the_latin_one_in_its_language_switcher(site: Path) -> None:
    for path, twin in (("evidence/index.html", "latn/evidence/"), ("ru/evidence/index.html", "latn/evidence/"), ("en/glossary/index.html", "latn/glossary/")):
        page = BeautifulSoup((site / path).read_text("utf-8"), "lxml")
        entry = page.select_one(f".md-select__link[hreflang={LANG}]")
        assert entry is not None and entry.get_text(strip=True) == "Qazaqşa (latyn)", path
        target = (site / path).parent.joinpath(entry["href"]).resolve()
        assert target == (site / twin).resolve() and (target / "index.html").is_file(), path
        assert page.select_one(f"link[rel~=alternate][hreflang={LANG}]") is not None
    twin = BeautifulSoup((site / "latn/evidence/index.html").read_text("utf-8"), "lxml")
    names = [(a["hreflang"], a.get_text(strip=True)) for a in twin.select(".md-select__link")]
    assert names == [("kk", "Қазақша"), (LANG, "Qazaqşa (latyn)"), ("ru", "Русский"), ("en", "English")]
    back = (site / "latn/evidence").joinpath(twin.select_one(".md-select__link[hreflang=kk]")["href"]).resolve()
    assert back == (site / "evidence").resolve(), "the Cyrillic entry leads back to the Cyrillic page"
    session = BeautifulSoup((site / "ru/session/index.html").read_text("utf-8"), "lxml")
    entry = session.select_one(f".md-select__link[hreflang={LANG}]")
    assert (site / "ru/session").joinpath(entry["href"]).resolve() == (site / "latn/session").resolve(), "the session builder too"


def parents(rows: list) -> dict[str, str]:
    """Each sub-term's row of a glossary handout's table, by id, and its parent's: the last top row before it."""
    child = lambda tr: "hb-glossary-table__child" in (tr.get("class") or [])  # noqa: E731
    return {row["id"]: row.find_previous_sibling(lambda tr: not child(tr))["id"] for row in rows if child(row)}


def test_the_latin_glossary_its_contents_and_its_handout_are_in_the_latin_alphabets_order(site: Path) -> None:
    order = read_data(ROOT / latin.TABLE)["order"]
    rank = {letter: n for n, letter in enumerate(order)}

    def key(term: str) -> list[int]:  # the table's order, letter by letter (İ is i, I is ı)
        small = term.replace("İ", "i").replace("I", "ı").lower()
        return [rank.get(char, len(rank) + ord(char)) if char.isalpha() else -1 for char in small]

    page = BeautifulSoup((site / "latn/glossary/index.html").read_text("utf-8"), "lxml")
    terms = [h3.get_text().rstrip("¶").strip() for h3 in page.select(".hb-glossary h3.hb-entry__term")]
    assert len(terms) == len(BeautifulSoup((site / "glossary/index.html").read_text("utf-8"), "lxml").select(".hb-glossary h3.hb-entry__term")) > 10
    assert terms == sorted(terms, key=key)
    letters = [h2.get_text().rstrip("¶").strip() for h2 in page.select(".hb-glossary h2.hb-letter")]
    assert letters == list(dict.fromkeys(term[0] for term in terms))
    assert [a.get_text() for a in page.select(".hb-letters a")] == letters
    assert all(page.select_one(a["href"]) is not None for a in page.select(".hb-letters a"))
    # Sub-terms follow their parent in the same order.
    for h3 in page.select(".hb-glossary h3.hb-entry__term"):
        subs = []
        for following in h3.find_next_siblings(["h3", "h4"]):
            if following.name == "h3":
                break
            subs.append(following.get_text().rstrip("¶").strip())
        assert subs == sorted(subs, key=key), subs
    # The contents in the sidebar: the letters, each holding its terms, each its sub-terms, as the page has them.
    headings = [(h["id"], h.get_text().rstrip("¶").strip()) for h in page.select(".hb-glossary h2, .hb-glossary h3, .hb-glossary h4")]
    contents = page.select_one("nav.md-nav--secondary")
    listed = [(a["href"].removeprefix("#"), a.get_text(" ", strip=True)) for a in contents.select("a.md-nav__link")]
    assert listed == headings
    assert [a.get_text(strip=True) for a in contents.select(":scope > ul > li > a")] == letters

    # The glossary handout: its rows in the same order, each sub-term after its parent.
    sheet = BeautifulSoup((site / "latn/handouts/glossary/index.html").read_text("utf-8"), "lxml")
    rows = sheet.select(".hb-glossary-table tbody tr")
    tops = [row.th.get_text(strip=True) for row in rows if "hb-glossary-table__child" not in (row.get("class") or [])]
    assert tops == sorted(tops, key=key) and len(rows) == len(BeautifulSoup((site / "handouts/glossary/index.html").read_text("utf-8"), "lxml").select(".hb-glossary-table tbody tr"))
    cyrillic = BeautifulSoup((site / "handouts/glossary/index.html").read_text("utf-8"), "lxml").select(".hb-glossary-table tbody tr")
    parent_of = parents(rows)
    assert parent_of == parents(cyrillic) and parent_of
    for parent in set(parent_of.values()):
        subs = [row.th.get_text(strip=True) for row in rows if parent_of.get(row["id"]) == parent]
        assert subs == sorted(subs, key=key), subs


@pytest.mark.parametrize("typed", ["köşbasşylyq", "көшбасшылық", "koshbasshylyk"])
def test_search_on_the_latin_edition_finds_its_pages_in_either_script(browser: Browser, base_url: str, typed: str) -> None:
    box = SearchBox(browser, base_url + "latn/")
    try:
        found = box.query(typed)
        assert found and all(link.startswith(base_url + "latn/") for link in found), found[:3]
        assert any("/latn/glossary/" in link for link in found)
        texts = box.page.locator(".md-search-result__item").all_inner_texts()
        assert not CYRILLIC.search(" ".join(texts)), texts[:2]
    finally:
        box.close()


@pytest.mark.parametrize(("edition", "typed"), [("latn/", "Литвин"), ("latn/", "Кембридждің"), ("", "Litwin"), ("", "Cambridge")])
def test_a_name_spelled_its_own_way_in_latin_letters_is_found_in_either_script(browser: Browser, base_url: str, edition: str, typed: str) -> None:
    """Литвин is Litwin and Кембридж Cambridge in the Latin edition (the table's exceptions): either spelling finds
    either edition's page."""
    box = SearchBox(browser, base_url + edition)
    try:
        assert any(link.startswith(base_url + edition + "burke-litwin/") for link in box.query(typed))
    finally:
        box.close()


def test_the_session_builder_in_latin_letters_prints_the_same_session_beside_russian(browser: Browser, base_url: str, site: Path) -> None:
    """The builder's twin lists the pieces in Latin letters; its print view draws the Kazakh side from the edition's
    pieces (latn/session/pieces.js), the Russian side as it is, and a session's link is the same in either script."""

    def pieces(path: str) -> dict:
        script = (site / path).read_text("utf-8")
        return json.loads(script[script.index('["kk"] = ') + 9 :].rstrip().removesuffix(";"))

    data = pieces("latn/session/pieces.js")
    assert data["lang"] == LANG and set(data["pieces"]) == set(pieces("session/pieces.js")["pieces"]) and data["pieces"]
    for piece_id, piece in data["pieces"].items():
        assert not CYRILLIC.search(seen_text(BeautifulSoup(piece["html"], "lxml"))), piece_id
    builder = BeautifulSoup((site / "latn/session/index.html").read_text("utf-8"), "lxml")
    assert not CYRILLIC.search(seen_text(builder))
    page = browser.new_page()
    page.goto(base_url + "latn/session/#items=moral-purpose,blq-mission-strategy&lang=kk,ru")
    page.wait_for_selector(".hb-session__form:not([hidden])")
    assert page.eval_on_selector_all("[data-session-order] [data-item]", "rows => rows.map(row => row.dataset.item)") == ["moral-purpose", "blq-mission-strategy"]
    page.goto(base_url + "latn/session/sheet/#items=moral-purpose,blq-mission-strategy&lang=kk,ru")
    page.wait_for_selector("body[data-session-ready]")
    rows = page.eval_on_selector_all("[data-session-item]", "rows => rows.map(row => [...row.children].map(side => [side.lang, side.innerText]))")
    assert [[lang for lang, _ in row] for row in rows] == [[LANG, "ru"]] * 2
    assert all(not CYRILLIC.search(kazakh) and CYRILLIC.search(russian) for (_, kazakh), (_, russian) in rows), rows
    assert "Adamgerşılık maqsat" in rows[0][0][1]  # «Адамгершілік мақсат», spelled by hand
    assert page.evaluate("document.documentElement.lang") == LANG
    links = page.eval_on_selector_all("[data-session-item] [lang=kk-Latn] a[href]", "links => links.map(a => a.href)")
    assert all(link.startswith(base_url + "latn/") for link in links), links
    page.close()


def test_the_self_assessment_keeps_one_set_of_answers_across_the_scripts(browser: Browser, base_url: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(base_url + "latn/" + RUBRIC + "/", wait_until="networkidle")
    page.click(".hb-assess__toggle")
    assert not CYRILLIC.search(page.inner_text(".hb-assess__body")), "its labels and messages in Latin letters"
    row = read_data(ROOT / "data/development_rubric.yml")["rows"][0]["id"]
    page.click(f"label[for='assess-development-rubric-{row}-3']")
    page.goto(base_url + RUBRIC + "/", wait_until="networkidle")
    assert page.is_checked(f"#assess-development-rubric-{row}-3")
    context.close()


# In print: the footer, the QR code and the published address are the twin's own.

FOOTER = re.compile(r'@bottom-left \{ content: "([^"]*)"')
PAGE_WORD = re.compile(r'@bottom-right \{ content: "([^"]*)" " " counter')


def test_the_printed_footer_names_the_edition_and_the_twins_own_address(site: Path) -> None:
    """A twin's footer: its Kazakh title in Latin letters, the edition by its name, the twin's address, the same
    date; a two-language handout's Russian title and page word as they were."""
    page_word = {item["id"]: item["text"] for item in read_data(ROOT / "data" / "ui.yml")["items"]}["print.page"]
    for path in ("evidence/index.html", "handouts/ten-factors/index.html", "handouts/handbook/index.html", "handouts/ten-factors.kk-ru/index.html"):
        cyrillic, twin = ((site / folder / path).read_text("utf-8") for folder in ("", "latn/"))
        title, names, address, day = FOOTER.search(cyrillic).group(1).split(" · ")
        assert address == "/" + path.removesuffix("index.html"), address
        kazakh, _, russian = title.partition(" / ")
        expected = [WRITER.text(kazakh) + (" / " + russian if russian else ""), names.replace("Қазақша", "Qazaqşa (latyn)"), "/latn" + address, day]
        assert FOOTER.search(twin).group(1).split(" · ") == expected, path
        assert not CYRILLIC.search(WRITER.text(kazakh))
        if path != "handouts/handbook/index.html":  # the book prints page numbers only
            words = [WRITER.text(page_word["kk"])] + ([page_word["ru"]] if russian else [])
            assert PAGE_WORD.search(twin).group(1) == " / ".join(words), path
    evidence = FOOTER.search((site / "latn/evidence/index.html").read_text("utf-8")).group(1)
    assert evidence.startswith("Mektep köşbasşylyğynyñ tüiındı rölınıñ dälelderı · Qazaqşa (latyn) · /latn/evidence/ · ")  # by hand
    assert PAGE_WORD.search((site / "latn/evidence/index.html").read_text("utf-8")).group(1) == "bet"
    # Where a page names the language it is in (the book's cover, the session builder's choice), it names the edition.
    cover = BeautifulSoup((site / "latn/handouts/handbook/index.html").read_text("utf-8"), "lxml").select_one(".hb-book__meta")
    assert cover.get_text().startswith("Qazaqşa (latyn) · "), cover.get_text()
    builder = BeautifulSoup((site / "latn/session/index.html").read_text("utf-8"), "lxml")
    assert {option.get_text() for option in builder.select("option[value=kk]")} == {"Qazaqşa (latyn)"}


def test_a_latin_handouts_qr_code_and_published_address_are_the_twins(browser: Browser, edited: tuple[Path, Path]) -> None:
    """With the site's address set: a twin's QR code, drawn again, reads back as the twin's page online, and its
    canonical address is its own (not the Cyrillic page's, which would make search engines drop it)."""
    import io

    import zxingcpp
    from PIL import Image

    _, site = edited
    sheet = BeautifulSoup((site / "latn/handouts/ten-factors/index.html").read_text("utf-8"), "lxml")
    code = sheet.select_one("[data-qr]")
    assert code["data-qr"] == code["href"] == code["aria-label"] == SITE_URL + "latn/ten-factors/"
    page = browser.new_page()
    page.emulate_media(media="print")
    page.goto((site / "latn/handouts/ten-factors/index.html").as_uri())
    decoded = [result.text for result in zxingcpp.read_barcodes(Image.open(io.BytesIO(page.locator("[data-qr]").screenshot())))]
    page.close()
    assert decoded == [SITE_URL + "latn/ten-factors/"]
    codes = []  # the session print view's, from the pieces: the first piece's page, the twin's in the edition
    for folder in ("", "latn/"):
        page = browser.new_page()
        page.goto((site / folder / "session/sheet/index.html").as_uri() + "#items=blq-mission-strategy,moral-purpose&lang=kk")
        page.wait_for_selector("body[data-session-ready]")
        codes.append(page.get_attribute("[data-qr]", "data-qr"))
        if folder:
            photo = Image.open(io.BytesIO(page.locator("[data-qr]").screenshot()))
            assert [result.text for result in zxingcpp.read_barcodes(photo)] == [codes[1]]
        page.close()
    assert codes[0].startswith(SITE_URL) and codes[1] == SITE_URL + "latn/" + codes[0].removeprefix(SITE_URL)
    for path in ("latn/evidence/index.html", "latn/index.html"):
        canonical = BeautifulSoup((site / path).read_text("utf-8"), "lxml").select_one("link[rel=canonical]")["href"]
        assert canonical == SITE_URL + path.removesuffix("index.html")
    assert BeautifulSoup((site / "evidence/index.html").read_text("utf-8"), "lxml").select_one("link[rel=canonical]")["href"] == SITE_URL + "evidence/"


@pytest.mark.slow
def test_a_site_built_without_the_latin_edition_offers_none_and_prints_none(tmp_path: Path) -> None:
    """mkdocs.yml's `latin` off (HANDBOOK_LATIN=false): no latn/, no fourth entry in the switcher, no Latin PDFs."""
    from handbook.pdf import jobs
    from handbook.project import load_project

    site = tmp_path / "site"
    result = mkdocs_build(ROOT, site, HANDBOOK_LATIN="false")
    assert result.returncode == 0, result.stderr
    assert not (site / "latn").exists() and (site / "evidence/index.html").is_file()
    page = BeautifulSoup((site / "evidence/index.html").read_text("utf-8"), "lxml")
    assert page.select("[hreflang=ru]") and not page.select(f"[hreflang={LANG}]")
    assert not [target for _, target in jobs(load_project(ROOT), site) if "latn" in target.parts]


def test_two_cyrillic_letters_written_as_one_latin_letter_make_one_letter_in_the_page_and_its_contents() -> None:
    """Е and Э are both E in Latin letters: their terms come under one heading, in the Latin order, and the contents
    (a sidebar's nested lists) follow; the letter index and its links are the page's new letters."""
    from handbook.latin_edition import latin_glossary

    def item(target: str, text: str, inner: str = "") -> str:
        return f'<li class="md-nav__item">\n  <a href="#{target}" class="md-nav__link">\n    <span class="md-ellipsis">\n      {text}\n    </span>\n  </a>\n{inner}</li>'

    def letter(target: str, text: str, terms: list[tuple[str, str]]) -> str:
        inner = f'<nav class="md-nav" aria-label="{text}">\n<ul class="md-nav__list">\n' + "\n".join(item(*term) for term in terms) + "\n</ul>\n</nav>\n"
        return item(target, text, inner)

    contents = '<nav class="md-nav md-nav--secondary"><ul class="md-nav__list" data-md-component="toc">\n'
    contents += "\n".join([letter("letter-е", "Е", [("enbek", "Еңбек")]), letter("letter-м", "М", [("mektep", "Мектеп")]), letter("letter-э", "Э", [("eval", "Эвалюация")])])
    contents += "\n</ul></nav>"
    body = (
        '<nav class="hb-letters" aria-label="Әріптер">\n<a href="#letter-е">Е</a>\n<a href="#letter-м">М</a>\n<a href="#letter-э">Э</a>\n</nav>\n'
        '<div class="hb-glossary" data-kind="glossary" data-id="glossary">\n'
        '<h2 class="hb-letter" id="letter-е">Е<a class="headerlink" href="#letter-е">&para;</a></h2>\n'
        '<h3 class="hb-entry__term" id="enbek">Еңбек</h3>\n<div class="hb-entry"><p>А.</p></div>\n'
        '<h2 class="hb-letter" id="letter-м">М<a class="headerlink" href="#letter-м">&para;</a></h2>\n'
        '<h3 class="hb-entry__term" id="mektep">Мектеп</h3>\n<div class="hb-entry"><p>Б.</p></div>\n'
        '<h2 class="hb-letter" id="letter-э">Э<a class="headerlink" href="#letter-э">&para;</a></h2>\n'
        '<h3 class="hb-entry__term" id="eval">Эвалюация</h3>\n<div class="hb-entry"><p>В.</p></div>\n'
        "</div>"
    )
    twin = latin_page(f'<html lang="kk"><body>{contents}\n{body}</body></html>', "glossary/index.html", WRITER, PAGES)
    page = BeautifulSoup(latin_glossary(twin, WRITER), "lxml")
    assert [h.get_text().rstrip("¶") for h in page.select(".hb-glossary h2, .hb-glossary h3")] == ["E", "Eñbek", "Evaliuatsia", "M", "Mektep"]
    assert [a.get_text() for a in page.select(".hb-letters a")] == ["E", "M"]
    assert all(page.select_one(a["href"]) is not None for a in page.select(".hb-letters a"))
    listed = [(a["href"], a.get_text(strip=True)) for a in page.select("nav.md-nav--secondary a.md-nav__link")]
    assert listed == [("#letter-e", "E"), ("#enbek", "Eñbek"), ("#eval", "Evaliuatsia"), ("#letter-m", "M"), ("#mektep", "Mektep")]
