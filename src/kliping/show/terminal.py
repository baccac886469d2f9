"""Run events and store contents → the terminal: progress, skipped inputs, summaries; search hits and stories.

Run progress and summaries go to stderr so stdout stays clean for JSON; the results of `kliping search`,
`stories` and `show` are those commands' output, so they go to stdout.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TextIO

from rich.console import Console
from rich.markup import escape
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from kliping.model import AddSummary, Article, RunSummary, Skipped, Story
from kliping.show.views import date_label
from kliping.store import Hit, StoryRow


def skipped_line(item: Skipped) -> str:
    """The one line a skipped input gets on stderr."""
    return f"kliping: skipped {item.source}: {item.reason}"


PLAIN_PROGRESS_SECONDS = 10.0  # off a terminal (a log, CI), a progress line this often — none in a short run


class Reporter:
    """Counts articles as they come, shows progress (a live line on a terminal, a plain line every
    PLAIN_PROGRESS_SECONDS elsewhere, so a long run in a log is not silent for minutes), reports skips at once."""

    def __init__(self, console: Console, progress: Progress | None) -> None:
        self.console = console
        self.progress = progress
        self.task = progress.add_task("reading", total=None) if progress else None
        self.articles = 0
        self.skipped = 0
        self._started = time.monotonic()
        self._next_line = self._started + PLAIN_PROGRESS_SECONDS

    def __call__(self, item: Article | Skipped | str) -> None:
        """An article (or its id) read, or an input skipped."""
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
        elif time.monotonic() >= self._next_line:
            self._plain(f"{self.articles:,} articles, {self.skipped:,} skipped")

    def stage(self, description: str) -> None:
        """A step after reading (grouping, writing): shown where the progress line is."""
        if self.progress is not None and self.task is not None:
            self.progress.update(self.task, description=description)
        elif time.monotonic() - self._started >= PLAIN_PROGRESS_SECONDS:
            self._plain(description)

    def _plain(self, what: str) -> None:
        elapsed = time.monotonic() - self._started
        self.console.print(escape(f"kliping: {what} ({elapsed:,.0f} s)"), highlight=False, soft_wrap=True)
        self._next_line = time.monotonic() + PLAIN_PROGRESS_SECONDS


@contextmanager
def reporter(stream: TextIO | None = None) -> Iterator[Reporter]:
    """A Reporter writing to stderr (or ``stream``): a live progress line on a terminal, plain lines elsewhere."""
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
    if summary.seconds:
        console.print("  took " + ", ".join(f"{stage} {s:.0f} s" for stage, s in summary.seconds.items()),
                      highlight=False)
    for path in summary.files:
        console.print(escape(f"  wrote {path}"), highlight=False)


# --- the store: `kliping add`, `search`, `stories`, `show` --------------------------------------------


def print_add_summary(summary: AddSummary, stream: TextIO | None = None) -> None:
    """The closing lines of `kliping add` (stderr, like the other run summaries)."""
    console = Console(file=stream, stderr=stream is None, highlight=False)
    touched = len(summary.stories_touched)
    console.print(escape(
        f"kliping: {summary.read} articles read: {summary.added} added, {summary.already} already stored; "
        f"{len(summary.skipped)} skipped inputs\n"
        f"  {touched} {'story' if touched == 1 else 'stories'} touched; "
        f"{summary.db} holds {summary.stored} articles in {summary.stories} "
        f"{'story' if summary.stories == 1 else 'stories'}"), highlight=False, soft_wrap=True)


def _date(value: str | None) -> str:
    return escape(date_label(value))  # a date that is not ISO comes back as given: untrusted text


def _out(stream: TextIO | None) -> Console:
    # Results are the output of these commands: stdout, never wrapped into the terminal's width by force.
    return Console(file=stream or sys.stdout, highlight=False, soft_wrap=False)


def snippet_text(hit: Hit) -> Text:
    """A search snippet with its matches in bold; plain Text, so article text is never read as markup."""
    text = Text()
    for part, matched in hit.parts():
        text.append(part.replace("\n", " "), style="bold yellow" if matched else "")
    return text


def print_hits(hits: Sequence[Hit], stream: TextIO | None = None) -> None:
    console = _out(stream)
    if not hits:
        console.print("no matches")
        return
    table = Table(show_lines=True)
    for column in ("kind", "where", "article / speaker", "match"):
        table.add_column(column, overflow="fold")
    for hit in hits:
        who = f"{hit.speaker or 'unknown speaker'} in {hit.title or hit.article_id}" if hit.kind == "quote" \
            else (hit.title or hit.article_id)
        where = "\n".join(x for x in (date_label(hit.published), hit.outlet, f"story {hit.story_id}") if x)
        table.add_row(hit.kind, escape(where), escape(who), snippet_text(hit))
    console.print(table)


def print_stories(rows: Sequence[StoryRow], stream: TextIO | None = None) -> None:
    console = _out(stream)
    if not rows:
        console.print("the store holds no stories yet: `kliping add PATH...` adds articles")
        return
    table = Table()
    for column in ("story", "articles", "from", "to", "title"):
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(escape(row.id), str(row.article_count), _date(row.start), _date(row.end),
                      escape(row.title))
    console.print(table)


def _cite(ids: Sequence[str], number: dict[str, int]) -> str:
    return "[" + ", ".join(str(n) for n in sorted({number[i] for i in ids if i in number})) + "]"


def print_story(story: Story, articles: Sequence[Article], stream: TextIO | None = None,
                *, quotes: int = 10) -> None:
    """Title, span, summary, claims with their status, the most carried quotes and the sources."""
    console = _out(stream)
    number = {a.id: n for n, a in enumerate(articles, start=1)}
    span = f"{date_label(story.start)} – {date_label(story.end)}" if story.start else "undated"
    console.print(Text(story.title, style="bold"))
    console.print(escape(f"{story.id} · {span} · {len(story.article_ids)} articles · {len(story.events)} events"))
    if story.summary:
        console.print("\n[bold]Summary[/bold]")
        for sentence in story.summary:
            console.print(escape(f"• {sentence.text} {_cite(sentence.article_ids, number)}"))
    if story.claims:
        table = Table(title="Claims", title_justify="left", show_lines=True)
        for column in ("status", "claim", "sources", "for", "against"):
            table.add_column(column, overflow="fold")
        for claim in story.claims:
            sources = ", ".join(claim.sources[:3]) + (f" +{len(claim.sources) - 3}" if len(claim.sources) > 3 else "")
            history = " → ".join(f"{h.value:g}" for h in claim.history)
            text = claim.text + (f" ({history})" if history else "")
            table.add_row(escape(claim.status), escape(text), escape(sources),
                          escape(_cite([e.article_id for e in claim.support], number)),
                          escape(_cite([e.article_id for e in claim.against], number)))
        console.print(table)
    top = sorted(story.quotes, key=lambda q: -len(q.article_ids))[:quotes]
    if top:
        table = Table(title="Quotes", title_justify="left")
        for column in ("speaker", "quote", "in"):
            table.add_column(column, overflow="fold")
        for quote in top:
            table.add_row(escape(quote.speaker or "unknown"), escape(quote.text),
                          escape(_cite(quote.article_ids, number)))
        console.print(table)
    table = Table(title="Sources", title_justify="left")
    for column in ("#", "date", "outlet", "title", "id"):
        table.add_column(column, overflow="fold")
    for n, article in enumerate(articles, start=1):
        table.add_row(str(n), _date(article.published), escape(article.outlet or ""),
                      escape(article.title or ""), escape(article.id))
    console.print(table)
