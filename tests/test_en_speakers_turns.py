"""English attribution across a passage: a quotation running over several paragraphs is the words
of the one its closing paragraph names, not of whoever was named before it; a quoted fragment in the
attribution of a quotation ("…,” said X, adding it was “absurd”") is X's, not someone named inside
that quotation; a weekday or month between the subject and its verb ("The agency on Monday said",
"… in June, noting …") is a time, not a speaker; "reaffirmed that" reports speech like "reiterated
that". Short passages of our own, fictional people and bodies."""

from __future__ import annotations

from functools import partial

from chain_probe import quotes_of, said

_one = partial(said, language="en")


def test_a_quotation_over_several_paragraphs_is_the_speaker_its_last_paragraph_names() -> None:
    body = ("Transport Minister Harlan Voss said the bridge would reopen next month.\n\n"
            "He said the delay followed a visit by Ports Minister Edda Kranz, adding that Kranz had "
            "praised the repairs.\n\n"
            "The minister explained that the inspection took two days.\n\n"
            "“We asked the engineers to check every cable before anything else.\n\n"
            "“They found two that needed work, and the crews replaced them within the week.\n\n"
            "“Now the traffic can move again and the ferries can go back to their timetable,” Voss "
            "told reporters in Tarnow.")
    for opening in ("We asked the engineers", "They found two", "Now the traffic"):
        assert _one(body, opening, direct_only=True).speaker == "Harlan Voss"


def test_a_fragment_in_a_quotations_attribution_is_its_speaker_not_a_name_inside_it() -> None:
    body = ("Sports Minister Dalia Orrin said the tournament would go ahead as planned.\n\n"
            "“If the city was good enough for President Marco Velt to visit last month, it is good "
            "enough for the players,” said Orrin, adding that the rumours were “plainly absurd”.\n\n"
            "She said her ministry had written to the organisers.")
    assert _one(body, "plainly absurd").speaker == "Dalia Orrin"
    assert _one(body, "her ministry had written").speaker == "Dalia Orrin"


def test_a_weekday_or_month_before_the_verb_is_a_time_not_a_speaker() -> None:
    body = ("The Coastal Rescue Service (CRS) on Thursday said there were no signs yet that the storm "
            "would reach the capital.")
    assert _one(body, "there were no signs").speaker == "Coastal Rescue Service"
    body = ("Finance Minister Olga Brandt reaffirmed that the bank will “most likely lower” rates in June, "
            "noting that each decision depends on the latest data.")
    assert _one(body, "the bank will").speaker == "Olga Brandt"
    assert _one(body, "each decision depends").speaker == "Olga Brandt"
    assert all(q.speaker != "June" for q in quotes_of(body, "en"))
