"""Words → comparable terms: stems, synonyms and metonyms, so statements can be matched.

Indonesian words are stemmed by affix stripping checked against the root-word list that ships
with Sastrawi (MIT). We use its list, not its stemmer: the stemmer measured 8–23 ms a word here
and read "dibantah" as "ban"; candidate generation against the list takes microseconds.
English words go through Snowball. ``resources/synonyms.tsv`` folds near-synonyms and
hypernyms onto one term (pasok = sedia = supply; peluru, rudal → senjata);
``resources/antonyms.tsv`` turns "tidak melanggar" into "patuh" with the polarity flipped;
``resources/metonyms.tsv`` reads seats of power as their country (Kremlin, Moskow → Rusia).
"""

from __future__ import annotations

from functools import cache, lru_cache
from importlib import resources as importlib_resources

import snowballstemmer

from kliping import resources
from kliping.annotate.aliases import key as name_key
from kliping.words import LETTER_WORD

_PARTICLES = ("lah", "kah", "tah", "pun")
_POSSESSIVES = ("nya", "ku", "mu")
_SUFFIXES = ("kan", "an", "i")
# prefix → letters that may have been swallowed by a nasal (meN-, peN-)
_PREFIXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("meny", ("s",)), ("peny", ("s",)), ("meng", ("k", "")), ("peng", ("k", "")),
    ("mem", ("p", "m", "")), ("pem", ("p", "m", "")), ("men", ("t", "n", "")), ("pen", ("t", "n", "")),
    ("me", ("",)), ("pe", ("",)), ("di", ("",)), ("ber", ("",)), ("be", ("",)), ("ter", ("",)),
    ("per", ("",)), ("ke", ("",)), ("se", ("",)),
)
# The same prefixes by first letter, in the same order: a word is tried only against those it can
# start with (stemming a word met for the first time is most of the cost of reading a statement).
_PREFIXES_BY_LETTER = {p[0]: tuple(q for q in _PREFIXES if q[0][0] == p[0]) for p, _ in _PREFIXES}


@cache
def _roots() -> frozenset[str]:
    data = importlib_resources.files("Sastrawi.Stemmer").joinpath("data", "kata-dasar.txt")
    return frozenset(w.strip() for w in data.read_text(encoding="utf-8").split() if w.strip())


@cache
def _english() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("english")


def _strip_suffixes(word: str) -> list[str]:
    """The word and its forms without particle, possessive and derivational suffix."""
    forms = [word]
    for group in (_PARTICLES, _POSSESSIVES, _SUFFIXES):
        for suffix in group:
            base = forms[-1]
            if base.endswith(suffix) and len(base) - len(suffix) >= 3:
                forms.append(base[: -len(suffix)])
                break
    return forms


def _strip_prefixes(word: str, depth: int = 2) -> list[str]:
    out = [word]
    if depth == 0:
        return out
    for prefix, restores in _PREFIXES_BY_LETTER.get(word[:1], ()):
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            rest = word[len(prefix) :]
            for letter in restores:
                out += _strip_prefixes(letter + rest, depth - 1)
    return out


@lru_cache(maxsize=200_000)
def stem_id(word: str) -> str:
    """An Indonesian word's root: the least-stripped candidate in the root list, else the word
    stripped of its suffixes and one prefix (consistent, so "menandatangani" and
    "ditandatangani" still meet at "tandatangan")."""
    roots = _roots()
    if word in roots or len(word) <= 4:
        return word
    forms = _strip_suffixes(word)
    for base in forms:
        for candidate in _strip_prefixes(base):
            if candidate in roots:
                return candidate
    stripped = forms[-1]
    candidates = _strip_prefixes(stripped, depth=1)
    return candidates[1] if len(candidates) > 1 else stripped


@lru_cache(maxsize=200_000)
def stem(word: str, language: str | None) -> str:
    word = word.casefold()
    if language == "en":
        return str(_english().stemWord(word))
    return stem_id(word)


@cache
def stopwords() -> frozenset[str]:
    return resources.words("stopwords.txt")


@cache
def negators() -> frozenset[str]:
    return frozenset(resources.lines("negators.txt"))


@cache
def _synonyms() -> dict[str, str]:
    """stem → the first term of its synonym group."""
    table: dict[str, str] = {}
    for row in resources.rows("synonyms.tsv"):
        head = row[0]
        for word in row:
            for lang in ("id", "en"):
                table.setdefault(stem(word, lang), head)
    return table


@cache
def _antonyms() -> dict[str, str]:
    """stem of a word → stem of the term it negates ("langgar" → "patuh")."""
    table: dict[str, str] = {}
    for positive, negative in resources.rows("antonyms.tsv"):
        for lang in ("id", "en"):
            table[stem(negative, lang)] = stem(positive, lang)
    return table


@cache
def _metonyms() -> dict[str, str]:
    return {name_key(place): name_key(country) for place, country in resources.rows("metonyms.tsv")}


def term(word: str, language: str | None) -> tuple[str, bool]:
    """(comparable term, whether the word negates its term): "melanggar" → ("patuh", True)."""
    root = stem(word, language)
    antonym = _antonyms().get(root)
    if antonym is not None:
        return _synonyms().get(antonym, antonym), True
    return _synonyms().get(root, root), False


@lru_cache(maxsize=65_536)
def country_of(canonical: str) -> str:
    """Name key of an entity, seats of power read as their country. Cached: a story names the
    same few entities in every statement."""
    k = name_key(canonical)
    return _metonyms().get(k, k)


def words(text: str) -> list[str]:
    return LETTER_WORD.findall(text)
