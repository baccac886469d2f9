"""Generated realistic articles (text, HTML, JSON lines) → articles/s and peak RSS of the per-article chain.

Builds ≥ 10,000 varied Indonesian news articles from real text: the 750 IndoSum articles of
``dev.01.jsonl`` (tokenised; detokenised here) and the five scraped seed articles in
``examples/seeds``. Paragraphs are recombined across articles (seeded, so every run builds the
same pages), page furniture is added (date lines, "Baca Juga: …", "Editor: …", "(abc)",
"Sumber: ANTARA", "Terpopuler", "Tags"), and HTML pages get a realistic shell (head with
og: meta and a JSON-LD NewsArticle, nav menu, ``<article>``, related-links aside, comments,
footer) sized from ~3 KB to ~100 KB. The files are written to a temporary folder first;
generating them is not measured.

Each measurement then runs in a fresh spawned process pinned to one core, so its peak RSS
(``ru_maxrss``) is its own: ``kliping.pipeline.extract([folder])`` consumed to the end, every
Article serialised with ``kliping.jsonout.article_line``. Running two or more counts
shows whether memory stays flat as the count grows. Aim (read → annotate): ≥ 150 text articles/s and
≥ 50 HTML pages/s on one core, flat memory.

    python benchmarks/extract_speed.py                      # counts 2000,10000; text, html, jsonl
    python benchmarks/extract_speed.py --quick              # a tiny run, seconds
    python benchmarks/extract_speed.py --count 5000 --kinds html
    python benchmarks/extract_speed.py --profile html --count 300   # cProfile of the chain
    python benchmarks/extract_speed.py --count 750 --kinds text --against /tmp/old/src   # two trees in turn
"""

from __future__ import annotations

import argparse
import cProfile
import html as htmllib
import io
import json
import multiprocessing as mp
import os
import pstats
import random
import re
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_INDOSUM = REPO.parent / "shared" / "corpus" / "indosum"
INDOSUM_FILE = "dev.01.jsonl"
SEEDS = REPO / "examples" / "seeds"
KINDS = ("text", "html", "jsonl")
SEED = 20230914

# ── detokenising IndoSum ────────────────────────────────────────────────────────────────────

_NO_SPACE_BEFORE = frozenset(".,;:!?%)]}…") | {"...", "”", "’", "-nya", "'s"}
_NO_SPACE_AFTER = frozenset("([{“‘")
_STRAIGHT_QUOTES = frozenset({'"', "'"})


def detokenise(tokens: list[str]) -> str:
    """IndoSum tokens → running text: no space before closing punctuation, quotes joined."""
    out: list[str] = []
    glue = True  # no space before the next token
    open_quote: dict[str, bool] = {'"': False, "'": False}
    for i, raw in enumerate(tokens):
        token = raw.replace("\xa0", " ").strip()
        if not token:
            continue
        if token in _STRAIGHT_QUOTES:
            if open_quote[token]:  # closing: hug the previous token
                out.append(token)
                open_quote[token] = False
                glue = False
            else:  # opening: hug the next token
                out.append(token if glue else " " + token)
                open_quote[token] = True
                glue = True
            continue
        after = tokens[i + 1][:1] if i + 1 < len(tokens) else ""
        before = out[-1][-1:] if out else ""
        if token == "/" and before.isdigit() and after.isdigit():
            out.append(token)  # dates: "(27 / 3)" → "(27/3)"
            glue = True
            continue
        if token == "-" and after.isalnum() and (before.isdigit() or before.islower()):
            out.append(token)  # split compounds: "ke - 54", "3 - 0", "menit - menit"; "JAKARTA - " stays
            glue = True
            continue
        if glue or token in _NO_SPACE_BEFORE:
            out.append(token)
        else:
            out.append(" " + token)
        glue = token in _NO_SPACE_AFTER
    return "".join(out)


# ── the source pool ─────────────────────────────────────────────────────────────────────────


@dataclass
class Source:
    """One real article: its title, outlet, url and paragraphs of running text."""

    title: str
    outlet: str
    url: str
    category: str
    paragraphs: list[str]


def _title_from(url: str, ident: str) -> str:
    slug = url.rstrip("/").rsplit("/", 1)[-1]
    if "-" not in slug:
        slug = ident.split("-", 1)[-1]
    slug = re.sub(r"\.\w+$", "", slug)
    words = [w for w in slug.split("-") if w and not w.isdigit()]
    return " ".join(w if w.isupper() else w.capitalize() for w in words) or "Berita Hari Ini"


def load_indosum(folder: Path) -> list[Source]:
    path = folder / INDOSUM_FILE
    if not path.is_file():
        sys.exit(
            f"error: IndoSum data not found at {path}\n"
            f"  the benchmark builds its articles from {INDOSUM_FILE}; pass its folder with --indosum PATH"
        )
    sources: list[Source] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            paragraphs = [" ".join(detokenise(s) for s in para) for para in row["paragraphs"]]
            paragraphs = [p.strip() for p in paragraphs if p.strip()]
            if not paragraphs:
                continue
            url = row.get("source_url") or f"https://example.id/{row['id']}"
            sources.append(
                Source(_title_from(url, row["id"]), row.get("source") or "", url, row.get("category") or "", paragraphs)
            )
    return sources


def load_seeds(folder: Path) -> list[Source]:
    sources: list[Source] = []
    for path in sorted(folder.glob("*.txt")):
        lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()]
        lines = [ln for ln in lines if ln]
        if len(lines) < 3:
            continue
        sources.append(Source(lines[0], "", f"https://example.id/seed/{path.stem}", "internasional", lines[1:]))
    return sources


# ── furniture and variation ─────────────────────────────────────────────────────────────────

DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
MONTHS = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip
ZONES = (("WIB", "+07:00"), ("WIB", "+07:00"), ("WIB", "+07:00"), ("WITA", "+08:00"), ("WIT", "+09:00"))
NAMES = (
    "Dwina Agustin", "Esthi Maharani", "Fajar Nugraha", "Rahmat Hidayat", "Siti Nurhaliza", "Agus Salim",
    "Dewi Lestari", "Budi Santoso", "Rina Wulandari", "Yoga Prasetyo", "Andi Firmansyah", "Maya Sari",
    "Hendra Gunawan", "Putri Ayu", "Bayu Aji", "Nanda Pratama", "Ilham Ramadhan", "Lukman Hakim",
)  # fmt: skip
OUTLETS = (
    ("Kabar Nusantara", "kabarnusantara.co.id"), ("Warta Kita", "wartakita.com"), ("Suara Pagi", "suarapagi.id"),
    ("Berita Satu Jam", "beritasatujam.com"), ("Harian Merdeka Raya", "merdekaraya.id"),
)  # fmt: skip
WIRES = ("ANTARA", "Reuters", "AFP", "AP", "Anadolu Agency", "Xinhua")
CITIES = ("JAKARTA", "BANDUNG", "SURABAYA", "MEDAN", "MAKASSAR", "YOGYAKARTA", "DENPASAR", "MOSKOW", "SEOUL")
MENU = (
    "Beranda", "Nasional", "Internasional", "Ekonomi", "Bisnis", "Olahraga", "Sepak Bola", "Teknologi",
    "Otomotif", "Hiburan", "Gaya Hidup", "Kesehatan", "Travel", "Kuliner", "Video", "Foto", "Indeks",
    "Opini", "Pendidikan", "Hukum", "Politik", "Megapolitan", "Daerah", "Sains", "Infografis",
)  # fmt: skip


@dataclass
class Page:
    """One generated article, before it is written as text, HTML or a JSON line."""

    ident: str
    title: str
    outlet: str
    domain: str
    url: str
    when: datetime
    zone: tuple[str, str]
    authors: list[str]
    editor: str
    lead_city: str
    body: list[str]  # article paragraphs, the first with its dateline
    related: list[tuple[str, str]]  # (title, url) of other articles
    tags: list[str]
    wire: str | None


def _date_line(when: datetime, zone: str) -> str:
    return f"{DAYS[when.weekday()]}, {when.day} {MONTHS[when.month - 1]} {when.year} - {when:%H:%M} {zone}"


def make_pages(sources: list[Source], count: int, seed: int = SEED) -> Iterator[Page]:
    """``count`` varied articles, recombined from ``sources`` deterministically."""
    rng = random.Random(seed)
    epoch = datetime(2017, 1, 1)
    for i in range(count):
        base = sources[i % len(sources)]
        paras = list(base.paragraphs)
        roll = rng.random()
        if roll < 0.35 and len(paras) > 3:  # shuffle the middle: same facts, different order
            middle = paras[1:-1]
            rng.shuffle(middle)
            paras = [paras[0], *middle, paras[-1]]
        elif roll < 0.6:  # append paragraphs of another article (a follow-up story)
            other = rng.choice(sources)
            paras += other.paragraphs[: rng.randint(1, len(other.paragraphs))]
        elif roll < 0.7 and len(paras) > 4:  # a short rewrite: first half only
            paras = paras[: max(2, len(paras) // 2)]
        if rng.random() < 0.15:  # a long feature: three articles glued together
            for other in rng.sample(sources, 2):
                paras += other.paragraphs
        outlet, domain = rng.choice(OUTLETS)
        when = epoch + timedelta(minutes=rng.randrange(8 * 365 * 24 * 60))
        city = rng.choice(CITIES)
        wire = rng.choice(WIRES) if rng.random() < 0.3 else None
        if not re.search(r" [-–] |--", paras[0][:60]):  # no dateline of its own yet
            paras[0] = (f"{city}, {outlet} - " if rng.random() < 0.5 else f"{city} - ") + paras[0]
        slug = re.sub(r"[^a-z0-9]+", "-", base.title.lower()).strip("-")[:60]
        ident = f"{i:06d}"
        related = []
        for other in rng.sample(sources, rng.randint(3, 12)):
            oslug = re.sub(r"[^a-z0-9]+", "-", other.title.lower()).strip("-")[:60]
            related.append((other.title, f"https://{domain}/berita/{rng.randrange(10**6, 10**7)}/{oslug}"))
        words = [w for w in base.title.split() if len(w) > 4]
        yield Page(
            ident=ident,
            title=base.title if rng.random() < 0.8 else f"{base.title}: {rng.choice(sources).title}",
            outlet=outlet,
            domain=domain,
            url=f"https://{domain}/{base.category.replace(' ', '-') or 'berita'}/{i}/{slug}",
            when=when,
            zone=rng.choice(ZONES),
            authors=rng.sample(NAMES, rng.choice((1, 1, 1, 2))),
            editor=rng.choice(NAMES),
            lead_city=city,
            body=paras,
            related=related,
            tags=rng.sample(words, min(len(words), rng.randint(1, 5))),
            wire=wire,
        )


def text_of(page: Page, rng: random.Random) -> str:
    """A plain-text scrape: headline first, date line, body with furniture mixed in, menus after."""
    lines = [page.title, "", _date_line(page.when, page.zone[0])]
    if rng.random() < 0.5:
        lines.append(f"Penulis: {', '.join(page.authors)}")
    insert_at = {rng.randrange(1, max(2, len(page.body))) for _ in range(rng.randint(0, 3))}
    for n, para in enumerate(page.body):
        if n in insert_at:
            title, _ = rng.choice(page.related)
            lines += ["", f"Baca Juga: {title}"]
        lines += ["", para]
    tail: list[str] = []
    if page.wire and rng.random() < 0.7:
        tail.append(f"Sumber: {page.wire}")
    if rng.random() < 0.5:
        tail.append(f"({''.join(rng.choice('abcdefghijklmnopqrstuvwxyz') for _ in range(3))})")
    tail.append(f"Editor: {page.editor}")
    if rng.random() < 0.6:
        tail += ["Terpopuler", *[t for t, _ in page.related[:5]]]
    if rng.random() < 0.6:
        tail += ["Tags", *page.tags]
    return "\n".join(lines + [""] + tail) + "\n"


def _esc(text: str) -> str:
    return htmllib.escape(text, quote=True)


def html_of(page: Page, rng: random.Random, pool: list[Source], max_kb: int = 100) -> str:
    """A realistic news page around ``page``, padded with nav/comments towards a target size."""
    target = int(3000 * (max_kb / 3) ** rng.random())  # log-uniform 3 KB … max_kb KB
    if target < 8000:  # a lean page (AMP-like): short story, few links, no padding
        # Keep two real paragraphs: a seed's first lines are captions and date lines.
        body = [p for p in page.body if len(p) > 200][:2] or page.body[:2]
        page = replace(page, body=body, related=page.related[:1], tags=page.tags[:1])
    offset = page.zone[1]
    iso = page.when.strftime("%Y-%m-%dT%H:%M:%S") + offset
    description = page.body[0][:160]
    ld: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title,
        "datePublished": iso,
        "dateModified": iso,
        "author": [{"@type": "Person", "name": a} for a in page.authors],
        "publisher": {
            "@type": "Organization",
            "name": page.outlet,
            "logo": {"@type": "ImageObject", "url": f"https://{page.domain}/img/logo.png"},
        },
        "mainEntityOfPage": page.url,
        "description": description,
    }
    head = f"""<!DOCTYPE html>
<html lang="id"><head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_esc(page.title)} - {_esc(page.outlet)}</title>
<meta name="description" content="{_esc(description)}">
<meta property="og:type" content="article">
<meta property="og:title" content="{_esc(page.title)}">
<meta property="og:description" content="{_esc(description)}">
<meta property="og:url" content="{_esc(page.url)}">
<meta property="og:site_name" content="{_esc(page.outlet)}">
<meta property="og:image" content="https://{page.domain}/img/{page.ident}.jpg">
<meta property="article:published_time" content="{iso}">
<meta name="author" content="{_esc(", ".join(page.authors))}">
<link rel="canonical" href="{_esc(page.url)}">
<link rel="stylesheet" href="https://{page.domain}/css/main.css">
<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>
<script>window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push(arguments);}}
gtag('js',new Date());</script>
</head>
<body class="page-article">
"""
    menu = MENU if target >= 8000 else MENU[:6]
    nav_items = [f'<li><a href="https://{page.domain}/{m.lower().replace(" ", "-")}">{m}</a></li>' for m in menu]
    article = [
        '<main id="content"><article class="detail">',
        '<div class="breadcrumb"><a href="/">Beranda</a> › <a href="/berita">Berita</a></div>',
        f'<h1 class="detail__title">{_esc(page.title)}</h1>',
        f'<div class="detail__date">{_date_line(page.when, page.zone[0])}</div>',
        f'<div class="detail__author">Penulis: <a href="/penulis">{_esc(", ".join(page.authors))}</a></div>',
        f'<figure><img src="https://{page.domain}/img/{page.ident}.jpg" alt="{_esc(page.title)}">'
        f"<figcaption>Ilustrasi. Foto/Dok. {_esc(page.outlet)}</figcaption></figure>",
        '<div class="detail__body">',
    ]
    insert_at = {rng.randrange(1, max(2, len(page.body))) for _ in range(rng.randint(0, 3))}
    for n, para in enumerate(page.body):
        if n in insert_at:
            title, url = rng.choice(page.related)
            link = f'<a href="{_esc(url)}">{_esc(title)}</a>'
            article.append(f'<p class="baca-juga"><strong>Baca Juga:</strong> {link}</p>')
        article.append(f"<p>{_esc(para)}</p>")
        if n == 2:
            article.append('<div class="ads"><div id="div-gpt-ad-inarticle"></div><span>ADVERTISEMENT</span></div>')
    if page.wire:
        article.append(f"<p><em>Sumber: {_esc(page.wire)}</em></p>")
    article.append(f'<p class="editor">Editor: {_esc(page.editor)}</p>')
    article.append("</div>")
    article.append(
        '<div class="tags"><span>Tags</span>'
        + "".join(f'<a href="/tag/{_esc(t.lower())}">{_esc(t)}</a>' for t in page.tags)
        + "</div>"
    )
    article.append(
        '<div class="share">Bagikan: <a href="#">Facebook</a> <a href="#">Twitter</a> '
        '<a href="#">WhatsApp</a> <a href="#">Salin tautan</a></div>'
    )
    article.append("</article>")
    aside = ['<aside class="related"><h3>Berita Terkait</h3><ul>']
    aside += [f'<li><a href="{_esc(u)}">{_esc(t)}</a></li>' for t, u in page.related]
    aside.append("</ul><h3>Terpopuler</h3><ol>")
    aside += [f'<li><a href="{_esc(u)}">{_esc(t)}</a></li>' for t, u in page.related[:5]]
    aside.append("</ol></aside></main>")
    footer = (
        '<footer><div class="footer__menu">'
        + "".join(
            f'<a href="/{m.lower()}">{m}</a>'
            for m in ("Redaksi", "Pedoman Media Siber", "Kontak", "Karir", "Kebijakan Privasi", "Disclaimer")
        )
        + f"</div><p>&copy; {page.when.year} {_esc(page.outlet)}. All rights reserved.</p></footer>"
        + f'<script src="https://{page.domain}/js/app.js" async></script>\n</body></html>\n'
    )
    fixed = len(head) + sum(map(len, article)) + sum(map(len, aside)) + len(footer) + 400
    # Pad towards the target: half a big mega-menu, half a comment section.
    comments: list[str] = []
    budget = target - fixed
    want_comments = rng.random() < 0.6
    while budget > 0:
        if want_comments and rng.random() < 0.6:
            src = rng.choice(pool)
            text = rng.choice(src.paragraphs)[:400]
            name = rng.choice(NAMES)
            item = (
                f'<li class="comment"><div class="comment__author">{name}</div>'
                f'<div class="comment__time">{rng.randint(1, 59)} menit lalu</div>'
                f'<div class="comment__text">{_esc(text)}</div><a href="#">Balas</a> <a href="#">Suka</a></li>'
            )
            comments.append(item)
        else:
            src = rng.choice(pool)
            sub = rng.choice(MENU)
            item = (
                f'<li><a href="https://{page.domain}/{sub.lower()}/{rng.randrange(10**5)}">{_esc(src.title)}</a></li>'
            )
            nav_items.append(item)
        budget -= len(item)
    nav = '<header><div class="logo"><a href="/">' + _esc(page.outlet) + '</a></div><nav class="menu"><ul>'
    nav += "".join(nav_items) + "</ul></nav></header>\n"
    parts = [head, nav, "\n".join(article), "\n".join(aside)]
    if comments:
        heading = f"<h3>Komentar ({len(comments)})</h3>"
        parts.append(f'<section class="comments">{heading}<ul>{"".join(comments)}</ul></section>')
    parts.append(footer)
    return "\n".join(parts)


def jsonl_of(page: Page, text: str) -> str:
    """A JSON line as an export would carry it: text plus metadata fields."""
    body = text.split("\n", 1)[1].lstrip("\n")  # the title travels in its own field
    iso = page.when.strftime("%Y-%m-%dT%H:%M:%S") + page.zone[1]
    row = {
        "id": page.ident,
        "url": page.url,
        "title": page.title,
        "published": iso,
        "outlet": page.outlet,
        "text": body,
    }
    return json.dumps(row, ensure_ascii=False)


@dataclass
class Corpus:
    """Where the generated inputs are: per kind, per count, a folder or a shard."""

    root: Path
    inputs: dict[tuple[str, int], Path]
    sizes: dict[str, tuple[int, int, int]]  # kind → min, mean, max bytes per article


def build(root: Path, sources: list[Source], kinds: list[str], counts: list[int], html_max_kb: int = 100) -> Corpus:
    """Write max(counts) articles per kind; each smaller count is a folder of hard links to the first N."""
    total = max(counts)
    rng = random.Random(SEED + 1)
    folders = {kind: root / kind for kind in kinds if kind != "jsonl"}
    for folder in folders.values():
        folder.mkdir(parents=True)
    shards = {c: (root / f"jsonl-{c}" / "shard.jsonl") for c in counts} if "jsonl" in kinds else {}
    handles = []
    for path in shards.values():
        path.parent.mkdir(parents=True)
        handles.append((path, path.open("w", encoding="utf-8")))
    sizes: dict[str, list[int]] = {kind: [] for kind in kinds}
    for n, page in enumerate(make_pages(sources, total)):
        text = text_of(page, rng)
        if "text" in folders:
            data = text.encode()
            (folders["text"] / f"{page.ident}.txt").write_bytes(data)
            sizes["text"].append(len(data))
        if "html" in folders:
            data = html_of(page, rng, sources, html_max_kb).encode()
            (folders["html"] / f"{page.ident}.html").write_bytes(data)
            sizes["html"].append(len(data))
        if shards:
            line = jsonl_of(page, text) + "\n"
            sizes["jsonl"].append(len(line.encode()))
            for count, handle in zip(shards, (h for _, h in handles), strict=True):
                if n < count:
                    handle.write(line)
    for _, handle in handles:
        handle.close()
    inputs: dict[tuple[str, int], Path] = {}
    for kind, folder in folders.items():
        names = sorted(os.listdir(folder))
        for count in counts:
            if count == total:
                inputs[kind, count] = folder
                continue
            sub = root / f"{kind}-{count}"
            sub.mkdir()
            for name in names[:count]:
                try:
                    os.link(folder / name, sub / name)
                except OSError:
                    shutil.copyfile(folder / name, sub / name)
            inputs[kind, count] = sub
    for count, path in shards.items():
        inputs["jsonl", count] = path
    stats = {k: (min(v), sum(v) // len(v), max(v)) for k, v in sizes.items() if v}
    return Corpus(root, inputs, stats)


# ── measuring ───────────────────────────────────────────────────────────────────────────────


@dataclass
class Result:
    kind: str
    count: int
    seconds: float
    cpu_seconds: float
    json_seconds: float
    articles: int
    skipped: int
    base_rss_mb: float
    peak_rss_mb: float
    reasons: dict[str, int]
    examples: dict[str, list[str]]  # reason → the first few sources skipped for it
    tree: str = ""  # the src folder whose kliping was measured


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _pin(cpu: int | None) -> None:
    if cpu is not None and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {cpu})


def measure(kind: str, count: int, path: str, cpu: int | None) -> Result:
    """Run the chain over ``path`` in this process; the caller makes this a fresh process."""
    _pin(cpu)
    import kliping
    from kliping.jsonout import article_line
    from kliping.model import Skipped
    from kliping.pipeline import extract
    from kliping.read.html import read_html  # noqa: F401 - imported up front: trafilatura's import is not per page
    from kliping.run import engines

    if hasattr(engines, "collect_less"):  # as `kliping extract` and analyze's workers run (older trees: no such call)
        engines.collect_less()
    base = _rss_mb()
    articles = skipped = 0
    json_seconds = 0.0
    reasons: dict[str, int] = {}
    examples: dict[str, list[str]] = {}
    cpu0, t0 = time.process_time(), time.perf_counter()
    for item in extract([path]):
        if isinstance(item, Skipped):
            skipped += 1
            reasons[item.reason[:80]] = reasons.get(item.reason[:80], 0) + 1
            seen = examples.setdefault(item.reason[:80], [])
            if len(seen) < 3:
                seen.append(os.path.basename(item.source))
            continue
        j0 = time.perf_counter()
        article_line(item)
        json_seconds += time.perf_counter() - j0
        articles += 1
    seconds, cpu_seconds = time.perf_counter() - t0, time.process_time() - cpu0
    return Result(
        kind, count, seconds, cpu_seconds, json_seconds, articles, skipped, base, _rss_mb(), reasons, examples,
        str(Path(kliping.__file__).parent.parent),
    )


def _child(kind: str, count: int, path: str, cpu: int | None, queue: Any, src: str | None = None) -> None:
    if src is not None:  # another tree's code (--against): its kliping ahead of the installed one
        sys.path.insert(0, src)
    queue.put(measure(kind, count, path, cpu))


def measure_fresh(kind: str, count: int, path: Path, cpu: int | None, src: str | None = None) -> Result:
    """``measure`` in a newly spawned interpreter, so ``ru_maxrss`` is this run's peak alone; with ``src``, the
    kliping of that folder (another tree's ``src``) is measured instead of the installed one."""
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_child, args=(kind, count, str(path), cpu, queue, src))
    proc.start()
    result: Result = queue.get()
    proc.join()
    return result


def profile(path: Path, cpu: int | None, top: int) -> None:
    """cProfile of the chain over ``path``; prints kliping's functions by cumulative time."""
    _pin(cpu)
    from kliping.jsonout import article_line
    from kliping.model import Skipped
    from kliping.pipeline import extract
    from kliping.read.html import read_html  # noqa: F401

    prof = cProfile.Profile()
    t0 = time.perf_counter()
    prof.enable()
    n = 0
    for item in extract([str(path)]):
        if not isinstance(item, Skipped):
            article_line(item)
        n += 1
    prof.disable()
    wall = time.perf_counter() - t0
    out = io.StringIO()
    stats = pstats.Stats(prof, stream=out)
    total = stats.total_tt  # type: ignore[attr-defined]
    print(f"profile: {n} inputs from {path}, {wall:.1f} s wall, {total:.1f} s profiled")
    rows = []
    for (file, line, func), (_cc, calls, tt, ct, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        rows.append((ct, tt, calls, f"{_short(file)}:{line}({func})"))
    rows.sort(reverse=True)
    print(f"{'cum %':>6s} {'self %':>6s} {'calls':>9s}  function")
    shown = 0
    for ct, tt, calls, name in rows:
        if shown >= top:
            break
        if name.startswith(("~", "<")) or "cProfile" in name:
            continue
        print(f"{100 * ct / total:6.1f} {100 * tt / total:6.1f} {calls:9d}  {name}")
        shown += 1
    print("\nby self time:")
    rows.sort(key=lambda r: r[1], reverse=True)
    for ct, tt, calls, name in rows[:top]:
        print(f"{100 * ct / total:6.1f} {100 * tt / total:6.1f} {calls:9d}  {name}")


def against(corpus: Any, kinds: list[str], counts: list[int], html_counts: list[int], cpu: int | None,
            other: Path, rounds: int) -> None:
    """This tree and ``other`` on the same inputs, in turn, ``rounds`` times each, each run in a fresh process on
    the same core: a shared machine's load falls on both alike. Prints the median CPU ms per article of each and
    their ratio."""
    print(f"measuring on core {cpu}: this tree against {other}, {rounds} rounds each, in turn\n")
    header = (f"{'kind':5s} {'count':>6s} {'this ms/art':>11s} {'other ms/art':>12s} {'this/other':>10s}"
              "  rounds (this | other)")
    print(header)
    print("-" * len(header))
    for kind in kinds:
        for count in html_counts if kind == "html" else counts:
            mine: list[float] = []
            theirs: list[float] = []
            for _ in range(rounds):
                for runs, src in ((mine, None), (theirs, str(other))):
                    r = measure_fresh(kind, count, corpus.inputs[kind, count], cpu, src)
                    if src is not None and Path(r.tree).resolve() != other.resolve():
                        sys.exit(f"error: the --against run imported kliping from {r.tree}, not {other}")
                    runs.append(1000 * r.cpu_seconds / max(1, r.articles + r.skipped))
            a, b = statistics.median(mine), statistics.median(theirs)
            print(f"{kind:5s} {count:6d} {a:11.2f} {b:12.2f} {a / b:10.2f}  "
                  f"{' '.join(f'{x:.2f}' for x in mine)} | {' '.join(f'{x:.2f}' for x in theirs)}", flush=True)
    print("\nCPU ms per input (articles and skips), one-time costs (imports, models, regexes) included.")


def _short(file: str) -> str:
    for marker in ("/src/kliping/", "/site-packages/", "/lib/python3"):
        if marker in file:
            return ("kliping/" if marker == "/src/kliping/" else "") + file.split(marker, 1)[1]
    return file


# ── command line ────────────────────────────────────────────────────────────────────────────

# The whole per-article chain, read → clean → describe → annotate (issue 3: ≥ 150 text articles/s per core;
# issue 2 asked ≥ 300 for read → describe alone, before annotation existed).
AIMS = {"text": 150.0, "html": 50.0, "jsonl": 150.0}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--indosum", type=Path, default=DEFAULT_INDOSUM, help=f"folder holding {INDOSUM_FILE}")
    parser.add_argument("--counts", default="2000,10000", help="article counts to measure, comma-separated")
    parser.add_argument("--count", type=int, help="measure this one count only")
    parser.add_argument("--html-counts", help="counts for HTML only (default: --counts)")
    parser.add_argument("--kinds", default="text,html,jsonl", help=f"any of {','.join(KINDS)}")
    parser.add_argument("--quick", action="store_true", help="a tiny run: 200 and 400 articles")
    parser.add_argument(
        "--html-max-kb",
        type=int,
        default=100,
        help="largest HTML page (sizes are log-uniform from 3 KB); real news pages often exceed 100",
    )
    parser.add_argument("--cpu", type=int, help="core to pin to (default: the first one allowed)")
    parser.add_argument("--profile", choices=KINDS, help="instead of timing, cProfile one kind at the largest count")
    parser.add_argument("--top", type=int, default=30, help="functions to list with --profile")
    parser.add_argument("--keep", type=Path, help="write the generated inputs here and keep them")
    parser.add_argument("--against", type=Path,
                        help="another tree's src folder (a git worktree of an older commit): both measured in turn")
    parser.add_argument("--rounds", type=int, default=3, help="runs of each tree with --against (default: 3)")
    args = parser.parse_args(argv)
    if args.against is not None and not (args.against / "kliping" / "__init__.py").is_file():
        parser.error(f"--against {args.against}: no kliping package there (give a tree's src folder)")
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")

    counts = [200, 400] if args.quick else [int(c) for c in args.counts.split(",") if c.strip()]
    if args.count:
        counts = [args.count]
    html_counts = (
        counts
        if args.quick or args.count or not args.html_counts
        else [int(c) for c in args.html_counts.split(",") if c.strip()]
    )
    kinds = [k.strip() for k in args.kinds.split(",") if k.strip()]
    if args.profile:
        kinds = [args.profile]
        counts = html_counts = [max(counts if args.profile != "html" else html_counts)]
    if bad := [k for k in kinds if k not in KINDS]:
        parser.error(f"unknown kind(s) {bad}; choose from {KINDS}")
    if any(c <= 0 for c in counts + html_counts):
        parser.error("counts must be positive")
    cpu = args.cpu
    if cpu is None and hasattr(os, "sched_getaffinity"):
        cpu = min(os.sched_getaffinity(0))

    sources = load_indosum(args.indosum) + load_seeds(SEEDS)
    all_counts = sorted(set(counts) | (set(html_counts) if "html" in kinds else set()))
    root = args.keep or Path(tempfile.mkdtemp(prefix="kliping-speed-"))
    if args.keep:
        if root.exists() and any(root.iterdir()):
            parser.error(f"--keep folder {root} is not empty")
        root.mkdir(parents=True, exist_ok=True)
    try:
        t0 = time.perf_counter()
        corpus = build(root, sources, kinds, all_counts, args.html_max_kb)
        print(
            f"built {max(all_counts)} articles per kind from {len(sources)} real articles "
            f"in {time.perf_counter() - t0:.1f} s (not measured) under {root}"
        )
        for kind, (lo, mean, hi) in corpus.sizes.items():
            print(f"  {kind:5s} bytes/article: min {lo:,}  mean {mean:,}  max {hi:,}")
        if args.profile:
            profile(corpus.inputs[args.profile, counts[0]], cpu, args.top)
            return 0
        if args.against is not None:
            against(corpus, kinds, counts, html_counts, cpu, args.against, args.rounds)
            return 0
        print(f"measuring on core {cpu}, each row in a fresh process\n")
        header = (
            f"{'kind':5s} {'count':>6s} {'seconds':>8s} {'art/s':>7s} {'aim':>5s} {'cpu s':>7s} {'art/cpu-s':>9s} "
            f"{'json %':>6s} {'base MB':>8s} {'peak RSS MB':>11s} {'skipped':>7s}"
        )
        print(header)
        print("-" * len(header))
        results: list[Result] = []
        for kind in kinds:
            for count in html_counts if kind == "html" else counts:
                r = measure_fresh(kind, count, corpus.inputs[kind, count], cpu)
                results.append(r)
                rate = (r.articles + r.skipped) / r.seconds if r.seconds else 0.0
                cpu_rate = (r.articles + r.skipped) / r.cpu_seconds if r.cpu_seconds else 0.0
                ok = "ok" if rate >= AIMS[kind] else "LOW"
                print(
                    f"{r.kind:5s} {r.count:6d} {r.seconds:8.1f} {rate:7.1f} {ok:>5s} "
                    f"{r.cpu_seconds:7.1f} {cpu_rate:9.1f} "
                    f"{100 * r.json_seconds / r.seconds if r.seconds else 0:6.1f} {r.base_rss_mb:8.0f} "
                    f"{r.peak_rss_mb:11.0f} {r.skipped:7d}",
                    flush=True,
                )
        print(
            f"\naims: ≥ {AIMS['text']:.0f} text articles/s, ≥ {AIMS['html']:.0f} HTML pages/s per core; "
            "peak RSS flat as count grows.\n"
            "base MB = RSS after imports, before the first article; art/s is wall-clock, art/cpu-s per CPU second\n"
            "(a gap between them means the core was shared with other work)."
        )
        for r in results:
            for reason, n in sorted(r.reasons.items(), key=lambda kv: -kv[1])[:3]:
                print(f"  skipped {r.kind} {r.count} x{n}: {reason} (e.g. {', '.join(r.examples[reason])})")
        for kind in kinds:
            rows = [r for r in results if r.kind == kind]
            if len(rows) > 1:
                growth = rows[-1].peak_rss_mb - rows[0].peak_rss_mb
                print(
                    f"  {kind}: peak RSS {rows[0].peak_rss_mb:.0f} → {rows[-1].peak_rss_mb:.0f} MB "
                    f"({growth:+.0f} MB) from {rows[0].count} to {rows[-1].count} articles"
                )
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
