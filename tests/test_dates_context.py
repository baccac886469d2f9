"""Dates whose year or reading the article itself settles: a year stated earlier, a name, a list, a style rule."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DATE_ANCHOR as ANCHOR
from conftest import date_values as values

from kliping.annotate.dates import find_dates
from kliping.annotate.entities import find_entities
from kliping.annotate.quotes import find_quotes
from kliping.model import RawDocument
from kliping.pipeline import process


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


def test_yearless_date_just_across_the_new_year_is_the_coming_one() -> None:
    # Two months' slack ahead holds across 31 December as it does inside a year.
    assert values("Pameran dibuka 15 Januari.", "2023-12-20") == {"15 Januari": "2024-01-15"}
    assert values("The electric scooter goes on sale in late January.", "2019-11-20") == {"late January": "2020-01"}
    assert values("Pameran dibuka 15 Maret.", "2023-12-20") == {"15 Maret": "2023-03-15"}


def test_verb_in_the_past_puts_a_yearless_date_behind() -> None:
    assert values("The bridge design was unveiled in January.", "2019-11-20") == {"January": "2019-01"}
    assert values("The deal was announced on December 5.", "2019-11-20") == {"December 5": "2018-12-05"}
    assert values("The summit was held on December 5.", "2019-11-20") == {"December 5": "2018-12-05"}
    # Not a backshifted "was" in reported speech, a passive still to come, nor a future word in the clause.
    assert values("He said the vote was on December 5.", "2019-11-20") == {"December 5": "2019-12-05"}
    assert values("The album, to be released in January, is new.", "2019-11-20") == {"January": "2020-01"}
    assert values("The summit is held on December 5.", "2019-11-20") == {"December 5": "2019-12-05"}
    assert values("The hearing was scheduled for December 5.", "2019-11-20") == {"December 5": "2019-12-05"}


def test_fixture_in_the_present_tense_is_to_come() -> None:
    assert values("The Harbor City Herons play Saturday against the Foxes.", "2019-11-19") == {"Saturday": "2019-11-23"}
    assert values("The flower fair opens to visitors on Friday.", "2019-11-20") == {"Friday": "2019-11-22"}
    assert values("The Herons did not play Saturday.", "2019-11-19") == {"Saturday": "2019-11-16"}


def test_fronted_date_takes_the_direction_of_the_clause_after_it() -> None:
    text = "Sebelum 30 Juni, koperasi itu akan membagikan sisa hasil usaha."
    assert values(text, "2017-04-12") == {"30 Juni": "2017-06-30"}
    assert values("Pada Sabtu, tim akan bertanding di Bandung.") == {"Sabtu": "2023-09-16"}
    # What someone says after the comma does not move the day they said it.
    assert values("Pada Senin, Bupati Arman Sulistyo mengatakan pemerintah akan menaikkan harga.") == {
        "Senin": "2023-09-11"
    }
    text = "In August, the water board announced that it would not raise fees."
    assert values(text, "2019-11-20") == {"August": "2019-08"}


def test_year_said_in_words_after_a_yearless_day_is_its_year() -> None:
    assert values("Kasus itu terjadi pada 5 November tahun lalu.") == {"5 November tahun lalu": "2022-11-05"}
    assert values("The vote was held on Nov. 5 last year.") == {"Nov. 5 last year": "2022-11-05"}
    # 5 November 2022 was a Saturday.
    found = find_dates("Kasus itu terjadi Kamis, 5 November tahun lalu.", ANCHOR)
    assert [(d.value, d.conflict) for d in found] == [("2022-11-05", "weekday")]


def test_weekday_takes_the_year_the_article_writes_the_same_day_with() -> None:
    # 14 August 2023 was a Monday; the article has written the day with its year, 2019, when it was a Wednesday.
    text = "Gempa terjadi Rabu (14/8/2019) pagi. Warga masih mengenang Rabu (14/8) itu."
    assert values(text) == {"Rabu (14/8/2019)": "2019-08-14", "Rabu (14/8)": "2019-08-14"}


def test_second_month_before_is_the_first_ones_month() -> None:
    text = (
        "Ekspor Juli 2017 naik. Ekspor ke China naik dibanding bulan sebelumnya. "
        "Ke Jepang turun dibanding bulan sebelumnya."
    )
    assert [d.value for d in find_dates(text, ANCHOR)] == ["2017-07", "2017-06", "2017-06"]


def _dates(text: str, language: str = "id") -> list:
    """The dates of ``text`` with its quotations found as the chain finds them (they date a speaker's "besok")."""
    return find_dates(text, ANCHOR, find_quotes(text, find_entities(text, language)))


def test_speakers_today_counts_from_the_day_they_spoke() -> None:
    # Published Thursday 14 September; the attribution says the words were said on Wednesday (13/9): the speaker's
    # "nanti sore" and "besok" count from that day, not from the morning the report came out.
    text = (
        '"Kami harap hasilnya keluar nanti sore," kata Rudi Hartono di Bandung, Rabu (13/9).\n\n'
        '"Laga besok pasti seru. Kami siap," ujar Dewi Lestari kepada wartawan, Rabu (13/9/2023).'
    )
    found = {d.text: d.value for d in _dates(text)}
    assert found["nanti sore"] == "2023-09-13"
    assert found["besok"] == "2023-09-14"


def test_todays_outside_a_quotation_or_without_a_dated_attribution_count_from_the_anchor() -> None:
    # The reporter's own "hari ini", and a quotation whose attribution gives no day, keep the publication date.
    text = (
        "Sidang digelar hari ini, setelah rapat Rabu (13/9).\n\n"
        '"Keputusan keluar hari ini," kata Rudi Hartono di Bandung.'
    )
    assert [d.value for d in _dates(text) if d.text == "hari ini"] == ["2023-09-14", "2023-09-14"]
    # English quotations too: a date the attribution writes is the day of the words.
    text = '"We launch tomorrow," the company said on Sept. 12, 2023.'
    assert {d.text: d.value for d in _dates(text, "en")}["tomorrow"] == "2023-09-13"
    # Without the quotations (a caller that has none) the anchor stands.
    assert {d.text: d.value for d in find_dates(text, ANCHOR)}["tomorrow"] == "2023-09-15"


def test_a_weekday_dates_a_yearless_day_by_the_years_of_the_pages_captions() -> None:
    # No publication date and no year in the body: the caption's year, where the weekday holds in it, dates "Tuesday
    # (Aug 13)" (a Tuesday in 2019), and that day anchors the year-less "Aug 3" after it.
    text = "The toll rose to 57 on Tuesday (Aug 13), officials said. The river burst its banks on Aug 3."
    assert [(d.text, d.value) for d in find_dates(text, None, page_years=[2019])] == [
        ("Tuesday (Aug 13)", "2019-08-13"),
        ("Aug 3", "2019-08-03"),
    ]
    # A year the weekday does not hold in (13 August 2021 is a Friday) is no year for it: nothing is guessed.
    assert find_dates(text, None, page_years=[2021]) == []
    # Nor without any year at all.
    assert find_dates(text, None) == []


def test_a_pages_caption_year_reaches_the_dates_of_an_article_without_publication_date(tmp_path: Path) -> None:
    page = tmp_path / "flood.txt"
    page.write_text(
        "Flood toll climbs to 57 in river town\n\n"
        "Volunteers carry sandbags along a flooded street in Riverton on Aug 10, 2019. PHOTO: EXAMPLE NEWS\n\n"
        "RIVERTON (XYZ) - The death toll from floods in Riverton rose to 57 on Tuesday (Aug 13), the authorities "
        "said, as rescuers searched collapsed homes.\n\n"
        "The river burst its banks on Aug 3 after a week of heavy rain, officials said.\n",
        encoding="utf-8",
    )
    article = process(RawDocument(source=str(page), id="flood", text=page.read_text("utf-8"), format="text",
                                  headline_first=True))
    assert article.published is None
    assert any(r.reason == "caption" for r in article.removed)
    assert [(d.text, d.value) for d in article.dates] == [("Tuesday (Aug 13)", "2019-08-13"), ("Aug 3", "2019-08-03")]
