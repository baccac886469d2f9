"""A story's coverage: which outlet carried which event and which claim, grouped by owner.

A fact-checker asks who reported what: an event or a claim carried by one outlet only (or by the
mastheads of one owner group, ``resources/outlet_groups.tsv``) rests on one newsroom. The matrix is
bounded (MAX_COLUMNS events and claims, MAX_ROWS outlets), whatever the story's size.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache
from typing import Any

from kliping import resources
from kliping.model import Article, Story

MAX_COLUMNS = 24
MAX_ROWS = 40
View = dict[str, Any]


@cache
def owner_groups() -> dict[str, str]:
    """Outlet name → its owner group, for the outlets resources/ knows."""
    return {outlet: group for outlet, group in resources.rows("outlet_groups.tsv")}


def coverage(story: Story, members: Sequence[Article], label: Callable[[Article], str],
             claim_anchor: Callable[[str], str]) -> View:
    """The matrix of one story: ``columns`` (its events, then its claims), ``rows`` (outlets, by owner
    group and size) with one cell per column, and what one outlet alone carried. ``label`` names an
    article's outlet as the rest of the page does; ``claim_anchor`` gives a claim's anchor on the page."""
    outlet_of = {a.id: label(a) for a in members}
    columns: list[tuple[View, dict[str, str]]] = []  # (column, outlet → cell)
    for n, e in enumerate(story.events, start=1):
        columns.append(({"kind": "event", "key": f"E{n}", "label": e.title, "anchor": None},
                        _counts(outlet_of, e.article_ids)))
    for n, c in enumerate(story.claims, start=1):
        cells = _stances(outlet_of, [e.article_id for e in c.support], [e.article_id for e in c.against])
        columns.append(({"kind": "claim", "key": f"C{n}", "label": c.text, "status": c.status,
                         "anchor": claim_anchor(c.id)}, cells))
    counts: dict[str, int] = {}
    for outlet in outlet_of.values():
        counts[outlet] = counts.get(outlet, 0) + 1
    groups = owner_groups()
    outlets = sorted(counts, key=lambda o: (groups.get(o, "~"), -counts[o], o))
    shown = columns[:MAX_COLUMNS]
    for column, cells in shown:
        carriers = [o for o in outlets if cells.get(o)]
        column["only"] = carriers[0] if len(carriers) == 1 else None
        owners = {groups.get(o, o) for o in carriers}
        column["one_group"] = next(iter(owners)) if len(carriers) > 1 and len(owners) == 1 else None
    rows = [{"outlet": o, "group": groups.get(o), "articles": counts[o],
             "cells": [cells.get(o, "") for _, cells in shown]} for o in outlets[:MAX_ROWS]]
    return {"columns": [c for c, _ in shown], "rows": rows, "more_columns": max(0, len(columns) - MAX_COLUMNS),
            "more_rows": max(0, len(outlets) - MAX_ROWS),
            "only_one": [c for c, _ in shown if c["only"]]}


def _counts(outlet_of: Mapping[str, str], ids: Iterable[str]) -> dict[str, str]:
    """outlet → how many of its articles are in ``ids``, as the cell shows it."""
    found: dict[str, int] = {}
    for i in dict.fromkeys(ids):
        if i in outlet_of:
            found[outlet_of[i]] = found.get(outlet_of[i], 0) + 1
    return {o: str(n) for o, n in found.items()}


def _stances(outlet_of: Mapping[str, str], support: Iterable[str], against: Iterable[str]) -> dict[str, str]:
    """outlet → "+" (its articles support the claim), "−" (they oppose it) or "±" (both)."""
    pro = {outlet_of[i] for i in support if i in outlet_of}
    con = {outlet_of[i] for i in against if i in outlet_of}
    return {o: "±" if o in pro and o in con else "+" if o in pro else "−" for o in pro | con}
