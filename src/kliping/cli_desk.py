"""The monitoring desk's commands: watch (and --delay for reading URLs), entity, export, verdict, and search's
finding options. Split from cli.py, which registers them, to keep each module small."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from kliping.cli_common import DB_HELP as _DB_HELP
from kliping.cli_common import EXIT_OK, Commands
from kliping.cli_common import print_json as _print_json
from kliping.errors import InputError
from kliping.read.fetch import FetchOptions
from kliping.run.add import DEFAULT_DB
from kliping.run.export import DEFAULT_DESK, FORMATS, WHATS, export
from kliping.run.verdict import record_verdict
from kliping.run.watch import Round, parse_interval, watch
from kliping.show.entities import entity_view, print_entity
from kliping.show.terminal import reporter
from kliping.store import Store
from kliping.store_search import SORTS

# --- reading the web: URLs, feeds and sitemaps (read/fetch.py, read/web.py, run/watch.py) -----------------


def _fetch_option(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument("--delay", type=float, default=FetchOptions.delay, metavar="SECONDS",
                     help=f"seconds between two requests to one host (default: {FetchOptions.delay:g}; "
                          "a robots.txt Crawl-delay can make it longer)")


def fetch_options(args: argparse.Namespace) -> FetchOptions:
    if args.delay < 0:
        raise InputError(f"--delay must not be negative, not {args.delay:g}")
    return FetchOptions(delay=args.delay)


def noter(report: Any) -> Any:
    """A note on what a feed listed or a 304: one plain line on stderr (URLs are untrusted: no markup)."""
    return lambda line: report.console.print("kliping: " + line, markup=False, highlight=False, soft_wrap=True)


def web_commands(commands: Commands) -> None:
    """`kliping watch`, and --delay for the commands that read URLs."""
    for name in ("add", "analyze"):
        _fetch_option(commands.choices[name])
    watch_cmd = commands.add_parser("watch", help="poll feeds and sitemaps, adding new articles to the store")
    watch_cmd.add_argument("sources", metavar="SOURCES.txt",
                           help="a file with one feed or sitemap URL a line (# starts a comment line)")
    watch_cmd.add_argument("--db", default=DEFAULT_DB, metavar="FILE", help=_DB_HELP)
    watch_cmd.add_argument("--every", default="15m", metavar="INTERVAL",
                           help="time between two rounds: 15m (default), 90s, 1h")
    watch_cmd.add_argument("--rounds", type=int, metavar="N", help="stop after N rounds (default: until Ctrl-C)")
    _fetch_option(watch_cmd)


def cmd_watch(args: argparse.Namespace) -> int:
    every = parse_interval(args.every)
    with reporter() as report:
        def round_done(done: Round) -> None:
            s = done.summary
            report.console.print(
                f"kliping: round {done.number} ({done.started:%Y-%m-%d %H:%M}): {s.added} added, {s.already} already "
                f"stored, {len(s.skipped)} skipped; {s.db} holds {s.stored} articles", markup=False, highlight=False,
                soft_wrap=True)
            for article in done.added:
                report.console.print(f"  + {article.title or article.id}  {article.url}", markup=False,
                                     highlight=False, soft_wrap=True)

        done = watch(args.sources, args.db, every=every, rounds=args.rounds, fetch=fetch_options(args),
                     on_item=report, on_note=noter(report), on_round=round_done)
    stopped = "stopped by Ctrl-C" if done.interrupted else "done"
    sys.stderr.write(f"kliping: watch {stopped} after {done.rounds} round{'s' if done.rounds != 1 else ''}: "
                     f"{done.added} articles added, {done.skipped} skipped\n")
    return EXIT_OK


def desk_commands(commands: Commands) -> None:
    """export and verdict: what a fact-checking desk takes out of the store, and its own word on a claim."""
    export_cmd = commands.add_parser("export", help="articles, quotes, claims or stories as CSV or JSON lines; "
                                                    "claims with a verdict as schema.org ClaimReview")
    export_cmd.add_argument("--db", default=DEFAULT_DB, metavar="FILE", help=_DB_HELP)
    export_cmd.add_argument("--what", choices=WHATS, required=True, help="one row per article, quote, claim or story")
    export_cmd.add_argument("--format", choices=FORMATS, default="csv",
                            help="csv (default; spreadsheet-safe), jsonl, or claimreview (JSON-LD, --what claims)")
    export_cmd.add_argument("--out", metavar="FILE", help="write to FILE (default: stdout)")
    export_cmd.add_argument("--desk", default=DEFAULT_DESK, metavar="NAME",
                            help=f"the ClaimReview's author (default: {DEFAULT_DESK})")

    verdict_cmd = commands.add_parser("verdict", help="record the desk's verdict on a claim (kept across adds)")
    verdict_cmd.add_argument("claim", metavar="CLAIM_ID", help="a claim id from `kliping show STORY` (s3-c2)")
    verdict_cmd.add_argument("--db", default=DEFAULT_DB, metavar="FILE", help=_DB_HELP)
    verdict_cmd.add_argument("--rating", required=True, metavar="TEXT", help="the rating: False, Misleading, …")
    verdict_cmd.add_argument("--note", default="", metavar="TEXT", help="why, in a sentence or two")


def finding_commands(commands: Commands) -> None:
    """kliping entity, and search's finding options: people and organisations, filters and sorting (issue 15)."""
    entity_cmd = commands.add_parser("entity", help="a person, organisation or place: aliases, the stories and "
                                                    "articles that mention them, what they said, by date")
    entity_cmd.add_argument("name", metavar="NAME", help="any of their names (Jokowi, Joko Widodo, PBB…)")
    entity_cmd.add_argument("--db", default=DEFAULT_DB, metavar="FILE", help=_DB_HELP)
    entity_cmd.add_argument("--limit", type=int, default=50, metavar="N",
                            help="at most N articles and N quotations (default: 50)")
    entity_cmd.add_argument("--offset", type=int, default=0, metavar="N", help="skip the first N of each (paging)")
    entity_cmd.add_argument("--json", action="store_true", help="print JSON instead of text")


def search_finding_options(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument("--until", metavar="DATE", help="only articles dated on or before DATE (2023-09, 2023-09-30)")
    cmd.add_argument("--outlet", metavar="NAME", help="only articles of this outlet (any case)")
    cmd.add_argument("--entity", metavar="NAME", help="only articles that mention this person, organisation or "
                                                      "place, by any of their names")
    cmd.add_argument("--sort", choices=SORTS, default="relevance", help="best match first (default) or latest first")


def cmd_entity(args: argparse.Namespace) -> int:
    if args.limit < 1 or args.offset < 0:
        raise InputError("--limit takes a number from 1, --offset from 0")
    with Store.open(args.db, create=False, write=False) as store:
        canonical = store.resolve_entity(args.name)
        if canonical is None:
            raise InputError(f"no article in {args.db} mentions anyone or anything called {args.name!r}")
        view = entity_view(store, canonical, limit=args.limit, offset=args.offset)
    if args.json:
        _print_json(view)
    else:
        print_entity(view)
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    count = export(args.db, args.what, args.format, args.out, desk=args.desk)
    unit = "ClaimReview objects" if args.format == "claimreview" else args.what
    sys.stderr.write(f"kliping: exported {count:,} {unit}" + (f" to {args.out}\n" if args.out else "\n"))
    return EXIT_OK


def cmd_verdict(args: argparse.Namespace) -> int:
    verdict = record_verdict(args.db, args.claim, args.rating, args.note)
    sys.stderr.write(f"kliping: verdict {verdict.rating!r} recorded on {verdict.claim_id} (kept with its first "
                     f"evidence, article {verdict.article_id}, across later adds)\n")
    return EXIT_OK


DESK_COMMANDS = {"watch": cmd_watch, "entity": cmd_entity, "export": cmd_export, "verdict": cmd_verdict}
