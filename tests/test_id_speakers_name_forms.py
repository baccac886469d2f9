"""Indonesian speakers given in a wrong or short form on unseen pages: a role's abbreviation kept
before the given name ("Menkes Budi"), a stage name glued to a band's ("alias Jerinx SID" … "kata
Jerinx"), a name-opening word that is also "then" ("Lalu"), a degree written without dots, a
regional body's acronym taken for a given name, a role and a place no table knows standing for its
holder, and a clipped given name ("Sandi" of "Sandiaga"). The whole chain runs, on sentences made
up for these tests."""

from __future__ import annotations

from functools import partial

from chain_probe import speakers_of

from kliping.annotate.degrees import without_degrees
from kliping.annotate.name_words import word_kind

_speakers = partial(speakers_of, language="id")


def test_role_abbreviation_is_no_part_of_the_name() -> None:
    body = ("Menteri Kesehatan Rudi Hartono Wibisono mengaku mengantuk saat rapat, Rabu.\n\n"
            "\"Tadi saya sudah divaksin,\" ujar Menkes Rudi di tengah rapat.\n\n"
            "\"Ini Bu Sari malah semakin cerah,\" ujar Rudi.")
    assert _speakers(body) == ["Rudi Hartono Wibisono"] * 3


def test_first_word_of_a_several_word_nickname_is_the_nickname() -> None:
    body = ("Sidang dengan terdakwa I Made Suarjana alias Kobra XTC digelar di Denpasar pekan ini.\n\n"
            "\"Saya hanya menyampaikan pendapat,\" kata Kobra kepada wartawan.")
    assert _speakers(body) == ["I Made Suarjana"]


def test_sasak_lalu_opens_the_name() -> None:
    body = ("Juru bicara Pemprov NTB Lalu Ahmad Zainuri mengatakan bantuan sudah dikirim.\n\n"
            "\"Semua posko sudah menerima logistik,\" ujarnya.")
    assert _speakers(body)[-1] == "Lalu Ahmad Zainuri"
    assert word_kind("Lalu") == "soft"  # a sentence's first "Lalu" is still "then"


def test_degree_without_dots_is_cut() -> None:
    assert without_degrees("Rahmat Hidayat SH MH".split()) == ["Rahmat", "Hidayat"]
    assert without_degrees("Rahmat Hidayat MSi".split()) == ["Rahmat", "Hidayat"]
    assert without_degrees("Rahmat Me".split()) == ["Rahmat", "Me"]  # a name word in mixed case stays


def test_regional_body_acronym_is_no_given_name() -> None:
    assert word_kind("Satpol-PP") == "stop"
    assert word_kind("Dinkes") == "stop"


def test_role_and_unknown_place_stand_for_their_holder() -> None:
    body = ("SEMBALU – Camat Sembalu Drs. Hi. Mansyur Daeng Rapi angkat suara soal bentrok warga versus "
            "Satpol-PP Sembalu, Minggu lalu.\n\n"
            "\"Kami sudah berkali-kali mengajak warga berdialog,\" terang Camat Sembalu itu.")
    assert _speakers(body) == ["Mansyur Daeng Rapi"]


def test_clipped_given_name_is_the_full_name() -> None:
    body = ("Ketua Panitia Festival Kopi Nusantara, Ramadhania Kusuma Wardani, menyebut acara tahun ini "
            "diikuti 300 peserta.\n\n"
            "\"Pesertanya datang dari 20 provinsi,\" ungkap Rama, Sabtu.")
    assert _speakers(body) == ["Ramadhania Kusuma Wardani"] * 2


def test_a_name_ends_at_its_sentences_stop() -> None:
    # a stop may close an initial ("Budi S. Santoso"), not a whole word that ends the sentence
    body = ("Harga cabai di Pasar Sukaraja naik dua kali lipat sejak Senin.\n\n"
            "\"Pembeli jadi sepi. Semoga pekan depan turun lagi,\"keluh Tarjodak. Sehari-hari, kata dia, "
            "ia berjualan sayur di los tengah.")
    assert _speakers(body)[0] == "Tarjodak"
    body = "\"Kami siap,\" kata Budi S. Santoso kepada wartawan di Sukaraja."
    assert _speakers(body) == ["Budi S. Santoso"]


def test_a_regencys_short_name_written_between_a_role_and_its_holder_is_no_part_of_the_name() -> None:
    body = ("Rapat paripurna Dewan Perwakilan Rakyat Daerah (DPRD) Kabupaten Sukabar digelar Senin.\n\n"
            "Rapat dibuka Ketua DPRD Sukabar Efendi. Anggaran Sukabar naik tahun ini.\n\n"
            "\"Semua fraksi sudah menyampaikan pandangannya,\" kata Efendi.")
    assert _speakers(body) == ["Efendi"]
    # a person named after a body whose leader the article titles is that person, whole
    body = ("Ketua KPK Budi Hartono hadir di gedung DPR.\n\n"
            "\"Kami akan memeriksa semua saksi,\" kata Ketua KPK Budi.")
    assert _speakers(body) == ["Budi Hartono"]
    # an ordinary noun before a given name is the person's own ("perusahaan Budi": his company), not a body's
    # head: the given name stays part of the full name
    body = ("Jaksa mendakwa pejabat itu menerima suap dari Direktur PT Cempaka Jaya, Slamet Riyadi.\n\n"
            "Suap itu diberikan agar perusahaan Slamet memenangi tender.\n\n"
            "\"Saya hanya diminta menyiapkan uang,\" kata Slamet Riyadi di persidangan.")
    assert _speakers(body) == ["Slamet Riyadi"]
