"""The desk's verdicts on claims ⇄ the store's ``verdicts`` table (schema 4, resources/migrations/0004_verdicts.sql).

A verdict is keyed by the claim's first evidence when it was given (article id + statement text), not by the
claim's id: ids are numbered afresh each time a story is built and change as stories grow or are regrouped,
while a stored article and the statements found in it stay. ``Store.record_verdict`` and ``Store.verdicts``
are the front; which built claim carries which verdict is ``run/verdict.py``'s.
"""

from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass
from typing import Any

__all__ = ["VERDICTS_SCHEMA", "Verdict", "all_verdicts", "upsert"]

VERDICTS_SCHEMA = 4  # the migration that made the table: an older store read as is has none


@dataclass(frozen=True)
class Verdict:
    """The desk's rating of a claim and its note, kept with the claim's first evidence."""

    article_id: str
    evidence: str
    claim_id: str
    story_id: str
    claim_text: str
    rating: str
    note: str
    recorded_at: str

    @property
    def key(self) -> tuple[str, str]:
        return self.article_id, self.evidence

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


_COLUMNS = "article_id, evidence, claim_id, story_id, claim_text, rating, note, recorded_at"


def upsert(conn: sqlite3.Connection, verdict: Verdict) -> None:
    """Record ``verdict`` (inside the caller's transaction); a later verdict on the same claim replaces it."""
    conn.execute(f"INSERT OR REPLACE INTO verdicts ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                 (verdict.article_id, verdict.evidence, verdict.claim_id, verdict.story_id, verdict.claim_text,
                  verdict.rating, verdict.note, verdict.recorded_at))


def all_verdicts(conn: sqlite3.Connection) -> list[Verdict]:
    """Every verdict, the earliest recorded first (a desk records a few a day: they fit in memory)."""
    return [Verdict(*row) for row in conn.execute(f"SELECT {_COLUMNS} FROM verdicts ORDER BY recorded_at, rowid")]
