"""Search in the reader's language: the one index static-i18n merges for every language, split into one index per
language under that language's root (search/, ru/search/, en/search/). Each index names its language, whose lunr
stemmer the search worker (overrides/assets/javascripts/workers/handbook-search.js) uses, and, for a language
readers also type in Latin letters, the keys that fold both scripts to one."""

import json
from html import escape
from pathlib import Path
from typing import Any

from handbook import latin
from handbook.fingerprint import texts
from handbook.languages import DEFAULT_LANGUAGE, LANGUAGES, TYPED_IN_LATIN, Lang, url_prefix
from handbook.render import Renderer

INDEX = Path("search") / "search_index.json"
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


def language_of(location: str) -> str:
    """The language of a page, by its location below the site root (`ru/evidence/` is Russian)."""
    first = location.split("/", 1)[0]
    return first if first in LANGUAGES and first != DEFAULT_LANGUAGE else DEFAULT_LANGUAGE


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
            location = f"{slug}/#{item.id}" if slug else f"#{item.id}"
            entry = {"location": location, "title": escape(renderer.label(lang, item.id, 80)), "text": escape(body)}
            entries.append(entry | ({"boost": TERM_BOOST} if doc.kind == "glossary" else {}))
    return entries


def split_index(site_dir: Path, items: dict[str, list[dict[str, Any]]], root: Path) -> dict[str, int]:
    """Write each language's own index, its locations relative to its root, with the items' own entries (where the
    page has a section at that anchor already, only the item's boost) and the language's settings (from the project
    at `root`); the number of entries by language."""
    merged = json.loads((site_dir / INDEX).read_text("utf-8"))
    counts = {}
    for lang in LANGUAGES:
        prefix = url_prefix(lang)
        boosts = {entry["location"]: entry["boost"] for entry in items.get(lang, []) if "boost" in entry}
        docs = [{**doc, "location": (location := doc["location"].removeprefix(prefix))} | ({"boost": boosts[location]} if location in boosts else {})
                for doc in merged["docs"] if language_of(doc["location"]) == lang]
        known = {doc["location"] for doc in docs}
        docs += [entry for entry in items.get(lang, []) if entry["location"] not in known]
        config = {**merged["config"], "lang": [lang], "separator": SEPARATOR, "pipeline": PIPELINE}
        index = {"config": {**config, "handbook": settings(root, lang)}, "docs": docs}
        target = site_dir / prefix / INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), "utf-8")
        counts[lang] = len(docs)
    return counts
