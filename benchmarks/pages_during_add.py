"""Web page latency while `kliping add` writes: the story pages a reader opens during a big add.

    python benchmarks/pages_during_add.py [--count 1500] [--port 8731]

The 916 real articles of ``tests/fixtures/corpus/mixed.jsonl`` are stored first (the existing database).
Then ``kliping serve`` is started on it, and ``kliping add`` of ``--count`` new articles (the enciphered
generations of ``store_add.py``: new ids, new words, so new stories) runs in another process. While the
add runs, a reader opens the home page, then a story page, over and over: half of the story pages are
stories the running add is growing (read from the store's own story list, biggest first), half are the
existing stories. Printed: the add's time, and per page kind the count, median, p95 and max latency.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from store_add import MIXED, raw_lines  # noqa: E402

from kliping.model import Article  # noqa: E402
from kliping.pipeline import extract  # noqa: E402
from kliping.store import Store  # noqa: E402


def get(url: str) -> tuple[float, int]:
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as exc:
        status = exc.code
    return time.perf_counter() - started, status


def wait_for(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            get(url)
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"the server at {url} did not answer in {seconds:.0f} s")


def story_ids(db: Path, *, new: bool) -> list[str]:
    """Stories holding new (generation) articles, or only old ones, biggest first; read-only."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=120)
    try:
        rows = conn.execute(
            "SELECT story_id FROM articles GROUP BY story_id"
            " HAVING max(id LIKE '%-g_' OR id LIKE '%-g__') = ? ORDER BY count(*) DESC LIMIT 40", (int(new),))
        return [sid for (sid,) in rows]
    finally:
        conn.close()


def summary(name: str, times: list[float], statuses: list[int]) -> str:
    if not times:
        return f"{name:<22} none"
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    bad = sum(1 for s in statuses if s != 200)
    return (f"{name:<22} {len(times):4d} requests  median {statistics.median(times) * 1000:7.0f} ms"
            f"  p95 {p95 * 1000:7.0f} ms  max {max(times) * 1000:7.0f} ms  non-200: {bad}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1500)
    parser.add_argument("--port", type=int, default=8731)
    args = parser.parse_args()
    rng = random.Random(3)
    base = [a for a in extract([str(MIXED)]) if isinstance(a, Article)]
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "kliping.db"
        with Store.open(db) as store:
            store.add(base)
        source = Path(tmp) / "new.jsonl"
        source.write_text("".join(raw_lines(args.count)), encoding="utf-8")
        root = f"http://127.0.0.1:{args.port}"
        server = subprocess.Popen([sys.executable, "-m", "kliping.cli", "serve", "--db", str(db),
                                   "--port", str(args.port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            wait_for(root + "/")
            old = story_ids(db, new=False)
            started = time.perf_counter()
            adder = subprocess.Popen([sys.executable, "-m", "kliping.cli", "add", str(source), "--db", str(db)],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times: dict[str, tuple[list[float], list[int]]] = {
                k: ([], []) for k in ("home", "story (growing)", "story (existing)")}
            turn = 0
            while adder.poll() is None:
                seconds, status = get(root + "/")
                times["home"][0].append(seconds)
                times["home"][1].append(status)
                growing = story_ids(db, new=True) if turn % 2 == 0 else []
                kind, pool = ("story (growing)", growing) if growing else ("story (existing)", old)
                seconds, status = get(f"{root}/stories/{rng.choice(pool[:20])}")
                times[kind][0].append(seconds)
                times[kind][1].append(status)
                turn += 1
            add_s = time.perf_counter() - started
            print(f"kliping add of {args.count} articles into a store of {len(base)}: {add_s:.1f} s "
                  f"(exit {adder.returncode}) while a reader made {2 * turn} requests")
            for name, (values, statuses) in times.items():
                print(summary(name, values, statuses))
        finally:
            server.terminate()
            server.wait(10)


if __name__ == "__main__":
    main()
