"""Names of people and bodies in English text: how a capitalised run is cut into a name, which
words head a body, and when a short mention links to the full one. Sentences and names are
made up for the tests."""

from __future__ import annotations

from kliping.annotate import english_spans, naming, person_mentions, short_forms
from kliping.model import Entity


def _bodies(body: str) -> set[str]:
    return {body[s:e] for s, e, label in english_spans.institutions_whole(body, []) if label == "ORG"}


def test_body_with_its_head_before_of_for_or_on_is_whole() -> None:
    assert "Northfield Center for Water Safety and Research" in _bodies(
        "The Northfield Center for Water Safety and Research said the lake was clean.")
    assert "National Institute on Coastal Erosion" in _bodies(
        "The National Institute on Coastal Erosion has also estimated the loss.")
    assert "Election Board of Carvania" in _bodies("The Election Board of Carvania ordered a recount.")


def test_body_keeps_its_owner_dotted_abbreviations_and_ampersand() -> None:
    assert "Vermont's Department of Rural Roads" in _bodies("In 2016, Vermont's Department of Rural Roads reported it.")
    assert "U.S. Soil Survey" in _bodies("The quake was shallow, according to the U.S. Soil Survey.")
    assert "Harlow Gas & Power" in _bodies("Harlow Gas & Power said it had cut supply.")


def test_body_stops_before_a_time_a_person_or_an_acronym_joined_to_it() -> None:
    assert "U.S. Trade Office" in _bodies("The U.S. Trade Office on Monday unveiled new rules.")
    body = "It wrote to the Department of Rural Affairs and Jonas Verhoeven, the secretary."
    spans = english_spans.institutions_whole(body, [(body.index("Jonas"), body.index(", the"), "PERSON")])
    assert ("Department of Rural Affairs", "ORG") in {(body[s:e], label) for s, e, label in spans}
    assert "Bureau of Lunar Mining" in _bodies("Officers of the Bureau of Lunar Mining and BLX met.")
    assert "Bureau of Lunar Mining" in _bodies("Officers of the Bureau of Lunar Mining met.")
    assert "National Institute of Tidal Studies" in _bodies("Director of the National Institute of Tidal Studies said.")


def test_role_and_its_holder_are_no_body() -> None:
    body = "Deputy Minister of State for Housing Lee Hong Sheng said the delay was regrettable."
    assert not any("Lee Hong Sheng" in name for name in _bodies(body))


def test_dotted_initials_stay_in_a_name() -> None:
    body = "Coach R.J. Tamsin said the team was ready. Tamsin said the defence had improved."
    assert naming.full_name(body, "Tamsin") == "R.J. Tamsin"


def test_words_going_on_with_a_body_name_are_no_person() -> None:
    body = "Seizures rose, Customs and Border Protection said. Border agents agreed."
    assert "Border Protection" not in naming.name_candidates(body)


def test_title_or_person_noun_glued_to_a_name_goes() -> None:
    body = "Councillor Brenna Talvik said the road would reopen. Employee Marco Villanueva tells the paper he ran."
    mentions = [Entity("Councillor Brenna Talvik", 0, 24, "ORG", "Councillor Brenna Talvik"),
                Entity("Employee Marco Villanueva", 53, 78, "ORG", "Employee Marco Villanueva")]
    person_mentions.complete(body, mentions)
    assert [(m.label, m.canonical) for m in mentions] == [("PERSON", "Brenna Talvik"), ("PERSON", "Marco Villanueva")]


def test_owner_and_modifier_are_cut_from_a_capitalised_run() -> None:
    body = "According to The Lantern’s Glimmer review, it lags. Tacoma-based Orvell said so."
    review = english_spans.capitalised_pieces(body, body.index("The"), body.index(" review"), "ORG")
    assert [body[s:e] for s, e, _ in review] == ["The Lantern", "Glimmer"]
    orvell = english_spans.capitalised_pieces(body, body.index("Tacoma"), body.index(" said"), "PERSON")
    assert [body[s:e] for s, e, _ in orvell] == ["Orvell"]


def _mention(text: str, label: str) -> Entity:
    return Entity(text, 0, len(text), label, text)


def test_short_body_takes_the_full_name_that_only_says_its_kind_or_owner() -> None:
    mentions = [_mention(t, label) for t, label in [
        ("Orvell Co.", "ORG"), ("Orvell", "ORG"), ("Tamsin Northern Airlines", "ORG"),
        ("Tamsin Northern", "PERSON"), ("Carvania Chronicle", "ORG"), ("The Chronicle", "ORG"),
        ("Election Board of Carvania", "ORG"), ("Election Board", "ORG"),
        ("Orvell Glimmer", "ORG"), ("Jan Fields", "PERSON"), ("Fields", "ORG"), ("Fields Foundation", "ORG")]]
    english_spans.bodies_in_full(mentions)
    got = {m.text: m.canonical for m in mentions}
    assert got["Orvell"] == "Orvell Co."  # not "Orvell Glimmer": a product named after its maker
    assert got["Tamsin Northern"] == "Tamsin Northern Airlines"
    assert got["The Chronicle"] == "Carvania Chronicle"
    assert got["Election Board"] == "Election Board of Carvania"


def test_short_given_name_takes_the_full_one() -> None:
    mentions = [_mention("Patrick Velden Jr.", "PERSON"), _mention("Pat Velden", "PERSON"),
                _mention("Sam Orr", "PERSON"), _mention("Samuel Orr", "PERSON"), _mention("Samantha Orr", "PERSON")]
    english_spans.short_given_names(mentions)
    assert mentions[1].canonical == "Patrick Velden Jr."
    assert mentions[2].canonical == "Sam Orr"  # two fuller names fit: no guess


def test_undefined_acronym_of_a_body_the_article_names() -> None:
    body = "The Bureau of Lunar Mining said output fell. The BLM said it would review the data."
    mentions = [Entity("Bureau of Lunar Mining", 4, 26, "ORG", "Bureau of Lunar Mining")]
    defined = short_forms.defined_short_forms(body, mentions)
    assert [(m.text, m.canonical) for m in defined] == [("BLM", "Bureau of Lunar Mining")]
