"""Searching as a reader does, through the real search box of a built page in chromium; and words sampled from the
built pages, to search for. Used by the search tests and by `make bench`."""

import json
import random
import re
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Page

from handbook.search import SEPARATOR

LETTER = re.compile(r"[^\W\d_]")
# Keeps the last results the search worker sent to the page (all of them; the page shows ten, then more as the list
# is scrolled), by location in the order shown.
KEEP_RESULTS = """
(() => {
  const add = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    if (type !== "message" || typeof this.terminate !== "function") return add.call(this, type, listener, options);
    return add.call(this, type, function (event) {
      if (event.data && event.data.type === 3) {
        window.__results = event.data.data.items.map(group => group.map(item => item.location));
        window.__answers = (window.__answers || 0) + 1;
      }
      return typeof listener === "function" ? listener.call(this, event) : listener.handleEvent(event);
    }, options);
  };
})();
"""


def page_path(location: str, root: str = "") -> str:
    """A result's page, as its path below the language's root (`school-practice/portfolio/`), without query or anchor."""
    path = unquote(urlsplit(location).path).removeprefix(urlsplit(root).path)
    return path.removesuffix("index.html").removeprefix("./")


def page_file(site_root: Path, page: str) -> Path:
    """The file of a page given as its path below the language's root: a folder's index.html on a server
    (`evidence/`), the file itself in the offline copy (`evidence.html`)."""
    return site_root / page if page.endswith(".html") else site_root / page / "index.html"


class SearchBox:
    """The search box of one page of a language, typed into as a reader does."""

    def __init__(self, browser: Browser, root: str, slug: str = "evidence/") -> None:
        self.root = root  # the language's root, e.g. http://127.0.0.1:8000/ru/ or file:///…/site/ru/
        self.page: Page = browser.new_page()
        self.page.add_init_script(KEEP_RESULTS)
        self.page.goto(root + slug, wait_until="networkidle")
        self.typed = ""
        self.page.focus("input.md-search__input")  # from file://, Material starts search when the box is used
        self.pages("a")  # the worker builds the index for the first query

    def _type(self, text: str) -> float:
        """Type `text` over what the box holds and wait for its results: milliseconds from typing to results."""
        if text == self.typed:
            return 0.0  # the same query again: Material sends nothing, the results stand
        answers = self.page.evaluate("window.__answers || 0")
        start = time.perf_counter()
        self.page.fill("input.md-search__input", text)
        self.page.press("input.md-search__input", "End")  # Material reads the query on keyup
        self.page.wait_for_function(f"(window.__answers || 0) > {answers}", timeout=60000)
        self.typed = text
        return (time.perf_counter() - start) * 1000

    def query(self, text: str) -> list[str]:
        """Type `text`; the result links shown, in order."""
        self._type(text)
        return self.page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")

    def pages(self, text: str) -> list[str]:
        """Type `text`; every page found (those shown and those shown as the list is scrolled), in order, each once."""
        self._type(text)
        return list(dict.fromkeys(page_path(location) for group in self.page.evaluate("window.__results") for location in group))

    def timed(self, text: str) -> float:
        """Milliseconds from typing `text` to its results."""
        return self._type(text)

    def close(self) -> None:
        self.page.close()


def indexed_pages(root: Path) -> list[str]:
    """Every page a language's search index has, below the language's built root (`root`), each once."""
    index = json.loads((root / "search" / "search_index.json").read_text("utf-8"))
    return sorted({page_path(doc["location"]) for doc in index["docs"]})


def indexed_words(root: Path) -> dict[str, set[str]]:
    """The words (with a letter, lower case) of each page's entries in a language's search index, split as search
    splits them."""
    index = json.loads((root / "search" / "search_index.json").read_text("utf-8"))
    words: dict[str, set[str]] = {}
    for doc in index["docs"]:
        text = re.sub(r"<[^>]+>", " ", doc["title"] + " " + doc["text"])
        words.setdefault(page_path(doc["location"]), set()).update(w.lower() for w in re.split(SEPARATOR, text) if LETTER.search(w))
    return words


@dataclass(frozen=True)
class Sample:
    """A word as it stands on a page (below the language's root), and what a reader types for it."""

    word: str
    page: str
    typed: str


def page_words(html: str, hidden: bool = False) -> list[str]:
    """The words of a page's text as a reader sees it (runs of letters and digits with a letter, as search splits
    them), glossary tooltips included, less what search leaves out on purpose (the self-assessment form:
    `data-search-exclude`) and the permanent-link marks; with `hidden`, also the parts a script shows."""
    article = BeautifulSoup(html, "lxml").select_one("article.md-content__inner")
    if article is None:
        return []
    for left_out in article.select("[data-search-exclude], .headerlink, script, style" + ("" if hidden else ", [hidden]")):
        left_out.decompose()
    return [word for word in re.split(SEPARATOR, article.get_text(" ")) if LETTER.search(word)]


def sample_words(site_root: Path, pages: list[str], per_page: int, seed: str) -> list[Sample]:
    """`per_page` words from each page (below the language's built root), none taken twice, each typed whole and,
    when it is longer than four letters, also as a prefix of four letters or more."""
    rng = random.Random(seed)
    samples: list[Sample] = []
    for page in pages:
        taken = {sample.word.lower() for sample in samples}
        words = sorted({word for word in page_words(page_file(site_root, page).read_text("utf-8")) if word.lower() not in taken})
        for word in rng.sample(words, min(per_page, len(words))):
            samples.append(Sample(word, page, word))
            if len(word) > 4:
                samples.append(Sample(word, page, word[: rng.randint(4, len(word) - 1)]))
    return samples


def recall(box: SearchBox, samples: list[Sample]) -> tuple[float, list[Sample]]:
    """The share of samples whose page is among the results for what is typed, and the misses."""
    misses = [sample for sample in samples if sample.page not in box.pages(sample.typed)]
    return 1 - len(misses) / len(samples), misses
