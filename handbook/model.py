"""The typed content model: one pydantic class per kind of data file."""

import re
from typing import Annotated, Any, ClassVar, Literal, get_args

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationInfo, WithJsonSchema, field_validator, model_validator

from handbook.languages import Lang
from handbook.problems import Loc

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
ORIGIN_PATTERN = re.compile(r"source \d{3}:\d+(?:-\d+)?|(?:translated|reviewed)(?: @[0-9a-f]{8})?")
TEMPLATE_MARKERS = ("{{", "{%", "{#")
HTML_TAG = re.compile(r"<\s*/?\s*[A-Za-z!][^>]*>")
MIXED_SCRIPT_WORD = re.compile(r"\b\w*(?:[A-Za-z][\u0400-\u04ff]|[\u0400-\u04ff][A-Za-z])\w*\b")


def _check_id(value: str) -> str:
    """Accept only ASCII kebab-case ids, the anchors of every language's page."""
    if not ID_PATTERN.fullmatch(value):
        raise ValueError(f"id {value!r} is not kebab-case ASCII (lower-case letters, digits, single hyphens)")
    return value


def _check_text(value: str) -> str:
    """Accept non-empty plain text: no template syntax, no HTML, no words mixing Latin and Cyrillic."""
    if not value.strip():
        raise ValueError("the text is empty")
    for marker in TEMPLATE_MARKERS:
        if marker in value:
            raise ValueError(f"data is text, never a template: remove {marker!r}")
    if tag := HTML_TAG.search(value):
        raise ValueError(f"HTML is not allowed in data text: {tag.group()!r}")
    if word := MIXED_SCRIPT_WORD.search(value):
        raise ValueError(f"the word {word.group()!r} mixes Latin and Cyrillic letters")
    return value


def _check_origin(value: str) -> str:
    """Accept `source <seed>:<line>-<line>`, or `translated` / `reviewed` with the fingerprint of their source."""
    if not ORIGIN_PATTERN.fullmatch(value):
        raise ValueError(f"origin {value!r} is not 'source 003:12-34', 'translated' or 'reviewed' (with its fingerprint, e.g. 'translated @1a2b3c4d')")
    return value


Id = Annotated[str, AfterValidator(_check_id), WithJsonSchema({"type": "string", "pattern": f"^{ID_PATTERN.pattern}$"})]
PlainText = Annotated[str, AfterValidator(_check_text), WithJsonSchema({"type": "string", "minLength": 1, "pattern": r"^(?![\s\S]*(\{\{|\{%|\{#|<[A-Za-z/!]))\s*\S"})]
Origin = Annotated[str, AfterValidator(_check_origin), WithJsonSchema({"type": "string", "pattern": f"^(?:{ORIGIN_PATTERN.pattern})$"})]


class Strict(BaseModel):
    """Base for every model: unknown fields are errors, objects are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Corrected(str):
    """A text in which slips of the printed source are corrected: each corrected word or phrase, with the form the
    source prints (the templates show both)."""

    fixes: dict[str, str]

    def __new__(cls, text: str, fixes: dict[str, str]) -> "Corrected":
        made = super().__new__(cls, text)
        made.fixes = fixes
        return made


class Text(Strict):
    """A text a reader sees, in every language."""

    kk: PlainText
    ru: PlainText
    en: PlainText
    printed: dict[Lang, dict[PlainText, PlainText]] | None = Field(
        None,
        description="slips of the printed source corrected in the text: per language, each corrected word or phrase as the text now reads it, and as the source prints it (readers see both)",
    )

    @field_validator("printed")
    @classmethod
    def _corrections_are_in_the_text(cls, printed: dict[Lang, dict[str, str]] | None, info: ValidationInfo) -> dict[Lang, dict[str, str]] | None:
        for lang, fixes in (printed or {}).items():
            for reads, as_printed in fixes.items():
                if reads not in info.data.get(lang, reads):
                    raise ValueError(f"{lang}: {reads!r} is not in the {lang} text, which should read so where the source prints {as_printed!r}")
                if reads == as_printed:
                    raise ValueError(f"{lang}: {reads!r} is the same as the printed form")
        return printed

    def in_(self, lang: Lang) -> str:
        """The text in one language (with its corrections, which the templates show, if it has any)."""
        text: str = getattr(self, lang)
        return Corrected(text, self.printed[lang]) if self.printed and lang in self.printed else text

    def as_printed(self, lang: Lang) -> str:
        """The text in one language as the source prints it, slips and all."""
        text: str = getattr(self, lang)
        for reads, printed in (self.printed or {}).get(lang, {}).items():
            text = text.replace(reads, printed)
        return text


class Editorial(Strict):
    """What the editors reconstructed or inferred rather than found printed in the source (a label, a heading, an
    order, a placement): readers see a mark, and why."""

    why: Text = Field(description="one short sentence readers see in their language: what the editors did, and on what grounds")
    only: list[Lang] = Field([], description="the languages it applies to, where not all (e.g. a title only the Kazakh source leaves out)")

    def applies(self, lang: Lang) -> bool:
        """Whether readers of `lang` see the mark."""
        return not self.only or lang in self.only


class Origins(Strict):
    """Where each language of an item comes from."""

    kk: Origin
    ru: Origin
    en: Origin

    def status(self, lang: Lang) -> str:
        """`source`, `translated` or `reviewed` for one language."""
        return getattr(self, lang).split(" ", 1)[0]

    def fingerprint(self, lang: Lang) -> str | None:
        """The fingerprint of the source text a translation was made from or reviewed against (`@1a2b3c4d`), if any."""
        value = getattr(self, lang)
        return value.rsplit("@", 1)[1] if "@" in value else None


class Aliases(Strict):
    """Other names of a term, by language (e.g. the name the other language's glossary uses)."""

    kk: list[PlainText] = []
    ru: list[PlainText] = []
    en: list[PlainText] = []

    def in_(self, lang: Lang) -> list[str]:
        """The other names in one language."""
        return getattr(self, lang)


class ListItem(Strict):
    """An item: a name, a text and bullet points (at least a name or a text), with its own anchor."""

    id: Id
    name: Text | None = None
    aliases: Aliases | None = Field(None, description="other names the handbook prints for the item, by language")
    heading: Text | None = Field(None, description="the heading, where it is worded otherwise than the name")
    text: Text | None = Field(None, description="paragraphs are separated by a blank line")
    points: list[Text] = []
    see: list[Id] = Field([], description="ids of related items anywhere in the data")
    editorial: Editorial | None = Field(None, description="the item (its name, its place) is the editors' reconstruction, not printed in the source")
    note: str | None = Field(None, description="an editor's note, never shown to readers")
    origin: Origins | None = Field(None, description="overrides the file's origin for this item")
    renamed_from: list[Id] = Field([], description="the ids it had in earlier releases: readers' self-assessment answers stored under them move to it")

    @model_validator(mode="after")
    def _named_or_told(self) -> "ListItem":
        if self.name is None and self.text is None:
            raise ValueError("an item needs a name or a text")
        return self


class Doc(Strict):
    """What every data file has: its kind, id, where its text comes from, and an editor's note."""

    # Facts about a kind, declared once on its class.
    content: ClassVar[bool] = True  # readers see it as the handbook's content (not interface strings or the print pack)
    captioned: ClassVar[bool] = False  # a figure or table: its items are named with its caption

    id: Id
    origin: Origins
    editorial: Editorial | None = Field(None, description="the whole (its title, order, layout or links) is in part the editors' reconstruction, not printed in the source")
    note: str | None = Field(None, description="an editor's note, never shown to readers")
    renamed_from: list[Id] = Field([], description="the ids the file had in earlier releases: readers' self-assessment answers stored under them move to it")

    def located(self) -> list[tuple[Loc, Any]]:
        """Every item that has an id, with its place in the file."""
        return [(("items", i), item) for i, item in enumerate(getattr(self, "items", []))]


class Portfolio(Strict):
    """A list readers track as a portfolio: each item a standard they collect evidence for."""

    evidence: Id = Field(description="the figure (a tiers file) whose boxes are the types of evidence readers tick")


GROUP_NUMBER = re.compile(r"(\d+)\.\d+")  # a standard's number, "2.1": its group (2), then its place in it


class ListDoc(Doc):
    """A list of items, such as the ten key factors or the principles."""

    kind: Literal["list"]
    title: Text | None = Field(None, description="the caption, where the handbook gives one")
    numbered: bool = Field(False, description="number the items (1., 2., …)")
    cites: list[Id] = Field([], description="ids of entries in data/sources.yml")
    portfolio: Portfolio | None = Field(
        None,
        description="readers track the items as a portfolio of standards (a self-assessment form on its page); each item's name is its number, 2.1, and the items of one group share its first part",
    )
    items: list[ListItem] = Field(min_length=1)

    def groups(self) -> dict[str, list[str]]:
        """A numbered list's items by group: those whose numbers share their first part (2.1–2.9). The project
        checks that a portfolio's items are numbered so (project.check_portfolios)."""
        groups: dict[str, list[str]] = {}
        for item in self.items:
            number = GROUP_NUMBER.fullmatch(item.name.in_("kk")) if item.name else None
            groups.setdefault(number.group(1) if number else "", []).append(item.id)
        return groups


class Statement(Strict):
    """A statement in a table cell, with optional sub-points."""

    text: Text
    points: list[Text] = []
    editorial: Editorial | None = Field(None, description="the statement (its place, its cell) is the editors' reconstruction")


class MatrixRow(Strict):
    """A row of a table: its name and, for each column id, the statements in that cell."""

    id: Id
    name: Text
    cells: dict[str, list[Statement]]
    editorial: Editorial | None = Field(None, description="the row (its name, or how its statements are split between the columns) is the editors' reconstruction")
    note: str | None = None
    origin: Origins | None = None
    renamed_from: list[Id] = Field([], description="the ids it had in earlier releases: readers' self-assessment answers stored under them move to it")


class MatrixDoc(Doc):
    """A table of rows by columns whose cells hold statements (Table 2)."""

    captioned: ClassVar[bool] = True

    kind: Literal["matrix"]
    title: Text
    corner: Text | None = Field(None, description="the heading over the row names")
    column_group: Text | None = Field(None, description="a heading spanning all the columns")
    cites: list[Id] = []
    columns: list[ListItem] = Field(min_length=1)
    rows: list[MatrixRow] = Field(min_length=1)
    landscape: bool = Field(False, description="too wide for a portrait page: print it on a landscape A4 page")
    assess: Literal["statements"] | None = Field(None, description="statements: readers rate each statement 1–4 (a self-assessment form on its page)")

    @model_validator(mode="after")
    def _cells_name_columns(self) -> "MatrixDoc":
        columns = [column.id for column in self.columns]
        for row in self.rows:
            if unknown := sorted(set(row.cells) - set(columns)):
                raise ValueError(f"row {row.id!r} has cells for unknown columns {unknown}; columns are {columns}")
        return self

    def located(self) -> list[tuple[Loc, Any]]:
        """Columns and rows."""
        return [(("columns", i), c) for i, c in enumerate(self.columns)] + [(("rows", i), r) for i, r in enumerate(self.rows)]


class RubricDoc(MatrixDoc):
    """A rubric: themes (rows) by levels (columns), each cell its descriptors; printed and used for self-assessment."""

    captioned: ClassVar[bool] = False  # its themes are named on their own

    kind: Literal["rubric"]  # type: ignore[assignment]
    assess: Literal["rubric"] = Field("rubric", description="a rubric is always assessed: readers choose a level for each theme")  # type: ignore[assignment]


class Arrow(Strict):
    """A connection between two boxes of a model."""

    source: Id
    target: Id
    both_ways: bool = False


class ModelRow(Strict):
    """One row of boxes in a model drawn top to bottom."""

    boxes: list[ListItem] = Field(min_length=1)


class ModelDoc(Doc):
    """A model drawn as rows of boxes joined by arrows (Fig. 1, Burke-Litwin)."""

    captioned: ClassVar[bool] = True

    kind: Literal["model"]
    title: Text
    cites: list[Id] = []
    rows: list[ModelRow] = Field(min_length=1)
    arrows: list[Arrow] = []

    def located(self) -> list[tuple[Loc, Any]]:
        """Every box, row by row."""
        return [(("rows", r, "boxes", b), box) for r, row in enumerate(self.rows) for b, box in enumerate(row.boxes)]


class Tier(Strict):
    """A tier of a stacked figure: its label, its question and its boxes."""

    id: Id
    name: Text
    question: Text | None = None
    boxes: list[ListItem] = []
    editorial: Editorial | None = Field(None, description="the tier (its label, its place) is the editors' reconstruction")
    note: str | None = None


class TiersDoc(Doc):
    """A figure of tiers stacked top to bottom, with labels along one side (Fig. 2)."""

    captioned: ClassVar[bool] = True

    kind: Literal["tiers"]
    title: Text
    tiers: list[Tier] = Field(min_length=1)
    side: list[ListItem] = Field([], description="labels along the side of the stack, top to bottom")

    def located(self) -> list[tuple[Loc, Any]]:
        """Tiers, their boxes and the side labels."""
        found: list[tuple[tuple[str | int, ...], Any]] = []
        for t, tier in enumerate(self.tiers):
            found += [(("tiers", t), tier)] + [(("tiers", t, "boxes", b), box) for b, box in enumerate(tier.boxes)]
        return found + [(("side", i), label) for i, label in enumerate(self.side)]


class PetalsDoc(Doc):
    """A figure of petals around a centre, each petal with its elements (Fig. 4)."""

    captioned: ClassVar[bool] = True

    kind: Literal["petals"]
    title: Text
    centre: Text
    petals: list[ListItem] = Field(min_length=1, description="each petal's elements are its points")

    def located(self) -> list[tuple[Loc, Any]]:
        """The petals."""
        return [(("petals", i), petal) for i, petal in enumerate(self.petals)]


class Source(Strict):
    """A work the handbook cites."""

    id: Id
    author: Text = Field(description="the author(s) as the handbook cites them in each language")
    year: int | None = Field(None, description="none for undated works")
    work: Text | None = Field(None, description="the title, where the handbook names the work")
    cited_on: list[str] = Field([], description="the pages (slugs, '' for the home page) whose text cites the work")
    editorial: Editorial | None = Field(None, description="the entry (its author, year or title) is the editors' reconstruction")
    note: str | None = None
    origin: Origins | None = None


class BlockRow(Strict):
    """A row of a practice block: the stage, the additional reading for it and what directors do."""

    id: Id
    stage: Text
    reading: list[Text] = Field([], description="titles of the guides to read, as printed")
    text: Text = Field(description="what to do; paragraphs are separated by a blank line")
    editorial: Editorial | None = Field(None, description="the row (its stage, its reading) is the editors' reconstruction")
    note: str | None = None
    origin: Origins | None = None


class BlockHeadings(Strict):
    """The column headings of a practice block, where the handbook prints them."""

    stage: Text | None = None
    reading: Text | None = None
    action: Text | None = None


class BlockDoc(Doc):
    """A practice block: stages (plan and act, critical review, respond) with reading and actions."""

    captioned: ClassVar[bool] = True

    kind: Literal["block"]
    title: Text | None = None
    headings: BlockHeadings = BlockHeadings()
    see: list[Id] = Field([], description="what the block belongs to, e.g. its practice")
    rows: list[BlockRow] = Field(min_length=1)

    def located(self) -> list[tuple[Loc, Any]]:
        """The rows."""
        return [(("rows", i), row) for i, row in enumerate(self.rows)]


class CycleDoc(Doc):
    """A cycle of stages that returns to its start, with what stands at its centre (Fig. 5)."""

    captioned: ClassVar[bool] = True

    kind: Literal["cycle"]
    title: Text
    cites: list[Id] = []
    stages: list[ListItem] = Field(min_length=2, description="in order, from the first stage")
    centre: list[ListItem] = Field([], description="what the cycle turns around (an inner ring)")

    def located(self) -> list[tuple[Loc, Any]]:
        """The stages and the centre."""
        stages: list[tuple[Loc, Any]] = [(("stages", i), s) for i, s in enumerate(self.stages)]
        return stages + [(("centre", i), c) for i, c in enumerate(self.centre)]


class SourcesDoc(Doc):
    """The works the handbook cites in its text."""

    kind: Literal["sources"]
    items: list[Source] = Field(min_length=1)


class Term(Strict):
    """A glossary entry: a term, its definition, other names, and its parent term if it is a sub-term."""

    id: Id
    parent: Id | None = Field(None, description="the id of the term this one is a kind of")
    term: Text
    aliases: Aliases = Aliases()
    avoid: Aliases = Field(
        Aliases(),
        description="variants the handbook does not use for this term, by language: each use in text the editors wrote is reported (a final * stands for any ending)",
    )
    definition: Text = Field(description="paragraphs are separated by a blank line")
    see: list[Id] = Field([], description="ids of related items anywhere in the data")
    editorial: Editorial | None = Field(None, description="the entry (its name in a language, its place) is the editors' reconstruction")
    note: str | None = Field(None, description="an editor's note, never shown to readers")
    origin: Origins | None = Field(None, description="overrides the file's origin for this term")

    @model_validator(mode="after")
    def _avoid_other_words(self) -> "Term":
        for lang in ("kk", "ru", "en"):
            names = {name.lower() for name in [self.term.in_(lang), *self.aliases.in_(lang)]}
            for variant in self.avoid.in_(lang):
                if variant.removesuffix("*").lower() in names:
                    raise ValueError(f"avoid.{lang}: {variant!r} is the term itself or one of its aliases")
        return self


class GlossaryDoc(Doc):
    """The trilingual glossary: every term once."""

    kind: Literal["glossary"]
    items: list[Term] = Field(min_length=1)

    def children(self, parent: str) -> list[Term]:
        """The sub-terms of a term, in file order."""
        return [term for term in self.items if term.parent == parent]

    def tops(self) -> list[Term]:
        """The terms whose parent is not among these (all but the sub-terms, in the whole glossary)."""
        ids = {term.id for term in self.items}
        return [term for term in self.items if term.parent not in ids]


class Usage(Strict):
    """A word or phrase the handbook writes one way: the form to write and, per language, the variants to avoid."""

    id: Id
    write: Text = Field(description="the form to write, in every language")
    avoid: Aliases = Field(description="variants the handbook does not use, by language (a final * stands for any ending)")

    @model_validator(mode="after")
    def _avoid_other_words(self) -> "Usage":
        for lang in ("kk", "ru", "en"):
            for variant in self.avoid.in_(lang):
                if variant.removesuffix("*").lower() == self.write.in_(lang).lower():
                    raise ValueError(f"avoid.{lang}: {variant!r} is the form to write")
        return self


class UsageDoc(Doc):
    """The handbook's usage beyond the glossary's terms (one form for one thing), for editors: readers never see it,
    `handbook validate` holds the text to it."""

    content: ClassVar[bool] = False

    kind: Literal["usage"]
    items: list[Usage] = Field(min_length=1)


class UiString(Strict):
    """A string the site's own templates show (not the theme's)."""

    id: str = Field(pattern=r"^[a-z0-9]+(?:[.-][a-z0-9]+)*$")
    text: Text


class StringsDoc(Doc):
    """The site's own interface strings, in every language."""

    content: ClassVar[bool] = False

    kind: Literal["strings"]
    items: list[UiString] = Field(min_length=1)


class Shown(Strict):
    """A data file on a handout, in one of its views, under an optional heading."""

    data: Id = Field(description="the id of a data file")
    view: str = Field("", description="a view of its kind, e.g. `form` for a blank rubric; the default view if empty")
    heading: Text | None = Field(None, description="a heading above it, where the data file has no caption of its own")
    editorial: Editorial | None = Field(None, description="the heading is the editors' (the source prints none there)")


class Handout(Strict):
    """A printable sheet: its URL slug (`handouts/<id>/`, `pdf/<id>.pdf`), title and the data it shows."""

    id: Id
    name: Text | None = Field(None, description="the title; by default the first data file's caption or page title")
    show: list[Shown] = Field(min_length=1)
    note: str | None = Field(None, description="an editor's note, never shown to readers")


class HandoutsDoc(Doc):
    """The printable pack for trainers; every rubric also gets a blank form without being listed."""

    content: ClassVar[bool] = False

    kind: Literal["handouts"]
    items: list[Handout] = Field(min_length=1)

    def located(self) -> list[tuple[Loc, Any]]:
        """Nothing: handout ids are URL slugs, a namespace of their own (see project.check_handouts)."""
        return []


def blank_forms(docs: list["DataDoc"]) -> list[Handout]:
    """A blank-form handout for every rubric that no listed handout already shows as a form."""
    listed = {(s.data, s.view) for doc in docs if isinstance(doc, HandoutsDoc) for h in doc.items for s in h.show}
    return [Handout.model_validate({"id": doc.id, "show": [{"data": doc.id, "view": "form"}]}) for doc in docs if isinstance(doc, RubricDoc) and (doc.id, "form") not in listed]


DataDoc = ListDoc | MatrixDoc | RubricDoc | ModelDoc | TiersDoc | PetalsDoc | BlockDoc | CycleDoc | SourcesDoc | GlossaryDoc | StringsDoc | HandoutsDoc | UsageDoc

# Each kind of data file, by the name its files give as `kind:` (its class's Literal): a new kind is a class added to
# DataDoc, and nothing else.
KINDS: dict[str, type[DataDoc]] = {get_args(kind.model_fields["kind"].annotation)[0]: kind for kind in get_args(DataDoc)}
