"""Read YAML data files, keeping the line and column of every node."""

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError

from handbook.problems import Problem, ValidationFailed

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Document:
    """A parsed YAML file: its path as editors see it and its round-trip data."""

    path: str
    data: Any


def read_yaml(path: Path, shown: str) -> Document:
    """Parse one UTF-8 YAML file, or raise ValidationFailed naming the line and column."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        col = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        message = f"the file is not UTF-8 (byte 0x{raw[error.start]:02x}); save it as UTF-8"
        raise ValidationFailed([Problem(shown, line, col, "encoding", message)]) from None
    yaml = YAML(typ="rt", pure=True)
    yaml.allow_duplicate_keys = False
    try:
        data = yaml.load(text.removeprefix("\ufeff"))
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = " ".join(str(part) for part in (error.context, error.problem) if part)
        raise ValidationFailed([Problem(shown, line, col, "yaml", message)]) from None
    return Document(shown, data)


def position(node: Any, loc: Loc, *, at_key: bool = False) -> tuple[int, int]:
    """The 1-based line and column of the node at `loc` (or of its nearest existing parent)."""
    line, col = (node.lc.line, node.lc.col) if hasattr(node, "lc") else (0, 0)
    for depth, part in enumerate(loc):
        last = depth == len(loc) - 1
        if isinstance(node, CommentedMap) and part in node:
            line, col = node.lc.key(part) if (last and at_key) else node.lc.value(part)
            node = node[part]
        elif isinstance(node, CommentedSeq) and isinstance(part, int) and 0 <= part < len(node):
            line, col = node.lc.item(part)
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
