"""What a reader saves for offline reading: one pack per language (and one for the Latin edition of Kazakh: each a
`Version`), one edition whole. A pack lists the language's
pages (but the whole book's print-ready page, which repeats them all: its PDF is offered instead), its search
index, everything those pages load, and the notice shown in place of a page that is not saved
(every language's, so that a Russian page not saved is explained in Russian); each file with its size, its size
as a server sends it (gzip), and its digest; and, offered one by one beside the pack, the language's PDFs. The
pack's edition id is the digest of all that: a build that changes nothing keeps the edition readers have.

It is written into the built site (`Urls.pack`, and the edition's id alone, `Urls.edition`), for the service
worker (overrides/sw.js) and the save control (overrides/assets/javascripts/offline.js); the pages learn their
pack's size from it (`SIZE_MARK`)."""

import gzip
import hashlib
import json
import os
import posixpath
import re
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass, replace
from pathlib import Path, PurePosixPath
from typing import Any

from handbook.languages import DEFAULT_LANGUAGE, LANGUAGES, Lang, url_prefix
from handbook.pack import PAIR
from handbook.project import BOOK
from handbook.urls import COHORT, LATIN, LATIN_LANG, SESSION, Urls, belongs_to

FORMAT = 1
SIZE_MARK = 'data-offline-size="pack"'  # the save control's attribute, given the pack's sizes once they are known
# The files a page loads: its stylesheets, scripts, images, icons and manifest (not the pages it links to).
_TAG = re.compile(r"<(link|script|img|source)\b([^>]*)>", re.I)
_ATTRIBUTE = re.compile(r'([\w-]+)="([^"]*)"')
_LOADED_LINKS = {"stylesheet", "icon", "apple-touch-icon", "manifest", "preload", "modulepreload"}
_CSS_URL = re.compile(r"""url\(\s*["']?([^"')?#]+)""")
_SERVED_AS_THEY_ARE = {".woff2", ".woff", ".png", ".jpg", ".jpeg", ".webp", ".pdf", ".gz", ".zip"}  # compressed already


@dataclass(frozen=True)
class Version:
    """What a reader saves as one pack: a language (`id` and `lang` the same), or the Latin edition, whose files lie
    below its `folder` as the Kazakh ones lie below the root."""

    id: str
    lang: Lang
    folder: str = ""

    def at(self, path: str) -> str:
        """A file of the version's language (by `Urls`), as this version has it."""
        return self.folder + path

    def owns(self, path: str) -> bool:
        """Whether a built file (by its path below the site root) is one of this version's own."""
        return path.startswith(self.folder) if self.folder else belongs_to(path, self.lang)

    def roots(self) -> dict[str, str]:
        """The version's root and notice page, below the site root (the service worker's map)."""
        return {"root": self.at(url_prefix(self.lang)), "notice": self.at(Urls.notice(self.lang))}


LATIN_VERSION = Version(LATIN_LANG, DEFAULT_LANGUAGE, LATIN)


def version(version_id: str) -> Version:
    """The version of this id: a language's, or the Latin edition's."""
    return LATIN_VERSION if version_id == LATIN_VERSION.id else Version(version_id, version_id)  # type: ignore[arg-type]


VERSIONS = (*(Version(lang, lang) for lang in LANGUAGES), LATIN_VERSION)  # every version a site may offer


def versions(site_dir: Path) -> list[Version]:
    """The versions a built site offers to save: each language built (with its manifest), the Latin edition if built."""
    return [v for v in VERSIONS if (site_dir / v.at(Urls.manifest(v.lang))).is_file()]


@dataclass(frozen=True)
class Entry:
    """One file of a pack, by its address below the site root (a page by its folder: `evidence/`)."""

    url: str
    bytes: int
    transfer: int  # what a server that compresses text sends
    sha: str  # the first 16 hex digits of its SHA-256 (the service worker checks every file it stores)


@dataclass(frozen=True)
class Pack:
    """A language's pack (or the Latin edition's: `lang` is the version's id): one edition of its files, and its PDFs."""

    lang: str
    edition: str
    built: str  # when the edition was built (ISO 8601, UTC)
    files: tuple[Entry, ...]
    pdfs: tuple[Entry, ...] = ()

    @property
    def bytes(self) -> int:
        """What the pack takes on the device, PDFs left out."""
        return sum(entry.bytes for entry in self.files)

    @property
    def transfer(self) -> int:
        """What saving the pack downloads, PDFs left out."""
        return sum(entry.transfer for entry in self.files)

    def as_json(self, roots: dict[str, dict[str, str]]) -> str:
        """The pack file: its entries, and every version's root and notice page (`roots`: the service worker's map)."""
        check = version(self.lang).at(Urls.edition(version(self.lang).lang))
        body: dict[str, Any] = {"format": FORMAT, "lang": self.lang, "edition": self.edition, "built": self.built, "check": check}
        body |= {"bytes": self.bytes, "transfer": self.transfer, "languages": roots}
        body |= {"files": [asdict(e) for e in self.files], "pdfs": [asdict(e) for e in self.pdfs]}
        return json.dumps(body, ensure_ascii=False, indent=0)


def entry(site_dir: Path, path: str) -> Entry:
    """A built file as a pack entry."""
    data = (site_dir / path).read_bytes()
    served_as_is = PurePosixPath(path).suffix in _SERVED_AS_THEY_ARE
    transfer = len(data) if served_as_is else len(gzip.compress(data, 6))
    return Entry(_address(path), len(data), transfer, hashlib.sha256(data).hexdigest()[:16])


def _address(path: str) -> str:
    """The address a file is asked for by: a page by its folder."""
    return path.removesuffix("index.html") if path == "index.html" or path.endswith("/index.html") else path


def _file(address: str) -> str:
    """The file an address names (the inverse of `_address`)."""
    return f"{address}index.html" if address == "" or address.endswith("/") else address


def for_printing(path: str, lang: Lang) -> bool:
    """Whether a page is one a pack leaves out, being for printing or for trainers: the whole book's print-ready page
    (it repeats every page; its PDF is offered instead), the handouts in two languages side by side (their PDFs too),
    the session builder with its print view and the cohort summary (trainers' tools, used online: the pack is the
    directors' reading)."""
    trainers = (url_prefix(lang) + SESSION + "/", url_prefix(lang) + COHORT + "/")
    return path == Urls.sheet_file(lang, BOOK) or path.endswith(f".{'-'.join(PAIR)}/index.html") or path.startswith(trainers)


def pack_paths(site_dir: Path, saved: Version, others: Iterable[Version], loaded_by_scripts: Iterable[str]) -> list[str]:
    """The files of a version's pack, below the site root: its pages, its search index and manifest, the files they
    load (and those their stylesheets load), what scripts load (`loaded_by_scripts`), and every notice page (`others`:
    every version's), another version's alone: offline, it shows in the styles and fonts the pack has (the Latin
    edition's letters beyond them in the device's own font, unless that edition is saved too)."""
    pages = [p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html")]
    lang = saved.lang
    own = [p for p in pages if saved.owns(p) and not for_printing(p.removeprefix(saved.folder), lang)]
    notices = [notice for other in others if (site_dir / (notice := other.at(Urls.notice_file(other.lang)))).is_file()]
    paths: dict[str | None, None] = dict.fromkeys([*own, *notices, saved.at(Urls.search_index(lang)), saved.at(Urls.manifest(lang)), *loaded_by_scripts])
    for page in own:
        paths.update(dict.fromkeys(_resolved(page, found) for found in _loaded_by_page((site_dir / page).read_text("utf-8"))))
    for path in [p for p in paths if p and p.endswith(".css")]:
        paths.update(dict.fromkeys(_resolved(path, found) for found in _CSS_URL.findall((site_dir / path).read_text("utf-8"))))
    manifest = json.loads((site_dir / saved.at(Urls.manifest(lang))).read_text("utf-8"))
    paths.update(dict.fromkeys(_resolved(saved.at(Urls.manifest(lang)), icon["src"]) for icon in manifest["icons"]))
    return [path for path in paths if path is not None and (site_dir / path).is_file()]


def _loaded_by_page(html: str) -> Iterable[str]:
    """The addresses of the files a page loads as it opens."""
    for tag, attributes in _TAG.findall(html):
        found = dict(_ATTRIBUTE.findall(attributes))
        if tag.lower() == "link" and not _LOADED_LINKS & set(found.get("rel", "").split()):
            continue
        if address := found.get("href" if tag.lower() == "link" else "src"):
            yield address.split("#")[0].split("?")[0]


def _resolved(base: str, address: str) -> str | None:
    """A relative address in the file at `base`, below the site root (None for another host's, or above the root)."""
    if ":" in address or address.startswith("/"):
        return None
    path = posixpath.normpath(posixpath.join(posixpath.dirname(base), address))
    if path == ".." or path.startswith("../"):
        return None
    if path == ".":
        return "index.html"
    return f"{path}/index.html" if address.endswith("/") else path


def built_at() -> str:
    """The build's time, or SOURCE_DATE_EPOCH's for a reproducible build (the handouts print its date too)."""
    seconds = int(os.environ.get("SOURCE_DATE_EPOCH", time.time()))
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(seconds))


def make_pack(site_dir: Path, lang: str, paths: list[str], built: str, pdfs: Iterable[str] = ()) -> Pack:
    """The pack of these files, its edition the digest of every entry."""
    return _pack(lang, [entry(site_dir, path) for path in paths], [entry(site_dir, path) for path in pdfs], built)


def _pack(lang: str, files: list[Entry], pdfs: list[Entry], built: str) -> Pack:
    """A pack of these entries."""
    digest = hashlib.sha256("\n".join(f"{e.url} {e.sha}" for e in files + pdfs).encode()).hexdigest()[:12]
    return Pack(lang, digest, built, tuple(files), tuple(pdfs))


def write_packs(site_dir: Path, loaded_by_scripts: dict[Lang, list[str]]) -> dict[str, Pack]:
    """Every built version's pack (each language's, the Latin edition's), written beside its pages; each page's save
    control is given its pack's size. Each file is read and compressed once, however many packs hold it (a page given
    its size is only digested again: the sizes are written at a fixed width, so its length and, all but a few bytes,
    its compressed size stay)."""
    found = versions(site_dir)
    plans = {saved: pack_paths(site_dir, saved, found, loaded_by_scripts.get(saved.lang, [])) for saved in found}
    measured = {path: entry(site_dir, path) for path in dict.fromkeys(path for paths in plans.values() for path in paths)}
    pages = [p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html")]
    for saved, paths in plans.items():
        files = [measured[path] for path in paths]
        sizes = f'data-offline-bytes="{sum(e.bytes for e in files):010d}" data-offline-transfer="{sum(e.transfer for e in files):010d}"'
        for page in (path for path in pages if saved.owns(path)):  # those left out of the pack offer it too
            data = (site_dir / page).read_bytes()
            if SIZE_MARK.encode() in data:
                data = data.replace(SIZE_MARK.encode(), sizes.encode())
                (site_dir / page).write_bytes(data)
                if page in measured:
                    measured[page] = replace(measured[page], bytes=len(data), sha=hashlib.sha256(data).hexdigest()[:16])
    built, packs, roots = built_at(), {}, {saved.id: saved.roots() for saved in found}
    for saved, paths in plans.items():
        packs[saved.id] = _pack(saved.id, [measured[path] for path in paths], [entry(site_dir, path) for path in _pdfs(site_dir, saved)], built)
        _write(site_dir, packs[saved.id], roots)
    return packs


def _write(site_dir: Path, pack: Pack, roots: dict[str, dict[str, str]]) -> None:
    """A pack file, and its edition's id alone (asked for at every saved page opened online: a few bytes)."""
    saved = version(pack.lang)
    (site_dir / saved.at(Urls.pack(saved.lang))).write_text(pack.as_json(roots), "utf-8")
    (site_dir / saved.at(Urls.edition(saved.lang))).write_text(json.dumps({"edition": pack.edition, "built": pack.built}), "utf-8")


def _pdfs(site_dir: Path, saved: Version) -> list[str]:
    """The version's PDFs in the built site (`handbook pdf` makes them after the build)."""
    return sorted(p.relative_to(site_dir).as_posix() for p in (site_dir / saved.at(Urls.pdf_folder(saved.lang))).glob("*.pdf"))


def add_pdfs(site_dir: Path) -> dict[str, Pack]:
    """After `handbook pdf`: every pack lists its version's PDFs, and is a new edition if they changed."""
    packs = {}
    for saved in VERSIONS:
        path = site_dir / saved.at(Urls.pack(saved.lang))
        if not path.is_file():
            continue  # a language not built, or the copy read from a folder (no service worker there)
        old: dict[str, Any] = json.loads(path.read_text("utf-8"))
        files = [entry["url"] for entry in old["files"]]
        paths = [_file(url) for url in files]
        packs[saved.id] = make_pack(site_dir, saved.id, paths, old["built"], _pdfs(site_dir, saved))
        _write(site_dir, packs[saved.id], old["languages"])
    return packs


def read_pack(site_dir: Path, lang: str) -> dict[str, Any]:
    """A language's pack file (or the Latin edition's, by its id), as written."""
    saved = version(lang)
    result: dict[str, Any] = json.loads((site_dir / saved.at(Urls.pack(saved.lang))).read_text("utf-8"))
    return result
