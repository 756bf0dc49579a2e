"""The `handbook` command: validate, build, pdf, offline, status, diff, screenshots, stamp, export, schema and
release-ids."""

import argparse
import json
import sys
import time
from pathlib import Path
from typing import cast

from handbook.diff import DiffError
from handbook.edition import add_pdfs
from handbook.languages import LANGUAGES, Lang
from handbook.pages import check_pages, load_site
from handbook.problems import Problem
from handbook.project import load_project, read_project


def validate(root: Path, only: list[Path]) -> list[Problem]:
    """Every problem in the data and the pages (or only in the files named), all at once."""
    project, problems = read_project(root)
    problems += check_pages(load_site(project))
    if only:
        shown = {(p if p.is_absolute() else Path.cwd() / p).resolve() for p in only}
        problems = [p for p in problems if (root / p.path).resolve() in shown]
    return sorted(problems)


def report(problems: list[Problem], after: str = "", style: str = "text") -> int:
    """Print problems one per line on stderr (as GitHub annotations on stdout with style `github`); the exit code."""
    for problem in problems:
        if style == "github":
            print(problem.github())
        else:
            print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s){after}", file=sys.stderr)
    return 1 if problems else 0


def parser() -> argparse.ArgumentParser:
    """The command line."""
    main = argparse.ArgumentParser(prog="handbook", description=__doc__)
    main.add_argument("--root", type=Path, default=Path.cwd(), help="the project folder (default: here)")
    commands = main.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check data files and pages; one line per problem")
    check.add_argument("paths", nargs="*", type=Path, help="report only these files")
    check.add_argument("--format", choices=("text", "github"), default="text", help="github: annotations for a pull request's files")
    build = commands.add_parser("build", help="validate, build the site, replace site/ only on success")
    build.add_argument("--site-dir", type=Path, default=None, help="where the site goes (default: ROOT/site)")
    status = commands.add_parser("status", help="per file and language: items from the source, translated, reviewed, outdated; then every correction of the printed source and editorial mark")
    status.add_argument("--format", choices=("text", "markdown", "json"), default="text", help="text (default), markdown or json")
    export = commands.add_parser("export", help="write every data file as open data (all languages side by side)")
    export.add_argument("--format", choices=("json", "csv"), action="append", help="json, csv or both (the default)")
    export.add_argument("--out", type=Path, required=True, help="the folder to write into")
    pdf = commands.add_parser("pdf", help="build the site if needed, then the PDFs of every handout and of the whole handbook")
    pdf.add_argument("--site-dir", type=Path, default=None, help="the built site (default: ROOT/site)")
    pdf.add_argument("--jobs", type=int, default=2, help="PDFs written at once (default: 2)")
    offline = commands.add_parser("offline", help="build the copy that is read from a folder or USB stick (file://), with its PDFs")
    offline.add_argument("--site-dir", type=Path, default=None, help="where it goes (default: ROOT/site-offline)")
    offline.add_argument("--jobs", type=int, default=2, help="PDFs written at once (default: 2)")
    offline.add_argument("--no-pdf", action="store_true", help="leave out the PDFs")
    diff = commands.add_parser("diff", help="what changed between two git revisions, as the handbook: items and pages per language, where readers see them, the translations left outdated")
    diff.add_argument("base", help="the revision before the change (a commit, branch or tag: main, HEAD~1, origin/main)")
    diff.add_argument("head", nargs="?", default=None, help="the revision after it (default: the working tree)")
    diff.add_argument("--format", choices=("text", "markdown", "json"), default="text", help="text (default), markdown (a pull request's summary) or json (schemas/diff.schema.json)")
    diff.add_argument("--lang", type=spoken, default=("en",), help="the language(s) the report speaks, comma-separated: kk, ru, en (default: en); the texts changed are shown in their own")
    diff.add_argument("--site-url", default=None, help="the published site's address, for the addresses readers see changes at (default: HANDBOOK_SITE_URL)")
    shots = commands.add_parser("screenshots", help="screenshots of the pages `diff` names, before and after, on a desktop and a phone (chromium)")
    shots.add_argument("base", help="the revision before the change")
    shots.add_argument("head", nargs="?", default=None, help="the revision after it (default: the working tree)")
    shots.add_argument("--out", type=Path, default=Path("screenshots"), help="the folder they go in, emptied first (default: screenshots)")
    shots.add_argument("--chromium", default=None, help="the chromium to run (default: CHROMIUM, else /usr/bin/chromium)")
    stamp = commands.add_parser("stamp", help="record in translations the fingerprint of their current source text")
    stamp.add_argument("paths", nargs="+", type=Path, help="the data files whose translations are up to date")
    stamp.add_argument("--id", help="only this item (default: every item of the files)")
    stamp.add_argument("--lang", choices=LANGUAGES, help="only this language (default: every translated language)")
    commands.add_parser("release-ids", help="record the ids readers' self-assessment answers are stored under, as released (released-ids.yml)")
    schema = commands.add_parser("schema", help="write schemas/*.schema.json from the model")
    schema.add_argument("--check", action="store_true", help="only say whether the schemas are stale (exit 1 if so)")
    return main


def main(argv: list[str] | None = None) -> int:
    """Run one subcommand and return its exit code."""
    args = parser().parse_args(argv)
    root = args.root.resolve()
    if args.command == "schema":
        from handbook.schema import stale_schemas, write_schemas

        if args.check:
            stale = stale_schemas(root)
            for name in stale:
                print(f"schemas/{name}: stale; run `handbook schema`", file=sys.stderr)
            return 1 if stale else 0
        print("wrote " + ", ".join(f"schemas/{name}" for name in write_schemas(root)))
        return 0
    if args.command == "validate":
        if code := report(validate(root, args.paths), style=args.format):
            return code
        print("ok: data and pages are valid")
        return 0
    if args.command == "diff":  # each side is validated on its own, the working tree only when it is one
        return diff_revisions(root, args.base, args.head, args.format, args.site_url, args.lang)
    if args.command == "screenshots":
        return screenshots(root, args.base, args.head, args.out, args.chromium)
    if code := report(validate(root, []), "; nothing was built" if args.command == "build" else ""):
        return code
    if args.command == "export":
        from handbook.export import FORMATS, export_all

        for path in export_all(load_project(root), args.out, args.format or FORMATS):
            print(path)
        return 0
    if args.command == "stamp":
        return stamp_files(root, args.paths, args.id, args.lang)
    if args.command == "release-ids":
        from datetime import date

        from handbook.assess import RELEASED, release_ids

        (root / RELEASED).write_text(release_ids(load_project(root), date.today().isoformat()), "utf-8")
        print(f"wrote {RELEASED}")
        return 0
    if args.command == "status":
        from handbook import editorial
        from handbook.status import FORMATS as STATUS_FORMATS
        from handbook.status import project_status

        project = load_project(root)
        shown = STATUS_FORMATS[args.format](project_status(project))
        if args.format == "json":
            print(json.dumps({**json.loads(shown), **editorial.as_data(project)}, ensure_ascii=False, indent=2))
        else:
            print(shown + "\n\n" + editorial.FORMATS[args.format](project))
        return 0
    from handbook.site import build_site

    if args.command == "offline":
        site_dir = args.site_dir or root / "site-offline"
        if code := build_site(root, site_dir, offline=True):
            return code
        print(f"{site_dir}: open index.html in a browser")
        return 0 if args.no_pdf else make_pdfs(root, site_dir, args.jobs)
    site_dir = args.site_dir or root / "site"
    if args.command == "pdf":
        return make_pdfs(root, site_dir, args.jobs)
    return build_site(root, site_dir)


def spoken(value: str) -> tuple[Lang, ...]:
    """The languages a report speaks, from `--lang kk,ru`, in the order given."""
    langs = tuple(value.split(","))
    if not langs or not set(langs) <= set(LANGUAGES):
        raise argparse.ArgumentTypeError(f"--lang {value}: give one or more of {', '.join(LANGUAGES)}, comma-separated")
    return cast(tuple[Lang, ...], langs)


def diff_revisions(root: Path, base: str, head: str | None, style: str, site_url: str | None, langs: tuple[Lang, ...] = ("en",)) -> int:
    """Print what changed between two revisions; a revision that is not one, or a side that does not validate (each
    problem by file and line, under its side), is an error."""
    import os

    from handbook.diff import FORMATS, diff

    try:
        report = diff(root, base, head, site_url or os.environ.get("HANDBOOK_SITE_URL") or None)
    except DiffError as error:
        return refused("diff", error)
    print(FORMATS[style](report, langs), end="")
    return 0


def refused(command: str, error: DiffError) -> int:
    """Say why two revisions cannot be compared: the reason, then each side's problems by file and line."""
    print(f"handbook {command}: {error}", file=sys.stderr)
    for side, problems in error.problems.items():
        print(f"{side}:", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
    return 1


def screenshots(root: Path, base: str, head: str | None, out: Path, chromium: str | None) -> int:
    """Shoot the pages a change touches, before and after; say where they went."""
    import os

    from handbook.screenshots import take

    try:
        written = take(root, base, head, out if out.is_absolute() else Path.cwd() / out, chromium or os.environ.get("CHROMIUM") or "/usr/bin/chromium")
    except DiffError as error:
        return refused("screenshots", error)
    print(f"{len(written)} screenshot(s) in {out}; {out / 'pages.txt'} lists them by page")
    return 0


def stamp_files(root: Path, paths: list[Path], only_id: str | None, only_lang: Lang | None) -> int:
    """Stamp the translations of some data files with their source's current fingerprint; say what changed."""
    from handbook.fingerprint import stamp

    project = load_project(root)
    by_path = {(root / path).resolve(): file_id for file_id, path in project.paths.items()}
    for path in paths:
        file_id = by_path.get((path if path.is_absolute() else Path.cwd() / path).resolve())
        if file_id is None:
            print(f"{path}: not a data file of the project", file=sys.stderr)
            return 1
        for line in stamp(root / project.paths[file_id], project.documents[file_id], project.docs[file_id], only_id, only_lang) or [f"{project.paths[file_id]}: up to date"]:
            print(line)
    return 0


def make_pdfs(root: Path, site_dir: Path, workers: int) -> int:
    """Build the site when it is missing or stale, then write every PDF and say how long each took."""
    from handbook.pdf import site_is_stale, write_pdfs
    from handbook.site import build_site

    if site_is_stale(root, site_dir) and (code := build_site(root, site_dir)):
        return code
    start = time.perf_counter()
    made = write_pdfs(load_project(root), site_dir, workers)
    for pdf in made:
        print(f"{pdf.path.relative_to(site_dir)}  {pdf.size / 1024:.0f} KiB  {pdf.seconds:.1f} s")
    add_pdfs(site_dir)  # each language's pack for offline reading offers its PDFs
    print(f"{len(made)} PDFs in {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
