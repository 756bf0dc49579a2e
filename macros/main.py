"""The mkdocs-macros module: validates the project once, then renders data in the page's language."""

from pathlib import Path

from mkdocs.exceptions import PluginError

from handbook.languages import DEFAULT_LANGUAGE
from handbook.pages import check_pages
from handbook.problems import ValidationFailed
from handbook.project import load_project_once
from handbook.render import MACRO_CHECKS, Renderer
from handbook.timing import write_if_asked

ROOT = Path(__file__).resolve().parent.parent


def define_env(env) -> None:
    """Validate data and pages before anything is written, then register the macros."""
    try:
        project = load_project_once(ROOT)
    except ValidationFailed as failed:
        raise PluginError(f"the data has {len(failed.problems)} problem(s):\n{failed}") from None
    if problems := check_pages(project):
        raise PluginError(f"the pages have {len(problems)} problem(s):\n" + "\n".join(map(str, problems)))
    renderer = Renderer(project)

    def language() -> str:
        """The language being built (static-i18n sets it per language)."""
        return env.conf["theme"]["language"]

    @env.macro
    def show(file_id: str, view: str = "") -> str:
        """Render a data file (list, table, figure…) in the page's language."""
        return renderer.show(language(), file_id, view)

    assert set(env.macros) >= set(MACRO_CHECKS), "every checked macro must be defined"


def on_post_build(env) -> None:
    """Keep the default language's 404 page (each language's build rewrites it); hand timings to `make bench`."""
    page = Path(env.conf["site_dir"]) / "404.html"
    # The plugin object outlives this module, which mkdocs-macros imports anew for each language.
    if env.conf["theme"]["language"] == DEFAULT_LANGUAGE:
        env.handbook_404 = page.read_bytes()
    elif saved := getattr(env, "handbook_404", None):
        page.write_bytes(saved)
    write_if_asked()
