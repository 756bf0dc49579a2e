"""MkDocs hooks: edit links only where the repository is known; for print, keep each page's HTML as it is built,
then write the print-ready pages of the handouts and of the whole handbook for the language just built; search in
each language's own index; in the offline copy, links and search that work from file://."""

from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from handbook.book import Chapter, write_book
from handbook.fonts import write_print_fonts
from handbook.handouts import write_sheets
from handbook.languages import DEFAULT_LANGUAGE, LANGUAGES
from handbook.offline import write_offline
from handbook.pages import load_site
from handbook.project import load_project_once
from handbook.render import Renderer
from handbook.search import INDEX, item_entries, split_index

ROOT = Path(__file__).resolve().parent.parent
_built: dict[str, list[Page]] = {}  # by language, the pages built, with their HTML
# The builds under way, innermost last: static-i18n builds the other languages inside the default one's
# post-build step, after which the shared config speaks the last language built, not the default.
_building: list[tuple[str, str]] = []  # (language, site name)


def _language(config: MkDocsConfig) -> str:
    """The language being built (static-i18n sets it per language)."""
    return config["theme"]["language"]


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """No edit button unless the repository's address is set (HANDBOOK_REPO_URL): a relative one would lead nowhere."""
    if not config["repo_url"]:
        config["edit_uri"] = None
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    """Note which language this build is; start its list of pages afresh (`mkdocs serve` rebuilds)."""
    _building.append((_language(config), config["site_name"]))
    _built[_language(config)] = []


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: object) -> str:
    """Keep the page (its `content` is this HTML) for the whole handbook."""
    _built.setdefault(_language(config), []).append(page)
    return html


@event_priority(-100)  # after static-i18n, which sets the links
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: object) -> dict:
    """A home page's language links relative, like every other page's: static-i18n makes them absolute (`/ru/`),
    which leads off a site served from a folder of its host, and nowhere in the offline copy."""
    base = urlsplit(config["site_url"] or "").path.rstrip("/") + "/"
    for alternate in getattr(config.extra, "alternate", None) or []:  # static-i18n sets it as an attribute
        if alternate["link"].startswith(base):
            alternate["link"] = alternate["link"].removeprefix(base)  # the `url` filter makes it page-relative
    return context


def _in_order(pages: list[Page]) -> list[Page]:
    """The pages in the order of the navigation (each page knows the next), but those marked `book: false`."""
    first = next((p for p in pages if p.previous_page is None and p.next_page is not None), None)
    ordered = []
    while first is not None:
        ordered.append(first)
        first = first.next_page
    return [page for page in ordered if page.content and page.meta.get("book", True) is not False]


@event_priority(-200)  # after static-i18n (-100), which builds the other languages and merges their search entries
def on_post_build(config: MkDocsConfig) -> None:
    """Write handouts/<id>/ and handouts/handbook/ for the language just built; once every language is built,
    split the merged search index into one per language."""
    lang, site_name = _building.pop()
    renderer = Renderer(load_site(load_project_once(ROOT)))
    site_dir = Path(config["site_dir"])
    if lang == DEFAULT_LANGUAGE:  # the assets are shared by every language
        write_print_fonts(site_dir)
    write_sheets(renderer, lang, site_dir, site_name, config["site_url"])
    chapters = [Chapter(page.url, page.title or "", page.content or "") for page in _in_order(_built.get(lang, []))]
    write_book(renderer, lang, chapters, site_dir, site_name, config["site_url"])
    if lang == DEFAULT_LANGUAGE and (site_dir / INDEX).is_file():
        split_index(site_dir, {language: item_entries(renderer, language) for language in LANGUAGES}, ROOT)
    if lang == DEFAULT_LANGUAGE and config["extra"].get("offline"):
        write_offline(site_dir)
