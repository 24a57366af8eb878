"""The installed ``desk-app gui`` as a process of its own on the X server: a person logs in, a scanner scans.

Nothing in the desk's process is touched from the test: the keys come through XTest (a person's at a person's pace,
the scanner's in bursts), and what happened is read back from the database the desk writes.
"""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from desk_app.core.model import Action, LogEntry
from desk_app.demo.build import demo_profile
from desk_app.service import open_desk, save_station
from tests.processes import DESK_APP
from tests.usb_keyboard import ScannerProcess
from tests.x_display import XDisplay, stop
from tests.xsession.conftest import DEMO_DAY, DEMO_MORNING, VERDICTS, Demo

SCANS = 10
PERSON_MS = 150  # a person's pace: far slower than a burst


def log_of(db: Path, *actions: Action) -> list[LogEntry]:
    with open_desk(db) as desk:
        return [e for e in desk.log_entries(date.fromisoformat(DEMO_DAY)) if e.record.action in actions]


def wait_for(condition: object, what: str, timeout_s: float = 30) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture
def desk_process(x_display: XDisplay, demo: Demo, tmp_path: Path) -> Iterator[Path]:
    """``desk-app gui`` on a copy of the demo database, its station set to a Belgian desk; the database's path."""
    db = tmp_path / "desk.sqlite"
    shutil.copy(demo.db, db)
    station = tmp_path / "station.toml"
    save_station(dataclasses.replace(demo_profile(db).station, keyboard_layout="be"), station)
    with open(tmp_path / "desk.log", "wb") as output:
        process = subprocess.Popen(
            [str(DESK_APP), "gui", "--db", str(db), "--now", DEMO_MORNING, "--station", str(station)],
            env=x_display.environ({"QT_QPA_PLATFORM": "xcb"} | _passed_on()),
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        yield db
    finally:
        stop(process, timeout_s=30)


def _passed_on() -> dict[str, str]:
    import os

    keep = ("PATH", "HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "LANG")
    return {name: os.environ[name] for name in keep if name in os.environ}


def test_the_desk_process_logs_in_and_takes_every_scan(
    desk_process: Path, x_display: XDisplay, scanner: ScannerProcess, demo: Demo
) -> None:
    db = desk_process
    time.sleep(3)  # the login window opens and takes the keyboard
    # The person types on the desk's own keyboard (the device plays a US one: the keymap matches it for this);
    # then the desk's Belgian keymap is set while the desk runs, and the US scanner scans through it.
    scanner.scan("counter1", delay_ms=PERSON_MS, end=("TAB",))
    scanner.scan("2481", delay_ms=PERSON_MS, end=("CR",))
    wait_for(lambda: log_of(db, Action.LOGIN), "the login")
    assert log_of(db, Action.LOGIN_FAILED) == []
    x_display.set_layout("be")
    time.sleep(2)  # the main window opens and takes the keyboard
    before = len(log_of(db, *VERDICTS))
    for number in range(1, SCANS + 1):
        scanner.scan(demo.codes[number], delay_ms=2)
        wait_for(lambda n=number: len(log_of(db, *VERDICTS)) - before >= n, f"the verdict of scan {number}")
    verdicts = log_of(db, *VERDICTS)[before:]
    assert [entry.record.reference for entry in verdicts] == [code.split(":")[4] for code in demo.codes[1 : SCANS + 1]]
    assert {entry.record.staff for entry in verdicts} == {"counter1"}
