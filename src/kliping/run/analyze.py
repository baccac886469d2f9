"""Input paths → DIR/articles.jsonl, DIR/dossier.json and DIR/index.html, streaming, on any engine.

Three passes, none holding the corpus in memory:

1. read: input partitions are annotated by the engine's workers (``read_partition``: the per-article
   chain plus each article's clustering keys); the driver appends each article to articles.jsonl as
   it comes and records its place, dossier summary and keys in the run's journal (``run.journal``).
2. group: the journal gives the articles back in date order to ``corpus.rolling``, the one
   sequential step; each story it closes is built (events, claims, timeline…) by the workers
   (``build_stories``), which read the story's articles from articles.jsonl by offset.
3. write: dossier.json is streamed from the journal, index.html shows the biggest stories.

A run that stops (Ctrl-C, a crash, a machine gone) keeps its journal: ``resume=True`` skips the
input partitions already recorded and redoes only the rest and passes 2-3.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Any, BinaryIO

from kliping.corpus.assemble import build_story, story_number
from kliping.corpus.rolling import MAX_OPEN_ARTICLES, ArticleKeys, RollingGrouper, article_keys
from kliping.corpus.statement_records import pack, unpack
from kliping.corpus.statements import article_statements
from kliping.errors import InputError
from kliping.jsonout import article_line, article_summary, write_dossier
from kliping.model import Article, DossierPage, PageWriter, RawDocument, RunSummary, Skipped, Story
from kliping.read.fetch import Fetcher, FetchOptions, closing_fetcher
from kliping.read.fields import FieldMap
from kliping.read.web import Note, WebReader, is_url, split_inputs
from kliping.run import engines
from kliping.run.journal import ArticleRow, Journal

# The report shows the biggest stories; every story is in dossier.json.
REPORT_STORIES = 300
# Stories are built in batches of about this many articles: big enough to keep a worker busy for a
# while, small enough that the articles of a batch fit in a worker's memory.
BATCH_ARTICLES = 400


@dataclass
class Processed:
    """One article as a worker hands it to the driver: already serialised, with its clustering keys and its
    statements (made here, in the parallel pass, so that building its story need not make them)."""

    line: str
    summary: str
    keys: str
    sig: bytes
    day: int | None
    statements: bytes


Outcome = list[tuple[str | None, Processed | Skipped]]
# (story id, [(article id, offset, length, representative, statements offset, statements length)]): what a
# worker needs to build one story.
StoryTask = tuple[str, list[tuple[str, int, int, str, int, int]]]
Built = list[tuple[int, int, str | None, str, list[str]]]  # (number, size, start, story JSON, claim statuses)


def analyze(
    paths: Iterable[str],
    out_dir: str | Path,
    *,
    stdin: BinaryIO | None = None,
    on_item: Callable[[Article | Skipped | str], None] | None = None,
    on_stage: Callable[[str], None] | None = None,
    engine: str = "local",
    workers: int | None = None,
    scheduler: str | None = None,
    resume: bool = False,
    open_articles: int = MAX_OPEN_ARTICLES,
    page: PageWriter | None = None,
    field_map: FieldMap | None = None,
    fetch: FetchOptions | None = None,
    on_note: Note | None = None,
) -> RunSummary:
    """Read every input, write articles.jsonl and dossier.json into ``out_dir``, and index.html with
    ``page`` (show/report.py's write_dossier_page; ``kliping.analyze`` and the command line pass it).

    ``engine``, ``workers`` and ``scheduler`` choose where the work runs (see ``run.engines``); the
    output is the same. ``on_item`` hears of each article (its id) and each Skipped as it is read.
    ``resume`` continues the unfinished run of the same ``paths`` in ``out_dir``. ``open_articles`` bounds
    the articles in open stories (``corpus.rolling``): the driver's memory. ``field_map`` renames the fields
    of JSON lines (``--map``, read/fields.py). http(s) ``paths`` are pages, feeds or sitemaps, fetched after
    the files with ``fetch`` options (``read.web``), their responses kept in ``out_dir``/fetched.warc.gz;
    ``on_note`` hears what each feed listed.
    """
    if isinstance(paths, str | bytes):
        raise InputError("analyze takes a list of paths, not a single string")
    paths = list(paths)
    engines.check_options(engine, workers, scheduler)
    if open_articles < 1:
        raise InputError(f"--open-articles must be at least 1, not {open_articles}")
    if resume and "-" in paths:
        raise InputError("a run that reads stdin (-) cannot be resumed: stdin cannot be read twice")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    journal = Journal(out, [p if p == "-" or is_url(p) else os.path.abspath(p) for p in paths], resume=resume)
    partial = (out / "articles.jsonl.tmp").resolve()  # workers read it: absolute, as they may run elsewhere
    summary = RunSummary()
    finished = False
    try:
        clock = time.perf_counter()

        def lap(stage: str) -> None:
            nonlocal clock
            now = time.perf_counter()
            summary.seconds[stage] = now - clock
            clock = now

        files, urls = split_inputs(paths)
        web = Fetcher(fetch or FetchOptions(), archive=out / "fetched.warc.gz") if urls else None
        with engines.open_engine(engine, workers, scheduler) as running, closing_fetcher(web):
            fetched = WebReader(web, on_note=on_note).read(urls) if web is not None else iter(())
            _read(files, fetched, partial, journal, running, stdin, on_item, field_map)
            lap("read")
            if on_stage is not None:
                on_stage("grouping stories and claims")
            _group(partial, journal, running, summary, open_articles)
            lap("group")
        if on_stage is not None:
            on_stage("writing dossier.json and index.html" if page is not None else "writing dossier.json")
        summary.files = _write(out, partial, journal, summary, page)
        lap("write")
        finished = True
    finally:
        journal.close(finished=finished)
    return summary


# --- pass 1: read ---------------------------------------------------------------------------------------


def read_partition(part: engines.Partition | engines.Known) -> Outcome:
    """In a worker: the per-article chain over one partition, each article serialised with its keys."""
    out: Outcome = []
    for raw_id, item in engines.run_known(part):
        if isinstance(item, Skipped):
            out.append((raw_id, item))
            continue
        keys = article_keys(item)
        out.append((raw_id, Processed(article_line(item), json.dumps(article_summary(item), ensure_ascii=False),
                                      json.dumps(keys.to_record(), ensure_ascii=False), keys.signature.tobytes(),
                                      keys.day, pack(article_statements(item)))))
    return out


def _read(paths: list[str], fetched: Iterator[RawDocument | Skipped], partial: Path, journal: Journal,
          running: engines.Engine, stdin: BinaryIO | None,
          on_item: Callable[[Article | Skipped | str], None] | None, field_map: FieldMap | None = None) -> None:
    done = journal.done_parts()
    position = (0, 0, 0)  # (articles.jsonl offset, next seq, statements offset) after the partitions skipped so far
    todo: list[tuple[int, str | None]] = []
    stream = said = None

    def parts() -> Iterator[engines.Partition | engines.Known]:
        nonlocal position, stream, said
        skipping = True
        # Fetched pages come after the files, one document a partition and no key: a resumed run fetches them again.
        web_parts = ((None, [document]) for document in fetched)
        keyed = engines.keyed_partitions(paths, field_map=field_map)
        for n, (key, part) in enumerate(chain(engines.with_stdin_read(keyed, stdin, field_map), web_parts)):
            if skipping and key is not None and n in done and done[n][0] == key:
                position = done[n][1], done[n][2], done[n][3]
                continue
            if skipping:  # the first partition to (re)do: everything written after the skipped ones goes
                skipping = False
                journal.forget_from(n, position[1])
                stream = _open_at(partial, position[0])
                said = _open_at(journal.statements_path, position[2])
            todo.append((n, key))
            yield part

    seq = 0
    for index, result in enumerate(running.map_in_order(read_partition, parts())):
        assert stream is not None and said is not None  # opened before the first partition was handed out
        n, key = todo[index]
        if index == 0:
            seq = position[1]
        rows: list[ArticleRow] = []
        skips: list[tuple[int, Skipped]] = []
        journal.begin_part()
        for raw_id, item in result:
            new_id = journal.unique_id(raw_id) if raw_id is not None else None
            if isinstance(item, Skipped):
                skips.append((seq, item))
            else:
                assert raw_id is not None and new_id is not None
                line, summary = item.line, item.summary
                if new_id != raw_id:  # a repeated id: "x~2", as pipeline.extract names it
                    line, summary = _renamed(line, new_id), _renamed(summary, new_id)
                data = (line + "\n").encode("utf-8")
                offset, said_offset = stream.tell(), said.tell()
                stream.write(data)
                said.write(item.statements)
                rows.append((seq, new_id, item.day, offset, len(data), summary, item.keys, item.sig, said_offset,
                             len(item.statements)))
            seq += 1
            if on_item is not None:
                on_item(item if isinstance(item, Skipped) else new_id or "")
        stream.flush()
        said.flush()
        journal.record_part(n, key, rows, skips, stream.tell(), seq, said.tell())
    if stream is None or said is None:  # every partition was done before: nothing to redo, but the files must be whole
        stream, said = _open_at(partial, position[0]), _open_at(journal.statements_path, position[2])
    stream.close()
    said.close()


def _open_at(path: Path, offset: int) -> Any:
    """articles.jsonl.tmp opened for appending at ``offset``: what came after it (an unfinished partition) goes."""
    if offset == 0 or not path.exists():
        if offset:
            raise InputError(f"cannot resume: {path} is gone; run without --resume to start over")
        return path.open("wb")
    stream = path.open("r+b")
    stream.truncate(offset)
    stream.seek(offset)
    return stream


def _renamed(line: str, new_id: str) -> str:
    data = json.loads(line)
    data["id"] = new_id
    return json.dumps(data, ensure_ascii=False)


# --- pass 2: group --------------------------------------------------------------------------------------


def build_stories(task: tuple[str, list[StoryTask], str]) -> Built:
    """In a worker: read each story's articles from articles.jsonl and their statements from the journal's
    statements file by offset, and build the Story."""
    path, stories, said_path = task
    built: Built = []
    with open(path, "rb") as stream, open(said_path, "rb") as said:
        for story_id, places in stories:
            articles = []
            for _, offset, length, _, said_offset, said_length in places:
                stream.seek(offset)
                article = Article.from_dict(json.loads(stream.read(length)))
                said.seek(said_offset)
                unpack(said.read(said_length), article)
                articles.append(article)
            representative = {i: rep for i, _, _, rep, _, _ in places if rep != i}
            story = build_story(story_id, articles, representative)
            built.append((story_number(story_id), len(articles), story.start,
                          json.dumps(story.to_dict(), ensure_ascii=False), [c.status for c in story.claims]))
    return built


def _group(partial: Path, journal: Journal, running: engines.Engine, summary: RunSummary,
           open_articles: int) -> None:
    journal.start_corpus()
    stories_path = journal.dir / "stories.jsonl"
    with stories_path.open("wb") as out:
        rows: list[tuple[int, int, str | None, int, int]] = []
        for built in running.map_in_order(build_stories, _story_batches(partial, journal, open_articles)):
            for number, size, start, text, statuses in built:
                data = (text + "\n").encode("utf-8")
                rows.append((number, size, start, out.tell(), len(data)))
                out.write(data)
                summary.claims.update(statuses)
            if len(rows) >= 1000:
                journal.record_stories(rows)
                rows = []
        journal.record_stories(rows)


def _story_batches(partial: Path, journal: Journal, open_articles: int
                   ) -> Iterator[tuple[str, list[StoryTask], str]]:
    """The rolling step, in the driver: articles in date order in, batches of closed stories out."""
    live: dict[str, tuple[int, int, int, int]] = {}  # article id → place in articles.jsonl and of its statements,
    # while its story is open
    reps: dict[str, str] = {}  # a live article's representative, once its duplicate window has closed
    order: list[tuple[int, int]] = []
    batch: list[StoryTask] = []
    size = 0
    said = str(journal.statements_path.resolve())  # workers read it too

    def in_date_order() -> Iterator[ArticleKeys]:
        nonlocal order
        for chrono, (seq, article_id, offset, length, keys, sig, said_offset, said_length) in enumerate(
                journal.in_date_order()):
            live[article_id] = (offset, length, said_offset, said_length)
            order.append((chrono, seq))
            if len(order) >= 5000:
                journal.record_order(order)
                order = []
            yield ArticleKeys.from_record(article_id, json.loads(keys), sig)

    for pairs, closed in RollingGrouper(max_open_articles=open_articles).roll(in_date_order()):
        if pairs:  # stored before the stories: their articles' pairs are in here
            journal.record_duplicates(pairs)
            reps.update(pairs)
        for story in closed:
            places = []
            for i in story.article_ids:
                offset, length, said_offset, said_length = live.pop(i)
                places.append((i, offset, length, reps.pop(i, i), said_offset, said_length))
            batch.append((story.id, places))
            size += len(places)
        if size >= BATCH_ARTICLES:
            yield from _cut(str(partial), batch, said)
            batch, size = [], 0
    journal.record_order(order)
    yield from _cut(str(partial), batch, said)


def _cut(partial: str, batch: list[StoryTask], said: str) -> Iterator[tuple[str, list[StoryTask], str]]:
    """Stories in tasks of about BATCH_ARTICLES articles. The last article of a run, or one day past the
    open-story budget, closes many stories at once: one task of them all would leave the other workers idle."""
    while batch:
        cut, taken = 0, 0
        while cut < len(batch) and taken < BATCH_ARTICLES:
            taken += len(batch[cut][1])
            cut += 1
        yield partial, batch[:cut], said
        batch = batch[cut:]


# --- pass 3: write --------------------------------------------------------------------------------------


def _write(out: Path, partial: Path, journal: Journal, summary: RunSummary, page: PageWriter | None) -> list[Path]:
    stories_path = journal.dir / "stories.jsonl"
    summary.skipped = journal.skipped()
    summary.articles, summary.stories, summary.duplicates = journal.counts()
    dossier_path = out / "dossier.json"
    with stories_path.open("rb") as stories:
        top = [Story.from_dict(_read_at(stories, o, n)) for o, n in journal.story_places(limit=REPORT_STORIES)]
        shown = {i for s in top for i in s.article_ids}
        shown_groups: list[list[str]] = []

        def groups() -> Iterator[list[str]]:
            for group in journal.duplicate_groups():
                if shown.intersection(group):  # the report needs only the groups of what it shows
                    shown_groups.append(group)
                yield group

        # Everything streams from the journal: one article summary, group or story in memory at a time.
        header = write_dossier(dossier_path, journal.summaries(), summary.skipped, groups(),
                               (_read_at(stories, o, n) for o, n in journal.story_places()))
    articles = _articles_at(partial, journal.article_places(sorted(shown))) if page is not None else {}
    articles_path = out / "articles.jsonl"
    os.replace(partial, articles_path)
    if page is None:
        return [dossier_path, articles_path]
    shown_page = DossierPage(header["version"], header["generated_at"], top, shown_groups, summary.skipped,
                             article_count=summary.articles, story_count=summary.stories, claim_counts=summary.claims)
    report_path = page(out / "index.html", shown_page, articles)
    return [dossier_path, articles_path, report_path]


def _read_at(stream: Any, offset: int, length: int) -> Any:
    stream.seek(offset)
    return json.loads(stream.read(length))


def _articles_at(path: Path, places: dict[str, tuple[int, int]]) -> dict[str, Article]:
    with path.open("rb") as stream:
        return {i: Article.from_dict(_read_at(stream, offset, length)) for i, (offset, length) in places.items()}
