"""Searching as a reader does, through the real search box of a built page in chromium; and words sampled from the
built pages, to search for. Used by the search tests and by `make bench`."""

import random
import re
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Page

from handbook.search import SEPARATOR

META = ".md-search-result__meta"
LETTER = re.compile(r"[^\W\d_]")


def page_path(link: str, root: str) -> str:
    """A result's page, as its path below the language's root (`school-practice/portfolio/`), without query or anchor."""
    path = unquote(urlsplit(link).path).removeprefix(urlsplit(root).path)
    return path.removesuffix("index.html")


class SearchBox:
    """The search box of one page of a language, typed into as a reader does."""

    def __init__(self, browser: Browser, root: str, slug: str = "evidence/") -> None:
        self.root = root  # the language's root, e.g. http://127.0.0.1:8000/ru/ or file:///…/ru/index.html's folder
        self.page: Page = browser.new_page()
        self.page.goto(root + slug, wait_until="networkidle")
        self.placeholder = ""
        self._wait_ready()

    def _wait_ready(self) -> None:
        """Wait until search is ready and the worker has built the index (a query gets an answer)."""
        self.placeholder = self.page.evaluate("JSON.parse(document.getElementById('__config').textContent).translations['search.result.placeholder']")
        self.page.focus("input.md-search__input")  # from file://, Material starts search when the box is used
        self.query("a")

    def _clear(self) -> None:
        self.page.fill("input.md-search__input", "")
        self.page.press("input.md-search__input", "End")
        self.page.wait_for_function(f"document.querySelector('{META}').textContent === {self.placeholder!r}", timeout=60000)

    def query(self, text: str) -> list[str]:
        """Type `text`; every result link, in the order shown (every result loaded, as when scrolling down)."""
        self._clear()
        self.page.fill("input.md-search__input", text)
        self.page.press("input.md-search__input", "End")  # Material reads the query on keyup
        self.page.wait_for_function(f"document.querySelector('{META}').textContent !== {self.placeholder!r}", timeout=60000)
        wanted = self.page.evaluate(f"(document.querySelector('{META}').textContent.match(/\\d+/) || ['0'])[0]")
        # Material shows ten results, then four more each time the list is scrolled down to its end.
        count = "document.querySelectorAll('.md-search-result__item').length"
        while (shown := self.page.evaluate(count)) < int(wanted):
            self.page.eval_on_selector(".md-search__scrollwrap", "wrap => wrap.scrollTop = 0")
            self.page.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
            self.page.eval_on_selector(".md-search__scrollwrap", "wrap => wrap.scrollTop = wrap.scrollHeight")
            self.page.wait_for_function(f"{count} > {shown}", timeout=10000)
        return self.page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")

    def pages(self, text: str) -> list[str]:
        """The pages found for `text`, in the order shown, each once."""
        return list(dict.fromkeys(page_path(link, self.root) for link in self.query(text)))

    def timed(self, text: str) -> float:
        """Milliseconds from typing `text` to its results."""
        self._clear()
        start = time.perf_counter()
        self.page.fill("input.md-search__input", text)
        self.page.press("input.md-search__input", "End")
        self.page.wait_for_function(f"document.querySelector('{META}').textContent !== {self.placeholder!r}", timeout=60000)
        return (time.perf_counter() - start) * 1000

    def close(self) -> None:
        self.page.close()


@dataclass(frozen=True)
class Sample:
    """A word as it stands on a page (below the language's root), and what a reader types for it."""

    word: str
    page: str
    typed: str


def page_words(html: str) -> list[str]:
    """The words of a page's text as a reader sees it (runs of letters and digits with a letter, as search splits
    them), less what search leaves out on purpose (glossary tooltips, the self-assessment form:
    `data-search-exclude`) and the permanent-link marks."""
    article = BeautifulSoup(html, "html.parser").select_one("article.md-content__inner")
    if article is None:
        return []
    for hidden in article.select("[data-search-exclude], .headerlink, script, style, [hidden]"):
        hidden.decompose()
    return [word for word in re.split(SEPARATOR, article.get_text(" ")) if LETTER.search(word)]


def sample_words(site_root: Path, pages: list[str], per_page: int, seed: str) -> list[Sample]:
    """`per_page` words from each page (below the language's built root), none taken twice, each typed whole and,
    when it is longer than four letters, also as a prefix of four letters or more."""
    rng = random.Random(seed)
    samples: list[Sample] = []
    for page in pages:
        taken = {sample.word.lower() for sample in samples}
        words = sorted({word for word in page_words((site_root / page / "index.html").read_text("utf-8")) if word.lower() not in taken})
        for word in rng.sample(words, min(per_page, len(words))):
            samples.append(Sample(word, page, word))
            if len(word) > 4:
                samples.append(Sample(word, page, word[: rng.randint(4, len(word) - 1)]))
    return samples


def recall(box: SearchBox, samples: list[Sample]) -> tuple[float, list[Sample]]:
    """The share of samples whose page is among the results for what is typed, and the misses."""
    misses = [sample for sample in samples if sample.page not in box.pages(sample.typed)]
    return 1 - len(misses) / len(samples), misses
