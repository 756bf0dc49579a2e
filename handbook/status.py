"""Translation status: per file and language, how many items come from the source, are translated, reviewed or
outdated (their source changed after they were made), as text, Markdown or JSON."""

import json
from collections import Counter
from dataclasses import dataclass, field

from handbook.fingerprint import Owner, outdated, owners
from handbook.languages import LANGUAGES, Lang
from handbook.load import Document, position
from handbook.model import KINDS, DataDoc
from handbook.project import Project

STATES = ("source", "translated", "reviewed", "outdated")


@dataclass(frozen=True)
class Stale:
    """A translation whose source text changed after it was made: where, and the fingerprint to record once updated."""

    path: str
    line: int
    id: str
    lang: Lang
    recorded: str
    current: str

    def __str__(self) -> str:
        return (
            f"{self.path}:{self.line}: {self.id} ({self.lang}): the source changed since the translation "
            f"(@{self.recorded}); update it, then `handbook stamp {self.path} --id {self.id} --lang {self.lang}` (@{self.current})"
        )


@dataclass(frozen=True)
class FileStatus:
    """Counts of items by language and state for one data file, its outdated translations and its editors' notes."""

    path: str
    kind: str
    counts: dict[Lang, Counter[str]]
    stale: list[Stale] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)


def file_status(parsed: Document, doc: DataDoc) -> FileStatus:
    """Count each item's state (its own origin, else the file's) in every language; find outdated translations,
    each at its line in the file as the project parsed it."""
    path = parsed.path
    by_id = {owner.id: owner for owner in owners(doc)}
    changed: dict[tuple[str, Lang], str] = {}
    for owner in by_id.values():
        for lang in LANGUAGES:
            if owner.origins.status(lang) != "source" and (current := outdated(owner, lang)):
                changed[owner.id, lang] = current
    counts: dict[Lang, Counter[str]] = {lang: Counter() for lang in LANGUAGES}
    for _, item in doc.located():
        counted: Owner = by_id[item.id] if getattr(item, "origin", None) is not None else by_id[doc.id]
        for lang in LANGUAGES:
            counts[lang][counted.origins.status(lang)] += 1
            counts[lang]["outdated"] += (counted.id, lang) in changed
    stale = []
    for (owner_id, lang), current in sorted(changed.items()):
        owner = by_id[owner_id]
        line, _ = position(parsed.data, (*owner.loc, lang))
        stale.append(Stale(path, line, owner_id, lang, owner.origins.fingerprint(lang) or "", current))
    notes = ([(doc.id, doc.note)] if getattr(doc, "note", None) else []) + [(item.id, item.note) for _, item in doc.located() if getattr(item, "note", None)]
    return FileStatus(path, doc.kind, counts, stale, notes)


def statuses_by_file(project: Project) -> dict[str, FileStatus]:
    """The status of every data file, by file id."""
    return {file_id: file_status(project.documents[file_id], doc) for file_id, doc in project.docs.items()}


def in_path_order(statuses: dict[str, FileStatus]) -> list[FileStatus]:
    """The statuses of the data files (`statuses_by_file`), in path order."""
    return sorted(statuses.values(), key=lambda s: s.path)


def project_status(project: Project) -> list[FileStatus]:
    """The status of every data file, in path order."""
    return in_path_order(statuses_by_file(project))


def page_notices(statuses: dict[str, FileStatus], shown: list[str], lang: Lang, page_origin: str | None) -> list[str]:
    """What a page should tell readers in `lang`: `translated` (not yet reviewed) and/or `outdated`."""
    found = [statuses[file_id] for file_id in shown if file_id in statuses and KINDS[statuses[file_id].kind].content]
    notices = []
    if (page_origin or "").startswith("translated") or any(status.counts[lang]["translated"] for status in found):
        notices.append("translated")
    if any(status.counts[lang]["outdated"] for status in found):
        notices.append("outdated")
    return notices


def totals(statuses: list[FileStatus]) -> dict[Lang, Counter[str]]:
    """The counts summed over every file."""
    summed: dict[Lang, Counter[str]] = {lang: Counter() for lang in LANGUAGES}
    for status in statuses:
        for lang in LANGUAGES:
            summed[lang].update(status.counts[lang])
    return summed


def as_text(statuses: list[FileStatus]) -> str:
    """A plain-text table, the outdated translations, then the editors' notes."""
    width = max([len(status.path) for status in statuses] + [5]) + 2
    cell = lambda counts: "/".join(str(counts[state]) for state in STATES)  # noqa: E731
    lines = [f"{'file':<{width}}" + "".join(f"{lang + ': src/tr/rev/out':>22}" for lang in LANGUAGES)]
    lines += [f"{status.path:<{width}}" + "".join(f"{cell(status.counts[lang]):>22}" for lang in LANGUAGES) for status in statuses]
    summed = totals(statuses)
    lines.append(f"{'total':<{width}}" + "".join(f"{cell(summed[lang]):>22}" for lang in LANGUAGES))
    if stale := [str(entry) for status in statuses for entry in status.stale]:
        lines += ["", "outdated translations:", *stale]
    if notes := [f"{status.path}: {item_id}: {note}" for status in statuses for item_id, note in status.notes]:
        lines += ["", "editors' notes:", *notes]
    return "\n".join(lines)


def as_markdown(statuses: list[FileStatus]) -> str:
    """A Markdown table for a pull request's summary: per file and language, then the outdated translations."""
    header = "| file | " + " | ".join(f"{lang} source / translated / reviewed / outdated" for lang in LANGUAGES) + " |"
    lines = ["## Translation status", "", header, "|---|" + "---:|" * len(LANGUAGES)]
    for status in statuses:
        lines.append(f"| `{status.path}` | " + " | ".join(" / ".join(str(status.counts[lang][s]) for s in STATES) for lang in LANGUAGES) + " |")
    summed = totals(statuses)
    lines.append("| **total** | " + " | ".join(" / ".join(str(summed[lang][s]) for s in STATES) for lang in LANGUAGES) + " |")
    if stale := [entry for status in statuses for entry in status.stale]:
        lines += ["", "### Outdated translations", ""] + [f"- `{entry.path}:{entry.line}` {entry.id} ({entry.lang})" for entry in stale]
    return "\n".join(lines)


def as_json(statuses: list[FileStatus]) -> str:
    """The same figures as JSON."""
    data = {
        "files": [{"path": s.path, "kind": s.kind, "languages": {lang: {state: s.counts[lang][state] for state in STATES} for lang in LANGUAGES}} for s in statuses],
        "totals": {lang: {state: count[state] for state in STATES} for lang, count in totals(statuses).items()},
        "outdated": [{"path": e.path, "line": e.line, "id": e.id, "lang": e.lang, "recorded": e.recorded, "current": e.current} for s in statuses for e in s.stale],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


FORMATS = {"text": as_text, "markdown": as_markdown, "json": as_json}
