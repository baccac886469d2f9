"""Articles + a gold file (schema of shared/gold/seeds.json) → scores, for `kliping eval` and tests.

Boilerplate lines are scored as a set per article: a removed line is a hit when the gold lists
it as boilerplate, a false alarm when the gold lists it neither as boilerplate nor as neutral.
Headlines are metadata, not boilerplate, so lines removed as "headline" are not predictions.
Metadata fields are scored per article, right or wrong, where the gold states them.

Quotations (see ``quote_match``, matching by word overlap):
* **quotations** — direct and partial quotes together, P/R/F1: a gold direct or partial quote is
  found by a predicted direct or partial one (a partial quote is a quotation the reader must see
  verbatim, so it is scored like a direct one); a prediction covering a gold ``neutral_quotes``
  entry counts neither way.
* **reported speech** — recall and precision: a gold indirect quote is found by a predicted
  indirect or partial quote covering most of it; a predicted indirect quote that finds no gold
  quote of any kind is a false alarm. Precision needs a gold that lists every piece of reported
  speech: it is counted only when the gold file says ``"reported_speech_exhaustive": true`` (the
  sample's gold lists some reported speech, not all).
* **speakers**, over every gold quote found: *full name* when the predicted speaker is the gold's
  canonical name (case, hyphens and spacing aside; the names of one entity in the alias table,
  "White House" and "Gedung Putih", are one speaker), *lenient* when every word of the predicted name
  is a word of the gold name ("Mulyani" for "Sri Mulyani Indrawati"); a gold speaker of null (an
  anonymous source) is right only when kliping names none.

A gold date is found when a date mention whose text contains the gold text or lies inside it has
the same value (and, where the gold marks the source as contradicting itself, says ``conflict``)
— or, for a date in a byline the cleaner removed, when ``published`` is that day.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kliping.annotate import ner_scoring
from kliping.annotate.aliases import canonical
from kliping.annotate.aliases import key as name_key
from kliping.annotate.entities import person_form, recognise
from kliping.clean import normalise_line
from kliping.errors import GoldError
from kliping.model import Article, Quote
from kliping.words import WORD

FIELDS = ("title", "outlet", "published", "dateline", "authors", "wire_sources")
NOT_BOILERPLATE = frozenset({"headline"})
LANGUAGE_SCORES = ("speaker (lenient)", "speaker (full name)", "reported recall", "dates")


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
    direct_quotes: PRF = field(default_factory=PRF)  # direct and partial quotations
    speakers: FieldScore = field(default_factory=FieldScore)  # lenient: a part of the right name
    full_speakers: FieldScore = field(default_factory=FieldScore)  # the full canonical name
    indirect_quotes: FieldScore = field(default_factory=FieldScore)  # recall: correct/total
    reported: PRF = field(default_factory=PRF)  # reported speech, precision and recall
    reported_exhaustive: bool = False  # whether reported.fp was counted
    dates: FieldScore = field(default_factory=FieldScore)
    quote_errors: list[dict[str, Any]] = field(default_factory=list)
    # the same counts per article language (speaker lenient, full name, reported recall, dates), so a
    # mixed set shows where its misses are rather than one average over both languages
    by_language: dict[str, dict[str, FieldScore]] = field(default_factory=dict)

    def language(self, article: Article | None) -> dict[str, FieldScore]:
        lang = (article.language if article is not None else None) or "unknown"
        return self.by_language.setdefault(lang, {k: FieldScore() for k in LANGUAGE_SCORES})

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "missing": self.missing,
            "boilerplate": self.boilerplate.to_dict(),
            "boilerplate_errors": self.boilerplate_errors,
            "fields": {name: score.to_dict() for name, score in self.fields.items()},
            "direct_quotes": self.direct_quotes.to_dict(),
            "speakers": self.speakers.to_dict(),
            "full_name_speakers": self.full_speakers.to_dict(),
            "indirect_quote_recall": self.indirect_quotes.to_dict(),
            "reported_speech": {**self.reported.to_dict(), "precision_scored": self.reported_exhaustive},
            "dates": self.dates.to_dict(),
            "quote_errors": self.quote_errors,
            "by_language": {lang: {k: {"correct": v.correct, "total": v.total, "accuracy": round(v.accuracy, 4)}
                                   for k, v in scores.items()} for lang, scores in sorted(self.by_language.items())},
        }


def load_gold(path: str | Path) -> dict[str, Any]:
    """Read and check a gold file; GoldError says what is wrong with it."""
    try:
        gold = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise GoldError(f"cannot read gold file {path}: {err}") from err
    if not isinstance(gold, dict) or not any(k in gold for k in ("articles", "stories", "claims")):
        raise GoldError(f"{path}: expected an object with 'articles' (keyed by article id), 'stories' or 'claims'")
    inputs = gold.get("inputs", [])
    if not isinstance(inputs, list) or not all(isinstance(x, str) for x in inputs):
        raise GoldError(f"{path}: 'inputs' must be a list of paths (relative to the gold file)")
    if not isinstance(gold.get("articles", {}), dict):
        raise GoldError(f"{path}: 'articles' must be an object keyed by article id")
    gold.setdefault("articles", {})
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


def _tokens(text: str) -> Counter[str]:
    return Counter(WORD.findall(text.casefold()))


def quote_match(gold_text: str, predicted: str, *, min_gold: float = 0.8, min_pred: float = 0.8) -> bool:
    """Whether a predicted quotation is the gold one: each covers most of the other's words."""
    g, p = _tokens(gold_text), _tokens(predicted)
    if not g or not p:
        return False
    shared = sum((g & p).values())
    return shared / sum(g.values()) >= min_gold and shared / sum(p.values()) >= min_pred


def _speaker_key(name: str) -> str:
    """A speaker's identity: one entity's names in either language are one speaker ("White House"
    = "Gedung Putih", "WHO" = "World Health Organization"), as the alias table says."""
    return name_key(person_form(canonical(name) or name))


def _name_words(name: str) -> list[str]:
    return _speaker_key(name).split()


def _same_speaker(expected: str | None, got: str | None) -> bool:
    if expected is None or got is None:
        return expected is got
    return _speaker_key(expected) == _speaker_key(got)


def _part_of_speaker(expected: str | None, got: str | None) -> bool:
    """The lenient test: every word of the name given is a word of the right person's name."""
    if expected is None or got is None:
        return expected is got
    words = _name_words(got)
    return bool(words) and set(words) <= set(_name_words(expected))


def _score_speaker(report: EvalReport, article_id: str, g: dict[str, Any], quote: Quote) -> None:
    for score, same in ((report.speakers, _part_of_speaker), (report.full_speakers, _same_speaker)):
        score.total += 1
        if same(g.get("speaker"), quote.speaker):
            score.correct += 1
        else:
            score.misses.append({"article": article_id, "expected": g.get("speaker"), "got": quote.speaker,
                                 "kind": g["kind"], "text": g["text"][:80]})


def _score_quotes(report: EvalReport, article_id: str, article: Article | None, gold: dict[str, Any],
                  exhaustive: bool) -> None:
    predicted = [] if article is None else article.quotes
    verbatim = [q for q in predicted if q.kind in ("direct", "partial")]
    used: set[int] = set()
    found_by: set[int] = set()  # every prediction that found a gold quote of some kind
    for g in gold.get("quotes", []):
        if g["kind"] in ("direct", "partial"):
            pool = [(i, q) for i, q in enumerate(verbatim) if i not in used]
            found = next(((i, q) for i, q in pool if quote_match(g["text"], q.text)), None)
            if found is None:
                report.direct_quotes.fn += 1
                report.quote_errors.append({"article": article_id, "error": f"missed {g['kind']}",
                                            "text": g["text"]})
                continue
            used.add(found[0])
            found_by.add(id(found[1]))
            report.direct_quotes.tp += 1
            quote: Quote = found[1]
        else:
            report.indirect_quotes.total += 1
            reported = next((q for q in predicted if q.kind in ("indirect", "partial")
                             and quote_match(g["text"], q.text, min_pred=0.5)), None)
            if reported is None:
                report.reported.fn += 1
                report.indirect_quotes.misses.append({"article": article_id, "expected": g["text"], "got": None})
                continue
            report.reported.tp += 1
            report.indirect_quotes.correct += 1
            found_by.add(id(reported))
            quote = reported
        _score_speaker(report, article_id, g, quote)
    neutral = gold.get("neutral_quotes", [])
    golds = gold.get("quotes", [])

    def _neutral_or_found(q: Quote) -> bool:
        return any(quote_match(n, q.text, min_pred=0.0) or quote_match(q.text, n, min_pred=0.0) for n in neutral)

    for i, q in enumerate(verbatim):
        if i in used or _neutral_or_found(q):
            continue
        report.direct_quotes.fp += 1
        report.quote_errors.append({"article": article_id, "error": f"extra {q.kind}", "text": q.text})
    for q in predicted if exhaustive else ():
        if q.kind != "indirect" or id(q) in found_by or _neutral_or_found(q):
            continue
        if any(quote_match(g["text"], q.text, min_gold=0.5, min_pred=0.5) for g in golds):
            continue  # it reports a gold quotation, cut differently: not a false alarm
        report.reported.fp += 1
        report.quote_errors.append({"article": article_id, "error": "extra indirect", "text": q.text})


def _score_dates(report: EvalReport, article_id: str, article: Article | None, gold: dict[str, Any]) -> None:
    for g in gold.get("dates", []):
        report.dates.total += 1
        right = False
        if article is not None:
            text = _norm(g["text"])
            right = any((text in _norm(d.text) or _norm(d.text) in text) and d.value == g["value"]
                        and (d.conflict is not None or not g.get("conflict"))
                        for d in article.dates) or (
                any(text in _norm(r.text) for r in article.removed)
                and (article.published or "")[:10] == g["value"]
            )
        if right:
            report.dates.correct += 1
        else:
            text = _norm(g["text"])
            got = [(d.text, d.value) for d in (article.dates if article else [])
                   if text in _norm(d.text) or _norm(d.text) in text]
            report.dates.misses.append({"article": article_id, "expected": g, "got": got or None})


def evaluate(gold: dict[str, Any], articles: Iterable[Article]) -> EvalReport:
    """Score articles against the gold; gold articles that were not produced count as wrong."""
    by_id = {a.id: a for a in articles if a.id in gold["articles"]}
    report = EvalReport(reported_exhaustive=bool(gold.get("reported_speech_exhaustive")))
    for article_id, expected in gold["articles"].items():
        article = by_id.get(article_id)
        if article is None:
            report.missing.append(article_id)
        else:
            report.articles += 1
        _score_boilerplate(report, article_id, article, expected)
        overall = (report.speakers, report.full_speakers, report.indirect_quotes, report.dates)
        before = [(s.correct, s.total) for s in overall]
        _score_quotes(report, article_id, article, expected, bool(gold.get("reported_speech_exhaustive")))
        _score_dates(report, article_id, article, expected)
        for part, score, (correct, total) in zip(report.language(article).values(), overall, before, strict=True):
            part.correct += score.correct - correct
            part.total += score.total - total
        for name in FIELDS:
            if name not in expected and not (name == "published" and "published_lower_bound" in expected):
                continue  # a set that labels quotations and dates only does not score metadata
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
    if not report.articles and not report.missing:
        return "articles scored: 0 (the gold labels no article: stories, events or claims only)"
    b = report.boilerplate
    out = [
        f"articles scored: {report.articles}" + (f"  missing: {', '.join(report.missing)}"
                                                  if report.missing else ""),
        f"boilerplate lines   P {b.precision:.3f}  R {b.recall:.3f}  F1 {b.f1:.3f}"
        f"   (tp {b.tp}, fp {b.fp}, fn {b.fn})",
    ]
    out += [f"    {e['article']}: {e['error']}: {e['line'][:90]}" for e in report.boilerplate_errors]
    scores = {**{k: v for k, v in report.fields.items() if v.total}, "speaker (lenient)": report.speakers,
              "speaker (full name)": report.full_speakers, "reported recall": report.indirect_quotes,
              "dates": report.dates}
    q, r = report.direct_quotes, report.reported
    out.append(f"quotations          P {q.precision:.3f}  R {q.recall:.3f}  F1 {q.f1:.3f}"
               f"   (direct and partial; tp {q.tp}, fp {q.fp}, fn {q.fn})")
    if report.reported_exhaustive:
        out.append(f"reported speech     P {r.precision:.3f}  R {r.recall:.3f}  F1 {r.f1:.3f}"
                   f"   (tp {r.tp}, fp {r.fp}, fn {r.fn})")
    else:
        out.append(f"reported speech     R {r.recall:.3f}   (tp {r.tp}, fn {r.fn}; precision not scored:"
                   " the gold does not list all reported speech)")
    out += [f"    {e['article']}: {e['error']}: {e['text'][:90]}" for e in report.quote_errors]
    for name, score in scores.items():
        out.append(f"{name:<19} {score.correct}/{score.total}  accuracy {score.accuracy:.3f}")
        out += [f"    {m['article']}: expected {m['expected']!r}, got {m['got']!r}"
                for m in score.misses]
    if len(report.by_language) > 1:
        for lang, parts in sorted(report.by_language.items()):
            out.append(f"by language: {lang:<7}" + "  ".join(
                f"{name} {s.correct}/{s.total} {s.accuracy:.3f}" for name, s in parts.items() if s.total))
    return "\n".join(out)


def format_ner(scores: dict[str, tuple[float, float, float]]) -> str:
    """Per-type NER precision, recall and F1 as a table."""
    rows = [f"{'NER':<19} {'P':>6} {'R':>6} {'F1':>6}"]
    rows += [f"{label:<19} {p:6.3f} {r:6.3f} {f:6.3f}" for label, (p, r, f) in scores.items()]
    return "\n".join(rows)


def score_ner(path: str | Path, language: str = "id") -> dict[str, tuple[float, float, float]]:
    """NER P/R/F1 per type and micro on a CoNLL-style token/tag file, for the recogniser kliping
    uses on text of ``language`` (the CRF with its alias and gazetteer layer,
    annotate/entities.recognise): each sentence's tokens are joined by spaces, recognised, and the
    spans mapped back onto the tokens."""
    sentences = ner_scoring.read_conll(path)
    predicted = []
    for words, _ in sentences:
        offsets, text = [], ""
        for word in words:
            text += " " if text else ""
            offsets.append((len(text), len(text) + len(word)))
            text += word
        tags = ["O"] * len(words)
        for start, end, label in recognise(text, language):
            inside = [i for i, (a, b) in enumerate(offsets) if a >= start and b <= end]
            for n, i in enumerate(inside):
                tags[i] = ("B-" if n == 0 else "I-") + label
        predicted.append(tags)
    return ner_scoring.score_tags([tags for _, tags in sentences], predicted)
