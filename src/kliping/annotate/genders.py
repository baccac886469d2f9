"""Gender, from the article's own words (English "he"/"she"): we ship no name-gender list, so a
person's gender is what the article says of them — an honorific before the name ("Ms. Roe"), a
role or kinship noun in apposition ("actress Jane Roe", "the mother of two, Jane Roe", "Jane Roe,
a grandmother of five,"), and the pronouns it uses for them where only they can be meant (see
genders). resources/gender_words.tsv holds the words. annotate/quote_speakers.py uses it so a
quotation's "she" is not the man named last."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache

from kliping import resources
from kliping.annotate import name_words
from kliping.model import Entity

STRONG = 3  # one honorific or role noun outweighs a pronoun read by position, which can misfire
MIN_EVIDENCE = 2  # so one pronoun read by position is not enough: two must agree
_APPOSITIVE_AFTER = re.compile(r",\s+(?:an?|the|his|her|[A-Z][\w-]*['’]s)\s+(?P<words>[^,.;:!?“”\"()\n]{1,60})")
# A possessor ("Roe's", "Jones' car") is not the person a pronoun or a sentence is about;
# annotate/speakers.py reads sentence subjects with it too.
POSSESSOR = re.compile(r"[^'’]{0,2}['’](?:s\b|\s)")
_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "its"})
_CLAUSE_MARK = re.compile(r"[.,;:!?“”\"()\n—–]")
_APPOSITIVE_OF = re.compile(r",\s+[^,.;:!?“”\"()\n]*\Z")
MAX_OPENING_WORDS = 3  # words before the subject of a sentence ("Gov. Kristi Noem", "The actress Jane Roe")
POSSESSIVE_REACH = 25  # characters from a name to "his"/"her" read as that person's ("Lee and his wife")


@cache
def _gender_words() -> dict[str, dict[str, str]]:
    kinds: dict[str, dict[str, str]] = {"honorific": {}, "role": {}, "kin": {}, "pronoun": {}}
    for word, gender, kind in resources.rows("gender_words.tsv"):
        kinds[kind][word] = gender
    kinds["noun"] = kinds["role"] | kinds["kin"]
    return kinds


@cache
def _pronoun_forms() -> re.Pattern[str]:
    return re.compile(rf"\b(?i:{'|'.join(_gender_words()['pronoun'])})\b")


def pronoun_gender(word: str) -> str | None:
    """"m" for "he", "his", …; "f" for "she", "her", …; None for any other word ("ia", "they")."""
    return _gender_words()["pronoun"].get(word.casefold())


def _described_gender(body: str, e: Entity) -> str | None:
    """The gender an honorific or a role noun next to a person's mention gives them."""
    words = _gender_words()
    head = body[max(0, e.start - 60) : e.start]
    own = e.text.split()[0].rstrip(".") if e.text.split() else ""
    before = head.split()[-1].rstrip(".") if head.split() and head[-1:].isspace() else ""
    for word, nouns in ((own, words["role"]), (before, words["noun"])):
        if word[:1].isupper() and (g := words["honorific"].get(word.casefold())):
            return g  # "Ms. Ardern", "Mr Lee"
        if g := nouns.get(word.casefold()):
            return g  # "Congresswoman Jane Roe", "actress Jane Roe", "his wife Jane"
    if head.rstrip().endswith(","):  # "the mother of two, Jane Roe", "Roe's husband, Bob"
        phrase = _CLAUSE_MARK.split(head.rstrip()[:-1])[-1].split()
        # A noun phrase, not an opening adverbial ("After meeting his mother, Bob …").
        if 1 < len(phrase) <= 6 and (phrase[0].casefold() in _DETERMINERS or POSSESSOR.search(phrase[0])):
            if g := next((words["noun"][w] for w in phrase if w in words["noun"]), None):
                return g
    after = _APPOSITIVE_AFTER.match(body, e.end, e.end + 80)  # "Jane Roe, a grandmother of five,"
    if after is not None:
        return next((words["noun"][w] for w in after["words"].split() if w in words["noun"]), None)
    return None


def genders(body: str, sentences: list[tuple[int, int]], people: list[Entity],
            quoted: list[tuple[int, int]]) -> dict[str, list[tuple[int, str, int]]]:
    """Person (canonical name) → the article's evidence of their gender (see gender_of): beside
    honorifics and role nouns, each gendered pronoun outside a quotation that points back
    (_points_back) votes for the one person it can stand for — the only person its sentence
    names before it ("When Lee arrived, he …", "Roe said she …"; a possessive only in the same
    clause as the name), or, in a
    sentence that names no one before it ("Roe spoke first. She said …"), the only person the
    sentence before names, near its start; or the person named right before a possessive in
    the same clause ("Lee and his wife", "Roe at her office"). A quotation's pronouns are the
    speaker's, about others; a possessor ("Trump's defenders … her testimony") and a name with
    an appositive holding the pronoun ("Meacham, one of his editors") are someone else's."""
    votes: dict[str, list[tuple[int, str, int]]] = {}  # person → (where, "m"/"f", weight)
    for e in people:
        if g := _described_gender(body, e):
            votes.setdefault(e.canonical, []).append((e.start, g, STRONG))
    def inside(pos: int) -> bool:
        q = bisect_right(quoted, (pos, len(body))) - 1
        return q >= 0 and quoted[q][0] <= pos < quoted[q][1]

    # A name inside a quotation is not one a pronoun outside points back at, nor is a possessor
    # ("Trump's defenders … her testimony", "Roe's lawyer said he"), though it counts as someone.
    people = [e for e in people if not inside(e.start)]
    possessors = {e.start for e in people if POSSESSOR.match(body, e.end - 2, e.end + 2)}
    starts = [e.start for e in people]
    for m in _pronoun_forms().finditer(body):
        pos = m.start()
        if inside(pos) or not _points_back(body, m):
            continue
        s = max(0, bisect_right(sentences, (pos, len(body))) - 1)
        i = bisect_left(starts, pos)
        first = bisect_left(starts, sentences[s][0]) if sentences else 0
        subject = m.group(0).casefold() in ("he", "she")
        owner = None
        if i > first:  # the sentence names someone before the pronoun
            near = people[i - 1]
            if _APPOSITIVE_OF.match(body, near.end, pos):
                continue  # "Meacham, one of his editors": an appositive's pronoun is someone else
            one = len({e.canonical for e in people[first:i]}) == 1
            same_clause = not _CLAUSE_MARK.search(body, near.end, pos)
            if near.start not in possessors and ((one and (subject or same_clause)) or (
                    not subject and same_clause and pos - near.end <= POSSESSIVE_REACH)):
                owner = near.canonical  # "Lee and his wife", "When Lee arrived, he …"
        elif s > 0:  # naming no one before it: the person the sentence before opens with
            prev = people[bisect_left(starts, sentences[s - 1][0]) : first]
            opening = body[sentences[s - 1][0] : prev[0].start] if prev else ""
            if len({e.canonical for e in prev}) == 1 and prev[0].start not in possessors and (
                    len(opening.split()) <= MAX_OPENING_WORDS or opening.rstrip().endswith(",")):
                owner = prev[0].canonical  # "Roe spoke first. She said …", not "… against Lee. Her …"
        if owner is not None:
            votes.setdefault(owner, []).append((pos, pronoun_gender(m.group(0)) or "m", 1))
    return votes


def gender_of(evidence: dict[str, list[tuple[int, str, int]]], name: str, pronoun_at: int = -1) -> str | None:
    """"m" or "f" where a person's evidence (see genders) agrees at least two to one, leaving
    out the vote of the pronoun being resolved (at ``pronoun_at``): it cannot vouch for itself."""
    weight = {"m": 0, "f": 0}
    for pos, g, w in evidence.get(name, ()):
        if pos != pronoun_at:
            weight[g] += w
    m, f = weight["m"], weight["f"]
    return "m" if m >= MIN_EVIDENCE and m >= 2 * f else "f" if f >= MIN_EVIDENCE and f >= 2 * m else None


_NEXT_WORD = re.compile(r"\s+([a-z][\w-]*)")


def _points_back(body: str, m: re.Match[str]) -> bool:
    """Whether a pronoun is one that points back at the person the sentence is about: "he" or
    "she" opening a sentence or a clause ("Roe spoke. She said", "When Lee came, he …" — not
    "Lee said she would", someone else), "his", "himself", "herself", and "her" as a possessive
    ("her office"; "told her that" is someone else). "Him" is mostly someone else."""
    form = m.group(0).casefold()
    if form in ("he", "she"):
        lead = body[max(0, m.start() - 7) : m.start()].rstrip()
        return not lead or lead[-1] in ".,;:!?”\"\n" or lead.endswith((" and", " but", " said", " says"))
    if form == "her":
        after = _NEXT_WORD.match(body, m.end())
        return after is not None and after.group(1) not in resources.words("stopwords.txt")
    return form in ("his", "himself", "herself")


def gendered(speaker: str | None, pronoun: str, pos: int, people: list[Entity],
             evidence: dict[str, list[tuple[int, str, int]]]) -> str | None:
    """The speaker a "he"/"she" stands for, made to agree with the pronoun: when the one resolved
    by position is known to be of the other gender, the most recent person before ``pos`` who is
    not ("When Lee visited Roe at her office … “…,” she recalled" → Roe, not Lee). Unknown
    genders agree with everything, so with no evidence nothing changes."""
    want = pronoun_gender(pronoun)
    if speaker is None or want is None or gender_of(evidence, speaker, pos) in (None, want):
        return speaker
    i = bisect_left(people, pos, key=lambda e: e.start)
    for e in reversed(people[:i]):
        if gender_of(evidence, e.canonical, pos) in (None, want) and name_words.holds_name_word(e.canonical):
            return e.canonical
    return speaker
