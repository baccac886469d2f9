"""--map: JSON lines whose fields are named otherwise (a scraper's content/headline/date, IndoSum's token lists)
are read through one field map, on every command and engine; bad maps and bad lines say why."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from kliping import cli
from kliping.errors import InputError
from kliping.model import RawDocument, Skipped
from kliping.read import iter_documents
from kliping.read.fields import FieldMap, detokenise, parse_field_map
from kliping.run import engines
from kliping.store import Store

# Shaped like IndoSum (paragraphs → sentences → tokens, source, source_url); the text is made up.
INDOSUM_LIKE = {
    "id": "1490674536-made-up-ojek",
    "category": "tajuk utama",
    "source": "kumparan",
    "source_url": "https://kumparan.example/made-up-ojek",
    "paragraphs": [
        [["Ketua", "MPR", "Zulkifli", "Hasan", "menyesalkan", "kisruh", "antara", "ojek", "online", "dan",
          "pangkalan", "di", "Bandung", "."],
         ["Ia", "meminta", "pemerintah", ",", "pengemudi", "dan", "pemilik", "aplikasi", "duduk", "bersama", "."]],
        [["\"", "Tidak", "hanya", "tarif", "yang", "harus", "diatur", "."],
         ["Semua", "pihak", "harus", "diajak", "bicara", ",", "\"", "ucap", "Zulkifli", "di", "Gedung", "DPR", ",",
          "Jakarta", ",", "Senin", "(", "27", "/", "3", ")", "."]],
        [["Ia", "juga", "menyebut", "e", "-", "KTP", "pengemudi", "harus", "didata", "(", "sekitar", "40", "%",
          ")", "sebelum", "Undang", "-", "undang", "baru", "berlaku", ":", "\u201c", "secepatnya", "\u201d", "!"]],
    ],
    "summary": [["Zulkifli", "menyesalkan", "kisruh", "ojek", "."]],
}
INDOSUM_TEXT = (
    "Ketua MPR Zulkifli Hasan menyesalkan kisruh antara ojek online dan pangkalan di Bandung. "
    "Ia meminta pemerintah, pengemudi dan pemilik aplikasi duduk bersama.\n\n"
    "\"Tidak hanya tarif yang harus diatur. Semua pihak harus diajak bicara,\" ucap Zulkifli di Gedung DPR, "
    "Jakarta, Senin (27/3).\n\n"
    "Ia juga menyebut e-KTP pengemudi harus didata (sekitar 40%) sebelum Undang-undang baru berlaku: "
    "\u201csecepatnya\u201d!"
)
INDOSUM_MAP = "text=paragraphs,url=source_url,outlet=source"


def _jsonl(path: Path, *records: dict[str, object]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    return path


def test_indosum_paragraphs_are_detokenised_into_readable_text() -> None:
    assert detokenise(INDOSUM_LIKE["paragraphs"]) == INDOSUM_TEXT  # type: ignore[arg-type]
    # Sentences alone make one paragraph, tokens one sentence; a dash between capitalised words stays spaced.
    assert detokenise([["Kata", "dia", ":", "ya", "."], ["Skor", "2", "-", "1", "."]]) == "Kata dia: ya. Skor 2-1."
    assert detokenise(["Jakarta", "-", "Presiden", "tiba", "(", "[", "foto", "]", ")", "?"]) == \
        "Jakarta - Presiden tiba ([foto])?"
    assert detokenise(["\u00a0", "a", " ", "b", "\r\n"]) == "a b"  # whitespace tokens are dropped


def test_a_mapped_indosum_line_reads_as_an_article(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "indosum.jsonl", INDOSUM_LIKE)
    [doc] = iter_documents([str(path)], field_map=parse_field_map(INDOSUM_MAP))
    assert isinstance(doc, RawDocument)
    assert (doc.id, doc.text, doc.url, doc.outlet) == (INDOSUM_LIKE["id"], INDOSUM_TEXT,
                                                       INDOSUM_LIKE["source_url"], "kumparan")
    # Without the map, the line is refused as before, with its reason.
    [skipped] = iter_documents([str(path)])
    assert isinstance(skipped, Skipped) and "neither 'text' nor 'html'" in skipped.reason


def test_a_scrapers_fields_are_mapped_and_a_line_missing_one_is_skipped_alone(tmp_path: Path) -> None:
    good = {"content": "Gubernur meresmikan jembatan baru di Kota Kupang pada Senin pagi.", "headline": "Jembatan",
            "date": "2024-03-04", "link": "https://example.org/a"}
    no_date = {"content": "Banjir merendam tiga desa di Kabupaten Bandung sejak Minggu malam.", "headline": "Banjir"}
    tokens = {"content": [["Harga", "beras", "naik", "."]], "headline": ["Harga", "beras", "!"], "date": "2024-03-05"}
    path = _jsonl(tmp_path / "scraped.jsonl", good, no_date, tokens)
    field_map = parse_field_map("text=content, title=headline ,published=date,url=link")
    items = list(iter_documents([str(path)], field_map=field_map))
    assert [type(i).__name__ for i in items] == ["RawDocument", "Skipped", "Skipped"]
    first = items[0]
    assert isinstance(first, RawDocument)
    assert (first.title, first.published, first.published_source, first.url) == (
        "Jembatan", "2024-03-04", "jsonl", "https://example.org/a")
    assert items[1] == Skipped(f"{path}:2", "no field 'date' on this line (--map published=date)")
    assert items[2] == Skipped(f"{path}:3", "no field 'link' on this line (--map url=link)")
    # The title's tokens are detokenised as the text's are.
    partial = parse_field_map("text=content,title=headline")
    third = list(iter_documents([str(path)], field_map=partial))[2]
    assert isinstance(third, RawDocument) and (third.text, third.title) == ("Harga beras naik.", "Harga beras!")


def test_a_list_that_is_not_tokens_is_refused_with_the_field_named(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "odd.jsonl", {"paragraphs": [[{"word": "x"}]]}, {"paragraphs": [[[["too"]]]]},
                  {"paragraphs": [["Dua", "kalimat", "."]]})
    items = list(iter_documents([str(path)], field_map=parse_field_map("text=paragraphs")))
    assert [i.reason for i in items if isinstance(i, Skipped)] == [
        "field 'paragraphs': a list must hold tokens (strings), sentences (lists of tokens) or paragraphs "
        "(lists of sentences)"] * 2
    assert isinstance(items[2], RawDocument) and items[2].text == "Dua kalimat."


@pytest.mark.parametrize(("spec", "message"), [
    ("txt=paragraphs", "unknown target field 'txt'"),
    ("text", "'text' is not TARGET=SOURCE"),
    ("text=", "'text=' is not TARGET=SOURCE"),
    ("text=a,,title=b", "'' is not TARGET=SOURCE"),
    ("text=a,text=b", "'text' is mapped twice"),
])
def test_a_bad_map_is_refused_naming_the_part(spec: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_field_map(spec)


def test_map_is_one_option_of_extract_add_and_analyze(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _jsonl(tmp_path / "indosum.jsonl", INDOSUM_LIKE, {"id": "no-paragraphs", "source": "suara"})
    assert cli.main(["extract", str(path), "--map", INDOSUM_MAP]) == 0
    out, err = capsys.readouterr()
    [article] = [json.loads(line) for line in out.splitlines()]
    assert article["body"] == INDOSUM_TEXT and article["outlet"] == "kumparan"
    quote = next(q for q in article["quotes"] if q["text"].startswith("Tidak hanya tarif"))
    assert quote["speaker"] == "Zulkifli Hasan"  # the detokenised text is text the annotators read
    assert f"{path}:2: no field 'paragraphs' on this line (--map text=paragraphs)" in err

    db = tmp_path / "k.db"
    assert cli.main(["add", str(path), "--db", str(db), "--map", INDOSUM_MAP]) == 0
    with Store.open(db, create=False, write=False) as store:
        [stored] = list(store.iter_articles())
        assert stored.body == INDOSUM_TEXT and stored.url == INDOSUM_LIKE["source_url"]
    assert cli.main(["analyze", str(path), "--out", str(tmp_path / "out"), "--map", INDOSUM_MAP]) == 0
    assert (tmp_path / "out" / "articles.jsonl").read_text("utf-8").count("\n") == 1
    capsys.readouterr()
    assert cli.main(["extract", str(path), "--map", "body=paragraphs"]) == 2
    assert "unknown target field 'body'" in capsys.readouterr().err


def test_workers_get_the_map_with_their_file_and_a_resume_key_changes_with_it(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "indosum.jsonl", INDOSUM_LIKE)
    field_map = parse_field_map(INDOSUM_MAP)
    [(key, part)] = list(engines.keyed_partitions([str(path)], field_map=field_map))
    [(plain_key, _)] = list(engines.keyed_partitions([str(path)]))
    assert key != plain_key and part == (str(path), os.path.abspath(path), field_map)
    [(raw_id, article)] = engines.run_partition(part)  # type: ignore[arg-type]
    assert raw_id == INDOSUM_LIKE["id"] and not isinstance(article, Skipped) and article.body == INDOSUM_TEXT
    # A big file is read in the driver, in chunks, through the same map.
    [(_, chunk)] = list(engines.keyed_partitions([str(path)], split_bytes=1, field_map=field_map))
    assert isinstance(chunk, list) and isinstance(chunk[0], RawDocument) and chunk[0].text == INDOSUM_TEXT
    assert FieldMap((("text", "paragraphs"),)) == parse_field_map("text=paragraphs")
