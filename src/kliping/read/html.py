"""An HTML page (str) → a RawDocument: main text from trafilatura, metadata from the markup.

Metadata trust order: JSON-LD (schema.org NewsArticle and kin), then meta tags (OpenGraph,
article:*, name=author…), then htmldate for the date, then trafilatura's own heuristics.
The tree is parsed once; htmldate and trafilatura get that tree (each copies what it prunes).
"""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Iterator
from datetime import datetime
from email.utils import parsedate_to_datetime
from functools import cache
from html import unescape
from typing import Any

import trafilatura
from htmldate import find_date
from lxml.html import HtmlElement
from trafilatura.metadata import extract_title

from kliping import resources
from kliping.errors import Rejected
from kliping.model import RawDocument

# Chosen on benchmarks/article_extraction.py (181 pages): precision mode without comments scores
# F1 0.967 vs 0.953 for trafilatura's defaults (0.960 balanced, 0.959 recall, fast mode -0.002 F1
# for +45% pages/s); without tables F1 drops to 0.963; deduplicate is off because its cache is
# shared across documents (F1 0.944). With the short-page retry below: F1 0.969.
EXTRACT_OPTIONS: dict[str, Any] = {
    "favor_precision": True,
    "include_comments": False,
    "include_tables": True,
    "include_images": False,
    "include_links": False,
    "include_formatting": False,
    "deduplicate": False,
}
RETRY_BELOW_CHARS = 300  # 300: F1 0.969; 500: 0.968; 1000: 0.967 (the retry adds noise)
MIN_LONGEST_LINE = 40
# htmldate only runs when JSON-LD and meta tags are silent. With those hidden on the 146 benchmark
# pages that have them, extensive search finds the right day (±1) on 132, a wrong one on 14, none
# on 0; without it 118 / 11 / 17, for 8 ms instead of 0.4 ms a page.
EXTENSIVE_DATE_SEARCH = True
MAX_HTML_CHARS = 20_000_000  # trafilatura's own ceiling; bigger pages are not articles
# --fast, for bulk runs: trafilatura's fast mode (no comparison with its readability and jusText
# fallbacks) and htmldate without its extensive search. Measured on the 181 benchmark pages (see
# README, "Figures measured here"): a third less CPU per page, body F1 0.971 instead of 0.974.
# Read from the environment, so that every process of a run, the workers included, reads alike.
FAST_ENVIRONMENT = "KLIPING_FAST"

ARTICLE_TYPES = frozenset(
    {
        "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle",
        "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle", "blogposting",
        "liveblogposting", "socialmediaposting", "scholarlyarticle", "techarticle", "report",
        "webpage", "itempage",
    }
)  # fmt: skip
# webpage/itempage are weak: used only when no real article object exists.
WEAK_TYPES = frozenset({"webpage", "itempage"})

TITLE_META = ("og:title", "twitter:title", "headline", "dc.title", "title")
DATE_META = (
    "article:published_time", "og:article:published_time", "datepublished",
    "content_publisheddate", "publishdate", "publish-date", "pubdate", "parsely-pub-date",
    "sailthru.date", "dc.date.issued", "dcterms.created", "dc.date", "date",
    "article.published", "published_time", "og:published_time", "datecreated",
)  # fmt: skip
AUTHOR_META = (
    "author", "article:author", "dc.creator", "parsely-author", "sailthru.author",
    "content_author", "byl", "twitter:creator",
)  # fmt: skip
OUTLET_META = ("og:site_name", "application-name", "apple-mobile-web-app-title", "publisher")

_AUTHOR_SPLIT = re.compile(r"\s*(?:[,;|&/]|\s(?:dan|and)\s)\s*", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_LANG = re.compile(r"^([a-z]{2,3})(?:[-_].*)?$")

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


def fast_mode() -> bool:
    """Whether this run reads HTML the --fast way (KLIPING_FAST set to anything but "" or "0")."""
    return os.environ.get(FAST_ENVIRONMENT, "").strip() not in ("", "0")


def read_html(html: str, *, source: str, id: str, url: str | None = None, fast: bool | None = None) -> RawDocument:
    """Extract the article text and page metadata; raise Rejected when there is no article.
    ``fast`` (default: ``fast_mode()``) trades a little body F1 for speed, as ``--fast`` does."""
    if not html or not html.strip():
        raise Rejected("HTML is empty", source)
    if len(html) > MAX_HTML_CHARS:
        raise Rejected("HTML is larger than 20 MB", source)
    try:
        return _read(_without_huge_tags(html), source, id, url, fast_mode() if fast is None else fast)
    except Rejected:
        raise
    except Exception as exc:  # hostile markup must cost one skipped input, never the run
        raise Rejected(f"HTML could not be read ({type(exc).__name__})", source) from exc


MAX_TAG_CHARS = 65_536  # of one tag's attributes: real pages stay far below (a React page's JSON props)
_HUGE_TAG = re.compile(rf"<([A-Za-z][\w:-]*)[^<>]{{{MAX_TAG_CHARS},}}>")


def _without_huge_tags(html: str) -> str:
    """A tag whose attributes run past MAX_TAG_CHARS, kept without them: libxml2 checks each new
    attribute against the ones before it, so one ``<p>`` with 100,000 attributes took minutes to parse."""
    return _HUGE_TAG.sub(r"<\1>", html) if _may_hold_huge_tag(html) else html


_HALF_TAG = MAX_TAG_CHARS // 2


def _may_hold_huge_tag(html: str) -> bool:
    """Whether the page has a run of MAX_TAG_CHARS characters without ``<`` or ``>``, which a huge tag's
    name and attributes are. Such a run covers some aligned block of MAX_TAG_CHARS/2 characters whole, so
    only a block without either is stretched to its run's ends. str.find runs at memory speed; the regex
    walked every tag of every page (0.8 ms on 174 KB), and still every tag of the one page in eight whose
    long inline script holds a block (2 ms each), though no such script ran to MAX_TAG_CHARS."""
    start = 0
    while start + _HALF_TAG <= len(html):
        end = start + _HALF_TAG
        if html.find("<", start, end) >= 0 or html.find(">", start, end) >= 0:
            start = end
            continue
        before = max(html.rfind("<", 0, start), html.rfind(">", 0, start))
        after = min((i for i in (html.find("<", end), html.find(">", end)) if i >= 0), default=len(html))
        if after - before - 1 >= MAX_TAG_CHARS:
            return True
        start = after - after % _HALF_TAG + _HALF_TAG  # the next block that starts after the run's end
    return False


def _read(html: str, source: str, id: str, url: str | None, fast: bool) -> RawDocument:
    tree = trafilatura.load_html(html)
    if tree is None:
        raise Rejected("HTML could not be parsed", source)
    # Metadata first: htmldate and trafilatura copy the tree, but reading it needs no copy.
    ld = _json_ld(tree)
    meta = _meta_tags(tree)
    page_url = url or _canonical_url(tree, meta)

    text = _extract_text(tree, page_url, fast)
    # Only short lines (a leftover menu, a lone link) is not an article either.
    if max((len(line) for line in text.splitlines()), default=0) < MIN_LONGEST_LINE:
        raise Rejected("HTML has no article text", source)

    outlet = _clean(ld.get("publisher")) or _first(meta, OUTLET_META)
    published = _iso(ld.get("datePublished")) or next(
        (d for key in DATE_META if (d := _iso(_meta_date(tree, meta, key)))), None
    )
    if published is None:
        published = find_date(tree, url=page_url, original_date=True,
                              extensive_search=EXTENSIVE_DATE_SEARCH and not fast)
    title = _clean(ld.get("headline")) or _first(meta, TITLE_META) or _clean(extract_title(tree))
    authors = _authors(ld.get("authors") or [m for k in AUTHOR_META if (m := meta.get(k))], outlet)
    return RawDocument(
        source=source,
        id=id,
        text=text,
        format="html",
        url=page_url,
        title=title,
        published=published,
        published_source="html" if published else None,
        outlet=outlet,
        authors=authors,
        language=_language(tree, meta),
        headline_first=False,
    )


def _extract_text(tree: HtmlElement, url: str | None, fast: bool) -> str:
    doc = trafilatura.bare_extraction(tree, url=url, fast=fast, **EXTRACT_OPTIONS)
    text = _text_lines(getattr(doc, "text", None) or "")
    if len(text) < RETRY_BELOW_CHARS:
        # Precision mode sometimes keeps only a reprint notice; balanced mode (which itself
        # falls back to recall) then finds the article. Short pages only, so it costs little.
        options = {**EXTRACT_OPTIONS, "favor_precision": False, "fast": fast}
        doc = trafilatura.bare_extraction(tree, url=url, **options)
        retry = _text_lines(getattr(doc, "text", None) or "")
        text = retry if len(retry) > len(text) else text
    return text


def _text_lines(text: str) -> str:
    """One paragraph per line, blank and whitespace-only lines dropped."""
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


# --- JSON-LD -----------------------------------------------------------------------------


def _json_ld(tree: HtmlElement) -> dict[str, Any]:
    """The first article-like JSON-LD object, flattened to the fields kliping uses."""
    best: dict[str, Any] | None = None
    best_weak = True
    for script in tree.iterfind('.//script[@type="application/ld+json"]'):
        data = _parse_json(script.text or "")
        for obj in _walk(data):
            types = obj.get("@type")
            names = {t.lower() for t in (types if isinstance(types, list) else [types])
                     if isinstance(t, str)}  # fmt: skip
            hits = names & ARTICLE_TYPES
            if not hits:
                continue
            weak = hits <= WEAK_TYPES
            if best is None or (best_weak and not weak):
                best, best_weak = obj, weak
    if best is None:
        return {}
    authors = [n for a in _as_list(best.get("author")) if (n := _name(a))]
    return {
        "headline": best.get("headline") or (None if best_weak else best.get("name")),
        "datePublished": best.get("datePublished") or best.get("dateCreated"),
        "authors": authors,
        "publisher": _name(best.get("publisher")) if not best_weak else None,
    }


def _parse_json(raw: str) -> Any:
    raw = raw.strip()
    # Seen in the wild: HTML comments or CDATA around the JSON, a trailing semicolon.
    raw = re.sub(r"^(?:<!--|<!\[CDATA\[)|(?:-->|\]\]>)$", "", raw).strip().rstrip(";")
    if not raw or len(raw) > 2_000_000:
        return None
    try:
        return json.loads(raw, strict=False)
    except (ValueError, RecursionError):
        return None


def _walk(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    """Every dict in a JSON-LD value, top-down, through lists and @graph (bounded depth)."""
    if depth > 6:
        return
    if isinstance(data, list):
        for item in data:
            yield from _walk(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement"):
            if isinstance(data.get(key), (list, dict)):
                yield from _walk(data[key], depth + 1)


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value] if value else []


def _name(value: Any) -> str | None:
    if isinstance(value, str):
        return _clean(value)
    if isinstance(value, dict):
        return _clean(value.get("name"))
    if isinstance(value, list) and value:
        return _name(value[0])
    return None


# --- meta tags ---------------------------------------------------------------------------


def _meta_tags(tree: HtmlElement) -> dict[str, str]:
    """First non-empty content per meta name/property/itemprop, keys lower-cased."""
    found: dict[str, str] = {}
    for elem in tree.iter("meta"):
        content = elem.get("content")
        if not content or not content.strip():
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = elem.get(attr)
            if key:
                found.setdefault(key.strip().lower(), content.strip())
    return found


def _meta_date(tree: HtmlElement, meta: dict[str, str], key: str) -> str | None:
    """The meta value of a DATE_META key; without a meta datePublished, the first element that carries
    itemprop="datePublished" with a datetime (<time itemprop=… datetime=…>) gives it. Looked for only
    when the keys before it gave no date: the search walks the whole tree (0.5 ms a page)."""
    if key != "datepublished" or key in meta:
        return meta.get(key)
    return next((elem.get("datetime", "") for elem in tree.xpath('//*[@itemprop="datePublished"][@datetime]')), None)


def _first(meta: dict[str, str], keys: tuple[str, ...]) -> str | None:
    return next((v for k in keys if (v := _clean(meta.get(k)))), None)


def _canonical_url(tree: HtmlElement, meta: dict[str, str]) -> str | None:
    for link in tree.iterfind(".//link[@rel]"):
        href = (link.get("href") or "").strip()
        if "canonical" in link.get("rel", "").lower().split() and href.startswith("http"):
            return href
    og = meta.get("og:url", "")
    return og if og.startswith("http") else None


def _language(tree: HtmlElement, meta: dict[str, str]) -> str | None:
    for raw in (tree.get("lang"), tree.get("xml:lang"), meta.get("content-language"),
                meta.get("og:locale")):  # fmt: skip
        match = _LANG.match((raw or "").strip().lower())
        if match:
            # "in" is the withdrawn ISO code for Indonesian, still emitted by some CMSs.
            return "id" if match.group(1) == "in" else match.group(1)
    return None


# --- values ------------------------------------------------------------------------------


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    # CMSs often put entity-escaped text in meta content and JSON-LD ("&#8216;Title&#8217;").
    text = _SPACES.sub(" ", unescape(value) if "&" in value else value).strip()
    return text[:500] or None


def _iso(value: Any) -> str | None:
    """An ISO 8601 string at the grain the page gives (time and offset kept), else None."""
    text = _clean(value)
    if not text:
        return None
    dt: datetime | None
    try:
        dt = datetime.fromisoformat(text.replace(" ", "T", 1) if text[:4].isdigit() else text)
    except ValueError:
        try:
            dt = parsedate_to_datetime(text)  # RFC 2822, as some RSS-minded CMSs write it
        except (TypeError, ValueError, IndexError):
            dt = None
    has_time = dt is not None and ("T" in text or ":" in text)
    if dt is None:
        # A day at the start of an odd value ("2023-09-14 pukul 20.22 WIB") is still a day.
        match = _ISO_DAY.match(text)
        try:
            dt = datetime(int(match[1]), int(match[2]), int(match[3])) if match else None
        except ValueError:
            dt = None
    if dt is None or not 1990 <= dt.year <= 2100:
        return None
    # A value without a time stays a date: no invented midnight.
    if not has_time:
        return dt.date().isoformat()
    return dt.replace(microsecond=0).isoformat()


@cache
def _author_prefix() -> re.Pattern[str]:
    """An author label at the front of a meta value ("By Jane Roe", "Penulis: Jane Roe"). Only the
    labels marked "alone" may stand without a colon: a name may begin with another ("Red Smith")."""
    rows = resources.rows("author_labels.tsv")
    alone = sorted(row[0] for row in rows if row[1:] == ("alone",))
    colon = sorted(row[0] for row in rows if row[1:] != ("alone",))
    return re.compile(rf"^(?:(?:{resources.alt(alone)})\s*:?\s+|(?:{resources.alt(colon)})\s*:\s*)", re.IGNORECASE)


def _authors(raw: list[str], outlet: str | None) -> list[str]:
    """Person names only: no URLs, no handles, no organisation equal to the outlet."""
    out: list[str] = []
    seen = {(outlet or "").casefold()}
    for item in raw:
        if not isinstance(item, str) or "://" in item or item.startswith("www."):
            continue
        for part in _AUTHOR_SPLIT.split(_author_prefix().sub("", item.strip())):
            name = _clean(part.strip(" .-–—:"))
            if not name or name.startswith("@") or "/" in name or len(name.split()) > 6:
                continue
            key = name.casefold()
            if key in seen or not any(ch.isalpha() for ch in name):
                continue
            seen.add(key)
            out.append(name)
    return out
