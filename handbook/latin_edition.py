"""The Latin edition's pages: a built Kazakh page written again in Latin letters (handbook/latin.py's Writer), as the
edition under `latn/` shows it. The page's text and the attributes readers see or hear (titles, labels, alternative
text) change script; what is marked as another language (`lang="ru"`, `lang="en"`) stays as it is, and so do scripts,
styles and every id. Links to Kazakh pages lead to their Latin twins; every other link (assets, the other languages)
leads where it led. The page says it is `kk-Latn`."""

import posixpath
import re
from collections.abc import Callable

from handbook.latin import Writer

LANG = "kk-Latn"  # the edition's language tag (BCP 47: Kazakh in Latin script)
FOLDER = "latn/"  # the edition's folder below the site root
SEEN = frozenset({"title", "alt", "aria-label", "placeholder", "aria-description", "data-tip"})  # attributes with words
LINKS = frozenset({"href", "src", "action", "poster"})
VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//|#|\?)", re.I)
# The markup, piece by piece: a comment or declaration, a tag (its name and attributes), or text up to the next one.
_PIECE = re.compile(r"<!--.*?-->|<![^>]*>|<\?[^>]*>|<(/?)([a-zA-Z][\w:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>|[^<]+|<", re.S)
_ATTRIBUTE = re.compile(r"""([^\s=/>"']+)(\s*=\s*)("[^"]*"|'[^']*'|[^\s"'>]+)""")
_ANY = SEEN | LINKS | {"lang", "hreflang"}


class _Rewriter:
    """One page's markup, its Kazakh words in Latin letters and its links moved, everything else as it was."""

    def __init__(self, write: Callable[[str], str], link: Callable[[str], str]) -> None:
        self.write, self.link = write, link
        self.langs: list[tuple[str, str]] = [("", "kk")]  # (tag, language) of the open elements

    def attributes(self, text: str, kazakh: bool) -> str:
        """A tag's attributes, the words of those readers see in Latin letters and its links moved."""

        def one(match: re.Match[str]) -> str:
            name, equals, quoted = match.group(1).lower(), match.group(2), match.group(3)
            quote = quoted[0] if quoted[0] in "\"'" else ""
            value = quoted[1:-1] if quote else quoted
            if name in LINKS:
                value = self.link(value)
            elif name in SEEN and kazakh:
                value = self.write(value)
            elif name in ("lang", "hreflang") and value.lower() == "kk":
                value = LANG
            return f"{match.group(1)}{equals}{quote}{value}{quote}"

        return _ATTRIBUTE.sub(one, text)

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
                out.append(self.write(piece) if piece[0] != "<" and self.langs[-1][1].lower().startswith("kk") else piece)
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
            lang = own.group(1) if own else self.langs[-1][1]
            kazakh = lang.lower().startswith("kk")
            if any(name in attributes for name in _ANY):
                attributes = self.attributes(attributes, kazakh)
            out.append(f"<{match.group(2)}{attributes}>")
            if tag in ("script", "style"):  # raw text up to its end tag: code, or (JSON) the page's own data
                end = lowered.find(f"</{tag}", at)
                end = len(html) if end < 0 else end
                raw = html[at:end]
                data = tag == "script" and re.search(r"""type\s*=\s*["']?application/json""", attributes)
                out.append(self.write(raw) if data and kazakh else raw)
                at = end
            elif tag not in VOID and not attributes.rstrip().endswith("/"):
                self.langs.append((tag, lang))
        return "".join(out)


def latin_page(html: str, path: str, writer: Writer, pages: frozenset[str]) -> str:
    """The Latin twin of the Kazakh page at `path` (below the site root, e.g. `evidence/index.html`), to be written at
    `latn/<path>`. `pages`: the Kazakh pages, by folder below the site root ('' for the home page, `evidence/`);
    links to them lead to their twins, every other relative link to where it led. The page's own data (JSON in
    `script type="application/json"`) changes script too: its ids have no Cyrillic letter, its labels do."""
    here = "/" + posixpath.dirname(path)
    there = "/" + posixpath.dirname(FOLDER + path)

    def link(url: str) -> str:
        if _EXTERNAL.match(url) or not url:
            return url
        cut = min((i for i in (url.find("#"), url.find("?")) if i >= 0), default=len(url))
        address, rest = url[:cut], url[cut:]
        folder = address.endswith("/") or address in ("", ".", "..") or address.endswith(("/.", "/.."))
        target = posixpath.normpath(posixpath.join(here, address or ".")).lstrip("/")
        key = target + "/" if folder and target else target
        moved = "/" + (FOLDER + key if key in pages else key)
        relative = posixpath.relpath(moved, there)
        return (relative.rstrip("/") + "/" if folder else relative) + rest if relative != "." else "./" + rest

    return _Rewriter(writer.text, link).rewrite(html)
