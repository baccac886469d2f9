"""Other articles' headlines among a page's lines: those listed under a bare "Baca juga:" label,
bulleted title-cased links, and a lone title-cased line between paragraphs whose words the
article does not otherwise use (a related link printed without a label); and the page's own
headline reworded over its text. A part of clean.py's page-shape rules, kept apart so each
module stays small.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

import py3langid

from kliping import resources
from kliping.model import RawDocument

# How a sentence (or a quotation closing one) ends; a headline ends without one of these.
SENTENCE_END = tuple(".!?\"”’')…:;。！？、」』")
WORD = re.compile(r"[^\W\d_]{3,}")  # a word of three letters or more

# Reported speech inside a line: a sentence of the article, not another article's headline.
_REPORTING = re.compile(r"\b(?:kata|ujar|ucap|ungkap|tutur|jelas|tegas|katanya|ujarnya|said|says)\b")
# "(13/9)", "(13/9/2023)": Indonesian reports date their sentences; headlines do not.
_DATED = re.compile(r"\(\d{1,2}/\d{1,2}(?:/\d{2,4})?\)")
_NUMBERED = re.compile(r"\d{1,2}[.)]\s")
# A title-cased line this long between two paragraphs, whose words the article does not
# otherwise use, is another article's headline (a related link printed without "Baca juga").
STRAY_HEADLINE_MIN_WORDS = 4
STRAY_HEADLINE_MAX_WORDS = 20
STRAY_HEADLINE_MAX_SHARED = 0.5  # share of its content words found elsewhere in the article
STRAY_HEADLINE_MAX_NUMBERS = 2
STRAY_HEADLINE_CAPITALISED = 0.9  # "Susunan pemain: …", "37 tahun, 46 hari" are lists, not titles
# A label that lists other articles' headlines under it ("Baca juga:", "Berita Terkait", "Related").
_RELATED_LABEL = re.compile(
    r"(?:(?:baca|lihat|simak|read|see)(?: juga| pula| also)?|(?:berita|artikel|topik|tautan|link) "
    r"(?:terkait|lainnya|pilihan)|related(?: articles?| stories| news| links| reading)?|also read|see also)"
    r"\s*[:»›>-]?",
    re.IGNORECASE,
)
# After a bare "Baca juga:" label, the headlines it lists (in any case) run until a sentence.
LISTED_HEADLINES_MAX = 6
LISTED_HEADLINE_MIN_WORDS = 3


def is_title_cased(words: list[str]) -> bool:
    """Every content word capitalised (or a number), as headlines are written; function words may not be."""
    stop = resources.words("stopwords.txt")
    content = [w for w in words if w.strip("\"'“”‘’()[],:;!?").casefold() not in stop]
    if len(content) < STRAY_HEADLINE_MIN_WORDS - 1:
        return False
    capital = sum(1 for w in content if (w.lstrip("\"'“‘([")[:1] or "a").isupper() or w[:1].isdigit())
    return capital >= STRAY_HEADLINE_CAPITALISED * len(content)


def headline_shaped(line: str) -> bool:
    """Written as a headline: a few title-cased words, not a sentence, a list or a result."""
    words = line.split()
    if not STRAY_HEADLINE_MIN_WORDS <= len(words) <= STRAY_HEADLINE_MAX_WORDS:
        return False
    if line.endswith((".", ",", ":", ";", "\"", "”", "’", "'")) or ";" in line or line.isupper():
        return False  # a sentence, a list of names, or a shouted subheading
    if sum(1 for w in words if w[:1].isdigit()) > STRAY_HEADLINE_MAX_NUMBERS:
        return False  # a result or a record ("X: Barcelona 3 - 1 United, 28/05/2011 – 40 tahun")
    if _DATED.search(line) or _REPORTING.search(line):
        return False  # a dated or attributed sentence of the article
    if _NUMBERED.match(line):
        return False  # "1. Jokowi Tak Khawatir …": an item of the article's own numbered list (a round-up)
    if words[-1].lstrip("\"'“‘([")[:1].islower():
        return False  # title case capitalises the last word too: a sentence cut short ("… Andi Wijaya menyebut")
    return is_title_cased(words)


def _listed_headline(line: str) -> bool:
    """A headline under a "Baca juga:" label, title-cased or not: a few words, not a sentence."""
    words = line.split()
    return (
        LISTED_HEADLINE_MIN_WORDS <= len(words) <= STRAY_HEADLINE_MAX_WORDS
        and not line.rstrip("\"”’'").endswith((".", ",", ":", ";"))
        and sum(1 for w in words if w[:1].isdigit()) <= STRAY_HEADLINE_MAX_NUMBERS
        and (line[:1].isupper() or line[:1].isdigit() or line[:1] in "\"“'‘•·-–—")
        and not _DATED.search(line)
        and not _REPORTING.search(line)
    )


def _stray_headline(line: str, elsewhere: dict[str, int]) -> bool:
    """A headline-shaped line whose content words the rest of the article mostly does not use."""
    stop = resources.words("stopwords.txt")
    own = [w for w in (m.casefold() for m in WORD.findall(line)) if w not in stop]
    if not own:
        return False
    own_counts: dict[str, int] = {}
    for w in own:
        own_counts[w] = own_counts.get(w, 0) + 1
    shared = sum(1 for w in own if elsewhere.get(w, 0) > own_counts[w])
    return shared < STRAY_HEADLINE_MAX_SHARED * len(own)


def _article_words(lines: list[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for line in lines:
        for w in WORD.findall(line):
            key = w.casefold()
            counts[key] = counts.get(key, 0) + 1
    return counts


def _short_unfinished(line: str) -> bool:
    return len(line.split()) <= STRAY_HEADLINE_MAX_WORDS and not line.endswith(SENTENCE_END)


LIST_MAX_ITEMS = 40  # lines under an announcement read as the story's list, at most
LIST_ITEM_MAX_WORDS = 20


@cache
def _list_openers() -> tuple[str, ...]:
    """The list openers each with the space after it: one str.startswith of them all per line, where a
    generator built each opener's string again for every line of every article."""
    return tuple(w + " " for w in resources.lines("list_openers.txt"))


def _announces_list(line: str) -> bool:
    return line.endswith(":") or bool(_NUMBERED.match(line)) or line.casefold().startswith(_list_openers())


def article_lists(lines: list[str], verdicts: list[str | None]) -> set[int]:
    """The lines of lists the story announces itself ("Berikut 23 pemain …" / "- Budi (Persikota)" /
    …; "1. Provinsi Sukaraja" / "Kota Cempaka: Budi-Ani" / …): short lines, none closed as a
    sentence, right under an announcing line of the story. Headline rules leave them alone."""
    listed: set[int] = set()
    for n, line in enumerate(lines):
        if verdicts[n] is not None or not _announces_list(line):
            continue
        k = n + 1
        while (k < len(lines) and k - n <= LIST_MAX_ITEMS and verdicts[k] is None
               and len(lines[k].split()) <= LIST_ITEM_MAX_WORDS and not lines[k].endswith((".", "!", "?"))):
            listed.add(k)
            k += 1
    return listed


def related_headlines(lines: list[str], verdicts: list[str | None], indonesian: Callable[[], bool],
                      bullet_mark: re.Pattern[str]) -> None:
    """Mark other articles' headlines among the body lines as "related".

    Three shapes: the headlines listed under a bare "Baca juga:" label (in any case, until a
    sentence), a bulleted title-cased line whose words the article does not otherwise use, and a
    lone title-cased line between paragraphs whose words the article does not otherwise use. The
    third is for Indonesian text only: on English pages (dev) such lines were subheadings and Q&A
    lines, and the HTML extractor already drops related-link blocks there. ``indonesian`` is asked
    only when such a line is found (clean.py remembers its answer for the other rules).
    """
    elsewhere: dict[str, int] | None = None
    listed = -1  # headlines listed since the last bare label; -1 when no label is open
    own_list = article_lists(lines, verdicts)
    for n in range(len(lines)):
        if n in own_list:
            listed = -1
            continue
        if verdicts[n] is not None:
            # "Baca juga:" alone opens a list of the headlines it points to
            listed = 0 if verdicts[n] == "related" and _RELATED_LABEL.fullmatch(lines[n]) else -1
            continue
        if n == 0:
            continue
        if 0 <= listed < LISTED_HEADLINES_MAX and _listed_headline(lines[n]):
            # After the first, a title-cased line may be the article's next subheading: it is
            # another headline only if the article does not use its words.
            if listed == 0 or not is_title_cased(lines[n].split()):
                verdicts[n] = "related"
                listed += 1
                continue
            if elsewhere is None:
                elsewhere = _article_words(lines)
            if _stray_headline(lines[n], elsewhere):
                verdicts[n] = "related"
                listed += 1
                continue
        listed = -1
        if n == len(lines) - 1:
            break
        bullet = None if lines[n][:1].isalnum() else bullet_mark.match(lines[n])
        if bullet and 0 < bullet.end() < len(lines[n]):
            # "• Headline", "- Headline": a bulleted link to another article, in any language
            if headline_shaped(lines[n][bullet.end():]):
                if elsewhere is None:
                    elsewhere = _article_words(lines)
                if _stray_headline(lines[n], elsewhere):
                    verdicts[n] = "related"
            continue
        if not headline_shaped(lines[n]):
            continue  # most lines are paragraphs
        # Lone: its neighbours are prose or furniture, not more title-cased lines (a list).
        if any(verdicts[k] is None and _short_unfinished(lines[k]) and is_title_cased(lines[k].split())
               for k in (n - 1, n + 1)):
            continue
        if not indonesian():
            return
        if elsewhere is None:
            elsewhere = _article_words(lines)
        if _stray_headline(lines[n], elsewhere):
            verdicts[n] = "related"


# The headline reworded over the text: one of the first lines sharing this share of its words
# (either way) with the page's title.
REWORDED_HEADLINE_LINES = 3
REWORDED_HEADLINE_SHARED = 0.7
REWORDED_HEADLINE_MAX_WORDS = 25


def reworded_headline(lines: list[str], verdicts: list[str | None], title: str | None) -> None:
    """Mark the page's own headline printed over its text in other words than its metadata's title
    ("HS Roundup: …" printed "High School Roundup: …", a social title, a site's suffix) as a
    "repeated headline". A lead shares words too, but ends with a stop; and a page prints its
    headline once: after the title itself, a line like it is the article's own first heading."""
    if not title or "repeated headline" in verdicts[:REWORDED_HEADLINE_LINES]:
        return
    theirs = {w.casefold() for w in WORD.findall(title)}
    for n, line in enumerate(lines[:REWORDED_HEADLINE_LINES]):
        if (
            verdicts[n] is not None
            or len(line.split()) > REWORDED_HEADLINE_MAX_WORDS
            or line.rstrip("\"”’'").endswith((".", ",", ";", ":"))
        ):
            continue
        own = {w.casefold() for w in WORD.findall(line)}
        if own and len(own & theirs) >= REWORDED_HEADLINE_SHARED * len(own | theirs):
            verdicts[n] = "repeated headline"
            return


def is_indonesian(raw: RawDocument) -> bool:
    """Whether a page is Indonesian: its stated language, else the text's own."""
    language = raw.language or _language(raw.text)
    return (language or "").lower().startswith("id")


def _language(text: str) -> str | None:
    # The same cut as describe.detect_language: the first 600 characters decide.
    lang, _score = py3langid.classify(text[:600])
    return str(lang)
