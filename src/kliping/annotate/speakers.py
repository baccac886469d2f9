"""A speaker's mention → who speaks, by the article's own words: a person's short name ("Bishop"
→ the one Bishop named in full), the proper name inside a noun phrase ("the state-run Xinhua
News Agency"), and a role → the person the article introduced with it ("Bupati" after "Bupati
Kepulauan Seribu, Irwansyah"; "Menteri Luar Negeri Israel" when no one holds it by name), and
the person the narrative turned to, for a quotation's "ia", "he" or "-nya" (introduced). A "he" or
"she" is made to agree with what the article says of each person's gender in annotate/genders.py."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from kliping import resources
from kliping.annotate import aliases, name_words, naming, role_phrases, subjects
from kliping.annotate.attribution_names import PERSON_AFTER_CUE_REACH
from kliping.annotate.cue_neighbours import pronoun_at, skip_space
from kliping.annotate.cues import pronouns
from kliping.annotate.genders import POSSESSOR
from kliping.annotate.source_frames import media_noun, media_words
from kliping.annotate.speech import name_pattern
from kliping.model import Entity
from kliping.words import DOTTED_WORD


def role_before(body: str, entity: Entity) -> int:
    """Where the role written before a place or body begins ("Menteri Luar Negeri Israel",
    "pemerintah Iran"): the start of the title and organisation words right before it, or the
    entity's own start when there are none."""
    start = entity.start
    heads = name_words.title_words() | resources.words("ner_org_cues.txt")
    for m in reversed(list(DOTTED_WORD.finditer(body, max(0, entity.start - 60), entity.start))):
        if m.end() != start and body[m.end() : start].strip():
            break
        if m.group(0).casefold() not in heads or (entity.label == "ORG" and m.group(0).islower()) or (
                m.group(0).casefold() in media_words()):
            break  # "the group Doctors for Camp Closure", "perusahaan X", "Majalah Tempo": a class noun, not a role
        start = m.start()
    return start




def role_holder(body: str, role: str, until: int, entities: list[Entity]) -> str | None:
    """The person the article introduced with this role, last before ``until`` (else first after
    it): "Bupati Kepulauan Seribu, Irwansyah …" … "Diungkapkan oleh Bupati" → Irwansyah. Only
    capitalised words, titles and commas may stand between the role and the name."""
    found = _holder_of(body, _role_written(role), until, entities)
    other = role_phrases.other_form(role) if found is None else None
    # "Dirut IKT menyampaikan" after "Direktur Utama PT IKT Chiefy Adi K": the role written the
    # other way (abbreviated or in full), the body's name perhaps with more words
    return _holder_of(body, other, until, entities) if other is not None else found


@lru_cache(maxsize=4096)
def _role_written(role: str) -> re.Pattern[str]:
    """The role as a whole word, any case, its words perhaps in brackets where the article defines a
    short form ("Kepala Kejaksaan Negeri (Kajari) Sukabar, Budi" for "Kajari Sukabar"): compiled once
    per role in a process (roles recur across articles); bounded, so a long run's memory stays flat."""
    words = r"\)?\s+\(?".join(re.escape(w) for w in role.split())
    return re.compile(rf"(?<!\w){words}(?!\w)", re.IGNORECASE)


def _holder_of(body: str, role: re.Pattern[str], until: int, entities: list[Entity]) -> str | None:
    found = later = None
    for m in role.finditer(body):
        if found is not None and m.start() >= until or later is not None:
            break
        holder = _holder_after(body, m.end(), entities) or _holder_before(body, m.start(), entities)
        if holder is None:
            continue
        if m.start() < until:
            found = holder
        else:
            later = holder  # named with the role only after this mention: "CEO X … kata CEO X Budi"
    return found or later


def _holder_before(body: str, pos: int, entities: list[Entity]) -> str | None:
    """The person a role written at ``pos`` follows as an appositive: "AKP Boby Kusumawardhana,
    Kapolsek Tambun, mengatakan" … "kata Kapolsek"."""
    comma = body.rfind(",", max(0, pos - 3), pos)
    if comma < 0 or body[comma + 1 : pos].strip():
        return None
    i = bisect_left(entities, comma, key=lambda e: e.end)
    named = [e for e in entities[max(0, i - 3) : i + 3] if e.end == comma and e.label == "PERSON"]
    return named[0].canonical if named else None


def _holder_after(body: str, pos: int, entities: list[Entity]) -> str | None:
    """The person a role written at ``pos`` introduces: a recognised person or a name the
    recogniser missed ("CEO Creative Media Works Matthew Talbot")."""
    titles = name_words.title_words()
    first = bisect_left(entities, pos, key=lambda e: e.start)
    for e in entities[first:]:
        if e.start >= pos + PERSON_AFTER_CUE_REACH:
            break
        if e.label == "PERSON":
            # brackets may hold the role's short form: "Kepala Dinas Kesehatan (Kadiskes) Kota X, Budi"
            between = body[pos : e.start].replace(",", " ").replace("(", " ").replace(")", " ").split()
            # a body's name may open with a digit: "CEO 99.co Darius Cheung"
            if all(w[:1].isupper() or w[:1].isdigit() or w.strip(".").casefold() in titles for w in between):
                return e.canonical
            # someone named further on: the holder may be a name the recogniser missed ("jaksa
            # Irene Putri saat … terdakwa Wawan"), read below
            break
    name = name_pattern().match(body, skip_space(body, pos + (body[pos : pos + 1] == ",")))
    if name is None:
        return None
    person = naming.person_name(name.group(0))
    return person if len(person.split()) > 1 and name_words.is_name_like(person.split()[0]) else None


def role_speaker(body: str, role: str, start: int, entities: list[Entity]) -> tuple[str, bool]:
    """(speaker, whether a person) for a role: the person introduced with it, else the role."""
    holder = role_holder(body, role, start, entities)
    return (holder, True) if holder is not None else (role, False)


def person_by_name(name: str, entities: list[Entity]) -> str | None:
    words = set(name.split())
    people = [e.canonical for e in entities if e.label == "PERSON" and words <= set(e.canonical.split())]
    return people[-1] if people else None


def person_of_handle(handle: str, people: list[Entity]) -> str | None:
    """The person a social-media handle spells out ("@budi_santoso_" → "Budi Santoso"): one named
    in full whose name's letters the handle's letters open with. A handle that spells no one named
    ("@Mourinholic") stays as written."""
    letters = re.sub(r"[^a-z]", "", handle.casefold())
    owners = {e.canonical for e in people if " " in e.canonical and letters.startswith(
        re.sub(r"[^a-z]", "", e.canonical.casefold()))}
    return owners.pop() if len(owners) == 1 else None


_PROPER_RUN = re.compile(r"[A-Z][\w'’.&-]*(?: +(?:of|and|dan|for|[A-Z][\w'’.&-]*))*")


# Words that open a noun phrase before the name it holds ("pihak InTour Live", "laman X").
_PHRASE_OPENERS = frozenset({"pihak", "laman", "situs", "akun", "kantor", "state-run"})


def proper_name_in(body: str, phrase: str, known: dict[str, str]) -> str | None:
    """The proper name inside a noun-phrase subject: "the state-run Xinhua News Agency" →
    "Xinhua News Agency", "laman Lancashire Telegraph" → "Lancashire Telegraph"; a word of a
    person's full name stands for that person ("Doctor asks" → "Ken Doctor"). A phrase of
    ordinary words ("The report", "Pihak promotor", "Prosecutors") names no one: a one-word name
    must be written with its capital inside a sentence somewhere, and never in lower case."""
    medium = media_noun().search(phrase)
    if medium is not None and medium.group(0).split()[-1].islower() and (
            named := _PROPER_RUN.match(phrase, medium.end())) is not None:
        # "state broadcaster KBS", "Public broadcaster NHK", "state media CNA": the medium's name after
        # the noun saying what kind of medium it is, even one word the article writes nowhere else
        words = named.group(0).split()
        while words and words[-1][:1].islower():
            words = words[:-1]
        if words:
            return " ".join(words)
    best = ""
    for m in _PROPER_RUN.finditer(phrase):
        words = _past_owner(m.group(0).split())
        stops = resources.words("stopwords.txt")
        definite = phrase[: m.start()].rstrip().casefold().endswith("the") or words[0] == "The"
        while words and (words[0].casefold() in _PHRASE_OPENERS or (
                words[0].casefold() in stops and not (len(words[0]) > 1 and words[0].isupper()))):
            words = words[1:]  # "The", "Pihak" — not "Kementerian" or "Department", which name, nor "WHO"
        if len(words) == 1 and words[0] in known and name_words.is_name_like(known[words[0]].split()[0]):
            return known[words[0]]  # "Doctor says": the one Ken Doctor the article names in full
        acronym = phrase.strip() == words[0] and name_words.is_body_acronym(words[0]) if len(words) == 1 else False
        if len(words) == 1 and not name_words.is_name_like(words[0]) and aliases.label_of(words[0]) != "ORG" and not (
                definite and len(words[0]) > 3) and not acronym:
            # One ordinary word ("Prosecutors", "Laporan") names no one; "the Pentagon" does — if
            # the article never writes it in lower case (checked below) — and so does a body's
            # acronym alone ("Kemendag mengatakan", "TMZ melaporkan"; not "sejumlah LSM", a kind of body).
            words = []
        while words and words[-1][:1].islower():
            words = words[:-1]  # a name ends on a capitalised word, not on "of"
        if len(" ".join(words)) > len(best):
            best = " ".join(words)
    best = first_of_two_bodies(body, best)
    if not best or " " in best:
        return best or None
    if best in known:
        return known[best]
    if aliases.label_of(best) == "ORG":
        return best  # "The WHO said": a body the alias table knows, whatever "who" means in lower case
    proper = re.search(rf"[a-z,] {re.escape(best)}\b", body) is not None
    return best if proper and re.search(rf"\b{re.escape(best.lower())}\b", body) is None else None


_TWO_NAMES = re.compile(r" (?:and|dan|&) ")


def first_of_two_bodies(body: str, name: str) -> str:
    """Two names joined by "and" / "dan" as one source ("according to The Wrap and Deadline",
    "laporan Bank Indonesia dan LPPI"): the first, as the gold of every labelled set gives it —
    when each side is a name of its own (one the alias table knows, or one the article writes
    apart from the pair; the second may be an acronym). A body's own name joins its words the
    same way ("Customs and Border Protection", "Pusat Vulkanologi dan Mitigasi Bencana Geologi")
    and stays whole: the article never writes its halves alone."""
    sides = _TWO_NAMES.split(name)
    if len(sides) != 2 or not all(sides):
        return name
    rest = body.replace(name, " ")
    first, second = sides
    if _stands_alone(rest, first) and (_stands_alone(rest, second) or name_words.is_body_acronym(second)):
        return first
    return name


def _stands_alone(rest: str, name: str) -> bool:
    return aliases.label_of(name) is not None or re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", rest) is not None


def _past_owner(words: list[str]) -> list[str]:
    """A run of capitalised words holding a possessive: the person's full name after it ("NPR’s
    Emily Tran"), else the owner ("Eurogamer’s Stadia review" → "Eurogamer")."""
    owned = [i for i, w in enumerate(words[:-1]) if w[-2:] in ("'s", "’s")]
    if not owned:
        # "The Wrap’s report today claims": the run ends on its owner, who is the source
        return words[:-1] + [words[-1][:-2]] if words and words[-1][-2:] in ("'s", "’s") else words
    after = words[owned[-1] + 1 :]
    if len(after) > 1 and name_words.is_name_like(after[-1]):
        return after
    return words[: owned[-1]] + [words[owned[-1]][:-2]]


def names_with_article(body: str) -> frozenset[str]:
    """The names the article writes with a capital "The" after a lower-case word ("according to The
    Wrap", "said The We Company"), each as every run of its first words: mid-sentence, and not in a
    heading in title case, the article belongs to the name ("the Pentagon" keeps its own). One pass
    over the text, done once per article (annotate/quote_speakers.py)."""
    names: set[str] = set()
    at = body.find(" The ")
    while at >= 0:
        run = _ARTICLE_RUN.match(body, at + 5) if _LOWER_WORD_BEFORE.search(body, max(0, at - 30), at + 1) else None
        if run is not None:
            words = run.group(0).split()
            for k in range(1, len(words) + 1):
                last = words[k - 1].rstrip(".")  # "according to The Hollywood Reporter."
                last = last[:-2] if last[-2:] in ("'s", "’s") else last  # "The Wrap’s report"
                names.update((" ".join(words[:k]), " ".join(words[: k - 1] + [last])))
        at = body.find(" The ", at + 5)
    return frozenset(names)


MAX_ARTICLE_NAME_WORDS = 8
# a run of name words as _PROPER_RUN reads it, bounded: "of The of The …" must not run on to the end each time
_ARTICLE_RUN = re.compile(rf"[A-Z][\w'’.&-]*(?: +(?:of|and|dan|for|[A-Z][\w'’.&-]*)){{0,{MAX_ARTICLE_NAME_WORDS - 1}}}")
_LOWER_WORD_BEFORE = re.compile(r"(?:(?<![\w’'-])[a-z][\w’'-]*,?|[,;:(“\"])\s$")


def people_by_word(people: list[Entity], candidates: list[str]) -> dict[str, str]:
    """Each word of a full name the article gives (two words or more, recognised or written as a
    run of capitalised name words) → that name, for words that name one person only: "Stafford"
    → "Tom Stafford" when no other Stafford is named."""
    owners: dict[str, set[str]] = {}
    for name in [e.canonical for e in people] + candidates:
        words = name.split()
        if len(words) > 1:
            for w in words:
                if len(w) > 2:
                    owners.setdefault(w, set()).add(name)
    return {w: next(iter(names)) for w, names in owners.items() if len(names) == 1}


# The subject of a sentence that opens with a phrase before its comma: "Pakar keamanan siber dari
# Pusat Studi X, Budi Santoso, meragukan …", "Vance's lawyer, Michael Brennan, offered …",
# "Sementara, selaku penulis film itu, Ani Lestari menanggapi …", "Saat Budi tiba, Ani
# menyambutnya": the person right after the opening phrase's comma, followed by a lower-case
# word (the verb, or "yang" opening a clause about the person). Titles may stand before the
# name ("dr.", "Ustaz"), an age in brackets and one appositive after it.
MAX_LEAD_OPENING = 160  # characters of opening phrase before the subject
_AFTER_LEAD = re.compile(r"(?:\s*\(\d{1,3}\))?(?:,\s*[^,“”\"]{1,120}(?=,))?,?\s+(?P<word>[a-z]\w*)")
_TITLE_TOKEN = re.compile(r"\([A-Z][\w.-]*\)|[\w.’'-]+")
_LEAD_PASSIVE = re.compile(
    r"(?:(?:sendiri|pun|juga|telah|sudah|kemudian|lantas|akhirnya|also|later|then),?\s+)*"
    r"(?:di[a-z]{3,}|(?:was|were|is|are|has been|had been|have been)\s+(?:\w+\s+)?\w+(?:ed|en))\b")
_PAIR = re.compile(r"\s[-–/&]\s|\s(?:dan|and)\s")  # "Anies - Sandi", "Karena dan Katrina"


def lead_person(body: str, start: int, end: int, people: list[Entity], clitic: bool = False) -> str | None:
    """The person a sentence's main clause is about when an opening phrase and a comma stand
    before the name (see above); None when the sentence does not open that way, or when (for a
    "-nya" after a quotation, ``clitic``) the person only undergoes something ("Budi, warga
    setempat, ditangkap …")."""
    i = bisect_left(people, start, key=lambda e: e.start)
    if i < len(people) and POSSESSOR.match(body, people[i].end - 2, people[i].end + 2):
        i += 1  # "Vance's lawyer, Michael Brennan, offered …": the possessor is not the subject
    e = people[i] if i < len(people) else None  # only the sentence's first person: in "Saat Budi
    if e is None or e.start >= min(end, start + MAX_LEAD_OPENING):  # tiba, Ani …" no one is sure
        return None
    opening = body[start : e.start].rstrip()
    titles = name_words.title_words()
    # Past the person's titles and the body they hold them in: "…, dr. Fahmi", "Sementara, Ketua
    # Dewan Kehormatan Penyelenggara Pemilu (DKPP) Jimly …".
    while opening and not opening.endswith(",") and _TITLE_TOKEN.fullmatch(last := opening.rsplit(None, 1)[-1]) and (
            last[:1].isupper() or last[:1] == "(" or last.rstrip(".").casefold() in titles):
        opening = opening[: -len(last)].rstrip()
    # A sentence opening with the name is subjects.py's to read (it knows its passives).
    if not opening.endswith(",") or any(c in opening for c in "“”\"") or opening.count(",") > 3:
        return None
    if not name_words.holds_name_word(e.canonical) or not (" " in e.text or name_words.is_name_like(e.text)):
        return None
    if _PAIR.search(e.canonical):
        return None  # "Anies - Sandiaga memperoleh …": a ticket is two people; "-nya" is one
    after = _AFTER_LEAD.match(body, e.end, end)
    if after is None or after["word"] in ("dan", "and", "atau", "or") or after["word"] in pronouns():
        return None
    if clitic and _LEAD_PASSIVE.match(body, after.start("word"), end):
        return None
    return e.canonical


def introduced(body: str, sentences: list[tuple[int, int]], people: list[Entity], known: dict[str, str],
               since: int, until: int, clitic: bool = False) -> str | None:
    """The person the narrative between the last quotation (``since``) and a quotation's "ia",
    "he" or "-nya" (``until``) last turned to: the subject of its last sentence that has one
    (annotate/subjects.py), or the person after its opening phrase (lead_person). A sentence
    that opens with a pronoun ("Ia menambahkan …", "He said …") turns to no one new: the person
    before goes on, whatever else it names. A possessor is not a sentence's subject: in "Vance's
    lawyer, Michael Brennan, offered …" the lawyer speaks on. UNNAMED when it last turned to
    someone named by no name ("Seorang warga mengaku …")."""
    found = None
    first = max(0, bisect_right(sentences, (since, len(body))) - 1)
    for s_start, s_end in sentences[first:]:
        if s_start >= until:
            break
        if s_end <= since or pronoun_at(body, s_start):
            continue
        end = min(s_end, until)
        who = subjects.introduced(body, sentences, people, known, s_start, end, clitic)
        if who is None and body[s_start:s_end].rstrip()[-1:] in ".!?\"”’)":  # not a heading
            who = lead_person(body, s_start, end, people, clitic)
        if who is None and subjects.unnamed_subject(body, s_start, end):
            who = UNNAMED  # "Seorang karyawan yang enggan disebut namanya mengaku …": no one by name
        found = who or found
    return found


# introduced()'s answer when the narrative turned to someone it names by no name: the speaker is
# unknown, and not the person quoted before.
UNNAMED = "\x00unnamed"


def one_of_pair(speaker: str, mention: str | None, people: list[Entity]) -> str:
    """A person's name that is a pair ("Anies - Sandi", a running ticket the linker kept whole)
    → the one of the two the mention names ("Anies"), else the first, by the fullest name the
    article gives that person ("Anies Baswedan") when it names them apart: one person speaks."""
    sides = _PAIR.split(speaker)
    if len(sides) < 2:
        return speaker
    named = set((mention or "").split())
    side = next((x for x in sides if named and named <= set(x.split())), sides[0]).strip()
    words = set(side.split())
    fuller = [e.canonical for e in people if words <= set(e.canonical.split()) and not _PAIR.search(e.canonical)]
    # Only when the article names that person apart: detokenised text spaces the hyphens inside
    # one name too ("Lee Jung - Jin", "Ezzedine al - Qassam").
    return max(fuller, key=len) if fuller else speaker
