"""Self-assessment: which data the reader can assess, and the versioned format of their answers.

The answers never leave the browser (overrides/assets/javascripts/assess.js keeps them in localStorage); this module
says what each page may be assessed against, by language-independent ids, and defines the file a reader exports
and imports (schemas/self-assessment.schema.json, documented in schemas/self-assessment.md)."""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Annotated, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from handbook.load import field_path, position, read_yaml
from handbook.model import Id, ListDoc, ListItem, MatrixDoc, MatrixRow, RubricDoc, Statement, TiersDoc
from handbook.problems import Problem, ValidationFailed
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
    "plan-empty",
    "plan-done",
    "plan-date",
    "plan-remove",
    "now",
    "chart-levels",
    "chart-statuses",
    "chart-table",
    *(f"status-{status}" for status in STATUSES),
)
# The cohort summary's strings (data/ui.yml, each as cohort.<key>); a refusal's key is the one readFile throws.
COHORT_STRINGS = (
    "file",
    "summarised",
    "import-not-json",
    "import-not-ours",
    "import-version",
    "too-large",
    "duplicate",
    "no-answers",
    "skipped",
    "answered",
    "series",
    "average",
    "distribution",
    "distribution-statuses",
    "table-statuses",
    "no-answer",
    "mean",
    "table",
)
Kind = Literal["rubric", "statements", "portfolio"]


@dataclass(frozen=True)
class Criterion:
    """A criterion as readers see it in one language: its id, its label in a chart and in a table, and its section."""

    id: str
    short: str  # a statement's or a standard's number; a rubric theme's name
    label: str
    section: str  # the group it is charted in: a table's cell (row — column), a group of standards, the rubric


@dataclass
class Assessment:
    """What one data file is assessed on: its criteria (by id) and the levels, or statuses, open to each."""

    id: str
    kind: Kind
    criteria: list[str]
    levels: int = 0
    evidence: list[str] = field(default_factory=list)
    groups: dict[str, list[str]] = field(default_factory=dict)
    renamed: dict[str, str] = field(default_factory=dict)  # an earlier release's criterion or evidence id → today's
    moved_from: list[str] = field(default_factory=list)  # the ids the assessment (its data file) had before

    def definition(self) -> dict[str, object]:
        """What the page's script needs to check an answer, and to carry answers stored under earlier ids over."""
        statuses = list(STATUSES) if self.kind == "portfolio" else []
        return {
            "kind": self.kind,
            "criteria": self.criteria,
            "levels": self.levels,
            "statuses": statuses,
            "evidence": self.evidence,
            "groups": self.groups,
            "renamed": self.renamed,
            "movedFrom": self.moved_from,
        }

    def ids(self) -> list[str]:
        """Every id readers' answers to it are stored under: its own, its criteria's and its evidence types'."""
        return [self.id, *self.criteria, *self.evidence]


def statement_id(row_id: str, column_id: str, number: int) -> str:
    """A statement's id in a table: its row, its column and its place in the cell (Table 2's statements have no ids
    of their own, so reordering a cell's statements reassigns its answers)."""
    return f"{row_id}.{column_id}.{number}"


def statements(doc: MatrixDoc) -> list[tuple[MatrixRow, ListItem, list[tuple[str, Statement]]]]:
    """Each non-empty cell of a table, in reading order: (row, column, [(statement id, statement)])."""
    return [(row, column, [(statement_id(row.id, column.id, n), s) for n, s in enumerate(row.cells[column.id], 1)]) for row in doc.rows for column in doc.columns if row.cells.get(column.id)]


def _renamed(doc: MatrixDoc | ListDoc, figure: TiersDoc | None = None) -> dict[str, str]:
    """Each earlier id of an assessment's criteria and evidence types (`renamed_from`) with today's. A statement's id
    is made of its row's and column's (statement_id), so renaming either renames it too."""
    if isinstance(doc, RubricDoc):
        return {old: row.id for row in doc.rows for old in row.renamed_from}
    if isinstance(doc, MatrixDoc):
        found: dict[str, str] = {}
        for row, column, cell in statements(doc):
            for row_id in [row.id, *row.renamed_from]:
                for column_id in [column.id, *column.renamed_from]:
                    found |= {statement_id(row_id, column_id, n): sid for n, (sid, _) in enumerate(cell, 1) if statement_id(row_id, column_id, n) != sid}
        return found
    boxes = [box for tier in figure.tiers for box in tier.boxes] if figure else []
    return {old: thing.id for thing in [*doc.items, *boxes] for old in thing.renamed_from}


def assessments(project: Project) -> dict[str, Assessment]:
    """Every assessable data file, as its data declares it: each rubric, each table marked `assess: statements`, and
    each list marked `portfolio:` (tracked with the evidence types of the figure it names)."""
    found: dict[str, Assessment] = {}
    for file_id, doc in project.docs.items():
        if isinstance(doc, RubricDoc):
            found[file_id] = Assessment(file_id, "rubric", [row.id for row in doc.rows], len(doc.columns), renamed=_renamed(doc))
        elif isinstance(doc, MatrixDoc) and doc.assess == "statements":
            found[file_id] = Assessment(file_id, "statements", [sid for _, _, cell in statements(doc) for sid, _ in cell], SCALE, renamed=_renamed(doc))
        elif isinstance(doc, ListDoc) and doc.portfolio and isinstance(figure := project.docs.get(doc.portfolio.evidence), TiersDoc):
            evidence = [box.id for tier in figure.tiers for box in tier.boxes]
            found[file_id] = Assessment(file_id, "portfolio", [item.id for item in doc.items], evidence=evidence, groups=doc.groups(), renamed=_renamed(doc, figure))
        if file_id in found:
            found[file_id].moved_from = list(doc.renamed_from)
    return found


# The ids readers' answers were stored under at the last release, kept in the repository (`handbook release-ids`
# writes it): one that the data no longer has must be recorded as renamed or removed (check_released).
RELEASED = "released-ids.yml"


class Released(BaseModel):
    """The released ids: each assessment's, with its criteria's and evidence types'; and those removed since, with why."""

    model_config = ConfigDict(extra="forbid")
    released: str = Field(description="the date `handbook release-ids` wrote the list")
    ids: dict[str, list[str]] = Field(description="by assessment (its data file's id): every id answers to it are stored under")
    removed: dict[str, str] = Field({}, description="ids given up on purpose, each with why (readers' answers to them are kept aside)")


def check_released(project: Project) -> list[Problem]:
    """Every released id the data no longer has is recorded as renamed (`renamed_from`) or removed (`removed:`):
    otherwise readers' answers under it would be detached without a word."""
    path = project.root / RELEASED
    if not path.is_file():
        return []
    try:
        doc = read_yaml(path, RELEASED)
        released = Released.model_validate(doc.data)
    except ValidationFailed as failed:
        return failed.problems
    except ValidationError as error:
        return [Problem(RELEASED, *position(doc.data, tuple(e["loc"])), field_path(tuple(e["loc"])), e["msg"]) for e in error.errors()]
    known = assessments(project)
    kept = {item for a in known.values() for item in [*a.ids(), *a.renamed, *a.moved_from]} | set(released.removed)
    problems = []
    for assessment_id, ids in released.ids.items():
        for n, old in enumerate(ids):
            if old not in kept:
                loc = ("ids", assessment_id, n)
                message = (
                    f"{old!r} was released (readers' answers are stored under it) and the data no longer has it: add it to `renamed_from` of what took its place, or list it under `removed:` with why"
                )
                problems.append(Problem(RELEASED, *position(doc.data, loc), field_path(loc), message))
    return problems


def release_ids(project: Project, today: str) -> str:
    """The released-ids file for the data as it is (the ids removed before stay listed as removed)."""
    path = project.root / RELEASED
    removed = Released.model_validate(read_yaml(path, RELEASED).data).removed if path.is_file() else {}
    ids = {a.id: a.ids() for a in assessments(project).values()}
    body = yaml.safe_dump({"released": today, "ids": ids, "removed": removed}, allow_unicode=True, sort_keys=False, width=120)
    header = (
        "# The ids readers' self-assessment answers are stored under, as last released: `handbook release-ids` writes it.\n"
        "# An id listed here that the data no longer has must be recorded, as `renamed_from` of the item (or data file)\n"
        "# that took its place, or under `removed:` with why; `handbook validate` fails otherwise.\n"
    )
    return header + body


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


class Action(BaseModel):
    """A next step the reader made an action of: what, for which criterion, by when, and whether it is done."""

    model_config = ConfigDict(extra="forbid")
    id: Annotated[str, StringConstraints(min_length=1, max_length=40)] = Field(description="the action's own id, unique in its file")
    criterion: str = Field(description="the criterion it serves (its id)")
    text: Annotated[str, StringConstraints(min_length=1, max_length=2000)]
    date: Annotated[str, StringConstraints(pattern=r"^(\d{4}-\d{2}-\d{2})?$")] = Field("", description="by when (YYYY-MM-DD), or empty")
    done: bool = False


class Record(BaseModel):
    """One assessment's answers now, its dated snapshots (oldest first) and the reader's actions."""

    model_config = ConfigDict(extra="forbid")
    answers: dict[str, Answer] = Field(description="by criterion id (a rubric's row, a statement, a standard)")
    updated: datetime | None = None
    snapshots: list[Snapshot] = []
    actions: list[Action] = Field([], description="the reader's action plan for this assessment (added in 2026-12; older files have none)")


class AnswersFile(BaseModel):
    """A reader's self-assessments, as exported from the site and imported on another device."""

    model_config = ConfigDict(extra="forbid", title="Self-assessment answers")
    format: Literal["cpm-handbook-self-assessment"]
    version: Literal[1] = Field(description="raised whenever a change would make older files read wrongly")
    exported: datetime
    assessments: dict[str, Record] = Field(description="by data file id: development-rubric, competencies-table, portfolio-standards")
