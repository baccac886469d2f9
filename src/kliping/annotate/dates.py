"""Article body (+ publication date) → DateMentions: every date expression, ISO at the grain it states.

* **absolute** — "Rabu (13/9/2023)", "13 September 2023", "September 13, 2023", "Nov. 5", "October of 2006",
  "2018.04.05", "Juni 2024", "tahun 2023", "sejak 2014", "12-17 September 2023" (two mentions: "12" and
  "17 September 2023"). A weekday written before the date belongs to it ("JAKARTA--Kamis (9/3/2023)").
* **year-less** — "Jumat (15/9)", "Rabu 20 September", "pada bulan Juni": the year comes from the anchor. A
  written weekday picks the year that makes it true: the anchor's, the one before or after; without a
  publication date, also any year the article states ("Rabu (14/8)" in a text that says 2019). Otherwise the
  anchor's year, unless that puts the date > ~2 months after the anchor (news reports the past), then the year
  before; a future word before it in its clause ("akan", "will", "set to") or after it ("mendatang") makes it
  the next such date, "lalu" after it the last one. In a range ("12 September hingga 17 September 2023") the
  first end takes the second's year.
* **relative** — "kemarin", "tadi malam", "pekan lalu", "awal bulan ini", "April lalu", "September tahun lalu",
  "pada Senin", "3 hari lalu", "bulan sebelumnya", "yesterday", "last month", "the next year" …: phrases, cue
  words and offsets are data in ``resources/relative_dates.tsv``. "bulan sebelumnya", "the next year" count from
  the date the sentence gives, not from the anchor.
* **bare years and weekdays** used as dates — "setelah 2015", "jembatan 2017", "a 2018 survey", "said Tuesday":
  after a lowercase word or a possessive; after a capitalised word they are names ("Piala Dunia 2018").

The anchor is ``published`` (its local date) or else the latest full date (day, month, year) in the body;
without one, relative and year-less expressions are skipped, never guessed (a year-less date whose written
weekday holds in a year the article states is not a guess).

A source that contradicts itself — a weekday written with a date it does not fall on ("Kamis (8/7/2017)", a
Saturday) — keeps the date as written, and the mention says so: ``conflict`` is "weekday".

Grains are day, month or year (the Article contract). A *week* ("pekan lalu", "last week", "sepekan lalu") is
the Monday–Sunday week it names, reported at the finest grain holding all of it: its month ("2023-09"), else
its year, else no mention — coarser, never wrong. A bare weekday ("pada Senin", "on Monday", "…, Rabu.") is
the last such day on or before the anchor; "Senin lalu"/"last Monday" the last one strictly before it.

dateparser was measured and not used: ~1.7 ms a phrase, no grain, and it misses "pekan lalu", "Senin lalu",
"April lalu" and picks the wrong year for "Jumat (15/9)".
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from babel.dates import get_day_names, get_month_names

from kliping import resources
from kliping.model import Article, DateMention
from kliping.timestamps import LOCALES, find_timestamps, month_names, weekday_names

TABLE = "relative_dates.tsv"
_DIGITS = re.compile(r"\d+")
FUTURE_SLACK_DAYS = 62  # a year-less date further than this after the anchor is last year's
YEAR = r"(?:19|20)\d\d"


@dataclass
class _Found:
    start: int
    end: int
    value: str | None = None  # ISO when the text alone fixes it
    month: int = 0  # year-less day/month: resolved against the anchor
    day: int = 0
    weekday: int | None = None
    year_from: _Found | None = None  # a range's first end takes the year of its second
    conflict: str | None = None  # "weekday": the weekday written with the date does not fall on it


@cache
def _kinds() -> dict[str, list[tuple[str, ...]]]:
    table: dict[str, list[tuple[str, ...]]] = {}
    for row in resources.rows(TABLE):
        table.setdefault(row[0], []).append(row[2:])
    return table


def _words(kind: str) -> str:
    return "|".join(sorted((row[0] for row in _kinds().get(kind, [])), key=len, reverse=True))


@cache
def _numbers() -> dict[str, int]:
    return {word.lower(): int(value) for word, value in _kinds()["num"]}


def _capitalised(names: set[str]) -> str:
    # Case-sensitive inside IGNORECASE patterns: "Minggu" is Sunday, "minggu" a week; "May" a month.
    forms = {f for n in names for f in (n[:1].upper() + n[1:], n.upper())}
    return "(?-i:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + ")"


@cache
def _wide_months() -> frozenset[str]:
    months = {n.lower() for loc in LOCALES for n in get_month_names("wide", locale=loc).values()}
    return frozenset(months | {n for n in month_names() if len(n) >= 4 and n != "sept"})


@cache
def _full_names() -> tuple[str, str]:
    """Alternations of wide month and weekday names (abbreviations like "Sen", "Mar" are words too)."""
    days = {n.lower() for loc in LOCALES for n in get_day_names("wide", locale=loc).values()}
    return _capitalised(set(_wide_months()) | {"sept"}), _capitalised(days | {n for n in weekday_names() if len(n) > 3})


def _year_group(name: str) -> str:
    # A count ("pada 2023 orang"), a decade ("1990-an", "1990s") or a decimal is not a year.
    return rf"(?P<{name}>{YEAR})(?![.,]?\d)(?! ?-? ?an\b|s\b|'s\b)(?!\s+(?:{_words('nonyear')})\b)"


@dataclass(frozen=True)
class _Rule:
    pattern: re.Pattern[str]  # the mention is group "r"; a cue before it is matched but not kept
    unit: str  # day, week, month, year, weekday, monthname, written
    amount: str  # "-1", "0", "1", "n", "-n", or "" for written years


@cache
def _rules() -> dict[str, tuple[re.Pattern[str], tuple[_Rule, ...]]]:
    """The rel rows compiled, keyed by the trigger each holds ("lalu", "weekday"…): one alternation per key."""
    month, weekday = _full_names()
    number = "|".join(sorted(_numbers(), key=len, reverse=True))
    mods = [w for (w,) in _kinds()["mod"]]
    mod = "(?:" + "|".join(re.escape(w) + ("" if w.endswith("-") else r"\s+") for w in mods) + ")?"
    vocabulary = set(_words("trigger").split("|"))
    # A lowercase word that is no count or label, or a possessive: what a bare year or weekday used as a date follows.
    word = rf"(?:(?!(?:{_words('yearstop')})\b)(?-i:[a-z][a-z'’-]*)|(?-i:[A-Z][\w.-]*)['’]s)"
    keyed: dict[str, list[tuple[str, _Rule]]] = {}
    for row in _kinds()["rel"]:
        before, phrase, unit, amount = (*row, "")[:4]  # a trailing empty amount is stripped
        before = before.replace("{word}", word)
        expr = (
            phrase.replace("{n}", rf"(?P<n>\d{{1,2}}|{number})")
            .replace("{weekday}", rf"(?P<w>{weekday})")
            .replace("{month}", rf"(?P<m>{month})")
            .replace("{year}", _year_group("y"))
            .replace("{mod}", mod)
            .replace("{tod}", rf"(?:\s+(?:{_words('tod')}))?")
        )
        expr = re.sub(r" (?![*+?{])", r"\\s+", expr)
        lead = rf"(?:{before})\s+" if before else ""
        regex = rf"{lead}(?P<r>{expr})"
        rule = _Rule(re.compile(rf"(?<![\w-]){regex}(?!\w)", re.IGNORECASE), unit, amount)
        # A row with a name or year is tried at that name, which the scan meets before any word after it ("September
        # tahun lalu"): keying it under "lalu" as well would only make the "lalu" alternation longer (speed).
        keys = set(re.findall(r"\{(weekday|month|year)\}", phrase)) or (set(re.findall(r"[a-z]+", phrase)) & vocabulary)
        if not keys:
            raise ValueError(f"{TABLE}: {phrase!r} holds no trigger word nor {{weekday}}/{{month}}/{{year}}")
        for key in keys:
            keyed.setdefault(key, []).append((regex, rule))
    compiled = {}
    for key, rows in keyed.items():
        alternatives = (re.sub(r"\(\?P<(\w)>", rf"(?P<\g<1>{j}>", regex) for j, (regex, _) in enumerate(rows))
        alternation = "|".join(f"(?P<k{j}>{a})" for j, a in enumerate(alternatives))
        compiled[key] = (re.compile(rf"(?<![\w-])(?:{alternation})(?!\w)", re.IGNORECASE), tuple(r for _, r in rows))
    return compiled


@cache
def _names() -> re.Pattern[str]:
    """Capitalised weekday and month names and years; case-sensitive so the scan skips lower case fast."""
    month, weekday = _full_names()
    # A leading character class lets the regex engine skip to candidate letters (4x faster).
    initials = "".join(sorted({c for c in month + weekday if c.isupper()}))
    return re.compile(rf"(?=[{initials}12])(?<!\w)(?:(?P<weekday>{weekday})|(?P<month>{month})|(?P<year>{YEAR}))(?!\w)")


def _triggers(body: str) -> list[tuple[int, int, str]]:
    """Where relative phrases may hang: (start, end, key) for names, years and trigger words."""
    found = [(m.start(), m.end(), m.lastgroup or "") for m in _names().finditer(body)]
    lower = body.lower()  # str.find on lower case is far faster than an IGNORECASE alternation
    if len(lower) != len(body):  # "İ" lowercases to two characters: keep offsets aligned
        lower = "".join(c.lower()[:1] for c in body)
    for word in _words("trigger").split("|"):
        i = lower.find(word)
        while i >= 0:
            end = i + len(word)
            if not (i and (lower[i - 1].isalnum() or lower[i - 1] == "-")) and not lower[end : end + 1].isalnum():
                found.append((i, end, word))
            i = lower.find(word, end)
    return sorted(found)


@cache
def _absolute() -> re.Pattern[str]:
    """Forms timestamps.py leaves out: month-year, "Month day", "12-17 September", "Sabtu malam (7/5)"."""
    month, weekday = _full_names()
    abbrev = _capitalised(set(month_names()))
    return re.compile(
        rf"(?<![\w.,/-])(?:"
        rf"(?P<d1>[0-3]?\d)\s*(?:{_words('range')})\s*(?P<d2>[0-3]?\d)\s+(?P<m1>{abbrev})\.?(?:\s+(?P<y1>{YEAR}))?"
        rf"|(?P<m2>{month})\.?,?\s+(?:of\s+)?{_year_group('y2')}"
        rf"|(?P<m3>{month})\.?\s+(?P<d3>[0-3]?\d)(?:st|nd|rd|th)?(?!,?\s*\d|[.:/-]?\d)"
        # "Nov. 5", "Aug. 10": an abbreviation only with its dot ("Jun" and "Mar" are names and words too)
        rf"|(?P<m5>{abbrev})\.\s*(?P<d5>[0-3]?\d)(?:st|nd|rd|th)?(?!,?\s*\d|[.:/-]?\d)"
        rf"|(?P<y6>{YEAR})(?P<sep>[./])(?P<m6>[01]\d)(?P=sep)(?P<d6>[0-3]\d)(?![.,/]?\d)"  # "2018.04.05", "2018/04/05"
        rf"|(?P<w4>{weekday})\s+(?:{_words('tod')})\s*\((?P<d4>[0-3]?\d)/(?P<m4>[01]?\d)(?:/(?P<y4>{YEAR}))?\)"
        rf")(?!\w)",
        re.IGNORECASE,
    )


@cache
def _weekday_before() -> re.Pattern[str]:
    """A weekday name standing right before a date: "Kamis (", "Kamis, "."""
    return re.compile(rf"(?<![^\W\d_])(?P<w>{_full_names()[1]})\.?\s*,?\s*\(?\Z")


@cache
def _between() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What may stand between the ends of a range: a connector alone; and a connector plus a year."""
    return (
        re.compile(rf"\s*(?:{_words('range')})\s*", re.IGNORECASE),
        re.compile(rf"\s*(?:{_words('range')})\s*{_year_group('y')}(?!\w)", re.IGNORECASE),
    )


def _iso(year: int, month: int, day: int | None = None) -> str | None:
    try:
        return f"{year:04d}-{month:02d}" if day is None else date(year, month, day).isoformat()
    except ValueError:
        return None


def _snap(body: str, start: int, end: int) -> tuple[int, int]:
    # Widen to whole words so look-arounds at the window's edges see what they would in the body.
    start, end = max(start, 0), min(end, len(body))
    while start > 0 and not body[start - 1].isspace():
        start -= 1
    while end < len(body) and not body[end].isspace():
        end += 1
    return start, end


def _near_date(body: str, start: int, end: int) -> bool:
    """Whether a digit run can be part of a date: a year, or a day/month beside a month name or "/"."""
    if end - start == 4:
        return body[start : start + 2] in ("19", "20")
    if end - start > 2:
        return False
    if (body[end : end + 1] in ("/", ".", "-", "–") and body[end + 1 : end + 2].isdigit()) or (
        body[start - 1 : start] in ("/", ".", "-", "–") and body[start - 2 : start - 1].isdigit()
    ):
        return True
    after, before = body[end : end + 14].split(None, 1), body[max(start - 14, 0) : start].split()
    months = month_names()
    return bool(
        after and after[0].lower().strip(".,)") in months or before and before[-1].lower().strip(".,(") in months
    )


def _windows(body: str) -> list[tuple[int, int]]:
    """Stretches of the body that may hold an absolute date: around digit runs that may be one.

    Scanning only these keeps find_timestamps (a costly pattern) to a fraction of the text.
    """
    windows: list[tuple[int, int]] = []
    for m in _DIGITS.finditer(body):
        if _near_date(body, *m.span()):
            start, end = _snap(body, m.start() - 32, m.end() + 32)
            if windows and start <= windows[-1][1]:
                windows[-1] = (windows[-1][0], end)
            else:
                windows.append((start, end))
    return windows


def _absolutes(body: str) -> list[_Found]:
    found = []
    months = month_names()
    for ws, we in _windows(body):
        for ts in find_timestamps(body[ws:we]):
            value = _iso(ts.year, ts.month, ts.day) if ts.year else None
            if ts.day is None or (ts.year and value is None):
                continue
            found.append(_Found(ts.start + ws, ts.end + ws, value, ts.month, ts.day, ts.weekday))
        for m in _absolute().finditer(body, ws, we):
            if m["d1"]:
                mon, y, d1, d2 = months[m["m1"].lower()], m["y1"], int(m["d1"]), int(m["d2"])
                second = _Found(m.start("d2"), m.end(), _iso(int(y), mon, d2) if y else None, mon, d2)
                if 1 <= d1 < d2 <= 31:
                    found += [_Found(m.start("d1"), m.end("d1"), None, mon, d1, year_from=second), second]
            elif m["m2"]:
                found.append(_Found(m.start(), m.end(), _iso(int(m["y2"]), months[m["m2"].lower()])))
            elif m["d3"] and 1 <= int(m["d3"]) <= 31:
                found.append(_Found(m.start(), m.end(), None, months[m["m3"].lower()], int(m["d3"])))
            elif m["d5"] and 1 <= int(m["d5"]) <= 31:
                found.append(_Found(m.start(), m.end(), None, months[m["m5"].lower()], int(m["d5"])))
            elif m["d6"]:
                found.append(_Found(m.start(), m.end(), _iso(int(m["y6"]), int(m["m6"]), int(m["d6"]))))
            elif m["d4"] and 1 <= int(m["m4"]) <= 12:
                y, mon, day, wd = m["y4"], int(m["m4"]), int(m["d4"]), weekday_names()[m["w4"].lower()]
                found.append(_Found(m.start(), m.end(), _iso(int(y), mon, day) if y else None, mon, day, wd))
    for f in found:
        f.start, f.end = _trim(body, f.start, f.end)
        if f.weekday is None and f.day and (w := _weekday_before().search(body, max(f.start - 16, 0), f.start)):
            # "JAKARTA--Kamis (9/3/2023)": the weekday belongs to the date even where timestamps.py does not take it
            f.start, f.weekday = w.start(), weekday_names()[w["w"].lower()]
            if body[f.end : f.end + 1] == ")" and "(" in body[f.start : f.end]:
                f.end += 1  # the bracket _trim took off when the date stood alone
        if f.weekday is not None and f.value and date.fromisoformat(f.value).weekday() != f.weekday:
            f.conflict = "weekday"  # the source contradicts itself: keep what it wrote, say so
    kept: list[_Found] = []  # earliest first, then longest: "13 Mei 2024" beats the "Mei 2024" inside it
    for f in sorted((f for f in found if f.value or f.day), key=lambda f: (f.start, -f.end)):
        if not kept or f.start >= kept[-1].end:
            kept.append(f)
    return kept


def _trim(body: str, start: int, end: int) -> tuple[int, int]:
    """Drop a sentence's full stop after a full month name ("20 September.") and outer or unpaired brackets."""
    text = body[start:end]
    if text.endswith(".") and text[:-1].rsplit(None, 1)[-1].lower() in _wide_months():
        end -= 1
    if body[start] == "(":  # "(14 Desember)": the brackets are punctuation, not the date
        start += 1
        end -= body[end - 1] == ")"
    if body[end - 1] == ")" and "(" not in body[start:end]:
        end -= 1
    return start, end


def _anchor(published: str | None, found: list[_Found]) -> tuple[date | None, bool]:
    """The date relative expressions count from, and whether it is the publication date."""
    if published:
        try:
            return date.fromisoformat(published[:10]), True
        except ValueError:
            pass
    full = [f.value for f in found if f.value and len(f.value) == 10]
    return (date.fromisoformat(max(full)) if full else None), False


@cache
def _future() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w'’])(?:{_words('future')})(?!\w)", re.IGNORECASE)


@cache
def _after_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Words right after a year-less date that put it in the future ("mendatang") and in the past ("lalu")."""
    words: dict[str, list[str]] = {"future": [], "past": []}
    for direction, regex in _kinds()["after"]:
        words[direction].append(regex)
    future, past = ("|".join(words[d]) or "(?!)" for d in ("future", "past"))
    return re.compile(rf"\s*(?:{future})(?!\w)", re.IGNORECASE), re.compile(rf"\s*(?:{past})(?!\w)", re.IGNORECASE)


CLAUSE_CHARS = 60  # how far back a future word ("akan", "will") still governs a date in the same clause
_CLAUSE_END = re.compile(r"[.!?;,:\n\"“”]")


def _direction(body: str, start: int, end: int) -> int:
    """1 when the text puts a year-less date or a bare weekday in the future, -1 in the past, 0 when it does not say.

    News reports the past, so a bare "15 September" or "on Monday" is the last one; a future word earlier in the
    same clause ("akan digelar pada 20 Desember", "will play on Saturday") or after it ("1 Mei mendatang") is not.
    """
    future, past = _after_words()
    if future.match(body, end):
        return 1
    if past.match(body, end):
        return -1
    lead = max(start - CLAUSE_CHARS, 0)
    for stop in _CLAUSE_END.finditer(body, lead, start):
        lead = stop.end()
    return 1 if _future().search(body, lead, start) else 0


def _article_years(body: str, found: list[_Found]) -> list[int]:
    """The years the article states, most stated first (then latest): where a year-less weekday date may lie."""
    counts = Counter(int(f.value[:4]) for f in found if f.value)
    counts.update(int(y) for y in _YEARS.findall(body))
    return sorted(counts, key=lambda y: (-counts[y], -y))


_YEARS = re.compile(rf"(?<![\w.,/-])({YEAR})(?![\w/]|[.,]\d)")


def _year_for(f: _Found, anchor: date | None, direction: int, years: list[int]) -> int | None:
    """The year of a year-less day and month: the one its weekday makes true, else the one the anchor suggests.

    ``years`` are the article's own years, tried for a weekday only when there is no publication date (a
    wrong weekday must not send a dated article's "Kamis (8/7)" to a far year where 8 July is a Thursday).
    A written weekday no candidate year makes true is a contradiction of the source: ``f.conflict`` says so.
    """
    if (second := f.year_from) is not None:
        year = int(second.value[:4]) if second.value else _year_for(second, anchor, direction, years)
        return None if year is None else year - (f.month > second.month)
    if f.weekday is not None:
        near: list[int] = [anchor.year, anchor.year - 1, anchor.year + 1] if anchor else []
        holds = [y for y in near + years if (iso := _iso(y, f.month, f.day)) and _weekday(iso) == f.weekday]
        for year in holds:
            # Never far after the anchor: a mistyped weekday must not move "Minggu (20/1)" a year ahead.
            if anchor is None or year not in near or (date(year, f.month, f.day) - anchor).days <= FUTURE_SLACK_DAYS:
                return year
        if not holds:
            f.conflict = "weekday"
    if anchor is None or (iso := _iso(anchor.year, f.month, f.day)) is None:
        return None
    ahead = (date.fromisoformat(iso) - anchor).days
    if direction > 0:
        return anchor.year + (ahead < 0)
    if direction < 0:
        return anchor.year - (ahead > 0)
    return anchor.year - 1 if ahead > FUTURE_SLACK_DAYS else anchor.year


def _weekday(iso: str) -> int:
    return date.fromisoformat(iso).weekday()


def _week(monday: date) -> str | None:
    sunday = monday + timedelta(days=6)
    if (monday.year, monday.month) == (sunday.year, sunday.month):
        return f"{monday.year:04d}-{monday.month:02d}"
    return f"{monday.year:04d}" if monday.year == sunday.year else None


def _resolve(rule: _Rule, m: re.Match[str], anchor: date, body: str, prior: list[tuple[int, str]]) -> str | None:
    if rule.unit == "written":
        return m["y"]
    if rule.unit.startswith("prev-"):  # "bulan sebelumnya", "the next year": counted from an earlier date
        unit = rule.unit[5:]
        grain = {"day": 10, "month": 7, "year": 4}[unit]
        here = m.start("r")
        sentence = max(body.rfind(c, 0, here) for c in ".!?\n") + 1
        earlier = [(s, v) for s, v in prior if s < here and len(v) >= grain]
        # The sentence's own first date is what it compares with ("Juli 2017 naik dari Juli 2016 dan dari bulan
        # sebelumnya": June 2017); with none in the sentence, the last one before it; with none at all, the anchor.
        same = [v for s, v in earlier if s >= sentence]
        base = same[0] if same else earlier[-1][1] if earlier else anchor.isoformat()
        ref = date(int(base[:4]), int(base[5:7]) if len(base) >= 7 else 1, int(base[8:10]) if grain == 10 else 1)
        return _resolve(_Rule(rule.pattern, unit, rule.amount), m, ref, body, [])
    if rule.unit == "weekday":  # amount -1: strictly before the anchor; 0: on or before (after if future); 1: after
        wanted = weekday_names()[m["w"].lower()]
        back = (anchor.weekday() - wanted) % 7
        if rule.amount == "0" and _direction(body, *m.span("r")) > 0:  # "will play on Saturday": on or after
            return (anchor + timedelta(days=(wanted - anchor.weekday()) % 7)).isoformat()
        shift = {"-1": -(back or 7), "1": (wanted - anchor.weekday()) % 7 or 7}.get(rule.amount, -back)
        return (anchor + timedelta(days=shift)).isoformat()
    if rule.unit == "monthname":  # amount -1: before the anchor's month; 1: after; 0: at most ~2 months ahead
        month = month_names()[m["m"].lower()]
        ahead = month - anchor.month
        if rule.amount == "0" and _direction(body, *m.span("r")) > 0:  # "set to expire in February"
            return _iso(anchor.year + (ahead < 0), month)
        back = {"-1": int(ahead >= 0), "1": -int(ahead <= 0)}.get(rule.amount, int(ahead * 30 > FUTURE_SLACK_DAYS))
        return _iso(anchor.year - back, month)
    if rule.unit == "monthyear":  # the month named, in the year said in words ("September tahun lalu")
        return _iso(anchor.year + int(rule.amount), month_names()[m["m"].lower()])
    count = m["n"] if "n" in m.re.groupindex and m["n"] else "1"
    n = int(count) if count.isdigit() else _numbers()[count.lower()]
    amount = -n if rule.amount == "-n" else n if rule.amount == "n" else int(rule.amount)
    if rule.unit == "day":
        return (anchor + timedelta(days=amount)).isoformat()
    if rule.unit == "week":
        return _week(anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=amount))
    if rule.unit == "month":
        index = anchor.year * 12 + anchor.month - 1 + amount
        return _iso(index // 12, index % 12 + 1)
    return f"{anchor.year + amount:04d}"


_WORD_START = re.compile(r"(?<![\w-])\w")
LOOK_BACK_WORDS = 5  # a phrase starts at most this many words before its trigger ("pada awal bulan April lalu")


def _relatives(
    body: str, taken: list[_Found], anchor: date | None, prior: list[tuple[int, str]]
) -> Iterator[tuple[int, int, str]]:
    """Relative phrases (and cued years/months/weekdays), tried only at word starts just before a trigger.

    ``prior`` holds (start, value) of the dates found so far, in text order; each phrase found is added to it.
    """
    rules = _rules()
    spans = [(f.start, f.end) for f in taken]
    ends = {f.end for f in taken}
    future, past = _after_words()
    done = 0
    for t_start, t_end, key in _triggers(body):
        if t_start < done or key not in rules:
            continue
        _, end_of_window = _snap(body, t_end, t_end + 30)
        starts = [w.start() for w in _WORD_START.finditer(body, max(done, t_start - 48), t_start + 1)]
        pattern, row_rules = rules[key]
        m, rule = None, row_rules[0]
        for pos in starts[-LOOK_BACK_WORDS - 1 :]:  # leftmost start first, then the table's order
            if (k := pattern.match(body, pos, end_of_window)) and k.end() >= t_end:
                rule = row_rules[int(k.lastgroup[1:])]  # type: ignore[index]
                m = rule.pattern.match(body, pos, end_of_window)
                break
        if m is None:
            continue
        start, end = m.span("r")
        if any(s < end and start < e for s, e in spans) or (rule.unit != "written" and anchor is None):
            continue
        j = start
        while j and body[j - 1].isspace():
            j -= 1
        if j in ends and (past.fullmatch(body, j, end) or future.fullmatch(body, j, end)):
            continue  # "21 November kemarin": the word says which 21 November, it is not yesterday
        done = m.end()
        if value := _resolve(rule, m, anchor, body, prior):  # type: ignore[arg-type]
            bisect.insort(prior, (start, value))
            yield start, end, value


def _find(body: str, published: str | None) -> list[DateMention]:
    """Every date mention; ``conflict`` is "weekday" when its written weekday does not hold."""
    found = _absolutes(body)
    connector, after = _between()
    for first, second in zip(found, found[1:], strict=False):
        if first.value is None and first.year_from is None and connector.fullmatch(body, first.end, second.start):
            first.year_from = second
    anchor, from_published = _anchor(published, found)
    years: list[int] | None = None
    out: list[DateMention] = []
    for f in found:
        value = f.value
        if value is None:
            if years is None:  # only needed without a publication date, and computed once
                years = [] if from_published else _article_years(body, found)
            direction = _direction(body, f.start, f.end) if f.weekday is None else 0
            if (year := _year_for(f, anchor, direction, years)) is not None:
                value = _iso(year, f.month, f.day)
        if value:
            out.append(DateMention(body[f.start : f.end], f.start, f.end, value, f.conflict))
    prior = [(d.start, d.value) for d in out]
    out += [DateMention(body[s:e], s, e, v) for s, e, v in _relatives(body, found, anchor, prior)]
    starts = {d.start for d in out}
    out += [  # the second year of "2019-2024" / "2019 hingga 2024", unless already found on its own
        DateMention(m["y"], m.start("y"), m.end("y"), m["y"])
        for d in list(out)
        if len(d.value) == 4 and (m := after.match(body, d.end)) and m.start("y") not in starts
    ]
    return sorted(out, key=lambda d: d.start)


def find_dates(body: str, published: str | None = None) -> list[DateMention]:
    """Every date expression in ``body`` with offsets into it and ``value`` ISO at its grain; a
    date whose written weekday is not its own keeps the date as written, marked ``conflict``."""
    return _find(body, published)


def annotate_dates(article: Article) -> Article:
    """Article → the same Article with ``dates`` filled from its body and publication date."""
    article.dates = find_dates(article.body, article.published)
    return article
