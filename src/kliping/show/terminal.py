"""Run events → the terminal: progress while reading, skipped inputs, a closing summary.

Everything goes to stderr so stdout stays clean for JSON.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

from rich.console import Console
from rich.markup import escape
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from kliping.model import Article, Skipped
from kliping.run.analyze import RunSummary


def skipped_line(item: Skipped) -> str:
    """The one line a skipped input gets on stderr."""
    return f"kliping: skipped {item.source}: {item.reason}"


class Reporter:
    """Counts articles as they come, shows progress on a terminal, reports skips at once."""

    def __init__(self, console: Console, progress: Progress | None) -> None:
        self.console = console
        self.progress = progress
        self.task = progress.add_task("reading", total=None) if progress else None
        self.articles = 0
        self.skipped = 0

    def __call__(self, item: Article | Skipped) -> None:
        if isinstance(item, Skipped):
            self.skipped += 1
            # Input names are untrusted: escape them so rich does not read them as markup.
            self.console.print(escape(skipped_line(item)), highlight=False, soft_wrap=True)
        else:
            self.articles += 1
        if self.progress is not None and self.task is not None:
            self.progress.update(
                self.task, advance=1,
                description=f"{self.articles} articles, {self.skipped} skipped",
            )

    def stage(self, description: str) -> None:
        """A step after reading (grouping, writing): shown where the progress line is."""
        if self.progress is not None and self.task is not None:
            self.progress.update(self.task, description=description)


@contextmanager
def reporter(stream: TextIO | None = None) -> Iterator[Reporter]:
    """A Reporter writing to stderr (or ``stream``); progress only when it is a terminal."""
    console = Console(file=stream, stderr=stream is None, highlight=False)
    if not console.is_terminal:
        yield Reporter(console, None)
        return
    columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        yield Reporter(console, progress)


STATUSES = ("corroborated", "contested", "superseded", "single-source")


def print_summary(summary: RunSummary, stream: TextIO | None = None) -> None:
    console = Console(file=stream, stderr=stream is None, highlight=False)
    claims = ", ".join(f"{summary.claims.get(s, 0)} {s}" for s in STATUSES)
    console.print(
        f"kliping: {summary.articles} articles ({summary.duplicates} duplicate copies), "
        f"{len(summary.skipped)} skipped inputs\n"
        f"  {summary.stories} stories; claims: {claims}",
        highlight=False,
    )
    for path in summary.files:
        console.print(escape(f"  wrote {path}"), highlight=False)
