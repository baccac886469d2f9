"""Article body + anchor date → relative date mentions: "kemarin", "pekan lalu", "awal bulan ini",
"April lalu", "pada Senin", "3 hari lalu", "bulan sebelumnya", "yesterday", "last month" … The
phrases, cue words and offsets are rows of ``resources/relative_dates.tsv``; a phrase is tried only
where one of its trigger words, names or years is written. See annotate/dates.py for the grains.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, lru_cache

from kliping.annotate.date_words import (
    FUTURE_SLACK_DAYS,
    MAX_WORD_CHARS,
    TABLE,
    YEAR,
    Found,
    after_words,
    clause_direction,
    full_names,
    iso_date,
    kinds,
    numbers,
    sentence_start,
    sentence_year,
    speech_day,
    told_past,
    word_end,
    words,
    year_group,
)
from kliping.timestamps import month_names, weekday_names


@dataclass(frozen=True)
class _Rule:
    regex: str  # the mention is group "r"; a cue before it is matched but not kept
    unit: str  # day, week, month, year, weekday, monthname, written
    amount: str  # "-1", "0", "1", "n", "-n", or "" for written years

    @property
    def pattern(self) -> re.Pattern[str]:
        return _compiled(self.regex)


@lru_cache(maxsize=1024)
def _compiled(regex: str) -> re.Pattern[str]:
    """A rule's own pattern, compiled when its key's alternation first picks it: fewer than half
    the rows are ever picked in a run of thousands of articles (57 of 137 on 2,000), and compiling
    all of them up front cost 0.12 s of CPU in every process."""
    return re.compile(regex, re.IGNORECASE)


_RECURS = r"(?!\s+(?:(?:terakhir|pertama|of)\s+)?(?:setiap|tiap|each|every)\b)"  # "Jumat terakhir setiap bulan"


@cache
def _rules() -> dict[str, tuple[re.Pattern[str], tuple[_Rule, ...]]]:
    """The rel rows compiled, keyed by the trigger each holds ("lalu", "weekday"…): one alternation per key."""
    month, weekday = full_names()
    number = "|".join(sorted(numbers(), key=len, reverse=True))
    mods = [w for (w,) in kinds()["mod"]]
    mod = "(?:" + "|".join(re.escape(w) + ("" if w.endswith("-") else r"\s+") for w in mods) + ")?"
    vocabulary = set(words("trigger").split("|"))
    # A lowercase word that is no count or label, or a possessive: what a bare year or weekday used as a date follows.
    word = rf"(?:(?!(?:{words('yearstop')})\b)(?-i:[a-z][a-z'’-]*)|(?-i:[A-Z][\w.-]*)['’]s)"
    keyed: dict[str, list[tuple[str, _Rule]]] = {}
    for row in kinds()["rel"]:
        before, phrase, unit, amount = (*row, "")[:4]  # a trailing empty amount is stripped
        before = before.replace("{word}", word)
        expr = (
            phrase.replace("{n}", rf"(?P<n>\d{{1,2}}|{number})")
            .replace("{weekday}", rf"(?P<w>{weekday}){_RECURS}")
            .replace("{month}", rf"(?P<m>{month})")
            .replace("{year}", year_group("y"))
            .replace("{day}", r"(?P<d>[0-3]?\d)(?![.,:/]?\d)")
            .replace("{mod}", mod)
            .replace("{tod}", rf"(?:\s+(?:{words('tod')}))?")
        )
        expr = re.sub(r" (?![*+?{])", r"\\s+", expr)
        lead = rf"(?:{before})\s+" if before else ""
        regex = rf"{lead}(?P<r>{expr})"
        rule = _Rule(rf"(?<![\w-]){regex}(?!\w)", unit, amount)
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
    month, weekday = full_names()
    # A leading character class lets the regex engine skip to candidate letters (4x faster).
    initials = "".join(sorted({c for c in month + weekday if c.isupper()}))
    return re.compile(rf"(?=[{initials}12])(?<!\w)(?:(?P<weekday>{weekday})|(?P<month>{month})|(?P<year>{YEAR}))(?!\w)")


@cache
def _trigger_words() -> tuple[str, ...]:
    return tuple(words("trigger").split("|"))


def _triggers(body: str) -> list[tuple[int, int, str]]:
    """Where relative phrases may hang: (start, end, key) for names, years and trigger words."""
    found = [(m.start(), m.end(), m.lastgroup or "") for m in _names().finditer(body)]
    lower = body.lower()  # str.find on lower case is far faster than an IGNORECASE alternation
    if len(lower) != len(body):  # "İ" lowercases to two characters: keep offsets aligned
        lower = "".join(c.lower()[:1] for c in body)
    for word in _trigger_words():
        i = lower.find(word)
        while i >= 0:
            end = i + len(word)
            if not (i and (lower[i - 1].isalnum() or lower[i - 1] == "-")) and not lower[end : end + 1].isalnum():
                found.append((i, end, word))
            i = lower.find(word, end)
    return sorted(found)


def weekday(iso: str) -> int:
    return date.fromisoformat(iso).weekday()


def _week(monday: date) -> str:
    # A week across two months is in the one holding most of its days, its Thursday's (as ISO 8601 puts a week in a
    # year): "pekan lalu" said on Tuesday 4 April is the week of 27 March, March's.
    thursday = monday + timedelta(days=3)
    return f"{thursday.year:04d}-{thursday.month:02d}"


@cache
def _weekend_words() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{words('weekend')})(?!\w)", re.IGNORECASE)


def _weekend(monday: date) -> str | None:
    # Its Saturday and Sunday, at the finest grain holding both: their month, else their year.
    saturday, sunday = monday + timedelta(days=5), monday + timedelta(days=6)
    if saturday.month == sunday.month:
        return f"{saturday.year:04d}-{saturday.month:02d}"
    return f"{saturday.year:04d}" if saturday.year == sunday.year else None


def _resolve(rule: _Rule, m: re.Match[str], anchor: date, body: str, prior: list[tuple[int, str]]) -> str | None:
    if rule.unit == "written":
        return m["y"]
    if rule.unit.startswith("prev-"):  # "bulan sebelumnya", "the next year": counted from an earlier date
        return _from_earlier(rule, m, anchor, body, prior)
    if rule.unit == "weekday":
        return _weekday_date(rule, m, anchor, body)
    if rule.unit == "monthname":
        return _month_named(rule, m, anchor, body, prior)
    if rule.unit == "monthday":  # "tanggal 17 bulan lalu": that day of the month shifted by amount; "p"/"f": the last
        # such day on or before the anchor ("tanggal 17 kemarin"), the next one after it ("tanggal 17 mendatang")
        day = int(m["d"])
        if rule.amount in ("p", "f"):
            shift = -int(day > anchor.day) if rule.amount == "p" else int(day <= anchor.day)
        else:
            shift = int(rule.amount)
        index = anchor.year * 12 + anchor.month - 1 + shift
        return iso_date(index // 12, index % 12 + 1, day)
    if rule.unit == "monthyear":  # the month named, in the year said in words ("September tahun lalu")
        return iso_date(anchor.year + int(rule.amount), month_names()[m["m"].lower()])
    count = m["n"] if "n" in m.re.groupindex and m["n"] else "1"
    n = int(count) if count.isdigit() else numbers()[count.lower()]
    amount = -n if rule.amount == "-n" else n if rule.amount == "n" else int(rule.amount)
    if rule.unit == "day":
        return (anchor + timedelta(days=amount)).isoformat()
    if rule.unit == "week":
        monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=amount)
        return _weekend(monday) if _weekend_words().search(m["r"]) else _week(monday)
    if rule.unit == "month":
        index = anchor.year * 12 + anchor.month - 1 + amount
        return iso_date(index // 12, index % 12 + 1)
    return f"{anchor.year + amount:04d}"


def _from_earlier(rule: _Rule, m: re.Match[str], anchor: date, body: str, prior: list[tuple[int, str]]) -> str | None:
    """A "prev-" unit: the rule's own unit counted from the date the sentence gives, not from the anchor."""
    unit = rule.unit[5:]
    grain = {"day": 10, "month": 7, "year": 4}[unit]
    here = m.start("r")
    sentence = sentence_start(body, here)
    earlier = [(s, v) for s, v in prior if s < here and len(v) >= grain]
    # The sentence's own first date is what it compares with ("Juli 2017 naik dari Juli 2016 dan dari bulan
    # sebelumnya": June 2017); with none in the sentence, the last one before it; with none at all, the anchor.
    same = [v for s, v in earlier if s >= sentence]
    base = same[0] if same else earlier[-1][1] if earlier else anchor.isoformat()
    ref = date(int(base[:4]), int(base[5:7]) if len(base) >= 7 else 1, int(base[8:10]) if grain == 10 else 1)
    return _resolve(_Rule(rule.regex, unit, rule.amount), m, ref, body, [])


def _weekday_date(rule: _Rule, m: re.Match[str], anchor: date, body: str) -> str:
    """A named weekday. amount -1: strictly before the anchor; -2: before yesterday; 0: on or before (after if
    future); 1: after; w: that day of the week before or after."""
    wanted = weekday_names()[m["w"].lower()]
    back = (anchor.weekday() - wanted) % 7
    if rule.amount == "0" and clause_direction(body, *m.span("r")) > 0:  # "will play on Saturday": on or after
        return (anchor + timedelta(days=(wanted - anchor.weekday()) % 7)).isoformat()
    if rule.amount == "w":  # "Rabu pekan lalu", "Kamis minggu depan": that day of the week before or after
        weeks = -1 if after_words()[1].search(m["r"]) else 1
        return (anchor + timedelta(days=wanted - anchor.weekday(), weeks=weeks)).isoformat()
    shift = {"-1": -(back or 7), "-2": -(back + 7 * (back < 2)), "1": (wanted - anchor.weekday()) % 7 or 7}.get(
        rule.amount, -back
    )
    return (anchor + timedelta(days=shift)).isoformat()


def _month_named(rule: _Rule, m: re.Match[str], anchor: date, body: str, prior: list[tuple[int, str]]) -> str | None:
    """A named month. amount -1: before the anchor's month; 1: after; 0: the year the text gives it, else at most
    ~2 months ahead."""
    month = month_names()[m["m"].lower()]
    ahead = month - anchor.month
    if rule.amount == "0" and clause_direction(body, *m.span("r")) > 0:  # "set to expire in February"
        return iso_date(anchor.year + (ahead < 0), month)
    if rule.amount == "0":  # the year the text gives it: said earlier in its sentence, else the month's last date
        here = m.start("r")
        if year := sentence_year(body, here, prior):
            return iso_date(year, month)
        said = [v for s, v in prior if s < here and len(v) >= 7 and int(v[5:7]) == month]
        if said:  # "pada 1 Mei mendatang … tiket dipakai di Mei"
            return said[-1][:7]
    # Unsaid, at most ~2 months ahead, across the new year too ("January" said in November is the coming one),
    # unless a verb in the past tells it ("previewed in January": the last January).
    if rule.amount == "0" and told_past(body, m.start("r")):
        unsaid = int(ahead > 0)
    else:
        unsaid = 1 if ahead * 30 > FUTURE_SLACK_DAYS else -1 if (ahead + 12) * 30 <= FUTURE_SLACK_DAYS else 0
    back = {"-1": int(ahead >= 0), "1": -int(ahead <= 0)}.get(rule.amount, unsaid)
    return iso_date(anchor.year - back, month)


@cache
def _weekday_run() -> re.Pattern[str]:
    """Three or more weekday names in a row: a schedule ("Senin, Rabu dan Sabtu") or the days of a list of dates
    ("23, 27 dan 28 Juni (Jumat, Selasa, dan Rabu)"), no date of their own."""
    weekday = full_names()[1]
    joint = r"\s*(?:,\s*(?:(?:dan|atau|and|or)\s+)?|(?:dan|atau|and|or|&)\s+)"
    return re.compile(rf"{weekday}(?:{joint}(?:{weekday})){{2,}}")


@cache
def _spans() -> tuple[re.Pattern[str], frozenset[str]]:
    """Units that make a span after a count, and the words that end a count (num words, "beberapa", "puluh")."""
    counts = frozenset(numbers()) | frozenset(words("count").split("|"))
    return re.compile(rf"(?:{words('span')})(?!\w)", re.IGNORECASE), counts


def _after_count(body: str, end_of_word: int) -> bool:
    """Whether the word ending at ``end_of_word`` is a count: "sembilan", "100", "beberapa" (not "14.00", a time)."""
    start = end_of_word
    floor = max(0, end_of_word - MAX_WORD_CHARS)  # a count is a short word: no walk through a text without spaces
    while start > floor and not body[start - 1].isspace():
        start -= 1
    word = body[start:end_of_word].lower()
    return word.isdigit() or word in _spans()[1]


_SHIFTS = frozenset({"day", "week", "month", "year", "prev-day", "prev-month", "prev-year"})
_WORD_START = re.compile(r"(?<![\w-])\w")
_GLOSS = re.compile(r"\s*[,(]?\s*")  # what stands between a relative day word and the date glossing it
LOOK_BACK_WORDS = 5  # a phrase starts at most this many words before its trigger ("pada awal bulan April lalu")


def relatives(
    body: str, taken: list[Found], anchor: date | None, prior: list[tuple[int, str]],
    quoted: list[tuple[int, int]] | None = None,
) -> Iterator[tuple[int, int, str]]:
    """Relative phrases (and cued years/months/weekdays), tried only at word starts just before a trigger.

    ``prior`` holds (start, value) of the dates found so far, in text order; each phrase found is added to it.
    ``quoted``: the (start, end) of the quotations, in text order (a speaker's "besok" counts from their day).
    """
    rules = _rules()
    spans = [(f.start, f.end) for f in taken]
    ends = {f.end for f in taken}  # and of each phrase found here: "Tahun 2016 kemarin", "Rabu besok" are one date
    days: tuple[set[int], set[int]] | None = None  # starts and ends of the dates naming a day, once needed
    future, past = after_words()
    runs: list[tuple[int, int]] | None = None  # weekday runs, found only once a weekday is met
    counted: set[int] = set()  # starts of the phrases counted from an earlier date, which count from none themselves
    done = 0
    for t_start, t_end, key in _triggers(body):
        if t_start < done or key not in rules:
            continue
        # A trigger inside an absolute date ("Rabu (13/9/2023)") only holds phrases that overlap it: skip it (speed).
        if (i := bisect.bisect_right(spans, (t_start, len(body)))) and spans[i - 1][1] >= t_end:
            continue
        if (phrase := _phrase_at(body, t_start, t_end, done, rules[key])) is None:
            continue
        m, rule = phrase
        start, end = m.span("r")
        if any(s < end and start < e for s, e in spans) or (rule.unit != "written" and anchor is None):
            continue
        j = start
        while j and body[j - 1].isspace():
            j -= 1
        if j in ends and (past.fullmatch(body, j, end) or future.fullmatch(body, j, end)):
            continue  # "21 November kemarin", "Rabu besok": the word says which one, it is not yesterday or tomorrow
        if _counted_span(body, rule, m, j):
            # "selama sembilan tahun ini", "beberapa tahun lalu", "lima tahun sebelumnya": a span or a vague count,
            # no date; the phrase is taken so no shorter one is found in it
            done = m.end()
            continue
        if rule.unit == "day":
            if days is None:
                named = [(f.start, f.end) for f in taken if (len(f.value) == 10 if f.value else f.day)]
                days = {s for s, _ in named}, {e for _, e in named}
            if _glossed(body, j, end, days):
                continue
        if rule.unit == "weekday":  # "Senin, Rabu dan Sabtu": a schedule or a gloss, not three dates
            runs = [r.span() for r in _weekday_run().finditer(body)] if runs is None else runs
            if any(s <= start and end <= e for s, e in runs):
                continue
        done = m.end()
        dated = prior
        if rule.unit.startswith("prev-"):  # a second "bulan sebelumnya" is the first one's month, not the month before
            counted.add(start)
            dated = [(s, v) for s, v in prior if s not in counted]
        # a speaker's "hari ini", "besok" count from the day the attribution says they spoke
        said = speech_day(body, start, prior, quoted) if rule.unit == "day" and quoted else None
        if value := _resolve(rule, m, date.fromisoformat(said) if said else anchor, body, dated):  # type: ignore[arg-type]
            bisect.insort(prior, (start, value))
            ends.add(end)
            yield start, end, value


def _phrase_at(
    body: str, t_start: int, t_end: int, done: int, keyed: tuple[re.Pattern[str], tuple[_Rule, ...]]
) -> tuple[re.Match[str], _Rule] | None:
    """The phrase of a trigger's key running over the trigger and its rule, from the leftmost of the few word starts
    before it (not before ``done``, where the last phrase ended); of rows matching there, the table's first."""
    end_of_window = word_end(body, t_end + 30)
    starts = [w.start() for w in _WORD_START.finditer(body, max(done, t_start - 48), t_start + 1)]
    pattern, row_rules = keyed
    for pos in starts[-LOOK_BACK_WORDS - 1 :]:  # leftmost start first, then the table's order
        if (k := pattern.match(body, pos, end_of_window)) and k.end() >= t_end:
            rule = row_rules[int(k.lastgroup[1:])]  # type: ignore[index]
            m = rule.pattern.match(body, pos, end_of_window)
            return (m, rule) if m is not None else None
    return None


def _counted_span(body: str, rule: _Rule, m: re.Match[str], j: int) -> bool:
    """Whether a shift phrase follows a count ("beberapa tahun lalu"): a span of time, no date. ``j`` is where
    the word before it ends."""
    start = m.start("r")
    return bool(
        rule.unit in _SHIFTS
        and m.start() == start
        and rule.amount not in ("n", "-n")
        and _spans()[0].match(body, start)
        and "\n" not in body[j:start]
        and _after_count(body, j)
    )


def _glossed(body: str, j: int, end: int, days: tuple[set[int], set[int]]) -> bool:
    """Whether a written date beside a relative day says which day it is: "Kamis (25/1/2018) dinihari tadi",
    "hari ini, Rabu (12/7)", "besok (21 November 2017)" (a story written days before it was published keeps its
    "hari ini"). ``days`` are the starts and the ends of the dates naming a day; ``j`` is where the word before
    the phrase ends, ``end`` where the phrase does."""
    shut = j - (body[j - 1 : j] == ")")  # "Rabu Pon (1/2/2023) esok hari": a date in brackets before it
    return bool(j in days[1] or shut in days[1] or ((g := _GLOSS.match(body, end)) and g.end() in days[0]))
