"""PDFs of the handouts and of the whole handbook, written by WeasyPrint from their print-ready pages."""

import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from handbook.languages import DEFAULT_LANGUAGE, LANGUAGES
from handbook.pack import PAIR, pack, paired
from handbook.project import BOOK, Project
from handbook.urls import LATIN, Urls

SOURCES = ("docs", "data", "glossary.yml", "kazakh-latin.yml", "released-ids.yml", "macros", "overrides", "handbook", "mkdocs.yml")


@dataclass(frozen=True)
class Made:
    """A PDF written: where, how long it took, how big it is."""

    path: Path
    seconds: float
    size: int


def jobs(project: Project, site_dir: Path) -> list[tuple[Path, Path]]:
    """Each print-ready page and the PDF it becomes: the whole handbook first (the longest), in every language, then
    each handout in two languages side by side (in the folder of the pair's first language); and the Latin edition's
    twins of the Kazakh ones (handbook/latin_edition.py), below its folder as theirs are below the root, when the site
    has the edition."""
    ids = [BOOK] + [sheet.id for sheet in pack(project)]
    one = [(lang, sheet) for sheet in ids for lang in LANGUAGES]
    two = [(PAIR[0], paired(sheet.id)) for sheet in pack(project)]
    latin = (site_dir / LATIN).is_dir()  # a site built with the Latin edition (mkdocs.yml: `latin`)
    folders = [("", lang, sheet) for lang, sheet in one + two] + [(LATIN, lang, sheet) for lang, sheet in one + two if latin and lang == DEFAULT_LANGUAGE]
    return [(site_dir / folder / Urls.sheet_file(lang, sheet), site_dir / folder / Urls.pdf(lang, sheet)) for folder, lang, sheet in folders]


def write_pdf(job: tuple[Path, Path]) -> Made:
    """Render one print-ready page to PDF with its fonts embedded."""
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    source, target = job
    start = time.perf_counter()
    target.parent.mkdir(parents=True, exist_ok=True)
    # Only the site's own files: no request leaves the machine, and a missing stylesheet or font is an error.
    fetcher = URLFetcher(allowed_protocols={"file"}, fail_on_errors=True)
    HTML(filename=str(source), url_fetcher=fetcher).write_pdf(str(target))
    return Made(target, time.perf_counter() - start, target.stat().st_size)


def write_pdfs(project: Project, site_dir: Path, workers: int = 2) -> list[Made]:
    """Every handout and the whole handbook as PDF, in every language, `workers` at a time."""
    todo = jobs(project, site_dir)
    if missing := [str(source) for source, _ in todo if not source.is_file()]:
        raise FileNotFoundError(f"build the site first; missing {', '.join(missing[:3])}")
    if workers <= 1:
        return [write_pdf(job) for job in todo]
    with ProcessPoolExecutor(workers) as pool:
        return list(pool.map(write_pdf, todo))


def site_is_stale(root: Path, site_dir: Path) -> bool:
    """Whether the built site is missing or older than any of its sources."""
    built = site_dir / "index.html"
    if not built.is_file():
        return True
    newest = max((p.stat().st_mtime for name in SOURCES for p in [root / name, *(root / name).rglob("*")] if p.exists()), default=0)
    return newest > built.stat().st_mtime
