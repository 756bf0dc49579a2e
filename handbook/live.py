"""What an edit touches, for `mkdocs serve`: the languages whose pages it changes. The others keep what was built
before, so an edit to one language's page or text shows after that language's build, not after all three."""

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from handbook.languages import LANGUAGES, Lang
from handbook.render import Site
from handbook.status import FileStatus

# What a build reads besides the code: a change anywhere else here (the theme, a template, mkdocs.yml, the Latin
# table) may change every language; a page changes its own language; a data file, the languages whose texts it
# changed (`digest`).
SOURCES = ("docs", "data", "glossary.yml", "kazakh-latin.yml", "released-ids.yml", "macros", "overrides", "mkdocs.yml")
Snapshot = dict[str, tuple[int, int]]


def snapshot(root: Path) -> Snapshot:
    """Every source file's modification time and size, by its path below `root`."""
    found: Snapshot = {}
    for name in SOURCES:
        for path in [root / name, *sorted((root / name).rglob("*"))] if (root / name).is_dir() else [root / name]:
            if path.is_file():
                stat = path.stat()
                found[path.relative_to(root).as_posix()] = (stat.st_mtime_ns, stat.st_size)
    return found


def _in_language(value: Any, lang: Lang) -> Any:
    """Data as one language's pages see it: every text (and origin) in that language only, with its corrections."""
    if isinstance(value, dict):
        if set(value) - {"printed"} and set(value) - {"printed"} <= set(LANGUAGES):
            text, printed = _in_language(value.get(lang), lang), value.get("printed", {}).get(lang)
            return [text, printed] if printed else text
        return {key: _in_language(inner, lang) for key, inner in value.items()}
    if isinstance(value, list):
        return [_in_language(inner, lang) for inner in value]
    return value


def digest(site: Site, statuses: Iterable[FileStatus], lang: Lang) -> str:
    """A fingerprint of everything of the data that one language's pages show: the data in that language, which
    page shows each file, the pages' titles in it, and the translation status (the editors' page shows every
    language's, and a changed source makes its translations outdated)."""
    data = {file_id: _in_language(doc.model_dump(mode="json", exclude_none=True), lang) for file_id, doc in sorted(site.project.docs.items())}
    status = [(s.path, {language: sorted(s.counts[language].items()) for language in LANGUAGES}, sorted((x.id, x.lang) for x in s.stale)) for s in statuses]
    seen = {"data": data, "homes": site.homes, "titles": site.titles.get(lang, {}), "indexes": sorted(site.indexes), "status": status}
    return hashlib.sha256(json.dumps(seen, ensure_ascii=False, sort_keys=True, default=str).encode()).hexdigest()


def touched(before: Snapshot | None, after: Snapshot, digests_before: dict[Lang, str], digests_after: dict[Lang, str]) -> set[Lang]:
    """The languages whose pages an edit changes, from the sources before and after it (every language when
    nothing was built before)."""
    if before is None:
        return set(LANGUAGES)
    languages: set[Lang] = {lang for lang in LANGUAGES if digests_before.get(lang) != digests_after.get(lang)}
    for path in sorted(set(before) | set(after)):
        if before.get(path) == after.get(path):
            continue
        parts = path.split("/")
        if parts[0] == "docs" and len(parts) > 2 and parts[1] in LANGUAGES:
            languages.add(parts[1])
        elif not (parts[0] == "data" or path == "glossary.yml"):
            return set(LANGUAGES)
    return languages
