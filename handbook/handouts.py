"""The printable pack: which handouts there are, how each is laid out, and their print-ready pages."""

import os
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from handbook.languages import NATIVE_NAMES, Lang, root_of, url_prefix
from handbook.model import Handout, HandoutsDoc, blank_forms
from handbook.project import Project
from handbook.render import Renderer

PAGE = "handouts"  # the slug of the page that lists the pack, and the folder of the handout pages


@dataclass(frozen=True)
class Sheet:
    """A handout with what its layout depends on."""

    handout: Handout
    landscape: bool
    form: bool

    @property
    def id(self) -> str:
        """Its slug: handouts/<id>/ and pdf/<id>.pdf in every language."""
        return self.handout.id


def pack(project: Project) -> list[Sheet]:
    """Every handout: the listed ones in their order, then a blank form for each rubric not listed as one."""
    docs = list(project.docs.values())
    listed = [handout for doc in docs if isinstance(doc, HandoutsDoc) for handout in doc.items]
    sheets = []
    for handout in listed + blank_forms(docs):
        form = any(shown.view == "form" for shown in handout.show)
        wide = any(getattr(project.docs[shown.data], "landscape", False) for shown in handout.show)
        sheets.append(Sheet(handout, landscape=form or wide, form=form))
    return sheets


def build_date() -> date:
    """The date of the build (SOURCE_DATE_EPOCH when set, for reproducible builds), in UTC."""
    stamp = os.environ.get("SOURCE_DATE_EPOCH")
    return datetime.fromtimestamp(int(stamp), UTC).date() if stamp else datetime.now(UTC).date()


def footer(title: str, lang: Lang, path: str, site_url: str | None) -> str:
    """The printed footer: the page's title, its language, the address it was printed from and the build date."""
    address = (site_url or "/").rstrip("/") + "/" + path if site_url else "/" + path
    return f"{title} · {NATIVE_NAMES[lang]} · {address} · {build_date().isoformat()}"


def title(renderer: Renderer, lang: Lang, sheet: Sheet) -> str:
    """A handout's title: its own name, else the caption of its first data file or the title of the page showing it."""
    return sheet.handout.name.in_(lang) if sheet.handout.name else renderer.name(lang, sheet.handout.show[0].data)


def for_page(renderer: Renderer, slug: str) -> list[Sheet]:
    """The handouts whose first data file a page shows (the page links to them)."""
    return [s for s in pack(renderer.project) if renderer.site.homes.get(s.handout.show[0].data) == slug and slug != PAGE]


def render_sheet(renderer: Renderer, lang: Lang, sheet: Sheet, site_name: str, site_url: str | None) -> str:
    """A handout's print-ready page: a whole HTML document, laid out for A4."""
    path = f"{url_prefix(lang)}{PAGE}/{sheet.id}/"
    root = root_of(path)
    name = title(renderer, lang, sheet)
    level = 3 if any(shown.heading for shown in sheet.handout.show) else 2
    sections = [(shown.heading, renderer.show(lang, shown.data, shown.view, root, level)) for shown in sheet.handout.show]
    return renderer.render(
        "sheet.html", lang, root, sheet=sheet, title=name, sections=sections, site_name=site_name, slug=f"{PAGE}/{sheet.id}/",
        footer=footer(name, lang, path, site_url),
    )


def write_sheets(renderer: Renderer, lang: Lang, site_dir: Path, site_name: str, site_url: str | None) -> list[Path]:
    """Write every handout's page for one language: site/<lang prefix>handouts/<id>/index.html."""
    written = []
    for sheet in pack(renderer.project):
        target = site_dir / url_prefix(lang) / PAGE / sheet.id / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(render_sheet(renderer, lang, sheet, site_name, site_url), encoding="utf-8")
        written.append(target)
    return written

