"""Broken or hostile inputs: each is skipped with a reason naming it, and the run goes on."""

from __future__ import annotations

import builtins
import gzip
import html
import io
import json
import os
import random
import signal
import struct
import time
import tracemalloc
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from kliping.model import RawDocument, Skipped
from kliping.read import iter_documents

SEEDS = sorted((Path(__file__).parents[1] / "examples" / "seeds").glob("*.txt"))
GOOD_ID = SEEDS[0].stem


@pytest.fixture
def good(tmp_path: Path) -> str:
    """A real article that must come out of every call, whatever else is given with it."""
    target = tmp_path / "good" / SEEDS[0].name
    target.parent.mkdir()
    target.write_bytes(SEEDS[0].read_bytes())
    return str(target)


def run(*paths: str, **kwargs: Any) -> tuple[list[RawDocument], list[Skipped]]:
    items = list(iter_documents(list(paths), **kwargs))
    docs = [item for item in items if isinstance(item, RawDocument)]
    skipped = [item for item in items if isinstance(item, Skipped)]
    assert len(docs) + len(skipped) == len(items)
    return docs, skipped


def assert_good_came_out(docs: list[RawDocument]) -> None:
    assert GOOD_ID in [doc.id for doc in docs]
    [article] = [doc for doc in docs if doc.id == GOOD_ID]
    assert article.text.startswith("Putin: Rusia-Korut Berpeluang Kerja Sama Militer")


def seed_page(index: int) -> bytes:
    title, *paragraphs = [line for line in SEEDS[index].read_text("utf-8").splitlines() if line]
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    markup = f"<html><head><title>{html.escape(title)}</title></head><body><article>{body}"
    return (markup + "</article></body></html>").encode("utf-8")


def test_empty_file_is_skipped(tmp_path: Path, good: str) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.html"
    blank.write_bytes(b" \r\n\t\n")
    docs, skipped = run(str(empty), good, str(blank))
    assert [(s.source, s.reason) for s in skipped] == [
        (str(empty), "empty file"),
        (str(blank), "empty file"),
    ]
    assert_good_came_out(docs)


def png_bytes() -> bytes:
    """A real PNG start: the 8-byte signature and a valid 1x1 IHDR chunk."""
    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    chunk = struct.pack(">I", len(ihdr)) + b"IHDR" + ihdr
    return b"\x89PNG\r\n\x1a\n" + chunk + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))


def test_png_renamed_txt_is_skipped_as_binary(tmp_path: Path, good: str) -> None:
    fake = tmp_path / "photo.txt"
    fake.write_bytes(png_bytes() + bytes(range(256)) * 4)
    docs, [skipped] = run(str(fake), good)
    assert skipped.source == str(fake)
    assert skipped.reason == "binary file (PNG image), not text"
    assert_good_came_out(docs)


def test_invalid_utf8_bytes_are_skipped_as_not_text(tmp_path: Path, good: str) -> None:
    noise = random.Random(7)
    garbage = tmp_path / "garbage.txt"
    garbage.write_bytes(bytes(noise.randrange(0x80, 0x100) for _ in range(4096)))
    docs, [skipped] = run(good, str(garbage))
    assert skipped.source == str(garbage)
    assert skipped.reason.startswith("not text:")
    assert_good_came_out(docs)


def test_windows_1252_text_is_decoded_not_skipped(tmp_path: Path, good: str) -> None:
    legacy = tmp_path / "lama.txt"
    text = (
        "Wisata kuliner di Bandung\n\n"
        "Pengunjung memadati kafé di Jalan Braga, Minggu (17/9/2023). "
        "“Kami datang dari Jakarta,” kata Andi — seorang wisatawan — kepada wartawan.\n"
    )
    legacy.write_bytes(b"caf\xe9 \x93kutip\x94\n" + text.encode("cp1252"))
    docs, skipped = run(str(legacy), good)
    assert skipped == []
    [doc] = [d for d in docs if d.id == "lama"]
    assert doc.text.startswith("café “kutip”\n")
    assert "kafé di Jalan Braga" in doc.text
    assert "“Kami datang dari Jakarta,” kata Andi — seorang wisatawan —" in doc.text
    assert_good_came_out(docs)


def test_50_mb_file_is_skipped_as_too_large_without_reading_it(tmp_path: Path, good: str) -> None:
    huge = tmp_path / "huge.txt"
    block = SEEDS[1].read_bytes()
    with huge.open("wb") as handle:
        for _ in range(50_000_000 // len(block)):
            handle.write(block)
        handle.write(b"x" * (50_000_000 - handle.tell()))
    tracemalloc.start()
    started = time.perf_counter()
    try:
        docs, [skipped] = run(str(huge), good)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - started < 5
    assert peak < 3_000_000  # the 50 MB were never loaded
    assert skipped.source == str(huge)
    assert skipped.reason == "document too large: 50.0 MB, limit 10.0 MB"
    assert_good_came_out(docs)


def test_gzip_bomb_stops_at_the_limit(tmp_path: Path, good: str) -> None:
    bomb = tmp_path / "bomb.txt.gz"
    with gzip.open(bomb, "wb", compresslevel=9) as handle:
        for _ in range(50):
            handle.write(b"a " * 500_000)  # 50 MB of text in ~50 kB
    tracemalloc.start()
    try:
        docs, [skipped] = run(str(bomb), good)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 25_000_000  # at most the 10 MB limit, never the 50 MB
    assert skipped.source == str(bomb)
    assert skipped.reason == "document too large: over the 10.0 MB limit"
    assert_good_came_out(docs)


def _bomb(path: Path, lead: bytes, filler: bytes, megabytes: int) -> None:
    """``lead`` then ``megabytes`` MB of ``filler`` in one gzip member of a few hundred kB."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    chunk = filler * ((1 << 20) // len(filler))
    parts = [packer.compress(lead)] + [packer.compress(chunk) for _ in range(megabytes)]
    path.write_bytes(b"".join(parts) + packer.flush())


@pytest.mark.parametrize("filler", [b"\n", b" \r\n"])
def test_a_jsonl_bomb_stops_early_and_keeps_the_articles_before_it(
    tmp_path: Path, good: str, filler: bytes
) -> None:
    path = tmp_path / "arsip.jsonl.gz"
    lead = json.dumps({"id": "awal", "text": "Harga beras naik.\n\nPasokan berkurang."}).encode()
    _bomb(path, lead + b"\n", filler, 200)
    docs, skipped = run(str(path), good)
    assert "awal" in [doc.id for doc in docs]
    assert_good_came_out(docs)
    [bomb] = skipped  # one line for the bomb, not also one for its blank lines
    assert bomb.source == str(path)
    assert "over 200 times its size" in bomb.reason


def test_a_warc_bomb_is_one_skip_not_a_minutes_long_scan(tmp_path: Path, good: str) -> None:
    path = tmp_path / "arsip.warc.gz"
    _bomb(path, b"", b"\0", 200)
    docs, skipped = run(str(path), good)
    assert_good_came_out(docs)
    [only] = skipped  # not also "not the start of a WARC record" for its first NUL byte
    assert "decompression bomb" in only.reason and only.source.startswith(str(path))


def test_text_that_compresses_like_news_is_read_to_the_end(tmp_path: Path) -> None:
    # 80 MB of varied JSON lines (~10x compression) passes the ratio check untouched.
    rows = [json.dumps({"id": f"a{i}", "text": f"Berita nomor {i} {random.Random(i).random()}."})
            for i in range(40_000)]
    path = tmp_path / "besar.jsonl.gz"
    path.write_bytes(gzip.compress(("\n".join(rows) + "\n").encode(), 6))
    docs, skipped = run(str(path))
    assert len(docs) == 40_000 and not skipped


def test_html_without_body_is_skipped(tmp_path: Path, good: str) -> None:
    bodiless = tmp_path / "kosong.html"
    bodiless.write_text(
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Berita</title></head></html>',
        "utf-8",
    )
    docs, [skipped] = run(str(bodiless), good)
    assert skipped.source == str(bodiless)
    assert skipped.reason == "HTML has no article text"
    assert_good_came_out(docs)


def test_truncated_warc_gz_keeps_complete_records(tmp_path: Path, good: str) -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    starts = []
    for i in range(3):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")
        payload = io.BytesIO(seed_page(i + 1))
        record = writer.create_warc_record(
            f"https://a.id/{i}", "response", payload=payload, http_headers=headers
        )
        starts.append(buffer.tell())
        writer.write_record(record)
    data = buffer.getvalue()
    cut = tmp_path / "crawl.warc.gz"
    cut.write_bytes(data[: starts[2] + (len(data) - starts[2]) // 2])  # mid third record
    docs, [skipped] = run(str(cut), good)
    assert [doc.url for doc in docs if doc.format == "warc"] == ["https://a.id/0", "https://a.id/1"]
    assert skipped.source.startswith(f"{cut}#")
    assert skipped.reason.startswith("truncated or corrupt WARC:")
    assert_good_came_out(docs)


def test_truncated_uncompressed_warc_is_reported(tmp_path: Path, good: str) -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")
    payload = io.BytesIO(seed_page(1))
    writer.write_record(
        writer.create_warc_record("https://a.id/1", "response", payload, http_headers=headers)
    )
    cut = tmp_path / "cut.warc"
    cut.write_bytes(buffer.getvalue()[:-500])
    docs, [skipped] = run(good, str(cut))
    assert skipped.source.startswith(f"{cut}#")
    assert "truncated or corrupt WARC" in skipped.reason and "before its declared" in skipped.reason
    assert_good_came_out(docs)


def test_jsonl_line_that_is_not_json_costs_only_that_line(tmp_path: Path, good: str) -> None:
    lines = tmp_path / "lines.jsonl"
    lines.write_text(
        json.dumps({"id": "satu", "text": "Berita pertama."})
        + '\n{"id": "dua", "text": "tidak ditutup\n'
        + json.dumps({"id": "tiga", "text": "Berita ketiga."})
        + "\n",
        "utf-8",
    )
    docs, [skipped] = run(str(lines), good)
    assert skipped.source == f"{lines}:2"
    assert skipped.reason.startswith("not JSON:")
    assert [doc.id for doc in docs] == ["satu", "tiga", GOOD_ID]


def test_jsonl_huge_line_is_skipped_and_the_next_lines_still_read(
    tmp_path: Path, good: str
) -> None:
    lines = tmp_path / "big.jsonl"
    huge = json.dumps({"text": "kata " * 40_000})  # 200 kB
    lines.write_text(huge + "\n" + json.dumps({"id": "kecil", "text": "Singkat."}) + "\n")
    docs, [skipped] = run(str(lines), good, max_document_bytes=100_000)
    assert skipped.source == f"{lines}:1"
    assert skipped.reason == "document too large: 0.2 MB, limit 0.1 MB"
    assert [doc.id for doc in docs] == ["kecil", GOOD_ID]


@pytest.fixture
def as_if_not_root(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Root reads any file whatever its mode; make open() refuse chmod-000 files as for users."""
    if os.geteuid() == 0:
        real_open = builtins.open

        def guarded_open(file: Any, *args: Any, **kwargs: Any) -> Any:
            if isinstance(file, str | Path) and os.path.exists(file):
                if os.stat(file).st_mode & 0o777 == 0:
                    raise PermissionError(13, "Permission denied", str(file))
            return real_open(file, *args, **kwargs)

        monkeypatch.setattr(builtins, "open", guarded_open)
    yield


def test_unreadable_file_is_skipped(tmp_path: Path, good: str, as_if_not_root: None) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_bytes(SEEDS[2].read_bytes())
    locked.chmod(0)
    try:
        docs, [skipped] = run(str(locked), good)
    finally:
        locked.chmod(0o644)
    assert skipped.source == str(locked)
    assert skipped.reason == "permission denied: cannot read this file"
    assert_good_came_out(docs)


def test_named_pipe_is_refused_without_blocking(tmp_path: Path, good: str) -> None:
    # Opening a FIFO with no writer blocks forever, for root too; the alarm fails the test.
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    signal.signal(signal.SIGALRM, lambda *_: pytest.fail("reading a FIFO blocked"))
    signal.alarm(5)
    try:
        docs, [skipped] = run(str(fifo), good)
    finally:
        signal.alarm(0)
    assert skipped.source == str(fifo)
    assert skipped.reason == "not a regular file (a named pipe)"
    assert_good_came_out(docs)


@pytest.mark.skipif(not os.path.exists("/proc/self/mem"), reason="needs Linux /proc")
def test_file_whose_read_fails_is_skipped(good: str) -> None:
    # A real read error, even for root: /proc/self/mem has nothing mapped at offset 0 (EIO).
    docs, [skipped] = run("/proc/self/mem", good)
    assert skipped.source == "/proc/self/mem"
    assert skipped.reason == "cannot read: Input/output error"
    assert_good_came_out(docs)


def test_missing_path_and_broken_symlink_are_skipped(tmp_path: Path, good: str) -> None:
    missing = tmp_path / "tidak-ada.txt"
    dangling = tmp_path / "dangling.txt"
    dangling.symlink_to(tmp_path / "gone.txt")
    docs, skipped = run(str(missing), good, str(dangling))
    assert [(s.source, s.reason) for s in skipped] == [
        (str(missing), "no such file or directory"),
        (str(dangling), "broken symbolic link"),
    ]
    assert_good_came_out(docs)


def test_corrupt_gzip_is_skipped(tmp_path: Path, good: str) -> None:
    broken = tmp_path / "cut.txt.gz"
    broken.write_bytes(gzip.compress(SEEDS[3].read_bytes())[:300])
    docs, [skipped] = run(str(broken), good)
    assert skipped.source == str(broken)
    assert skipped.reason.startswith("truncated or corrupt gzip file:")
    assert_good_came_out(docs)


# --- the command line --------------------------------------------------------------------


def test_cli_extract_prints_good_articles_and_names_bad_inputs(
    tmp_path: Path, good: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from kliping.cli import main

    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    fake = tmp_path / "photo.txt"
    fake.write_bytes(png_bytes())
    missing = tmp_path / "missing.txt"

    assert main(["extract", good, str(empty), str(fake), str(missing)]) == 0
    out, err = capsys.readouterr()
    [line] = out.splitlines()
    article = json.loads(line)
    assert article["id"] == GOOD_ID and "Putin" in article["body"]
    for bad in (empty, fake, missing):
        assert sum(str(bad) in row for row in err.splitlines()) == 1

    assert main(["extract", str(empty), str(missing)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert str(empty) in err and str(missing) in err


@pytest.mark.parametrize("last", ["Police said", "The man was arrested on Monday. Police said", "Roe said that"])
def test_a_text_cut_off_after_its_speech_verb_is_read(tmp_path: Path, good: str, last: str) -> None:
    # a scraped page that stops right after "said" once crashed the run (the reported-speech reader
    # looked one character past the text)
    from kliping.pipeline import extract

    page = tmp_path / "cut.txt"
    text = "Truck driver held after highway stop\n\nThe driver was taken to hospital. " + last
    page.write_text(text, encoding="utf-8")
    out = list(extract([str(page), good]))
    assert [type(x).__name__ for x in out] == ["Article", "Article"]


def test_a_fault_on_one_articles_text_costs_that_article_not_the_run(
        tmp_path: Path, good: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from kliping import pipeline

    real = pipeline.find_quotes

    def fails_on_one(body: str, entities: Any) -> Any:
        if "FAULT" in body:
            raise IndexError("string index out of range")
        return real(body, entities)

    monkeypatch.setattr(pipeline, "find_quotes", fails_on_one)
    bad = tmp_path / "bad.txt"
    bad.write_text("A headline for the test\n\nThis body sets off a FAULT in one step of the chain.", encoding="utf-8")
    out = list(pipeline.extract([str(bad), good]))
    skipped = [x for x in out if isinstance(x, Skipped)]
    assert [x.id for x in out if not isinstance(x, Skipped)] == [GOOD_ID]
    assert len(skipped) == 1 and skipped[0].source == str(bad)
    assert "IndexError" in skipped[0].reason and "bug" in skipped[0].reason
