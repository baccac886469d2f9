"""Indonesian person names cut and linked whole: a leading initial the recogniser left out, a
particle that never ends a name, and a full name taken for a body or place then called by one of
its words. Made-up sentences and names."""

from __future__ import annotations

from kliping.annotate import naming, person_mentions
from kliping.annotate.entities import _whole_name
from kliping.model import Entity


def _span(body: str, name: str) -> tuple[int, int]:
    start = body.index(name)
    return start, start + len(name)


def _widened(body: str, name: str) -> str:
    start, end = _whole_name(body, *_span(body, name))
    return body[start:end]


def test_leading_initial_before_the_name_is_kept() -> None:
    body = "Hal itu disampaikan Konsul Jenderal RI Jeddah M. Rudi Hartawan kepada wartawan."
    assert _widened(body, "Rudi Hartawan") == "M. Rudi Hartawan"
    body = "Kepala desa Moh. Sarip Lubis mengatakan jalan sudah rusak."
    assert _widened(body, "Sarip Lubis") == "Moh. Sarip Lubis"


def test_street_title_and_middle_initial_are_not_taken_in() -> None:
    assert _widened("Rumahnya di Jl. Sarip Lubis nomor 4.", "Sarip Lubis") == "Sarip Lubis"
    assert _widened("Kata Bupati H. Sarip Lubis di sana.", "Sarip Lubis") == "Sarip Lubis"  # Haji: a title
    assert _widened("Kata Wenda A. Lubis di sana.", "Lubis") == "Lubis"  # a middle initial: naming's job


def test_a_particle_never_ends_a_name() -> None:
    body = "Ketua majelis, Habib Hasan Al Kaff mengatakan acara berjalan lancar."
    assert _widened(body, "Hasan Al") == "Hasan Al Kaff"
    body = "Pengusaha Salim bin Mahfud hadir pada Senin pagi."
    assert _widened(body, "Salim bin") == "Salim bin Mahfud"
    assert _widened("Tamu itu Yusuf bin Senin lalu.", "Yusuf bin") == "Yusuf bin"  # a weekday is no name


def test_full_name_taken_for_a_body_is_the_person_its_word_names() -> None:
    body = "Putri sulung pelukis itu, Larasati Febrina Wulan Siregar, bercerita. Febrina menangis."
    mentions = [Entity("Larasati Febrina Wulan Siregar", 26, 56, "ORG", "Larasati Febrina Wulan Siregar"),
                Entity("Febrina", 69, 76, "PERSON", "Febrina")]
    person_mentions.complete(body, mentions)
    assert [(m.label, m.canonical) for m in mentions] == [
        ("PERSON", "Larasati Febrina Wulan Siregar"), ("PERSON", "Larasati Febrina Wulan Siregar")]


def test_a_word_two_such_names_hold_is_left_alone() -> None:
    body = "Hadir Rano Febrina Tambunan dan Sari Febrina Lubis. Febrina tertawa."
    mentions = [Entity("Rano Febrina Tambunan", 6, 27, "ORG", "Rano Febrina Tambunan"),
                Entity("Sari Febrina Lubis", 32, 50, "ORG", "Sari Febrina Lubis"),
                Entity("Febrina", 52, 59, "PERSON", "Febrina")]
    person_mentions._bodies_named_by_people(body, mentions, mentions[2:])
    assert [(m.label, m.canonical) for m in mentions] == [
        ("ORG", "Rano Febrina Tambunan"), ("ORG", "Sari Febrina Lubis"), ("PERSON", "Febrina")]


def test_given_name_after_an_honorific_is_no_body_glued_to_the_name() -> None:
    body = ("\"Koh Darman bilang main sabar saja,\" tutur pemain muda itu. Pelatih ganda putra, "
            "Darman Wijaya Kusuma, menilai anak asuhnya masih perlu berbenah.")
    assert naming.unglued(body, "Darman Wijaya Kusuma") == "Darman Wijaya Kusuma"
