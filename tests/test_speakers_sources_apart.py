"""Speakers that are something else written next to the source: two outlets or bodies joined by
"and" / "dan" (the first speaks, as the labelled sets give it — but a body whose own name holds
"dan" stays whole), a lower-case "the" before a body's name, a place in a phrase of place before
the verb ("data X dari pos di Desa Y menyebutkan": X speaks, not the village), and a social-media
handle that spells out a person the article names. Short texts of our own, fictional bodies,
outlets and people."""

from __future__ import annotations

from functools import partial

from chain_probe import said

_en = partial(said, language="en")
_id = partial(said, language="id")


def test_two_outlets_joined_by_and_the_first_speaks() -> None:
    body = ("The sequel has found a director, according to reports from The Ledger and Sunwire. "
            "Sunwire reports that filming starts in May. The Ledger’s report names no cast.")
    assert _en(body, "The sequel has found").speaker == "The Ledger"


def test_a_body_and_an_acronym_joined_by_dan_the_first_speaks() -> None:
    body = ("Mengutip laporan Bank Indonesia dan LPKN tahun lalu, jumlah pedagang kecil naik "
            "menjadi 12 juta.")
    assert _id(body, "jumlah pedagang kecil").speaker == "Bank Indonesia"


def test_a_body_whose_name_holds_dan_stays_whole() -> None:
    body = ("Menurut laporan Pusat Kajian Sungai dan Rawa Gambut, debit air naik dua kali lipat "
            "sepanjang pekan ini.")
    assert _id(body, "debit air naik").speaker == "Pusat Kajian Sungai dan Rawa Gambut"


def test_a_lower_case_article_is_no_part_of_the_name() -> None:
    body = ("Kapal itu terekam oleh rekaman pengendali lalu lintas pelabuhan yang dirilis oleh the Maritime "
            "Safety Board. Nakhoda menyebut dirinya lalai.\n\n"
            "Disebutkan, MSB mengatakan kapal itu sempat kehilangan sinyal selama dua jam.")
    assert _id(body, "kapal itu sempat").speaker == "Maritime Safety Board"


def test_a_place_after_di_is_not_the_subject_the_body_before_it_is() -> None:
    body = ("Badan Pemantau Gunung Api (BPGA) menaikkan status gunung itu pekan lalu.\n\n"
            "Sementara itu berdasarkan data BPGA di Desa Sukarame menyebutkan asap kawah teramati berwarna putih.")
    assert _id(body, "asap kawah teramati").speaker == "Badan Pemantau Gunung Api"


def test_a_handle_that_spells_out_a_person_named_is_that_person() -> None:
    body = ("Warga bernama Rudi Hartawan mengeluhkan siaran yang hilang sejak Jumat.\n\n"
            "“Kapan siarannya normal lagi? Saluran favorit saya hilang semua,” kata @rudi_hartawann.\n\n"
            "“Kami tunggu kabar baiknya,” kata @pecintabola99.")
    assert _id(body, "Kapan siarannya").speaker == "Rudi Hartawan"
    assert _id(body, "Kami tunggu").speaker == "@pecintabola99"
