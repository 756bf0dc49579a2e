"""Check the Markdown pages' macro calls before anything is built."""

import re
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, TemplateSyntaxError, nodes

from handbook import terms
from handbook.assess import check_released
from handbook.languages import DEFAULT_LANGUAGE, LANGUAGES, Lang
from handbook.load import field_path, not_utf8
from handbook.model import ORIGIN_PATTERN, SourcesDoc
from handbook.problems import Problem
from handbook.project import Project
from handbook.render import MACRO_CHECKS, Site
from handbook.suggest import did_you_mean

_PARSER = Environment()


def page_paths(root: Path) -> list[Path]:
    """Every Markdown page of every language."""
    return sorted((root / "docs").rglob("*.md"))


def _column(line: str, needle: str) -> int:
    """1-based column of `needle` in a line, or 1."""
    return line.find(needle) + 1 or 1


def _opening_line(source: str, error_line: int) -> int:
    """The line of the last `{{`/`{%` opened before the error: Jinja reports where it gave up, not where it began."""
    opened = error_line
    try:
        for line, token, _ in _PARSER.lex(source):
            if line > error_line:
                break
            if token in ("variable_begin", "block_begin"):
                opened = line
    except TemplateSyntaxError:
        pass
    return opened


def _literal(node: nodes.Node) -> object:
    """A macro argument's value when it is a literal, else None."""
    return node.value if isinstance(node, nodes.Const) else None


def check_page(site: Site, path: Path, rules: dict[Lang, list[terms.Avoided]] | None = None) -> list[Problem]:
    """Problems with one page's `{{ … }}` syntax and macro calls, and its uses of avoided variants of the
    glossary's terms (`rules`, when given)."""
    shown = path.relative_to(site.project.root).as_posix()
    raw = path.read_bytes()
    try:
        source = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return [not_utf8(shown, raw, error)]
    lines = source.splitlines() or [""]
    problems = check_front_matter(shown, lines)
    lang = shown.split("/")[1] if shown.count("/") > 1 else ""
    if rules and lang in LANGUAGES:
        origin = front_matter_origin(lines)
        problems += terms.check_page(rules, shown, lang, source, origin[1] if origin else None)
    try:
        tree = _PARSER.parse(source)
    except TemplateSyntaxError as error:
        line = min(_opening_line(source, error.lineno), len(lines))
        return problems + [Problem(shown, line, _column(lines[line - 1], "{"), "macro", f"broken macro call: {error.message}")]
    assigned = {name.name for name in tree.find_all(nodes.Name) if name.ctx != "load"}
    for name in tree.find_all(nodes.Name):
        if name.ctx == "load" and name.name not in MACRO_CHECKS and name.name not in assigned:
            known = ", ".join(sorted(MACRO_CHECKS))
            col = _column(lines[name.lineno - 1], name.name)
            problems.append(Problem(shown, name.lineno, col, "macro", f"unknown macro {name.name!r}{did_you_mean(name.name, MACRO_CHECKS) or f'; known macros: {known}'}"))
    for call in tree.find_all(nodes.Call):
        if isinstance(call.node, nodes.Name) and call.node.name in MACRO_CHECKS:
            args = [_literal(arg) for arg in call.args]
            kwargs = {kw.key: _literal(kw.value) for kw in call.kwargs}
            if message := MACRO_CHECKS[call.node.name](site, args, kwargs):
                col = _column(lines[call.lineno - 1], call.node.name)
                problems.append(Problem(shown, call.lineno, col, call.node.name, message))
    return problems


@dataclass(frozen=True)
class Call:
    """A macro call written in a page: where, and its literal arguments."""

    path: str
    line: int
    col: int
    lang: Lang
    name: str
    args: list[object]
    kwargs: dict[str, object]

    def texts(self, *names: str) -> list[str]:
        """The call's arguments by name, given by position or keyword (their checks ensure they are there)."""
        given = dict(zip(names, self.args, strict=False)) | self.kwargs
        return [str(given.get(name)) for name in names]


def macro_calls(root: Path, names: set[str]) -> list[Call]:
    """Every call of the named macros in every page (of valid pages: `check_page` reports the others)."""
    found = []
    for path in page_paths(root):
        shown = path.relative_to(root).as_posix()
        lang = shown.split("/")[1]
        try:
            source = path.read_text("utf-8")
            tree = _PARSER.parse(source)
        except (UnicodeDecodeError, TemplateSyntaxError):
            continue
        lines = source.splitlines()
        for call in tree.find_all(nodes.Call):
            if isinstance(call.node, nodes.Name) and call.node.name in names and lang in LANGUAGES:
                args, kwargs = [_literal(arg) for arg in call.args], {kw.key: _literal(kw.value) for kw in call.kwargs}
                found.append(Call(shown, call.lineno, _column(lines[call.lineno - 1], call.node.name), lang, call.node.name, args, kwargs))
    return found


def front_matter_origin(lines: list[str]) -> tuple[int, str] | None:
    """A page's `origin:` in its front matter, with its line number, if it has one."""
    if not lines or lines[0] != "---":
        return None
    for number, line in enumerate(lines[1:], 2):
        if line == "---":
            break
        if line.startswith("origin:"):
            return number, line.removeprefix("origin:").strip().strip("\"'")
    return None


def check_front_matter(shown: str, lines: list[str]) -> list[Problem]:
    """A page's `origin:` (in its front matter) says, like a data file's, where its text comes from."""
    found = front_matter_origin(lines)
    if found and not ORIGIN_PATTERN.fullmatch(found[1]):
        message = f"origin {found[1]!r} is not 'source 003:12-34', 'translated' or 'reviewed'"
        return [Problem(shown, found[0], len("origin:") + 2, "origin", message)]
    return []


def check_pages(site: Site) -> list[Problem]:
    """Problems in every page, pages missing in a language, uses of avoided variants in pages and data, and released
    self-assessment ids gone without a record (assess.check_released)."""
    rules = terms.avoided(site.project)
    problems = [problem for path in page_paths(site.project.root) for problem in check_page(site, path, rules)]
    return problems + terms.check_data(site.project, rules) + check_parity(site.project.root, LANGUAGES) + check_cited_pages(site) + check_released(site.project)


def data_homes(root: Path) -> dict[str, str]:
    """The page (slug, the same in every language) that shows each data file: the first that shows it in its
    default view, else the first that shows it at all."""
    homes: dict[str, str] = {}
    fallback: dict[str, str] = {}
    folder = root / "docs" / DEFAULT_LANGUAGE
    for path in sorted(folder.rglob("*.md")):
        try:
            tree = _PARSER.parse(path.read_text(encoding="utf-8"))
        except (TemplateSyntaxError, UnicodeDecodeError):
            continue
        for call in tree.find_all(nodes.Call):
            if isinstance(call.node, nodes.Name) and call.node.name == "show" and call.args:
                default_view = not any(kw.key == "view" for kw in call.kwargs)
                (homes if default_view else fallback).setdefault(str(_literal(call.args[0])), _slug(path, folder))
    return {**fallback, **homes}


def page_titles(root: Path, lang: str) -> dict[str, str]:
    """Each page's title in one language, by slug: its front-matter title, else its first heading."""
    folder = root / "docs" / lang
    titles = {}
    for path in sorted(folder.rglob("*.md")):
        text = path.read_text(encoding="utf-8", errors="replace")  # a page that is not UTF-8 is reported by check_page
        found = re.search(r'^title:\s*"?(.*?)"?\s*$', text.split("\n---", 1)[0], re.M) if text.startswith("---") else None
        found = found or re.search(r"^# (.+)$", text, re.M)
        titles[_slug(path, folder)] = found.group(1).strip() if found else _slug(path, folder)
    return titles


def _slug(path: Path, folder: Path) -> str:
    """A page's slug, the same in every language: `practices/community`, or '' for the home page."""
    return path.relative_to(folder).with_suffix("").as_posix().removesuffix("index").rstrip("/")


def check_cited_pages(site: Site) -> list[Problem]:
    """Every page a source says cites it must exist."""
    slugs = set(site.titles[DEFAULT_LANGUAGE])
    problems = []
    for file_id, doc in site.project.docs.items():
        for n, source in enumerate(doc.items if isinstance(doc, SourcesDoc) else []):
            for i, slug in enumerate(source.cited_on):
                if slug not in slugs:
                    loc = ("items", n, "cited_on", i)
                    message = f"no page {slug!r} (docs/{DEFAULT_LANGUAGE}/{slug or 'index'}.md){did_you_mean(slug, slugs)}"
                    problems.append(Problem(*site.project.place(file_id, loc), field_path(loc), message))
    return problems


def load_site(project: Project) -> Site:
    """The project with the home page of each data file, the pages' titles and which pages are a folder's index."""
    titles = {lang: page_titles(project.root, lang) for lang in LANGUAGES}
    folder = project.root / "docs" / DEFAULT_LANGUAGE
    indexes = frozenset(_slug(path, folder) for path in folder.rglob("index.md"))
    return Site(project, data_homes(project.root), titles, indexes)


def check_parity(root: Path, languages: tuple[str, ...]) -> list[Problem]:
    """Every page must exist in every language, under the same file name."""
    names = {lang: {p.relative_to(root / "docs" / lang).as_posix() for p in (root / "docs" / lang).rglob("*.md")} for lang in languages}
    problems = []
    for lang, pages in names.items():
        for other in languages:
            for name in sorted(pages - names[other]):
                message = f"no {other} translation: docs/{other}/{name} is missing"
                problems.append(Problem(f"docs/{lang}/{name}", 1, 1, "page", message))
    return problems
