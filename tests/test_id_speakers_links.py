"""Indonesian attribution that links a speaker's mention to the name the article gives: a
nickname after a title or a "beralias" ("akrab disapa chef Nando", "pemain beralias Bepe"), a
medium named after its noun ("dilansir Majalah X", "menurut laman X"), a dateline's place that is
no part of the first sentence ("Jakarta, Warta Kita - - Calon Presiden X, mengatakan"), a role
whose body's name runs on past a hyphen ("Direktur Utama LLP - KUKM X") or opens with a digit
("CEO 99.id X"). Short sentences of our own, fictional names and outlets."""

from __future__ import annotations

from chain_probe import quotes_of as _quotes
from chain_probe import said


def _speaker_of(body: str, start: str) -> str | None:
    return said(body, start).speaker


def test_nickname_after_a_title_is_the_person() -> None:
    body = ("“Menu ini untuk pria,” kata pemilik restoran, Chef Bernardus Wiyoga, yang akrab disapa chef Dino, "
            "saat ditemui di Jakarta.\n\n"
            "Menurut Chef Dino, dapur terbuka membuat kru selalu sadar diawasi tamu.\n\n"
            "Chef Dino menyebut, pihaknya memanggang sendiri kopi yang disajikan.")
    assert _speaker_of(body, "dapur terbuka") == "Bernardus Wiyoga"
    assert _speaker_of(body, "pihaknya memanggang") == "Bernardus Wiyoga"


def test_beralias_names_the_nickname_of_the_person_before() -> None:
    body = ("Sementara itu, Bagas Pranowo mengatakan bahwa kota ini adalah miniatur Indonesia. "
            "Maka, pemain beralias Bego itu berharap kota dapat menjadi contoh.\n\n"
            "“Selamat ulang tahun kotaku,” tutur Bego melalui akun Instagram miliknya.")
    assert _speaker_of(body, "Selamat ulang tahun") == "Bagas Pranowo"


def test_medium_is_its_name_not_its_noun() -> None:
    body = ("Di sisi lain, mengubah budaya kerja akan menjadi perjuangan panjang. Dilansir Majalah Fortuna, "
            "serikat pengusaha hanya memiliki 1300 perusahaan anggota.\n\n"
            "Siapa bilang pegiat kebugaran selalu disiplin? Kenyataannya, sebagaimana dikabarkan laman Sehatria "
            "mereka juga sesekali melanggar aturan demi kesenangan pribadi.")
    assert _speaker_of(body, "serikat pengusaha") == "Fortuna"
    [q] = [q for q in _quotes(body) if "sesekali melanggar" in q.text]
    assert q.speaker == "Sehatria"


def test_dateline_place_is_not_the_speaker() -> None:
    body = ("Jakarta, Warta Kita - - Calon Presiden Perancis Emmanuel Dubois, mengatakan dirinya telah memilih "
            "calon perdana menteri.\n\n"
            "Dubois akan berkampanye di Lyon pekan depan.")
    assert _speaker_of(body, "dirinya telah memilih") == "Emmanuel Dubois"


def test_role_of_a_hyphenated_body_resolves_to_the_person_after_it() -> None:
    body = ("Pesta diskon berlaku di 38 gerai. Menurut Direktur Utama LLP - KUKM Ahmad Sudibyo, program "
            "itu akan spesial bagi perempuan.")
    assert _speaker_of(body, "program itu") == "Ahmad Sudibyo"


def test_role_of_a_body_named_with_a_digit_resolves_to_the_person_after_it() -> None:
    body = ("Portal properti itu baru hadir di Indonesia.\n\n"
            "“Kami sangat senang menyambut tim Rumahku,” sambut CEO 99.id Darmawan Cahyadi.")
    assert _speaker_of(body, "Kami sangat senang") == "Darmawan Cahyadi"
