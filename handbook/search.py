"""Search in the reader's language: the one index static-i18n merges for every language, split into one index per
language under that language's root (search/, ru/search/, en/search/), each with its own stemmer."""

import json
from pathlib import Path

from handbook.languages import DEFAULT_LANGUAGE, LANGUAGES, url_prefix

INDEX = Path("search") / "search_index.json"
PIPELINE = ["trimmer", "stopWordFilter", "stemmer"]  # Material drops whichever of these the config does not name


def language_of(location: str) -> str:
    """The language of a page, by its location below the site root (`ru/evidence/` is Russian)."""
    first = location.split("/", 1)[0]
    return first if first in LANGUAGES and first != DEFAULT_LANGUAGE else DEFAULT_LANGUAGE


def split_index(site_dir: Path) -> dict[str, int]:
    """Write each language's own index, its locations relative to its root; the number of entries by language."""
    merged = json.loads((site_dir / INDEX).read_text("utf-8"))
    counts = {}
    for lang in LANGUAGES:
        prefix = url_prefix(lang)
        docs = [{**doc, "location": doc["location"].removeprefix(prefix)} for doc in merged["docs"] if language_of(doc["location"]) == lang]
        index = {"config": {**merged["config"], "lang": [lang], "pipeline": PIPELINE}, "docs": docs}
        target = site_dir / prefix / INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), "utf-8")
        counts[lang] = len(docs)
    return counts
