"""The nouns that frame a source without being it: a medium's noun before its name ("Majalah Tempo", "laman
X"). Used by the speaker finders (speech.py, speakers.py) so a kind of medium is never taken for a speaker
(the dateline that opens a body is kliping.datelines').
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
