"""Reported speech: where a report set off by a dash begins, and a nested report opened by a
subordinate clause. Sentences of our own, fictional names."""

from __future__ import annotations

from chain_probe import reported_of as _reported
from chain_probe import reported_texts as _texts

from kliping.annotate.report_spans import lead_start


def test_according_to_after_a_dash_reports_only_the_clause_after_it() -> None:
    body = ("It is unclear whether the sequel will keep its director — both lead actors were said to "
            "have left the project in March, according to The Harbour Gazette.")
    [q] = _reported(body, "en")
    assert q.text == "both lead actors were said to have left the project in March"


def test_a_dash_going_on_with_and_keeps_the_clause_before_it() -> None:
    body = ("The film was panned by critics — and flopped at the box office, earning $200,000 on a budget "
            "of $9 million, according to the Ticket Ledger.")
    assert _texts(body, "en") == ["The film was panned by critics — and flopped at the box office, earning "
                                  "$200,000 on a budget of $9 million"]


def test_a_wire_dateline_is_left_out_of_the_lead_report() -> None:
    body = ("RIVERTON — The city council will close the old harbour bridge for repairs next month, "
            "a council spokesman said.")
    [q] = _reported(body, "en")
    assert q.text == "The city council will close the old harbour bridge for repairs next month"


def test_lead_start_passes_over_spaced_hyphens() -> None:
    # detokenised Indonesian text spaces its hyphens: "e - KTP", "2019 - 2024" set off no clause
    body = "Proyek e - KTP periode 2019 - 2024 itu molor dua tahun"
    assert lead_start(body, 0, len(body)) == 0


def test_a_subordinate_clause_before_a_nested_report_stays_in_it() -> None:
    body = ("Otoritas bandara mengatakan saat pesawat itu mendarat, petugas menara menyebut landasan "
            "dalam keadaan kosong.")
    [q] = _reported(body)
    assert q.text == "saat pesawat itu mendarat, petugas menara menyebut landasan dalam keadaan kosong"
    assert q.cue == "mengatakan"
