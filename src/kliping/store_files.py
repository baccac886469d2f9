"""The store's SQLite file: opened read-only when only read, checked before it is written, and its
failures (damage, a full disk, an I/O error) told in words with what to do next.

SQL about articles and stories stays in store.py; this is about the file.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

from kliping.errors import StoreFailed

QUICK_CHECK_MAX_BYTES = 256 << 20  # stores up to this size are checked on every open for writing (≈1 s)
RECOVERY = ("`kliping check --db {db} --repair NEW.db` copies every article it can still read into a new store "
            "(stories regrouped); or re-add your sources into a new store (`kliping add SOURCES --db NEW.db`), "
            "`kliping check --db {db} --sources` listing the sources of the articles it still holds")
_DAMAGE = ("malformed", "not a database", "corrupt", "could not decode")
_IO = ("disk i/o error", "database or disk is full", "disk is full")


def connect_read_only(db: Path, timeout: float) -> sqlite3.Connection:
    """A connection that never writes, so a store in a read-only folder (or on a read-only disk) can be read.

    ``mode=ro`` still needs the write-ahead log's shared-memory file; where it cannot be made, the file is
    opened as immutable (nobody can be writing it there either)."""
    base = f"file:{quote(str(db.resolve()))}?mode=ro"
    conn = sqlite3.connect(base, uri=True, timeout=timeout, isolation_level=None)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        conn.close()
    return sqlite3.connect(base + "&immutable=1", uri=True, timeout=timeout, isolation_level=None)


def check_before_writing(conn: sqlite3.Connection, db: Path) -> None:
    """Refuse to write into a damaged store (writing there spreads the damage): a quick check of every
    page for stores up to QUICK_CHECK_MAX_BYTES; a bigger one gets the check of its ``state`` table (the
    story state every add rewrites whole; a few ms), and the whole file is checked by `kliping check`."""
    try:
        size = db.stat().st_size
    except OSError:
        return
    if size == 0:
        return
    problems = integrity_problems(conn, quick=True, table=None if size <= QUICK_CHECK_MAX_BYTES else "state")
    if problems:
        raise StoreFailed(f"{db} is damaged ({problems[0]}); nothing was written to it. To recover, "
                         + RECOVERY.format(db=db))


def integrity_problems(conn: sqlite3.Connection, *, quick: bool = False, limit: int = 20,
                       table: str | None = None) -> list[str]:
    """What SQLite's integrity check finds wrong with the file, or with one ``table`` ([] when sound)."""
    pragma = "quick_check" if quick else "integrity_check"
    argument = table if table is not None else limit
    if table is not None and not table.isidentifier():
        raise ValueError(f"not a table name: {table!r}")
    try:
        rows = [str(r[0]) for r in conn.execute(f"PRAGMA {pragma}({argument})")]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def table_counts(conn: sqlite3.Connection) -> dict[str, Any]:
    """Counts that must agree (and SQLite's own check), to verify a database after a crash; in a transaction."""
    for table in ("articles_fts", "quotes_fts"):  # raises if an index disagrees with its table
        conn.execute(f"INSERT INTO {table} ({table}) VALUES ('integrity-check')")
    # The *_docsize shadow tables hold one row per indexed document.
    counts = conn.execute(
        "SELECT (SELECT integrity_check FROM pragma_integrity_check), (SELECT count(*) FROM articles),"
        " (SELECT count(*) FROM quotes), (SELECT count(*) FROM articles_fts_docsize),"
        " (SELECT count(*) FROM quotes_fts_docsize), (SELECT count(*) FROM article_keys)").fetchone()
    names = ("integrity_check", "articles", "quotes", "articles_fts", "quotes_fts", "keys")
    return dict(zip(names, counts, strict=True))


def as_store_error(exc: sqlite3.Error, db: Path, doing: str) -> StoreFailed | None:
    """An SQLite failure while ``doing`` something to ``db``, in words: a full disk, an I/O error or a
    damaged file (None for any other failure, which stays a bug to see)."""
    text = str(exc).lower()
    if any(marker in text for marker in _IO):
        what = "the disk is full" if "full" in text else "a disk I/O error"
        return StoreFailed(f"{doing} {db} failed: {what}. The batch being written was rolled back — nothing "
                          "stored before it is lost — so once the disk is fixed, re-running the same command is "
                          "safe (articles already stored are skipped)")
    if isinstance(exc, sqlite3.DatabaseError) and any(marker in text for marker in _DAMAGE):
        return StoreFailed(f"{doing} {db} failed: the file is damaged ({exc}). To recover, " + RECOVERY.format(db=db))
    return None


SALVAGE_PROBE = 100_000  # rowids tried one by one past a damaged page before giving up on the rest


def salvage_rows(conn: sqlite3.Connection, columns: str, lost: list[int]) -> Iterator[tuple[Any, ...]]:
    """``(rowid, *columns)`` of every article row a (maybe damaged) store can still give, in rowid order.

    A scan stops at a damaged page; from there each rowid is looked up alone until one reads again (the
    damage costs only its own rows) and the scan resumes. The rowids that could not be read go to ``lost``."""
    try:
        (top,) = conn.execute("SELECT max(rowid) FROM articles").fetchone()
    except sqlite3.DatabaseError:
        top = None
    last = 0
    while True:
        try:
            for row in conn.execute(f"SELECT rowid, {columns} FROM articles WHERE rowid > ? ORDER BY rowid",
                                    (last,)):
                last = row[0]
                yield row
            return
        except sqlite3.DatabaseError:
            pass
        end = top if isinstance(top, int) else last + SALVAGE_PROBE
        while last < end:
            last += 1
            try:
                row = conn.execute(f"SELECT rowid, {columns} FROM articles WHERE rowid = ?", (last,)).fetchone()
            except sqlite3.DatabaseError:
                lost.append(last)
                continue
            if row is not None:
                yield row
                break
        else:
            return


def readable_sources(conn: sqlite3.Connection) -> list[str]:
    """The input files and URLs of the articles a (maybe damaged) store still holds, each once, to re-add
    into a new store: a JSON-lines line or WARC record stands for its file. Rows on damaged pages are
    passed over."""
    found: dict[str, None] = {}
    for _, locator, source in salvage_rows(conn, "locator, source", []):
        where = str(locator or source or "")
        if where and not where.startswith(("http://", "https://")):
            where = re.sub(r"(?::\d+|#.*)$", "", where)  # file.jsonl:12, crawl.warc.gz#uri → the file
        if where and not where.startswith("<"):  # <stdin>, <pasted>: nothing to re-add from
            found[where] = None
    return list(found)
