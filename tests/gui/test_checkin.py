"""The check-in screen driven as staff drive it: scans typed as key events through the real keyboard-wedge filter, the
ID check typed and ticked from the keyboard, Enter, and a badge PDF printed into a folder, on a real SQLite store.

The fixtures and helpers here are shared by the other ``test_checkin_*`` modules (they import them).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from bench.mrz import td3
from desk_app.core.codes import sign_code
from desk_app.core.event import EventConfig
from desk_app.core.model import (
    AccreditationKind,
    Action,
    Application,
    BadgeState,
    PressCredential,
    Status,
)
from desk_app.demo.photos import portrait_jpeg
from desk_app.printing.base import JobState, PrintJob, PrintOutcome
from desk_app.printing.folder import PdfFolderPrinter
from desk_app.service import DeskService
from desk_app.service.journal import Journal
from desk_app.service.keys import install_verify_key, load_signing_key, new_key_pair
from desk_app.service.station import StationConfig
from desk_app.store import Store
from desk_app.store.applications import Photo
from desk_app.ui.checkin import CheckinView, Stage
from desk_app.ui.checkin.id_check_panel import Mark
from desk_app.ui.checkin.sounds import Cue, SilentSounds
from desk_app.ui.checkin.view import FACE_LOOK_MS
from desk_app.ui.scanners import WedgeFilter
from desk_app.ui.session import DeskSession
from tests.conftest import FIRST_MORNING, SUPERVISOR_PIN, FixedClock, make_application, store_of
from tests.gui.conftest import FakeClock

MUELLER = make_application(reference="DM24-000001")
REVOKED = make_application(reference="DM24-000002", family_name="Petrova", given_names="Anna", status=Status.REVOKED)
ANNUAL = make_application(
    reference="AN24-000003", kind=AccreditationKind.ANNUAL, family_name="Dupont", given_names="Claire"
)
LETTER = make_application(
    reference="DM24-000004",
    family_name="Ó Súilleabháin",
    given_names="Siobhán",
    press=PressCredential(editor_letter=True),
)
PEOPLE = (MUELLER, REVOKED, ANNUAL, LETTER)
MUELLER_ZONE = td3("MUELLER<<JUERGEN<KARL", "C01X00T47", "D", date(1981, 3, 9), date(2031, 8, 1))


# --- fixtures -------------------------------------------------------------------------------------------------


@dataclass
class Counter:
    """Everything a test at the counter needs."""

    view: CheckinView
    desk: DeskService
    store: Store
    key: Ed25519PrivateKey
    out: Path
    clock: FakeClock
    sounds: SilentSounds
    printer: SwitchablePrinter
    wedge: WedgeFilter

    def code(self, application: Application) -> str:
        return sign_code(self.key, self.desk.event.id, application.reference, application.kind)

    def log(self, reference: str) -> list[tuple[str, str]]:
        return [(e.record.action.value, e.record.outcome) for e in self.store.log.for_reference(reference)]


class SwitchablePrinter:
    """A fake printer: writes PDFs to a folder like the real folder backend, or fails as a card printer out of cards
    does (the job is accepted, then ends FAILED)."""

    def __init__(self, folder: Path) -> None:
        self.real = PdfFolderPrinter(folder)
        self.failing = False

    def describe(self) -> str:
        return "test printer"

    def submit(self, pdf: bytes, title: str) -> PrintJob:
        return self.real.submit(pdf, title) if not self.failing else PrintJob(title, "test", 0.0)

    def wait(self, job: PrintJob, timeout_s: float) -> PrintOutcome:
        if self.failing:
            return PrintOutcome(JobState.FAILED, "the printer is out of cards")
        return self.real.wait(job, timeout_s)


def add_people(store: Store, people: tuple[Application, ...] = PEOPLE) -> None:
    photos = {}
    listed = []
    for person in people:
        data = portrait_jpeg(person.reference, (180, 225))
        sha = hashlib.sha256(data).hexdigest()
        photos[sha] = Photo(sha, "image/jpeg", data)
        listed.append(replace(person, photo_sha256=sha))
    store.applications.put_photos(photos.values())
    store.applications.upsert_many(listed, "2024-02-01T00:00:00Z")


def make_session(desk: DeskService, printer: object, staff: str = "anna", entrance: str = "groups") -> DeskSession:
    member = store_of(desk).staff.get(staff)
    assert member is not None
    return DeskSession(desk, desk.issuer(printer), StationConfig(entrance, "G1"), member)  # type: ignore[arg-type]


@pytest.fixture
def office_key(staffed_store: Store, tmp_path: Path) -> Ed25519PrivateKey:
    signing, verify = new_key_pair(tmp_path / "keys")
    install_verify_key(staffed_store, Journal(staffed_store, FixedClock(FIRST_MORNING)), verify)
    return load_signing_key(signing)


@pytest.fixture
def listed_desk(
    staffed_store: Store, event: EventConfig, clock: FixedClock, office_key: Ed25519PrivateKey
) -> DeskService:
    add_people(staffed_store)
    return DeskService(staffed_store, event, clock)  # after the key: a desk reads its verify keys when it starts


@pytest.fixture
def wedge(qapp: QApplication, fake_clock: FakeClock) -> Iterator[WedgeFilter]:
    scanner = WedgeFilter(clock=fake_clock, max_gap_ms=40, min_length=6)
    qapp.installEventFilter(scanner)
    yield scanner
    qapp.removeEventFilter(scanner)


def open_view(
    qtbot: QtBot, session: DeskSession, wedge: WedgeFilter, clock: FakeClock
) -> tuple[CheckinView, SilentSounds]:
    sounds = SilentSounds()
    view = CheckinView(session, sounds=sounds, clock=clock)
    view.attach_scanner(wedge)
    qtbot.addWidget(view)
    view.resize(1366, 800)
    with qtbot.waitActive(view):
        view.show()
        view.activateWindow()
    view.scan_bar.field.setFocus()
    return view, sounds


@pytest.fixture
def counter(
    qtbot: QtBot,
    listed_desk: DeskService,
    office_key: Ed25519PrivateKey,
    wedge: WedgeFilter,
    fake_clock: FakeClock,
    tmp_path,
) -> Iterator[Counter]:
    printer = SwitchablePrinter(tmp_path / "out")
    view, sounds = open_view(qtbot, make_session(listed_desk, printer), wedge, fake_clock)
    yield Counter(
        view, listed_desk, store_of(listed_desk), office_key, tmp_path / "out", fake_clock, sounds, printer, wedge
    )
    view.shutdown()


# --- driving the screen from the keyboard ---------------------------------------------------------------------


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def key_click(char: str) -> None:
    """One key with its text into the focused widget, any character."""
    key = Qt.Key(ord(char.upper())) if char.isascii() and char.isprintable() else Qt.Key.Key_unknown
    QTest.sendKeyEvent(QTest.KeyAction.Click, focused(), key, char, Qt.KeyboardModifier.NoModifier)


def scan(text: str, clock: FakeClock) -> None:
    """A keyboard-wedge scanner's burst (4 ms a key on the fake clock, then Enter), wherever the focus is."""
    for line in text.splitlines():
        for char in line:
            clock.advance(4)
            key_click(char)
        clock.advance(4)
        QTest.keyClick(focused(), Qt.Key.Key_Return)


def type_text(qtbot: QtBot, text: str, clock: FakeClock) -> None:
    """A person typing into the focused widget: 150 ms a key, so the wedge filter gives every key back."""
    widget = focused()
    for char in text:
        clock.advance(150)
        key_click(char)
    qtbot.waitUntil(lambda: getattr(widget, "text", lambda: text)().endswith(text[-1:]), timeout=2000)


def press(key: Qt.Key, clock: FakeClock) -> None:
    """A person pressing one key (after a pause)."""
    clock.advance(300)
    QTest.keyClick(focused(), key)


def tick(qtbot: QtBot, counter: Counter) -> None:
    """Space on the focused box: the wedge filter holds a printable key for one gap before giving it back."""
    press(Qt.Key.Key_Space, counter.clock)
    qtbot.waitUntil(lambda: counter.wedge.holding == "", timeout=2000)


def wait_stage(qtbot: QtBot, view: CheckinView, *stages: Stage) -> None:
    qtbot.waitUntil(lambda: view.stage in stages, timeout=10_000)


def scan_printout(qtbot: QtBot, counter: Counter, person: Application) -> None:
    scan(counter.code(person), counter.clock)
    wait_stage(qtbot, counter.view, Stage.CHECKING, Stage.VERDICT, Stage.PROBLEM)


def fill_id_check(qtbot: QtBot, counter: Counter, number: str, card: str | None) -> None:
    """Type the document number and the press card (or tick the editor's letter), tick the face: all by keys."""
    view, clock = counter.view, counter.clock
    assert focused() is view.id_check.number_edit
    type_text(qtbot, number, clock)
    press(Qt.Key.Key_Tab, clock)
    assert focused() is view.id_check.press_edit
    if card is not None:
        type_text(qtbot, card, clock)
        if focused() is not view.id_check.face_ok:  # a card that matches sends the cursor there by itself
            press(Qt.Key.Key_Tab, clock)
            press(Qt.Key.Key_Tab, clock)
    else:
        press(Qt.Key.Key_Tab, clock)
        tick(qtbot, counter)  # the editor's letter
        press(Qt.Key.Key_Tab, clock)
    assert focused() is view.id_check.face_ok
    tick(qtbot, counter)


# --- the happy path -------------------------------------------------------------------------------------------


def test_the_screen_starts_ready_with_large_type(counter: Counter) -> None:
    view = counter.view
    assert view.ready
    assert view.banner.content.state == "READY"
    assert view.applicant.font().pointSize() >= 14 and view.id_check.font().pointSize() >= 14
    assert view.banner.title.font().pointSize() >= 22 and not view.banner.loud
    for widget in (
        view.scan_bar.field,
        view.id_check.number_edit,
        view.id_check.press_edit,
        view.id_check.face_ok,
        view.id_check.zone_edit,
        view.action_bar.issue_button,
        view.banner,
    ):
        assert widget.accessibleName(), widget


def test_scan_check_enter_prints_the_badge_and_logs_it(qtbot: QtBot, counter: Counter) -> None:
    view = counter.view
    shown = []
    view.verdict_shown.connect(shown.append)
    with qtbot.waitSignal(view.verdict_shown, timeout=10_000):
        scan(counter.code(MUELLER), counter.clock)
    assert view.stage is Stage.CHECKING and shown == ["CHECK_ID"]
    assert view.applicant.family.text() == "MÜLLER"
    assert view.applicant.photo.pixmap() is not None and not view.applicant.photo.pixmap().isNull()
    assert "signed code, verified" in view.applicant.values["reference"].text()
    assert view.banner.content.note == ""  # a verified code: nothing to warn about
    fill_id_check(qtbot, counter, "C01X00T47", "DJV-48213")
    assert view.id_check.marks["number"].mark is Mark.MATCH
    assert view.id_check.marks["press"].mark is Mark.MATCH
    with qtbot.waitSignal(view.person_served, timeout=10_000) as served:
        press(Qt.Key.Key_Return, counter.clock)
    serial = served.args[0]
    assert view.stage is Stage.SERVED
    assert shown == ["CHECK_ID", "ISSUE"]
    assert f"Badge {serial} printed: hand it over." in view.banner.content.lines
    assert [p.name for p in counter.out.glob("*.pdf")] == [f"{serial}-1.pdf"]
    assert counter.log(MUELLER.reference) == [("LOOKUP", ""), ("CHECKIN", "ISSUE"), ("PRINT", ""), ("ISSUE", "ISSUE")]
    badge = counter.store.badges.active_for(MUELLER.reference)
    assert badge is not None and badge.state is BadgeState.ISSUED and badge.serial == serial
    assert counter.sounds.played == [Cue.SCANNED, Cue.ISSUE]
    press(Qt.Key.Key_Escape, counter.clock)
    assert view.ready and view.applicant.application is None and view.id_check.number_edit.text() == ""


# --- verdicts at the scan -------------------------------------------------------------------------------------


def test_a_revoked_accreditation_is_refused_with_the_reason_in_words(qtbot: QtBot, counter: Counter) -> None:
    scan_printout(qtbot, counter, REVOKED)
    view = counter.view
    assert (view.stage, view.banner.content.state, view.banner.content.title) == (Stage.VERDICT, "REFUSE", "REFUSED")
    assert view.banner.content.lines == (
        "Call a supervisor or security now; keep the printout and do not argue.",
        "The accreditation was revoked.",
        "No badge.",
    )
    assert not view.id_check.isEnabled() and not view.action_bar.issue_button.isEnabled()
    assert counter.log(REVOKED.reference) == [("CHECKIN", "REFUSE")]
    assert counter.sounds.played == [Cue.REFUSE]
    press(Qt.Key.Key_Return, counter.clock)  # Enter does not turn a refusal into a badge
    assert counter.log(REVOKED.reference) == [("CHECKIN", "REFUSE")]


def test_a_redirect_names_the_other_entrance_and_the_way(qtbot: QtBot, counter: Counter) -> None:
    scan_printout(qtbot, counter, ANNUAL)
    content = counter.view.banner.content
    assert (content.state, content.title) == ("REDIRECT", "WRONG ENTRANCE")
    assert "Send them to the Visitors entrance." in content.lines
    assert counter.desk.event.entrances["visitors"].directions in content.lines
    assert counter.sounds.played == [Cue.REDIRECT]


def test_already_issued_says_when_where_and_by_whom(qtbot: QtBot, counter: Counter) -> None:
    scan_printout(qtbot, counter, MUELLER)
    fill_id_check(qtbot, counter, "C01X00T47", "DJV-48213")
    press(Qt.Key.Key_Return, counter.clock)
    wait_stage(qtbot, counter.view, Stage.SERVED)
    press(Qt.Key.Key_Escape, counter.clock)
    scan_printout(qtbot, counter, MUELLER)
    content = counter.view.banner.content
    assert content.state == "REFUSE" and "A badge was already issued." in content.lines
    assert "Badge M-000001 was issued on 14 Feb 09:00 at the Groups entrance, desk G1, by Anna Counter (anna)." in (
        content.lines
    )


def test_the_same_printout_scanned_again_at_the_id_check_changes_nothing(qtbot: QtBot, counter: Counter) -> None:
    scan_printout(qtbot, counter, MUELLER)
    fill_id_check(qtbot, counter, "C01X00T47", "DJV-48213")
    scan(counter.code(MUELLER), counter.clock)
    assert counter.view.stage is Stage.CHECKING and counter.view.id_check.number_edit.text() == "C01X00T47"
    assert counter.view.scan_bar.status.text() == "That printout is the one on screen."
    assert counter.view.controller.wait_idle()
    assert counter.log(MUELLER.reference) == [("LOOKUP", "")]


def test_a_barcode_that_is_no_printout_leaves_the_person_on_screen(qtbot: QtBot, counter: Counter) -> None:
    scan_printout(qtbot, counter, MUELLER)
    scan("PRESS CARD 0042 BELGA", counter.clock)
    assert counter.view.stage is Stage.CHECKING and counter.view.applicant.application is not None
    assert "not a confirmation code" in counter.view.scan_bar.status.text()
    assert counter.view.controller.wait_idle()
    assert counter.log(MUELLER.reference) == [("LOOKUP", "")]


def test_a_check_in_cleared_or_replaced_at_the_id_check_is_logged_as_abandoned(qtbot: QtBot, counter: Counter) -> None:
    scan_printout(qtbot, counter, MUELLER)
    press(Qt.Key.Key_Escape, counter.clock)
    scan_printout(qtbot, counter, MUELLER)
    scan_printout(qtbot, counter, ANNUAL)  # the next person: redirected at once, nothing left pending after
    press(Qt.Key.Key_Escape, counter.clock)
    assert counter.view.controller.wait_idle()
    abandoned = [
        e.record.detail["by"]
        for e in counter.store.log.for_reference(MUELLER.reference)
        if e.record.action.value == "ABANDONED"
    ]
    assert abandoned == ["cleared", "next person"]
    assert counter.log(ANNUAL.reference) == [("CHECKIN", "REDIRECT")]


def test_a_garbled_scan_is_refused_not_a_crash(qtbot: QtBot, counter: Counter) -> None:
    forged = counter.code(MUELLER).replace("DM24-000001", "DM24-000009")
    scan(forged, counter.clock)
    wait_stage(qtbot, counter.view, Stage.VERDICT)
    assert counter.view.banner.content.lines[:2] == (
        "Call a supervisor or security now; keep the printout and do not argue.",
        "The code on the printout is not genuine (possible forgery).",
    )


def test_staff_not_allowed_at_this_entrance_get_a_message(
    qtbot: QtBot, listed_desk: DeskService, wedge: WedgeFilter, fake_clock: FakeClock, tmp_path: Path
) -> None:
    session = make_session(listed_desk, PdfFolderPrinter(tmp_path), staff="paul")  # pass-office staff at Groups
    view, _ = open_view(qtbot, session, wedge, fake_clock)
    try:
        scan("DM24-000001", fake_clock)
        wait_stage(qtbot, view, Stage.PROBLEM)
        assert view.banner.content.title == "CANNOT CHECK IN"
        assert "works at the Visitors entrance" in view.banner.content.lines[0]
    finally:
        view.shutdown()


# --- the ID check ---------------------------------------------------------------------------------------------


def test_the_face_is_the_clerk_s_own_step(qtbot: QtBot, counter: Counter) -> None:
    scan_printout(qtbot, counter, MUELLER)
    view = counter.view
    type_text(qtbot, "C01X00T47", counter.clock)
    press(Qt.Key.Key_Tab, counter.clock)
    type_text(qtbot, "DJV-48213", counter.clock)
    # the card matches: the cursor goes on to the face, which only the clerk can check
    assert view.stage is Stage.CHECKING and focused() is view.id_check.face_ok
    assert view.action_bar.prompt.text() == ""
    assert view.scan_bar.status.text() == "Now the face: Enter if it matches."
    view.id_check.number_edit.setFocus()
    press(Qt.Key.Key_Return, counter.clock)  # Enter anywhere else: back to the face, nothing issued
    assert view.stage is Stage.CHECKING and focused() is view.id_check.face_ok
    assert counter.log(MUELLER.reference) == [("LOOKUP", "")]  # the scan only: no check-in asked of the desk


def test_a_face_that_does_not_match_stops_the_check_in(qtbot: QtBot, counter: Counter) -> None:
    scan_printout(qtbot, counter, MUELLER)
    view = counter.view
    shown = []
    view.verdict_shown.connect(shown.append)
    view.id_check.face_wrong.setFocus()
    tick(qtbot, counter)
    assert view.banner.content.state == "NEEDS_SUPERVISOR" and shown == ["NEEDS_SUPERVISOR"]
    assert "The face does not match the photo." in view.banner.content.lines
    press(Qt.Key.Key_Return, counter.clock)
    assert counter.log(MUELLER.reference) == [("LOOKUP", "")] and view.stage is Stage.CHECKING
    view.id_check.face_ok.setFocus()  # a supervisor has seen the person
    tick(qtbot, counter)
    assert view.banner.content.state == "CHECK_ID" and not view.id_check.face_rejected


def test_a_face_that_does_not_match_is_logged_and_only_a_supervisor_can_accept_it(
    qtbot: QtBot, counter: Counter
) -> None:
    scan_printout(qtbot, counter, MUELLER)
    view = counter.view
    fill_id_check(qtbot, counter, "C01X00T47", "DJV-48213")
    view.id_check.face_wrong.setFocus()
    tick(qtbot, counter)
    press(Qt.Key.Key_Return, counter.clock)
    wait_stage(qtbot, view, Stage.VERDICT)
    assert view.banner.content.state == "NEEDS_SUPERVISOR"
    assert "The face does not match the photo." in view.banner.content.lines
    checkin = store_of(counter.desk).log.for_reference(MUELLER.reference)[-1].record
    assert (checkin.action.value, checkin.reasons) == ("CHECKIN", ("FACE_MISMATCH",))
    view.request_override()
    dialog = view.override_dialog
    assert dialog is not None
    dialog.login_edit.setText("sam")
    dialog.pin_edit.setText(SUPERVISOR_PIN)
    dialog.reason_edit.setText("compared closely: new glasses and beard")
    with qtbot.waitSignal(view.person_served, timeout=10_000):
        dialog.buttons.accepted.emit()
    override = next(e.record for e in store_of(counter.desk).log.for_reference(MUELLER.reference)
                    if e.record.action.value == "OVERRIDE")  # fmt: skip
    assert override.reasons == ("FACE_MISMATCH", "SUPERVISOR_OVERRIDE")


def test_a_passport_zone_typed_by_the_reader_fills_and_marks_the_fields(qtbot: QtBot, counter: Counter) -> None:
    scan_printout(qtbot, counter, MUELLER)
    view = counter.view
    scan(MUELLER_ZONE, counter.clock)  # two bursts, each ended by Enter, as a reader types them
    check = view.id_check
    assert check.zone is not None and check.number_edit.text() == "C01X00T47"
    assert {name: check.read[name].text() for name in ("family", "given", "nationality")} == {
        "family": "MUELLER",
        "given": "JUERGEN KARL",
        "nationality": "DEU",
    }
    assert all(mark.mark is Mark.MATCH for name, mark in check.marks.items() if name != "press")
    assert check.marks["number"].text() == "✓ matches"
    assert focused() is check.press_edit  # the next thing to do
    older = td3("MUELLER<<JUERGEN<KARL", "C01X00T47", "D", date(1981, 3, 8), date(2023, 8, 1))
    scan(older, counter.clock)
    assert check.marks["born"].mark is Mark.DIFFERS and check.marks["born"].text() == "✗ differs"
    assert check.marks["expiry"].text() == "✗ expires too soon"


def test_a_passport_read_before_the_printout_is_kept(qtbot: QtBot, counter: Counter) -> None:
    scan(MUELLER_ZONE, counter.clock)
    assert "Now scan the printout" in counter.view.scan_bar.status.text()
    scan_printout(qtbot, counter, MUELLER)
    assert counter.view.id_check.marks["family"].mark is Mark.MATCH


def test_half_a_zone_is_reported(qtbot: QtBot, counter: Counter) -> None:
    counter.view.router.mrz.window_ms = 100  # the wait for the next line, shortened for the test
    scan(MUELLER_ZONE.splitlines()[0], counter.clock)
    qtbot.waitUntil(lambda: "Only part of the passport zone" in counter.view.scan_bar.status.text(), timeout=3000)


def test_an_editors_letter_is_ticked(qtbot: QtBot, counter: Counter) -> None:
    scan_printout(qtbot, counter, LETTER)
    fill_id_check(qtbot, counter, "C01X00T47", None)
    assert counter.view.id_check.marks["press"].mark is Mark.MATCH
    with qtbot.waitSignal(counter.view.person_served, timeout=10_000):
        press(Qt.Key.Key_Return, counter.clock)


# --- supervisor and printer -----------------------------------------------------------------------------------


def test_a_supervisor_accepts_a_newer_passport_with_their_pin(qtbot: QtBot, counter: Counter) -> None:
    scan_printout(qtbot, counter, MUELLER)
    view = counter.view
    fill_id_check(qtbot, counter, "C02Y11T58", "DJV-48213")
    assert view.id_check.marks["number"].mark is Mark.DIFFERS
    press(Qt.Key.Key_Return, counter.clock)
    wait_stage(qtbot, view, Stage.VERDICT)
    assert view.banner.content.state == "NEEDS_SUPERVISOR"
    assert "Document number differs from the application." in view.banner.content.lines
    assert focused() is view.action_bar.override_button
    press(Qt.Key.Key_Return, counter.clock)  # the focused button opens the override
    dialog = view.override_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: focused() is dialog.login_edit, timeout=2000)
    type_text(qtbot, "sam", counter.clock)
    press(Qt.Key.Key_Tab, counter.clock)
    type_text(qtbot, "0000", counter.clock)
    assert dialog.pin_edit.echoMode() is dialog.pin_edit.EchoMode.Password
    press(Qt.Key.Key_Tab, counter.clock)
    type_text(qtbot, "new passport, old number checked", counter.clock)
    press(Qt.Key.Key_Return, counter.clock)
    qtbot.waitUntil(lambda: "not accepted" in dialog.message.text(), timeout=10_000)
    assert dialog.isVisible() and focused() is dialog.pin_edit
    type_text(qtbot, SUPERVISOR_PIN, counter.clock)
    with qtbot.waitSignal(view.person_served, timeout=10_000):
        press(Qt.Key.Key_Return, counter.clock)
    assert not dialog.isVisible()
    assert "Accepted by a supervisor." in view.banner.content.lines
    entries = counter.store.log.for_reference(MUELLER.reference)
    override = next(e.record for e in entries if e.record.action is Action.OVERRIDE)
    assert override.detail["supervisor"] == "sam" and override.detail["reason"] == "new passport, old number checked"
    assert [e.record.action for e in entries][-2:] == [Action.PRINT, Action.ISSUE]
    view.activateWindow()  # the dialog gone, the screen has the keyboard again
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=2000)
    press(Qt.Key.Key_Escape, counter.clock)
    scan_printout(qtbot, counter, MUELLER)  # back again: the badge names the clerk and the supervisor
    assert (
        "Badge M-000001 was issued on 14 Feb 09:00 at the Groups entrance, desk G1, by Anna Counter (anna), "
        "authorised by supervisor Sam Supervisor (sam)." in view.banner.content.lines
    )


def test_a_failed_print_leaves_the_person_not_served_and_retries(qtbot: QtBot, counter: Counter) -> None:
    counter.printer.failing = True
    scan_printout(qtbot, counter, MUELLER)
    view = counter.view
    fill_id_check(qtbot, counter, "C01X00T47", "DJV-48213")
    failures = []
    view.print_failed.connect(failures.append)
    press(Qt.Key.Key_Return, counter.clock)
    wait_stage(qtbot, view, Stage.PRINT_FAILED)
    content = view.banner.content
    assert content.title == "PRINT FAILED — NOT SERVED"
    assert "The person has NOT been served and has no badge." in content.lines
    assert "the printer is out of cards" in content.lines[0] and failures == ["the printer is out of cards"]
    assert counter.store.badges.active_for(MUELLER.reference) is None  # the failed badge holds no place
    assert [a for a, _ in counter.log(MUELLER.reference)] == ["LOOKUP", "CHECKIN", "PRINT", "PRINT_FAILED"]
    assert Cue.PRINT_FAILED in counter.sounds.played
    assert view.action_bar.retry_button.isEnabled() and focused() is view.action_bar.retry_button
    counter.printer.failing = False  # cards put in
    with qtbot.waitSignal(view.person_served, timeout=10_000) as served:
        press(Qt.Key.Key_Return, counter.clock)
    assert served.args == ["M-000002"]
    assert [p.name for p in counter.out.glob("*.pdf")] == ["M-000002-1.pdf"]


# --- other ways in --------------------------------------------------------------------------------------------


def test_name_search_without_accents_finds_the_person_with_a_photo(qtbot: QtBot, counter: Counter) -> None:
    view, clock = counter.view, counter.clock
    assert focused() is view.scan_bar.field
    type_text(qtbot, "muller", clock)
    qtbot.waitUntil(lambda: view.results.count() == 1, timeout=5000)
    assert view.stack.currentIndex() == 1
    item = view.results.item(0)
    assert item.text().startswith("MÜLLER, Jürgen Karl") and not item.icon().isNull()
    press(Qt.Key.Key_Down, clock)
    assert focused() is view.results
    press(Qt.Key.Key_Return, clock)
    wait_stage(qtbot, view, Stage.CHECKING)
    assert view.stack.currentIndex() == 0
    assert "typed reference, not verified" in view.applicant.values["reference"].text()
    assert view.banner.content.note.startswith("Reference without a signed code: not verified")


def test_enter_on_a_name_looks_up_the_one_person_found(qtbot: QtBot, counter: Counter) -> None:
    view, clock = counter.view, counter.clock
    type_text(qtbot, "petrova", clock)
    press(Qt.Key.Key_Return, clock)  # before or after the list shows: the one person found is looked up
    wait_stage(qtbot, view, Stage.VERDICT)
    assert view.applicant.application is not None and view.applicant.application.reference == REVOKED.reference
    assert view.stack.currentIndex() == 0


def test_a_name_search_answered_after_the_clerk_moved_on_opens_nobody(qtbot: QtBot, counter: Counter) -> None:
    view = counter.view
    view.scan_bar.field.setText("petrova")
    with qtbot.waitSignal(view.router.found, timeout=5000):
        view.scan_bar.name_entered.emit("petrova")  # Enter on the name ...
        press(Qt.Key.Key_Escape, counter.clock)  # ... and Esc before the desk answered
    assert view.stage is Stage.READY and view.applicant.application is None


def test_enter_on_a_name_that_finds_several_goes_into_the_list(qtbot: QtBot, counter: Counter) -> None:
    view, clock = counter.view, counter.clock
    type_text(qtbot, "an", clock)
    press(Qt.Key.Key_Return, clock)
    qtbot.waitUntil(lambda: view.results.count() >= 2 and focused() is view.results, timeout=5000)
    assert view.stage is Stage.READY  # nobody chosen for the clerk
    press(Qt.Key.Key_Down, clock)
    chosen = view.results.chosen_reference()
    press(Qt.Key.Key_Return, clock)
    wait_stage(qtbot, view, Stage.CHECKING, Stage.VERDICT)
    assert view.applicant.application is not None and view.applicant.application.reference == chosen


def test_the_press_card_is_confirmed_by_its_last_four_characters(qtbot: QtBot, counter: Counter) -> None:
    view, clock = counter.view, counter.clock
    scan_printout(qtbot, counter, MUELLER)
    scan(MUELLER_ZONE, clock)  # the passport reader: the number comes from the zone, the cursor goes on
    assert focused() is view.id_check.press_edit
    type_text(qtbot, "8214", clock)  # another card's end
    assert view.id_check.marks["press"].mark is Mark.DIFFERS
    assert view.id_check.press_message.isVisible()
    view.id_check.press_edit.clear()
    type_text(qtbot, "8213", clock)
    assert view.id_check.marks["press"].mark is Mark.MATCH and not view.id_check.press_message.isVisible()
    assert focused() is view.id_check.face_ok and not view.id_check.face_confirmed
    press(Qt.Key.Key_Return, clock)  # Enter on the heels of the card (300 ms): not a look at the face
    clock.advance(FACE_LOOK_MS)
    held = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r", True)
    QApplication.sendEvent(focused(), held)  # ... and held down: its repeats are not answers either
    assert view.stage is Stage.CHECKING and not view.id_check.face_confirmed
    assert counter.log(MUELLER.reference) == [("LOOKUP", "")]
    clock.advance(FACE_LOOK_MS)  # the clerk looks at the face, then answers
    with qtbot.waitSignal(view.person_served, timeout=10_000):
        press(Qt.Key.Key_Return, clock)  # Enter on "Face matches the photo": yes, it does; the badge prints
    assert view.id_check.face_confirmed
    assert counter.log(MUELLER.reference)[1] == ("CHECKIN", "ISSUE")


def test_with_a_passport_reader_the_id_check_starts_at_the_zone(
    qtbot: QtBot, listed_desk: DeskService, wedge: WedgeFilter, fake_clock: FakeClock, office_key: Ed25519PrivateKey
) -> None:
    session = make_session(listed_desk, SwitchablePrinter(Path("/nonexistent")))
    session = replace(session, config=replace(session.config, passport_reader=True))
    view, _ = open_view(qtbot, session, wedge, fake_clock)
    scan(sign_code(office_key, listed_desk.event.id, MUELLER.reference, MUELLER.kind), fake_clock)
    wait_stage(qtbot, view, Stage.CHECKING)
    assert focused() is view.id_check.zone_edit
    scan(MUELLER_ZONE, fake_clock)
    assert focused() is view.id_check.press_edit
    view.shutdown()


def test_a_typed_reference_is_looked_up_on_enter(qtbot: QtBot, counter: Counter) -> None:
    type_text(qtbot, "dm24-000002", counter.clock)
    press(Qt.Key.Key_Return, counter.clock)
    wait_stage(qtbot, counter.view, Stage.VERDICT)
    assert counter.view.banner.content.state == "REFUSE"


def test_an_opened_pdf_of_the_printout_is_read(qtbot: QtBot, counter: Counter, tmp_path: Path) -> None:
    from desk_app.office.confirmations import write_confirmation

    path = tmp_path / "printout.pdf"
    write_confirmation(MUELLER, counter.desk.event, counter.key, path)
    counter.view.open_scan(path)
    wait_stage(qtbot, counter.view, Stage.CHECKING)
    assert counter.view.applicant.application is not None
    assert counter.view.applicant.application.reference == MUELLER.reference


def test_a_file_without_a_code_is_a_message(qtbot: QtBot, counter: Counter, tmp_path: Path) -> None:
    path = tmp_path / "nothing.png"
    path.write_bytes(b"not an image")
    counter.view.open_scan(path)
    qtbot.waitUntil(lambda: counter.view.scan_bar.status.text() != "Reading nothing.png…", timeout=5000)
    assert counter.view.stage is Stage.READY and counter.view.scan_bar.status.text()


def test_a_long_file_without_a_code_on_its_first_pages_says_what_was_left_unread(
    qtbot: QtBot, counter: Counter, tmp_path: Path
) -> None:
    import pypdfium2

    path = tmp_path / "long\u202e.pdf"
    document = pypdfium2.PdfDocument.new()
    for _ in range(6):
        document.new_page(200, 200).close()
    document.save(path)
    document.close()
    counter.view.open_scan(path)
    assert counter.view.scan_bar.status.text() == "Reading long\\u202e.pdf…"
    qtbot.waitUntil(lambda: "pages" in counter.view.scan_bar.status.text(), timeout=20000)
    assert counter.view.stage is Stage.READY
    assert counter.view.scan_bar.status.text() == (
        "no code found; long\\u202e.pdf: read the first 4 of 6 pages: a confirmation printout has one or two"
    )


def test_no_camera_is_a_message_not_a_crash(qtbot: QtBot, counter: Counter) -> None:
    view = counter.view
    view.scan_bar.camera_button.setFocus()
    tick(qtbot, counter)
    assert "No camera found" in view.scan_bar.status.text()
    assert not view.scan_bar.camera_button.isChecked() and not view.router.camera.running


def test_the_buttons_do_what_the_keys_do(qtbot: QtBot, counter: Counter) -> None:
    view = counter.view
    scan_printout(qtbot, counter, MUELLER)
    fill_id_check(qtbot, counter, "C01X00T47", "DJV-48213")
    with qtbot.waitSignal(view.person_served, timeout=10_000):
        qtbot.mouseClick(view.action_bar.issue_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.action_bar.next_button, Qt.MouseButton.LeftButton)
    assert view.stage is Stage.READY and view.applicant.application is None


def test_a_cancelled_override_can_be_opened_again(qtbot: QtBot, counter: Counter) -> None:
    view = counter.view
    scan_printout(qtbot, counter, MUELLER)
    fill_id_check(qtbot, counter, "C02Y11T58", "DJV-48213")
    press(Qt.Key.Key_Return, counter.clock)
    wait_stage(qtbot, view, Stage.VERDICT)
    view.request_override()
    dialog = view.override_dialog
    assert dialog is not None
    dialog.login_edit.setText("sam")
    dialog.pin_edit.setText("1111")
    dialog.reason_edit.setText("checked")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: "not accepted" in dialog.message.text(), timeout=10_000)
    dialog.reject()
    assert view.stage is Stage.VERDICT and view.action_bar.override_button.isEnabled()
    view.request_override()
    assert view.override_dialog is not dialog and view.override_dialog.isVisible()
    view.override_dialog.reject()


def test_scans_are_ignored_while_the_screen_is_hidden(qtbot: QtBot, counter: Counter) -> None:
    counter.view.hide()
    counter.view.on_scanned(counter.code(REVOKED))
    counter.view.show()
    assert counter.view.stage is Stage.READY and counter.log(REVOKED.reference) == []
