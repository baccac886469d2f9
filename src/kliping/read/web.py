"""URLs of pages, feeds and sitemaps → RawDocuments for the article pages, or Skipped with a reason.

A URL argument is fetched (``read.fetch``); what came back decides what it is: a feed or sitemap
(``read.feeds``) has its listed articles read in turn — those the store already holds (asked through
``stored``) are passed over without a request — a sitemap index its sitemaps (at most MAX_DEPTH levels
down), and an HTML page goes through the same reader as a local .html file (``read.html``), with the
URL as its ``source`` and ``url``. Nothing here stops a run: every failure is one Skipped naming the URL.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from urllib.parse import urlsplit

from kliping.errors import InputError, Rejected
from kliping.model import RawDocument, Skipped
from kliping.read.feeds import Listing, looks_like_listing, parse_listing
from kliping.read.fetch import Fetcher, FetchFailed, Page, private_address
from kliping.read.sniff import content_id, decode

MAX_DEPTH = 3  # sitemap index → sitemap index → sitemap: deeper nesting is not followed
MAX_SITEMAPS = 1_000  # sitemaps read under one source argument
MAX_SOURCES_LINES = 10_000  # of a SOURCES.txt for `kliping watch`
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_URL = re.compile(r"^https?://", re.IGNORECASE)
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([^\"';\s]+)", re.IGNORECASE)

Stored = Callable[[Sequence[str]], set[str]]
Note = Callable[[str], None]


def is_url(argument: str) -> bool:
    """An http(s) argument is a URL; anything else stays a path."""
    return bool(_URL.match(argument))


def split_inputs(arguments: Iterable[str]) -> tuple[list[str], list[str]]:
    """Input arguments → (paths, URLs), each in the order given."""
    paths: list[str] = []
    urls: list[str] = []
    for argument in arguments:
        (urls if is_url(argument) else paths).append(argument)
    return paths, urls


def read_sources(path: str | Path) -> list[str]:
    """A SOURCES.txt: one feed or sitemap URL a line; blank lines and ``#`` comments are ignored.
    Raises InputError naming the file and line of anything that is not an http(s) URL."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8") as stream:
            lines = [line for _, line in zip(range(MAX_SOURCES_LINES + 1), stream, strict=False)]
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {path}: {getattr(exc, 'strerror', None) or exc}") from None
    if len(lines) > MAX_SOURCES_LINES:
        raise InputError(f"{path}: more than {MAX_SOURCES_LINES:,} lines; split the list")
    urls: list[str] = []
    for number, line in enumerate(lines, 1):
        text = "" if line.lstrip().startswith("#") else line.strip()  # a URL may hold a '#': whole lines only
        if not text:
            continue
        if not is_url(text) or any(c.isspace() for c in text):
            raise InputError(f"{path}:{number}: not an http(s) URL: {text[:120]!r}")
        if text not in urls:
            urls.append(text)
    if not urls:
        raise InputError(f"{path} lists no URLs (one feed or sitemap URL a line)")
    return urls


class WebReader:
    """Reads URL arguments with one Fetcher; counts what needed no reading (``unchanged``)."""

    def __init__(self, fetcher: Fetcher, *, stored: Stored | None = None, on_note: Note | None = None) -> None:
        self.fetcher = fetcher
        self._stored = stored or (lambda urls: set())
        self._note = on_note or (lambda line: None)
        self.unchanged = 0  # pages not read again: stored already (by URL), or answered 304
        self._seen: set[str] = set()  # article URLs read in this run: a page listed by two feeds is read once
        self._skips = 0  # Skipped under listings so far
        self._private_ok = True  # may the current source's links and redirects go to private addresses

    def read(self, urls: Iterable[str]) -> Iterator[RawDocument | Skipped]:
        for url in urls:
            yield from self._source(url)

    def _source(self, url: str) -> Iterator[RawDocument | Skipped]:
        # What a source on the internet links or redirects to must be on the internet too; a source the desk
        # runs itself (a private or local address, as named) may point inside.
        self._private_ok = private_address(urlsplit(url).hostname or "") is not None
        got = self._get(url)
        if got is None:
            return
        if isinstance(got, Skipped):
            yield got
            return
        page, listing = got
        if listing is None:
            self._seen.add(url)
            yield _document(page)
            return
        yield from self._listed(url, listing, depth=1, budget=[MAX_SITEMAPS])

    def _get(self, url: str, *, listing: bool = True) -> tuple[Page, Listing | None] | Skipped | None:
        """Fetch ``url`` and parse it if it is a feed or sitemap; None when it answered 304 (noted, counted)."""
        try:
            page = self.fetcher.fetch(url, private_ok=self._private_ok)
            if page.not_modified:
                self.unchanged += 1
                self._note(f"{url}: not modified since it was last read (HTTP 304)")
                return None
            if not listing or not looks_like_listing(page.content_type, page.body):
                return page, None
            return page, parse_listing(page.body, page.final_url, max_bytes=self.fetcher.options.max_bytes)
        except FetchFailed as failed:
            return Skipped(url, failed.reason)
        except Rejected as exc:
            return Skipped(url, exc.reason)
        except Exception as exc:  # a hostile answer (or a WARC that cannot be written) costs this URL, never the run
            return Skipped(url, f"could not be read ({type(exc).__name__}: {' '.join(str(exc).split())[:200]})")

    def _listed(self, url: str, listing: Listing, *, depth: int, budget: list[int]) -> Iterator[RawDocument | Skipped]:
        """The articles a listing names, and for a sitemap index, those of its sitemaps (depth and number bounded)."""
        skips_before = self._skips
        for sitemap in listing.sitemaps:
            if depth >= MAX_DEPTH:
                yield Skipped(sitemap, f"sitemap index nested more than {MAX_DEPTH} levels deep: not followed")
                continue
            if budget[0] <= 0:
                yield Skipped(sitemap, f"more than {MAX_SITEMAPS:,} sitemaps under {url}: not followed")
                break
            budget[0] -= 1
            got = self._get(sitemap)
            if got is None:
                continue
            if isinstance(got, Skipped):
                self._skips += 1
                yield got
            elif got[1] is None:
                self._skips += 1
                yield Skipped(sitemap, "listed as a sitemap but is not a feed or sitemap")
            else:
                yield from self._listed(sitemap, got[1], depth=depth + 1, budget=budget)
        if listing.kind != "sitemap index":
            yield from self._articles(url, listing)
        if self._skips > skips_before:
            self.fetcher.forget(url)  # asked whole next time, so what failed now is tried again

    def _articles(self, url: str, listing: Listing) -> Iterator[RawDocument | Skipped]:
        fresh = [link for link in listing.links if link not in self._seen]
        known = self._stored(fresh)
        new = [link for link in fresh if link not in known]
        self.unchanged += len(known)
        dropped = f", {listing.dropped:,} left out (not http(s), or past the limit)" if listing.dropped else ""
        self._note(f"{url}: {listing.kind}, {len(listing.links):,} articles listed: {len(known):,} already stored, "
                   f"{len(new):,} to read{dropped}")
        for link in new:
            self._seen.add(link)
            got = self._get(link, listing=False)  # a feed links to pages: whatever comes back is read as one
            if got is None:
                continue
            item = got if isinstance(got, Skipped) else _document(got[0])
            if isinstance(item, Skipped):
                self._skips += 1
            yield item


def _document(page: Page) -> RawDocument | Skipped:
    """A fetched page → a RawDocument through read_html, as a local .html file is read."""
    content_type = page.content_type.split(";")[0].strip().lower()
    if content_type and content_type not in _HTML_TYPES:
        return Skipped(page.url, f"not an HTML page or a feed ({content_type[:80]})")
    from kliping.read.html import read_html  # lazy: trafilatura is slow to import

    match = _CHARSET.search(page.content_type)
    try:
        html = decode(page.body, page.url, declared=match.group(1) if match else None, html=True)
        return read_html(html, source=page.url, id=content_id(html), url=page.url)
    except Rejected as exc:
        return Skipped(page.url, exc.reason)
