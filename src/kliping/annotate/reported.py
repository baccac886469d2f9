"""Article body + entities + direct quotations → reported speech: who said what, without quotation marks.

"X mengatakan (bahwa) …", "X said (that) …", "Menurut X, …" / "Menurutnya, …", "…, according
to X", "…, kata X." / "…, Harris said." / "…, reports Reuters.", "Lanjut Budi, …", "Dikatakan X, …",
"… disebut X bisa …", "…, seperti disampaikan X.". The content is
the clause the cue reports — the whole sentence when the cue sits in its middle ("Obrolan itu,
lanjutnya, dilakukan …"). A sentence whose speech belongs to a direct quotation in it is left to
that quotation; a quoted fragment inside a reported clause ("said it was “a mistake”") is not.
A verb that names no speech act ("tidak menjelaskan", "will announce", "Other estimates", "told
them of …") reports nothing; one with no name beside it has the speaker report_speakers finds
("US officials said", "The US welcomed …, saying …").

This module walks the sentences and the speech verbs in them; report_frames.py reads the reports
framed by a source ("Menurut X, …", passives), report_short_cues.py those of a short cue beside
its content ("…, kata Budi.", "Lanjut Budi, …"), report_clauses.py what a verb reports,
report_speakers.py who speaks, report_spans.py the sentences and spans they share, and
report_words.py the word lists (resources/report_*) their patterns are built from.
"""

from __future__ import annotations

import re
from functools import cache

from kliping import resources
from kliping.annotate.attribution_names import person_in_attribution
from kliping.annotate.cue_neighbours import pronoun_at
from kliping.annotate.cues import Candidate, Subject, english_verbs, patterns
from kliping.annotate.report_clauses import (
    DIRECT,
    clause_patterns,
    clause_soon,
    content,
    made_to_speak,
    no_speech_act,
    unsourced,
    unsourced_stem_words,
)
from kliping.annotate.report_frames import MENURUTNYA, frame_tail, framed_report, passive, viewpoint, viewpoint_words
from kliping.annotate.report_short_cues import (
    appositive,
    closes_sentence,
    closing_speaker,
    opening_cue,
    person_and_appositive,
    tail_reported,
)
from kliping.annotate.report_spans import (
    MIN_REPORTED_WORDS,
    cased,
    joined,
    lead_start,
    report_span,
    scanned_cues,
    scanners,
    text_start,
)
from kliping.annotate.report_speakers import (
    MAX_IT_REACH,
    RELATIVE_ONLY,
    bracketed_body,
    it_subject,
    name_after,
    name_closes,
    owner,
    person_before,
    unnamed_subject,
    verb_subject,
)
from kliping.annotate.report_words import either, flagged, listed, verb_classes
from kliping.annotate.speech import inside, subject_before
from kliping.model import Entity

ATTRIBUTION_REACH = 40  # characters from a quotation's end to the verb that attributes it
_ADDING = re.compile(r"\s+(?i:that)\b")
# "…, say officials.", "…, argue economists.": the speaker, unnamed, follows the verb
_INVERTED_TAIL = re.compile(r"\s+(?P<who>(?:the\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})\s*[.!?]?\s*")


@cache
def _verb_patterns() -> dict[str, re.Pattern[str]]:
    return {
        # ", but he said …", ", sementara Budi menyebut …": a second report starts after a comma.
        "next_report": re.compile(
            rf",\s*(?i:(?:{either(flagged('report_conjunctions.tsv', 'second_report'))})\s+)?$"),
        # "… half its trees and she said …": in English a second report may start with no comma
        # (the subject found may leave out its determiner: "when several skippers said")
        "bare_next_report": re.compile(
            rf"\s+(?:{either(flagged('report_conjunctions.tsv', 'bare_second'))})\s+(?:[\w’'-]+\s+)?$"),
        # "it was revealed in Eurogamer's review that …", "it is reported by Reuters that …"
        "it_passive": re.compile(
            rf"\b[Ii]t(?:['’]s|\s+(?:{either(flagged('report_before_verb.tsv', 'it_passive'))}))\s+$"),
        "in_source": re.compile(rf"\s+(?i:{either(flagged('report_prepositions.tsv', 'source'))})\s+(?:(?i:the)\s+)?"),
        # what a finding, not a speaker, is: "Blood tests revealed …", "Hasil penelitian mengungkap …"
        "thing": re.compile(rf"(?i:\b(?:{either(listed('report_findings.txt'))})\b)"),
        # "X, who argued that …,": a relative clause set off after the speaker
        "relative": re.compile(rf"\s*,\s*(?:{either(flagged('report_appositives.tsv', 'relative'))})\s"),
        # ", said in a statement.": where or how it was said, no speaker after the verb
        "channel": re.compile(rf"(?i:{either(flagged('report_prepositions.tsv', 'channel'))})\b"),
        # "…, but the agency didn’t say how many …", "…, namun tidak merinci …": after a report, the
        # writer notes what the source left unsaid — a clause of a few words' subject, a negation
        # and, with an adverb or none between, the speech verb (searched only before such a verb)
        "unsaid_note": re.compile(
            rf",\s*(?i:{either(flagged('report_conjunctions.tsv', 'second_report'))})\s+(?:[\w’'.-]+\s+){{0,3}}?"
            rf"(?:(?i:{either(resources.words('negators.txt') | verb_classes()['refusal'])})"
            rf"|\w+n[’']t)\s+(?:[\w’'-]+\s+)?$"),
        # "…, and warned that …", "… and said …": a second verb of the speaker
        "second_verb": re.compile(
            rf",?\s+(?:{either(flagged('report_conjunctions.tsv', 'shared_subject'))})"
            rf"(?:\s+(?:{either(listed('speech_adverbs.txt'))}))*\s+$"),
        # "dismissed reports that …": a verb of denial (not of refusal: "declined to comment on reports that …"
        # leaves the reports standing) right before a noun of speech that is a verb too
        "dismissed": re.compile(rf"\b(?i:{either(verb_classes()['denial'])})(?:\s+[\w’'.-]+){{0,2}}\s+$"),
        # "menepis tudingan bahwa …", "rejected the claim that …": a verb of denial before the noun
        "denied": re.compile(rf"\b(?i:{either(verb_classes()['denial'] | verb_classes()['refusal'])})"
                             r"(?:\s+[\w’'.-]+){0,3}\s+$"),
        # "laporan yang mengklaim …", "kabar yang menyebut …": a speech verb in a relative clause on a noun of
        # speech is the report's, not the sentence's subject's ("Dia tidak memperhatikan laporan yang
        # mengklaim Pyongyang memasok senjata" is no claim of his that Pyongyang does)
        "relative_report": re.compile(rf"\b(?i:{either(_speech_nouns('id', 'relative_head'))}){RELATIVE_ONLY.pattern}"
                                      rf"|\b(?i:{either(_speech_nouns('en', 'relative_head'))})\s+(?i:that|which)\s+$"),
        # "the claim that …", "an earlier declaration by the ministry that …", "klaim Budi bahwa …",
        # "laporan dari warga bahwa …": what was said, named by a noun (an English one after a
        # determiner or an owner's name, not the verb of "did not claim that") — not "a statement
        # that was issued …", a relative clause, nor "the claim is that …"
        "noun_report": re.compile(
            rf"(?:(?:\b(?P<owner>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){{0,3}})[’']s|\b(?i:{either(_DETERMINERS)}))"
            rf"\s+(?:[a-z]+\s+)?(?P<en>(?i:{either(_speech_nouns('en'))}))|\b(?P<id>(?i:{either(_speech_nouns('id'))})))"
            rf"(?:\s+(?:(?i:by|from|of|dari|oleh)\s+)?(?!(?:is|was|are|were)\b)(?P<who>[^\s,.;:!?\"“”][^,.;:!?\"“”]{{0,60}}?))?"
            rf"\s*,?\s+(?i:that|bahwa)\s+(?!(?:{either(_RELATIVE_VERBS)})\b)"),
    }


def _speech_nouns(lang: str, *also: str) -> list[str]:
    """The nouns of speech of ``lang`` (and those of the ``also`` uses)."""
    uses = {"speech_noun", *also}
    return [row[1] for row in resources.rows("report_speech_nouns.tsv")
            if row[0] == lang and uses & set(row[2].split(","))]


@cache
def _homographs() -> frozenset[str]:
    """Nouns of speech that are speech verbs too ("reports", "claims")."""
    return frozenset(n.lower() for n in _speech_nouns("en", "relative_head"))


_DETERMINERS = ("the", "a", "an", "his", "her", "their", "its", "our", "this", "these", "those", "such")
# "a statement that was issued …", "claims that have been made": a relative "that", no reported clause
_RELATIVE_VERBS = ("was", "were", "is", "are", "has", "have", "had", "will", "would", "could", "can", "may",
                   "might", "must", "should", "appeared", "seemed", "came", "went", "made")


def noun_report(body: str, s_start: int, s_end: int, entities: list[Entity]) -> Candidate | None:
    """"…, despite a declaration by the ministry that the risk was minimal.": the clause after a noun
    of speech is a report; its speaker is the name after "by"/"dari" or the noun's owner, else unknown.
    Not when the noun opens the sentence's clause, its subject ("In sum, the claim that X … is
    false."): where that clause ends, before the main verb, no word marks."""
    sentence = body[s_start:s_end].lower()
    if "that" not in sentence and "bahwa" not in sentence:
        return None  # the pattern ends on one of them: most sentences need not be searched
    m = _verb_patterns()["noun_report"].search(body, s_start, s_end)
    if m is None or len(body[m.end() : s_end].split()) < MIN_REPORTED_WORDS:
        return None
    clause_start = max(body.rfind(",", s_start, m.start()) + 1, text_start(body, s_start))
    if not body[clause_start : m.start()].strip() or _verb_patterns()["denied"].search(body, clause_start, m.start()):
        return None  # "Menteri menepis tudingan bahwa …": the sentence states the denial
    subject: Subject | None = None
    if m["owner"]:
        subject = Subject(m["owner"], m.start("owner"), "noun")
    elif m["who"]:
        subject = owner(body, name_after(body, m.start("who"), entities))
    return report_span(body, m.end(), s_end, m["en"] or m["id"], subject)


@cache
def _any_cue() -> tuple[re.Pattern[str], tuple[str, ...], re.Pattern[str] | None]:
    r"""A word that the frames, verbs, passives, tails and unsourced reports below look for: a
    sentence without one is passed by all of them (two in three sentences), for a few searches.

    Built from the same lists and patterns. A phrase's scanner match holds each of its words
    whole, as written there, in lower case, capitalised or in capitals (the scanners' ``cased``),
    with no word character before it (a scanner's start is "\b", "(?<!\w)" or after ",\s*"; a
    later word follows a space) nor after it but for "nya" (a scanner's end is "\b", "\s", ","
    or "nya"); the longest word is the rarest. A word that does not start and end with a word
    character is looked for anywhere, and so are viewpoint's words, unsourced's stems and
    "enurutnya", which are searched for with no boundary.

    Returned as the whole words (after a non-word character), the words looked for anywhere that
    ``in`` finds (no white space in them) and a pattern for the rest: see ``_has_cue``."""
    bounded: set[str] = set()
    literal = {*unsourced_stem_words(), MENURUTNYA}
    spaced = [w for w in viewpoint_words() if len(w.split()) > 1]  # either() lets any white space in
    literal |= {w for w in viewpoint_words() if len(w.split()) == 1}
    for phrase in scanned_cues():
        if phrase.split():
            word = max(phrase.split(), key=len)
            if _WORDLIKE.fullmatch(word):
                bounded.add(word)
            else:  # the forms ``cased`` makes of it, each a literal
                literal |= {word, word[:1].upper() + word[1:], word.upper()}
    return (re.compile(rf"[^\w](?:{cased(sorted(bounded))})(?:nya)?(?!\w)"), tuple(sorted(literal)),
            re.compile(either(spaced)) if spaced else None)


def _has_cue(body: str, s_start: int, s_end: int) -> bool:
    r"""Whether a word of ``_any_cue`` is in the sentence. The whole words are searched for from the
    character before the sentence, which must be no word character: a pattern that starts by taking
    one is scanned in C past the word characters, where "(?<!\w)" starts a match at each of them.
    The words looked for anywhere are found by ``in``, which a pattern tries at every character.
    Measured on 8,000 sentences: 35k instructions a sentence, where one search for all took 63k."""
    after_boundary, literal, spaced = _any_cue()
    # (the body's first sentence has a space put before it: "(?<!\w)" holds at a text's start)
    if (after_boundary.search(body, s_start - 1, s_end) if s_start
            else after_boundary.search(" " + body[:s_end])) is not None:
        return True
    text = body[s_start:s_end]
    for word in literal:  # a loop, not any() over a generator: 10k of 45k instructions a sentence saved
        if word in text:
            return True
    return spaced is not None and spaced.search(body, s_start, s_end) is not None


_WORDLIKE = re.compile(r"\w(?:.*\w)?", re.DOTALL)


def reported_candidates(body: str, sentences: list[tuple[int, int]], entities: list[Entity],
                        direct: list[Candidate]) -> list[Candidate]:
    quotations = sorted((c for c in direct if c.kind == "direct"), key=lambda c: c.start)
    out = []
    k = 0  # the first quotation that may reach into the sentence (both lists run in order)
    for s_start, s_end in joined(body, sentences):
        while k < len(quotations) and quotations[k].end <= s_start:
            k += 1
        near = []  # the quotations in this sentence: a report never runs over one
        for c in quotations[k:]:
            if c.start >= s_end:
                break
            near.append(c)
        # (a quotation holding the sentence's start reaches into it, so it is among the near ones)
        if near and inside(near, s_start) and inside(near, s_end - 1):
            continue
        # Only the quotations that reach into the sentence can bear on it: passing those, not all
        # of the article's, keeps the work per sentence flat as articles grow.
        # Without a cue word only a tail frame ("…, according to X."), a short cue opening the
        # sentence or a noun of speech can be there: the other passes find nothing.
        cue = _has_cue(body, s_start, s_end)
        framed = (framed_report(body, s_start, s_end, entities) or viewpoint(body, s_start, s_end, entities)
                  ) if cue else None
        found = [framed] if framed else (_verb_reported(body, s_start, s_end, entities, near) if cue else [])
        if framed and framed.start > s_start + 1 and (
                own := _verb_reported(body, framed.start, s_end, entities, near)) and _someone(own[0].subject):
            # "Mengutip ZDnet, Direktur Intel John Webb menyatakan cip baru ini …": the medium
            # passed on what a person after it said (not "According to X, the country had admitted …")
            found = own
        if found and not framed and patterns()["short_tail"].search(body, s_start, found[0].start):
            # "Sebagai warga negara, lanjut Agus, Setya Novanto punya hak …, tetapi ia menyarankan …":
            # the cue in the middle makes the whole sentence one report, the later verb inside it.
            whole = tail_reported(body, s_start, s_end, entities, near)
            if whole is not None and whole.end >= found[-1].end:
                found = [whole]
        if not found:
            other = (frame_tail(body, s_start, s_end, entities)
                     or (passive(body, s_start, s_end, entities) if cue else None)
                     or (tail_reported(body, s_start, s_end, entities, near) if cue else None)
                     or opening_cue(body, s_start, s_end, entities)
                     or (unsourced(body, s_start, s_end) if cue else None)
                     or noun_report(body, s_start, s_end, entities))
            found = [other] if other else []
        out += [c for c in found if not any(q.start < c.end and c.start < q.end for q in near)]
    return [c for c in out if len(body[c.start : c.end].split()) >= MIN_REPORTED_WORDS]


def _verb_reported(body: str, s_start: int, s_end: int, entities: list[Entity],
                   quotations: list[Candidate]) -> list[Candidate]:
    """"X mengatakan (bahwa) …", "X said (that) …", "…, X said." / "…, X said while …" (the content
    before), "…, she said, are …" (the whole sentence); a later "…, but he said that …" starts a
    second report that ends the first."""
    found: list[Candidate] = []
    quoted = False  # a verb before a direct quotation was passed
    attributing: re.Match[str] | None = None  # the verb that attributes a quotation before it
    earlier: Subject | None = None  # the speaker of a verb before: "X said …, adding that …" goes on
    for verb in scanners()["report_verb"].finditer(body, s_start, s_end):
        # '"…," Dempsey said, adding that …': a participle with its own clause reports after a quotation
        ing = verb["cue"].lower().endswith("ing")
        # — with "that" or without it, when a clause of its own follows: '"…," Mendez said, adding the
        # farmers had lost …', '…, he wrote, saying the group had been waiting …' (not ", adding a
        # line", ", saying goodbye": an object, no clause)
        adding = ing and (_ADDING.match(body, verb.end(), s_end) is not None or (
            body[s_start : verb.start()].rstrip().endswith(",") and clause_soon(body, verb.end(), s_end)))
        if inside(quotations, verb.start()):
            break
        if any(verb.end() <= c.start < s_end for c in quotations):
            quoted = True  # speech before a direct quotation in the same sentence is that quotation's
            continue
        if quoted and not adding:
            break
        if not adding and any(s_start <= c.end <= verb.start() <= c.end + ATTRIBUTION_REACH for c in quotations) or (
                _attributes(body, verb, s_start, s_end, quotations)):
            attributing = verb
            continue  # '"…," Kim said at a dinner': the verb attributes the quotation before it
        if no_speech_act(body, verb, s_start, ing):
            _end_before_note(body, found, verb.start())
            continue
        patterns = _verb_patterns()
        if patterns["relative_report"].search(body, max(s_start, verb.start() - 40), verb.start()) or (
                verb["cue"].lower() in _homographs() and patterns["dismissed"].search(body, s_start, verb.start())):
            # "… laporan yang mengklaim …", "reports that claimed …": the reports' words, inside what the sentence
            # says of them; "dismissed reports that …": a noun, denied, no verb of the one who dismissed them
            continue
        if body[s_start : verb.start()].rstrip().endswith(",") and (
                closing := _speaker_follows(body, verb, s_start, s_end, entities, ing)) is not None:
            return [*found, *closing]
        joins = bool(found) and found[-1].start <= verb.start() < found[-1].end
        if joins and not ing and (second := _second_verb(body, verb, found[-1], s_end)) is not None:
            # "Hartono said teams were still searching, and warned that the toll could rise": a second
            # speech verb of the same speaker, joined by "and", ends the first report and starts its own
            found[-1:] = second
            continue
        participle = verb["cue"].lower().endswith("ing") and body[s_start : verb.start()].rstrip().endswith(",")
        subject = made_to_speak(body, verb, s_start, entities) or _speaker(
            body, verb, s_start, entities, found[-1] if joins else None, participle, earlier)
        earlier = subject or earlier
        subject = _speaker_named_elsewhere(body, verb, s_start, s_end, entities, quotations, subject,
                                           attributing if adding and not joins else None)
        closer = None if participle or joins else closing_speaker(body, verb, s_start, s_end, entities)
        if closer is not None and (subject is None or subject.start < closer.end):
            # "…, in Manila, police said.": the phrase after the comma speaks, not a name in the lead
            found.append(closer)
            continue
        if subject is None or _a_finding(verb, subject):
            continue  # "Blood tests revealed that …": a finding, no one's speech
        if joins and not participle and subject.start < found[-1].start and (
                own := _after_relative(body, verb, subject, found[-1], s_end)) is not None:
            # "Tarjodak, who argued that A, warned that B": the relative clause's report ends at the
            # comma before its head's own verb, which reports B
            found[-1:] = own
            continue
        lead = _nested_lead(body, found[-1].start, verb.start() if participle else subject.start,
                            verb["cue"].lower() in english_verbs()) if joins else None
        if joins and lead is None:
            continue  # "Bloomberg reported that officials said …": one report, nested
        candidate = content(body, verb, subject, s_start if lead is None else lead, s_end) or closer
        if candidate is None:
            continue
        if candidate is DIRECT:
            quoted = True  # 'X said in a statement, “…” at …, adding that …' goes on after it
            continue
        if lead is not None:
            found[-1] = report_span(body, found[-1].start, lead, found[-1].cue or "", found[-1].subject)
        found.append(candidate)
    return [c for c in found if c is not DIRECT]


def _speaker(body: str, verb: re.Match[str], s_start: int, entities: list[Entity], before: Candidate | None,
             participle: bool, earlier: Subject | None) -> Subject | None:
    """The verb's speaker: its subject, the speaker before a participle ("…, adding that"), someone
    unnamed, "it" (the body named before) or a body's bracketed short form right before the verb."""
    return verb_subject(body, verb, s_start, entities, before, participle) or (
        earlier if participle else None) or unnamed_subject(body, verb.start(), s_start, entities, participle) or (
        it_subject(body, verb, s_start)) or bracketed_body(body, verb, s_start, entities)


def _after_relative(body: str, verb: re.Match[str], subject: Subject, last: Candidate,
                    s_end: int) -> list[Candidate] | None:
    """The last report cut at the comma right before ``verb`` and the verb's own, when the last
    one was said in a relative clause set off after ``subject`` ("X, who argued that …, warned
    that …"); None otherwise."""
    comma = body.rfind(",", last.start, verb.start())
    if comma < 0 or body[comma + 1 : verb.start()].strip() or not _verb_patterns()["relative"].match(
            body, subject.start + len(subject.text), last.start):
        return None
    own = content(body, verb, subject, comma + 1, s_end)
    if own is None or own is DIRECT or own.start < verb.end():
        return None
    return [report_span(body, last.start, comma, last.cue or "", last.subject), own]


def _a_finding(verb: re.Match[str], subject: Subject) -> bool:
    """"Blood tests revealed that …": a thing as the subject of a verb that needs a clause is no one's speech."""
    return verb["cue"].lower() in verb_classes()["clause_only"] and subject.kind == "noun" and (
        _verb_patterns()["thing"].search(subject.text) is not None)


def _second_verb(body: str, verb: re.Match[str], last: Candidate, s_end: int) -> list[Candidate] | None:
    """The report before ``verb``, cut where "and"/"but" joins the verb to it, and the verb's own, with
    the same speaker; None when no conjunction stands right before the verb or it reports no clause."""
    if verb["cue"].lower() not in english_verbs():
        return None  # "mengatakan …, dan menganjurkan agar …": Indonesian news reads it as one report
    joined = _verb_patterns()["second_verb"].search(body, max(last.start, verb.start() - MAX_IT_REACH), verb.start())
    if joined is None or last.subject is None or len(body[last.start : joined.start()].split()) < MIN_REPORTED_WORDS:
        return None
    own = content(body, verb, last.subject, verb.start(), s_end)
    if own is None or own is DIRECT or own.start < verb.end():
        return None
    return [report_span(body, last.start, joined.start(), last.cue or "", last.subject), own]


def _end_before_note(body: str, found: list[Candidate], verb_start: int) -> None:
    """"X reported …, but the agency didn’t estimate …": a verb that names no speech act inside the
    last report, after the writer's note of what the source left unsaid — the report ends before it."""
    if found and found[-1].start <= verb_start < found[-1].end and (
            note := _verb_patterns()["unsaid_note"].search(body, found[-1].start, verb_start)):
        found[-1] = report_span(body, found[-1].start, note.start(), found[-1].cue or "", found[-1].subject)


def _speaker_follows(body: str, verb: re.Match[str], s_start: int, s_end: int, entities: list[Entity],
                     ing: bool) -> list[Candidate] | None:
    """A verb after a comma with its speaker after it, closing the sentence: nothing more from this
    sentence's verbs when the speaker is named (the tail form, read by report_short_cues.py), the
    lead as the report when the speaker is an unnamed noun; None when the speaker is not after it."""
    head = body[s_start : verb.start()].rstrip()
    if person_and_appositive(body, s_start, s_start + len(head), entities):
        return None  # "Ann Roe, the harbour master, says Tom Webb, the ferry's owner, never …": she speaks
    named = name_after(body, verb.end(), entities)
    if named is not None and (name_closes(body[verb.end() : s_end]) or not person_before(
            body, s_start + len(head) - 1, s_start, entities) or appositive().match(
            body[named.start + len(named.text) : s_end])):
        # "…, said Amnesty International": the speaker follows (the tail form); "…, Burton, 32,
        # of …, after locating …, said Lt. Matt Harris, police spokesman." too, and "…, said Mark
        # Rivera, a spokesman for the county sheriff's office." however long the description.
        return []
    if named is None and not ing and verb["cue"].lower() in english_verbs() - verb_classes()["listener"] and (
            person := person_in_attribution(body, verb.end(), s_end, entities)) is not None and _closes_at(
            body, person.start + len(person.text), s_end):
        # "…, said clinic manager Owen Pratt.": a description, then the person, closing the
        # sentence — the tail form too, whatever the lead names before it ("The second man, a
        # carpenter, was …")
        return []
    if not ing and verb["cue"].lower() in english_verbs() and (
            tail := _INVERTED_TAIL.fullmatch(body, verb.end(), s_end)) and (
            not clause_patterns()["finite"].search(tail["who"])) and not _verb_patterns()["channel"].match(tail["who"]):
        # "…, say officials.", "…, argue economists.": the speaker, unnamed, follows the verb —
        # not a clause of its own ("Roe, a spokesman for X, said crews were tired."): an
        # auxiliary after the verb makes its words the report, and the comma closed an appositive
        if verb["cue"].lower() in verb_classes()["listener"]:
            # "“…,” Roe, a former mayor, told cheering crowds.": whom "told" names is the one
            # told, never the one telling; the words are no report
            return []
        who = Subject(tail["who"], tail.start("who"), "noun")
        end = s_start + len(head) - 1
        return [report_span(body, lead_start(body, s_start, end), end, verb["cue"], who)]
    return None


def _closes_at(body: str, end: int, s_end: int) -> bool:
    """Whether the sentence closes at ``end``, after a trailer or with an appositive."""
    rest = body[end:s_end]
    return closes_sentence(rest) or appositive().match(rest) is not None


def _speaker_named_elsewhere(body: str, verb: re.Match[str], s_start: int, s_end: int, entities: list[Entity],
                             quotations: list[Candidate], subject: Subject | None,
                             attributing: re.Match[str] | None) -> Subject | None:
    """The speaker of ``verb`` when another part of the sentence names them: the one who spoke the
    quotation that ``attributing`` (a verb before a participle: '"…," Dempsey said, adding that …')
    attributes, or the owner of the source after a passive "it" ("it was revealed in Eurogamer's
    review that …"); else ``subject``."""
    if attributing is not None:
        # '"…," Dempsey said, adding that …', '"…," responded Jim Bridenstine, noting that …':
        # the one who spoke the quotation goes on
        quote_end = max(c.end for c in quotations if c.end <= attributing.start())
        subject = (subject_before(body, attributing.start(), quote_end, entities)
                   or person_in_attribution(body, attributing.end(), verb.start(), entities)
                   or name_after(body, attributing.end(), entities) or subject)
    pats = _verb_patterns()  # here, past the filters: few verbs get this far
    if pats["it_passive"].search(body, max(s_start, verb.start() - 16), verb.start()) and (
            source := pats["in_source"].match(body, verb.end(), s_end)):
        # "it was revealed in Eurogamer's review that …", "it is reported by Reuters that …"
        named = name_after(body, source.end(), entities)
        if named is not None:  # "in Eurogamer’s Stadia review": the owner of the review
            subject = owner(body, named)
    return subject


def _nested_lead(body: str, floor: int, subject_start: int, english: bool) -> int | None:
    """Where the last report ends before a verb inside it starts a report of its own ("…, but he said
    that …"), or None when the verb's report is nested in it ("Bloomberg reported that officials
    said …") — as when the clause before the comma only sets the nested report's scene."""
    lead = _next_report_at(body, floor, subject_start, english)
    if lead is not None and _sets_scene(body, floor, lead):
        # "FAA mengatakan saat kejadian berlangsung, ATC menyebut …": the clause before the comma
        # sets the nested report's time or condition — one report with it, not a report of its own
        return None
    return lead


def _someone(subject: Subject | None) -> bool:
    """Whether a speaker is a person: one the recogniser named, a name or a pronoun."""
    return subject is not None and (subject.kind in ("name", "pronoun") or (
        subject.entity is not None and subject.entity.label == "PERSON"))


def _attributes(body: str, verb: re.Match[str], s_start: int, s_end: int, quotations: list[Candidate]) -> bool:
    """'"…," Dylan Nelson, a postdoctoral fellow at …, said in a statement.': a verb after a
    quotation, farther than ATTRIBUTION_REACH, with only a trailer after it, attributes it too."""
    rest = body[verb.end() : s_end]
    return (any(s_start <= c.end <= verb.start() for c in quotations) and patterns()["trailer"].match(rest) is not None
            and clause_patterns()["that_later"].match(rest) is None)


def _sets_scene(body: str, start: int, comma: int) -> bool:
    """Whether the words of a report up to ``comma`` are one subordinate clause ("saat kejadian
    berlangsung", "when the plane landed"): they open the report that follows the comma."""
    return clause_patterns()["subordinate"].match(body, start, comma) is not None and "," not in body[start:comma]


def _next_report_at(body: str, floor: int, subject_start: int, english: bool) -> int | None:
    """The comma that ends a report before a new speaker: "…, but he said that …" — or in English
    the conjunction with no comma: "… and he said …"."""
    m = _verb_patterns()["next_report"].search(body, floor, subject_start)
    if m is None and english and (bare := _verb_patterns()["bare_next_report"].search(body, floor, subject_start)):
        # "… when she told the pupils that …" goes on narrating the speaker's own report: after a
        # subordinating word only a new speaker ("when several skippers said …") starts a report
        coordinated = bare.group(0).split()[0].lower() in flagged("report_conjunctions.tsv", "coordinating")
        if coordinated or pronoun_at(body, subject_start) is None:
            m = bare
    return m.start() if m else None
