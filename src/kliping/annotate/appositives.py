"""Article body + the comma before a speech verb → the speaker standing before an appositive:
"Jack Smith, who represents the family, said", "Robertson, the U.S. commander, said", "Mantan Wakil
Presiden Indonesia, Boediono, mewanti-wanti" — the phrase's head, not a place or body named inside it.
"""

from __future__ import annotations

import re

from kliping.annotate import name_words
from kliping.annotate.cue_neighbours import name_before, noun_subject, skip_space
from kliping.annotate.cues import Subject
from kliping.annotate.degrees import only_degrees
from kliping.annotate.descriptions import body_in_apposition, is_person_noun
from kliping.model import Entity

MAX_APPOSITIVES = 3  # comma-separated phrases between a speaker and the verb ("X, a spokesperson for Y, the …, said")


# capitalised title words, a bracketed acronym and "of" before a name: "Chief Inspector of Harbours (CIH) Mr "
_TITLE_RUN = re.compile(r"(?:(?:[A-Z][\w.’'-]*|\([A-Z]{2,6}\)|of|the)\s+)+")


def appositive_subject(body: str, comma: int, floor: int, entities: list[Entity]) -> Subject | None:
    """"Jack Smith, who represents the family, said", "Robertson, the U.S. commander, said": the
    speaker is the phrase before the appositive, not a place or body named inside it. Walk back
    over up to MAX_APPOSITIVES commas; the first person (or unrecognised name) right before one
    wins, else the first phrase found there."""
    first: Subject | None = None
    while (prev := body.rfind(",", floor, comma)) >= 0 and only_degrees(body[prev + 1 : comma]):
        comma = prev  # "dr. Maya Kartikasari, M.Kes, mengatakan": degrees after the name
    # "Mantan Wakil Presiden Indonesia, Boediono, mewanti-wanti": the appositive is the name.
    prev = body.rfind(",", floor, comma)
    if prev >= 0:
        opening = skip_space(body, prev + 1)
        start, end = _past_title_words(body, opening, comma), _before_age(body, comma)
        # "Promotor konser, Sinta Marlina dari PT Gema Nada, menyebut": the name, then where the
        # person is from, make the appositive
        named = [e for e in entities if e.start == start and e.label == "PERSON"
                 and (e.end == end or _FROM.match(body, e.end, end) is not None)]
        if named:
            return Subject(named[0].text, start, "entity", named[0])
        titled = next((e for e in entities if e.label == "PERSON" and e.end == end and start < e.start), None)
        if titled is not None and _TITLE_RUN.fullmatch(body, start, titled.start):
            # "the port's duty officer, Chief Inspector of Harbours (CIH) Mr Owen Pratt, said": the
            # appositive is a titled name, whose person speaks
            return Subject(titled.text, titled.start, "entity", titled)
        if (body_named := body_in_apposition(body, prev, start, end, floor, entities)) is not None:
            return body_named
        name = name_before(body, end, start)
        # a full name the recogniser missed or took for a place; after a title ("dr. Maya
        # Kartikasari") a name even if one of its words is also an ordinary word
        if name is not None and name.start == start and (
                sum(map(name_words.is_name_like, name.text.split())) > 1 or (start > opening and " " in name.text)
                or (" " in name.text and name.text.split()[0].casefold() not in name_words.title_words()
                    and _described_before(body, floor, prev))):
            return name
    for _ in range(MAX_APPOSITIVES):
        comma = body.rfind(",", floor, comma)
        if comma < 0:
            break
        end = _before_age(body, comma)  # "Sumiati (58), petani setempat, mengatakan"
        people = [e for e in entities if e.end == end and floor <= e.start]
        if people:
            e = max(people, key=lambda e: e.end - e.start)
            found: Subject | None = Subject(e.text, e.start, "entity", e)
        else:
            found = name_before(body, end, floor) or noun_subject(body, end, floor)
        if found is not None and found.kind == "name" and found.text.casefold() in name_words.calendar_words():
            continue  # "On Monday, the People's Daily, the party's paper, warned": a day speaks not
        if found is not None and found.start + len(found.text) == end:
            phrase_start = max(body.rfind(",", floor, comma) + 1, floor)
            if found.kind == "name" and _inside_phrase(body, phrase_start, found.start):
                continue  # "a senior analyst at Stratfor,": a body the appositive names, not its head
            if found.kind == "name" or (found.entity is not None and found.entity.label == "PERSON"):
                return found
            first = first or found
    return first


_FROM = re.compile(r"\s+(?:dari|asal|of|from)\s+[A-Z]")
_AGE = re.compile(r"\s*\(\s*\d{1,3}(?:\s*(?:tahun|th|thn|years?))?\s*\)\s*$")


def _described_before(body: str, floor: int, comma: int) -> bool:
    """Whether the phrase before an appositive name is a role or a person's description opening
    the sentence ("Pengamat transportasi, Yoga Adiwinata, menilai"): the name is a person's."""
    lead = body[skip_space(body, floor) : comma].split()
    first = lead[0].casefold().strip(",") if lead else ""
    return 0 < len(lead) <= MAX_DESCRIPTION_WORDS and (first in name_words.title_words() or is_person_noun(first))


MAX_DESCRIPTION_WORDS = 4  # "Pengamat transportasi", "Kepala Dinas Kesehatan Garut"


def _past_title_words(body: str, pos: int, stop: int) -> int:
    """``pos`` moved past the abbreviated titles that open a name: "dr. Maya Kartikasari", "Prof. Ani"
    (not past "chief executive of", which opens a description)."""
    titles = name_words.title_words()
    while (word := _WORD_AT.match(body, pos, stop)) is not None and (
            word.group(1) or word.group(2)).casefold() in titles:
        pos = word.end()
    return pos


# The dot of an abbreviated title is often left off ("dr Maya Kartikasari", "Dr dr Ani", "Prof Budi"):
# a short title word is one either way (a longer one, "chief executive of", opens a description).
_WORD_AT = re.compile(r"([A-Za-z]+)\.\s+|([A-Za-z]{1,4})\s+")


def _before_age(body: str, pos: int) -> int:
    """Where a name ends when the person's age in brackets follows it: "Wawan (45)", "Ani (38 tahun)"."""
    age = _AGE.search(body, max(0, pos - 16), pos)
    return age.start() if age else pos


def _inside_phrase(body: str, start: int, name_start: int) -> bool:
    """Whether ordinary lower-case words stand before a name in its comma phrase ("a senior
    analyst at Stratfor"): the name is then a complement, not the phrase's head."""
    titles = name_words.title_words()
    return any(w[:1].islower() and w.casefold() not in titles and w != "the"  # "the People's Daily,"
               for w in body[start:name_start].split())
