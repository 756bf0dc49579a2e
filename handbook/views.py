"""Where the templates live and which views each kind of data file has."""

from pathlib import Path

TEMPLATES = Path("macros") / "templates"


def template_name(kind: str, view: str = "") -> str:
    """The template that renders one kind of data file, in its default or a named view."""
    return f"kinds/{kind}-{view}.html" if view else f"kinds/{kind}.html"


def has_view(root: Path, kind: str, view: str) -> bool:
    """Whether a kind of data file can be shown in a view (its template exists)."""
    return (root / TEMPLATES / template_name(kind, view)).is_file()
