"""Grouping: a follow-up weeks later joins its story when its text names the day the story happened.

Made-up articles (no real text). The follow-up comes five weeks after the first reports, past the window in
which a plain topical match suffices, and shares only part of their names and words: what places it is the
day it gives for the landslide. Named only as a month, the same text stays apart (a month is as often a
neighbouring event's as the story's own).
"""

from __future__ import annotations

import pytest
from conftest import made_up_article

from kliping.corpus.features import features
from kliping.corpus.rolling import ArticleKeys, article_keys
from kliping.corpus.stories import StoryIndex
from kliping.model import Article

FIRST = ("Longsor Timbun Lima Rumah di Desa Watugede",
         "Lembah Sari - Tanah longsor menimbun lima rumah di Desa Watugede, Kabupaten Lembah Sari, Senin (4/3/2024) "
         "dini hari setelah hujan deras sejak sore. Kepala BPBD Lembah Sari, Darmawan Kusnadi, mengatakan tiga "
         "warga masih dicari. \"Tim gabungan menggali dengan alat seadanya,\" kata Darmawan.")
SECOND = ("Dua Korban Longsor Watugede Ditemukan, Satu Masih Dicari",
          "Lembah Sari - Tim gabungan menemukan dua korban longsor di Desa Watugede, Kabupaten Lembah Sari, Selasa "
          "(5/3/2024). Darmawan Kusnadi dari BPBD Lembah Sari menyebut pencarian korban ketiga dilanjutkan besok "
          "dengan bantuan ekskavator.")
# Five weeks on: the relocation, told by other people, naming the landslide's day (or, below, only its month).
FOLLOW_UP = ("Warga Watugede Mulai Direlokasi ke Hunian Baru",
             "Lembah Sari - Sebanyak 38 keluarga Desa Watugede mulai menempati hunian sementara di lahan milik "
             "pemerintah kabupaten, Rabu (10/4/2024). Mereka kehilangan rumah akibat longsor {when}. Camat "
             "Ngargoyoso, Sutrisno Hadi, mengatakan lahan lama dinyatakan rawan.")


@pytest.fixture(scope="module")
def reports() -> list[Article]:
    return [made_up_article("ws-1", *FIRST, "2024-03-04"), made_up_article("ws-2", *SECOND, "2024-03-05")]


def _story_of_follow_up(reports: list[Article], when: str) -> tuple[str, list[str]]:
    index = StoryIndex()
    for article in reports:
        index.add(article)
    follow_up = made_up_article("ws-3", FOLLOW_UP[0], FOLLOW_UP[1].format(when=when), "2024-04-10")
    return index.add(follow_up), [s for s in index.stories() if "ws-3" in s][0]


def test_a_follow_up_naming_the_day_of_the_story_joins_it(reports: list[Article]) -> None:
    assert _story_of_follow_up(reports, "pada Senin (4/3/2024)") == ("s1", ["ws-1", "ws-2", "ws-3"])


def test_naming_only_the_month_keeps_it_apart(reports: list[Article]) -> None:
    assert _story_of_follow_up(reports, "pada awal Maret") == ("s2", ["ws-3"])


MARCH_4 = 738949  # date(2024, 3, 4).toordinal()


def test_only_earlier_full_dates_are_references(reports: list[Article]) -> None:
    follow_up = made_up_article("ws-3", FOLLOW_UP[0], FOLLOW_UP[1].format(when="pada Senin (4/3/2024) dan awal Maret"),
                         "2024-04-10")
    assert features(follow_up).references == (MARCH_4,)  # not its own day (10 April), nor the month
    assert features(reports[1]).references == ()  # its own day, and "besok", are not earlier days


def test_references_survive_the_keys_record() -> None:
    keys = article_keys(made_up_article("ws-3", FOLLOW_UP[0], FOLLOW_UP[1].format(when="pada Senin (4/3/2024)"),
                                 "2024-04-10"))
    assert keys.features.references == (MARCH_4,)
    again = ArticleKeys.from_record(keys.id, keys.to_record(), keys.signature.tobytes())
    assert again.features == keys.features
    old = {k: v for k, v in keys.to_record().items() if k != "r"}  # a record written before references
    assert ArticleKeys.from_record(keys.id, old, keys.signature.tobytes()).features.references == ()
