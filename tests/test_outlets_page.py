"""/outlets: who covers what is stored, grouped by owner, each outlet linking to its articles and stories."""

from __future__ import annotations

import warnings
from collections.abc import Iterator

import pytest
from finding_corpus import build_store, made_up

from kliping.show.web.app import create_app
from kliping.store import Store

with warnings.catch_warnings():  # starlette nudges towards httpx2; httpx works as well
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

BASE = "http://127.0.0.1:8000"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = build_store(tmp_path_factory.mktemp("outlets") / "kliping.db")
    hostile = made_up("dam")
    hostile.id, hostile.source, hostile.outlet = "dam2", "dam2.txt", "<b>Evil</b> Kompas.com"
    hostile.body += " Satu kalimat lagi agar isinya berbeda."
    with Store.open(db) as store:
        store.add([hostile])
    with TestClient(create_app(db), base_url=BASE) as c:
        yield c


def test_outlets_lists_each_outlet_with_its_articles_and_stories(client: TestClient) -> None:
    view = client.get("/outlets?format=json").json()
    rows = {r["outlet"]: r for r in view["outlets"]}
    assert rows["Kompas"]["articles"] == 2 and rows["Tempo"]["articles"] == 2 and rows["Detik"]["articles"] == 1
    assert rows["Kompas"]["first"] and rows["Kompas"]["last"] and rows["Kompas"]["first"] != rows["Kompas"]["last"]
    assert rows["Kompas"]["stories"] >= 1 and rows["Kompas"]["group"] == "Kompas Gramedia"
    assert "outlet=Tempo" in rows["Tempo"]["search_href"] and "outlet=Tempo" in rows["Tempo"]["stories_href"]
    # The linked filters work: the outlet's stories are listed.
    assert client.get(rows["Tempo"]["stories_href"]).status_code == 200


def test_outlets_page_escapes_outlet_names_and_is_linked_from_every_page(client: TestClient) -> None:
    html = client.get("/outlets").text
    assert "&lt;b&gt;Evil&lt;/b&gt; Kompas.com" in html and "<b>Evil</b>" not in html
    assert 'href="/outlets"' in client.get("/").text
