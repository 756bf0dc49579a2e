"""One language's build of the site, as the handbook sees it: what the macros of its pages render, what stands
around each page's own text, and the files made beside the pages (the handouts, the whole book, the search index).
It knows nothing of MkDocs: the plugin (handbook/plugin.py) feeds it pages and writes what it makes."""

import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from handbook import latin_edition, session
from handbook.assess import Assessment
from handbook.book import Chapter, render_book
from handbook.drawings import Drawings, digest
from handbook.edition import SIZE_MARK
from handbook.handouts import footer, for_page, render_paired, render_sheet
from handbook.languages import DEFAULT_LANGUAGE, LANGUAGES, NATIVE_NAMES, Lang
from handbook.pack import PAIR, pack, paired
from handbook.project import BOOK
from handbook.render import Renderer, Site
from handbook.search import item_entries, language_index
from handbook.status import STATES, FileStatus, in_path_order, page_notices
from handbook.urls import LATIN, Urls, root_of
from handbook.views import TEMPLATES
from handbook.webapp import THEME_COLOUR, manifest

_TITLE = re.compile(r"^# .*$", re.M)


def kept_drawings(site: Site, folders: bool) -> Drawings:
    """The data drawn by the last build from the same data, templates, code, pages' titles and homes and address
    style (handbook/drawings.py), for a build to reuse and add to."""
    project = site.project
    state = (sorted(site.homes.items()), sorted((lang, sorted(titles.items())) for lang, titles in site.titles.items()), sorted(site.indexes), folders)
    return Drawings(digest([project.root / path for path in project.paths.values()], project.root / TEMPLATES, state))


@dataclass
class PageState:
    """A page being rendered: its slug (the same in every language), its address below the site root, where its
    text comes from (front matter `origin:`), and the data files its macros have shown so far."""

    slug: str
    url: str
    origin: str | None = None
    shown: list[str] = field(default_factory=list)

    @property
    def root(self) -> str:
        """The relative path from the page back to the site root."""
        return root_of(self.url)


@dataclass
class LanguageBuild:
    """What the build of one language renders, from the validated site."""

    site: Site
    lang: Lang
    site_name: str
    site_url: str | None
    folders: bool
    statuses: dict[str, FileStatus]
    assessable: dict[str, Assessment]
    renderer: Renderer = field(init=False)
    _serials: Iterator[int] = field(init=False, default_factory=lambda: itertools.count(1))  # the tooltips' ids
    drawn: Drawings = field(default_factory=Drawings)  # the data drawn: once for every language of a build (kept_drawings)
    _controls: dict[tuple[str, bool], str] = field(init=False, default_factory=dict)  # offline_control, by depth
    order: list[str] = field(init=False, default_factory=list)  # the pages' slugs in the navigation's order

    def __post_init__(self) -> None:
        self.renderer = Renderer(self.site, self.folders, self.drawn)

    @property
    def urls(self) -> Urls:
        """Where everything is, in this build's style."""
        return self.renderer.urls

    def macros(self, page: Callable[[], PageState]) -> dict[str, Callable[..., str]]:
        """The macros a page may call (`pages.MACRO_CHECKS` checks their arguments), for the page being rendered."""
        renderer, lang, project = self.renderer, self.lang, self.site.project

        def show(file_id: str, view: str = "", level: int = 2) -> str:
            """Render a data file (list, table, figure…) in the page's language."""
            state = page()
            state.shown.append(file_id)
            html = renderer.show(lang, file_id, view, state.root, level)
            if file_id in self.assessable and self.site.homes.get(file_id) == state.slug:
                html += "\n\n" + renderer.assessment(lang, state.root, self.assessable[file_id], self.assessable)
            return html

        def term(term_id: str, text: str | None = None) -> str:
            """A glossary term linked to its entry, optionally in the inflected form the sentence needs."""
            return renderer.term(lang, term_id, text, page().root, next(self._serials))

        def corrected(text: str, printed: str) -> str:
            """A word or phrase corrected from a slip of the printed source, which readers can still see."""
            return renderer.corrected(lang, text, printed)

        def editorial(text: str, why: str) -> str:
            """Words the editors supplied (not printed in the source), marked, with why in the page's language."""
            return renderer.editorial(lang, text, why)

        def translation_status() -> str:
            """The translation status of every data file (the editors' page), as the build computed it."""
            return renderer.render("status.html", lang, page().root, statuses=in_path_order(self.statuses), states=STATES)

        def session_builder() -> str:
            """The session builder's form: every piece of the data to pick, and the handout's options."""
            return session.builder(renderer, lang, page().root, self.order)

        def cohort_summary() -> str:
            """The cohort summary: a trainer drops the files a group exported and sees where the group stands."""
            return renderer.cohort(lang, page().root, self.assessable)

        def open_data() -> str:
            """Every data file with its JSON and CSV downloads (the open-data page)."""
            files = [(doc, project.paths[file_id]) for file_id, doc in sorted(project.docs.items()) if doc.content]
            return renderer.render("open-data.html", lang, page().root, files=files)

        return {
            "show": show,
            "term": term,
            "corrected": corrected,
            "editorial": editorial,
            "translation_status": translation_status,
            "open_data": open_data,
            "session_builder": session_builder,
            "cohort_summary": cohort_summary,
        }

    def surround(self, page: PageState, markdown: str, repo: str) -> str:
        """A page's Markdown, its macros rendered, with what stands around its text: under its title, the notices
        on what is not yet translated or reviewed, the links to the handouts made from what it shows and to its
        self-assessment, and its printed footer; at its end, related items on other pages and the data it shows."""
        renderer, lang, root, project = self.renderer, self.lang, page.root, self.site.project
        title = self.site.titles.get(lang, {}).get(page.slug, self.site_name)
        extra = renderer.render("print-footer.html", lang, root, footer=footer(title, lang, page.url, self.site_url))
        sheets = for_page(renderer, page.slug)
        shown = list(dict.fromkeys(page.shown))
        assess = [file_id for file_id in shown if file_id in self.assessable and self.site.homes.get(file_id) == page.slug]
        if sheets or assess:
            links = renderer.render("handout-links.html", lang, root, sheets=[(sheet, renderer.sheet_title(lang, sheet)) for sheet in sheets], assess=assess)
            extra = f"{links}\n\n{extra}"
        if notices := page_notices(self.statuses, shown, lang, page.origin):
            extra = renderer.render("notices.html", lang, root, notices=notices) + f"\n\n{extra}"
        title_line = _TITLE.search(markdown)
        at = title_line.end() if title_line else 0
        markdown = f"{markdown[:at]}\n\n{extra}\n\n{markdown[at:]}"
        files = [(file_id, project.paths[file_id]) for file_id in shown if project.docs[file_id].content]
        by_page: dict[str, list[str]] = {}
        for item_id in project.related([file_id for file_id, _ in files]):
            owner = project.owner[item_id]
            if owner in self.site.homes and project.docs[owner].content:
                by_page.setdefault(self.site.homes[owner], []).append(item_id)
        if by_page:
            markdown += "\n\n" + renderer.render("related.html", lang, root, related=list(by_page.items()))
        if files:
            markdown += "\n\n" + renderer.render("page-data.html", lang, root, files=files, repo=repo.rstrip("/"))
        return markdown

    def sheets(self) -> dict[str, str]:
        """Every handout's print-ready page in this language, by the file it is written to; in the first language of
        the bilingual pair, each also in both languages side by side."""
        sheets = pack(self.site.project)
        pages = {self.urls.sheet_file(self.lang, sheet.id): render_sheet(self.renderer, self.lang, sheet, self.site_name, self.site_url) for sheet in sheets}
        if self.lang == PAIR[0]:
            pages |= {self.urls.sheet_file(self.lang, paired(sheet.id)): render_paired(self.renderer, sheet, self.site_name, self.site_url) for sheet in sheets}
        return pages

    def session_files(self) -> dict[str, str]:
        """The session builder's print view in this language and this language's pieces script, by file."""
        return dict([session.sheet_page(self.renderer, self.lang, self.site_name), session.pieces_script(self.renderer, self.lang, self.site_url)])

    def book_file(self) -> str:
        """The file of the whole handbook's print-ready page in this language."""
        return self.urls.sheet_file(self.lang, BOOK)

    def book(self, chapters: list[Chapter]) -> str:
        """The whole handbook's print-ready page in this language, from the site's pages in order."""
        return render_book(self.renderer, self.lang, chapters, self.site_name, self.site_url)

    def manifest(self) -> str:
        """This language's web app manifest."""
        return manifest(self.lang, self.site_name, self.renderer.ui(self.lang, "app.short-name"), self.renderer.ui(self.lang, "app.description"))

    def app_head(self, url: str) -> str:
        """What a page's head links on the web: this language's manifest and the app's colour."""
        return self.renderer.render("app-head.html", self.lang, root_of(url), manifest=Urls.manifest(self.lang), theme_colour=THEME_COLOUR)

    def offline_control(self, url: str, serving: bool) -> str:
        """The control saving this language for offline reading, at the foot of the page at `url` (under `mkdocs serve`,
        what removes a service worker instead)."""
        root = root_of(url)
        if (root, serving) not in self._controls:  # the same at every depth: rendered once for each
            pdfs, strings = self._offline_parts
            html = self.renderer.render("offline-control.html", self.lang, root, serving=serving, pack=Urls.pack(self.lang), size_mark=SIZE_MARK, pdfs=pdfs, strings=strings)
            self._controls[root, serving] = html
        return self._controls[root, serving]

    @cached_property
    def _offline_parts(self) -> tuple[list[tuple[str, str]], dict[str, str]]:
        """What every page's control offers in this language: each PDF (address, title), and the script's strings."""
        sheets = [(sheet.id, self.renderer.sheet_title(self.lang, sheet)) for sheet in pack(self.site.project)]
        pdfs = [(Urls.pdf(self.lang, sheet_id), title) for sheet_id, title in [(BOOK, self.renderer.ui(self.lang, "handouts.book")), *sheets]]
        keys = ("megabytes", "kilobytes", "decimal", "date", "saving", "saved", "removed", "failed", "data-saver", "no-space", "not-persistent", "pdfs-all", "pdf-save", "pdf-saved")
        return pdfs, {key: self.renderer.ui(self.lang, f"offline.{key}") for key in keys}

    def notice_page(self, latin: bool) -> tuple[str, str]:
        """The file and the page shown offline in place of a page of this language that is not saved; it lists every
        language a reader may have saved (and the Latin edition, when the site has it: `latin`)."""
        file = Urls.notice_file(self.lang)
        languages: list[tuple[str, str, str]] = [(lang, NATIVE_NAMES[lang], self.urls.page(lang, "")) for lang in LANGUAGES]
        if latin:
            languages.insert(LANGUAGES.index(DEFAULT_LANGUAGE) + 1, (latin_edition.LANG, latin_edition.NAME, LATIN + self.urls.page(DEFAULT_LANGUAGE, "")))
        html = self.renderer.render("offline-notice.html", self.lang, root_of(file), site_name=self.site_name, manifest=Urls.manifest(self.lang), theme_colour=THEME_COLOUR, languages=languages)
        return file, html

    def search_index(self, built: dict[str, Any]) -> dict[str, Any]:
        """This language's search index, from the one Material's search wrote for this build."""
        return language_index(built, item_entries(self.renderer, self.lang), self.lang, self.site.project.root)
