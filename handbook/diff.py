"""What a change does to the handbook, as the people who approve it read it: between two git revisions, every data
item and page added, removed or changed, per language, with its old and new text; where readers see it (its pages
and handouts, in every language); the translations it leaves outdated, with the command that stamps them once
updated; and the ids readers' self-assessment answers are stored under that it renames or removes."""

import difflib
import io
import json
import re
import subprocess
import tarfile
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from handbook.assess import assessments
from handbook.changes import FIELDS, Changed, How, Outdated, Report, Untouched, Version
from handbook.fingerprint import texts
from handbook.languages import LANGUAGES, Lang
from handbook.model import Text
from handbook.pack import pack
from handbook.pages import check_pages, load_site
from handbook.problems import Problem
from handbook.project import Project, read_project
from handbook.status import statuses_by_file
from handbook.urls import Urls, published

WORKING_TREE = "the working tree"


class DiffError(Exception):
    """A diff that cannot be made: not a git repository, not a revision, or a side that does not validate."""

    def __init__(self, message: str, problems: dict[str, list[Problem]] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or {}


# ---- the two sides ----


def _git(root: Path, *args: str) -> str:
    """A git command's output in `root` (DiffError when git refuses)."""
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise DiffError("git is not installed") from None
    if done.returncode != 0:
        raise DiffError(done.stderr.strip() or f"git {' '.join(args)} failed")
    return done.stdout.strip()


@contextmanager
def checked_out(root: Path, revision: str | None) -> Iterator[Path]:
    """The project as it is at a git revision (its files only, in a temporary folder), or the working tree."""
    try:
        _git(root, "rev-parse", "--show-toplevel")
    except DiffError:
        raise DiffError(f"{root} is not in a git repository: `handbook diff` compares two of its revisions") from None
    if revision is None:
        yield root
        return
    try:
        commit = _git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}")
    except DiffError:
        raise DiffError(f"{revision!r} is not a revision of this repository (a commit, branch or tag: see `git log`)") from None
    prefix = _git(root, "rev-parse", "--show-prefix")
    archive = subprocess.run(["git", "-C", str(root), "archive", "--format=tar", commit, "--", prefix or "."], capture_output=True, check=True)
    with tempfile.TemporaryDirectory(prefix="handbook-diff-") as folder:
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(folder, filter="data")
        yield Path(folder) / prefix


def _side(root: Path, label: str) -> Project:
    """A side's project, or DiffError naming every problem that keeps it from validating."""
    project, problems = read_project(root)
    if not problems:
        problems = check_pages(load_site(project))
    if problems:
        raise DiffError(f"{label} does not validate", {label: sorted(problems)})
    return project


# ---- the data ----


@dataclass(frozen=True)
class _Item:
    """A data item as the diff compares it: where it is, its name, its texts by language and its earlier ids."""

    path: str
    file_id: str
    name: dict[Lang, str]
    text: dict[Lang, str]
    renamed_from: tuple[str, ...]


def _named(item: Any) -> dict[Lang, str]:
    """An item's name in each language (its name, term or label), if it has one."""
    for attribute in ("name", "term", "label", "title"):
        if isinstance(value := getattr(item, attribute, None), Text):
            return {lang: str(value.in_(lang)) for lang in LANGUAGES}
    return {}


def _among(ids: set[int]) -> Callable[[BaseModel], bool]:
    """Whether a part is one of these (by identity)."""
    return lambda part: id(part) in ids


def items(project: Project) -> dict[tuple[str, str], _Item]:
    """Every data item of a project, and every data file's own texts (under the file's id), by (file id, id)."""
    found: dict[tuple[str, str], _Item] = {}
    for file_id, doc in project.docs.items():
        path = project.documents[file_id].path
        located = [item for _, item in doc.located()]
        apart = _among({id(item) for item in located})  # an item inside another (a tier's boxes) has its own texts
        for owner, key in [(doc, file_id), *((item, item.id) for item in located)]:
            own = texts(owner, apart, leave=("origin",))  # the editors' marks too: readers see them
            text = {lang: FIELDS.join(str(t.in_(lang)) for t in own) for lang in LANGUAGES}
            found[file_id, key] = _Item(path, file_id, _named(owner), text, tuple(getattr(owner, "renamed_from", ()) or ()))
    return found


def _reached(site_url: str | None, path: str) -> str:
    """A path below the site root as readers reach it: on the published site when its address is known, else from
    the site's root."""
    return published(site_url, path) if site_url else "/" + path


@dataclass(frozen=True)
class _Places:
    """Where a project shows its data: each file's page (by slug) and the handouts showing it."""

    homes: dict[str, str]
    sheets: dict[str, list[str]]  # by file id: the handouts (ids) showing it
    site_url: str | None

    @classmethod
    def of(cls, project: Project, site_url: str | None) -> "_Places":
        """The places of a project's data."""
        sheets: dict[str, list[str]] = {}
        for sheet in pack(project):
            for shown in sheet.handout.show:
                sheets.setdefault(shown.data, []).append(sheet.id)
        return cls(load_site(project).homes, sheets, site_url)

    def address(self, path: str) -> str:
        """A path below the site root as readers reach it."""
        return _reached(self.site_url, path)

    def of_item(self, file_id: str, anchor: str) -> list[str]:
        """An item's page at its anchor, and each handout showing its file with the handout's PDF, in every language."""
        urls = Urls()
        found = [self.address(urls.page(lang, self.homes[file_id], anchor if anchor != file_id else "")) for lang in LANGUAGES] if file_id in self.homes else []
        for sheet_id in dict.fromkeys(self.sheets.get(file_id, [])):
            found += [self.address(urls.sheet(lang, sheet_id)) for lang in LANGUAGES] + [self.address(urls.pdf(lang, sheet_id)) for lang in LANGUAGES]
        return found


def compare_data(base: Project, head: Project, site_url: str | None = None) -> list[Changed]:
    """Every data item added, removed, renamed (`renamed_from`) or changed, by file, in the files' order."""
    old, new = items(base), items(head)
    before_places, after_places = _Places.of(base, site_url), _Places.of(head, site_url)
    assessed = {item_id for a in assessments(base).values() for item_id in a.ids()}
    renamed = {(item.file_id, was): key for key, item in new.items() for was in item.renamed_from if (item.file_id, was) in old and (item.file_id, was) not in new}
    earlier = {key: was for was, key in renamed.items()}
    found: list[Changed] = []
    for key in [*new, *(key for key in old if key not in new and key not in renamed)]:
        was = earlier.get(key)
        before, after = old.get(was or key), new.get(key)
        how: How = "added" if before is None else "removed" if after is None else "renamed" if was else "changed"
        versions = [Version(lang, before.text[lang] if before else "", after.text[lang] if after else "") for lang in LANGUAGES]
        versions = [v for v in versions if v.old != v.new]
        if how == "changed" and not versions:
            continue
        shown = after or before
        assert shown is not None
        where = (after_places if after else before_places).of_item(key[0], key[1])
        found.append(Changed(shown.path, key[1], how, shown.name, versions, where, was[1] if was else "", (was or key)[1] in assessed))
    return sorted(found, key=lambda c: c.path)  # stable: each file's items in their order


def compare_outdated(base: Project, head: Project) -> list[Outdated]:
    """The translations outdated on `head` that were not on `base`: their source changed in this diff."""
    before = {(s.path, s.id, s.lang) for status in statuses_by_file(base).values() for s in status.stale}
    found = []
    for status in statuses_by_file(head).values():
        for stale in status.stale:
            if (stale.path, stale.id, stale.lang) not in before:
                found.append(Outdated(stale.path, stale.line, stale.id, stale.lang, f"handbook stamp {stale.path} --id {stale.id} --lang {stale.lang}"))
    return sorted(found, key=lambda o: (o.path, o.line, o.lang))


# ---- the pages ----


def _paragraphs(text: str) -> list[str]:
    """A page's paragraphs: its blocks between empty lines, each on one line."""
    return [" ".join(block.split()) for block in re.split(r"\n\s*\n", text) if block.strip()]


def _page_slug(path: Path) -> str:
    """A page's slug from its file below docs/<lang>/ (`practices/community`, '' for the home page)."""
    slug = path.as_posix().removesuffix(".md")
    return slug.removesuffix("index").rstrip("/") if slug == "index" or slug.endswith("/index") else slug


def compare_pages(base: Path, head: Path, site_url: str | None = None) -> list[Changed]:
    """Every paragraph of a page added, removed or changed, per language, by page."""
    found: list[Changed] = []
    for lang in LANGUAGES:
        folders = [root / "docs" / lang for root in (base, head)]
        files = sorted({p.relative_to(folder) for folder in folders if folder.is_dir() for p in folder.rglob("*.md")})
        for file in files:
            old, new = ((folder / file).read_text("utf-8") if (folder / file).is_file() else "" for folder in folders)
            if old == new:
                continue
            path = f"docs/{lang}/{file.as_posix()}"
            where = [_reached(site_url, Urls().page(lang, _page_slug(file)))]
            title = re.search(r"^# (.+)$", new or old, re.M)
            names = {lang: title.group(1).strip() if title else file.as_posix()}
            before, after = _paragraphs(old), _paragraphs(new)
            for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes():
                if tag == "equal":
                    continue
                how: How = "added" if i1 == i2 else "removed" if j1 == j2 else "changed"
                text = Version(lang, "\n\n".join(before[i1:i2]), "\n\n".join(after[j1:j2]))
                found.append(Changed(path, str(j1 + 1 if j1 < j2 else i1 + 1), how, names, [text], where))
    return found


def untouched_translations(head: Path, pages: list[Changed]) -> list[Untouched]:
    """The translated pages (front matter `origin: translated`) whose source page the change edits and they not."""
    changed = {change.path for change in pages}
    found: dict[str, Untouched] = {}
    for source in sorted(changed):
        _, lang, rest = source.split("/", 2)
        for other in LANGUAGES:
            page = f"docs/{other}/{rest}"
            if other != lang and page not in changed and _translated(head / source) is False and _translated(head / page):
                found.setdefault(page, Untouched(page, other, [])).sources.append(source)
    return list(found.values())


def _translated(page: Path) -> bool | None:
    """Whether a page says it is a translation (its front matter's `origin`), None if the page is not there."""
    if not page.is_file():
        return None
    front = re.match(r"---\n(.*?)\n---\n", page.read_text("utf-8"), re.S)
    return bool(front and re.search(r"^origin:\s*[\"']?translated", front.group(1), re.M))


# ---- the report ----


def diff(root: Path, base: str, head: str | None = None, site_url: str | None = None) -> Report:
    """The report of what changed between two revisions of the project at `root` (`head` None: the working tree)."""
    labels = (base, head or WORKING_TREE)
    with checked_out(root, base) as old_root, checked_out(root, head) as new_root:
        problems: dict[str, list[Problem]] = {}
        sides: list[Project] = []
        for label, side_root in zip(labels, (old_root, new_root), strict=True):
            try:
                sides.append(_side(side_root, label))
            except DiffError as error:
                problems |= error.problems
        if problems:
            raise DiffError(" and ".join(problems) + (" does not validate" if len(problems) == 1 else " do not validate"), problems)
        report = Report(*labels)
        report.data = compare_data(sides[0], sides[1], site_url)
        report.outdated = compare_outdated(sides[0], sides[1])
        report.pages = compare_pages(old_root, new_root, site_url)
        report.untouched = untouched_translations(new_root, report.pages)
    return report


def words(old: str, new: str) -> list[tuple[str, str]]:
    """Two texts word by word: ('=', words) kept, ('-', words) taken out, ('+', words) put in."""
    a, b = old.split(), new.split()
    parts: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag == "equal":
            parts.append(("=", " ".join(a[i1:i2])))
        else:
            if i1 < i2:
                parts.append(("-", " ".join(a[i1:i2])))
            if j1 < j2:
                parts.append(("+", " ".join(b[j1:j2])))
    return parts


def as_json(report: Report) -> str:
    """The report as JSON (schemas/diff.schema.json)."""
    return json.dumps(report.as_dict(), ensure_ascii=False, indent=2)


# What the report says, in each language its reader may read (`--lang`): a reviewer who reads only Russian reads it
# in Russian. The texts changed are shown in their own languages.
SAID: dict[str, dict[Lang, str]] = {
    "title": {"kk": "Бұл түзету нұсқаулықта нені өзгертеді", "ru": "Что эта правка меняет в руководстве", "en": "What this change does to the handbook"},
    "data": {"kk": "Деректер", "ru": "Данные", "en": "Data"},
    "pages": {"kk": "Беттер", "ru": "Страницы", "en": "Pages"},
    "before": {"kk": "бұрын", "ru": "было", "en": "before"},
    "after": {"kk": "кейін", "ru": "стало", "en": "after"},
    "seen": {"kk": "Оқырмандар көретін жер", "ru": "Где это видят читатели", "en": "Seen at"},
    "added": {"kk": "қосылды", "ru": "добавлено", "en": "added"},
    "removed": {"kk": "жойылды", "ru": "удалено", "en": "removed"},
    "changed": {"kk": "өзгертілді", "ru": "изменено", "en": "changed"},
    "renamed": {"kk": "қайта аталды", "ru": "переименовано", "en": "renamed"},
    "paragraph": {"kk": "«{page}» бетінің {n}-абзацы", "ru": "абзац {n} страницы «{page}»", "en": "paragraph {n} of «{page}»"},
    "was": {"kk": "бұрын: {id}", "ru": "было: {id}", "en": "was {id}"},
    "assessed-removed": {
        "kk": "оқырмандардың өзін-өзі бағалау жауаптары осы id бойынша сақталады: оны жойылған ретінде (released-ids.yml) не renamed_from ішіне жазыңыз",
        "ru": "под этим id хранятся ответы читателей в самооценке: запишите его как удаленный (released-ids.yml) или в renamed_from",
        "en": "readers' self-assessment answers are stored under this id; record it as removed (released-ids.yml) or as renamed_from",
    },
    "assessed-renamed": {
        "kk": "оқырмандардың өзін-өзі бағалау жауаптары жаңа id-ге көшеді",
        "ru": "ответы читателей в самооценке переходят к новому id",
        "en": "readers' self-assessment answers move to the new id",
    },
    "assessed": {
        "kk": "оқырмандардың өзін-өзі бағалау жауаптары осы id бойынша сақталады",
        "ru": "под этим id хранятся ответы читателей в самооценке",
        "en": "readers' self-assessment answers are stored under this id",
    },
    "outdated": {"kk": "Бұл түзету салдарынан ескірген аудармалар", "ru": "Переводы, которые эта правка делает устаревшими", "en": "Translations this change leaves outdated"},
    "outdated-do": {
        "kk": "Әр аударманы жаңартып, содан кейін командасын іске қосыңыз (ол жаңа бастапқы мәтінді жазып қояды):",
        "ru": "Обновите каждый перевод, затем выполните его команду (она запишет новый исходный текст):",
        "en": "Update each translation, then run its command (it records the new source):",
    },
    "untouched": {
        "kk": "Бастапқы беті осы түзетумен өзгеретін аударылған беттер",
        "ru": "Переведенные страницы, исходную страницу которых меняет эта правка",
        "en": "Translated pages whose source page this change edits",
    },
    "untouched-do": {
        "kk": "Олар сол күйінде қалды: оларға да осындай түзету керек пе, тексеріңіз.",
        "ru": "Они оставлены прежними: проверьте, не нужна ли им та же правка.",
        "en": "Left as they were: check whether they need the same edit.",
    },
    "translated-from": {"kk": "аударылған бастапқы бет: {pages}", "ru": "перевод страницы {pages}", "en": "translated from {pages}"},
    "items": {"kk": "деректер элементтері", "ru": "элементы данных", "en": "data items"},
    "none": {"kk": "өзгеріс жоқ", "ru": "без изменений", "en": "none changed"},
    "pages-changed": {"kk": "өзгерген беттер", "ru": "изменено страниц", "en": "pages changed"},
    "left-outdated": {"kk": "ескірген аудармалар", "ru": "устаревших переводов", "en": "translations left outdated"},
    "ids": {"kk": "қайта аталған не жойылған өзін-өзі бағалау id-лері", "ru": "переименованные или удаленные id самооценки", "en": "self-assessment ids renamed or removed"},
    WORKING_TREE: {"kk": "жұмыс көшірмесі", "ru": "рабочая копия", "en": WORKING_TREE},
}


def say(key: str, langs: tuple[Lang, ...], **values: object) -> str:
    """What the report says, in each of the reader's languages (joined by ` / `)."""
    return " / ".join(dict.fromkeys(SAID[key][lang].format(**values) for lang in langs))


def as_text(report: Report, langs: tuple[Lang, ...] = ("en",)) -> str:
    """The report for a terminal: each change with its old and new text, the changed words marked [-…-] and {+…+}."""
    lines = [_summary(report, langs), ""]
    for key, changes in (("data", report.data), ("pages", report.pages)):
        if changes:
            lines.append(f"{say(key, langs)}:")
        for path, group in _by_path(changes):
            lines.append(f"  {path}")
            for change in group:
                lines.append(f"    {_headline(change, langs)}")
                for version in change.versions:
                    marked = " ".join(f"[-{w}-]" if op == "-" else f"{{+{w}+}}" if op == "+" else w for op, w in words(version.old, version.new))
                    lines.append(f"      {version.lang}: {marked}")
                if change.where:
                    lines.append(f"      {say('seen', langs)}: {', '.join(change.where)}")
        if changes:
            lines.append("")
    if report.outdated:
        lines += [f"{say('outdated', langs)}. {say('outdated-do', langs)}"]
        lines += [f"  {o.path}:{o.line}: {o.id} ({o.lang}): {o.stamp}" for o in report.outdated]
    if report.untouched:
        lines += [f"{say('untouched', langs)}. {say('untouched-do', langs)}"]
        lines += [f"  {u.path} ({u.lang}): {say('translated-from', langs, pages=', '.join(u.sources))}" for u in report.untouched]
    return "\n".join(lines).rstrip() + "\n"


def as_markdown(report: Report, langs: tuple[Lang, ...] = ("en",)) -> str:
    """The report for a pull request (GitHub's job summary or a comment): a table per changed item, its languages
    in rows with the old and new text side by side, the words taken out struck through and those put in in bold."""
    lines = [f"## {say('title', langs)}", "", _md(_summary(report, langs)), ""]
    for key, changes in (("data", report.data), ("pages", report.pages)):
        if not changes:
            continue
        lines += [f"### {say(key, langs)}", ""]
        for path, group in _by_path(changes):
            lines += [f"#### `{path}`", ""]
            for change in group:
                lines += [f"**{_md(_headline(change, langs))}**", ""]
                if change.versions:
                    lines += [f"| | {say('before', langs)} | {say('after', langs)} |", "|---|---|---|"]
                    for version in change.versions:
                        parts = words(version.old, version.new)
                        old = " ".join(f"~~{_md(w)}~~" if op == "-" else _md(w) for op, w in parts if op != "+")
                        new = " ".join(f"**{_md(w)}**" if op == "+" else _md(w) for op, w in parts if op != "-")
                        lines.append(f"| {version.lang} | {old or '—'} | {new or '—'} |")
                    lines.append("")
                if change.where:
                    lines += [f"{say('seen', langs)}: " + ", ".join(f"<{address}>" if "://" in address else f"`{address}`" for address in change.where), ""]
    if report.outdated:
        lines += [f"### {say('outdated', langs)}", "", say("outdated-do", langs), ""]
        lines += [f"- `{o.path}:{o.line}` {o.id} ({o.lang}): `{o.stamp}`" for o in report.outdated]
        lines.append("")
    if report.untouched:
        lines += [f"### {say('untouched', langs)}", "", say("untouched-do", langs), ""]
        lines += [f"- `{u.path}` ({u.lang}): " + say("translated-from", langs, pages=", ".join(f"`{source}`" for source in u.sources)) for u in report.untouched]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _summary(report: Report, langs: tuple[Lang, ...]) -> str:
    """One line: what changed between which sides."""
    counts = [f"{say(how, langs)}: {sum(c.how == how for c in report.data)}" for how in ("changed", "added", "removed", "renamed") if any(c.how == how for c in report.data)]
    pages = sorted({c.path for c in report.pages})
    called = [c for c in report.data if c.assessed and c.how in ("removed", "renamed")]
    parts = [f"{say('items', langs)}: {', '.join(counts) or say('none', langs)}", f"{say('pages-changed', langs)}: {len(pages)}"]
    parts.append(f"{say('left-outdated', langs)}: {len(report.outdated) + len(report.untouched)}")
    if called:
        parts.append(f"{say('ids', langs)}: {', '.join(c.renamed_from or c.id for c in called)}")
    head = say(WORKING_TREE, langs) if report.head == WORKING_TREE else report.head
    return f"{report.base} → {head}: " + "; ".join(parts)


def _headline(change: Changed, langs: tuple[Lang, ...]) -> str:
    """A change in one line: how, what, and why it matters to readers' answers."""
    name = next((change.names[lang] for lang in [*langs, *LANGUAGES] if change.names.get(lang)), "")
    what = f"{change.id} «{name}»" if name else change.id
    if change.path.startswith("docs/"):
        what = say("paragraph", langs, n=change.id, page=name)
    line = f"{say(change.how, langs)}: {what}" + (f" ({say('was', langs, id=change.renamed_from)})" if change.renamed_from else "")
    if change.assessed:
        line += ": " + say({"removed": "assessed-removed", "renamed": "assessed-renamed"}.get(change.how, "assessed"), langs)
    return line


def _by_path(changes: list[Changed]) -> list[tuple[str, list[Changed]]]:
    """Changes grouped by file, in order."""
    groups: dict[str, list[Changed]] = {}
    for change in changes:
        groups.setdefault(change.path, []).append(change)
    return list(groups.items())


def _md(text: str) -> str:
    """Text safe in a Markdown table cell: no markup of its own, no line breaks."""
    return re.sub(r"([\\`*_~|<>\[\]#])", r"\\\1", text).replace("\n", "<br>")


FORMATS: dict[str, Callable[[Report, tuple[Lang, ...]], str]] = {"text": as_text, "markdown": as_markdown, "json": lambda report, _: as_json(report) + "\n"}
