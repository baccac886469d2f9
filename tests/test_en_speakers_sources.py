"""English sources named as news names them: a publication whose "The" is part of its name ("according
to The Ledger"), its report owned by it ("The Ledger’s report claims"); a definite description after
"according to" ("according to the company") pointing back at the body the article named, as before a
verb; "As a … agency" saying what a named body is, not introducing an unnamed one; "the airline" for a
body named "… Airlines"; "the agency" for the body last seen speaking; an acronym body that is also an
English word ("The WHO said"); a bare quotation after a sentence opening with a pronoun going on with the
speaker before; the writer's own words quoted back ("we called it “…”"); someone of a body named by no
name, with a clause about them before the verb; a family name the recogniser took for a body, after the
full name it took for a place; people of a place named by no name ("Sukaraja disaster officials said").
Short sentences of our own, fictional bodies and people."""

from __future__ import annotations

from functools import partial

from chain_probe import said

from kliping.annotate import speakers
from kliping.annotate.quotes import find_quotes
from kliping.model import Entity

_one = partial(said, language="en")


def test_the_of_a_publication_written_mid_sentence_is_part_of_its_name() -> None:
    body = ("Director Tom Avery is in talks to direct the film, according to The Screen Wire.\n\n"
            "The Screen Wire’s report today claims the studio has three scripts in contention.")
    assert _one(body, "Director Tom Avery").speaker == "The Screen Wire"
    assert _one(body, "the studio has").speaker == "The Screen Wire"


def test_a_report_owned_by_a_name_is_its_owners() -> None:
    body = ("Director Tom Avery is in talks, according to The Screen Wire.\n\n"
            "The Screen Wire’s report today claims the studio has three scripts.")
    assert speakers.proper_name_in(body, "The Screen Wire’s report today", {}) == "Screen Wire"


def test_a_capital_the_opening_a_sentence_does_not_join_the_name() -> None:
    body = ("The Harbour Ledger reported on Monday that the studio was cutting jobs.\n\n"
            "The cuts were final, according to the Harbour Ledger.")
    assert _one(body, "The cuts were final").speaker == "Harbour Ledger"


def test_according_to_a_description_points_back_at_the_body_named() -> None:
    body = ("Mark Rivera, a spokesman for the Dunmore County Sheriff's Office, said the hiker was found alive.\n\n"
            "The hiker had set out alone on Saturday, according to the sheriff's office.")
    assert _one(body, "The hiker had set out").speaker == "Dunmore County Sheriff's Office"


def test_a_named_body_said_what_kind_of_body_it_is_before_the_agency_speaks() -> None:
    body = ("The Coastal Border Service, part of the Interior Ministry, rejected the offer.\n\n"
            "“As a law enforcement agency, we cannot run a clinic,” a Coastal Border Service spokesperson said.\n\n"
            "In August, the Coastal Border Service announced that it would not vaccinate detainees. At the "
            "time, the agency said in a statement that the stays were too short.")
    assert _one(body, "the stays were too short").speaker == "Coastal Border Service"


def test_the_airline_is_the_body_named_with_airlines() -> None:
    body = ("An emergency slide deployed on a Pacific Coastal Airlines jet at the gate on Sunday.\n\n"
            "The flight attendant was treated for minor injuries, according to the airline.")
    assert _one(body, "The flight attendant").speaker == "Pacific Coastal Airlines"


def test_the_agency_is_the_body_last_seen_speaking() -> None:
    body = ("SEATTLE — The Federal Aviation Administration said Monday it is investigating after an emergency "
            "slide deployed on a Pacific Coastal Airlines jet as passengers were boarding at Harbor Field "
            "International Airport, injuring a flight attendant who was standing near the forward door at the "
            "time.\n\n"
            "The crew had finished the safety checks and the cabin doors were still open when the slide "
            "inflated without warning, witnesses told local television stations later that day.\n\n"
            "The jet was bound for Anchorage when the incident happened at about 7:40 a.m. Sunday, the agency "
            "said in a statement.")
    assert _one(body, "The jet was bound").speaker == "Federal Aviation Administration"


def test_an_acronym_body_that_is_also_a_word_speaks() -> None:
    body = ("The World Health Organization warned of a new virus. Dr. Ana Ruiz, who leads the WHO team, "
            "spoke to reporters.\n\n"
            "The WHO said it had not recommended any travel restrictions.")
    assert _one(body, "it had not recommended").speaker in ("WHO", "Organisasi Kesehatan Dunia")


def test_a_bare_quotation_after_a_pronoun_sentence_goes_on_with_the_speaker() -> None:
    body = ("“The mission did it all with one launch,” Dale Stroud, a former astronaut, responded. He then "
            "referred to Ken Marsh’s earlier testimony about the risks. “I cannot disagree with it.”")
    assert _one(body, "I cannot disagree").speaker == "Dale Stroud"


def test_the_writers_own_words_quoted_back_are_no_ones() -> None:
    body = ("The Vantor thermostat works with Alexa and other assistants. Learn more in our review, where we "
            "called it “a very compelling option for many households.”")
    assert _one(body, "a very compelling option").speaker is None


def test_someone_of_a_body_with_a_clause_before_the_verb_is_no_one_by_name() -> None:
    body = ("The talks stalled on Friday.\n\n"
            "A European Union negotiator, speaking on condition of anonymity because the talks were "
            "ongoing, denied that the bloc was stalling.\n\n"
            "A senior U.S. official who spoke on condition of anonymity to discuss internal planning said "
            "the rotation would last a year.")
    assert _one(body, "the bloc was stalling").speaker is None
    assert _one(body, "the rotation would last").speaker is None


def test_a_family_name_mislabelled_as_a_body_is_the_person_named_in_full() -> None:
    # the recogniser's labels are given here as it gets them wrong on English text (a place, a body),
    # so that the test reads the speaker rule alone, whatever the model does with these names
    body = ("“The reefs have no time to recover,” said Dr. Fiona Marsh, a marine ecologist.\n\n"
            "Marsh said the North Atlantic had warmed fastest.")
    full, short = body.find("Fiona Marsh"), body.rfind("Marsh said")
    entities = [Entity("Fiona Marsh", full, full + 11, "PLACE", "Fiona Marsh"),
                Entity("Marsh", short, short + 5, "ORG", "Marsh")]
    [report] = [q for q in find_quotes(body, entities) if q.kind == "indirect"]
    assert report.speaker == "Fiona Marsh"


def test_a_medium_named_after_the_noun_for_its_kind_is_the_source() -> None:
    # "state broadcaster KBS", "Public broadcaster NHK", "state media CNA": the medium's name, even a
    # short one the article writes nowhere else; a name that opens with such a word stays whole
    body = ("As reported by state media ZNA, the judge has reserved her decision.\n\n"
            "Public broadcaster QHK said the quake was strong.\n\n"
            "The fire spread quickly, according to state broadcaster KVS.\n\n"
            "The Daily Clarion reported that the star had left.")
    assert _one(body, "the judge has reserved").speaker == "ZNA"
    assert _one(body, "the quake was strong").speaker == "QHK"
    assert _one(body, "The fire spread quickly").speaker == "KVS"
    assert _one(body, "the star had left").speaker == "Daily Clarion"


def test_people_of_a_place_named_by_no_name_are_no_one() -> None:
    # the place or nationality says where they are from, not who speaks
    body = ("A storm cut power to the coast of Sukaraja on Sunday.\n\n"
            "Two ferries were held in port overnight, Sukaraja harbour officials said.")
    assert _one(body, "Two ferries were held").speaker is None
    # a body's people speak for the body the article names
    body = ("Heavy rain hit the Millbrook Power Company's dam on Sunday.\n\n"
            "The spillway held through the night, Millbrook Power Company engineers said.")
    assert _one(body, "The spillway held").speaker == "Millbrook Power Company"
