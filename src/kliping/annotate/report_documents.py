"""A document named again by its noun ("the report", "the study") → the source the article gave
it when it cited it first ("According to a report in the Argus Leader, …", "A recent report by
the agency stated …"): the report speaks for its source, and "the report says …" later goes on
with that source. The nouns are data (resources/description_nouns.tsv, kind "document")."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from kliping import resources
from kliping.annotate.speech import sentence_of
from kliping.model import Quote

DOCUMENT_LOOKBACK = 20  # earlier quotations read back per "the report": the citation is near

# "the report", "The new report", "this study": a determiner, up to two words, the noun
_DEFINITE = re.compile(r"(?i:the|this|that)\s+(?:[\w’'-]+\s+){0,2}(?P<noun>[\w’'-]+)")


@cache
def _document_nouns() -> frozenset[str]:
    return frozenset(noun for kind, noun in resources.rows("description_nouns.tsv") if kind == "document")


@lru_cache(maxsize=1024)
def _noun_pattern(noun: str) -> re.Pattern[str]:
    """The noun as a whole word, any case: compiled once per spelling in a process."""
    return re.compile(rf"\b(?i:{re.escape(noun)})\b")


def documents_sourced(body: str, sentences: list[tuple[int, int]], quotes: list[Quote]) -> None:
    """Each report whose mention is a document named again ("The report says …") and that has no
    speaker takes, in place, the speaker of the nearest earlier quotation whose sentence names a
    document by the same noun ("a report in the Argus Leader")."""
    for k, q in enumerate(quotes):
        if q.speaker is not None or not q.speaker_mention:
            continue
        m = _DEFINITE.fullmatch(q.speaker_mention)
        if m is None or m["noun"].casefold() not in _document_nouns():
            continue
        noun = _noun_pattern(m["noun"])
        for prev in reversed(quotes[max(0, k - DOCUMENT_LOOKBACK) : k]):
            if prev.speaker is None:
                continue
            s_start, s_end = sentence_of(sentences, prev.start)
            if (noun.search(prev.speaker_mention or "") or noun.search(body, s_start, prev.start)
                    or noun.search(body, prev.end, s_end)):
                quotes[k] = Quote(q.text, q.start, q.end, q.kind, prev.speaker, q.speaker_mention, q.cue)
                break
