"""Articles → what story clustering looks at: the day an article appeared, the earlier days its text names, its
entity and title/lead term counts.

Computed where the article is annotated (a worker, ``corpus.rolling.article_keys``), so the one sequential
step (``corpus.stories.StoryIndex``) handles small records only.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from kliping import datelines
from kliping.annotate.aliases import canonical as known_name
from kliping.annotate.aliases import key as name_key
from kliping.annotate.aliases import match_key
from kliping.corpus.happenings import happenings
from kliping.corpus.terms import stopwords
from kliping.model import Article
from kliping.words import KEY_WORD

# Function words of Indonesian and English (resources/stopwords.txt): they never become keys.
_STOPWORDS = stopwords()

_LEAD_CHARS = 800  # the headline and the first paragraphs say what the story is; the rest drifts


_MEDIA = datelines.known_outlet_names()  # outlets and wire agencies: who reports, not what happened

_MAX_REFERENCES = 16  # earlier days an article names that are kept: a few say when its story happened


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


def referenced_days(article: Article, day: date | None) -> tuple[int, ...]:
    """The full dates the text names before the article's own day, as ordinals (the latest few, ascending).

    A follow-up weeks later says when its story happened ("the Feb. 12 quake", "Jumat (9/2/2024)"): that day
    places it next to the story's first reports. Only full dates: a month ("September", "bulan lalu") is as
    often a neighbouring event's as the story's own.
    """
    days = {d.toordinal() for d in (_iso_day(m.value) for m in article.dates if len(m.value or "") >= 10)
            if d is not None and (day is None or d < day)}
    return tuple(sorted(days)[-_MAX_REFERENCES:])


_ACRONYM = re.compile(r"[A-Z][A-Za-z]{1,7}")


def _defined_acronyms(article: Article) -> dict[str, str]:
    """``match_key`` of each body's full name → the acronym the article gives it ("Komite Nasional Keselamatan
    Transportasi (KNKT)", "the National Transportation Safety Committee (KNKT)"): the article's mentions of the body
    are keyed by the acronym, which reports in either language write alike, where its full name is in one language.
    Bodies the alias table knows have one canonical name in both languages already, and keep it (an article that
    writes only the full name would otherwise part from one that writes "KPK")."""
    found: dict[str, str] = {}
    for ent in article.entities:
        text = ent.text
        if (ent.label == "ORG" and text != ent.canonical and _ACRONYM.fullmatch(text) and " " in ent.canonical
                and sum(c.isupper() for c in text) >= 2 and known_name(ent.canonical) is None):
            found.setdefault(match_key(ent.canonical), name_key(text))
    return found


@dataclass
class Features:
    """What the clustering looks at in one article: entity and term counts, its day and language, the
    earlier days its text names, and the happening its headline names."""

    entities: Counter[str]
    terms: Counter[str]
    day: int | None  # proleptic ordinal, cheap to subtract
    language: str | None
    references: tuple[int, ...] = field(default=())  # ordinals, ascending (``referenced_days``)
    # "kind|place" for the disaster or accident its headline names (``happenings.happenings``)
    happenings: tuple[str, ...] = field(default=())


def features(article: Article) -> Features:
    """The entity and title/lead term counts of an article; title and lead mentions weigh double."""
    title = article.title or ""
    title_lower = title.lower()
    ents: Counter[str] = Counter()
    acronyms = _defined_acronyms(article)
    for ent in article.entities:
        # The aliases' matching key, not just lower case: one name written with and without the full stop of an
        # initial, a hyphen or spacing ("Miryam S. Haryani" / "Miryam S Haryani", "Coca-Cola" / "Coca - Cola") is
        # one key, or a follow-up shares no entity with its story.
        name = name_key(ent.canonical)
        if _is_media(name, article):
            continue
        lead = ent.start < _LEAD_CHARS or ent.text.lower() in title_lower
        # In the form both languages share ("North Carolina" is "Carolina Utara", "Hurricane Florence" "Badai
        # Florence"): an Indonesian report of a storm abroad otherwise shares no name with the wires' English ones.
        key = match_key(ent.canonical)
        ents[acronyms.get(key, key)] += 2 if lead else 1
    words: Counter[str] = Counter(terms(title))
    words.update(words)  # the headline counts twice
    words.update(terms(article.body[:_LEAD_CHARS]))
    day = article_date(article)
    return Features(ents, words, day.toordinal() if day else None, article.language, referenced_days(article, day),
                    happenings(article))
