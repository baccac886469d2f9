"""The HTML chain's speed-ups change no output: decode's one-scan cleaning, the huge-tag precheck, and
--fast reaching trafilatura and htmldate (and only when asked). Made-up pages and strings; no timings."""

from __future__ import annotations

import html
import json
import random
import re
from pathlib import Path
from typing import Any

import pytest

import kliping.read.html as read_html_module
from kliping import cli
from kliping.errors import Rejected
from kliping.read.html import FAST_ENVIRONMENT, MAX_TAG_CHARS, _without_huge_tags, read_html
from kliping.read.sniff import clean_text, decode

# clean_text as it was written before the speed-up: two whole-text regex substitutions, then the BOMs.
_OLD_BREAKS = re.compile("\r\n?|[\x0b\x0c\u2028\u2029]")
_OLD_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_OLD_HUGE_TAG = re.compile(rf"<([A-Za-z][\w:-]*)[^<>]{{{MAX_TAG_CHARS},}}>")


def old_clean_text(text: str) -> str:
    return _OLD_CONTROL.sub("", _OLD_BREAKS.sub("\n", text)).replace("\ufeff", "")


TRICKY = "ab é“\n\r\x0b\x0c\u2028\u2029\x00\x07\x1b\x7f\x85\x9f\ufeff\ufffd\t"


@pytest.mark.parametrize("text", ["", "a\r\nb", "a\r\r\nb", "\r\x0b\r\n\n", "x\u2028y\u2029z", "\ufeffJudul\x1b[31m",
                                  "\x85\x9f\x7f\t", "biasa saja, tanpa apa-apa"])
def test_clean_text_is_what_the_two_regex_passes_gave(text: str) -> None:
    assert clean_text(text) == old_clean_text(text)


def test_clean_text_matches_the_regex_passes_on_random_strings() -> None:
    rng = random.Random(16)
    for _ in range(20_000):
        text = "".join(rng.choice(TRICKY) for _ in range(rng.randint(0, 14)))
        assert clean_text(text) == old_clean_text(text), repr(text)


def test_decode_drops_a_few_controls_and_rejects_many_as_before() -> None:
    few = ("<p>Banjir merendam Bekasi pada Senin.</p>\r\n" * 40 + "<p>\x1b[0m</p>").encode()  # under 2%
    assert decode(few, "few.html", html=True) == old_clean_text(few.decode())
    assert "\x1b" not in decode(few, "few.html", html=True)
    many = ("\x01\x02\x03 ab" * 50).encode()
    with pytest.raises(Rejected, match="mostly control characters"):
        decode(many, "many.txt")


@pytest.mark.parametrize("offset", [0, 1, 100, MAX_TAG_CHARS // 2 - 7, MAX_TAG_CHARS // 2, MAX_TAG_CHARS - 3,
                                    MAX_TAG_CHARS + 11, 3 * MAX_TAG_CHARS // 2 + 1])
@pytest.mark.parametrize("attributes", [MAX_TAG_CHARS - 1, MAX_TAG_CHARS, MAX_TAG_CHARS + 5])
def test_the_huge_tag_precheck_misses_no_huge_tag(offset: int, attributes: int) -> None:
    flood = (" " + "a=1 " * attributes)[:attributes]  # exactly `attributes` characters between "<p" and ">"
    page = "<html><body>" + "x" * offset + f"<p{flood}>Banjir merendam Bekasi.</p></body></html>"
    assert _without_huge_tags(page) == _OLD_HUGE_TAG.sub(r"<\1>", page)
    assert (flood in _without_huge_tags(page)) == (attributes < MAX_TAG_CHARS)


def test_long_text_without_tags_is_left_as_it_is() -> None:
    # Over MAX_TAG_CHARS of text between two tags is no tag: the precheck lets the regex decide, as before.
    page = "<html><body><p>" + "kata " * MAX_TAG_CHARS + "</p></body></html>"
    assert _without_huge_tags(page) == page


PARAGRAPHS = [
    "Banjir merendam ratusan rumah di Bekasi, Jawa Barat, pada Senin pagi setelah hujan deras sejak Minggu malam.",
    "Kepala BPBD Kota Bekasi mengatakan air mulai surut menjelang siang, tetapi warga masih mengungsi di masjid.",
    "Petugas membuka dapur umum dan menyalurkan bantuan makanan serta selimut kepada sekitar 400 pengungsi.",
    "Pemerintah kota meminta warga di bantaran sungai tetap waspada karena hujan diperkirakan turun lagi malam ini.",
]


def made_up_page(*, dated: bool = True) -> str:
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Banjir di Bekasi",
          "datePublished": "2024-03-04T09:30:00+07:00", "author": {"@type": "Person", "name": "Rina Wulandari"},
          "publisher": {"@type": "Organization", "name": "Kabar Kota"}}
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>' if dated else ""
    time_tag = "" if dated else '<time datetime="2024-03-04">4 Maret 2024</time>'
    nav = "".join(f'<li><a href="/{n}">{n}</a></li>' for n in ("Beranda", "Nasional", "Ekonomi", "Olahraga"))
    body = "".join(f"<p>{html.escape(p)}</p>" for p in PARAGRAPHS)
    return (f'<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>Banjir di Bekasi</title>{head}'
            f'</head><body><header><nav><ul>{nav}</ul></nav></header><main><article><h1>Banjir di Bekasi</h1>'
            f'{time_tag}<div class="content">{body}</div></article></main>'
            '<footer><p>Hak Cipta 2024 Kabar Kota. Semua hak dilindungi.</p></footer></body></html>')


@pytest.mark.parametrize("dated", [True, False], ids=["json-ld", "time-tag"])
def test_fast_reads_the_same_article_from_a_plain_page(dated: bool) -> None:
    normal = read_html(made_up_page(dated=dated), source="p.html", id="p", fast=False)
    fast = read_html(made_up_page(dated=dated), source="p.html", id="p", fast=True)
    assert normal.text.splitlines()[-len(PARAGRAPHS):] == PARAGRAPHS  # the headline may come first
    assert fast == normal
    assert fast.published and fast.published.startswith("2024-03-04")


class Spy:
    """Records the keyword arguments of the real function it wraps."""

    def __init__(self, func: Any) -> None:
        self.func, self.calls = func, []  # type: list[dict[str, Any]]

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self.calls.append(kwargs)
        return self.func(*args, **kwargs)


@pytest.fixture
def spies(monkeypatch: pytest.MonkeyPatch) -> tuple[Spy, Spy]:
    extraction = Spy(read_html_module.trafilatura.bare_extraction)
    dates = Spy(read_html_module.find_date)
    monkeypatch.setattr(read_html_module.trafilatura, "bare_extraction", extraction)
    monkeypatch.setattr(read_html_module, "find_date", dates)
    return extraction, dates


@pytest.mark.parametrize("setting, fast", [(None, False), ("0", False), ("1", True)])
def test_the_environment_decides_the_mode_of_trafilatura_and_htmldate(
        spies: tuple[Spy, Spy], monkeypatch: pytest.MonkeyPatch, setting: str | None, fast: bool) -> None:
    if setting is None:
        monkeypatch.delenv(FAST_ENVIRONMENT, raising=False)
    else:
        monkeypatch.setenv(FAST_ENVIRONMENT, setting)
    extraction, dates = spies
    read_html(made_up_page(dated=False), source="p.html", id="p")
    assert [call["fast"] for call in extraction.calls] == [fast]
    assert [call["extensive_search"] for call in dates.calls] == [not fast]


def test_cli_fast_reaches_the_reader_and_is_put_back(spies: tuple[Spy, Spy], tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv(FAST_ENVIRONMENT, raising=False)
    (tmp_path / "banjir.html").write_text(made_up_page(), "utf-8")
    assert cli.main(["extract", "--fast", str(tmp_path / "banjir.html")]) == 0
    [article] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert article["title"] == "Banjir di Bekasi" and article["body"].startswith(PARAGRAPHS[0])
    extraction, _ = spies
    assert [call["fast"] for call in extraction.calls] == [True]
    import os

    assert FAST_ENVIRONMENT not in os.environ  # the next command in this process reads the normal way
    assert cli.main(["extract", str(tmp_path / "banjir.html")]) == 0
    assert [call["fast"] for call in extraction.calls] == [True, False]


@pytest.mark.parametrize("command", [["analyze", "x"], ["add", "x"], ["extract", "x"]])
def test_fast_is_an_option_of_the_commands_that_read(command: list[str]) -> None:
    assert cli._parser().parse_args([*command, "--fast"]).fast is True
    assert cli._parser().parse_args(command).fast is False
