"""Role phrases in an article's body: "Presiden Rusia", "Kepala Badan Penanggulangan Bencana
Daerah (BPBD) Cianjur", "Juru bicara Kremlin" — the titles of resources/roles.txt and the
capitalised words of the body they head. annotate/entities.py links them to the people they
introduce and cuts them off the names the recogniser glued them to.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache

from kliping import resources

# Words that may sit between a title and its person or organisation: "Menteri Luar Negeri
# Rusia", "Juru bicara Kremlin", "Kepala Badan Intelijen Negara".
# A bracketed acronym may follow the body's name ("Kepala Badan Penanggulangan Bencana Daerah
# (BPBD) Cianjur").
_ROLE_TAIL = r"(?:\s+(?:[A-Z][\w.'’-]*|\([A-Z][\w.-]*\)|dan|bidang|urusan|untuk|luar|dalam|negeri|bicara|of|the|for))*"


@cache
def _role_heads() -> str:
    """The roles as one alternation, the longest first (so "Wakil Ketua" wins over "Wakil")."""
    return "|".join(re.escape(r) for r in sorted(resources.lines("roles.txt"), key=len, reverse=True))


@cache
def role_pattern() -> re.Pattern[str]:
    return re.compile(rf"\b(?i:{_role_heads()})\b{_ROLE_TAIL}")


@cache
def role_first_words() -> frozenset[str]:
    return frozenset(r.split()[0] for r in resources.lines("roles.txt"))


WORD_START = re.compile(r"\b[A-Za-z]+")
_LETTER_RUN = re.compile(r"[A-Za-z]+")  # (no \b first: the engine skips to letters in C, 25% cheaper a text)


def roles_in(body: str) -> list[re.Match[str]]:
    """Every role phrase in ``body``. Words are checked against the roles' first words before
    the role pattern is tried there: one alternation of a hundred roles tried at every
    character cost more than the rest of entity linking together."""
    return list(_roles_at_words(body, 0, len(body), role_first_words()))


def _roles_at_words(body: str, lo: int, hi: int, opening: frozenset[str]) -> Iterator[re.Match[str]]:
    """role_pattern()'s matches in body[lo:hi], in order and not overlapping, tried only at words (a
    run of ASCII letters) found in ``opening`` (a measured 3.5x cheaper than one compiled scan for them)."""
    pattern = role_pattern()
    pos = lo
    for start in _opening_words(body, lo, hi, opening):
        if start < pos:
            continue
        m = pattern.match(body, start, hi)
        if m:
            yield m
            pos = max(m.end(), m.start() + 1)


def _opening_words(body: str, lo: int, hi: int, opening: frozenset[str]) -> list[int]:
    """Where the words (WORD_START's matches) of body[lo:hi] in ``opening`` start, in order.

    The few opening words the text holds are found first (its words listed and lower-cased in C),
    then only their places, by str.find in the lower-cased text: a Python step per word of a body
    cost 40% more (110 -> 68 µs an article, measured on 2,675 articles)."""
    text = body[lo:hi]
    low = text.lower()
    # Every WORD_START word is a run of _LETTER_RUN's (one after a word boundary): the runs hold them all.
    found = opening.intersection(map(str.lower, _LETTER_RUN.findall(text)))
    if not found:
        return []
    if len(low) != len(text):  # (a letter lower-cased to two, "İ": offsets would shift)
        return [w.start() for w in WORD_START.finditer(body, lo, hi) if w.group(0).lower() in opening]
    starts: list[int] = []
    for word in found:
        n = len(word)
        at = low.find(word)
        while at >= 0:
            # The whole word as WORD_START reads it: ASCII letters ("K", the Kelvin sign, is "k" lower-cased),
            # a word boundary before (the text's, outside the slice too) and no ASCII letter after.
            before = body[lo + at - 1] if lo + at else " "
            after = text[at + n : at + n + 1]
            if (not (before.isalnum() or before == "_") and not (after.isascii() and after.isalpha())
                    and text[at : at + n].isascii()):
                starts.append(lo + at)
            at = low.find(word, at + n)
    return sorted(starts)


def person_after_role(body: str, start: int, end: int) -> int:
    """Where the name begins in a person span that swallowed a title: "Utara Komisaris Besar
    Rina Sari Ginting" → at "Rina". The start is unchanged when no title is inside."""
    cut = start
    # From a little before the span: the model may start a name inside its title
    # ("Menteri Luar [Negeri Retno Marsudi]").
    # (every role's opening letters, so exactly role_pattern().finditer here: the alternation tried
    # at every character cost 50 µs a person span, seconds on a page of names)
    for m in _roles_at_words(body, max(0, start - ROLE_LOOKBACK), end, _role_prefixes()):
        head = _role_head_pattern().match(body, m.start(), m.end())  # offsets into body
        if head and start + 1 <= head.end() < end - 2:
            cut = max(cut, head.end())
    while cut < end and body[cut] == " ":
        cut += 1
    return cut if cut < end else start


@cache
def _role_prefixes() -> frozenset[str]:
    """The letters opening each role's first word ("secretary" of "secretary-general")."""
    return frozenset(_LETTERS.sub("", r.split()[0].lower()) for r in resources.lines("roles.txt"))


_LETTERS = re.compile(r"[^a-z].*$")  # what follows a word's opening letters


@cache
def _role_head_pattern() -> re.Pattern[str]:
    """The roles alone, compiled once (re's own cache hashed the whole alternation per call)."""
    return re.compile(rf"(?i:{_role_heads()})")


ROLE_LOOKBACK = 24  # characters before a person span where its title may begin
@cache
def role_words() -> frozenset[str]:
    return frozenset(w for r in resources.lines("roles.txt") for w in r.split())


@cache
def _role_forms() -> dict[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """A role's words → the words of its other forms: "dirut" → "direktur utama" and back
    (resources/role_abbreviations.tsv)."""
    out: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for abbreviation, full in resources.rows("role_abbreviations.tsv"):
        out.setdefault(tuple(abbreviation.split()), []).append(tuple(full.split()))
        out.setdefault(tuple(full.split()), []).append(tuple(abbreviation.split()))
    return {k: tuple(v) for k, v in out.items()}


def forms_of(role: str) -> tuple[tuple[str, ...], ...]:
    """The words of a role's other forms ("ceo" → ("chief", "executive"))."""
    return _role_forms().get(tuple(role.casefold().split()), ())


MAX_ROLE_FORM_WORDS = 7  # "kepala kepolisian negara republik indonesia"


@lru_cache(maxsize=4096)  # compiled once per role in a process; bounded, so memory stays flat
def other_form(role: str) -> re.Pattern[str] | None:
    """The role written the other way: its opening abbreviation in full or its opening full role
    abbreviated, then its other words in order, up to three capitalised words before each
    ("Dirut IKT" → "Direktur Utama PT IKT", "Kapolres Bogor" → "Kepala Kepolisian Resor Kota Bogor")."""
    words = role.split()
    for n in range(min(len(words), MAX_ROLE_FORM_WORDS), 0, -1):
        others = _role_forms().get(tuple(w.casefold() for w in words[:n]))
        if others:
            heads = "|".join(r"\s+".join(map(re.escape, o)) for o in others)
            tail = "".join(rf"(?:\s+[A-Z][\w.&'’-]*){{0,3}}?\s+{re.escape(w)}" for w in words[n:])
            return re.compile(rf"(?<!\w)(?i:{heads}){tail}(?!\w)")
    return None
