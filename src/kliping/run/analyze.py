"""Input paths → DIR/articles.jsonl and DIR/dossier.json, streaming article by article.

Only small per-article summaries are kept in memory; full articles go to disk as they come.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from kliping.model import Article, Skipped
from kliping.pipeline import extract
from kliping.show.jsonout import article_summary, dossier, write_article, write_json


@dataclass
class RunSummary:
    """What a run produced: counts, skipped inputs and the files written."""

    articles: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)


def analyze(
    paths: Iterable[str],
    out_dir: str | Path,
    *,
    stdin: BinaryIO | None = None,
    on_item: Callable[[Article | Skipped], None] | None = None,
) -> RunSummary:
    """Read every input, write articles.jsonl and dossier.json into ``out_dir``."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    summary = RunSummary()
    listed: list[dict[str, Any]] = []
    articles_path = out / "articles.jsonl"
    tmp = articles_path.with_name(articles_path.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as stream:
        for item in extract(paths, stdin=stdin):
            if isinstance(item, Skipped):
                summary.skipped.append(item)
            else:
                write_article(stream, item)
                listed.append(article_summary(item))
                summary.articles += 1
            if on_item is not None:
                on_item(item)
    os.replace(tmp, articles_path)
    dossier_path = out / "dossier.json"
    write_json(dossier_path, dossier(listed, summary.skipped))
    summary.files = [dossier_path, articles_path]
    return summary
