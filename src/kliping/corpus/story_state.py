"""One story of the story index: what it holds, and how it is written to and read back from the saved index.

The index (``stories.StoryIndex``) keeps its open stories as ``Story`` records; ``story_state`` and ``story_from``
turn one into plain JSON values and back, each field checked (README, "The story state's format").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from kliping.corpus.state_format import check, counter, finite, floats_from_text, floats_text, get, only

# Weighted entity vector, its norm, weighted term vector, its norm: a story's or an article's, as scored.
Profile = tuple[dict[str, float], float, dict[str, float], float]
REFRESH_PROFILE = 1.25  # a story's cached profile is rebuilt once the corpus has grown by this factor since it
# was built


@dataclass
class Story:
    """One open story: its articles, the counts of their keys, its days and languages, and what is derived from them."""

    id: str
    article_ids: list[str] = field(default_factory=list)
    entities: Counter[str] = field(default_factory=Counter)
    terms: Counter[str] = field(default_factory=Counter)
    first: int | None = None
    last: int | None = None
    languages: Counter[str] = field(default_factory=Counter)
    # Weighted vectors and norms, cached: IDF drifts slowly, so they are rebuilt only when the
    # story changes or the corpus has grown by a quarter since (this is what keeps add() cheap).
    cache: Profile | None = None
    cache_docs: int = 0
    # The keys at least two of its articles name: what stays while a developing story's angles change (the
    # toll, the suspects, the verdict each bring their own people and words, which dilute the whole profile).
    core_entities: set[str] = field(default_factory=set)
    core_terms: set[str] = field(default_factory=set)
    # The core's part of ``cache`` (the cache it was taken from, its vectors and norms): derived, never saved.
    core_cache: tuple[Any, dict[str, float], float, dict[str, float], float] | None = None
    # The disasters and accidents its headlines named, "kind|place" (``happenings.happenings``).
    happenings: Counter[str] = field(default_factory=Counter)


STORY_NUMBER = re.compile(r"s(\d+)")


def story_number(story_id: str) -> int:
    """A story id's creation number ("s12" -> 12; an id of another form, from an older state, sorts first)."""
    number = STORY_NUMBER.fullmatch(story_id)
    return int(number.group(1)) if number else 0


def story_state(story: Story, n_docs: int) -> dict[str, Any]:
    cache: list[Any] | None = None
    # A profile cached before the corpus grew by a quarter is rebuilt before it is read again: as good as none.
    if story.cache is not None and n_docs <= REFRESH_PROFILE * story.cache_docs:
        ents, ents_norm, words, words_norm = story.cache
        # Built from the counts, in their order, and dropped whenever they change: the weights are written
        # without their keys, in the counts' order.
        if list(ents) != list(story.entities) or list(words) != list(story.terms):
            raise ValueError(f"story {story.id}: its cached profile is out of step with its keys")
        cache = [floats_text(ents.values()), ents_norm, floats_text(words.values()), words_norm]
    return {"id": story.id, "articles": story.article_ids, "entities": story.entities, "terms": story.terms,
            "languages": story.languages, "first": story.first, "last": story.last,
            "cache_docs": story.cache_docs, "cache": cache,
            # In the order of the counts (a set's order would change with PYTHONHASHSEED).
            "core_entities": [k for k in story.entities if k in story.core_entities],
            "core_terms": [k for k in story.terms if k in story.core_terms],
            "happenings": story.happenings}


def story_from(item: Any) -> Story:
    story_id = get(item, "id", str)
    articles = get(item, "articles", list)
    check(only(articles, str) and len(set(articles)) == len(articles),
          f"story {story_id!r}: articles must be ids, once each")
    story = Story(story_id, articles, counter(get(item, "entities", dict), "entities"),
                   counter(get(item, "terms", dict), "terms"), get(item, "first", int, none=True),
                   get(item, "last", int, none=True), counter(get(item, "languages", dict), "languages"),
                   cache_docs=get(item, "cache_docs", int))
    for name, counts, core in (("core_entities", story.entities, story.core_entities),
                               ("core_terms", story.terms, story.core_terms)):
        if name in item:  # a state written before cores were kept has none: they grow from the next article
            keys = get(item, name, list)
            check(only(keys, str) and all(k in counts for k in keys), f"story {story_id!r}: {name} must be its keys")
            core.update(keys)
    if "happenings" in item:  # a state written before happenings were kept has none: they grow from the next article
        story.happenings = counter(get(item, "happenings", dict), "happenings")
    cache = get(item, "cache", list, none=True)
    if cache is not None:
        check(len(cache) == 4 and finite(cache[1]) and finite(cache[3]),
              f"story {story_id!r}: cache must be [weights, norm, weights, norm]")
        ents = floats_from_text(cache[0], len(story.entities), f"story {story_id!r}: entity weights")
        words = floats_from_text(cache[2], len(story.terms), f"story {story_id!r}: term weights")
        story.cache = (dict(zip(story.entities, ents, strict=True)), cache[1],
                       dict(zip(story.terms, words, strict=True)), cache[3])
    return story
