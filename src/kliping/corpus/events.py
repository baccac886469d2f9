"""One story's articles → its events: distinct happenings at distinct times, each with a title and a date span.

Articles are ordered by their date (publication day, else the latest full date in the body); a
new event starts at a long gap, or at a shorter gap when the wording shifts away from the event so
far. Undated articles join the event whose dates their body mentions, else the closest in wording.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta

from kliping import datelines
from kliping.corpus.features import article_date, terms
from kliping.model import Article, Event

GAP_DAYS = 21  # coverage of one happening rarely pauses for three weeks
SHIFT_GAP_DAYS = 4  # a shorter pause splits only when the wording moves on as well
SHIFT_SIMILARITY = 0.12
_LEAD_CHARS = 800
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _profile(article: Article) -> Counter[str]:
    words: Counter[str] = Counter(terms(article.title or ""))
    words.update(terms(article.body[:_LEAD_CHARS]))
    words.update(e.canonical.lower() for e in article.entities)
    return words


def _cosine(a: Counter[str], b: Counter[str]) -> float:
    dot = sum(v * b[k] for k, v in a.items() if k in b)
    if not dot:
        return 0.0
    return dot / (math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values())))


def _mentioned_days(article: Article) -> list[date]:
    out = []
    for mention in article.dates:
        if len(mention.value) >= 10:
            try:
                out.append(date.fromisoformat(mention.value[:10]))
            except ValueError:
                continue
    return out


def split_events(articles: Sequence[Article]) -> list[list[str]]:
    """Article ids per event, events in time order (undated-only events last)."""
    dated = sorted(((d, i) for i, a in enumerate(articles) if (d := article_date(a)) is not None))
    groups: list[list[int]] = []
    profiles: list[Counter[str]] = []
    last: date | None = None
    for day, i in dated:
        profile = _profile(articles[i])
        gap = (day - last).days if last is not None else None
        new = gap is None or gap > GAP_DAYS
        if not new and gap is not None and gap > SHIFT_GAP_DAYS:
            new = _cosine(profile, profiles[-1]) < SHIFT_SIMILARITY
        if new:
            groups.append([])
            profiles.append(Counter())
        groups[-1].append(i)
        profiles[-1].update(profile)
        last = day
    spans = [_span(articles, g) for g in groups]
    undated = [i for i, a in enumerate(articles) if article_date(a) is None]
    for i in undated:
        target = _home(articles[i], spans, profiles)
        if target is None:
            groups.append([i])
            profiles.append(_profile(articles[i]))
            spans.append((None, None))
        else:
            groups[target].append(i)
    return [[articles[i].id for i in g] for g in groups]


def _home(article: Article, spans: list[tuple[date | None, date | None]],
          profiles: list[Counter[str]]) -> int | None:
    """The event an undated article belongs to: by the dates it mentions, else by wording."""
    if not spans:
        return None
    for day in sorted(_mentioned_days(article), reverse=True):
        for k, (start, end) in enumerate(spans):
            if start and end and start - timedelta(days=3) <= day <= end + timedelta(days=3):
                return k
    profile = _profile(article)
    return max(range(len(profiles)), key=lambda k: _cosine(profile, profiles[k]))


def _span(articles: Sequence[Article], group: list[int]) -> tuple[date | None, date | None]:
    days = [d for i in group if (d := article_date(articles[i])) is not None]
    if not days:
        return None, None
    return min(days), max(days)


def event_span(articles: Sequence[Article]) -> tuple[str | None, str | None]:
    """ISO start and end of an event: its articles' days, reaching back to the days they report.

    A happening is reported a day or more after it occurs ("Rabu (13/9)" in a Thursday article), so
    the start reaches back to full dates the articles mention up to a week before their first day.
    """
    first, last = _span(articles, list(range(len(articles))))
    if first is None or last is None:
        return None, None
    for a in articles:
        for day in _mentioned_days(a):
            if first - timedelta(days=7) <= day < first:
                first = day
    return first.isoformat(), last.isoformat()


def _lead_sentence(article: Article) -> str:
    lead = article.body.strip().split("\n", 1)[0]
    sentence = _SENTENCE_END.split(lead, 1)[0].strip()
    # "Hanoi: Presiden …", "MOSKOW - …": the dateline says where it was written, not what happened.
    return sentence[datelines.lead_end(sentence):]


def event_title(articles: Sequence[Article]) -> str:
    """A representative headline: the one closest in wording to the whole event (else a lead sentence)."""
    if not articles:
        return ""
    titled = [k for k, a in enumerate(articles) if a.title]
    pool = titled or list(range(len(articles)))
    if len(pool) == 1:
        best = pool[0]  # nothing to choose between (most events are one article): no profiles needed
    else:
        total: Counter[str] = Counter()
        profiles = [_profile(a) for a in articles]
        for p in profiles:
            total.update(p)
        best = max(pool, key=lambda k: (_cosine(profiles[k], total), -k))
    chosen = articles[best]
    return chosen.title if chosen.title else _lead_sentence(chosen)


def events_of(articles: Sequence[Article]) -> list[Event]:
    """The events of one story as model Events ("e1", "e2"… in time order), with title and span."""
    by_id = {a.id: a for a in articles}
    out = []
    for k, ids in enumerate(split_events(articles), start=1):
        members = [by_id[i] for i in ids]
        start, end = event_span(members)
        out.append(Event(id=f"e{k}", title=event_title(members), start=start, end=end, article_ids=ids))
    return out
