"""Every address of the site, from one place: its pages, the print-ready pages of the handouts and of the whole
book, their PDFs, the open data and the search indexes. A site has one of two styles, as MkDocs' own
`use_directory_urls` says: folders (`ru/evidence/`) for a web server, files (`ru/evidence.html`) for the copy read
from a folder through file://, where a browser shows a folder's listing, not its index.html."""

from dataclasses import dataclass

from handbook.languages import DEFAULT_LANGUAGE, LANGUAGES, Lang, url_prefix

SHEETS = "handouts"  # the folder of the print-ready pages (and the slug of the page that lists them)
SESSION = "session"  # the slug of the session builder's page, and the folder of its print view and pieces
LATIN = "latn/"  # the Latin edition's folder (handbook/latin_edition.py): Kazakh pages in Latin letters, not the Kazakh pack's
LATIN_LANG = "kk-Latn"  # its language tag (BCP 47: Kazakh in Latin script), which names its pack too
COHORT = "assess/cohort"  # the slug of the cohort summary's page
PDFS = "pdf"
DATA = "data"
SEARCH = "search"
OFFLINE = "offline"  # each language's pack for offline reading, and the notice shown for a page not saved
MANIFEST = "manifest.webmanifest"


def root_of(url: str) -> str:
    """The relative path from a page at `url` (below the site root, e.g. `ru/handouts/x/`) back to the site root."""
    return "../" * url.count("/")


def published(site_url: str, path: str) -> str:
    """A path below the site root, as an address on the published site (`site_url`)."""
    return site_url.rstrip("/") + "/" + path


def belongs_to(path: str, lang: Lang) -> bool:
    """Whether a built file (by its path below the site root) is one of a language's own: kk's at the root, the
    others' in their folders."""
    if lang != DEFAULT_LANGUAGE:
        return path.startswith(url_prefix(lang))
    return not any(path.startswith(url_prefix(other)) for other in LANGUAGES if other != DEFAULT_LANGUAGE) and not path.startswith(LATIN)


@dataclass(frozen=True)
class Urls:
    """Where everything is below the site root, in one of the site's two styles."""

    folders: bool = True  # MkDocs' use_directory_urls
    indexes: frozenset[str] = frozenset({""})  # the slugs of pages that are a folder's index.md

    def page(self, lang: Lang, slug: str, anchor: str = "") -> str:
        """A page of the handbook by slug (`practices/community`, '' for the home page), at an anchor if given."""
        if self.folders:
            path = f"{slug}/" if slug else ""
        else:
            path = f"{slug}/index.html".lstrip("/") if slug in self.indexes else f"{slug}.html"
        return url_prefix(lang) + path + (f"#{anchor}" if anchor else "")

    def _address(self, file: str) -> str:
        """The address of a page made beside the site's own (a folder's index.html), in this style."""
        return file.removesuffix("index.html" if self.folders else "")

    def sheet(self, lang: Lang, sheet_id: str) -> str:
        """The print-ready page of a handout (or of the whole book) in `lang`."""
        return self._address(self.sheet_file(lang, sheet_id))

    def session_sheet(self, lang: Lang) -> str:
        """The print view of the session builder's handouts in `lang`."""
        return self._address(self.session_sheet_file(lang))

    @staticmethod
    def session_sheet_file(lang: Lang) -> str:
        """The file of the session builder's print view, the same in both styles."""
        return f"{url_prefix(lang)}{SESSION}/sheet/index.html"

    @staticmethod
    def session_pieces(lang: Lang) -> str:
        """The script holding every piece a session handout can show, drawn in `lang`."""
        return f"{url_prefix(lang)}{SESSION}/pieces.js"

    @staticmethod
    def sheet_file(lang: Lang, sheet_id: str) -> str:
        """The file of a handout's print-ready page, the same in both styles."""
        return f"{url_prefix(lang)}{SHEETS}/{sheet_id}/index.html"

    @staticmethod
    def pdf(lang: Lang, sheet_id: str) -> str:
        """A handout's PDF (made by `handbook pdf` from its print-ready page)."""
        return f"{Urls.pdf_folder(lang)}{sheet_id}.pdf"

    @staticmethod
    def pdf_folder(lang: Lang) -> str:
        """The folder of a language's PDFs."""
        return f"{url_prefix(lang)}{PDFS}/"

    @staticmethod
    def data(file_id: str, fmt: str) -> str:
        """A data file as open data, all languages side by side (one file for every language)."""
        return f"{DATA}/{file_id}.{fmt}"

    @staticmethod
    def search_index(lang: Lang, suffix: str = ".json") -> str:
        """A language's search index (`.js`: the same, as the script Material loads through file://)."""
        return f"{url_prefix(lang)}{SEARCH}/search_index{suffix}"

    @staticmethod
    def manifest(lang: Lang) -> str:
        """A language's web app manifest (what a phone installs: the handbook opening at that language's root)."""
        return f"{url_prefix(lang)}{MANIFEST}"

    @staticmethod
    def pack(lang: Lang) -> str:
        """A language's pack for offline reading (handbook/edition.py)."""
        return f"{url_prefix(lang)}{OFFLINE}/pack.json"

    @staticmethod
    def edition(lang: Lang) -> str:
        """The id of a language's current edition alone: what a saved reader's browser asks, to know of a new one."""
        return f"{url_prefix(lang)}{OFFLINE}/edition.json"

    @staticmethod
    def notice(lang: Lang) -> str:
        """The page shown, offline, in place of a page of `lang` that is not saved (served only by the web)."""
        return f"{url_prefix(lang)}{OFFLINE}/"

    @staticmethod
    def notice_file(lang: Lang) -> str:
        """The notice page's file."""
        return f"{Urls.notice(lang)}index.html"

    @staticmethod
    def not_found(lang: Lang) -> str:
        """A language's 404 page (a web server shows the root's for an address it does not have)."""
        return f"{url_prefix(lang)}404.html"


@dataclass(frozen=True)
class Links:
    """The links of one page: relative to it (`root` leads back to the site root), in its language."""

    urls: Urls
    lang: Lang
    root: str = ""

    def page(self, slug: str, anchor: str = "") -> str:
        """A page of the handbook in this language."""
        return self.root + self.urls.page(self.lang, slug, anchor)

    def sheet(self, sheet_id: str, lang: Lang | None = None) -> str:
        """A handout's print-ready page, in this language or another."""
        return self.root + self.urls.sheet(lang or self.lang, sheet_id)

    def pdf(self, sheet_id: str, lang: Lang | None = None) -> str:
        """A handout's PDF, in this language or another."""
        return self.root + self.urls.pdf(lang or self.lang, sheet_id)

    def session_sheet(self, lang: Lang | None = None) -> str:
        """The print view of the session builder's handouts."""
        return self.root + self.urls.session_sheet(lang or self.lang)

    def session_pieces(self, lang: Lang) -> str:
        """A language's pieces for the session builder's handouts."""
        return self.root + self.urls.session_pieces(lang)

    def data(self, file_id: str, fmt: str) -> str:
        """A data file as open data."""
        return self.root + self.urls.data(file_id, fmt)

    def home(self, lang: Lang) -> str:
        """A language's home page."""
        return self.root + self.urls.page(lang, "") or "./"

    def asset(self, path: str) -> str:
        """A file of the theme's (`assets/stylesheets/sheet.css`), shared by every language."""
        return self.root + path
