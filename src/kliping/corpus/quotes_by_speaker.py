"""A story's articles → its quotations by canonical speaker, near-identical ones merged with all their article ids.

* Direct, partial and reported (indirect) speech all count: a reader looking for "what did Putin say"
  wants both "Rusia mematuhi semua pembatasan ini" and "Putin mengatakan negaranya mematuhi sanksi PBB".
* Two quotes of one speaker are the same when their content words overlap (overlap coefficient ≥ SAME and
  Jaccard ≥ SAME_JACCARD), or the shorter one's words nearly all appear in the longer (CONTAINED): outlets
  trim and rephrase quotes. A quote joins a group when it is the same as one of its members. Candidates come
  from an inverted index of the speaker's words, so a speaker quoted thousands of times is not compared all-pairs.
* The text shown is a direct quotation when the group has one (the speaker's own words), else the longest.
* Order: speakers quoted by the most articles first, unknown speakers (``None``) last; inside a speaker,
  quotes carried by more articles first, then in the order they were first reported.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from kliping.corpus.summary import content_words
from kliping.model import Article, Quote, StoryQuote

SAME = 0.7
SAME_JACCARD = 0.4
CONTAINED = 0.8  # … or nearly all of the shorter one's words are in the longer one
CONTAINED_MIN = 4
MIN_WORDS = 2  # "Ya," alone is not a quote worth listing
_KIND_RANK = {"direct": 0, "partial": 1, "indirect": 2}


@dataclass
class _Group:
    speaker: str | None
    quotes: list[tuple[int, Quote]] = field(default_factory=list)  # (article index, quote)
    words: list[frozenset[str]] = field(default_factory=list)  # each member's: no chaining through a union
    first: tuple[str, int, int] = ("", 0, 0)  # when it was first reported: (published, article, offset)


def _same(a: frozenset[str], b: frozenset[str]) -> bool:
    shared = len(a & b)
    smaller = min(len(a), len(b))
    if smaller >= CONTAINED_MIN and shared / smaller >= CONTAINED:
        return True  # one outlet quotes a part of what another quotes in full
    return shared / smaller >= SAME and shared / len(a | b) >= SAME_JACCARD


def _shown(group: _Group) -> Quote:
    return min((q for _, q in group.quotes), key=lambda q: (_KIND_RANK.get(q.kind, 3), -len(q.text)))


def story_quotes(articles: Sequence[Article]) -> list[StoryQuote]:
    """Every quotation of the story, grouped by speaker, near-identical ones merged across articles."""
    order = {i: (a.published or "9999", i) for i, a in enumerate(articles)}
    groups: dict[str | None, list[_Group]] = defaultdict(list)
    index: dict[str | None, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    for ai in sorted(range(len(articles)), key=lambda i: order[i]):
        for q in articles[ai].quotes:
            words = content_words(q.text)
            if len(words) < MIN_WORDS:
                continue
            speaker = q.speaker or None
            mine, where = groups[speaker], index[speaker]
            hits: Counter[int] = Counter()
            for w in words:
                hits.update(where.get(w, ()))
            # Ties go to the earlier group: most_common would order them as the set of words happened
            # to iterate, which changes with the process's string hashing (and so between workers).
            ranked = sorted(hits, key=lambda g: (-hits[g], g))
            match = next((g for g in ranked if any(_same(words, w) for w in mine[g].words)), None)
            if match is None:
                match = len(mine)
                mine.append(_Group(speaker, first=(order[ai][0], ai, q.start)))
            mine[match].quotes.append((ai, q))
            mine[match].words.append(words)
            for w in words:
                where[w].add(match)
    reach = {s: len({ai for g in gs for ai, _ in g.quotes}) for s, gs in groups.items()}
    speakers = sorted(groups, key=lambda s: (s is None, -reach[s], s or ""))
    out = []
    for speaker in speakers:
        for g in sorted(groups[speaker], key=lambda g: (-len({ai for ai, _ in g.quotes}), g.first)):
            ids = sorted({ai for ai, _ in g.quotes}, key=lambda i: order[i])
            out.append(StoryQuote(speaker=speaker, text=_shown(g).text, article_ids=[articles[i].id for i in ids]))
    return out
