"""An attacker with the database file against checkpoints held elsewhere (RFC 6962 / C2SP style): whatever they
remove or rewrite up to a checkpoint, even recomputing the whole chain so that the chain alone looks intact, is
named by ``log verify --checkpoint``; an export a supervisor took away is such a checkpoint."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest

from desk_app.core.chain import GENESIS_HASH, entry_hash
from desk_app.core.clock import from_utc_text
from desk_app.core.model import Action, LogRecord
from tests.e2e.conftest import checkin
from tests.processes import Run

TRIGGERS = ("checkin_log_no_update", "checkin_log_no_delete", "checkin_log_extends_head")


def served_day(run: Run, tmp_path: Path) -> dict[str, Path]:
    """Two people served, one refused; the day exported as CSV and PDF, and a checkpoint written."""
    docs = ("--document-number", "C01X00T47", "--press-card", "DJV-48213")
    assert checkin(run, "DM24-000001", *docs)[0] == 0
    assert checkin(run, "DM24-000003")[0] == 12
    assert checkin(run, "DM24-000002", "--document-number", "NEW000111", "--press-card", "DJV-48213")[0] == 11
    held = {"csv": tmp_path / "day.csv", "pdf": tmp_path / "day.pdf", "checkpoint": tmp_path / "usb.checkpoint"}
    for fmt in ("csv", "pdf"):
        assert run("export", "--day", "2024-02-14", "--format", fmt, "--out", str(held[fmt])).returncode == 0
    assert run("log", "checkpoint", "--out", str(held["checkpoint"])).returncode == 0
    return held


def attacker(db: Path, *statements: str, rechain: bool = False) -> None:
    """Someone with the file: drop the guards, run statements, and (``rechain``) recompute every hash."""
    conn = sqlite3.connect(db)
    for trigger in TRIGGERS:
        conn.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    for statement in statements:
        conn.execute(statement)
    if rechain:
        rows = conn.execute("SELECT seq, time, action, entrance, desk, staff, reference, outcome, reasons, detail "
                            "FROM checkin_log ORDER BY seq").fetchall()  # fmt: skip
        conn.execute("DELETE FROM checkin_log")
        prev = GENESIS_HASH
        for new_seq, row in enumerate(rows, start=1):
            record = LogRecord(from_utc_text(row[1]), Action(row[2]), row[3], row[4], row[5], row[6], row[7],
                               tuple(json.loads(row[8])), json.loads(row[9]))  # fmt: skip
            digest = entry_hash(prev, new_seq, record)
            conn.execute("INSERT INTO checkin_log VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         (new_seq, *row[1:], prev, digest))  # fmt: skip
            prev = digest
    conn.commit()
    conn.close()


def verify(run: Run, *files: Path) -> tuple[int, str]:
    args = [a for f in files for a in ("--checkpoint", str(f))]
    result = run("log", "verify", *args)
    return result.returncode, result.stdout + result.stderr


def test_an_untouched_log_extends_every_checkpoint(ready: Run, tmp_path: Path) -> None:
    held = served_day(ready, tmp_path)
    code, said = verify(ready, *held.values())
    assert code == 0 and said.count("the log extends this checkpoint") == 3


ATTACKS = {
    "the last entries deleted": (["DELETE FROM checkin_log WHERE seq > (SELECT MAX(seq) - 3 FROM checkin_log)"], False,
                                 "entries were removed"),
    "the last entry rewritten and its hash recomputed": (
        ["UPDATE checkin_log SET staff = 'ghost' WHERE seq = (SELECT MAX(seq) FROM checkin_log)"], True, "rewritten"),
    "an ISSUE deleted, the rest renumbered and rechained": (
        ["DELETE FROM checkin_log WHERE action = 'ISSUE'"], True, "rewritten|removed"),
    "a REPLACE of an early entry, rechained": (
        ["INSERT OR REPLACE INTO checkin_log SELECT seq, time, action, entrance, 'X', 'ghost', reference, outcome,"
         " reasons, detail, prev_hash, entry_hash FROM checkin_log WHERE seq = 3"], True, "rewritten"),
}  # fmt: skip


@pytest.mark.parametrize("name", ATTACKS)
def test_what_the_file_s_holder_did_is_named(ready: Run, tmp_path: Path, name: str) -> None:
    statements, rechain, words = ATTACKS[name]
    held = served_day(ready, tmp_path)
    attacker(tmp_path / "desk.sqlite", *statements, rechain=rechain)
    if rechain:  # the chain alone no longer shows anything
        assert ready("log", "verify").returncode == 0
    for proof in held.values():
        code, said = verify(ready, proof)
        assert code == 1 and "CHECKPOINT NOT HELD" in said, (proof, said)
        assert any(word in said for word in words.split("|")), said


def test_a_checkpoint_from_an_untrusted_key_or_edited_proves_nothing(ready: Run, tmp_path: Path) -> None:
    held = served_day(ready, tmp_path)
    edited = tmp_path / "edited.checkpoint"
    text = held["checkpoint"].read_text(encoding="utf-8").splitlines(keepends=True)
    text[1] = str(int(text[1]) - 2) + "\n"  # claim a shorter log, to cover a deletion
    edited.write_text("".join(text), encoding="utf-8")
    code, said = verify(ready, edited)
    assert code == 1 and "no signature on the checkpoint holds" in said


def test_every_write_leaves_a_checkpoint_on_the_witness_medium(ready: Run, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    station = Path(os.environ["XDG_CONFIG_HOME"]) / "desk-app" / "station.toml"
    station.parent.mkdir(parents=True, exist_ok=True)
    station.write_text(f'entrance = "groups"\ndesk = "G1"\nwitness_dir = "{usb}"\n', encoding="utf-8")
    assert checkin(ready, "DM24-000001", "--document-number", "C01X00T47", "--press-card", "DJV-48213")[0] == 0
    [witness] = usb.glob("*.checkpoint")
    assert list(usb.glob("desk-*.pub"))  # the key to check it with travels with it
    own = list((Path(os.environ["XDG_DATA_HOME"]) / "desk-app" / "witness").glob("*.checkpoint"))
    assert own  # and this machine keeps its own copy
    attacker(tmp_path / "desk.sqlite", "DELETE FROM checkin_log WHERE seq > (SELECT MAX(seq) - 2 FROM checkin_log)")
    code, said = verify(ready, witness)
    assert code == 1 and "entries were removed" in said
