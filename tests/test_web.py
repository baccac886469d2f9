"""The web app in-process (Starlette TestClient): every page and its JSON twin, escaping, CSRF, upload limits, paths."""

from __future__ import annotations

import asyncio
import re
import tempfile
import time
import warnings
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from starlette.types import Message
from test_report import HOSTILE_SPEAKER, HOSTILE_TITLE, hostile, parse

from kliping.cli import _parser
from kliping.corpus.features import article_date
from kliping.errors import InputError
from kliping.model import Article
from kliping.show.web import app as web_app
from kliping.show.web.app import allowed_hosts_for, create_app
from kliping.show.web.pages import href
from kliping.show.web.security import CONTENT_SECURITY_POLICY
from kliping.show.web.uploads import TooLarge, limited_receive, safe_name
from kliping.store import Store

with warnings.catch_warnings():  # starlette 1.x nudges towards httpx2; httpx works as well
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

BASE = "http://127.0.0.1:8000"
ORIGIN = {"origin": BASE}
D = "003_04e3b211cc35a03e"
PASTED = ("Peskov: Rusia tidak melanggar sanksi\n\nJakarta - Juru bicara Kremlin Dmitry Peskov mengatakan "
          "Rusia tidak pernah melanggar sanksi PBB. \"Kami tidak melanggar apa pun,\" kata Peskov, Selasa (12/9/2023).")


@pytest.fixture(scope="module")
def client(seed_articles: dict[str, Article], tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """The five seeds and a hostile copy of one (script in title, outlet, body, a quote's speaker) in a store."""
    db = tmp_path_factory.mktemp("web") / "kliping.db"
    evil = replace(hostile(seed_articles[D]), id="evil", source="evil.txt", url=None)
    with Store.open(db) as store:
        store.add([*seed_articles.values(), evil])
    with TestClient(create_app(db), base_url=BASE) as c:
        yield c


@pytest.fixture()
def fresh(tmp_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(tmp_path / "kliping.db"), base_url=BASE) as c:
        yield c


def token(c: TestClient) -> str:
    match = re.search(r'name="csrf_token" value="([0-9a-f]+)"', c.get("/add").text)
    assert match, "the add form carries a CSRF token"
    return match.group(1)


def story_id(c: TestClient) -> str:
    stories = c.get("/?format=json").json()["stories"]
    return str(max(stories, key=lambda s: s["article_count"])["id"])


def test_every_page_has_html_and_a_json_twin(client: TestClient) -> None:
    sid = story_id(client)
    urls = ["/", "/search?q=Peskov", f"/stories/{sid}", f"/articles/{D}", "/speakers/Dmitry%20Peskov", "/add"]
    for url in urls:
        page = client.get(url)
        assert page.status_code == 200 and page.headers["content-type"].startswith("text/html"), url
        assert 'class="json-link"' in page.text
        twin = client.get(url + ("&" if "?" in url else "?") + "format=json")
        assert twin.status_code == 200 and twin.headers["content-type"] == "application/json", url
        assert isinstance(twin.json()["page"], str)


def test_story_page_renders_the_dossier_story_view(client: TestClient) -> None:
    sid = story_id(client)
    view = client.get(f"/stories/{sid}?format=json").json()["story"]
    html = client.get(f"/stories/{sid}").text
    assert view["article_count"] == 6 and view["summary"] and view["claims"] and view["quotes"]
    assert '<svg class="chart"' in html and 'class="evidence-box"' in html  # the report's partial, same markup
    for sentence in view["summary"]:
        assert (sentence["text"].replace("&", "&amp;").replace('"', "&#34;").replace("'", "&#39;")
                .replace("<", "&lt;").replace(">", "&gt;")) in html
    assert f'href="{href("articles", D)}"' in html  # articles and speakers link to their own pages
    assert 'href="/speakers/Vladimir%20Putin"' in html


def test_article_page_highlights_quotes_and_dates(client: TestClient, seed_articles: dict[str, Article]) -> None:
    a = seed_articles["000_0b2f353a331a9159"]
    html = client.get(f"/articles/{a.id}").text
    assert html.count('<mark class="d"') >= len(a.dates) > 0
    assert re.search(r'<mark class="[^"]*q-direct', html)
    view = client.get(f"/articles/{a.id}?format=json").json()
    assert view["story"]["href"].startswith("/stories/") and len(view["quotes"]) == len(a.quotes)


def test_speaker_page_lists_what_peskov_said_by_date(client: TestClient) -> None:
    view = client.get("/speakers/Dmitry%20Peskov?format=json").json()
    assert view["speaker"] == "Dmitry Peskov" and view["quote_count"] >= 1
    days = [d["label"] for d in view["days"]]
    assert days and days[0] != "Undated"
    quotes = [q for d in view["days"] for q in d["quotes"]]
    assert all(q["article"]["href"].startswith("/articles/") for q in quotes)
    found = client.get("/search?q=peskov&format=json").json()
    assert found["speakers"][0]["href"] == "/speakers/Dmitry%20Peskov"
    assert any(h["kind"] == "quote" for h in found["hits"])


def test_hostile_article_text_is_escaped_on_every_page(client: TestClient) -> None:
    sid = story_id(client)
    speaker = client.get("/search?q=alert&format=json").json()
    pages = [f"/stories/{sid}", "/articles/evil", "/search?q=alert", "/search?q=%3Cscript%3E",
             href("speakers", HOSTILE_SPEAKER), "/"]
    assert speaker["hits"]
    for url in pages:
        html = client.get(url).text
        assert "<script" not in html.lower(), url
        for tag, attrs in parse(html):
            assert tag not in {"script", "img", "iframe", "b", "i"}, (url, tag)
            assert not any(name.startswith("on") for name, _ in attrs), (url, tag, attrs)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in client.get("/articles/evil").text  # shown, as text
    assert HOSTILE_TITLE not in client.get("/articles/evil").text


def test_every_response_forbids_scripts_and_framing(client: TestClient) -> None:
    for url in ("/", "/stories/nope", "/style.css", "/add"):
        r = client.get(url)
        assert r.headers["content-security-policy"] == CONTENT_SECURITY_POLICY, url
        assert "script-src" not in CONTENT_SECURITY_POLICY and "default-src 'none'" in CONTENT_SECURITY_POLICY
        assert r.headers["x-frame-options"] == "DENY" and r.headers["x-content-type-options"] == "nosniff"


def test_unknown_ids_are_404_in_html_and_json(client: TestClient) -> None:
    for url in ("/stories/nope", "/articles/nope", "/speakers/Nobody%20At%20All", "/nowhere"):
        assert client.get(url).status_code == 404
        assert client.get(url + "?format=json").json()["status"] == 404


def test_ids_are_encoded_whole_in_links() -> None:
    assert href("articles", "../a/b?c#d") == "/articles/..%2Fa%2Fb%3Fc%23d"
    assert href("speakers", 'x" onmouseover="y') == "/speakers/x%22%20onmouseover%3D%22y"


@pytest.mark.parametrize("since", ["yesterday", "2023-13", "2023-02-30"])
def test_bad_since_is_explained_not_a_crash(client: TestClient, since: str) -> None:
    r = client.get(f"/search?q=rusia&since={since}")
    assert r.status_code == 400 and "2023-09-13" in r.text


def test_a_search_past_its_budget_is_explained_not_a_crash(client: TestClient,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    def too_slow(*args: object, **kwargs: object) -> None:
        raise InputError("the search ran past its 2 s budget: use fewer or rarer words")

    monkeypatch.setattr(Store, "search", too_slow)
    r = client.get("/search?q=rusia")
    assert r.status_code == 400 and "budget" in r.text

    monkeypatch.undo()
    assert client.get("/search?q=" + "rusia%20" * 4000).status_code == 200  # one word, answered at once


def test_requests_for_other_hosts_are_refused(tmp_path: Path) -> None:
    app = create_app(tmp_path / "k.db")
    assert TestClient(app, base_url="http://evil.example:8000").get("/").status_code == 400  # DNS rebinding
    assert TestClient(app, base_url="http://localhost:8000").get("/").status_code == 200
    assert allowed_hosts_for("127.0.0.1") == ["127.0.0.1", "localhost", "::1", "[::1]"]
    assert allowed_hosts_for("0.0.0.0") == ["*"]


def test_paste_adds_and_redirects_to_its_story(fresh: TestClient) -> None:
    r = fresh.post("/add", data={"csrf_token": token(fresh), "text": PASTED}, headers=ORIGIN, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/stories/")
    story = fresh.get(r.headers["location"] + "?format=json").json()["story"]
    assert story["article_count"] == 1 and story["title"]
    again = fresh.post("/add?format=json", data={"csrf_token": token(fresh), "text": PASTED}, headers=ORIGIN)
    assert again.json()["added"] == 0 and again.json()["already"] == 1
    assert again.json()["story_href"] == r.headers["location"]


def test_uploads_add_files_and_skip_unknown_types(fresh: TestClient, seeds_dir: Path) -> None:
    seed = sorted(seeds_dir.glob("*.txt"))[0]
    files = [("files", (seed.name, seed.read_bytes(), "text/plain")),
             ("files", ("tool.exe", b"MZ\x90\x00", "application/octet-stream"))]
    r = fresh.post("/add?format=json", data={"csrf_token": token(fresh)}, files=files, headers=ORIGIN)
    out = r.json()
    assert r.status_code == 200 and out["added"] == 1 and out["article_ids"] == [seed.stem]
    assert [s["source"] for s in out["skipped"]] == ["upload:tool.exe"]
    assert fresh.get(f"/articles/{seed.stem}?format=json").json()["article"]["source"] == f"upload:{seed.name}"


def test_upload_names_never_reach_outside_a_private_temp_folder(fresh: TestClient, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    temp_root = tmp_path / "tmp"
    temp_root.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp_root))
    names = ["../../escaped.txt", "/etc/cron.d/x.txt", "..\\..\\win.txt", ".hidden.txt"]
    files = [("files", (n, f"Judul {i}\n\nIsi berita nomor {i} tentang Rusia.".encode(), "text/plain"))
             for i, n in enumerate(names)]
    r = fresh.post("/add?format=json", data={"csrf_token": token(fresh)}, files=files, headers=ORIGIN)
    assert r.status_code == 200
    assert sorted(r.json()["article_ids"]) == ["escaped", "hidden", "win", "x"]
    assert list(temp_root.iterdir()) == []  # the upload folder is gone, and nothing was written beside it
    assert not (tmp_path / "escaped.txt").exists() and not Path("/etc/cron.d/x.txt").exists()
    assert safe_name("../../etc/passwd.txt") == "passwd.txt" and safe_name("C:\\x\\a b.html") == "a_b.html"
    assert safe_name("x.warc.gz") == "x.warc.gz" and safe_name("x.exe") is None and safe_name(None) is None
    assert safe_name("...txt") == "upload.txt"


def test_cross_site_posts_are_refused(fresh: TestClient) -> None:
    good = token(fresh)
    data = {"csrf_token": good, "text": PASTED}
    assert fresh.post("/add", data=data).status_code == 403  # no Origin, no Referer
    assert fresh.post("/add", data=data, headers={"origin": "http://evil.example"}).status_code == 403
    assert fresh.post("/add", data=data, headers={"origin": "null"}).status_code == 403
    assert fresh.post("/add", data=data, headers={"referer": "http://evil.example/add"}).status_code == 403
    assert fresh.post("/add", data={"text": PASTED}, headers=ORIGIN).status_code == 403  # no token
    assert fresh.post("/add", data={**data, "csrf_token": "0" * 64}, headers=ORIGIN).status_code == 403
    other = TestClient(fresh.app, base_url=BASE)  # another session: its cookie does not fit our token
    assert other.post("/add", data=data, headers=ORIGIN).status_code == 403
    assert fresh.get("/?format=json").json()["article_count"] == 0
    ok = fresh.post("/add", data=data, headers={"referer": f"{BASE}/add"}, follow_redirects=False)
    assert ok.status_code == 303  # a same-origin Referer is enough when a browser sends no Origin


def test_session_cookie_is_strict_and_httponly(fresh: TestClient) -> None:
    cookie = fresh.get("/add").headers["set-cookie"].lower()
    assert "samesite=strict" in cookie and "httponly" in cookie and "path=/" in cookie


def test_gets_never_change_state(fresh: TestClient) -> None:
    fresh.get("/add", params={"text": PASTED, "csrf_token": token(fresh)})
    fresh.get("/search", params={"q": PASTED})
    assert fresh.get("/?format=json").json()["article_count"] == 0
    assert fresh.put("/add", data={"text": PASTED}, headers=ORIGIN).status_code == 405


def test_oversized_uploads_are_refused_413(fresh: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(web_app, "MAX_UPLOAD_BYTES", 4096)
    files = [("files", ("big.txt", b"x" * 10_000, "text/plain"))]
    declared = fresh.post("/add", data={"csrf_token": token(fresh)}, files=files, headers=ORIGIN)
    assert declared.status_code == 413 and "limit" in declared.text  # Content-Length says so: refused unread

    def chunks() -> Iterator[bytes]:  # no Content-Length: the limit is counted as the body streams
        yield b"--b\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n"
        yield from (b"y" * 1024 for _ in range(10))
    multipart = {**ORIGIN, "content-type": "multipart/form-data; boundary=b"}
    streamed = fresh.post("/add", content=chunks(), headers=multipart)
    assert streamed.status_code == 413
    assert fresh.get("/?format=json").json()["article_count"] == 0


def test_limited_receive_stops_reading_at_the_limit() -> None:
    sent = [{"type": "http.request", "body": b"x" * 600, "more_body": True} for _ in range(10)]
    pulled: list[Message] = []

    async def receive() -> Message:
        pulled.append(sent[len(pulled)])
        return pulled[-1]

    async def drain() -> None:
        counted = limited_receive(receive, 1000)
        while True:
            await counted()

    with pytest.raises(TooLarge):
        asyncio.run(drain())
    assert len(pulled) == 2  # the second chunk crossed 1000 bytes; the other eight were never read


def test_serve_listens_on_localhost_unless_told() -> None:
    args = _parser().parse_args(["serve"])
    assert (args.host, args.port, args.db) == ("127.0.0.1", 8000, "kliping.db")
    assert _parser().parse_args(["serve", "--host", "0.0.0.0", "--port", "9000"]).port == 9000


def test_pasted_text_with_no_article_is_explained(fresh: TestClient) -> None:
    r = fresh.post("/add", data={"csrf_token": token(fresh), "text": "   \n  "}, headers=ORIGIN)
    assert r.status_code == 422 and "Nothing new was stored" in r.text


def test_a_story_an_add_is_growing_shows_its_last_build_at_once_then_the_new_one(
        seed_articles: dict[str, Article], tmp_path: Path) -> None:
    db = tmp_path / "kliping.db"
    # The latest article comes last, as news arrives: the story grows (an earlier one would regroup the store).
    *rest, first = sorted(seed_articles, key=lambda k: (article_date(seed_articles[k]), k))
    with Store.open(db) as store:
        store.add([seed_articles[k] for k in rest])
    with TestClient(create_app(db), base_url=BASE) as c:
        sid = story_id(c)
        before = c.get(f"/stories/{sid}?format=json").json()
        assert before["updating"] == 0 and before["story"]["article_count"] == 4
        assert "being updated" not in c.get(f"/stories/{sid}").text
        with Store.open(db) as store:  # another process's add grows the story
            store.add([seed_articles[first]])
        assert Store.open(db, write=False).story_of(first) == sid
        stale = c.get(f"/stories/{sid}")
        assert "This story is being updated: 1 more article has been stored" in stale.text
        for _ in range(200):  # the current build is made in the background, for the next visit
            now = c.get(f"/stories/{sid}?format=json").json()
            if not now["updating"]:
                break
            time.sleep(0.05)
        assert now["updating"] == 0 and now["story"]["article_count"] == 5

