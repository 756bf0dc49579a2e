"""Open data: every data file as JSON and CSV, all three languages side by side."""

import csv
import io
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from handbook.model import DataDoc, StringsDoc
from handbook.project import Project

FORMATS = ("json", "csv")
PRIVATE = {"note"}  # editors' notes are not published


def as_json(doc: DataDoc) -> str:
    """The file's content as JSON (editors' notes left out)."""
    return json.dumps(_public(doc.model_dump(mode="json", exclude_none=True)), ensure_ascii=False, indent=2) + "\n"


def _public(value: Any) -> Any:
    """The data without editors' notes, at any depth."""
    if isinstance(value, dict):
        return {key: _public(inner) for key, inner in value.items() if key not in PRIVATE}
    if isinstance(value, list):
        return [_public(inner) for inner in value]
    return value


def _flatten(value: Any, prefix: str = "") -> dict[str, str]:
    """Nested fields as `a.b.c` columns; lists joined one value per line."""
    if isinstance(value, dict):
        return {k: v for key, inner in value.items() for k, v in _flatten(inner, f"{prefix}.{key}" if prefix else key).items()}
    if isinstance(value, list):
        columns: dict[str, list[str]] = {}
        for element in value:
            for key, text in _flatten(element, prefix).items():
                columns.setdefault(key, []).append(text)
        return {key: "\n".join(texts) for key, texts in columns.items()}
    return {prefix: "" if value is None else str(value)}


def as_csv(doc: DataDoc) -> str:
    """One row per item, one column per field and language (e.g. `term.kk`, `definition.ru`)."""
    rows = [_flatten(item.model_dump(mode="json", exclude=PRIVATE, exclude_none=True)) for _, item in doc.located()]
    columns = list(dict.fromkeys(column for row in rows for column in row))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


RENDERERS = {"json": as_json, "csv": as_csv}


def exported(project: Project, formats: Iterable[str] = FORMATS) -> Iterator[tuple[str, str, str]]:
    """Every content file (not the interface strings) in each format: its id, the format and the text."""
    for file_id, doc in sorted(project.docs.items()):
        if not isinstance(doc, StringsDoc):
            for fmt in formats:
                yield file_id, fmt, RENDERERS[fmt](doc)


def export_all(project: Project, out: Path, formats: Iterable[str] = FORMATS) -> list[Path]:
    """Write `<file id>.<format>` for every content file into `out`."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for file_id, fmt, text in exported(project, formats):
        target = out / f"{file_id}.{fmt}"
        target.write_text(text, encoding="utf-8")
        written.append(target)
    return written
