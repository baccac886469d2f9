"""`kliping add/analyze URL...`, feeds and sitemaps, and `kliping watch`, against a local server (no network)."""

from __future__ import annotations

import gzip
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from fetch_site import STEMS, Site, rss, seed_page, serve

from kliping.cli import main
from kliping.read.fetch import FetchOptions
from kliping.read.web import read_sources
from kliping.run.watch import Round, watch

QUICK = ["--delay", "0"]


@pytest.fixture
def site() -> Iterator[Site]:
    with serve() as running:
        running.page("/robots.txt", b"User-agent: *\nDisallow: /private/\n", "text/plain")
        for stem in STEMS:
            running.page(f"/news/{stem}", seed_page(stem)[1], etag=f'"p{stem}"')
        yield running


def stored_urls(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return sorted(u for (u,) in conn.execute("SELECT url FROM articles"))


def skipped_lines(err: str) -> dict[str, str]:
    said = "kliping: skipped "
    lines = [line.removeprefix(said) for line in err.splitlines() if line.startswith(said)]
    return dict(line.split(": ", 1) for line in lines)  # "URL: reason" (a URL holds no ": ")


def test_add_urls_reads_the_pages_as_html_with_the_url(site: Site, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "k.db"
    assert main(["add", site.url("/news/000"), site.url("/news/001"), "--db", str(db), *QUICK]) == 0
    assert stored_urls(db) == [site.url("/news/000"), site.url("/news/001")]
    with sqlite3.connect(db) as conn:
        rows = dict(conn.execute("SELECT source, title FROM articles"))
    assert rows[site.url("/news/000")] == seed_page("000")[0]
    assert "2 articles read: 2 added" in capsys.readouterr().err
    assert (tmp_path / "k.warc.gz").is_file() and (tmp_path / "k.fetch.json").is_file()


def test_feed_adds_only_the_articles_not_yet_stored(site: Site, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """The feed of 5 with 2 already stored: 3 are read and added, the 2 are never asked for again."""
    db = tmp_path / "k.db"
    site.page("/feed.xml", rss(site, [f"/news/{s}" for s in STEMS]), "application/rss+xml", etag='"f1"')
    assert main(["add", site.url("/news/000"), site.url("/news/003"), "--db", str(db), *QUICK]) == 0
    capsys.readouterr()
    assert main(["add", site.url("/feed.xml"), "--db", str(db), *QUICK]) == 0
    err = capsys.readouterr().err
    assert "RSS feed, 5 articles listed: 2 already stored, 3 to read" in err
    assert "3 articles read: 3 added, 2 already stored" in err
    assert stored_urls(db) == sorted(site.url(f"/news/{s}") for s in STEMS)
    assert len(site.asked("/news/000")) == 1 and len(site.asked("/news/001")) == 1

    # The second run asks with If-None-Match, gets 304 and adds nothing (exit 0: nothing new is no failure).
    assert main(["add", site.url("/feed.xml"), "--db", str(db), *QUICK]) == 0
    err = capsys.readouterr().err
    assert [h.get("if-none-match") for h in site.asked("/feed.xml")] == [None, '"f1"']
    assert "not modified since it was last read (HTTP 304)" in err and "0 added" in err
    assert len(stored_urls(db)) == 5


def test_atom_feed_links_are_read(site: Site, tmp_path: Path) -> None:
    entries = "".join(f'<entry><title>x</title><link rel="alternate" type="text/html" href="/news/{s}"/>'
                      f'<link rel="self" href="/api/{s}"/></entry>' for s in ("001", "002"))
    site.page("/atom", f'<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>{entries}</feed>'.encode(),
              "application/atom+xml")
    db = tmp_path / "k.db"
    assert main(["add", site.url("/atom"), "--db", str(db), *QUICK]) == 0
    assert stored_urls(db) == [site.url("/news/001"), site.url("/news/002")]


NEWS_SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{urls}</urlset>"""
NEWS_URL = ("<url><loc>{loc}</loc><news:news><news:publication><news:name>Site</news:name>"
            "<news:language>id</news:language></news:publication>"
            "<news:publication_date>2023-09-14</news:publication_date><news:title>T</news:title></news:news></url>")


def index(site: Site, paths: list[str]) -> bytes:
    maps = "".join(f"<sitemap><loc>{site.url(p)}</loc></sitemap>" for p in paths)
    return (f'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{maps}'
            "</sitemapindex>").encode()


def test_sitemap_index_with_a_news_sitemap_and_a_gzipped_one(site: Site, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    site.page("/sitemap.xml", index(site, ["/news-sitemap.xml", "/old.xml.gz"]), "application/xml")
    site.page("/news-sitemap.xml", NEWS_SITEMAP.format(
        urls="".join(NEWS_URL.format(loc=site.url(f"/news/{s}")) for s in ("000", "001", "002"))).encode(),
        "text/xml")
    plain = NEWS_SITEMAP.format(urls=f"<url><loc>{site.url('/news/004')}</loc></url>").encode()
    site.page("/old.xml.gz", gzip.compress(plain), "application/x-gzip")
    db = tmp_path / "k.db"
    assert main(["add", site.url("/sitemap.xml"), "--db", str(db), *QUICK]) == 0
    assert stored_urls(db) == sorted(site.url(f"/news/{s}") for s in ("000", "001", "002", "004"))
    err = capsys.readouterr().err
    assert "news-sitemap.xml: sitemap, 3 articles listed: 0 already stored, 3 to read" in err


def test_sitemap_indexes_are_followed_to_a_bounded_depth(site: Site, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    site.page("/i1.xml", index(site, ["/i2.xml", "/leaf.xml"]), "application/xml")
    site.page("/i2.xml", index(site, ["/i3.xml"]), "application/xml")
    site.page("/i3.xml", index(site, ["/too-deep.xml"]), "application/xml")
    site.page("/leaf.xml", NEWS_SITEMAP.format(urls=f"<url><loc>{site.url('/news/002')}</loc></url>").encode(),
              "application/xml")
    db = tmp_path / "k.db"
    assert main(["add", site.url("/i1.xml"), "--db", str(db), *QUICK]) == 0
    assert stored_urls(db) == [site.url("/news/002")]
    assert skipped_lines(capsys.readouterr().err) == {
        site.url("/too-deep.xml"): "sitemap index nested more than 3 levels deep: not followed"}
    assert not site.asked("/too-deep.xml")


def test_every_failure_is_one_line_and_the_other_articles_are_added(site: Site, tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """A feed whose links fail in every way: each is one line naming it and why, the good pages still come."""
    site.page("/private/secret", seed_page("004")[1])
    site.redirect("/loop-a", "/loop-b")
    site.redirect("/loop-b", "/loop-a")
    site.routes["/huge"] = lambda h: (200, {"Content-Type": "text/html"}, b"<p>" + b"x" * 10_000_100 + b"</p>")
    site.sequence("/flaky", [(503, {"Retry-After": "0"}, b""),
                             (200, {"Content-Type": "text/html"}, seed_page("003")[1])])
    site.sequence("/broken", [(500, {"Retry-After": "0"}, b"")])
    site.page("/pdf", b"%PDF-1.4", "application/pdf")
    links = ["/news/000", "/missing", "/private/secret", "/loop-a", "/huge", "/flaky", "/broken", "/pdf", "/news/001"]
    site.page("/feed.xml", rss(site, links), "application/rss+xml")
    db = tmp_path / "k.db"
    assert main(["add", site.url("/feed.xml"), "ftp://example.org/x", "--db", str(db), *QUICK]) == 0
    skipped = skipped_lines(capsys.readouterr().err)
    assert skipped == {
        "ftp://example.org/x": "no such file or directory",
        site.url("/missing"): "HTTP 404 Not Found",
        site.url("/private/secret"): f"robots.txt of {site.base.removeprefix('http://')} disallows it",
        site.url("/loop-a"): f"redirect loop: {site.url('/loop-a')} → {site.url('/loop-b')} → {site.url('/loop-a')}",
        site.url("/huge"): "document too large: 10.0 MB, limit 10.0 MB",
        site.url("/broken"): "HTTP 500 Internal Server Error (after 4 attempts)",
        site.url("/pdf"): "not an HTML page or a feed (application/pdf)",
    }
    assert stored_urls(db) == sorted(site.url(p) for p in ("/news/000", "/news/001", "/flaky"))
    assert not site.asked("/private/secret")


def test_hostile_feed_is_one_line(site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bomb = b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><rss>&b;</rss>'
    site.page("/bomb.xml", bomb, "application/xml")
    site.page("/bad.xml", b"<rss><channel><item><link>x</link></item>", "application/rss+xml")
    db = tmp_path / "k.db"
    assert main(["add", site.url("/bomb.xml"), site.url("/bad.xml"), site.url("/news/002"), "--db", str(db),
                 *QUICK]) == 0
    skipped = skipped_lines(capsys.readouterr().err)
    assert skipped[site.url("/bomb.xml")] == "XML that declares entities is refused (entity expansion)"
    assert skipped[site.url("/bad.xml")].startswith("not well-formed XML (no element found")
    assert stored_urls(db) == [site.url("/news/002")]


def test_analyze_urls_writes_the_dossier_and_keeps_the_pages(site: Site, tmp_path: Path) -> None:
    out = tmp_path / "out"
    seed = next(Path(__file__).resolve().parent.parent.glob("examples/seeds/002_*.txt"))
    assert main(["analyze", str(seed), site.url("/news/000"), site.url("/news/001"), "--out", str(out), *QUICK]) == 0
    articles = [json.loads(line) for line in (out / "articles.jsonl").read_text("utf-8").splitlines()]
    assert [a["source"] for a in articles] == [str(seed), site.url("/news/000"), site.url("/news/001")]
    assert articles[1]["title"] == seed_page("000")[0]
    assert (out / "fetched.warc.gz").is_file()


def test_watch_polls_each_round_and_prints_what_it_added(site: Site, tmp_path: Path) -> None:
    site.page("/feed.xml", rss(site, ["/news/000", "/news/001"]), "application/rss+xml")
    sources = tmp_path / "sources.txt"
    sources.write_text(f"# the desk's feeds\n\n{site.url('/feed.xml')}\n", "utf-8")
    rounds: list[Round] = []

    def later(seconds: float) -> None:  # time passes: the feed has grown by one article
        assert seconds == 60
        site.page("/feed.xml", rss(site, ["/news/000", "/news/001", "/news/002"]), "application/rss+xml")

    done = watch(sources, tmp_path / "k.db", every=60, rounds=3, fetch=FetchOptions(delay=0),
                 on_round=rounds.append, sleep=later)
    assert done.rounds == 3 and done.added == 3 and not done.interrupted
    assert [[a.url for a in r.added] for r in rounds] == [
        [site.url("/news/000"), site.url("/news/001")], [site.url("/news/002")], []]
    assert len(site.asked("/news/000")) == 1  # never read again


def test_watch_command_stops_cleanly_on_ctrl_c(site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    site.page("/feed.xml", rss(site, ["/news/003"]), "application/rss+xml")
    sources = tmp_path / "sources.txt"
    sources.write_text(site.url("/feed.xml") + "\n", "utf-8")

    def interrupted(seconds: float) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("kliping.run.watch.time.sleep", interrupted)
    assert main(["watch", str(sources), "--db", str(tmp_path / "k.db"), "--every", "15m", *QUICK]) == 0
    err = capsys.readouterr().err
    assert "round 1" in err and "1 added" in err and f"+ {seed_page('003')[0]}" in err
    last = err.rstrip().splitlines()[-1]
    assert last == "kliping: watch stopped by Ctrl-C after 1 round: 1 articles added, 0 skipped"


def test_watch_rounds_option_and_bad_sources(site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sources = tmp_path / "sources.txt"
    sources.write_text(f"{site.url('/news/000')}\nnot a url\n", "utf-8")
    assert main(["watch", str(sources), "--db", str(tmp_path / "k.db"), "--rounds", "1", *QUICK]) == 2
    assert f"{sources}:2: not an http(s) URL: 'not a url'" in capsys.readouterr().err
    sources.write_text(f"{site.url('/news/000')}\n", "utf-8")
    assert read_sources(sources) == [site.url("/news/000")]
    assert main(["watch", str(sources), "--db", str(tmp_path / "k.db"), "--rounds", "2", "--every", "0s",
                 *QUICK]) == 0
    assert "watch done after 2 rounds: 1 articles added" in capsys.readouterr().err
    assert main(["watch", str(sources), "--every", "soon", "--db", str(tmp_path / "k.db")]) == 2


def test_feed_with_an_article_that_failed_is_asked_whole_next_time(site: Site, tmp_path: Path) -> None:
    """A 304 for the feed would hide the article that failed until the feed changed: its ETag is not kept."""
    down = (503, {"Retry-After": "0"}, b"")
    site.sequence("/late", [down, down, down, down, (200, {"Content-Type": "text/html"}, seed_page("004")[1])])
    site.page("/feed.xml", rss(site, ["/news/000", "/late"]), "application/rss+xml", etag='"f1"')
    db = tmp_path / "k.db"
    assert main(["add", site.url("/feed.xml"), "--db", str(db), *QUICK]) == 0
    assert stored_urls(db) == [site.url("/news/000")]
    assert main(["add", site.url("/feed.xml"), "--db", str(db), *QUICK]) == 0
    assert [h.get("if-none-match") for h in site.asked("/feed.xml")] == [None, None]
    assert stored_urls(db) == [site.url("/late"), site.url("/news/000")]
    assert main(["add", site.url("/feed.xml"), "--db", str(db), *QUICK]) == 0  # all read: now a 304
    assert site.asked("/feed.xml")[-1].get("if-none-match") == '"f1"'


def test_a_new_store_does_not_use_the_validators_of_a_deleted_one(site: Site, tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    assert main(["add", site.url("/news/001"), "--db", str(db), *QUICK]) == 0
    db.unlink()
    assert main(["add", site.url("/news/001"), "--db", str(db), *QUICK]) == 0
    assert [h.get("if-none-match") for h in site.asked("/news/001")] == [None, None]
    assert stored_urls(db) == [site.url("/news/001")]


def test_links_and_redirects_from_an_internet_feed_into_the_local_network_are_refused(
        site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """The feed is served as 'localhost', taken here for a host on the internet; its links go to 127.0.0.1."""
    from kliping.read import fetch, web

    real = fetch.private_address
    pretend = lambda host: None if host == "localhost" else real(host)  # noqa: E731
    monkeypatch.setattr(fetch, "private_address", pretend)
    monkeypatch.setattr(web, "private_address", pretend)
    outside = site.base.replace("127.0.0.1", "localhost")
    site.redirect("/jump", site.url("/news/001"))
    feed = (f'<rss version="2.0"><channel><item><link>{site.url("/news/000")}</link></item>'
            f"<item><link>{outside}/jump</link></item></channel></rss>")
    site.page("/feed.xml", feed.encode(), "application/rss+xml")
    db = tmp_path / "k.db"
    assert main(["add", f"{outside}/feed.xml", "--db", str(db), *QUICK]) == 1
    skipped = skipped_lines(capsys.readouterr().err)
    assert skipped == {
        site.url("/news/000"): f"{site.url('/news/000')} is on a private or local address (127.0.0.1): not fetched "
                               "for a source on the internet",
        f"{outside}/jump": f"{site.url('/news/001')} is on a private or local address (127.0.0.1): not fetched "
                           "for a source on the internet"}
    assert not site.asked("/news/000") and not site.asked("/news/001")
