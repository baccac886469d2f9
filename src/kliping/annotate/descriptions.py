"""A noun phrase standing for a speaker → who it points at: a definite description ("the
governor", "the company", "mantan kiper Parma ini") → the person or body the article named, and
an anonymous source ("sumber terdekat X", "a source close to …") → no one by name. The nouns
that tell which are data (resources/description_nouns.tsv, titles.txt, roles.txt)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from functools import cache, lru_cache

from kliping import resources
from kliping.annotate import name_words
from kliping.annotate.cues import Subject, patterns
from kliping.model import Entity
from kliping.resources import alt
from kliping.words import JOINED_WORD

_JOINED_WORD_DOT = re.compile(rf"{JOINED_WORD.pattern}\.?")  # "Gov." keeps its dot

CLOSING = re.compile(r"\s*(?:[,.;:!?]|$)")
# An appositive after a person's name, in lower case: ", governor of the state of Kano," ", a comedian,"
# closed by its own comma (an Indonesian verb after a comma, ", mengatakan …", runs on to the full stop)
APPOSITIVE = re.compile(r",\s+(?P<words>(?:the\s+|a\s+|an\s+)?[a-z][^,;.\n()“”\"]{0,80}?)(?=,)")
# The head of an appositive comes before its first preposition: "a spokesman for the X Office"
PREPOSITION = re.compile(r"\s(?:of|for|at|in|with|from|on|to)\s")


# What makes a noun phrase point back at someone already named: "the governor", "the agency",
# "Eks gelandang Arsenal tersebut", "mantan kiper Parma ini".
# A title quoted inside ("bintang film ‘Cinta Senja’ ini") keeps its marks on its words.
# (within its line: "ujar petugas.\n\nSetelah itu warga pulang" is the attribution's end, then another paragraph)
_DESCRIPTION_AFTER = re.compile(r"(?:(?i:the)[ \t]+(?:[\w’'.-]+[ \t]+){0,3}[\w’'-]+"
                                r"|(?:[‘“]?[\w’'.-]+[’”]?[ \t]+){1,6}?(?:tersebut|ini|itu))\b")


@cache
def _person_description() -> re.Pattern[str]:
    """"ujar pria asal Purworejo, Jawa Tengah.": a person noun (resources/description_nouns.tsv)
    and a short phrase, closing the attribution."""
    nouns = alt(sorted(n for n, kind in _description_nouns().items() if kind == "opener"))
    return re.compile(rf"(?:{nouns})(?:[ \t]+[\w’'.-]+){{1,4}}?(?=\s*[,.;:!?]|\s*$)")

DESCRIPTION_REACH = 3000  # characters back to the mention a description points at
NEAR_BODY_REACH = 300  # characters back to a body named once that "the company" may still mean


def description_subject(body: str, text: str, start: int, entities: list[Entity]) -> Subject | None:
    """The entity a definite description stands for: one before it whose own words or the title
    written before it share a content word with the description ("Gov. Eric Holcomb" … "the
    governor"; "Xinhua News Agency" … "the news agency") — of several, the one named most often,
    then the closest. Else, by its noun, the person or body the article is about."""
    content = _description_content(text)
    if not content:
        return None
    titles = name_words.title_words()
    kind = _description_kind(content)
    person = kind == "person" or any(w in titles for w in content)  # "the governor": never an organisation
    body_noun = kind == "body" and not person
    last = bisect_left(entities, start, key=lambda e: e.start)
    matched = _matching(body, entities, last, start, content, person)
    unnamed = _introduced_unnamed(body, content, start)
    if unnamed > max((e.start for e in matched), default=-1):
        # "A spokesperson who did not wish to be named … the spokesperson said": the description
        # points back at someone the article introduced without a name.
        return Subject(text, start, "anonymous")
    if matched:
        # Two governors named: "the governor" is the one the article is about — named most
        # often so far — and of those the closest.
        named = Counter(e.canonical for e in entities[:last])
        best = max(matched, key=lambda e: (named[e.canonical], e.start))
        return Subject(text, start, "entity", best)
    # A person's role with nothing earlier to match ("mantan kiper Parma ini") still points back
    # like "ia": at the person the passage is about.
    if body_noun or kind == "person":
        # only the names within reach: a walk over every earlier name per description would grow
        # with the square of a long text's names
        reach = bisect_left(entities, start - DESCRIPTION_REACH, 0, last, key=lambda e: e.start)
        salient = _salient(body, entities[reach:last], start, body_noun)
        if salient is not None:
            return Subject(text, start, "entity", salient)
    return Subject(text, start, "pronoun") if person else None


def _description_content(text: str) -> list[str]:
    """The content words of a definite description ("the governor", "Politisi Gerindra ini", "pria
    asal Purworejo"): its lower-case words past the stop words; none when it is no such description."""
    words = JOINED_WORD.findall(text)
    if words and _common_noun(words[0]):
        words[0] = words[0].lower()  # "Politisi Gerindra ini": capitalised only as a sentence's first word
    # "pria asal Purworejo": an Indonesian person noun opens a description, head first.
    person_first = bool(words) and _description_nouns().get(words[0]) == "opener"
    if len(words) < 2 or not (words[0].lower() in resources.words("definite_openers.txt")
                               or words[-1] in resources.words("report_demonstratives.txt") or person_first):
        return []
    # Only the description's common nouns: its proper names ("Arsenal" in "Eks gelandang Arsenal
    # tersebut") name where the person played, not the person.
    stops = resources.words("stopwords.txt")
    return [w for w in words[1:] + words[:1] if w.islower() and len(w) > 2 and w not in stops]


def _matching(body: str, entities: list[Entity], last: int, start: int, content: list[str],
              person: bool) -> list[Entity]:
    """The persons (and, unless the description is a person's, organisations) within reach before
    it, closest first, whose words or title share a content word with the description."""
    matched: list[Entity] = []
    for e in reversed(entities[:last]):
        if e.start < start - DESCRIPTION_REACH:
            break
        if e.label not in ("PERSON", "ORG") or e.end > start or (person and e.label != "PERSON"):
            continue
        # A person is known by the title written before the name; an organisation by its name.
        lead = body[max(0, e.start - 40) : e.start] if e.label == "PERSON" else ""
        lead = lead[max(lead.rfind("\n"), lead.rfind(","), lead.rfind(";")) + 1 :]  # "Gov." keeps its dot
        # or by the appositive after it: "Mary Okafor, governor of Kano," … "the governor"
        after = APPOSITIVE.match(body, e.end) if e.label == "PERSON" else None
        # — by its head noun only: "X, a police spokesman," is no "the police"
        lead += " " + PREPOSITION.split(after["words"], 1)[0].split()[-1] if after is not None else ""
        seen = _JOINED_WORD_DOT.findall(lead + " " + e.text + " " + e.canonical)
        # a body's name may hold the noun in the plural: "Pacific Northern Airlines" … "the airline"
        nouns = content + [c + "s" for c in content] if e.label == "ORG" else content
        if any(_same_word(w, c) for w in seen for c in nouns):
            matched.append(e)
    return matched


def _salient(body: str, before: list[Entity], start: int, body_noun: bool) -> Entity | None:
    """"The company, which …, confirmed", "The 56-year-old said": the body or person the article
    is about so far — the one named most often (and more than once) before it."""
    salient = _most_named(before, "ORG" if body_noun else "PERSON", start - DESCRIPTION_REACH)
    if salient is None and body_noun:
        # "CNBC reported that … The news organization, citing a source, reported that …": a body
        # named once just before as the one speaking (a speech verb right after it) is the one
        # the description points back at — not one named in passing ("Analysts at X …").
        near = next((e for e in reversed(before) if e.start >= start - NEAR_BODY_REACH
                     and e.end <= start and e.label == "ORG"), None)
        salient = near if near is not None and _speaks(body, near.end) else None
        if salient is None:
            # "The Federal Aviation Administration said Monday … the agency said": the body last
            # seen speaking, within reach, is the one the description points back at
            salient = _last_speaking(body, before, start)
    return salient


def _last_speaking(body: str, before: list[Entity], start: int) -> Entity | None:
    for e in reversed(before):
        if e.start < start - DESCRIPTION_REACH:
            return None  # bounded: never a walk over every earlier name
        if e.end <= start and e.label == "ORG" and _speaks(body, e.end):
            return e
    return None


_SPACE = re.compile(r"\.?\s+(?:(?i:also|later|then|had|has|have|juga|pun)\s+)?")  # "Acme Co. said"


def _speaks(body: str, end: int) -> bool:
    """Whether a speech verb follows a name ending at ``end``: "CNBC reported", "X juga mengatakan"."""
    space = _SPACE.match(body, end)
    return space is not None and patterns()["report_verb"].match(body, space.end()) is not None


def _introduced_unnamed(body: str, content: list[str], start: int) -> int:
    """Where, last before ``start``, the article introduced a description's noun with an
    indefinite ("a spokesperson", "seorang juru bicara"), or -1."""
    # "a report" introduces no one, nor does a kind of body: in "As a law enforcement agency, …"
    # the noun says what a body named before is, and an unnamed body seldom speaks twice
    nouns = [w for w in content if w in name_words.title_words()
             or _description_nouns().get(w, "document") not in ("document", "body")]
    if not nouns:
        return -1
    found = -1
    for m in _introducing(tuple(nouns)).finditer(body, max(0, start - DESCRIPTION_REACH), start):
        found = m.start()
    return found


@lru_cache(maxsize=4096)
def _introducing(nouns: tuple[str, ...]) -> re.Pattern[str]:
    """An indefinite and up to two words before one of ``nouns``: compiled once per set of nouns
    in a process, not once per description (the same descriptions recur across articles, and
    re's own cache of 512 patterns is shared with every other pattern built at run time).
    Bounded, so a long run's memory stays flat."""
    return re.compile(rf"(?i:\b(?:a|an|seorang|salah seorang|salah satu)\s+(?:[\w’'-]+\s+){{0,2}}"
                      rf"(?:{'|'.join(map(re.escape, nouns))})\b)")


def _most_named(entities: list[Entity], label: str, since: int) -> Entity | None:
    counts: dict[str, int] = {}
    latest: dict[str, Entity] = {}
    for e in entities:
        if e.label == label and e.start >= since:
            counts[e.canonical] = counts.get(e.canonical, 0) + 1
            latest[e.canonical] = e
    best = max(counts, key=lambda c: (counts[c], latest[c].start), default=None)
    return latest[best] if best is not None and counts[best] > 1 else None  # named once is no topic




def another_one(words: list[str]) -> bool:
    """"pengguna lain", "Perempuan ketiga", "nelayan lainnya": one more of a kind of people (the
    lower-cased words of a phrase's opening)."""
    return (len(words) > 1 and words[1] in resources.words("other_ones.txt")
            and _description_nouns().get(words[0]) in _PEOPLE)


def anonymous(lead: str) -> bool:
    """Whether the words opening a speaker's phrase make it no one by name: "sumber terdekat
    Beyonce", "a source close to …", "seorang pejabat di sana", "an official" — the person
    named after them is who the source is close to, not who speaks."""
    words = [w.strip(",").casefold() for w in lead.split()[:4]]
    indefinite = resources.words("indefinites.txt")
    while words and words[0] in resources.words("stopwords.txt") and words[0] not in indefinite | {"the"}:
        words = words[1:]  # "Namun sumber terdekat Beyonce"
    if not words:
        return False
    nouns = _description_nouns()
    if words[0] in indefinite:
        # "a source", "seorang pejabat", "a Taliban representative", "a U.S. official"
        rest = [w for w in words[1:] if w not in ("satu", "of")][:3]  # "a senior Russian official"
        if named_voice(lead):
            return False  # "a WeWork spokesperson": the body speaks through its voice (someone_of)
        return any(map(_names_someone, rest))
    if another_one(words):
        return True  # "pengguna lain", "Perempuan ketiga": one more of them
    return nouns.get(words[0]) == "anonymous" or (words[0] in ("the", "sang", "para") and len(words) > 1
                                                   and nouns.get(words[1]) == "anonymous")


def someone_of(phrase: str) -> bool:
    """Whether a subject phrase is one person of a place or body, named by no name: an
    indefinite opener and a person noun or title closing it ("A U.S. official", "a senior
    Russian official", "seorang pejabat Kemlu" is anonymous() already)."""
    written = [w.strip(",.") for w in phrase.split()]
    words = [w.casefold() for w in written]
    if len(words) < 2 or len(words) > MAX_SOMEONE_WORDS or words[0] not in resources.words("indefinites.txt"):
        return False
    if is_voice_noun(words[-1]) and any(w[:1].isupper() for w in written[1:-1]):
        return False  # "An Environment Agency spokesperson said": the body named speaks, through its voice
    return _names_someone(words[-1])


MAX_SOMEONE_WORDS = 6  # "A senior U.S. defence official"


def named_voice(lead: str) -> tuple[str, str] | None:
    """A body's voice with the body's name before the noun: (the phrase up to that noun, the
    body's name), or None — "a WeWork spokesperson when contacted by Reuters" → ("a WeWork
    spokesperson", "WeWork"). The name is the capitalised words between an indefinite and a voice
    noun (resources/description_nouns.tsv, kind "voice"), even where the recogniser did not take
    them for a name; the body speaks."""
    written = lead.split()[:MAX_SOMEONE_WORDS]
    if not written or written[0].casefold() not in resources.words("indefinites.txt"):
        return None
    voice = next((i for i, w in enumerate(written) if is_voice_noun(w.strip(",.").casefold())), -1)
    if voice > 0 and (after := _VOICE_OF.match(" ".join(lead.split()[voice + 1 :]))) is not None and (
            _body_named(body_name := after["body"].rstrip(",."))):
        # "A spokeswoman with OPPD", "a spokesperson for the Information Commissioner's Office": the
        # body named after the noun (not a person's voice: "a spokesperson for Lumumba" is no one by name)
        return " ".join(written[: voice + 1]) + " " + after.group(0).rstrip(",."), body_name
    name = [w for w in written[1:voice] if w[:1].isupper()] if voice > 1 else []
    if not name or len(name) != voice - 1 - written[1:voice].index(name[0]):
        return None  # "a senior Tellbright spokesperson" is one; "a Tellbright senior spokesperson" not read
    if all(map(name_words.is_demonym, name)):
        return None  # "a senior Russian official": someone of a country, no body named
    return " ".join(written[:voice] + [written[voice].strip(",.")]), " ".join(name)


def _body_named(name: str) -> bool:
    """Whether a name after a voice noun is a body's: an acronym ("OPPD") or a body's head word in it
    ("… Commissioner's Office", "Kementerian …")."""
    words = name.split()
    return (len(words) == 1 and words[0].isupper() and len(words[0]) > 2) or any(
        name_words.is_body_head(w) for w in words)


# a voice noun's body after it: "for the Information Commissioner's Office", "with OPPD" (capitalised
# words, "of" and "and" between them)
_VOICE_OF = re.compile(r"(?:for|with|at|of|from)\s+(?:the\s+)?(?P<body>[A-Z][\w’'.&-]*"
                       r"(?:\s+(?:(?:of|and|for)\s+(?:the\s+)?)?[A-Z][\w’'.&-]*){0,5})")

_PEOPLE = ("person", "opener", "anonymous", "voice")  # the kinds of description noun that name people


def _names_someone(word: str) -> bool:
    """Whether a lower-case word names a person by what they are: a person noun or a title."""
    return _description_nouns().get(word) in _PEOPLE or word in name_words.title_words()


def group_of_place(before: str, after: str) -> bool:
    """Whether the words around a place that speaks make it its people, named by no name:
    "Warga Palestina" (a person noun before it), "Middle East observers" (a lower-case noun
    after it, before the verb)."""
    words = before.split()
    if words and _reduplicated(words[-1]):
        return True  # "negara-negara Asia menyatakan": an Indonesian plural, none of them named
    if words and _description_nouns().get(words[-1].casefold()) in _PEOPLE:
        return words[-1].casefold() not in name_words.title_words()
    if len(words) > 1 and words[-1] in _OF_PLACE and _people_noun(words[-2].casefold()):
        return True  # "authorities in Beijing announced", "officials from Ohio said"
    rest = after.split()
    adverbs = resources.words("speech_adverbs.txt")
    while len(rest) > 1 and (rest[-1] in adverbs or rest[-1].endswith("ly")):
        rest.pop()  # "Beijing officials ultimately admitted"
    return (len(rest) == 1 and rest[0].isalpha() and rest[0].islower()
            and rest[0] not in resources.words("speech_adverbs.txt"))  # "Rusia juga mengatakan" is Russia


def _reduplicated(word: str) -> bool:
    """An Indonesian plural written by doubling a lower-case noun: "negara-negara", "warga-warga"."""
    half, dash, rest = word.partition("-")
    return bool(dash) and half == rest and half.isalpha() and half.islower()


_OF_PLACE = frozenset({"in", "of", "from", "di", "dari"})


def _people_noun(word: str) -> bool:
    """A plural of people who speak for a place, named by no name ("authorities", "warga")."""
    return word not in name_words.title_words() and (
        _description_nouns().get(word) in _PEOPLE or word in resources.words("report_source_nouns.txt"))


def body_in_apposition(body: str, prev: int, start: int, end: int, floor: int,
                       entities: list[Entity]) -> Subject | None:
    """"WeWork’s parent company, The We Company, announced": an organisation's name set off by
    commas (from ``start`` to ``end``, the comma before it at ``prev``) after a phrase whose head
    noun is a kind of organisation (description_nouns.tsv, kind "body") is the one who speaks,
    not the phrase that describes it."""
    head = body[max(floor, prev - 40) : prev].split()
    if not head or _description_nouns().get(head[-1]) != "body":
        return None
    article = patterns()["article"].match(body, start, end)
    at = article.end() if article is not None else start
    i = bisect_left(entities, at, key=lambda e: e.start)
    while i < len(entities) and entities[i].start == at:
        if entities[i].end == end and entities[i].label == "ORG":
            return Subject(body[start:end], start, "entity", entities[i])
        i += 1
    return None


def is_person_noun(word: str) -> bool:
    """Whether a lower-case noun names a kind of person ("pengamat", "petani", "spokesman")."""
    return _description_nouns().get(word) in ("person", "opener")


def is_voice_noun(word: str) -> bool:
    """Whether a lower-case noun names someone speaking for a body ("spokesperson", "juru bicara")."""
    return _description_nouns().get(word) == "voice"


def is_source_noun(word: str) -> bool:
    """Whether a lower-case noun names someone who speaks only unnamed ("source", "sumber")."""
    return _description_nouns().get(word) == "anonymous"


def is_force_noun(word: str) -> bool:
    """Whether a lower-case noun names a body that speaks as itself ("police")."""
    return _description_nouns().get(word) == "force"


def is_body_noun(word: str) -> bool:
    """Whether a lower-case noun names a kind of body ("perusahaan", "the company")."""
    return _description_nouns().get(word) == "body"


@cache
def _description_nouns() -> dict[str, str]:
    return {noun: kind for kind, noun in resources.rows("description_nouns.tsv")}


def _description_kind(content: list[str]) -> str | None:
    """"person", "body" or None: what a description's common nouns say it points at ("the
    56-year-old", "the company")."""
    nouns = _description_nouns()
    for w in reversed(content):  # the head noun comes last in English, first in Indonesian: try both
        kind = nouns.get(w) or nouns.get(w.split("-", 1)[-1] if w[:1].isdigit() else "")
        if kind is not None and kind != "voice":  # "the spokesperson": a title, read as one (titles.txt)
            return "person" if kind == "opener" else kind  # an opener is a person noun too
    return None


def _common_noun(word: str) -> bool:
    low = word.lower()
    return word[:1].isupper() and (low in name_words.title_words() or low in _description_nouns())


def _same_word(seen: str, word: str) -> bool:
    """A word of the earlier mention meets a description's: equal, or an abbreviation of it
    ("Gov." for "governor", "Sen." for "senator")."""
    low = seen.lower()
    if low.endswith("."):
        stem = low[:-1]
        return len(stem) >= 3 and word.startswith(stem)
    return low == word


def description_after(body: str, pos: int, entities: list[Entity]) -> Subject | None:
    """A definite description right after a cue that closes the attribution: "tutur mantan
    kiper Parma ini.", "said the agency." — not "says the wagon will …", which is content."""
    at = len(body) - len(body[pos:].lstrip(" "))
    m = _DESCRIPTION_AFTER.match(body, at) or _person_description().match(body, at)
    if m is None or not (CLOSING.match(body, m.end()) or patterns()["trailer"].match(body, m.end())):
        return None
    found = description_subject(body, m.group(0), m.start(), entities)
    if found is None and _epithet_of_a_name(m.group(0)):
        # "ujar kekasih penyanyi Rina Wulan itu", "kata adik kandung pelatih Andi itu": the
        # name inside an epithet says whom the speaker is related to, not who speaks; the epithet
        # points back like "ia" at the person the passage is about
        return Subject(m.group(0), m.start(), "pronoun")
    return found


def _epithet_of_a_name(text: str) -> bool:
    """Whether a lower-case phrase closed by a demonstrative holds a capitalised word, other than
    a nickname it gives ("pria yang akrab disapa Toto itu" names the speaker)."""
    words = text.split()
    if (len(words) < 3 or not words[0][:1].islower() or words[-1] not in resources.words("report_demonstratives.txt")
            or not any(w.lstrip("‘“")[:1].isupper() for w in words[1:-1])):
        return False
    return not gives_nickname(text)


def gives_nickname(text: str) -> bool:
    """Whether a phrase gives someone's nickname ("yang akrab disapa Toto", resources/nickname_cues.txt):
    the name after the cue is the person's own."""
    return _nickname_cue().search(text) is not None


@cache
def _nickname_cue() -> re.Pattern[str]:
    return re.compile(rf"(?i:\b(?:{alt(sorted(resources.lines('nickname_cues.txt'), key=len, reverse=True))})\b)")
