"""Indonesian pages whose headline (written in title case) stands in the body: the word after a
name there is the headline's verb, not the name's last word. The whole chain runs, on sentences
made up for these tests."""

from __future__ import annotations

from functools import partial

from chain_probe import speakers_of

_speakers = partial(speakers_of, language="id")


def test_headline_verb_after_a_name_is_no_part_of_it() -> None:
    body = ("Heboh Video Lama, Rina Marlina Bantah Pernah Bertengkar Dengan Dewi Anggraeni\n\n"
            "Penyanyi Rina Marlina akhirnya angkat bicara soal video lama yang ramai dibicarakan.\n\n"
            "\"Kami cuma bercanda di belakang panggung, tidak ada yang marah,\" kata Rina Marlina di "
            "Jakarta, Senin.\n\n"
            "Ia membantah kabar itu. \"Saya dan Dewi masih sering makan bersama,\" ujar Rina Marlina.")
    assert set(_speakers(body)) == {"Rina Marlina"}


def test_headline_full_name_keeps_a_family_name_the_body_leaves_off() -> None:
    # "Wibisono" is written only in the headline, never in lower case: a family name, kept
    body = ("Rudi Hartono Wibisono Minta Warga Tenang\n\n"
            "Wali kota Rudi Hartono meminta warga tidak panik.\n\n"
            "\"Stok beras aman sampai Lebaran,\" kata Rudi Hartono di balai kota, Senin.")
    assert set(_speakers(body)) == {"Rudi Hartono Wibisono"}
