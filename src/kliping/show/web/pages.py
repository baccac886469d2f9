"""A Store and a request's parameters → the view model of one web page (a plain JSON-serialisable dict).

Each page's HTML is a rendering of exactly this dict, and its JSON twin is this dict: the story page is
views.story_view (the very model index.html renders) plus links to the app's own article and speaker pages.
Nothing here escapes (the templates do) and nothing analyses (the store and corpus steps did).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import quote, urlencode

from kliping.errors import InputError
from kliping.model import Article, Story
from kliping.run.verdict import claim_digest, claim_verdicts
from kliping.show.coverage import owner_groups
from kliping.show.entities import entity_view
from kliping.show.views import (
    FULL_PER_PAGE,
    FULL_PER_STORY,
    QUOTES_PER_SPEAKER,
    STATUS_LABELS,
    article_view,
    date_label,
    outlet_label,
    story_view,
)
from kliping.show.web.finding import MAX_VALUE_CHARS, finding, pager
from kliping.show.web.shelf import StoryShelf
from kliping.store import Store, StoryRow
from kliping.store_records import query_words
from kliping.words import WORD

View = dict[str, Any]
SEARCH_LIMIT = 50
SPEAKER_MATCHES = 10


def href(kind: str, key: str, **params: str) -> str:
    """A link to one of our pages: the key is percent-encoded whole, so no id can add a path segment or query."""
    url = f"/{kind}/{quote(key, safe='')}"
    return f"{url}?{urlencode(params)}" if params else url


def _ref(article: Article | None, article_id: str) -> View:
    published = article.published if article else None
    return {"id": article_id, "title": (article.title if article else None) or article_id,
            "outlet": outlet_label(article, article_id), "published": published,
            "date_label": date_label(published), "href": href("articles", article_id)}


def _span(start: str | None, end: str | None) -> str:
    return " – ".join(dict.fromkeys(x for x in (date_label(start), date_label(end)) if x))


def home_page(store: Store, params: Mapping[str, str] | None = None) -> View:
    """The story list, a page at a time: the biggest first, then the latest; filtered by date, outlet, entity
    (any of its names) and size (stories with an article matching every filter)."""
    params = params or {}
    f = finding(params)
    total: int = 0
    rows: list[StoryRow] = []
    if not f.errors:
        try:
            total, rows = store.find_stories(**f.store_filters(), min_size=f.min_size, limit=f.per_page,
                                             offset=f.offset)
        except InputError as exc:  # an entity no article mentions, a listing past its budget
            f.errors.append(f"{exc}.")
    return {
        "page": "stories",
        "article_count": store.article_count(),
        "story_count": total,
        "filtered": f.active(),
        "filters": f.values(),
        "errors": f.errors,
        "outlets": [{"name": o, "article_count": n} for o, n in store.outlets()],
        "pager": pager("/", params, f, total),
        "stories": [{"id": r.id, "title": r.title, "article_count": r.article_count, "start": r.start,
                     "end": r.end, "span_label": _span(r.start, r.end), "href": href("stories", r.id)}
                    for r in rows],
    }


def search_page(store: Store, q: str, speaker: str = "", since: str = "", story: str = "",
                params: Mapping[str, str] | None = None) -> View:
    """Full-text hits over articles and quotations, filtered (speaker, story, dates, outlet, entity) and sorted;
    the speakers whose name matches the query and the entity it names."""
    f = finding({"since": since, **(params or {})})
    q, speaker, story = q.strip(), speaker.strip()[:MAX_VALUE_CHARS], story.strip()[:MAX_VALUE_CHARS]
    errors = f.errors
    hits: list[View] = []
    found = []
    asked = bool(q or speaker or f.active())
    if asked and not errors:
        try:
            found = store.search(q, speaker=speaker or None, story=story or None, **f.store_filters(), sort=f.sort,
                                 limit=SEARCH_LIMIT)
        except InputError as exc:  # past its time budget, an entity no article mentions: say so
            errors.append(f"{exc}.")
    for h in found:
        hits.append({"kind": h.kind, "article_id": h.article_id, "story_id": h.story_id, "title": h.title,
                     "outlet": h.outlet, "published": h.published, "date_label": date_label(h.published),
                     "speaker": h.speaker, "snippet": h.snippet,
                     "snippet_parts": [{"text": t, "mark": m} for t, m in h.parts()],
                     "href": href("articles", h.article_id),
                     "story_href": href("stories", h.story_id) if h.story_id else None,
                     "speaker_href": href("speakers", h.speaker) if h.speaker else None})
    entity = store.resolve_entity(q) if q and store.has_entities() else None
    return {
        "page": "search",
        "query": {"q": q, "speaker": speaker, "story": story, **f.values()},
        "filters": f.values(),
        "asked": asked,
        "errors": errors,
        "outlets": [{"name": o, "article_count": n} for o, n in store.outlets()],
        "entity": {"name": entity, "href": href("entities", entity)} if entity else None,
        "speakers": matching_speakers(store, q) if q else [],
        "hits": hits,
        "limit": SEARCH_LIMIT,
    }


def matching_speakers(store: Store, q: str) -> list[View]:
    """Speakers any of whose name words starts with a query word: "peskov" finds "Dmitry Peskov"."""
    words = query_words(q)  # distinct and capped: 4,000 words × every speaker would hold the request
    if not words:
        return []
    found: list[tuple[int, str]] = []
    for name, count in store.speakers(limit=100_000):
        name_words = [w.casefold() for w in WORD.findall(name)]
        if all(any(nw.startswith(w) for nw in name_words) for w in words):
            found.append((count, name))
    found.sort(key=lambda cn: -cn[0])  # the store lists the most quoted first; keep that after filtering
    return [{"name": n, "quote_count": c, "href": href("speakers", n)} for c, n in found[:SPEAKER_MATCHES]]


def story_page(store: Store, story_id: str, shelf: StoryShelf) -> View | None:
    """views.story_view of one stored story, with links to the article and speaker pages; ``updating``
    says how many stored articles the build shown does not hold yet (an add is growing the story)."""
    built = shelf.get(store, story_id)
    if built is None:
        return None
    story = built.story
    articles = {a.id: a for a in store.articles(story.article_ids)}
    view = story_view(story, articles, number=1)
    for group in view["quotes"]:
        if group["speaker"]:
            group["href"] = href("speakers", group["speaker"])
    for a in view["articles"]:
        a["href"] = href("articles", a["id"])
    return {
        "page": "story",
        "story": view,
        "status_labels": STATUS_LABELS,
        "quotes_per_speaker": QUOTES_PER_SPEAKER,
        "full_per_story": FULL_PER_STORY,
        "full_per_page": FULL_PER_PAGE,
        "updating": built.behind,
        **_verdicts(store, story, view),
    }


def _verdicts(store: Store, story: Story, view: View) -> View:
    """The desk's verdicts on the claims shown, and the claims the verdict form offers (each with the digest
    of what it says, so a verdict sent from a page built before the story grew is refused, not misplaced)."""
    carried = claim_verdicts([story], store.verdicts())
    anchors = {c["id"]: c["anchor"] for c in view["claims"]}
    return {
        "verdicts": [{"claim_id": c.id, "anchor": anchors.get(c.id), "text": c.text, "rating": v.rating,
                      "note": v.note, "recorded_at": v.recorded_at}
                     for c in story.claims if (v := carried.get(c.id)) is not None],
        "verdict_choices": [{"value": f"{c.id}:{claim_digest(c)}", "label": f"{c.id} — {_short(c.text)}"}
                            for c in story.claims],
        "verdict_action": href("stories", story.id) + "/verdict",
    }


def _short(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def article_page(store: Store, article_id: str, shelf: StoryShelf) -> View | None:
    """One article in full: text with quotes and dates marked, its quotations and dates listed."""
    article = store.article(article_id)
    if article is None:
        return None
    view = article_view(article, "a", True, [])
    return {
        "page": "article",
        "article": view,
        "story": _story_of(store, article, shelf),
        "quotes": [{"text": q.text, "kind": q.kind, "speaker": q.speaker, "cue": q.cue,
                    "speaker_href": href("speakers", q.speaker) if q.speaker else None} for q in article.quotes],
        "dates": [{"text": d.text, "value": d.value, "label": date_label(d.value)} for d in article.dates],
    }


def _story_of(store: Store, article: Article, shelf: StoryShelf) -> View | None:
    story_id = store.story_of(article.id)
    built = shelf.get(store, story_id) if story_id else None
    if built is None:
        return None
    return {"id": built.story.id, "title": built.story.title, "href": href("stories", built.story.id)}


def outlets_page(store: Store) -> View:
    """Who covers the store: each outlet with its articles, stories and first and last day, grouped by owner
    where resources/outlet_groups.tsv knows the group, each linking to its articles and stories."""
    groups = owner_groups()
    overview = sorted(store.outlet_overview(), key=lambda r: (groups.get(r[0], "~"), -r[1], r[0]))
    rows = [{"outlet": o, "group": groups.get(o), "articles": n, "stories": s,
             "first": date_label(first) or None, "last": date_label(last) or None,
             "search_href": "/search?" + urlencode({"q": "", "outlet": o, "sort": "date"}),
             "stories_href": "/?" + urlencode({"outlet": o})} for o, n, s, first, last in overview]
    return {"page": "outlets", "outlets": rows, "groups": sorted({g for r in rows if (g := r["group"])})}


def speaker_page(store: Store, name: str) -> View | None:
    """Everything one person said, across stories, oldest first: "what did Peskov say, and when?"."""
    pairs = store.quotes_by(name)
    if not pairs:
        return None
    days: dict[str, list[View]] = {}
    for quote_, article in pairs:
        day = date_label(article.published) or "Undated"
        days.setdefault(day, []).append({
            "text": quote_.text, "kind": quote_.kind, "cue": quote_.cue, "mention": quote_.speaker_mention,
            "article": _ref(article, article.id),
        })
    outlets = list(dict.fromkeys(outlet_label(a, a.id) for _, a in pairs))
    return {
        "page": "speaker",
        "speaker": name,
        "quote_count": len(pairs),
        "article_count": len({a.id for _, a in pairs}),
        "outlets": outlets,
        "days": [{"label": label, "quotes": quotes} for label, quotes in days.items()],
    }


def entity_page(store: Store, canonical: str, params: Mapping[str, str] | None = None) -> View:
    """One person, organisation or place (``canonical``, as Store.resolve_entity gives it): show/entities.py's
    view, a page of it (?page=N), with links to the app's pages."""
    params = params or {}
    f = finding(params)
    view = entity_view(store, canonical, limit=f.per_page, offset=f.offset)
    for s in view["stories"]:
        s["href"] = href("stories", s["id"])
    for day in view["articles"]:
        for a in day["articles"]:
            a["href"] = href("articles", a["id"])
            a["story_href"] = href("stories", a["story_id"]) if a["story_id"] else None
    for day in view["said"]:
        for q in day["quotes"]:
            q["article"]["href"] = href("articles", q["article"]["id"])
    view["speaker_href"] = href("speakers", canonical) if view["quote_count"] else None
    view["search_href"] = "/search?" + urlencode({"entity": canonical})
    view["pager"] = pager(href("entities", canonical), params, f, max(view["article_count"], view["quote_count"]))
    return view


def add_page(csrf_token: str, limit: int, accepted: Sequence[str], result: Mapping[str, Any] | None = None) -> View:
    """The add form, and what the last attempt gave when it stored nothing."""
    return {"page": "add", "csrf_token": csrf_token, "max_bytes": limit, "max_mb": limit // (1024 * 1024),
            "accepts": list(accepted), "result": dict(result) if result else None}
