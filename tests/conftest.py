"""Shared fixtures: a real `mkdocs build --strict` of the project, and scratch copies of it."""

import functools
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
LANGS = ("kk", "ru", "en")
PROJECT_PARTS = ("mkdocs.yml", "glossary.yml", "kazakh-latin.yml", "data", "docs", "macros", "overrides")
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def mkdocs_build(project: Path, site: Path) -> subprocess.CompletedProcess:
    """Run a real strict build of `project` into `site`."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)]
    return subprocess.run(command, cwd=project, env=ENV, capture_output=True, text=True)


def handbook(project: Path, *args: str) -> subprocess.CompletedProcess:
    """Run the `handbook` command in `project`."""
    command = [sys.executable, "-m", "handbook.cli", *args]
    return subprocess.run(command, cwd=project, env=ENV, capture_output=True, text=True)


def page_url(lang: str, slug: str = "") -> str:
    """The site-relative path of a page: kk at the root, the others under /<lang>/."""
    prefix = "" if lang == "kk" else f"{lang}/"
    return f"{prefix}{slug}/" if slug else prefix


def soup(site: Path, lang: str, slug: str = "") -> BeautifulSoup:
    """The parsed HTML of one built page."""
    return BeautifulSoup((site / page_url(lang, slug) / "index.html").read_text("utf-8"), "html.parser")


def copy_project(target: Path) -> Path:
    """A scratch copy of the project's sources, to break on purpose."""
    target.mkdir(parents=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, target / part)
    return target


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once for the session."""
    out = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A fresh copy of the project for one test."""
    return copy_project(tmp_path / "project")


CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves the built site without logging every request."""

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def base_url(site: Path) -> Iterator[str]:
    """The built site served on a free loopback port."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Headless chromium."""
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


NEEDS = {"browser": {"browser"}, "pdf": {"pdfs"}, "build": {"site", "offline", "project"}}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark each test by what its fixtures need (a browser, PDFs, a build), or as a unit test."""
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        needs = [mark for mark, fixtures in NEEDS.items() if used & fixtures or item.get_closest_marker(mark)]
        for mark in needs or ["unit"]:
            item.add_marker(mark)
