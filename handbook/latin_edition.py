"""The Latin edition's pages: a built Kazakh page written again in Latin letters (handbook/latin.py's Writer), as the
edition under `latn/` shows it. The page's text, the attributes readers see or hear (titles, labels, alternative
text), its own data (JSON) and its style's strings (the printed footer) change script; what is marked as another
language (`lang="ru"`, `lang="en"`) stays as it is, and so do scripts and every id. Links to Kazakh pages lead to
their Latin twins; every other link (assets, the other languages) leads where it led. The page says it is
`kk-Latn`. The glossary is put in the Latin alphabet's order, and the session builder's pieces are written too."""

import functools
import json
import posixpath
import re
from collections.abc import Callable
from html import unescape
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from handbook import footer as printed
from handbook.languages import DEFAULT_LANGUAGE, NATIVE_NAMES
from handbook.latin import Writer, lower, upper
from handbook.qr import code
from handbook.urls import LATIN, LATIN_LANG, Urls

LANG = LATIN_LANG  # the edition's language tag (BCP 47: Kazakh in Latin script)
FOLDER = LATIN  # the edition's folder below the site root
NAME = "Qazaqşa (latyn)"  # the edition's name in the language switcher
# The site's fonts, on screen and in print (handbook/fonts.py); the edition's letters beyond them, linked after them.
FONTS = {"fonts.css": "fonts-latin.css", "print-fonts.css": "print-fonts-latin.css"}
_FONTS = re.compile(r'<link rel="stylesheet" href="[^"]*/((?:print-)?fonts\.css)">')
# The Kazakh files, besides the pages, that the edition has its own of below its folder: its PDFs (`handbook pdf`),
# the session builder's pieces, and on the web its manifest and its pack for offline reading (handbook/edition.py:
# `LATIN_VERSION`).
PIECES = Urls.session_pieces(DEFAULT_LANGUAGE)
OWN_FILES = (Urls.pdf_folder(DEFAULT_LANGUAGE), PIECES, Urls.manifest(DEFAULT_LANGUAGE), Urls.pack(DEFAULT_LANGUAGE), Urls.edition(DEFAULT_LANGUAGE))
# The holder of the offline control or notice (macros/templates/offline-control.html, offline-notice.html): it names
# the version it saves, which on a twin is the edition.
_SAVER = re.compile(r'(<[^>]*\bdata-offline-root\b[^>]*\bdata-lang=")kk(")')
# The attributes with words readers see or hear: as themselves, shown by the stylesheet (`attr()`: a corrected word's
# printed form and note, an editors' mark and why, a table cell's column on a phone), or read by a script as text.
SEEN = frozenset({"title", "alt", "aria-label", "placeholder", "aria-description", "content", "data-tip"}) | frozenset(
    {"data-column", "data-note", "data-printed", "data-sign", "data-why", "data-editorial", "data-title", "data-site-name"}
)
# Attributes holding an address: HTML's, the offline control's (its pack, its PDFs), the session builder's print view.
LINKS = frozenset({"href", "src", "action", "poster", "data-pack", "data-url", "data-sheet"})
ROOTS = frozenset({"data-root"})  # addresses of the site root (the offline control's, where sw.js lies): never moved
LINK_MAPS = frozenset({"data-pieces"})  # JSON objects of addresses (the session print view's pieces, by language)
VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//|#|\?)", re.I)
# The markup, piece by piece: a comment or declaration, a tag (its name and attributes), or text up to the next one.
_PIECE = re.compile(r"<!--.*?-->|<![^>]*>|<\?[^>]*>|<(/?)([a-zA-Z][\w:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>|[^<]+|<", re.S)
_ATTRIBUTE = re.compile(r"""([^\s=/>"']+)(\s*=\s*)("[^"]*"|'[^']*'|[^\s"'>]+)""")
_ANY = re.compile("|".join(sorted(SEEN | LINKS | ROOTS | LINK_MAPS | {"lang"})))  # a tag with any of these attributes (hreflang has lang)
CYRILLIC = "kk-Cyrl"  # what a link to the Cyrillic edition is read as: its name and address stay
# A link to the Cyrillic edition: to a Kazakh page and named in Kazakh (the language switcher), or an alternate.
_CYRILLIC_EDITION = re.compile(r"""\bhreflang\s*=\s*["']?kk(?:["'\s/]|$)""", re.I)
_OWN_KAZAKH = re.compile(r"""(?:^|\s)lang\s*=\s*["']?kk(?:["'\s/]|$)""", re.I)


@functools.cache
def _kazakh(lang: str) -> bool:
    """Whether text in `lang` is written in Latin letters in the edition: Kazakh, but not the Cyrillic edition's."""
    return lang.lower().startswith("kk") and lang != CYRILLIC


class _Rewriter:
    """One page's markup, its Kazakh words in Latin letters and its links moved, everything else as it was."""

    def __init__(self, write: Callable[[str], str], link: Callable[[str, bool], str], css: Callable[[str], str]) -> None:
        self.write, self.link, self.css = write, link, css
        self.langs: list[tuple[str, str]] = [("", "kk")]  # (tag, language) of the open elements

    def attributes(self, text: str, kazakh: bool, pinned: bool) -> str:
        """A tag's attributes, the words of those readers see in Latin letters and its links moved (a link to the
        Cyrillic edition, `pinned`, keeps its language and its page)."""

        def one(match: re.Match[str]) -> str:
            name, equals, quoted = match.group(1).lower(), match.group(2), match.group(3)
            quote = quoted[0] if quoted[0] in "\"'" else ""
            value = quoted[1:-1] if quote else quoted
            if name in LINKS or name in ROOTS:
                value = self.link(value, not pinned and name not in ROOTS)
            elif name in LINK_MAPS and quote == "'":
                value = json.dumps({key: self.link(url, not pinned) for key, url in json.loads(unescape(value)).items()}).replace("&", "&amp;").replace("'", "&#x27;")
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
            if _ANY.search(attributes):
                attributes = self.attributes(attributes, kazakh, pinned)
            out.append(f"<{match.group(2)}{attributes}>")
            if tag in ("script", "style"):  # raw text up to its end tag: code, or (JSON) the page's own data
                end = lowered.find(f"</{tag}", at)
                end = len(html) if end < 0 else end
                raw = html[at:end]
                data = tag == "script" and re.search(r"""type\s*=\s*["']?application/json""", attributes)
                out.append(raw if not kazakh else self.data(raw) if data else self.css(raw) if tag == "style" else raw)
                at = end
            elif tag not in VOID and not attributes.rstrip().endswith("/"):
                self.langs.append((tag, lang))
        return "".join(out)


def relink(url: str, path: str, pages: frozenset[str], move: bool = True, site_url: str | None = None) -> str:
    """A relative address on the Kazakh page at `path`, as written on its twin: to the twin of a Kazakh page (`pages`,
    by folder) or of a file the edition has its own of (OWN_FILES) when `move`, else to where it led; an
    address on the published site (`site_url`), or from its host's root, to its twin so too; anything else (another
    host, an anchor) as it is."""
    site = (site_url or "").rstrip("/") + "/"
    base = urlsplit(site).path  # an address from the host's root (a 404 page's) starts with the site's path
    for start in (site, base) if site_url else ("/",):
        if url.startswith(start) and not url.startswith("//"):
            below = url[len(start) :]
            return start + FOLDER + below if move and _moved(below.split("#")[0].split("?")[0], pages) else url
    if _EXTERNAL.match(url) or not url:
        return url
    here, there = "/" + posixpath.dirname(path), "/" + posixpath.dirname(FOLDER + path)
    cut = min((i for i in (url.find("#"), url.find("?")) if i >= 0), default=len(url))
    address, rest = url[:cut], url[cut:]
    folder = address.endswith("/") or address in ("", ".", "..") or address.endswith(("/.", "/.."))
    target = posixpath.normpath(posixpath.join(here, address or ".")).lstrip("/")
    key = target + "/" if folder and target else target
    moved = "/" + (FOLDER + key if move and _moved(key, pages) else key)
    relative = posixpath.relpath(moved, there)
    return (relative.rstrip("/") + "/" if folder else relative) + rest if relative != "." else "./" + rest


def _moved(key: str, pages: frozenset[str]) -> bool:
    """Whether the edition has its own of a Kazakh page or file (by its path below the site root, a page's by folder)."""
    return key in pages or key.removesuffix("index.html") in pages or key.startswith(OWN_FILES)


_CSS_STRING = re.compile(r'"((?:[^"\\\n]|\\.)*)"')


def latin_css(css: str, writer: Writer, path: str) -> str:
    """A Kazakh page's own style (its printed footer and page word, handbook/footer.py) as written on its twin: the
    Kazakh in Latin letters, the edition named as itself and its address the twin's. A two-language handout's strings
    hold each of its languages in turn (footer.EACH), of which only the Kazakh changes script."""
    strings = [match.group(1) for match in _CSS_STRING.finditer(css)]
    found = next((parsed for text in strings if (parsed := printed.parse(text))), None)
    kazakh = [name == NATIVE_NAMES[DEFAULT_LANGUAGE] for name in found.names] if found else [True]
    addresses = sorted({path, path.removesuffix("index.html")}, key=len, reverse=True)

    def one(match: re.Match[str]) -> str:
        text = match.group(1)
        if (footer := printed.parse(text)) is not None:
            own = next((a for a in addresses if footer.address.endswith("/" + a) or footer.address == "/" + a), None)
            address = footer.address[: len(footer.address) - len(own)] + FOLDER + own if own is not None else footer.address
            titles = tuple(writer.text(t) if k else t for t, k in zip(footer.titles, kazakh, strict=True))
            names = tuple(NAME if k else name for name, k in zip(footer.names, kazakh, strict=True))
            return f'"{printed.Footer(titles, names, address, footer.date)}"'
        parts = text.split(printed.EACH, len(kazakh) - 1) if len(kazakh) > 1 else [text]
        if len(parts) != len(kazakh):
            return f'"{writer.text(text)}"' if any(kazakh) else match.group()
        return '"' + printed.EACH.join(writer.text(part) if k else part for part, k in zip(parts, kazakh, strict=True)) + '"'

    return _CSS_STRING.sub(one, css)


_QR = re.compile(r'<a class="hb-qr" href="([^"]*)"([^>]*)>(<svg\b.*?</svg>)</a>', re.S)


def _redrawn_qr(html: str) -> str:
    """A twin's printed QR code (macros/templates/qr.html), drawn for the address its link now leads to."""

    def one(match: re.Match[str]) -> str:
        address, attributes = match.group(1), match.group(2)
        old = re.search(r'data-qr="([^"]*)"', attributes)
        if old is None or old.group(1) == address:
            return match.group()
        return f'<a class="hb-qr" href="{address}"{attributes.replace(old.group(1), address)}>{code(unescape(address)).svg}</a>'

    return _QR.sub(one, html)


# An element naming a language (`data-language`: the book's cover, the session builder's choice) names Kazakh as the
# edition: «Qazaqşa (latyn)», as the language switcher and the printed footer do.
_NAMED = re.compile(rf"(<[^>]*\bdata-language\b[^>]*>){re.escape(NATIVE_NAMES[DEFAULT_LANGUAGE])}(</)")


def latin_page(html: str, path: str, writer: Writer, pages: frozenset[str], site_url: str | None = None) -> str:
    """The Latin twin of the Kazakh page at `path` (below the site root, e.g. `evidence/index.html`), to be written at
    `latn/<path>`. `pages`: the Kazakh pages that have twins, by folder below the site root ('' for the home page,
    `evidence/`); links to them lead to their twins, every other relative link to where it led, and so does a link
    to the Cyrillic edition (`hreflang="kk"`: the language switcher, the alternates), whose name stays as it is. The
    page's own data (JSON in `script type="application/json"`) changes script too, and so do its printed footer and
    QR code (`site_url`: the published site's address, whose pages' addresses move as the relative ones do)."""
    html = _NAMED.sub(rf"\g<1>{NAME}\g<2>", html)
    html = _Rewriter(writer.text, lambda url, move: relink(url, path, pages, move, site_url), lambda css: latin_css(css, writer, path)).rewrite(html)
    html = _SAVER.sub(rf"\g<1>{LANG}\g<2>", _redrawn_qr(html), count=1)
    return _FONTS.sub(lambda link: link.group() + link.group().replace(link.group(1), FONTS[link.group(1)]), html)


_GLOSSARY = re.compile(r'<div class="hb-glossary"[^>]*>')
_LETTER = re.compile(r'<h2 class="hb-letter"[^>]*>.*?</h2>\n?', re.S)
_TERM = re.compile(r'<h3 class="hb-entry__term"[^>]*>(.*?)</h3>', re.S)
_LETTERS = re.compile(r'(<nav class="hb-letters"[^>]*>\n?)(.*?)(</nav>)', re.S)
_TAGS = re.compile(r"<[^>]+>")
_LETTER_ID = re.compile(r'id="([^"]*?)letter-([^"]+)"')
_HEADINGS = re.compile(r'<h2 class="hb-letter" id="([^"]*)">([^<]*)|<h3 class="hb-entry__term" id="([^"]*)"')


def _end(html: str, start: int) -> int:
    """Where the element whose start tag is at `start` ends (after its end tag), its own kind nested inside it."""
    tag = re.match(r"<([a-zA-Z][\w-]*)", html[start:])
    assert tag is not None, html[start : start + 40]
    depth = 0
    for found in re.finditer(rf"<(/?){tag.group(1)}\b[^>]*>", html[start:]):
        depth += -1 if found.group(1) else 1
        if depth == 0:
            return start + found.end()
    return len(html)


def _siblings(html: str, start: int, name: str) -> list[tuple[int, int]]:
    """The elements `name` from `start` on that follow each other with only white space between, by (start, end)."""
    found = []
    while (at := re.match(rf"\s*<{name}\b", html[start:])) is not None:
        begin = start + at.end() - len(name) - 1
        start = _end(html, begin)
        found.append((begin, start))
    return found


def _term(html: str) -> str:
    """The text of a piece of markup, as a glossary term (its heading's ¶ left out)."""
    return unescape(_TAGS.sub("", html)).strip().rstrip("¶").strip()


def _sorted(blocks: list[str], term: Callable[[str], str], child: Callable[[str], bool], writer: Writer) -> list[str]:
    """A glossary's blocks (table rows, pairs) in the Latin alphabet's order, each sub-term after its parent, in
    that order too."""
    groups: list[list[str]] = []
    for block in blocks:
        if child(block) and groups:
            groups[-1].append(block)
        else:
            groups.append([block])
    by_term = lambda block: writer.sort_key(term(block))  # noqa: E731
    return [block for group in sorted(groups, key=lambda g: by_term(g[0])) for block in [group[0], *sorted(group[1:], key=by_term)]]


_TABLE = re.compile(r'<table class="hb-glossary-table"[^>]*>')
_ROW_TERM = re.compile(r"<th scope=\"row\"[^>]*>(.*?)</th>", re.S)
_CHILD = 'class="hb-glossary-table__child"'


def latin_glossary_table(html: str, writer: Writer) -> str:
    """A glossary handout (macros/templates/kinds/glossary-table.html), as built and written in Latin letters, with
    its rows in the Latin alphabet's order, sub-terms after their parent. (Printed in two languages, a glossary keeps
    the data's order, whose alphabet is neither language's: paired.html, one pair of tables per term.)"""
    row_term = lambda block: _term(found.group(1)) if (found := _ROW_TERM.search(block)) else ""  # noqa: E731
    for table in reversed(list(_TABLE.finditer(html))):
        body = html.find("<tbody>", table.end()) + len("<tbody>")
        rows = _siblings(html, body, "tr")
        if len(rows) > 1:
            blocks = _sorted([html[a:b] for a, b in rows], row_term, lambda block: _CHILD in block, writer)
            html = html[: rows[0][0]] + "\n".join(blocks) + html[rows[-1][1] :]
    return html


def _sub_terms_sorted(entry: str, writer: Writer, level: int) -> str:
    """A glossary entry (its term's heading, definition and sub-terms, headed at `level`) with its sub-terms, and
    theirs, in the Latin alphabet's order."""
    starts = [found.start() for found in re.finditer(rf'<h{level} class="hb-entry__term"', entry)]
    if not starts:
        return entry
    subs = [_sub_terms_sorted(entry[a:b], writer, level + 1) for a, b in zip(starts, [*starts[1:], len(entry)], strict=True)]
    heading = re.compile(rf"<h{level}\b[^>]*>(.*?)</h{level}>", re.S)
    return entry[: starts[0]] + "".join(sorted(subs, key=lambda sub: writer.sort_key(_term(found.group(1)) if (found := heading.search(sub)) else "")))


def latin_glossary(html: str, writer: Writer) -> str:
    """A glossary page (macros/templates/kinds/glossary.html, as built and written in Latin letters) with its terms
    in the Latin alphabet's order, under that alphabet's letters, and its letter index so; each term keeps what
    follows it (its definition and sub-terms). The page's own letter heading and index link are the patterns. The
    contents (the sidebar's) list the letters and their terms in the same order."""
    found = _GLOSSARY.search(html)
    if found is None:
        return html
    end = _end(html, found.start()) - len("</div>")
    body = html[found.end() : end]
    letters = _LETTER.findall(body)
    terms = list(_TERM.finditer(body))
    if not letters or not terms:
        return html
    entries = [body[term.start() : following.start() if following else len(body)] for term, following in zip(terms, [*terms[1:], None], strict=True)]
    entries = [_sub_terms_sorted(_LETTER.sub("", entry), writer, 4) for entry in entries]
    named = sorted(((writer.sort_key(_term(term.group(1))), entry) for term, entry in zip(terms, entries, strict=True)), key=lambda pair: pair[0])
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
    return _latin_contents(html)


_CONTENTS_LETTER = re.compile(r'<li\b[^>]*>\s*<a href="#([^"]*letter-[^"]+)"[^>]*>(.*?)</a>', re.S)


def _items_ordered(item: str, position: dict[str, int]) -> str:
    """A contents item with the items it holds (a term's sub-terms) in the order their targets have (`position`)."""
    inner = item.find("<ul", 1)
    if inner < 0:
        return item
    content = item.index(">", inner) + 1
    items = _siblings(item, content, "li")
    if not items:
        return item

    def at(sub: str) -> int:
        target = re.match(r'<li\b[^>]*>\s*<a href="#([^"]*)"', sub)
        return position.get(target.group(1), len(position)) if target else len(position)

    subs = sorted((_items_ordered(item[a:b], position) for a, b in items), key=at)
    return item[: items[0][0]] + "\n".join(subs) + item[items[-1][1] :]


def _glossary_at(html: str) -> int:
    """Where a page's glossary begins (its end when it has none)."""
    found = _GLOSSARY.search(html)
    return found.start() if found else len(html)


def _latin_contents(html: str) -> str:
    """A glossary page's contents (each list of links to its letters before the glossary, each letter's item holding
    its terms' items, as the sidebar has them) in the order its glossary now has: its letters, and below each its
    terms. The first letter's item is the pattern of the others; a term's item keeps what it holds."""
    glossary = _glossary_at(html)
    order: list[tuple[str, str, list[str]]] = []  # (letter id, letter, term ids)
    for heading in _HEADINGS.finditer(html, glossary):
        if heading.group(1):
            order.append((heading.group(1), heading.group(2).strip(), []))
        elif order:
            order[-1][2].append(heading.group(3))
    position = {term: n for n, term in enumerate(re.findall(r'<h[3-6] class="hb-entry__term" id="([^"]*)"', html[glossary:]))}
    at = 0
    while (first := _CONTENTS_LETTER.search(html, at)) is not None and first.start() < _glossary_at(html):
        items = _siblings(html, first.start(), "li")
        terms: dict[str, str] = {}
        for a, b in items:
            item = html[a:b]
            inner = item.find("<ul", 1)
            if inner >= 0:
                content = item.index(">", inner) + 1
                for c, d in _siblings(item, content, "li"):
                    if target := re.match(r'<li\b[^>]*>\s*<a href="#([^"]*)"', item[c:d]):
                        terms[target.group(1)] = _items_ordered(item[c:d], position)
        pattern = html[items[0][0] : items[0][1]]
        was_id, was_text = first.group(1), _term(first.group(2))
        inner = pattern.find("<ul", 1)
        head, tail = (pattern[: pattern.index(">", inner) + 1], pattern[pattern.rindex("</ul>") :]) if inner >= 0 else (pattern, "")
        rebuilt = []
        for letter_id, letter, ids in order:
            top = head.replace(f'href="#{was_id}"', f'href="#{letter_id}"').replace(f'aria-label="{was_text}"', f'aria-label="{letter}"')
            top = re.sub(rf"(<a\b[^>]*>(?:\s|<[^>]+>)*){re.escape(was_text)}", r"\g<1>" + letter.replace("\\", r"\\"), top, count=1)
            listed = "".join(terms[i] for i in ids if i in terms)
            rebuilt.append(top + listed + tail if inner >= 0 else top)
        html = html[: items[0][0]] + "\n".join(rebuilt) + html[items[-1][1] :]
        at = items[0][0] + sum(map(len, rebuilt))
    return html


def kazakh_pages(site_dir: Path, others: tuple[str, ...]) -> list[str]:
    """The Kazakh edition's pages, each of which has a Latin twin, below the site root: every page outside the other
    languages' folders and the edition's own."""
    found = (p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html"))
    return sorted(p for p in found if not p.startswith((*others, FOLDER)))


_PIECES_SCRIPT = re.compile(r"(?s)^(.*?\)\[\"kk\"\] = )(\{.*\});\n?$")


def latin_pieces(script: str, writer: Writer, pages: frozenset[str], site_url: str | None = None) -> str:
    """The session builder's Kazakh pieces script (handbook/session.py: every piece drawn, the strings its print
    view prints, each page's QR code) as the edition's: each piece rewritten as a twin's markup is, its links from
    the twin of the print view; the strings in Latin letters; each QR code drawn for its page's twin. It keeps its
    language's key (`kk`), so a session's link opens in either script, and says it is `kk-Latn`."""
    found = _PIECES_SCRIPT.match(script)
    if found is None:
        raise ValueError(f"{PIECES}: not a pieces script (handbook/session.py)")
    data = json.loads(found.group(2))
    sheet = Urls.session_sheet_file(DEFAULT_LANGUAGE)
    rewriter = lambda: _Rewriter(writer.text, lambda url, move: relink(url, sheet, pages, move, site_url), lambda css: latin_css(css, writer, sheet))  # noqa: E731
    pieces = {key: {**piece, "html": rewriter().rewrite(piece["html"])} for key, piece in data["pieces"].items()}
    codes = {}
    for page, qr in data.get("qr", {}).items():
        address = relink(qr["address"], sheet, pages, True, site_url)
        codes[page] = {"address": address, "svg": str(code(address).svg)}
    strings = {key: writer.text(text) for key, text in data.get("strings", {}).items()}
    text = json.dumps({**data, "lang": LANG, "pieces": pieces, "qr": codes, "strings": strings}, ensure_ascii=False, separators=(",", ":"))
    return found.group(1) + text.replace("</", "<\\/") + ";\n"


def write_edition(site_dir: Path, writer: Writer, others: tuple[str, ...], page: Callable[[str, str], str] = lambda path, html: html, site_url: str | None = None) -> list[str]:
    """Write the Latin twin of every Kazakh page under `latn/` (each passed through `page` once written, for what
    only the caller knows), and of the session builder's pieces; the twins' paths below the site root. `site_url`:
    the published site's address."""
    paths = kazakh_pages(site_dir, others)
    pages = frozenset(p.removesuffix("index.html") for p in paths)
    written = []
    for path in paths:
        target = site_dir / FOLDER / path
        target.parent.mkdir(parents=True, exist_ok=True)
        html = latin_page((site_dir / path).read_text("utf-8"), path, writer, pages, site_url)
        target.write_text(page(path, latin_glossary_table(latin_glossary(html, writer), writer)), "utf-8")
        written.append(FOLDER + path)
    if (site_dir / PIECES).is_file():
        (site_dir / FOLDER / PIECES).write_text(latin_pieces((site_dir / PIECES).read_text("utf-8"), writer, pages, site_url), "utf-8")
        written.append(FOLDER + PIECES)
    return written


def latin_manifest(manifest: dict[str, Any], writer: Writer) -> dict[str, Any]:
    """The Kazakh web app manifest (handbook/webapp.py) as the edition's, below its folder: named in Latin letters,
    opening at the edition's root (its addresses are relative to where it lies), its icons the same files."""
    named = {key: writer.text(manifest[key]) for key in ("name", "short_name", "description") if isinstance(manifest.get(key), str)}
    icons = [{**icon, "src": relink(icon["src"], Urls.manifest(DEFAULT_LANGUAGE), frozenset(), move=False)} for icon in manifest.get("icons", [])]
    return {**manifest, **named, "lang": LANG, "icons": icons}


def latin_index(index: dict[str, Any], writer: Writer) -> dict[str, Any]:
    """A Kazakh search index (MkDocs' `search_index.json`: its config and its docs) with its texts in Latin letters;
    the locations stay, relative to the edition's root as they were to the Kazakh one."""
    docs = [{**doc, **{key: writer.text(doc[key]) for key in ("title", "text") if isinstance(doc.get(key), str)}} for doc in index.get("docs", [])]
    return {**index, "docs": docs}
