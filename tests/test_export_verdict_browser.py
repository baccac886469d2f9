"""A desk records a verdict in a real headless Chromium: `kliping serve` over a store of the sample, the story
page's form, the verdict shown on the page and written by `kliping export --format claimreview`."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import headless_chromium, require_browser
from test_web_browser import _wait, serving

from kliping import cli

VOLUNTEERS = "ada 300 ribu orang sukarelawan"


@pytest.fixture()
def served(tmp_path: Path, seeds_dir: Path) -> Iterator[tuple[str, Path]]:
    require_browser()
    db = tmp_path / "kliping.db"
    assert cli.main(["add", str(seeds_dir), "--db", str(db)]) == 0
    with serving(db) as url:
        yield url, db


def test_a_verdict_recorded_in_the_browser_is_shown_and_exported(
        served: tuple[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import Select

    server, db = served
    with headless_chromium() as browser:
        browser.get(f"{server}/stories/s1")
        choice = Select(_wait(browser, ec.presence_of_element_located((By.ID, "verdict-claim"))))
        label = next(o.text for o in choice.options if VOLUNTEERS in o.text)
        choice.select_by_visible_text(label)
        browser.find_element(By.ID, "verdict-rating").send_keys("Misleading")
        browser.find_element(By.ID, "verdict-note").send_keys("Its own quote speaks of Russians.")
        submit = browser.find_element(By.ID, "verdict-submit")
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", submit)
        submit.click()
        _wait(browser, ec.url_contains("#verdicts"))
        rating = _wait(browser, ec.visibility_of_element_located((By.CSS_SELECTOR, "strong.verdict-rating")))
        assert rating.text == "Misleading"
        section = browser.find_element(By.ID, "verdicts").text
        assert VOLUNTEERS in section and "Its own quote speaks of Russians." in section
        assert browser.execute_script("return document.scripts.length") == 0
        errors: list[Any] = [e for e in browser.get_log("browser") if e.get("level") == "SEVERE"]
        assert errors == []
    capsys.readouterr()
    assert cli.main(["export", "--db", str(db), "--what", "claims", "--format", "claimreview"]) == 0
    [review] = json.loads(capsys.readouterr().out)
    assert review["claimReviewed"].startswith(VOLUNTEERS)
    assert review["reviewRating"]["alternateName"] == "Misleading"
    assert review["reviewBody"] == "Its own quote speaks of Russians."
