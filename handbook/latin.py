"""Kazakh in Latin letters: the table in `kazakh-latin.yml` (the 2021 proposal's letters and the spellings readers
type on a Latin keyboard), validated, and the search keys made from it."""

from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from handbook.load import field_path, position, read_yaml
from handbook.problems import Problem, ValidationFailed

TABLE = "kazakh-latin.yml"
ALPHABET = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"  # the 42 letters, in the alphabet's order


class Letter(BaseModel):
    """One Cyrillic letter, its Latin spelling and the ways readers type it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    cyrillic: str = Field(pattern=r"^[а-яёәғқңөұүһі]$", description="the letter, lower case")
    latin: str = Field(pattern=r"^[a-zäğñöūüşçı]*$", description="its spelling in the 2021 proposal ('' for a letter it drops)")
    typed: list[str] = Field([], description="how it is typed on a plain Latin keyboard, the plainest first (the search key)")
    policy: str | None = Field(None, description="for a letter the alphabet has no letter for: the rule chosen")

    @property
    def key(self) -> str:
        """What the letter becomes in a search key."""
        return self.typed[0] if self.typed else self.latin


class Table(BaseModel):
    """The whole table, one row per letter of the Cyrillic alphabet."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    letters: list[Letter]

    def search_keys(self) -> dict[str, dict[str, str]]:
        """For search: each Cyrillic letter's key, and each Latin or typed spelling's key."""
        spellings = {spelling: letter.key for letter in self.letters for spelling in (letter.latin, *letter.typed) if spelling}
        return {"letters": {letter.cyrillic: letter.key for letter in self.letters}, "spellings": spellings}


def check(root: Path) -> tuple[Table | None, list[Problem]]:
    """The table, or every problem with it at its line."""
    path = root / TABLE
    try:
        doc = read_yaml(path, TABLE)
    except ValidationFailed as failed:
        return None, failed.problems
    try:
        table = Table.model_validate(doc.data)
    except ValidationError as error:
        problems = []
        for item in error.errors():
            loc = tuple(item["loc"])
            problems.append(Problem(TABLE, *position(doc.data, loc), field_path(loc), str(item["msg"]).removeprefix("Value error, ")))
        return None, problems
    claims: dict[str, list[tuple[str, tuple[str | int, ...]]]] = {}
    for i, letter in enumerate(table.letters):
        spellings = [(letter.latin, ("letters", i, "latin"))] + [(s, ("letters", i, "typed", j)) for j, s in enumerate(letter.typed)]
        for spelling, loc in spellings:
            if spelling:
                claims.setdefault(spelling, []).append((letter.key, loc))
    problems = []
    for spelling, claimed in claims.items():
        for key, loc in claimed:
            others = [f"{other!r} (line {position(doc.data, where)[0]})" for other, where in claimed if other != key]
            if others:
                message = f"{spelling!r} is also the spelling of key {', '.join(others)}; one spelling, one key"
                problems.append(Problem(TABLE, *position(doc.data, loc), field_path(loc), message))
    found = "".join(letter.cyrillic for letter in table.letters)
    if found != ALPHABET:
        message = f"the rows must be the 42 letters in the alphabet's order: {ALPHABET}"
        problems.append(Problem(TABLE, *position(doc.data, ("letters",)), "letters", message))
    return (None, problems) if problems else (table, [])


@lru_cache(maxsize=4)
def _load(root: Path, stamp: tuple[int, int]) -> Table:
    """The table of one version of the file (`stamp`: its modification time and size)."""
    table, problems = check(root)
    if table is None:
        raise ValidationFailed(problems)
    return table


def load(root: Path) -> Table:
    """The valid table (read again when the file changes); raise ValidationFailed if it is missing or has problems."""
    if not (root / TABLE).is_file():
        raise ValidationFailed([Problem(TABLE, 1, 1, "(file)", "the Kazakh Latin table is missing (search folds Latin letters by it)")])
    stat = (root / TABLE).stat()
    return _load(root, (stat.st_mtime_ns, stat.st_size))
