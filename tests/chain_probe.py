"""The per-article chain's quotations on a short body of our own: the probes the speaker and
reported-speech tests share (one definition, so every test reads the chain the same way)."""

from __future__ import annotations

from kliping.annotate.entities import find_entities
from kliping.annotate.quotes import find_quotes
from kliping.model import Quote


def quotes_of(body: str, language: str | None = None) -> list[Quote]:
    """Every quotation and report the chain finds in ``body`` (entities found first, as the pipeline does)."""
    return find_quotes(body, find_entities(body, language))


def speakers_of(body: str, language: str | None = None) -> list[str | None]:
    """Each quotation's or report's speaker, in text order."""
    return [q.speaker for q in quotes_of(body, language)]


def speakers_by_text(body: str, language: str | None = None) -> dict[str, str | None]:
    """Each quotation's or report's text → its speaker."""
    return {q.text: q.speaker for q in quotes_of(body, language)}


def reported_of(body: str, language: str | None = None) -> list[Quote]:
    return [q for q in quotes_of(body, language) if q.kind == "indirect"]


def reported_texts(body: str, language: str | None = None) -> list[str]:
    return [q.text for q in reported_of(body, language)]


def said(body: str, opening: str, language: str | None = None, *, direct_only: bool = False) -> Quote:
    """The one quotation (or, unless ``direct_only``, report) whose text opens with ``opening``."""
    [q] = [q for q in quotes_of(body, language)
           if q.text.startswith(opening) and not (direct_only and q.kind == "indirect")]
    return q
