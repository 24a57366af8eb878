"""Where a scan goes, by what it is: never into a field, never a PIN attempt, never silently dropped.

Every scan here is typed by the USB device process through XTest, with Shift around capitals.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desk_app.core.model import Action, Outcome
from desk_app.core.wedge import SELF_TEST_CODE
from desk_app.ui.checkin.banner_words import CHECK_ID
from desk_app.ui.help_dialog import HelpDialog
from desk_app.ui.station_dialog import StationDialog
from tests.usb_keyboard import ScannerProcess
from tests.x_display import XKB_NAMES, XDisplay
from tests.xsession.conftest import VERDICTS, Counter, Demo

LOCK_SCREEN_SCANS = 20


def check_id(qtbot: QtBot, counter: Counter, scanner: ScannerProcess, code: str) -> str:
    """Scan ``code`` of someone the desk checks in; wait for the ID check; their reference."""
    seen = len(counter.verdicts)
    scanner.scan(code)
    qtbot.waitUntil(lambda: len(counter.verdicts) > seen)
    assert counter.verdicts[-1] == CHECK_ID
    lookup = counter.checkin._lookup
    assert lookup is not None
    return lookup.reference


def test_scans_on_the_lock_screen_are_logged_and_never_count_as_pin_attempts(
    qtbot: QtBot, scanner: ScannerProcess, demo: Demo, open_counter: Callable[..., Counter]
) -> None:
    counter = open_counter()
    counter.window.lock()
    pin_field = counter.window.lock_screen.form.pin_edit
    pin_field.setFocus()
    for number in range(1, LOCK_SCREEN_SCANS + 1):
        scanner.scan(demo.codes[number % len(demo.codes)])
        qtbot.waitUntil(lambda n=number: len(counter.log(Action.SCAN_IGNORED)) == n)
        assert pin_field.text() == ""
    ignored = counter.log(Action.SCAN_IGNORED)
    assert {(e.record.detail["where"], e.record.detail["what"], e.record.staff) for e in ignored} == {
        ("lock screen", "code", "")
    }
    assert counter.log(Action.LOGIN_FAILED) == []
    assert counter.window.lock_screen.form.message_label.text() == ""  # no "PIN not accepted", no countdown
    assert counter.window.locked


def test_a_scan_at_the_login_is_logged_not_tried_as_a_pin(
    qtbot: QtBot, scanner: ScannerProcess, demo: Demo, open_counter: Callable[..., Counter]
) -> None:
    counter = open_counter(log_in=False)
    dialog = counter.startup.login_dialog
    assert dialog is not None
    dialog.form.pin_edit.setFocus()
    scanner.scan(demo.codes[0])
    qtbot.waitUntil(lambda: bool(counter.log(Action.SCAN_IGNORED)))
    assert counter.log(Action.SCAN_IGNORED)[0].record.detail == {"where": "login", "what": "code"}
    assert counter.log(Action.LOGIN_FAILED, Action.LOGIN) == []
    assert counter.fields_with_text(dialog) == {"Login": "counter1"}
    assert "Scan not taken" in dialog.form.message_label.text()


def test_a_scan_during_the_id_check_starts_the_next_person_and_logs_the_first_as_abandoned(
    qtbot: QtBot, scanner: ScannerProcess, demo: Demo, open_counter: Callable[..., Counter]
) -> None:
    counter = open_counter()
    first = check_id(qtbot, counter, scanner, demo.codes[0])
    counter.checkin.id_check.number_edit.setFocus()  # where the clerk types the document number
    second = check_id(qtbot, counter, scanner, demo.codes[1])
    assert counter.checkin.controller.wait_idle()
    abandoned = counter.log(Action.ABANDONED)
    assert [(e.record.reference, e.record.detail["by"]) for e in abandoned] == [(first, "next person")]
    assert second != first
    assert counter.fields_with_text() == {}


def test_a_scan_while_a_supervisor_is_called_abandons_that_case_visibly(
    qtbot: QtBot, scanner: ScannerProcess, demo: Demo, open_counter: Callable[..., Counter]
) -> None:
    counter = open_counter()
    first = check_id(qtbot, counter, scanner, demo.codes[0])
    view = counter.checkin
    assert view._lookup is not None and view._lookup.application is not None
    application = view._lookup.application
    view.id_check.number_edit.setText(application.document.number)
    view.id_check.press_edit.setText(application.press.card_number)
    view.id_check.letter_box.setChecked(application.press.editor_letter)
    view.id_check.face_wrong.setChecked(True)
    view.on_enter()
    qtbot.waitUntil(lambda: counter.verdicts[-1] == Outcome.NEEDS_SUPERVISOR.value)
    qtbot.waitUntil(lambda: bool(counter.log(Action.CHECKIN)) and view.stage.value == "verdict")
    view.action_bar.override_button.setFocus()  # where the verdict leaves the focus
    check_id(qtbot, counter, scanner, demo.codes[1])
    assert view.controller.wait_idle()
    assert [e.record.reference for e in counter.log(Action.ABANDONED)] == [first]


def test_with_the_override_form_open_a_scan_is_not_taken_and_not_typed_into_the_pin(
    qtbot: QtBot, scanner: ScannerProcess, demo: Demo, open_counter: Callable[..., Counter]
) -> None:
    counter = open_counter()
    check_id(qtbot, counter, scanner, demo.codes[0])
    view = counter.checkin
    view.id_check.face_wrong.setChecked(True)
    assert view._lookup is not None and view._lookup.application is not None
    view.id_check.number_edit.setText(view._lookup.application.document.number)
    view.id_check.letter_box.setChecked(True)
    view.on_enter()
    qtbot.waitUntil(lambda: view.action_bar.override_button.isEnabled())
    view.request_override()
    dialog = view.override_dialog
    assert dialog is not None
    # Until the window system has given the dialog the keyboard, Qt drops keys sent to the window it blocks.
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.pin_edit.setFocus()
    lookups = len(counter.log(*VERDICTS))
    scanner.scan(demo.codes[1])
    qtbot.waitUntil(lambda: bool(counter.log(Action.SCAN_IGNORED)))
    assert counter.log(Action.SCAN_IGNORED)[0].record.detail == {"where": "form open", "what": "code"}
    assert counter.fields_with_text(dialog) == {}
    assert dialog.isVisible() and len(counter.log(*VERDICTS)) == lookups


def test_help_steps_aside_for_a_scan(
    qtbot: QtBot, scanner: ScannerProcess, demo: Demo, open_counter: Callable[..., Counter]
) -> None:
    counter = open_counter()
    counter.window.on_help()
    help_dialog = counter.window.dialog
    assert isinstance(help_dialog, HelpDialog)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is help_dialog)
    check_id(qtbot, counter, scanner, demo.codes[0])
    assert not shiboken6.isValid(help_dialog) or not help_dialog.isVisible()
    assert counter.log(Action.SCAN_IGNORED) == []


def test_a_scan_on_another_page_goes_to_check_in(
    qtbot: QtBot, scanner: ScannerProcess, demo: Demo, open_counter: Callable[..., Counter]
) -> None:
    counter = open_counter()
    counter.window.supervisor = counter.window.session.staff  # as after the supervisor's PIN
    counter.window.on_show_badges()
    assert counter.window.tabs.currentWidget() is counter.window.badges
    check_id(qtbot, counter, scanner, demo.codes[0])
    assert counter.window.tabs.currentWidget() is counter.window.checkin
    assert counter.fields_with_text() == {}


@pytest.mark.parametrize(("layout", "xkb"), list(XKB_NAMES.items()))
def test_the_self_test_recognises_a_real_scanner_and_names_the_layout(
    qtbot: QtBot,
    x_display: XDisplay,
    scanner: ScannerProcess,
    open_counter: Callable[..., Counter],
    layout: str,
    xkb: tuple[str, str],
) -> None:
    x_display.set_layout(*xkb)
    counter = open_counter(log_in=False)
    assert counter.startup.login_dialog is not None
    counter.startup.login_dialog.close()
    dialog = StationDialog(counter.desk.event, None, None, wedge=counter.wedge)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.desk_edit.setFocus()
    scanner.scan(SELF_TEST_CODE)
    qtbot.waitUntil(lambda: dialog.self_test.result != "")
    assert dialog.self_test.result == layout
    assert dialog.layout_combo.currentData() == layout
    assert dialog.desk_edit.text() == ""
    assert "US keyboard" in dialog.self_test.result_label.text()
