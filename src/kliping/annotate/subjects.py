"""Who a narrative sentence is about: its subject, named near its start after any discourse
opener, dateline and titles ("Sementara itu, Komisaris PT X Kuswara S. Taryono pun bersyukur …").
annotate/quotes.py hands "ia", "he", "-nya" and bare quoted paragraphs to that person.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache, lru_cache

from kliping import datelines, resources
from kliping.annotate import name_words
from kliping.annotate.cues import Subject
from kliping.annotate.descriptions import anonymous, is_person_noun, someone_of
from kliping.model import Entity
from kliping.words import JOINED_WORD

_DISCOURSE = re.compile(r"^[^,]{0,40},\s*")  # "Sementara itu, …", "Dihubungi terpisah, …"
# "At a hearing last month of the subcommittee that funds NASA, Rep. X …": an opener that starts
# with a function word may run longer before its comma.
_LONG_OPENER = re.compile(r"^(\w+)\b[^,“”\"]{0,100},\s*")


def _opener_end(text: str) -> int:
    """Where a sentence's subject may start: after a discourse opener, if it has one."""
    m = _LONG_OPENER.match(text)
    if m and m[1].casefold() in resources.words("stopwords.txt"):
        return m.end()
    m = _DISCOURSE.match(text)
    return m.end() if m else 0


_FIRST_WORD = re.compile(r"[A-Z][\w'’-]*")


def introduced(body: str, sentences: list[tuple[int, int]], people: list[Entity],
                        known: dict[str, str], since: int, until: int, clitic: bool = False) -> str | None:
    """The person a narrative sentence between the last quotation and this one is about — its
    subject, named near its start ("Komisaris PT X Kuswara S. Taryono pun bersyukur …",
    "Stafford, earlier in the hearing, was adamant …") — so that "ia", "he" and "-nya" after it
    mean that person, not the speaker quoted before. A "-nya" after a quotation (``clitic``)
    keeps the speaker when the narrative's subject only undergoes something (see _narrates)."""
    found = None
    first_sentence = max(0, bisect_right(sentences, (since, len(body))) - 1)
    for s_start, s_end in sentences[first_sentence:]:
        if s_start >= until:
            break
        if s_end <= since:
            continue
        subject = sentence_subject(body, s_start, min(s_end, until), people, known)
        if subject is not None and _narrates(body, s_start, s_end, subject, clitic):
            found = subject
    return found


# The verb after a sentence's subject that makes the subject what happens to, not who acts:
# Indonesian di- passives ("Markus ditetapkan sebagai tersangka"), English be + participle.
_PASSIVE_AFTER = re.compile(
    r"(?:[,]?\s+(?:sendiri|pun|juga|telah|sudah|kemudian|lantas|akhirnya|also|later|then))*"
    r"\s+(?:di[a-z]{3,}|(?:was|were|is|are|has been|had been|have been)\s+(?:\w+\s+)?\w+(?:ed|en)\b)")


def _narrates(body: str, start: int, end: int, subject: str, clitic: bool) -> bool:
    """Whether a sentence is narration that can hand the next "ia"/"-nya" to its subject: a full
    sentence (not a heading, which ends without a stop: "Dapat Peran Berkat Beyonce"); and, for a
    "-nya" closing a quotation, a subject that acts ("Markus ditetapkan sebagai tersangka" between
    two quotations of the prosecutor does not make Markus the one who goes on speaking). A
    sentence-initial "Ia" after "Miryam ditetapkan …" is still Miryam: the topic carries on."""
    if body[start:end].rstrip()[-1:] not in ".!?\"”’)":
        return False
    words = subject.split()
    at = -1
    for form in (subject, words[-1], words[0]):
        at = body.find(form, start, end)
        if at >= 0:
            at += len(form)
            break
    return not clitic or at < 0 or not _PASSIVE_AFTER.match(body, at)


def sentence_subject(body: str, start: int, end: int, people: list[Entity], known: dict[str, str]) -> str | None:
    i = bisect_left(people, start, key=lambda e: e.start)
    if i < len(people) and _POSSESSIVE.match(body, people[i].end):
        i += 1  # "Vance's lawyer told the court …": the lawyer is the subject, not Vance
    first = people[i] if i < len(people) and people[i].start < end else None
    prefix = body[start : first.start] if first is not None else ""
    if first is not None and i + 1 < len(people) and _APPOSED.fullmatch(body, first.end, people[i + 1].start) and (
            _APPOSITIVE_END.match(body, people[i + 1].end) and any(w[:1].islower() for w in prefix.split())):
        # "Kuasa hukum Hendrawan, Ronald Siahaan, membantah …": the person named between commas
        # after a relation to someone ("lawyer of", "istri") is the subject, not that someone;
        # the sentence still opens with the relation (the prefix, checked below).
        first = people[i + 1]
    if (agent := _pointer_passive().match(prefix)) is not None:
        prefix = prefix[agent.end():]  # "Hal itu diungkapkan Darsih (44), peserta JKN": the one who said it
    if (first is not None and opens_sentence(prefix) and name_words.holds_name_word(first.canonical)
            and (" " in first.text or name_words.is_name_like(first.text))):  # "People who share …" is no one
        return first.canonical
    opening = body[start : min(end, start + 160)]
    word = _FIRST_WORD.match(opening)  # "Young, in his testimony, didn't …": a name, not an opener
    if word and word.group(0) in known and _named_by(body, word.group(0)):
        return known[word.group(0)]  # (a possessor, "Vance's", is one word here: not known)
    word = _FIRST_WORD.match(opening, _opener_end(opening))
    return known.get(word.group(0)) if word and _named_by(body, word.group(0)) else None


@cache
def _pointer_passive() -> re.Pattern[str]:
    """A sentence opening with a pointer back at the words reported before and a passive speech
    verb ("Hal itu diungkapkan (oleh) …", "Hal tersebut disampaikan …"): its agent is its subject."""
    pointers = "|".join(r"\s+".join(map(re.escape, p.split())) for p in resources.lines("report_pointers.txt"))
    return re.compile(rf"(?i:{pointers})\s+(?:(?:juga|pun|telah|sudah)\s+)?di[a-z]{{3,}}\s+(?:oleh\s+)?")


_POSSESSIVE = re.compile(r"['’](?:s\b|\s)")  # "Vance's lawyer", "Jones' car"
_APPOSED = re.compile(r",\s*")  # between a person and the name in apposition after them
_APPOSITIVE_END = re.compile(r"(?:\s*\(\d{1,3}\))?\s*,")  # the appositive's closing comma, after any age


def _named_by(body: str, word: str) -> bool:
    """Whether a capitalised word opening a sentence is the name it is a word of: a name word, or an
    ordinary word ("Young", "Research") the article never writes in lower case — in "Research
    focusing on …" it is the noun, whatever "Scientific Research" the article names."""
    return name_words.word_kind(word) == "name" or word.casefold() not in _lower_words(body)


@lru_cache(maxsize=4)
def _lower_words(body: str) -> frozenset[str]:
    return frozenset(w for w in JOINED_WORD.findall(body) if "a" <= w[0] <= "z")


# Where the phrase naming a sentence's subject ends: its first comma or bracket, or the relative
# clause that describes the person ("seorang karyawan yang terkena PHK", "a refugee who feared …").
_SUBJECT_PHRASE_END = re.compile(r"[,;:(]|\s(?:yang|who|which|that)\s")
_NAMED_AFTER = re.compile(r",\s*[A-Z]")


def unnamed_subject(body: str, start: int, end: int) -> bool:
    """Whether a sentence opens with someone named by no name, after any discourse opener:
    "Seorang musisi, misalnya, menulis …", "Namun, seorang karyawan yang terkena PHK mengaku …",
    "Another analyst, who asked not to be named, said …", "A senior EU negotiator, speaking on
    condition of anonymity, …". The "ia", "-nya" or "he" after it is that person, not the one
    quoted before — unless the appositive names them ("Salah satu pemain, Budi Santoso, …")."""
    text = body[start : min(end, start + 160)]
    for lead in (text, text[_opener_end(text):]):
        cut = _SUBJECT_PHRASE_END.search(lead)
        phrase = lead[: cut.start()] if cut else lead
        first = phrase.split()[0].casefold() if phrase.split() else ""
        # The phrase opens with its indefinite: "Menjadi seorang polisi dituntut …" is about no one.
        if first in resources.words("indefinites.txt") and (anonymous(phrase) or someone_of(phrase)) and (
                not _NAMED_AFTER.match(lead, len(phrase))):
            return True
    return False


def opens_sentence(prefix: str) -> bool:
    """Whether a name after ``prefix`` is its sentence's subject: before it stand only a
    discourse opener ("Sementara itu,") and the person's titles ("Komisaris PT Persib Bandung",
    "pebalap Ducati,"), never prose ("Figgins declined to address whether …") or a quotation."""
    prefix = prefix[datelines.lead_end(prefix):]  # "JAKARTA (Pos Kota) – Hakim tunggal …, Kusno,"
    prefix = prefix[_opener_end(prefix):]
    titles = name_words.title_words()
    return not any(c in prefix for c in "“\"") and (all(
        w[:1].isupper() or w.strip(",").casefold() in titles for w in prefix.split()) or _described(prefix))


MAX_DESCRIBED_WORDS = 4  # "High school math teacher", "The veteran defence lawyer"


def _described(prefix: str) -> bool:
    """Whether the words before a name are a short description closing on a person noun written as
    a title: "High school math teacher Jane Roe said …", "Veteran lawyer Jane Roe …" — no verb
    among them ("Police arrested teacher Jane Roe" is about someone else)."""
    words = prefix.split()
    stops = resources.words("stopwords.txt")
    last = words[-1] if words else ""
    titled = last in name_words.title_words() or is_person_noun(last)
    return 1 < len(words) <= MAX_DESCRIBED_WORDS and titled and not any(
        w.endswith(("ed", "s", ",")) or (w.casefold() in stops and i) for i, w in enumerate(words[:-1]))


_OF = re.compile(r"\s+(?:of|from|dari|asal)\s+(?:the\s+)?")


def head_of(body: str, subject: Subject, entities: list[Entity], lo: int) -> Subject:
    """"Rep. Dale Whitcomb of Texas said", "Budi dari Partai X mengatakan": the person the phrase
    is about comes first; what follows "of"/"dari" is where they are from, whatever the recogniser
    took it for."""
    i = bisect_left(entities, subject.start, key=lambda e: e.start)
    for e in reversed(entities[max(0, i - 3) : i]):
        if e.label == "PERSON" and lo <= e.start and _OF.fullmatch(body, e.end, subject.start):
            return Subject(e.text, e.start, "entity", e)
    of = _OF_BEFORE.search(body, max(lo, subject.start - 20), subject.start)
    run = _NAME_RUN_BEFORE.search(body, max(lo, of.start() - 60), of.start()) if of else None
    if run is None:
        return subject
    words = list(re.finditer(r"\S+", run.group(0)))
    for k, word in enumerate(words[:-1]):  # past a title opening the run: "Chief Officer Jane Roe of …"
        name = run.group(0)[word.start() :]
        if name_words.is_full_name(name):
            start = run.start() + word.start()
            opening = body[max(lo, body.rfind(",", lo, run.start()) + 1) : run.start()]
            if (not opening.strip(" \n\"“") or any(e.start == start for e in entities[max(0, i - 3) : i])) and (
                    all(w.group(0).casefold() in name_words.title_words() for w in words[:k])):
                # "Andrew Roe from the Fire Service said", "Jane Roe of Acme Corp said": a given and
                # a family name opening the clause before "from"/"of" is the person who speaks for
                # the body after it, though the recogniser missed the name or took it for the body's.
                return Subject(name, start, "name")
            break
    return subject


_OF_BEFORE = re.compile(r"\s+(?:of|from)\s+(?:the\s+)?$")
_NAME_RUN_BEFORE = re.compile(r"(?<![\w'’.-])[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3}$")
