"""The sample's quality floors (issue 2): a drop below any of them is a bug."""

from __future__ import annotations

from typing import Any

from kliping.eval import FIELDS, evaluate

BOILERPLATE_F1_FLOOR = 0.95
FIELD_FLOOR = 4  # of the 5 sample articles


def test_boilerplate_f1_on_sample_meets_floor(seed_articles: Any, gold: dict[str, Any]) -> None:
    report = evaluate(gold, seed_articles.values())
    assert report.boilerplate.f1 >= BOILERPLATE_F1_FLOOR, report.boilerplate_errors


def test_each_metadata_field_right_on_four_of_five(seed_articles: Any,
                                                   gold: dict[str, Any]) -> None:
    report = evaluate(gold, seed_articles.values())
    for name in FIELDS:
        assert report.fields[name].correct >= FIELD_FLOOR, (name, report.fields[name].misses)


def test_eval_counts_missing_articles_as_wrong(seed_articles: Any, gold: dict[str, Any]) -> None:
    some = [a for stem, a in seed_articles.items() if stem != "004_18c8b33f04a83a96"]
    report = evaluate(gold, some)
    assert report.missing == ["004_18c8b33f04a83a96"]
    assert report.fields["title"].correct <= 4
    assert report.boilerplate.fn >= 10


# Issue 3's floors on the sample: quotations, speakers and dates.
DIRECT_QUOTE_F1_FLOOR = 0.95
SPEAKER_FLOOR = 0.95
INDIRECT_RECALL_FLOOR = 0.8
DATE_FLOOR = 0.95


def test_quote_and_date_scores_on_sample_meet_floors(seed_articles: Any, gold: dict[str, Any]) -> None:
    report = evaluate(gold, seed_articles.values())
    assert report.direct_quotes.f1 >= DIRECT_QUOTE_F1_FLOOR, report.quote_errors
    assert report.speakers.accuracy >= SPEAKER_FLOOR, report.speakers.misses
    assert report.indirect_quotes.accuracy >= INDIRECT_RECALL_FLOOR, report.indirect_quotes.misses
    assert report.dates.accuracy >= DATE_FLOOR, report.dates.misses


# Issue 4's floors on the sample: one story, its events, its claims.
EVENT_BCUBED_FLOOR = 0.8
CLAIMS_RIGHT_FLOOR = 5


def test_corpus_stage_on_sample_meets_floors(seed_articles: Any, gold: dict[str, Any]) -> None:
    from kliping.corpus.assemble import analyze_corpus
    from kliping.eval_corpus import evaluate_corpus

    stories = analyze_corpus(list(seed_articles.values())).stories
    assert [sorted(s.article_ids) for s in stories] == [sorted(seed_articles)]
    report = evaluate_corpus(gold, stories)
    assert report.events is not None and report.events[2] >= EVENT_BCUBED_FLOOR
    assert report.claims_right >= CLAIMS_RIGHT_FLOOR, [c.to_dict() for c in report.claims]
    right = {c.id for c in report.claims if c.right}
    assert {"nk-supplied-arms", "300k-nk-volunteers"} <= right


def test_entity_recogniser_on_a_conll_file_meets_floor() -> None:
    """kliping's recogniser (CRF + alias and place layers) on NERGrit's validation sentences
    (MIT; not trained on): micro F1 measured 0.711 when this floor was set."""
    from pathlib import Path

    from kliping.eval import score_ner

    scores = score_ner(Path(__file__).parent / "fixtures" / "ner" / "nergrit_valid_head.txt")
    assert scores["micro"][2] >= 0.68, scores
    assert all(label in scores for label in ("PERSON", "ORG", "PLACE"))


# Issue 11's floors on the chain sets (tests/fixtures/chain, real articles labelled by hand, split
# by outlet): the dev split was tuned on, the test split never was. Each floor sits a little under
# the figure measured when it was pinned (README), so a real drop fails and noise does not.
CHAIN_FLOORS = {
    # split: (quotations F1, speaker lenient, speaker full name, reported recall, reported precision,
    #         dates, boilerplate F1); the written probe set labels no dates
    "dev": (0.97, 0.87, 0.85, 0.89, 0.92, 0.94, 0.95),
    "test": (0.97, 0.77, 0.73, 0.77, 0.84, 0.89, 0.72),
    "written": (0.98, 0.88, 0.86, 0.91, 0.92, 0.0, 0.92),
}
CHAIN_ARTICLES = {"dev": 312, "test": 155, "written": 65}


def _chain_report(split: str) -> Any:
    from pathlib import Path

    from kliping.eval import load_gold
    from kliping.pipeline import extract

    chain = Path(__file__).parent / "fixtures" / "chain"
    gold = load_gold(chain / f"gold_{split}.json")
    articles = [a for a in extract([str(chain / name) for name in gold["inputs"]]) if hasattr(a, "body")]
    return evaluate(gold, articles)


def test_chain_sets_meet_their_floors() -> None:
    for split, floors in CHAIN_FLOORS.items():
        report = _chain_report(split)
        assert report.articles == CHAIN_ARTICLES[split] and not report.missing, split
        got = (report.direct_quotes.f1, report.speakers.accuracy, report.full_speakers.accuracy,
               report.reported.recall, report.reported.precision, report.dates.accuracy, report.boilerplate.f1)
        names = ("quotations F1", "speaker", "full-name speaker", "reported recall", "reported precision",
                 "dates", "boilerplate F1")
        for name, value, floor in zip(names, got, floors, strict=True):
            assert value >= floor, (split, name, round(value, 3), floor)


def test_eval_splits_speaker_and_date_scores_by_article_language(seed_articles: Any, gold: dict[str, Any]) -> None:
    import dataclasses

    from kliping.eval import format_report

    articles = [dataclasses.replace(a, language="en") if stem == "004_18c8b33f04a83a96" else a
                for stem, a in seed_articles.items()]
    report = evaluate(gold, articles)
    assert sorted(report.by_language) == ["en", "id"]
    for name, overall in (("speaker (lenient)", report.speakers), ("dates", report.dates)):
        parts = [scores[name] for scores in report.by_language.values()]
        assert all(p.total for p in parts), name
        assert sum(p.total for p in parts) == overall.total
        assert sum(p.correct for p in parts) == overall.correct
    assert "by language: en" in format_report(report)
    assert report.to_dict()["by_language"]["id"]["dates"]["total"] == report.by_language["id"]["dates"].total


# Issue 14's floors on the written story sets (tests/fixtures/stories, split by story): pairs F1 and
# B-cubed over multi-article stories per half, and claims found and right per half. Each sits a little
# under the figure measured when it was pinned (README). Stories hang on canonical names, so a change of
# the speaker or entity rules can split one: a six-article story of set a fell apart when one article's
# given name was cut off ("perusahaan Slamet"), and nothing failed until this test.
STORY_FLOORS = {
    # set: {half: (pairs F1, multi-article B-cubed F1, claims found, claims right)}
    # Since a half is scored against whole predicted stories (eval_corpus: a story merged with one of the other
    # half counts against it), b, c and d sit lower than before: b dev 0.969 / 0.986, c 0.661 / 0.815 and 0.816 /
    # 0.915, d 0.466 / 0.674 and 0.455 / 0.690 (the merges across halves had been invisible).
    # a's test half: its two floods in neighbouring villages came apart by the places their headlines name
    # (corpus/happenings.py): pairs 0.887 -> 0.973, claims found 20 -> 22, right 15 -> 16
    "a": {"dev": (0.84, 0.87, 12, 11), "test": (0.95, 0.96, 21, 15)},
    "b": {"dev": (0.95, 0.97, 10, 5), "test": (0.74, 0.84, 5, 3)},
    # c's test half: a short statement inside a long one no longer corroborates it (claims.MIN_LONG_OVERLAP):
    # found 17 -> 18, right 7 -> 9
    # and a negated statement without a verb may contradict an affirmed one (found 18 -> 19, right 9 -> 10)
    "c": {"dev": (0.64, 0.80, 13, 8), "test": (0.80, 0.90, 18, 9)},
    # written_d: scored as it came, never tuned on (its stories' twins: two landslides, two cases of one
    # office, two incidents of one ferry operator)
    "d": {"dev": (0.45, 0.66, 8, 6), "test": (0.44, 0.67, 6, 5)},  # test: verbless denials, found 5 -> 7, right 4 -> 6
}


def test_written_story_sets_meet_their_floors() -> None:
    import json
    from pathlib import Path

    from kliping.corpus.assemble import analyze_corpus
    from kliping.eval_corpus import evaluate_corpus
    from kliping.pipeline import extract

    folder = Path(__file__).parent / "fixtures" / "stories"
    for name, halves in STORY_FLOORS.items():
        gold = json.loads((folder / f"gold_written_{name}.json").read_text("utf-8"))
        articles = [a for a in extract([str(folder / f"written_{name}.jsonl")]) if hasattr(a, "body")]
        assert len(articles) == sum(map(len, gold["stories"])), name
        report = evaluate_corpus(gold, analyze_corpus(articles).stories)
        for half, (pairs_f1, multi_f1, found, right) in halves.items():
            scores = report.splits[half]
            got_found, got_right, _ = report.claim_splits[half]
            assert scores.pairs[2] >= pairs_f1, (name, half, "pairs F1", round(scores.pairs[2], 3))
            assert scores.bcubed_multi[2] >= multi_f1, (name, half, "multi-article B-cubed", scores.bcubed_multi)
            assert got_found >= found and got_right >= right, (name, half, "claims found, right", got_found, got_right)
