"""A claim id and the desk's rating → a verdict kept in the store; built claims → the verdicts they carry.

`kliping verdict s3-c2 --rating False --note …` finds the claim in its story as built now, and keeps the
verdict with the claim's first evidence (article id + statement text, ``store_verdicts.py``): later adds
renumber claims and may regroup stories, but a claim built from the same statement still carries it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from kliping.errors import InputError
from kliping.model import Claim, Story
from kliping.run.add import stored_story
from kliping.store import Store
from kliping.store_verdicts import Verdict

__all__ = ["MAX_NOTE", "MAX_RATING", "StaleClaim", "carried", "claim_digest", "claim_verdicts", "record_verdict",
           "verdict_on"]

MAX_RATING = 200  # "False", "Misleading", "Needs context": a label, not an essay
MAX_NOTE = 10_000


def record_verdict(db: str | Path, claim_id: str, rating: str, note: str = "") -> Verdict:
    """Record the desk's verdict on the claim ``claim_id`` (as `kliping show` lists it now) in the store
    at ``db``; a second verdict on the same claim replaces the first. InputError when the claim is unknown
    or the rating empty or too long."""
    with Store.open(db, create=False) as store:
        return verdict_on(store, claim_id, rating, note)


def verdict_on(store: Store, claim_id: str, rating: str, note: str = "", *, seen: str | None = None) -> Verdict:
    """``record_verdict`` on an open (writable) store. ``seen``: the ``claim_digest`` of the claim as the
    desk saw it (the web form's); when the claim under that id now says something else (the story grew
    since the page was built), InputError rather than a verdict on the wrong claim."""
    rating, note = rating.strip(), note.strip()
    if not rating:
        raise InputError("the rating must not be empty (e.g. False, Misleading, Needs context)")
    if len(rating) > MAX_RATING or len(note) > MAX_NOTE:
        raise InputError(f"a rating holds at most {MAX_RATING:,} characters and a note {MAX_NOTE:,}")
    story_id, dash, number = claim_id.rpartition("-c")
    db = store.path
    if not (dash and story_id and number.isdigit()):
        raise InputError(f"{claim_id!r} is not a claim id: claims are numbered in their story, as s3-c2 "
                         f"(`kliping show STORY --db {db}` lists them)")
    story = stored_story(store, story_id)
    claim = next((c for c in story.claims if c.id == claim_id), None) if story is not None else None
    if story is None or claim is None:
        raise InputError(f"no claim {claim_id!r} in {db}: `kliping show {story_id} --db {db}` lists the "
                         "story's claims as they are now")
    if seen is not None and seen != claim_digest(claim):
        raise StaleClaim(f"claim {claim_id} has changed since the page was built (new articles came in): "
                         "reload the story and choose the claim again")
    first = (claim.support or claim.against)[0]  # a claim is made of statements: it has one at least
    verdict = Verdict(first.article_id, first.text, claim.id, story.id, claim.text, rating, note,
                      datetime.now(UTC).isoformat(timespec="seconds"))
    store.record_verdict(verdict)
    return verdict


class StaleClaim(InputError):
    """The claim id now names another claim than the one the desk saw."""


def claim_digest(claim: Claim) -> str:
    """A short fingerprint of what a claim says: a form sends it back with the claim id."""
    return hashlib.sha256(claim.text.encode("utf-8")).hexdigest()[:16]


def claim_verdicts(stories: Iterable[Story], verdicts: Iterable[Verdict]) -> dict[str, Verdict]:
    """Claim id → the verdict it carries: the one whose statement is among the claim's evidence (the latest
    recorded, if a claim holds the statements of two)."""
    by_key = {v.key: v for v in verdicts}
    found: dict[str, Verdict] = {}
    if not by_key:
        return found
    for story in stories:
        for claim in story.claims:
            verdict = carried(claim, by_key)
            if verdict is not None:
                found[claim.id] = verdict
    return found


def carried(claim: Claim, by_key: dict[tuple[str, str], Verdict]) -> Verdict | None:
    """The verdict ``claim`` carries, if any (see ``claim_verdicts``)."""
    matches = [by_key[key] for e in (*claim.support, *claim.against) if (key := (e.article_id, e.text)) in by_key]
    return max(matches, key=lambda v: v.recorded_at) if matches else None
