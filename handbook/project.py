"""Load and validate all data files once, reporting every problem at its file, line and field."""

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from handbook import latin
from handbook.languages import LANGUAGES
from handbook.load import Document, Loc, field_path, position, read_yaml
from handbook.model import GROUP_NUMBER, KINDS, DataDoc, GlossaryDoc, HandoutsDoc, ListDoc, SourcesDoc, TiersDoc, blank_forms
from handbook.problems import Problem, ValidationFailed
from handbook.suggest import did_you_mean, fields_at
from handbook.timing import timed
from handbook.views import has_view

DATA_FILES = ("glossary.yml", "data/**/*.yml")
WRITTEN_ID = re.compile(r"^[ \t-]*id:[ \t]*['\"]?([a-z0-9-]+)", re.M)
BOOK = "handbook"  # the slug of the whole handbook among the handouts


@dataclass(frozen=True)
class Project:
    """Every data file, validated, with an index of ids."""

    root: Path
    docs: dict[str, DataDoc]
    paths: dict[str, str]
    owner: dict[str, str] = field(default_factory=dict)
    unchecked: frozenset[str] = frozenset()  # ids in files that failed validation: not to be reported again as unknown
    documents: dict[str, Document] = field(default_factory=dict)  # each file as parsed, with the place of every value

    def place(self, file_id: str, loc: Loc) -> tuple[str, int, int]:
        """The file, line and column of a value of a data file (its first line when the file's text is not kept)."""
        doc = self.documents.get(file_id)
        return (self.paths[file_id], *position(doc.data, loc)) if doc else (self.paths[file_id], 1, 1)

    def related(self, file_ids: list[str]) -> list[str]:
        """Items outside these files that their items point to (`see`), then items outside that point into them
        (items only: a whole file has no anchor of its own)."""
        inside = {item_id for item_id, owner in self.owner.items() if owner in file_ids}
        links = [(s, t) for doc in self.docs.values() for s, t in _see_links(doc) if s not in self.docs and t not in self.docs]
        outgoing = [target for source, target in links if source in inside and target not in inside]
        incoming = [source for source, target in links if target in inside and source not in inside]
        return list(dict.fromkeys(outgoing + incoming))

    def item(self, item_id: str) -> Any:
        """The item (or file) with this id."""
        doc = self.docs[self.owner[item_id]]
        return doc if doc.id == item_id else next(item for _, item in doc.located() if item.id == item_id)


def _see_links(doc: DataDoc) -> list[tuple[str, str]]:
    """Every `see` link of a file, from the file or item that makes it to the id it names."""
    links = [(doc.id, target) for target in getattr(doc, "see", [])]
    return links + [(item.id, target) for _, item in doc.located() for target in getattr(item, "see", [])]


def data_paths(root: Path) -> list[Path]:
    """Every data file of the project, in a stable order."""
    found: set[Path] = set()
    for pattern in DATA_FILES:
        found.update(root.glob(pattern))
    return sorted(p for p in found if p.is_file())


def _message(error: dict[str, Any], kind: str) -> str:
    """Say what pydantic found in editors' words, with the closest valid field for an unknown one."""
    loc = error["loc"]
    if error["type"] == "missing":
        if loc and loc[-1] in LANGUAGES:
            return f"missing the {loc[-1]} language (every text needs kk, ru and en)"
        return "required field is missing"
    if error["type"] == "extra_forbidden":
        return "unknown field" + did_you_mean(loc[-1], fields_at(kind, tuple(loc[:-1])))
    return str(error["msg"]).removeprefix("Value error, ")


def _problems(doc: Document, error: ValidationError) -> list[Problem]:
    """One Problem per pydantic error, placed at the YAML node it concerns."""
    problems = []
    for item in error.errors():
        loc: Loc = tuple(item["loc"])
        missing = item["type"] == "missing"
        line, col = position(doc.data, loc[:-1] if missing else loc, at_key=item["type"] == "extra_forbidden")
        problems.append(Problem(doc.path, line, col, field_path(loc), _message(dict(item), doc.data["kind"])))
    return problems


def validate_document(doc: Document) -> tuple[DataDoc | None, list[Problem]]:
    """Turn one parsed file into its model, or say what is wrong with it."""
    data = doc.data
    if not isinstance(data, dict):
        return None, [Problem(doc.path, 1, 1, "(file)", "a data file is a mapping with a `kind` field")]
    kind = data.get("kind")
    if kind not in KINDS:
        line, col = position(data, ("kind",))
        known = ", ".join(sorted(KINDS))
        return None, [Problem(doc.path, line, col, "kind", f"unknown kind {kind!r}{did_you_mean(kind, KINDS) or f'; known kinds: {known}'}")]
    try:
        return KINDS[kind].model_validate(data), []
    except ValidationError as error:
        return None, _problems(doc, error)


def _ids(doc: Document, model: DataDoc) -> list[tuple[str, Loc]]:
    """Every id the file defines, with where it stands."""
    return [(model.id, ("id",))] + [(item.id, (*loc, "id")) for loc, item in model.located()]


def _references(model: DataDoc) -> list[tuple[str, Loc, str]]:
    """Every id the file refers to, where, and what it must name: `source`, `term`, `any`, a `file` or a `tiers` file."""
    refs: list[tuple[str, Loc, str]] = [(ref, ("cites", i), "source") for i, ref in enumerate(getattr(model, "cites", []))]
    refs += [(ref, ("see", i), "any") for i, ref in enumerate(getattr(model, "see", []))]
    for loc, item in model.located():
        refs += [(ref, (*loc, "see", i), "any") for i, ref in enumerate(getattr(item, "see", []))]
        if parent := getattr(item, "parent", None):
            refs.append((parent, (*loc, "parent"), "term"))
    for i, arrow in enumerate(getattr(model, "arrows", [])):
        refs += [(arrow.source, ("arrows", i, "source"), "any"), (arrow.target, ("arrows", i, "target"), "any")]
    if isinstance(model, ListDoc) and model.portfolio:
        refs.append((model.portfolio.evidence, ("portfolio", "evidence"), "tiers"))
    if isinstance(model, HandoutsDoc):
        refs += [(shown.data, ("items", i, "show", j, "data"), "file") for i, h in enumerate(model.items) for j, shown in enumerate(h.show)]
    return refs


def check_handouts(root: Path, documents: list[tuple[Document, DataDoc]]) -> list[Problem]:
    """Handout slugs are unique (every rubric's blank form and the whole book take theirs), and every view a
    handout asks for exists for its data file's kind."""
    kinds = {model.id: model.kind for _, model in documents}
    paths = {model.id: doc.path for doc, model in documents}
    taken = {form.id: f"the blank form of {paths[form.id]}" for form in blank_forms([model for _, model in documents])}
    taken[BOOK] = "the whole handbook"
    problems = []
    for doc, model in documents:
        for i, handout in enumerate(model.items if isinstance(model, HandoutsDoc) else []):
            if handout.id in taken:
                line, col = position(doc.data, ("items", i, "id"))
                problems.append(Problem(doc.path, line, col, f"items[{i}].id", f"handout {handout.id!r} is already {taken[handout.id]}"))
            taken[handout.id] = f"the handout at {doc.path}:{position(doc.data, ('items', i, 'id'))[0]}"
            for j, shown in enumerate(handout.show):
                kind = kinds.get(shown.data)
                if kind and shown.view and not has_view(root, kind, shown.view):
                    line, col = position(doc.data, ("items", i, "show", j, "view"))
                    message = f"a {kind} has no view {shown.view!r} (no template macros/templates/kinds/{kind}-{shown.view}.html)"
                    problems.append(Problem(doc.path, line, col, field_path(("items", i, "show", j, "view")), message))
    return problems


def check_portfolios(documents: list[tuple[Document, DataDoc]]) -> list[Problem]:
    """A portfolio's items are named by their number (2.1), the same in every language: it groups them."""
    problems = []
    for doc, model in documents:
        for i, item in enumerate(model.items if isinstance(model, ListDoc) and model.portfolio else []):
            numbers = {item.name.in_(lang) for lang in LANGUAGES} if item.name else set()
            if len(numbers) != 1 or not GROUP_NUMBER.fullmatch(next(iter(numbers))):
                loc = ("items", i, "name")
                message = "a portfolio's item is named by its number, the same in every language (2.1): its group is the part before the point"
                problems.append(Problem(doc.path, *position(doc.data, loc), field_path(loc), message))
    return problems


def check_renames(documents: list[tuple[Document, DataDoc]], owner: dict[str, str]) -> list[Problem]:
    """An id given up (`renamed_from`) is no id of the data now, and only one item or file took its place."""
    problems: list[Problem] = []
    claimed: dict[str, str] = {}
    for doc, model in documents:
        for loc, thing in [((), model), *model.located()]:
            for n, old in enumerate(getattr(thing, "renamed_from", [])):
                at = (*loc, "renamed_from", n)
                line, col = position(doc.data, at)
                if old in owner:
                    message = f"{old!r} is an id of the data now (in {owner[old]}): nothing was renamed from it"
                elif old in claimed:
                    message = f"{old!r} is recorded as renamed already, at {claimed[old]}"
                else:
                    claimed[old] = f"{doc.path}:{line}"
                    continue
                problems.append(Problem(doc.path, line, col, field_path(at), message))
    return problems


def check_ids(documents: list[tuple[Document, DataDoc]], unchecked: frozenset[str] | set[str] = frozenset()) -> tuple[dict[str, str], list[Problem]]:
    """Find duplicate ids (reported at every place they stand) and references to unknown ids (those in `unchecked`,
    from files that failed, are not reported)."""
    owner: dict[str, str] = {}
    places: dict[str, list[tuple[str, int, int, Loc]]] = {}
    for doc, model in documents:
        for item_id, loc in _ids(doc, model):
            places.setdefault(item_id, []).append((doc.path, *position(doc.data, loc), loc))
            owner.setdefault(item_id, model.id)
    problems = []
    for item_id, where in places.items():
        for path, line, col, loc in where if len(where) > 1 else []:
            others = ", ".join(f"{p}:{n}" for p, n, _, _ in where if (p, n) != (path, line))
            problems.append(Problem(path, line, col, field_path(loc), f"duplicate id {item_id!r}, also at {others}"))
    targets = {
        "source": {item.id for _, model in documents if isinstance(model, SourcesDoc) for item in model.items},
        "term": {item.id for _, model in documents if isinstance(model, GlossaryDoc) for item in model.items if not item.parent},
        "any": set(owner),
        "file": {model.id for _, model in documents},
        "tiers": {model.id for _, model in documents if isinstance(model, TiersDoc)},
    }
    wanted = {"source": "source (see data/sources.yml)", "term": "top-level glossary term", "any": "id", "file": "data file id", "tiers": "figure of tiers (kind: tiers)"}
    for doc, model in documents:
        for ref, loc, must_be in _references(model):
            if ref not in targets[must_be] and ref not in unchecked:
                line, col = position(doc.data, loc)
                problems.append(Problem(doc.path, line, col, field_path(loc), f"unknown {wanted[must_be]} {ref!r}{did_you_mean(ref, targets[must_be] | unchecked)}"))
    return owner, problems


def read_project(root: Path, paths: list[Path] | None = None) -> tuple[Project, list[Problem]]:
    """Read and validate the data files (all of them by default): the valid ones as a project, and every problem.
    Ids in files that failed count as known, so one broken file does not also break every reference to it."""
    problems: list[Problem] = []
    documents: list[tuple[Document, DataDoc]] = []
    unchecked: set[str] = set()
    for path in paths if paths is not None else data_paths(root):
        shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        try:
            with timed("load"):
                doc = read_yaml(path, shown)
        except ValidationFailed as failed:
            problems += failed.problems
            unchecked |= _ids_written(path)
            continue
        with timed("validate"):
            model, found = validate_document(doc)
        problems += found
        if model is not None:
            documents.append((doc, model))
        else:
            unchecked |= _ids_written(path)
    with timed("validate"):
        owner, found = check_ids(documents, unchecked)
    problems += found + check_renames(documents, owner) + check_handouts(root, documents) + check_portfolios(documents)
    if (root / latin.TABLE).is_file():  # the build needs it (handbook.search); a folder of data files alone does not
        problems += latin.check(root)[1]
    project = Project(
        root=root,
        docs={model.id: model for _, model in documents},
        paths={model.id: doc.path for doc, model in documents},
        owner=owner,
        unchecked=frozenset(unchecked),
        documents={model.id: doc for doc, model in documents},
    )
    return project, problems


def _ids_written(path: Path) -> set[str]:
    """The ids a file that could not be read or validated seems to define (its `id:` lines)."""
    try:
        return set(WRITTEN_ID.findall(path.read_text("utf-8")))
    except (OSError, UnicodeDecodeError):
        return set()


def load_project(root: Path, paths: list[Path] | None = None) -> Project:
    """Read and validate the data files (all of them by default); raise ValidationFailed listing every problem."""
    project, problems = read_project(root, paths)
    if problems:
        raise ValidationFailed(problems)
    return project
