"""The one store API. Every caller opens a ``Store`` and goes through its repositories.

store = open_store("/path/desk.sqlite")
with store.transaction():
    badge = store.badges.issue(...)
    store.log.append(...)
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from desk_app.store.applications import Applications
from desk_app.store.badges import Badges
from desk_app.store.checkin_log import CheckinLog
from desk_app.store.db import Database, open_sqlite
from desk_app.store.meta import Meta
from desk_app.store.staff import Staff


class Store:
    def __init__(self, db: Database) -> None:
        self._db = db
        self.meta = Meta(db)
        self.applications = Applications(db)
        self.badges = Badges(db)
        self.staff = Staff(db)
        self.log = CheckinLog(db)

    @property
    def location(self) -> str:
        return self._db.location

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All-or-nothing: everything written inside commits together or not at all."""
        with self._db.write():
            yield

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def open_store(location: str | Path) -> Store:
    """Open the database at ``location``: a file path or ``sqlite:///path``."""
    text = str(location)
    if text.startswith("sqlite:///"):
        text = text[len("sqlite:///") - 1 :]
    return Store(open_sqlite(Path(text)))
