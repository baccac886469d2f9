"""Reported speech in shapes real pages of many outlets use: an agency's count ("BPBD mencatat 37
rumah rusak"), a quotation whose next paragraph does not open again, a phrase pointing back before a
passive cue ("Pernyataan itu disampaikan X menanggapi …"), and "Menurut X" with its comma left out
though a later comma comes. Every sentence here is made up."""

from __future__ import annotations

import pytest
from chain_probe import quotes_of
from chain_probe import reported_of as _reported
from chain_probe import reported_texts as _texts


@pytest.mark.parametrize(("body", "report", "speaker"), [
    ("BPBD mencatat 37 rumah rusak berat akibat angin kencang di desa itu.",
     "37 rumah rusak berat akibat angin kencang di desa itu", None),
    ("Badan Pencarian dan Pertolongan (BASARNAS) mencatat korban hilang dalam banjir itu sebanyak 12 orang.",
     "korban hilang dalam banjir itu sebanyak 12 orang", "Badan Pencarian dan Pertolongan"),
])
def test_an_agency_count_is_its_statement(body: str, report: str, speaker: str | None) -> None:
    [q] = _reported(body)
    assert q.text == report and q.cue == "mencatat"
    if speaker is not None:
        assert q.speaker == speaker


@pytest.mark.parametrize("body", [
    "Pebalap muda itu mencatat 3 kemenangan pada musim pertamanya.",
    "Persib Bandung mencatat 10 kemenangan musim ini.",  # a team's record, no acronym
    "BPBD mencatat kejadian itu sebagai bencana terbesar tahun ini.",  # no count
])
def test_a_record_or_an_uncounted_object_reports_nothing(body: str) -> None:
    assert _texts(body) == []


def test_a_quotation_over_paragraphs_not_reopened_is_one_per_paragraph() -> None:
    body = ("Kapolres Budi Santoso menjelaskan, kericuhan terjadi usai laga.\n"
            "\"Selama laga semuanya aman. Penonton kecewa melihat timnya kalah.\n"
            "Apalagi tim itu belum pernah kalah di kandang sejak lama,\" ujar Budi Santoso di Malang.")
    direct = [(q.text, q.speaker) for q in quotes_of(body) if q.kind == "direct"]
    assert direct == [("Selama laga semuanya aman. Penonton kecewa melihat timnya kalah.", "Budi Santoso"),
                      ("Apalagi tim itu belum pernah kalah di kandang sejak lama", "Budi Santoso")]


def test_a_line_broken_mid_sentence_stays_one_quotation() -> None:
    body = ("\"Selama laga semuanya aman dan penonton\n"
            "kecewa melihat timnya kalah,\" ujar Budi Santoso di Malang.")
    assert [q.text for q in quotes_of(body) if q.kind == "direct"] == [
        "Selama laga semuanya aman dan penonton\nkecewa melihat timnya kalah"]


def test_a_phrase_pointing_back_before_a_passive_cue_reports_nothing_new() -> None:
    body = ("Gubernur Andi Saputra menyatakan tidak akan melindungi pejabat yang terlibat suap. "
            "Pernyataan keras itu disampaikan Gubernur Andi berkaca pada penangkapan kepala dinas oleh jaksa.")
    assert _texts(body) == ["tidak akan melindungi pejabat yang terlibat suap"]


def test_an_evidential_after_a_phrase_pointing_back_still_reports() -> None:
    assert _texts("Pembagian dana ini disebut mengalir ke tiga anggota dewan.") == [
        "mengalir ke tiga anggota dewan"]
    assert _texts("Aplikasi baru ini diakui Wulandari bisa mempercepat antrean di loket.") != []


@pytest.mark.parametrize(("body", "report"), [
    ("Menurut Darmawan saat ini pencarian masih dilakukan di sekitar jembatan, di Desa Sukamaju.",
     "saat ini pencarian masih dilakukan di sekitar jembatan, di Desa Sukamaju"),
    ("Menurut Darmawan pihaknya telah menyiapkan tenda, selimut dan makanan.",
     "pihaknya telah menyiapkan tenda, selimut dan makanan"),
])
def test_menurut_with_its_comma_left_out_before_a_later_comma(body: str, report: str) -> None:
    assert _texts(body) == [report]


@pytest.mark.parametrize("body", [
    "Menurut Darmawan di Bandung, pencarian masih dilakukan hingga malam.",
    "Menurut Darmawan yang juga ketua tim relawan, pencarian masih dilakukan hingga malam.",
])
def test_menurut_with_a_trailer_or_an_apposition_before_its_comma(body: str) -> None:
    assert _texts(body) == ["pencarian masih dilakukan hingga malam"]
