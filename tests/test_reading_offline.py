"""Reading offline on the web: each language installs as an app (its manifest), and a reader saves a language's
pack (handbook/edition.py) through the service worker (overrides/sw.js), then reads, searches and fills in the
self-assessment with no connection, and takes a new edition only whole. The browser tests run chromium on the
built site served on a loopback port, and cut the connection both ways: the context goes offline and the server
stops."""

import gzip
import hashlib
import json
import os
import re
import shutil
import struct
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from handbook.edition import SIZE_MARK, make_pack

from conftest import ARGS, CHANGED_SOURCE, CHROMIUM, LANGS, ROOT, page_url, parsed, read_data, serving, soup

BUDGET = 3 * 1000 * 1000  # the Kazakh pack, PDFs left out, as a compressing server sends it
WORKER_BUDGET = 10 * 1000  # the service worker and the script that registers it, gzipped


def ui(key: str, lang: str) -> str:
    """An interface string of data/ui.yml, as the editors wrote it."""
    return next(item["text"][lang] for item in read_data(ROOT / "data" / "ui.yml")["items"] if item["id"] == key)


LATIN = "kk-Latn"  # the Latin edition, saved as a pack of its own from latn/
VERSIONS = [*LANGS, LATIN]


def folder(version: str) -> str:
    """Where a language's (or the Latin edition's) pages lie below the site root."""
    return "latn/" if version == LATIN else page_url(version)


def pack_of(site: Path, lang: str) -> dict:
    """A language's (or the Latin edition's) pack file, as the build wrote it."""
    return json.loads((site / folder(lang) / "offline" / "pack.json").read_text("utf-8"))


def pages_of(site: Path, lang: str) -> list[str]:
    """Every page file of a language or the Latin edition (below the site root), those for printing or for trainers
    left out: the whole book's print-ready page, the handouts in two languages side by side (their PDFs are offered),
    the session builder with its print view and the cohort summary (trainers use them online)."""
    found = [p.relative_to(site).as_posix() for p in (site / folder(lang)).rglob("*.html")]
    others = (*(f"{other}/" for other in LANGS if other != "kk"), "latn/")
    printing = re.compile(r"(^|/)(handouts/handbook/|handouts/[^/]+\.kk-ru/|session/|assess/cohort/)")
    return [p for p in found if (lang != "kk" or not p.startswith(others)) and not printing.search(p)]


def reading_pages(site: Path, lang: str) -> list[str]:
    """The pages of a language with the theme around them: not the print-ready pages (the handouts, the session
    builder's print view), the notice or the 404 page."""
    return [p for p in pages_of(site, lang) if "/handouts/" not in f"/{p}" and "/session/sheet/" not in f"/{p}" and not p.endswith(("offline/index.html", "404.html"))]


def file_of(url: str) -> str:
    """The file of a pack entry's address (a page by its folder)."""
    return url + "index.html" if url == "" or url.endswith("/") else url


def png_size(path: Path) -> tuple[int, int]:
    """A PNG's width and height, from its header."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", data[16:24])


# The app: one manifest per language.


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_links_the_manifest_of_its_language(site: Path, lang: str) -> None:
    manifest = json.loads((site / page_url(lang) / "manifest.webmanifest").read_text("utf-8"))
    title = soup(site, lang).select_one("title").get_text()
    assert manifest["name"] and manifest["name"] in title, (manifest["name"], title)
    assert manifest["short_name"] and len(manifest["short_name"]) <= 15
    assert manifest["lang"] == lang and manifest["display"] == "standalone"
    assert manifest["start_url"] == manifest["scope"] == "./", "the language's root: the manifest lies there"
    assert manifest["theme_color"].startswith("#") and manifest["background_color"].startswith("#")
    icons = {(icon["sizes"], icon["purpose"]): site / page_url(lang) / icon["src"] for icon in manifest["icons"]}
    assert set(icons) >= {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")}
    for (sizes, _), path in icons.items():
        assert png_size(path.resolve()) == tuple(map(int, sizes.split("x"))), path
    for page in reading_pages(site, lang)[::4]:
        link = parsed(site / page).select_one("link[rel=manifest]")
        assert link is not None, page
        assert (site / page).parent.joinpath(link["href"]).resolve() == (site / page_url(lang) / "manifest.webmanifest").resolve(), page


def test_chromium_finds_each_language_installable(browser: Browser, base_url: str, tmp_path: Path) -> None:
    """What chromium itself says (DevTools' Page.getAppManifest and installability errors), in every language, in
    a profile of its own (a private window installs nothing)."""
    context = browser.browser_type.launch_persistent_context(tmp_path / "profile", executable_path=CHROMIUM, args=ARGS)
    page = context.new_page()
    session = context.new_cdp_session(page)
    for lang in LANGS:
        page.goto(base_url + page_url(lang, "evidence"), wait_until="networkidle")
        manifest = session.send("Page.getAppManifest")
        assert manifest["url"] == base_url + page_url(lang) + "manifest.webmanifest", manifest["url"]
        assert not manifest["errors"], manifest["errors"]
        assert json.loads(manifest["data"])["lang"] == lang
        errors = session.send("Page.getInstallabilityErrors")["installabilityErrors"]
        assert not errors, errors
    context.close()


# The packs, as built.


@pytest.mark.parametrize("lang", VERSIONS)
def test_each_pack_holds_every_page_of_its_language_and_what_they_load(site: Path, lang: str) -> None:
    pack = pack_of(site, lang)
    files = {entry["url"]: entry for entry in pack["files"]}
    for page in pages_of(site, lang):
        assert page.removesuffix("index.html") in files, page
    for other in VERSIONS:  # every language's notice (and the Latin edition's), and no other page of another
        assert folder(other) + "offline/" in files
    foreign = [url for url in files if url.endswith(("/", ".html")) and not url.startswith(folder(lang)) and "offline/" not in url]
    if lang == "kk":
        foreign = [url for url in foreign if url.startswith(("ru/", "en/", "latn/"))]
    assert not foreign, foreign
    assert folder(lang) + "search/search_index.json" in files
    assert pack["lang"] == lang and pack["languages"][LATIN] == {"root": "latn/", "notice": "latn/offline/"}
    assert any(url.startswith("assets/javascripts/workers/") for url in files), "the search worker"
    for page in reading_pages(site, lang)[::3]:  # what a page loads is in the pack
        html = parsed(site / page)
        loaded = [tag.get("href") for tag in html.select("link[rel~=stylesheet], link[rel=manifest]")] + [tag.get("src") for tag in html.select("script[src]")]
        for address in loaded:
            target = (site / page).parent.joinpath(address.split("?")[0]).resolve().relative_to(site.resolve()).as_posix()
            assert target in files, (page, address)
    for url, entry in files.items():  # each entry is the file as built
        data = (site / file_of(url)).read_bytes()
        assert (entry["bytes"], entry["sha"]) == (len(data), hashlib.sha256(data).hexdigest()[:16]), url
    assert pack["bytes"] == sum(entry["bytes"] for entry in files.values())
    assert pack["transfer"] == sum(entry["transfer"] for entry in files.values())


@pytest.mark.parametrize("lang", ["kk", LATIN])
def test_the_kazakh_pack_keeps_to_its_budget(site: Path, lang: str) -> None:
    """Measured again from the files (woff2 and PNG are sent as they are; text compressed as a server does); the
    Latin edition's too."""
    pack = pack_of(site, lang)
    total = 0
    for entry in pack["files"]:
        url = entry["url"]
        data = (site / file_of(url)).read_bytes()
        total += len(data) if url.endswith((".woff2", ".png")) else len(gzip.compress(data))
    assert total <= BUDGET, f"{total / 1e6:.2f} MB"
    assert pack["bytes"] <= BUDGET, f"{pack['bytes'] / 1e6:.2f} MB stored, uncompressed"


def test_the_worker_and_its_registration_add_at_most_10_kb(site: Path) -> None:
    scripts = [site / "sw.js", site / "assets" / "javascripts" / "offline.js"]
    total = sum(len(gzip.compress(path.read_bytes())) for path in scripts)
    assert total <= WORKER_BUDGET, total


@pytest.mark.parametrize("lang", VERSIONS)
def test_every_page_shows_the_size_of_its_language_pack(site: Path, lang: str) -> None:
    pack = pack_of(site, lang)
    for page in pages_of(site, lang):
        assert SIZE_MARK not in (site / page).read_text("utf-8"), page
    for page in reading_pages(site, lang):
        control = parsed(site / page).select_one("[data-offline=save]")
        assert control is not None, page
        assert abs(int(control["data-offline-transfer"]) - pack["transfer"]) <= pack["transfer"] // 100, page


def test_an_edition_is_the_digest_of_its_files(tmp_path: Path) -> None:
    """The same files make the same edition (a build that changes nothing keeps the readers' edition); one byte
    more makes another."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text("<p>Бір</p>", "utf-8")
    (tmp_path / "b.css").write_text("p{}", "utf-8")
    paths = ["a/index.html", "b.css"]
    first, again = make_pack(tmp_path, "kk", paths, "2026-01-01T00:00:00Z"), make_pack(tmp_path, "kk", paths, "2026-02-01T00:00:00Z")
    assert first.edition == again.edition
    assert [entry.url for entry in first.files] == ["a/", "b.css"]
    (tmp_path / "b.css").write_text("p{ }", "utf-8")
    assert make_pack(tmp_path, "kk", paths, "2026-01-01T00:00:00Z").edition != first.edition


@pytest.mark.parametrize("lang", LANGS)
def test_the_notice_page_speaks_its_language(site: Path, lang: str) -> None:
    notice = soup(site, lang, "offline")
    assert notice.html["lang"] == lang
    assert notice.h1.get_text() == ui("notice.offline-title", lang)
    assert {li["data-lang"] for li in notice.select("[data-offline=saved] li")} == set(VERSIONS)


# In chromium.


@contextmanager
def reader(browser: Browser) -> Iterator[tuple[BrowserContext, Page]]:
    """A fresh browser profile and a page in it: its own service workers and storage."""
    context = browser.new_context()
    page = context.new_page()
    try:
        yield context, page
    finally:
        context.close()


def save(page: Page) -> None:
    """Tap the save control and wait until the whole pack is stored."""
    page.click("[data-offline=save]")
    try:
        page.wait_for_selector("[data-offline=save][data-offline-state=saved]", timeout=60000)
    except Exception:
        control = page.locator("[data-offline=save]")
        raise AssertionError(f"not saved: {control.get_attribute('data-offline-state')!r}, {control.inner_text()!r}, {page.locator('.hb-offline__status').inner_text()!r}") from None


def copy_site(source: Path, target: Path) -> Path:
    """A copy of a built site with fresh file times (a server then says every file changed)."""
    shutil.copytree(source, target, copy_function=shutil.copy)
    return target


def test_nothing_is_downloaded_until_the_reader_asks(browser: Browser, base_url: str) -> None:
    with reader(browser) as (context, page):
        requested: list[str] = []
        page.on("request", lambda request: requested.append(request.url))
        page.goto(base_url + "evidence/", wait_until="networkidle")
        assert page.locator("[data-offline=save]").is_visible()
        assert page.evaluate("navigator.serviceWorker.getRegistration().then(r => r === undefined)")
        assert not [url for url in requested if url.endswith(("sw.js", "pack.json"))], requested
        assert not context.service_workers


@pytest.mark.parametrize("lang", LANGS)
def test_the_save_control_speaks_the_page_language(browser: Browser, base_url: str, lang: str) -> None:
    with reader(browser) as (_, page):
        page.goto(base_url + page_url(lang, "glossary"))
        control = page.locator("[data-offline=save]")
        assert control.inner_text().startswith(ui("offline.save", lang))
        unit = ui("offline.megabytes", lang).replace("{n}", "")
        assert unit.strip() in control.inner_text(), control.inner_text()
        assert page.locator(".hb-offline").get_attribute("aria-labelledby")
        assert page.locator("#hb-offline-title").inner_text() == ui("offline.title", lang)
        page.emulate_media(media="print")
        assert page.locator(".hb-offline").is_hidden(), "a printed page has no save control"


def test_a_saved_language_reads_searches_and_assesses_with_no_connection(browser: Browser, site: Path, tmp_path: Path) -> None:
    served = copy_site(site, tmp_path / "site")
    slugs = [page.removesuffix("index.html").rstrip("/") for page in reading_pages(served, "kk")]
    with reader(browser) as (context, page):
        with serving(served) as base:
            page.goto(base + "evidence/")
            save(page)
            assert ui("offline.saved", "kk").split("{")[0] in page.locator("[data-offline=save]").inner_text()
            page.goto(base + "school-practice/development-rubric/")  # a page opened online, answered offline later
        context.set_offline(True)
        opened = 0
        for slug in slugs[:: max(1, len(slugs) // 10)][:10]:
            page.goto(base + page_url("kk", slug))
            expected = soup(served, "kk", slug).select_one("h1")
            assert page.locator("h1").first.inner_text().strip() == expected.get_text().strip(), slug
            opened += 1
        assert opened == 10
        # search, for an inflected form
        page.goto(base + "glossary/")
        page.focus("input.md-search__input")
        page.fill("input.md-search__input", "көшбасшылықтың")
        page.press("input.md-search__input", "End")
        page.wait_for_selector(".md-search-result__item", timeout=30000)
        assert page.locator(".md-search-result__item").count() >= 3
        # a glossary tooltip
        page.goto(base + "evidence/")
        term = page.locator(".hb-term").first
        term.hover()
        assert term.locator(".hb-term__tip").is_visible()
        # the self-assessment keeps its answer
        page.goto(base + "school-practice/development-rubric/")
        page.click(".hb-assess__toggle")
        chosen = page.locator(".hb-assess__criterion input[type=radio]").nth(2).get_attribute("id")
        page.click(f"label[for='{chosen}']")
        page.reload()
        page.click(".hb-assess__toggle")
        assert page.locator(f"#{chosen}").is_checked()
        # the language switch to a language not saved: the notice in that language, naming what is saved
        page.goto(base + "ru/evidence/")
        assert page.evaluate("document.documentElement.lang") == "ru"
        assert page.locator("h1").inner_text() == ui("notice.offline-title", "ru")
        page.wait_for_selector("[data-offline=saved] li[data-lang=kk]:not([hidden])")
        assert page.locator("[data-offline=saved] li[data-lang=ru]").is_hidden()
        assert page.locator("[data-offline=retry]").get_attribute("href").endswith("/ru/evidence/")


def test_the_latin_edition_is_saved_apart_and_read_and_searched_with_no_connection(browser: Browser, site: Path, tmp_path: Path) -> None:
    """Its own pack, saved from any of its pages: its pages, in Latin letters, open offline; search finds a word typed
    in either script; the Kazakh (Cyrillic) edition, not saved, is the notice naming the Latin edition as saved."""
    served = copy_site(site, tmp_path / "site")
    slugs = [page.removeprefix("latn/").removesuffix("index.html").rstrip("/") for page in reading_pages(served, LATIN)]
    with reader(browser) as (context, page):
        with serving(served) as base:
            page.goto(base + "latn/evidence/")
            shown = int(page.locator("[data-offline=save]").get_attribute("data-offline-bytes"))
            assert abs(shown - pack_of(served, LATIN)["bytes"]) <= pack_of(served, LATIN)["bytes"] // 100, "the edition's own pack"
            save(page)
            state = page.evaluate("caches.keys()")
            assert any(" kk-Latn " in name for name in state) and not any(" kk " in name for name in state), state
        context.set_offline(True)
        for slug in slugs[:: max(1, len(slugs) // 8)][:8]:
            page.goto(base + "latn/" + (slug + "/" if slug else ""))
            heading = page.locator("h1").first.inner_text().strip()
            assert heading == parsed(served / "latn" / slug / "index.html").select_one("h1").get_text().strip(), slug
            assert page.evaluate("document.documentElement.lang") == LATIN and not re.search("[а-яәғқңөұүһі]", heading.lower())
        for typed in ("köşbasşylyqtyñ", "көшбасшылықтың"):
            page.goto(base + "latn/glossary/")
            page.fill("input.md-search__input", typed)
            page.press("input.md-search__input", "End")
            page.wait_for_selector(".md-search-result__item", timeout=30000)
            links = page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")
            assert len(links) >= 3 and all(link.startswith(base + "latn/") for link in links), links
        page.goto(base + "evidence/")  # the Cyrillic edition, not saved
        assert page.evaluate("document.documentElement.lang") == "kk"
        assert page.locator("h1").inner_text() == ui("notice.offline-title", "kk")
        page.wait_for_selector(f"[data-offline=saved] li[data-lang={LATIN}]:not([hidden])")
        assert page.locator("[data-offline=saved] li[data-lang=kk]").is_hidden()
        page.goto(base + "latn/open-data/this-page-is-not-there/")  # a page of the edition not in its pack
        assert page.evaluate("document.documentElement.lang") == LATIN, "the edition's own notice, in Latin letters"


def test_the_language_switch_offline_goes_to_another_saved_language(browser: Browser, site: Path, base_url: str) -> None:
    with reader(browser) as (context, page):
        page.goto(base_url + "en/principles/")
        save(page)
        page.goto(base_url + "principles/")
        save(page)
        context.set_offline(True)
        page.goto(base_url + "principles/")
        page.hover(".md-header .md-select")  # the language menu opens on hover or focus
        page.click(".md-select__link[hreflang=en]")
        page.wait_for_url("**/en/principles/")
        assert page.evaluate("document.documentElement.lang") == "en"
        assert page.locator("h1").first.inner_text().strip() == soup(site, "en", "principles").h1.get_text().strip()


def test_a_new_edition_is_taken_whole_after_the_notice(browser: Browser, site: Path, edited: tuple[Path, Path], tmp_path: Path) -> None:
    """The saved reader is online when the site publishes a second edition (one changed Kazakh text): the open page
    says so; after reloading, every page of the pack is the new edition's."""
    first, second = copy_site(site, tmp_path / "first"), copy_site(edited[1], tmp_path / "second")
    live = tmp_path / "live"
    live.symlink_to(first)
    with reader(browser) as (_, page), serving(live) as base:
        page.goto(base + "school-practice/development-rubric/")
        save(page)
        assert CHANGED_SOURCE[1] not in page.content()
        swap = tmp_path / "swap"
        swap.symlink_to(second)
        os.replace(swap, live)  # the second edition is published
        page.goto(base + "evidence/")  # a saved page: shown from the first edition, the second downloaded meanwhile
        page.wait_for_selector("[data-offline=update]:not([hidden])", timeout=60000)
        assert page.locator("[data-offline=update]").inner_text().startswith(ui("offline.update", "kk"))
        page.click("[data-offline=reload]")
        page.wait_for_load_state()
        page.goto(base + "school-practice/development-rubric/")
        assert CHANGED_SOURCE[1] in page.content()  # (the second edition's added rubric keeps the old text too)
        pack = pack_of(second, "kk")
        digests = page.evaluate(
            """async (urls) => Promise.all(urls.map(async (url) => {
                const body = await (await fetch(url)).arrayBuffer();
                const digest = await crypto.subtle.digest("SHA-256", body);
                return Array.from(new Uint8Array(digest)).map(b => b.toString(16).padStart(2, "0")).join("").slice(0, 16);
            }))""",
            [base + entry["url"] for entry in pack["files"]],
        )
        stale = [entry["url"] for entry, digest in zip(pack["files"], digests, strict=True) if digest != entry["sha"]]
        assert not stale, stale
        assert page.locator("[data-offline=save]").get_attribute("data-offline-state") == "saved"


def test_removing_the_pack_is_one_control(browser: Browser, base_url: str) -> None:
    with reader(browser) as (_, page):
        page.goto(base_url + "ru/glossary/")
        save(page)
        assert page.locator("[data-offline=remove]").is_visible()
        page.click("[data-offline=remove]")
        page.wait_for_selector("[data-offline=save][data-offline-state='']")
        assert page.locator("[data-offline=remove]").is_hidden()
        left = page.evaluate("caches.keys().then(keys => keys.filter(k => k.startsWith('handbook ')))")
        assert left == [], left
        assert page.evaluate("navigator.serviceWorker.getRegistration().then(r => r === undefined)")


def test_a_device_without_room_is_told_and_nothing_is_saved(browser: Browser, base_url: str) -> None:
    """A phone nearly full (its storage estimate says 100 KB are free: chromium's DevTools quota override does not
    reach the estimate, so the estimate itself is set)."""
    with reader(browser) as (_, page):
        page.add_init_script("navigator.storage.estimate = () => Promise.resolve({quota: 100000, usage: 0})")
        page.goto(base_url + "en/evidence/")
        page.click("[data-offline=save]")
        status = page.locator(".hb-offline__status")
        status.wait_for(state="visible")
        assert status.inner_text().startswith("Not enough space on this device"), status.inner_text()
        assert page.evaluate("navigator.serviceWorker.getRegistration().then(r => r === undefined)")


def test_data_saver_asks_before_downloading(browser: Browser, base_url: str) -> None:
    with reader(browser) as (_, page):
        page.add_init_script("Object.defineProperty(navigator, 'connection', {value: {saveData: true}})")
        page.goto(base_url + "evidence/")
        asked: list[str] = []
        page.on("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
        page.click("[data-offline=save]")
        page.wait_for_timeout(300)
        assert asked and asked[0].startswith(ui("offline.data-saver", "kk").split("{")[0]), asked
        assert page.evaluate("navigator.serviceWorker.getRegistration().then(r => r === undefined)")


INSTALLED = """(() => { const media = window.matchMedia.bind(window);
window.matchMedia = (query) => query === "(display-mode: standalone)" ? {matches: true, media: query, addEventListener() {}} : media(query); })()"""


def test_the_installed_app_saves_its_language_when_it_first_opens(browser: Browser, base_url: str) -> None:
    """Opened from the home screen (chromium cannot emulate `display-mode`, so the page is told it is standalone):
    the language is saved with no tap, unless the browser asks to save data."""
    with reader(browser) as (_, page):
        page.add_init_script(INSTALLED)
        page.goto(base_url + "ru/")
        page.wait_for_selector("[data-offline=save][data-offline-state=saved]", timeout=60000)
    with reader(browser) as (_, page):
        page.add_init_script(INSTALLED)
        page.add_init_script("Object.defineProperty(navigator, 'connection', {value: {saveData: true}})")
        page.goto(base_url + "ru/", wait_until="networkidle")
        page.wait_for_timeout(500)
        assert page.locator("[data-offline=save]").get_attribute("data-offline-state") == ""
        assert page.evaluate("navigator.serviceWorker.getRegistration().then(r => r === undefined)")


def test_pdfs_are_saved_one_by_one_or_all_with_their_sizes(browser: Browser, pdfs: Path) -> None:
    pack = pack_of(pdfs, "ru")
    sizes = {entry["url"]: entry["bytes"] for entry in pack["pdfs"]}
    assert set(sizes) == {p.relative_to(pdfs).as_posix() for p in (pdfs / "ru" / "pdf").glob("*.pdf")}
    assert all(size == (pdfs / url).stat().st_size for url, size in sizes.items())
    status = "async (urls) => Promise.all(urls.map(url => fetch(url).then(r => r.status, () => 0)))"
    with reader(browser) as (context, page), serving(pdfs) as base:
        page.goto(base + "ru/handouts/")
        page.click("[data-offline=pdfs] summary")
        offered = page.locator("[data-offline=pdfs] li[data-url]:not([hidden])")
        offered.first.wait_for()
        assert offered.count() == len(sizes)
        one = offered.first
        url = one.get_attribute("data-url")
        assert one.locator(".hb-offline__pdf-size").inner_text().endswith(("МБ", "КБ"))
        one.locator("button").click()
        page.wait_for_function(f"document.querySelector('[data-url=\"{url}\"] button').disabled")
        assert one.locator("button").inner_text() == ui("offline.pdf-saved", "ru")
        other = next(u for u in sizes if u != url)
        context.set_offline(True)
        assert page.evaluate(status, [base + url, base + other]) == [200, 0], "only the PDF saved"
        context.set_offline(False)
        page.goto(base + "ru/evidence/")  # every page offers them
        page.click("[data-offline=pdfs] summary")
        page.click("[data-offline=save-pdfs]")
        page.wait_for_function("[...document.querySelectorAll('[data-offline=pdfs] li:not([hidden]) button')].every(b => b.disabled)")
        context.set_offline(True)
        assert set(page.evaluate(status, [base + u for u in sizes])) == {200}


def test_the_latin_editions_pack_offers_its_own_pdfs(pdfs: Path) -> None:
    """After `handbook pdf`: the edition's pack lists its PDFs (latn/pdf/), and its pages' controls offer them."""
    offered = {entry["url"] for entry in pack_of(pdfs, LATIN)["pdfs"]}
    assert offered == {p.relative_to(pdfs).as_posix() for p in (pdfs / "latn" / "pdf").glob("*.pdf")} and len(offered) > 10
    page = pdfs / "latn" / "evidence" / "index.html"
    listed = [(page.parent / item["data-url"]).resolve().relative_to(pdfs.resolve()).as_posix() for item in parsed(page).select("[data-offline=pdfs] [data-url]")]
    assert listed and set(listed) <= offered, set(listed) - offered
