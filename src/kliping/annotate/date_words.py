"""The date vocabulary (``resources/relative_dates.tsv`` and CLDR month and weekday names) and the
small steps both date finders share: a found span, ISO values, snapping a span to words, and which
way (past or future) a clause points.
"""

from __future__ import annotations

import bisect
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


# Fixed-width look-behinds (no literal space: the relative-date rows turn spaces into \s+).
_DECADE_APOSTROPHE = "|".join(rf"(?<={w}\d\d\d0)" for w in (r"the\x20", r"The\x20", r"early\x20", r"late\x20", "mid-"))


def year_group(name: str) -> str:
    # A count ("pada 2023 orang"), a decade ("1990-an", "1990s", "the 1990's"), a decimal or a season ("2015/2016") is
    # not a year; a year's possessive is ("2016's Star Trek Beyond").
    return (
        rf"(?P<{name}>{YEAR})(?![.,/]?\d)(?! ?-? ?an\b|s\b|(?:{_DECADE_APOSTROPHE})['’]s\b)"
        rf"(?!\s+(?:{words('nonyear')})\b)"
    )


def iso_date(year: int, month: int, day: int | None = None) -> str | None:
    try:
        return f"{year:04d}-{month:02d}" if day is None else date(year, month, day).isoformat()
    except ValueError:
        return None


MAX_WORD_CHARS = 64  # a "word" longer than this is not one: widening stops there ("1/1/1/…" × 500k)


def snap(body: str, start: int, end: int) -> tuple[int, int]:
    # Widen to whole words so look-arounds at the window's edges see what they would in the body;
    # at most MAX_WORD_CHARS each way, or a text without spaces costs its length per window.
    start = max(start, 0)
    floor = max(0, start - MAX_WORD_CHARS)
    while start > floor and not body[start - 1].isspace():
        start -= 1
    return start, word_end(body, end)


_NON_SPACE = re.compile(rf"\S{{0,{MAX_WORD_CHARS}}}")


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
    if _future().search(body, lead, start):
        return 1
    # A date fronted before the sentence's first comma is governed by the verb of the clause after it, a future word
    # right after its subject ("Sebelum 30 Juni, PBSI akan melakukan pemutihan"); not one in what someone says there
    # ("Pada Senin, Presiden mengatakan pemerintah akan …"), nor "would" ("In August, CBP said it would …").
    if lead == sentence_start(body, start) and (comma := _FRONTED.match(body, end)) is not None:
        at = comma.end()
        for _ in range(4):  # its subject, then the verb: four words at most
            if (word := _WORD.match(body, at)) is None:
                break
            if (w := _future().match(body, word.start(1))) and w.group().lower() != "would":
                return 1
            at = word.end()
    return 0


_FRONTED = re.compile(r"[^,.;:!?\n\"“”]{0,30},")  # the rest of a fronted phrase, to its comma
_WORD = re.compile(r"\s*([^\s,.;:!?\"“”]+)")


@cache
def _year_words() -> tuple[re.Pattern[str], tuple[int, ...]]:
    rows = kinds()["yearword"]
    space = r"[ \t]+"
    alternatives = "|".join(f"(?P<a{i}>{regex.replace(' ', space)})" for i, (_, regex) in enumerate(rows))
    return re.compile(rf"[ \t]*,?[ \t]*(?:{alternatives})(?!\w)", re.IGNORECASE), tuple(int(a) for a, _ in rows)


def year_said(body: str, end: int) -> tuple[int, int] | None:
    """(shift, end) when the year is said in words right after a year-less date ("5 November tahun lalu", "Nov. 5
    last year"): the anchor's year plus shift, and where the words end."""
    pattern, shifts = _year_words()
    if m := pattern.match(body, end):
        return shifts[int((m.lastgroup or "a0")[1:])], m.end()
    return None


@cache
def _told_past() -> re.Pattern[str]:
    verbs = "|".join(regex for (regex,) in kinds()["pastverb"])
    passive = r"(?<!\bbe\s)(?<!\bis\s)(?<!\bare\s)(?<!\bbeing\s)"  # "is held", "to be released": not past
    return re.compile(rf"(?<!\w){passive}(?:{verbs})\s+(?:(?:in|on|at|during)\s+)?(?:the\s+)?\Z", re.IGNORECASE)


def told_past(body: str, start: int) -> bool:
    """Whether a verb in the past stands right before a year-less date or its preposition ("previewed in January",
    "was announced on December 5"): what it tells has happened, so the date is not one still to come."""
    return bool(_told_past().search(body, max(start - 40, 0), start))


def near_years(f: Found, anchor: date) -> list[int]:
    """The years about the anchor a year-less day with a weekday may lie in, the one the anchor suggests first.

    A day of the last two months is in that year only: a weekday not its own is a slip of the pen, not a day of a
    year ago ("Kamis (15/9)" in a paper of 20 September 2023, a Friday then: the source contradicts itself)."""
    near = [anchor.year, anchor.year - 1, anchor.year + 1]
    if (unsaid := unsaid_year(f, anchor)) is None:  # 29 February
        return near
    if 0 <= (anchor - date(unsaid, f.month, f.day)).days <= FUTURE_SLACK_DAYS:
        return [unsaid]
    return [unsaid] + [y for y in near if y != unsaid]


def unsaid_year(f: Found, anchor: date) -> int | None:
    """The year of a year-less day the text gives no direction for: the anchor's, unless that puts it more than ~2
    months ahead (news reports the past), then the year before; across the new year the same slack holds ("15 Januari"
    said on 20 December is next month's, not last January's)."""
    if (iso := iso_date(anchor.year, f.month, f.day)) is None:
        return None
    if (date.fromisoformat(iso) - anchor).days > FUTURE_SLACK_DAYS:
        return anchor.year - 1
    after = iso_date(anchor.year + 1, f.month, f.day)
    return anchor.year + 1 if after and (date.fromisoformat(after) - anchor).days <= FUTURE_SLACK_DAYS else anchor.year


def two_days(
    m: re.Match[str], d1: str, d2: str, month: int, year: str | None, *weekdays: int | None, start: int | None = None
) -> list[Found]:
    """The ends of a range of days in one month, the days in groups ``d1`` and ``d2`` ("12-17 September 2023",
    "Sabtu-Minggu (16-17/9)", "Sept. 16-17"): the second runs to the end of the match, the first (from ``start``, else
    its day) takes the second's year; each keeps the weekday written for it."""
    first, second = int(m[d1]), int(m[d2])
    if not 1 <= first < second <= 31:
        return []
    wa, wb = weekdays or (None, None)
    last = Found(m.start(d2), m.end(), iso_date(int(year), month, second) if year else None, month, second, wb)
    return [Found(m.start(d1) if start is None else start, m.end(d1), None, month, first, wa, year_from=last), last]


_CLOSERS = re.compile(r"[,.!?]?[”\"»]")
_ATTRIBUTION_END = re.compile(r"[.!?\n]")
ATTRIBUTION_CHARS = 160  # how far after its closing mark a quotation's attribution ("kata X di …, Jumat (20/10)") runs


def speech_day(body: str, here: int, dated: list[tuple[int, str]], quoted: list[tuple[int, int]]) -> str | None:
    """The day a quotation holding ``here`` was said, where its attribution writes one: ""Hasilnya keluar nanti
    sore," kata Rudi di Bandung, Rabu (13/9)". A speaker's "hari ini", "besok", "today" count from the day they
    spoke, which a report published the next morning writes beside their name. ``quoted`` is the (start, end) of
    the article's quotations (the quotation finder's), ``dated`` (start, ISO value) of the dates found so far, both
    in text order; the first day-grain date in the attribution is taken."""
    n = bisect.bisect_right(quoted, (here, len(body))) - 1
    if n < 0 or not quoted[n][0] <= here < quoted[n][1]:
        return None
    end = quoted[n][1]
    close = _CLOSERS.match(body, end)
    after = close.end() if close else end
    stop_at = _ATTRIBUTION_END.search(body, after, after + ATTRIBUTION_CHARS)
    stop = stop_at.start() if stop_at else min(len(body), after + ATTRIBUTION_CHARS)
    for start, value in dated[bisect.bisect_left(dated, (after, "")) :]:
        if start >= stop:
            break
        if len(value) == 10:
            return value
    return None


def sentence_start(body: str, here: int) -> int:
    return max(body.rfind(c, 0, here) for c in ".!?\n") + 1


def sentence_year(body: str, here: int, dated: list[tuple[int, str]]) -> int | None:
    """The year a year-grain mention earlier in the same sentence states ("cuaca tahun ini … pada akhir November",
    "the 2016 campaign … a September 11 event"): the year of a year-less date after it. ``dated`` is in text order."""
    start = sentence_start(body, here)
    said = [v for s, v in dated if start <= s < here and len(v) == 4]
    return int(said[-1]) if said else None
