"""Names → one canonical name per entity, across spellings and languages.

Sources: ``resources/aliases.tsv`` (short forms and spellings: Korut, AS, PBB, Moscow…) and
CLDR territory names from babel in Indonesian and English (the Indonesian name is canonical,
so "North Korea", "Korea Utara" and "Korut" are one place).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from babel import Locale

from kliping import resources

_SPACE = re.compile(r"[\s\-‐–]+")
# The full stop of an initial: outlets write "Miryam S. Haryani" and "Miryam S Haryani", "U.S." and "US".
_INITIAL_STOP = re.compile(r"(?<![^\W\d_])([^\W\d_])\.")


@lru_cache(maxsize=65536)  # the same names are keyed again and again (~300 calls an article)
def key(name: str) -> str:
    """The matching key of a name: case, hyphens, spacing and the full stops of initials do not matter."""
    return _SPACE.sub(" ", _INITIAL_STOP.sub(r"\1", name.replace("’", "'"))).strip(" .,").casefold()


@cache
def _table() -> dict[str, tuple[str, str]]:
    """key → (label, canonical)."""
    table: dict[str, tuple[str, str]] = {}
    indonesian, english = Locale("id").territories, Locale("en").territories
    for code, name in indonesian.items():
        if code.isalpha() and len(code) == 2:  # countries, not regions like "001" (World)
            table[key(name)] = ("PLACE", name)
            if code in english:
                table.setdefault(key(english[code]), ("PLACE", name))
    for place in resources.lines("places.txt") + resources.lines("regions.txt"):  # cities, provinces, regions
        table.setdefault(key(place), ("PLACE", place))
    for label, canonical, names in resources.rows("aliases.tsv"):
        table[key(canonical)] = (label, canonical)
        for alias in names.split("|"):
            table[key(alias)] = (label, canonical)
    return table


def canonical(name: str, label: str | None = None) -> str | None:
    """The canonical name for ``name`` (of ``label`` if given), or None if it is not known."""
    found = _table().get(key(name))
    if found is None or (label is not None and found[0] != label and not _compatible(found[0], label)):
        return None
    return found[1]


def _compatible(known: str, given: str) -> bool:
    # The model may call a country an ORG when it acts ("Rusia membantah"); it is one entity.
    return {known, given} <= {"PLACE", "ORG"}


def is_country(name: str) -> bool:
    """Whether ``name`` is a country's (CLDR's territories, any of their names: "RI", "AS", "Jepang")."""
    return canonical(name, "PLACE") in _countries()


@cache
def _countries() -> frozenset[str]:
    return frozenset(n for code, n in Locale("id").territories.items() if code.isalpha() and len(code) == 2)


@cache
def _compass() -> dict[str, str]:
    """English direction word → its Indonesian word, lower case (``resources/compass_words.tsv``)."""
    return {english.casefold(): indonesian.casefold() for english, indonesian in resources.rows("compass_words.tsv")}


@cache
def _storm_words() -> frozenset[str]:
    """The words that name a storm before its given name ("Hurricane", "Topan"): the storm row of
    ``resources/happening_kinds.tsv``."""
    rows = resources.rows("happening_kinds.tsv")
    return frozenset(w for kind, words in rows if kind == "storm" for w in words.split("|"))


_STORM_MODIFIERS = frozenset({"tropical", "tropis", "super"})  # "Tropical Storm", "Badai Tropis", "Super Typhoon"


@lru_cache(maxsize=65536)
def match_key(name: str) -> str:
    """``key`` of a name, in the form both languages' reports of one story share: an English direction before a
    place's name goes after it, in Indonesian ("North Carolina" and "Carolina Utara" are "carolina utara"), and a
    named storm is "badai" and its name whatever word it is called by ("Hurricane Florence", "Badai Florence",
    "Typhoon Mangkhut", "Topan Mangkhut"). Both languages' names pass through it, so an English name it turns
    around wrongly ("West Ham") still meets itself, and nothing else. For matching, not for display."""
    k = key(name)
    words = k.split()
    if len(words) >= 2:
        storm = _storm_words()
        given = [w for w in words if w not in storm and w not in _STORM_MODIFIERS]
        if len(given) == 1 and words[-1] == given[0] and any(w in storm for w in words):
            return "badai " + given[0]
        direction = _compass().get(words[0])
        if direction:
            return " ".join([*words[1:], direction])
    return k


def label_of(name: str) -> str | None:
    found = _table().get(key(name))
    return found[0] if found else None


_WORD = re.compile(r"[A-Za-z](?:[\w'’-]|\.(?=\w))*")
# Lower-case words inside names: the personal-name particles ("bin", "van") and the connectives
# of organisation and place names ("Bosnia dan Herzegovina", "Bank of America").
NAME_CONNECTORS = frozenset(resources.lines("name_particles.txt")) | {"dan", "and", "of", "the"}
MAX_NAME_WORDS = 7
_CAP_WORD = r"[A-Z](?:[\w'’-]|\.(?=\w))*"
# (The capital looked ahead for first lets the engine skip to capitals before the look-behind.)
_RUN = re.compile(
    rf"(?=[A-Z])(?<![\w'’-]){_CAP_WORD}(?:\s+(?:(?:{'|'.join(sorted(NAME_CONNECTORS))})\s+)*{_CAP_WORD})*")


@cache
def _short_caps() -> frozenset[str]:
    """Keys of short all-caps forms (AS, UN, RI): they count only when written in capitals."""
    names = {n for _, c, a in resources.rows("aliases.tsv") for n in [c, *a.split("|")]}
    return frozenset(key(n) for n in names if n.replace(".", "").isupper() and len(n) <= 5)


def find_names(text: str) -> list[tuple[int, int, str]]:
    """(start, end, label) of every alias-table or country name written in ``text``.

    Names are capitalised: runs of capitalised words (with "dan", "of"… between, spaces only)
    are looked up in the table, longest first — dictionary lookups, not one regex per name.
    """
    table, caps, firsts = _table(), _short_caps(), _first_words()
    out = []
    for run in _runs(text):
        i = 0
        while i < len(run):
            # A cheap first-word key (the full key() only for words that may start a name).
            if text[run[i][0] : run[i][1]].casefold().replace("’", "'").split("-")[0] not in firsts:
                i += 1
                continue
            for j in range(min(len(run), i + MAX_NAME_WORDS) - 1, i - 1, -1):
                if not run[j][2]:
                    continue  # a name ends on a capitalised word
                start, end = run[i][0], run[j][1]
                k = key(text[start:end])
                if k in table and (k not in caps or text[start:end].replace(".", "").isupper()):
                    out.append((start, end, table[k][0]))
                    i = j
                    break
            i += 1
    return out


@cache
def _first_words() -> frozenset[str]:
    """Keys of the first word of every known name: most capitalised words start none."""
    return frozenset(k.split(" ")[0] for k in _table())


def _runs(text: str) -> list[list[tuple[int, int, bool]]]:
    """Runs of (start, end, capitalised) words that could hold a name: each starts with a
    capitalised word, goes on through capitalised words and connectors, spaces between.
    The runs are found by one regex, so lower-case prose costs no Python per word."""
    runs = []
    for run in _RUN.finditer(text):
        if len(run.group(0).split()) == 1:
            # Most runs are one capitalised word (a sentence's first word, a lone name): the word is the run.
            runs.append([(run.start(), run.end(), True)])
            continue
        words = [(m.start(), m.end(), m.group(0)[0].isupper()) for m in _WORD.finditer(text, run.start(), run.end())]
        while words and not words[-1][2]:
            words.pop()  # a run ends on a capitalised word, not on "dan"
        runs.append(words)
    return runs
