"""The streaming run: rolling windows that close behind, the journal, resume, the streamed dossier."""

from __future__ import annotations

import dataclasses
import importlib
import json
import shutil
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from kliping import analyze, cli
from kliping.corpus.rolling import RollingGrouper, article_keys
from kliping.errors import InputError
from kliping.jsonout import write_dossier
from kliping.model import Article
from kliping.run.journal import JOURNAL_DIR, Journal

# The module, not the function of the same name that kliping.run exports.
analyze_module = importlib.import_module("kliping.run.analyze")


def _shifted(article: Article, new_id: str, days: int) -> Article:
    """The article again under another id, published ``days`` later (the same text: a duplicate)."""
    published = (date.fromisoformat(article.published[:10]) + timedelta(days=days)).isoformat()
    return dataclasses.replace(article, id=new_id, published=published, dates=[])


def test_rolling_windows_close_old_stories_and_still_catch_copies_across_a_window_edge(
        seed_articles: dict[str, Article]) -> None:
    one = next(a for a in seed_articles.values() if a.published)
    articles = [_shifted(one, f"{one.id}@{days}", days) for days in (0, 1, 400, 401, 800)]
    grouper = RollingGrouper(window_days=1, max_open_articles=1)
    closed, pairs, open_stories = [], [], []
    for a in articles:
        closed.extend(grouper.add(article_keys(a)))
        pairs.extend(grouper.take_duplicates())
        open_stories.append(len(grouper.stories.story_ids()))
    closed.extend(grouper.finish())
    pairs.extend(grouper.take_duplicates())
    # Day 0 and day 1 lie in adjacent windows: still one duplicate group, and one story. With room
    # for one open article, the first story closed when day 400 came: the same text is a new story.
    assert sorted(pairs) == [(f"{one.id}@1", f"{one.id}@0"), (f"{one.id}@401", f"{one.id}@400")]
    assert [c.article_ids for c in closed] == [[f"{one.id}@0", f"{one.id}@1"], [f"{one.id}@400", f"{one.id}@401"],
                                               [f"{one.id}@800"]]
    assert max(open_stories) == 1  # never more than the stories of the current weeks in memory


def test_streamed_dossier_has_the_bytes_of_one_json_dump(seeds_dir: Path, tmp_path: Path) -> None:
    analyze([str(seeds_dir)], tmp_path / "run")
    data = json.loads((tmp_path / "run" / "dossier.json").read_text("utf-8"))
    data["skipped"] = [{"source": "x.txt", "reason": "empty <b>"}]
    data["duplicates"] = [["a", "b"], ["c", "d", "e"]]
    from kliping.model import Skipped

    header = write_dossier(tmp_path / "d.json", iter(data["articles"]), [Skipped("x.txt", "empty <b>")],
                           iter(data["duplicates"]), iter(data["stories"]))
    data["generated_at"] = header["generated_at"]
    expected = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    assert (tmp_path / "d.json").read_text("utf-8") == expected
    write_dossier(tmp_path / "empty.json", [], [], [], [])
    empty = json.loads((tmp_path / "empty.json").read_text("utf-8"))
    assert empty["articles"] == empty["stories"] == [] and empty["version"] == data["version"]


def _inputs(seeds_dir: Path, tmp_path: Path) -> Path:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    for seed in sorted(seeds_dir.glob("*.txt")):
        shutil.copy(seed, inputs / seed.name)
    (inputs / "z-copy.txt").write_bytes(sorted(seeds_dir.glob("*.txt"))[0].read_bytes())  # a duplicate
    return inputs


def _outputs(out: Path) -> tuple[bytes, dict[str, Any], str]:
    dossier = json.loads((out / "dossier.json").read_text("utf-8"))
    dossier.pop("generated_at")
    return (out / "articles.jsonl").read_bytes(), dossier, (out / "index.html").read_text("utf-8")


def test_an_interrupted_run_resumes_where_it_stopped(seeds_dir: Path, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    inputs = _inputs(seeds_dir, tmp_path)
    analyze([str(inputs)], tmp_path / "fresh")
    expected = _outputs(tmp_path / "fresh")
    assert expected[1]["duplicates"] and expected[1]["stories"]

    real = analyze_module.read_partition
    calls: list[Any] = []

    def failing(part: Any) -> Any:
        calls.append(part)
        if len(calls) == 4:
            raise KeyboardInterrupt  # the user pressed Ctrl-C during the fourth input
        return real(part)

    out = tmp_path / "out"
    monkeypatch.setattr(analyze_module, "read_partition", failing)
    with pytest.raises(KeyboardInterrupt):
        analyze([str(inputs)], out)
    assert (out / JOURNAL_DIR / "journal.sqlite").exists() and not (out / "dossier.json").exists()
    with (out / "articles.jsonl.tmp").open("ab") as partial:
        partial.write(b'{"id": "half a line of the partition being writ')  # killed mid-write

    calls.clear()
    monkeypatch.setattr(analyze_module, "read_partition", lambda part: calls.append(part) or real(part))
    summary = analyze([str(inputs)], out, resume=True)
    assert len(calls) == 3  # the three recorded inputs were skipped
    assert summary.articles == 6 and summary.duplicates == 1
    assert _outputs(out) == expected[:2] + (_outputs(out)[2],)
    assert not (out / JOURNAL_DIR).exists()  # a finished run leaves no journal
    assert sorted(p.name for p in out.iterdir()) == ["articles.jsonl", "dossier.json", "index.html"]  # nor a lock


def test_resume_needs_an_unfinished_run_of_the_same_inputs(seeds_dir: Path, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(InputError, match="nothing to resume"):
        analyze([str(seeds_dir)], tmp_path / "out", resume=True)

    def fail(part: Any) -> Any:
        raise KeyboardInterrupt

    monkeypatch.setattr(analyze_module, "read_partition", fail)
    with pytest.raises(KeyboardInterrupt):
        analyze([str(seeds_dir)], tmp_path / "out")
    monkeypatch.undo()
    with pytest.raises(InputError, match="other inputs"):
        analyze([str(seeds_dir / "missing")], tmp_path / "out", resume=True)
    with pytest.raises(InputError, match="stdin"):
        analyze(["-"], tmp_path / "out", resume=True)


def test_the_report_of_a_big_run_shows_the_biggest_stories_and_says_so(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = Path(__file__).parent / "fixtures" / "corpus" / "mixed.jsonl"
    lines = corpus.read_text("utf-8").splitlines()[:40]
    (tmp_path / "some.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    monkeypatch.setattr(analyze_module, "REPORT_STORIES", 3)
    summary = analyze([str(tmp_path / "some.jsonl")], tmp_path / "out")
    dossier = json.loads((tmp_path / "out" / "dossier.json").read_text("utf-8"))
    assert summary.stories == len(dossier["stories"]) > 3
    page = (tmp_path / "out" / "index.html").read_text("utf-8")
    assert f"the biggest 3 of the {summary.stories} stories" in page
    assert page.count('class="story"') == 3 or page.count("<article") >= 3
    assert dossier["stories"][0]["title"] in page


def test_ctrl_c_exits_130_with_a_hint_and_two_runs_cannot_share_a_folder(
        seeds_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def interrupted(part: Any) -> Any:
        raise KeyboardInterrupt

    monkeypatch.setattr(analyze_module, "read_partition", interrupted)
    assert cli.main(["analyze", str(seeds_dir), "--out", str(tmp_path / "out")]) == 130
    assert "run the same command with --resume" in capsys.readouterr().err
    monkeypatch.undo()

    holder = Journal(tmp_path / "out", [str(seeds_dir)], resume=True)  # another run, still going
    try:
        with pytest.raises(InputError, match="another kliping run"):
            analyze([str(seeds_dir)], tmp_path / "out", resume=True)
    finally:
        holder.close(finished=False)
    assert analyze([str(seeds_dir)], tmp_path / "out", resume=True).articles == 5


def test_a_run_stopped_while_recording_an_input_counts_none_of_its_ids(seeds_dir: Path, tmp_path: Path) -> None:
    inputs = _inputs(seeds_dir, tmp_path)
    seen: list[Any] = []

    def stop_at_the_fourth(item: Any) -> None:
        seen.append(item)
        if len(seen) == 4:
            raise KeyboardInterrupt  # the driver had counted this input's id, not yet recorded it

    with pytest.raises(KeyboardInterrupt):
        analyze([str(inputs)], tmp_path / "out", on_item=stop_at_the_fourth)
    analyze([str(inputs)], tmp_path / "out", resume=True)
    ids = [json.loads(line)["id"] for line in (tmp_path / "out" / "articles.jsonl").read_text("utf-8").splitlines()]
    assert len(ids) == 6 and not any("~" in i for i in ids)


def test_open_articles_bounds_how_long_a_story_waits_for_follow_ups(
        seeds_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = sorted(seeds_dir.glob("*.txt"))[0].read_text("utf-8")
    lines = [json.dumps({"id": f"again-{n}", "text": text, "published": day, "outlet": f"outlet {n}"})
             for n, day in enumerate(("2023-09-13", "2023-09-14", "2024-10-20"))]  # the same report, a year on
    (tmp_path / "in.jsonl").write_text("\n".join(lines) + "\n", "utf-8")

    def stories(*options: str) -> list[list[str]]:
        out = tmp_path / f"out{len(options)}"
        assert cli.main(["analyze", str(tmp_path / "in.jsonl"), "--out", str(out), *options]) == 0
        return [s["article_ids"] for s in json.loads((out / "dossier.json").read_text("utf-8"))["stories"]]

    assert stories() == [["again-0", "again-1", "again-2"]]  # room enough: the follow-up joins its story
    # Two open articles are more than 1: the idle story closed for good before the follow-up came.
    assert stories("--open-articles", "1") == [["again-0", "again-1"], ["again-2"]]
    assert cli.main(["analyze", str(tmp_path / "in.jsonl"), "--out", str(tmp_path / "bad"),
                     "--open-articles", "0"]) != 0
    assert "--open-articles must be at least 1" in capsys.readouterr().err


def test_stories_closed_at_once_are_built_in_tasks_of_about_batch_articles(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The end of a run closes every open story at once; one task of them all would idle the other workers.
    corpus = Path(__file__).parent / "fixtures" / "corpus" / "mixed.jsonl"
    (tmp_path / "some.jsonl").write_text("\n".join(corpus.read_text("utf-8").splitlines()[:30]) + "\n", "utf-8")
    tasks: list[list[int]] = []  # per task, the article count of each of its stories
    build = analyze_module.build_stories

    def counted(task: Any) -> Any:
        tasks.append([len(places) for _, places in task[1]])
        return build(task)

    monkeypatch.setattr(analyze_module, "BATCH_ARTICLES", 4)
    monkeypatch.setattr(analyze_module, "build_stories", counted)
    summary = analyze([str(tmp_path / "some.jsonl")], tmp_path / "out")
    assert sum(map(sum, tasks)) == summary.articles == 30
    assert len(tasks) > 1
    assert all(sum(sizes[:-1]) < 4 for sizes in tasks)  # a task takes stories while it has fewer than 4 articles
