"""The shell around the check-in screen: first run, login, idle lock, scans, the supervisor area, start-up."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit
from pytestqt.qtbot import QtBot

from desk_app.core.wedge import SELF_TEST_CODE, type_as
from desk_app.demo.build import DEMO_DESK, demo_profile
from desk_app.printing import QueueInfo
from desk_app.service import DeskService, Station, StationConfig, load_station, save_station
from desk_app.store import open_store
from desk_app.ui.app import DeskStartup, display_problem, run_gui
from desk_app.ui.checkin import CheckinView
from desk_app.ui.checkin.sounds import SilentSounds
from desk_app.ui.i18n import Translations
from desk_app.ui.login import LoginDialog, LoginForm
from desk_app.ui.main_window import MainWindow
from desk_app.ui.scanners.wedge import WedgeFilter
from desk_app.ui.station_dialog import StationDialog
from desk_app.ui.supervisor.gate import SupervisorDialog
from tests.conftest import STAFF_PIN, SUPERVISOR_PIN, FixedClock
from tests.gui.conftest import HARMLESS_QT_MESSAGES, FakeClock
from tests.gui.shell_helpers import GROUPS_G1, FakeCheckinView, World, add_demo_counter, make_world


@pytest.fixture
def world(tmp_path: Path, desk: DeskService, clock: FixedClock) -> World:
    return make_world(tmp_path, desk, clock)


@pytest.fixture(autouse=True)
def translations(qapp: QApplication) -> Iterator[Translations]:
    """The desk always runs with its translators: English has its plural forms ("4 more tries") in desk_en.qm."""
    made = Translations(qapp)
    yield made
    made.switch("en")


def open_window(qtbot: QtBot, world: World, translations: Translations, login: str = "anna") -> MainWindow:
    window = MainWindow(world.session(login), translations, checkin_view=FakeCheckinView)
    qtbot.addWidget(window)
    window.show()
    return window


def log_in(form: LoginForm, login: str, pin: str) -> None:
    form.login_edit.setText(login)
    form.pin_edit.setText(pin)
    form.submit_button.click()


# --- first run -------------------------------------------------------------------------------------------------


def test_first_run_station_dialog_saves_the_station(qtbot: QtBot, world: World, tmp_path: Path) -> None:
    path = tmp_path / "config" / "station.toml"
    wedge = WedgeFilter()
    queues = [QueueInfo("G3-cards", True, True, "", True)]
    dialog = StationDialog(world.desk.event, path, wedge=wedge, list_printers=lambda: queues)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.entrance_combo.setCurrentIndex(dialog.entrance_combo.findData("groups"))
    dialog.desk_edit.setText("G3")
    dialog.cups_radio.setChecked(True)
    # The self-test: a US scanner read off the screen by a Belgian AZERTY desk.
    wedge.burst.emit(type_as(SELF_TEST_CODE, "be"))
    assert dialog.layout_combo.currentData() == "be"
    assert "Belgian AZERTY" in dialog.self_test.result_label.text()
    dialog.idle_spin.setValue(3)
    dialog.backup_spin.setValue(15)
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert "need a witness folder" in dialog.message_label.text() and not path.exists()
    dialog.witness_edit.setText(str(tmp_path / "usb"))
    with qtbot.waitSignal(dialog.saved):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    saved = load_station(path)
    assert saved is not None
    assert (saved.entrance, saved.desk, saved.printer, saved.pdf_dir) == ("groups", "G3", "G3-cards", "")
    assert (saved.scanner, saved.keyboard_layout, saved.idle_lock_minutes) == ("keyboard", "be", 3)
    assert (saved.witness_dir, saved.backup_minutes) == (str(tmp_path / "usb"), 15)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_station_dialog_needs_a_desk_name_and_says_when_no_printer_is_found(
    qtbot: QtBot, world: World, tmp_path: Path
) -> None:
    path = tmp_path / "station.toml"
    dialog = StationDialog(world.desk.event, path, list_printers=lambda: [])
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.cups_radio.isEnabled() and dialog.folder_radio.isChecked()
    assert "No printer" in dialog.printer_note.text()
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert "desk a name" in dialog.message_label.text()
    assert not path.exists()
    wedge_typo = type_as("NOT-THE-TEST-CODE", "us")
    dialog.self_test.on_burst(wedge_typo)
    assert "Not recognised" in dialog.self_test.result_label.text()


# --- login -----------------------------------------------------------------------------------------------------


def test_login_with_a_wrong_then_the_right_pin(qtbot: QtBot, world: World) -> None:
    dialog = LoginDialog(world.desk, GROUPS_G1)
    qtbot.addWidget(dialog)
    dialog.open()
    log_in(dialog.form, "anna", "0000")
    assert "not accepted" in dialog.form.message_label.text()
    assert "4 more tries" in dialog.form.message_label.text()
    assert dialog.isVisible() and dialog.member is None
    assert dialog.form.pin_edit.text() == ""
    log_in(dialog.form, "anna", STAFF_PIN)
    assert dialog.member is not None and dialog.member.login == "anna"
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_five_wrong_pins_mean_a_30_second_wait(qtbot: QtBot, world: World) -> None:
    time = FakeClock(0.0)
    form = LoginForm(world.desk, GROUPS_G1, monotonic=lambda: time.now)
    qtbot.addWidget(form)
    for _ in range(5):
        log_in(form, "anna", "1111")
    assert "Wait 30 seconds" in form.message_label.text()
    assert not form.pin_edit.isEnabled() and not form.submit_button.isEnabled()
    time.advance(12)
    form.on_countdown_timeout()
    assert "Wait 18 seconds" in form.message_label.text()
    time.advance(18)
    world.clock.moment += timedelta(seconds=30)  # the desk's clock, by which the service keeps the lock
    form.on_countdown_timeout()
    assert form.pin_edit.isEnabled()
    log_in(form, "anna", STAFF_PIN)
    assert form.message_label.text() == ""


def test_staff_from_the_other_entrance_are_told_where_they_work(qtbot: QtBot, world: World) -> None:
    form = LoginForm(world.desk, GROUPS_G1)
    qtbot.addWidget(form)
    with qtbot.assertNotEmitted(form.accepted):
        log_in(form, "paul", STAFF_PIN)
    assert "Paul Passoffice does not work at this entrance" in form.message_label.text()
    assert "Visitors entrance" in form.message_label.text()


# --- idle lock -------------------------------------------------------------------------------------------------


def test_idle_lock_locks_and_the_same_pin_unlocks(qtbot: QtBot, world: World, translations: Translations) -> None:
    window = open_window(qtbot, world, translations)
    assert window.idle.interval_ms() == 5 * 60_000
    window.idle.set_minutes(0.002)  # 120 ms
    window.idle.start()
    with qtbot.waitSignal(window.locked_changed, timeout=3000):
        pass
    assert window.locked and window.stack.currentWidget() is window.lock_screen
    assert not window.checkin.isVisible()
    form = window.lock_screen.form
    assert form.login_edit.text() == "anna"
    log_in(form, "anna", "9999")
    assert window.locked and "not accepted" in form.message_label.text()
    log_in(form, "anna", STAFF_PIN)
    assert not window.locked and window.stack.currentWidget() is window.tabs
    assert window.session.staff.login == "anna"
    assert window.idle.running


def test_typing_keeps_the_desk_unlocked(qtbot: QtBot, world: World, translations: Translations) -> None:
    window = open_window(qtbot, world, translations)
    window.idle.set_minutes(0.005)  # 300 ms
    window.idle.start()
    field = QLineEdit(window.checkin)
    field.show()
    field.setFocus()
    for _ in range(6):
        qtbot.wait(100)
        QTest.keyClick(field, Qt.Key.Key_A)
    assert not window.locked
    qtbot.waitUntil(lambda: window.locked, timeout=3000)


def test_another_member_of_staff_can_take_over_at_the_lock(
    qtbot: QtBot, world: World, translations: Translations
) -> None:
    window = open_window(qtbot, world, translations)
    window.lock()
    with qtbot.waitSignal(window.session_changed) as changed:
        log_in(window.lock_screen.form, "sam", SUPERVISOR_PIN)
    assert changed.args[0].staff.login == "sam"
    assert window.checkin.session.staff.login == "sam"  # a new check-in screen in sam's name
    assert window.tabs.indexOf(window.checkin) == 0
    assert window.supervisor_open  # sam is a supervisor
    assert "Sam Supervisor" in window.status.staff_label.text()


def test_locking_hides_open_windows_until_unlocked(qtbot: QtBot, world: World, translations: Translations) -> None:
    window = open_window(qtbot, world, translations)
    window.on_help()
    help_dialog = window.dialog
    assert help_dialog is not None and help_dialog.isVisible()
    window.lock()
    assert not help_dialog.isVisible()
    log_in(window.lock_screen.form, "anna", STAFF_PIN)
    assert help_dialog.isVisible()


# --- scans -----------------------------------------------------------------------------------------------------


def test_a_wedge_scan_reaches_the_checkin_screen_from_any_page(
    qtbot: QtBot, world: World, translations: Translations, qapp: QApplication, fake_clock: FakeClock
) -> None:
    wedge = WedgeFilter(clock=fake_clock)
    qapp.installEventFilter(wedge)
    try:
        window = MainWindow(world.session("sam"), translations, wedge=wedge, checkin_view=FakeCheckinView)
        qtbot.addWidget(window)
        with qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        window.on_show_log()
        window.log_view.table.setFocus()
        QTest.keyClicks(window.log_view.table, "DM24-000002")
        QTest.keyClick(window.log_view.table, Qt.Key.Key_Return)
        assert window.checkin.scans == ["DM24-000002"]
        assert window.tabs.currentWidget() is window.checkin
        window.lock()
        wedge.scanned.emit("DM24-000001")
        assert window.checkin.scans == ["DM24-000002"]
        assert "locked" in window.status.currentMessage()
    finally:
        qapp.removeEventFilter(wedge)


# --- supervisor area -------------------------------------------------------------------------------------------


def test_supervisor_area_is_hidden_from_counter_staff(qtbot: QtBot, world: World, translations: Translations) -> None:
    window = open_window(qtbot, world, translations, "anna")
    pages = (window.counts, window.log_view, window.badges, window.staff_page)
    assert not any(window.tabs.isTabVisible(window.tabs.indexOf(p)) for p in pages)
    assert not window.menus.export.isEnabled() and not window.menus.import_list.isEnabled()
    window.on_export()
    assert window.dialog is None
    assert "Supervisors only" in window.status.currentMessage()


def test_a_supervisor_pin_opens_the_area_on_a_counter_desk(
    qtbot: QtBot, world: World, translations: Translations
) -> None:
    window = open_window(qtbot, world, translations, "anna")
    window.menus.sign_in.trigger()
    dialog = window.dialog
    assert isinstance(dialog, SupervisorDialog)
    dialog.login_edit.setText("anna")
    dialog.pin_edit.setText(STAFF_PIN)
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert "not a supervisor" in dialog.message_label.text() and not window.supervisor_open
    dialog.login_edit.setText("sam")
    dialog.pin_edit.setText(SUPERVISOR_PIN)
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert window.supervisor_open and window.session.staff.login == "anna"
    assert window.tabs.currentWidget() is window.counts
    assert window.menus.export.isEnabled()
    assert "supervisor area opened by Sam Supervisor" in window.status.staff_label.text()
    window.lock()  # locking closes the area again on a counter's desk
    log_in(window.lock_screen.form, "anna", STAFF_PIN)
    assert not window.supervisor_open
    assert not window.tabs.isTabVisible(window.tabs.indexOf(window.counts))


def test_a_supervisor_session_has_the_area_open(qtbot: QtBot, world: World, translations: Translations) -> None:
    window = open_window(qtbot, world, translations, "sam")
    assert window.supervisor_open and not window.menus.sign_in.isEnabled()
    assert all(window.tabs.isTabVisible(i) for i in range(window.tabs.count()))
    window.menus.counts.trigger()
    assert window.tabs.currentWidget() is window.counts


# --- start-up --------------------------------------------------------------------------------------------------


def test_first_start_asks_for_the_station_then_logs_in(
    qtbot: QtBot, world: World, translations: Translations, tmp_path: Path
) -> None:
    path = tmp_path / "station.toml"
    startup = DeskStartup(world.desk, translations, station_path=path, checkin_view=FakeCheckinView)
    startup.start()
    dialog = startup.station_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.addWidget(dialog)
    dialog.desk_edit.setText("G1")
    dialog.folder_edit.setText(str(tmp_path / "badges"))
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert path.exists()
    login = startup.login_dialog
    assert login is not None and login.isVisible()
    qtbot.addWidget(login)
    with qtbot.waitSignal(startup.ready) as ready:
        log_in(login.form, "anna", STAFF_PIN)
    window = ready.args[0]
    qtbot.addWidget(window)
    assert window.isVisible() and window.session.config.desk == "G1"
    assert window.isMaximized() and not window.isFullScreen()  # every desk screen used in full


@pytest.mark.parametrize("how", ["--kiosk", "station setting"])
def test_a_kiosk_desk_fills_the_screen_with_no_frame(
    qtbot: QtBot, world: World, translations: Translations, tmp_path: Path, how: str
) -> None:
    path = tmp_path / "station.toml"
    save_station(StationConfig("groups", "G1", pdf_dir=str(tmp_path), kiosk=how != "--kiosk"), path)
    assert load_station(path).kiosk is (how != "--kiosk")  # type: ignore[union-attr]
    startup = DeskStartup(
        world.desk, translations, station_path=path, checkin_view=FakeCheckinView, kiosk=how == "--kiosk"
    )
    startup.start()
    login = startup.login_dialog
    assert login is not None
    qtbot.addWidget(login)
    with qtbot.waitSignal(startup.ready) as ready:
        log_in(login.form, "anna", STAFF_PIN)
    window = ready.args[0]
    qtbot.addWidget(window)
    assert window.isFullScreen()
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint


def test_demo_start_uses_the_demo_desk_and_prefills_the_login(
    qtbot: QtBot, world: World, translations: Translations, tmp_path: Path
) -> None:
    add_demo_counter(world.desk)
    path = tmp_path / "never-written.toml"
    startup = DeskStartup(
        world.desk, translations, station_path=path, profile=demo_profile(world.db_path),
        checkin_view=FakeCheckinView,
    )  # fmt: skip
    startup.start()
    login = startup.login_dialog
    assert login is not None
    qtbot.addWidget(login)
    assert login.form.login_edit.text() == "counter1"
    assert "PIN 2481" in login.hint_label.text() and "confirmations" in login.hint_label.text()
    assert login.form.pin_edit.hasFocus() or not login.isActiveWindow()
    with qtbot.waitSignal(startup.ready) as ready:
        login.form.pin_edit.setText("2481")
        login.form.submit_button.click()
    window = ready.args[0]
    qtbot.addWidget(window)
    assert window.session.config.desk == DEMO_DESK and window.session.config.entrance == "groups"
    assert window.session.issuer.printer.describe().endswith("badges")
    assert "DEMO-G1" in window.status.place_label.text()
    assert not path.exists()


# --- with the real check-in screen, and the whole start ---------------------------------------------------------


def test_the_real_checkin_screen_takes_wedge_scans_through_the_shell(
    qtbot: QtBot, world: World, translations: Translations, qapp: QApplication, fake_clock: FakeClock
) -> None:
    wedge = WedgeFilter(clock=fake_clock)
    qapp.installEventFilter(wedge)
    try:
        window = MainWindow(
            world.session("anna"),
            translations,
            wedge=wedge,
            checkin_view=lambda session, parent: CheckinView(session, parent, sounds=SilentSounds()),
        )
        qtbot.addWidget(window)
        with qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        assert isinstance(window.checkin, CheckinView)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
        target = QApplication.focusWidget()
        with qtbot.waitSignal(window.checkin.verdict_shown, timeout=10_000) as shown:
            QTest.keyClicks(target, "DM24-000002")
            QTest.keyClick(target, Qt.Key.Key_Return)
        assert shown.args == ["CHECK_ID"]  # Dupont is eligible: the ID check comes next
    finally:
        qapp.removeEventFilter(wedge)


# The real check-in screen loads its sounds; this machine has no sound server for them.
@pytest.mark.qt_log_ignore(*HARMLESS_QT_MESSAGES, r"^PulseAudioService: pa_context_connect\(\) failed$")
def test_run_gui_starts_the_demo_desk_and_returns_when_its_window_closes(
    world: World, qapp: QApplication, tmp_path: Path
) -> None:
    add_demo_counter(world.desk)
    font, style, sheet = qapp.font(), qapp.style().name(), qapp.styleSheet()
    seen: list[str] = []

    def drive() -> None:
        windows = QApplication.topLevelWidgets()
        login = next((w for w in windows if isinstance(w, LoginDialog) and w.isVisible()), None)
        main = next((w for w in windows if isinstance(w, MainWindow) and w.isVisible()), None)
        if login is not None:
            seen.append(f"login as {login.form.login_edit.text()}")
            login.form.pin_edit.setText("2481")
            login.form.submit_button.click()
        elif main is not None:
            seen.append(f"window at {main.session.config.desk}")
            main.close()
            return
        QTimer.singleShot(20, drive)

    QTimer.singleShot(0, drive)
    try:
        code = run_gui(
            world.db_path,
            "2024-02-14T09:30",
            station_path=tmp_path / "unused.toml",
            profile=demo_profile(world.db_path),
        )
    finally:
        qapp.setQuitOnLastWindowClosed(True)
        qapp.setStyleSheet(sheet)
        qapp.setStyle(style)
        qapp.setFont(font)
    assert code == 0
    assert seen == ["login as counter1", "window at DEMO-G1"]
    assert not (tmp_path / "unused.toml").exists()


def test_without_a_screen_the_desk_says_so_instead_of_aborting() -> None:
    assert "needs a screen" in display_problem({}, "linux")
    assert display_problem({"DISPLAY": ":0"}, "linux") == ""
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") == ""
    assert display_problem({}, "win32") == ""


def test_the_window_backs_up_and_witnesses_the_log_on_the_station_s_medium(
    qtbot: QtBot, world: World, translations: Translations, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    config = dataclasses.replace(GROUPS_G1, witness_dir=str(usb), backup_minutes=5)
    window = MainWindow(world.session("anna", config), translations, checkin_view=FakeCheckinView)
    qtbot.addWidget(window)
    window.show()
    assert window.backup_timer.isActive() and window.backup_timer.interval() == 5 * 60_000
    window.on_backup_timer_timeout()
    qtbot.waitUntil(lambda: window._backup_job is None, timeout=30_000)
    [copy] = (usb / "backups").glob("*.sqlite")
    with open_store(copy) as backup:
        assert backup.log.verify().intact and backup.log.count() >= world.store.log.count() - 1
    world.desk.check_in(Station("groups", "G1", "anna"), "DM24-999999")  # the log grows
    window.on_witness_timer_timeout()
    assert list(usb.glob("*.checkpoint")) and list(usb.glob("desk-*.pub"))
