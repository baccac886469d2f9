"""Grouping across languages: a place named with a direction, a named storm and a body's acronym are one name
in both.

Made-up articles (no real text). English writes the direction before a place's name ("North Carolina"),
Indonesian after it ("Carolina Utara"); English calls a storm "Hurricane" or "Typhoon", Indonesian "Badai" or
"Topan". An Indonesian report of a storm abroad that names no one the wires quote shares only those names with
the English reports of the same day. A body each language spells out in its own words ("Komite … (KKPN)",
"National … Committee (KKPN)") is written alike only in its acronym.
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


def test_a_body_is_keyed_by_the_acronym_an_article_defines_for_it() -> None:
    indonesian = made_up_article(
        "k1", "KKPN Selidiki Kebakaran KM Cempaka Lestari",
        "Jakarta - Komite Keselamatan Pelayaran Nasional (KKPN) mulai menyelidiki kebakaran kapal KM Cempaka Lestari "
        "di perairan Selat Sukabar, Senin (3/6/2024). Ketua KKPN Budi Santoso mengatakan tim investigasi sudah "
        "memeriksa ruang mesin kapal.", "2024-06-03")
    english = made_up_article(
        "k2", "Indonesia investigates ferry fire",
        "JAKARTA (AP) - Indonesia's National Maritime Safety Committee (KKPN) has opened an inquiry into the fire "
        "that gutted the ferry Cempaka Lestari, its chairman said on Monday. The KKPN team has examined the engine "
        "room.", "2024-06-03")
    keys = features(indonesian).entities
    assert keys["kkpn"] == 4 and "komite keselamatan pelayaran nasional" not in keys  # two mentions in the lead
    assert "kkpn" in features(english).entities
    # A body the alias table knows keeps its one canonical name, however the article writes it.
    kpk = made_up_article("k3", "KPK Periksa Bupati Sukabar",
                          "Jakarta - Komisi Pemberantasan Korupsi (KPK) memeriksa Bupati Sukabar, Senin (3/6/2024).",
                          "2024-06-03")
    assert "komisi pemberantasan korupsi" in features(kpk).entities and "kpk" not in features(kpk).entities
