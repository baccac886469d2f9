"""The date vocabulary (``resources/relative_dates.tsv`` and CLDR month and weekday names) and the
small steps both date finders share: a found span, ISO values, snapping a span to words, and which
way (past or future) a clause points.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from babel.dates import get_day_names, get_month_names

from kliping import resources
from kliping.timestamps import LOCALES, month_names, weekday_names

TABLE = "relative_dates.tsv"
DIGITS = re.compile(r"\d+")


FUTURE_SLACK_DAYS = 62  # a year-less date further than this after the anchor is last year's
YEAR = r"(?:19|20)\d\d"


@dataclass
class Found:
    start: int
    end: int
    value: str | None = None  # ISO when the text alone fixes it
    month: int = 0  # year-less day/month: resolved against the anchor
    day: int = 0
    weekday: int | None = None
    year_from: Found | None = None  # a range's first end takes the year of its second
    conflict: str | None = None  # "weekday": the weekday written with the date does not fall on it


@cache
def kinds() -> dict[str, list[tuple[str, ...]]]:
    table: dict[str, list[tuple[str, ...]]] = {}
    for row in resources.rows(TABLE):
        table.setdefault(row[0], []).append(row[2:])
    return table


@cache  # _triggers asks for the trigger words once an article
def words(kind: str) -> str:
    return "|".join(sorted((row[0] for row in kinds().get(kind, [])), key=len, reverse=True))


@cache
def numbers() -> dict[str, int]:
    return {word.lower(): int(value) for word, value in kinds()["num"]}


def capitalised(names: set[str]) -> str:
    # Case-sensitive inside IGNORECASE patterns: "Minggu" is Sunday, "minggu" a week; "May" a month.
    forms = {f for n in names for f in (n[:1].upper() + n[1:], n.upper())}
    return "(?-i:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + ")"


@cache
def wide_months() -> frozenset[str]:
    months = {n.lower() for loc in LOCALES for n in get_month_names("wide", locale=loc).values()}
    return frozenset(months | {n for n in month_names() if len(n) >= 4 and n != "sept"})


@cache
def full_names() -> tuple[str, str]:
    """Alternations of wide month and weekday names (abbreviations like "Sen", "Mar" are words too)."""
    days = {n.lower() for loc in LOCALES for n in get_day_names("wide", locale=loc).values()}
    return capitalised(set(wide_months()) | {"sept"}), capitalised(days | {n for n in weekday_names() if len(n) > 3})


def year_group(name: str) -> str:
    # A count ("pada 2023 orang"), a decade ("1990-an", "1990s"), a decimal or a season ("2015/2016") is not a year.
    return rf"(?P<{name}>{YEAR})(?![.,/]?\d)(?! ?-? ?an\b|s\b|'s\b)(?!\s+(?:{words('nonyear')})\b)"


def iso_date(year: int, month: int, day: int | None = None) -> str | None:
    try:
        return f"{year:04d}-{month:02d}" if day is None else date(year, month, day).isoformat()
    except ValueError:
        return None


def snap(body: str, start: int, end: int) -> tuple[int, int]:
    # Widen to whole words so look-arounds at the window's edges see what they would in the body.
    start = max(start, 0)
    while start > 0 and not body[start - 1].isspace():
        start -= 1
    return start, word_end(body, end)


_NON_SPACE = re.compile(r"\S*")


def word_end(body: str, end: int) -> int:
    """``end`` moved right to the end of the word it falls in (a regex: faster than a loop over characters)."""
    m = _NON_SPACE.match(body, min(end, len(body)))
    return m.end() if m else end


@cache
def _future() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w'’])(?:{words('future')})(?!\w)", re.IGNORECASE)


@cache
def after_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Words right after a year-less date that put it in the future ("mendatang") and in the past ("lalu")."""
    words: dict[str, list[str]] = {"future": [], "past": []}
    for direction, regex in kinds()["after"]:
        words[direction].append(regex)
    future, past = ("|".join(words[d]) or "(?!)" for d in ("future", "past"))
    return re.compile(rf"\s*(?:{future})(?!\w)", re.IGNORECASE), re.compile(rf"\s*(?:{past})(?!\w)", re.IGNORECASE)


CLAUSE_CHARS = 60  # how far back a future word ("akan", "will") still governs a date in the same clause
_CLAUSE_END = re.compile(r"[.!?;,:\n\"“”]")


def clause_direction(body: str, start: int, end: int) -> int:
    """1 when the text puts a year-less date or a bare weekday in the future, -1 in the past, 0 when it does not say.

    News reports the past, so a bare "15 September" or "on Monday" is the last one; a future word earlier in the
    same clause ("akan digelar pada 20 Desember", "will play on Saturday") or after it ("1 Mei mendatang") is not.
    """
    future, past = after_words()
    if future.match(body, end):
        return 1
    if past.match(body, end):
        return -1
    lead = max(start - CLAUSE_CHARS, 0)
    for stop in _CLAUSE_END.finditer(body, lead, start):
        lead = stop.end()
    return 1 if _future().search(body, lead, start) else 0


def sentence_start(body: str, here: int) -> int:
    return max(body.rfind(c, 0, here) for c in ".!?\n") + 1


def sentence_year(body: str, here: int, dated: list[tuple[int, str]]) -> int | None:
    """The year a year-grain mention earlier in the same sentence states ("cuaca tahun ini … pada akhir November",
    "the 2016 campaign … a September 11 event"): the year of a year-less date after it. ``dated`` is in text order."""
    start = sentence_start(body, here)
    said = [v for s, v in dated if start <= s < here and len(v) == 4]
    return int(said[-1]) if said else None
