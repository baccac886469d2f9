"""Real articles → the per-article chain's dev and test sets (inputs, labelling batches, merged gold).

The split is fixed by outlet *before anyone looks at an article* (so a rule tuned on dev cannot have
seen the test outlets' habits):

* Indonesian: IndoSum (CC BY-SA 4.0; detokenised in ``tests/fixtures/corpus/mixed.jsonl``). Test
  outlets: kumparan, antaranews, merdeka, suara, goal indonesia. Dev outlets: cnn indonesia,
  dailysocial.id, juara.net, poskotanews, rimanews. Articles are drawn per outlet in the order of
  the sha1 of their id (no reading involved).
* English: the article-extraction benchmark's news pages (MIT), as raw HTML so page furniture is
  kept. A site goes to test when the sha1 of its domain is odd, else to dev.

Outputs (``tests/fixtures/chain/``): ``{dev,test}.jsonl.gz`` (kliping's JSON-lines input: IndoSum rows
with ``text``, benchmark pages with ``html``), and, with ``--merge``, ``gold_{dev,test}.json`` in the
schema of ``shared/gold/seeds.json`` built from the hand labels in ``labels/*.json``. For the HTML
pages the boilerplate lines are derived, not typed: a line of the page's extracted text that the
benchmark's hand-checked ``articleBody`` does not contain is boilerplate, one it contains is body, a
line that shares only part of its words is neutral (either way is fine).

    python scripts/build_chain_sets.py            # writes the inputs and the labelling batches
    python scripts/build_chain_sets.py --merge    # labels/*.json → gold_dev.json, gold_test.json
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

REPO = Path(__file__).resolve().parents[1]
MIXED = REPO / "tests" / "fixtures" / "corpus" / "mixed.jsonl"
BENCH = REPO.parent / "shared" / "benchmarks" / "article-extraction"
OUT = REPO / "tests" / "fixtures" / "chain"
WORK = Path("/tmp/chain_work")

# Articles per Indonesian outlet in each split (about proportional to the outlet's size, at least 10).
# Dev grew in two more rounds, the next articles in sha1 order each time: cnn indonesia 41 → 59 → 77,
# the other outlets +6 and +6 (batches id4–id6, then id7–id9), English 60 → 80 pages (batches
# en4–en5); a third round added 60 Indonesian articles (cnn indonesia → 101, dailysocial.id and
# juara.net → 36, poskotanews and rimanews → 33; batches id10–id12). The test split is unchanged.
ID_DEV = {"cnn indonesia": 101, "dailysocial.id": 36, "juara.net": 36, "poskotanews": 33, "rimanews": 33}
ID_TEST = {"kumparan": 32, "antaranews": 25, "merdeka": 16, "suara": 11, "goal indonesia": 11}
EN_PER_SPLIT = {"dev": 80, "test": 60}
BATCHES = {"id": 3, "en": 2}  # labelling batches per language and round (one labeller each)


def _sha(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _domain(url: str) -> str:
    host = urlparse(url).netloc.lower()
    return host[4:] if host.startswith("www.") else host


def en_split(url: str) -> str:
    return "test" if int(_sha(_domain(url)), 16) % 2 else "dev"


def select() -> dict[str, list[dict[str, Any]]]:
    rows = [json.loads(line) for line in MIXED.read_text(encoding="utf-8").splitlines()]
    truth = json.loads((BENCH / "ground-truth.json").read_text(encoding="utf-8"))
    picked: dict[str, list[dict[str, Any]]] = {"dev": [], "test": []}
    for split, quota in (("dev", ID_DEV), ("test", ID_TEST)):
        for outlet, n in quota.items():
            pool = sorted((r for r in rows if r.get("outlet") == outlet and r.get("language") == "id"),
                          key=lambda r: _sha(r["id"]))
            picked[split] += [dict(r, kind="indosum") for r in pool[:n]]
    english = [r for r in rows if r["id"] in truth and r.get("language") == "en"]
    for split in ("dev", "test"):
        pool = sorted((r for r in english if en_split(truth[r["id"]]["url"]) == split), key=lambda r: _sha(r["id"]))
        for r in pool[: EN_PER_SPLIT[split]]:
            page = gzip.decompress((BENCH / "html" / f"{r['id']}.html.gz").read_bytes()).decode("utf-8", "replace")
            picked[split].append({"id": r["id"], "url": truth[r["id"]]["url"], "html": page, "kind": "benchmark",
                                  "body": truth[r["id"]]["articleBody"], "title": r.get("title"),
                                  "published": r.get("published")})
    return picked


def _input_row(r: dict[str, Any]) -> dict[str, Any]:
    if r["kind"] == "indosum":
        return {k: r[k] for k in ("id", "language", "outlet", "published", "title", "text") if k in r}
    return {"id": r["id"], "url": r["url"], "html": r["html"]}


def write_inputs(picked: dict[str, list[dict[str, Any]]]) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for split, rows in picked.items():
        lines = "".join(json.dumps(_input_row(r), ensure_ascii=False, sort_keys=True) + "\n" for r in rows)
        # mtime=0: the same bytes on every run.
        (OUT / f"{split}.jsonl.gz").write_bytes(gzip.compress(lines.encode("utf-8"), mtime=0))


def write_batches(picked: dict[str, list[dict[str, Any]]]) -> None:
    """The text a labeller reads: IndoSum's text, or the benchmark's hand-checked article body —
    for the articles no label file holds yet, numbered after the batches already labelled."""
    WORK.mkdir(parents=True, exist_ok=True)
    labelled = {k for path in (OUT / "labels").glob("*.json") for k in json.loads(path.read_text(encoding="utf-8"))}
    for lang, count in BATCHES.items():
        rows = [(split, r) for split in ("dev", "test") for r in picked[split]
                if (r["kind"] == "indosum") == (lang == "id") and r["id"] not in labelled]
        done = len(list((OUT / "labels").glob(f"batch_{lang}*.json")))
        for b in range(count if rows else 0):
            part = rows[b::count]
            with open(WORK / f"batch_{lang}{done + b + 1}.jsonl", "w", encoding="utf-8") as f:
                for split, r in part:
                    f.write(json.dumps({"id": r["id"], "split": split, "published": r.get("published"),
                                        "title": r.get("title"), "url": r.get("url"),
                                        "text": r.get("text") or r["body"]}, ensure_ascii=False) + "\n")


_WS = re.compile(r"\s+")


def _norm(text: str) -> str:
    return _WS.sub(" ", text).strip().casefold()


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def derived_boilerplate(page: str, body: str, url: str) -> tuple[list[str], list[str]]:
    """(boilerplate lines, neutral lines) of a page, from the benchmark's article body."""
    from kliping.read.html import read_html  # the project's own reader: these are the lines clean sees

    raw = read_html(page, source=url, id="x", url=url)
    body_n = _norm(body)
    body_words = set(_words(body))
    boiler, neutral = [], []
    for line in raw.text.splitlines():
        n = _norm(line)
        if not n or n in body_n:
            continue
        words = _words(line)
        inside = sum(w in body_words for w in words) / len(words) if words else 0.0
        if raw.title and _norm(raw.title) == n:
            neutral.append(line.strip())  # the headline: metadata, not boilerplate
        elif inside >= 0.5:
            neutral.append(line.strip())
        else:
            boiler.append(line.strip())
    return boiler, neutral


def merge(picked: dict[str, list[dict[str, Any]]]) -> None:
    labels: dict[str, dict[str, Any]] = {}
    for path in sorted((OUT / "labels").glob("*.json")):
        labels.update(json.loads(path.read_text(encoding="utf-8")))
    texts = {r["id"]: r.get("text") or r["body"] for rows in picked.values() for r in rows}
    problems = check_labels(labels, texts)
    if problems:
        raise SystemExit("\n".join(problems))
    for split, rows in picked.items():
        # Labellers listed every quotation and every piece of reported speech: precision counts.
        gold: dict[str, Any] = {"inputs": [f"{split}.jsonl.gz"], "reported_speech_exhaustive": True, "articles": {}}
        for r in rows:
            if r["id"] not in labels:
                continue
            entry = dict(labels[r["id"]])
            if r["kind"] == "benchmark":
                entry["boilerplate_lines"], entry["neutral_lines"] = derived_boilerplate(r["html"], r["body"], r["url"])
            gold["articles"][r["id"]] = entry
        text = json.dumps(gold, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
        (OUT / f"gold_{split}.json").write_text(text, encoding="utf-8")
        print(f"{split}: {len(gold['articles'])} of {len(rows)} articles labelled")


_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u00a0": " "})


def _loose(text: str) -> str:
    return _norm(text.translate(_QUOTES))


def check_labels(labels: dict[str, Any], texts: dict[str, str]) -> list[str]:
    """Every labelled span must be words of its article: a typo in a label is an error, not a miss."""
    problems = []
    for article_id, entry in labels.items():
        if article_id not in texts:
            problems.append(f"{article_id}: not an article of the sets")
            continue
        text = _loose(texts[article_id])
        for kind in ("quotes", "dates", "boilerplate_lines"):
            for item in entry.get(kind, []):
                span = item if isinstance(item, str) else item.get("text", "")
                if not span or _loose(span) not in text:
                    problems.append(f"{article_id}: {kind} text not in the article: {span[:70]!r}")
                if kind == "quotes" and item.get("kind") not in ("direct", "partial", "indirect"):
                    problems.append(f"{article_id}: quote kind must be direct, partial or indirect: {span[:50]!r}")
                if kind == "dates" and not re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", str(item.get("value"))):
                    problems.append(f"{article_id}: date value must be YYYY, YYYY-MM or YYYY-MM-DD: {item!r}")
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--merge", action="store_true", help="merge labels/*.json into gold_{dev,test}.json")
    parser.add_argument("--check", metavar="LABELS.json", help="check one labels file against the articles")
    args = parser.parse_args()
    picked = select()
    texts = {r["id"]: r.get("text") or r["body"] for rows in picked.values() for r in rows}
    if args.check:
        problems = check_labels(json.loads(Path(args.check).read_text(encoding="utf-8")), texts)
        print("\n".join(problems) or "ok")
        raise SystemExit(1 if problems else 0)
    if args.merge:
        merge(picked)
        return
    write_inputs(picked)
    write_batches(picked)
    for split, rows in picked.items():
        outlets = {r.get("outlet") or _domain(r.get("url", "")) for r in rows}
        print(f"{split}: {len(rows)} articles, {len(outlets)} outlets")


if __name__ == "__main__":
    main()
