"""Screenshots of what a change does, for reviewers who run nothing: each page `handbook diff` names (at the changed
item's anchor), before and after, on a desktop and on a phone, taken in chromium from the two sides' real builds.
Both sides are built with this checkout's code, so what differs is the content (the data, pages and templates)."""

import functools
import re
import shutil
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from handbook.changes import Report
from handbook.diff import checked_out, diff
from handbook.site import build_site

SIZES = {"desktop": (1280, 900), "phone": (360, 740)}
MOST = 24  # addresses shot at the most (each on both sides and both sizes); the rest are named, not shot


class QuietHandler(SimpleHTTPRequestHandler):
    """A file server that keeps its log to itself."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (the base class's name)
        """Nothing."""


@contextmanager
def serving(site: Path, handler: type[SimpleHTTPRequestHandler] = QuietHandler) -> Iterator[str]:
    """A folder (a built site) served on a free loopback port while the block runs, by `handler`: its address."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def addresses(report: Report) -> list[tuple[str, str]]:
    """The pages a report names, below the site root, each once, at the anchor of its first change named: (before,
    after), which differ for an item renamed (its old id). PDFs are left out: they are in the built site."""
    found: dict[str, tuple[str, str]] = {}
    for change in [*report.data, *report.pages]:
        for address in change.where:
            path = re.sub(r"^[a-z]+://[^/]+/|^/", "", address)
            was = path.replace(f"#{change.id}", f"#{change.renamed_from}") if change.renamed_from else path
            if not path.split("#")[0].endswith(".pdf"):
                found.setdefault(path.split("#")[0], (was, path))
    return list(found.values())


def _has(site: Path, address: str) -> bool:
    """Whether a built site has the page at an address (a folder's index.html)."""
    path = address.split("#")[0]
    return (site / path / "index.html").is_file() if path == "" or path.endswith("/") else (site / path).is_file()


def _name(n: int, address: str, side: str, size: str) -> str:
    """A screenshot's file name: its number, page, side and size (the files sort by page, then side)."""
    page = re.sub(r"[^\w-]+", "-", address.split("#")[0]).strip("-") or "home"
    return f"{n:02d}-{page}-{side}-{size}.png"


def take(root: Path, base: str, head: str | None, out: Path, chromium: str) -> list[Path]:
    """Shoot every page the diff between `base` and `head` names, on both sides and at both sizes, into `out`
    (emptied first); the files written, and `out/pages.txt` listing each address with its files."""
    from playwright.sync_api import sync_playwright

    report = diff(root, base, head)
    shots = addresses(report)
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    written: list[Path] = []
    listing = [f"{report.base} → {report.head}: {len(shots)} page(s)" + (f", the first {MOST} shot" if len(shots) > MOST else "")]
    with tempfile.TemporaryDirectory(prefix="handbook-shots-") as folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        sites = {}
        for side, revision in (("before", base), ("after", head)):
            with checked_out(root, revision) as tree:
                sites[side] = Path(folder) / side
                if build_site(tree, sites[side]):
                    raise RuntimeError(f"the {side} side did not build")
        for side, site in sites.items():
            with serving(site) as served:
                for n, pair in enumerate(shots[:MOST], 1):
                    address = pair[side == "after"]
                    if not _has(site, address):  # a page the change adds, or removes
                        continue
                    for size, (width, height) in SIZES.items():
                        page = browser.new_page(viewport={"width": width, "height": height})
                        page.goto(served + address, wait_until="networkidle")
                        target = out / _name(n, address, side, size)
                        page.screenshot(path=str(target))
                        page.close()
                        written.append(target)
        browser.close()
    for n, (_, address) in enumerate(shots, 1):
        files = sorted(p.name for p in written if p.name.startswith(f"{n:02d}-"))
        listing.append(f"/{address}: " + (", ".join(files) if files else "not shot"))
    (out / "pages.txt").write_text("\n".join(listing) + "\n", "utf-8")
    return written
