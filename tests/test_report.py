"""The HTML dossier from the sample: hostile text escaped, nothing loaded from the network, the chart, the badges."""

from __future__ import annotations

import json
import time
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from kliping.corpus.quotes_by_speaker import story_quotes
from kliping.corpus.summary import summarize
from kliping.corpus.timeline import build_timeline
from kliping.model import Article, Claim, DateMention, DossierPage, Event, Evidence, HistoryPoint, Quote, Story
from kliping.show.report import render_report, write_report
from kliping.show.views import FULL_PER_PAGE, dossier_view, segments

HOSTILE_TITLE = '<script>alert(1)</script>" onmouseover="x'
HOSTILE_TAIL = '\n\n<script>alert(1)</script> " onmouseover="x \' onfocus=\'y <img src=x onerror=alert(2)>'
HOSTILE_SPEAKER = '"><script>alert(3)</script>'
A, B, C, D, E = ("000_0b2f353a331a9159", "001_0fa5bb280fb2bb71", "002_35e225720d3e7703",
                 "003_04e3b211cc35a03e", "004_18c8b33f04a83a96")


def hostile(article: Article) -> Article:
    """The article with script and attribute breakers in its title, outlet, body, a quote and a date."""
    body = article.body + HOSTILE_TAIL
    start = len(article.body) + 2
    quote = Quote(text=body[start:], start=start, end=len(body), kind="direct", speaker=HOSTILE_SPEAKER,
                  speaker_mention=None, cue=None)
    date = DateMention(text=body[start:start + 8], start=start, end=start + 8, value='2023-09-15"><b>')
    return replace(article, title=HOSTILE_TITLE, outlet="<b>Evil</b> Outlet", body=body,
                   quotes=[*article.quotes, quote], dates=[*article.dates, date])


def sample_dossier(seeds: dict[str, Article]) -> tuple[dict[str, Any], dict[str, Article]]:
    """One story of all five seeds, by hand: two events, claims from real spans, our timeline/summary/quotes."""
    articles = dict(seeds)
    articles[D] = hostile(seeds[D])
    arts = [articles[i] for i in (A, B, C, D, E)]

    def ev(article_id: str, text: str, source: str | None = None) -> Evidence:
        assert text in articles[article_id].body, text
        return Evidence(article_id, text, source=source)

    claims = [
        Claim("complies", "Putin: Russia observes the UN restrictions on military cooperation with North Korea",
              "single-source", [ev(A, "Rusia mematuhi semua pembatasan ini", "Vladimir Putin"),
                                ev(B, "Rusia mematuhi semua pembatasan ini", "Vladimir Putin"),
                                ev(E, "kami tidak pernah melanggar apapun", "Vladimir Putin")],
              sources=["Vladimir Putin"]),
        Claim("supplied", "North Korea supplied Russia with artillery shells and missiles", "contested",
              [ev(C, "Korea Utara telah menyediakan Rusia sejumlah besar peluru artileri dan rudal balistik")],
              [ev(C, "yang dibantah oleh Moskow dan Pyongyang"),
               ev(A, "Pyongyang dan Moskow membantah, bahwa Pyongyang dapat memasok senjata ke Moskow")]),
        Claim("volunteers", "300,000 North Korean volunteers joined the Russian military", "superseded",
              [ev(E, "ada 300 ribu orang sukarelawan dari Korea Utara telah menandatangani kontrak",
                  "<b>Evil</b> Voice")], sources=["<b>Evil</b> Voice"],
              history=[HistoryPoint("2023-09-13", 1500.0, [A]), HistoryPoint("2024-06-21", 300000.0, [E])]),
        Claim("cooperation", "Russia and North Korea see room for military cooperation", "corroborated",
              [ev(A, "Rusia dan Korea Utara (Korut) memiliki peluang", "Vladimir Putin"),
               ev(D, "Pyongyang menginginkan bantuan Rusia", "Kim Jong Un")],
              sources=["Vladimir Putin", "Kim Jong Un"]),
        Claim("no-agreement", 'No agreement was signed <i>"during"</i> the visit', "superseded",
              [ev(D, "Tidak ada perjanjian yang ditandatangani"), ev(D, "onmouseover")],
              [ev(C, "menandatangani perjanjian pertahanan bersama")]),
    ]
    story = Story(
        id="s1", title="Rusia dan Korea Utara menjajaki kerja sama militer", article_ids=[A, B, C, D, E],
        start="2023-09-13", end="2024-06-21",
        events=[Event("e1", "Kim Jong Un visits Russia's Far East", "2023-09-12", "2023-09-17", [A, B, D, E]),
                Event("e2", "Putin in Pyongyang: mutual defence treaty", "2024-06-19", "2024-06-21", [C])],
        timeline=build_timeline(arts), quotes=story_quotes(arts), claims=claims, summary=summarize(arts),
    )
    dossier = {"version": "0.1", "generated_at": "2024-06-22T10:00:00+00:00",
               "articles": [{"id": a.id} for a in arts], "duplicates": [],
               "skipped": [{"source": "<svg onload=alert(4)>.html", "reason": "not an article"}],
               "stories": [story.to_dict()]}
    return dossier, articles


class _Tags(HTMLParser):
    """Every start tag with its attributes, as a browser's tokenizer would see them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    handle_startendtag = handle_starttag


def parse(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    parser = _Tags()
    parser.feed(html)
    return parser.tags


@pytest.fixture(scope="module")
def page(seed_articles: dict[str, Article]) -> tuple[dict[str, Any], str]:
    dossier, articles = sample_dossier(seed_articles)
    view = dossier_view(DossierPage.of_dossier(dossier), articles)
    return view, render_report(view)


def test_view_is_json_serialisable_and_holds_every_section(page: tuple[dict[str, Any], str]) -> None:
    view, _ = page
    assert json.loads(json.dumps(view)) == view
    story = view["stories"][0]
    assert story["span_label"] == "13 Sep 2023 – 21 Jun 2024"
    assert story["summary"] and story["timeline"] and story["quotes"] and len(story["claims"]) == 5
    assert story["claims"][0]["status"] == "contested"  # the contested ones lead: that is what a checker wants
    assert {c["status"] for c in story["sources"]["single_outlet_claims"]} >= {"superseded"}
    assert all(a["full"] for a in story["articles"])


def test_report_shows_sources_attribution_and_a_figure_history(page: tuple[dict[str, Any], str]) -> None:
    view, html = page
    complies = next(c for c in view["stories"][0]["claims"] if c["id"] == "complies")
    assert complies["attributed_to"] == "Vladimir Putin"  # one voice, three outlets: attributed, not corroborated
    assert "Attributed to Vladimir Putin, carried by 3 outlets" in html
    assert '<span class="voice">Vladimir Putin</span>' in html
    assert "<strong>1,500</strong>" in html and "<strong>300,000</strong>" in html  # the values, in date order
    assert html.index("<strong>1,500</strong>") < html.index("<strong>300,000</strong>")
    assert "&lt;b&gt;Evil&lt;/b&gt; Voice" in html and "<b>Evil</b>" not in html


def test_report_escapes_hostile_article_text_everywhere(page: tuple[dict[str, Any], str]) -> None:
    _, html = page
    tags = parse(html)
    names = {t for t, _ in tags}
    assert not names & {"script", "img", "iframe", "object", "embed", "b", "i"}, names
    for tag, attrs in tags:
        for name, _value in attrs:
            assert not name.startswith("on"), (tag, attrs)
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # shown as text, not dropped
    assert "&lt;b&gt;Evil&lt;/b&gt; Outlet" in html


def test_report_loads_nothing_from_the_network(page: tuple[dict[str, Any], str]) -> None:
    _, html = page
    for tag, attrs in parse(html):
        for name, value in attrs:
            if name in ("src", "href", "xlink:href", "action", "poster", "srcset", "data"):
                assert value is not None and value.startswith("#"), (tag, name, value)
        assert tag not in ("link", "base")
    assert "@import" not in html and "url(" not in html
    assert "default-src 'none'" in html  # the CSP forbids scripts and loads should escaping ever fail


def test_report_draws_the_timeline_and_shows_status_badges(page: tuple[dict[str, Any], str]) -> None:
    view, html = page
    assert html.count('<svg class="chart"') == 1
    dots = [t for t, _ in parse(html) if t == "circle"]
    assert len(dots) >= 5  # one per outlet-day (+ the legend's)
    assert html.count('class="day-mark') >= len([t for t in view["stories"][0]["timeline"] if len(t["date"]) == 10])
    assert 'class="band"' in html  # the two events
    for status in ("corroborated", "contested", "single-source", "superseded"):
        assert f'<span class="badge {status}">' in html
    assert html.count("<details class=\"evidence-box\">") == 5


def test_article_views_highlight_quotes_and_dates_from_offsets(seed_articles: dict[str, Article]) -> None:
    article = seed_articles[A]
    paragraphs = segments(article)
    assert "".join(seg["text"] for p in paragraphs for seg in p).replace("\n", "") == \
        "".join(article.body.split("\n\n")).replace("\n", "")
    marked = {seg["text"]: seg for p in paragraphs for seg in p if seg["classes"]}
    assert marked["Rabu (13/9/2023)"]["classes"] == ["d"]
    direct = next(q for q in article.quotes if q.kind == "direct")
    assert any("q-direct" in s["classes"] and s["text"] in direct.text for s in marked.values())


def test_write_report_writes_index_html(tmp_path: Path, seed_articles: dict[str, Article]) -> None:
    dossier, articles = sample_dossier(seed_articles)
    path = write_report(tmp_path, dossier_view(DossierPage.of_dossier(dossier), articles))
    assert path == tmp_path / "index.html" and path.read_text("utf-8").startswith("<!DOCTYPE html>")


def synthetic_dossier(stories: int, per_story: int,
                      seeds: dict[str, Article]) -> tuple[dict[str, Any], dict[str, Article]]:
    """Many stories made of copies of the seeds (texts and annotations real, ids and outlets new)."""
    base = list(seeds.values())
    articles: dict[str, Article] = {}
    dossier_stories = []
    for s in range(stories):
        ids = []
        for k in range(per_story):
            src = base[(s + k) % len(base)]
            art = replace(src, id=f"st{s}-a{k}", outlet=f"Outlet {k % 7}", published=f"2023-09-{1 + (s + k) % 28:02d}")
            articles[art.id] = art
            ids.append(art.id)
        arts = [articles[i] for i in ids]
        dossier_stories.append(Story(id=f"s{s}", title=f"Story {s}", article_ids=ids, timeline=build_timeline(arts),
                                     quotes=story_quotes(arts), summary=summarize(arts)).to_dict())
    return {"stories": dossier_stories, "articles": [{"id": i} for i in articles]}, articles


def test_big_dossiers_show_a_bounded_number_of_full_texts(seed_articles: dict[str, Article]) -> None:
    dossier, articles = synthetic_dossier(30, 10, seed_articles)
    start = time.perf_counter()
    view = dossier_view(DossierPage.of_dossier(dossier), articles)
    html = render_report(view)
    assert time.perf_counter() - start < 30
    full = sum(a["full"] for s in view["stories"] for a in s["articles"])
    assert full == FULL_PER_PAGE and sum(len(s["articles"]) for s in view["stories"]) == 300
    assert html.count('<article class="article"') == 300 and "Full text not shown here" in html


def test_unnamed_outlets_are_named_by_site_or_file_and_stay_distinct_in_the_chart(
        seed_articles: dict[str, Article]) -> None:
    from kliping.show.report import _short
    from kliping.show.views import outlet_label

    a = next(iter(seed_articles.values()))
    assert outlet_label(replace(a, outlet=None, url="https://www.berita.example/x/1"), a.id) == "berita.example"
    assert outlet_label(replace(a, outlet=None, url=None, source="in/003_04e3b211cc.txt"), a.id) == "003_04e3b211cc.txt"
    assert outlet_label(replace(a, outlet=None, url=None, source="dl/feed.jsonl:12"), a.id) == "feed.jsonl:12"
    labels = [f"berita-harian-daerah-{n:04}.txt" for n in range(3)]
    shown = [_short(label) for label in labels]
    assert len(set(shown)) == 3 and all(len(s) <= 19 for s in shown)  # cut in the middle, not to one prefix


def test_coverage_matrix_shows_who_carried_what(page: tuple[dict[str, Any], str]) -> None:
    view, html = page
    story = view["stories"][0]
    cov = story["sources"]["coverage"]
    assert [c["key"] for c in cov["columns"]] == ["E1", "E2", "C1", "C2", "C3", "C4", "C5"]
    rows = {r["outlet"]: r for r in cov["rows"]}
    assert rows["SINDOnews"]["group"] == "MNC Group"  # owner groups from resources/outlet_groups.tsv
    complies = cov["columns"][2]  # Putin's claim, carried by three outlets
    assert complies["only"] is None
    assert sum(1 for r in cov["rows"] if r["cells"][2] == "+") == 3
    volunteers = next(c for c in cov["columns"] if c["label"].startswith("300,000"))
    assert volunteers["only"] is not None  # one outlet alone carried it
    assert "Who covered what" in html and "only " + volunteers["only"] in html.replace("<strong>", "")
    assert "&lt;b&gt;Evil&lt;/b&gt; Outlet" in html and "<b>Evil</b> Outlet" not in html


def test_a_claim_only_one_owner_groups_outlets_carry_is_flagged() -> None:
    from kliping.show.coverage import coverage

    arts = [Article(id=i, source=i, body="x", outlet=o) for i, o in
            (("a", "Kompas.com"), ("b", "Tribunnews.com"), ("c", "Tempo.co"))]
    story = Story(id="s1", title="t", article_ids=["a", "b", "c"], start=None, end=None,
                  claims=[Claim("c1", "one group", "corroborated", [Evidence("a", "x"), Evidence("b", "x")]),
                          Claim("c2", "two groups", "corroborated", [Evidence("a", "x"), Evidence("c", "x")])])
    cov = coverage(story, arts, lambda a: a.outlet or a.id, lambda cid: cid)
    one, two = cov["columns"]
    assert one["one_group"] == "Kompas Gramedia" and one["only"] is None
    assert two["one_group"] is None
    assert [r["group"] for r in cov["rows"]] == ["Kompas Gramedia", "Kompas Gramedia", None]
