"""English attributions to bodies and to no one, and the names the English recogniser glued: a
body's spokesperson with the body named before the noun ("a WeWork spokesperson") even where the
recogniser missed the name; one of a body's people named by no name after "according to"; "the
report" going on with the source the report was cited from; a body's name in apposition after a
phrase describing it; a name never running over a closed quotation or taking in the subordinator
that opens its sentence, nor a family name hiding behind "Jr.". Short sentences of our own,
fictional bodies and people."""

from __future__ import annotations

from functools import partial

from chain_probe import said

from kliping.annotate import english_spans
from kliping.annotate.entities import find_entities

_one = partial(said, language="en")


def test_spokesperson_of_a_named_body_gives_the_body_even_unrecognised() -> None:
    body = ("Tellbright cut 300 jobs on Monday.\n\n"
            "“We received an inquiry and are cooperating,” said a Tellbright spokesperson "
            "when contacted by reporters.\n\n"
            "A Tellbright spokesperson said the cuts were final.")
    assert _one(body, "We received").speaker == "Tellbright"
    assert _one(body, "the cuts were final").speaker == "Tellbright"


def test_spokesperson_with_the_body_named_after_the_noun_gives_the_body() -> None:
    body = ("Harwick Water Company cut supplies to 900 homes on Monday.\n\n"
            "A spokeswoman with Harwick Water Company said crews would work through the night.\n\n"
            "“We are sorry for the trouble,” said a spokesperson for the Information Commissioner's Office.")
    assert _one(body, "crews would work").speaker == "Harwick Water Company"
    assert _one(body, "We are sorry").speaker == "Information Commissioner's Office"


def test_the_utility_is_the_body_the_article_named() -> None:
    body = ("Northfield Energy said on Monday that 8,000 homes were still without power.\n\n"
            "Northfield Energy expects to restore most of them by Wednesday.\n\n"
            "The utility said crews from three states had arrived to help.")
    assert _one(body, "crews from three states").speaker == "Northfield Energy"


def test_spokesperson_with_no_body_named_stays_no_one() -> None:
    body = "Tellbright cut 300 jobs on Monday.\n\n“We are cooperating,” said a spokesperson."
    assert _one(body, "We are cooperating").speaker is None


def test_representative_of_a_body_after_according_to_is_no_one_by_name() -> None:
    body = ("The Marwen Front freed two aid workers on Tuesday.\n\n"
            "The men were flown to Doha, according to a Marwen Front representative.\n\n"
            "“They are safe,” said a Marwen Front official.")
    assert _one(body, "The men were flown").speaker is None
    assert _one(body, "They are safe").speaker is None


def test_the_report_goes_on_with_the_source_it_was_cited_from() -> None:
    body = ("A recent report by the Harbour Energy Council stated the industry had a capacity of 8 GW.\n\n"
            "A further 17 firms, according to the report, had plants of 30-600 MW.")
    assert _one(body, "A further 17 firms").speaker == "Harbour Energy Council"
    body = ("According to a report in the Harbour Ledger, Gov. Tana Ruiz launched the campaign on Monday.\n\n"
            "The report says the ad agency Brightwell Co. came up with the campaign.")
    assert _one(body, "the ad agency").speaker == "Harbour Ledger"


def test_the_report_with_no_cited_source_stays_no_one() -> None:
    body = "Fares rose again this year.\n\nThe report says the ferry line will close."
    assert _one(body, "the ferry line").speaker is None


def test_body_named_in_apposition_after_its_description_speaks() -> None:
    body = ("Tellbright’s parent company, The Harrow Group, announced on Monday that it was withdrawing "
            "its filing for a public offering.")
    # the "The" written mid-sentence is part of the name (test_en_speakers_sources.py)
    assert _one(body, "it was withdrawing").speaker == "The Harrow Group"


def test_a_name_does_not_run_over_a_closed_quotation() -> None:
    body = ("Critics called the novel “as good as George R.R. Martin.” Ford opted instead to write plays. "
            "Tova Ford said so.")
    names = [e.canonical for e in find_entities(body, "en")]
    assert not any("”" in n for n in names)


def test_a_subordinator_opening_the_sentence_is_no_part_of_the_name() -> None:
    body = ("Tova Quillan and her editor Dara Wynn disagreed about the ending.\n\n"
            "As Quillan put it, “Had she written five books in that world, she would be famous.”")
    assert _one(body, "Had she written").speaker == "Tova Quillan"
    texts = [e.text for e in find_entities("Ann Lee met Tom Ford in Paris. After Ford left, he called.", "en")]
    assert "After Ford" not in texts


def test_a_family_name_before_a_generational_suffix_finds_the_later_mentions() -> None:
    body = "Patrick Quellan Jr. was arrested in April.\n\nPolice said Quellan had phoned the office."
    assert english_spans.people_by_one_name(body, [(0, 18, "PERSON")]) == [(56, 63, "PERSON")]


def test_a_body_name_never_runs_over_a_line_break() -> None:
    body = ("Girl Group To Return In June, Agency Confirms\n\nStarlight Entertainment has confirmed the "
            "comeback.\n\nThe agency said the album would be released on June 28.")
    names = [e.text for e in find_entities(body, "en")]
    assert names and not any("\n" in n for n in names), names
    # read by the Indonesian model too, which takes more capitalised runs for names
    names = [e.text for e in find_entities(body, "id")]
    assert "Starlight Entertainment" in names and not any("\n" in n for n in names), names


def test_a_sentence_adverb_opening_a_sentence_is_no_name() -> None:
    spans = english_spans.without_capitalised_openers(
        "Meanwhile, the mayor said roads were closed.", [(0, 9, "PERSON")])
    assert spans == []


def test_a_name_set_off_by_a_persons_appositive_is_a_person() -> None:
    from kliping.annotate.english_name_pieces import people_in_apposition
    body = "Alice Tan, the suspended mayor of Bamtown, has issued a statement. Bamtown, the capital of Tarla, is calm."
    spans = [(0, 9, "PLACE"), (67, 74, "PLACE")]
    assert people_in_apposition(body, spans) == [(0, 9, "PERSON"), (67, 74, "PLACE")]


def test_a_spokesperson_for_a_person_is_no_one_by_name() -> None:
    body = ("Tellbright founder Ann Lumba was questioned on Monday.\n\n"
            "A spokesperson for Lumba said the questions had been answered in full.")
    assert _one(body, "the questions had been").speaker is None


def test_a_sentence_adverb_before_a_comma_is_no_speaker() -> None:
    # "Meanwhile, Chief Minister of X Y Z imposed …, saying that …": "Meanwhile" is no one's name
    from kliping.annotate.quotes import find_quotes

    body = ("Meanwhile, Chief Minister of Karsa Imran Qadir Baloch imposed a rain emergency in the city, "
            "saying that all low lying areas of the city had been flooded.")
    quotes = find_quotes(body, find_entities(body, "en"))
    assert quotes and all(q.speaker != "Meanwhile" for q in quotes), quotes


def test_a_body_written_the_other_way_round_is_its_full_name() -> None:
    # "the Ministry of Water" … "the Water Ministry says": one body, by the full name the article writes
    body = ("The Ministry of Water is reporting a sharp fall in reservoir levels this year.\n\n"
            "However, the Water Ministry says the fall does not yet call for rationing.")
    bodies = {e.text: e.canonical for e in find_entities(body, "en") if e.label == "ORG"}
    assert bodies.get("Water Ministry") == "Ministry of Water", bodies


def test_a_force_named_by_which_of_its_forces_is_the_force_the_article_named() -> None:
    body = ("Two cars collided near Millbrook on Friday, according to Kestrel State Police.\n\n"
            "Both drivers were taken to hospital, according to state police.")
    assert _one(body, "Both drivers").speaker == "Kestrel State Police"


def test_a_clause_after_said_is_the_report_not_a_role_before_a_name() -> None:
    # ", said two bridges have gone in Millbrook, …" read as ", said <role> <name>," gave the place
    body = ("Damage: Ann Roe, commissioner of the Kestrel division, said two bridges have gone in "
            "Millbrook, one in Easton and three roads each in Fernhill after the storm.")
    report = _one(body, "two bridges have gone")
    assert report.speaker == "Ann Roe"
    assert report.text.startswith("two bridges have gone in Millbrook")


def test_a_voice_of_a_body_named_by_its_common_noun_is_the_body_the_article_named() -> None:
    body = ("The Department of Harbours and Coasts said the union's demand was unaffordable.\n\n"
            "“We have made a fair offer,” a department spokesperson said.\n\n"
            "A hospital spokesperson said the wards were full.")
    assert _one(body, "We have made").speaker == "Department of Harbours and Coasts"
    assert _one(body, "the wards were full").speaker is None  # no hospital named: no one by name


def test_the_spokesperson_goes_on_with_the_body_whose_voice_just_spoke() -> None:
    body = ("Crews worked through the night beside the Rivers Agency.\n\n"
            "A Rivers Agency spokesperson said levels would peak on Friday. “The water is deceptively "
            "strong,” the spokesperson said.")
    assert _one(body, "The water is").speaker == "Rivers Agency"
