"""Articles + a gold file (schema of shared/gold/seeds.json) → scores, for `kliping eval` and tests.

Boilerplate lines are scored as a set per article: a removed line is a hit when the gold lists
it as boilerplate, a false alarm when the gold lists it neither as boilerplate nor as neutral.
Headlines are metadata, not boilerplate, so lines removed as "headline" are not predictions.
Metadata fields are scored per article: right or wrong.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kliping.clean import normalise_line
from kliping.errors import GoldError
from kliping.model import Article

FIELDS = ("title", "outlet", "published", "dateline", "authors", "wire_sources")
NOT_BOILERPLATE = frozenset({"headline"})


@dataclass
class PRF:
    """Counts of hits, false alarms and misses, with precision, recall and F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class FieldScore:
    """How often one metadata field is right, and the misses to look at."""

    correct: int = 0
    total: int = 0
    misses: list[dict[str, Any]] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "total": self.total,
                "accuracy": round(self.accuracy, 4), "misses": self.misses}


@dataclass
class EvalReport:
    articles: int = 0
    missing: list[str] = field(default_factory=list)
    boilerplate: PRF = field(default_factory=PRF)
    boilerplate_errors: list[dict[str, str]] = field(default_factory=list)
    fields: dict[str, FieldScore] = field(default_factory=lambda: {f: FieldScore() for f in FIELDS})

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "missing": self.missing,
            "boilerplate": self.boilerplate.to_dict(),
            "boilerplate_errors": self.boilerplate_errors,
            "fields": {name: score.to_dict() for name, score in self.fields.items()},
        }


def load_gold(path: str | Path) -> dict[str, Any]:
    """Read and check a gold file; GoldError says what is wrong with it."""
    try:
        gold = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise GoldError(f"cannot read gold file {path}: {err}") from err
    if not isinstance(gold, dict) or not isinstance(gold.get("articles"), dict):
        raise GoldError(f"{path}: expected an object with an 'articles' object keyed by article id")
    return gold


def _norm(text: str) -> str:
    return normalise_line(text).casefold()


def _same_day(value: str | None, gold: dict[str, Any]) -> bool:
    expected = gold.get("published")
    if expected:
        return value is not None and value[:10] == expected[:10]
    # The page states no date: right to say nothing, or to infer a day no earlier than
    # the gold's lower bound (the report cannot predate what it reports).
    bound = gold.get("published_lower_bound")
    return value is None or (bound is not None and value[:10] >= bound[:10])


def _field_right(name: str, got: Any, gold: dict[str, Any]) -> bool:
    if name == "published":
        return _same_day(got, gold)
    expected = gold.get(name)
    if isinstance(expected, list):
        return {_norm(x) for x in expected} == {_norm(x) for x in got or []}
    if expected is None or got is None:
        return expected is None and got is None
    return bool(_norm(str(expected)) == _norm(str(got)))


def _score_boilerplate(report: EvalReport, article_id: str, article: Article | None,
                       gold: dict[str, Any]) -> None:
    expected = {_norm(x) for x in gold.get("boilerplate_lines", [])}
    neutral = {_norm(x) for x in gold.get("neutral_lines", [])}
    removed = {} if article is None else {
        _norm(r.text): r.text for r in article.removed if r.reason not in NOT_BOILERPLATE
    }
    for key, text in removed.items():
        if key in expected:
            report.boilerplate.tp += 1
        elif key not in neutral:
            report.boilerplate.fp += 1
            report.boilerplate_errors.append({"article": article_id, "error": "removed body line",
                                              "line": text})
    for line in gold.get("boilerplate_lines", []):
        if _norm(line) not in removed:
            report.boilerplate.fn += 1
            report.boilerplate_errors.append({"article": article_id, "error": "kept boilerplate",
                                              "line": line})


def evaluate(gold: dict[str, Any], articles: Iterable[Article]) -> EvalReport:
    """Score articles against the gold; gold articles that were not produced count as wrong."""
    by_id = {a.id: a for a in articles if a.id in gold["articles"]}
    report = EvalReport()
    for article_id, expected in gold["articles"].items():
        article = by_id.get(article_id)
        if article is None:
            report.missing.append(article_id)
        else:
            report.articles += 1
        _score_boilerplate(report, article_id, article, expected)
        for name in FIELDS:
            score = report.fields[name]
            score.total += 1
            got = getattr(article, name) if article is not None else None
            if article is not None and _field_right(name, got, expected):
                score.correct += 1
            else:
                score.misses.append({"article": article_id, "expected": expected.get(name),
                                     "got": got})
    return report


def format_report(report: EvalReport) -> str:
    """A plain-text table of the scores, misses listed under each."""
    b = report.boilerplate
    out = [
        f"articles scored: {report.articles}" + (f"  missing: {', '.join(report.missing)}"
                                                  if report.missing else ""),
        f"boilerplate lines   P {b.precision:.3f}  R {b.recall:.3f}  F1 {b.f1:.3f}"
        f"   (tp {b.tp}, fp {b.fp}, fn {b.fn})",
    ]
    out += [f"    {e['article']}: {e['error']}: {e['line'][:90]}" for e in report.boilerplate_errors]
    for name, score in report.fields.items():
        out.append(f"{name:<19} {score.correct}/{score.total}  accuracy {score.accuracy:.3f}")
        out += [f"    {m['article']}: expected {m['expected']!r}, got {m['got']!r}"
                for m in score.misses]
    return "\n".join(out)
