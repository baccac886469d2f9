"""Classes of reported speech: unnamed groups as speakers, report-only cue verbs, a clause after a
clause-only verb, passive cues with their agent, a medium framing a speaker's own report, and
statement nouns framing a sentence. Short sentences of our own."""

from __future__ import annotations

from chain_probe import reported_of as _reported
from chain_probe import reported_texts as _texts


def test_plural_pronoun_opening_the_sentence_speaks() -> None:
    assert _texts("Mereka mengatakan bahwa harga gabah turun sejak awal bulan.") == [
        "harga gabah turun sejak awal bulan"]


def test_indefinite_source_noun_is_anonymous() -> None:
    [q] = _reported("A spokesperson who asked not to be named said the depot will reopen next week.", "en")
    assert q.text == "the depot will reopen next week"
    assert q.speaker is None


def test_report_only_cue_verbs() -> None:
    assert _texts("Warga bilang jembatan itu sudah retak sejak musim hujan.") == [
        "jembatan itu sudah retak sejak musim hujan"]
    assert _texts("Perusahaan itu mengumumkan pada Senin bahwa pabrik baru akan dibuka tahun depan.") == [
        "pabrik baru akan dibuka tahun depan"]


def test_clause_only_verb_reports_a_clause_that_opens_with_ada() -> None:
    assert _texts("Kepala desa membenarkan ada dua rumah yang rusak akibat banjir.") == [
        "ada dua rumah yang rusak akibat banjir"]
    assert _texts("Kepala desa membenarkan kabar itu kepada wartawan.") == []


def test_a_rhetorical_question_says_nothing() -> None:
    assert _texts("Siapa bilang makanan sehat selalu mahal dan sulit dibuat?") == []


def test_medium_framing_a_person_who_speaks_gives_the_person_the_report() -> None:
    [q] = _reported("Mengutip Antara, Direktur Utama Rudi Hartono menyatakan pabrik itu siap beroperasi.")
    assert q.text == "pabrik itu siap beroperasi"
    assert q.speaker == "Rudi Hartono"


def test_statement_noun_opening_the_sentence_frames_the_rest() -> None:
    assert _texts("Dari pengakuan tersangka, sepeda motor itu dibeli dari seorang kenalan.") == [
        "sepeda motor itu dibeli dari seorang kenalan"]
    # inside a clause it is a phrase of channel; with a demonstrative it points back
    assert "dalam" not in " ".join(_texts(
        "Juru bicara Sari Dewi dalam pernyataannya mengatakan jalur itu ditutup sementara.")).lower()
    assert _texts("Dalam laporan tersebut, jumlah korban bertambah menjadi lima orang.") == []


def test_passive_cues_dituding_and_disebut_sebut() -> None:
    [q] = _reported("Pabrik itu, yang pekan lalu dituding Menteri Tenaga Kerja Hanif Dhakiri, memaksa karyawan "
                    "bekerja hingga larut malam.")
    assert q.text.startswith("Pabrik itu, yang pekan lalu dituding")
    assert q.speaker == "Hanif Dhakiri"
    [q] = _reported("Nama pengusaha itu disebut-sebut sebagai pemilik gudang yang terbakar kemarin.")
    assert q.speaker is None
