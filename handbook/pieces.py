"""The pieces a handout is made of: each item of a data file that a trainer can pick on its own (a factor, a
question, a row or a column of a table, a rubric's theme, a glossary term, a cited work) or a figure whole. A piece
is drawn by its kind's own template, given the data file narrowed to that piece, so it looks as it does on its page."""

from dataclasses import dataclass

from handbook.model import BlockDoc, Doc, GlossaryDoc, ListDoc, MatrixDoc, RubricDoc, SourcesDoc
from handbook.project import Project

FIGURES = ("tiers", "cycle", "model", "petals")  # drawn whole: a box of a figure means little alone
TABLES = ("matrix", "rubric", "block", "glossary")  # drawn as tables: a piece beside its translation wants a landscape page


@dataclass(frozen=True)
class Piece:
    """One thing a trainer can pick: its id (an item's, or a figure's file's), its data file, and which part of the
    file it is ("item", "row", "column" or "figure")."""

    id: str
    file: str
    part: str


def pieces_of(doc: Doc) -> list[Piece]:
    """A data file's pieces, in its order (none for the interface strings, the usage notes or the print pack)."""
    if not doc.content:
        return []
    if getattr(doc, "kind", "") in FIGURES:
        return [Piece(doc.id, doc.id, "figure")]
    if isinstance(doc, RubricDoc | BlockDoc):
        return [Piece(row.id, doc.id, "row") for row in doc.rows]
    if isinstance(doc, MatrixDoc):
        return [Piece(row.id, doc.id, "row") for row in doc.rows] + [Piece(column.id, doc.id, "column") for column in doc.columns]
    if isinstance(doc, ListDoc | GlossaryDoc | SourcesDoc):
        return [Piece(item.id, doc.id, "item") for item in doc.items]
    return []


def pieces(project: Project, homes: dict[str, str]) -> dict[str, Piece]:
    """Every piece of every data file that a page shows (a piece opens its page online), by id."""
    return {piece.id: piece for file_id, doc in project.docs.items() if file_id in homes for piece in pieces_of(doc)}


def narrowed(doc: Doc, piece: Piece) -> Doc:
    """The data file showing only one piece of it (the same file, for a figure)."""
    if piece.part == "figure":
        return doc
    field = {"item": "items", "row": "rows", "column": "columns"}[piece.part]
    return doc.model_copy(update={field: [thing for thing in getattr(doc, field) if thing.id == piece.id]})


def within(doc: Doc, piece: Piece) -> list[str]:
    """The ids a piece holds: its own, and for a figure every box of it (what search results point at)."""
    return [doc.id, *(item.id for _, item in doc.located())] if piece.part == "figure" else [piece.id]


def renamed(project: Project) -> dict[str, str]:
    """Each id an item or data file had in an earlier release (`renamed_from`) with its id now: a link naming a piece
    by its old id still finds it."""
    return {old: thing.id for doc in project.docs.values() for _, thing in [((), doc), *doc.located()] for old in getattr(thing, "renamed_from", [])}
