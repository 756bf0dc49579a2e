"""Search in the reader's language: one index per language under that language's root (search/, ru/search/,
en/search/), made from the index Material's search plugin writes for that language's build. Each index names its
language, whose lunr stemmer the search worker (overrides/assets/javascripts/workers/handbook-search.js) uses, and,
for a language readers also type in Latin letters, the keys that fold both scripts to one."""

import json
from html import escape
from pathlib import Path
from typing import Any

from handbook import latin
from handbook.fingerprint import texts
from handbook.languages import TYPED_IN_LATIN, Lang, url_prefix
from handbook.render import Renderer

PIPELINE = ["trimmer", "stopWordFilter", "stemmer"]  # Material drops whichever of these the config does not name
# Words are runs of letters and digits (Latin, its accented letters, Cyrillic with Kazakh's letters, combining
# marks); everything else separates them, HTML entities included, and so does a full stop not followed by a digit
# (standard "2.1" stays one word). Material's default splits only at spaces and hyphens, so "мектеп/сынып" and
# "(бұдан" were words of their own that no query found. No \p{L}: Material compiles this without the `u` flag.
SEPARATOR = r"&(?:amp|lt|gt|quot|#x?[0-9a-fA-F]+);|\.(?!\d)|[^0-9A-Za-z\u00C0-\u024F\u0300-\u036F\u0400-\u052F&.]+|&"


# Where several items share a name ("Leadership" is a term, a rubric theme and a box of a figure), the term's
# definition comes first: lunr multiplies an entry's weights by its boost.
TERM_BOOST = 2


def settings(root: Path, lang: Lang) -> dict[str, object]:
    """What the search worker needs to know of a language beyond its stemmer: for one readers also type in Latin
    letters, the keys both scripts fold to."""
    return {"keys": latin.load(root).search_keys()} if lang in TYPED_IN_LATIN else {}


def item_entries(renderer: Renderer, lang: Lang) -> list[dict[str, Any]]:
    """A search entry for every named item of the data (a term, a factor, a standard…) at its anchor on its page,
    so that results show the item and not only the page."""
    entries = []
    for file_id, doc in renderer.project.docs.items():
        if not doc.content or file_id not in renderer.site.homes:
            continue
        slug = renderer.site.homes[file_id]
        for _, item in doc.located():
            names = [getattr(item, field) for field in ("name", "term") if getattr(item, field, None)]
            if not names:
                continue  # an unnamed item is found through its page
            body = " ".join(text.in_(lang) for text in texts(item) if text not in names)
            location = renderer.urls.page(lang, slug, item.id).removeprefix(url_prefix(lang))
            entry = {"location": location, "title": escape(renderer.label(lang, item.id, 80)), "text": escape(body)}
            entries.append(entry | ({"boost": TERM_BOOST} if doc.kind == "glossary" else {}))
    return entries


def language_index(built: dict[str, Any], items: list[dict[str, Any]], lang: Lang, root: Path) -> dict[str, Any]:
    """A language's own index from the one Material wrote for its build (`built`): locations relative to the
    language's root, the items' own entries (where the page has a section at that anchor already, only the item's
    boost), and the language's settings (from the project at `root`)."""
    prefix = url_prefix(lang)
    boosts = {entry["location"]: entry["boost"] for entry in items if "boost" in entry}
    docs = [{**doc, "location": (location := doc["location"].removeprefix(prefix))} | ({"boost": boosts[location]} if location in boosts else {}) for doc in built["docs"]]
    known = {doc["location"] for doc in docs}
    docs += [entry for entry in items if entry["location"] not in known]
    config = {**built["config"], "lang": [lang], "separator": SEPARATOR, "pipeline": PIPELINE}
    return {"config": {**config, "handbook": settings(root, lang)}, "docs": docs}


def as_json(index: dict[str, Any]) -> str:
    """An index as Material's worker reads it."""
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))


def as_script(index: dict[str, Any]) -> str:
    """An index as the script Material loads instead through file://, where a page may not fetch JSON."""
    return f"var __index = {as_json(index)}"
