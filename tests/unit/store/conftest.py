"""Every store test runs twice: on SQLite and on PostgreSQL. The repositories must not be able to tell.

``store`` here overrides the shared one, so ``event``, ``staffed_store`` and ``desk`` are built on both backends
too. A test that is about one backend only (file modes, PRAGMAs, reconnection) asks for ``db_path`` or
``postgres_url`` instead.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

from desk_app.store import Store, open_store

BACKENDS = ("sqlite", "postgresql")


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    name: str = request.param
    return name


@pytest.fixture
def store_url(backend: str, db_path: Path, request: pytest.FixtureRequest) -> str:
    """Where the test's fresh database is, as ``open_store`` takes it."""
    if backend == "sqlite":
        return f"sqlite://{db_path}"
    url: str = request.getfixturevalue("postgres_url")
    return url


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with open_store(store_url) as opened:
        yield opened


SqlShell = Callable[..., list[tuple[Any, ...]]]
DROP_GUARDS = {
    "sqlite": [
        "DROP TRIGGER checkin_log_no_update",
        "DROP TRIGGER checkin_log_no_delete",
        "DROP TRIGGER checkin_log_extends_head",
    ],
    "postgresql": [
        "DROP TRIGGER checkin_log_no_update ON checkin_log",
        "DROP TRIGGER checkin_log_no_delete ON checkin_log",
        "DROP TRIGGER checkin_log_extends_head ON checkin_log",
    ],
}


@pytest.fixture
def sql_shell(backend: str, store_url: str) -> SqlShell:
    """What someone with a database shell (sqlite3, psql) could do, around the app: run statements, committed
    together, on a connection of their own; returns the last statement's rows."""

    def run(*statements: str) -> list[tuple[Any, ...]]:
        rows: list[tuple[Any, ...]] = []
        if backend == "sqlite":
            conn = sqlite3.connect(store_url.removeprefix("sqlite://"))
            try:
                for statement in statements:
                    rows = conn.execute(statement).fetchall()
                conn.commit()
            finally:
                conn.close()
            return rows
        with psycopg.connect(store_url) as pg:
            for statement in statements:
                cursor = pg.execute(statement)
                rows = cursor.fetchall() if cursor.description else []
        return rows

    return run
