"""Input paths → Articles and Skipped in input order, the per-article chain run in worker processes or on Dask.

The engine is a choice of *how*, never of *what*: every worker runs ``pipeline.process`` on the
documents ``read.iter_documents`` gives it, exactly as the in-process run does. A run is cut into
partitions (one input file each; a big JSON-lines file into chunks of documents), partitions are
computed concurrently, and their results are handed back in input order, with repeated ids renamed
"~2", "~3"… by the driver, so articles.jsonl and dossier.json are the same whichever engine ran them.

    local, 1 worker     pipeline.extract in this process (the default; no pickling, no pool)
    local, N workers    a ProcessPoolExecutor of N spawned processes
    dask                a running cluster (``scheduler`` address) or a LocalCluster of N processes
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from importlib.util import find_spec
from typing import Any, BinaryIO, Protocol

from kliping.errors import InputError, Rejected
from kliping.model import Article, RawDocument, Skipped
from kliping.pipeline import extract as extract_in_process
from kliping.pipeline import process, unique_id
from kliping.read import expand_paths, iter_documents
from kliping.read.sniff import format_from_name

__all__ = ["DEFAULT_DASK_WORKERS", "ENGINES", "Known", "extract", "partitions", "run_partition"]

ENGINES = ("local", "dask")
DEFAULT_DASK_WORKERS = 2
# A JSON-lines file this big is read in the driver and its documents shipped in chunks, so one
# huge export still keeps every worker busy; reading a line is cheap next to annotating it.
JSONL_SPLIT_BYTES = 1 << 20
CHUNK_DOCUMENTS = 100
# Partitions in flight per worker: enough to keep workers fed, few enough to bound memory.
_IN_FLIGHT_PER_WORKER = 4
_STDIN = ("-", "-")

Item = Article | Skipped
Documents = list[RawDocument | Skipped]
# One file for a worker to read, (name as given, absolute path), or documents the driver has read.
Partition = tuple[str, str] | Documents
Result = list[tuple[str | None, Item]]  # (id as read, or None for a read failure; what came of it)


@dataclass
class Known:
    """Items known without any work (a path that names nothing): passed through in order."""

    result: Result


class _Pending(Protocol):
    """A partition being computed: a concurrent.futures or a dask.distributed future."""

    def result(self) -> Result: ...


def extract(
    paths: Iterable[str],
    *,
    engine: str = "local",
    workers: int | None = None,
    scheduler: str | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[Item]:
    """Like ``pipeline.extract`` (same items, same order, same ids), computed by ``engine``.

    ``workers``: worker processes (local: default 1, which runs in this process as before;
    dask: the size of the LocalCluster, default 2). ``scheduler``: the address of a running
    Dask scheduler (``tcp://host:8786``); its workers must see the input paths.
    Bad options raise InputError here, before anything is read.
    """
    if isinstance(paths, str | bytes):
        raise InputError("extract takes a list of paths, not a single string")
    if engine not in ENGINES:
        raise InputError(f"unknown engine {engine!r}: use one of {', '.join(ENGINES)}")
    if workers is not None and workers < 1:
        raise InputError(f"workers must be at least 1, not {workers}")
    if scheduler and engine != "dask":
        raise InputError("a scheduler address needs the dask engine (--engine dask)")
    if engine == "dask":
        if find_spec("distributed") is None:
            raise InputError("the dask engine needs Dask: pip install 'dask[distributed]'")
        return _on_dask(list(paths), workers, scheduler, stdin)
    if workers is None or workers == 1:
        return extract_in_process(paths, stdin=stdin)
    return _on_processes(list(paths), workers, stdin)


def run_partition(partition: Partition) -> Result:
    """The work of one partition, in a worker: read (if it is a file) and process each document."""
    if isinstance(partition, list):
        return [_process_one(document) for document in partition]
    name, location = partition
    return [_process_one(_named(document, location, name)) for document in iter_documents([location])]


def _named(document: RawDocument | Skipped, location: str, name: str) -> RawDocument | Skipped:
    """Give back the path as the user wrote it: a worker (maybe on another machine, in another
    folder) reads the absolute path, but sources (``file``, ``file:LINE``, ``file#URI``) must
    read as in a run in one process."""
    if name != location and document.source.startswith(location):
        document.source = name + document.source[len(location):]
    return document


def _process_one(document: RawDocument | Skipped) -> tuple[str | None, Item]:
    # The same handling as pipeline.extract, minus the id renaming, which needs the whole run.
    if isinstance(document, Skipped):
        return None, document
    try:
        return document.id, process(document)
    except Rejected as err:
        return document.id, Skipped(document.source, err.reason)


def partitions(paths: Iterable[str], *, split_bytes: int | None = None,
               chunk: int | None = None) -> Iterator[Partition | Known]:
    """Cut a run into partitions, in input order: files, chunks of a big JSON-lines file, Known items.

    ``-`` (stdin) comes out as ``("-", "-")``: callers read it in the driver. ``split_bytes`` and ``chunk``
    default to JSONL_SPLIT_BYTES and CHUNK_DOCUMENTS, read at call time so tests can lower them.
    """
    split_bytes = JSONL_SPLIT_BYTES if split_bytes is None else split_bytes
    chunk = CHUNK_DOCUMENTS if chunk is None else chunk
    for item in expand_paths(paths):
        if isinstance(item, Skipped):
            yield Known([(None, item)])
        elif item == "-":
            yield _STDIN
        elif _is_big_jsonl(item, split_bytes):
            yield from _chunks(iter_documents([item]), chunk)
        else:
            yield item, os.path.abspath(item)


def _is_big_jsonl(path: str, split_bytes: int) -> bool:
    if format_from_name(path) != "jsonl":
        return False
    try:
        return os.stat(path).st_size > split_bytes
    except OSError:
        return False  # the worker reads it and reports why it cannot


def _chunks(documents: Iterable[RawDocument | Skipped], size: int) -> Iterator[Documents]:
    batch: Documents = []
    for document in documents:
        batch.append(document)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _in_order(
    parts: Iterable[Partition | Known],
    submit: Callable[[Partition], _Pending],
    window: int,
    stdin: BinaryIO | None,
) -> Iterator[Item]:
    """Submit partitions, at most ``window`` in flight, and yield their items in input order."""
    pending: deque[_Pending | Result] = deque()
    seen: dict[str, int] = {}
    for part in _with_stdin_read(parts, stdin):
        pending.append(part.result if isinstance(part, Known) else submit(part))
        while len(pending) > window:
            yield from _renamed(_take(pending.popleft()), seen)
    while pending:
        yield from _renamed(_take(pending.popleft()), seen)


def _with_stdin_read(parts: Iterable[Partition | Known], stdin: BinaryIO | None) -> Iterator[Partition | Known]:
    for part in parts:
        if part == _STDIN:
            # stdin cannot be shipped to a worker: read it here, in chunks, and process them there.
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _chunks(iter_documents(["-"], stdin=stream), CHUNK_DOCUMENTS)
        else:
            yield part


def _take(entry: _Pending | Result) -> Result:
    return entry if isinstance(entry, list) else entry.result()


def _renamed(result: Result, seen: dict[str, int]) -> Iterator[Item]:
    """Apply pipeline.extract's id rule across partitions: a repeated id gets "~2", "~3"…"""
    for raw_id, item in result:
        if raw_id is not None:
            new_id = unique_id(raw_id, seen)  # counted for rejected documents too, as in-process
            if isinstance(item, Article):
                item.id = new_id
        yield item


def _on_processes(paths: list[str], workers: int, stdin: BinaryIO | None) -> Iterator[Item]:
    # spawn, not fork: the driver may run threads (the progress display), and a forked child
    # of a threaded process can deadlock. Each worker loads the models once, on first use.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        def submit(part: Partition) -> _Pending:
            return pool.submit(run_partition, part)

        yield from _in_order(partitions(paths), submit, workers * _IN_FLIGHT_PER_WORKER, stdin)


def _on_dask(paths: list[str], workers: int | None, scheduler: str | None,
             stdin: BinaryIO | None) -> Iterator[Item]:
    # Imported here: dask is optional and slow to import; the default run never needs it.
    from dask.distributed import Client, LocalCluster

    if scheduler:
        # A cluster someone else runs: connect, and leave it running when done.
        with Client(scheduler) as client:  # type: ignore[no-untyped-call]
            size = max(1, len(client.scheduler_info().get("workers", {})))
            yield from _on_client(client, paths, size, stdin)
        return
    size = workers or DEFAULT_DASK_WORKERS
    cluster = LocalCluster(  # type: ignore[no-untyped-call]
        n_workers=size, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=logging.ERROR)
    with cluster, Client(cluster) as client:  # type: ignore[no-untyped-call]
        yield from _on_client(client, paths, size, stdin)


def _on_client(client: Any, paths: list[str], size: int, stdin: BinaryIO | None) -> Iterator[Item]:
    def submit(part: Partition) -> _Pending:
        # pure=False: the same path read twice may have changed on disk; never reuse a result.
        future: _Pending = client.submit(run_partition, part, pure=False)
        return future

    yield from _in_order(partitions(paths), submit, size * _IN_FLIGHT_PER_WORKER, stdin)
