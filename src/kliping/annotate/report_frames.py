"""Sentences → reported speech framed by a source rather than a verb: "Menurut X, …",
"Menurutnya, …", "In her view, …", "…, according to X", "dilansir dari X, …", passive reports
("Dikatakan oleh X, …", "X dikatakan tidak …") and a short cue after its content ("…, kata
Budi."). The spans and their speakers, for annotate/reported.py — with the speakers no name marks
("US officials said …") and the sentences joined where the splitter cut one.
"""

from __future__ import annotations

import re
from functools import cache

from kliping.annotate.cues import OPENERS, Candidate, Subject, frames, patterns, pronouns, words
from kliping.annotate.speech import (
    MAX_SUBJECT_GAP,
    inside,
    person_in_attribution,
    skip_space,
    subject_after,
)
from kliping.model import Entity
from kliping.resources import alt

MIN_REPORTED_WORDS = 3
MAX_SOURCE_WORDS = 12  # "according to reports by two of the firm’s former employees in London,"
MAX_TAIL_SUBJECT_WORDS = 6  # "…, the state-run news agency said."
MAX_AFFILIATION_WORDS = 6  # more when the source has an author: "… by X of the University of North Carolina,"
# Who was told, not who spoke: ", told Business Insider …"
LISTENER_VERBS = frozenset({"told", "tells", "telling"})
# ", adding to …", ", citing …": a participle phrase trailing an attribution
_PARTICIPLE = re.compile(r"\s*[a-z]+ing\b")


def framed_report(body: str, s_start: int, s_end: int, entities: list[Entity]) -> Candidate | None:
    """"Menurut X, …" / "Menurutnya, …" / "According to reports, …" opening the sentence: the rest
    is the report. In the middle of it ("Kebijakan itu menurutnya adalah …", "One of them,
    according to records, had …") the whole sentence is. "…, according to X." closing it."""
    open_frames = _flagged("open")
    for frame in scanners()["frame"].finditer(body, s_start, s_end):
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
                author = _author(body, frame.end(), comma)  # its affiliation may run long
                if frame["cue"].lower() not in open_frames or not 0 < len(phrase.split()) <= MAX_SOURCE_WORDS + (
                        MAX_AFFILIATION_WORDS if author else 0):
                    continue
                subject = author or Subject(phrase, skip_space(body, frame.end()), "noun")
        if body[comma : comma + 1] != ",":
            continue
        if frame.start("cue") == text_start(body, s_start):
            return report_span(body, comma + 1, s_end, frame["cue"], subject)
        if frame["cue"].lower() not in open_frames:
            # "kata" inside a clause is the noun ("kata itu"); "…, kata Budi, …" and "…, kata dia di
            # Jakarta, Rabu." are the short cue after its content, which tail_reported reads.
            continue
        if frame["cue"].lower() in _flagged("tail") and _PARTICIPLE.match(body, comma + 1, s_end) and (
                body[s_start : frame.start()].rstrip().endswith(",")):
            # "… is investigating WeWork, according to two people …, adding to …": what comes before
            return report_span(body, s_start, frame.start(), frame["cue"], subject)
        return report_span(body, s_start, s_end, frame["cue"], subject)
    return None


# "according to a 2018 survey by Penelope Muse Abernathy of the University of …": the author speaks.
_BY_AUTHOR = re.compile(r"\bby\s+(?P<name>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){1,3})")


def _author(body: str, start: int, end: int) -> Subject | None:
    m = _BY_AUTHOR.search(body, start, end)
    return Subject(m["name"], m.start("name"), "name") if m else None


# "In her view, …", "In the view of X, …", "Dari kacamata Winardi, …", "Dalam pandangan X, …": an
# opinion framed as someone's, opening the sentence (after "But", "Namun"), like "Menurut X, …".
_VIEWPOINT = re.compile(r"(?:(?i:but|and|yet|namun|tapi|tetapi|sementara\s+itu)\s*,?\s+)?"
                        r"(?:(?i:in)\s+(?P<pronoun>his|her|their)\s+(?:view|opinion)"
                        r"|(?i:in\s+the\s+(?:view|opinion)\s+of|dari\s+kacamata|dalam\s+pandangan)\s)")
_VIEW_WORD = re.compile(r"view|opinion|pandangan|kacamata")  # searched first: few sentences have one
VIEW_REACH = 40  # characters from a sentence's start to the frame's noun


def viewpoint(body: str, s_start: int, s_end: int, entities: list[Entity]) -> Candidate | None:
    if _VIEW_WORD.search(body, s_start, min(s_end, s_start + VIEW_REACH)) is None:
        return None
    m = _VIEWPOINT.match(body, text_start(body, s_start), s_end)
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
        subject = Subject(words, tail.end(), "noun")
    if stop < s_end and not patterns()["trailer"].match(body[stop + 1 : s_end]) and not is_date(body[stop:s_end]):
        return report_span(body, s_start, s_end, tail["cue"], subject)  # "One of them, according to X, had …"
    return report_span(body, s_start, tail.start(), tail["cue"], subject)


def is_date(text: str) -> bool:
    """", Rabu (12/4/2017)." — a dateline after an attribution."""
    return len(text.strip(" ,.").split()) <= 3 and bool(re.search(r"\d", text))


def cased(phrases: list[str]) -> str:
    """One regex alternative for ``phrases`` in lower case, capitalised or in capitals: matched case-
    sensitively, it scans in about half the time "(?i:…)" takes, over every sentence of every article."""
    return alt(sorted({f for p in phrases for f in (p, p[:1].upper() + p[1:], p.upper())}, key=len, reverse=True))


@cache
def scanners() -> dict[str, re.Pattern[str]]:
    """cues.patterns()' "report_verb", "frame" and "passive", case by case (see ``cased``)."""
    verbs = sorted(set(words("verb")) | set(words("report")))
    return {
        "report_verb": re.compile(rf"\b(?P<cue>{cased(verbs)})\b"),
        "frame": re.compile(rf"(?<!\w)(?P<cue>{cased(frames())})(?:(?P<nya>nya)\s*,|\s+)"),
        "passive": re.compile(rf"(?<!\w)(?P<cue>{cased(frames('passive'))})(?:(?P<nya>nya)\b|\s+(?:(?i:oleh)\s+)?)"),
    }


@cache
def _frame_tail() -> re.Pattern[str]:
    """"…, according to X." — and '… "feather-duvet lung," according to X.', the comma inside the
    closing quotation mark in the American way."""
    return re.compile(rf",[”\"’']?\s*(?P<cue>(?i:{alt(frames('tail'))}))\s+")


@cache
def _flagged(flag: str) -> frozenset[str]:
    return frozenset(f.lower() for f in frames(flag))


def text_start(body: str, pos: int) -> int:
    """Where the text at ``pos`` begins, past spaces and opening quote marks."""
    return pos + len(body[pos : pos + 8]) - len(body[pos : pos + 8].lstrip(" \"“'‘"))


def passive(body: str, s_start: int, s_end: int, entities: list[Entity]) -> Candidate | None:
    """"Dikatakan Arief, …" / "Diungkapkan oleh Bupati, …": the rest is the report. "… disebut
    Talbot bisa memangkas …" / "… dinilai Habiburokhman jauh dari …": the whole sentence is."""
    unnamed: Candidate | None = None
    first = text_start(body, s_start)
    for m in scanners()["passive"].finditer(body, s_start, s_end):
        # "Seperti (yang) disampaikan X, …", "Sebagaimana dikatakan X, …": the cue opens the sentence
        opening = m.start() == first or _AS_SAID.fullmatch(body, first, m.start()) is not None
        if not opening and _THING_NAMED.search(body, max(s_start, m.start() - 16), m.start()):
            # "pasal yang disebut Agus sebagai …" names a thing, reports no speech; "apa yang coba
            # disampaikan oleh Samsung" is what it said, not the report
            continue
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
        if _POINTS_BACK.fullmatch(body, first, m.start()) and (
                patterns()["trailer"].match(body[end:s_end]) or is_date(body[end:s_end])):
            # "Hal itu disampaikan Budi di Jakarta, Senin (12/4).": the report was the sentence before
            continue
        return report_span(body, s_start, s_end, m["cue"], subject)
    return unnamed or _menurutnya(body, s_start, s_end)


_THING_NAMED = re.compile(r"\b(?i:yang)(?:\s+(?i:coba|ingin|hendak|mau|telah|sudah|pernah|sering|kerap))?\s+$")
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
    if m.start() == text_start(body, s_start):
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
    start = end if at - 1 == text_start(body, s_start) else s_start
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


def tail_reported(body: str, s_start: int, s_end: int, entities: list[Entity],
                  quotations: list[Candidate]) -> Candidate | None:
    """"…, kata Budi." / "…, tambahnya." — the cue and speaker after the content; "Saat ini,
    lanjut Lembong, telah …" — in the middle of the sentence, which is the report."""
    tail = patterns()["short_tail"].search(body, s_start, s_end)
    if tail is None or inside(quotations, tail.start()) or body[s_start] in OPENERS:
        return None
    if tail["nya"]:
        subject: Subject | None = Subject("-nya", tail.start("nya"), "clitic")
        after = tail.end()
    else:
        subject = subject_after(body, tail.end(), entities)
        if subject is None:
            # ", says the World Health Organization.", ", say officials."
            words = body[tail.end() : s_end].strip(" .!?")
            if not words or len(words.split()) > MAX_TAIL_SUBJECT_WORDS or "," in words:
                return None
            subject = Subject(words, skip_space(body, tail.end()), "noun")
        after = subject.start + len(subject.text)
        initial = _INITIAL_GOES_ON.match(body, after, s_end)
        if initial is not None:
            # "said Mary E. Lovely, a …", "said Lt. Matt Harris, …": the recogniser stopped at a dot
            people = [e for e in entities if e.label == "PERSON" and after < e.start < initial.end()]
            if people and subject.entity is not None and subject.entity.label != "PERSON":
                subject = Subject(body[subject.start : people[0].end], subject.start, "entity", people[0])
            after = initial.end()
        elif not _closes(body[after:s_end]):
            # "said The We Company’s recently named executive chair Marcelo Claure in an email …"
            person = person_in_attribution(body, tail.end(), s_end, entities)
            if person is not None:
                subject, after = person, person.start + len(person.text)
    cue = tail["cue"] + (tail["nya"] or "")
    if cue.lower() in LISTENER_VERBS:
        return None  # ", told Business Insider …": who was told, not who spoke
    rest = body[after:s_end]
    if _APPOSITIVE.match(rest):
        # ", said Monica de Bolle, a senior fellow …" closes the report; "This system, says X, an
        # immunologist …, helps …" sits inside it.
        if len(body[s_start : tail.start()].split()) >= MIN_REPORTED_WORDS:
            return Candidate(s_start, tail.start(), "indirect", cue, subject)
        return Candidate(*trimmed(body, s_start, s_end), "indirect", cue, subject)
    if (rest.lstrip().startswith(",") and len(rest.split()) > MIN_REPORTED_WORDS
            and not patterns()["trailer"].match(rest) and not is_date(rest)):
        return Candidate(*trimmed(body, s_start, s_end), "indirect", cue, subject)
    if not patterns()["trailer"].match(rest) and not is_date(rest) and rest.strip(" .!?"):
        return None  # ", told Business Insider in October that …" is no closing attribution
    return Candidate(s_start, tail.start(), "indirect", cue, subject)


def _closes(rest: str) -> bool:
    """Whether what follows a speaker closes the attribution: the sentence's end, a comma, a trailer."""
    return not rest.strip(" .!?") or rest.lstrip().startswith(",") or bool(patterns()["trailer"].match(rest))
# ", said Scott Paul, who heads …": what follows the speaker describes the speaker.
_APPOSITIVE = re.compile(r"^\s*,\s*(?i:who|whose|which|a|an|the|yang|selaku|seorang|salah)\b")
_INITIAL_GOES_ON = re.compile(r"(?:(?<=\b[A-Z])|(?<=\b[A-Z][a-z]))\.(?:\s+[A-Z][\w’'-]+){1,3}(?=\s*[,.])")


# Who speaks for an office or stays unnamed: "US officials said", "Tuesday, prosecutors asserted",
# "sources in the camp told", "sumber keamanan mengatakan" — the plural or the role, lower case.
_SOURCE_NOUN = re.compile(r"\b(?:officials?|sources|prosecutors|police|investigators|authorities|analysts|experts"
                          r"|economists|diplomats|observers|critics|residents|witnesses|scientists|researchers"
                          r"|sumber|pejabat|penyidik|pengamat|saksi|petugas|aparat)\b")
# "…, however, argue that …", "…, pun, …": an adverb set off by commas between a subject and its verb
_ASIDE = re.compile(r",\s*(?i:however|though|meanwhile|too|also|in\s+turn|for\s+example|for\s+instance|in\s+fact"
                    r"|namun|pun|sementara\s+itu)\s*,\s*$")
# "His office said": the office of the person the sentence before named.
_OFFICE = re.compile(r"\b(?:[Hh]is|[Hh]er)\s+(?:office|campaign|team|camp)\s+$")
# "…, and confirmed that …", "…, who said that …": the verb's subject is the sentence's, or the one
# the relative pronoun stands for.
_AND_VERB = re.compile(r"[,”\"]\s+(?:and|but)\s+$")
_WHO_VERB = re.compile(r"(?:(?i:the|a|an)\s+(?P<noun>(?:[\w’'-]+\s+){0,2}[\w’'-]+)|(?P<name>[A-Z][\w’'-]*))"
                       r",\s+who\s+$")
_OPENING_NAME = re.compile(r"(?:(?i:the)\s+)?(?P<name>[A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*){0,3})\s+[a-z]")


def unnamed_subject(body: str, verb_start: int, s_start: int, entities: list[Entity],
                    participle: bool) -> Subject | None:
    """The speaker where no name or pronoun is next to the verb (see _SOURCE_NOUN, _OFFICE,
    _AND_VERB, _WHO_VERB); a participle after the sentence's own verb ("The US welcomed the
    exchange, saying …") has the sentence's subject too."""
    head = body[max(s_start, verb_start - MAX_SUBJECT_GAP) : verb_start]
    aside = _ASIDE.search(head)
    if aside is not None:
        head = head[: aside.start()] + " "
    if (office := _OFFICE.search(head)) is not None:
        at = verb_start - len(head) + office.start()
        people = [e for e in entities if e.label == "PERSON" and e.end <= at]
        # the person last named, not the last speaker: "Teachers didn’t see Holcomb …. His office said …"
        return Subject(office.group(0).strip(), at, "entity", people[-1]) if people else None
    if (who := _WHO_VERB.search(head)) is not None:
        group = "noun" if who["noun"] else "name"
        return Subject(who[group], verb_start - len(head) + who.start(group), "noun")
    if participle or _AND_VERB.search(head):
        return _opening_subject(body, s_start, verb_start, entities)
    clause = head[head.rfind(",") + 1 :]
    sources = list(_SOURCE_NOUN.finditer(clause))
    if not sources:
        return None
    return Subject(sources[-1].group(0), verb_start - len(clause) + sources[-1].start(), "noun")


def _opening_subject(body: str, s_start: int, verb_start: int, entities: list[Entity]) -> Subject | None:
    """The name or organisation opening the sentence: its subject."""
    start = text_start(body, s_start)
    for e in entities:
        if e.start >= verb_start:
            break
        if e.start in (start, start + 4) and e.label in ("PERSON", "ORG", "PLACE"):
            return Subject(e.text, e.start, "entity", e)
    m = _OPENING_NAME.match(body, start, verb_start)
    if m is None:
        return None
    kind = "pronoun" if m["name"].lower() in pronouns() else "noun"  # "He describes …, but cautions …"
    return Subject(m["name"], m.start("name"), kind)


# A sentence the splitter cut after an initialism ("… from the U.S. Securities …") goes on.
INITIALISM_TAIL = 12  # characters: "U.S.", "D.C.", "p.m." and a space before them
_INITIALISM_END = re.compile(r"(?:\b[A-Z]\.){2,}$|\b[ap]\.m\.$")
# "… give the ID. SPACE VIZZION a near-50:50 …": a name in capitals with a dot inside goes on.
_CAPITALS_END = re.compile(r"\s[A-Z]{2,3}\.$")
_CAPITALS_START = re.compile(r"[A-Z]{3,}\s+[A-Z]{3,}\b")


def joined(body: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences, with one that ends in an initialism inside its paragraph, or in no punctuation at
    all, joined to the next."""
    out: list[tuple[int, int]] = []
    for start, end in sentences:
        # Only a sentence's last characters can end in an initialism: search there, not from its start.
        tail_from = max(out[-1][0], out[-1][1] - INITIALISM_TAIL) if out else 0
        # Both endings have a capital (or the "m" of "p.m.") before the final dot: test that first.
        if out and (body[out[-1][1] - 2 : out[-1][1] - 1].isupper() or body[out[-1][1] - 2 : out[-1][1]] == "m.") and (
                "\n" not in body[out[-1][1] : start]) and (
                _INITIALISM_END.search(body, tail_from, out[-1][1])
                or (_CAPITALS_END.search(body, tail_from, out[-1][1]) and _CAPITALS_START.match(body, start))):
            out[-1] = (out[-1][0], end)
        elif out and body[start : start + 1].islower() and body[out[-1][1] - 1 : out[-1][1]].islower():
            # "… ini beragendakan\n\nmembahas isu …": a paragraph broken in mid-sentence goes on
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out
