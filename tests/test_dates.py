"""Date expressions: absolute, year-less and relative forms, resolved against an anchor."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import DATE_ANCHOR as ANCHOR
from conftest import date_values as values

from kliping.annotate.dates import find_dates
from kliping.model import RawDocument
from kliping.pipeline import process

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "examples" / "seeds").glob("*.txt"))
GOLD = json.loads((ROOT / "tests" / "fixtures" / "gold" / "seeds.json").read_text(encoding="utf-8"))["articles"]


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_dates_finds_seed_gold_dates_in_body(path: Path) -> None:
    article = process(
        RawDocument(
            source=str(path), id=path.stem, text=path.read_text(encoding="utf-8"), format="text", headline_first=True
        )
    )
    found = {(d.text, d.value) for d in find_dates(article.body, article.published)}
    in_body = [g for g in GOLD[path.stem]["dates"] if g["text"] in article.body]
    for gold in in_body:
        assert (gold["text"], gold["value"]) in found


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Putin mengatakan pada Rabu (13/9/2023), Rusia siap.", {"Rabu (13/9/2023)": "2023-09-13"}),
        ("Ia tiba pada 13 September 2023 pagi.", {"13 September 2023": "2023-09-13"}),
        ("Proyek dimulai Juni 2024.", {"Juni 2024": "2024-06"}),
        ("Pemilu digelar tahun 2019.", {"tahun 2019": "2019"}),
        ("Pada 2023 ada pemilu, sejak 2014 ia menjabat.", {"2023": "2023", "2014": "2014"}),
        ("Periode 2019-2024 berakhir.", {"2019": "2019", "2024": "2024"}),
        (
            "Kunjungan pada 12 September hingga 17 September 2023 itu penting.",
            {"12 September": "2023-09-12", "17 September 2023": "2023-09-17"},
        ),
        ("Kunjungan pada 12-17 September 2023 itu.", {"12": "2023-09-12", "17 September 2023": "2023-09-17"}),
        ("He said on September 13, 2023 that talks went well.", {"September 13, 2023": "2023-09-13"}),
        ("Delegates met on 13 Sept and again in mid-June.", {"13 Sept": "2023-09-13", "mid-June": "2023-06"}),
        ("Since September 13 prices rose.", {"September 13": "2023-09-13"}),
        ("Peskov berbicara pada Jumat (15/9) waktu setempat.", {"Jumat (15/9)": "2023-09-15"}),
        ("Pertemuan diadakan pada Rabu 20 September.", {"Rabu 20 September": "2023-09-20"}),
        ("Pameran dibuka 15 September.", {"15 September": "2023-09-15"}),
        ("Laga melawan Toronto (14 September) ketat.", {"14 September": "2023-09-14"}),
        ("Ia menikah pada 20 Desember.", {"20 Desember": "2022-12-20"}),  # > 2 months ahead: last year
        ("Ia pulang kemarin.", {"kemarin": "2023-09-13"}),
        ("Kemarin lusa ia menelepon.", {"Kemarin lusa": "2023-09-12"}),
        (
            "Rapat hari ini, besok libur, lusa pergi.",
            {"hari ini": "2023-09-14", "besok": "2023-09-15", "lusa": "2023-09-16"},
        ),
        ("Pekan lalu harga naik.", {"Pekan lalu": "2023-09"}),
        ("Harga naik minggu lalu.", {"minggu lalu": "2023-09"}),
        ("Bulan lalu inflasi turun.", {"Bulan lalu": "2023-08"}),
        ("Bulan ini naik, awal bulan ini stabil.", {"Bulan ini": "2023-09", "awal bulan ini": "2023-09"}),
        ("Tahun ini tumbuh, tahun lalu turun.", {"Tahun ini": "2023", "tahun lalu": "2022"}),
        ("Seperti diberitakan pada bulan April lalu.", {"bulan April lalu": "2023-04"}),
        ("Ia datang September lalu.", {"September lalu": "2022-09"}),
        ("Ia datang Senin lalu.", {"Senin lalu": "2023-09-11"}),
        ("Ia pulang Senin kemarin.", {"Senin kemarin": "2023-09-11"}),
        ("Ia bekerja pada Senin di kantor.", {"Senin": "2023-09-11"}),
        ("Video dirilis pada hari Rabu.", {"hari Rabu": "2023-09-13"}),
        ("Presiden Joko Widodo, Rabu, mengatakan ekonomi tumbuh.", {"Rabu": "2023-09-13"}),
        ("Rapat berlangsung Kamis malam.", {"Kamis malam": "2023-09-14"}),
        ("Laga digelar pada Rabu mendatang.", {"Rabu mendatang": "2023-09-20"}),
        ("Dua hari lalu ia tiba.", {"Dua hari lalu": "2023-09-12"}),
        ("Ia berangkat 3 hari yang lalu.", {"3 hari yang lalu": "2023-09-11"}),
        ("Sepekan lalu ia tiba; sebulan lalu ia pergi.", {"Sepekan lalu": "2023-09", "sebulan lalu": "2023-08"}),
        ("Korban selamat dari tsunami 19 tahun silam.", {"19 tahun silam": "2004"}),
        ("He arrived yesterday.", {"yesterday": "2023-09-13"}),
        ("He left last Monday and spoke on Monday.", {"last Monday": "2023-09-11", "Monday": "2023-09-11"}),
        ("The summit was held on Wednesday.", {"Wednesday": "2023-09-13"}),
        ("Sales fell last month.", {"last month": "2023-08"}),
        ("Output rose this year.", {"this year": "2023"}),
        ("He left two days ago.", {"two days ago": "2023-09-12"}),
        ("Talks took place last week.", {"last week": "2023-09"}),
    ],
)
def test_dates_normalises_form(sentence: str, expected: dict[str, str]) -> None:
    assert values(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Abbreviated months with their dot, "Month of year", a year-first date.
        ("The vote was on Nov. 5 and the recount on Aug. 10.", {"Nov. 5": "2023-11-05", "Aug. 10": "2023-08-10"}),
        ("The will was drafted in October of 2006.", {"October of 2006": "2006-10"}),
        ("Pentas perdana 2018.04.05 di Seoul.", {"2018.04.05": "2018-04-05"}),
        # Bare years used as dates: after a lowercase word, a possessive, a season, "fiscal", or as a term in brackets.
        ("Harga naik setelah 2015 dan turun sepanjang 2022.", {"2015": "2015", "2022": "2022"}),
        ("Anggaran jalan 2017 naik; a 2018 survey agreed.", {"2017": "2017", "2018": "2018"}),
        ("Funding lasts until at least 2025, maybe even 2028.", {"2025": "2025", "2028": "2028"}),
        (
            "Sales for fiscal 2019 beat forecasts; deliveries start in summer 2024.",
            {"fiscal 2019": "2019", "summer 2024": "2024"},
        ),
        ("He gave to Holcomb's 2016 campaign.", {"2016": "2016"}),
        ("Presiden pertama menjabat (1945 - 1967).", {"1945": "1945", "1967": "1967"}),
        # Weekdays after a verb or noun, and in the possessive.
        ("Police arrested two men Tuesday after Monday's raid.", {"Tuesday": "2023-09-12", "Monday": "2023-09-11"}),
        ("Pelatih itu absen dalam laga Sabtu malam lalu.", {"Sabtu malam lalu": "2023-09-09"}),
        # A month with its year in words.
        (
            "Album dirilis September tahun lalu; yang baru keluar Mei tahun ini.",
            {"September tahun lalu": "2022-09", "Mei tahun ini": "2023-05"},
        ),
        ("Prices fell in May last year and rose this March.", {"May last year": "2022-05", "this March": "2023-03"}),
        ("Penjualan dimulai akhir September ini.", {"akhir September ini": "2023-09"}),
        # Earlier today, last night, this weekend.
        (
            "Rapat tadi malam ramai, pertemuan siang tadi sepi, dan kemarin sore hujan.",
            {"tadi malam": "2023-09-13", "siang tadi": "2023-09-14", "kemarin sore": "2023-09-13"},
        ),
        ("Malam tadi listrik padam.", {"Malam tadi": "2023-09-13"}),
        (
            "He was sacked last night; fans protest this weekend.",
            {"last night": "2023-09-13", "this weekend": "2023-09"},
        ),
        # Counted from the date the sentence gives, not from the anchor.
        (
            "Pada Juli 2023 ekspor naik dibanding bulan sebelumnya.",
            {"Juli 2023": "2023-07", "bulan sebelumnya": "2023-06"},
        ),
        ("They met in August 2016. The next year, they split.", {"August 2016": "2016-08", "The next year": "2017"}),
        # Future words make a year-less date or a weekday the next one; "lalu" and "kemarin" after a date the last one.
        ("The team will play on Saturday.", {"Saturday": "2023-09-16"}),
        ("Konser akan digelar 20 Desember.", {"20 Desember": "2023-12-20"}),
        ("The licence is set to expire in February.", {"February": "2024-02"}),
        ("Festival digelar lagi pada 1 Mei mendatang.", {"1 Mei": "2024-05-01"}),
        ("Ia datang 10 Oktober lalu.", {"10 Oktober": "2022-10-10"}),
        ("Di tanggal 10 September kemarin, mobil baru diluncurkan.", {"10 September": "2023-09-10"}),
    ],
)
def test_dates_normalises_news_form(sentence: str, expected: dict[str, str]) -> None:
    assert values(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Ia tampil di Piala Dunia 2018, di Liga 1 2017 dan pada musim 2017/2018.",
        "Aturan itu ada dalam UU Nomor 12 Tahun 2011.",
        "Layarnya beresolusi 1080 x 1920 piksel.",
        "Toko buka lebih pagi saat Black Friday.",
        "Kelas diadakan setiap hari Jumat dan tiap Senin.",
        "Pada era 2010 - an ponsel makin pintar.",
        "The 2020 Audi e-tron is new.",
    ],
)
def test_dates_ignores_years_and_weekdays_in_names(sentence: str) -> None:
    assert values(sentence) == {}


def test_dates_full_date_found_without_publication_date() -> None:
    assert values("JAKARTA--Kamis (9/3/2023), polisi menangkap pelaku.", None) == {"Kamis (9/3/2023)": "2023-03-09"}


def test_dates_yearless_weekday_takes_a_year_of_the_article_that_makes_it_true() -> None:
    # No publication date; the latest full date is 2010, but 14 August is a Wednesday in 2019, a year the text gives.
    text = "Ia lulus pada 22 Mei 2010. Sejak 2019 ia bekerja. Rabu (14/8) ia dipromosikan."
    assert values(text, None)["Rabu (14/8)"] == "2019-08-14"


def test_dates_contradicting_weekday_is_kept_and_reported() -> None:
    # 8 July 2017 is a Saturday, not a Thursday: keep what is written, never move it to a far year, and say so.
    text = "Ia tiba Kamis (8/7/2017) dan pulang Kamis (8/7)."
    assert values(text, "2017-06-09") == {"Kamis (8/7/2017)": "2017-07-08", "Kamis (8/7)": "2017-07-08"}
    assert [(d.text, d.conflict) for d in find_dates(text, "2017-06-09")] == [
        ("Kamis (8/7/2017)", "weekday"),
        ("Kamis (8/7)", "weekday"),
    ]
    assert [d.conflict for d in find_dates("Ia tiba Rabu (13/9/2023).", ANCHOR)] == [None]


def test_dates_week_across_two_months_is_in_the_month_of_most_of_its_days() -> None:
    # Anchor Tue 2017-03-28: this week runs 27 March – 2 April, five days of it in March.
    assert values("Ia tampil buruk pekan ini.", "2017-03-28") == {"pekan ini": "2017-03"}
    # Anchor Fri 2017-06-09: last week ran 29 May – 4 June, four days of it in June.
    assert values("Pekan lalu ia tampil buruk.", "2017-06-09") == {"Pekan lalu": "2017-06"}
    # Across a new year: 28 December 2020 – 3 January 2021 is December's week.
    assert values("Ia tampil buruk pekan ini.", "2021-01-01") == {"pekan ini": "2020-12"}


def test_dates_weekday_picks_the_year_that_makes_it_true() -> None:
    # 3 January 2024 is a Wednesday; 3 January 2023 a Tuesday.
    assert values("Rapat pada Rabu (3/1) dibuka.", "2023-12-28") == {"Rabu (3/1)": "2024-01-03"}
    # 16 November 2023 would be two months ahead and a Thursday; 16 November 2022 was a Wednesday.
    assert values("Ia datang Rabu (16/11).", "2023-09-20") == {"Rabu (16/11)": "2022-11-16"}


def test_dates_recent_day_with_a_wrong_weekday_is_a_conflict_not_a_year_ago() -> None:
    # 15 September 2023, five days before publication, was a Friday; 15 September 2022 a Thursday. A writer means last
    # week and slipped on the weekday (or the day), not a year ago: keep the date as written and say so.
    found = find_dates("Ia datang Kamis (15/9).", "2023-09-20")
    assert [(d.text, d.value, d.conflict) for d in found] == [("Kamis (15/9)", "2023-09-15", "weekday")]


def test_dates_wrong_weekday_does_not_move_date_a_year_ahead() -> None:
    assert values("Konser pada Minggu (20/1).", "2018-01-23") == {"Minggu (20/1)": "2018-01-20"}


def test_dates_anchor_from_latest_full_date_in_text() -> None:
    text = "Seperti dilansir Reuters, Sabtu (16/9/2023), Kim tiba pada Rabu (13/9) dan pulang kemarin."
    assert values(text, None) == {
        "Sabtu (16/9/2023)": "2023-09-16",
        "Rabu (13/9)": "2023-09-13",
        "kemarin": "2023-09-15",
    }


def test_dates_without_anchor_skips_relative_and_yearless() -> None:
    assert values("Ia datang kemarin, pada Rabu (13/9), sejak 2014.", None) == {"2014": "2014"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Sekitar 3/4 warga setuju dengan skor akhir 2-1.",
        "Gunakan versi 2.0.1 atau hubungi 0812-3456-7890.",
        "Harganya Rp 1.500 per kilo dan sekitar 2023 orang hadir.",
        "Ia berusia 20 tahun dan bekerja 1,5 tahun di sana.",
        "Rapat dimulai pukul 14.30 WIB.",
        "Di Inter, pria 32 tahun ini diikat kontrak.",
        "Pada tahun 1990-an ia kuliah.",
        "Kelas berlangsung setiap Senin, Rabu dan Sabtu.",
        "Upacara salat Jumat berlangsung khidmat.",
        "It may rise again.",
        "Sesuai UU Nomor 7 Tahun 2017 tentang Pemilu.",
    ],
)
def test_dates_ignores_non_dates(sentence: str) -> None:
    assert values(sentence) == {}


def test_dates_offsets_index_into_body() -> None:
    body = "JAKARTA - Kemarin, pada Jumat (15/9), dan tahun lalu.\n\nPekan lalu juga."
    found = find_dates(body, "2023-09-16")
    assert [d.text for d in found] == ["Kemarin", "Jumat (15/9)", "tahun lalu", "Pekan lalu"]
    assert all(body[d.start : d.end] == d.text for d in found)
