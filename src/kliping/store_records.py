"""The store's records and keys → plain values: results, story rows, search hits; dedup keys; safe FTS queries.

No SQL here (store.py and its store_*.py parts speak it); this is what they and their callers share.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from importlib import resources
from typing import Any

from kliping.errors import InputError
from kliping.model import Article
from kliping.read import STDIN_SOURCE
from kliping.timestamps import is_iso_date
from kliping.words import WORD

# FTS5's snippet() brackets each match with these (private-use characters, which news text does not hold); the
# store takes them out again (``unmark``): a Hit's snippet is plain text and its matches are offsets into it.
SNIPPET_OPEN, SNIPPET_CLOSE = "\ue000", "\ue001"
_PHRASE_OR_WORD = re.compile(r'"([^"]*)"?|(\w+)(\*?)')


@dataclass
class AddResult:
    """What one ``Store.add`` did: articles stored, copies already there, stories that changed."""

    added: int = 0
    already: int = 0
    stories_touched: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class StoryRow:
    """One line of the story list."""

    id: str
    title: str
    article_count: int
    start: str | None
    end: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Hit:
    """One search result: an article, or a quotation inside one (``speaker`` set for quotes)."""

    kind: str  # "article" | "quote"
    article_id: str
    story_id: str
    title: str | None
    outlet: str | None
    published: str | None
    speaker: str | None
    snippet: str  # plain text
    marks: list[tuple[int, int]] = field(default_factory=list)  # [start, end) of each match in the snippet

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def parts(self) -> list[tuple[str, bool]]:
        """The snippet as (text, is a match) pieces, in order: what renderers mark up (and escape)."""
        out, at = [], 0
        for start, end in self.marks:
            if start > at:
                out.append((self.snippet[at:start], False))
            out.append((self.snippet[start:end], True))
            at = end
        if at < len(self.snippet):
            out.append((self.snippet[at:], False))
        return out


def unmark(snippet: str) -> tuple[str, list[tuple[int, int]]]:
    """A snippet with SNIPPET_OPEN/CLOSE brackets → the plain text and the [start, end) of each bracketed match
    (a stray bracket, which only article text could hold, is dropped)."""
    text: list[str] = []
    marks: list[tuple[int, int]] = []
    at, opened = 0, None
    for piece in re.split(f"([{SNIPPET_OPEN}{SNIPPET_CLOSE}])", snippet):
        if piece == SNIPPET_OPEN:
            opened = at
        elif piece == SNIPPET_CLOSE:
            if opened is not None and at > opened:
                marks.append((opened, at))
            opened = None
        else:
            text.append(piece)
            at += len(piece)
    return "".join(text), marks


MAX_QUERY_TERMS = 32  # distinct words or "phrases" a search uses: a longer query cannot make it slow
MAX_QUERY_CHARS = 1_000  # of a query's text, read for its terms; the rest is ignored
SEARCH_SECONDS = 2.0  # a search still running after this is stopped and the user told so


MAX_NAME_WORDS = 7  # the longest run of query words looked up as one name

NameForms = Callable[[str], Sequence[str]]


def fts_query(text: str, names: NameForms | None = None) -> str:
    """User text → a safe FTS5 query: each word quoted (AND), "phrases" kept, trailing ``*`` as prefix;
    a word or phrase given twice counts once, and at most MAX_QUERY_TERMS of them (a word repeated 4,000
    times took 87 s on a ten-article store).

    With ``names`` (a name → every written form of the entity it names, or nothing), a phrase or the longest
    run of words that names an entity matches any of its forms: "Jokowi" → ("Jokowi" OR "Joko Widodo" OR …)."""
    terms: dict[str, str] = {}
    known: dict[str, Sequence[str]] = {}  # each span looked up once: a repeated word costs no more lookups

    def forms(span: str) -> Sequence[str]:
        if names is None or not span:
            return ()
        if span.casefold() not in known:
            known[span.casefold()] = names(span)
        return known[span.casefold()]

    def add(term: str) -> None:
        if term and len(terms) < MAX_QUERY_TERMS:
            terms.setdefault(term.casefold(), term)

    words: list[str] = []  # plain words in a row, looked up as names when the row ends
    for match in _PHRASE_OR_WORD.finditer(_capped(text)):
        phrase, word, star = match.groups()
        if word and not star:
            words.append(word)
            if len(words) < MAX_QUERY_TERMS:
                continue
        _add_words(words, forms, add)
        words = []
        if phrase is not None:
            found = WORD.findall(phrase)[:MAX_QUERY_TERMS]
            add(_any_of(forms(" ".join(found))) or _phrase(found))
        elif word and star:
            add(f'"{word}"*')
        if len(terms) == MAX_QUERY_TERMS:
            break
    _add_words(words, forms, add)
    # FTS5 reads two phrases side by side as AND, but a parenthesised group needs the AND written out.
    return (" AND " if any(t.startswith("(") for t in terms.values()) else " ").join(terms.values())


def _add_words(words: list[str], forms: NameForms, add: Callable[[str], None]) -> None:
    """Terms for a row of plain words: the longest span naming an entity as its forms, other words alone."""
    i = 0
    while i < len(words):
        for j in range(min(len(words), i + MAX_NAME_WORDS), i, -1):
            group = _any_of(forms(" ".join(words[i:j])))
            if group:
                add(group)
                i = j
                break
        else:
            add(f'"{words[i]}"')
            i += 1


def _phrase(words: Sequence[str]) -> str:
    return '"' + " ".join(words) + '"' if words else ""


def _any_of(forms: Sequence[str]) -> str:
    """FTS5 for "any of these names": each a quoted phrase of its words, OR-ed in parentheses."""
    phrases = list(dict.fromkeys(p for f in forms if (p := _phrase(WORD.findall(f)))))
    return "(" + " OR ".join(phrases) + ")" if phrases else ""


def query_words(text: str) -> list[str]:
    """The distinct words of a query, casefolded, capped like fts_query's terms."""
    words = dict.fromkeys(w.casefold() for w in WORD.findall(_capped(text)))
    return list(words)[:MAX_QUERY_TERMS]


def _capped(text: str) -> str:
    """The first MAX_QUERY_CHARS of a query, cut before a word rather than inside it."""
    if len(text) <= MAX_QUERY_CHARS:
        return text
    head = text[: MAX_QUERY_CHARS + 1]
    return head.rsplit(None, 1)[0] if head.strip() and not head[-1].isspace() else head


@contextmanager
def time_budget(conn: sqlite3.Connection, seconds: float, what: str) -> Iterator[None]:
    """Stop a statement still running after ``seconds`` (SQLite's progress handler) with an InputError
    that says so, rather than hold a request or the terminal for minutes."""
    deadline = time.monotonic() + seconds
    conn.set_progress_handler(lambda: time.monotonic() > deadline, 10_000)
    try:
        yield
    except sqlite3.OperationalError as exc:
        if "interrupt" not in str(exc):
            raise
        raise InputError(f"{what} ran past its {seconds:g} s budget: use fewer or rarer words") from exc
    finally:
        conn.set_progress_handler(None, 0)


def locator(article: Article) -> str | None:
    """Where the article lives: its URL, else its source path (None for stdin, whose name says nothing)."""
    if article.url:
        return article.url
    if not article.source or article.source.startswith(STDIN_SOURCE):
        return None
    return article.source


def stored_article(body: str, data: str) -> Article:
    """The Article from its stored columns: the body, and the rest of ``Article.to_dict()`` as JSON."""
    fields = json.loads(data)
    fields["body"] = body
    return Article.from_dict(fields)


def content_hash(article: Article) -> str:
    return hashlib.sha1(article.body.encode("utf-8")).hexdigest()


def migrations() -> list[tuple[int, str]]:
    folder = resources.files("kliping.resources").joinpath("migrations")
    found = [(int(p.name.split("_", 1)[0]), p.read_text(encoding="utf-8"))
             for p in folder.iterdir() if p.name.endswith(".sql")]
    return sorted(found)


MIGRATIONS = migrations()


def statements(script: str) -> list[str]:
    """Split a migration script into statements (executescript would commit the surrounding transaction)."""
    out, pending = [], ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            out.append(pending.strip())
            pending = ""
    return out  # what is left is comments: a migration ends with a complete statement


@dataclass
class StoredStory:
    """A stored story's articles in date order, and (article id → representative) for those that copy another."""

    id: str
    articles: list[Article]
    representative: dict[str, str]


def check_since(since: str | None, option: str = "--since") -> None:
    """``--since`` (or ``--until``) must be a real ISO date at some grain: it is compared with stored dates as text."""
    if since is not None and not is_iso_date(since):
        raise InputError(f"{option} wants a date like 2023-09-13, 2023-09 or 2023, not {since!r}")


def until_bound(until: str) -> str:
    """The text every stored day on or before ``until`` sorts at or below, at any grain: "2023-09" takes in
    "2023-09-30" ("~" sorts after digits and "-"), so ``day <= bound`` still reads the day index."""
    return until + "~"


def like_escape(text: str) -> str:
    """Text to match literally inside a LIKE pattern written with ESCAPE '\\'."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def retry_locked(step: Callable[[], object], seconds: float) -> None:
    """Run ``step``, again while SQLite says the database is locked without having waited (up to ``seconds``)."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            step()
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)
