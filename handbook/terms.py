"""One term for one thing: glossary entries and the usage file list, per language, the variants the handbook avoids
(`avoid`), and each use of one in text the editors wrote (a translation, an interface string, an editors' mark, a
translated page) is a problem at its file, line and column. Text printed in the source is left as printed."""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from handbook.languages import LANGUAGES, Lang
from handbook.load import Loc, field_path, position
from handbook.model import Editorial, GlossaryDoc, Origins, Text, UsageDoc
from handbook.problems import Problem
from handbook.project import Project


@dataclass(frozen=True)
class Avoided:
    """A variant the handbook does not use in one language, and the term to write instead."""

    variant: str
    term_id: str
    preferred: str
    pattern: re.Pattern[str]
    held_in: str = "glossary"

    def message(self) -> str:
        """What to do about a use of it."""
        return f"avoid {self.variant!r}: write {self.preferred!r} ({self.held_in}: {self.term_id})"


def _pattern(variant: str) -> re.Pattern[str]:
    """A variant as written in running text: any case, any white space between its words, whole words only; a
    final * stands for any ending (`pupil*`: pupil, pupils)."""
    stem, any_ending = variant.removesuffix("*"), variant.endswith("*")
    words = r"\s+".join(re.escape(word) for word in stem.split())
    ending = r"\w*" if any_ending else ""
    return re.compile(rf"(?<!\w){words}{ending}(?!\w)", re.IGNORECASE)


def avoided(project: Project) -> dict[Lang, list[Avoided]]:
    """The avoided variants of every glossary term and every usage entry, by language."""
    rules: dict[Lang, list[Avoided]] = {lang: [] for lang in LANGUAGES}
    for doc in project.docs.values():
        for term in doc.items if isinstance(doc, GlossaryDoc) else []:
            for lang in LANGUAGES:
                rules[lang] += [Avoided(v, term.id, term.term.in_(lang), _pattern(v)) for v in term.avoid.in_(lang)]
        for usage in doc.items if isinstance(doc, UsageDoc) else []:
            for lang in LANGUAGES:
                rules[lang] += [Avoided(v, usage.id, usage.write.in_(lang), _pattern(v), project.paths[doc.id]) for v in usage.avoid.in_(lang)]
    return rules


def uses(rules: list[Avoided], text: str) -> Iterator[tuple[re.Match[str], Avoided]]:
    """Each use of an avoided variant in a text, in order."""
    found = [(match, rule) for rule in rules for match in rule.pattern.finditer(text)]
    yield from sorted(found, key=lambda pair: pair[0].start())


_OURS = Origins(kk="translated", ru="translated", en="translated")  # what the editors write in every language


def _texts(value: Any, loc: Loc, origins: Origins) -> Iterator[tuple[Loc, Text, Origins]]:
    """Every text of a data file with its place and the origin that covers it (an editors' mark is theirs)."""
    if isinstance(value, Text):
        yield loc, value, origins
    elif isinstance(value, Editorial):
        yield from _texts(value.why, (*loc, "why"), _OURS)
    elif isinstance(value, BaseModel):
        own = getattr(value, "origin", None)
        for name in type(value).model_fields:
            if name not in ("origin", "note"):
                yield from _texts(getattr(value, name), (*loc, name), own if isinstance(own, Origins) else origins)
    elif isinstance(value, (list, tuple)):
        for index, inner in enumerate(value):
            yield from _texts(inner, (*loc, index), origins)
    elif isinstance(value, dict):  # a table's cells, by column
        for key, inner in value.items():
            yield from _texts(inner, (*loc, key), origins)


def _offset(raw: str, line: int, col: int) -> int:
    """The character offset of a 1-based line and column."""
    starts = [0] + [i + 1 for i, char in enumerate(raw) if char == "\n"]
    return starts[min(line, len(starts)) - 1] + col - 1


def _line_col(raw: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of a character offset."""
    return raw.count("\n", 0, offset) + 1, offset - (raw.rfind("\n", 0, offset) + 1) + 1


def check_data(project: Project, rules: dict[Lang, list[Avoided]]) -> list[Problem]:
    """Every use of an avoided variant in the data's texts that the editors wrote, at its line and column."""
    problems = []
    for file_id, doc in project.docs.items():
        parsed = project.documents[file_id]
        raw: str | None = None
        for loc, text, origins in _texts(doc, (), doc.origin):
            for lang in LANGUAGES:
                value = text.in_(lang)
                found = [rule for _, rule in uses(rules[lang], value)] if origins.status(lang) != "source" else []
                if not found:
                    continue
                raw = raw if raw is not None else (project.root / parsed.path).read_text("utf-8")
                line, col = position(parsed.data, (*loc, lang))
                start = _offset(raw, line, col)
                for rule in dict.fromkeys(found):  # each variant's uses, found again in the file as written there
                    in_file = list(rule.pattern.finditer(raw, start, start + 2 * len(value) + 200))[: found.count(rule)]
                    places = [_line_col(raw, match.start()) for match in in_file] or [(line, col)]
                    problems += [Problem(parsed.path, *place, field_path((*loc, lang)), rule.message()) for place in places]
    return sorted(problems)


def check_page(rules: dict[Lang, list[Avoided]], shown: str, lang: Lang, source: str, origin: str | None) -> list[Problem]:
    """Every use of an avoided variant in a page the editors wrote, at its line and column: a page whose front matter
    `origin` says `translated` or `reviewed`, and every English page (English is never the source; a Kazakh or
    Russian page with no `origin:` is)."""
    origin = origin or ("translated" if lang == "en" else "source")
    if not rules[lang] or origin.startswith("source"):
        return []
    return [Problem(shown, *_line_col(source, match.start()), "terms", rule.message()) for match, rule in uses(rules[lang], source)]
