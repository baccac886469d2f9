"""Article body → PERSON / ORG / PLACE mentions, each with one canonical name.

Mentions come from the NER model (annotate/ner.py) plus the alias table and CLDR country
names (aliases.py). Within an article, a short mention takes the full name it abbreviates
("Putin" → "Vladimir Putin", "Kim" → "Kim Jong Un"), and a role that introduced a person
("Presiden Rusia Vladimir Putin") stands for that person when it appears alone later.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from kliping import datelines, resources
from kliping.annotate import aliases, english_name_pieces, english_spans, name_words, ner, person_mentions, short_forms
from kliping.annotate.degrees import only_degrees
from kliping.annotate.role_phrases import (
    WORD_START,
    person_after_role,
    role_first_words,
    role_pattern,
    roles_in,
)
from kliping.annotate.span_index import SpanIndex
from kliping.model import Entity
from kliping.timestamps import weekday_names
from kliping.words import DOTTED_WORD


def person_form(name: str) -> str:
    """How a person's name is written canonically: "Kim Jong-un" → "Kim Jong Un"."""
    return re.sub(r"(?<=\w)-(\w)", lambda m: " " + m.group(1).upper(), name) if re.search(
        r"\w-[a-z]", name
    ) else name


def _tokens(text: str) -> tuple[str, ...]:
    return tuple(aliases.key(w) for w in DOTTED_WORD.findall(text.replace("-", " ")))


_NAME_PREFIX = re.compile(r"(?<![\w'’-])[A-Z][a-z]{0,2}['’]$")  # "O’", "De’" before "Neill", "Broski"
_NAME_SUFFIX = re.compile(r"(?:-[A-Z][a-z]+)+")  # "-Anh" after "Ngo"
_ANOTHER_NAME = re.compile(r" [A-Z][a-z]")
# A given name's initial the model left out before the name: "M. Hery", "Moh. Ali" (one capital,
# or a capital and one or two small letters, with its dot), not at a sentence's start.
_INITIAL_BEFORE = re.compile(r"(?<=[\w,] )[A-Z][a-z]{0,2}\. $")
_PARTICLE_TAIL = re.compile(r" (\w+)$")
_NEXT_NAME = re.compile(r" [A-Z][\w'’]+(?:-[A-Z][\w'’]+)*")


def _whole_name(body: str, start: int, end: int) -> tuple[int, int]:
    """A person span widened to the name's apostrophe prefix, leading initial, hyphenated tail and
    family name after a particle the model split off: "De’[Broski Herbert]" → "De’Broski Herbert",
    "M. [Hery Saripudin]", "[Muchsin Al] Atas", "[Jennifer Ngo]-Anh" → "Jennifer Ngo-Anh"."""
    if body[start - 1 : start] in ("’", "'") and (prefix := _NAME_PREFIX.search(body, max(0, start - 4), start)):
        start = prefix.start()
    elif body[start - 2 : start] == ". " and (initial := _INITIAL_BEFORE.search(body, max(0, start - 8), start)):
        letters = initial.group(0).strip(". ")
        before = body[max(0, initial.start() - 30) : initial.start()].split()
        if (name_words.word_kind(letters + ".") == "name" and letters.casefold() not in name_words.title_words()
                and not (before and name_words.is_name_word(before[-1]))):
            # not "Jl.", "Dr.", the Haji title "H." (titles.txt), nor a middle initial after a
            # given name the model left apart ("Sonya A. [Zoghlin]": that is the name's own repair)
            start = initial.start()
    tail = _PARTICLE_TAIL.search(body, max(start, end - 8), end)
    if tail and tail.group(1).casefold() in resources.words("name_particles.txt"):
        # "Muchsin Al [Atas]", "Ahmad bin [Said]": a particle never ends a name, the family name follows it
        # (its own word may be an ordinary one: "atas"), never a title or a month
        after = _NEXT_NAME.match(body, end)
        if after and after.group(0).strip().casefold() not in name_words.title_words() | name_words.calendar_words():
            end = after.end()
    if body[end : end + 1] == "-" and (suffix := _NAME_SUFFIX.match(body, end)):
        if not _ANOTHER_NAME.match(body, suffix.end()):
            end = suffix.end()  # not "Budi Santoso-Ani Lestari": a running ticket joins two names
    return start, end


# The lower-case rest of a name after its apostrophe ("Ra’uf", "Kerong’o"), not a possessive's "’s"
_APOSTROPHE_TAIL = re.compile(r"[’'](?!s\b)[a-z]{1,6}\b")

# A date right after a weekday: "(30/09/2018)", ", 30/9", " 30 September".
_DATE_AFTER = re.compile(r" ?,? ?\(?[0-3]?\d\b")


def _without_weekday(body: str, start: int, end: int) -> int:
    """A span's end before a weekday the model glued to it: in "kata Budi Santoso Minggu (30/9)" the
    weekday opens the date that follows the name (Indonesian puts the day right after the speaker,
    with no "di"/"pada" between), so a weekday followed by a date never ends a name."""
    last = body.rfind(" ", start, end)
    word = body[last + 1 : end].casefold()
    if last > start and len(word) > 3 and word in weekday_names() and _DATE_AFTER.match(body, end):
        return last
    return end


def _known_label(body: str, start: int, end: int, label: str) -> str:
    """A name the alias table knows keeps its known label: "Moskow" is a place whatever the
    model says. (Names glued to a neighbour are split by the model's own repair step.)"""
    return aliases.label_of(body[start:end]) or label


_PIECE_WORD = re.compile(r"\S+")


# "Budi Santoso-Ani Lestari", "Budi Santoso - Ani Lestari": a running ticket, two names of two
# words or more joined by a dash ("Jean-Pierre Papin" and "Jennifer Ngo-Anh" are one name each).
_TICKET = re.compile(r"([A-Z][\w'’.]*(?: [A-Z][\w'’.]*)+) ?[-–] ?([A-Z][\w'’.]*(?: [A-Z][\w'’.]*)+)")


def _ticket_split(body: str, start: int, end: int, label: str) -> list[tuple[int, int, str]]:
    """A person span that is a running ticket as its two people."""
    m = _TICKET.fullmatch(body, start, end) if label == "PERSON" else None
    if m is None or not all(map(name_words.is_name_word, (m.group(1) + " " + m.group(2)).split())):
        return [(start, end, label)]  # "Striker Jean-Pierre Papin": a title, then one name
    return [(m.start(1), m.end(1), label), (m.start(2), m.end(2), label)]


def _rank_split(body: str, start: int, end: int, label: str) -> list[tuple[int, int, str]]:
    """A place or body span that runs on over a police or military rank into a name: the place, then
    the person ("[Sorong Barat AKP Sopian]PLACE" of "Kapolsek Sorong Barat AKP Sopian"). A rank
    (resources/ranks.txt) is only ever followed by a person's name."""
    if label == "PERSON":
        return [(start, end, label)]
    words = list(_PIECE_WORD.finditer(body, start, end))
    for i, w in enumerate(words[1:-1], 1):
        if w.group(0).casefold().rstrip(".") in resources.words("ranks.txt"):
            return [(start, words[i - 1].end(), label), (words[i + 1].start(), end, "PERSON")]
    return [(start, end, label)]


# "Wasitah (52)", "Ketut Ardana (39 tahun)": capitalised words, then an age in brackets
_NAME_BEFORE_AGE = re.compile(
    r"(?<![\w'’.-])(?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,3})(?: \(\d{1,2}(?: tahun)?\)|, \d{1,2},)")


def _people_before_ages(body: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A person the model missed or took for a place, named before an age in brackets: only people
    have ages ("Warga lain, Wasitah (52) saat dihubungi …", "Pedagang lain, Tarjodak, 39, menyebut",
    "Jane Roe, 34, of Millbrook"); the title or role words opening the run are left out ("Petani
    Wasitah (52)"), and a calendar word is no name ("Kamis (14)")."""
    if " (" not in body and ", " not in body:
        return spans
    index = SpanIndex((a, b) for a, b, _ in spans)
    relabel: set[int] = set()
    added: list[tuple[int, int, str]] = []
    for m in _NAME_BEFORE_AGE.finditer(body):
        words = list(_PIECE_WORD.finditer(body, m.start("name"), m.end("name")))
        while words and (words[0].group(0).casefold() in name_words.title_words()
                         or name_words.word_kind(words[0].group(0)) == "stop"):
            words.pop(0)
        if not words or any(name_words.word_kind(w.group(0)) == "stop"
                            or w.group(0).casefold() in name_words.calendar_words() for w in words):
            continue
        start, end = words[0].start(), words[-1].end()
        touching = index.touching(start, end)
        if not touching:
            added.append((start, end, "PERSON"))
        elif len(touching) == 1 and spans[touching[0]][:2] == (start, end) and spans[touching[0]][2] != "PERSON":
            relabel.add(touching[0])
    return sorted([(a, b, "PERSON" if i in relabel else label) for i, (a, b, label) in enumerate(spans)] + added)


def recognise(body: str, language: str | None = None) -> list[tuple[int, int, str]]:
    """Model spans (English ones cut at lower-case words), plus alias-table names the model
    missed (where they overlap nothing)."""
    spans = []
    lead = datelines.lead_end(body)
    for s1, e1, label1 in ner.find_entities(body, language):
        for s0, e0, label0 in _after_dateline(body, s1, e1, label1, lead):
            pieces = english_spans.capitalised_pieces(body, s0, e0, label0) if language == "en" else [(s0, e0, label0)]
            for s, e, label in pieces:
                if label == "PERSON":
                    s = person_after_role(body, s, e)
                    s, e = _whole_name(body, s, e)
                if body[e : e + 1] in ("’", "'") and (rest := _APOSTROPHE_TAIL.match(body, e)):
                    e = rest.end()  # "[Ra]’uf", "[Obuya Kerong]’o": the model's tokens split at the apostrophe
                e = _without_weekday(body, s, e)
                spans.append((s, e, _known_label(body, s, e, label)))
    spans = _people_before_ages(body, _people_after_names(body, sorted(spans), language))
    if language == "en":
        spans = english_name_pieces.people_in_apposition(body, english_name_pieces.lone_name_words(body, spans))
    spans = [piece for span in spans for piece in _ticket_split(body, *span)]
    if language != "en":  # (the ranks are Indonesian: an English "Mayor of X" is no rank)
        spans = [piece for span in spans for piece in _rank_split(body, *span)]
    spans = _known_names_win(body, sorted(spans))
    if language == "en":
        spans = english_name_pieces.people_by_given_name(body, spans)
        spans += english_spans.titled_people(body, spans)
        spans += english_spans.people_by_one_name(body, spans)
    if language != "en":
        return sorted(spans)
    return english_spans.without_capitalised_openers(body, english_spans.institutions_whole(body, spans))


def _known_names_win(body: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Alias-table names the model missed, where they overlap nothing; and a known name wins over
    the model spans it covers ("North" + "Korea" → "North Korea"). The spans a name touches are
    found by bisection (the names come in text order and do not overlap one another)."""
    index = SpanIndex((a, b) for a, b, _ in spans)
    dropped: set[int] = set()
    added: list[tuple[int, int, str]] = []
    for s, e, label in aliases.find_names(body):
        touching = index.touching(s, e)
        if all(s <= spans[i][0] and spans[i][1] <= e and spans[i][:2] != (s, e) for i in touching):
            dropped.update(touching)
            added.append((s, e, label))
    return [span for i, span in enumerate(spans) if i not in dropped] + added


def _resolve_people(mentions: list[Entity]) -> None:
    """Give each short person mention the full name it abbreviates, in place: the most recent
    earlier fuller name holding its words, else the first later one. Names are compared as sets
    of words, each distinct set once, through the sets holding its rarest word (at most
    MAX_FULLER_NAMES of them): an article repeating a name thousands of times stays linear."""
    people = [(m, frozenset(_tokens(m.text))) for m in mentions if m.label == "PERSON"]
    where: dict[frozenset[str], list[int]] = {}  # a set of words → the mentions written with it
    for i, (_, words) in enumerate(people):
        where.setdefault(words, []).append(i)
    by_word: dict[str, list[frozenset[str]]] = {}
    for words in where:
        for w in words:
            by_word.setdefault(w, []).append(words)
    fuller: dict[frozenset[str], list[int]] = {}
    for words in where:
        if not words:
            continue
        rarest = min(words, key=lambda w: len(by_word[w]))
        sets = [o for o in by_word[rarest][:MAX_FULLER_NAMES] if len(o) > len(words) and words <= o]
        fuller[words] = sorted(j for o in sets for j in where[o])
    for i, (m, words) in enumerate(people):
        found = fuller.get(words)
        if found:
            k = bisect_left(found, i)
            m.canonical = people[found[k - 1] if k else found[0]][0].canonical


MAX_FULLER_NAMES = 50  # distinct fuller names looked at per name: a hostile page may write thousands


def _resolve_bodies(mentions: list[Entity]) -> None:
    """Give a short organisation mention the fuller name the article writes, in place: each word
    of the short one opens the word at the same place in the full one ("Telkom" → "Telkom
    Indonesia", "Man United" → "Manchester United"), and the words it adds are names. The
    earliest fuller name wins: an article introduces a body by its full name. Looked up by first
    word, so the work stays linear."""
    bodies = [m for m in mentions if m.label == "ORG" and not aliases.canonical(m.text, "ORG")]
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for m in bodies:
        name = tuple(m.canonical.split())
        if name and name not in by_first.setdefault(name[0][:3].casefold(), []):
            by_first[name[0][:3].casefold()].append(name)
    for m in bodies:
        words = tuple(m.canonical.split())
        if not words or len(words[0]) < 3:
            continue
        for full in by_first.get(words[0][:3].casefold(), ())[:MAX_FULLER]:
            n = len(words)
            if len(full) > n and all(f.startswith(w) for w, f in zip(words, full[:n], strict=True)) and all(
                name_words.is_name_word(w) or aliases.label_of(w) for w in full[n:]
            ):
                m.canonical = " ".join(full)
                break


MAX_FULLER = 8  # fuller names tried per short organisation mention: a hostile page may repeat one


def _link_roles(body: str, mentions: list[Entity]) -> list[Entity]:
    """Roles that introduced a person, and later bare uses of those roles, as PERSON mentions.

    A later use may shorten the role ("CEO" for "CEO Creative Media Works", "Kepala Badan" for
    "Kepala Badan Nasional Penanggulangan Bencana"): it stands for the person most recently
    introduced by a role it begins."""
    people = sorted((m for m in mentions if m.label == "PERSON"), key=lambda p: p.start)
    placed = SpanIndex((p.start, p.end) for p in people)
    roles: dict[str, str] = {}
    linked: list[Entity] = []
    for m in roles_in(body):
        start, end = m.start(), m.end()
        text = body[start:end]
        k = placed.first_from(start)  # the first person at or after the role's start
        person = people[k] if k < len(people) and people[k].start <= end + 1 else None
        if person is not None:
            # "Presiden Rusia Vladimir Putin": the role ends where the name begins.
            role = body[start : person.start].strip()
            for form in _role_forms(role):
                roles.pop(aliases.key(form), None)
                roles[aliases.key(form)] = person.canonical  # the latest introduction last
            continue
        text = _trim_role(text)
        canonical = roles.get(aliases.key(text)) or _role_prefix_of(aliases.key(text), roles)
        if canonical and not placed.any_touching(start, start + len(text)):
            linked.append(Entity(text, start, start + len(text), "PERSON", canonical))
    return linked


_SPACED_DOUBLE_DASH = re.compile(r" -\s?- ")


def _after_dateline(body: str, start: int, end: int, label: str, lead: int) -> list[tuple[int, int, str]]:
    """A span glued over the end of the body's dateline (``lead``: "CNN Indonesia - - Presiden Turki
    Recep Tayyip Erdogan") as its two sides, the dateline's dash in neither; a person's span keeps
    only its side after the dateline (a place or an outlet is no one: "Rimanews - Diego Costa"); a
    "person" inside the dateline is its outlet ("SUKARAJA, Kabarpesisir.co.id – …")."""
    if end <= lead and label == "PERSON":
        return [(start, end, "ORG")]
    if not start < lead < end:
        # "- -" is how scrapers keep a dash: never inside a name ("Fame Station - - Bandung")
        dash = _SPACED_DOUBLE_DASH.search(body, start, end) if body.find(" -", start, end) >= 0 else None
        return [(start, end, label)] if dash is None else [(start, dash.start(), label), (dash.end(), end, label)]
    left = start + len(body[start:lead].rstrip(" -–—:"))
    return ([(start, left, label)] if left > start and label != "PERSON" else []) + [(lead, end, label)]


def _people_after_names(body: str, spans: list[tuple[int, int, str]],
                        language: str | None = None) -> list[tuple[int, int, str]]:
    """A span that took in the place or organisation before a person's name ("Bupati [Gunung
    Kidul Badingah]", "Pelatih [Persib Djadjang Nurdjaman]", when the article writes "Gunung
    Kidul" or "Persib" alone) is cut there: the name is a person when a title stands before the
    span or the span was a person. So is a span opened by a title ("Presiden Turki Recep Tayyip
    Erdogan" taken for an organisation)."""
    people = {body[s:e] for s, e, label in spans if label == "PERSON"}
    # English writes the body or place before the title ("Arsenal coach Ann Roe"), so words after
    # an English title are the name: "Minister [Nga Kor Ming]" when "Nga" alone was taken for a
    # place elsewhere. Only the alias table's places and bodies are cut off there.
    named = set() if language == "en" else {body[s:e] for s, e, label in spans if label != "PERSON"} - people
    out: list[tuple[int, int, str]] = []
    for s, e, label in spans:
        if body.find(" ", s, e) >= 0 and (label == "PERSON" or _opens_with_title(body, s)):
            out += _person_inside(body, s, e, label, list(_PIECE_WORD.finditer(body, s, e)), named)
        elif body.find(" ", s, e) >= 0 and (cut := _person_at_the_end(body, s, e, people, named)) is not None:
            out += [(s, cut[0], label), (cut[1], e, "PERSON")]
        else:
            out.append((s, e, label))
    return out


def _person_at_the_end(body: str, s: int, e: int, people: set[str], named: set[str]) -> tuple[int, int] | None:
    """"Kepala BPBD [Kota Sukabar Tarjodak] … Tarjodak menambahkan": a place's or body's span ending
    on a name the article writes alone as a person, the words before it a place or body it writes
    alone too, is the two of them (the end of the first and the start of the person), else None."""
    words = list(_PIECE_WORD.finditer(body, s, e))
    for k in range(1, len(words)):
        head, rest = body[s : words[k - 1].end()], body[words[k].start() : e]
        if rest in people and (head in named or aliases.label_of(head) in ("PLACE", "ORG")):
            return words[k - 1].end(), words[k].start()
    return None


def _opens_with_title(body: str, pos: int) -> bool:
    """Whether a title stands right before ``pos`` or opens the span there."""
    word = WORD_START.match(body, pos)
    return bool(word and word.group(0).lower() in role_first_words()) or _title_before(body, pos)


def _person_inside(body: str, s: int, e: int, label: str, words: list[re.Match[str]],
                   named: set[str]) -> list[tuple[int, int, str]]:
    """One span of two words or more as its place or organisation and its person (see above)."""
    start, titled = s, label == "PERSON" or _title_before(body, s)
    word = WORD_START.match(body, s)
    if label != "PERSON" and word and word.group(0).lower() in role_first_words() and role_pattern().match(body, s):
        cut = person_after_role(body, s, e)
        if cut > s:
            words = [w for w in words if w.start() >= cut]
            start, titled = cut, True
    if not titled or not words:
        return [(s, e, label)]
    for k in range(len(words) - 1, 0, -1):
        head = body[start : words[k - 1].end()]
        if head in named or aliases.label_of(head) in ("PLACE", "ORG"):
            if all(name_words.is_name_like(w.group(0)) for w in words[k:]):
                place = [(start, words[k - 1].end(), _known_label(body, start, words[k - 1].end(), label))
                         ] if label != "PERSON" else []
                return [*place, (words[k].start(), e, "PERSON")]
            break
    return [(s, e, label)]


def _title_before(body: str, pos: int) -> bool:
    before = body[max(0, pos - 30) : pos].split()
    return bool(before) and before[-1].lower() in name_words.title_words()


_BRACKETED = re.compile(r"\(([A-Z][\w.-]*)\)")


def _role_forms(role: str) -> list[str]:
    """A role as introduced and as the article may write it later: "Kepala Badan Penanggulangan
    Bencana Daerah (BPBD) Cianjur" is also "Kepala Badan Penanggulangan Bencana Daerah Cianjur" and
    "Kepala BPBD Cianjur" (the acronym stands for the words before it whose letters it holds)."""
    bracket = _BRACKETED.search(role) if "(" in role else None
    if bracket is None:
        return [role] if role else []
    before, after, short = role[: bracket.start()].split(), role[bracket.end() :].split(), bracket.group(1)
    spelled = " ".join(before + after)
    for k in range(len(before), 0, -1):
        if before[-k][:1].upper() == short[:1] and short_forms.abbreviates(short, " ".join(before[-k:])):
            return [role, spelled, " ".join(before[:-k] + [short] + after)]
    return [role, spelled]


def _role_prefix_of(role: str, roles: dict[str, str]) -> str | None:
    """The person of the latest introduced role that begins with ``role`` word for word."""
    words = role.split()
    for known in reversed(list(roles)):
        if known.split()[: len(words)] == words:
            return roles[known]
    return None


def _trim_role(text: str) -> str:
    """A role runs to its last capitalised word: "Presiden Rusia mengatakan" has none after."""
    words = text.split()
    while len(words) > 1 and words[-1][0].islower() and words[-1].lower() not in {"bicara", "negeri"}:
        words.pop()
    if words and len(words[-1]) > 4 and words[-1].endswith(".") and "." not in words[-1][:-1]:
        words[-1] = words[-1][:-1]  # the sentence's full stop, not an abbreviation's ("Jr.", "U.S.")
    return " ".join(words)


def _without_article(name: str) -> str:
    """A body's name without the English article written before it ("The Bank of Japan" →
    "Bank of Japan"), unless the article is part of a known name ("The New York Times") or the
    name is one word after it ("The Wrap")."""
    words = name.split()
    if len(words) > 2 and words[0] == "The" and name not in resources.words("media_names.txt"):
        return " ".join(words[1:])
    return name


def find_entities(body: str, language: str | None = None) -> list[Entity]:
    """Every PERSON / ORG / PLACE mention in ``body`` with its canonical name, in text order."""
    mentions = []
    for start, end, label in recognise(body, language):
        if label != "PERSON" and body[end - 2 : end] in ("’s", "'s") and " " in body[start : end - 2]:
            end -= 2  # "[Millbrook Harbour Trust]’s notices": the possessive is no part of the body's name
        text = body[start:end]
        canonical = aliases.canonical(text, label)
        if canonical is None:
            canonical = person_form(text) if label == "PERSON" else _without_article(text)
        mentions.append(Entity(text, start, end, label, canonical))
    mentions = [m for m in mentions if not name_words.is_function_word(m.text)]  # "Her heartbreak …" is no one
    # "dr Ani Lestari, M.Sc, Sp.A, mengatakan": the recogniser takes a degree between commas after a
    # name for a person of its own; it is no one (and would take the next "dia" from her).
    mentions = [m for m in mentions if not (m.label == "PERSON" and only_degrees(m.text))]
    if language == "en":  # the English model takes a capitalised title alone for a name now and then
        mentions = [m for m in mentions if not (m.label == "PERSON" and english_spans.only_titles(m.text))]
    person_mentions.cut_datelines(body, mentions)
    _resolve_people(mentions)
    if language != "en":
        _resolve_bodies(mentions)  # English text names products after their makers ("Google Stadia")
    else:
        english_spans.bodies_in_full(mentions)
        english_spans.short_given_names(mentions)
    person_mentions.complete(body, mentions)
    mentions += short_forms.defined_short_forms(body, mentions)
    mentions += _link_roles(body, mentions)
    return sorted(mentions, key=lambda e: (e.start, e.end))
