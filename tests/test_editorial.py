"""What the editors did to the source shows to readers: each correction keeps the form the source prints
(`data-printed`), each reconstruction carries its mark and why (`data-editorial`), in every language it applies to,
without adding words to headings' anchors, the contents or search; `handbook status` lists them all."""

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from conftest import LANGS, ROOT, cli, homes, page_slug, page_url, parsed, read_data, soup

PROSE_CORRECTION = re.compile(r'corrected\("([^"]+)", printed="([^"]+)"\)')
PROSE_MARK = re.compile(r'editorial\("([^"]+)", why="([^"]+)"\)')
DATA_FILES = sorted((ROOT / "data").glob("*.yml")) + [ROOT / "glossary.yml"]


def walk(value: Any) -> Iterator[dict[str, Any]]:
    """Every mapping in a YAML structure."""
    if isinstance(value, dict):
        yield value
        for inner in value.values():
            yield from walk(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from walk(inner)


def data_corrections() -> list[tuple[str, str, str, str]]:
    """(file id, language, as it reads, as printed) for every correction in the data files."""
    found = []
    for path in DATA_FILES:
        data = read_data(path)
        for mapping in walk(data):
            for lang, fixes in mapping.get("printed", {}).items() if set(LANGS) <= set(mapping) else ():
                found += [(data["id"], lang, reads, printed) for reads, printed in fixes.items()]
    return found


def prose(pattern: re.Pattern[str]) -> list[tuple[str, str, str, str]]:
    """(language, page slug, first argument, second argument) for every call of a macro in the pages."""
    return [(lang, page_slug(page, lang), *found) for lang in LANGS for page in sorted((ROOT / "docs" / lang).rglob("*.md")) for found in pattern.findall(page.read_text("utf-8"))]


def test_every_correction_keeps_the_form_the_source_prints(site: Path) -> None:
    shown = homes()
    expected = [(lang, shown[file_id], reads, printed) for file_id, lang, reads, printed in data_corrections()]
    expected += prose(PROSE_CORRECTION)
    assert len(expected) >= 4
    for lang, slug, reads, printed in expected:
        holders = [tag for tag in soup(site, lang, slug).select("[data-printed]") if tag["data-printed"] == printed]
        assert any(tag.get_text() == reads for tag in holders), (lang, slug, reads, printed)
        assert all(printed in tag["data-note"] and tag.get("tabindex") == "0" for tag in holders), holders


def test_every_mark_shows_with_why_in_the_languages_it_applies_to(site: Path) -> None:
    shown, checked = homes(), 0
    for path in DATA_FILES:
        data = read_data(path)
        if data["kind"] == "handouts":  # a handout's heading: on its sheet
            for handout in data["items"]:
                for part in handout["show"]:
                    for lang in LANGS if "editorial" in part else ():
                        sheet = soup(site, lang, f"handouts/{handout['id']}")
                        headings = [h for h in sheet.select("h2") if h.get_text(strip=True) == part["heading"][lang]]
                        assert headings and all(h.get("data-editorial") == part["editorial"]["why"][lang] and h.select_one(".hb-ed") for h in headings)
                        checked += 1
            continue
        for mapping in walk(data):
            if "editorial" not in mapping:
                continue
            why, only = mapping["editorial"]["why"], mapping["editorial"].get("only", list(LANGS))
            for lang in LANGS:
                page = soup(site, lang, shown[data["id"]])
                if page.select_one(f'[data-id="{data["id"]}"]') is None:
                    continue  # not shown in this language (the innovation cycle is printed in the Russian part only)
                if mapping is data:
                    marked = page.select_one(f'[data-id="{data["id"]}"]')
                elif "id" in mapping:
                    marked = page.find(id=mapping["id"])
                else:  # a table's statement: the cell's list item that holds its text
                    marked = next((tag for tag in page.select("[data-editorial]") if mapping["text"][lang] in tag.get_text()), None)
                    if marked is None and lang not in only:
                        continue
                assert marked is not None, (data["id"], mapping.get("id"), lang)
                if lang in only:
                    assert marked.get("data-editorial") == why[lang], (data["id"], mapping.get("id"), lang)
                    assert any(mark["data-why"].endswith(why[lang]) and mark["aria-label"] == mark["data-why"] for mark in marked.select(".hb-ed"))
                    checked += 1
                else:
                    assert not marked.has_attr("data-editorial")
    for lang, slug, text, why in prose(PROSE_MARK):
        page = soup(site, lang, slug)
        marked = [tag for tag in page.select("span[data-editorial]") if tag["data-editorial"] == why and tag.get_text() == text]
        assert marked and "hb-ed" in marked[0].find_next_sibling()["class"], (lang, slug, text)
        checked += 1
    assert checked >= 3 * 6 + 24


def test_marks_add_no_words_to_anchors_contents_or_search(site: Path) -> None:
    """The sign and why are drawn from attributes: a marked heading keeps the anchor and the contents entry its own
    words give it, and search never finds the editors' explanations."""
    whys, headings = {why for _, _, _, why in prose(PROSE_MARK)}, 0
    for lang, slug, text, _ in prose(PROSE_MARK):
        page = soup(site, lang, slug)
        heading = next(tag.parent for tag in page.select("span[data-editorial]") if tag.get_text() == text)
        if heading.name not in ("h2", "h3", "h4"):
            continue
        headings += 1
        assert heading.get_text(strip=True).removesuffix("¶") == text
        entry = page.select_one(f'nav.md-nav--secondary a[href="#{heading["id"]}"]')
        assert entry is not None and entry.get_text(strip=True) == text, (lang, slug, heading["id"])
        assert all(not mark.get_text() for mark in heading.select(".hb-ed"))
    assert headings >= 24
    for lang in LANGS:
        index = (site / page_url(lang) / "search" / "search_index.json").read_text("utf-8")
        assert not any(why in index for why in whys)
        entries = json.loads(index)["docs"]
        assert not any("Editors' note" in entry["text"] or "ескертпесі" in entry["text"] for entry in entries)


def test_status_lists_every_correction_and_mark() -> None:
    report = cli(ROOT, "status").stdout
    corrections = report.split("corrections of the printed source", 1)[1].split("editorial marks", 1)[0]
    for lang, _, reads, printed in prose(PROSE_CORRECTION):
        assert re.search(rf"docs/{lang}/\S+:\d+:\d+: {lang}: «{re.escape(reads)}», printed «{re.escape(printed)}»", corrections), (reads, printed)
    for _, lang, reads, printed in data_corrections():
        assert re.search(rf"\.yml:\d+:\d+: {lang}: «{re.escape(reads)}», printed «{re.escape(printed)}»", corrections), (reads, printed)
    data = json.loads(cli(ROOT, "status", "--format", "json").stdout)
    assert len(data["corrections"]) == len(prose(PROSE_CORRECTION)) + len(data_corrections())
    assert len(data["editorial"]) == len(prose(PROSE_MARK)) + sum(1 for path in DATA_FILES for mapping in walk(read_data(path)) if "editorial" in mapping)


def test_an_avoided_variant_is_reported_where_the_editors_wrote_it(project: Path) -> None:
    """A glossary term's `avoid` list: each use in text the editors wrote (a translation, a translated page) is a
    problem at its line and column, naming the term to write; text printed in the source stays as printed."""
    glossary = project / "glossary.yml"
    text = glossary.read_text("utf-8")
    at = text.index("    definition:", text.index("  - id: leadership\n"))
    glossary.write_text(text[:at] + "    avoid:\n      en: [head ship*]\n      kk: [мақсат*]\n" + text[at:], "utf-8")
    factors = project / "data" / "ten_factors.yml"
    lines = factors.read_text("utf-8").split("\n")
    number = lines.index("      en: Moral purpose") + 1
    lines[number - 1] = "      en: Moral purpose of the head  ships"
    factors.write_text("\n".join(lines), "utf-8")
    assert "мақсат" in factors.read_text("utf-8")  # in the Kazakh source: left as printed
    page = project / "docs" / "en" / "ten-factors.md"
    page.write_text(page.read_text("utf-8").replace("brings together", "brings, with Head\nShip, together", 1), "utf-8")
    table = project / "data" / "leadership_management_administration.yml"  # a table's cell
    table.write_text(table.read_text("utf-8").replace("en: Doing the right things}", "en: Doing the right head ship}", 1), "utf-8")
    handouts = project / "docs" / "en" / "handouts.md"  # an English page with no `origin:` is the editors' too
    handouts.write_text(handouts.read_text("utf-8").replace("# Handouts\n", "# Handouts\n\nHead ships.\n", 1), "utf-8")
    reported = cli(project, "validate").stderr.splitlines()
    message = "avoid 'head ship*': write 'Leadership' (glossary: leadership)"
    assert any(line.startswith("data/leadership_management_administration.yml:38:") and f"rows[0].cells.lma-leadership[0].text.en: {message}" in line for line in reported), reported
    assert any(line.startswith("docs/en/handouts.md:7:1: terms:") for line in reported), reported
    col = lines[number - 1].index("head") + 1
    assert f"data/ten_factors.yml:{number}:{col}: items[0].name.en: {message}" in reported, reported
    assert any(line.startswith("docs/en/ten-factors.md:7:") and line.endswith(f": terms: {message}") for line in reported), reported
    assert not any("мақсат" in line for line in reported), "source text is left as printed"
    assert sum("avoid" in line for line in reported) == 4, reported


def test_a_term_cannot_avoid_its_own_name(project: Path) -> None:
    glossary = project / "glossary.yml"
    text = glossary.read_text("utf-8")
    at = text.index("    definition:", text.index("  - id: leadership\n"))
    glossary.write_text(text[:at] + "    avoid:\n      ru: [лидерство]\n" + text[at:], "utf-8")
    reported = cli(project, "validate").stderr
    assert "glossary.yml:" in reported and "avoid.ru: 'лидерство' is the term itself" in reported, reported


def ours(value: Any, origin: str = "") -> Iterator[str]:
    """Every Russian text of a YAML structure that the editors wrote (its nearest origin for ru is not `source`)."""
    if isinstance(value, dict):
        origin = value["origin"].get("ru", origin) if isinstance(value.get("origin"), dict) else origin
        if set(LANGS) <= set(value) and isinstance(value["ru"], str):
            yield from [] if origin.startswith("source") else [value["ru"]]
            return
        for key, inner in value.items():
            if key not in ("origin", "note"):
                yield from ours(inner, "translated" if key == "editorial" else origin)
    elif isinstance(value, list):
        for inner in value:
            yield from ours(inner, origin)


def test_our_russian_writes_e_where_the_source_does() -> None:
    """One policy for ё: the source writes е (and prints ё twice, kept as printed), so the Russian the editors write
    (translations, interface strings, marks, translated pages) writes е too."""
    texts = [text for path in DATA_FILES for text in ours(read_data(path))]
    pages = [page.read_text("utf-8") for page in (ROOT / "docs" / "ru").rglob("*.md")]
    assert len(texts) > 300
    assert [text for text in texts + pages if "ё" in text.lower()] == []


def test_related_and_see_also_lists_name_every_entry_apart(site: Path) -> None:
    """A list of links never shows two entries the same: items without a name of their own are told apart by the
    start of their text (school-practice showed «Стратегиялық жоспарлау» six times)."""
    repeated = []
    for page in sorted(site.rglob("index.html")):
        for block in parsed(page).select(".hb-related li, .hb-see"):
            labels = [link.get_text(" ", strip=True) for link in block.select("a")]
            repeated += [(page.relative_to(site).as_posix(), label) for label in set(labels) if labels.count(label) > 1]
    assert not repeated, repeated[:10]


def test_the_self_assessments_own_scale_and_statuses_say_they_are_the_sites(site: Path) -> None:
    """Table 2's 1–4 scale and the portfolio's statuses are the site's tools, not the programme's; a rubric's levels
    are printed, so its form says nothing of the kind."""
    shown = homes()
    for lang in LANGS:
        for file_id, said in (("competencies-table", True), ("portfolio-standards", True), ("development-rubric", False)):
            notes = soup(site, lang, shown[file_id]).select(f'[data-assess="{file_id}"] .hb-assess__tool[data-editorial]')
            assert len(notes) == said and all(note["data-editorial"] in note.get_text() for note in notes), (file_id, lang)


def test_usage_beyond_the_glossary_is_held_in_one_file(project: Path) -> None:
    """Concepts the glossary has no entry for (students, directors…) are held in data/usage.yml the same way."""
    page = project / "docs" / "en" / "ten-factors.md"
    page.write_text(page.read_text("utf-8").replace("brings together", "brings, for pupils, together", 1), "utf-8")
    reported = cli(project, "validate").stderr.splitlines()
    assert any(line.startswith("docs/en/ten-factors.md:7:") and line.endswith("terms: avoid 'pupil*': write 'students' (data/usage.yml: usage-students)") for line in reported), reported
