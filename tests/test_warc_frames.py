"""A WARC record whose Content-Length lies costs that record only: the records after it still come
out, each bad one is its own skip at its own offset, and warcio's warnings do not leak to stderr."""

from __future__ import annotations

import gzip
import io
import re
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from kliping.model import RawDocument, Skipped
from kliping.read import iter_documents

PAGE = ("<html><head><title>Banjir {n} di Bekasi</title></head><body><article>"
        + "<p>Banjir setinggi satu meter merendam rumah warga di Bekasi pada Senin pagi, kata petugas.</p>" * 6
        + "</article></body></html>")


def records(count: int) -> list[bytes]:
    """``count`` response records, each a whole uncompressed WARC record (header, content, blank line)."""
    out = []
    for n in range(count):
        buffer = io.BytesIO()
        writer = WARCWriter(buffer, gzip=False)
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], "HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            f"https://berita.example/{n}", "response", payload=io.BytesIO(PAGE.format(n=n).encode()),
            http_headers=http))
        out.append(buffer.getvalue())
    return out


def lie(record: bytes, length: bytes) -> bytes:
    return re.sub(rb"Content-Length: \d+", b"Content-Length: " + length, record, count=1)


def read(path: Path) -> tuple[list[str | None], list[Skipped]]:
    items = list(iter_documents([str(path)]))
    return ([i.url for i in items if isinstance(i, RawDocument)], [i for i in items if isinstance(i, Skipped)])


@pytest.mark.parametrize("length", [b"0", b"40", b"abc", b"-5", b"999999"], ids=["zero", "small", "abc", "neg", "big"])
@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
def test_a_lying_content_length_costs_its_record_only(tmp_path: Path, capfd: pytest.CaptureFixture[str],
                                                      length: bytes, gz: bool) -> None:
    good = records(4)
    data = b"".join([good[0], lie(good[1], length), good[2], good[3]])
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    path.write_bytes(gzip.compress(data) if gz else data)
    urls, skipped = read(path)
    assert urls == ["https://berita.example/0", "https://berita.example/2", "https://berita.example/3"]
    [bad] = skipped
    assert bad.source == f"{path}#offset {len(good[0])}"  # the bad record's own offset, not 0
    assert bad.reason.startswith("truncated or corrupt WARC:")
    assert capfd.readouterr().err == ""  # warcio's own "WARNING:" lines no longer leak


def test_junk_between_records_is_one_skip_and_reading_goes_on(tmp_path: Path) -> None:
    good = records(3)
    path = tmp_path / "junk.warc"
    junk = b"\r\n\r\nthis is not a record\r\nnor this\r\n"
    path.write_bytes(good[0] + junk + good[1] + good[2])
    urls, [bad] = read(path)
    assert urls == [f"https://berita.example/{n}" for n in range(3)]
    assert bad.source == f"{path}#offset {len(good[0]) + 4}" and "not the start of a WARC record" in bad.reason


def test_a_cut_last_record_is_reported_after_the_whole_ones(tmp_path: Path) -> None:
    good = records(3)
    path = tmp_path / "cut.warc"
    path.write_bytes(good[0] + good[1] + good[2][:-300])
    urls, [bad] = read(path)
    assert urls == ["https://berita.example/0", "https://berita.example/1"]
    assert bad.source == f"{path}#offset {len(good[0]) + len(good[1])}" and "before its declared length" in bad.reason
