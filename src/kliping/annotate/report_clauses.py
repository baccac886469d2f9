"""What a speech verb reports: whether it names a speech act at all ("tidak menjelaskan", "to say",
"will announce", "Other estimates", "collision warning") and, when it does, the clause it reports
— after "bahwa"/"that" and a phrase of time, place or listener ("told reporters …"), before it in
English order ("…, Harris said."), or nothing when its object is a thing ("revealed a new phone",
"menyampaikan hal itu"). And the report of a news passive that names no one ("Sebelumnya
diberitakan, …", "…, seperti diberitakan."), whose speaker stays unknown.
"""

from __future__ import annotations

import re
from functools import cache

from kliping import resources
from kliping.annotate.cues import OPENERS, Candidate, Subject, english_verbs, patterns
from kliping.annotate.report_spans import MIN_REPORTED_WORDS, lead_start, report_span, text_start
from kliping.annotate.report_words import either, flagged, listed, verb_classes
from kliping.model import Entity
from kliping.resources import alt
from kliping.timestamps import weekday_names

MIN_LEAD_WORDS = 3  # "…, Cook said": fewer words before the comma are an opener ("However, they said …")
MAX_NOUN_PHRASE_WORDS = 5  # "people familiar with the matter": the words after an unnamed speaker's noun
MAX_CLOSING_WORDS = 6  # "…, she wrote in a blog post.": the phrase of channel after a verb closing its report
UNSAID_REACH = 60  # characters before a verb searched for "what …" and a negation
NOT_REPORTING_REACH = 12  # characters before a verb searched for "to", "worth", "was"
DONE_TO_REACH = 60  # characters before its "to" searched for "went on", "allowed the city's mayor"


@cache
def _speech_act() -> dict[str, re.Pattern[str]]:
    def words(flag: str) -> str:
        return either(flagged("report_before_verb.tsv", flag))

    negators = alt(sorted(resources.words("negators.txt") | set(flagged("report_verb_classes.tsv", "refusal")),
                          key=len, reverse=True))
    return {
        # "to say", "untuk mengakui", "declined to say": an infinitive names a speech act, reports none;
        # nor does a passive ("Job cuts will be announced later …", "was told"), but for "it was noted
        # that …"; nor a gerund, the writer's own words ("It's worth noting that …", "start by noting").
        # One pattern for the three, searched once over the words before a verb.
        "not_reporting": re.compile(rf"\b(?:(?P<infinitive>(?i:{words('infinitive')}))"
                                    rf"|(?P<gerund>(?i:{words('gerund')}))"
                                    rf"|(?<!\b[Ii]t )(?P<passive>{words('passive')}))\s+$"),
        # "went on to say that …", "allowed the mayor to claim that …": an infinitive done, which reports
        "done_to": re.compile(rf"\b(?:(?:{words('done_to')})|(?:{words('made_to')})(?P<made>(?:\s+[\w’'.-]+){{1,4}}))"
                              r"\s+$"),
        # The words before a verb that make it no speech act: "tidak menjelaskan", "belum menyebutkan",
        # "did not say" (denied), "akan menjelaskan", "will announce", "dapat melanjutkan" (still to
        # come), "some say in", "Other estimates", "over alleged", "the reported deal" (a noun or an
        # adjective after a determiner or preposition), "That's smaller than what Budi said, …", "what
        # voters do or don't say on …" (the verb's object is "what", before it).
        "unsaid": re.compile(rf"(?:(?:\b(?:{negators}|{either(listed('report_modals.txt'))})|n[’']t)"
                             rf"(?:\s+(?:{either(listed('report_modal_adverbs.txt'))}))?"
                             rf"|\b(?i:{either(flagged('report_determiners.tsv', 'nominal'))})"
                             rf"|\b[Ww]hat(?:\s+[\w’'-]+){{1,6}})\s+$"),
        # What may stand before a verb in -ing that reports: a comma (", saying …"), a form of "be"
        # ("is warning that …"), "by" ("by warning candidates against …") or "with" and its subject
        # ("with Audi suggesting that …").
        "participle_opens": re.compile(rf"(?:,|\b(?:{words('participle')})"
                                       rf"|\bwith\s+(?:[\w’'.-]+\s+){{1,3}})\s*$"),
    }


_SAID_BEFORE = re.compile(r"\b(?:said|says)\s+$")


_TO_BEFORE = re.compile(r"\bto\s+$")


def made_to_speak(body: str, verb: re.Match[str], s_start: int, entities: list[Entity]) -> Subject | None:
    """In "allowed the mayor to claim that …", "prompted some residents to argue that …", the one made
    to speak: the name the phrase between the verbs is, else that phrase, someone named by no name."""
    to = _TO_BEFORE.search(body, max(s_start, verb.start() - NOT_REPORTING_REACH), verb.start())
    done = to and _speech_act()["done_to"].search(body, max(s_start, to.start() - DONE_TO_REACH), to.start())
    if not done or not done["made"]:
        return None
    start, end = done.start("made") + len(done["made"]) - len(done["made"].lstrip()), done.end("made")
    name = next((e for e in entities if e.label != "PLACE" and start <= e.start and e.end == end), None)
    if name is not None and not body[start : name.start].strip(" ,"):
        return Subject(name.text, name.start, "entity", name)
    return Subject(body[start:end], start, "anonymous")


def no_speech_act(body: str, verb: re.Match[str], s_start: int, ing: bool) -> bool:
    """Whether ``verb`` names no speech act: after "to"/"untuk" always, after a form of "be" unless
    it ends in -ing, after a gerund's opener ("worth") when it does; after a negation, a modal, a
    determiner or "what …"; or as a noun in -ing ("collision warning", "theories suggesting …")."""
    pats = _speech_act()
    blocked = pats["not_reporting"].search(body, max(s_start, verb.start() - NOT_REPORTING_REACH), verb.start())
    if blocked and not (blocked["gerund"] and not ing) and not (blocked["passive"] and ing) and not (
            blocked["infinitive"] and pats["done_to"].search(body, max(s_start, blocked.start() - DONE_TO_REACH),
                                                             blocked.start())):
        return True
    before = body[max(s_start, verb.start() - UNSAID_REACH) : verb.start()]
    if ing and verb["cue"].lower() in english_verbs() and not pats["participle_opens"].search(before) and not (
            _SAID_BEFORE.search(before)):  # not "menuding"; "…, he said adding that …" is a comma left out
        return True
    m = pats["unsaid"].search(before)
    # "tak menampik …", "did not deny …": a denial denied admits it, a report.
    return m is not None and not (verb["cue"].lower() in verb_classes()["denial"] and "what" not in m.group(0).lower())


@cache
def clause_patterns() -> dict[str, re.Pattern[str]]:
    complementiser = either(flagged("report_conjunctions.tsv", "complementiser"))
    listener = (r"\s+(?:(?:[Tt]he\s+)?[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,3}"
                rf"|(?:{either(flagged('report_objects.tsv', 'listener'))}"
                rf"|the\s+(?:{either(flagged('report_objects.tsv', 'the_listener'))}))"
                rf"|(?:{either(flagged('report_objects.tsv', 'listener_pronoun'))}))")
    return {
        "bare_that": re.compile(rf"^[\s,:]*(?:(?i:{complementiser})\b\s*,?\s*)?"),
        # An auxiliary or a subject pronoun: the words hold a clause of their own.
        "finite": re.compile(rf"\b(?:{either(listed('report_finite_words.txt'))})\b"),
        # Words opening a subordinate clause at a sentence's start ("Ketika ditanya …,", "When asked …,").
        "subordinate": re.compile(rf"(?i:{either(listed('report_subordinators.txt'))})\b"),
        # "…their features were shipping, I rushed over …", "…, although given the source, we would not
        # …": reported speech turns a speaker's "I" into "he" — a clause after a comma whose subject
        # is "I" or "we" is the writer's, and the report ends before it (with a concessive it opens)
        "writer_clause": re.compile(rf",\s*(?:(?i:{either(listed('report_concessives.txt'))})\b[^,;]*,\s*)?"
                                    r"(?:(?:and|but|so)\s+)?(?:I|we)\s"),
        "subordinate_inside": re.compile(rf"\s(?i:{either(listed('report_subordinators.txt'))})\b"),
        "pointer": re.compile(rf"(?i:{either(listed('report_pointers.txt'))})\b"),
        "determiner": re.compile(rf"\s*(?:{either(flagged('report_determiners.tsv', 'object'))}"
                                 r"|[A-Z][\w-]*[’']s)\s"),  # "claimed Ford’s body"
        "clause_opens": re.compile(
            rf"\s*(?::|,(?!\s*(?i:{either(flagged('report_conjunctions.tsv', 'coordinating'))})\b))"),
        # "memastikan diri lolos …", "menyampaikan permohonan maaf …": the verb performs an act on
        # its object (not "dirinya …", a clause's subject)
        "act_object": re.compile(rf"(?i:{either(flagged('report_objects.tsv', 'act'))})\b(?![’'-])"),
        # "with nine sailors reported missing, …": a state the verb ascribes, no one's clause
        "state_object": re.compile(rf"(?:{either(flagged('report_objects.tsv', 'state'))})\b(?![’'-])"),
        # "membenarkan ada tersangka baru": a word that opens a clause after a clause-only verb
        "clause_opener": re.compile(rf"\s+(?:{either(listed('report_clause_openers.txt'))})\s"),
        # (a dot inside a sentence is an abbreviation's: "on Sept. 30 that …", "with AutoIndustriya.com that …")
        "demonstrative_that": re.compile(rf"\s(?:{either(flagged('report_prepositions.tsv', 'demonstrative'))})"
                                         r"\s+that\b\s*,?\s*$"),
        "that_later": re.compile(rf"^[\s,]*(?i:{either(flagged('report_prepositions.tsv', 'channel'))})\b"
                                 rf"[^,;:!?\"“]{{0,60}}?\b(?i:{complementiser})\b\s*,?\s*"),
        # "told AFP …", "told The Associated Press …", "told reporters …", "told him …": who heard it
        "listener": re.compile(rf"{listener}(?=\s+(?:[a-z]|[A-Z][a-z]*\s))"
                               rf"(?!\s+(?:{either(flagged('report_prepositions.tsv', 'after_listener'))})\b)"),
        # "Ann Roe told Radio Millbrook: “…”": who heard the quotation that the colon opens
        "listener_before_colon": re.compile(rf"{listener}\s*"),
        # "asked them about …", "told them of …", "wrote as …", "continued to …": an object or a
        # preposition after the verb, not a reported clause ("said if …" is one: a conditional opens it).
        # (matched at a position: no "^", which anchors only at the text's start and so never matched)
        # (not "said about 300 homes …": before a number the word is "some", a clause's start)
        "no_clause": re.compile(rf"(?:(?:{either(flagged('report_objects.tsv', 'object_pronoun'))})\s+)?"
                                rf"(?:{either(flagged('report_prepositions.tsv', 'object'))})\b(?!\s+\d)"),
        # "While X said …, he did not …": the report ends with the subordinate clause it sits in.
        # (after "And", "But", "Namun": "And though the CDC has said that …, it has also …")
        "concessive": re.compile(rf"(?:(?i:{either(flagged('report_conjunctions.tsv', 'viewpoint'))})\s*,?\s+)?"
                                 rf"(?i:{either(listed('report_concessives.txt'))})\b"),
    }


DIRECT = Candidate(0, 0, "direct", None, None)  # "X mengatakan: “…”": the direct quotation speaks


def content(body: str, verb: re.Match[str], subject: Subject, s_start: int, s_end: int) -> Candidate | None:
    """The report of ``verb`` said by ``subject``: None when it reports no clause, DIRECT when a
    direct quotation follows it."""
    pats, own, classes = patterns(), clause_patterns(), verb_classes()
    cue = verb["cue"].lower()
    start, said_that = _clause_start(body, verb, s_end)
    clause_only, that_only = cue in classes["clause_only"], cue in classes["that_only"]
    if that_only and cue in classes["bare_clause"] and clause_soon(body, verb.end(), s_end):
        that_only = False  # "Officials warn several rivers are …": a clause of its own, "that" left out
    if (clause_only or that_only) and not said_that and not _agency_tally(body, verb, subject, s_end) and (
            that_only or (own["clause_opens"].match(body, verb.end()) is None
                          and own["clause_opener"].match(body, verb.end()) is None
                          and (_CLAUSE_SOON if cue in english_verbs() else _KLAUSA_SOON).match(
                              body, verb.end(), s_end) is None)):
        # "mengungkap kasus narkoba", "revealed a new phone": an object, no reported clause — but in
        # English order "…, she wrote in a blog post." closes its report, whatever the verb's object
        # may be (not "…, Hawk Sawyer testified before the Senate …, where …", a phrase of its own)
        rest = body[verb.end() : s_end].strip(" .!?")
        if (cue not in english_verbs() or not verb["cue"][:1].islower() or "," in rest
                or len(rest.split()) > MAX_CLOSING_WORDS):  # (not the "Note" of "Galaxy Note 8")
            return None
        return _lead_report(body, verb, subject, s_start, s_end, start, said_that)
    adverbial = pats["adverbial"].match(body[start:s_end])
    if adverbial and not own["finite"].search(adverbial.group(0)):
        # "mengatakan pada Rabu (13/9/2023), …" — not "said that on three occasions they had written
        # to him, trying …", a clause of the report
        start += adverbial.end()
    if not said_that and (own["act_object"].match(body, start, s_end) or own["state_object"].match(body, start, s_end)):
        return None
    if start < s_end and body[start] in OPENERS + "'‘" and not _quote_goes_on(body, start, s_end):
        return DIRECT  # "X mengatakan: “…”" is a direct quotation, found above
    if not said_that and (
            (pointer := own["pointer"].match(body, start, s_end))
            and pats["trailer"].match(body[pointer.end() : s_end].rstrip(" .!?"))
            or (cue in classes["object"] and own["determiner"].match(body, start, s_end)
                and not own["finite"].search(body, start, _main_clause_end(body, start, s_end)))):
        # "Presiden menyampaikan hal itu seusai …", "Google confirmed this in a statement": the report
        # was the sentence before; "NASA announced the newest milestone in …": a thing, no clause
        return None
    lead = _lead_report(body, verb, subject, s_start, s_end, start, said_that)
    if lead is not None:
        return lead
    comma = body.rfind(",", s_start, subject.start)
    lead_words = len(body[s_start:comma].split()) if comma > s_start else 0
    if lead_words >= MIN_LEAD_WORDS and pats["frame_tail"].match(body, verb.end(), s_end):
        # "…, the Inner Mongolia health commission said, according to Reuters.": the medium passed on
        # what the speaker said before it — the lead is the report, not "according to Reuters"
        return report_span(body, lead_start(body, s_start, comma), comma, verb["cue"], subject)
    if len(body[start:s_end].split()) < MIN_REPORTED_WORDS or (own["no_clause"].match(body, start) and not said_that
                                                                and not _AS_CLAUSE.match(body, start, s_end)):
        return None  # (after "that" a clause starts, whatever its first word: "that on three occasions …")
    return report_span(body, start, _report_end(body, s_start, start, s_end), verb["cue"], subject)


# "said as the inquiry continued, nobody should …": not "said as part of …", an object —
# "as" opens a clause with its own finite verb, closed by a comma before the main clause reported
_AS_CLAUSE = re.compile(r"as\s+(?:[\w’'-]+\s+){1,6}?(?:is|are|was|were|has|have|had|\w{3,}s|\w{3,}ed)\b"
                        r"[^,.;:!?]{0,100},\s+(?:[\w’'-]+\s+){2}")
# "BNPB", "BMKG", "BPBD": an agency named by its acronym (a team or a rider seldom is)
_ACRONYM = re.compile(r"\b[A-Z]{3,}\b")
# a count within the first words of the object: "mencatat 147 gempa", "mencatat total korban 91 orang"
_BRACKETED_ACRONYM = re.compile(r"\s*\(\s*[A-Z]{3,}\s*\)\s*")
_COUNT_SOON = re.compile(r"(?:\s+[^\s,;:]+){0,8}?\s+\d")


def _agency_tally(body: str, verb: re.Match[str], subject: Subject, s_end: int) -> bool:
    """"BNPB mencatat 91 orang meninggal …": an agency's count is its statement, though no clause
    follows the verb ("Pebalap itu mencatat kemenangan pertamanya" sets a record, says nothing).
    The agency is named by its acronym, or by its name with the acronym in brackets after it."""
    if verb["cue"].lower() not in verb_classes()["tally"] or _COUNT_SOON.match(body, verb.end(), s_end) is None:
        return False
    if subject.entity is not None:
        return subject.entity.label == "ORG" and _ACRONYM.search(subject.entity.text) is not None
    return subject.kind == "noun" and _BRACKETED_ACRONYM.fullmatch(
        body, subject.start + len(subject.text), verb.start()) is not None


def _clause_start(body: str, verb: re.Match[str], s_end: int) -> tuple[int, bool]:
    """Where the clause ``verb`` reports starts — past "bahwa"/"that" and a phrase of place, time or
    channel before it, or past the listener ("told reporters …") — and whether a complementiser
    opens it (then a clause follows, whatever its first word)."""
    own, classes = clause_patterns(), verb_classes()
    cue = verb["cue"].lower()
    # optional, so it always matches; "meminta Komisi KPK membuktikan bahwa …" asks for all of it
    that = (own["bare_that"] if cue in classes["request"] else patterns()["that"]).match(body[verb.end() : s_end])
    if that is not None and own["finite"].search(that.group(0)):
        that = None  # "said Kabul had ensured that …": the words before "that" are the report's own clause
    if that is not None and own["demonstrative_that"].search(that.group(0)):
        that = None  # "says a rule like that would …": a pronoun inside the report's own clause
    if that is not None and not that.group(0).strip(" ,:"):
        # "said in a news release that …", "wrote on Twitter that …", "menyampaikan dalam rapat di
        # DPR bahwa …": a longer phrase of place, time or channel before the complementiser
        that = own["that_later"].match(body[verb.end() : s_end]) or that
    start = verb.end() + (that.end() if that else 0)
    said_that = bool(that and that.group(0).strip(" ,:"))  # "bahwa", "that": a clause follows
    if cue in classes["listener"] and not said_that:
        told_that = _LISTENER_THAT.match(body, verb.end(), s_end)
        if told_that is not None and not own["finite"].search(body, verb.end(), told_that.start("that")):
            # "assured the public on Weibo, a Twitter-like site, that …": who heard it, then the report
            start, said_that = told_that.end(), True
        elif (listener := own["listener"].match(body, verb.end(), s_end)) is not None:
            start = listener.end()  # "told AFP the suspect …", "told reporters …"
    elif not said_that and cue in english_verbs() and (day := _day_phrase().match(body, verb.end(), s_end)) and (
            clause_soon(body, day.end(), s_end)):
        # "The company said on Thursday it will not …", "confirmed on Wednesday scores of people were
        # …": wire copy puts the day between the verb and a clause whose "that" it leaves out
        start = day.end()
    return start, said_that


@cache
def _day_phrase() -> re.Pattern[str]:
    """"on Thursday", "late Tuesday", "on Wednesday afternoon": the day a statement was made."""
    days = sorted(name for name in weekday_names() if name.endswith("day"))
    return re.compile(rf"\s+(?:on\s+)?(?:(?:early|late)\s+)?(?i:{either(days)})"
                      r"(?:\s+(?:morning|afternoon|evening|night))?(?=\s)")


_APPOSED = re.compile(r"\s*,[^,;:“”\"]+(?:,[^,;:“”\"]+)?,\s*")


def _lead_report(body: str, verb: re.Match[str], subject: Subject, s_start: int, s_end: int, start: int,
                 said_that: bool) -> Candidate | None:
    """"…, Harris said." / "…, Cook said while visiting …" / "…, she said, are aging …" — English
    order, the report before the speaker (or around them); "…, Putin mengatakan, …" reports what
    follows, so None."""
    pats, own = patterns(), clause_patterns()
    comma = body.rfind(",", s_start, subject.start)
    lead_words = len(body[s_start:comma].split()) if comma > s_start else 0
    # The lead is the report only when the speaker and the verb close it side by side — not in
    # "…, Howitt found that they had … previously reported." — and when it is no subordinate
    # clause of its own, alone before the speaker ("Ketika ditanya …, Fabregas menjawab secara diplomatis.").
    between = body[subject.start + len(subject.text) : verb.start()]
    if (perfect := _PERFECT.match(between)) is not None:
        between = between[perfect.end() :]  # "…, the State Department has said."
    titled = _TITLE.fullmatch(body, comma + 1, subject.start) is not None
    # "…, Budi Santoso, a district police officer, said in a statement.": a person set off
    # by an appositive closes the lead too
    apposed = _APPOSED.fullmatch(between) is not None and subject.entity is not None and (
        subject.entity.label == "PERSON")
    if not lead_words or not titled or not (pats["adverbs"].match(between) or apposed or (
            # "…, people familiar with the matter said.": a noun that names no one, and what it is
            subject.kind in ("noun", "anonymous") and "," not in between
            and len(between.split()) <= MAX_NOUN_PHRASE_WORDS)):
        return None
    after = body[verb.end() : s_end]
    if verb["cue"].lower() in verb_classes()["listener"] and (
            listener := own["listener"].match(body, verb.end(), s_end)) is not None:
        after = body[listener.end() : s_end]  # "…, a prosecutor told jurors on Tuesday as …": who heard it
    is_english = verb["cue"].lower() in english_verbs()
    if is_english and own["clause_opens"].match(after) and after.lstrip().startswith(",") and len(
            after.split()) >= MIN_REPORTED_WORDS and not pats["trailer"].match(after):
        # "The vote, Porter said, will take place …", "However, he said, the plan …": the speaker
        # set off inside the sentence, which is the report
        return report_span(body, s_start, s_end, verb["cue"], subject)
    closes = not after.strip(" .!?")
    if lead_words < MIN_LEAD_WORDS or (
            own["subordinate"].match(body, text_start(body, s_start)) and "," not in body[s_start:comma]
            and not (closes and is_english)):
        # (not "After that the board stopped paying, she said.": the verb closes the sentence, whose lead
        # is all there is to report)
        return None
    # "At the time, the agency said in a statement that …": a "that" right after the verb's
    # phrase of channel opens the report, which the lead before the speaker only sets in time
    that_follows = said_that and not after.lstrip().startswith(",") and not _participle_next(after)
    if (is_english and (pats["trailer"].match(after) or _participle_next(after)) and not that_follows) or len(
            body[start:s_end].split()) < MIN_REPORTED_WORDS:
        # (and "…, he said adding that …": the participle, its comma left out, reports on its own)
        return report_span(body, lead_start(body, s_start, comma), comma, verb["cue"], subject)
    if is_english and after.lstrip().startswith(","):
        return report_span(body, s_start, s_end, verb["cue"], subject)
    return None


def _participle_next(after: str) -> bool:
    """Whether a speech participle ("adding", "noting") opens what follows a verb."""
    m = _FIRST_WORD.match(after)
    return m is not None and m.group(1).endswith("ing") and m.group(1) in english_verbs()


_FIRST_WORD = re.compile(r"\s*,?\s*([a-z]+)\b")
# "…, the U.S. State Department has said.": a perfect's auxiliary between the speaker and the verb
_PERFECT = re.compile(r"\s+(?:has|have|had)(?=\s)")
# "…, Defense Secretary Jane Holt said.", "…, the U.S. State Department said": an article or a title in
# capitals between the comma and the name found, or a count of them ("…, two of the sources said") —
# not "…, but Holt said", a clause of its own
_TITLE = re.compile(rf"\s*(?:(?:{either(listed('report_quantifiers.txt'))})\s+of\s+)?(?:(?:the|The)\s+)?"
                    r"(?:[A-Z][\w.’'-]*\s+){0,4}")


# "pledged the company would …", "revealed the phone will ship …": a subject of a few words, then an
# auxiliary — a clause with its "that" left out (not "revealed a phone that will …", a relative clause)
_CLAUSE_SOON = re.compile(r"\s+(?:(?!(?:that|which|who|to)\b)[\w’'.-]+\s+){1,4}"
                          r"(?:would|will|could|can|may|might|must|should|had|has|have|was|were|is|are)\b")


def clause_soon(body: str, pos: int, end: int) -> bool:
    """Whether an English clause of its own follows ``pos``: a subject of a few words, then an
    auxiliary ("… the farmers had lost …", "… the plan was …")."""
    return _CLAUSE_SOON.match(body, pos, end) is not None


# "meyakinkan motor listrik itu akan meluncur …", "membeberkan dalang yang menekan saksi merupakan …":
# the Indonesian twin, a subject then an auxiliary (or, past a "yang" clause, a copula)
_KLAUSA_SOON = re.compile(
    rf"\s+(?:(?:(?!(?:{either(flagged('report_clause_words.tsv', 'relative'))}"
    rf"|{either(flagged('report_clause_words.tsv', 'phrase'))})\b)[\w’'.-]+\s+){{1,4}}"
    rf"(?:{either(flagged('report_clause_words.tsv', 'auxiliary'))})"
    rf"|(?:(?!(?:{either(flagged('report_clause_words.tsv', 'phrase'))})\b)[\w’'.-]+\s+){{1,6}}"
    rf"(?:{either(flagged('report_clause_words.tsv', 'copula'))}))\b")


# "told the committee on Tuesday, in a hearing, that …": the listener and phrases of time or channel
_LISTENER_THAT = re.compile(r"[^.;:!?\"“”]{1,100}?\b(?P<that>that)\b\s*,?\s*")


# "; Ford’s attitude …": a clause joined after the report with a semicolon is the writer's again (one
# joined with "but" is as often the speaker's: "…, but that the overall architecture …").
_REPORT_ENDS = re.compile(r";")


# "said the ruling “worries me”, and called on Roe to …", "…, though noted the costs …": a comma,
# a conjunction and a speech verb in the past tense or as a participle ("…, while stressing that"): the
# speaker's next say, not a part of the report (not "… were quarantined, and displayed no symptoms", the
# report's own subject)
_SPEAKER_GOES_ON = re.compile(
    r",\s+(?P<conj>and|but|though|while)\s+(?:(?:he|she|they|it)\s+)?(?:also\s+|later\s+)?(?P<verb>[a-z]{2,}(?:ed|ing))\b")
_CALLS = frozenset({"called"})  # "and called on X to …": a request, which english_verbs() reads only with "on"


def _report_end(body: str, s_start: int, start: int, s_end: int) -> int:
    semicolon = _REPORT_ENDS.search(body, start, s_end)
    end = semicolon.start() if semicolon else s_end
    writer = clause_patterns()["writer_clause"].search(body, start, end)
    if writer is not None:
        end = writer.start()
    if (said := _QUOTED_AFTER_COMMA.search(body, start, end)) is not None and not (
            clause_patterns()["subordinate"].match(body, start)):
        # '… kept to the plan, "We wanted everyone home safe …"': the speaker's own words follow (but
        # "said since the talks go on, “I won't …”": the subordinate clause leads into the quotation)
        end = said.start()
    for goes_on in _SPEAKER_GOES_ON.finditer(body, start, end):
        # (a speech verb after "and"/"but" is reported.py's second verb, which cuts there itself and
        # gives the second report the same speaker)
        # "…, but (he) declined to give details": the speaker's refusal is the writer's, not the report
        if goes_on["verb"] in _CALLS | verb_classes()["refusal"] or (
                goes_on["conj"] in ("though", "while") and goes_on["verb"] in english_verbs()):
            end = goes_on.start()
            break
    if clause_patterns()["concessive"].match(body, text_start(body, s_start)) and "," not in body[s_start:start]:
        return clause_end(body, start, end)
    return end


# a comma, then a quotation opening on a capital that runs on for words: the speaker's whole say,
# quoted after the report — not a fragment inside it ('called it "a disgrace"')
_QUOTED_AFTER_COMMA = re.compile(r",\s*[“\"][A-Z][^\s“”\"]*(?:\s+[^\s“”\"]+){2}")
_CLOSERS = {"“": "”", '"': '"', "‘": "’", "'": "'"}


def _quote_goes_on(body: str, opener: int, s_end: int) -> bool:
    """'cautions that “we’re still in the very early days” of figuring it out': the clause goes on
    after the quoted words, which are a fragment of the report, not the speaker's whole say."""
    close = body.find(_CLOSERS[body[opener]], opener + 1, s_end)
    if close < 0 or body[close - 1] in ",.!?":  # '"tidak," berarti …': the quotation closes off
        return False
    rest = body[close + 1 : s_end].strip(" .!?")
    return len(rest.split()) >= 2 and not rest.startswith(",") and not patterns()["trailer"].match(rest)


def _main_clause_end(body: str, start: int, end: int) -> int:
    """Where a verb's object ends: at a comma or a subordinate clause — "reported its third case on
    Sunday after two others were revealed": the auxiliary is the subordinate clause's, the object a thing."""
    end = clause_end(body, start, end)
    sub = clause_patterns()["subordinate_inside"].search(body, start, end)
    return sub.start() if sub else end


def clause_end(body: str, start: int, end: int) -> int:
    comma = body.find(",", start, end)
    return end if comma < 0 else comma


@cache
def _unsourced() -> dict[str, re.Pattern[str]]:
    return {
        "open": re.compile(rf"(?P<cue>(?i:{either(flagged('report_unsourced.tsv', 'open'))}))"
                           r"(?:\s*,\s*(?:(?i:bahwa)\b\s*)?|\s+(?i:bahwa)\b\s*)"),
        "tail": re.compile(rf",\s*(?P<cue>(?i:{either(flagged('report_unsourced.tsv', 'tail'))}))\s*[.!?]?\s*$"),
    }


@cache
def unsourced_stems() -> re.Pattern[str]:
    """One search for unsourced_stem_words: cheaper than a find per word, over every sentence."""
    return re.compile(either(unsourced_stem_words()))


@cache
def unsourced_stem_words() -> frozenset[str]:
    """The phrases' last words without their first letter ("iberitakan"): "Diberitakan" holds it too."""
    return frozenset(row.split()[-1][1:].lower() for flag in ("open", "tail")
                     for row in flagged("report_unsourced.tsv", flag))


def unsourced(body: str, s_start: int, s_end: int) -> Candidate | None:
    """"Sebelumnya diberitakan, mobil itu …", "…, dilaporkan bahwa DiCaprio …", "…, seperti
    diberitakan.": a report the writer passes on, no one named — the speaker is unknown."""
    pats, first = _unsourced(), text_start(body, s_start)
    if unsourced_stems().search(body, first, s_end) is None:
        return None  # the stems first: few sentences hold one, and the full patterns cost more
    tail = pats["tail"].search(body, first, s_end)
    if tail is not None and len(body[first : tail.start()].split()) >= MIN_REPORTED_WORDS:
        return report_span(body, first, tail.start(), tail["cue"], None)
    for m in pats["open"].finditer(body, first, s_end):
        if m.start() == first or body[first : m.start()].rstrip().endswith(","):
            return report_span(body, m.end(), s_end, m["cue"], None)
    return None
