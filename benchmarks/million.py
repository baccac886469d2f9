"""A million raw news articles on disk → `kliping analyze` timed end to end, with per-process peak RSS.

    python benchmarks/million.py generate --size 1000000 --dir /tmp/kliping-million/data-1000000 [--jobs 2]
    python benchmarks/million.py run --dir D --out O --engine local|dask --workers 2 [--resume] [--label X]
    python benchmarks/million.py table --results O/../million-results.jsonl
    python benchmarks/million.py all --sizes 100000,1000000 --engines local,dask --work /tmp/kliping-million

``generate`` grows the 916 real articles of ``tests/fixtures/corpus/mixed.jsonl`` into N raw inputs,
deterministically: the plan comes from a fixed seed and every shard has its own seed, so a Pool of --jobs
processes writes them in any order. Generation g re-tells every base article with its rare words (not a
stop or language-resource word, not in ≥5% of the base articles) enciphered by g's letter derangement:
names and distinctive words are new, common vocabulary stays, so each generation is a new set of stories.
Time is tiled at ~1,400 articles a day (a national archive of several dozen outlets): generation g starts
g·916/1400 days after 2022-01-03 and spreads over 14 days in the base's chronological order; "Senin
(27/3)", "27 Maret 2017" and "March 27, 2017" in a text move with its article. ~5% are syndicated copies
(a wire lead-in, another outlet, a new id). ~70% of the articles go to JSON-lines shards of 5,000
(``D/jsonl/2022-03/part-00017.jsonl``, the input format of mixed.jsonl), ~30% to WARC shards of 2,000 HTML
news pages (``D/warc/2022-03/part-00003.warc.gz``, ``response`` records: meta tags, sometimes JSON-LD,
nav, byline, paragraphs, a "Baca juga" box, sidebar, footer). Records are shuffled inside a shard.
``D/manifest.json`` is written last; a complete dataset of the same size, seed and format is kept.

``run`` starts ``python -m kliping.cli analyze D --out O`` (its stderr passes through, read on the way for
where each pass begins), polls the process tree every 0.5 s with psutil (peak RSS and CPU per process), counts
the lines of O/articles.jsonl and the skipped inputs and stories of O/dossier.json (line by line: GBs at 1M),
prints a row with the CPU ms per article of each pass (read, group, write; all processes) and appends it to the
results (JSON lines). ``--resume`` is passed on to ``kliping analyze``. ``table`` prints the recorded runs
with the 1 → 2 worker speedups and the growth between sizes; ``all`` does the lot.
"""

from __future__ import annotations

import argparse
import io
import json
import math
import multiprocessing
import os
import random
import re
import shutil
import subprocess
import sys
import threading
import time
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from html import escape
from pathlib import Path
from typing import Any

import numpy as np
import psutil
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from kliping import resources as kliping_resources

BASE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "corpus" / "mixed.jsonl"
SEED, FORMAT = 20240619, 1  # bump FORMAT when the generated data changes: old datasets are then made again
START = datetime(2022, 1, 3)
PER_DAY, WINDOW_DAYS = 1400, 14  # articles a day; one generation's spread (the base's 8 years, order kept)
SYNDICATED_SHARE, WARC_SHARE, COMMON_SHARE = 0.05, 0.30, 0.05
JSONL_PER_SHARD, WARC_PER_SHARD = 5000, 2000
SEP = "\x1f"  # joins a text's rare words, so one str.translate enciphers them all

_WORD = re.compile(r"([^\W\d_]+)")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_RESOURCES = ("stopwords.txt", "denial_cues.txt", "negators.txt", "quote_cues.tsv", "quote_frames.tsv",
              "speech_adverbs.txt", "synonyms.tsv", "antonyms.tsv", "pronouns.tsv", "roles.txt", "date_labels.txt",
              "relative_dates.tsv", "calendar_extra.tsv", "timezones.tsv", "wire_cues.tsv", "media_names.txt",
              "media_nouns.txt", "outlet_words.txt", "outlets.tsv")
DAYS_ID = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
MONTHS_ID = ("Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember").split()
MONTHS_EN = ("January February March April May June July August September October November December").split()
_DATES = (("short", re.compile(r"\b(?:(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu)\s+)?\((\d{1,2})/(\d{1,2})"
                               r"(?:/(\d{4}))?\)")),
          ("id", re.compile(rf"\b(\d{{1,2}}) ({'|'.join(MONTHS_ID)}) (\d{{4}})\b")),
          ("en", re.compile(rf"\b({'|'.join(MONTHS_EN)}) (\d{{1,2}}), (\d{{4}})\b")))
LEADS = {"id": ("Jakarta (ANTARA) - ", "JAKARTA, KOMPAS.com - ", "Liputan6.com, Jakarta - "),
         "en": ("(Reuters) - ", "JAKARTA (AP) — ", "(AFP) - ")}
AUTHORS = {"id": ("Rizky Pratama", "Dewi Lestari", "Ahmad Fauzi", "Siti Rahmawati", "Budi Santoso", "Putri Ayu"),
           "en": ("Sarah Miller", "James Carter", "Emily Chen", "Michael Brown", "Laura Davis")}
WORDS = {"id": ("Beranda Nasional Internasional Ekonomi Olahraga Teknologi Hiburan", "Penulis:", "Baca juga",
                "Terpopuler", "Bagikan", "Hak cipta dilindungi undang-undang."),
         "en": ("Home World Politics Business Tech Sport Opinion", "By", "Related", "Most read", "Share",
                "All rights reserved.")}
PAGE = """<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{title} - {site}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><meta property="og:type" content="article">
<meta property="og:title" content="{title}"><meta property="og:site_name" content="{site}">
<meta property="og:url" content="{url}"><meta property="article:published_time" content="{published}">
<meta name="author" content="{author}"><link rel="canonical" href="{url}">{ld}
<link rel="stylesheet" href="/static/css/main.css"></head>
<body><header class="site-header"><a class="logo" href="/">{site}</a><nav class="main-nav"><ul>{nav}</ul></nav>
</header><main class="container"><div class="breadcrumb"><a href="/">{home}</a> &rsaquo; {section}</div>
<article class="detail"><h1 class="detail__title">{title}</h1>
<div class="detail__meta"><span class="author">{byline} {author}</span> | <time datetime="{published}">{when}</time>
</div><div class="detail__body">{body}</div>
<div class="share">{share}: <a href="#">Facebook</a> <a href="#">X</a> <a href="#">WhatsApp</a></div></article>
<aside class="sidebar"><h3>{popular}</h3><ol>{links}</ol></aside></main>
<footer class="site-footer"><ul><li><a href="/redaksi">Redaksi</a></li><li><a href="/pedoman">Pedoman Media
Siber</a></li><li><a href="/kontak">Kontak</a></li></ul><p>&copy; {year} {site}. {rights}</p></footer></body></html>
"""
Task = tuple[str, int, str, np.ndarray, np.ndarray, str]  # kind, number, month, codes, times, root


@dataclass
class Text:
    parts: list[str]  # separators and words alternating (re.split with a group)
    rare: list[int]  # indices of the words to encipher
    joined: str  # those words joined by SEP


@dataclass
class Base:
    records: list[dict[str, Any]]
    texts: list[Text]
    titles: list[Text]
    dates: list[list[tuple[int, int, str, date, bool, bool]]]  # span, kind, value, weekday and year written
    ref: list[date | None]  # the base article's day: published, else the first full date in its text
    offset: list[int]  # seconds from its generation's start
    tz: list[str]
    outlets: dict[str, list[str]]


def _tokens(text: str, keep: set[str]) -> Text:
    parts = _WORD.split(text)
    rare = [i for i in range(1, len(parts), 2) if len(parts[i]) > 2 and parts[i].lower() not in keep]
    return Text(parts, rare, SEP.join(parts[i] for i in rare))


def _date_mentions(text: str, ref: date | None) -> list[tuple[int, int, str, date, bool, bool]]:
    out = []
    for kind, pattern in _DATES:
        for m in pattern.finditer(text):
            try:
                if kind == "short":
                    value = date(int(m[4]) if m[4] else ref.year if ref else 0, int(m[3]), int(m[2]))
                    if not m[4] and ref and value > ref + timedelta(days=31):
                        value = value.replace(year=value.year - 1)  # "(28/12)" in a January report
                elif kind == "id":
                    value = date(int(m[3]), MONTHS_ID.index(m[2]) + 1, int(m[1]))
                else:
                    value = date(int(m[3]), MONTHS_EN.index(m[1]) + 1, int(m[2]))
            except ValueError:
                continue
            out.append((m.start(), m.end(), kind, value, kind == "short" and bool(m[1]), kind != "short" or bool(m[4])))
    return sorted(out)


def load_base() -> Base:
    records = [json.loads(line) for line in BASE.open(encoding="utf-8")]
    keep = {w.lower() for w in DAYS_ID + tuple(MONTHS_ID + MONTHS_EN)}
    for name in _RESOURCES:
        for line in kliping_resources.lines(name):
            keep.update(w.lower() for w in _WORD.findall(line))
    df: Counter[str] = Counter()
    for r in records:
        df.update({w.lower() for w in _WORD.findall(f"{r.get('title') or ''} {r['text']}")})
    keep |= {w for w, n in df.items() if n >= max(3, math.ceil(COMMON_SHARE * len(records)))}
    refs: list[date | None] = []
    for r in records:
        found = [d for _, _, kind, d, _, _ in _date_mentions(r["text"], None) if kind != "short"]
        refs.append(date.fromisoformat(r["published"][:10]) if r.get("published") else next(iter(found), None))
    # Rank, not linear time: the base's 8 years become 14 days in the same order, at an even density.
    day = [hash_int(i, 1) % WINDOW_DAYS for i in range(len(records))]
    ranked = sorted((d, i) for i, d in enumerate(refs) if d)
    for rank, (_, i) in enumerate(ranked):
        day[i] = rank * WINDOW_DAYS // len(ranked)
    offset, tz, outlets = [], [], {"id": list[str](), "en": list[str]()}
    for i, r in enumerate(records):
        p = r.get("published") or ""
        tod = (int(p[11:13]) * 3600 + int(p[14:16]) * 60 + int(p[17:19]) if len(p) >= 19
               else 6 * 3600 + hash_int(i, 2) % (16 * 3600))  # no time given: a working hour
        offset.append(day[i] * 86400 + tod)
        tz.append(p[19:] or ("+07:00" if r["language"] == "id" else "+00:00"))
        if r.get("outlet") and r["outlet"] not in outlets[r["language"]]:
            outlets[r["language"]].append(r["outlet"])
    return Base(records, [_tokens(r["text"], keep) for r in records],
                [_tokens(r.get("title") or "", keep) for r in records],
                [_date_mentions(r["text"], d) for r, d in zip(records, refs, strict=True)], refs, offset, tz, outlets)


def hash_int(*values: int) -> int:
    return zlib.crc32(repr(values).encode())  # deterministic: hash() of a str is salted per process


_BASE: list[Base] = []
_TABLES: dict[int, dict[int, int]] = {}


def base() -> Base:
    if not _BASE:  # a forked job inherits the parent's
        _BASE.append(load_base())
    return _BASE[0]


def cipher(g: int) -> dict[int, int] | None:
    """Generation g's letter derangement (no letter stays itself); generation 0 is the base as it is."""
    if g and g not in _TABLES:
        rng = random.Random(SEED * 100_003 + g)
        while True:
            perm = "".join(rng.sample(_LETTERS, len(_LETTERS)))
            if all(a != b for a, b in zip(_LETTERS, perm, strict=True)):
                break
        if len(_TABLES) > 256:
            _TABLES.clear()
        _TABLES[g] = str.maketrans(_LETTERS + _LETTERS.upper(), perm + perm.upper())
    return _TABLES.get(g)


def retell(t: Text, table: dict[int, int] | None) -> str:
    if table is None or not t.rare:
        return "".join(t.parts)
    parts = list(t.parts)
    for i, word in zip(t.rare, t.joined.translate(table).split(SEP), strict=True):
        parts[i] = word
    return "".join(parts)


def _render_date(kind: str, d: date, weekday: bool, year: bool) -> str:
    if kind == "short":
        return (f"{DAYS_ID[d.weekday()]} " if weekday else "") + f"({d.day}/{d.month}{f'/{d.year}' if year else ''})"
    if kind == "id":
        return f"{d.day} {MONTHS_ID[d.month - 1]} {d.year}"
    return f"{MONTHS_EN[d.month - 1]} {d.day}, {d.year}"


def article(code: int, t: int) -> dict[str, Any]:
    """Item ``code`` = (generation·916 + base index)·2 + syndicated, published ``t`` seconds after START."""
    b0 = base()
    g, b = divmod(code >> 1, len(b0.records))
    r, text = b0.records[b], retell(b0.texts[b], cipher(g))
    ref = b0.ref[b]
    if ref is not None:  # the text's dates move with the article (the cipher kept their offsets)
        own_day = (START + timedelta(days=g * len(b0.records) // PER_DAY, seconds=b0.offset[b])).date()
        for start, end, kind, value, weekday, year in reversed(b0.dates[b]):
            text = text[:start] + _render_date(kind, value + (own_day - ref), weekday, year) + text[end:]
    lang = r["language"]
    outlet = r.get("outlet") or b0.outlets[lang][b % len(b0.outlets[lang])]
    if code & 1:  # a syndicated copy: the same report from a wire, carried by another outlet
        others = [o for o in b0.outlets[lang] if o != outlet]
        outlet = others[hash_int(code, 3) % len(others)]
        text = LEADS[lang][hash_int(code, 4) % len(LEADS[lang])] + text
    title, url, published = headline(code, t, outlet)
    return {"id": f"g{g:05d}-b{b:03d}" + ("-syn" if code & 1 else ""), "language": lang, "outlet": outlet,
            "published": published, "text": text, "title": title, "url": url}


def headline(code: int, t: int, outlet: str) -> tuple[str, str, str]:
    """Title, URL and publication time of item ``code`` (also for links to it from other pages)."""
    b0 = base()
    g, b = divmod(code >> 1, len(b0.records))
    title = retell(b0.titles[b], cipher(g)).strip() or b0.records[b]["text"][:80]
    published = (START + timedelta(seconds=t)).strftime("%Y-%m-%dT%H:%M:%S") + b0.tz[b]
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:80]
    name = outlet.replace(" ", "")
    host = ("www." + name if name.count(".") == 1 else name) if "." in name else f"www.{name}.com"
    section = "berita" if b0.records[b]["language"] == "id" else "news"
    return title, f"https://{host}/{section}/{published[:10].replace('-', '/')}/{code}/{slug}", published


def page(a: dict[str, Any], related: list[tuple[str, str]], rng: random.Random) -> str:
    """A news page around the article: kliping's HTML reader (trafilatura) has to find the article in it."""
    lang, when = a["language"], datetime.fromisoformat(a["published"])
    nav, byline, more, popular, share, rights = WORDS[lang]
    site = escape(a["outlet"].title() if "." not in a["outlet"] else a["outlet"])
    author = rng.choice(AUTHORS[lang])
    if lang == "id":
        stamp = f"{DAYS_ID[when.weekday()]}, {when.day} {MONTHS_ID[when.month - 1][:3]} {when:%Y %H:%M} WIB"
    else:
        stamp = f"{MONTHS_EN[when.month - 1]} {when.day}, {when:%Y %I:%M %p}"
    links = "".join(f'<li><a href="{escape(u)}">{escape(t)}</a></li>' for u, t in related)
    body = [f"<p>{escape(p.strip())}</p>" for p in a["text"].split("\n") if p.strip()]
    body.insert(min(2, len(body)), f'<div class="related-box"><strong>{more}:</strong><ul>{links}</ul></div>')
    ld = ""
    if rng.random() < 0.5:  # many sites also carry schema.org JSON-LD, which kliping reads first
        ld = '<script type="application/ld+json">' + json.dumps({
            "@context": "https://schema.org", "@type": "NewsArticle", "headline": a["title"],
            "datePublished": a["published"], "author": {"@type": "Person", "name": author},
            "publisher": {"@type": "Organization", "name": site}}, ensure_ascii=False).replace("</", "<\\/")
        ld += "</script>"
    items = nav.split()
    return PAGE.format(lang=lang, title=escape(a["title"]), site=site, url=escape(a["url"]), published=a["published"],
                       author=author, ld=ld, nav="".join(f'<li><a href="/{n.lower()}">{n}</a></li>' for n in items),
                       home=items[0], section=f'<a href="/{items[1].lower()}">{items[1]}</a>', byline=byline,
                       when=stamp, body="".join(body), share=share, popular=popular, links=links, year=when.year,
                       rights=rights)


def make_shard(task: Task) -> tuple[int, int]:
    """Write one shard; returns (articles, bytes). Its own seed: the result does not depend on the job order."""
    kind, number, month, codes, times, root = task
    rng = random.Random(SEED * 1_000_003 + number * 2 + (kind == "warc"))
    order = rng.sample(range(len(codes)), len(codes))  # inside a shard (~3 days) not in time order
    path = Path(root) / kind / month / f"part-{number:05d}.{'jsonl' if kind == 'jsonl' else 'warc.gz'}"
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("wb") as fh:
        if kind == "jsonl":
            fh.write("".join(json.dumps(article(int(codes[i]), int(times[i])), ensure_ascii=False) + "\n"
                             for i in order).encode("utf-8"))
        else:
            writer = WARCWriter(fh, gzip=True)
            writer.write_record(writer.create_warcinfo_record(path.name, {"software": "kliping million.py"}))
            nb = len(base().records)
            for i in order:
                code, t = int(codes[i]), int(times[i])
                a = article(code, t)
                g, b = divmod(code >> 1, nb)  # the links: other stories of the same generation
                heads = [headline((g * nb + (b + k) % nb) << 1, t, a["outlet"]) for k in (1, 17, 101)]
                html = page(a, [(url, title) for title, url, _ in heads], rng).encode("utf-8")
                crawled = datetime.fromisoformat(a["published"]) + timedelta(hours=rng.randint(1, 48))
                http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Server", "nginx"),
                                                   ("Content-Length", str(len(html))),
                                                   ("Date", crawled.strftime("%a, %d %b %Y %H:%M:%S GMT"))],
                                        protocol="HTTP/1.1")
                writer.write_record(writer.create_warc_record(
                    a["url"], "response", payload=io.BytesIO(html), length=len(html), http_headers=http,
                    warc_headers_dict={"WARC-Date": crawled.strftime("%Y-%m-%dT%H:%M:%SZ")}))
    os.replace(tmp, path)
    return len(codes), path.stat().st_size


def plan(size: int, root: Path) -> list[Task]:
    """The N items (generation, base article, syndicated?) with their times, cut into shards in time order."""
    b0, share = base(), SYNDICATED_SHARE / (1 - SYNDICATED_SHARE)  # per original: copies are 5% of all
    nb = len(b0.records)
    codes: list[int] = []
    times: list[int] = []
    g = 0
    while len(codes) < size:
        rng, start = random.Random(SEED * 7 + g), (g * nb) // PER_DAY * 86400
        for b in range(min(nb, size - len(codes))):
            codes.append((g * nb + b) << 1)
            times.append(start + b0.offset[b])
            if rng.random() < share and len(codes) < size:
                codes.append(codes[-1] | 1)
                times.append(times[-1] + rng.randint(15 * 60, 6 * 3600))
        g += 1
    codes, times = codes[:size], times[:size]
    order = np.argsort(np.array(times, dtype=np.int64), kind="stable")
    code_arr, time_arr = np.array(codes, dtype=np.int64)[order], np.array(times, dtype=np.int64)[order]
    is_warc = np.random.default_rng(SEED).random(size) < WARC_SHARE
    tasks = []
    for kind, mask, per in (("jsonl", ~is_warc, JSONL_PER_SHARD), ("warc", is_warc, WARC_PER_SHARD)):
        c, t = code_arr[mask], time_arr[mask]
        for number, lo in enumerate(range(0, len(c), per)):
            month = (START + timedelta(seconds=int(t[lo]))).strftime("%Y-%m")
            tasks.append((kind, number, month, c[lo:lo + per], t[lo:lo + per], str(root)))
    return sorted(tasks, key=lambda task: int(task[4][0]))  # in time order, both kinds interleaved


def generate(size: int, root: Path, jobs: int) -> None:
    manifest = root / "manifest.json"
    if manifest.exists():
        m = json.loads(manifest.read_text())
        if (m.get("size"), m.get("seed"), m.get("format")) == (size, SEED, FORMAT):
            print(f"{root}: already holds {size:,} articles (seed {SEED}); not generated again", file=sys.stderr)
            return
    manifest.unlink(missing_ok=True)  # written last: without it a dataset is incomplete
    for sub in ("jsonl", "warc"):
        shutil.rmtree(root / sub, ignore_errors=True)
    t0 = time.perf_counter()
    tasks = plan(size, root)  # loads the base here, before the Pool: forked jobs inherit it
    done = articles = nbytes = 0
    with multiprocessing.get_context("fork").Pool(jobs, initializer=base) as pool:
        for n, b in pool.imap_unordered(make_shard, tasks):
            done, articles, nbytes = done + 1, articles + n, nbytes + b
            if done % max(1, len(tasks) // 20) == 0 or done == len(tasks):
                print(f"  shards {done}/{len(tasks)}, {articles:,} articles, "
                      f"{articles / (time.perf_counter() - t0):,.0f} articles/s, {nbytes / 2**20:,.0f} MB",
                      file=sys.stderr, flush=True)
    seconds = time.perf_counter() - t0
    shards, warc = Counter(t[0] for t in tasks), sum(len(t[3]) for t in tasks if t[0] == "warc")
    manifest.write_text(json.dumps({
        "size": size, "seed": SEED, "format": FORMAT, "jsonl_shards": shards["jsonl"], "warc_shards": shards["warc"],
        "jsonl_articles": size - warc, "warc_articles": warc, "bytes": nbytes, "seconds": round(seconds, 1),
        "generations": max(int(t[3].max()) for t in tasks) // 2 // len(base().records) + 1, "jobs": jobs}) + "\n")
    print(f"{root}: {size:,} articles in {len(tasks)} shards ({shards['jsonl']} JSONL, {shards['warc']} WARC), "
          f"{nbytes / 2**20:,.1f} MB ({nbytes / size:,.0f} bytes/article), {seconds:.1f} s, "
          f"{size / seconds:,.0f} articles/s with {jobs} jobs", file=sys.stderr)


def _label(p: psutil.Process, driver: int, workers: dict[int, str]) -> str:
    cmd = " ".join(p.cmdline())
    if p.pid == driver or "resource_tracker" in cmd:
        return "driver" if p.pid == driver else "resource tracker"
    if "spawn_main" not in cmd and "forkserver" not in cmd:
        return f"other {p.pid}: {os.path.basename(cmd.split()[0]) if cmd else '?'}"
    return workers.setdefault(p.pid, f"worker {len(workers) + 1}")  # pool or dask worker processes, in order


def _sample(tree: list[psutil.Process], peak: dict[int, float], cpu: dict[int, float], names: dict[int, str]) -> float:
    """One poll: each process's RSS peak and CPU so far, by pid; returns the total RSS now (MB)."""
    total, workers = 0.0, {pid: name for pid, name in names.items() if name.startswith("worker")}
    for p in tree:
        try:
            with p.oneshot():
                rss, times = p.memory_info().rss / 2**20, p.cpu_times()
                if p.pid not in names:
                    names[p.pid] = _label(p, tree[0].pid, workers)
        except psutil.Error:
            continue  # it ended between the listing and the reading
        peak[p.pid], cpu[p.pid] = max(peak.get(p.pid, 0.0), rss), times.user + times.system
        total += rss
    return total


# kliping's stage lines on stderr: each opens a pass (the read pass opens with the run)
_PASSES = (("grouping stories", "group"), ("writing dossier", "write"))


def _pump(stream: Any, marks: list[tuple[str, float]], cpu: dict[int, float]) -> None:
    """Copy kliping's stderr to ours, noting when each pass begins and the process tree's CPU so far (the last
    poll's, at most 0.5 s old: a pass's CPU is right to about a second of the tree's)."""
    marks.append(("read", 0.0))
    for line in stream:
        sys.stderr.write(line)
        for text, name in _PASSES:
            if text in line and all(name != m[0] for m in marks):
                marks.append((name, sum(list(cpu.values()))))  # (a copy made in one C call: the poller adds pids)
    sys.stderr.flush()


def _per_pass(marks: list[tuple[str, float]], total: float, articles: int) -> dict[str, float]:
    """CPU ms per article of each pass, all processes together (driver and workers)."""
    ends = [m[1] for m in marks[1:]] + [total]
    return {name: round(1000 * (end - begun) / max(1, articles), 2)
            for (name, begun), end in zip(marks, ends, strict=True)}


def list_lengths(path: Path) -> Counter[str]:
    """The length of each top-level list of dossier.json (indent 2), one line at a time: at 1M it is GBs."""
    counts: Counter[str] = Counter()
    key = ""
    with path.open(encoding="utf-8") as dossier:
        for line in dossier:
            if line.startswith('  "'):
                key = line[3:line.index('"', 3)]
            elif line.startswith(("    {", '    "')):
                counts[key] += 1
    return counts


def run(data: Path, out: Path, engine: str, workers: int, resume: bool = False, label: str | None = None,
        results: Path | None = None, scheduler: str | None = None) -> dict[str, Any]:
    size = json.loads((data / "manifest.json").read_text())["size"]
    cmd = [sys.executable, "-m", "kliping.cli", "analyze", str(data), "--out", str(out), "--engine", engine,
           "--workers", str(workers), *(["--resume"] if resume else [])]
    cmd += ["--scheduler", scheduler] if scheduler else []
    print("$ " + " ".join(cmd), file=sys.stderr, flush=True)
    peak: dict[int, float] = {}
    cpu: dict[int, float] = {}
    names: dict[int, str] = {}
    peak_sum = 0.0
    t0 = time.perf_counter()
    # stderr passes through (kliping's progress, skipped inputs, summary), read on the way for the passes' starts
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True, encoding="utf-8", errors="replace")
    marks: list[tuple[str, float]] = []  # (pass, the tree's CPU seconds when it began), stamped by the pump
    pump = threading.Thread(target=_pump, args=(proc.stderr, marks, cpu), daemon=True)
    pump.start()
    driver = psutil.Process(proc.pid)
    while True:
        try:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)  # rusage of the driver and all it reaped
            if pid:
                break
            peak_sum = max(peak_sum, _sample([driver, *driver.children(recursive=True)], peak, cpu, names))
            time.sleep(0.5)
        except KeyboardInterrupt:  # Ctrl-C reached kliping too: let it stop (resumable) and record the run
            pid, status, usage = os.wait4(proc.pid, 0)
            break
        except psutil.Error:
            continue  # the driver is ending
    wall = time.perf_counter() - t0
    pump.join(timeout=10)
    processes: dict[str, dict[str, float]] = {}
    for pid, name in names.items():  # a name seen twice (a restarted worker): the max peak, the summed CPU
        entry = processes.setdefault(name, {"peak_mb": 0.0, "cpu_s": 0.0})
        entry["peak_mb"] = round(max(entry["peak_mb"], peak[pid]), 1)
        entry["cpu_s"] = round(entry["cpu_s"] + cpu.get(pid, 0.0), 1)
    articles = 0
    if (out / "articles.jsonl").exists():
        with (out / "articles.jsonl").open("rb") as fh:
            while block := fh.read(1 << 24):
                articles += block.count(b"\n")
    lists = list_lengths(out / "dossier.json") if (out / "dossier.json").exists() else Counter()
    row = {"label": label or f"{engine}-w{workers}-{size}", "engine": engine, "workers": workers, "size": size,
           "articles": articles, "skipped": lists["skipped"], "stories": lists["stories"],
           "exit": os.waitstatus_to_exitcode(status),
           "wall_s": round(wall, 1), "articles_per_s": round(articles / wall, 1),
           "articles_per_s_core": round(articles / wall / min(workers, os.cpu_count() or 1), 1),
           "cpu_s": round(usage.ru_utime + usage.ru_stime, 1), "processes": processes,
           "sum_of_peaks_mb": round(sum(peak.values()), 1), "peak_sum_mb": round(peak_sum, 1),
           "max_rss_kernel_mb": round(usage.ru_maxrss / 1024, 1), "resume": resume, "cpus": os.cpu_count(),
           "cpu_ms_per_article": _per_pass(marks, sum(cpu.values()), articles),
           "data": str(data), "out": str(out), "when": datetime.now().isoformat(timespec="seconds")}
    with (results or out.resolve().parent / "million-results.jsonl").open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(format_table([row]))  # the skipped inputs themselves: kliping's stderr above, or dossier.json
    return row


def format_table(rows: list[dict[str, Any]]) -> str:
    table = [["label", "engine", "w", "size", "articles", "skip", "stories", "exit", "wall s", "art/s", "art/s/core",
              "cpu s", "cpu ms/art read+group+write", "driver MB", "workers MB", "other MB", "Σpeaks MB",
              "peak Σ MB"]]
    for r in rows:
        procs = r["processes"]
        workers = [f"{procs[n]['peak_mb']:.0f}" for n in sorted(procs, key=lambda n: (len(n), n)) if "worker" in n]
        other = sum(v["peak_mb"] for n, v in procs.items() if n != "driver" and "worker" not in n)
        table.append([r["label"], r["engine"], str(r["workers"]), f"{r['size']:,}", f"{r['articles']:,}",
                      str(r["skipped"]), f"{r['stories']:,}", str(r["exit"]), f"{r['wall_s']:.0f}",
                      f"{r['articles_per_s']:.1f}", f"{r['articles_per_s_core']:.1f}", f"{r['cpu_s']:.0f}",
                      "+".join(f"{v:.1f}" for v in r.get("cpu_ms_per_article", {}).values()) or "-",
                      f"{procs.get('driver', {}).get('peak_mb', 0):.0f}", "/".join(workers) or "-", f"{other:.0f}",
                      f"{r['sum_of_peaks_mb']:.0f}", f"{r['peak_sum_mb']:.0f}"])
    widths = [max(len(row[i]) for row in table) for i in range(len(table[0]))]
    lines = ["  ".join(c.rjust(w) for c, w in zip(row, widths, strict=True)) for row in table]
    return "\n".join([lines[0], "  ".join("-" * w for w in widths), *lines[1:]])


def scaling(rows: list[dict[str, Any]]) -> Iterator[str]:
    """1 → N workers (against local 1 when the engine has no 1-worker run); growth between sizes. Latest runs."""
    last = {(r["engine"], r["workers"], r["size"]): r for r in rows if r["exit"] == 0}
    drv = {k: r["processes"].get("driver", {}).get("peak_mb", 0.0) or 1.0 for k, r in last.items()}
    for (engine, w, size), r in sorted(last.items()):
        one = last.get((engine, 1, size)) or last.get(("local", 1, size))
        if w > 1 and one:
            yield (f"{engine} {size:,}: {one['engine']} 1 → {w} workers: speedup ×{one['wall_s'] / r['wall_s']:.2f} "
                   f"(ideal ×{min(w, r['cpus'] or w)}), Σpeaks ×{r['sum_of_peaks_mb'] / one['sum_of_peaks_mb']:.2f}")
        bigger = min((s for e, ww, s in last if (e, ww) == (engine, w) and s > size), default=None)
        if bigger:
            b_key = (engine, w, bigger)
            b = last[b_key]
            yield (f"{engine} w{w} {size:,} → {bigger:,} (×{bigger / size:.1f} articles): "
                   f"wall ×{b['wall_s'] / r['wall_s']:.2f}, driver peak ×{drv[b_key] / drv[(engine, w, size)]:.2f}, "
                   f"Σpeaks ×{b['sum_of_peaks_mb'] / r['sum_of_peaks_mb']:.2f}")


def print_table(results: Path) -> None:
    rows = [json.loads(line) for line in results.open(encoding="utf-8") if line.strip()]
    print(format_table(rows))
    print("art/s/core = articles/s ÷ min(workers, CPUs); Σpeaks = the per-process peaks summed; peak Σ = the "
          "largest total RSS at one poll (0.5 s)")
    print("\n".join(scaling(rows)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    gen = sub.add_parser("generate", help="write N raw articles as JSONL and WARC shards")
    gen.add_argument("--size", type=int, required=True)
    gen.add_argument("--dir", type=Path, required=True)
    r = sub.add_parser("run", help="time `kliping analyze` on a generated dataset")
    r.add_argument("--dir", type=Path, required=True)
    r.add_argument("--out", type=Path, required=True)
    r.add_argument("--engine", choices=("local", "dask"), default="local")
    r.add_argument("--workers", type=int, default=2)
    r.add_argument("--scheduler", help="a running Dask scheduler's address (passed on)")
    r.add_argument("--resume", action="store_true", help="passed on to kliping analyze")
    r.add_argument("--label", help="the row's name (default ENGINE-wN-SIZE)")
    r.add_argument("--results", type=Path, help="JSON lines to append to (default OUT/../million-results.jsonl)")
    sub.add_parser("table", help="the table of the recorded runs").add_argument("--results", type=Path, required=True)
    a = sub.add_parser("all", help="generate each size; run each engine with 2 workers, local 1 on the smallest")
    a.add_argument("--sizes", default="100000,1000000")
    a.add_argument("--engines", default="local,dask")
    a.add_argument("--work", type=Path, default=Path("/tmp/kliping-million"))
    for p in (gen, a):
        p.add_argument("--jobs", type=int, default=2, help="generation processes (2)")
    args = parser.parse_args()
    if args.command == "generate":
        generate(args.size, args.dir, args.jobs)
    elif args.command == "run":
        run(args.dir, args.out, args.engine, args.workers, args.resume, args.label, args.results, args.scheduler)
    elif args.command == "table":
        print_table(args.results)
    else:  # local 1 worker on the smallest size is the baseline of the scaling lines
        sizes = sorted(int(s) for s in args.sizes.split(","))
        for size in sizes:
            generate(size, args.work / f"data-{size}", args.jobs)
            for engine, workers in [("local", 1)] * (size == sizes[0]) + [(e, 2) for e in args.engines.split(",")]:
                run(args.work / f"data-{size}", args.work / f"out-{size}-{engine}-w{workers}", engine, workers,
                    results=args.work / "million-results.jsonl")
        print_table(args.work / "million-results.jsonl")


if __name__ == "__main__":
    main()
