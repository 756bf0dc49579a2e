"""Self-assessment: which data the reader can assess, and the versioned format of their answers.

The answers never leave the browser (overrides/assets/javascripts/assess.js keeps them in localStorage); this module
says what each page may be assessed against, by language-independent ids, and defines the file a reader exports
and imports (schemas/self-assessment.schema.json, documented in schemas/self-assessment.md)."""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from handbook.model import Id, ListDoc, ListItem, MatrixDoc, MatrixRow, RubricDoc, Statement, TiersDoc
from handbook.project import Project

FORMAT = "cpm-handbook-self-assessment"
VERSION = 1
SCALE = 4  # levels of the statement scale (data/ui.yml assess.scale-1 … assess.scale-4)
STATUSES = ("not-started", "in-progress", "collected")
# The interface strings the script shows (data/ui.yml, each as assess.<key>), in the page's language.
SCRIPT_STRINGS = (
    "close",
    "saved",
    "answered",
    "storage-error",
    "imported",
    "import-skipped",
    "import-not-json",
    "import-not-ours",
    "import-version",
    "clear-confirm",
    "cleared",
    "snapshot-saved",
    "snapshot-delete",
    "snapshot-delete-confirm",
    "seasons",
    *(f"status-{status}" for status in STATUSES),
)
Kind = Literal["rubric", "statements", "portfolio"]


@dataclass
class Assessment:
    """What one data file is assessed on: its criteria (by id) and the levels, or statuses, open to each."""

    id: str
    kind: Kind
    criteria: list[str]
    levels: int = 0
    evidence: list[str] = field(default_factory=list)
    groups: dict[str, list[str]] = field(default_factory=dict)

    def definition(self) -> dict[str, object]:
        """What the page's script needs to check an answer: plain ids and counts."""
        return {"kind": self.kind, "criteria": self.criteria, "levels": self.levels, "statuses": list(STATUSES) if self.kind == "portfolio" else [], "evidence": self.evidence, "groups": self.groups}


def statement_id(row_id: str, column_id: str, number: int) -> str:
    """A statement's id in a table: its row, its column and its place in the cell (Table 2's statements have no ids
    of their own, so reordering a cell's statements reassigns its answers)."""
    return f"{row_id}.{column_id}.{number}"


def statements(doc: MatrixDoc) -> list[tuple[MatrixRow, ListItem, list[tuple[str, Statement]]]]:
    """Each non-empty cell of a table, in reading order: (row, column, [(statement id, statement)])."""
    return [(row, column, [(statement_id(row.id, column.id, n), s) for n, s in enumerate(row.cells[column.id], 1)]) for row in doc.rows for column in doc.columns if row.cells.get(column.id)]


def assessments(project: Project) -> dict[str, Assessment]:
    """Every assessable data file, as its data declares it: each rubric, each table marked `assess: statements`, and
    each list marked `portfolio:` (tracked with the evidence types of the figure it names)."""
    found: dict[str, Assessment] = {}
    for file_id, doc in project.docs.items():
        if isinstance(doc, RubricDoc):
            found[file_id] = Assessment(file_id, "rubric", [row.id for row in doc.rows], len(doc.columns))
        elif isinstance(doc, MatrixDoc) and doc.assess == "statements":
            found[file_id] = Assessment(file_id, "statements", [sid for _, _, cell in statements(doc) for sid, _ in cell], SCALE)
        elif isinstance(doc, ListDoc) and doc.portfolio and isinstance(figure := project.docs.get(doc.portfolio.evidence), TiersDoc):
            evidence = [box.id for tier in figure.tiers for box in tier.boxes]
            found[file_id] = Assessment(file_id, "portfolio", [item.id for item in doc.items], evidence=evidence, groups=doc.groups())
    return found


# The exported file. Every field a reader's browser writes is here; the script (assess.js) checks the same rules.
Note = Annotated[str, StringConstraints(max_length=5000)]


class Answer(BaseModel):
    """One criterion's answer: a level (rubrics and statements) or a status (portfolio), and the reader's notes."""

    model_config = ConfigDict(extra="forbid")
    level: int | None = Field(None, ge=1, le=9, description="the level chosen, 1 = the first (leftmost) level")
    status: Literal[STATUSES] | None = Field(None, description="a portfolio standard's progress")  # type: ignore[valid-type]
    evidence: Note = Field("", description="the reader's evidence (rubrics, statements)")
    next: Note = Field("", description="the reader's next steps (rubrics, statements)")
    note: Note = Field("", description="the reader's note (portfolio)")
    types: list[Id] = Field([], description="the evidence types ticked (portfolio): ids of the action-research figure's boxes")


class Snapshot(BaseModel):
    """The answers as they stood when the reader saved them under a name ("Autumn 2026")."""

    model_config = ConfigDict(extra="forbid")
    name: Annotated[str, StringConstraints(min_length=1, max_length=80)]
    date: datetime
    answers: dict[str, Answer]


class Record(BaseModel):
    """One assessment's answers now, and its dated snapshots, oldest first."""

    model_config = ConfigDict(extra="forbid")
    answers: dict[str, Answer] = Field(description="by criterion id (a rubric's row, a statement, a standard)")
    updated: datetime | None = None
    snapshots: list[Snapshot] = []


class AnswersFile(BaseModel):
    """A reader's self-assessments, as exported from the site and imported on another device."""

    model_config = ConfigDict(extra="forbid", title="Self-assessment answers")
    format: Literal["cpm-handbook-self-assessment"]
    version: Literal[1] = Field(description="raised whenever a change would make older files read wrongly")
    exported: datetime
    assessments: dict[str, Record] = Field(description="by data file id: development-rubric, competencies-table, portfolio-standards")
