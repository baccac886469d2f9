"""Timeline from date annotations: noise skipped, merged across outlets, date order with grain, capped."""

from __future__ import annotations

from kliping.annotate.dates import annotate_dates
from kliping.corpus.timeline import MAX_CHARS, build_timeline
from kliping.model import Article, DateMention


def _article(id_: str, outlet: str, published: str, body: str) -> Article:
    article = Article(id=id_, source=id_, body=body, outlet=outlet, published=published, language="id")
    return annotate_dates(article)


def test_timeline_on_the_seeds_is_dated_ordered_and_cited(seed_articles: dict[str, Article]) -> None:
    arts = list(seed_articles.values())
    timeline = build_timeline(arts)
    assert 5 <= len(timeline) <= 30
    assert [t.date for t in timeline] == sorted(t.date for t in timeline)
    ids = {a.id for a in arts}
    assert all(t.article_ids and set(t.article_ids) <= ids for t in timeline)
    treaty = [t for t in timeline if t.date == "2024-06-19"]
    assert treaty and "Perjanjian yang ditandatangani" in treaty[0].text
    assert treaty[0].article_ids == ["002_35e225720d3e7703"]
    assert any(t.date == "2023-09-15" and "Peskov" in t.text for t in timeline)
    assert all(len(t.text) <= MAX_CHARS + 4 for t in timeline)


def test_timeline_skips_the_publication_date_in_attributions(seed_articles: dict[str, Article]) -> None:
    timeline = build_timeline(list(seed_articles.values()))
    texts = " ".join(t.text for t in timeline)
    assert "dilansir Reuters dan AFP, Sabtu (16/9/2023)" not in texts
    assert "dikutip dari Sputnik, Jumat 21 Juni 2024" not in texts
    # … but a publication-day date that tells when something was said stays
    assert any(t.date == "2023-09-13" and "Rabu (13/9/2023)" in t.text for t in timeline)


def test_timeline_merges_the_same_dated_statement_across_outlets() -> None:
    a = _article("a", "Kompas", "2023-09-16",
                 "Kim Jong Un mengunjungi pabrik jet tempur di Komsomolsk pada Jumat (15/9/2023).")
    b = _article("b", "Tempo", "2023-09-17",
                 "Pada Jumat (15/9/2023), Kim Jong Un mengunjungi pabrik jet tempur Rusia di Komsomolsk.")
    c = _article("c", "Detik", "2023-09-17", "Peskov membantah ada perjanjian yang diteken pada Jumat (15/9/2023) itu.")
    timeline = build_timeline([a, b, c])
    assert [(t.date, t.article_ids) for t in timeline] == [("2023-09-15", ["a", "b"]), ("2023-09-15", ["c"])]


def test_timeline_puts_a_month_before_its_days() -> None:
    a = _article("a", "Kompas", "2023-09-20", "Kim Jong Un bertemu Putin di Vostochny pada Rabu (13/9/2023).\n\n"
                 "Korea Utara gagal meluncurkan satelit mata-mata pada bulan Agustus lalu.")
    body = "Rusia dan Korea Utara memperdalam hubungan militer sepanjang September 2023."
    b = Article(id="b", source="b", body=body, outlet="Tempo", published="2023-09-21",
                dates=[DateMention("September 2023", body.index("September"), len(body) - 1, "2023-09")])
    dates = [t.date for t in build_timeline([a, b])]
    assert dates == ["2023-08", "2023-09", "2023-09-13"]


def test_timeline_cap_keeps_the_best_supported_entries() -> None:
    days = [f"{d} September 2023" for d in range(1, 11)]
    arts = [_article(f"x{d}", "Kompas", "2023-09-30", f"Kementerian mengumumkan kebijakan nomor {d} baru pada {day}.")
            for d, day in enumerate(days, 1)]
    shared = "Presiden meresmikan bendungan raksasa Jatigede pada 5 September 2023."
    arts += [_article(f"y{k}", f"Outlet {k}", "2023-09-30", shared) for k in range(3)]
    timeline = build_timeline(arts, max_entries=4)
    assert len(timeline) == 4
    assert [t.date for t in timeline] == sorted(t.date for t in timeline)
    assert any(set(t.article_ids) == {"y0", "y1", "y2"} for t in timeline)


def test_a_long_sentence_after_a_wire_dateline_holding_the_date_is_dated() -> None:
    # "LAGOS, May 25 (Wirenews) --": the date sits in the dateline the entry's text leaves out
    body = ("LAGOS, May 25 (Wirenews) -- A state governor confirmed on Wednesday that scores of farmers were "
            "killed by gunmen in an attack on a village in the north-east, in the deadliest raid this year, "
            "while troops were sent to the area, officials in the state capital said, adding that the search "
            "for the missing went on through the night.")
    article = Article(id="w", source="w", body=body, outlet="Wirenews", published="2022-05-25", language="en")
    timeline = build_timeline([annotate_dates(article)])
    assert "2022-05-25" in [t.date for t in timeline]
    assert all(len(t.text) <= MAX_CHARS + 4 for t in timeline)
