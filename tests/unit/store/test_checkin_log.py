"""The check-in log: append-only in the database, and tamper-evident when someone goes around the app.

On both backends: ``sql_shell`` stands for someone with a database shell who drops the guards first.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from desk_app.core.chain import GENESIS_HASH, entry_hash
from desk_app.core.model import Action, LogRecord
from desk_app.errors import ConstraintViolation
from desk_app.store import Store, open_store
from tests.conftest import FIRST_MORNING
from tests.unit.store.conftest import DROP_GUARDS, SqlShell


def fill(store: Store, count: int = 5) -> None:
    for i in range(count):
        store.log.append(
            LogRecord(
                FIRST_MORNING + timedelta(minutes=i),
                Action.CHECKIN,
                "groups",
                "G1",
                "anna",
                f"DM24-{i:06d}",
                "ISSUE",
                ("REFERENCE_NOT_VERIFIED",),
                {"code": "plain_reference"},
            )
        )


def behind_the_apps_back(sql_shell: SqlShell, backend: str, *statements: str) -> None:
    """Drop the guards and edit the table."""
    sql_shell(*DROP_GUARDS[backend], *statements)


def test_entries_chain_from_genesis(store: Store) -> None:
    fill(store, 3)
    entries = list(store.log.between(FIRST_MORNING - timedelta(days=1), FIRST_MORNING + timedelta(days=1)))
    assert [e.seq for e in entries] == [1, 2, 3]
    assert entries[0].prev_hash == GENESIS_HASH
    assert entries[1].prev_hash == entries[0].entry_hash
    assert entries[2].entry_hash == entry_hash(entries[1].entry_hash, 3, entries[2].record)
    assert entries[2].record.reasons == ("REFERENCE_NOT_VERIFIED",)
    report = store.log.verify()
    assert report.intact and report.entries == 3 and report.head_hash == entries[2].entry_hash


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE checkin_log SET outcome = 'REFUSE' WHERE seq = 2",
        "DELETE FROM checkin_log WHERE seq = 2",
        "DELETE FROM checkin_log",
    ],
)
def test_database_refuses_updates_and_deletes(store: Store, statement: str) -> None:
    fill(store, 3)
    with pytest.raises(ConstraintViolation, match="append-only"), store.transaction():
        store._db.execute(statement)
    assert store.log.count() == 3 and store.log.verify().intact


def test_the_guards_hold_against_a_database_shell_too(store: Store, backend: str, sql_shell: SqlShell) -> None:
    fill(store, 2)
    statements = ["DELETE FROM checkin_log WHERE seq = 1"]
    if backend == "postgresql":
        statements.append("TRUNCATE checkin_log")  # skips row triggers; has its own guard
    for statement in statements:
        with pytest.raises(Exception, match="append-only"):
            sql_shell(statement)
    assert store.log.count() == 2 and store.log.verify().intact


TAMPERING = {
    "an outcome edited": (["UPDATE checkin_log SET outcome = 'REFUSE' WHERE seq = 3"], 3, "altered"),
    "a time edited": (["UPDATE checkin_log SET time = '2024-02-14T06:00:00.000000Z' WHERE seq = 2"], 2, "altered"),
    "an entry deleted": (["DELETE FROM checkin_log WHERE seq = 2"], 2, "missing"),
    "two entries swapped": (
        [
            "UPDATE checkin_log SET seq = 100 WHERE seq = 2",
            "UPDATE checkin_log SET seq = 2 WHERE seq = 3",
            "UPDATE checkin_log SET seq = 3 WHERE seq = 100",
        ],
        2,
        "does not follow",
    ),
    "an entry inserted": (
        [
            "UPDATE checkin_log SET seq = seq + 1000 WHERE seq >= 4",
            "UPDATE checkin_log SET seq = seq - 999 WHERE seq >= 1000",
            "INSERT INTO checkin_log SELECT 4, time, action, entrance, desk, staff, 'FORGED', outcome, reasons,"
            " detail, entry_hash, 'forged' FROM checkin_log WHERE seq = 3",
        ],
        4,
        "altered",
    ),
}


@pytest.mark.parametrize("name", TAMPERING)
def test_verify_finds_the_first_tampered_entry(
    store: Store, store_url: str, backend: str, sql_shell: SqlShell, name: str
) -> None:
    statements, first_broken, words = TAMPERING[name]
    fill(store, 5)
    store.close()
    behind_the_apps_back(sql_shell, backend, *statements)
    with open_store(store_url) as reopened:
        report = reopened.log.verify()
    assert not report.intact
    assert report.first_broken == first_broken
    assert words in report.problem
    assert report.entries == first_broken - 1


def test_an_inserted_entry_with_a_correct_hash_still_breaks_the_link_after_it(
    store: Store, store_url: str, backend: str, sql_shell: SqlShell
) -> None:
    fill(store, 5)
    third = next(e for e in store.log.for_reference("DM24-000002"))
    forged = LogRecord(third.record.time, Action.ISSUE, "groups", "G1", "anna", "FORGED", "ISSUE")
    forged_hash = entry_hash(third.entry_hash, 4, forged)
    store.close()
    behind_the_apps_back(
        sql_shell,
        backend,
        "UPDATE checkin_log SET seq = seq + 1000 WHERE seq >= 4",
        "UPDATE checkin_log SET seq = seq - 999 WHERE seq >= 1000",
        "INSERT INTO checkin_log VALUES (4, '"
        + third.record.time.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        + f"', 'ISSUE', 'groups', 'G1', 'anna', 'FORGED', 'ISSUE', '[]', '{{}}', '{third.entry_hash}', "
        f"'{forged_hash}')",
    )
    with open_store(store_url) as reopened:
        report = reopened.log.verify()
    assert (report.first_broken, report.entries) == (5, 4)
    assert "does not follow" in report.problem


HEAD_ATTACKS = {
    # REPLACE deletes the old row without firing delete triggers: the insert rule refuses it first.
    "insert or replace an old entry": "INSERT OR REPLACE INTO checkin_log SELECT seq, time, action, entrance, desk,"
    " 'ghost', reference, outcome, reasons, detail, prev_hash, entry_hash FROM checkin_log WHERE seq = 2",
    "insert an entry out of sequence": "INSERT INTO checkin_log SELECT seq + 10, time, action, entrance, desk, staff,"
    " reference, outcome, reasons, detail, entry_hash, 'x' FROM checkin_log WHERE seq = 3",
    "insert at the head, not chained to it": "INSERT INTO checkin_log SELECT seq + 1, time, action, entrance, desk,"
    " staff, reference, outcome, reasons, detail, prev_hash, 'y' FROM checkin_log WHERE seq = 3",
}


@pytest.mark.parametrize("name", HEAD_ATTACKS)
def test_the_log_only_grows_at_its_head(store: Store, backend: str, sql_shell: SqlShell, name: str) -> None:
    fill(store, 3)
    statement = HEAD_ATTACKS[name]
    if backend == "postgresql" and "REPLACE" in statement:  # PostgreSQL's upsert: the same attack
        statement = statement.replace("INSERT OR REPLACE", "INSERT") + " ON CONFLICT (seq) DO UPDATE SET staff = 'x'"
    with pytest.raises(Exception, match=r"only grows at its head|append-only"):
        sql_shell(statement)
    assert store.log.count() == 3 and store.log.verify().intact
    assert {e.record.staff for e in store.log.between(FIRST_MORNING, FIRST_MORNING + timedelta(days=1))} == {"anna"}
