"""The per-article chain: RawDocument → Article (clean → describe → annotate), and paths → Articles.

One call per article, no shared state: this is what executors map over partitions.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import BinaryIO

from kliping import budget
from kliping.annotate.dates import find_dates, page_years
from kliping.annotate.entities import find_entities
from kliping.annotate.quotes import find_quotes
from kliping.clean import clean
from kliping.describe import describe
from kliping.errors import Rejected
from kliping.model import Article, RawDocument, Skipped
from kliping.read import iter_documents
from kliping.read.fields import FieldMap


def annotate(article: Article) -> Article:
    """Fill entities, quotations and dates from the body (offsets index into it)."""
    article.entities = find_entities(article.body, article.language)
    article.quotes = find_quotes(article.body, article.entities)
    article.dates = find_dates(article.body, article.published, article.quotes, page_years(article))
    return article


def process(raw: RawDocument) -> Article:
    """Turn one document as read into an annotated Article; raises Rejected if nothing is left, if
    the chain has not finished within the per-article budget (``budget.article_seconds()`` of CPU), or
    if a step failed on this article's text (the run goes on without it, the skip says why)."""
    seconds = budget.article_seconds()
    try:
        with budget.limit(seconds):
            return _chain(raw)
    except budget.OverBudget:
        raise Rejected(over_budget_reason(seconds, raw), raw.source) from None
    except Rejected:
        raise
    except Exception as exc:  # a fault of ours that hostile text sets off costs this article, never the run
        raise Rejected(f"could not be analysed ({type(exc).__name__}: {exc}); a kliping bug, please report it",
                       raw.source) from exc


def over_budget_reason(seconds: float, raw: RawDocument) -> str:
    return (f"took longer than {seconds:g} s to annotate (CPU time, {len(raw.text):,} characters; "
            f"{budget.ENVIRONMENT} sets the limit)")


def _chain(raw: RawDocument) -> Article:
    cleaned = clean(raw)
    if not cleaned.body.strip():
        raise Rejected("no article text left after cleaning", raw.source)
    return annotate(describe(raw, cleaned))


def unique_id(raw_id: str, seen: dict[str, int]) -> str:
    """Ids are unique in a run: the second "x" (the same file name in two folders) is "x~2"."""
    count = seen.get(raw_id, 0) + 1
    seen[raw_id] = count
    return numbered_id(raw_id, count)


def numbered_id(raw_id: str, count: int) -> str:
    """The id of the ``count``-th article read under ``raw_id``: itself, then "x~2", "x~3"…"""
    return raw_id if count == 1 else f"{raw_id}~{count}"


def extract(paths: Iterable[str], *, stdin: BinaryIO | None = None,
            field_map: FieldMap | None = None) -> Iterator[Article | Skipped]:
    """Read, clean, describe and annotate every article under ``paths``, streaming, in input order.

    Inputs that cannot be used come out as Skipped with their reason; nothing stops the run.
    ``field_map`` renames the fields of JSON lines (``--map``).
    """
    seen: dict[str, int] = {}
    for item in iter_documents(paths, stdin=stdin, field_map=field_map):
        if isinstance(item, Skipped):
            yield item
            continue
        item.id = unique_id(item.id, seen)
        try:
            yield process(item)
        except Rejected as err:
            yield Skipped(item.source, err.reason)
