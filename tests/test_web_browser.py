"""`kliping serve` in a real headless Chromium: add the sample through the form, read the story, find Peskov.

The server is a real `kliping serve` process on a free port over a fresh database; the browser is Debian's
chromium driven by Selenium (flags and the CI rule as in test_report_browser.py). Set
KLIPING_WEB_SCREENSHOT=/path.png to save the story page (docs/story-page.png is made this way).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from conftest import headless_chromium, require_browser


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serving(db: Path) -> Iterator[str]:
    """A real `kliping serve` of ``db`` on a free port, its URL once it listens; stopped on leaving."""
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "kliping.cli", "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                pytest.fail(f"kliping serve exited: {proc.stderr.read().decode() if proc.stderr else ''}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("kliping serve did not start listening within 20 s")
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    require_browser()
    db = tmp_path_factory.mktemp("serve") / "kliping.db"
    with serving(db) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with headless_chromium() as driver:
        driver.implicitly_wait(0)
        yield driver


def _wait(browser: Any, condition: Any, seconds: float = 20) -> Any:
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(browser, seconds).until(condition)


def test_add_the_sample_read_the_story_and_find_what_peskov_said(server: str, browser: Any, seeds_dir: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec

    # 1. Add the five sample articles through the form, as a user would.
    browser.get(f"{server}/add")
    seeds = sorted(str(p) for p in seeds_dir.glob("*.txt"))
    assert len(seeds) == 5
    browser.find_element(By.ID, "files").send_keys("\n".join(seeds))
    browser.find_element(By.ID, "add-submit").click()
    _wait(browser, ec.url_contains("/stories/"), 60)

    # 2. The story page: headline, summary, the timeline picture, five articles.
    headline = _wait(browser, ec.visibility_of_element_located((By.CSS_SELECTOR, "h2.headline")))
    assert headline.text.strip()
    assert browser.find_elements(By.CSS_SELECTOR, "ul.summary .sentence")
    svg = browser.find_element(By.CSS_SELECTOR, "svg.chart")
    assert svg.size["width"] > 300 and len(svg.find_elements(By.CSS_SELECTOR, "circle.dot")) >= 4
    assert len(browser.find_elements(By.CSS_SELECTOR, "article.article")) == 5
    _save_screenshot(browser)

    # 3. A claim's evidence opens on click and shows the quoted article text.
    box = browser.find_elements(By.CSS_SELECTOR, "details.evidence-box")[0]
    quote = box.find_element(By.CSS_SELECTOR, "blockquote.evidence")
    assert not quote.is_displayed()
    summary = box.find_element(By.TAG_NAME, "summary")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", summary)
    summary.click()
    assert box.get_attribute("open") is not None and quote.is_displayed()
    assert len(quote.find_element(By.TAG_NAME, "p").text) > 10

    # 4. Search for a speaker from the box at the top, open his page: his quote, dated, with its source.
    search = browser.find_element(By.ID, "q")
    search.send_keys("Peskov")
    search.submit()
    link = _wait(browser, ec.element_to_be_clickable((By.CSS_SELECTOR, "a.speaker-link")))
    assert "Peskov" in link.text
    link.click()
    _wait(browser, ec.url_contains("/speakers/"))
    assert "Peskov" in browser.find_element(By.CSS_SELECTOR, "h1.headline").text
    said = browser.find_elements(By.CSS_SELECTOR, "li.said-quote")
    assert said and all(s.find_element(By.TAG_NAME, "q").text for s in said)
    assert browser.find_element(By.CSS_SELECTOR, "ol.said time").text  # when he said it

    # No script ran or was blocked, nothing failed to load.
    assert browser.execute_script("return document.scripts.length") == 0
    errors = [e for e in browser.get_log("browser") if e.get("level") == "SEVERE"]
    assert errors == []


def _save_screenshot(browser: Any) -> None:
    target = os.environ.get("KLIPING_WEB_SCREENSHOT")
    if not target:
        return
    size = browser.get_window_size()
    browser.set_window_size(1280, 1500)
    browser.execute_script("window.scrollTo(0, 0)")
    assert browser.save_screenshot(str(Path(target)))
    browser.set_window_size(size["width"], size["height"])
