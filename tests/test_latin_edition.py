"""The Latin edition's pages (handbook/latin_edition.py): a built Kazakh page written again in Latin letters, its
other-language parts, code and ids as they were, its links to Kazakh pages leading to their twins. On a built page
of the real site too: no Cyrillic letter left in what readers see, outside what is marked as Russian or English."""

import json
import re
from pathlib import Path

from bs4 import BeautifulSoup

from handbook import latin
from handbook.latin_edition import LANG, latin_page

from conftest import ROOT

WRITER = latin.writer(ROOT)
PAGES = frozenset({"", "evidence/", "practices/community/", "glossary/"})
CYRILLIC = re.compile(r"[а-яёәғқңөұүһіА-ЯЁӘҒҚҢӨҰҮҺІ]")

PAGE = """<!doctype html>
<html lang="kk" class="no-js"><head><meta charset="utf-8"><title>Кіріспе — Нұсқаулық</title>
<link rel="stylesheet" href="../../assets/stylesheets/handbook.css"><link rel="alternate" hreflang="kk" href="./">
<script id="__config" type="application/json">{"search": "../../assets/x.js", "translations": {"search.placeholder": "Іздеу"}}</script>
<script>var s = "Іздеу"; if (a < b && c) {}</script><style>.a::before { content: "Әдіс"; }</style></head>
<body><h1 id="мектеп-көшбасшылығы">Мектеп көшбасшылығы &amp; «шеберлік»</h1>
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
    assert page.html["lang"] == LANG and page.select_one("link[rel=alternate]")["hreflang"] == LANG
    assert page.title.string == "Kırıspe — Nūsqaulyq"
    assert page.h1.get_text() == "Mektep köşbasşylyğy & «şeberlık»"
    assert page.img["alt"] == "Belgı" and page.select_one("a[title]")["title"] == "Dälelder"
    assert page.select_one("input")["placeholder"] == "Izdeu" == page.select_one("input")["aria-label"]


def test_what_is_marked_as_another_language_stays_as_it_is() -> None:
    page = converted()
    assert page.select_one("[lang=ru]").get_text() == "Руководство для руководителя"
    assert page.select_one("[lang=en]").get_text() == "The guide"
    assert "Būl" in page.p.get_text() and "men" in page.p.get_text() and "turaly." in page.p.get_text()


def test_code_and_ids_stay_and_the_pages_own_data_changes_script() -> None:
    html = latin_page(PAGE, "practices/community/index.html", WRITER, PAGES)
    assert '<script>var s = "Іздеу"; if (a < b && c) {}</script>' in html and 'content: "Әдіс"' in html
    page = BeautifulSoup(html, "lxml")
    assert page.h1["id"] == "мектеп-көшбасшылығы", "an id is an address: it stays"
    assert json.loads(page.select_one("#__config").string)["translations"]["search.placeholder"] == "Izdeu"
    config = json.loads(page.select_one(".hb-assess__config").string)
    assert config == {"id": "development-rubric", "strings": {"now": "Qazır"}}


def test_links_to_kazakh_pages_lead_to_their_twins_and_others_where_they_led() -> None:
    """The twin of practices/community/ is at latn/practices/community/, one folder deeper."""
    links = [a["href"] for a in converted().select("a[href]")]
    assert links == [
        "../../evidence/",  # latn/evidence/: the same relative address one level down
        "../../",  # the home page's twin, latn/
        "../../../practices/",  # no Kazakh page there: where it led
        "../../../ru/practices/community/",
        "../../../pdf/handbook.pdf",
        "#мектеп-көшбасшылығы",
        "https://cpm.kz/ru/",
        "../../evidence/#blq-leadership",
    ]
    page = converted()
    assert page.select_one("link[rel=stylesheet]")["href"] == "../../../assets/stylesheets/handbook.css"
    assert page.img["src"] == "../../../assets/images/icon.svg"
    assert json.loads(page.select_one("#__config").string)["search"] == "../../assets/x.js", "a script's data is not a link"


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
        for other in page.select("[lang]:not([lang^=kk])"):
            other.decompose()
        left = CYRILLIC.findall(page.get_text(" ") + " ".join(str(v) for tag in page.find_all(True) for k, v in tag.attrs.items() if k in ("title", "alt", "aria-label", "placeholder")))
        assert not left, (path, "".join(sorted(set(left))))
