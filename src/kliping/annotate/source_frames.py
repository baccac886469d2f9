"""The nouns that frame a source without being it: a medium's noun before its name ("Majalah Tempo", "laman
X"). Used by the speaker finders (speech.py, speakers.py) so a kind of medium is never taken for a speaker
(the dateline that opens a body is kliping.datelines').
"""

from __future__ import annotations

import re
from functools import cache

from kliping import resources
from kliping.annotate import aliases
from kliping.model import Entity


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


def medium_acronym(named: Entity) -> bool:
    """An acronym after a medium's noun taken for a place ("state media [ZNA]PLACE"): the medium's
    name, unless it is a country's ("media AS", American media)."""
    return (named.label == "PLACE" and named.text.isupper() and len(named.text) > 2
            and named.text not in resources.words("ner_countries.txt") and aliases.label_of(named.text) != "PLACE")
