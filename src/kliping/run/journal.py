"""A run's journal: OUT/.kliping-run/journal.sqlite, what a long analyze has done and where it put it.

The driver of a big run holds no article: each one is appended to articles.jsonl as it comes, and
the journal keeps its place there (offset, length), its dossier summary and its clustering keys.
The journal is also the run's external memory (articles in date order for the rolling step, the
duplicate pairs, the built stories' places in stories.jsonl) and its resume point: an input
partition is recorded with the end offset of articles.jsonl once all its articles are written, so a
resumed run truncates articles.jsonl there and skips the partitions before it. A finished run
deletes the journal.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from kliping.errors import InputError
from kliping.model import Skipped
from kliping.pipeline import numbered_id

JOURNAL_DIR = ".kliping-run"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS parts (n INTEGER PRIMARY KEY, key TEXT NOT NULL, end_offset INTEGER NOT NULL,
                                  next_seq INTEGER NOT NULL, statements_end INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS ids (raw TEXT PRIMARY KEY, count INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS articles (seq INTEGER PRIMARY KEY, id TEXT NOT NULL, day INTEGER, offset INTEGER NOT NULL,
                                     length INTEGER NOT NULL, summary TEXT NOT NULL, keys TEXT NOT NULL,
                                     sig BLOB NOT NULL, chrono INTEGER, st_offset INTEGER NOT NULL,
                                     st_length INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS articles_by_day_id ON articles (day, id);
CREATE TABLE IF NOT EXISTS skipped (seq INTEGER PRIMARY KEY, source TEXT NOT NULL, reason TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS dups (id TEXT PRIMARY KEY, rep TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS stories (number INTEGER PRIMARY KEY, size INTEGER NOT NULL, start TEXT,
                                    offset INTEGER NOT NULL, length INTEGER NOT NULL);
"""

# The statements of every article (corpus/statement_records.py), made by the workers that annotate it and
# read back by those that build its story: one file beside the journal, the same offsets scheme as articles.jsonl.
STATEMENTS_FILE = "statements.bin"
# One article row as the driver records it: (seq, id, day, offset, length, summary, keys, sig, offset and
# length of its statements in STATEMENTS_FILE).
ArticleRow = tuple[int, str, int | None, int, int, str, str, bytes, int, int]


class Journal:
    """The SQLite journal of one output folder (see the module docstring)."""

    def __init__(self, out_dir: Path, inputs: list[str], *, resume: bool) -> None:
        self.dir = out_dir / JOURNAL_DIR
        self.statements_path = self.dir / STATEMENTS_FILE  # the articles' statements, beside the journal
        self._lock = _lock(out_dir / (JOURNAL_DIR + ".lock"))
        try:
            self._open(out_dir, inputs, resume)
        except BaseException:
            self._lock.close()
            raise

    def _open(self, out_dir: Path, inputs: list[str], resume: bool) -> None:
        signature = json.dumps(inputs, ensure_ascii=False)
        existing = self.dir / "journal.sqlite"
        if resume and not existing.exists():
            raise InputError(f"nothing to resume in {out_dir}: no unfinished run there; run without --resume")
        if not resume and self.dir.exists():
            shutil.rmtree(self.dir)  # a fresh run: an earlier unfinished one is started over
        self.dir.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(existing, isolation_level=None)
        # The journal is scratch space rebuilt from the inputs if lost: no need to sync every commit.
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(_SCHEMA)
        columns = {row[1] for row in self.db.execute("PRAGMA table_info(parts)")}
        if "statements_end" not in columns:
            raise InputError(f"the unfinished run in {out_dir} was made by an older kliping; "
                             "run without --resume to start over")
        self.db.execute("BEGIN")
        row = self.db.execute("SELECT value FROM meta WHERE key = 'inputs'").fetchone()
        if row is None:
            self.db.execute("INSERT INTO meta VALUES ('inputs', ?)", (signature,))
        elif row[0] != signature:
            raise InputError(f"the unfinished run in {out_dir} read other inputs ({row[0]}); "
                             "give the same PATHs to --resume it, or run without --resume to start over")
        self.db.execute("COMMIT")

    # --- reading the inputs: partitions, ids, articles, skips ------------------------------------------

    def done_parts(self) -> dict[int, tuple[str, int, int, int]]:
        """Partitions already recorded: number → (key, articles.jsonl offset, next seq and statements offset after
        it)."""
        return {int(n): (key, int(end), int(seq), int(st_end))
                for n, key, end, seq, st_end in self.db.execute("SELECT n, key, end_offset, next_seq, statements_end"
                                                                " FROM parts")}

    def forget_from(self, n: int, next_seq: int) -> None:
        """Drop partition ``n`` and everything after it: rows from ``next_seq`` on, of partitions not finished
        or whose input has changed since."""
        self.db.execute("BEGIN")
        self.db.execute("DELETE FROM parts WHERE n >= ?", (n,))
        self.db.execute("DELETE FROM articles WHERE seq >= ?", (next_seq,))
        self.db.execute("DELETE FROM skipped WHERE seq >= ?", (next_seq,))
        self.db.execute("COMMIT")

    def unique_id(self, raw_id: str) -> str:
        """pipeline.unique_id over the whole run, counted here rather than in a dict of every id."""
        (count,) = self.db.execute(
            "INSERT INTO ids VALUES (?, 1) ON CONFLICT (raw) DO UPDATE SET count = count + 1 RETURNING count",
            (raw_id,)).fetchone()
        return numbered_id(raw_id, int(count))

    def begin_part(self) -> None:
        """Open one partition's transaction: its id counts and rows are kept together or not at all."""
        self.db.execute("BEGIN")

    def record_part(self, n: int, key: str | None, rows: Iterable[ArticleRow],
                    skipped: Iterable[tuple[int, Skipped]], end_offset: int, next_seq: int,
                    statements_end: int) -> None:
        """One partition's articles and skips, and (when it can be resumed) the partition itself: commits
        the transaction ``begin_part`` opened, so a run stopped before this counts none of its ids."""
        self.db.executemany("INSERT INTO articles (seq, id, day, offset, length, summary, keys, sig, st_offset, "
                            "st_length) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        self.db.executemany("INSERT INTO skipped VALUES (?, ?, ?)", ((seq, s.source, s.reason) for seq, s in skipped))
        if key is not None:
            self.db.execute("INSERT OR REPLACE INTO parts VALUES (?, ?, ?, ?, ?)",
                            (n, key, end_offset, next_seq, statements_end))
        self.db.execute("COMMIT")

    # --- the rolling step -----------------------------------------------------------------------------

    def start_corpus(self) -> None:
        """Forget an earlier attempt's corpus stage: it is redone whole."""
        self.db.executescript("BEGIN; DELETE FROM dups; DELETE FROM stories; UPDATE articles SET chrono = NULL; COMMIT")

    def in_date_order(self, batch: int = 2000) -> Iterator[tuple[int, str, int, int, str, bytes, int, int]]:
        """(seq, id, offset, length, keys, sig, st_offset, st_length) of every article, dated ones by day then id,
        undated last by id.

        The id, not the input order, breaks ties: a store fed the same articles in any order groups them in this
        same order (``store_grouping``), so both come to the same stories."""
        # Page by (day, id) instead of holding one cursor open: the caller writes to the journal meanwhile.
        select = ("SELECT seq, id, offset, length, keys, sig, st_offset, st_length, day FROM articles"
                  " INDEXED BY articles_by_day_id WHERE ")
        after: tuple[int, str] = (-(1 << 62), "")
        while rows := self.db.execute(select + "day IS NOT NULL AND (day, id) > (?, ?) ORDER BY day, id LIMIT ?",
                                      (*after, batch)).fetchall():
            yield from (row[:8] for row in rows)
            after = (rows[-1][8], rows[-1][1])
        last = ""
        undated = select + "day IS NULL AND id > ? ORDER BY id LIMIT ?"
        while rows := self.db.execute(undated, (last, batch)).fetchall():
            yield from (row[:8] for row in rows)
            last = rows[-1][1]

    def record_order(self, chrono: Iterable[tuple[int, int]]) -> None:
        """(chronological position, seq) pairs: the order the rolling step saw the articles in."""
        self.db.execute("BEGIN")
        self.db.executemany("UPDATE articles SET chrono = ? WHERE seq = ?", chrono)
        self.db.execute("COMMIT")

    def record_duplicates(self, pairs: Iterable[tuple[str, str]]) -> None:
        self.db.execute("BEGIN")
        self.db.executemany("INSERT OR REPLACE INTO dups VALUES (?, ?)", pairs)
        self.db.execute("COMMIT")

    def record_stories(self, rows: Iterable[tuple[int, int, str | None, int, int]]) -> None:
        """(creation number, size, start, offset, length) of built stories in stories.jsonl."""
        self.db.execute("BEGIN")
        self.db.executemany("INSERT INTO stories VALUES (?, ?, ?, ?, ?)", rows)
        self.db.execute("COMMIT")

    # --- the dossier ----------------------------------------------------------------------------------

    def counts(self) -> tuple[int, int, int]:
        """Articles, stories and duplicate copies (articles that are not their group's first)."""
        (articles,) = self.db.execute("SELECT count(*) FROM articles").fetchone()
        (stories,) = self.db.execute("SELECT count(*) FROM stories").fetchone()
        (copies,) = self.db.execute("SELECT count(*) FROM dups").fetchone()
        return int(articles), int(stories), int(copies)

    def summaries(self) -> Iterator[dict[str, Any]]:
        for (summary,) in self.db.execute("SELECT summary FROM articles ORDER BY seq"):
            yield json.loads(summary)

    def skipped(self) -> list[Skipped]:
        return [Skipped(source, reason) for source, reason
                in self.db.execute("SELECT source, reason FROM skipped ORDER BY seq")]

    def duplicate_groups(self) -> Iterator[list[str]]:
        """Groups, representative first, members and groups in the order the rolling step saw them."""
        self._index_ids()
        cursor = self.db.execute(
            "SELECT d.rep, d.id FROM dups d JOIN articles a ON a.id = d.id JOIN articles r ON r.id = d.rep "
            "ORDER BY r.chrono, a.chrono")
        group: list[str] = []
        for rep, article_id in cursor:
            if not group or group[0] != rep:
                if group:
                    yield group
                group = [rep]
            group.append(article_id)
        if group:
            yield group

    def story_places(self, limit: int = -1) -> Iterator[tuple[int, int]]:
        """(offset, length) in stories.jsonl of the stories in dossier order: biggest first, then by start."""
        order = "size DESC, coalesce(start, ''), number"
        self.db.execute(f"CREATE INDEX IF NOT EXISTS stories_in_order ON stories ({order})")
        sql = f"SELECT offset, length FROM stories ORDER BY {order} LIMIT ?"  # noqa: S608 (no input in it)
        for offset, length in self.db.execute(sql, (limit,)):
            yield int(offset), int(length)

    def article_places(self, ids: Iterable[str]) -> dict[str, tuple[int, int]]:
        self._index_ids()
        places = {}
        for article_id in ids:
            row = self.db.execute("SELECT offset, length FROM articles WHERE id = ?", (article_id,)).fetchone()
            if row is not None:
                places[article_id] = (int(row[0]), int(row[1]))
        return places

    def _index_ids(self) -> None:
        # Built once the read pass is over: keeping it up to date on every insert would slow that pass.
        self.db.execute("CREATE INDEX IF NOT EXISTS articles_by_id ON articles (id)")

    def close(self, *, finished: bool) -> None:
        self.db.close()
        if finished:
            shutil.rmtree(self.dir, ignore_errors=True)
            # A finished run leaves only its outputs: the lock file goes while still held, so no
            # other run can have taken it in between (a later run creates and locks a new one).
            Path(self._lock.name).unlink(missing_ok=True)
        self._lock.close()  # closing the file releases the lock


def _lock(path: Path) -> Any:
    """An exclusive lock on ``path``, held open: two runs writing one folder would corrupt both."""
    stream = path.open("a")
    if sys.platform != "win32":
        import fcntl

        try:
            fcntl.flock(stream, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            stream.close()
            raise InputError(f"another kliping run is writing to {path.parent}; wait for it, "
                             "or give this one another --out") from None
    return stream
