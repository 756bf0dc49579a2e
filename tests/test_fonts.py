"""The self-hosted fonts draw every Kazakh letter, and the site asks for no font from elsewhere."""

import re
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

KAZAKH = "ӘәҒғҚқҢңӨөҰұҮүҺһІі"
RUSSIAN = "АаБбЖжЩщЪъЁё"


def font_faces(css: str) -> list[dict[str, str]]:
    """The @font-face rules of a stylesheet, as property maps."""
    faces = []
    for body in re.findall(r"@font-face\s*{([^}]*)}", css):
        faces.append({k.strip(): v.strip() for k, v in re.findall(r"([\w-]+)\s*:\s*([^;]+);", body)})
    return faces


def in_range(char: str, ranges: str) -> bool:
    """Whether a character falls in a CSS unicode-range."""
    code = ord(char)
    for part in ranges.split(","):
        low, _, high = part.strip().removeprefix("U+").partition("-")
        if int(low, 16) <= code <= int(high or low, 16):
            return True
    return False


@pytest.mark.parametrize("family, weight, style", [('"Roboto"', "400", "normal"), ('"Roboto"', "700", "normal"), ('"Roboto"', "400", "italic"), ('"Roboto Mono"', "400", "normal")])
def test_every_kazakh_and_russian_letter_has_a_glyph(site: Path, family: str, weight: str, style: str) -> None:
    css_path = site / "assets/stylesheets/fonts.css"
    faces = [f for f in font_faces(css_path.read_text("utf-8")) if (f["font-family"], f["font-weight"], f["font-style"]) == (family, weight, style)]
    assert faces
    for char in KAZAKH + RUSSIAN:
        face = next((f for f in faces if in_range(char, f["unicode-range"])), None)
        assert face, f"no {family} {weight} face covers {char!r}"
        url = re.search(r'url\("([^"]+)"\)', face["src"]).group(1)
        font = TTFont(css_path.parent / url)
        assert ord(char) in font.getBestCmap(), f"{url} has no glyph for {char!r}"


@pytest.mark.parametrize("weight, style", [("400", "normal"), ("700", "normal"), ("400", "italic"), ("700", "italic")])
def test_every_letter_of_the_latin_edition_has_a_glyph_on_screen_and_in_print(site: Path, weight: str, style: str) -> None:
    """The 2021 proposal's letters beyond ASCII, in both cases, whether the handbook uses them yet or not: fonts.css
    with fonts-latin.css (the twins load both), and their print families (print-fonts.css with print-fonts-latin.css)."""
    folder = site / "assets/stylesheets"
    for screen, printed in (("fonts.css", "fonts-latin.css"), ("print-fonts.css", "print-fonts-latin.css")):
        faces = [f for name in (screen, printed) for f in font_faces((folder / name).read_text("utf-8")) if (f["font-weight"], f["font-style"]) == (weight, style)]
        faces = [f for f in faces if "Mono" not in f["font-family"]]
        for char in "ÄäĞğÑñÖöŪūÜüŞşİı":
            face = next((f for f in faces if in_range(char, f["unicode-range"])), None)
            assert face, f"{screen} + {printed}: no {weight} {style} face covers {char!r}"
            url = re.search(r'url\("([^"]+)"\)', face["src"]).group(1)
            assert ord(char) in TTFont(folder / url).getBestCmap(), f"{url} has no glyph for {char!r}"


def test_pages_use_the_self_hosted_fonts(site: Path) -> None:
    html = (site / "index.html").read_text("utf-8")
    assert "assets/stylesheets/fonts.css" in html
    assert "fonts.googleapis" not in html and "fonts.gstatic" not in html
