"""Reported speech in the forms of English wire copy: a speaker's phrase closing the sentence after a
comma ("…, police said."), "it" for the body that speaks, a second speech verb joined by "and", and a
participle after "while". The sentences are made up."""

from __future__ import annotations

from chain_probe import reported_of as _reported
from chain_probe import reported_texts as _texts


def test_closing_source_speaks_though_the_lead_names_a_place() -> None:
    # a place in the lead is no speaker: the unnamed source after the comma is
    body = "Floods cut off three villages near Manila on Tuesday, police said."
    [q] = _reported(body, "en")
    assert q.text == "Floods cut off three villages near Manila on Tuesday"
    assert q.cue == "said"


def test_closing_phrase_with_a_possessive_place_or_a_long_description_speaks() -> None:
    assert _texts("The ferry sank near the harbour overnight, Norway's coast guard said.", "en") == [
        "The ferry sank near the harbour overnight"]
    assert _texts("The bridge collapsed after days of heavy rain, killing two drivers, "
                  "the province's disaster mitigation agency said.", "en") == [
        "The bridge collapsed after days of heavy rain, killing two drivers"]


def test_closing_plural_of_people_speaks_and_a_trailer_may_follow() -> None:
    assert _texts("Talks on the harbour levy stalled on Wednesday, delegates said.", "en") == [
        "Talks on the harbour levy stalled on Wednesday"]
    assert _texts("The two sides will meet again in Oslo next week, people familiar with the plan "
                  "said on Sunday, after months of delay.", "en") == [
        "The two sides will meet again in Oslo next week"]
    assert _texts("The two sides will meet again next week, two envoys told Reuters.", "en") == [
        "The two sides will meet again next week"]


def test_closing_phrase_that_is_a_clause_or_a_noun_reports_nothing() -> None:
    # a relative clause after the comma, and "reports" as a noun after a possessive
    assert _texts("She found a rare receptor in liver cells, a finding that she reported in 2011.", "en") == []
    assert _texts("He has been happy to edit the files, um, doctor's reports in the past.", "en") == []
    # a lead that only sets the scene: "As …, X testified before …"
    assert _texts("As the charges were read out in Leeds, Mara Quill testified before the committee.", "en") == []


def test_it_speaks_for_the_body_named_before() -> None:
    body = ("The Harbour Authority said the ferry would not sail on Friday. "
            "It said passengers holding tickets would be refunded in full.")
    assert _texts(body, "en") == ["the ferry would not sail on Friday",
                                  "passengers holding tickets would be refunded in full"]
    body = "Corlane Foods now expects sales to fall by a tenth, down from a small gain, it said in a statement."
    assert _texts(body, "en") == ["Corlane Foods now expects sales to fall by a tenth, down from a small gain"]


def test_a_second_speech_verb_joined_by_and_starts_its_own_report() -> None:
    body = "Rina Holt said rescuers had reached the valley, and warned that more rain was coming."
    assert _texts(body, "en") == ["rescuers had reached the valley", "more rain was coming"]
    body = "The envoy denied that the bloc was stalling and said the fund remained the largest donor."
    assert _texts(body, "en") == ["the bloc was stalling", "the fund remained the largest donor"]
    # not a second speech verb: one report
    assert _texts("Rina Holt said the town would rebuild the bridge and widen the road.", "en") == [
        "the town would rebuild the bridge and widen the road"]


def test_a_participle_after_while_reports() -> None:
    body = ("The health agency on Monday opened two more testing sites, "
            "while stressing that the risk to the public remained low.")
    assert _texts(body, "en") == ["the risk to the public remained low"]


def test_a_body_named_by_its_short_form_in_brackets_speaks() -> None:
    # the commas of a long official name hide where it starts: its short form in brackets speaks
    body = ("Badan Meteorologi, Klimatologi, dan Geofisika (BMKG) memperkirakan hujan lebat "
            "masih turun di pesisir selatan hingga Jumat.")
    [q] = _reported(body, "id")
    assert q.text == "hujan lebat masih turun di pesisir selatan hingga Jumat"
    assert q.speaker is not None and "Geofisika" in q.speaker


def test_a_closing_speaker_before_an_auxiliary_is_the_person_named() -> None:
    # "…, Minister for Housing Aoife Brennan has said.": the person, not her role and "has"
    from kliping.annotate.entities import find_entities
    from kliping.annotate.quotes import find_quotes

    body = "The number of delayed trains is set to fall next year, Minister for Housing Aoife Brennan has said."
    [q] = find_quotes(body, find_entities(body, "en"))
    assert q.text == "The number of delayed trains is set to fall next year"
    assert q.speaker == "Aoife Brennan"


def test_a_person_named_in_apposition_after_a_frame_is_its_source() -> None:
    # "According to the police spokesperson in X state, Ann Roe, …": Ann Roe, and the report after
    # her comma; "According to police, Roe, 45, was …" keeps the police (a name with an age is the report's)
    from kliping.annotate.entities import find_entities
    from kliping.annotate.quotes import find_quotes

    body = ("According to the police spokesperson in Karsa state, Adaeze Nwankwo, the two suspects were "
            "arrested near the border.")
    [q] = find_quotes(body, find_entities(body, "en"))
    assert (q.speaker, q.text) == ("Adaeze Nwankwo", "the two suspects were arrested near the border")
    body = "According to police, Tom Harlow, 45, was driving the car when it crashed."
    [q] = find_quotes(body, find_entities(body, "en"))
    assert q.speaker != "Tom Harlow" and q.text.startswith("Tom Harlow")
