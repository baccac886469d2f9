"""A list of feeds and sitemaps → the store, polled every so often: `kliping watch`.

Each round is one ``add_paths`` of the listed URLs with one Fetcher kept for the whole watch (its
robots.txt answers, per-host timing and validators carry over), so a round asks each feed with
If-None-Match / If-Modified-Since and reads only the articles the store does not hold. A failing
source costs its own line in that round, never the others or the next round. Ctrl-C ends the watch
between or during rounds; what a round had committed stays stored.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from kliping.errors import InputError
from kliping.model import AddSummary, Article, Skipped
from kliping.read.fetch import Fetcher, FetchOptions
from kliping.read.web import Note, read_sources
from kliping.run.add import add_paths
from kliping.store import Store

_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.IGNORECASE)
_UNIT_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass
class Round:
    """What one round did: its number, when it started, the add's summary and the articles it added."""

    number: int
    started: datetime
    summary: AddSummary
    added: list[Article] = field(default_factory=list)


@dataclass
class WatchSummary:
    rounds: int = 0
    added: int = 0
    skipped: int = 0
    interrupted: bool = False


def parse_interval(text: str) -> float:
    """``15m``, ``90s``, ``1h``, ``1d`` or a number of seconds → seconds; InputError otherwise."""
    match = _INTERVAL.match(text)
    if not match:
        raise InputError(f"--every takes a number and a unit, like 15m, 90s or 1h, not {text!r}")
    return float(match.group(1)) * _UNIT_SECONDS[match.group(2).lower()]


def watch(
    sources: str | Path,
    db: str | Path,
    *,
    every: float,
    rounds: int | None = None,
    fetch: FetchOptions | None = None,
    on_item: Callable[[Article | Skipped], None] | None = None,
    on_note: Note | None = None,
    on_round: Callable[[Round], None] | None = None,
    sleep: Callable[[float], None] | None = None,
) -> WatchSummary:
    """Add the articles of the feeds and sitemaps listed in ``sources`` to ``db`` every ``every`` seconds,
    ``rounds`` times (None: until Ctrl-C, which ends it cleanly: the summary says ``interrupted``)."""
    if every < 0:
        raise InputError("--every must not be negative")
    if rounds is not None and rounds < 1:
        raise InputError(f"--rounds must be at least 1, not {rounds}")
    urls = read_sources(sources)
    fetcher = Fetcher.beside(db, fetch)
    done = WatchSummary()
    read: list[Article] = []  # the articles read in the current round

    def heard(item: Article | Skipped) -> None:
        if isinstance(item, Article):
            read.append(item)
        if on_item is not None:
            on_item(item)

    try:
        while rounds is None or done.rounds < rounds:
            if done.rounds:
                (sleep or time.sleep)(every)  # looked up now: a test may stand in for the clock
            done.rounds += 1
            read.clear()
            started = datetime.now().astimezone()
            summary = add_paths(urls, db, on_item=heard, fetcher=fetcher, on_note=on_note)
            done.added += summary.added
            done.skipped += len(summary.skipped)
            if on_round is not None:
                on_round(Round(done.rounds, started, summary, _added(db, read)))
    except KeyboardInterrupt:
        done.interrupted = True
    finally:
        fetcher.close()
    return done


def _added(db: str | Path, read: list[Article]) -> list[Article]:
    """The articles read in a round that the store now holds under their URL (not copies of stored ones)."""
    if not read:
        return []
    with Store.open(db, create=False, write=False) as store:
        held = store.stored_locators(a.url for a in read if a.url)
    return [a for a in read if a.url in held]
