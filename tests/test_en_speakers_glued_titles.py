"""English speakers named around a title or a body: "Jane Roe from the X Service said" and "Jane
Roe, a spokeswoman for X, said crews were …" (the person speaks, not the body; the words after
"said" are the report, not an inverted speaker), a title after a word glued before it ("Earlier
Premier Jane Roe", "Fed Chair Jane Roe": the person's name alone), a lower-case person noun before
a name ("comedian Jane Roe") and "told cheering crowds" (whom "told" names never speaks). Short
sentences of our own, fictional people and bodies."""

from __future__ import annotations

from functools import partial

from chain_probe import quotes_of, said

_one = partial(said, language="en")


def test_a_name_before_from_or_of_the_body_speaks_not_the_body() -> None:
    for link in ("from the", "of the"):
        body = (f"The storm reached the coast on Monday.\n\n"
                f"Tomas Verhoeven {link} Coastal Fire Service said crews were stretched.")
        assert _one(body, "crews were stretched").speaker == "Tomas Verhoeven"
    body = ("The storm reached the coast on Monday.\n\n"
            "“We are stretched,” said Chief Officer Tomas Verhoeven from the Coastal Fire Service.")
    assert _one(body, "We are stretched").speaker == "Tomas Verhoeven"


def test_an_appositive_then_said_and_a_clause_is_no_inverted_speaker() -> None:
    body = ("The storm reached the coast on Monday.\n\n"
            "Tomas Verhoeven, a spokesman for the Coastal Fire Service, said crews were stretched.")
    q = _one(body, "crews were stretched")
    assert (q.text, q.speaker) == ("crews were stretched", "Tomas Verhoeven")
    body = ("The storm reached the coast on Monday.\n\n"
            "Tomas Verhoeven, the fire chief, said residents were leaving.")
    assert _one(body, "residents were leaving").speaker == "Tomas Verhoeven"


def test_a_title_after_a_glued_word_names_the_person_alone() -> None:
    body = ("The fire reached the coast on Monday.\n\n"
            "Earlier Premier Ilsa Marchetti urged residents to leave.\n\n"
            "“Nobody should stay,” she said.")
    assert _one(body, "Nobody should stay").speaker == "Ilsa Marchetti"
    body = "Rates rose on Wednesday.\n\nFed Chair Orla Brennick said inflation was sticky."
    assert _one(body, "inflation was sticky").speaker == "Orla Brennick"


def test_a_person_noun_before_a_name_makes_it_a_person() -> None:
    body = ("Australian comedian Ilsa Marchetti posted a video after the network dropped her show.\n\n"
            "She told fans she was gutted, adding “a lot of you wanted more”.")
    assert _one(body, "a lot of you wanted more").speaker == "Ilsa Marchetti"


def test_told_names_the_one_told_not_a_speaker() -> None:
    body = ("Voters queued for hours.\n\n"
            "“The town is tired,” Harlow party leader Tomas Verhoeven, a former mayor of Ridgeway, "
            "told cheering crowds.")
    found = quotes_of(body, "en")
    assert [(q.text, q.speaker) for q in found] == [("The town is tired", "Tomas Verhoeven")]


def test_a_person_of_a_town_set_off_by_commas_speaks_not_the_town() -> None:
    # the recogniser reads "[Keith Marlow of Harlan]PLACE"
    body = ("Even after three nights at a shelter, 28-year-old Keith Marlow of Harlan, N.Y., said he "
            "understood why the power was still out.")
    assert _one(body, "he understood").speaker == "Keith Marlow"
