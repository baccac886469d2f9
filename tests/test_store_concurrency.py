"""No lost articles: two `kliping add` processes on one database, and an add killed mid-way then rerun."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from kliping.run.add import stored_story
from kliping.store import Store

MIXED = Path(__file__).resolve().parent / "fixtures" / "corpus" / "mixed.jsonl"


def _lines(count: int, skip: int = 0) -> list[str]:
    with MIXED.open(encoding="utf-8") as stream:
        lines = [line for line in stream if line.strip()]
    return lines[skip:skip + count]


def _add(db: Path, path: Path, *, batch: int) -> subprocess.Popen[bytes]:
    # The real command line, in its own process: what a user runs twice at once.
    return subprocess.Popen([sys.executable, "-m", "kliping.cli", "add", str(path), "--db", str(db),
                             "--batch-size", str(batch)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _stored(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:  # not created yet, or busy migrating
        return 0


def _assert_consistent(db: Path) -> dict[str, Any]:
    with Store.open(db) as store:
        counts: dict[str, Any] = store.integrity()
        articles = list(store.iter_articles())
        rows = store.stories()
    assert counts["integrity_check"] == "ok"
    n = counts["articles"]
    assert counts["articles_fts"] == counts["story_state_articles"] == counts["keys"] == n
    assert counts["quotes"] == counts["quotes_fts"] == sum(len(a.quotes) for a in articles)
    assert sum(r.article_count for r in rows) == n
    return counts


def test_two_add_processes_at_once_lose_nothing(tmp_path: Path) -> None:
    lines = _lines(40)
    ids = {json.loads(line)["id"] for line in lines}
    assert len(ids) == 40
    halves = [tmp_path / "a.jsonl", tmp_path / "b.jsonl"]
    halves[0].write_text("".join(lines[:20]), encoding="utf-8")
    halves[1].write_text("".join(lines[20:]), encoding="utf-8")
    db = tmp_path / "shared.db"
    # Small batches, so the two writers take turns many times.
    procs = [_add(db, path, batch=3) for path in halves]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err.decode()
    counts = _assert_consistent(db)
    assert counts["articles"] == 40
    with Store.open(db) as store:
        assert {a.id for a in store.iter_articles()} == ids
        stories = [stored_story(store, sid) for sid in store.story_ids()]
    assert sorted(aid for story in stories if story for aid in story.article_ids) == sorted(ids)


def test_a_killed_add_leaves_the_database_consistent_and_a_rerun_completes(tmp_path: Path) -> None:
    lines = _lines(300, skip=100)
    ids = {json.loads(line)["id"] for line in lines}
    source = tmp_path / "many.jsonl"
    source.write_text("".join(lines), encoding="utf-8")
    db = tmp_path / "killed.db"
    proc = _add(db, source, batch=40)
    deadline = time.monotonic() + 120
    while _stored(db) < 40 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
    assert proc.poll() is None, "the add finished before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)
    before = _assert_consistent(db)["articles"]
    assert isinstance(before, int) and 40 <= before < 300

    rerun = _add(db, source, batch=40)
    _, err = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, err.decode()
    assert f"{300 - before} added, {before} already stored" in err.decode()
    counts = _assert_consistent(db)
    assert counts["articles"] == 300
    with Store.open(db) as store:
        assert {a.id for a in store.iter_articles()} == ids  # all stored, none twice (no "~2" copies)
