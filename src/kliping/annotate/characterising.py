"""A quoted fragment right after a word of characterising ("dismissed the tender as “reckless”",
"called the loss “manageable”", "dinilai “terlalu mahal”") → the word and its speaker's subject.

Such fragments are someone's words however short: without this, a fragment of fewer than
MIN_UNCUED_PARTIAL_WORDS words in a sentence with no speech verb was taken for a scare quote, and
on the dev sets a third of the missed partial quotations stood after one of these words
(resources/characterising_cues.tsv)."""

from __future__ import annotations

import re
from functools import cache

from kliping import resources
from kliping.annotate.cues import Subject
from kliping.annotate.speech import subject_before
from kliping.model import Entity
from kliping.resources import alt

REACH = 100  # characters between the word and the fragment's opening mark ("described the … as “…”")
_CLAUSE_BREAK = "“”\"‘’.;:!?"  # no other quotation nor clause end between the word and the fragment


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    words: dict[str, list[str]] = {}
    for _, word, forms in resources.rows("characterising_cues.tsv"):
        for form in forms.split(","):
            words.setdefault(form, []).append(word)
    between = rf"[^{_CLAUSE_BREAK}]"
    cue = {form: rf"(?<!\w)(?P<cue>(?i:{alt(ws)}))" for form, ws in words.items()}
    return {
        "as": re.compile(rf"{cue['as']}(?!\w){between}{{0,{REACH}}}?\s(?i:as|sebagai)\s*$"),
        "object": re.compile(rf"{cue['object']}\s+(?=\w){between.replace(']', ',]')}{{1,{REACH}}}?\s*$"),
        "of": re.compile(rf"{cue['of']}(?!\w){between}{{0,{REACH}}}?\sof\s*$"),
        "next": re.compile(rf"{cue['next']}(?:\s+dengan)?\s*$"),
    }


@cache
def _passive() -> frozenset[str]:
    return frozenset(row[1].casefold() for row in resources.rows("characterising_cues.tsv") if "passive" in row[2])


def characterised(body: str, opening: int, s_start: int, entities: list[Entity]) -> tuple[str, Subject | None] | None:
    """The characterising word before the quotation mark at ``opening`` and its subject — None for
    a passive word, the passage's person ("implicit") when no subject stands before an active
    one — or None when no such word stands there."""
    lo = max(s_start, opening - REACH - 20)
    for pattern in _patterns().values():
        m = pattern.search(body, lo, opening)
        if m is not None:
            cue = m["cue"]
            if cue.casefold() in _passive():
                return cue, None
            return cue, subject_before(body, m.start("cue"), s_start, entities) or Subject("", m.start(), "implicit")
    return None
