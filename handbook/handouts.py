"""The print-ready pages of the handouts: each a whole HTML document laid out for A4, with its printed footer."""

from datetime import date, datetime

from handbook import footer as printed
from handbook.edition import built_at
from handbook.footer import EACH
from handbook.languages import Lang
from handbook.model import Shown
from handbook.pack import PAIR, Sheet, pack, paired
from handbook.pieces import TABLES, Piece, pieces_of
from handbook.qr import online
from handbook.render import Renderer
from handbook.urls import SHEETS, Urls, root_of


def build_date() -> date:
    """The date of the build (SOURCE_DATE_EPOCH when set, for reproducible builds), in UTC."""
    return datetime.strptime(built_at(), "%Y-%m-%dT%H:%M:%SZ").date()


def footer(title: str, lang: Lang | tuple[Lang, ...], path: str, site_url: str | None) -> str:
    """The printed footer (handbook/footer.py) of a page, a handout or the book, printed from this build."""
    return printed.footer(title, lang, path, site_url, build_date())


def for_page(renderer: Renderer, slug: str) -> list[Sheet]:
    """The handouts whose first data file a page shows (the page links to them)."""
    return [s for s in pack(renderer.project) if renderer.site.homes.get(s.handout.show[0].data) == slug and slug != SHEETS]


def render_sheet(renderer: Renderer, lang: Lang, sheet: Sheet, site_name: str, site_url: str | None) -> str:
    """A handout's print-ready page: a whole HTML document, laid out for A4."""
    path = renderer.urls.sheet(lang, sheet.id)
    root = root_of(path)
    name = renderer.sheet_title(lang, sheet)
    level = 3 if any(shown.heading for shown in sheet.handout.show) else 2
    sections = [(shown, renderer.show(lang, shown.data, shown.view, root, level)) for shown in sheet.handout.show]
    home = renderer.site.homes.get(sheet.handout.show[0].data, "")  # the page showing its first data file
    return renderer.render(
        "sheet.html",
        lang,
        root,
        sheet=sheet,
        title=name,
        sections=sections,
        site_name=site_name,
        footer=footer(name, lang, path, site_url),
        qr=online(site_url, Urls().page(lang, home)),  # the web's address, also in the copy read from a folder
    )


def sheet_pieces(renderer: Renderer, sheet: Sheet) -> list[tuple[Shown, list[Piece]]]:
    """What a handout shows, piece by piece: each data file it shows with its pieces (a table's rows, not its
    columns, which would repeat them)."""
    return [(shown, [piece for piece in pieces_of(renderer.project.docs[shown.data]) if piece.part != "column"]) for shown in sheet.handout.show]


def render_paired(renderer: Renderer, sheet: Sheet, site_name: str, site_url: str | None, langs: tuple[Lang, ...] = PAIR) -> str:
    """A handout's print-ready page in two languages side by side, piece by piece, so each piece's two versions
    stand level with each other; headings and interface strings in both."""
    first = langs[0]
    sheet_id = paired(sheet.id, langs)
    path = renderer.urls.sheet(first, sheet_id)
    root = root_of(path)
    titles = [(lang, renderer.sheet_title(lang, sheet)) for lang in langs]
    sections = []
    for shown, found in sheet_pieces(renderer, sheet):
        heading = [(lang, renderer.render("sheet-heading.html", lang, root, shown=shown)) for lang in langs] if shown.heading else None
        rows = [(piece.id, [(lang, renderer.piece(lang, piece, shown.view, root, f"{lang}-")) for lang in langs]) for piece in found]
        sections.append((heading, rows))
    home = renderer.site.homes.get(sheet.handout.show[0].data, "")
    tables = any(renderer.project.docs[shown.data].kind in TABLES for shown in sheet.handout.show)
    name = EACH.join(title for _, title in titles)
    strings = {key: [(lang, renderer.ui(lang, key)) for lang in langs] for key in ("form.name", "form.school", "form.date", "print.page")}
    return renderer.render(
        "paired.html",
        first,
        root,
        sheet=sheet,
        sheet_id=sheet_id,
        landscape=sheet.landscape or tables,  # a table beside its translation needs the width
        langs=langs,
        titles=titles,
        title=name,
        sections=sections,
        strings=strings,
        site_name=site_name,
        footer=footer(name, langs, path, site_url),
        qr=online(site_url, Urls().page(first, home)),
    )
