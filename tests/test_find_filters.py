"""Finding: alias-aware search, filters (outlet, entity, dates), sorting, the story list's pages and filters, and
search snippets as escaped HTML <mark>, on made-up articles in a temporary store."""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from finding_corpus import build_store

from kliping.cli import main
from kliping.errors import InputError
from kliping.show.web.app import create_app
from kliping.store import Store
from kliping.store_entities import name_forms
from kliping.store_records import fts_query, unmark

with warnings.catch_warnings():  # starlette nudges towards httpx2; httpx works as well
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

BASE = "http://127.0.0.1:8000"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("finding") / "kliping.db")


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db), base_url=BASE) as c:
        yield c


def articles(store: Store, query: str, **filters: str) -> set[str]:
    return {h.article_id for h in store.search(query, **filters) if h.kind == "article"}


def test_a_search_for_jokowi_finds_every_form_of_his_name(db: Path) -> None:
    with Store.open(db) as store:
        jokowi = store.search("Jokowi")
        assert {h.article_id for h in jokowi if h.kind == "article"} == {"dam", "budget", "ikn"}
        assert [h.to_dict() for h in jokowi] == [h.to_dict() for h in store.search("Joko Widodo")]
        assert [h.to_dict() for h in jokowi] == [h.to_dict() for h in store.search("jokowi")]
        assert articles(store, "Basuki") == articles(store, "Basuki Hadimuljono") == {"dam"}
        assert articles(store, "Jokowi bendungan") == {"dam"}  # the other words still count
        assert articles(store, "presiden") == {"dam", "budget", "ikn"}  # a title alone is a word, not him
        assert articles(store, "Presiden Jokowi Nusantara") == {"ikn"}


def test_filters_narrow_the_results(db: Path) -> None:
    with Store.open(db) as store:
        assert articles(store, "Jokowi", outlet="kompas") == {"dam", "ikn"}  # any case
        assert articles(store, "", outlet="Tempo") == {"budget", "football"}
        assert articles(store, "", entity="Jokowi") == {"dam", "budget", "ikn"}
        assert articles(store, "anggaran", entity="Joko Widodo") == {"budget"}
        assert articles(store, "", entity="Henri") == {"flood"}
        assert articles(store, "Jokowi", until="2023-09") == {"dam", "budget"}  # a month takes in its last day
        assert articles(store, "Jokowi", since="2023-09-14", until="2023-12-31") == {"budget"}
        assert articles(store, "", since="2023-10", until="2023-11") == {"flood", "football"}
        assert articles(store, "Jokowi", outlet="Detik") == set()
        quotes = store.search("", entity="Jokowi", outlet="Kompas")
        assert {(h.kind, h.article_id) for h in quotes} >= {("quote", "ikn"), ("article", "ikn")}
        with pytest.raises(InputError, match="mentions"):
            store.search("", entity="Nobody Here")
        with pytest.raises(InputError, match="until"):
            store.search("x", until="2023-13")
        with pytest.raises(InputError, match="sort"):
            store.search("x", sort="size")


def test_sorting_by_date_puts_the_latest_first(db: Path) -> None:
    with Store.open(db) as store:
        latest = [h.article_id for h in store.search("Jokowi", sort="date") if h.kind == "article"]
        assert latest == ["ikn", "budget", "dam"]
        days = [h.published for h in store.search("", outlet="Tempo", sort="date")]
        assert days == sorted(days, reverse=True)


def test_the_story_list_pages(client: TestClient) -> None:
    seen, page, url = [], None, "/?per_page=2&format=json"
    while url:
        page = client.get(url).json()
        seen += [s["id"] for s in page["stories"]]
        url = page["pager"]["next_href"] and page["pager"]["next_href"] + "&format=json"
    assert page is not None and page["pager"]["pages"] == 3 and page["pager"]["page"] == 3
    assert len(seen) == len(set(seen)) == page["story_count"] == 5
    assert page["pager"]["prev_href"] == "/?per_page=2&page=2"
    html = client.get("/?per_page=2&page=2").text
    assert 'rel="next" href="/?per_page=2&amp;page=3"' in html and "page 2 of 3" in html


@pytest.mark.parametrize(("query", "expected"), [
    ("outlet=Tempo", 2), ("entity=Jokowi", 3), ("entity=Jokowi&outlet=Kompas", 2), ("since=2023-10&until=2023-11", 2),
    ("until=2023-09-13", 1), ("min_size=2", 0), ("", 5)])
def test_the_story_list_filters(client: TestClient, query: str, expected: int) -> None:
    page = client.get(f"/?{query}&format=json").json()
    assert page["story_count"] == len(page["stories"]) == expected and not page["errors"]


@pytest.mark.parametrize("query", ["page=0", "page=x", "since=last%20week", "until=2023-02-30", "per_page=100000",
                                   "entity=Nobody%20Here"])
def test_bad_story_list_filters_are_explained(client: TestClient, query: str) -> None:
    r = client.get(f"/?{query}")
    assert r.status_code == 400 and 'class="error"' in r.text


def test_search_snippets_are_marked_up_and_escaped(client: TestClient) -> None:
    html = client.get("/search?q=banjir").text
    assert "<mark>Banjir</mark>" in html and "**" not in html
    assert "<script" not in html.lower() and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    hostile = client.get("/search?q=alert").text  # the match inside the markup: marked, still text
    assert "&lt;script&gt;<mark>alert</mark>(1)&lt;/script&gt;" in hostile and "<script" not in hostile.lower()
    view = client.get("/search?q=banjir&format=json").json()
    for hit in view["hits"]:
        assert "\ue000" not in hit["snippet"] and "**" not in hit["snippet"]
        assert all(p["text"].lower() == "banjir" for p in hit["snippet_parts"] if p["mark"])


def test_the_search_form_filters_and_sorts(client: TestClient) -> None:
    view = client.get("/search?q=Jokowi&outlet=Kompas&sort=date&format=json").json()
    assert [h["article_id"] for h in view["hits"] if h["kind"] == "article"] == ["ikn", "dam"]
    assert view["entity"] == {"name": "Joko Widodo", "href": "/entities/Joko%20Widodo"}
    html = client.get("/search?q=Jokowi&outlet=Kompas&sort=date").text
    assert '<option value="Kompas" selected>' in html and '<option value="date" selected>' in html
    only_filters = client.get("/search?entity=Henri&format=json").json()
    assert {h["article_id"] for h in only_filters["hits"]} == {"flood"}
    bad = client.get("/search?q=x&until=2023-13")
    assert bad.status_code == 400 and "until" in bad.text


def test_kliping_search_takes_the_finding_options(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "Jokowi", "--db", str(db), "--outlet", "Kompas", "--sort", "date", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert [h["article_id"] for h in hits if h["kind"] == "article"] == ["ikn", "dam"]
    assert all(h["snippet"][s:e] for h in hits for s, e in h["marks"])
    assert main(["search", "", "--db", str(db), "--entity", "Jokowi", "--until", "2023-09", "--json"]) == 0
    assert {h["article_id"] for h in json.loads(capsys.readouterr().out)} == {"dam", "budget"}
    assert main(["search", "x", "--db", str(db), "--until", "soon"]) == 2
    assert "--until" in capsys.readouterr().err


def test_alias_forms_reach_fts_only_as_quoted_phrases() -> None:
    forms = {"jokowi": ['Jokowi', 'Joko "Widodo" OR x*', "NEAR(a"]}
    match = fts_query('jokowi "bendungan baru" dam*', lambda name: forms.get(name.casefold(), []))
    assert match == '("Jokowi" OR "Joko Widodo OR x" OR "NEAR a") AND "bendungan baru" AND "dam"*'
    assert fts_query("Jokowi Jokowi " * 500, lambda name: ["Jokowi", "Joko Widodo"]) == '("Jokowi" OR "Joko Widodo")'


def test_unmark_takes_the_brackets_out() -> None:
    text, marks = unmark("a \ue000b\ue001 c \ue001 d \ue000e")
    assert text == "a b c  d e" and marks == [(2, 3)]


def test_short_capitals_name_an_entity_only_written_so(db: Path) -> None:
    with Store.open(db) as store:
        assert name_forms(store._conn, "us") == [] and name_forms(store._conn, "as") == []  # words, not countries
        assert {"US", "Amerika Serikat", "United States"} <= set(name_forms(store._conn, "US"))
        assert "US" not in name_forms(store._conn, "Amerika Serikat")  # "us" in a text is not the country
        assert name_forms(store._conn, "presiden") == []  # a title the annotator resolved is no alias
        assert name_forms(store._conn, "Jokowi") == name_forms(store._conn, "joko widodo")
