"""Real Indonesian article bodies → µs per article (and per 400 words) of ``find_dates``.

Bodies: the 750 IndoSum articles of ``dev.01.jsonl`` (tokenised; detokenised here, the anchor is the
Unix time that starts each id) and the five seed articles in ``examples/seeds`` (through the
per-article chain, anchored on their publication date). Aim: well under 1 ms per 400-word article.

    python benchmarks/dates_speed.py
    python benchmarks/dates_speed.py --repeat 5 --sample 50    # also print 50 random mentions in context
"""

from __future__ import annotations

import argparse
import json
import random
import re
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from kliping.annotate.dates import find_dates
from kliping.model import RawDocument
from kliping.pipeline import process

ROOT = Path(__file__).resolve().parents[1]
INDOSUM = ROOT.parent / "shared" / "corpus" / "indosum" / "dev.01.jsonl"
WIB = timezone(timedelta(hours=7))


def detokenise(tokens: list[str]) -> str:
    text = " ".join(tokens)
    text = re.sub(r" ([,.;:!?%)\]])", r"\1", text)
    text = re.sub(r"([(\[]) ", r"\1", text)
    text = re.sub(r"(\d) ([/:.-]) (?=\d)", r"\1\2", text)  # "13 / 9" was "13/9" before tokenising
    return re.sub(r"(\d) - an\b", r"\1-an", text)


def bodies() -> list[tuple[str, str | None]]:
    out: list[tuple[str, str | None]] = []
    for path in sorted((ROOT / "examples" / "seeds").glob("*.txt")):
        raw = RawDocument(source=str(path), id=path.stem, text=path.read_text(encoding="utf-8"), format="text")
        raw.headline_first = True
        article = process(raw)
        out.append((article.body, article.published))
    if INDOSUM.exists():
        for line in INDOSUM.read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            body = "\n\n".join(" ".join(detokenise(s) for s in para) for para in doc["paragraphs"])
            stamp = doc["id"].split("-", 1)[0]
            published = datetime.fromtimestamp(int(stamp), WIB).date().isoformat() if stamp.isdigit() else None
            out.append((body, published))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sample", type=int, default=0, help="print this many random mentions in context")
    args = parser.parse_args()
    docs = bodies()
    find_dates(docs[0][0], docs[0][1])  # compile the patterns outside the timing
    best = float("inf")
    for _ in range(args.repeat):
        start = time.perf_counter()
        found = [find_dates(body, published) for body, published in docs]
        best = min(best, time.perf_counter() - start)
    words = sum(len(body.split()) for body, _ in docs)
    mentions = sum(len(f) for f in found)
    print(f"{len(docs)} articles, {words / len(docs):.0f} words each, {mentions} mentions")
    print(f"{best / len(docs) * 1e6:.0f} µs/article, {best / words * 400 * 1e6:.0f} µs per 400 words")
    rng = random.Random(0)
    pool = [(body, d) for (body, _), ds in zip(docs, found, strict=True) for d in ds]
    for body, d in rng.sample(pool, min(args.sample, len(pool))):
        context = body[max(0, d.start - 50) : d.start] + "[[" + d.text + "]]" + body[d.end : d.end + 30]
        print(f"{d.value:10} {context}".replace("\n", " "))


if __name__ == "__main__":
    main()
