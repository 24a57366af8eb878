"""Printing off the GUI thread: the screen stays live while the printer works; a broken printer is a message."""

from __future__ import annotations

import threading
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from desk_app.core.model import BadgeState
from desk_app.printing.base import JobState, PrintJob, PrintOutcome
from desk_app.service import DeskService
from desk_app.ui.checkin import Stage
from desk_app.ui.checkin.action_bar import PrintState
from desk_app.ui.scanners import WedgeFilter
from tests.conftest import store_of
from tests.gui import test_checkin as kit
from tests.gui.conftest import FakeClock
from tests.gui.test_checkin import (
    MUELLER,
    REVOKED,
    Counter,
    fill_id_check,
    focused,
    make_session,
    open_view,
    press,
    scan,
    scan_printout,
    wait_stage,
)

counter, listed_desk, office_key, wedge = kit.counter, kit.listed_desk, kit.office_key, kit.wedge


class SlowPrinter:
    """A printer that takes as long as the test wants: ``wait`` returns when ``release`` is set."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.waiting = threading.Event()
        self.threads: set[int] = set()

    def describe(self) -> str:
        return "slow test printer"

    def submit(self, pdf: bytes, title: str) -> PrintJob:
        self.threads.add(threading.get_ident())
        return PrintJob(title, "slow", 0.0)

    def wait(self, job: PrintJob, timeout_s: float) -> PrintOutcome:
        self.waiting.set()
        self.release.wait(10)
        return PrintOutcome(JobState.COMPLETED, "printed")


class BrokenPrinter:
    """A backend with a bug: it raises what no printer should."""

    def describe(self) -> str:
        return "broken test printer"

    def submit(self, pdf: bytes, title: str) -> PrintJob:
        raise RuntimeError("driver crashed")

    def wait(self, job: PrintJob, timeout_s: float) -> PrintOutcome:
        raise AssertionError("never sent")


def counter_with(
    qtbot: QtBot, printer: object, desk: DeskService, key: Ed25519PrivateKey, wedge: WedgeFilter, clock: FakeClock
) -> Counter:
    view, sounds = open_view(qtbot, make_session(desk, printer), wedge, clock)
    return Counter(view, desk, store_of(desk), key, Path(), clock, sounds, printer, wedge)  # type: ignore[arg-type]


def test_the_screen_stays_live_while_the_badge_prints(
    qtbot: QtBot, listed_desk: DeskService, office_key: Ed25519PrivateKey, wedge: WedgeFilter, fake_clock: FakeClock
) -> None:
    printer = SlowPrinter()
    counter = counter_with(qtbot, printer, listed_desk, office_key, wedge, fake_clock)
    view = counter.view
    try:
        scan_printout(qtbot, counter, MUELLER)
        fill_id_check(qtbot, counter, "C01X00T47", "DJV-48213")
        press(Qt.Key.Key_Return, fake_clock)
        qtbot.waitUntil(printer.waiting.is_set, timeout=10_000)
        qtbot.waitUntil(lambda: view.action_bar.print_state is PrintState.PRINTING, timeout=5000)
        assert view.action_bar.print_text == "Printing badge M-000001…"
        assert threading.get_ident() not in printer.threads  # printed off the GUI thread
        ticks: list[bool] = []
        QTimer.singleShot(1, lambda: ticks.append(True))
        qtbot.waitUntil(lambda: ticks == [True], timeout=2000)  # the event loop runs while the printer works
        press(Qt.Key.Key_Escape, fake_clock)  # the next person steps up
        assert view.stage is Stage.READY
        assert view.scan_bar.status.text() == "Badge M-000001 is still printing; its result will show here."
        scan_printout(qtbot, counter, REVOKED)  # looked up and refused meanwhile
        assert view.banner.content.state == "REFUSE"
        with qtbot.waitSignal(view.person_served, timeout=10_000) as served:
            printer.release.set()
        assert served.args == ["M-000001"]
        assert view.scan_bar.status.text() == "Badge M-000001 printed."
        assert view.banner.content.state == "REFUSE"  # the screen stays on the person in front
        badge = store_of(listed_desk).badges.active_for(MUELLER.reference)
        assert badge is not None and badge.state is BadgeState.ISSUED
    finally:
        printer.release.set()
        view.shutdown()


def test_a_printer_that_crashes_is_a_message_not_a_crash(
    qtbot: QtBot, listed_desk: DeskService, office_key: Ed25519PrivateKey, wedge: WedgeFilter, fake_clock: FakeClock
) -> None:
    counter = counter_with(qtbot, BrokenPrinter(), listed_desk, office_key, wedge, fake_clock)
    view = counter.view
    try:
        scan_printout(qtbot, counter, MUELLER)
        fill_id_check(qtbot, counter, "C01X00T47", "DJV-48213")
        press(Qt.Key.Key_Return, fake_clock)
        wait_stage(qtbot, view, Stage.PRINT_FAILED)
        assert "driver crashed" in view.banner.content.lines[0]
        assert "The person has NOT been served and has no badge." in view.banner.content.lines
        assert focused() is view.action_bar.retry_button
    finally:
        view.shutdown()


def test_shortcuts_reach_the_search_and_the_camera(qtbot: QtBot, counter: Counter) -> None:
    view = counter.view
    scan_printout(qtbot, counter, MUELLER)
    assert focused() is view.id_check.number_edit
    counter.clock.advance(300)
    QTest.keyClick(focused(), Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert focused() is view.scan_bar.field
    QTest.keyClick(focused(), Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert "No camera found" in view.scan_bar.status.text()
    scan("DM24-000002", counter.clock)
    wait_stage(qtbot, view, Stage.VERDICT)
