"""Input paths → DIR/articles.jsonl, DIR/dossier.json and DIR/index.html.

Articles are read, annotated and written to articles.jsonl one by one; the corpus stage
(duplicates, stories, claims…) then needs them all together.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from kliping.corpus.assemble import analyze_corpus
from kliping.model import Article, Skipped
from kliping.run import engines
from kliping.show.jsonout import article_summary, dossier, write_article, write_json
from kliping.show.report import write_report
from kliping.show.views import dossier_view


@dataclass
class RunSummary:
    """What a run produced: counts, skipped inputs and the files written."""

    articles: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    stories: int = 0
    claims: Counter[str] = field(default_factory=Counter)
    duplicates: int = 0


def analyze(
    paths: Iterable[str],
    out_dir: str | Path,
    *,
    stdin: BinaryIO | None = None,
    on_item: Callable[[Article | Skipped], None] | None = None,
    on_stage: Callable[[str], None] | None = None,
    engine: str = "local",
    workers: int | None = None,
    scheduler: str | None = None,
) -> RunSummary:
    """Read every input, write articles.jsonl, dossier.json and index.html into ``out_dir``.

    ``engine``, ``workers`` and ``scheduler`` choose where the per-article chain runs (see
    ``run.engines``); the output is the same. The corpus stage runs here, in this process.
    """
    items = engines.extract(paths, engine=engine, workers=workers, scheduler=scheduler, stdin=stdin)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    summary = RunSummary()
    articles: list[Article] = []
    articles_path = out / "articles.jsonl"
    tmp = articles_path.with_name(articles_path.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as stream:
        for item in items:
            if isinstance(item, Skipped):
                summary.skipped.append(item)
            else:
                write_article(stream, item)
                articles.append(item)
            if on_item is not None:
                on_item(item)
    os.replace(tmp, articles_path)
    summary.articles = len(articles)
    if on_stage is not None:
        on_stage("grouping stories and claims")
    corpus = analyze_corpus(articles)
    summary.stories = len(corpus.stories)
    summary.duplicates = sum(len(g) - 1 for g in corpus.duplicates)
    summary.claims = Counter(c.status for s in corpus.stories for c in s.claims)
    data = dossier([article_summary(a) for a in articles], summary.skipped, corpus.duplicates,
                   [s.to_dict() for s in corpus.stories])
    dossier_path = out / "dossier.json"
    write_json(dossier_path, data)
    if on_stage is not None:
        on_stage("writing index.html")
    report_path = write_report(out / "index.html", dossier_view(data, articles))
    summary.files = [dossier_path, articles_path, report_path]
    return summary
