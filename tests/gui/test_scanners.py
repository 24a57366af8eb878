"""Every scanner path driven for real: key events through the application, a socat pty pair, video frames.

Timing: the wedge tests that matter run on a fake clock; the two that use real time leave wide margins (a burst with
no delay against a 250 ms gap, typing at 150 ms against a 60 ms gap), because this machine is shared and slow.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QEvent, QObject, Qt, QThread, QTimer, SignalInstance
from PySide6.QtGui import QImage, QInputMethodEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtMultimedia import QVideoFrame, QVideoFrameFormat, QVideoSink
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from bench.camera import qr_sheet, video_frame
from desk_app.core.wedge import SELF_TEST_CODE, guess_layout, type_as
from desk_app.ui.scanners import CameraScanner, SerialScanner, WedgeFilter
from desk_app.ui.scanners.camera import NO_CAMERA, Agreement, decode_codes, grey_region
from desk_app.ui.scanners.wedge import is_modifier_only
from tests.gui.conftest import FakeClock, PtyPair

CODE = "C1:K7Q2X:X4RTA:M:DM24-000285:" + ("MZXW6YTBOI" * 11)[:103]
REFERENCE = "DM24-000285"


# --- USB keyboard-wedge scanners ------------------------------------------------------------------------------


class DeskService(QDialog):
    """A window like the check-in view: a search field, a second field, and a default button Enter would press."""

    def __init__(self) -> None:
        super().__init__()
        self.search = QLineEdit()
        self.other = QLineEdit()
        self.button = QPushButton("Check in")
        self.button.setDefault(True)
        self.presses = 0
        self.button.clicked.connect(self._count)
        layout = QVBoxLayout(self)
        for widget in (self.search, self.other, self.button):
            layout.addWidget(widget)

    def _count(self) -> None:
        self.presses += 1

    def done(self, result: int) -> None:  # the default button must not close the window in these tests
        pass


@pytest.fixture
def desk(qtbot: QtBot) -> DeskService:
    window = DeskService()
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    window.search.setFocus()
    assert QApplication.focusWidget() is window.search
    return window


@pytest.fixture
def wedge(qapp: QApplication, fake_clock: FakeClock) -> Iterator[WedgeFilter]:
    scanner = WedgeFilter(clock=fake_clock, max_gap_ms=40, min_length=6)
    qapp.installEventFilter(scanner)
    yield scanner
    qapp.removeEventFilter(scanner)


def key_click(target: QWidget, char: str) -> None:
    """One key with its text, any character (QTest.keyClick with a str takes one byte of it)."""
    try:
        key = Qt.Key(ord(char.upper()) if len(char.upper()) == 1 else ord(char))
    except ValueError:
        key = Qt.Key.Key_unknown
    QTest.sendKeyEvent(QTest.KeyAction.Click, target, key, char, Qt.KeyboardModifier.NoModifier)


def type_keys(widget: QWidget, text: str, clock: FakeClock, gap_ms: float, *, then: Qt.Key | None = None) -> None:
    """Key presses into ``widget`` ``gap_ms`` apart on the fake clock, optionally ended by a key such as Enter."""
    for char in text:
        clock.advance(gap_ms)
        key_click(widget, char)
    if then is not None:
        clock.advance(gap_ms)
        QTest.keyClick(widget, then)


def collect(signal: SignalInstance) -> list[str]:
    seen: list[str] = []
    signal.connect(seen.append)
    return seen


def test_a_scanner_burst_is_one_scan_and_never_reaches_the_field(
    desk: DeskService, wedge: WedgeFilter, fake_clock: FakeClock
):
    scans = collect(wedge.scanned)
    type_keys(desk.search, CODE, fake_clock, gap_ms=4, then=Qt.Key.Key_Return)
    assert scans == [CODE]
    assert desk.search.text() == ""
    assert desk.presses == 0  # the burst's Enter did not press the default button
    assert wedge.holding == ""


def test_a_burst_ended_by_tab_counts_and_does_not_move_focus(
    desk: DeskService, wedge: WedgeFilter, fake_clock: FakeClock
):
    scans = collect(wedge.scanned)
    type_keys(desk.search, REFERENCE, fake_clock, gap_ms=4, then=Qt.Key.Key_Tab)
    assert scans == [REFERENCE]
    assert QApplication.focusWidget() is desk.search


def test_a_burst_is_caught_wherever_the_focus_is(desk: DeskService, wedge: WedgeFilter, fake_clock: FakeClock):
    scans = collect(wedge.scanned)
    desk.button.setFocus()
    type_keys(desk.button, "DM24 000285", fake_clock, gap_ms=4, then=Qt.Key.Key_Enter)  # a space would click it
    assert scans == ["DM24 000285"]
    assert desk.presses == 0


def test_human_typing_passes_through_untouched(desk: DeskService, wedge: WedgeFilter, fake_clock: FakeClock):
    scans = collect(wedge.scanned)
    type_keys(desk.search, "Müller dm24", fake_clock, gap_ms=120, then=Qt.Key.Key_Return)
    assert scans == []
    assert desk.search.text() == "Müller dm24"
    assert desk.presses == 1  # Enter went on to the default button, as without the filter


def test_a_short_fast_run_is_given_back_in_order(desk: DeskService, wedge: WedgeFilter, fake_clock: FakeClock):
    type_keys(desk.search, "ab", fake_clock, gap_ms=120)
    type_keys(desk.search, "cd", fake_clock, gap_ms=10, then=Qt.Key.Key_Return)  # a quick roll, then Enter
    assert desk.search.text() == "abcd"
    assert desk.presses == 1


def test_a_key_that_is_not_typing_releases_the_held_ones_first(
    desk: DeskService, wedge: WedgeFilter, fake_clock: FakeClock
):
    type_keys(desk.search, "xy", fake_clock, gap_ms=10, then=Qt.Key.Key_Backspace)
    assert desk.search.text() == "x"
    fake_clock.advance(10)
    QTest.keyClick(desk.search, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # never held: select all
    assert desk.search.selectedText() == "x"


def test_a_held_key_appears_after_a_quiet_gap(
    qtbot: QtBot, desk: DeskService, wedge: WedgeFilter, fake_clock: FakeClock
):
    type_keys(desk.search, "d", fake_clock, gap_ms=120)
    assert desk.search.text() == ""  # held, for at most one gap
    qtbot.waitUntil(lambda: desk.search.text() == "d", timeout=2000)


def test_a_pause_splits_a_run_into_typing(desk: DeskService, wedge: WedgeFilter, fake_clock: FakeClock):
    scans = collect(wedge.scanned)
    type_keys(desk.search, "DM24-0", fake_clock, gap_ms=4)
    type_keys(desk.search, "00285", fake_clock, gap_ms=300, then=Qt.Key.Key_Return)
    assert scans == []
    assert desk.search.text() == REFERENCE


def send_stamped(widget: QWidget, text: str, timestamps: list[int]) -> None:
    """Key presses carrying window-system timestamps, as a real keyboard's do."""
    for char, stamp in zip(text, timestamps, strict=True):
        key = Qt.Key.Key_Return if char == "\r" else Qt.Key(ord(char.upper()))
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)
            event.setTimestamp(stamp)
            QApplication.sendEvent(widget, event)


def test_a_busy_gui_thread_does_not_split_a_burst(desk: DeskService, wedge: WedgeFilter, fake_clock: FakeClock):
    scans = collect(wedge.scanned)
    stamps = list(range(5000, 5000 + 5 * (len(REFERENCE) + 1), 5))  # pressed 5 ms apart...
    send_stamped(desk.search, REFERENCE[:4], stamps[:4])
    fake_clock.advance(700)  # ...but seen after the GUI thread spent 0.7 s printing a badge
    send_stamped(desk.search, REFERENCE[4:] + "\r", stamps[4:])
    assert (scans, desk.search.text()) == ([REFERENCE], "")


def test_key_timestamps_tell_a_person_however_fast_the_keys_are_seen(desk: DeskService, wedge: WedgeFilter):
    scans = collect(wedge.scanned)
    send_stamped(desk.search, REFERENCE + "\r", [5000 + 150 * n for n in range(len(REFERENCE) + 1)])
    assert (scans, desk.search.text(), desk.presses) == ([], REFERENCE, 1)


def test_a_late_quiet_timer_waits_for_keys_queued_behind_a_stall(
    desk: DeskService, wedge: WedgeFilter, fake_clock: FakeClock
):
    type_keys(desk.search, "DM24", fake_clock, gap_ms=4)
    fake_clock.advance(700)  # the timer fires 0.7 s late: the GUI thread was busy
    wedge._on_quiet_timeout()
    assert (wedge.holding, desk.search.text()) == ("DM24", "")
    wedge._on_quiet_timeout()  # a gap later, still nothing: a person typed it
    assert (wedge.holding, desk.search.text()) == ("", "DM24")


def test_held_keys_follow_their_widget_not_the_focus(desk: DeskService, wedge: WedgeFilter, fake_clock: FakeClock):
    type_keys(desk.search, "ab", fake_clock, gap_ms=10)
    desk.other.setFocus()
    wedge.release_held()
    assert (desk.search.text(), desk.other.text()) == ("ab", "")


@pytest.mark.parametrize("layout", ["be", "fr", "de", "ch", "gb"])
def test_a_burst_typed_through_another_layout_is_normalised(
    desk: DeskService, wedge: WedgeFilter, fake_clock: FakeClock, layout: str
):
    scans, bursts = collect(wedge.scanned), collect(wedge.burst)
    typed = type_as(CODE, layout)
    type_keys(desk.search, typed, fake_clock, gap_ms=4, then=Qt.Key.Key_Return)
    assert bursts == [typed]
    assert scans == [CODE]
    assert desk.search.text() == ""


def shifted_click(target: QWidget, char: str) -> None:
    """A capital as a USB keyboard sends it: a bare Shift press of its own, the key with Shift, the Shift release."""
    shift = Qt.KeyboardModifier.ShiftModifier
    QTest.sendKeyEvent(QTest.KeyAction.Press, target, Qt.Key.Key_Shift, "", Qt.KeyboardModifier.NoModifier)
    QTest.sendKeyEvent(QTest.KeyAction.Click, target, Qt.Key(ord(char)), char, shift)
    QTest.sendKeyEvent(QTest.KeyAction.Release, target, Qt.Key.Key_Shift, "", shift)


@pytest.mark.parametrize(
    "modifier", [Qt.Key.Key_Shift, Qt.Key.Key_CapsLock, Qt.Key.Key_AltGr, Qt.Key.Key_NumLock, Qt.Key.Key_Dead_Acute]
)
def test_modifier_only_keys_neither_end_nor_release_a_burst(
    desk: DeskService, wedge: WedgeFilter, fake_clock: FakeClock, modifier: Qt.Key
):
    scans = collect(wedge.scanned)
    for char in REFERENCE:
        fake_clock.advance(2)
        QTest.sendKeyEvent(QTest.KeyAction.Press, desk.search, modifier, "", Qt.KeyboardModifier.NoModifier)
        key_click(desk.search, char)
    fake_clock.advance(2)
    QTest.keyClick(desk.search, Qt.Key.Key_Return)
    assert (scans, desk.search.text(), desk.presses) == ([REFERENCE], "", 0)


def test_capitals_with_shift_events_are_one_scan(desk: DeskService, wedge: WedgeFilter, fake_clock: FakeClock):
    scans = collect(wedge.scanned)
    for char in CODE:
        fake_clock.advance(2)
        (shifted_click if char.isupper() else key_click)(desk.search, char)
    fake_clock.advance(2)
    QTest.keyClick(desk.search, Qt.Key.Key_Return)
    assert (scans, desk.search.text(), desk.presses) == ([CODE], "", 0)


class KeysReaching(QObject):
    """The key presses that reach one widget (its own filter runs after the application's), modifiers aside."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.keys: list[int] = []
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if not is_modifier_only(event):
                self.keys.append(event.key())
        return False


@pytest.mark.parametrize("second", [Qt.Key.Key_Return, "ctrl+j"])
def test_the_line_feed_of_cr_lf_is_part_of_the_scan(
    desk: DeskService, wedge: WedgeFilter, fake_clock: FakeClock, second: Qt.Key | str
):
    scans = collect(wedge.scanned)
    reaching = KeysReaching(desk.search)
    type_keys(desk.search, REFERENCE, fake_clock, gap_ms=2, then=Qt.Key.Key_Return)
    fake_clock.advance(2)
    if second == "ctrl+j":
        QTest.sendKeyEvent(QTest.KeyAction.Click, desk.search, Qt.Key.Key_J, "\n", Qt.KeyboardModifier.ControlModifier)
    else:
        QTest.keyClick(desk.search, second)
    assert (scans, desk.presses, reaching.keys) == ([REFERENCE], 0, [])  # the second terminator reached nothing
    fake_clock.advance(500)
    QTest.keyClick(desk.search, Qt.Key.Key_Return)  # a person's Enter, later, goes through
    assert reaching.keys == [Qt.Key.Key_Return]


def test_a_person_holding_a_key_down_sees_its_repeats_at_once(
    desk: DeskService, wedge: WedgeFilter, fake_clock: FakeClock
):
    key_click(desk.search, "a")
    fake_clock.advance(500)
    wedge.release_held()  # the quiet timer: the first press was a person's
    for _ in range(8):  # repeats 30 ms apart, within a burst's gap
        fake_clock.advance(30)
        QApplication.sendEvent(
            desk.search, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a", True)
        )
        assert wedge.holding == ""
    fake_clock.advance(30)
    QTest.keyClick(desk.search, Qt.Key.Key_Return)
    assert desk.search.text() == "a" * 9


def test_ctrl_j_alone_ends_a_burst(desk: DeskService, wedge: WedgeFilter, fake_clock: FakeClock):
    scans = collect(wedge.scanned)
    type_keys(desk.search, REFERENCE, fake_clock, gap_ms=2)
    fake_clock.advance(2)
    QTest.sendKeyEvent(QTest.KeyAction.Click, desk.search, Qt.Key.Key_J, "\n", Qt.KeyboardModifier.ControlModifier)
    assert (scans, desk.search.text()) == ([REFERENCE], "")


def test_keypad_keys_with_num_lock_off_are_digits_in_a_burst_and_keys_for_a_person(
    desk: DeskService, wedge: WedgeFilter, fake_clock: FakeClock
):
    keypad = Qt.KeyboardModifier.KeypadModifier
    by_digit = {"0": Qt.Key.Key_Insert, "1": Qt.Key.Key_End, "2": Qt.Key.Key_Down, "4": Qt.Key.Key_Left}
    scans = collect(wedge.scanned)
    for char in "DM24-000124":
        fake_clock.advance(2)
        if char in by_digit:
            QTest.sendKeyEvent(QTest.KeyAction.Click, desk.search, by_digit[char], "", keypad)
        else:
            key_click(desk.search, char)
    fake_clock.advance(2)
    QTest.keyClick(desk.search, Qt.Key.Key_Enter, keypad)
    assert scans == ["DM24-000124"]
    desk.search.setText("abc")
    fake_clock.advance(500)
    QTest.sendKeyEvent(QTest.KeyAction.Click, desk.search, Qt.Key.Key_Home, "", keypad)  # a person's Home
    fake_clock.advance(500)
    wedge.release_held()
    assert desk.search.cursorPosition() == 0


def test_a_key_flagged_as_auto_repeat_within_a_burst_counts(
    desk: DeskService, wedge: WedgeFilter, fake_clock: FakeClock
):
    """At 1 ms per key, Qt's X11 platform flags the second "0" of "000" as auto-repeat (same timestamp)."""
    scans = collect(wedge.scanned)
    for index, char in enumerate(REFERENCE):
        fake_clock.advance(1)
        repeat = index > 0 and REFERENCE[index - 1] == char
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key(ord(char)), Qt.KeyboardModifier.NoModifier, char, repeat)
            QApplication.sendEvent(desk.search, event)
    fake_clock.advance(1)
    QTest.keyClick(desk.search, Qt.Key.Key_Return)
    assert (scans, desk.search.text()) == ([REFERENCE], "")


def test_an_input_method_commit_within_a_burst_is_held_too(
    desk: DeskService, wedge: WedgeFilter, fake_clock: FakeClock
):
    """After a dead key, the input method commits the composed character instead of a key event."""
    bursts = collect(wedge.burst)
    type_keys(desk.search, "ABCDEF", fake_clock, gap_ms=2)
    commit = QInputMethodEvent()
    commit.setCommitString("À")
    QApplication.sendEvent(desk.search, commit)
    type_keys(desk.search, "GH", fake_clock, gap_ms=2, then=Qt.Key.Key_Return)
    assert (bursts, desk.search.text()) == (["ABCDEFÀGH"], "")


def test_a_person_s_accented_letter_still_reaches_the_field(
    qtbot: QtBot, desk: DeskService, wedge: WedgeFilter, fake_clock: FakeClock
):
    commit = QInputMethodEvent()
    commit.setCommitString("ê")
    QApplication.sendEvent(desk.search, commit)
    fake_clock.advance(200)
    qtbot.waitUntil(lambda: desk.search.text() == "ê")


def test_a_return_shortcut_does_not_eat_the_end_of_a_burst(
    qtbot: QtBot, desk: DeskService, wedge: WedgeFilter, fake_clock
):
    # Through the window, as the platform delivers keys: the shortcut map sees each key before the widget does.
    fired = []
    shortcut = QShortcut(QKeySequence(Qt.Key.Key_Return), desk)
    shortcut.activated.connect(lambda: fired.append(True))
    scans = collect(wedge.scanned)
    window = desk.windowHandle()
    for char in REFERENCE:
        fake_clock.advance(4)
        QTest.keyClick(window, char)
    fake_clock.advance(4)
    QTest.keyClick(window, Qt.Key.Key_Return)
    assert (scans, fired, desk.search.text()) == ([REFERENCE], [], "")
    fake_clock.advance(500)
    QTest.keyClick(window, Qt.Key.Key_Return)  # a person's Enter still reaches the shortcut
    assert fired == [True]


def test_real_timing_a_burst_and_a_person(qtbot: QtBot, qapp: QApplication, desk: DeskService):
    scanner = WedgeFilter(max_gap_ms=250, min_length=6)
    qapp.installEventFilter(scanner)
    try:
        scans = collect(scanner.scanned)
        QTest.keyClicks(desk.search, CODE)  # back to back, as fast as Qt delivers them
        QTest.keyClick(desk.search, Qt.Key.Key_Return)
        assert scans == [CODE]
        assert desk.search.text() == ""
        scanner.max_gap_ms = 60
        QTest.keyClicks(desk.search, REFERENCE, delay=150)  # a fast typist
        QTest.keyClick(desk.search, Qt.Key.Key_Return, delay=150)
        assert scans == [CODE]
        assert desk.search.text() == REFERENCE
        assert desk.presses == 1
    finally:
        qapp.removeEventFilter(scanner)


def test_the_self_test_reads_the_layout_from_the_raw_burst(
    desk: DeskService, wedge: WedgeFilter, fake_clock: FakeClock
):
    bursts = collect(wedge.burst)
    type_keys(desk.search, type_as(SELF_TEST_CODE, "ch_fr"), fake_clock, gap_ms=4, then=Qt.Key.Key_Return)
    assert [guess_layout(burst) for burst in bursts] == ["ch_fr"]


# --- Serial scanners ------------------------------------------------------------------------------------------


@pytest.fixture
def serial(pty_pair: PtyPair) -> Iterator[SerialScanner]:
    scanner = SerialScanner(str(pty_pair.host), baud=9600)
    yield scanner
    scanner.close()


def test_serial_lines_end_with_cr_lf_or_crlf(qtbot: QtBot, pty_pair: PtyPair, serial: SerialScanner):
    scans, errors = collect(serial.scanned), collect(serial.error)
    with qtbot.waitSignal(serial.connected):
        assert serial.open()
    pty_pair.send(b"DM24-000285\r" + CODE.encode() + b"\n\x02AN24-000001\x03\r")
    pty_pair.send(b"\n\r\nWQ24-")  # the CR LF split across two reads is one line end, not an empty scan
    pty_pair.send(b"000002\r\n")
    expected = [REFERENCE, CODE, "AN24-000001", "WQ24-000002"]
    qtbot.waitUntil(lambda: scans == expected, timeout=5000)
    assert errors == []


def test_a_missing_port_is_a_message_not_a_crash(qtbot: QtBot, tmp_path):
    scanner = SerialScanner(str(tmp_path / "ttyUSB9"))
    errors = collect(scanner.error)
    assert not scanner.open()
    assert len(errors) == 1
    assert errors[0].startswith(f"Cannot open the scanner port {tmp_path / 'ttyUSB9'}: No such file or directory")
    assert not scanner.is_open


def test_an_unplugged_scanner_is_reported_and_reconnects(qtbot: QtBot, pty_pair: PtyPair, serial: SerialScanner):
    scans, errors = collect(serial.scanned), collect(serial.error)
    assert serial.open()
    pty_pair.stop()  # pulls the cable: the pty goes away under the open port
    qtbot.waitUntil(lambda: len(errors) == 1, timeout=5000)
    assert "stopped responding" in errors[0]
    assert not serial.is_open
    assert not serial.reconnect()  # still unplugged
    assert errors[-1].startswith("Cannot open")
    pty_pair.start()  # plugged back in
    assert serial.reconnect()
    pty_pair.send(b"DM24-000285\r\n")
    qtbot.waitUntil(lambda: scans == [REFERENCE], timeout=5000)


def test_a_line_without_an_end_is_dropped_with_a_message(qtbot: QtBot, pty_pair: PtyPair, serial: SerialScanner):
    scans, errors = collect(serial.scanned), collect(serial.error)
    assert serial.open()
    pty_pair.send(b"X" * 5000)
    qtbot.waitUntil(lambda: len(errors) == 1, timeout=5000)
    assert "without a line end" in errors[0]
    pty_pair.send(b"\rDM24-000285\r")
    qtbot.waitUntil(lambda: REFERENCE in scans, timeout=5000)


# --- Webcams --------------------------------------------------------------------------------------------------


@pytest.fixture
def sink(qapp: QApplication) -> QVideoSink:
    return QVideoSink()


@pytest.fixture
def make_camera(sink: QVideoSink) -> Iterator[Callable[..., CameraScanner]]:
    made: list[CameraScanner] = []

    def make(**options: object) -> CameraScanner:
        scanner = CameraScanner(sink=sink, **options)  # type: ignore[arg-type]
        made.append(scanner)
        return scanner

    yield make
    for scanner in made:
        scanner.close()


def push(qtbot: QtBot, sink: QVideoSink, scanner: CameraScanner, image: QImage, pixel_format=None) -> None:
    """One new frame of ``image`` into the sink, and wait for its decoding (the sink ignores a repeated frame)."""
    sink.setVideoFrame(video_frame(image, pixel_format))
    qtbot.waitUntil(lambda: not scanner.busy, timeout=10_000)


def test_two_agreeing_frames_make_one_scan(qtbot: QtBot, sink: QVideoSink, make_camera, fake_clock: FakeClock):
    scanner = make_camera(clock=fake_clock)
    scans = collect(scanner.scanned)
    frame = qr_sheet(CODE)
    push(qtbot, sink, scanner, frame)
    assert scans == []  # one frame is not enough
    for _ in range(4):  # the code stays in view: still one scan
        fake_clock.advance(100)
        push(qtbot, sink, scanner, frame)
    assert scans == [CODE]
    blank = QImage(1280, 720, QImage.Format.Format_Grayscale8)
    blank.fill(Qt.GlobalColor.lightGray)
    fake_clock.advance(2000)  # taken away...
    push(qtbot, sink, scanner, blank)
    for _ in range(2):  # ...and shown again
        fake_clock.advance(100)
        push(qtbot, sink, scanner, frame)
    assert scans == [CODE, CODE]


def test_frames_too_far_apart_do_not_agree(qtbot: QtBot, sink: QVideoSink, make_camera, fake_clock: FakeClock):
    scanner = make_camera(clock=fake_clock, confirm_ms=500)
    scans = collect(scanner.scanned)
    frame = qr_sheet(REFERENCE)
    push(qtbot, sink, scanner, frame)
    fake_clock.advance(800)
    push(qtbot, sink, scanner, frame)
    assert scans == []
    fake_clock.advance(300)
    push(qtbot, sink, scanner, frame)
    assert scans == [REFERENCE]


def test_a_slow_decoder_only_ever_gets_the_newest_frame(qtbot: QtBot, sink: QVideoSink, make_camera):
    seen: list[bytes] = []
    threads: set[QThread] = set()

    def slow(data: bytes, width: int, height: int) -> list[str]:
        threads.add(QThread.currentThread())
        time.sleep(0.3)
        seen.append(data[:1])
        return []

    scanner = make_camera(decoder=slow, roi_fraction=1.0)
    for shade in range(30):  # a burst of 30 frames while the first is being decoded
        image = QImage(64, 48, QImage.Format.Format_Grayscale8)
        image.fill(shade)
        sink.setVideoFrame(QVideoFrame(image))
    qtbot.waitUntil(lambda: len(seen) == 2 and not scanner.busy, timeout=10_000)
    qtbot.wait(400)  # nothing else is on its way
    assert (scanner.frames_received, scanner.frames_decoded, seen) == (30, 2, [b"\x00", b"\x1d"])
    assert threads and QThread.currentThread() not in threads  # decoded off the GUI thread


def test_decoding_runs_off_the_gui_thread_while_the_window_stays_live(qtbot: QtBot, sink: QVideoSink, make_camera):
    started, release = threading.Event(), threading.Event()

    def blocked(data: bytes, width: int, height: int) -> list[str]:
        started.set()
        release.wait(10)
        return []

    scanner = make_camera(decoder=blocked)
    sink.setVideoFrame(video_frame(qr_sheet(REFERENCE)))
    qtbot.waitUntil(started.is_set, timeout=5000)
    ticks = []
    QTimer.singleShot(10, lambda: ticks.append(True))
    qtbot.waitUntil(lambda: ticks == [True], timeout=5000)  # the GUI event loop runs while the decoder is stuck
    assert scanner.busy
    release.set()
    qtbot.waitUntil(lambda: not scanner.busy, timeout=5000)


@pytest.mark.parametrize(
    "pixel_format",
    [
        None,
        QVideoFrameFormat.PixelFormat.Format_NV12,
        QVideoFrameFormat.PixelFormat.Format_YUV420P,
        QVideoFrameFormat.PixelFormat.Format_YUYV,
        QVideoFrameFormat.PixelFormat.Format_UYVY,
    ],
    ids=lambda f: "RGB32" if f is None else f.name,
)
def test_every_frame_format_gives_the_same_grey_centre(qapp: QApplication, pixel_format):
    image = qr_sheet(REFERENCE, width=320, height=240, side=120)
    data, width, height = grey_region(video_frame(image, pixel_format), 0.5)
    assert (width, height) == (160, 120)
    expected = b"".join(
        image.constBits()[y * image.bytesPerLine() + 80 : y * image.bytesPerLine() + 240] for y in range(60, 180)
    )
    assert data == expected
    assert decode_codes(data, width, height) == [REFERENCE]


def test_a_camera_format_frame_is_read(qtbot: QtBot, sink: QVideoSink, make_camera, fake_clock: FakeClock):
    scanner = make_camera(clock=fake_clock)
    scans = collect(scanner.scanned)
    image = qr_sheet(CODE)
    push(qtbot, sink, scanner, image, QVideoFrameFormat.PixelFormat.Format_NV12)
    push(qtbot, sink, scanner, image, QVideoFrameFormat.PixelFormat.Format_NV12)
    assert scans == [CODE]


def test_an_unreadable_frame_is_reported_once_and_the_camera_goes_on(qtbot: QtBot, sink: QVideoSink, make_camera):
    def broken(data: bytes, width: int, height: int) -> list[str]:
        raise ValueError("bad frame geometry")

    scanner = make_camera(decoder=broken)
    errors = collect(scanner.error)
    for _ in range(3):
        push(qtbot, sink, scanner, qr_sheet(REFERENCE, width=320, height=240, side=120))
    assert errors == ["The camera's picture cannot be read: bad frame geometry."]
    assert scanner.frames_decoded == 3


def test_no_camera_is_a_message_not_a_crash(qtbot: QtBot, make_camera):
    scanner = make_camera()
    errors = collect(scanner.error)
    assert not scanner.start()
    assert errors == [NO_CAMERA]
    assert scanner.camera is None


def test_agreement_forgets_codes_out_of_view() -> None:
    agreement = Agreement(confirm_ms=1000, rearm_ms=1500)
    assert agreement.feed(["A"], 0) == []
    assert agreement.feed(["A", "A", "B"], 100) == ["A"]
    assert agreement.feed(["A", "B"], 200) == ["B"]
    assert agreement.feed([], 1000) == []
    assert agreement.feed(["A"], 1600) == []  # out of view for 1.4 s: still the same showing
    assert agreement.feed([], 3200) == []
    assert agreement.feed(["A"], 3300) == []
    assert agreement.feed(["A"], 3400) == ["A"]


# --- The pinned PySide6 keeps Python alive --------------------------------------------------------------------

QT_CALLS = "from PySide6.QtCore import QObject\no = QObject()\nfor _ in range(100_000):\n    o.setObjectName('x')\n"


def test_many_qt_calls_do_not_drain_none() -> None:
    """PySide6 6.12.0's wheels abort Python 3.11 ("Fatal Python error: none_dealloc") after a few thousand calls
    that return None; setup.cfg pins a release without that bug, and this catches an upgrade that brings it back."""
    result = subprocess.run([sys.executable, "-c", QT_CALLS], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
