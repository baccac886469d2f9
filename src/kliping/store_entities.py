"""Who each article names ⇄ the store's ``entities`` table (schema 5, resources/migrations/0005_entities.sql):
a name → its canonical entity, that entity's aliases, the stored articles and stories that mention it, and the
written forms an alias-aware search matches.

Rows are written on add (``insert``) and made once for an older store (``fill``, in the transaction that records
schema 5). An article *mentions* an entity when one of its entities carries the canonical name or one of its
quotations has it as speaker (a speaker found through "ia" or a title may have no entity of its own).
A name resolves to the canonical one through, in order: the canonical names stored (any case), the alias list
(resources/aliases.tsv, through annotate.aliases), and the forms the articles wrote ("Jokowi" → Joko Widodo).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict, dataclass
from functools import cache
from typing import Any

from kliping import resources
from kliping.annotate.aliases import canonical as listed_canonical
from kliping.annotate.aliases import key
from kliping.model import Entity

__all__ = ["ENTITIES_SCHEMA", "MENTIONING", "Alias", "Facts", "Mention", "StoryMention", "facts", "fill", "insert",
           "name_forms", "resolve"]

ENTITIES_SCHEMA = 5  # the migration that made the table: an older store read as is has none
MAX_NAME_CHARS = 200  # of a name looked up: longer text names no entity and must not cost more
MAX_FORMS = 16  # written forms one name matches in a search: a name written a hundred ways stays one quick query
MAX_ALIASES = 60  # aliases listed on a page
_FILL_ROWS = 500  # articles read at a time when an older store is given its entity rows
# The ids of the articles that mention an entity (bind the canonical name twice).
MENTIONING = ("(SELECT article_id FROM entities WHERE canonical = ?"
              " UNION SELECT article_id FROM quotes WHERE speaker = ?)")


@dataclass(frozen=True)
class Alias:
    """One other name of an entity: how often the stored articles write it, and whether the alias list has it."""

    name: str
    mentions: int
    listed: bool

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Mention:
    """A stored article that mentions an entity: how often it names it and how many of its quotations are theirs."""

    article_id: str
    story_id: str
    title: str | None
    outlet: str | None
    published: str | None
    day: str | None
    mentions: int
    quotes: int


@dataclass(frozen=True)
class StoryMention:
    """A story that mentions an entity: its articles that do, of all its articles, and their first and last day."""

    story_id: str
    title: str
    mentioning: int
    article_count: int
    start: str | None
    end: str | None


# --- writing --------------------------------------------------------------------------------------------------


def _rows(article_id: str, entities: list[Entity]) -> list[tuple[str, str, str, str, str, str, int]]:
    """One row per (canonical, written form); a form given two labels keeps the first."""
    counts: dict[tuple[str, str], list[Any]] = {}
    for e in entities:
        if e.canonical.strip() and e.text.strip():
            counts.setdefault((e.canonical, e.text), [e.label, 0])[1] += 1
    return [(article_id, c, key(c), label, name, key(name), n) for (c, name), (label, n) in counts.items()]


def insert(conn: sqlite3.Connection, article_id: str, entities: list[Entity]) -> None:
    """Record who one article names (inside the caller's transaction)."""
    conn.executemany("INSERT OR IGNORE INTO entities (article_id, canonical, canonical_key, label, name, name_key,"
                     " mentions) VALUES (?, ?, ?, ?, ?, ?, ?)", _rows(article_id, entities))


def fill(conn: sqlite3.Connection) -> None:
    """Entity rows for every article already stored (the upgrade to schema 5), a page of articles at a time."""
    last = 0
    while True:
        page = conn.execute("SELECT rowid, id, data FROM articles WHERE rowid > ? ORDER BY rowid LIMIT ?",
                            (last, _FILL_ROWS)).fetchall()
        if not page:
            return
        for _, article_id, data in page:
            insert(conn, article_id, [Entity.from_dict(e) for e in json.loads(data).get("entities", [])])
        last = page[-1][0]


# --- names ----------------------------------------------------------------------------------------------------


def _present(conn: sqlite3.Connection, canonical: str) -> bool:
    return bool(conn.execute("SELECT 1 FROM entities WHERE canonical = ? UNION ALL"
                             " SELECT 1 FROM quotes WHERE speaker = ? LIMIT 1", (canonical, canonical)).fetchone())


def _short_caps(form: str) -> bool:
    """Short capitals ("AS", "US", "PBB") name an entity only when written so: "as" and "us" are words."""
    bare = form.replace(".", "")
    return bare.isupper() and len(bare) <= 5


def _caps_only(typed: str, forms: list[str]) -> bool:
    """Whether ``typed`` matches only short-capitals forms without being written in capitals itself."""
    return bool(forms) and all(_short_caps(f) for f in forms) and not _short_caps(typed)


def resolve(conn: sqlite3.Connection, name: str, *, stored: bool = True) -> str | None:
    """The canonical name ``name`` stands for, or None. With ``stored`` (pages, filters) only an entity some
    stored article mentions; without (search terms), also one the alias list knows and no article names yet."""
    name = " ".join(name.split())[:MAX_NAME_CHARS]
    if not name:
        return None
    if _present(conn, name):
        return name
    k = key(name)
    row = conn.execute("SELECT canonical FROM entities WHERE canonical_key = ? GROUP BY canonical"
                       " ORDER BY count(*) DESC, canonical LIMIT 1", (k,)).fetchone()
    if row:
        return str(row[0])
    listed = listed_canonical(name)
    if listed and not _caps_only(name, [f for f in _listed_forms(listed) if key(f) == k]) and (
            not stored or _present(conn, listed)):
        return listed
    for canonical, names in conn.execute("SELECT canonical, group_concat(DISTINCT name) FROM entities"
                                         " WHERE name_key = ? GROUP BY canonical ORDER BY sum(mentions) DESC,"
                                         " canonical LIMIT 20", (k,)):
        if _names_it(name, canonical) and not _caps_only(name, str(names).split(",")):
            return str(canonical)
    speaker = conn.execute("SELECT speaker FROM quotes WHERE speaker = ? COLLATE NOCASE LIMIT 1", (name,)).fetchone()
    return str(speaker[0]) if speaker else None


@cache
def _listed() -> dict[str, tuple[str, ...]]:
    """canonical → its other names in resources/aliases.tsv (the list annotate.aliases matches with)."""
    table: dict[str, tuple[str, ...]] = {}
    for _, canonical, names in resources.rows("aliases.tsv"):
        table[canonical] = tuple(n for n in (*table.get(canonical, ()), *names.split("|")) if n)
    return table


def _listed_forms(canonical: str) -> tuple[str, ...]:
    return (canonical, *_listed().get(canonical, ()))


def _names_it(form: str, canonical: str) -> bool:
    """Whether a written form is a name of ``canonical`` rather than a reference to it: it shares a word with the
    canonical name ("Widodo", "Presiden Joko Widodo") or the alias list has it ("Jokowi"). The annotator also
    gives "Presiden" or "Presiden Rusia" the name of whom they refer to, and those must not lead a search there."""
    return bool(set(key(form).split()) & set(key(canonical).split())) or key(form) in {
        key(f) for f in _listed_forms(canonical)}


def _written_forms(conn: sqlite3.Connection, canonical: str, limit: int) -> list[tuple[str, int]]:
    """The names the articles wrote for ``canonical`` that name no other entity, the most written first."""
    rows = conn.execute(
        "SELECT min(e.name), sum(e.mentions) AS n FROM entities AS e WHERE e.canonical = ?"
        " AND NOT EXISTS (SELECT 1 FROM entities AS o WHERE o.name_key = e.name_key AND o.canonical != e.canonical)"
        " GROUP BY e.name_key ORDER BY n DESC, min(e.name) LIMIT ?", (canonical, 4 * limit))
    return [(str(n), int(c)) for n, c in rows if _names_it(str(n), canonical)][:limit]


def name_forms(conn: sqlite3.Connection, name: str) -> list[str]:
    """Every way ``name``'s entity is written, for search: the canonical name, the alias list's names, the articles'
    unambiguous names and the name as typed (short capitals only as typed: "US" never matches "us"); [] when
    ``name`` names no entity."""
    canonical = resolve(conn, name, stored=False)
    if canonical is None:
        return []
    # The same forms in the same order whichever name was typed, so that every name gives the same results.
    forms = [canonical, *_listed_forms(canonical), *(f for f, _ in _written_forms(conn, canonical, MAX_FORMS))]
    kept: dict[str, str] = {}
    for form in forms:
        if not _short_caps(form) and len(kept) < MAX_FORMS:
            kept.setdefault(key(form), form)
    kept.setdefault(key(name), name)  # as typed, even in short capitals ("PBB")
    return list(kept.values())


def label_of(conn: sqlite3.Connection, canonical: str) -> str | None:
    """PERSON, ORG or PLACE, as most of the articles labelled it (None for a speaker no entity names)."""
    row = conn.execute("SELECT label FROM entities WHERE canonical = ? GROUP BY label ORDER BY count(*) DESC,"
                       " label LIMIT 1", (canonical,)).fetchone()
    return str(row[0]) if row else None


def aliases(conn: sqlite3.Connection, canonical: str) -> list[Alias]:
    """The entity's other names: the forms the articles wrote (the most written first), then the alias list's."""
    out: dict[str, Alias] = {}
    listed = {key(f) for f in _listed_forms(canonical)}
    for form, n in _written_forms(conn, canonical, MAX_ALIASES):
        if key(form) != key(canonical):
            out.setdefault(key(form), Alias(form, n, key(form) in listed))
    for form in _listed_forms(canonical)[1:]:
        out.setdefault(key(form), Alias(form, 0, True))
    return list(out.values())[:MAX_ALIASES]


# --- mentions -------------------------------------------------------------------------------------------------


def mentions(conn: sqlite3.Connection, canonical: str, limit: int, offset: int = 0) -> tuple[int, list[Mention]]:
    """How many stored articles mention ``canonical``, and ``limit`` of them from ``offset``, oldest first."""
    total = conn.execute(f"SELECT count(*) FROM {MENTIONING}", (canonical, canonical)).fetchone()[0]
    rows = conn.execute(
        "SELECT a.id, a.story_id, a.title, a.outlet, a.published, a.day,"
        " (SELECT coalesce(sum(e.mentions), 0) FROM entities AS e WHERE e.article_id = a.id AND e.canonical = ?),"
        " (SELECT count(*) FROM quotes AS q WHERE q.article_id = a.id AND q.speaker = ?)"
        f" FROM articles AS a WHERE a.id IN {MENTIONING} ORDER BY a.day IS NULL, a.day, a.rowid LIMIT ? OFFSET ?",
        (canonical, canonical, canonical, canonical, limit, offset))
    return int(total), [Mention(*row) for row in rows]


def story_mentions(conn: sqlite3.Connection, canonical: str, limit: int) -> list[StoryMention]:
    """The stories whose articles mention ``canonical``, those with the most such articles first."""
    rows = conn.execute(
        "SELECT m.story_id, m.n, (SELECT count(*) FROM articles AS s WHERE s.story_id = m.story_id), m.first, m.last,"
        " (SELECT coalesce(t.title, t.id) FROM articles AS t WHERE t.story_id = m.story_id"
        "  ORDER BY t.title IS NULL, t.day IS NULL, t.day, t.id LIMIT 1)"
        " FROM (SELECT a.story_id, count(*) AS n, min(a.day) AS first, max(a.day) AS last FROM articles AS a"
        f"       WHERE a.id IN {MENTIONING} GROUP BY a.story_id) AS m"
        " ORDER BY m.n DESC, m.last IS NULL, m.last DESC, m.story_id LIMIT ?", (canonical, canonical, limit))
    return [StoryMention(sid, title, int(n), int(size), first, last) for sid, n, size, first, last, title in rows]


@dataclass(frozen=True)
class Facts:
    """One entity as the store knows it: its label, other names, how many articles mention it and a page of them,
    and the stories they are in."""

    canonical: str
    label: str | None
    aliases: list[Alias]
    article_count: int
    articles: list[Mention]
    stories: list[StoryMention]


def facts(conn: sqlite3.Connection, canonical: str, *, limit: int, offset: int, stories: int) -> Facts:
    total, page = mentions(conn, canonical, limit, offset)
    return Facts(canonical, label_of(conn, canonical), aliases(conn, canonical), total, page,
                 story_mentions(conn, canonical, stories))
