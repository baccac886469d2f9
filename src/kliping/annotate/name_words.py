"""What kind of word a capitalised word is to a person's name: a name word ("Budi"), an ordinary
word that may be one inside a sentence ("Putri", "Bangun"), or a word that never is — a title, a
role, a rank, an organisation's or place's head, a known place or body, an acronym, a brand, a
calendar word. annotate/naming.py builds and cuts names with it.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from kliping import resources
from kliping.annotate import aliases
from kliping.timestamps import month_names, weekday_names


@cache
def given_names() -> dict[str, str]:
    """English given names → the sex the census gives them (f, m or fm): resources/given_names.tsv."""
    return {name: sex for name, sex in resources.rows("given_names.tsv")}


@cache
def title_words() -> frozenset[str]:
    """Lower-cased words that open a name as a title or role, never as its part."""
    words = set(_person_titles())
    for role in resources.lines("roles.txt"):
        words.update(role.split())
    # A role's abbreviation is a role too ("Menkes Budi", "Kadinkes Sari"): news writes it before a
    # name as it writes the role in full, so it never opens the person's name.
    for abbreviation, _full in resources.rows("role_abbreviations.tsv"):
        words.update(abbreviation.split())
    return frozenset(words - resources.words("name_words.txt"))


@cache
def _hard_stops() -> frozenset[str]:
    """Words that end a name wherever they stand: titles, roles, organisation heads, function
    words and calendar words ("Senin", "Maret"; short forms like "Min" or "Jan" are names too)."""
    words = set(title_words()) | set(resources.lines("stopwords.txt")) | set(resources.lines("ner_org_cues.txt"))
    words.update(calendar_words())
    # a passive speech verb opening a sentence before its agent: "Ditambahkan Budi, …" names Budi
    words.update(row[1] for row in resources.rows("quote_frames.tsv")
                 if len(row) > 2 and "passive" in row[2].split(",") and " " not in row[1])
    return frozenset(words - resources.words("name_words.txt"))  # "Lalu" of "Lalu Muhammad Iqbal"


@cache
def calendar_words() -> frozenset[str]:
    """Lower-cased month and weekday names of four letters or more ("Monday", "Senin", "March")."""
    return frozenset(w.casefold() for w in [*month_names(), *weekday_names()] if len(w) > 3)


# Indonesian institution words: ke-…-an and pe(r/m/n)-…-an nouns ("Kebudayaan", "Pertahanan",
# "Pendidikan") head ministries and agencies; no given or family name has that shape.
_INSTITUTION_WORD = re.compile(r"(?:Ke|Pe[rmn]?)[a-z]{3,}an|Kemen[a-z]{2,}")  # and "Kemendikbudristek", "Kemenpora"


# A word with a capital inside ("KontraS", "YouTube") names a body or brand, never a person: a
# person's name may only open that way ("McDonald", "DiCaprio", "LeBron").
_BRAND = re.compile(r"[A-Z][a-z]+[A-Z][A-Za-z]*")
_NAME_PREFIXES = ("Mc", "Mac", "De", "Di", "Le", "La", "Du", "Da", "Van", "Von", "Del", "Al", "El", "O")


def opens_name(word: str) -> bool:
    """Whether an ordinary word is one that opens a person's name ("Lalu", "Cut", "Gede": see
    resources/name_words.txt), kept at a name's front inside a sentence."""
    return word.strip(".,;:").casefold() in resources.words("name_words.txt")


@lru_cache(maxsize=65536)  # asked of every word of every capitalised run
def is_brand(word: str) -> bool:
    return bool(_BRAND.fullmatch(word)) and not word.startswith(_NAME_PREFIXES)


@lru_cache(maxsize=65536)
def word_kind(word: str) -> str:
    """"name", "soft" (an ordinary word: part of a name only in the middle of a sentence), or
    "stop" (never part of a name)."""
    bare = word.strip(".,;:'’")
    low = bare.casefold()
    if not bare:
        return "stop"
    initial = len(bare) == 1 or (len(bare) <= 3 and bare.isupper() and word.endswith("."))
    if initial or low in resources.words("name_particles.txt"):
        return "name"  # a particle or an initial: "bin", "S.", "J."
    if low in _hard_stops() or _INSTITUTION_WORD.fullmatch(bare) or aliases.label_of(bare) in ("PLACE", "ORG"):
        return "stop"
    if not bare[0].isalpha() or (len(bare) > 2 and bare.isupper()):
        return "stop"  # "- -" of a dateline, an acronym ("HRC", "CNN"): not a person's name
    if any(is_body_acronym(part) for part in bare.split("-")):
        return "stop"  # a regional body's acronym ("Dinkes", "Satpol-PP", "Damkar"): "Satpol-PP Kotamobagu" is a body
    return "soft" if low in resources.words("common_words.txt") else "name"


def is_institution(text: str) -> bool:
    """Whether a capitalised run names a body or place acting as one, not a person: it opens with
    an organisation or place head ("Kementerian Luar Negeri", "PT Pertamina (Persero)", "Kota
    Palembang") and holds no title word that would introduce a person after it."""
    words = [w.strip("().,").casefold() for w in text.split()]
    if len(words) < 2 or words[0] not in _institution_heads():
        return False
    return not any(w in _person_titles() for w in words)


def is_acronym_body(text: str) -> bool:
    """Whether a capitalised run is a body's acronym and words that are never a person's name
    ("BPJS Kesehatan", "BPJS Ketenagakerjaan"): a body named after its acronym, not a person after
    a title."""
    words = text.split()
    return len(words) > 1 and len(words[0]) > 2 and words[0].isupper() and all(word_kind(w) == "stop" for w in words)


MIN_ACRONYM_LETTERS = 3  # "TMZ", "BRIN"; two capitals are mostly countries and initials ("AS", "RI", "SW")


def is_body_acronym(word: str) -> bool:
    """Whether one word is a body's acronym: written in capitals ("TMZ", "BRIN") or of an Indonesian
    body's syllable shape (resources/body_acronyms.txt: "Kemendag", "Dinkes", "Polres")."""
    if len(word) >= MIN_ACRONYM_LETTERS and word.isalpha() and word.isupper():
        return True
    folded = word.casefold()
    whole, openings = _body_acronyms()
    return word[:1].isupper() and (folded in whole or any(
        folded.startswith(o) and len(folded) > len(o) + 1 for o in openings))


@cache
def _body_acronyms() -> tuple[frozenset[str], tuple[str, ...]]:
    lines = resources.lines("body_acronyms.txt")
    return frozenset(w for w in lines if not w.endswith("-")), tuple(w[:-1] for w in lines if w.endswith("-"))


def is_institution_head(word: str) -> bool:
    """Whether a word heads a body's or place's name ("Kementerian", "Ministry", "Office")."""
    return word.strip(".,").casefold() in _institution_heads()


def is_body_head(word: str) -> bool:
    """Whether a word heads a body's or place's name in either language: the heads above and the
    English ones (resources/english_heads.txt: "Airlines", "Center", "Chronicle"), which the
    entity model does not read."""
    return is_institution_head(word) or word.strip(".,").removesuffix("'s").removesuffix("’s").casefold() in (
        resources.words("english_heads.txt"))


@cache
def _institution_heads() -> frozenset[str]:
    # "di", "dari", "ke" lead into places, they do not name them
    return resources.words("ner_org_cues.txt") - resources.words("stopwords.txt") | _place_heads()


@cache
def _person_titles() -> frozenset[str]:
    return resources.words("titles.txt") | resources.words("ranks.txt") | resources.words("ner_person_cues.txt")


def is_role(text: str) -> bool:
    """Whether a mention is a role with no person's name in it: "Bupati", "Kepala Badan X",
    "Menteri Luar Negeri Israel" — a title first, then only titles, bodies and places."""
    words = text.split()
    return bool(words) and words[0].casefold().strip(".,") in title_words() and all(
        word_kind(w) != "name" for w in words[1:]) and addressed_name(text) is None


def addressed_name(text: str) -> str | None:
    """The name after a form of address ("Mr Tunai" → "Tunai", "Ms. Jane Long" → "Jane Long";
    resources/honorifics.txt), or None: a family name that is also a common word ("Mr Long",
    "Mr Tunai") is still a person's name, not a role's place or body."""
    words = text.split()
    if not 1 < len(words) <= 4 or words[0].casefold().rstrip(".") not in resources.words("honorifics.txt"):
        return None
    rest = words[1:]
    if not all(w[:1].isupper() and w.casefold().strip(".,") not in title_words() for w in rest):
        return None
    return " ".join(rest)


def name_heads() -> frozenset[str]:
    """Words after which the next word names a place or body ("Gunung Kidul", "Badan Geologi")."""
    return _name_heads()


def is_name_like(word: str) -> bool:
    """Whether a capitalised word can open a name: not a title, role, function word or ordinary
    word ("The", "Pihak", "Laman")."""
    return word_kind(word) == "name"


def is_function_word(text: str) -> bool:
    """Whether a mention is a pronoun or function word the recogniser took for a name."""
    return text.casefold() in _function_words()


@cache
def _function_words() -> frozenset[str]:
    return resources.words("stopwords.txt") | {row[1] for row in resources.rows("pronouns.tsv")}


def is_name_word(word: str) -> bool:
    return word_kind(word) == "name"


def is_full_name(text: str) -> bool:
    """A given and a family name, every word a name word ("Malcolm Turner"): a person, whatever
    the recogniser labelled it."""
    words = text.split()
    return len(words) > 1 and all(map(is_name_word, words))


def holds_name_word(name: str) -> bool:
    """Whether a mention holds a word only names have: "he" and "ia" stand for people, not for a
    "High School" or "Pennsylvania" the recogniser took for one."""
    return any(map(is_name_word, name.split()))


@cache
def _name_heads() -> frozenset[str]:
    """Words after which the next word names a place or body: "Gunung Kidul", "Badan Geologi"."""
    return _place_heads() | resources.words("name_heads.txt")


@cache
def _place_heads() -> frozenset[str]:
    return resources.words("ner_place_cues.txt") - resources.words("stopwords.txt")


def is_place_head(word: str) -> bool:
    """Whether a word opens a place's name, its head: "Kabupaten", "Desa", "Gunung"."""
    return word.casefold() in _place_heads()


def person_after_place(text: str) -> str | None:
    """The person's name closing a place's span that swallowed it, the way Indonesian writes an
    office's unit before its holder ("Kepala Dinas Perikanan [Kabupaten Sukaraja Darmanto]"):
    the name words after the place (a place head, then up to the last word the alias table knows as
    a place or body); None when the span is a place only."""
    words = text.split()
    if len(words) < 3 or words[0].casefold() not in _place_heads() or words[0].casefold() in title_words():
        return None
    known = [i for i, w in enumerate(words) if i and aliases.label_of(w) in ("PLACE", "ORG")]
    if not known or known[-1] + 1 >= len(words):
        return None
    tail = words[known[-1] + 1 :]
    return " ".join(tail) if all(word_kind(w) == "name" and w[:1].isupper() for w in tail) else None


_DEMONYM_ENDINGS = ("n", "an", "ian", "ean", "ese", "i", "ish")


@lru_cache(maxsize=4096)
def is_demonym(word: str) -> bool:
    """Whether a capitalised word is a country's adjective ("Russian", "Ukrainian", "Chinese",
    "Pakistani"): a country's name (``ner_countries.txt``, CLDR), or all of it but its last one or two
    letters, then a demonym's ending. Of a place, not a name or a body ("a senior Russian official")."""
    if not word[:1].isupper() or not word.isalpha():
        return False
    stems = _country_stems()
    return word not in resources.words("ner_countries.txt") and any(
        word.endswith(end) and word[: len(word) - len(end)] in stems for end in _DEMONYM_ENDINGS)


@cache
def _country_stems() -> frozenset[str]:
    out: set[str] = set()
    for name in resources.lines("ner_countries.txt"):
        if name.isalpha() and len(name) >= 4:
            out.update({name, name[:-1], name[:-2]} if len(name) >= 6 else {name, name[:-1]})
    return frozenset(out)
