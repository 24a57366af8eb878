"""The one store API. Every caller opens a ``Store`` and goes through its repositories.

store = open_store("/path/desk.sqlite")          # or sqlite:///path, or postgresql://user@host:5432/db
with store.transaction():
    badge = store.badges.issue(...)
    store.log.append(...)
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from desk_app.store.applications import Applications
from desk_app.store.badges import Badges
from desk_app.store.cards import Cards
from desk_app.store.checkin_log import CheckinLog
from desk_app.store.db import Database
from desk_app.store.meta import Meta
from desk_app.store.sqlite import open_sqlite
from desk_app.store.staff import Staff

POSTGRES_SCHEMES = ("postgresql://", "postgres://")
SQLITE_SCHEME = "sqlite://"


class Store:
    def __init__(self, db: Database) -> None:
        self._db = db
        self.meta = Meta(db)
        self.applications = Applications(db)
        self.badges = Badges(db)
        self.cards = Cards(db)
        self.staff = Staff(db)
        self.log = CheckinLog(db)

    @property
    def location(self) -> str:
        """Where the data lives, fit to show: a file path, or a PostgreSQL URL without its password."""
        return self._db.location

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All-or-nothing: everything written inside commits together or not at all.

        The transaction holds the database's write lock from its start, so what it reads stays true until it
        commits, whichever other desks write to the same database.
        """
        with self._db.write():
            yield

    def scrub(self, erased: Sequence[bytes]) -> str:
        """After a purge: the erased values gone from the files themselves, checked (SQLite); what is left for an
        administrator to do (PostgreSQL), or ""."""
        return self._db.scrub(erased)

    def backup(self, target: Path) -> None:
        """A consistent copy of the database at ``target`` (SQLite only; PostgreSQL has pg_dump)."""
        self._db.backup(target)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def open_store(location: str | Path, create: bool = True) -> Store:
    """Open the database at ``location``: a file path or ``sqlite:///path`` (SQLite), or a
    ``postgresql://`` / ``postgres://`` URL (PostgreSQL, for several desks on one database).

    With ``create`` False a database that does not exist yet (or is empty) is refused with a StoreError."""
    text = str(location)
    if text.startswith(POSTGRES_SCHEMES):
        # Imported here so that a desk on SQLite never needs psycopg installed.
        from desk_app.store.postgres import open_postgres

        return Store(open_postgres(text, create))
    if text.startswith(SQLITE_SCHEME):
        text = text[len(SQLITE_SCHEME) :]
    return Store(open_sqlite(Path(text), create))
