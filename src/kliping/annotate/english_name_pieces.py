"""English people's names the recogniser reads piece by piece: "Minister
Nga Kor Ming", then "[Nga]PLACE stressed …". Names it has never seen, Chinese, Malay, African or
Filipino among them, are the ones it takes for places; a lone word of a person's full name that no
table labels is that person. And people it does not see at all ("Australian comedian Celeste
Barber posted …"): a capitalised pair opening with a common English given name is a person.
"""

from __future__ import annotations

import re
from functools import cache

from kliping import resources
from kliping.annotate import aliases, name_words
from kliping.annotate.descriptions import APPOSITIVE, PREPOSITION, is_person_noun
from kliping.annotate.name_words import given_names
from kliping.annotate.span_index import SpanIndex

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


# A capitalised word, then one or two more (an initial may stand between): "Celeste Barber",
# "Dana J. Corliss", "Mary Anne Okafor"; not inside a longer run of capitalised words
_GIVEN_RUN = re.compile(r"(?<![\w’'.-])(?P<given>[A-Z][a-z]+)"
                        r"(?P<rest>(?:\s+(?:[A-Z]\.\s+)?[A-Z][\w’'-]*[a-z][\w’'-]*){1,2})"
                        r"(?![\w’'-]|\s+[A-Z][a-z])")
_OWNS = re.compile(r"(?:’s|'s)$")


def people_by_given_name(body: str, spans: list[Span]) -> list[Span]:
    """``spans`` with the people the recogniser missed or took for a body or place, named by a
    common English given name and a family name ("Celeste Barber", "Dana J. Corliss"): each word
    after the given name a name's (no title, function or ordinary word: "Christian Democrats"
    stays out), the whole known to no table, and overlapping no other span."""
    names = given_names()
    ordered = sorted(spans)
    taken = SpanIndex((a, b) for a, b, _ in ordered)
    relabel: set[int] = set()
    split: dict[int, list[Span]] = {}
    out: list[Span] = []
    for m in _GIVEN_RUN.finditer(body):
        given = m["given"].lower()
        if given not in names or given in name_words.calendar_words():
            continue
        start, end = m.start(), m.end()
        if owner := _OWNS.search(body, start, end):
            end = owner.start()  # "Celeste Barber’s video": the name without its "’s"
        rest = body[m.start("rest") : end].split()
        if not all(name_words.is_name_like(w) for w in rest if not (len(w) == 2 and w.endswith("."))):
            continue
        if aliases.label_of(body[start:end]) is not None:
            continue
        touching = taken.touching(start, end)
        if not touching:
            out.append((start, end, "PERSON"))
        elif len(touching) == 1 and ordered[touching[0]][:2] == (start, end):
            relabel.add(touching[0])  # the recogniser's "[Celeste Corliss]ORG"
        elif (len(touching) == 1 and ordered[touching[0]][0] == start and body.startswith(" of ", end)
              and ordered[touching[0]][1] > end + len(" of ")):
            # the recogniser's "[Keith Crum of Marlboro]PLACE": the person, then where they live
            a, b, label = ordered[touching[0]]
            split[touching[0]] = [(start, end, "PERSON"), (end + len(" of "), b, label)]
    return [piece for i, (a, b, label) in enumerate(ordered)
            for piece in split.get(i, [(a, b, "PERSON" if i in relabel else label)])] + out


def people_in_apposition(body: str, spans: list[Span]) -> list[Span]:
    """A PLACE or ORG span that reads as a full name, set off by an appositive whose head is a title
    or a person noun, is a person: "[Alice Guo]PLACE, the suspended mayor of Bamban, …" ("Bamban,
    the capital of X," keeps its label: a capital is no person)."""
    out = []
    for s, e, label in spans:
        if label != "PERSON" and _name_shaped(body[s:e]) and aliases.label_of(body[s:e]) is None and (
                (app := APPOSITIVE.match(body, e)) is not None):
            head = PREPOSITION.split(app["words"], 1)[0].split()
            if head and (head[-1] in name_words.title_words() or is_person_noun(head[-1])):
                label = "PERSON"
        out.append((s, e, label))
    return out


def _name_shaped(text: str) -> bool:
    """Two to four capitalised words, none a stop word, the last a name's ("Alice Guo": "Alice" is
    an ordinary word too, which is_full_name would not take)."""
    words = text.split()
    return (1 < len(words) <= 4 and all(w[:1].isupper() and name_words.word_kind(w) != "stop" for w in words)
            and name_words.is_name_word(words[-1]))

