"""The bytes of a plain-text article → a RawDocument whose first non-empty line is the headline."""

from __future__ import annotations

from kliping.model import RawDocument
from kliping.read.sniff import decode


def read_text(data: bytes, *, source: str, id: str) -> RawDocument:
    """Decode a ``.txt`` article (any encoding); raise Rejected when it is empty or not text."""
    return RawDocument(
        source=source,
        id=id,
        text=decode(data, source),
        format="text",
        headline_first=True,
    )
