"""A quotation's attributed mention → who speaks, in the article's order. Names resolve to canonical
entity names, completed from the article's own words (annotate/naming.py, annotate/speakers.py); a
role to the person the article introduced with it ("Presiden Rusia" → Vladimir Putin), else the
role; a body's voice to the body ("a WeWork spokesperson" → WeWork). "ia", "he", "-nya" and a
quotation with no mention stand for the person the narrative since the last quotation turned to,
else the person quoted last — which is why the speakers are resolved in order, remembering turns.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable

from kliping import resources
from kliping.annotate import aliases, genders, name_words, naming, speakers
from kliping.annotate.cues import Candidate, Subject
from kliping.annotate.descriptions import description_subject, is_body_noun, is_person_noun, named_voice
from kliping.model import Entity


class SpeakerTurns:
    """Resolves the quotations' speakers one after another (``speaker``), remembering what a
    pronoun needs: the last person quoted, whether the last speaker was named by no name, and
    where the last quotation ended."""

    def __init__(self, body: str, sentences: list[tuple[int, int]], entities: list[Entity],
                 direct: list[Candidate]) -> None:
        self.body, self.sentences, self.entities = body, sentences, entities
        self.people = [e for e in entities if e.label == "PERSON"]
        self._direct = direct
        self._known: dict[str, str] | None = None  # built on first use: most articles never need it
        self._genders: dict[str, list[tuple[int, str, int]]] | None = None  # likewise: only for "he", "she"
        self._names: frozenset[str] | None = None  # the recognised mentions' texts, on first use
        self._article_names: frozenset[str] | None = None  # names written "The X" mid-sentence, on first use
        self.last_person: str | None = None  # "ia", "he" and "-nya" stand for people, not for a ministry
        self.anonymous_last = False  # the last speaker was named by no name ("seorang juru bicara")
        self.last_end = 0

    def known(self) -> dict[str, str]:
        """Each word of a full name the article gives → that name (speakers.people_by_word)."""
        if self._known is None:
            self._known = speakers.people_by_word(self.people, naming.name_candidates(self.body))
        return self._known

    def _with_article(self) -> frozenset[str]:
        if self._article_names is None:
            self._article_names = speakers.names_with_article(self.body)
        return self._article_names

    def _gender_evidence(self) -> dict[str, list[tuple[int, str, int]]]:
        if self._genders is None:
            quoted = sorted((c.start, c.end) for c in self._direct)
            self._genders = genders.genders(self.body, self.sentences, self.people, quoted)
        return self._genders

    def speaker(self, c: Candidate) -> str | None:
        """Who speaks the words of ``c`` (a canonical name, a body or a role), or None."""
        s = c.subject
        speaker: str | None = None
        is_person = unnamed = False
        if s is not None:
            if s.kind == "anonymous":
                self.last_person = None  # named by no name: the speaker stays unknown, and so do its "ia", "-nya"
            elif s.kind == "signed":
                speaker, is_person = s.text, True  # as signed: "Budi S.", a reviewer's "Man**"
            elif s.kind in ("pronoun", "clitic", "implicit"):
                speaker, unnamed = self._by_turn(c, s)
                is_person = True
            elif s.entity is not None and _points_back(s) and (turned := self._turned_to(c, s)) is not None:
                # "“…,” ucap pemain asal Wamena itu": a description closing the attribution
                # points at the person the narrative since the last quotation turned to
                # ("Bek Perseka, Yanuar Tabuni, mengaku …"), before anyone named more often.
                if turned == speakers.UNNAMED:
                    self.last_person, unnamed = None, True
                else:
                    speaker, is_person = turned, True
            elif s.entity is not None and (named := self._family_name(s.entity)) is not None:
                speaker, is_person = named, True
            elif s.entity is not None:
                speaker, is_person = _entity_speaker(self.body, s, s.entity, self.entities)
            else:
                speaker, is_person = _mentioned_speaker(self.body, s, self.entities, self.known)
        if speaker is not None and not speaker.startswith("The ") and speaker in self._with_article():
            speaker = "The " + speaker  # "according to The Wrap": the "The" is the name's
        if speaker is not None and is_person:
            speaker = speakers.one_of_pair(speaker, s.entity.text if s is not None and s.entity else None, self.people)
        if speaker is not None and is_person and name_words.holds_name_word(speaker):
            self.last_person = speaker
        self.anonymous_last = (s is not None and s.kind == "anonymous" or unnamed
                               or (self.anonymous_last and speaker is None))
        self.last_end = max(self.last_end, c.end)
        return speaker

    def _family_name(self, e: Entity) -> str | None:
        """"McAllister said" after "said Dr. Fiona McAllister": one word the recogniser took for a
        body or place that is the family name of the one person the article names in full with it
        (a given name first) is that person, whatever label either mention got."""
        if e.label == "PERSON" or " " in e.text or aliases.label_of(e.text) is not None:
            return None
        full = self.known().get(e.text)
        words = full.split() if full is not None else []
        if self._names is None:
            self._names = frozenset(x.text for x in self.entities)
        # the full name a mention the recogniser found (not a run glued over a sentence's end, "4K. Google")
        return full if len(words) > 1 and words[-1] == e.text and name_words.is_name_like(words[0]) and (
            full in self._names) else None

    def _turned_to(self, c: Candidate, s: Subject, clitic: bool = False) -> str | None:
        """The person the narrative turned to between the last quotation and ``c``'s mention
        (speakers.introduced), or speakers.UNNAMED."""
        return speakers.introduced(self.body, self.sentences, self.people, self.known(), self.last_end,
                                   min(c.start, s.start), clitic)

    def _by_turn(self, c: Candidate, s: Subject) -> tuple[str | None, bool]:
        """(speaker, whether named by no name) for "ia", "he", "-nya" or no mention at all: the
        person the narrative since the last quotation turned to, else the person quoted last."""
        speaker, unnamed = None, False
        turned = self._turned_to(c, s, s.kind == "clitic")
        if turned == speakers.UNNAMED:  # "Seorang karyawan … mengaku …" “…,” ungkapnya.
            self.last_person, unnamed = None, True
        else:
            speaker = (turned or self.last_person
                       or (None if self.anonymous_last else _last_person_before(self.entities, s.start)))
        if s.kind == "pronoun" and genders.pronoun_gender(s.text):  # "she" is not the man named last
            speaker = genders.gendered(speaker, s.text, s.start, self.people, self._gender_evidence())
        return speaker, unnamed


def _entity_speaker(body: str, s: Subject, e: Entity, entities: list[Entity]) -> tuple[str | None, bool]:
    """(speaker, whether a person) for a mention the recogniser found (``e``)."""
    if (unit := _unit_before(body, e, entities)) is not None:
        return unit, False  # "Ombudsman RI menyatakan", "Korlantas Polri": the body, not its country or parent
    if (e.label in ("PLACE", "ORG") and not name_words.is_full_name(e.text)
            and (role_start := speakers.role_before(body, e)) < e.start):
        # "Menteri Luar Negeri Israel mengatakan": the role speaks — its holder, if named
        return speakers.role_speaker(body, body[role_start : e.end], role_start, entities)
    if not name_words.is_role(e.text):
        return e.canonical, e.label == "PERSON"
    if e.label == "PERSON" and e.canonical != e.text:
        return e.canonical, True  # a role linked to the person it introduced
    # "kata Kasubdit Pembinaan": a role the recogniser took for a name
    return speakers.role_speaker(body, e.text, s.start, entities)


# The capitalised word right before a place or body, in the same clause: "Ombudsman [RI]".
_WORD_BEFORE = re.compile(r"(?:(?<=\s)|^)([A-Z][\w-]*) $")


def _unit_before(body: str, e: Entity, entities: list[Entity]) -> str | None:
    """A body named by its own word and the country or parent body it belongs to ("Ombudsman
    RI", "Korlantas Polri", "Komisi Pemberantasan Korupsi RI"), as written, when the recogniser
    found only the second part: the speaker is the body, not Indonesia or the national police.
    The word must be a name's or a body acronym's (not a title: "Presiden RI" is a role's, not
    an ordinary or function word: "Warga Jakarta", "Menurut RI"); before a place, a recognised
    body may stand instead ("KPK RI")."""
    if e.label not in ("PLACE", "ORG"):
        return None
    if (whole := _name_before_bracket(body, e.start, e.end, e.canonical, entities)) is not None:
        return whole
    m = _WORD_BEFORE.search(body, max(0, e.start - 40), e.start)
    if m is None:
        return None
    word = m.group(1)
    i = bisect_left(entities, m.end(1), key=lambda x: x.end)  # the entity ending at the word, if any
    owner = entities[i] if i < len(entities) and entities[i].end == m.end(1) else None
    if owner is None and len(word) > 2 and (name_words.word_kind(word) == "name" or name_words.is_body_acronym(word)):
        return body[m.start(1) : e.end]  # not "A PGMOL": an initial or article names no body
    if owner is not None and owner.label == "ORG" and e.label == "PLACE":
        return body[owner.start : e.end]
    return None


def _name_before_bracket(body: str, start: int, end: int, name: str, entities: list[Entity]) -> str | None:
    """The body whose name a bracketed short form interrupts, when the mention is the name's rest
    ("Kepolisian Resor (Polres) [Bogor] menyatakan", "Fakultas Kedokteran (FK) Universitas
    Padjadjaran [(Unpad)] menyatakan"): the short form's mention carries the whole name
    (annotate/short_forms.py), which ends with this one; or the body's country follows it
    ("Kementerian Luar Negeri (Kemlu) [RI]"), no part of its name."""
    mention = start
    if body[start - 1 : start] == "(":  # a bracketed short form: its name is written before the bracket
        start -= 2 + len(name)
        if start < 0 or not body.startswith(name + " (", start):
            return None
    if body[start - 2 : start] != ") ":
        return None
    i = bisect_left(entities, start - 2, key=lambda x: x.end)  # the mention inside the bracket
    owner = entities[i] if i < len(entities) and entities[i].end == start - 2 else None
    tail = body[start:end] if start == mention else name
    if owner is None or owner.label != "ORG":
        return None
    # "Kementerian Luar Negeri (Kemlu) RI menyatakan": the country says whose body speaks
    return owner.canonical if owner.canonical.endswith(" " + tail) or aliases.is_country(tail) else None


def _mentioned_speaker(body: str, s: Subject, entities: list[Entity],
                       known: Callable[[], dict[str, str]]) -> tuple[str | None, bool]:
    """(speaker, whether a person) for a mention the recogniser did not find: a name, a role, a
    body, a noun phrase."""
    if s.kind == "noun" and (voice := named_voice(s.text)) is not None:
        return voice[1], False  # "a WeWork spokesperson": the body speaks through its voice
    if s.kind in ("name", "noun") and name_words.is_role(s.text):
        return speakers.role_speaker(body, s.text, s.start, entities)
    if s.kind == "name" and (name_words.is_institution(s.text) or name_words.is_acronym_body(s.text)):
        # "Kementerian Luar Negeri menegaskan": a body speaks
        return _name_before_bracket(body, s.start, s.start + len(s.text), s.text, entities) or s.text, False
    if s.kind == "name":
        name = naming.unglued(body, naming.person_name(s.text))
        return speakers.person_by_name(name, entities) or naming.full_name(body, name) or name, True
    head = s.text.split()[0] if s.kind == "noun" and s.text.strip() else ""
    if head.islower() and is_body_noun(head):
        # "Dalam keterangannya, perusahaan menyebut …": Indonesian writes "the company" with no
        # article; a body noun opening the subject points back like "pihak perusahaan" does.
        found = description_subject(body, f"pihak {head}", s.start, entities)
        if found is not None and found.entity is not None:
            return found.entity.canonical, found.entity.label == "PERSON"
    # A noun phrase: a named person's short name ("Bishop"), or the body it names.
    speaker = speakers.person_by_name(s.text, entities)
    if speaker is not None:
        return speaker, True
    speaker = speakers.proper_name_in(body, s.text, known())
    return speaker, speaker in known().values()


def _points_back(s: Subject) -> bool:
    """Whether a speaker's mention is a description pointing back at someone named before
    ("pemain asal Wamena itu", "pria asal Tabanan"), not a name."""
    assert s.entity is not None
    words = s.text.split()
    return s.text != s.entity.text and (words[-1].lower() in resources.words("report_demonstratives.txt")
                                        or words[0].islower() and is_person_noun(words[0]))


def _last_person_before(entities: list[Entity], pos: int) -> str | None:
    people = [e for e in entities if e.label == "PERSON" and e.end <= pos and name_words.holds_name_word(e.canonical)]
    return people[-1].canonical if people else None
