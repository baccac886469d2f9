"""Who an English "he" or "she" stands for when the person the narrative last turned to is of the
other gender, told by the article's own words (kliping ships no name-gender list): an honorific
("Mr. Okoro"), a role or kinship noun in apposition ("Her husband, Paul Dorsey"), and the
pronouns the article already used for someone ("Baxter … revised his drafts"); and a possessor
("Lowe's lawyer, Owen Marsh, …") is not the subject a "he" after it goes on with. The entities
are given by hand so that the tests read the speaker logic, not the recogniser. All sentences
are made up."""

from __future__ import annotations

import re

from kliping.annotate import genders
from kliping.annotate.quote_marks import quotations
from kliping.annotate.quotes import find_quotes
from kliping.annotate.sentences import split_sentences
from kliping.model import Entity, Quote


def _people(body: str, names: dict[str, str]) -> list[Entity]:
    """Every mention of each name (mention → canonical), longest first where they overlap."""
    found = sorted(((m.start(), m.end(), canonical) for mention, canonical in names.items()
                    for m in re.finditer(re.escape(mention), body)), key=lambda x: (x[0], -x[1]))
    out: list[Entity] = []
    for start, end, canonical in found:
        if not out or start >= out[-1].end:
            out.append(Entity(body[start:end], start, end, "PERSON", canonical))
    return out


def _said(body: str, names: dict[str, str], opening: str) -> Quote:
    [q] = [q for q in find_quotes(body, _people(body, names)) if q.text.startswith(opening)]
    return q


def test_she_skips_a_man_the_article_calls_he() -> None:
    body = ("Jane Holloway edited Tom Baxter's first novel.\n\n"
            "Baxter wrote quickly and rarely revised his drafts; he kept no notes. "
            "“He never missed a deadline,” she recalled.")
    names = {"Jane Holloway": "Jane Holloway", "Tom Baxter": "Tom Baxter", "Baxter": "Tom Baxter"}
    assert _said(body, names, "He never missed").speaker == "Jane Holloway"


def test_she_skips_a_man_with_an_honorific() -> None:
    body = ("Ms. Raman met Daniel Okoro in Lagos on Monday.\n\nMr. Okoro said the talks went well.\n\n"
            "“We agreed on a timetable,” she said.")
    names = {"Raman": "Priya Raman", "Daniel Okoro": "Daniel Okoro", "Okoro": "Daniel Okoro"}
    assert _said(body, names, "We agreed").speaker == "Priya Raman"


def test_she_skips_a_man_named_by_a_kinship_noun() -> None:
    body = ("Mara Quinn won the award on Sunday.\n\n"
            "Her husband, Paul Dorsey, praised the crew. “I cried at the premiere,” she said.")
    names = {"Mara Quinn": "Mara Quinn", "Paul Dorsey": "Paul Dorsey"}
    assert _said(body, names, "I cried").speaker == "Mara Quinn"


def test_without_evidence_the_pronoun_keeps_the_last_subject() -> None:
    body = ("Kim Lee met Alex Park on Monday. Park said the deal was done.\n\n"
            "“We are pleased with the result,” she said.")
    names = {"Kim Lee": "Kim Lee", "Alex Park": "Alex Park", "Park": "Alex Park"}
    assert _said(body, names, "We are pleased").speaker == "Alex Park"


def test_a_possessor_is_not_the_subject_a_pronoun_goes_on_with() -> None:
    body = ("Derek Lowe, 36, the founder of CoinVault, has pleaded not guilty to fraud.\n\n"
            "“He knew the money was gone,” prosecutor Ruth Adler said in her opening statement.\n\n"
            "Adler said the evidence would show that Lowe spent the money on a yacht.\n\n"
            "Lowe's lawyer, Owen Marsh, offered a different account. "
            "He argued that his client had been misled by others.")
    names = {"Derek Lowe": "Derek Lowe", "Ruth Adler": "Ruth Adler", "Adler": "Ruth Adler", "Lowe": "Derek Lowe",
             "Owen Marsh": "Owen Marsh"}
    [q] = [q for q in find_quotes(body, _people(body, names)) if q.text.startswith("his client")]
    assert q.speaker == "Owen Marsh"


def _evidence(body: str, names: dict[str, str]) -> dict[str, list[tuple[int, str, int]]]:
    return genders.genders(body, split_sentences(body), _people(body, names), sorted(quotations(body)))


def _genders(body: str, names: dict[str, str]) -> dict[str, str | None]:
    evidence = _evidence(body, names)
    return {name: genders.gender_of(evidence, name) for name in set(names.values())}


def test_gender_evidence_ignores_possessors_appositives_and_quotations() -> None:
    body = ("Rita Vale testified on Monday. Shortly after, Tom Reyes's allies attacked her testimony.\n\n"
            "Sam Ortiz spoke next: “Yes, she lied to us,” he said.\n\n"
            "Lena Fox, he added, had known for weeks.")
    evidence = _evidence(body, {"Rita Vale": "Rita Vale", "Tom Reyes": "Tom Reyes", "Sam Ortiz": "Sam Ortiz",
                                "Lena Fox": "Lena Fox"})
    assert "Tom Reyes" not in evidence and "Lena Fox" not in evidence
    assert {g for _, g, _ in evidence["Sam Ortiz"]} == {"m"}  # the quotation's "she" is someone else


def test_gender_evidence_from_honorifics_nouns_and_pronouns() -> None:
    body = ("Mr. Okoro arrived first. The actress, Mara Quinn, came later. "
            "Rita Vale said she would run again. She thanked her staff. "
            "Ben Cole and his wife left early. Sam Ortiz stayed, and he spoke last.")
    genders = _genders(body, {"Okoro": "Daniel Okoro", "Mara Quinn": "Mara Quinn", "Rita Vale": "Rita Vale",
                              "Ben Cole": "Ben Cole", "Sam Ortiz": "Sam Ortiz"})
    # One pronoun read by position is not enough ("Sam Ortiz … he"); two that agree are.
    assert genders == {"Daniel Okoro": "m", "Mara Quinn": "f", "Rita Vale": "f", "Ben Cole": None, "Sam Ortiz": None}
