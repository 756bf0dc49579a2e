"""Synthetic content for the growth benchmark: kept out of the real data, written into a scratch copy only."""

from pathlib import Path

PAGES_PER_UNIT = 20  # the handbook's page map (DESIGN.md §5) has about twenty pages per language
ITEMS_PER_PAGE = 20  # and about four hundred data items
SENTENCE = {
    "kk": "Мектеп басшысы оқыту мен оқудың сапасын үнемі қадағалайды және мұғалімдердің кәсіби дамуына қолдау көрсетеді.",
    "ru": "Руководитель школы постоянно следит за качеством преподавания и учения и поддерживает профессиональное развитие учителей.",
    "en": "The school leader keeps the quality of teaching and learning under constant review and supports teachers' professional growth.",
}


def _text(lang: str, n: int) -> str:
    """A paragraph of realistic length in one language."""
    return f"{SENTENCE[lang]} {n}. " * 3


def _list_file(page: int) -> str:
    """One synthetic list data file."""
    lines = [
        "kind: list",
        f"id: synthetic-{page}",
        f"title: {{kk: Тізім {page}, ru: Список {page}, en: List {page}}}",
        "origin: {kk: translated, ru: translated, en: translated}",
        "items:",
    ]
    for item in range(ITEMS_PER_PAGE):
        n = page * ITEMS_PER_PAGE + item
        lines += [
            f"  - id: synthetic-{page}-{item}",
            f"    name: {{kk: Атауы {n}, ru: Название {n}, en: Name {n}}}",
            "    text:",
            *(f"      {lang}: {_text(lang, n).strip()}" for lang in ("kk", "ru", "en")),
            "    points:",
            *(f"      - {{kk: Тармақ {n}.{k}, ru: Пункт {n}.{k}, en: Point {n}.{k}}}" for k in range(2)),
        ]
    return "\n".join(lines) + "\n"


def write_synthetic(project: Path, factor: int) -> int:
    """Add `factor` handbooks' worth of pages and data to a scratch project; return the pages per language."""
    (project / "data" / "synthetic").mkdir(parents=True, exist_ok=True)
    for page in range(PAGES_PER_UNIT * factor):
        (project / "data" / "synthetic" / f"synthetic_{page}.yml").write_text(_list_file(page), "utf-8")
        for lang, heading in (("kk", "Бөлім"), ("ru", "Раздел"), ("en", "Section")):
            body = f'# {heading} {page}\n\n{_text(lang, page)}\n\n{{{{ show("synthetic-{page}", view="grid") }}}}\n\n{{{{ show("synthetic-{page}") }}}}\n'
            (project / "docs" / lang / f"synthetic-{page}.md").write_text(body, "utf-8")
    return sum(1 for _ in (project / "docs" / "kk").rglob("*.md"))
