"""Annotated articles ⇄ an SQLite file that grows: articles, quotes, full-text search and the story state.

The store's front: ``Store`` and its SQL for articles and schema; the grouping's SQL is ``store_grouping.py``,
search's ``store_search.py``, the file's health ``store_files.py``. One file (``kliping.db``) in WAL mode, its
schema built by the ordered migrations in ``resources/migrations/`` (each applied once, in ``schema_version``).

- An article is stored once: a second copy with the same locator (its URL, else its source path) or the
  same content (sha1 of the body) counts as "already stored". An id taken by a different article gets
  a ``~2``, ``~3``… suffix, as ids repeated within one run do.
- ``add`` commits in batches; each batch is one ``BEGIN IMMEDIATE`` transaction holding the articles,
  their quotes, their full-text rows, their clustering keys and the grouper's new state, so a killed
  add leaves a consistent database and a rerun skips what is stored. Writers queue on ``busy_timeout``;
  a ``generation`` counter tells a writer when another process has moved the state on.
- Stories and duplicates are the one grouper's (``corpus.rolling``) over the stored articles in date order,
  whatever order they arrived in (``store_grouping.py``): the stories ``kliping analyze`` makes of them.
- A story's articles come out in date order (``story_articles``); building the story (events, claims…) is the
  corpus stage's, driven from ``run``. A read never writes (the ``story_cache`` table of schema 1 is no longer
  read or written).
- Search is FTS5 over article title + body and over quotations (text + speaker), ``store_search.py``; it is
  alias-aware through who each article names (the ``entities`` table, ``store_entities.py``), which also answers
  the people-and-organisations pages.
"""

from __future__ import annotations

import json
import math
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from kliping import store_entities, store_grouping, store_verdicts
from kliping.corpus.features import article_date
from kliping.corpus.rolling import ArticleKeys, duplicate_groups
from kliping.errors import StoreError, StoreFailed
from kliping.model import Article
from kliping.pipeline import numbered_id
from kliping.store_files import as_store_error, check_before_writing, connect_read_only, table_counts
from kliping.store_queries import Queries
from kliping.store_records import (
    MIGRATIONS,
    AddResult,
    Hit,
    StoredStory,
    StoryRow,
    content_hash,
    fts_query,
    locator,
    retry_locked,
    statements,
    stored_article,
)

__all__ = ["BATCH_SIZE", "AddResult", "Hit", "Store", "StoryRow", "fts_query"]

BATCH_SIZE = 200
STATE_SHARE = 4  # writing the state takes at most a quarter of the time its batch's articles took
BUSY_TIMEOUT_MS = 120_000  # a writer waits this long for another writer's batch before giving up
# Schema 3 regroups the stored articles with the rolling grouper (``store_grouping.convert``); a store of schema 1-2
# that cannot be written (and upgraded) is read as is: its stories as they were, duplicates from its old index.
ROLLING_SCHEMA = 3
READ_AS_IS_FROM_SCHEMA = 1


class Store(Queries):
    """The article store; open with ``Store.open(path)``, use as a context manager."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        self.path = path
        self._grouping: tuple[int, store_grouping.Grouping] | None = None

    @classmethod
    def open(cls, path: str | Path, *, create: bool = True, write: bool = True) -> Store:
        """Open (or with ``create`` make) the database at ``path`` and bring its schema up to date; with
        ``write=False`` open it read-only (a store in a read-only folder can still be read)."""
        db = Path(path)
        if not create and not db.is_file():
            raise StoreError(f"no database at {db}: `kliping add PATH... --db {db}` creates one")
        try:
            if write:
                conn = sqlite3.connect(db, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
            else:
                conn = connect_read_only(db, BUSY_TIMEOUT_MS / 1000)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open {db}: {exc}") from exc
        store = cls(conn, db)
        try:
            if write:
                # WAL + NORMAL: a killed process never loses a commit; only a power cut may lose the last ones.
                conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                # A new file switching to WAL says "locked" without waiting while another process creates it too.
                pragmas = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;"
                retry_locked(lambda: conn.executescript(pragmas), BUSY_TIMEOUT_MS / 1000)
                check_before_writing(conn, db)
                retry_locked(store._migrate, BUSY_TIMEOUT_MS / 1000)
            elif not store._readable_as_is():  # an older schema: brought up to date where the file can be written
                conn.close()
                return cls.open(db, create=False, write=True)
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise as_store_error(exc, db, "opening") or StoreError(f"{db} is not a kliping database ({exc})") from exc
        except BaseException:
            conn.close()
            raise
        return store

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    # --- schema and transactions ---------------------------------------------------------------------

    def _migrate(self) -> None:
        with self._transaction():
            self._conn.execute("CREATE TABLE IF NOT EXISTS schema_version "
                               "(version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)")
            done = {v for (v,) in self._conn.execute("SELECT version FROM schema_version")}
            if done and max(done) > MIGRATIONS[-1][0]:
                raise StoreError(f"{self.path} was written by a newer kliping (schema {max(done)}); upgrade kliping")
            for version, script in MIGRATIONS:
                if version in done:
                    continue
                for statement in statements(script):
                    self._conn.execute(statement)
                if version == ROLLING_SCHEMA:
                    store_grouping.convert(self._conn)
                if version == store_entities.ENTITIES_SCHEMA:  # who the stored articles name: no re-add needed
                    store_entities.fill(self._conn)
                self._conn.execute("INSERT INTO schema_version VALUES (?, ?)",
                                   (version, datetime.now(UTC).isoformat(timespec="seconds")))

    def _readable_as_is(self) -> bool:
        """Whether a store opened read-only has a schema this kliping reads; False for an older one that
        can be upgraded here. A newer one, or an older unreadable one that cannot be written, is refused."""
        version = self.schema_version()
        latest = MIGRATIONS[-1][0]
        if version > latest:
            raise StoreError(f"{self.path} was written by a newer kliping (schema {version}); upgrade kliping")
        if version == latest:
            return True
        if os.access(self.path, os.W_OK) and os.access(self.path.parent, os.W_OK):
            return False
        if version >= READ_AS_IS_FROM_SCHEMA:
            return True
        raise StoreError(f"{self.path} has an older schema ({version}) and cannot be written here to upgrade it")

    def schema_version(self) -> int:
        return int(self._conn.execute("SELECT max(version) FROM schema_version").fetchone()[0])

    @contextmanager
    def _transaction(self, mode: str = "IMMEDIATE") -> Iterator[None]:
        # IMMEDIATE takes the write lock up front, so two writers queue instead of failing on upgrade.
        self._conn.execute(f"BEGIN {mode}")
        try:
            yield
            self._conn.execute("COMMIT")
        except BaseException:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            self._grouping = None  # it may hold changes that were just rolled back
            raise

    def _generation(self) -> int:
        row = self._conn.execute("SELECT value FROM state WHERE key = 'generation'").fetchone()
        return int(row[0]) if row else 0

    def _current_grouping(self) -> store_grouping.Grouping:
        """The committed grouper state (call inside a transaction); reloaded only when another writer moved it on."""
        generation = self._generation()
        if self._grouping is None or self._grouping[0] != generation:
            try:
                self._grouping = (generation, store_grouping.load(self._conn))
            except ValueError as exc:  # a malformed blob, from damage or from whoever made the file
                raise StoreFailed(f"the grouper state in {self.path} cannot be read ({exc}); `kliping check --db "
                                  f"{self.path} --repair NEW.db` rebuilds it from the articles") from exc
        return self._grouping[1]

    # --- adding --------------------------------------------------------------------------------------

    def add(self, articles: Iterable[Article], *, batch_size: int = BATCH_SIZE) -> AddResult:
        """Store new articles and grow their stories, committing every ``batch_size`` articles or more.

        Each commit rewrites the story state, which grows with the store: a batch grows just enough that
        writing it takes ≤ 1/STATE_SHARE of the batch's time, so a big add costs O(n) in all, not O(n²)."""
        result = AddResult()
        added: list[str] = []
        batch: list[Article] = []
        target = batch_size
        started = time.perf_counter()
        try:
            for article in articles:  # reading and annotating happen here, outside any transaction
                batch.append(article)
                if len(batch) >= target:
                    gathered = time.perf_counter() - started
                    work, state_write = self._add_batch(batch, result, added)
                    per_article = (gathered + work) / len(batch)
                    target = max(batch_size, math.ceil(STATE_SHARE * state_write / max(per_article, 1e-6)))
                    batch = []
                    started = time.perf_counter()
            if batch:
                self._add_batch(batch, result, added)
            if self.settle():  # story ids may have changed: the touched stories are those the new articles are in now
                result.stories_touched = store_grouping.story_ids_of(self._conn, added)
        except sqlite3.Error as exc:  # a full disk or damage found mid-way: in words, and what is safe
            failed = as_store_error(exc, self.path, "writing to")
            if failed is None:
                raise
            raise failed from exc
        return result

    def _add_batch(self, batch: list[Article], result: AddResult, added_ids: list[str]) -> tuple[float, float]:
        """One transaction; returns the seconds spent on the articles and on writing the state."""
        touched = dict.fromkeys(result.stories_touched)
        started = time.perf_counter()
        written = started
        with self._transaction():
            grouping = self._current_grouping()
            new: list[tuple[store_grouping.OrderKey, ArticleKeys]] = []
            for article in batch:
                if self._conn.execute("SELECT 1 FROM articles WHERE content_hash = ? OR locator = ?",
                                      (content_hash(article), locator(article))).fetchone():
                    result.already += 1
                    continue
                article = self._unique_id(article)
                day = self._insert(article)
                new.append((store_grouping.order_key(day, article.id), store_grouping.keep_keys(self._conn, article)))
            touched.update(dict.fromkeys(store_grouping.add(self._conn, grouping, new)))
            added = len(new)
            added_ids.extend(keys.id for _, keys in new)
            written = time.perf_counter()
            if added:
                self._save_grouping(grouping)
        result.added += added
        result.stories_touched = list(touched)
        return written - started, time.perf_counter() - written

    def stale(self) -> bool:
        """Whether articles were grouped out of date order and a regroup (``settle``) is due (a killed add)."""
        return store_grouping.is_stale(self._conn)

    def settle(self) -> bool:
        """Regroup every stored article if some were grouped out of date order (``store_grouping``; an add does
        it at its end, so only a killed add leaves it to do); True if it did."""
        with self._transaction():
            grouping = self._current_grouping()
            if not grouping.stale:
                return False
            store_grouping.regroup(self._conn, grouping)
            self._save_grouping(grouping)
        return True

    def _save_grouping(self, grouping: store_grouping.Grouping) -> None:
        """Write the grouper state and move the generation on (inside the transaction), keeping it as current."""
        store_grouping.save(self._conn, grouping)
        generation = self._generation() + 1
        self._conn.execute("INSERT OR REPLACE INTO state VALUES ('generation', ?)", (generation,))
        self._grouping = (generation, grouping)

    def _unique_id(self, article: Article) -> Article:
        """The run's id rule (pipeline.numbered_id: "x", "x~2", "x~3"…) over the ids already stored."""
        new_id, n = article.id, 1
        while self._conn.execute("SELECT 1 FROM articles WHERE id = ?", (new_id,)).fetchone():
            n += 1
            new_id = numbered_id(article.id, n)
        return article if new_id == article.id else replace(article, id=new_id)

    def _insert(self, article: Article) -> str | None:
        """Insert one article (its story is set when it is grouped); returns its day."""
        data = article.to_dict()
        del data["body"]
        data["url"] = article.url
        date = article_date(article)
        day = date.isoformat() if date else None
        cursor = self._conn.execute(
            "INSERT INTO articles (id, locator, content_hash, url, source, title, outlet, language, published, day,"
            " story_id, body, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (article.id, locator(article), content_hash(article), article.url, article.source, article.title,
             article.outlet, article.language, article.published, day, "", article.body,
             json.dumps(data, ensure_ascii=False)))
        rowid = int(cursor.lastrowid or 0)
        self._conn.execute("INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)",
                           (rowid, article.title or "", article.body))
        for seq, quote in enumerate(article.quotes):
            cursor = self._conn.execute(
                "INSERT INTO quotes (article_id, seq, speaker, text, kind, cue) VALUES (?, ?, ?, ?, ?, ?)",
                (article.id, seq, quote.speaker, quote.text, quote.kind, quote.cue))
            self._conn.execute("INSERT INTO quotes_fts (rowid, text, speaker) VALUES (?, ?, ?)",
                               (cursor.lastrowid, quote.text, quote.speaker or ""))
        store_entities.insert(self._conn, article.id, article.entities)
        return day

    def article(self, article_id: str) -> Article | None:
        row = self._conn.execute("SELECT body, data FROM articles WHERE id = ?", (article_id,)).fetchone()
        return stored_article(*row) if row else None

    def articles(self, ids: Iterable[str]) -> list[Article]:
        """The stored articles among ``ids``, in the order given (unknown ids left out)."""
        wanted = list(dict.fromkeys(ids))
        found: dict[str, Article] = {}
        for start in range(0, len(wanted), 500):  # stay under SQLite's bound-parameter limit
            chunk = wanted[start:start + 500]
            marks = ",".join("?" * len(chunk))
            for article_id, body, data in self._conn.execute(
                    f"SELECT id, body, data FROM articles WHERE id IN ({marks})", chunk):
                found[article_id] = stored_article(body, data)
        return [found[i] for i in wanted if i in found]

    def iter_articles(self) -> Iterator[Article]:
        """Every stored article, in the order they were added."""
        for body, data in self._conn.execute("SELECT body, data FROM articles ORDER BY rowid"):
            yield stored_article(body, data)

    def stored_locators(self, locators: Iterable[str]) -> set[str]:
        """Which of these URLs (or source paths) an article in the store came from: what a feed's reader
        passes over. Asked 500 at a time (SQLite's variable limit)."""
        wanted = list(dict.fromkeys(locators))
        found: set[str] = set()
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            sql = f"SELECT locator FROM articles WHERE locator IN ({','.join('?' * len(chunk))})"
            found.update(row[0] for row in self._conn.execute(sql, chunk))
        return found

    def article_count(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    def stories(self, limit: int | None = None) -> list[StoryRow]:
        """Stories, the biggest first, then the latest."""
        rows = self._conn.execute(
            "SELECT s.story_id, s.n, s.first, s.last, (SELECT coalesce(t.title, t.id) FROM articles t"
            "  WHERE t.story_id = s.story_id ORDER BY t.title IS NULL, t.day IS NULL, t.day, t.id LIMIT 1)"
            " FROM (SELECT story_id, count(*) AS n, min(day) AS first, max(day) AS last, min(rowid) AS seq"
            "       FROM articles GROUP BY story_id) AS s"
            " ORDER BY s.n DESC, s.last IS NULL, s.last DESC, s.seq LIMIT ?", (-1 if limit is None else limit,))
        return [StoryRow(sid, title, n, first, last) for sid, n, first, last, title in rows]

    def story_of(self, article_id: str) -> str | None:
        row = self._conn.execute("SELECT story_id FROM articles WHERE id = ?", (article_id,)).fetchone()
        return str(row[0]) if row else None

    def story_ids(self) -> list[str]:
        return [sid for (sid,) in self._conn.execute(
            "SELECT story_id FROM articles GROUP BY story_id ORDER BY min(rowid)")]

    def story_size(self, story_id: str) -> int:
        """How many stored articles the story holds now (0 for an unknown id)."""
        return int(self._conn.execute("SELECT count(*) FROM articles WHERE story_id = ?", (story_id,)).fetchone()[0])

    def regroups(self) -> int:
        """How many times the store has regrouped every article (story ids may have changed each time)."""
        row = self._conn.execute("SELECT value FROM state WHERE key = 'regroups'").fetchone()
        return int(row[0]) if row else 0

    def story_articles(self, story_id: str) -> StoredStory | None:
        """A story's articles in date order and the representative of each that copies another: what
        ``corpus.assemble.build_story`` needs (``run.stored``). None for an unknown id.

        Reading never writes: a reader must not queue behind a writer's transaction (the web app keeps the
        builds it made in memory, ``show/web/shelf.py``)."""
        with self._transaction("DEFERRED"):  # one snapshot: the articles and the grouping of them
            rows = self._conn.execute("SELECT a.body, a.data FROM articles AS a WHERE a.story_id = ?"
                                      f" ORDER BY {store_grouping.ORDER_BY}", (story_id,)).fetchall()
            if not rows:
                return None
            articles = [stored_article(body, data) for body, data in rows]
            if self.schema_version() >= ROLLING_SCHEMA:
                representative = store_grouping.representatives(self._conn, story_id)
            else:  # a store of schema 1-2 read as is
                index = store_grouping.legacy_duplicates(self._conn, self.path)
                representative = {a.id: index.representative(a.id) for a in articles if a.id in index}
        return StoredStory(story_id, articles, {i: r for i, r in representative.items() if r != i})

    # --- the desk's verdicts (store_verdicts.py) -----------------------------------------------------

    def record_verdict(self, verdict: store_verdicts.Verdict) -> None:
        with self._transaction():
            store_verdicts.upsert(self._conn, verdict)

    def verdicts(self) -> list[store_verdicts.Verdict]:
        """Every verdict recorded (none in an older store read as is, which has no table for them)."""
        if self.schema_version() < store_verdicts.VERDICTS_SCHEMA:
            return []
        return store_verdicts.all_verdicts(self._conn)

    # --- the whole store -----------------------------------------------------------------------------

    def duplicate_groups(self) -> list[list[str]]:
        """Groups of ≥ 2 near-duplicate article ids, representative first, members and groups in date order
        (undated last), as ``analyze`` gives them."""
        with self._transaction("DEFERRED"):
            if self.schema_version() < ROLLING_SCHEMA:  # a store of schema 1-2 read as is
                return store_grouping.legacy_duplicates(self._conn, self.path).groups()
            pairs, order = store_grouping.all_pairs(self._conn)
        return duplicate_groups(pairs, order)


    def integrity(self) -> dict[str, Any]:
        """Counts that must agree (and SQLite's own check), to verify a database after a crash."""
        with self._transaction():
            counts = table_counts(self._conn)
            counts["story_state_articles"] = self._current_grouping().grouper.stories.open_articles()
        return counts
