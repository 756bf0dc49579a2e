"""The mkdocs-macros module: validates the project once, then renders data in the page's language."""

import itertools
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

from handbook.assess import assessments
from handbook.export import export_all
from handbook.handouts import footer, for_page
from handbook.handouts import title as sheet_title
from handbook.languages import DEFAULT_LANGUAGE, root_of, url_prefix
from handbook.pages import check_pages, load_site
from handbook.problems import ValidationFailed
from handbook.project import load_project_once
from handbook.render import MACRO_CHECKS, Renderer
from handbook.status import STATES, page_notices, project_status, statuses_by_file
from handbook.timing import write_if_asked

ROOT = Path(__file__).resolve().parent.parent


def page_slug(env) -> str:
    """The page being rendered, as a slug of its language (`school-practice/portfolio`)."""
    return env.page.url.removeprefix(url_prefix(env.conf["theme"]["language"])).strip("/")


def define_env(env) -> None:
    """Validate data and pages before anything is written, then register the macros."""
    try:
        project = load_project_once(ROOT)
    except ValidationFailed as failed:
        raise PluginError(f"the data has {len(failed.problems)} problem(s):\n{failed}") from None
    site = load_site(project)
    if problems := check_pages(site):
        raise PluginError(f"the pages have {len(problems)} problem(s):\n" + "\n".join(map(str, problems)))
    renderer = Renderer(site)
    serials = itertools.count(1)
    statuses = statuses_by_file(project)
    assessable = assessments(project)
    env.handbook_shown = []  # the data files the page being rendered shows

    def language() -> str:
        """The language being built (static-i18n sets it per language)."""
        return env.conf["theme"]["language"]

    def root() -> str:
        """The relative path from the page being rendered to the site root."""
        return root_of(env.page.url)

    @env.macro
    def show(file_id: str, view: str = "", level: int = 2) -> str:
        """Render a data file (list, table, figure…) in the page's language."""
        env.handbook_shown.append(file_id)
        html = renderer.show(language(), file_id, view, root(), level)
        if file_id in assessable and site.homes.get(file_id) == page_slug(env):
            html += "\n\n" + renderer.assessment(language(), root(), assessable[file_id], assessable)
        return html

    @env.macro
    def term(term_id: str, text: str | None = None) -> str:
        """A glossary term linked to its entry, optionally in the inflected form the sentence needs."""
        return renderer.term(language(), term_id, text, root(), next(serials))

    @env.macro
    def translation_status() -> str:
        """The translation status of every data file (the editors' page)."""
        return renderer.render("status.html", language(), root(), statuses=project_status(project), states=STATES)

    @env.macro
    def open_data() -> str:
        """Every data file with its JSON and CSV downloads (the open-data page)."""
        files = [(doc, project.paths[file_id]) for file_id, doc in sorted(project.docs.items()) if doc.content]
        return renderer.render("open-data.html", language(), root(), files=files)

    assert set(env.macros) >= set(MACRO_CHECKS), "every checked macro must be defined"
    env.handbook_renderer = renderer
    env.handbook_statuses = statuses
    env.handbook_assessable = assessable


def on_pre_page_macros(env) -> None:
    """A new page: no data shown yet."""
    env.handbook_shown = []


def on_post_page_macros(env) -> None:
    """Under the page's title, link the handouts made from what it shows (and its self-assessment); give its printed
    pages their footer."""
    renderer: Renderer = env.handbook_renderer
    lang = env.conf["theme"]["language"]
    slug = page_slug(env)
    root = root_of(env.page.url)
    title = renderer.site.titles.get(lang, {}).get(slug, env.conf["site_name"])
    extra = renderer.render("print-footer.html", lang, root, footer=footer(title, lang, env.page.url, env.conf["site_url"]))
    sheets = for_page(renderer, slug)
    assess = [file_id for file_id in dict.fromkeys(env.handbook_shown) if file_id in env.handbook_assessable and renderer.site.homes.get(file_id) == slug]
    if sheets or assess:
        links = renderer.render("handout-links.html", lang, root, sheets=[(sheet, sheet_title(renderer, lang, sheet)) for sheet in sheets], assess=assess)
        extra = f"{links}\n\n{extra}"
    if notices := page_notices(env.handbook_statuses, env.handbook_shown, lang, env.page.meta.get("origin")):
        extra = renderer.render("notices.html", lang, root, notices=notices) + f"\n\n{extra}"
    title_line = re.search(r"^# .*$", env.markdown, re.M)
    at = title_line.end() if title_line else 0
    env.markdown = f"{env.markdown[:at]}\n\n{extra}\n\n{env.markdown[at:]}"
    shown = [(file_id, renderer.project.paths[file_id]) for file_id in dict.fromkeys(env.handbook_shown)
             if renderer.project.docs[file_id].content]
    related = [item_id for item_id in renderer.project.related([file_id for file_id, _ in shown])
               if renderer.project.owner[item_id] in renderer.site.homes and renderer.project.docs[renderer.project.owner[item_id]].content]
    if related:
        by_page: dict[str, list[str]] = {}
        for item_id in related:
            by_page.setdefault(renderer.site.homes[renderer.project.owner[item_id]], []).append(item_id)
        env.markdown += "\n\n" + renderer.render("related.html", lang, root, related=list(by_page.items()))
    if shown:
        repo = (env.conf["repo_url"] or "").rstrip("/")
        env.markdown += "\n\n" + renderer.render("page-data.html", lang, root, files=shown, repo=repo)


def on_post_build(env) -> None:
    """Write the open data once; give each language its own 404 page and keep the default language's at the root
    (static-i18n writes every language's to the root); timings."""
    site = Path(env.conf["site_dir"])
    page = site / "404.html"
    lang = env.conf["theme"]["language"]
    # The plugin object outlives this module, which mkdocs-macros imports anew for each language.
    if lang == DEFAULT_LANGUAGE:
        env.handbook_404 = page.read_bytes()
        export_all(load_project_once(ROOT), site / "data", ("json", "csv"))
    elif saved := getattr(env, "handbook_404", None):
        (site / url_prefix(lang) / "404.html").write_bytes(page.read_bytes())
        page.write_bytes(saved)
    write_if_asked()
