"""Article body + entities → quotations (direct, partial, reported) with their speakers.

Direct quotations are the balanced double-quoted spans of a paragraph (curly or straight,
nested quotes kept inside, a quote left open at a paragraph's end continued where it
closes). A quotation is attributed by the words around it: a cue after it ("kata Putin",
"tambahnya", "ia menambahkan", "Demikian pernyataan Putin") or before it ("Kim mengatakan:");
one with no attribution of its own continues the speaker next to it. The attributing words are
read by annotate/attribution.py, speakers' mentions by annotate/speech.py, reported speech comes
from annotate/reported.py. Speakers resolve (annotate/quote_speakers.py) to canonical entity names,
completed from the article's own words; pronouns and -nya to the person the narrative turned to
or the most recent speaker; roles through the entity linker ("Presiden Rusia" → Vladimir Putin).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable

from kliping import resources
from kliping.annotate import speakers, subjects
from kliping.annotate.attribution import attribution_after, attribution_before, person_named_after
from kliping.annotate.characterising import characterised
from kliping.annotate.cue_neighbours import pronoun_at, skip_space
from kliping.annotate.cues import Candidate, Subject, patterns, pointer_object
from kliping.annotate.quote_marks import QUOTE_MARK, quotations, single_quotations, single_speech
from kliping.annotate.quote_speakers import SpeakerTurns
from kliping.annotate.report_documents import documents_sourced
from kliping.annotate.reported import reported_candidates
from kliping.annotate.sentences import split_sentences
from kliping.annotate.speech import sentence_of, subject_after, subject_before
from kliping.model import Entity, Quote
from kliping.words import JOINED_WORD

BARE_QUOTE_LOOKBACK = 3  # sentences back from a bare quoted paragraph to the one naming its speaker
MIN_DIRECT_WORDS = 5  # an unattributed quotation this long, standing alone, is still speech
MIN_PARTIAL_WORDS = 2  # one quoted word is a scare quote, not a partial quotation
MIN_UNCUED_PARTIAL_WORDS = 3  # with no speech verb in the sentence, shorter ones are mostly scare quotes
WRITER_REACH = 120  # characters before an uncued fragment read for the writer's "we" ("where we called it")

_SIGNED = re.compile(r"[ \t]*\n+[ \t]*[–—][ \t]*(?P<name>[^\n(–—]{1,40}?)[ \t]*(?=\(|\n|$)")


def _direct_candidates(body: str, sentences: list[tuple[int, int]], entities: list[Entity]) -> list[Candidate]:
    out = []
    double = quotations(body)
    british = [(a, b) for a, b in single_speech(body) if not any(c - 1 <= b and a <= d + 1 for c, d in double)]
    for start, end in sorted(double + british):
        text = body[start:end].strip().rstrip(",").strip()
        if not text or _nickname_inside_name(body, start, end, text):
            continue
        s_start, _ = sentence_of(sentences, start - 1)
        _, s_end = sentence_of(sentences, min(end, len(body) - 1))
        stop = max(s_end, end + 1)
        if not body[end + 1 : stop].strip() and body[stop : stop + 2].lstrip(" ")[:1].isupper():
            # "“… you know?” Pluznick recalled.": the splitter ended the sentence with the
            # quotation; its attribution is the next sentence on the same line.
            stop = max(stop, sentence_of(sentences, skip_space(body, stop))[1])
        cue, subject = attribution_after(body, end + 1, stop, entities)
        if cue is None and (_GOES_ON.match(body, end + 1, stop) is None
                            or body[max(0, start - 8) : start - 1].rstrip().endswith(":")):
            # not 'He said "scores" of people were rescued': a fragment the clause goes on after is a
            # partial quotation inside reported speech, not the words said
            cue, subject = attribution_before(body, start - 1, s_start, entities)
            if cue is None and (signed := _SIGNED.match(body, end + 1)) is not None:
                # A testimonial or epigraph signed on the line after it: "“…”\n\n– Ani S."
                cue, subject = "–", Subject(signed["name"], signed.start("name"), "signed")
        elif subject is None or subject.kind == "noun":  # not "anonymous": a source close to X is not X
            subject = person_named_after(body, end + 1, stop, entities) or subject
        n_words = len(text.split())
        standalone = not body[s_start : start - 1].strip() or body[s_start : start - 1].rstrip().endswith(":")
        if cue is not None or (standalone and n_words >= MIN_DIRECT_WORDS and text[0].isupper()):
            shown = body[start:end].rstrip().rstrip(",").rstrip()
            out.append(Candidate(start, start + len(shown), "direct", cue, subject))
        elif n_words >= MIN_PARTIAL_WORDS or _said_word(text):
            partial = _partial(body, start, start + len(text), s_start, s_end, entities)
            if partial is not None:
                out.append(partial)
    taken = [(c.start, c.end) for c in out]
    for start, end in single_quotations(body):
        if any(a - 1 <= start <= b + 1 for a, b in taken):
            continue  # a quotation inside a quotation is the outer speaker's words
        s_start, s_end = sentence_of(sentences, start)
        if len(body[start:end].split()) >= MIN_PARTIAL_WORDS or _said_word(body[start:end]):
            partial = _partial(body, start, end, s_start, s_end, entities)
            if partial is not None:
                out.append(partial)
    return out


_GOES_ON = re.compile(r"[ \t]*[a-z]")  # a lower-case word right after the closing mark
_CAP_BEFORE = re.compile(r"[A-Z][\w'’.-]* $")
_CAP_AFTER = re.compile(r" [A-Z]")


def _nickname_inside_name(body: str, start: int, end: int, text: str) -> bool:
    """'Bambang "Bento" Riyadi': one capitalised word quoted between two words of a name is the
    person's nickname (annotate/short_forms.py), not a quotation."""
    if " " in text or not text[:1].isupper():
        return False
    before = _CAP_BEFORE.search(body, max(0, start - 40), start - 1)
    return before is not None and _CAP_AFTER.match(body, end + 1) is not None


def _said_word(text: str) -> bool:
    """A one-word quotation that may be someone's word ("aneh", "immaterial"): lower case. A
    capitalised one is a name or title ("Nawacita"), a scare quote at most. It becomes a partial
    quotation only where its sentence has a speech verb: _partial's uncued fragments need
    MIN_UNCUED_PARTIAL_WORDS words."""
    word = text.strip(" .,!?")
    return " " not in word and word[:1].islower()


def _partial(body: str, start: int, end: int, s_start: int, s_end: int, entities: list[Entity]) -> Candidate | None:
    """A quoted fragment inside a sentence: its speaker is the speech verb's subject. Without a
    speech verb ("Noem called the campaign a “bold, innovative effort”") a fragment of
    MIN_UNCUED_PARTIAL_WORDS words or more that is not a title ("The Name of the Rose") is still
    someone's words — on dev most such spans are — and the person opening the sentence said them."""
    verb = patterns()["verb"].search(body, s_start, s_end)
    if verb is not None and len(body[start:end].split()) < MIN_UNCUED_PARTIAL_WORDS and (
            (pointer := pointer_object().match(body, verb.end(), start)) is not None and pointer.end() <= start):
        return None  # "Putin mengatakan hal itu di tengah “kecurigaan” AS": narration, not his word
    if verb is not None:
        floor = s_start
        marks = list(QUOTE_MARK.finditer(body, s_start, min(verb.start(), start - 1)))
        if marks:
            # "“… President Marco Velt …,” said Orrin, adding that it was “absurd”": the fragment sits
            # in the attribution of a quotation before it; the names inside that quotation are
            # its words, not its speaker, who stands between its close and the verb or after the verb.
            floor = marks[-1].end()
        subject = subject_before(body, verb.start(), floor, entities)
        if subject is None and marks:
            subject = subject_after(body, verb.end(), entities)
        return Candidate(start, end, "partial", verb["cue"], subject or Subject("", start, "implicit"))
    if (framed := characterised(body, start - 1, s_start, entities)) is not None:
        # "dismissed the tender as “reckless”": someone's word, however short
        return Candidate(start, end, "partial", framed[0], framed[1])
    words = body[start:end].split()
    if len(words) < MIN_UNCUED_PARTIAL_WORDS or all(w[:1].isupper() for w in words if len(w) > 3):
        return None
    head = body[max(s_start, start - WRITER_REACH) : max(s_start, start - 1)]
    if not QUOTE_MARK.search(head) and any(w.lower() in resources.words("writer_pronouns.txt")
                                           for w in JOINED_WORD.findall(head)):
        # "We called it “an incredible feat”": the outlet's own words quoted back, no one's speech
        return Candidate(start, end, "partial", None, None)
    person = next((e for e in entities if e.label == "PERSON" and s_start <= e.start < start), None)
    if person is not None and not subjects.opens_sentence(body[s_start : person.start]):
        person = None
    # No one named: the words are the person the passage is about ("implicit", resolved like "ia").
    subject = Subject(person.text, person.start, "entity", person) if person else Subject("", start, "implicit")
    return Candidate(start, end, "partial", None, subject)


def find_quotes(body: str, entities: list[Entity]) -> list[Quote]:
    """Every quotation in ``body`` with its kind, speaker (canonical or None), mention and cue."""
    sentences = split_sentences(body)
    direct = _direct_candidates(body, sentences, entities)
    candidates = sorted(direct + reported_candidates(body, sentences, entities, direct), key=lambda c: c.start)
    turns = SpeakerTurns(body, sentences, entities, direct)
    quotes = []
    for c in candidates:  # in the article's order: a pronoun stands for someone named before it
        speaker = turns.speaker(c)
        mention = (c.subject.text or None) if c.subject is not None else None
        quotes.append(Quote(body[c.start : c.end], c.start, c.end, c.kind, speaker, mention, c.cue))
    _continue_speakers(body, sentences, candidates, quotes, turns.people, turns.known)
    documents_sourced(body, sentences, quotes)  # "The report says …": the source it was cited from
    _partials_of_reports(quotes)
    return quotes


def _partials_of_reports(quotes: list[Quote]) -> None:
    """A quoted fragment inside reported speech is the words of the report's speaker, in place:
    in "Lunaris chief executive Raj Mehta said in a statement that the craft was “healthy”" the
    report (annotate/reported.py, which reads the whole clause) names Raj Mehta even where the
    fragment's own reading found no mention of anyone (a name the recogniser missed, no verb)."""
    reports = [q for q in quotes if q.kind == "indirect"]
    for k, q in enumerate(quotes):
        if q.kind != "partial" or q.speaker_mention is not None:
            continue
        around = [r for r in reports if r.start <= q.start and q.end <= r.end + 1]
        if around and around[-1].speaker is not None:
            quotes[k] = _with_speaker(q, around[-1])


def _continue_speakers(body: str, sentences: list[tuple[int, int]], candidates: list[Candidate],
                       quotes: list[Quote], people: list[Entity], known: Callable[[], dict[str, str]]) -> None:
    """A quotation with no attribution of its own continues the speaker next to it, in place:
    the one just attributed before it ("…," kata Budi. "…") or in the paragraph before (a bare
    quoted paragraph), or — for a paragraph whose quotation runs on into the next — the one
    that closes it."""
    _continue_runs(body, candidates, quotes)
    for k, (c, q) in enumerate(zip(candidates, quotes, strict=True)):
        if q.kind != "direct" or c.subject is not None or q.speaker is not None:
            continue
        if k > 0 and quotes[k - 1].speaker and _adjacent(body, sentences, quotes[k - 1].end, c.start):
            quotes[k] = _with_speaker(q, quotes[k - 1])
        elif (k + 1 < len(quotes) and quotes[k + 1].kind == "direct" and quotes[k + 1].speaker
              and "\n" in body[c.end : candidates[k + 1].start]
              and not body[c.end : candidates[k + 1].start].strip(" \n\"“”")):
            quotes[k] = _with_speaker(q, quotes[k + 1])
        else:
            # A bare quoted paragraph after sentences about someone ("Budi tiba di lokasi. Stok
            # aman.\n\n“…”"): the person the nearest of them opens with, back to the last quotation.
            subject, pos = None, c.start - 1
            for _ in range(BARE_QUOTE_LOOKBACK):
                before = _sentence_before(sentences, pos)
                if before is None or QUOTE_MARK.search(body, before[0], before[1]):
                    break
                if k > 0 and quotes[k - 1].speaker and pronoun_at(body, skip_space(body, before[0])):
                    # "He then referred to X’s testimony. “…”": the sentence goes on about the person
                    # quoted before, whom its pronoun stands for; its other names are not the speaker
                    quotes[k] = _with_speaker(q, quotes[k - 1])
                    break
                subject = (subjects.sentence_subject(body, before[0], before[1], people, known())
                           or speakers.lead_person(body, before[0], before[1], people))
                if subject is not None:
                    quotes[k] = Quote(q.text, q.start, q.end, q.kind, subject, None, q.cue)
                    break
                pos = before[0] - 1


def _continue_runs(body: str, candidates: list[Candidate], quotes: list[Quote]) -> None:
    """A quotation running over several paragraphs (each paragraph opens with a quotation mark,
    only the last one closes) is one speaker's words wherever its attribution stands — often only
    in the last paragraph ("“…\n\n“…\n\n“…,” the minister said."). Read back from the
    attributed paragraph, every open paragraph before it takes that speaker, in place; without
    this, each unattributed paragraph would fall back on whoever spoke or was named before."""
    for k in range(len(quotes) - 2, -1, -1):
        c, q, nxt = candidates[k], quotes[k], quotes[k + 1]
        if q.kind != "direct" or c.subject is not None or q.speaker is not None:
            continue
        between = body[c.end : candidates[k + 1].start]
        # left open: nothing but spaces before the paragraph break (a closed one has its mark there)
        if (nxt.kind == "direct" and nxt.speaker and between.lstrip(" ").startswith("\n")
                and not between.strip(" \n\"“")):
            quotes[k] = _with_speaker(q, nxt)


def _sentence_before(sentences: list[tuple[int, int]], pos: int) -> tuple[int, int] | None:
    i = bisect_right(sentences, (pos, pos)) - 1
    while i >= 0 and sentences[i][1] > pos:
        i -= 1
    return sentences[i] if i >= 0 else None


def _with_speaker(quote: Quote, source: Quote) -> Quote:
    return Quote(quote.text, quote.start, quote.end, quote.kind, source.speaker, source.speaker_mention, quote.cue)


def _adjacent(body: str, sentences: list[tuple[int, int]], prev_end: int, start: int) -> bool:
    """Whether nothing but the rest of the previous quotation's own sentence (its attribution)
    lies between it and ``start``."""
    _, s_end = sentence_of(sentences, max(prev_end - 1, 0))
    if s_end < prev_end:
        s_end = prev_end
    return s_end <= start and not body[s_end:start].strip(" \n\"“”.,")

