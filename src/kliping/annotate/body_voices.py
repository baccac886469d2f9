"""Bodies that speak named by no name of their own: the police by their common noun ("Police said",
"Nigerian police said": the force the article names, else the words as written), and a place's body
named by what it is ("Indonesia's consumer protection agency said", "Kenya's health ministry said":
the description as written). The nouns are data: description_nouns.tsv's kinds "force" and "body".
Read by annotate/quote_speakers.py.
"""

from __future__ import annotations

import re

from kliping.annotate.cues import Subject
from kliping.annotate.descriptions import is_body_noun, is_force_noun
from kliping.model import Entity

# "police", "the police", "Nigerian police", "Police in San Francisco": a force noun, with the
# capitalised words of its place before it or "in" and the place after it
_FORCE = re.compile(r"(?:[Tt]he\s+)?(?P<own>(?:[A-Z][\w.’'-]*\s+){0,3})(?P<noun>[A-Za-z]+)"
                    r"(?P<where>\s+in\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2})?")


def force_speaker(s: Subject, entities: list[Entity]) -> str | None:
    """The body a force noun speaking as itself stands for (description_nouns.tsv, kind "force"):
    the last one named before it with the noun in its name ("Detroit Police Department" … "Police
    said"), else the first after it, else the words as written with their place ("Nigerian
    police"), else the noun ("Police"); None when ``s`` is no force noun."""
    m = _FORCE.fullmatch(s.text)
    if m is None or not is_force_noun(m["noun"].casefold()):
        return None
    word = m["noun"].capitalize()
    named = [e for e in entities if e.label == "ORG" and word in e.canonical.split()]
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
    place."""
    if e.label != "PLACE":
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
