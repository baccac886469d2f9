"""English attribution shapes news writes often and the chain read wrong: a relative clause after
an appositive ("…by Dana Roe, a lawyer for the group, who told the judge that …"), a second verb
of the sentence's subject after a place (", and argued that …"), a writer's perfect ("X, a fellow
at Y, has written"), and the officials of a place named by no name ("authorities in Ohio
announced"). Short sentences of our own, fictional people."""

from __future__ import annotations

from functools import partial

from chain_probe import quotes_of, said

from kliping.annotate.entities import find_entities

_quotes = partial(quotes_of, language="en")
_one = partial(said, language="en")


def test_relative_clause_after_an_appositive_speaks_for_the_name_before_it() -> None:
    body = ("The ferry law was challenged in court by a group of boat owners.\n\n"
            "That was the point made last month by Dana Whitcomb, a lawyer representing the owners, "
            "who told the judge that owners would lose their licences.")
    assert _one(body, "owners would lose").speaker == "Dana Whitcomb"


def test_second_verb_after_a_place_has_the_sentence_subject() -> None:
    body = ("The border debate returned this week.\n\n"
            "In October, Rep. Dale Whitcombe, R-Ohio, visited the border near McAllen, Texas, "
            "and argued that the country needed more agents.")
    assert _one(body, "the country needed").speaker == "Dale Whitcombe"


def test_a_writer_who_has_written_a_quotation() -> None:
    body = ("The city council voted on Monday to close the old bridge.\n\n"
            "\"The bridge has been unsafe for years, and we could not wait any longer,\" Martin Kessler, "
            "a senior fellow at the Harbor Institute for Urban Studies, has written.")
    assert _one(body, "The bridge has been unsafe").speaker == "Martin Kessler"


def test_officials_of_a_place_are_no_one_by_name() -> None:
    body = ("The flu season started early this year in the north.\n\n"
            "Last week, authorities in Ohio announced that two patients were treated at a hospital.\n\n"
            "In 2003, Ohio officials ultimately admitted that the state had hidden many cases.")
    assert _one(body, "two patients").speaker is None
    assert _one(body, "the state had hidden").speaker is None


def test_a_person_noun_before_a_name_is_a_title() -> None:
    body = ("Teachers rallied at the Statehouse on Tuesday.\n\n"
            "The rally was led by math teacher Angela Cooper and a union official.")
    people = [e.text for e in find_entities(body, "en") if e.label == "PERSON"]
    assert "Angela Cooper" in people


def test_a_sentence_opening_with_a_description_is_about_the_person_it_names() -> None:
    body = ("Teachers rallied at the Statehouse on Tuesday. Richmond High School closed for the day.\n\n"
            "High school math teacher Angela Cooper drove three hours to the rally. "
            "She said low pay was the top worry.")
    assert _one(body, "low pay").speaker == "Angela Cooper"


def test_a_body_named_once_just_before_is_the_one_its_description_means() -> None:
    body = ("Asian markets were mixed in early trading on Tuesday.\n\n"
            "Stocks fell after CNBC reported that talks had stalled. The news organization, citing two "
            "officials, reported that the next round was cancelled.")
    assert _one(body, "the next round").speaker == "CNBC"
    body = ("The National Weather Service said more rain was expected.\n\n"
            "Eastline Power Co. said that crews were working. \"Safety comes first,\" the company said.")
    assert _one(body, "Safety comes first").speaker == "Eastline Power Co"


def test_an_outlets_reporter_is_the_name_after_the_possessive() -> None:
    body = ("The trial opened on Monday in Boston.\n\n"
            "NPR's Emily Tran reported that the jury was chosen in two days. "
            "The Post’s Kevin Marsh wrote that the judge was strict.")
    assert _one(body, "the jury was chosen").speaker == "Emily Tran"
    assert _one(body, "the judge was strict").speaker == "Kevin Marsh"


def test_a_spokesperson_of_a_named_body_speaks_for_it() -> None:
    body = ("Rivers rose across the county on Thursday.\n\n"
            "An Environment Agency spokesperson said river levels would peak on Friday.\n\n"
            "A spokesperson said the roads would stay closed.")
    assert _one(body, "river levels").speaker == "Environment Agency"
    assert _one(body, "the roads").speaker is None
