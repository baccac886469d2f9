"""The academic and professional degrees written after a person's name ("Hendra Gunawan S.H.", "dr. Maya
Kartikasari, M.Kes", "Jane Doe PhD"): never a part of the name. One list (resources/degrees.txt) and one
rule for a specialist's "Sp." with its field, for the name's own words (naming.py) and the appositive's
commas (appositives.py).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from kliping import resources

_SPECIALTY = re.compile(r"[A-Z]{1,3}\.?")  # the field after a specialist's "Sp.": "Sp. B", "Sp. PD"
_SPECIALIST = re.compile(r"(?:sub)?sp\.[a-z]+(?:[.-][a-z]+)*\.?(?:\(k\))?")  # folded: "sp.og(k)", "subsp.t.k.p.s(k)"


def without_degrees(words: list[str]) -> list[str]:
    """A name's words without the degrees written after it ("Hendra Gunawan S.H." → "Hendra Gunawan",
    "Hengky Setyahadi Sp. B" → "Hengky Setyahadi"); one word stays."""
    end = len(words)
    while end > 1:
        if is_degree(words[end - 1]):
            end -= 1
        elif end > 2 and _SPECIALTY.fullmatch(words[end - 1]) and is_degree(words[end - 2]):
            end -= 2
        else:
            break
    return words[:end]


def only_degrees(text: str) -> bool:
    """Whether ``text`` (between two commas after a name) is one or more degrees: ", M.Kes, ", ", SH, MH, "."""
    words = text.split()
    return bool(words) and all(is_degree(w) or (_SPECIALTY.fullmatch(w) and i) for i, w in enumerate(words))


@lru_cache(maxsize=65536)
def is_degree(word: str) -> bool:
    bare = word.rstrip(".,")
    folded = bare.casefold()
    # "Sp.B", "Sp.PD": a specialist's degree with its field joined on; a consultant's "(K)" after it
    # ("Sp.OG(K)"), a subspecialist's "Subsp." with a field of dotted or hyphened letters
    # ("Sp.PD-KGEH", "Subsp.Kardio", "Subsp.T.K.P.S(K)"), as Indonesian health news writes them
    if folded in resources.words("degrees.txt") or _SPECIALIST.fullmatch(folded):
        return True
    # "SH", "MSi", "ME": a degree written without its dots, its letters' case kept ("Si", not "si")
    return "." not in bare and bare[:1].isupper() and bare[1:2].isupper() and folded in _undotted()


@cache
def _undotted() -> frozenset[str]:
    return frozenset(d.replace(".", "") for d in resources.words("degrees.txt") if "." in d)
