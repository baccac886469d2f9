"""`kliping export` and `kliping verdict` on a real store: one CSV/JSON row per article, quote, claim and story,
spreadsheet-safe cells, the desk's verdicts kept with their claim across later adds, and schema.org ClaimReview."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from kliping import cli
from kliping.errors import InputError
from kliping.model import Article, Claim
from kliping.run.add import built_stories
from kliping.run.export import COLUMNS, export, safe_cell
from kliping.run.verdict import record_verdict
from kliping.store import Store

VOLUNTEERS = "ada 300 ribu orang sukarelawan"  # a claim of the sample, carried by one outlet


def _with_urls(articles: list[Article]) -> list[Article]:
    return [replace(a, url=f"https://news.example/{a.id}") for a in articles]


@pytest.fixture()
def seeds_db(tmp_path: Path, seed_articles: dict[str, Article]) -> Path:
    db = tmp_path / "k.db"
    with Store.open(db) as store:
        store.add(_with_urls(list(seed_articles.values())))
    return db


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def _claims(db: Path) -> list[Claim]:
    with Store.open(db, create=False, write=False) as store:
        return [c for s in built_stories(store) for c in s.claims]


def _claim(db: Path, starts: str) -> Claim:
    return next(c for c in _claims(db) if c.text.startswith(starts))


def test_each_export_has_one_row_per_record_in_csv_and_jsonl(seeds_db: Path, tmp_path: Path,
                                                             seed_articles: dict[str, Article]) -> None:
    articles = list(seed_articles.values())
    claims = _claims(seeds_db)
    expected = {"articles": len(articles), "quotes": sum(len(a.quotes) for a in articles), "claims": len(claims),
                "stories": 1}
    for what, count in expected.items():
        assert export(seeds_db, what, "csv", tmp_path / f"{what}.csv") == count
        rows = _csv(tmp_path / f"{what}.csv")
        assert len(rows) == count and list(rows[0]) == list(COLUMNS[what])
        assert export(seeds_db, what, "jsonl", tmp_path / f"{what}.jsonl") == count
        lines = [json.loads(line) for line in (tmp_path / f"{what}.jsonl").read_text("utf-8").splitlines()]
        assert len(lines) == count and all(list(line) == list(COLUMNS[what]) for line in lines)
    by_id = {r["id"]: r for r in _csv(tmp_path / "articles.csv")}
    seed = seed_articles["001_0fa5bb280fb2bb71"]
    row = by_id[seed.id]
    assert (row["story_id"], row["url"], row["outlet"], row["title"], row["published"]) == (
        "s1", f"https://news.example/{seed.id}", seed.outlet, seed.title, seed.published)
    assert row["authors"] == "; ".join(seed.authors) and row["quotes"] == str(len(seed.quotes))
    assert [r["claim_id"] for r in _csv(tmp_path / "claims.csv")] == [c.id for c in claims]
    first = json.loads((tmp_path / "claims.jsonl").read_text("utf-8").splitlines()[0])
    assert first["support_article_ids"] == list(dict.fromkeys(e.article_id for e in claims[0].support))
    assert first["status"] == claims[0].status and first["verdict_rating"] is None
    [story] = _csv(tmp_path / "stories.csv")
    assert story["article_count"] == "5"
    assert set(story["outlets"].split("; ")) == {a.outlet for a in articles if a.outlet}
    quotes = [json.loads(line) for line in (tmp_path / "quotes.jsonl").read_text("utf-8").splitlines()]
    assert {(q["article_id"], q["text"]) for q in quotes} == {(a.id, q.text) for a in articles for q in a.quotes}


def test_csv_cells_cannot_run_as_spreadsheet_formulas(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hostile = {"text": "Polisi menangkap dua tersangka penipuan daring di Surabaya pada Selasa malam. "
                       "\"Kami masih mendalami jaringan mereka,\" kata Kapolres Surabaya AKBP Budi Santoso.",
               "title": "=HYPERLINK(\"https://evil.example\",\"klik\")", "outlet": "@outlet",
               "authors": ["+Budi", "-Sari"], "url": "https://news.example/a", "published": "2024-03-05"}
    path = tmp_path / "hostile.jsonl"
    path.write_text(json.dumps(hostile) + "\n", "utf-8")
    db = tmp_path / "k.db"
    assert cli.main(["add", str(path), "--db", str(db)]) == 0
    capsys.readouterr()
    assert cli.main(["export", "--db", str(db), "--what", "articles"]) == 0  # to stdout
    out, err = capsys.readouterr()
    [row] = list(csv.DictReader(io.StringIO(out)))
    assert row["title"] == "'" + hostile["title"] and row["outlet"] == "'@outlet"
    assert row["authors"] == "'+Budi; -Sari" and row["url"] == "https://news.example/a"
    assert "exported 1 articles" in err
    # JSON lines are data for programs: the text as it is.
    assert cli.main(["export", "--db", str(db), "--what", "articles", "--format", "jsonl"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == hostile["title"]
    assert [safe_cell(v) for v in ("\tx", "\rx", "a=b", -3, None, ["=x", "y"])] == [
        "'\tx", "'\rx", "a=b", -3, "", "'=x; y"]


def test_a_verdict_stays_with_its_claim_when_later_adds_renumber_it(
        tmp_path: Path, seed_articles: dict[str, Article]) -> None:
    seeds = _with_urls(list(seed_articles.values()))
    db = tmp_path / "k.db"
    with Store.open(db) as store:
        store.add([seeds[1], seeds[2], seeds[4]])
    before = _claim(db, VOLUNTEERS)
    verdict = record_verdict(db, before.id, "  Misleading ", "Its own quote speaks of Russians.")
    assert (verdict.rating, verdict.claim_id, verdict.article_id) == ("Misleading", before.id,
                                                                     before.support[0].article_id)
    with Store.open(db) as store:  # the earliest articles come later: the story is regrouped, claims renumbered
        store.add([seeds[0], seeds[3]])
    after = _claim(db, VOLUNTEERS)
    assert after.id != before.id
    export(db, "claims", "csv", tmp_path / "claims.csv")
    rated = [r for r in _csv(tmp_path / "claims.csv") if r["verdict_rating"]]
    assert [(r["claim_id"], r["verdict_rating"], r["verdict_note"]) for r in rated] == [
        (after.id, "Misleading", "Its own quote speaks of Russians.")]
    # A second verdict on the claim (under its new id) replaces the first.
    record_verdict(db, after.id, "False")
    with Store.open(db, create=False, write=False) as store:
        assert [(v.rating, v.claim_id) for v in store.verdicts()] == [("False", after.id)]


def test_claims_with_a_verdict_are_written_as_claimreview(seeds_db: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    claim = _claim(seeds_db, VOLUNTEERS)
    contested = next(c for c in _claims(seeds_db) if c.status == "contested")
    assert cli.main(["verdict", claim.id, "--db", str(seeds_db), "--rating", "False",
                     "--note", "Kremlin: no request. </script><b>x</b>"]) == 0
    assert cli.main(["verdict", contested.id, "--db", str(seeds_db), "--rating", "Needs context"]) == 0
    capsys.readouterr()
    out = tmp_path / "reviews.json"
    assert cli.main(["export", "--db", str(seeds_db), "--what", "claims", "--format", "claimreview",
                     "--desk", "Cek Fakta Contoh", "--out", str(out)]) == 0
    raw = out.read_text("utf-8")
    assert "</script>" not in raw and "<b>" not in raw  # safe to paste into a page's <script> element
    reviews: list[dict[str, Any]] = json.loads(raw)
    assert [r["claimReviewed"] for r in reviews] == [claim.text, contested.text]
    first = reviews[0]
    assert (first["@context"], first["@type"], first["identifier"]) == ("https://schema.org", "ClaimReview", claim.id)
    assert first["author"] == {"@type": "Organization", "name": "Cek Fakta Contoh"}
    assert first["reviewRating"] == {"@type": "Rating", "alternateName": "False"}
    assert first["reviewBody"] == "Kremlin: no request. </script><b>x</b>"
    assert len(first["datePublished"]) == 10
    urls = [a["url"] for a in first["itemReviewed"]["appearance"]]
    expected = dict.fromkeys(e.article_id for e in (*claim.support, *claim.against))
    assert urls == [f"https://news.example/{i}" for i in expected]
    assert first["itemReviewed"]["@type"] == "Claim"
    assert first["itemReviewed"]["author"] == {"@type": "Person", "name": claim.speaker} and claim.speaker
    second_urls = {a["url"] for a in reviews[1]["itemReviewed"]["appearance"]}
    assert second_urls == {f"https://news.example/{e.article_id}" for e in (*contested.support, *contested.against)}


def test_bad_export_and_verdict_usage_is_refused_in_words(seeds_db: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(InputError, match="claimreview is for --what claims"):
        export(seeds_db, "quotes", "claimreview")
    assert cli.main(["verdict", "s1-c999", "--db", str(seeds_db), "--rating", "False"]) == 2
    assert "no claim 's1-c999'" in capsys.readouterr().err
    assert cli.main(["verdict", "s1", "--db", str(seeds_db), "--rating", "False"]) == 2
    assert "not a claim id" in capsys.readouterr().err
    assert cli.main(["verdict", "s1-c1", "--db", str(seeds_db), "--rating", "  "]) == 2
    assert "the rating must not be empty" in capsys.readouterr().err
    assert cli.main(["export", "--db", str(tmp_path / "none.db"), "--what", "claims"]) == 2
    assert "no database at" in capsys.readouterr().err
    assert cli.main(["export", "--db", str(seeds_db), "--what", "claims", "--out", str(tmp_path)]) == 2
    assert "is a folder" in capsys.readouterr().err
    assert not list(tmp_path.glob("*.tmp"))
