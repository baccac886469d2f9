"""The openings and nouns that frame a source without being it: the dateline that opens a body
("Jakarta, Warta Kita - - …") and a medium's noun before its name ("Majalah Tempo", "laman X"). Used by
the speaker finders (speech.py, speakers.py) so a place or a kind of medium is never taken for a speaker.
"""

from __future__ import annotations

import re
from functools import cache

from kliping import resources


@cache
def media_noun() -> re.Pattern[str]:
    """A medium's noun before its capitalised name ("Majalah Tempo", "situs resmi Persib")."""
    # not "the": "says the Sioux Falls Argus Leader" keeps its whole name (patterns()["article"])
    nouns = sorted((n for n in resources.lines("media_nouns.txt") if n != "the"), key=len, reverse=True)
    return re.compile(rf"(?i:{'|'.join(re.escape(n) for n in nouns)})\s+(?=[A-Z])")


@cache
def media_words() -> frozenset[str]:
    """The words of the nouns naming a kind of medium ("majalah", "harian"): no one's role."""
    return frozenset(w for noun in resources.lines("media_nouns.txt") for w in noun.split())


DATELINE_REACH = 80  # characters: a dateline opens the body within them


def dateline_end(body: str) -> int:
    """Where the dateline that opens the body ends ("Jakarta, Warta Kita - - …", "WARTA.COM,
    BANDUNG - …"), else 0: its comma and its place are no part of the first sentence ("Jakarta,
    … - - Calon Presiden X, mengatakan" is said by X, not by Jakarta). One of its two parts is a
    dateline city or an outlet's web name, so "Budi, Ketua RT - RW, …" is no dateline."""
    m = _DATELINE.match(body, 0, DATELINE_REACH)
    if m is None:
        return 0
    cities = _dateline_cities()
    if any("." in part or part.casefold() in cities for part in (m["a"], m["b"])):
        return m.end()
    return 0


_DATELINE = re.compile(r"\s*(?P<a>[A-Z][^\n,]{1,29}),\s*(?P<b>[A-Z][^\n,]{1,29}?)\s+(?:-\s*-|--?|[–—])\s+")


@cache
def _dateline_cities() -> frozenset[str]:
    return frozenset(c.casefold() for c in resources.lines("places.txt"))
