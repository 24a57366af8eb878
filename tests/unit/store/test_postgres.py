"""What only PostgreSQL has: a server that can go away, connections that break, desks waiting for each other."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import psycopg
import pytest

from desk_app.errors import StoreError
from desk_app.store import Store, open_store
from desk_app.store.db import OutcomeUnknown, Unreachable
from desk_app.store.dialect import pyformat
from desk_app.store.postgres import describe
from tests.pg_server import free_port


@pytest.fixture
def pg(postgres_url: str) -> Iterator[Store]:
    with open_store(postgres_url) as store:
        yield store


def cut_off(store: Store, postgres_url: str) -> None:
    """The server ends the store's session, as a restart or a dropped network would."""
    pid = store._db.one("SELECT pg_backend_pid()")[0]  # type: ignore[index]
    with psycopg.connect(postgres_url, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s, 5000)", (pid,))


def test_placeholders_are_translated_outside_quotes_only() -> None:
    assert pyformat("SELECT ?, '?', \"a?\", '50%' WHERE x LIKE ? ESCAPE '\\'") == (
        "SELECT %s, '?', \"a?\", '50%%' WHERE x LIKE %s ESCAPE '\\'"
    )
    assert pyformat("SELECT 'it''s ?', ?") == "SELECT 'it''s ?', %s"


def test_location_never_shows_the_password(postgres_url: str) -> None:
    with_password = postgres_url.replace("postgres@", "postgres:s3cret@")
    with open_store(with_password.replace("postgresql://", "postgres://")) as store:
        assert store.location == postgres_url.split("?")[0]
        assert "s3cret" not in store.location
    assert describe("host=db.example port=5433 dbname=desk user=desk password=x") == (
        "postgresql://desk@db.example:5433/desk"
    )


def test_session_settings_bound_every_wait(pg: Store) -> None:
    assert pg._db.one("SHOW lock_timeout") == ("10s",)
    assert pg._db.one("SHOW idle_in_transaction_session_timeout") == ("1min",)
    assert pg._db.one("SHOW application_name") == ("desk-app",)


def test_a_server_that_is_not_there_is_reported_at_once() -> None:
    start = time.monotonic()
    with pytest.raises(Unreachable, match="is unreachable"):
        open_store(f"postgresql://postgres@127.0.0.1:{free_port()}/desk")
    assert time.monotonic() - start < 3


def test_reads_and_new_transactions_reconnect_by_themselves(pg: Store, postgres_url: str) -> None:
    pg.meta.put("k", "v")
    cut_off(pg, postgres_url)
    assert pg.meta.get("k") == "v"
    cut_off(pg, postgres_url)
    pg.meta.put("k", "w")  # BEGIN found the connection dead, and ran again on a new one
    assert pg.meta.get("k") == "w"


def test_a_connection_lost_mid_transaction_records_nothing(pg: Store, postgres_url: str) -> None:
    with pytest.raises(Unreachable, match="nothing was recorded"), pg.transaction():
        pg.meta.put("k", "v")
        cut_off(pg, postgres_url)
        pg.meta.put("k2", "v2")
    assert pg.meta.get("k") is None and pg.meta.get("k2") is None


def test_a_connection_lost_at_commit_is_an_unknown_outcome_never_retried(pg: Store, postgres_url: str) -> None:
    with pytest.raises(OutcomeUnknown, match="may or may not have been recorded"), pg.transaction():
        pg.meta.put("k", "v")
        cut_off(pg, postgres_url)
    assert pg.meta.get("k") is None  # here it was not; the desk could not know, so it said so


def test_a_transaction_with_a_failed_statement_is_not_committed_in_part(pg: Store) -> None:
    # PostgreSQL dooms a transaction at its first error; committing it must not look like success.
    with pytest.raises(StoreError, match="rolled the change back"), pg.transaction():
        pg.meta.put("k", "v")
        with pytest.raises(StoreError):
            pg._db.execute("SELECT no_such_column FROM meta")
    assert pg.meta.get("k") is None


def test_write_transactions_wait_for_each_other(pg: Store, postgres_url: str) -> None:
    order: list[str] = []
    holding = threading.Event()

    def other_desk() -> None:
        with open_store(postgres_url) as other:
            holding.wait(5)
            with other.transaction():
                order.append("other desk began")
                other.meta.put("seen", other.meta.get("first") or "nothing")

    thread = threading.Thread(target=other_desk)
    thread.start()
    with pg.transaction():
        holding.set()
        time.sleep(0.3)  # the other desk is waiting for the write lock all this time
        order.append("first desk commits")
        pg.meta.put("first", "committed")
    thread.join(10)
    assert order == ["first desk commits", "other desk began"]
    assert pg.meta.get("seen") == "committed"  # and it read what the first desk had written


def test_a_desk_waiting_too_long_is_told_the_database_is_busy(pg: Store, postgres_url: str) -> None:
    impatient = postgres_url.replace("?options=", "?options=-c%20lock_timeout%3D200ms%20")
    with open_store(impatient) as other, pg.transaction():
        with pytest.raises(StoreError, match="busy"), other.transaction():
            other.meta.put("k", "v")
        assert other.meta.get("k") is None  # and it can read meanwhile: reads never wait
    with open_store(impatient) as other:
        other.meta.put("k", "v")
        assert other.meta.get("k") == "v"


def test_an_error_swallowed_inside_a_transaction_after_a_lost_connection_still_fails_the_commit(
    pg: Store, postgres_url: str
) -> None:
    # The commit must not run on a new connection, where it would "succeed" with nothing to commit.
    with pytest.raises(Unreachable, match="nothing was recorded"), pg.transaction():
        pg.meta.put("k", "v")
        cut_off(pg, postgres_url)
        with pytest.raises(Unreachable):
            pg.meta.put("k2", "v2")
    assert pg.meta.get("k") is None


def test_a_closed_store_stays_closed(postgres_url: str) -> None:
    store = open_store(postgres_url)
    store.close()
    with pytest.raises(StoreError, match="was closed"):
        store.meta.get("k")
