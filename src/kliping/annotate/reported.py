"""Article body + entities + direct quotations → reported speech: who said what, without quotation marks.

"X mengatakan (bahwa) …", "X said (that) …", "Menurut X, …" / "Menurutnya, …", "…, according
to X", "…, kata X." / "…, Harris said.". The content is the clause the cue reports; a sentence
whose speech belongs to a direct quotation in it is left to that quotation.
"""

from __future__ import annotations

from kliping.annotate.speech import (
    OPENERS,
    Candidate,
    Subject,
    inside,
    name_before,
    patterns,
    skip_space,
    subject_after,
    subject_before,
)
from kliping.model import Entity

MIN_REPORTED_WORDS = 3
ATTRIBUTION_REACH = 40  # characters from a quotation's end to the verb that attributes it


def reported_candidates(body: str, sentences: list[tuple[int, int]], entities: list[Entity],
                         direct: list[Candidate]) -> list[Candidate]:
    out = []
    for s_start, s_end in sentences:
        if inside(direct, s_start) and inside(direct, s_end - 1):
            continue
        found = (_framed(body, s_start, s_end, entities)
                 or _verb_reported(body, s_start, s_end, entities, direct)
                 or _tail_reported(body, s_start, s_end, entities, direct))
        if found is not None and not inside(direct, found.start):
            out.append(found)
    return [c for c in out if len(body[c.start : c.end].split()) >= MIN_REPORTED_WORDS]


def _framed(body: str, s_start: int, s_end: int, entities: list[Entity]) -> Candidate | None:
    """"Menurut X, …" / "Menurutnya, …" at the start of the sentence or of one of its clauses,
    and "…, according to X." closing it."""
    pats = patterns()
    for frame in pats["frame"].finditer(body, s_start, s_end):
        if frame["nya"]:
            subject: Subject | None = Subject("-nya", frame.start("nya"), "clitic")
            comma = frame.end()
        else:
            subject = subject_after(body, frame.end(), entities)
            comma = body.find(",", frame.end(), s_end)
            if subject is None or comma < 0 or subject.start + len(subject.text) > comma:
                continue
        at_clause_start = frame.start("cue") == _clause_start(body, s_start, frame.start("cue"))
        if subject is not None and body[comma : comma + 1] == "," and at_clause_start:
            return _reported(body, comma + 1, s_end, frame["cue"], subject)
    tail = pats["frame_tail"].search(body, s_start, s_end)
    if tail and tail.start() > s_start:
        subject = subject_after(body, tail.end(), entities)
        if subject is None:
            words = body[tail.end() : s_end].rstrip(" .!?")
            subject = Subject(words, tail.end(), "noun") if words else None
        if subject is not None:
            return _reported(body, s_start, tail.start(), tail["cue"], subject)
    return None


def _clause_start(body: str, s_start: int, pos: int) -> int:
    """Where the clause holding ``pos`` begins: the sentence start or just after a comma."""
    comma = body.rfind(",", s_start, pos)
    if comma < 0:
        return s_start + len(body[s_start:pos]) - len(body[s_start:pos].lstrip(" \"“'‘"))
    return skip_space(body, comma + 1)


def _verb_reported(body: str, s_start: int, s_end: int, entities: list[Entity],
                   direct: list[Candidate]) -> Candidate | None:
    """"X mengatakan (bahwa) …", "X said (that) …" — and "…, X said." when nothing follows."""
    pats = patterns()
    for verb in pats["verb"].finditer(body, s_start, s_end):
        if inside(direct, verb.start()) or any(verb.end() <= c.start < s_end for c in direct):
            return None  # speech before a direct quotation in the same sentence is that quotation's
        if any(s_start <= c.end <= verb.start() <= c.end + ATTRIBUTION_REACH for c in direct):
            return None  # '"…," Kim said at a dinner': the verb attributes the quotation before it
        if body[s_start : verb.start()].rstrip().endswith(",") and _names_after(body, verb.end(), entities):
            return None  # "…, said Amnesty International": the speaker follows (the tail form)
        subject = subject_before(body, verb.start(), s_start, entities) or name_before(body, verb.start(), s_start)
        if subject is None:
            continue
        that = pats["that"].match(body[verb.end() : s_end])  # optional, so it always matches
        content = verb.end() + (that.end() if that else 0)
        adverbial = pats["adverbial"].match(body[content:s_end])
        if adverbial:
            content += adverbial.end()  # "mengatakan pada Rabu (13/9/2023), …"
        if body[content : content + 1] in OPENERS + "'‘":
            return None  # "X mengatakan: “…”" is a direct quotation, found above
        if len(body[content:s_end].split()) < MIN_REPORTED_WORDS:
            # "…, Harris said." / "…, kata Budi.": the content is what comes before the speaker.
            comma = body.rfind(",", s_start, subject.start)
            if comma > s_start and not body[comma + 1 : subject.start].strip(" "):
                return _reported(body, s_start, comma, verb["cue"], subject)
            continue
        return _reported(body, content, s_end, verb["cue"], subject)
    return None


def _tail_reported(body: str, s_start: int, s_end: int, entities: list[Entity],
                   direct: list[Candidate]) -> Candidate | None:
    """"…, kata Budi." / "…, tambahnya." — the cue and speaker after the content."""
    tail = patterns()["short_tail"].search(body, s_start, s_end)
    if tail is None or inside(direct, tail.start()) or body[s_start] in OPENERS:
        return None
    if tail["nya"]:
        subject: Subject | None = Subject("-nya", tail.start("nya"), "clitic")
    else:
        subject = subject_after(body, tail.end(), entities)
    if subject is None:
        return None
    return Candidate(s_start, tail.start(), "indirect", tail["cue"] + (tail["nya"] or ""), subject)


def _names_after(body: str, pos: int, entities: list[Entity]) -> bool:
    """Whether a name (not a pronoun or a plain word) follows ``pos``: "said Amnesty International"."""
    subject = subject_after(body, pos, entities)
    return subject is not None and subject.kind in ("entity", "name")


def _reported(body: str, start: int, end: int, cue: str, subject: Subject) -> Candidate:
    while start < end and body[start] in " ,":
        start += 1
    while end > start and body[end - 1] in " .!?;,":
        end -= 1
    return Candidate(start, end, "indirect", cue, subject)


