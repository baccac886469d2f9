"""Statements are made once per article, where it is annotated, and carried to the story pass."""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import Any

import pytest

from kliping.corpus import statements as statements_module
from kliping.corpus.claims import find_claims
from kliping.corpus.statement_records import pack, unpack
from kliping.corpus.statements import article_statements, statements_of
from kliping.model import Article
from kliping.pipeline import annotate
from kliping.run.analyze import analyze

analyze_module = importlib.import_module("kliping.run.analyze")

CORPUS = Path(__file__).parent / "fixtures" / "corpus" / "mixed.jsonl"


def _article(aid: str, body: str, outlet: str | None = "Harian Contoh") -> Article:
    return annotate(Article(id=aid, source=aid, body=body, outlet=outlet, published="2025-03-04", language="id"))


def _made_up() -> Article:
    return _article("m1", "Bupati Sleman Rudi Hartono membantah bahwa jembatan gantung di Desa Sukamaju roboh karena "
                          "kelebihan muatan. Jembatan sepanjang 80 meter itu dibangun pemerintah kabupaten dengan "
                          "biaya Rp 4 miliar pada 2019. Menurut dia, sebanyak 120 warga melintas setiap hari "
                          "tanpa masalah. "
                          "\u201cKami sudah memeriksa semua kabel baja jembatan itu,\u201d kata Rudi.", outlet=None)


def test_carried_statements_are_the_statements_made_here(seed_articles: Any) -> None:
    for article in [*seed_articles.values(), _made_up()]:
        made = statements_of(article)
        again = Article.from_dict(article.to_dict())
        carried = unpack(pack(article_statements(article)), again)
        assert carried is again.statements
        assert [vars(s) for s in statements_of(again)] == [vars(s) for s in made]


def test_an_article_makes_its_statements_once_whatever_its_stories(monkeypatch: pytest.MonkeyPatch) -> None:
    article = _made_up()
    calls: list[str] = []
    make = statements_module._make_statements
    monkeypatch.setattr(statements_module, "_make_statements", lambda a: calls.append(a.id) or make(a))
    find_claims([article], "s1")
    find_claims([article], "s2", {"m1": "m0"})
    assert calls == ["m1"]


def test_an_outlet_less_article_counts_as_its_copy_group_in_each_story() -> None:
    article = _made_up()
    own = [s for s in statements_of(article, {"m1": "m0"}) if s.own_voice]
    assert own and {(s.source, s.independent, s.voice) for s in own} == {("article:m0", "article:m0", "m1")}
    own = [s for s in statements_of(article) if s.own_voice]
    assert {(s.source, s.independent, s.voice) for s in own} == {("article:m1", "article:m1", "m1")}
    named = [s for s in statements_of(article) if not s.own_voice]
    assert named and all(s.independent.startswith("voice:") for s in named)


def test_the_story_pass_of_a_run_makes_no_statement(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "some.jsonl").write_text("\n".join(CORPUS.read_text("utf-8").splitlines()[:25]) + "\n", "utf-8")
    build = analyze_module.build_stories

    def carried_only(task: Any) -> Any:
        def refuse(article: Article) -> list[Any]:
            raise AssertionError(f"statements of {article.id} made again in the story pass")

        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(statements_module, "_make_statements", refuse)
            return build(task)

    monkeypatch.setattr(analyze_module, "build_stories", carried_only)
    analyze([str(tmp_path / "some.jsonl")], tmp_path / "out")
    stories = json.loads((tmp_path / "out" / "dossier.json").read_text("utf-8"))["stories"]
    assert sum(len(s["article_ids"]) for s in stories) == 25
