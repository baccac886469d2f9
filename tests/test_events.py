"""Events inside a story: the sample's two happenings, their titles and date spans."""

from __future__ import annotations

from typing import Any

from kliping.corpus.events import events_of, split_events
from kliping.eval_corpus import bcubed
from kliping.model import Article


def test_sample_splits_into_kims_visit_and_putins_visit(seed_articles: dict[str, Article],
                                                        gold: dict[str, Any]) -> None:
    events = split_events(list(seed_articles.values()))
    assert sorted(sorted(e) for e in events) == sorted(sorted(e) for e in gold["events"])
    assert bcubed(events, gold["events"])[2] == 1.0


def test_split_does_not_depend_on_input_order(seed_articles: dict[str, Article]) -> None:
    arts = list(seed_articles.values())
    forward = sorted(sorted(e) for e in split_events(arts))
    assert sorted(sorted(e) for e in split_events(arts[::-1])) == forward


def test_events_have_titles_and_spans_in_time_order(seed_articles: dict[str, Article]) -> None:
    kim, putin = events_of(list(seed_articles.values()))
    assert (kim.id, putin.id) == ("e1", "e2")
    assert kim.start is not None and kim.start.startswith("2023-09")
    assert kim.end == "2023-09-23"
    assert (putin.start, putin.end) == ("2024-06-19", "2024-06-21")
    assert "Putin" in kim.title
    assert putin.title.startswith("Presiden Rusia Vladimir Putin")  # the lead, without its dateline


def test_undated_article_joins_the_event_its_dates_point_to(seed_articles: dict[str, Article]) -> None:
    arts = list(seed_articles.values())
    undated = Article(id="x", source="x", body="Putin tiba di Pyongyang pada Rabu (19/6/2024).", title="Putin tiba")
    undated.dates = [type(arts[0].dates[0])(text="Rabu (19/6/2024)", start=29, end=45, value="2024-06-19")]
    events = split_events([*arts, undated])
    assert ["002_35e225720d3e7703", "x"] in [sorted(e) for e in events]
