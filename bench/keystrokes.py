"""Keystrokes and actions per happy-path check-in, counted by driving the real check-in screen.

A counter with a USB scanner and a passport reader: the scanner types the printout's signed code, the reader types
the passport's zone, then the clerk types what is asked, into wherever the cursor is (the screen must have put it
in the right place), until the badge has printed. The clerk's part is the last four characters of the press card,
a look at the face (one second), and Enter on "Face matches the photo". Every person is one of the generated list's
approved ministerial applicants with a press card, at the Groups entrance; a check-in counts only when the badge
printed and the log says ISSUE. The same without a passport reader (the document number typed, then Tab) is given
for comparison.

Key events go through the real keyboard-wedge filter, devices in bursts, the clerk's keys 60 ms apart.
"""

from __future__ import annotations

import gc
import random
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from bench.foundation import Figure
from bench.gui import build_database, open_session, quiet_qt
from bench.mrz import td3
from desk_app.core.model import AccreditationKind, Application, Status
from desk_app.core.text import document_number_key, name_forms
from desk_app.ui.checkin import CheckinView, Stage
from desk_app.ui.checkin.sounds import SilentSounds
from desk_app.ui.scanners import WedgeFilter

MAX_ACTIONS = 4  # scan, passport swipe, press card's last four, Enter
MAX_KEYSTROKES = 8  # besides the devices
PERSON_GAP_MS = 60  # a person's keys: well apart, so the wedge filter gives them to the field
FACE_LOOK_S = 1.0  # the clerk looks from the card to the face before the Enter that confirms it


@dataclass
class Count:
    """What one check-in took: device actions, the clerk's steps and keystrokes, and whether it issued."""

    actions: int = 0
    keystrokes: int = 0
    issued: bool = False


class Counter:
    """The check-in screen, shown, with a wedge filter; devices and a clerk that count what they do."""

    def __init__(self, app: QApplication, view: CheckinView) -> None:
        self.app, self.view = app, view
        self.wedge = WedgeFilter(max_gap_ms=40, min_length=6)
        app.installEventFilter(self.wedge)
        view.attach_scanner(self.wedge)

    def close(self) -> None:
        """The screen deleted here, on the GUI thread: left to Python's garbage collector, it could be destroyed on
        whatever thread next allocates (a camera's decoder), which Qt does not survive."""
        self.app.removeEventFilter(self.wedge)
        self.view.shutdown()
        self.view.close()
        self.view.deleteLater()
        self.wedge.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()

    def device(self, count: Count, text: str) -> None:
        """A scanner or passport reader: each line a burst and its Enter, as one action."""
        count.actions += 1
        for line in text.splitlines():
            target = QApplication.focusWidget()
            assert target is not None
            for char in line:
                QTest.sendKeyEvent(
                    QTest.KeyAction.Click, target, Qt.Key(ord(char.upper())), char, Qt.KeyboardModifier.NoModifier
                )
            QTest.keyClick(target, Qt.Key.Key_Return)
        self.app.processEvents()

    def clerk(self, count: Count, keys: str | Qt.Key) -> None:
        """The clerk's step: characters typed, or one key, into whatever has the keyboard focus."""
        count.actions += 1
        for key in [keys] if isinstance(keys, Qt.Key) else list(keys):
            count.keystrokes += 1
            QTest.qWait(PERSON_GAP_MS)
            target = QApplication.focusWidget()
            assert target is not None
            QTest.keyClick(target, key)
        QTest.qWait(PERSON_GAP_MS)

    def wait_for(self, *stages: Stage) -> bool:
        return wait_until(lambda: self.view.stage in stages)


def wait_until(condition: Callable[[], bool], timeout_s: float = 10.0) -> bool:
    """Let Qt work until ``condition`` holds (True) or the time is up (False)."""
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            return False
        QTest.qWait(5)
    return True


def check_in(counter: Counter, code: str, person: Application, *, reader: bool) -> Count:
    """One person, from the scan to the badge printed; returns what it took."""
    count, view = Count(), counter.view
    view.reset()
    counter.device(count, code)
    if not counter.wait_for(Stage.CHECKING):
        return count
    if reader:
        counter.device(count, zone(person))
    else:
        counter.clerk(count, person.document.number)
        counter.clerk(count, Qt.Key.Key_Tab)
    counter.clerk(count, document_number_key(person.press.card_number)[-4:])  # the last four letters and digits
    wait_until(lambda: False, FACE_LOOK_S)
    counter.clerk(count, Qt.Key.Key_Return)
    count.issued = counter.wait_for(Stage.SERVED) and view.session.desk.active_badge(person.reference) is not None
    return count


def zone(person: Application) -> str:
    """The person's passport zone as a reader types it."""
    name = f"{min(name_forms(person.family_name))}<<{min(name_forms(person.given_names))}"
    document = person.document
    return td3(name, document.number, person.nationality, person.date_of_birth, document.expiry)


def eligible(view: CheckinView, references: set[str]) -> list[Application]:
    """The people the Groups desk serves at once: approved ministerial applicants with a press card, no badge."""
    desk, found = view.session.desk, []
    for reference in sorted(references):
        app = desk.application(reference)
        if (
            app is not None
            and app.kind is AccreditationKind.MINISTERIAL
            and app.status is Status.APPROVED
            and app.press.card_number
            and len(app.press.card_number) > 4
            and app.document.expiry >= date(2025, 1, 1)
            and desk.active_badge(reference) is None
        ):
            found.append(app)
    return found


def run_all(quick: bool = False) -> list[Figure]:
    return measure(10 if quick else 40)


def measure(people: int) -> list[Figure]:
    """``people`` check-ins with a passport reader, as many without; a figure for each way."""
    with quiet_qt(), tempfile.TemporaryDirectory(prefix="desk-bench-keys-") as tmp:
        folder = Path(tmp)
        db, _, codes = build_database(folder, 2_000, 3_000)
        code_of = {code.split(":")[4]: code for code in codes}  # C1:KEY:EVENT:KIND:REFERENCE:SIGNATURE
        app = QApplication.instance() or QApplication([])
        assert isinstance(app, QApplication)
        counts: dict[bool, list[Count]] = {}
        for reader in (True, False):
            session = open_session(db, folder / "out")
            session = replace(session, config=replace(session.config, passport_reader=reader))
            view = CheckinView(session, sounds=SilentSounds())
            view.resize(1366, 720)
            view.show()
            view.activateWindow()
            wait_until(lambda view=view: view.ready)
            counter = Counter(app, view)
            try:
                chosen = random.Random(11 + reader).sample(eligible(view, set(code_of)), people)
                counts[reader] = [
                    check_in(counter, code_of[person.reference], person, reader=reader) for person in chosen
                ]
            finally:
                counter.close()
    return [_figure(counts[True], reader=True), _figure(counts[False], reader=False)]


def _figure(counts: list[Count], *, reader: bool) -> Figure:
    issued = sum(count.issued for count in counts)
    actions = max(count.actions for count in counts)
    keystrokes = max(count.keystrokes for count in counts)
    if reader:
        return Figure(
            "keystrokes and actions per happy-path check-in (scanner and passport reader)",
            keystrokes,
            f"keystrokes, {actions} actions",
            f"<= {MAX_KEYSTROKES} keystrokes, <= {MAX_ACTIONS} actions",
            issued == len(counts) and keystrokes <= MAX_KEYSTROKES and actions <= MAX_ACTIONS,
            f"{issued} of {len(counts)} badges issued and printed; scan, zone, last four of the press card, Enter",
        )
    return Figure(
        "keystrokes and actions per happy-path check-in (scanner, no passport reader)",
        keystrokes,
        f"keystrokes, {actions} actions",
        "for comparison",
        issued == len(counts),
        f"{issued} of {len(counts)} badges issued and printed; scan, document number, Tab, last four, Enter",
    )
