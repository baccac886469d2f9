"""Inputs that are mostly nothing: blank files, floods of blank or unusable lines. Each costs a
few lines of report and seconds of work, never one line per bad line, and never other articles."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from kliping.model import RawDocument, Skipped
from kliping.read import iter_documents
from kliping.read.skips import GIVE_UP_AFTER, SHOWN_PER_INPUT

SEED = sorted((Path(__file__).parents[1] / "examples" / "seeds").glob("*.txt"))[0]


def run(*paths: Path) -> tuple[list[RawDocument], list[Skipped]]:
    items = list(iter_documents([str(p) for p in paths]))
    return [i for i in items if isinstance(i, RawDocument)], [i for i in items if isinstance(i, Skipped)]


def article_line(text: str) -> bytes:
    return json.dumps({"text": text}).encode() + b"\n"


def test_empty_and_blank_jsonl_files_are_named_with_their_reason(tmp_path: Path) -> None:
    (tmp_path / "empty.jsonl").write_bytes(b"")
    (tmp_path / "blank.jsonl").write_bytes(b" \n\n\t\n")
    good = tmp_path / "good.txt"
    good.write_bytes(SEED.read_bytes())
    docs, skipped = run(tmp_path / "empty.jsonl", tmp_path / "blank.jsonl", good)
    assert [(Path(s.source).name, s.reason) for s in skipped] == [
        ("empty.jsonl", "empty file"),
        ("blank.jsonl", "no article lines (3 blank lines)"),
    ]
    assert [d.id for d in docs] == [good.stem]


def test_millions_of_blank_lines_are_passed_over_in_bulk_and_counted(tmp_path: Path) -> None:
    lines = tmp_path / "blank.jsonl.gz"
    with gzip.open(lines, "wb") as f:
        f.write(article_line("Banjir merendam tiga kecamatan di Bekasi."))
        f.write(b"\n" * 3_000_000)
        f.write(b"   " + article_line("Harga beras naik lagi di pasar induk."))  # its own leading spaces stay
        f.write(b"\n  \n" * 1_000)
    docs, skipped = run(lines)
    assert skipped == []
    assert [d.source for d in docs] == [f"{lines}:1", f"{lines}:3000002"]  # line numbers stay true
    assert docs[1].text == "Harga beras naik lagi di pasar induk."


def test_unusable_lines_past_the_first_few_are_counted_in_one_line(tmp_path: Path) -> None:
    lines = tmp_path / "mixed.jsonl"
    lines.write_bytes(b"".join(article_line(f"Berita nomor {i}.") if i % 3 == 0 else b"{}\n" for i in range(60)))
    docs, skipped = run(lines)
    assert len(docs) == 20
    assert [s.source for s in skipped[:SHOWN_PER_INPUT]] == [f"{lines}:{n}" for n in (2, 3, 5, 6, 8)]
    [summary] = skipped[SHOWN_PER_INPUT:]
    assert summary.source == str(lines)
    assert summary.reason.startswith(f"{40 - SHOWN_PER_INPUT} more unusable lines")
    assert "neither 'text' nor 'html'" in summary.reason


def test_a_flood_of_unusable_lines_stops_that_file_only(tmp_path: Path) -> None:
    flood = tmp_path / "flood.jsonl.gz"
    with gzip.open(flood, "wb") as f:
        f.write(article_line("Gempa mengguncang Cianjur pagi tadi."))
        f.write(b"{}\n" * (GIVE_UP_AFTER * 50))
        f.write(article_line("Baris ini tidak lagi dibaca."))
    after = tmp_path / "after.jsonl"
    after.write_bytes(article_line("Artikel di berkas berikutnya tetap dibaca."))
    docs, skipped = run(flood, after)
    assert [d.text for d in docs] == ["Gempa mengguncang Cianjur pagi tadi.",
                                      "Artikel di berkas berikutnya tetap dibaca."]
    assert len(skipped) == SHOWN_PER_INPUT + 2
    stop, count = skipped[SHOWN_PER_INPUT:]
    assert stop.reason.startswith(f"stopped reading at line {GIVE_UP_AFTER + 1:,}: {GIVE_UP_AFTER:,} unusable")
    assert count.reason.startswith(f"{GIVE_UP_AFTER - SHOWN_PER_INPUT:,} more unusable lines")


def test_a_file_that_is_nothing_but_a_flood_is_one_line(tmp_path: Path) -> None:
    flood = tmp_path / "kosong.jsonl.gz"
    with gzip.open(flood, "wb") as f:
        f.write(b"{}\n" * (GIVE_UP_AFTER * 10))
    after = tmp_path / "after.jsonl"
    after.write_bytes(article_line("Artikel di berkas berikutnya tetap dibaca."))
    docs, skipped = run(flood, after)
    assert [d.text for d in docs] == ["Artikel di berkas berikutnya tetap dibaca."]
    [only] = skipped
    assert only.source == str(flood)
    assert only.reason.startswith(f"not an article list: its first {GIVE_UP_AFTER:,} lines are all unusable")
    assert f"neither 'text' nor 'html' ×{GIVE_UP_AFTER:,}" in only.reason


def test_text_past_the_length_cap_is_not_read_and_says_so() -> None:
    from kliping.clean import MAX_BODY_CHARS, clean

    sentence = "Banjir merendam tiga kecamatan di Bekasi pada Senin pagi. "
    paragraph = sentence * 40
    raw = RawDocument(source="flood.txt", id="flood", text="Banjir di Bekasi\n" + (paragraph + "\n") * 2000,
                      format="text", headline_first=True)
    cleaned = clean(raw)
    assert MAX_BODY_CHARS // 2 < len(cleaned.body) <= MAX_BODY_CHARS
    assert cleaned.body.endswith(sentence.strip())  # cut between paragraphs, not inside a word
    [note] = [r for r in cleaned.removed if r.reason == "too long"]
    assert note.text.startswith("Banjir merendam") and "characters past the first" in note.text
    one_line = RawDocument(source="line.txt", id="line", text="Judul\n" + "kata " * 400_000, format="text",
                           headline_first=True)
    assert len(clean(one_line).body) <= MAX_BODY_CHARS  # a single huge line is cut at a word too
