"""Who a sentence is about and who goes on speaking: someone named by no name ("seorang karyawan
yang enggan disebut namanya", "Another analyst", "one commenter"), a sentence-initial ordinary
word that is also a word of a name, a possessor, the agent of "Hal itu diungkapkan X", a person
"of" a place, an adverb between speaker and verb, a weekday before an appositive, a class noun
before an organisation, a place the words were said in ("X di Wamena, Selasa (29/10), mengatakan"),
and a one-word term after a verb whose object points back ("mengatakan
hal itu di tengah “…”"). All sentences are made up."""

from __future__ import annotations

from functools import partial

from chain_probe import quotes_of as _quotes
from chain_probe import said

from kliping.annotate import appositives, cue_neighbours, speakers, speech, subjects
from kliping.model import Entity

_said = partial(said, direct_only=True)  # quotations only, not reports


def test_a_quoted_term_after_a_pointer_object_is_narration() -> None:
    body = ("Menteri Luar Negeri Ardania, Hendra Wiratama, bertemu mitranya di Jakarta, Senin (4/3).\n\n"
            "Hendra mengatakan hal itu di tengah \"kekhawatiran\" negara tetangga soal latihan militer bersama.")
    assert not [q for q in _quotes(body) if q.kind in ("direct", "partial")]


def test_a_quoted_word_after_a_verb_with_its_own_content_stays_a_partial() -> None:
    body = "Hendra Wiratama mengatakan latihan itu \"wajar\" dan tidak mengancam siapa pun."
    [q] = [q for q in _quotes(body) if q.kind == "partial"]
    assert q.speaker == "Hendra Wiratama"


def test_nya_after_someone_named_by_no_name_is_no_one() -> None:
    body = ("Direktur PT Sinar Dagang, Rina Oktaviani, membenarkan ada pengurangan karyawan.\n\n"
            "\"Kami sudah membayar pesangon sesuai aturan,\" kata Rina.\n\n"
            "Namun, seorang karyawan yang enggan disebutkan namanya mengaku baru tahu lewat surel.\n\n"
            "\"Rapatnya cuma lima belas menit, lalu akses kami dimatikan,\" ungkapnya.")
    assert _said(body, "Rapatnya cuma").speaker is None


def test_a_sentence_opening_with_someone_named_by_no_name() -> None:
    for text in ("A European Union negotiator, speaking on condition of anonymity, denied it.",
                 "Another analyst, who asked not to be named, said the cut was deep.",
                 "Seorang musisi misalnya menulis surat terbuka."):
        assert subjects.unnamed_subject(text, 0, len(text)), text
    for text in ("Salah satu pemain, Budi Santoso, mengatakan timnya siap.",  # the appositive names him
                 "Menjadi seorang polisi dituntut bisa menyamar.",  # about no one in particular
                 "Budi Santoso tiba di lokasi."):
        assert not subjects.unnamed_subject(text, 0, len(text)), text


def test_one_commenter_after_the_quotation_is_no_one() -> None:
    body = ("The reporter Tom Hale wrote that officials had been told to remove the posts.\n\n"
            "\"Do not hide things like this,\" one Weibo commenter said.")
    assert _said(body, "Do not hide").speaker is None


def test_as_one_ceo_told_me_is_no_one() -> None:
    body = ("Jake Morton founded the bank in 2015.\n\n"
            "Their pitch is about customers' \"financial health and calm,\" as one bank's CEO told me.")
    [q] = [q for q in _quotes(body) if q.text.startswith("financial health")]
    assert q.speaker is None


def test_an_ordinary_word_opening_a_sentence_is_no_name() -> None:
    body = ("Jane Corrigan works at the Institute for Scientific Research in Ohio.\n\n"
            "\"The cells are sentinels,\" Corrigan said.\n\n"
            "Research on the cells is new, and the research is costly. He doubts the early results.\n\n"
            "\"We are in the very early days of this,\" he said.")
    assert _said(body, "We are in the very early").speaker != "Scientific Research"


def test_a_possessor_is_not_the_sentences_subject() -> None:
    body = "Vance's lawyer told the court a different story."
    people = [Entity("Vance", 0, 5, "PERSON", "Derek Vance")]
    assert subjects.sentence_subject(body, 0, len(body), people, {"Vance": "Derek Vance"}) is None
    body = "Vance's lawyer, Michael Brennan, offered a deal."
    people.append(Entity("Michael Brennan", 16, 31, "PERSON", "Michael Brennan"))
    assert speakers.lead_person(body, 0, len(body), people) == "Michael Brennan"


def test_nya_after_the_agent_of_a_pointer_passive() -> None:
    body = ("Kepala BPJS Kesehatan Cabang Cirebon, Nurhayati Simanjuntak, mengatakan layanan sudah digital.\n\n"
            "\"Peserta cukup membawa kartu digital,\" kata Nurhayati.\n\n"
            "Namun, sebagian peserta masih diminta fotokopi KTP. Hal itu diungkapkan Darsih (44), "
            "peserta JKN asal Cirebon.\n\n"
            "\"Kemarin pas kontrol masih disuruh fotokopi,\" ujarnya.")
    assert _said(body, "Kemarin pas kontrol").speaker == "Darsih"


def test_a_person_of_a_place_speaks_not_the_place() -> None:
    body = "Rep. Dale Whitcomb of Texas called the plan a mess and said"
    # as the recogniser may read it: the state taken for a person
    people = [Entity("Dale Whitcomb", 5, 18, "PERSON", "Dale Whitcomb"), Entity("Texas", 22, 27, "PERSON", "Texas")]
    found = speech.subject_before(body, body.index("said"), 0, people)
    assert found is not None and found.text == "Dale Whitcomb"


def test_an_adverb_between_the_speaker_and_the_verb() -> None:
    body = "\"We messed up,\" Thomas allegedly told"
    found = cue_neighbours.name_before(body, body.index("told"), 0)
    assert found is not None and found.text == "Thomas"


def test_a_weekday_before_an_appositive_does_not_speak() -> None:
    body = "On Monday, the People’s Daily, the mouthpiece of the party, warned that"
    start = body.index("People")
    daily = Entity("People’s Daily", start, start + len("People’s Daily"), "ORG", "People’s Daily")
    found = appositives.appositive_subject(body, body.index(", warned"), 0, [daily])
    assert found is not None and found.text == "People’s Daily"


def test_a_lower_case_class_noun_is_not_glued_to_an_organisation() -> None:
    body = "Members of the group Doctors Without Walls wrote to the agency."
    start = body.index("Doctors")
    org = Entity("Doctors Without Walls", start, start + len("Doctors Without Walls"), "ORG", "Doctors Without Walls")
    assert speakers.role_before(body, org) == start


def test_the_place_the_words_were_said_in_is_no_speaker() -> None:
    # "X di Wamena, Selasa (29/10), mengatakan": the place (and its appositive) is where, not who
    assert said("Kapolres Lembah Hijau AKBP Tonny Swadaya di Wamena, Selasa (29/10), mengatakan, polisi "
                "sedang mengikuti tersangka.", "polisi").speaker == "Tonny Swadaya"
    assert said("Kapolres Lembah Hijau AKBP Tonny Swadaya di Wamena, ibu kota Kabupaten Lembah Hijau, Selasa "
                "(29/10), mengatakan, polisi sedang mengikuti tersangka.", "polisi").speaker == "Tonny Swadaya"
    assert said("Pelaksana tugas Kepala Balai Besar TNLL, Bustang di Palu, Selasa, mengatakan, "
                "jalur pendakian ditutup sementara.", "jalur pendakian").speaker == "Bustang"
