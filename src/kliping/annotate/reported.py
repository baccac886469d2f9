"""Article body + entities + direct quotations → reported speech: who said what, without quotation marks.

"X mengatakan (bahwa) …", "X said (that) …", "Menurut X, …" / "Menurutnya, …", "…, according
to X", "…, kata X." / "…, Harris said.", "Dikatakan X, …", "… disebut X bisa …". The content is
the clause the cue reports — the whole sentence when the cue sits in its middle ("Obrolan itu,
lanjutnya, dilakukan …"). A sentence whose speech belongs to a direct quotation in it is left to
that quotation; a quoted fragment inside a reported clause ("said it was “a mistake”") is not.
A verb that names no speech act ("tidak menjelaskan", "will announce", "Other estimates", "told
them of …") reports nothing; one with no name beside it has the speaker report_frames finds
("US officials said", "The US welcomed …, saying …").
"""

from __future__ import annotations

import re
from functools import cache

from kliping import resources
from kliping.annotate.cues import OPENERS, Candidate, Subject, english_verbs, patterns
from kliping.annotate.descriptions import description_subject
from kliping.annotate.report_frames import (
    LISTENER_VERBS,
    MAX_TAIL_SUBJECT_WORDS,
    MIN_REPORTED_WORDS,
    frame_tail,
    framed_report,
    joined,
    owner,
    passive,
    report_span,
    scanners,
    tail_reported,
    text_start,
    unnamed_subject,
    viewpoint,
)
from kliping.annotate.speech import (
    MAX_SUBJECT_GAP,
    appositive_subject,
    inside,
    name_before,
    person_in_attribution,
    subject_after,
    subject_before,
)
from kliping.model import Entity
from kliping.resources import alt

ATTRIBUTION_REACH = 40  # characters from a quotation's end to the verb that attributes it
MIN_LEAD_WORDS = 3  # "…, Cook said": fewer words before the comma are an opener ("However, they said …")

# "to say", "untuk mengakui", "declined to say": an infinitive names a speech act, reports none;
# nor does a passive ("Job cuts will be announced later …", "was told"), but for "it was noted
# that …"; nor a gerund, the writer's own words ("It's worth noting that …", "start by noting").
# One pattern for the three, searched once over the words before a verb.
_NOT_REPORTING = re.compile(r"\b(?:(?i:to|untuk|ingin|hendak)"
                            r"|(?P<gerund>(?i:worth|without|(?:start|begin)\s+by|after|before|from|of|for|about))"
                            r"|(?<!\b[Ii]t )(?P<passive>be|been|being|is|are|was|were))\s+$")
_ADDING = re.compile(r"\s+(?i:that)\b")
# ", but he said …", ", sementara Budi menyebut …": a second report starts after a comma.
_NEXT_REPORT = re.compile(r",\s*(?i:(?:but|and|while|though|although|tetapi|tapi|namun|dan|sementara|sedangkan)\s+)?$")


def reported_candidates(body: str, sentences: list[tuple[int, int]], entities: list[Entity],
                        direct: list[Candidate]) -> list[Candidate]:
    quotations = sorted((c for c in direct if c.kind == "direct"), key=lambda c: c.start)
    out = []
    k = 0  # the first quotation that may reach into the sentence (both lists run in order)
    for s_start, s_end in joined(body, sentences):
        while k < len(quotations) and quotations[k].end <= s_start:
            k += 1
        if inside(quotations, s_start) and inside(quotations, s_end - 1):
            continue
        near = []  # the quotations in this sentence: a report never runs over one
        for c in quotations[k:]:
            if c.start >= s_end:
                break
            near.append(c)
        # Only the quotations that reach into the sentence can bear on it: passing those, not all
        # of the article's, keeps the work per sentence flat as articles grow.
        framed = framed_report(body, s_start, s_end, entities) or viewpoint(body, s_start, s_end, entities)
        found = ([framed] if framed else _verb_reported(body, s_start, s_end, entities, near))
        if found and not framed and patterns()["short_tail"].search(body, s_start, found[0].start):
            # "Sebagai warga negara, lanjut Agus, Setya Novanto punya hak …, tetapi ia menyarankan …":
            # the cue in the middle makes the whole sentence one report, the later verb inside it.
            whole = tail_reported(body, s_start, s_end, entities, near)
            if whole is not None and whole.end >= found[-1].end:
                found = [whole]
        if not found:
            other = (frame_tail(body, s_start, s_end, entities) or passive(body, s_start, s_end, entities)
                     or tail_reported(body, s_start, s_end, entities, near))
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
        adding = ing and _ADDING.match(body, verb.end(), s_end) is not None
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
        blocked = _NOT_REPORTING.search(body, max(s_start, verb.start() - 12), verb.start())
        if blocked and not (blocked["gerund"] and not ing) and not (blocked["passive"] and ing):
            continue
        if _no_speech_act(body, verb, s_start, ing):
            continue
        head = body[s_start : verb.start()].rstrip()
        named = _name_after(body, verb.end(), entities) if head.endswith(",") else None
        if named is not None and (_name_closes(body[verb.end() : s_end]) or not _person_before(
                body, s_start + len(head) - 1, s_start, entities)):
            # "…, said Amnesty International": the speaker follows (the tail form); "…, Burton, 32,
            # of …, after locating …, said Lt. Matt Harris, police spokesman." too.
            return found
        if head.endswith(",") and not ing and verb["cue"].lower() in english_verbs() and (
                tail := _INVERTED_TAIL.fullmatch(body, verb.end(), s_end)):
            # "…, say officials.", "…, argue economists.": the speaker, unnamed, follows the verb
            who = Subject(tail["who"], tail.start("who"), "noun")
            return [*found, report_span(body, s_start, s_start + len(head) - 1, verb["cue"], who)]
        joins = bool(found) and found[-1].start <= verb.start() < found[-1].end
        participle = verb["cue"].lower().endswith("ing") and body[s_start : verb.start()].rstrip().endswith(",")
        subject = _subject(body, verb, s_start, entities, found[-1] if joins else None, participle) or (
            earlier if participle else None) or unnamed_subject(body, verb.start(), s_start, entities, participle)
        earlier = subject or earlier
        if adding and attributing is not None and not joins:
            # '"…," Dempsey said, adding that …', '"…," responded Jim Bridenstine, noting that …':
            # the one who spoke the quotation goes on
            quote_end = max(c.end for c in quotations if c.end <= attributing.start())
            subject = (subject_before(body, attributing.start(), quote_end, entities)
                       or person_in_attribution(body, attributing.end(), verb.start(), entities)
                       or _name_after(body, attributing.end(), entities) or subject)
        if _IT_PASSIVE.search(body, max(s_start, verb.start() - 16), verb.start()) and (
                source := _IN_SOURCE.match(body, verb.end(), s_end)):
            # "it was revealed in Eurogamer's review that …", "it is reported by Reuters that …"
            named = _name_after(body, source.end(), entities)
            if named is not None:  # "in Eurogamer’s Stadia review": the owner of the review
                subject = owner(body, named)
        if subject is None or (verb["cue"].lower() in _CLAUSE_ONLY and subject.kind == "noun"
                               and _THING.search(subject.text)):
            continue  # "Blood tests revealed that …": a finding, no one's speech
        lead = _next_report_at(body, found[-1].start, verb.start() if participle else subject.start) if joins else None
        if joins and lead is None:
            continue  # "Bloomberg reported that officials said …": one report, nested
        candidate = _content(body, verb, subject, s_start if lead is None else lead, s_end)
        if candidate is None:
            continue
        if candidate is _DIRECT:
            quoted = True  # 'X said in a statement, “…” at …, adding that …' goes on after it
            continue
        if lead is not None:
            found[-1] = report_span(body, found[-1].start, lead, found[-1].cue or "", found[-1].subject)
        found.append(candidate)
    return [c for c in found if c is not _DIRECT]


@cache
def _unsaid() -> re.Pattern[str]:
    """The words before a verb that make it no speech act: "tidak menjelaskan", "belum menyebutkan",
    "did not say" (denied), "akan menjelaskan", "will announce", "dapat melanjutkan" (still to
    come), "some say in", "Other estimates", "over alleged", "the reported deal" (a noun or an
    adjective after a determiner or preposition), "That's smaller than what Budi said, …", "what
    voters do or don't say on …" (the verb's object is "what", before it)."""
    negators = alt(sorted(resources.words("negators.txt") | {"enggan", "menolak"}, key=len, reverse=True))
    return re.compile(rf"(?:(?:\b(?:{negators}|{_MODALS})|n[’']t)(?:\s+(?:{_BETWEEN}))?"
                      rf"|\b(?i:the|an?|some|any|other|these|those|such|its|their|over|of)"
                      rf"|\b[Ww]hat(?:\s+[\w’'-]+){{1,6}})\s+$")


_MODALS = "akan|bakal|dapat|bisa|mampu|harus|perlu|will|can|cannot|could|should|must|may|might"
_BETWEEN = "tetap|juga|pun|terus|segera|kembali|lagi|also|still|soon|later|then|ever|yet"
# "tak menampik …", "did not deny …": a denial denied admits it, a report.
_DENIALS = frozenset({"membantah", "menampik", "menyangkal", "denied", "disputed"})
UNSAID_REACH = 60  # characters before a verb searched for "what …" and a negation


# What may stand before a verb in -ing that reports: a comma (", saying …"), a form of "be" ("is
# warning that …"), "by" ("by warning candidates against …") or "with" and its subject ("with Audi
# suggesting that …").
_PARTICIPLE_OPENS = re.compile(r"(?:,|\b(?:is|are|was|were|be|been|[’']s|[’']re|by)"
                               r"|\bwith\s+(?:[\w’'.-]+\s+){1,3})\s*$")


def _no_speech_act(body: str, verb: re.Match[str], s_start: int, ing: bool) -> bool:
    """Whether ``verb`` names no speech act (see ``_unsaid``), or is a noun in -ing ("collision
    warning", "theories suggesting …")."""
    before = body[max(s_start, verb.start() - UNSAID_REACH) : verb.start()]
    if ing and verb["cue"].lower() in english_verbs() and not _PARTICIPLE_OPENS.search(before):  # not "menuding"
        return True
    m = _unsaid().search(before)
    return m is not None and not (verb["cue"].lower() in _DENIALS and "what" not in m.group(0).lower())


def _attributes(body: str, verb: re.Match[str], s_start: int, s_end: int, quotations: list[Candidate]) -> bool:
    """'"…," Dylan Nelson, a postdoctoral fellow at …, said in a statement.': a verb after a
    quotation, farther than ATTRIBUTION_REACH, with only a trailer after it, attributes it too."""
    rest = body[verb.end() : s_end]
    return (any(s_start <= c.end <= verb.start() for c in quotations) and patterns()["trailer"].match(rest) is not None
            and _THAT_LATER.match(rest) is None)


_INVERTED_TAIL = re.compile(r"\s+(?P<who>(?:the\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})\s*[.!?]?\s*")
_DIRECT = Candidate(0, 0, "direct", None, None)  # "X mengatakan: “…”": the direct quotation speaks


def _subject(body: str, verb: re.Match[str], s_start: int, entities: list[Entity],
             before: Candidate | None, participle: bool) -> Subject | None:
    """The speaker of ``verb``; ", saying …" / ", adding that …" continue the report before it."""
    if participle:
        return before.subject if before is not None else subject_before(body, verb.start(), s_start, entities)
    comma = body.rfind(",", s_start, verb.start())
    clause = body[comma + 1 : verb.start()] if comma >= 0 else ""
    relative = clause.split()[:1] in (["yang"], ["who"], ["which"])  # "X, yang memimpin Y pun mengatakan"
    if comma >= 0 and clause.strip() and len(clause.split()) <= MAX_TAIL_SUBJECT_WORDS and not relative:
        # "…, the news agency said": the speaker is the phrase after the comma, not a name before it.
        found = subject_before(body, verb.start(), comma + 1, entities) or name_before(body, verb.start(), comma + 1)
        if found is not None:
            return found
    return (subject_before(body, verb.start(), s_start, entities) or name_before(body, verb.start(), s_start)
            or _description_before(body, verb.start(), max(s_start, comma + 1), entities))


# "Rider berusia 25 tahun itu pun mengaku …", "mantan Menteri Keuangan pada 2001 - 2004 ini menyatakan":
# a description longer than a plain noun subject, pointing back with "itu" / "ini" / "tersebut".
_LINKS = r"(?:\s+(?:pun|juga|turut|pula|lantas|kemudian))*\s+$"  # "… itu pun turut mengisyaratkan"
_DESCRIBED_BEFORE = re.compile(r"\b(?:[\w’'-]+\s+){1,7}?(?:itu|ini|tersebut)" + _LINKS)
_LINKS_END = re.compile(_LINKS)


def _description_before(body: str, verb_start: int, floor: int, entities: list[Entity]) -> Subject | None:
    m = _DESCRIBED_BEFORE.search(body, max(floor, verb_start - MAX_SUBJECT_GAP), verb_start)
    if m is None:
        return None
    text = _LINKS_END.sub("", m.group(0))
    return description_subject(body, text, m.start(), entities) or Subject(text, m.start(), "pronoun")


def _next_report_at(body: str, floor: int, subject_start: int) -> int | None:
    """The comma that ends a report before a new speaker: "…, but he said that …"."""
    m = _NEXT_REPORT.search(body, floor, subject_start)
    return m.start() if m else None


def _content(body: str, verb: re.Match[str], subject: Subject, s_start: int, s_end: int) -> Candidate | None:
    pats = patterns()
    cue = verb["cue"].lower()
    # optional, so it always matches; "meminta Komisi KPK membuktikan bahwa …" asks for all of it
    that = (_BARE_THAT if cue in _REQUESTS else pats["that"]).match(body[verb.end() : s_end])
    if that is not None and _FINITE.search(that.group(0)):
        that = None  # "said Kabul had ensured that …": the words before "that" are the report's own clause
    if that is not None and not that.group(0).strip(" ,:"):
        # "said in a news release that …", "wrote on Twitter that …", "menyampaikan dalam rapat di
        # DPR bahwa …": a longer phrase of place, time or channel before the complementiser
        that = _THAT_LATER.match(body[verb.end() : s_end]) or that
    content = verb.end() + (that.end() if that else 0)
    said_that = bool(that and that.group(0).strip(" ,:"))  # "bahwa", "that": a clause follows
    if cue in LISTENER_VERBS and not said_that:
        listener = _LISTENER.match(body, verb.end(), s_end)  # "told AFP the suspect …", "told reporters …"
        if listener is not None:
            content = listener.end()
    if (cue in _CLAUSE_ONLY or cue in _THAT_ONLY) and not said_that and (
            cue in _THAT_ONLY or _CLAUSE_OPENS.match(body, verb.end()) is None):
        return None  # "mengungkap kasus narkoba", "revealed a new phone": an object, no reported clause
    adverbial = pats["adverbial"].match(body[content:s_end])
    if adverbial and not _FINITE.search(adverbial.group(0)):
        # "mengatakan pada Rabu (13/9/2023), …" — not "said that on three occasions they had written
        # to him, trying …", a clause of the report
        content += adverbial.end()
    if body[content : content + 1] in OPENERS + "'‘" and not _quote_goes_on(body, content, s_end):
        return _DIRECT  # "X mengatakan: “…”" is a direct quotation, found above
    if not said_that and (
            (pointer := _POINTER.match(body, content, s_end))
            and pats["trailer"].match(body[pointer.end() : s_end].rstrip(" .!?"))
            or (cue in _OBJECT_VERBS and _DETERMINER.match(body, content, s_end)
                and not _FINITE.search(body, content, _clause_end(body, content, s_end)))):
        # "Presiden menyampaikan hal itu seusai …", "Google confirmed this in a statement": the report
        # was the sentence before; "NASA announced the newest milestone in …": a thing, no clause
        return None
    # "…, Harris said." / "…, Cook said while visiting …" / "…, she said, are aging …" — English
    # order; "…, Putin mengatakan, …" reports what follows.
    comma = body.rfind(",", s_start, subject.start)
    lead_words = len(body[s_start:comma].split()) if comma > s_start else 0
    # The lead is the report only when the speaker and the verb close it side by side — not in
    # "…, Howitt found that they had … previously reported." — and when it is no subordinate
    # clause of its own, alone before the speaker ("Ketika ditanya …, Fabregas menjawab secara diplomatis.").
    if lead_words >= MIN_LEAD_WORDS and not body[comma + 1 : subject.start].strip(" ") and (
            pats["adverbs"].match(body[subject.start + len(subject.text) : verb.start()])
            and not (_SUBORDINATE.match(body, text_start(body, s_start)) and "," not in body[s_start:comma])):
        after = body[verb.end() : s_end]
        english = verb["cue"].lower() in english_verbs()
        if (english and pats["trailer"].match(after)) or len(body[content:s_end].split()) < MIN_REPORTED_WORDS:
            return report_span(body, s_start, comma, verb["cue"], subject)
        if english and after.lstrip().startswith(","):
            return report_span(body, s_start, s_end, verb["cue"], subject)
    if len(body[content:s_end].split()) < MIN_REPORTED_WORDS or (_NO_CLAUSE.match(body, content) and not said_that):
        return None  # (after "that" a clause starts, whatever its first word: "that on three occasions …")
    return report_span(body, content, _report_end(body, s_start, content, s_end), verb["cue"], subject)


# "; Ford’s attitude …": a clause joined after the report with a semicolon is the writer's again (one
# joined with "but" is as often the speaker's: "…, but that the overall architecture …").
_REPORT_ENDS = re.compile(r";")
# "While X said …, he did not …": the report ends with the subordinate clause it sits in.
_CONCESSIVE = re.compile(r"(?i:while|although|though|whereas|meski|meskipun|walaupun|walau)\b")


def _report_end(body: str, s_start: int, content: int, s_end: int) -> int:
    semicolon = _REPORT_ENDS.search(body, content, s_end)
    end = semicolon.start() if semicolon else s_end
    if _CONCESSIVE.match(body, text_start(body, s_start)) and "," not in body[s_start:content]:
        return _clause_end(body, content, end)
    return end


_CLOSERS = {"“": "”", '"': '"', "‘": "’", "'": "'"}


def _quote_goes_on(body: str, opener: int, s_end: int) -> bool:
    """'cautions that “we’re still in the very early days” of figuring it out': the clause goes on
    after the quoted words, which are a fragment of the report, not the speaker's whole say."""
    close = body.find(_CLOSERS[body[opener]], opener + 1, s_end)
    if close < 0 or body[close - 1] in ",.!?":  # '"tidak," berarti …': the quotation closes off
        return False
    rest = body[close + 1 : s_end].strip(" .!?")
    return len(rest.split()) >= 2 and not rest.startswith(",") and not patterns()["trailer"].match(rest)


def _clause_end(body: str, start: int, end: int) -> int:
    comma = body.find(",", start, end)
    return end if comma < 0 else comma


_REQUESTS = frozenset({"meminta", "minta", "mengajak", "mengimbau", "memerintahkan", "menyarankan", "mendesak",
                       "menyerukan", "urged", "urges"})


# Verbs whose object is more often a thing than a clause ("mengungkap kasus", "revealed a plan",
# "wrote a book", "pointed out the flaws", "melanjutkan bisnis", "mengucapkan terima kasih",
# "mencatat kemenangan"): they report speech only with "bahwa"/"that" or a comma.
_CLAUSE_ONLY = frozenset({"mengungkap", "membenarkan", "menyinggung", "mengonfirmasi", "menjabarkan",
                          "melanjutkan", "mengucapkan", "membeberkan", "mencatat",
                          "revealed", "reveals", "wrote", "writes", "pointed out", "points out", "pointing out",
                          "underscored", "underlined", "reiterated", "conceded", "contended", "notes", "stresses"})
# An auxiliary or a subject pronoun: the words hold a clause of their own.
_FINITE = re.compile(r"\b(?:had|has|have|was|were|is|are|will|would|could|can|did|does|they|he|she|we"
                     r"|telah|sudah|akan|sedang|ia|dia|mereka|kami)\b")
# Words opening a subordinate clause at a sentence's start ("Ketika ditanya …,", "When asked …,").
_SUBORDINATE = re.compile(r"(?i:ketika|saat|sewaktu|setelah|usai|seusai|sebelum|ditanya|menanggapi|jika|kalau"
                          r"|when|after|before|asked|if|once|as\s+soon\s+as)\b")
_POINTER = re.compile(r"(?i:hal\s+(?:itu|ini|tersebut|serupa|yang\s+sama)|the\s+same|this|these|those|it)\b")
# English verbs whose object is often a thing ("announced the newest milestone", "reported a loss",
# "maintained a lead"): with a determiner after them and no clause, they report nothing.
_OBJECT_VERBS = frozenset({"announced", "reported", "confirmed", "confirms", "maintained", "acknowledged",
                           "acknowledges", "claimed", "revealed", "reveals", "disputed", "estimated", "estimates",
                           "predicted", "recalled", "shared", "indicated", "denied", "noted", "observed",
                           "stressed", "emphasized", "emphasised", "underscored", "reiterated", "projected",
                           "projects", "admitted", "admits"})
_DETERMINER = re.compile(r"\s*(?:a|an|the|its|their|his|her|our|[A-Z][\w-]*[’']s)\s")  # "claimed Ford’s body"
# Verbs that are more often nouns or another verb ("the state", "a note", "berbicara di depan …"):
# they report only with "bahwa"/"that" ("The group state that …", "Soemitro berbicara bahwa …").
_THAT_ONLY = frozenset({"berbicara", "note", "state", "cautions", "speculates", "speculated"})
_IT_PASSIVE = re.compile(r"\b[Ii]t(?:['’]s|\s+(?:is|was|has\s+been|had\s+been))\s+$")
_IN_SOURCE = re.compile(r"\s+(?i:in|by|from)\s+(?:(?i:the)\s+)?")
# what a finding, not a speaker, is: "Blood tests revealed …", "Hasil penelitian mengungkap …"
_THING = re.compile(r"(?i:\b(?:tests?|scans?|stud(?:y|ies)|data|surveys?|analys[ie]s|research|results?|records?"
                    r"|documents?|footage|videos?|images?|figures|statistics|hasil|survei|studi|penelitian|riset"
                    r"|dokumen|rekaman|temuan)\b)")
_CLAUSE_OPENS = re.compile(r"\s*(?::|,(?!\s*(?i:and|or|but|dan|atau|tetapi|lalu)\b))")
# (a dot inside a sentence is an abbreviation's: "on Sept. 30 that …", "with AutoIndustriya.com that …")
_THAT_LATER = re.compile(r"^[\s,]*(?i:in|on|at|during|via|through|to|with"
                         r"|dalam|pada|di|kepada|melalui|lewat|saat|usai)\b"
                         r"[^,;:!?\"“]{0,60}?\b(?i:that|bahwa)\b\s*,?\s*")
# "told AFP …", "told The Associated Press …", "told reporters …", "told him …": who heard it
_LISTENER = re.compile(r"\s+(?:(?:[Tt]he\s+)?[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,3}"
                       r"|(?:reporters|journalists|lawmakers|legislators|parliament|supporters|investigators"
                       r"|the\s+(?:court|jury|committee|audience|crowd|newspaper|paper|station|agency|broadcaster"
                       r"|news\s+agency|magazine|website|outlet|network|hearing|council|conference))"
                       r"|(?:me|us|him|her|them))(?=\s+(?:[a-z]|[A-Z][a-z]*\s))(?!\s+(?:to|about|of|for|that)\b)")
_BARE_THAT = re.compile(r"^[\s,:]*(?:(?i:bahwa|that)\b\s*,?\s*)?")


# "asked them about …", "told them of …", "wrote as …", "continued to …": an object or a
# preposition after the verb, not a reported clause ("said if …" is one: a conditional opens it).
# (matched at a position: no "^", which anchors only at the text's start and so never matched)
_NO_CLAUSE = re.compile(r"(?:(?:them|her|him|me|us|you)\s+)?(?:to|for|about|with|before|as|of|by|into|on)\b")


def _person_before(body: str, comma: int, floor: int, entities: list[Entity]) -> bool:
    """"Sen. Ted Cruz, R-Texas, said …": a person before an appositive speaks, the name after is content."""
    subject = appositive_subject(body, comma, floor, entities)
    return subject is not None and (subject.kind == "name" or (
        subject.entity is not None and subject.entity.label == "PERSON"))


def _name_after(body: str, pos: int, entities: list[Entity]) -> Subject | None:
    """The name (not a pronoun or a plain word) that follows ``pos``: "said Amnesty International"."""
    subject = subject_after(body, pos, entities)
    return subject if subject is not None and subject.kind in ("entity", "name") else None


def _name_closes(rest: str) -> bool:
    """Whether ``rest`` is only a name, then perhaps a short appositive, closing the sentence:
    " Lt. Matt Harris, Columbus Police Department spokesman."."""
    name, _, appositive = rest.strip(" .!?").partition(",")
    words = name.split()
    return (0 < len(words) <= MAX_TAIL_SUBJECT_WORDS and all(w[:1].isupper() for w in words)
            and "," not in appositive and len(appositive.split()) <= MAX_TAIL_SUBJECT_WORDS)
