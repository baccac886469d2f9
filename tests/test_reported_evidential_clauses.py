"""Reported speech (issue 11): a passive cue that names no one reports what is said of its subject,
not the subject; a clause-only Indonesian verb reports a clause whose "bahwa" was left out when a
subject and an auxiliary (or a copula) follow it. Short sentences of our own."""

from __future__ import annotations

from chain_probe import reported_texts as _texts
from chain_probe import said


def test_unnamed_passive_reports_what_is_said_of_its_subject() -> None:
    assert _texts("Selain soal biaya, rencana yang sudah disusun disebut tak bisa dijalankan.") == [
        "tak bisa dijalankan"]
    assert _texts("Penyerang muda itu dikabarkan akan pindah ke klub Italia pada musim depan.") == [
        "akan pindah ke klub Italia pada musim depan"]


def test_unnamed_passive_naming_its_subject_keeps_the_subject() -> None:
    # "X disebut sebagai Y" names X: without X, "sebagai Y" says nothing
    assert _texts("Dalam buku itu, Hartono disebut sebagai perwira yang menyelamatkan arsip kota.") == [
        "Dalam buku itu, Hartono disebut sebagai perwira yang menyelamatkan arsip kota"]


def test_clause_only_verb_reports_a_clause_with_an_auxiliary_after_its_subject() -> None:
    assert _texts("Pihak pengembang meyakinkan mobil listrik itu akan dijual pada akhir tahun ini.") == [
        "mobil listrik itu akan dijual pada akhir tahun ini"]


def test_clause_only_verb_reports_a_clause_with_a_copula_after_a_yang_clause() -> None:
    assert _texts("Saksi itu membeberkan orang yang menyuruhnya merupakan pejabat dinas berinisial AB.") == [
        "orang yang menyuruhnya merupakan pejabat dinas berinisial AB"]


def test_clause_only_verb_with_an_object_and_a_relative_clause_reports_nothing() -> None:
    assert _texts("Perusahaan itu mengumumkan produk yang akan dirilis bulan depan.") == []
    assert _texts("Tim tamu melanjutkan perjalanan ke Bandung dan akan berlatih di sana.") == []


def test_an_opening_passive_of_speech_with_no_one_named_goes_on_with_the_speaker() -> None:
    # "Ditegaskan bahwa …", "Dikatakan, …" after someone's words: the same person goes on saying
    body = ("Bupati Hendra Wiratama meninjau jalan rusak di Desa Sumberjati, Senin.\n\n"
            "\"Perbaikan dimulai bulan depan,\" kata Hendra.\n\n"
            "Ditegaskan bahwa pembangunan jalan harus merata di semua kecamatan.\n\n"
            "Dikatakan, anggaran perbaikan sudah disetujui dewan sejak awal tahun.")
    assert said(body, "pembangunan jalan harus merata").speaker == "Hendra Wiratama"
    assert said(body, "anggaran perbaikan sudah disetujui").speaker == "Hendra Wiratama"
    # hearsay names no one: "Disebutkan, …" stays unattributed
    hearsay = ("\"Perbaikan dimulai bulan depan,\" kata Bupati Hendra Wiratama.\n\n"
               "Disebutkan, jalan itu rusak sejak banjir tahun lalu.")
    assert said(hearsay, "jalan itu rusak").speaker is None
