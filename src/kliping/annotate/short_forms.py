"""Article body + entity mentions → mentions of the short forms the article defines: nicknames
("Djadjang Nurdjaman … Djanur, begitu ia akrab disapa", "pria yang akrab disapa Emil"), acronyms
("Komisi Pemberantasan Korupsi (KPK)") and initials ("terang RD" after "Rahmad Darmawan"); every
use of the short form becomes a mention of the full name.
"""

from __future__ import annotations

import re
from functools import cache

from kliping import resources
from kliping.annotate import aliases
from kliping.annotate.name_words import is_name_word, title_words, word_kind
from kliping.annotate.naming import CAP, full_name, name_index, strip_titles
from kliping.annotate.span_index import SpanIndex
from kliping.model import Entity

MAX_SHORT_FORMS = 60  # nicknames and acronyms looked for per article: a hostile page may define thousands
NICKNAME_REACH = 400  # characters back from "akrab disapa X" to the person it names
_PAREN = re.compile(r"\(\s*([A-Z][\w&.-]{1,14}(?:\s*-\s*[A-Z]{1,4})?)\s*\)")
_QUOTE_MARKS = "\"“”"


@cache
def _nickname_cue() -> re.Pattern[str]:
    cues = "|".join(re.escape(c) for c in sorted(resources.lines("nickname_cues.txt"), key=len, reverse=True))
    # A title in lower case may stand between the cue and the nickname ("akrab disapa chef Nando",
    # "biasa dipanggil pak Harto"): the nickname is the name after it.
    return re.compile(rf"\b(?:{cues})\s+(?:(?P<title>[a-z][\w.]*)\s+)?(?P<nick>{CAP}(?: {CAP}){{0,2}})")


@cache
def _nickname_probes() -> tuple[str, ...]:
    """Phrases without which no nickname cue matches: the cues themselves (the cue before the
    nickname, "disapa" / "dipanggil" after it, are among them)."""
    return resources.lines("nickname_cues.txt")


def defined_short_forms(body: str, mentions: list[Entity]) -> list[Entity]:
    """Mentions of the nicknames and acronyms the article defines, with the full name."""
    defined: dict[str, tuple[str, str]] = {}  # short form → (label, full name); the first definition holds
    _bracketed(body, mentions, defined)
    people = [m for m in mentions if m.label == "PERSON"]
    _nicknames(body, people, defined)
    _initials_of_people(body, people, defined)
    _acronyms_of_bodies(body, mentions, defined)
    return _uses(body, mentions, defined) if defined else []


def _bracketed(body: str, mentions: list[Entity], defined: dict[str, tuple[str, str]]) -> None:
    """Short forms in brackets after the name they abbreviate: "Komisi Pemberantasan Korupsi
    (KPK)", "Rahmad Darmawan (RD)"."""
    by_end = {m.end: m for m in mentions}
    full: str | None
    for paren in _PAREN.finditer(body) if "(" in body else ():
        short, end = paren.group(1), paren.start()
        while end > 0 and body[end - 1].isspace():
            end -= 1
        named = by_end.get(end)
        if named is not None and abbreviates(short, named.canonical):
            label, full = named.label, named.canonical
        else:
            # No mention ends there, or the one that does is only the name's tail (the model took
            # "Kendeng" of "Jaringan Masyarakat Peduli Pegunungan Kendeng (JMPPK)"): the whole
            # capitalised run before the bracket.
            window = body[max(0, end - 60) : end].split()
            last = window[-1] if window else ""
            person = full_name(body, last) if last and is_name_word(last) and named is None else None
            label, full = ("PERSON", person) if person else ("ORG", _org_before(body, end))
        if full and label == "ORG" and (abbreviates(short, full) or _syllables_of(short, full)):
            tail = _name_goes_on(body, paren.end(), short, full)
            if tail:
                # "Kepolisian Daerah (Polda) Metro Jaya": the short form names the kind of body, the
                # words after the bracket which one; the article then writes "Polda Metro Jaya", or
                # only its first words ("Polda Metro"), for the whole name. Longest form first.
                whole, words = f"{full} {' '.join(tail)}", [short, *tail]
                for k in range(len(words), 0, -1):
                    defined.setdefault(" ".join(words[:k]), (label, whole))
                continue
        if full and abbreviates(short, full):
            defined.setdefault(short, (label, full))


MAX_TAIL_WORDS = 3  # "Metro Jaya", "Universitas Gadjah Mada": a place's or a body's name after the bracket
_TAIL = re.compile(rf" +({CAP}(?: +{CAP})*)")


def _name_goes_on(body: str, pos: int, short: str, full: str) -> list[str]:
    """The capitalised words right after a body's bracketed short form that go on with its name
    ("(Polda) Metro Jaya", "(PN) Jakarta Selatan", "(Fapet) Universitas Gadjah Mada"), or none.
    They open with a place (not a country: it says whose body it is), a body or an ordinary word,
    never with a person's name or title ("Komisi Pemberantasan Korupsi (KPK) Agus Rahardjo": the
    person who speaks for the body); an acronym in capitals goes on only with a place or a body
    (its next word is most often a name)."""
    if full.split()[0].casefold() in title_words():
        return []  # "Kepala Kepolisian Resor (Kapolres) Bogor": a role, not a body
    m = _TAIL.match(body, pos, min(len(body), pos + 80))
    if m is None:
        return []
    tail: list[str] = []
    for word in m.group(1).split()[:MAX_TAIL_WORDS]:
        bare = word.rstrip(".,;:")
        if bare.casefold() in title_words() or bare.casefold() in resources.words("ranks.txt"):
            break
        tail.append(bare)
        if bare != word:
            break  # a comma or full stop ends the name
    if not tail or aliases.is_country(" ".join(tail)):
        return []  # "Kementerian Luar Negeri (Kemlu) RI": the country says whose body, it is no part of the name
    kind = word_kind(tail[0])
    return tail if kind == "stop" or (kind == "soft" and not short.isupper()) else []


def _syllables_of(short: str, full: str) -> bool:
    """Whether a body's short form is a syllable acronym taken from inside its name's first word
    ("Polda" ← "Kepolisian Daerah", "Polres" ← "Kepolisian Resor"): its first three letters stand
    together in that word, the rest in order after them."""
    first = full.split()[0].casefold()
    i = first.find(short[:3].casefold()) if len(short) > 3 and not short.isupper() else -1
    return i > 0 and abbreviates(short, full[i:])


def _nicknames(body: str, people: list[Entity], defined: dict[str, tuple[str, str]]) -> None:
    """Nicknames the article gives a person: "pria yang akrab disapa Emil", "Djanur, begitu ia
    akrab disapa", "Mbah Rono — sapaan Surono —", 'Bambang "Bento" Riyadi'."""
    # The cue patterns are tried only where a cue's last word is written at all (most articles
    # define no nickname; str.find is far cheaper than a regex tried at every word).
    lowered = body.lower()
    if any(cue in lowered for cue in _nickname_probes()):
        for cue in _nickname_cue().finditer(body):
            nicked = _NAMED_BEFORE_SAPAAN.search(body, max(0, cue.start() - 60), cue.start() + len("sapaan"))
            if nicked is not None and nicked.end() == cue.start():
                # "Mbah Rono — sapaan Surono —", "Emil, sapaan akrab Ridwan Kamil": the nickname
                # stands before the cue, the person's name after it.
                full = full_name(body, cue["nick"]) or cue["nick"]
                for nick in {nicked["nick"], strip_titles(nicked["nick"])}:  # "Mbah Rono", "Rono"
                    defined.setdefault(nick, ("PERSON", full))
                continue
            if cue["title"] and cue["title"].casefold() not in title_words():
                continue
            nicknamed = _nicknamed(body, people, cue["nick"], cue.start())
            if nicknamed:
                defined.setdefault(cue["nick"], ("PERSON", nicknamed))
                # "alias Jerinx SID": a stage name and its band's acronym or a word never in a
                # name; the article then writes the stage name alone ("kata Jerinx")
                nick = cue["nick"].split()
                if len(nick) > 1 and all(word_kind(w) == "stop" for w in nick[1:]):
                    defined.setdefault(nick[0], ("PERSON", nicknamed))
        # (only where its own cue words are written: "aka" of the probes is inside "akan" and "kata")
        for cue in _NICK_BEFORE_CUE.finditer(body) if any(w in body for w in _NICK_CUE_WORDS) else ():
            nicknamed = _nicknamed(body, people, cue["nick"], cue.start())
            if nicknamed:
                defined.setdefault(cue["nick"], ("PERSON", nicknamed))
    # (the pattern tried at every capital costs twice the search for a quotation mark opening a capitalised word)
    quoting = ('"' in body or "“" in body or "'" in body) and _QUOTE_THEN_CAPITAL.search(body)
    for quoted in _QUOTED_NICK.finditer(body) if quoting else ():
        defined.setdefault(quoted["nick"], ("PERSON", f"{quoted['given']} {quoted['family']}"))


def _uses(body: str, mentions: list[Entity], defined: dict[str, tuple[str, str]]) -> list[Entity]:
    """Every use of a defined short form as a mention of the full name: a mention already there
    is relabelled in place, a use no mention covers is added (and returned)."""
    added: list[Entity] = []
    added_at: set[int] = set()
    taken = SpanIndex(sorted((m.start, m.end) for m in mentions))  # bisection, not a scan per use
    at = {(m.start, m.end): m for m in mentions}
    # A mention of the short form with a title before it ("Chef Nando", "Pak Harto") is the
    # short form too: the recogniser took the title into the name.
    titled: dict[str, list[Entity]] = {}
    nicknames = {short for short, (label, _) in defined.items() if label == "PERSON" and " " not in short}
    for m in mentions if nicknames else ():
        if " " in m.text and m.text.rsplit(" ", 1)[-1] in nicknames:
            titled.setdefault(strip_titles(m.text), []).append(m)
    for short, (label, full) in list(defined.items())[:MAX_SHORT_FORMS]:
        for m in titled.get(short, []) if label == "PERSON" else ():
            if m.text != short:
                m.canonical, m.label = full, label
        # str.find per short form: a regex of this article's forms would be compiled per article.
        for start in _whole_word_positions(body, short):
            end = start + len(short)
            same = at.get((start, end))
            if same is not None:
                same.canonical, same.label = full, label
            elif not taken.any_touching(start, end) and start not in added_at:
                # (a shorter form at the start of a longer one added already, "Polda Metro" in
                # "Polda Metro Jaya", is that one: the longer forms come first)
                added.append(Entity(short, start, end, label, full))
                added_at.add(start)
    return added


def _whole_word_positions(body: str, word: str) -> list[int]:
    out = []
    i = body.find(word)
    while i >= 0:
        before = body[i - 1] if i else " "
        after = body[i + len(word)] if i + len(word) < len(body) else " "
        if not (before.isalnum() or before in "_-") and not (after.isalnum() or after in "_-"):
            out.append(i)
        i = body.find(word, i + 1)
    return out


def _initials_of_people(body: str, people: list[Entity], defined: dict[str, tuple[str, str]]) -> None:
    """Initials that stand for one person the article names in full ("terang RD" after "Rahmad
    Darmawan"; "SBY"): when exactly one full name has them and no table knows them otherwise."""
    by_initials: dict[str, set[str]] = {}
    for name in {m.canonical for m in people}:
        words = [w for w in name.split() if w[:1].isupper()]
        if 2 <= len(words) <= 4:
            by_initials.setdefault("".join(w[0] for w in words), set()).add(name)
    for initials, names in by_initials.items():
        # A few candidates per article, each looked up with str.find: cheaper than scanning the
        # text for every capitalised abbreviation.
        if (len(names) == 1 and initials not in defined and aliases.label_of(initials) is None
                and _whole_word_positions(body, initials)):
            defined[initials] = ("PERSON", next(iter(names)))


def _acronyms_of_bodies(body: str, mentions: list[Entity], defined: dict[str, tuple[str, str]]) -> None:
    """An acronym the article writes without defining it, made of the first letters of words that
    run on in one body's full name the article gives ("DEA" after "Drug Enforcement
    Administration", "CBP" after "Customs and Border Protection", "CDC" after "Chinese Center for
    Disease Control and Prevention"): that body, when only one of its bodies gives it and no
    table knows it otherwise."""
    written = set(_CAPITALS_WORD.findall(body))  # the acronyms the body writes at all, in one pass
    if not written:
        return
    by_acronym: dict[str, set[str]] = {}
    for name in {m.canonical for m in mentions if m.label == "ORG"}:
        capitals = [w[0] for w in name.split() if w[:1].isupper()][:MAX_ACRONYM_WORDS]
        for i in range(len(capitals)):
            for j in range(i + MIN_ACRONYM, len(capitals) + 1):
                by_acronym.setdefault("".join(capitals[i:j]), set()).add(name)
    for acronym, names in by_acronym.items():
        if (acronym in written and len(names) == 1 and acronym not in defined and aliases.label_of(acronym) is None
                and _whole_word_positions(body, acronym)):
            defined[acronym] = ("ORG", next(iter(names)))


# (the first capital before the look-behind at it: the engine skips to capitals, not tries every character)
_CAPITALS_WORD = re.compile(r"[A-Z](?<![\w-][A-Z])[A-Z]{2,}(?![\w-])")
MIN_ACRONYM = 3  # letters: two-letter ones ("AS", "UN") are too often something else
MAX_ACRONYM_WORDS = 8


# "Djanur — begitulah ia akrab disapa": the nickname before the cue.
_NAMED_BEFORE_SAPAAN = re.compile(rf"(?P<nick>{CAP}(?: {CAP})?)\s*[,—–-]\s*(?=sapaan\b)")
_NICK_BEFORE_CUE = re.compile(rf"(?P<nick>{CAP})\s*[-–—,(]+(?:\s*-)?\s*(?:begitu(?:lah)?\s+(?:ia|dia|beliau)?\s*"
                              r"(?:akrab\s+|biasa\s+)?(?:disapa|dipanggil)|(?:sapaan|panggilan)\s+(?:akrab)?nya\b)")
_NICK_CUE_WORDS = ("disapa", "dipanggil", "sapaan", "panggilan")  # one of which every _NICK_BEFORE_CUE holds
# 'Bambang "Bento" Riyadi': a nickname in quotation marks inside the name.
_QUOTED_NICK = re.compile(rf"(?P<given>{CAP}) [\"“'‘](?P<nick>{CAP})[\"”'’] (?P<family>{CAP})")
_QUOTE_THEN_CAPITAL = re.compile(r" [\"“'‘][A-Z]")  # what every _QUOTED_NICK holds: a CAP opens with [A-Z]


def _nicknamed(body: str, people: list[Entity], nick: str, pos: int) -> str | None:
    """The full name a nickname defined at ``pos`` stands for: the nearest earlier name it
    abbreviates ("Djanur" ← "Djadjang Nurdjaman"), else the nearest earlier person named outside
    a quotation ("…," ujar pria yang akrab disapa Ketjuk: the speaker named before the quote)."""
    earlier = [m for m in people if m.end <= pos and aliases.key(m.canonical) != aliases.key(nick)]
    for name in [m.canonical for m in reversed(earlier)] + [" ".join(n) for n in name_index(body).spans]:
        if abbreviates(nick, name):
            return name
    for m in reversed(earlier):
        if pos - m.end - _quoted_length(body, m.end, pos) > NICKNAME_REACH:
            return None
        if _outside_quotation(body, m):
            # The person that sentence is about: "Wali Kota Ridwan Kamil ingin mengundang aktor
            # Lee Min-ho … kata pria yang akrab disapa Emil itu" — its first person, not its last.
            opening = max(body.rfind(". ", 0, m.start), body.rfind("\n", 0, m.start)) + 1
            first = next(e for e in earlier if e.start >= opening and _outside_quotation(body, e))
            return first.canonical
    return None


_QUOTED = re.compile(r"[\"“][^\"“”\n]*[\"”]")


def _quoted_length(body: str, start: int, end: int) -> int:
    """Characters of quotations between ``start`` and ``end``: a quotation the nicknamed speaker
    gives ("'…,' tutur Anton, sapaan akrabnya") is what that person says, not narrative that
    takes the reader away from them, so it does not count towards NICKNAME_REACH."""
    return sum(len(q.group(0)) for q in _QUOTED.finditer(body, start, end))


def _outside_quotation(body: str, m: Entity) -> bool:
    para_start = body.rfind("\n", 0, m.start) + 1
    return sum(body.count(q, para_start, m.start) for q in _QUOTE_MARKS) % 2 == 0


_ORG_RUN = re.compile(rf"(?:{CAP}(?: +(?:dan|and|of|the|&|{CAP}))*) *$")


def _org_before(body: str, pos: int) -> str | None:
    """The capitalised name right before "(" — "Komisi Pemberantasan Korupsi (KPK)"."""
    m = _ORG_RUN.search(body, max(0, pos - 120), pos)
    if m is None:
        return None
    name = m.group(0).strip()
    while name.split() and name.split()[0].casefold() in resources.words("stopwords.txt"):
        name = name.split(" ", 1)[1] if " " in name else ""
    return name or None


def abbreviates(short: str, full: str) -> bool:
    """Whether ``short`` can be read off ``full``: its letters in order, starting with the first
    (KPK ← Komisi Pemberantasan Korupsi, Kemenpan-RB ← Kementerian Pendayagunaan …, RD ←
    Rahmad Darmawan, Djanur ← Djadjang Nurdjaman), and the full form is longer."""
    letters = [c for c in short.casefold() if c.isalnum()]
    text = full.casefold()
    if len(letters) < 2 or len(full) <= len(short) or not text or letters[0] != text[0]:
        return False
    i = 0
    for c in letters:
        i = text.find(c, i)
        if i < 0:
            return False
        i += 1
    return True
