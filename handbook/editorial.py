"""What the editors did to the source that readers can see: slips of the printed source corrected (in data texts'
`printed`, and the pages' `corrected` macro) and reconstructions marked (`editorial` in data, and the pages'
`editorial` macro), each at its place, for `handbook status`."""

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from handbook.languages import LANGUAGES, Lang
from handbook.load import Loc, position
from handbook.model import Editorial, Text
from handbook.pages import macro_calls
from handbook.project import Project


@dataclass(frozen=True)
class Correction:
    """A slip of the printed source corrected: the text now reads `reads` where the source prints `printed`."""

    path: str
    line: int
    col: int
    lang: Lang
    reads: str
    printed: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.lang}: «{self.reads}», printed «{self.printed}»"


@dataclass(frozen=True)
class Mark:
    """A reconstruction marked for readers: what, in which languages, and why (in English for data, in the page's
    language for pages)."""

    path: str
    line: int
    col: int
    langs: tuple[Lang, ...]
    what: str
    why: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {'/'.join(self.langs)}: {self.what}: {self.why}"


def _walk(value: Any, loc: Loc) -> Iterator[tuple[Loc, Any]]:
    """Every model, text and mark inside a data file, with its place."""
    yield loc, value
    if isinstance(value, BaseModel) and not isinstance(value, (Text, Editorial)):
        for name in type(value).model_fields:
            yield from _walk(getattr(value, name), (*loc, name))
    elif isinstance(value, (list, tuple)):
        for index, inner in enumerate(value):
            yield from _walk(inner, (*loc, index))
    elif isinstance(value, dict):  # a table's cells, by column
        for key, inner in value.items():
            yield from _walk(inner, (*loc, key))


def corrections(project: Project) -> list[Correction]:
    """Every correction of the printed source, in the data files and in the pages, by place."""
    found = []
    for file_id, doc in project.docs.items():
        parsed = project.documents[file_id]
        for loc, value in _walk(doc, ()):
            if isinstance(value, Text):
                for lang, fixes in (value.printed or {}).items():
                    line, col = position(parsed.data, (*loc, "printed", lang))
                    found += [Correction(parsed.path, line, col, lang, reads, printed) for reads, printed in fixes.items()]
    for call in macro_calls(project.root, {"corrected"}):
        reads, printed = [*call.args, *(call.kwargs.get(name) for name in ("text", "printed")[len(call.args) :])][:2]
        found.append(Correction(call.path, call.line, call.col, call.lang, str(reads), str(printed)))
    return sorted(found, key=lambda c: (c.path, c.line, c.col))


def marks(project: Project) -> list[Mark]:
    """Every reconstruction marked for readers, in the data files and in the pages, by place."""
    found = []
    for file_id, doc in project.docs.items():
        parsed = project.documents[file_id]
        for loc, value in _walk(doc, ()):
            editorial = getattr(value, "editorial", None) if isinstance(value, BaseModel) else None
            if isinstance(editorial, Editorial):
                line, col = position(parsed.data, (*loc, "editorial"))
                what = getattr(value, "id", file_id)
                found.append(Mark(parsed.path, line, col, tuple(editorial.only or LANGUAGES), what, editorial.why.en))
    for call in macro_calls(project.root, {"editorial"}):
        text, why = [*call.args, *(call.kwargs.get(name) for name in ("text", "why")[len(call.args) :])][:2]
        found.append(Mark(call.path, call.line, call.col, (call.lang,), str(text), str(why)))
    return sorted(found, key=lambda m: (m.path, m.line, m.col))


def as_data(project: Project) -> dict[str, list[dict[str, Any]]]:
    """The corrections and the marks as plain data (`handbook status --format json`)."""
    return {"corrections": [vars(c) for c in corrections(project)], "editorial": [{**vars(m), "langs": list(m.langs)} for m in marks(project)]}


def as_text(project: Project) -> str:
    """The corrections and the marks, one per line (`handbook status`)."""
    found, shown = corrections(project), marks(project)
    lines = [f"corrections of the printed source ({len(found)}):", *map(str, found), "", f"editorial marks ({len(shown)}):", *map(str, shown)]
    return "\n".join(lines)


def as_markdown(project: Project) -> str:
    """The corrections and the marks as Markdown lists (`handbook status --format markdown`)."""
    lines = ["### Corrections of the printed source", ""] + [f"- `{c.path}:{c.line}` {c.lang}: «{c.reads}», printed «{c.printed}»" for c in corrections(project)]
    lines += ["", "### Editorial marks", ""] + [f"- `{m.path}:{m.line}` {'/'.join(m.langs)}: {m.what}: {m.why}" for m in marks(project)]
    return "\n".join(lines)


FORMATS = {"text": as_text, "markdown": as_markdown}
