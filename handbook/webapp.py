"""The handbook as an app a phone installs: each language's web app manifest, opening full-screen at that
language's root, named in that language."""

import json

from handbook.languages import Lang
from handbook.urls import Urls, root_of

THEME_COLOUR = "#4051b5"  # Material's indigo, the site's primary colour (mkdocs.yml)
ICONS = (  # drawn from overrides/assets/images/icon.svg
    ("assets/images/icon-192.png", "192x192", "any"),
    ("assets/images/icon-512.png", "512x512", "any"),
    ("assets/images/icon-maskable-512.png", "512x512", "maskable"),
)


def manifest(lang: Lang, name: str, short_name: str, description: str) -> str:
    """A language's manifest: its addresses are relative to the manifest, which lies at the language's root."""
    root = root_of(Urls.manifest(lang))
    body = {
        "id": "./",
        "name": name,
        "short_name": short_name,
        "description": description,
        "lang": lang,
        "dir": "ltr",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "theme_color": THEME_COLOUR,
        "background_color": "#ffffff",
        "icons": [{"src": root + src, "sizes": sizes, "type": "image/png", "purpose": purpose} for src, sizes, purpose in ICONS],
    }
    return json.dumps(body, ensure_ascii=False, indent=2)
