"""English people's names the recogniser (trained on Indonesian) reads piece by piece: "Minister
Nga Kor Ming", then "[Nga]PLACE stressed …". Names it has never seen, Chinese, Malay, African or
Filipino among them, are the ones it takes for places; a lone word of a person's full name that no
table labels is that person.
"""

from __future__ import annotations

from functools import cache

from kliping import resources
from kliping.annotate import aliases

Span = tuple[int, int, str]


def _unknown_word(word: str) -> bool:
    """A word no table gives a label: "Nga" may be a piece of a name, "Texas" or "Jordan" is not."""
    return aliases.label_of(word) is None and word.casefold() not in _places()


@cache
def _places() -> frozenset[str]:
    return frozenset(line.strip().casefold() for line in resources.lines("ner_countries.txt")
                     + resources.lines("ner_place_names.txt"))


def lone_name_words(body: str, spans: list[Span]) -> list[Span]:
    """A one-word PLACE or ORG span no table labels that is the first or last word of a person the
    article names in full is that person ("Nga stressed …" after "Minister Nga Kor Ming"; Chinese
    and Korean names put the family name first)."""
    ends: set[str] = set()
    for s, e, label in spans:
        words = body[s:e].split()
        if label == "PERSON" and len(words) >= 2:
            ends.update((words[0], words[-1]))
    if not ends:
        return spans
    return [(s, e, "PERSON") if label != "PERSON" and body[s:e] in ends and _unknown_word(body[s:e])
            else (s, e, label) for s, e, label in spans]
