"""Entities with one canonical name each, within an article and across spellings."""

from __future__ import annotations

from kliping.annotate import aliases
from kliping.annotate.entities import find_entities, person_form


def _canon(body: str, text: str) -> set[str]:
    return {e.canonical for e in find_entities(body) if e.text == text}


def test_entities_short_mention_takes_the_full_name() -> None:
    body = "Presiden Rusia Vladimir Putin tiba di Pyongyang. Putin disambut hangat."
    assert _canon(body, "Putin") == {"Vladimir Putin"}


def test_entities_korean_name_spellings_are_one_person() -> None:
    assert person_form("Kim Jong-un") == "Kim Jong Un"
    body = "Pemimpin Korea Utara Kim Jong-un tiba di Rusia. Kim bertemu Putin di Vostochny."
    assert _canon(body, "Kim") == {"Kim Jong Un"}


def test_entities_aliases_across_languages_from_cldr_and_table() -> None:
    assert aliases.canonical("Korut") == aliases.canonical("North Korea") == "Korea Utara"
    assert aliases.canonical("AS") == aliases.canonical("United States") == "Amerika Serikat"
    assert aliases.canonical("PBB") == aliases.canonical("United Nations") == "Perserikatan Bangsa-Bangsa"
    assert aliases.canonical("Moscow") == "Moskow"
    assert aliases.canonical("Jepang") == aliases.canonical("Japan") == "Jepang"  # CLDR, not the table


def test_entities_role_links_to_the_person_it_introduced() -> None:
    body = ("Menteri Luar Negeri Rusia Sergei Lavrov tiba di Jakarta. "
            "Menteri Luar Negeri Rusia itu bertemu mitranya.")
    linked = [e for e in find_entities(body) if e.text.startswith("Menteri Luar Negeri Rusia")]
    assert linked and all(e.canonical == "Sergei Lavrov" and e.label == "PERSON" for e in linked)


def test_entities_offsets_index_into_body() -> None:
    body = "Sekjen PBB Antonio Guterres mengecam serangan di Gaza, kata juru bicaranya di New York."
    for e in find_entities(body):
        assert body[e.start:e.end] == e.text
