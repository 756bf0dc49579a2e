"""The adapter: the handbook as one MkDocs plugin (`handbook` in mkdocs.yml), the only module of handbook/ that
imports MkDocs. It loads and validates the project once per build, holds one `LanguageBuild` per language under
way, hands mkdocs-macros the macros (macros/main.py), and adds the files made beside the pages to MkDocs' own
files, so `mkdocs build` writes them and `mkdocs serve` serves them.

static-i18n builds the other languages inside the default one's `on_post_build` (priority -100), through MkDocs'
own `build()`, on this same plugin object: every event below runs once per language, nested, so the builds under
way are a stack, innermost last, and each reads its language from the config at `on_pre_build`."""

import json
import logging
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, cast
from urllib.parse import urlsplit

from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from handbook import edition, fonts, latin, latin_edition, live, search
from handbook.assess import Assessment, assessments
from handbook.book import Chapter
from handbook.build import LanguageBuild, PageState, kept_drawings
from handbook.drawings import Drawings
from handbook.export import exported
from handbook.languages import DEFAULT_LANGUAGE, LANGUAGES, Lang, url_prefix
from handbook.pages import check_pages, load_site
from handbook.problems import ValidationFailed
from handbook.project import Project, data_paths, load_project
from handbook.render import COMPILED_TEMPLATES, MACRO_CHECKS, Site
from handbook.status import FileStatus, statuses_by_file
from handbook.timing import CALLS, timed, write_if_asked
from handbook.urls import Urls, belongs_to

log = logging.getLogger("mkdocs.plugins.handbook")


class HandbookConfig(base.Config):
    """The plugin's options in mkdocs.yml."""

    # The copy read from a folder or USB stick through file:// (`handbook offline` sets HANDBOOK_OFFLINE): every
    # address names a file, as MkDocs' use_directory_urls: false makes them, search runs in an iframe (Material's
    # iframe-worker) and each language's index is also a script.
    offline = c.Type(bool, default=False)
    # The Latin edition (handbook/latin_edition.py): every Kazakh page's twin in Latin letters under latn/.
    latin = c.Type(bool, default=True)


@dataclass
class _Build:
    """A language's build under way: what it renders, and what the plugin keeps of it until its end."""

    language: LanguageBuild
    macros: dict[str, Any]
    pages: list[Page] = field(default_factory=list)
    book: File | None = None
    search: dict[str, Any] | None = None  # the index Material's search wrote for this build, while it is the only one
    kept: bool = False  # `mkdocs serve`: the edit left this language's pages as they were; what was built stays


class HandbookPlugin(BasePlugin[HandbookConfig]):
    """The handbook's build: validation, macros, handouts, the book, print fonts, open data, search per language."""

    def __init__(self) -> None:
        self.root = Path.cwd()
        self._loaded: tuple[Any, ...] = ()
        self.site: Site | None = None
        self._project: Project | None = None
        self._statuses: dict[str, FileStatus] = {}
        self._assessable: dict[str, Assessment] = {}
        self.builds: list[_Build] = []  # innermost last
        self._drawn = Drawings()  # the data this build's languages draw, each once (kept between builds)
        self.page: PageState | None = None
        self._404: bytes | None = None
        self.serving = False
        self._sources: live.Snapshot | None = None  # `mkdocs serve`: the sources as the last good build read them
        self._pending: live.Snapshot = {}  # and as the build under way read them
        self._digests: dict[Lang, str] = {}
        self._touched: set[Lang] = set(LANGUAGES)
        self._previous: Path | None = None  # `mkdocs serve`: the last build's files while the next one runs

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        """Its presence keeps this object across `mkdocs serve`'s rebuilds (MkDocs' rule): an unchanged project is
        not validated again, and an edit rebuilds only the languages whose pages it changes."""
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Validate data and pages before anything is written; no edit button unless the repository's address is
        set (HANDBOOK_REPO_URL); file addresses for the offline copy."""
        self.root = Path(config.config_file_path).parent
        if not self.builds:  # the default language's build, which holds the others: once per build of the site
            self._load()
            self._touched = self._languages_touched() if self.serving else set(LANGUAGES)
            if not config.site_url and not self.serving:
                log.info("handouts: no QR codes, since site_url is not set (HANDBOOK_SITE_URL)")
        if not config.repo_url:
            config.edit_uri = None
        if self.config.offline:
            config.use_directory_urls = False
        config.extra["offline"] = self.config.offline  # the theme's templates read it (overrides/main.html)
        if not self.config.offline and not self.serving:
            config.extra["app"] = True  # installable, and saved for offline reading by a service worker
        return config

    def _load(self) -> None:
        """The project and its pages, validated; loaded again only when a data file changed."""
        paths = data_paths(self.root)
        key = tuple((p, p.stat().st_mtime_ns, p.stat().st_size) for p in paths)
        if key != self._loaded or self._project is None:
            CALLS["load_project"] += 1
            try:
                project = load_project(self.root, paths)
            except ValidationFailed as failed:
                raise PluginError(f"the data has {len(failed.problems)} problem(s):\n{failed}") from None
            self._statuses, self._assessable = statuses_by_file(project), assessments(project)
            self._project, self._loaded = project, key
        self.site = load_site(self._project)  # the pages' titles and what each shows may change with any page
        if problems := check_pages(self.site):
            raise PluginError(f"the pages have {len(problems)} problem(s):\n" + "\n".join(map(str, problems)))

    def _languages_touched(self) -> set[Lang]:
        """`mkdocs serve`: the languages whose pages the edit since the last good build changes."""
        sources = live.snapshot(self.root)
        digests = {lang: live.digest(self._site, self._statuses.values(), lang) for lang in LANGUAGES}
        languages = live.touched(self._sources, sources, self._digests, digests)
        self._sources, self._digests = None, digests  # set again when the build succeeds
        self._pending = sources
        return languages

    @property
    def _site(self) -> Site:
        """The validated project and pages of the build under way."""
        assert self.site is not None, "the project is loaded in on_config"
        return self.site

    @property
    def project(self) -> Project:
        """The validated project of the build under way."""
        return self._site.project

    def macros(self) -> dict[str, Any]:
        """The macros pages call, for mkdocs-macros (macros/main.py): each renders in the language being built, for
        the page being rendered."""

        def bound(name: str) -> Any:
            def macro(*args: Any, **kwargs: Any) -> str:
                return self.builds[-1].macros[name](*args, **kwargs)

            macro.__name__ = name
            return macro

        return {name: bound(name) for name in MACRO_CHECKS}

    def _page(self) -> PageState:
        """The page being rendered."""
        assert self.page is not None, "a macro runs only while a page is rendered"
        return self.page

    def on_pre_build(self, config: MkDocsConfig) -> None:
        """A language's build begins (static-i18n has set its language and site name)."""
        lang: Lang = config.theme["language"]
        if not self.builds:
            self._drawn = kept_drawings(self._site, config.use_directory_urls)  # what the last build of the same sources drew
            if self.serving:
                self._keep_previous(Path(config.site_dir))
        language = LanguageBuild(self._site, lang, config.site_name, config.site_url, config.use_directory_urls, self._statuses, self._assessable, self._drawn)
        self.builds.append(_Build(language, language.macros(self._page), kept=lang not in self._touched and self._previous is not None))

    @event_priority(-150)  # after static-i18n (-100), which picks the files of the language being built
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Add the files made beside the pages: the handouts' print-ready pages and the whole book's (written at
        on_env, once every page is rendered), the session builder's print view and pieces; once, for every language,
        the print fonts and the open data."""
        build = self.builds[-1]
        if build.kept:  # MkDocs builds no page of it (static-i18n's nested builds build only what is included)
            for file in files.documentation_pages():
                file.inclusion = InclusionLevel.EXCLUDED
        else:
            for uri, html in (build.language.sheets() | build.language.session_files()).items():
                files.append(File.generated(config, uri, content=html))
            build.book = File.generated(config, build.language.book_file(), content="")
            files.append(build.book)
            if config.extra.get("app"):
                files.append(File.generated(config, Urls.manifest(build.language.lang), content=build.language.manifest()))
                uri, html = build.language.notice_page(self.config.latin)
                files.append(File.generated(config, uri, content=html))
        if build.language.lang == DEFAULT_LANGUAGE:
            for source, made in ((fonts.SOURCE, fonts.FILE), (fonts.LATIN, fonts.LATIN_FILE)):
                if (theme_fonts := files.get_file_from_path(source)) is None:
                    raise PluginError(f"the theme has no {source} to make {made} from")
                files.append(File.generated(config, made, content=fonts.print_fonts(theme_fonts.content_string)))
            for file_id, fmt, text in exported(self.project):
                files.append(File.generated(config, Urls.data(file_id, fmt), content=text))
        return files

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        """The pages' order, which the session builder lists the data in."""
        self.builds[-1].language.order = [_slug(page) for page in nav.pages]
        return nav

    def on_pre_page(self, page: Page, config: MkDocsConfig, files: Files) -> Page:
        """A page begins: no data shown yet."""
        self.page = PageState(_slug(page), page.url, None)
        return page

    @event_priority(-50)  # after mkdocs-macros (0) has rendered the macros
    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """What stands around the page's own text (notices, handout links, related items, the data it shows)."""
        assert self.page is not None
        self.page.origin = page.meta.get("origin")
        return self.builds[-1].language.surround(self.page, markdown, config.repo_url or "")

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Keep the page (its `content` is this HTML) for the whole book."""
        self.builds[-1].pages.append(page)
        return html

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        """Every page is rendered: write the whole book from them, in the navigation's order. The theme's templates
        compile once, not once per language, build and process (each build makes a new environment)."""
        env.bytecode_cache = COMPILED_TEMPLATES
        build = self.builds[-1]
        if build.book is not None:
            chapters = [Chapter(page.url, page.title or "", page.content or "") for page in _in_order(build.pages)]
            build.book.content_string = build.language.book(chapters)
        return env

    @event_priority(-100)  # after static-i18n (50), which sets the links
    def on_page_context(self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
        """A home page's language links relative, like every other page's: static-i18n makes them absolute (`/ru/`),
        which leads off a site served from a folder of its host, and nowhere in the offline copy."""
        base = urlsplit(config.site_url or "").path.rstrip("/") + "/"
        alternates = [a for a in getattr(config.extra, "alternate", None) or [] if a.get("lang") != latin_edition.LANG]
        for alternate in alternates:  # static-i18n sets it as an attribute
            if alternate["link"].startswith(base):
                alternate["link"] = alternate["link"].removeprefix(base)  # the `url` filter makes it page-relative
        kazakh = next((a["link"] for a in alternates if a.get("lang") == DEFAULT_LANGUAGE), None)
        if self.config.latin and kazakh is not None:  # the Latin edition, after Kazakh
            at = next(n for n, a in enumerate(alternates) if a.get("lang") == DEFAULT_LANGUAGE) + 1
            alternates.insert(at, {"name": latin_edition.NAME, "link": latin_edition.FOLDER + kazakh.lstrip("./"), "lang": latin_edition.LANG})
        if alternates:
            setattr(config.extra, "alternate", alternates)  # noqa: B010 (an attribute static-i18n sets, not a key)
        language, ours = self.builds[-1].language, cast(dict[str, Any], context)  # overrides/main.html places them
        if config.extra.get("app"):
            ours["handbook_head"] = Markup(language.app_head(page.url))
        if not self.config.offline:
            ours["handbook_foot"] = Markup(language.offline_control(page.url, self.serving))
        return context

    @event_priority(-50)  # after Material's search (0) wrote this build's index; before static-i18n (-100) builds more
    def _keep_what_is_this_languages(self, config: MkDocsConfig) -> None:
        """Keep the search index Material wrote for this language alone (static-i18n merges every language's into
        it later); give the language its own 404 page (static-i18n writes every language's to the root, and the
        default language's comes first)."""
        build, site_dir = self.builds[-1], Path(config.site_dir)
        written = site_dir / Urls.search_index(DEFAULT_LANGUAGE)
        build.search = json.loads(written.read_text("utf-8")) if written.is_file() and not build.kept else None
        root_404 = site_dir / Urls.not_found(DEFAULT_LANGUAGE)
        if not root_404.is_file():
            return
        if build.language.lang == DEFAULT_LANGUAGE:
            self._404 = root_404.read_bytes()
        elif build.kept and self._404 is not None:
            root_404.write_bytes(self._404)
        elif self._404 is not None:
            _write(config, Urls.not_found(build.language.lang), root_404.read_text("utf-8"))
            root_404.write_bytes(self._404)

    @event_priority(-200)  # after static-i18n (-100), which builds the other languages inside the default's
    def _write_search_index(self, config: MkDocsConfig) -> None:
        """The language's own search index (as a script too, for the offline copy); at the very end, the timings."""
        build = self.builds.pop()
        lang = build.language.lang
        if build.search is not None:
            index = build.language.search_index(build.search)
            _write(config, Urls.search_index(lang), search.as_json(index))
            if self.config.offline:
                _write(config, Urls.search_index(lang, ".js"), search.as_script(index))
        if not self.builds:
            self.page, self._404 = None, None
            self._restore_kept(Path(config.site_dir))
            if self.config.latin:
                with timed("latin"):
                    self._write_latin_edition(Path(config.site_dir), config.site_url)
            if config.extra.get("app"):
                site_dir = Path(config.site_dir)
                with timed("packs"):
                    edition.write_packs(site_dir, {lang: _loaded_by_workers(site_dir, lang) for lang in LANGUAGES})
            if self.serving:
                self._sources = self._pending  # a good build: the next edit is measured against it
            self._drawn.keep()
            write_if_asked()

    def _write_latin_edition(self, site_dir: Path, site_url: str | None) -> None:
        """The Latin edition (handbook/latin_edition.py): every Kazakh page's twin under latn/, with Material's config
        naming its search worker from where the twin is, the Kazakh search index in Latin letters and, on the web,
        the edition's manifest (its pack is written with the languages')."""
        writer = latin.writer(self.root)
        others = tuple(url_prefix(lang) for lang in LANGUAGES if lang != DEFAULT_LANGUAGE)

        def material(path: str, html: str) -> str:  # Material's `__config` names its worker relative to the page
            return _CONFIG_SEARCH.sub(lambda m: m.group(1) + latin_edition.relink(m.group(2), path, frozenset(), move=False) + m.group(3), html, count=1)

        latin_edition.write_edition(site_dir, writer, others, material, site_url)
        manifest = site_dir / Urls.manifest(DEFAULT_LANGUAGE)
        if manifest.is_file():  # the web site (not the copy read from a folder): the edition is saved apart, installed apart
            latin_manifest = latin_edition.latin_manifest(json.loads(manifest.read_text("utf-8")), writer)
            (site_dir / latin_edition.FOLDER / Urls.manifest(DEFAULT_LANGUAGE)).write_text(json.dumps(latin_manifest, ensure_ascii=False, indent=2), "utf-8")
        index = site_dir / Urls.search_index(DEFAULT_LANGUAGE)
        if index.is_file():
            latin_index = latin_edition.latin_index(json.loads(index.read_text("utf-8")), writer)
            target = site_dir / latin_edition.FOLDER / Urls.search_index(DEFAULT_LANGUAGE)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(search.as_json(latin_index), "utf-8")
            if self.config.offline:
                target.with_suffix(".js").write_text(search.as_script(latin_index), "utf-8")

    def _keep_previous(self, site_dir: Path) -> None:
        """`mkdocs serve`, before MkDocs empties the site folder: move the last build's files aside, for the
        languages this edit leaves as they were."""
        if self._previous is not None:  # the last build failed half-way: what it kept is not to be trusted
            shutil.rmtree(self._previous, ignore_errors=True)
            self._previous, self._touched = None, set(LANGUAGES)
        if self._touched == set(LANGUAGES) or not site_dir.is_dir():
            return
        self._previous = Path(tempfile.mkdtemp(prefix=f"{site_dir.name}-previous-", dir=site_dir.parent))
        for entry in site_dir.iterdir():
            entry.rename(self._previous / entry.name)

    def _restore_kept(self, site_dir: Path) -> None:
        """Put back the files of the languages this build kept: all their own files it did not write, and their
        search indexes (static-i18n's merged index took the default language's place)."""
        if self._previous is None:
            return
        for lang in set(LANGUAGES) - self._touched:
            index = Urls.search_index(lang).rsplit("/", 1)[0] + "/"
            for path in sorted(self._previous.rglob("*")):
                relative = path.relative_to(self._previous).as_posix()
                target = site_dir / relative
                if path.is_file() and belongs_to(relative, lang) and (not target.exists() or relative.startswith(index)):
                    target.parent.mkdir(parents=True, exist_ok=True)
                    path.replace(target)
        shutil.rmtree(self._previous, ignore_errors=True)
        self._previous = None

    def on_build_error(self, *, error: Exception) -> None:
        """A build failed: the next one builds every language (what was kept aside is dropped)."""
        if self._previous is not None:
            shutil.rmtree(self._previous, ignore_errors=True)
            self._previous = None
        self.builds.clear()
        self._sources = None

    on_post_build = CombinedEvent(_keep_what_is_this_languages, _write_search_index)


# Material's page config (`<script id="__config">`): its search worker's address, relative to the page.
_CONFIG_SEARCH = re.compile(r'(<script id="__config" type="application/json">[^<]*?"search": ")([^"]+)(")')


def _write(config: MkDocsConfig, uri: str, text: str) -> None:
    """Write a file the build makes after its pages, where MkDocs puts a file of that name."""
    File.generated(config, uri, content=text).copy_file()


def _loaded_by_workers(site_dir: Path, lang: Lang) -> list[str]:
    """What the search loads besides the page (Material's worker, its `lunr.stemmer.support` and the language's
    stemmer, `lunr.<lang>.min.js`, which lunr has for every language but English), for a language's offline pack."""
    scripts = sorted(p.relative_to(site_dir).as_posix() for p in (site_dir / "assets/javascripts/workers").glob("*.js"))
    stemmers = ["lunr.stemmer.support.min.js", f"lunr.{lang}.min.js"]
    return scripts + [f"assets/javascripts/lunr/min/{name}" for name in stemmers if (site_dir / "assets/javascripts/lunr/min" / name).is_file()]


def _slug(page: Page) -> str:
    """A page's slug, the same in every language (`practices/community`, '' for the home page)."""
    slug = page.file.src_uri.removesuffix(".md").removesuffix("index").rstrip("/")
    first, _, rest = slug.partition("/")
    return rest if first in LANGUAGES else slug


def _in_order(pages: list[Page]) -> list[Page]:
    """The pages in the order of the navigation (each page knows the next), but those marked `book: false`."""
    first = next((p for p in pages if p.previous_page is None and p.next_page is not None), None)
    ordered = []
    while first is not None:
        ordered.append(first)
        first = first.next_page
    return [page for page in ordered if page.content and page.meta.get("book", True) is not False]
