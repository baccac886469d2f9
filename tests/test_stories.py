"""Stories: the sample is one story in any order, unrelated news stays apart, B-cubed, quality floor."""

from __future__ import annotations

import itertools
import json
import pickle
from pathlib import Path
from typing import Any

import pytest

from kliping.corpus.assemble import group
from kliping.corpus.stories import StoryIndex
from kliping.eval_corpus import bcubed, pairs
from kliping.model import Article, RawDocument
from kliping.pipeline import extract, process

CORPUS = Path(__file__).resolve().parent / "fixtures" / "corpus"
STORY_F1_FLOOR = 0.92  # pinned under the measured 0.94 (SPEC asks 0.90): a drop is a bug
# Real articles from the mixed corpus on other news: Jakarta politics (MPR, online transport) and sport.
UNRELATED = ("1490674536-mustahil-transportasi-tradisional-dan-online-bersa",
             "1514112565-hasil-real-madrid-vs-barcelona",
             "1479083453-ronaldo-tak-kesulitan-main-hingga-usia-41")


def _mixed(tmp: Path, ids: set[str]) -> list[Article]:
    """The mixed corpus's articles with these ids, read and annotated by the pipeline."""
    path = CORPUS / "mixed.jsonl"
    if not path.exists():
        pytest.skip("mixed corpus not built")
    lines = [line for line in path.read_text("utf-8").splitlines() if line and json.loads(line)["id"] in ids]
    subset = tmp / "subset.jsonl"
    subset.write_text("\n".join(lines) + "\n", "utf-8")
    return [a for a in extract([str(subset)]) if isinstance(a, Article)]


def test_sample_is_one_story(seed_articles: dict[str, Article], gold: dict[str, Any]) -> None:
    stories = [c.article_ids for c in group(seed_articles.values()).stories]
    assert [sorted(s) for s in stories] == [sorted(s) for s in gold["stories"]]


def test_incremental_add_in_any_order_gives_the_same_partition(seed_articles: dict[str, Article]) -> None:
    for order in itertools.permutations(seed_articles.values()):
        index = StoryIndex()
        ids = {index.add(a) for a in order}
        assert ids == {"s1"}
        assert sorted(index.stories()[0]) == sorted(seed_articles)


def test_index_survives_pickling_and_keeps_adding(seed_articles: dict[str, Article]) -> None:
    arts = list(seed_articles.values())
    index = StoryIndex()
    for a in arts[:3]:
        index.add(a)
    restored: StoryIndex = pickle.loads(pickle.dumps(index))
    assert [restored.add(a) for a in arts[3:]] == ["s1", "s1"]
    assert restored.add(arts[0]) == "s1"  # adding an article twice keeps it where it is
    assert len(restored.stories()[0]) == 5


def test_unrelated_articles_start_their_own_stories(seed_articles: dict[str, Article], tmp_path: Path) -> None:
    others = _mixed(tmp_path, set(UNRELATED))
    assert len(others) == len(UNRELATED)
    index = StoryIndex()
    for a in [*seed_articles.values(), *others]:
        index.add(a)
    stories = index.stories()
    assert sorted(stories[0]) == sorted(seed_articles)
    assert sorted(len(s) for s in stories[1:]) == [1] * len(UNRELATED)


def test_bcubed_on_hand_cases() -> None:
    gold = [["a", "b", "c"], ["d"]]
    assert bcubed(gold, gold) == (1.0, 1.0, 1.0)
    p, r, f = bcubed([["a", "b", "c", "d"]], gold)  # everything merged: recall stays whole
    assert (round(p, 4), r) == (0.625, 1.0)
    p, r, f = bcubed([["a"], ["b"], ["c"], ["d"]], gold)  # all apart: precision stays whole
    assert (p, round(r, 4)) == (1.0, 0.5)
    p, r, f = bcubed([["a", "b"], ["c", "d"]], gold)
    assert (round(p, 4), round(r, 4), round(f, 4)) == (0.75, 0.6667, 0.7059)
    # gold items the prediction forgot are singletons; extra predicted items are ignored
    assert bcubed([["a", "b", "c", "x"]], gold) == (1.0, 1.0, 1.0)


def test_pairs_and_multi_article_bcubed_cannot_hide_a_split_story() -> None:
    # One story of four articles beside twenty single-article stories, split in two.
    gold = [["a", "b", "c", "d"]] + [[f"s{k}"] for k in range(20)]
    split = [["a", "b"], ["c", "d"]] + [[f"s{k}"] for k in range(20)]
    assert bcubed(split, gold)[2] > 0.9  # the singletons make the whole look fine …
    p, r, _ = bcubed(split, gold, multi_only=True)
    assert (p, r) == (1.0, 0.5)  # … the multi-article story is half found
    p, r, f = pairs(split, gold)
    assert (p, round(r, 4)) == (1.0, 0.3333)  # 2 of its 6 pairs
    merged = [["a", "b", "c", "d", "s0", "s1"]] + [[f"s{k}"] for k in range(2, 20)]
    p, r, _ = pairs(merged, gold)
    assert (round(p, 4), r) == (0.4, 1.0)  # 6 right of 15 put together
    assert pairs([["x"]], [["y"]]) == (0.0, 0.0, 0.0)  # no pairs at all: nothing to claim


def test_a_split_is_scored_against_whole_predicted_stories() -> None:
    # Two stories of one split, one of the other; a dev story merged with the test story is a wrong merge
    # for the dev half, though both of its own stories are whole there.
    gold = [["d1", "d2"], ["d3", "d4"], ["t1", "t2"]]
    merged = [["d1", "d2", "t1", "t2"], ["d3", "d4"]]
    dev = {"d1", "d2", "d3", "d4"}
    p, r, _ = pairs(merged, gold, inside=dev)
    assert (round(p, 4), r) == (0.3333, 1.0)  # of the 6 pairs touching dev, d1-d2 and d3-d4 are right
    p, r, _ = bcubed(merged, gold, multi_only=True, inside=dev)
    assert (p, r) == (0.75, 1.0)  # d1 and d2 sit with two of four of their own
    # Looked at alone, the dev half hid it: restricted to its articles, every story is pure.
    assert pairs([["d1", "d2"], ["d3", "d4"]], gold[:2]) == (1.0, 1.0, 1.0)
    assert pairs(merged, gold, inside={"t1", "t2"})[0] == 0.2  # t1-t2 right of the five pairs touching the test


def test_story_bcubed_on_mixed_corpus_test_half_meets_floor(tmp_path: Path) -> None:
    gold_path = CORPUS / "mixed_gold.json"
    if not gold_path.exists():
        pytest.skip("mixed corpus gold not built")
    gold = json.loads(gold_path.read_text("utf-8"))
    keep = set(gold["test"])
    articles = _mixed(tmp_path, keep)
    pred = [c.article_ids for c in group(articles).stories]  # speed: benchmarks/corpus_scale.py's to measure
    gold_test = [kept for s in gold["stories"] if (kept := [i for i in s if i in keep])]
    _, _, f1 = bcubed(pred, gold_test)
    assert f1 >= STORY_F1_FLOOR


def test_english_report_joins_the_indonesian_story(seed_articles: dict[str, Article]) -> None:
    # Canonical entities bridge the languages (North Korea = Korea Utara); shared names help.
    text = ("Kim Jong Un meets Putin in Russia's Far East\n\nNorth Korean leader Kim Jong Un met Russian President "
            "Vladimir Putin at the Vostochny Cosmodrome in Russia's Far East on Wednesday, as Pyongyang and Moscow "
            "pledged closer military cooperation despite Western sanctions. Putin said Russia observes the "
            "restrictions but sees prospects for cooperation with North Korea. The Kremlin said no agreements were "
            "signed during "
            "Kim's visit.")
    english = process(RawDocument(source="en.txt", id="en1", text=text, format="text", headline_first=True,
                                  published="2023-09-14"))
    index = StoryIndex()
    for a in seed_articles.values():
        index.add(a)
    assert index.add(english) == "s1"
