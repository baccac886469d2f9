"""Entities with one canonical name each, within an article and across spellings."""

from __future__ import annotations

import pytest

from kliping import datelines
from kliping.annotate import aliases, english_spans, entities
from kliping.annotate.entities import find_entities, person_form


def _canon(body: str, text: str) -> set[str]:
    return {e.canonical for e in find_entities(body) if e.text == text}


def test_entities_short_mention_takes_the_full_name() -> None:
    body = "Presiden Rusia Vladimir Putin tiba di Pyongyang. Putin disambut hangat."
    assert _canon(body, "Putin") == {"Vladimir Putin"}


def test_entities_korean_name_spellings_are_one_person() -> None:
    assert person_form("Kim Jong-un") == "Kim Jong Un"
    body = "Pemimpin Korea Utara Kim Jong-un tiba di Rusia. Kim bertemu Putin di Vostochny."
    assert _canon(body, "Kim") == {"Kim Jong Un"}


def test_entities_aliases_across_languages_from_cldr_and_table() -> None:
    assert aliases.canonical("Korut") == aliases.canonical("North Korea") == "Korea Utara"
    assert aliases.canonical("AS") == aliases.canonical("United States") == "Amerika Serikat"
    assert aliases.canonical("PBB") == aliases.canonical("United Nations") == "Perserikatan Bangsa-Bangsa"
    assert aliases.canonical("Moscow") == "Moskow"
    assert aliases.canonical("Jepang") == aliases.canonical("Japan") == "Jepang"  # CLDR, not the table


def test_entities_role_links_to_the_person_it_introduced() -> None:
    body = ("Menteri Luar Negeri Rusia Sergei Lavrov tiba di Jakarta. "
            "Menteri Luar Negeri Rusia itu bertemu mitranya.")
    linked = [e for e in find_entities(body) if e.text.startswith("Menteri Luar Negeri Rusia")]
    assert linked and all(e.canonical == "Sergei Lavrov" and e.label == "PERSON" for e in linked)


def test_entities_offsets_index_into_body() -> None:
    body = "Sekjen PBB Antonio Guterres mengecam serangan di Gaza, kata juru bicaranya di New York."
    for e in find_entities(body):
        assert body[e.start:e.end] == e.text


def _people(body: str, language: str | None = "en") -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for e in find_entities(body, language):
        if e.label == "PERSON":
            out.setdefault(e.text, set()).add(e.canonical)
    return out


def test_english_job_titles_before_a_name_are_no_part_of_it() -> None:
    # "Coordinator", "Ambassador", "Commander" … stand before names as "Director" does
    body = "SUKARAJA - Harbour Safety Coordinator Slamet Riyadi said the dock was closed."
    assert _people(body) == {"Slamet Riyadi": {"Slamet Riyadi"}}


def test_entities_surname_alone_after_the_full_name_is_that_person() -> None:
    body = ("Ann Figgins, who represents the guard, spoke to reporters. "
            "Figgins declined to say more. The lawyer said Figgins would appeal.")
    spans = [(0, 11, "PERSON")]
    found = english_spans.people_by_one_name(body, spans)
    assert [body[s:e] for s, e, _ in found] == ["Figgins", "Figgins"]
    assert _people(body)["Figgins"] == {"Ann Figgins"}


def test_entities_another_given_name_before_a_known_surname_is_another_person() -> None:
    body = "Patrick Nielsen Hayden edits books. His wife Teresa Nielsen Hayden edits them too."
    found = english_spans.people_by_one_name(body, [(0, 22, "PERSON")])
    assert [body[s:e] for s, e, _ in found] == ["Teresa Nielsen Hayden"]


def test_entities_short_given_name_stays_the_same_person() -> None:
    body = "Patrick Carlineo pleaded guilty. Friends say Pat Carlineo is kind."
    found = english_spans.people_by_one_name(body, [(0, 16, "PERSON")])
    assert [body[s:e] for s, e, _ in found] == ["Carlineo"]


def test_entities_surname_is_not_looked_for_from_an_ordinary_word() -> None:
    body = "The Topical Team met. The Team said it would meet again."
    assert english_spans.people_by_one_name(body, [(4, 16, "PERSON")]) == []


def test_entities_person_span_keeps_apostrophe_prefix_and_hyphenated_tail() -> None:
    body = "Biologist De’Broski Herbert and Jennifer Ngo-Anh spoke."
    assert entities._whole_name(body, body.index("Broski"), body.index(" and")) == (
        body.index("De’"), body.index(" and"))
    start = body.index("Jennifer")
    assert entities._whole_name(body, start, body.index("-Anh")) == (start, body.index(" spoke"))


def test_entities_span_over_a_dateline_dash_is_cut_in_two() -> None:
    body = "Jakarta, CNN Indonesia - - Kepolisian Negara Republik Indonesia memprediksi puncak arus mudik."
    start, end = body.index("CNN"), body.index(" memprediksi")
    pieces = entities._after_dateline(body, start, end, "ORG", datelines.lead_end(body))
    assert [body[s:e] for s, e, _ in pieces] == ["CNN Indonesia", "Kepolisian Negara Republik Indonesia"]


def test_entities_person_span_over_a_dateline_keeps_the_person_only() -> None:
    body = "Rimanews - Dina Maharani siap merilis album barunya bulan depan."
    names = [(e.text, e.label) for e in entities.find_entities(body)]
    assert ("Dina Maharani", "PERSON") in names
    assert not any("Rimanews" in text for text, label in names if label == "PERSON")


def test_entities_place_before_a_titled_name_is_not_part_of_the_person() -> None:
    body = "Warga Gunung Kidul menanam bunga, kata Bupati Gunung Kidul Badingah."
    place = (body.index("Gunung"), body.index(" menanam"), "PLACE")
    glued = (body.index("Gunung Kidul Badingah"), body.index("."), "PLACE")
    out = entities._people_after_names(body, [place, glued])
    assert [(body[s:e], label) for s, e, label in out] == [
        ("Gunung Kidul", "PLACE"), ("Gunung Kidul", "PLACE"), ("Badingah", "PERSON")]


def test_entities_titled_span_taken_for_an_organisation_holds_the_person() -> None:
    body = "Presiden Turki Recep Tayyip Erdogan mengajak umat Muslim berkunjung."
    out = entities._people_after_names(body, [(0, body.index(" mengajak"), "ORG")])
    assert [(body[s:e], label) for s, e, label in out] == [
        ("Turki", "PLACE"), ("Recep Tayyip Erdogan", "PERSON")]


def test_entities_place_prefix_kept_when_the_rest_is_no_name() -> None:
    body = "Kota Gunung Kidul Selatan tumbuh. Gunung Kidul indah."
    place = (body.index("Gunung Kidul indah"), body.index(" indah"), "PLACE")
    span = (0, body.index(" tumbuh"), "PLACE")
    out = entities._people_after_names(body, [span, place])
    assert out == [span, place]


def test_public_figures_short_names_resolve_through_the_alias_table() -> None:
    body = ("Rapat Komisi XI DPR di Universitas Airlangga dihadiri Menteri Keuangan Sri Mulyani. "
            "Bang Ara juga hadir.")
    people = {e.text: e.canonical for e in find_entities(body) if e.label == "PERSON"}
    assert people == {"Sri Mulyani": "Sri Mulyani Indrawati", "Bang Ara": "Maruarar Sirait"}


def test_provinces_and_regions_in_the_news_are_places() -> None:
    from kliping.annotate import aliases

    for name in ("Jawa Barat", "Sulawesi Selatan", "Aceh", "Papua", "Myanmar", "Palestina", "Tepi Barat", "Crimea"):
        assert aliases.label_of(name) == "PLACE", name
    assert aliases.canonical("Burma") == "Myanmar" and aliases.canonical("West Bank") == "Tepi Barat"


def test_a_provinces_short_form_and_english_name_are_the_province() -> None:
    """"Jabar" in a local report and "West Java" in a wire's are "Jawa Barat": one key for a story."""
    for short, english, province in (("Jabar", "West Java", "Jawa Barat"), ("Sumbar", "West Sumatra", "Sumatera Barat"),
                                     ("NTT", "East Nusa Tenggara", "Nusa Tenggara Timur"), ("Sulsel", "South Sulawesi",
                                                                                           "Sulawesi Selatan")):
        assert aliases.canonical(short) == aliases.canonical(english) == province
        assert aliases.label_of(short) == "PLACE"
    body = "Banjir melanda Sukabar, Jabar, Senin. Warga Sukabar di Jawa Barat mengungsi ke masjid."
    assert _canon(body, "Jabar") == {"Jawa Barat"}


def test_span_index_finds_the_spans_touching_a_range_even_where_spans_overlap() -> None:
    from kliping.annotate.span_index import SpanIndex

    index = SpanIndex([(0, 10), (2, 4), (5, 8), (12, 15)])
    assert index.touching(4, 6) == [0, 2]  # (2, 4) ends where the range starts
    assert index.touching(10, 12) == []
    assert index.any_touching(9, 11) and not index.any_touching(10, 12)
    assert index.first_from(5) == 2 and index.first_from(16) == 4


@pytest.mark.parametrize(("one", "other"), [("Miryam S. Haryani", "Miryam S Haryani"), ("U.S.", "US"),
                                            ("J.K. Rowling", "JK Rowling"), ("Budi S.", "Budi S")])
def test_the_full_stops_of_initials_do_not_change_a_name_s_key(one: str, other: str) -> None:
    """Outlets write one person's initial with and without its full stop: one key, so one source and one entity."""
    assert aliases.key(one) == aliases.key(other)

