"""NER scoring: CoNLL-style token/tag files read into our label set, and entity-level P/R/F1.

Used by ``kliping eval --ner``, ``scripts/train_ner.py`` and the NER tests; tagging itself is ``ner``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from kliping.annotate.ner import LABELS, MODEL_NAME, chunks, tag_tokens

# Tag sets seen in the corpora we train and evaluate on, mapped to ours; anything else is O.
LABEL_MAP = {
    "PERSON": "PERSON", "PER": "PERSON", "PPL": "PERSON",
    "ORGANISATION": "ORG", "ORGANIZATION": "ORG", "ORG": "ORG", "IND": "ORG",
    "PLACE": "PLACE", "LOCATION": "PLACE", "LOC": "PLACE", "PLC": "PLACE", "GPE": "PLACE",
}


def map_tag(tag: str) -> str:
    """A corpus tag (B-PPL, I-LOCATION, …) in our label set, or "O"."""
    prefix, _, kind = tag.partition("-")
    label = LABEL_MAP.get(kind)
    return f"{prefix}-{label}" if label and prefix in ("B", "I") else "O"


def read_conll(path: str | Path) -> list[tuple[list[str], list[str]]]:
    """Sentences of a token<TAB>tag file (blank line between sentences), tags mapped to ours."""
    sents: list[tuple[list[str], list[str]]] = []
    words: list[str] = []
    tags: list[str] = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if words:
                sents.append((words, tags))
                words, tags = [], []
            continue
        token, _, tag = line.rpartition("\t") if "\t" in line else line.rpartition(" ")
        words.append(token)
        tags.append(map_tag(tag.strip()))
    if words:
        sents.append((words, tags))
    return sents


def score_tags(gold: Iterable[Sequence[str]], pred: Iterable[Sequence[str]]) -> dict[str, tuple[float, float, float]]:
    """Entity-level precision, recall and F1 (exact span and type) per label and "micro"."""
    counts = {label: [0, 0, 0] for label in (*LABELS, "micro")}  # true pos, predicted, gold
    for g_tags, p_tags in zip(gold, pred, strict=True):
        gold_set, pred_set = set(chunks(g_tags)), set(chunks(p_tags))
        for label in LABELS:
            gl = {c for c in gold_set if c[2] == label}
            pl = {c for c in pred_set if c[2] == label}
            for key in (label, "micro"):
                counts[key][0] += len(gl & pl)
                counts[key][1] += len(pl)
                counts[key][2] += len(gl)
    out: dict[str, tuple[float, float, float]] = {}
    for label, (tp, npred, ngold) in counts.items():
        p = tp / npred if npred else 0.0
        r = tp / ngold if ngold else 0.0
        out[label] = (p, r, 2 * p * r / (p + r) if p + r else 0.0)
    return out


def score_conll(path: str | Path, tagger: object | None = None,
                model: str = MODEL_NAME) -> dict[str, tuple[float, float, float]]:
    """NER P/R/F1 per label and micro on a CoNLL-style token<TAB>tag file, tagging its own token lists
    (with ``tagger``, else the shipped ``model``)."""
    sents = read_conll(path)
    return score_tags([t for _, t in sents], [tag_tokens(w, tagger, model=model) for w, _ in sents])
