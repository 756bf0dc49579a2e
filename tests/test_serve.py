"""`mkdocs serve` (what `make serve` runs) serves the three languages, and shows an edit to a data file or a page
live: on the pages, the handouts' print-ready pages and in the search index of the edited language."""

import json
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import ENV, copy_project


def get(url: str) -> str:
    """A page's text, or '' while the server is not answering."""
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, text: str, seconds: float = 90) -> str:
    """Poll `url` until it contains `text`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in (page := get(url)):
            return page
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never appeared at {url}")


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """A scratch copy of the project under `mkdocs serve` on a free loopback port, shared by the tests below (each
    edits files of its own)."""
    project = copy_project(tmp_path_factory.mktemp("served") / "project")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"]
    server = subprocess.Popen(command, cwd=project, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        yield f"http://127.0.0.1:{port}/", project
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_serve_shows_three_languages_and_reloads_a_yaml_edit(served: tuple[str, Path]) -> None:
    base, project = served
    for prefix, lang in (("", "kk"), ("ru/", "ru"), ("en/", "en")):
        assert f'<html lang="{lang}"' in wait_for(base + prefix + "ten-factors/", "moral-purpose")
    data = project / "data" / "ten_factors.yml"
    data.write_text(data.read_text("utf-8").replace("ru: Нравственная цель", "ru: Нравственная цель школы"), "utf-8")
    wait_for(base + "ru/ten-factors/", "Нравственная цель школы")
    wait_for(base + "ru/handouts/ten-factors/", "Нравственная цель школы")
    wait_for(base + "ru/search/search_index.json", "Нравственная цель школы")
    assert "Нравственная цель школы" not in get(base + "search/search_index.json"), "each language has its own index"


def test_serve_installs_no_service_worker_and_removes_one_left_behind(served: tuple[str, Path]) -> None:
    """No save control, no manifest and no pack under `mkdocs serve`: a worker installed there would outlive it and
    answer for the built site tested later on the same address. Its pages unregister one left by a built site."""
    base, _ = served
    for prefix in ("", "ru/", "en/"):
        html = wait_for(base + prefix + "evidence/", "</html>")
        assert "data-offline-root" not in html and 'rel="manifest"' not in html, prefix
        assert "navigator.serviceWorker.getRegistrations" in html and "unregister" in html, prefix
    assert get(base + "offline/pack.json") == ""


def test_serve_shows_a_page_edit_on_the_page_in_the_book_and_in_search(served: tuple[str, Path]) -> None:
    base, project = served
    wait_for(base + "en/evidence/", '<html lang="en"')
    page = project / "docs" / "en" / "evidence.md"
    page.write_text(page.read_text("utf-8") + "\nA sentence with the word zanzibarish in it.\n", "utf-8")
    wait_for(base + "en/evidence/", "zanzibarish")
    wait_for(base + "en/handouts/handbook/", "zanzibarish")
    wait_for(base + "en/search/search_index.json", "zanzibarish")
    for prefix, lang in (("", "kk"), ("ru/", "ru")):  # the edit rebuilt English only; the others keep what was built
        assert f'<html lang="{lang}"' in get(base + prefix + "evidence/")
        assert f'<html lang="{lang}"' in get(base + prefix + "handouts/handbook/")
        assert f'<html lang="{lang}"' in get(base + prefix + "404.html")
        index = json.loads(get(base + prefix + "search/search_index.json"))
        assert index["config"]["lang"] == [lang] and len(index["docs"]) > 100 and "zanzibarish" not in json.dumps(index)
