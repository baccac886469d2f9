"""Article body → the absolute dates it writes, day or month with or without a year: "Rabu (13/9/2023)",
"13 September 2023", "Nov. 5", "12-17 September 2023", "2018.04.05" … (the forms are listed in
annotate/dates.py, which gives the year-less ones their year). Only stretches around digit runs that
may belong to a date are scanned: timestamps.py's pattern is costly.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from kliping.annotate.date_words import (
    DIGITS,
    YEAR,
    Found,
    capitalised,
    full_names,
    iso_date,
    snap,
    two_days,
    wide_months,
    words,
    year_group,
)
from kliping.timestamps import find_timestamps, month_names, weekday_names, zone_offsets


@cache
def _absolute() -> re.Pattern[str]:
    """Forms timestamps.py leaves out: month-year, "Month day", "12-17 September", "Sabtu malam (7/5)"."""
    month, weekday = full_names()
    abbrev = capitalised(set(month_names()))
    bare = capitalised(set(words("abbrev").split("|")))
    return re.compile(
        rf"(?<![\w.,/-])(?:"
        rf"(?P<d1>[0-3]?\d)\s*(?:{words('range')})\s*(?P<d2>[0-3]?\d)\s+(?P<m1>{abbrev})\.?(?:\s+(?P<y1>{YEAR}))?"
        # "Juni 2024", "October of 2006"; "April - Mei 2017": the first month takes the year written after the second
        rf"|(?P<m2>{month})(?:\.?,?\s+(?:of\s+)?{year_group('y2')}"
        rf"|(?=\.?\s*(?:{words('range')})\s*(?P<m8>{month})\.?,?\s+{year_group('y8')}))"
        rf"|(?P<m3>{month})\.?\s+(?P<d3>[0-3]?\d)(?:st|nd|rd|th)?(?!,?\s*\d|[.:/-]?\d)"
        # "Nov. 5", "Aug. 10": an abbreviation with its dot; without it only those no name or word shares ("Nov 5",
        # not "Jun 5" or "Mar 5")
        rf"|(?P<m5>(?:{abbrev})(?=\.)|{bare}(?=\s))\.?\s*(?P<d5>[0-3]?\d)(?:st|nd|rd|th)?(?!,?\s*\d|[.:/-]?\d)"
        # "5th of November", "16th September 2023"
        rf"|(?P<d9>[0-3]?\d)(?:st|nd|rd|th)\s+(?:of\s+)?(?P<m9>{month})(?:,?\s+(?P<y9>{YEAR}))?(?![.,/]?\d)"
        rf"|(?P<y6>{YEAR})(?P<sep>[./])(?P<m6>[01]\d)(?P=sep)(?P<d6>[0-3]\d)(?![.,/]?\d)"  # "2018.04.05", "2018/04/05"
        # month first, as American pages write it, where the day (over 12) says so: "11/19/2019"
        rf"|(?P<m7>0?[1-9]|1[0-2])/(?P<d7>1[3-9]|2\d|3[01])/(?P<y7>{YEAR})(?![.,/]?\d)"
        # "Sabtu malam (7/5)", "Senin malam, (2/3)", and a doubled slash typed by mistake: "Sabtu (18//3)"
        rf"|(?P<w4>{weekday})(?:\s+(?:{words('tod')}))?\s*,?\s*\((?P<d4>[0-3]?\d)/{{1,2}}(?P<m4>[01]?\d)"
        rf"(?:/{{1,2}}(?P<y4>{YEAR}))?\)"
        # "Tuesday (May 21)", "Friday (Jun 7)": wire and Singapore pages bracket an abbreviated month after the weekday,
        # where even the abbreviations that are words ("May", "Mar", "Jun") can only be the month
        rf"|(?P<w11>{weekday})\s*,?\s*\((?P<m11>{abbrev})\.?\s*(?P<d11>[0-3]?\d)\)"
        # a day and month alone in brackets, dating what stands before it: "di Jakarta (4/10)", "pukul 21.00 WIB
        # (4/5)", "sore (8/3)" (_dates_what_precedes says which words may stand there: no fraction, no score)
        rf"|(?<=\()(?P<d10>[0-3]?\d)/(?P<m10>[01]?\d)(?=\))"
        rf")(?!\w)",
        re.IGNORECASE,
    )


# Where a range of days may be written: "16-17/9", "(16-17 September", "Sept. 16-17", "Agustus-2 September".
_DASHED = re.compile(
    r"\(\d\d?\s*[-–]\s*\d\d?\s+[^\W\d_]|\d\s*[-–]\s*\d\d?/\d|[^\W\d_]\.?\s*\d\d?\s*[-–]\s*\d\d?\b|[^\W\d_][-–]\d\d?\s+[^\W\d_]"
)


@cache
def _day_ranges() -> re.Pattern[str]:
    """Ranges of days written with a dash, tried only where one is ("16-17", "Agustus-2"): a pattern of their own
    keeps the common one lean (speed)."""
    month, weekday = full_names()
    abbrev = capitalised(set(month_names()))
    return re.compile(
        rf"(?:(?<![\w.,/-])(?:"
        # "Sabtu-Minggu (16-17/9/2023)", "(16-17/9)", "16-17/9/2023": two days, each with its weekday (bracketed or
        # with a year: "skor 16-17/9" is no date); and with the month's name, "Sabtu – Minggu (16-17 September 2023)"
        rf"(?:(?P<wa>{weekday})\s*(?:{words('range')})\s*(?P<wb>{weekday})\s*,?\s*)?(?P<br>\()?(?P<da>[0-3]?\d)\s*[-–]\s*"
        rf"(?P<db>[0-3]?\d)(?:/(?P<mab>[01]?\d)(?:/(?P<yab>{YEAR}))?|(?(br)\s+(?P<mnb>{month})\.?(?:\s+(?P<ynb>{YEAR}))?|(?!)))"
        rf"(?(br)\)|(?<=\d{{4}}))"
        # "Sept. 16-17, 2023", "November 18-24"
        rf"|(?P<m12>(?:{abbrev})\.|{month})\s*(?P<e1>[0-3]?\d)\s*[-–]\s*(?P<e2>[0-3]?\d)(?:,?\s+(?P<y12>{YEAR}))?"
        rf"(?![.:/-]?\d)"
        # the second end of "30 Agustus-2 September 2023", written against the dash
        rf")|(?<=[^\W\d_][-–])(?P<d14>[0-3]?\d)\s+(?P<m14>{month})\.?(?:,?\s+(?P<y14>{YEAR}))?(?![.,/]?\d)"
        rf")(?!\w)",
        re.IGNORECASE,
    )


@cache
def _weekday_before() -> re.Pattern[str]:
    """A weekday name standing right before a date: "Kamis (", "Kamis, "."""
    return re.compile(rf"(?<![^\W\d_])(?P<w>{full_names()[1]})\.?\s*,?\s*\(?\Z")


_JOINTS = ("/", ".", "-", "–")
_ORDINAL_OF = re.compile(r"(?:st|nd|rd|th)(?:\s+of)?\b", re.IGNORECASE)


def _near_date(body: str, start: int, end: int) -> bool:
    """Whether a digit run can be part of a date: a year, or a day/month beside a month name or "/"."""
    if end - start == 4:
        return body[start : start + 2] in ("19", "20")
    if end - start > 2:
        return False
    # "14/8", "14.8", and "18//3" with its slash typed twice
    step = 2 if body[end : end + 2] == "//" else 1
    if body[end : end + 1] in _JOINTS and body[end + step : end + step + 1].isdigit():
        return True
    step = 2 if body[start - 2 : start] == "//" else 1
    if body[start - 1 : start] in _JOINTS and body[start - step - 1 : start - step].isdigit():
        return True
    ordinal = _ORDINAL_OF.match(body, end) if body[end : end + 1].isalpha() else None  # "5th of November"
    after = body[ordinal.end() if ordinal else end : end + 20].split(None, 1)
    before = body[max(start - 14, 0) : start].split()
    months = month_names()
    return bool(
        after and after[0].lower().strip(".,)") in months or before and before[-1].lower().strip(".,(") in months
    )


def _windows(body: str) -> list[tuple[int, int]]:
    """Stretches of the body that may hold an absolute date: around digit runs that may be one.

    Scanning only these keeps find_timestamps (a costly pattern) to a fraction of the text.
    """
    windows: list[tuple[int, int]] = []
    for m in DIGITS.finditer(body):
        if _near_date(body, *m.span()):
            start, end = snap(body, m.start() - 32, m.end() + 32)
            if windows and start <= windows[-1][1]:
                windows[-1] = (windows[-1][0], end)
            else:
                windows.append((start, end))
    return windows


def absolutes(body: str) -> list[Found]:
    """The absolute dates of ``body`` in text order, none overlapping (of those starting together, the longest)."""
    found = []
    months = month_names()
    for ws, we in _windows(body):
        for ts in find_timestamps(body[ws:we]):
            value = iso_date(ts.year, ts.month, ts.day) if ts.year else None
            if ts.day is None or (ts.year and value is None):
                continue
            found.append(Found(ts.start + ws, ts.end + ws, value, ts.month, ts.day, ts.weekday))
        window = body[ws:we]
        dashed = ("-" in window or "–" in window) and _DASHED.search(window)
        for m in _day_ranges().finditer(body, ws, we) if dashed else ():
            if m["db"] and (m["mnb"] or 1 <= int(m["mab"]) <= 12):
                wa, wb = (weekday_names()[m[w].lower()] if m[w] else None for w in ("wa", "wb"))
                month_of = months[m["mnb"].lower()] if m["mnb"] else int(m["mab"])
                # the weekdays belong to the range: "pada Sabtu – Minggu (…)" holds no bare "Sabtu" besides
                start = m.start() if wa else None
                found += two_days(m, "da", "db", month_of, m["yab"] or m["ynb"], wa, wb, start=start)
            elif m["e1"]:
                found += two_days(m, "e1", "e2", months[m["m12"].lower().rstrip(".")], m["y12"], start=m.start())
            elif m["d14"] and 1 <= int(m["d14"]) <= 31:
                mon, day, y = months[m["m14"].lower()], int(m["d14"]), m["y14"]
                found.append(Found(m.start(), m.end(), iso_date(int(y), mon, day) if y else None, mon, day))
        for m in _absolute().finditer(body, ws, we):
            if m["d1"]:
                found += two_days(m, "d1", "d2", months[m["m1"].lower()], m["y1"])
            elif m["m2"]:
                mon = months[m["m2"].lower()]
                year = int(m["y2"]) if m["y2"] else int(m["y8"]) - (mon > months[m["m8"].lower()])
                found.append(Found(m.start(), m.end(), iso_date(year, mon)))
            elif m["d3"] and 1 <= int(m["d3"]) <= 31:
                found.append(Found(m.start(), m.end(), None, months[m["m3"].lower()], int(m["d3"])))
            elif m["d5"] and 1 <= int(m["d5"]) <= 31:
                found.append(Found(m.start(), m.end(), None, months[m["m5"].lower()], int(m["d5"])))
            elif m["d9"] and 1 <= int(m["d9"]) <= 31:
                mon, day = months[m["m9"].lower()], int(m["d9"])
                found.append(Found(m.start(), m.end(), iso_date(int(m["y9"]), mon, day) if m["y9"] else None, mon, day))
            elif m["d7"]:
                found.append(Found(m.start(), m.end(), iso_date(int(m["y7"]), int(m["m7"]), int(m["d7"]))))
            elif m["d6"]:
                found.append(Found(m.start(), m.end(), iso_date(int(m["y6"]), int(m["m6"]), int(m["d6"]))))
            elif m["d11"] and 1 <= int(m["d11"]) <= 31:
                mon, day, wd = months[m["m11"].lower()], int(m["d11"]), weekday_names()[m["w11"].lower()]
                found.append(Found(m.start(), m.end(), None, mon, day, wd))
            elif m["d10"]:
                mon, day = int(m["m10"]), int(m["d10"])
                if 1 <= mon <= 12 and 1 <= day <= 31 and _dates_what_precedes(body, m.start() - 1):
                    found.append(Found(m.start(), m.end(), None, mon, day))
            elif m["d4"] and 1 <= int(m["m4"]) <= 12:
                y, mon, day, wd = m["y4"], int(m["m4"]), int(m["d4"]), weekday_names()[m["w4"].lower()]
                found.append(Found(m.start(), m.end(), iso_date(int(y), mon, day) if y else None, mon, day, wd))
    for f in found:
        f.start, f.end = _trim(body, f.start, f.end)
    # A day a range already gave its own weekday ("Sabtu-Minggu (16-17 September)": 16 is Saturday's) takes no other
    with_weekday = {f.start for f in found if f.weekday is not None}
    for f in found:
        if f.weekday is None and f.day and f.start not in with_weekday and (
            w := _weekday_before().search(body, max(f.start - 16, 0), f.start)
        ):
            # "JAKARTA--Kamis (9/3/2023)": the weekday belongs to the date even where timestamps.py does not take it
            f.start, f.weekday = w.start(), weekday_names()[w["w"].lower()]
            if body[f.end : f.end + 1] == ")" and "(" in body[f.start : f.end]:
                f.end += 1  # the bracket _trim took off when the date stood alone
        if f.weekday is not None and f.value and date.fromisoformat(f.value).weekday() != f.weekday:
            f.conflict = "weekday"  # the source contradicts itself: keep what it wrote, say so
    kept: list[Found] = []  # earliest first, then longest: "13 Mei 2024" beats the "Mei 2024" inside it; then the one
    # that knows its weekday ("Minggu" of "Sabtu-Minggu (16-17/9)" over the bare "17/9")
    for f in sorted((f for f in found if f.value or f.day), key=lambda f: (f.start, -f.end, f.weekday is None)):
        if not kept or f.start >= kept[-1].end:
            kept.append(f)
    return kept


@cache
def _bracket_owner() -> re.Pattern[str]:
    """What a bare bracketed day and month may follow: a capitalised word (a place, a source: "Jakarta",
    "Reuters"), a time of day or a time zone ("sore", "WIB"), with a comma or spaces between."""
    return re.compile(rf"(?:(?-i:[A-Z])\S*|(?:{words('tod')})|{'|'.join(zone_offsets())})[\s,]*\Z", re.IGNORECASE)


def _dates_what_precedes(body: str, bracket: int) -> bool:
    """Whether the "(" at ``bracket`` opens a day and month dating the words before it, not a fraction or a
    score ("tiga perempat (3/4)", "menang (2/1)")."""
    return bool(_bracket_owner().search(body, max(bracket - 24, 0), bracket))


def _trim(body: str, start: int, end: int) -> tuple[int, int]:
    """Drop a sentence's full stop after a full month name ("20 September.") and outer or unpaired brackets."""
    text = body[start:end]
    if text.endswith(".") and text[:-1].rsplit(None, 1)[-1].lower() in wide_months():
        end -= 1
    if body[start] == "(":  # "(14 Desember)": the brackets are punctuation, not the date
        start += 1
        end -= body[end - 1] == ")"
    if body[end - 1] == ")" and "(" not in body[start:end]:
        end -= 1
    return start, end
