"""Annotated articles → duplicate groups and complete Story objects (every corpus step, in order).

Duplicates first (a syndicated copy is one source), then stories from the incremental index,
then per story: events, claims, timeline, quotes by speaker and summary. Each per-story step
sees only that story's articles, so the work grows with story sizes, not with all pairs.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from kliping.corpus.claims import find_claims
from kliping.corpus.events import events_of
from kliping.corpus.features import article_date
from kliping.corpus.quotes_by_speaker import story_quotes
from kliping.corpus.rolling import ClosedStory, RollingGrouper, article_keys, duplicate_groups
from kliping.corpus.summary import summarize
from kliping.corpus.timeline import build_timeline
from kliping.model import Article, Event, Story


@dataclass
class CorpusResult:
    """What the corpus stage makes of a set of articles."""

    duplicates: list[list[str]] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)


def _chronological(articles: Iterable[Article]) -> list[Article]:
    # Stories grow in the order news appeared; undated articles come last. The id breaks ties, not the input
    # order: any order of the same articles (a store fed them one by one) gives the same stories.
    dated = [(article_date(a), a.id, a) for a in articles]
    return [a for _, _, a in sorted(dated, key=lambda t: (t[0] is None, t[0] or 0, t[1]))]


def story_title(articles: Sequence[Article], events: Sequence[Event]) -> str:
    """The headline of the story's first titled article, else its first event's title."""
    for a in articles:
        if a.title:
            return a.title
    return events[0].title if events else articles[0].id


def build_story(story_id: str, articles: Sequence[Article], representative: dict[str, str]) -> Story:
    """One Story with everything the dossier shows about it."""
    days = [d for d in (article_date(a) for a in articles) if d is not None]
    events = events_of(articles)
    for event in events:
        event.id = f"{story_id}-{event.id}"
    return Story(
        id=story_id,
        title=story_title(articles, events),
        article_ids=[a.id for a in articles],
        start=min(days).isoformat() if days else None,
        end=max(days).isoformat() if days else None,
        events=events,
        timeline=build_timeline(articles),
        quotes=story_quotes(articles),
        claims=find_claims(articles, story_id, representative),
        summary=summarize(articles),
    )


@dataclass
class Grouping:
    """What the rolling grouper makes of articles: the articles in date order, the final (article,
    representative) duplicate pairs, and the stories in the order they closed."""

    ordered: list[Article]
    pairs: list[tuple[str, str]]
    stories: list[ClosedStory]


def group(articles: Iterable[Article]) -> Grouping:
    """Duplicates and stories of ``articles``: the one grouper (RollingGrouper), fed in date order."""
    ordered = _chronological(articles)
    pairs: list[tuple[str, str]] = []
    closed: list[ClosedStory] = []
    for new_pairs, done in RollingGrouper().roll(article_keys(a) for a in ordered):
        pairs.extend(new_pairs)
        closed.extend(done)
    return Grouping(ordered, pairs, closed)


def analyze_corpus(articles: Sequence[Article]) -> CorpusResult:
    """Duplicates and stories of ``articles`` (all in memory): the rolling step, then each story built."""
    grouping = group(articles)
    by_id = {a.id: a for a in grouping.ordered}
    order = {a.id: n for n, a in enumerate(grouping.ordered)}
    representative = dict(grouping.pairs)
    built = [build_story(c.id, [by_id[i] for i in c.article_ids], representative) for c in grouping.stories]
    built.sort(key=story_rank)
    return CorpusResult(duplicates=duplicate_groups(grouping.pairs, order), stories=built)


def story_number(story_id: str) -> int:
    """The creation number of a story id ("s12" → 12)."""
    return int(story_id[1:]) if story_id[1:].isdigit() else 0


def story_rank(story: Story) -> tuple[int, str, int]:
    """The dossier's story order: the biggest first (that is where a reader starts), then by start, then by age."""
    return (-len(story.article_ids), story.start or "", story_number(story.id))
