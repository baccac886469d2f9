"""Articles → what story clustering looks at: the day an article appeared, its entity and title/lead term counts.

Computed where the article is annotated (a worker, ``corpus.rolling.article_keys``), so the one sequential
step (``corpus.stories.StoryIndex``) handles small records only.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from kliping import datelines
from kliping.corpus.terms import stopwords
from kliping.model import Article
from kliping.words import KEY_WORD

# Function words of Indonesian and English (resources/stopwords.txt): they never become keys.
_STOPWORDS = stopwords()

_LEAD_CHARS = 800  # the headline and the first paragraphs say what the story is; the rest drifts


_MEDIA = datelines.known_outlet_names()  # outlets and wire agencies: who reports, not what happened


def terms(text: str) -> list[str]:
    """Lower-cased content words of a text (stop words and short tokens dropped)."""
    return [w for w in (m.group(0).lower() for m in KEY_WORD.finditer(text)) if w not in _STOPWORDS]


def _iso_day(value: str | None) -> date | None:
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def article_date(article: Article) -> date | None:
    """When the article appeared: its publication day, else the latest full date its body mentions."""
    day = _iso_day(article.published)
    if day is not None:
        return day
    days = [d for d in (_iso_day(m.value) for m in article.dates) if d is not None]
    return max(days) if days else None


def _is_media(name: str, article: Article) -> bool:
    if name in _MEDIA or ".co" in name or name.endswith(".com"):
        return True
    outlets = [article.outlet or "", *article.wire_sources]
    return any(o and (name == o.lower() or name.startswith(o.lower() + " ")) for o in outlets)


@dataclass
class Features:
    """What the clustering looks at in one article: entity and term counts, its day and language."""

    entities: Counter[str]
    terms: Counter[str]
    day: int | None  # proleptic ordinal, cheap to subtract
    language: str | None


def features(article: Article) -> Features:
    """The entity and title/lead term counts of an article; title and lead mentions weigh double."""
    title = article.title or ""
    title_lower = title.lower()
    ents: Counter[str] = Counter()
    for ent in article.entities:
        name = ent.canonical.lower()
        if _is_media(name, article):
            continue
        lead = ent.start < _LEAD_CHARS or ent.text.lower() in title_lower
        ents[name] += 2 if lead else 1
    words: Counter[str] = Counter(terms(title))
    words.update(words)  # the headline counts twice
    words.update(terms(article.body[:_LEAD_CHARS]))
    day = article_date(article)
    return Features(ents, words, day.toordinal() if day else None, article.language)
