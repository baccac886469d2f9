"""Absolute date-and-time expressions in Indonesian and English text → ISO 8601.

Used by clean.py (is this line just a date?) and describe.py (when was it published?).
Month and weekday names come from CLDR via babel, plus the spellings in
``resources/calendar_extra.tsv``; time-zone abbreviations from ``resources/timezones.tsv``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from babel.dates import get_day_names, get_month_names

from kliping import resources

LOCALES = ("id", "en")


@dataclass(frozen=True)
class Timestamp:
    """A date (and maybe a time) found in text."""

    text: str
    start: int
    end: int
    year: int | None
    month: int
    day: int | None
    time: str | None  # "HH:MM" or "HH:MM:SS"
    offset: str | None  # "+07:00"
    weekday: int | None  # 0=Monday, as written in the text

    def iso(self, default_offset: str | None = None) -> str | None:
        """ISO 8601 at the grain the text gives; None when the year is unknown."""
        if self.year is None:
            return None
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        day = f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.time is None:
            return day
        clock = self.time if self.time.count(":") == 2 else self.time + ":00"
        offset = self.offset or default_offset or ""
        return f"{day}T{clock}{offset}"


@cache
def month_names() -> dict[str, int]:
    names: dict[str, int] = {}
    for loc in LOCALES:
        for width in ("wide", "abbreviated"):
            for number, name in get_month_names(width, locale=loc).items():
                names[name.lower().rstrip(".")] = number
    for kind, number, spelling in resources.rows("calendar_extra.tsv"):
        if kind == "month":
            names[spelling.lower()] = int(number)
    return names


@cache
def weekday_names() -> dict[str, int]:
    names: dict[str, int] = {}
    for loc in LOCALES:
        for width in ("wide", "abbreviated"):
            for number, name in get_day_names(width, locale=loc).items():
                names[name.lower().rstrip(".")] = number
    for kind, number, spelling in resources.rows("calendar_extra.tsv"):
        if kind == "weekday":
            names[spelling.lower()] = int(number)
    return names


@cache
def zone_offsets() -> dict[str, str]:
    return {abbr.upper(): offset for abbr, offset in resources.rows("timezones.tsv")}


def _alternation(names: dict[str, int] | dict[str, str]) -> str:
    # Longest first so "September" wins over "Sep".
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


@cache
def _pattern() -> re.Pattern[str]:
    month = _alternation(month_names())
    weekday = _alternation(weekday_names())
    zone = _alternation(zone_offsets())

    clock = (
        r"(?:[\s,]*(?:-|–|—|\||pukul|pkl\.?|jam|at)?\s*"
        r"(?P<hh>[01]?\d|2[0-3])[:.](?P<mi>[0-5]\d)(?::(?P<ss>[0-5]\d))?"
        r"(?:\s*(?P<ampm>[AaPp]\.?[Mm]\.?))?"
        rf"(?:\s*(?P<zone>{zone})\b|\s*(?:GMT|UTC)?\s*(?P<num>[+-]\d{{2}}:?\d{{2}}))?)?"
    )
    # One alternative per written form; the named groups differ by suffix. The weekday the first three may
    # start with is tried once for all of them (a weekday is never a month name, so nothing else changes):
    # that alternation at every word start was most of this pattern's cost.
    weekday_forms = [
        # 14 September 2023 / Jumat 21 Juni 2024 / 20 September / 08 January, 2024 / 3rd Mar 2019
        # (after a comma, not a count before its noun: "pada 20 Mei, 2000 warga")
        rf"\(?(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{month})\.?(?:(?:\s+|,\s+(?=\d{{4}}(?!\s+[a-z])))(?P<y1>(?:19|20)\d\d)(?![\d.,]\d))?\)?",
        # September 14, 2023
        rf"(?P<m2>{month})\.?\s+(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y2>(?:19|20)\d\d)",
        # Rabu (13/9/2023) / Jumat (15/9) / 13-09-2023
        # (not the first two days of "(16-17 September)", a range the month's name follows)
        rf"\(?(?P<d3>[0-3]?\d)[/.-](?P<m3>[01]?\d)(?:[/.-](?P<y3>(?:19|20)\d\d))?(?!\s+(?:{month})\b)\)?",
    ]
    # 2023-09-14
    iso = r"(?P<y4>(?:19|20)\d\d)-(?P<m4>[01]\d)-(?P<d4>[0-3]\d)(?:T|\s+)?"
    dated = "|".join(f"(?:{f})" for f in weekday_forms)
    body = rf"(?:(?P<wd>{weekday})\.?\s*,?\s*)?(?:{dated})|{iso}"
    # Every match opens with a digit, "(" or a weekday's or month's first letter: looked ahead for
    # first, they let the engine skip to candidates instead of trying the look-behind everywhere.
    firsts = "".join(sorted({re.escape(n[0].lower()) for n in [*month_names(), *weekday_names()]}))
    return re.compile(rf"(?=[\d({firsts}])(?<![\w/.-])(?:{body}){clock}(?![\w/])", re.IGNORECASE)


def _int(value: str | None) -> int | None:
    return int(value) if value else None


_DIGIT = re.compile(r"\d")  # the same digits as _pattern's \d


def find_timestamps(text: str) -> list[Timestamp]:
    """Every absolute date (with its time and zone when written) in ``text``."""
    found: list[Timestamp] = []
    if _DIGIT.search(text) is None:
        return found  # every form writes its day or year in digits; most lines hold none
    months = month_names()
    weekdays = weekday_names()
    for m in _pattern().finditer(text):
        g = m.groupdict()
        if g["m1"] or g["m2"]:
            month = months[(g["m1"] or g["m2"]).lower().rstrip(".")]
        else:
            month = int(g["m3"] or g["m4"])
        day = _int(g["d1"] or g["d2"] or g["d3"] or g["d4"])
        year = _int(g["y1"] or g["y2"] or g["y3"] or g["y4"])
        if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
            continue
        wd_name = g["wd"]
        if g["m3"] and not g["y3"] and not wd_name:
            # A bare "3/4" is too often a fraction or a score; need a weekday or a year.
            continue
        if year is not None and day is not None:
            try:
                date(year, month, day)
            except ValueError:
                continue
        time = None
        if g["hh"]:
            hour = int(g["hh"])
            ampm = (g["ampm"] or "").lower().replace(".", "")
            if ampm == "pm" and hour < 12:
                hour += 12
            elif ampm == "am" and hour == 12:
                hour = 0
            time = f"{hour:02d}:{g['mi']}" + (f":{g['ss']}" if g["ss"] else "")
        offset = None
        if g["zone"]:
            offset = zone_offsets()[g["zone"].upper()]
        elif g["num"]:
            num = g["num"].replace(":", "")
            offset = f"{num[:3]}:{num[3:]}"
        weekday = weekdays.get(wd_name.lower().rstrip(".")) if wd_name else None
        found.append(
            Timestamp(m.group(0).strip(), m.start(), m.end(), year, month, day, time, offset,
                      weekday)
        )
    return found


def weekday_matches(ts: Timestamp, year: int) -> bool:
    """Whether the weekday written beside a day/month holds in ``year``."""
    if ts.weekday is None or ts.day is None:
        return True
    try:
        return date(year, ts.month, ts.day).weekday() == ts.weekday
    except ValueError:
        return False


_ISO_PREFIX = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def is_iso_date(text: str) -> bool:
    """A calendar date at some grain — "2023", "2023-09", "2023-09-13" — that exists: "2023-13" and
    "2023-02-30" are refused (filters compare stored dates as text, so a shape alone is not enough)."""
    m = _ISO_PREFIX.fullmatch(text)
    if not m:
        return False
    year, month, day = (int(g) if g else 1 for g in m.groups())  # an absent month or day: any will do
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True

