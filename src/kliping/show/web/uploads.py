"""Uploaded files and pasted text → Articles (or the reasons they were not), read inside a private temp folder.

Nothing the visitor sends names a path: an upload's file name is cut to its last component and to safe
characters, and only decides the article id (the file stem, as on the command line) and the reader (by
extension). Files are written into a fresh tempfile.TemporaryDirectory, checked to be inside it, read from
there by the ordinary readers, and the folder is gone before the response is sent.

The request body is counted while it streams in (limited_receive), so an oversized upload is refused at the
limit rather than after it has been read in full.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from starlette.exceptions import HTTPException
from starlette.types import Message, Receive

from kliping.errors import Rejected
from kliping.model import Article, RawDocument, Skipped
from kliping.pipeline import extract, process
from kliping.read.sniff import content_id

MAX_UPLOAD_BYTES = 20 * 1024 * 1024  # the whole request body
MAX_FILES = 200
ACCEPTED = (".txt", ".html", ".htm", ".jsonl", ".warc", ".warc.gz")
PASTED_SOURCE = "pasted"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


class TooLarge(HTTPException):
    def __init__(self, limit: int) -> None:
        super().__init__(413, f"The upload is larger than the {limit // (1024 * 1024)} MB limit. "
                              "Add fewer files at a time.")


def limited_receive(receive: Receive, limit: int) -> Receive:
    """``receive`` that raises TooLarge as soon as the body streamed so far passes ``limit`` bytes."""
    seen = 0

    async def counted() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise TooLarge(limit)
        return message

    return counted


def safe_name(filename: str | None) -> str | None:
    """An upload's name reduced to ``stem.ext`` of safe characters, or None when its type is not one we read.

    ``../../etc/passwd.txt`` → ``passwd.txt``; ``C:\\x\\a b.html`` → ``a_b.html``; ``.bashrc`` → None.
    """
    base = re.split(r"[\\/]", filename or "")[-1]
    lower = base.lower()
    ext = next((e for e in sorted(ACCEPTED, key=len, reverse=True) if lower.endswith(e)), None)
    if ext is None:
        return None
    stem = _UNSAFE.sub("_", base[: len(base) - len(ext)]).strip("._")[:100] or "upload"
    return stem + ext


@dataclass
class Ingested:
    """What an add request yields: the articles to store, and every input that gave none, with why."""

    articles: list[Article] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def read_uploads(files: Sequence[tuple[str | None, BinaryIO]], pasted: str = "") -> Ingested:
    """Read uploaded files (name as sent, content) and pasted text into annotated articles."""
    out = Ingested()
    with tempfile.TemporaryDirectory(prefix="kliping-upload-") as tmp:
        root = Path(tmp).resolve()
        written: dict[str, str] = {}  # path on disk → the name shown as the article's source
        for sent_name, stream in files:
            name = safe_name(sent_name)
            if name is None:
                out.skipped.append(Skipped(f"upload:{_UNSAFE.sub('_', sent_name or '')[:100]}",
                                           f"not a file type kliping reads (use {', '.join(ACCEPTED)})"))
                continue
            target = _unique(root, name)
            if target.parent != root:  # cannot happen with safe_name; the check is the guarantee
                raise Rejected("upload name escapes the upload folder", name)
            with target.open("xb") as sink:
                shutil.copyfileobj(stream, sink)
            written[str(target)] = f"upload:{target.name}"
        if written:
            for item in extract(list(written)):
                _relabel(item, written, root)
                if isinstance(item, Article):
                    out.articles.append(item)
                else:
                    out.skipped.append(item)
    if pasted.strip():
        text = pasted.replace("\r\n", "\n")
        raw = RawDocument(source=PASTED_SOURCE, id=content_id(text), text=text, format="text", headline_first=True)
        try:
            out.articles.append(process(raw))
        except Rejected as err:
            out.skipped.append(Skipped(PASTED_SOURCE, err.reason))
    return out


def _unique(root: Path, name: str) -> Path:
    """root/name, or root/stem-2.ext… when two uploads share a name (ids stay distinct and files intact)."""
    target = root / name
    ext = next(e for e in sorted(ACCEPTED, key=len, reverse=True) if name.lower().endswith(e))
    n = 1
    while target.exists():
        n += 1
        target = root / f"{name[: len(name) - len(ext)]}-{n}{ext}"
    return target.resolve()


def _relabel(item: Article | Skipped, written: dict[str, str], root: Path) -> None:
    """Sources name the upload, not the temp folder that is about to vanish."""
    source = item.source
    for path, label in written.items():
        if source.startswith(path):
            item.source = label + source[len(path):]
            return
    if source.startswith(str(root) + os.sep):
        item.source = "upload:" + source[len(str(root)) + 1:]
