"""The person an attribution names after a title or description ("kata Kabag Ops Polrestro Bekasi
Kota, Aslan Solastomo", "said White House Press Secretary Jane Doe"), for quotes and reported speech.
"""

from __future__ import annotations

from bisect import bisect_left

from kliping.annotate import name_words
from kliping.annotate.cues import Subject, patterns
from kliping.annotate.descriptions import CLOSING
from kliping.annotate.speech import name_pattern
from kliping.model import Entity

PERSON_AFTER_CUE_REACH = 90  # characters from a cue to a person its description ends with
_TITLE_CONNECTORS = frozenset({"dan", "and", "&", "of", "for"})


def person_in_attribution(body: str, start: int, stop: int, entities: list[Entity]) -> Subject | None:
    """The person an attribution names after a title or description: "kata Kabag Ops Polrestro
    Bekasi Kota, Aslan Solastomo", "ujar CEO dan founder Bukalapak, Achmad Zaky", "said White
    House Press Secretary Jane Doe". The description reaches the person only if no trailing
    phrase opens first ("kata Budi di depan Andi", "said Smith on Monday"): a person named in a
    trailer is someone else."""
    limit = min(stop, start + PERSON_AFTER_CUE_REACH)
    first = bisect_left(entities, start, key=lambda e: e.start)
    trailer = patterns()["trailer"]
    for e in entities[first:]:
        if e.start >= limit:
            break
        if e.label != "PERSON" or name_words.is_role(e.text):  # "kata Founder dan CEO …": the title, not its person
            continue
        between = body[start : e.start]
        if any(c in between for c in ".;:!?“”\"\n"):
            return None
        for part in between.split(","):
            words = part.split()
            # "Founder dan CEO EV Hive", "Kasubdit Pembinaan dan Penegakan Hukum": a connector
            # between capitalised words joins a title, it opens no trailing phrase.
            if any(trailer.match(" " + w) for i, w in enumerate(words) if w[:1].islower() and not (
                    w in _TITLE_CONNECTORS and 0 < i < len(words) - 1 and words[i + 1][:1].isupper())):
                return None
        return Subject(e.text, e.start, "entity", e)
    described = patterns()["described_name"].match(body, start, limit)
    if described is not None:
        name = name_pattern().match(body, described.end())
        text = name.group(0).split(". ")[0] if name else ""  # "Ken Doctor. That’s …" ends at the stop
        # The name must close the attribution: in "mantan bos PT Perkebunan Nasional III ini"
        # the description goes on, and the name is not the speaker's.
        closes = name is not None and (
            trailer.match(body, described.end() + len(text)) or CLOSING.match(body, described.end() + len(text)))
        if closes and not any(trailer.match(" " + w) for w in described.group(0).split()):
            return Subject(text, described.end(), "name")
    return None
