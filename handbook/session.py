"""The session builder: trainers make a handout of their own from the pieces of the data (handbook/pieces.py), in
the page's language or in two side by side, with no server. The builder's page lists every piece to pick
(session.html); each language's pieces script holds every piece drawn in that language; the print view puts the
handout together in the browser from the state in its address (assets/javascripts/session.js)."""

import json
from dataclasses import dataclass

from handbook.languages import LANGUAGES, NATIVE_NAMES, Lang
from handbook.model import Source
from handbook.pieces import TABLES, Piece, pieces, renamed, within
from handbook.qr import online
from handbook.render import Renderer
from handbook.timing import timed
from handbook.urls import SESSION, Urls, root_of

SCRIPT = "assets/javascripts/session.js"
STYLE = "assets/stylesheets/session.css"
# The strings the print view prints, in each of the handout's languages.
SHEET_STRINGS = ("session.date", "session.place", "discussion.notes", "form.name", "form.school", "form.date", "print.page")


@dataclass(frozen=True)
class Group:
    """The pieces of one data file, as the builder lists them: its name, the page showing it, and each piece with its
    label and the ids search results may point at inside it."""

    file: str
    name: str
    page: str
    pieces: list[tuple[Piece, str, str]]


def groups(renderer: Renderer, lang: Lang, pages: list[str]) -> list[Group]:
    """Every data file that has pieces, in the order of the pages showing them (`pages`, by slug), each with its
    pieces' labels."""
    site, project = renderer.site, renderer.project
    order = {slug: n for n, slug in enumerate(pages)}
    found: dict[str, list[Piece]] = {}
    for piece in pieces(project, site.homes).values():
        found.setdefault(piece.file, []).append(piece)
    listed = []
    for file_id, own in sorted(found.items(), key=lambda pair: (order.get(site.homes[pair[0]], len(order)), str(project.paths[pair[0]]))):
        name = renderer.name(lang, file_id)
        labels = []
        for piece in own:
            label = name if piece.part == "figure" else renderer.label(lang, piece.id).removeprefix(f"{name} — ").removeprefix(f"{name}: ")
            if isinstance(item := project.item(piece.id), Source):  # a cited work is named by its author and year
                label = f"{item.author.in_(lang)} ({item.year})" if item.year else item.author.in_(lang)
            if piece.part == "column":
                label = f"{label} ({renderer.ui(lang, 'session.column')})"
            labels.append((piece, label, " ".join(within(project.docs[file_id], piece))))
        listed.append(Group(file_id, name, site.homes[file_id], labels))
    return listed


def builder(renderer: Renderer, lang: Lang, root: str, order: list[str]) -> str:
    """The builder's form on its page: every piece to pick, grouped by data file in the pages' `order`, and the
    handout's options."""
    listed = groups(renderer, lang, order)
    pages = list(dict.fromkeys(group.page for group in listed))
    titles = renderer.site.titles.get(lang, {})
    languages = [(one, NATIVE_NAMES[one]) for one in LANGUAGES]
    pages_shown = [(slug, titles.get(slug, slug)) for slug in pages]
    return renderer.render("session.html", lang, root, groups=listed, pages=pages_shown, languages=languages, renamed=renamed(renderer.project), script=SCRIPT, style=STYLE)


def sheet_page(renderer: Renderer, lang: Lang, site_name: str) -> tuple[str, str]:
    """The print view's file and page in `lang`: the handout is put together in it by the script."""
    file = Urls.session_sheet_file(lang)
    root = root_of(file)
    scripts = {one: root + Urls.session_pieces(one) for one in LANGUAGES}
    html = renderer.render("session-sheet.html", lang, root, site_name=site_name, scripts=scripts, script=SCRIPT, style=STYLE, builder=renderer.urls.page(lang, SESSION))
    return file, html


def pieces_script(renderer: Renderer, lang: Lang, site_url: str | None) -> tuple[str, str]:
    """A language's pieces script: every piece drawn in `lang` (its links relative to the print view), what the print
    view needs of its data file, each page's QR code when the site's address is known, and the strings it prints."""
    project, homes = renderer.project, renderer.site.homes
    root = root_of(Urls.session_sheet_file(lang))
    found = pieces(project, homes)
    files = {piece.file for piece in found.values()}
    codes = {}
    for slug in {homes[file_id] for file_id in files}:
        code = online(site_url, Urls().page(lang, slug))
        if code is not None:
            codes[slug] = {"address": code.address, "svg": str(code.svg)}
    with timed("pieces"):  # rendering, reported apart by the bench (the builder's, not the pages')
        drawn = {piece.id: {"file": piece.file, "html": renderer.piece(lang, piece, "", root, f"{lang}-")} for piece in found.values()}
    data = {
        "lang": lang,
        "pieces": drawn,
        "files": {file_id: {"page": homes[file_id], "table": project.docs[file_id].kind in TABLES, "landscape": bool(getattr(project.docs[file_id], "landscape", False))} for file_id in sorted(files)},
        "qr": codes,
        "renamed": renamed(project),
        "strings": {key: renderer.ui(lang, key) for key in SHEET_STRINGS},
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return Urls.session_pieces(lang), f"(self.handbookPieces = self.handbookPieces || {{}})[{json.dumps(lang)}] = {text};\n"
