"""Render data files as HTML in one language, through the Jinja templates in macros/templates."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from handbook.languages import Lang
from handbook.project import Project
from handbook.timing import timed

TEMPLATES = Path("macros") / "templates"


def template_name(kind: str, view: str = "") -> str:
    """The template that renders one kind of data file, in its default or a named view."""
    return f"kinds/{kind}-{view}.html" if view else f"kinds/{kind}.html"


class Renderer:
    """Renders the project's data with autoescaping Jinja templates."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self.env = Environment(
            loader=FileSystemLoader(project.root / TEMPLATES),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )

    def show(self, lang: Lang, file_id: str, view: str = "") -> str:
        """One data file as HTML in `lang`."""
        with timed("render"):
            doc = self.project.docs[file_id]
            html = self.env.get_template(template_name(doc.kind, view)).render(doc=doc, lang=lang)
        # A blank line would end Markdown's raw HTML block, so the output has none.
        return "\n".join(line for line in html.splitlines() if line.strip())


def check_show(project: Project, args: list[Any], kwargs: dict[str, Any]) -> str | None:
    """Why a `show(...)` call cannot render, or None when it can."""
    file_id = args[0] if args else kwargs.get("file_id")
    if file_id not in project.docs:
        return f"unknown data file id {file_id!r}; known ids: {', '.join(sorted(project.docs))}"
    kind, view = project.docs[file_id].kind, kwargs.get("view", "")
    if not (project.root / TEMPLATES / template_name(kind, view)).is_file():
        return f"a {kind} has no view {view!r} (no template {template_name(kind, view)})"
    return None


# The macros pages may call, each with the check of its literal arguments.
MACRO_CHECKS: dict[str, Callable[[Project, list[Any], dict[str, Any]], str | None]] = {
    "show": check_show,
}
