"""Reported speech whose shape the thirteenth session's dev misses showed: a closing speaker after a
lead that holds a comma and a word that is also a cue ("state"), a state a verb ascribes ("reported
missing"), the present "report that", a court's "heard", a second report started by a conjunction with
no comma, and the closing speakers, relative clauses, refusals and participles around a report. The
sentences are made up."""

from __future__ import annotations

from chain_probe import reported_of as _reported
from chain_probe import reported_texts as _texts


def test_closing_speaker_after_a_lead_with_a_cue_word_as_a_noun() -> None:
    # ", state engineers …": "state" names no one after it — the closing ", said …" speaks
    body = ("After the flood, state engineers have inspected every bridge in the valley, "
            "said county spokesman Owen Pratt.")
    [q] = _reported(body, "en")
    assert q.text == "After the flood, state engineers have inspected every bridge in the valley"
    assert q.speaker == "Owen Pratt"


def test_a_state_the_verb_ascribes_is_no_report() -> None:
    body = ("Four fishing boats from Millbrook were lost in the gale, with nine sailors reported "
            "missing, harbour officials said on Monday.")
    assert _texts(body, "en") == [
        "Four fishing boats from Millbrook were lost in the gale, with nine sailors reported missing"]
    assert _texts("Two climbers were confirmed dead after the avalanche.", "en") == []


def test_present_report_and_reporting_with_that() -> None:
    assert _texts("The coastguard report that the tanker drifted overnight toward the reef.", "en") == [
        "the tanker drifted overnight toward the reef"]
    assert _texts("The council is reporting that three bridges were closed.", "en") == [
        "three bridges were closed"]
    # the noun, and the verb with no "that", report nothing
    assert _texts("The report that the team had left was wrong.", "en") == []
    assert _texts("He was reporting from the harbour when the storm hit.", "en") == []


def test_what_a_court_heard() -> None:
    assert _texts("The cyclist had been riding without lights for several miles, the tribunal heard.", "en") == [
        "The cyclist had been riding without lights for several miles"]
    # what was heard as a thing, not a clause
    assert _texts("Residents of Millbrook heard sirens at around midnight.", "en") == []


def test_a_conjunction_with_no_comma_starts_a_second_report() -> None:
    body = "Ann Roe said the orchard had lost half its trees and she said the growers needed loans."
    assert _texts(body, "en") == ["the orchard had lost half its trees", "the growers needed loans"]
    body = ("The harbour master admitted that the port closed the gates too late on Friday when several "
            "skippers said they heard of the closure over the radio.")
    assert _texts(body, "en") == ["the port closed the gates too late on Friday",
                                  "they heard of the closure over the radio"]


def test_after_when_the_same_speaker_goes_on_narrating() -> None:
    # "when she told …": the speaker's own report goes on, one report
    body = ("Ann Roe said she could sense the fear in the classroom when she told the pupils that the "
            "river had burst its banks.")
    assert _texts(body, "en") == [
        "she could sense the fear in the classroom when she told the pupils that the river had burst its banks"]


def test_a_closing_description_and_name_after_a_lead_with_an_appositive() -> None:
    # the lead's own "a carpenter" is no speaker: the person closing the sentence is
    body = ("The second man, a carpenter, was treated for burns at Millbrook General Hospital, "
            "said clinic manager Owen Pratt.")
    [q] = _reported(body, "en")
    assert q.text == "The second man, a carpenter, was treated for burns at Millbrook General Hospital"
    assert q.speaker == "Owen Pratt"


def test_a_closing_speaker_with_where_they_work() -> None:
    body = "The barn on Elm Road burned to the ground, said Lt. Tom Webb of the rural rescue brigade."
    [q] = _reported(body, "en")
    assert q.text == "The barn on Elm Road burned to the ground"
    assert q.speaker == "Tom Webb"


def test_a_closing_someone_placed_by_a_long_phrase() -> None:
    body = ("Two hikers were found near the ridge and a helicopter was sent for a third, "
            "said a volunteer at the mountain rescue hut.")
    [q] = _reported(body, "en")
    assert q.text == "Two hikers were found near the ridge and a helicopter was sent for a third"
    assert q.speaker is None


def test_a_closing_person_set_off_by_an_appositive_said_in_a_statement() -> None:
    # "in a statement" is where it was said, not who said it
    body = ("Thieves broke into the Sukaraja post office on Sunday night, Budi Santoso, a district "
            "police officer, said in a statement.")
    [q] = _reported(body, "en")
    assert q.text == "Thieves broke into the Sukaraja post office on Sunday night"
    assert q.speaker == "Budi Santoso"


def test_a_report_in_a_relative_clause_ends_before_its_heads_own_verb() -> None:
    body = ("Tarjodak, who argued that the levy was unfair, warned that the growers would stop "
            "selling to the mill.")
    assert _texts(body, "en") == ["the levy was unfair", "the growers would stop selling to the mill"]
    # a relative clause with no report in it leaves one report
    assert _texts("Ann Roe, who chairs the board, said the mill would reopen in spring.", "en") == [
        "the mill would reopen in spring"]


def test_a_lead_opening_like_a_subordinate_clause_before_a_closing_speaker() -> None:
    assert _texts("After that the board stopped paying the contractors, she said.", "en") == [
        "After that the board stopped paying the contractors"]
    # the lead sets the scene of a verb that does not close the sentence
    assert _texts("As the votes were counted in Leeds, Mara Quill testified before the panel.", "en") == []


def test_according_to_him_points_back_at_the_person_named_before() -> None:
    body = ("Tom Webb, an economist at Millbrook University, said bread prices rose by a fifth in March."
            "\n\nAccording to him, the rise is the steepest since the mill closed.")
    assert [q.speaker for q in _reported(body, "en")] == ["Tom Webb", "Tom Webb"]


def test_a_participle_after_a_comma_is_said_by_the_person_opening_the_sentence() -> None:
    body = ("Mayor Ann Roe has stood by her budget at the opening of the Cempaka bridge, arguing that "
            "the town cannot borrow more.")
    [q] = _reported(body, "en")
    assert q.text == "the town cannot borrow more"
    assert q.speaker == "Ann Roe"


def test_the_place_closing_a_residents_address_does_not_speak() -> None:
    body = ("Sementara itu, Slamet Riyadi warga Dusun Cempaka, RT 04 RW 02, Desa Sukaraja mengatakan, "
            "sumur warga mengering sejak bulan lalu.")
    [q] = _reported(body, "id")
    assert q.text == "sumur warga mengering sejak bulan lalu"
    assert q.speaker == "Slamet Riyadi"


def test_about_a_number_opens_the_report() -> None:
    assert _texts("She said about 300 homes in the valley had lost power overnight.", "en") == [
        "about 300 homes in the valley had lost power overnight"]
    assert _texts("He asked them about the plan for the harbour.", "en") == []


def test_the_speakers_refusal_after_but_ends_the_report() -> None:
    assert _texts("Ann Roe said the ferry had sunk, but declined to give details.", "en") == ["the ferry had sunk"]
    assert _texts("Ann Roe said the ferry had sunk, but she refused to release the names.", "en") == [
        "the ferry had sunk"]


def test_said_then_adding_with_its_comma_left_out() -> None:
    body = "Wheat exports should recover by the autumn, he said adding that the silos were full."
    assert _texts(body, "en") == ["Wheat exports should recover by the autumn", "the silos were full"]
