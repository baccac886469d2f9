"""A URL → its body over HTTP(S), politely: robots.txt, a per-host delay, conditional GET, bounded retries.

One ``Fetcher`` serves a whole run (or a whole ``kliping watch``): requests go out one at a time, so
a host never sees two at once, and the next request to a host waits ``delay`` seconds after the last
(longer when robots.txt asks for a Crawl-delay). Every answer is bounded: a timeout per read and a
deadline per request, a size cap on bodies (Content-Length checked first, the stream cut at the cap),
a bounded number of redirects, retries on 429/5xx with exponential backoff or the server's
Retry-After (never past ``max_wait``). Only http and https are fetched, redirects included.

Every response with a body is appended to a WARC file (``archive``; ``fetch_records``), redirects too,
so what a page said when it was read can always be shown again. ETag and Last-Modified are remembered per URL in a
small JSON file (``validators``) and sent back as If-None-Match / If-Modified-Since; the caller saves
them (``save``) only once what was read is safely stored, so a run killed half-way reads it all again.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

from kliping.read.fetch_records import append_response, load_validators, save_validators
from kliping.read.sniff import too_large

if TYPE_CHECKING:
    import httpx

SCHEMES = ("http", "https")
ROBOTS_BYTES = 512_000  # RFC 9309: crawlers must parse at least 500 KiB of a robots.txt
ROBOTS_SECONDS = 24 * 3600  # a robots.txt is read again after a day (a long `kliping watch`)
ROBOTS_RETRY_SECONDS = 600  # one that could not be read is tried again after ten minutes
MAX_CRAWL_DELAY = 60.0  # a robots.txt Crawl-delay is honoured up to this many seconds
_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
_REDIRECTS = frozenset({301, 302, 303, 307, 308})


def _kliping_version() -> str:
    try:
        return version("kliping")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "0.0.0"


USER_AGENT = f"kliping/{_kliping_version()} (news monitoring; honours robots.txt)"
ROBOTS_AGENT = "kliping"  # the product token robots.txt groups are matched against


class FetchFailed(Exception):
    """A URL that could not be read: ``reason`` is the one line the user sees after the URL."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason


class _NetworkFailed(FetchFailed):
    """No answer at all (refused, reset, timed out): worth another try, as a 503 is."""


@dataclass(frozen=True)
class FetchOptions:
    """How politely and how far to fetch; the defaults are for real sites, tests lower the waits."""

    delay: float = 2.0  # seconds between two requests to one host
    timeout: float = 20.0  # seconds to connect, and between two reads of a response
    retries: int = 3  # further attempts after a 429, a 5xx or a network failure
    backoff: float = 2.0  # the first wait before a retry; doubled each time
    max_wait: float = 120.0  # the longest wait kliping accepts, from Retry-After or backoff
    max_bytes: int = 10_000_000  # the size cap on a body (the readers' document limit)
    max_redirects: int = 5

    def __post_init__(self) -> None:
        for name in ("delay", "timeout", "backoff", "max_wait"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must not be negative")
        if self.retries < 0 or self.max_bytes < 1 or self.max_redirects < 0:
            raise ValueError("retries and max_redirects must not be negative, max_bytes must be positive")


@dataclass
class Page:
    """What a GET gave: the body of a 200, or ``not_modified`` when the server answered 304."""

    url: str  # as asked for
    final_url: str  # after redirects
    status: int
    content_type: str = ""
    body: bytes = b""

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass
class _Robots:
    parser: RobotFileParser | None  # None: everything allowed (no robots.txt)
    read_at: float
    denied: str | None = None  # robots.txt could not be read: why everything on the host is refused


@dataclass
class Fetcher:
    """Fetch URLs one at a time; ``archive`` (a .warc.gz) and ``validators`` (a .json) are optional."""

    options: FetchOptions = field(default_factory=FetchOptions)
    archive: Path | None = None
    validators: Path | None = None
    transport: httpx.BaseTransport | None = None  # tests may hand in a MockTransport
    sleep: Callable[[float], None] = time.sleep

    def __post_init__(self) -> None:
        import httpx  # here: every command would pay its import time, only those reading URLs need it

        self._client = httpx.Client(
            headers={"User-Agent": USER_AGENT},
            timeout=httpx.Timeout(self.options.timeout), follow_redirects=False, transport=self.transport)
        self._robots: dict[str, _Robots] = {}
        self._last: dict[str, float] = {}  # host → when its last request ended (monotonic)
        self._known = load_validators(self.validators)
        self.requests = 0

    @classmethod
    def beside(cls, db: str | Path, options: FetchOptions | None = None) -> Fetcher:
        """The fetcher of a store: ``kliping.db`` keeps its pages in ``kliping.warc.gz`` and its validators in
        ``kliping.fetch.json``, next to it. A store not yet made starts with no validators: those left by a
        deleted store would answer 304 for pages the new one never got."""
        path = Path(db)
        fetcher = cls(options or FetchOptions(), archive=path.with_suffix(".warc.gz"),
                      validators=path.with_suffix(".fetch.json"))
        if not path.exists():
            fetcher._known.clear()
        return fetcher

    def forget(self, url: str) -> None:
        """Ask for ``url`` whole next time (a feed some of whose articles could not be read: a 304 would hide
        them until the feed changes)."""
        self._known.pop(url, None)

    def close(self) -> None:
        self._client.close()

    def save(self) -> None:
        """Write the remembered ETag / Last-Modified values (see fetch_records)."""
        if self.validators is not None:
            save_validators(self.validators, self._known)

    def fetch(self, url: str, *, conditional: bool = True, private_ok: bool = True) -> Page:
        """GET ``url`` following redirects; a 200 or (with validators known) a 304. Raises FetchFailed.

        ``private_ok=False`` refuses any hop to a host that resolves to a loopback, private, link-local or
        reserved address: a feed from the internet must not make kliping read the desk's own network."""
        check_url(url)
        extra: dict[str, str] = {}
        known = self._known.get(url) if conditional else None
        if known:
            if known.get("etag"):
                extra["If-None-Match"] = known["etag"]
            if known.get("last_modified"):
                extra["If-Modified-Since"] = known["last_modified"]
        visited = [url]
        current = url
        while True:
            if not private_ok:
                inside = private_address(urlsplit(current).hostname or "")
                if inside:
                    raise FetchFailed(url, f"{current[:200]} is on a private or local address ({inside}): not fetched "
                                           "for a source on the internet")
            self._check_robots(url, current)
            response, body, attempts = self._get(url, current, extra)
            if response.status_code in _REDIRECTS and "location" in response.headers:
                target = urljoin(current, response.headers["location"])
                if urlsplit(target).scheme.lower() not in SCHEMES:
                    raise FetchFailed(url, f"redirected to a URL that is not http(s): {target[:200]}")
                if target in visited:
                    raise FetchFailed(url, "redirect loop: " + " → ".join([*visited, target][-4:]))
                if len(visited) > self.options.max_redirects:
                    raise FetchFailed(url, f"more than {self.options.max_redirects} redirects")
                visited.append(target)
                current = target
                extra = {}  # the validators belong to the URL as asked for
                continue
            break
        status = response.status_code
        if status == 304 and known:
            self._known[url]["seen"] = _now()
            return Page(url, current, 304)
        if status != 200:
            phrase = response.reason_phrase or ""
            tries = f" (after {attempts} attempts)" if attempts > 1 else ""
            raise FetchFailed(url, f"HTTP {status} {phrase}".rstrip() + tries)
        tags = {k: v for k, v in (("etag", response.headers.get("etag")),
                                  ("last_modified", response.headers.get("last-modified"))) if v}
        if tags:
            self._known[url] = {**tags, "seen": _now()}
        else:
            self._known.pop(url, None)
        return Page(url, current, 200, response.headers.get("content-type", ""), body)

    # --- one request, with retries ------------------------------------------------------------------

    def _get(self, url: str, current: str, headers: dict[str, str]) -> tuple[httpx.Response, bytes, int]:
        """One GET of ``current`` (asked for as ``url``), retried on 429/5xx and network failures; the
        response, its body and the number of attempts it took."""
        attempt = 0
        while True:
            try:
                response, body = self._once(url, current, headers)
            except _NetworkFailed as failed:
                if attempt >= self.options.retries:
                    tries = f" (after {attempt + 1} attempts)" if attempt else ""
                    raise FetchFailed(url, failed.reason + tries) from None
                wait = self.options.backoff * 2**attempt
            else:
                if response.status_code not in _RETRY_STATUSES or attempt >= self.options.retries:
                    return response, body, attempt + 1
                wait = _retry_after(response)
                wait = self.options.backoff * 2**attempt if wait is None else wait
                if wait > self.options.max_wait:
                    raise FetchFailed(url, f"HTTP {response.status_code}: asked to retry after {wait:,.0f} s "
                                           f"(kliping waits at most {self.options.max_wait:,.0f} s)")
            attempt += 1
            self.sleep(min(wait, self.options.max_wait))

    def _once(self, url: str, current: str, headers: dict[str, str]) -> tuple[httpx.Response, bytes]:
        where = urlsplit(current)
        host = where.netloc.lower()
        self._wait_for(host, f"{where.scheme.lower()}://{host}")
        import httpx

        limit = self.options.max_bytes
        allowed = 3 * self.options.timeout + 10  # a server dripping bytes is cut here
        deadline = time.monotonic() + allowed
        self.requests += 1
        try:
            with self._client.stream("GET", current, headers=headers) as response:
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > limit and response.status_code == 200:
                    raise FetchFailed(url, too_large(int(declared), limit))
                parts: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > limit:
                        raise FetchFailed(url, too_large(None, limit))
                    if time.monotonic() > deadline:
                        raise _NetworkFailed(url, f"took longer than {allowed:.0f} s to send")
                    parts.append(chunk)
                body = b"".join(parts)
        except httpx.TimeoutException:
            raise _NetworkFailed(url, f"timed out after {self.options.timeout:g} s") from None
        except httpx.TransportError as exc:
            raise _NetworkFailed(url, f"no answer ({_describe(exc)})") from None
        except httpx.HTTPError as exc:  # a malformed response, undecodable content
            raise FetchFailed(url, f"bad HTTP response: {_describe(exc)}") from None
        finally:
            self._last[host] = time.monotonic()
        if self.archive is not None and (body or response.status_code in _REDIRECTS):
            status = f"{response.status_code} {response.reason_phrase or ''}".rstrip()
            append_response(self.archive, current, status, list(response.headers.multi_items()), body)
        return response, body

    def _wait_for(self, host: str, origin: str) -> None:
        robots = self._robots.get(origin)
        delay = self.options.delay
        if robots is not None and robots.parser is not None:
            asked = robots.parser.crawl_delay(ROBOTS_AGENT)
            if asked:
                delay = max(delay, min(float(asked), MAX_CRAWL_DELAY))
        last = self._last.get(host)
        if last is not None and delay > 0:
            wait = last + delay - time.monotonic()
            if wait > 0:
                self.sleep(wait)

    # --- robots.txt ------------------------------------------------------------------------------------

    def _check_robots(self, url: str, current: str) -> None:
        parts = urlsplit(current)
        host = parts.netloc.lower()
        origin = f"{parts.scheme.lower()}://{host}"  # RFC 9309: one robots.txt per scheme, host and port
        robots = self._robots.get(origin)
        keep = ROBOTS_RETRY_SECONDS if robots is not None and robots.denied else ROBOTS_SECONDS
        if robots is None or time.monotonic() - robots.read_at > keep:
            robots = self._read_robots(f"{origin}/robots.txt")
            self._robots[origin] = robots
        if robots.denied:
            raise FetchFailed(url, robots.denied)
        if robots.parser is not None and not robots.parser.can_fetch(ROBOTS_AGENT, current):
            raise FetchFailed(url, f"robots.txt of {host} disallows it")

    def _read_robots(self, robots_url: str) -> _Robots:
        """RFC 9309: a 4xx means no rules; a 5xx or no answer means the whole host is off limits for now."""
        try:
            page = self._robots_page(robots_url)
        except FetchFailed as failed:
            if failed.reason.startswith("HTTP 4"):
                return _Robots(None, time.monotonic())
            return _Robots(None, time.monotonic(), f"robots.txt could not be read ({failed.reason}): not fetched")
        parser = RobotFileParser(robots_url)
        parser.parse(page.body[:ROBOTS_BYTES].decode("utf-8", "replace").splitlines())
        return _Robots(parser, time.monotonic())

    def _robots_page(self, robots_url: str) -> Page:
        # robots.txt itself is fetched without a robots check, and may redirect (to https, to www.).
        current, visited = robots_url, [robots_url]
        while True:
            response, body, _ = self._get(robots_url, current, {})
            target = urljoin(current, response.headers.get("location", ""))
            if response.status_code not in _REDIRECTS or len(visited) > self.options.max_redirects \
                    or target in visited or urlsplit(target).scheme not in SCHEMES:
                break
            visited.append(target)
            current = target
        if response.status_code != 200:
            raise FetchFailed(robots_url, f"HTTP {response.status_code}")
        return Page(robots_url, current, 200, response.headers.get("content-type", ""), body)


@contextmanager
def closing_fetcher(fetcher: Fetcher | None) -> Iterator[Fetcher | None]:
    """Close the fetcher's connections at the end (nothing to do without one)."""
    try:
        yield fetcher
    finally:
        if fetcher is not None:
            fetcher.close()


def private_address(host: str) -> str | None:
    """The first address ``host`` resolves to that is not on the public internet, or None (also when it does not
    resolve: the request then fails and says why)."""
    try:
        infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        return None
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if not address.is_global:
            return str(address)
    return None


def check_url(url: str) -> None:
    """Only absolute http(s) URLs with a host are fetched."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in SCHEMES:
        raise FetchFailed(url, "only http and https URLs are fetched")
    if not parts.hostname:
        raise FetchFailed(url, "no host in this URL")


def _retry_after(response: httpx.Response) -> float | None:
    """Retry-After in seconds (a number or an HTTP date), None when absent or unreadable."""
    value = response.headers.get("retry-after", "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _describe(exc: Exception) -> str:
    message = " ".join(str(exc).split())[:200]
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
