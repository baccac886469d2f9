"""The article store on the real sample articles: incremental stories equal batch ones, dedup, search, migrations."""

from __future__ import annotations

import json
import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from kliping import cli
from kliping.corpus.assemble import analyze_corpus
from kliping.errors import InputError, StoreError
from kliping.model import Article
from kliping.run.add import add_paths, stored_story
from kliping.store import Store, fts_query
from kliping.store_records import MAX_QUERY_TERMS, MIGRATIONS, time_budget

PESKOV_SEED = "003_04e3b211cc35a03e"


def _claims(story: Any) -> list[tuple[str, str]]:
    return sorted((c.status, c.text) for c in story.claims)


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory: pytest.TempPathFactory, seed_articles: dict[str, Article]) -> Path:
    """The five seeds, added one at a time, each by a fresh Store (the state goes through the file)."""
    db = tmp_path_factory.mktemp("store") / "seeds.db"
    for stem in sorted(seed_articles):
        with Store.open(db) as store:
            result = store.add([seed_articles[stem]])
            assert result.added == 1 and result.already == 0 and len(result.stories_touched) == 1
    return db


def test_adding_seeds_one_at_a_time_gives_the_stories_and_claims_of_analysing_them_together(
        seeds_db: Path, seed_articles: dict[str, Article]) -> None:
    together = analyze_corpus(list(seed_articles.values())).stories
    with Store.open(seeds_db) as store:
        rows = store.stories()
        stored = [stored_story(store, row.id) for row in rows]
    assert {frozenset(s.article_ids) for s in together} == {frozenset(s.article_ids) for s in stored if s}
    by_articles = {frozenset(s.article_ids): s for s in together}
    for story in stored:
        assert story is not None
        expected = by_articles[frozenset(story.article_ids)]
        assert _claims(story) == _claims(expected)
        assert story.to_dict() == expected.to_dict()  # the same ids too: both indexes number stories alike
        assert [e.article_ids for e in story.events] == [e.article_ids for e in expected.events]
        assert [s.text for s in story.summary] == [s.text for s in expected.summary]
    assert sum(r.article_count for r in rows) == 5


def test_reading_a_story_never_writes_to_the_store(seeds_db: Path) -> None:
    # A reader that wrote (a cache row) would queue behind any running add's transaction.
    before = seeds_db.read_bytes()
    with Store.open(seeds_db) as store:
        story_id = store.stories()[0].id
        first = stored_story(store, story_id)
        assert first is not None and stored_story(store, story_id) == first
        assert store.story_size(story_id) == len(first.article_ids) == 5
        assert stored_story(store, "no-such-story") is None and store.story_size("no-such-story") == 0
    assert seeds_db.read_bytes() == before
    with sqlite3.connect(seeds_db) as conn:
        assert conn.execute("SELECT count(*) FROM story_cache").fetchone() == (0,)


def test_the_same_article_twice_is_stored_once(tmp_path: Path, seeds_dir: Path,
                                               seed_articles: dict[str, Article]) -> None:
    seed = seed_articles[PESKOV_SEED]
    db = tmp_path / "k.db"
    with Store.open(db) as store:
        first = store.add([replace(seed, url="https://example.org/a")])
        # Same URL, another id and a slightly different body: the page was fetched twice.
        again = store.add([replace(seed, id="other", body=seed.body + " Tambahan.", url="https://example.org/a")])
        assert (first.added, again.added, again.already) == (1, 0, 1)
    # Same content under another file name.
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(seeds_dir / f"{PESKOV_SEED}.txt", folder / "copy.txt")
    shutil.copy(seeds_dir / f"{PESKOV_SEED}.txt", folder / "copy-2.txt")
    summary = add_paths([str(folder)], db)
    assert (summary.read, summary.added, summary.already, summary.stored) == (2, 0, 2, 1)
    # Rerunning the same add adds nothing.
    assert add_paths([str(seeds_dir)], db).added == 4
    assert add_paths([str(seeds_dir)], db).already == 5
    with Store.open(db) as store:
        assert store.article_count() == 5


def test_an_id_taken_by_another_article_gets_a_suffix(tmp_path: Path, seed_articles: dict[str, Article]) -> None:
    a, b = (seed_articles[s] for s in sorted(seed_articles)[:2])
    with Store.open(tmp_path / "k.db") as store:
        store.add([a, replace(b, id=a.id)])
        assert store.article_count() == 2
        renamed = store.article(f"{a.id}~2")
        assert renamed is not None and renamed.body == b.body
        assert [x.id for x in store.articles([f"{a.id}~2", "missing", a.id])] == [f"{a.id}~2", a.id]


def test_article_round_trips_through_the_store(seeds_db: Path, seed_articles: dict[str, Article]) -> None:
    with Store.open(seeds_db) as store:
        for stem, article in seed_articles.items():
            assert store.article(stem) == article
        assert store.article("nope") is None


def test_search_finds_an_article_by_a_body_word(seeds_db: Path) -> None:
    with Store.open(seeds_db) as store:
        hits = store.search("amunisi")
    assert any(h.kind == "article" and h.article_id == PESKOV_SEED for h in hits)
    hit = next(h for h in hits if h.article_id == PESKOV_SEED)
    assert ("amunisi", True) in [(text.lower(), marked) for text, marked in hit.parts()]  # the match, as offsets
    assert hit.title and hit.story_id


def test_search_finds_quotes_by_speaker(seeds_db: Path) -> None:
    with Store.open(seeds_db) as store:
        hits = store.search("perjanjian", speaker="Peskov")
        assert hits and all(h.kind == "quote" and h.speaker == "Dmitry Peskov" for h in hits)
        # A speaker's name alone finds their quotations too (the speaker column is indexed).
        assert any(h.kind == "quote" and h.speaker == "Dmitry Peskov" for h in store.search("Peskov"))
        assert store.search("", speaker="Peskov")  # every quote of a speaker
        assert ("Dmitry Peskov", 2) in store.speakers("dmi")
        said = store.quotes_by("Dmitry Peskov")
        assert said and all(q.speaker == "Dmitry Peskov" and q in a.quotes for q, a in said)


def test_search_filters_by_date_and_story(seeds_db: Path) -> None:
    with Store.open(seeds_db) as store:
        everywhere = store.search("Putin", limit=200)
        recent = store.search("Putin", since="2024-01-01", limit=200)
        assert recent and len(recent) < len(everywhere)
        assert all((h.published or "") >= "2024" for h in recent)
        story_id = everywhere[0].story_id
        assert all(h.story_id == story_id for h in store.search("Putin", story=story_id))
        assert store.search("Putin", story="no-such-story") == []
        for bad in ("last week", "2023-13", "2023-02-30", "2023-00"):  # a shape alone is not a date
            with pytest.raises(Exception, match="since"):
                store.search("Putin", since=bad)


@pytest.mark.parametrize("query", ['"', "OR (", "*", "NEAR(a b", "a AND", "-", "^x", "title:Putin", "'; DROP TABLE x",
                                   '"Putin', "Putin*", "(((", "\x00", "NOT", "", "   ", "Kim OR", "col : *"])
def test_hostile_queries_do_not_raise(seeds_db: Path, query: str) -> None:
    with Store.open(seeds_db) as store:
        hits = store.search(query)
    assert isinstance(hits, list)


def test_fts_query_quotes_every_word() -> None:
    assert fts_query('Putin OR (Kim* "Jong Un"') == '"Putin" "OR" "Kim"* "Jong Un"'
    assert fts_query('" * ( )') == ""


def test_a_query_cannot_make_search_slow(seeds_db: Path) -> None:
    # A word repeated 4,000 times (a 24 KB GET any web page can fire) took 87 s: each word or phrase now
    # counts once, at most MAX_QUERY_TERMS of them, and a statement past its budget is stopped.
    assert fts_query("Putin putin " * 2000) == '"Putin"'
    assert fts_query('Kim "Jong Un" kim "jong un"') == '"Kim" "Jong Un"'
    assert fts_query(" ".join(f"w{i}" for i in range(4000))).count('"') == 2 * MAX_QUERY_TERMS
    assert fts_query("korea " * 400) == '"korea"'  # cut at a word, never inside one ("kor")
    with Store.open(seeds_db) as store:
        assert store.search("Putin " * 4000, limit=200) == store.search("Putin", limit=200) != []
        with pytest.raises(InputError, match="budget"), time_budget(store._conn, 0.05, "the search"):
            store._conn.execute("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c)"
                                " SELECT count(*) FROM (SELECT x FROM c LIMIT 1000000000)").fetchone()
        assert store.search("Putin", limit=1)  # the handler is gone: later statements run whole


def test_migrations_are_recorded_and_applied_once(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    Store.open(db).close()
    with sqlite3.connect(db) as conn:
        first = conn.execute("SELECT version, applied_at FROM schema_version").fetchall()
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert [v for v, _ in first] == [v for v, _ in MIGRATIONS]
    with Store.open(db) as store:
        assert store.schema_version() == MIGRATIONS[-1][0]
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT version, applied_at FROM schema_version").fetchall() == first
        conn.execute("INSERT INTO schema_version VALUES (999, 'later')")
    with pytest.raises(StoreError, match="newer"):
        Store.open(db)


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_text("not sqlite " * 100, encoding="utf-8")
    with pytest.raises(StoreError):
        Store.open(bogus)
    with pytest.raises(StoreError, match="no database"):
        Store.open(tmp_path / "missing.db", create=False)


def test_cli_add_search_stories_show_and_analyze_from_the_store(
        tmp_path: Path, seeds_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "k.db")
    assert cli.main(["add", str(seeds_dir), str(tmp_path / "missing.txt"), "--db", db]) == 0
    err = capsys.readouterr().err
    assert "5 added" in err and "skipped" in err
    assert cli.main(["add", str(tmp_path / "missing.txt"), "--db", db]) == 1
    assert cli.main(["stories", "--db", db, "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 1 and rows[0]["article_count"] == 5
    assert cli.main(["search", "Peskov", "--db", db, "--json"]) == 0
    assert any(h["speaker"] == "Dmitry Peskov" for h in json.loads(capsys.readouterr().out))
    assert cli.main(["search", "Peskov", "--db", db]) == 0
    assert "Peskov" in capsys.readouterr().out
    assert cli.main(["show", rows[0]["id"], "--db", db]) == 0
    out = capsys.readouterr().out
    assert rows[0]["title"][:20] in out and "contested" in out and "Sources" in out
    assert "Vladimir Putin" in out.split("Claims", 1)[1].split("Quotes", 1)[0]  # a claim's source, named
    assert cli.main(["show", rows[0]["id"], "--db", db, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["claims"]
    assert cli.main(["show", "nope", "--db", db]) == 2
    assert cli.main(["search", "x", "--db", str(tmp_path / "none.db")]) == 2
    assert not (tmp_path / "none.db").exists()
    assert cli.main(["analyze"]) == 2
    out_dir = tmp_path / "out"
    assert cli.main(["analyze", "--db", db, "--out", str(out_dir)]) == 0
    dossier = json.loads((out_dir / "dossier.json").read_text("utf-8"))
    assert len(dossier["articles"]) == 5 and len(dossier["stories"]) == 1 and dossier["stories"][0]["claims"]
    assert len((out_dir / "articles.jsonl").read_text("utf-8").splitlines()) == 5
    assert (out_dir / "index.html").stat().st_size > 10_000


def test_terminal_output_escapes_article_text(tmp_path: Path, seed_articles: dict[str, Article],
                                              capsys: pytest.CaptureFixture[str]) -> None:
    seed = seed_articles[PESKOV_SEED]
    hostile = replace(seed, id="hostile", title="[bold red]Judul[/bold red] [link=x]", source="h.txt",
                      body=seed.body + " [/] [red]amunisi")
    db = str(tmp_path / "k.db")
    with Store.open(db) as store:
        store.add([hostile])
        story_id = store.stories()[0].id
    assert cli.main(["search", "amunisi", "--db", db]) == 0
    assert cli.main(["show", story_id, "--db", db]) == 0
    assert cli.main(["stories", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "[bold red]Judul[/bold red]" in out
