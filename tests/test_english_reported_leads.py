"""English reported speech whose content comes before its attribution ("…, the agency said."), with a
title, an auxiliary, a count or a listener beside the speaker, or a writer's clause after the source."""

from __future__ import annotations

from functools import partial

from chain_probe import reported_texts

_texts = partial(reported_texts, language="en")


def test_a_title_before_the_speakers_name_keeps_the_lead_as_the_report() -> None:
    body = ("The navy will send four more ships to the northern bases over the next year, Defence "
            "Secretary Nora Vance said Monday, calling the move a routine rotation.")
    assert _texts(body) == ["The navy will send four more ships to the northern bases over the next year"]


def test_has_said_after_the_speaker_closes_the_report() -> None:
    body = ("Earlier rounds of the dispute ended in short truces that broke down within days, the Trade Ministry "
            "has said.")
    assert _texts(body) == ["Earlier rounds of the dispute ended in short truces that broke down within days"]


def test_a_count_of_sources_before_the_speaker_keeps_the_lead() -> None:
    body = ("The new plan would lower fares for students and pensioners, two of the officials said, "
            "speaking on condition of anonymity because the plan was not yet public.")
    assert _texts(body) == ["The new plan would lower fares for students and pensioners"]


def test_a_listener_and_a_trailer_after_told_keep_the_lead() -> None:
    body = ("The director moved clients' savings into his own accounts for years, a state prosecutor told jurors "
            "on Monday as the trial opened in Riverton.")
    assert _texts(body) == ["The director moved clients' savings into his own accounts for years"]


def test_said_then_a_long_description_of_the_speaker_closes_the_report() -> None:
    body = ("Tom Reyes, of Millbrook, was found by a rescue team near a lake about three miles from the road, "
            "said Ana Lopez, a spokeswoman for the Harlow County Fire Department.")
    assert _texts(body) == ["Tom Reyes, of Millbrook, was found by a rescue team near a lake about three miles "
                            "from the road"]


def test_a_conjunction_after_according_to_opens_the_writers_clause() -> None:
    body = ("Two studios are still bidding for the sequel, according to The Daily Screen, so it is possible "
            "the film will slip to next year.")
    assert _texts(body) == ["Two studios are still bidding for the sequel"]


def test_a_source_inside_the_clause_still_makes_the_sentence_the_report() -> None:
    body = "One of the guards, according to prison records, had worked three double shifts that week."
    assert _texts(body) == [body.rstrip(".")]


def test_but_before_the_speaker_is_a_clause_of_its_own() -> None:
    body = "The council wanted a vote this month, but Mayor Lena Park said Monday the vote would wait until spring."
    assert "The council wanted a vote this month" not in _texts(body)
