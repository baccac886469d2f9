"""What the fetcher keeps on disk: each response as a WARC record, and the validators (ETag, Last-Modified) per URL.

The WARC (``kliping.warc.gz``) is appended to, one gzip member per record, each record built in memory and
written with one append, so a record is whole even if two adds write at once. The validators file
(``kliping.fetch.json``) is replaced atomically; an unreadable one counts as empty (every URL is then simply
fetched whole).
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

MAX_VALIDATORS = 200_000  # URLs whose ETag / Last-Modified are kept; the least recently seen go first
_DROPPED_HEADERS = ("content-encoding", "transfer-encoding", "content-length")  # the WARC keeps the decoded body

Validators = dict[str, dict[str, str]]  # URL → {"etag", "last_modified", "seen"}


def append_response(archive: Path, url: str, status: str, headers: list[tuple[str, str]], body: bytes) -> None:
    """One response record (``status`` as "200 OK") with the decoded ``body`` appended to ``archive``."""
    kept = [(k, v) for k, v in headers if k.lower() not in _DROPPED_HEADERS]
    kept.append(("Content-Length", str(len(body))))
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    http = StatusAndHeaders(status, kept, protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http))
    fd = os.open(archive, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, buffer.getvalue())
    finally:
        os.close(fd)


def load_validators(path: Path | None) -> Validators:
    """The remembered validators; a missing or unreadable file means none."""
    if path is None or not path.is_file():
        return {}
    try:
        urls = json.loads(path.read_text("utf-8"))["urls"]
        return {str(u): {str(k): str(v) for k, v in d.items()} for u, d in urls.items() if isinstance(d, dict)}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def save_validators(path: Path, known: Validators) -> None:
    """Replace the file atomically, keeping the MAX_VALIDATORS most recently seen URLs."""
    kept = sorted(known.items(), key=lambda kv: kv[1].get("seen", ""))[-MAX_VALIDATORS:]
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps({"version": 1, "urls": dict(kept)}, ensure_ascii=False), "utf-8")
    os.replace(tmp, path)
