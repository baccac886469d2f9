"""Forms Indonesian and English news write dates in: years of works in brackets, month ranges, weeks and
weekends across two months, a sentence-initial "Minggu lalu", a relative day glossed by its date, and
vague counts and event names that are no dates."""

from __future__ import annotations

import pytest
from conftest import date_values as values

from kliping.annotate.dates import find_dates
from kliping.timestamps import find_timestamps


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A film, a book or a source dated in brackets.
        (
            "Ia dikenal lewat film Sunyi di Kota (2014) dan Laut Tenang (2019).",
            {"2014": "2014", "2019": "2019"},
        ),
        ("Menurut kajian Bank Dunia (2020), angka itu naik.", {"2020": "2020"}),
        ("He starred in The Long Road (2011).", {"2011": "2011"}),
        # A month range: the first month takes the year written after the second.
        ("Pelatihan berlangsung Maret - Mei 2022.", {"Maret": "2022-03", "Mei 2022": "2022-05"}),
        ("Musim hujan Desember hingga Februari 2021 basah.", {"Desember": "2020-12", "Februari 2021": "2021-02"}),
        ("Sales rose from May to June 2019.", {"May": "2019-05", "June 2019": "2019-06"}),
    ],
)
def test_dates_written_years(sentence: str, expected: dict[str, str]) -> None:
    assert values(sentence, "2023-09-14") == expected


def test_dates_number_spelt_out_before_brackets_is_no_year() -> None:
    assert values("Panitia menyiapkan dua ribu (2000) kursi.", "2023-09-14") == {}


def test_dates_weekend_is_its_saturday_and_sunday() -> None:
    # Anchor Tue 2023-06-27: the week (26 June – 2 July) is June's, its weekend (1–2 July) July's.
    text = "Pekan ini sibuk; akhir pekan ini libur."
    assert values(text, "2023-06-27") == {"Pekan ini": "2023-06", "akhir pekan ini": "2023-07"}
    # Anchor Tue 2016-09-06: last weekend was 3–4 September.
    assert values("Laptop itu dirilis akhir pekan lalu.", "2016-09-06") == {"akhir pekan lalu": "2016-09"}
    # 30 September and 1 October: no one month holds it.
    assert values("Fans protest this weekend.", "2023-09-27") == {"this weekend": "2023"}


def test_dates_sentence_initial_minggu_lalu_is_last_week() -> None:
    # Anchor Tue 2017-04-04: last week ran 27 March – 2 April; its Sunday was 2 April.
    assert values("Minggu lalu, harga cabai naik.", "2017-04-04") == {"Minggu lalu": "2017-03"}
    assert values('"Minggu lalu kami rapat," katanya.', "2017-04-04") == {"Minggu lalu": "2017-03"}
    # Inside a sentence the capital says Sunday, and so does a cue before it.
    assert values("Ia datang Minggu lalu.", "2017-04-04") == {"Minggu lalu": "2017-04-02"}
    assert values("Pada Minggu lalu ia datang.", "2017-04-04") == {"Minggu lalu": "2017-04-02"}


def test_dates_weekday_true_only_a_year_ahead_is_a_conflict() -> None:
    # 23 May 2017 is a Tuesday; 23 May 2018 a Wednesday, but a year after publication: keep 2017, say so.
    found = find_dates("Rapat digelar Rabu (23/5) di Jakarta.", "2017-05-24")
    assert [(d.text, d.value, d.conflict) for d in found] == [("Rabu (23/5)", "2017-05-23", "weekday")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Ia tiba di Bali hari ini, Rabu (12/7), bersama kawan.", {"Rabu (12/7)": "2017-07-12"}),
        ("Komisi besok (15 Juli 2017) akan rapat.", {"15 Juli 2017": "2017-07-15"}),
        ("Madrid kalah pada Kamis (13/7/2017) dinihari tadi.", {"Kamis (13/7/2017)": "2017-07-13"}),
        ("The consoles launch tomorrow (July 15) in 14 countries.", {"July 15": "2017-07-15"}),
    ],
)
def test_dates_relative_day_glossed_by_its_date_is_that_date(sentence: str, expected: dict[str, str]) -> None:
    # A story written before it was published keeps its "hari ini": the date written beside it says which day.
    assert values(sentence, "2017-07-14") == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Beberapa tahun lalu ia pindah ke Bandung.",
        "Rencana itu dibahas selama tiga pekan mendatang.",
        "Tentara itu diculik lima tahun sebelumnya.",
        "Pasangan itu sudah menikah selama sembilan tahun ini.",
        "Candi itu dibangun dua puluh tahun lalu oleh warga.",
        "Dana itu dipakai untuk kampanye Pilkada serentak 2018.",
    ],
)
def test_dates_vague_counts_spans_and_elections_are_no_dates(sentence: str) -> None:
    assert values(sentence, "2017-07-14") == {}


def test_dates_counted_years_ago_stay_dates() -> None:
    assert values("Dua tahun lalu ia pindah.", "2017-07-14") == {"Dua tahun lalu": "2015"}


def test_dates_a_half_or_quarter_of_this_year_is_this_year() -> None:
    assert values("Motor itu meluncur pada semester 2 tahun ini.", "2017-05-21") == {"tahun ini": "2017"}
    assert values("Laba kuartal III tahun ini naik.", "2017-05-21") == {"tahun ini": "2017"}


def test_dates_weekday_of_last_or_next_week() -> None:
    # Anchor Wed 2017-06-07: last week's Wednesday is 31 May, not today.
    assert values("Tim berlatih sejak Rabu pekan lalu.", "2017-06-07") == {"Rabu pekan lalu": "2017-05-31"}
    # Anchor Sat 2017-05-06: next week's Thursday is 11 May.
    assert values("Lagu itu dirilis pada Kamis minggu depan.", "2017-05-06") == {"Kamis minggu depan": "2017-05-11"}


def test_dates_nanti_is_later_today() -> None:
    assert values("Kami harap ada kesimpulan nanti sore.", "2017-10-20") == {"nanti sore": "2017-10-20"}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Parts of today, last night and tomorrow.
        ("Kami rapat dengan mereka siang ini.", {"siang ini": "2023-09-14"}),
        ('"Panggung ini milik kalian malam ini," kata penyanyi itu.', {"malam ini": "2023-09-14"}),
        ("Seorang pencuri kambing diringkus warga semalam.", {"semalam": "2023-09-13"}),
        ("Doa bersama diadakan di balai desa Sukamaju, semalam.", {"semalam": "2023-09-13"}),
        ("Pengumuman dilakukan esok hari di Istana.", {"esok hari": "2023-09-15"}),
        ("The show airs tonight.", {"tonight": "2023-09-14"}),
        ("Prices rose this past weekend.", {"this past weekend": "2023-09"}),
        # A weekday of this week, another time of day, a relative word that belongs to the date before it.
        ("Hasilnya diumumkan Rabu ini.", {"Rabu ini": "2023-09-13"}),
        ("Ia berbicara kepada wartawan Senin petang.", {"Senin petang": "2023-09-11"}),
        ("Kami akan bertemu pada Rabu besok.", {"Rabu": "2023-09-20"}),
        ("Tahun 2016 kemarin jembatan desa itu diperbaiki.", {"Tahun 2016": "2016"}),
        # A weekday with its date after a comma, or with a slash typed twice.
        ("Presiden batal hadir Senin malam, (11/9).", {"Senin malam, (11/9)": "2023-09-11"}),
        ("Persikas menang atas tim tamu, Sabtu (9//9).", {"Sabtu (9//9)": "2023-09-09"}),
        # Abbreviated months without their dot where no name shares them; British ordinals; American day order.
        ("Voting was held on Nov 5.", {"Nov 5": "2022-11-05"}),
        ("The plot was foiled on the 5th of November.", {"5th of November": "2022-11-05"}),
        ("The event was held on 16th September 2023.", {"16th September 2023": "2023-09-16"}),
        ("He was arrested on 11/19/2019 in Ohio.", {"11/19/2019": "2019-11-19"}),
        # Years of a quarter or a half, a year's possessive.
        ("Laba kuartal III 2023 naik; semester I 2017 turun.", {"2023": "2023", "2017": "2017"}),
        ("Revenue rose in Q3 2019.", {"2019": "2019"}),
        ("The sequel flopped; 2011’s Harbor Lights did better.", {"2011": "2011"}),
        # A week of a month, a month after "before"/"sebelum", "medio".
        ("Panen kopi dimulai pada minggu kedua April.", {"April": "2023-04"}),
        ("Talks stalled in the first week of June.", {"June": "2023-06"}),
        ("Prior to September, the ferry ran twice a day.", {"September": "2023-09"}),
        ("Harga stabil sebelum Agustus.", {"Agustus": "2023-08"}),
        ("Panen raya jatuh medio Agustus.", {"medio Agustus": "2023-08"}),
        # A day of the month by its number.
        ("Rapat digelar tanggal 17 bulan lalu.", {"17 bulan lalu": "2023-08-17"}),
        ("Rapat digelar tanggal 10 kemarin.", {"10 kemarin": "2023-09-10"}),
        ("Rapat digelar pada tanggal 5 mendatang.", {"5 mendatang": "2023-10-05"}),
    ],
)
def test_dates_more_news_forms(sentence: str, expected: dict[str, str]) -> None:
    assert values(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Mereka menginap semalam di hotel itu dan bekerja semalam suntuk.",
        "Harga naik dua kali lipat dalam semalam.",
        "Kita bekerja untuk hari esok yang lebih baik.",
        "The host returned to The Tonight Show stage.",
        "Pasar kaget buka pada hari Sabtu terakhir setiap bulan.",
        "Skor akhir 16-17/9 tidak berubah, juga pada pasal 1-2/3.",
        "He scored on Jun 5 and Mar 5 plays.",
        "Music of the 1990's was loud.",
        "Police stopped a van driven by a man of 1987 Maple Hollow Road.",
        "After May resigned, talks stalled.",
        "Tim itu menang dengan skor akhir 2019 poin.",
        "Skor akhir laga itu 21-19, 2019.",
    ],
)
def test_dates_no_date_in_these(sentence: str) -> None:
    assert values(sentence) == {}


def test_dates_ranges_of_days_with_their_weekdays() -> None:
    # the weekdays belong to the range's first end
    assert values("Festival digelar Sabtu-Minggu (16-17/9/2023).") == {
        "Sabtu-Minggu (16": "2023-09-16",
        "17/9/2023": "2023-09-17",
    }
    assert values("Festival digelar pada 30 Agustus-2 September 2023.") == {
        "30 Agustus": "2023-08-30",
        "2 September 2023": "2023-09-02",
    }
    assert values("The fair ran Sept. 16-17, 2023.") == {"Sept. 16": "2023-09-16", "17, 2023": "2023-09-17"}
    # 16 September 2023 was a Saturday: the first end's weekday is wrong, and said so.
    found = find_dates("Festival digelar Jumat-Minggu (16-17/9).", "2023-09-20")
    assert [(d.text, d.value, d.conflict) for d in found] == [
        ("Jumat-Minggu (16", "2023-09-16", "weekday"),
        ("17/9", "2023-09-17", None),
    ]


def test_dates_ranges_of_days_with_weekdays_and_the_month_name() -> None:
    # "(9-10 September" is no 9 October ("9-10" read as day-month), and "pada Sabtu" no Saturday of its own.
    assert values("Lomba digelar pada Sabtu – Minggu (9-10 September 2023) di Bogor.") == {
        "Sabtu – Minggu (9": "2023-09-09",
        "10 September 2023": "2023-09-10",
    }
    assert find_timestamps("Minggu (9-10 September 2023)") == []
    assert values("Pameran dibuka Sabtu-Minggu (16-17 September) di alun-alun.", "2023-09-20") == {
        "Sabtu-Minggu (16": "2023-09-16",
        "17 September": "2023-09-17",
    }
    # 16 September 2023 was a Saturday: the range's own weekday is wrong, not the one of a weekday before it.
    found = find_dates("Pasar malam digelar Jumat-Minggu (16-17 September 2023).", "2023-09-20")
    assert [(d.text, d.value, d.conflict) for d in found] == [
        ("Jumat-Minggu (16", "2023-09-16", "weekday"),
        ("17 September 2023", "2023-09-17", None),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A year closing a clause after a comma, or a cited source's year.
        ("Angka itu tercatat dalam survei BPS, 2014.", {"2014": "2014"}),
        ("Populasi kerbau naik tipis (Dinas Peternakan, 2016), lalu turun.", {"2016": "2016"}),
        ("Kadar garam tanah naik (Lestari dkk., 2019).", {"2019": "2019"}),
        ("The survey found more cases (Walker et al., 2015).", {"2015": "2015"}),
        ("Dana itu diselewengkan saat ia menjabat camat, 2013.", {"2013": "2013"}),
    ],
)
def test_dates_year_after_a_comma(sentence: str, expected: dict[str, str]) -> None:
    assert values(sentence, "2017-10-25") == expected


def test_dates_nanti_after_a_month_or_the_weekend_is_to_come() -> None:
    # Thursday 14 September 2023: the coming February is next year's, the coming weekend (16-17 September) this month's.
    assert values("Pemilihan ketua digelar Februari nanti.") == {"Februari nanti": "2024-02"}
    assert values("Kedua tim bertemu lagi akhir pekan nanti.") == {"akhir pekan nanti": "2023-09"}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A day and month alone in brackets after a place, a source, a time of day or a time zone.
        ("Program itu diumumkan di Medan (12/9).", {"12/9": "2023-09-12"}),
        ("Rencana itu pertama dilaporkan Antara Wire (11/9).", {"11/9": "2023-09-11"}),
        ("Kapal itu merapat pukul 20.00 WIB (13/9) di dermaga.", {"13/9": "2023-09-13"}),
        ("Tim berlatih di lapangan kampus, sore (13/9) tadi.", {"13/9": "2023-09-13"}),
        # a weekday mistyped beyond reading still leaves its date
        ('Mereka berlatih pada hari Jum"at (8/9).', {"8/9": "2023-09-08"}),
    ],
)
def test_dates_bare_day_and_month_in_brackets(sentence: str, expected: dict[str, str]) -> None:
    assert values(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    ["Adonan dibagi tiga perempat (3/4) bagian.", "Tim tamu menang (2/1) di kandang lawan."],
)
def test_dates_bracketed_fraction_or_score_is_no_date(sentence: str) -> None:
    assert values(sentence) == {}


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Police said on Tuesday (May 21) that the crowd had left.", "Tuesday (May 21)", "2019-05-21"),
        ("Ministers met on Friday (Jun 7) in the capital.", "Friday (Jun 7)", "2019-06-07"),
        ("The court ruled on Thursday (Mar 14), a lawyer said.", "Thursday (Mar 14)", "2019-03-14"),
        ("Flights resumed on Wednesday (Jan 9).", "Wednesday (Jan 9)", "2019-01-09"),
    ],
)
def test_weekday_with_an_abbreviated_month_in_brackets_is_one_date(text: str, span: str, value: str) -> None:
    # Wire and Singapore pages write "Weekday (Mon DD)"; after the weekday's bracket even the abbreviations that are
    # words ("May", "Mar", "Jun") can only be months.
    assert [(d.text, d.value, d.conflict) for d in find_dates(text, "2019-06-10")] == [(span, value, None)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Indonesian names a month after any verb ("bilang Desember", "memastikan Oktober"), not only after "pada".
        ("Menteri sudah bilang Agustus layanan itu mulai jalan.", {"Agustus": "2023-08"}),
        ("Perusahaan memastikan Oktober sudah bisa berjualan.", {"Oktober": "2023-10"}),
        # the start, middle or end of the year with no year said: this year
        ("Harga cabai biasanya naik menjelang akhir tahun.", {"akhir tahun": "2023"}),
        ("Target itu sudah dicapai sejak awal tahun.", {"awal tahun": "2023"}),
        # English writes a month before the noun it dates
        ("Candidates who did not qualify for the August debate.", {"August": "2023-08"}),
        ("The rebels broke a September truce.", {"September": "2023-09"}),
    ],
)
def test_dates_a_bare_month_or_part_of_the_year(sentence: str, expected: dict[str, str]) -> None:
    assert values(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Setiap akhir tahun harga cabai naik.",  # recurs: no one year
        "Hingga akhir tahun anggaran kas daerah kosong.",  # the fiscal year is no date
        "Kami datang, kata Mei kepada wartawan.",  # a given name
        "Thousands joined the Women's March downtown.",  # an English name
        "Nama Agustus Siregar tercatat di daftar.",  # a name before the next capital
    ],
)
def test_dates_a_month_word_that_is_no_date(sentence: str) -> None:
    assert values(sentence) == {}


def test_a_day_and_month_with_the_year_after_a_comma_is_one_date() -> None:
    # "08 January, 2024, 06:55 pm" (South Asian outlets' date lines), not a count after a comma
    [stamp] = find_timestamps("08 January, 2024, 06:55 pm")
    assert (stamp.year, stamp.month, stamp.day) == (2024, 1, 8)
    assert values("On 8 January, 2024, the court adjourned.") == {"8 January, 2024": "2024-01-08"}
    [count] = find_timestamps("Pada 20 Mei, 2000 warga hadir di alun-alun.")
    assert (count.year, count.month, count.day) == (None, 5, 20)
