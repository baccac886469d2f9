"""Indonesian speakers, round 4: phrases that describe the speaker without naming them. An epithet
after the cue that names someone else ("ujar kekasih penyanyi Rina Wulan itu", a show's title quoted
inside it) points back at the person the passage is about, not at the name inside it; a noun
phrase described by a relative clause ("kabar terbaru yang beredar di Kaskus menyebutkan") speaks,
not the place or site the clause names — unless the clause gives the speaker's nickname; a plural written
by doubling ("negara-negara Asia menyatakan") is a group of a place, no one by name. The whole
chain runs (recogniser included), on sentences made up for these tests."""

from __future__ import annotations

from chain_probe import speakers_by_text


def _speakers(body: str) -> dict[str, str | None]:
    return speakers_by_text(body, "id")


def test_epithet_naming_someone_else_points_back_at_the_speaker() -> None:
    body = ("“Saya lahir dan besar di kota ini,” kata Budi Santoso kepada wartawan.\n\n"
            "“Semoga kota ini makin tertib dan warga makin nyaman,” ujar kekasih selebritas Rina Wulan itu.")
    speakers = _speakers(body)
    assert speakers["Semoga kota ini makin tertib dan warga makin nyaman"] == "Budi Santoso"


def test_epithet_with_a_quoted_title_points_back_at_the_speaker() -> None:
    # the sentence between leaves the last speaker wrong (a place): only the epithet can put it right
    body = ("“Saya sudah berlatih sejak kecil,” tutur Dewi Lestari Anggraini di Bandung.\n\n"
            "Penyanyi kelahiran Bogor, 3 Mei 1990 ini mengatakan dirinya selalu merayakan ‘Hari Batik’ "
            "dengan kain tenun.\n\n"
            "“Kami semua belajar banyak dari sutradara itu,” ungkap bintang sinetron ‘Rumah Pelangi’ ini.")
    speakers = _speakers(body)
    assert speakers["Kami semua belajar banyak dari sutradara itu"] == "Dewi Lestari Anggraini"


def test_nickname_in_an_epithet_still_names_the_speaker() -> None:
    body = ("Hendra Wijaya Kusuma membuka warung kopi di pasar itu sejak 2010.\n\n"
            "“Taman ini untuk semua warga tanpa kecuali,” kata pria yang akrab disapa Toto itu.")
    assert _speakers(body)["Taman ini untuk semua warga tanpa kecuali"] in ("Toto", "Hendra Wijaya Kusuma")


def test_phrase_a_relative_clause_describes_speaks_not_the_place_in_it() -> None:
    body = ("Harga ponsel itu belum diumumkan oleh pabrikan. Namun, kabar terbaru yang beredar di Surabaya "
            "menyebutkan bahwa ponsel itu akan dijual seharga Rp 3 juta.\n\n"
            "Sementara itu, warga yang tinggal di Cirebon mengaku air bersih sulit didapat.")
    speakers = _speakers(body)
    assert speakers["ponsel itu akan dijual seharga Rp 3 juta"] is None
    assert speakers["air bersih sulit didapat"] is None


def test_relative_clause_giving_a_nickname_names_the_speaker() -> None:
    body = ("Penari Laksmi Candrawati Utami berlatih di sanggar itu setiap sore.\n\n"
            "Perempuan yang biasa dipanggil Laksmi itu mengatakan, gerakan tari itu ia pelajari dari neneknya.")
    speaker = _speakers(body)["gerakan tari itu ia pelajari dari neneknya"]
    assert speaker is not None and "Laksmi" in speaker


def test_reduplicated_plural_before_a_place_is_no_one_by_name() -> None:
    body = ("Pemerintah pusat mengambil alih pengelolaan pelabuhan itu pekan lalu.\n\n"
            "Sebelum keputusan ini, negara-negara Asia menyatakan tidak akan ikut campur dalam sengketa itu.")
    assert _speakers(body)["tidak akan ikut campur dalam sengketa itu"] is None


def test_a_description_with_its_party_in_brackets_points_back_at_the_person() -> None:
    # the acronym in brackets is an aside of "Politikus Partai … ini", which is the person, not the party
    body = ("Sukaraja - Anggota DPRD Budi Santoso mendukung rencana itu.\n\n"
            "Politikus Partai Maju Bersama (PMB) ini mengatakan, anggaran sudah cukup.")
    assert _speakers(body) == {"anggaran sudah cukup": "Budi Santoso"}
