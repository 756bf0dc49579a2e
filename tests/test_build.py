"""The real build: languages, the ten factors, theme strings, links and self-hosting, from the parsed HTML."""

import json
import re
import shutil
from pathlib import Path

import material
import pytest

from conftest import LANGS, MARKDOWN_LOOKALIKE, ROOT, copy_project, handbook, page_url, parse_html, parsed, read_data, soup

SLUGS = ("", "ten-factors")

# Table 1 as the seed gives it (content-map H-HOP-T1): the stable id, then the Kazakh and Russian names.
TEN_FACTORS = [
    ("moral-purpose", "Адамгершілік мақсат", "Нравственная цель"),
    ("quality-of-teaching", "Оқыту сапасы", "Качество преподавания"),
    ("positive-school-culture", "Мектеп мәдениетінің жағымдылығы", "Позитивная культура школы"),
    ("continuous-professional-development", "Үздіксіз кәсіби даму", "Непрерывное профессиональное развитие"),
    ("research-based-practice", "Зерттеуге негізделген тәжірибе", "Практика, основанная на исследованиях"),
    ("use-of-school-data", "Мектеп деректері мен фактілерін қолдану", "Использование школьных данных и фактов"),
    ("improving-learning-for-all", "Бүкіл оқушылардың оқуын жақсарту", "Улучшение учения для всех учеников"),
    ("high-expectations", "Мектеп бүкіл оқушыларға үлкен үміт артады", "Школа возлагает большие надежды на всех учеников"),
    ("equal-opportunities", "Бүкіл оқушылардың мүмкіндіктері бірдей", "Возможности равны для всех учеников"),
    ("intelligent-accountability", "Зиялы жауапкершілік және бақылау", "Разумный контроль и учет"),
]

KAZAKH_ATTRIBUTES = {"Іздеу", "Тілді таңдау", "Беттің жоғарғы бөлігі", "Беттің төменгі бөлігі", "Навигация"}


def english_theme_strings() -> set[str]:
    """Every natural-language string of Material's English UI."""
    source = (Path(material.__file__).parent / "templates/partials/languages/en.html").read_text("utf-8")
    pairs = dict(re.findall(r'^\s+"([^"]+)": "([^"]*)"', source, re.M))
    technical = {"language", "direction", "search.config.lang", "search.config.pipeline", "search.config.separator"}
    strings = {value.replace("#", "").strip() for key, value in pairs.items() if key not in technical}
    return {s for s in strings if len(s) > 2} | {"Permanent link", "Made with", "Not found"}


def theme_text(page) -> list[str]:
    """Everything the theme shows or announces: visible text, labels, titles, placeholders and its JS translations."""
    found = [page.get_text(" ")]
    for tag in page.find_all(True):
        found += [tag[attr] for attr in ("aria-label", "title", "placeholder", "alt") if tag.has_attr(attr)]
    config = page.find("script", id="__config")
    return found + (list(json.loads(config.string)["translations"].values()) if config else [])


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("slug", SLUGS)
def test_every_page_declares_its_language(site: Path, lang: str, slug: str) -> None:
    assert soup(site, lang, slug).html["lang"] == lang


@pytest.mark.parametrize("lang", LANGS)
def test_ten_factors_have_their_ids_as_anchors_in_order(site: Path, lang: str) -> None:
    page = soup(site, lang, "ten-factors")
    headings = page.select(".hb-list h2[id]")
    assert [h["id"] for h in headings] == [factor[0] for factor in TEN_FACTORS]
    assert all(h.get_text(strip=True) for h in headings)
    table_links = [a["href"] for a in page.select(".hb-grid table a")]
    assert sorted(table_links) == sorted(f"#{factor[0]}" for factor in TEN_FACTORS)
    toc = [a["href"] for a in page.select_one("nav.md-nav--secondary").select("a.md-nav__link")]
    assert toc[-10:] == [f"#{factor[0]}" for factor in TEN_FACTORS]


@pytest.mark.parametrize("lang, column", [("kk", 1), ("ru", 2)])
def test_table_one_gives_the_seed_names(site: Path, lang: str, column: int) -> None:
    page = soup(site, lang, "ten-factors")
    for factor in TEN_FACTORS:
        link = page.select_one(f'.hb-grid a[href="#{factor[0]}"]')
        assert factor[column] in link.get_text(" ", strip=True)


def test_english_page_has_no_cyrillic_outside_marked_elements(site: Path) -> None:
    page = soup(site, "en", "ten-factors", to_change=True)
    for marked in page.select('[lang="kk"], [lang="ru"]'):
        marked.decompose()
    article = page.select_one("article").get_text(" ")
    assert not re.search(r"[\u0400-\u04ff]", article), re.findall(r"\S*[\u0400-\u04ff]\S*", article)[:5]


@pytest.mark.parametrize("slug", SLUGS)
def test_kazakh_pages_show_the_theme_in_kazakh(site: Path, slug: str) -> None:
    page = soup(site, "kk", slug)
    assert page.select_one("a.md-skip").get_text(strip=True) == "Мазмұнға өту"
    labels = {tag["aria-label"] for tag in page.find_all(attrs={"aria-label": True})}
    assert KAZAKH_ATTRIBUTES <= labels, KAZAKH_ATTRIBUTES - labels
    assert page.select_one("input.md-search__input")["placeholder"] == "Іздеу"
    translations = json.loads(page.find("script", id="__config").string)["translations"]
    assert translations["clipboard.copy"] == "Алмасу буферіне көшіру"
    assert translations["search.result.placeholder"] == "Іздеу үшін теріп бастаңыз"


def test_kazakh_toc_and_footer_are_in_kazakh(site: Path) -> None:
    page = soup(site, "kk", "ten-factors")
    assert page.select_one("nav.md-nav--secondary label.md-nav__title").get_text(strip=True) == "Мазмұны"
    footer = page.select_one("nav.md-footer__inner").get_text(" ", strip=True)
    assert "Алдыңғы" in footer


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("slug", SLUGS)
def test_no_english_theme_string_on_kazakh_or_russian_pages(site: Path, lang: str, slug: str) -> None:
    shown = "\n".join(theme_text(soup(site, lang, slug)))
    leaked = sorted(s for s in english_theme_strings() if re.search(rf"(?<![\w-]){re.escape(s)}(?![\w-])", shown))
    assert not leaked


def test_the_404_page_speaks_all_three_languages(site: Path) -> None:
    page = parse_html((site / "404.html").read_text("utf-8"))
    assert page.html["lang"] == "kk"
    assert {tag["lang"] for tag in page.select("main [lang]")} == {"ru", "en"}
    assert "Not found" not in page.get_text()


@pytest.mark.parametrize("lang, title", [("ru", "Страница не найдена"), ("en", "Page not found")])
def test_each_language_has_its_own_404_page(site: Path, lang: str, title: str) -> None:
    page = parse_html((site / lang / "404.html").read_text("utf-8"))
    assert page.html["lang"] == lang and title in page.h1.get_text()
    assert page.select_one(f"main a[href='/{lang}/']") is not None
    assert page.select_one("input.md-search__input") is not None, "the search box is there, in the page's language"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("slug", SLUGS)
def test_language_switcher_keeps_the_reader_on_the_same_page(site: Path, lang: str, slug: str) -> None:
    page = soup(site, lang, slug)
    links = {a["hreflang"]: a["href"] for a in page.select("a.md-select__link[hreflang]")}
    assert set(links) == {*LANGS, "kk-Latn"}  # the Latin edition (tests/test_latin_edition.py) after Kazakh
    here = site / page_url(lang, slug)
    for other, href in links.items():
        target = (site / href.lstrip("/") if href.startswith("/") else here / href).resolve()
        expected = site / "latn" / page_url("kk", slug) if other == "kk-Latn" else site / page_url(other, slug)
        assert target == expected.resolve(), (other, href)
        assert (target / "index.html").is_file()


@pytest.mark.parametrize("lang", LANGS)
def test_language_switcher_names_carry_their_own_language(site: Path, lang: str) -> None:
    """Қазақша, Русский and English each in its own language, on every page (overrides/partials/alternate.html)."""
    for page in sorted((site / page_url(lang)).glob("*/index.html"))[:5] + [site / page_url(lang) / "index.html"]:
        names = {a["hreflang"]: (a.get("lang"), a.get_text(strip=True)) for a in parsed(page).select("a.md-select__link[hreflang]")}
        assert names == {"kk": ("kk", "Қазақша"), "kk-Latn": ("kk-Latn", "Qazaqşa (latyn)"), "ru": ("ru", "Русский"), "en": ("en", "English")}, (page, names)


EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.I)


def test_nothing_is_loaded_from_another_host(site: Path) -> None:
    offending = []
    for html in site.rglob("*.html"):
        text = html.read_text("utf-8")
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("source", "src"), ("iframe", "src")):
            for value in re.findall(rf"<{tag}\b[^>]*?\b{attr}=\"([^\"]*)\"", text):
                link_is_navigation = tag == "link" and re.search(r'rel="(?:alternate|prev|next|canonical)"', text) and not value.endswith((".css", ".js"))
                if EXTERNAL.match(value) and not link_is_navigation:
                    offending.append((html.relative_to(site), value))
        offending += [(html.relative_to(site), v) for v in re.findall(r"@import\s+url\(([^)]*)\)", text)]
    for css in site.rglob("*.css"):
        for value in re.findall(r"url\(\s*['\"]?([^'\")]+)", css.read_text("utf-8")):
            if EXTERNAL.match(value):
                offending.append((css.relative_to(site), value))
    assert not offending


def test_html_and_markdown_in_data_are_shown_as_written(edited: tuple[Path, Path]) -> None:
    """Data texts are plain text: HTML is escaped, and what Markdown would read as markup (the page's HTML is
    Markdown again) is shown as written, in a heading as in a table cell."""
    _, out = edited  # two English factor names: one with HTML's characters, one MARKDOWN_LOOKALIKE
    html = (out / "en/ten-factors/index.html").read_text("utf-8")
    assert "Moral purpose 3 < 5" not in html
    page = parse_html(html)
    assert page.select_one("#moral-purpose").get_text().startswith("1. Moral purpose 3 < 5 & 'q' <3")
    heading = page.select_one("#quality-of-teaching")
    assert heading.get_text().removesuffix("¶").strip() == f"2. {MARKDOWN_LOOKALIKE}"
    assert not heading.select("em, code, a[href^='http']"), heading
    assert any(cell.get_text() == f"2. {MARKDOWN_LOOKALIKE}" for cell in page.select(".hb-grid td"))


@pytest.fixture(scope="module")
def built_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project with a good site built by `handbook build` (each test copies it again to break it)."""
    project = copy_project(tmp_path_factory.mktemp("built") / "project")
    assert handbook(project, "build").returncode == 0
    return project


def test_failed_build_leaves_the_last_good_site(built_project: Path, tmp_path: Path) -> None:
    project = shutil.copytree(built_project, tmp_path / "project", symlinks=True)
    site = project / "site"
    before = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert (site / "ten-factors/index.html").is_file()

    data = project / "data" / "ten_factors.yml"
    data.write_text(data.read_text("utf-8").replace("kind: list", "kind: list\n  oops: ["), "utf-8")
    failed = handbook(project, "build")
    assert failed.returncode == 1
    assert "data/ten_factors.yml:" in failed.stderr
    after = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before
    assert not list(project.glob(".site-*")), "no temporary folder is left behind"


def test_failed_mkdocs_step_also_leaves_the_last_good_site(built_project: Path, tmp_path: Path) -> None:
    """A failure the validator cannot see (a broken theme template) still keeps the old site."""
    project = shutil.copytree(built_project, tmp_path / "project", symlinks=True)
    site = project / "site"
    before = sorted(p.relative_to(site) for p in site.rglob("*"))
    (project / "overrides" / "404.html").write_text("{% block content %}{{ nosuch.attr.x }}{% endblock %}", "utf-8")
    assert handbook(project, "build").returncode != 0
    assert sorted(p.relative_to(site) for p in site.rglob("*")) == before


def test_kazakh_ui_file_translates_every_key_of_the_english_one() -> None:
    def keys_and_values(path: Path) -> dict[str, str]:
        return dict(re.findall(r'^\s+"([^"]+)": "([^"]*)"', path.read_text("utf-8"), re.M))

    english = keys_and_values(Path(material.__file__).parent / "templates/partials/languages/en.html")
    kazakh = keys_and_values(ROOT / "overrides/partials/languages/kk.html")
    assert set(kazakh) == set(english)
    same = {key for key in english if kazakh[key] == english[key]}
    assert same <= {"direction", "search.config.pipeline", "search.config.separator"}, same
    assert kazakh["language"] == "kk"


# DESIGN.md §5: the handbook's order.
HANDBOOK_ORDER = [
    "",
    "evidence",
    "burke-litwin",
    "principles",
    "requirements",
    "ten-factors",
    "competencies",
    "programme",
    "capacity",
    "planning",
    "assessment",
    "glossary",
    "handouts",
    "session",
    "assess/cohort",
    "sources",
    "contacts",
    "open-data",
    "editors",
]
SCHOOL_PRACTICE = ["school-practice", "school-practice/action-research", "school-practice/tasks", "school-practice/portfolio", "school-practice/development-rubric"]
PRACTICES = ["practices/leading-learning", "practices/developing-self-and-others", "practices/leading-change", "practices/community"]


@pytest.mark.parametrize("lang", LANGS)
def test_navigation_follows_the_handbook_order(site: Path, lang: str) -> None:
    page = soup(site, lang)
    links = [a["href"].rstrip("/").lstrip("./") for a in page.select("nav.md-nav--primary > ul > li > a.md-nav__link")]
    assert links == HANDBOOK_ORDER
    sections = [a["href"].rstrip("/").lstrip("./") for a in page.select("nav.md-nav--primary > ul > li.md-nav__item--nested a.md-nav__link[href]")]
    assert sections == PRACTICES + SCHOOL_PRACTICE


@pytest.mark.parametrize("lang", LANGS)
def test_navigation_names_each_practice_by_its_canonical_name(site: Path, lang: str) -> None:
    """The practices have several printed names; the programme's list (data/practices.yml) is the canonical one."""

    names = [item["name"][lang] for item in read_data(ROOT / "data/practices.yml")["items"]]
    labels = [a.get_text(" ", strip=True) for a in soup(site, lang).select("nav.md-nav--primary > ul > li.md-nav__item--nested a.md-nav__link[href]")]
    assert labels[:4] == [f"{n}. {name}" for n, name in enumerate(names, 1)]


def test_every_internal_link_reaches_its_page_and_anchor(site: Path) -> None:
    """Cross-references, term links, see-also links and the navigation resolve in every language."""
    from urllib.parse import unquote, urlsplit

    ids: dict[Path, set[str]] = {}

    def has_id(path: Path, anchor: str) -> bool:
        if path not in ids:
            ids[path] = {tag["id"] for tag in parsed(path).find_all(id=True)}
        return anchor in ids[path]

    broken = []
    checked = 0
    for html in sorted(site.rglob("index.html")):
        for link in parsed(html).select("article a[href], main a[href], nav.hb-sheet__bar a[href]"):
            href = link["href"]
            if EXTERNAL.match(href) or href.startswith(("mailto:", "tel:")) or href.endswith(".pdf"):
                continue  # PDFs exist once `handbook pdf` has run: test_print checks those links
            target = urlsplit(href)
            if target.path.endswith((".json", ".csv")):
                ok = (html.parent / unquote(target.path)).resolve().is_file()
            else:
                file = (html.parent / unquote(target.path) / "index.html").resolve() if target.path else html
                ok = file.is_file() and (not target.fragment or has_id(file, unquote(target.fragment)))
            checked += 1
            if not ok:
                broken.append((html.relative_to(site).as_posix(), href))
    assert checked > 100
    assert not broken, broken[:10]
