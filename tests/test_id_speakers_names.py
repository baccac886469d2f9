"""Indonesian speakers whose names the chain used to cut: a Balinese name opened by "Ni", a
body's name split at "dan" before the acronym the article defines for it, and a body named by
its acronym and an ordinary word ("BPJS …"). The whole chain runs (recogniser included), on
sentences made up for these tests."""

from __future__ import annotations

from functools import partial

from chain_probe import speakers_of

from kliping.annotate.entities import find_entities
from kliping.annotate.naming import person_name

_speakers = partial(speakers_of, language="id")


def test_balinese_ni_opens_the_name() -> None:
    assert person_name("Ni Komang Sari Dewi") == "Ni Komang Sari Dewi"
    assert person_name("Ketua Sanggar Ni Komang Sari Dewi") == "Ni Komang Sari Dewi"
    body = ("Ketua Sanggar Tari Ubud, Ni Komang Sari Dewi, mengatakan pentas akan digelar pekan depan.\n\n"
            "\"Kami sudah berlatih sejak bulan lalu,\" tutur Ni Komang.")
    assert _speakers(body) == ["Ni Komang Sari Dewi", "Ni Komang Sari Dewi"]


def test_lower_case_particle_still_does_not_open_a_name() -> None:
    assert person_name("van Dijk") == "Dijk"


def test_body_split_at_dan_takes_the_defined_name() -> None:
    body = ("Badan Siber dan Sandi Negara (BSSN) menyatakan tengah memeriksa server milik sebuah "
            "perusahaan logistik di Surabaya.")
    assert _speakers(body) == ["Badan Siber dan Sandi Negara"]


def test_acronym_and_ordinary_word_name_a_body() -> None:
    body = "Bandung - BPJS Ketenagakerjaan memastikan klaim jaminan hari tua peserta dibayar penuh bulan ini."
    assert _speakers(body) == ["BPJS Ketenagakerjaan"]


def test_body_split_at_dan_without_an_acronym() -> None:
    body = "Badan Riset dan Inovasi Nasional menyatakan tengah memeriksa sampel udara di Surabaya."
    assert _speakers(body) == ["Badan Riset dan Inovasi Nasional"]
    people = [e.canonical for e in find_entities("Bupati Sleman dan Sri Mulyani Indrawati hadir.", "id")
              if e.label == "PERSON"]
    assert people == ["Sri Mulyani Indrawati"]  # a person's name after "dan" stays a person
    countries = find_entities("Jepang dan Amerika Serikat dan Kanada menyatakan dukungan bagi rencana itu.", "id")
    assert not any(" dan " in e.canonical for e in countries)  # "Serikat" heads no body inside a country's name
