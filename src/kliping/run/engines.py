"""Input paths → Articles and Skipped in input order, the per-article chain run in worker processes or on Dask.

The engine is a choice of *how*, never of *what*: every worker runs ``pipeline.process`` on the
documents ``read.iter_documents`` gives it, exactly as the in-process run does. A run is cut into
partitions (one input file each; a big JSON-lines or WARC file into chunks of documents), partitions are
computed concurrently, and their results are handed back in input order, with repeated ids renamed
"~2", "~3"… by the driver, so articles.jsonl and dossier.json are the same whichever engine ran them.

Each article is held to the per-article time budget (``kliping.budget``) inside ``pipeline.process``,
so an article past it comes back Skipped on every engine: a process-pool worker runs its tasks in its
main thread and is cut by a CPU-timer signal, a Dask worker runs them in a thread and is cut by the
budget's watchdog. The budget is read from the environment, which spawned workers inherit.

    local, 1 worker     pipeline.extract in this process (the default; no pickling, no pool)
    local, N workers    a ProcessPoolExecutor of N spawned processes
    dask                a running cluster (``scheduler`` address) or a LocalCluster of N processes
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from importlib.util import find_spec
from typing import Any, BinaryIO, Generic, Protocol, TypeVar

from kliping.errors import InputError, Rejected
from kliping.model import Article, RawDocument, Skipped
from kliping.pipeline import extract as extract_in_process
from kliping.pipeline import process, unique_id
from kliping.read import expand_paths, iter_documents
from kliping.read.fields import FieldMap
from kliping.read.sniff import format_from_name

__all__ = ["DEFAULT_DASK_WORKERS", "ENGINES", "Engine", "Known", "check_options", "extract", "keyed_partitions",
           "open_engine", "partitions", "run_known", "run_partition", "with_stdin_read"]

ENGINES = ("local", "dask")
DEFAULT_DASK_WORKERS = 2
# A JSON-lines or WARC file this big is read in the driver and its documents shipped in chunks, so
# one huge export still keeps every worker busy; reading a record is cheap next to annotating it.
SPLIT_BYTES = 1 << 20
CHUNK_DOCUMENTS = 100
# Partitions in flight per worker: enough to keep workers fed, few enough to bound memory.
_IN_FLIGHT_PER_WORKER = 4
_STDIN = ("-", "-")

Item = Article | Skipped
Documents = list[RawDocument | Skipped]
# One file for a worker to read, (name as given, absolute path[, the --map for its JSON lines]), or documents
# the driver has read.
Partition = tuple[str, str] | tuple[str, str, FieldMap] | Documents
Result = list[tuple[str | None, Item]]  # (id as read, or None for a read failure; what came of it)


@dataclass
class Known:
    """Items known without any work (a path that names nothing): passed through in order."""

    result: Result


T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)


class _Pending(Protocol[T_co]):
    """Work being computed: a concurrent.futures or a dask.distributed future, or a result at hand."""

    def result(self) -> T_co: ...


class _Done(Generic[T]):
    def __init__(self, value: T) -> None:
        self.value = value

    def result(self) -> T:
        return self.value


class Engine:
    """Where step functions run: ``submit(func, arg)`` gives a future; ``size`` is the number of workers."""

    def __init__(self, size: int, submit: Callable[[Callable[[Any], Any], Any], _Pending[Any]],
                 in_flight: int | None = None) -> None:
        self.size = size
        self._submit = submit
        self.in_flight = size * _IN_FLIGHT_PER_WORKER if in_flight is None else in_flight

    def submit(self, func: Callable[[Any], T], arg: Any) -> _Pending[T]:
        future: _Pending[T] = self._submit(func, arg)
        return future

    def map_in_order(self, func: Callable[[Any], T], args: Iterable[Any]) -> Iterator[T]:
        """func over args, computed concurrently, a few per worker in flight, results in the order of args."""
        pending: deque[_Pending[T]] = deque()
        window = self.in_flight
        for arg in args:
            pending.append(self.submit(func, arg))
            while len(pending) > window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def check_options(engine: str, workers: int | None, scheduler: str | None) -> None:
    """Bad engine options raise InputError, before anything is read."""
    if engine not in ENGINES:
        raise InputError(f"unknown engine {engine!r}: use one of {', '.join(ENGINES)}")
    if workers is not None and workers < 1:
        raise InputError(f"workers must be at least 1, not {workers}")
    if scheduler and engine != "dask":
        raise InputError("a scheduler address needs the dask engine (--engine dask)")
    if engine == "dask" and find_spec("distributed") is None:
        raise InputError("the dask engine needs Dask: pip install 'dask[distributed]'")


# Annotating an article makes and drops many small objects, nearly all freed by reference counting; at
# Python's default thresholds (700, 10, 10) the cyclic collector ran a young collection every 700 net
# allocations, and the older ones ten times less often, walking what survived again and again. 50,000, 20 and
# 100 measured 5-8% less CPU per article (2,000 generated articles, alternating pairs), for at most a few MB
# of cyclic garbage waiting to be collected.
GC_THRESHOLDS = (50_000, 20, 100)


def collect_less() -> None:
    """Set this process's cyclic-collector thresholds for long runs (worker processes and the command line)."""
    gc.set_threshold(*GC_THRESHOLDS)


@contextmanager
def open_engine(engine: str = "local", workers: int | None = None, scheduler: str | None = None) -> Iterator[Engine]:
    """An Engine for the run's lifetime: this process (local, 1 worker), a process pool, or Dask."""
    check_options(engine, workers, scheduler)
    if engine == "dask":
        with _dask_client(workers, scheduler) as (client, size):
            # pure=False: the same path read twice may have changed on disk; never reuse a result.
            yield Engine(size, lambda func, arg: client.submit(func, arg, pure=False))
    elif workers is None or workers == 1:
        # Work done at submission: nothing to keep in flight, each result is taken as soon as it is made.
        yield Engine(1, lambda func, arg: _Done(func(arg)), in_flight=0)
    else:
        # spawn, not fork: the driver may run threads (the progress display), and a forked child
        # of a threaded process can deadlock. Each worker loads the models once, on first use.
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=collect_less) as pool:
            yield Engine(workers, pool.submit)


def extract(
    paths: Iterable[str],
    *,
    engine: str = "local",
    workers: int | None = None,
    scheduler: str | None = None,
    stdin: BinaryIO | None = None,
    field_map: FieldMap | None = None,
) -> Iterator[Item]:
    """Like ``pipeline.extract`` (same items, same order, same ids), computed by ``engine``.

    ``workers``: worker processes (local: default 1, which runs in this process as before;
    dask: the size of the LocalCluster, default 2). ``scheduler``: the address of a running
    Dask scheduler (``tcp://host:8786``); its workers must see the input paths.
    Bad options raise InputError here, before anything is read.
    """
    if isinstance(paths, str | bytes):
        raise InputError("extract takes a list of paths, not a single string")
    check_options(engine, workers, scheduler)
    if engine == "local" and (workers is None or workers == 1):
        return extract_in_process(paths, stdin=stdin, field_map=field_map)
    return _on_engine(list(paths), engine, workers, scheduler, stdin, field_map)


def _on_engine(paths: list[str], engine: str, workers: int | None, scheduler: str | None,
               stdin: BinaryIO | None, field_map: FieldMap | None) -> Iterator[Item]:
    with open_engine(engine, workers, scheduler) as running:
        seen: dict[str, int] = {}
        parts = (part for _, part in with_stdin_read(keyed_partitions(paths, field_map=field_map), stdin, field_map))
        for result in running.map_in_order(run_known, parts):
            yield from _renamed(result, seen)


def run_known(part: Partition | Known) -> Result:
    """run_partition, or the items a Known already holds."""
    return part.result if isinstance(part, Known) else run_partition(part)


def run_partition(partition: Partition) -> Result:
    """The work of one partition, in a worker: read (if it is a file) and process each document."""
    if isinstance(partition, list):
        return [_process_one(document) for document in partition]
    name, location, *mapped = partition
    field_map = mapped[0] if mapped else None
    return [_process_one(_named(document, location, name))
            for document in iter_documents([location], field_map=field_map)]


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


def partitions(paths: Iterable[str], *, split_bytes: int | None = None, chunk: int | None = None,
               field_map: FieldMap | None = None) -> Iterator[Partition | Known]:
    """Cut a run into partitions, in input order: files, chunks of a big JSON-lines or WARC file, Known items.

    ``-`` (stdin) comes out as ``("-", "-")``: callers read it in the driver. ``split_bytes`` and ``chunk``
    default to SPLIT_BYTES and CHUNK_DOCUMENTS, read at call time so tests can lower them.
    """
    return (part for _, part in keyed_partitions(paths, split_bytes=split_bytes, chunk=chunk, field_map=field_map))


def keyed_partitions(paths: Iterable[str], *, split_bytes: int | None = None, chunk: int | None = None,
                     field_map: FieldMap | None = None) -> Iterator[tuple[str | None, Partition | Known]]:
    """``partitions`` with a key each that changes when its input does (path, size, mtime, chunk number, the
    --map): what a resumed run compares to skip the partitions it has done. stdin has no key: it cannot be read
    twice."""
    split_bytes = SPLIT_BYTES if split_bytes is None else split_bytes
    chunk = CHUNK_DOCUMENTS if chunk is None else chunk
    for item in expand_paths(paths):
        if isinstance(item, Skipped):
            yield f"skip:{item.source}", Known([(None, item)])
        elif item == "-":
            yield None, _STDIN
        elif _is_big_stream(item, split_bytes):
            stamp = _stamp(item, field_map)
            for n, part in enumerate(_chunks(iter_documents([item], field_map=field_map), chunk)):
                yield f"{stamp}#{n}", part
        elif field_map is not None:
            yield _stamp(item, field_map), (item, os.path.abspath(item), field_map)
        else:
            yield _stamp(item), (item, os.path.abspath(item))


def _stamp(path: str, field_map: FieldMap | None = None) -> str:
    location = os.path.abspath(path)
    mapped = f"|map={field_map}" if field_map is not None else ""  # another map reads other articles
    try:
        info = os.stat(location)
    except OSError:
        return location + mapped  # the worker reads it and reports why it cannot
    return f"{location}|{info.st_size}|{info.st_mtime_ns}{mapped}"


def _is_big_stream(path: str, split_bytes: int) -> bool:
    """A JSON-lines or WARC file big enough to be shipped in chunks. One worker on a whole big file
    would hold up the results behind it (they are taken in input order) while the others go idle."""
    if format_from_name(path) not in ("jsonl", "warc"):
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


def with_stdin_read(parts: Iterable[tuple[str | None, Partition | Known]], stdin: BinaryIO | None,
                    field_map: FieldMap | None = None) -> Iterator[tuple[str | None, Partition | Known]]:
    """Keyed partitions with stdin read here, in chunks: it cannot be shipped to a worker."""
    for key, part in parts:
        if part == _STDIN:
            stream = stdin if stdin is not None else sys.stdin.buffer
            for chunk in _chunks(iter_documents(["-"], stdin=stream, field_map=field_map), CHUNK_DOCUMENTS):
                yield None, chunk
        else:
            yield key, part


def _renamed(result: Result, seen: dict[str, int]) -> Iterator[Item]:
    """Apply pipeline.extract's id rule across partitions: a repeated id gets "~2", "~3"…"""
    for raw_id, item in result:
        if raw_id is not None:
            new_id = unique_id(raw_id, seen)  # counted for rejected documents too, as in-process
            if isinstance(item, Article):
                item.id = new_id
        yield item


@contextmanager
def _dask_client(workers: int | None, scheduler: str | None) -> Iterator[tuple[Any, int]]:
    # Imported here: dask is optional and slow to import; the default run never needs it.
    from dask.distributed import Client, LocalCluster

    if scheduler:
        # A cluster someone else runs: connect, and leave it running when done.
        with Client(scheduler) as client:  # type: ignore[no-untyped-call]
            yield client, max(1, len(client.scheduler_info().get("workers", {})))
        return
    size = workers or DEFAULT_DASK_WORKERS
    cluster = LocalCluster(  # type: ignore[no-untyped-call]
        n_workers=size, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=logging.ERROR)
    with cluster, Client(cluster) as client:  # type: ignore[no-untyped-call]
        yield client, size
