"""A story's statements → the figures that changed: one death toll 12 → 40 → 57, not three claims.

Statements that state a figure of the same kind (corpus/quantities.py: "dead", "cases", or the
noun it counts) are values of one quantity of the story. When a quantity has two or more values
it is one claim with its values in date order: ``superseded`` when the values were first stated
on different days (the later replaced the earlier), ``contested`` when independent sources give
different values on one day. An article that gives two values of one kind ("from 6 to 9" aside:
that "from" value is no figure of the statement) is left out of it, unless it repeats one of them
more often than the others (its news figure beside a comparison). A quantity stated with one
value only is left to the ordinary matching of statements (claims.py), which corroborates or not.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from kliping.corpus.statements import Statement

# Values of one quantity stay within this factor of each other: a toll of 12 that becomes 57 is one
# quantity, "15.6-inch" and "195-inches" are not. No sign otherwise tells them apart.
SPREAD = 20


@dataclass
class History:
    """One quantity of a story: its values (first value first) and the statements of each."""

    kind: str
    status: str  # "superseded" or "contested"; one value in several articles: "corroborated" or "single-source"
    values: dict[float, list[Statement]] = field(default_factory=dict)

    @property
    def statements(self) -> list[Statement]:
        return [s for group in self.values.values() for s in group]


def histories(statements: Sequence[Statement]) -> list[History]:
    """The story's changing quantities; ``statements`` in date order (undated last)."""
    by_kind: dict[str, dict[float, list[Statement]]] = defaultdict(dict)
    for kind, pairs in _figures_by_kind(statements).items():
        for s, value in pairs:
            by_kind[kind].setdefault(value, []).append(s)
    out = []
    for kind, values in by_kind.items():
        if len(values) == 1:
            # One figure in several articles ("Tawaran 400.000 dolar", "an offer of $400,000"): one claim,
            # whatever language or words state it; corroborated when independent voices give it.
            [group] = values.values()
            if len({s.article_id for s in group}) >= 2 and _one_direction(group):
                agreed = "corroborated" if len({s.independent for s in group}) >= 2 else "single-source"
                out.append(History(kind, agreed, values))
            continue
        if max(values) > SPREAD * min(values):
            continue
        firsts = [group[0].date for group in values.values()]
        days = {d for d in firsts if d}
        if len(days) >= 2:
            out.append(History(kind, "superseded", values))
        elif None not in firsts and len({s.independent for group in values.values() for s in group}) >= 2:
            out.append(History(kind, "contested", values))  # the same day, different figures
    return out


def _one_direction(group: list[Statement]) -> bool:
    """No two statements name different doers or receivers: "50 ribu ton gandum ke Mesir" and "… ke Turki"
    are two shipments of one size, not one claim."""
    return len({s.subject for s in group} - {None}) <= 1 and len({s.recipient for s in group} - {None}) <= 1


def _figures_by_kind(statements: Sequence[Statement]) -> dict[str, list[tuple[Statement, float]]]:
    """Each kind's (statement, value) pairs, in statement order. An article that gives two values
    of one kind lists different things (two motors' horsepower, three programmes' budgets) or
    recaps ("naik menjadi 2 orang … satu di antaranya"): its figures of that kind are left out —
    unless one value is stated in more of its statements than any other: the figure an article
    repeats (in its lead and in a quote) is its news, the others are comparisons ("last month only
    18 cases", "540 in all of 2022"); between values stated equally often, the lead's is its news."""
    pairs: dict[str, list[tuple[Statement, float]]] = defaultdict(list)
    counts: dict[tuple[str, str], dict[float, int]] = defaultdict(lambda: defaultdict(int))
    leads: dict[str, Statement] = {}  # each article's first statement: its lead
    for s in statements:
        if s.article_id not in leads or s.start < leads[s.article_id].start:
            leads[s.article_id] = s
        for kind, value in dict.fromkeys(s.figures):  # a statement states a value once
            pairs[kind].append((s, value))
            counts[(kind, s.article_id)][value] += 1
    kept: dict[tuple[str, str], float | None] = {
        key: _repeated(values, {v for k, v in leads[key[1]].figures if k == key[0]}) for key, values in counts.items()}
    return {kind: [(s, v) for s, v in found if kept[(kind, s.article_id)] == v] for kind, found in pairs.items()}


def _repeated(counts: dict[float, int], lead: set[float]) -> float | None:
    """The one value of an article's figures of a kind, or the value it states more often than any
    other, or else the one its lead states among those stated most: news puts its figure first
    ("Jumlah kasus bertambah menjadi 26 kasus. … 24 kasus berasal dari pesantren …" is 26, the rest a
    breakdown). None when two values are stated equally often and the lead states neither or both
    (a list, or a dispute within the article)."""
    if len(counts) == 1:
        return next(iter(counts))
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    (most, n), (_, runner_up) = ranked[:2]
    if n > runner_up:
        return most
    first = [value for value, k in ranked if k == n and value in lead]
    return first[0] if len(first) == 1 else None
