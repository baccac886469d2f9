"""Reported speech the fresh real pages showed missing, by class of writing (sentences made up):
a participle that carries a clause without "that", "warn"/"clarified" with a bare clause, the day
between the verb and its clause, "jika"/"bila" for "bahwa", an agentless passive opener, and a
clause opening with a quoted word ('He said "scores" of people …')."""

from __future__ import annotations

from chain_probe import reported_of as _reported
from chain_probe import reported_texts as _texts
from chain_probe import said


def test_participle_after_a_quotation_reports_a_clause_without_that() -> None:
    body = ("The water board met on Tuesday to set new rates.\n\n"
            "\u201cWe will not accept this,\u201d said union leader Tom Harlan, adding the farmers had "
            "already lost two harvests to the drought.")
    [q] = _reported(body, "en")
    assert q.text == "the farmers had already lost two harvests to the drought"
    assert q.speaker == "Tom Harlan"


def test_saying_and_suggesting_after_a_quotation_report_too() -> None:
    body = ("The water board met on Tuesday to set new rates.\n\n"
            "\u201cNobody listened to us,\u201d said Tom Harlan, suggesting the board was trying to hide "
            "the real costs.")
    assert _texts(body, "en") == ["the board was trying to hide the real costs"]


def test_participle_with_an_object_reports_nothing() -> None:
    body = ("The water board met on Tuesday to set new rates.\n\n"
            "\u201cWe are done here,\u201d said Tom Harlan, adding a line to the letter before he left.")
    assert _texts(body, "en") == []


def test_plural_warn_reports_a_clause_without_that() -> None:
    body = ("Rain fell across the valley overnight.\n\n"
            "Officials warn several rivers are approaching record levels this week.")
    assert _texts(body, "en") == ["several rivers are approaching record levels this week"]


def test_warn_with_an_object_and_infinitive_reports_nothing() -> None:
    body = ("Rain fell across the valley overnight.\n\n"
            "Officials warn residents to stay away from the river banks this week.")
    assert _texts(body, "en") == []


def test_clarified_reports_its_clause() -> None:
    body = ("The depot was closed on Friday.\n\n"
            "The police chief clarified that the van seen leaving the depot was not part of any escort.")
    assert _texts(body, "en") == ["the van seen leaving the depot was not part of any escort"]


def test_stating_after_a_main_clause_of_no_speech_reports() -> None:
    body = ("The governor spoke at a forum on Monday.\n\n"
            "Governor Ann Ridley has defended her remarks, stating that both sides have rights in a "
            "public debate.")
    assert _texts(body, "en") == ["both sides have rights in a public debate"]


def test_day_between_verb_and_clause_is_not_the_report() -> None:
    body = ("Shares fell in early trading.\n\n"
            "The company said on Thursday it will not publish the new sales figures.\n\n"
            "The ministry confirmed on Wednesday afternoon scores of homes were damaged by the storm.")
    assert _texts(body, "en") == ["it will not publish the new sales figures",
                                  "scores of homes were damaged by the storm"]


def test_jika_and_bila_open_the_clause_of_a_confirming_verb() -> None:
    body = ("Pemerintah kota menggelar rapat pada Selasa.\n\n"
            "Pelatih tim, Andi Saputra, membenarkan bila ada motivasi lebih di dalam tim.\n\n"
            "Kepala stasiun itu mengkonfirmasi jika gempa tersebut berada di jalur patahan aktif.")
    assert _texts(body, "id") == ["bila ada motivasi lebih di dalam tim",
                                  "jika gempa tersebut berada di jalur patahan aktif"]


def test_agentless_passive_opener_reports_with_no_speaker() -> None:
    body = ("Pemerintah kota menggelar rapat pada Selasa.\n\n"
            "Disebutkan bahwa data tersebut didapat dari laman resmi dinas pada bagian formulir.\n\n"
            "Ditegaskan bahwa perbaikan jalan harus merata di seluruh kecamatan.")
    reports = _reported(body, "id")
    assert [q.text for q in reports] == ["data tersebut didapat dari laman resmi dinas pada bagian formulir",
                                         "perbaikan jalan harus merata di seluruh kecamatan"]
    assert [q.speaker for q in reports] == [None, None]


def test_a_clause_opening_with_a_quoted_word_is_reported_speech() -> None:
    # 'He said "scores" of people …': the quoted word is his, inside the clause he reported; a
    # quotation after a colon is still the words said
    body = "Mayor Tom Harlan said \u201cscores\u201d of people still need to be rescued in the valley."
    assert _texts(body, "en") == ["\u201cscores\u201d of people still need to be rescued in the valley"]
    assert _texts("Bupati Hendra Wiratama mengatakan \"ratusan\" warga masih mengungsi di balai desa.") == [
        "\"ratusan\" warga masih mengungsi di balai desa"]
    assert _texts("Budi Santoso mengatakan: \"Kami siap bertanding besok\" lalu pergi.") == []
    assert said(body, "\u201cscores", "en").speaker == "Tom Harlan"
