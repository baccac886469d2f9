"""Article body + a speech cue's position → who says it: the speaker's mention both quotation finders use.

A speaker's mention is found next to its cue (annotate/cues.py): an entity, a pronoun or "-nya",
a social-media account, a capitalised name the recogniser missed, an appositive's head ("Jane
Doe, a spokeswoman for X, said"; annotate/appositives.py), a definite description pointing back
at someone the article introduced ("the governor", "… tersebut"), or a short noun phrase opening
the clause ("Polisi mengatakan"). The finders looking at one position are annotate/cue_neighbours.py.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache

from kliping import datelines, resources
from kliping.annotate import name_words, subjects
from kliping.annotate.appositives import appositive_subject
from kliping.annotate.cue_neighbours import (
    MAX_SUBJECT_GAP,
    closest_before,
    entity_at,
    name_before,
    noun_subject,
    pronoun_at,
    skip_space,
    starting_in,
)
from kliping.annotate.cues import Candidate, Subject, patterns
from kliping.annotate.descriptions import (
    anonymous,
    another_one,
    description_subject,
    gives_nickname,
    group_of_place,
    is_body_noun,
    is_person_noun,
    named_voice,
    someone_of,
)
from kliping.annotate.report_words import either, flagged
from kliping.annotate.role_phrases import role_words
from kliping.annotate.source_frames import media_noun, medium_acronym
from kliping.model import Entity
from kliping.resources import alt

# A dot only inside a name ("A.M. Fatwa"), so "kata Toru." ends before the full stop. Names
# never run across a line break: "… kata Ketjuk.\n\nBerdasarkan …" is one word of name. A stop may
# close an initial or a short form before the name's next word ("Budi S. Santoso", "Moh. Sukadi",
# "S.P. Sembiring"), not a whole word, which ends its sentence ("… keluh Tarjodak. Sehari-hari, …").
_NAME_WORD = r"(?:[A-Z][\w'’-]{0,3}|[A-Z](?:\.[A-Z])+)\.(?= +[A-Z])|[A-Z](?:[\w'’-]|\.(?=\w))*"


@cache
def name_pattern() -> re.Pattern[str]:
    particles = alt(sorted(resources.lines("name_particles.txt")))
    return re.compile(rf"(?:{_NAME_WORD})(?: +(?:{_NAME_WORD}|{particles})(?=\s|$|[,.;:!?]))*")
_NOUN_AFTER = re.compile(r"\s+[a-z][\w’'-]*")  # the word after a name: "[a Taliban] representative"


def subject_after(body: str, pos: int, entities: list[Entity]) -> Subject | None:
    """The speaker named right after a cue, at ``pos``: an entity, a pronoun or a name."""
    while pos < len(body) and body[pos] in " ,":
        pos += 1
    entity = entity_at(entities, pos)
    medium = media_noun().match(body, pos) if entity is None or entity.label != "PERSON" else None
    if medium is not None:
        # "dilansir Majalah Tempo", "menurut laman Cosmopolitan": the medium is its name, not the
        # noun saying what kind of medium it is (a place after it is not a name: "media Inggris")
        named = entity_at(entities, medium.end())
        if named is None or named.label == "ORG" or medium_acronym(named):
            pos, entity = medium.end(), named
    article = patterns()["article"].match(body, pos) if entity is None else None
    if article is not None and entity_at(entities, article.end()) is not None:
        pos = article.end()  # "says the World Health Organization"
        entity = entity_at(entities, pos)
        noun = _NOUN_AFTER.match(body, entity.end) if entity is not None and article.group(0)[0] in "aA" else None
        if noun is not None and someone_of(body[article.start() : noun.end()]):
            # "according to a Taliban representative", "said a U.S. official": one of them, no name
            return Subject(body[article.start() : noun.end()], article.start(), "anonymous")
    if entity is not None:
        # "Menteri Luar Negeri Rusia Sergei Lavrov": a role followed by its person.
        # or an organisation's title followed by its person ("Juru Bicara Kemlu Arrmanatha Nasir").
        follow = entity_at(entities, skip_space(body, entity.end))
        if follow is not None and follow.label == "PERSON" and (
            follow.canonical == entity.canonical or entity.label != "PERSON"
        ):
            return Subject(body[pos : follow.end], pos, "entity", follow)
        if (named := _named_after_description(body, entity, entities)) is not None:
            return Subject(body[pos : named.end], pos, "entity", named)
        if entity.label != "PERSON" and (titled := _person_after_titles(body, entity.end, entities)) is not None:
            # "According to Harbour Chief Tom Webb", "Millbrook Rescue’s Capt. Ann Roe": the titled person speaks
            return Subject(body[pos : titled.end], pos, "entity", titled)
        return Subject(entity.text, pos, "entity", entity)
    pronoun = pronoun_at(body, pos)
    if pronoun:
        return Subject(pronoun, pos, "pronoun")
    handle = _HANDLE.match(body, pos)
    if handle:  # "kata akun rafly_rahman.h", "tulis warganet @budi_s": a social-media account speaks
        at = handle.start("handle") - (body[handle.start("handle") - 1] == "@")  # "@budi_s" as written
        return Subject(body[at : handle.end("handle")].rstrip("."), at, "name")
    name = name_pattern().match(body, pos)
    if name:
        # "kata Menteri Keuangan Sri Mulyani": the person inside the titled name speaks.
        inside = [e for e in starting_in(entities, pos, name.end()) if e.label == "PERSON"]
        if not inside and name.group(0).split()[0].casefold() in name_words.title_words():
            # "Direktur Utama LLP - KUKM Ahmad Zabadi": the body's name runs on past the run of
            # capitalised words (a hyphen inside it), and the person follows the body.
            body_names = [e for e in starting_in(entities, pos, name.end()) if e.end > name.end()]
            holder = entity_at(entities, skip_space(body, body_names[-1].end)) if body_names else None
            inside = [holder] if holder is not None and holder.label == "PERSON" else []
        if inside:
            return Subject(body[pos : max(name.end(), inside[0].end)], pos, "entity", inside[0])
        # "kata Kepala Dinas Kesehatan Jawa Barat, Vini Adiani": the title, a comma, the person.
        after = skip_space(body, name.end() + 1) if body[name.end() : name.end() + 1] == "," else -1
        person = entity_at(entities, after) if after > 0 else None
        if person is not None and person.label == "PERSON":
            return Subject(body[pos : person.end], pos, "entity", person)
        return _past_titles(Subject(name.group(0), pos, "name"))
    return None


_DESCRIBED = re.compile(r"(?:\s+[a-z][\w-]*){1,3},\s+")  # "[Millbrook] resident, Ann Roe"
_CLOSED = re.compile(r"\s*(?:[.,;!?]|$)")
_TITLE_AFTER = re.compile(r"(?:’s|'s)?\s+([A-Z][\w.]*)\s+")  # "[Millbrook Rescue]’s Capt. ", "[Harbour] Chief "


def _person_after_titles(body: str, end: int, entities: list[Entity]) -> Entity | None:
    """The person named right after a body's name (its possessive) and one to three title words."""
    for _ in range(3):
        m = _TITLE_AFTER.match(body, end)
        if m is None or m.group(1).strip(".").casefold() not in name_words.title_words():
            return None
        person = entity_at(entities, m.end())
        if person is not None:
            return person if person.label == "PERSON" else None
        end = m.end() - 1
    return None


def _named_after_description(body: str, entity: Entity, entities: list[Entity]) -> Entity | None:
    """'“…,” said Millbrook resident, Ann Roe.': the person named after the description the place
    or body opens, not the place — when the description's last word is a person's noun and the
    name closes the attribution."""
    m = _DESCRIBED.match(body, entity.end)
    if m is None or not is_person_noun(m.group(0).rstrip(", ").split()[-1]):
        return None
    person = entity_at(entities, m.end())
    return person if person is not None and person.label == "PERSON" and _CLOSED.match(body, person.end) else None


# An account named after a cue: "akun X", "pengguna X", "warganet @X", or a bare "@X".
_HANDLE = re.compile(r"(?:(?i:akun|pengguna|warganet|netizen|user|account)\s+(?:@)?|@)(?P<handle>[\w.]*[\w_][\w.]*)")


def _past_titles(subject: Subject) -> Subject:
    """"SciSpacE Team Leader Jennifer Ngo-Anh": the person's name is what follows the last title
    word of a capitalised run, when at least two words (a given name and a family name) do."""
    words = subject.text.split(" ")
    titles = name_words.title_words()
    last = max((i for i, w in enumerate(words) if w.lower().rstrip(".") in titles), default=-1)
    if 0 <= last < len(words) - 2:
        rest = " ".join(words[last + 1 :])
        return Subject(rest, subject.start + len(subject.text) - len(rest), "name")
    return subject


# A person's age right after their name: "Wiryo, 45, pedagang asal …", "Darto (41) warga …"
_AGE_AFTER = re.compile(r"\s*(?:,\s*\d{1,3}\s*,|\(\s*\d{1,3}\s*(?:tahun|thn|th)?\s*\))")


def aged_opener(body: str, floor: int, cue_start: int, entities: list[Entity]) -> Subject | None:
    """The person a clause opens with, introduced by age, when no other person stands before the verb:
    "Wiryo, 45, pedagang asal Desa Sukamaju, Kecamatan Cempaka, Kabupaten Sukaraja, Senin (3/4)
    menuturkan …" — the places of where they are from are the appositive's, no speaker."""
    opener = entity_at(entities, skip_space(body, floor))
    if opener is None or opener.label != "PERSON" or not _AGE_AFTER.match(body, opener.end, cue_start):
        return None
    if any(e.label == "PERSON" for e in starting_in(entities, opener.end, cue_start)):
        return None
    return Subject(opener.text, opener.start, "entity", opener)


def subject_before(body: str, cue_start: int, floor: int, entities: list[Entity]) -> Subject | None:
    """The speaker closest before a speech verb in the same sentence (within reach)."""
    floor = datelines.past_lead(body, floor)  # the dateline's place is no speaker
    if (aged := aged_opener(body, floor, cue_start, entities)) is not None:
        return aged
    head = body[floor:cue_start].rstrip()
    if head.endswith(")") and (opened := head.rfind("(")) > 0:
        # "RM (yang sebelumnya dikenal dengan nama Rap Monster) mengaku": the name inside the
        # brackets is an aside; the speaker stands before them.
        cue_start = floor + len(head[:opened].rstrip())
        head = body[floor:cue_start]
    if head.endswith(","):
        found = appositive_subject(body, floor + len(head) - 1, floor, entities)
        if found is not None and found.kind == "noun" and someone_of(found.text):
            # "A European Union negotiator, speaking on condition of anonymity, denied": one of them
            return Subject(found.text, found.start, "anonymous")
        if found is not None and found.kind == "noun":  # "The company, which …, confirmed"
            return description_subject(body, found.text, found.start, entities) or found
        if found is not None and (at := _place_phrase(body, found, floor)) is not None and (
                before := subject_before(body, at, floor, entities)) is not None:
            # "Kapolres X AKBP Budi di Wamena, Selasa (29/10), mengatakan": the place the words
            # were said in is no speaker; the one named before "di" is
            return before
        if found is not None:
            # "Keith Crum of Marlboro, N.Y., said": the person before "of", not where they live
            return subjects.head_of(body, found, entities, floor) if found.kind in ("entity", "name") else found
    lo = max(floor, cue_start - MAX_SUBJECT_GAP)
    best = closest_before(body, lo, cue_start, entities)
    if best is None:
        return _unnamed_subject(body, cue_start, lo, floor, entities)
    if best.entity is None:
        return best  # a pronoun
    return _named_subject(body, best, best.entity, cue_start, lo, floor, entities)


@cache
def _locative() -> re.Pattern[str]:
    # an acronym may stand between the preposition and the name: "di PD Pasar Jaya", "di RSUD Sukamaju"
    locative = either(flagged("report_prepositions.tsv", "locative"))
    return re.compile(rf"(?<![\w-])(?i:{locative})\s+(?:[A-Z]{{2,5}}\s+)?$")


def _locative_before(body: str, start: int, lo: int) -> int | None:
    """Where the preposition of place right before a place's name at ``start`` begins, if one does."""
    m = _locative().search(body, max(lo, start - 18), start)
    return m.start() if m is not None else None


def _place_phrase(body: str, found: Subject, floor: int) -> int | None:
    """Where the phrase of place that ``found`` (a place, or a place's appositive: "Wamena, ibu kota
    Kabupaten Jayawijaya") opens with its preposition begins, if it is one."""
    if found.entity is None or found.entity.label != "PLACE":
        return None
    at = _locative_before(body, found.start, floor)
    comma = body.rfind(",", floor, found.start)
    if at is None and comma > floor and not body[comma + 1 : found.start].strip().istitle():
        # "di Wamena, ibu kota Kabupaten Jayawijaya": the appositive of the place named after "di"
        places = re.search(r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}\s*$", body[floor:comma])
        at = _locative_before(body, floor + places.start(), floor) if places is not None else None
    return at


def _unnamed_subject(body: str, cue_start: int, lo: int, floor: int, entities: list[Entity]) -> Subject | None:
    """With no entity nor pronoun before the verb: a name the recogniser missed before a relative
    clause, else the noun phrase opening the clause (anonymous, or a description of someone)."""
    if (relative := _relative().search(body, lo, cue_start)) is not None and (
            named := _named_head(body, relative.start(), lo, floor, entities)) is not None:
        return named  # "Lowes yang merupakan pebalap World Superbike (WSBK) mengatakan"
    noun = noun_subject(body, cue_start, lo)
    if noun is not None and anonymous(noun.text):  # "the source said", "a U.S. official said"
        return Subject(noun.text, noun.start, "anonymous")
    # "The governor said": the person the article introduced with that title, if any.
    return (noun and description_subject(body, noun.text, noun.start, entities)) or noun


def _named_subject(body: str, best: Subject, entity: Entity, cue_start: int, lo: int, floor: int,
                   entities: list[Entity]) -> Subject:
    """The speaker when an entity (``best``'s ``entity``) stands closest before the verb: the head a
    relative clause describes, a description or unnamed group the entity is only part of, the first
    of a pair, or the person over a place or body named in the same clause."""
    if (described := _description_after_comma(body, best, cue_start, entities)) is not None:
        return described
    if body[best.start - 1 : best.start] == "(" and _BRACKET_THEN_POINTER.match(body, best.start + len(best.text),
                                                                                 cue_start):
        # "Politikus Partai Maju Bersama (PMB) ini mengatakan": the acronym in brackets is an aside of a
        # description pointing back at someone, the subject — not the party
        start = max(body.rfind(",", lo, best.start), body.rfind(".", lo, best.start), body.rfind("\n", lo, best.start),
                    lo - 1) + 1
        start = skip_space(body, start)
        phrase = body[start:cue_start].rstrip()
        described = description_subject(body, phrase, start, entities)
        if described is not None:
            return described
    relative = _relative().search(body, lo, best.start)
    if relative is not None:
        # "Naftali Bennett, yang memimpin partai Jewish Home pun mengatakan", "… San Afri Awang yang
        # juga Juru Bicara Tim KLHS Kendeng mengatakan": the name in the relative clause is its
        # object or complement; the speaker is the one the clause describes.
        heads = [e for e in entities if e.end == relative.start() and e.label == "PERSON"]
        if heads:
            return Subject(heads[0].text, heads[0].start, "entity", heads[0])
        if (named := _named_head(body, relative.start(), lo, floor, entities)) is not None:
            return named
        if (head := _unnamed_head(body, relative.start(), cue_start, lo, entities)) is not None:
            return head
    clause = max(body.rfind(",", lo, best.start), body.rfind(".", lo, best.start), lo - 1) + 1
    if entity.label == "PERSON" and (head := _person_before_epithet(body, best, clause, entities)) is not None:
        return head
    unnamed = _described_or_group(body, best, entity, clause, cue_start, entities)
    if unnamed is not None:
        return unnamed
    if entity.label == "PLACE" and (place := _locative_before(body, best.start, lo)) is not None and (
            before := subject_before(body, place, floor, entities)) is not None:
        # "data PVMBG dari Pos Pengamatan di Desa Rendang menyebutkan": a place in a phrase of
        # place is not the subject; the speaker stands before that phrase
        return before
    best = _first_conjunct(body, best, entities, lo)
    best = subjects.head_of(body, best, entities, lo)
    # Prefer a person over a place or organisation named inside the same clause: in
    # "Lavrov dalam pernyataan di Moskow mengatakan" the speaker is Lavrov.
    if best.entity is not None and best.entity.label != "PERSON":
        clause_start = max(body.rfind(",", lo, best.start), lo)
        people = [e for e in entities if e.label == "PERSON" and clause_start <= e.start and e.end <= best.start]
        if people and not re.search(r"\b(?:dan|and)\s*$", body[people[-1].end : best.start]):
            best = Subject(people[-1].text, people[-1].start, "entity", people[-1])
        elif (named := name_before(body, cue_start, best.start + len(best.text))) is not None:
            # "Direktur Utama Pupuk Indonesia Aas Asikin Idat menyatakan": a name the recogniser
            # missed stands between the organisation and the verb; it is the one who speaks.
            best = named
    return best


_BRACKET_THEN_POINTER = re.compile(r"\)\s+(?:ini|itu|tersebut)(?:\s+(?:pun|juga|lantas|kemudian))?\s*$")
_DESCRIPTION_BEFORE_VERB = re.compile(r",\s+(?P<np>(?:the|a|an)\s+(?:[a-z][\w-]*\s+){0,3}(?P<noun>[a-z][\w-]*))\s+$")


def _description_after_comma(body: str, best: Subject, cue_start: int, entities: list[Entity]) -> Subject | None:
    """"…why the police had not prevented the Cagayan de Oro bombing, the police chief said": a
    description of a person or body between a comma and the verb is the subject, not a name in the
    clause before the comma."""
    m = _DESCRIPTION_BEFORE_VERB.search(body, best.start + len(best.text), cue_start)
    if m is None or not (is_person_noun(m["noun"]) or is_body_noun(m["noun"]) or m["noun"] in role_words()):
        return None
    return description_subject(body, m["np"], m.start("np"), entities) or Subject(m["np"], m.start("np"), "noun")


_NOT_EPITHET = frozenset({"kepada", "dengan", "bersama", "dan", "atau", "serta", "to", "with", "and", "or"})
MAX_EPITHET_WORDS = 5


def _person_before_epithet(body: str, best: Subject, clause: int, entities: list[Entity]) -> Subject | None:
    """"Angga Wijaya suami sekaligus manajer Dewi Persik mengatakan": a person, then an epithet in
    lower case opening with a person noun (resources/description_nouns.tsv), then the person the
    epithet is about (no commas, as Indonesian writes it) — the first person speaks, not the one
    the epithet names."""
    i = bisect_left(entities, best.start, key=lambda e: e.start)
    prev = entities[i - 1] if i > 0 else None
    if prev is None or prev.label != "PERSON" or prev.start < clause or prev.end > best.start:
        return None
    between = body[prev.end : best.start].split()
    if not 0 < len(between) <= MAX_EPITHET_WORDS or not all(w.isalpha() and w.islower() for w in between):
        return None
    if any(w in _NOT_EPITHET for w in between) or not is_person_noun(between[0]):
        return None  # (a title opening it is the next name's own: "Nuggets coach Dave Lindgren")
    return Subject(prev.text, prev.start, "entity", prev)


def _described_or_group(body: str, best: Subject, entity: Entity, clause: int, cue_start: int,
                        entities: list[Entity]) -> Subject | None:
    """The speaker when the entity before the verb only qualifies it: a description of someone named
    before ("Eks gelandang Arsenal tersebut"), or people of or near someone or somewhere; else None."""
    pointer = _POINTER_AFTER.match(body, best.start + len(best.text), cue_start)
    if pointer is not None and entity.label != "PERSON":
        # "Eks gelandang Arsenal tersebut mengungkapkan": a description of someone named before
        lead = skip_space(body, clause)
        described = description_subject(body, body[lead : pointer.end()], lead, entities)
        if described is not None:
            return described
    phrase = body[clause:cue_start]
    if entity.label == "ORG" and (voice := named_voice(phrase.strip())) is not None:
        # "A spokeswoman with OPPD said": the body speaks, through its voice
        return Subject(voice[0], skip_space(body, clause), "noun")
    if (who := _WHO.search(phrase)) is not None:
        phrase = phrase[: who.start()]  # "A senior U.S. official who spoke on condition of anonymity said"
    lead_words = body[clause : best.start].casefold().split()
    if entity.label == "PERSON" and len(lead_words) == 2 and another_one(lead_words):
        return None  # "Petani lain Suryo juga menuturkan": one more of them, and this is his name
    if anonymous(body[clause : best.start]) or someone_of(phrase) or (
            # "Another analyst, who …, said": the recogniser took the indefinite for a name
            entity.text.casefold() in resources.words("indefinites.txt")
            and anonymous(body[best.start : cue_start])) or (
            entity.label == "PLACE" and group_of_place(
            body[clause : best.start], body[best.start + len(best.text) : cue_start])):
        # "sumber terdekat Beyonce membantah", "Warga Palestina menilai", "Middle East
        # observers say": people of or near someone or somewhere, named by no name
        lead = skip_space(body, clause)
        return Subject(body[lead:cue_start].rstrip(), lead, "anonymous")
    return None


def _named_head(body: str, relative: int, lo: int, floor: int, entities: list[Entity]) -> Subject | None:
    """The name the recogniser missed right before a relative clause about its bearer, opening its
    clause: "Lowes" in "Lowes yang merupakan pebalap Honda mengatakan" (the clause's names are its
    complements); not "Warga yang …", nor the owner in "tulisan tangan Budi yang merinci …"."""
    named = name_before(body, relative, lo)
    if (named is None or named.start + len(named.text) != relative or entity_at(entities, named.start) is not None
            or not all(map(name_words.is_name_like, named.text.split()))):
        return None
    opening = max(body.rfind(",", floor, named.start), body.rfind(". ", floor, named.start), floor - 1) + 1
    return named if not body[opening : named.start].strip() else None


def _unnamed_head(body: str, relative: int, cue_start: int, lo: int, entities: list[Entity]) -> Subject | None:
    """"kabar yang beredar di forum Kaskus menyebutkan", "Warga yang tinggal di Cirebon mengaku": a
    noun phrase naming no one opens the clause and the relative clause describes it; the names in
    the clause are where it was or whom it concerns, the speaker is the phrase (anonymous, or the
    person a description points back at)."""
    noun = noun_subject(body, relative, lo) or _head_noun(body, relative, lo)
    if noun is None or gives_nickname(body[relative:cue_start]) or not (
            noun.text[:1].islower() or _common_opener(noun.text.split()[0])):
        return None
    if any(True for _ in starting_in(entities, noun.start, relative)):
        return None  # a name in the head ("Budi yang …") is _named_head's
    if anonymous(noun.text):
        return Subject(noun.text, noun.start, "anonymous")
    return description_subject(body, noun.text, noun.start, entities) or noun


def _head_noun(body: str, relative: int, lo: int) -> Subject | None:
    """One person or body noun opening the clause ("Sementara itu, warga yang …"), which
    noun_subject leaves alone (one lower-case word before a verb is seldom a speaker)."""
    clause = skip_space(body, max(body.rfind(",", lo, relative), body.rfind(".", lo, relative), lo - 1) + 1)
    word = body[clause:relative].strip()
    return Subject(word, clause, "noun") if word and " " not in word and _common_opener(word) else None


def _common_opener(word: str) -> bool:
    """A word naming a kind of person or body, or a title ("warga", "Officials"): a common noun, no name."""
    low = word.casefold()
    return is_person_noun(low) or is_body_noun(low) or low in name_words.title_words()


_WHO = re.compile(r"\s(?:who|yang)\s")  # the relative clause describing an unnamed speaker
_POINTER_AFTER = re.compile(r"\s+(?:tersebut|ini|itu)\b")


@cache
def _relative() -> re.Pattern[str]:
    """A relative word ("yang", "who", "selaku": report_appositives.tsv) opening the clause before a verb."""
    return re.compile(rf"(?:,\s+|\s+)(?:{either(flagged('report_appositives.tsv', 'relative'))})\s+[^,]*$")


def _first_conjunct(body: str, subject: Subject, entities: list[Entity], lo: int) -> Subject:
    """"Amerika Serikat dan Ukraina mengatakan", "Amerika Serikat, Australia dan Jepang meminta":
    the speaker is the first of the pair or list. A name closed by commas on both sides is an
    appositive, not the last of a list: in "Manajer Regional Jawa Bagian Barat, Eko Santoso,
    menjelaskan" Eko speaks, whatever the recogniser took "Bagian Barat" for."""
    first = subject
    appositive = body[subject.start + len(subject.text) :].lstrip(" ")[:1] == ","
    # bisection: a scan of all per subject was quadratic; walked back from the subject
    for e in reversed(list(starting_in(entities, lo, subject.start))):
        if e.end > first.start:
            continue
        between = body[e.end : first.start]
        same_kind = subject.entity is not None and e.label == subject.entity.label
        # "X dan Y", "X and Y", "X, Y", "X, Y dan Z" — and a running ticket written "X-Y": the first speaks.
        if not same_kind or not _CONJUNCTION.fullmatch(between) or (
                appositive and first is subject and between.strip() == ","):
            break
        first = Subject(body[e.start : subject.start + len(subject.text)], e.start, "entity", e)
    return first


_CONJUNCTION = re.compile(r"\s*(?:dan|and|&|,|,\s*dan|,\s*and|-|–|/)\s*")


def sentence_of(sentences: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    """The sentence (in order, not overlapping) holding ``pos``, or the empty span at ``pos``."""
    i = bisect_right(sentences, (pos, float("inf"))) - 1
    if i >= 0 and sentences[i][0] <= pos < sentences[i][1]:
        return sentences[i]
    return pos, pos


def inside(spans: list[Candidate], pos: int) -> bool:
    return any(c.start <= pos < c.end for c in spans)
