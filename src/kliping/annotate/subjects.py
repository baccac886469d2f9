"""Who a narrative sentence is about: its subject, named near its start after any discourse
opener, dateline and titles ("Sementara itu, Komisaris PT X Kuswara S. Taryono pun bersyukur …").
annotate/quotes.py hands "ia", "he", "-nya" and bare quoted paragraphs to that person.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from kliping import resources
from kliping.annotate import name_words
from kliping.model import Entity

_DISCOURSE = re.compile(r"^[^,]{0,40},\s*")  # "Sementara itu, …", "Dihubungi terpisah, …"
# "At a hearing last month of the subcommittee that funds NASA, Rep. X …": an opener that starts
# with a function word may run longer before its comma.
_LONG_OPENER = re.compile(r"^(\w+)\b[^,“”\"]{0,100},\s*")


def _opener_end(text: str) -> int:
    """Where a sentence's subject may start: after a discourse opener, if it has one."""
    m = _LONG_OPENER.match(text)
    if m and m[1].casefold() in resources.words("stopwords.txt"):
        return m.end()
    m = _DISCOURSE.match(text)
    return m.end() if m else 0


_FIRST_WORD = re.compile(r"[A-Z][\w'’-]*")


def introduced(body: str, sentences: list[tuple[int, int]], people: list[Entity],
                        known: dict[str, str], since: int, until: int, clitic: bool = False) -> str | None:
    """The person a narrative sentence between the last quotation and this one is about — its
    subject, named near its start ("Komisaris PT X Kuswara S. Taryono pun bersyukur …",
    "Stafford, earlier in the hearing, was adamant …") — so that "ia", "he" and "-nya" after it
    mean that person, not the speaker quoted before. A "-nya" after a quotation (``clitic``)
    keeps the speaker when the narrative's subject only undergoes something (see _narrates)."""
    found = None
    first_sentence = max(0, bisect_right(sentences, (since, len(body))) - 1)
    for s_start, s_end in sentences[first_sentence:]:
        if s_start >= until:
            break
        if s_end <= since:
            continue
        subject = sentence_subject(body, s_start, min(s_end, until), people, known)
        if subject is not None and _narrates(body, s_start, s_end, subject, clitic):
            found = subject
    return found


# The verb after a sentence's subject that makes the subject what happens to, not who acts:
# Indonesian di- passives ("Markus ditetapkan sebagai tersangka"), English be + participle.
_PASSIVE_AFTER = re.compile(
    r"(?:[,]?\s+(?:sendiri|pun|juga|telah|sudah|kemudian|lantas|akhirnya|also|later|then))*"
    r"\s+(?:di[a-z]{3,}|(?:was|were|is|are|has been|had been|have been)\s+(?:\w+\s+)?\w+(?:ed|en)\b)")


def _narrates(body: str, start: int, end: int, subject: str, clitic: bool) -> bool:
    """Whether a sentence is narration that can hand the next "ia"/"-nya" to its subject: a full
    sentence (not a heading, which ends without a stop: "Dapat Peran Berkat Beyonce"); and, for a
    "-nya" closing a quotation, a subject that acts ("Markus ditetapkan sebagai tersangka" between
    two quotations of the prosecutor does not make Markus the one who goes on speaking). A
    sentence-initial "Ia" after "Miryam ditetapkan …" is still Miryam: the topic carries on."""
    if body[start:end].rstrip()[-1:] not in ".!?\"”’)":
        return False
    words = subject.split()
    at = -1
    for form in (subject, words[-1], words[0]):
        at = body.find(form, start, end)
        if at >= 0:
            at += len(form)
            break
    return not clitic or at < 0 or not _PASSIVE_AFTER.match(body, at)


def sentence_subject(body: str, start: int, end: int, people: list[Entity], known: dict[str, str]) -> str | None:
    i = bisect_left(people, start, key=lambda e: e.start)
    first = people[i] if i < len(people) and people[i].start < end else None
    if (first is not None and opens_sentence(body[start : first.start]) and name_words.holds_name_word(first.canonical)
            and (" " in first.text or name_words.is_name_like(first.text))):  # "People who share …" is no one
        return first.canonical
    opening = body[start : min(end, start + 160)]
    word = _FIRST_WORD.match(opening)  # "Young, in his testimony, didn't …": a name, not an opener
    if word and word.group(0) in known:
        return known[word.group(0)]
    word = _FIRST_WORD.match(opening, _opener_end(opening))
    return known.get(word.group(0)) if word else None


def opens_sentence(prefix: str) -> bool:
    """Whether a name after ``prefix`` is its sentence's subject: before it stand only a
    discourse opener ("Sementara itu,") and the person's titles ("Komisaris PT Persib Bandung",
    "pebalap Ducati,"), never prose ("Figgins declined to address whether …") or a quotation."""
    prefix = _DATELINE.sub("", prefix, count=1)  # "JAKARTA (Pos Kota) – Hakim tunggal …, Kusno,"
    prefix = prefix[_opener_end(prefix):]
    titles = name_words.title_words()
    return not any(c in prefix for c in "“\"") and all(
        w[:1].isupper() or w.strip(",").casefold() in titles for w in prefix.split())


_DATELINE = re.compile(r"^[A-Z][A-Z .,/]{1,40}(?:\([^)]{1,40}\))?\s*[-–—]+\s*")
