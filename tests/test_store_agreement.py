"""One grouper for every path: `kliping analyze DIR` and `kliping add DIR --db` + `kliping analyze --db` give the same
dossier on the 916-article mixed corpus, and a store fed one article at a time, in any order, comes to the stories of
all of them added at once (issue 13)."""

from __future__ import annotations

import json
import random
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from kliping import cli, store_grouping
from kliping.corpus.assemble import analyze_corpus
from kliping.errors import StoreFailed
from kliping.model import Article
from kliping.run.add import store_dossier
from kliping.store import Store

MIXED = Path(__file__).resolve().parent / "fixtures" / "corpus" / "mixed.jsonl"


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """The mixed corpus through `analyze DIR` (A) and through `add` + `analyze --db` (B), and B's store."""
    root = tmp_path_factory.mktemp("agree")
    assert cli.main(["analyze", str(MIXED), "--out", str(root / "a")]) == 0
    assert cli.main(["add", str(MIXED), "--db", str(root / "k.db")]) == 0
    assert cli.main(["analyze", "--db", str(root / "k.db"), "--out", str(root / "b")]) == 0
    return root / "a", root / "b", root / "k.db"


def _dossier(folder: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((folder / "dossier.json").read_text("utf-8"))
    del data["generated_at"]
    return data


def test_analyze_and_add_then_analyze_db_give_the_same_dossier_at_size(both: tuple[Path, Path, Path]) -> None:
    a, b, _ = both
    run, stored = _dossier(a), _dossier(b)
    assert len(run["articles"]) == 916
    multi = [s for s in run["stories"] if len(s["article_ids"]) > 1]
    assert len(multi) > 40  # something to agree on
    assert [s["id"] for s in stored["stories"]] == [s["id"] for s in run["stories"]]
    assert stored["duplicates"] == run["duplicates"]
    for mine, theirs in zip(stored["stories"], run["stories"], strict=True):
        assert mine == theirs  # articles, events, claims and their statuses, timeline, quotes, summary
    assert stored == run
    assert (b / "articles.jsonl").read_bytes() == (a / "articles.jsonl").read_bytes()
    # The page too: the biggest stories, their articles and copies. Only the source label differs: the store
    # keeps an article's URL, which articles.jsonl (analyze's page reads it back) has no field for.
    assert _page(b) == _page(a) and "Vladimir Putin" in _page(a)


def _page(folder: Path) -> str:
    text = (folder / "index.html").read_text("utf-8")
    return re.sub(r" · source [^<]*</span>", "</span>", re.sub(r"20\d\d-\d\d-\d\dT[\d:+]+", "", text))


def _biggest_stories(a: Path, articles: int) -> list[Article]:
    """The articles of the biggest stories of run A, about ``articles`` of them, in input order."""
    run = _dossier(a)
    wanted: set[str] = set()
    for story in run["stories"]:
        if len(wanted) >= articles:
            break
        wanted.update(story["article_ids"])
    lines = (a / "articles.jsonl").read_text("utf-8").splitlines()
    return [art for art in (Article.from_dict(json.loads(line)) for line in lines) if art.id in wanted]


def test_one_article_at_a_time_in_any_order_gives_the_stories_of_all_at_once(
        both: tuple[Path, Path, Path], tmp_path: Path) -> None:
    articles = _biggest_stories(both[0], 120)
    with Store.open(tmp_path / "together.db") as store:
        store.add(articles)
        together = store_dossier(store)
    assert len(together["articles"]) == len(articles) >= 120
    assert together["stories"] == [s.to_dict() for s in analyze_corpus(articles).stories]
    shuffled = list(articles)
    random.Random(13).shuffle(shuffled)
    with Store.open(tmp_path / "one.db") as store:
        for article in shuffled:  # each add its own transaction and grouper load: news in no particular order
            store.add([article])
        assert store.regroups() > 10 and not store.stale()
        one_by_one = store_dossier(store)
    assert one_by_one["stories"] == together["stories"]
    assert one_by_one["duplicates"] == together["duplicates"]


def test_a_killed_add_leaves_its_regroup_to_the_next_add_or_analyze_db(
        both: tuple[Path, Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    articles = _biggest_stories(both[0], 60)
    latest_first = sorted(articles, key=lambda a: a.published or "", reverse=True)
    with Store.open(tmp_path / "k.db") as store:
        monkeypatch.setattr(Store, "settle", lambda self: False)  # each add killed before its end
        for article in latest_first:
            store.add([article])
        assert store.stale()
        monkeypatch.undo()
    assert cli.main(["analyze", "--db", str(tmp_path / "k.db"), "--out", str(tmp_path / "out")]) == 0
    with Store.open(tmp_path / "k.db") as store:
        assert not store.stale()
    assert _dossier(tmp_path / "out")["stories"] == [s.to_dict() for s in analyze_corpus(articles).stories]


def test_a_batch_rolled_back_leaves_no_trace_in_the_grouping_kept_in_memory(
        both: tuple[Path, Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The grouper is kept in memory between batches; a batch that fails after grouping some articles must not
    # leave them in it (the next add of the same Store would build on articles the database does not hold).
    articles = _biggest_stories(both[0], 40)
    first, second = articles[: len(articles) // 2], articles[len(articles) // 2 :]
    with Store.open(tmp_path / "clean.db") as store:
        store.add(first)
        store.add(second)
        expected = store_dossier(store)
    with Store.open(tmp_path / "k.db") as store:
        store.add(first)
        save = store_grouping.save

        def disk_full(*args: Any) -> None:
            raise sqlite3.OperationalError("database or disk is full")

        monkeypatch.setattr(store_grouping, "save", disk_full)
        with pytest.raises(StoreFailed):
            store.add(second)
        monkeypatch.setattr(store_grouping, "save", save)
        assert store.article_count() == len(first)
        store.add(second)
        assert store_dossier(store)["stories"] == expected["stories"]
