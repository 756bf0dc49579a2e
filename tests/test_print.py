"""Printing: handout pages, blank forms, the whole handbook, real PDFs read back, and print media in chromium."""

import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser
from pypdf import PdfReader

from conftest import CHROMIUM, LANGS, ROOT, SITE_URL, build_log_of, handbook, letters, page_url, parse_html, parsed, read_data, soup

A4 = (595.28, 841.89)
DATA = ROOT / "data"
KAZAKH_LETTERS = "әғқңөұүһіӘҒҚҢӨҰҮҺІ"
WIDE_FORMS = ("development-rubric", "competencies")


def listed_handouts() -> list[str]:
    """The handout ids data/handouts.yml lists, read straight from the file."""
    return [item["id"] for item in read_data(DATA / "handouts.yml")["items"]]


def rubric_ids() -> list[str]:
    """The ids of every data file of kind rubric."""
    return [doc["id"] for path in sorted(DATA.glob("*.yml")) if (doc := read_data(path))["kind"] == "rubric"]


def squeeze(text: str) -> str:
    """Text without whitespace, to compare wrapped PDF text with the data."""
    return re.sub(r"\s+", "", text)


def words(text: str) -> list[str]:
    """The words of a text, lower-cased; a word hyphenated at a line's end splits as it does in the data."""
    return re.findall(r"\w+", text.lower())


def runs_through(needle: list[str], haystack: list[str], gap: int = 400) -> bool:
    """Whether the words of `needle` appear in order in `haystack`, each within `gap` words of the last (room for a
    page's footer, the repeated header and the other cells of a row that goes on over the next page)."""
    for start in (i for i, word in enumerate(haystack) if word == needle[0]):
        at = start
        for word in needle[1:]:
            found = next((j for j in range(at + 1, min(at + 1 + gap, len(haystack))) if haystack[j] == word), None)
            if found is None:
                break
            at = found
        else:
            return True
    return False


def pdf_text(path: Path, first: int = 0, last: int | None = None) -> str:
    """The extracted text of some pages of a PDF."""
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages[first:last])


def orientation(page) -> str:
    """`portrait` or `landscape` for an A4 page; fails for any other size."""
    size = sorted((float(page.mediabox.width), float(page.mediabox.height)))
    assert size == pytest.approx(sorted(A4), abs=1), size
    return "landscape" if float(page.mediabox.width) > float(page.mediabox.height) else "portrait"


def pdf_path(site: Path, lang: str, name: str) -> Path:
    """Where a language's PDF lives: site/pdf/ for Kazakh, site/<lang>/pdf/ for the others."""
    return site / page_url(lang) / "pdf" / f"{name}.pdf"


# The handout pages (HTML), from the session's strict build.


@pytest.mark.parametrize("lang", LANGS)
def test_handouts_page_lists_every_handout_and_every_rubric_form(site: Path, lang: str) -> None:
    page = soup(site, lang, "handouts")
    links = {a["href"].rstrip("/").rsplit("/", 1)[-1] for a in page.select(".hb-handouts a[href$='/']")}
    assert links >= {*listed_handouts(), *rubric_ids(), "handbook"}
    pdf_links = {a["href"].rsplit("/", 1)[-1] for a in page.select(".hb-handouts a[href$='.pdf']")}
    assert pdf_links >= {f"{name}.pdf" for name in [*listed_handouts(), *rubric_ids(), "handbook"]}


@pytest.mark.parametrize("name", [*listed_handouts(), "development-rubric", "handbook"])
def test_every_handout_has_a_page_at_the_same_slug_in_every_language(site: Path, name: str) -> None:
    for lang in LANGS:
        page = soup(site, lang, f"handouts/{name}")
        assert page.html["lang"] == lang
        assert page.select_one("link[href$='print-fonts.css']") is not None
        others = {a["hreflang"]: a["href"] for a in page.select(".hb-sheet__bar a[hreflang]")}
        assert set(others) == set(LANGS) - {lang}


@pytest.mark.parametrize("lang", LANGS)
def test_blank_rubric_form_has_the_descriptors_and_empty_columns(site: Path, lang: str) -> None:
    rubric = read_data(DATA / "development_rubric.yml")
    strings = {item["id"]: item["text"][lang] for item in read_data(DATA / "ui.yml")["items"]}
    page = soup(site, lang, "handouts/development-rubric")
    headers = [th.get_text(" ", strip=True) for th in page.select(".hb-form__table thead th")]
    assert headers[-3:] == [strings["form.level"], strings["form.evidence"], strings["form.next-steps"]]
    for number, column in enumerate(rubric["columns"], 1):
        assert headers[number].endswith(column["name"][lang]) and headers[number].startswith(str(number))
    rows = page.select(".hb-form__table tbody tr")
    assert [row.th.get_text(strip=True) for row in rows] == [row["name"][lang] for row in rubric["rows"]]
    for row in rows:
        blanks = row.select("td.hb-blank")
        assert len(blanks) == 3 and all(not cell.get_text(strip=True) for cell in blanks)
        assert len(row.select(".hb-tick")) == len(rubric["columns"])
    labels = [label.get_text(strip=True) for label in page.select(".hb-form__who .hb-form__label")]
    assert labels == [f"{strings[key]}:" for key in ("form.name", "form.school", "form.date")]


def test_a_new_rubric_gets_its_blank_form_without_code(edited: tuple[Path, Path]) -> None:
    _, out = edited  # a second rubric (add_rubric): its data file and a show() on a page, no code
    for lang in LANGS:
        form = soup(out, lang, "handouts/second-rubric")
        assert form.select(".hb-form--rubric .hb-blank")
        assert soup(out, lang, "handouts").select_one("a[href$='handouts/second-rubric/']") is not None


@pytest.mark.parametrize("lang", LANGS)
def test_pages_link_to_the_handouts_made_from_them(site: Path, lang: str) -> None:
    links = soup(site, lang, "practices/leading-learning").select(".hb-handout-links a")
    hrefs = [a["href"] for a in links]
    assert any(href.endswith("handouts/leading-learning/") for href in hrefs)
    assert any(href.endswith("pdf/leading-learning.pdf") for href in hrefs)
    assert soup(site, lang, "evidence").select(".hb-handout-links") == []


@pytest.mark.parametrize("lang", LANGS)
def test_printed_footer_names_the_page_its_language_the_address_and_the_date(site: Path, lang: str) -> None:
    names = {"kk": "Қазақша", "ru": "Русский", "en": "English"}
    page = soup(site, lang, "ten-factors")
    style = next(s.get_text() for s in page.select("article style") if "@bottom-left" in s.get_text())
    footer = re.search(r'@bottom-left \{ content: "([^"]*)"', style).group(1)
    title = page.h1.get_text(strip=True).rstrip("¶")
    assert footer.startswith(title) and names[lang] in footer
    assert "/" + page_url(lang, "ten-factors") in footer
    assert re.search(r"\d{4}-\d{2}-\d{2}$", footer)


def test_css_strings_cannot_close_the_style_element() -> None:
    from handbook.render import css_string

    assert css_string('a "b" \\ </style><script>') == '"a \\22 b\\22  \\5c  \\3c /style\\3e \\3c script\\3e "'


def test_whole_handbook_page_has_every_page_as_a_chapter_with_links_inside(site: Path) -> None:
    book = soup(site, "ru", "handouts/handbook")
    chapters = book.select("section.hb-book__chapter")
    titles = [section.h1.get_text(strip=True).rstrip("¶") for section in chapters]
    expected = [re.search(r"^# (.+)$", (ROOT / "docs" / "ru" / "index.md").read_text("utf-8"), re.M).group(1)]
    in_book = [path for path in (ROOT / "docs" / "ru").rglob("*.md") if "\nbook: false" not in path.read_text("utf-8").split("\n---", 1)[0]]
    # not chapters: the handouts, the session builder, the cohort summary, the editors' page, the open data
    assert titles[0] == expected[0] and len(chapters) == len(in_book) == len(list((ROOT / "docs" / "ru").rglob("*.md"))) - 5
    ids = [tag["id"] for tag in book.select("[id]")]
    assert len(ids) == len(set(ids)), "ids are unique in the book"
    inside = [a["href"] for a in book.select("main a[href^='#']")]
    known = set(ids)
    assert len(inside) > 100 and all(href[1:] in known for href in inside)
    assert not [a["href"] for a in book.select("main a[href]") if not a["href"].startswith(("#", "http", "mailto:"))]


# Print media in a real browser.

pytest_browser = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium is missing: run `make test`, which installs it")


@pytest_browser
@pytest.mark.parametrize("lang", LANGS)
def test_printing_a_page_hides_the_web_chrome(browser: Browser, base_url: str, lang: str) -> None:
    page = browser.new_page()
    page.goto(base_url + page_url(lang, "practices/leading-learning"))
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-search", ".hb-handout-links", ".headerlink"):
        assert not page.locator(chrome).first.is_visible(), chrome
    assert page.locator("article h1").is_visible()
    width = page.evaluate("document.querySelector('article').getBoundingClientRect().width")
    page.emulate_media(media="screen")
    assert page.locator(".md-header").is_visible()
    page.close()
    assert width > 600, "the printed text takes the page's width"


@pytest_browser
def test_chromium_prints_wide_tables_on_landscape_pages_and_the_rest_portrait(browser: Browser, base_url: str, tmp_path: Path) -> None:
    page = browser.new_page()
    page.goto(base_url + page_url("ru", "competencies"))
    page.pdf(path=tmp_path / "competencies.pdf", prefer_css_page_size=True)
    page.close()
    pages = [orientation(p) for p in PdfReader(tmp_path / "competencies.pdf").pages]
    assert pages[0] == "portrait" and "landscape" in pages


@pytest_browser
def test_the_handout_page_prints_without_its_bar(browser: Browser, base_url: str) -> None:
    page = browser.new_page()
    page.goto(base_url + page_url("kk", "handouts/development-rubric"))
    assert page.locator(".hb-sheet__bar").is_visible()
    page.emulate_media(media="print")
    assert not page.locator(".hb-sheet__bar").is_visible()
    page.close()


# Real PDFs, read back.


def test_every_handout_and_the_book_exist_as_pdf_in_every_language(pdfs: Path) -> None:
    for lang in LANGS:
        for name in [*listed_handouts(), *rubric_ids(), "handbook"]:
            assert pdf_path(pdfs, lang, name).stat().st_size > 5000, (lang, name)
    links = [(html, a["href"]) for html in pdfs.rglob("index.html") for a in soup_file(html).select("a[href$='.pdf']")]
    assert links and all((html.parent / href).resolve().is_file() for html, href in links)


def soup_file(path: Path):
    """A built file, parsed."""

    return parse_html(path.read_text("utf-8"))


@pytest.mark.parametrize("lang", LANGS)
def test_pdfs_are_a4_forms_landscape_sheets_portrait(pdfs: Path, lang: str) -> None:
    for name in WIDE_FORMS:
        assert {orientation(p) for p in PdfReader(pdf_path(pdfs, lang, name)).pages} == {"landscape"}
    for name in ("ten-factors", "burke-litwin-questions", "leading-learning", "glossary"):
        assert {orientation(p) for p in PdfReader(pdf_path(pdfs, lang, name)).pages} == {"portrait"}
    book = [orientation(p) for p in PdfReader(pdf_path(pdfs, lang, "handbook")).pages]
    assert book[0] == "portrait" and book.count("landscape") >= 3, "the wide tables of the book turn the page"


@pytest.mark.parametrize("lang", LANGS)
def test_every_rubric_cell_is_in_the_pdf_in_its_language(pdfs: Path, lang: str) -> None:
    rubric = read_data(DATA / "development_rubric.yml")
    raw = pdf_text(pdf_path(pdfs, lang, "development-rubric"))
    text, stream = squeeze(raw), words(raw)
    for row in rubric["rows"]:
        assert runs_through(words(row["name"][lang]), stream), row["name"][lang]
        for statements in row["cells"].values():
            for statement in statements:
                assert runs_through(words(statement["text"][lang]), stream), statement["text"][lang][:60]
                for other in set(LANGS) - {lang}:
                    if statement["text"][other] != statement["text"][lang]:
                        assert squeeze(statement["text"][other])[:40] not in text


def test_kazakh_letters_are_drawn_by_an_embedded_font_that_has_them(pdfs: Path) -> None:
    """Extracted text can be right while the glyphs drawn are wrong (fonts sharing a name inside the PDF):
    the embedded font programs themselves must map every Kazakh letter the pages use."""
    import io

    from fontTools.ttLib import TTFont

    mapped: set[str] = set()
    for page in PdfReader(pdf_path(pdfs, "kk", "handbook")).pages:
        for font in page["/Resources"]["/Font"].values():
            descriptor = font.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
            program = TTFont(io.BytesIO(descriptor["/FontFile2"].get_object().get_data()))
            mapped |= {chr(code) for code in program.getBestCmap()}
    used = set("".join(path.read_text("utf-8") for path in (ROOT / "docs" / "kk").rglob("*.md"))) & set(KAZAKH_LETTERS)
    assert used and used <= mapped, used - mapped


def test_kazakh_letters_come_back_as_themselves(pdfs: Path) -> None:
    text = pdf_text(pdf_path(pdfs, "kk", "handbook"))
    used = set("".join(path.read_text("utf-8") for path in (ROOT / "docs" / "kk").rglob("*.md"))) & set(KAZAKH_LETTERS)
    assert len(used) >= 12 and used <= set(text), used - set(text)
    assert "Басшыға арналған нұсқаулық" in pdf_text(pdf_path(pdfs, "kk", "handbook"), 0, 1)
    glossary = squeeze(pdf_text(pdf_path(pdfs, "kk", "glossary")))
    terms = read_data(ROOT / "glossary.yml")["items"]
    assert all(squeeze(term["term"]["kk"]) in glossary for term in terms)
    assert any(set(term["term"]["kk"]) & set(KAZAKH_LETTERS) for term in terms)


@pytest.mark.parametrize("lang", LANGS)
def test_fonts_are_embedded(pdfs: Path, lang: str) -> None:
    reader = PdfReader(pdf_path(pdfs, lang, "handbook"))
    fonts = {}
    for page in reader.pages[:12]:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant["/FontDescriptor"].get_object()
            fonts[str(font["/BaseFont"])] = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
    assert any("Roboto" in name for name in fonts)
    assert all(fonts.values()), fonts


@pytest.mark.parametrize("lang", LANGS)
def test_whole_book_has_a_cover_contents_with_page_numbers_and_bookmarks(pdfs: Path, lang: str) -> None:
    reader = PdfReader(pdf_path(pdfs, lang, "handbook"))
    assert len(reader.pages) > 30
    titles = [re.search(r"^# (.+)$", path.read_text("utf-8"), re.M).group(1) for path in [ROOT / "docs" / lang / "index.md", ROOT / "docs" / lang / "glossary.md"]]
    top = [item.title for item in reader.outline if not isinstance(item, list)]
    assert all(title in top for title in titles), top
    contents = reader.pages[1].extract_text()
    assert re.search(rf"{re.escape(titles[1])}\W*\d+", contents.replace("\n", " ")) or re.search(r"\.\s*\d+\s*$", contents, re.M)
    assert squeeze(titles[0]) in squeeze(contents)
    assert (pdf_path(pdfs, lang, "handbook")).stat().st_size < 5 * 1024 * 1024


@pytest.mark.parametrize("lang", LANGS)
def test_table_header_is_repeated_on_the_second_page(pdfs: Path, lang: str) -> None:
    strings = {item["id"]: item["text"][lang] for item in read_data(DATA / "ui.yml")["items"]}
    form = PdfReader(pdf_path(pdfs, lang, "competencies"))
    assert len(form.pages) >= 2
    assert squeeze(strings["form.evidence"]) in squeeze(form.pages[1].extract_text())
    glossary = PdfReader(pdf_path(pdfs, lang, "glossary"))
    assert len(glossary.pages) >= 2
    assert squeeze(strings["term.definition"]) in squeeze(glossary.pages[1].extract_text())


def test_a_broken_data_file_stops_the_pdf_command_before_anything_is_written(project: Path) -> None:
    (project / "data" / "ten_factors.yml").write_text("kind: list\nid: [broken\n", "utf-8")
    out = project / "site"
    result = handbook(project, "pdf", "--site-dir", str(out))
    assert result.returncode == 1
    assert "data/ten_factors.yml:" in result.stderr
    assert not out.exists()


def test_print_fonts_are_the_site_fonts_one_family_per_subset(site: Path) -> None:
    """The built print-fonts.css declares the same files with the same ranges as fonts.css, and print-fonts-latin.css
    as the Latin edition's fonts-latin.css, each subset its own family."""

    def faces(name: str) -> set[tuple[str, str, str, str]]:
        css = (site / "assets" / "stylesheets" / name).read_text("utf-8")
        found = set()
        for block in re.findall(r"@font-face \{(.*?)\}", css, re.S):
            field = dict(re.findall(r"([a-z-]+):\s*([^;]+);", block))
            found.add((field["src"], field["unicode-range"], field["font-weight"], field["font-style"]))
        return found

    assert faces("print-fonts.css") == faces("fonts.css")
    assert faces("print-fonts-latin.css") == faces("fonts-latin.css") and faces("fonts-latin.css") - faces("fonts.css")
    families = [re.findall(r'font-family: "([^"]+)"', (site / "assets" / "stylesheets" / name).read_text("utf-8")) for name in ("print-fonts.css", "print-fonts-latin.css")]
    assert {"Roboto Latin", "Roboto Cyrillic", "Roboto Cyrillic Ext"} <= set(families[0]) and set(families[1]) == {"Roboto Latin Ext"}
    kazakh, twin = (parse_html((site / folder / "handouts/ten-factors/index.html").read_text("utf-8")) for folder in ("", "latn/"))
    assert "print-fonts-latin.css" not in str(kazakh), "the Cyrillic editions' pages (and packs) do without the Latin-ext letters"
    assert [link["href"].rsplit("/", 1)[1] for link in twin.select("link[href*=fonts]")] == ["print-fonts.css", "print-fonts-latin.css"]


@pytest.mark.parametrize("lang", LANGS)
def test_marks_and_corrections_are_printed_with_why(pdfs: Path, lang: str) -> None:
    """The PDFs carry what the screen shows on hover: a supplied heading's mark and why (a practice handout), a
    table row's (Table 2's form), and in Kazakh a corrected word's printed form (the glossary)."""
    strings = {item["id"]: item["text"][lang] for item in read_data(DATA / "ui.yml")["items"]}
    shown = next(part for handout in read_data(DATA / "handouts.yml")["items"] for part in handout["show"] if "editorial" in part)
    practice = letters(pdf_text(pdf_path(pdfs, lang, "leading-learning")))
    assert letters(f"{strings['editorial.label']}. {shown['editorial']['why'][lang]}") in practice
    row = next(row for row in read_data(DATA / "competencies.yml")["rows"] if "editorial" in row)
    assert letters(row["editorial"]["why"][lang]) in letters(pdf_text(pdf_path(pdfs, lang, "competencies")))
    if lang == "kk":
        note = strings["printed.note"].replace("{printed}", "қайталатындығымен")
        assert letters(note) in letters(pdf_text(pdf_path(pdfs, lang, "glossary")))


# QR codes: each handout and the whole book open their page on the published site.


def handout_homes(lang: str) -> dict[str, str]:
    """Each listed handout's page online (below the site's address): the page whose Markdown shows its first data file."""
    shown_on = {}
    for page in sorted((ROOT / "docs" / lang).rglob("*.md")):
        slug = page.relative_to(ROOT / "docs" / lang).as_posix().removesuffix(".md").removesuffix("index").rstrip("/")
        for data in re.findall(r'show\("([^"]+)"', page.read_text("utf-8")):
            shown_on.setdefault(data, f"{slug}/" if slug else "")
    handouts = read_data(ROOT / "data" / "handouts.yml")["items"]
    return {h["id"]: page_url(lang) + shown_on[h["show"][0]["data"]] for h in handouts if h["show"][0]["data"] in shown_on}


def test_without_the_sites_address_no_handout_has_a_qr_code_and_the_build_says_so_once(site: Path) -> None:
    assert not [p for p in site.rglob("handouts/*/index.html") if parsed(p).select("[data-qr]")]
    assert build_log_of(site).read_text("utf-8").count("no QR codes") == 1


@pytest.mark.parametrize("lang", LANGS)
def test_every_handout_and_the_book_open_their_page_online(edited: tuple[Path, Path], lang: str) -> None:
    _, site = edited
    homes = handout_homes(lang)
    assert homes
    for handout, home in homes.items():
        codes = soup(site, lang, f"handouts/{handout}").select("[data-qr]")
        assert [code["data-qr"] for code in codes] == [SITE_URL + home], handout
        assert codes[0].select_one("svg"), "drawn in the page (no request for an image)"
    book = soup(site, lang, "handouts/handbook").select("[data-qr]")
    assert [code["data-qr"] for code in book] == [SITE_URL + page_url(lang)]


@pytest.mark.parametrize("lang", LANGS)
def test_a_printed_qr_code_reads_back_as_its_address(browser: Browser, edited: tuple[Path, Path], lang: str) -> None:
    """Drawn by chromium as printed, photographed, and decoded by zxing-cpp."""
    import zxingcpp
    from PIL import Image

    _, site = edited
    page = browser.new_page()
    page.emulate_media(media="print")
    page.goto((site / page_url(lang) / "handouts" / "ten-factors" / "index.html").as_uri())
    code = page.locator("[data-qr]")
    decoded = [result.text for result in zxingcpp.read_barcodes(Image.open(io.BytesIO(code.screenshot())))]
    assert decoded == [code.get_attribute("data-qr")] == [SITE_URL + page_url(lang) + "ten-factors/"]
    page.close()


def test_a_handouts_pdf_carries_its_qr_code_as_a_link(edited: tuple[Path, Path], tmp_path: Path) -> None:
    """WeasyPrint keeps the code (drawn as vectors) and the link around it."""
    from handbook.pdf import write_pdf

    _, site = edited
    target = tmp_path / "ten-factors.ru.pdf"
    write_pdf((site / "ru" / "handouts" / "ten-factors" / "index.html", target))
    first = PdfReader(target).pages[0]
    links = [annotation.get_object().get("/A", {}).get("/URI") for annotation in first.get("/Annots", [])]
    assert SITE_URL + "ru/ten-factors/" in links, links


# The Latin edition's PDFs (latn/pdf/), printed from its twins of the Kazakh print-ready pages.

LATIN_LETTERS = "ÄäĞğÑñÖöŪūÜüŞşİı"  # the 2021 proposal's letters beyond ASCII


def test_the_latin_edition_prints_every_handout_and_the_book_in_latin_letters(pdfs: Path) -> None:
    from handbook import latin

    writer = latin.writer(ROOT)
    for name in [*listed_handouts(), *rubric_ids(), "handbook", *(f"{handout}.kk-ru" for handout in listed_handouts())]:
        assert (pdfs / "latn" / "pdf" / f"{name}.pdf").stat().st_size > 5000, name
    rubric = read_data(DATA / "development_rubric.yml")
    raw = pdf_text(pdfs / "latn" / "pdf" / "development-rubric.pdf")
    text, stream = squeeze(raw), re.findall(r"\w+", latin.lower(raw))  # Kazakh casing: İ is the capital of i
    assert "Mekteptıñdamubağyttary" in text  # «Мектептің даму бағыттары», spelled by hand
    for row in rubric["rows"]:
        for statements in row["cells"].values():
            for statement in statements:
                written = re.findall(r"\w+", latin.lower(writer.text(statement["text"]["kk"])))
                assert runs_through(written, stream), statement["text"]["kk"][:60]
    assert not re.search(r"[А-Яа-яӘәҒғҚқҢңӨөҰұҮүҺһІі]", text), "a Kazakh handout in Latin letters has no Cyrillic one"


def test_the_latin_pdfs_draw_every_latin_kazakh_letter_with_an_embedded_font_that_has_it(pdfs: Path) -> None:
    """The letters beyond Latin-1 (ğ ş ū ı İ) come from Roboto's Latin-ext subset, in print as on screen."""
    from fontTools.ttLib import TTFont

    book = PdfReader(pdfs / "latn" / "pdf" / "handbook.pdf")
    text = "\n".join(page.extract_text() for page in book.pages)
    mapped: set[str] = set()
    for page in book.pages:
        for font in page["/Resources"]["/Font"].values():
            descriptor = font.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
            mapped |= {chr(code) for code in TTFont(io.BytesIO(descriptor["/FontFile2"].get_object().get_data())).getBestCmap()}
    page = parse_html((pdfs / "latn" / "handouts" / "handbook" / "index.html").read_text("utf-8"))
    for code in page(["script", "style"]):
        code.decompose()
    used = set(page.get_text()) & set(LATIN_LETTERS)
    assert set("äğñöūüşİı") <= used, "the book uses the proposal's letters"
    assert used <= set(text), used - set(text)
    assert used <= mapped, used - mapped
