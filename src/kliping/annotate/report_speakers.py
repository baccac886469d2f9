"""Who reports: the speaker of a speech verb — the phrase before it ("…, the news agency said"), a
name or a description pointing back ("Rider berusia 25 tahun itu pun mengaku …"), one that is
unnamed or speaks for an office ("US officials said", "His office said"), the sentence's subject
("The US welcomed …, saying …") — and the names after a verb or a frame ("said Amnesty
International", "according to The Verge’s review").
"""

from __future__ import annotations

import re
from functools import cache

from kliping import datelines, resources
from kliping.annotate import aliases, english_roles, name_words, subjects
from kliping.annotate.appositives import appositive_subject
from kliping.annotate.cue_neighbours import MAX_SUBJECT_GAP, name_before, skip_space, starting_in
from kliping.annotate.cues import Candidate, Subject, english_verbs, pronouns
from kliping.annotate.descriptions import description_subject, is_body_noun, is_person_noun
from kliping.annotate.report_clauses import clause_patterns
from kliping.annotate.report_spans import MAX_TAIL_SUBJECT_WORDS, text_start
from kliping.annotate.report_words import capitalisable, either, flagged, listed
from kliping.annotate.speech import aged_opener, subject_after, subject_before
from kliping.model import Entity
from kliping.words import JOINED_WORD


@cache
def _relatives() -> frozenset[str]:
    return frozenset(flagged("report_appositives.tsv", "relative"))


def verb_subject(body: str, verb: re.Match[str], s_start: int, entities: list[Entity],
                 before: Candidate | None, participle: bool) -> Subject | None:
    """The speaker of ``verb``; ", saying …" / ", adding that …" continue the report ``before`` it."""
    s_start = datelines.past_lead(body, s_start)  # "Rimanews - Komite X menyatakan": said by X
    if participle:
        if before is not None:
            return before.subject
        # "Mayor Ann Roe stood by her budget at the opening of the Cempaka bridge, arguing
        # that …": the participle is said by the person opening the sentence, not the name last
        # before it
        comma = body.rfind(",", s_start, verb.start())
        opener = _sentence_person(body, s_start, comma, entities) if comma > s_start else None
        return opener or subject_before(body, verb.start(), s_start, entities)
    if (aged := aged_opener(body, s_start, verb.start(), entities)) is not None:
        # "Karyo (60) warga Desa Cempaka, Sukamaju menuturkan": the person introduced by age,
        # not the place after the appositive's last comma
        return aged
    comma = body.rfind(",", s_start, verb.start())
    clause = body[comma + 1 : verb.start()] if comma >= 0 else ""
    if comma >= 0 and _WHEN_ONLY.fullmatch(clause) and (
            opener := _sentence_person(body, s_start, comma, entities)) is not None:
        # "Ann Roe, the county's water engineer, last week said …": a time between the
        # appositive's comma and the verb is no speaker; the person the sentence opens with speaks
        return opener
    first = clause.split()[:1]
    relative = bool(first) and first[0] in _relatives()  # "X, yang memimpin Y pun mengatakan"
    if comma >= 0 and clause.strip() and len(clause.split()) <= MAX_TAIL_SUBJECT_WORDS and not relative:
        # "…, the news agency said": the speaker is the phrase after the comma, not a name before it.
        found = subject_before(body, verb.start(), comma + 1, entities) or name_before(body, verb.start(), comma + 1)
        if found is not None and found.entity is not None and found.entity.label == "PLACE" and (
                resident := _person_before_address(body, s_start, comma, entities)) is not None:
            # "Slamet (41) warga Dusun Cempaka, Desa Sukaraja mengatakan": the place closes the address of
            # the person the sentence opens with, who speaks
            return resident
        if found is not None:
            return found
    if comma >= 0 and _unnamed()["and_verb"].search(body, max(s_start, comma - 1), verb.start()):
        # "Rep. Dale Roe, R-Ohio, visited the border near McAllen, Texas, and argued that …": a
        # second verb of the sentence's subject, not of the place or body named last before it.
        opener = _sentence_person(body, s_start, comma, entities) or _opening_subject(body, s_start, comma, entities)
        if opener is not None and opener.entity is not None:
            return opener
    if comma < 0 and _unnamed()["bare_and_verb"].search(body, max(s_start, verb.start() - 8), verb.start()):
        # "Tom Webb accused the council of delays and insisted that …": with no comma anywhere
        # before it, a second verb of the person the sentence opens with, not of its object
        opener = (_sentence_person(body, s_start, verb.start(), entities)
                  or _opening_pronoun(body, s_start, verb.start()))
        if opener is not None:
            return opener
    if relative:
        # "… by Dana Roe, a lawyer for the group, who told the judge that …": the relative clause
        # describes the one named before its comma (past her appositives), who speaks.
        head = _relative_head(body, comma, s_start, entities)
        if head is not None:
            return head
    found = subject_before(body, verb.start(), s_start, entities)
    if found is not None and found.kind == "noun" and _proper(found.text):
        # "Uber bilang kalau …", "TMZ melaporkan …": a name the recogniser missed, opening the
        # clause, is a name, not a noun phrase naming no one
        named = name_before(body, verb.start(), found.start)
        if named is not None and named.start == found.start and named.text == found.text:
            return named
    found = found or name_before(body, verb.start(), s_start)
    if found is not None and (earlier := _first_verb_subject(body, verb, found, s_start, entities)) is not None:
        return earlier
    if found is not None and body[found.start + len(found.text) : verb.start()].split() in (
            [w] for w in _demonstratives()):
        # "laki-laki penggemar grup Twice ini mengatakan": the name closes an epithet, not the subject
        whole = _described_before().search(body, max(s_start, comma + 1, verb.start() - MAX_SUBJECT_GAP), verb.start())
        if whole is not None and whole.start() < found.start:
            found = Subject(_links_end().sub("", whole.group(0)), whole.start(), "noun")
    if found is None and _SUBORDINATE_ING.search(body, max(s_start, verb.start() - 12), verb.start()):
        # "The health agency on Monday opened two sites, while stressing that …": the participle of a
        # subordinate clause is said by the subject opening the sentence
        found = _opening_description(body, s_start, verb.start())
    return (epithet(body, found, entities) if found is not None
            else _description_before(body, verb.start(), max(s_start, comma + 1), entities))


_SUBORDINATE_ING = re.compile(r"\b(?:while|after|before|when)\s+$")
_OPENING_DESCRIPTION = re.compile(r"(?:The|A|An)(?:\s+[a-z][\w-]*){1,4}")


def _opening_description(body: str, s_start: int, verb_start: int) -> Subject | None:
    """A description of a body or person opening the sentence ("The health agency"), as its subject:
    up to its first body or person noun."""
    start = text_start(body, s_start)
    m = _OPENING_DESCRIPTION.match(body, start, verb_start)
    words = m.group(0).split() if m is not None else []
    for i, word in enumerate(words[1:], 2):
        if is_body_noun(word) or is_person_noun(word):
            return Subject(" ".join(words[:i]), start, "noun")
    return None


def _first_verb_subject(body: str, verb: re.Match[str], found: Subject, s_start: int,
                        entities: list[Entity]) -> Subject | None:
    """"Soemitro menghubungi Pangdam Brawijaya dan Diponegoro dan meminta …": a name joined to the
    speech verb by "dan" after an Indonesian active verb is that verb's object; the speech verb is a
    second verb of the first verb's subject (Soemitro), who speaks."""
    if found.kind not in ("entity", "name") or (word := JOINED_WORD.match(body, verb.start())) is None or (
            word.group(0).lower() in english_verbs()):
        return None
    found_end = found.start + len(found.text)
    if not _unnamed()["joined_verb"].fullmatch(" " + body[found_end : verb.start()].lstrip(" ,")):
        return None
    clause = max(body.rfind(",", s_start, found.start), s_start - 1) + 1
    verbs = list(_ACTIVE_VERB.finditer(body, clause, found.start))
    if not verbs:
        return None
    subject = subject_before(body, verbs[-1].start(), s_start, entities)
    return subject if subject is not None and subject.kind in ("entity", "name") else None


def epithet(body: str, subject: Subject, entities: list[Entity]) -> Subject:
    """A person named by an epithet pointing back ("Pentolan Oasis itu mengatakan",
    "Pemain asal Belgia itu mengaku", "Menurut pensiunan jenderal bintang dua itu, …") is the
    person the passage is about, as "ia" is — not a name inside the epithet ("Oasis", "Belgia")
    nor a noun phrase naming no one. What the article named before with the epithet's own words
    ("Gubernur itu" after "Gubernur Jawa Tengah X") stays the one description_subject finds; an
    epithet of a body ("perusahaan tersebut") or of no person is left as found."""
    words = subject.text.split()
    if (len(words) < 2 or words[-1] not in _demonstratives() or subject.kind not in ("noun", "name", "entity")
            or (subject.entity is not None and not subject.start <= subject.entity.start < subject.start + len(
                subject.text))):
        return subject  # not an epithet, or one already resolved to someone named before it
    described = description_subject(body, subject.text, subject.start, entities)
    if described is not None and described.kind != "pronoun":
        return described
    lower = [w.lower() for w in words[:-1]]
    if any(_body_nouns().get(w) == "body" for w in lower) or lower[0] in _things():
        return subject  # "perusahaan asal Jepang itu", "Laporan Bank Dunia tersebut"
    # a person noun or title ("Pemain asal Belgia itu"), or a head noun before a name it is of
    # ("Pentolan Oasis itu", "peraih medali perak Olimpiade Rio itu"): someone known by what they do
    person = any(is_person_noun(w) or w in name_words.title_words() for w in lower) or (
        len(words) > 2 and any(w[:1].isupper() for w in words[1:-1]))
    return Subject(subject.text, subject.start, "pronoun") if person else subject


@cache
def _things() -> frozenset[str]:
    """What speaks as no person: findings and the nouns of speech ("Hasil survei ini", "Pernyataan itu")."""
    nouns = (row[1] for row in resources.rows("report_speech_nouns.tsv"))
    return frozenset(w.lower() for w in (*listed("report_findings.txt"), *nouns))


@cache
def _demonstratives() -> frozenset[str]:
    return frozenset(listed("report_demonstratives.txt"))


@cache
def _body_nouns() -> dict[str, str]:
    return {noun: kind for kind, noun in resources.rows("description_nouns.tsv")}


def _proper(text: str) -> bool:
    """Whether a noun phrase the recogniser left is a name after all: one the alias table knows
    ("Uber") or an acronym ("TMZ")."""
    return aliases.label_of(text) is not None or (len(text) > 1 and text.isupper() and text.isalpha())


@cache
def _links() -> str:
    """"… itu pun turut mengisyaratkan": the particles between a description and its verb."""
    return rf"(?:\s+(?:{either(flagged('report_particles.tsv', 'link'))}))*\s+$"


@cache
def _described_before() -> re.Pattern[str]:
    """"Rider berusia 25 tahun itu pun mengaku …", "mantan Menteri Keuangan pada 2001 - 2004 ini
    menyatakan": a description longer than a plain noun subject, pointing back with "itu" / "ini" /
    "tersebut"."""
    return re.compile(rf"\b(?:[\w’'-]+\s+){{1,7}}?(?:{either(listed('report_demonstratives.txt'))})" + _links())


@cache
def _links_end() -> re.Pattern[str]:
    return re.compile(_links())


def _description_before(body: str, verb_start: int, floor: int, entities: list[Entity]) -> Subject | None:
    m = _described_before().search(body, max(floor, verb_start - MAX_SUBJECT_GAP), verb_start)
    if m is None:
        return None
    text = _links_end().sub("", m.group(0))
    return description_subject(body, text, m.start(), entities) or Subject(text, m.start(), "pronoun")


def _sentence_person(body: str, s_start: int, until: int, entities: list[Entity]) -> Subject | None:
    """The person a sentence opens with as its subject (subjects.sentence_subject), if any."""
    people = [e for e in starting_in(entities, s_start, until) if e.label == "PERSON"]
    name = subjects.sentence_subject(body, s_start, until, people, {})
    first = next((e for e in people if e.canonical == name), None)
    return Subject(first.text, first.start, "entity", first) if first is not None else None


def _opening_pronoun(body: str, s_start: int, until: int) -> Subject | None:
    """"He rejected the audit and said …": the personal pronoun the sentence opens with."""
    start = text_start(body, s_start)
    word = JOINED_WORD.match(body, start, until)
    if word is None or word.group(0).lower() not in pronouns():
        return None
    return Subject(word.group(0), start, "pronoun")


def _person_before_address(body: str, s_start: int, comma: int, entities: list[Entity]) -> Subject | None:
    """The first person the sentence names before ``comma``, when only places and their words
    stand between that person and the comma."""
    people = [e for e in starting_in(entities, s_start, comma) if e.label == "PERSON"]
    if not people:
        return None
    first = people[0]
    if any(e.label != "PLACE" for e in starting_in(entities, first.end, comma)):
        return None
    return Subject(first.text, first.start, "entity", first)


def _relative_head(body: str, comma: int, floor: int, entities: list[Entity]) -> Subject | None:
    """The person a relative clause after ``comma`` describes: the one before its appositives, or a
    full name the recogniser missed closing the phrase before the appositive ("… made by Dana Roe,
    a lawyer for the group, who told …")."""
    head = appositive_subject(body, comma, floor, entities)
    if head is not None and (head.kind == "name" or (head.entity is not None and head.entity.label == "PERSON")):
        return head
    prev = body.rfind(",", floor, comma)
    name = name_before(body, prev, floor) if prev > floor else None
    words = name.text.split() if name is not None else []
    # A given name may also be a word ("Dana"): the family name closing it must read as a name.
    named = sum(map(name_words.is_name_like, words))
    if len(words) > 1 and name_words.is_name_like(words[-1]) and named >= len(words) - 1:
        return name
    return None


def person_before(body: str, comma: int, floor: int, entities: list[Entity]) -> bool:
    """"Sen. Ted Cruz, R-Texas, said …": a person before an appositive speaks, the name after is content."""
    subject = appositive_subject(body, comma, floor, entities)
    return subject is not None and (subject.kind == "name" or (
        subject.entity is not None and subject.entity.label == "PERSON"))


def name_after(body: str, pos: int, entities: list[Entity]) -> Subject | None:
    """The name (not a pronoun or a plain word) that follows ``pos``: "said Amnesty International"."""
    subject = subject_after(body, pos, entities)
    return subject if subject is not None and subject.kind in ("entity", "name") else None


def name_closes(rest: str) -> bool:
    """Whether ``rest`` is only a name, then perhaps a short appositive, closing the sentence:
    " Lt. Matt Harris, Columbus Police Department spokesman."."""
    name, _, appositive = rest.strip(" .!?").partition(",")
    words = name.split()
    return (0 < len(words) <= MAX_TAIL_SUBJECT_WORDS and all(w[:1].isupper() for w in words)
            and "," not in appositive and len(appositive.split()) <= MAX_TAIL_SUBJECT_WORDS)


_POSSESSIVE = re.compile(r"(?P<owner>(?:[Tt]he\s+)?[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})['’]s\s")


def owner(body: str, subject: Subject | None) -> Subject | None:
    """"According to The Verge’s Stadia review": the source is the owner, "The Verge"."""
    if subject is None or subject.kind == "clitic":
        return subject
    m = _POSSESSIVE.match(body, subject.start, subject.start + len(subject.text) + 3)
    return Subject(m["owner"], subject.start, "noun") if m else subject


@cache
def _unnamed() -> dict[str, re.Pattern[str]]:
    articles = either(flagged("report_determiners.tsv", "article"))
    return {
        # Who speaks for an office or stays unnamed: "US officials said", "Tuesday, prosecutors
        # asserted", "sumber keamanan mengatakan", "Mereka mengatakan bahwa …" — the plural or the
        # role, lower case or opening the sentence capitalised.
        "source": re.compile(rf"\b(?:{either(capitalisable(listed('report_source_nouns.txt')))})\b"),
        # "a spokesperson", "seorang warga": the indefinite article right before a source noun
        "indefinite": re.compile(
            rf"\b(?:{either(capitalisable(flagged('report_determiners.tsv', 'indefinite')))})\s+$"),
        # "…, however, argue that …", "…, pun, …": an adverb set off by commas between a subject and its verb
        "aside": re.compile(rf",\s*(?i:{either(listed('report_asides.txt'))})\s*,\s*$"),
        # "His office said": the office of the person the sentence before named.
        "office": re.compile(rf"\b(?:{either(capitalisable(flagged('report_offices.tsv', 'owner')))})"
                             rf"\s+(?:{either(flagged('report_offices.tsv', 'noun'))})\s+$"),
        # "…, and confirmed that …", "…, who said that …": the verb's subject is the sentence's, or
        # the one the relative pronoun stands for.
        "and_verb": re.compile(rf"[,”\"]\s+(?:{either(flagged('report_conjunctions.tsv', 'shared_subject'))})\s+$"),
        "bare_and_verb": re.compile(rf"\s(?:{either(flagged('report_conjunctions.tsv', 'shared_subject'))})\s+$"),
        # "… memiliki beberapa pesawat dan mengklaim …": a second verb of the sentence's subject
        "joined_verb": re.compile(rf"\s(?:{either(flagged('report_conjunctions.tsv', 'verb_joiner'))})"
                                  rf"(?:\s+(?:{either(listed('speech_adverbs.txt'))}))*\s+$"),
        # "tiga perempuan lain juga mengaku …", "ratusan warga menyebut …", "dozens of residents said":
        # people counted, named by no name (the adverbs of speech_adverbs.txt may follow)
        "counted": re.compile(rf"\b(?P<who>(?:{either(capitalisable(listed('report_quantifiers.txt')))})\s+"
                              rf"(?:orang\s+)?[a-z][\w-]*(?:\s+(?:lain|lainnya|other))?)"
                              rf"(?:\s+(?:yang|who))?(?:\s+(?:{either(listed('speech_adverbs.txt'))}))*\s+$"),
        "who_verb": re.compile(rf"(?:(?i:{articles})\s+(?P<noun>(?:[\w’'-]+\s+){{0,2}}[\w’'-]+)"
                               rf"|(?P<name>[A-Z][\w’'-]*)),\s+who\s+$"),
    }


# an Indonesian active verb (me-, ber-): "menyertakan", "berkata" (read only before an Indonesian verb)
_ACTIVE_VERB = re.compile(r"\b(?:me|ber)[a-z]{3,}")

# "tuntutan jaksa yang meminta …", "analis yang memprediksi …": the noun heads a relative clause inside
# a phrase about something else — its speech is that phrase's detail, not a report of its own
RELATIVE_ONLY = re.compile(r"\syang(?:\s+(?:juga|pun|telah|sudah|sempat|pernah))*\s+$")

_OPENING_NAME = re.compile(r"(?:(?i:the)\s+)?(?P<name>[A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*){0,3})\s+[a-z]")


# a time said between a speaker's appositive and the verb: "…, last week said", "…, on Monday said"
_WHEN_ONLY = re.compile(r"\s*(?:(?:last|this|next|earlier|later)\s+(?:week|month|year|night|weekend)"
                        r"|yesterday|today|earlier|recently|on\s+[A-Z][a-z]+day)\s*")


def unnamed_subject(body: str, verb_start: int, s_start: int, entities: list[Entity],
                    participle: bool) -> Subject | None:
    """The speaker where no name or pronoun is next to the verb (see ``_unnamed``); a participle
    after the sentence's own verb ("The US welcomed the exchange, saying …") has the sentence's
    subject too."""
    pats = _unnamed()
    head = body[max(s_start, verb_start - MAX_SUBJECT_GAP) : verb_start]
    aside = pats["aside"].search(head)
    if aside is not None:
        head = head[: aside.start()] + " "
    if (office := pats["office"].search(head)) is not None:
        at = verb_start - len(head) + office.start()
        people = [e for e in entities if e.label == "PERSON" and e.end <= at]
        # the person last named, not the last speaker: "Teachers didn’t see Holcomb …. His office said …"
        return Subject(office.group(0).strip(), at, "entity", people[-1]) if people else None
    if (who := pats["who_verb"].search(head)) is not None:
        group = "noun" if who["noun"] else "name"
        return Subject(who[group], verb_start - len(head) + who.start(group), "noun")
    if participle or pats["and_verb"].search(head):
        return _opening_subject(body, s_start, verb_start, entities)
    clause = head[head.rfind(",") + 1 :]
    sources = list(pats["source"].finditer(clause))
    if not sources:
        if (counted := pats["counted"].search(clause)) is not None:
            at = verb_start - len(clause) + counted.start("who")
            return Subject(counted["who"], at, "anonymous")
        if pats["joined_verb"].search(head):
            return _opening_subject(body, s_start, verb_start, entities)
        return None
    at = verb_start - len(clause) + sources[-1].start()
    if (word := JOINED_WORD.match(body, verb_start)) is not None and word.group(0).lower() not in english_verbs() and (
            _ACTIVE_VERB.search(clause, sources[-1].end()) or RELATIVE_ONLY.search(clause, sources[-1].end())):
        # "jaksa juga menyertakan bukti berupa tulisan … yang merinci …": the noun is the subject
        # of another verb, not of the speech verb (English: "people familiar with the merger said")
        return None
    if (one := pats["indefinite"].search(clause, 0, sources[-1].start())) is not None:
        # "A spokesperson who did not wish to be named said …": one of them, named by no name
        return Subject(clause[one.start() : sources[-1].end()], at - (sources[-1].start() - one.start()), "anonymous")
    return Subject(sources[-1].group(0), at, "noun")


def _opening_subject(body: str, s_start: int, verb_start: int, entities: list[Entity]) -> Subject | None:
    """The name or organisation opening the sentence: its subject."""
    start = text_start(body, s_start)
    for e in entities:
        if e.start >= verb_start:
            break
        if e.start in (start, start + 4) and e.label in ("PERSON", "ORG", "PLACE"):
            return Subject(e.text, e.start, "entity", e)
    if (role := english_roles.opening_role(body, start, verb_start)) is not None:
        return role  # "The governor condemned …, saying …": not "The" as a name
    m = _OPENING_NAME.match(body, start, verb_start)
    if m is None:
        return None
    kind = "pronoun" if m["name"].lower() in pronouns() else "noun"  # "He describes …, but cautions …"
    return Subject(m["name"], m.start("name"), kind)


# "jaksa Irene Putri": the capitalised words that end a described speaker
_NAME_LAST = re.compile(r"(?<!\S)[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}\s*$")


def described_after(body: str, start: int, s_end: int, entities: list[Entity]) -> Subject | None:
    """", kata jaksa Irene Putri, …": a role before the name the recogniser gave, up to the comma
    that closes the attribution in the middle of the sentence — the person named is the speaker."""
    comma = body.find(",", start, s_end)
    if comma < 0 or len(body[start:comma].split()) > MAX_TAIL_SUBJECT_WORDS:
        return None
    person = next((e for e in entities if e.label == "PERSON" and start < e.start and e.end <= comma), None)
    name = _NAME_LAST.search(body, start, comma)  # a name the recogniser missed closes the phrase
    at = person.start if person is not None else name.start() if name else comma
    if clause_patterns()["finite"].search(body, start, at):
        # "…, said two bridges have gone in Millbrook, one …": a clause of its own, the report, not a
        # role before its person (its last name is a place of the report)
        return None
    if person is not None:
        return Subject(person.text, person.start, "entity", person)
    return Subject(name[0], name.start(), "name") if name and name.start() > skip_space(body, start) else None


MAX_IT_REACH = 40  # characters before a verb searched for "…, it said", "(BMKG) memastikan" or "…, and warned"


# "It said …", "In a statement, it added that …", "…, but it said …": "it", opening its clause (the
# adverbs of speech_adverbs.txt may follow), is the body or the report named before, which speaks
@cache
def _it_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    it = rf"(?P<it>[Ii]t)(?:\s+(?:{either(listed('speech_adverbs.txt'))}))*\s+"
    return re.compile(it), re.compile(rf"(?:[,;]|\b(?:and|but)\b)\s*{it}$")


def it_subject(body: str, verb: re.Match[str], s_start: int) -> Subject | None:
    """"It said …", "…, but it said …" in English: "it" is the subject (resolved to the body named before)."""
    if verb["cue"].lower() not in english_verbs():
        return None
    alone, opens = _it_patterns()
    m = alone.fullmatch(body, text_start(body, s_start), verb.start()) or opens.search(
        body, max(s_start, verb.start() - MAX_IT_REACH), verb.start())
    return Subject(m["it"], m.start("it"), "noun") if m else None


# "Badan Meteorologi, Klimatologi, dan Geofisika (BMKG) memastikan …": a body's short form in brackets
# right before the verb, after a long name whose commas hide where the name starts
_BRACKETED = re.compile(r"\((?P<short>[^()]{2,40})\)\s*$")


def bracketed_body(body: str, verb: re.Match[str], s_start: int, entities: list[Entity]) -> Subject | None:
    """The organisation whose bracketed short form stands right before the verb."""
    m = _BRACKETED.search(body, max(s_start, verb.start() - MAX_IT_REACH), verb.start())
    if m is None:
        return None
    named = next((e for e in starting_in(entities, m.start("short"), m.end("short")) if e.label == "ORG"), None)
    return Subject(named.text, named.start, "entity", named) if named is not None else None
