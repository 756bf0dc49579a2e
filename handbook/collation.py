"""Alphabetical order per language: Kazakh's 42-letter alphabet, Russian's 33, and English's 26."""

from collections.abc import Callable, Iterable, Mapping
from typing import TypeVar

from handbook.languages import Lang

ALPHABETS: dict[Lang, str] = {
    "kk": "АӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯ",
    "ru": "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ",
    "en": "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
}
T = TypeVar("T")


def _ranks(lang: Lang) -> dict[str, int]:
    """Each letter's place: digits first, then the language's own alphabet, then the other alphabets."""
    order = "0123456789" + ALPHABETS[lang] + "".join(a for other, a in ALPHABETS.items() if other != lang)
    ranks: dict[str, int] = {}
    for letter in order:
        ranks.setdefault(letter, len(ranks) + 1)
    return ranks


RANKS: dict[Lang, dict[str, int]] = {lang: _ranks(lang) for lang in ALPHABETS}


def ranked(letters: str, ranks: Mapping[str, int]) -> tuple[int, ...]:
    """A text's letters (cased as `ranks` has them) by their rank in an alphabet, any other letter after them all,
    a word break before any letter; punctuation and digits aside."""
    primary: list[int] = []
    for char in letters:
        if char in ranks:
            primary.append(ranks[char])
        elif char.isalpha():
            primary.append(len(ranks) + ord(char))
        elif (char.isspace() or char in "-–—/") and primary and primary[-1] != 0:
            primary.append(0)
    return tuple(primary)


def sort_key(text: str, lang: Lang) -> tuple[tuple[int, ...], str]:
    """Order by letters in the language's alphabet, a word break before any letter, case and punctuation aside."""
    return ranked(text.upper(), RANKS[lang]), text


def collate(items: Iterable[T], lang: Lang, key: Callable[[T], str] = str) -> list[T]:
    """Items sorted by `key(item)` in the alphabetical order of `lang`."""
    return sorted(items, key=lambda item: sort_key(key(item), lang))


def initial(text: str, lang: Lang) -> str:
    """The letter a word is filed under in a letter index."""
    return next((char.upper() for char in text if char.isalnum()), "#")


def by_initial(items: Iterable[T], lang: Lang, key: Callable[[T], str] = str) -> list[tuple[str, list[T]]]:
    """Items in alphabetical order, grouped under their initial letters."""
    groups: dict[str, list[T]] = {}
    for item in collate(items, lang, key):
        groups.setdefault(initial(key(item), lang), []).append(item)
    return list(groups.items())
