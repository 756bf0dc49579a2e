"""The whole handbook as one print-ready document: every page of the site, in order, as a chapter, its links
pointing inside the book."""

import re
from dataclasses import dataclass
from urllib.parse import urldefrag, urljoin

from handbook.handouts import build_date, footer
from handbook.languages import Lang
from handbook.project import BOOK
from handbook.qr import online
from handbook.render import Renderer
from handbook.urls import Urls, root_of

ID = re.compile(r'(?<=\s)(id|aria-describedby)="([^"]*)"')
HREF = re.compile(r'(?<=\s)href="([^"]*)"')
STYLE = re.compile(r"<style\b.*?</style>\s*", re.S)
# For the screen only: the links under a page's title (handout-links.html) and the self-assessment form (assess.html).
SCREEN_ONLY = re.compile(r'<p class="hb-handout-links">.*?</p>\s*|<section class="hb-assess".*?</section>\s*', re.S)
SCHEME = re.compile(r"[a-z][a-z0-9+.-]*:", re.I)


@dataclass(frozen=True)
class Chapter:
    """One page of the site: its URL below the site root (`ru/evidence/`), its title and its content's HTML."""

    url: str
    title: str
    html: str

    @property
    def anchor(self) -> str:
        """The chapter's id in the book; its own ids are prefixed with it."""
        return "p-" + (self.url.removesuffix(".html").removesuffix("index").strip("/").replace("/", "-") or "home")


def link_inside(chapters: list[Chapter]) -> list[Chapter]:
    """The chapters with unique ids, and links to pages in the book turned into links inside it (others dropped)."""
    anchors = {"/" + chapter.url: chapter.anchor for chapter in chapters}

    def inside(chapter: Chapter) -> Chapter:
        def target(match: re.Match[str]) -> str:
            href = match.group(1)
            if SCHEME.match(href):
                return match.group(0)
            path, fragment = urldefrag(urljoin("/" + chapter.url, href))
            if path not in anchors:
                return ""
            return f'href="#{anchors[path]}--{fragment}"' if fragment else f'href="#{anchors[path]}"'

        html = SCREEN_ONLY.sub("", STYLE.sub("", chapter.html))
        html = ID.sub(lambda m: f'{m.group(1)}="{chapter.anchor}--{m.group(2)}"', html)
        return Chapter(chapter.url, chapter.title, HREF.sub(target, html))

    return [inside(chapter) for chapter in chapters]


def render_book(renderer: Renderer, lang: Lang, chapters: list[Chapter], site_name: str, site_url: str | None) -> str:
    """The whole handbook in one language: a cover, the contents, the chapters."""
    path = renderer.urls.sheet(lang, BOOK)
    return renderer.render(
        "book.html",
        lang,
        root_of(path),
        chapters=link_inside(chapters),
        title=site_name,
        date=build_date(),
        sheet={"id": BOOK, "landscape": False},
        footer=footer(site_name, lang, path, site_url),
        qr=online(site_url, Urls().page(lang, "")),
    )
