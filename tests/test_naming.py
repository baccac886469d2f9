"""Speakers by their full canonical name: what the article itself writes about the person.

Every sentence here is written for the test (no article text is copied)."""

from __future__ import annotations

from chain_probe import quotes_of as _quotes

from kliping.annotate import naming, person_mentions
from kliping.annotate.naming import full_name, strip_titles


def test_naming_short_name_takes_the_full_name_written_after_a_title() -> None:
    body = ("Gubernur Sulawesi Tengah Rusdi Mastura Andilolo meninjau pengungsian pada Selasa.\n\n"
            "\"Bantuan akan tiba besok pagi,\" ujar Rusdi kepada wartawan.")
    [q] = _quotes(body)
    assert (q.speaker, q.speaker_mention) == ("Rusdi Mastura Andilolo", "Rusdi")


def test_naming_full_name_skips_ministry_and_place_words() -> None:
    body = "Menteri Pendidikan dan Kebudayaan Hendra Wiratama membuka acara. Hendra menyapa guru."
    assert full_name(body, "Hendra") == "Hendra Wiratama"


def test_naming_ordinary_word_opening_a_line_is_not_part_of_the_name() -> None:
    body = ("Harapan Marquez\n\nMarc Marquez tampil di Sepang.\n\n"
            "\"Saya siap untuk balapan ini,\" kata Marquez.")
    [q] = _quotes(body)
    assert q.speaker == "Marc Marquez"


def test_naming_titles_are_not_part_of_the_speaker() -> None:
    assert strip_titles("Gov. Dana Whitfield") == "Dana Whitfield"
    assert strip_titles("Bupati Rani Kusuma") == "Rani Kusuma"
    assert strip_titles("Presiden") == "Presiden"  # a title alone stays what it is


def test_naming_nickname_defined_by_the_article_is_the_person() -> None:
    body = ("Pelatih tim nasional Rudianto Harjasaputra (RH) memimpin latihan pada Rabu.\n\n"
            "\"Pemain harus siap sejak menit pertama,\" kata RH.")
    [q] = _quotes(body)
    assert (q.speaker, q.speaker_mention) == ("Rudianto Harjasaputra", "RH")


def test_naming_akrab_disapa_names_the_person_before_the_quotation() -> None:
    body = ("Wali Kota Pranoto Widjajakusuma meresmikan taman kota.\n\n"
            "\"Taman ini untuk semua warga tanpa kecuali,\" kata pria yang akrab disapa Toto itu.\n\n"
            "Toto juga menyebut taman itu akan dibuka setiap hari.")
    quotes = _quotes(body)
    assert [q.speaker for q in quotes] == ["Pranoto Widjajakusuma"] * 2


def test_naming_acronym_takes_the_full_organisation_name() -> None:
    body = ("Badan Meteorologi Klimatologi dan Geofisika (BMKG) memperingatkan hujan lebat.\n\n"
            "BMKG menyatakan bahwa cuaca ekstrem akan berlangsung hingga akhir pekan.")
    reported = [q for q in _quotes(body) if q.kind == "indirect"]
    assert reported[-1].speaker == "Badan Meteorologi Klimatologi dan Geofisika"


def test_naming_english_possessive_and_title_dropped() -> None:
    body = ("State Sen. Laura Finnegan’s office released a statement on Monday.\n\n"
            "“We will review every contract,” Finnegan said.")
    [q] = _quotes(body, "en")
    assert q.speaker == "Laura Finnegan"


def test_naming_initials_stand_for_the_one_person_with_them() -> None:
    body = ("Pelatih Rudi Darmaputra memimpin latihan di Bandung.\n\n"
            "\"Kami siap menghadapi siapa pun,\" terang RD kepada wartawan.")
    [q] = _quotes(body)
    assert (q.speaker, q.speaker_mention) == ("Rudi Darmaputra", "RD")


def test_body_written_alone_before_is_not_part_of_the_person_name() -> None:
    body = ("Lintasel membuka kantor di Jakarta. Lintasel juga menawarkan layanan video.\n\n"
            "CEO Lintasel Mathieu Delorme mengatakan pasar ini penting. Delorme tiba kemarin.")
    assert naming.unglued(body, "Lintasel Mathieu Delorme") == "Mathieu Delorme"
    # a given name written alone only after the full name stays: "Gatot S. Dewa Broto … Gatot"
    later = "Sesmenpora Gatot S. Dewa Broto hadir. Gatot berkata singkat."
    assert naming.unglued(later, "Gatot S. Dewa Broto") == "Gatot S. Dewa Broto"


def test_running_ticket_is_its_first_name_when_both_are_written_alone() -> None:
    body = "Pasangan Anwar - Sutan menang. Anwar berbicara, lalu Sutan menyusul."
    assert naming.unglued(body, "Anwar - Sutan") == "Anwar"
    korean = "Aktor Lee Jung - Jin datang. Jung - Jin senang."
    assert naming.unglued(korean, "Lee Jung - Jin") == "Lee Jung - Jin"


def test_body_before_a_person_called_by_family_name_is_dropped() -> None:
    body = ("Direktur Olahraga Lumora Paolo Ferretti menegaskan timnya tidak menyesal. Lumora "
            "memilih pebalap itu. \"Kami ambisius,\" kata Ferretti. Lumora menang.")
    assert naming.unglued(body, "Lumora Paolo Ferretti") == "Paolo Ferretti"


def test_full_name_taken_for_a_place_is_the_person() -> None:
    from kliping.model import Entity
    body = "Lia Marven menang. Marven tertawa."
    mentions = [Entity("Lia Marven", 0, 10, "PLACE", "Lia Marven"), Entity("Marven", 19, 25, "PERSON", "Marven")]
    person_mentions.complete(body, mentions)
    assert [(m.label, m.canonical) for m in mentions] == [("PERSON", "Lia Marven"), ("PERSON", "Lia Marven")]
