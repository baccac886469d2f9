"""Speakers in shapes real pages of unseen outlets write (issue 11, round 2), on sentences made up
for these tests: a weekday glued by the recogniser to the name before its date, a wire lead's
"the <kind> agency said" with the body named in full only further down (and "it said" going on
with it), a country owning the subject ("Indonesia's minister …") or heading a caption line, and a
"CITY, Country:" dateline."""

from __future__ import annotations

from chain_probe import quotes_of, speakers_by_text

from kliping import datelines
from kliping.annotate.entities import find_entities


def test_a_weekday_before_its_date_does_not_end_the_name() -> None:
    body = ("Data itu disampaikan Kepala Humas Badan Pencarian Nasional (BPN) Bambang Adi Susanto Minggu "
            "(30/09/2018) siang.\n\n\"Kami masih mencari,\" kata Bambang Adi Susanto Senin (1/10).")
    people = [e.canonical for e in find_entities(body, "id") if e.label == "PERSON"]
    assert people == ["Bambang Adi Susanto", "Bambang Adi Susanto"]
    assert speakers_by_text(body, "id")["Kami masih mencari"] == "Bambang Adi Susanto"


def test_a_weekday_with_no_date_after_it_stays_in_the_name() -> None:
    assert _person_texts("\"Kami siap,\" kata Budi Minggu kepada wartawan.") == ["Budi Minggu"]
    assert _person_texts("\"Kami siap,\" kata Budi Minggu (3/4) kepada wartawan.") == ["Budi"]


def _person_texts(body: str) -> list[str]:
    return [e.text for e in find_entities(body, "id") if e.label == "PERSON"]


def test_a_wire_lead_agency_is_the_body_named_further_down() -> None:
    body = ("Flood pictures\n\nMEDAN, Indonesia: The death toll from Indonesia's floods has risen to 52 and could "
            "climb higher, the disaster agency said on Monday (Jan 4).\n\nSo far, it said, most deaths were in "
            "two villages.\n\nThe National Disaster Management Agency (BNPB) chief Budi Santoso told reporters "
            "the search would go on.")
    said = [q.speaker for q in quotes_of(body, "en")]
    assert said == ["National Disaster Management Agency"] * 2 + ["Budi Santoso"]


def test_every_modifier_of_the_description_must_name_the_body() -> None:
    body = ("Indonesia's health minister was questioned on Monday over a vaccine deal, the anti-corruption "
            "agency said.\n\n\"The questioning is about the permit,\" Corruption Eradication Commission (KPK) "
            "deputy Budi Santoso told AFP.")
    report = "Indonesia's health minister was questioned on Monday over a vaccine deal"
    assert speakers_by_text(body, "en")[report] == "Corruption Eradication Commission"
    other = body.replace("anti-corruption", "maritime")
    assert speakers_by_text(other, "en")[report] is None  # not "Indonesia"


def test_a_city_and_its_country_before_a_colon_are_a_dateline() -> None:
    found = datelines.lead_in("PALU, Indonesia: The toll rose to 80.")
    assert found is not None and found.place == "PALU"
    assert datelines.lead_in("Putin, Biden: talks resume") is None


def test_expressing_grief_reports_nothing() -> None:
    assert quotes_of("Presiden menyampaikan duka yang mendalam atas terjadinya banjir di Garut.", "id") == []
    [q] = quotes_of("Ketua RT menyampaikan dukungan warga sudah mengalir.", "id")  # "duka" is a whole word
    assert q.text == "dukungan warga sudah mengalir"
