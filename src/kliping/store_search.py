"""Search over the store: FTS5 over article titles and bodies and over quotations, filtered and sorted; the story
list's pages and filters; speakers, a speaker's quotes.

User text never reaches FTS syntax (``store_records.fts_query``: every word quoted; ``"a phrase"`` and a
trailing ``word*`` honoured); a search still running after SEARCH_SECONDS is stopped and the user told so.
Search is alias-aware: a name among the query's words matches every form of its entity (store_entities.name_forms:
"Jokowi" and "Joko Widodo" give the same results). Snippets come back as plain text with the matches' offsets
(``Hit.marks``), to be escaped and marked up by renderers.
"""

from __future__ import annotations

import sqlite3
from functools import partial
from typing import Any

from kliping.errors import InputError
from kliping.model import Article, Quote
from kliping.store_entities import MENTIONING, name_forms
from kliping.store_records import (
    SEARCH_SECONDS,
    SNIPPET_CLOSE,
    SNIPPET_OPEN,
    Hit,
    StoryRow,
    check_since,
    fts_query,
    like_escape,
    stored_article,
    time_budget,
    unmark,
    until_bound,
)

SORTS = ("relevance", "date")
_SNIPPET_WORDS = 24
_ARTICLE_COLUMNS = "a.day, a.id, a.story_id, a.title, a.outlet, a.published"
# Hit kind → FTS table, snippet column (-1: the best), tables, join, speaker column, text without a query.
_HIT_SOURCES = {
    "article": ("articles_fts", -1, "articles AS a", "1", "NULL", "substr(a.body, 1, 200)"),
    "quote": ("quotes_fts", 0, "quotes AS q, articles AS a", "a.id = q.article_id", "q.speaker", "q.text"),
}
_LATEST_FIRST = "a.day IS NULL, a.day DESC"


def article_filters(*, since: str | None = None, until: str | None = None, outlet: str | None = None,
                    canonical: str | None = None) -> tuple[str, list[str]]:
    """SQL (`` AND …`` on articles ``a``) and its parameters for the filters given: dates at any grain, an outlet
    (any case), an entity's canonical name (store_entities.resolve gives it) mentioned."""
    check_since(since)
    check_since(until, "--until")
    where, params = "", []
    if since is not None:
        where += " AND a.day >= ?"
        params.append(since)
    if until is not None:
        where += " AND a.day <= ?"
        params.append(until_bound(until))
    if outlet is not None:
        where += " AND a.outlet = ? COLLATE NOCASE"
        params.append(outlet)
    if canonical is not None:
        where += f" AND a.id IN {MENTIONING}"
        params += [canonical, canonical]
    return where, params


def search(conn: sqlite3.Connection, query: str, *, speaker: str | None = None, since: str | None = None,
           until: str | None = None, story: str | None = None, outlet: str | None = None,
           canonical: str | None = None, sort: str = "relevance", aliases: bool = True,
           limit: int = 50) -> list[Hit]:
    """Articles and quotations matching ``query`` (every word; a name, any form of its entity with ``aliases``),
    best or latest first, filtered as asked."""
    if sort not in SORTS:
        raise InputError(f"--sort is one of {', '.join(SORTS)}, not {sort!r}")
    where, params = article_filters(since=since, until=until, outlet=outlet, canonical=canonical)
    if story is not None:
        where += " AND a.story_id = ?"
        params.append(story)
    if speaker is not None:
        where += " AND q.speaker LIKE ? ESCAPE '\\'"
        params.append("%" + like_escape(speaker) + "%")
    if limit <= 0 or not (query.strip() or where):
        return []
    with time_budget(conn, SEARCH_SECONDS, "the search"):
        match = fts_query(query, partial(name_forms, conn) if aliases else None)
        if not (match or where):
            return []
        hits = [] if speaker else _hits(conn, "article", match, where, params, sort, limit)
        hits += _hits(conn, "quote", match, where, params, sort, limit)
    if sort == "date":
        hits.sort(key=lambda h: h[1] or "", reverse=True)
        hits.sort(key=lambda h: h[1] is None)  # undated last
    else:
        hits.sort(key=lambda h: h[0])  # bm25 ranks: lower is better
    return [hit for _, _, hit in hits[:limit]]


def _hits(conn: sqlite3.Connection, kind: str, match: str, where: str, params: list[str], sort: str,
          limit: int) -> list[tuple[float, str | None, Hit]]:
    fts, column, tables, join, who, text = _HIT_SOURCES[kind]
    if match:
        order = "f.rank" if sort == "relevance" else f"{_LATEST_FIRST}, f.rank"
        sql = (f"SELECT f.rank, {_ARTICLE_COLUMNS}, {who}, snippet({fts}, {column}, ?, ?, '…', ?)"
               f" FROM {fts} AS f, {tables} WHERE {join} AND {kind[0]}.rowid = f.rowid"
               f" AND {fts} MATCH ? {where} ORDER BY {order} LIMIT ?")
        args: list[Any] = [SNIPPET_OPEN, SNIPPET_CLOSE, _SNIPPET_WORDS, match, *params, limit]
    else:  # filters only: the latest first
        sql = (f"SELECT 0.0, {_ARTICLE_COLUMNS}, {who}, {text} FROM {tables} WHERE {join} {where}"
               f" ORDER BY {_LATEST_FIRST}, {kind[0]}.rowid DESC LIMIT ?")
        args = [*params, limit]
    out = []
    for rank, day, aid, sid, title, outlet, published, speaker, snippet in conn.execute(sql, args):
        plain, marks = unmark(snippet or "")
        out.append((rank, day, Hit(kind, aid, sid, title, outlet, published, speaker, plain, marks)))
    return out


def story_list(conn: sqlite3.Connection, *, since: str | None = None, until: str | None = None,
               outlet: str | None = None, canonical: str | None = None, min_size: int = 1, limit: int = 50,
               offset: int = 0) -> tuple[int, list[StoryRow]]:
    """How many stories have an article matching every filter given (and at least ``min_size`` articles), and
    ``limit`` of them from ``offset``: the biggest first, then the latest."""
    where, params = article_filters(since=since, until=until, outlet=outlet, canonical=canonical)
    groups = ("SELECT story_id, count(*) AS n, min(day) AS first, max(day) AS last, min(rowid) AS seq"
              " FROM articles GROUP BY story_id")
    chosen = " WHERE s.n >= ?" + (f" AND s.story_id IN (SELECT a.story_id FROM articles AS a WHERE 1 {where})"
                                  if where else "")
    args: list[Any] = [max(min_size, 1), *params]
    total = int(conn.execute(f"SELECT count(*) FROM ({groups}) AS s {chosen}", args).fetchone()[0])
    page = conn.execute(f"SELECT s.story_id, s.n, s.first, s.last FROM ({groups}) AS s {chosen}"
                        " ORDER BY s.n DESC, s.last IS NULL, s.last DESC, s.seq LIMIT ? OFFSET ?",
                        [*args, limit, offset]).fetchall()
    rows = []
    for sid, n, first, last in page:  # titles for the page's stories only
        title = conn.execute("SELECT coalesce(t.title, t.id) FROM articles AS t WHERE t.story_id = ?"
                             " ORDER BY t.title IS NULL, t.day IS NULL, t.day, t.id LIMIT 1", (sid,)).fetchone()
        rows.append(StoryRow(sid, title[0], int(n), first, last))
    return total, rows


def outlets(conn: sqlite3.Connection, limit: int = 500) -> list[tuple[str, int]]:
    """The outlets named by stored articles, the most articles first (for the outlet filters)."""
    return [(str(o), int(n)) for o, n in conn.execute(
        "SELECT outlet, count(*) AS n FROM articles WHERE outlet IS NOT NULL AND outlet != ''"
        " GROUP BY outlet COLLATE NOCASE ORDER BY n DESC, outlet LIMIT ?", (limit,))]


def outlet_overview(conn: sqlite3.Connection, limit: int = 500) -> list[tuple[str, int, int, str | None, str | None]]:
    """Each outlet of the stored articles: (outlet, articles, stories it covered, first day, last day), the
    most articles first. An article without an outlet is left out (the story pages name it by its site)."""
    return [(str(o), int(n), int(s), first, last) for o, n, s, first, last in conn.execute(
        "SELECT outlet, count(*) AS n, count(DISTINCT story_id), min(day), max(day) FROM articles"
        " WHERE outlet IS NOT NULL AND outlet != '' GROUP BY outlet COLLATE NOCASE ORDER BY n DESC, outlet LIMIT ?",
        (limit,))]


def speakers(conn: sqlite3.Connection, prefix: str = "", limit: int = 100) -> list[tuple[str, int]]:
    """Speakers (canonical names) whose name starts with ``prefix``, the most quoted first."""
    return [(name, int(n)) for name, n in conn.execute(
        "SELECT speaker, count(*) AS n FROM quotes WHERE speaker IS NOT NULL AND speaker LIKE ? ESCAPE '\\'"
        " GROUP BY speaker ORDER BY n DESC, speaker LIMIT ?", (like_escape(prefix) + "%", limit))]


def quotes_by(conn: sqlite3.Connection, speaker: str, limit: int = -1, offset: int = 0) -> list[tuple[Quote, Article]]:
    """Everything ``speaker`` said, across stories, oldest first (``limit`` of it from ``offset`` when given)."""
    rows = conn.execute(
        "SELECT q.seq, a.id, a.body, a.data FROM quotes AS q JOIN articles AS a ON a.id = q.article_id"
        " WHERE q.speaker = ? COLLATE NOCASE ORDER BY a.day IS NULL, a.day, a.rowid, q.seq LIMIT ? OFFSET ?",
        (speaker, limit, offset))
    loaded: dict[str, Article] = {}
    out = []
    for seq, article_id, body, data in rows:
        article = loaded.get(article_id) or loaded.setdefault(article_id, stored_article(body, data))
        out.append((article.quotes[seq], article))
    return out


def quote_count(conn: sqlite3.Connection, speaker: str) -> int:
    return int(conn.execute("SELECT count(*) FROM quotes WHERE speaker = ? COLLATE NOCASE", (speaker,)).fetchone()[0])
