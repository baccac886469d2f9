"""Input paths → articles added to the store (read, annotate, store in batches); the store → a dossier folder.

``add_paths`` is `kliping add`: articles stream from the per-article chain straight into
``Store.add``, which commits every batch, so a huge input makes progress and a rerun skips what is
stored. ``analyze_store`` is `kliping analyze --db`: dossier.json, articles.jsonl and index.html
written from everything in the store (after adding PATHs, if given).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from pathlib import Path
from typing import Any, BinaryIO

from kliping.corpus.assemble import build_story, story_rank
from kliping.errors import InputError
from kliping.jsonout import article_summary, dossier, write_article, write_json
from kliping.model import AddSummary, Article, DossierPage, PageWriter, RawDocument, RunSummary, Skipped, Story
from kliping.pipeline import unique_id
from kliping.read.fetch import Fetcher, FetchOptions
from kliping.read.fields import FieldMap
from kliping.read.web import Note, WebReader, split_inputs
from kliping.run.analyze import REPORT_STORIES
from kliping.run.engines import check_options, extract, run_partition
from kliping.store import BATCH_SIZE, Store

DEFAULT_DB = "kliping.db"


def add_paths(
    paths: Iterable[str],
    db: str | Path = DEFAULT_DB,
    *,
    stdin: BinaryIO | None = None,
    on_item: Callable[[Article | Skipped], None] | None = None,
    batch_size: int = BATCH_SIZE,
    engine: str = "local",
    workers: int | None = None,
    scheduler: str | None = None,
    field_map: FieldMap | None = None,
    fetch: FetchOptions | None = None,
    fetcher: Fetcher | None = None,
    on_note: Note | None = None,
) -> AddSummary:
    """Read and annotate every input under ``paths`` (on ``engine``, as ``analyze`` does; JSON lines' fields
    renamed by ``field_map``) and add the articles to the store at ``db``, in input order: the same store
    whichever engine ran them.

    http(s) arguments are pages, feeds or sitemaps, read after the paths by ``fetcher`` (default: one
    made with ``fetch`` options, keeping its WARC and validators beside ``db``); a feed's articles already
    stored are passed over (counted as already stored) and ``on_note`` hears what each feed listed."""
    if batch_size < 1:
        raise InputError(f"--batch-size must be at least 1, not {batch_size}")
    check_options(engine, workers, scheduler)  # before the store is opened or anything read
    files, urls = split_inputs(paths)
    summary = AddSummary(Path(db))

    def articles(store: Store, web: Fetcher | None) -> Iterator[Article]:
        items = extract(files, stdin=stdin, engine=engine, workers=workers, scheduler=scheduler,
                        field_map=field_map) if files else ()
        if web is not None:
            reader = WebReader(web, stored=store.stored_locators, on_note=on_note)
            items = chain(items, web_articles(reader.read(urls)))
        for item in items:
            if on_item is not None:
                on_item(item)
            if isinstance(item, Skipped):
                summary.skipped.append(item)
            else:
                summary.read += 1
                yield item
        if web is not None:
            summary.already += reader.unchanged

    web = (fetcher or Fetcher.beside(db, fetch)) if urls else None
    try:
        with Store.open(db) as store:
            result = store.add(articles(store, web), batch_size=batch_size)
            summary.added, summary.stories_touched = result.added, result.stories_touched
            summary.already += result.already
            summary.stored = store.article_count()
            summary.stories = len(store.story_ids())
        if web is not None:
            web.save()  # the validators only once what was read is stored: a killed add reads it all again
    finally:
        if web is not None and fetcher is None:
            web.close()
    return summary


def web_articles(documents: Iterable[RawDocument | Skipped]) -> Iterator[Article | Skipped]:
    """Fetched documents through the per-article chain (``engines.run_partition``, in this process: fetching
    is the slow part), ids made unique as ``pipeline.extract`` makes them."""
    seen: dict[str, int] = {}
    for document in documents:
        for raw_id, item in run_partition([document]):
            if raw_id is not None and isinstance(item, Article):
                item.id = unique_id(raw_id, seen)
            yield item


def analyze_store(
    db: str | Path,
    out_dir: str | Path,
    paths: Iterable[str] = (),
    *,
    stdin: BinaryIO | None = None,
    on_item: Callable[[Article | Skipped], None] | None = None,
    on_stage: Callable[[str], None] | None = None,
    engine: str = "local",
    workers: int | None = None,
    scheduler: str | None = None,
    page: PageWriter | None = None,
    field_map: FieldMap | None = None,
    fetch: FetchOptions | None = None,
    on_note: Note | None = None,
) -> RunSummary:
    """Write dossier.json and articles.jsonl for everything in the store (adding ``paths`` first, on
    ``engine``; URLs fetched with ``fetch`` options), and index.html with ``page`` (show/report.py's
    write_dossier_page)."""
    paths = list(paths)
    skipped: list[Skipped] = []
    check_options(engine, workers, scheduler)
    if paths:
        skipped = add_paths(paths, db, stdin=stdin, on_item=on_item, engine=engine, workers=workers,
                            scheduler=scheduler, field_map=field_map, fetch=fetch, on_note=on_note).skipped
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with Store.open(db, create=False, write=False) as store:
        stale = store.stale()
    if stale:  # an add was killed before it regrouped: the stories of the stored articles, as analyze makes them
        with Store.open(db, create=False) as store:
            store.settle()
    with Store.open(db, create=False, write=False) as store:
        if on_stage is not None:
            on_stage("building stories")
        articles_path = out / "articles.jsonl"
        tmp = articles_path.with_name(articles_path.name + ".tmp")
        summaries = []
        with tmp.open("w", encoding="utf-8") as stream:  # one pass over the articles: the file and the summaries
            for article in store.iter_articles():
                write_article(stream, article)
                summaries.append(article_summary(article))
        built = built_stories(store)
        duplicates = store.duplicate_groups()
        data = dossier(summaries, skipped, duplicates, [s.to_dict() for s in built])
        dossier_path = out / "dossier.json"
        write_json(dossier_path, data)
        os.replace(tmp, articles_path)
        files = [dossier_path, articles_path]
        claims = Counter(c.status for s in built for c in s.claims)
        if page is not None:  # the page analyze writes: the biggest stories, the articles and copies they show
            if on_stage is not None:
                on_stage("writing index.html")
            # Through dossier.json's form, as analyze's page reads them (a Claim's speaker is not in it).
            top = [Story.from_dict(s) for s in data["stories"][:REPORT_STORIES]]
            shown = {i for s in top for i in s.article_ids}
            shown_page = DossierPage(data["version"], data["generated_at"], top,
                                     [g for g in duplicates if shown.intersection(g)], skipped,
                                     article_count=len(summaries), story_count=len(built), claim_counts=claims)
            articles = {a.id: a for a in store.articles(sorted(shown))}
            files.append(page(out / "index.html", shown_page, articles))
    return RunSummary(articles=len(summaries), skipped=skipped, files=files, stories=len(built),
                      duplicates=sum(len(g) - 1 for g in duplicates), claims=claims)


def stored_story(store: Store, story_id: str) -> Story | None:
    """The full story (events, claims, timeline, quotes, summary) built now from its stored articles by the
    corpus stage, as ``analyze`` builds it; None for an unknown id."""
    stored = store.story_articles(story_id)
    return None if stored is None else build_story(stored.id, stored.articles, stored.representative)


def built_stories(store: Store) -> list[Story]:
    """Every story of the store built, in the dossier's order (story_rank)."""
    built = [s for s in (stored_story(store, sid) for sid in store.story_ids()) if s is not None]
    built.sort(key=story_rank)
    return built


def store_dossier(store: Store, skipped: Iterable[Skipped] = ()) -> dict[str, Any]:
    """The dossier.json object (SPEC.md) of everything in ``store``, as ``analyze --db`` writes it."""
    summaries = [article_summary(a) for a in store.iter_articles()]
    return dossier(summaries, list(skipped), store.duplicate_groups(), [s.to_dict() for s in built_stories(store)])
