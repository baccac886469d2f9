"""A store that is damaged, full or only readable: refused for writing with a clear line, read where it
can be, checked by `kliping check`, and never a traceback."""

from __future__ import annotations

import shutil
import sqlite3
import warnings
from pathlib import Path

import pytest

from kliping import cli
from kliping.errors import StoreFailed
from kliping.model import Article
from kliping.run.add import stored_story
from kliping.store import Store


@pytest.fixture
def db(tmp_path: Path, seed_articles: dict[str, Article]) -> Path:
    path = tmp_path / "k.db"
    with Store.open(path) as store:
        store.add(seed_articles.values())
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def damage(path: Path) -> None:
    """Overwrite pages in the middle of the file with garbage, as a bad disk or a stray write would."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    size = path.stat().st_size
    with path.open("r+b") as f:
        for offset in range(2 * 4096, size - 4096, 3 * 4096):
            f.seek(offset + 100)
            f.write(b"\xde\xad\xbe\xef" * 200)


def test_a_damaged_store_is_refused_for_writing_and_check_says_so(db: Path, seeds_dir: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "check", "--db", str(db))[0] == 0
    damage(db)
    before = db.read_bytes()
    code, _, err = run(capsys, "add", str(seeds_dir), "--db", str(db))
    assert code == cli.EXIT_STORE and "is damaged" in err and "nothing was written" in err
    assert "Traceback" not in err and db.read_bytes() == before  # it wrote nothing into the damaged file
    code, out, err = run(capsys, "check", "--db", str(db), "--sources")
    assert code == cli.EXIT_STORE and "is damaged" in err and "re-add your sources" in err


def test_undecodable_text_in_a_store_is_one_clear_line(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    conn = sqlite3.connect(db)
    conn.execute("UPDATE articles SET title = CAST(x'c328ff' AS TEXT), body = CAST(x'ff' AS TEXT)")
    conn.commit()
    conn.close()
    for argv in (["stories"], ["show", "s1"], ["search", "Putin"]):
        code, _, err = run(capsys, *argv, "--db", str(db))
        assert code == cli.EXIT_STORE, argv
        assert err.startswith("kliping: error:") and "damaged" in err and "Traceback" not in err


def test_a_full_disk_stops_add_with_what_is_safe(db: Path, seed_articles: dict[str, Article]) -> None:
    with Store.open(db) as store:
        count = store.article_count()
        pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
        store._conn.execute(f"PRAGMA max_page_count = {pages}")  # the file may not grow: a full disk
        more = [Article.from_dict({**a.to_dict(), "id": a.id + "-b", "body": a.body + " Tambahan baru.",
                                   "source": a.source + ".b", "url": None}) for a in seed_articles.values()]
        with pytest.raises(StoreFailed, match="disk is full") as caught:
            store.add(more)
        assert "re-running the same command is safe" in str(caught.value)
        assert store.article_count() == count  # the failed batch was rolled back, nothing before it lost
        store._conn.execute(f"PRAGMA max_page_count = {pages * 100}")
        assert store.add(more).added == len(more)  # and re-running adds them


def test_read_only_commands_open_the_store_read_only(db: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    with Store.open(db, create=False, write=False) as store:
        assert store.article_count() == 5
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            store._conn.execute("DELETE FROM articles")
    copy = tmp_path / "copy.db"
    shutil.copy(db, copy)
    before = copy.read_bytes()
    for argv in (["stories"], ["show", "s1"], ["search", "Putin"]):
        assert run(capsys, *argv, "--db", str(copy))[0] == 0
    assert copy.read_bytes() == before


def test_the_web_app_says_the_store_is_damaged_instead_of_a_bare_500(db: Path) -> None:
    from kliping.show.web.app import create_app

    with warnings.catch_warnings():  # starlette 1.x nudges towards httpx2; httpx works as well
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient
    conn = sqlite3.connect(db)
    conn.execute("UPDATE articles SET title = CAST(x'3c623ec328ff' AS TEXT), body = CAST(x'ff' AS TEXT)")
    conn.commit()
    conn.close()
    with TestClient(create_app(db), base_url="http://127.0.0.1:8000", raise_server_exceptions=False) as client:
        for url in ("/", "/stories/s1", "/search?q=putin"):
            page = client.get(url)
            assert page.status_code == 503 and "damaged" in page.text and "re-add your sources" in page.text
            assert "<b>" not in page.text  # the damaged bytes are text, escaped like any article text


def test_repair_copies_what_still_reads_into_a_new_store(db: Path, seed_articles: dict[str, Article],
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    with Store.open(db) as store:  # enough articles that the table spans many pages
        store.add([Article.from_dict({**a.to_dict(), "id": f"{a.id}-{n}", "body": f"Versi {n}. {a.body}",
                                      "source": f"{a.source}.{n}", "url": None})
                   for n in range(40) for a in seed_articles.values()])
        total = store.article_count()
    damage(db)
    before = db.read_bytes()
    new = db.parent / "repaired.db"
    code, _, err = run(capsys, "check", "--db", str(db), "--repair", str(new))
    assert code == 0 and "Traceback" not in err, err
    assert db.read_bytes() == before  # the damaged file is left as it was
    with Store.open(new) as store:
        kept = store.article_count()
        assert 0 < kept < total
        health = store.integrity()
        assert health["integrity_check"] == "ok" and health["story_state_articles"] == kept
        assert stored_story(store, store.story_ids()[0]) is not None
    assert f"holds {kept:,} articles" in err and "could not be read" in err
    assert run(capsys, "check", "--db", str(new))[0] == 0
    code, _, err = run(capsys, "check", "--db", str(db), "--repair", str(new))
    assert code == 2 and "exists already" in err  # never over an existing file


def test_repair_of_a_sound_store_copies_every_article(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    new = db.parent / "copy.db"
    code, _, err = run(capsys, "check", "--db", str(db), "--repair", str(new))
    assert code == 0 and "every article row was read" in err
    with Store.open(db) as old, Store.open(new) as fresh:
        assert fresh.article_count() == old.article_count() == 5
        same = [stored_story(fresh, s) == stored_story(old, s) for s in old.story_ids()]
        assert same == [True] * len(old.story_ids())


def test_repair_reads_past_a_damaged_root_page_that_hides_every_row_from_sql(
        db: Path, seed_articles: dict[str, Article], capsys: pytest.CaptureFixture[str]) -> None:
    with Store.open(db) as store:
        store.add([Article.from_dict({**a.to_dict(), "id": f"{a.id}-{n}", "body": f"Versi {n}. {a.body}",
                                      "source": f"{a.source}.{n}", "url": None})
                   for n in range(40) for a in seed_articles.values()])
        total = store.article_count()
        root = store._conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'articles'").fetchone()[0]
        page_size = store._conn.execute("PRAGMA page_size").fetchone()[0]
        store._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with db.open("r+b") as f:  # the table's root (an interior page): SQL now finds no article at all
        f.seek((root - 1) * page_size + 12)
        f.write(b"\xde\xad\xbe\xef" * 64)
    new = db.parent / "repaired.db"
    code, _, err = run(capsys, "check", "--db", str(db), "--repair", str(new))
    assert code == 0 and "every article row was read" in err, err
    with Store.open(new) as store:
        assert store.article_count() == total


def test_a_big_store_is_still_checked_where_every_add_writes(db: Path, seeds_dir: Path,
                                                            monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    from kliping import store_files

    monkeypatch.setattr(store_files, "QUICK_CHECK_MAX_BYTES", 1)  # every store is "big" now
    with Store.open(db) as store:
        root = store._conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'state'").fetchone()[0]
        page_size = store._conn.execute("PRAGMA page_size").fetchone()[0]
        store._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with db.open("r+b") as f:  # the story state's page: the next add would build on garbage
        f.seek((root - 1) * page_size + 8)
        f.write(b"\xde\xad\xbe\xef" * 16)
    before = db.read_bytes()
    code, _, err = run(capsys, "add", str(seeds_dir), "--db", str(db))
    assert code == cli.EXIT_STORE and "is damaged" in err and "nothing was written" in err
    assert db.read_bytes() == before
