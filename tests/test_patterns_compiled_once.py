"""Patterns built from an article's words (a role, a description's nouns, a document's noun) are
compiled once per process, not on every call (issue 16: the regex compiler ran for each mention;
re's own cache holds 512 patterns and is shared with every other pattern built at run time). Each
test calls once, then counts re.compile on a second call with the same words, and checks the
second call answers the same. The sentences are made up for these tests."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

from kliping.annotate import descriptions, role_phrases
from kliping.annotate.entities import find_entities
from kliping.annotate.report_documents import documents_sourced
from kliping.annotate.sentences import split_sentences
from kliping.annotate.speakers import role_holder
from kliping.model import Quote


def _compiles_on_second_call(monkeypatch: pytest.MonkeyPatch, call: Callable[[], Any]) -> tuple[int, Any, Any]:
    first = call()
    compiled: list[str] = []
    real = re.compile

    def counting(pattern: Any, flags: int = 0) -> re.Pattern[str]:
        compiled.append(str(pattern))
        return real(pattern, flags)

    monkeypatch.setattr(re, "compile", counting)
    second = call()
    monkeypatch.setattr(re, "compile", real)
    return len(compiled), first, second


def test_role_holder_compiles_a_role_once(monkeypatch: pytest.MonkeyPatch) -> None:
    body = ("Kapolres Sukamandi AKBP Hendra Wijayakusuma hadir di lokasi. "
            "Kemudian Kepala Kepolisian Resor Sukamandi menegaskan hal itu.")
    entities = find_entities(body, "id")
    until = body.index("Kemudian")
    n, first, second = _compiles_on_second_call(
        monkeypatch, lambda: role_holder(body, "Kepala Kepolisian Resor Sukamandi", until, entities))
    assert first == second == "Hendra Wijayakusuma"  # found through the role's other form
    assert n == 0


def test_other_form_is_one_pattern_per_role(monkeypatch: pytest.MonkeyPatch) -> None:
    n, first, second = _compiles_on_second_call(monkeypatch, lambda: role_phrases.other_form("Dirut Sukamandi"))
    assert first is second and first is not None
    assert first.search("Direktur Utama PT Sukamandi") is not None
    assert n == 0


def test_an_introduced_unnamed_noun_compiles_once(monkeypatch: pytest.MonkeyPatch) -> None:
    body = ("Seorang juru bicara kementerian menolak berkomentar pada Senin. "
            "Juru bicara itu kemudian menyebut rapat ditunda.")
    start = body.index("Juru bicara itu")
    n, first, second = _compiles_on_second_call(
        monkeypatch, lambda: descriptions._introduced_unnamed(body, ["juru", "bicara"], start))
    assert first == second == 0  # "Seorang juru bicara" opens the text
    assert n == 0


def test_a_document_noun_compiles_once(monkeypatch: pytest.MonkeyPatch) -> None:
    body = ("A report by the Lakeside Institute said the river was rising. "
            "The report said the dams were full.")
    sentences = split_sentences(body)
    cited = body.index("the river")
    again = body.index("the dams")

    def sourced() -> str | None:
        quotes = [Quote("the river was rising", cited, cited + 21, "indirect", "Lakeside Institute",
                        "A report by the Lakeside Institute", "said"),
                  Quote("the dams were full", again, again + 18, "indirect", None, "The report", "said")]
        documents_sourced(body, sentences, quotes)
        return quotes[1].speaker

    n, first, second = _compiles_on_second_call(monkeypatch, sourced)
    assert first == second == "Lakeside Institute"
    assert n == 0
