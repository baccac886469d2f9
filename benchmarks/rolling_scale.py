"""The rolling step alone — duplicates and stories in date order, kliping's one sequential step — fed a
million articles' keys, with the driver's memory every 100,000 articles.

    python benchmarks/rolling_scale.py --articles OUT/articles.jsonl [--size 1000000] [--every 100000]

The end-to-end benchmark (``million.py``) needs hours per million articles on two cores, nearly all
of it annotating and building stories in worker processes, whose memory does not depend on the run's
size. What could grow with the archive is the driver's rolling step (``corpus.rolling``): this
benchmark runs it alone, as ``kliping analyze`` does, on the keys (MinHash signature, clustering
features, day) of real annotated articles — the ``articles.jsonl`` of a run, e.g. of
``million.py run`` on 100,000 generated articles — replayed as generations until SIZE:

- generation g comes after g-1 in time (its days moved on by the span of the input), so the
  archive keeps its density (articles a day) and grows in time, as a real archive does;
- its rare keys (entity names and terms in under 5% of the input's articles) go through g's letter
  permutation, so its stories are new stories, while common words stay shared;
- its signatures are XORed with g's random mask: no article of g duplicates one of another
  generation, and the syndicated copies inside the input stay copies of each other.

Prints, every ``--every`` articles: seconds, articles/s, resident and peak RSS, articles in open
stories, the document-frequency table's size, stories closed so far; then peak RSS at the last
checkpoint over that at the first (the issue's bound: within 1.5× from 100k to 1M).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from kliping.corpus.features import Features
from kliping.corpus.rolling import ArticleKeys, RollingGrouper, article_keys
from kliping.model import Article

COMMON_SHARE = 0.05
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def rss_mb() -> tuple[float, float]:
    """(resident now, peak so far) of this process, in MB."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * resource.getpagesize() / 2**20, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def load_keys(path: Path) -> list[ArticleKeys]:
    """The keys of every dated article of an articles.jsonl, in date order."""
    keys = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            k = article_keys(Article.from_dict(json.loads(line)))
            if k.day is not None:  # through the journal's record, as the driver of a run reads them
                keys.append(ArticleKeys.from_record(k.id, k.to_record(), k.signature.tobytes()))
    keys.sort(key=lambda k: k.day or 0)
    return keys


class Replayer:
    """Generation g of the input keys, as the module docstring says."""

    def __init__(self, base: list[ArticleKeys], seed: int = 20240619) -> None:
        self.base = base
        self.rng = random.Random(seed)
        df: Counter[str] = Counter()
        for k in base:
            df.update(set(k.features.entities) | set(k.features.terms))
        self.common = {key for key, n in df.items() if n >= COMMON_SHARE * len(base)}
        days = [k.day for k in base if k.day is not None]
        self.span = max(days) - min(days) + 1

    def generation(self, g: int) -> Iterator[ArticleKeys]:
        """One at a time: a whole generation in memory would be counted as the rolling step's."""
        if g == 0:
            yield from self.base
            return
        perm = list(_LETTERS)
        self.rng.shuffle(perm)
        table = str.maketrans(_LETTERS + _LETTERS.upper(), "".join(perm) + "".join(perm).upper())
        mask = np.random.default_rng(g).integers(0, 2**32, size=self.base[0].signature.size, dtype=np.uint32)
        cache: dict[str, str] = {}

        def cipher(counts: Counter[str]) -> Counter[str]:
            out: Counter[str] = Counter()
            for key, n in counts.items():
                new = cache.get(key)
                if new is None:
                    new = cache[key] = key if key in self.common else key.translate(table)
                out[new] += n
            return out

        shift = g * self.span
        for k in self.base:
            yield ArticleKeys(f"{k.id}#g{g}", Features(cipher(k.features.entities), cipher(k.features.terms),
                                                       (k.day or 0) + shift, k.features.language),
                              k.signature ^ mask, k.shingles)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=Path, required=True, help="an articles.jsonl of kliping analyze")
    parser.add_argument("--size", type=int, default=1_000_000, help="articles to feed (1,000,000)")
    parser.add_argument("--every", type=int, default=100_000, help="a checkpoint every N articles (100,000)")
    args = parser.parse_args()
    t0 = time.perf_counter()
    base = load_keys(args.articles)
    print(f"{len(base):,} dated articles' keys from {args.articles} in {time.perf_counter() - t0:.0f} s; "
          f"RSS {rss_mb()[0]:.0f} MB", file=sys.stderr, flush=True)
    replay = Replayer(base)
    grouper = RollingGrouper()
    fed = closed = copies = 0
    rows: list[tuple[int, float, float, float, int, int, int, int]] = []
    t0 = time.perf_counter()
    g = 0
    while fed < args.size:
        for keys in replay.generation(g):
            if fed == args.size:
                break
            closed += len(grouper.add(keys))
            copies += len(grouper.take_duplicates())
            fed += 1
            if fed % args.every == 0:
                now, peak = rss_mb()
                rows.append((fed, time.perf_counter() - t0, now, peak, grouper.stories.open_articles(),
                             grouper.stories.df_size(), closed, copies))
                print("  ".join(f"{v:,.0f}" for v in rows[-1]), file=sys.stderr, flush=True)
        g += 1
    print(f"{'articles':>10} {'seconds':>8} {'art/s':>6} {'RSS MB':>7} {'peak MB':>8} {'open art.':>10} "
          f"{'df keys':>10} {'closed':>9} {'copies':>7}")
    for fed, seconds, now, peak, open_articles, df, closed, copies in rows:
        print(f"{fed:>10,} {seconds:>8.0f} {fed / seconds:>6.0f} {now:>7.0f} {peak:>8.0f} {open_articles:>10,} "
              f"{df:>10,} {closed:>9,} {copies:>7,}")
    if len(rows) > 1:
        print(f"peak RSS at {rows[-1][0]:,} / at {rows[0][0]:,}: ×{rows[-1][3] / rows[0][3]:.2f}; "
              f"{len(base):,} input articles span {replay.span} days ({len(base) / replay.span:,.0f} a day)")


if __name__ == "__main__":
    main()
