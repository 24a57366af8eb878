"""The ``desk-app`` command line, run as a process: commands, outputs and exit codes."""

from __future__ import annotations

import csv
import json
import sqlite3
import subprocess
from pathlib import Path

import pytest

from desk_app.cli import build_parser
from tests.conftest import make_application
from tests.e2e.conftest import checkin
from tests.processes import DESK_APP, Run
from tests.unit.intake.test_importer import row_of, write_csv

# Every command, and whether it works on a desk database (and so takes --db and --now).
COMMANDS = {
    "init": True,
    "import": True,
    "lookup": True,
    "checkin": True,
    "override": True,
    "void": True,
    "export": True,
    "log verify": True,
    "backup": True,
    "staff add": True,
    "staff list": True,
    "staff disable": True,
    "staff enable": True,
    "keys new": False,
    "keys install": True,
    "confirmations": True,
    "decode": False,
    "mrz": False,
    "purge": True,
    "reprint": True,
    "badge": True,
    "badges": True,
    "preprint": True,
    "stock": True,
    "stock close": True,
    "printers": False,
    "gui": True,
    "demo": True,
}


def test_every_command_is_tested_for_help() -> None:
    parser = build_parser()
    subcommands = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert set(subcommands) == {c.split()[0] for c in COMMANDS}


@pytest.mark.parametrize("command", COMMANDS)
def test_help_on_every_command(run: Run, command: str) -> None:
    result = run(*command.split(), "--help")
    assert result.returncode == 0
    assert "usage: desk-app" in result.stdout
    assert ("--db" in result.stdout and "--now" in result.stdout) is COMMANDS[command]


def test_checkin_json_and_exit_codes(ready: Run) -> None:
    docs = ("--document-number", "C01X00T47", "--press-card", "DJV-48213")
    code, out = checkin(ready, "dm24-000001", *docs)
    assert (code, out["verdict"], out["reference"], out["badge"]) == (0, "ISSUE", "DM24-000001", "M-000001")
    assert out["reasons"] == ["REFERENCE_NOT_VERIFIED"]
    code, out = checkin(ready, "DM24-000001", *docs)
    assert (code, out["verdict"], out["reasons"]) == (12, "REFUSE", ["ALREADY_ISSUED"])
    assert out["already_issued"]["desk"] == "G1" and out["already_issued"]["staff"] == "anna"
    code, out = checkin(ready, "DM24-000002", "--document-number", "WRONG123", "--press-card", "DJV-48213")
    assert (code, out["verdict"], out["reasons"]) == (11, "NEEDS_SUPERVISOR", ["DOCUMENT_NUMBER_MISMATCH"])
    code, out = checkin(ready, "DM24-000002", *docs, "--face-mismatch")
    assert (code, out["verdict"], out["reasons"]) == (
        11,
        "NEEDS_SUPERVISOR",
        ["FACE_MISMATCH"],
    )
    code, out = checkin(ready, "DM24-000003", *docs)
    assert (code, out["reasons"]) == (12, ["REVOKED"])
    code, out = checkin(ready, "DM24-000002")
    assert out["reasons"] == ["ID_DOCUMENT_NOT_PRESENTED", "PRESS_CREDENTIAL_NOT_PRESENTED"]
    result = ready("checkin", "DM24-000001", "--entrance", "visitors", "--desk", "V1", "--staff", "sam")
    assert result.returncode == 12 and "badge M-000001 issued 14 Feb 09:00 at the Groups entrance" in result.stdout


def test_redirect_in_words(ready: Run, tmp_path: Path) -> None:
    result = ready(
        "checkin",
        "DM24-000002",
        "--entrance",
        "visitors",
        "--desk",
        "V1",
        "--staff",
        "sam",
        "--document-number",
        "C01X00T47",
        "--editor-letter",
    )
    assert result.returncode == 10
    assert "go to the Groups entrance" in result.stdout


def test_override_and_void(ready: Run) -> None:
    docs = ("--document-number", "NEW000111", "--press-card", "DJV-48213")
    station = ("--entrance", "groups", "--desk", "G1", "--staff", "anna")
    result = ready(
        "override",
        "DM24-000002",
        *station,
        *docs,
        "--supervisor",
        "sam",
        "--reason",
        "renewed",
        "--pin-stdin",
        "--json",
        stdin="975310\n",
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["reasons"] == ["DOCUMENT_NUMBER_MISMATCH", "SUPERVISOR_OVERRIDE"]
    wrong_pin = ready(
        "void", "M-000001", *station, "--supervisor", "sam", "--reason", "lost", "--pin-stdin", stdin="1111\n"
    )
    assert wrong_pin.returncode == 2 and "not accepted" in wrong_pin.stderr
    voided = ready(
        "void", "M-000001", *station, "--supervisor", "sam", "--reason", "lost", "--pin-stdin", stdin="975310\n"
    )
    assert voided.returncode == 0 and "voided" in voided.stdout


def day_log(run: Run, folder: Path, now: str = "2024-02-14T09:30") -> list[str]:
    out = folder / "day.csv"
    assert run("export", "--day", "2024-02-14", "--format", "csv", "--out", str(out), now=now).returncode == 0
    return out.read_text(encoding="utf-8-sig").splitlines()


def test_the_command_line_locks_a_login_after_wrong_pins_and_logs_every_try(ready: Run, tmp_path: Path) -> None:
    station = ("--entrance", "groups", "--desk", "G1", "--staff", "anna")
    void = ("void", "M-000001", *station, "--supervisor", "sam", "--reason", "lost", "--pin-stdin")
    assert checkin(ready, "DM24-000001", "--document-number", "C01X00T47", "--press-card", "DJV-48213")[0] == 0
    for _ in range(5):
        wrong = ready(*void, stdin="111111\n")
        assert wrong.returncode == 2 and "not accepted" in wrong.stderr
    assert "must now wait 30 seconds" in wrong.stderr
    right_but_locked = ready(*void, stdin="975310\n")
    assert right_but_locked.returncode == 2 and "too many wrong PINs" in right_but_locked.stderr
    assert ready("lookup", "DM24-000001").stdout.count("badge M-000001") == 1  # not voided
    later = ready(*void, stdin="975310\n", now="2024-02-14T11:00")  # --now does not move the lock's clock
    assert later.returncode == 2 and "too many wrong PINs" in later.stderr
    tries = [line for line in day_log(ready, tmp_path) if ",LOGIN" in line]
    assert [",LOGIN_FAILED," in line for line in tries] == [True] * 5  # tries while locked are not even checked


def test_staff_can_be_disabled_and_the_log_says_by_whom(ready: Run, tmp_path: Path) -> None:
    disabled = ready("staff", "disable", "anna", "--supervisor", "sam", "--pin-stdin", stdin="975310\n")
    assert disabled.returncode == 0, disabled.stderr
    assert "(inactive)" in ready("staff", "list").stdout
    refused = ready("checkin", "DM24-000001", "--entrance", "groups", "--desk", "G1", "--staff", "anna")
    assert refused.returncode == 2 and "no active staff member" in refused.stderr
    not_a_supervisor = ready("staff", "enable", "anna", "--supervisor", "anna", "--pin-stdin", stdin="2468\n")
    assert not_a_supervisor.returncode == 2
    assert ready("staff", "enable", "anna", "--supervisor", "sam", "--pin-stdin", stdin="975310\n").returncode == 0
    rows = csv.DictReader(day_log(ready, tmp_path))
    assert any(row["staff"] == "sam" and row["action"] == "STAFF_DISABLED" and "anna" in row["detail"] for row in rows)


def test_lookup_ignores_accents_case_and_script_marks(ready: Run) -> None:
    result = ready("lookup", "mUller", "--json")
    assert result.returncode == 0
    assert [a["reference"] for a in json.loads(result.stdout)] == ["DM24-000001"]
    greek = ready("lookup", "παπαδοπουλου", "--json")
    assert [a["family_name"] for a in json.loads(greek.stdout)] == ["Παπαδοπούλου"]
    by_reference = ready("lookup", "dm24-000003")
    assert "Шевченко".upper() in by_reference.stdout and "revoked" in by_reference.stdout
    nothing = ready("lookup", "nobody")
    assert nothing.returncode == 1 and "nothing found" in nothing.stderr


def test_bad_import_changes_nothing(ready: Run, tmp_path: Path) -> None:
    rows = [row_of(make_application(reference="DM24-000010")), row_of(make_application(reference="DM24-000011"))]
    rows[1]["date_of_birth"] = "1990-02-30"
    result = ready("import", str(write_csv(tmp_path / "bad.csv", rows)))
    assert result.returncode == 2
    assert "line 3, date_of_birth: '1990-02-30' is not a date written YYYY-MM-DD" in result.stderr
    assert "nothing imported" in result.stderr
    assert ready("lookup", "DM24-000010").returncode == 1


def test_log_verify_catches_an_edit(ready: Run, tmp_path: Path) -> None:
    checkin(ready, "DM24-000001", "--document-number", "C01X00T47", "--press-card", "DJV-48213")
    intact = ready("log", "verify")
    assert intact.returncode == 0 and "log intact" in intact.stdout
    conn = sqlite3.connect(tmp_path / "desk.sqlite")
    conn.execute("DROP TRIGGER checkin_log_no_update")
    conn.execute("UPDATE checkin_log SET staff = 'mallory' WHERE action = 'ISSUE'")
    conn.commit()
    conn.close()
    broken = ready("log", "verify")
    assert broken.returncode == 1
    assert "LOG BROKEN at entry" in broken.stderr and "altered" in broken.stderr


def test_friendly_errors_never_tracebacks(run: Run, tmp_path: Path) -> None:
    not_db = tmp_path / "notes.txt"
    not_db.write_text("hello" * 1000)
    result = run("lookup", "x", db_path=not_db)
    assert result.returncode == 3 and "Traceback" not in result.stderr
    bad_now = run("lookup", "x", now="yesterday-ish")
    assert bad_now.returncode == 2 and "--now" in bad_now.stderr
    missing = run("import", str(tmp_path / "missing.csv"))
    assert missing.returncode == 2 and "cannot read" in missing.stderr
    unknown_staff = run("checkin", "X", "--entrance", "groups", "--desk", "G1", "--staff", "nobody")
    assert unknown_staff.returncode == 2 and "no active staff member" in unknown_staff.stderr
    bad_event = tmp_path / "event.toml"
    bad_event.write_text("[event]\nid = 'Bad Id'\n")
    result = run("init", "--event", str(bad_event), db_path=tmp_path / "other.sqlite")
    assert result.returncode == 2 and "event.id" in result.stderr
    assert not (tmp_path / "other.sqlite").exists()  # a broken event file leaves no empty database behind


def test_purge_after_the_event(ready: Run) -> None:
    during = ready("purge", "--supervisor", "sam", "--pin-stdin", stdin="975310\n")
    assert during.returncode == 2 and "only after the event" in during.stderr
    after = ready("purge", "--supervisor", "sam", "--pin-stdin", stdin="975310\n", now="2024-02-20T09:00")
    assert after.returncode == 0 and "3 applications" in after.stdout
    assert ready("lookup", "muller").returncode == 1
    assert ready("log", "verify").returncode == 0


def test_demo_builds_a_desk_to_try(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "demo"
    result = run("demo", "--out", str(out), "--count", "40", "--no-gui", db_path=out / "demo.sqlite")
    assert result.returncode == 0, result.stderr
    assert "Demo database:" in result.stdout and "Staff (login, PIN): counter1" in result.stdout
    assert (out / "confirmations").is_dir() and (out / "keys" / "verify-key.pem").exists()
    assert run("log", "verify", db_path=out / "demo.sqlite").returncode == 0


# --- failing safe ----------------------------------------------------------------------------------------------


def test_a_missing_or_empty_database_is_refused_and_never_created(run: Run, tmp_path: Path) -> None:
    missing = tmp_path / "typo.sqlite"
    result = run("log", "verify", db_path=missing, auto_init=False)
    assert result.returncode == 3 and "no such database" in result.stderr and not missing.exists()
    empty = tmp_path / "truncated.sqlite"
    empty.write_bytes(b"")
    result = run("checkin", "DM24-000001", "--entrance", "groups", "--desk", "G1", "--staff", "anna",
                 db_path=empty, auto_init=False)  # fmt: skip
    assert result.returncode == 3 and "is empty" in result.stderr and empty.stat().st_size == 0


def test_a_damaged_database_is_exit_3_in_plain_words(ready: Run, tmp_path: Path) -> None:
    checkin(ready, "DM24-000001", "--document-number", "C01X00T47", "--press-card", "DJV-48213")
    db = tmp_path / "desk.sqlite"
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(db.read_bytes())
    for offset in range(4096 * 3, len(data), 4096):  # every page but the first ones: rows and indexes garbled
        data[offset + 100 : offset + 400] = bytes(range(256)) + bytes(44)
    db.write_bytes(bytes(data))
    for command in (("log", "verify"), ("lookup", "DM24-000001"), ("export", "--day", "2024-02-14", "--format",
                    "csv", "--out", str(tmp_path / "x.csv"))):  # fmt: skip
        result = ready(*command)
        assert result.returncode == 3, (command, result.returncode, result.stderr)
        assert "Traceback" not in result.stderr and result.stderr.startswith("desk-app: ")


def test_backup_is_a_consistent_copy_and_never_overwrites(ready: Run, tmp_path: Path) -> None:
    checkin(ready, "DM24-000001", "--document-number", "C01X00T47", "--press-card", "DJV-48213")
    made = ready("backup", "--to", str(tmp_path / "usb"))
    assert made.returncode == 0, made.stderr
    [copy] = (tmp_path / "usb").glob("desk-*.sqlite")
    assert ready("log", "verify", db_path=copy).returncode == 0
    assert ready("lookup", "DM24-000001", db_path=copy).stdout.count("badge M-000001") == 1
    again = ready("backup", "--to", str(tmp_path / "usb"))  # the same second: the same name
    assert again.returncode == 3 and "never overwrites" in again.stderr


# --- time ------------------------------------------------------------------------------------------------------


def test_now_is_for_rehearsal_databases_only(run: Run, tmp_path: Path) -> None:
    live = tmp_path / "live.sqlite"
    made = run("init", "--rehearsal", db_path=live, now=None)
    assert made.returncode == 0  # (a rehearsal database made without --now is fine)
    production = tmp_path / "production.sqlite"
    created = subprocess.run([str(DESK_APP), "init", "--db", str(production)], capture_output=True, text=True)
    assert created.returncode == 0 and "REHEARSAL" not in created.stdout
    moved = run("lookup", "x", db_path=production, now="2024-02-13T09:00")
    assert moved.returncode == 2 and "rehearsals only" in moved.stderr


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("lookup", "x"), "between 2000 and 2199"),
        (("export", "--day", "9999-12-31", "--format", "csv", "--out", "x.csv"), "between 2000 and 2199"),
    ],
)
def test_dates_out_of_range_are_bad_input(run: Run, args: tuple[str, ...], words: str) -> None:
    now = "0001-01-01T00:00" if args[0] == "lookup" else "2024-02-14T09:00"
    result = run(*args, now=now)
    assert result.returncode == 2 and words in result.stderr and "Traceback" not in result.stderr
