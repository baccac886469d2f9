"""Built stories kept by the web app, so that a page never waits for a rebuild while a build exists.

A story page needs the story built (events, claims, timeline), which takes time in proportion to its
articles. While `kliping add` grows a story, the page shows the last build at once, says how many
articles came since, and the current one is built in a background thread for the next visit. Only a
story never built in this process is built inside the request. When the store regroups (an article
arrived out of date order, ``store_grouping``), story ids may name other stories: every build is dropped.
Nothing here writes to the store: a GET never writes, so a reader never queues behind a writer's transaction.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from kliping.model import Story
from kliping.run.add import stored_story
from kliping.store import Store

CAPACITY = 256  # stories kept in memory; the least recently shown goes first

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Built:
    """A story as built from ``size`` articles; ``behind`` more are stored now and not yet in it."""

    story: Story
    size: int
    behind: int = 0


class StoryShelf:
    def __init__(self, open_store: Callable[[], Store], capacity: int = CAPACITY) -> None:
        self._open_store = open_store  # for the background thread's own read-only connection
        self._capacity = capacity
        self._built: OrderedDict[str, Built] = OrderedDict()
        self._pending: set[str] = set()
        self._lock = threading.Lock()
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kliping-story-build")
        self._local = threading.local()
        self._regroups = 0

    def get(self, store: Store, story_id: str) -> Built | None:
        """The story to show now: the current build, else the last one (rebuilt behind the scenes), else
        built here; None when no stored article is in it (an unknown id, or a story merged into another)."""
        size = store.story_size(story_id)
        if size == 0:
            return None
        regroups = store.regroups()
        with self._lock:
            if regroups != self._regroups:
                self._built.clear()
                self._regroups = regroups
            held = self._built.get(story_id)
            if held is not None:
                self._built.move_to_end(story_id)
        if held is not None and held.size == size:
            return held
        if held is not None and held.size < size:
            self._rebuild_later(story_id)
            return Built(held.story, held.size, max(size - held.size, 0))
        return self._build(store, story_id)

    def _build(self, store: Store, story_id: str) -> Built | None:
        story = stored_story(store, story_id)
        if story is None:
            return None
        built = Built(story, len(story.article_ids))
        with self._lock:
            self._built[story_id] = built
            self._built.move_to_end(story_id)
            while len(self._built) > self._capacity:
                self._built.popitem(last=False)
        return built

    def _rebuild_later(self, story_id: str) -> None:
        with self._lock:
            if story_id in self._pending:
                return
            self._pending.add(story_id)
        self._worker.submit(self._rebuild, story_id)

    def _rebuild(self, story_id: str) -> None:
        try:
            store: Store | None = getattr(self._local, "store", None)
            if store is None:
                store = self._local.store = self._open_store()
            self._build(store, story_id)
        except Exception:  # the page keeps showing the last build; the next visit tries again
            _log.exception("rebuilding story %s failed", story_id)
        finally:
            with self._lock:
                self._pending.discard(story_id)

    def close(self) -> None:
        self._worker.shutdown(wait=False, cancel_futures=True)
