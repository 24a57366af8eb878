"""PostgreSQL, for several desks on one database (psycopg 3): one connection per desk, reconnecting by itself.

Writers are serialised by one transaction-level advisory lock, taken in the same round trip as ``BEGIN``: the
PostgreSQL counterpart of SQLite's ``BEGIN IMMEDIATE``. Whatever a write transaction reads (the head of the log's
hash chain, a person's active badge, the next badge serial) therefore stays true until it commits, and a desk
that loses a race reads the winner's badge and says "already issued" instead of failing on the unique index.
The lock is on a number, not a table: plain reads, exports and backups never wait for it.
Transactions run at READ COMMITTED on purpose: each statement sees everything committed before it, including
the work of the desk that held the lock just before.

A lost connection is replaced on the next call made outside a transaction; a read or ``BEGIN`` that finds the
connection dead is retried once on a new one (nothing was written). Inside a transaction the loss is reported
and nothing was recorded; a loss during ``COMMIT`` is reported as an unknown outcome, never retried.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import suppress
from typing import Any

import psycopg
from psycopg import errors
from psycopg.conninfo import conninfo_to_dict, make_conninfo
from psycopg.pq import TransactionStatus

from desk_app.errors import ConstraintViolation, StoreError
from desk_app.store.db import Database, OutcomeUnknown, Row, Unreachable, migrated
from desk_app.store.dialect import Dialect, pyformat

WRITE_LOCK_KEY = 0x6465_736B  # "desk": the one lock every write transaction holds
CONNECT_TIMEOUT_S = 3
LOCK_TIMEOUT = "10s"  # as SQLite's busy timeout: a desk waits this long for another desk's transaction
IDLE_IN_TRANSACTION_TIMEOUT = "60s"  # a desk frozen mid-transaction releases the write lock after this
# Settings the URL may override: fail fast when the server is down, notice a dead network within seconds.
_CONNECTION_DEFAULTS = {
    "connect_timeout": str(CONNECT_TIMEOUT_S),
    "application_name": "desk-app",
    "keepalives": "1",
    "keepalives_idle": "10",
    "keepalives_interval": "3",
    "keepalives_count": "3",
    "tcp_user_timeout": "10000",
}
_SESSION_OPTIONS = (
    f"-c lock_timeout={LOCK_TIMEOUT} -c idle_in_transaction_session_timeout={IDLE_IN_TRANSACTION_TIMEOUT}"
)
_BUSY = (errors.LockNotAvailable, errors.SerializationFailure, errors.DeadlockDetected, errors.QueryCanceled)


def describe(url: str) -> str:
    """The URL as shown to people and in reports: everything but the password."""
    try:
        parts = conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return "postgresql://(unreadable URL)"
    user = f"{parts['user']}@" if parts.get("user") else ""
    port = f":{parts['port']}" if parts.get("port") else ""
    return f"postgresql://{user}{parts.get('host', '')}{port}/{parts.get('dbname', '')}"


def connection_string(url: str) -> str:
    """``url`` with the desk's connection defaults added where the URL does not set them."""
    try:
        parts: dict[str, Any] = conninfo_to_dict(url)
    except psycopg.ProgrammingError as exc:
        raise StoreError(f"not a PostgreSQL URL: {describe(url)}: {exc}") from exc
    for key, value in _CONNECTION_DEFAULTS.items():
        parts.setdefault(key, value)
    parts["options"] = f"{_SESSION_OPTIONS} {parts.get('options', '')}".strip()  # the URL's own options win
    return make_conninfo("", **parts)


def _reason(exc: psycopg.Error) -> str:
    """The server's own message, or libpq's without its preamble: 'Connection refused', not three lines."""
    primary = exc.diag.message_primary if isinstance(exc, psycopg.DatabaseError) else None
    if primary:
        return primary
    first = (str(exc).strip().splitlines() or ["no reason given"])[0]
    return first.rsplit(" failed: ", 1)[-1].removeprefix("FATAL:").strip()


class PostgresDatabase(Database):
    dialect = Dialect.POSTGRESQL

    def __init__(self, url: str) -> None:
        super().__init__(describe(url))
        self._conninfo = connection_string(url)
        self._closed = False
        self._conn: psycopg.Connection[Row] | None = self._connect()

    def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        with self._cursor(sql, params, retry=False) as cursor:
            return cursor.rowcount

    def execute_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if not rows:
            return
        with self._lock:
            connection = self._connection()
            try:
                with connection.cursor() as cursor:
                    cursor.executemany(pyformat(sql), rows)
            except psycopg.Error as exc:
                raise self._translate(exc, connection) from exc

    def one(self, sql: str, params: Sequence[Any] = ()) -> Row | None:
        with self._cursor(sql, params, retry=True) as cursor:
            return cursor.fetchone()

    def all(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        with self._cursor(sql, params, retry=True) as cursor:
            return cursor.fetchall()

    def iterate(self, sql: str, params: Sequence[Any] = (), batch: int = 2000) -> Iterator[Row]:
        # The whole result arrives with the query (a client-side cursor): the connection is free for other
        # statements while the caller walks the rows, as with SQLite.
        with self._cursor(sql, params, retry=True) as cursor:
            while rows := cursor.fetchmany(batch):
                yield from rows

    def script(self, sql: str) -> None:
        with self._cursor(sql, (), retry=False):
            pass

    def table_exists(self, name: str) -> bool:
        sql = "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?"
        return self.one(sql, (name,)) is not None

    def close(self) -> None:
        with self._lock:
            self._closed = True
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def _begin(self) -> None:
        # One round trip: the lock is held from the transaction's first statement.
        begin = f"BEGIN ISOLATION LEVEL READ COMMITTED; SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})"
        try:
            with self._cursor(begin, (), retry=True):
                pass
        except StoreError:
            self._rollback()  # e.g. the lock timed out: the transaction began and must end
            raise

    def _commit(self) -> None:
        # Never a new connection here: COMMIT on one would "succeed" with no transaction to commit.
        connection = self._conn
        if connection is None or connection.broken or connection.closed:
            raise Unreachable(f"the database {self.location} is unreachable (connection lost); nothing was recorded")
        if connection.info.transaction_status not in (TransactionStatus.INTRANS, TransactionStatus.INERROR):
            raise StoreError(f"the change to {self.location} was not in a transaction any more; nothing was recorded")
        try:
            with connection.cursor() as cursor:
                cursor.execute("COMMIT")
                status = cursor.statusmessage
        except psycopg.Error as exc:
            if connection.broken or connection.closed:
                raise OutcomeUnknown(
                    f"the connection to the database {self.location} was lost while saving: the change may or may "
                    "not have been recorded; look it up before trying again"
                ) from exc
            raise self._translate(exc, connection) from exc
        if status != "COMMIT":  # PostgreSQL answers COMMIT of a failed transaction with a rollback
            raise StoreError(f"the database {self.location} rolled the change back; nothing was recorded")

    def _rollback(self) -> None:
        connection = self._conn
        if connection is None or connection.closed or connection.broken:
            return  # the server ended the transaction when the connection went
        if connection.info.transaction_status == TransactionStatus.IDLE:
            return
        with suppress(psycopg.Error):  # the transaction is gone either way; the caller's error is the one to report
            connection.execute("ROLLBACK")

    def _connect(self) -> psycopg.Connection[Row]:
        try:
            return psycopg.connect(self._conninfo, autocommit=True)
        except psycopg.Error as exc:
            raise Unreachable(f"the database {self.location} is unreachable: {_reason(exc)}") from exc

    def _connection(self) -> psycopg.Connection[Row]:
        """The live connection; a lost one is replaced, but only between transactions."""
        connection = self._conn
        if connection is not None and not connection.closed and not connection.broken:
            return connection
        if self._closed:
            raise StoreError(f"the database {self.location} was closed")
        if self._depth > 0:
            raise Unreachable(f"the database {self.location} is unreachable (connection lost); nothing was recorded")
        if connection is not None:
            connection.close()
        self._conn = None
        self._conn = self._connect()
        return self._conn

    def _cursor(self, sql: str, params: Sequence[Any], retry: bool) -> psycopg.Cursor[Row]:
        """A cursor holding the statement's whole result.

        With ``retry`` (reads, and the transaction's ``BEGIN``), a statement that finds the connection dead outside
        a transaction runs once more on a new one: it changed nothing, so running it twice cannot either.
        """
        query = pyformat(sql) if params else sql  # without parameters psycopg sends the text as it is
        with self._lock:
            for attempt in (1, 2):
                connection = self._connection()
                cursor = connection.cursor()
                try:
                    cursor.execute(query, params or None)
                    return cursor
                except psycopg.Error as exc:
                    cursor.close()
                    lost = connection.broken or connection.closed
                    if lost and retry and attempt == 1 and self._depth == 0:
                        continue
                    raise self._translate(exc, connection) from exc
        raise AssertionError("unreachable: the loop returns or raises")

    def _translate(self, exc: psycopg.Error, connection: psycopg.Connection[Row]) -> StoreError:
        reason = _reason(exc)
        if connection.broken or connection.closed:
            recorded = "; nothing was recorded" if self._depth > 0 else ""
            return Unreachable(f"the database {self.location} is unreachable ({reason}){recorded}")
        if isinstance(exc, psycopg.IntegrityError):
            return ConstraintViolation(reason)
        if isinstance(exc, _BUSY):
            return StoreError(f"the database is busy ({self.location}); try again")
        if isinstance(exc, errors.InFailedSqlTransaction):
            return StoreError("an earlier statement of this change failed; nothing was recorded")
        return StoreError(f"database error on {self.location}: {reason}")


def open_postgres(url: str, create: bool = True) -> PostgresDatabase:
    """Connect to (and migrate) the database at a ``postgresql://`` or ``postgres://`` URL; without ``create``, a
    database with no desk schema is refused."""
    return migrated(PostgresDatabase(url), create)
