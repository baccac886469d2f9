"""The cheap tests and reordered patterns that spare whole-article scans keep their results at the
edges the old patterns decided: the start of the text, a word character or hyphen before a match,
and texts without the words or characters a match needs (sentences made up for the tests)."""

from kliping.annotate import aliases
from kliping.annotate.dates import _YEARS
from kliping.annotate.quote_marks import single_quotations
from kliping.annotate.short_forms import _CAPITALS_WORD
from kliping.describe import find_wire_sources
from kliping.timestamps import find_timestamps


def test_single_quotations_open_after_a_space_bracket_or_the_start():
    text = "'Tidak ada' kata Budi, (‘cukup jelas’) dan x'bukan ini' juga dogs' bowls."
    assert [text[a:b] for a, b in single_quotations(text)] == ["Tidak ada", "cukup jelas"]


def test_capitalised_acronyms_stand_alone():
    assert _CAPITALS_WORD.findall("KPK memanggil pejabat BPBD, bukan xABC, -DEF atau AB-CD; (LIPI)") == [
        "KPK", "BPBD", "LIPI"]


def test_years_stand_alone():
    assert _YEARS.findall("2019 lalu, bukan x2020 atau 3/2021, sejak 1998.") == ["2019", "1998"]


def test_timestamps_at_the_start_and_none_without_digits():
    found = find_timestamps("(14/9/2023) Kamis 21 September 2023 pukul 10.30 WIB")
    assert [(t.year, t.month, t.day) for t in found] == [(2023, 9, 14), (2023, 9, 21)]
    assert found[1].time == "10:30" and found[1].weekday is not None
    assert find_timestamps("Kamis pagi, bulan September") == []


def test_name_runs_of_one_word_and_of_several():
    text = "Kemarin Rina Sari bertemu Bank of Nusantara, lalu Joko.\tAmir\nO'Neil datang."
    runs = [[text[a:b] for a, b, _ in run] for run in aliases._runs(text)]
    assert runs == [["Kemarin", "Rina", "Sari"], ["Bank", "of", "Nusantara"], ["Joko"], ["Amir", "O'Neil"]]


def test_wire_sources_only_where_a_cue_is_written():
    assert find_wire_sources("Seperti dilansir Reuters, harga naik.", [], None) == ["Reuters"]
    assert find_wire_sources("Harga naik kemarin menurut pedagang.", [], None) == []
