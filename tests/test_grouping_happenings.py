"""Grouping: a disaster is told from another of its kind by the place its headlines name.

Made-up articles (no real text). Two quakes ten days apart in two regencies of one province share the governor,
the geophysics agency and the words of any quake: by names and words the second joins the first. Their
headlines name two places, so they are two stories. A follow-up that names the first quake's place with new
people and new words still joins it.
"""

from __future__ import annotations

import pytest
from conftest import made_up_article

from kliping.corpus.features import features
from kliping.corpus.happenings import happenings
from kliping.corpus.rolling import ArticleKeys, article_keys
from kliping.corpus.stories import StoryIndex
from kliping.model import Article

SUKABAR = [
    ("q1", "Gempa M 5,8 Guncang Sukabar, 12 Warga Meninggal Dunia",
     "Sukabar - Gempa bumi bermagnitudo 5,8 mengguncang Kabupaten Sukabar, Jawa Barat, Senin (4/3/2024) siang. "
     "Kepala BPBD Sukabar, Darmawan Kusnadi, mengatakan 12 warga meninggal dunia dan ratusan rumah rusak berat. "
     "Gubernur Jawa Barat Slamet Riyadi meninjau lokasi dan meminta warga tetap tenang. BMKG mencatat pusat gempa "
     "berada di darat pada kedalaman 10 kilometer.", "2024-03-04"),
    ("q2", "Korban Meninggal Gempa Sukabar Bertambah Jadi 31 Orang",
     "Sukabar - Jumlah korban meninggal akibat gempa di Kabupaten Sukabar bertambah menjadi 31 orang, Selasa "
     "(5/3/2024). Darmawan Kusnadi dari BPBD Sukabar menyebut tim gabungan masih mencari korban di bawah "
     "reruntuhan. Gubernur Slamet Riyadi menyatakan status tanggap darurat selama 14 hari.", "2024-03-05"),
]
CEMPAKA = [
    ("q3", "Gempa M 6,1 Guncang Cempaka Raya, Puluhan Rumah Rusak",
     "Cempaka Raya - Getaran kuat terasa hingga pesisir selatan Kabupaten Cempaka Raya, Kamis (14/3/2024) pagi. "
     "BMKG mencatat pusat gempa di laut pada kedalaman 90 kilometer dan tidak berpotensi tsunami. Puluhan rumah "
     "rusak ringan dan dua warga luka tertimpa genteng. Gubernur Slamet Riyadi meminta bupati mendata kerusakan.",
     "2024-03-14"),
    ("q4", "Gempa Cempaka Raya: Tiga Sekolah Rusak, Siswa Belajar di Tenda",
     "Cempaka Raya - Tiga sekolah dasar di Kabupaten Cempaka Raya rusak akibat guncangan kemarin, Jumat (15/3/2024). "
     "Kepala dinas pendidikan setempat, Hendra Wijaya, menyebut siswa sementara belajar di tenda.", "2024-03-15"),
]
# Five days on, other people and other words: what ties it to the quake is the quake's place in its headline.
FOLLOW_UP = ("q5", "Update Gempa Sukabar: Pengungsi Butuh Tenda dan Selimut",
             "Sukabar - Para pengungsi gempa di Kecamatan Sukamulya, Kabupaten Sukabar, masih tidur di bawah terpal, "
             "Sabtu (9/3/2024). Relawan Palang Merah, Rina Puspita, mengatakan kebutuhan tenda dan selimut mendesak "
             "karena hujan turun setiap malam.", "2024-03-09")


@pytest.fixture(scope="module")
def quakes() -> list[Article]:
    return [made_up_article(*row) for row in SUKABAR + CEMPAKA]


def test_two_quakes_in_two_regencies_are_two_stories(quakes: list[Article]) -> None:
    index = StoryIndex()
    for article in quakes:
        index.add(article)
    assert sorted(index.stories()) == [["q1", "q2"], ["q3", "q4"]]


def test_a_follow_up_naming_the_quakes_place_joins_it(quakes: list[Article]) -> None:
    index = StoryIndex()
    for article in quakes[:2]:
        index.add(article)
    assert index.add(made_up_article(*FOLLOW_UP)) == "s1"


def test_a_happening_is_the_kind_and_the_specific_place_the_headline_names(quakes: list[Article]) -> None:
    assert features(quakes[0]).happenings == ("quake|sukabar",)
    assert features(quakes[2]).happenings == ("quake|cempaka raya",)
    # A site's head is dropped in either language, so the headline's bare name and both spellings meet.
    indonesian = made_up_article("t1", "Tragedi Mirabel: Korban Tewas Jadi 40 Orang",
                                 "Malang Raya - Korban tewas dalam desak-desakan di Stadion Mirabel bertambah menjadi "
                                 "40 orang, Minggu (2/10/2022).", "2022-10-02")
    english = made_up_article("t2", "Death toll from Mirabel stadium crush rises to 40",
                              "MALANG RAYA, Indonesia (AP) - The death toll from a crush at Mirabel Stadium rose to "
                              "40 on Sunday, police said.", "2022-10-02")
    assert happenings(indonesian) == happenings(english) == ("stampede|mirabel",)
    # A country, its adjective or a province is where many happenings are: it names none.
    broad = made_up_article("t3", "Philippine quake toll climbs to 40",
                            "MANILA (AP) - The toll of the Philippine quake rose to 40, officials said on Tuesday.",
                            "2024-02-13")
    province = made_up_article("t4", "Gempa Guncang Jawa Barat, Warga Berhamburan",
                               "Bandung - Gempa mengguncang sejumlah wilayah Jawa Barat, Senin (4/3/2024).",
                               "2024-03-04")
    assert happenings(broad) == happenings(province) == ()
    # A kind's word inside a place's name is the name: the valley is no flood, until a flood is in the headline.
    valley = "Sukabar - {} di Lembah Banjir Raya, Kabupaten Sukabar, Senin (4/3/2024)."
    assert happenings(made_up_article("t6", "Pengelola Lembah Banjir Raya Buka Jalur Pendakian Baru",
                                      valley.format("Pengelola kawasan wisata membuka jalur pendakian baru"),
                                      "2024-03-04")) == ()
    assert happenings(made_up_article("t7", "Banjir Rendam Lembah Banjir Raya, Jalur Pendakian Ditutup",
                                      valley.format("Banjir merendam kawasan wisata"), "2024-03-04")) == (
        "flood|lembah banjir raya",)
    # No kind of disaster in the headline: no happening, whatever places it names.
    assert happenings(made_up_article("t5", "Bupati Sukabar Resmikan Pasar Baru", "Sukabar - Bupati meresmikan pasar "
                                      "di Kabupaten Sukabar, Senin (4/3/2024).", "2024-03-04")) == ()


def test_happenings_survive_the_keys_record(quakes: list[Article]) -> None:
    keys = article_keys(quakes[2])
    again = ArticleKeys.from_record(keys.id, keys.to_record(), keys.signature.tobytes())
    assert again.features == keys.features and again.features.happenings == ("quake|cempaka raya",)
    old = {k: v for k, v in keys.to_record().items() if k != "h"}  # a record written before happenings
    assert ArticleKeys.from_record(keys.id, old, keys.signature.tobytes()).features.happenings == ()


def test_a_saved_index_keeps_its_stories_happenings(quakes: list[Article]) -> None:
    index = StoryIndex()
    for article in quakes[:2]:
        index.add(article)
    again = StoryIndex.from_bytes(index.to_bytes())
    # The restored index still tells the other regency's quake apart, and still takes the follow-up.
    assert again.add(quakes[2]) == "s2"
    assert again.add(made_up_article(*FOLLOW_UP)) == "s1"
