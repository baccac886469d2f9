"""The store's read-only queries: search, the story list and outlets (store_search.py), people and
organisations (store_entities.py), speakers. A mixin of ``Store``, split from store.py to keep it small; every
method reads through the store's connection."""

from __future__ import annotations

import sqlite3
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING

from kliping import store_entities, store_search
from kliping.errors import InputError, StoreError
from kliping.model import Article, Quote
from kliping.store_records import Hit, StoryRow


class Queries:
    """Store's queries; ``Store`` provides the connection, the path, the schema version and transactions."""

    _conn: sqlite3.Connection
    path: Path

    if TYPE_CHECKING:  # Store's own, declared here for the type checker only
        def schema_version(self) -> int: ...

        def _transaction(self, mode: str = "IMMEDIATE") -> AbstractContextManager[None]: ...

    # --- search and speakers (store_search.py) ------------------------------------------------------

    def search(self, query: str, *, speaker: str | None = None, since: str | None = None, until: str | None = None,
               story: str | None = None, outlet: str | None = None, entity: str | None = None,
               sort: str = "relevance", limit: int = 50) -> list[Hit]:
        """Articles and quotations matching ``query`` (every word; a name, any form of its entity), best or latest
        first, filtered as asked; ``entity`` is any name of a person, organisation or place the articles mention."""
        aliases = self.has_entities()
        return store_search.search(self._conn, query, speaker=speaker, since=since, until=until, story=story,
                                   outlet=outlet, canonical=self._entity_filter(entity), sort=sort,
                                   aliases=aliases, limit=limit)

    def find_stories(self, *, since: str | None = None, until: str | None = None, outlet: str | None = None,
                     entity: str | None = None, min_size: int = 1, limit: int = 50,
                     offset: int = 0) -> tuple[int, list[StoryRow]]:
        """The story list filtered (stories with an article matching every filter, of ``min_size`` articles or
        more) and paged: how many there are, and ``limit`` of them from ``offset``, the biggest first."""
        return store_search.story_list(self._conn, since=since, until=until, outlet=outlet,
                                       canonical=self._entity_filter(entity), min_size=min_size, limit=limit,
                                       offset=offset)

    def outlets(self) -> list[tuple[str, int]]:
        """The outlets of the stored articles, the most articles first."""
        return store_search.outlets(self._conn)

    def outlet_overview(self) -> list[tuple[str, int, int, str | None, str | None]]:
        """Each outlet: its articles, the stories it covered, its first and last day (store_search)."""
        return store_search.outlet_overview(self._conn)

    def _entity_filter(self, entity: str | None) -> str | None:
        if entity is None:
            return None
        canonical = self.resolve_entity(entity)
        if canonical is None:
            raise InputError(f"no stored article mentions {entity!r}")
        return canonical

    # --- people and organisations (store_entities.py) ------------------------------------------------

    def resolve_entity(self, name: str) -> str | None:
        """The canonical name of the entity ``name`` stands for (any alias, any case), if a stored article
        mentions it."""
        self._require_entities()
        return store_entities.resolve(self._conn, name)

    def entity(self, canonical: str, *, limit: int, offset: int = 0, stories: int = 100) -> store_entities.Facts:
        """What the store knows of one entity: label, aliases, the articles mentioning it (how many, and ``limit``
        of them from ``offset``, oldest first) and up to ``stories`` stories they are in."""
        self._require_entities()
        with self._transaction("DEFERRED"):  # the counts and the pages from one snapshot
            return store_entities.facts(self._conn, canonical, limit=limit, offset=offset, stories=stories)

    def has_entities(self) -> bool:
        """Whether the store has the entities table (an older store opened read-only, as is, has not)."""
        return self.schema_version() >= store_entities.ENTITIES_SCHEMA

    def _require_entities(self) -> None:
        if not self.has_entities():
            raise StoreError(f"{self.path} predates the people and organisations pages (schema "
                             f"{self.schema_version()}): open it once with a kliping that may write it "
                             "(`kliping serve` or `kliping add`), which upgrades it in place")

    def speakers(self, prefix: str = "", limit: int = 100) -> list[tuple[str, int]]:
        """Speakers (canonical names) whose name starts with ``prefix``, the most quoted first."""
        return store_search.speakers(self._conn, prefix, limit)

    def quotes_by(self, speaker: str, limit: int = -1, offset: int = 0) -> list[tuple[Quote, Article]]:
        """Everything ``speaker`` said, across stories, oldest first (``limit`` of it from ``offset`` when given)."""
        return store_search.quotes_by(self._conn, speaker, limit, offset)

    def quote_count(self, speaker: str) -> int:
        """How many quotations are attributed to ``speaker`` (a canonical name, exactly)."""
        return store_search.quote_count(self._conn, speaker)

