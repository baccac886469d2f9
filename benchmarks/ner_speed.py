"""NER speed on one core: milliseconds per article and tokens per second, our decoder against pycrfsuite.

    python benchmarks/ner_speed.py [--rounds 50]                 # the seed articles, round after round
    python benchmarks/ner_speed.py --jsonl FILE [--limit 2000]  # articles of a JSON-lines file, once each
    python benchmarks/ner_speed.py --jsonl /work/shared/corpus/indosum/dev.01.jsonl   # IndoSum's tokenised rows too

Tagging decodes cached per-word label scores (``annotate/linear_crf.py``); ``pycrfsuite`` is the same
sentences through ``pycrfsuite.Tagger.tag``, which is how tagging ran before. Both start with cold caches.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from itertools import islice
from pathlib import Path

from extract_speed import detokenise  # this folder's; IndoSum rows hold tokenised paragraphs

from kliping.annotate import ner, ner_features

SEEDS = Path(__file__).resolve().parent.parent / "examples" / "seeds"


def _pycrfsuite_entities(text: str) -> None:
    """find_entities' work with every sentence tagged by pycrfsuite instead."""
    cased = ner_features.is_cased([text[:2000]])
    for sent in ner._sentences(text, ner_features.tokenize(text)):
        words = [text[s:e] for s, e in sent]
        if not cased or ner._may_name(words):
            ner.chunks(ner.tag_tokens(words, ner._tagger()))


def _text(row: dict[str, object]) -> str:
    """A row's 'text' (or 'body'), or an IndoSum row's paragraphs detokenised as extract_speed.py does."""
    text = row.get("text") or row.get("body")
    if isinstance(text, str):
        return text
    paragraphs = row.get("paragraphs") or []
    assert isinstance(paragraphs, list)
    return "\n\n".join(" ".join(detokenise(s) for s in para) for para in paragraphs)


def _time(texts: list[str], rounds: int, run: Callable[[str], object]) -> float:
    start = time.perf_counter()
    for _ in range(rounds):
        for text in texts:
            run(text)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=None, help="passes over the texts (50 for the seeds, else 1)")
    parser.add_argument("--jsonl", type=Path,
                        help="a JSON-lines file with a 'text' (or 'body', or IndoSum's 'paragraphs') per line")
    parser.add_argument("--limit", type=int, default=2000, help="articles read from --jsonl")
    args = parser.parse_args()
    if args.jsonl:
        with args.jsonl.open(encoding="utf-8") as lines:
            texts = [_text(d) for d in map(json.loads, islice(lines, args.limit))]
    else:
        texts = [p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    rounds = args.rounds or (1 if args.jsonl else 50)
    tokens = sum(len(ner_features.tokenize(t)) for t in texts) * rounds
    n = rounds * len(texts)
    ner.find_entities("Presiden Joko Widodo di Jakarta.")  # load the model outside the timing
    _pycrfsuite_entities("Presiden Joko Widodo di Jakarta.")
    for name, run in (("kliping decoder", ner.find_entities), ("pycrfsuite", _pycrfsuite_entities)):
        ner._word_scores[ner.MODEL_NAME] = ner._WordScores()
        ner_features.word_features.cache_clear()
        secs = _time(texts, rounds, run)
        print(f"{name:16s} {n} articles, {tokens:,} tokens in {secs:.2f}s: {1000 * secs / n:.2f} ms/article, "
              f"{n / secs:.0f} articles/s, {tokens / secs:,.0f} tokens/s")


if __name__ == "__main__":
    main()
