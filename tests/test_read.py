"""Readers: every supported format, gzip variants, folders, globs, stdin and streaming."""

from __future__ import annotations

import gzip
import html
import io
import json
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from kliping.model import RawDocument, Skipped
from kliping.read import content_id, decode, iter_documents
from kliping.read.sniff import format_from_name, sniff_format

SEEDS = sorted((Path(__file__).parents[1] / "examples" / "seeds").glob("*.txt"))


def seed_lines(index: int = 0) -> list[str]:
    return [line for line in SEEDS[index].read_text("utf-8").splitlines() if line.strip()]


def page(index: int = 0, *, charset: str = "utf-8", extra_head: str = "") -> str:
    """A real article (a seed) as a news page with navigation and footer around it."""
    title, *paragraphs = seed_lines(index)
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (
        f'<!DOCTYPE html><html lang="id"><head><meta charset="{charset}">'
        f"<title>{html.escape(title)}</title>{extra_head}</head><body>"
        '<nav><a href="/">Beranda</a> <a href="/news">Berita</a></nav>'
        f"<article><h1>{html.escape(title)}</h1>{body}</article>"
        "<footer>Hak cipta dilindungi</footer></body></html>"
    )


def read_all(paths: list[str], **kwargs: Any) -> list[RawDocument | Skipped]:
    return list(iter_documents(paths, **kwargs))


def docs_of(items: list[RawDocument | Skipped]) -> list[RawDocument]:
    return [item for item in items if isinstance(item, RawDocument)]


def skipped_of(items: list[RawDocument | Skipped]) -> list[Skipped]:
    return [item for item in items if isinstance(item, Skipped)]


def warc_bytes(records: Sequence[tuple[str, str, bytes, str | None]], *, gz: bool) -> bytes:
    """(record type, uri, payload, HTTP status line or None for resource) → a WARC file."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gz)
    for rec_type, uri, payload, status in records:
        if rec_type == "response":
            ctype = "image/png" if uri.endswith(".png") else "text/html; charset=utf-8"
            headers = StatusAndHeaders(status or "200 OK", [("Content-Type", ctype)], "HTTP/1.1")
            record = writer.create_warc_record(
                uri, "response", payload=io.BytesIO(payload), http_headers=headers
            )
        else:
            record = writer.create_warc_record(
                uri,
                rec_type,
                payload=io.BytesIO(payload),
                warc_content_type="text/html" if rec_type == "resource" else None,
            )
        writer.write_record(record)
    return buffer.getvalue()


# --- plain text ------------------------------------------------------------------------------


def test_txt_file_becomes_text_document_with_stem_id_and_headline_first() -> None:
    [doc] = read_all([str(SEEDS[0])])
    assert isinstance(doc, RawDocument)
    assert doc.id == "000_0b2f353a331a9159"
    assert doc.source == str(SEEDS[0])
    assert doc.format == "text" and doc.headline_first
    assert doc.text.startswith("Putin: Rusia-Korut Berpeluang Kerja Sama Militer\n")
    assert "Vladimir Putin" in doc.text


def test_txt_without_a_headline_keeps_its_lead_paragraph_in_the_body(tmp_path: Path) -> None:
    from kliping.clean import clean

    lead = "KOTALAMA, Kabarkita.com - Jumlah korban longsor di Kota Lama bertambah menjadi 9 orang."
    with_title = tmp_path / "a.txt"
    with_title.write_text(f"Korban Longsor Bertambah\n\n{lead}\n\nPencarian dilanjutkan besok pagi.\n", "utf-8")
    without = tmp_path / "b.txt"
    without.write_text(f"{lead}\n\nPencarian dilanjutkan besok pagi.\n", "utf-8")
    [a, b] = read_all([str(with_title), str(without)])
    assert isinstance(a, RawDocument) and isinstance(b, RawDocument)
    assert clean(a).title == "Korban Longsor Bertambah"
    cleaned = clean(b)
    assert cleaned.title is None and cleaned.body.startswith(lead)


def test_txt_gz_reads_the_same_text_and_drops_both_extensions_from_the_id(
    tmp_path: Path,
) -> None:
    target = tmp_path / "000_0b2f353a331a9159.txt.gz"
    target.write_bytes(gzip.compress(SEEDS[0].read_bytes()))
    [doc] = read_all([str(target)])
    assert isinstance(doc, RawDocument)
    assert doc.id == "000_0b2f353a331a9159"
    assert doc.text == SEEDS[0].read_text("utf-8")


def test_crlf_and_cr_line_breaks_become_newlines(tmp_path: Path) -> None:
    target = tmp_path / "crlf.txt"
    target.write_bytes(b"Judul berita\r\n\r\nParagraf satu.\rParagraf dua.\r\n")
    [doc] = read_all([str(target)])
    assert isinstance(doc, RawDocument)
    assert doc.text == "Judul berita\n\nParagraf satu.\nParagraf dua.\n"


# --- HTML ------------------------------------------------------------------------------------


def test_html_file_goes_through_the_html_reader(tmp_path: Path) -> None:
    target = tmp_path / "putin.html"
    target.write_text(page(0), "utf-8")
    [doc] = read_all([str(target)])
    assert isinstance(doc, RawDocument)
    assert doc.id == "putin" and doc.format == "html" and doc.source == str(target)
    assert doc.title == "Putin: Rusia-Korut Berpeluang Kerja Sama Militer"
    assert "Vladimir Putin" in doc.text
    assert "Beranda" not in doc.text  # navigation is not article text


def test_htm_gz_is_decompressed_and_read_as_html(tmp_path: Path) -> None:
    target = tmp_path / "page.htm.gz"
    target.write_bytes(gzip.compress(page(1).encode("utf-8")))
    [doc] = read_all([str(target)])
    assert isinstance(doc, RawDocument)
    assert doc.id == "page" and doc.format == "html"
    assert seed_lines(1)[2][:40] in doc.text


def test_html_meta_charset_wins_over_guessing() -> None:
    # 0xA4 is "€" in ISO-8859-15 but "¤" in Windows-1252, the guess without a declaration.
    data = b'<html><head><meta charset="iso-8859-15"></head><body>Harga 5 \xa4</body></html>'
    assert "5 €" in decode(data, "x.html", html=True)
    assert "5 ¤" in decode(data, "x.html")


# --- JSON lines ------------------------------------------------------------------------------


def test_jsonl_lines_carry_their_metadata_and_line_sources(tmp_path: Path) -> None:
    text0, text1 = SEEDS[0].read_text("utf-8"), SEEDS[1].read_text("utf-8")
    lines = [
        {
            "id": "rep-1",
            "text": text0,
            "url": "https://republika.co.id/x",
            "title": "Putin: Rusia-Korut",
            "published": "2023-09-14T20:22:00+07:00",
            "outlet": "Republika",
            "authors": ["Dwina Agustin"],
            "language": "id",
        },
        {"text": text1},
    ]
    target = tmp_path / "articles.jsonl"
    target.write_text("\n".join(json.dumps(line) for line in lines) + "\n", "utf-8")
    first, second = read_all([str(target)])
    assert isinstance(first, RawDocument) and isinstance(second, RawDocument)
    assert (first.id, first.source, first.format) == ("rep-1", f"{target}:1", "jsonl")
    assert first.url == "https://republika.co.id/x" and first.title == "Putin: Rusia-Korut"
    assert first.published == "2023-09-14T20:22:00+07:00"
    assert first.published_source == "jsonl"
    assert first.outlet == "Republika" and first.authors == ["Dwina Agustin"]
    assert first.language == "id" and not first.headline_first
    assert first.text == text0
    # No id: a content hash; no title: the first line is the headline, as in a .txt file.
    assert second.id == content_id(text1) and re.fullmatch("[0-9a-f]{16}", second.id)
    assert second.source == f"{target}:2" and second.headline_first
    assert second.published is None and second.published_source is None


def test_jsonl_html_line_metadata_overrides_what_the_page_says(tmp_path: Path) -> None:
    markup = page(0, extra_head='<meta property="og:site_name" content="Situs Lain">')
    line = {"html": markup, "outlet": "Republika", "published": "2023-09-14", "title": "T"}
    target = tmp_path / "pages.jsonl.gz"
    target.write_bytes(gzip.compress((json.dumps(line) + "\n").encode("utf-8")))
    [doc] = read_all([str(target)])
    assert isinstance(doc, RawDocument)
    assert doc.outlet == "Republika" and doc.title == "T"
    assert (doc.published, doc.published_source) == ("2023-09-14", "jsonl")
    assert doc.id == content_id(markup)
    assert "Vladimir Putin" in doc.text


def test_jsonl_line_without_text_or_html_is_skipped_by_line(tmp_path: Path) -> None:
    target = tmp_path / "a.jsonl"
    target.write_text('{"title": "no body"}\n\n[1, 2]\n{"text": "Isi berita."}\n', "utf-8")
    first, second, third = read_all([str(target)])
    assert isinstance(first, Skipped) and isinstance(second, Skipped)
    assert first.source == f"{target}:1" and "neither 'text' nor 'html'" in first.reason
    assert second.source == f"{target}:3" and "array" in second.reason
    assert isinstance(third, RawDocument) and third.text == "Isi berita."


def test_pretty_printed_json_is_rejected_once_with_a_hint(tmp_path: Path) -> None:
    target = tmp_path / "article.json"  # named explicitly: sniffed as JSON by content
    target.write_text(json.dumps({"text": "Isi"}, indent=2), "utf-8")
    [item] = read_all([str(target)])
    assert isinstance(item, Skipped) and item.source == str(target)
    assert "one article per line" in item.reason


# --- WARC ------------------------------------------------------------------------------------


@pytest.mark.parametrize("gz", [True, False], ids=["warc.gz", "warc"])
def test_warc_yields_html_pages_with_status_200_only(tmp_path: Path, gz: bool) -> None:
    records = [
        ("request", "https://a.id/1", b"GET /1 HTTP/1.1\r\nHost: a.id\r\n\r\n", None),
        ("response", "https://a.id/1", page(0).encode("utf-8"), "200 OK"),
        ("response", "https://a.id/logo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "200 OK"),
        ("response", "https://a.id/gone", page(1).encode("utf-8"), "404 Not Found"),
        ("resource", "https://a.id/3", page(2).encode("utf-8"), None),
    ]
    target = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    target.write_bytes(warc_bytes(records, gz=gz))
    items = read_all([str(target)])
    docs = docs_of(items)
    assert len(docs) == len(items)
    assert [doc.url for doc in docs] == ["https://a.id/1", "https://a.id/3"]
    first = docs[0]
    assert first.format == "warc" and first.source == f"{target}#https://a.id/1"
    assert re.fullmatch("[0-9a-f]{16}", first.id)
    assert "Vladimir Putin" in first.text


def test_warc_decodes_with_the_http_charset(tmp_path: Path) -> None:
    markup = page(0).replace('<meta charset="utf-8">', "").replace("</p>", " Harga 5 €.</p>", 1)
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    headers = StatusAndHeaders(
        "200 OK", [("Content-Type", "text/html; charset=ISO-8859-15")], "HTTP/1.1"
    )
    payload = io.BytesIO(markup.encode("iso-8859-15"))
    writer.write_record(
        writer.create_warc_record("https://a.id/e", "response", payload, http_headers=headers)
    )
    target = tmp_path / "euro.warc.gz"
    target.write_bytes(buffer.getvalue())
    [doc] = read_all([str(target)])
    assert isinstance(doc, RawDocument)
    assert "Harga 5 €." in doc.text


# --- folders, globs, stdin -------------------------------------------------------------------


def make_tree(root: Path) -> None:
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "b.txt").write_bytes(SEEDS[1].read_bytes())
    (root / "a.txt").write_bytes(SEEDS[0].read_bytes())
    (root / "sub" / "c.html").write_text(page(2), "utf-8")
    (root / "sub" / "deeper" / "d.txt.gz").write_bytes(gzip.compress(SEEDS[3].read_bytes()))
    (root / "notes.md").write_text("# not an article", "utf-8")
    (root / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (root / ".secret.txt").write_text("hidden", "utf-8")
    (root / ".hidden" / "e.txt").write_text("hidden too", "utf-8")


def test_folder_is_walked_recursively_sorted_skipping_hidden_and_unknown(tmp_path: Path) -> None:
    make_tree(tmp_path)
    items = read_all([str(tmp_path)])
    assert all(isinstance(item, RawDocument) for item in items)
    assert [item.source for item in items] == [
        str(tmp_path / "a.txt"),
        str(tmp_path / "b.txt"),
        str(tmp_path / "sub" / "c.html"),
        str(tmp_path / "sub" / "deeper" / "d.txt.gz"),
    ]


def test_glob_patterns_match_like_the_shell(tmp_path: Path) -> None:
    make_tree(tmp_path)
    flat = read_all([str(tmp_path / "*.txt")])
    assert [item.source for item in flat] == [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    deep = read_all([str(tmp_path / "**" / "*.html")])
    assert [item.source for item in deep] == [str(tmp_path / "sub" / "c.html")]
    [none] = read_all([str(tmp_path / "*.xml")])
    assert isinstance(none, Skipped) and none.reason == "no files match this pattern"


def test_same_file_named_twice_is_read_once(tmp_path: Path) -> None:
    make_tree(tmp_path)
    items = read_all([str(tmp_path / "a.txt"), str(tmp_path)])
    assert [item.source for item in items].count(str(tmp_path / "a.txt")) == 1
    assert len(items) == 4


def test_symlink_leading_out_of_a_folder_is_not_followed(tmp_path: Path) -> None:
    inside, outside = tmp_path / "in", tmp_path / "out"
    inside.mkdir()
    outside.mkdir()
    (outside / "private.txt").write_text("Rahasia di luar folder.", "utf-8")
    (inside / "ok.txt").write_bytes(SEEDS[0].read_bytes())
    (inside / "link.txt").symlink_to(outside / "private.txt")
    items = read_all([str(inside)])
    [skipped] = skipped_of(items)
    assert skipped.source == str(inside / "link.txt") and "outside the folder" in skipped.reason
    assert [doc.id for doc in docs_of(items)] == ["ok"]


@pytest.mark.parametrize(
    ("data", "fmt"),
    [
        (SEEDS[0].read_bytes(), "text"),
        (page(0).encode("utf-8"), "html"),
        (gzip.compress(page(0).encode("utf-8")), "html"),
        (json.dumps({"text": "Isi berita."}).encode("utf-8") + b"\n", "jsonl"),
    ],
    ids=["text", "html", "html.gz", "jsonl"],
)
def test_stdin_dash_is_sniffed_by_content(data: bytes, fmt: str) -> None:
    [doc] = read_all(["-"], stdin=io.BytesIO(data))
    assert isinstance(doc, RawDocument)
    assert doc.format == fmt
    assert doc.source.startswith("<stdin>")
    assert re.fullmatch("[0-9a-f]{16}", doc.id)


def test_stdin_warc_is_sniffed_by_content() -> None:
    data = warc_bytes([("response", "https://a.id/1", page(0).encode("utf-8"), None)], gz=False)
    [doc] = read_all(["-"], stdin=io.BytesIO(data))
    assert isinstance(doc, RawDocument) and doc.format == "warc"


def test_explicit_file_with_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    php = tmp_path / "berita.php"
    php.write_text(page(0), "utf-8")
    bare = tmp_path / "ARTICLE"
    bare.write_bytes(SEEDS[1].read_bytes())
    first, second = read_all([str(php), str(bare)])
    assert isinstance(first, RawDocument) and first.format == "html" and first.id == "berita"
    assert isinstance(second, RawDocument) and second.format == "text" and second.id == "ARTICLE"


def test_format_from_name_and_content_sniffing() -> None:
    assert format_from_name("a/b.TXT.gz") == "text"
    assert format_from_name("x.warc.gz") == "warc"
    assert format_from_name("x.json") is None and format_from_name(".txt") is None
    assert sniff_format(b"WARC/1.1\r\nWARC-Type: warcinfo\r\n") == "warc"
    assert sniff_format(b"\xef\xbb\xbf  <!DOCTYPE html><html>") == "html"
    assert sniff_format(b'{"text": "x"}\n') == "jsonl"
    assert sniff_format(b"[FOTO] Putin bertemu Kim") == "text"  # a bracketed headline is prose


# --- streaming -------------------------------------------------------------------------------


class CountingStream(io.BytesIO):
    """An in-memory stdin that remembers how many bytes were taken from it."""

    consumed = 0

    def read(self, size: int | None = -1) -> bytes:
        data = super().read(size)
        self.consumed += len(data)
        return data


def test_jsonl_is_streamed_first_document_before_the_file_is_read() -> None:
    line = json.dumps({"text": SEEDS[0].read_text("utf-8")}).encode("utf-8") + b"\n"
    data = line * 2000  # about 7 MB
    stream = CountingStream(data)
    documents = iter_documents(["-"], stdin=stream)
    assert stream.consumed == 0  # a generator: nothing happens before the first next()
    first = next(documents)
    assert isinstance(first, RawDocument)
    assert stream.consumed < len(data) / 20
    assert sum(1 for _ in documents) == 1999


def test_warc_is_streamed_record_by_record() -> None:
    pages = [
        ("response", f"https://a.id/{i}", page(i % 5).encode("utf-8"), None) for i in range(400)
    ]
    data = warc_bytes(pages, gz=True)
    stream = CountingStream(data)
    documents = iter_documents(["-"], stdin=stream)
    first = next(documents)
    assert isinstance(first, RawDocument) and first.url == "https://a.id/0"
    assert stream.consumed < len(data) / 4
    assert len(list(documents)) == 399


def test_paths_are_taken_lazily(tmp_path: Path) -> None:
    taken: list[str] = []

    def paths() -> Iterator[str]:
        for seed in SEEDS[:3]:
            taken.append(str(seed))
            yield str(seed)

    documents = iter_documents(paths())
    next(documents)
    assert taken == [str(SEEDS[0])]


# --- decoding --------------------------------------------------------------------------------


def test_decode_follows_byte_order_marks() -> None:
    text = "Presiden Rusia “Putin” berkata"
    assert decode(text.encode("utf-16"), "x") == text
    assert decode(b"\xef\xbb\xbf" + text.encode("utf-8"), "x") == text


def test_decode_short_windows_1252_text_is_not_mistaken_for_cyrillic() -> None:
    assert decode(b"caf\xe9 \x93kutip\x94", "x") == "café “kutip”"
    latin1 = "Pengunjung kafé di Braga membaca résumé ° 25 ×"
    assert decode(latin1.encode("latin-1"), "x") == latin1


def test_decode_other_single_byte_code_pages_are_still_detected() -> None:
    polish = "Zażółć gęślą jaźń. Prezydent powiedział, że współpraca będzie kontynuowana."
    russian = "Президент России заявил, что сотрудничество будет продолжено."
    assert decode(polish.encode("cp1250"), "x") == polish
    assert decode(russian.encode("cp1251"), "x") == russian


def test_decode_keeps_utf8_with_a_stray_byte_as_utf8() -> None:
    data = ("Kim Jong-un tiba di Rusia — kunjungan “bersejarah”. " * 40).encode("utf-8")
    decoded = decode(data[:500] + b"\xff" + data[500:], "x")
    assert "“bersejarah”" in decoded and "\ufffd" in decoded


def test_decode_strips_terminal_escapes_and_nul_bytes() -> None:
    data = ("Paragraf berita yang panjang sekali. " * 10).encode("utf-8") + b"\x1b[2J\x00akhir"
    decoded = decode(data, "x")
    assert "\x1b" not in decoded and "\x00" not in decoded and decoded.endswith("[2Jakhir")


def test_content_id_is_sixteen_hex_chars_of_sha1() -> None:
    assert content_id("abc") == "a9993e364706816a"
    assert content_id("abc") != content_id("abd")
