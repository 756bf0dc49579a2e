"""The printed footer of a page, a handout or the whole book: one line naming its title, its language (or languages),
the address it was printed from and the build's date. The Latin edition reads it back (`parse`) to write it again."""

from dataclasses import dataclass
from datetime import date

from handbook.languages import NATIVE_NAMES, Lang
from handbook.urls import published

SEPARATOR = " · "  # between the footer's parts
AND = " + "  # between the languages of a handout printed in two
EACH = " / "  # between a two-language handout's titles (and its page words), in its languages' order


@dataclass(frozen=True)
class Footer:
    """A footer's parts: its title in each of its languages, their names, the address and the date."""

    titles: tuple[str, ...]
    names: tuple[str, ...]
    address: str
    date: str

    def __str__(self) -> str:
        return SEPARATOR.join((EACH.join(self.titles), AND.join(self.names), self.address, self.date))


def footer(title: str, lang: Lang | tuple[Lang, ...], path: str, site_url: str | None, day: date) -> str:
    """The printed footer of the page at `path` (below the site root) titled `title` (a two-language handout's
    titles joined by EACH), printed from the build of `day`."""
    langs = (lang,) if isinstance(lang, str) else lang
    address = published(site_url, path) if site_url else "/" + path
    titles = tuple(title.split(EACH, len(langs) - 1)) if len(langs) > 1 else (title,)
    return str(Footer(titles, tuple(NATIVE_NAMES[one] for one in langs), address, day.isoformat()))


def parse(text: str) -> Footer | None:
    """A footer's parts, or None when `text` is not one (its languages' names unknown, or titles not one each)."""
    parts = text.rsplit(SEPARATOR, 3)
    if len(parts) != 4 or not all(name in NATIVE_NAMES.values() for name in parts[1].split(AND)):
        return None
    names = tuple(parts[1].split(AND))
    titles = tuple(parts[0].split(EACH, len(names) - 1)) if len(names) > 1 else (parts[0],)
    return Footer(titles, names, parts[2], parts[3]) if len(titles) == len(names) else None
