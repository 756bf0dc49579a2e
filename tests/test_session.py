"""Trainers' own session handouts: the builder page, its print view in one or two languages, the link that carries
the handout, and every standard handout in Kazakh and Russian side by side (pages and PDFs)."""

import gzip
import io
import re
from pathlib import Path
from urllib.parse import quote

import pytest
from playwright.sync_api import Browser, Page
from pypdf import PdfReader

from conftest import LANGS, REMOVED_ITEM, ROOT, SITE_URL, homes, page_url, parsed, read_data, serving, soup

DATA = ROOT / "data"
A4 = (595.28, 841.89)
# Six pieces from four data files: two factors, a Burke-Litwin question, Table 2's strategic-leadership column and
# two glossary terms.
SESSION = ["moral-purpose", "quality-of-teaching", "blq-mission-strategy", "competency-strategic-leadership", "building-capacity", "social-capital"]
FIGURES = {"tiers", "cycle", "model", "petals"}


def data_files() -> list[dict]:
    """Every data file, read straight from the YAML."""
    return [read_data(path) for path in [ROOT / "glossary.yml", *sorted(DATA.glob("*.yml"))]]


def expected_pieces() -> dict[str, str]:
    """What a trainer can pick, by id, with its data file: each item of a list, a glossary or the sources; each row
    and column of a table; each theme of a rubric; each row of a practice block; a figure whole. Only data a page
    shows (a piece opens its page)."""
    shown, found = homes(), {}
    for doc in data_files():
        if doc["id"] not in shown:
            continue
        kind = doc["kind"]
        if kind in FIGURES:
            ids = [doc["id"]]
        elif kind == "matrix":
            ids = [row["id"] for row in doc["rows"]] + [column["id"] for column in doc["columns"]]
        elif kind in ("rubric", "block"):
            ids = [row["id"] for row in doc["rows"]]
        elif kind in ("list", "glossary", "sources"):
            ids = [item["id"] for item in doc["items"]]
        else:
            continue
        found.update(dict.fromkeys(ids, doc["id"]))
    return found


def named(item_id: str) -> dict:
    """An item's own record in the YAML (a list item, a term, a row or a column)."""
    for doc in data_files():
        for part in ("items", "rows", "columns"):
            for item in doc.get(part, []) if isinstance(doc.get(part), list) else []:
                if item.get("id") == item_id:
                    return item
    raise KeyError(item_id)


def name_in(item_id: str, lang: str) -> str:
    """What an item is called in a language, from the YAML."""
    item = named(item_id)
    return next(item[key][lang] for key in ("term", "name", "stage", "author", "text") if key in item)


def squeeze(text: str) -> str:
    """Text without whitespace or soft hyphens, to find wrapped PDF text."""
    return re.sub(r"[\s\u00ad]+", "", text)


# The pages, from the session's build.


@pytest.mark.parametrize("lang", LANGS)
def test_the_builder_lists_every_piece_of_the_data_in_the_pages_language(site: Path, lang: str) -> None:
    page = soup(site, lang, "session")
    boxes = page.select(".hb-session__piece input[type=checkbox]")
    assert sorted(box["value"] for box in boxes) == sorted(expected_pieces())
    for box in boxes:
        label = box.find_parent("label").get_text(" ", strip=True)
        assert label, box["value"]
    terms = {box["value"]: box.find_parent("label").get_text(" ", strip=True) for box in boxes}
    assert terms["social-capital"] == name_in("social-capital", lang)
    assert page.select_one("form[data-search-exclude]"), "search finds the pieces on their own pages, not here"


@pytest.mark.parametrize("lang", LANGS)
def test_the_builder_is_in_the_navigation_next_to_the_handouts_and_says_what_it_needs_without_javascript(site: Path, lang: str) -> None:
    nav = soup(site, lang, "glossary").select("nav.md-nav--primary > ul > li > a.md-nav__link")
    links = [a["href"].rstrip("/").split("/")[-1] for a in nav]
    assert links[links.index("handouts") + 1] == "session"
    page = soup(site, lang, "session")
    assert page.select_one(".md-sidebar--primary").has_attr("hidden"), "the builder has the page's whole width"
    nojs = page.select_one(".hb-session__nojs")
    assert nojs.find("a", href=re.compile(r"handouts/$")), "links to the fixed handouts"
    assert page.select_one(".hb-session__form").has_attr("hidden"), "the form shows when its script runs"


def test_the_builders_script_and_styles_are_small_and_load_on_its_page_only(site: Path) -> None:
    loading = {path.relative_to(site).as_posix() for path in site.rglob("*.html") if re.search(r"session\.(js|css)", path.read_text("utf-8"))}
    folders = [page_url(lang) for lang in LANGS] + ["latn/"]  # and the Latin edition's twins
    assert loading == {folder + slug + "/index.html" for folder in folders for slug in ("session", "session/sheet")}
    own = [site / "assets" / "javascripts" / "session.js", site / "assets" / "stylesheets" / "session.css"]
    assert sum(len(gzip.compress(path.read_bytes())) for path in own) < 20 * 1024


def listed_handouts() -> list[str]:
    """Every standard handout: those data/handouts.yml lists and a blank form of every rubric."""
    docs = data_files()
    return [item["id"] for doc in docs if doc["kind"] == "handouts" for item in doc["items"]] + [doc["id"] for doc in docs if doc["kind"] == "rubric"]


@pytest.mark.parametrize("lang", LANGS)
def test_every_handout_is_listed_in_kazakh_and_russian_side_by_side(site: Path, lang: str) -> None:
    page = soup(site, lang, "handouts")
    for handout in listed_handouts():
        item = page.select_one(f"#handout-{handout}")
        hrefs = [a["href"] for a in item.select("a")]
        assert any(href.endswith(f"handouts/{handout}.kk-ru/") for href in hrefs), hrefs
        assert any(href.endswith(f"pdf/{handout}.kk-ru.pdf") for href in hrefs), hrefs
        assert all(not re.match(r"^(\.\./)*(ru|en)/", href) for href in hrefs if ".kk-ru" in href), "in the Kazakh folder"


def test_a_bilingual_handout_has_each_piece_in_both_languages_row_by_row(site: Path) -> None:
    for handout in listed_handouts():
        page = parsed(site / "handouts" / f"{handout}.kk-ru" / "index.html")
        rows = page.select("[data-session-item]")
        assert rows, handout
        for row in rows:
            assert [side["lang"] for side in row.find_all(recursive=False)] == ["kk", "ru"], handout
        ids = [tag["id"] for tag in page.select("[id]")]
        assert len(ids) == len(set(ids)), f"{handout}: ids are unique"
    factors = parsed(site / "handouts" / "ten-factors.kk-ru" / "index.html")
    items = read_data(DATA / "ten_factors.yml")["items"]
    assert [row["data-session-item"] for row in factors.select("[data-session-item]")] == [item["id"] for item in items]
    for row, item in zip(factors.select("[data-session-item]"), items, strict=True):
        kk, ru = row.find_all(recursive=False)
        shown = item.get("heading") or item["name"]  # a factor's heading, where it is worded otherwise than its name
        assert shown["kk"] in kk.get_text() and shown["ru"] in ru.get_text()
        assert shown["ru"] not in kk.get_text()
    title = factors.select_one("h1")
    assert {span["lang"] for span in title.select("span[lang]")} == {"kk", "ru"}


# In chromium.


def open_builder(page: Page, base_url: str, lang: str = "kk", state: str = "") -> None:
    """The builder page, its script started."""
    page.goto(base_url + page_url(lang, "session") + state)
    page.wait_for_selector(".hb-session__form:not([hidden])")


def chosen(page: Page) -> list[str]:
    """The pieces of the handout being built, in order."""
    return page.eval_on_selector_all("[data-session-order] [data-item]", "rows => rows.map(row => row.dataset.item)")


def print_view(page: Page) -> str:
    """The print view's address, as the builder links it."""
    return page.eval_on_selector("[data-session-open]", "a => a.href")


def printed_rows(page: Page) -> list[tuple[str, list[tuple[str, float, str]]]]:
    """A print view's rows: each piece's id, and each side's language, top and text."""
    page.wait_for_selector("body[data-session-ready]")
    return page.eval_on_selector_all(
        "[data-session-item]",
        "rows => rows.map(row => [row.dataset.sessionItem, [...row.children].map(side => [side.lang, side.getBoundingClientRect().top, side.innerText])])",
    )


def test_a_trainer_builds_a_session_in_two_languages_and_a_colleague_prints_the_same(browser: Browser, base_url: str, tmp_path: Path) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    open_builder(page, base_url)
    for item in SESSION:
        page.check(f".hb-session__piece input[value='{item}']")
    assert chosen(page) == SESSION
    page.drag_and_drop("[data-item='social-capital'] [data-session-label]", "[data-item='moral-purpose'] [data-session-label]")
    page.click("[data-item='blq-mission-strategy'] [data-move='1']")
    order = ["social-capital", "moral-purpose", "quality-of-teaching", "competency-strategic-leadership", "blq-mission-strategy", "building-capacity"]
    assert chosen(page) == order
    page.fill("input[name=title]", "Көшбасшылық: таңғы сессия")
    page.fill("input[name=date]", "2026-12-04")
    page.fill("input[name=place]", "Астана")
    page.select_option("select[name=with]", "ru")
    page.click(f"[data-item='{order[0]}'] [data-box]")
    link, sheet = page.url, print_view(page)
    assert "items=" in link and "lang=kk,ru" in link
    mine = context.new_page()
    mine.goto(sheet)
    rows = printed_rows(mine)
    context.close()

    colleague = browser.new_context(viewport={"width": 1280, "height": 900})
    page = colleague.new_page()
    open_builder(page, base_url, state="#" + link.split("#", 1)[1])
    assert chosen(page) == order
    assert page.input_value("input[name=title]") == "Көшбасшылық: таңғы сессия"
    sheet = colleague.new_page()
    sheet.emulate_media(media="print")
    sheet.goto(print_view(page))
    theirs = printed_rows(sheet)
    assert [row[0] for row in theirs] == [row[0] for row in rows] == order
    assert [[(lang, text) for lang, _, text in sides] for _, sides in theirs] == [[(lang, text) for lang, _, text in sides] for _, sides in rows]
    for item, sides in theirs:
        assert [lang for lang, _, _ in sides] == ["kk", "ru"], item
        assert abs(sides[0][1] - sides[1][1]) < 1, f"{item}: both languages start level"
        assert squeeze(name_in(item, "kk")) in squeeze(sides[0][2]), item
        assert squeeze(name_in(item, "ru")) in squeeze(sides[1][2]), item
    assert sheet.locator(".hb-session__box").count() == 1
    assert sheet.locator("h1").inner_text() == "Көшбасшылық: таңғы сессия"
    assert "04.12.2026" in sheet.locator("main").inner_text() and "Астана" in sheet.locator("main").inner_text()
    assert not sheet.locator(".hb-sheet__bar").is_visible(), "no web chrome in print"

    pdf = tmp_path / "session.pdf"
    sheet.pdf(path=str(pdf), prefer_css_page_size=True)
    reader = PdfReader(pdf)
    text = squeeze("".join(p.extract_text() for p in reader.pages))
    size = sorted((float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)))
    assert size == pytest.approx(sorted(A4), abs=1)
    assert float(reader.pages[0].mediabox.width) > float(reader.pages[0].mediabox.height), "a table beside its translation: landscape"
    for item in order:
        for lang in ("kk", "ru"):
            assert squeeze(name_in(item, lang)) in text, (item, lang)
    assert re.search(r"бет/стр\.1/\d", text), "page numbers, in both languages"
    colleague.close()


def test_keyboard_alone_picks_and_orders_the_pieces(browser: Browser, base_url: str) -> None:
    page = browser.new_page()
    open_builder(page, base_url, "ru", "#items=moral-purpose,quality-of-teaching&lang=ru")
    page.focus(".hb-session__piece input[value='social-capital']")
    page.keyboard.press("Space")
    assert chosen(page) == ["moral-purpose", "quality-of-teaching", "social-capital"]
    page.focus("[data-item='moral-purpose'] [data-move='1']")
    page.keyboard.press("Enter")
    assert chosen(page) == ["quality-of-teaching", "moral-purpose", "social-capital"]
    page.keyboard.press("Enter")
    assert chosen(page) == ["quality-of-teaching", "social-capital", "moral-purpose"]
    focused = page.evaluate("document.activeElement.closest('[data-item]').dataset.item + ' ' + document.activeElement.dataset.move")
    assert focused == "moral-purpose -1", "at the bottom, focus stays on the piece, on the control that still moves it"
    assert "3" in page.inner_text("[data-session-live]") and name_in("moral-purpose", "ru") in page.inner_text("[data-session-live]")
    page.keyboard.press("Enter")
    assert chosen(page) == ["quality-of-teaching", "moral-purpose", "social-capital"]
    assert "items=quality-of-teaching,moral-purpose,social-capital" in page.url
    page.close()


def test_search_finds_pieces_by_the_sites_own_rules(browser: Browser, base_url: str) -> None:
    """An inflected Kazakh form and the same word typed in Latin letters find the term (the site's stemmer and
    Latin keys); a piece with no form of the word is hidden."""
    page = browser.new_page()
    open_builder(page, base_url)
    term = page.locator(".hb-session__piece", has=page.locator("input[value='leadership']"))
    unrelated = page.locator(".hb-session__piece", has=page.locator("input[value='moral-purpose']"))
    for query in ("көшбасшылығының", "koshbasshylyq"):
        page.fill("[data-session-search]", query)
        page.wait_for_function("() => document.querySelector('.hb-session__piece input[value=moral-purpose]').closest('label').hidden")
        assert term.is_visible() and not unrelated.is_visible(), query
    page.fill("[data-session-search]", "")
    page.select_option("[data-session-page]", label=soup_title(base_url, "glossary"))
    page.wait_for_function("() => document.querySelector('.hb-session__piece input[value=moral-purpose]').closest('label').hidden")
    assert term.is_visible()
    page.close()


def soup_title(base_url: str, slug: str) -> str:
    """A Kazakh page's title, from its Markdown."""
    return re.search(r"^# (.+)$", (ROOT / "docs" / "kk" / f"{slug}.md").read_text("utf-8"), re.M).group(1)


def test_recent_sessions_are_kept_in_the_browser(browser: Browser, base_url: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    open_builder(page, base_url, "en", "#items=moral-purpose,blq-leadership&lang=en&title=" + quote("Morning"))
    page.goto(base_url + "en/")
    open_builder(page, base_url, "en")
    assert chosen(page) == []
    page.click("[data-session-recent] summary")
    recent = page.locator("[data-session-recent-list] a")
    assert recent.count() == 1 and recent.first.inner_text().startswith("Morning · 2")
    recent.first.click()
    page.wait_for_function("() => document.querySelectorAll('[data-session-order] [data-item]').length === 2")
    assert chosen(page) == ["moral-purpose", "blq-leadership"]
    context.close()


def test_without_javascript_the_builder_explains_and_links_to_the_fixed_handouts(browser: Browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "session/")
    assert page.locator(".hb-session__nojs").is_visible()
    assert not page.locator(".hb-session__form").is_visible()
    page.locator(".hb-session__nojs a").click()
    assert page.url == base_url + "handouts/"
    context.close()


def test_a_link_naming_a_piece_that_is_gone_says_which_and_keeps_the_rest(browser: Browser, edited: tuple[Path, Path]) -> None:
    _, site = edited
    gone = REMOVED_ITEM[1]
    with serving(site) as base_url:
        page = browser.new_page()
        open_builder(page, base_url, "kk", f"#items=esrc-instrumental,{gone},moral-purpose&lang=kk,ru")
        assert page.locator("[data-session-missing]").is_visible()
        assert gone in page.inner_text("[data-session-missing]")
        assert chosen(page) == ["esrc-instrumental", "moral-purpose"]
        page.goto(base_url + f"session/sheet/#items=esrc-instrumental,{gone},moral-purpose&lang=kk,ru")
        assert [row[0] for row in printed_rows(page)] == ["esrc-instrumental", "moral-purpose"]
        assert gone in page.inner_text("[data-session-missing]")
        page.close()


@pytest.mark.parametrize("lang", LANGS)
def test_the_print_views_qr_code_opens_its_first_pieces_page(browser: Browser, edited: tuple[Path, Path], lang: str) -> None:
    import zxingcpp
    from PIL import Image

    _, site = edited
    with serving(site) as base_url:
        page = browser.new_page()
        page.emulate_media(media="print")
        page.goto(base_url + page_url(lang, "session/sheet") + "#items=blq-mission-strategy,moral-purpose&lang=" + lang)
        printed_rows(page)
        code = page.locator("[data-qr]")
        decoded = [result.text for result in zxingcpp.read_barcodes(Image.open(io.BytesIO(code.screenshot())))]
        assert decoded == [code.get_attribute("data-qr")] == [SITE_URL + page_url(lang, homes()["burke-litwin-questions"])]
        page.close()


# The bilingual PDFs, read back.


def test_every_handout_is_a_kazakh_and_russian_pdf_with_both_languages_of_every_piece(pdfs: Path) -> None:
    for handout in listed_handouts():
        path = pdfs / "pdf" / f"{handout}.kk-ru.pdf"
        reader = PdfReader(path)
        for page in reader.pages:
            size = sorted((float(page.mediabox.width), float(page.mediabox.height)))
            assert size == pytest.approx(sorted(A4), abs=1), handout
        text = squeeze("".join(page.extract_text() or "" for page in reader.pages))
        shows = [shown["data"] for doc in data_files() if doc["kind"] == "handouts" for item in doc["items"] if item["id"] == handout for shown in item["show"]] or [handout]
        for doc in data_files():
            if doc["id"] not in shows:
                continue
            things = doc.get("items") or doc.get("rows") or []
            for thing in things:
                for lang in ("kk", "ru"):
                    name = next(thing[key][lang] for key in ("heading", "term", "name", "stage", "text") if key in thing)
                    assert squeeze(name)[:40] in text, (handout, thing["id"], lang)
        fonts = {str(font.get_object()["/BaseFont"]) for page in reader.pages[:3] for font in page["/Resources"]["/Font"].values()}
        assert any("Roboto" in font for font in fonts), (handout, fonts)
    names = "".join(item["name"]["kk"] for item in read_data(DATA / "ten_factors.yml")["items"]).lower()
    kazakh = set("әғқңөұүһі") & set(names)
    assert len(kazakh) >= 5 and kazakh <= set(pdf_text_of(pdfs / "pdf" / "ten-factors.kk-ru.pdf").lower()), "Kazakh letters come back as themselves"


def pdf_text_of(path: Path) -> str:
    """A PDF's text."""
    return "".join(page.extract_text() or "" for page in PdfReader(path).pages)
