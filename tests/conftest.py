"""Shared fixtures: the bundled sample articles and their hand-made gold file."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from kliping.annotate.dates import find_dates
from kliping.model import Article, RawDocument
from kliping.pipeline import process

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "examples" / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
DATE_ANCHOR = "2023-09-14T20:22:00+07:00"  # a Thursday: the publication date the date tests anchor on
# Made-up paragraphs of an article (Indonesian, English) that the page-furniture tests surround with furniture:
# they must come through cleaning whole.
P1 = "Pemerintah Kota Sukamaju mulai memperbaiki jalan pusat kota pekan ini, kata Wali Kota Budi, Senin (3/4/2023)."
P2 = "Menurut Budi, perbaikan itu akan selesai sebelum musim hujan dan menelan biaya sekitar Rp 12 miliar."
P3 = "Warga diminta mencari jalan lain selama pengerjaan berlangsung, terutama pada jam sibuk pagi dan sore."
E1 = "The Millbrook council voted on Tuesday to repair the river bridge, the mayor, Jane Holloway, told reporters."
E2 = "Holloway said the work would take about six months and cost the city roughly $4 million from its reserves."
E3 = "Residents have been asked to take the ferry or the northern road while the work goes on through the spring."


def made_up_article(stem: str, title: str, body: str, published: str) -> Article:
    """A made-up report (headline, blank line, body) through the whole chain, as the grouping tests feed it."""
    return process(RawDocument(source=f"made-up/{stem}.txt", id=stem, text=f"{title}\n\n{body}", format="text",
                               headline_first=True, published=published))


def date_values(text: str, published: str | None = DATE_ANCHOR) -> dict[str, str]:
    """The date mentions found in ``text``, text → value; each mention's offsets must hold its text."""
    found = find_dates(text, published)
    for d in found:
        assert text[d.start : d.end] == d.text
    return {d.text: d.value for d in found}


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


# Headless Debian Chromium for the browser tests (never a browser download).
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1280,1000")


def require_browser() -> None:
    """Skip without Chromium and Selenium — but fail in CI, where a skip would hide a broken page."""
    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not os.path.exists(p)]
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append("the selenium package")
    if missing:
        reason = f"needs {', '.join(missing)} (apt-get install chromium chromium-driver; pip install selenium)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(reason)
        pytest.skip(reason)


@contextmanager
def headless_chromium() -> Iterator[Any]:
    """A Selenium driver on a fresh profile, with the browser console log kept."""
    require_browser()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="kliping-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
