"""Reported speech: the classes of cue, where the report starts and ends, and who speaks."""

from __future__ import annotations

import re
from importlib import resources

import pytest
from chain_probe import reported_of as _reported
from chain_probe import reported_texts as _texts

from kliping.annotate import report_clauses, report_frames, report_short_cues, report_speakers, reported
from kliping.annotate.report_words import either, flagged


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


def test_an_infinitive_done_reports_and_one_made_to_speak_speaks() -> None:
    body = ("Tom Webb went on to say that the bridge would reopen in May.\n\n"
            "The ruling allowed Ann Roe to claim that the tender had been fair.\n\n"
            "The fee rise prompted some Millbrook residents to argue that the council had failed them.\n\n"
            "Owen Pratt declined to say whether the ferry would run.")
    assert [(q.text, q.speaker) for q in _reported(body, "en")] == [
        ("the bridge would reopen in May", "Tom Webb"),
        ("the tender had been fair", "Ann Roe"),
        ("the council had failed them", None),  # some residents, named by no name
    ]


def test_a_second_verb_after_a_bare_and_is_the_openers() -> None:
    body = "Tom Webb accused Owen Pratt of stalling the ferry contract and insisted that the tender was clean."
    assert [(q.text, q.speaker) for q in _reported(body, "en")] == [("the tender was clean", "Tom Webb")]
    body = ("Tom Webb chaired the hearing.\n\n"
            "He rejected the auditors' findings and said the accounts had been checked twice.")
    assert [(q.text, q.speaker) for q in _reported(body, "en")] == [
        ("the accounts had been checked twice", "Tom Webb")]


def test_a_report_may_open_with_an_as_clause() -> None:
    body = ("Tom Webb said as the inquiry continued, nobody should guess at its findings.\n\n"
            "Ann Roe said as part of the review of the harbour budget.")
    assert _texts(body, "en") == ["as the inquiry continued, nobody should guess at its findings"]


def test_that_after_like_or_of_is_a_pronoun_inside_the_report() -> None:
    body = "But Councillor Tom Webb says a rule like that would never pass the harbour board."
    assert _texts(body, "en") == ["a rule like that would never pass the harbour board"]


def test_a_report_ends_before_the_speakers_own_words_quoted_after_a_comma() -> None:
    body = ("Captain Ann Roe says the crew kept to the plan, "
            "\"We wanted everyone home safe before the storm came in.\"")
    assert _texts(body, "en") == ["the crew kept to the plan"]


def test_a_person_and_their_appositive_before_says_speak_what_follows() -> None:
    body = "Ann Roe, the harbour master, says Tom Webb, the ferry's owner, never asked for a mooring permit."
    assert [(q.text, q.speaker) for q in _reported(body, "en")] == [
        ("Tom Webb, the ferry's owner, never asked for a mooring permit", "Ann Roe")]


def test_calling_on_or_pleading_with_someone_to_act_is_a_request_reported() -> None:
    body = ("The fishermen pleaded with the council to dredge the harbour before winter.\n\n"
            "The agency called on towns to test their wells after the outbreak was found, while "
            "stressing that there was no sign of spread between people.")
    assert _texts(body, "en") == ["the council to dredge the harbour before winter",
                                  "towns to test their wells after the outbreak was found",
                                  "there was no sign of spread between people"]


def test_a_direct_quotation_is_never_inside_a_report() -> None:
    body = '"Kami siap bertanding," kata pelatih Joko Susilo di Bandung, Senin (3/4).'
    assert _texts(body) == []


def test_unnamed_passive_in_the_middle_reports_what_is_said_of_its_subject() -> None:
    # the chain gold cuts "X dikatakan …" after the cue (issue 11); "X disebut sebagai …" keeps X
    body = "Pelatih itu dikatakan tidak hadir dalam latihan selama dua hari."
    [q] = _reported(body)
    assert q.text == "tidak hadir dalam latihan selama dua hari"
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


# ---- classes from the dev-set review: who speaks when no name stands next to the verb


def test_an_anonymous_plural_source_speaks_without_a_name() -> None:
    [q] = _reported("US officials said the bridge would reopen to traffic next spring.", "en")
    assert q.text == "the bridge would reopen to traffic next spring"
    assert q.speaker is None
    [q] = _reported("Monday, prosecutors asserted that the two clerks had forged the ledger.", "en")
    assert q.text == "the two clerks had forged the ledger"
    assert q.speaker is None


def test_an_aside_between_the_subject_and_the_verb() -> None:
    body = "Most farm economists, however, argue that the drought will lift grain prices."
    assert _texts(body, "en") == ["the drought will lift grain prices"]


def test_his_office_speaks_for_the_person_named_before() -> None:
    body = ("Reporters waited for Governor Mark Ellison outside the hall.\n\n"
            "His office said he was travelling to a trade fair in Ohio that week.")
    [q] = _reported(body, "en")
    assert q.text == "he was travelling to a trade fair in Ohio that week"
    assert q.speaker == "Mark Ellison"


def test_who_said_speaks_for_the_noun_before_it() -> None:
    body = "The clerk called the driver, who said that the parcel had been left at the gate."
    [q] = _reported(body, "en")
    assert q.text == "the parcel had been left at the gate"
    assert q.speaker is None


def test_a_second_verb_after_and_or_but_has_the_sentences_subject() -> None:
    body = "Northwind is one of the firms bidding for the port, and confirmed that its plan uses electric cranes."
    [q] = _reported(body, "en")
    assert q.text == "its plan uses electric cranes"
    assert q.speaker_mention == "Northwind"


def test_a_participle_after_the_sentences_own_verb_has_its_subject() -> None:
    body = "The council welcomed the grant, saying the old library would finally get a new roof."
    assert _texts(body, "en") == ["the old library would finally get a new roof"]


def test_adding_that_after_a_quotation_in_the_middle_keeps_the_speaker() -> None:
    body = ('Mayor Tom Baker said in a statement, “We are very relieved” at the news of the rescue, '
            "adding that the families had asked for privacy.")
    [q] = _reported(body, "en")
    assert q.text == "the families had asked for privacy"
    assert q.speaker == "Tom Baker"


# ---- where the report ends


def test_a_semicolon_ends_the_report() -> None:
    body = "Ana Cruz says that the mill closed in 1990; the town never recovered from the loss."
    assert _texts(body, "en") == ["the mill closed in 1990"]


def test_a_concessive_clause_ends_with_its_comma() -> None:
    body = "While Tom Baker said the road was safe again, drivers kept using the old bypass."
    assert _texts(body, "en") == ["the road was safe again"]


def test_a_clause_before_that_is_the_reports_own() -> None:
    body = "Ana Cruz said officials had promised that the clinic would stay open."
    assert _texts(body, "en") == ["officials had promised that the clinic would stay open"]


def test_after_that_a_clause_may_open_with_a_preposition() -> None:
    body = "Tom Baker wrote that on two occasions they had asked the city for a permit."
    assert _texts(body, "en") == ["on two occasions they had asked the city for a permit"]


def test_a_quotation_inside_the_clause_does_not_end_it() -> None:
    body = "Ana Cruz cautions that “only the first steps” have been taken on the northern dikes."
    assert _texts(body, "en") == ["“only the first steps” have been taken on the northern dikes"]


# ---- the cue after its content


def test_say_then_an_unnamed_speaker_after_the_content() -> None:
    body = "The river will crest above the flood line by Thursday, say officials."
    [q] = _reported(body, "en")
    assert q.text == "The river will crest above the flood line by Thursday"
    assert q.speaker is None


def test_kata_name_dari_an_institution_reports_what_came_before() -> None:
    body = "Harga cabai akan turun setelah panen raya, kata Dewi Lestari dari Institut Pertanian Bogor."
    [q] = _reported(body)
    assert q.text == "Harga cabai akan turun setelah panen raya"
    assert q.speaker == "Dewi Lestari"


# ---- frames


def test_a_viewpoint_frame_opens_the_report() -> None:
    body = ("Peneliti Rina Wulandari mempelajari sungai itu selama sepuluh tahun.\n\n"
            "Dari kacamata Rina, proyek tanggul itu tidak akan menahan banjir besar.")
    [q] = _reported(body)
    assert q.text == "proyek tanggul itu tidak akan menahan banjir besar"
    assert q.speaker == "Rina Wulandari"
    assert _texts("But in her view, the new tax rules favour large farms over small ones.", "en") == [
        "the new tax rules favour large farms over small ones"]


def test_according_to_a_study_by_an_author_names_the_author() -> None:
    body = ("According to a 2021 survey by Maria Lopez of the University of Southern Nevada at Reno, "
            "most small papers have cut their staff by half.")
    [q] = _reported(body, "en")
    assert q.text == "most small papers have cut their staff by half"
    assert q.speaker == "Maria Lopez"


def test_according_to_after_a_comma_inside_the_quotation_marks() -> None:
    body = 'The farmer fell ill after cleaning the barn and was diagnosed with "barn lung," according to a new report.'
    assert _texts(body, "en") == ['The farmer fell ill after cleaning the barn and was diagnosed with "barn lung']


# ---- verbs that report only with a clause


def test_state_note_and_berbicara_report_only_with_that() -> None:
    assert _texts("The engineers state that the two designs use the same frame.", "en") == [
        "the two designs use the same frame"]
    assert _texts("The state is building a new road to the harbour this year.", "en") == []
    assert _texts("Bupati Hendra Wijaya berbicara bahwa pasar itu harus tetap buka.") == [
        "pasar itu harus tetap buka"]
    assert _texts("Bupati Hendra Wijaya berbicara di depan para pedagang pasar itu.") == []


def test_indonesian_verbs_with_a_thing_for_object_report_nothing() -> None:
    assert _texts("Pebalap muda itu mencatat kemenangan pertamanya di sirkuit tersebut.") == []
    assert _texts("Ia mengucapkan terima kasih kepada semua relawan di posko banjir.") == []
    assert _texts("Perusahaan itu melanjutkan bisnis ponselnya di pasar Asia.") == []
    assert _texts("Ia melanjutkan, pasar baru itu akan dibuka bulan depan.") == [
        "pasar baru itu akan dibuka bulan depan"]


# ---- no speech act


def test_a_negated_or_future_speech_act_reports_nothing() -> None:
    assert _texts("Budi belum menyebutkan secara pasti kapan jembatan itu dibuka.") == []
    assert _texts("Ia akan menjelaskan rencana pembangunan pasar itu pekan depan.") == []
    assert _texts("The company didn't say when the new store would open.", "en") == []
    assert _texts("Ia tak menampik bahwa proyek itu terlambat dua bulan.") == ["proyek itu terlambat dua bulan"]


def test_a_cue_word_used_as_a_noun_or_an_adjective_reports_nothing() -> None:
    assert _texts("Other estimates are in the same range as the bank's figure.", "en") == []
    assert _texts("The police questioned him over alleged thefts of copper wire.", "en") == []
    assert _texts("Residents wanted some say in the design of the new square.", "en") == []
    assert _texts("The car has a lane warning, as well as a rear camera and parking sensors.", "en") == []


def test_what_someone_said_is_an_object_not_a_report() -> None:
    body = "That figure is lower than what Ana Cruz said, but it is close enough for the budget."
    assert _texts(body, "en") == []


def test_a_preposition_after_the_verb_reports_nothing() -> None:
    assert _texts("Tom Baker responded with a long silence at the meeting.", "en") == []
    assert _texts("Ana Cruz told them of the accident on the way home.", "en") == []


def test_a_pointer_or_a_thing_after_the_verb_reports_nothing() -> None:
    body = ("Presiden Joko Widodo meminta semua kementerian berhemat.\n\n"
            "Presiden menyampaikan hal itu seusai rapat kabinet di Istana Bogor.")
    assert _texts(body) == ["semua kementerian berhemat"]
    assert _texts("The agency confirmed this in a statement on Monday.", "en") == []
    assert _texts("The museum announced the newest addition to its bird collection.", "en") == []
    assert _texts("Northwind reported a loss of $3 million in the second quarter.", "en") == []


def test_a_trailer_after_the_verb_attributes_the_quotation_before_it() -> None:
    body = ('"We expect a busy summer," Ana Cruz, director of the regional tourism board for the coast, '
            "said in a statement.")
    assert _texts(body, "en") == []


def test_the_lead_is_the_report_only_when_its_speaker_closes_it() -> None:
    body = ("But surprisingly, when she checked the samples again, Ana Cruz found that they held "
            "more cells than previously reported.")
    assert _texts(body, "en") == []  # "found" reports nothing, and "reported" has no speaker beside it
    body = "Ketika ditanya soal rencana pensiun, pemain itu menjawab secara singkat."
    assert _texts(body) == []


def test_what_a_passive_says_after_apa_yang_is_no_report() -> None:
    body = "Jadi, dari apa yang coba disampaikan oleh Samsung, ponsel itu tahan air."
    assert _texts(body) == []


def test_a_paragraph_broken_in_mid_sentence_goes_on() -> None:
    body = ("Menurut juru bicara Andi Pratama, kunjungan itu akan\n\n"
            "membahas kerja sama perdagangan kedua negara.")
    assert _texts(body) == ["kunjungan itu akan\n\nmembahas kerja sama perdagangan kedua negara"]


def test_every_word_list_builds_its_patterns_and_says_what_it_holds() -> None:
    for build in (report_clauses._speech_act, report_clauses.clause_patterns, report_frames._viewpoint,
                  report_frames._passive, report_short_cues.appositive, report_speakers._unnamed,
                  report_speakers._described_before, reported._verb_patterns):
        assert build()
    lists = [f for f in resources.files("kliping.resources").iterdir() if f.name.startswith("report_")]
    assert len(lists) > 10
    for f in lists:
        assert f.read_text(encoding="utf-8").startswith("# "), f.name


def test_a_misspelt_use_fails_rather_than_matching_anything() -> None:
    with pytest.raises(ValueError):
        flagged("report_conjunctions.tsv", "no_such_use")


def test_word_alternatives_try_the_longest_first_and_let_a_phrase_span_any_space() -> None:
    assert either(["meski", "meskipun", "as soon as"]) == r"as\s+soon\s+as|meskipun|meski"
    assert re.fullmatch(either(["as soon as"]), "as  soon\nas")


def test_a_role_before_the_speaker_in_the_middle_keeps_the_sentence_one_report() -> None:
    body = ("Sidang itu digelar di Jakarta.\n\n"
            "Dana hibah itu, kata auditor Wulan Sasmita, dicairkan dalam dua tahap sepanjang tahun lalu.")
    [q] = _reported(body)
    assert q.text == "Dana hibah itu, kata auditor Wulan Sasmita, dicairkan dalam dua tahap sepanjang tahun lalu"
    assert q.speaker is not None and q.speaker.endswith("Wulan Sasmita")


def test_a_middle_cue_without_its_closing_comma_still_reports_the_sentence() -> None:
    body = ("Koki Darmaji Santoso membuka warung barunya di Bandung.\n\n"
            "Kunci sambal yang enak, kata Darmaji terletak pada cabai yang baru dipetik.")
    assert _texts(body) == ["Kunci sambal yang enak, kata Darmaji terletak pada cabai yang baru dipetik"]
    # a closing cue with a trailer after it still reports only what comes before
    assert _texts("Harga pupuk akan naik bulan depan, kata Darmaji kepada wartawan di Bandung.") == [
        "Harga pupuk akan naik bulan depan"]


def test_melansir_names_the_medium_the_rest_of_the_sentence_comes_from() -> None:
    [q] = _reported("Melansir Reuters, harga kopi dunia naik tajam sepanjang pekan ini.")
    assert q.text == "harga kopi dunia naik tajam sepanjang pekan ini"
    assert q.speaker == "Reuters"


def test_menurut_with_its_comma_left_out_reports_the_clause_after_the_name() -> None:
    body = "Soal jadwal panen, menurut Darmaji Santoso sawah di desa itu siap dipanen pekan depan."
    [q] = _reported(body)
    assert q.text == "sawah di desa itu siap dipanen pekan depan"
    assert q.speaker == "Darmaji Santoso"
    # inside a clause, or naming a document rather than a person, it is left alone
    assert _texts("Kebijakan itu menurut Darmaji Santoso tidak tepat sasaran.") == []
    # "according to X" closing its sentence is the tail form, not an opening frame
    closing = _reported("Prices fell again last month, according to Maria Lopez of the Central Bank.", "en")
    assert [q.text for q in closing] == ["Prices fell again last month"]


def test_menghimbau_the_common_spelling_of_mengimbau_is_a_request() -> None:
    body = "Kapolsek Bambang Irawan menghimbau agar warga mengunci rumah sebelum mudik."
    [q] = _reported(body)
    assert q.text == "agar warga mengunci rumah sebelum mudik"
    assert q.speaker == "Bambang Irawan"


def test_a_news_report_passive_with_no_source_reports_with_no_speaker() -> None:
    opening = _reported("Sebelumnya diberitakan, jembatan gantung di desa itu putus diterjang banjir.")
    assert [(q.text, q.speaker) for q in opening] == [("jembatan gantung di desa itu putus diterjang banjir", None)]
    closing = _reported("Harga tiket kereta naik dua kali lipat selama libur panjang, seperti diberitakan.")
    assert [(q.text, q.speaker) for q in closing] == [("Harga tiket kereta naik dua kali lipat selama libur panjang",
                                                      None)]
    after_comma = _reported("Menjelang musim hujan, dilaporkan bahwa tanggul sungai itu mulai retak.")
    assert [(q.text, q.speaker) for q in after_comma] == [("tanggul sungai itu mulai retak", None)]


def test_a_that_clause_after_the_verb_is_the_report_not_the_lead_before_the_speaker() -> None:
    body = "At the time, the ministry said in a statement that it would not extend the deadline."
    assert _texts(body, "en") == ["it would not extend the deadline"]
    # with no "that", the lead before the speaker is still the report
    assert _texts("Fuel prices will rise again next month, the minister said on Monday.", "en") == [
        "Fuel prices will rise again next month"]


def test_reports_that_names_a_medium_as_the_source() -> None:
    [q] = _reported("As if that were not enough, Bloomberg reports that the merger talks have stalled.", "en")
    assert q.text == "the merger talks have stalled"
    assert _reported("The company reports strong earnings every quarter.", "en") == []


def test_said_then_according_to_a_medium_reports_the_lead_for_the_first_speaker() -> None:
    body = ("For now, there is no sign that the two outbreaks are linked, the provincial health office said, "
            "according to Reuters.")
    assert _texts(body, "en") == ["For now, there is no sign that the two outbreaks are linked"]
