"""Command line → one library call per command. Exit codes: 0 ok, 1 nothing usable, 2 bad usage."""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kliping import __version__
from kliping.cli_common import DB_HELP as _DB_HELP
from kliping.cli_common import EXIT_INTERRUPTED, EXIT_NOTHING, EXIT_OK, EXIT_STORE, EXIT_USAGE, Commands
from kliping.cli_common import print_json as _print_json
from kliping.cli_desk import (
    DESK_COMMANDS,
    desk_commands,
    fetch_options,
    finding_commands,
    noter,
    search_finding_options,
    web_commands,
)
from kliping.corpus.assemble import analyze_corpus
from kliping.corpus.rolling import MAX_OPEN_ARTICLES
from kliping.errors import InputError, KlipingError, StoreFailed
from kliping.eval import EvalReport, evaluate, format_ner, format_report, load_gold, score_ner
from kliping.eval_corpus import CorpusReport, evaluate_corpus, format_corpus
from kliping.jsonout import article_line
from kliping.model import Article
from kliping.pipeline import extract
from kliping.read.fields import TARGETS, FieldMap, parse_field_map
from kliping.run import add_paths, analyze, analyze_store
from kliping.run.add import DEFAULT_DB, stored_story
from kliping.run.engines import ENGINES, collect_less
from kliping.run.engines import extract as extract_on
from kliping.run.repair import repair
from kliping.show.report import write_dossier_page
from kliping.show.terminal import print_add_summary, print_hits, print_stories, print_story, print_summary, reporter
from kliping.store import BATCH_SIZE, Store
from kliping.store_files import (
    RECOVERY,
    as_store_error,
    connect_read_only,
    integrity_problems,
    readable_sources,
)


def _engine_options(cmd: argparse.ArgumentParser) -> None:
    """--engine, --workers, --scheduler: how the per-article chain runs (the same output on each)."""
    cmd.add_argument("--engine", choices=ENGINES, default="local",
                     help="where articles are read and annotated: local processes (default) or Dask")
    cmd.add_argument("--workers", type=int, metavar="N",
                     help="worker processes (default: 1 = this process for local; 2 for a Dask LocalCluster)")
    cmd.add_argument("--scheduler", metavar="ADDRESS",
                     help="a running Dask scheduler (tcp://host:8786) for --engine dask; "
                          "default: start a LocalCluster on this machine")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kliping",
        description="Turn a pile of news articles into a story dossier a reader can verify.",
    )
    parser.add_argument("--version", action="version", version=f"kliping {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _run_commands(commands)
    web_commands(commands)
    _store_commands(commands)
    _tool_commands(commands)
    desk_commands(commands)
    finding_commands(commands)
    _fast_option(commands)
    return parser


def _fast_option(commands: Commands) -> None:
    """--fast on the commands that read inputs; main() hands it on through the environment (KLIPING_FAST),
    which every worker process inherits."""
    for name in ("analyze", "add", "extract"):
        commands.choices[name].add_argument(
            "--fast", action="store_true",
            help="bulk runs: read HTML pages with a third less CPU for a little less body text (trafilatura's "
                 "fast mode, htmldate's quick search; body F1 0.971 instead of 0.974 on the 181 benchmark pages)")


def _apply_fast(args: argparse.Namespace) -> tuple[str, str | None] | None:
    """Set KLIPING_FAST for this run; returns what to put back (a test may run several commands in one process)."""
    if not getattr(args, "fast", False):
        return None
    from kliping.read.html import FAST_ENVIRONMENT  # lazy: trafilatura is slow to import

    previous = os.environ.get(FAST_ENVIRONMENT)
    os.environ[FAST_ENVIRONMENT] = "1"
    return FAST_ENVIRONMENT, previous


def _restore_fast(saved: tuple[str, str | None] | None) -> None:
    if saved is not None:
        name, previous = saved
        if previous is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = previous


_PATHS_HELP = ("files, folders, globs or - for stdin (.txt .html .jsonl .warc[.gz], also .gz), or http(s) URLs of "
               "pages, RSS/Atom feeds or sitemaps")


def _map_option(cmd: argparse.ArgumentParser) -> None:
    """--map: JSON lines whose fields are named otherwise (read/fields.py); parsed by _field_map."""
    cmd.add_argument("--map", metavar="TARGET=SOURCE,...",
                     help="read JSON lines' fields under other names, e.g. text=content,title=headline,"
                          f"published=date (targets: {', '.join(TARGETS)}); a token list mapped to text "
                          "(IndoSum's paragraphs) is detokenised")


def _field_map(args: argparse.Namespace) -> FieldMap | None:
    return parse_field_map(args.map) if args.map is not None else None


def _run_commands(commands: Commands) -> None:
    analyze_cmd = commands.add_parser("analyze", help="analyse articles into a dossier")
    analyze_cmd.add_argument("paths", nargs="*", metavar="PATH", help=_PATHS_HELP + "; optional with --db")
    analyze_cmd.add_argument("--out", default="kliping-out", metavar="DIR",
                             help="output folder (default: kliping-out)")
    analyze_cmd.add_argument("--db", metavar="FILE",
                             help="write the dossier of everything in this store (PATHs, if given, are added first)")
    _engine_options(analyze_cmd)
    analyze_cmd.add_argument("--open-articles", type=int, default=MAX_OPEN_ARTICLES, metavar="N",
                             help="how many articles stay in open stories before the stalest close for good "
                                  f"(default: {MAX_OPEN_ARTICLES:,}; ~12 KB of memory each). More lets a story "
                                  "take follow-ups after a longer pause in a dense archive")
    analyze_cmd.add_argument("--resume", action="store_true",
                             help="continue the unfinished run of the same PATHs in --out: the inputs it has "
                                  "read are skipped")
    _map_option(analyze_cmd)

    add_cmd = commands.add_parser("add", help="read, annotate and add articles to the store; stories grow")
    add_cmd.add_argument("paths", nargs="+", metavar="PATH", help=_PATHS_HELP)
    add_cmd.add_argument("--db", default=DEFAULT_DB, metavar="FILE", help=_DB_HELP)
    add_cmd.add_argument("--batch-size", type=int, default=BATCH_SIZE, metavar="N",
                         help=f"articles per committed batch (default: {BATCH_SIZE})")
    _engine_options(add_cmd)
    _map_option(add_cmd)


def _store_commands(commands: Commands) -> None:
    search_cmd = commands.add_parser("search", help="full-text search over stored articles and quotes")
    search_cmd.add_argument("query", metavar="QUERY",
                            help='words (all must match), "a phrase", prefix* ; may be "" with a filter')
    search_cmd.add_argument("--speaker", metavar="NAME", help="only quotations by this speaker (part of the name)")
    search_cmd.add_argument("--since", metavar="DATE", help="only articles dated on or after DATE (2023-09-13)")
    search_cmd.add_argument("--story", metavar="ID", help="only inside this story")
    search_cmd.add_argument("--limit", type=int, default=50, metavar="N", help="at most N results (default: 50)")
    search_finding_options(search_cmd)

    stories_cmd = commands.add_parser("stories", help="list the stored stories, biggest first")
    stories_cmd.add_argument("--limit", type=int, metavar="N", help="at most N stories")

    show_cmd = commands.add_parser("show", help="one story: summary, claims, quotes, sources")
    show_cmd.add_argument("story", metavar="STORY", help="a story id from `kliping stories`")
    for cmd in (search_cmd, stories_cmd, show_cmd):
        cmd.add_argument("--db", default=DEFAULT_DB, metavar="FILE", help=_DB_HELP)
        cmd.add_argument("--json", action="store_true", help="print JSON instead of a table")

    check_cmd = commands.add_parser("check", help="check the store's file for damage (exit 3 when damaged)")
    check_cmd.add_argument("--db", default=DEFAULT_DB, metavar="FILE", help=_DB_HELP)
    check_cmd.add_argument("--sources", action="store_true",
                           help="list the input files and URLs of the articles the store still holds (to re-add "
                                "them into a new store)")
    check_cmd.add_argument("--repair", metavar="NEW", help="copy every article the store can still read into a "
                           "new store NEW (must not exist), regrouping the stories; the damaged file is not changed")

    serve_cmd = commands.add_parser("serve", help="browse, search and add to the store in a local web app")
    serve_cmd.add_argument("--db", default=DEFAULT_DB, metavar="FILE", help=_DB_HELP + "; created when missing")
    serve_cmd.add_argument("--host", default="127.0.0.1",
                           help="address to listen on (default: 127.0.0.1, this machine only)")
    serve_cmd.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")


def _tool_commands(commands: Commands) -> None:
    extract_cmd = commands.add_parser("extract", help="print one JSON article per line")
    extract_cmd.add_argument("paths", nargs="+", metavar="PATH", help=_PATHS_HELP)
    _engine_options(extract_cmd)
    _map_option(extract_cmd)

    eval_cmd = commands.add_parser("eval", help="score kliping's output against a gold file")
    eval_cmd.add_argument("paths", nargs="*", metavar="PATH", help=_PATHS_HELP)
    eval_cmd.add_argument("--gold", metavar="GOLD.json", action="append",
                          help="gold file in the schema of shared/gold/seeds.json: scores PATH..., or the "
                               "'inputs' the gold file names when no PATH is given; repeat it to score several "
                               "(the chain dev and test sets: tests/fixtures/chain/gold_{dev,test}.json)")
    eval_cmd.add_argument("--ner", metavar="FILE", help="CoNLL-style token<TAB>BIO-tag file: NER F1 per type")
    eval_cmd.add_argument("--ner-language", choices=("id", "en"), default="id",
                          help="the language of the --ner file, which picks the model (default: id)")
    eval_cmd.add_argument("--json", action="store_true", help="print the scores as JSON")


def _stdin_if_asked(paths: Sequence[str]):  # type: ignore[no-untyped-def]
    return sys.stdin.buffer if "-" in paths else None


def cmd_extract(args: argparse.Namespace) -> int:
    field_map = _field_map(args)
    with reporter() as report:
        for item in extract_on(args.paths, stdin=_stdin_if_asked(args.paths), engine=args.engine,
                               workers=args.workers, scheduler=args.scheduler, field_map=field_map):
            report(item)
            if isinstance(item, Article):
                sys.stdout.write(article_line(item) + "\n")
    return EXIT_OK if report.articles else EXIT_NOTHING


def cmd_analyze(args: argparse.Namespace) -> int:
    if not args.paths and not args.db:
        raise InputError("analyze needs PATH... (or --db FILE to write the dossier of a store)")
    field_map = _field_map(args)
    with reporter() as report:
        if args.db:
            if args.resume or args.open_articles != MAX_OPEN_ARTICLES:
                raise InputError("--open-articles and --resume do not apply to --db (a store keeps its own "
                                 "story state and an add can simply be run again); run without them")
            summary = analyze_store(args.db, args.out, args.paths, stdin=_stdin_if_asked(args.paths),
                                    on_item=report, on_stage=report.stage, engine=args.engine,
                                    workers=args.workers, scheduler=args.scheduler, page=write_dossier_page,
                                    field_map=field_map, fetch=fetch_options(args), on_note=noter(report))
        else:
            try:
                summary = analyze(args.paths, args.out, stdin=_stdin_if_asked(args.paths), on_item=report,
                                  on_stage=report.stage, engine=args.engine, workers=args.workers,
                                  scheduler=args.scheduler, resume=args.resume, open_articles=args.open_articles,
                                  page=write_dossier_page, field_map=field_map, fetch=fetch_options(args),
                                  on_note=noter(report))
            except KeyboardInterrupt:
                hint = "" if "-" in args.paths else "; run the same command with --resume to continue"
                sys.stderr.write(f"kliping: interrupted{hint}\n")
                return EXIT_INTERRUPTED
    print_summary(summary)
    return EXIT_OK if summary.articles else EXIT_NOTHING


def cmd_add(args: argparse.Namespace) -> int:
    field_map = _field_map(args)
    with reporter() as report:
        summary = add_paths(args.paths, args.db, stdin=_stdin_if_asked(args.paths), on_item=report,
                            batch_size=args.batch_size, engine=args.engine, workers=args.workers,
                            scheduler=args.scheduler, field_map=field_map, fetch=fetch_options(args),
                            on_note=noter(report))
    print_add_summary(summary)
    # `already` counts the feed articles and 304 pages not read again: a feed with nothing new is no failure.
    return EXIT_OK if summary.read or summary.already else EXIT_NOTHING


def cmd_search(args: argparse.Namespace) -> int:
    with Store.open(args.db, create=False, write=False) as store:
        hits = store.search(args.query, speaker=args.speaker, since=args.since, story=args.story, limit=args.limit,
                            until=args.until, outlet=args.outlet, entity=args.entity, sort=args.sort)
    if args.json:
        _print_json([h.to_dict() for h in hits])
    else:
        print_hits(hits)
    return EXIT_OK


def cmd_stories(args: argparse.Namespace) -> int:
    with Store.open(args.db, create=False, write=False) as store:
        rows = store.stories(args.limit)
    if args.json:
        _print_json([r.to_dict() for r in rows])
    else:
        print_stories(rows)
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    with Store.open(args.db, create=False, write=False) as store:
        story = stored_story(store, args.story)
        if story is None:
            raise InputError(f"no story {args.story!r} in {args.db}: `kliping stories --db {args.db}` lists them")
        articles = store.articles(story.article_ids)
    if args.json:
        _print_json(story.to_dict())
    else:
        print_story(story, articles)
    return EXIT_OK


def cmd_eval(args: argparse.Namespace) -> int:
    if not args.gold and not args.ner:
        raise InputError("eval needs --gold GOLD.json [PATH...] and/or --ner FILE")
    golds = [(path, load_gold(path)) for path in args.gold or []]
    for path, gold in golds:
        if not args.paths and not gold.get("inputs"):
            raise InputError(f"{path} names no 'inputs': give the PATHs of the articles to score")
    scored = [(path, *_eval_gold(args, path, gold)) for path, gold in golds]
    ner = score_ner(args.ner, args.ner_language) if args.ner else None
    if args.json:
        out: dict[str, Any] = {}
        if len(scored) == 1:
            out["gold"], out["corpus"] = scored[0][1].to_dict(), scored[0][2].to_dict()
        elif scored:
            out["golds"] = [{"gold_file": path, "gold": report.to_dict(), "corpus": corpus.to_dict()}
                            for path, report, corpus in scored]
        if ner is not None:
            out["ner"] = ner
        _print_json(out)
    else:
        for path, report, corpus_report in scored:
            if len(scored) > 1:
                sys.stdout.write(f"== {path}\n")
            sys.stdout.write(format_report(report) + "\n")
            corpus = format_corpus(corpus_report)
            sys.stdout.write(corpus + "\n" if corpus else "")
        if ner is not None:
            sys.stdout.write(format_ner(ner) + "\n")
    return EXIT_NOTHING if any(not report.articles for _, report, _ in scored) else EXIT_OK


def _eval_gold(args: argparse.Namespace, path: str, gold: dict[str, Any]) -> tuple[EvalReport, CorpusReport]:
    """Score one gold file: on PATH... if given, else on the inputs it names (beside it)."""
    paths = args.paths or [str(Path(path).parent / name) for name in gold["inputs"]]
    articles = []
    with reporter() as report:
        for item in extract(paths, stdin=_stdin_if_asked(paths)):
            report(item)
            if isinstance(item, Article):
                articles.append(item)
    needs_corpus = any(gold.get(k) for k in ("stories", "events", "claims"))
    corpus = evaluate_corpus(gold, analyze_corpus(articles).stories) if needs_corpus else CorpusReport()
    return evaluate(gold, articles), corpus


def cmd_serve(args: argparse.Namespace) -> int:
    # Imported here: the web stack loads only for the one command that needs it.
    import uvicorn

    from kliping.show.web.app import allowed_hosts_for, create_app

    app = create_app(args.db, allowed_hosts=allowed_hosts_for(args.host))
    shown = f"[{args.host}]" if ":" in args.host else args.host
    sys.stderr.write(f"kliping: serving {args.db} at http://{shown}:{args.port}/ (Ctrl-C to stop)\n")
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", server_header=False,
                proxy_headers=False)  # no proxy in front: X-Forwarded-* must not rewrite scheme or client
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    db = Path(args.db)
    if not db.is_file():
        raise InputError(f"no database at {db}")
    target = Path(args.repair) if args.repair else None
    if target is not None and (target.exists() or target.resolve() == db.resolve()):
        raise InputError(f"--repair writes a new store: {target} exists already (name a new file)")
    conn = connect_read_only(db, 10.0)
    try:
        problems = integrity_problems(conn)
        if args.sources:
            for source in readable_sources(conn):
                sys.stdout.write(source + "\n")
        if target is not None:
            return _repair(conn, db, target, problems)
    finally:
        conn.close()
    if problems:
        sys.stderr.write(f"kliping: {db} is damaged:\n" + "".join(f"  {p}\n" for p in problems)
                         + "To recover, " + RECOVERY.format(db=db) + ".\n")
        return EXIT_STORE
    sys.stderr.write(f"kliping: {db}: no damage found\n")
    return EXIT_OK


def _repair(conn: sqlite3.Connection, db: Path, target: Path, problems: list[str]) -> int:
    first = next((line for p in problems for line in p.splitlines() if not line.startswith("***")), "")
    what = f"{db} is damaged ({first})" if problems else f"{db}: no damage found"
    sys.stderr.write(f"kliping: {what}; copying the articles it can read into {target}\n")
    done = repair(conn, db, target)
    missing = done.expected - done.found
    sys.stderr.write(f"kliping: {target} holds {done.added:,} articles in {done.stories:,} stories"
                     + (f" ({done.already:,} copies of stored ones left out)" if done.already else "")
                     + (f"; about {missing:,} of {done.expected:,} article rows could not be read: re-add their "
                        f"sources to get them back" if missing > 0 else "; every article row was read")
                     + f". {db} was not changed; once you have checked {target}, use it in its place.\n")
    return EXIT_OK if done.added else EXIT_STORE


COMMANDS = {"serve": cmd_serve, "analyze": cmd_analyze, "extract": cmd_extract, "eval": cmd_eval, "add": cmd_add,
            "search": cmd_search, "stories": cmd_stories, "show": cmd_show, "check": cmd_check, **DESK_COMMANDS}


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    collect_less()
    fast = _apply_fast(args)
    try:
        try:
            return COMMANDS[args.command](args)
        except sqlite3.Error as exc:  # the store's file failed under a command: in words, not a traceback
            failed = as_store_error(exc, Path(getattr(args, "db", None) or "the store"), "reading or writing")
            if failed is None:
                raise
            raise failed from exc
    except StoreFailed as err:
        sys.stderr.write(f"kliping: error: {err}\n")
        return EXIT_STORE
    except KlipingError as err:
        sys.stderr.write(f"kliping: error: {err}\n")
        return EXIT_USAGE
    except BrokenPipeError:
        # `kliping extract … | head` closes the pipe early; that is not an error.
        return EXIT_OK
    finally:
        _restore_fast(fast)


if __name__ == "__main__":
    sys.exit(main())
