"""Render data as HTML in one language, through the autoescaping Jinja templates in macros/templates."""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined, pass_context
from jinja2.bccache import Bucket
from jinja2.runtime import Context
from markupsafe import Markup, escape

from handbook.assess import COHORT_STRINGS, FORMAT, SCRIPT_STRINGS, STATUSES, VERSION, Assessment, Criterion, statements
from handbook.collation import by_initial, collate
from handbook.drawings import Drawings
from handbook.languages import LANGUAGES, NATIVE_NAMES, Lang
from handbook.model import Corrected, GlossaryDoc, ListDoc, ListItem, MatrixDoc, RubricDoc, StringsDoc, Term, Text
from handbook.pack import PAIR, Sheet, pack, paired
from handbook.pieces import Piece, narrowed
from handbook.project import Project
from handbook.suggest import did_you_mean
from handbook.timing import timed
from handbook.urls import Links, Urls
from handbook.views import TEMPLATES, has_view, template_name

# What Markdown would take for markup in a text: the templates' HTML stands in Markdown pages, and headings and
# cells are read as Markdown again (md_in_html, span level), so `Moral *purpose*` came out in italics and a final
# `{ #x }` was taken for attributes. (Not `#`, which links need as it is: block-level Markdown never reaches them.)
_MARKUP = "&<>\"'\\`*_[]{}"
# Each as its character reference (str.translate, in one pass): HTML's five as markupsafe escapes them, the rest by number.
_REFERENCES = str.maketrans({char: str(escape(char)) if char in "&<>\"'" else f"&#{ord(char)};" for char in _MARKUP})


def _text_of(field: str, lang: Lang) -> Callable[[Any], str]:
    """A key function: an item's text field in one language."""
    return lambda item: getattr(item, field).in_(lang)


@dataclass(frozen=True)
class Site:
    """The validated data and the page (slug) that shows each data file."""

    project: Project
    homes: dict[str, str]
    titles: dict[Lang, dict[str, str]] = field(default_factory=dict)
    indexes: frozenset[str] = frozenset({""})  # the pages that are a folder's index.md (their address differs)

    def glossary(self) -> GlossaryDoc | None:
        """The glossary, if the project has one."""
        return next((doc for doc in self.project.docs.values() if isinstance(doc, GlossaryDoc)), None)

    def term(self, term_id: str) -> Term | None:
        """A glossary entry by id."""
        glossary = self.glossary()
        return next((t for t in glossary.items if t.id == term_id), None) if glossary else None


def _in(text: Text | None, lang: Lang) -> str:
    """An optional text in one language ('' when there is none)."""
    return text.in_(lang) if text else ""


def marked(thing: object, lang: Lang) -> str | None:
    """Why readers of `lang` see the editors' mark on a file, item or row (its `editorial`), or None."""
    editorial = getattr(thing, "editorial", None)
    return editorial.why.in_(lang) if editorial is not None and editorial.applies(lang) else None


def start(text: str, length: int) -> str:
    """The start of a text, cut at a word and marked with an ellipsis when it is longer than `length`."""
    return f"{text[:length].rsplit(' ', 1)[0]}…" if len(text) > length else text


def css_string(text: str) -> Markup:
    """Text as a quoted CSS string, safe inside a <style> element (for printed headers and footers)."""
    escaped = "".join(f"\\{ord(c):x} " if c in '\\"<>&\n' else c for c in text)
    return Markup(f'"{escaped}"')


def corrected_parts(text: Corrected) -> list[tuple[str, str | None]]:
    """A corrected text in pieces: each corrected word or phrase with the form the source prints, the rest with None."""
    found = re.compile("|".join(re.escape(reads) for reads in sorted(text.fixes, key=len, reverse=True)))
    parts: list[tuple[str, str | None]] = []
    end = 0
    for match in found.finditer(text):
        parts += [(text[end : match.start()], None), (match.group(), text.fixes[match.group()])]
        end = match.end()
    return [part for part in [*parts, (text[end:], None)] if part[0]]


def paragraphs(text: str) -> list[str]:
    """A text's paragraphs (one per line), each keeping the corrections that fall in it."""
    found = [part.strip() for part in text.split("\n") if part.strip()]
    if isinstance(text, Corrected):
        return [Corrected(part, fixes) if (fixes := {r: p for r, p in text.fixes.items() if r in part}) else part for part in found]
    return found


@pass_context
def literal(context: Context, value: object) -> object:
    """A text shown as it is written: HTML's and Markdown's special characters as character references (what is
    already markup, such as a rendered template, is left alone); a corrected text with its printed forms."""
    if isinstance(value, Corrected):
        return Markup(context.environment.get_template("printed.html").render(parts=corrected_parts(value), ui=context["ui"]))
    if isinstance(value, str) and not isinstance(value, Markup):
        return Markup(value.translate(_REFERENCES))
    return value


class CompiledTemplates(FileSystemBytecodeCache):
    """Compiled templates in Jinja's folder of the user's temporary directory, so a template compiles once, not once
    per process. Jinja compiles again when a template's source changes; its key leaves out the options that shape
    the compiled code (a finalize that takes the context, trimmed blocks…), so they are added to it here."""

    def get_bucket(self, environment: Environment, name: str, filename: str | None, source: str) -> Bucket:
        """The bucket of a template, for this environment's way of compiling."""
        return super().get_bucket(environment, f"{name}|{_compiled_by(environment)}", filename, source)


def _compiled_by(env: Environment) -> str:
    """What in an environment shapes its templates' compiled code."""
    finalize = env.finalize
    options = (
        jinja2.__version__,
        getattr(env.autoescape, "__qualname__", env.autoescape),
        getattr(finalize, "__qualname__", finalize),
        getattr(finalize, "jinja_pass_arg", None),
        env.trim_blocks,
        env.lstrip_blocks,
        env.keep_trailing_newline,
        env.newline_sequence,
        env.optimized,
        sorted(env.extensions),
        (env.block_start_string, env.variable_start_string, env.comment_start_string, env.line_statement_prefix),
    )
    return repr(options)


COMPILED_TEMPLATES = CompiledTemplates()


@lru_cache(maxsize=4)
def environment(templates: Path) -> Environment:
    """The autoescaping Jinja environment of the templates, shared by every language's build in the process, so each
    template compiles once (Jinja still reloads a template whose file changed, for `mkdocs serve`)."""
    env = Environment(
        loader=FileSystemLoader(templates),
        autoescape=True,
        finalize=literal,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=COMPILED_TEMPLATES,
    )
    env.filters["collate"] = lambda items, lang, field: collate(items, lang, _text_of(field, lang))
    env.filters["by_initial"] = lambda items, lang, field: by_initial(items, lang, _text_of(field, lang))
    env.filters["paragraphs"] = paragraphs
    env.filters["css_string"] = css_string
    env.globals.update(languages=LANGUAGES, native_names=NATIVE_NAMES, marked=marked)
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}  # `tojson`: Kazakh letters as themselves, a third of \u escapes
    return env


class Renderer:
    """Renders the project's data with autoescaping Jinja templates."""

    def __init__(self, site: Site, folders: bool = True, drawn: Drawings | None = None) -> None:
        self.site = site
        self.drawn = Drawings() if drawn is None else drawn  # data drawn, by what: shared by a build's languages, kept between builds
        self._made: dict[tuple[str, str, str], dict[str, Any]] = {}  # the helpers of each language and depth
        self.urls = Urls(folders, site.indexes)
        self.project = site.project
        self.env = environment(self.project.root / TEMPLATES)
        self.strings = {item.id: item.text for doc in self.project.docs.values() if isinstance(doc, StringsDoc) for item in doc.items}
        # Each item's number in its numbered list, which a list narrowed to some of its items keeps.
        self.numbers = {item.id: n for doc in self.project.docs.values() if isinstance(doc, ListDoc) for n, item in enumerate(doc.items, 1)}

    def ui(self, lang: Lang, key: str) -> str:
        """One of the site's own interface strings (data/ui.yml) in `lang`."""
        if key not in self.strings:
            raise KeyError(f"no interface string {key!r} in data/ui.yml")
        return self.strings[key].in_(lang)

    def href(self, lang: Lang, root: str, item_id: str) -> str:
        """The link from a page (at `root` below the site root) to an item on its home page in `lang`."""
        file_id = self.project.owner[item_id]
        if file_id not in self.site.homes:
            raise KeyError(f"{item_id!r} is in {self.project.paths[file_id]}, which no page shows")
        return Links(self.urls, lang, root).page(self.site.homes[file_id], item_id)

    def page(self, lang: Lang, root: str, slug: str) -> tuple[str, str]:
        """A page's link and title in `lang`, by slug."""
        return Links(self.urls, lang, root).page(slug), self.site.titles.get(lang, {}).get(slug, slug)

    def name(self, lang: Lang, item_id: str) -> str:
        """What an item is called in `lang`: its term, name, stage or title (after its figure's or table's caption);
        else the title of the page showing it."""
        item = self.project.item(item_id)
        doc = self.project.docs[self.project.owner[item_id]]
        text = next((getattr(item, f) for f in ("term", "name", "stage", "title") if getattr(item, f, None)), None)
        if text is None:
            return self.page(lang, "", self.site.homes.get(doc.id, ""))[1]
        caption = getattr(doc, "title", None) if doc.captioned and doc is not item else None
        return f"{caption.in_(lang)} — {text.in_(lang)}" if caption else text.in_(lang)

    def sheet_title(self, lang: Lang, sheet: Sheet) -> str:
        """A handout's title: its own name, else the caption of its first data file or the title of the page showing it."""
        return sheet.handout.name.in_(lang) if sheet.handout.name else self.name(lang, sheet.handout.show[0].data)

    def label(self, lang: Lang, item_id: str, length: int = 60) -> str:
        """An item's name, followed by the start of its text where the name alone does not tell it apart from its
        neighbours: a number only (a standard's 2.1), or no name of its own (the title of its page)."""
        item = self.project.item(item_id)
        name = self.name(lang, item_id)
        named = any(getattr(item, field, None) for field in ("term", "name", "stage", "title"))
        text = getattr(item, "text", None)
        if not text or (named and any(char.isalpha() for char in name)):
            return name
        return f"{name} {start(text.in_(lang), length)}" if named else f"{name}: {start(text.in_(lang), length)}"

    def render(self, template: str, lang: Lang, root: str, **context: Any) -> str:
        """A template rendered for one language, without blank lines (they would end Markdown's raw HTML block)."""
        with timed("render"):
            values = self._helpers(lang, root, context.get("anchor", "")) | context
            html = self.env.get_template(template).render(values)
        return "\n".join(line for line in html.splitlines() if line.strip())

    def _helpers(self, lang: Lang, root: str, anchor: str) -> dict[str, Any]:
        """What every template may call, for one language at one depth, with `parts` (parts.html's macros) bound to
        them: made once, not at every render (a module imported with context is made anew each time)."""
        key = (lang, root, anchor)
        if key not in self._made:
            helpers: dict[str, Any] = {
                "lang": lang,
                "root": root,
                "anchor": anchor,
                "ui": partial(self.ui, lang),
                "href": partial(self.href, lang, root),
                "name": partial(self.name, lang),
                "label": partial(self.label, lang),
                "page": partial(self.page, lang, root),
                "link": Links(self.urls, lang, root),
                "find": self.project.item,
                "number": self.numbers.get,
            }
            helpers["parts"] = self.env.get_template("parts.html").make_module(helpers)
            self._made[key] = helpers
        return self._made[key]

    def show(self, lang: Lang, file_id: str, view: str = "", root: str = "", level: int = 2) -> str:
        """One data file as HTML in `lang`; named items become headings of `level`."""
        doc = self.project.docs[file_id]
        extra: dict[str, Any] = {}
        if doc.kind == "handouts":
            extra["sheets"] = [(sheet, self.sheet_title(lang, sheet), paired(sheet.id)) for sheet in pack(self.project)]
            extra["pair_lang"] = PAIR[0]  # the bilingual handouts are in its folder
        return self.drawn.drawn((lang, "show", file_id, view, root, str(level)), lambda: self.render(template_name(doc.kind, view), lang, root, doc=doc, level=level, **extra))

    def piece(self, lang: Lang, piece: Piece, view: str = "", root: str = "", anchor: str = "") -> str:
        """One piece of a data file as HTML in `lang`, drawn by its kind's template (in `view`) as on its page; its
        anchors start with `anchor` (the same piece stands in two languages on one page)."""
        doc = self.project.docs[piece.file]
        view = view or ("table" if doc.kind == "glossary" else "")  # a term alone, without the glossary's index
        return self.drawn.drawn((lang, "piece", piece.id, view, root, anchor), lambda: self.render(template_name(doc.kind, view), lang, root, doc=narrowed(doc, piece), level=3, anchor=anchor))

    def criteria(self, lang: Lang, assessment: Assessment) -> list[Criterion]:
        """Each criterion of an assessment in `lang`, in its order, with its section (the group it is charted in)."""
        doc = self.project.docs[assessment.id]
        if isinstance(doc, RubricDoc):
            title = self.page(lang, "", self.site.homes.get(assessment.id, ""))[1]
            return [Criterion(row.id, _in(row.name, lang), _in(row.name, lang), title) for row in doc.rows]
        if isinstance(doc, MatrixDoc):
            return [
                Criterion(sid, str(n), start(statement.text.in_(lang), 70), f"{_in(row.name, lang)} — {_in(column.name, lang)}")
                for row, column, cell in statements(doc)
                for n, (sid, statement) in enumerate(cell, 1)
            ]
        if isinstance(doc, ListDoc):
            shown = self._shown(doc)
            number = {item.id: _in(item.name, lang) for item in doc.items}
            section = {i: number[ids[0]] + (f"–{number[ids[-1]]}" if len(ids) > 1 else "") for ids in assessment.groups.values() for i in ids}
            return [Criterion(item.id, number[item.id], f"{number[item.id]} {start(_in(shown[item.id].text, lang), 60)}", section.get(item.id, "")) for item in doc.items]
        raise TypeError(f"a {doc.kind} cannot be assessed")

    def _shown(self, doc: ListDoc) -> dict[str, ListItem]:
        """Each item with the item whose text it shows: its own, or, printed word for word as another, that one's
        (standard 2.4 is 3.4)."""
        return {item.id: item if item.text else self.project.item(item.see[0]) for item in doc.items}

    def _answers_config(self, lang: Lang, known: dict[str, Assessment], keys: tuple[str, ...], group: str) -> dict[str, Any]:
        """What a script reading answers files needs: the format, every assessment's definition, and its strings."""
        strings = {key: self.ui(lang, f"{group}.{key}") for key in keys}
        return {"format": FORMAT, "version": VERSION, "lang": lang, "definitions": {file_id: known[file_id].definition() for file_id in known}, "strings": strings}

    def assessment(self, lang: Lang, root: str, assessment: Assessment, known: dict[str, Assessment]) -> str:
        """The self-assessment form of one data file in `lang`, with what its script needs to check any file of
        answers (`known`: every assessment of the site)."""
        return self.drawn.drawn((lang, "assessment", assessment.id, root), lambda: self._assessment(lang, root, assessment, known))

    def _assessment(self, lang: Lang, root: str, assessment: Assessment, known: dict[str, Assessment]) -> str:
        """The self-assessment form, drawn."""
        doc = self.project.docs[assessment.id]
        rows: list[Any] = statements(doc) if isinstance(doc, MatrixDoc) else []
        shown: dict[str, ListItem] = {}
        groups: list[tuple[str, str, int]] = []
        criteria = self.criteria(lang, assessment)
        if isinstance(doc, ListDoc):
            shown = self._shown(doc)
            groups = [(key, next(c.section for c in criteria if c.id == ids[0]), len(ids)) for key, ids in assessment.groups.items()]
        config = {"id": assessment.id, **self._answers_config(lang, known, SCRIPT_STRINGS, "assess")}
        evidence = [self.project.item(box_id) for box_id in assessment.evidence]
        title = self.page(lang, root, self.site.homes.get(assessment.id, ""))[1]
        form = {"statements": rows, "criteria": [(c.id, c.label) for c in criteria], "evidence": evidence, "shown": shown, "groups": groups}
        return self.render("assess.html", lang, root, a=assessment, doc=doc, config=config, statuses=STATUSES, title=title, **form)

    def cohort(self, lang: Lang, root: str, known: dict[str, Assessment]) -> str:
        """The cohort summary's tool in `lang`: what its script needs to read the files a group exported and to label
        each assessment's charts and tables (its page, its criteria in sections, the names of its levels)."""
        summaries = []
        for assessment in known.values():
            doc = self.project.docs[assessment.id]
            if isinstance(doc, RubricDoc):
                levels = [_in(column.name, lang) for column in doc.columns]
            elif assessment.kind == "portfolio":
                levels = [self.ui(lang, f"assess.status-{status}") for status in STATUSES]
            else:
                levels = [self.ui(lang, f"assess.scale-{n}") for n in range(1, assessment.levels + 1)]
            url, title = self.page(lang, root, self.site.homes.get(assessment.id, ""))
            criteria = self.criteria(lang, assessment)
            sections = list(dict.fromkeys(c.section for c in criteria))
            grouped = [[section, [c.id for c in criteria if c.section == section]] for section in sections]
            summaries.append({"id": assessment.id, "title": title, "url": url, "levels": levels, "criteria": [[c.id, c.short, c.label] for c in criteria], "sections": grouped})
        config = {**self._answers_config(lang, known, COHORT_STRINGS, "cohort"), "assessments": summaries}
        config["strings"] |= {key: self.ui(lang, f"assess.{key}") for key in ("now", "criterion", "chart-table")}
        return self.render("cohort.html", lang, root, config=config)

    def corrected(self, lang: Lang, text: str, printed: str) -> str:
        """A word or phrase of a page corrected from a slip of the printed source, keeping the form it prints."""
        return self.render("printed.html", lang, "", parts=[(text, printed)])

    def editorial(self, lang: Lang, text: str, why: str) -> str:
        """Words of a page that the editors supplied (a heading the source does not print), marked, with why."""
        return self.render("editorial.html", lang, "", text=text, why=why)

    def term(self, lang: Lang, term_id: str, text: str | None = None, root: str = "", serial: int = 0) -> str:
        """A glossary term (or the inflected form given) linked to its entry, with its definition as a tooltip."""
        entry = self.site.term(term_id)
        if entry is None:  # pages.check_page reports it before anything is built
            raise KeyError(f"unknown glossary term {term_id!r}")
        return self.render("term.html", lang, root, entry=entry, text=text or entry.term.in_(lang), tip=f"tip-{term_id}-{serial}")


Check = Callable[[Site, list[Any], dict[str, Any]], str | None]


def check_show(site: Site, args: list[Any], kwargs: dict[str, Any]) -> str | None:
    """Why a `show(...)` call cannot render, or None when it can."""
    file_id = args[0] if args else kwargs.get("file_id")
    if file_id in site.project.unchecked:
        return None  # its own file failed validation, which says why
    if file_id not in site.project.docs:
        suggestion = did_you_mean(file_id, [*site.project.docs, *site.project.unchecked])
        return f"unknown data file id {file_id!r}" + (suggestion or " (a data file's id is the `id:` at its top)")
    if unknown := sorted(set(kwargs) - {"file_id", "view", "level"}):
        return f"unknown argument(s) {unknown}; show takes a data file id, view= and level="
    if kwargs.get("level", 2) not in (2, 3, 4):
        return "level= must be 2, 3 or 4"
    kind, view = site.project.docs[file_id].kind, kwargs.get("view", "")
    if not has_view(site.project.root, kind, view):
        return f"a {kind} has no view {view!r} (no template {template_name(kind, view)})"
    return None


def check_term(site: Site, args: list[Any], kwargs: dict[str, Any]) -> str | None:
    """Why a `term(...)` call cannot render, or None when it can."""
    term_id = args[0] if args else kwargs.get("term_id")
    if term_id in site.project.unchecked:
        return None  # its own file failed validation, which says why
    glossary = site.glossary()
    if glossary is None or not isinstance(term_id, str) or site.term(term_id) is None:
        return f"unknown glossary term {term_id!r}" + did_you_mean(str(term_id), [t.id for t in glossary.items] if glossary else [])
    if glossary.id not in site.homes:
        return "the glossary is shown on no page, so a term cannot link to it"
    text = args[1] if len(args) > 1 else kwargs.get("text", "form")
    if not isinstance(text, str) or not text.strip():
        return "the form of the term, when given, must be a non-empty string"
    return None


def _two_texts(first: str, second: str) -> Check:
    """The check of a macro that takes two non-empty literal strings, which differ."""

    def check(site: Site, args: list[Any], kwargs: dict[str, Any]) -> str | None:
        given = dict(zip((first, second), args, strict=False)) | kwargs
        if len(args) > 2 or set(given) != {first, second}:
            return f"takes two texts: {first} and {second}="
        if not all(isinstance(given[name], str) and given[name].strip() for name in (first, second)):
            return f"{first} and {second} must be non-empty strings written in the page"
        if given[first] == given[second]:
            return f"{first} and {second} are the same"
        return None

    return check


def check_no_arguments(site: Site, args: list[Any], kwargs: dict[str, Any]) -> str | None:
    """Why a macro that takes no arguments cannot render, or None."""
    return "this macro takes no arguments" if args or kwargs else None


# The macros pages may call, each with the check of its literal arguments.
MACRO_CHECKS: dict[str, Check] = {
    "show": check_show,
    "term": check_term,
    "corrected": _two_texts("text", "printed"),
    "editorial": _two_texts("text", "why"),
    "translation_status": check_no_arguments,
    "open_data": check_no_arguments,
    "session_builder": check_no_arguments,
    "cohort_summary": check_no_arguments,
}
