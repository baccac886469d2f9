"""Article body + a position near a speech cue → the phrase standing there that may be the speaker:
an entity starting at it, a pronoun, a capitalised name the recogniser missed right before it, or a
short noun phrase opening its clause ("Polisi mengatakan").

These are the small finders both speech.py (a speaker before or after its cue) and appositives.py
(the head before an appositive) build on; they look at one position, never at the whole body.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import cache
from operator import attrgetter

from kliping import resources
from kliping.annotate.cues import Subject, pronouns
from kliping.annotate.date_words import full_names
from kliping.annotate.descriptions import anonymous
from kliping.model import Entity

MAX_SUBJECT_GAP = 90  # characters between a speaker and a verb in one clause
MAX_NOUN_SUBJECT_WORDS = 4
_PRONOUN_WORD = re.compile(r"[A-Za-z]+")


def starting_in(entities: list[Entity], lo: int, hi: int) -> Iterator[Entity]:
    """The entities that start in [lo, hi). ``entities`` are in order of start (as find_entities gives
    them): found by bisection, since a scan of them all per cue made a long article quadratic (800 KB
    of quoted sentences: 50 s here alone)."""
    i = bisect_left(entities, lo, key=_START)
    while i < len(entities) and entities[i].start < hi:
        yield entities[i]
        i += 1


_START = attrgetter("start")  # a bisection's key: called at each step, in C rather than a lambda


def entity_at(entities: list[Entity], pos: int) -> Entity | None:
    """The longest entity starting at ``pos`` (a role and its person count as one), the first of
    equals. A loop, not max() over starting_in with a key lambda: 1.2 µs a call where that took 3.3
    (measured over 79,000 positions; the quotes stage asks 13 an article)."""
    i = bisect_left(entities, pos, key=_START)
    best = None
    while i < len(entities) and entities[i].start == pos:
        if best is None or entities[i].end - entities[i].start > best.end - best.start:
            best = entities[i]
        i += 1
    return best


def pronoun_at(body: str, pos: int) -> str | None:
    """The pronoun ("ia", "dia", "he", "she" …) written at ``pos``, or None."""
    word = _PRONOUN_WORD.match(body, pos)
    return word.group(0) if word and word.group(0).lower() in pronouns() else None


def skip_space(body: str, pos: int) -> int:
    while pos < len(body) and body[pos] == " ":
        pos += 1
    return pos


def noun_subject(body: str, cue_start: int, lo: int) -> Subject | None:
    """"Polisi mengatakan", "Kuasa hukum tersangka membantah": a short noun phrase opening the
    clause speaks, though it names no one — the mention is kept, the speaker stays unknown."""
    clause = max(body.rfind(",", lo, cue_start), body.rfind(".", lo, cue_start), lo - 1) + 1
    text = body[clause:cue_start].strip().lstrip("”\"’' ")  # "“…,” one commenter said": not the closing mark
    adverbs = set(resources.lines("speech_adverbs.txt"))
    while text and text.split()[-1].lower() in adverbs:  # "RM lantas mengatakan"
        text = text.rsplit(" ", 1)[0] if " " in text else ""
    if text[:3].casefold() == "as " and anonymous(text[3:]):
        text = text[3:]  # "…,” as one bank's CEO told me": the comparative frame, then the speaker
    words = text.split()
    if not 1 <= len(words) <= MAX_NOUN_SUBJECT_WORDS or text.lower() in pronouns():
        return None
    # A lower-case phrase speaks too when it opens with a determiner or a content word:
    # "sumber keamanan mengatakan", "a U.S. official said", "…, the commission said." — not
    # when it opens with a function word ("That said", "As I said").
    first = words[0].lower()
    if first in resources.words("stopwords.txt") and first not in _SUBJECT_OPENERS | resources.words("indefinites.txt"):
        return None
    if not text[:1].isupper() and len(words) < 2 and first not in _SUBJECT_OPENERS:
        return None  # "tanpa menyebut …": one lower-case word is no speaker
    return Subject(text, body.index(text, clause), "noun")


# Function words that may still open a speaker's phrase ("the commission", "para saksi", "they").
_SUBJECT_OPENERS = frozenset({"the", "a", "an", "para", "sang", "seorang", "sejumlah", "pihak", "beberapa", "they"})


_NAME_BEFORE = re.compile(r"(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*\s*$")


def name_before(body: str, cue_start: int, floor: int) -> Subject | None:
    """A capitalised name right before the speech verb that the recogniser did not mark:
    "executive Kevin Mayer said", "Hege said" (adverbs such as "also" may sit between)."""
    head = body[max(floor, cue_start - MAX_SUBJECT_GAP) : cue_start]
    adverbs = set(resources.lines("speech_adverbs.txt"))
    words = head.rstrip().split(" ")
    while words and words[-1].lower() in adverbs:
        words.pop()
    head = " ".join(words)
    m = _NAME_BEFORE.search(head)
    if m is None:
        return None
    name = m.group(0).strip()
    start = cue_start - len(body[max(floor, cue_start - MAX_SUBJECT_GAP) : cue_start]) + m.start()
    while " " in name and name.split()[0].lower() in resources.words("stopwords.txt"):  # "But Vaughan cautioned"
        rest = name.split(" ", 1)[1].lstrip()
        start += len(name) - len(rest)
        name = rest
    if name.lower() in pronouns() or name.split()[0].lower() in resources.words("stopwords.txt"):
        return None
    if " " not in name and name.lower() in resources.words("report_asides.txt"):
        return None  # "Meanwhile, Chief Minister X imposed …": a sentence adverb, no one's name
    if _date_name(name, body[max(floor, start - 12) : start]):
        return None
    return Subject(name, start, "name")


@cache
def _date_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    months, days = full_names()
    return re.compile(months), re.compile(days)


_TIME_PREPOSITION = re.compile(r"(?i:\b(?:on|in|since|until|by|this|last|next|early|late|mid|pada|sejak|hingga))\s+$")


def _date_name(name: str, before: str) -> bool:
    """Whether a capitalised run before a verb is a time adverbial, not a speaker: "The rescue service
    (CRS) on Thursday said", "… will lower rates in June, noting …". Every word of it is a weekday
    or month name; a month (which may be a family name: "May said") only after a preposition of time."""
    months, days = _date_patterns()
    words = name.split()
    if all(days.fullmatch(w) for w in words):
        return True
    return all(days.fullmatch(w) or months.fullmatch(w) for w in words) and _TIME_PREPOSITION.search(before) is not None


def closest_before(body: str, lo: int, cue_start: int, entities: list[Entity]) -> Subject | None:
    """The entity or pronoun ending closest before ``cue_start`` (from ``lo``): of entities ending
    together the longest, and a pronoun after the entity over it."""
    best: Subject | None = None
    # Entities come sorted by start: look only at those starting inside the reach.
    first = bisect_left(entities, lo, key=_START)
    last = bisect_left(entities, cue_start, key=_START)
    for e in entities[first:last]:
        if e.end <= cue_start and (best is None or (e.end, e.end - e.start) > (
                best.start + len(best.text), len(best.text))):
            best = Subject(e.text, e.start, "entity", e)
    for word in _PRONOUN_WORD.finditer(body, lo, cue_start):
        if word.group(0).lower() in pronouns() and (best is None or word.start() >= best.start + len(best.text)):
            best = Subject(word.group(0), word.start(), "pronoun")
    return best
