"""The store's grouping state in versioned formats (no pickle): a saved story index or rolling grouper goes on
exactly as the one it was saved from, malformed bytes are refused in words, and a store of schema 1-2 (its
story state pickled, or in the story-index format) is regrouped once, on opening it for writing, by the
rolling grouper: the stories of a store that got the same articles with today's code."""

from __future__ import annotations

import base64
import json
import pickle
import sqlite3
import zlib
from pathlib import Path
from typing import Any

import pytest

from kliping import cli
from kliping.corpus.dedup import DuplicateIndex
from kliping.corpus.rolling import GROUPER_FORMAT, GROUPER_VERSION, RollingGrouper, article_keys
from kliping.corpus.stories import STATE_FORMAT, STATE_VERSION, StoryIndex
from kliping.errors import StoreFailed
from kliping.model import Article, RawDocument
from kliping.pipeline import process
from kliping.run.add import stored_story
from kliping.store import Store
from kliping.store_records import MIGRATIONS

# Made-up reports (written for this test): a follow-up to the seeds' story, and a flood story told twice.
MADE_UP = {
    "mu-pact": ("Kremlin Kembali Bantah Perjanjian Militer dengan Korea Utara",
                "Moskow, 26 September 2023 - Juru bicara Kremlin Dmitry Peskov kembali menegaskan bahwa "
                "Presiden Rusia Vladimir Putin tidak menandatangani perjanjian militer dengan pemimpin "
                "Korea Utara Kim Jong Un. \"Tidak ada dokumen yang diteken,\" kata Peskov kepada wartawan."),
    "mu-flood-1": ("Banjir Rendam Ratusan Rumah di Kabupaten Sukamaju",
                   "Sukamaju, 3 Februari 2024 - Banjir setinggi satu meter merendam ratusan rumah warga di "
                   "Kabupaten Sukamaju setelah Sungai Cilimus meluap. Bupati Sukamaju Hendra Wiratama "
                   "mengatakan posko pengungsian dibuka di balai desa. \"Kami kirim perahu karet,\" ujarnya."),
    "mu-flood-2": ("Bupati Hendra Wiratama Tinjau Korban Banjir Sungai Cilimus",
                   "Sukamaju, 4 Februari 2024 - Bupati Sukamaju Hendra Wiratama meninjau pengungsi banjir "
                   "Sungai Cilimus di balai desa. Air mulai surut, namun ratusan rumah di Kabupaten Sukamaju "
                   "masih terendam lumpur. Pemerintah kabupaten menyiapkan bantuan beras dan selimut."),
    "mu-chess": ("Pecatur Muda Raih Gelar Grandmaster",
                 "Yogyakarta, 12 Maret 2024 - Pecatur berusia enam belas tahun, Laras Paramitha, meraih "
                 "gelar grandmaster setelah menang di babak terakhir turnamen catur terbuka Yogyakarta."),
    # Shares the regency with the flood story, so that story is scored (its profile cached) but not joined.
    "mu-food": ("Festival Kuliner Digelar di Alun-alun Sukamaju",
                "Sukamaju, 20 Juni 2024 - Festival kuliner tahunan digelar di alun-alun Kabupaten Sukamaju "
                "selama tiga hari. Puluhan pedagang menjajakan sate, soto dan aneka kue tradisional."),
}


@pytest.fixture(scope="module")
def made_up() -> list[Article]:
    return [process(RawDocument(source=f"made-up/{stem}.txt", id=stem, text=f"{title}\n\n{body}", format="text",
                                headline_first=True)) for stem, (title, body) in MADE_UP.items()]


def _grown(articles: list[Article]) -> StoryIndex:
    index = StoryIndex()
    for article in articles:
        index.add(article)
    return index


def _halves(seed_articles: dict[str, Article], made_up: list[Article]) -> tuple[list[Article], list[Article]]:
    """Articles to add before saving (after them a story holds a cached profile), and the ones to add after."""
    seeds = list(seed_articles.values())
    pact, flood, flood_again, chess, food = made_up
    return [seeds[0], flood, seeds[1], seeds[2], food], [seeds[3], pact, flood_again, seeds[4], chess, seeds[0]]


def test_a_saved_index_goes_on_exactly_as_the_one_it_was_saved_from(
        seed_articles: dict[str, Article], made_up: list[Article]) -> None:
    first, later = _halves(seed_articles, made_up)
    original = _grown(first)
    assert [s.id for s in original._stories.values() if s.cache is not None] == ["s2"]  # the flood story's
    data = original.to_bytes()
    assert data.startswith(json.dumps({"format": STATE_FORMAT, "version": STATE_VERSION}).encode() + b"\n")
    restored = StoryIndex.from_bytes(data)
    assert restored.to_state() == original.to_state() and restored.to_bytes() == data
    assert restored._stories["s2"].cache == original._stories["s2"].cache  # the very floats, not recomputed
    assert restored.stories() == original.stories()
    assert [restored.add(a) for a in later] == [original.add(a) for a in later]
    assert restored.stories() == original.stories()
    ids = [a.id for a in first + later]
    assert [restored.story_of(i) for i in ids] == [original.story_of(i) for i in ids]
    assert restored.to_bytes() == original.to_bytes()  # caches, counts, postings: all the same
    # What the articles are: the seeds and the Kremlin follow-up one story, the flood reports another.
    story_of = {i: original.story_of(i) for i in ids}
    assert len({story_of[i] for i in seed_articles}) == 1 and story_of["mu-pact"] == story_of[first[0].id]
    assert story_of["mu-flood-1"] == story_of["mu-flood-2"] and len(set(story_of.values())) == 4


def _packed(state: Any) -> bytes:
    """``state`` (or, given bytes, those bytes) written as the format would, whatever it holds."""
    body = state if isinstance(state, bytes) else json.dumps(state).encode("utf-8")
    return b'{"format": "kliping-story-index", "version": 1}\n' + zlib.compress(body)


def _cases(good: bytes, state: dict[str, Any]) -> list[tuple[bytes, str]]:
    story = state["stories"][0]
    return [
        (b"", "header is missing"),
        (pickle.dumps(StoryIndex.from_bytes(good)), "header is missing"),
        (good[:len(good) // 2], "cut short"),
        (good + b"extra", "bytes follow"),
        (good.replace(b'"version": 1', b'"version": 7'), "version 7 is not 1"),
        (good.replace(b"kliping-story-index", b"kliping-story-other"), "header is missing"),
        (good[:good.index(b"\n") + 1] + b"not zlib at all", "not zlib"),
        (_packed(b"[" * 100_000), "not JSON"),
        (_packed(b'{"params": NaN}'), "NaN is not a number"),
        (_packed([1, 2, 3]), "'params' is missing"),
        (_packed({**state, "n_docs": -1}), "'n_docs' must not be negative"),
        (_packed({**state, "n_docs": "916"}), "'n_docs' must be an int"),
        (_packed({**state, "df": {"e:putin": 0}}), "df must map keys to positive counts"),
        (_packed({**state, "postings": {"e:putin": "s1"}}), "postings must map keys to lists"),
        (_packed({**state, "by_last": [[738000]]}), "by_last must hold"),
        (_packed({**state, "created": 0}), "numbered past the 0 created"),
        (_packed({**state, "stories": [story, story]}), "given twice"),
        (_packed({**state, "stories": [{**story, "articles": story["articles"] * 2}]}), "ids, once each"),
        (_packed({**state, "stories": [story, {**state["stories"][1], "articles": story["articles"]}]}),
         "is in two stories"),
        (_packed({**state, "stories": [{**story, "cache": [story["cache"][0], 1.0, "AAAA", 1.0]}]}),
         "term weights must hold"),
        (_packed({**state, "stories": [{**story, "cache": ["!!", 1.0, story["cache"][2], 1.0]}]}), "not base64"),
        (_packed({**state, "params": {**state["params"], "threshold": None}}), "'threshold' must be a number"),
        (_packed({**state, "n_docs": 1e999}), "Infinity is not a number"),
        (good[:good.index(b"\n") + 1] + zlib.compress(b" " * 50_000_000), "inflates past"),
    ]


def test_malformed_bytes_are_refused_saying_what_is_wrong(seed_articles: dict[str, Article],
                                                         made_up: list[Article]) -> None:
    index = _grown(_halves(seed_articles, made_up)[0])
    good = index.to_bytes()
    state = json.loads(json.dumps(index.to_state()))
    state["stories"].sort(key=lambda story: story["cache"] is None)  # the cached one first
    assert state["stories"][0]["cache"] is not None
    for data, problem in _cases(good, state):
        with pytest.raises(ValueError, match=problem):
            StoryIndex.from_bytes(data)


def _rolled(articles: list[Article], window_days: int = 30) -> RollingGrouper:
    grouper = RollingGrouper(window_days=window_days)
    for article in articles:
        grouper.add(article_keys(article))
    return grouper


def test_a_saved_rolling_grouper_goes_on_exactly_as_the_one_it_was_saved_from(
        seed_articles: dict[str, Article], made_up: list[Article]) -> None:
    # Two-day windows: the made-up articles span months, so the saved grouper holds a previous window too.
    first, later = _halves(seed_articles, made_up)
    original = _rolled(first, window_days=2)
    data = original.to_bytes()
    assert data.startswith(json.dumps({"format": GROUPER_FORMAT, "version": GROUPER_VERSION}).encode() + b"\n")
    restored = RollingGrouper.from_bytes(data)
    assert restored.to_bytes() == data and restored.window_pairs() == original.window_pairs()
    for article in later:
        keys = article_keys(article)
        assert restored.add(keys) == original.add(keys)
        assert restored.take_duplicates() == original.take_duplicates()
    assert restored.window_pairs() == original.window_pairs()
    assert restored.to_bytes() == original.to_bytes()
    assert restored.finish() == original.finish()


def test_malformed_grouper_bytes_are_refused_saying_what_is_wrong(
        seed_articles: dict[str, Article], made_up: list[Article]) -> None:
    good = _rolled(_halves(seed_articles, made_up)[0]).to_bytes()
    state = json.loads(zlib.decompress(good[good.index(b"\n") + 1:]))

    def packed(value: Any) -> bytes:
        return good[:good.index(b"\n") + 1] + zlib.compress(json.dumps(value).encode("utf-8"))

    some_id = next(iter(state["rep"]))
    for data, problem in [
        (good.replace(b"kliping-rolling-grouper", b"kliping-story-index"), "header is missing"),
        (packed({**state, "window_days": 0}), "'window_days' must be positive"),
        (packed({**state, "rep": {some_id: 7}}), "'rep' must map article ids"),
        (packed({**state, "rep": {}}), "exactly the articles in the windows"),
        (packed({**state, "pairs": [["a"]]}), "'pairs' must hold"),
        (packed({**state, "current": "!!"}), "'current'"),
        (packed({**state, "current": base64.b64encode(b"not an npz").decode()}), "'current': not a serialised"),
        (packed({**state, "stories": {**state["stories"], "n_docs": -1}}), "'n_docs' must not be negative"),
    ]:
        with pytest.raises(ValueError, match=problem):
            RollingGrouper.from_bytes(data)


def _seeds_store(path: Path, articles: list[Article]) -> Path:
    with Store.open(path) as store:
        store.add(articles)
    return path


def test_a_store_with_a_malformed_state_says_so_in_one_line(
        tmp_path: Path, seed_articles: dict[str, Article], seeds_dir: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    seeds = list(seed_articles.values())
    db = _seeds_store(tmp_path / "k.db", seeds[:3])
    with sqlite3.connect(db) as conn:
        value = conn.execute("SELECT value FROM state WHERE key = 'grouper'").fetchone()[0]
        conn.execute("UPDATE state SET value = ? WHERE key = 'grouper'", (value[:-40],))
    conn.close()
    with Store.open(db) as store, pytest.raises(StoreFailed, match="grouper state .* cannot be read .*cut short"):
        store.add(seeds[3:])
    code = cli.main(["add", str(seeds_dir), "--db", str(db)])
    err = capsys.readouterr().err
    assert code == cli.EXIT_STORE and err.count("\n") == 1 and "Traceback" not in err
    assert "cannot be read" in err and "--repair" in err
    with Store.open(db) as store:  # reading does not need the state: stories and search still work
        assert store.article_count() == 3 and store.stories() and store.search("Putin")


def _legacy(db: Path, articles: list[Article], *, schema: int, pickled: bool) -> None:
    """Make ``db`` (holding ``articles``, added in this order) what kliping wrote before schema 3: stories from
    a StoryIndex fed in arrival order (pickled before schema 2), duplicates in one DuplicateIndex, no keys."""
    index = _grown(articles)
    duplicates = DuplicateIndex()
    for article in articles:
        duplicates.add(article.id, article.body)
    stories = pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL) if pickled else index.to_bytes()
    with sqlite3.connect(db) as conn:
        conn.execute("DROP TABLE duplicates")
        conn.execute("DROP TABLE article_keys")
        conn.execute("DROP INDEX articles_day_id")
        conn.execute("DELETE FROM state WHERE key IN ('grouper', 'grouped_last', 'regroups')")
        conn.executemany("INSERT INTO state VALUES (?, ?)", [("stories", stories),
                                                              ("duplicates", duplicates.to_bytes())])
        conn.executemany("UPDATE articles SET story_id = ? WHERE id = ?",
                         [(index.story_of(a.id), a.id) for a in articles])
        conn.execute("DELETE FROM schema_version WHERE version > ?", (schema,))
    conn.close()


@pytest.mark.parametrize(("schema", "pickled"), [(1, True), (2, False)])
def test_an_older_store_is_regrouped_once_on_opening_for_writing(
        tmp_path: Path, seed_articles: dict[str, Article], made_up: list[Article], schema: int, pickled: bool) -> None:
    first, later = _halves(seed_articles, made_up)
    articles = first + later[:-1]  # the last of ``later`` repeats a seed
    fresh = _seeds_store(tmp_path / "fresh.db", articles)
    old = _seeds_store(tmp_path / "old.db", articles)
    _legacy(old, articles, schema=schema, pickled=pickled)
    with Store.open(old) as store:
        assert store.schema_version() == MIGRATIONS[-1][0]
    with Store.open(old) as converted, Store.open(fresh) as today:
        assert converted.stories() == today.stories()
        assert [converted.story_of(a.id) for a in articles] == [today.story_of(a.id) for a in articles]
        assert converted.duplicate_groups() == today.duplicate_groups()
        assert [stored_story(converted, s) for s in converted.story_ids()] == [
            stored_story(today, s) for s in today.story_ids()]
        assert converted.add([made_up[1], articles[0]]).already == 2  # still known: nothing stored twice
    with sqlite3.connect(old) as conn:  # converted once: schema 3 recorded once, the old state gone
        assert conn.execute("SELECT count(*) FROM schema_version WHERE version = 3").fetchone() == (1,)
        assert conn.execute("SELECT count(*) FROM state WHERE key IN ('stories', 'duplicates')").fetchone() == (0,)
    conn.close()


def test_an_old_store_that_cannot_be_written_is_still_read(
        tmp_path: Path, seed_articles: dict[str, Article], monkeypatch: pytest.MonkeyPatch) -> None:
    articles = list(seed_articles.values())
    db = _seeds_store(tmp_path / "old.db", articles)
    _legacy(db, articles, schema=1, pickled=True)
    before = db.read_bytes()
    monkeypatch.setattr("kliping.store.os.access", lambda path, mode: False)  # a read-only folder
    with Store.open(db, create=False, write=False) as store:
        assert store.schema_version() == 1 and store.article_count() == 5
        assert [len(stored_story(store, row.id).article_ids) for row in store.stories()] == [5]  # type: ignore[union-attr]
        assert store.duplicate_groups() == []
    assert db.read_bytes() == before
