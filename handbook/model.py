"""The typed content model: one pydantic class per kind of data file."""

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, WithJsonSchema

from handbook.languages import Lang

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
ORIGIN_PATTERN = re.compile(r"source \d{3}:\d+(?:-\d+)?|translated|reviewed")
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
    """Accept `source <seed>:<line>-<line>`, `translated` or `reviewed`."""
    if not ORIGIN_PATTERN.fullmatch(value):
        raise ValueError(f"origin {value!r} is not 'source 003:12-34', 'translated' or 'reviewed'")
    return value


Id = Annotated[str, AfterValidator(_check_id), WithJsonSchema({"type": "string", "pattern": f"^{ID_PATTERN.pattern}$"})]
PlainText = Annotated[str, AfterValidator(_check_text), WithJsonSchema({"type": "string", "minLength": 1, "pattern": r"^(?![\s\S]*(\{\{|\{%|\{#|<[A-Za-z/!]))\s*\S"})]
Origin = Annotated[str, AfterValidator(_check_origin), WithJsonSchema({"type": "string", "pattern": f"^(?:{ORIGIN_PATTERN.pattern})$"})]


class Strict(BaseModel):
    """Base for every model: unknown fields are errors, objects are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Strict):
    """A text a reader sees, in every language."""

    kk: PlainText
    ru: PlainText
    en: PlainText

    def in_(self, lang: Lang) -> str:
        """The text in one language."""
        return getattr(self, lang)


class Origins(Strict):
    """Where each language of an item comes from."""

    kk: Origin
    ru: Origin
    en: Origin

    def status(self, lang: Lang) -> str:
        """`source`, `translated` or `reviewed` for one language."""
        return getattr(self, lang).split(" ", 1)[0]


class ListItem(Strict):
    """One numbered item of a list: a name, a description and optional bullet points."""

    id: Id
    name: Text
    heading: Text | None = Field(None, description="the heading, where it is worded otherwise than the name")
    text: Text | None = None
    points: list[Text] = []
    see: list[Id] = Field([], description="ids of related items anywhere in the data")
    note: str | None = Field(None, description="an editor's note, never shown to readers")
    origin: Origins | None = Field(None, description="overrides the file's origin for this item")


class ListDoc(Strict):
    """A numbered list of named items, such as the ten key factors."""

    kind: Literal["list"]
    id: Id
    title: Text
    origin: Origins
    cites: list[Id] = Field([], description="ids of entries in data/sources.yml")
    note: str | None = None
    items: list[ListItem] = Field(min_length=1)


class Source(Strict):
    """A work the handbook cites."""

    id: Id
    author: Text
    year: int | None = None
    note: str | None = None


class SourcesDoc(Strict):
    """The works the handbook cites in its text."""

    kind: Literal["sources"]
    id: Id
    origin: Origins
    items: list[Source] = Field(min_length=1)


class Aliases(Strict):
    """Other names of a term, by language (e.g. the name the other language's glossary uses)."""

    kk: list[PlainText] = []
    ru: list[PlainText] = []
    en: list[PlainText] = []

    def in_(self, lang: Lang) -> list[str]:
        """The other names in one language."""
        return getattr(self, lang)


class Term(Strict):
    """A glossary entry: a term, its definition, other names, and its parent term if it is a sub-term."""

    id: Id
    parent: Id | None = Field(None, description="the id of the term this one is a kind of")
    term: Text
    aliases: Aliases = Aliases()
    definition: Text = Field(description="paragraphs are separated by a blank line")
    see: list[Id] = Field([], description="ids of related items anywhere in the data")
    note: str | None = Field(None, description="an editor's note, never shown to readers")
    origin: Origins | None = Field(None, description="overrides the file's origin for this term")


class GlossaryDoc(Strict):
    """The trilingual glossary: every term once."""

    kind: Literal["glossary"]
    id: Id
    origin: Origins
    items: list[Term] = Field(min_length=1)

    def children(self, parent: str) -> list[Term]:
        """The sub-terms of a term, in file order."""
        return [term for term in self.items if term.parent == parent]


class UiString(Strict):
    """A string the site's own templates show (not the theme's)."""

    id: str = Field(pattern=r"^[a-z0-9]+(?:[.-][a-z0-9]+)*$")
    text: Text


class StringsDoc(Strict):
    """The site's own interface strings, in every language."""

    kind: Literal["strings"]
    id: Id
    origin: Origins
    items: list[UiString] = Field(min_length=1)


DataDoc = ListDoc | SourcesDoc | GlossaryDoc | StringsDoc

KINDS: dict[str, type[DataDoc]] = {"list": ListDoc, "sources": SourcesDoc, "glossary": GlossaryDoc, "strings": StringsDoc}
