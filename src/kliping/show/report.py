"""A dossier view (views.dossier_view) → one self-contained, offline index.html: inline CSS, inline SVG, no script.

Every string from the input reaches the page through Jinja2 with autoescape on, in text and attribute
context alike; class names and ids come from fixed words or views.anchor (safe characters only). A
Content-Security-Policy meta tag forbids scripts and any network load, a second wall should escaping fail.

The timeline picture is laid out here (it is drawing, not analysis): one lane per outlet with a dot per day
it published (bigger for more articles), a lane of the dated timeline entries (diamonds for days, bars for
months), the story's events as shaded bands. Quiet stretches longer than GAP_DAYS are cut out of the time
axis and marked with a break, so a story of September 2023 and June 2024 does not shrink to two specks.
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from kliping.model import Article, DossierPage
from kliping.show.views import date_label, day_of, dossier_view

View = dict[str, Any]

WIDTH = 880
LEFT = 138  # lane labels
RIGHT = 18
TOP = 26  # event band labels
LANE_H = 26
AXIS_H = 38
BREAK_W = 30
GAP_DAYS = 10  # a quieter stretch than this is cut from the axis
MIN_SEGMENT = 70
MAX_SEGMENTS = 8
MAX_OUTLET_LANES = 8
PALETTE_SIZE = 8  # lane-N classes in style.css


def _environment() -> Environment:
    env = Environment(loader=PackageLoader("kliping.show", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["date_label"] = date_label
    return env


def _day(value: str) -> date:
    return date.fromisoformat(value)


def _segments(days: list[date]) -> list[tuple[date, date]]:
    """Runs of days with no gap over GAP_DAYS, at most MAX_SEGMENTS (the closest runs are joined first)."""
    runs: list[list[date]] = []
    for d in days:
        if runs and (d - runs[-1][-1]).days <= GAP_DAYS:
            runs[-1].append(d)
        else:
            runs.append([d])
    spans = [(r[0], r[-1]) for r in runs]
    while len(spans) > MAX_SEGMENTS:
        i = min(range(len(spans) - 1), key=lambda j: (spans[j + 1][0] - spans[j][1]).days)
        spans[i:i + 2] = [(spans[i][0], spans[i + 1][1])]
    return [(a - timedelta(days=1), b + timedelta(days=1)) for a, b in spans]


def _gap_label(days: int) -> str:
    if days >= 60:
        return f"+{round(days / 30.4)} mo"
    if days >= 14:
        return f"+{round(days / 7)} wk"
    return f"+{days} d"


class _Axis:
    """Days → x on a time axis with its quiet stretches cut out."""

    def __init__(self, spans: list[tuple[date, date]]) -> None:
        avail = WIDTH - LEFT - RIGHT - BREAK_W * (len(spans) - 1)
        lengths = [(b - a).days + 1 for a, b in spans]
        spare = max(0, avail - MIN_SEGMENT * len(spans))
        widths = [min(avail, MIN_SEGMENT) + spare * n / sum(lengths) for n in lengths]
        self.parts: list[tuple[date, date, float, float]] = []
        x = float(LEFT)
        for (a, b), w in zip(spans, widths, strict=True):
            self.parts.append((a, b, x, w))
            x += w + BREAK_W

    def x(self, d: date) -> float | None:
        for a, b, x0, w in self.parts:
            if a <= d <= b:
                return round(x0 + ((d - a).days + 0.5) / ((b - a).days + 1) * w, 1)
        return None

    def clip(self, start: date, end: date) -> list[tuple[float, float]]:
        """(x, width) pieces of [start, end] that fall on the axis."""
        pieces = []
        for a, b, x0, w in self.parts:
            lo, hi = max(a, start), min(b, end)
            if lo <= hi:
                per_day = w / ((b - a).days + 1)
                width = max(3.0, ((hi - lo).days + 1) * per_day)
                pieces.append((round(x0 + (lo - a).days * per_day, 1), round(width, 1)))
        return pieces


def _month_range(value: str) -> tuple[date, date] | None:
    parts = value.split("-")
    if len(parts) != 2 or not all(p.isdigit() for p in parts) or not 1 <= int(parts[1]) <= 12:
        return None
    first = date(int(parts[0]), int(parts[1]), 1)
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return first, following - timedelta(days=1)


def layout_chart(chart: View) -> View | None:
    """Coordinates for the timeline SVG from a story view's ``chart`` data; None when nothing is dated."""
    coverage, marks = chart["coverage"], chart["marks"]
    days = sorted({_day(c["date"]) for c in coverage} | {_day(d) for m in marks if (d := day_of(m["date"]))})
    if not days:
        return None
    axis = _Axis(_segments(days))
    counts: dict[str, int] = {}
    for c in coverage:
        counts[c["outlet"]] = counts.get(c["outlet"], 0) + c["count"]
    outlets = sorted(counts, key=lambda o: (-counts[o], o))
    lane_of = {o: i + 1 for i, o in enumerate(outlets[:MAX_OUTLET_LANES])}
    lanes = ["Dated events"] + outlets[:MAX_OUTLET_LANES]
    if len(outlets) > MAX_OUTLET_LANES:
        lanes.append(f"{len(outlets) - MAX_OUTLET_LANES} other outlets")
    y = [TOP + LANE_H * i + LANE_H / 2 for i in range(len(lanes))]
    height = TOP + LANE_H * len(lanes) + AXIS_H

    dots = _dots(coverage, axis, lane_of, y, len(lanes) - 1)
    diamonds, bars = _marks(marks, axis, y[0])
    bands = _bands(chart["events"], axis)
    ticks, breaks = _ticks(axis)
    return {
        "width": WIDTH, "height": height, "left": LEFT, "right": WIDTH - RIGHT, "top": TOP,
        "axis_y": TOP + LANE_H * len(lanes) + 4, "lane_h": LANE_H,
        "lanes": [{"label": _short(label), "full": label, "y": y[i]} for i, label in enumerate(lanes)],
        "segments": [{"x": x0, "width": w} for _, _, x0, w in axis.parts],
        "dots": dots, "diamonds": diamonds, "bars": bars, "bands": bands, "ticks": ticks, "breaks": breaks,
        "legend": [{"label": _short(o), "lane": i % PALETTE_SIZE} for i, o in enumerate(outlets[:MAX_OUTLET_LANES])],
    }


def _dots(coverage: list[View], axis: _Axis, lane_of: dict[str, int], y: list[float], other: int) -> list[View]:
    """One dot per outlet and day, sized by its article count, in the outlet's lane (else the last, "other")."""
    dots = []
    for c in coverage:
        lane = lane_of.get(c["outlet"], other)
        cx = axis.x(_day(c["date"]))
        if cx is not None:
            titles = "; ".join(c["titles"][:5]) + (" …" if len(c["titles"]) > 5 else "")
            dots.append({"cx": cx, "cy": y[lane], "r": round(min(10.0, 4.0 + 2.0 * math.sqrt(c["count"] - 1)), 1),
                         "lane": (lane - 1) % PALETTE_SIZE,
                         "title": f"{c['outlet']} · {date_label(c['date'])} · {c['count']} article(s): {titles}"})
    return dots


def _marks(marks: list[View], axis: _Axis, y0: float) -> tuple[list[View], list[View]]:
    """Dated timeline lines as diamonds on the events lane; month-grain ones as bars over their month."""
    diamonds: list[View] = []
    bars: list[View] = []
    for m in marks:
        text = m["text"] if len(m["text"]) <= 120 else m["text"][:119] + "…"  # the full line is in the list below
        title = f"{date_label(m['date'])} — {text}"
        d = day_of(m["date"])
        month = _month_range(m["date"])
        if d and (x := axis.x(_day(d))) is not None:
            diamonds.append({"x": x, "y": y0, "title": title, "strong": m["sources"] > 1})
        elif month:
            bars.extend({"x": px, "width": pw, "y": y0 - 2, "title": title} for px, pw in axis.clip(*month))
    return diamonds, bars


def _bands(events: list[View], axis: _Axis) -> list[View]:
    """Each event's span as a band, labelled in its first segment when the label fits."""
    bands = []
    for e in events:
        start, end = day_of(e.get("start")), day_of(e.get("end") or e.get("start"))
        if start and end:
            for i, (px, pw) in enumerate(axis.clip(_day(start), _day(end))):
                room = max(0, int((WIDTH - px) / 6.2) - 1)  # ~6 px a character at 10.5 px: no label off the edge
                label = e["title"] if len(e["title"]) <= room else e["title"][:max(0, room - 1)] + "…"
                bands.append({"x": px, "width": pw, "title": e["title"], "label": label if i == 0 and room > 4 else ""})
    return bands


def _ticks(axis: _Axis) -> tuple[list[View], list[View]]:
    """Date labels at each segment's ends (or middle, when narrow) and the breaks between segments."""
    ticks, breaks = [], []
    for i, (a, b, x0, w) in enumerate(axis.parts):
        first, last = a + timedelta(days=1), b - timedelta(days=1)
        if first == last or w < 2 * MIN_SEGMENT:
            label = date_label(first.isoformat()) if first == last else _range_label(first, last)
            ticks.append({"x": round(x0 + w / 2, 1), "anchor": "middle", "label": label})
        else:
            ticks.append({"x": round(x0, 1), "anchor": "start", "label": date_label(first.isoformat())})
            ticks.append({"x": round(x0 + w, 1), "anchor": "end", "label": date_label(last.isoformat())})
        if i + 1 < len(axis.parts):
            gap = (axis.parts[i + 1][0] - b).days + 2
            breaks.append({"x": round(x0 + w + BREAK_W / 2, 1), "label": _gap_label(gap)})
    return ticks, breaks


def _short(label: str, room: int = 19) -> str:
    """A lane label that fits left of the axis (the full one is the SVG tooltip), cut in the middle:
    labels that differ only at the end ("feed.jsonl:12", "feed.jsonl:13") stay distinct."""
    if len(label) <= room:
        return label
    tail = (room - 1) // 2
    return label[: room - 1 - tail].rstrip() + "…" + label[-tail:].lstrip()


def _range_label(first: date, last: date) -> str:
    if first.year == last.year and first.month == last.month:
        return f"{first.day}–{date_label(last.isoformat())}"
    return f"{date_label(first.isoformat())} – {date_label(last.isoformat())}"


def render_report(view: View) -> str:
    """The HTML page for a dossier view."""
    stories = [{**s, "svg": layout_chart(s["chart"])} for s in view["stories"]]
    return _environment().get_template("report.html.j2").render(page={**view, "stories": stories})


def write_report(path: str | os.PathLike[str], view: View) -> Path:
    """Write index.html atomically (a reader never opens half a page); returns the path written."""
    target = Path(path)
    if target.is_dir():
        target = target / "index.html"
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_text(render_report(view), encoding="utf-8")
    os.replace(tmp, target)
    return target


def write_dossier_page(path: Path, page: DossierPage, articles: Mapping[str, Article]) -> Path:
    """index.html of a dossier (a model.PageWriter): its view model, rendered and written."""
    return write_report(path, dossier_view(page, articles))
