"""Sentences of the seed's Kazakh and Russian text are found, word for word, on the built pages."""

import re
from pathlib import Path

import pytest

from conftest import SEEDS, soup

HANDBOOK = "003_781b296396965772.txt"

# (language, page, seed line ranges) from content-map H-HOP-T1/H-HOP-D: intro, ten descriptions, closing paragraph.
# Prose and lists only: figures and tables (Fig. 1, Fig. 2, Table 2…) are checked item by item in test_part1.
SECTIONS = [
    ("kk", "", [(1, 53)]),
    ("ru", "", [(2271, 2321)]),
    ("kk", "evidence", [(56, 89)]),
    ("ru", "evidence", [(2323, 2352)]),
    ("kk", "burke-litwin", [(94, 158)]),
    ("ru", "burke-litwin", [(2355, 2412)]),
    ("kk", "principles", [(255, 288)]),
    ("ru", "principles", [(2504, 2536)]),
    ("kk", "requirements", [(291, 307), (426, 648)]),
    ("ru", "requirements", [(2539, 2556), (2674, 2902)]),
    ("kk", "ten-factors", [(652, 656), (668, 736)]),
    ("ru", "ten-factors", [(2905, 2909), (2927, 2995)]),
]
FOOTER = re.compile(r"^(басшыға арналған нұсқаулық.*|руководство для руководителя.*|\d{1,3})$", re.I)
# Source errors the data corrects on purpose (each is recorded in the data as an editor's note).
CORRECTIONS = {"зор үмір артады": "зор үміт артады"}


def seed_text(first: int, last: int) -> str:
    """Seed lines first..last with extraction damage undone: line-end hyphens rejoined, bullets and spacing dropped."""
    lines = (SEEDS / HANDBOOK).read_text("utf-8").splitlines()[first - 1 : last]
    text = ""
    for line in (l.strip() for l in lines):
        if not line or FOOTER.match(line):
            continue
        text = text[:-1] + line if text.endswith("-") and line[:1].isalpha() else f"{text} {line}"
    text = text.replace("•", " ")
    for wrong, right in CORRECTIONS.items():
        text = text.replace(wrong, right)
    return normalise(text)


def normalise(text: str) -> str:
    """Collapse white space; ignore case (the seed's headings are capitals) and hyphens (a compound split at its hyphen)."""
    return re.sub(r"\s+", " ", text.replace("-", "")).strip().lower()


def sentences(text: str) -> list[str]:
    """Pieces between sentence and clause punctuation, long enough to be telling."""
    return [s.strip(" .;:") for s in re.split(r"(?<=[.;:!?])\s+", text) if len(s) > 12]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not beside the clone")
@pytest.mark.parametrize("lang, slug, ranges", SECTIONS, ids=[f"{s[0]}-{s[1]}" for s in SECTIONS])
def test_every_seed_sentence_is_on_the_page(site: Path, lang: str, slug: str, ranges: list[tuple[int, int]]) -> None:
    article = soup(site, lang, slug).select_one("article")
    for aside in article.select(".hb-term__tip, .headerlink"):
        aside.decompose()  # a glossary term's definition and the ¶ links are not part of the running text
    page = normalise(article.get_text())
    expected = [s for first, last in ranges for s in sentences(seed_text(first, last))]
    assert len(expected) > 10
    missing = [s for s in expected if s not in page]
    assert not missing, missing[:5]
