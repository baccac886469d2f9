"""Sentences → reported speech marked by a short cue beside its content rather than a verb clause:
"…, kata Budi." / "…, tambahnya." / "…, said Mary Lovely, a …" after it (or "Saat ini, lanjut
Lembong, telah …" in its middle), "Lanjut Budi, …" / "Tambah dia, …" before it. The spans and
their speakers, for annotate/reported.py — and English copy's closing speaker's phrase ("…, Norway's
coast guard said."); the frames of a source ("Menurut X, …") and passives
are report_frames.py's.
"""

from __future__ import annotations

import re
from functools import cache

from kliping import resources
from kliping.annotate.attribution_names import person_in_attribution
from kliping.annotate.cue_neighbours import skip_space, starting_in
from kliping.annotate.cues import OPENERS, Candidate, Subject, english_verbs, patterns, pronouns
from kliping.annotate.descriptions import anonymous, description_subject
from kliping.annotate.report_clauses import MIN_LEAD_WORDS, clause_patterns
from kliping.annotate.report_spans import (
    DATED,
    MAX_TAIL_SUBJECT_WORDS,
    MIN_REPORTED_WORDS,
    is_date,
    lead_start,
    past_connective,
    report_span,
    scanners,
    text_start,
    trimmed,
)
from kliping.annotate.report_speakers import described_after
from kliping.annotate.report_words import either, flagged, listed, verb_classes
from kliping.annotate.speech import inside, subject_after
from kliping.model import Entity


def tail_reported(body: str, s_start: int, s_end: int, entities: list[Entity],
                  quotations: list[Candidate]) -> Candidate | None:
    """"…, kata Budi." / "…, tambahnya." — the cue and speaker after the content; "Saat ini,
    lanjut Lembong, telah …" — in the middle of the sentence, which is the report. A cue's word
    that names no one after it ("After the flood, state engineers have …, said X.": "state"
    is a noun there) is passed for the next one."""
    if body[s_start] in OPENERS:
        return None
    for tail in scanners()["tail"].finditer(body, s_start, s_end):
        if inside(quotations, tail.start()):
            return None
        if tail["nya"]:
            subject = Subject("-nya", tail.start("nya"), "clitic")
            after = tail.end()
        else:
            speaker = _speaker_after(body, tail, s_end, entities)
            if speaker is None:
                continue
            subject, after = speaker
        cue = tail["cue"] + (tail["nya"] or "")
        if cue.lower() in verb_classes()["listener"]:
            return None  # ", told Business Insider …": who was told, not who spoke
        if person_and_appositive(body, s_start, tail.start(), entities):
            return None  # "Ann Roe, the harbour master, says Tom Webb, the ferry's owner, never …": she speaks
        return _report_around(body, tail.start(), s_start, s_end, cue, subject, after)
    return None


_APPOSITIVE_ONLY = re.compile(r"\s*,[^,;:“”\"]{1,80}(?:,\s*)?")


def person_and_appositive(body: str, s_start: int, at: int, entities: list[Entity]) -> bool:
    """Whether the words from a sentence's start to ``at`` (a verb after a comma) are a person
    opening the sentence and their appositive, no clause: the person is the verb's subject, the
    words after the verb the report — not a report before a closing "says X"."""
    start = text_start(body, s_start)
    person = next((e for e in entities if e.start == start and e.label == "PERSON"), None)
    if person is None:
        return False
    m = _APPOSITIVE_ONLY.fullmatch(body, person.end, at)
    return m is not None and not clause_patterns()["finite"].search(m.group(0))


def _speaker_after(body: str, tail: re.Match[str], s_end: int, entities: list[Entity]) -> tuple[Subject, int] | None:
    """The speaker named after a tail cue and where the attribution's name ends, or None when no
    one is named there."""
    subject = subject_after(body, tail.end(), entities) or _unnamed_after(body, tail, s_end, entities)
    if subject is None:
        return None
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
    return subject, after


def _unnamed_after(body: str, tail: re.Match[str], s_end: int, entities: list[Entity]) -> Subject | None:
    """The speaker after a tail cue when the recogniser found none there: ", says the World Health
    Organization.", ", say officials." — a short phrase closing the sentence — or a role, then
    the person named."""
    words = body[tail.end() : s_end].strip(" .!?")
    if not words or len(words.split()) > MAX_TAIL_SUBJECT_WORDS or "," in words:
        # ", kata jaksa Irene Putri, …"; ", ungkap pelatih Persija Thomas Doll seperti
        # dilansir …": a role, then the person named
        return (described_after(body, tail.end(), s_end, entities)
                or person_in_attribution(body, tail.end(), s_end, entities)
                or _someone_after(body, tail, words))
    if tail["cue"].lower() in verb_classes()["noun_too"]:
        # ", nilai pengamat ekonomi Faisal Basri." — not ", nilai tukar rupiah melemah.", the noun
        return person_in_attribution(body, tail.end(), s_end, entities)
    return Subject(words, skip_space(body, tail.end()), "noun")


def _someone_after(body: str, tail: re.Match[str], words: str) -> Subject | None:
    """", said a volunteer at the mountain rescue hut.": in English, someone named by no name,
    however long the phrase that places them (the clause's other commas are the lead's)."""
    if tail["cue"].lower() not in english_verbs() or "," in words or not anonymous(words):
        return None
    return Subject(words, skip_space(body, tail.end()), "anonymous")


def _report_around(body: str, at: int, s_start: int, s_end: int, cue: str, subject: Subject,
                   after: int) -> Candidate | None:
    """The report of a tail cue at ``at`` whose attribution ends at ``after``: what comes before
    it when the attribution closes the sentence, the whole sentence when the cue sits inside it."""
    rest = body[after:s_end]
    if (len(body[text_start(body, s_start) : at].split()) < MIN_REPORTED_WORDS
            and len(rest.split()) >= MIN_REPORTED_WORDS and not appositive().match(rest)
            and not (patterns()["trailer"].match(rest) and DATED.search(rest))):
        # "Namun, kata dia soal kuota itu …", "TNI AU, kata Hadi saat ini dituntut …": too few words
        # before the cue to be its report — it sits inside the sentence, which is the report
        # (not "Hal itu, kata dia di Jakarta, Senin (12/4).", a trailer and a date).
        return Candidate(*trimmed(body, past_connective(body, s_start, at, after), s_end), "indirect", cue, subject)
    if appositive().match(rest):
        # ", said Monica de Bolle, a senior fellow …" closes the report; "This system, says X, an
        # immunologist …, helps …" sits inside it.
        if len(body[s_start:at].split()) >= MIN_REPORTED_WORDS:
            return Candidate(lead_start(body, s_start, at), at, "indirect", cue, subject)
        return Candidate(*trimmed(body, s_start, s_end), "indirect", cue, subject)
    if (rest.lstrip().startswith(",") and len(rest.split()) > MIN_REPORTED_WORDS
            and not patterns()["trailer"].match(rest) and not is_date(rest)):
        return Candidate(*trimmed(body, s_start, s_end), "indirect", cue, subject)
    if not patterns()["trailer"].match(rest) and not is_date(rest) and rest.strip(" .!?") and not (
            cue.lower() in english_verbs() and _affiliation().fullmatch(rest)):
        if cue.lower() not in english_verbs() and len(rest.split()) >= MIN_REPORTED_WORDS and not (
                clause_patterns()["that_later"].match(rest)):
            # "Cita rasa makanan Turki, kata Sezai ada pada bumbu …": an Indonesian cue goes on into
            # the rest of the clause with its closing comma left out, so the sentence is the report.
            return Candidate(*trimmed(body, s_start, s_end), "indirect", cue, subject)
        return None  # ", told Business Insider in October that …" is no closing attribution
    return Candidate(lead_start(body, s_start, at), at, "indirect", cue, subject)


@cache
def _affiliation() -> re.Pattern[str]:
    """" of the rural rescue brigade.": where the closing speaker works, up to the sentence's end
    (no clause of a report after it)."""
    return re.compile(rf"\s+(?:{either(flagged('report_prepositions.tsv', 'affiliation'))})\s+"
                      rf"(?!.*\b(?:that|said|says)\b)[^,;:“”\"]+[.!?]?\s*")


def closing_speaker(body: str, verb: re.Match[str], s_start: int, s_end: int,
                    entities: list[Entity]) -> Candidate | None:
    """"…, Indonesia's disaster agency said.", "…, delegates said on Sunday, after …", "…, it said in
    a statement.": English news closes a report with its speaker — a short phrase between the last
    comma and the verb, whatever names it holds or none — and the verb, with at most a trailer
    after it. The lead before the comma is the report. Read when the verb's own subject is not
    that phrase (a place named earlier in the lead is no speaker) or yields no report."""
    cue = verb["cue"]
    if cue.lower() not in english_verbs() or not cue[:1].islower() or cue.lower().endswith("ing"):
        return None
    comma = body.rfind(",", s_start, verb.start())
    phrase = _CLOSING_PHRASE.fullmatch(body, comma + 1, verb.start()) if comma > s_start else None
    if phrase is None or len(body[s_start:comma].split()) < MIN_LEAD_WORDS or _POSSESSIVE_END.search(phrase["who"]):
        return None  # (", doctor's reports": a possessive makes the verb a noun)
    if clause_patterns()["subordinate"].match(body, text_start(body, s_start)) and "," not in body[s_start:comma]:
        return None  # "As the charges were unsealed, Sawyer testified before …": the lead sets the scene
    rest = body[verb.end() : s_end]
    if cue.lower() in verb_classes()["listener"] and (heard := _heard().match(rest)) is not None:
        rest = rest[heard.end() :]  # ", two diplomats told Reuters on Sunday.": who heard it
    if (rest.strip(" .!?") and not patterns()["trailer"].match(rest)) or clause_patterns()["that_later"].match(rest):
        return None  # ", officials said on Tuesday that …": the report follows
    words = phrase["who"].split()
    first = words[0].lower()
    if first in pronouns() or (first in resources.words("stopwords.txt") and first not in _phrase_openers()) or (
            len(words) == 1 and words[0].islower() and not first.endswith("s") and first != "it"
            and first not in resources.words("report_source_nouns.txt")):
        return None  # ", but he said", ", as expected": a clause or an adverb, no speaker's phrase
    if any(w.lower() in _CLAUSE_WORDS for w in words[1:]):
        return None  # ", a finding that she reported in 2009.": a relative clause, no speaker's phrase
    at = phrase.start("who")
    end = phrase.end("who")
    while len(words) > 1 and words[-1].lower() in resources.words("speech_adverbs.txt"):
        # "…, Minister for Housing Eoghan Murphy has said.": the speaker before the verb's adverbs
        end = body.rindex(words.pop(), at, end)
        end = len(body[:end].rstrip())
    named = [e for e in starting_in(entities, at, end) if e.end == end and e.label != "PLACE"]
    who = body[at:end]
    if named:
        subject = Subject(named[0].text, named[0].start, "entity", named[0])
    elif anonymous(who):  # "…, two sources said."
        subject = Subject(who, at, "anonymous")
    else:  # "…, the agency said.": the body the article named with those words, as before a verb
        subject = description_subject(body, who, at, entities) or Subject(who, at, "noun")
    return report_span(body, lead_start(body, s_start, comma), comma, cue, subject)


# a speaker's phrase: up to six words, no punctuation of a clause between them
_CLOSING_PHRASE = re.compile(r"\s*(?P<who>[\w’'.&-]+(?:\s+[\w’'.&-]+){0,5})\s+")


@cache
def _heard() -> re.Pattern[str]:
    """Who heard a closing report: "told Reuters", "told The Associated Press", "told reporters"."""
    return re.compile(rf"\s+(?:(?:[Tt]he\s+)?[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){{0,3}}"
                      rf"|{either(flagged('report_objects.tsv', 'listener'))})(?=[\s,.!?]|$)")


_POSSESSIVE_END = re.compile(r"[’']s?$")
# a relative or a subject pronoun inside the phrase makes it a clause of its own
_CLAUSE_WORDS = frozenset({"that", "which", "who", "whom", "whose", "where", "when", "he", "she", "they", "we", "i",
                           "it", "you"})


@cache
def _phrase_openers() -> frozenset[str]:
    """Function words that open a speaker's phrase: a determiner ("the country's disaster agency"), a
    count ("two sources", "dozens of residents") or "it" for the body named before."""
    counts = (q.split()[0] for q in listed("report_quantifiers.txt"))
    return frozenset({"it", *flagged("report_determiners.tsv", "object"), *counts})


def opening_cue(body: str, s_start: int, s_end: int, entities: list[Entity]) -> Candidate | None:
    """"Lanjut Budi, harga beras …", "Tambah dia, …": a short cue opening the sentence, its speaker and
    a comma — the rest is the report (as "Kata Budi, …" is)."""
    first = text_start(body, s_start)
    cue = scanners()["short_open"].match(body, first, s_end)
    if cue is None:
        return None
    subject = subject_after(body, cue.end(), entities)
    if subject is None or subject.kind not in ("entity", "name", "pronoun"):
        return None  # "Jelas, …", "Harap maklum, …": no speaker, no cue
    end = subject.start + len(subject.text)
    if not body.startswith(",", end) or len(body[end + 1 : s_end].split()) < MIN_REPORTED_WORDS:
        return None
    return report_span(body, end + 1, s_end, cue["cue"], subject)


def _closes(rest: str) -> bool:
    """Whether what follows a speaker closes the attribution: the sentence's end, a comma, a trailer."""
    return closes_sentence(rest) or rest.lstrip().startswith(",")


def closes_sentence(rest: str) -> bool:
    """Whether ``rest`` ends the sentence: nothing but its stop, or a trailer ("di Jakarta, Senin")."""
    return not rest.strip(" .!?") or bool(patterns()["trailer"].match(rest))


@cache
def appositive() -> re.Pattern[str]:
    """", said Scott Paul, who heads …": what follows the speaker describes the speaker."""
    return re.compile(rf"^\s*,\s*(?i:{either(flagged('report_appositives.tsv', 'appositive'))})\b")


_INITIAL_GOES_ON = re.compile(r"(?:(?<=\b[A-Z])|(?<=\b[A-Z][a-z]))\.(?:\s+[A-Z][\w’'-]+){1,3}(?=\s*[,.])")
