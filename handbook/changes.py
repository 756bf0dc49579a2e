"""What `handbook diff` reports (handbook/diff.py): each data item or page paragraph a change adds, removes, renames
or changes, per language, and the translations it leaves outdated. Its JSON Schema, schemas/diff.schema.json, is
generated from these (handbook/schema.py)."""

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from handbook.languages import Lang

FORMAT = 1
FIELDS = " · "  # between a data item's texts, in a Version
How = Literal["added", "removed", "changed", "renamed"]


@dataclass(frozen=True)
class Version:
    """One language's text of something changed, before and after (empty where it did not exist): a data item's texts
    (its name, text, points…) in order, joined by FIELDS; a page's paragraphs, by an empty line."""

    lang: Lang
    old: str
    new: str


@dataclass(frozen=True)
class Changed:
    """One data item (or a data file's own texts, by the file's id) or one page's paragraph, changed by the diff."""

    path: str  # its file on the side that has it (head's, else base's)
    id: str  # the item's id; a page's paragraph: its number on the side that has it
    how: How
    names: dict[Lang, str]  # as readers see it, by language (a page's title, in its own language)
    versions: list[Version]  # the languages whose text changed
    where: list[str]  # the pages and handouts readers see it on, in every language
    renamed_from: str = ""
    assessed: bool = False  # readers' self-assessment answers are stored under its id (base's)


@dataclass(frozen=True)
class Outdated:
    """A translation the diff leaves outdated: its source text changed, and the command recording the new source."""

    path: str
    line: int
    id: str
    lang: Lang
    stamp: str


@dataclass(frozen=True)
class Untouched:
    """A translated page whose source page the change edits while leaving it as it was: it may need the same edit."""

    path: str
    lang: Lang
    sources: list[str]  # the source pages changed (kk, ru or both)


@dataclass
class Report:
    """Everything a change does, between `base` and `head` (git revisions, or the working tree)."""

    base: str
    head: str
    data: list[Changed] = field(default_factory=list)
    pages: list[Changed] = field(default_factory=list)
    outdated: list[Outdated] = field(default_factory=list)
    untouched: list[Untouched] = field(default_factory=list)  # translated pages whose source changed
    format: int = FORMAT  # of this report's JSON

    def as_dict(self) -> dict[str, Any]:
        """The report as JSON data (schemas/diff.schema.json)."""
        return asdict(self)
