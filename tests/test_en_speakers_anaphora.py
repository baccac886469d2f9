"""English speakers named by a pointer back: "it" and an unmatched "the agency" stand for the body
the passage opened a sentence with (not a wire credited in the dateline, not a body named in
passing); "the US" is a country speaking, "China's health chiefs" no one by name; "she" right
after a sentence naming one woman, when no sentence since the last quotation was about anyone,
is that woman, not the person quoted before — but not someone named in the last quotation's own
attribution. Short sentences of our own, fictional bodies and people."""

from __future__ import annotations

from functools import partial

from chain_probe import said

_one = partial(said, language="en")


def test_it_is_the_body_that_opened_a_sentence_before() -> None:
    body = ("Marlow Industries is one of the firms bidding on the contract, and confirmed that its plan "
            "uses the new rocket. In a statement released on Monday, it said it had submitted a proposal.")
    assert _one(body, "it had submitted").speaker == "Marlow Industries"
    body = ("Shares of Corvane Technologies fell 12% on Wednesday after the chipmaker cut its forecast.\n\n"
            "The company now expects revenue of $8 billion, it said in a statement.")
    assert _one(body, "The company now expects").speaker == "Corvane Technologies"


def test_it_is_not_the_wire_in_the_dateline_nor_a_body_named_in_passing() -> None:
    body = ("LONDON (Reuters) - Fares rose again this year.\n\n"
            "Travellers paid more for tickets sold by Harrow Rail, it said.")
    assert _one(body, "Travellers paid more").speaker is None


def test_the_agency_unmatched_is_the_body_the_story_opened_with() -> None:
    body = ("GENEVA (AFP) - The World Fever Organization on Thursday called on countries to step up testing.\n\n"
            "“We are looking at a limited number of cases,” Dr. Mara Solberg told a briefing.\n\n"
            "“But limited does not mean zero,” she added.\n\n"
            "Thirty-one cases have been identified so far, according to the agency.")
    assert _one(body, "Thirty-one cases").speaker == "World Fever Organization"


def test_a_country_by_its_short_form_speaks_but_not_its_unnamed_officials() -> None:
    body = ("Two aid workers were freed on Tuesday.\n\n"
            "The US welcomed the exchange, saying the hostages had suffered from their ordeal.")
    assert _one(body, "the hostages had suffered").speaker == "US"
    body = ("Three plague cases were confirmed on Sunday.\n\n"
            "The news came despite an earlier declaration by China's health chiefs that the risk "
            "of an outbreak was minimal.")
    assert _one(body, "the risk of an outbreak").speaker is None


def test_she_is_the_woman_named_just_before_not_the_one_quoted_before() -> None:
    body = ("“This is our favourite kind of work,” Mira Olsen said.\n\n"
            "While the campaign did not appeal to Julie Graham, a public information officer, she said "
            "she did not want to judge it.")
    assert _one(body, "she did not want").speaker == "Julie Graham"
    body = ("“Every novel hides most of itself,” Mira Olsen said.\n\n"
            "His books are baffling, as the novelist Jo Walton explained to me. “You only see the tip,” she said.")
    assert _one(body, "You only see the tip").speaker == "Jo Walton"


def test_she_is_not_someone_named_in_the_last_quotations_attribution() -> None:
    body = ("“He has me thinking now,” said Sowers, who is also considering Nora Blake.\n\n"
            "She said the governor could win.")
    quoted = _one(body, "He has me thinking").speaker
    assert quoted is not None and "Nora" not in quoted
    assert _one(body, "the governor could win").speaker == quoted  # she goes on speaking
