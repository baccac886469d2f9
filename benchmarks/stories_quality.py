"""Labelled corpus (or annotated articles) → story B-cubed on dev/test and StoryIndex.add speed at growing sizes.

Usage: python benchmarks/stories_quality.py [--corpus tests/fixtures/corpus] [--sizes 1000,10000]
Speed runs reuse the annotated articles with shifted ids and dates (each copy a fresh set of stories),
so the cost per article shows whether growth stays linear.
"""

from __future__ import annotations

import argparse
import copy
import json
import re
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from kliping.corpus.assemble import group
from kliping.corpus.features import _STOPWORDS
from kliping.corpus.stories import StoryIndex
from kliping.eval_corpus import bcubed
from kliping.model import Article
from kliping.pipeline import extract

_WORD = re.compile(r"[^\W\d_][^\W_]{2,}")


def _code(k: int) -> str:
    letters = ""
    while True:
        k, r = divmod(k, 26)
        letters += chr(ord("a") + r)
        if not k:
            return letters


def _variant(text: str, suffix: str) -> str:
    """The same text with every content word renamed, so each copy reads as new, unrelated news."""
    return _WORD.sub(lambda m: m.group(0) if m.group(0).lower() in _STOPWORDS else m.group(0) + suffix, text)


def _shifted(articles: list[Article], n: int) -> list[Article]:
    """n articles: copies of the corpus with fresh ids, renamed words and entities, moved 37 days on per copy.

    Copies overlap in time, so many live stories compete for the same postings lists, as in a real feed.
    """
    out: list[Article] = []
    copy_no = 0
    while len(out) < n:
        for a in articles:
            if len(out) == n:
                break
            b = copy.copy(a)
            b.id = f"{a.id}#{copy_no}"
            if copy_no:
                suffix = "zq" + _code(copy_no)
                b.title = _variant(a.title, suffix) if a.title else None
                b.body = _variant(a.body, suffix)
                b.entities = [replace(e, canonical=e.canonical + " " + suffix) for e in a.entities]
            if a.published and len(a.published) >= 10:
                b.published = (date.fromisoformat(a.published[:10]) + timedelta(days=37 * copy_no)).isoformat()
            out.append(b)
        copy_no += 1
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", default="tests/fixtures/corpus")
    parser.add_argument("--sizes", default="1000,2500,5000,10000")
    args = parser.parse_args()
    corpus = Path(args.corpus)
    t0 = time.perf_counter()
    articles = [a for a in extract([str(corpus / "mixed.jsonl")]) if isinstance(a, Article)]
    print(f"annotated {len(articles)} articles in {time.perf_counter() - t0:.1f} s")
    gold_path = corpus / "mixed_gold.json"
    if gold_path.exists():
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        for half in ("dev", "test"):
            keep = set(gold[half])
            part = [a for a in articles if a.id in keep]
            gold_half = [[i for i in s if i in keep] for s in gold["stories"]]
            p, r, f = bcubed([c.article_ids for c in group(part).stories], [s for s in gold_half if s])
            print(f"{half}: {len(part)} articles, B-cubed P {p:.3f} R {r:.3f} F1 {f:.3f}")
    for n in (int(s) for s in args.sizes.split(",")):
        batch = _shifted(articles, n)
        index = StoryIndex()
        t0 = time.perf_counter()
        for a in batch:
            index.add(a)
        dt = time.perf_counter() - t0
        print(f"{n:>7} articles: {dt:.2f} s, {n / dt:,.0f} articles/s, {len(index.stories())} stories")


if __name__ == "__main__":
    main()
