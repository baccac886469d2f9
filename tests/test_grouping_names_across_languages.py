"""Grouping across languages: a place named with a direction and a named storm are one name in both.

Made-up articles (no real text). English writes the direction before a place's name ("North Carolina"),
Indonesian after it ("Carolina Utara"); English calls a storm "Hurricane" or "Typhoon", Indonesian "Badai" or
"Topan". An Indonesian report of a storm abroad that names no one the wires quote shares only those names with
the English reports of the same day.
"""

from __future__ import annotations

from conftest import made_up_article

from kliping.annotate.aliases import match_key
from kliping.corpus.features import features
from kliping.corpus.stories import StoryIndex

INDONESIAN = ("h1", "Badai Odelia Terjang Carolina Utara, Tiga Orang Tewas",
              "Jakarta - Badai Odelia menerjang pesisir Carolina Utara, Amerika Serikat, Jumat (13/9/2024). Otoritas "
              "setempat mengatakan tiga orang tewas tertimpa pohon tumbang dan ratusan ribu rumah kehilangan aliran "
              "listrik. Badai Odelia juga membawa hujan lebat ke Carolina Selatan dan membuat sungai-sungai meluap.",
              "2024-09-13")
ENGLISH = ("h2", "Hurricane Odelia slams North Carolina coast, three dead",
           "WILMORE, N.C. (AP) - Hurricane Odelia came ashore on the North Carolina coast on Friday, toppling trees "
           "and knocking out power to hundreds of thousands of homes. Governor Marcus Whitfield said three people were "
           "killed. Forecasters warned of record flooding in South Carolina as the storm crawled inland.", "2024-09-13")


def test_the_same_storm_reported_in_both_languages_is_one_story() -> None:
    indonesian, english = made_up_article(*INDONESIAN), made_up_article(*ENGLISH)
    shared = set(features(indonesian).entities) & set(features(english).entities)
    assert {"badai odelia", "carolina utara", "carolina selatan"} <= shared
    index = StoryIndex()
    assert index.add(indonesian) == index.add(english) == "s1"


def test_match_key_puts_english_names_in_the_indonesian_order() -> None:
    assert match_key("North Carolina") == match_key("Carolina Utara") == "carolina utara"
    assert match_key("Southeast Sulawesi") == "sulawesi tenggara"
    assert {match_key(n) for n in ("Hurricane Odelia", "Typhoon Odelia", "Topan Odelia", "Super Typhoon Odelia",
                                   "Tropical Storm Odelia", "Badai Tropis Odelia")} == {"badai odelia"}
    # Only a storm word and one name: a band, an operation and a name alone are themselves.
    assert match_key("Super Junior") == "super junior"
    assert match_key("Desert Storm") == "desert storm"
    assert match_key("Joko Widodo") == "joko widodo"
    assert match_key("North") == "north"
