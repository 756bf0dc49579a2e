"""Suggestions for misspelt names: the closest valid id, field, kind or macro."""

import difflib
from collections.abc import Iterable
from functools import lru_cache
from typing import Any


def did_you_mean(word: object, candidates: Iterable[str]) -> str:
    """`; did you mean `x`?` for the closest candidate, or '' when none is close."""
    if not isinstance(word, str):
        return ""
    found = difflib.get_close_matches(word, sorted(set(candidates)), n=1, cutoff=0.6)
    return f"; did you mean `{found[0]}`?" if found else ""


@lru_cache(maxsize=32)
def _schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of a kind of data file (the one `handbook schema` writes)."""
    from handbook.model import KINDS

    return KINDS[kind].model_json_schema()


def _resolve(node: dict[str, Any], defs: dict[str, Any], want: str) -> dict[str, Any]:
    """Follow $ref and pick the anyOf branch that is an `object` or an `array`, as `want` says."""
    while True:
        if "$ref" in node:
            node = defs[node["$ref"].rsplit("/", 1)[-1]]
        elif "anyOf" in node:
            branches = [_resolve(branch, defs, want) for branch in node["anyOf"]]
            node = next((b for b in branches if b.get("type") == want), branches[0])
        else:
            return node


def fields_at(kind: str, loc: tuple[str | int, ...]) -> set[str]:
    """The field names allowed in the object at `loc` (a pydantic location) of a file of `kind`."""
    schema = _schema(kind)
    defs = schema.get("$defs", {})
    node = schema
    for part in loc:
        if isinstance(part, int):
            node = _resolve(node, defs, "array").get("items", {})
        else:
            node = _resolve(node, defs, "object")
            node = node.get("properties", {}).get(part) or node.get("additionalProperties") or {}
    return set(_resolve(node, defs, "object").get("properties", {}))
