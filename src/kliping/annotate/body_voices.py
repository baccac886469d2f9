"""Bodies that speak named by no name of their own: the police by their common noun ("Police said",
"Nigerian police said": the force the article names, else the words as written), and a place's body
named by what it is ("Indonesia's consumer protection agency said", "Kenya's health ministry said":
the description as written). The nouns are data: description_nouns.tsv's kinds "force" and "body".
Also the body behind a voice ("a spokeswoman with OPPD") and a body whose name a bracketed short
form interrupts ("Kementerian Luar Negeri (Kemlu) RI menyatakan"). Read by annotate/quote_speakers.py.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from kliping.annotate import aliases
from kliping.annotate.cues import Subject
from kliping.annotate.descriptions import is_body_noun, is_force_noun, is_voice_noun
from kliping.model import Entity

# "police", "the police", "Nigerian police", "state police", "Police in San Francisco": a force noun, with the
# capitalised words of its place (or a word or two saying which of its forces) before it or "in" and the place after it
_FORCE = re.compile(r"(?:[Tt]he\s+)?(?P<own>(?:[A-Z][\w.’'-]*\s+){0,3}(?:[a-z]+\s+){0,2})(?P<noun>[A-Za-z]+)"
                    r"(?P<where>\s+in\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2})?")


def _bodies_named_with(word: str, entities: list[Entity]) -> list[Entity]:
    """The organisations whose full name holds ``word`` ("Police" in "Detroit Police Department"), in order."""
    return [e for e in entities if e.label == "ORG" and word in e.canonical.split()]


def force_speaker(s: Subject, entities: list[Entity]) -> str | None:
    """The body a force noun speaking as itself stands for (description_nouns.tsv, kind "force"):
    the last one named before it with the noun in its name ("Detroit Police Department" … "Police
    said"), else the first after it, else the words as written with their place ("Nigerian
    police"), else the noun ("Police"); None when ``s`` is no force noun."""
    m = _FORCE.fullmatch(s.text)
    if m is None or not is_force_noun(m["noun"].casefold()):
        return None
    word = m["noun"].capitalize()
    named = _bodies_named_with(word, entities)
    before = [e for e in named if e.start < s.start]
    found = before[-1] if before else (named[0] if named else None)
    if found is not None:
        return found.canonical
    if m["where"]:
        return f"{m['where'].split(None, 1)[1]} {m['noun'].casefold()}"  # "Police in San Francisco"
    return f"{m['own']}{m['noun'].casefold()}" if m["own"] else word


# "Kenya's health ministry": a capitalised owner (the recogniser found no place) and a body's description
_OWNED_DESCRIPTION = re.compile(r"[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2}(?:’s|'s)(?:\s+[a-z-]+){1,4}")
# "’s consumer protection agency", "'s health ministry": lower-case words after a place's possessive
_OWNED_WORDS = re.compile(r"(?:’s|'s)(?P<words>(?:\s+[a-z-]+){1,4})")


def owned_body(body: str, e: Entity) -> str | None:
    """A place's body named by no name but by what it is ("Indonesia's consumer protection agency",
    "Kenya's health ministry"): the description as written, up to its body noun, speaks — not the
    place. The owner may be taken for a body itself ("[Dalmatia]ORG's health ministry"); a person
    owns no such body."""
    if e.label not in ("PLACE", "ORG"):
        return None
    m = _OWNED_WORDS.match(body, e.end)
    if m is None:
        return None
    end = m.start("words")
    for word in m["words"].split():
        end = body.index(word, end) + len(word)
        if is_body_noun(word):
            return body[e.start : end]
    return None


def owned_description(text: str) -> bool:
    """Whether a subject the recogniser found no place in is a place's body named by what it is
    ("Kenya's health ministry"): a capitalised owner, its possessive, and a body noun last."""
    return _OWNED_DESCRIPTION.fullmatch(text) is not None and is_body_noun(text.rsplit(None, 1)[-1])


# "a department spokesperson", "the agency's spokesman": a body's common noun, then its voice
_DESCRIBED_VOICE = re.compile(r"(?:[Aa]n?|[Tt]he)\s+(?P<noun>[a-z]+)(?:['’]s)?\s+(?P<voice>[a-z]+)")


def described_body_voice(s: Subject, entities: list[Entity]) -> str | None:
    """The body a voice speaks for when the body is named by its common noun ("We have made a fair
    offer," a department spokesperson said): the last organisation named before it with that noun in
    its name ("the Department of Health and Social Care"); None when the article names none."""
    m = _DESCRIBED_VOICE.fullmatch(s.text.strip())
    if m is None or not is_voice_noun(m["voice"]) or not is_body_noun(m["noun"]):
        return None
    named = [e for e in _bodies_named_with(m["noun"].capitalize(), entities) if e.start < s.start]
    return named[-1].canonical if named else None


def the_voice(s: Subject) -> bool:
    """"the spokesperson", "the spokesman": a body's voice named again, no one by name."""
    words = s.text.split()
    return len(words) == 2 and words[0] in ("the", "The") and is_voice_noun(words[1].casefold())


def voice_body(name: str, entities: list[Entity]) -> str:
    """The body a voice speaks for, named ``name`` after or before the voice noun: by its full name
    when the article spells out the one it names ("A spokeswoman with OPPD" → Omaha Public Power
    District), else as written."""
    return next((e.canonical for e in entities if e.label == "ORG" and e.text == name), name)


def name_before_bracket(body: str, start: int, end: int, name: str, entities: list[Entity]) -> str | None:
    """The body whose name a bracketed short form interrupts, when the mention is the name's rest
    ("Kepolisian Resor (Polres) [Bogor] menyatakan", "Fakultas Kedokteran (FK) Universitas
    Padjadjaran [(Unpad)] menyatakan"): the short form's mention carries the whole name
    (annotate/short_forms.py), which ends with this one; or the body's country follows it
    ("Kementerian Luar Negeri (Kemlu) [RI]"), no part of its name."""
    mention = start
    if body[start - 1 : start] == "(":  # a bracketed short form: its name is written before the bracket
        start -= 2 + len(name)
        if start < 0 or not body.startswith(name + " (", start):
            return None
    if body[start - 2 : start] != ") ":
        return None
    i = bisect_left(entities, start - 2, key=lambda x: x.end)  # the mention inside the bracket
    owner = entities[i] if i < len(entities) and entities[i].end == start - 2 else None
    tail = body[start:end] if start == mention else name
    if owner is None or owner.label != "ORG":
        return None
    # "Kementerian Luar Negeri (Kemlu) RI menyatakan": the country says whose body speaks
    return owner.canonical if owner.canonical.endswith(" " + tail) or aliases.is_country(tail) else None
