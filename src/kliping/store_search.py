"""Search over the store: FTS5 over article titles and bodies and over quotations, speakers, a speaker's quotes.

User text never reaches FTS syntax (``store_records.fts_query``: every word quoted; ``"a phrase"`` and a
trailing ``word*`` honoured); a search still running after SEARCH_SECONDS is stopped and the user told so.
Snippets mark matches with ``SNIPPET_MARK`` (``**word**``): plain text, to be escaped by renderers.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from kliping.model import Article, Quote
from kliping.store_records import (
    SEARCH_SECONDS,
    SNIPPET_MARK,
    Hit,
    check_since,
    fts_query,
    like_escape,
    stored_article,
    time_budget,
)

_SNIPPET_WORDS = 24
_ARTICLE_COLUMNS = "a.id, a.story_id, a.title, a.outlet, a.published"
# Hit kind → FTS table, snippet column (-1: the best), tables, join, speaker column, text without a query.
_HIT_SOURCES = {
    "article": ("articles_fts", -1, "articles AS a", "1", "NULL", "substr(a.body, 1, 200)"),
    "quote": ("quotes_fts", 0, "quotes AS q, articles AS a", "a.id = q.article_id", "q.speaker", "q.text"),
}


def search(conn: sqlite3.Connection, query: str, *, speaker: str | None = None, since: str | None = None,
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
    with time_budget(conn, SEARCH_SECONDS, "the search"):
        hits = [] if speaker else _hits(conn, "article", match, where, params, limit)
        hits += _hits(conn, "quote", match, where, params, limit)
    hits.sort(key=lambda h: h[0])  # bm25 ranks: lower is better
    return [hit for _, hit in hits[:limit]]


def _hits(conn: sqlite3.Connection, kind: str, match: str, where: str, params: list[str],
          limit: int) -> list[tuple[float, Hit]]:
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
            for rank, aid, sid, title, outlet, published, speaker, snippet in conn.execute(sql, args)]


def speakers(conn: sqlite3.Connection, prefix: str = "", limit: int = 100) -> list[tuple[str, int]]:
    """Speakers (canonical names) whose name starts with ``prefix``, the most quoted first."""
    return [(name, int(n)) for name, n in conn.execute(
        "SELECT speaker, count(*) AS n FROM quotes WHERE speaker IS NOT NULL AND speaker LIKE ? ESCAPE '\\'"
        " GROUP BY speaker ORDER BY n DESC, speaker LIMIT ?", (like_escape(prefix) + "%", limit))]


def quotes_by(conn: sqlite3.Connection, speaker: str) -> list[tuple[Quote, Article]]:
    """Everything ``speaker`` said, across stories, oldest first."""
    rows = conn.execute(
        "SELECT q.seq, a.id, a.body, a.data FROM quotes AS q JOIN articles AS a ON a.id = q.article_id"
        " WHERE q.speaker = ? COLLATE NOCASE ORDER BY a.day IS NULL, a.day, a.rowid, q.seq", (speaker,))
    loaded: dict[str, Article] = {}
    out = []
    for seq, article_id, body, data in rows:
        article = loaded.get(article_id) or loaded.setdefault(article_id, stored_article(body, data))
        out.append((article.quotes[seq], article))
    return out
