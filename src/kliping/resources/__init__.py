"""Shipped language data (patterns, names, tables) → lists and rows, loaded once.

Files are UTF-8 text; blank lines and lines starting with ``#`` are comments.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def lines(name: str) -> tuple[str, ...]:
    """The non-comment, non-blank lines of a resource file, stripped."""
    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    out = []
    for raw in text.splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return tuple(out)


@cache
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The tab-separated rows of a resource file (comments and blanks skipped)."""
    return tuple(tuple(cell.strip() for cell in line.split("\t")) for line in lines(name))
