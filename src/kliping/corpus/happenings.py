"""Articles → what happened where: the kind of disaster or accident a headline names and the place it names.

Two quakes twelve days apart in two regencies of one province share the governor, the geophysics agency, the
rescue service and most words ("gempa", "korban", "rumah rusak"), so by names and words they are one story; the
place in their headlines tells them apart. And a follow-up that says "Gempa Cianjur" with other people and
other numbers than the first reports is still the Cianjur quake. Only disasters and accidents
(``resources/happening_kinds.tsv``): a court case, a match or a summit is not named by its place.

A place counts when it is specific: a country, its adjective ("Philippine"), a province or region
(``resources/regions.txt``) and the capital (``resources/common_names.txt``) are where many happenings are.
"""

from __future__ import annotations

from collections.abc import Collection
from functools import cache, lru_cache

from kliping import resources
from kliping.annotate.aliases import key as name_key
from kliping.annotate.name_words import is_place_head
from kliping.model import Article
from kliping.words import WORD


@cache
def _kind_of_word() -> dict[str, str]:
    return {word: kind for kind, words in resources.rows("happening_kinds.tsv") for word in words.split("|")}


@cache
def _site_heads() -> frozenset[str]:
    return resources.words("site_heads.txt")


@cache
def _countries() -> frozenset[str]:
    return frozenset(name_key(name) for name in resources.lines("ner_countries.txt"))


@cache
def _regions() -> frozenset[str]:
    return frozenset(name_key(name) for name in resources.lines("regions.txt"))


# Bounded: keyed by the names of every article's places, which grow with the archive.
@lru_cache(maxsize=1 << 16)
def _is_broad(place: str) -> bool:
    """A country, a country's adjective (it starts the country's name or the name starts it: "Philippine",
    "Indonesian", "Malaysian"), a province or region, or the capital."""
    if place in resources.words("common_names.txt") or place in _regions():
        return True
    return len(place) >= 4 and any(len(c) >= 4 and (c.startswith(place) or place.startswith(c)) for c in _countries())


@lru_cache(maxsize=1 << 16)
def _bare(name: str) -> str | None:
    """A place's name without its heads: "Kabupaten Cianjur", "Stadion Kanjuruhan" and "Kanjuruhan Stadium" are
    "Cianjur" and "Kanjuruhan", the way headlines write them. None when nothing specific is left."""
    words = name.split()
    while words and (is_place_head(words[0]) or words[0].casefold() in _site_heads()):
        words = words[1:]
    while words and words[-1].casefold() in _site_heads():
        words = words[:-1]
    bare = " ".join(words)
    return bare if len(bare) >= 4 else None


def _words(text: str) -> list[str]:
    return [w.casefold() for w in WORD.findall(text)]


def _where(part: list[str], whole: list[str]) -> list[int]:
    """The positions in ``whole`` of each word of each occurrence of ``part``."""
    n = len(part)
    return [j for i in range(len(whole) - n + 1) if whole[i : i + n] == part for j in range(i, i + n)]


def happenings(article: Article) -> tuple[str, ...]:
    """The article's happenings: "kind|place" for each kind and each specific place its headline names (sorted)."""
    title = _words(article.title or "")
    kinds = {_kind_of_word()[w] for w in title if w in _kind_of_word()}
    if not kinds:
        return ()
    named: set[str] = set()
    in_names: set[int] = set()  # where the places stand in the headline: "Taman Nasional Lore Lindu" is no quake
    for ent in article.entities:
        if ent.label != "PLACE":
            continue
        bare = _bare(ent.canonical) or _bare(ent.text)
        if bare is None:
            continue
        if at := _where(_words(bare), title):
            in_names.update(at)
            if not _is_broad(place := name_key(bare)):
                named.add(place)
    kinds = {_kind_of_word()[w] for i, w in enumerate(title) if w in _kind_of_word() and i not in in_names}
    return tuple(sorted(f"{kind}|{place}" for kind in kinds for place in named))


def kinship(happened: tuple[str, ...], lead_words: Collection[str], story: Collection[str]) -> int:
    """+1 when the article's headline names a happening the story's headlines named (the same kind at the same
    place); -1 when it names the same kind elsewhere and no place of the story's is among ``lead_words`` (the
    headline's and lead's words: a report of the second quake that recalls the first is not kept from it); else 0."""
    if not happened or not story:
        return 0
    if any(h in story for h in happened):
        return 1
    kinds = {h.partition("|")[0] for h in happened}
    theirs = [h.partition("|") for h in story]
    if not any(kind in kinds for kind, _, _ in theirs):
        return 0
    if any(all(w in lead_words for w in place.split() if len(w) > 2) for _, _, place in theirs):
        return 0
    return -1
