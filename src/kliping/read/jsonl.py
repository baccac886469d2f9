"""A JSON-lines stream (one article object per line) → RawDocuments, one line at a time.

Each line holds ``text`` or ``html`` and optionally ``id``, ``url``, ``title``,
``published``, ``outlet``, ``authors``, ``language``; a ``FieldMap`` (``--map``, read/fields.py) gives
them from fields named otherwise. A bad line costs that line only:
it comes out as ``Skipped("file.jsonl:LINE", reason)`` and reading goes on.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from kliping.errors import Rejected
from kliping.model import RawDocument, Skipped
from kliping.read.fields import FieldMap
from kliping.read.sniff import clean_text, content_id, decode, too_large

_DRAIN_CHUNK = 1 << 20
_WIDE_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def iter_jsonl(
    stream: BinaryIO, *, source: str, max_document_bytes: int, field_map: FieldMap | None = None
) -> Iterator[RawDocument | Skipped]:
    """Yield one RawDocument per usable line and one Skipped per unusable line (or one for the
    file when it has no line at all)."""
    lineno = 0
    blank = 0
    while True:
        # readline with a cap: a single huge line must not be pulled into memory whole.
        line = stream.readline(max_document_bytes + 1)
        if not line:
            if lineno == blank:
                yield Skipped(source, "empty file" if not lineno else f"no article lines ({lineno:,} blank lines)")
            return
        lineno += 1
        where = f"{source}:{lineno}"
        if len(line) > max_document_bytes and not line.endswith(b"\n"):
            size = len(line) + _drain_line(stream)
            yield Skipped(where, too_large(size, max_document_bytes))
            continue
        if lineno == 1:
            if line.startswith(_WIDE_BOMS):
                yield Skipped(source, "JSON lines must be UTF-8 (this file is UTF-16/32)")
                return
            line = line.removeprefix(codecs.BOM_UTF8)
            if line.strip() in (b"{", b"[") or line.lstrip().startswith(b"[{"):
                yield Skipped(source, "a JSON document, not JSON lines: put one article per line")
                return
        if not line.strip():
            skipped = _skip_blank_lines(stream)
            lineno += skipped
            blank += 1 + skipped
            continue
        try:
            yield parse_line(line, source=where, field_map=field_map)
        except Rejected as exc:
            yield Skipped(where, exc.reason)


def parse_line(line: bytes, *, source: str, field_map: FieldMap | None = None) -> RawDocument:
    """One JSON line → a RawDocument (its fields renamed by ``field_map`` first); raise Rejected with the
    reason the line is unusable."""
    try:
        raw = line.decode("utf-8")
    except UnicodeDecodeError:
        raw = decode(line, source)  # JSON should be UTF-8, but legacy exports exist
    try:
        record = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise Rejected(f"not JSON: {exc.msg} (column {exc.colno})", source) from exc
    except RecursionError as exc:
        raise Rejected("not JSON: nested too deeply", source) from exc
    if not isinstance(record, dict):
        kind = type(record).__name__.replace("dict", "object").replace("list", "array")
        raise Rejected(f"a JSON {kind}, not an article object", source)
    if field_map is not None:
        record = field_map.apply(record, source)
    text, html = record.get("text"), record.get("html")
    if text is not None and not isinstance(text, str):
        raise Rejected("'text' must be a string", source)
    if html is not None and not isinstance(html, str):
        raise Rejected("'html' must be a string", source)
    if not (text and text.strip()) and not (html and html.strip()):
        raise Rejected("line has neither 'text' nor 'html' (one of them is required)", source)

    doc_id = _string(record.get("id")) or content_id(text if text and text.strip() else html or "")
    url = _string(record.get("url"))
    title = _string(record.get("title"))
    published = _string(record.get("published"))
    if text and text.strip():
        # The user's own extraction wins over html when a line carries both.
        doc = RawDocument(source=source, id=doc_id, text=clean_text(text), format="jsonl")
        doc.headline_first = title is None
    else:
        from kliping.read.html import read_html  # lazy: trafilatura is slow to import

        doc = read_html(html or "", source=source, id=doc_id, url=url)
        doc.format = "jsonl"
    # Metadata given on the line beats what the page or text says about itself.
    doc.url = url or doc.url
    doc.title = title or doc.title
    if published:
        doc.published, doc.published_source = published, "jsonl"
    doc.outlet = _string(record.get("outlet")) or doc.outlet
    doc.authors = _authors(record.get("authors")) or doc.authors
    doc.language = _string(record.get("language")) or doc.language
    return doc


def _string(value: Any) -> str | None:
    """A scalar metadata value as a stripped string; None for empty, bool, list or object."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    text = clean_text(str(value)).strip()
    return text or None


def _authors(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    return [name for item in items if (name := _string(item))]


def _skip_blank_lines(stream: BinaryIO) -> int:
    """Consume the blank lines that follow in bulk; return how many there were. A file of a
    billion newlines (a small .gz) must not cost a billion trips through the loop above."""
    peek = getattr(stream, "peek", None)
    newlines = 0
    while peek is not None:
        ahead = peek(_DRAIN_CHUNK)
        blank = len(ahead) - len(ahead.lstrip())
        cut = ahead.rfind(b"\n", 0, blank) + 1  # whole lines only: a line's leading spaces stay with it
        if not cut:
            break
        newlines += ahead.count(b"\n", 0, cut)
        stream.read(cut)
        if cut < len(ahead):
            break
    return newlines


def _drain_line(stream: BinaryIO) -> int:
    """Skip the rest of an over-long line without keeping it; return how many bytes it had."""
    skipped = 0
    while True:
        chunk = stream.readline(_DRAIN_CHUNK)
        skipped += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return skipped
