"""Fingerprints of source texts: a translation records the one it was made from, so a changed source shows."""

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from handbook.languages import LANGUAGES, Lang
from handbook.load import Document, position
from handbook.model import DataDoc, Origins, Text

TRANSLATION = re.compile(r"(translated|reviewed)(?: @[0-9a-f]{8})?")


def _own_origin(part: BaseModel) -> bool:
    """Whether a part carries an origin of its own (its texts are fingerprinted with it, not with what holds it)."""
    return getattr(part, "origin", None) is not None


EDITORS = ("origin", "note", "editorial")  # the fields that are the editors' own words and records, not the source's


def texts(owner: BaseModel, apart: Callable[[BaseModel], bool] = _own_origin, leave: tuple[str, ...] = EDITORS) -> list[Text]:
    """Every text of a file or item, in order, leaving out the parts inside it that stand `apart` (by default, those
    that carry an origin of their own) and the fields named in `leave` (by default the editors' words, which are not
    the source's)."""
    found: list[Text] = []

    def walk(value: Any, top: bool) -> None:
        if isinstance(value, Text):
            found.append(value)
        elif isinstance(value, BaseModel):
            if not top and apart(value):
                return
            for name in type(value).model_fields:
                if name not in leave:
                    walk(getattr(value, name), False)
        elif isinstance(value, (list, tuple)):
            for inner in value:
                walk(inner, False)
        elif isinstance(value, dict):
            for inner in value.values():
                walk(inner, False)

    walk(owner, True)
    return found


def fingerprint(owner: BaseModel, origins: Origins) -> str | None:
    """The current fingerprint of the owner's source-language texts as the source prints them, so that correcting a
    slip leaves the translations current (None when no language is the source)."""
    sources = [lang for lang in LANGUAGES if origins.status(lang) == "source"]
    if not sources:
        return None
    content = json.dumps([[text.as_printed(lang) for lang in sources] for text in texts(owner)], ensure_ascii=False)
    return hashlib.sha256(content.encode("utf-8")).hexdigest()[:8]


@dataclass(frozen=True)
class Owner:
    """Something that carries an origin: a whole file or one item, where its origin stands in the file."""

    id: str
    loc: tuple[str | int, ...]
    model: BaseModel
    origins: Origins


def owners(doc: DataDoc) -> list[Owner]:
    """The file itself and every item with an origin of its own."""
    found = [Owner(doc.id, ("origin",), doc, doc.origin)]
    for loc, item in doc.located():
        if (origins := getattr(item, "origin", None)) is not None:
            found.append(Owner(item.id, (*loc, "origin"), item, origins))
    return found


def outdated(owner: Owner, lang: Lang) -> str | None:
    """The current fingerprint, when the translation in `lang` records another one (its source has changed)."""
    recorded = owner.origins.fingerprint(lang)
    current = fingerprint(owner.model, owner.origins)
    return current if recorded and current and recorded != current else None


def stamp(path: Path, parsed: Document, doc: DataDoc, only_id: str | None = None, only_lang: Lang | None = None) -> list[str]:
    """Record the current source fingerprint in every translation of a file (or of one item, one language), at
    `path`, as the project parsed it; rewrite only those values, keeping the rest of the file as it is. Returns what
    changed."""
    shown = parsed.path
    edits: list[tuple[int, int, str, Lang, str]] = []
    for owner in owners(doc):
        current = fingerprint(owner.model, owner.origins)
        if current is None or (only_id and owner.id != only_id):
            continue
        for lang in LANGUAGES:
            if (only_lang and lang != only_lang) or owner.origins.status(lang) == "source":
                continue
            if owner.origins.fingerprint(lang) != current:
                edits.append((*position(parsed.data, (*owner.loc, lang)), owner.id, lang, current))
    lines = path.read_text("utf-8").split("\n")
    changed = []
    for line, col, owner_id, lang, current in sorted(edits, reverse=True):  # right to left: columns stay true
        text = lines[line - 1]
        match = TRANSLATION.match(text, col - 1)
        if match is None:
            raise ValueError(f"{shown}:{line}:{col}: cannot find the origin of {owner_id} ({lang}) to stamp")
        lines[line - 1] = f"{text[: match.start()]}{match.group(1)} @{current}{text[match.end() :]}"
        changed.append(f"{shown}:{line}: {owner_id} {lang}: {match.group(1)} @{current}")
    if changed:
        path.write_text("\n".join(lines), "utf-8")
    return sorted(changed)
