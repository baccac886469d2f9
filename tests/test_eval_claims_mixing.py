"""kliping eval's claim mixing: how many of the dossier's claims that cite the gold cite two or more gold claims.

"Claims found" rewards a dossier claim that swallows its neighbours; this figure counts the swallowing. On the
sample (the real seed articles and their gold) no dossier claim mixes two gold claims. Split one gold claim's
mentions into two gold claims and the one dossier claim that cites them both is counted as mixing.
"""

from __future__ import annotations

import copy
from typing import Any

from kliping.corpus.assemble import analyze_corpus
from kliping.eval_corpus import evaluate_corpus, format_corpus
from kliping.model import Article


def test_a_dossier_claim_citing_two_gold_claims_is_counted(seed_articles: dict[str, Article],
                                                          gold: dict[str, Any]) -> None:
    stories = analyze_corpus(list(seed_articles.values())).stories
    report = evaluate_corpus(gold, stories)
    citing, mixing = report.claim_mixing
    assert citing >= len(gold["claims"]) and mixing == 0, report.claim_mixing
    assert "claims mixing       0 of the" in format_corpus(report)

    split = copy.deepcopy(gold)
    # All three of its mentions are in one dossier claim (kliping eval: "found (3/3 mentions)").
    whole = next(c for c in split["claims"] if c["id"] == "prospects-for-cooperation")
    assert len(whole["mentions"]) == 3
    half = dict(whole, id="prospects-for-cooperation-2", mentions=whole["mentions"][2:])
    whole["mentions"] = whole["mentions"][:2]
    split["claims"].append(half)
    again = evaluate_corpus(split, stories)
    assert again.claim_mixing == (citing, 1)
    assert again.to_dict()["dossier_claims_mixing"] == {"citing": citing, "mixing": 1}


def test_a_sentence_that_mentions_two_gold_claims_mixes_nothing_by_itself(seed_articles: dict[str, Article],
                                                                          gold: dict[str, Any]) -> None:
    """A sentence giving a toll and the missing is a mention of both figures' claims: the dossier claim holding it
    beside other reports of the toll cites two gold claims but mixes nothing."""
    stories = analyze_corpus(list(seed_articles.values())).stories
    both = copy.deepcopy(gold)
    prospects = next(c for c in both["claims"] if c["id"] == "prospects-for-cooperation")
    both["claims"].append(dict(prospects, id="one-sentence-of-it", mentions=prospects["mentions"][:1]))
    report = evaluate_corpus(both, stories)
    assert report.claim_mixing[1] == 0, report.claim_mixing
