"""A damaged store → a new store of every article that still reads (`kliping check --repair NEW`).

Rows are read off the file's pages (``store_salvage``: damaged interior pages cannot hide them) and through
SQL (which also sees what the write-ahead log holds), then added in their old order into a new store, so the
stories and duplicate groups are rebuilt from the articles rather than copied from damaged state.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from kliping.model import Article
from kliping.store import Store
from kliping.store_files import salvage_rows
from kliping.store_records import stored_article
from kliping.store_salvage import salvage_file


@dataclass
class Repaired:
    """What a repair copied: articles added (and copies of added ones left out), stories, and the article rows the
    damaged file seems to have held (its highest rowid, or the most found)."""

    added: int
    already: int
    stories: int
    expected: int
    found: int


def repair(conn: sqlite3.Connection, db: Path, target: Path) -> Repaired:
    """Copy every article of ``db`` (open read-only as ``conn``) that still reads into a new store at ``target``."""
    found: dict[int, Article] = dict(salvage_file(db))
    for rowid, body, data in salvage_rows(conn, "body, data", []):
        if rowid not in found:
            try:
                found[rowid] = stored_article(body, data)
            except (ValueError, TypeError, KeyError):
                pass
    try:
        (top,) = conn.execute("SELECT max(rowid) FROM articles").fetchone()
    except sqlite3.DatabaseError:
        top = None
    expected = max([top if isinstance(top, int) else 0, *found])
    with Store.open(target) as store:
        result = store.add(found[rowid] for rowid in sorted(found))
        stories = len(store.story_ids())
    return Repaired(result.added, result.already, stories, expected, len(found))
