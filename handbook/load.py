"""Read YAML data files with libyaml, keeping the line and column of every key, value and list item."""

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from handbook.problems import Loc, Problem, ValidationFailed

Position = tuple[int, int]  # 0-based line and column, as YAML marks count


class Mapping(dict):
    """A YAML mapping that remembers where it, its keys and its values stand."""

    at: Position = (0, 0)
    keys_at: dict[Any, Position]
    values_at: dict[Any, Position]


class Sequence(list):
    """A YAML sequence that remembers where it and its items stand."""

    at: Position = (0, 0)
    items_at: list[Position]


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The safe loader (libyaml when present), with positions, duplicate keys refused, and only true/false as booleans."""


def _mark(node: yaml.Node) -> Position:
    return node.start_mark.line, node.start_mark.column


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> Mapping:
    loader.flatten_mapping(node)
    mapping = Mapping()
    mapping.at, mapping.keys_at, mapping.values_at = _mark(node), {}, {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in mapping:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.keys_at[key], mapping.values_at[key] = _mark(key_node), _mark(value_node)
    return mapping


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> Sequence:
    sequence = Sequence(loader.construct_object(child, deep=True) for child in node.value)
    sequence.at, sequence.items_at = _mark(node), [_mark(child) for child in node.value]
    return sequence


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)
_BOOL = "tag:yaml.org,2002:bool"
_Loader.yaml_implicit_resolvers = {first: [(tag, regexp) for tag, regexp in resolvers if tag != _BOOL] for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
_Loader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


@dataclass(frozen=True)
class Document:
    """A parsed YAML file: its path as editors see it and its data, with positions."""

    path: str
    data: Any


def not_utf8(shown: str, raw: bytes, error: UnicodeDecodeError) -> Problem:
    """A file that is not UTF-8, reported at its first bad byte (line, and column in characters)."""
    line_start = raw.rfind(b"\n", 0, error.start) + 1
    col = len(raw[line_start : error.start].decode("utf-8", errors="replace")) + 1
    message = f"the file is not UTF-8 (byte 0x{raw[error.start]:02x}); save it as UTF-8"
    return Problem(shown, raw.count(b"\n", 0, error.start) + 1, col, "encoding", message)


@lru_cache(maxsize=256)
def _parse(text: str) -> Any:
    """A YAML text parsed, once per process for the same text (`mkdocs serve` and the checks read unchanged files
    again and again); what it returns is read, never changed."""
    return yaml.load(text, Loader=_Loader)


def read_yaml(path: Path, shown: str) -> Document:
    """Parse one UTF-8 YAML file, or raise ValidationFailed naming the line and column."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ValidationFailed([not_utf8(shown, raw, error)]) from None
    try:
        data = _parse(text.removeprefix("\ufeff"))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = " ".join(str(part) for part in (error.context, error.problem) if part)
        raise ValidationFailed([Problem(shown, line, col, "yaml", message)]) from None
    return Document(shown, data)


def position(node: Any, loc: Loc, *, at_key: bool = False) -> tuple[int, int]:
    """The 1-based line and column of the node at `loc` (or of its nearest existing parent)."""
    line, col = getattr(node, "at", (0, 0))
    for depth, part in enumerate(loc):
        last = depth == len(loc) - 1
        if isinstance(node, Mapping) and part in node:
            line, col = node.keys_at[part] if (last and at_key) else node.values_at[part]
            node = node[part]
        elif isinstance(node, Sequence) and isinstance(part, int) and 0 <= part < len(node):
            line, col = node.items_at[part]
            node = node[part]
        else:
            break
    return line + 1, col + 1


def field_path(loc: Loc) -> str:
    """Show a location as editors write it: `items[2].name.kk`."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(file)"
