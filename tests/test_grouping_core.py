"""Grouping: a story of three or more articles is also matched by its core, the names and words at least two
of its articles share.

Made-up articles (no real text). Three reports of a ferry sinking each bring their own officials and details;
what recurs is the vessel, the strait and the operator. A report on the investigation five weeks later (past the
window in which a plain topical match suffices) names those and little else of the earlier reports: against the
whole story's profile it scores under the bar (their one-off names dilute the match), against the core it is
plainly the same story. A report on another vessel in the same
strait shares the place but not the vessel or its operator, and stays apart, the next day (when the core is not
used: the whole story is the match inside the window) as five weeks later.
"""

from __future__ import annotations

import json

import pytest
from conftest import made_up_article

from kliping.corpus.stories import StoryIndex
from kliping.model import Article

REPORTS = [
    ("KM Sinar Pandan Tenggelam di Selat Gelombang Biru",
     "Kapal penumpang KM Sinar Pandan tenggelam di Selat Gelombang Biru, Minggu (5/5/2024) malam. Kepala Kantor "
     "SAR Tanjung Kemuning, Rudiyanto Halim, mengatakan 41 penumpang selamat dan tujuh orang masih dicari. Kapal "
     "milik PT Arunika Bahari Lines itu berangkat dari Pelabuhan Tanjung Kemuning.", "2024-05-06"),
    ("Operator KM Sinar Pandan Serahkan Manifes ke Polisi",
     "PT Arunika Bahari Lines menyerahkan manifes KM Sinar Pandan kepada Polres Tanjung Kemuning. Direktur "
     "operasional perusahaan, Yosefina Rumbiak, menyebut kapal membawa 48 orang saat tenggelam di Selat "
     "Gelombang Biru. Keluarga korban menunggu kabar di posko pelabuhan.", "2024-05-07"),
    ("Tiga Jenazah Penumpang KM Sinar Pandan Ditemukan Nelayan",
     "Nelayan Desa Karang Tengah menemukan tiga jenazah penumpang KM Sinar Pandan di perairan Selat Gelombang "
     "Biru. Bupati Kepulauan Seruni, Hanafi Tualeka, meminta PT Arunika Bahari Lines menanggung biaya pemakaman "
     "dan santunan bagi keluarga.", "2024-05-08"),
]
FOLLOW_UP = ("Penyelidik Periksa Nakhoda KM Sinar Pandan",
             "Penyelidik Komite Keselamatan Pelayaran memeriksa nakhoda dan dua mualim KM Sinar Pandan. Investigator "
             "Stefanus Wowor mengatakan timnya meneliti catatan perawatan mesin dari PT Arunika Bahari Lines serta "
             "rekaman cuaca di Selat Gelombang Biru pada malam kejadian.", "2024-06-11")
NEIGHBOUR = ("Kapal Kargo Kandas di Selat Gelombang Biru",
             "Kapal kargo MV Teluk Mutiara kandas di Selat Gelombang Biru, Kamis (9/5/2024). Syahbandar Tanjung "
             "Kemuning, Agustinus Lewerissa, mengatakan seluruh awak selamat dan muatan semen belum dibongkar. "
             "Kapal milik PT Cakra Samudra Niaga menunggu air pasang.", "2024-05-09")


@pytest.fixture(scope="module")
def grown() -> list[Article]:
    return [made_up_article(f"ks-{n}", *report) for n, report in enumerate(REPORTS, 1)]


def _stories(reports: list[Article], *later: Article) -> list[list[str]]:
    index = StoryIndex()
    for article in [*reports, *later]:
        index.add(article)
    return index.stories()


def test_the_reports_are_one_story(grown: list[Article]) -> None:
    assert _stories(grown) == [["ks-1", "ks-2", "ks-3"]]


def test_a_follow_up_naming_the_core_joins(grown: list[Article]) -> None:
    assert _stories(grown, made_up_article("ks-4", *FOLLOW_UP)) == [["ks-1", "ks-2", "ks-3", "ks-4"]]


@pytest.mark.parametrize("published", ["2024-05-09", "2024-06-11"])
def test_a_neighbour_sharing_only_the_place_stays_apart(grown: list[Article], published: str) -> None:
    neighbour = made_up_article("ks-5", *NEIGHBOUR[:2], published)
    assert _stories(grown, neighbour) == [["ks-1", "ks-2", "ks-3"], ["ks-5"]]


def test_the_core_is_saved_with_the_index_and_a_state_without_it_still_loads(grown: list[Article]) -> None:
    index = StoryIndex()
    for article in grown:
        index.add(article)
    state = json.loads(json.dumps(index.to_state()))  # as a store reads it back
    story = state["stories"][0]
    assert story["core_entities"] == ["selat gelombang biru", "pt arunika bahari lines"]  # in the counts' order
    assert {"sinar", "pandan", "penumpang"} <= set(story["core_terms"])
    restored = StoryIndex.from_bytes(index.to_bytes())
    assert json.loads(json.dumps(restored.to_state())) == state
    follow_up = made_up_article("ks-4", *FOLLOW_UP)
    assert restored.add(follow_up) == index.add(follow_up) == "s1"
    older = {**state, "stories": [{k: v for k, v in story.items() if not k.startswith("core_")}]}
    assert StoryIndex.from_state(older).to_state()["stories"][0]["core_terms"] == []
    with pytest.raises(ValueError, match="core_terms must be its keys"):
        StoryIndex.from_state({**state, "stories": [{**story, "core_terms": ["not-a-key"]}]})
