"""Grouping: names tell who, terms tell what happened; one name written two ways is one entity key.

Made-up articles (no real text). A regent and her disaster-agency head speak about a flood; five days later a
report on a coffee festival in another town names both of them near its end (they opened it), and nothing of the
flood: its features share the names and none of the flood's words. A follow-up on the flood that names the same
officials and the flood's own words joins it. (Keeping the festival apart by weighing names less, 0.45, was
measured and left out: StoryIndex's docstring says why.) And one name written with and without the full stop of
an initial is one entity key.
"""

from __future__ import annotations

import pytest
from conftest import made_up_article

from kliping.corpus.features import features
from kliping.corpus.stories import StoryIndex
from kliping.model import Article

FLOOD = ("Banjir Rendam Tiga Desa di Kecamatan Sukamurni",
         "Banjir setinggi satu meter merendam tiga desa di Kecamatan Sukamurni, Kabupaten Talang Jaya, Senin "
         "(4/3/2024). Bupati Talang Jaya, Lestiani Marbun, mengatakan 420 rumah terendam dan warga mengungsi ke balai "
         "desa. Kepala BPBD Talang Jaya, Hasudungan Sirait, menyebut tanggul Sungai Cibarengkok jebol setelah hujan "
         "deras semalaman.", "2024-03-04")
FOLLOW_UP = ("Banjir Surut, Warga Sukamurni Mulai Tinggalkan Pengungsian",
             "Banjir yang merendam tiga desa di Kecamatan Sukamurni mulai surut, Rabu (6/3/2024). Kepala BPBD Talang "
             "Jaya, Hasudungan Sirait, mengatakan sebagian warga kembali membersihkan rumah dari lumpur. Petugas masih "
             "menambal tanggul Sungai Cibarengkok dengan karung pasir.", "2024-03-06")
FESTIVAL = ("Festival Kopi Robusta Ramaikan Alun-alun Kota Pinang",
            "Ratusan pengunjung memadati Festival Kopi Robusta di alun-alun Kota Pinang, Sabtu (9/3/2024). Panitia "
            "menghadirkan empat puluh kedai dari lereng gunung di selatan kota yang menyajikan seduhan manual, lomba "
            "sangrai, dan kelas mencicipi kopi bagi pelajar. Ketua panitia mengatakan pameran tahun ini menargetkan "
            "transaksi dua miliar rupiah. Petani dari desa sekitar membawa biji petik merah hasil panen bulan lalu, "
            "sementara barista muda berlomba meracik minuman dengan gula aren. Musik keroncong mengiringi acara hingga "
            "malam, dan pedagang makanan tradisional berjajar di sepanjang trotoar. Pengunjung asal luar kota juga "
            "mengikuti tur kebun yang diberangkatkan setiap pagi. Di panggung utama, juri menilai aroma, keasaman, "
            "dan kekentalan seduhan, lalu mengumumkan pemenang menjelang tengah malam.\n\n"
            "Festival itu dibuka oleh Bupati Talang Jaya, Lestiani Marbun, didampingi Hasudungan Sirait. Lestiani "
            "Marbun berjanji menggelar festival serupa tahun depan.", "2024-03-09")


@pytest.fixture(scope="module")
def reports() -> dict[str, Article]:
    return {"flood": made_up_article("tb-1", *FLOOD), "follow_up": made_up_article("tb-2", *FOLLOW_UP),
            "festival": made_up_article("tb-3", *FESTIVAL)}


def _stories(*articles: Article) -> list[list[str]]:
    index = StoryIndex()
    for article in articles:
        index.add(article)
    return index.stories()


def test_the_festival_shares_the_officials_and_no_flood_words(reports: dict[str, Article]) -> None:
    flood, festival = features(reports["flood"]), features(reports["festival"])
    assert {"lestiani marbun", "hasudungan sirait", "talang jaya"} <= flood.entities.keys() & festival.entities.keys()
    assert not {"banjir", "sukamurni", "tanggul"} & festival.terms.keys()


def test_a_follow_up_on_the_flood_still_joins(reports: dict[str, Article]) -> None:
    # The follow-up joins the flood; the festival, which shares its officials, is not asked of the weights
    # here: at entity weight 0.50 names alone carry it over (StoryIndex's docstring says why 0.50 stays).
    assert ["tb-1", "tb-2"] in [s[:2] for s in _stories(reports["flood"], reports["follow_up"], reports["festival"])]


def test_a_name_with_and_without_an_initial_s_full_stop_is_one_entity() -> None:
    dotted = made_up_article("tb-4", "Jaksa Periksa Hendra S. Wibisono",
                             "Jaksa memeriksa Hendra S. Wibisono, mantan bendahara Koperasi Tirta Makmur, di Kejaksaan "
                             "Negeri Sungai Lebar, Selasa (2/4/2024). Hendra S. Wibisono diperiksa enam jam.",
                             "2024-04-02")
    plain = made_up_article("tb-5", "Hendra S Wibisono Ditahan",
                            "Kejaksaan Negeri Sungai Lebar menahan Hendra S Wibisono, mantan bendahara Koperasi Tirta "
                            "Makmur, Kamis (4/4/2024). Hendra S Wibisono ditahan selama 20 hari.", "2024-04-04")
    assert "hendra s wibisono" in features(dotted).entities
    assert "hendra s wibisono" in features(plain).entities
