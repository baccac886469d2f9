"""Stories, their articles, duplicates and skipped inputs → plain JSON-serialisable view models for every output.

The HTML report, the web app and any JSON consumer render these same dicts; nothing here escapes text
(the renderer does, always) and nothing here analyses: it joins, counts, orders and labels.

Page size is bounded: the page lists at most QUOTES_PER_SPEAKER quotes a speaker, and shows the full text
(quotes and dates highlighted) of at most FULL_PER_STORY articles a story and FULL_PER_PAGE in all, the
most cited first. Every other article is still listed with outlet, date and title; its text is in
articles.jsonl and the web app. (200 stories × 10 articles: ~9 MB of HTML, rendered in < 1 s.)
"""

from __future__ import annotations

import os
import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from kliping.model import Article, Claim, DossierPage, Story
from kliping.show.coverage import coverage

FULL_PER_STORY = 12
FULL_PER_PAGE = 150
QUOTES_PER_SPEAKER = 20  # the page lists this many per speaker (and of single-outlet quotes); the view keeps all
STATUS_LABELS = {
    "corroborated": "Corroborated",
    "contested": "Contested",
    "single-source": "Single source",
    "superseded": "Superseded",
}
STATUS_ORDER = ("contested", "superseded", "corroborated", "single-source")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")

View = dict[str, Any]


def date_label(value: str | None) -> str:
    """ "2023-09-13" → "13 Sep 2023", "2023-09" → "Sep 2023", "2023" → "2023"; anything else as given."""
    m = _ISO.match(value or "")
    if not m:
        return value or ""
    year, month, day = m.groups()
    if month and 1 <= int(month) <= 12:
        return f"{int(day)} {_MONTHS[int(month) - 1]} {year}" if day else f"{_MONTHS[int(month) - 1]} {year}"
    return year


def day_of(value: str | None) -> str | None:
    """The calendar day of an ISO value, or None when it states no day (or is not a date)."""
    m = _ISO.match(value or "")
    if not m or not m.group(3):
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


def anchor(prefix: str, key: str) -> str:
    """An id attribute value made only of safe characters, whatever the article id holds (crc: stays unique)."""
    return f"{prefix}-{_UNSAFE.sub('-', key)[:60]}-{zlib.crc32(key.encode('utf-8')):08x}"


def outlet_label(article: Article | None, article_id: str) -> str:
    """The outlet; for an unnamed one its site ("berita.example") or its file ("003_04e3b211cc.txt",
    "feed.jsonl:12"), so two articles of unknown outlets are not one source and each label says where
    it came from."""
    if article is None:
        return article_id
    if article.outlet:
        return article.outlet
    host = urlsplit(article.url).hostname if article.url else None
    if host:
        return host.removeprefix("www.")
    return os.path.basename(article.source) if article.source else article_id


def _ref(article_id: str, articles: Mapping[str, Article], story_anchor: str) -> View:
    a = articles.get(article_id)
    return {
        "id": article_id,
        "anchor": anchor(f"{story_anchor}-a", article_id),
        "outlet": outlet_label(a, article_id),
        "title": (a.title if a else None) or article_id,
        "published": a.published if a else None,
        "date_label": date_label(a.published if a else None),
    }


def _outlets(ids: Iterable[str], articles: Mapping[str, Article]) -> list[str]:
    seen: dict[str, None] = {}
    for i in ids:
        seen[outlet_label(articles.get(i), i)] = None
    return list(seen)


def segments(article: Article) -> list[list[View]]:
    """The body as paragraphs of segments ``{text, classes, note}``; quotes and dates become classes.

    Spans may overlap (a date inside a reported statement): the body is cut at every span boundary and each
    piece carries the classes of all spans covering it, so the renderer never has to nest marks.
    """
    body = article.body
    spans: list[tuple[int, int, str, str]] = []
    for q in article.quotes:
        note = f"{q.speaker or 'unknown speaker'} ({q.kind})"
        kind = q.kind if q.kind in ("direct", "partial", "indirect") else "other"  # classes: fixed words only
        spans.append((q.start, q.end, f"q q-{kind}", note))
    for d in article.dates:
        spans.append((d.start, d.end, "d", date_label(d.value)))
    spans = [(max(0, s), min(len(body), e), c, n) for s, e, c, n in spans if 0 <= s < e]
    breaks = [m.span() for m in re.finditer(r"\n\s*\n", body)]
    cuts = sorted({0, len(body)} | {s for s, _, _, _ in spans} | {e for _, e, _, _ in spans}
                  | {s for s, _ in breaks} | {e for _, e in breaks})
    paragraphs: list[list[View]] = [[]]
    for lo, hi in zip(cuts, cuts[1:], strict=False):
        text = body[lo:hi]
        if not text.strip() and "\n" in text:
            if paragraphs[-1]:
                paragraphs.append([])
            continue
        covering = [(c, n) for s, e, c, n in spans if s <= lo and hi <= e]
        classes = sorted({part for c, _ in covering for part in c.split()})
        notes = "; ".join(dict.fromkeys(n for _, n in covering))
        paragraphs[-1].append({"text": text, "classes": classes, "note": notes or None})
    return [p for p in paragraphs if p]


def _evidence(items: Iterable[Any], articles: Mapping[str, Article], story_anchor: str) -> list[View]:
    return [{**_ref(e.article_id, articles, story_anchor), "text": e.text, "stance": e.stance,
             "source": _voice(e.source, articles)} for e in items]


def _voice(source: str | None, articles: Mapping[str, Article]) -> str | None:
    """A source by name; an article of no known outlet speaks in its own voice under its label."""
    if source is not None and source in articles:
        return outlet_label(articles[source], source)
    return source


def _claim_view(claim: Claim, articles: Mapping[str, Article], story_anchor: str) -> View:
    support_ids = [e.article_id for e in claim.support]
    return {
        "id": claim.id,
        "anchor": anchor(f"{story_anchor}-c", claim.id),
        "text": claim.text,
        "speaker": claim.speaker,
        "status": claim.status if claim.status in STATUS_LABELS else "single-source",
        "status_label": STATUS_LABELS.get(claim.status, claim.status),
        "support": _evidence(claim.support, articles, story_anchor),
        "against": _evidence(claim.against, articles, story_anchor),
        "outlets": _outlets(support_ids, articles),
        "sources": [_voice(name, articles) for name in claim.sources],
        # One voice that several outlets carry: a claim attributed to it, not corroborated.
        "attributed_to": _voice(claim.sources[0], articles)
        if len(claim.sources) == 1 and len(set(support_ids)) > 1 else None,
        "history": [{"date_label": date_label(h.date) or "undated", "value": _figure(h.value),
                     "citations": [_ref(i, articles, story_anchor) for i in h.article_ids]} for h in claim.history],
    }


def _figure(value: float) -> str:
    """A figure as a reader writes it: 57, 12,000, 2.5."""
    return f"{value:,.0f}" if value == int(value) else f"{value:,g}"


def _quote_groups(story: Story, articles: Mapping[str, Article], story_anchor: str) -> list[View]:
    groups: dict[str, list[View]] = {}
    for q in story.quotes:
        groups.setdefault(q.speaker or "", []).append({
            "text": q.text,
            "citations": [_ref(i, articles, story_anchor) for i in q.article_ids],
            "outlets": _outlets(q.article_ids, articles),
        })
    return [{"speaker": s or None, "label": s or "Unattributed", "quotes": qs} for s, qs in groups.items()]


def _chart_data(story: Story, members: Sequence[Article]) -> View:
    """What the timeline picture draws: articles per day per outlet, the dated entries, the events."""
    per_day: dict[tuple[str, str], list[str]] = defaultdict(list)
    for a in members:
        day = day_of(a.published)
        if day:
            per_day[(day, outlet_label(a, a.id))].append(a.title or a.id)
    return {
        "coverage": [{"date": d, "outlet": o, "count": len(t), "titles": t} for (d, o), t in sorted(per_day.items())],
        "marks": [{"date": t.date, "text": t.text, "sources": len(t.article_ids)} for t in story.timeline],
        "events": [{"title": e.title, "start": e.start, "end": e.end} for e in story.events],
    }


def _span(story: Story, members: Sequence[Article]) -> tuple[str | None, str | None]:
    days = sorted(d for d in (day_of(a.published) for a in members) if d)
    return story.start or (days[0] if days else None), story.end or (days[-1] if days else None)


def article_view(article: Article, story_anchor: str, full: bool, duplicate_of: list[str]) -> View:
    """One article: its description, and its highlighted text when ``full``."""
    return {
        **_ref(article.id, {article.id: article}, story_anchor),
        "language": article.language,
        "authors": list(article.authors),
        "wire_sources": list(article.wire_sources),
        "source": article.url or article.source,
        "quote_count": len(article.quotes),
        "date_count": len(article.dates),
        "duplicate_of": duplicate_of,
        "full": full,
        "paragraphs": segments(article) if full else [],
    }


def story_view(story: Story, articles: Mapping[str, Article], duplicates: Sequence[Sequence[str]] = (),
               skipped: Sequence[Any] = (), *, number: int = 1, full_articles: int = FULL_PER_STORY) -> View:
    """Everything the page shows of one story (``skipped`` is accepted for symmetry and counted only)."""
    sa = f"s{number}"
    members = [articles[i] for i in story.article_ids if i in articles]
    members.sort(key=lambda a: (a.published or "9999", a.id))
    start, end = _span(story, members)
    claims = [_claim_view(c, articles, sa) for c in story.claims]
    claims.sort(key=lambda c: STATUS_ORDER.index(c["status"]) if c["status"] in STATUS_ORDER else 9)
    quotes = _quote_groups(story, articles, sa)

    cited: Counter[str] = Counter()
    for s in story.summary:
        cited.update(s.article_ids)
    for c in story.claims:
        cited.update(e.article_id for e in [*c.support, *c.against])
    full_ids = set(sorted((a.id for a in members), key=lambda i: -cited[i])[:max(0, full_articles)])
    copies = {i: [j for j in g if j != i] for g in duplicates for i in g}

    by_outlet: dict[str, list[View]] = defaultdict(list)
    for a in members:
        by_outlet[outlet_label(a, a.id)].append(_ref(a.id, articles, sa))
    single_claims = [c for c in claims if len(c["outlets"]) == 1]
    single_quotes = [{"speaker": g["label"], **q} for g in quotes for q in g["quotes"] if len(q["outlets"]) == 1]
    return {
        "id": story.id,
        "anchor": sa,
        "number": number,
        "title": story.title,
        "start": start,
        "end": end,
        "span_label": " – ".join(dict.fromkeys(x for x in (date_label(start), date_label(end)) if x)),
        "article_count": len(members),
        "outlet_count": len(by_outlet),
        "claim_counts": dict(Counter(c["status"] for c in claims)),
        "events": [{"id": e.id, "title": e.title, "span_label": " – ".join(dict.fromkeys(
            x for x in (date_label(e.start), date_label(e.end)) if x)),
            "citations": [_ref(i, articles, sa) for i in e.article_ids]} for e in story.events],
        "summary": [{"text": s.text, "citations": [_ref(i, articles, sa) for i in s.article_ids]}
                    for s in story.summary],
        "timeline": [{"date": t.date, "date_label": date_label(t.date), "text": t.text,
                      "citations": [_ref(i, articles, sa) for i in t.article_ids]} for t in story.timeline],
        "chart": _chart_data(story, members),
        "claims": claims,
        "quotes": quotes,
        "quote_count": len(story.quotes),
        "sources": {
            "outlets": [{"outlet": o, "articles": refs} for o, refs in
                        sorted(by_outlet.items(), key=lambda kv: (-len(kv[1]), kv[0]))],
            "single_outlet_claims": single_claims,
            "coverage": coverage(story, members, lambda a: outlet_label(a, a.id),
                                 lambda claim_id: anchor(f"{sa}-c", claim_id)),
            "single_outlet_quotes": single_quotes,
            "duplicates": [list(g) for g in duplicates if set(g) & set(story.article_ids)],
        },
        "articles": [article_view(a, sa, a.id in full_ids, copies.get(a.id, [])) for a in members],
        "skipped_count": len(skipped),
    }


def dossier_view(page: DossierPage, articles: Mapping[str, Article] | Sequence[Article],
                 *, full_per_page: int = FULL_PER_PAGE) -> View:
    """The whole page: its stories joined with their articles, a contents list, skips, the run's totals."""
    by_id = articles if isinstance(articles, Mapping) else {a.id: a for a in articles}
    duplicates, skipped = page.duplicates, page.skipped
    stories = []
    budget = full_per_page
    for n, story in enumerate(page.stories, start=1):
        view = story_view(story, by_id, duplicates, skipped, number=n, full_articles=min(FULL_PER_STORY, budget))
        budget -= sum(a["full"] for a in view["articles"])
        stories.append(view)
    claim_counts = page.claim_counts
    if claim_counts is None:
        shown: Counter[str] = Counter()
        for s in stories:
            shown.update(s["claim_counts"])
        claim_counts = shown
    return {
        "version": page.version,
        "generated_at": page.generated_at,
        "article_count": page.article_count or len(by_id),
        "story_count": page.story_count if page.story_count is not None else len(stories),
        "shown_count": len(stories),
        "claim_counts": {k: claim_counts.get(k, 0) for k in STATUS_ORDER},
        "status_labels": STATUS_LABELS,
        "toc": [{"anchor": s["anchor"], "title": s["title"], "span_label": s["span_label"],
                 "article_count": s["article_count"]} for s in stories],
        "stories": stories,
        "skipped": [{"source": s.source, "reason": s.reason} for s in skipped],
        "duplicates": duplicates,
        "full_per_story": FULL_PER_STORY,
        "full_per_page": full_per_page,
        "quotes_per_speaker": QUOTES_PER_SPEAKER,
    }
