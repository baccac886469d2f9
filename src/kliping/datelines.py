"""The dateline a report opens with, recognised one way for every stage.

"JAKARTA, KOMPAS.com –", "REPUBLIKA.CO.ID, MOSKOW --", "Jakarta, CNN Indonesia - -", "MOSKOW (Reuters) -",
"LAGOS, May 25 (Xinhua) --",
"JAKARTA (Pos Kota) –", "Suara.com -", "Hanoi:", "INGGRIS –". Cleaning asks whether a first line opens with one
(then it is the lead, not the headline); describing takes the outlet, the place and the wire it names;
annotating starts the first sentence after it (its place is no speaker, no part of a name); the corpus starts
a summary sentence or an event's lead after it. Near-duplicate detection strips a looser prefix on purpose
(corpus/dedup.py: every copy alike, stored signatures).

What makes a prefix a dateline, measured on the chain dev set and the mixed corpus:
- two parts around a comma, one of them an outlet ("JUARA.NET, TOKYO -") or a known place ("Jakarta, Warta
  Kita - -"): the other is the place or the outlet;
- a place and a bracket ("Bandung (ANTARA News) -"): the bracket names the wire or the outlet; so with the
  day between them, as wires write it ("LAGOS, May 25 (Xinhua) --");
- one part: a web name ("Suara.com -"), a word in capitals ("SPANYOL –"), a known place or an outlet's name
  ("Rimanews -"), or any capitalised name before a typographic dash ("Indianapolis –"). A spaced hyphen after
  an unknown name is not enough: detokenised text writes "Go - Jek" and "Kevin - Prince Boateng" so;
- a colon ends one only after a known place or a web name ("Hanoi:", "NEW DELHI:", "PALU, Indonesia:"): "Putin: …" and
  "PENGANTAR: …" open a headline or a section, not a dateline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from babel import Locale

from kliping import resources
from kliping.timestamps import month_names

# "- -" is how scrapers keep CNN Indonesia's double dash; a spaced hyphen, an en or em dash, "--".
DASH = r"(?:-\s?-|--|[-–—])"
_TYPOGRAPHIC = re.compile(r"--|-\s-|[–—]")
# The endings of the web names news outlets write as their names.
WEB_SUFFIXES = r"co\.id|co|com|id|net|org|tv|news"
# A web name: "KOMPAS.com", "REPUBLIKA.CO.ID", "jpnn.com".
DOMAIN = re.compile(rf"\b[A-Za-z][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.(?:{WEB_SUFFIXES})\b", re.I)
# One to four words: "Warta Kita", "KUALA LUMPUR"; the first may hold a hyphen, as DOMAIN's names do
# ("TRIBUN-TIMUR.COM, MAKASSAR -").
_PART = r"[A-Za-z](?:[\w.&'’]|-(?=\w))*(?: [\w.&'’]+){0,3}?"
_LEAD_IN = re.compile(
    rf"\s*(?P<a>{_PART})(?:\s*,\s*(?P<b>{_PART}))?\s*(?:\((?P<bracket>[A-Za-z][^()\n]{{0,39}})\)\s*)?"
    rf"(?P<sep>{DASH}|:)(?:\s+|$)"
)
# An outlet's web name opening a line, then a comma or a dash: "Liputan6.com, Jakarta …", "JAKARTA, KOMPAS.com –
# …", "TEMPO.CO, Jakarta - …", "Suara.com - …".
_WEB_OPENING = re.compile(rf"(?:[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){{0,2}}\s*,\s*)?{DOMAIN.pattern}\s*(?:,|{DASH})", re.I)
_SEPARATOR = re.compile(r"[-–—:]")  # a character every _LEAD_IN's separator holds
REACH = 80  # characters: a dateline opens its paragraph within them


@dataclass(frozen=True)
class LeadIn:
    """A dateline as written: where the text after it starts, and what it names."""

    end: int
    place: str | None  # "MOSKOW", "Jakarta"
    outlet: str | None  # "REPUBLIKA.CO.ID", "CNN Indonesia", "Rimanews"
    wire: str | None  # the bracket's name: "Reuters", "ANTARA News", "Pos Kota"


def lead_in(text: str, pos: int = 0) -> LeadIn | None:
    """The dateline that opens ``text`` at ``pos`` (leading spaces allowed), else None."""
    # Read within REACH only (one character more, so "$" at the cut never passes): hostile text may
    # open with a megabyte of one word, and the speaker finders ask once per speech verb.
    head = text[pos : pos + REACH + 1]
    if not _SEPARATOR.search(head):
        return None  # every lead-in ends in a dash or a colon; 77% of generated news lines hold neither
    m = _LEAD_IN.match(head)
    if m is None or m.end() > REACH:
        return None
    a, b, bracket, sep = m["a"], m["b"], m["bracket"], m["sep"]
    if b is not None:
        if bracket is not None and _day_of_month(b) and ((a.isupper() and len(a) > 2) or is_place(a)):
            return LeadIn(pos + m.end(), a, None, bracket.strip())  # "LAGOS, May 25 (Xinhua) --", wires' own
        if bracket is not None or (sep == ":" and not (a.isupper() and len(a) > 2 and is_place(b))):
            return None  # but "PALU, Indonesia:": a city in capitals and its country, as wires write it
        pair = _pair(a, b)
        return LeadIn(pos + m.end(), pair[0], pair[1], None) if pair else None
    if sep == ":" and not (is_place(a) or DOMAIN.fullmatch(a)):
        return None
    if bracket is not None:
        return LeadIn(pos + m.end(), a, None, bracket.strip()) if a[0].isupper() else None
    if DOMAIN.fullmatch(a) or is_outlet_like(a):
        return LeadIn(pos + m.end(), None, a, None)
    if not a[0].isupper():
        return None
    # "Indianapolis –", not "Two hostages —" or "Why — especially —"
    named = all(w[0].isupper() for w in a.split()) and a.lower() not in resources.words("common_words.txt")
    if (a.isupper() and len(a) > 2) or is_place(a) or (named and _TYPOGRAPHIC.fullmatch(sep)):
        return LeadIn(pos + m.end(), a, None, None)
    return None


def _day_of_month(text: str) -> bool:
    """"May 25", "Nov. 5", "25 May": a day of a month, as wires date their datelines."""
    words = text.replace(".", " ").split()
    months = month_names()
    return len(words) == 2 and (
        (words[0].lower() in months and words[1].isdigit()) or (words[1].lower() in months and words[0].isdigit()))


def _pair(a: str, b: str) -> tuple[str, str | None] | None:
    """(place, outlet) of "A, B –": one side an outlet ("JUARA.NET, TOKYO -"); else a known place or a
    city in capitals and its outlet ("Jakarta, Warta Kita - -") or its state ("BUFFALO, N.Y. —")."""
    if not all(side[0].isupper() or is_outlet_like(side) for side in (a, b)):
        return None  # each side capitalised, or an outlet written in lower case ("jpnn.com")
    a_outlet, b_outlet = is_outlet_like(a), is_outlet_like(b)
    if a_outlet != b_outlet:
        return (b, a) if a_outlet else (a, b)
    if a_outlet:
        return None
    if is_place(a) or (a.isupper() and len(a) > 2):
        return a, None if "." in b or is_place(b) or b.isupper() else b
    return (b, a) if is_place(b) else None


def opens_with_web_name(line: str) -> bool:
    """Whether ``line`` opens with an outlet's web name and a comma or a dash (a headline never does)."""
    return _WEB_OPENING.match(line) is not None


def past_lead(text: str, pos: int) -> int:
    """``pos``, moved past the dateline that opens ``text`` when it lies inside it: the speaker
    finders start a subject there ("Jakarta, Warta Kita - - Calon Presiden X, mengatakan" is said by X)."""
    return max(pos, lead_end(text)) if pos < REACH else pos


def lead_end(text: str, pos: int = 0) -> int:
    """Where the text after the dateline opening ``text`` at ``pos`` starts; ``pos`` when there is none."""
    found = lead_in(text, pos)
    return found.end if found else pos


@cache
def outlets() -> dict[str, str]:
    """Known outlets: web domain → the outlet's own name."""
    return {domain.lower(): name for domain, name in resources.rows("outlets.tsv")}


@cache
def media_names() -> frozenset[str]:
    return frozenset(n.casefold() for n in resources.lines("media_names.txt"))


@cache
def known_outlet_names() -> frozenset[str]:
    """Outlets and wire agencies by name, case-folded: they name who reports, not what happened."""
    return frozenset({n.casefold() for n in outlets().values()} | media_names())


@cache
def _outlet_words() -> frozenset[str]:
    return frozenset(resources.lines("outlet_words.txt"))


@cache
def _outlet_suffixes() -> tuple[str, ...]:
    # "Rimanews", "Tribunnews": one word closing on an outlet word of four letters or more.
    return tuple(w for w in _outlet_words() if len(w) >= 4 and w.isalpha())


def is_outlet_like(text: str) -> bool:
    """A web name, a known outlet or medium, or a name made of outlet words ("Warta Kota", "Rimanews")."""
    text = text.strip()
    lowered = text.lower()
    if DOMAIN.fullmatch(text) or text.casefold() in known_outlet_names():
        return True
    words = _outlet_words()
    if any(w in words for w in lowered.split()) or lowered.endswith(_dotted_endings()):
        return True
    return " " not in lowered and lowered.endswith(_outlet_suffixes())


@cache
def _dotted_endings() -> tuple[str, ...]:
    """The outlet words that are a web name's ending (".com", ".co.id"), as one tuple for
    str.endswith: picking them out of all the outlet words on every call cost more than the test."""
    return tuple(w for w in _outlet_words() if w.startswith("."))


@cache
def _places() -> frozenset[str]:
    names = {p.casefold() for p in resources.lines("places.txt")}
    for loc in ("id", "en"):
        names.update(n.casefold() for n in Locale(loc).territories.values())
    return frozenset(names)


def is_place(text: str) -> bool:
    """A dateline city (places.txt) or a country or territory (CLDR, Indonesian and English)."""
    return text.strip().casefold() in _places()
