"""Engines: worker processes and Dask give the very same articles.jsonl and dossier.json as the in-process run."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from kliping import cli
from kliping.errors import InputError
from kliping.run import analyze, engines

ENGINE_ARGS = {
    "in-process": [],
    "local-2": ["--engine", "local", "--workers", "2"],
    "dask-2": ["--engine", "dask", "--workers", "2"],
}


def _run(paths: list[str], out: Path, extra: list[str]) -> tuple[bytes, dict[str, Any]]:
    assert cli.main(["analyze", *paths, "--out", str(out), *extra]) == 0
    dossier = json.loads((out / "dossier.json").read_text("utf-8"))
    dossier.pop("generated_at")  # the one field allowed to differ between runs
    return (out / "articles.jsonl").read_bytes(), dossier


def _all_engines(paths: list[str], tmp_path: Path) -> dict[str, tuple[bytes, dict[str, Any]]]:
    return {name: _run(paths, tmp_path / name, extra) for name, extra in ENGINE_ARGS.items()}


def test_engines_give_the_sample_the_same_articles_and_dossier(seeds_dir: Path, tmp_path: Path) -> None:
    results = _all_engines([str(seeds_dir)], tmp_path)
    expected = results["in-process"]
    assert expected[1]["articles"], "the sample must produce articles"
    for name, result in results.items():
        assert result[0] == expected[0], f"{name}: articles.jsonl differs"
        assert result[1] == expected[1], f"{name}: dossier.json differs"


def test_engines_skip_bad_inputs_and_rename_repeated_ids_like_in_process(seeds_dir: Path, tmp_path: Path) -> None:
    inputs = tmp_path / "inputs"
    (inputs / "a").mkdir(parents=True)
    (inputs / "b").mkdir()
    seeds = sorted(seeds_dir.glob("*.txt"))
    for seed in seeds[:3]:
        shutil.copy(seed, inputs / "a" / seed.name)
    shutil.copy(seeds[0], inputs / "b" / seeds[0].name)  # same file name: id gets "~2"
    (inputs / "b" / "broken.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    (inputs / "b" / "empty.txt").write_text("   \n", "utf-8")
    lines = [json.dumps({"id": "dup", "text": seed.read_text("utf-8")}) for seed in seeds[3:]]
    (inputs / "c.jsonl").write_text("\n".join([*lines, "{not json", lines[0]]) + "\n", "utf-8")
    paths = [str(inputs / "a"), str(inputs / "b"), str(inputs / "c.jsonl"), str(inputs / "missing.txt"),
             str(inputs / "a" / seeds[0].name)]  # named twice: read once

    results = _all_engines(paths, tmp_path / "out")
    expected = results["in-process"]
    ids = [json.loads(line)["id"] for line in expected[0].decode("utf-8").splitlines()]
    assert f"{seeds[0].stem}~2" in ids and "dup~2" in ids and "dup~3" in ids
    assert len(expected[1]["skipped"]) == 4  # binary, empty, bad JSON line, missing path
    for name, result in results.items():
        assert result[0] == expected[0], f"{name}: articles.jsonl differs"
        assert result[1] == expected[1], f"{name}: dossier.json differs"


def test_a_big_jsonl_is_split_into_chunks_with_the_same_result(seeds_dir: Path, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [json.dumps({"id": f"n{i % 3}", "text": s.read_text("utf-8")}) for i, s in
             enumerate(sorted(seeds_dir.glob("*.txt")))]
    big = tmp_path / "big.jsonl"
    big.write_text("\n".join([*lines, "[1]"]) + "\n", "utf-8")
    monkeypatch.setattr(engines, "SPLIT_BYTES", 0)
    monkeypatch.setattr(engines, "CHUNK_DOCUMENTS", 2)
    assert sum(1 for p in engines.partitions([str(big)]) if isinstance(p, list)) == 3
    expected = [x.to_dict() for x in engines.extract([str(big)])]
    assert [x.to_dict() for x in engines.extract([str(big)], workers=2)] == expected


def test_stdin_is_read_in_the_driver_and_processed_by_workers(seeds_dir: Path) -> None:
    data = b"".join(s.read_bytes() for s in sorted(seeds_dir.glob("*.txt"))[:1])
    expected = [x.to_dict() for x in engines.extract(["-"], stdin=io.BytesIO(data))]
    assert [x.to_dict() for x in engines.extract(["-"], stdin=io.BytesIO(data), workers=2)] == expected


@pytest.mark.parametrize("options", [
    {"engine": "spark"}, {"workers": 0}, {"scheduler": "tcp://127.0.0.1:8786"},
])
def test_bad_engine_options_are_refused_before_reading(options: dict[str, Any], tmp_path: Path) -> None:
    with pytest.raises(InputError):
        analyze([str(tmp_path / "missing.txt")], tmp_path / "out", **options)
    assert not (tmp_path / "out").exists()


def test_add_extract_and_analyze_db_run_on_the_engines_with_the_same_result(
        seeds_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outputs = {}
    for name, extra in ENGINE_ARGS.items():
        assert cli.main(["extract", str(seeds_dir), *extra]) == 0
        lines = capsys.readouterr().out
        db, out = tmp_path / f"{name}.db", tmp_path / f"{name}-out"
        assert cli.main(["add", str(seeds_dir), "--db", str(db), *extra]) == 0
        assert cli.main(["analyze", str(seeds_dir), "--db", str(db), "--out", str(out), *extra]) == 0
        dossier = json.loads((out / "dossier.json").read_text("utf-8"))
        dossier.pop("generated_at")
        outputs[name] = (lines, (out / "articles.jsonl").read_bytes(), dossier)
    expected = outputs["in-process"]
    assert expected[0].count("\n") == 5 and len(expected[2]["articles"]) == 5
    for name, result in outputs.items():
        assert result == expected, name


def test_cli_refuses_run_options_with_db(tmp_path: Path) -> None:
    args = ["analyze", "--db", str(tmp_path / "k.db"), "--out", str(tmp_path / "out"), "--resume"]
    assert cli.main(args) == 2
    assert cli.main(["add", str(tmp_path), "--db", str(tmp_path / "k.db"), "--workers", "0"]) == 2


def test_workers_read_absolute_paths_but_report_the_names_given(seeds_dir: Path, tmp_path: Path) -> None:
    # A Dask worker may run in another folder (or machine): it gets the absolute path, and the
    # sources in the output still read as the user wrote them.
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text(json.dumps({"text": next(seeds_dir.glob("*.txt")).read_text("utf-8")}) + "\n{bad\n", "utf-8")
    result = engines.run_partition(("in/a.jsonl", str(jsonl)))
    assert [item.source for _, item in result] == ["in/a.jsonl:1", "in/a.jsonl:2"]


def _thresholds(_: object) -> tuple[int, int, int]:
    import gc

    return gc.get_threshold()


def test_pool_workers_collect_cycles_less_often_than_python_by_default() -> None:
    # Spawned workers start at Python's defaults (700, 10, 10); the pool's initializer sets the long-run ones.
    with engines.open_engine("local", 2) as running:
        seen = set(running.map_in_order(_thresholds, range(4)))
    assert seen == {engines.GC_THRESHOLDS}
    assert engines.GC_THRESHOLDS[0] > 700
