"""Article body + a speech cue's position → who says it: the speaker's mention both quotation finders use.

A speaker's mention is found next to its cue (annotate/cues.py): an entity, a pronoun or "-nya",
a social-media account, a capitalised name the recogniser missed, an appositive's head ("Jane
Doe, a spokeswoman for X, said"), a definite description pointing back at someone the article
introduced ("the governor", "… tersebut"), or a short noun phrase opening the clause ("Polisi
mengatakan").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from functools import cache

from kliping import resources
from kliping.annotate import name_words, subjects
from kliping.annotate.cues import Candidate, Subject, patterns, pronouns
from kliping.annotate.descriptions import (
    anonymous,
    body_in_apposition,
    description_subject,
    group_of_place,
    is_person_noun,
    someone_of,
)
from kliping.annotate.source_frames import DATELINE_REACH, dateline_end, media_noun
from kliping.model import Entity
from kliping.resources import alt

MAX_SUBJECT_GAP = 90  # characters between a speaker and a verb in one clause
MAX_NOUN_SUBJECT_WORDS = 4


# A dot only inside a name ("A.M. Fatwa"), so "kata Toru." ends before the full stop. Names
# never run across a line break: "… kata Ketjuk.\n\nBerdasarkan …" is one word of name.
_NAME_WORD = r"[A-Z](?:[\w'’-]|\.(?=\w))*\.?(?= +[A-Z])|[A-Z](?:[\w'’-]|\.(?=\w))*"


@cache
def name_pattern() -> re.Pattern[str]:
    particles = alt(sorted(resources.lines("name_particles.txt")))
    return re.compile(rf"(?:{_NAME_WORD})(?: +(?:{_NAME_WORD}|{particles})(?=\s|$|[,.;:!?]))*")
_PRONOUN_WORD = re.compile(r"[A-Za-z]+")
_NOUN_AFTER = re.compile(r"\s+[a-z][\w’'-]*")  # the word after a name: "[a Taliban] representative"


def starting_in(entities: list[Entity], lo: int, hi: int) -> Iterator[Entity]:
    """The entities that start in [lo, hi). ``entities`` are in order of start (as find_entities gives
    them): found by bisection, since a scan of them all per cue made a long article quadratic (800 KB
    of quoted sentences: 50 s here alone)."""
    i = bisect_left(entities, lo, key=lambda e: e.start)
    while i < len(entities) and entities[i].start < hi:
        yield entities[i]
        i += 1


def entity_at(entities: list[Entity], pos: int) -> Entity | None:
    """The longest entity starting at ``pos`` (a role and its person count as one)."""
    return max(starting_in(entities, pos, pos + 1), key=lambda e: e.end - e.start, default=None)


def pronoun_at(body: str, pos: int) -> str | None:
    """The pronoun ("ia", "dia", "he", "she" …) written at ``pos``, or None."""
    word = _PRONOUN_WORD.match(body, pos)
    return word.group(0) if word and word.group(0).lower() in pronouns() else None


def subject_after(body: str, pos: int, entities: list[Entity]) -> Subject | None:
    """The speaker named right after a cue, at ``pos``: an entity, a pronoun or a name."""
    while pos < len(body) and body[pos] in " ,":
        pos += 1
    entity = entity_at(entities, pos)
    medium = media_noun().match(body, pos) if entity is None or entity.label != "PERSON" else None
    if medium is not None:
        # "dilansir Majalah Tempo", "menurut laman Cosmopolitan": the medium is its name, not the
        # noun saying what kind of medium it is (a place after it is not a name: "media Inggris")
        named = entity_at(entities, medium.end())
        if named is None or named.label == "ORG":
            pos, entity = medium.end(), named
    article = patterns()["article"].match(body, pos) if entity is None else None
    if article is not None and entity_at(entities, article.end()) is not None:
        pos = article.end()  # "says the World Health Organization"
        entity = entity_at(entities, pos)
        noun = _NOUN_AFTER.match(body, entity.end) if entity is not None and article.group(0)[0] in "aA" else None
        if noun is not None and someone_of(body[article.start() : noun.end()]):
            # "according to a Taliban representative", "said a U.S. official": one of them, no name
            return Subject(body[article.start() : noun.end()], article.start(), "anonymous")
    if entity is not None:
        # "Menteri Luar Negeri Rusia Sergei Lavrov": a role followed by its person.
        # or an organisation's title followed by its person ("Juru Bicara Kemlu Arrmanatha Nasir").
        follow = entity_at(entities, skip_space(body, entity.end))
        if follow is not None and follow.label == "PERSON" and (
            follow.canonical == entity.canonical or entity.label != "PERSON"
        ):
            return Subject(body[pos : follow.end], pos, "entity", follow)
        return Subject(entity.text, pos, "entity", entity)
    pronoun = pronoun_at(body, pos)
    if pronoun:
        return Subject(pronoun, pos, "pronoun")
    handle = _HANDLE.match(body, pos)
    if handle:  # "kata akun rafly_rahman.h", "tulis warganet @budi_s": a social-media account speaks
        at = handle.start("handle") - (body[handle.start("handle") - 1] == "@")  # "@budi_s" as written
        return Subject(body[at : handle.end("handle")].rstrip("."), at, "name")
    name = name_pattern().match(body, pos)
    if name:
        # "kata Menteri Keuangan Sri Mulyani": the person inside the titled name speaks.
        inside = [e for e in starting_in(entities, pos, name.end()) if e.label == "PERSON"]
        if not inside and name.group(0).split()[0].casefold() in name_words.title_words():
            # "Direktur Utama LLP - KUKM Ahmad Zabadi": the body's name runs on past the run of
            # capitalised words (a hyphen inside it), and the person follows the body.
            body_names = [e for e in starting_in(entities, pos, name.end()) if e.end > name.end()]
            holder = entity_at(entities, skip_space(body, body_names[-1].end)) if body_names else None
            inside = [holder] if holder is not None and holder.label == "PERSON" else []
        if inside:
            return Subject(body[pos : max(name.end(), inside[0].end)], pos, "entity", inside[0])
        # "kata Kepala Dinas Kesehatan Jawa Barat, Vini Adiani": the title, a comma, the person.
        after = skip_space(body, name.end() + 1) if body[name.end() : name.end() + 1] == "," else -1
        person = entity_at(entities, after) if after > 0 else None
        if person is not None and person.label == "PERSON":
            return Subject(body[pos : person.end], pos, "entity", person)
        return _past_titles(Subject(name.group(0), pos, "name"))
    return None


# An account named after a cue: "akun X", "pengguna X", "warganet @X", or a bare "@X".
_HANDLE = re.compile(r"(?:(?i:akun|pengguna|warganet|netizen|user|account)\s+(?:@)?|@)(?P<handle>[\w.]*[\w_][\w.]*)")


def _past_titles(subject: Subject) -> Subject:
    """"SciSpacE Team Leader Jennifer Ngo-Anh": the person's name is what follows the last title
    word of a capitalised run, when at least two words (a given name and a family name) do."""
    words = subject.text.split(" ")
    titles = name_words.title_words()
    last = max((i for i, w in enumerate(words) if w.lower().rstrip(".") in titles), default=-1)
    if 0 <= last < len(words) - 2:
        rest = " ".join(words[last + 1 :])
        return Subject(rest, subject.start + len(subject.text) - len(rest), "name")
    return subject


def skip_space(body: str, pos: int) -> int:
    while pos < len(body) and body[pos] == " ":
        pos += 1
    return pos


MAX_APPOSITIVES = 3  # comma-separated phrases between a speaker and the verb ("X, a spokesperson for Y, the …, said")


def subject_before(body: str, cue_start: int, floor: int, entities: list[Entity]) -> Subject | None:
    """The speaker closest before a speech verb in the same sentence (within reach)."""
    if floor < DATELINE_REACH:
        floor = max(floor, dateline_end(body))  # its place is no speaker
    head = body[floor:cue_start].rstrip()
    if head.endswith(")") and (opened := head.rfind("(")) > 0:
        # "RM (yang sebelumnya dikenal dengan nama Rap Monster) mengaku": the name inside the
        # brackets is an aside; the speaker stands before them.
        cue_start = floor + len(head[:opened].rstrip())
        head = body[floor:cue_start]
    if head.endswith(","):
        found = appositive_subject(body, floor + len(head) - 1, floor, entities)
        if found is not None and found.kind == "noun":  # "The company, which …, confirmed"
            return description_subject(body, found.text, found.start, entities) or found
        if found is not None:
            return found
    lo = max(floor, cue_start - MAX_SUBJECT_GAP)
    best: Subject | None = None
    # Entities come sorted by start: look only at those starting inside the reach.
    first = bisect_left(entities, lo, key=lambda e: e.start)
    last = bisect_left(entities, cue_start, key=lambda e: e.start)
    for e in entities[first:last]:
        if e.end <= cue_start and (best is None or (e.end, e.end - e.start) > (
                best.start + len(best.text), len(best.text))):
            best = Subject(e.text, e.start, "entity", e)
    for word in _PRONOUN_WORD.finditer(body, lo, cue_start):
        if word.group(0).lower() in pronouns() and (best is None or word.start() >= best.start + len(best.text)):
            best = Subject(word.group(0), word.start(), "pronoun")
    if best is None and (relative := _RELATIVE.search(body, lo, cue_start)) is not None and (
            named := _named_head(body, relative.start(), lo, floor, entities)) is not None:
        return named  # "Lowes yang merupakan pebalap World Superbike (WSBK) mengatakan"
    if best is None:
        noun = _noun_subject(body, cue_start, lo)
        if noun is not None and anonymous(noun.text):  # "the source said", "a U.S. official said"
            return Subject(noun.text, noun.start, "anonymous")
        # "The governor said": the person the article introduced with that title, if any.
        return (noun and description_subject(body, noun.text, noun.start, entities)) or noun
    relative = _RELATIVE.search(body, lo, best.start) if best.entity is not None else None
    if relative is not None:
        # "Naftali Bennett, yang memimpin partai Jewish Home pun mengatakan", "… San Afri Awang yang
        # juga Juru Bicara Tim KLHS Kendeng mengatakan": the name in the relative clause is its
        # object or complement; the speaker is the one the clause describes.
        heads = [e for e in entities if e.end == relative.start() and e.label == "PERSON"]
        if heads:
            return Subject(heads[0].text, heads[0].start, "entity", heads[0])
        if (named := _named_head(body, relative.start(), lo, floor, entities)) is not None:
            return named
    if best.entity is not None:
        clause = max(body.rfind(",", lo, best.start), body.rfind(".", lo, best.start), lo - 1) + 1
        pointer = _POINTER_AFTER.match(body, best.start + len(best.text), cue_start)
        if pointer is not None and best.entity.label != "PERSON":
            # "Eks gelandang Arsenal tersebut mengungkapkan": a description of someone named before
            lead = skip_space(body, clause)
            described = description_subject(body, body[lead : pointer.end()], lead, entities)
            if described is not None:
                return described
        if anonymous(body[clause : best.start]) or someone_of(body[clause:cue_start]) or (
                # "Another analyst, who …, said": the recogniser took the indefinite for a name
                best.entity.text.casefold() in resources.words("indefinites.txt")
                and anonymous(body[best.start : cue_start])) or (
                best.entity.label == "PLACE" and group_of_place(
                body[clause : best.start], body[best.start + len(best.text) : cue_start])):
            # "sumber terdekat Beyonce membantah", "Warga Palestina menilai", "Middle East
            # observers say": people of or near someone or somewhere, named by no name
            lead = skip_space(body, clause)
            return Subject(body[lead:cue_start].rstrip(), lead, "anonymous")
        best = _first_conjunct(body, best, entities, lo)
        best = subjects.head_of(body, best, entities, lo)
    # Prefer a person over a place or organisation named inside the same clause: in
    # "Lavrov dalam pernyataan di Moskow mengatakan" the speaker is Lavrov.
    if best.entity is not None and best.entity.label != "PERSON":
        clause_start = max(body.rfind(",", lo, best.start), lo)
        people = [e for e in entities if e.label == "PERSON" and clause_start <= e.start and e.end <= best.start]
        if people and not re.search(r"\b(?:dan|and)\s*$", body[people[-1].end : best.start]):
            best = Subject(people[-1].text, people[-1].start, "entity", people[-1])
        elif (named := name_before(body, cue_start, best.start + len(best.text))) is not None:
            # "Direktur Utama Pupuk Indonesia Aas Asikin Idat menyatakan": a name the recogniser
            # missed stands between the organisation and the verb; it is the one who speaks.
            best = named
    return best


def _named_head(body: str, relative: int, lo: int, floor: int, entities: list[Entity]) -> Subject | None:
    """The name the recogniser missed right before a relative clause about its bearer, opening its
    clause: "Lowes" in "Lowes yang merupakan pebalap Honda mengatakan" (the clause's names are its
    complements); not "Warga yang …", nor the owner in "tulisan tangan Budi yang merinci …"."""
    named = name_before(body, relative, lo)
    if (named is None or named.start + len(named.text) != relative or entity_at(entities, named.start) is not None
            or not all(map(name_words.is_name_like, named.text.split()))):
        return None
    opening = max(body.rfind(",", floor, named.start), body.rfind(". ", floor, named.start), floor - 1) + 1
    return named if not body[opening : named.start].strip() else None


_POINTER_AFTER = re.compile(r"\s+(?:tersebut|ini|itu)\b")
_RELATIVE = re.compile(r"(?:,\s+|\s+)(?:yang|who|which)\s+[^,]*$")


def appositive_subject(body: str, comma: int, floor: int, entities: list[Entity]) -> Subject | None:
    """"Jack Smith, who represents the family, said", "Robertson, the U.S. commander, said": the
    speaker is the phrase before the appositive, not a place or body named inside it. Walk back
    over up to MAX_APPOSITIVES commas; the first person (or unrecognised name) right before one
    wins, else the first phrase found there."""
    first: Subject | None = None
    while (prev := body.rfind(",", floor, comma)) >= 0 and _DEGREE.fullmatch(body, prev + 1, comma):
        comma = prev  # "dr. Maya Kartikasari, M.Kes, mengatakan": degrees after the name
    # "Mantan Wakil Presiden Indonesia, Boediono, mewanti-wanti": the appositive is the name.
    prev = body.rfind(",", floor, comma)
    if prev >= 0:
        opening = skip_space(body, prev + 1)
        start, end = _past_title_words(body, opening, comma), _before_age(body, comma)
        named = [e for e in entities if e.start == start and e.end == end and e.label == "PERSON"]
        if named:
            return Subject(named[0].text, start, "entity", named[0])
        if (body_named := body_in_apposition(body, prev, start, end, floor, entities)) is not None:
            return body_named
        name = name_before(body, end, start)
        # a full name the recogniser missed or took for a place; after a title ("dr. Maya
        # Kartikasari") a name even if one of its words is also an ordinary word
        if name is not None and name.start == start and (
                sum(map(name_words.is_name_like, name.text.split())) > 1 or (start > opening and " " in name.text)
                or (" " in name.text and name.text.split()[0].casefold() not in name_words.title_words()
                    and _described_before(body, floor, prev))):
            return name
    for _ in range(MAX_APPOSITIVES):
        comma = body.rfind(",", floor, comma)
        if comma < 0:
            break
        end = _before_age(body, comma)  # "Sumiati (58), petani setempat, mengatakan"
        people = [e for e in entities if e.end == end and floor <= e.start]
        if people:
            e = max(people, key=lambda e: e.end - e.start)
            found: Subject | None = Subject(e.text, e.start, "entity", e)
        else:
            found = name_before(body, end, floor) or _noun_subject(body, end, floor)
        if found is not None and found.kind == "name" and found.text.casefold() in name_words.calendar_words():
            continue  # "On Monday, the People's Daily, the party's paper, warned": a day speaks not
        if found is not None and found.start + len(found.text) == end:
            phrase_start = max(body.rfind(",", floor, comma) + 1, floor)
            if found.kind == "name" and _inside_phrase(body, phrase_start, found.start):
                continue  # "a senior analyst at Stratfor,": a body the appositive names, not its head
            if found.kind == "name" or (found.entity is not None and found.entity.label == "PERSON"):
                return found
            first = first or found
    return first


# An academic degree written after a name: "M.Kes", "S.H.", "Sp.PD", "Ph.D", "MBA".
_DEGREE = re.compile(r"\s*(?:(?:[A-Z][a-z]{0,3}\.\s?){1,3}[A-Z]?[a-z]{0,4}\.?|MBA|MSc|PhD|MPH)\s*")
_AGE = re.compile(r"\s*\(\s*\d{1,3}(?:\s*(?:tahun|th|thn|years?))?\s*\)\s*$")


def _described_before(body: str, floor: int, comma: int) -> bool:
    """Whether the phrase before an appositive name is a role or a person's description opening
    the sentence ("Pengamat transportasi, Yoga Adiwinata, menilai"): the name is a person's."""
    lead = body[skip_space(body, floor) : comma].split()
    first = lead[0].casefold().strip(",") if lead else ""
    return 0 < len(lead) <= MAX_DESCRIPTION_WORDS and (first in name_words.title_words() or is_person_noun(first))


MAX_DESCRIPTION_WORDS = 4  # "Pengamat transportasi", "Kepala Dinas Kesehatan Garut"


def _past_title_words(body: str, pos: int, stop: int) -> int:
    """``pos`` moved past the abbreviated titles that open a name: "dr. Maya Kartikasari", "Prof. Ani"
    (not past "chief executive of", which opens a description)."""
    titles = name_words.title_words()
    while (word := _WORD_AT.match(body, pos, stop)) is not None and word.group(1).casefold() in titles:
        pos = word.end()
    return pos


_WORD_AT = re.compile(r"([A-Za-z]+)\.\s+")


def _before_age(body: str, pos: int) -> int:
    """Where a name ends when the person's age in brackets follows it: "Wawan (45)", "Ani (38 tahun)"."""
    age = _AGE.search(body, max(0, pos - 16), pos)
    return age.start() if age else pos


def _inside_phrase(body: str, start: int, name_start: int) -> bool:
    """Whether ordinary lower-case words stand before a name in its comma phrase ("a senior
    analyst at Stratfor"): the name is then a complement, not the phrase's head."""
    titles = name_words.title_words()
    return any(w[:1].islower() and w.casefold() not in titles and w != "the"  # "the People's Daily,"
               for w in body[start:name_start].split())


def _noun_subject(body: str, cue_start: int, lo: int) -> Subject | None:
    """"Polisi mengatakan", "Kuasa hukum tersangka membantah": a short noun phrase opening the
    clause speaks, though it names no one — the mention is kept, the speaker stays unknown."""
    clause = max(body.rfind(",", lo, cue_start), body.rfind(".", lo, cue_start), lo - 1) + 1
    text = body[clause:cue_start].strip().lstrip("”\"’' ")  # "“…,” one commenter said": not the closing mark
    adverbs = set(resources.lines("speech_adverbs.txt"))
    while text and text.split()[-1].lower() in adverbs:  # "RM lantas mengatakan"
        text = text.rsplit(" ", 1)[0] if " " in text else ""
    if text[:3].casefold() == "as " and anonymous(text[3:]):
        text = text[3:]  # "…,” as one bank's CEO told me": the comparative frame, then the speaker
    words = text.split()
    if not 1 <= len(words) <= MAX_NOUN_SUBJECT_WORDS or text.lower() in pronouns():
        return None
    # A lower-case phrase speaks too when it opens with a determiner or a content word:
    # "sumber keamanan mengatakan", "a U.S. official said", "…, the commission said." — not
    # when it opens with a function word ("That said", "As I said").
    first = words[0].lower()
    if first in resources.words("stopwords.txt") and first not in _SUBJECT_OPENERS | resources.words("indefinites.txt"):
        return None
    if not text[:1].isupper() and len(words) < 2 and first not in _SUBJECT_OPENERS:
        return None  # "tanpa menyebut …": one lower-case word is no speaker
    return Subject(text, body.index(text, clause), "noun")


# Function words that may still open a speaker's phrase ("the commission", "para saksi", "they").
_SUBJECT_OPENERS = frozenset({"the", "a", "an", "para", "sang", "seorang", "sejumlah", "pihak", "beberapa", "they"})


def _first_conjunct(body: str, subject: Subject, entities: list[Entity], lo: int) -> Subject:
    """"Amerika Serikat dan Ukraina mengatakan": the speaker is the first of the pair."""
    for e in starting_in(entities, lo, subject.start):  # bisection: a scan of all per subject was quadratic
        if e.end <= subject.start:
            between = body[e.end : subject.start]
            same_kind = subject.entity is not None and e.label == subject.entity.label
            # "X dan Y", "X and Y", "X, Y" — and a running ticket written "X-Y": the first speaks.
            if same_kind and re.fullmatch(r"\s*(?:dan|and|&|,|-|–|/)\s*", between):
                return Subject(body[e.start : subject.start + len(subject.text)], e.start, "entity", e)
    return subject


def sentence_of(sentences: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    """The sentence (in order, not overlapping) holding ``pos``, or the empty span at ``pos``."""
    i = bisect_right(sentences, (pos, float("inf"))) - 1
    if i >= 0 and sentences[i][0] <= pos < sentences[i][1]:
        return sentences[i]
    return pos, pos


def inside(spans: list[Candidate], pos: int) -> bool:
    return any(c.start <= pos < c.end for c in spans)


_NAME_BEFORE = re.compile(r"(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*\s*$")


def name_before(body: str, cue_start: int, floor: int) -> Subject | None:
    """A capitalised name right before the speech verb that the recogniser did not mark:
    "executive Kevin Mayer said", "Hege said" (adverbs such as "also" may sit between)."""
    head = body[max(floor, cue_start - MAX_SUBJECT_GAP) : cue_start]
    adverbs = set(resources.lines("speech_adverbs.txt"))
    words = head.rstrip().split(" ")
    while words and words[-1].lower() in adverbs:
        words.pop()
    head = " ".join(words)
    m = _NAME_BEFORE.search(head)
    if m is None:
        return None
    name = m.group(0).strip()
    start = cue_start - len(body[max(floor, cue_start - MAX_SUBJECT_GAP) : cue_start]) + m.start()
    while " " in name and name.split()[0].lower() in resources.words("stopwords.txt"):  # "But Vaughan cautioned"
        rest = name.split(" ", 1)[1].lstrip()
        start += len(name) - len(rest)
        name = rest
    if name.lower() in pronouns() or name.split()[0].lower() in resources.words("stopwords.txt"):
        return None
    return Subject(name, start, "name")
