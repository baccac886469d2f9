"""Which page-furniture pattern of ``resources/boilerplate.tsv`` a whole line is, if any.

The first pattern in the file's order that matches the whole line gives the reason. Trying all
of them on every line was most of clean's cost, yet most patterns start with a word ("baca",
"editor", "foto") and cannot match a line that starts with another. So each pattern carries the
characters its match can start with, and the words: a line is tried only against the patterns its
first four characters allow ("Menurut …": ~8 of ~140), still in the file's order. Both are read
off Python's own parse of the pattern (``re._parser``); the first character is tested with ``re``
itself, so it agrees with the matcher, and the words only where the line's characters are ASCII,
where lower case is what ``re.IGNORECASE`` compares. What the reading does not know, it takes as
"can start with anything", which only costs time. Each row is compiled once, on its own: an
alternation per combination of candidates had to be compiled for every new line beginning. A row
whose every match holds one of a few characters prose seldom does ("|", ":", "@", read off the
same parse) is tried only on lines that hold one.

Patterns with needles (third column) scan the line (".{0,400}…"): they are tried only on lines
that hold one of their needles, and only where no earlier pattern matched.
"""

from __future__ import annotations

import re
import re._parser as sre  # re's own parser (no stubs: typed Any)
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from kliping import resources

_FullMatch = Callable[[str], "re.Match[str] | None"]
_Search = Callable[[str], "re.Match[str] | None"]

# The parse's names for \d, \s, \w and their negations, back to regex syntax.
_CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_NOT_DIGIT: r"\D", sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S", sre.CATEGORY_WORD: r"\w", sre.CATEGORY_NOT_WORD: r"\W",
}  # fmt: skip
# Anchors, \b and look-arounds consume no character: passing over them only widens the set.
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
_HEADS_KEPT = 8192  # line beginnings whose candidate patterns are remembered
_FIRSTS_KEPT = 1024  # first characters whose candidate rows are remembered
HEAD = 4  # characters of a line's beginning that choose its candidates
_LEADS_MAX = 512  # literal beginnings read off one pattern at most


@dataclass(frozen=True)
class _Table:
    """boilerplate.tsv compiled: rows without needles by first character, needled rows by needle."""

    plain: tuple[tuple[int, re.Pattern[str] | None, tuple[str, ...] | None], ...]  # row, first characters, beginnings
    needs: dict[int, _Search]  # row → a search for the characters one of which its every match holds
    patterns: tuple[str, ...]  # row → its regex
    needled: dict[int, _FullMatch]  # row → a pattern that scans its line
    needles: dict[str, tuple[int, ...]]  # needle → the rows it enables
    needle: re.Pattern[str]  # any needle, on the case-folded line
    reasons: tuple[str, ...]  # row → reason
    starts: re.Pattern[str]  # where needles start, the longest there caught (a look-ahead: overlaps are seen)
    rows_at: dict[str, frozenset[int]]  # a needle → the rows its prefixes that are needles (itself too) enable


@cache
def furniture_rows() -> tuple[tuple[str, ...], ...]:
    """boilerplate.tsv's rows with each ``{list}`` in a pattern filled from its resource, so that
    the credit roles and author labels are written once, in the lists other stages read too."""
    fills = {
        "{credit_roles}": resources.lines("credit_roles.txt"),
        "{author_labels}": tuple(row[0] for row in resources.rows("author_labels.tsv")),
    }
    out = []
    for row in resources.rows("boilerplate.tsv"):
        pattern = row[1]
        for name, words in fills.items():
            # A flat alternation, longest first: a prefix tree here cost 70 ms more to analyse per process.
            longest_first = sorted(set(words), key=lambda w: (-len(w), w))
            pattern = pattern.replace(name, "(?:" + "|".join(re.escape(w) for w in longest_first) + ")")
        if unfilled := re.search(r"\{[a-z_]+\}", pattern):  # a misspelt name would match itself literally
            raise ValueError(f"boilerplate.tsv names no list {unfilled.group()}")
        out.append((row[0], pattern, *row[2:]))
    return tuple(out)


@cache
def _table() -> _Table:
    rows = furniture_rows()
    needles: dict[str, list[int]] = {}
    for i, row in enumerate(rows):
        for n in row[2].split("|") if len(row) > 2 else ():
            if not n:
                raise ValueError(f"boilerplate.tsv row {i + 1}: an empty needle would enable its pattern everywhere")
            needles.setdefault(n.casefold(), []).append(i)
    rows_needled = {i for ix in needles.values() for i in ix}
    plain = []
    needs: dict[int, _Search] = {}
    for i, row in enumerate(rows):
        if i not in rows_needled:
            # parsed once for the three readings, not compiled here too: the table in 115 ms, not 185
            parsed = sre.parse(row[1], re.IGNORECASE)
            plain.append((i, _first_chars(parsed), _leads_of(parsed)))
            if chars := _telling(parsed):
                needs[i] = re.compile("[" + re.escape("".join(sorted(chars))) + "]").search
    return _Table(
        tuple(plain),
        needs,
        tuple(row[1] for row in rows),
        {i: re.compile(rows[i][1], re.IGNORECASE).fullmatch for i in sorted(rows_needled)},
        {n: tuple(ix) for n, ix in needles.items()},
        # One scan for all needles (a prefix tree), not one per needle; "(?!)" never matches.
        re.compile(resources.alt(sorted(needles)) or "(?!)"),
        tuple(row[0] for row in rows),
        re.compile(f"(?=({resources.alt(sorted(needles))}))" if needles else "(?!)"),
        {n: frozenset(i for k in range(1, len(n) + 1) for i in needles.get(n[:k], ())) for n in needles},
    )


def first_chars(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A regex matching every character a non-empty match of ``pattern`` can start with
    (maybe more), or None when that may be any character."""
    return _first_chars(sre.parse(pattern.pattern, pattern.flags))


def _first_chars(parsed: Any) -> re.Pattern[str] | None:
    found = _starts(parsed, parsed.state.flags)
    return None if found is None else re.compile("|".join(found[0]) or "(?!)")


def _starts(items: Any, flags: int) -> tuple[list[str], bool] | None:
    """One-character regexes for what a match of the parsed ``items`` can start with, and whether
    the match can be empty; None when it can start with anything."""
    out: list[str] = []
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op is sre.LITERAL or op is sre.IN:
            one = _one_char(op, av, flags)
            return None if one is None else (out + [one], False)
        if op is sre.SUBPATTERN:
            _group, add, remove, sub = av
            inner = _starts(sub, (flags | add) & ~remove)
        elif op is sre.ATOMIC_GROUP:
            inner = _starts(av, flags)
        elif op is sre.BRANCH:
            inner = _branch(av[1], flags)
        elif op in _REPEATS:
            least, _most, sub = av
            inner = _starts(sub, flags)
            if inner is not None and least == 0:
                inner = (inner[0], True)
        else:
            return None  # ".", a back-reference, a conditional: take it as anything
        if inner is None:
            return None
        out += inner[0]
        if not inner[1]:
            return out, False
    return out, True


def _branch(alternatives: list[Any], flags: int) -> tuple[list[str], bool] | None:
    out: list[str] = []
    empty = False
    for alternative in alternatives:
        inner = _starts(alternative, flags)
        if inner is None:
            return None
        out += inner[0]
        empty = empty or inner[1]
    return out, empty


def _one_char(op: Any, av: Any, flags: int) -> str | None:
    """A literal or a character class as regex text, under the case flag in force where it stands."""
    if flags & (re.ASCII | re.LOCALE):
        return None  # \w and case mean something else there; not used in the file
    if op is sre.LITERAL:
        text = re.escape(chr(av))
    else:
        parts = []
        for kind, value in av:
            if kind is sre.NEGATE:
                parts.append("^")
            elif kind is sre.LITERAL:
                parts.append(re.escape(chr(value)))
            elif kind is sre.RANGE:
                parts.append(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
            elif kind is sre.CATEGORY and value in _CATEGORIES:
                parts.append(_CATEGORIES[value])
            else:
                return None
        text = "[" + "".join(parts) + "]"
    return f"(?{'' if flags & re.IGNORECASE else '-'}i:{text})"


def leads(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Lower-case ASCII strings one of which begins every match of ``pattern``, or None when that
    is not known ("(baca|simak) juga" → "baca juga", "simak juga")."""
    return _leads_of(sre.parse(pattern.pattern, pattern.flags))


def _leads_of(parsed: Any) -> tuple[str, ...] | None:
    found, _whole = _leads(parsed)
    return None if found is None or "" in found else tuple(found)


def _leads(items: Any) -> tuple[list[str] | None, bool]:
    """The literal beginnings of the parsed ``items`` and whether they are the whole of them."""
    return _leads_from(list(items), 0)


def _leads_from(items: list[Any], k: int) -> tuple[list[str] | None, bool]:
    out = [""]
    while k < len(items):
        op, av = items[k]
        k += 1
        if op in _ZERO_WIDTH:
            continue
        if op is sre.LITERAL and chr(av).isascii():
            out = [p + chr(av).lower() for p in out]
            continue
        if op is sre.SUBPATTERN:
            inner, whole = _leads(av[3])
        elif op is sre.BRANCH:
            inner, whole = [], True
            for alternative in av[1]:
                found, complete = _leads(alternative)
                if found is None:
                    return out, False
                inner += found
                whole = whole and complete
        elif op in _REPEATS and av[0] == 0 and av[1] == 1:
            # An optional part ("(dan )?ikuti"): its beginnings, and those of what follows it.
            found, complete = _leads(av[2])
            rest, rest_whole = _leads_from(items, k)
            if found is None or rest is None or len(found) * len(rest) > _LEADS_MAX:
                return out, False
            inner = ([q + r for q in found for r in rest] if complete else found) + rest
            whole = complete and rest_whole
            k = len(items)
        elif op in _REPEATS and av[0] >= 1:
            inner, whole = _leads(av[2])
            whole = False
        else:
            return out, False  # a class, "." …: the beginnings end here
        if inner is None or len(out) * len(inner) > _LEADS_MAX:
            return out, False
        out = [p + q for p in out for q in inner]
        if not whole:
            return out, False
    return out, True


def _telling(parsed: Any) -> frozenset[str] | None:
    """Characters one of which every match of the parsed pattern holds ("[^|]{1,300}\\s\\|" → "|"),
    or None when not known or not telling: prose holds spaces, letters, digits, stops and commas in
    nearly every line, so a row needing one of them is tried as before."""
    chars = _needs(parsed, parsed.state.flags)
    if chars is None or any(c.isspace() or c.isalnum() or c in ".," for c in chars):
        return None
    return chars


def _needs(items: Any, flags: int) -> frozenset[str] | None:
    """Of the parts a match of ``items`` must go through, the one whose characters tell most."""
    best: frozenset[str] | None = None
    for op, av in items:
        found: frozenset[str] | None = None
        if op is sre.LITERAL or op is sre.IN:
            found = _literals(op, av, flags)
        elif op is sre.SUBPATTERN:
            _group, add, remove, sub = av
            found = _needs(sub, (flags | add) & ~remove)
        elif op is sre.ATOMIC_GROUP:
            found = _needs(av, flags)
        elif op is sre.BRANCH:
            found = frozenset()
            for alternative in av[1]:
                inner = _needs(alternative, flags)
                if inner is None:
                    found = None
                    break
                found |= inner
        elif op in _REPEATS and av[0] >= 1:
            found = _needs(av[2], flags)
        # anything else (a class of ranges, ".", a look-around, a back-reference…) needs nothing known
        if found is not None and (best is None or _rank(found) < _rank(best)):
            best = found
    return best


def _rank(chars: frozenset[str]) -> tuple[bool, int]:
    """Fewer characters tell more, and a space (in every line of prose) tells least."""
    return any(c.isspace() for c in chars), len(chars)


def _literals(op: Any, av: Any, flags: int) -> frozenset[str] | None:
    """A literal's character, or a class's when it lists only characters; None where case folding
    could let another character stand in (or the parse says more than characters)."""
    items = [(op, av)] if op is sre.LITERAL else av
    chars = []
    for kind, value in items:
        if kind is not sre.LITERAL:
            return None  # a range, a category, a negation
        ch = chr(value)
        if flags & (re.ASCII | re.LOCALE) or (flags & re.IGNORECASE and (ch.lower() != ch or ch.upper() != ch)):
            return None
        chars.append(ch)
    return frozenset(chars)


def _fits(lead: str, head: str) -> bool:
    """Whether a line beginning with ``head`` can begin with ``lead``: they agree where both go."""
    n = min(len(lead), len(head))
    return lead[:n] == head[:n]


@cache
def _prefixes(beginnings: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """A row's beginnings as two sets, so that ``_fits`` against all of them is a few lookups:
    every prefix of a beginning up to HEAD characters, and the beginnings shorter than HEAD."""
    prefixes = frozenset(lead[:k] for lead in beginnings for k in range(0, min(len(lead), HEAD) + 1))
    return prefixes, frozenset(lead for lead in beginnings if len(lead) < HEAD)


def _fits_any(sets: tuple[frozenset[str], frozenset[str]], head: str) -> bool:
    """``any(_fits(lead, head) for lead in beginnings)``: the head is a prefix of a beginning, or
    a beginning shorter than it is a prefix of the head."""
    prefixes, short = sets
    # Most rows have no beginning shorter than HEAD: no slices to try then.
    return head[:HEAD] in prefixes or (bool(short) and any(head[:k] in short for k in range(len(head) + 1)))


@lru_cache(maxsize=_HEADS_KEPT)
def _candidates(head: str) -> tuple[tuple[int, _FullMatch, _Search | None], ...]:
    """The rows without needles a line beginning with ``head`` (its first HEAD characters) can
    match, in the file's order, each with its matcher and the search for what it needs (or None)."""
    first = head[:1]
    ascii_head = ""  # the line's beginning as re.IGNORECASE compares it, up to a non-ASCII character
    for ch in head:
        if not ch.isascii():
            break
        ascii_head += ch.lower()
    rows = [i for i, sets in _rows_starting(first) if sets is None or _fits_any(sets, ascii_head)]
    # Each row keeps its own compiled pattern: alternations of the rows a head allows would be
    # compiled anew for every new combination (thousands per process, most of clean's cost on
    # a few thousand articles), for no gain once compiled.
    needs = _table().needs
    return tuple((i, _matcher(i), needs.get(i)) for i in rows)


@lru_cache(maxsize=_FIRSTS_KEPT)
def _rows_starting(first: str) -> tuple[tuple[int, tuple[frozenset[str], frozenset[str]] | None], ...]:
    """The rows without needles whose match can start with ``first`` (a line's first character;
    "" for none), in the file's order, each with its beginnings' prefix sets: the first-character
    test is the same for every head starting with it, so it runs once per character, not per head."""
    return tuple(
        (i, None if beginnings is None else _prefixes(beginnings))
        for i, starts, beginnings in _table().plain
        if starts is None or not first or starts.fullmatch(first)
    )


@cache
def _matcher(row: int) -> _FullMatch:
    """A row's pattern, matching the whole line."""
    return re.compile(_table().patterns[row], re.IGNORECASE).fullmatch


def furniture(line: str) -> str | None:
    """The reason of the first pattern in boilerplate.tsv that matches the whole line, or None."""
    table = _table()
    first = len(table.reasons)
    for i, fullmatch, needs in _candidates(line[:HEAD]):
        # A row that needs a rare character ("|") is not tried on a line without it: rows that
        # scan the whole line (".{1,300}… | AP Photo") cost most on paragraphs (-0.035 ms an article)
        if (needs is None or needs(line)) and fullmatch(line):
            first = i
            break
    # A needled pattern is tried only where its needle is written, and only if it comes first.
    if first and (hit := table.needle.search(low := line.casefold())):
        # Only the needles written in the line, from the first one on: where needles start, the
        # prefix tree catches the longest, and the others there are its prefixes (their rows were
        # listed with it), not each needle in turn (a walk over every needle cost 0.1 ms a line
        # once common needles such as "/" were listed; over those opening with the character
        # there, 26 us a line with a needle, now 12)
        for i in sorted({i for m in table.starts.finditer(low, hit.start()) for i in table.rows_at[m[1]]}):
            if i >= first:
                break
            if table.needled[i](line):
                first = i
                break
    return table.reasons[first] if first < len(table.reasons) else None
