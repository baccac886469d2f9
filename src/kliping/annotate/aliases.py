"""Names → one canonical name per entity, across spellings and languages.

Sources: ``resources/aliases.tsv`` (short forms and spellings: Korut, AS, PBB, Moscow…) and
CLDR territory names from babel in Indonesian and English (the Indonesian name is canonical,
so "North Korea", "Korea Utara" and "Korut" are one place).
"""

from __future__ import annotations

import re
from functools import cache

from babel import Locale

from kliping import resources

_SPACE = re.compile(r"[\s\-‐–]+")


def key(name: str) -> str:
    """The matching key of a name: case, hyphens and spacing do not matter."""
    return _SPACE.sub(" ", name.replace("’", "'")).strip(" .,").casefold()


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


def label_of(name: str) -> str | None:
    found = _table().get(key(name))
    return found[0] if found else None


@cache
def _name_pattern() -> re.Pattern[str]:
    names = set()
    for _label, canonical_name, aliases in resources.rows("aliases.tsv"):
        names.update([canonical_name, *aliases.split("|")])
    for code, name in Locale("id").territories.items():
        if code.isalpha() and len(code) == 2:
            names.add(name)
    # Short all-caps forms (AS, UN, RI) only as written, to keep "as" and "un" out.
    ordered = sorted(names, key=len, reverse=True)
    caps = [n for n in ordered if n.isupper() and len(n) <= 4]
    rest = [n for n in ordered if n not in caps]
    alternatives = "|".join(re.escape(n) for n in caps) + "|(?i:" + "|".join(re.escape(n) for n in rest) + ")"
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


def find_names(text: str) -> list[tuple[int, int, str]]:
    """(start, end, label) of every alias-table or country name written in ``text``."""
    out = []
    for m in _name_pattern().finditer(text):
        if m.group(0)[0].isupper():  # names are capitalised; "amerika" in a URL is not one
            label = label_of(m.group(0))
            if label:
                out.append((m.start(), m.end(), label))
    return out
