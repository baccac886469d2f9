"""The furniture patterns tried by first character give the verdicts of trying every pattern in order."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from kliping.clean import _SEPARATORS, _date_line_reason, _is_menu_item_list, normalise_line
from kliping.clean_furniture import first_chars, furniture, furniture_rows, leads
from kliping.model import Skipped
from kliping.read import iter_documents
from kliping.timestamps import find_timestamps

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEEDS = Path(__file__).resolve().parent.parent / "examples" / "seeds"


def _every_row_in_order(line: str) -> str | None:
    """What boilerplate.tsv says, read literally: the first row whose pattern matches the whole
    line, a needled row only where one of its needles is written."""
    low = line.casefold()
    for reason, pattern, *needles in furniture_rows():
        if needles and not any(n.casefold() in low for n in needles[0].split("|")):
            continue
        if re.fullmatch(pattern, line, re.IGNORECASE):
            return reason
    return None


def _lines() -> set[str]:
    """Real lines (the chain's dev set, the seeds, hand-labelled furniture) and their first words."""
    docs = iter_documents([str(FIXTURES / "chain" / "dev.jsonl.gz"), str(SEEDS)])
    lines = {normalise_line(x) for d in docs if not isinstance(d, Skipped) for x in d.text.split("\n")}
    for gold in (FIXTURES / "chain" / "gold_dev.json", FIXTURES / "gold" / "seeds.json"):
        for article in json.loads(gold.read_text("utf-8"))["articles"].values():
            lines.update(normalise_line(x) for x in article.get("boilerplate_lines", []))
    for line in list(lines):
        words = line.split(" ")
        lines.update(" ".join(words[:k]) for k in range(1, min(len(words), 8)))
    lines.discard("")
    return lines


def test_furniture_gives_the_verdict_of_every_row_in_order() -> None:
    lines = _lines()
    verdicts = {line: furniture(line) for line in lines}
    assert sum(v is not None for v in verdicts.values()) > 300  # the sample holds furniture of many kinds
    assert {line: _every_row_in_order(line) for line in lines} == verdicts


@pytest.mark.parametrize(
    ("pattern", "can", "cannot"),
    [
        (r"(baca|simak) juga", "bBsS", "aJ1 "),
        (r"(?-i:[A-Z][\w.]+),", "AZ", "az1("),
        (r"\d*\s*komentar", "0 kK", "a-"),
        (r"(?=.{0,20}$)x{0,2}(ya|[.!?])", "xXyY.!?", "a"),
        (r"(halaman\s*:?\s*)?(\d+\s*){2,}", "hH9", "x:"),
        (r"[^xz]y", "aB0 .-“", "xXzZ"),
        (r".{0,40}foto:", "", ""),
    ],
)
def test_first_chars(pattern: str, can: str, cannot: str) -> None:
    starts = first_chars(re.compile(pattern, re.IGNORECASE))
    if not can:
        assert starts is None or all(starts.fullmatch(c) for c in "aZ0 .-“")
        return
    assert starts is not None
    assert all(starts.fullmatch(c) for c in can), can
    assert not any(starts.fullmatch(c) for c in cannot), cannot


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"(baca|simak) (juga|pula)\b.*", {"baca juga", "baca pula", "simak juga", "simak pula"}),
        (r"((dan|and)\s+)?(cek|ikuti)\b", {"dan", "and", "cek", "ikuti"}),  # an optional part, then the rest
        (r"a(bc)?d", {"abcd", "ad"}),
        (r"\(?(photo|foto) by .{0,9}", {"(photo by ", "(foto by ", "photo by ", "foto by "}),
        (r"(?=.{0,20}$)Baca", {"baca"}),  # look-arounds take no characters; ASCII letters in lower case
        (r"(foo)(bar|baz)", {"fooba"}),  # re's parse shares "ba": a beginning need not be the whole word
        (r"(?-i:[A-Z][\w]+),", None),  # a class: no literal beginning
        (r"x?y*", None),  # may begin with anything, or be empty
        (r"é(tude)", None),  # not ASCII: re.IGNORECASE's folding is not lower case there
    ],
)
def test_leads(pattern: str, expected: set[str] | None) -> None:
    found = leads(re.compile(pattern, re.IGNORECASE))
    assert (None if found is None else set(found)) == expected


def test_furniture_tries_a_line_against_the_patterns_its_beginning_allows() -> None:
    # Lines made up for this test: the same verdict as every row in order, whatever the case.
    for line in ["BACA JUGA: Harga Cabai Naik", "baca juga", "Bacaan ringan untuk akhir pekan.", "Simak!",
                 "Dan follow Channel WhatsApp Kabarkita", "Ikuti", "ikutilah kata hati", "Menurut BPS, harga naik.",
                 "Kelvin \u212a", "\u212aomentar", "Komentar", "A", "Aa", "AAA", "#tag #lain", "“Kami siap,” katanya."]:
        assert furniture(line) == _every_row_in_order(line), line


def test_normalise_line_shortcut_for_ascii_is_the_full_rule() -> None:
    invisible = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))

    def full(line: str) -> str:
        line = unicodedata.normalize("NFC", line).translate(invisible)
        return re.sub(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+", " ", line).strip()

    for line in ["  Baca juga: x ", "a\tb", "a \t b", "a  b", "a b\r", "\x0ba b\x0c", "Cafe\u0301 \u00a0 x",
                 "ha\u200bl\u00ado", "\u3000\u3000x", "plain line.", ""]:
        assert normalise_line(line) == full(line), repr(line)


def test_shortcuts_in_line_rules_skip_only_lines_that_cannot_qualify() -> None:
    for line in ["Beranda Nasional Ekonomi", "Politik Hukum Olahraga Video"]:
        assert len([p for p in _SEPARATORS.split(line) if p]) < 3 and not _is_menu_item_list(line)
    # Dates with a year are written in digits: lines without one are never date lines.
    for line in ["Senin, dua puluh Mei", "Kamis sore", "September"]:
        assert not [t for t in find_timestamps(line) if t.year is not None]
        assert _date_line_reason(line) is None
    assert _date_line_reason("Senin, 20 Mei 2024 10:00 WIB") == "date line"
