"""Command line → one library call per command. Exit codes: 0 ok, 1 nothing usable, 2 bad usage."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from kliping import __version__
from kliping.errors import KlipingError
from kliping.eval import evaluate, format_report, load_gold
from kliping.model import Article
from kliping.pipeline import extract
from kliping.run import analyze
from kliping.show.jsonout import article_line
from kliping.show.terminal import print_summary, reporter

EXIT_OK, EXIT_NOTHING, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kliping",
        description="Turn a pile of news articles into a story dossier a reader can verify.",
    )
    parser.add_argument("--version", action="version", version=f"kliping {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    paths_help = "files, folders, globs or - for stdin (.txt .html .jsonl .warc[.gz], also .gz)"

    analyze_cmd = commands.add_parser("analyze", help="analyse articles into a dossier")
    analyze_cmd.add_argument("paths", nargs="+", metavar="PATH", help=paths_help)
    analyze_cmd.add_argument("--out", default="kliping-out", metavar="DIR",
                             help="output folder (default: kliping-out)")

    extract_cmd = commands.add_parser("extract", help="print one JSON article per line")
    extract_cmd.add_argument("paths", nargs="+", metavar="PATH", help=paths_help)

    eval_cmd = commands.add_parser("eval", help="score kliping's output against a gold file")
    eval_cmd.add_argument("paths", nargs="+", metavar="PATH", help=paths_help)
    eval_cmd.add_argument("--gold", required=True, metavar="GOLD.json",
                          help="gold file in the schema of shared/gold/seeds.json")
    eval_cmd.add_argument("--json", action="store_true", help="print the scores as JSON")
    return parser


def _stdin_if_asked(paths: Sequence[str]):  # type: ignore[no-untyped-def]
    return sys.stdin.buffer if "-" in paths else None


def cmd_extract(args: argparse.Namespace) -> int:
    with reporter() as report:
        for item in extract(args.paths, stdin=_stdin_if_asked(args.paths)):
            report(item)
            if isinstance(item, Article):
                sys.stdout.write(article_line(item) + "\n")
    return EXIT_OK if report.articles else EXIT_NOTHING


def cmd_analyze(args: argparse.Namespace) -> int:
    with reporter() as report:
        summary = analyze(args.paths, args.out, stdin=_stdin_if_asked(args.paths), on_item=report)
    print_summary(summary)
    return EXIT_OK if summary.articles else EXIT_NOTHING


def cmd_eval(args: argparse.Namespace) -> int:
    gold = load_gold(args.gold)
    articles = []
    with reporter() as report:
        for item in extract(args.paths, stdin=_stdin_if_asked(args.paths)):
            report(item)
            if isinstance(item, Article):
                articles.append(item)
    result = evaluate(gold, articles)
    if args.json:
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(format_report(result) + "\n")
    return EXIT_OK if articles else EXIT_NOTHING


COMMANDS = {"analyze": cmd_analyze, "extract": cmd_extract, "eval": cmd_eval}


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except KlipingError as err:
        sys.stderr.write(f"kliping: error: {err}\n")
        return EXIT_USAGE
    except BrokenPipeError:
        # `kliping extract … | head` closes the pipe early; that is not an error.
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
