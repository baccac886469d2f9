"""A name the recogniser missed, opening its clause, with a relative clause about its bearer
before the verb ("Lowes yang merupakan pebalap X (XB) menegaskan bahwa …") is the speaker; the
owner of a thing ("tulisan tangan Budi yang merinci …") and an ordinary word ("Warga yang …") are
not. Short sentences of our own, fictional names."""

from __future__ import annotations

from chain_probe import reported_of

from kliping.model import Quote


def _reported(body: str) -> list[Quote]:
    return reported_of(body, "id")


def test_name_before_a_relative_clause_with_a_bracketed_acronym_reports() -> None:
    body = ("Rumor itu langsung dibantah oleh sang pebalap.\n\n"
            "Lowes yang merupakan pebalap World Superbike (WSBK) mengatakan bahwa dirinya tidak memiliki "
            "pembicaraan apapun dengan tim itu.")
    [q] = _reported(body)
    assert q.text.startswith("dirinya tidak memiliki pembicaraan")
    assert q.speaker == "Lowes"


def test_body_named_inside_the_relative_clause_is_not_the_speaker() -> None:
    body = ("Rumor itu langsung dibantah oleh sang pebalap.\n\n"
            "Lowes yang merupakan pebalap Honda mengatakan bahwa dirinya tidak memiliki pembicaraan apapun "
            "dengan tim itu.")
    [q] = _reported(body)
    assert q.speaker == "Lowes"


def test_ordinary_word_before_a_relative_clause_names_no_one() -> None:
    body = ("Sampah menumpuk di tempat pembuangan itu sejak Januari.\n\n"
            "Warga yang tinggal di dekat Tempat Pemrosesan Akhir mengeluhkan bau menyengat dan banyaknya "
            "lalat, terutama saat musim hujan.")
    for q in _reported(body):
        assert q.speaker != "Warga"
