"""Annotated articles ⇄ an SQLite file that grows: articles, quotes, full-text search and the story state.

The only module that speaks SQL. One file (``kliping.db``) in WAL mode, its schema built by the ordered
migrations in ``resources/migrations/`` (each applied once, recorded in ``schema_version``).

- An article is stored once: a second copy with the same locator (its URL, else its source path) or the
  same content (sha1 of the body) counts as "already stored". An id taken by a different article gets
  a ``~2``, ``~3``… suffix, as ids repeated within one run do.
- ``add`` commits in batches; each batch is one ``BEGIN IMMEDIATE`` transaction holding the articles,
  their quotes, their full-text rows and the new story and duplicate index state (blobs), so a killed
  add leaves a consistent database and a rerun skips what is stored. Writers queue on ``busy_timeout``;
  a ``generation`` counter tells a writer when another process has moved the state on.
- Stories are built on demand (``build_story``) from their articles in date order; a read never writes (the
  ``story_cache`` table of schema 1 is no longer read or written: a build made by older code is never served).
- Search is FTS5 over article title + body and over quotations (text + speaker). User text never
  reaches FTS syntax: every word is quoted; ``"a phrase"`` and a trailing ``word*`` are honoured.
  Snippets mark matches with ``SNIPPET_MARK`` (``**word**``): plain text, to be escaped by renderers.
"""

from __future__ import annotations

import json
import math
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

from kliping.corpus.assemble import build_story
from kliping.corpus.dedup import DuplicateIndex
from kliping.corpus.stories import StoryIndex, article_date
from kliping.errors import StoreError, StoreFailed
from kliping.model import Article, Quote, Story
from kliping.pipeline import numbered_id
from kliping.store_files import as_store_error, check_before_writing, connect_read_only
from kliping.store_records import (
    MIGRATIONS,
    SEARCH_SECONDS,
    SNIPPET_MARK,
    AddResult,
    CorpusState,
    Hit,
    StoryRow,
    check_since,
    content_hash,
    converted_stories,
    fts_query,
    like_escape,
    load_stories,
    locator,
    retry_locked,
    statements,
    stored_article,
    time_budget,
)

__all__ = ["BATCH_SIZE", "SNIPPET_MARK", "AddResult", "Hit", "Store", "StoryRow", "fts_query"]

BATCH_SIZE = 200
STATE_SHARE = 4  # writing the state takes at most a quarter of the time its batch's articles took
BUSY_TIMEOUT_MS = 120_000  # a writer waits this long for another writer's batch before giving up
# Schema 2 only rewrote the story state, pickled before, in the story-index format; reading (search, stories,
# a story) never loads that state, so a schema-1 store that cannot be written (and upgraded) is read as is.
PICKLE_FREE_SCHEMA = 2
READ_AS_IS_FROM_SCHEMA = 1
_SNIPPET_WORDS = 24
T = TypeVar("T")
_ARTICLE_COLUMNS = "a.id, a.story_id, a.title, a.outlet, a.published"
# Hit kind → FTS table, snippet column (-1: the best), tables, join, speaker column, text without a query.
_HIT_SOURCES = {
    "article": ("articles_fts", -1, "articles AS a", "1", "NULL", "substr(a.body, 1, 200)"),
    "quote": ("quotes_fts", 0, "quotes AS q, articles AS a", "a.id = q.article_id", "q.speaker", "q.text"),
}


class Store:
    """The article store; open with ``Store.open(path)``, use as a context manager."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        self.path = path
        self._state: CorpusState | None = None
        self._dups: tuple[int, DuplicateIndex] | None = None

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
                if version == PICKLE_FREE_SCHEMA:
                    self._convert_pickled_stories()
                self._conn.execute("INSERT INTO schema_version VALUES (?, ?)",
                                   (version, datetime.now(UTC).isoformat(timespec="seconds")))

    def _convert_pickled_stories(self) -> None:
        """Schema 2: a pickled story state rewritten in the story-index format, in the migration's transaction."""
        row = self._conn.execute("SELECT value FROM state WHERE key = 'stories'").fetchone()
        converted = converted_stories(row[0]) if row else None
        if converted is not None:
            self._conn.execute("UPDATE state SET value = ? WHERE key = 'stories'", (converted,))

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
            self._state = None  # it may hold changes that were just rolled back
            raise

    def _generation(self) -> int:
        row = self._conn.execute("SELECT value FROM state WHERE key = 'generation'").fetchone()
        return int(row[0]) if row else 0

    def _current_state(self) -> CorpusState:
        """The committed story and duplicate state (call inside a transaction); reloaded only when it moved on."""
        generation = self._generation()
        if self._state is None or self._state.generation != generation:
            self._state = CorpusState(generation, self._load("stories", load_stories, StoryIndex),
                                      self._load("duplicates", DuplicateIndex.from_bytes, DuplicateIndex))
        return self._state

    def _duplicates(self) -> DuplicateIndex:
        """The duplicate index alone: story pages need only it, and the story index is the slow one to load."""
        generation = self._generation()
        if self._state is not None and self._state.generation == generation:
            return self._state.duplicates
        if self._dups is None or self._dups[0] != generation:
            self._dups = (generation, self._load("duplicates", DuplicateIndex.from_bytes, DuplicateIndex))
        return self._dups[1]

    def _load(self, key: str, load: Callable[[bytes], T], empty: Callable[[], T]) -> T:
        row = self._conn.execute("SELECT value FROM state WHERE key = ?", (key,)).fetchone()
        try:
            return load(row[0]) if row else empty()
        except ValueError as exc:  # a malformed blob, from damage or from whoever made the file
            raise StoreFailed(f"the {key} state in {self.path} cannot be read ({exc}); `kliping check --db "
                             f"{self.path} --repair NEW.db` rebuilds it from the articles") from exc

    # --- adding --------------------------------------------------------------------------------------

    def add(self, articles: Iterable[Article], *, batch_size: int = BATCH_SIZE) -> AddResult:
        """Store new articles and grow their stories, committing every ``batch_size`` articles or more.

        Each commit rewrites the story state, which grows with the store: a batch grows just enough that
        writing it takes ≤ 1/STATE_SHARE of the batch's time, so a big add costs O(n) in all, not O(n²)."""
        result = AddResult()
        batch: list[Article] = []
        target = batch_size
        started = time.perf_counter()
        try:
            for article in articles:  # reading and annotating happen here, outside any transaction
                batch.append(article)
                if len(batch) >= target:
                    gathered = time.perf_counter() - started
                    work, state_write = self._add_batch(batch, result)
                    per_article = (gathered + work) / len(batch)
                    target = max(batch_size, math.ceil(STATE_SHARE * state_write / max(per_article, 1e-6)))
                    batch = []
                    started = time.perf_counter()
            if batch:
                self._add_batch(batch, result)
        except sqlite3.Error as exc:  # a full disk or damage found mid-way: in words, and what is safe
            failed = as_store_error(exc, self.path, "writing to")
            if failed is None:
                raise
            raise failed from exc
        return result

    def _add_batch(self, batch: list[Article], result: AddResult) -> tuple[float, float]:
        """One transaction; returns the seconds spent on the articles and on writing the state."""
        touched = dict.fromkeys(result.stories_touched)
        started = time.perf_counter()
        written = started
        with self._transaction():
            state = self._current_state()
            added = 0
            for article in batch:
                if self._conn.execute("SELECT 1 FROM articles WHERE content_hash = ? OR locator = ?",
                                      (content_hash(article), locator(article))).fetchone():
                    result.already += 1
                    continue
                article = self._unique_id(article)
                state.duplicates.add(article.id, article.body)
                story_id = state.stories.add(article)
                self._insert(article, story_id)
                touched[story_id] = None
                added += 1
            written = time.perf_counter()
            if added:
                state.generation += 1
                self._conn.executemany("INSERT OR REPLACE INTO state VALUES (?, ?)", [
                    ("stories", state.stories.to_bytes()),
                    ("duplicates", state.duplicates.to_bytes()),
                    ("generation", state.generation)])
        result.added += added
        result.stories_touched = list(touched)
        return written - started, time.perf_counter() - written

    def _unique_id(self, article: Article) -> Article:
        """The run's id rule (pipeline.numbered_id: "x", "x~2", "x~3"…) over the ids already stored."""
        new_id, n = article.id, 1
        while self._conn.execute("SELECT 1 FROM articles WHERE id = ?", (new_id,)).fetchone():
            n += 1
            new_id = numbered_id(article.id, n)
        return article if new_id == article.id else replace(article, id=new_id)

    def _insert(self, article: Article, story_id: str) -> None:
        data = article.to_dict()
        del data["body"]
        data["url"] = article.url
        day = article_date(article)
        cursor = self._conn.execute(
            "INSERT INTO articles (id, locator, content_hash, url, source, title, outlet, language, published, day,"
            " story_id, body, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (article.id, locator(article), content_hash(article), article.url, article.source, article.title,
             article.outlet, article.language, article.published, day.isoformat() if day else None, story_id,
             article.body, json.dumps(data, ensure_ascii=False)))
        self._conn.execute("INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)",
                           (cursor.lastrowid, article.title or "", article.body))
        for seq, quote in enumerate(article.quotes):
            cursor = self._conn.execute(
                "INSERT INTO quotes (article_id, seq, speaker, text, kind, cue) VALUES (?, ?, ?, ?, ?, ?)",
                (article.id, seq, quote.speaker, quote.text, quote.kind, quote.cue))
            self._conn.execute("INSERT INTO quotes_fts (rowid, text, speaker) VALUES (?, ?, ?)",
                               (cursor.lastrowid, quote.text, quote.speaker or ""))

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

    def article_count(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    def stories(self, limit: int | None = None) -> list[StoryRow]:
        """Stories, the biggest first, then the latest."""
        rows = self._conn.execute(
            "SELECT s.story_id, s.n, s.first, s.last, (SELECT coalesce(t.title, t.id) FROM articles t"
            "  WHERE t.story_id = s.story_id ORDER BY t.title IS NULL, t.day IS NULL, t.day, t.rowid LIMIT 1)"
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

    def story(self, story_id: str) -> Story | None:
        """The full story (events, claims, timeline, quotes, summary), built now from its stored articles.

        Reading never writes: a reader must not queue behind a writer's transaction (the web app keeps the
        builds it made in memory, ``show/web/shelf.py``)."""
        with self._transaction("DEFERRED"):  # one snapshot: the articles and the state that grouped them
            rows = self._conn.execute("SELECT body, data FROM articles WHERE story_id = ?"
                                      " ORDER BY day IS NULL, day, rowid", (story_id,)).fetchall()
            if not rows:
                return None
            articles = [stored_article(body, data) for body, data in rows]
            duplicates = self._duplicates()
        representative = {a.id: duplicates.representative(a.id) if a.id in duplicates else a.id for a in articles}
        return build_story(story_id, articles, representative)

    # --- search and speakers -------------------------------------------------------------------------

    def search(self, query: str, *, speaker: str | None = None, since: str | None = None,
               story: str | None = None, limit: int = 50) -> list[Hit]:
        """Articles and quotations matching ``query`` (every word), best first, filtered as asked."""
        check_since(since)
        match = fts_query(query)
        if limit <= 0 or not (match or speaker or since or story):
            return []
        where, params = "", []
        if since is not None:
            where += " AND a.day >= ?"
            params.append(since)
        if story is not None:
            where += " AND a.story_id = ?"
            params.append(story)
        if speaker is not None:
            where += " AND q.speaker LIKE ? ESCAPE '\\'"
            params.append("%" + like_escape(speaker) + "%")
        with time_budget(self._conn, SEARCH_SECONDS, "the search"):
            hits = [] if speaker else self._hits("article", match, where, params, limit)
            hits += self._hits("quote", match, where, params, limit)
        hits.sort(key=lambda h: h[0])  # bm25 ranks: lower is better
        return [hit for _, hit in hits[:limit]]

    def _hits(self, kind: str, match: str, where: str, params: list[str], limit: int) -> list[tuple[float, Hit]]:
        fts, column, tables, join, who, text = _HIT_SOURCES[kind]
        if match:
            sql = (f"SELECT f.rank, {_ARTICLE_COLUMNS}, {who}, snippet({fts}, {column}, ?, ?, '…', ?)"
                   f" FROM {fts} AS f, {tables} WHERE {join} AND {kind[0]}.rowid = f.rowid"
                   f" AND {fts} MATCH ? {where} ORDER BY f.rank LIMIT ?")
            args: list[Any] = [SNIPPET_MARK, SNIPPET_MARK, _SNIPPET_WORDS, match, *params, limit]
        else:  # filters only: the latest first
            sql = (f"SELECT 0.0, {_ARTICLE_COLUMNS}, {who}, {text} FROM {tables} WHERE {join} {where}"
                   f" ORDER BY a.day IS NULL, a.day DESC, {kind[0]}.rowid DESC LIMIT ?")
            args = [*params, limit]
        return [(rank, Hit(kind, aid, sid, title, outlet, published, speaker, snippet))
                for rank, aid, sid, title, outlet, published, speaker, snippet in self._conn.execute(sql, args)]

    def speakers(self, prefix: str = "", limit: int = 100) -> list[tuple[str, int]]:
        """Speakers (canonical names) whose name starts with ``prefix``, the most quoted first."""
        return [(name, int(n)) for name, n in self._conn.execute(
            "SELECT speaker, count(*) AS n FROM quotes WHERE speaker IS NOT NULL AND speaker LIKE ? ESCAPE '\\'"
            " GROUP BY speaker ORDER BY n DESC, speaker LIMIT ?", (like_escape(prefix) + "%", limit))]

    def quotes_by(self, speaker: str) -> list[tuple[Quote, Article]]:
        """Everything ``speaker`` said, across stories, oldest first."""
        rows = self._conn.execute(
            "SELECT q.seq, a.id, a.body, a.data FROM quotes AS q JOIN articles AS a ON a.id = q.article_id"
            " WHERE q.speaker = ? COLLATE NOCASE ORDER BY a.day IS NULL, a.day, a.rowid, q.seq", (speaker,))
        loaded: dict[str, Article] = {}
        out = []
        for seq, article_id, body, data in rows:
            article = loaded.get(article_id) or loaded.setdefault(article_id, stored_article(body, data))
            out.append((article.quotes[seq], article))
        return out

    # --- the whole store -----------------------------------------------------------------------------

    def duplicate_groups(self) -> list[list[str]]:
        """Groups of ≥ 2 near-duplicate article ids, the first stored first."""
        with self._transaction("DEFERRED"):
            return self._duplicates().groups()

    def integrity(self) -> dict[str, Any]:
        """Counts that must agree (and SQLite's own check), to verify a database after a crash."""
        with self._transaction():
            state = self._current_state()
            for table in ("articles_fts", "quotes_fts"):  # raises if an index disagrees with its table
                self._conn.execute(f"INSERT INTO {table} ({table}) VALUES ('integrity-check')")
            # The *_docsize shadow tables hold one row per indexed document.
            counts = self._conn.execute(
                "SELECT (SELECT integrity_check FROM pragma_integrity_check), (SELECT count(*) FROM articles),"
                " (SELECT count(*) FROM quotes), (SELECT count(*) FROM articles_fts_docsize),"
                " (SELECT count(*) FROM quotes_fts_docsize)").fetchone()
        names = ("integrity_check", "articles", "quotes", "articles_fts", "quotes_fts")
        return {**dict(zip(names, counts, strict=True)),
                "story_state_articles": sum(len(ids) for ids in state.stories.stories()),
                "duplicate_state_articles": len(state.duplicates)}
