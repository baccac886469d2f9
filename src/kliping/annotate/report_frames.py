"""Sentences → reported speech framed by a source rather than a verb: "Menurut X, …",
"Menurutnya, …", "…, according to X", "dilansir dari X, …", and passive reports ("Dikatakan oleh
X, …", "X dikatakan tidak …"). The spans and their speakers, for annotate/reported.py.
"""

from __future__ import annotations

import re
from functools import cache

from kliping.annotate.cues import Candidate, Subject, frames, patterns
from kliping.annotate.speech import (
    skip_space,
    subject_after,
)
from kliping.model import Entity

MIN_REPORTED_WORDS = 3
MAX_SOURCE_WORDS = 12  # "according to a 2018 survey by … of the University of North Carolina,"
# ", adding to …", ", citing …": a participle phrase trailing an attribution
_PARTICIPLE = re.compile(r"\s*[a-z]+ing\b")


def framed_report(body: str, s_start: int, s_end: int, entities: list[Entity]) -> Candidate | None:
    """"Menurut X, …" / "Menurutnya, …" / "According to reports, …" opening the sentence: the rest
    is the report. In the middle of it ("Kebijakan itu menurutnya adalah …", "One of them,
    according to records, had …") the whole sentence is. "…, according to X." closing it."""
    pats = patterns()
    open_frames = _open_frames()
    for frame in pats["frame"].finditer(body, s_start, s_end):
        if frame["nya"]:
            subject: Subject | None = Subject("-nya", frame.start("nya"), "clitic")
            comma = frame.end() - 1
        else:
            subject = subject_after(body, frame.end(), entities)
            comma = body.find(",", frame.end(), s_end)
            if comma < 0:
                continue
            if subject is None or subject.start + len(subject.text) > comma:
                # "according to reports," / "menurut situs Bild,": any short phrase may name the source
                phrase = body[frame.end() : comma].strip()
                if frame["cue"].lower() not in open_frames or not 0 < len(phrase.split()) <= MAX_SOURCE_WORDS:
                    continue
                subject = Subject(phrase, skip_space(body, frame.end()), "noun")
        if body[comma : comma + 1] != ",":
            continue
        if frame.start("cue") == _text_start(body, s_start):
            return report_span(body, comma + 1, s_end, frame["cue"], subject)
        if frame["cue"].lower() not in open_frames:
            # "kata" inside a clause is the noun ("kata itu"); "…, kata Budi, …" and "…, kata dia di
            # Jakarta, Rabu." are the short cue after its content, which _tail_reported reads.
            continue
        if frame["cue"].lower() in _tail_frames() and _PARTICIPLE.match(body, comma + 1, s_end) and (
                body[s_start : frame.start()].rstrip().endswith(",")):
            # "… is investigating WeWork, according to two people …, adding to …": what comes before
            return report_span(body, s_start, frame.start(), frame["cue"], subject)
        return report_span(body, s_start, s_end, frame["cue"], subject)
    return None


_POSSESSIVE = re.compile(r"(?P<owner>(?:[Tt]he\s+)?[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})['’]s\s")


def owner(body: str, subject: Subject | None) -> Subject | None:
    """"According to The Verge’s Stadia review": the source is the owner, "The Verge"."""
    if subject is None or subject.kind == "clitic":
        return subject
    m = _POSSESSIVE.match(body, subject.start, subject.start + len(subject.text) + 3)
    return Subject(m["owner"], subject.start, "noun") if m else subject


def frame_tail(body: str, s_start: int, s_end: int, entities: list[Entity]) -> Candidate | None:
    """"…, according to X." / "…, demikian dilansir BBC, Rabu (12/4)." / "…, according to two people
    familiar with the matter, adding …": the report is what comes before."""
    tail = patterns()["frame_tail"].search(body, s_start, s_end)
    if tail is None or tail.start() == s_start:
        return None
    stop = body.find(",", tail.end(), s_end)
    stop = s_end if stop < 0 else stop
    subject = subject_after(body, tail.end(), entities)
    if subject is None or subject.start + len(subject.text) > stop:
        words = body[tail.end() : stop].rstrip(" .!?")
        if not words or len(words.split()) > MAX_SOURCE_WORDS:
            return None
        subject = Subject(words, tail.end(), "noun")
    if stop < s_end and not patterns()["trailer"].match(body[stop + 1 : s_end]) and not is_date(body[stop:s_end]):
        return report_span(body, s_start, s_end, tail["cue"], subject)  # "One of them, according to X, had …"
    return report_span(body, s_start, tail.start(), tail["cue"], subject)


def is_date(text: str) -> bool:
    """", Rabu (12/4/2017)." — a dateline after an attribution."""
    return len(text.strip(" ,.").split()) <= 3 and bool(re.search(r"\d", text))


@cache
def _open_frames() -> frozenset[str]:
    return frozenset(f.lower() for f in frames("open"))


@cache
def _tail_frames() -> frozenset[str]:
    return frozenset(f.lower() for f in frames("tail"))


def _text_start(body: str, pos: int) -> int:
    """Where the text at ``pos`` begins, past spaces and opening quote marks."""
    return pos + len(body[pos : pos + 8]) - len(body[pos : pos + 8].lstrip(" \"“'‘"))


def passive(body: str, s_start: int, s_end: int, entities: list[Entity]) -> Candidate | None:
    """"Dikatakan Arief, …" / "Diungkapkan oleh Bupati, …": the rest is the report. "… disebut
    Talbot bisa memangkas …" / "… dinilai Habiburokhman jauh dari …": the whole sentence is."""
    unnamed: Candidate | None = None
    text_start = _text_start(body, s_start)
    for m in patterns()["passive"].finditer(body, s_start, s_end):
        # "Seperti (yang) disampaikan X, …", "Sebagaimana dikatakan X, …": the cue opens the sentence
        opening = m.start() == text_start or _AS_SAID.fullmatch(body, text_start, m.start()) is not None
        if not opening and re.search(r"\b(?i:yang)\s+$", body[max(s_start, m.start() - 6) : m.start()]):
            continue  # "pasal yang disebut Agus sebagai …" names a thing, reports no speech
        if m["nya"]:
            subject = Subject("-nya", m.start("nya"), "clitic")
        else:
            agent = subject_after(body, m.end(), entities)
            if agent is None or agent.kind not in ("entity", "name"):
                unnamed = unnamed or _evidential(body, m, s_start, s_end)
                continue
            subject = agent
        end = subject.start + len(subject.text) if subject.kind != "clitic" else m.end()
        if opening:
            comma = body.find(",", end, s_end)
            if comma < 0 or body[end:comma].strip():
                continue
            return report_span(body, comma + 1, s_end, m["cue"], subject)
        if len(body[end:s_end].split()) < MIN_REPORTED_WORDS:
            continue  # "Data ini diungkapkan oleh BPS.": the report was the sentence before
        if _POINTS_BACK.fullmatch(body, text_start, m.start()) and (
                patterns()["trailer"].match(body[end:s_end]) or is_date(body[end:s_end])):
            # "Hal itu disampaikan Budi di Jakarta, Senin (12/4).": the report was the sentence before
            continue
        return report_span(body, s_start, s_end, m["cue"], subject)
    return unnamed or _menurutnya(body, s_start, s_end)


_AS_SAID = re.compile(r"(?i:seperti|sebagaimana)(?:\s+(?i:yang))?\s+")
# "Hal itu", "Pernyataan tersebut", "Prediksi ini" before a passive cue: a phrase pointing back
_POINTS_BACK = re.compile(r"(?:[\w-]+\s+){1,3}(?i:itu|ini|tersebut)(?:\s+(?i:juga|pun|pula))?\s+")
# "Costa dikatakan tidak berlatih …", "Disebutkan lebih jauh, bahwa …": a passive with no one
# named — the speaker is left unknown. (English "is said to be …" is more often the writer's.)
_UNNAMED_CUES = frozenset({"dikatakan", "dilaporkan", "dikabarkan", "disebutkan", "disebut"})
_EVIDENTIAL_OPEN = re.compile(r"(?:(?:lebih\s+)?(?:lanjut|jauh))?\s*,\s*(?:bahwa\b)?")
_EVIDENTIAL_GOES_ON = re.compile(r"(?:(?:juga|pula|pun)\s+)?(?!oleh\b)[a-z]")
# "yang disebut …" names a thing; "bisa dikatakan …" is the writer's own judgement.
_NOT_EVIDENTIAL = re.compile(r"\b(?i:bisa|dapat|boleh|sering|biasa)\s+$")


def _evidential(body: str, m: re.Match[str], s_start: int, s_end: int) -> Candidate | None:
    """The report of a passive cue ``m`` that names no one."""
    if m["cue"].lower() not in _UNNAMED_CUES or m.end() - m.start() > len(m["cue"]) + 1:
        return None  # another verb, or "… oleh" with no name after it
    if len(body[m.end() : s_end].split()) < MIN_REPORTED_WORDS:
        return None
    if m.start() == _text_start(body, s_start):
        opened = _EVIDENTIAL_OPEN.match(body, m.end(), s_end)
        return report_span(body, opened.end(), s_end, m["cue"], None) if opened else None
    if (_NOT_EVIDENTIAL.search(body, max(s_start, m.start() - 8), m.start())
            or not _EVIDENTIAL_GOES_ON.match(body, m.end(), s_end)):
        return None
    return report_span(body, s_start, s_end, m["cue"], None)


def _menurutnya(body: str, s_start: int, s_end: int) -> Candidate | None:
    """"Kebijakan itu menurutnya adalah …", "…, menurutnya sih …": "menurutnya" with no comma after
    it (the frame pattern takes the one with a comma)."""
    at = body.find("enurutnya", s_start, s_end)  # a plain find: most sentences have none
    if at < 1 or body[at - 1] not in "Mm" or (at > 1 and body[at - 2].isalnum()):
        return None
    end = at + len("enurutnya")
    if body[end : end + 1].isalnum() or body[end:s_end].lstrip().startswith(",") or len(
            body[end:s_end].split()) < MIN_REPORTED_WORDS:
        return None
    start = end if at - 1 == _text_start(body, s_start) else s_start
    return report_span(body, start, s_end, body[at - 1 : at + 6], Subject("-nya", at + 6, "clitic"))


def trimmed(body: str, start: int, end: int) -> tuple[int, int]:
    while start < end and body[start] in " ,":
        start += 1
    while end > start and body[end - 1] in " .!?;,":
        end -= 1
    return start, end


def report_span(body: str, start: int, end: int, cue: str, subject: Subject | None) -> Candidate:
    start, end = trimmed(body, start, end)
    return Candidate(start, end, "indirect", cue, subject)
