"""An English role description standing for a speaker → the person the article introduced with
that role: "the governor" after "Mary Okafor, governor of Kano, …"; "The mayor of Lindenport"
or "Lindenport’s mayor" when "Mayor Tom Whitaker" is named before or after it; a bare
"Premier said" after "Premier Joan Whitfield"; "the comedian" after "Dana Corliss, a comedian";
"the Fed leader" after "Fed Chairman Jerome Powell" (a generic head: whoever leads that body).

English introduces a person's role on either side of the name — as a title before it ("Fernhill
Mayor Paul Garrow") or as an appositive after it ("Mary Okafor, governor of Kano,") — and then
goes on with the role alone, often with the place or body it belongs to ("the mayor of X",
"X’s mayor"). The role is no speaker and neither is its place: the holder is. The words that
name a role are the titles of resources/titles.txt and roles.txt and the person nouns of
resources/description_nouns.tsv; any other noun counts only when the article introduced a person
with exactly that noun ("the comedian").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from functools import cache
from typing import NamedTuple

from kliping import resources
from kliping.annotate import name_words, role_phrases
from kliping.annotate.cues import Subject
from kliping.annotate.descriptions import APPOSITIVE, PREPOSITION, is_person_noun, is_source_noun
from kliping.model import Entity
from kliping.words import JOINED_WORD


class Role(NamedTuple):
    head: str  # the role's noun, lower case: "mayor", "ceo"
    owners: frozenset[str]  # the capitalised words of the place or body it belongs to: {"Lindenport"}
    start: int  # where the description starts in the body
    listed: bool  # a title or person noun of the lists (else only an exact introduction counts)
    parts: frozenset[str] = frozenset()  # its other role words, lower case: "The Prime Minister" → {"prime"}


_CAPS = r"[A-Z][\w.&’'-]*(?:\s+(?:of\s+)?[A-Z][\w.&’'-]*){0,3}"
# "the governor", "The devastated actress", "the Fed leader", "the police chief"
_HEAD = r"(?P<head>[A-Za-z][a-z-]+|[A-Z]{2,4}(?![\w’'-]))"  # "mayor", "President", "CEO"
_THE_ROLE = re.compile(rf"(?:[Tt]he|THE)\s+(?P<mods>(?:[\w’'.-]+\s+){{0,2}}?){_HEAD}")
# "the mayor of " written right before a place or body's name
_ROLE_OF = re.compile(rf"(?:[Tt]he)\s+(?:[a-z-]+\s+){{0,2}}?{_HEAD}\s+of\s+(?:the\s+)?$")
# "’s mayor", "'s new police chief" written right after a place or body's name
_OWNS_ROLE = re.compile(rf"(?:’s|'s)\s+(?:[a-z-]+\s+){{0,2}}?{_HEAD}\b(?!\s+[A-Z])")
# the lower-case words after an owner's possessive, up to three: "’s transport secretary has"
_OWNED_WORDS = re.compile(r"(?:’s|'s)(?P<words>(?:\s+[a-z-]+){1,3})")
# the same as one phrase: "Fernhill’s mayor", "Brightwave's new chief"
_OWNER_ROLE = re.compile(rf"(?P<owner>{_CAPS})(?:’s|'s)\s+(?:[a-z-]+\s+){{0,2}}?(?P<head>[a-z][a-z-]+)")
# "the Fed leader", "the police chief" after a body or place's name: its role, not the body
_MODIFIES_ROLE = re.compile(rf"\s+{_HEAD}\b(?!\s+[A-Z])")
# "The Mayor of Mackay" taken whole for a body's name
_ROLE_OF_NAME = re.compile(rf"(?:[Tt]he\s+)?(?P<head>[A-Za-z][a-z-]+|[A-Z]{{2,4}})\s+of\s+"
                           rf"(?:the\s+)?(?P<owner>{_CAPS})")

# The words a title before a name stands among: back to the clause's start ("Fernhill Mayor Paul
# Garrow", "police chief, Director General Ramon Castillo")
LEAD_REACH = 60
_LINKS = frozenset({"of", "the", "for"})  # "Minister of the Interior Ann Lee"
_LEAD_STOP = re.compile(r"[.;:\n“”\"()]")


def role_of(body: str, s: Subject) -> Role | None:
    """The role description a speaker's mention is, or is part of: the mention itself ("the
    governor", "Premier", "the comedian"), or a place or body's name inside one ("the mayor of
    [Lindenport]", "[Fernhill]’s mayor")."""
    text = s.text
    if (m := _THE_ROLE.fullmatch(text)) is not None:
        head = m["head"].lower()
        if _role_word(head) or (m["head"].islower() and not m["mods"]):
            # "the Fed leader": its body; a word of the role itself ("The Chief Minister") is no body
            # but the role's own, which the person's introduction must hold
            caps = frozenset(w for w in m["mods"].split() if w[:1].isupper() and w.lower() not in _role_parts())
            # "the interior minister" as "The Interior Minister": not "Prime Minister X"
            parts = frozenset(w.lower() for w in m["mods"].split() if w.lower() in _role_parts())
            return Role(head, caps, s.start, _role_word(head), parts)
    if text[:1].isupper() and " " not in text and text.lower() in _role_heads() and not text.isupper():
        return Role(text.lower(), frozenset(), s.start, True)  # "Premier said": a bare title, no article
    if (whole := _ROLE_OF_NAME.fullmatch(text)) is not None and _role_word(head := whole["head"].lower()):
        return Role(head, frozenset(JOINED_WORD.findall(whole["owner"])), s.start, True)
    if (owned := _OWNER_ROLE.fullmatch(text)) is not None and _role_word(head := owned["head"].lower()):
        # "Fernhill’s mayor" read as one phrase, its owner not taken for a name
        return Role(head, frozenset(JOINED_WORD.findall(owned["owner"])), s.start, True)
    if not text[:1].isupper() or text.split()[0].lower() == "the":
        return None
    owners = frozenset(JOINED_WORD.findall(text))
    before = _ROLE_OF.search(body, max(0, s.start - 40), s.start)
    if before is not None and _role_word(head := before["head"].lower()):
        return Role(head, owners, before.start(), True)
    after = _OWNS_ROLE.match(body, s.start + len(text))
    if after is not None and _role_word(head := after["head"].lower()):
        return Role(head, owners, s.start, True)
    if (owned := _OWNED_WORDS.match(body, s.start + len(text))) is not None and (
            heads := [w for w in owned["words"].split() if _role_word(w)]):
        return Role(heads[-1], owners, s.start, True)  # "Millbrook’s transport secretary": the secretary
    modified = _MODIFIES_ROLE.match(body, s.start + len(text))
    if (modified is not None and modified["head"].islower() and _role_word(head := modified["head"])
            and body[max(0, s.start - 4) : s.start].lower() == "the "):
        return Role(head, owners, s.start - 4, True)
    return None


_OPENING_ROLE = re.compile(r"[Tt]he(?P<words>(?:\s+[\w’'-]+){1,4})")


def opening_role(body: str, start: int, stop: int) -> Subject | None:
    """"The governor condemned the attack, saying …", "The devastated actress told fans …": a
    sentence opening with "The", up to three lower-case words ending in a title or person noun
    and a lower-case word after them — its subject."""
    m = _OPENING_ROLE.match(body, start, stop)
    if m is None:
        return None
    words = m["words"].split()
    for n in range(1, min(3, len(words) - 1) + 1):
        if all(w.islower() for w in words[: n + 1]) and _role_word(words[n - 1]):
            return Subject(body[start : start + 3] + " " + " ".join(words[:n]), start, "noun")
    return None


@cache
def _generic_heads() -> frozenset[str]:
    """Role nouns that name whoever leads a body ("leader", "chief", "boss"): the body's chairman,
    director or president, however the article introduced them."""
    return frozenset(resources.words("generic_role_heads.txt"))


def _role_word(word: str) -> bool:
    return word in _role_heads() or is_person_noun(word)


@cache
def _role_parts() -> frozenset[str]:
    """Every word of a role, of one word or more ("prime" of "prime minister", "chief")."""
    return frozenset(w for r in resources.lines("roles.txt") for w in r.split()) | _role_heads()


@cache
def _role_heads() -> frozenset[str]:
    """The one-word roles and titles ("mayor", "premier", "ceo", "gov"): not the words of longer
    roles ("state" of "secretary of state"), which name no one alone."""
    roles = (r for r in resources.lines("roles.txt") if " " not in r)
    short = (a for a, _full in resources.rows("role_abbreviations.tsv") if " " not in a)
    return frozenset((*roles, *short, *resources.words("titles.txt"), *resources.words("ranks.txt")))


def holder(body: str, role: Role, entities: list[Entity]) -> str | None:
    """The person the article introduced with ``role``'s noun — as a title before the name or in an
    appositive after it — of the same place or body when the description names one; of several,
    the one named most often before the description (then the last introduced), else the first
    after it (an article may name the mayor only after "The mayor of X said")."""
    forms = [set(f) for f in role_phrases.forms_of(role.head)]  # "the CEO" … "chief executive Lena Marsh"
    found: list[tuple[bool, Entity]] = []
    for e in entities:
        if e.label != "PERSON" or not name_words.holds_name_word(e.canonical):
            continue
        context, head = _introduction(body, e)
        if not role.parts <= {w.lower() for w in context}:
            continue  # "THE Prime Minister" is not "National Security Minister Stuart Young"
        if role.head in _generic_heads() and role.owners:
            # "the Fed leader" after "Fed Chairman Jerome Powell": any role, of the same body only
            introduced = bool(role.owners & context) and any(_role_word(w) for w in context if w.islower())
        elif role.listed:
            introduced = (role.head in context or any(f <= context for f in forms)
                          or (len(role.head) > 3 and any(w.startswith(role.head) for w in context)))  # "chairwoman"
        else:
            introduced = role.head == head  # "the comedian": only the appositive's own noun
        if introduced:
            found.append((bool(role.owners & context) or _owner_named(role.owners, e), e))
    if not found:
        return None
    if role.owners and any(same for same, _ in found):
        found = [x for x in found if x[0]]
    # of several (two presidents), the one named most often before the description, then the
    # last introduced; with none before, the first after it
    people = [e for _, e in found]
    i = bisect_left(people, role.start, key=lambda e: e.start)
    if i == 0:
        return people[0].canonical
    named = Counter(e.canonical for e in entities if e.start < role.start)
    return max(people[:i], key=lambda e: (named[e.canonical], e.start)).canonical


def _introduction(body: str, e: Entity) -> tuple[frozenset[str], str]:
    """The words that introduce a person — the title words before the name, back to the clause's
    start, and the appositive after it up to its first preposition, with the capitalised words of
    its place or body ("Mary Okafor, governor of Kano," → governor, Kano; not "governor" in "X, a
    spokesman for the governor,") — and the appositive's head noun ("spokesman"), or ""."""
    lead = body[max(0, e.start - LEAD_REACH) : e.start]
    stops = list(_LEAD_STOP.finditer(lead))
    lead = lead[stops[-1].end() :] if stops else lead
    words: list[str] = []
    lead_words = JOINED_WORD.findall(lead)[-6:]
    for i in range(len(lead_words) - 1, -1, -1):
        w = lead_words[i]
        low = w.lower()
        if _role_word(low):
            words.append(low)
        elif w[:1].isupper() or low in _LINKS:
            words.append(w)
        elif low == "and" and words and _role_word(words[-1]) and i > 0 and _role_word(lead_words[i - 1].lower()):
            continue  # "Chief Minister and Treasurer Andrew Barr": two roles of one person
        else:
            break  # "Mayor Ann Lee and Governor Bo Kim": the words before "and" introduce someone else
    # a title the recogniser took into the name ("[Justice Mark Chetcuti]") introduces it too
    words += [w.lower() for w in JOINED_WORD.findall(e.text) if _role_word(w.lower())]
    head = ""
    if (app := APPOSITIVE.match(body, e.end)) is not None:
        own = JOINED_WORD.findall(PREPOSITION.split(app["words"], 1)[0])
        words += [w.lower() for w in own] + [w for w in JOINED_WORD.findall(app["words"]) if w[:1].isupper()]
        head = own[-1].lower() if own else ""
    return frozenset(words), head


def _owner_named(owners: frozenset[str], e: Entity) -> bool:
    return bool(owners) and bool(owners & set(e.canonical.split()))


LEAD_CHARS = 600  # the lead an unnamed description may open before the article names its holder
NAMED_LATER_REACH = 1500  # characters after the description to the introduction that names it
_SENTENCE_END = re.compile(r"[.;\n]")


def named_later(body: str, s: Subject, entities: list[Entity]) -> str | None:
    """"…, a Ukrainian military official said on Sunday." opening an article, then "Serhiy Popko,
    a colonel general who heads Kyiv's military administration, said …": English news leads with
    an unnamed description and names the person in the next paragraphs. The person is the first
    one introduced after the lead with a word of the description ("military", "police",
    "governor") in their title or appositive; none when the lead's description is no person's
    ("a source") or no later introduction shares a word with it."""
    words = s.text.split()
    if (s.start > LEAD_CHARS or len(words) < 2 or words[0].casefold() not in ("a", "an")
            or is_source_noun(words[-1].casefold().strip(",."))):
        return None  # "an insurgent source" is never named
    stops = resources.words("stopwords.txt")
    content = {w.casefold().strip(",.") for w in words[1:]} - stops
    if not content:
        return None
    # one named before the description is not who it hides: the writer would have named them
    seen = {e.canonical for e in entities if e.start < s.start}
    for e in entities:
        if e.start < s.start + len(s.text) or e.label != "PERSON" or e.canonical in seen:
            continue
        if e.start > s.start + NAMED_LATER_REACH:
            return None
        seen.add(e.canonical)
        context, _head = _introduction(body, e)
        rest = body[e.end : e.end + 90]
        if rest.startswith(","):  # "Elmer Soria, a regional police director." closed by its full stop
            rest = rest[: m.start()] if (m := _SENTENCE_END.search(rest)) else rest
            context = context | frozenset(JOINED_WORD.findall(rest))
        if content & {w.casefold() for w in context}:
            return e.canonical
    return None
