"""Reported speech's word lists (resources/report_*.txt and report_*.tsv) → sets and regex
alternatives, read once per process. The patterns that use them are built (also once) beside the
code that reads their matches, in reported.py and the report_* modules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from kliping import resources


def listed(name: str) -> tuple[str, ...]:
    """The words of a one-word-a-line list, in file order."""
    return resources.lines(name)


@cache
def flagged(name: str, flag: str) -> tuple[str, ...]:
    """The words of a lang<TAB>word<TAB>uses table that carry ``flag`` among their uses, in file order.
    A flag no word carries is a misspelling: it would build an alternative matching nothing, or
    everything, so it fails here."""
    found = tuple(row[1] for row in resources.rows(name) if flag in row[2].split(","))
    if not found:
        raise ValueError(f"no word in {name} is flagged {flag!r}")
    return found


@cache
def verb_classes() -> dict[str, frozenset[str]]:
    """The speech verbs of each class in report_verb_classes.tsv ({"request": {"meminta", …}, …}),
    lower case: compared with a cue as found, lowered. One table, fetched once where a verb is
    tested against several classes; a misspelt class is a KeyError."""
    out: dict[str, set[str]] = {}
    for row in resources.rows("report_verb_classes.tsv"):
        for cls in row[2].split(","):
            out.setdefault(cls, set()).add(row[1].lower())
    return {cls: frozenset(verbs) for cls, verbs in out.items()}


def either(phrases: Iterable[str]) -> str:
    """One regex alternative for ``phrases``, the longest first (so "meskipun" is tried before
    "meski", as a flat list must be where no word boundary follows), a space inside a phrase
    matching any run of white space ("as soon as", "hal yang sama")."""
    ordered = sorted(phrases, key=len, reverse=True)
    if not ordered:
        raise ValueError("no words: an empty alternative would match anywhere")
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in ordered)


def capitalisable(words: Iterable[str]) -> list[str]:
    """``words`` as written and with a capital first letter: "his" → "his", "His" — a sentence may
    start with one, while a flat "(?i:…)" would let "HIS" in too."""
    return [f for w in words for f in (w, w[:1].upper() + w[1:])]
