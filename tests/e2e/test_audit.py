"""Security state under the chain: an attacker with the database file changes staff, keys, the event or badges
without the log; ``log verify`` names the row, and no desk serves on that database."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desk_app.core.pins import hash_pin
from tests.e2e.conftest import checkin
from tests.processes import Run

DOCS = ("--document-number", "C01X00T47", "--press-card", "DJV-48213")
ATTACKER_KEY = (
    "-----BEGIN PUBLIC KEY-----\n"
    "MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n"
    "-----END PUBLIC KEY-----\n"
)

ATTACKS = {
    "a badge row deleted (to be served twice)": ("DELETE FROM badges WHERE serial = 'M-000001'", "badge:M-000001"),
    "a verify key of the attacker's inserted": (
        f"INSERT INTO meta (key, value) VALUES ('verify_key:EVIL1', '{ATTACKER_KEY}')", "key:EVIL1"),
    "a supervisor's PIN hash replaced": (
        f"UPDATE staff SET pin_hash = '{hash_pin('111111', n=2**10)}' WHERE login = 'sam'", "staff:sam"),
    "the event configuration edited": (
        "UPDATE meta SET value = replace(value, 'accept_unsigned_references = true',"
        " 'accept_unsigned_references = false') WHERE key = 'event_config'", "event"),
    "a staff account inserted": (
        "INSERT INTO staff (login, full_name, role, pin_hash, active, created_at) SELECT 'mole', 'Mole', role,"
        " pin_hash, 1, created_at FROM staff WHERE login = 'sam'", "staff:mole"),
}  # fmt: skip


@pytest.mark.parametrize("name", ATTACKS)
def test_state_changed_behind_the_log_is_named_and_refused(ready: Run, tmp_path: Path, name: str) -> None:
    statement, row = ATTACKS[name]
    assert checkin(ready, "DM24-000001", *DOCS)[0] == 0
    assert ready("log", "verify").returncode == 0
    conn = sqlite3.connect(tmp_path / "desk.sqlite")
    conn.execute(statement)
    conn.commit()
    conn.close()
    verified = ready("log", "verify")
    assert verified.returncode == 1 and f"STATE NOT LOGGED: {row} " in verified.stderr, verified.stderr
    refused = ready("checkin", "DM24-000002", "--entrance", "groups", "--desk", "G1", "--staff", "anna", *DOCS)
    assert refused.returncode == 3 and "does not match its log" in refused.stderr and row in refused.stderr


def test_every_change_the_desk_makes_is_under_the_chain(ready: Run) -> None:
    station = ("--entrance", "groups", "--desk", "G1", "--staff", "anna")
    assert checkin(ready, "DM24-000001", *DOCS)[0] == 0
    void = ("void", "M-000001", *station, "--supervisor", "sam", "--reason", "lost", "--pin-stdin")
    assert ready(*void, stdin="975310\n").returncode == 0
    assert ready("staff", "disable", "anna", "--supervisor", "sam", "--pin-stdin", stdin="975310\n").returncode == 0
    assert ready("staff", "enable", "anna", "--supervisor", "sam", "--pin-stdin", stdin="975310\n").returncode == 0
    verified = ready("log", "verify")
    assert verified.returncode == 0 and "are what the log says" in verified.stdout, verified.stderr
