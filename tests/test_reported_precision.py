"""Reported speech: what is called reported speech but is not, and where a report ends — a note of
what the source left unsaid, a first-person clause of the writer's, an act performed on a thing
("memastikan diri", "menyampaikan permohonan maaf"), an object whose auxiliary belongs to a
subordinate clause — and reports named by a noun ("a declaration by X that …", "klaim X bahwa …").
Every sentence here is made up."""

from __future__ import annotations

import pytest
from chain_probe import reported_of as _reported
from chain_probe import reported_texts as _texts


@pytest.mark.parametrize(("body", "language", "report"), [
    ("Harbor County police reported at least 40 people were hurt in the crash, but the department didn't "
     "estimate how many were children.", "en", "at least 40 people were hurt in the crash"),
    ("Officials said the bridge would reopen in March, but did not immediately say why repairs took so long.",
     "en", "the bridge would reopen in March"),
    ("Kepala Dinas Perhubungan Arman Siregar mengatakan jembatan itu akan dibuka bulan depan, tetapi ia belum "
     "menjelaskan penyebab keterlambatan.", "id", "jembatan itu akan dibuka bulan depan"),
])
def test_a_note_of_what_went_unsaid_ends_the_report(body: str, language: str, report: str) -> None:
    assert _texts(body, language) == [report]


def test_a_contrast_the_speaker_states_stays_in_the_report() -> None:
    report = "Morgan has made progress this week, but the team's leading passer has not been cleared"
    assert _texts(f"{report}, the coach said.", "en") == [report]


@pytest.mark.parametrize(("body", "report"), [
    ("On the day Lumen announced its new lamps were shipping, I rushed to the store to buy one.",
     "its new lamps were shipping"),
    ("The report claims the screen will stay at 13 inches, although given the source, we would not rule out "
     "a larger one.", "the screen will stay at 13 inches"),
])
def test_a_first_person_clause_is_the_writers(body: str, report: str) -> None:
    assert _texts(body, "en") == [report]


@pytest.mark.parametrize("body", [
    "Persatuan Banteng FC memastikan diri lolos ke babak final setelah menang 2-0.",
    "Dalam sambutannya, Wali Kota Rudi Hartanto menyampaikan ucapan selamat kepada para wisudawan.",
    "Manajemen PT Sinar Laut menyampaikan permohonan maaf kepada para penumpang yang terlambat.",
])
def test_an_act_performed_on_a_thing_reports_nothing(body: str) -> None:
    assert _texts(body, "id") == []


def test_dirinya_is_a_clauses_subject() -> None:
    body = "Pelatih Rudi Hartanto memastikan dirinya akan hadir dalam rapat itu."
    assert _texts(body, "id") == ["dirinya akan hadir dalam rapat itu"]


def test_an_auxiliary_of_a_subordinate_clause_makes_no_report_of_an_object() -> None:
    body = ("The county health office reported its second case of the disease on Sunday after two other cases "
            "were confirmed last week.")
    assert _texts(body, "en") == []
    assert _texts("The company announced the factory would close in May.", "en") == ["the factory would close in May"]


@pytest.mark.parametrize(("body", "language", "report", "speaker"), [
    ("The outbreak was confirmed despite an earlier declaration by the Ministry of Health that the risk of "
     "spread was minimal.", "en", "the risk of spread was minimal", "Ministry of Health"),
    ("Critics questioned Paul Okafor’s claim that the spill had been contained within hours.", "en",
     "the spill had been contained within hours", "Paul Okafor"),
    ("Warga mempertanyakan klaim Bupati Rahmat Hidayat bahwa banjir sudah surut di semua desa.", "id",
     "banjir sudah surut di semua desa", "Rahmat Hidayat"),
    ("Pukul 01.00 WIB, polisi mendapat laporan dari warga bahwa pelaku mengurung diri di dalam rumah.", "id",
     "pelaku mengurung diri di dalam rumah", None),
])
def test_a_report_named_by_a_noun(body: str, language: str, report: str, speaker: str | None) -> None:
    assert [(q.text, q.speaker) for q in _reported(body, language)] == [(report, speaker)]


@pytest.mark.parametrize("body", [
    "The agency issued a statement that was posted on its website on Monday.",  # a relative "that"
    "In sum, the claim that Senator Dawes owns five houses is false.",  # the sentence's subject
    "Dawes did not claim that the houses were his.",  # the verb, denied
    "Dawes rejected the claim that the houses were his.",  # a denial: the sentence states it
])
def test_a_noun_of_speech_that_reports_nothing(body: str) -> None:
    assert _texts(body, "en") == []


@pytest.mark.parametrize("verb", ["tidak memperhatikan", "menepis", "mengabaikan", "menanggapi"])
def test_a_speech_verb_on_a_noun_of_speech_is_not_the_subjects_report(verb: str) -> None:
    """"Dia tidak memperhatikan laporan yang mengklaim P": the reports claim P, not he. Whatever he does with
    them, P is no report of his (a denial of it is read from his own verb: "membantah laporan …")."""
    body = ("Menteri Luar Negeri Sukabar Budi Santoso mengatakan, negaranya belum menjatuhkan sanksi apa pun. "
            f"Dia {verb} laporan yang mengklaim Cempaka memasok pupuk dan alat berat ke Sukabar.")
    reports = _reported(body, "id")
    assert [q.text for q in reports] == ["negaranya belum menjatuhkan sanksi apa pun"], [
        (q.text, q.speaker) for q in reports]


def test_a_denial_of_a_noun_of_speech_still_denies_its_content() -> None:
    body = ("Menteri Luar Negeri Sukabar Budi Santoso membantah laporan yang mengklaim Cempaka memasok pupuk "
            "dan alat berat ke Sukabar.")
    [report] = _reported(body, "id")
    assert report.speaker == "Budi Santoso" and report.cue == "membantah"
    assert report.text.startswith("laporan yang mengklaim Cempaka memasok pupuk")


@pytest.mark.parametrize("body", [
    "Foreign Minister John Carter said the country had imposed no sanctions. He brushed aside reports which said "
    "Westland supplied fertiliser to Northland.",
    "Foreign Minister John Carter said the country had imposed no sanctions. He dismissed reports that Westland "
    "supplied fertiliser to Northland.",
])
def test_reports_he_dismissed_are_no_report_of_his(body: str) -> None:
    """"Reports which said P", "dismissed reports that P": the reports say P; "reports" after a verb of denial is
    the noun, not the verb of the one who dismissed them. (Declining to comment on reports is no denial.)"""
    assert _texts(body, "en") == ["the country had imposed no sanctions"], [
        (q.text, q.speaker, q.cue) for q in _reported(body, "en")]
