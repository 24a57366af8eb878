"""Transactions and migrations, common to every database the store can talk to.

Repositories write portable SQL with ``?`` placeholders and call a ``Database``; ``sqlite.SqliteDatabase`` and
``postgres.PostgresDatabase`` provide the connection underneath. Both serialise writers the same way: a write
transaction holds the database's one write lock from its first statement to its commit, so whatever a
transaction reads (the last log entry, a person's active badge, the next badge serial) stays true until it
commits, on every desk.
"""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from desk_app.core.clock import to_utc_text
from desk_app.errors import StoreError
from desk_app.store.dialect import Dialect, ddl
from desk_app.store.schema import MIGRATIONS

Row = tuple[Any, ...]


class Unreachable(StoreError):
    """The database server cannot be reached; nothing was written. Safe to try again once it is back."""


class OutcomeUnknown(StoreError):
    """The connection was lost while committing: the change may or may not be recorded. Look before retrying."""


class Database(ABC):
    """One connection, with re-entrant write transactions.

    ``write()`` nests: only the outermost block begins and commits, so a check-in can insert a badge and
    append to the log in one transaction while each repository method stays usable on its own.
    """

    dialect: Dialect

    def __init__(self, location: str) -> None:
        self.location = location
        self._depth = 0
        self._lock = threading.RLock()

    @contextmanager
    def write(self) -> Iterator[None]:
        with self._lock:
            if self._depth == 0:
                self._begin()
            self._depth += 1
            try:
                yield
            except BaseException:
                self._depth -= 1
                if self._depth == 0:
                    self._rollback()
                raise
            self._depth -= 1
            if self._depth == 0:
                self._commit()

    @property
    def in_transaction(self) -> bool:
        return self._depth > 0

    @abstractmethod
    def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Run a statement; returns the number of rows it changed."""

    @abstractmethod
    def execute_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """Run one statement once per row of parameters."""

    @abstractmethod
    def one(self, sql: str, params: Sequence[Any] = ()) -> Row | None:
        """The first row of a query, or None."""

    @abstractmethod
    def all(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        """Every row of a query."""

    @abstractmethod
    def iterate(self, sql: str, params: Sequence[Any] = (), batch: int = 2000) -> Iterator[Row]:
        """The rows of a query, converted to Python a batch at a time."""

    @abstractmethod
    def script(self, sql: str) -> None:
        """Several statements separated by semicolons, without parameters."""

    @abstractmethod
    def table_exists(self, name: str) -> bool:
        """Whether the schema has a table called ``name``."""

    @abstractmethod
    def close(self) -> None:
        """Close the connection; a transaction still open is rolled back."""

    def scrub(self, erased: Sequence[bytes]) -> str:
        """Make deleted data unrecoverable from the database's files (see the SQLite version); what is left for an
        administrator to do, or "" when nothing is."""
        return f"{self.location}: ask the database's administrator to run VACUUM FULL on it to erase the freed space"

    def backup(self, target: Path) -> None:
        """A consistent copy of the whole database at ``target`` (a new file), taken while desks keep working."""
        raise StoreError(
            f"{self.location}: back up a PostgreSQL database with pg_dump (see the README), not from a desk"
        )

    @abstractmethod
    def _begin(self) -> None:
        """Start a transaction holding the database's write lock."""

    @abstractmethod
    def _commit(self) -> None:
        """Commit; on failure the transaction is over and the error says whether it may have committed."""

    @abstractmethod
    def _rollback(self) -> None:
        """Roll back; never raises, so the error that caused it is the one the caller sees."""


def escape_like(text: str) -> str:
    """``text`` matched literally inside a LIKE pattern written with ``ESCAPE '\\'``."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def schema_version(db: Database) -> int:
    if not db.table_exists("schema_migrations"):
        return 0
    version = db.one("SELECT MAX(version) FROM schema_migrations")
    return int(version[0] or 0) if version else 0


def migrate(db: Database) -> int:
    """Apply every migration newer than the database, each in its own transaction. Returns the version.

    The version is read again inside each transaction, under the write lock: desks started at the same moment
    on a new database apply each migration once, not once each.
    """
    latest = len(MIGRATIONS)
    current = schema_version(db)
    if current > latest:
        raise StoreError(f"{db.location} was written by a newer desk-app (schema {current}, this one knows {latest})")
    for version in range(current + 1, latest + 1):
        with db.write():
            if schema_version(db) >= version:
                continue
            for statement in MIGRATIONS[version - 1]:
                for sql in ddl(statement, db.dialect):
                    db.execute(sql)
            db.execute(
                "INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)",
                (version, to_utc_text(datetime.now(UTC))),
            )
    return latest


D = TypeVar("D", bound=Database)


def migrated(db: D, create: bool = True) -> D:
    """``db`` brought to the latest schema, or closed (and the error raised) when that fails.

    Without ``create`` a database with no desk schema at all is refused rather than set up.
    """
    try:
        if not create and schema_version(db) == 0:
            raise StoreError(f"no such database: {db.location} holds no desk data (desk-app init makes one)")
        migrate(db)
    except BaseException:
        db.close()
        raise
    return db
