"""Opening, creating and migrating the database file."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest

from desk_app.errors import StoreError
from desk_app.store import open_store
from desk_app.store.db import schema_version
from desk_app.store.schema import MIGRATIONS


def test_new_database_is_private_and_in_wal_mode(db_path: Path) -> None:
    with open_store(db_path) as store:
        assert store._db.one("PRAGMA journal_mode")[0] == "wal"
        assert store._db.one("PRAGMA foreign_keys")[0] == 1
        assert store._db.one("PRAGMA synchronous")[0] == 2  # FULL
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600


def test_sqlite_url_and_nested_folder(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "desk.sqlite"
    with open_store(f"sqlite://{target}") as store:
        assert store.location == str(target)
    assert target.exists()


def test_migrations_run_once(db_path: Path) -> None:
    with open_store(db_path) as store:
        assert schema_version(store._db) == len(MIGRATIONS)
    with open_store(db_path) as store:
        rows = store._db.all("SELECT version FROM schema_migrations")
    assert [r[0] for r in rows] == list(range(1, len(MIGRATIONS) + 1))


def test_database_from_a_newer_version_is_refused(db_path: Path) -> None:
    open_store(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute("INSERT INTO schema_migrations VALUES (999, 'later')")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer desk-app"):
        open_store(db_path)


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"these are my notes, not a database" * 100)
    with pytest.raises(StoreError, match=r"not a desk database|database error"):
        open_store(path)
    assert path.read_bytes().startswith(b"these are my notes")


def test_failed_transaction_leaves_nothing(db_path: Path) -> None:
    with open_store(db_path) as store:
        with pytest.raises(RuntimeError), store.transaction():
            store.meta.put("k", "v")
            raise RuntimeError("desk crashed")
        assert store.meta.get("k") is None
