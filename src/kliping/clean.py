"""RawDocument text → the article body plus every removed line with the reason it went.

Two kinds of knowledge decide what goes: the patterns in ``resources/boilerplate.tsv``
(related-article links, prompts, menus, photo credits, bylines… as *kinds* of page furniture)
and general rules about page shape (a run of short unpunctuated lines at the end of a page is a
menu; a line that is only a date is a date line; a line repeating the headline is a repeat).
Nothing is thrown away silently: body lines + removed lines = every non-blank input line.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from kliping import resources
from kliping.model import RawDocument, RemovedLine
from kliping.timestamps import find_timestamps, weekday_names

# Characters that scrapers leave behind and that only get in the way of matching.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_SENTENCE_END = tuple(".!?\"”’')…:;。！？、」』")
_SEPARATORS = re.compile(r"\s*[|•·]\s*")
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b")
_NAME_WORD = re.compile(r"^[A-Z][\w.'’-]*$")

MAX_LEADING_FURNITURE = 3  # date lines, captions, credits a scraper may put above the headline
HEADLINE_MAX_WORDS = 25

# A trailing run of lines this short and unpunctuated is a footer menu, not prose.
MENU_MAX_WORDS = 5
MENU_MAX_CHARS = 50


@dataclass
class Cleaned:
    """What clean() makes of a RawDocument."""

    title: str | None
    body: str
    removed: list[RemovedLine]


def normalise_line(line: str) -> str:
    """One line with invisible characters gone and runs of spaces made one space."""
    line = unicodedata.normalize("NFC", line).translate(_INVISIBLE)
    return _SPACES.sub(" ", line).strip()


@cache
def _furniture() -> tuple[re.Pattern[str], dict[str, str]]:
    """All boilerplate patterns as one alternation (one scan per line), and group → reason.

    In a full match of an alternation the first alternative that matches wins, so the
    order of ``boilerplate.tsv`` still decides between reasons.
    """
    groups, reasons = [], {}
    for i, (reason, pattern) in enumerate(resources.rows("boilerplate.tsv")):
        groups.append(f"(?P<p{i}>{pattern})")
        reasons[f"p{i}"] = reason
    return re.compile("|".join(groups), re.IGNORECASE), reasons


def _same_text(a: str, b: str) -> bool:
    strip = " /|-–—:.,"
    return a.strip(strip).casefold() == b.strip(strip).casefold()


@cache
def _date_labels() -> frozenset[str]:
    return frozenset(weekday_names()) | frozenset(resources.lines("date_labels.txt"))


def _date_line_reason(line: str) -> str | None:
    """'date line' for a line that is only a date, 'byline' for a name beside a date."""
    if line.endswith((".", "!", "?")):
        return None  # a sentence that mentions a date
    stamps = [t for t in find_timestamps(line) if t.year is not None]
    if not stamps:
        return None
    rest = line
    for stamp in reversed(stamps):
        rest = rest[: stamp.start] + " " + rest[stamp.end :]
    words = [w for w in re.split(r"[\s,|•·/–—:-]+", rest) if w]
    labels = _date_labels()
    others = [w for w in words if w.lower() not in labels]
    if not others:
        return "date line"
    if len(others) <= MENU_MAX_WORDS and all(_NAME_WORD.match(w) for w in others):
        return "byline"
    return None


def _reads_like_headline(line: str) -> bool:
    """Short, no full stop at the end, no dateline lead-in ("Jakarta - …")."""
    return (
        len(line.split()) <= HEADLINE_MAX_WORDS
        and not line.endswith((".", "!", "?"))
        and not re.match(r"^[A-Z][\w.]*(?:[ ,]+[\w.]+){0,3}\s*(?:--|-|–|—|:)\s", line)
    )


def _is_menu_item_list(line: str) -> bool:
    if line.startswith("|") or line.endswith("|"):
        return False  # a table row, not a menu
    parts = [p for p in _SEPARATORS.split(line) if p]
    return (
        len(parts) >= 3
        and all(len(p.split()) <= 3 for p in parts)
        and not any(ch.isdigit() for ch in line)
    )


def _has_unspaced_script(line: str) -> bool:
    """Chinese, Japanese and similar scripts: word counts say nothing about length there."""
    return any("\u2e80" <= ch <= "\ua4cf" or "\uac00" <= ch <= "\ud7af" for ch in line)


def _is_menu_like(line: str) -> bool:
    # Numbers and "label: value" pairs mark lists and tables (a line-up, a price list)
    # that end many articles; menus are plain words.
    return (
        len(line) <= MENU_MAX_CHARS
        and len(line.split()) <= MENU_MAX_WORDS
        and not line.endswith(_SENTENCE_END)
        and not any(ch.isdigit() for ch in line)
        and ":" not in line
        and not _has_unspaced_script(line)
    )


def classify(line: str, title: str | None = None) -> str | None:
    """The reason a single line is not article text, or None when it may be."""
    if title and _same_text(line, title):
        return "repeated headline"
    pattern, reasons = _furniture()
    m = pattern.fullmatch(line)
    if m and m.lastgroup:
        return reasons[m.lastgroup]
    if _is_menu_item_list(line):
        return "menu"
    return _date_line_reason(line)


def clean(raw: RawDocument) -> Cleaned:
    """Split a document's text into body lines and removed lines."""
    lines = [n for n in (normalise_line(x) for x in raw.text.split("\n")) if n]
    removed: list[RemovedLine] = []
    title = raw.title
    if raw.headline_first and lines:
        # The first line is the headline — unless it is furniture (a date, a caption): then the
        # first line after a little furniture is, if it reads like a headline.
        for n, line in enumerate(lines[: MAX_LEADING_FURNITURE + 1]):
            reason = classify(line)
            if reason == "byline" and not _CLOCK.search(line):
                reason = None  # "Gempa Cianjur 21 November 2022" heads a page; a byline's date has a time
            if reason is None and (n == 0 or _reads_like_headline(line)):
                title = line
                removed.append(RemovedLine(line, "headline"))
                lines = lines[n + 1 :]
                break
            if reason is None:
                lines = lines[n:]
                break
            removed.append(RemovedLine(line, reason))
        else:
            lines = lines[MAX_LEADING_FURNITURE + 1 :]

    verdicts = [classify(line, title) for line in lines]
    # Footer menus: walk up from the end through furniture and short unpunctuated lines.
    i = len(lines) - 1
    while i >= 0 and (verdicts[i] or _is_menu_like(lines[i])):
        verdicts[i] = verdicts[i] or "menu"
        i -= 1

    body = []
    for line, verdict in zip(lines, verdicts, strict=True):
        if verdict:
            removed.append(RemovedLine(line, verdict))
        else:
            body.append(line)
    return Cleaned(title=title, body="\n\n".join(body), removed=removed)
