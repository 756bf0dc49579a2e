"""The data drawn as HTML, kept between builds. A build draws every data file on its page and every piece of the
data for the session builder, in every language: the same HTML as last time unless something it is drawn from
changed. So what the renderer draws is kept in the user's temporary folder, under the digest of everything a
drawing depends on: the data's files, the templates, the handbook's code, the pages' titles and homes, and the
site's address style. Any change to any of them gives another digest, and everything is drawn anew; the files
of other digests are removed but the few newest (other copies of the project, another address style)."""

import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import jinja2
import markupsafe

from handbook.timing import timed

KEPT = 6  # files kept for other digests: the project's copies and styles (built with and without folders, offline)
_CODE = Path(__file__).parent


def folder() -> Path:
    """Where the drawings are kept: $HANDBOOK_DRAWINGS, else a folder of the user's temporary directory."""
    return Path(os.environ.get("HANDBOOK_DRAWINGS") or Path(tempfile.gettempdir()) / f"handbook-drawings-{os.getuid()}")


def digest(files: list[Path], templates: Path, state: object) -> str:
    """The digest of everything drawings depend on: the data's `files`, every template, the handbook's code and the
    libraries that escape, and `state` (the pages' titles and homes, the address style) by its repr."""
    sha = hashlib.sha256(repr((jinja2.__version__, markupsafe.__version__, state)).encode())
    for path in [*sorted(files), *sorted(p for p in templates.rglob("*") if p.is_file()), *sorted(_CODE.glob("*.py"))]:
        sha.update(path.as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return sha.hexdigest()[:32]


class Drawings(dict[str, str]):
    """The HTML drawn for one digest, by what was drawn (a key the renderer makes); read from disk when a build with
    the same digest kept it, and written back at the end of a build that drew something new."""

    def __init__(self, key: str = "") -> None:
        super().__init__()
        self.key = key
        self.added = False
        if key:
            with timed("kept"):
                try:
                    self.update(json.loads((folder() / f"{key}.json").read_text("utf-8")))
                except (OSError, ValueError):
                    pass  # nothing kept (or unreadable): drawn anew

    def drawn(self, what: tuple[str, ...], draw: Callable[[], str]) -> str:
        """The HTML of `what`, drawn by `draw` unless kept."""
        key = "\x1f".join(what)
        if key not in self:
            self[key] = draw()
            self.added = True
        return self[key]

    def keep(self) -> None:
        """Write what is drawn for the next build (atomically: builds may run side by side), and remove the files of
        all but the newest other digests."""
        if not self.key or not self.added:
            return
        with timed("kept"):
            target = folder()
            try:
                target.mkdir(parents=True, exist_ok=True)
                with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=target, suffix=".part", delete=False) as out:
                    json.dump(self, out, ensure_ascii=False, separators=(",", ":"))
                os.replace(out.name, target / f"{self.key}.json")
                others = sorted((p for p in target.glob("*.json") if p.stem != self.key), key=lambda p: p.stat().st_mtime, reverse=True)
                for old in others[KEPT:]:
                    old.unlink(missing_ok=True)
            except OSError:
                pass  # a read-only or full temporary folder: the next build draws again
            self.added = False
