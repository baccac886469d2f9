"""Indonesian speakers, round 3: bodies and the people around them. A body written with its
country or parent after it ("Ombudsman RI"), a body head the list did not know ("Kementrian", the
common spelling; "Otoritas"), an agency or company pointed back at by a noun ("agensi tersebut",
a bare "perusahaan"), a role holder after a bracketed short form or a name the recogniser missed,
the first of a list of speakers, the name in apposition after someone's lawyer, and an appositive
name followed by where the person is from. The whole chain runs (recogniser included) unless a
test says otherwise, on sentences made up for these tests."""

from __future__ import annotations

from chain_probe import speakers_by_text

from kliping.annotate.cues import Subject
from kliping.annotate.speakers import role_holder
from kliping.annotate.speech import subject_before
from kliping.model import Entity


def _speakers(body: str) -> dict[str, str | None]:
    return speakers_by_text(body, "id")


def test_body_with_its_country_or_parent_after_it_speaks_as_written() -> None:
    body = ("Pada Selasa lalu Ombudsman RI menyatakan bahwa antrean di kantor itu terlalu panjang.\n\n"
            "Korlantas Polri mengatakan bahwa jalur mudik akan ditutup sementara.")
    speakers = _speakers(body)
    assert speakers["antrean di kantor itu terlalu panjang"] == "Ombudsman RI"
    assert speakers["jalur mudik akan ditutup sementara"] == "Korlantas Polri"


def test_common_spelling_and_authority_head_a_body() -> None:
    body = ("Pabrik itu dituding Kementrian Tenaga Kerja memaksa karyawannya lembur tanpa upah.\n\n"
            "Otoritas Palestina menyebut ratusan tahanan menolak makan sejak pekan lalu.")
    speakers = _speakers(body)
    assert "Kementrian Tenaga Kerja" in speakers.values()
    assert speakers["ratusan tahanan menolak makan sejak pekan lalu"] == "Otoritas Palestina"


def test_agency_noun_points_back_at_the_agency() -> None:
    body = ("Grup vokal Lima Bintang akan tampil di Seoul pekan depan, kata PT Sinar Terang Hiburan "
            "dalam keterangannya.\n\n"
            "PT Sinar Terang Hiburan juga mengumumkan jadwal tur mereka di Asia.\n\n"
            "Sebelumnya, agensi tersebut mengatakan grup itu telah menyiapkan tiga lagu baru.")
    speakers = _speakers(body)
    assert speakers["grup itu telah menyiapkan tiga lagu baru"] == "PT Sinar Terang Hiburan"


def test_bare_body_noun_as_subject_points_back_at_the_body() -> None:
    body = ("Pihak PT Sinar Terang Hiburan selaku promotor membantah kabar pembatalan konser. "
            "PT Sinar Terang Hiburan menyebut penjualan tiket tetap berjalan.\n\n"
            "Dalam pernyataan promotor sebelumnya, harga tiket konser itu akan diumumkan bulan depan.")
    speakers = _speakers(body)
    assert speakers["harga tiket konser itu akan diumumkan bulan depan"] == "PT Sinar Terang Hiburan"


def test_role_with_short_form_in_brackets_finds_its_holder() -> None:
    body = ("Kepala Dinas Kesehatan (Kadiskes) Kota Bandar Lampung, Rina Wulandari, mengatakan bahwa stok "
            "vaksin cukup.\n\n"
            "\"Kami sudah siap melayani warga,\" kata Kadiskes.")
    assert _speakers(body)["Kami sudah siap melayani warga"] == "Rina Wulandari"


def test_role_holder_the_recogniser_missed_before_someone_named_later() -> None:
    # The entities as a recogniser that missed "Irene Putri" gives them: the role's holder is
    # still the name written right after it, not no one because someone else is named later.
    body = ("Hal ini diungkapkan jaksa Irene Putri saat membacakan tuntutan bagi terdakwa Wawan Kusuma. "
            "Dalam pertimbangannya, jaksa juga menyatakan bahwa keterangan saksi itu bertentangan.")
    wawan = body.index("Wawan")
    entities = [Entity("Wawan Kusuma", wawan, wawan + len("Wawan Kusuma"), "PERSON", "Wawan Kusuma")]
    assert role_holder(body, "jaksa", body.index("Dalam"), entities) == "Irene Putri"


def _entity(body: str, text: str, label: str) -> Entity:
    start = body.index(text)
    return Entity(text, start, start + len(text), label, text)


def test_first_of_a_list_speaks_and_an_appositive_is_no_list() -> None:
    body = "Amerika Serikat, Australia dan Jepang meminta kedua negara menahan diri."
    entities = [_entity(body, name, "PLACE") for name in ("Amerika Serikat", "Australia", "Jepang")]
    found = subject_before(body, body.index("meminta"), 0, entities)
    assert found is not None and found.entity is not None and found.entity.text == "Amerika Serikat"
    # As a recogniser that took a region's name for a person gives the entities: the name closed by
    # commas is the one speaking, not the last of a list.
    body = "Manajer Wilayah Jawa Bagian Barat, Eko Santoso, saat dikonfirmasi menjelaskan bahwa stok aman."
    entities = [_entity(body, "Jawa", "PLACE"), _entity(body, "Bagian Barat", "PERSON"),
                _entity(body, "Eko Santoso", "PERSON")]
    found = subject_before(body, body.index("menjelaskan"), 0, entities)
    assert isinstance(found, Subject) and found.entity is not None and found.entity.text == "Eko Santoso"


def test_lawyer_named_in_apposition_is_the_one_who_goes_on() -> None:
    body = ("Kuasa hukum Hendra Saputra, Ronald Siahaan, membantah kliennya pernah meminta uang kepada "
            "kontraktor. Menurutnya, uang yang disita merupakan hasil usaha keluarga yang sah.")
    speakers = _speakers(body)
    assert speakers["uang yang disita merupakan hasil usaha keluarga yang sah"] == "Ronald Siahaan"


def test_appositive_name_followed_by_where_the_person_is_from() -> None:
    body = ("Promotor konser, Sinta Marlina dari PT Gema Kreasi Nada, menyebut seluruh tiket habis dalam "
            "waktu 40 menit.")
    assert _speakers(body)["seluruh tiket habis dalam waktu 40 menit"] == "Sinta Marlina"
