"""Build the mixed Indonesian/English story-clustering corpus → tests/fixtures/corpus/mixed.jsonl.

Reads three real sources (paths are options; defaults are where the project keeps them):

- IndoSum fold-1 dev set (750 tokenised Indonesian articles, CC BY-SA 4.0), detokenised;
- the five bundled seed articles (``examples/seeds/*.txt``), text copied verbatim;
- the English pages of the article-extraction benchmark (MIT), ``articleBody`` as text.

Writes one article per line in kliping's JSONL input format:
``{"id", "text", "title", "url", "published", "outlet", "language"}``.
The output is deterministic (fixed order, sorted keys), so re-running it gives the same bytes.
The story labels (``mixed_gold.json``) are made by hand and are not written by this script;
``--write-split`` normalises a gold file and adds the deterministic dev/test split by story;
``--check-gold`` verifies that the gold file partitions exactly the ids written here.

    python scripts/build_mixed_corpus.py [--indosum PATH] [--seeds DIR] [--benchmark PATH]
                                         [--seed-gold PATH] [--out PATH]
                                         [--write-split GOLD] [--check-gold [GOLD]]
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import hashlib
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

REPO = Path(__file__).resolve().parent.parent
WIB = dt.timezone(dt.timedelta(hours=7))

# Benchmark pages that are not in English, decided by reading each page (Portuguese, Korean,
# Italian, Russian, German, Japanese, Indonesian religious essays, ...). Everything else in the
# benchmark is English news or blog text and is included.
NON_ENGLISH_BENCHMARK = {
    "3252222e",  # comoeducarseusfilhos.com.br (pt)
    "23aaecd1",  # comoeducarseusfilhos.com.br (pt)
    "0ec95c72",  # entermedia.co.kr (ko)
    "9da36ae4",  # entermedia.co.kr (ko)
    "f6ac15a4",  # jaraguadosul.com.br (pt)
    "f105de6e",  # note100yen.com (ja)
    "ff0f958a",  # vse-diety.com (ru)
    "cc03ddb5",  # autoracing.com.br (pt)
    "11ea381a",  # autoracing.com.br (pt)
    "20b2b649",  # remember8090.it (it)
    "b6fb53e9",  # remember8090.it (it)
    "c82b3d1d",  # wday.ru (ru)
    "3c6d3381",  # wday.ru (ru)
    "ba07d1e6",  # blog.comwrap.com (de)
    "57b4dafd",  # blog.comwrap.com (de)
    "c4a3637c",  # gto-normativy.ru (ru)
    "21486419",  # kabarislamia.com (id, 2015 religious essay, not news)
    "7837c9d6",  # kabarislamia.com (id, 2015 religious essay, not news)
    "85439e26",  # lhpat-tm.com (ko)
    "b3c19dd5",  # mensagensreflexao.com.br (pt)
}

# ---------------------------------------------------------------- IndoSum detokenisation

_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", "%", ")", "]", "}", "”", "’", "'s", "’s",
                    "...", "..", "/"}
_NO_SPACE_AFTER = {"(", "[", "{", "“", "‘", "/"}
_PAIRED = {'"', "'", "`"}


def detokenise_sentence(tokens: list[str], open_quotes: dict[str, bool]) -> str:
    """Join one tokenised sentence; ``open_quotes`` carries straight-quote state across it."""
    out: list[str] = []
    glue_next = False  # the previous token forbids a space after it
    for raw in tokens:
        tok = raw.strip()
        if not tok:  # IndoSum keeps bare NBSP / newline tokens; they carry nothing
            continue
        if tok in _PAIRED:
            if open_quotes.get(tok):  # closing quote: hug the text before it
                open_quotes[tok] = False
                out.append(tok)
                glue_next = False
            else:  # opening quote: hug the text after it
                open_quotes[tok] = True
                out.append(tok if (glue_next or not out) else " " + tok)
                glue_next = True
            continue
        if not out or glue_next or tok in _NO_SPACE_BEFORE:
            out.append(tok)
        else:
            out.append(" " + tok)
        glue_next = tok in _NO_SPACE_AFTER
    return "".join(out)


def detokenise(paragraphs: list[list[list[str]]]) -> str:
    """Paragraphs of sentences of tokens → plain text, one blank line between paragraphs."""
    paras = []
    for para in paragraphs:
        quotes: dict[str, bool] = {'"': False}
        sentences = []
        for sent in para:
            quotes["'"] = quotes["`"] = False  # single quotes rarely span sentences
            text = detokenise_sentence(sent, quotes)
            if text:
                sentences.append(text)
        if sentences:
            paras.append(" ".join(sentences))
    return "\n\n".join(paras)


def title_from_slug(slug: str, url: str, paragraphs: list[list[list[str]]]) -> str:
    """Rebuild a readable headline from IndoSum's id slug.

    The slug is the headline lower-cased and cut at 50 characters. A cut slug is completed
    from the source URL when the URL's own slug continues it; otherwise a last word cut short
    is completed from the article's words (the single most frequent completion) or dropped.
    Each word then takes the casing it most often has in the article (``jokowi`` → ``Jokowi``,
    ``kpk`` → ``KPK``) and the first letter is upper-cased.
    """
    tokens = [t for p in paragraphs for s in p for t in s]
    forms: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for t in tokens:
        forms[t.lower()][t] += 1
    stem = slug.strip("-")
    words = [w for w in stem.split("-") if w]
    if len(slug) >= 49:  # IndoSum cuts ids at 50 characters after the timestamp
        for seg in urlparse(url).path.split("/"):
            seg = re.sub(r"\.(html?|php)$", "", seg.lower())
            seg = re.sub(r"^\d+-", "", seg.replace(".", "-"))
            if len(seg) > len(stem) and seg.startswith(stem):
                words = [w for w in seg.split("-") if w]
                break
        else:
            last = words[-1] if words else ""
            if last and last not in forms:
                completions = collections.Counter(
                    {w: sum(c.values()) for w, c in forms.items()
                     if w.startswith(last) and re.fullmatch(r"[\w-]+", w)})
                best = completions.most_common(2)
                if best and (len(best) == 1 or best[0][1] > best[1][1]):
                    words[-1] = best[0][0]
                else:
                    words.pop()
    cased = []
    for w in words:
        c = forms.get(w)
        form = c.most_common(1)[0][0] if c else w
        # the article's casing, unless it is only ever capitalised at a sentence start
        cased.append(form if (form != w.capitalize() or (c and c[form] >= 2)) else w)
    title = " ".join(cased)
    return title[:1].upper() + title[1:]


def indosum_articles(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            stamp, _, slug = row["id"].partition("-")
            published = dt.datetime.fromtimestamp(int(stamp), tz=WIB).isoformat()
            title = title_from_slug(slug, row.get("source_url") or "", row["paragraphs"])
            yield {
                "id": row["id"],
                "text": detokenise(row["paragraphs"]),
                "title": title,
                "url": row.get("source_url") or None,
                "published": published,
                "outlet": row.get("source") or None,
                "language": "id",
            }


# ---------------------------------------------------------------- seeds


def seed_articles(folder: Path, gold_path: Path | None) -> Iterator[dict[str, Any]]:
    gold: dict[str, Any] = {}
    if gold_path and gold_path.exists():
        gold = json.loads(gold_path.read_text(encoding="utf-8")).get("articles", {})
    for f in sorted(folder.glob("*.txt")):
        g = gold.get(f.stem, {})
        yield {
            "id": f.stem,
            "text": f.read_text(encoding="utf-8"),
            "title": g.get("title"),
            "url": None,
            "published": g.get("published"),
            "outlet": g.get("outlet"),
            "language": "id",
        }


# ---------------------------------------------------------------- benchmark pages

_DATE_IN_URL = re.compile(r"/(20\d\d)[/-](\d\d)[/-](\d\d)/")


def _outlet(url: str) -> str:
    host = urlparse(url).netloc.lower()
    for prefix in ("www.", "hosted."):
        host = host.removeprefix(prefix)
    return host


def _benchmark_title(url: str, body: str) -> str:
    """The URL slug made readable when it has words, else the first sentence of the body."""
    path = [p for p in urlparse(url).path.split("/") if p]
    slug = ""
    for part in reversed(path):
        part = re.sub(r"\.(html?|php)$", "", part).replace("_", "-")
        part = re.sub(r"^(\d+-)+", "", part)  # leading article numbers and dates
        part = re.sub(r"-20\d\d-\d\d-\d\d$", "", part)
        # trailing article numbers and ids: -14848164, -n1085406, -idUSKBN1XT00, -1.4690347
        part = re.sub(r"(-(?=[\w.]*\d)[\w.]{5,})+$", "", part)
        if part.count("-") >= 2:
            slug = part
            break
    if slug:
        words = [w for w in slug.split("-") if w]
        title = " ".join(words)
        return title[:1].upper() + title[1:]
    first = body.strip().split("\n", 1)[0]
    first = re.split(r"(?<=[.!?])\s", first, maxsplit=1)[0]
    return first[:150]


def benchmark_articles(path: Path) -> Iterator[dict[str, Any]]:
    pages = json.loads(path.read_text(encoding="utf-8"))
    for page_id in sorted(pages):
        if page_id[:8] in NON_ENGLISH_BENCHMARK:
            continue
        page = pages[page_id]
        url, body = page["url"], page["articleBody"]
        m = _DATE_IN_URL.search(url)
        yield {
            "id": page_id,
            "text": body,
            "title": _benchmark_title(url, body),
            "url": url,
            # only the date the URL itself states (…/2019/11/18/…); otherwise unknown
            "published": f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None,
            "outlet": _outlet(url),
            "language": "en",
        }


# ---------------------------------------------------------------- dev/test split


def split_dev_test(stories: list[list[str]]) -> dict[str, Any]:
    """Normalise the hand-made partition and split it into dev and test halves by story.

    Ids are sorted inside each story and stories by their first id; a story goes to ``dev``
    when the SHA-256 of its first id starts with an even byte, else to ``test``. Every story
    lies entirely in one half, and the split never changes when labels elsewhere change.
    """
    norm = sorted((sorted(story) for story in stories), key=lambda story: story[0])
    dev: list[str] = []
    test: list[str] = []
    for story in norm:
        half = dev if hashlib.sha256(story[0].encode()).digest()[0] % 2 == 0 else test
        half.extend(story)
    return {"stories": norm, "dev": dev, "test": test}


# ---------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--indosum", type=Path,
                    default=Path("/work/shared/corpus/indosum/dev.01.jsonl"))
    ap.add_argument("--seeds", type=Path, default=REPO / "examples" / "seeds")
    ap.add_argument("--seed-gold", type=Path, default=REPO / "tests/fixtures/gold/seeds.json",
                    help="hand-made seed metadata (title, outlet, published)")
    ap.add_argument("--benchmark", type=Path,
                    default=Path("/work/shared/benchmarks/article-extraction/ground-truth.json"))
    ap.add_argument("--out", type=Path, default=REPO / "tests/fixtures/corpus/mixed.jsonl")
    ap.add_argument("--check-gold", type=Path, nargs="?",
                    const=REPO / "tests/fixtures/corpus/mixed_gold.json", default=None,
                    help="verify the gold file partitions the written ids")
    ap.add_argument("--write-split", type=Path, default=None, metavar="GOLD",
                    help="rewrite GOLD (a hand-made {'stories': [...]}) normalised, with the "
                         "deterministic dev/test split")
    args = ap.parse_args(argv)

    articles = [*indosum_articles(args.indosum), *seed_articles(args.seeds, args.seed_gold),
                *benchmark_articles(args.benchmark)]
    ids = [a["id"] for a in articles]
    if len(ids) != len(set(ids)):
        print("duplicate ids", file=sys.stderr)
        return 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8", newline="\n") as fh:
        for a in articles:
            fh.write(json.dumps(a, ensure_ascii=False, sort_keys=True) + "\n")
    langs = collections.Counter(a["language"] for a in articles)
    print(f"wrote {len(articles)} articles ({dict(langs)}) to {args.out}")

    if args.write_split:
        gold = json.loads(args.write_split.read_text(encoding="utf-8"))
        split = split_dev_test(gold["stories"])
        with args.write_split.open("w", encoding="utf-8", newline="\n") as fh:
            fh.write("{\n")
            for key in ("stories", "dev", "test"):
                items = ",\n".join("    " + json.dumps(x, ensure_ascii=False) for x in split[key])
                fh.write(f'  "{key}": [\n{items}\n  ]' + (",\n" if key != "test" else "\n"))
            fh.write("}\n")
        print(f"split {args.write_split}: dev {len(split['dev'])} ids, test {len(split['test'])}")
        args.check_gold = args.check_gold or args.write_split

    if args.check_gold:
        gold = json.loads(args.check_gold.read_text(encoding="utf-8"))
        seen = [i for story in gold["stories"] for i in story]
        problems = []
        if len(seen) != len(set(seen)):
            dup = [i for i, n in collections.Counter(seen).items() if n > 1]
            problems.append(f"ids in more than one story: {dup}")
        if set(seen) != set(ids):
            problems.append(f"missing: {sorted(set(ids) - set(seen))}; "
                            f"unknown: {sorted(set(seen) - set(ids))}")
        if "dev" in gold and "test" in gold:
            if set(gold["dev"]) | set(gold["test"]) != set(ids) or set(gold["dev"]) & set(gold["test"]):
                problems.append("dev/test do not split the ids")
            dev = set(gold["dev"])
            for story in gold["stories"]:
                if len({i in dev for i in story}) != 1:
                    problems.append(f"story split across dev/test: {story[0]}")
        for p in problems:
            print(p, file=sys.stderr)
        if problems:
            return 1
        multi = [s for s in gold["stories"] if len(s) > 1]
        print(f"gold ok: {len(gold['stories'])} stories, {len(multi)} with 2+ articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
