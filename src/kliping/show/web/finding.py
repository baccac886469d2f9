"""A request's finding parameters → checked filter values, and a page number → a pager view.

The story list, search and the entity pages share these: dates at any ISO grain (``since``, ``until``), an outlet,
an entity (any of its names), a minimum story size, a sort, a page and a page size. Bad values become messages
for the page (shown, and the answer is 400), never an exception; every value is cut to a bounded length.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from kliping.timestamps import is_iso_date

MAX_VALUE_CHARS = 200  # of a filter's text: an outlet or a name is far shorter
PER_PAGE = 50
MAX_PER_PAGE = 200
MAX_PAGE = 100_000  # an OFFSET beyond any store's stories; a bigger number is a typo, not a wish
SORTS = ("relevance", "date")
_DATE_HELP = "takes a date like 2023-09-13, 2023-09 or 2023."


@dataclass
class Finding:
    """The filters of one request, checked; ``errors`` says what was wrong with the rest."""

    since: str = ""
    until: str = ""
    outlet: str = ""
    entity: str = ""
    min_size: int = 1
    sort: str = "relevance"
    page: int = 1
    per_page: int = PER_PAGE
    errors: list[str] = field(default_factory=list)

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page

    def store_filters(self) -> dict[str, Any]:
        """The filters as Store.search / Store.find_stories take them (unset ones as None)."""
        return {"since": self.since or None, "until": self.until or None, "outlet": self.outlet or None,
                "entity": self.entity or None}

    def values(self) -> dict[str, Any]:
        """For the form: what the user asked (so it can be corrected)."""
        return {"since": self.since, "until": self.until, "outlet": self.outlet, "entity": self.entity,
                "min_size": self.min_size, "sort": self.sort, "per_page": self.per_page}

    def active(self) -> bool:
        return bool(self.since or self.until or self.outlet or self.entity or self.min_size > 1)


def _text(params: Mapping[str, str], name: str) -> str:
    return " ".join(params.get(name, "").split())[:MAX_VALUE_CHARS]


def _number(params: Mapping[str, str], name: str, default: int, low: int, high: int, errors: list[str]) -> int:
    raw = params.get(name, "").strip()
    if not raw:
        return default
    if not raw.isdigit() or not low <= int(raw) <= high:
        errors.append(f"“{name}” takes a whole number from {low} to {high:,}.")
        return default
    return int(raw)


def finding(params: Mapping[str, str]) -> Finding:
    """The checked filters of a request's query parameters."""
    errors: list[str] = []
    f = Finding(since=_text(params, "since"), until=_text(params, "until"), outlet=_text(params, "outlet"),
                entity=_text(params, "entity"), errors=errors)
    for name in ("since", "until"):
        if getattr(f, name) and not is_iso_date(getattr(f, name)):
            errors.append(f"“{name}” {_DATE_HELP}")
            setattr(f, name, "")
    f.min_size = _number(params, "min_size", 1, 1, 1_000_000, errors)
    f.page = _number(params, "page", 1, 1, MAX_PAGE, errors)
    f.per_page = _number(params, "per_page", PER_PAGE, 1, MAX_PER_PAGE, errors)
    sort = _text(params, "sort") or "relevance"
    if sort not in SORTS:
        errors.append(f"“sort” is {' or '.join(SORTS)}.")
        sort = "relevance"
    f.sort = sort
    return f


def pager(path: str, query: Mapping[str, Any], f: Finding, total: int) -> dict[str, Any]:
    """Which page of how many, and the links to the pages before and after (the other parameters kept)."""
    pages = max(1, -(-total // f.per_page))

    def link(n: int) -> str:
        kept = {k: v for k, v in query.items() if v not in ("", None) and k not in ("page", "format")}
        return f"{path}?{urlencode({**kept, 'page': n})}"

    return {"page": f.page, "pages": pages, "per_page": f.per_page, "total": total,
            "first": f.offset + 1 if total else 0, "last": min(total, f.offset + f.per_page),
            "prev_href": link(f.page - 1) if f.page > 1 else None,
            "next_href": link(f.page + 1) if f.page < pages else None}
