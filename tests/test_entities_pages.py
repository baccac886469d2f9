"""People and organisations: /entities/{name} and `kliping entity`, on made-up articles in a temporary store.

Any alias leads to the canonical page, mentions are listed even where the person is not quoted, what they said
comes by date, unknown names are a clear 404, hostile text stays text, and an older store is upgraded in place."""

from __future__ import annotations

import json
import sqlite3
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from finding_corpus import HOSTILE, build_store

from kliping.cli import main
from kliping.show.web.app import create_app
from kliping.store import Store

with warnings.catch_warnings():  # starlette nudges towards httpx2; httpx works as well
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

BASE = "http://127.0.0.1:8000"
JOKOWI = "/entities/Joko%20Widodo"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("entities") / "kliping.db")


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db), base_url=BASE) as c:
        yield c


@pytest.mark.parametrize("url", ["/speakers/Jokowi", "/entities/Jokowi", "/entities/JOKOWI", "/entities/joko%20widodo"])
def test_an_alias_redirects_to_the_canonical_entity_page(client: TestClient, url: str) -> None:
    r = client.get(url, follow_redirects=False)
    assert r.status_code == 307 and r.headers["location"] == JOKOWI
    followed = client.get(url)
    assert followed.status_code == 200 and "<h1 class=\"headline\">Joko Widodo</h1>" in followed.text


def test_the_redirect_keeps_the_query(client: TestClient) -> None:
    r = client.get("/entities/Jokowi?format=json", follow_redirects=False)
    assert r.headers["location"] == JOKOWI + "?format=json"
    assert client.get("/entities/Jokowi?format=json").json()["name"] == "Joko Widodo"


def test_the_speaker_page_of_a_canonical_name_stays(client: TestClient) -> None:
    assert client.get("/speakers/Joko%20Widodo", follow_redirects=False).status_code == 200


def test_the_entity_page_lists_articles_that_only_mention_him(client: TestClient) -> None:
    view = client.get(JOKOWI + "?format=json").json()
    assert view["label"] == "PERSON" and view["article_count"] == 3
    mentions = {a["id"]: a for day in view["articles"] for a in day["articles"]}
    assert set(mentions) == {"dam", "budget", "ikn"}
    assert mentions["budget"]["quotes"] == 0 and mentions["budget"]["mentions"] >= 1  # named, never quoted
    assert mentions["dam"]["quotes"] == 1 and mentions["ikn"]["quotes"] == 1
    assert [d["label"] for d in view["articles"]] == ["13 Sep 2023", "14 Sep 2023", "1 Feb 2024"]  # by date
    assert {s["id"] for s in view["stories"]} == {a["story_id"] for a in mentions.values()}
    assert [a["name"] for a in view["aliases"]] == ["Jokowi"] and view["aliases"][0]["listed"]
    html = client.get(JOKOWI).text
    assert 'href="/articles/budget"' in html and '<span class="alias">Jokowi</span>' in html


def test_the_entity_page_gives_what_he_said_by_date(client: TestClient) -> None:
    view = client.get(JOKOWI + "?format=json").json()
    said = [(d["label"], q["text"], q["article"]["id"]) for d in view["said"] for q in d["quotes"]]
    assert said == [("13 Sep 2023", "Bendungan ini untuk para petani di Jawa Tengah", "dam"),
                    ("1 Feb 2024", "Pembangunan istana sudah hampir selesai", "ikn")]
    assert view["quote_count"] == 2 and view["speaker_href"] == "/speakers/Joko%20Widodo"


def test_the_entity_page_pages_its_lists(client: TestClient) -> None:
    first = client.get(JOKOWI + "?per_page=2&format=json").json()
    second = client.get(JOKOWI + "?per_page=2&page=2&format=json").json()
    ids = [[a["id"] for d in v["articles"] for a in d["articles"]] for v in (first, second)]
    assert ids == [["dam", "budget"], ["ikn"]]
    assert first["pager"]["next_href"] == JOKOWI + "?per_page=2&page=2" and second["pager"]["next_href"] is None
    assert [q["text"][:11] for d in second["said"] for q in d["quotes"]] == []  # 2 quotations: all on page 1


@pytest.mark.parametrize("url", ["/entities/Nobody%20Here", "/speakers/Nobody%20Here", "/entities/%20"])
def test_an_unknown_name_is_a_clear_404(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert r.status_code == 404 and "No stored article mentions" in r.text
    assert client.get(url + "?format=json").json()["status"] == 404


def test_hostile_text_on_an_entity_page_is_shown_as_text(client: TestClient) -> None:
    r = client.get("/entities/Henri")  # his short name: a redirect to "Henri Lincoln"
    assert r.status_code == 200 and r.url.path == "/entities/Henri Lincoln"
    assert "<script" not in r.text.lower() and "&lt;script&gt;alert(1)&lt;/script&gt;" in r.text


def test_kliping_entity_prints_the_page(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["entity", "jokowi", "--db", str(db), "--json"]) == 0
    view = json.loads(capsys.readouterr().out)
    assert view["name"] == "Joko Widodo" and view["article_count"] == 3
    assert main(["entity", "Jokowi", "--db", str(db), "--limit", "1"]) == 0
    text = capsys.readouterr().out
    assert "Joko Widodo (PERSON): mentioned in 3 articles" in text and "also written: Jokowi" in text
    assert "--offset 1" in text  # more than one: how to see the rest
    assert main(["entity", "Henri", "--db", str(db)]) == 0
    assert HOSTILE in capsys.readouterr().out  # the terminal prints text as text (rich markup escaped)
    assert main(["entity", "Nobody Here", "--db", str(db)]) == 2
    assert "no article in" in capsys.readouterr().err


def test_an_older_store_is_upgraded_in_place(tmp_path: Path) -> None:
    db = build_store(tmp_path / "old.db")
    with sqlite3.connect(db) as conn:
        before = conn.execute("SELECT count(*) FROM entities").fetchone()[0]
        conn.execute("DROP TABLE entities")  # as kliping before schema 5 left it
        conn.execute("DELETE FROM schema_version WHERE version = 5")
    conn.close()
    with Store.open(db, write=False) as store:  # a reader of a writable file upgrades it
        assert store.schema_version() == 5 and store.resolve_entity("Jokowi") == "Joko Widodo"
        assert store.entity("Joko Widodo", limit=10).article_count == 3
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM entities").fetchone()[0] == before > 0
    conn.close()


def test_an_older_store_that_cannot_be_written_says_how_to_upgrade(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    db = build_store(tmp_path / "old.db")
    with sqlite3.connect(db) as conn:
        conn.execute("DROP TABLE entities")
        conn.execute("DELETE FROM schema_version WHERE version = 5")
    conn.close()
    monkeypatch.setattr("kliping.store.os.access", lambda *args: False)  # a read-only file (tests may run as root)
    with Store.open(db, write=False) as store:
        assert store.schema_version() == 4 and not store.has_entities()
        assert {h.article_id for h in store.search("Jokowi") if h.kind == "article"} == {"dam"}  # words only
    assert main(["entity", "Jokowi", "--db", str(db)]) == 2
    assert "upgrades it in place" in capsys.readouterr().err


def test_the_json_link_of_an_entity_page_is_a_valid_url(client: TestClient) -> None:
    html = client.get(JOKOWI).text
    assert 'href="/entities/Joko%20Widodo?format=json"' in html
