"""A story's articles → dated timeline entries, merged across outlets, in date order, each citing its articles.

* **entries** come from the date annotations: each DateMention gives the sentence holding it, trimmed to the
  clauses around the date when the sentence is long, the dateline cut off.
* **noise skipped**: a date that only repeats the publication day in an attribution ("seperti dilansir
  Reuters dan AFP, Sabtu (16/9/2023)", "dikutip dari Sputnik, Jumat 21 Juni 2024") says when the article
  was written, not when something happened; so does a sentence that is hardly more than its date.
* **merged**: mentions are grouped by date value first (no all-pairs over the story), then, inside a group,
  a mention joins an entry whose words it shares (overlap coefficient ≥ MERGE and Jaccard ≥ MERGE_JACCARD)
  — the same statement from several outlets becomes one entry citing all their article ids. The entry's text is
  the member most like the others (the medoid), the shorter one on ties.
* **grain and order**: ``date`` keeps the grain the text gives. Entries sort by their ISO value as a string,
  so a month or year entry comes *before* the days inside it ("2023-09" < "2023-09-13"): the coarse line
  sets the scene ("this week Kim visited…"), the dated ones follow. Ties: more outlets first.
* **cap**: at most MAX_ENTRIES per story, keeping the best-supported (outlets, then articles, then finer
  grain, then earlier), then shown in date order.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from kliping import resources
from kliping.annotate.sentences import split_sentences
from kliping.corpus.summary import content_words, jaccard, overlap, source_key, strip_dateline
from kliping.model import Article, DateMention, TimelineEntry

MAX_ENTRIES = 30
MAX_CHARS = 240  # longer sentences are cut to the clauses around the date
MERGE = 0.6
MERGE_JACCARD = 0.3
MIN_WORDS = 3  # content words besides the date itself
_CLAUSE = re.compile(r"[,;:]\s+|\s+[-–—]\s+")
_ATTRIBUTION_WINDOW = 50  # characters before a date searched for "dilansir", "dikutip dari" …


@dataclass
class _Mention:
    article: int
    date: str
    text: str
    words: frozenset[str]


@dataclass
class _Entry:
    date: str
    members: list[_Mention] = field(default_factory=list)
    words: frozenset[str] = frozenset()


@cache
def _attribution_cues() -> tuple[str, ...]:
    return tuple(row[1].lower() for row in resources.rows("wire_cues.tsv") if len(row) > 1)


def _is_publication_noise(article: Article, mention: DateMention) -> bool:
    """The publication day named in an attribution: when it was written, not when it happened."""
    published = (article.published or "")[:10]
    if not published or mention.value != published:
        return False
    before = article.body[max(0, mention.start - _ATTRIBUTION_WINDOW):mention.start].lower()
    return any(cue in before for cue in _attribution_cues())


def _sentence_at(spans: list[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    for s, e in spans:
        if s <= offset < e:
            return s, e
    return None


def _clause_around(body: str, start: int, end: int, date_start: int, date_end: int) -> str:
    """The sentence, or when it is long the run of clauses around the date, marked with … where cut."""
    text = strip_dateline(body[start:end])
    start = end - len(text)
    if len(text) <= MAX_CHARS:
        return text
    cuts = [start] + [start + m.end() for m in _CLAUSE.finditer(text)] + [end]
    # the clause holding the date, widened one clause at a time while it fits; a date in the stripped
    # dateline ("LAGOS, May 25 (Xinhua) --") dates the sentence from its first clause
    i = max((j for j, c in enumerate(cuts[:-1]) if c <= date_start), default=0)
    k = i + 1
    while k < len(cuts) - 1 and cuts[k] < date_end:
        k += 1
    while True:
        grew = False
        if k < len(cuts) - 1 and cuts[k + 1] - cuts[i] <= MAX_CHARS:
            k, grew = k + 1, True
        if i > 0 and cuts[k] - cuts[i - 1] <= MAX_CHARS:
            i, grew = i - 1, True
        if not grew:
            break
    piece = body[cuts[i]:cuts[k]].strip().rstrip(",;:–—-").strip()
    tail = " …" if cuts[k] < end else ""
    if cuts[i] == start:
        return piece + tail
    # A short trailing clause ("… seperti diberitakan pada bulan April lalu.") lost its subject: put the
    # sentence's opening words back in front, as many as fit.
    budget = MAX_CHARS - len(piece) - 3
    head = body[start:cuts[i]].split()
    opening: list[str] = []
    while head and len(" ".join([*opening, head[0]])) <= budget:
        opening.append(head.pop(0))
    if len(opening) >= 4:
        return " ".join(opening).rstrip(",;:") + " … " + piece + tail
    return "… " + piece + tail


def _mentions(articles: Sequence[Article]) -> list[_Mention]:
    out = []
    for ai, article in enumerate(articles):
        spans = split_sentences(article.body) if article.dates else []
        seen: set[tuple[str, int]] = set()
        for d in article.dates:
            if not d.value or _is_publication_noise(article, d):
                continue
            span = _sentence_at(spans, d.start)
            if span is None or (d.value, span[0]) in seen:
                continue  # one sentence naming the same date twice is one entry
            seen.add((d.value, span[0]))
            text = _clause_around(article.body, span[0], span[1], d.start, d.end)
            words = content_words(text) - content_words(d.text)
            if len(words) >= MIN_WORDS:
                out.append(_Mention(ai, d.value, text, words))
    return out


def _merge(group: list[_Mention]) -> list[_Entry]:
    entries: list[_Entry] = []
    for m in group:
        for entry in entries:
            if overlap(m.words, entry.words) >= MERGE and jaccard(m.words, entry.words) >= MERGE_JACCARD:
                entry.members.append(m)
                break
        else:
            entries.append(_Entry(m.date, [m], m.words))
    return entries


def _representative(entry: _Entry) -> _Mention:
    def centrality(m: _Mention) -> tuple[float, int]:
        return (sum(overlap(m.words, o.words) for o in entry.members if o is not m), -len(m.text))

    return max(entry.members, key=centrality)


def _grain(date: str) -> int:
    return len(date.split("-"))  # 3 day, 2 month, 1 year


def build_timeline(articles: Sequence[Article], max_entries: int = MAX_ENTRIES) -> list[TimelineEntry]:
    """Dated entries from the articles' date mentions, merged across outlets, in date order."""
    by_date: dict[str, list[_Mention]] = defaultdict(list)
    for m in _mentions(articles):
        by_date[m.date].append(m)
    order = {i: (a.published or "9999", i) for i, a in enumerate(articles)}
    entries = [e for group in by_date.values() for e in _merge(group)]

    def support(e: _Entry) -> tuple[int, int, int, str]:
        members = {m.article for m in e.members}
        outlets = {source_key(articles[i]) for i in members}
        return (len(outlets), len(members), _grain(e.date), e.date)

    kept = sorted(entries, key=lambda e: (-support(e)[0], -support(e)[1], -support(e)[2], e.date))[:max_entries]
    kept.sort(key=lambda e: (e.date, -support(e)[0], min(order[m.article] for m in e.members)))
    out = []
    for e in kept:
        ids = sorted({m.article for m in e.members}, key=lambda i: order[i])
        out.append(TimelineEntry(date=e.date, text=_representative(e).text, article_ids=[articles[i].id for i in ids]))
    return out
