"""Stories, events and claims of a dossier + a gold file → B-cubed scores and claims found.

A gold claim is found when one dossier claim cites most of its mentions (the evidence covers
the mention's words); its status is then right or wrong.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from kliping.eval import quote_match
from kliping.model import Claim, Evidence, Story


def bcubed(predicted: Iterable[Iterable[str]], gold: Iterable[Iterable[str]]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering against a gold one, over the items
    the gold clusters (items the prediction leaves out count as singletons)."""
    gold_of = {item: frozenset(cluster) for cluster in map(list, gold) for item in cluster}
    pred_of: dict[str, frozenset[str]] = {}
    for cluster in map(list, predicted):
        members = frozenset(i for i in cluster if i in gold_of)
        for item in members:
            pred_of[item] = members
    if not gold_of:
        return 0.0, 0.0, 0.0
    precision = recall = 0.0
    for item, g in gold_of.items():
        p = pred_of.get(item, frozenset({item}))
        both = len(p & g)
        precision += both / len(p)
        recall += both / len(g)
    precision /= len(gold_of)
    recall /= len(gold_of)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


@dataclass
class ClaimScore:
    """A gold claim: found when one dossier claim cites most of its mentions; status right or not."""

    id: str
    expected_status: str
    found: bool = False
    status: str | None = None
    cited: int = 0
    mentions: int = 0

    @property
    def right(self) -> bool:
        return self.found and self.status == self.expected_status

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "expected_status": self.expected_status, "found": self.found,
                "status": self.status, "cited": self.cited, "mentions": self.mentions, "right": self.right}


@dataclass
class CorpusReport:
    stories: tuple[float, float, float] | None = None  # None: the gold groups no stories
    events: tuple[float, float, float] | None = None
    claims: list[ClaimScore] = field(default_factory=list)

    @property
    def claims_right(self) -> int:
        return sum(c.right for c in self.claims)

    def to_dict(self) -> dict[str, Any]:
        return {"stories_bcubed": dict(zip(("precision", "recall", "f1"), self.stories, strict=True))
                if self.stories else None,
                "events_bcubed": dict(zip(("precision", "recall", "f1"), self.events, strict=True))
                if self.events else None,
                "claims": [c.to_dict() for c in self.claims], "claims_right": self.claims_right}


def _cites(evidence: Evidence, mention: dict[str, str]) -> bool:
    return evidence.article_id == mention["article"] and quote_match(mention["span"], evidence.text, min_pred=0.0)


def score_claims(gold_claims: list[dict[str, Any]], claims: list[Claim]) -> list[ClaimScore]:
    out = []
    for g in gold_claims:
        mentions = g.get("mentions", [])
        score = ClaimScore(g["id"], g["status"], mentions=len(mentions))
        for claim in claims:
            evidence = claim.support + claim.against
            cited = sum(any(_cites(e, m) for e in evidence) for m in mentions)
            if cited > score.cited:
                score.cited, score.status = cited, claim.status
        score.found = score.cited * 2 > len(mentions)  # most of its mentions, in one claim
        if not score.found:
            score.status = None
        out.append(score)
    return out


def evaluate_corpus(gold: dict[str, Any], stories: list[Story]) -> CorpusReport:
    """Score stories (B-cubed), events (B-cubed within the gold's events) and claims."""
    report = CorpusReport()
    if gold.get("stories"):
        report.stories = bcubed([s.article_ids for s in stories], gold["stories"])
    if gold.get("events"):
        report.events = bcubed([e.article_ids for s in stories for e in s.events], gold["events"])
    if gold.get("claims"):
        report.claims = score_claims(gold["claims"], [c for s in stories for c in s.claims])
    return report


def format_corpus(report: CorpusReport) -> str:
    out = []
    if report.stories:
        p, r, f = report.stories
        out.append(f"stories B-cubed     P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    if report.events:
        p, r, f = report.events
        out.append(f"events B-cubed      P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    if report.claims:
        out.append(f"claims right        {report.claims_right}/{len(report.claims)}")
        out += [f"    {c.id}: {'found' if c.found else 'missed'} ({c.cited}/{c.mentions} mentions), "
                f"status {c.status} (expected {c.expected_status})" for c in report.claims]
    return "\n".join(out)
