"""The per-article time budget: an article whose chain runs past it is given up, and the run goes on.

    with budget.limit(seconds):     # raises OverBudget once this article has used `seconds` of CPU
        ...

The budget is CPU time, not wall time, so a busy or shared machine never makes an article skipped
that an idle one would keep: the output stays the same wherever it runs. How the work is cut depends
on the thread it runs in:

- the main thread (the command line, and each ``--workers`` process, which runs its tasks there): a
  CPU timer (``setitimer(ITIMER_PROF)``, the process's CPU time) whose signal raises OverBudget.
  Python runs signal handlers between bytecodes and ``re`` checks for them while it matches, so a
  runaway pattern is cut too; one long call into C that never checks (an lxml parse) is cut as soon
  as it returns.
- any other thread (Dask's worker threads, the web app's thread pool), which no signal reaches: a
  watchdog thread reads that thread's own CPU clock every WATCH_SECONDS and raises OverBudget in it
  (``PyThreadState_SetAsyncExc``). That is only seen between bytecodes: a regex or a C call is cut
  when it returns. Where a thread's CPU clock cannot be read (not Linux) it counts wall time.

OverBudget is a BaseException, so no ``except Exception`` in the chain can swallow it, and it is raised
again every AGAIN_SECONDS until the article is given up.
"""

from __future__ import annotations

import ctypes
import os
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from types import FrameType, TracebackType

# CPU seconds one article may take from cleaning to its last annotation. The slowest real article
# measured takes well under a second; 30 s is generous to a big one and still bounds a hostile one.
ARTICLE_SECONDS = 30.0
# Set in the environment to change the budget for every process of a run, the workers included.
ENVIRONMENT = "KLIPING_ARTICLE_SECONDS"
WATCH_SECONDS = 0.25
# Raised again this often until the article is given up: an async exception can land where it is
# swallowed (seen: inside Dask's GC callback, "Exception ignored in …"), so the next one must come soon.
AGAIN_SECONDS = 0.25


class OverBudget(BaseException):
    """Raised inside an article's chain once it has run past its budget (never escapes ``pipeline.process``)."""


def article_seconds() -> float:
    """The budget: KLIPING_ARTICLE_SECONDS if it is a positive number, else ARTICLE_SECONDS."""
    value = os.environ.get(ENVIRONMENT)
    if value:
        try:
            seconds = float(value)
        except ValueError:
            return ARTICLE_SECONDS
        if seconds > 0:
            return seconds
    return ARTICLE_SECONDS


class limit:  # noqa: N801 - used as a context manager, like contextlib's
    """Raise OverBudget in this thread once the work inside has used ``seconds`` of CPU."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._by: _Signal | _Watched | None = None

    def __enter__(self) -> limit:
        if _signal_usable():
            self._by = _Signal(self.seconds) if not _Signal.active else None  # nested: the outer one holds
        else:
            self._by = _Watched(self.seconds)
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if self._by is not None:
            self._by.stop()


# --- the main thread: a CPU timer and its signal -------------------------------------------------


class _Signal:
    active = False  # one article at a time in the main thread

    def __init__(self, seconds: float) -> None:
        _Signal.active = True
        signal.setitimer(signal.ITIMER_PROF, seconds, AGAIN_SECONDS)

    def stop(self) -> None:
        _Signal.active = False  # first: from here a late signal is ignored
        signal.setitimer(signal.ITIMER_PROF, 0, 0)


def _on_signal(signum: int, frame: FrameType | None) -> None:
    if _Signal.active:
        raise OverBudget


def _signal_usable() -> bool:
    """Signals only reach the main thread; and SIGPROF is taken only if nobody else handles it."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        return False
    current = signal.getsignal(signal.SIGPROF)
    if current is _on_signal:
        return True
    if current == signal.SIG_DFL:
        signal.signal(signal.SIGPROF, _on_signal)
        return True
    return False  # a profiler or the host program owns SIGPROF: use the watchdog


# --- other threads: a watchdog thread -------------------------------------------------------------


@dataclass
class _Watch:
    clock: Callable[[], float]
    deadline: float
    fired: bool = False


_watched: dict[int, _Watch] = {}  # thread ident → its article's clock and deadline
_lock = threading.Lock()  # held by the watchdog while it raises, and by a thread while it leaves
_watchdog: threading.Thread | None = None


class _Watched:
    def __init__(self, seconds: float) -> None:
        global _watchdog
        self.ident = threading.get_ident()
        clock = _thread_clock(self.ident)
        _watched[self.ident] = _Watch(clock, clock() + seconds)
        if _watchdog is None or not _watchdog.is_alive():
            with _lock:
                if _watchdog is None or not _watchdog.is_alive():
                    _watchdog = threading.Thread(target=_watch, name="kliping-budget", daemon=True)
                    _watchdog.start()

    def stop(self) -> None:
        # Once this thread holds the lock the watchdog cannot raise in it; an OverBudget it raised
        # just before is either seen here (and this is tried again) or cleared, never left pending.
        while True:
            try:
                with _lock:
                    watch = _watched.pop(self.ident, None)
                    if watch is None or watch.fired:
                        _raise_in(self.ident, None)
                return
            except OverBudget:
                continue


def _thread_clock(ident: int) -> Callable[[], float]:
    """The CPU clock of thread ``ident`` (Linux), else the wall clock."""
    try:
        clock_id = time.pthread_getcpuclockid(ident)
        time.clock_gettime(clock_id)
    except (AttributeError, OSError):
        return time.monotonic
    return lambda: time.clock_gettime(clock_id)


def _watch() -> None:
    while True:
        time.sleep(WATCH_SECONDS)
        with _lock:
            for ident, watch in list(_watched.items()):
                try:
                    now = watch.clock()
                except OSError:  # the thread is gone
                    _watched.pop(ident, None)
                    continue
                if now >= watch.deadline:
                    watch.fired = True
                    watch.deadline = now + AGAIN_SECONDS
                    _raise_in(ident, OverBudget)


def _raise_in(ident: int, exception: type[BaseException] | None) -> None:
    """Raise ``exception`` in thread ``ident`` at its next bytecode; None clears one still pending."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(ident),
                                               None if exception is None else ctypes.py_object(exception))
