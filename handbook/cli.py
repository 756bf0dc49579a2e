"""The `handbook` command: validate, build, status and schema."""

import argparse
import sys
from pathlib import Path

from handbook.pages import check_pages
from handbook.problems import Problem, ValidationFailed
from handbook.project import load_project


def validate(root: Path, only: list[Path]) -> list[Problem]:
    """Every problem in the data and the pages (or only in the files named)."""
    try:
        problems = check_pages(load_project(root))
    except ValidationFailed as failed:
        problems = failed.problems
    if only:
        shown = {(p if p.is_absolute() else Path.cwd() / p).resolve() for p in only}
        problems = [p for p in problems if (root / p.path).resolve() in shown]
    return sorted(problems)


def main(argv: list[str] | None = None) -> int:
    """Run one subcommand and return its exit code."""
    parser = argparse.ArgumentParser(prog="handbook", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the project folder (default: here)")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check data files and pages; one line per problem")
    check.add_argument("paths", nargs="*", type=Path, help="report only these files")
    build = commands.add_parser("build", help="validate, build the site, replace site/ only on success")
    build.add_argument("--site-dir", type=Path, default=None, help="where the site goes (default: ROOT/site)")
    args = parser.parse_args(argv)
    root = args.root.resolve()

    problems = validate(root, args.paths if args.command == "validate" else [])
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s)" + ("; nothing was built" if args.command == "build" else ""), file=sys.stderr)
        return 1
    if args.command == "build":
        from handbook.site import build_site

        return build_site(root, args.site_dir or root / "site")
    print("ok: data and pages are valid")
    return 0


if __name__ == "__main__":
    sys.exit(main())
