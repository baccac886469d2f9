"""The bytes of a plain-text article → a RawDocument whose first non-empty line may be the headline.

``headline_first`` tells the cleaner to look for the headline on the first lines; the cleaner
decides whether the first line is one or is the lead paragraph (a dateline, a full stop).
"""

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
