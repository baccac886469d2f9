"""The peer article-extraction set (181 pages) → precision, recall, F1, pages/s and peak RSS.

Runs side by side on the same pages: plain ``trafilatura.extract`` with its defaults,
kliping's ``read_html`` alone, and kliping's full per-article path (``read_html`` then the
cleaner: ``kliping.pipeline.process``, or ``kliping.clean.clean`` while pipeline.py is absent).
The metric is the set's own: ``\\w+`` tokens, 4-token shingles counted as multisets, TP/FP/FN
per page normalised by that page's total, averaged over pages; precision and recall come from
those averages and F1 from precision and recall. Plain trafilatura must score about 0.95-0.96
here (published: 0.958), which validates the implementation.

    python benchmarks/article_extraction.py [--data DIR] [--worst 5] [--show-removed]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import resource
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import trafilatura

from kliping.errors import Rejected
from kliping.model import RawDocument, RemovedLine
from kliping.read.html import read_html

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


def _cleaner() -> tuple[str, Callable[[RawDocument], tuple[str, list[RemovedLine]]]]:
    """kliping's cleaner: the whole per-article pipeline when it exists, else clean()."""
    try:
        from kliping.pipeline import process
    except ImportError:
        from kliping.clean import clean

        def via_clean(raw: RawDocument) -> tuple[str, list[RemovedLine]]:
            cleaned = clean(raw)
            return cleaned.body, cleaned.removed

        return "kliping (read_html+clean)", via_clean

    def via_pipeline(raw: RawDocument) -> tuple[str, list[RemovedLine]]:
        article = process(raw)
        return article.body, article.removed

    return "kliping (read_html+process)", via_pipeline


def load(data: Path) -> tuple[dict[str, str], dict[str, str]]:
    truth_path, html_dir = data / "ground-truth.json", data / "html"
    if not truth_path.is_file() or not html_dir.is_dir():
        sys.exit(f"error: no benchmark at {data} (want ground-truth.json and html/); use --data")
    truth = {k: v.get("articleBody") or "" for k, v in json.loads(truth_path.read_text()).items()}
    pages = {k: gzip.decompress((html_dir / f"{k}.html.gz").read_bytes()).decode() for k in truth}
    return truth, pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="benchmark folder")
    parser.add_argument("--worst", type=int, default=5, help="pages to list where kliping loses")
    parser.add_argument("--show-removed", action="store_true", help="list lines lost there")
    args = parser.parse_args(argv)
    truth, pages = load(args.data)
    clean_name, cleaner = _cleaner()

    plain, read, full = Run("trafilatura.extract (defaults)"), Run("kliping read_html"), Run(
        clean_name
    )
    for key, html in pages.items():
        t0 = time.perf_counter()
        plain.texts[key] = trafilatura.extract(html) or ""
        t1 = time.perf_counter()
        try:
            raw: RawDocument | None = read_html(html, source=key, id=key)
        except Rejected:
            raw = None
        t2 = time.perf_counter()
        read.texts[key] = raw.text if raw else ""
        body, removed = cleaner(raw) if raw else ("", [])
        t3 = time.perf_counter()
        full.texts[key], full.removed[key] = body, removed
        plain.seconds += t1 - t0
        read.seconds += t2 - t1
        full.seconds += t3 - t1  # the full path includes reading
    runs = (plain, read, full)
    for run in runs:
        run.scores = {k: page_score(truth[k], run.texts[k]) for k in pages}

    print(f"{len(pages)} pages from {args.data}")
    print(f"{'system':32s} {'precision':>9s} {'recall':>7s} {'F1':>7s} {'pages/s':>8s}")
    for run in runs:
        p, r, f = prf(list(run.scores.values()))
        print(f"{run.name:32s} {p:9.4f} {r:7.4f} {f:7.4f} {len(pages) / run.seconds:8.1f}")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"peak RSS: {rss / 1024:.0f} MB (whole run, all pages held in memory)")

    def loss(key: str) -> float:
        return page_f1(plain.scores[key]) - page_f1(full.scores[key])

    worst = sorted(pages, key=loss, reverse=True)[: args.worst]
    print(f"\npages where {full.name} loses most F1 vs plain trafilatura:")
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


if __name__ == "__main__":
    raise SystemExit(main())
