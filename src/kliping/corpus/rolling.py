"""Articles in date order → duplicates and stories, with windows that close behind the stream.

This is the corpus stage's one sequential step, written so that memory is bounded whatever the size
of the archive: duplicate detection keeps the MinHash signatures of two time windows
(``window_days`` each; a syndicated copy appears within days of its original), and once more than
``max_open_articles`` articles are in open stories, the stories idle longest are closed (never one
that had an article in the last two windows). A closed story is final: the caller builds it
(events, claims…) and forgets it. Below that many articles nothing closes early, and a story can
take a follow-up months later, as one index over everything would.

The per-article halves, a MinHash signature and the clustering features, are ``ArticleKeys``,
computed where the article is annotated (``article_keys``), so the driver of a big run handles
small records only. On a corpus that spans less than the windows nothing closes early and the
answer is that of one index over everything.
"""

from __future__ import annotations

import base64
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from sys import intern
from typing import Any

import numpy as np

from kliping.corpus.dedup import DuplicateIndex, U32Array, signature
from kliping.corpus.features import Features, features
from kliping.corpus.state_format import check, get, only, pack, unpack
from kliping.corpus.stories import StoryIndex
from kliping.model import Article

WINDOW_DAYS = 30
# About 10 KB of clustering profile each: ~1 GB at most. At 1,400 articles a day (a national
# archive) it keeps the last ~70 days open; a smaller collection keeps every story open.
MAX_OPEN_ARTICLES = 100_000


@dataclass
class ArticleKeys:
    """What the sequential step needs of one article: its day, clustering features and MinHash signature."""

    id: str
    features: Features
    signature: U32Array
    shingles: int

    @property
    def day(self) -> int | None:
        return self.features.day

    def to_record(self) -> dict[str, Any]:
        """A JSON-ready dict (the signature as a list of ints is written by the caller as bytes)."""
        f = self.features
        record: dict[str, Any] = {"e": dict(f.entities), "t": dict(f.terms), "d": f.day, "l": f.language,
                                  "n": self.shingles, "r": list(f.references)}
        if f.happenings:  # most articles name none: nothing written for them
            record["h"] = list(f.happenings)
        return record

    @classmethod
    def from_record(cls, article_id: str, record: dict[str, Any], sig: bytes) -> ArticleKeys:
        # Interned: a name or word is held once however many stories, postings and counts refer to it.
        feats = Features(Counter({intern(k): n for k, n in record["e"].items()}),
                         Counter({intern(k): n for k, n in record["t"].items()}), record["d"], record["l"],
                         # records written before references or happenings were kept have none
                         tuple(record.get("r", ())), tuple(map(intern, record.get("h", ()))))
        return cls(article_id, feats, np.frombuffer(sig, dtype=np.uint32), int(record["n"]))


def article_keys(article: Article) -> ArticleKeys:
    sig, size = signature(article.body)
    return ArticleKeys(article.id, features(article), sig, size)


@dataclass
class ClosedStory:
    """A story no later article can join: its id (creation order) and article ids (in date order)."""

    id: str
    article_ids: list[str]


class RollingGrouper:
    """Duplicates and stories of articles fed in date order (undated ones last), in bounded memory.

    ``add`` returns the stories the new article's day has closed; ``finish`` closes the rest.
    ``take_duplicates`` drains the final (article id, representative id) pairs of articles whose
    duplicate window has closed; a caller stores them before building the stories ``add`` returns,
    which only ever contain articles whose pairs were already given out.
    """

    def __init__(self, *, window_days: int = WINDOW_DAYS, max_open_articles: int = MAX_OPEN_ARTICLES,
                 stories: StoryIndex | None = None) -> None:
        self.window_days, self.max_open_articles = window_days, max_open_articles
        self.stories = stories or StoryIndex()
        self._current = DuplicateIndex()
        self._previous: DuplicateIndex | None = None
        self._window: int | None = None
        self._rep: dict[str, str] = {}  # representative of each article still in a window
        self._pairs: list[tuple[str, str]] = []

    def add(self, keys: ArticleKeys) -> list[ClosedStory]:
        day = keys.day
        closed: list[ClosedStory] = []
        if day is not None:
            self._advance(day // self.window_days)
            # Close first: a closed story must not take this article. Only stories idle for two
            # windows: the duplicate groups of all their articles are final by then.
            closed = [ClosedStory(sid, ids) for sid, ids in
                      self.stories.close_stalest(self.max_open_articles, day - 2 * self.window_days)]
        self._add_duplicate(keys)
        self.stories.add_features(keys.id, keys.features)
        return closed

    def finish(self) -> list[ClosedStory]:
        """Close every window and story: the end of the stream."""
        self._drop(self._previous)
        self._drop(self._current)
        self._previous, self._current = None, DuplicateIndex()
        return [ClosedStory(sid, ids) for sid, ids in self.stories.close_all()]

    def take_duplicates(self) -> list[tuple[str, str]]:
        pairs, self._pairs = self._pairs, []
        return pairs

    def roll(self, stream: Iterable[ArticleKeys]) -> Iterator[tuple[list[tuple[str, str]], list[ClosedStory]]]:
        """``stream`` (in date order) through the grouper: after each article and at the end, the new final
        duplicate pairs and the closed stories, in the order a caller must store them (pairs first)."""
        for keys in stream:
            closed = self.add(keys)
            yield self.take_duplicates(), closed
        closed = self.finish()
        yield self.take_duplicates(), closed

    def window_pairs(self) -> tuple[list[str], list[tuple[str, str]]]:
        """The articles still in a duplicate window, and their (article id, representative) pairs as they stand:
        a later article can still join two groups and change a representative, so these are not final yet."""
        ids: list[str] = []
        pairs: list[tuple[str, str]] = []
        for index in (self._previous, self._current):
            if index is None:
                continue
            for i in index.ids():
                ids.append(i)
                rep = self._rep[index.representative(i)]
                if rep != i:
                    pairs.append((i, rep))
        return ids, pairs

    # --- the saved state: the rolling-grouper format, version 1 (a store's grouping between adds) ---------

    def to_bytes(self) -> bytes:
        """Everything needed to go on adding articles exactly as if the grouper had never been saved, in the
        rolling-grouper format (``state_format``; README, "The story state's format"): the windows' duplicate
        indexes (their own .npz bytes, base64), representatives, pairs not yet taken, and the story index."""
        def b64(index: DuplicateIndex | None) -> str | None:
            return None if index is None else base64.b64encode(index.to_bytes()).decode("ascii")

        return pack(GROUPER_FORMAT, GROUPER_VERSION, {
            "window_days": self.window_days, "max_open_articles": self.max_open_articles, "window": self._window,
            "rep": self._rep, "pairs": self._pairs, "current": b64(self._current), "previous": b64(self._previous),
            "stories": self.stories.to_state()})

    @classmethod
    def from_bytes(cls, data: bytes) -> RollingGrouper:
        """The grouper ``to_bytes`` wrote; anything else, or any field of the wrong type or shape, is a
        ValueError saying what (a store's file may come from anyone)."""
        state = unpack(data, GROUPER_FORMAT, GROUPER_VERSION)
        grouper = cls(window_days=get(state, "window_days", int),
                      max_open_articles=get(state, "max_open_articles", int),
                      stories=StoryIndex.from_state(get(state, "stories", dict)))
        check(grouper.window_days > 0, "'window_days' must be positive")
        grouper._window = get(state, "window", int, none=True)
        rep = get(state, "rep", dict)
        check(only(rep.values(), str), "'rep' must map article ids to article ids")
        pairs = get(state, "pairs", list)
        check(all(type(p) is list and len(p) == 2 and only(p, str) for p in pairs), "'pairs' must hold [id, id] pairs")
        grouper._rep, grouper._pairs = rep, [(a, b) for a, b in pairs]
        grouper._current = _index_from(get(state, "current", str), "current")
        previous = get(state, "previous", str, none=True)
        grouper._previous = None if previous is None else _index_from(previous, "previous")
        in_windows = set(grouper._current.ids()) | set(grouper._previous.ids() if grouper._previous else ())
        check(set(rep) == in_windows, "'rep' must name exactly the articles in the windows")
        return grouper

    def _advance(self, window: int) -> None:
        if self._window is None:
            self._window = window
        if window <= self._window:
            return
        self._drop(self._previous)
        if window == self._window + 1:
            self._previous = self._current
        else:
            self._drop(self._current)
            self._previous = None
        self._current = DuplicateIndex()
        self._window = window

    def _add_duplicate(self, keys: ArticleKeys) -> None:
        root = self._current.add_signature(keys.id, keys.signature, keys.shingles)
        if root is not None:
            rep = self._rep[root]
        else:
            earlier = self._previous.matches(keys.signature, keys.shingles) if self._previous else []
            rep = self._rep[self._previous.representative(earlier[0])] if self._previous and earlier else keys.id
        self._rep[keys.id] = rep

    def _drop(self, index: DuplicateIndex | None) -> None:
        """Give out the final pairs of a window's articles and forget them."""
        if index is None:
            return
        ids = index.ids()
        final = [(i, self._rep[index.representative(i)]) for i in ids]
        self._pairs.extend((i, rep) for i, rep in final if rep != i)
        for i in ids:
            del self._rep[i]


GROUPER_FORMAT = "kliping-rolling-grouper"
GROUPER_VERSION = 1


def _index_from(text: str, what: str) -> DuplicateIndex:
    try:
        return DuplicateIndex.from_bytes(base64.b64decode(text, validate=True))
    except ValueError as exc:
        raise ValueError(f"{what!r}: {exc}") from exc


def duplicate_groups(pairs: list[tuple[str, str]], order: dict[str, int]) -> list[list[str]]:
    """(id, representative) pairs → groups, representative first, members and groups in ``order``."""
    members: dict[str, list[str]] = {}
    for article_id, rep in pairs:
        members.setdefault(rep, [rep]).append(article_id)
    groups = [sorted(g, key=order.__getitem__) for g in members.values()]
    return sorted(groups, key=lambda g: order[g[0]])
