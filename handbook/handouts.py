"""The print-ready pages of the handouts: each a whole HTML document laid out for A4, with its printed footer."""

from datetime import date, datetime

from handbook.edition import built_at
from handbook.languages import NATIVE_NAMES, Lang
from handbook.pack import Sheet, pack
from handbook.qr import online
from handbook.render import Renderer
from handbook.urls import SHEETS, Urls, published, root_of


def build_date() -> date:
    """The date of the build (SOURCE_DATE_EPOCH when set, for reproducible builds), in UTC."""
    return datetime.strptime(built_at(), "%Y-%m-%dT%H:%M:%SZ").date()


def footer(title: str, lang: Lang, path: str, site_url: str | None) -> str:
    """The printed footer: the page's title, its language, the address it was printed from and the build date."""
    address = published(site_url, path) if site_url else "/" + path
    return f"{title} · {NATIVE_NAMES[lang]} · {address} · {build_date().isoformat()}"


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
