"""Paths, folders, globs and ``-`` (stdin) → a stream of RawDocuments, or Skipped with a reason.

Nothing here stops a run: every unusable input becomes a ``Skipped`` naming it (``file``,
``file.jsonl:LINE``, ``file.warc.gz#URI``). Inputs are streamed: one document is in memory
at a time, and a document over ``max_document_bytes`` is skipped without being read whole.
"""

from __future__ import annotations

import glob
import io
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from kliping.errors import InputError, Rejected
from kliping.model import RawDocument, Skipped
from kliping.read.fields import FieldMap
from kliping.read.jsonl import iter_jsonl
from kliping.read.skips import summarised
from kliping.read.sniff import (
    GZIP_MAGIC,
    check_not_binary,
    content_id,
    decode,
    format_from_name,
    sniff_format,
    strip_gz,
    too_large,
)
from kliping.read.streams import BUFFER, Gunzip, read_up_to, replay
from kliping.read.text import read_text
from kliping.read.warc import iter_warc

__all__ = [
    "DEFAULT_MAX_DOCUMENT_BYTES",
    "STDIN_SOURCE",
    "content_id",
    "decode",
    "expand_paths",
    "iter_documents",
    "iter_jsonl",
    "iter_warc",
    "read_text",
]

DEFAULT_MAX_DOCUMENT_BYTES = 10_000_000
STDIN_SOURCE = "<stdin>"
_SNIFF_BYTES = 8192
_HELD_SKIPS = 5  # record skips of a gzipped WARC held back until a page shows it is no bomb
_FILE_KINDS = {
    stat.S_IFIFO: "a named pipe",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
}

Item = RawDocument | Skipped


def iter_documents(
    paths: Iterable[str],
    *,
    stdin: BinaryIO | None = None,
    max_document_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES,
    field_map: FieldMap | None = None,
) -> Iterator[Item]:
    """Yield every document found under ``paths``, in order, as soon as it is read.

    A path is a file (any name: unknown extensions are sniffed by content), a folder (walked
    recursively in sorted order; hidden entries and unknown extensions are ignored), a glob
    pattern (``*.txt``, ``**/*.html``) or ``-`` for ``stdin`` (default: the process's stdin).
    ``field_map`` renames the fields of JSON lines (``--map``, read/fields.py).
    """
    if isinstance(paths, str | bytes):
        raise InputError("iter_documents takes a list of paths, not a single string")
    if max_document_bytes < 1:
        raise InputError(f"max_document_bytes must be positive, not {max_document_bytes}")
    for item in expand_paths(paths):
        if isinstance(item, Skipped):
            yield item
        elif item == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from summarised(_read_guarded(stream, STDIN_SOURCE, None, None, max_document_bytes, field_map),
                                  STDIN_SOURCE)
        else:
            yield from _read_file(item, max_document_bytes, field_map)


def expand_paths(paths: Iterable[str]) -> Iterator[str | Skipped]:
    """Path arguments → the files they name, in reading order, each once (``-`` stays ``-``).

    This is the order ``iter_documents`` reads in; executors use it to cut a run into
    partitions of files. Arguments that name nothing come out as Skipped.
    """
    seen: set[str] = set()
    for path in paths:
        for item in _expand(path):
            if isinstance(item, Skipped):
                yield item
                continue
            key = item if item == "-" else os.path.realpath(item)
            if key in seen:
                continue  # named twice (a file and its folder): read it once
            seen.add(key)
            yield item


def _expand(path: str) -> Iterator[str | Skipped]:
    """One path argument → the files it names, as the shell would have expanded it."""
    if path == "-":
        yield path
    elif os.path.isdir(path):
        yield from _walk(path)
    elif os.path.lexists(path):
        yield path
    elif glob.has_magic(path):
        matches = sorted(glob.glob(path, recursive=True))
        if not matches:
            yield Skipped(path, "no files match this pattern")
        for match in matches:
            yield from _walk(match) if os.path.isdir(match) else iter([match])
    else:
        yield Skipped(path, "no such file or directory")


def _walk(top: str) -> Iterator[str | Skipped]:
    """Files under a folder that we know how to read, sorted, hidden entries left out."""
    errors: list[OSError] = []
    root = os.path.realpath(top)
    for folder, dirnames, filenames in os.walk(top, onerror=errors.append):
        while errors:
            error = errors.pop(0)
            yield Skipped(error.filename or folder, f"cannot list folder: {error.strerror}")
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith(".") or format_from_name(name) is None:
                continue
            path = os.path.join(folder, name)
            if os.path.islink(path):
                target = os.path.realpath(path)
                if os.path.commonpath([root, target]) != root:
                    # A folder must not become a way to read files outside it.
                    yield Skipped(path, "symbolic link to a file outside the folder given")
                    continue
            yield path
    for error in errors:
        yield Skipped(error.filename or top, f"cannot list folder: {error.strerror}")


def _read_file(path: str, limit: int, field_map: FieldMap | None) -> Iterator[Item]:
    """One named file → its documents; stat first so that special files are never opened."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        broken = os.path.islink(path)
        yield Skipped(path, "broken symbolic link" if broken else "no such file or directory")
        return
    except OSError as exc:
        yield Skipped(path, f"cannot read: {exc.strerror or exc}")
        return
    kind = _FILE_KINDS.get(stat.S_IFMT(info.st_mode))
    if kind:
        # Opening a FIFO would block forever and a device never ends: refuse before opening.
        yield Skipped(path, f"not a regular file ({kind})")
        return
    try:
        handle = open(path, "rb")  # closed by the with below, after the last yield
    except PermissionError:
        yield Skipped(path, "permission denied: cannot read this file")
        return
    except OSError as exc:
        yield Skipped(path, f"cannot read: {exc.strerror or exc}")
        return
    with handle:
        yield from summarised(_read_guarded(handle, path, path, info.st_size, limit, field_map), path)


def _read_guarded(
    raw: BinaryIO, source: str, name: str | None, size: int | None, limit: int, field_map: FieldMap | None
) -> Iterator[Item]:
    """_read_stream, with every failure turned into one Skipped naming the input."""
    try:
        yield from _read_stream(raw, source, name, size, limit, field_map)
    except Rejected as exc:
        yield Skipped(source, exc.reason)
    except EOFError as exc:
        yield Skipped(source, f"truncated or corrupt gzip file: {exc}")
    except PermissionError:
        yield Skipped(source, "permission denied: cannot read this file")
    except OSError as exc:
        yield Skipped(source, f"cannot read: {exc.strerror or exc}")
    except Exception as exc:  # hostile input must cost one skipped input, never the run
        yield Skipped(source, f"could not be read ({type(exc).__name__}: {exc})")


def _read_stream(
    raw: BinaryIO, source: str, name: str | None, size: int | None, limit: int, field_map: FieldMap | None
) -> Iterator[Item]:
    head = read_up_to(raw, _SNIFF_BYTES)
    stream: BinaryIO = replay(head, raw)
    gunzip: Gunzip | None = None
    if head.startswith(GZIP_MAGIC):
        # Decompress by content, not by name: a .txt that is really gzip still reads.
        gunzip = Gunzip(stream)
        unzipped = io.BufferedReader(gunzip, buffer_size=BUFFER)
        head = read_up_to(unzipped, _SNIFF_BYTES)
        stream = replay(head, unzipped)
    fmt = format_from_name(name) if name else None
    if fmt is None:
        fmt = sniff_format(head)
    else:
        check_not_binary(head)

    if fmt == "jsonl":
        yield from _jsonl_items(stream, source, limit, gunzip, field_map)
        return
    if fmt == "warc":
        yield from _warc_items(stream, source, limit, gunzip)
        return
    if size is not None and gunzip is None and size > limit:
        raise Rejected(too_large(size, limit), source)
    data = read_up_to(stream, limit + 1)  # gzip: a bomb stops at the limit, never inflates
    if len(data) > limit:
        raise Rejected(too_large(None if gunzip else len(data), limit), source)
    _raise_if_broken(gunzip)
    if fmt == "html":
        from kliping.read.html import read_html  # lazy: trafilatura is slow to import

        html = decode(data, source, html=True)
        yield read_html(html, source=source, id=_file_id(name) or content_id(html))
    else:
        doc = read_text(data, source=source, id=_file_id(name) or "")
        doc.id = doc.id or content_id(doc.text)
        yield doc


def _jsonl_items(stream: BinaryIO, source: str, limit: int, gunzip: Gunzip | None,
                 field_map: FieldMap | None) -> Iterator[Item]:
    said: list[Skipped] = []  # what the reader says of the file as a whole, held until the end
    for item in iter_jsonl(stream, source=source, max_document_bytes=limit, field_map=field_map):
        if isinstance(item, Skipped) and item.source == source:
            said.append(item)
            continue
        yield from said
        said = []
        yield item
    if gunzip is None or not gunzip.bomb:  # a bomb is one line: not also "no article lines (67 M blank)"
        yield from said
    _raise_if_broken(gunzip)


def _warc_items(stream: BinaryIO, source: str, limit: int, gunzip: Gunzip | None) -> Iterator[Item]:
    held: list[Skipped] = []  # record skips while no page has come: dropped if the file is a bomb
    any_page = False
    records = iter_warc(stream, source=source, max_document_bytes=limit)
    while True:
        try:
            item = next(records)
        except StopIteration as end:
            reported = end.value
            break
        if gunzip is not None and isinstance(item, Skipped) and not any_page and len(held) < _HELD_SKIPS:
            held.append(item)
            continue
        any_page = True  # (or enough skips held: from here they pass, so memory stays bounded)
        yield from held
        held = []
        yield item
    if not (gunzip and gunzip.bomb):  # a bomb of NUL bytes is one line, not also "not a WARC record"
        yield from held
    if gunzip and gunzip.error and (gunzip.bomb or not reported):
        where = f"{source}#offset {gunzip.delivered}"
        why = gunzip.error if gunzip.bomb else f"truncated or corrupt WARC: {gunzip.error}"
        yield Skipped(where, why)


def _raise_if_broken(gunzip: Gunzip | None) -> None:
    if gunzip is not None and gunzip.error:
        if gunzip.bomb:
            raise Rejected(gunzip.error)
        raise EOFError(gunzip.error)


def _file_id(name: str | None) -> str | None:
    """The file stem: ``a/000_x.txt.gz`` → ``000_x``."""
    if name is None:
        return None
    base, _ = strip_gz(os.path.basename(name))
    stem, dot, _ = base.rpartition(".")
    return (stem if dot and stem else base) or None
