"""Shared fixtures: the bundled sample articles and their hand-made gold file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kliping.model import Article, RawDocument
from kliping.pipeline import process

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "examples" / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def gold() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / "gold" / "seeds.json").read_text("utf-8"))
    return data


def seed_raw(stem: str) -> RawDocument:
    """A seed article as the text reader would give it."""
    path = SEEDS / f"{stem}.txt"
    return RawDocument(source=str(path), id=stem, text=path.read_text("utf-8"), format="text",
                       headline_first=True)


@pytest.fixture(scope="session")
def seed_articles() -> dict[str, Article]:
    return {p.stem: process(seed_raw(p.stem)) for p in sorted(SEEDS.glob("*.txt"))}
