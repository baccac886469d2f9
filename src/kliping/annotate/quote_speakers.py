"""A quotation's attributed mention → who speaks, in the article's order. Names resolve to canonical
entity names, completed from the article's own words (annotate/naming.py, annotate/speakers.py); a
role to the person the article introduced with it ("Presiden Rusia" → Vladimir Putin), else the
role; a body's voice to the body ("a WeWork spokesperson" → WeWork). "ia", "he", "-nya" and a
quotation with no mention stand for the person the narrative since the last quotation turned to,
else (for "he", "she") the person it named just before, else the person quoted last — which is why
the speakers are resolved in order, remembering turns. "It" and an unmatched "the company" stand
for the body the passage opened a sentence with; a country's short form ("The US") speaks itself, and
so do the police ("Police said": the force the article names, else "Nigerian police" as written) and a
place's body named by what it is ("Kenya's health ministry", as written).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable

from kliping import datelines, resources
from kliping.annotate import aliases, body_voices, english_roles, genders, name_words, naming, speakers, subjects
from kliping.annotate.cues import Candidate, Subject
from kliping.annotate.descriptions import (
    DESCRIPTION_REACH,
    description_subject,
    is_body_noun,
    is_person_noun,
    named_voice,
    someone_of,
)
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
        self.last_body: tuple[str, int] | None = None  # the last body that spoke, and where its words end

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
            if s.kind in ("noun", "anonymous") and (named := _named_by_name(self.body, s, self.entities)) is not None:
                speaker, is_person = named, True  # "Seorang pedagang bernama Budi Santoso mengatakan": Budi Santoso
            elif s.kind in ("noun", "anonymous") and (force := body_voices.force_speaker(s, self.entities)) is not None:
                speaker = force  # "Police said", "the police said", "Nigerian police said": the force, not no one
            elif s.kind in ("noun", "anonymous") and (
                    voiced := body_voices.described_body_voice(s, self.entities)) is not None:
                speaker = voiced  # "a department spokesperson said": the department the article named
            elif s.kind in ("noun", "anonymous") and self.last_body is not None and body_voices.the_voice(s):
                speaker = self.last_body[0]  # "An Environment Agency spokesperson said … “…,” the spokesperson said"
            elif (s.kind == "anonymous" or (s.kind == "noun" and someone_of(s.text))) and (
                    later := english_roles.named_later(self.body, s, self.entities)):
                speaker, is_person = later, True  # "a Ukrainian military official said" in the lead, named after it
            elif s.kind == "anonymous":
                self.last_person = None  # named by no name: the speaker stays unknown, and so do its "ia", "-nya"
            elif s.kind == "signed":
                speaker, is_person = s.text, True  # as signed: "Budi S.", a reviewer's "Man**"
            elif (s.kind != "implicit" and (role := english_roles.role_of(self.body, s)) is not None
                  and ((holder := english_roles.holder(self.body, role, self.entities)) is not None or role.owners)):
                # "The mayor of Lindenport said", "the governor", "Premier said": the person the
                # article introduced with that role, not the role's place nor no one; a role of a
                # place or body the article names no one with ("the mayor of Wilmington") is
                # someone unnamed — not the place, nor the last person quoted
                speaker, is_person = holder, holder is not None
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
            elif s.entity is not None and (owned := body_voices.owned_body(self.body, s.entity)) is not None:
                speaker = owned  # "Indonesia's consumer protection agency said": the agency, not the country
            elif s.entity is not None:
                speaker, is_person = _entity_speaker(self.body, s, s.entity, self.entities)
            else:
                speaker, is_person = _mentioned_speaker(self.body, s, self.entities, self.known)
                if speaker is None and _points_at_body(s.text):
                    # "It said …", "according to the agency": the body the passage is about
                    speaker = body_pointed_at(self.body, self.sentences, self.entities, s.start,
                                              s.text.casefold() == "it")
                    speaker = speaker or body_named_after(s.text, s.start, self.entities)
                if speaker is None and s.text.casefold() == "it" and self.last_body is not None and (
                        s.start - self.last_body[1] < MAX_IT_BODY_GAP):
                    # "…, the disaster agency said. So far, it said, …": "it" goes on with the body that just spoke
                    speaker = self.last_body[0]
        if speaker is not None and speaker.startswith("@"):
            # "kata @budi_santoso_": the account of a person the article names, else the account
            speaker = speakers.person_of_handle(speaker, self.people) or speaker
        if speaker is not None and speaker.startswith("the "):
            # "dirilis oleh the Federal Aviation Administration": "the" in lower case opens no name
            speaker = speaker[4:]
        if speaker is not None and not speaker.startswith("The ") and speaker in self._with_article():
            speaker = "The " + speaker  # "according to The Wrap": the "The" is the name's
        if speaker is not None and is_person and " " not in speaker:
            speaker = _holder_of_titled_place(self.body, speaker, c.start, self.entities) or speaker
        if speaker is not None and is_person:
            speaker = speakers.one_of_pair(speaker, s.entity.text if s is not None and s.entity else None, self.people)
        if speaker is not None and is_person and name_words.holds_name_word(speaker):
            self.last_person = speaker
        self.anonymous_last = (s is not None and s.kind == "anonymous" or unnamed
                               or (self.anonymous_last and speaker is None))
        self.last_end = max(self.last_end, c.end)
        if speaker is not None and not is_person:
            self.last_body = (speaker, c.end)
        elif speaker is not None or (s is not None and s.kind == "anonymous"):
            self.last_body = None  # someone else spoke since: "it" no longer goes on with the body
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
        if s.kind == "pronoun" and turned not in (None, speakers.UNNAMED) and any(
                e.label != "PERSON" and e.canonical.startswith(turned) for e in self.entities) and all(
                p.canonical != turned for p in self.people):
            # "he", "ia": a person, never the company ("Millbrook Tubes" of "Millbrook Tubes Holdings
            # Limited") the sentence before was about
            turned = None
        if turned == speakers.UNNAMED:  # "Seorang karyawan … mengaku …" “…,” ungkapnya.
            self.last_person, unnamed = None, True
        else:
            gendered = s.kind == "pronoun" and genders.pronoun_gender(s.text) is not None
            speaker = (turned or (self._named_just_before(c, s) if gendered else None) or self.last_person
                       or (None if self.anonymous_last else _last_person_before(self.entities, s.start)))
        if s.kind == "pronoun" and genders.pronoun_gender(s.text):  # "she" is not the man named last
            speaker = genders.gendered(speaker, s.text, s.start, self.people, self._gender_evidence())
        return speaker, unnamed

    def _named_just_before(self, c: Candidate, s: Subject) -> str | None:
        """The person the narrative names last right before a "he"/"she" — in its own sentence or
        the one before, past the last quotation's sentence, outside any quotation, not as a
        possessor — when no sentence there is about anyone ("While the plan did not appeal to Jane Roe, an officer,
        she said …"; "…, as the novelist Jane Roe explained. “…,” she said"): the pronoun points at
        the one just named, not back past them at the person quoted before."""
        until = min(c.start, s.start)
        here = bisect_right(self.sentences, (until, len(self.body))) - 1
        floor = max(self.last_end, self.sentences[max(0, here - 1)][0] if here >= 0 else 0)
        last = bisect_right(self.sentences, (self.last_end - 1, len(self.body))) - 1
        if self.last_end and 0 <= last < here:
            # past the sentence of the last quotation too: its attribution ("said Roe, who backs
            # Lee") names who is with its speaker
            floor = max(floor, self.sentences[last][1])
        quoted = [(d.start, d.end) for d in self._direct if floor <= d.end and d.start < until]
        for e in reversed(self.people[: bisect_left(self.people, until, key=lambda x: x.start)]):
            if e.start < floor:
                return None
            if (e.end <= until and name_words.holds_name_word(e.canonical)
                    and not any(a <= e.start < b for a, b in quoted)
                    and not genders.POSSESSOR.match(self.body, e.end - 2, e.end + 2)):
                return e.canonical
        return None


def _entity_speaker(body: str, s: Subject, e: Entity, entities: list[Entity]) -> tuple[str | None, bool]:
    """(speaker, whether a person) for a mention the recogniser found (``e``)."""
    if (unit := _unit_before(body, e, entities)) is not None:
        return unit, False  # "Ombudsman RI menyatakan", "Korlantas Polri": the body, not its country or parent
    if e.label in ("PLACE", "ORG") and (person := name_words.person_after_place(e.text)) is not None:
        # "Kepala Dinas Perikanan Kabupaten Sukaraja Darmanto menyebut": the office's holder speaks
        return speakers.person_by_name(person, entities) or naming.full_name(body, person) or person, True
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


def _holder_of_titled_place(body: str, word: str, until: int, entities: list[Entity]) -> str | None:
    """"terang Kajari Sukabar" after "Kepala Kejaksaan Negeri (Kajari) Sukabar, Budi Santoso": a title
    and one word the recogniser took for a person (its canonical name ``word``), the word no one's
    name in the article, is the office the article introduced its holder with — the holder speaks,
    not the place, however the mention is reached (by name, by role, by "ia")."""
    if any(word in p.canonical.split() for p in entities if p.label == "PERSON" and p.canonical != word):
        return None  # "Kapolres Budi" after "Budi Santoso": the person's own name
    for e in entities:
        if e.label != "PERSON" or e.canonical != word or not e.text.endswith(word):
            continue
        titled = e.text
        if titled == word and (before := _TITLE_BEFORE.search(body, max(0, e.start - 30), e.start)) is not None and (
                before.group(1).casefold() in name_words.title_words()):
            titled = f"{before.group(1)} {word}"  # the title a separate mention: "[Kajari] [Sukabar]"
        holder = speakers.role_holder(body, titled, until, entities) if titled != word else None
        if holder is not None and holder != word:
            return holder
    return None


_TITLE_BEFORE = re.compile(r"(\w+) $")


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
    if (whole := body_voices.name_before_bracket(body, e.start, e.end, e.canonical, entities)) is not None:
        return whole
    m = _WORD_BEFORE.search(body, max(0, e.start - 40), e.start)
    if m is None:
        return None
    word = m.group(1)
    i = bisect_left(entities, m.end(1), key=lambda x: x.end)  # the entity ending at the word, if any
    owner = entities[i] if i < len(entities) and entities[i].end == m.end(1) else None
    # A title in capitals is no body's acronym ("Box CEO Aaron Levie", "the firm's CFO Ann Roe"):
    # the recogniser's ORG after it is the title holder, not a unit of a body called "CEO".
    if owner is None and len(word) > 2 and word.casefold() not in name_words.title_words() and (
            name_words.word_kind(word) == "name" or name_words.is_body_acronym(word)):
        return body[m.start(1) : e.end]  # not "A PGMOL": an initial or article names no body
    if owner is not None and owner.label == "ORG" and e.label == "PLACE":
        return body[owner.start : e.end]
    return None


def _mentioned_speaker(body: str, s: Subject, entities: list[Entity],
                       known: Callable[[], dict[str, str]]) -> tuple[str | None, bool]:
    """(speaker, whether a person) for a mention the recogniser did not find: a name, a role, a
    body, a noun phrase."""
    if s.kind == "noun" and (voice := named_voice(s.text)) is not None:
        return body_voices.voice_body(voice[1], entities), False  # "a WeWork spokesperson": the body speaks
    if s.kind == "noun" and body_voices.owned_description(s.text):
        return s.text, False  # "Kenya's health ministry said": the ministry as written, a body
    if s.kind in ("name", "noun") and (addressed := name_words.addressed_name(s.text)) is not None:  # "Mr Tunai said"
        return speakers.person_by_name(addressed, entities) or naming.full_name(body, addressed) or addressed, True
    if s.kind in ("name", "noun") and name_words.is_role(s.text):
        return speakers.role_speaker(body, s.text, s.start, entities)
    if s.kind == "name" and (name_words.is_institution(s.text) or name_words.is_acronym_body(s.text)):
        # "Kementerian Luar Negeri menegaskan": a body speaks
        return body_voices.name_before_bracket(body, s.start, s.start + len(s.text), s.text, entities) or s.text, False
    if aliases.is_country(s.text) and not body.startswith(("'s", "’s"), s.start + len(s.text)):
        # "The US welcomed …": a country by a short form the recogniser missed speaks like a body
        # (not one owning people named by no name: "China's health chiefs")
        return s.text, False
    if s.kind == "name":
        name = naming.unglued(body, naming.person_name(naming.past_portfolio(body, s.start, s.text)))
        if " " not in name and name != s.text and name not in known() and (
                holder := speakers.role_holder(body, s.text, s.start, entities)) is not None:
            # "terang Walikota Kotamobagu" after "Walikota Kotamobagu Drs. Budi Santoso": a title
            # and a place no table knows, which the article wrote before its holder's name, is
            # that role; the place is no one's name.
            return holder, True
        return speakers.person_by_name(name, entities) or naming.full_name(body, name) or name, True
    head = s.text.split()[0] if s.kind == "noun" and s.text.strip() else ""
    if head.islower() and is_body_noun(head):
        # "Dalam keterangannya, perusahaan menyebut …": Indonesian writes "the company" with no
        # article; a body noun opening the subject points back like "pihak perusahaan" does.
        found = description_subject(body, f"pihak {head}", s.start, entities)
        if found is not None and found.entity is not None:
            return found.entity.canonical, found.entity.label == "PERSON"
    if s.kind == "noun" and _people_of_a_place(s.text, entities):
        return None, False  # "Sukaraja harbour officials said": people named by no name, not their place
    # A noun phrase: a named person's short name ("Bishop"), or the body it names.
    speaker = speakers.person_by_name(s.text, entities)
    if speaker is not None:
        return speaker, True
    speaker = speakers.proper_name_in(body, s.text, known())
    return speaker, speaker in known().values()


def _people_of_a_place(text: str, entities: list[Entity]) -> bool:
    """A plural of people after capitalised words that name no body ("Sukaraja harbour officials",
    "Sukaraja forecasters"): the place or nationality says where they are from, and the gold guide's
    unnamed sources ("a U.S. official", "witnesses") name no one; "Google engineers" names Google."""
    words = text.split()
    if len(words) < 2 or not words[-1].islower() or not words[-1].endswith("s") or not is_person_noun(words[-1]):
        return False
    caps = [w for w in words[:-1] if w[:1].isupper() and w.casefold() not in ("the", "a", "an")]
    bodies = {w for e in entities if e.label == "ORG" for w in e.canonical.split()}
    return bool(caps) and not any(w in bodies or aliases.label_of(w) == "ORG" for w in caps)


def _points_at_body(text: str) -> bool:
    """Whether an English subject stands for a body named before: "it", or "the" and a body noun
    ("the company", "the agency"; resources/description_nouns.tsv)."""
    words = text.casefold().split()
    return words == ["it"] or (1 < len(words) <= 3 and words[0] == "the" and is_body_noun(words[-1]))


MAX_BODY_SENTENCES = 3  # sentences back that "it" may point across
MAX_IT_BODY_GAP = 400  # characters from a body's report to an "it said" that goes on with it
_OWNS = ("'s", "’s")


def body_pointed_at(body: str, sentences: list[tuple[int, int]], entities: list[Entity], pos: int,
                    pronoun: bool) -> str | None:
    """The body an "it" (``pronoun``) or a "the company" at ``pos`` stands for, when nothing
    named before matched it: the latest body that stands in the phrase opening its sentence
    ("Marlow Industries confirmed …. In a statement, it said …"; "Shares of Corvane fell ….
    The company expects …, it said"), or a place that is a sentence's subject ("Russia said ….
    It added …"). "It" looks a few sentences back, a description as far as any (descriptions.py).
    Never an outlet or wire credited with the story, nor a person's full name the recogniser
    took for a body."""
    here = bisect_right(sentences, (pos, len(body))) - 1
    floor = pos - DESCRIPTION_REACH
    if pronoun:
        floor = sentences[max(0, here - MAX_BODY_SENTENCES)][0] if here >= 0 else 0
    lead = datelines.lead_end(body)
    outlets = datelines.known_outlet_names()
    for e in reversed(entities[: bisect_left(entities, pos, key=lambda x: x.start)]):
        if e.start < floor:
            return None
        if (e.label not in ("ORG", "PLACE") or e.end > pos or e.start < lead or _not_prose(body, e.start)
                or e.canonical.casefold() in outlets
                or e.text.casefold() in outlets or _person_shaped(e.text) or body.startswith(_OWNS, e.end)):
            continue  # "Indonesia's fisheries minister was arrested …": the country owns the subject, it is not it
        s_start = sentences[max(0, bisect_right(sentences, (e.start, len(body))) - 1)][0]
        prefix = body[s_start : e.start]
        if (e.label == "ORG" and _opening_phrase(prefix)) or subjects.opens_sentence(prefix):
            return e.canonical
    return None


def _not_prose(body: str, pos: int) -> bool:
    """Whether ``pos`` lies in a dateline opening its paragraph ("PALU, Indonesia: …"; the body's
    first paragraph may be a caption), or in a line that is no sentence — a photo's caption or a
    related headline left in the body ("Indonesia tsunami mosque"): no subject stands there."""
    line = body.rfind("\n", 0, pos) + 1
    end = body.find("\n", pos)
    last = body[line : len(body) if end < 0 else end].rstrip()[-1:]
    return (pos - line < datelines.REACH and pos < datelines.lead_end(body, line)) or last not in ".!?\"”'’)"


def body_named_after(text: str, pos: int, entities: list[Entity]) -> str | None:
    """"…, the disaster agency said." in a wire lead, the body named in full only further down ("The
    head of the National Disaster Management Agency …"): the first body after it, within reach, whose
    name holds every modifier of the description ("disaster"; "anti-corruption" → "corruption"; not a
    short prefix, nor an owner "country's") — not its head noun alone, which every agency shares."""
    words = [w for w in re.split(r"[\s-]+", text.casefold())[1:-1] if len(w) > 4 and not w.endswith(_OWNS)]
    if not words:
        return None
    for e in entities[bisect_right(entities, pos, key=lambda x: x.start):]:
        if e.start > pos + DESCRIPTION_REACH:
            break
        if e.label == "ORG" and set(words) <= set(re.split(r"[\s-]+", e.canonical.casefold())):
            return e.canonical
    return None


def _opening_phrase(prefix: str) -> bool:
    """Whether a body after ``prefix`` stands in its sentence's opening noun phrase, before any
    verb: "Shares of [Corvane] fell …", "The chief of [Acme] said …" — only capitalised and
    function words before it."""
    stops = resources.words("stopwords.txt")
    words = prefix[datelines.lead_end(prefix):].split()
    return not any(c in prefix for c in ",“\"") and all(w[:1].isupper() or w.casefold() in stops for w in words)


def _person_shaped(text: str) -> bool:
    """A given and a family name ("Nadia Brandt"), not a body's name with its head ("Marlow Industries")."""
    return name_words.is_full_name(text) and not any(map(name_words.is_body_head, text.split()))


def _points_back(s: Subject) -> bool:
    """Whether a speaker's mention is a description pointing back at someone named before
    ("pemain asal Wamena itu", "pria asal Tabanan"), not a name."""
    assert s.entity is not None
    words = s.text.split()
    return s.text != s.entity.text and (words[-1].lower() in resources.words("report_demonstratives.txt")
                                        or words[0].islower() and is_person_noun(words[0]))


_NAMED = re.compile(r"\s(?:bernama|named|called)\s+$")


def _named_by_name(body: str, s: Subject, entities: list[Entity]) -> str | None:
    """The person an unnamed description names at its end: "seorang pedagang bernama Sukirno",
    "a resident named Ann Roe"."""
    end = s.start + len(s.text)
    person = next((e for e in entities if e.label == "PERSON" and s.start < e.start and e.end == end), None)
    if person is None or not _NAMED.search(body, s.start, person.start):
        return None
    return person.canonical


def _last_person_before(entities: list[Entity], pos: int) -> str | None:
    people = [e for e in entities if e.label == "PERSON" and e.end <= pos and name_words.holds_name_word(e.canonical)]
    return people[-1].canonical if people else None
