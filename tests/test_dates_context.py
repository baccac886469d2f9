"""Dates whose year or reading the article itself settles: a year stated earlier, a name, a list, a style rule."""

from __future__ import annotations

import pytest
from conftest import DATE_ANCHOR as ANCHOR
from conftest import date_values as values

from kliping.annotate.dates import find_dates


def test_yearless_date_repeating_a_written_one_takes_its_year() -> None:
    # The year is written once and dropped after: without it both would be this September.
    text = "Banjir 9 September 2001 menewaskan puluhan orang. Warga masih mengenang Banjir 9 September itu."
    assert [d.value for d in find_dates(text, ANCHOR)] == ["2001-09-09", "2001-09-09"]
    # Written later: the year-less first mention is still that day.
    text = "Hari ini, 9 September, kota itu berduka. Banjir 9 September 2001 menewaskan puluhan orang."
    assert values(text)["9 September"] == "2001-09-09"


def test_yearless_date_takes_the_year_of_the_last_date_in_its_month() -> None:
    text = "Rapat digelar sehari sebelum 12 Agustus 1998. Pada 3 Agustus para menteri sudah bertemu."
    assert values(text)["3 Agustus"] == "1998-08-03"


def test_month_name_after_a_date_in_that_month_takes_its_year() -> None:
    # 1 June is ahead of the anchor, so next year's; the bare "Juni" after it is the same June, not last June.
    text = "Pentas ditunda ke 1 Juni mendatang. Tiket lama berlaku di pentas pada Juni."
    assert values(text) == {"1 Juni": "2024-06-01", "Juni": "2024-06"}


def test_year_stated_earlier_in_the_sentence_dates_a_yearless_one() -> None:
    # Without "tahun ini", a November more than two months ahead would be last year's.
    assert values("Petani berharap musim tahun ini normal agar panen puncak jatuh pada akhir November.") == {
        "tahun ini": "2023",
        "akhir November": "2023-11",
    }
    text = "The issue dogged her 2016 campaign after she fainted at a December 9 rally."
    assert values(text)["December 9"] == "2016-12-09"
    # Only its own sentence: a year in the one before says nothing of it.
    assert values("Sales fell in 2016. The board met on December 9.")["December 9"] == "2022-12-09"


def test_direction_word_outranks_a_year_said_before() -> None:
    text = "Ia menjabat sejak 2019 dan akan mundur pada 20 Desember."
    assert values(text)["20 Desember"] == "2023-12-20"


def test_last_weekday_is_never_yesterday() -> None:
    # Said on a Wednesday, "last Tuesday" is the week before's (yesterday would be "yesterday" or "Tuesday").
    assert values("Users signed up last Tuesday.", "2023-09-13") == {"last Tuesday": "2023-09-05"}
    assert values("He left last Monday.") == {"last Monday": "2023-09-11"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Experts told USA TODAY that the rules changed.",
        "The singer told USA Today about the tour.",
        "Ia tampil di acara Today bersama pembawa acara lain.",
    ],
)
def test_today_inside_a_sentence_is_a_name(sentence: str) -> None:
    assert values(sentence) == {}


def test_today_at_a_sentence_start_is_the_day() -> None:
    text = "Shares rose. Today, traders expect more.\n\nToday only, prices are cut; stocks are cheap today."
    assert [(d.text, d.value) for d in find_dates(text, ANCHOR)] == [("Today", "2023-09-14")] * 2 + [
        ("today", "2023-09-14")
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Putusan itu bertentangan dengan Undang-Undang Dasar Negara Republik Indonesia Tahun 1945 kata hakim.",
        "Ia bermain buruk pada 2015/2016 dan membaik sesudahnya.",
        "Cuti bersama jatuh pada 23, 26 dan 27 Juni (Jumat, Senin, dan Selasa).",
    ],
)
def test_titles_seasons_and_weekday_lists_are_not_dates(sentence: str) -> None:
    found = values(sentence)
    assert not {"Tahun 1945", "2015", "Jumat", "Senin", "Selasa"} & set(found)


def test_tahun_at_a_sentence_start_is_still_a_year() -> None:
    assert values("Harga naik. Tahun 2017 lalu lelang gagal.") == {"Tahun 2017": "2017"}


def test_besok_after_a_date_is_part_of_it() -> None:
    # "31 Januari besok" is the coming 31 January, not tomorrow.
    assert values("Pemesanan dibuka mulai tanggal 31 Januari besok.", "2018-01-18") == {"31 Januari": "2018-01-31"}
