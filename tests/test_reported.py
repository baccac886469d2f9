"""Reported speech: the classes of cue, where the report starts and ends, and who speaks."""

from __future__ import annotations

from kliping.annotate.entities import find_entities
from kliping.annotate.quotes import find_quotes
from kliping.model import Quote


def _reported(body: str, language: str = "id") -> list[Quote]:
    return [q for q in find_quotes(body, find_entities(body, language)) if q.kind == "indirect"]


def _texts(body: str, language: str = "id") -> list[str]:
    return [q.text for q in _reported(body, language)]


def test_menurutnya_opening_the_sentence_reports_the_rest() -> None:
    body = ("Kepala dinas Slamet Riyadi meninjau gudang pangan pada Senin.\n\n"
            "Menurutnya, stok beras di gudang itu cukup sampai akhir tahun.")
    [q] = _reported(body)
    assert q.text == "stok beras di gudang itu cukup sampai akhir tahun"
    assert q.speaker == "Slamet Riyadi"


def test_cue_in_the_middle_makes_the_whole_sentence_the_report() -> None:
    body = ("Ketua panitia Rina Wulandari membuka acara itu.\n\n"
            "Lomba perahu itu, lanjutnya, digelar setiap tahun sejak 1990.")
    assert _texts(body) == ["Lomba perahu itu, lanjutnya, digelar setiap tahun sejak 1990"]


def test_english_parenthetical_said_covers_the_sentence() -> None:
    body = "Most of the old bridges, the engineer said, need new bearings before winter."
    assert _texts(body, "en") == ["Most of the old bridges, the engineer said, need new bearings before winter"]


def test_trailing_said_with_a_phrase_after_reports_what_came_before() -> None:
    body = "The ferry service will resume next month, Tom Baker said during a visit to the harbour."
    [q] = _reported(body, "en")
    assert q.text == "The ferry service will resume next month"
    assert q.speaker == "Tom Baker"


def test_passive_cue_at_the_start_reports_the_rest() -> None:
    body = "Dikatakan Budi Santoso, jembatan baru itu akan dibuka untuk umum pekan depan."
    [q] = _reported(body)
    assert q.text == "jembatan baru itu akan dibuka untuk umum pekan depan"
    assert q.speaker == "Budi Santoso"


def test_dilansir_dari_names_the_source() -> None:
    body = "Dilansir dari laman resmi klub, pemain muda itu menandatangani kontrak tiga tahun."
    [q] = _reported(body)
    assert q.text == "pemain muda itu menandatangani kontrak tiga tahun"
    assert q.cue.lower() == "dilansir dari"


def test_according_to_a_plain_phrase_is_reported_speech() -> None:
    body = "According to the city website, the pool will stay closed until the repairs end."
    assert _texts(body, "en") == ["the pool will stay closed until the repairs end"]


def test_anonymous_or_institutional_subject_speaks() -> None:
    body = "A city official said the water supply would be restored by Friday evening."
    assert _texts(body, "en") == ["the water supply would be restored by Friday evening"]


def test_appositive_speaker_is_the_person_not_the_organisation() -> None:
    body = ("Maria Lopez, a spokeswoman for the Harbor Authority, said the new cranes "
            "would arrive in spring.")
    [q] = _reported(body, "en")
    assert q.text == "the new cranes would arrive in spring"
    assert q.speaker == "Maria Lopez"


def test_inverted_said_after_content_names_the_speaker_after_it() -> None:
    body = ("Prices for rice rose sharply over the summer, said Ana Cruz, "
            "an economist at the national bank.")
    [q] = _reported(body, "en")
    assert q.text == "Prices for rice rose sharply over the summer"
    assert q.speaker == "Ana Cruz"


def test_request_verb_reports_its_content() -> None:
    body = "Wali kota Andi Pratama meminta agar warga tidak membuang sampah ke sungai."
    assert _texts(body) == ["agar warga tidak membuang sampah ke sungai"]


def test_partial_quotation_stays_inside_the_report() -> None:
    body = 'Andi Pratama said the plan was "a careful first step" toward cleaner rivers.'
    assert _texts(body, "en") == ['the plan was "a careful first step" toward cleaner rivers']


def test_second_speaker_in_one_sentence_starts_a_second_report() -> None:
    body = ("Tom Baker said the strike would go ahead on Monday, but Maria Lopez said "
            "talks were still possible.")
    assert _texts(body, "en") == ["the strike would go ahead on Monday",
                                  "talks were still possible"]


def test_verbs_that_name_no_report_are_left_alone() -> None:
    body = ("He declined to say when the store would reopen.\n\n"
            "She asked them about the delay in the morning.\n\n"
            "That said, the market stayed calm through the week.")
    assert _texts(body, "en") == []


def test_a_direct_quotation_is_never_inside_a_report() -> None:
    body = '"Kami siap bertanding," kata pelatih Joko Susilo di Bandung, Senin (3/4).'
    assert _texts(body) == []
