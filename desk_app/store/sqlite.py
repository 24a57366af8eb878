"""SQLite, the default for a single desk: one file, opened in WAL mode with ``synchronous=FULL``.

A check-in that returned is on disk, even if the machine loses power the next moment. ``BEGIN IMMEDIATE`` takes
the file's write lock at the start of every write transaction, so desks (processes) sharing the file on one
machine are serialised, waiting up to the busy timeout for each other.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager, suppress
from pathlib import Path
from typing import Any

from desk_app.errors import ConstraintViolation, StoreError
from desk_app.store.db import Database, Row, migrated
from desk_app.store.dialect import Dialect

BUSY_TIMEOUT_S = 10.0


class SqliteDatabase(Database):
    dialect = Dialect.SQLITE

    def __init__(self, connection: sqlite3.Connection, location: str) -> None:
        super().__init__(location)
        self._conn = connection

    def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        return self._run(sql, params).rowcount

    def execute_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        try:
            self._conn.executemany(sql, rows)
        except sqlite3.IntegrityError as exc:
            raise ConstraintViolation(str(exc)) from exc
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"database error: {exc}") from exc

    def one(self, sql: str, params: Sequence[Any] = ()) -> Row | None:
        cursor = self._run(sql, params)
        with self._reading():
            row: Row | None = cursor.fetchone()
        return row

    def all(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        cursor = self._run(sql, params)
        with self._reading():
            return list(cursor.fetchall())

    def iterate(self, sql: str, params: Sequence[Any] = (), batch: int = 2000) -> Iterator[Row]:
        cursor = self._run(sql, params)
        while True:
            with self._reading():
                rows = cursor.fetchmany(batch)
            if not rows:
                return
            yield from rows

    @contextmanager
    def _reading(self) -> Iterator[None]:
        """Rows are decoded as they are fetched: a damaged page shows up here, as a plain StoreError."""
        try:
            yield
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"the database {self.location} is damaged and cannot be read: {exc}") from exc

    def script(self, sql: str) -> None:
        try:
            self._conn.executescript(sql)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"database error: {exc}") from exc

    def table_exists(self, name: str) -> bool:
        return self.one("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)) is not None

    def close(self) -> None:
        self._conn.close()

    def scrub(self, erased: Sequence[bytes]) -> str:
        """Make deleted data unrecoverable from the files: WAL emptied into the database, the file rebuilt
        (VACUUM), and the result checked byte by byte for ``erased`` values.

        Raises:
            StoreError: another connection holds the database (close every other desk and purge again), or an
                erased value is still in the files.
        """
        path = Path(self.location)
        self._checkpoint_truncate()
        self._run("VACUUM")
        self._checkpoint_truncate()
        files = [p for p in (path, Path(f"{path}-wal")) if p.exists()]
        for value in erased:
            if value and any(value in p.read_bytes() for p in files):
                raise StoreError(f"erased data is still in {path}: close every other desk and purge again")
        return ""

    def _checkpoint_truncate(self) -> None:
        busy = self.one("PRAGMA wal_checkpoint(TRUNCATE)")
        if busy is None or busy[0]:
            raise StoreError(f"another desk is using {self.location}: close every other desk on it, then purge again")

    def backup(self, target: Path) -> None:
        """SQLite's online backup: page by page, consistent, while other desks keep writing."""
        try:
            fd = os.open(target, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)  # private, and never over a file
            os.close(fd)
            with closing(sqlite3.connect(target)) as copy:
                self._conn.backup(copy)
        except FileExistsError as exc:
            raise StoreError(f"{target} exists: a backup never overwrites a file") from exc
        except (OSError, sqlite3.Error) as exc:
            target.unlink(missing_ok=True)
            raise StoreError(f"cannot back up to {target}: {exc}") from exc

    def _begin(self) -> None:
        self._run("BEGIN IMMEDIATE")

    def _commit(self) -> None:
        try:
            self._conn.commit()
        except sqlite3.DatabaseError as exc:
            self._rollback()
            raise StoreError(f"database error on {self.location}, nothing was recorded: {exc}") from exc

    def _rollback(self) -> None:
        with suppress(sqlite3.DatabaseError):  # the transaction is gone either way; the caller's error is reported
            self._conn.rollback()

    def _run(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
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


def open_sqlite(path: Path, create: bool = True) -> SqliteDatabase:
    """Open and migrate a SQLite database file; with ``create``, make it (mode 0600) when it does not exist.

    Without ``create`` a missing or empty file is refused, never made: a mistyped path or a truncated file must
    not turn into a fresh database that says all is well.
    """
    path = path.expanduser()
    if not create:
        try:
            size = path.stat().st_size if path.is_file() else -1
        except OSError:
            size = -1
        if size <= 0:
            what = "is empty" if size == 0 else "does not exist"
            raise StoreError(f"no such database: {path} {what} (desk-app init makes one)")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Create the file ourselves so it is private from its first byte; SQLite gives -wal and -shm the
        # same mode.
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        os.close(fd)
        conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_S, check_same_thread=False)
    except (OSError, sqlite3.Error) as exc:
        raise StoreError(f"cannot open the database {path}: {exc}") from exc
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA secure_delete=ON")  # what is deleted is overwritten, whatever the build's default
        conn.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreError(f"{path} is not a desk database: {exc}") from exc
    return migrated(SqliteDatabase(conn, str(path)), create)
