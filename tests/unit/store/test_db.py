"""Opening, creating and migrating the database; transactions. SQLite file details first, then both backends."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from desk_app.errors import ConstraintViolation, StoreError
from desk_app.store import Store, open_store
from desk_app.store.db import schema_version
from desk_app.store.schema import MIGRATIONS
from tests.unit.store.conftest import SqlShell


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


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"these are my notes, not a database" * 100)
    with pytest.raises(StoreError, match=r"not a desk database|database error"):
        open_store(path)
    assert path.read_bytes().startswith(b"these are my notes")


def test_migrations_run_once(store: Store, store_url: str) -> None:
    assert schema_version(store._db) == len(MIGRATIONS)
    store.close()
    with open_store(store_url) as reopened:
        rows = reopened._db.all("SELECT version FROM schema_migrations ORDER BY version")
    assert [r[0] for r in rows] == list(range(1, len(MIGRATIONS) + 1))


def test_database_from_a_newer_version_is_refused(store: Store, store_url: str, sql_shell: SqlShell) -> None:
    store.close()
    sql_shell("INSERT INTO schema_migrations VALUES (999, 'later')")
    with pytest.raises(StoreError, match="newer desk-app"):
        open_store(store_url)


def test_failed_transaction_leaves_nothing(store: Store) -> None:
    with pytest.raises(RuntimeError), store.transaction():
        store.meta.put("k", "v")
        raise RuntimeError("desk crashed")
    assert store.meta.get("k") is None
    store.meta.put("k", "after")  # the connection is usable again
    assert store.meta.get("k") == "after"


def test_nested_transactions_commit_once_at_the_outermost(store: Store, store_url: str) -> None:
    with store.transaction():
        store.meta.put("a", "1")
        with store.transaction():
            store.meta.put("b", "2")
        with open_store(store_url) as other:
            assert other.meta.get("b") is None  # not yet visible to another desk
    with open_store(store_url) as other:
        assert (other.meta.get("a"), other.meta.get("b")) == ("1", "2")


def test_a_broken_rule_is_a_constraint_violation_and_rolls_back(store: Store) -> None:
    with pytest.raises(ConstraintViolation), store.transaction():
        store.meta.put("k", "v")
        store._db.execute("INSERT INTO meta (key, value) VALUES (?, ?)", ("k", "again"))
    assert store.meta.get("k") is None


def test_a_bad_statement_is_a_store_error(store: Store) -> None:
    with pytest.raises(StoreError, match="database error"):
        store._db.one("SELECT no_such_column FROM meta")
    assert store._db.one("SELECT COUNT(*) FROM meta") == (0,)


def test_question_marks_and_percent_signs_in_text_are_text(store: Store) -> None:
    store.meta.put("100% sure?", "yes? 50%")
    row = store._db.one("SELECT value, '?', '%s', 'it''s ?' FROM meta WHERE key = ?", ("100% sure?",))
    assert row == ("yes? 50%", "?", "%s", "it's ?")
    assert store._db.one("SELECT '%' || '?'") == ("%?",)


def test_meta_prefix_is_exact(store: Store) -> None:
    for key in ("verify_key:a", "verify_key:b", "VERIFY_KEY:c", "verifyXkey:d", "other"):
        store.meta.put(key, key.upper())
    assert store.meta.with_prefix("verify_key:") == {"verify_key:a": "VERIFY_KEY:A", "verify_key:b": "VERIFY_KEY:B"}
    store.meta.put("verify_key:a", "replaced")
    assert store.meta.get("verify_key:a") == "replaced"


def test_execute_returns_rows_changed_and_iterate_streams(store: Store) -> None:
    with store.transaction():
        store._db.execute_many("INSERT INTO meta (key, value) VALUES (?, ?)", [(f"k{i:03d}", "v") for i in range(250)])
        assert store._db.execute("UPDATE meta SET value = ? WHERE key < ?", ("w", "k100")) == 100
    rows = list(store._db.iterate("SELECT key FROM meta ORDER BY key", batch=64))
    assert len(rows) == 250 and rows[0] == ("k000",) and rows[-1] == ("k249",)
