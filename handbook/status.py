"""Translation status: per file and language, how many items are source, translated, reviewed or missing."""

from collections import Counter
from dataclasses import dataclass

from handbook.languages import LANGUAGES, Lang
from handbook.model import DataDoc
from handbook.project import Project

STATES = ("source", "translated", "reviewed")


@dataclass(frozen=True)
class FileStatus:
    """Counts of items by language and state for one data file, with its editors' notes."""

    path: str
    counts: dict[Lang, Counter[str]]
    notes: list[tuple[str, str]]


def file_status(path: str, doc: DataDoc) -> FileStatus:
    """Count each item's state (its own origin, else the file's) in every language."""
    counts: dict[Lang, Counter[str]] = {lang: Counter() for lang in LANGUAGES}
    for _, item in doc.located():
        origin = getattr(item, "origin", None) or doc.origin
        for lang in LANGUAGES:
            counts[lang][origin.status(lang)] += 1
    notes = ([(doc.id, doc.note)] if getattr(doc, "note", None) else []) + [(item.id, item.note) for _, item in doc.located() if getattr(item, "note", None)]
    return FileStatus(path, counts, notes)


def project_status(project: Project) -> list[FileStatus]:
    """The status of every data file, in path order."""
    return sorted((file_status(project.paths[file_id], doc) for file_id, doc in project.docs.items()), key=lambda s: s.path)


def format_status(statuses: list[FileStatus]) -> str:
    """A plain-text table, then the editors' notes."""
    width = max([len(status.path) for status in statuses] + [5]) + 2
    header = f"{'file':<{width}}" + "".join(f"{lang + ': src/tr/rev':>18}" for lang in LANGUAGES)
    lines = [header]
    totals: dict[Lang, Counter[str]] = {lang: Counter() for lang in LANGUAGES}
    for status in statuses:
        cells = ""
        for lang in LANGUAGES:
            totals[lang].update(status.counts[lang])
            cells += f"{'/'.join(str(status.counts[lang][s]) for s in STATES):>18}"
        lines.append(f"{status.path:<{width}}{cells}")
    lines.append(f"{'total':<{width}}" + "".join(f"{'/'.join(str(totals[lang][s]) for s in STATES):>18}" for lang in LANGUAGES))
    notes = [f"{status.path}: {item_id}: {note}" for status in statuses for item_id, note in status.notes]
    if notes:
        lines += ["", "editors' notes:", *notes]
    return "\n".join(lines)
