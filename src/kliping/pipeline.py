"""The per-article chain: RawDocument → Article (clean → describe → annotate), and paths → Articles.

One call per article, no shared state: this is what executors map over partitions.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import BinaryIO

from kliping.annotate.dates import find_dates
from kliping.annotate.entities import find_entities
from kliping.annotate.quotes import find_quotes
from kliping.clean import clean
from kliping.describe import describe
from kliping.errors import Rejected
from kliping.model import Article, RawDocument, Skipped
from kliping.read import iter_documents


def annotate(article: Article) -> Article:
    """Fill entities, quotations and dates from the body (offsets index into it)."""
    article.entities = find_entities(article.body, article.language)
    article.quotes = find_quotes(article.body, article.entities)
    article.dates = find_dates(article.body, article.published)
    return article


def process(raw: RawDocument) -> Article:
    """Turn one document as read into an annotated Article; raises Rejected if nothing is left."""
    cleaned = clean(raw)
    if not cleaned.body.strip():
        raise Rejected("no article text left after cleaning", raw.source)
    return annotate(describe(raw, cleaned))


def extract(paths: Iterable[str], *, stdin: BinaryIO | None = None) -> Iterator[Article | Skipped]:
    """Read, clean and describe every article under ``paths``, streaming, in input order.

    Inputs that cannot be used come out as Skipped with their reason; nothing stops the run.
    Ids are unique in a run: the same file name in two folders gets "~2", "~3"… after the second.
    """
    seen: dict[str, int] = {}
    for item in iter_documents(paths, stdin=stdin):
        if isinstance(item, Skipped):
            yield item
            continue
        count = seen.get(item.id, 0) + 1
        seen[item.id] = count
        if count > 1:
            item.id = f"{item.id}~{count}"
        try:
            yield process(item)
        except Rejected as err:
            yield Skipped(item.source, err.reason)
