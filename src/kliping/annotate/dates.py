"""Article body (+ publication date) → DateMentions: every date expression, ISO at the grain it states.

* **absolute** — "Rabu (13/9/2023)", "13 September 2023", "September 13, 2023", "Nov. 5", "Nov 5", "5th of
  November", "October of 2006", "2018.04.05", "11/19/2019" (month first where the day says so), "Juni 2024", "tahun
  2023", "sejak 2014", "kuartal III 2023", "12-17 September 2023" (two mentions: "12" and "17 September 2023"; so
  "Sabtu-Minggu (16-17/9)", "Sabtu – Minggu (16-17 September)", whose weekdays belong to the first,
  "Sept. 16-17", "30 Agustus-2 September 2023"), "April - Mei 2017" (the first month takes
  the year written after the second). A weekday written before the date belongs to it ("JAKARTA--Kamis (9/3/2023)",
  "Senin malam, (2/3)", and "Sabtu (18//3)" with its slash typed twice).
* **year-less** — "Jumat (15/9)", "Rabu 20 September", "Tuesday (May 21)", "pada bulan Juni", and a day and month
  alone in brackets after a place, a source, a time of day or zone ("di Medan (12/9)", "pukul 20.00 WIB (13/9)";
  not "tiga perempat (3/4)"): the year comes from the anchor. The year said in words right after it is its own
  ("5 November tahun lalu", "Nov. 5 last year"). A written weekday
  picks the year that makes it true: the anchor's, the one before or after, then the year the article writes the
  same day or month with ("Rabu (14/8/2019) … Rabu (14/8)"); without a publication date, also any year the article
  states ("Rabu (14/8)" in a text that says 2019). But a day of the last two months whose weekday is not its own is a
  slip, not a day of a year ago: it keeps the anchor's year and says ``conflict``. Otherwise the anchor's year,
  unless that puts the date > ~2 months after the anchor (news reports the past), then the year before; the same
  slack holds across the new year ("15 Januari" said on 20 December is next month's). A future word before it in
  its clause ("akan", "will", "set to", a fixture's "play Saturday"), right after the subject of the clause a fronted
  date stands before ("Sebelum 30 Juni, PBSI akan …") or after it ("mendatang") makes it the next such date; "lalu"
  after it, or an English verb in the past right before it ("previewed in January"), the last one. In a range ("12
  September hingga 17 September 2023") the first end takes the second's year. But the article's own year comes
  first where it gives one (writers state a year once and drop it after): the same day and month written with a
  year ("kerusuhan 27 Juli 1996 … Tragedi 27 Juli"), else a year said earlier in its sentence ("cuaca tahun ini …
  pada akhir November"), else that of the last date before it in its month ("sebelum 15 Januari 1974 … Tanggal 10
  Januari"); a weekday or a direction word outranks them all.
* **relative** — "kemarin", "tadi malam", "semalam", "malam ini", "pekan lalu", "awal bulan ini", "April lalu",
  "Februari nanti", "akhir pekan nanti", "September tahun lalu", "pada Senin", "Rabu ini", "3 hari lalu",
  "tanggal 17 bulan lalu", "bulan sebelumnya", "menjelang akhir tahun" (this year's; "setiap akhir tahun" recurs),
  an Indonesian month after any lowercase word ("sudah bilang Desember", not the names "Mei", "April", "Juni",
  "Juli"), "the December debate",
  "yesterday", "tonight", "last month", "the next year" …: phrases, cue words and offsets are data in
  ``resources/relative_dates.tsv``. "bulan sebelumnya", "the next year" count from the date the sentence gives, not
  from the anchor (nor from another such phrase: a second "bulan sebelumnya" is the first one's month). A relative
  word right after a date is part of it ("Tahun 2016 kemarin", "Rabu besok"). "Rabu pekan lalu" is that day of last
  week; "Jumat terakhir setiap bulan" recurs and is none. A relative day
  glossed by a written date ("hari ini, Rabu (12/7)", "besok (21 November 2017)", "Kamis (25/1/2018) dinihari
  tadi") is that date, one mention; a relative day inside a quotation whose attribution writes a day (""… nanti
  sore," kata Rudi di Bandung, Rabu (13/9)") counts from that day, the speaker's today, not the publication's; a
  unit after a count ("beberapa tahun lalu", "tiga pekan mendatang", "sembilan tahun ini") is a span, none
  ("semester 2 tahun ini" is this year).
* **bare years and weekdays** used as dates — "setelah 2015", "jembatan 2017", "a 2018 survey", "said Tuesday",
  "Beautiful Creatures (2013)", "(BPS, 2014)", "senilai Rp 5 miliar, 2013.": after a lowercase word or a
  possessive, alone in brackets, or after a word and a comma closing a clause or a cited source; after a
  capitalised word they are names ("Piala Dunia 2018").

The anchor is ``published`` (its local date) or else the latest full date (day, month, year) in the body;
without one, relative and year-less expressions are skipped, never guessed (a year-less date whose written
weekday holds in a year the article states, or in the year of a full date its page writes in a photo caption or
date line, "Monday (Aug 13)" under a caption "… on Aug 7, 2018", is not a guess, and it anchors the rest).

A source that contradicts itself — a weekday written with a date it does not fall on ("Kamis (8/7/2017)", a
Saturday) — keeps the date as written, and the mention says so: ``conflict`` is "weekday".

Grains are day, month or year (the Article contract). A *week* ("pekan lalu", "last week", "sepekan lalu") is
the Monday–Sunday week it names, reported as the month holding most of it, its Thursday's (ISO 8601's rule for
years; how annotators read "Minggu lalu" said on Tuesday 4 April: March). A *weekend* ("akhir pekan lalu", "this
weekend") is its Saturday and Sunday: their month, else their year. A sentence-initial "Minggu lalu" is last week
(the capital says nothing there). A bare weekday ("pada Senin", "on Monday", "…, Rabu.") is the last such day on
or before the anchor; "Senin lalu"/"last Monday" the last one strictly before it.

dateparser was measured and not used: ~1.7 ms a phrase, no grain, and it misses "pekan lalu", "Senin lalu",
"April lalu" and picks the wrong year for "Jumat (15/9)".

The absolute forms are read by annotate/absolute_dates.py and the relative phrases by annotate/relative_dates.py;
this module gives year-less dates their year and puts the mentions together.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import date
from functools import cache

from kliping.annotate.absolute_dates import absolutes
from kliping.annotate.date_words import (
    FUTURE_SLACK_DAYS,
    YEAR,
    Found,
    clause_direction,
    iso_date,
    near_years,
    sentence_year,
    told_past,
    unsaid_year,
    words,
    year_group,
    year_said,
)
from kliping.annotate.relative_dates import relatives, weekday
from kliping.model import Article, DateMention, Quote
from kliping.timestamps import find_timestamps


@cache
def _between() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What may stand between the ends of a range: a connector alone; and a connector plus a year."""
    return (
        re.compile(rf"\s*(?:{words('range')})\s*", re.IGNORECASE),
        re.compile(rf"\s*(?:{words('range')})\s*{year_group('y')}(?!\w)", re.IGNORECASE),
    )


def _anchor(published: str | None, found: list[Found]) -> tuple[date | None, bool]:
    """The date relative expressions count from, and whether it is the publication date."""
    if published:
        try:
            return date.fromisoformat(published[:10]), True
        except ValueError:
            pass
    full = [f.value for f in found if f.value and len(f.value) == 10]
    return (date.fromisoformat(max(full)) if full else None), False


def _article_years(body: str, found: list[Found]) -> list[int]:
    """The years the article states, most stated first (then latest): where a year-less weekday date may lie."""
    counts = Counter(int(f.value[:4]) for f in found if f.value)
    counts.update(int(y) for y in _YEARS.findall(body))
    return sorted(counts, key=lambda y: (-counts[y], -y))


# (a year's first digit looked ahead for first lets the engine skip to it before the look-behind)
_YEARS = re.compile(rf"(?=[12])(?<![\w.,/-])({YEAR})(?![\w/]|[.,]\d)")


def _weekday_holds(f: Found, years: list[int]) -> Iterator[int]:
    """Those of ``years``, in order, in which the day and month of ``f`` fall on its written weekday."""
    return (y for y in years if (iso := iso_date(y, f.month, f.day)) and weekday(iso) == f.weekday)


def _year_for(f: Found, anchor: date | None, direction: int, years: list[int]) -> int | None:
    """The year of a year-less day and month: the one its weekday makes true, else the one the anchor suggests.

    ``years`` are the article's own years for it, tried for a weekday after the anchor's: the year it writes the
    same day or month with ("Rabu (14/8/2019) … Rabu (14/8)"), then, only when there is no publication date, every
    year it states (a wrong weekday must not send a dated article's "Kamis (8/7)" to a far year where 8 July is a
    Thursday). A written weekday no candidate year makes true is a contradiction of the source: ``f.conflict`` says so.
    """
    if (second := f.year_from) is not None:
        year = int(second.value[:4]) if second.value else _year_for(second, anchor, direction, years)
        return None if year is None else year - (f.month > second.month)
    if f.weekday is not None:
        near = near_years(f, anchor) if anchor else []
        for year in _weekday_holds(f, near + years):
            # Never far after the anchor: a mistyped weekday must not move "Minggu (20/1)" a year ahead.
            if anchor is None or year not in near or (date(year, f.month, f.day) - anchor).days <= FUTURE_SLACK_DAYS:
                return year
        # No year it may lie in makes the weekday true ("Rabu (23/5)" a day before Wednesday 24 May 2017, in 2018 a
        # Wednesday but a year ahead): the source contradicts itself.
        f.conflict = "weekday"
    if anchor is None or (iso := iso_date(anchor.year, f.month, f.day)) is None:
        return None
    ahead = (date.fromisoformat(iso) - anchor).days
    if direction > 0:
        return anchor.year + (ahead < 0)
    if direction < 0:
        return anchor.year - (ahead > 0)
    return unsaid_year(f, anchor)


def _written_year(f: Found, found: list[Found]) -> int | None:
    """The year of the same day and month where the article writes it with one ("kerusuhan 27 Juli 1996 … Tragedi
    27 Juli", or the other way round): writers state a year once and drop it after."""
    years = {g.value[:4] for g in found if g.value and len(g.value) == 10 and (g.month, g.day) == (f.month, f.day)}
    return int(years.pop()) if len(years) == 1 else None


def _month_year(f: Found, out: list[DateMention]) -> int | None:
    """The year of the last date before it in the same month ("sebelum 15 Januari 1974 meledak. Tanggal 10 Januari")."""
    for d in reversed(out):
        if len(d.value) >= 7 and int(d.value[5:7]) == f.month:
            return int(d.value[:4])
    return None


def _weekday_dated(found: list[Found], years: list[int]) -> None:
    """Without any anchor, date each year-less day with a weekday by the first of ``years`` its weekday holds in
    ("on Monday (Aug 13)" on a page whose photo caption says 2018): a weekday that holds is as good as a written
    year, so these dates may anchor the rest ("the quake on Aug 5")."""
    for f in found:
        if f.value is None and f.weekday is not None and f.year_from is None:
            year = next(_weekday_holds(f, years), None)
            f.value = None if year is None else iso_date(year, f.month, f.day)


def _find(
    body: str, published: str | None, quoted: list[tuple[int, int]] | None = None, page_years: Sequence[int] = ()
) -> list[DateMention]:
    """Every date mention; ``conflict`` is "weekday" when its written weekday does not hold. ``page_years`` are the
    years of the full dates the page writes outside the body (a photo caption's "Aug 7, 2018")."""
    found = absolutes(body)
    connector, after = _between()
    for first, second in zip(found, found[1:], strict=False):
        if first.value is None and first.year_from is None and connector.fullmatch(body, first.end, second.start):
            first.year_from = second
    anchor, from_published = _anchor(published, found)
    if anchor is None:
        article_years = _article_years(body, found)
        _weekday_dated(found, article_years + [y for y in page_years if y not in article_years])
        anchor, from_published = _anchor(published, found)
    for f in found:  # "5 November tahun lalu", "Nov. 5 last year": the year said in words is the date's
        if f.value is None and anchor is not None and (said := year_said(body, f.end)):
            f.value, f.end = iso_date(anchor.year + said[0], f.month, f.day), said[1]
    years: list[int] | None = None
    out: list[DateMention] = []
    # A year-less date the text dates itself: the same day written with a year, else a year said earlier in its
    # sentence (known once the relative phrases are), else the last date in its month; a weekday, a range's second
    # end or a direction word ("mendatang", "akan") says more and goes first.
    open_year: list[tuple[DateMention, Found]] = []
    for f in found:
        value, year, unwritten = f.value, None, False
        if value is None:
            if years is None:  # only needed without a publication date, and computed once
                years = [] if from_published else _article_years(body, found)
            direction = clause_direction(body, f.start, f.end) if f.weekday is None else 0
            if direction == 0 and f.weekday is None and f.year_from is None:
                year = _written_year(f, found)
                unwritten = year is None
                year = year or _month_year(f, out)
            if year is None and f.weekday is not None:  # what the article writes of the same day or month goes first
                own = [y for y in (_written_year(f, found), _month_year(f, out)) if y]
                year = _year_for(f, anchor, 0, own + [y for y in years if y not in own])
            elif year is None:  # a verb in the past before it ("previewed in January"): the last such day
                year = _year_for(f, anchor, direction or (-1 if told_past(body, f.start) else 0), years)
            if year is not None:
                value = iso_date(year, f.month, f.day)
        if value and f.weekday is not None and weekday(value) != f.weekday:
            # the source contradicts itself (also where the year came from words or from a range's second end:
            # "Kamis, 5 November tahun lalu", "Jumat-Minggu (16-17/9)")
            f.conflict = "weekday"
        if value:
            out.append(DateMention(body[f.start : f.end], f.start, f.end, value, f.conflict))
            if unwritten:
                open_year.append((out[-1], f))
    prior = [(d.start, d.value) for d in out]
    out += [DateMention(body[s:e], s, e, v) for s, e, v in relatives(body, found, anchor, prior, quoted)]
    if open_year:  # "the 2016 campaign … a September 11 event", "cuaca tahun ini … pada 30 November"
        dated = sorted((d.start, d.value) for d in out)
        for d, f in open_year:
            if (year := sentence_year(body, d.start, dated)) and (value := iso_date(year, f.month, f.day)):
                d.value = value
    starts = {d.start for d in out}
    out += [  # the second year of "2019-2024" / "2019 hingga 2024", unless already found on its own
        DateMention(m["y"], m.start("y"), m.end("y"), m["y"])
        for d in list(out)
        if len(d.value) == 4 and (m := after.match(body, d.end)) and m.start("y") not in starts
    ]
    return sorted(out, key=lambda d: d.start)


def find_dates(
    body: str, published: str | None = None, quotes: Sequence[Quote] = (), page_years: Sequence[int] = ()
) -> list[DateMention]:
    """Every date expression in ``body`` with offsets into it and ``value`` ISO at its grain; a
    date whose written weekday is not its own keeps the date as written, marked ``conflict``.
    ``quotes`` (the article's, from ``find_quotes``) date a speaker's "hari ini" by their attribution; ``page_years``
    (the years of the page's caption and date lines) are where a year-less weekday date may lie when nothing else
    dates the article."""
    quoted = sorted((q.start, q.end) for q in quotes if q.kind != "indirect")
    return _find(body, published, quoted, page_years)


# Removed lines that still date the page: a photo caption ("… on Aug 7, 2018. PHOTO: …"), a date line, a byline.
_DATING_LINES = frozenset({"caption", "date line", "byline"})


def page_years(article: Article) -> list[int]:
    """The years of the full dates the page writes in lines taken out of the body, most written first (none where the
    article has a publication date: that anchors it)."""
    if article.published:
        return []
    dating = [r.text for r in article.removed if r.reason in _DATING_LINES]
    counts = Counter(t.year for text in dating for t in find_timestamps(text) if t.year and t.day)
    return [y for y, _ in counts.most_common()]


def annotate_dates(article: Article) -> Article:
    """Article → the same Article with ``dates`` filled from its body, publication date and quotations; without a
    publication date, the years the page's captions and date lines write may give a weekday's date its year."""
    article.dates = find_dates(article.body, article.published, article.quotes, page_years(article))
    return article
