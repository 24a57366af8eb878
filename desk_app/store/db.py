"""Connections, transactions and migrations: the part of the store that knows which database it talks to.

Repositories write portable SQL with ``?`` placeholders and call ``Database``; a PostgreSQL backend only has
to provide another ``Database``. SQLite is opened in WAL mode with ``synchronous=FULL``: a check-in that
returned is on disk, even if the machine loses power the next moment.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from desk_app.errors import ConstraintViolation, StoreError
from desk_app.store.schema import MIGRATIONS

Row = tuple[Any, ...]


class Database:
    """One connection, with re-entrant write transactions.

    ``write()`` nests: only the outermost block begins and commits, so a check-in can insert a badge and
    append to the log in one transaction while each repository method stays usable on its own.
    """

    def __init__(self, connection: sqlite3.Connection, location: str) -> None:
        self._conn = connection
        self.location = location
        self._depth = 0
        self._lock = threading.RLock()

    @contextmanager
    def write(self) -> Iterator[None]:
        with self._lock:
            if self._depth == 0:
                self._execute_raw("BEGIN IMMEDIATE")
            self._depth += 1
            try:
                yield
            except BaseException:
                self._depth -= 1
                if self._depth == 0:
                    self._conn.rollback()
                raise
            self._depth -= 1
            if self._depth == 0:
                self._conn.commit()

    @property
    def in_transaction(self) -> bool:
        return self._depth > 0

    def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Run a statement; returns the number of rows it changed."""
        return self._execute_raw(sql, params).rowcount

    def execute_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        try:
            self._conn.executemany(sql, rows)
        except sqlite3.IntegrityError as exc:
            raise ConstraintViolation(str(exc)) from exc
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"database error: {exc}") from exc

    def one(self, sql: str, params: Sequence[Any] = ()) -> Row | None:
        row: Row | None = self._execute_raw(sql, params).fetchone()
        return row

    def all(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        return list(self._execute_raw(sql, params).fetchall())

    def iterate(self, sql: str, params: Sequence[Any] = (), batch: int = 2000) -> Iterator[Row]:
        cursor = self._execute_raw(sql, params)
        while rows := cursor.fetchmany(batch):
            yield from rows

    def script(self, sql: str) -> None:
        try:
            self._conn.executescript(sql)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"database error: {exc}") from exc

    def close(self) -> None:
        self._conn.close()

    def _execute_raw(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        try:
            return self._conn.execute(sql, params)
        except sqlite3.IntegrityError as exc:
            raise ConstraintViolation(str(exc)) from exc
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise StoreError(f"the database is busy ({self.location}); try again") from exc
            raise StoreError(f"database error: {exc}") from exc
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"database error on {self.location}: {exc}") from exc


def escape_like(text: str) -> str:
    """``text`` matched literally inside a LIKE pattern written with ``ESCAPE '\\'``."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def open_sqlite(path: Path) -> Database:
    """Open (creating with mode 0600 if needed) and migrate a SQLite database file."""
    path = path.expanduser()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Create the file ourselves so it is private from its first byte; SQLite gives -wal and -shm the
        # same mode.
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        os.close(fd)
        conn = sqlite3.connect(path, isolation_level=None, timeout=10.0, check_same_thread=False)
    except (OSError, sqlite3.Error) as exc:
        raise StoreError(f"cannot open the database {path}: {exc}") from exc
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA busy_timeout=10000")
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreError(f"{path} is not a desk database: {exc}") from exc
    conn.isolation_level = None
    db = Database(conn, str(path))
    migrate(db)
    return db


def schema_version(db: Database) -> int:
    row = db.one("SELECT name FROM sqlite_master WHERE type='table' AND name='schema_migrations'")
    if row is None:
        return 0
    version = db.one("SELECT MAX(version) FROM schema_migrations")
    return int(version[0] or 0) if version else 0


def migrate(db: Database) -> int:
    """Apply every migration newer than the database, each in its own transaction. Returns the version."""
    current = schema_version(db)
    latest = len(MIGRATIONS)
    if current > latest:
        raise StoreError(f"{db.location} was written by a newer desk-app (schema {current}, this one knows {latest})")
    for version in range(current + 1, latest + 1):
        with db.write():
            for statement in MIGRATIONS[version - 1]:
                db.execute(statement)
            db.execute(
                "INSERT INTO schema_migrations (version, applied_at) VALUES (?, strftime('%Y-%m-%dT%H:%M:%fZ'))",
                (version,),
            )
    return latest
