"""The peer article-extraction set (181 pages) → precision, recall, F1 and CPU ms per page.

Runs side by side on the same pages: plain ``trafilatura.extract`` with its defaults (on the page
already decoded), kliping's reading alone (``decode`` of the page's bytes, then ``read_html``), kliping's
HTML chain (reading, then ``clean`` and ``describe``: the body an article gets), and the full per-article
chain (then ``annotate``, which leaves the body alone: the text chain's cost on top). CPU time
(``time.process_time``) per page, as a shared machine leaves it steadier than wall time; the first
``--warmup`` pages go through every system once untimed, so that one-time costs (regexes compiled,
models loaded on first use) are not spread over the pages; all 181 are timed and scored.
``--fast`` reads the pages the way ``kliping … --fast`` does. ``--against SRC`` puts another tree's code
(its ``src`` folder, e.g. a ``git archive`` of an older commit) side by side with this one: the two run in
turn, ``--rounds`` times each, each in a fresh process, so that both see the same load on a shared machine;
each run's × plain is against the trafilatura timed in that run, and the table gives the median of the rounds.
The metric is the set's own: ``\\w+`` tokens, 4-token shingles counted as multisets, TP/FP/FN
per page normalised by that page's total, averaged over pages; precision and recall come from
those averages and F1 from precision and recall. Plain trafilatura must score about 0.95-0.96
here (published: 0.958), which validates the implementation.

    python benchmarks/article_extraction.py [--data DIR] [--fast] [--warmup 3] [--worst 5] [--show-removed]
    python benchmarks/article_extraction.py --against /tmp/old/src [--rounds 3] [--fast]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import trafilatura

from kliping.clean import clean
from kliping.describe import describe
from kliping.errors import Rejected
from kliping.model import RawDocument, RemovedLine
from kliping.pipeline import annotate
from kliping.read.html import read_html
from kliping.read.sniff import decode

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "benchmarks" / "article-extraction"
_TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter[str]:
    """Counted n-token shingles; a text shorter than n tokens is one short shingle."""
    tokens = _TOKEN.findall(text or "")
    return Counter(
        " ".join(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n]
    )


def page_score(truth: str, predicted: str) -> tuple[float, float, float]:
    """TP, FP, FN of one page, normalised by their sum (nothing expected, nothing found = TP)."""
    want, got = shingles(truth), shingles(predicted)
    tp = sum((want & got).values())
    fp = sum((got - want).values())
    fn = sum((want - got).values())
    total = tp + fp + fn
    return (1.0, 0.0, 0.0) if total == 0 else (tp / total, fp / total, fn / total)


def prf(scores: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    tp = sum(s[0] for s in scores) / len(scores)
    fp = sum(s[1] for s in scores) / len(scores)
    fn = sum(s[2] for s in scores) / len(scores)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def page_f1(score: tuple[float, float, float]) -> float:
    return prf([score])[2]


@dataclass
class Run:
    name: str
    seconds: float = 0.0
    scores: dict[str, tuple[float, float, float]] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    removed: dict[str, list[RemovedLine]] = field(default_factory=dict)


def load(data: Path) -> tuple[dict[str, str], dict[str, bytes]]:
    truth_path, html_dir = data / "ground-truth.json", data / "html"
    if not truth_path.is_file() or not html_dir.is_dir():
        sys.exit(f"error: no benchmark at {data} (want ground-truth.json and html/); use --data")
    truth = {k: v.get("articleBody") or "" for k, v in json.loads(truth_path.read_text()).items()}
    pages = {k: gzip.decompress((html_dir / f"{k}.html.gz").read_bytes()) for k in truth}
    return truth, pages


def kliping_page(key: str, data: bytes, fast: bool) -> tuple[str, str, list[RemovedLine], float, float, float]:
    """(read text, body, removed lines, CPU s reading, CPU s cleaning and describing, CPU s annotating)."""
    t0 = time.process_time()
    try:
        # ``fast`` only when asked, so that this script also times a tree from before --fast (PYTHONPATH=…)
        options = {"fast": True} if fast else {}
        raw: RawDocument | None = read_html(decode(data, key, html=True), source=key, id=key, **options)
    except Rejected:
        raw = None
    t1 = time.process_time()
    if raw is None:
        return "", "", [], t1 - t0, 0.0, 0.0
    cleaned = clean(raw)
    if not cleaned.body.strip():  # as pipeline.process: nothing left is no article
        return raw.text, "", cleaned.removed, t1 - t0, time.process_time() - t1, 0.0
    article = describe(raw, cleaned)
    t2 = time.process_time()
    annotate(article)
    t3 = time.process_time()
    return raw.text, article.body, article.removed, t1 - t0, t2 - t1, t3 - t2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="benchmark folder")
    parser.add_argument("--fast", action="store_true", help="read the pages as kliping --fast does")
    parser.add_argument("--warmup", type=int, default=3, help="pages run once untimed first (default: 3)")
    parser.add_argument("--worst", type=int, default=5, help="pages to list where kliping loses")
    parser.add_argument("--show-removed", action="store_true", help="list lines lost there")
    parser.add_argument("--against", type=Path, help="another tree's src folder, run in turn with this one")
    parser.add_argument("--rounds", type=int, default=3, help="runs of each tree with --against (default: 3)")
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)  # one run's figures, for --against
    args = parser.parse_args(argv)
    if args.against:
        return side_by_side(args)
    truth, pages = load(args.data)
    texts = {key: data.decode() for key, data in pages.items()}
    for key in list(pages)[: args.warmup]:
        trafilatura.extract(texts[key])
        kliping_page(key, pages[key], args.fast)

    mode = " --fast" if args.fast else ""
    plain, read = Run("trafilatura.extract (defaults)"), Run(f"kliping{mode} decode+read_html")
    chain, full = Run(f"kliping{mode} HTML chain"), Run(f"kliping{mode} + annotate")
    for key, data in pages.items():
        t0 = time.process_time()
        plain.texts[key] = trafilatura.extract(texts[key]) or ""
        plain.seconds += time.process_time() - t0
        text, body, removed, reading, cleaning, annotating = kliping_page(key, data, args.fast)
        read.texts[key], chain.texts[key], full.texts[key], full.removed[key] = text, body, body, removed
        read.seconds += reading
        chain.seconds += reading + cleaning
        full.seconds += reading + cleaning + annotating
    runs = (plain, read, chain, full)
    for run in runs:
        run.scores = {k: page_score(truth[k], run.texts[k]) for k in pages}
    if args.json:
        bodies = hashlib.sha1(json.dumps([chain.texts[k] for k in pages]).encode()).hexdigest()[:12]
        figures = [[run.name, *prf(list(run.scores.values())), 1000 * run.seconds / len(pages)] for run in runs]
        print(json.dumps({"runs": figures, "bodies": bodies}))
        return 0

    print(f"{len(pages)} pages from {args.data} (CPU time; {args.warmup} warm-up pages untimed)")
    print(f"{'system':32s} {'precision':>9s} {'recall':>7s} {'F1':>7s} {'CPU ms/page':>11s} {'× plain':>7s}")
    for run in runs:
        p, r, f = prf(list(run.scores.values()))
        ms = 1000 * run.seconds / len(pages)
        print(f"{run.name:32s} {p:9.4f} {r:7.4f} {f:7.4f} {ms:11.2f} {run.seconds / plain.seconds:7.2f}")
    print("(the HTML chain is decode, read_html, clean and describe; annotate does not change the body)")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"peak RSS: {rss / 1024:.0f} MB (whole run, all pages held in memory)")

    def loss(key: str) -> float:
        return page_f1(plain.scores[key]) - page_f1(full.scores[key])

    worst = sorted(pages, key=loss, reverse=True)[: args.worst]
    if not worst:
        return 0
    print(f"\npages where {chain.name} loses most F1 vs plain trafilatura:")
    print(f"{'page':10s} {'plain':>6s} {'read':>6s} {'full':>6s}  removed lines (reason)")
    for key in worst:
        reasons = Counter(r.reason for r in full.removed[key])
        print(
            f"{key[:10]} {page_f1(plain.scores[key]):6.3f} {page_f1(read.scores[key]):6.3f} "
            f"{page_f1(full.scores[key]):6.3f}  {dict(reasons.most_common(4))}"
        )
        if args.show_removed:
            want = shingles(truth[key])
            for line in full.removed[key]:
                # A removed line whose shingles are in the ground truth was article text.
                if sum((shingles(line.text) & want).values()) >= 1 and len(line.text) > 20:
                    print(f"    [{line.reason}] {line.text[:110]}")
    return 0


def side_by_side(args: argparse.Namespace) -> int:
    """This tree and ``args.against`` in turn, each run a fresh process; the medians of the rounds."""
    trees = {"this tree": str(REPO / "src"), f"{args.against}": str(args.against.resolve())}
    command = [sys.executable, str(Path(__file__).resolve()), "--json", "--data", str(args.data),
               "--warmup", str(args.warmup)] + (["--fast"] if args.fast else [])  # fmt: skip
    results: dict[str, list[dict[str, object]]] = {name: [] for name in trees}
    for _ in range(args.rounds):
        for name, src in reversed(trees.items()):  # the other tree first in each round
            env = {**os.environ, "PYTHONPATH": src}
            done = subprocess.run(command, env=env, stdout=subprocess.PIPE, text=True, check=True)
            results[name].append(json.loads(done.stdout.strip().splitlines()[-1]))
    print(f"{args.rounds} rounds, the two trees in turn (CPU time; {args.warmup} warm-up pages untimed; medians)")
    print(f"{'tree':24s} {'system':34s} {'F1':>7s} {'CPU ms/page':>11s} {'× plain':>7s}  bodies")
    for name, rounds in results.items():
        for i, (system, _p, _r, f1, _ms) in enumerate(rounds[0]["runs"]):  # type: ignore[misc]
            ms = statistics.median(r["runs"][i][4] for r in rounds)  # type: ignore[index]
            ratio = statistics.median(r["runs"][i][4] / r["runs"][0][4] for r in rounds)  # type: ignore[index]
            print(f"{name[-24:]:24s} {system:34s} {f1:7.4f} {ms:11.2f} {ratio:7.2f}  {rounds[0]['bodies']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
