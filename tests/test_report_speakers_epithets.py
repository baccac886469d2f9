"""A person named by an epithet pointing back ("Pentolan band itu mengatakan", "Menurut pensiunan
jenderal itu, …", "pria penggemar penyanyi X ini mengatakan …") speaks as the person the passage
is about — not a name inside the epithet, nor no one; an epithet of a thing or a body is not a
person. Short sentences of our own, fictional names."""

from __future__ import annotations

from chain_probe import reported_of

from kliping.model import Quote


def _reported(body: str, language: str = "id") -> list[Quote]:
    return reported_of(body, language)


def test_epithet_with_a_name_inside_speaks_as_the_person_named_before() -> None:
    body = ("Raka Wiratama tampil di Bandung pada Sabtu malam.\n\n"
            "Pentolan Kelana Band itu mengatakan konser berikutnya akan digelar di Surabaya bulan depan.")
    [q] = _reported(body)
    assert q.text.startswith("konser berikutnya akan digelar")
    assert q.speaker == "Raka Wiratama"


def test_epithet_closing_a_menurut_frame() -> None:
    body = ("Wakil Ketua Komisi Dharma Setiabudi hadir dalam jumpa pers di Jakarta.\n\n"
            "Namun, Dharma belum bisa menyebut jumlah uang yang disita.\n\n"
            "Menurut pensiunan jenderal bintang dua itu, tim penyidik masih bekerja di Medan.")
    [q] = [q for q in _reported(body) if q.text.startswith("tim penyidik")]
    assert q.speaker == "Dharma Setiabudi"


def test_name_closing_an_epithet_is_not_the_speaker() -> None:
    body = ("Aktor Bima Prasetya datang ke Jakarta untuk bermain golf.\n\n"
            "Pria penggemar penyanyi Dewi Anggraini ini mengatakan dirinya menyukai masakan Indonesia.")
    [q] = _reported(body)
    assert q.speaker == "Bima Prasetya"


def test_epithet_of_a_finding_is_no_person() -> None:
    body = ("Menteri Kesehatan Laras Widuri membuka seminar di Makassar.\n\n"
            "Hasil survei Lembaga Riset Nusantara tersebut menyebutkan harga beras naik tiga persen.")
    assert all(q.speaker != "Laras Widuri" for q in _reported(body))
