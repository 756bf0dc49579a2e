"""The site's languages, in the order they are shown."""

from typing import Literal

Lang = Literal["kk", "ru", "en"]

LANGUAGES: tuple[Lang, ...] = ("kk", "ru", "en")
DEFAULT_LANGUAGE: Lang = "kk"
NATIVE_NAMES: dict[Lang, str] = {"kk": "Қазақша", "ru": "Русский", "en": "English"}
# Languages readers also type in Latin letters: search folds both scripts to one key (kazakh-latin.yml).
TYPED_IN_LATIN: frozenset[Lang] = frozenset({"kk"})


def url_prefix(lang: str) -> str:
    """Where a language's pages live below the site root: kk at the root, the others in /<lang>/."""
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
