"""English names written after their titles, as news introduces people: a title in capitals
("Box CEO …") is no body's acronym, a role with its portfolio ("Leader of the Opposition …",
"Commissioner of Police …") is not part of the holder's name, and a two-syllable given name
whose second syllable is in lower case ("… Ka-wai", "… Min-jun") is one word of the name.
Short sentences of our own, fictional people."""

from __future__ import annotations

from functools import partial

from chain_probe import said

from kliping.annotate import naming
from kliping.eval import _same_speaker

_one = partial(said, language="en")


def test_title_in_capitals_before_a_name_is_no_body() -> None:
    for firm, name in (("Box", "Marta Lund"), ("Crate", "Arlen Vosk"), ("Nimbus", "Darla Quenby")):
        body = ("Cloud stocks rallied on Friday.\n\n"
                f"- This is \"one of the biggest shifts in the software market in a decade,\" {firm} CEO {name} "
                "told Axios.\n\n"
                f"- \"We move fast,\" {name.split()[1]} said.")
        assert _one(body, "one of the biggest").speaker == name


def test_role_with_its_portfolio_is_no_part_of_the_holder_name() -> None:
    body = ("Parliament sat late on Tuesday.\n\n"
            "Leader of the Opposition Tarvin Oduya said the budget would hurt families.\n\n"
            "\"It is a poor plan,\" Mr Oduya said.")
    assert _one(body, "the budget would hurt").speaker == "Tarvin Oduya"
    assert _one(body, "It is a poor plan").speaker == "Tarvin Oduya"
    later = ("The minister answered on Wednesday.\n\n"
             "Minister Ella Brandt rejected what Leader of the Opposition Tarvin Oduya had said.\n\n"
             "\"The budget helps families,\" she said.\n\n"
             "\"We will vote against it,\" Oduya said.")
    assert _one(later, "We will vote against it").speaker == "Tarvin Oduya"


def test_portfolio_after_of_is_read_as_a_place_in_the_article_names() -> None:
    body = "Leader of the Opposition Harlan Dusk said the case was open. Dusk left."
    assert naming.full_name(body, "Dusk") == "Harlan Dusk"


def test_lower_case_second_syllable_stays_in_the_given_name() -> None:
    body = ("The court sat on Monday.\n\n"
            "Judge Alvin Tso Ka-wai noted that the defendants had waited too long.\n\n"
            "\"There is hope,\" the judge said.")
    # the whole given name, however its hyphen is written ("Ka-wai", "Ka Wai": one name, as eval reads it)
    assert _same_speaker("Alvin Tso Ka-wai", _one(body, "the defendants had waited").speaker)
    assert naming.full_name("Minister Park Min-jun met the press.", "Park") == "Park Min-jun"


def test_doubled_word_is_still_no_name() -> None:  # a guard: passed before the hyphen change too
    body = "Anak-anak Desa Sukamaju bermain di lapangan."
    assert all("Anak-anak" not in name for name in naming.name_candidates(body))


def test_an_office_of_capitalised_words_ending_in_a_title_is_not_part_of_its_holders_name() -> None:
    # English writes any office as capitalised words before the name; only its last word is a title
    body = ("RIVERTON — The river rose above its banks on Monday.\n\n"
            "\"We are moving everyone to higher ground tonight,\" Assistant City Manager Dave Sykes said.\n\n"
            "\"Nobody should drive through the water,\" said Parks Director Tom Bell.\n\n"
            "\"Beds are ready,\" said Queen Elizabeth Hospital.")
    assert _one(body, "We are moving").speaker == "Dave Sykes"
    assert _one(body, "Nobody should").speaker == "Tom Bell"
    assert _one(body, "Beds are ready").speaker == "Queen Elizabeth Hospital"


def test_a_lone_word_of_a_full_name_the_recogniser_took_for_a_place_is_that_person() -> None:
    # a family name written first (Chinese and Malaysian names), then alone as the subject of the next sentence
    body = ("KUALA LUMPUR: The row over the new levy should not be blown out of proportion, said Housing and "
            "Local Government Minister Nguk Lai Fong.\n\n"
            "Nguk stressed that the plan would be reviewed.\n\n"
            "\"We will listen to everyone,\" he said.")
    assert _one(body, "the plan would").speaker == "Nguk Lai Fong"
    assert _one(body, "We will listen").speaker == "Nguk Lai Fong"


def test_form_of_address_before_a_family_name_that_is_also_a_word_names_the_person() -> None:
    # "Mr Long", "Mr Tunai" ("tunai" is an Indonesian word), "Mr Tan": a form of address
    # (resources/honorifics.txt) before a capitalised word is a person, never a role
    for given, family in (("Samuel", "Tunai"), ("Jane", "Long"), ("Grace", "Tan")):
        body = (f"{given} {family}, the county governor, visited the town on Monday.\n\n"
                "Police fired at a crowd that had stormed the offices.\n\n"
                f"While condemning the attack, Mr {family} said only one person had died.")
        assert _one(body, "only one person had died").speaker == f"{given} {family}"
    # and with no full name in the article, the name as written, without the form of address
    alone = "The hearing went on.\n\nMs Long said the case would go on."
    assert _one(alone, "the case would go on").speaker == "Long"


def test_description_then_name_then_appositive_before_the_verb_attributes_a_quotation() -> None:
    body = ("The country is in trouble, Arvind Kejral said on Monday.\n\n"
            "\"The country is headed towards autocracy,\" Shiv Sena party leader Udhav Thakre, "
            "a former chief minister of Maharashtra state, told cheering crowds. "
            "\"This one-man government is taking the country to ruin.\"")
    assert _one(body, "The country is headed").speaker == "Udhav Thakre"
    assert _one(body, "This one-man government").speaker == "Udhav Thakre"


def test_a_rank_is_no_part_of_the_name() -> None:
    for rank in ("Corporal", "Sergeant", "Lieutenant", "Colonel"):
        body = ("Two officers were hurt in the crash on the coast road on Sunday.\n\n"
                f"\"We ask drivers to slow down,\" said {rank} Tavis Orrin, the district's traffic officer.")
        assert _one(body, "We ask drivers").speaker == "Tavis Orrin", rank


def test_a_titles_word_after_a_given_name_is_the_family_name() -> None:
    body = ("The Millbrook clinic will open on Sundays from next month.\n\n"
            "Dr Nigel Constable joined the clinic in May and runs its night ward.\n\n"
            "\"We will open on Sundays for anyone who needs us,\" said Nigel.")
    assert _one(body, "We will open").speaker == "Nigel Constable"
