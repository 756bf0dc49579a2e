"""The Latin edition's pages: a built Kazakh page written again in Latin letters (handbook/latin.py's Writer), as the
edition under `latn/` shows it. The page's text and the attributes readers see or hear (titles, labels, alternative
text) change script; what is marked as another language (`lang="ru"`, `lang="en"`) stays as it is, and so do scripts,
styles and every id. Links to Kazakh pages lead to their Latin twins; every other link (assets, the other languages)
leads where it led. The page says it is `kk-Latn`."""

import posixpath
import re
from collections.abc import Callable
from html import escape, unescape
from html.parser import HTMLParser

from handbook.latin import Writer

LANG = "kk-Latn"  # the edition's language tag (BCP 47: Kazakh in Latin script)
FOLDER = "latn/"  # the edition's folder below the site root
SEEN = ("title", "alt", "aria-label", "placeholder", "aria-description", "data-tip")  # attributes with words in them
LINKS = ("href", "src", "action", "poster")
VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
RAW = frozenset({"script", "style"})
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//|#|\?)", re.I)


def _attributes(attrs: list[tuple[str, str | None]]) -> str:
    """Attributes written back, each value escaped."""
    return "".join(f" {name}" if value is None else f' {name}="{escape(value, quote=True)}"' for name, value in attrs)


class _Rewriter(HTMLParser):
    """One page's markup, its Kazakh words in Latin letters and its links moved, everything else as it was."""

    def __init__(self, write: Callable[[str], str], link: Callable[[str], str]) -> None:
        super().__init__(convert_charrefs=False)
        self.write, self.link = write, link
        self.out: list[str] = []
        self.langs: list[tuple[str, str]] = [("", "kk")]  # (tag, language) of the open elements
        self.data_script = False  # inside <script type="application/json">

    def _kazakh(self) -> bool:
        """Whether the text being read is Kazakh words: not another language's, not code (but a page's data)."""
        tag, lang = self.langs[-1]
        return lang.lower().startswith("kk") and (tag not in RAW or self.data_script)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        lang = dict(attrs).get("lang") or self.langs[-1][1]
        kazakh = lang.lower().startswith("kk")
        changed = []
        for name, value in attrs:
            if value is not None and name in LINKS:
                value = self.link(value)
            elif value is not None and kazakh and name in SEEN:
                value = self.write(unescape(value))
            elif name == "lang" and value and value.lower() == "kk":
                value = LANG
            elif name == "hreflang" and value and value.lower() == "kk":
                value = LANG
            changed.append((name, value))
        self.out.append(f"<{tag}{_attributes(changed)}>" if changed != attrs else self.get_starttag_text() or f"<{tag}>")
        if tag not in VOID:
            self.langs.append((tag, lang))
        self.data_script = tag == "script" and dict(attrs).get("type") == "application/json"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.langs.pop()

    def handle_endtag(self, tag: str) -> None:
        for n in range(len(self.langs) - 1, 0, -1):  # close up to the matching open element (HTML may omit end tags)
            if self.langs[n][0] == tag:
                del self.langs[n:]
                break
        self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self.out.append(self.write(data) if self._kazakh() else data)

    def handle_entityref(self, name: str) -> None:
        self.out.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.out.append(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data: str) -> None:
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data: str) -> None:
        self.out.append(f"<![{data}]>")


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

    rewriter = _Rewriter(writer.text, link)
    rewriter.feed(html)
    rewriter.close()
    return "".join(rewriter.out)
