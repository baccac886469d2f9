"""``--map text=content,title=headline`` → a FieldMap; a JSON-lines record → the record the reader knows.

A scraper's or a dataset's JSON lines name their fields differently (``content``, ``headline``,
``date``; IndoSum's ``paragraphs``). The map renames them to the reader's fields before a line is
read (``read/jsonl.py``). A value mapped to ``text`` or ``title`` may be a list of tokens, of
sentences (token lists) or of paragraphs (sentence lists): it is detokenised into readable text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from kliping.errors import InputError, Rejected

__all__ = ["TARGETS", "FieldMap", "detokenise", "parse_field_map"]

# The fields a JSON line can give the reader (read/jsonl.py), in the order the help lists them.
TARGETS = ("text", "html", "id", "url", "title", "published", "outlet", "authors", "language")
_TOKENISED = ("text", "title")  # the fields whose token lists become text
_SOURCE_NAME = re.compile(r"[^\s,=]+")

# Detokenising: no space before closing punctuation, none after an opening bracket or quote.
_NO_SPACE_BEFORE = frozenset([",", ".", ";", ":", ")", "]", "}", "?", "!", "%", "...", "..", "”", "’", "»"])
_NO_SPACE_AFTER = frozenset(["(", "[", "{", "“", "‘", "«", "`"])
_TOGGLING_QUOTES = frozenset(['"', "'"])  # the same mark opens and closes: every other one opens
_JOINERS = frozenset(["-", "/"])
_MAX_DEPTH = 3  # paragraphs → sentences → tokens


@dataclass(frozen=True)
class FieldMap:
    """Target field → the source field a line gives it under; picklable, so workers get it too."""

    pairs: tuple[tuple[str, str], ...]

    def __str__(self) -> str:
        return ",".join(f"{target}={source}" for target, source in self.pairs)

    def apply(self, record: dict[str, Any], where: str) -> dict[str, Any]:
        """``record`` with each mapped source field given to its target; Rejected when a line lacks one."""
        mapped = dict(record)
        for target, source in self.pairs:
            if source not in record or record[source] is None:
                raise Rejected(f"no field {source!r} on this line (--map {target}={source})", where)
            value = record[source]
            if target in _TOKENISED and isinstance(value, list):
                value = detokenise(value, where=where, field=source)
            mapped[target] = value
        return mapped


def parse_field_map(spec: str) -> FieldMap:
    """``"text=content,title=headline"`` → a FieldMap; InputError naming the part that is wrong."""
    pairs: list[tuple[str, str]] = []
    for part in spec.split(","):
        target, equals, source = (piece.strip() for piece in part.partition("="))
        if not equals or not target or not source or not _SOURCE_NAME.fullmatch(source):
            raise InputError(f"--map {spec!r}: {part.strip()!r} is not TARGET=SOURCE "
                             "(e.g. --map text=content,title=headline,published=date)")
        if target not in TARGETS:
            raise InputError(f"--map {spec!r}: unknown target field {target!r}; "
                             f"the reader's fields are {', '.join(TARGETS)}")
        if any(target == seen for seen, _ in pairs):
            raise InputError(f"--map {spec!r}: {target!r} is mapped twice")
        pairs.append((target, source))
    return FieldMap(tuple(pairs))


def detokenise(value: list[Any], *, where: str = "", field: str = "value") -> str:
    """Tokens, sentences (token lists) or paragraphs (sentence lists) → text: sentences joined by a
    space, paragraphs by a blank line. Rejected for anything else (objects, numbers, deeper nesting)."""
    depth = _depth(value, where, field)
    paragraphs = value if depth == 3 else [value] if depth == 2 else [[value]]
    texts = [_paragraph(p) for p in paragraphs]
    return "\n\n".join(t for t in texts if t)


def _depth(value: list[Any], where: str, field: str) -> int:
    """How deep the lists go (1 = tokens); the same depth everywhere, or the line is Rejected."""
    depth = 0
    level: list[Any] = [value]
    while level and all(isinstance(item, list) for item in level):
        depth += 1
        if depth > _MAX_DEPTH:
            break
        level = [child for item in level for child in item]
    if depth > _MAX_DEPTH or not all(isinstance(item, str) for item in level):
        raise Rejected(f"field {field!r}: a list must hold tokens (strings), sentences (lists of tokens) or "
                       "paragraphs (lists of sentences)", where)
    return depth


def _paragraph(sentences: list[list[str]]) -> str:
    """One paragraph's tokens joined as written; quote marks that open and close alike alternate
    across the paragraph (a quotation often spans sentences)."""
    tokens = [token.strip() for sentence in sentences for token in sentence]
    tokens = [token for token in tokens if token]
    out: list[str] = []
    open_quotes: set[str] = set()
    glue = True  # nothing before the first token
    for i, token in enumerate(tokens):
        attach = glue or token in _NO_SPACE_BEFORE
        glue = token in _NO_SPACE_AFTER
        if token in _TOGGLING_QUOTES:
            if token in open_quotes:  # closing: hugs the word before
                open_quotes.discard(token)
                attach = True
            else:
                open_quotes.add(token)
                glue = True
        elif token in _JOINERS and _joins(tokens, i):
            attach = glue = True
        if out and not attach:
            out.append(" ")
        out.append(token)
    return "".join(out)


def _joins(tokens: list[str], i: int) -> bool:
    """Whether a '-' or '/' token was inside a word: '27 / 3' → 27/3, '2 - 1' → 2-1, 'e - KTP' → e-KTP,
    'Undang - undang' → Undang-undang; a dash between capitalised words ('Jakarta - Presiden') stays spaced."""
    if i == 0 or i + 1 == len(tokens):
        return False
    before, after = tokens[i - 1], tokens[i + 1]
    if not (before[-1].isalnum() and after[0].isalnum()):
        return False
    if before[-1].isdigit() and after[0].isdigit():
        return True
    return tokens[i] == "-" and (before.islower() or after[0].islower())
