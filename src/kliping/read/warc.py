"""An uncompressed WARC stream → RawDocuments for its HTML pages, one record at a time.

Only ``response`` records with HTTP status 200 and ``resource`` records whose content is
HTML count as pages; requests, metadata, images, redirects and error pages are not articles
and pass silently. The caller decompresses ``.warc.gz``; records are framed and checked by
``warc_frames`` before warcio parses one, so a cut or lying record costs that record only.
"""

from __future__ import annotations

import io
import re
from collections.abc import Generator
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator

from kliping.errors import Rejected
from kliping.model import RawDocument, Skipped
from kliping.read.sniff import content_id, decode, sniff_format, too_large
from kliping.read.warc_frames import frames

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([^\"';\s]+)", re.IGNORECASE)


def iter_warc(
    stream: BinaryIO, *, source: str, max_document_bytes: int
) -> Generator[RawDocument | Skipped, None, bool]:
    """Yield a RawDocument or Skipped per HTML page, and a Skipped per unusable record (reading goes on
    past it: see warc_frames). Returns True when it reported a problem with the stream, so the caller
    does not report a cut .gz a second time."""
    pages = 0
    problems = 0
    for frame in frames(stream, max_document_bytes):
        where = f"{source}#offset {frame.offset}"
        if frame.data is None:
            problems += 1
            yield Skipped(where, f"truncated or corrupt WARC: {frame.problem}")
            continue
        try:
            record = next(iter(ArchiveIterator(io.BytesIO(frame.data))))
            uri = record.rec_headers.get_header("WARC-Target-URI")
            content_type = _html_content_type(record)
            if content_type is None:
                continue
            payload = b"" if frame.oversize else record.content_stream().read(max_document_bytes + 1)
        except Exception as exc:  # warcio raises anything from EOFError to AttributeError on junk
            problems += 1
            yield Skipped(where, f"truncated or corrupt WARC: {_describe(exc)}")
            continue
        if content_type == "" and not frame.oversize and sniff_format(payload[:8192]) != "html":
            continue  # no Content-Type at all: only the bytes can say it is a page
        pages += 1
        name = f"{source}#{uri}" if uri else where
        if frame.oversize or len(payload) > max_document_bytes:
            yield Skipped(name, too_large(None, max_document_bytes))
            continue
        yield _page(payload, content_type, source=name, url=uri)
    if pages == 0 and problems == 0:
        yield Skipped(source, "no HTML pages (status 200, text/html) in this WARC")
    return problems > 0


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


def _describe(exc: Exception) -> str:
    message = " ".join(str(exc).split())[:200]
    if isinstance(exc, EOFError | OSError):
        return message or type(exc).__name__
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__
