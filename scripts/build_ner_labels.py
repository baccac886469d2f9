"""Our NER labels (JSON lines, one sentence each) → CoNLL train/valid files for ``train_ner.py``.

The labels live in ``tests/fixtures/ner/{english,indonesian}/*.jsonl`` as ``{"id", "text", "ents":
[[text, TYPE], …]}`` (entity texts in order of appearance, exact substrings of the sentence), so they
do not depend on a tokenizer; this script cuts them with the recogniser's one tokenizer
(``ner_features.tokenize``) and writes ``{english,indonesian}_{train,valid}.conll`` beside the folders.
A document (page or article, the part of the id before the last dot) is in valid when the SHA-1 of
its id is 0 mod 5: decided by id, before any label was read. A sentence whose entity does not fall
on token edges is left out (counted), so no sentence teaches "O" for a name it holds.

    python scripts/build_ner_labels.py
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from kliping.annotate.ner_features import tokenize

NER = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "ner"
TYPES = {"PERSON", "ORG", "PLACE"}


def split_of(sentence_id: str) -> str:
    doc = sentence_id.rsplit(".", 1)[0]
    return "valid" if int(hashlib.sha1(doc.encode("utf-8")).hexdigest(), 16) % 5 == 0 else "train"


def _free_match(text: str, ent_text: str, pos: int, starts: dict[int, int], ends: dict[int, int],
                tags: list[str]) -> int:
    """Where ``ent_text`` next occurs from ``pos`` on token edges over untagged tokens, or -1."""
    at = text.find(ent_text, pos)
    while at >= 0 and not (at in starts and at + len(ent_text) in ends
                           and all(t == "O" for t in tags[starts[at]:ends[at + len(ent_text)] + 1])):
        at = text.find(ent_text, at + 1)
    return at


def bio(text: str, ents: list[list[str]]) -> list[tuple[str, str]] | None:
    """Tokens of ``text`` with BIO tags, or None when an entity is not on token edges or not found."""
    spans = tokenize(text)
    starts = {a: i for i, (a, _) in enumerate(spans)}
    ends = {b: i for i, (_, b) in enumerate(spans)}
    tags = ["O"] * len(spans)
    pos = 0
    for ent_text, kind in ents:
        if kind not in TYPES or not ent_text.strip():
            return None
        at = _free_match(text, ent_text, pos, starts, ends, tags)
        if at < 0:  # listed out of order: look again from the start
            at = _free_match(text, ent_text, 0, starts, ends, tags)
        if at < 0:
            return None
        i, j = starts[at], ends[at + len(ent_text)]
        tags[i:j + 1] = [f"B-{kind}"] + [f"I-{kind}"] * (j - i)
        pos = at + len(ent_text)
    return [(text[a:b], t) for (a, b), t in zip(spans, tags, strict=True)]


def main() -> int:
    for language in ("english", "indonesian"):
        out: dict[str, list[list[tuple[str, str]]]] = {"train": [], "valid": []}
        dropped = 0
        for path in sorted((NER / language).glob("*.jsonl")):
            for line in path.read_text(encoding="utf-8").splitlines():
                row = json.loads(line)
                tokens = bio(row["text"], row["ents"])
                if tokens is None:
                    dropped += 1
                    continue
                if tokens:
                    out[split_of(row["id"])].append(tokens)
        for split, sents in out.items():
            text = "\n\n".join("\n".join(f"{w}\t{t}" for w, t in s) for s in sents) + "\n"
            (NER / f"{language}_{split}.conll").write_text(text, encoding="utf-8")
            ents = sum(t.startswith("B-") for s in sents for _, t in s)
            print(f"{language} {split}: {len(sents)} sentences, {ents} entities")
        print(f"{language}: left out (entity not on token edges or not found): {dropped}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
