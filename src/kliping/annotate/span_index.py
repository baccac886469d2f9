"""Character spans asked which of them touch a range, by bisection rather than a scan: an
article's mentions are compared with runs, names and roles found in the same text, and a hostile
page may hold a hundred thousand of each (annotate/entities.py, annotate/english_spans.py).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import accumulate


class SpanIndex:
    """(start, end) spans, sorted by start. ``reach`` is how far the spans so far reach (a running
    maximum of their ends), which rises even where spans overlap, so it can be bisected too."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        pairs = list(spans)
        self.starts = [s for s, _ in pairs]
        self.ends = [e for _, e in pairs]
        self.reach = list(accumulate(self.ends, max))

    def touching(self, start: int, end: int) -> list[int]:
        """Indices of the spans that overlap [start, end)."""
        last = bisect_left(self.starts, end)
        first = bisect_right(self.reach, start, 0, last)
        return [i for i in range(first, last) if self.ends[i] > start]

    def any_touching(self, start: int, end: int) -> bool:
        """Whether any span overlaps [start, end)."""
        last = bisect_left(self.starts, end)
        return bool(last) and self.reach[last - 1] > start

    def first_from(self, pos: int) -> int:
        """Index of the first span starting at or after ``pos`` (the count of spans if none)."""
        return bisect_left(self.starts, pos)
