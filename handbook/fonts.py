"""The fonts of the print-ready pages: the site's own @font-face rules, one family per subset."""

import re

SOURCE = "assets/stylesheets/fonts.css"  # the site's, in overrides/
FILE = "assets/stylesheets/print-fonts.css"  # made from it by the build

SUBSETS = {"latin": "Latin", "cyrillic": "Cyrillic", "cyrillic-ext": "Cyrillic Ext"}
FACE = re.compile(r"@font-face \{.*?\}", re.S)
FILE_SUBSET = re.compile(r"-(latin|cyrillic-ext|cyrillic)-\d")
HEADER = """/* Made by the build from fonts.css (handbook/fonts.py): the same files, one family per subset. WeasyPrint keys
   the fonts it embeds by family, weight and style, so subsets sharing one family overwrite each other's glyphs
   (Kazakh letters drawn as other letters). sheet.css lists the families in order; each covers its own letters. */
"""


def print_fonts(css: str) -> str:
    """fonts.css with each face's family named after its subset: "Roboto" → "Roboto Latin", "Roboto Cyrillic Ext"."""

    def rename(face: re.Match[str]) -> str:
        found = FILE_SUBSET.search(face.group())
        if found is None:
            raise ValueError(f"fonts.css: a face whose file names no subset (latin, cyrillic, cyrillic-ext): {face.group()[:120]}")
        subset = SUBSETS[found.group(1)]
        return re.sub(r'font-family: "([^"]+)"', rf'font-family: "\1 {subset}"', face.group())

    return HEADER + "\n".join(FACE.sub(rename, face) for face in FACE.findall(css)) + "\n"
