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


def test_unnamed_passive_in_the_middle_reports_the_whole_sentence() -> None:
    body = "Pelatih itu dikatakan tidak hadir dalam latihan selama dua hari."
    [q] = _reported(body)
    assert q.text == "Pelatih itu dikatakan tidak hadir dalam latihan selama dua hari"
    assert q.speaker is None


def test_unnamed_passive_opening_the_sentence_reports_the_rest() -> None:
    body = "Disebutkan lebih jauh, bahwa aplikasi itu dirancang ulang dari awal."
    assert _texts(body) == ["aplikasi itu dirancang ulang dari awal"]


def test_a_name_or_a_judgement_before_the_passive_is_no_report() -> None:
    assert _texts("Ini bisa dikatakan sebagai hasil terbaik musim ini.") == []
    assert _texts("Warga menolak pasal yang disebut sebagai pasal karet itu.") == []


def test_menurutnya_without_a_comma_inside_the_sentence() -> None:
    body = ("Menteri Budi Santoso meninjau sekolah itu.\n\n"
            "Kebijakan itu menurutnya adalah bagian dari program nasional.")
    [q] = _reported(body)
    assert q.text == "Kebijakan itu menurutnya adalah bagian dari program nasional"
    assert q.speaker == "Budi Santoso"


def test_adding_that_after_a_quotation_reports_its_clause() -> None:
    body = '"The scan looked normal," Dr. Anna Reid said, adding that the disease is hard to spot early.'
    assert _texts(body, "en") == ["the disease is hard to spot early"]


def test_worth_noting_is_the_writers_own_voice() -> None:
    assert _texts("It is worth noting that the figures come from a European test cycle.", "en") == []


def test_a_passive_verb_reports_nothing() -> None:
    body = "Job cuts will be announced later this week in several regional offices."
    assert _texts(body, "en") == []


def test_according_to_then_a_participle_reports_what_came_before() -> None:
    body = ("The city is reviewing the contract, according to two people familiar with the matter, "
            "adding to the troubles of the project.")
    assert _texts(body, "en") == ["The city is reviewing the contract"]


def test_said_then_a_titled_name_with_a_dot_names_the_speaker() -> None:
    body = ("Officers later arrested Mark Doe, 32, of Elm Street, after finding stolen goods in his car, "
            "said Lt. Tom Baker, Columbus Police Department spokesman.")
    [q] = _reported(body, "en")
    assert q.text.startswith("Officers later arrested Mark Doe")
    assert q.speaker == "Tom Baker"


def test_a_request_keeps_what_is_asked_before_bahwa() -> None:
    body = "Kuasa hukum Andi Wijaya meminta hakim membuktikan bahwa sidang itu sudah dimulai."
    assert _texts(body) == ["hakim membuktikan bahwa sidang itu sudah dimulai"]


def test_a_cue_in_the_middle_keeps_a_later_verb_inside_the_report() -> None:
    body = ("Sebagai warga negara, lanjut Agus, pejabat itu berhak melapor, "
            "tetapi ia menyarankan jalan damai lewat mediasi.")
    assert _texts(body) == [body.rstrip(".")]


def test_a_long_description_with_itu_speaks_for_the_person_before() -> None:
    body = ("Marc Marquez menandatangani kontrak baru dengan timnya.\n\n"
            "Rider berusia 25 tahun itu pun mengaku senang dapat bertahan di timnya.")
    [q] = _reported(body)
    assert q.text == "senang dapat bertahan di timnya"
    assert q.speaker == "Marc Marquez"


def test_a_name_in_capitals_with_a_dot_does_not_end_the_report() -> None:
    body = "VW says that the ID. SPACE VIZZION could reach the US market in 2022."
    assert _texts(body, "en") == ["the ID. SPACE VIZZION could reach the US market in 2022"]


def test_kata_dia_with_a_place_after_reports_what_came_before() -> None:
    body = "Tarif parkir di pusat kota akan naik mulai bulan depan, kata dia di Balai Kota, Selasa (3/5)."
    assert _texts(body) == ["Tarif parkir di pusat kota akan naik mulai bulan depan"]


def test_seperti_yang_disampaikan_opens_the_report() -> None:
    body = "Seperti yang disampaikan Bupati Hendra Wijaya, jalan desa itu selesai diaspal pada Juli."
    [q] = _reported(body)
    assert q.text == "jalan desa itu selesai diaspal pada Juli"


def test_hal_itu_disampaikan_with_only_a_place_after_is_no_report() -> None:
    body = ("Bupati Hendra Wijaya meresmikan pasar baru di kecamatan itu.\n\n"
            "Hal itu disampaikan Hendra Wijaya di Kantor Bupati, Senin (4/7).")
    assert _texts(body) == []


def test_mengungkap_needs_a_clause() -> None:
    assert _texts("Polisi Resor Bantul mengungkap kasus pencurian sepeda motor di tiga desa.") == []
    assert _texts("Peneliti Dewi Lestari mengungkap bahwa debit sungai itu turun separuh sejak 2015.") == [
        "debit sungai itu turun separuh sejak 2015"]


def test_told_a_listener_then_the_clause() -> None:
    body = "The harbour master told Reuters the ferries would sail again on Friday."
    assert _texts(body, "en") == ["the ferries would sail again on Friday"]


def test_said_in_a_longer_phrase_before_that() -> None:
    body = "The water board said in a notice to residents that the pipes would be replaced by March."
    assert _texts(body, "en") == ["the pipes would be replaced by March"]


def test_wrote_and_revealed_report_only_with_that() -> None:
    assert _texts("The mayor wrote on her blog that the library would stay open late.", "en") == [
        "the library would stay open late"]
    assert _texts("The author wrote a novel about the flood in two months.", "en") == []
    assert _texts("Blood tests revealed that the patient had a rare infection.", "en") == []
