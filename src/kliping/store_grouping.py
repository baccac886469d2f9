"""The store's stories and duplicates: the one grouper (``corpus.rolling``) fed the stored articles in date order.

``kliping analyze DIR`` feeds its articles to ``RollingGrouper`` dated ones by day then input order, undated last.
A store must come to the same stories however its articles arrived (one add or many, in any order), so it keeps
each article's clustering keys (table ``article_keys``) and the grouper's state (state row ``grouper``, in the
rolling-grouper format), and holds one invariant: the stories and duplicates in the store are what the grouper
makes of every stored article in the order (undated last, day, rowid).

- New articles that all come after the last one grouped (the usual case: news arrives in date order) go on
  from the saved grouper: work in proportion to the new articles.
- An article that belongs earlier (a back-dated one, or a dated one after undated ones) is grouped where it
  arrives for now, and the grouping marked stale; at the end of the add (``Store.add``: once, however many
  batches arrived out of order) every stored article is regrouped from its saved keys, in order: the stories
  of ``analyze DIR``, at a cost in proportion to the store (README, "Store"); story ids may be renumbered.
  A stale mark left by a killed add is settled by the next add or ``analyze --db``.

Table ``duplicates`` holds (article id, representative) for every article whose representative is another
article: final once the article's duplicate window has closed, as they stand for articles still in a window.
Story pages read only that table and ``articles``, never the grouper state.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kliping.corpus.dedup import DuplicateIndex
from kliping.corpus.rolling import ArticleKeys, RollingGrouper, article_keys
from kliping.errors import StoreFailed
from kliping.model import Article
from kliping.store_records import stored_article

# The grouper's order over stored articles: dated by day then id, undated last by id (Journal.in_date_order's).
# Not the arrival order: articles that arrive in any order end in the same stories.
ORDER_BY = "a.day IS NULL, a.day, a.id"
OrderKey = tuple[bool, str, str]


def order_key(day: str | None, article_id: str) -> OrderKey:
    return (day is None, day or "", article_id)


@dataclass
class Grouping:
    """The grouper and the order key of the last article it was fed (None: nothing yet)."""

    grouper: RollingGrouper
    last: OrderKey | None
    stale: bool = False  # articles were grouped out of order: a regroup is due


def empty() -> Grouping:
    return Grouping(RollingGrouper(), None)


def load(conn: sqlite3.Connection) -> Grouping:
    """The saved grouping (ValueError, saying what, when the state is malformed); an empty one when none."""
    rows = dict(conn.execute("SELECT key, value FROM state WHERE key IN ('grouper', 'grouped_last', 'stale')"
                             ).fetchall())
    if "grouper" not in rows:
        return empty()
    last = json.loads(rows["grouped_last"]) if "grouped_last" in rows else None
    if last is not None and not (isinstance(last, list) and len(last) == 3 and isinstance(last[0], bool)
                                 and isinstance(last[1], str) and isinstance(last[2], str)):
        raise ValueError("'grouped_last' must be [undated, day, article id]")
    return Grouping(RollingGrouper.from_bytes(bytes(rows["grouper"])), None if last is None else tuple(last),
                    bool(rows.get("stale")))


def is_stale(conn: sqlite3.Connection) -> bool:
    """Whether articles were grouped out of order and a regroup is due (read without loading the grouper)."""
    row = conn.execute("SELECT value FROM state WHERE key = 'stale'").fetchone()
    return bool(row and row[0])


def save(conn: sqlite3.Connection, grouping: Grouping) -> None:
    conn.executemany("INSERT OR REPLACE INTO state VALUES (?, ?)", [
        ("grouper", grouping.grouper.to_bytes()), ("grouped_last", json.dumps(grouping.last)),
        ("stale", int(grouping.stale))])


def keep_keys(conn: sqlite3.Connection, article: Article) -> ArticleKeys:
    """Compute and store one new article's clustering keys (what a regroup reads back)."""
    keys = article_keys(article)
    conn.execute("INSERT INTO article_keys (article_id, keys, sig) VALUES (?, ?, ?)",
                 (keys.id, json.dumps(keys.to_record(), ensure_ascii=False), keys.signature.tobytes()))
    return keys


def add(conn: sqlite3.Connection, grouping: Grouping, new: list[tuple[OrderKey, ArticleKeys]]) -> list[str]:
    """Group the new (already inserted) articles; returns their story ids. When one of them belongs before the
    last article grouped, the grouping is marked stale (``regroup`` settles it)."""
    if not new:
        return []
    new = sorted(new, key=lambda item: item[0])
    if grouping.last is not None and new[0][0] < grouping.last:
        grouping.stale = True
    last = grouping.last
    story_ids = _feed(conn, grouping, new)
    if last is not None and grouping.last is not None:
        grouping.last = max(last, grouping.last)
    return story_ids


def convert(conn: sqlite3.Connection) -> None:
    """Schema 3, in the migration's transaction: every stored article's keys computed from its stored annotations
    and kept, and all of them regrouped; the old story and duplicate state (pickled before schema 2) goes unread.
    Story ids may change: stories are now those ``analyze`` makes of the same articles."""
    last, seen = 0, 0
    # Paged by rowid: a big store's articles are not all held in memory at once.
    while rows := conn.execute("SELECT rowid, body, data FROM articles WHERE rowid > ? ORDER BY rowid LIMIT 500",
                               (last,)).fetchall():
        for _, body, data in rows:
            keep_keys(conn, stored_article(body, data))
        last, seen = rows[-1][0], seen + len(rows)
    grouping = empty()
    if seen:  # a new store has nothing to regroup
        regroup(conn, grouping)
    save(conn, grouping)
    conn.execute("DELETE FROM state WHERE key IN ('stories', 'duplicates')")


def regroup(conn: sqlite3.Connection, grouping: Grouping) -> None:
    """Every stored article through a fresh grouper, in order: the stories ``analyze`` would make of them."""
    fresh = empty()
    grouping.grouper, grouping.last, grouping.stale = fresh.grouper, fresh.last, False
    conn.execute("DELETE FROM duplicates")
    # Story ids may now name other stories: whoever keeps builds by id (the web app) sees the count move.
    conn.execute("INSERT INTO state VALUES ('regroups', 1) ON CONFLICT (key) DO UPDATE SET value = value + 1")
    _feed(conn, grouping, _stored_keys(conn))


def _stored_keys(conn: sqlite3.Connection) -> Iterator[tuple[OrderKey, ArticleKeys]]:
    # Paged by the order key (index articles_day_id) rather than one cursor held open while the feed writes.
    select = ("SELECT a.id, a.day, k.keys, k.sig FROM articles AS a JOIN article_keys AS k ON k.article_id = a.id"
              " WHERE ")
    pages = [("a.day IS NOT NULL AND (a.day, a.id) > (?, ?) ORDER BY a.day, a.id", ["", ""]),
             ("a.day IS NULL AND a.id > ? ORDER BY a.id", [""])]
    for where, after in pages:
        while rows := conn.execute(select + where + " LIMIT 2000", after).fetchall():
            for article_id, day, keys, sig in rows:
                yield order_key(day, article_id), ArticleKeys.from_record(article_id, json.loads(keys), sig)
            after = [rows[-1][1], rows[-1][0]] if len(after) == 2 else [rows[-1][0]]


def _feed(conn: sqlite3.Connection, grouping: Grouping, items: Iterable[tuple[OrderKey, ArticleKeys]]) -> list[str]:
    """Feed ``items`` in order; each article's story id written as it is given, and moved when its story is merged
    into another. Returns each item's story id as it stands at the end."""
    grouper = grouping.grouper
    given: list[str] = []
    before, _ = grouper.window_pairs()
    stories: list[tuple[str, str]] = []
    merged: dict[str, str] = {}
    for key, keys in items:
        grouper.add(keys)  # the stories it closes are final; their articles keep the ids they were given
        story_id = grouper.stories.story_of(keys.id)
        assert story_id is not None  # an article just added is in an open story
        stories.append((story_id, keys.id))
        given.append(story_id)
        grouping.last = key
        if merges := grouper.stories.take_merges():
            # An article bridged open stories: the merged ones' stored articles move to the story they went into.
            conn.executemany("UPDATE articles SET story_id = ? WHERE id = ?", stories)
            stories = []
            conn.executemany("UPDATE articles SET story_id = ? WHERE story_id = ?", [(b, a) for a, b in merges])
            merged.update(merges)
        if len(stories) >= 5000:
            conn.executemany("UPDATE articles SET story_id = ? WHERE id = ?", stories)
            stories = []
    conn.executemany("UPDATE articles SET story_id = ? WHERE id = ?", stories)
    for n, story_id in enumerate(given):
        while story_id in merged:
            story_id = merged[story_id]
        given[n] = story_id
    # Representatives: the window's as they stand now replace what was written for them before.
    after, provisional = grouper.window_pairs()
    conn.executemany("DELETE FROM duplicates WHERE article_id = ?", ((i,) for i in (*before, *after)))
    conn.executemany("INSERT OR REPLACE INTO duplicates VALUES (?, ?)", [*grouper.take_duplicates(), *provisional])
    return given


def representatives(conn: sqlite3.Connection, story_id: str) -> dict[str, str]:
    """(article id → representative) for the articles of one story that are copies of another article."""
    return dict(conn.execute("SELECT d.article_id, d.representative FROM duplicates AS d JOIN articles AS a"
                             " ON a.id = d.article_id WHERE a.story_id = ?", (story_id,)).fetchall())


def legacy_duplicates(conn: sqlite3.Connection, path: Path) -> DuplicateIndex:
    """A store of schema 1-2 read as is: its one duplicate index over everything."""
    row = conn.execute("SELECT value FROM state WHERE key = 'duplicates'").fetchone()
    try:
        return DuplicateIndex.from_bytes(row[0]) if row else DuplicateIndex()
    except ValueError as exc:
        raise StoreFailed(f"the duplicates state in {path} cannot be read ({exc})") from exc


def story_ids_of(conn: sqlite3.Connection, article_ids: list[str]) -> list[str]:
    """The stories the articles are in now, each once, in the order of their first article."""
    found: dict[str, None] = {}
    for start in range(0, len(article_ids), 500):
        chunk = article_ids[start:start + 500]
        found.update((sid, None) for (sid,) in conn.execute(
            f"SELECT story_id FROM articles WHERE id IN ({','.join('?' * len(chunk))})", chunk))
    return list(found)


def all_pairs(conn: sqlite3.Connection) -> tuple[list[tuple[str, str]], dict[str, int]]:
    """Every (article id, representative) pair, and each article's place in the grouper's order."""
    pairs = [(a, r) for a, r in conn.execute("SELECT article_id, representative FROM duplicates")]
    order = {i: n for n, (i,) in enumerate(conn.execute(f"SELECT a.id FROM articles AS a ORDER BY {ORDER_BY}"))}
    return pairs, order
