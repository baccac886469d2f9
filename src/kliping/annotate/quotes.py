"""Article body + entities → quotations (direct, partial, reported) with their speakers.

Direct quotations are the balanced double-quoted spans of a paragraph (curly or straight,
nested quotes kept inside, a quote left open at a paragraph's end continued where it
closes). A quotation is attributed by the words around it: a cue after it ("kata Putin",
"tambahnya", "ia menambahkan", "Demikian pernyataan Putin") or before it ("Kim mengatakan:").
Reported speech is "X mengatakan (bahwa) …", "Menurut X, …", "X said (that) …", "…, kata X".
Speakers resolve to canonical entity names; pronouns and -nya to the most recent speaker;
roles through the entity linker ("Presiden Rusia" → Vladimir Putin). Cue words, pronouns and
frames are data files in resources/.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from kliping import resources
from kliping.annotate import naming
from kliping.annotate.sentences import split_sentences
from kliping.model import Entity, Quote

OPENERS = "“\""
CLOSERS = "”\""
_QUOTE_MARK = re.compile("[“”\"]")
MIN_DIRECT_WORDS = 5  # an unattributed quotation this long, standing alone, is still speech
MIN_PARTIAL_WORDS = 2  # one quoted word is a scare quote, not a partial quotation
MIN_REPORTED_WORDS = 3
MAX_SUBJECT_GAP = 90  # characters between a speaker and a verb in one clause
MAX_NOUN_SUBJECT_WORDS = 4
ATTRIBUTION_REACH = 40  # characters from a quotation's end to the verb that attributes it


@dataclass
class _Subject:
    text: str
    start: int
    kind: str  # "entity", "pronoun", "clitic", "name"
    entity: Entity | None = None


@dataclass
class _Candidate:
    start: int
    end: int
    kind: str
    cue: str | None
    subject: _Subject | None


def _words(kind: str) -> list[str]:
    return sorted({row[2] for row in resources.rows("quote_cues.tsv") if row[1] == kind}, key=len, reverse=True)


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in words)


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    short, verb, after = _alt(_words("short")), _alt(_words("verb")), _alt(_words("after"))
    adverbs = _alt(list(resources.lines("speech_adverbs.txt")))
    frames = _alt([row[1] for row in resources.rows("quote_frames.tsv")])
    return {
        # after a quotation: "kata Putin", "tambahnya", "Ujar Putin"
        "short_after": re.compile(rf"^[\s,.;:]*(?P<cue>(?i:{short}))(?P<nya>nya)?\b", re.U),
        # after a quotation: "ia menambahkan", "Putin said"
        "verb": re.compile(rf"\b(?P<cue>(?i:{verb}))\b"),
        "adverbs": re.compile(rf"^(?:\s+(?i:{adverbs}))*\s*$"),
        # "Demikian pernyataan Putin", "begitu kata Kim"
        "after_noun": re.compile(
            rf"^[\s,.;:]*(?i:demikian|begitu)\s+(?:(?i:seperti|yang|sebagaimana)\s+)*(?P<cue>(?i:{after}))\s+"
            rf"(?:(?i:oleh|dari)\s+)?"
        ),
        # before a quotation: "Kata Putin, “…”"
        "short_before": re.compile(rf"(?P<cue>(?i:{short}))(?P<nya>nya)?\s+"),
        # "Menurut Putin, …", "Menurutnya, …", "According to the minister, …"
        "frame": re.compile(rf"(?<!\w)(?P<cue>(?i:{frames}))(?:(?P<nya>nya)\s*,|\s+)"),
        # "…, according to federal records."
        "frame_tail": re.compile(rf",\s*(?P<cue>(?i:{frames}))\s+(?=[^,]*$)"),
        # "…, kata Putin." closing reported speech
        "short_tail": re.compile(rf",\s*(?P<cue>(?i:{short}))(?P<nya>nya)?\b"),
        # "mengatakan (kepada wartawan) bahwa …", "told (reporters) that …"
        "that": re.compile(r"^[\s,:]*(?:(?:[\w-]+\s+){0,3}?(?i:bahwa|that)\b\s*,?\s*)?"),
        "adverbial": re.compile(r"^(?i:pada|kepada|dalam|di|saat|ketika|usai|setelah|on|in)\b[^,.\"“]{0,60},\s*"),
    }


@cache
def _pronouns() -> frozenset[str]:
    return frozenset(row[1] for row in resources.rows("pronouns.tsv"))


# A dot only inside a name ("A.M. Fatwa"), so "kata Toru." ends before the full stop. Names
# never run across a line break: "… kata Ketjuk.\n\nBerdasarkan …" is one word of name.
_NAME_WORD = r"[A-Z](?:[\w'’-]|\.(?=\w))*\.?(?= +[A-Z])|[A-Z](?:[\w'’-]|\.(?=\w))*"


@cache
def _name_pattern() -> re.Pattern[str]:
    particles = _alt(sorted(resources.lines("name_particles.txt")))
    return re.compile(rf"(?:{_NAME_WORD})(?: +(?:{_NAME_WORD}|{particles})(?=\s|$|[,.;:!?]))*")
_PRONOUN_WORD = re.compile(r"[A-Za-z]+")


def _quotations(body: str) -> list[tuple[int, int]]:
    """(first, last+1) character offsets of each top-level double-quoted span's content.

    Real pages mix their marks, so the marks are read by position, not by shape alone: a
    straight mark closes an open quotation even when a space precedes it (`“… Perekonomian,
    "katanya`), unless two more marks follow in the paragraph (a nested pair). A closing mark
    with nothing open ends a quotation whose opening mark is missing: it runs from the start
    of the paragraph. A quotation that runs over paragraphs, each opening again and only the
    last closing, is one span per paragraph, as a reader cites it.
    """
    spans: list[tuple[int, int]] = []
    carried: tuple[int, int] | None = None  # (opening mark, paragraph end) of a quotation left open
    for para in re.finditer(r"[^\n]+", body):
        text_start = para.start() + len(para.group(0)) - len(para.group(0).lstrip())
        if carried is not None and body[text_start : text_start + 1] in OPENERS:
            spans.append((carried[0] + 1, carried[1]))  # it continues in a new opening: cut here
            carried = None
        stack: list[int] = []
        marks = [m.start() for m in _QUOTE_MARK.finditer(body, para.start(), para.end())]
        for k, i in enumerate(marks):
            ch = body[i]
            prev = body[i - 1] if i > para.start() else " "
            nxt = body[i + 1] if i + 1 < para.end() else " "
            looks_open = prev.isspace() or prev in "([{—–-“‘'"
            if ch == "“":
                opening = True
            elif ch == "”":
                opening = False
            elif stack:
                opening = looks_open and nxt.isalnum() and len(marks) - k - 1 >= 1
            else:
                opening = looks_open or i == text_start
            if opening:
                stack.append(i)
            elif stack:
                start = stack.pop()
                if not stack:
                    spans.append((start + 1, i))
            elif carried is not None:
                spans.append((carried[0] + 1, i))  # it ran on into a paragraph that did not reopen it
                carried = None
            elif i > text_start and not nxt.isalnum():
                spans.append((text_start, i))  # the opening mark is missing
        if carried is not None:
            spans.append((carried[0] + 1, carried[1]))  # it was never closed: a paragraph's quotation
            carried = None
        if stack:
            carried = (stack[0], para.end())
    if carried is not None:
        spans.append((carried[0] + 1, carried[1]))
    return sorted(spans)


def _entity_at(entities: list[Entity], pos: int) -> Entity | None:
    """The longest entity starting at ``pos`` (a role and its person count as one)."""
    found = [e for e in entities if e.start == pos]
    return max(found, key=lambda e: e.end - e.start) if found else None


def _subject_after(body: str, pos: int, entities: list[Entity]) -> _Subject | None:
    """The speaker named right after a cue, at ``pos``: an entity, a pronoun or a name."""
    while pos < len(body) and body[pos] in " ,":
        pos += 1
    entity = _entity_at(entities, pos)
    if entity is not None:
        # "Menteri Luar Negeri Rusia Sergei Lavrov": a role followed by its person.
        # or an organisation's title followed by its person ("Juru Bicara Kemlu Arrmanatha Nasir").
        follow = _entity_at(entities, _skip_space(body, entity.end))
        if follow is not None and follow.label == "PERSON" and (
            follow.canonical == entity.canonical or entity.label != "PERSON"
        ):
            return _Subject(body[pos : follow.end], pos, "entity", follow)
        return _Subject(entity.text, pos, "entity", entity)
    word = _PRONOUN_WORD.match(body, pos)
    if word and word.group(0).lower() in _pronouns():
        return _Subject(word.group(0), pos, "pronoun")
    name = _name_pattern().match(body, pos)
    if name:
        # "kata Menteri Keuangan Sri Mulyani": the person inside the titled name speaks.
        inside = [e for e in entities if e.label == "PERSON" and pos <= e.start < name.end()]
        if inside:
            return _Subject(body[pos : max(name.end(), inside[0].end)], pos, "entity", inside[0])
        # "kata Kepala Dinas Kesehatan Jawa Barat, Vini Adiani": the title, a comma, the person.
        after = _skip_space(body, name.end() + 1) if body[name.end() : name.end() + 1] == "," else -1
        person = _entity_at(entities, after) if after > 0 else None
        if person is not None and person.label == "PERSON":
            return _Subject(body[pos : person.end], pos, "entity", person)
        return _Subject(name.group(0), pos, "name")
    return None


def _skip_space(body: str, pos: int) -> int:
    while pos < len(body) and body[pos] == " ":
        pos += 1
    return pos


def _subject_before(body: str, cue_start: int, floor: int, entities: list[Entity]) -> _Subject | None:
    """The speaker closest before a speech verb in the same sentence (within reach)."""
    lo = max(floor, cue_start - MAX_SUBJECT_GAP)
    best: _Subject | None = None
    # Entities come sorted by start: look only at those starting inside the reach.
    first = bisect_left(entities, lo, key=lambda e: e.start)
    last = bisect_left(entities, cue_start, key=lambda e: e.start)
    for e in entities[first:last]:
        if e.end <= cue_start and (best is None or (e.end, e.end - e.start) > (
                best.start + len(best.text), len(best.text))):
            best = _Subject(e.text, e.start, "entity", e)
    for word in _PRONOUN_WORD.finditer(body, lo, cue_start):
        if word.group(0).lower() in _pronouns() and (best is None or word.start() >= best.start + len(best.text)):
            best = _Subject(word.group(0), word.start(), "pronoun")
    if best is None:
        return _noun_subject(body, cue_start, lo)
    if best.entity is not None:
        best = _first_conjunct(body, best, entities, lo)
    # Prefer a person over a place or organisation named inside the same clause: in
    # "Lavrov dalam pernyataan di Moskow mengatakan" the speaker is Lavrov.
    if best.entity is not None and best.entity.label != "PERSON":
        clause_start = max(body.rfind(",", lo, best.start), lo)
        people = [e for e in entities if e.label == "PERSON" and clause_start <= e.start and e.end <= best.start]
        if people and not re.search(r"\b(?:dan|and)\s*$", body[people[-1].end : best.start]):
            best = _Subject(people[-1].text, people[-1].start, "entity", people[-1])
    return best


def _noun_subject(body: str, cue_start: int, lo: int) -> _Subject | None:
    """"Polisi mengatakan", "Kuasa hukum tersangka membantah": a short noun phrase opening the
    clause speaks, though it names no one — the mention is kept, the speaker stays unknown."""
    clause = max(body.rfind(",", lo, cue_start), body.rfind(".", lo, cue_start), lo - 1) + 1
    text = body[clause:cue_start].strip()
    adverbs = set(resources.lines("speech_adverbs.txt"))
    while text and text.split()[-1].lower() in adverbs:  # "RM lantas mengatakan"
        text = text.rsplit(" ", 1)[0] if " " in text else ""
    words = text.split()
    if 1 <= len(words) <= MAX_NOUN_SUBJECT_WORDS and text[:1].isupper() and text.lower() not in _pronouns():
        return _Subject(text, body.index(text, clause), "noun")
    return None


def _first_conjunct(body: str, subject: _Subject, entities: list[Entity], lo: int) -> _Subject:
    """"Amerika Serikat dan Ukraina mengatakan": the speaker is the first of the pair."""
    for e in entities:
        if lo <= e.start and e.end <= subject.start:
            between = body[e.end : subject.start]
            same_kind = subject.entity is not None and e.label == subject.entity.label
            if same_kind and re.fullmatch(r"\s*(?:dan|and|,)\s*", between):
                return _Subject(body[e.start : subject.start + len(subject.text)], e.start, "entity", e)
    return subject


def _sentence_of(sentences: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for start, end in sentences:
        if start <= pos < end:
            return start, end
    return pos, pos


def _attribution_after(body: str, end: int, stop: int, entities: list[Entity]) -> tuple[str | None, _Subject | None]:
    """(cue, subject) written right after a quotation closes, up to ``stop``."""
    tail = body[end:stop]
    pats = _patterns()
    m = pats["short_after"].match(tail)
    if m:
        if m["nya"]:
            return m["cue"] + "nya", _Subject("-nya", end + m.start("nya"), "clitic")
        return m["cue"], _subject_after(body, end + m.end(), entities)
    m = pats["after_noun"].match(tail)
    if m:
        return m["cue"], _subject_after(body, end + m.end(), entities)
    # "ia menambahkan", "Putin said": subject then verb, nothing else between.
    subject = _subject_after(body, end + len(tail) - len(tail.lstrip(" ,.;")), entities)
    if subject is not None and re.match(r"^[\s,.;]*$", body[end : subject.start]):
        after = subject.start + len(subject.text)
        verb = pats["verb"].search(body, after, min(stop, after + 40))
        if verb and pats["adverbs"].match(body[after : verb.start()]):
            return verb["cue"], subject
    return None, None


def _attribution_before(
    body: str, start: int, floor: int, entities: list[Entity]
) -> tuple[str | None, _Subject | None]:
    """(cue, subject) introducing a quotation: "Kim mengatakan: “…”", "Kata Putin, “…”"."""
    head = body[floor:start]
    stripped = head.rstrip(" :,")
    if not stripped or len(stripped) == len(head):
        return None, None  # a quotation that follows words without ":" or "," is inside a sentence
    pats = _patterns()
    verbs = list(pats["verb"].finditer(body, floor, floor + len(stripped)))
    if verbs and floor + len(stripped) == verbs[-1].end():
        subject = _subject_before(body, verbs[-1].start(), floor, entities)
        return verbs[-1]["cue"], subject
    for m in pats["short_before"].finditer(body, floor, start):
        subject = _subject_after(body, m.end(), entities)
        if subject is not None and subject.start + len(subject.text) == floor + len(stripped):
            return m["cue"], subject
    return None, None


def _direct_candidates(body: str, sentences: list[tuple[int, int]], entities: list[Entity]) -> list[_Candidate]:
    out = []
    for start, end in _quotations(body):
        text = body[start:end].strip().rstrip(",").strip()
        if not text:
            continue
        s_start, _ = _sentence_of(sentences, start - 1)
        _, s_end = _sentence_of(sentences, min(end, len(body) - 1))
        stop = max(s_end, end + 1)
        cue, subject = _attribution_after(body, end + 1, stop, entities)
        if cue is None:
            cue, subject = _attribution_before(body, start - 1, s_start, entities)
        n_words = len(text.split())
        standalone = not body[s_start : start - 1].strip() or body[s_start : start - 1].rstrip().endswith(":")
        if cue is not None or (standalone and n_words >= MIN_DIRECT_WORDS and text[0].isupper()):
            shown = body[start:end].rstrip().rstrip(",").rstrip()
            out.append(_Candidate(start, start + len(shown), "direct", cue, subject))
        elif n_words >= MIN_PARTIAL_WORDS:
            verb = _patterns()["verb"].search(body, s_start, s_end)
            if verb:
                out.append(_Candidate(start, start + len(text), "partial", verb["cue"],
                                      _subject_before(body, verb.start(), s_start, entities)))
    return out


def _inside(spans: list[_Candidate], pos: int) -> bool:
    return any(c.start <= pos < c.end for c in spans)


def _reported_candidates(body: str, sentences: list[tuple[int, int]], entities: list[Entity],
                         direct: list[_Candidate]) -> list[_Candidate]:
    out = []
    for s_start, s_end in sentences:
        if _inside(direct, s_start) and _inside(direct, s_end - 1):
            continue
        found = (_framed(body, s_start, s_end, entities)
                 or _verb_reported(body, s_start, s_end, entities, direct)
                 or _tail_reported(body, s_start, s_end, entities, direct))
        if found is not None and not _inside(direct, found.start):
            out.append(found)
    return [c for c in out if len(body[c.start : c.end].split()) >= MIN_REPORTED_WORDS]


def _framed(body: str, s_start: int, s_end: int, entities: list[Entity]) -> _Candidate | None:
    """"Menurut X, …" / "Menurutnya, …" at the start of the sentence or of one of its clauses,
    and "…, according to X." closing it."""
    pats = _patterns()
    for frame in pats["frame"].finditer(body, s_start, s_end):
        if frame["nya"]:
            subject: _Subject | None = _Subject("-nya", frame.start("nya"), "clitic")
            comma = frame.end()
        else:
            subject = _subject_after(body, frame.end(), entities)
            comma = body.find(",", frame.end(), s_end)
            if subject is None or comma < 0 or subject.start + len(subject.text) > comma:
                continue
        at_clause_start = frame.start("cue") == _clause_start(body, s_start, frame.start("cue"))
        if subject is not None and body[comma : comma + 1] == "," and at_clause_start:
            return _reported(body, comma + 1, s_end, frame["cue"], subject)
    tail = pats["frame_tail"].search(body, s_start, s_end)
    if tail and tail.start() > s_start:
        subject = _subject_after(body, tail.end(), entities)
        if subject is None:
            words = body[tail.end() : s_end].rstrip(" .!?")
            subject = _Subject(words, tail.end(), "noun") if words else None
        if subject is not None:
            return _reported(body, s_start, tail.start(), tail["cue"], subject)
    return None


def _clause_start(body: str, s_start: int, pos: int) -> int:
    """Where the clause holding ``pos`` begins: the sentence start or just after a comma."""
    comma = body.rfind(",", s_start, pos)
    if comma < 0:
        return s_start + len(body[s_start:pos]) - len(body[s_start:pos].lstrip(" \"“'‘"))
    return _skip_space(body, comma + 1)


def _verb_reported(body: str, s_start: int, s_end: int, entities: list[Entity],
                   direct: list[_Candidate]) -> _Candidate | None:
    """"X mengatakan (bahwa) …", "X said (that) …" — and "…, X said." when nothing follows."""
    pats = _patterns()
    for verb in pats["verb"].finditer(body, s_start, s_end):
        if _inside(direct, verb.start()) or any(verb.end() <= c.start < s_end for c in direct):
            return None  # speech before a direct quotation in the same sentence is that quotation's
        if any(s_start <= c.end <= verb.start() <= c.end + ATTRIBUTION_REACH for c in direct):
            return None  # '"…," Kim said at a dinner': the verb attributes the quotation before it
        if body[s_start : verb.start()].rstrip().endswith(",") and _names_after(body, verb.end(), entities):
            return None  # "…, said Amnesty International": the speaker follows (the tail form)
        subject = _subject_before(body, verb.start(), s_start, entities) or _name_before(body, verb.start(), s_start)
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
                   direct: list[_Candidate]) -> _Candidate | None:
    """"…, kata Budi." / "…, tambahnya." — the cue and speaker after the content."""
    tail = _patterns()["short_tail"].search(body, s_start, s_end)
    if tail is None or _inside(direct, tail.start()) or body[s_start] in OPENERS:
        return None
    if tail["nya"]:
        subject: _Subject | None = _Subject("-nya", tail.start("nya"), "clitic")
    else:
        subject = _subject_after(body, tail.end(), entities)
    if subject is None:
        return None
    return _Candidate(s_start, tail.start(), "indirect", tail["cue"] + (tail["nya"] or ""), subject)


_NAME_BEFORE = re.compile(r"(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*\s*$")


def _name_before(body: str, cue_start: int, floor: int) -> _Subject | None:
    """A capitalised name right before the speech verb that the recogniser did not mark:
    "executive Kevin Mayer said", "Hege said" (adverbs such as "also" may sit between)."""
    head = body[max(floor, cue_start - MAX_SUBJECT_GAP) : cue_start]
    adverbs = set(resources.lines("speech_adverbs.txt"))
    words = head.rstrip().split(" ")
    while words and words[-1].lower() in adverbs:
        words.pop()
    head = " ".join(words)
    m = _NAME_BEFORE.search(head)
    if m is None:
        return None
    name = m.group(0).strip()
    start = cue_start - len(body[max(floor, cue_start - MAX_SUBJECT_GAP) : cue_start]) + m.start()
    if name.lower() in _pronouns() or name.split()[0].lower() in _stop_words():
        return None
    return _Subject(name, start, "name")


@cache
def _stop_words() -> frozenset[str]:
    return frozenset(resources.lines("stopwords.txt"))


def _names_after(body: str, pos: int, entities: list[Entity]) -> bool:
    """Whether a name (not a pronoun or a plain word) follows ``pos``: "said Amnesty International"."""
    subject = _subject_after(body, pos, entities)
    return subject is not None and subject.kind in ("entity", "name")


def _reported(body: str, start: int, end: int, cue: str, subject: _Subject) -> _Candidate:
    while start < end and body[start] in " ,":
        start += 1
    while end > start and body[end - 1] in " .!?;,":
        end -= 1
    return _Candidate(start, end, "indirect", cue, subject)


def _person_by_name(name: str, entities: list[Entity]) -> str | None:
    words = set(name.split())
    people = [e.canonical for e in entities if e.label == "PERSON" and words <= set(e.canonical.split())]
    return people[-1] if people else None


def find_quotes(body: str, entities: list[Entity]) -> list[Quote]:
    """Every quotation in ``body`` with its kind, speaker (canonical or None), mention and cue."""
    sentences = split_sentences(body)
    direct = _direct_candidates(body, sentences, entities)
    candidates = sorted(direct + _reported_candidates(body, sentences, entities, direct), key=lambda c: c.start)
    quotes = []
    last_speaker: str | None = None
    for c in candidates:
        speaker, mention = None, None
        s = c.subject
        if s is not None:
            mention = s.text
            if s.kind in ("pronoun", "clitic"):
                speaker = last_speaker or _last_person_before(entities, s.start)
            elif s.entity is not None:
                speaker = s.entity.canonical
            elif s.kind == "name":
                speaker = (_person_by_name(s.text, entities) or naming.full_name(body, s.text)
                           or naming.strip_titles(s.text))
            else:  # a noun phrase: a speaker only when it is a named person's short name ("Bishop")
                speaker = _person_by_name(s.text, entities)
        if speaker is not None:
            last_speaker = speaker
        quotes.append(Quote(body[c.start : c.end], c.start, c.end, c.kind, speaker, mention, c.cue))
    _continue_speakers(body, sentences, candidates, quotes)
    return quotes


def _continue_speakers(body: str, sentences: list[tuple[int, int]], candidates: list[_Candidate],
                       quotes: list[Quote]) -> None:
    """A quotation with no attribution of its own continues the speaker next to it, in place:
    the one just attributed before it ("…," kata Budi. "…") or in the paragraph before (a bare
    quoted paragraph), or — for a paragraph whose quotation runs on into the next — the one
    that closes it."""
    for k, (c, q) in enumerate(zip(candidates, quotes, strict=True)):
        if q.kind != "direct" or c.subject is not None or q.speaker is not None:
            continue
        if k > 0 and quotes[k - 1].speaker and _adjacent(body, sentences, quotes[k - 1].end, c.start):
            quotes[k] = _with_speaker(q, quotes[k - 1])
        elif (k + 1 < len(quotes) and quotes[k + 1].kind == "direct" and quotes[k + 1].speaker
              and "\n" in body[c.end : candidates[k + 1].start]
              and not body[c.end : candidates[k + 1].start].strip(" \n\"“”")):
            quotes[k] = _with_speaker(q, quotes[k + 1])


def _with_speaker(quote: Quote, source: Quote) -> Quote:
    return Quote(quote.text, quote.start, quote.end, quote.kind, source.speaker, source.speaker_mention, quote.cue)


def _adjacent(body: str, sentences: list[tuple[int, int]], prev_end: int, start: int) -> bool:
    """Whether nothing but the rest of the previous quotation's own sentence (its attribution)
    lies between it and ``start``."""
    _, s_end = _sentence_of(sentences, max(prev_end - 1, 0))
    if s_end < prev_end:
        s_end = prev_end
    return s_end <= start and not body[s_end:start].strip(" \n\"“”.,")


def _last_person_before(entities: list[Entity], pos: int) -> str | None:
    people = [e for e in entities if e.label == "PERSON" and e.end <= pos]
    return people[-1].canonical if people else None
