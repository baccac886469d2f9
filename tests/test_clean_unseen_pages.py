"""Page furniture classes from issue 11's list of what unseen pages still kept or lost, each line
written for the test (made-up names, outlets and headlines; only the shapes are the pages')."""

from __future__ import annotations

import pytest
from conftest import E1, E2, E3, P1, P2, P3

from kliping.clean import clean
from kliping.model import RawDocument


def _page(lines: list[str], *, title: str | None = None, language: str = "id") -> tuple[dict[str, str], str]:
    raw = RawDocument(source="t.html", id="t", text="\n".join(lines), format="html", language=language, title=title)
    cleaned = clean(raw)
    return {r.text: r.reason for r in cleaned.removed}, cleaned.body


@pytest.mark.parametrize("line", [
    # a rights notice under every article
    "Dilarang keras mengambil konten ini tanpa izin tertulis dari redaksi Kabar Kita.",
    "Dilarang mengutip atau menyalin artikel ini tanpa mencantumkan sumber.",
    # a caption whose credit in brackets names an outlet in title case
    "Ribuan warga berunjuk rasa di depan balai kota pada Kamis (29/8/2024). (Kabar Times/Rina Puspita)",
    # font controls with their label, a related-links heading, a prompt with an interjection
    "A A A Pengaturan Font", "Pengaturan Font", "Topik Menarik", "Berita Menarik Lainnya",
    "Yuk, ikuti kami di Instagram", "Detail selengkapnya di sini",
])
def test_indonesian_furniture_between_paragraphs_goes(line: str) -> None:
    removed, body = _page([P1, line, P2, P3])
    assert line in removed
    assert all(p in body for p in (P1, P2, P3))


@pytest.mark.parametrize("line", [
    "5-minute read", "Image 3 of 12", "1 of 8", "Posted on November 4, 2019 by janeroe",
])
def test_english_furniture_between_paragraphs_goes(line: str) -> None:
    removed, body = _page([E1, line, E2, E3], language="en")
    assert line in removed
    assert all(p in body for p in (E1, E2, E3))


def test_a_sentence_cut_before_its_quotation_is_not_a_stray_headline() -> None:
    # title-cased words, but the last is a speech verb in lower case: the article's sentence
    line = "Sementara itu, Kepala Dinas Perhubungan Kota Sukamaju Andi Wijaya menyebut"
    removed, body = _page([P1, line, P2, P3])
    assert line not in removed and line in body
    # a related headline in title case still goes
    headline = "Persib Bandung Resmi Rekrut Pemain Asal Brasil"
    removed, _ = _page([P1, headline, P2, P3])
    assert removed.get(headline) == "related"


def test_a_section_break_before_the_wire_credit_stays() -> None:
    removed, body = _page([E1, E2, E3, "___", "Associated Press writer John Doe contributed to this report."],
                          language="en")
    assert "___" in body
    assert removed.get("Associated Press writer John Doe contributed to this report.") == "byline"


def test_the_headline_reworded_over_the_text_is_a_repeat() -> None:
    removed, body = _page(["Millbrook Council Votes To Repair The River Bridge", E1, E2, E3],
                          title="Millbrook council votes to repair river bridge | The Daily Planet", language="en")
    assert removed.get("Millbrook Council Votes To Repair The River Bridge") == "repeated headline"
    # a lead sharing the title's words ends with a stop: it stays
    lead = "Millbrook council votes to repair the river bridge after months of delays and complaints."
    removed, body = _page([lead, E2, E3], title="Millbrook council votes to repair river bridge", language="en")
    assert lead in body
    # printed once already as the title, a line like it is the article's own first heading
    heading = "Millbrook Council Votes To Repair River Bridge Soon"
    removed, body = _page(["Millbrook council votes to repair river bridge", heading, E1, E2],
                          title="Millbrook council votes to repair river bridge", language="en")
    assert heading in body
