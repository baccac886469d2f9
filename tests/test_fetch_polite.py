"""The fetcher against a local server: robots.txt, retries, redirects, size cap, schemes, conditional GET, WARC."""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fetch_site import Site, seed_page, serve
from warcio.archiveiterator import ArchiveIterator

from kliping.model import RawDocument
from kliping.read import iter_documents
from kliping.read.fetch import USER_AGENT, Fetcher, FetchFailed, FetchOptions, private_address

QUICK = FetchOptions(delay=0, backoff=0.01, timeout=5)


@pytest.fixture
def site() -> Iterator[Site]:
    with serve() as running:
        running.page("/robots.txt", b"User-agent: *\nDisallow: /private/\n", "text/plain")
        yield running


def fetcher(tmp_path: Path, options: FetchOptions = QUICK, **kwargs: object) -> Fetcher:
    return Fetcher(options, archive=tmp_path / "k.warc.gz", validators=tmp_path / "k.fetch.json", **kwargs)  # type: ignore[arg-type]


def test_fetch_names_kliping_and_its_version_in_the_user_agent(site: Site, tmp_path: Path) -> None:
    site.page("/a", seed_page("000")[1])
    page = fetcher(tmp_path).fetch(site.url("/a"))
    assert page.status == 200 and page.body == seed_page("000")[1]
    agents = {h["user-agent"] for _, h in site.log}
    assert agents == {USER_AGENT} and USER_AGENT.startswith("kliping/")


def test_robots_disallow_is_obeyed_without_asking_for_the_page(site: Site, tmp_path: Path) -> None:
    site.page("/private/a", b"<p>secret</p>")
    with pytest.raises(FetchFailed, match=r"robots.txt of 127.0.0.1:\d+ disallows it"):
        fetcher(tmp_path).fetch(site.url("/private/a"))
    assert site.asked("/robots.txt") and not site.asked("/private/a")


def test_robots_txt_that_fails_with_5xx_keeps_the_whole_host_off_limits(tmp_path: Path) -> None:
    with serve() as site:
        site.sequence("/robots.txt", [(503, {}, b"")])
        site.page("/a", b"<p>page</p>")
        with pytest.raises(FetchFailed, match=r"robots.txt could not be read \(HTTP 503\)"):
            fetcher(tmp_path).fetch(site.url("/a"))
        assert not site.asked("/a")


def test_503_then_200_is_retried_after_the_wait_retry_after_asks(site: Site, tmp_path: Path) -> None:
    waits: list[float] = []
    site.sequence("/flaky", [(503, {"Retry-After": "3"}, b"busy"), (200, {"Content-Type": "text/html"}, b"<p>ok</p>")])
    page = fetcher(tmp_path, sleep=waits.append).fetch(site.url("/flaky"))
    assert page.body == b"<p>ok</p>" and len(site.asked("/flaky")) == 2
    assert waits == [3.0]


def test_retry_after_longer_than_the_limit_fails_at_once(site: Site, tmp_path: Path) -> None:
    site.sequence("/slow", [(429, {"Retry-After": "86400"}, b"")])
    with pytest.raises(FetchFailed, match=r"HTTP 429: asked to retry after 86,400 s"):
        fetcher(tmp_path).fetch(site.url("/slow"))
    assert len(site.asked("/slow")) == 1


def test_5xx_for_good_fails_after_bounded_retries_with_backoff(site: Site, tmp_path: Path) -> None:
    waits: list[float] = []
    site.sequence("/down", [(500, {}, b"")])
    with pytest.raises(FetchFailed, match=r"^.*: HTTP 500 Internal Server Error \(after 4 attempts\)$"):
        fetcher(tmp_path, sleep=waits.append).fetch(site.url("/down"))
    assert len(site.asked("/down")) == 4 and waits == [0.01, 0.02, 0.04]


def test_404_fails_without_retrying(site: Site, tmp_path: Path) -> None:
    with pytest.raises(FetchFailed, match=r"HTTP 404 Not Found$"):
        fetcher(tmp_path).fetch(site.url("/gone"))
    assert len(site.asked("/gone")) == 1


def test_redirect_loop_is_one_failure(site: Site, tmp_path: Path) -> None:
    site.redirect("/a", "/b")
    site.redirect("/b", "/a")
    with pytest.raises(FetchFailed, match=r"redirect loop: .*/a → .*/b → .*/a"):
        fetcher(tmp_path).fetch(site.url("/a"))
    assert len(site.asked("/a")) == 1 and len(site.asked("/b")) == 1


def test_redirects_are_followed_a_bounded_number_of_times(site: Site, tmp_path: Path) -> None:
    for n in range(8):
        site.redirect(f"/r{n}", f"/r{n + 1}")
    site.page("/r8", b"<p>end</p>")
    with pytest.raises(FetchFailed, match=r"more than 5 redirects"):
        fetcher(tmp_path).fetch(site.url("/r0"))
    page = fetcher(tmp_path).fetch(site.url("/r4"))  # 4 hops: followed
    assert page.final_url == site.url("/r8") and page.url == site.url("/r4")


def test_only_http_and_https_are_fetched_redirects_included(site: Site, tmp_path: Path) -> None:
    with pytest.raises(FetchFailed, match="only http and https"):
        fetcher(tmp_path).fetch("file:///etc/passwd")
    site.redirect("/sneaky", "file:///etc/passwd")
    with pytest.raises(FetchFailed, match="redirected to a URL that is not http"):
        fetcher(tmp_path).fetch(site.url("/sneaky"))


def test_oversized_page_is_refused_by_content_length_and_by_counting(site: Site, tmp_path: Path) -> None:
    big = b"<p>" + b"x" * 300_000 + b"</p>"
    site.page("/big", big)
    small_cap = FetchOptions(delay=0, backoff=0.01, max_bytes=100_000)
    with pytest.raises(FetchFailed, match=r"document too large: 0.3 MB, limit 0.1 MB"):
        fetcher(tmp_path, small_cap).fetch(site.url("/big"))
    # A server that states no length is cut once the cap is passed.
    site.routes["/nolength"] = lambda h: (200, {"Content-Type": "text/html", "Content-Length": ""}, big)
    with pytest.raises(FetchFailed, match=r"document too large: over the 0.1 MB limit"):
        fetcher(tmp_path, small_cap).fetch(site.url("/nolength"))


def test_second_fetch_sends_if_none_match_and_gets_304(site: Site, tmp_path: Path) -> None:
    site.page("/a", seed_page("001")[1], etag='"v1"')
    first = fetcher(tmp_path)
    assert first.fetch(site.url("/a")).status == 200
    first.save()
    again = fetcher(tmp_path).fetch(site.url("/a"))  # a new run: the validators come from the file
    assert again.not_modified and again.body == b""
    assert [h.get("if-none-match") for h in site.asked("/a")] == [None, '"v1"']


def test_unsaved_validators_are_not_used(site: Site, tmp_path: Path) -> None:
    """A run killed before its articles were stored must read them whole next time."""
    site.page("/a", b"<p>x</p>", etag='"v1"')
    fetcher(tmp_path).fetch(site.url("/a"))
    assert fetcher(tmp_path).fetch(site.url("/a")).status == 200


def test_requests_to_one_host_wait_the_delay(site: Site, tmp_path: Path) -> None:
    waits: list[float] = []
    site.page("/a", b"<p>a</p>")
    polite = fetcher(tmp_path, FetchOptions(delay=0.5), sleep=waits.append)
    polite.fetch(site.url("/a"))  # robots.txt, then /a: the wait comes before /a
    polite.fetch(site.url("/a"))
    assert len(waits) == 2 and all(0.2 < w <= 0.5 for w in waits)


def test_robots_crawl_delay_lengthens_the_wait(tmp_path: Path) -> None:
    with serve() as site:
        site.page("/robots.txt", b"User-agent: kliping\nCrawl-delay: 7\nDisallow:\n", "text/plain")
        site.page("/a", b"<p>a</p>")
        waits: list[float] = []
        polite = fetcher(tmp_path, FetchOptions(delay=0), sleep=waits.append)
        started = time.monotonic()
        polite.fetch(site.url("/a"))
        assert waits and 6 < waits[0] <= 7 and time.monotonic() - started < 5


def test_warc_holds_the_responses_and_reads_back_as_pages(site: Site, tmp_path: Path) -> None:
    title, body = seed_page("002")
    site.page("/story", body)
    site.redirect("/old", "/story", 301)
    fetcher(tmp_path).fetch(site.url("/old"))
    records = [(r.rec_headers.get_header("WARC-Target-URI"), r.http_headers.get_statuscode(),
                r.content_stream().read()) for r in ArchiveIterator(io.BytesIO((tmp_path / "k.warc.gz").read_bytes()))
               if r.rec_type == "response"]
    assert [(uri.removeprefix(site.base), status) for uri, status, _ in records] == [
        ("/robots.txt", "200"), ("/old", "301"), ("/story", "200")]
    assert records[-1][2] == body
    # kliping's own WARC reader gives the page back as it was read.
    pages = [d for d in iter_documents([str(tmp_path / "k.warc.gz")]) if isinstance(d, RawDocument)]
    assert [(d.url, d.title) for d in pages] == [(site.url("/story"), title)]


def test_connection_refused_is_one_failure_after_retries(tmp_path: Path) -> None:
    with serve() as site:
        gone = site.url("/a")
    with pytest.raises(FetchFailed, match=r"robots.txt could not be read \(no answer \(ConnectError.*\(after 4 "):
        fetcher(tmp_path).fetch(gone)


def test_private_addresses_are_known_without_the_network() -> None:
    assert private_address("127.0.0.1") == "127.0.0.1"
    assert private_address("10.1.2.3") == "10.1.2.3"
    assert private_address("169.254.169.254") == "169.254.169.254"  # the cloud metadata address
    assert private_address("::1") == "::1"
    assert private_address("8.8.8.8") is None


def test_a_source_on_the_internet_cannot_lead_into_the_local_network(site: Site, tmp_path: Path) -> None:
    site.page("/a", b"<p>a</p>")
    with pytest.raises(FetchFailed, match=r"is on a private or local address \(127.0.0.1\): not fetched"):
        fetcher(tmp_path).fetch(site.url("/a"), private_ok=False)
    assert site.log == []
