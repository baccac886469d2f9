"""Speech cues and who says it: the pieces both quotation finders use.

Cue words ("kata", "mengatakan", "said"), frames ("menurut", "according to"), pronouns and
adverbs are data files in resources/. A speaker's mention is found next to its cue: an entity,
a pronoun or "-nya", a capitalised name the recogniser missed, or a short noun phrase opening
the clause ("Polisi mengatakan").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from kliping import resources
from kliping.model import Entity

OPENERS = "“\""
MAX_SUBJECT_GAP = 90  # characters between a speaker and a verb in one clause
MAX_NOUN_SUBJECT_WORDS = 4


@dataclass
class Subject:
    text: str
    start: int
    kind: str  # "entity", "pronoun", "clitic", "name"
    entity: Entity | None = None


@dataclass
class Candidate:
    start: int
    end: int
    kind: str
    cue: str | None
    subject: Subject | None


def words(kind: str) -> list[str]:
    return sorted({row[2] for row in resources.rows("quote_cues.tsv") if row[1] == kind}, key=len, reverse=True)


def alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in words)


@cache
def patterns() -> dict[str, re.Pattern[str]]:
    short, verb, after = alt(words("short")), alt(words("verb")), alt(words("after"))
    adverbs = alt(list(resources.lines("speech_adverbs.txt")))
    frames = alt([row[1] for row in resources.rows("quote_frames.tsv")])
    return {
        # after a quotation: "kata Putin", "tambahnya", "Ujar Putin"
        "short_after": re.compile(rf"^[\s,.;:]*(?P<cue>(?i:{short}))(?P<nya>nya)?\b", re.U),
        # after a quotation: "ia menambahkan", "Putin said"
        "verb": re.compile(rf"\b(?P<cue>(?i:{verb}))\b"),
        "adverbs": re.compile(rf"^(?:\s+(?i:{adverbs}))*\s*$"),
        # "Demikian pernyataan Putin", "begitu kata Kim"
        "after_noun": re.compile(
            rf"^[\s,.;:]*(?i:demikian|begitu)\s+(?:(?i:seperti|yang|sebagaimana)\s+)*(?P<cue>(?i:{after}))\s+"
            rf"(?:(?i:oleh|dari)\s+)?"
        ),
        # before a quotation: "Kata Putin, “…”"
        "short_before": re.compile(rf"(?P<cue>(?i:{short}))(?P<nya>nya)?\s+"),
        # "Menurut Putin, …", "Menurutnya, …", "According to the minister, …"
        "frame": re.compile(rf"(?<!\w)(?P<cue>(?i:{frames}))(?:(?P<nya>nya)\s*,|\s+)"),
        # "…, according to federal records."
        "frame_tail": re.compile(rf",\s*(?P<cue>(?i:{frames}))\s+(?=[^,]*$)"),
        # "…, kata Putin." closing reported speech
        "short_tail": re.compile(rf",\s*(?P<cue>(?i:{short}))(?P<nya>nya)?\b"),
        # "mengatakan (kepada wartawan) bahwa …", "told (reporters) that …"
        "that": re.compile(r"^[\s,:]*(?:(?:[\w-]+\s+){0,3}?(?i:bahwa|that)\b\s*,?\s*)?"),
        "adverbial": re.compile(r"^(?i:pada|kepada|dalam|di|saat|ketika|usai|setelah|on|in)\b[^,.\"“]{0,60},\s*"),
    }


@cache
def pronouns() -> frozenset[str]:
    return frozenset(row[1] for row in resources.rows("pronouns.tsv"))


# A dot only inside a name ("A.M. Fatwa"), so "kata Toru." ends before the full stop. Names
# never run across a line break: "… kata Ketjuk.\n\nBerdasarkan …" is one word of name.
_NAME_WORD = r"[A-Z](?:[\w'’-]|\.(?=\w))*\.?(?= +[A-Z])|[A-Z](?:[\w'’-]|\.(?=\w))*"


@cache
def _name_pattern() -> re.Pattern[str]:
    particles = alt(sorted(resources.lines("name_particles.txt")))
    return re.compile(rf"(?:{_NAME_WORD})(?: +(?:{_NAME_WORD}|{particles})(?=\s|$|[,.;:!?]))*")
_PRONOUN_WORD = re.compile(r"[A-Za-z]+")


def entity_at(entities: list[Entity], pos: int) -> Entity | None:
    """The longest entity starting at ``pos`` (a role and its person count as one)."""
    found = [e for e in entities if e.start == pos]
    return max(found, key=lambda e: e.end - e.start) if found else None


def subject_after(body: str, pos: int, entities: list[Entity]) -> Subject | None:
    """The speaker named right after a cue, at ``pos``: an entity, a pronoun or a name."""
    while pos < len(body) and body[pos] in " ,":
        pos += 1
    entity = entity_at(entities, pos)
    if entity is not None:
        # "Menteri Luar Negeri Rusia Sergei Lavrov": a role followed by its person.
        # or an organisation's title followed by its person ("Juru Bicara Kemlu Arrmanatha Nasir").
        follow = entity_at(entities, skip_space(body, entity.end))
        if follow is not None and follow.label == "PERSON" and (
            follow.canonical == entity.canonical or entity.label != "PERSON"
        ):
            return Subject(body[pos : follow.end], pos, "entity", follow)
        return Subject(entity.text, pos, "entity", entity)
    word = _PRONOUN_WORD.match(body, pos)
    if word and word.group(0).lower() in pronouns():
        return Subject(word.group(0), pos, "pronoun")
    name = _name_pattern().match(body, pos)
    if name:
        # "kata Menteri Keuangan Sri Mulyani": the person inside the titled name speaks.
        inside = [e for e in entities if e.label == "PERSON" and pos <= e.start < name.end()]
        if inside:
            return Subject(body[pos : max(name.end(), inside[0].end)], pos, "entity", inside[0])
        # "kata Kepala Dinas Kesehatan Jawa Barat, Vini Adiani": the title, a comma, the person.
        after = skip_space(body, name.end() + 1) if body[name.end() : name.end() + 1] == "," else -1
        person = entity_at(entities, after) if after > 0 else None
        if person is not None and person.label == "PERSON":
            return Subject(body[pos : person.end], pos, "entity", person)
        return Subject(name.group(0), pos, "name")
    return None


def skip_space(body: str, pos: int) -> int:
    while pos < len(body) and body[pos] == " ":
        pos += 1
    return pos


def subject_before(body: str, cue_start: int, floor: int, entities: list[Entity]) -> Subject | None:
    """The speaker closest before a speech verb in the same sentence (within reach)."""
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
    if best is None:
        return _noun_subject(body, cue_start, lo)
    if best.entity is not None:
        best = _first_conjunct(body, best, entities, lo)
    # Prefer a person over a place or organisation named inside the same clause: in
    # "Lavrov dalam pernyataan di Moskow mengatakan" the speaker is Lavrov.
    if best.entity is not None and best.entity.label != "PERSON":
        clause_start = max(body.rfind(",", lo, best.start), lo)
        people = [e for e in entities if e.label == "PERSON" and clause_start <= e.start and e.end <= best.start]
        if people and not re.search(r"\b(?:dan|and)\s*$", body[people[-1].end : best.start]):
            best = Subject(people[-1].text, people[-1].start, "entity", people[-1])
    return best


def _noun_subject(body: str, cue_start: int, lo: int) -> Subject | None:
    """"Polisi mengatakan", "Kuasa hukum tersangka membantah": a short noun phrase opening the
    clause speaks, though it names no one — the mention is kept, the speaker stays unknown."""
    clause = max(body.rfind(",", lo, cue_start), body.rfind(".", lo, cue_start), lo - 1) + 1
    text = body[clause:cue_start].strip()
    adverbs = set(resources.lines("speech_adverbs.txt"))
    while text and text.split()[-1].lower() in adverbs:  # "RM lantas mengatakan"
        text = text.rsplit(" ", 1)[0] if " " in text else ""
    words = text.split()
    if 1 <= len(words) <= MAX_NOUN_SUBJECT_WORDS and text[:1].isupper() and text.lower() not in pronouns():
        return Subject(text, body.index(text, clause), "noun")
    return None


def _first_conjunct(body: str, subject: Subject, entities: list[Entity], lo: int) -> Subject:
    """"Amerika Serikat dan Ukraina mengatakan": the speaker is the first of the pair."""
    for e in entities:
        if lo <= e.start and e.end <= subject.start:
            between = body[e.end : subject.start]
            same_kind = subject.entity is not None and e.label == subject.entity.label
            if same_kind and re.fullmatch(r"\s*(?:dan|and|,)\s*", between):
                return Subject(body[e.start : subject.start + len(subject.text)], e.start, "entity", e)
    return subject


def sentence_of(sentences: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for start, end in sentences:
        if start <= pos < end:
            return start, end
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
    if name.lower() in pronouns() or name.split()[0].lower() in stop_words():
        return None
    return Subject(name, start, "name")


@cache
def stop_words() -> frozenset[str]:
    return frozenset(resources.lines("stopwords.txt"))


