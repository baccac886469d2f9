"""Stories, events and claims of a dossier + a gold file → grouping scores and claims found.

Stories are scored three ways, because one alone hides failure: B-cubed over every article (a corpus
of single-article stories makes it look good), B-cubed over the articles of multi-article gold
stories (does a developing story come out whole?), and over pairs of articles (of the pairs that
belong together, how many were put together; of those put together, how many belong). A gold file
with "dev" and "test" article lists (tests/fixtures/corpus/mixed_gold.json) is scored per split too: a split's
articles against their whole predicted stories, so a story merged with one of the other split counts against both.
A gold claim is found when one dossier claim cites most of its mentions (the evidence covers
the mention's words); its status is then right or wrong.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import Any

from kliping.eval import quote_match
from kliping.model import Claim, Evidence, Story

Scores = tuple[float, float, float]  # precision, recall, F1


def _f1(precision: float, recall: float) -> Scores:
    return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _clusters(predicted: Iterable[Iterable[str]], gold: Iterable[Iterable[str]]
              ) -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """Each gold item's gold and predicted cluster (restricted to gold items; left out = alone)."""
    gold_of = {item: frozenset(cluster) for cluster in map(list, gold) for item in cluster}
    pred_of: dict[str, frozenset[str]] = {}
    for cluster in map(list, predicted):
        members = frozenset(i for i in cluster if i in gold_of)
        for item in members:
            pred_of[item] = members
    return gold_of, {item: pred_of.get(item, frozenset({item})) for item in gold_of}


def bcubed(predicted: Iterable[Iterable[str]], gold: Iterable[Iterable[str]], *, multi_only: bool = False,
           inside: Collection[str] | None = None) -> Scores:
    """B-cubed precision, recall and F1 of a clustering against a gold one, over the items the gold
    clusters (items the prediction leaves out count as singletons) — or, ``multi_only``, over the items
    of gold clusters of two or more (their predicted clusters still count every gold item) — or only over
    the items ``inside`` a split, whose predicted clusters still count the items outside it: a story of the
    split merged with another split's is no purer for being looked at one split at a time."""
    gold_of, pred_of = _clusters(predicted, gold)
    items = [i for i, g in gold_of.items() if (len(g) > 1 or not multi_only) and (inside is None or i in inside)]
    if not items:
        return 0.0, 0.0, 0.0
    precision = sum(len(pred_of[i] & gold_of[i]) / len(pred_of[i]) for i in items) / len(items)
    recall = sum(len(pred_of[i] & gold_of[i]) / len(gold_of[i]) for i in items) / len(items)
    return _f1(precision, recall)


def _pairs_touching(group: frozenset[str], inside: Collection[str] | None) -> int:
    """The pairs of ``group`` with at least one item ``inside`` (all its pairs when ``inside`` is None)."""
    n = len(group)
    out = n * (n - 1) // 2
    if inside is not None:
        rest = sum(i not in inside for i in group)
        out -= rest * (rest - 1) // 2
    return out


def pairs(predicted: Iterable[Iterable[str]], gold: Iterable[Iterable[str]], *,
          inside: Collection[str] | None = None) -> Scores:
    """Precision, recall and F1 over pairs of gold items: a pair is predicted when both items share a
    predicted cluster, right when they share a gold one. Counted per cluster, never over all pairs. With
    ``inside``, over the pairs with an item inside the split: a pair across two splits is predicted and wrong."""
    gold_of, pred_of = _clusters(predicted, gold)
    both: dict[tuple[frozenset[str], frozenset[str]], set[str]] = {}
    for item in gold_of:
        both.setdefault((pred_of[item], gold_of[item]), set()).add(item)
    right = sum(_pairs_touching(frozenset(group), inside) for group in both.values())
    predicted_pairs = sum(_pairs_touching(c, inside) for c in set(pred_of.values()))
    gold_pairs = sum(_pairs_touching(c, inside) for c in set(gold_of.values()))
    return _f1(right / predicted_pairs if predicted_pairs else 0.0, right / gold_pairs if gold_pairs else 0.0)


@dataclass
class StoryScores:
    """One clustering of articles into stories, scored the three ways (see the module's doc)."""

    bcubed: Scores
    bcubed_multi: Scores
    pairs: Scores
    gold_stories: int
    multi_stories: int

    @classmethod
    def of(cls, predicted: list[list[str]], gold: list[list[str]],
           inside: Collection[str] | None = None) -> StoryScores:
        """The scores over every gold item, or over those ``inside`` a split (see ``bcubed`` and ``pairs``)."""
        touching = [g for g in gold if inside is None or any(i in inside for i in g)]
        return cls(bcubed(predicted, gold, inside=inside), bcubed(predicted, gold, multi_only=True, inside=inside),
                   pairs(predicted, gold, inside=inside), len(touching), sum(len(g) > 1 for g in touching))

    def to_dict(self) -> dict[str, Any]:
        names = ("precision", "recall", "f1")
        return {"bcubed": dict(zip(names, self.bcubed, strict=True)),
                "bcubed_multi_article": dict(zip(names, self.bcubed_multi, strict=True)),
                "pairs": dict(zip(names, self.pairs, strict=True)),
                "gold_stories": self.gold_stories, "multi_article_gold_stories": self.multi_stories}

    def lines(self, label: str) -> list[str]:
        return [f"{label:<20}B-cubed P {self.bcubed[0]:.3f}  R {self.bcubed[1]:.3f}  F1 {self.bcubed[2]:.3f}"
                f"   ({self.gold_stories} gold stories, {self.multi_stories} of 2+ articles)",
                f"{'':<20}multi-article B-cubed P {self.bcubed_multi[0]:.3f}  R {self.bcubed_multi[1]:.3f}"
                f"  F1 {self.bcubed_multi[2]:.3f}",
                f"{'':<20}pairs P {self.pairs[0]:.3f}  R {self.pairs[1]:.3f}  F1 {self.pairs[2]:.3f}"]


@dataclass
class ClaimScore:
    """A gold claim: found when one dossier claim cites most of its mentions; status right or not."""

    id: str
    expected_status: str
    articles: frozenset[str] = frozenset()  # where its mentions are: which split it belongs to
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
    stories: StoryScores | None = None  # None: the gold groups no stories
    splits: dict[str, StoryScores] = field(default_factory=dict)  # the gold's "dev" and "test" articles
    events: Scores | None = None
    claims: list[ClaimScore] = field(default_factory=list)
    # (found, right, of) over the claims whose mentions all lie in the gold's "dev" or "test" articles
    claim_splits: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    # The dossier's claims that cite the gold: (citing, mixing) — how many cite a mention of some gold claim, and
    # how many of those mix gold claims (``claims_cited``). "Found" rewards a claim that swallows its neighbours;
    # this counts the swallowing. Per split as well (a dossier claim lies in one story, so in one split).
    claim_mixing: tuple[int, int] = (0, 0)
    claim_mixing_splits: dict[str, tuple[int, int]] = field(default_factory=dict)

    @property
    def claims_right(self) -> int:
        return sum(c.right for c in self.claims)

    @property
    def claims_found(self) -> int:
        return sum(c.found for c in self.claims)

    def to_dict(self) -> dict[str, Any]:
        stories = self.stories
        return {"stories_bcubed": dict(zip(("precision", "recall", "f1"), stories.bcubed, strict=True))
                if stories else None,
                "stories": stories.to_dict() if stories else None,
                "stories_by_split": {name: s.to_dict() for name, s in self.splits.items()},
                "events_bcubed": dict(zip(("precision", "recall", "f1"), self.events, strict=True))
                if self.events else None,
                "claims": [c.to_dict() for c in self.claims], "claims_found": self.claims_found,
                "claims_right": self.claims_right,
                "claims_by_split": {name: dict(zip(("found", "right", "claims"), counts, strict=True))
                                    for name, counts in self.claim_splits.items()},
                "dossier_claims_mixing": dict(zip(("citing", "mixing"), self.claim_mixing, strict=True)),
                "dossier_claims_mixing_by_split": {name: dict(zip(("citing", "mixing"), counts, strict=True))
                                                   for name, counts in self.claim_mixing_splits.items()}}


def _cites(evidence: Evidence, mention: dict[str, str]) -> bool:
    return evidence.article_id == mention["article"] and quote_match(mention["span"], evidence.text, min_pred=0.0)


# For each dossier claim, for each piece of its evidence, the (gold claim, mention) pairs it cites, by index.
Citations = list[list[set[tuple[int, int]]]]


def citations(gold_claims: list[dict[str, Any]], claims: list[Claim]) -> Citations:
    """Which gold mentions each piece of each dossier claim's evidence cites: matched once, read by both
    ``score_claims`` and ``claims_cited`` (a span match per evidence and mention is the costly part)."""
    mentions = [(i, k, m) for i, g in enumerate(gold_claims) for k, m in enumerate(g.get("mentions", []))]
    return [[{(i, k) for i, k, m in mentions if _cites(e, m)} for e in claim.support + claim.against]
            for claim in claims]


def score_claims(gold_claims: list[dict[str, Any]], claims: list[Claim],
                 cited_by: Citations | None = None) -> list[ClaimScore]:
    cited_by = citations(gold_claims, claims) if cited_by is None else cited_by
    out = []
    for i, g in enumerate(gold_claims):
        mentions = g.get("mentions", [])
        score = ClaimScore(g["id"], g["status"], frozenset(m["article"] for m in mentions), mentions=len(mentions))
        for claim, pieces in zip(claims, cited_by, strict=True):
            cited = len({k for piece in pieces for j, k in piece if j == i})  # its mentions any evidence cites
            if cited > score.cited:
                score.cited, score.status = cited, claim.status
        score.found = score.cited * 2 > len(mentions)  # most of its mentions, in one claim
        if not score.found:
            score.status = None
        out.append(score)
    return out


def claims_cited(gold_claims: list[dict[str, Any]], claims: list[Claim],
                 cited_by: Citations | None = None) -> list[tuple[Claim, set[str], bool]]:
    """Each dossier claim that cites a gold mention: the ids of the gold claims whose mentions it cites, and whether
    it mixes them — no one gold claim has every piece of its citing evidence among its mentions. (A sentence that
    gives a toll and the missing is a mention of both figures' claims: beside other reports of the toll it mixes
    nothing.)"""
    cited_by = citations(gold_claims, claims) if cited_by is None else cited_by
    out = []
    for claim, pieces in zip(claims, cited_by, strict=True):
        per_evidence = [ids for piece in pieces if (ids := {gold_claims[i]["id"] for i, _ in piece})]
        if per_evidence:
            out.append((claim, set().union(*per_evidence), not set.intersection(*per_evidence)))
    return out


def evaluate_corpus(gold: dict[str, Any], stories: list[Story]) -> CorpusReport:
    """Score stories (B-cubed), events (B-cubed within the gold's events) and claims."""
    report = CorpusReport()
    splits = {name: set(gold[name]) for name in ("dev", "test") if isinstance(gold.get(name), list)}
    if gold.get("stories"):
        predicted = [list(s.article_ids) for s in stories]
        report.stories = StoryScores.of(predicted, gold["stories"])
        for name, inside in splits.items():
            report.splits[name] = StoryScores.of(predicted, gold["stories"], inside)
    if gold.get("events"):
        report.events = bcubed([e.article_ids for s in stories for e in s.events], gold["events"])
    if gold.get("claims"):
        dossier = [c for s in stories for c in s.claims]
        cited_by = citations(gold["claims"], dossier)
        report.claims = score_claims(gold["claims"], dossier, cited_by)
        for name, inside in splits.items():  # a claim lies in one story, and a story in one split
            mine = [c for c in report.claims if c.articles and c.articles <= inside]
            report.claim_splits[name] = (sum(c.found for c in mine), sum(c.right for c in mine), len(mine))
        cited = claims_cited(gold["claims"], dossier, cited_by)
        report.claim_mixing = (len(cited), sum(mixing for _, _, mixing in cited))
        where = {c.id: c.articles for c in report.claims}
        for name, inside in splits.items():
            mixes = [mixing for _, ids, mixing in cited if all(where[i] and where[i] <= inside for i in ids)]
            report.claim_mixing_splits[name] = (len(mixes), sum(mixes))
    return report


def format_corpus(report: CorpusReport) -> str:
    out = []
    if report.stories:
        out += report.stories.lines("stories")
        for name, scores in report.splits.items():
            out += scores.lines(f"stories ({name})")
    if report.events:
        p, r, f = report.events
        out.append(f"events B-cubed      P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    if report.claims:
        out.append(f"claims found        {report.claims_found}/{len(report.claims)}")
        out.append(f"claims right        {report.claims_right}/{len(report.claims)}")
        for name, (found, right, of) in report.claim_splits.items():
            out.append(f"{f'claims ({name})':<20}found {found}/{of}, right {right}/{of}")
        citing, mixing = report.claim_mixing
        out.append(f"claims mixing       {mixing} of the {citing} dossier claims citing the gold mix two or more "
                   "gold claims")
        for name, (citing, mixing) in report.claim_mixing_splits.items():
            out.append(f"{f'claims ({name})':<20}mixing {mixing}/{citing}")
        out += [f"    {c.id}: {'found' if c.found else 'missed'} ({c.cited}/{c.mentions} mentions), "
                f"status {c.status} (expected {c.expected_status})" for c in report.claims]
    return "\n".join(out)
