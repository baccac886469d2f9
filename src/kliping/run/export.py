"""The store → rows of articles, quotes, claims or stories as CSV or JSON lines; verdicts → schema.org ClaimReview.

`kliping export`. One row per article, quote, claim or story, streamed story by story (a claim exists only
in its story as built now, ``run.add.stored_story``), so the memory is one story's, whatever the store holds.
CSV is for spreadsheets: UTF-8, a header row, lists joined by "; ", and a cell that a spreadsheet would run as
a formula (starting with = + - @, a tab or a carriage return) prefixed with ' (OWASP's CSV injection advice).
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from kliping.corpus.assemble import build_story
from kliping.errors import InputError
from kliping.model import Article, Claim, Story
from kliping.run.verdict import carried
from kliping.store import Store
from kliping.store_verdicts import Verdict

__all__ = ["COLUMNS", "DEFAULT_DESK", "FORMATS", "WHATS", "export", "safe_cell"]

DEFAULT_DESK = "kliping desk"
FORMATS = ("csv", "jsonl", "claimreview")
COLUMNS = {
    "articles": ("id", "story_id", "url", "source", "outlet", "title", "published", "language", "dateline",
                 "authors", "wire_sources", "quotes"),
    "quotes": ("article_id", "story_id", "seq", "speaker", "speaker_mention", "kind", "cue", "text", "outlet",
               "published", "url"),
    "claims": ("story_id", "claim_id", "status", "text", "speaker", "sources", "support_article_ids",
               "against_article_ids", "support_outlets", "against_outlets", "verdict_rating", "verdict_note"),
    "stories": ("story_id", "title", "start", "end", "article_count", "outlets", "events", "claims", "quotes"),
}
WHATS = tuple(COLUMNS)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_LIST_SEPARATOR = "; "
Row = dict[str, Any]


def export(db: str | Path, what: str, fmt: str, out: str | Path | None = None, *, desk: str = DEFAULT_DESK) -> int:
    """Write the store's ``what`` in format ``fmt`` to the file ``out`` (replaced whole once written), or to
    stdout; return how many rows (or reviews) were written."""
    if what not in COLUMNS:
        raise InputError(f"unknown export {what!r}: use one of {', '.join(WHATS)}")
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    if fmt == "claimreview" and what != "claims":
        raise InputError("--format claimreview is for --what claims (the claims with a desk verdict)")
    if not desk.strip():
        raise InputError("--desk must name the desk (the ClaimReview's author)")
    with Store.open(db, create=False, write=False) as store, _output(out) as stream:
        if fmt == "claimreview":
            reviews = claim_reviews(store, desk.strip())
            stream.write(_script_safe(json.dumps(reviews, ensure_ascii=False, indent=2)) + "\n")
            return len(reviews)
        return _write_rows(stream, fmt, COLUMNS[what], _ROWS[what](store))


@contextmanager
def _output(out: str | Path | None) -> Iterator[TextIO]:
    if out is None:
        stream = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="", write_through=True)
        try:
            yield stream
        finally:
            stream.flush()
            stream.detach()  # stdout stays open for whoever comes next
        return
    path = Path(out)
    if path.is_dir():
        raise InputError(f"--out {path} is a folder: name a file")
    tmp = path.with_name(path.name + ".tmp")
    try:
        with tmp.open("w", encoding="utf-8", newline="") as stream:
            yield stream
        os.replace(tmp, path)  # a failed export leaves no half-written file behind
    except OSError as exc:
        raise InputError(f"cannot write {path}: {exc.strerror or exc}") from exc
    finally:
        tmp.unlink(missing_ok=True)


def _write_rows(stream: TextIO, fmt: str, columns: tuple[str, ...], rows: Iterator[Row]) -> int:
    count = 0
    if fmt == "jsonl":
        for row in rows:
            stream.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
        return count
    writer = csv.writer(stream)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([safe_cell(row[column]) for column in columns])
        count += 1
    return count


def safe_cell(value: Any) -> str | int | float:
    """One CSV cell: lists joined, None empty, text that a spreadsheet would run as a formula quoted with '."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return value
    text = _LIST_SEPARATOR.join(str(v) for v in value) if isinstance(value, list) else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


# --- rows --------------------------------------------------------------------------------------------


def _article_rows(store: Store) -> Iterator[Row]:
    for a in store.iter_articles():
        yield {"id": a.id, "story_id": store.story_of(a.id), "url": a.url, "source": a.source, "outlet": a.outlet,
               "title": a.title, "published": a.published, "language": a.language, "dateline": a.dateline,
               "authors": list(a.authors), "wire_sources": list(a.wire_sources), "quotes": len(a.quotes)}


def _quote_rows(store: Store) -> Iterator[Row]:
    for a in store.iter_articles():
        story_id = store.story_of(a.id) if a.quotes else None
        for seq, q in enumerate(a.quotes):
            yield {"article_id": a.id, "story_id": story_id, "seq": seq, "speaker": q.speaker,
                   "speaker_mention": q.speaker_mention, "kind": q.kind, "cue": q.cue, "text": q.text,
                   "outlet": a.outlet, "published": a.published, "url": a.url}


def _built_stories(store: Store) -> Iterator[tuple[Story, dict[str, Article]]]:
    """Each story built now, the biggest first (as `kliping stories` lists them), with its articles."""
    for row in store.stories():
        stored = store.story_articles(row.id)
        if stored is not None:  # (gone if another writer regrouped meanwhile)
            yield (build_story(stored.id, stored.articles, stored.representative),
                   {a.id: a for a in stored.articles})


def _claim_rows(store: Store) -> Iterator[Row]:
    by_key = {v.key: v for v in store.verdicts()}
    for story, articles in _built_stories(store):
        for claim in story.claims:
            verdict = carried(claim, by_key)
            support = _ids(e.article_id for e in claim.support)
            against = _ids(e.article_id for e in claim.against)
            yield {"story_id": story.id, "claim_id": claim.id, "status": claim.status, "text": claim.text,
                   "speaker": claim.speaker, "sources": list(claim.sources), "support_article_ids": support,
                   "against_article_ids": against, "support_outlets": _outlets(support, articles),
                   "against_outlets": _outlets(against, articles),
                   "verdict_rating": verdict.rating if verdict else None,
                   "verdict_note": verdict.note if verdict else None}


def _story_rows(store: Store) -> Iterator[Row]:
    for story, articles in _built_stories(store):
        yield {"story_id": story.id, "title": story.title, "start": story.start, "end": story.end,
               "article_count": len(story.article_ids), "outlets": _outlets(story.article_ids, articles),
               "events": len(story.events), "claims": len(story.claims), "quotes": len(story.quotes)}


_ROWS = {"articles": _article_rows, "quotes": _quote_rows, "claims": _claim_rows, "stories": _story_rows}


def _ids(ids: Iterator[str]) -> list[str]:
    return list(dict.fromkeys(ids))


def _outlets(article_ids: list[str], articles: dict[str, Article]) -> list[str]:
    return list(dict.fromkeys(o for i in article_ids if i in articles and (o := articles[i].outlet)))


# --- ClaimReview -----------------------------------------------------------------------------------------


def claim_reviews(store: Store, desk: str) -> list[dict[str, Any]]:
    """A schema.org ClaimReview for each claim with a desk verdict, in the order the verdicts were recorded.
    A verdict whose claim is no longer built (its statement left every claim) is written from what it kept."""
    verdicts = store.verdicts()
    if not verdicts:
        return []
    by_key = {v.key: v for v in verdicts}
    reviews: dict[tuple[str, str], dict[str, Any]] = {}
    for story, articles in _built_stories(store):
        for claim in story.claims:
            verdict = carried(claim, by_key)
            if verdict is not None and verdict.key not in reviews:
                reviews[verdict.key] = _review(verdict, desk, claim, [articles[i] for i in _evidence_ids(claim)
                                                                      if i in articles])
    for verdict in verdicts:
        if verdict.key not in reviews:
            reviews[verdict.key] = _review(verdict, desk, None, store.articles([verdict.article_id]))
    return [reviews[v.key] for v in verdicts]


def _evidence_ids(claim: Claim) -> list[str]:
    return _ids(e.article_id for e in (*claim.support, *claim.against))


def _review(verdict: Verdict, desk: str, claim: Claim | None, articles: list[Article]) -> dict[str, Any]:
    item: dict[str, Any] = {"@type": "Claim", "appearance": [_appearance(a) for a in articles]}
    dates = sorted(a.published for a in articles if a.published)
    if dates:
        item["datePublished"] = dates[0]
    if claim is not None and claim.speaker:
        item["author"] = {"@type": _speaker_type(claim.speaker, articles), "name": claim.speaker}
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "identifier": claim.id if claim is not None else verdict.claim_id,
        "datePublished": verdict.recorded_at[:10],
        "author": {"@type": "Organization", "name": desk},
        "claimReviewed": claim.text if claim is not None else verdict.claim_text,
        "reviewRating": {"@type": "Rating", "alternateName": verdict.rating},
        "itemReviewed": item,
    }
    if verdict.note:
        review["reviewBody"] = verdict.note
    return review


def _speaker_type(name: str, articles: list[Article]) -> str:
    """Organization when the articles know the speaker only as a body or a place (a country speaking through
    its government: "Rusia membantah …"); else Person."""
    labels = {e.label for a in articles for e in a.entities if e.canonical == name}
    return "Person" if "PERSON" in labels or not labels else "Organization"


def _appearance(article: Article) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork"}
    if article.url:
        work["url"] = article.url
    if article.title:
        work["headline"] = article.title
    if article.published:
        work["datePublished"] = article.published
    if article.outlet:
        work["publisher"] = {"@type": "Organization", "name": article.outlet}
    return work


def _script_safe(text: str) -> str:
    """JSON-LD goes into a page's <script> element: no article text may close it or open markup there."""
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
