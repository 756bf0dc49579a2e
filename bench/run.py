"""`make bench`: build time, per-language scaling, data-layer share, memory, serve latency, page weight, search recall
and speed, PDFs, growth, and how long `make check` and the full test suite take."""

import gzip
import io
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "bench"), str(ROOT / "tests")]
from playwright.sync_api import Browser, sync_playwright  # noqa: E402
from pypdf import PdfReader  # noqa: E402

from handbook.edition import add_pdfs, read_pack  # noqa: E402
from handbook.languages import LANGUAGES, url_prefix  # noqa: E402
from handbook.pack import PAIR  # noqa: E402
from handbook.pdf import write_pdfs  # noqa: E402
from handbook.project import load_project  # noqa: E402
from handbook.urls import LATIN, LATIN_LANG  # noqa: E402

from conftest import ENV, copy_project, serving  # noqa: E402  (the tests' scratch copy: the bench never touches the real files)
from reader_search import SearchBox, indexed_pages, recall, sample_words  # noqa: E402
from synthetic import write_synthetic  # noqa: E402
from test_serve import get as fetch  # noqa: E402

RUNS = 3


def one_language_config(project: Path, lang: str) -> Path:
    """A copy of mkdocs.yml that builds only `lang` (same content, same plugins)."""
    text = (project / "mkdocs.yml").read_text("utf-8")
    pattern = re.compile(r"(- locale: (\w+)\n(?:[ \t]+\w+: .*\n)*?[ \t]+build:) (?:true|false)")
    text, count = pattern.subn(lambda m: f"{m.group(1)} {'true' if m.group(2) == lang else 'false'}", text)
    assert count == 3, "every language in mkdocs.yml needs a `build:` line"
    target = project / f"mkdocs-{lang}.yml"
    target.write_text(text, "utf-8")
    return target


def without_latin(project: Path, config: str) -> str:
    """A copy of a config that builds no Latin edition (the plugin's `latin` off): a language alone."""
    text = (project / config).read_text("utf-8")
    text, count = re.subn(r"(\n\s+latin:) !ENV \[HANDBOOK_LATIN, true\]", r"\1 false", text)
    assert count == 1, "mkdocs.yml switches the Latin edition with `latin: !ENV [HANDBOOK_LATIN, true]`"
    target = project / f"{Path(config).stem}-no-latin.yml"
    target.write_text(text, "utf-8")
    return target.name


def build(project: Path, config: str = "mkdocs.yml", drawings: Path | None = None) -> dict[str, float]:
    """One real build: wall seconds, peak memory (MB), languages built and the data layer's seconds by step. It keeps
    the data it draws in `drawings` (handbook/drawings.py); with none, in a fresh folder: everything is drawn."""
    timings = project / "timings.json"
    site = Path(tempfile.mkdtemp(prefix="bench-site-"))
    kept = drawings or Path(tempfile.mkdtemp(prefix="bench-drawings-"))
    env = {**ENV, "HANDBOOK_TIMINGS": str(timings), "HANDBOOK_DRAWINGS": str(kept)}
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-q", "-f", config, "-d", str(site)], cwd=project, env=env, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    error = process.stderr.read().decode()
    process.stderr.close()
    languages = 1 + sum((site / lang / "index.html").is_file() for lang in ("ru", "en"))
    shutil.rmtree(site, ignore_errors=True)
    if drawings is None:
        shutil.rmtree(kept, ignore_errors=True)
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"build failed:\n{error}")
    data = json.loads(timings.read_text())["seconds"] if timings.exists() else {}
    return {"seconds": seconds, "peak_mb": usage.ru_maxrss / 1024, "languages": languages, **{f"data_{k}": v for k, v in data.items()}}


def best_of(project: Path, config: str = "mkdocs.yml", kept: bool = True) -> dict[str, float]:
    """The median run of RUNS builds (by wall time), and the highest peak memory seen: each finding what the build
    before it drew (after one build that draws it), or, not `kept`, each drawing everything."""
    drawings = project.parent / f"drawings-{Path(config).stem}" if kept else None
    if drawings is not None:
        build(project, config, drawings)
    runs = sorted((build(project, config, drawings) for _ in range(RUNS)), key=lambda run: run["seconds"])
    median = dict(runs[len(runs) // 2])
    median["peak_mb"] = max(run["peak_mb"] for run in runs)
    return median


# Timed too, but not added: writing the offline packs and the Latin edition reads the built site, not the data; the
# session builder's pieces are rendering, counted in `render` already (and shown apart).
NOT_DATA = {"data_packs", "data_pieces", "data_latin"}


def data_seconds(run: dict[str, float]) -> float:
    """Seconds spent loading, validating and rendering data in one build."""
    return sum(v for k, v in run.items() if k.startswith("data_") and k not in NOT_DATA)


def data_steps(run: dict[str, float]) -> str:
    """The data layer's time by step, e.g. `load 20 ms, validate 1 ms, render 13 ms`."""
    steps = ", ".join(f"{k.removeprefix('data_')} {v * 1000:.0f} ms" for k, v in run.items() if k.startswith("data_") and k not in NOT_DATA)
    return steps + (f" (of which the session builder's pieces {run['data_pieces'] * 1000:.0f} ms)" if "data_pieces" in run else "")


def free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# The edits the serve figures time, as editors make them: a translation fixed in a data file (it changes one
# language's pages) and a sentence added to a page. Each adds a word in one script (validation rejects a word mixing
# Latin and Cyrillic letters).
EDITS: dict[str, tuple[str, str, Callable[[str, str], str]]] = {
    "YAML": ("data/ten_factors.yml", "en/ten-factors/", lambda text, word: text.replace("en: Moral purpose", f"en: Moral purpose {word}")),
    "Markdown": ("docs/ru/evidence.md", "ru/evidence/", lambda text, word: f"{text}\n{word}\n"),
}


def serve_latency(project: Path) -> dict[str, list[float]]:
    """Seconds from saving an edit to `mkdocs serve` showing it, three times for each kind of edit (EDITS)."""
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"], cwd=project, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    latencies: dict[str, list[float]] = {}
    try:
        deadline = time.monotonic() + 120
        while "moral-purpose" not in fetch(f"http://127.0.0.1:{port}/ten-factors/"):
            if time.monotonic() > deadline or server.poll() is not None:
                raise SystemExit("mkdocs serve did not start")
            time.sleep(0.2)
        for kind, (path, page, edit) in EDITS.items():
            source = project / path
            original = source.read_text("utf-8")
            try:
                for attempt in range(3):
                    marker = f"{'Benchmark' if kind == 'YAML' else 'Бенчмарк'}{attempt}"
                    time.sleep(1.0)  # let the watcher settle after the previous rebuild
                    source.write_text(edit(original, marker), "utf-8")
                    start = time.perf_counter()
                    while marker not in fetch(f"http://127.0.0.1:{port}/{page}"):
                        if time.perf_counter() - start > 60:
                            raise SystemExit(f"the {kind} edit never appeared")
                        time.sleep(0.05)
                    latencies.setdefault(kind, []).append(time.perf_counter() - start)
            finally:
                source.write_text(original, "utf-8")
    finally:
        server.terminate()
        server.wait()
    return latencies


def diff_seconds(project: Path) -> tuple[float, int]:
    """Median seconds of `handbook diff` between two commits of a scratch repository that differ in ten files (five
    pages, a sentence added to each; five data files, a Kazakh text changed in each), and the changes it reports."""
    repo = project.parent / "diff-repo"
    shutil.copytree(project, repo)
    git = lambda *args: subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)  # noqa: E731
    git("init", "-q")
    git("add", "-A")
    git("-c", "user.name=Bench", "-c", "user.email=bench@cpm.example", "commit", "-qm", "base")
    pages = sorted((repo / "docs" / "ru").glob("*.md"))[:5]
    for page in pages:
        page.write_text(page.read_text("utf-8") + "\nНовое предложение для проверки.\n", "utf-8")
    files = [path for path in sorted((repo / "data").glob("*.yml")) if re.search(r"\n\s+kk: [А-Яа-яӘәҒғҚқҢңӨөҰұҮүҺһІі]", path.read_text("utf-8"))][:5]
    for path in files:
        text = path.read_text("utf-8")
        found = re.search(r"(\n\s+kk: )([А-Яа-яӘәҒғҚқҢңӨөҰұҮүҺһІі][^\n]*[а-яәғқңөұүһі])", text)
        assert found, path
        path.write_text(text[: found.end(2)] + " және" + text[found.end(2) :], "utf-8")
    git("-c", "user.name=Bench", "-c", "user.email=bench@cpm.example", "commit", "-qam", "ten files")
    assert len(git("diff", "--name-only", "HEAD~1", "HEAD").stdout.decode().split()) == 10
    runs, reported = [], 0
    for _ in range(RUNS):
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "handbook.cli", "diff", "HEAD~1", "HEAD", "--format", "json"], cwd=repo, env=ENV, capture_output=True, text=True, check=True)
        runs.append(time.perf_counter() - start)
        report = json.loads(done.stdout)
        reported = len(report["data"]) + len(report["pages"])
    return statistics.median(runs), reported


def suite_seconds(target: str) -> tuple[float, str]:
    """Wall seconds of `make <target>` (check, test) in the project, and pytest's last line."""
    start = time.perf_counter()
    result = subprocess.run(["make", "--no-print-directory", target], cwd=ROOT, env=ENV, capture_output=True, text=True)
    lines = [line for line in result.stdout.splitlines() if " passed" in line or " failed" in line]
    return time.perf_counter() - start, lines[-1].strip("= ") if lines else f"exit {result.returncode}: {result.stderr[-200:]}"


@contextmanager
def built_site(project: Path) -> Iterator[Path]:
    """One real build of the project into a temporary folder, removed afterwards."""
    site = Path(tempfile.mkdtemp(prefix="bench-built-"))
    try:
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)], cwd=project, env=ENV, check=True)
        yield site
    finally:
        shutil.rmtree(site, ignore_errors=True)


@contextmanager
def chromium() -> Iterator[Browser]:
    """Debian's chromium, headless."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"), args=["--no-sandbox", "--disable-gpu"])
        yield browser
        browser.close()


def page_weight(site: Path, base: str) -> list[tuple[str, int, int]]:
    """Every page's bytes with everything the browser loads for it (raw and gzipped), heaviest first."""
    pages = sorted(p.parent.relative_to(site).as_posix() for p in site.rglob("index.html"))
    weights = []
    with chromium() as browser:
        for path in pages:
            page = browser.new_page()
            bodies: list[bytes] = []
            page.on("response", lambda response, bodies=bodies: bodies.append(response.body()) if response.ok else None)
            page.goto(base + ("" if path == "." else path + "/"), wait_until="networkidle")
            page.close()
            weights.append((path, sum(map(len, bodies)), sum(len(gzip.compress(b)) for b in bodies)))
    return sorted(weights, key=lambda w: -w[1])


def save_seconds(base: str) -> float:
    """Seconds from tapping "save for offline" on a Kazakh page to the whole pack stored (a fresh profile)."""
    with chromium() as browser:
        context = browser.new_context()
        page = context.new_page()
        page.goto(base + "evidence/", wait_until="networkidle")
        start = time.perf_counter()
        page.click("[data-offline=save]")
        page.wait_for_selector("[data-offline=save][data-offline-state=saved]", timeout=120000)
        seconds = time.perf_counter() - start
        context.close()
    return seconds


def session_figures(site: Path, base: str, count: int = 30) -> tuple[float, float, int, int]:
    """A session of `count` pieces from across the data, in Kazakh and Russian side by side: seconds from opening its
    print view to the handout drawn, seconds to print it to PDF (chromium), its printed pages and PDF bytes."""
    ids = re.findall(r'<input type="checkbox" value="([^"]+)"', (site / "session" / "index.html").read_text("utf-8"))
    picked = ids[:: max(1, len(ids) // count)][:count]
    with chromium() as browser:
        page = browser.new_page()
        start = time.perf_counter()
        page.goto(f"{base}session/sheet/#items={','.join(picked)}&lang=kk,ru")
        page.wait_for_selector("body[data-session-ready]")
        drawn = time.perf_counter() - start
        start = time.perf_counter()
        printed = page.pdf(prefer_css_page_size=True)
        seconds = time.perf_counter() - start
        page.close()
    return drawn, seconds, len(PdfReader(io.BytesIO(printed)).pages), len(printed)


# 200 exported files made in the page from its own definitions (every criterion answered, now and in two snapshots
# of shared names), chosen at once; the time from choosing them to the summary drawn.
COHORT_FILES = """count => new Promise(done => {
  const config = JSON.parse(document.querySelector('.hb-cohort__config').textContent), transfer = new DataTransfer();
  const answer = (d, n) => d.kind === 'portfolio' ? {status: d.statuses[n % 3]} : {level: 1 + n % d.levels};
  for (let n = 0; n < count; n++) {
    const assessments = {};
    Object.entries(config.definitions).forEach(([id, d]) => {
      const answers = seed => Object.fromEntries(d.criteria.map((c, k) => [c, answer(d, n * 7 + k * 3 + seed)]));
      const snapshot = (name, date, seed) => ({name, date, answers: answers(seed)});
      assessments[id] = {answers: answers(0), snapshots: [snapshot('Autumn 2026', '2026-10-01T00:00:00Z', 1), snapshot('Spring 2026', '2026-04-01T00:00:00Z', 2)]};
    });
    const data = {format: config.format, version: config.version, exported: '2026-12-01T00:00:00Z', assessments};
    transfer.items.add(new File([JSON.stringify(data)], `director-${n}.json`, {type: 'application/json'}));
  }
  const input = document.querySelector('#cohort-files'), start = performance.now();
  input.files = transfer.files;
  input.dispatchEvent(new Event('change'));
  (function wait() { document.querySelectorAll('.hb-cohort__assessment').length === 3 ? done(performance.now() - start) : setTimeout(wait, 5); })();
})"""


def cohort_seconds(base: str, count: int = 200) -> float:
    """Seconds the cohort page takes to read and summarise `count` exported files (chromium)."""
    with chromium() as browser:
        page = browser.new_page()
        page.goto(f"{base}assess/cohort/", wait_until="networkidle")
        millis = page.evaluate(COHORT_FILES, count)
        page.close()
    return millis / 1000


def offline_weight(site: Path) -> tuple[int, int]:
    """What reading offline adds to a page, gzipped: the control and head links in its HTML, and the script that
    registers the worker; and the worker itself (loaded only once a reader saves)."""
    html = (site / "evidence" / "index.html").read_text("utf-8")
    start, end = html.index('<section class="hb-offline'), html.index("offline.js")
    head = re.search(r'<link rel="manifest".*?apple-touch-icon[^>]*>', html, re.S)
    added = html[start:end] + (head.group(0) if head else "")
    script = (site / "assets/javascripts/offline.js").read_bytes()
    return len(gzip.compress(added.encode())) + len(gzip.compress(script)), len(gzip.compress((site / "sw.js").read_bytes()))


def growth(work: Path) -> list[tuple[int, dict[str, float], int]]:
    """Builds of the real content plus synthetic content 1×, 5× and 10× the handbook's size."""
    results = []
    for factor in (1, 5, 10):
        project = copy_project(work / f"scale-{factor}")
        pages = write_synthetic(project, factor)
        results.append((factor, build(project), pages))
    return results


MAIN_PAGES = {"home": ".", "prose": "evidence", "data table": "competencies", "rubric": "school-practice/development-rubric", "glossary": "glossary"}


def search_index_sizes(site: Path) -> dict[str, tuple[int, int, int]]:
    """Each language's search index: entries, bytes and gzipped bytes."""
    sizes = {}
    for lang in LANGUAGES:
        raw = (site / url_prefix(lang) / "search" / "search_index.json").read_bytes()
        sizes[lang] = (len(json.loads(raw)["docs"]), len(raw), len(gzip.compress(raw)))
    return sizes


QUERIES = {
    "kk": ["көшбасшылық", "көшбасшылықтың", "мектептің", "мұғалімдерге", "бағдарламасы", "оқушылардың", "стандарт", "коучинг", "рубрика", "өзгеріс"],
    "ru": ["лидерство", "школы", "учителей", "программа", "учащихся", "стандарт", "коучинг", "изменения", "оценивание", "директор"],
    "en": ["leadership", "schools", "teachers", "programme", "students", "standard", "coaching", "change", "assessment", "director"],
}


def query_times(base: str) -> dict[str, list[float]]:
    """Milliseconds from typing a query to its results on a page just opened (the worker may still be building the
    index), ten queries a language, in chromium."""
    meta = "document.querySelector('.md-search-result__meta').textContent"
    times: dict[str, list[float]] = {}
    with chromium() as browser:
        for lang, queries in QUERIES.items():
            times[lang] = []
            for query in queries:  # each on a fresh page, as a reader arriving and searching
                page = browser.new_page()
                page.goto(f"{base}{url_prefix(lang)}evidence/", wait_until="networkidle")
                prompt = page.evaluate(meta)
                start = time.perf_counter()
                page.fill("input.md-search__input", query)
                page.press("input.md-search__input", "End")
                page.wait_for_function(f"{meta} !== {json.dumps(prompt)}", timeout=60000)
                times[lang].append((time.perf_counter() - start) * 1000)
                page.close()
    return times


def search_recall(site: Path, base: str) -> dict[str, tuple[float, int, int, list[float]]]:
    """Per language, as the search test measures it (two words of every page, whole and as a prefix): recall, words,
    queries typed, and each query's milliseconds once the index is built."""
    figures = {}
    with chromium() as browser:
        for lang in LANGUAGES:
            root = site / url_prefix(lang)
            samples = sample_words(root, indexed_pages(root), per_page=2, seed=f"recall-{lang}")
            box = SearchBox(browser, base + url_prefix(lang))
            share, _ = recall(box, samples)
            millis = [box.timed(sample.typed) for sample in samples]
            box.close()
            figures[lang] = (share, len({sample.word for sample in samples}), len(samples), millis)
    return figures


def pdf_figures(project: Path, site: Path) -> tuple[float, dict[str, tuple[int, float]], tuple[str, int]]:
    """Every PDF of a built site (two at a time): wall seconds, per language (count, seconds of work), the largest."""
    start = time.perf_counter()
    made = write_pdfs(load_project(project), site, workers=2)
    wall = time.perf_counter() - start
    by_language = {}
    for lang in LANGUAGES:
        mine = [pdf for pdf in made if pdf.path.parent == site / url_prefix(lang) / "pdf" and not pdf.path.name.endswith(f".{'-'.join(PAIR)}.pdf")]
        by_language[lang] = (len(mine), sum(pdf.seconds for pdf in mine))
    pairs = [pdf for pdf in made if pdf.path.name.endswith(f".{'-'.join(PAIR)}.pdf") and LATIN not in pdf.path.relative_to(site).as_posix()]
    by_language["-".join(PAIR)] = (len(pairs), sum(pdf.seconds for pdf in pairs))
    latin = [pdf for pdf in made if pdf.path.relative_to(site).as_posix().startswith(LATIN)]  # the Latin edition's, pairs too
    by_language[LATIN_LANG] = (len(latin), sum(pdf.seconds for pdf in latin))
    largest = max(made, key=lambda pdf: pdf.size)
    return wall, by_language, (largest.path.relative_to(site).as_posix(), largest.size)


def main() -> None:
    """Measure and print every figure."""
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    try:
        project = copy_project(work / "project")
        full = best_of(project)
        kk_config = one_language_config(project, "kk").name
        kk = best_of(project, kk_config)
        cold, kk_cold = best_of(project, kept=False), best_of(project, kk_config, kept=False)
        print(f"full build (kk+ru+en and the Latin edition), median of {RUNS}, the data's drawings kept from the build before: {full['seconds']:.2f} s")
        print(f"  the same drawing everything (the first build after a change to the data, a template or the code; CI): {cold['seconds']:.2f} s")
        assert (full["languages"], kk["languages"]) == (3, 1)
        print(f"kk-only build, same content (with the Latin edition, made from it): {kk['seconds']:.2f} s (drawing everything: {kk_cold['seconds']:.2f} s)")
        print(f"three languages / one language:   {full['seconds'] / kk['seconds']:.2f}× (drawing everything: {cold['seconds'] / kk_cold['seconds']:.2f}×; goal ≤ 3×)")
        for name, run in (("drawings kept", full), ("drawing everything", cold)):
            share, pages = data_seconds(run) / run["seconds"], (data_seconds(run) - run.get("data_pieces", 0)) / run["seconds"]
            print(f"data layer (load, validate, render, kept drawings), {name}: {data_seconds(run) * 1000:.0f} ms = {share:.1%} of the build (goal < 10%): {data_steps(run)}")
            print(f"  the same without the session builder's pieces (what the pages need): {pages:.1%}")
        print(f"writing the offline packs:        {full.get('data_packs', 0) * 1000:.0f} ms of the full build, {kk.get('data_packs', 0) * 1000:.0f} ms of kk's")
        alone = best_of(project, without_latin(project, kk_config))
        print(f"four editions (kk, ru, en and the Latin edition) / Kazakh alone (no Latin edition): {full['seconds'] / alone['seconds']:.2f}× (goal < 2.5×; Kazakh alone {alone['seconds']:.2f} s)")
        print(f"  the Latin edition's conversion over the whole handbook (every Kazakh page, the search index): {full.get('data_latin', 0) * 1000:.0f} ms of the full build")
        print(f"peak memory of the build:         {full['peak_mb']:.0f} MB (goal < 500 MB)")
        seconds, reported = diff_seconds(project)
        print(f"`handbook diff` between two revisions that differ in ten files (five pages, five data files): {seconds:.2f} s, median of {RUNS} ({reported} changes reported)")
        for kind, latencies in serve_latency(project).items():
            print(f"`mkdocs serve` shows a {kind} edit in: {', '.join(f'{s:.2f}' for s in latencies)} s (median {statistics.median(latencies):.2f} s; one language's build: {kk['seconds']:.2f} s)")
        with built_site(project) as site:
            with serving(site) as base:
                weights = page_weight(site, base)
                saving = save_seconds(base)
                times = query_times(base)
                recalled = search_recall(site, base)
            sizes = search_index_sizes(site)
            assess = [(site / "assets" / path).read_bytes() for path in ("javascripts/assess-kit.js", "javascripts/assess.js", "javascripts/cohort.js", "stylesheets/assess.css")]
            charts = [(site / "assets/javascripts" / name).read_bytes() for name in ("assess-kit.js", "cohort.js")]
            packs = {lang: read_pack(site, lang) for lang in [*LANGUAGES, LATIN_LANG]}
            added, worker = offline_weight(site)
            builder = [path.read_bytes() for path in (site / "assets/javascripts/session.js", site / "assets/stylesheets/session.css")]
            pieces = [(site / url_prefix(lang) / "session" / "pieces.js").read_bytes() for lang in LANGUAGES]
            with serving(site) as base:
                drawn, printing, printed_pages, printed_bytes = session_figures(site, base)
                summarised = cohort_seconds(base)
            wall, by_language, (largest, size) = pdf_figures(project, site)
            with_pdfs = add_pdfs(site)
        name, raw, zipped = weights[0]
        print(f"largest page with its assets:     {name}: {raw / 1024:.0f} KiB ({zipped / 1024:.0f} KiB gzipped); lightest {weights[-1][0]}: {weights[-1][1] / 1024:.0f} KiB")
        by_path = {path: (raw, zipped) for path, raw, zipped in weights}
        print("main page types, first visit with everything they load (raw / gzipped):")
        for kind, slug in MAIN_PAGES.items():
            paths = (("kk", slug), ("ru", f"ru/{slug}".rstrip("/.")), ("en", f"en/{slug}".rstrip("/.")))
            print("  " + kind + ": " + ", ".join(f"{lang} {by_path[path][0] / 1024:.0f} / {by_path[path][1] / 1024:.0f} KiB" for lang, path in paths))
        zipped = sum(len(gzip.compress(b)) for b in assess) / 1024
        print(f"self-assessment, the cohort summary included (assess-kit.js, assess.js, cohort.js, assess.css): {sum(map(len, assess)) / 1024:.1f} KiB ({zipped:.1f} KiB gzipped; goal < 25 KB)")
        print(f"  of which the file rules, the charts and the cohort summary (assess-kit.js, cohort.js): {sum(len(gzip.compress(b)) for b in charts) / 1024:.1f} KiB gzipped")
        print(f"the cohort page summarising 200 exported files (three assessments, two shared snapshots each; chromium): {summarised * 1000:.0f} ms")
        print(
            f"session builder script and styles: {sum(map(len, builder)) / 1024:.1f} KiB ({sum(len(gzip.compress(b)) for b in builder) / 1024:.1f} KiB gzipped; goal < 20 KB); "
            f"pieces per language, fetched by its print view: {statistics.mean(map(len, pieces)) / 1024:.0f} KiB ({statistics.mean(len(gzip.compress(b)) for b in pieces) / 1024:.0f} KiB gzipped)"
        )
        print(
            f"a 30-piece session in kk+ru (chromium): drawn {drawn * 1000:.0f} ms after opening its print view; "
            f"printed to PDF in {printing:.1f} s ({printed_pages} pages, {printed_bytes / 1024:.0f} KiB)"
        )
        for lang, pack in packs.items():
            pdf_bytes = sum(entry.bytes for entry in with_pdfs[lang].pdfs)
            print(
                f"offline pack {lang}: {len(pack['files'])} files, {pack['transfer'] / 1e6:.2f} MB transferred gzipped ({pack['bytes'] / 1e6:.2f} MB stored; "
                f"goal ≤ 3 MB); PDFs offered beside it: {len(with_pdfs[lang].pdfs)}, {pdf_bytes / 1e6:.2f} MB"
            )
        print(f"saving the kk pack from a local server (chromium, fresh profile): {saving:.1f} s")
        print(f"reading offline adds to a page: {added / 1000:.1f} KB gzipped (control, head links, offline.js); the worker: {worker / 1000:.1f} KB gzipped (goal ≤ 10 KB together)")
        for lang, (entries, raw, zipped) in sizes.items():
            print(f"search index {lang}: {entries} entries, {raw / 1024:.0f} KiB ({zipped / 1024:.0f} KiB gzipped)")
        for lang, millis in times.items():
            print(f"search {lang}: ten queries, each on a page just opened: median {statistics.median(millis):.0f} ms, slowest {max(millis):.0f} ms (typing to results)")
        for lang, (share, words, queries, millis) in recalled.items():
            print(
                f"search {lang}: recall {share:.1%} of {queries} queries ({words} words of every page, whole and as a prefix); "
                f"once the index is built: median {statistics.median(millis):.0f} ms, slowest {max(millis):.0f} ms"
            )
        print(f"all PDFs, 3 languages, 2 at a time: {wall:.1f} s (goal < 60 s)")
        for lang, (count, seconds) in by_language.items():
            print(f"  {lang}: {count} PDFs, {seconds:.1f} s of rendering" + (" (the handouts in both languages side by side: the time they add)" if "-" in lang else ""))
        print(f"largest PDF:                      {largest}: {size / 1024:.0f} KiB (goal < 5 MB)")
        print("growth with synthetic content (handbook size = 20 pages and 400 items per language):")
        baseline = None
        for factor, run, pages in growth(work):
            per_page = run["seconds"] / pages
            baseline = baseline or per_page
            print(
                f"  {factor:>2}× ({pages:>4} pages): {run['seconds']:6.2f} s, {per_page * 1000:5.1f} ms/page ({per_page / baseline:.2f}× the 1× rate), "
                f"data layer {data_seconds(run) / run['seconds']:.1%} ({data_steps(run)}), peak {run['peak_mb']:.0f} MB"
            )
        seconds, last = suite_seconds("check")
        print(f"`make check` (lint, then the tests with no browser and no PDF): {seconds:.0f} s (goal < 60 s): {last}")
        seconds, last = suite_seconds("test")
        print(f"`make test`, the full suite (installed already): {seconds:.0f} s (goal < 600 s): {last}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
