"""The words around a direct quotation that attribute it → (cue, subject). After it: a cue and then
the speaker ("kata Putin", "tambahnya", "said a WeWork spokesperson"), "Demikian pernyataan Putin",
the speaker and then the verb ("ia menambahkan", "Putin said", "Jim Carter, senior vice president
for X at Y, said"), or a description before the name and the verb ("“…,” the governor said").
Before it: "Kim mengatakan: “…”", "Kata Putin, “…”". annotate/quotes.py finds the quotations and
their speakers; the speakers' mentions themselves are read by annotate/speech.py.
"""

from __future__ import annotations

import re

from kliping.annotate import name_words
from kliping.annotate.attribution_names import PERSON_AFTER_CUE_REACH, person_in_attribution
from kliping.annotate.cue_neighbours import skip_space
from kliping.annotate.cues import Subject, patterns, pronouns
from kliping.annotate.descriptions import anonymous, description_after, named_voice
from kliping.annotate.quote_marks import QUOTE_MARK
from kliping.annotate.report_clauses import clause_patterns
from kliping.annotate.report_words import verb_classes
from kliping.annotate.speech import subject_after, subject_before
from kliping.model import Entity

_PHRASE = re.compile(r"[^,.;:!?“”\"\n]{1,80}")
_NAME_AFTER_COMMA = re.compile(r", +[A-Z]")
APPOSITIVE_REACH = 220  # characters from a speaker over its appositives to the verb
MAX_LEAD_WORDS = 6  # "“…,” chairman, CEO and president Craig Menear said": a title, not a clause
_CONTINUING = frozenset(",!?—–…")  # a quotation closed with these runs on into its attribution

Attribution = tuple[str | None, Subject | None]


def attribution_after(body: str, end: int, stop: int, entities: list[Entity]) -> Attribution:
    """(cue, subject) written right after a quotation closes, up to ``stop``."""
    tail = body[end:stop]
    pats = patterns()
    m = pats["short_after"].match(tail)
    if m:
        return _cue_then_speaker(body, end, stop, m, entities)
    m = pats["after_noun"].match(tail)
    if m:
        subject = subject_after(body, end + m.end(), entities)
        if m["cue"] is None and (subject is None or subject.kind not in ("entity", "name")):
            return None, None  # a bare "demikian" is an attribution only when a name follows it
        return m["cue"] or "demikian", subject
    found = _speaker_then_verb(body, end, stop, tail, entities)
    if found is None:
        found = _description_then_verb(body, end, stop, entities)
    return found or (None, None)


def _cue_then_speaker(body: str, end: int, stop: int, m: re.Match[str], entities: list[Entity]) -> Attribution:
    """"kata Putin", "tambahnya", "tutur mantan kiper Parma ini": the cue ``m`` (matched on the
    text from ``end``) and the speaker written after it."""
    pats = patterns()
    if m["nya"]:
        return m["cue"] + "nya", Subject("-nya", end + m.start("nya"), "clitic")
    subject = subject_after(body, end + m.end(), entities)
    noun = pats["cue_noun"].match(body, end + m.end()) if subject is None else None
    if noun is not None:  # "tulis pernyataan InTour Live": the statement's author speaks
        subject = subject_after(body, noun.end(), entities)
    if subject is None:  # "tutur mantan kiper Parma ini.": someone named before
        subject = description_after(body, end + m.end(), entities)
    if subject is None or subject.kind == "name" or name_words.is_role(subject.text) or (
            subject.entity is not None and subject.entity.label != "PERSON"):
        # "kata Kabag Ops Polrestro Bekasi Kota, Aslan Solastomo", "said White House Press
        # Secretary Jane Doe": the title names a place or body, the person closes it.
        subject = person_in_attribution(body, end + m.end(), stop, entities) or subject
    lead = skip_space(body, end + m.end())
    phrase = _PHRASE.match(body, lead, stop)
    if phrase is not None and anonymous(phrase.group(0)) and not _NAME_AFTER_COMMA.match(body, phrase.end()):
        # "kata sumber dalam Beyonce": a source close to someone, not that someone — but
        # "kata salah satu pemain, Budi Santoso" names the player.
        subject = Subject(phrase.group(0), lead, "anonymous")
    elif phrase is not None and (voice := named_voice(phrase.group(0))) and (
            subject is None or subject.start + len(subject.text) <= lead + len(voice[0])):
        # "said a WeWork spokesperson", "said a spokesperson for the Information Commissioner's
        # Office": the body speaks (a name found inside the phrase is the body's, not a person's)
        subject = Subject(voice[0], lead, "noun")
    return m["cue"], subject


def _speaker_then_verb(body: str, end: int, stop: int, tail: str, entities: list[Entity]) -> Attribution | None:
    """"ia menambahkan", "Putin said": subject then verb, nothing else between (None when the
    words after the quotation do not read so)."""
    pats = patterns()
    subject = subject_after(body, end + len(tail) - len(tail.lstrip(" ,.;")), entities)
    if subject is None or not re.match(r"^[\s,.;]*$", body[end : subject.start]):
        return None
    after = subject.start + len(subject.text)
    verb = pats["verb"].search(body, after, min(stop, after + 40))
    if verb and pats["adverbs"].match(body[after : verb.start()]):
        return verb["cue"], subject
    if body[after : after + 1] == ",":
        # "Jim Carter, senior vice president for X at Y, said": the verb after appositives.
        verb = pats["appositive_verb"].search(body, after, min(stop, after + APPOSITIVE_REACH))
        if verb and not QUOTE_MARK.search(body, after, verb.start()):
            return verb["cue"], subject
    elif body[end - 2 : end - 1] in _CONTINUING or tail.lstrip()[:1] == ",":
        # "“…,” Carter recalled.": the quotation runs into its clause, so an English
        # past-tense verb after the name attributes it even when it is not a listed cue.
        past = pats["past_verb"].match(body, after, stop)
        if past:
            return past["cue"], subject
    return None


def _description_then_verb(body: str, end: int, stop: int, entities: list[Entity]) -> Attribution | None:
    """"“…,” chairman, CEO and president Craig Menear said", "“…,” the governor said": a
    description opens the attribution of a quotation that runs on into it; the speaker is the
    name (or the person the description points back at) standing right before the verb."""
    if body[end - 2 : end - 1] not in _CONTINUING:
        return None
    pats = patterns()
    verb = pats["verb"].search(body, end, min(stop, end + APPOSITIVE_REACH))
    if verb and not QUOTE_MARK.search(body, end, verb.start()):
        named = subject_before(body, verb.start(), end, entities)
        if (named is not None and len(body[end : named.start].split()) <= MAX_LEAD_WORDS
                and (named.kind in ("entity", "name", "anonymous")
                     or (named.kind == "pronoun" and named.text.lower() not in pronouns()))
                and (pats["adverbs"].match(body[named.start + len(named.text) : verb.start()])
                     or _appositive_between(body, named, verb))):
            return verb["cue"], named
    return None


def _appositive_between(body: str, named: Subject, verb: re.Match[str]) -> bool:
    """"“…,” party leader Uddhav Thackeray, a former chief minister of Maharashtra, told crowds":
    a name the description closes, then its appositive, then the verb."""
    after = named.start + len(named.text)
    if named.kind not in ("entity", "name") or body[after : after + 1] != ",":
        return False
    found = patterns()["appositive_verb"].search(body, after, verb.end())
    return found is not None and found.start("cue") == verb.start("cue")


def person_named_after(body: str, start: int, stop: int, entities: list[Entity]) -> Subject | None:
    """A person named in the attribution after a description: "…," kata pelatih tim putra
    Malaysia, Indra Widjaja. / "…," kata pria yang akrab disapa Toto itu."""
    for e in entities:
        if start <= e.start < min(stop, start + PERSON_AFTER_CUE_REACH) and e.label == "PERSON":
            return Subject(e.text, e.start, "entity", e)
    return None


def attribution_before(body: str, start: int, floor: int, entities: list[Entity]) -> Attribution:
    """(cue, subject) introducing a quotation: "Kim mengatakan: “…”", "Kata Putin, “…”"."""
    head = body[floor:start]
    stripped = head.rstrip(" :,")
    if not stripped or len(stripped) == len(head):
        return None, None  # a quotation that follows words without ":" or "," is inside a sentence
    pats = patterns()
    verbs = list(pats["verb"].finditer(body, floor, floor + len(stripped)))
    if verbs and (floor + len(stripped) == verbs[-1].end() or (
            # "Tottenham said in a statement: “…”", "X said on Twitter: “…”"
            head.rstrip().endswith(":") and pats["colon_gap"].match(body, verbs[-1].end(), floor + len(stripped))) or (
            # "Ann Roe told Radio Millbrook: “…”", "… told reporters: “…”": whom the speaker told, not who spoke
            verbs[-1]["cue"].lower() in verb_classes()["listener"]
            and clause_patterns()["listener_before_colon"].fullmatch(body, verbs[-1].end(), floor + len(stripped)))):
        subject = subject_before(body, verbs[-1].start(), floor, entities)
        return verbs[-1]["cue"], subject
    for m in pats["short_before"].finditer(body, floor, start):
        subject = subject_after(body, m.end(), entities)
        if subject is not None and subject.start + len(subject.text) == floor + len(stripped):
            return m["cue"], subject
    return None, None
