"""A desk process killed in the middle of check-ins leaves the database and the chain consistent.

A worker checks people in as fast as it can and is killed with SIGKILL at a random moment, several times over
on the same database. After each kill: the chain verifies, SQLite's integrity check passes, and badges and log
agree exactly (every active badge has its ISSUE entry, every ISSUE entry its badge).
"""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desk_app.core.model import Action
from desk_app.store import open_store
from tests.conftest import FIRST_MORNING, make_application

WORKER = """
import sys
from datetime import datetime
from desk_app.core.clock import ShiftedClock
from desk_app.core.model import PresentedDocument, PresentedPress
from desk_app.service import DeskService, Station
from desk_app.service.startup import event_of
from desk_app.store import open_store

store = open_store(sys.argv[1])
desk = DeskService(store, event_of(store), ShiftedClock(datetime.fromisoformat(sys.argv[2])))
station = Station("groups", "G1", "anna")
print("ready", flush=True)
for i in range(1, 100000):
    desk.check_in(station, f"DM24-{i % 3000:06d}", PresentedDocument("C01X00T47"), PresentedPress("DJV-48213"))
"""


@pytest.fixture
def crowded_db(staffed_store, db_path: Path) -> Path:
    staffed_store.applications.upsert_many(
        [make_application(reference=f"DM24-{i:06d}") for i in range(3000)], "2024-02-01T00:00:00.000000Z"
    )
    staffed_store.close()
    return db_path


def test_kill_during_checkins_leaves_everything_consistent(crowded_db: Path, tmp_path: Path) -> None:
    rng = random.Random(7)
    script = tmp_path / "worker.py"
    script.write_text(WORKER)
    total_issued = 0
    for _round in range(5):
        worker = subprocess.Popen(
            [sys.executable, str(script), str(crowded_db), FIRST_MORNING.isoformat()],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert worker.stdout is not None and worker.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.2, 0.8))
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=10)
        worker.stdout.close()
        assert worker.returncode == -signal.SIGKILL

        conn = sqlite3.connect(crowded_db)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()
        with open_store(crowded_db) as store:
            report = store.log.verify()
            assert report.intact, report.problem
            issued_serials = {
                e.record.detail["serial"]
                for e in store.log.between(FIRST_MORNING.replace(year=2000), FIRST_MORNING.replace(year=2100))
                if e.record.action is Action.ISSUE
            }
            badge_serials = {r[0] for r in store._db.all("SELECT serial FROM badges")}
            assert issued_serials == badge_serials
            checkins = store._db.one("SELECT COUNT(*) FROM checkin_log WHERE action = 'CHECKIN'")[0]
            assert checkins >= len(badge_serials)
            assert len(badge_serials) >= total_issued
            total_issued = len(badge_serials)
    assert total_issued > 0, "the worker never got to issue a badge"
