"""`kliping serve` in a real headless Chromium over made-up articles: follow an alias to an entity page, filter
search by outlet with the form, page the story list (the server and browser as in test_web_browser.py)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from conftest import headless_chromium, require_browser
from finding_corpus import build_store
from test_web_browser import _wait, serving


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    require_browser()
    db = build_store(tmp_path_factory.mktemp("find") / "kliping.db")
    with serving(db) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with headless_chromium() as driver:
        driver.implicitly_wait(0)
        yield driver


def test_an_alias_leads_to_the_entity_page_and_search_filters_by_outlet(server: str, browser: Any) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import Select

    browser.get(f"{server}/speakers/Jokowi")  # another name of his: the redirect to the canonical page
    _wait(browser, ec.url_to_be(f"{server}/entities/Joko%20Widodo"))
    assert browser.find_element(By.CSS_SELECTOR, "h1.headline").text == "Joko Widodo"
    mentions = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "li.mention > a:first-child")]
    assert "DPR bahas anggaran pertanian tahun depan" in mentions and len(mentions) == 3

    browser.get(f"{server}/search")
    form = browser.find_element(By.CSS_SELECTOR, "form.search-form")
    form.find_element(By.NAME, "q").send_keys("Jokowi")
    Select(form.find_element(By.NAME, "outlet")).select_by_value("Kompas")
    Select(form.find_element(By.NAME, "sort")).select_by_value("date")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    _wait(browser, ec.url_contains("outlet=Kompas"))
    hits = browser.find_elements(By.CSS_SELECTOR, "li.hit-article")
    assert len(hits) == 2 and all("Kompas" in h.text for h in hits)
    marks = [m.text for h in hits for m in h.find_elements(By.TAG_NAME, "mark")]  # (a snippet may end mid-name)
    assert marks and set(marks) <= {"Jokowi", "Joko Widodo", "Joko", "Widodo"} and "Jokowi" in marks
    browser.find_element(By.CSS_SELECTOR, "a.entity-link").click()
    _wait(browser, ec.url_contains("/entities/Joko%20Widodo"))

    browser.get(f"{server}/?per_page=2")
    assert len(browser.find_elements(By.CSS_SELECTOR, "a.story-link")) == 2
    browser.find_element(By.CSS_SELECTOR, "a[rel=next]").click()
    _wait(browser, ec.url_contains("page=2"))
    assert "page 2 of 3" in browser.find_element(By.CSS_SELECTOR, "nav.pager").text
