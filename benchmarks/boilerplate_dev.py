"""Page furniture and headlines on the dev split → the cleaner's scores (never the test split).

Three measurements on ``tests/fixtures/chain/dev.jsonl.gz``:

1. English HTML pages: the lines kliping removes (any reason but ``headline``) against the lines
   ``scripts/build_chain_sets.py``'s ``derived_boilerplate`` derives from the benchmark's
   hand-checked article body; P/R/F1 over lines as in ``kliping.eval._score_boilerplate``.
2. Headlines of ``.txt``: every IndoSum row written with its title line first must keep that title;
   written without it, the lead paragraph must stay in the body and must not become the title.
3. Furniture inserted between real dev paragraphs: the self-written lines below (modelled on the
   kinds of furniture Indonesian outlets print, not copied from any page) must be removed (recall),
   and the real paragraphs must stay (precision).

    python benchmarks/boilerplate_dev.py [--errors] [--only html|txt|inserted]
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import random
import sys
from pathlib import Path
from typing import Any

from kliping.clean import clean, normalise_line
from kliping.errors import Rejected
from kliping.read.html import read_html
from kliping.read.text import read_text

REPO = Path(__file__).resolve().parent.parent
DEV = REPO / "tests" / "fixtures" / "chain" / "dev.jsonl.gz"
TRUTH = REPO.parent / "shared" / "benchmarks" / "article-extraction" / "ground-truth.json"

# Self-written furniture of the kinds seen on Indonesian news pages (one line each). Names,
# outlets and titles are made up; what matters is the shape.
FURNITURE = [
    "Dewi Anggraini,", "Tim Redaksi", "- Pewarta", "author beritakita.id", "Penulis Tim Liputan",
    "waktu baca 3 menit", "Waktu baca: 4 menit", "A", "A A", "·", "+", "Sepak Bola", "Ekonomi Bisnis",
    "Ikuti berita terkini dari Kabarsatu di Google News", "Kabarsatu Hadir di WhatsApp Channel",
    "Simak! Video Pilihan Redaksi:", "• ANTARA FOTO/Budi Santoso", "Sumber :", "Sumber: Antara",
    " date 2023-05-01", "title Harga beras naik", "Dengarkan berita ini", "Copy link",
    "Link copied", "Bagikan artikel ini", "Ikuti kami di Instagram", "Klik di sini untuk berlangganan",
    "Editor: Andi Saputra", "Pewarta: Rudi Hartono", "(rdh/ant)", "Halaman selanjutnya",
    "Petani Jagung Keluhkan Harga Pupuk yang Terus Naik", "Pemkot Siapkan Lahan Relokasi Pedagang",
    "5 Fakta Menarik Jelang Laga Final Piala Presiden", "Advertisement", "Scroll untuk melanjutkan",
    "Gabung di Saluran WhatsApp Kabarsatu", "Foto: Istimewa", "ilustrasi (foto: pixabay)",
    "Reporter: Siti Aminah | Editor: Joko", "Terpopuler", "Berita Terkait", "Tag",
    "Dapatkan berita terbaru setiap hari di aplikasi Kabarsatu",
]

# Paragraphs of the dev articles themselves that are page furniture (initials, "Sumber: …",
# "(Baca: …)", a disclosure, a lone dash, a correction note), judged by reading them: (id prefix, paragraph index).
# Removing them is right, so precision in 3. does not count them against the cleaner.
JUDGED_FURNITURE = {
    ("1517346900", 17), ("1475951457", 8), ("1513214722", 12), ("1500411600", 16), ("1516215600", 11),
    ("1505250900", 5), ("1506806515", 4), ("1511469000", 5), ("1511469000", 6), ("1499277600", 8),
    ("1516233600", 8), ("1515046500", 8), ("1515748878", 4), ("1513136983", 6), ("1513136983", 13),
    ("1503716590", 1), ("1496296800", 1), ("1519440673", 3), ("1519440673", 7), ("1513295866", 3),
    ("1516756500", 7), ("1479157220", 7), ("1513903431", 9),
}


def _load_builder() -> Any:
    spec = importlib.util.spec_from_file_location("build_chain_sets", REPO / "scripts" / "build_chain_sets.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _norm(text: str) -> str:
    return normalise_line(text).casefold()


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def html_pages(rows: list[dict[str, Any]], show: bool) -> None:
    builder = _load_builder()
    truth = json.loads(TRUTH.read_text(encoding="utf-8"))
    tp = fp = fn = 0
    errors = []
    for row in rows:
        if "html" not in row:
            continue
        boiler, neutral = builder.derived_boilerplate(row["html"], truth[row["id"]]["articleBody"], row["url"])
        expected, neutral_n = {_norm(x) for x in boiler}, {_norm(x) for x in neutral}
        try:
            cleaned = clean(read_html(row["html"], source=row["url"], id=row["id"], url=row["url"]))
        except Rejected:
            fn += len(expected)
            continue
        removed = {_norm(r.text): r for r in cleaned.removed if r.reason != "headline"}
        for key, r in removed.items():
            if key in expected:
                tp += 1
            elif key not in neutral_n:
                fp += 1
                errors.append(f"  FP {row['id'][:12]} [{r.reason}] {r.text[:100]}")
        for key in expected:
            if key not in removed:
                fn += 1
                errors.append(f"  FN {row['id'][:12]} {key[:100]}")
    p, r, f = _prf(tp, fp, fn)
    print(f"1. html boilerplate lines  P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (tp {tp}, fp {fp}, fn {fn})")
    if show:
        print("\n".join(sorted(errors)))


def _paragraphs(text: str) -> list[str]:
    return [n for n in (normalise_line(x) for x in text.split("\n")) if n]


def txt_headlines(rows: list[dict[str, Any]], show: bool) -> None:
    kept = lead_kept = total = 0
    errors = []
    for row in rows:
        if "text" not in row or not row.get("title"):
            continue
        total += 1
        paras = _paragraphs(row["text"])
        with_title = f"{row['title']}\n\n{row['text']}".encode()
        cleaned = clean(read_text(with_title, source="x.txt", id=row["id"]))
        if cleaned.title and _norm(cleaned.title) == _norm(row["title"]):
            kept += 1
        else:
            errors.append(f"  title lost {row['id'][:12]}: {row['title'][:60]!r} -> {str(cleaned.title)[:60]!r}")
        cleaned = clean(read_text(row["text"].encode(), source="x.txt", id=row["id"]))
        body = _paragraphs(cleaned.body)
        if paras and paras[0] in body and not (cleaned.title and _norm(cleaned.title) == _norm(paras[0])):
            lead_kept += 1
        else:
            errors.append(f"  lead lost {row['id'][:12]}: {paras[0][:90]!r}")
    print(f"2. txt headline kept {kept}/{total} ({kept / total:.3f}); "
          f"without headline, lead kept in body {lead_kept}/{total} ({lead_kept / total:.3f})")
    if show:
        print("\n".join(errors))


def inserted(rows: list[dict[str, Any]], show: bool) -> None:
    rng = random.Random(11)
    tp = fp = fn = 0
    errors = []
    for row in rows:
        if "text" not in row or not row.get("title"):
            continue
        paras = _paragraphs(row["text"])
        lines = list(paras)
        furniture = set()
        for _ in range(3):
            line = rng.choice(FURNITURE)
            lines.insert(rng.randint(1, len(lines) - 1) if len(lines) > 1 else 1, line)
            furniture.add(_norm(line))
        text = row["title"] + "\n" + "\n".join(lines)
        cleaned = clean(read_text(text.encode(), source="x.txt", id=row["id"]))
        removed = {_norm(r.text) for r in cleaned.removed if r.reason != "headline"}
        for key in furniture:
            if key in removed:
                tp += 1
            else:
                fn += 1
                errors.append(f"  FN {key[:100]}")
        for i, para in enumerate(paras):
            if (row["id"][:10], i) in JUDGED_FURNITURE:
                continue
            if _norm(para) in removed and _norm(para) not in furniture:
                fp += 1
                errors.append(f"  FP {row['id'][:12]} {para[:100]}")
    p, r, f = _prf(tp, fp, fn)
    print(f"3. inserted furniture      P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (tp {tp}, fp {fp}, fn {fn})")
    if show:
        print("\n".join(sorted(set(errors))))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--errors", action="store_true", help="list every miss")
    parser.add_argument("--only", choices=("html", "txt", "inserted"))
    args = parser.parse_args()
    with gzip.open(DEV, "rt", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    for name, run in (("html", html_pages), ("txt", txt_headlines), ("inserted", inserted)):
        if args.only in (None, name):
            run(rows, args.errors)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
