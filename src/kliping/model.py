"""The data model: plain typed dataclasses that flow forward through the pipeline.

RawDocument (read/) → Article (clean, describe, annotate) → corpus results; and the summaries of
what a run or an add did (RunSummary, AddSummary), which run/ fills and show/ prints.
Each class has ``to_dict``/``from_dict`` for JSON; nothing else lives here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R", bound="_Record")


def _from_dict(cls: type[T], data: dict[str, Any]) -> T:
    """Build a dataclass from a dict, ignoring keys the class does not know."""
    names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
    return cls(**{k: v for k, v in data.items() if k in names})


class _Record:
    """JSON for the small flat records: their fields are plain values."""

    def to_dict(self) -> dict[str, Any]:
        # vars() is a shallow copy; dataclasses.asdict() deep-copies and cost ~5% of the chain.
        return dict(vars(self))

    @classmethod
    def from_dict(cls: type[R], data: dict[str, Any]) -> R:
        return _from_dict(cls, data)


@dataclass
class RawDocument:
    """One input document as a reader found it, before cleaning.

    ``text`` is plain text, one paragraph or page element per line. The metadata fields
    hold what the container itself said (HTML meta tags and JSON-LD, JSONL keys); they are
    ``None`` when the container said nothing, and describe.py then looks in the text.
    """

    source: str
    id: str
    text: str
    format: str  # "text", "html", "jsonl", "warc"
    url: str | None = None
    title: str | None = None
    published: str | None = None
    published_source: str | None = None
    outlet: str | None = None
    authors: list[str] = field(default_factory=list)
    language: str | None = None
    # .txt files: the first non-empty line is the headline (unless it is boilerplate).
    headline_first: bool = False


@dataclass
class RemovedLine(_Record):
    """A line taken out of the input, and why."""

    text: str
    reason: str


@dataclass
class Entity(_Record):
    text: str
    start: int
    end: int
    label: str  # PERSON / ORG / PLACE
    canonical: str


@dataclass
class Quote(_Record):
    text: str
    start: int
    end: int
    kind: str  # direct / partial / indirect
    speaker: str | None
    speaker_mention: str | None
    cue: str | None


@dataclass
class DateMention(_Record):
    text: str
    start: int
    end: int
    value: str  # ISO at the grain the text gives: 2023-09-13, 2023-09, 2023
    # Why the source contradicts itself here, or None: "weekday" when the weekday written with
    # the date is not that date's (the value is the date as written, not silently "fixed").
    conflict: str | None = None


@dataclass
class Article:
    """One article, per the contract in SPEC.md (one line of articles.jsonl)."""

    id: str
    source: str
    body: str
    title: str | None = None
    outlet: str | None = None
    dateline: str | None = None
    language: str | None = None
    published: str | None = None
    published_source: str | None = None
    authors: list[str] = field(default_factory=list)
    wire_sources: list[str] = field(default_factory=list)
    removed: list[RemovedLine] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    url: str | None = None
    # The statements claims are matched from (corpus.statements.article_statements), made once per
    # article and kept here; never written out, and not part of what makes two articles equal.
    statements: list[Any] | None = field(default=None, repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        # Field order follows SPEC.md so the JSON reads naturally.
        return {
            "id": self.id,
            "source": self.source,
            "title": self.title,
            "outlet": self.outlet,
            "dateline": self.dateline,
            "language": self.language,
            "published": self.published,
            "published_source": self.published_source,
            "authors": list(self.authors),
            "wire_sources": list(self.wire_sources),
            "body": self.body,
            "removed": [r.to_dict() for r in self.removed],
            "entities": [e.to_dict() for e in self.entities],
            "quotes": [q.to_dict() for q in self.quotes],
            "dates": [d.to_dict() for d in self.dates],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        article = _from_dict(cls, data)
        article.removed = [RemovedLine.from_dict(r) for r in data.get("removed", [])]
        article.entities = [Entity.from_dict(e) for e in data.get("entities", [])]
        article.quotes = [Quote.from_dict(q) for q in data.get("quotes", [])]
        article.dates = [DateMention.from_dict(d) for d in data.get("dates", [])]
        return article


@dataclass
class Skipped(_Record):
    """An input that could not be used, and why (listed in dossier.json and on stderr)."""

    source: str
    reason: str


# --- corpus results (dossier.json's stories) ------------------------------------------------


@dataclass
class Evidence(_Record):
    """A span of one article that supports or opposes a claim, with its stance towards it:
    "asserts" (states it), "denies" (a denial or a dismissal of it, credited to the one who denies),
    "contradicts" (states the opposite) or "supersedes" (a later statement that replaced it)."""

    article_id: str
    text: str
    stance: str = "asserts"
    source: str | None = None  # who states it: the speaker, or the outlet in its own voice


@dataclass
class HistoryPoint(_Record):
    """One value of a changing figure (a death toll, a count of cases), first stated on ``date``."""

    date: str | None
    value: float
    article_ids: list[str] = field(default_factory=list)


@dataclass
class Claim:
    """A statement aligned across articles, with its status and the evidence for and against.

    status: "corroborated" (≥ 2 independent sources state it: one speaker quoted by five outlets is
    one source), "contested" (someone denies or contradicts it), "single-source", or "superseded" (a
    later-dated statement or a later value of the same figure replaced it). ``sources`` names the
    independent sources that state it; ``history`` holds a changing figure's values in date order.
    """

    id: str
    text: str
    status: str
    support: list[Evidence] = field(default_factory=list)
    against: list[Evidence] = field(default_factory=list)
    speaker: str | None = None
    sources: list[str] = field(default_factory=list)
    history: list[HistoryPoint] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text, "status": self.status, "sources": list(self.sources),
                "support": [e.to_dict() for e in self.support], "against": [e.to_dict() for e in self.against],
                "history": [h.to_dict() for h in self.history]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Claim:
        claim = _from_dict(cls, data)
        claim.support = [Evidence.from_dict(e) for e in data.get("support", [])]
        claim.against = [Evidence.from_dict(e) for e in data.get("against", [])]
        claim.sources = [str(name) for name in data.get("sources", [])]
        claim.history = [HistoryPoint.from_dict(h) for h in data.get("history", [])]
        return claim


@dataclass
class Event(_Record):
    """A distinct happening at a distinct time inside a story."""

    id: str
    title: str
    start: str | None
    end: str | None
    article_ids: list[str] = field(default_factory=list)


@dataclass
class TimelineEntry(_Record):
    """A dated line of the story's timeline; ``date`` is ISO at the grain the text gives."""

    date: str
    text: str
    article_ids: list[str] = field(default_factory=list)


@dataclass
class StoryQuote(_Record):
    """A quotation as carried by one or more articles of a story."""

    speaker: str | None
    text: str
    article_ids: list[str] = field(default_factory=list)


@dataclass
class SummarySentence(_Record):
    """One extractive summary sentence and the articles that carry it."""

    text: str
    article_ids: list[str] = field(default_factory=list)


@dataclass
class Story:
    """Articles about the same developing news, with what kliping makes of them together."""

    id: str
    title: str
    article_ids: list[str] = field(default_factory=list)
    start: str | None = None
    end: str | None = None
    events: list[Event] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    quotes: list[StoryQuote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    summary: list[SummarySentence] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "title": self.title, "article_ids": list(self.article_ids),
            "start": self.start, "end": self.end,
            "events": [e.to_dict() for e in self.events],
            "timeline": [t.to_dict() for t in self.timeline],
            "quotes": [q.to_dict() for q in self.quotes],
            "claims": [c.to_dict() for c in self.claims],
            "summary": [s.to_dict() for s in self.summary],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Story:
        story = _from_dict(cls, data)
        story.events = [Event.from_dict(e) for e in data.get("events", [])]
        story.timeline = [TimelineEntry.from_dict(t) for t in data.get("timeline", [])]
        story.quotes = [StoryQuote.from_dict(q) for q in data.get("quotes", [])]
        story.claims = [Claim.from_dict(c) for c in data.get("claims", [])]
        story.summary = [SummarySentence.from_dict(s) for s in data.get("summary", [])]
        return story


@dataclass
class RunSummary:
    """What a run produced: counts, skipped inputs and the files written."""

    articles: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    stories: int = 0
    claims: Counter[str] = field(default_factory=Counter)
    duplicates: int = 0
    seconds: dict[str, float] = field(default_factory=dict)  # wall time of each pass: read, group, write


@dataclass
class AddSummary:
    """What `kliping add` did: articles read, newly stored, already there; skipped inputs; the store after."""

    db: Path
    read: int = 0
    added: int = 0
    already: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    stories_touched: list[str] = field(default_factory=list)
    stored: int = 0  # articles in the store afterwards
    stories: int = 0  # stories in the store afterwards

    def to_dict(self) -> dict[str, Any]:
        return {"db": str(self.db), "read": self.read, "added": self.added, "already": self.already,
                "skipped": [s.to_dict() for s in self.skipped], "stories_touched": self.stories_touched,
                "stored": self.stored, "stories": self.stories}


@dataclass
class DossierPage:
    """What the reading page (index.html) shows of a dossier: its header, the stories shown (a big run shows
    its biggest), the duplicate groups of their articles, the skipped inputs, and the run's totals."""

    version: str
    generated_at: str
    stories: list[Story]
    duplicates: list[list[str]] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    article_count: int = 0
    story_count: int | None = None  # None: the stories shown are all
    claim_counts: Mapping[str, int] | None = None  # None: counted over the stories shown

    @classmethod
    def of_dossier(cls, data: Mapping[str, Any]) -> DossierPage:
        """The page of a whole dossier.json object (every story shown)."""
        return cls(version=str(data.get("version", "")), generated_at=str(data.get("generated_at", "")),
                   stories=[s if isinstance(s, Story) else Story.from_dict(s) for s in data.get("stories", [])],
                   duplicates=[list(g) for g in data.get("duplicates", [])],
                   skipped=[s if isinstance(s, Skipped) else Skipped.from_dict(s) for s in data.get("skipped", [])],
                   article_count=len(data.get("articles", [])))


class PageWriter(Protocol):
    """Writes the dossier's reading page (index.html) from a DossierPage and the articles it shows:
    show/report.py's write_dossier_page. run/ is handed one, so it never imports show/."""

    def __call__(self, path: Path, page: DossierPage, articles: Mapping[str, Article]) -> Path: ...
