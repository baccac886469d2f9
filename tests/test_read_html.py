"""read_html on realistic pages built from the seed articles, and on two benchmark pages."""

from __future__ import annotations

import gzip
import html
import json
from collections.abc import Mapping
from pathlib import Path

import pytest

from kliping.errors import Rejected
from kliping.model import RawDocument
from kliping.read.html import read_html

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "examples" / "seeds").glob("*.txt"))
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "html"

NAV = ["Beranda", "Nasional", "Internasional", "Ekonomi", "Sepak Bola", "Indeks Berita"]
RELATED = ["Baca Juga: Jadwal Liga Champions Malam Ini", "Baca Juga: Prediksi Skor Persib"]
FOOTER = "Hak Cipta © 2023 Kliping Media Nusantara. Semua hak dilindungi undang-undang."

JSON_LD: dict[str, object] = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "headline": "Judul dari JSON-LD",
    "datePublished": "2023-09-14T20:22:00+07:00",
    "author": [
        {"@type": "Person", "name": "Dwina Agustin"},
        {"@type": "Person", "name": "https://example.id/penulis/esthi"},
        {"@type": "Organization", "name": "Republika"},
    ],
    "publisher": {"@type": "Organization", "name": "Republika"},
}
META = {
    "og:title": "Judul dari og:title",
    "og:site_name": "Situs dari og:site_name",
    "og:url": "https://example.id/berita/og-url",
    "article:published_time": "2023-09-13T08:00:00+07:00",
    "author": "Rizky Suryarandika",
}


def seed_paragraphs(path: Path) -> tuple[str, list[str]]:
    """Headline and paragraphs, spaces normalised as read_html normalises them (NBSP too)."""
    lines = [" ".join(line.split()) for line in path.read_text("utf-8").splitlines()]
    lines = [line for line in lines if line]
    return lines[0], lines[1:]


def page(
    paragraphs: list[str],
    *,
    title: str = "Judul",
    ld: Mapping[str, object] | None = None,
    meta: dict[str, str] | None = None,
    lang: str = "id",
    head_extra: str = "",
) -> str:
    """A news page as Indonesian outlets publish it: menu, article, related links, footer."""
    metas = "".join(
        f'<meta {"property" if ":" in k else "name"}="{k}" content="{html.escape(v)}">'
        for k, v in (meta or {}).items()
    )
    ld_script = f'<script type="application/ld+json">{json.dumps(ld)}</script>' if ld else ""
    nav = "".join(f'<li><a href="/{n.lower()}">{n}</a></li>' for n in NAV)
    related = "".join(f'<li><a href="/r{i}">{t}</a></li>' for i, t in enumerate(RELATED))
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)} | Kliping</title>{metas}{ld_script}{head_extra}"
        '<script>window.dataLayer = [{"page": "article"}];</script></head><body>'
        f'<header><nav class="menu"><ul>{nav}</ul></nav></header>'
        f'<main><article class="detail"><h1>{html.escape(title)}</h1>'
        f'<div class="detail-text">{body}</div></article>'
        f'<aside class="related"><h3>Berita Terkait</h3><ul>{related}</ul></aside></main>'
        f'<footer><ul><li><a href="/about">Tentang Kami</a></li><li><a href="/kontak">Kontak'
        f"</a></li></ul><p>{FOOTER}</p></footer></body></html>"
    )


def read(doc: str, url: str | None = None) -> RawDocument:
    return read_html(doc, source="test.html", id="test", url=url)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_read_html_keeps_each_seed_paragraph_as_its_own_line(seed: Path) -> None:
    title, paragraphs = seed_paragraphs(seed)
    raw = read(page(paragraphs, title=title, ld=JSON_LD, meta=META))
    lines = set(raw.text.splitlines())
    long_paragraphs = [p for p in paragraphs if len(p) > 120]
    assert long_paragraphs
    for paragraph in long_paragraphs:
        assert paragraph in lines
    assert raw.format == "html" and raw.headline_first is False


def test_read_html_drops_navigation_related_links_and_footer() -> None:
    _, paragraphs = seed_paragraphs(SEEDS[0])
    raw = read(page(paragraphs, ld=JSON_LD, meta=META))
    lines = raw.text.splitlines()
    for furniture in [*NAV, *RELATED, FOOTER, "Tentang Kami", "Berita Terkait"]:
        assert furniture not in lines
    assert "dataLayer" not in raw.text


def test_metadata_comes_from_json_ld_before_meta_tags() -> None:
    _, paragraphs = seed_paragraphs(SEEDS[0])
    raw = read(page(paragraphs, ld=JSON_LD, meta=META))
    assert raw.title == "Judul dari JSON-LD"
    assert raw.published == "2023-09-14T20:22:00+07:00"
    assert raw.published_source == "html"
    assert raw.outlet == "Republika"
    # The URL and the organisation equal to the outlet are not person names.
    assert raw.authors == ["Dwina Agustin"]
    assert raw.language == "id"
    assert raw.url == "https://example.id/berita/og-url"


def test_metadata_falls_back_to_meta_tags_keeping_the_offset() -> None:
    _, paragraphs = seed_paragraphs(SEEDS[1])
    raw = read(page(paragraphs, meta=META), url="https://given.example/a")
    assert raw.title == "Judul dari og:title"
    assert raw.published == "2023-09-13T08:00:00+07:00"
    assert raw.outlet == "Situs dari og:site_name"
    assert raw.authors == ["Rizky Suryarandika"]
    assert raw.url == "https://given.example/a"


def test_json_ld_inside_a_graph_and_a_date_only_value() -> None:
    _, paragraphs = seed_paragraphs(SEEDS[2])
    graph: dict[str, object] = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "Medcom"},
            {"@type": ["ReportageNewsArticle"], "headline": "Dari graph",
             "datePublished": "2024-06-21", "author": {"name": "Fajar Nugraha"}},
        ],
    }  # fmt: skip
    raw = read(page(paragraphs, ld=graph, lang="id-ID"))
    assert raw.title == "Dari graph"
    assert raw.published == "2024-06-21"
    assert raw.authors == ["Fajar Nugraha"]
    assert raw.outlet is None  # the page names no publisher or site
    assert raw.language == "id"


def test_canonical_link_is_the_url_when_none_is_given() -> None:
    _, paragraphs = seed_paragraphs(SEEDS[3])
    canonical = '<link rel="canonical" href="https://example.id/kanonik">'
    raw = read(page(paragraphs, meta=META, head_extra=canonical))
    assert raw.url == "https://example.id/kanonik"


def test_date_without_markup_is_found_by_htmldate() -> None:
    _, paragraphs = seed_paragraphs(SEEDS[4])
    stamp = '<meta name="description" content="x"><time datetime="2024-06-20">20 Juni 2024</time>'
    raw = read(page(paragraphs, head_extra=stamp))
    assert raw.published == "2024-06-20"
    assert raw.published_source == "html"


@pytest.mark.parametrize(
    "doc",
    [
        "",
        "   \n ",
        "<html><head><title>x</title></head><body></body></html>",
        "<html><head><script>var a = 1;</script></head><body><nav><ul><li><a href='/'>Home"
        "</a></li><li><a href='/b'>Berita</a></li></ul></nav><script>track()</script></body>"
        "</html>",
    ],
    ids=["empty", "blank", "no-body", "scripts-and-nav"],
)
def test_page_without_article_text_is_rejected(doc: str) -> None:
    with pytest.raises(Rejected):
        read(doc)


def test_script_text_and_broken_tags_do_not_crash_or_leak() -> None:
    _, paragraphs = seed_paragraphs(SEEDS[0])
    hostile = [*paragraphs[:4], "<script>alert('x')</script> tetap teks biasa", paragraphs[4]]
    doc = page(hostile, ld=JSON_LD).replace("</p><p>", "</p><p><b><i>", 3)
    doc = doc.replace("<footer>", "<footer><div><span><table><tr><td>")
    doc = doc.replace("</head>", "<script>document.write('<p>injected</p>')</script></head>")
    raw = read(doc)
    assert paragraphs[4] in raw.text
    assert "injected" not in raw.text


@pytest.mark.parametrize(
    "doc",
    [
        "\x00\x01\x02 binary \xff\xfe garbage",
        "<html><body>" + "<div>" * 5000 + "teks" + "</div>" * 10 + "</body></html>",
        "<html lang='\"><script>'><body><p>" + "kata " * 200 + "</p></body></html>",
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": '
        '[1, {"x": }</script></head><body><article><p>' + "kalimat panjang " * 40
        + "</p></article></body></html>",
        "<?xml version='1.0' encoding='utf-8'?><html><body><p>" + "isi " * 100 + "</p></html>",
    ],
    ids=["binary", "deep-nesting", "bad-lang", "broken-json-ld", "xml-declaration"],
)
def test_hostile_input_gives_a_document_or_rejected(doc: str) -> None:
    try:
        raw = read(doc)
    except Rejected as exc:
        assert exc.reason
    else:
        assert raw.text.strip()


# Two pages of the peer article-extraction benchmark (MIT, see fixtures/html/README.md), with
# the first sentence of their hand-checked article body.
BENCHMARK_PAGES = {
    "359fee228518": (
        "WASHINGTON (Reuters) - Scientists on Monday unveiled the first global geological map of "
        "Saturn's moon Titan including vast plains and dunes of frozen organic material and lakes "
        "of liquid methane, illuminating an exotic world considered a strong candidate in the "
        "search for life beyond Earth."
    ),
    "d90bda7ed14d": (
        "PanARMENIAN.Net - Verified video footage, eyewitness testimony from people on the ground "
        "and information gathered from human rights activists outside Iran reveal a harrowing "
        "pattern of unlawful killings by Iranian security forces, which have used excessive and "
        "lethal force to crush largely peaceful protests in more than 100 cities across Iran "
        "sparked by a hike in fuel prices on 15 November, said Amnesty International on Tuesday, "
        "November 19."
    ),
}


@pytest.mark.parametrize("prefix", sorted(BENCHMARK_PAGES))
def test_benchmark_page_body_starts_with_the_ground_truth(prefix: str) -> None:
    [path] = FIXTURES.glob(f"{prefix}*.html.gz")
    raw = read_html(gzip.decompress(path.read_bytes()).decode(), source=str(path), id=prefix)
    assert BENCHMARK_PAGES[prefix] in raw.text
    assert raw.published and raw.published.startswith("2019-11-")


def test_a_tag_with_a_flood_of_attributes_is_kept_without_them() -> None:
    # libxml2 checks each attribute against the ones before it: 100,000 on one <p> took minutes to parse.
    from kliping.read.html import MAX_TAG_CHARS, _without_huge_tags

    flood = " ".join(f'a{i}="v{i}"' for i in range(MAX_TAG_CHARS // 8))
    normal = '<img src="x.jpg" data-props=\'{"a": 1}\'>'
    page = "<html><body>{}<article><p{}>Banjir merendam Bekasi.</p></article></body></html>"
    assert _without_huge_tags(page.format(normal, " " + flood)) == page.format(normal, "")
    assert _without_huge_tags(normal) == normal
