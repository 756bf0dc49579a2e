"""The offline copy: the same site, readable from a USB stick or a folder (file://) with no server and no internet.
A browser shows a folder, not its index.html, for a directory link, and may neither fetch JSON nor start a Web
Worker from file://; so every link into a folder names its index.html, each language's search index is also
written as a script (Material loads search/search_index.js on file://), and the search worker runs in an iframe."""

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

from handbook.languages import LANGUAGES, url_prefix
from handbook.search import INDEX

ENV = "HANDBOOK_OFFLINE"  # set to 1 by `handbook offline`; mkdocs.yml passes it on as extra.offline
_LINK = re.compile(r'\b(href|src)="([^"]*)"')


def local_href(href: str) -> str:
    """A relative link into a folder made to name the folder's index.html (`../ru/` → `../ru/index.html`)."""
    parts = urlsplit(href)
    path = parts.path
    if parts.scheme or parts.netloc or not path or path.startswith("/"):
        return href  # another host, the site's absolute root (never used here) or this very page
    if path.rsplit("/", 1)[-1] in (".", ".."):
        path += "/"
    elif not path.endswith("/"):
        return href  # a file
    return f"{path}index.html{href[len(parts.path):]}"


def rewrite_links(html: str) -> str:
    """Every relative link into a folder in a page made to name the folder's index.html."""
    return _LINK.sub(lambda match: f'{match[1]}="{local_href(match[2])}"', html)


def write_offline(site_dir: Path) -> int:
    """Make a built site readable from file://; the number of pages rewritten."""
    pages = 0
    for page in site_dir.rglob("*.html"):
        html = page.read_text("utf-8")
        if (changed := rewrite_links(html)) != html:
            page.write_text(changed, "utf-8")
            pages += 1
    for lang in LANGUAGES:
        index = site_dir / url_prefix(lang) / INDEX
        if index.is_file():
            data = json.loads(index.read_text("utf-8"))
            for doc in data["docs"]:
                doc["location"] = local_href("./" + doc["location"])  # relative to the language root
            text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
            index.write_text(text, "utf-8")
            index.with_suffix(".js").write_text(f"var __index = {text}", "utf-8")
    return pages
