"""Grouping: an article that clears the bar of two open stories by a clear margin merges them into one.

Made-up articles (no real text). A river levee breaks: the first reports are about the evacuees and their
health, two days later others about the police and prosecutors examining the levee's contractor. A young
index (these are its only articles) has the two angles as separate stories; then a report names both, the
evacuees and the contractor, and the angles become one story, as a reader would file them. A report on the
evacuees alone joins their story and leaves the contractor's apart. A store that kept the first stories' ids moves their
articles to the merged story.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from conftest import made_up_article

from kliping.corpus.features import Features
from kliping.corpus.stories import StoryIndex
from kliping.model import Article
from kliping.store import Store

FLOOD = [
    ("Tanggul Sungai Lirang Jebol, Ribuan Warga Mengungsi",
     "Tanggul Sungai Lirang di Kecamatan Wanareja jebol, Selasa (3/9/2024) dini hari. Kepala BPBD Kabupaten "
     "Sekarwangi, Lukas Tambunan, mengatakan 2.300 warga mengungsi ke balai desa dan masjid. Air setinggi dua "
     "meter merendam 14 desa.", "2024-09-03"),
    ("Pengungsi Banjir Wanareja Mulai Terserang Diare",
     "Pengungsi banjir akibat jebolnya tanggul Sungai Lirang di Wanareja mulai terserang diare. Kepala Dinas "
     "Kesehatan Sekarwangi, Rosmawati Sinaga, mengatakan 86 pengungsi dirawat di posko kesehatan. BPBD masih "
     "mendata rumah yang rusak.", "2024-09-05"),
]
PROBE = [
    ("Polisi Periksa Kontraktor Proyek Tanggul Lirang",
     "Polres Sekarwangi memeriksa PT Gemilang Karya Persada, kontraktor proyek perkuatan tanggul Sungai Lirang "
     "senilai Rp 48 miliar. Kasat Reskrim AKP Dedi Marpaung mengatakan penyidik menyita dokumen lelang dan "
     "laporan pengawasan proyek tahun 2023.", "2024-09-06"),
    ("Kejaksaan Telusuri Anggaran Tanggul Lirang",
     "Kejaksaan Negeri Sekarwangi ikut menelusuri anggaran proyek perkuatan tanggul Sungai Lirang yang "
     "dikerjakan PT Gemilang Karya Persada. Kepala Kejari Sekarwangi, Maria Lumbantobing, mengatakan timnya "
     "membandingkan laporan pengawasan dengan kondisi tanggul.", "2024-09-07"),
]
BRIDGE = ("Korban Banjir Wanareja Tuntut Kontraktor Tanggul Lirang",
          "Warga Wanareja yang mengungsi sejak tanggul Sungai Lirang jebol menuntut PT Gemilang Karya Persada "
          "bertanggung jawab. Kepala BPBD Sekarwangi, Lukas Tambunan, mengatakan 2.300 pengungsi masih di balai "
          "desa, sementara Polres Sekarwangi memeriksa dokumen proyek tanggul senilai Rp 48 miliar.", "2024-09-08")


@pytest.fixture(scope="module")
def angles() -> list[Article]:
    return [made_up_article(f"fl-{n}", *report) for n, report in enumerate(FLOOD + PROBE, 1)]


@pytest.fixture(scope="module")
def bridge() -> Article:
    return made_up_article("fl-5", *BRIDGE)


def _undated(article_id: str, title: str, body: str) -> Article:
    """A made-up article with no publication day and no full date in its text."""
    article = made_up_article(article_id, title, body, None)  # type: ignore[arg-type]
    assert article.published is None and not any(len(d.value or "") >= 10 for d in article.dates)
    return article


def _index(articles: list[Article]) -> StoryIndex:
    index = StoryIndex()
    for article in articles:
        index.add(article)
    return index


def test_the_two_angles_are_apart_before_the_bridge(angles: list[Article]) -> None:
    stories = _index(angles).stories()
    assert ["fl-3", "fl-4"] in stories
    assert not any("fl-1" in s and "fl-3" in s for s in stories)


def test_an_article_naming_both_angles_merges_them(angles: list[Article], bridge: Article) -> None:
    index = _index(angles)
    before = set(index.story_ids())
    index.add(bridge)
    assert index.stories() == [["fl-1", "fl-2", "fl-3", "fl-4", "fl-5"]]  # articles in the stories' order
    merges = index.take_merges()
    assert merges and {b for _, b in merges} == set(index.story_ids())
    assert {a for a, _ in merges} == before - set(index.story_ids())
    assert index.take_merges() == []  # taken once
    assert all(index.story_of(f"fl-{n}") == index.story_ids()[0] for n in range(1, 6))


def test_a_merged_index_saves_and_loads(angles: list[Article], bridge: Article) -> None:
    index = _index([*angles, bridge])
    again = StoryIndex.from_bytes(index.to_bytes())
    assert again.stories() == index.stories()
    later = made_up_article("fl-6", *PROBE[1][:2], "2024-09-09")
    assert index.add(later) == again.add(later) == index.story_ids()[0]


def test_an_article_on_one_angle_merges_nothing(angles: list[Article]) -> None:
    index = _index(angles)
    evacuees = made_up_article("fl-7", "Posko Pengungsi Wanareja Kekurangan Air Bersih",
                        "Pengungsi banjir tanggul Sungai Lirang di balai desa Wanareja kekurangan air bersih. "
                        "Kepala BPBD Sekarwangi, Lukas Tambunan, mengatakan 2.300 warga masih mengungsi.",
                        "2024-09-06")
    index.add(evacuees)
    stories = index.stories()
    assert ["fl-3", "fl-4"] in stories  # the contractor's story stays apart
    assert any("fl-7" in s and "fl-1" in s for s in stories)  # (it may join the young index's two flood reports)


def test_a_store_moves_the_merged_stories_articles(tmp_path: Path, angles: list[Article], bridge: Article) -> None:
    db = tmp_path / "k.db"
    with Store.open(db) as store:
        store.add(angles)
        before = {a.id: store.story_of(a.id) for a in angles}
    assert len(set(before.values())) >= 2
    with Store.open(db) as store:
        result = store.add([bridge])
        merged = store.story_of("fl-5")
        assert merged is not None
        assert all(store.story_of(a.id) == merged for a in angles)
        assert store.story_size(merged) == 5
        assert all(store.story_size(sid) == 0 for sid in set(before.values()) - {merged})
        assert result.stories_touched == [merged]


def test_an_undated_article_naming_both_angles_merges_nothing(angles: list[Article]) -> None:
    """With no day of its own an article matches every story as if it stood next to it: it may join one,
    but it is no evidence that two stories are one."""
    index = _index(angles)
    undated = _undated("fl-6", BRIDGE[0], BRIDGE[1])
    index.add(undated)
    stories = index.stories()
    assert not any("fl-1" in s and "fl-3" in s for s in stories)
    assert index.take_merges() == []


def test_an_undated_report_of_the_happening_joins_its_story() -> None:
    """A page saved without its date is judged as if it stood next to the story it matches: a pile's undated
    report of the evacuees joins a story of the flood (the bar halfway to the far one left it alone)."""
    index = _index([made_up_article(f"fl-{n}", *report) for n, report in enumerate(FLOOD, 1)])
    undated = _undated("fl-8", "Pengungsi Tanggul Lirang Butuh Selimut",
                       "Ribuan warga Wanareja masih mengungsi di balai desa setelah tanggul jebol. Relawan "
                       "mengatakan anak-anak butuh selimut dan obat.")
    index.add(undated)
    story = next(s for s in index.stories() if "fl-8" in s)
    assert len(story) > 1 and set(story) <= {"fl-1", "fl-2", "fl-8"}


def _features(entities: list[str], words: list[str], day: int | None, language: str = "id") -> Features:
    return Features(Counter({e: 2 for e in entities}), Counter({w: 2 for w in words}), day, language)


def _two_angles_and_a_bridge(days_apart: int) -> list[list[str]]:
    """A flood's story and, ``days_apart`` later, a contractor's story; then a report naming both."""
    index, day = StoryIndex(), 738000
    flood = (["budi santoso", "sukabar", "pt cempaka"], ["banjir", "tanggul", "pengungsi"])
    probe = (["slamet riyadi", "kejaksaan sukabar"], ["kontraktor", "anggaran", "lelang"])
    index.add_features("x1", _features(flood[0], [*flood[1], "jebol"], day))
    index.add_features("x2", _features(flood[0], [*flood[1], "diare"], day + 1))
    index.add_features("y1", _features(probe[0], [*probe[1], "tanggul"], day + days_apart))
    index.add_features("y2", _features(probe[0], [*probe[1], "penyidik"], day + days_apart + 1))
    index.add_features("b", _features(flood[0] + probe[0], flood[1] + probe[1], day + days_apart + 2))
    return index.stories()


def test_a_bridge_merges_angles_weeks_apart_not_months() -> None:
    """Angles of one situation run at the same time; a story quiet for months that shares its names with this
    week's (a pair of leaders' second summit, a rider's next race) is another happening. The bridge still joins
    the story it clears alone."""
    assert _two_angles_and_a_bridge(60) == [["x1", "x2", "y1", "y2", "b"]]
    assert _two_angles_and_a_bridge(200) == [["x1", "x2"], ["y1", "y2", "b"]]



def test_a_same_day_report_in_another_language_joins_on_names_alone() -> None:
    """Words do not cross languages, so a wire's English report of a stadium disaster shares only names with
    the local Indonesian reports; on the same day that is enough, five days later it is not."""
    def pile(english_day: int) -> list[list[str]]:
        index = StoryIndex()
        local = ["sukabar", "stadion cempaka", "persisa", "budi santoso", "rsud sukabar"]
        index.add_features("id-1", _features(local, ["tragedi", "stadion", "korban", "suporter"], 738000))
        index.add_features("id-2", _features([*local[:4], "slamet riyadi"], ["tragedi", "korban", "tewas"], 738000))
        names = ["stadion cempaka", "sukabar", "indonesia", "java", "fifa", "ann roe", "tom webb", "millbrook",
                 "owen pratt", "cempaka fc"]
        index.add_features("en-1", _features(names, ["stampede", "stadium", "dead", "fans"], english_day, "en"))
        return index.stories()

    assert pile(738000) == [["id-1", "id-2", "en-1"]]
    assert pile(738005) == [["id-1", "id-2"], ["en-1"]]
