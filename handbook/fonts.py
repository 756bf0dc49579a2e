"""The fonts of the print-ready pages: the site's own @font-face rules, one family per subset."""

import re

SOURCE = "assets/stylesheets/fonts.css"  # the site's, in overrides/
LATIN = "assets/stylesheets/fonts-latin.css"  # the Latin edition's letters beyond Latin-1 (its pages load it after SOURCE)
FILE = "assets/stylesheets/print-fonts.css"  # made from it by the build
LATIN_FILE = "assets/stylesheets/print-fonts-latin.css"  # made from LATIN, for the Latin edition's print-ready pages

SUBSETS = {"latin": "Latin", "latin-ext": "Latin Ext", "cyrillic": "Cyrillic", "cyrillic-ext": "Cyrillic Ext"}
FACE = re.compile(r"@font-face \{.*?\}", re.S)
FILE_SUBSET = re.compile(r"-(latin-ext|latin|cyrillic-ext|cyrillic)-\d")
HEADER = """/* Made by the build from fonts.css or fonts-latin.css (handbook/fonts.py): the same files, one family per subset.
   WeasyPrint keys the fonts it embeds by family, weight and style, so subsets sharing one family overwrite each
   other's glyphs (Kazakh letters drawn as other letters). sheet.css lists the families in order; each covers its own
   letters, and a family a page does not load (Latin Ext, on the Cyrillic editions' pages) is passed over. */
"""


def print_fonts(css: str) -> str:
    """A font stylesheet of the site with each face's family named after its subset: "Roboto" → "Roboto Latin",
    "Roboto Cyrillic Ext" (and, for the Latin edition's PDFs, "Roboto Latin Ext", which draws ğ ş ū ı İ)."""

    def rename(face: re.Match[str]) -> str:
        found = FILE_SUBSET.search(face.group())
        if found is None:
            raise ValueError(f"fonts.css: a face whose file names no subset ({', '.join(SUBSETS)}): {face.group()[:120]}")
        subset = SUBSETS[found.group(1)]
        return re.sub(r'font-family: "([^"]+)"', rf'font-family: "\1 {subset}"', face.group())

    return HEADER + "\n".join(FACE.sub(rename, face) for face in FACE.findall(css)) + "\n"
