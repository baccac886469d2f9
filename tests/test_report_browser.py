"""index.html in headless Chromium: what a reader sees — headline, summary, evidence opening, the chart, no script."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import headless_chromium

from kliping.model import Article, DossierPage
from kliping.show.report import write_report
from kliping.show.views import dossier_view


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with headless_chromium() as driver:
        yield driver


@pytest.fixture(scope="module")
def opened(browser: Any, seed_articles: dict[str, Article], tmp_path_factory: pytest.TempPathFactory) -> Any:
    from test_report import sample_dossier  # the same hand-built story, hostile article included

    dossier, articles = sample_dossier(seed_articles)
    view = dossier_view(DossierPage.of_dossier(dossier), articles)
    path = write_report(tmp_path_factory.mktemp("report") / "index.html", view)
    browser.get(path.as_uri())
    browser.view = view
    return browser


def test_reader_sees_the_headline_and_summary(opened: Any) -> None:
    from selenium.webdriver.common.by import By

    story = opened.view["stories"][0]
    headline = opened.find_element(By.CSS_SELECTOR, "h2.headline")
    assert headline.is_displayed() and headline.text == story["title"]
    shown = [e.text for e in opened.find_elements(By.CSS_SELECTOR, "ul.summary .sentence")]
    assert shown == [s["text"] for s in story["summary"]] and 3 <= len(shown) <= 7


def test_claim_evidence_opens_on_click(opened: Any) -> None:
    from selenium.webdriver.common.by import By

    box = opened.find_elements(By.CSS_SELECTOR, "details.evidence-box")[0]
    quote = box.find_element(By.CSS_SELECTOR, "blockquote.evidence")
    assert not quote.is_displayed()
    box.find_element(By.TAG_NAME, "summary").click()
    assert box.get_attribute("open") is not None and quote.is_displayed() and quote.text


def test_timeline_svg_is_drawn(opened: Any) -> None:
    from selenium.webdriver.common.by import By

    svg = opened.find_element(By.CSS_SELECTOR, "svg.chart")
    size = svg.size
    assert size["width"] > 300 and size["height"] > 80
    assert len(svg.find_elements(By.CSS_SELECTOR, "circle.dot")) >= 4


def test_hostile_article_runs_no_script(opened: Any) -> None:
    from selenium.common.exceptions import NoAlertPresentException

    with pytest.raises(NoAlertPresentException):
        opened.switch_to.alert.text  # noqa: B018 — reading it is what raises when there is none
    assert opened.execute_script("return document.scripts.length") == 0
    assert opened.execute_script("return document.querySelectorAll('[onmouseover],[onerror],[onfocus]').length") == 0
    hostile = opened.execute_script("return document.body.innerText")
    assert "<script>alert(1)</script>" in hostile  # visible as text
    errors = [e for e in opened.get_log("browser") if e.get("level") == "SEVERE"]
    assert errors == []


def test_screenshot_when_asked(opened: Any) -> None:
    target = os.environ.get("KLIPING_SCREENSHOT")
    if not target:
        pytest.skip("set KLIPING_SCREENSHOT=/path.png to save a picture of the page")
    opened.execute_script("window.scrollTo(0, 0)")
    height = opened.execute_script("return document.body.scrollHeight")
    opened.set_window_size(1280, min(height, 3000))
    assert opened.save_screenshot(str(Path(target)))
