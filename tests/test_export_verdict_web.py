"""The verdict form on the web app's story page: same-origin and token-protected like /add, refused when the
claim changed under the page, escaped when shown, and the verdict the one `kliping export` writes."""

from __future__ import annotations

import html
import re
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from kliping.model import Article
from kliping.run.export import claim_reviews
from kliping.show.web.app import create_app
from kliping.store import Store

with warnings.catch_warnings():  # starlette 1.x nudges towards httpx2; httpx works as well
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

BASE = "http://127.0.0.1:8000"
ORIGIN = {"origin": BASE}
VOLUNTEERS = "ada 300 ribu orang sukarelawan"


@pytest.fixture()
def site(tmp_path: Path, seed_articles: dict[str, Article]) -> Iterator[tuple[TestClient, Path]]:
    db = tmp_path / "kliping.db"
    seeds = list(seed_articles.values())
    with Store.open(db) as store:
        store.add([seeds[1], seeds[2], seeds[4]])
    with TestClient(create_app(db), base_url=BASE) as client:
        yield client, db


def _form(page: str) -> tuple[str, dict[str, str]]:
    """The story page's CSRF token and its claim choices, label → value."""
    token = re.search(r'name="csrf_token" value="([0-9a-f]+)"', page)
    assert token, "the verdict form carries a CSRF token"
    options = re.findall(r'<option value="([^"]+)">([^<]+)</option>', page)
    return token.group(1), {html.unescape(label): html.unescape(value) for value, label in options}


def test_a_verdict_recorded_on_the_story_page_shows_there_and_is_exported(
        site: tuple[TestClient, Path], seed_articles: dict[str, Article]) -> None:
    client, db = site
    page = client.get("/stories/s1")
    token, choices = _form(page.text)
    [(label, value)] = [(label, v) for label, v in choices.items() if VOLUNTEERS in label]
    note = "<script>alert(1)</script> its own quote speaks of Russians"
    r = client.post("/stories/s1/verdict", data={"csrf_token": token, "claim": value, "rating": "Misleading",
                                                 "note": note}, headers=ORIGIN, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/stories/s1#verdicts"
    shown = client.get("/stories/s1")
    assert "<strong class=\"verdict-rating\">Misleading</strong>" in shown.text
    assert "<script>alert(1)</script>" not in shown.text and "&lt;script&gt;alert(1)&lt;/script&gt;" in shown.text
    [listed] = client.get("/stories/s1?format=json").json()["verdicts"]
    assert (listed["claim_id"], listed["rating"], listed["note"]) == (value.split(":")[0], "Misleading", note)
    with Store.open(db, create=False, write=False) as store:
        [review] = claim_reviews(store, "Desk")
    assert review["claimReviewed"].startswith(VOLUNTEERS) and review["reviewRating"]["alternateName"] == "Misleading"


def test_the_verdict_form_is_refused_cross_site_without_a_token_or_for_a_changed_claim(
        site: tuple[TestClient, Path], seed_articles: dict[str, Article]) -> None:
    client, db = site
    token, choices = _form(client.get("/stories/s1").text)
    value = next(v for label, v in choices.items() if VOLUNTEERS in label)
    data = {"csrf_token": token, "claim": value, "rating": "False"}
    assert client.post("/stories/s1/verdict", data=data, headers={"origin": "http://evil.example"}).status_code == 403
    assert client.post("/stories/s1/verdict", data=data).status_code == 403  # neither Origin nor Referer
    assert client.post("/stories/s1/verdict", data={**data, "csrf_token": "0" * 64},
                       headers=ORIGIN).status_code == 403
    assert client.post("/stories/s1/verdict", data={**data, "rating": " "}, headers=ORIGIN).status_code == 400
    assert client.post("/stories/s1/verdict", data={**data, "claim": "s9-c1:x"}, headers=ORIGIN).status_code == 400
    assert client.post("/stories/s1/verdict", data={**data, "note": "x" * 300_000},
                       headers=ORIGIN).status_code == 413
    # New coverage renumbers the claims: the id the page sent now names another claim, and nothing is recorded.
    seeds = list(seed_articles.values())
    with Store.open(db) as store:
        store.add([seeds[0], seeds[3]])
    stale = client.post("/stories/s1/verdict", data=data, headers=ORIGIN)
    assert stale.status_code == 409 and "reload" in stale.text.lower()
    with Store.open(db, create=False, write=False) as store:
        assert store.verdicts() == []
