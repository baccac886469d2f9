"""Article body + entities → quotations (direct, partial, reported) with their speakers.

Direct quotations are the balanced double-quoted spans of a paragraph (curly or straight,
nested quotes kept inside, a quote left open at a paragraph's end continued where it
closes). A quotation is attributed by the words around it: a cue after it ("kata Putin",
"tambahnya", "ia menambahkan", "Demikian pernyataan Putin") or before it ("Kim mengatakan:");
one with no attribution of its own continues the speaker next to it. Reported speech comes from
annotate/reported.py, speakers' mentions from annotate/speech.py. Speakers resolve to canonical
entity names, completed from the article's own words (annotate/naming.py); pronouns and -nya to
the most recent speaker; roles through the entity linker ("Presiden Rusia" → Vladimir Putin).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable

from kliping import resources
from kliping.annotate import name_words, naming, speakers, subjects
from kliping.annotate.attribution_names import PERSON_AFTER_CUE_REACH, person_in_attribution
from kliping.annotate.cues import Candidate, Subject, patterns, pointer_object, pronouns
from kliping.annotate.descriptions import anonymous, description_after, is_person_noun, named_voice
from kliping.annotate.quote_marks import QUOTE_MARK, quotations, single_quotations
from kliping.annotate.report_documents import documents_sourced
from kliping.annotate.reported import reported_candidates
from kliping.annotate.sentences import split_sentences
from kliping.annotate.speech import (
    sentence_of,
    skip_space,
    subject_after,
    subject_before,
)
from kliping.model import Entity, Quote

BARE_QUOTE_LOOKBACK = 3  # sentences back from a bare quoted paragraph to the one naming its speaker
MIN_DIRECT_WORDS = 5  # an unattributed quotation this long, standing alone, is still speech
MIN_PARTIAL_WORDS = 2  # one quoted word is a scare quote, not a partial quotation
MIN_UNCUED_PARTIAL_WORDS = 3  # with no speech verb in the sentence, shorter ones are mostly scare quotes


def _attribution_after(body: str, end: int, stop: int, entities: list[Entity]) -> tuple[str | None, Subject | None]:
    """(cue, subject) written right after a quotation closes, up to ``stop``."""
    tail = body[end:stop]
    pats = patterns()
    m = pats["short_after"].match(tail)
    if m:
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
        elif subject is None and phrase is not None and (voice := named_voice(phrase.group(0))):
            subject = Subject(voice[0], lead, "noun")  # "said a WeWork spokesperson": the body speaks
        return m["cue"], subject
    m = pats["after_noun"].match(tail)
    if m:
        subject = subject_after(body, end + m.end(), entities)
        if m["cue"] is None and (subject is None or subject.kind not in ("entity", "name")):
            return None, None  # a bare "demikian" is an attribution only when a name follows it
        return m["cue"] or "demikian", subject
    # "ia menambahkan", "Putin said": subject then verb, nothing else between.
    subject = subject_after(body, end + len(tail) - len(tail.lstrip(" ,.;")), entities)
    if subject is not None and re.match(r"^[\s,.;]*$", body[end : subject.start]):
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
    if body[end - 2 : end - 1] in _CONTINUING:
        # "“…,” chairman, CEO and president Craig Menear said", "“…,” the governor said": a
        # description opens the attribution; the speaker is the name (or the person the
        # description points back at) standing right before the verb.
        verb = pats["verb"].search(body, end, min(stop, end + APPOSITIVE_REACH))
        if verb and not QUOTE_MARK.search(body, end, verb.start()):
            named = subject_before(body, verb.start(), end, entities)
            if (named is not None and len(body[end : named.start].split()) <= MAX_LEAD_WORDS
                    and (named.kind in ("entity", "name", "anonymous")
                         or (named.kind == "pronoun" and named.text.lower() not in pronouns()))
                    and pats["adverbs"].match(body[named.start + len(named.text) : verb.start()])):
                return verb["cue"], named
    return None, None


_SIGNED = re.compile(r"[ \t]*\n+[ \t]*[–—][ \t]*(?P<name>[^\n(–—]{1,40}?)[ \t]*(?=\(|\n|$)")
_PHRASE = re.compile(r"[^,.;:!?“”\"\n]{1,80}")
_NAME_AFTER_COMMA = re.compile(r", +[A-Z]")
APPOSITIVE_REACH = 220  # characters from a speaker over its appositives to the verb
MAX_LEAD_WORDS = 6  # "“…,” chairman, CEO and president Craig Menear said": a title, not a clause
_CONTINUING = frozenset(",!?—–…")  # a quotation closed with these runs on into its attribution




def _person_named_after(body: str, start: int, stop: int, entities: list[Entity]) -> Subject | None:
    """A person named in the attribution after a description: "…," kata pelatih tim putra
    Malaysia, Indra Widjaja. / "…," kata pria yang akrab disapa Toto itu."""
    for e in entities:
        if start <= e.start < min(stop, start + PERSON_AFTER_CUE_REACH) and e.label == "PERSON":
            return Subject(e.text, e.start, "entity", e)
    return None


def _attribution_before(
    body: str, start: int, floor: int, entities: list[Entity]
) -> tuple[str | None, Subject | None]:
    """(cue, subject) introducing a quotation: "Kim mengatakan: “…”", "Kata Putin, “…”"."""
    head = body[floor:start]
    stripped = head.rstrip(" :,")
    if not stripped or len(stripped) == len(head):
        return None, None  # a quotation that follows words without ":" or "," is inside a sentence
    pats = patterns()
    verbs = list(pats["verb"].finditer(body, floor, floor + len(stripped)))
    if verbs and (floor + len(stripped) == verbs[-1].end() or (
            # "Tottenham said in a statement: “…”", "X said on Twitter: “…”"
            head.rstrip().endswith(":") and pats["colon_gap"].match(body, verbs[-1].end(), floor + len(stripped)))):
        subject = subject_before(body, verbs[-1].start(), floor, entities)
        return verbs[-1]["cue"], subject
    for m in pats["short_before"].finditer(body, floor, start):
        subject = subject_after(body, m.end(), entities)
        if subject is not None and subject.start + len(subject.text) == floor + len(stripped):
            return m["cue"], subject
    return None, None


def _direct_candidates(body: str, sentences: list[tuple[int, int]], entities: list[Entity]) -> list[Candidate]:
    out = []
    for start, end in quotations(body):
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
        cue, subject = _attribution_after(body, end + 1, stop, entities)
        if cue is None:
            cue, subject = _attribution_before(body, start - 1, s_start, entities)
            if cue is None and (signed := _SIGNED.match(body, end + 1)) is not None:
                # A testimonial or epigraph signed on the line after it: "“…”\n\n– Ani S."
                cue, subject = "–", Subject(signed["name"], signed.start("name"), "signed")
        elif subject is None or subject.kind == "noun":  # not "anonymous": a source close to X is not X
            subject = _person_named_after(body, end + 1, stop, entities) or subject
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
        subject = subject_before(body, verb.start(), s_start, entities) or Subject("", start, "implicit")
        return Candidate(start, end, "partial", verb["cue"], subject)
    words = body[start:end].split()
    if len(words) < MIN_UNCUED_PARTIAL_WORDS or all(w[:1].isupper() for w in words if len(w) > 3):
        return None
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
    people = [e for e in entities if e.label == "PERSON"]
    names: list[dict[str, str]] = []  # built on first use: most articles never need it

    def known() -> dict[str, str]:
        if not names:
            names.append(speakers.people_by_word(people, naming.name_candidates(body)))
        return names[0]

    genders: list[dict[str, list[tuple[int, str, int]]]] = []  # likewise: only for a "he" or "she"

    def gender_evidence() -> dict[str, list[tuple[int, str, int]]]:
        if not genders:
            quoted = sorted((c.start, c.end) for c in direct)
            genders.append(speakers.genders(body, sentences, people, quoted))
        return genders[0]

    quotes = []
    last_person: str | None = None  # "ia", "he" and "-nya" stand for people, not for a ministry
    anonymous_last = False  # the last speaker was named by no name ("seorang juru bicara")
    last_end = 0
    for c in candidates:
        speaker, mention = None, None
        s = c.subject
        is_person = unnamed = False
        if s is not None:
            mention = s.text or None
            if s.kind == "anonymous":
                last_person = None  # named by no name: the speaker stays unknown, and so do its "ia", "-nya"
            elif s.kind == "signed":
                speaker, is_person = s.text, True  # as signed: "Budi S.", a reviewer's "Man**"
            elif s.kind in ("pronoun", "clitic", "implicit"):
                until = min(c.start, s.start)
                turned = speakers.introduced(body, sentences, people, known(), last_end, until, s.kind == "clitic")
                if turned == speakers.UNNAMED:  # "Seorang karyawan … mengaku …" “…,” ungkapnya.
                    last_person, unnamed = None, True
                else:
                    speaker = (turned or last_person
                               or (None if anonymous_last else _last_person_before(entities, s.start)))
                if s.kind == "pronoun" and speakers.pronoun_gender(s.text):  # "she" is not the man named last
                    speaker = speakers.gendered(speaker, s.text, s.start, people, gender_evidence())
                is_person = True
            elif s.entity is not None and _points_back(s) and (turned := speakers.introduced(
                    body, sentences, people, known(), last_end, min(c.start, s.start))) is not None:
                # "“…,” ucap pemain asal Wamena itu": a description closing the attribution
                # points at the person the narrative since the last quotation turned to
                # ("Bek Perseka, Yanuar Tabuni, mengaku …"), before anyone named more often.
                if turned == speakers.UNNAMED:
                    last_person, unnamed = None, True
                else:
                    speaker, is_person = turned, True
            elif (s.entity is not None and s.entity.label in ("PLACE", "ORG")
                  and not name_words.is_full_name(s.entity.text)
                  and (role_start := speakers.role_before(body, s.entity)) < s.entity.start):
                # "Menteri Luar Negeri Israel mengatakan": the role speaks — its holder, if named
                speaker, is_person = speakers.role_speaker(body, body[role_start : s.entity.end], role_start, entities)
            elif s.entity is not None and not name_words.is_role(s.entity.text):
                speaker = s.entity.canonical
                is_person = s.entity.label == "PERSON"
            elif s.entity is not None and s.entity.label == "PERSON" and s.entity.canonical != s.entity.text:
                speaker, is_person = s.entity.canonical, True  # a role linked to the person it introduced
            elif s.entity is not None:  # "kata Kasubdit Pembinaan": a role the recogniser took for a name
                speaker, is_person = speakers.role_speaker(body, s.entity.text, s.start, entities)
            elif s.kind == "noun" and (voice := named_voice(s.text)) is not None:
                speaker = voice[1]  # "a WeWork spokesperson": the body speaks through its voice
            elif s.kind in ("name", "noun") and name_words.is_role(s.text):
                speaker, is_person = speakers.role_speaker(body, s.text, s.start, entities)
            elif s.kind == "name" and (name_words.is_institution(s.text) or name_words.is_acronym_body(s.text)):
                speaker = s.text  # "Kementerian Luar Negeri menegaskan": a body speaks
            elif s.kind == "name":
                name = naming.unglued(body, naming.person_name(s.text))
                speaker = speakers.person_by_name(name, entities) or naming.full_name(body, name) or name
                is_person = True
            else:  # a noun phrase: a named person's short name ("Bishop"), or the body it names
                speaker = speakers.person_by_name(s.text, entities)
                is_person = speaker is not None
                if speaker is None:
                    speaker = speakers.proper_name_in(body, s.text, known())
                    is_person = speaker in known().values()
        if speaker is not None and is_person:
            speaker = speakers.one_of_pair(speaker, s.entity.text if s is not None and s.entity else None, people)
        if speaker is not None and is_person and name_words.holds_name_word(speaker):
            last_person = speaker
        anonymous_last = s is not None and s.kind == "anonymous" or unnamed or (anonymous_last and speaker is None)
        last_end = max(last_end, c.end)
        quotes.append(Quote(body[c.start : c.end], c.start, c.end, c.kind, speaker, mention, c.cue))
    _continue_speakers(body, sentences, candidates, quotes, people, known)
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
                subject = (subjects.sentence_subject(body, before[0], before[1], people, known())
                           or speakers.lead_person(body, before[0], before[1], people))
                if subject is not None:
                    quotes[k] = Quote(q.text, q.start, q.end, q.kind, subject, None, q.cue)
                    break
                pos = before[0] - 1


def _points_back(s: Subject) -> bool:
    """Whether a speaker's mention is a description pointing back at someone named before
    ("pemain asal Wamena itu", "pria asal Tabanan"), not a name."""
    assert s.entity is not None
    words = s.text.split()
    return s.text != s.entity.text and (words[-1].lower() in resources.words("report_demonstratives.txt")
                                        or words[0].islower() and is_person_noun(words[0]))


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


def _last_person_before(entities: list[Entity], pos: int) -> str | None:
    people = [e for e in entities if e.label == "PERSON" and e.end <= pos and name_words.holds_name_word(e.canonical)]
    return people[-1].canonical if people else None

