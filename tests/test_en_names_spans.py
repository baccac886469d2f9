"""English spans the entity recogniser (trained on Indonesian) gets wrong: an ordinary word opening a
sentence taken for a name, a role's holder named after its portfolio, a role's inner "of" taken for a
title. Sentences and names are made up for the tests."""

from __future__ import annotations

from chain_probe import reported_of

from kliping.annotate.entities import find_entities


def _names(body: str) -> set[str]:
    return {e.text for e in find_entities(body, "en")}


def test_ordinary_word_opening_a_sentence_is_no_speaker() -> None:
    body = ("More than 60 parents signed up to speak at the meeting in Dorvale. "
            "Many opposing the plan said later dismissal times would interfere with after-school jobs.")
    assert "Many" not in _names(body)
    quotes = reported_of(body, "en")
    assert [q.speaker for q in quotes] == [None]


def test_word_the_article_writes_in_lower_case_is_no_body_when_it_opens_a_sentence() -> None:
    body = ("Guards at the Brenmoor jail were short-staffed for months. "
            "Prison officials said staff shortages had taken their toll, and the prison stayed open.")
    assert "Prison" not in _names(body)


def test_name_written_with_its_capital_inside_a_sentence_stays_a_name() -> None:
    body = "Apple said sales had grown. Analysts at Larkfield expect Apple to hire more staff."
    names = [e.text for e in find_entities(body, "en")]
    assert names.count("Apple") == 2


def test_holder_named_after_a_portfolio_is_the_person() -> None:
    body = ("Deputy Trade Minister for International Affairs Haruto Kameda told reporters the ministry "
            "was watching the market.")
    people = {e.text for e in find_entities(body, "en") if e.label == "PERSON"}
    assert people == {"Haruto Kameda"}
    quotes = reported_of(body, "en")
    assert [q.speaker for q in quotes] == ["Haruto Kameda"]


def test_connector_of_a_role_is_no_title() -> None:
    # "of" belongs to "Secretary of State" (roles.txt): alone before a word it introduces no one
    body = "Mara Lindqvist wrote eight novels. Tower of Lanterns was the first one her agent sold."
    assert "Lanterns" not in {e.text for e in find_entities(body, "en") if e.label == "PERSON"}
