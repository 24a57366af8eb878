"""Benchmarks of the check-in screen itself: scan to verdict through the GUI, and start to ready.

Scan to verdict: a signed confirmation code typed as key events (as a USB scanner types it) through the real
keyboard-wedge filter into the shown ``CheckinView``, until the banner shows the verdict and has been painted. The
people scanned are drawn at random from an imported list of 100,000 (10,000 with ``--quick``), so the mix is the
list's: most are eligible (the banner asks for the ID check; the scan is logged as a lookup), the others are refused
or redirected at once (decided and logged as a check-in). Either way one ``DeskService.scan``: one transaction, one
durable write. Start to ready: a fresh
Python process that opens the database, builds the screen and shows it, until it waits for a scan.

Runs offscreen (``QT_QPA_PLATFORM=offscreen`` unless set) and silently: Qt's messages are swallowed, nothing goes
to stderr. Sounds are off (``SilentSounds``): playing one is asynchronous anyway.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QEventLoop, QMessageLogContext, Qt, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from bench.foundation import MORNING, Figure, fresh_store, percentile
from desk_app.core.codes import sign_code
from desk_app.core.model import AccreditationKind, Role, StaffMember
from desk_app.demo.generator import generate_rows, write_csv
from desk_app.intake.importer import import_list
from desk_app.printing.folder import PdfFolderPrinter
from desk_app.service import DeskService
from desk_app.service.journal import Journal
from desk_app.service.keys import install_verify_key, load_signing_key, new_key_pair
from desk_app.service.startup import event_of
from desk_app.service.station import StationConfig
from desk_app.store import open_store
from desk_app.ui.checkin import CheckinView
from desk_app.ui.checkin.sounds import SilentSounds
from desk_app.ui.scanners import WedgeFilter
from desk_app.ui.session import DeskSession

SCAN_TARGET_MS = 50
READY_TARGET_S = 2.0
STAFF = "bench"
READY_LINE = "ready"


class SteadyClock:
    """The event's first morning, standing still: every check-in is inside the issuing hours."""

    def now(self) -> datetime:
        return MORNING.replace(hour=9)


def _swallow(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's messages (the offscreen platform's remarks) are not the benchmark's output."""


@contextmanager
def quiet_qt() -> Iterator[None]:
    previous = qInstallMessageHandler(_swallow)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


def build_database(folder: Path, rows: int, scans: int) -> tuple[Path, int, list[str]]:
    """The imported list (photos left out: they would measure Pillow), staff, and the office's verify key.

    Returns the database, the number of applications, and ``scans`` signed codes of people drawn at random.
    """
    csv_path = folder / "list.csv"
    generated = generate_rows(rows, seed=1)
    write_csv([{**row, "photo": ""} for row in generated], csv_path)
    signing, verify = new_key_pair(folder / "keys")
    key = load_signing_key(signing)
    with fresh_store(folder, "gui") as store:
        import_list(store, csv_path, MORNING)
        store.staff.add(StaffMember(STAFF, "Bench Counter", Role.COUNTER), "2468", MORNING)
        install_verify_key(store, Journal(store, SteadyClock()), verify)
        event = event_of(store)
    assert event is not None
    drawn = random.Random(7).choices(generated, k=scans)
    codes = [sign_code(key, event.id, row["reference"], AccreditationKind(row["kind"])) for row in drawn]
    return folder / "gui.sqlite", len(generated), codes


def open_session(db: Path, out: Path) -> DeskSession:
    store = open_store(db)
    event = event_of(store)
    assert event is not None
    desk = DeskService(store, event, SteadyClock())
    member = store.staff.get(STAFF)
    assert member is not None
    return DeskSession(desk, desk.issuer(PdfFolderPrinter(out)), StationConfig("groups", "G1"), member)


def show_ready(app: QApplication, db: Path, out: Path) -> CheckinView:
    """The check-in screen on ``db``, shown, active and waiting for a scan."""
    view = CheckinView(open_session(db, out), sounds=SilentSounds())
    view.resize(1366, 768)
    view.show()
    view.activateWindow()
    deadline = time.monotonic() + 10
    while not view.ready and time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)
    return view


def _type_burst(text: str) -> QWidget:
    """A USB scanner's keystrokes, back to back (Enter apart); returns the widget they went to."""
    target = QApplication.focusWidget()
    assert target is not None
    for char in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, target, Qt.Key(ord(char.upper())), char, Qt.KeyboardModifier.NoModifier
        )
    return target


@dataclass(frozen=True)
class ScanTimings:
    """Per scan: ms from the first key to the verdict painted, ms from Enter to it, and the verdict shown."""

    total: list[float]
    after_enter: list[float]
    states: list[str]

    def mix(self) -> str:
        return ", ".join(f"{state} {self.states.count(state)}" for state in sorted(set(self.states)))


def time_scans(
    app: QApplication,
    view: CheckinView,
    codes: list[str],
    type_burst: Callable[[str], object],
    press_enter: Callable[[], object],
) -> ScanTimings:
    """Each code typed by ``type_burst``, then ``press_enter``, through a real keyboard-wedge filter, until the
    banner shows the verdict and has been painted."""
    wedge = WedgeFilter(max_gap_ms=40, min_length=6)
    app.installEventFilter(wedge)
    view.attach_scanner(wedge)
    shown: list[str] = []
    loop = QEventLoop()
    view.verdict_shown.connect(shown.append)
    view.verdict_shown.connect(loop.quit)
    give_up = QTimer()  # one timer, stopped after each wait: a stale one would end a later scan's wait early
    give_up.setSingleShot(True)
    give_up.timeout.connect(loop.quit)
    timings = ScanTimings([], [], [])
    try:
        for code in codes:
            view.reset()
            app.processEvents()
            shown.clear()
            start = time.perf_counter()
            type_burst(code)
            enter = time.perf_counter()
            press_enter()
            if not shown:
                give_up.start(10_000)
                loop.exec()
                give_up.stop()
            app.processEvents()  # the banner's paint
            end = time.perf_counter()
            timings.total.append((end - start) * 1000)
            timings.after_enter.append((end - enter) * 1000)
            timings.states.append(shown[0] if shown else "none")
    finally:
        app.removeEventFilter(wedge)
    return timings


def bench_scan_to_verdict(app: QApplication, db: Path, applications: int, codes: list[str], out: Path) -> Figure:
    view = show_ready(app, db, out)
    try:
        timings = time_scans(
            app, view, codes, _type_burst, lambda: QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        )
    finally:
        view.shutdown()
        view.close()
        view.deleteLater()
        app.processEvents()
    total, after_enter = timings.total, timings.after_enter
    p95 = percentile(total, 0.95)
    return Figure(
        f"scan to verdict in the GUI at {applications:,} applications (key events in, banner painted)",
        p95,
        "ms p95",
        f"< {SCAN_TARGET_MS} ms",
        p95 < SCAN_TARGET_MS and "none" not in timings.states,
        f"p50 {statistics.median(total):.1f} ms; from the scanner's Enter: p50 {statistics.median(after_enter):.1f} "
        f"ms, p95 {percentile(after_enter, 0.95):.1f} ms; {len(codes)} scans of {len(codes[0])}-character codes "
        f"({timings.mix()})",
    )


def bench_start_to_ready(db: Path, out: Path, runs: int) -> Figure:
    """A new process: Python, Qt, the database, the screen shown and waiting for a scan."""
    seconds = []
    for _ in range(runs):
        child = subprocess.run(
            [sys.executable, "-m", "bench.gui", str(db), str(out)],
            cwd=Path(__file__).resolve().parents[1],
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")},
        )
        if READY_LINE not in child.stdout.split():
            return Figure("start to ready of the check-in screen", float("nan"), "s", "< 2 s", False, "did not start")
        seconds.append(float(child.stdout.split()[-1]))
    median = statistics.median(seconds)
    return Figure(
        "start to ready of the check-in screen (new process: Python, Qt, database, screen shown)",
        median,
        f"s (median of {runs})",
        f"< {READY_TARGET_S:g} s",
        median < READY_TARGET_S,
        f"{db.stat().st_size / 2**20:.0f} MB database",
    )


def run_all(quick: bool = False) -> list[Figure]:
    rows, scans, runs = (10_000, 200, 1) if quick else (100_000, 1_000, 3)
    with quiet_qt(), tempfile.TemporaryDirectory(prefix="desk-bench-gui-") as tmp:
        folder = Path(tmp)
        db, applications, codes = build_database(folder, rows, scans)
        app = QApplication.instance() or QApplication([])
        assert isinstance(app, QApplication)
        figures = [bench_scan_to_verdict(app, db, applications, codes, folder / "out")]
        figures.append(bench_start_to_ready(db, folder / "out", runs))
    return figures


def _ready_probe(db: Path, out: Path) -> None:
    """The child of ``bench_start_to_ready``: prints 'ready' and the seconds since the process started."""
    started = time.time() - _process_age_s()
    with quiet_qt():
        app = QApplication([])
        view = show_ready(app, db, out)
        ready = view.ready
        elapsed = time.time() - started
        view.shutdown()
    print(READY_LINE if ready else "not-ready", f"{elapsed:.3f}")


def _process_age_s() -> float:
    """How long this process has run (from /proc), so interpreter start-up counts too."""
    try:
        ticks = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19])
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return uptime - ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return time.process_time()


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print("usage: python -m bench.gui DATABASE PDF_FOLDER  (the start-to-ready probe; make bench runs it)")
        raise SystemExit(2)
    _ready_probe(Path(sys.argv[1]), Path(sys.argv[2]))
