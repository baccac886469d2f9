"""Article body + entity mentions → canonical names completed from what the article itself writes.

News names a person in full once ("Presiden Turki Recep Tayyip Erdogan") and then by one word
("ujar Erdogan"); the recogniser often misses the full form, or glues a word to a name ("Situasi
Lorenzo", "But Vaughan"). So, per article:

* **full names** come from runs of capitalised words, cut at titles, roles, known places,
  acronyms and organisation words, with ordinary words (``common_words.txt``, built from open
  text by ``scripts/build_common_words.py``) kept only inside a sentence; a short name takes the
  fullest such name holding its words, of at most ``MAX_NAME_WORDS`` words;
* **titles** go: "Gov. Kristi Noem" → "Kristi Noem";
* **a glued word** — an ordinary word or function word opening a person mention — is dropped when
  the rest is a name the article writes elsewhere without it.

Nicknames, acronyms and initials the article defines are annotate/short_forms.py's.

Every step is one pass over the body or the mentions (no comparison of every pair).
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from functools import cache, lru_cache

from kliping import resources
from kliping.annotate import aliases
from kliping.annotate.degrees import without_degrees
from kliping.annotate.name_words import (
    given_names,
    is_body_acronym,
    is_brand,
    is_place_head,
    name_heads,
    opens_name,
    title_words,
    word_kind,
)

MAX_NAME_WORDS = 3  # given and family names; initials and particles do not count
# "P.J." is one word of a name, not "P." and "J."; written [A-Z](?:\.[A-Z])+\. rather than the same
# (?:[A-Z]\.){2,}, which the regex engine tries at half the speed at every capital of a text.
# A given name of two syllables joined by a hyphen may write the second in lower case ("Clement Lee
# Hing-nin", "Kim Jong-un", "Lee Jung-jin"): that syllable is part of the word, not where the name
# ends. An Indonesian doubled word ("Anak-anak", "Kupu-kupu") is no such name (_REDOUBLED).
CAP = r"(?:[A-Z](?:\.[A-Z])+\.|[A-Z][\w'’]*(?:-[A-Z][\w'’]*)*(?:-[a-z][\w'’]*)?\.?)"
_REDOUBLED = re.compile(r"(\w+)-\1", re.IGNORECASE)
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
# Two capitalised words or more (one word is never fuller than a name looked up).
_RUN = re.compile(rf"{CAP}(?: +(?:{CAP}|{'|'.join(resources.lines('name_particles.txt'))})(?= ))* +{CAP}")
_WORD = re.compile(r"\S+")
_SENTENCE_OPENS = re.compile(r"[.!?:\"“”]\s*$")
_CONNECTORS = ("and", "of", "for", "on", "&")  # joining a body's name: its last word is checked before _CONNECTED
_CONNECTED = re.compile(rf"[A-Z][\w'’.-]* +(?:{'|'.join(map(re.escape, _CONNECTORS))}) +$")


def _counted(words: list[str]) -> int:
    return sum(map(_weight, words))


@lru_cache(maxsize=65536)
def _weight(word: str) -> int:
    """1 for a word that counts in a name's length; initials, particles and Balinese name prefixes count 0."""
    low = word.casefold()
    return int(len(word.strip(".")) > 1 and low not in resources.words("name_particles.txt")
               and low not in resources.words("name_prefixes.txt"))


def _name_spans(body: str) -> tuple[tuple[str, ...], ...]:
    """The person-name candidates the article writes, each a tuple of words, in text order.

    A run of capitalised words is cut at titles, roles, places and function words; an ordinary
    word stays in only inside a sentence (a capital there marks a name: "kata Putri Tanjung"),
    not as a sentence's or heading's first word ("Situasi Lorenzo"); a word ending in a full
    stop that is not an initial ends the name ("… Hoemardani. Soemitro"). Ordinary words at
    the front go while two words remain ("Creative Media Works Matthew Talbot" → "Matthew
    Talbot"), and names keep at most MAX_NAME_WORDS words."""
    spans: list[tuple[str, ...]] = []
    for run in _RUN.finditer(body):
        before = body[max(0, run.start() - 3) : run.start()]
        # An ordinary word opening a sentence, or going on with a body's name after a connector
        # ("Customs and [Border Protection]", "Center for [Disease Control]"), is no given name.
        sentence_start = not before.strip() or bool(_SENTENCE_OPENS.search(before)) or (
            body[max(0, run.start() - 30) : run.start()].rstrip().rpartition(" ")[2] in _CONNECTORS
            and bool(_CONNECTED.search(body, max(0, run.start() - 30), run.start())))
        current: list[str] = []
        place = 0  # words of a place's or body's name read so far: "Bupati Gunung Kidul Badingah"
        # (the regex only where the words before end as it needs: it tried at each of 40 characters
        # before every run was a tenth of _name_spans, measured)
        if (body[max(0, run.start() - 40) : run.start()].rstrip(" \n").endswith(("of", "for", "the"))
                and _PORTFOLIO_BEFORE.search(body, max(0, run.start() - 40), run.start())
                and _title_word_at(body, run.start())):
            # "Leader of the [Opposition] Ann Roe", "Commissioner of [Police] Ann Roe": the run
            # opens with the role's portfolio, read like a place's name after its head
            place = 1
        words = run.group(0).split()
        skip = 0
        for i, word in enumerate(words):
            if skip:
                skip -= 1
                continue
            opens_role, kind, head, brand, owner, full_stop = _word_facts(word)
            if opens_role and (role := _role_at(words, i)) and i + role < len(words):
                _keep(spans, current)  # "Jaksa Agung ST Burhanuddin": the role's words end a name
                current, place, skip = [], 0, role - 1
                continue
            if head:
                _keep(spans, current)
                current, place = [], 1
                continue
            if place == 1 or (place and kind != "name" and not opens_name(word)):
                # the place's or body's own name: its first word, then any ordinary words, up to a
                # word that opens a person's name ("Pemprov NTB Lalu Ahmad Zainuri")
                place += 1
                continue
            place = 0
            if (kind == "stop" and i == len(words) - 1 and len(current) == 1
                    and current[0].casefold() in given_names() and word.casefold() in title_words()):
                current.append(word)  # "Simon Constable", "Carole King": a title's word as a family name
                continue
            if kind == "stop" or (kind == "soft" and i == 0 and sentence_start) or brand:
                _keep(spans, current)
                current = []
                continue
            current.append(word)
            if i + 1 < len(words) and owner:
                _keep(spans, current)  # "The Post’s Kevin Marsh": the owner is no part of the name after it
                current = []
                continue
            if full_stop:
                _keep(spans, current)
                current = []
        _keep(spans, current)
    # "CEO Wavecell Olivier Gerhardt": a body's name the article also writes alone is no part of
    # the person's name.
    return tuple(tuple(unglued(body, " ".join(span)).split()) if len(span) > 1 else span for span in spans)


_POSSESSIVE = re.compile(r"['’]s?$")
# An English role's connector right before a run: "Leader of the [Opposition Ann Roe]".
_PORTFOLIO_BEFORE = re.compile(r"([A-Za-z]+) +(?:of|for)(?: +the)? +$")


def past_portfolio(body: str, start: int, name: str) -> str:
    """A name written at ``start`` without the role's portfolio opening it, when a title and "of"
    or "for" stand before ("Leader of the [Opposition] Ann Roe" → "Ann Roe"): the portfolio's
    first word, then its ordinary words, while two words stay."""
    words = name.split()
    if len(words) < 3 or not _title_word_at(body, start):
        return name
    words = words[1:]
    while len(words) > 2 and word_kind(words[0]) != "name":
        words = words[1:]
    return " ".join(words)


def _title_word_at(body: str, pos: int) -> bool:
    """Whether the role connector ending at ``pos`` follows a title or role word ("Leader of the")."""
    m = _PORTFOLIO_BEFORE.search(body, max(0, pos - 40), pos)
    return m is not None and m.group(1).casefold() in title_words()


@lru_cache(maxsize=65536)
def _word_facts(word: str) -> tuple[bool, str, bool, bool, bool, bool]:
    """What _name_spans asks of a word, asked once per word (a name is written again and again):
    whether a role of several words may open with it, its kind, whether a place's or body's name
    follows it, whether it is a brand, an owner ("Post’s") or a word ending a name at its full stop."""
    # a doubled word the lower-case hyphen of CAP let in ("Anak-anak") ends a name, as before
    redoubled = "-" in word and word.split("-")[1][:1].islower() and _REDOUBLED.match(word) is not None
    return (
        word.lower() in _roles_by_first(),
        "stop" if redoubled else word_kind(word),
        word.casefold() in name_heads(),
        is_brand(word),
        bool(_POSSESSIVE.search(word)) and word[-1] in "sS",
        word.endswith(".") and len(word.strip(".")) > 1 and not _INITIALS.fullmatch(word),
    )


_OWNER = re.compile(r"^.*['’]s +(?=[A-Z])")  # "NPR’s Emily Tran": an outlet's reporter is the name after it


@lru_cache(maxsize=65536)
def _bare(word: str) -> str:
    """A name word without trailing punctuation or possessive; an initial keeps its dot."""
    if len(word.strip(".")) <= 1 or _INITIALS.fullmatch(word):
        return word
    word = word.rstrip(".,;:")
    return _POSSESSIVE.sub("", word) if ("'" in word or "’" in word) else word


def _keep(spans: list[tuple[str, ...]], words: list[str]) -> None:
    if len(words) < 2:
        return  # see _name_spans: a one-word candidate never wins
    kept = _kept(tuple(words))
    if kept:
        spans.append(kept)


@lru_cache(maxsize=65536)  # an article writes its names again and again: a tenth of _name_spans (measured)
def _kept(words: tuple[str, ...]) -> tuple[str, ...] | None:
    """A run's words as a name candidate (see _name_spans), or None when fewer than two are left."""
    name = without_degrees([_bare(w) for w in words])
    # (a word that opens a name, "Lalu Muhammad Iqbal", is no ordinary word glued before it)
    while len(name) > 2 and word_kind(name[0]) == "soft" and not opens_name(name[0]):
        name = name[1:]
    name = _within_length(name)
    return tuple(name) if len(name) > 1 else None


def _within_length(words: list[str]) -> list[str]:
    """A name of at most MAX_NAME_WORDS words. Longer runs are a body's name and then its
    person ("Sigap Prima Astrea Agus Pramono", after "Direktur PT"): the person is the last two
    words; and a name does not open with a particle."""
    if _counted(words) > MAX_NAME_WORDS:
        kept: list[str] = []
        for w in reversed(words):
            kept.insert(0, w)
            if _counted(kept) == 2:
                break
        words = kept
    # a lower-case particle left at the front ("van Gogh") is cut; a capitalised one opens the name
    # as written ("Ni Luh Ayu Kartini", "De Gea")
    while words and words[0] in resources.words("name_particles.txt"):
        words = words[1:]
    return words


@lru_cache(maxsize=65536)  # one article names the same people again and again; the result is pure
def person_name(text: str) -> str:
    """A person's name as written, made canonical in form: no possessive, titles, roles or
    organisation words before it, at most MAX_NAME_WORDS words."""
    bare = " ".join(without_degrees(_POSSESSIVE.sub("", _OWNER.sub("", text)).split()))
    stripped = strip_titles(bare)
    words = stripped.split()
    ranked = after_rank(bare, len(bare) - len(stripped))
    if len(words) == MAX_NAME_WORDS + 1 and ranked and all(word_kind(w) != "stop" for w in words):
        return stripped  # "Kombes Ade Ary Syam Indradi": after a rank, four words are one person's name
    return _tidy(stripped)


def after_rank(text: str, pos: int) -> bool:
    """Whether the word right before ``pos`` is a police or military rank ("Kombes", "Letkol Inf")."""
    before = text[max(0, pos - 20) : pos].split()
    return bool(before) and before[-1].strip(".,").casefold() in resources.words("ranks.txt")


def _tidy(name: str) -> str:
    """A recognised person name cut as the article's own names are: at a word that is never part
    of a name ("CNN Indonesia - - Presiden Turki Recep Tayyip Erdogan"), to MAX_NAME_WORDS."""
    words = name.split()
    cut = max((i + 1 for i, w in enumerate(words[:-1]) if word_kind(w) == "stop"), default=0)
    return " ".join(_within_length(words[cut:])) or name


@dataclass
class _Index:
    """An article's name candidates, looked up by word: each lookup touches only the
    candidates holding the name's last word, and is made once per name."""

    spans: tuple[tuple[str, ...], ...]
    keys: list[list[str]] = field(default_factory=list)
    counted: list[int] = field(default_factory=list)
    by_word: dict[str, list[int]] = field(default_factory=dict)
    memo: dict[str, str | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for i, span in enumerate(self.spans):
            keys = [aliases.key(w) for w in span]
            self.keys.append(keys)
            self.counted.append(_counted(list(span)))
            for k in set(keys):
                self.by_word.setdefault(k, []).append(i)


@lru_cache(maxsize=16)
def name_index(body: str) -> _Index:
    return _Index(_name_spans(body))


def name_candidates(body: str) -> list[str]:
    """The names of two words or more the article writes (see _name_spans), each once."""
    return list(dict.fromkeys(" ".join(span) for span in name_index(body).spans))


def full_name(body: str, name: str) -> str | None:
    """The fullest name the article writes that holds every word of ``name`` in order ("Erdogan"
    → "Recep Tayyip Erdogan", "Martin" → "Martin Chandrawinata"), or None."""
    index = name_index(body)
    if name in index.memo:
        return index.memo[name]
    words = strip_titles(name).split()
    keys = [aliases.key(w) for w in words]
    best = -1
    for i in index.by_word.get(keys[-1], []) if keys else []:
        if (best < 0 or index.counted[i] > index.counted[best]) and _inside(keys, index.keys[i]):
            best = i
    found = " ".join(index.spans[best]) if best >= 0 and index.counted[best] > _counted(words) else None
    index.memo[name] = found
    return found


_TICKET = re.compile(r"([A-Z][\w'’.]*(?: [A-Z][\w'’.]*)*) ?[-–] ?([A-Z][\w'’.]*(?: [A-Z][\w'’.]*)*)")


def unglued(body: str, name: str) -> str:
    """A name without the body's name glued before it: "CEO Wavecell Olivier Gerhardt" gives
    "Wavecell Olivier Gerhardt"; the article writes "Wavecell" on its own before that, so the
    person is "Olivier Gerhardt". Two words always stay. A running ticket ("Anies - Sandi") whose
    two names the article also writes alone is its first name."""
    if " " not in name:
        return name  # one word: nothing to cut (the searches below are plain str.find, no regex)
    # Remembered per article (and thread): a name written thousands of times is read once, not
    # once per mention (an 800 KB page naming three people: 25 s here before).
    memo = _UNGLUED.__dict__
    if memo.get("body") is not body:
        memo["body"], memo["names"] = body, {}
    names: dict[str, str] = memo["names"]
    if name not in names:
        names[name] = _unglued(body, name)
    return names[name]


_UNGLUED = threading.local()


def _unglued(body: str, name: str) -> str:
    ticket = _TICKET.fullmatch(name)
    if ticket and all(_alone_at(body.replace(name, " "), part, ticket=True) for part in (ticket[1], ticket[2])):
        name = ticket[1]  # "Anies - Sandi" (a running ticket, each named alone too): the first speaks
    words = name.split()
    while len(words) > 1 and _place_of_the_article(body, words[0], words[1]):
        words = words[1:]  # "Ketua DPRD Sukabar Budi" after "Kabupaten Sukabar": the place, then the person
    if len(words) > 1 and _after_place_title(body, name) and _alone_at(body, words[-1], not_after=words[-2]) and (
            not _alone_at(body, words[0], not_before=words[1])):
        # "Bupati Sukabar Budi … kata Budi", Sukabar never alone: the office's place, then the person
        words = words[1:]
    while len(words) > 2:
        # Written alone before the name's first use: a body introduced earlier ("Wavecell …
        # CEO Wavecell Olivier Gerhardt"); a person's given name alone comes after their full
        # name ("Gatot S. Dewa Broto … kata Gatot"), never before it.
        first = body.find(" ".join(words))
        alone = _alone_at(body, words[0], not_before=words[1])
        if alone and _after_honorific(body, alone[0]):
            break  # "Koh Herry … Herry Santoso Wibowo": a given name after an honorific is the person's
        if first > 0 and alone and alone[0] < first:
            words = words[1:]
            continue
        # Or both ends written alone, the person called by the family name ("Ducati … kata
        # Ciabatti", after "Direktur Olahraga Ducati Paolo Ciabatti"): the first word is a body.
        if len(alone) < 2 or not _alone_at(body, words[-1], not_after=words[-2]):
            break
        words = words[1:]
    return " ".join(words)


_WORD_BEFORE = re.compile(r"([\w.-]+)\)? $")  # the word right before, on the same line ("(DPRD) Sukabar")


def _place_of_the_article(body: str, word: str, not_before: str) -> bool:
    """Whether the article writes ``word`` right after a place's or body's head ("Kabupaten Sukabar",
    "DPRD Sukabar", "APBD Sukabar"), not before ``not_before`` there, and that head not itself after a
    title ("Ketua KPK Budi" names a person after a body): the word is a place's name, glued before the
    person named after it ("Ketua DPRD Sukabar Budi"): a regency's short name, as Indonesian
    regional news writes it between a role and its holder (real-page dev: 5 quotations, none lost)."""
    i, read = body.find(word), 0
    while i >= 0 and read < MAX_OCCURRENCES_READ:
        read += 1
        end = i + len(word)
        whole = not body[i - 1 : i].isalnum() and not body[end : end + 1].isalnum()
        if whole and not body.startswith(not_before, end + 1):
            prev = _WORD_BEFORE.search(body, max(0, i - 40), i)
            head = prev.group(1).strip(".").casefold() if prev is not None else ""
            # title_words() holds the ranks too ("AKP Budi" names a person)
            # A body's head names a body only capitalised: "perusahaan Lukas" or "kantor Budi" is
            # the person's company or office, "Perusahaan Daerah Sukabar" a body; a place's head
            # names a place either way ("kabupaten Sukabar").
            if prev is not None and head not in title_words() and (
                    is_place_head(head) or (head in name_heads() and prev.group(1)[:1].isupper())
                    or is_body_acronym(prev.group(1))):
                earlier = _WORD_BEFORE.search(body, max(0, prev.start() - 40), prev.start())
                if earlier is None or earlier.group(1).strip(".").casefold() not in title_words():
                    return True
        i = body.find(word, end)
    return False


def _after_place_title(body: str, name: str) -> bool:
    """Whether the word right before the name's first use is the title of an office over a place."""
    first = body.find(name)
    before = body[max(0, first - 20) : first].split() if first > 0 else []
    return bool(before) and before[-1].casefold() in resources.words("place_titles.txt")


def _after_honorific(body: str, pos: int) -> bool:
    """Whether the word before ``pos`` is a title or honorific (titles.txt: "Koh", "Cak", "Kang")."""
    before = body[max(0, pos - 20) : pos].split()
    return bool(before) and before[-1].strip(".,\"“”‘’(").casefold() in resources.words("titles.txt")


MAX_OCCURRENCES_READ = 1_000


def _alone_at(body: str, word: str, not_before: str = "", not_after: str = "", ticket: bool = False) -> list[int]:
    """Where ``word`` is written as a whole word, not followed by ``not_before`` nor preceded by
    ``not_after``; with ``ticket``, not joined to another name by a dash or followed by a
    capitalised word either. The first two such places (callers ask whether there is one, where the
    first is, and whether there are two), looked for among the first MAX_OCCURRENCES_READ: a text
    naming one person ten thousand times must not cost ten thousand steps per name word."""
    found: list[int] = []
    i, read = body.find(word), 0
    while i >= 0 and len(found) < 2 and read < MAX_OCCURRENCES_READ:
        read += 1
        end = i + len(word)
        before, after = body[max(0, i - 2) : i], body[end : end + 2]
        # Bounded work per occurrence (no copy of the rest of the body): the next non-space
        # character after the word, the last one before it.
        nxt, prev = end, i
        while nxt < len(body) and body[nxt].isspace():
            nxt += 1
        while prev > 0 and body[prev - 1].isspace():
            prev -= 1
        ok = (not before[-1:].isalnum() and before[-1:] not in ("-", "_") and after[:1] not in ("-", "_")
              and not after[:1].isalnum() and after[:1] not in ("'", "’")
              and not (not_before and body.startswith(not_before, nxt))
              and not (not_after and body.endswith(not_after, 0, prev)))
        if ok and ticket:
            next_capital = after[:1] == " " and after[1:2].isupper()
            ok = before not in ("- ", "– ") and body[nxt : nxt + 1] not in ("-", "–") and not next_capital
        if ok:
            found.append(i)
        i = body.find(word, end)
    return found


def strip_titles(name: str) -> str:
    """A person's name without the titles, roles and known places written before it ("Gov.
    Kristi Noem" → "Kristi Noem"); a name of titles only is kept."""
    words = name.split()
    i = 0
    while i < len(words) - 1:
        role = _role_at(words, i)
        if role and i + role < len(words):
            i += role  # a role of several words, one of them a name too: "Jaksa Agung ST Burhanuddin"
        elif word_kind(words[i]) == "stop" or is_brand(words[i]):
            i += 1  # titles, roles, known places, brands: "Gubernur Jawa Barat Ani Sutrisno", "KontraS Fatia …"
        elif i and words[i].casefold() in name_heads() and i < len(words) - 2:
            # "Bupati Gunung Kidul Badingah": a place head and the words of its place's name
            i += 2
            while i < len(words) - 1 and word_kind(words[i]) != "name":
                i += 1
        elif i and word_kind(words[i]) == "soft" and i < len(words) - 2:
            i += 1  # "Walikota Jakarta Utara Husein Murad": an ordinary word of the place, not the name
        else:
            break
    return " ".join(words[i:]) if i else name


@cache
def _roles_by_first() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Roles of several words (roles.txt) by their first word, longest first."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for role in resources.lines("roles.txt"):
        words = tuple(role.casefold().split())
        if len(words) > 1:
            out.setdefault(words[0], []).append(words)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


def _role_at(words: list[str], i: int) -> int:
    """How many words of ``words`` from ``i`` a role of several words covers (0 if none)."""
    for role in _roles_by_first().get(words[i].casefold(), ()):
        if tuple(w.casefold().strip(".,") for w in words[i : i + len(role)]) == role:
            return len(role)
    return 0


def _inside(short: list[str], full: list[str]) -> bool:
    """Whether the keys ``short`` stand in ``full`` in the same order, as whole words."""
    i = 0
    for k in short:
        while i < len(full) and full[i] != k:
            i += 1
        if i == len(full):
            return False
        i += 1
    return True


