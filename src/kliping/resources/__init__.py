"""Shipped language data (patterns, names, tables) → lists and rows, loaded once.

Files are UTF-8 text; blank lines and lines starting with ``#`` are comments.
"""

from __future__ import annotations

import re
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
def words(name: str) -> frozenset[str]:
    """The lines of a word-list resource as a set, for membership tests (one per file, shared)."""
    return frozenset(lines(name))


@cache
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The tab-separated rows of a resource file (comments and blanks skipped)."""
    return tuple(tuple(cell.strip() for cell in line.split("\t")) for line in lines(name))


_Node = dict[str, "_Node"]


def alt(words: list[str]) -> str:
    """One regex alternative for a list of words, as a prefix tree ("me(?:ngatakan|nyatakan)"):
    Python's re tries a flat alternation word by word at every position of the text, which made
    the 150 cue verbs the costliest part of finding reported speech; a tree shares the work."""
    tree: _Node = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _tree_regex(tree)


def _tree_regex(node: _Node) -> str:
    ends = "" in node
    branches = [re.escape(ch) + _tree_regex(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        # A word that is a prefix of another: the longer is tried first, as the flat list did.
        return "(?:" + body + ")?"
    return body
