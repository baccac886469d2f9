"""Articles and run results → JSON Lines and dossier.json on disk, written as they come."""

from __future__ import annotations

import json
import os
import textwrap
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from kliping.model import Article, Skipped

DOSSIER_VERSION = "0.1"


def article_line(article: Article) -> str:
    """One article as one JSON line (no trailing newline)."""
    return json.dumps(article.to_dict(), ensure_ascii=False)


def article_summary(article: Article) -> dict[str, Any]:
    """What dossier.json lists of each article; the full article lives in articles.jsonl."""
    return {
        "id": article.id,
        "title": article.title,
        "outlet": article.outlet,
        "published": article.published,
        "language": article.language,
        "source": article.source,
    }


def dossier(
    articles: list[dict[str, Any]],
    skipped: list[Skipped],
    duplicates: list[list[str]] | None = None,
    stories: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """The dossier.json object of SPEC.md."""
    return {
        "version": DOSSIER_VERSION,
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "articles": articles,
        "duplicates": duplicates or [],
        "skipped": [s.to_dict() for s in skipped],
        "stories": stories or [],
    }


def write_json(path: Path, data: dict[str, Any]) -> None:
    """Write JSON atomically, so a reader never sees half a dossier."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def write_dossier(path: Path, articles: Iterable[dict[str, Any]], skipped: list[Skipped],
                  duplicates: Iterable[list[str]], stories: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """``write_json(path, dossier(...))`` from iterables, one element at a time: the same bytes, in
    memory only one article or story at once. Returns the dossier's header (version, generated_at)."""
    header = dossier([], [])
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as out:
        out.write("{\n")
        for key in ("version", "generated_at"):
            out.write(f"  {json.dumps(key)}: {json.dumps(header[key], ensure_ascii=False)},\n")
        lists: list[tuple[str, Iterable[Any]]] = [("articles", articles), ("duplicates", duplicates),
                                                  ("skipped", (s.to_dict() for s in skipped)), ("stories", stories)]
        for n, (key, items) in enumerate(lists):
            out.write(f"  {json.dumps(key)}: ")
            _write_list(out, items)
            out.write(",\n" if n < len(lists) - 1 else "\n")
        out.write("}\n")
    os.replace(tmp, path)
    return {"version": header["version"], "generated_at": header["generated_at"]}


def _write_list(out: TextIO, items: Iterable[Any]) -> None:
    """A list at depth 1 exactly as json.dumps(indent=2) writes it."""
    first = True
    for item in items:
        out.write("[\n" if first else ",\n")
        out.write(textwrap.indent(json.dumps(item, ensure_ascii=False, indent=2), "    ", lambda _: True))
        first = False
    out.write("[]" if first else "\n  ]")


def write_article(stream: TextIO, article: Article) -> None:
    stream.write(article_line(article) + "\n")
