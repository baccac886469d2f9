"""Byte streams as the readers need them: read up to a size, give back a sniffed head, gunzip what may be cut
short or be a bomb (multi-member gzip in bounded chunks, a cut or corrupt tail noted rather than raised)."""

from __future__ import annotations

import io
import zlib
from typing import BinaryIO

BUFFER = 1 << 16
# News text compresses 3-10x and WARC pages up to ~30x; past this ratio, once enough has come
# out that the ratio is no accident, the input is a decompression bomb (repeated bytes, blank
# lines, `{}` lines) and reading it to the end would cost minutes for nothing.
MAX_GZIP_RATIO = 200
_GZIP_RATIO_AFTER = 64 << 20


def read_up_to(stream: BinaryIO, size: int) -> bytes:
    """Read ``size`` bytes unless the stream ends first (pipes return short reads)."""
    parts: list[bytes] = []
    missing = size
    while missing > 0:
        # Chunked: read(n) allocates n bytes up front, 10 MB for every small article.
        chunk = stream.read(min(missing, BUFFER))
        if not chunk:
            break
        parts.append(chunk)
        missing -= len(chunk)
    return b"".join(parts)


class _Replay(io.RawIOBase):
    """A stream that gives back the bytes already sniffed, then the rest of the original."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head:
            count = min(len(buffer), len(self._head))
            buffer[:count] = self._head[:count]
            self._head = self._head[count:]
            return count
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def replay(head: bytes, rest: BinaryIO) -> BinaryIO:
    return io.BufferedReader(_Replay(head, rest), buffer_size=BUFFER)


class Gunzip(io.RawIOBase):
    """Multi-member gzip → bytes in bounded chunks, for a stream that may be cut short.

    Python's GzipFile raises as soon as input runs out mid-member, and a buffered read then
    drops the bytes it already had: the complete WARC records before a cut would be lost.
    Here a cut or corrupt data simply ends the stream and is noted in ``error``, which
    callers check once they have read what there was.
    """

    def __init__(self, source: BinaryIO) -> None:
        self._source = source
        self._zlib = zlib.decompressobj(16 + zlib.MAX_WBITS)
        self._pending = b""
        self._done = False
        self.error: str | None = None
        self.delivered = 0  # uncompressed bytes handed out: where a cut is, for messages
        self.consumed = 0  # compressed bytes read from the source
        self.bomb = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        while not self._pending:
            if self._done:
                return 0
            self._fill()
            if self.delivered > _GZIP_RATIO_AFTER and self.delivered > MAX_GZIP_RATIO * self.consumed:
                self._done, self._pending, self.bomb = True, b"", True
                self.error = (
                    f"decompresses to over {MAX_GZIP_RATIO} times its size "
                    f"({self.delivered // (1 << 20):,} MB from {self.consumed // 1024:,} KB): "
                    "a decompression bomb, not an article archive; stopped reading"
                )
                return 0
        count = min(len(buffer), len(self._pending))
        buffer[:count] = self._pending[:count]
        self._pending = self._pending[count:]
        self.delivered += count
        return count

    def _read_source(self) -> bytes:
        data = self._source.read(BUFFER)
        self.consumed += len(data)
        return data

    def _fill(self) -> None:
        inflater = self._zlib
        if inflater.eof:  # first: a member that ended keeps a stale unconsumed_tail, fed again it loops forever
            data = inflater.unused_data or self._read_source()
            if not data.strip(b"\x00"):  # the end, or the NUL padding some tools append
                self._done = True
                return
            inflater = self._zlib = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif inflater.unconsumed_tail:
            data = inflater.unconsumed_tail
        else:
            data = self._read_source()
            if not data:
                self._done = True
                self.error = "compressed data ends in the middle (file truncated?)"
                return
        try:
            # max_length bounds memory: a bomb inflates one buffer at a time.
            self._pending = inflater.decompress(data, BUFFER)
        except zlib.error as exc:
            self._done = True
            self.error = f"corrupt compressed data ({exc})"
