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
from kliping.read.html import (
    FAST_ENVIRONMENT,
    MAX_TAG_CHARS,
    _may_hold_huge_tag,
    _meta_date,
    _meta_tags,
    _without_huge_tags,
    read_html,
)
from kliping.read.sniff import _has_controls, clean_text, decode

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


# Characters on both sides of every edge of the control ranges, in UTF-8 one, two, three and four bytes long
# (U+00A0 and U+00BF share C2 with the C1 controls, U+D7FF and U+E000 stand beside the surrogates).
EDGES = ("\x00\x08\t\n\x0d\x0e\x1f a\x7e\x7f\x80\x9f\xa0\xbf\xc2\xed\u0100\u0440"
         "\ud7ff\ud800\udbff\udc00\udfff\ue000\uffff\U0001f600")


def test_the_control_check_on_utf8_bytes_finds_what_the_regex_finds() -> None:
    rng = random.Random(16)
    for _ in range(20_000):
        text = "".join(rng.choice(EDGES) for _ in range(rng.randint(0, 6)))
        expected = _OLD_CONTROL.search(text) is not None
        assert _has_controls(text) == expected, repr(text)
        if not any("\ud800" <= ch <= "\udfff" for ch in text):  # what a strict UTF-8 decode can give
            assert _has_controls(text, text.encode()) == expected, repr(text)


def test_decode_of_utf8_pages_is_what_the_regex_passes_gave() -> None:
    rng = random.Random(17)
    for _ in range(5_000):
        text = "<p>Harga cabai naik lagi di pasar induk.</p>" * 5 + "".join(
            rng.choice(TRICKY + "\xa0\u0440\ud7ff\ue000") for _ in range(rng.randint(0, 3)))
        assert decode(text.encode(), "p.html", html=True) == old_clean_text(text), repr(text)


def _some_aligned_block_lacks_brackets(page: str) -> bool:
    """The precheck as it was: any aligned block of MAX_TAG_CHARS/2 characters without "<" or ">"."""
    half = MAX_TAG_CHARS // 2
    return any("<" not in page[i : i + half] and ">" not in page[i : i + half]
               for i in range(0, len(page) - half + 1, half))  # fmt: skip


def test_a_long_script_without_brackets_is_no_huge_tag() -> None:
    # A page's inline script or JSON often runs past MAX_TAG_CHARS/2 without "<" or ">" and so covers an
    # aligned block; the regex need not walk the page for it, since only a run of MAX_TAG_CHARS can be a huge
    # tag's name and attributes.
    script = "var data = " + json.dumps({"kota": ["Bekasi"] * (MAX_TAG_CHARS // 16)})
    assert MAX_TAG_CHARS // 2 < len(script) < MAX_TAG_CHARS
    lead = "<p>Banjir merendam Bekasi.</p>" * 1000  # the script then covers the block at MAX_TAG_CHARS/2
    page = f"<html><body>{lead}<script>{script}</script>{lead}</body></html>"
    assert _some_aligned_block_lacks_brackets(page)  # what made the regex run before
    assert not _may_hold_huge_tag(page)
    assert _without_huge_tags(page) == page
    two = page.replace("</body>", f"<script>{script}</script>{lead}<script>{script}</script></body>")
    assert _some_aligned_block_lacks_brackets(two) and not _may_hold_huge_tag(two)  # every run looked at
    longer = f"<html><body>{lead}<script>{script}{script}</script></body></html>"
    assert _may_hold_huge_tag(longer)  # a run this long is left to the regex, which finds no tag in it
    assert _without_huge_tags(longer) == longer


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


def _page_with_dates(head: str, body: str) -> str:
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in PARAGRAPHS)
    return (f'<html lang="id"><head><title>Banjir</title>{head}</head>'
            f"<body><article>{body}{paragraphs}</article></body></html>")


TIME_TAG = '<time itemprop="datePublished" datetime="2024-03-04">'


@pytest.mark.parametrize(
    "head, body, published",
    [
        # a <time itemprop> counts where a meta datePublished would, before the plain "date" meta
        ('<meta name="date" content="2024-01-02">', TIME_TAG, "2024-03-04"),
        # a meta datePublished with content comes before the element
        ('<meta itemprop="datePublished" content="2024-05-06">', TIME_TAG, "2024-05-06"),
        # a meta that comes earlier in the trust order wins; the element is then never looked for
        ('<meta property="article:published_time" content="2024-07-08">', TIME_TAG, "2024-07-08"),
        # an unreadable element value falls through to the later meta keys
        ('<meta name="date" content="2024-01-02">', '<time itemprop="datePublished" datetime="kemarin">', "2024-01-02"),
    ],
)
def test_the_itemprop_date_keeps_its_place_in_the_trust_order(head: str, body: str, published: str) -> None:
    assert read_html(_page_with_dates(head, body), source="p.html", id="p").published == published


def test_the_itemprop_element_is_looked_for_only_when_its_key_is_reached() -> None:
    tree = read_html_module.trafilatura.load_html(
        _page_with_dates('<meta name="date" content="2024-01-02">', TIME_TAG))
    meta = _meta_tags(tree)
    assert "datepublished" not in meta  # no whole-tree search while reading the meta tags
    assert _meta_date(tree, meta, "datepublished") == "2024-03-04"
    assert _meta_date(tree, meta, "date") == "2024-01-02"
