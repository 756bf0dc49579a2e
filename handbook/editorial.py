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


def found(project: Project) -> tuple[list[Correction], list[Mark]]:
    """Every correction of the printed source and every reconstruction marked for readers, in the data files and in
    the pages, each by place: one walk through the data, one reading of the pages."""
    corrections: list[Correction] = []
    marks: list[Mark] = []
    for file_id, doc in project.docs.items():
        parsed = project.documents[file_id]
        for loc, value in _walk(doc, ()):
            if isinstance(value, Text):
                for lang, fixes in (value.printed or {}).items():
                    line, col = position(parsed.data, (*loc, "printed", lang))
                    corrections += [Correction(parsed.path, line, col, lang, reads, printed) for reads, printed in fixes.items()]
            elif isinstance(value, BaseModel) and isinstance(editorial := getattr(value, "editorial", None), Editorial):
                line, col = position(parsed.data, (*loc, "editorial"))
                marks.append(Mark(parsed.path, line, col, tuple(editorial.only or LANGUAGES), getattr(value, "id", file_id), editorial.why.en))
    for call in macro_calls(project.root, {"corrected", "editorial"}):
        if call.name == "corrected":
            reads, printed = call.texts("text", "printed")
            corrections.append(Correction(call.path, call.line, call.col, call.lang, reads, printed))
        else:
            text, why = call.texts("text", "why")
            marks.append(Mark(call.path, call.line, call.col, (call.lang,), text, why))
    return sorted(corrections, key=lambda c: (c.path, c.line, c.col)), sorted(marks, key=lambda m: (m.path, m.line, m.col))


def as_data(project: Project) -> dict[str, list[dict[str, Any]]]:
    """The corrections and the marks as plain data (`handbook status --format json`)."""
    corrections, marks = found(project)
    return {"corrections": [vars(c) for c in corrections], "editorial": [{**vars(m), "langs": list(m.langs)} for m in marks]}


def as_text(project: Project) -> str:
    """The corrections and the marks, one per line (`handbook status`)."""
    corrections, marks = found(project)
    lines = [f"corrections of the printed source ({len(corrections)}):", *map(str, corrections), "", f"editorial marks ({len(marks)}):", *map(str, marks)]
    return "\n".join(lines)


def as_markdown(project: Project) -> str:
    """The corrections and the marks as Markdown lists (`handbook status --format markdown`)."""
    corrections, marks = found(project)
    lines = ["### Corrections of the printed source", ""] + [f"- `{c.path}:{c.line}` {c.lang}: «{c.reads}», printed «{c.printed}»" for c in corrections]
    lines += ["", "### Editorial marks", ""] + [f"- `{m.path}:{m.line}` {'/'.join(m.langs)}: {m.what}: {m.why}" for m in marks]
    return "\n".join(lines)


FORMATS = {"text": as_text, "markdown": as_markdown}
