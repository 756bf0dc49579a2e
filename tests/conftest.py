"""Shared fixtures: a real `mkdocs build --strict` of the project, and scratch copies of it."""

import contextlib
import fcntl
import functools
import io
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, sync_playwright

from handbook.cli import main as cli_main
from handbook.screenshots import QuietHandler, serving  # noqa: F401 (the tests serve built sites as the screenshots do)

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
LANGS = ("kk", "ru", "en")
PROJECT_PARTS = ("mkdocs.yml", "glossary.yml", "kazakh-latin.yml", "released-ids.yml", "data", "docs", "macros", "overrides")
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def mkdocs_build(project: Path, site: Path, **env: str) -> subprocess.CompletedProcess:
    """Run a real strict build of `project` into `site` (with more environment variables if given)."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)]
    return subprocess.run(command, cwd=project, env={**ENV, **env}, capture_output=True, text=True)


def handbook(project: Path, *args: str) -> subprocess.CompletedProcess:
    """Run the `handbook` command in `project`, as a process of its own (the wiring: commands that build, and the
    exit code and output a shell sees)."""
    command = [sys.executable, "-m", "handbook.cli", *args]
    return subprocess.run(command, cwd=project, env=ENV, capture_output=True, text=True)


def cli(project: Path, *args: str) -> subprocess.CompletedProcess:
    """Run the `handbook` command's `main` in this process, in `project`: the same code as `handbook` without a
    Python started for it, for the commands that build nothing (validate, status, stamp, export, schema)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(project), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli_main(list(args))
        except SystemExit as exit:  # argparse, on a command line it refuses
            code = exit.code if isinstance(exit.code, int) else 1
    return subprocess.CompletedProcess(["handbook", *args], code, out.getvalue(), err.getvalue())


def page_url(lang: str, slug: str = "") -> str:
    """The site-relative path of a page: kk at the root, the others under /<lang>/."""
    prefix = "" if lang == "kk" else f"{lang}/"
    return f"{prefix}{slug}/" if slug else prefix


def parse_html(html: str) -> BeautifulSoup:
    """Parsed HTML (by lxml: several times faster than Python's html.parser)."""
    return BeautifulSoup(html, "lxml")


@functools.lru_cache(maxsize=256)
def _parsed(path: Path, modified: int) -> BeautifulSoup:
    return parse_html(path.read_text("utf-8"))


def parsed(path: Path) -> BeautifulSoup:
    """A built HTML file, parsed once and shared by every test that reads it (again if the file changed): read it,
    do not change it."""
    return _parsed(path, path.stat().st_mtime_ns)


def soup(site: Path, lang: str, slug: str = "", *, to_change: bool = False) -> BeautifulSoup:
    """The parsed HTML of one built page: the shared parse, or with `to_change` a parse of the test's own."""
    path = site / page_url(lang, slug) / "index.html"
    return parse_html(path.read_text("utf-8")) if to_change else parsed(path)


def page_slug(page: Path, lang: str) -> str:
    """A Markdown page's address below its language's root: `school-practice/tasks`, `school-practice` for a
    folder's index.md, '' for the home page."""
    slug = page.relative_to(ROOT / "docs" / lang).with_suffix("").as_posix()
    return slug.removesuffix("index").rstrip("/")


def homes() -> dict[str, str]:
    """The page (slug) each data file is shown on, read from the pages (the first that shows it, Kazakh first)."""
    found: dict[str, str] = {}
    for lang in LANGS:
        for page in sorted((ROOT / "docs" / lang).rglob("*.md")):
            for data_id in re.findall(r'show\("([^"]+)"', page.read_text("utf-8")):
                found.setdefault(data_id, page_slug(page, lang))
    return found


def letters(text: str) -> str:
    """A text's letters only, in lower case: what survives line breaks and hyphenation in a seed or a PDF."""
    return re.sub(r"[\W\d_]", "", text.lower())


def read_data(path: Path) -> Any:
    """A YAML file as plain data, read by libyaml as PyYAML's safe loader reads it (independent of handbook.load)."""
    return yaml.load(path.read_text("utf-8"), Loader=yaml.CSafeLoader)


def copy_project(target: Path) -> Path:
    """A scratch copy of the project's sources, to break on purpose."""
    target.mkdir(parents=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, target / part)
    return target


def timings_of(site: Path) -> Path:
    """Where the build of the session's site wrote its data-layer timings (handbook/timing.py)."""
    return site.with_name(site.name + "-timings.json")


def build_log_of(site: Path) -> Path:
    """What a session build of the site said (MkDocs' log), beside it."""
    return site.with_name(site.name + "-build.log")


@contextlib.contextmanager
def only_one_process(lock: Path) -> Iterator[None]:
    """Hold an exclusive lock on a file while the block runs: other processes asking for it wait."""
    with lock.open("w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        yield


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once for the session, and once for all pytest-xdist's processes, whichever asks first
    (its data-layer timings beside it: `timings_of`)."""
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the folder of every worker's own temporary folder, made for this run
    out, failed = shared / "site", shared / "site-failed.txt"
    with only_one_process(shared / "site.lock"):
        if not out.is_dir() and not failed.exists():
            result = mkdocs_build(ROOT, out, HANDBOOK_TIMINGS=str(timings_of(out)))
            if result.returncode != 0:
                failed.write_text(result.stderr, "utf-8")
            else:
                build_log_of(out).write_text(result.stderr, "utf-8")
    assert not failed.exists(), failed.read_text("utf-8")
    return out


# What editors change in `edited` (each test of an edit reads only what its own edit touched):
MARKDOWN_LOOKALIKE = "Quality *of* _teaching_ `x` [a](http://e.org) a\\b | { #y }"  # Markdown in a data text
REPO_URL, SITE_URL = "https://github.com/cpm/handbook", "https://cpm.example/handbook/"
CHANGED_SOURCE = ("Көшбасшылық негізінен тиісті курстарға", "Көшбасшылық әдетте тиісті курстарға")
REMOVED_ITEM = ("esrc_impact.yml", "esrc-capacity-building")  # an item no other data or page names


def add_rubric(project: Path) -> None:
    """A second rubric, shown on the development rubric's page in every language, and nothing else."""
    rubric = read_data(project / "data" / "development_rubric.yml")
    rubric["id"] = "second-rubric"
    for part in rubric["columns"] + rubric["rows"]:
        part["id"] = f"second-{part['id']}"
    for row in rubric["rows"]:
        row["cells"] = {f"second-{column}": cells for column, cells in row["cells"].items()}
    (project / "data" / "second_rubric.yml").write_text(yaml.safe_dump(rubric, allow_unicode=True), "utf-8")
    for lang in LANGS:
        page = project / "docs" / lang / "school-practice" / "development-rubric.md"
        page.write_text(page.read_text("utf-8") + '\n{{ show("second-rubric") }}\n', "utf-8")


@pytest.fixture(scope="session")
def edited(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A copy of the project as editors might change it, and its site, built once with the repository's and the
    site's addresses set: a new rubric (add_rubric), a changed Kazakh source text of the development rubric
    (CHANGED_SOURCE), HTML and Markdown characters in two English factor names, an item removed (REMOVED_ITEM). One
    build for several tests, each reading what its own change touched."""
    project = copy_project(tmp_path_factory.mktemp("edited") / "project")
    add_rubric(project)
    rubric = project / "data" / "development_rubric.yml"
    text = rubric.read_text("utf-8")
    assert text.count(CHANGED_SOURCE[0]) == 1
    rubric.write_text(text.replace(*CHANGED_SOURCE), "utf-8")
    factors = project / "data" / "ten_factors.yml"
    text = factors.read_text("utf-8").replace("en: Moral purpose", "en: \"Moral purpose 3 < 5 & 'q' <3\"")
    factors.write_text(text.replace("en: Quality of teaching", f"en: '{MARKDOWN_LOOKALIKE}'"), "utf-8")
    removed = project / "data" / REMOVED_ITEM[0]
    data = read_data(removed)
    data["items"] = [item for item in data["items"] if item["id"] != REMOVED_ITEM[1]]
    removed.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    site = project.with_name("site")
    result = mkdocs_build(project, site, HANDBOOK_REPO_URL=REPO_URL, HANDBOOK_SITE_URL=SITE_URL)
    assert result.returncode == 0, result.stderr
    return project, site


@pytest.fixture(scope="session")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`handbook pdf` into a fresh folder: it builds the site (there is none yet), then every PDF."""
    out = tmp_path_factory.mktemp("printed") / "site"
    result = handbook(ROOT, "pdf", "--site-dir", str(out))
    assert result.returncode == 0, result.stderr
    assert "PDFs in" in result.stdout
    return out


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A fresh copy of the project for one test."""
    return copy_project(tmp_path / "project")


CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def base_url(site: Path) -> Iterator[str]:
    """The built site served on a free loopback port."""
    with serving(site) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Headless chromium."""
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


NEEDS = {"browser": {"browser"}, "pdf": {"pdfs"}, "build": {"site", "offline", "project", "built_project", "served", "edited"}}


SHARED_BUILDS = {"edited", "built_project", "served", "offline", "pdfs"}  # built once, for the tests that use them


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups (its hook, registered later, would run first)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark each test by what its fixtures need (a browser, PDFs, a build), or as a unit test; with pytest-xdist, the
    tests of a shared build go to one process, and first, so that the long groups start early and short tests fill
    the end."""
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        needs = [mark for mark, fixtures in NEEDS.items() if used & fixtures or item.get_closest_marker(mark)]
        for mark in needs or ["unit"]:
            item.add_marker(mark)
        for shared in sorted(used & SHARED_BUILDS):
            item.add_marker(pytest.mark.xdist_group(shared))
    items.sort(key=lambda item: item.get_closest_marker("xdist_group") is None)
