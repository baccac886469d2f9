"""A statement's numbers and figures → what each counts: ("dead", 57.0), ("n:home", 450.0).

A story's figures are matched by what they count, not by the words of their sentences: "12
penumpang ditemukan meninggal", "We have recovered 40 bodies" and "bertambah menjadi 57 orang"
(in a sentence about "korban tewas") are three values of one death toll, in two languages. A
figure counts the kind (``resources/quantity_words.tsv``) whose word is nearest to it in its
clause; a figure near none counts the noun written right after it ("450 homes", "1.350
nelayan"), and one right after a name inside a sentence is part of the name ("Snapdragon 835",
"FIFA 18"): it counts nothing. Small numbers and numbers written as words ("tiga", "fourteen")
count only next to a kind word: alone they are line-ups, scores and ordinals, not figures. A figure
written right before a home, a household, a place or a classifier ("2,000 families", "empat kecamatan",
"12 unit crane") counts it, whatever kind word is near: those are not a disaster's toll or its evacuees. A
figure written right before a unit of measure counts that unit ("5 kilometer" and "18 km" are one
slick's length), and a fraction never counts people or things (the "5,9" of "korban gempa M 5,9"
is no toll).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from kliping import resources
from kliping.corpus import terms
from kliping.words import LETTER_WORD

FORMER_REACH = 2  # "up from the three": words between "from" and the figure it makes former
NOUN_REACH = 2  # words on either side of a figure of no kind that may name what it counts
_CLAUSE_MARK = re.compile(r"[,;:](?!\d)")  # not the mark inside "40,000" or "2,5"
_CURRENCY_SIGN = re.compile(r"[$€£]\s?$")  # "$2.5 million", "US$84,000"; word currencies are in the table
_MULTIPLIER = {"ribu": 1e3, "thousand": 1e3, "juta": 1e6, "million": 1e6, "miliar": 1e9, "billion": 1e9,
               "triliun": 1e12}
_NUMBER = re.compile(rf"(?<![\w.,])(\d{{1,3}}(?:[.,]\d{{3}})+|\d+(?:[.,]\d+)?)\s*({'|'.join(_MULTIPLIER)})?", re.I)
_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")  # "1.500" is fifteen hundred in Indonesian
_THOUSANDS_EN = re.compile(r"\d{1,3}(?:,\d{3})+")  # "1,500" in English
_NOT_A_QUANTITY = re.compile(r"\s?(?:['’′]|:\d\d|(?:WIB|WITA|WIT|GMT|UTC|a\.m\.|p\.m\.)(?!\w))")
_CLOCK = re.compile(r"(?i:\b(?:pukul|jam))\s+$")
# An ordinal or a decade counts nothing: "menit ke-30", "pekan ke - 11", "HUT ke-72", "50th anniversary", "era 90-an",
# "in his 20s" (on the mixed corpus, 97 single-source "claims" were match minutes, league weeks and anniversaries).
_ORDINAL_BEFORE = re.compile(r"(?i)\bke\s?-?\s?$")
_ORDINAL_AFTER = re.compile(r"(?i)(?:st|nd|rd|th|s)\b|\s?-\s?an\b")
_GLUED = re.compile(r"[^\W\d_]+")  # letters written right after a number, no space between
_DIGIT = re.compile(r"\d")  # one C scan where a generator over every character cost ~0.3 ms an article


@cache
def _table() -> tuple[dict[str, str], dict[str, frozenset[str]]]:
    """(word → kind, the special lists by name: "former", "generic", "boundary", "duration",
    "unchecked", "fractional", "partitive", "currency"), both languages in each. Units ("unit:km") are kinds
    like the others in the first table; ``figures`` tells them by their prefix."""
    kinds: dict[str, str] = {}
    special: dict[str, set[str]] = {"former": set(), "generic": set(), "boundary": set(), "duration": set(),
                                    "unchecked": set(), "fractional": set(), "partitive": set(),
                                    "currency": set(), "counted": set(), "range": set(), "between": set()}
    for kind, _lang, words in resources.rows("quantity_words.tsv"):
        for w in words.split():
            if kind in special:
                special[kind].add(w)
            else:
                kinds[w] = kind
    return kinds, {name: frozenset(found) for name, found in special.items()}


@cache
def _ranges() -> re.Pattern[str]:
    special = _table()[1]
    joins = "|".join(sorted(special["range"] | {"-", "–"}, key=len, reverse=True))
    opens = "|".join(sorted(special["between"]))
    number = r"\d[\d.,]*"
    return re.compile(rf"(?i)(?<![\w.,]){number}\s*(?:{joins})\s*{number}"
                      rf"|\b(?:{opens})\s+{number}\s+(?:and|dan)\s+{number}")


def _range_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` gives a range or a score: "13 to 15", "20 hingga 30", "2 - 2", "between 40 and 50". Not a
    change: "from 12 to 57", "dari 6 hingga 9" give the value it became ("from" is the former one)."""
    former = _table()[1]["former"]
    out = []
    for m in _ranges().finditer(text):
        before = text[: m.start()].split()
        if not (before and before[-1].casefold() in former):
            out.append(m.span())
    return out


def _after_currency_sign(text: str, start: int) -> bool:
    """Whether the number at ``start`` follows a currency sign ("$2.5 million", "US$84,000")."""
    return bool(_CURRENCY_SIGN.search(text, max(0, start - 2), start))


@cache
def _measure_words() -> frozenset[str]:
    kinds, special = _table()
    # Multipliers written in full ("5juta") are read with the number itself (_NUMBER); these are the
    # abbreviated ones.
    return frozenset({w for w, kind in kinds.items() if kind.startswith("unit:")} | special["currency"]
                     | {"bn", "m", "k"})


def _measures(word: str) -> bool:
    """Whether a word written right after a number (lower case) measures or multiplies it: a unit ("km", "ton"),
    a currency, or an abbreviated multiplier ("bn")."""
    return word in _measure_words()


def number_spans(text: str, skip: list[tuple[int, int]], language: str | None = None
                  ) -> list[tuple[float, int, int, bool]]:
    """The numbers of ``text`` that may be quantities — not dates (``skip`` spans), times, ages,
    match minutes, years, nor the ends of a range or a score — as (value, start, end, whether it is
    worth a claim by itself: not a small count written as a digit). English writes "400,000" and
    "2.5" where Indonesian writes "400.000" and "2,5"."""
    out = []
    thousands, separator = (_THOUSANDS_EN, ",") if language == "en" else (_THOUSANDS, ".")
    # Both numbers of a range or a score: "13 to 15 times the limit" states no one value, "imbang 2 - 2" no count.
    skip = skip + _range_spans(text) if _DIGIT.search(text) else skip
    for m in _NUMBER.finditer(text):
        before = text[max(0, m.start() - 1) : m.start()]
        if any(s <= m.start() < e for s, e in skip) or before in ("-", "/"):
            continue
        if _NOT_A_QUANTITY.match(text, m.end()) or _CLOCK.search(text, max(0, m.start() - 6), m.start()) or (
                before == "(" and text[m.end() : m.end() + 1] == ")"):
            continue  # "pukul 15.00 WIB", "Alfarisi 76'", "YIK (31)": a time, a match minute, an age
        if _ORDINAL_BEFORE.search(text, max(0, m.start() - 5), m.start()) or _ORDINAL_AFTER.match(text, m.end()):
            continue
        glued = _GLUED.match(text, m.end(1))
        if glued and not m.group(2) and not _measures(glued.group().casefold()) and not (
                _after_currency_sign(text, m.start())):
            continue  # "96W", "720p", "5500M", "1000X": a model or a spec ("10km" is a distance, "$12.9bn" money)
        raw = m.group(1)
        # The thousands separator goes; what is left of either mark is a decimal point.
        grouped = bool(thousands.fullmatch(raw))
        value = (raw.replace(separator, "") if grouped else raw).replace(",", ".")
        try:
            number = float(value)
        except ValueError:
            continue
        if 1900 <= number <= 2100 and not m.group(2) and not grouped:
            continue  # a year ("2.000 orang", written with a separator, is not one)
        out.append((number * _MULTIPLIER.get((m.group(2) or "").lower(), 1), m.start(), m.end(),
                    number >= 10 or bool(m.group(2))))
    return out


@cache
def number_words() -> dict[str, float]:
    return {word: float(value) for word, value in resources.rows("number_words.tsv")}


def figures(text: str, numbers: Sequence[tuple[float, int, int, bool]],
            language: str | None) -> tuple[tuple[str, float], ...]:
    """(what it counts, value) of each figure of ``text``. ``numbers`` are its digit numbers as
    (value, start, end, whether it is a figure even without a kind word beside it)."""
    words = [(m.group().casefold(), m.start(), m.end()) for m in LETTER_WORD.finditer(text)]
    spoken = number_words()
    found = list(numbers) + [(spoken[w], s, e, False) for w, s, e in words if w in spoken]
    if not found:
        return ()
    kinds, special = _table()
    cuts = [0, *(m.end() for m in _CLAUSE_MARK.finditer(text)), len(text) + 1,
            *(edge for w, s, e in words if w in special["boundary"] for edge in (s, e))]
    out: list[tuple[str, float]] = []
    for value, start, end, alone in sorted(found, key=lambda n: n[1]):
        before = [w for w in words if w[2] <= start]
        if any(w in special["former"] for w, _, _ in before[-FORMER_REACH:]):
            continue
        following = next((w for w, s, _ in words if s >= end), None)
        if following in special["duration"] or (following in special["partitive"] and text[end:end + 1] != "%"):
            continue
        unit = kinds.get(following or "", "")
        if unit.startswith("unit:"):
            out.append((unit, value))  # measured, not counted: the unit says what, even for "5 km"
            continue
        low = max(c for c in cuts if c <= start)
        high = min(c for c in cuts if c > start)
        clause = [(n, w) for n, w in enumerate(words) if low <= w[1] < high]
        here = len(before)  # the index the figure would have among the words
        # An amount of money counts no kind: "$2.5 million over a spill that killed fish" is no toll.
        money = _after_currency_sign(text, start) or following in special["currency"] or (
            bool(before) and before[-1][0] in special["currency"])
        near = [] if money else sorted((abs(n - here) + (0.5 if n < here else 0), kinds[w[0]]) for n, w in clause
                                       if w[0] in kinds and not kinds[w[0]].startswith("unit:"))
        if following in special["counted"] and (near or alone) and not money:
            out.append(("n:" + terms.term(following, language)[0], value))
            continue
        if near:
            if value.is_integer() or near[0][1] in special["fractional"]:
                out.append((near[0][1], value))
            continue
        if not alone:
            continue
        noun = _counted_noun(text, clause, here, end, special["generic"] | spoken.keys(), money)
        if noun is not None and noun not in special["unchecked"]:
            out.append(("n:" + terms.term(noun, language)[0], value))
    return tuple(out)


def _counted_noun(text: str, clause: list[tuple[int, tuple[str, int, int]]], here: int, end: int,
                  skip: frozenset[str] | set[str], money: bool) -> str | None:
    """The word a figure counts: the first content word after it ("450 homes", "$3.4 billion in
    pledges"), else the nearest before it ("Pengaduan sudah 112"), within NOUN_REACH words; none
    when the word right before it is a name (``money``: the figure is an amount, never a name's)."""
    stop = terms.stopwords()
    after = [w for _, (w, s, _) in clause if s >= end][:NOUN_REACH]
    before = [(n, w, s) for n, (w, s, _) in clause if n < here][::-1][:NOUN_REACH]
    if before and before[0][0] == here - 1 and _is_name(text, before[0][2]) and not money:
        # A number right after a name is part of the name ("Snapdragon 835", "FIFA 18", "Liga 1"): it
        # counts nothing. An amount ("Rp 5 miliar", "$30") is the currency's, not a name's.
        return None
    for w in after:
        if w not in skip and w not in stop:  # "300 ribu orang sukarelawan": the volunteers
            return w
    for _, w, _ in before:
        if w not in skip and w not in stop:
            return w
    return None


def _is_name(text: str, start: int) -> bool:
    """Whether the word at ``start`` is capitalised where a sentence does not begin ("Sebanyak 1.240 …" is no name)."""
    return text[start].isupper() and text[:start].rstrip()[-1:] not in ("", ".", "!", "?", '"', "“", "”", ":")
