"""Search in the reader's language: the one index static-i18n merges for every language, split into one index per
language under that language's root (search/, ru/search/, en/search/), each with its own stemmer."""

import json
from html import escape
from pathlib import Path

from handbook.fingerprint import texts
from handbook.languages import DEFAULT_LANGUAGE, LANGUAGES, Lang, url_prefix
from handbook.render import Renderer
from handbook.status import NOT_CONTENT

INDEX = Path("search") / "search_index.json"
PIPELINE = ["trimmer", "stopWordFilter", "stemmer"]  # Material drops whichever of these the config does not name


def language_of(location: str) -> str:
    """The language of a page, by its location below the site root (`ru/evidence/` is Russian)."""
    first = location.split("/", 1)[0]
    return first if first in LANGUAGES and first != DEFAULT_LANGUAGE else DEFAULT_LANGUAGE


def item_entries(renderer: Renderer, lang: Lang) -> list[dict[str, str]]:
    """A search entry for every named item of the data (a term, a factor, a standard…) at its anchor on its page,
    so that results show the item and not only the page."""
    entries = []
    for file_id, doc in renderer.project.docs.items():
        if doc.kind in NOT_CONTENT or file_id not in renderer.site.homes:
            continue
        slug = renderer.site.homes[file_id]
        for _, item in doc.located():
            names = [getattr(item, field) for field in ("name", "term") if getattr(item, field, None)]
            if not names:
                continue  # an unnamed item is found through its page
            body = " ".join(text.in_(lang) for text in texts(item) if text not in names)
            location = f"{slug}/#{item.id}" if slug else f"#{item.id}"
            entries.append({"location": location, "title": escape(renderer.label(lang, item.id, 80)), "text": escape(body)})
    return entries


def split_index(site_dir: Path, items: dict[str, list[dict[str, str]]] | None = None) -> dict[str, int]:
    """Write each language's own index, its locations relative to its root, with the items' own entries (where the
    page has no section at that anchor already); the number of entries by language."""
    merged = json.loads((site_dir / INDEX).read_text("utf-8"))
    counts = {}
    for lang in LANGUAGES:
        prefix = url_prefix(lang)
        docs = [{**doc, "location": doc["location"].removeprefix(prefix)} for doc in merged["docs"] if language_of(doc["location"]) == lang]
        known = {doc["location"] for doc in docs}
        docs += [entry for entry in (items or {}).get(lang, []) if entry["location"] not in known]
        index = {"config": {**merged["config"], "lang": [lang], "pipeline": PIPELINE}, "docs": docs}
        target = site_dir / prefix / INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), "utf-8")
        counts[lang] = len(docs)
    return counts
