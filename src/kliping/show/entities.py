"""A store and an entity's canonical name → its view model (a plain dict) and its terminal form.

One model for ``kliping entity NAME`` (its ``--json`` is this dict) and the web app's ``/entities/{name}`` page
(show/web/pages.py adds its links): the canonical name, its label and other names, how many articles mention it,
the stories they are in, a page of those articles and of what it said, both by date.
"""

from __future__ import annotations

import sys
from typing import Any, TextIO

from rich.console import Console
from rich.markup import escape

from kliping.show.views import date_label, outlet_label
from kliping.store import Store

View = dict[str, Any]
ENTITY_STORIES = 100  # stories listed, those that mention the entity most first


def _span(start: str | None, end: str | None) -> str:
    return " – ".join(dict.fromkeys(x for x in (date_label(start), date_label(end)) if x))


def entity_view(store: Store, canonical: str, *, limit: int, offset: int = 0) -> View:
    """``canonical`` (as Store.resolve_entity gives it): ``limit`` of the articles that mention it and of its
    quotations from ``offset``, each list oldest first and grouped by day."""
    facts = store.entity(canonical, limit=limit, offset=offset, stories=ENTITY_STORIES)
    quote_count = store.quote_count(canonical)
    said: dict[str, list[View]] = {}
    for quote, article in store.quotes_by(canonical, limit=limit, offset=offset):
        said.setdefault(date_label(article.published) or "Undated", []).append({
            "text": quote.text, "kind": quote.kind, "cue": quote.cue, "mention": quote.speaker_mention,
            "article": {"id": article.id, "title": article.title or article.id, "story_id": store.story_of(article.id),
                        "outlet": outlet_label(article, article.id), "published": article.published}})
    days: dict[str, list[View]] = {}
    for m in facts.articles:
        days.setdefault(date_label(m.published or m.day) or "Undated", []).append({
            "id": m.article_id, "title": m.title or m.article_id, "outlet": m.outlet, "published": m.published,
            "story_id": m.story_id or None, "mentions": m.mentions, "quotes": m.quotes})
    return {
        "page": "entity",
        "name": canonical,
        "label": facts.label,
        "aliases": [a.to_dict() for a in facts.aliases],
        "article_count": facts.article_count,
        "quote_count": quote_count,
        "stories": [{"id": s.story_id, "title": s.title, "mentioning": s.mentioning, "article_count": s.article_count,
                     "start": s.start, "end": s.end, "span_label": _span(s.start, s.end)} for s in facts.stories],
        "articles": [{"label": label, "articles": items} for label, items in days.items()],
        "said": [{"label": label, "quotes": quotes} for label, quotes in said.items()],
        "shown": {"offset": offset, "limit": limit},
    }


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n:,} {one if n == 1 else many or one + 's'}"


def print_entity(view: View, stream: TextIO | None = None) -> None:
    """The entity's page as text; article text goes through rich's escape, never read as markup."""
    console = Console(file=stream or sys.stdout, highlight=False, soft_wrap=True)
    label = f" ({view['label']})" if view["label"] else ""
    console.print(f"[bold]{escape(view['name'])}[/bold]{escape(label)}: mentioned in "
                  f"{_count(view['article_count'], 'article')}, {_count(len(view['stories']), 'story', 'stories')}; "
                  f"{_count(view['quote_count'], 'quotation')}")
    if view["aliases"]:
        console.print("also written: " + escape(", ".join(a["name"] for a in view["aliases"])))
    if view["stories"]:
        console.print("\n[bold]stories[/bold]")
    for s in view["stories"]:
        console.print(f"  {escape(s['id'])}  {escape(s['title'])}  [dim]{escape(s['span_label'])} · mentioned in "
                      f"{s['mentioning']} of {s['article_count']} articles[/dim]")
    if view["articles"]:
        console.print("\n[bold]articles that mention them[/bold]")
    for day in view["articles"]:
        for a in day["articles"]:
            outlet = f", {a['outlet']}" if a["outlet"] else ""
            console.print(f"  {escape(day['label'])}  {escape(a['title'])}{escape(outlet)}  [dim]{escape(a['id'])}"
                          f"{' · quoted' if a['quotes'] else ''}[/dim]")
    if view["said"]:
        console.print("\n[bold]what they said[/bold]")
    for day in view["said"]:
        for q in day["quotes"]:
            console.print(f"  {escape(day['label'])}  “{escape(q['text'])}”  [dim]— {escape(q['article']['title'])}, "
                          f"{escape(q['article']['outlet'])}[/dim]")
    shown = view["shown"]
    if max(view["article_count"], view["quote_count"]) > shown["offset"] + shown["limit"]:
        console.print(f"\n[dim]… more: --offset {shown['offset'] + shown['limit']}[/dim]")
