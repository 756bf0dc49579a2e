"""JSON Schemas for editors' autocompletion, of the readers' self-assessment file and of `handbook diff`'s report,
generated from the models (never written by hand)."""

import json
from pathlib import Path

from pydantic import TypeAdapter

from handbook.assess import AnswersFile
from handbook.changes import Report
from handbook.model import KINDS

SCHEMAS = Path("schemas")


def schema_texts() -> dict[str, str]:
    """The JSON Schema of every kind of data file, by file name."""
    texts = {}
    for kind, model in KINDS.items():
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **model.model_json_schema()}
        texts[f"{kind}.schema.json"] = json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
    answers = {"$schema": "https://json-schema.org/draft/2020-12/schema", **AnswersFile.model_json_schema()}
    texts["self-assessment.schema.json"] = json.dumps(answers, ensure_ascii=False, indent=2) + "\n"  # the readers' export
    report = {"$schema": "https://json-schema.org/draft/2020-12/schema", **TypeAdapter(Report).json_schema()}
    texts["diff.schema.json"] = json.dumps(report, ensure_ascii=False, indent=2) + "\n"  # `handbook diff --format json`
    return texts


def stale_schemas(root: Path) -> list[str]:
    """Schema files that differ from what the model generates (or are missing, or left over)."""
    folder = root / SCHEMAS
    texts = schema_texts()
    stale = [name for name, text in texts.items() if not (folder / name).is_file() or (folder / name).read_text("utf-8") != text]
    return stale + sorted(p.name for p in folder.glob("*.schema.json") if p.name not in texts)


def write_schemas(root: Path) -> list[str]:
    """Write every schema; remove schemas of kinds that no longer exist; return the names written."""
    folder = root / SCHEMAS
    folder.mkdir(exist_ok=True)
    texts = schema_texts()
    for leftover in folder.glob("*.schema.json"):
        if leftover.name not in texts:
            leftover.unlink()
    for name, text in texts.items():
        (folder / name).write_text(text, "utf-8")
    return sorted(texts)
