"""The Latin edition's pages: a built Kazakh page written again in Latin letters (handbook/latin.py's Writer), as the
edition under `latn/` shows it. The page's text and the attributes readers see or hear (titles, labels, alternative
text) change script; what is marked as another language (`lang="ru"`, `lang="en"`) stays as it is, and so do scripts,
styles and every id. Links to Kazakh pages lead to their Latin twins; every other link (assets, the other languages)
leads where it led. The page says it is `kk-Latn`."""

import json
import posixpath
import re
from collections.abc import Callable
from html import unescape
from pathlib import Path
from typing import Any

from handbook.latin import Writer, lower, upper
from handbook.urls import LATIN

LANG = "kk-Latn"  # the edition's language tag (BCP 47: Kazakh in Latin script)
FOLDER = LATIN  # the edition's folder below the site root
NAME = "Qazaqşa (latyn)"  # the edition's name in the language switcher
FONTS = ("fonts.css", "fonts-latin.css")  # the site's fonts; the edition's letters beyond them, linked after them
_FONTS = re.compile(r'<link rel="stylesheet" href="[^"]*/fonts\.css">')
# The offline save control (macros/templates/offline-control.html), which saves the Kazakh pack: the edition has
# none of its own yet, so its pages offer none.
_SAVE_CONTROL = re.compile(r'<section class="hb-offline[ "].*?</section>\n?', re.S)
LEFT_OUT = ("session/",)  # the session builder and its print view draw their pieces in Cyrillic letters
SEEN = frozenset({"title", "alt", "aria-label", "placeholder", "aria-description", "data-tip"})  # attributes with words
LINKS = frozenset({"href", "src", "action", "poster"})
VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//|#|\?)", re.I)
# The markup, piece by piece: a comment or declaration, a tag (its name and attributes), or text up to the next one.
_PIECE = re.compile(r"<!--.*?-->|<![^>]*>|<\?[^>]*>|<(/?)([a-zA-Z][\w:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>|[^<]+|<", re.S)
_ATTRIBUTE = re.compile(r"""([^\s=/>"']+)(\s*=\s*)("[^"]*"|'[^']*'|[^\s"'>]+)""")
_ANY = SEEN | LINKS | {"lang", "hreflang"}
CYRILLIC = "kk-Cyrl"  # what a link to the Cyrillic edition is read as: its name and address stay
# A link to the Cyrillic edition: to a Kazakh page and named in Kazakh (the language switcher), or an alternate.
_CYRILLIC_EDITION = re.compile(r"""\bhreflang\s*=\s*["']?kk(?:["'\s/]|$)""", re.I)
_OWN_KAZAKH = re.compile(r"""(?:^|\s)lang\s*=\s*["']?kk(?:["'\s/]|$)""", re.I)


def _kazakh(lang: str) -> bool:
    """Whether text in `lang` is written in Latin letters in the edition: Kazakh, but not the Cyrillic edition's."""
    return lang.lower().startswith("kk") and lang != CYRILLIC


class _Rewriter:
    """One page's markup, its Kazakh words in Latin letters and its links moved, everything else as it was."""

    def __init__(self, write: Callable[[str], str], link: Callable[[str, bool], str]) -> None:
        self.write, self.link = write, link
        self.langs: list[tuple[str, str]] = [("", "kk")]  # (tag, language) of the open elements

    def attributes(self, text: str, kazakh: bool, pinned: bool) -> str:
        """A tag's attributes, the words of those readers see in Latin letters and its links moved (a link to the
        Cyrillic edition, `pinned`, keeps its language and its page)."""

        def one(match: re.Match[str]) -> str:
            name, equals, quoted = match.group(1).lower(), match.group(2), match.group(3)
            quote = quoted[0] if quoted[0] in "\"'" else ""
            value = quoted[1:-1] if quote else quoted
            if name in LINKS:
                value = self.link(value, not pinned)
            elif name in SEEN and kazakh:
                value = self.write(value)
            elif name in ("lang", "hreflang") and value.lower() == "kk" and not pinned:
                value = LANG
            return f"{match.group(1)}{equals}{quote}{value}{quote}"

        return _ATTRIBUTE.sub(one, text)

    def data(self, raw: str) -> str:
        """A page's JSON data with its texts in Latin letters (its ids and addresses have no Cyrillic letter)."""
        try:
            value = json.loads(raw)
        except ValueError:
            return self.write(raw)

        def walk(value: Any) -> Any:
            if isinstance(value, str):
                return self.write(value)
            if isinstance(value, list):
                return [walk(item) for item in value]
            if isinstance(value, dict):
                return {key: walk(item) for key, item in value.items()}
            return value

        return json.dumps(walk(value), ensure_ascii=False).replace("</", "<\\/")

    def rewrite(self, html: str) -> str:
        """The page rewritten."""
        out: list[str] = []
        at, lowered = 0, html.lower()
        while at < len(html):
            match = _PIECE.match(html, at)
            assert match is not None  # the pattern matches any character
            at = match.end()
            piece, tag = match.group(), (match.group(2) or "").lower()
            if not tag:
                out.append(self.write(piece) if piece[0] != "<" and _kazakh(self.langs[-1][1]) else piece)
                continue
            if match.group(1):  # an end tag: close up to its element (HTML may leave end tags out)
                for n in range(len(self.langs) - 1, 0, -1):
                    if self.langs[n][0] == tag:
                        del self.langs[n:]
                        break
                out.append(piece)
                continue
            attributes = match.group(3)
            own = re.search(r"""\blang\s*=\s*["']?([\w-]+)""", attributes)
            pinned = _CYRILLIC_EDITION.search(attributes) is not None and (tag == "link" or _OWN_KAZAKH.search(attributes) is not None)
            lang = CYRILLIC if pinned else own.group(1) if own else self.langs[-1][1]
            kazakh = _kazakh(lang)
            if any(name in attributes for name in _ANY):
                attributes = self.attributes(attributes, kazakh, pinned)
            out.append(f"<{match.group(2)}{attributes}>")
            if tag in ("script", "style"):  # raw text up to its end tag: code, or (JSON) the page's own data
                end = lowered.find(f"</{tag}", at)
                end = len(html) if end < 0 else end
                raw = html[at:end]
                data = tag == "script" and re.search(r"""type\s*=\s*["']?application/json""", attributes)
                out.append(self.data(raw) if data and kazakh else raw)
                at = end
            elif tag not in VOID and not attributes.rstrip().endswith("/"):
                self.langs.append((tag, lang))
        return "".join(out)


def relink(url: str, path: str, pages: frozenset[str], move: bool = True) -> str:
    """A relative address on the Kazakh page at `path`, as written on its twin: to the twin of a Kazakh page (`pages`,
    by folder) when `move`, else to where it led; anything else (another host, an anchor) as it is."""
    if _EXTERNAL.match(url) or not url:
        return url
    here, there = "/" + posixpath.dirname(path), "/" + posixpath.dirname(FOLDER + path)
    cut = min((i for i in (url.find("#"), url.find("?")) if i >= 0), default=len(url))
    address, rest = url[:cut], url[cut:]
    folder = address.endswith("/") or address in ("", ".", "..") or address.endswith(("/.", "/.."))
    target = posixpath.normpath(posixpath.join(here, address or ".")).lstrip("/")
    key = target + "/" if folder and target else target
    moved = "/" + (FOLDER + key if move and key in pages else key)
    relative = posixpath.relpath(moved, there)
    return (relative.rstrip("/") + "/" if folder else relative) + rest if relative != "." else "./" + rest


def latin_page(html: str, path: str, writer: Writer, pages: frozenset[str]) -> str:
    """The Latin twin of the Kazakh page at `path` (below the site root, e.g. `evidence/index.html`), to be written at
    `latn/<path>`. `pages`: the Kazakh pages that have twins, by folder below the site root ('' for the home page,
    `evidence/`); links to them lead to their twins, every other relative link to where it led, and so does a link
    to the Cyrillic edition (`hreflang="kk"`: the language switcher, the alternates), whose name stays as it is. The
    page's own data (JSON in `script type="application/json"`) changes script too."""
    html = _Rewriter(writer.text, lambda url, move: relink(url, path, pages, move)).rewrite(html)
    return _FONTS.sub(lambda link: link.group() + link.group().replace(FONTS[0], FONTS[1]), html, count=1)


_GLOSSARY = re.compile(r'<div class="hb-glossary"[^>]*>')
_DIV = re.compile(r"<div\b|</div>")
_LETTER = re.compile(r'<h2 class="hb-letter"[^>]*>.*?</h2>\n?', re.S)
_TERM = re.compile(r'<h3 class="hb-entry__term"[^>]*>(.*?)</h3>', re.S)
_LETTERS = re.compile(r'(<nav class="hb-letters"[^>]*>\n?)(.*?)(</nav>)', re.S)
_TAGS = re.compile(r"<[^>]+>")
_LETTER_ID = re.compile(r'id="([^"]*?)letter-([^"]+)"')


def latin_glossary(html: str, writer: Writer) -> str:
    """A glossary page (macros/templates/kinds/glossary.html, as built and written in Latin letters) with its terms
    in the Latin alphabet's order, under that alphabet's letters, and its letter index so; each term keeps what
    follows it (its definition and sub-terms). The page's own letter heading and index link are the patterns."""
    found = _GLOSSARY.search(html)
    if found is None:
        return html
    depth, end = 0, len(html)
    for tag in _DIV.finditer(html, found.start()):
        depth += 1 if tag.group() != "</div>" else -1
        if depth == 0:
            end = tag.start()
            break
    body = html[found.end() : end]
    letters = _LETTER.findall(body)
    terms = list(_TERM.finditer(body))
    if not letters or not terms:
        return html
    entries = [body[term.start() : following.start() if following else len(body)] for term, following in zip(terms, [*terms[1:], None], strict=True)]
    entries = [_LETTER.sub("", entry) for entry in entries]
    named = sorted(((writer.sort_key(unescape(_TAGS.sub("", term.group(1))).rstrip("¶")), entry) for term, entry in zip(terms, entries, strict=True)), key=lambda pair: pair[0])
    old = _LETTER_ID.search(letters[0])  # (prefix, letter): the whole book prefixes its chapters' ids
    pattern = letters[0]
    shown: list[str] = []
    out = [body[: terms[0].start()].replace(letters[0], "")]
    for (_, term), entry in named:
        initial = upper(term.lstrip()[:1])
        if initial not in shown:
            shown.append(initial)
            heading = pattern.replace(f"{old.group(1)}letter-{old.group(2)}", f"{old.group(1)}letter-{lower(initial)}") if old else pattern
            opening = heading.index(">") + 1
            out.append(heading[:opening] + initial + heading[heading.index("<", opening) :])
        out.append(entry)
    html = html[: found.end()] + "".join(out) + html[end:]
    # Other links to a letter (the contents sidebar's) lead to the Latin letter its heading now reads as.
    moved = {}
    for heading in letters:
        was, text = _LETTER_ID.search(heading), re.search(r">([^<]*)<", heading)
        if was and text and text.group(1).strip():
            moved[f"{was.group(1)}letter-{was.group(2)}"] = f"{was.group(1)}letter-{lower(upper(text.group(1).strip())[:1])}"
    html = re.sub(r'href="#([^"]*letter-[^"]+)"', lambda link: f'href="#{moved.get(link.group(1), link.group(1))}"', html)
    index = _LETTERS.search(html)
    if index is not None and (link := re.search(r'<a href="#([^"]*?)letter-[^"]*">[^<]*</a>\n?', index.group(2))):
        prefix = link.group(1)
        links = "".join(re.sub(r'#[^"]*letter-[^"]*">[^<]*<', f'#{prefix}letter-{lower(letter)}">{letter}<', link.group()) for letter in shown)
        html = html[: index.start(2)] + links + html[index.end(2) :]
    return html


def kazakh_pages(site_dir: Path, others: tuple[str, ...]) -> list[str]:
    """The Kazakh edition's pages that have Latin twins, below the site root: every page outside the other languages'
    folders and the edition's own, but the session builder's (its pieces are drawn in Cyrillic letters)."""
    found = (p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html"))
    return sorted(p for p in found if not p.startswith((*others, FOLDER, *LEFT_OUT)))


def write_edition(site_dir: Path, writer: Writer, others: tuple[str, ...], page: Callable[[str, str], str] = lambda path, html: html) -> list[str]:
    """Write the Latin twin of every Kazakh page under `latn/` (each passed through `page` once written, for what
    only the caller knows); the twins' paths below the site root."""
    paths = kazakh_pages(site_dir, others)
    pages = frozenset(p.removesuffix("index.html") for p in paths)
    written = []
    for path in paths:
        target = site_dir / FOLDER / path
        target.parent.mkdir(parents=True, exist_ok=True)
        html = _SAVE_CONTROL.sub("", latin_page((site_dir / path).read_text("utf-8"), path, writer, pages))
        target.write_text(page(path, latin_glossary(html, writer)), "utf-8")
        written.append(FOLDER + path)
    return written


def latin_index(index: dict[str, Any], writer: Writer) -> dict[str, Any]:
    """A Kazakh search index (MkDocs' `search_index.json`: its config and its docs) with its texts in Latin letters;
    the locations stay, relative to the edition's root as they were to the Kazakh one."""
    docs = [{**doc, **{key: writer.text(doc[key]) for key in ("title", "text") if isinstance(doc.get(key), str)}} for doc in index.get("docs", [])]
    return {**index, "docs": docs}
