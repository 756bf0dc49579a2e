"""Each kind of bad input is rejected by `handbook validate` and by the build, at its file, line, column and field."""

from pathlib import Path

import pytest

from handbook.cli import validate

from conftest import cli, handbook, mkdocs_build

# A valid data file; each case below changes one thing in it.
SAMPLE = """\
kind: list
id: sample
title: {kk: Тақырып, ru: Заголовок, en: Title}
origin: {kk: translated, ru: translated, en: translated}
items:
  - id: sample-item
    name:
      kk: Атауы
      ru: Название
      en: Name
"""


def edit(old: str, new: str) -> str:
    """SAMPLE with one line replaced (the line must exist)."""
    assert old in SAMPLE
    return SAMPLE.replace(old, new)


def add(line: str) -> str:
    """SAMPLE with a line appended."""
    return SAMPLE + line + "\n"


# (name, file contents, expected start of one reported line, expected part of its message)
DATA_CASES = [
    ("yaml-syntax", edit("      kk: Атауы", "      kk: Атауы: бар"), "data/sample.yml:8:16: yaml:", "mapping values are not allowed"),
    ("wrong-type", edit("    name:\n      kk: Атауы\n      ru: Название\n      en: Name", "    name: Атауы"), "data/sample.yml:7:11: items[0].name:", "valid dictionary"),
    ("wrong-type-list", add("    points: just one"), "data/sample.yml:11:13: items[0].points:", "valid list"),
    ("unknown-field", add("    colour: red"), "data/sample.yml:11:5: items[0].colour:", "unknown field"),
    ("missing-language", edit("      en: Name\n", ""), "data/sample.yml:8:7: items[0].name.en:", "missing the en language"),
    ("missing-field", edit("origin: {kk: translated, ru: translated, en: translated}\n", ""), "data/sample.yml:1:1: origin:", "required field is missing"),
    ("item-with-neither-name-nor-text", add("  - id: empty-item"), "data/sample.yml:11:5: items[1]:", "needs a name or a text"),
    ("empty-text", edit("      ru: Название", '      ru: ""'), "data/sample.yml:9:11: items[0].name.ru:", "the text is empty"),
    ("blank-text", edit("      ru: Название", '      ru: "   "'), "data/sample.yml:9:11: items[0].name.ru:", "the text is empty"),
    ("duplicate-id", add("  - id: sample-item\n    name: {kk: а, ru: б, en: c}"), "data/sample.yml:11:9: items[1].id:", "duplicate id 'sample-item', also at data/sample.yml:6"),
    ("duplicate-id-across-files", edit("  - id: sample-item", "  - id: moral-purpose"), "data/sample.yml:6:9: items[0].id:", "duplicate id 'moral-purpose', also at data/ten_factors.yml:"),
    ("id-not-kebab", edit("  - id: sample-item", "  - id: Sample_Item"), "data/sample.yml:6:9: items[0].id:", "not kebab-case ASCII"),
    ("id-not-ascii", edit("  - id: sample-item", "  - id: үлгі"), "data/sample.yml:6:9: items[0].id:", "not kebab-case ASCII"),
    ("unknown-reference", add("    see: [moral-purpose, no-such-item]"), "data/sample.yml:11:26: items[0].see[1]:", "unknown id 'no-such-item'"),
    ("unknown-source", edit("items:", "cites: [nobody-1999]\nitems:"), "data/sample.yml:5:9: cites[0]:", "unknown source"),
    ("template-in-text", edit("      en: Name", '      en: "Name {{ x }}"'), "data/sample.yml:10:11: items[0].name.en:", "never a template: remove '{{'"),
    ("template-block-in-text", edit("      en: Name", '      en: "Name {% if x %}"'), "data/sample.yml:10:11: items[0].name.en:", "never a template: remove '{%'"),
    ("html-in-text", edit("      en: Name", '      en: "<script>alert(1)</script>"'), "data/sample.yml:10:11: items[0].name.en:", "HTML is not allowed"),
    ("mixed-script-word", edit("      kk: Атауы", "      kk: Cтратегиялық"), "data/sample.yml:8:11: items[0].name.kk:", "mixes Latin and Cyrillic"),
    ("bad-origin", edit("origin: {kk: translated,", "origin: {kk: copied,"), "data/sample.yml:4:14: origin.kk:", "is not 'source 003:12-34'"),
    ("duplicate-key", edit("id: sample\n", "id: sample\nid: sample-2\n"), "data/sample.yml:3:1: yaml:", "duplicate key"),
    ("unknown-kind", edit("kind: list", "kind: lst"), "data/sample.yml:1:7: kind:", "unknown kind 'lst'"),
    ("portfolio-item-not-numbered", edit("items:", "portfolio: {evidence: action-research-figure}\nitems:"), "data/sample.yml:9:7: items[0].name:", "named by its number"),
    ("correction-not-in-text", add("      printed: {ru: {Атаулар: Назвние}}"), "data/sample.yml:11:16: items[0].name.printed:", "ru: 'Атаулар' is not in the ru text"),
    ("correction-same-as-printed", add("      printed: {ru: {Название: Название}}"), "data/sample.yml:11:16: items[0].name.printed:", "is the same as the printed form"),
    ("editorial-without-why", add("    editorial: {only: [kk]}"), "data/sample.yml:11:16: items[0].editorial.why:", "required field is missing"),
    ("editorial-unknown-language", add("    editorial: {why: {kk: а, ru: б, en: c}, only: [kz]}"), "data/sample.yml:11:52: items[0].editorial.only[0]:", "'kk', 'ru' or 'en'"),
    (
        "portfolio-evidence-not-a-figure",
        edit("items:", "portfolio: {evidence: ten-factors}\nitems:"),
        "data/sample.yml:5:23: portfolio.evidence:",
        "unknown figure of tiers (kind: tiers) 'ten-factors'",
    ),
]


def write_case(project: Path, contents: str | bytes) -> None:
    """Put the case's data file into the project."""
    target = project / "data" / "sample.yml"
    target.write_bytes(contents if isinstance(contents, bytes) else contents.encode("utf-8"))


WIRED = {"yaml-syntax", "unknown-macro"}  # the cases that also go through the command and the real build


def assert_rejected(project: Path, expected: str, message: str, wired: bool = False) -> None:
    """The validator reports the problem at its place (in-process); for a wired case, `handbook validate` and the
    build also report it and exit non-zero, and no site is written."""
    reported = [str(problem) for problem in validate(project, [])]
    lines = [line for line in reported if line.startswith(expected)]
    assert lines, f"expected a line starting {expected!r}, got:\n" + "\n".join(reported)
    assert any(message in line for line in lines), f"expected {message!r} in {lines}"
    if not wired:
        return
    checked = handbook(project, "validate")
    assert checked.returncode == 1, checked.stdout + checked.stderr
    assert any(line.startswith(expected) and message in line for line in checked.stderr.splitlines()), checked.stderr

    site = project / "site-out"
    built = mkdocs_build(project, site)
    assert built.returncode != 0
    assert any(line.startswith(expected) and message in line for line in built.stderr.splitlines()), built.stderr
    assert not site.exists(), "a failed build must write nothing"


@pytest.mark.parametrize("name, contents, expected, message", DATA_CASES, ids=[case[0] for case in DATA_CASES])
def test_bad_data_is_rejected_at_its_place(project: Path, name: str, contents: str, expected: str, message: str) -> None:
    write_case(project, contents)
    assert_rejected(project, expected, message, wired=name in WIRED)


def test_file_that_is_not_utf8_is_rejected(project: Path) -> None:
    contents = SAMPLE.encode("utf-8").replace("Название".encode(), "Название".encode("cp1251"))
    write_case(project, contents)
    assert_rejected(project, "data/sample.yml:9:11: encoding:", "not UTF-8")


def test_the_sample_itself_is_valid(project: Path) -> None:
    """The cases above fail only because of their one change."""
    write_case(project, SAMPLE)
    assert cli(project, "validate").returncode == 0


PAGE_CASES = [
    ("unknown-macro", "Мәтін {{ nosuch() }}.", "docs/kk/ten-factors.md:3:10: macro:", "unknown macro 'nosuch'"),
    ("unknown-variable", "Мәтін {{ config }}.", "docs/kk/ten-factors.md:3:10: macro:", "unknown macro 'config'"),
    ("broken-call", 'Мәтін {{ show("ten-factors" }}.', "docs/kk/ten-factors.md:3:7: macro:", "broken macro call"),
    ("unclosed-call", 'Мәтін {{ show("ten-factors") .', "docs/kk/ten-factors.md:3:7: macro:", "broken macro call"),
    ("prose-braces", "Мәтін {{ пішін }} ішінде.", "docs/kk/ten-factors.md:3:10: macro:", "unknown macro 'пішін'"),
    ("prose-braces-sentence", "Мәтін {{ екі сөз }} ішінде.", "docs/kk/ten-factors.md:3:7: macro:", "broken macro call"),
    ("unknown-data-id", 'Мәтін {{ show("nope") }}.', "docs/kk/ten-factors.md:3:10: show:", "unknown data file id 'nope'"),
    ("unknown-term", 'Мәтін {{ term("no-such-term") }}.', "docs/kk/ten-factors.md:3:10: term:", "unknown glossary term 'no-such-term'"),
    ("empty-term-form", 'Мәтін {{ term("leadership", "") }}.', "docs/kk/ten-factors.md:3:10: term:", "must be a non-empty string"),
    ("correction-with-one-text", 'Мәтін {{ corrected("6-суреттегі") }}.', "docs/kk/ten-factors.md:3:10: corrected:", "takes two texts: text and printed="),
    ("correction-as-printed", 'Мәтін {{ corrected("6-сурет", printed="6-сурет") }}.', "docs/kk/ten-factors.md:3:10: corrected:", "are the same"),
    ("editorial-without-why", '## {{ editorial("Тақырып") }}', "docs/kk/ten-factors.md:3:7: editorial:", "takes two texts: text and why="),
    ("unknown-view", '{{ show("ten-factors", view="pie") }}', "docs/kk/ten-factors.md:3:4: show:", "no view 'pie'"),
]


@pytest.mark.parametrize("name, line, expected, message", PAGE_CASES, ids=[case[0] for case in PAGE_CASES])
def test_bad_page_is_rejected_at_its_line(project: Path, name: str, line: str, expected: str, message: str) -> None:
    page = project / "docs" / "kk" / "ten-factors.md"
    lines = page.read_text("utf-8").splitlines()
    lines.insert(2, line)  # becomes line 3
    page.write_text("\n".join(lines) + "\n", "utf-8")
    assert_rejected(project, expected, message, wired=name in WIRED)


def test_page_that_is_not_utf8_is_rejected_at_its_byte(project: Path) -> None:
    """Once a traceback from reading the pages' titles; now one line, at the first byte that is not UTF-8."""
    page = project / "docs" / "ru" / "ten-factors.md"
    lines = page.read_text("utf-8").splitlines()
    lines.insert(2, "Мәтін бар.")
    page.write_bytes(("\n".join(lines) + "\n").encode("utf-8").replace("бар".encode(), "бар".encode("cp1251")))
    assert_rejected(project, "docs/ru/ten-factors.md:3:7: encoding:", "not UTF-8")


def test_a_source_cited_on_a_page_that_does_not_exist_is_rejected_at_its_line(project: Path) -> None:
    """Once reported at data/sources.yml:1:1; now where the slug stands, with the closest page."""
    sources = project / "data" / "sources.yml"
    text = sources.read_text("utf-8")
    assert 'cited_on: ["evidence"]' in text
    text = text.replace('cited_on: ["evidence"]', 'cited_on: ["evidense"]', 1)
    sources.write_text(text, "utf-8")
    line = text[: text.index('"evidense"')].count("\n") + 1
    col = text.index('"evidense"') - text.rfind("\n", 0, text.index('"evidense"'))
    assert_rejected(project, f"data/sources.yml:{line}:{col}: items[1].cited_on[0]:", "no page 'evidense' (docs/kk/evidense.md); did you mean `evidence`?")


def test_page_missing_in_a_language_is_rejected(project: Path) -> None:
    (project / "docs" / "kk" / "extra.md").write_text("# Қосымша\n", "utf-8")
    (project / "docs" / "ru" / "extra.md").write_text("# Дополнение\n", "utf-8")
    assert_rejected(project, "docs/kk/extra.md:1:1: page:", "no en translation: docs/en/extra.md is missing")


def test_validate_can_report_one_file_only(project: Path) -> None:
    write_case(project, edit("      en: Name", '      en: ""'))
    (project / "docs" / "kk" / "extra.md").write_text("# Қосымша\n", "utf-8")
    result = cli(project, "validate", "data/sample.yml")
    assert result.returncode == 1
    assert all(line.startswith("data/sample.yml:") for line in result.stderr.splitlines()[:-1]), result.stderr
