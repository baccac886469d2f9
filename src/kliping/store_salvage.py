"""Article rows read straight off the pages of a damaged store file, for `kliping check --repair`.

When pages are damaged, SQL cannot be trusted to find the rows that survive: a damaged interior page
sends a lookup to the wrong leaf (it answers "no such row" rather than failing), and a scan stops at
the first bad page. So every page of the file is read as the SQLite file format describes it
(https://www.sqlite.org/fileformat2.html): each table leaf page's cells, their overflow chains, and
their records. A row is taken as an article when it has the articles table's shape (14 columns, the
rowid alias stored as NULL) and its body and JSON decode to an Article; everything else on the page
is passed over. The sqlite3 shell's `.recover` does this too, but it is not part of Python's sqlite3
and its 3.40 build fails on our stores (FTS5 tables), so this is our own, measured on damaged stores
in tests/test_store_damage.py.
"""

from __future__ import annotations

import mmap
import os
import struct
from collections.abc import Iterator
from pathlib import Path

from kliping.model import Article
from kliping.store_records import stored_article

ARTICLE_COLUMNS = 14  # the rowid alias (NULL in the record) and the 13 columns of 0001_initial.sql
BODY, DATA = 12, 13
_LEAF_TABLE = 0x0D


def salvage_file(path: Path) -> Iterator[tuple[int, Article]]:
    """``(rowid, article)`` for every article row whose cells and overflow pages still read, page order."""
    with path.open("rb") as handle:
        if os.fstat(handle.fileno()).st_size < 512:
            return
        # Mapped, not read: a store of many GB is paged in as it is scanned, never held whole.
        with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
            yield from _pages(mapped)


def _pages(data: mmap.mmap) -> Iterator[tuple[int, Article]]:
    if data[:16] != b"SQLite format 3\x00":
        return
    page_size = struct.unpack(">H", data[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    usable = page_size - data[20]
    if page_size < 512 or usable < 480:
        return
    for number in range(1, len(data) // page_size + 1):
        yield from _leaf_rows(data, number, page_size, usable)


def _leaf_rows(data: mmap.mmap, number: int, page_size: int, usable: int) -> Iterator[tuple[int, Article]]:
    page = (number - 1) * page_size
    header = page + (100 if number == 1 else 0)
    if data[header] != _LEAF_TABLE:
        return
    cells = struct.unpack(">H", data[header + 3:header + 5])[0]
    for i in range(min(cells, page_size // 4)):
        pointer = header + 8 + 2 * i
        offset = page + struct.unpack(">H", data[pointer:pointer + 2])[0]
        try:
            rowid, payload = _cell(data, offset, page + page_size, page_size, usable)
            values = _record(payload)
        except (IndexError, ValueError, struct.error):
            continue  # a damaged cell or chain: this row is lost, the page's others may not be
        if len(values) != ARTICLE_COLUMNS:
            continue
        body, fields = values[BODY], values[DATA]
        if not isinstance(body, str) or not isinstance(fields, str):
            continue
        try:
            yield rowid, stored_article(body, fields)
        except (ValueError, TypeError, KeyError, AttributeError):
            continue


def _varint(data: bytes | mmap.mmap, at: int) -> tuple[int, int]:
    value = 0
    for i in range(8):
        byte = data[at + i]
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            return value, at + i + 1
    return (value << 8) | data[at + 8], at + 9


def _cell(data: mmap.mmap, offset: int, page_end: int, page_size: int, usable: int) -> tuple[int, bytes]:
    size, at = _varint(data, offset)
    rowid, at = _varint(data, at)
    if size > 1 << 31:
        raise ValueError("impossible payload size")
    most = usable - 35
    if size <= most:
        if at + size > page_end:
            raise ValueError("cell runs off its page")
        return rowid, data[at:at + size]
    least = (usable - 12) * 32 // 255 - 23
    local = least + (size - least) % (usable - 4)
    local = local if local <= most else least
    if at + local + 4 > page_end:
        raise ValueError("cell runs off its page")
    parts = [data[at:at + local]]
    missing = size - local
    overflow = struct.unpack(">I", data[at + local:at + local + 4])[0]
    seen: set[int] = set()
    while missing > 0:
        if overflow < 1 or overflow in seen or overflow * page_size > len(data):
            raise ValueError("broken overflow chain")
        seen.add(overflow)
        start = (overflow - 1) * page_size
        chunk = data[start + 4:start + 4 + min(missing, usable - 4)]
        parts.append(chunk)
        missing -= len(chunk)
        overflow = struct.unpack(">I", data[start:start + 4])[0]
    return rowid, b"".join(parts)


def _record(payload: bytes) -> list[object]:
    header_size, at = _varint(payload, 0)
    if header_size > len(payload):
        raise ValueError("record header past its payload")
    types = []
    while at < header_size:
        kind, at = _varint(payload, at)
        types.append(kind)
    values: list[object] = []
    at = header_size
    for kind in types:
        if kind in (0, 8, 9):
            values.append(None if kind == 0 else kind - 8)
        elif kind <= 6:
            width = (0, 1, 2, 3, 4, 6, 8)[kind]
            values.append(int.from_bytes(payload[at:at + width], "big", signed=True))
            at += width
        elif kind == 7:
            values.append(struct.unpack(">d", payload[at:at + 8])[0])
            at += 8
        elif kind >= 12:
            width = (kind - 12) // 2
            raw = payload[at:at + width]
            if len(raw) != width:
                raise ValueError("value past its payload")
            values.append(raw.decode("utf-8") if kind % 2 else raw)  # strict: damaged text is no article
            at += width
        else:
            raise ValueError("reserved serial type")
    return values
