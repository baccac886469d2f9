"""English text through an Indonesian-trained recogniser: the spans it glues, cuts or misses —
clauses taken for one name, people named after a title or by one word of their name, and bodies
named "Department of Health and Social Care" or "Poland's Defense Ministry".
"""

from __future__ import annotations

import re
from functools import cache

from kliping import resources
from kliping.annotate import aliases, name_words
from kliping.annotate.descriptions import is_person_noun
from kliping.annotate.role_phrases import person_after_role, role_words
from kliping.annotate.span_index import SpanIndex
from kliping.model import Entity

_PIECE_WORD = re.compile(r"\S+")


def capitalised_pieces(body: str, start: int, end: int, label: str) -> list[tuple[int, int, str]]:
    """A model span cut into its runs of capitalised words: the model
    glues English clauses into one name ("North Korean leader Kim Jong Un met Russian President
    Vladimir Putin") and takes in neighbours ("as Pyongyang", "'s Far East"). A piece after a
    title ("leader", "President") is a person."""
    pieces: list[list[re.Match[str]]] = [[]]
    place = False
    for word in _PIECE_WORD.finditer(body, start, end):
        text = word.group(0).lstrip("'’\"“(")
        if _MODIFIER.fullmatch(text):
            pieces.append([])  # "Sacramento-based": what the name after it is, not part of it
        elif not pieces[-1] and _opens_no_name(text):
            continue  # "Although Ford had …", "Because Lee Smith was …": the clause's word, then the name
        elif not pieces[-1] and text.lower() in _locatives():
            place = True  # "In Oklahoma a firefighter died": a phrase of place, then the place
            continue
        elif text[:1].isupper() or text[:1].isdigit():
            pieces[-1].append(word)
            if (_OWNER.search(text) or _QUOTE_CLOSED.search(text)) and word.end() < end:
                # "The Verge’s Stadia review": the owner, then what it owns; "… George R.R.
                # Martin.” Ford opted …": a closed quotation ends the name before the next sentence
                pieces.append([])
        elif text.lower() in aliases.NAME_CONNECTORS and pieces[-1]:
            pieces[-1].append(word)
        elif pieces[-1]:
            pieces.append([])
    out = []
    for piece in pieces:
        while piece and not piece[-1].group(0)[:1].isupper():
            piece.pop()  # a name does not end on "dan" or "of"
        if not piece:
            continue
        s = piece[0].start() + len(piece[0].group(0)) - len(piece[0].group(0).lstrip("'’\"“("))
        e = piece[-1].end()
        if closed := _QUOTE_CLOSED.search(piece[-1].group(0)):
            e -= len(closed.group(0))  # "Martin.”": the name without the closing mark and its stop
        if e < end and (owner := _OWNER.search(piece[-1].group(0))):
            e = piece[-1].start() + owner.start()  # the owner's name without its "’s"
        before = body[max(0, s - 30) : s].split()
        after_title = bool(before) and _is_title(before[-1])
        cut = person_after_role(body, s, e)  # "Russian President Vladimir Putin" → "Vladimir Putin"
        if cut > s and (connector := _CONNECTOR_AFTER_ROLE.match(body, cut, e)):
            # "Leader [of the Opposition Ann Roe]": the role's portfolio before its holder
            holder = _holder_after_portfolio(body, connector.end(), e, definite=bool(connector.group(1)))
            cut = holder if holder > connector.end() else s
        if cut == s and _after_portfolio_connector(before):
            cut = _holder_after_portfolio(body, s, e, definite=before[-1] == "the")
        if cut == s:
            cut = _holder_after_title(body, s, e)
        out.append((cut, e, "PERSON" if after_title or cut > s else "PLACE" if place and label == "PERSON" else label))
        place = False
    return out


@cache
def _locatives() -> frozenset[str]:
    """English prepositions that put the name after them in a phrase of place ("in", "at", "near")."""
    return frozenset(row[1] for row in resources.rows("report_prepositions.tsv")
                     if row[0] == "en" and "locative" in row[2].split(","))


def _is_title(word: str) -> bool:
    """A role's word that may stand right before a name ("President", "spokesman"); not the
    connector inside a role ("of" of "Secretary of State": "Web of Angels" names no one). (A full
    name after "of" or "and" is still a person's: titled_people reads those as title-like.)"""
    low = word.lower()
    return low in role_words() and low not in aliases.NAME_CONNECTORS


def only_titles(text: str) -> bool:
    """A "person" that is nothing but titles and roles ("Commissioner", "Det Insp"): no one by name."""
    words = [w.lower().rstrip(".") for w in text.split()]
    return bool(words) and all(w in role_words() or w in resources.words("titles.txt") for w in words)


_CONNECTOR_AFTER_ROLE = re.compile(r"(?:of|for) +(the +)?")


def _after_portfolio_connector(before: list[str]) -> bool:
    """Whether the words before a span end in a title and "for" or "of", with or without "the":
    "Secretary of [State Ann Roe]", "Leader of the [Opposition Ann Roe]", "Commissioner of
    [Police Ann Roe]" — what follows is the portfolio, then its holder."""
    if before[-1:] == ["the"]:
        before = before[:-1]
    return len(before) > 1 and before[-1] in ("for", "of") and _is_title(before[-2])


def _holder_after_portfolio(body: str, s: int, e: int, definite: bool = False) -> int:
    """Where the holder's name begins in a span after a title and "for" or "of": the portfolio's
    ordinary words, then a full name ("Minister for [International Affairs] Takeshi Nomura",
    "Secretary of [Rural Roads] Dana Hale"); ``s`` when the span is not that. After "of the"
    (``definite``) the span's first word is the portfolio whatever its kind ("Leader of the
    [Opposition] Ann Roe"): a person's name takes no "the"."""
    words = list(_PIECE_WORD.finditer(body, s, e))
    # the portfolio runs up to the first name word; the name is its last two to four words
    first_name = next((k for k, w in enumerate(words) if (k or not definite) and name_words.is_name_word(w.group(0))),
                      len(words))
    if 0 < first_name <= len(words) - 2 and len(words) - first_name <= MAX_HOLDER_WORDS and (
            name_words.is_full_name(body[words[first_name].start() : e])):
        return words[first_name].start()
    return s


MAX_HOLDER_WORDS = 4


def _holder_after_title(body: str, s: int, e: int) -> int:
    """Where the holder's name begins in a span that is a role of capitalised words ending in a
    title, then a full name: "Assistant City Manager [Dave Sykes]", "Parks Director [Tom Bell]",
    "Housing and Local Government Minister [Ann Roe]". English writes any office this way, so the
    role's words are not listed; only its last word must be a title, and what follows it a full
    name of two to four name words ("Queen Elizabeth Hospital" is no holder: "Hospital" is no
    name word). ``s`` when the span is not that."""
    words = list(_PIECE_WORD.finditer(body, s, e))
    for k in range(len(words) - 3, -1, -1):  # the last title word with two words or more after it
        if words[k].group(0).casefold() in name_words.title_words():
            rest = body[words[k + 1].start() : e]
            if len(words) - k - 1 <= MAX_HOLDER_WORDS and name_words.is_full_name(rest):
                return words[k + 1].start()
            return s
    return s


def _opens_no_name(word: str) -> bool:
    """A capitalised subordinator opening a sentence ("Although", "After", "Because", "As"), which
    the model glues to the name after it; not any function word ("Will Smith", "May Chen")."""
    return word[:1].isupper() and word.casefold() in resources.words("report_subordinators.txt")

# An English compound adjective made from a name ("Sacramento-based", "Kremlin-backed",
# "U.S.-born"), and a possessive ending an owner's name ("The Verge’s").
_MODIFIER = re.compile(r"[A-Z][\w.'’]*-(?:[a-z]+ed|born|run|owned|made|wide)[,;:.]?")
_OWNER = re.compile(r"['’]s$|(?<=[a-z]s)['’]$")  # "The Verge’s", "CBS News'"
_QUOTE_CLOSED = re.compile(r"[.,;:!?]*[”\"]+$")  # a word closing a quotation: "Martin.”"

# A run of capitalised words ("U.S." among them) joined by the connectors of English bodies' names:
# "of", "for" and "on" (a "the" may follow them), "and", "&" — on one line: a headline's last words
# and the paragraph under it are no one name.
_INSTITUTION_RUN = re.compile(
    r"(?<![\w'’.-])(?:[A-Z](?:\.[A-Z])+\.|[A-Z][\w'’-]*)"
    r"(?:[^\S\n]+(?:(?:of|for|on)[^\S\n]+(?:the[^\S\n]+)?|(?:and|&)[^\S\n]+)?(?:[A-Z](?:\.[A-Z])+\.|[A-Z][\w'’-]*))+")
_HEAD_BEFORE_CONNECTOR = re.compile(r"\s+(?:of|for|on)\s")


_head = name_words.is_body_head


def _english_body(text: str) -> bool:
    """An English body's name: its head last, or before "of", "for" or "on", after any owner
    ("Defense Ministry", "Land Transport Authority", "Sheriff's Office", "China's Ministry of
    Commerce", "National Institute on Drug Abuse", "Chinese Center for Disease Control and
    Prevention"); or names joined by "&" ("Pacific Gas & Electric")."""
    words = [_OWNER.sub("", w) for w in text.split()]
    if _head(words[-1]) or " & " in text:
        return True
    return any(_head(w) and _HEAD_BEFORE_CONNECTOR.match(text, m.end())
               for w, m in zip(words, re.finditer(r"\S+", text), strict=True))


_ARTICLE = re.compile(r"(?:The|An?) ")
_CONNECTOR_BEFORE = re.compile(r"\b(?:of|and|&|dan|for)\s+$")


def institutions_whole(body: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """In English text, a body's name with its head first or last that runs over "of" and "and" is
    one organisation, whatever pieces the model cut it into or missed
    ("Department of Health and Social Care", "Office of Emergency Services", "Poland's Defense
    Ministry"); a place's, when its head is a place's ("County of Fresno"). Not when a person's
    full name ends it, but a "person" after "of" or "and" is part of the body's name. (In
    Indonesian text the model's own spans measured better: NERGrit's villages and districts.)"""
    spans = sorted(spans)
    index = SpanIndex((a, b) for a, b, _ in spans)
    dropped: set[int] = set()
    added: list[tuple[int, int, str]] = []
    for run in _INSTITUTION_RUN.finditer(body):
        s, e = run.span()
        if body[s:e] in resources.words("media_names.txt"):
            continue  # "The New York Times": a known name, article and all
        article = _ARTICLE.match(body, s)
        if article:
            s = article.end()  # "The Department of Health and Social Care", "An Environment Agency spokesperson"
        s, e = _body_start(body, s, e), _body_end(body, s, e, spans, index)
        text = body[s:e]
        if " " not in text or text.isupper() or not (name_words.is_institution(text) or _english_body(text)):
            continue
        if _names_holder(text):
            continue
        inside = index.touching(s, e)
        if any(spans[i][0] < run.start() or spans[i][1] > e for i in inside):
            continue
        if any(spans[i][2] == "PERSON" and name_words.is_full_name(body[spans[i][0] : spans[i][1]])
               and not _CONNECTOR_BEFORE.search(body, s, spans[i][0]) for i in inside):
            continue
        label = "PLACE" if text.split()[0].casefold() in resources.words("ner_place_cues.txt") else "ORG"
        dropped.update(inside)
        added.append((s, e, label))
    out = sorted([span for i, span in enumerate(spans) if i not in dropped] + added)
    return out


_JOIN = re.compile(r"\s+(?:(?P<and>and|&)|of|for|on)\s+(?:the\s+)?(?P<next>[\w'’.-]+)")


def _body_end(body: str, s: int, e: int, spans: list[tuple[int, int, str]], index: SpanIndex) -> int:
    """Where a body's run ends: before a time ("the U.S. Senate on Monday") or a second party
    joined to it by "and" — a person's full name or an acronym ("the Department of Homeland
    Security and Alex Azar", "… and CBP")."""
    for join in _JOIN.finditer(body, s, e):
        if join["next"].casefold() in name_words.calendar_words():
            return join.start()
        if not join["and"]:
            continue
        rest = body[join.start("next") : e]
        if rest.isupper() and " " not in rest:
            return join.start()
        if any(spans[i][0] == join.start("next") and spans[i][2] == "PERSON"
               and name_words.is_full_name(body[spans[i][0] : spans[i][1]])
               for i in index.touching(join.start("next"), e)):
            return join.start()
    return e


_WORD_OR_JOIN = re.compile(r"(?P<join>of|for|on|the)\b|[\w'’.&-]+")


def _body_start(body: str, s: int, e: int) -> int:
    """Where a body's name begins in a run: after the connector before its first head ("[Director
    of the] National Institute of …", "[Officials of the] Bureau of …"); a name opens with its
    head or with the words that qualify it, not with "X of"."""
    start, joined = s, False
    for word in _WORD_OR_JOIN.finditer(body, s, e):
        if word["join"]:
            joined = True
            continue
        if joined:
            start, joined = word.start(), False
        if _head(word.group(0)):
            return start
    return s


def _names_holder(text: str) -> bool:
    """Whether a run is a role and the person holding it ("Senior Minister of State for Transport
    Lim Wei Ling"): a title word in it and a name of two name words closing it."""
    words = text.split()
    return (any(w[:1].isupper() and w.casefold() in name_words.title_words() for w in words[:-2])
            and name_words.is_full_name(" ".join(words[-2:])) and not _head(words[-1]))


_NAME_WORD = re.compile(r"\b[A-Z][\w]*(?:['’-][A-Z]\w*)*")


_GIVEN_BEFORE = re.compile(r"(?<![\w.'’-])(?:[A-Z][\w'’-]+ ){1,2}$")


def people_by_one_name(body: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Later mentions of a person by one word of the full name ("Figgins said" after "Ann Figgins")
    that the model left out: one pass over the capitalised words, each looked up in the words of
    the article's full person names."""
    names: dict[str, set[str]] = {}  # last word → the first words written with it
    for s, e, label in spans:
        if label == "PERSON":
            words = [w.rstrip(".,;:") for w in body[s:e].split()]
            # "Patrick Carlineo Jr." is later "Carlineo": the family name, past a generational suffix
            last = _last_name(words).removesuffix("’s").removesuffix("'s")
            if len(words) >= 2 and len(last) > 2 and name_words.is_name_like(last):
                names.setdefault(last, set()).add(words[0])
    if not names:
        return []
    taken = sorted((s, e) for s, e, _ in spans)
    out: list[tuple[int, int, str]] = []
    i = 0
    for m in _NAME_WORD.finditer(body):
        word = m.group(0)
        if word not in names:
            continue
        s, e = m.span()
        while i < len(taken) and taken[i][1] <= s:
            i += 1
        if i < len(taken) and taken[i][0] < e:
            continue  # inside a span already
        given = _GIVEN_BEFORE.search(body, max(0, s - 40), s)
        first = given.group(0).split()[0] if given else ""
        if given and all(name_words.is_name_like(w) for w in given.group(0).split()) and not any(
            f.startswith(first) for f in names[word]  # "Pat Carlineo" is "Patrick Carlineo"
        ):
            s = given.start()  # "Teresa Nielsen Hayden" after "Patrick Nielsen Hayden": another person
        out.append((s, e, "PERSON"))
    return out


_TITLED = re.compile(r"\b([A-Za-z]+)\s+((?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+)")
_TITLE_INSIDE = re.compile(r"(?P<title>[A-Z][\w-]+) +(?P<name>[A-Z][\w'’-]+\s+[A-Z][\w'’-]+)$")


def titled_people(body: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """People the model missed, named right after a title: "Kremlin spokesman Dmitry Peskov"."""
    out: list[tuple[int, int, str]] = []
    titles = name_words.title_words()
    taken = SpanIndex((a, b) for a, b, _ in sorted(spans))
    for m in _TITLED.finditer(body):
        s, e = m.start(2), m.end(2)
        # A lower-case title or person noun before a full name is a title too: "math teacher Angela
        # Cooper", "veteran Tom Young" (the model knows the roles only).
        noun = m.group(1)
        titled = _is_title(noun) or (noun.islower() and (noun in titles or is_person_noun(noun))
                                     and _full_name(m.group(2))) or (
            # "Premier Jane Roe", "Chair Jane Roe": a capitalised title of titles.txt before a
            # full name, every word a name's
            noun.casefold() in resources.words("titles.txt") and name_words.is_full_name(m.group(2)))
        if not titled and (inner := _TITLE_INSIDE.match(m.group(2))) and (
                _is_title(inner["title"]) or inner["title"].casefold() in resources.words("titles.txt")) and (
                name_words.is_full_name(inner["name"])):
            # "Earlier Premier Jane Roe", "Fed Chair Jane Roe": a capitalised word before the title
            # (an adverb opening the sentence, a body's short form) took the title's place in the
            # match; the title and a full name after it still name the person
            s = m.start(2) + inner.start("name")
            titled = True
        if not titled or (out and out[-1][1] > s):
            continue  # (matches come in text order: only the last one added can overlap)
        if not taken.any_touching(s, e):
            out.append((s, e, "PERSON"))
    return out


# Where an English sentence opens: the text's start, a line's, or after a sentence's closing mark
# (and a closing quotation mark or bracket) or a colon, past an opening mark.
_SENTENCE_OPENING = re.compile(r"(?:^|\n|[.!?:][\"”’')]*[ \t]+)[\"“‘'(]*$")
# A capitalised word inside a sentence: after a lower-case word or a clause mark.
_CAPITAL_INSIDE = re.compile(r"(?<=[a-z,;:] )[A-Z][\w'’-]*")
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]*")


def without_capitalised_openers(body: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A one-word span opening a sentence whose word is an ordinary one — a common word of news
    text, or one the article itself writes in lower case ("Many opposing the plan said …",
    "Prison union representatives warned …", "Apparently, …"): English capitalises every
    sentence's first word, and the model takes such words for names. It
    stays a name when the article writes it with its capital inside a sentence too ("… a deal
    with Apple." keeps "Apple said …"). The article's words are read in one pass each, and only
    when a span needs them."""
    openers = [i for i, (s, e, _) in enumerate(spans)
               if body[s:e].isalpha() and not body[s:e].isupper() and aliases.label_of(body[s:e]) is None
               and _SENTENCE_OPENING.search(body, max(0, s - 6), s)]
    if not openers:
        return spans
    common = _ordinary_openers()
    lower = {m.group(0) for m in _LOWER_WORD.finditer(body)}
    inside = {m.group(0) for m in _CAPITAL_INSIDE.finditer(body)}
    dropped = {i for i in openers if (word := body[spans[i][0] : spans[i][1]]) not in inside
               and (word.casefold() in common or word.casefold() in lower)}
    return [span for i, span in enumerate(spans) if i not in dropped]


@cache
def _ordinary_openers() -> frozenset[str]:
    """The common words of news text, and the sentence adverbs set off by a comma ("Meanwhile, …",
    resources/report_asides.txt): none opening a sentence is a name. Joined once per process."""
    return resources.words("common_words.txt") | resources.words("report_asides.txt")


def _full_name(text: str) -> bool:
    """Two or three capitalised words that read as a person's name, none a calendar word."""
    words = text.split()
    return 1 < len(words) and name_words.is_name_like(words[-1]) and not any(
        w.casefold() in name_words.calendar_words() for w in words)


def bodies_in_full(mentions: list[Entity]) -> None:
    """A body the article names short takes the fuller name it also writes, in place, when the
    words the full name adds only say what kind of body it is or whose ("McClatchy" → "McClatchy
    Co.", "Pacific Northern" → "Pacific Northern Airlines", "Election Commission" → "Election
    Commission of India"), or when the short name is the full one's head alone ("the Chronicle"
    → "San Francisco Chronicle", one such body named). Not a product named after its maker
    ("Google Stadia" adds a name), nor a person's family name ("Gates" of "Bill Gates" stays).
    Looked up by first and last word, so the work stays linear."""
    by_first: dict[str, list[list[str]]] = {}
    by_head: dict[str, set[str]] = {}
    inverted: dict[str, set[str]] = {}  # "health ministry" → {"Ministry of Health"}
    for m in mentions:
        words = _ARTICLE.sub("", m.canonical, count=1).split()
        if m.label == "ORG" and len(words) > 1 and words not in by_first.get(words[0], []):
            by_first.setdefault(words[0], []).append(words)
            by_head.setdefault(words[-1].casefold(), set()).add(" ".join(words))
            if len(words) > 2 and words[1] == "of" and _head(words[0]):
                # "Ministry of Health": its head opens it ("the Ministry"), and news also writes it
                # the other way round ("the Health Ministry")
                by_head.setdefault(words[0].casefold(), set()).add(" ".join(words))
                inverted.setdefault(" ".join(words[2:] + words[:1]).casefold(), set()).add(" ".join(words))
    if not by_first:
        return
    people: dict[str, set[str]] = {}  # a word of a person's full name → those full names
    for m in mentions:
        if m.label == "PERSON" and " " in m.canonical:
            for w in m.canonical.split():
                people.setdefault(w, set()).add(m.canonical)
    for m in mentions:
        words = _ARTICLE.sub("", m.canonical, count=1).split()
        if not words or m.label == "PLACE" or aliases.canonical(m.text) or (
                m.label == "PERSON" and any(people.get(w, set()) - {m.canonical} for w in words)):
            continue
        heads = by_head.get(words[0].casefold(), set()) if len(words) == 1 and _head(words[0]) else set()
        if len(words) > 1 and len(turned := inverted.get(" ".join(words).casefold(), set())) == 1:
            heads = turned
        if len(heads) == 1:
            m.label, m.canonical = "ORG", next(iter(heads))
            continue
        for full in by_first.get(words[0], [])[:MAX_FULLER]:
            rest = full[len(words) :]
            if rest and full[: len(words)] == words and (all(map(_head, rest)) or (rest[0] == "of" and len(rest) > 1)):
                m.label, m.canonical = "ORG", " ".join(full)
                break


MAX_FULLER = 8  # fuller names tried per short body: a hostile page may write thousands


def short_given_names(mentions: list[Entity]) -> None:
    """A person written once with the short form of a given name the article also writes in full
    ("Pat Carlineo" beside "Patrick Carlineo Jr.", "Chris Early" beside "Christopher Early") is
    that person, in place: the same other names, and a given name of three letters or more that
    opens the fuller one. Only when exactly one fuller name fits; looked up by the last name."""
    by_last: dict[str, set[str]] = {}
    for m in mentions:
        words = m.canonical.split()
        if m.label == "PERSON" and len(words) > 1:
            by_last.setdefault(_last_name(words), set()).add(m.canonical)
    for m in mentions:
        words = m.canonical.split()
        if m.label != "PERSON" or len(words) < 2 or len(words[0]) < 3:
            continue
        fits = [full for full in by_last.get(_last_name(words), ()) if full != m.canonical
                and (other := full.split())[0] != words[0] and other[0].startswith(words[0])
                and other[1 : len(words)] == words[1:]]
        if len(fits) == 1:
            m.canonical = fits[0]


def _last_name(words: list[str]) -> str:
    """A name's family name, past a generational suffix ("Jr.", "III")."""
    return words[-2] if len(words) > 2 and words[-1].rstrip(".") in GENERATIONAL_SUFFIXES else words[-1]


GENERATIONAL_SUFFIXES = frozenset({"Jr", "Sr", "II", "III", "IV"})
