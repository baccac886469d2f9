"""One input's unusable parts, summarised: the first few named one by one, the rest counted.

A JSON-lines or WARC file can hold millions of unusable lines or records (a bad export, a
decompression bomb of ``{}`` lines). Naming each one costs a stderr line, a dossier entry and
memory in ``add`` per line; past the first few the user learns nothing new from them. And a long
run of nothing but unusable lines is not a damaged article list but not one at all: reading
stops there, with the line it stopped at, rather than spending minutes on it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from kliping.model import RawDocument, Skipped

SHOWN_PER_INPUT = 5  # unusable lines or records named one by one per input; the rest are counted
GIVE_UP_AFTER = 10_000  # unusable JSON lines in a row after which the rest of an input is not read
_REASONS_KEPT = 50  # distinct reasons counted by name; further ones count as "other"


def summarised(items: Iterator[RawDocument | Skipped], source: str) -> Iterator[RawDocument | Skipped]:
    """``items`` read from ``source``, with its parts' skips (``source:LINE``, ``source#…``) cut to
    SHOWN_PER_INPUT plus one line counting the rest, and reading stopped after GIVE_UP_AFTER
    unusable lines in a row. A file unusable from its first line to that stop (a flood of ``{}``:
    no article list at all) is one line in all. A skip of the input as a whole passes through."""
    held: list[Skipped] = []  # the first few named skips, held while the file has given no article
    named = 0
    any_article = False
    streak = 0
    hidden: Counter[str] = Counter()
    try:
        for item in items:
            if not isinstance(item, Skipped) or item.source == source:
                streak = 0
                any_article = any_article or not isinstance(item, Skipped)
                yield from held
                held = []
                yield item
                continue
            streak += 1
            if named < SHOWN_PER_INPUT:
                named += 1
                held.append(item)
                if any_article:
                    yield from held
                    held = []
            else:
                reason = _kind(item.reason)
                hidden[reason if reason in hidden or len(hidden) < _REASONS_KEPT else "other"] += 1
            if streak >= GIVE_UP_AFTER and item.source.startswith(f"{source}:"):  # lines; records cost more
                if not any_article:  # nothing usable from the first line on: one line says it all
                    kinds = hidden + Counter(_kind(h.reason) for h in held)
                    common = ", ".join(f"{reason} ×{count:,}" for reason, count in kinds.most_common(3))
                    yield Skipped(source, f"not an article list: its first {streak:,} lines are all unusable "
                                          f"({common}); reading stopped at line {_line_of(item.source)}")
                    held, hidden = [], Counter()
                    break
                yield Skipped(source, f"stopped reading at line {_line_of(item.source)}: {streak:,} unusable lines in "
                                      "a row, so the rest is not an article list (split the file to read past it)")
                break
    finally:
        close = getattr(items, "close", None)
        if close is not None:
            close()  # the file is closed now, not when the generator is collected
    yield from held
    if hidden:
        total = sum(hidden.values())
        common = ", ".join(f"{reason} ×{count:,}" for reason, count in hidden.most_common(3))
        yield Skipped(source, f"{total:,} more unusable lines or records not listed one by one ({common})")


def _line_of(where: str) -> str:
    """"file.jsonl:10001" → "10,001": the line alone (the path is the skip's source already, and an
    upload's is a temporary folder nobody should see)."""
    number = where.rpartition(":")[2]
    return f"{int(number):,}" if number.isdigit() else number


def _kind(reason: str) -> str:
    """A reason without its column or size detail, so that like skips count together."""
    return reason.split(" (", 1)[0]
