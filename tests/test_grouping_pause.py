"""Grouping: a story quiet for a year has ended; only an article naming one of its days joins it after that.

Made-up articles (no real text). A regent opens a dam and the first reports follow within days. Two years
later the same regent, in the same regency, opens a market: the recurring names match the old story well
enough to pass the bar for a pause of months, but it is another happening and starts a story of its own. A
report that the dam has cracked, two years on as well, names the day the dam was opened: that places it in
the dam's story however late it comes.
"""

from __future__ import annotations

from conftest import made_up_article

from kliping.corpus.stories import StoryIndex

FIRST = ("Bupati Lembah Ranu Resmikan Bendungan Kali Sempor",
         "Lembah Ranu - Bupati Lembah Ranu, Wiratmo Sasongko, meresmikan Bendungan Kali Sempor di Kecamatan "
         "Watu Ireng, Senin (7/3/2022). Bendungan senilai Rp 420 miliar itu akan mengairi 3.000 hektare sawah. "
         "\"Petani tidak perlu lagi menunggu hujan,\" kata Wiratmo.", "2022-03-07")
SECOND = ("Warga Watu Ireng Sambut Bendungan Kali Sempor",
          "Lembah Ranu - Petani di Kecamatan Watu Ireng menyambut beroperasinya Bendungan Kali Sempor yang "
          "diresmikan Bupati Wiratmo Sasongko. Ketua kelompok tani, Sumarni, berharap sawah bisa ditanami dua "
          "kali setahun.", "2022-03-09")
# Two years on: the same regent and regency, another happening.
LATER = ("Bupati Lembah Ranu Wiratmo Sasongko Resmikan Pasar Watu Ireng",
         "Lembah Ranu - Bupati Lembah Ranu, Wiratmo Sasongko, meresmikan Pasar Watu Ireng yang baru dibangun, "
         "Rabu (13/3/2024). Wiratmo mengatakan pedagang lama mendapat kios tanpa biaya sewa selama setahun.",
         "2024-03-13")
# Two years on too, but about the dam, naming the day it was opened.
FOLLOW_UP = ("Bendungan Kali Sempor Retak, Warga Watu Ireng Khawatir",
             "Lembah Ranu - Retakan sepanjang dua meter muncul di tubuh Bendungan Kali Sempor yang diresmikan "
             "pada Senin (7/3/2022). Dinas Pekerjaan Umum Lembah Ranu memeriksa bendungan dan meminta warga "
             "Watu Ireng tetap tenang.", "2024-03-20")


def _stories(*reports: tuple[str, str, str]) -> list[list[str]]:
    index = StoryIndex()
    for n, report in enumerate(reports, 1):
        index.add(made_up_article(f"dw-{n}", *report))
    return index.stories()


def test_the_first_reports_are_one_story() -> None:
    assert _stories(FIRST, SECOND) == [["dw-1", "dw-2"]]


def test_the_same_names_two_years_later_start_a_new_story() -> None:
    assert _stories(FIRST, SECOND, LATER) == [["dw-1", "dw-2"], ["dw-3"]]


def test_a_follow_up_naming_the_story_s_day_joins_after_two_years() -> None:
    assert _stories(FIRST, SECOND, LATER, FOLLOW_UP) == [["dw-1", "dw-2", "dw-4"], ["dw-3"]]
