"""Speakers and quotations of shapes fresh real pages showed (regional Indonesian outlets, wire copy):
"another fisherman" followed by his name, a person introduced by age whose appositive names places,
and quotation marks typed the typewriter's way. Short texts of our own, fictional people."""

from __future__ import annotations

from chain_probe import quotes_of, said

from kliping.clean import clean
from kliping.model import RawDocument


def test_another_one_of_a_kind_followed_by_a_name_is_that_person() -> None:
    body = ("Petani lain Suryanto juga menuturkan, harga pupuk di kios desa naik dua kali lipat sejak Senin.\n\n"
            "“Pembeli jadi berkurang,” ujarnya.")
    assert said(body, "harga pupuk", "id").speaker == "Suryanto"
    assert said(body, "Pembeli jadi", "id").speaker == "Suryanto"


def test_one_of_a_kind_close_to_someone_stays_no_one() -> None:
    # the person after "sumber terdekat" is whom the source is close to, not who speaks
    body = "Sumber terdekat Suryanto mengatakan, rencana itu sudah dibatalkan sejak pekan lalu."
    assert said(body, "rencana itu", "id").speaker is None


def test_a_person_introduced_by_age_speaks_past_the_places_of_their_appositive() -> None:
    body = ("Wiryanto, 45, pedagang asal Desa Sukamaju, Kecamatan Cempaka, Kabupaten Sukaraja, Senin (3/4) "
            "menuturkan pasokan bawang dari luar daerah terlambat.")
    assert said(body, "pasokan bawang", "id").speaker == "Wiryanto"


def test_typewriter_quotation_marks_are_quotation_marks() -> None:
    text = ("Storm nears the coast\n\n"
            "``Keep away from the harbour wall until Thursday,'' forecaster Ana Cruz said on Monday.\n\n"
            "\"\"We are moving families to the schools tonight,\"\" the mayor, Tomas Reyes, said.")
    cleaned = clean(RawDocument(source="t.txt", id="t", text=text, format="text", language="en"))
    quotes = {q.text: q.speaker for q in quotes_of(cleaned.body, "en") if q.kind == "direct"}
    assert quotes == {"Keep away from the harbour wall until Thursday": "Ana Cruz",
                      "We are moving families to the schools tonight": "Tomas Reyes"}


def test_an_outlet_in_the_dateline_is_no_one_a_pronoun_could_stand_for() -> None:
    body = ("TANJUNGPINANG, Deltabatam.co.id – Kepala Dinas Pendidikan Tanjungpinang Rusdianto menyatakan 14 sekolah "
            "rusak diterjang angin kencang pekan ini.\n\n"
            "Menurutnya, perbaikan atap akan dimulai bulan depan.\n\n"
            "“Kelas dipindah ke balai desa dulu,” ujarnya, Senin (24/6/2024).")
    assert said(body, "perbaikan atap", "id").speaker == "Rusdianto"
    assert said(body, "Kelas dipindah", "id").speaker == "Rusdianto"


def test_a_person_introduced_by_age_speaks_not_the_place_after_the_last_comma() -> None:
    body = "Supriyo (55) warga Desa Tambak Oso, Kecamatan Waru mengatakan, sumur di rumahnya kering sejak Juli."
    assert said(body, "sumur di rumahnya", "id").speaker == "Supriyo"


def test_a_balinese_name_keeps_its_prefixes() -> None:
    body = ("DENPASAR – Kepala Dinas Pariwisata Provinsi Bali, I Dewa Agung Gede Wirantara menyebut kunjungan "
            "wisatawan naik sepuluh persen.\n\n“Hotel penuh sampai akhir bulan,” ujar Wirantara di Denpasar, "
            "Jumat (12/7/2024).")
    assert said(body, "kunjungan", "id").speaker == "I Dewa Agung Gede Wirantara"
    assert said(body, "Hotel penuh", "id").speaker == "I Dewa Agung Gede Wirantara"


def test_the_holder_named_after_the_unit_and_place_of_the_office_speaks() -> None:
    body = ("Kepala Dinas Perikanan Kabupaten Tangerang Syahrudin menyebut tangkapan nelayan turun sejak "
            "Agustus.\n\n“Kapal kecil tidak berani keluar,” jelas Syahrudin.")
    assert said(body, "tangkapan nelayan", "id").speaker == "Syahrudin"
    # a place that speaks as itself stays the place's body
    body = "Pemerintah Kabupaten Tangerang menyebut tangkapan nelayan turun sejak Agustus lalu."
    assert said(body, "tangkapan", "id").speaker == "Pemerintah Kabupaten Tangerang"


def test_the_place_of_a_regents_office_is_no_part_of_the_regents_name() -> None:
    # "Bupati Cempaka Slamet Riyadi … ujar Riyadi": Cempaka is the regency, never written alone as anyone
    body = ("Sukaraja - Ratusan warga dievakuasi akibat banjir.\n\n"
            "Bupati Cempaka Slamet Riyadi mengatakan bantuan sudah dikirim.\n\n"
            "\"Kami siap,\" ujar Riyadi.\n\n"
            "Bupati Sukabar Tarjodak menegaskan, pajak tidak naik.\n\n"
            "Tarjodak menambahkan, warga boleh protes.")
    assert [q.speaker for q in quotes_of(body, "id")] == ["Slamet Riyadi", "Slamet Riyadi", "Tarjodak", "Tarjodak"]


def test_a_place_span_ending_on_a_name_written_alone_holds_the_person() -> None:
    # "(Damkar) [Kota Sukaraja Sukirno]" taken whole for a place: the article writes the town and the
    # man apart too, so the place ends before the name and the man speaks
    body = ("Sukaraja - Puluhan rumah di Kota Sukaraja terendam sejak sore.\n\n"
            "\"Air mulai naik sejak sore dan warga sudah mengungsi,\" kata Kepala Dinas Pemadam Kebakaran "
            "(Damkar) Kota Sukaraja Sukirno, Senin (4/3/2024).\n\n"
            "Sukirno menambahkan, pompa air dikirim malam ini.")
    assert [q.speaker for q in quotes_of(body, "id")] == ["Sukirno", "Sukirno"]


def test_a_regency_by_its_head_word_is_never_taken_for_a_person() -> None:
    # "Wabup Cempaka" is the deputy regent's role; "Kabupaten Cempaka" stays a place, so the role
    # points at the deputy regent named in the lead
    body = ("Cempaka - Wakil Bupati (Wabup) Cempaka, dr. Slamet Riyadi mengunjungi pasar Sukamaju di "
            "Kabupaten Cempaka, Rabu (6/3/2024).\n\n"
            "Wabup Cempaka mengatakan, harga beras mulai turun.\n\n"
            "\"Pasokan dari petani sudah lancar,\" ucap Wabup.")
    assert [q.speaker for q in quotes_of(body, "id")] == ["Slamet Riyadi", "Slamet Riyadi"]


def test_a_passive_cue_a_role_after_selaku_and_a_paragraph_break_are_no_part_of_a_speaker() -> None:
    body = ("Sukaraja - Panitia lomba perahu menggelar rapat, Selasa (5/3).\n\n"
            "Ditambahkan Tarjodak, panitia sudah menyiapkan hadiah bagi para pemenang.\n\n"
            "Budi Santoso selaku ketua panitia Cempaka Festival menyatakan bahwa pendaftar terus bertambah.")
    assert [q.speaker for q in quotes_of(body, "id")] == ["Tarjodak", "Budi Santoso"]
    body = ("\"Kapal itu sudah tua dan harus diganti,\" kata petugas.\n\n"
            "Setelah itu warga kembali ke rumah masing-masing.")
    assert "\n" not in (quotes_of(body, "id")[0].speaker_mention or "")


def test_lanjutnya_and_lanjut_with_a_name_frame_a_report() -> None:
    body = ("Sukaraja - Harga ikan naik, Kamis (7/3/2024).\n\n"
            "\"Cuaca buruk membuat nelayan tidak melaut,\" ujar Budi Santoso di pelabuhan.\n\n"
            "Lanjutnya, pasokan ikan akan pulih pekan depan.\n\n"
            "Lanjut Budi, pedagang diminta tidak menimbun ikan.")
    reports = [(q.text, q.speaker) for q in quotes_of(body, "id") if q.kind == "indirect"]
    assert reports == [("pasokan ikan akan pulih pekan depan", "Budi Santoso"),
                       ("pedagang diminta tidak menimbun ikan", "Budi Santoso")]


def test_someone_unnamed_then_named_with_bernama_is_that_person() -> None:
    body = ("Sukaraja - Sebuah truk terguling di tikungan, Jumat (8/3/2024).\n\n"
            "Seorang warga bernama Tarjodak menuturkan, suara benturan terdengar keras.")
    assert [q.speaker for q in quotes_of(body, "id")] == ["Tarjodak"]
    body = "A lorry overturned on the bend on Friday.\n\nA resident named Ann Roe said the lorry was going too fast."
    assert [q.speaker for q in quotes_of(body, "en")] == ["Ann Roe"]
