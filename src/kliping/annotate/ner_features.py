"""One sentence's tokens → the NER model's features: the word, its shape, affixes, cue words and
known names (gazetteer marks), seen from the token itself and its neighbours.

Tokens follow the training data's convention (see annotate/ner.py, which tags with these features
and ``scripts/train_ner.py``, which trains on them): the model and its features must agree, so both
take them from here. Tagging reads the same features as rows of the model's weights (``word_rows``,
found by feature kind and value rather than by building each feature's string); a test holds the
two to each other.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache

from kliping.resources import lines

TOKEN = re.compile(r"\d+(?:[.,/:]\d+)+|[^\W_]+|[^\w\s]|_")
_SHAPE = str.maketrans(
    {**{c: "X" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}, **{c: "x" for c in "abcdefghijklmnopqrstuvwxyz"},
     **{c: "d" for c in "0123456789"}}
)
# Curly quotes and dashes are rare in the training data; features see their plain forms.
_PLAIN = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "–": "-", "—": "-"})
_MAX_GAZ = 5  # longest gazetteer entry, in tokens


def tokenize(text: str) -> list[tuple[int, int]]:
    """Character offsets of the tokens of ``text``, split the way the NER training data is."""
    return [m.span() for m in TOKEN.finditer(text)]


@cache
def _cues() -> dict[str, str]:
    """Lower-cased cue word → feature name: titles before persons, heads of organisations and places."""
    out: dict[str, str] = {}
    for name, flag in (("ner_place_cues.txt", "cL"), ("ner_org_cues.txt", "cO"), ("ner_person_cues.txt", "cP")):
        for word in lines(name):
            out[word] = out[word] + flag if word in out else flag
    # English given names (census list) and titles mark words no other cue marks: flags the Indonesian
    # model never saw score nothing there, so its tags stay as they were (the English model learnt them).
    for row in lines("given_names.tsv"):
        out.setdefault(row.split("\t", 1)[0], "cG")
    for word in lines("ner_title_cues.txt"):
        out.setdefault(word, "cT")
    return out


@cache
def _gazetteer() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """First lower-cased token → (token tuple, "g" place / "o" organisation) of known names starting with it."""
    table: dict[str, set[tuple[tuple[str, ...], str]]] = {}
    for kind, names in (("g", lines("ner_countries.txt") + lines("ner_place_names.txt")),
                        ("o", lines("ner_org_names.txt"))):
        for name in names:
            toks = tuple(name[s:e].lower() for s, e in tokenize(name))
            if toks and len(toks) <= _MAX_GAZ:
                table.setdefault(toks[0], set()).add((toks, kind))
    return {k: tuple(sorted(v, key=lambda e: -len(e[0]))) for k, v in table.items()}


_REPEATS = re.compile(r"(?<=(.))\1+", re.DOTALL)  # what follows a character that repeats it


def _shape(word: str) -> str:
    """Collapsed character classes: "Putin" → "Xx", "PBB" → "X", "13/9" → "d/d"."""
    if word.isascii():  # every ASCII letter and digit is in _SHAPE: only the runs are left to collapse
        return _REPEATS.sub("", word.translate(_SHAPE))
    out: list[str] = []
    for c in word.translate(_SHAPE):
        if c not in "Xxd" and c.isalpha():
            c = "X" if c.isupper() else "x"
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


@lru_cache(maxsize=100_000)
def word_features(word: str, cased: bool) -> tuple[tuple[str, ...], ...]:
    """A word's features as (itself, seen from the next token, from the previous, from 2 after, from 2 before).

    Cached per word type: feature strings are the cost of tagging, and news repeats its words.
    Without case (lower-cased or all-caps text) the case-dependent features are left out,
    so lower-cased training data teaches words and context, not "lower case means O".
    """
    word = word.translate(_PLAIN)
    low = word.lower()
    cue = _cues().get(low, "")
    lshape = _shape(low)
    own = ["w=" + low, "s3=" + low[-3:], "s2=" + low[-2:], "p3=" + low[:3], "ls=" + lshape]
    if len(low) <= 2:
        own.append("short")
    if cue:
        own.append("c=" + cue)
    near = ["w=" + low, "ls=" + lshape]
    if cue:
        near.append("c=" + cue)
    if cased:
        shape = _shape(word)
        own.append("sh=" + shape)
        near.append("sh=" + shape)
        if word.isupper() and len(word) > 1:
            own.append("AC")
    far = ("w=" + low,)
    return (
        tuple(own),
        tuple("-1" + f for f in near),
        tuple("+1" + f for f in near),
        tuple("-2" + f for f in far),
        tuple("+2" + f for f in far),
    )


_NEAR = {"": 0, "-1": 1, "+1": 2, "-2": 3, "+2": 4}  # attribute prefix → place in word_features' groups


@dataclass
class FeatureRows:
    """A model's attribute rows by feature kind and value, so that a word's rows are found with a few
    dict look-ups instead of building its ~19 attribute strings (``word_rows``). Built once per model;
    only the (kind, place) pairs ``word_features`` makes are kept, all others read as ``unknown``.
    Tuples, not lists: the garbage collector stops tracking tuples of ints, and there are ~20,000."""

    unknown: int
    words: dict[str, tuple[int, ...]] = field(default_factory=dict)  # "w=": own, -1, +1, -2, +2
    s3: dict[str, int] = field(default_factory=dict)
    s2: dict[str, int] = field(default_factory=dict)
    p3: dict[str, int] = field(default_factory=dict)
    lshapes: dict[str, tuple[int, ...]] = field(default_factory=dict)  # "ls=": own, -1, +1
    shapes: dict[str, tuple[int, ...]] = field(default_factory=dict)  # "sh=": own, -1, +1
    cues: dict[str, tuple[int, ...]] = field(default_factory=dict)  # "c=": own, -1, +1
    short: int = -1
    all_caps: int = -1

    @classmethod
    def of(cls, attributes: Mapping[str, int], unknown: int) -> FeatureRows:
        out = cls(unknown, short=attributes.get("short", unknown), all_caps=attributes.get("AC", unknown))
        single = {"s3": out.s3, "s2": out.s2, "p3": out.p3}
        spread: dict[str, tuple[dict[str, list[int]], int]] = {"w": ({}, 5), "ls": ({}, 3), "sh": ({}, 3), "c": ({}, 3)}
        for attribute, row in attributes.items():
            place = _NEAR.get(attribute[:2], 0)
            kind, sep, value = attribute[2 if place else 0:].partition("=")
            if not sep:
                continue
            if kind in single and not place:
                single[kind][value] = row
            elif kind in spread and place < spread[kind][1]:
                table, width = spread[kind]
                table.setdefault(value, [unknown] * width)[place] = row
        for kind, target in (("w", out.words), ("ls", out.lshapes), ("sh", out.shapes), ("c", out.cues)):
            target.update((value, tuple(rows)) for value, rows in spread[kind][0].items())
        return out


def word_rows(word: str, cased: bool, rows: FeatureRows) -> tuple[list[int], tuple[int, int, int, int, int]]:
    """``word_features`` as model rows: the rows of its five groups one after the other, in the same
    order (so that summing them gives the same floats), and each group's length.
    tests/test_ner_speed_features.py holds the two to each other."""
    word = word.translate(_PLAIN)
    low = word.lower()
    unknown = rows.unknown
    w = rows.words.get(low) or (unknown,) * 5
    ls = rows.lshapes.get(_shape(low)) or (unknown,) * 3
    own = [w[0], rows.s3.get(low[-3:], unknown), rows.s2.get(low[-2:], unknown), rows.p3.get(low[:3], unknown), ls[0]]
    before, after = [w[1], ls[1]], [w[2], ls[2]]
    if len(low) <= 2:
        own.append(rows.short)
    cue = _cues().get(low, "")
    if cue:
        c = rows.cues.get(cue) or (unknown,) * 3
        own.append(c[0])
        before.append(c[1])
        after.append(c[2])
    if cased:
        sh = rows.shapes.get(_shape(word)) or (unknown,) * 3
        own.append(sh[0])
        before.append(sh[1])
        after.append(sh[2])
        if word.isupper() and len(word) > 1:
            own.append(rows.all_caps)
    return own + before + after + [w[3], w[4]], (len(own), len(before), len(after), 1, 1)


def gazetteer_marks(lows: Sequence[str]) -> list[str]:
    """Per lower-cased token "gB"/"gI" (place) or "oB"/"oI" (organisation) where a known name starts/goes on."""
    gaz = _gazetteer()
    marks = [""] * len(lows)
    if gaz.keys().isdisjoint(lows):  # most sentences: one set test instead of a loop over tokens
        return marks
    i = 0
    while i < len(lows):
        for entry, kind in gaz.get(lows[i], ()):  # longest first
            n = len(entry)
            if tuple(lows[i:i + n]) == entry:
                marks[i] = kind + "B"
                for j in range(i + 1, i + n):
                    marks[j] = kind + "I"
                i += n
                break
        else:
            i += 1
    return marks


def is_cased(words: Iterable[str]) -> bool:
    """True when the text mixes upper and lower case, so that capitals carry information."""
    text = "".join(words)
    return text.lower() != text and text.upper() != text


def features(words: Sequence[str], cased: bool | None = None,
             marks: list[str] | None = None) -> list[tuple[str, ...]]:
    """The CRF features of each token of one sentence (``marks``: its gazetteer marks, if known)."""
    if cased is None:
        cased = is_cased(words)
    feats = [word_features(w, cased) for w in words]
    if marks is None:
        marks = gazetteer_marks([w.lower() for w in words])
    n = len(feats)
    out: list[tuple[str, ...]] = []
    bos, eos, none = ("BOS",), ("EOS",), ()
    for i, own in enumerate(feats):
        # One tuple built at once: repeated += copied the growing tuple five times a token.
        out.append((
            *own[0],
            *(feats[i - 1][1] if i > 0 else bos),
            *(feats[i + 1][2] if i + 1 < n else eos),
            *(feats[i - 2][3] if i > 1 else none),
            *(feats[i + 2][4] if i + 2 < n else none),
            *((marks[i],) if marks[i] else none),
        ))
    return out
