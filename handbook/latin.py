"""Kazakh in Latin letters: the table in `kazakh-latin.yml` (the 2021 proposal's letters and the spellings readers
type on a Latin keyboard), validated; the search keys made from it; and the writer that spells Kazakh text in Latin
letters by it, with its casing (dotted İ i and dotless I ı) and its order for sorting."""

import re
from functools import lru_cache
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from handbook.collation import ranked
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


CyrillicWord = Annotated[str, StringConstraints(pattern=r"^[а-яёәғқңөұүһі]+$")]
LatinText = Annotated[str, StringConstraints(pattern=r"^[^а-яёәғқңөұүһіА-ЯЁӘҒҚҢӨҰҮҺІ]+$")]


class Table(BaseModel):
    """The whole table, one row per letter of the Cyrillic alphabet; the letter pairs and the words written otherwise
    than letter by letter; and the Latin alphabet's order."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    letters: list[Letter]
    sequences: dict[CyrillicWord, str] = Field({}, description="letters written together otherwise than one by one (и before я: ия → ia, not iia)")
    exceptions: dict[CyrillicWord, LatinText] = Field(
        {}, description="words written as given, in small letters (a name in its own spelling, an abbreviation, a Roman numeral typed in Cyrillic): whole, or as a stem a suffix follows"
    )
    order: list[Annotated[str, StringConstraints(pattern=r"^[a-zäğñöūüşçı]$")]] = Field([], description="the Latin letters in the order words are sorted by")

    def search_keys(self) -> dict[str, dict[str, str]]:
        """For search: each Cyrillic letter's key, each Latin or typed spelling's key, and the names spelled their own
        way in Latin letters (`exceptions`: Литвин is Litwin), which the search folds to one key too."""
        spellings = {spelling: letter.key for letter in self.letters for spelling in (letter.latin, *letter.typed) if spelling}
        return {"letters": {letter.cyrillic: letter.key for letter in self.letters}, "spellings": spellings, "names": dict(self.exceptions)}


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
    written = {char for letter in table.letters for char in letter.latin} | {char for latin in table.sequences.values() for char in latin}
    if missing := sorted(written - set(table.order)):
        message = f"every letter the table writes needs its place in the order: {', '.join(missing)} has none"
        problems.append(Problem(TABLE, *position(doc.data, ("order",) if "order" in doc.data else ()), "order", message))
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


# ---- Writing Kazakh in Latin letters ----

_CYRILLIC_WORD = re.compile(r"[а-яёәғқңөұүһіА-ЯЁӘҒҚҢӨҰҮҺІ]+")
_UPPER = str.maketrans({"i": "İ", "ı": "I"})  # Kazakh casing: dotted i has a dotted capital, dotless ı the plain I
_LOWER = str.maketrans({"İ": "i", "I": "ı"})


def upper(text: str) -> str:
    """Latin Kazakh in capitals: i → İ and ı → I (Python's upper() makes both I)."""
    return text.translate(_UPPER).upper()


def lower(text: str) -> str:
    """Latin Kazakh in small letters: İ → i and I → ı (Python's lower() makes İ two code points and I an i)."""
    return text.translate(_LOWER).lower()


class Writer:
    """Kazakh text from Cyrillic into Latin letters by the table. A word is written letter by letter (a pair of the
    table's `sequences` together), but a word of its `exceptions`, or one starting with it and going on in small
    letters (a suffix), starts as the exception says. A word in capitals stays in capitals, a capitalised letter
    becomes a capitalised spelling (Ц → Ts, ЦЕХ → TSEH). Everything but Cyrillic letters stays as it is."""

    def __init__(self, table: Table) -> None:
        letters = {letter.cyrillic: letter.latin for letter in table.letters}
        self.title = str.maketrans(letters | {c.upper(): upper(latin[:1]) + latin[1:] for c, latin in letters.items()})
        self.capitals = str.maketrans({c.upper(): upper(latin) for c, latin in letters.items()})
        self.sequences = dict(table.sequences)
        pairs = sorted(table.sequences, key=len, reverse=True)
        self.pairs = re.compile("|".join(map(re.escape, pairs)), re.IGNORECASE) if pairs else None
        self.exceptions = sorted(table.exceptions.items(), key=lambda pair: -len(pair[0]))
        self.ranks = {letter: n for n, letter in enumerate(table.order, 1)}
        self.written: dict[str, str] = {}  # each word once: a page repeats its words, an edition its pages'
        self.texts: dict[str, str] = {}  # and each text: the pages share their navigation, headers and footers

    def _spelled(self, word: str, capitals: bool) -> str:
        """A word (no exception) letter by letter, its sequences together, in its case."""
        if self.pairs is not None:

            def pair(match: re.Match[str]) -> str:
                latin = self.sequences[match.group().lower()]
                return upper(latin) if capitals else upper(latin[:1]) + latin[1:] if match.group()[0].isupper() else latin

            word = self.pairs.sub(pair, word)
        return word.translate(self.capitals if capitals else self.title)

    def word(self, word: str) -> str:
        """One word of Cyrillic letters in Latin letters."""
        if word in self.written:
            return self.written[word]
        capitals = len(word) > 1 and word.isupper()
        small = word.lower()
        latin = None
        for stem, spelled in self.exceptions:
            rest = word[len(stem) :]
            if small.startswith(stem) and (rest == "" or rest.islower() or capitals):
                latin = (upper(spelled) if capitals else spelled) + self._spelled(rest, capitals)
                break
        self.written[word] = latin = latin if latin is not None else self._spelled(word, capitals)
        return latin

    def text(self, text: str) -> str:
        """A text's Cyrillic words in Latin letters; digits, punctuation and words in other letters as they are."""
        if (latin := self.texts.get(text)) is None:
            self.texts[text] = latin = _CYRILLIC_WORD.sub(lambda match: self.word(match.group()), text)
        return latin

    def sort_key(self, text: str) -> tuple[tuple[int, ...], str]:
        """Order by the Latin alphabet's letters (the table's `order`), a word break before any letter, case aside."""
        return ranked(lower(text), self.ranks), text


def writer(root: Path) -> Writer:
    """The writer of the project's table (ValidationFailed if the table has problems)."""
    return Writer(load(root))
