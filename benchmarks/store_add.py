"""Real articles grown to 10,000 new ones → `kliping add` into an existing store timed, then search latency.

    python benchmarks/store_add.py [--count 10000] [--queries 50] [--skip-end-to-end]

The 916 real articles of ``tests/fixtures/corpus/mixed.jsonl`` are annotated once and stored: that is
the existing database. The new articles are generations of them: generation g is every base article
with a fresh id and source and its words enciphered by generation g's letter permutation (function
words kept, lengths kept, so annotation offsets stay valid), so no copy is a duplicate of another and
each generation's stories are new stories. Two measurements of the same 10,000 articles:

- store only: ``Store.add`` of the pre-annotated articles (dedup check, story index, inserts, FTS,
  state blobs, one commit per 200), into a copy of the existing database;
- end to end: the real ``kliping add FILE.jsonl`` (read, clean, annotate, store) into another copy.

Then search latency on the grown database: the median and p95 of ``Store.search`` over ``--queries``
queries (one or two words from random titles; every fifth with a speaker filter), and the time to
build a story (what a story page costs in a process that has not built it yet).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import string
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

from kliping.corpus.terms import stopwords
from kliping.model import Article, DateMention, Entity, Quote
from kliping.pipeline import extract
from kliping.run.add import stored_story
from kliping.store import Store

REPO = Path(__file__).resolve().parent.parent
MIXED = REPO / "tests" / "fixtures" / "corpus" / "mixed.jsonl"
_STOP = stopwords()
T = TypeVar("T")


def cipher(generation: int) -> Callable[[str], str]:
    """Generation g's word cipher: a letter permutation applied to every non-function word."""
    rng = random.Random(generation)
    letters = list(string.ascii_lowercase)
    shuffled = letters[:]
    rng.shuffle(shuffled)
    table = str.maketrans("".join(letters) + "".join(letters).upper(),
                          "".join(shuffled) + "".join(shuffled).upper())

    def apply(text: str) -> str:
        out, word = [], []
        for ch in text + " ":
            if ch.isalpha():
                word.append(ch)
                continue
            if word:
                w = "".join(word)
                out.append(w if w.lower() in _STOP else w.translate(table))
                word = []
            out.append(ch)
        return "".join(out)[:-1]

    return apply


def variant(article: Article, generation: int) -> Article:
    enc = cipher(generation)
    body = enc(article.body)
    return replace(
        article, id=f"{article.id}-g{generation}", source=f"bench/g{generation}/{article.id}", url=None, body=body,
        title=enc(article.title) if article.title else None,
        entities=[Entity(body[e.start:e.end], e.start, e.end, e.label, enc(e.canonical)) for e in article.entities],
        quotes=[Quote(body[q.start:q.end], q.start, q.end, q.kind, enc(q.speaker) if q.speaker else None,
                      enc(q.speaker_mention) if q.speaker_mention else None, q.cue) for q in article.quotes],
        dates=[DateMention(body[d.start:d.end], d.start, d.end, d.value) for d in article.dates])


def generations(base: list[T], count: int) -> Iterator[tuple[int, T]]:
    n = 0
    generation = 1
    while True:
        for article in base:
            if n == count:
                return
            yield generation, article
            n += 1
        generation += 1


def raw_lines(count: int) -> list[str]:
    """The same generations as raw JSONL input for `kliping add` (text enciphered, fresh ids)."""
    records = [json.loads(line) for line in MIXED.read_text("utf-8").splitlines() if line.strip()]
    out = []
    for generation, record in generations(records, count):
        enc = cipher(generation)
        rec = dict(record)
        rec["id"] = f"{rec['id']}-g{generation}"
        rec.pop("url", None)
        for key in ("text", "title"):
            if rec.get(key):
                rec[key] = enc(rec[key])
        out.append(json.dumps(rec, ensure_ascii=False) + "\n")
    return out


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=50)
    parser.add_argument("--skip-end-to-end", action="store_true")
    args = parser.parse_args()

    started = time.perf_counter()
    base = [a for a in extract([str(MIXED)]) if isinstance(a, Article)]
    print(f"annotated {len(base)} base articles in {time.perf_counter() - started:.1f} s")
    new = [variant(a, g) for g, a in generations(base, args.count)]

    with tempfile.TemporaryDirectory() as tmp:
        existing = Path(tmp) / "existing.db"
        with Store.open(existing) as store:
            store.add(base)
        grown = Path(tmp) / "store-only.db"
        shutil.copy(existing, grown)
        with Store.open(grown) as store:
            t0 = time.perf_counter()
            result = store.add(new)
            store_s = time.perf_counter() - t0
            total = store.article_count()
        print(f"store only:  {result.added} articles added to a store of {len(base)} in {store_s:.1f} s = "
              f"{result.added / store_s:.0f} articles/s ({len(result.stories_touched)} stories touched, "
              f"{total} stored, {grown.stat().st_size / 2**20:.0f} MiB)")

        if not args.skip_end_to_end:
            source = Path(tmp) / "new.jsonl"
            source.write_text("".join(raw_lines(args.count)), encoding="utf-8")
            e2e = Path(tmp) / "end-to-end.db"
            shutil.copy(existing, e2e)
            t0 = time.perf_counter()
            proc = subprocess.run([sys.executable, "-m", "kliping.cli", "add", str(source), "--db", str(e2e)],
                                  capture_output=True, text=True, check=True)
            e2e_s = time.perf_counter() - t0
            print(f"end to end:  `kliping add` of {args.count} JSONL articles in {e2e_s:.1f} s = "
                  f"{args.count / e2e_s:.0f} articles/s (read + annotate + store, process start included)")
            print("  " + proc.stderr.strip().replace("\n", "\n  "))

        search_latency(grown, base, args.queries)


def search_latency(db: Path, base: list[Article], queries: int) -> None:
    rng = random.Random(7)
    words = [w for a in base if a.title for w in a.title.split() if w.isalpha() and len(w) > 3]
    with Store.open(db) as store:
        speakers = [name for name, _ in store.speakers(limit=50)]
        times: list[float] = []
        hits = 0
        for i in range(queries):
            query = " ".join(rng.sample(words, 1 if i % 2 else 2))
            speaker = rng.choice(speakers) if i % 5 == 0 and speakers else None
            t0 = time.perf_counter()
            hits += len(store.search(query if speaker is None else "", speaker=speaker))
            times.append((time.perf_counter() - t0) * 1000)
        print(f"search:      {queries} queries over {store.article_count()} articles: median "
              f"{statistics.median(times):.1f} ms, p95 {percentile(times, 0.95):.1f} ms, max {max(times):.1f} ms "
              f"({hits / queries:.0f} hits a query)")
        first, row = store.stories(2)
        stored_story(store, first.id)  # the first story a process builds also loads the claim stage's word lists
        t0 = time.perf_counter()
        stored_story(store, row.id)
        cold = (time.perf_counter() - t0) * 1000
        t0 = time.perf_counter()
        store.stories(50)
        listing = (time.perf_counter() - t0) * 1000
        print(f"story page:  2nd-biggest story ({row.article_count} articles) built in {cold:.0f} ms; "
              f"story list (50) {listing:.1f} ms")


if __name__ == "__main__":
    main()
