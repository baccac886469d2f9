"""Hostile inputs, generated from a seed, through ``kliping.pipeline.extract``: no crash, every input accounted
for, and how long the worst of them take.

The classes are the ones issue 12 was found with: single-line articles of megabytes (txt, html, jsonl,
warc), quote floods, floods of one short token (``.``, ``1/``, ``a@b.c``, U+202E), a ``<p>`` with 100,000
attributes, deeply nested HTML, huge attributes, gzip bombs, floods of ``{}`` in .jsonl.gz, WARC records
whose Content-Length lies, NUL bytes, invalid UTF-8, mixed encodings, control characters, empty files,
random bytes under every known extension, and a plain article with random bytes flipped, cut or
repeated. Each class is wrapped in a container the seed picks (txt, html, jsonl, warc, gzipped or not).

``scale`` sizes them: 1.0 is the issue's full sizes (a 5 MB line, 1,000,000 dots, a 1 GB gzip bomb);
``tests/test_fuzz.py`` runs a few hundred of them at a small scale in CI.

    python benchmarks/fuzz.py                       # 2,000 inputs, full sizes (about an hour on one core)
    python benchmarks/fuzz.py --count 300 --scale 0.1 --seed 7

Each input is one ``extract`` call, timed in CPU seconds (``time.process_time``; the machine may be
shared); the run prints inputs per second, the slowest inputs with their classes and times, the time
per class, and the peak RSS of the process.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import resource
import signal
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

CONTAINERS = ("txt", "html", "jsonl", "warc")
EXTENSIONS = (".txt", ".html", ".htm", ".jsonl", ".warc", ".warc.gz", ".txt.gz", ".html.gz", ".jsonl.gz")
WORDS = ("pemerintah", "daerah", "banjir", "harga", "beras", "naik", "kata", "menteri", "warga", "di", "ke",
         "yang", "dan", "pada", "Senin", "Jakarta", "Bekasi", "Rudi", "Hartono", "ketua", "rapat", "2024")
PLAIN = ("Banjir Merendam Bekasi\n\nBEKASI - Banjir merendam tiga kecamatan di Bekasi pada Senin (4/3/2024).\n\n"
         "\"Air naik sejak subuh,\" kata Rudi Hartono, warga Jatiasih.\n\n"
         "Menurut Kepala BPBD Sari Wulandari, 1.200 warga mengungsi ke balai desa.\n")

Input = tuple[str, str, bytes]  # (class, file name, content)


def _n(full: int, scale: float) -> int:
    return max(1, int(full * scale))


def _words(rng: random.Random, chars: int) -> str:
    out: list[str] = []
    size = 0
    while size < chars:
        word = rng.choice(WORDS)
        out.append(word)
        size += len(word) + 1
    return " ".join(out)


def wrap(text: str, container: str, rng: random.Random) -> tuple[str, bytes]:
    """``text`` as an article in ``container``: (extension, bytes)."""
    if container == "txt":
        return ".txt", text.encode("utf-8", "surrogatepass")
    if container == "html":
        return ".html", _page(text).encode("utf-8", "surrogatepass")
    if container == "jsonl":
        key = rng.choice(("text", "html"))
        value = text if key == "text" else _page(text)
        return ".jsonl", json.dumps({key: value, "id": "f"}).encode() + b"\n"
    return ".warc", warc_record(_page(text).encode("utf-8", "surrogatepass"))


def _page(text: str) -> str:
    return f"<html><head><title>Berita</title></head><body><article><p>{text}</p></article></body></html>"


def warc_record(payload: bytes, *, declared: int | None = None, uri: str = "https://contoh.id/berita/1") -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + payload
    length = len(http) if declared is None else declared
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-03-04T00:00:00Z\r\n"
            f"WARC-Record-ID: <urn:uuid:{random.Random(uri).getrandbits(128):032x}>\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {length}\r\n\r\n")
    return head.encode() + http + b"\r\n\r\n"


# --- the classes: (rng, scale) → (extension, bytes) -----------------------------------------------


def long_line(rng: random.Random, scale: float) -> tuple[str, bytes]:
    return wrap(_words(rng, _n(5_000_000, scale)), rng.choice(CONTAINERS), rng)


def flood(unit: str, full: int) -> Callable[[random.Random, float], tuple[str, bytes]]:
    def make(rng: random.Random, scale: float) -> tuple[str, bytes]:
        return wrap(unit * _n(full, scale), rng.choice(CONTAINERS), rng)
    return make


def many_attributes(rng: random.Random, scale: float) -> tuple[str, bytes]:
    attrs = " ".join(f"a{i}=\"{i}\"" for i in range(_n(100_000, scale)))
    return ".html", f"<html><body><p {attrs}>Harga beras naik di pasar induk.</p></body></html>".encode()


def nested(rng: random.Random, scale: float) -> tuple[str, bytes]:
    depth = _n(100_000, scale)
    tag = rng.choice(("div", "p", "span", "b", "table"))
    return ".html", (f"<html><body>{f'<{tag}>' * depth}Harga beras naik.{f'</{tag}>' * depth}</body></html>").encode()


def huge_attribute(rng: random.Random, scale: float) -> tuple[str, bytes]:
    value = "x" * _n(5_000_000, scale)
    return ".html", f"<html><body><a href=\"{value}\">tautan</a><p>{PLAIN}</p></body></html>".encode()


def gzip_bomb(rng: random.Random, scale: float) -> tuple[str, bytes]:
    ext, content = wrap(PLAIN, rng.choice(("txt", "html", "jsonl")), rng)
    fill = b"\n" if ext == ".jsonl" else b"a"
    total = _n(1_000_000_000, scale)
    step = min(total, 1_000_000)  # compressed in members, so building a 1 GB bomb takes no 1 GB
    body = gzip.compress(fill * step, 9) * -(-total // step)
    out = gzip.compress(content, 1)
    return ext + ".gz", out + body


def aligned_gzip(rng: random.Random, scale: float) -> tuple[str, bytes]:
    """Members of gzip whose inflated size is a multiple of 64 KB: read.streams.Gunzip looped on them (issue 12)."""
    ext, content = wrap(PLAIN, rng.choice(("txt", "jsonl")), rng)
    fill = b"\n" if ext == ".jsonl" else b"a"
    return ext + ".gz", gzip.compress(content, 1) + gzip.compress(fill * (1 << 16) * rng.randint(1, 16), 9)


def brace_flood(rng: random.Random, scale: float) -> tuple[str, bytes]:
    return ".jsonl.gz", gzip.compress(b"{}\n" * _n(1_000_000, scale), 6)


def lying_warc(rng: random.Random, scale: float) -> tuple[str, bytes]:
    records = []
    for i in range(rng.randint(2, 6)):
        payload = _page(PLAIN).encode()
        true = len(payload) + 60
        declared = rng.choice((true + rng.randint(1, 5000), max(0, true - rng.randint(1, 200)), 10**12, 0, true))
        records.append(warc_record(payload, declared=declared, uri=f"https://contoh.id/{i}"))
    data = b"".join(records)
    if rng.random() < 0.3:
        data = gzip.compress(data)
        return ".warc.gz", data
    return ".warc", data


def nul_bytes(rng: random.Random, scale: float) -> tuple[str, bytes]:
    text = PLAIN * _n(2000, scale)
    positions = sorted(rng.randrange(len(text)) for _ in range(rng.randint(1, 50)))
    out = text
    for p in reversed(positions):
        out = out[:p] + "\x00" * rng.randint(1, 20) + out[p:]
    return wrap(out, rng.choice(CONTAINERS), rng)


def invalid_utf8(rng: random.Random, scale: float) -> tuple[str, bytes]:
    data = bytearray((PLAIN * _n(2000, scale)).encode())
    for _ in range(rng.randint(1, 200)):
        data[rng.randrange(len(data))] = rng.choice((0x80, 0xC3, 0xE2, 0xF0, 0xFF, 0xFE))
    return rng.choice((".txt", ".html", ".jsonl")), bytes(data)


def mixed_encodings(rng: random.Random, scale: float) -> tuple[str, bytes]:
    parts = []
    for _ in range(_n(2000, scale)):
        line = rng.choice(("Harga naik di café Jatiasih — kata Rudi.", "Menteri berkata: «cukup».", PLAIN))
        parts.append(line.encode(rng.choice(("utf-8", "latin-1", "cp1252", "utf-16")), "replace"))
    return rng.choice((".txt", ".html")), b"\n".join(parts)


def control_chars(rng: random.Random, scale: float) -> tuple[str, bytes]:
    chars = [chr(c) for c in (*range(1, 9), 11, 12, *range(14, 32), 127, 0x85, 0x2028, 0x2029, 0xFEFF, 0x200B)]
    text = "".join(rng.choice(chars) if rng.random() < 0.05 else c for c in PLAIN * _n(500, scale))
    return wrap(text, rng.choice(CONTAINERS), rng)


def empty(rng: random.Random, scale: float) -> tuple[str, bytes]:
    return rng.choice(EXTENSIONS), rng.choice((b"", b" ", b"\n" * rng.randint(1, 1000), b"\xef\xbb\xbf"))


def random_bytes(rng: random.Random, scale: float) -> tuple[str, bytes]:
    return rng.choice(EXTENSIONS), rng.randbytes(rng.randint(1, _n(1_000_000, scale)))


def mutated(rng: random.Random, scale: float) -> tuple[str, bytes]:
    ext, data = wrap(PLAIN, rng.choice(CONTAINERS), rng)
    buf = bytearray(data)
    for _ in range(rng.randint(1, 20)):
        if not buf:
            break
        at = rng.randrange(len(buf))
        kind = rng.randrange(4)
        if kind == 0:
            buf[at] = rng.randrange(256)
        elif kind == 1:
            del buf[at: at + rng.randint(1, 50)]
        elif kind == 2:
            buf[at:at] = buf[at: at + rng.randint(1, 50)] * rng.randint(2, _n(2000, scale) + 1)
        else:
            buf[at:at] = rng.choice((b"\"", b"<", b">", b"{", b"}", b"\r", b"\x00", b"\xff", b"\\u0000"))
    return ext, bytes(buf)


CLASSES: dict[str, Callable[[random.Random, float], tuple[str, bytes]]] = {
    "5 MB single line": long_line,
    "quote flood": flood("\"Kata,\" kata Putin. ", 50_000),
    ". x 1M": flood(".", 1_000_000),
    "1/ x 500k": flood("1/", 500_000),
    "a@b.c x 166k": flood("a@b.c ", 166_000),
    "U+202E x 1M": flood("\u202e", 1_000_000),
    "<p> with 100k attributes": many_attributes,
    "deeply nested HTML": nested,
    "huge attribute": huge_attribute,
    "gzip bomb": gzip_bomb,
    "gzip member of 64 KB x n": aligned_gzip,
    "{} flood in .jsonl.gz": brace_flood,
    "lying WARC Content-Length": lying_warc,
    "NUL bytes": nul_bytes,
    "invalid UTF-8": invalid_utf8,
    "mixed encodings": mixed_encodings,
    "control characters": control_chars,
    "empty file": empty,
    "random bytes": random_bytes,
    "mutated article": mutated,
}


def generate(seed: int, count: int, scale: float) -> list[Input]:
    """``count`` inputs: every class at least once (in order), then classes at random; all from ``seed``."""
    rng = random.Random(seed)
    names = list(CLASSES)
    chosen = names[:count] + [rng.choice(names) for _ in range(count - len(names))]
    out: list[Input] = []
    for n, name in enumerate(chosen):
        ext, content = CLASSES[name](rng, scale)
        out.append((name, f"fuzz{n:05d}{ext}", content))
    return out


def accounted(path: str, items: list) -> bool:  # type: ignore[type-arg]
    """Every input yields at least one article or skip, and all of them name it."""
    return bool(items) and all(item.source.startswith(path) for item in items)


class _Hung(BaseException):
    pass


def _hung(signum: int, frame: object) -> None:
    raise _Hung


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--slowest", type=int, default=15)
    parser.add_argument("--guard", type=int, default=300, help="wall seconds after which an input counts as hung")
    parser.add_argument("--skip", action="append", default=[], help="leave out a class (may repeat)")
    args = parser.parse_args()
    signal.signal(signal.SIGALRM, _hung)
    for name in args.skip:
        CLASSES.pop(name)

    from kliping import budget
    from kliping.model import Article
    from kliping.pipeline import extract

    per_class: dict[str, list[float]] = defaultdict(list)
    timings: list[tuple[float, str, str, int, str]] = []
    failures: list[str] = []
    articles = skips = over = 0
    total_cpu = 0.0
    made = 0.0
    with tempfile.TemporaryDirectory(prefix="kliping-fuzz-") as tmp:
        start = time.perf_counter()
        # generated in batches of 100, so the full run never holds 2,000 inputs of megabytes at once
        rng_seeds = random.Random(args.seed)
        batch_size = 100
        done = 0
        while done < args.count:
            size = min(batch_size, args.count - done)
            t0 = time.perf_counter()
            batch = generate(rng_seeds.randrange(1 << 30), size, args.scale) if done else \
                generate(args.seed, size, args.scale)
            made += time.perf_counter() - t0
            for name, filename, content in batch:
                path = Path(tmp) / f"{done:05d}-{filename}"
                path.write_bytes(content)
                cpu = time.process_time()
                signal.alarm(args.guard)
                try:
                    items = list(extract([str(path)]))
                except _Hung:
                    failures.append(f"{name} {path.name}: did not finish in {args.guard} s (wall)")
                    items = []
                except BaseException as err:  # noqa: BLE001 - a crash is what this looks for
                    failures.append(f"{name} {path.name}: {type(err).__name__}: {err}"[:300])
                    items = []
                finally:
                    signal.alarm(0)
                spent = time.process_time() - cpu
                total_cpu += spent
                per_class[name].append(spent)
                if items and not accounted(str(path), items):
                    failures.append(f"{name} {path.name}: an item names another input")
                elif not items and not (failures and path.name in failures[-1]):
                    failures.append(f"{name} {path.name}: nothing came out")
                articles += sum(isinstance(i, Article) for i in items)
                skips += sum(not isinstance(i, Article) for i in items)
                over += sum("to annotate (CPU time" in getattr(i, "reason", "") for i in items)
                first = next((getattr(i, "reason", "article") for i in items), "")
                timings.append((spent, name, path.name, len(content), first or "did not finish"))
                path.unlink()
                done += 1
            print(f"  {done:,} inputs, {total_cpu:,.0f} CPU s", file=sys.stderr)
        wall = time.perf_counter() - start - made
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\n{args.count:,} inputs (seed {args.seed}, scale {args.scale:g}): {articles:,} articles, "
          f"{skips:,} skipped ({over} over the {budget.article_seconds():g} s budget); "
          f"{args.count / total_cpu:.1f} inputs per CPU-second ({total_cpu:,.0f} CPU s, {wall:,.0f} s wall, "
          f"generating not counted); peak RSS {peak_mb:,.0f} MB")
    print(f"\nslowest {args.slowest}:")
    for spent, name, filename, size, first in sorted(timings, reverse=True)[: args.slowest]:
        print(f"  {spent:7.2f} s  {name:26} {size:>13,} bytes  {filename}  → {first[:70]}")
    print("\nper class: inputs, mean and max CPU s")
    for name in CLASSES:
        times = per_class.get(name, [])
        if times:
            print(f"  {name:26} {len(times):5}  {sum(times) / len(times):7.3f}  {max(times):7.2f}")
    for failure in failures:
        print("FAILED", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
