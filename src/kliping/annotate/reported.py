"""Article body + entities + direct quotations → reported speech: who said what, without quotation marks.

"X mengatakan (bahwa) …", "X said (that) …", "Menurut X, …" / "Menurutnya, …", "…, according
to X", "…, kata X." / "…, Harris said.", "Dikatakan X, …", "… disebut X bisa …". The content is
the clause the cue reports — the whole sentence when the cue sits in its middle ("Obrolan itu,
lanjutnya, dilakukan …"). A sentence whose speech belongs to a direct quotation in it is left to
that quotation; a quoted fragment inside a reported clause ("said it was “a mistake”") is not.
"""

from __future__ import annotations

import re

from kliping.annotate.cues import OPENERS, Candidate, Subject, english_verbs, patterns
from kliping.annotate.report_frames import (
    MIN_REPORTED_WORDS,
    frame_tail,
    framed_report,
    is_date,
    owner,
    passive,
    report_span,
    trimmed,
)
from kliping.annotate.speech import (
    MAX_SUBJECT_GAP,
    appositive_subject,
    description_subject,
    inside,
    name_before,
    person_in_attribution,
    skip_space,
    subject_after,
    subject_before,
)
from kliping.model import Entity

ATTRIBUTION_REACH = 40  # characters from a quotation's end to the verb that attributes it
MIN_LEAD_WORDS = 3  # "…, Cook said": fewer words before the comma are an opener ("However, they said …")
MAX_TAIL_SUBJECT_WORDS = 6  # "…, the state-run news agency said."

# A sentence the splitter cut after an initialism ("… from the U.S. Securities …") goes on.
INITIALISM_TAIL = 12  # characters: "U.S.", "D.C.", "p.m." and a space before them
_INITIALISM_END = re.compile(r"(?:\b[A-Z]\.){2,}$|\b[ap]\.m\.$")
# "… give the ID. SPACE VIZZION a near-50:50 …": a name in capitals with a dot inside goes on.
_CAPITALS_END = re.compile(r"\s[A-Z]{2,3}\.$")
_CAPITALS_START = re.compile(r"[A-Z]{3,}\s+[A-Z]{3,}\b")
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
    for s_start, s_end in _joined(body, sentences):
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
        framed = framed_report(body, s_start, s_end, entities)
        found = ([framed] if framed else _verb_reported(body, s_start, s_end, entities, near))
        if found and not framed and patterns()["short_tail"].search(body, s_start, found[0].start):
            # "Sebagai warga negara, lanjut Agus, Setya Novanto punya hak …, tetapi ia menyarankan …":
            # the cue in the middle makes the whole sentence one report, the later verb inside it.
            whole = _tail_reported(body, s_start, s_end, entities, near)
            if whole is not None and whole.end >= found[-1].end:
                found = [whole]
        if not found:
            other = (frame_tail(body, s_start, s_end, entities) or passive(body, s_start, s_end, entities)
                     or _tail_reported(body, s_start, s_end, entities, near))
            found = [other] if other else []
        out += [c for c in found if not any(q.start < c.end and c.start < q.end for q in near)]
    return [c for c in out if len(body[c.start : c.end].split()) >= MIN_REPORTED_WORDS]


def _joined(body: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences, with one that ends in an initialism inside its paragraph joined to the next."""
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
        else:
            out.append((start, end))
    return out


def _verb_reported(body: str, s_start: int, s_end: int, entities: list[Entity],
                   quotations: list[Candidate]) -> list[Candidate]:
    """"X mengatakan (bahwa) …", "X said (that) …", "…, X said." / "…, X said while …" (the content
    before), "…, she said, are …" (the whole sentence); a later "…, but he said that …" starts a
    second report that ends the first."""
    pats = patterns()
    found: list[Candidate] = []
    quoted = False  # a verb before a direct quotation was passed
    attributing: re.Match[str] | None = None  # the verb that attributes a quotation before it
    for verb in pats["report_verb"].finditer(body, s_start, s_end):
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
        if not adding and any(s_start <= c.end <= verb.start() <= c.end + ATTRIBUTION_REACH for c in quotations):
            attributing = verb
            continue  # '"…," Kim said at a dinner': the verb attributes the quotation before it
        blocked = _NOT_REPORTING.search(body, max(s_start, verb.start() - 12), verb.start())
        if blocked and not (blocked["gerund"] and not ing) and not (blocked["passive"] and ing):
            continue
        head = body[s_start : verb.start()].rstrip()
        named = _name_after(body, verb.end(), entities) if head.endswith(",") else None
        if named is not None and (_name_closes(body[verb.end() : s_end]) or not _person_before(
                body, s_start + len(head) - 1, s_start, entities)):
            # "…, said Amnesty International": the speaker follows (the tail form); "…, Burton, 32,
            # of …, after locating …, said Lt. Matt Harris, police spokesman." too.
            return found
        joins = bool(found) and found[-1].start <= verb.start() < found[-1].end
        participle = verb["cue"].lower().endswith("ing") and body[s_start : verb.start()].rstrip().endswith(",")
        subject = _subject(body, verb, s_start, entities, found[-1] if joins else None, participle)
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


_DIRECT = Candidate(0, 0, "direct", None, None)  # "X mengatakan: “…”": the direct quotation speaks


def _subject(body: str, verb: re.Match[str], s_start: int, entities: list[Entity],
             before: Candidate | None, participle: bool) -> Subject | None:
    """The speaker of ``verb``; ", saying …" / ", adding that …" continue the report before it."""
    if participle:
        return before.subject if before is not None else subject_before(body, verb.start(), s_start, entities)
    comma = body.rfind(",", s_start, verb.start())
    clause = body[comma + 1 : verb.start()] if comma >= 0 else ""
    if comma >= 0 and clause.strip() and len(clause.split()) <= MAX_TAIL_SUBJECT_WORDS:
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
    if that is not None and not that.group(0).strip(" ,:"):
        # "said in a news release that …", "wrote on Twitter that …", "menyampaikan dalam rapat di
        # DPR bahwa …": a longer phrase of place, time or channel before the complementiser
        that = _THAT_LATER.match(body[verb.end() : s_end]) or that
    content = verb.end() + (that.end() if that else 0)
    if cue in _LISTENER_VERBS and not (that and that.group(0).strip(" ,:")):
        listener = _LISTENER.match(body, verb.end(), s_end)  # "told AFP the suspect …", "told reporters …"
        if listener is not None:
            content = listener.end()
    if cue in _CLAUSE_ONLY and not (that and that.group(0).strip(" ,:")) and (
            _CLAUSE_OPENS.match(body, verb.end()) is None):
        return None  # "mengungkap kasus narkoba", "revealed a new phone": an object, no reported clause
    adverbial = pats["adverbial"].match(body[content:s_end])
    if adverbial:
        content += adverbial.end()  # "mengatakan pada Rabu (13/9/2023), …"
    if body[content : content + 1] in OPENERS + "'‘":
        return _DIRECT  # "X mengatakan: “…”" is a direct quotation, found above
    # "…, Harris said." / "…, Cook said while visiting …" / "…, she said, are aging …" — English
    # order; "…, Putin mengatakan, …" reports what follows.
    comma = body.rfind(",", s_start, subject.start)
    lead_words = len(body[s_start:comma].split()) if comma > s_start else 0
    if lead_words >= MIN_LEAD_WORDS and not body[comma + 1 : subject.start].strip(" "):
        after = body[verb.end() : s_end]
        english = verb["cue"].lower() in english_verbs()
        if (english and pats["trailer"].match(after)) or len(body[content:s_end].split()) < MIN_REPORTED_WORDS:
            return report_span(body, s_start, comma, verb["cue"], subject)
        if english and after.lstrip().startswith(","):
            return report_span(body, s_start, s_end, verb["cue"], subject)
    if len(body[content:s_end].split()) < MIN_REPORTED_WORDS or _NO_CLAUSE.match(body, content):
        return None
    return report_span(body, content, s_end, verb["cue"], subject)


def _tail_reported(body: str, s_start: int, s_end: int, entities: list[Entity],
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
    if cue.lower() in _LISTENER_VERBS:
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


_REQUESTS = frozenset({"meminta", "minta", "mengajak", "mengimbau", "memerintahkan", "menyarankan", "mendesak",
                       "menyerukan", "urged", "urges"})


# Verbs whose object is more often a thing than a clause ("mengungkap kasus", "revealed a plan",
# "wrote a book", "pointed out the flaws"): they report speech only with "bahwa"/"that" or a comma.
_CLAUSE_ONLY = frozenset({"mengungkap", "membenarkan", "menyinggung", "mengonfirmasi", "menjabarkan",
                          "revealed", "reveals", "wrote", "writes", "pointed out", "points out", "pointing out",
                          "underscored", "underlined", "reiterated", "conceded", "contended", "notes", "stresses"})
_IT_PASSIVE = re.compile(r"\b[Ii]t(?:['’]s|\s+(?:is|was|has\s+been|had\s+been))\s+$")
_IN_SOURCE = re.compile(r"\s+(?i:in|by|from)\s+(?:(?i:the)\s+)?")
# what a finding, not a speaker, is: "Blood tests revealed …", "Hasil penelitian mengungkap …"
_THING = re.compile(r"(?i:\b(?:tests?|scans?|stud(?:y|ies)|data|surveys?|analys[ie]s|research|results?|records?"
                    r"|documents?|footage|videos?|images?|figures|statistics|hasil|survei|studi|penelitian|riset"
                    r"|dokumen|rekaman|temuan)\b)")
_CLAUSE_OPENS = re.compile(r"\s*(?::|,(?!\s*(?i:and|or|but|dan|atau|tetapi|lalu)\b))")
_THAT_LATER = re.compile(r"^[\s,]*(?i:in|on|at|during|via|through|to|with"
                         r"|dalam|pada|di|kepada|melalui|lewat|saat|usai)\b"
                         r"[^,.;:!?\"“]{0,60}?\b(?i:that|bahwa)\b\s*,?\s*")
# "told AFP …", "told The Associated Press …", "told reporters …", "told him …": who heard it
_LISTENER = re.compile(r"\s+(?:(?:[Tt]he\s+)?[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,3}"
                       r"|(?:reporters|journalists|lawmakers|legislators|parliament|supporters|investigators"
                       r"|the\s+(?:court|jury|committee|audience|crowd|newspaper|paper|station|agency|broadcaster"
                       r"|news\s+agency|magazine|website|outlet|network|hearing|council|conference))"
                       r"|(?:me|us|him|her|them))(?=\s+(?:[a-z]|[A-Z][a-z]*\s))(?!\s+(?:to|about|of|for|that)\b)")
_BARE_THAT = re.compile(r"^[\s,:]*(?:(?i:bahwa|that)\b\s*,?\s*)?")
_LISTENER_VERBS = frozenset({"told", "tells", "telling"})
_INITIAL_GOES_ON = re.compile(r"(?:(?<=\b[A-Z])|(?<=\b[A-Z][a-z]))\.(?:\s+[A-Z][\w’'-]+){1,3}(?=\s*[,.])")


def _closes(rest: str) -> bool:
    """Whether what follows a speaker closes the attribution: the sentence's end, a comma, a trailer."""
    return not rest.strip(" .!?") or rest.lstrip().startswith(",") or bool(patterns()["trailer"].match(rest))
# ", said Scott Paul, who heads …": what follows the speaker describes the speaker.
_APPOSITIVE = re.compile(r"^\s*,\s*(?i:who|whose|which|a|an|the|yang|selaku|seorang|salah)\b")
# "asked them about …", "told them of …", "wrote as …", "continued to …": an object or a
# preposition after the verb, not a reported clause.
_NO_CLAUSE = re.compile(r"^(?:(?:them|her|him|me|us|you)\s+)?(?:to|for|about|with|before|as|of|by|into|if|on)\b")


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
