"""The store's story state in the story-index format (no pickle): a saved index goes on exactly as the one
it was saved from, malformed bytes are refused in words, and a store whose state is still pickled (as
before schema 2) is converted once, on opening it for writing, to the same stories."""

from __future__ import annotations

import json
import pickle
import sqlite3
import zlib
from collections import deque
from pathlib import Path
from typing import Any

import pytest

from kliping import cli
from kliping.corpus.stories import STATE_FORMAT, STATE_VERSION, StoryIndex
from kliping.errors import StoreFailed
from kliping.model import Article, RawDocument
from kliping.pipeline import process
from kliping.store import Store
from kliping.store_records import MIGRATIONS, load_pickled_stories

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


def _seeds_store(path: Path, articles: list[Article]) -> Path:
    with Store.open(path) as store:
        store.add(articles)
    return path


def _set_state(db: Path, value: bytes) -> None:
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE state SET value = ? WHERE key = 'stories'", (value,))
    conn.close()


def test_a_store_with_a_malformed_state_says_so_in_one_line(
        tmp_path: Path, seed_articles: dict[str, Article], seeds_dir: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    seeds = list(seed_articles.values())
    db = _seeds_store(tmp_path / "k.db", seeds[:3])
    _set_state(db, _state_and_schema(db)[0][:-40])
    with Store.open(db) as store, pytest.raises(StoreFailed, match="stories state .* cannot be read .*cut short"):
        store.add(seeds[3:])
    code = cli.main(["add", str(seeds_dir), "--db", str(db)])
    err = capsys.readouterr().err
    assert code == cli.EXIT_STORE and err.count("\n") == 1 and "Traceback" not in err
    assert "cannot be read" in err and "--repair" in err
    with Store.open(db) as store:  # reading does not need the state: stories and search still work
        assert store.article_count() == 3 and store.stories() and store.search("Putin")


def _legacy(db: Path, pickled: bytes) -> None:
    """Make ``db`` what kliping wrote before schema 2: the story state pickled, schema 1 recorded."""
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE state SET value = ? WHERE key = 'stories'", (pickled,))
        conn.execute("DELETE FROM schema_version WHERE version > 1")
    conn.close()


def _state_and_schema(db: Path) -> tuple[bytes, int]:
    with sqlite3.connect(db) as conn:
        value = conn.execute("SELECT value FROM state WHERE key = 'stories'").fetchone()[0]
        version = conn.execute("SELECT max(version) FROM schema_version").fetchone()[0]
    conn.close()
    return value, version


def test_a_pickled_store_is_converted_once_on_opening_for_writing_and_goes_on_alike(
        tmp_path: Path, seed_articles: dict[str, Article], made_up: list[Article]) -> None:
    first, later = _halves(seed_articles, made_up)
    fresh = _seeds_store(tmp_path / "fresh.db", first)
    old = _seeds_store(tmp_path / "old.db", first)
    index = StoryIndex.from_bytes(_state_and_schema(old)[0])
    _legacy(old, pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL))
    assert _state_and_schema(old)[1] == 1
    with Store.open(old) as store:
        value, version = _state_and_schema(old)
        assert version == MIGRATIONS[-1][0] == 2 and not value.startswith(b"\x80")
        assert StoryIndex.from_bytes(value).to_bytes() == index.to_bytes()  # the same index, no longer pickled
        assert store.add(later).stories_touched
    with Store.open(fresh) as store:
        store.add(later)
    with Store.open(old) as converted, Store.open(fresh) as never_pickled:
        assert converted.stories() == never_pickled.stories()
        assert [converted.story_of(a.id) for a in first + later] == [never_pickled.story_of(a.id)
                                                                      for a in first + later]
    assert _state_and_schema(old)[0] == _state_and_schema(fresh)[0]
    with sqlite3.connect(old) as conn:  # converted once: schema 2 recorded once
        assert conn.execute("SELECT count(*) FROM schema_version WHERE version = 2").fetchone() == (1,)
    conn.close()


def test_a_state_pickled_by_an_older_kliping_still_converts(seed_articles: dict[str, Article]) -> None:
    # The first stores pickled postings as deques and had no df_cap, _created, _by_last... fields.
    index = _grown(list(seed_articles.values()))
    old = StoryIndex.__new__(StoryIndex)
    old.__dict__.update({k: v for k, v in vars(index).items()
                         if k not in ("df_cap", "_df_floor", "_created", "_by_last", "_closed_since_sweep")})
    old.postings = {key: deque(ids) for key, ids in index.postings.items()}
    converted = load_pickled_stories(pickle.dumps(old)).to_state()
    expected = index.to_state()
    assert converted.pop("by_last") == [(s.last, s.id) for s in index._stories.values()]  # rebuilt: each story's last
    del expected["by_last"]
    assert converted == expected
    with pytest.raises(ValueError, match="unexpected builtins.dict"):  # only the index's own classes load
        load_pickled_stories(pickle.dumps(_CallsAnotherClass()))
    with pytest.raises(ValueError, match="not a StoryIndex"):
        load_pickled_stories(pickle.dumps([1, 2]))


class _CallsAnotherClass:
    """Pickles as a call of a class the story state never holds (here the harmless dict)."""
    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return (dict, ((("a", 1),),))


def test_an_old_store_that_cannot_be_written_is_still_read(
        tmp_path: Path, seed_articles: dict[str, Article], monkeypatch: pytest.MonkeyPatch) -> None:
    db = _seeds_store(tmp_path / "old.db", list(seed_articles.values()))
    index = StoryIndex.from_bytes(_state_and_schema(db)[0])
    _legacy(db, pickle.dumps(index))
    before = db.read_bytes()
    monkeypatch.setattr("kliping.store.os.access", lambda path, mode: False)  # a read-only folder
    with Store.open(db, create=False, write=False) as store:
        assert store.schema_version() == 1 and store.article_count() == 5
        assert [len(store.story(row.id).article_ids) for row in store.stories()] == [5]  # type: ignore[union-attr]
    assert db.read_bytes() == before
