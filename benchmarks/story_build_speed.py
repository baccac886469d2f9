"""An analyzed run's articles and stories → ms per article of ``build_story`` (and of each step), with peak RSS.

Reads the output of ``kliping analyze``: ``articles.jsonl`` (annotated articles, one JSON line each)
and ``dossier.json`` (the stories, each listing its article ids in build order, and the duplicate
groups, representative first). Stories are taken in a fixed random order until ``--articles``
articles are reached, so the sample mixes big stories and singletons as the run does.

    python benchmarks/story_build_speed.py --run /work/bench/ref-before
    python benchmarks/story_build_speed.py --run /work/bench/ref-before --profile --top 40
    python benchmarks/story_build_speed.py --run /work/bench/ref-before --articles 0 --check   # every story

Times are CPU seconds of this process (``time.process_time``): the machine is shared, and wall time
would count the other processes' turns. Each timed pass starts with kliping's bounded caches empty.

``--check`` compares each rebuilt story with the dossier's, field by field as JSON: a speed change
must not change a byte of what a story holds (the run's own build is the reference).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import random
import resource
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from kliping.corpus.assemble import build_story
from kliping.corpus.claims import cluster_statements
from kliping.corpus.events import events_of
from kliping.corpus.quotes_by_speaker import story_quotes
from kliping.corpus.statement_records import pack, unpack
from kliping.corpus.statements import Statement, article_statements, statements_of
from kliping.corpus.summary import summarize
from kliping.corpus.timeline import build_timeline
from kliping.model import Article

Task = tuple[str, list[Article], dict[str, str]]


def load(run: Path, articles: int, seed: int) -> tuple[list[Task], dict[str, Any]]:
    """Stories to build (id, articles, representative map) and the dossier's story dicts by id."""
    dossier = json.loads((run / "dossier.json").read_text(encoding="utf-8"))
    representative = {m: group[0] for group in dossier["duplicates"] for m in group[1:]}
    stories = list(dossier["stories"])
    random.Random(seed).shuffle(stories)
    chosen, total = [], 0
    for s in stories:
        if articles and total >= articles:
            break
        chosen.append(s)
        total += len(s["article_ids"])
    wanted = {i for s in chosen for i in s["article_ids"]}
    by_id: dict[str, Article] = {}
    with (run / "articles.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            data = json.loads(line)
            if data["id"] in wanted:
                by_id[data["id"]] = Article.from_dict(data)
    tasks = [(s["id"], [by_id[i] for i in s["article_ids"]], representative) for s in chosen]
    return tasks, {s["id"]: s for s in chosen}


def forget_words() -> None:
    """Empty kliping's bounded caches (per-word stems and classes, sentence spans): a worker meets each
    article once, and generated archives bring new words with every story, so a pass over warm caches
    would time look-ups that a run mostly misses. Unbounded caches hold loaded resources: kept."""
    for name, module in list(sys.modules.items()):
        if not name.startswith("kliping."):
            continue
        for obj in vars(module).values():
            params = getattr(obj, "cache_parameters", None)
            if params is not None and params()["maxsize"] is not None:
                obj.cache_clear()


def carry(tasks: Sequence[Task]) -> dict[str, bytes]:
    """Each article's statements as the read pass of a run hands them to the story pass."""
    carried = {}
    for _, articles, _ in tasks:
        for a in articles:
            a.statements = None
            carried[a.id] = pack(article_statements(a))
    return carried


def build_carried(tasks: Sequence[Task], carried: dict[str, bytes]) -> None:
    """build_story of every task, as a run's story pass does it: the statements read from the read pass's bytes."""
    for story_id, articles, rep in tasks:
        for a in articles:
            unpack(carried[a.id], a)
        build_story(story_id, articles, rep)


def _statements(tasks: Sequence[Task]) -> list[list[Statement]]:
    out = []
    for _, articles, rep in tasks:
        for a in articles:
            a.statements = None  # made here, not taken from an earlier pass
        found = [st for a in articles for st in statements_of(a, rep)]
        found.sort(key=lambda st: (st.date or "9999", st.article_id, st.start))
        out.append(found)
    return out


def steps(tasks: Sequence[Task]) -> dict[str, float]:
    """Seconds of each step over all stories, each step run alone (as build_story runs them)."""
    timed: dict[str, float] = {}

    def clock(name: str, work: Callable[[], object]) -> object:
        forget_words()
        start = time.process_time()
        result = work()
        timed[name] = time.process_time() - start
        return result

    found = clock("claims: statements", lambda: _statements(tasks))
    assert isinstance(found, list)
    clock("claims: matching", lambda: [cluster_statements(f) for f in found])
    clock("summary", lambda: [summarize(a) for _, a, _ in tasks])
    clock("events", lambda: [events_of(a) for _, a, _ in tasks])
    clock("timeline", lambda: [build_timeline(a) for _, a, _ in tasks])
    clock("quotes", lambda: [story_quotes(a) for _, a, _ in tasks])
    return timed


def check(tasks: Sequence[Task], expected: dict[str, Any]) -> int:
    """Stories whose rebuilt JSON differs from the dossier's."""
    bad = 0
    for story_id, articles, rep in tasks:
        got = json.loads(json.dumps(build_story(story_id, articles, rep).to_dict(), ensure_ascii=False))
        if got != expected[story_id]:
            bad += 1
            diff = [k for k in got if got[k] != expected[story_id].get(k)]
            print(f"  {story_id}: differs in {', '.join(diff)}")
    return bad


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--run", type=Path, default=Path("/work/bench/ref-before"), help="a kliping analyze --out")
    parser.add_argument("--articles", type=int, default=2000, help="stories until this many articles; 0: all")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=2, help="timed passes; the best is shown")
    parser.add_argument("--profile", action="store_true", help="cProfile one pass of build_story")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--check", action="store_true", help="compare every rebuilt story with the dossier's")
    args = parser.parse_args()

    tasks, expected = load(args.run, args.articles, args.seed)
    n = sum(len(a) for _, a, _ in tasks)
    sizes = sorted(len(a) for _, a, _ in tasks)
    print(f"{len(tasks)} stories, {n} articles (largest {sizes[-1]}, median {sizes[len(sizes) // 2]})")
    # Resources (stop words, root list, cue tables) load on first use: not part of the timing.
    build_story(*tasks[0])

    carried = carry(tasks)
    best = float("inf")
    for _ in range(args.repeat):
        forget_words()
        start = time.process_time()
        build_carried(tasks, carried)
        best = min(best, time.process_time() - start)
    print(f"build_story (statements carried from the read pass): {best / n * 1e3:.2f} ms/article, "
          f"{n / best:.0f} articles/s")
    made = float("inf")
    for _ in range(args.repeat):
        forget_words()
        start = time.process_time()
        for _, articles, _ in tasks:
            for a in articles:
                a.statements = None
                pack(article_statements(a))
        made = min(made, time.process_time() - start)
    print(f"  statements made and packed in the read pass: {made / n * 1e3:.2f} ms/article")
    for name, seconds in steps(tasks).items():
        print(f"  {name:20} {seconds / n * 1e3:.2f} ms/article")

    if args.check:
        bad = check(tasks, expected)
        print(f"check: {len(tasks) - bad} of {len(tasks)} stories identical to the dossier's")

    if args.profile:
        forget_words()
        profiler = cProfile.Profile()
        profiler.enable()
        build_carried(tasks, carried)
        profiler.disable()
        text = io.StringIO()
        pstats.Stats(profiler, stream=text).sort_stats("tottime").print_stats(args.top)
        print(text.getvalue())
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"peak RSS: {rss:.0f} MB (the sampled articles held in memory)")


if __name__ == "__main__":
    main()
