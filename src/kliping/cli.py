"""Command line → one library call per command. Exit codes: 0 ok, 1 nothing usable, 2 bad usage."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any

from kliping import __version__
from kliping.annotate.ner import score_conll
from kliping.corpus.assemble import analyze_corpus
from kliping.errors import InputError, KlipingError
from kliping.eval import (
    CorpusReport,
    EvalReport,
    evaluate,
    evaluate_corpus,
    format_corpus,
    format_ner,
    format_report,
    load_gold,
)
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
    eval_cmd.add_argument("paths", nargs="*", metavar="PATH", help=paths_help)
    eval_cmd.add_argument("--gold", metavar="GOLD.json",
                          help="gold file in the schema of shared/gold/seeds.json (scores PATH...)")
    eval_cmd.add_argument("--ner", metavar="FILE", help="CoNLL-style token<TAB>BIO-tag file: NER F1 per type")
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
        summary = analyze(args.paths, args.out, stdin=_stdin_if_asked(args.paths), on_item=report,
                          on_stage=report.stage)
    print_summary(summary)
    return EXIT_OK if summary.articles else EXIT_NOTHING


def cmd_eval(args: argparse.Namespace) -> int:
    if not args.gold and not args.ner:
        raise InputError("eval needs --gold GOLD.json PATH... and/or --ner FILE")
    if args.gold and not args.paths:
        raise InputError("--gold needs the PATHs of the articles to score")
    result: dict[str, Any] = {}
    if args.ner:
        result["ner"] = score_conll(args.ner)
    if args.gold:
        result["gold"], result["corpus"] = _eval_gold(args)
    if args.json:
        out = {k: (v.to_dict() if isinstance(v, EvalReport | CorpusReport) else v) for k, v in result.items()}
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
    else:
        if "gold" in result:
            sys.stdout.write(format_report(result["gold"]) + "\n")
            sys.stdout.write(format_corpus(result["corpus"]) + "\n")
        if "ner" in result:
            sys.stdout.write(format_ner(result["ner"]) + "\n")
    return EXIT_NOTHING if "gold" in result and not result["gold"].articles else EXIT_OK


def _eval_gold(args: argparse.Namespace) -> tuple[EvalReport, CorpusReport]:
    gold = load_gold(args.gold)
    articles = []
    with reporter() as report:
        for item in extract(args.paths, stdin=_stdin_if_asked(args.paths)):
            report(item)
            if isinstance(item, Article):
                articles.append(item)
    return evaluate(gold, articles), evaluate_corpus(gold, analyze_corpus(articles).stories)


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
