"""The seed articles → NER speed: milliseconds per article and tokens per second on one core.

    python benchmarks/ner_speed.py [ROUNDS]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from kliping.annotate import ner

SEEDS = Path(__file__).resolve().parent.parent / "examples" / "seeds"


def main(rounds: int = 50) -> None:
    texts = [p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    ner.find_entities(texts[0])  # load the model outside the timing
    ner._word_features.cache_clear()  # time a cold feature cache too: the first round pays for it
    tokens = sum(len(ner.tokenize(t)) for t in texts)
    start = time.perf_counter()
    for _ in range(rounds):
        for text in texts:
            ner.find_entities(text)
    secs = time.perf_counter() - start
    n = rounds * len(texts)
    print(f"{n} articles, {tokens * rounds} tokens in {secs:.2f}s: {1000 * secs / n:.2f} ms/article "
          f"({tokens / len(texts):.0f} tokens each), {tokens * rounds / secs:,.0f} tokens/s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50)
