"""An uncompressed WARC stream → RawDocuments for its HTML pages, one record at a time.

Only ``response`` records with HTTP status 200 and ``resource`` records whose content is
HTML count as pages; requests, metadata, images, redirects and error pages are not articles
and pass silently. The caller decompresses ``.warc.gz`` with ``gzip`` so that a file cut
mid-record raises EOFError here: every complete record before the cut still comes out.
"""

from __future__ import annotations

import re
from collections.abc import Generator
from typing import Any, BinaryIO

from warcio.archiveiterator import WARCIterator

from kliping.errors import Rejected
from kliping.model import RawDocument, Skipped
from kliping.read.sniff import content_id, decode, sniff_format, too_large

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([^\"';\s]+)", re.IGNORECASE)
_DRAIN_CHUNK = 1 << 16


class _Truncated(Exception):
    """A record's content ended before its declared Content-Length."""


def iter_warc(
    stream: BinaryIO, *, source: str, max_document_bytes: int
) -> Generator[RawDocument | Skipped, None, bool]:
    """Yield a RawDocument or Skipped per HTML page; a broken stream ends with one Skipped.

    Returns True when it reported the stream as broken, so the caller does not say it twice.
    """
    records = WARCIterator(stream)
    where = f"{source}#offset 0"
    pages = 0
    try:
        for record in records:
            # warcio has consumed the previous record, so .offset is where this one starts.
            where = f"{source}#offset {records.offset}"
            uri = record.rec_headers.get_header("WARC-Target-URI")
            content_type = _html_content_type(record)
            if content_type is None:
                _drain(record)
                continue
            payload = record.content_stream().read(max_document_bytes + 1)
            _drain(record)
            if content_type == "" and sniff_format(payload[:8192]) != "html":
                continue  # no Content-Type at all: only the bytes can say it is a page
            pages += 1
            name = f"{source}#{uri}" if uri else where
            if len(payload) > max_document_bytes:
                yield Skipped(name, too_large(None, max_document_bytes))
                continue
            yield _page(payload, content_type, source=name, url=uri)
    except _Truncated as exc:
        yield Skipped(where, f"truncated or corrupt WARC: {exc}")
        return True
    except Exception as exc:  # warcio raises anything from EOFError to AttributeError on junk
        yield Skipped(where, f"truncated or corrupt WARC: {_describe(exc)}")
        return True
    if pages == 0:
        yield Skipped(source, "no HTML pages (status 200, text/html) in this WARC")
    return False


def _page(
    payload: bytes, content_type: str, *, source: str, url: str | None
) -> RawDocument | Skipped:
    """One HTML payload → a RawDocument, or a Skipped naming the record when it is unusable."""
    from kliping.read.html import read_html  # lazy: trafilatura is slow to import

    match = _CHARSET.search(content_type)
    try:
        html = decode(payload, source, declared=match.group(1) if match else None, html=True)
        doc = read_html(html, source=source, id=content_id(html), url=url)
    except Rejected as exc:
        return Skipped(source, exc.reason)
    doc.format = "warc"
    doc.url = url or doc.url
    return doc


def _html_content_type(record: Any) -> str | None:
    """The Content-Type of an HTML page record ("" when unstated), or None for non-pages."""
    if record.rec_type == "response":
        http = record.http_headers
        if http is None or http.get_statuscode() != "200":
            return None
        content_type = http.get_header("Content-Type")
    elif record.rec_type == "resource":
        content_type = record.rec_headers.get_header("Content-Type")
    else:
        return None
    if content_type is None:
        return ""
    return content_type if content_type.lower().lstrip().startswith(_HTML_TYPES) else None


def _drain(record: Any) -> None:
    """Read the record to its end and raise _Truncated when the stream stops short of it."""
    raw = record.raw_stream
    while raw.read(_DRAIN_CHUNK):
        pass
    missing = getattr(raw, "limit", 0)
    if missing:
        raise _Truncated(f"record ends {missing} bytes before its declared length")


def _describe(exc: Exception) -> str:
    message = " ".join(str(exc).split())[:200]
    if isinstance(exc, EOFError | OSError):
        return message or type(exc).__name__
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__
