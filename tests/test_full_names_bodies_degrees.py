"""Speakers by their full canonical name (issue 11): a body whose name a bracketed short form
interrupts ("Kepolisian Resor (Polres) Tanjungsari"), written later by the short form and the
name's rest or its first words; and degrees written after a person's name ("S.H.", "Sp. B").
The whole chain runs (recogniser included), on sentences made up for these tests."""

from __future__ import annotations

from functools import partial

from chain_probe import speakers_of

from kliping.annotate.naming import full_name, person_name

_speakers = partial(speakers_of, language="id")


def test_body_named_around_its_bracketed_short_form() -> None:
    body = ("Kepala Humas Polri Irjen Boy Santana mengatakan pihak Kepolisian Daerah (Polda) Metro Jaya meminta "
            "sidang ditunda.\n\nPolda Metro Jaya menyarankan agar sidang digelar setelah pemilihan.\n\n"
            "Sebelumnya, Polda Metro mengatakan keamanan harus dijaga.")
    assert _speakers(body) == ["Boy Santana", "Kepolisian Daerah Metro Jaya", "Kepolisian Daerah Metro Jaya"]


def test_the_rest_of_the_name_right_after_the_bracket_is_the_body() -> None:
    body = ("Kepolisian Resor (Polres) Bogor menyatakan tiga pelaku sudah ditangkap.\n\n"
            "Polres Bogor menyebutkan barang bukti disita.")
    assert _speakers(body) == ["Kepolisian Resor Bogor", "Kepolisian Resor Bogor"]
    body = ("Bandung - Fakultas Kedokteran (FK) Universitas Padjadjaran (Unpad) memprediksi kasus demam berdarah "
            "naik bulan ini.")
    assert _speakers(body) == ["Fakultas Kedokteran Universitas Padjadjaran"]


def test_what_follows_the_bracket_is_not_always_the_name() -> None:
    # a person after the body's acronym speaks for it; a country after it says whose body it is
    body = ("Ketua Komisi Pemberantasan Korupsi (KPK) Agus Wirahadi mengatakan dua saksi diperiksa.\n\n"
            "KPK mengatakan pemeriksaan dilanjutkan pekan depan.")
    assert _speakers(body) == ["Agus Wirahadi", "Komisi Pemberantasan Korupsi"]
    body = ("Kementerian Luar Negeri (Kemlu) RI menyatakan empat warga sudah dievakuasi.\n\n"
            "Menurut Kemlu, masih ada 30 warga lain di sana.")
    assert _speakers(body) == ["Kementerian Luar Negeri", "Kementerian Luar Negeri"]


def test_degrees_after_a_name_are_no_part_of_it() -> None:
    assert person_name("Hendra Gunawan S.H.") == "Hendra Gunawan"
    assert person_name("Wulan Pratiwi Sp. B") == "Wulan Pratiwi"
    assert person_name("Wulan Pratiwi Sp.PD") == "Wulan Pratiwi"
    assert person_name("Jane Doerr PhD") == "Jane Doerr"
    assert person_name("Kuswanto S. Taryana") == "Kuswanto S. Taryana"  # an initial inside stays
    body = ("Kepala Dinas Kesehatan Letkol Laut (K) dr. Hengky Sulistyo Sp. B, FINACS, memimpin fumigasi itu.\n\n"
            "\"Kapal sudah aman,\" kata Hengky.")
    assert full_name(body, "Hengky") == "Hengky Sulistyo"
    assert _speakers(body)[-1] == "Hengky Sulistyo"
