"""An article's person mentions, set right in place: canonical names completed from the article's
own words (annotate/naming.py), and the recogniser's usual slips undone — a dateline glued to the
first name, a role or a body's name glued to a person's, a person taken for a place or a body, a
place's last word taken into a name. The nicknames and acronyms an article defines are
annotate/short_forms.py's.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

from kliping import datelines, resources
from kliping.annotate import aliases
from kliping.annotate.name_words import (
    is_body_head,
    is_full_name,
    is_institution_head,
    is_name_word,
    is_place_head,
    name_heads,
    opens_name,
    title_words,
    word_kind,
)
from kliping.annotate.naming import CAP, MAX_NAME_WORDS, after_rank, full_name, person_name, unglued
from kliping.clean_headlines import is_title_cased
from kliping.model import Entity


def complete(body: str, mentions: list[Entity]) -> None:
    """Canonical names of PERSON mentions completed in place (the nicknames and acronyms the
    article defines are annotate/short_forms.py's)."""
    _people_taken_for_bodies(body, mentions)
    _bodies_split_at_dan(body, mentions)
    people = [m for m in mentions if m.label == "PERSON"]
    _places_split_off(body, mentions, people)
    written = _written_endings(people)
    spans = {m.text for m in people}
    for m in people:
        if aliases.canonical(m.text, "PERSON"):
            continue  # the alias table names this one already
        _drop_glued_word(m, written)
        words = m.canonical.split()
        if len(words) == MAX_NAME_WORDS + 1 and m.canonical in spans and (
                all(map(is_name_word, words)) or after_rank(body, m.start)):
            continue  # "Aung San Suu Kyi", "Kombes Ade Ary Syam Indradi": the recogniser's own four-word name
        as_written = m.text.split()
        if (len(words) > len(as_written) and len(as_written) <= MAX_NAME_WORDS and all(map(is_name_word, as_written))
                and "".join(words).casefold() == "".join(as_written).replace("-", "").casefold()):
            continue  # "Clement Lee Hing-nin", "Alvin Tso Ka-wai": three written words, the rest made by hyphens
        m.canonical = unglued(body, person_name(m.canonical))
        fuller = full_name(body, m.canonical)
        if fuller and not _only_own_context(body, m, fuller):
            m.canonical = fuller
    _people_taken_for_places(mentions, people)
    _bodies_named_by_people(body, mentions, people)
    _people_ending_bodies(mentions, people)
    _headline_words_dropped(body, [m for m in mentions if m.label == "PERSON"])
    _misspellings_joined([m for m in mentions if m.label == "PERSON"])
    _clipped_given_names_joined([m for m in mentions if m.label == "PERSON"])


def _headline_words_dropped(body: str, people: list[Entity]) -> None:
    """A headline capitalises every word, so the recogniser glues the word after a name in it to
    the name: "Ngambek, Siti Badriah Takut Di-bully …", "Saat NIK Jokowi Bocor…" (the headline's
    verb). A person's name written only in title-cased lines, whose last word is an ordinary word
    (no name word, or one the article also writes in lower case: "takutnya", "membantah") and whose
    other words the article writes outside those lines, is those other words: in place. A name
    the article writes in a sentence too is left alone, and so is a family name ("Sri Mulyani
    Indrawati" in the headline, "Sri Mulyani" below): no lower-case use makes it an ordinary word."""
    glued = {m.canonical for m in people if " " in m.canonical}
    if not glued:
        return
    titled = _TitleCasedLines(body)
    shorter: dict[str, str] = {}
    for name in glued:
        head, _, last = name.rpartition(" ")
        if (titled.only_in(name) and not titled.only_in(head)
                and (not is_name_word(last) or _lower_case_use(body, last))):
            shorter[name] = head
    for m in people:
        m.canonical = shorter.get(m.canonical, m.canonical)


class _TitleCasedLines:
    """The body's title-cased lines (its headline, captions), each line judged when a name is first
    found in it: judging every line read every word of the body, a fifth of completing names
    (measured), where a name is mostly found first in a line of prose and so judged in one or two."""

    def __init__(self, body: str) -> None:
        self.body = body
        self.lines = body.split("\n")
        self.starts = list(accumulate((len(line) + 1 for line in self.lines), initial=0))
        self.judged: dict[int, bool] = {}  # a line's number → whether it is title-cased

    def only_in(self, text: str) -> bool:
        """Whether every use of ``text`` in the body (and there is one) stands inside a title-cased line."""
        body, starts = self.body, self.starts
        at, seen = body.find(text), 0
        while at >= 0 and seen < MAX_USES_READ:
            k = bisect_right(starts, at) - 1  # the line holding ``at`` (or ending at it, on its line break)
            titled = self.judged.get(k)
            if titled is None:
                line = self.lines[k]
                titled = self.judged[k] = bool(line.strip()) and is_title_cased(line.split())
            if not titled or at >= starts[k] + len(self.lines[k]):
                return False
            at, seen = body.find(text, at + 1), seen + 1
        return seen > 0


MAX_USES_READ = 200  # a name repeated more often is written outside headlines anyway


def _lower_case_use(body: str, word: str) -> bool:
    """Whether the article writes ``word`` in lower case, alone or with an affix ("takutnya",
    "membantah"): an ordinary word (a name is capitalised wherever it stands)."""
    return len(word) > MIN_AFFIXED and word.casefold() in body


MIN_AFFIXED = 3  # a shorter word sits inside too many others ("Ali" in "kali")


def _only_own_context(body: str, m: Entity, fuller: str) -> bool:
    """Whether the fuller name is only this two-word-or-longer mention with the words the
    recogniser left out right before it ("Kepala BPBD [Cianjur] Hendra Gunawan": a place), written
    nowhere else: the model's boundary stands. A fuller name written elsewhere completes it."""
    if " " not in m.canonical or not fuller.endswith(m.canonical):
        return False
    if all(map(opens_name, fuller[: -len(m.canonical)].split())):
        return False  # "[Lalu] Muhammad Iqbal": a word that opens a name, which the recogniser reads as "then"
    at = body.find(fuller)
    return 0 <= at < m.start and body.find(fuller, at + 1) < 0 and at + len(fuller) == m.end


def cut_datelines(body: str, mentions: list[Entity]) -> None:
    """A person mention that opens the body across its dateline ("Rimanews - Miley Cyrus siap …",
    "JAKARTA – Budi Santoso …", grown there after the recogniser's spans were cut) is the person after
    it: in place."""
    lead = datelines.lead_end(body)
    for m in mentions:
        if m.label == "PERSON" and m.start < lead < m.end:
            m.text, m.start = body[lead:m.end], lead
            m.canonical = m.text


def _people_taken_for_bodies(body: str, mentions: list[Entity]) -> None:
    """An organisation that opens with a person's title and ends with a full name is that
    person with their role: "CEO Creative Media Works Matthew Talbot" → Matthew Talbot; so is one
    whose first words the article writes alone as the body's name ("EV Hive Carlson Lau", with
    "EV Hive" elsewhere)."""
    written_twice: dict[str, bool] = {}  # each lead counted once; past MAX_LEADS_COUNTED, not at all
    for m in mentions:
        words = m.text.split()
        if m.label != "ORG" or len(words) < 3:
            continue
        if words[0].casefold() in title_words():  # "Deputy Karen Oyelaran", "CEO Creative Media Works Matthew Talbot"
            name = person_name(m.text)
        else:
            lead = " ".join(words[:-2])
            if lead not in written_twice and len(written_twice) < MAX_LEADS_COUNTED:
                first = body.find(lead)
                written_twice[lead] = body.find(lead, first + 1) >= 0
            alone = lead.casefold() not in name_heads() and written_twice.get(lead, False)
            name = " ".join(words[-2:]) if alone else m.text
        if name != m.text and is_full_name(name) and not is_body_head(name.split()[-1]):
            m.label, m.canonical = "PERSON", name  # not "[People's] Liberation Army": a body's head ends it


# A body's name up to its inner "dan": a head ("Badan", "Kementerian", "Dinas"), capitalised words, "dan".
_BODY_BEFORE_DAN = re.compile(rf"(?<![\w-])(?P<lead>{CAP}(?: +{CAP}){{0,5}}) +dan +$")


def _bodies_split_at_dan(body: str, mentions: list[Entity]) -> None:
    """A body whose name joins two fields with "dan" ("Badan Siber dan Sandi Negara", "Dinas
    Perikanan dan Kelautan") comes out of the recogniser cut at "dan": its tail alone, taken for a
    person or place. A tail that is not a person's name (it holds a word names never hold), after
    a run opened by a body's head and "dan", is that body."""
    for m in mentions:
        if m.label == "ORG" or all(word_kind(w) == "name" for w in m.text.split()):
            continue
        # Only a mention written right after " dan " can end such a run: a string test before the regex,
        # which would be tried at each of the 80 characters before every mention.
        if not body[max(0, m.start - 80) : m.start].rstrip(" \n").endswith(" dan"):
            continue
        run = _BODY_BEFORE_DAN.search(body, max(0, m.start - 80), m.start)
        if run is None:
            continue
        words = run["lead"].split()
        # the head opens the run or follows a title ("Kepala Badan Riset dan …"); inside a name it
        # is not one: "Amerika Serikat dan Ukraina" are two countries
        head = next((i for i, w in enumerate(words) if is_institution_head(w)
                     and (i == 0 or words[i - 1].casefold() in title_words())), None)
        if head is not None and aliases.label_of(m.text) != "PLACE":
            m.label, m.canonical = "ORG", " ".join(words[head:]) + " dan " + m.canonical


def _places_split_off(body: str, mentions: list[Entity], people: list[Entity]) -> None:
    """A person mention whose first word ends the place written before it ("Walikota Jakarta
    [Utara Husein Murad]", with "Jakarta Utara" a place of the article) starts after it."""
    places = {aliases.key(m.text) for m in mentions if m.label == "PLACE" and " " in m.text}
    for m in people:
        words = m.text.split()
        before = body[max(0, m.start - 30) : m.start].split()
        if len(words) > 2 and before and aliases.key(f"{before[-1]} {words[0]}") in places:
            m.canonical = " ".join(words[1:])


def _people_ending_bodies(mentions: list[Entity], people: list[Entity]) -> None:
    """A place or organisation mention that ends with the full name of a person the article
    names is that person with their body before the name: "Kolla Education Prayudi Utomo"."""
    full = {m.canonical for m in people if " " in m.canonical}
    for m in mentions:
        if m.label != "PERSON" and " " in m.text:
            # the longest such name ("Kim Jong Un", not "Jong Un"): a set's order must not choose
            owner = max((name for name in full if m.text.endswith(" " + name)), key=lambda n: (len(n), n),
                        default=None)
            if owner is not None:
                m.label, m.canonical = "PERSON", owner


def _people_taken_for_places(mentions: list[Entity], people: list[Entity]) -> None:
    """A place or organisation that no table knows and that is a word of a person the article
    names ("Southgate" beside "Gareth Southgate") or their full name is that person: in place."""
    names = {w: m.canonical for m in people if len(m.canonical.split()) > 1 for w in m.canonical.split()}
    full = {aliases.key(m.canonical): m.canonical for m in people if " " in m.canonical}
    for m in mentions:
        if m.label == "PERSON" or aliases.label_of(m.text) is not None:
            continue
        if " " not in m.text and m.text in names:
            m.label, m.canonical = "PERSON", names[m.text]
        elif aliases.key(m.text) in full:  # "Gal Gadot" taken for a place, "Gadot" for a person
            m.label, m.canonical = "PERSON", full[aliases.key(m.text)]


def _bodies_named_by_people(body: str, mentions: list[Entity], people: list[Entity]) -> None:
    """A full name the recogniser took for a place or a body, and then called a person by one of
    its words: "Amalia Febe Venita Bangun" (taken for a body) … "tutur Febe"; "dr. Maya
    Kartikasari" (taken for a place) … "kata Maya". The one such name of the article holding the
    word (a body's name the article also writes alone cut off: "BigDish Ray Aditya Wong" … "kata
    Ray" is Ray Aditya Wong) is that person, and so are its one-word mentions. Two such names
    holding the word, or a name holding a title, a body's or place's word, leave it alone."""
    lone = {m.canonical for m in people if " " not in m.canonical}
    if not lone:
        return
    holders: dict[str, set[str]] = {}  # a one-word person → the names it is a word of
    named: dict[str, str] = {}  # such a mention's text → the person's name in it
    for m in mentions:
        if m.label == "PERSON" or " " not in m.text or not lone.intersection(m.text.split()):
            continue  # (the cheap test first: unglued reads the body)
        if aliases.label_of(m.text) is not None or is_place_head(m.text.split()[0]):
            continue  # (and never "Kabupaten Cempaka": a place by its head)
        name = named.get(m.text) or unglued(body, m.text)
        words = name.split()
        if len(words) > MAX_NAME_WORDS + 1 or not lone.intersection(words) or not _person_like(words):
            continue
        named[m.text] = name
        for w in lone.intersection(words):
            holders.setdefault(w, set()).add(name)
    owners = {w: next(iter(names)) for w, names in holders.items() if len(names) == 1}
    if not owners:
        return
    full = set(owners.values())
    for m in mentions:
        if m.label != "PERSON" and named.get(m.text) in full:
            m.label, m.canonical = "PERSON", named[m.text]
        elif m.label == "PERSON" and m.canonical in owners:
            m.canonical = owners[m.canonical]


def _person_like(words: list[str]) -> bool:
    """Words that may be one person's name: none a title, role, known place or body word, the
    last no body's head, and all names but one ordinary word at most ("Bangun", "Ray", "Maya")."""
    kinds = [word_kind(w) for w in words]
    return "stop" not in kinds and kinds.count("soft") <= 1 and not is_body_head(words[-1])


def _drop_glued_word(m: Entity, written: dict[str, set[str]]) -> None:
    """"Situasi Lorenzo" → "Lorenzo" when the article also writes "Lorenzo" (or "Jorge Lorenzo")
    without "Situasi"; a stop word never opens a name ("But Vaughan", "Bagi Miller")."""
    words = m.canonical.split()
    if len(words) < 2 or is_name_word(words[0]):
        return
    rest = aliases.key(" ".join(words[1:]))
    if words[0].casefold() in resources.words("stopwords.txt") or written.get(rest, set()) - {aliases.key(words[0])}:
        m.canonical = " ".join(words[1:])


def _written_endings(people: list[Entity]) -> dict[str, set[str]]:
    """Every ending of every person mention written (key) → the words written before it ("" for
    none): "Jorge Lorenzo" gives "lorenzo" → {"jorge"}, "jorge lorenzo" → {""}."""
    endings: dict[str, set[str]] = {}
    for m in people:
        words = aliases.key(m.text).split()
        for i in range(len(words)):
            endings.setdefault(" ".join(words[i:]), set()).add(words[i - 1] if i else "")
    return endings


MAX_LEADS_COUNTED = 200  # bodies' names looked for elsewhere in the text: each look reads the whole body
MIN_TYPO_WORD = 5  # shorter names differ by a letter and are other people ("Budi", "Budu")
MAX_RIVALS = 20  # names sharing a first letter worth comparing: a hostile page may write thousands


def _misspellings_joined(people: list[Entity]) -> None:
    """One person whose name the article misspells somewhere ("Irwansyah" … "kata Irmansyah",
    "Arifin" … "Arifi", "Victor" … "Viktor"): a name one letter away from another of the
    article's names, word for word, takes the fuller one (as a short form does), else the one
    written more often, else the one written first. Names are compared only with those sharing
    a long word's first letter, at most MAX_RIVALS of them (a misspelt first letter is rare):
    the work stays linear."""
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for i, m in enumerate(people):
        counts[m.canonical] = counts.get(m.canonical, 0) + 1
        first.setdefault(m.canonical, -i)
    if len(counts) < 2:
        return
    by_letter: dict[str, set[str]] = {}
    for name in counts:
        for word in name.split():
            if len(word) >= MIN_TYPO_WORD:
                by_letter.setdefault(word[0].casefold(), set()).add(name)
    better: dict[str, str] = {}
    for name in counts:
        rivals: set[str] = set()
        for word in name.split():
            near = by_letter.get(word[0].casefold(), set()) if len(word) >= MIN_TYPO_WORD else set()
            if len(near) <= MAX_RIVALS:  # a letter many names share tells too little to compare them all
                rivals |= near
        for other in sorted(rivals - {name}):
            if _one_letter_apart(name, other) and _rank(other, counts, first) > _rank(name, counts, first):
                better[name] = other
                break
    for m in people:
        m.canonical = better.get(m.canonical, m.canonical)


MIN_CLIPPED = 4  # letters of a clipped given name: "Sandi", "Anin"; shorter ones ("Ari", "He") open too many names


def _clipped_given_names_joined(people: list[Entity]) -> None:
    """A person called by the clipped opening of their given name ("Sandiaga Salahuddin Uno" …
    "ungkap Sandi", "Anindya Putri" … "kata Anin"), as Indonesian news often does: a one-word name
    that opens the first word of exactly one full name of the article, and is no whole word of any
    (then it is someone else's: "Budi" beside "Budi Santoso" and "Budiman Sudjatmiko")."""
    full = {m.canonical for m in people if " " in m.canonical}
    if not full:
        return
    words = {aliases.key(w) for name in full for w in name.split()}
    clipped: dict[str, str | None] = {}
    for m in people:
        short = m.canonical
        if " " in short or len(short) < MIN_CLIPPED or short in clipped:
            continue
        key = aliases.key(short)
        if key in words or aliases.label_of(short) is not None:
            clipped[short] = None
            continue
        owners = [name for name in full
                  if (first := aliases.key(name.split()[0])).startswith(key) and len(first) > len(key) + 1]
        clipped[short] = owners[0] if len(owners) == 1 else None
    for m in people:
        m.canonical = clipped.get(m.canonical) or m.canonical


def _rank(name: str, counts: dict[str, int], first: dict[str, int]) -> tuple[int, int, int]:
    """Fuller, then written more often, then written first: an article introduces a name
    right and misspells it later."""
    return len(name.split()), counts[name], first[name]


def _one_letter_apart(name: str, other: str) -> bool:
    """Whether ``name`` is ``other`` misspelt: the same words but one, which is one letter off
    (a long word); or, as one word, one letter off a word of ``other``."""
    words, full = name.casefold().split(), other.casefold().split()
    if len(words) == 1 and len(full) > 1:
        return any(_near(words[0], w) for w in full)
    if len(words) != len(full):
        return False
    diffs = [(a, b) for a, b in zip(words, full, strict=True) if a != b]
    return len(diffs) == 1 and _near(*diffs[0])


def _near(a: str, b: str) -> bool:
    """Edit distance exactly one between two long words."""
    if a == b or min(len(a), len(b)) < MIN_TYPO_WORD or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))
