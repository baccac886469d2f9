"""English text through an Indonesian-trained recogniser: the spans it glues, cuts or misses —
clauses taken for one name, people named after a title or by one word of their name, and bodies
named "Department of Health and Social Care" or "Poland's Defense Ministry".
"""

from __future__ import annotations

import re

from kliping import resources
from kliping.annotate import aliases, name_words
from kliping.annotate.role_phrases import person_after_role, role_words
from kliping.annotate.span_index import SpanIndex

_PIECE_WORD = re.compile(r"\S+")


def capitalised_pieces(body: str, start: int, end: int, label: str) -> list[tuple[int, int, str]]:
    """A model span cut into its runs of capitalised words: the model (trained on Indonesian)
    glues English clauses into one name ("North Korean leader Kim Jong Un met Russian President
    Vladimir Putin") and takes in neighbours ("as Pyongyang", "'s Far East"). A piece after a
    title ("leader", "President") is a person."""
    pieces: list[list[re.Match[str]]] = [[]]
    for word in _PIECE_WORD.finditer(body, start, end):
        text = word.group(0).lstrip("'’\"“(")
        if text[:1].isupper() or text[:1].isdigit():
            pieces[-1].append(word)
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
        before = body[max(0, s - 30) : s].split()
        after_title = bool(before) and before[-1].lower() in role_words()
        cut = person_after_role(body, s, e)  # "Russian President Vladimir Putin" → "Vladimir Putin"
        out.append((cut, e, "PERSON" if after_title or cut > s else label))
    return out if len(out) != 1 or out[0][:2] != (start, end) else [(start, end, label)]


_INSTITUTION_RUN = re.compile(r"(?<![\w'’.-])[A-Z][\w'’-]*(?:\s+(?:(?:of|and|&|for|on|the)\s+)*[A-Z][\w'’-]*)+")


def _english_body(text: str) -> bool:
    """An English body's name with its head last or after an owner: "Defense Ministry", "Land
    Transport Authority", "Sheriff's Office", "China's Ministry of Commerce"."""
    words = [w.removesuffix("'s").removesuffix("’s") for w in text.split()]
    owner = text.split()[0].endswith(("'s", "’s"))
    head = name_words.is_institution_head
    return head(words[-1]) or (owner and len(words) > 2 and head(words[1]))


_ARTICLE = re.compile(r"(?:The|An?) ")
_CONNECTOR_BEFORE = re.compile(r"\b(?:of|and|&|dan|for)\s+$")


def institutions_whole(body: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """In English text, a body's name with its head first or last that runs over "of" and "and" is
    one organisation, whatever pieces the model (trained on Indonesian) cut it into or missed
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
        text = body[s:e]
        if " " not in text or text.isupper() or not (name_words.is_institution(text) or _english_body(text)):
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


_NAME_WORD = re.compile(r"\b[A-Z][\w]*(?:['’-][A-Z]\w*)*")


_GIVEN_BEFORE = re.compile(r"(?<![\w.'’-])(?:[A-Z][\w'’-]+ ){1,2}$")


def people_by_one_name(body: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Later mentions of a person by one word of the full name ("Figgins said" after "Ann Figgins")
    that the model left out: one pass over the capitalised words, each looked up in the words of
    the article's full person names."""
    names: dict[str, set[str]] = {}  # last word → the first words written with it
    for s, e, label in spans:
        if label == "PERSON":
            words = body[s:e].split()
            last = words[-1].rstrip(".,;:").removesuffix("’s").removesuffix("'s")
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


def titled_people(body: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """People the model missed, named right after a title: "Kremlin spokesman Dmitry Peskov"."""
    out: list[tuple[int, int, str]] = []
    roles = role_words()
    taken = SpanIndex((a, b) for a, b, _ in sorted(spans))
    for m in _TITLED.finditer(body):
        s, e = m.start(2), m.end(2)
        if m.group(1).lower() not in roles or (out and out[-1][1] > s):
            continue  # (matches come in text order: only the last one added can overlap)
        if not taken.any_touching(s, e):
            out.append((s, e, "PERSON"))
    return out

