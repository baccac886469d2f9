"""Sentences → reported speech framed by a source rather than a verb: "Menurut X, …",
"Menurutnya, …", "In her view, …", "…, according to X", "dilansir dari X, …" and passive reports
("Dikatakan oleh X, …", "X dikatakan tidak …"). The spans and their speakers, for
annotate/reported.py; a short cue beside its content ("…, kata Budi.") is report_short_cues.py's.
"""

from __future__ import annotations

import re
from functools import cache

from kliping.annotate.cue_neighbours import skip_space
from kliping.annotate.cues import Candidate, Subject, patterns
from kliping.annotate.descriptions import description_subject, is_person_noun, is_voice_noun
from kliping.annotate.genders import pronoun_gender
from kliping.annotate.name_words import title_words
from kliping.annotate.report_clauses import clause_patterns
from kliping.annotate.report_spans import (
    DATED,
    MAX_SOURCE_WORDS,
    MIN_REPORTED_WORDS,
    is_date,
    lead_start,
    past_connective,
    report_span,
    scanners,
    source_frames,
    text_start,
)
from kliping.annotate.report_speakers import epithet
from kliping.annotate.report_words import either, flagged, listed, verb_classes
from kliping.annotate.speech import subject_after
from kliping.model import Entity
from kliping.resources import alt

MAX_AFFILIATION_WORDS = 6  # more when the source has an author: "… by X of the University of North Carolina,"
# ", adding to …", ", citing …": a participle phrase trailing an attribution
_PARTICIPLE = re.compile(r"\s*[a-z]+ing\b")


def framed_report(body: str, s_start: int, s_end: int, entities: list[Entity]) -> Candidate | None:
    """"Menurut X, …" / "Menurutnya, …" / "According to reports, …" opening the sentence: the rest
    is the report. In the middle of it ("Kebijakan itu menurutnya adalah …", "One of them,
    according to records, had …") the whole sentence is. "…, according to X." closing it."""
    for frame in scanners()["frame"].finditer(body, s_start, s_end):
        open_frames = _flagged("open")  # in the loop: most sentences have no frame
        if frame["cue"].lower() in _flagged("start") and (frame.start("cue") != text_start(body, s_start) or (
                _POINTS_BACK.match(body, frame.end()))):
            continue  # "Budi dalam pernyataannya mengatakan …", "Dalam laporan tersebut, …"
        if frame["nya"]:
            subject: Subject | None = Subject("-nya", frame.start("nya"), "clitic")
            comma = frame.end() - 1
        else:
            subject = subject_after(body, frame.end(), entities)
            comma = body.find(",", frame.end(), s_end)
            if comma < 0 or _comma_inside_report(body, subject, comma):
                # no comma, or a later one inside the report ("Menurut Sutopo saat ini evakuasi masih
                # dilakukan di masjid, di Desa …"): the frame's own comma is left out
                if (found := _unclosed(body, frame, s_start, s_end, subject)) is not None:
                    return found
                continue
            if subject is None or subject.start + len(subject.text) > comma:
                # "according to reports," / "menurut situs Bild,": any short phrase may name the source
                phrase = body[frame.end() : comma].strip()
                author = _author(body, frame.end(), comma)  # its affiliation may run long
                if frame["cue"].lower() not in open_frames or not 0 < len(phrase.split()) <= MAX_SOURCE_WORDS + (
                        MAX_AFFILIATION_WORDS if author else 0):
                    continue
                at = skip_space(body, frame.end())
                if pronoun_gender(phrase) is not None:
                    # "According to him, …": the person named before, as "he said" points back
                    subject = Subject(phrase, at, "pronoun")
                else:
                    subject = author or _described(body, Subject(phrase, at, "noun"), entities)
        if body[comma : comma + 1] != ",":
            continue
        if (subject is None or subject.entity is None or subject.entity.label != "PERSON") and (
                apposed := _named_in_apposition(body, frame.end(), comma, s_end, entities)) is not None:
            subject, comma = apposed  # "According to the police spokesperson in X state, Ann Roe, …"
        if subject is not None:
            subject = epithet(body, subject, entities)  # "Menurut pensiunan jenderal itu, …"
        if frame.start("cue") == text_start(body, s_start):
            return report_span(body, comma + 1, s_end, frame["cue"], subject)
        if frame["cue"].lower() not in open_frames:
            # "kata" inside a clause is the noun ("kata itu"); "…, kata Budi, …" and "…, kata dia di
            # Jakarta, Rabu." are the short cue after its content, which report_short_cues.py reads.
            continue
        if frame["cue"].lower() in _flagged("tail") and (
                _PARTICIPLE.match(body, comma + 1, s_end) or _WRITER_GOES_ON.match(body, comma + 1, s_end)) and (
                body[s_start : frame.start()].rstrip().endswith(",")):
            # "… is investigating WeWork, according to two people …, adding to …", "…, according to
            # The Wrap, so it’s possible …": what comes before
            return report_span(body, s_start, frame.start(), frame["cue"], subject)
        return report_span(body, past_connective(body, s_start, frame.start(), comma), s_end, frame["cue"], subject)
    return None


_APPOSED_NAME = re.compile(r"\s*(?:[A-Z][A-Za-z.]*\s+){0,2}")  # a rank or title before the name ("SP ", "Insp. ")


def _named_in_apposition(body: str, start: int, comma: int, s_end: int,
                         entities: list[Entity]) -> tuple[Subject, int] | None:
    """"According to a statement by the Police Public Relations Officer, SP Ann Roe, the suspects
    …": a person named between commas after a frame whose source is a person's role or voice is
    that source, and the report starts after the second comma. Not "According to police, Roe, 45,
    was …": a body's frame, and a name with an age, begin the report."""
    words = [w.strip(",.").casefold() for w in body[start:comma].split()]
    if not any(is_person_noun(w) or w in title_words() or is_voice_noun(w) for w in words):  # roles are titles too
        return None
    title = _APPOSED_NAME.match(body, comma + 1)
    at = title.end() if title is not None else comma + 1
    for e in entities:
        if e.start > at:
            break
        if e.label == "PERSON" and comma < e.start <= at and body[e.end : e.end + 1] == "," and not (
                _AGE_AFTER.match(body, e.end + 1, s_end)):
            return Subject(e.text, e.start, "entity", e), e.end
    return None


_AGE_AFTER = re.compile(r"\s*\d")


# "Dalam laporan tersebut, …": a frame's source that only points back
_POINTS_BACK = re.compile(rf"(?i:{either(listed('report_demonstratives.txt'))})\s*,")


# the clause after "menurut Hadi" when no comma closes the frame: it starts with a lower-case word
_CLAUSE_GOES_ON = re.compile(r"\s+[a-z]")


# what may stand between a frame's name and its comma: an apposition or a role ("Menurut Budi yang
# juga ketua panitia, …", "Menurut Budi selaku ketua, …") — a phrase of place or time is a trailer
_APPOSED = re.compile(r"\s*(?:yang|selaku|sebagai|sang|dari)\b")


def _comma_inside_report(body: str, subject: Subject | None, comma: int) -> bool:
    """Whether ``comma`` comes after a clause that follows the frame's name: a lower-case word
    opening a phrase that is neither a trailer ("di Jakarta", "saat dihubungi") nor an apposition."""
    if subject is None or subject.kind not in ("entity", "name"):
        return False
    end = subject.start + len(subject.text)
    if end >= comma or len(body[end:comma].split()) < MIN_REPORTED_WORDS:
        return False
    if clause_patterns()["clause_opener"].match(body, end, comma):
        return True  # "Menurut Budi saat ini …", "Menurut Budi pihaknya telah …"
    return (_CLAUSE_GOES_ON.match(body, end, comma) is not None and patterns()["trailer"].match(body[end:comma]) is None
            and _APPOSED.match(body, end, comma) is None)


def _unclosed(body: str, frame: re.Match[str], s_start: int, s_end: int, subject: Subject | None) -> Candidate | None:
    """"Terkait alutsista, menurut Hadi memang masih belum …", "Menurut David kesempatan itu terbuka
    lebar.": a name after an opening frame with its comma left out — the clause after the name is the
    report (a sentence with a comma after the frame reads as usual)."""
    cue = frame["cue"].lower()
    if (subject is None or subject.kind not in ("entity", "name") or cue not in _flagged("open")
            or cue in _flagged("tail")):
        return None  # "…, according to Sui-Lee Wee of the Times." closes its sentence: the tail form
    before = body[s_start : frame.start()].rstrip()
    end = subject.start + len(subject.text)
    if (before and not before.endswith(",")) or body[frame.end() : subject.start].strip():
        return None  # "Kebijakan itu menurut Budi …" inside a clause, "menurut data BPS …"
    if not _CLAUSE_GOES_ON.match(body, end, s_end) or len(body[end:s_end].split()) < MIN_REPORTED_WORDS:
        return None
    return report_span(body, end, s_end, frame["cue"], subject)


# "according to a 2018 survey by Penelope Muse Abernathy of the University of …": the author speaks.
_BY_AUTHOR = re.compile(r"\bby\s+(?P<name>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){1,3})")


def _author(body: str, start: int, end: int) -> Subject | None:
    m = _BY_AUTHOR.search(body, start, end)
    return Subject(m["name"], m.start("name"), "name") if m else None


VIEW_REACH = 40  # characters from a sentence's start to the frame's noun


@cache
def _viewpoint() -> dict[str, re.Pattern[str]]:
    """"In her view, …", "In the view of X, …", "Dari kacamata Winardi, …", "Dalam pandangan X, …":
    an opinion framed as someone's, opening the sentence (after "But", "Namun"), like "Menurut X, …"."""
    lead = either(flagged("report_conjunctions.tsv", "viewpoint"))
    owners, nouns = flagged("report_viewpoints.tsv", "owner"), either(flagged("report_viewpoints.tsv", "noun"))
    whole = flagged("report_viewpoints.tsv", "frame")
    return {
        "frame": re.compile(rf"(?:(?i:{lead})\s*,?\s+)?"
                            rf"(?:(?i:in)\s+(?P<pronoun>{either(owners)})\s+(?:{nouns})"
                            rf"|(?i:in\s+the\s+(?:{nouns})\s+of|{either(whole)})\s)"),
        # searched first: few sentences have one
        "word": re.compile(either(viewpoint_words())),
    }


def viewpoint_words() -> list[str]:
    """What ``viewpoint`` searches for first: no frame of it is written without one of these."""
    frames = flagged("report_viewpoints.tsv", "frame")
    return [*flagged("report_viewpoints.tsv", "noun"), *(f.split()[-1] for f in frames)]


def viewpoint(body: str, s_start: int, s_end: int, entities: list[Entity]) -> Candidate | None:
    pats = _viewpoint()
    if pats["word"].search(body, s_start, min(s_end, s_start + VIEW_REACH)) is None:
        return None
    m = pats["frame"].match(body, text_start(body, s_start), s_end)
    if m is None:
        return None
    comma = body.find(",", m.end(), s_end)
    if comma < 0 or len(body[m.end() : comma].split()) > MAX_SOURCE_WORDS:
        return None
    if m["pronoun"]:
        subject: Subject | None = Subject(m["pronoun"], m.start("pronoun"), "pronoun")
    else:
        subject = subject_after(body, m.end(), entities)
        if subject is None or subject.start + len(subject.text) > comma:
            return None
    return report_span(body, comma + 1, s_end, m.group(0).strip(), subject)


def frame_tail(body: str, s_start: int, s_end: int, entities: list[Entity]) -> Candidate | None:
    """"…, according to X." / "…, demikian dilansir BBC, Rabu (12/4)." / "…, according to two people
    familiar with the matter, adding …": the report is what comes before."""
    tail = _frame_tail().search(body, s_start, s_end)
    if tail is None or tail.start() == s_start:
        return None
    stop = body.find(",", tail.end(), s_end)
    stop = s_end if stop < 0 else stop
    subject = subject_after(body, tail.end(), entities)
    if subject is None or subject.start + len(subject.text) > stop:
        words = body[tail.end() : stop].rstrip(" .!?")
        if not words or len(words.split()) > MAX_SOURCE_WORDS:
            return None
        subject = _described(body, Subject(words, tail.end(), "noun"), entities)
    if stop < s_end and not patterns()["trailer"].match(body[stop + 1 : s_end]) and not is_date(body[stop:s_end]) and (
            not _WRITER_GOES_ON.match(body, stop + 1, s_end)):
        return report_span(body, s_start, s_end, tail["cue"], subject)  # "One of them, according to X, had …"
    return report_span(body, lead_start(body, s_start, tail.start()), tail.start(), tail["cue"], subject)


def _described(body: str, subject: Subject, entities: list[Entity]) -> Subject:
    """"…, according to the company.", "According to the agency, …": a definite description as the
    source points back at the body (or person) the article named, as it does before a verb."""
    if any(w[:1].isupper() for w in subject.text.split()[1:]):
        return subject  # "menurut sang istri Vicky": the phrase names its speaker
    described = description_subject(body, subject.text, subject.start, entities)
    return described if described is not None and described.kind in ("entity", "anonymous") else subject


# "…, according to The Wrap, so it’s possible …": a conjunction after the source's comma opens the
# writer's clause — the report is what stood before the source
_WRITER_GOES_ON = re.compile(rf"\s*(?:{either(flagged('report_conjunctions.tsv', 'after_source'))})\s")


@cache
def _frame_tail() -> re.Pattern[str]:
    """"…, according to X." — and '… "feather-duvet lung," according to X.', the comma inside the
    closing quotation mark in the American way."""
    return re.compile(rf",[”\"’']?\s*(?P<cue>(?i:{alt(source_frames('tail'))}))\s+")


@cache
def _flagged(flag: str) -> frozenset[str]:
    return frozenset(f.lower() for f in source_frames(flag))


@cache
def _passive() -> dict[str, re.Pattern[str]]:
    demonstratives = either(listed("report_demonstratives.txt"))
    additive = either(flagged("report_particles.tsv", "additive"))
    return {
        # "pasal yang disebut Agus sebagai …", "apa yang coba disampaikan oleh Samsung": a thing named
        "thing_named": re.compile(
            rf"\b(?i:yang)(?:\s+(?i:{either(flagged('report_particles.tsv', 'after_yang'))}))?\s+$"),
        # "Seperti (yang) disampaikan X, …", "Sebagaimana dikatakan X, …": the cue opens the sentence
        "as_said": re.compile(rf"(?i:{either(flagged('report_conjunctions.tsv', 'as_said'))})(?:\s+(?i:yang))?\s+"),
        # "Hal itu", "Pernyataan tersebut", "Prediksi ini" before a passive cue: a phrase pointing back
        "points_back": re.compile(rf"(?:[\w-]+\s+){{0,3}}(?i:{demonstratives})(?:\s+(?i:{additive}))?\s+"),
        # "Disebutkan lebih jauh, bahwa …": a passive opening the sentence with no one named
        "evidential_open": re.compile(
            rf"(?:{either(flagged('report_particles.tsv', 'evidential_adverb'))})?\s*,\s*(?:bahwa\b)?"),
        "evidential_goes_on": re.compile(rf"(?:(?:{additive})\s+)?(?!oleh\b)[a-z]"),
        "naming": re.compile(rf"(?:(?:{additive})\s+)?(?:{either(flagged('report_particles.tsv', 'naming'))})\b"),
        # "bisa dikatakan …" is the writer's own judgement.
        "not_evidential": re.compile(rf"\b(?i:{either(flagged('report_particles.tsv', 'judgement'))})\s+$"),
    }


def passive(body: str, s_start: int, s_end: int, entities: list[Entity]) -> Candidate | None:
    """"Dikatakan Arief, …" / "Diungkapkan oleh Bupati, …": the rest is the report. "… disebut
    Talbot bisa memangkas …" / "… dinilai Habiburokhman jauh dari …": the whole sentence is.
    "Ditegaskan bahwa …" naming no one: the person speaking goes on (``_said_on``)."""
    unnamed: Candidate | None = None
    for m in scanners()["passive"].finditer(body, s_start, s_end):
        # in the loop: most sentences have no passive cue
        pats, first = _passive(), text_start(body, s_start)
        opening = m.start() == first or pats["as_said"].fullmatch(body, first, m.start()) is not None
        if not opening and pats["thing_named"].search(body, max(s_start, m.start() - 16), m.start()):
            # "pasal yang disebut Agus sebagai …" names a thing, reports no speech; "apa yang coba
            # disampaikan oleh Samsung" is what it said, not the report
            continue
        if m["nya"]:
            subject = Subject("-nya", m.start("nya"), "clitic")
        else:
            agent = None if body.startswith(",", skip_space(body, m.end())) else subject_after(body, m.end(), entities)
            if agent is None and opening and (said := _said_on(body, m, s_end)) is not None:
                return said
            if agent is None or agent.kind not in ("entity", "name"):
                unnamed = unnamed or _evidential(body, m, s_start, s_end)
                continue
            subject = agent
        end = subject.start + len(subject.text) if subject.kind != "clitic" else m.end()
        if opening:
            comma = body.find(",", end, s_end)
            if comma >= 0 and (not body[end:comma].strip() or patterns()["trailer"].match(body[end:comma])):
                # "Dikatakan Arief, …", "Disampaikan Budi di sela acara itu, …"
                return report_span(body, comma + 1, s_end, m["cue"], subject)
            if subject.kind != "clitic" and m["cue"].lower() in verb_classes()["evidential"] and _CLAUSE_GOES_ON.match(
                    body, end, s_end) and len(body[m.end() : s_end].split()) > MIN_REPORTED_WORDS:
                # "Disebutkan Spiral Ventures bakal mengumpulkan …": no agent, the name opens the report
                return report_span(body, m.end(), s_end, m["cue"], None)
            continue
        if len(body[end:s_end].split()) < MIN_REPORTED_WORDS:
            continue  # "Data ini diungkapkan oleh BPS.": the report was the sentence before
        if pats["points_back"].fullmatch(body, first, m.start()) and (
                patterns()["trailer"].match(body[end:s_end]) or is_date(body[end:s_end])
                or DATED.search(body, end, s_end) or m["cue"].lower().split()[0] in verb_classes()["utterance"]):
            # "Hal itu disampaikan Budi di Jakarta, Senin (12/4).", "Pernyataan tegas tersebut
            # disampaikan Budi merespons …": the report was the sentence before, what follows the
            # name is when and why it was said ("Dana ini disebut mengalir ke …", "Sistem ini diakui
            # Tinia bisa …" say something new of the thing)
            continue
        return report_span(body, s_start, s_end, m["cue"], subject)
    return unnamed or _menurutnya(body, s_start, s_end)


_SAID_ON = re.compile(r"\s*(?:,\s*(?:(?i:bahwa)\b\s*)?|(?i:bahwa)\b\s*)")


def _said_on(body: str, m: re.Match[str], s_end: int) -> Candidate | None:
    """"Ditegaskan bahwa …", "Dikatakan, …" opening a sentence with no one named: the person speaking
    goes on (an implicit subject, resolved like "ujarnya"), where "Disebutkan, …" or "Dilaporkan
    bahwa …" report hearsay (``_evidential``)."""
    cue = m["cue"].lower()
    if cue not in verb_classes()["utterance"] and cue != "dikatakan":
        return None
    opened = _SAID_ON.match(body, m.end(), s_end)
    if opened is None or len(body[opened.end() : s_end].split()) < MIN_REPORTED_WORDS:
        return None
    return report_span(body, opened.end(), s_end, m["cue"], Subject("", m.start(), "implicit"))


def _evidential(body: str, m: re.Match[str], s_start: int, s_end: int) -> Candidate | None:
    """The report of a passive cue ``m`` that names no one: "Costa dikatakan tidak berlatih …",
    "Disebutkan lebih jauh, bahwa …" — the speaker is left unknown. (English "is said to be …" is
    more often the writer's.)"""
    if m["cue"].lower() not in verb_classes()["evidential"] or m.end() - m.start() > len(m["cue"]) + 1:
        return None  # another verb, or "… oleh" with no name after it
    if len(body[m.end() : s_end].split()) < MIN_REPORTED_WORDS:
        return None
    pats = _passive()
    if m.start() == text_start(body, s_start):
        opened = pats["evidential_open"].match(body, m.end(), s_end)
        return report_span(body, opened.end(), s_end, m["cue"], None) if opened else None
    goes_on = pats["evidential_goes_on"].match(body, m.end(), s_end)
    if goes_on is None or pats["not_evidential"].search(body, max(s_start, m.start() - 8), m.start()):
        return None
    if (that := _THAT.match(body, m.end(), s_end)) and body[s_start : m.start()].rstrip().endswith(","):
        # "Sebelum mengincar Phoenix, dilaporkan bahwa DiCaprio …": the clause after "bahwa"
        return report_span(body, that.end(), s_end, m["cue"], None)
    if pats["naming"].match(body, m.end(), s_end):
        return report_span(body, s_start, s_end, m["cue"], None)  # "Soedjono disebut sebagai perwira …"
    # "Naskah itu disebut tak bisa dijalankan", "Leclerc dikabarkan akan bergabung …": with no one
    # named, what is said of the subject is the report — the subject is the writer's own words
    return report_span(body, goes_on.end() - 1, s_end, m["cue"], None)


_THAT = re.compile(r"(?i:bahwa)\b\s*")


MENURUTNYA = "enurutnya"  # "Menurutnya"/"menurutnya" without its first letter: one find for both


def _menurutnya(body: str, s_start: int, s_end: int) -> Candidate | None:
    """"Kebijakan itu menurutnya adalah …", "…, menurutnya sih …": "menurutnya" with no comma after
    it (the frame pattern takes the one with a comma)."""
    at = body.find(MENURUTNYA, s_start, s_end)  # a plain find: most sentences have none
    if at < 1 or body[at - 1] not in "Mm" or (at > 1 and body[at - 2].isalnum()):
        return None
    end = at + len(MENURUTNYA)
    if body[end : end + 1].isalnum() or body[end:s_end].lstrip().startswith(",") or len(
            body[end:s_end].split()) < MIN_REPORTED_WORDS:
        return None
    start = end if at - 1 == text_start(body, s_start) else s_start
    return report_span(body, start, s_end, body[at - 1 : at + 6], Subject("-nya", at + 6, "clitic"))
