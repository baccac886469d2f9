"""The command line as users call it: real sample files in, JSON and files out, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from kliping import cli

SEED = "001_0fa5bb280fb2bb71"
CONTRACT_FIELDS = {"id", "source", "title", "outlet", "dateline", "language", "published",
                   "published_source", "authors", "wire_sources", "body", "removed",
                   "entities", "quotes", "dates"}


def test_extract_prints_one_contract_article_per_line(seeds_dir: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["extract", str(seeds_dir)]) == 0
    lines = capsys.readouterr().out.splitlines()
    articles = [json.loads(line) for line in lines]
    assert len(articles) == 5
    for article in articles:
        assert CONTRACT_FIELDS <= set(article)
        assert all({"text", "reason"} == set(r) for r in article["removed"])
    by_id = {a["id"]: a for a in articles}
    assert by_id[SEED]["published"] == "2023-09-14T20:22:00+07:00"


def test_analyze_writes_articles_and_dossier(seeds_dir: Path, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope.txt"
    assert cli.main(["analyze", str(seeds_dir), str(missing), "--out", str(tmp_path / "out")]) == 0
    lines = (tmp_path / "out" / "articles.jsonl").read_text("utf-8").splitlines()
    assert len(lines) == 5
    dossier: dict[str, Any] = json.loads((tmp_path / "out" / "dossier.json").read_text("utf-8"))
    assert {"version", "generated_at", "articles", "duplicates", "skipped", "stories"} <= set(dossier)
    assert sorted(a["id"] for a in dossier["articles"]) == sorted(p.stem for p in seeds_dir.glob("*.txt"))
    assert dossier["skipped"] == [{"source": str(missing), "reason": "no such file or directory"}]
    [story] = dossier["stories"]
    assert sorted(story["article_ids"]) == sorted(a["id"] for a in dossier["articles"])
    assert {"id", "title", "article_ids", "start", "end", "events", "timeline", "quotes", "claims",
            "summary"} <= set(story)
    # The SPEC's claim record, no more and no less.
    assert all({"id", "text", "status", "sources", "support", "against", "history"} == set(c)
               for c in story["claims"])
    assert all(c["sources"] for c in story["claims"] if c["support"])
    html = (tmp_path / "out" / "index.html").read_text("utf-8")
    assert story["title"] in html and "<svg" in html
    err = capsys.readouterr().err
    assert f"skipped {missing}" in err and "5 articles (0 duplicate copies), 1 skipped" in err
    assert "1 stories; claims:" in err


def test_nothing_usable_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert cli.main(["extract", str(empty)]) == 1
    assert str(empty) in capsys.readouterr().err


def test_bad_usage_exits_2() -> None:
    with pytest.raises(SystemExit) as exc:
        cli.main(["extract"])
    assert exc.value.code == 2


def test_eval_reports_scores_as_json(seeds_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = Path(__file__).parent / "fixtures" / "gold" / "seeds.json"
    assert cli.main(["eval", "--gold", str(gold), "--json", str(seeds_dir)]) == 0
    report = json.loads(capsys.readouterr().out)["gold"]
    assert report["articles"] == 5
    assert report["boilerplate"]["f1"] >= 0.95


def test_eval_with_malformed_gold_is_a_usage_error(seeds_dir: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "gold.json"
    bad.write_text("[1, 2]", encoding="utf-8")
    assert cli.main(["eval", "--gold", str(bad), str(seeds_dir)]) == 2
    assert "gold.json" in capsys.readouterr().err


def test_console_script_reads_stdin() -> None:
    text = (Path(__file__).parent.parent / "examples" / "seeds" / f"{SEED}.txt").read_bytes()
    done = subprocess.run([sys.executable, "-m", "kliping.cli", "extract", "-"], input=text,
                          capture_output=True, check=False, timeout=120)
    assert done.returncode == 0, done.stderr
    article = json.loads(done.stdout)
    assert article["title"].startswith("Barat Patut Waswas")


def test_same_file_name_in_two_folders_gets_two_ids(seeds_dir: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / f"{SEED}.txt").write_bytes((seeds_dir / f"{SEED}.txt").read_bytes())
    assert cli.main(["analyze", str(tmp_path / "a"), str(tmp_path / "b"), "--out", str(tmp_path / "out")]) == 0
    dossier = json.loads((tmp_path / "out" / "dossier.json").read_text("utf-8"))
    assert sorted(a["id"] for a in dossier["articles"]) == [SEED, f"{SEED}~2"]
    assert dossier["duplicates"] == [[SEED, f"{SEED}~2"]]  # an exact copy is a duplicate, not a second source


def test_eval_scores_each_gold_on_the_inputs_it_names(tmp_path: Path) -> None:
    article = {"id": "a1", "text": "Judul\n\n“Kami siap bekerja keras untuk warga,” kata Budi Santoso.",
               "published": "2023-09-14"}
    (tmp_path / "in.jsonl").write_text(json.dumps(article) + "\n", encoding="utf-8")
    gold = {"inputs": ["in.jsonl"], "articles": {"a1": {"quotes": [
        {"text": "Kami siap bekerja keras untuk warga", "kind": "direct", "speaker": "Budi Santoso"}]}}}
    for name in ("one.json", "two.json"):
        (tmp_path / name).write_text(json.dumps(gold), encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "kliping.cli", "eval", "--gold", str(tmp_path / "one.json"),
                          "--gold", str(tmp_path / "two.json"), "--json"], capture_output=True, text=True, check=True)
    golds = json.loads(out.stdout)["golds"]
    assert [g["gold"]["full_name_speakers"]["correct"] for g in golds] == [1, 1]
    assert [g["gold"]["direct_quotes"]["tp"] for g in golds] == [1, 1]
    (tmp_path / "bare.json").write_text(json.dumps({"articles": {}}), encoding="utf-8")
    refused = subprocess.run([sys.executable, "-m", "kliping.cli", "eval", "--gold", str(tmp_path / "bare.json")],
                             capture_output=True, text=True)
    assert refused.returncode == 2 and "names no 'inputs'" in refused.stderr


def test_progress_off_a_terminal_is_plain_lines_in_a_long_run_only(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from kliping.model import Skipped
    from kliping.show import terminal

    quiet = io.StringIO()
    with terminal.reporter(quiet) as report:  # a short run in a log: only what was skipped
        report("a1")
        report(Skipped("x.txt", "empty file"))
        report.stage("grouping stories")
    assert quiet.getvalue() == "kliping: skipped x.txt: empty file\n"

    monkeypatch.setattr(terminal, "PLAIN_PROGRESS_SECONDS", 0.0)  # as if every step came after a long wait
    log = io.StringIO()
    with terminal.reporter(log) as report:
        report("a1")
        report("a2")
        report.stage("grouping stories")
    lines = log.getvalue().splitlines()
    assert [line.rsplit(" (", 1)[0] for line in lines] == [
        "kliping: 1 articles, 0 skipped", "kliping: 2 articles, 0 skipped", "kliping: grouping stories"]
    assert all(line.endswith(" s)") for line in lines)


def test_python_dash_m_kliping_is_the_kliping_command() -> None:
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "kliping", "--version"], capture_output=True, text=True, check=False)
    assert done.returncode == 0 and done.stdout.startswith("kliping ")
