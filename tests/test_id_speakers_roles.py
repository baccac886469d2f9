"""Indonesian speakers, round 2: a role written abbreviated after it introduced its holder in full
("Dirut" after "Direktur Utama"), a second speech verb joined by "dan" to a first verb whose object
is named ("X menghubungi Y dan meminta …"), and a body speaking by its acronym alone ("Kemendag
mengatakan …"). The whole chain runs (recogniser included), on sentences made up for these tests."""

from __future__ import annotations

from kliping.annotate.entities import find_entities
from kliping.annotate.name_words import is_body_acronym
from kliping.annotate.quotes import find_quotes
from kliping.annotate.speakers import role_holder


def _quotes(body: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in find_quotes(body, find_entities(body, "id"))]


def test_abbreviated_role_finds_the_person_introduced_in_full() -> None:
    body = ("Direktur Utama PT SKN Budi Santoso Wirawan menyebutkan kapal baru itu tiba pekan depan.\n\n"
            "Dirut SKN menyampaikan bahwa perusahaan akan menambah dua kapal lagi tahun ini.")
    speakers = dict(_quotes(body))
    assert speakers["perusahaan akan menambah dua kapal lagi tahun ini"] == "Budi Santoso Wirawan"


def test_role_in_full_finds_the_person_introduced_abbreviated() -> None:
    body = ("Kapolres Sukamaju AKBP Hendra Wijayakusuma hadir. "
            "Kemudian Kepala Kepolisian Resor Sukamaju menegaskan hal itu.")
    entities = find_entities(body, "id")
    assert role_holder(body, "Kepala Kepolisian Resor Sukamaju", body.index("Kemudian"), entities) == (
        "Hendra Wijayakusuma")
    # no role of that name or its other form: no one
    assert role_holder(body, "Kepala Dinas Sukamaju", body.index("Kemudian"), entities) is None


def test_second_verb_after_an_object_has_the_first_verbs_subject() -> None:
    body = ("Setelah rapat, Gubernur Rina Kartikasari menemui Bupati Tegalrejo Agus Salimun dan meminta "
            "pemerintah kabupaten segera membuka posko.")
    assert _quotes(body) == [("pemerintah kabupaten segera membuka posko", "Rina Kartikasari")]
    body = ("Mendengar kabar itu, lewat telepon Suryo Hadiprawiro menghubungi Pangdam Wirabuana dan Cendrawasih "
            "dan meminta kedua Kodam itu mengirim pasukan.")
    assert [s for _, s in _quotes(body)] == ["Suryo Hadiprawiro"]


def test_joined_subjects_still_speak_together() -> None:
    # "dan" between the subjects, not between two verbs: the first subject speaks, as before
    body = "Jepang dan Kanada mengatakan bahwa kesepakatan dagang itu akan diteken bulan depan."
    assert [s for _, s in _quotes(body)] == ["Jepang"]


def test_body_acronym_alone_speaks() -> None:
    body = ("Harga gula di pasar tradisional naik dua kali lipat. Sebelumnya, Kemendag mengatakan "
            "harga gula akan turun pekan depan.")
    assert [s for _, s in _quotes(body)] == ["Kemendag"]
    assert is_body_acronym("Kemendag") and is_body_acronym("Dinkes") and is_body_acronym("BRIN")
    assert not is_body_acronym("Kemen") and not is_body_acronym("RI") and not is_body_acronym("Keluarga")


def test_a_kind_of_body_named_by_acronym_is_no_one() -> None:
    body = "Anggaran desa dipangkas tahun ini. Sejumlah LSM kini menilai pemangkasan itu merugikan warga."
    assert [s for _, s in _quotes(body)] == [None]


def test_a_police_units_head_is_the_person_named_after_the_comma() -> None:
    # "Kanit Laka Satlantas": the head of a unit (resources/body_acronyms.txt), a role, not a name
    body = ("“Korban meninggal di lokasi kejadian,” ungkap Kanit Laka Satlantas Polres Sukamaju, "
            "Ipda Eko Prasetyo dalam keterangannya.\n\n"
            "Ia menerangkan, truk itu masuk ke jalur kanan karena sopir diduga mengantuk.")
    speakers = dict(_quotes(body))
    assert speakers["Korban meninggal di lokasi kejadian"] == "Eko Prasetyo"
    assert speakers["truk itu masuk ke jalur kanan karena sopir diduga mengantuk"] == "Eko Prasetyo"
    assert is_body_acronym("Satlantas") and is_body_acronym("Laka")


def test_a_place_running_on_over_a_rank_into_a_name_is_cut_at_the_rank() -> None:
    body = ("Kapolsek Sukamaju Barat AKP Sopian tak menampik insiden itu. Dia mengatakan Marten "
            "ditikam pada Rabu (27/12) hingga meninggal dunia.")
    people = [e.canonical for e in find_entities(body, "id") if e.label == "PERSON"]
    assert "Sopian" in people
    assert dict(_quotes(body))["Marten ditikam pada Rabu (27/12) hingga meninggal dunia"] == "Sopian"


def test_a_place_after_an_acronym_and_di_is_where_the_speaker_is_not_the_speaker() -> None:
    body = ("Maria (38) salah satu pedagang di PD Pasar Jaya Pasar Sukamaju, Jakarta Selatan, mengatakan "
            "harga beras medium naik sebesar Rp 30 ribu per bal.")
    assert dict(_quotes(body))["harga beras medium naik sebesar Rp 30 ribu per bal"] == "Maria"


def test_a_person_then_an_epithet_naming_another_speaks_not_the_other() -> None:
    body = ("Sementara itu, Angga Pratama suami sekaligus manajer Dewi Lestari mengatakan, Dewi sudah "
            "mengetahui statusnya sebagai tersangka.")
    assert dict(_quotes(body))["Dewi sudah mengetahui statusnya sebagai tersangka"] == "Angga Pratama"


def test_a_name_before_an_age_in_brackets_is_a_person() -> None:
    body = ("Lebih lanjut Jumadi berharap agar pabrik tidak membuang limbah ke sungai. Warga lain, "
            "Wasini (52) saat dihubungi juga senada dengan apa yang dikatakan Jumadi. Menurutnya, "
            "sungai tersebut mengeluarkan bau tidak sedap sejak pabrik berdiri. Pada Kamis (14) warga protes.")
    people = [e.canonical for e in find_entities(body, "id") if e.label == "PERSON"]
    assert "Wasini" in people and "Kamis" not in people
    assert dict(_quotes(body))["sungai tersebut mengeluarkan bau tidak sedap sejak pabrik berdiri"] == "Wasini"


def test_a_name_before_an_age_between_commas_is_a_person() -> None:
    body = ("Pedagang lain, Tarjodak, 39, menyebut lapaknya sepi pembeli sejak pasar dipindah. "
            "“Sehari paling laku dua karung,” ujarnya.")
    people = [e.canonical for e in find_entities(body, "id") if e.label == "PERSON"]
    assert "Tarjodak" in people
    assert dict(_quotes(body))["Sehari paling laku dua karung"] == "Tarjodak"


def test_a_name_with_an_apostrophe_inside_is_whole() -> None:
    body = "“Kami akan bantu warga,” kata Ra’uf.\n\n“Pasar ditutup sementara,” kata Obuya Kerong’o."
    names = [e.canonical for e in find_entities(body, "id")]
    assert "Ra’uf" in names and "Obuya Kerong’o" in names
    # a possessive's "’s" is not part of the name
    assert [e.text for e in find_entities("Budi Santoso’s car was damaged.", "en")] == ["Budi Santoso"]


def test_a_role_whose_short_form_the_article_defines_in_brackets_finds_its_holder() -> None:
    body = ("“Berkasnya sudah lengkap,” ujar Kepala Kejaksaan Negeri (Kajari) Sukabar, Budi Hartono, "
            "di kantornya.\n\n"
            "Kajari menyebut tiga saksi akan dipanggil pekan depan.\n\n"
            "“Sidang kami mulai bulan Mei,” terang Kajari Sukabar.")
    entities = find_entities(body, "id")
    assert role_holder(body, "Kajari Sukabar", body.index("terang"), entities) == "Budi Hartono"
    speakers = dict(_quotes(body))
    assert speakers["Sidang kami mulai bulan Mei"] == "Budi Hartono"
