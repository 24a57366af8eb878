"""Starting the desk: database, event, clock, station (asked on first run), login, then the main window.

``run_gui`` is the one entry point (``desk-app gui`` and ``desk-app demo`` call it). The steps after the database
are a :class:`DeskStartup`, which opens each dialog without a nested event loop, so tests and the start-up
benchmark drive the same sequence a person sees.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from desk_app.errors import ConfigError, DeskError
from desk_app.service import (
    DeskProfile,
    DeskService,
    Station,
    StationConfig,
    choose_printer,
    load_station,
    open_desk,
    save_station,
)
from desk_app.ui.checkin.mrz_input import scanned_thing
from desk_app.ui.checkin.texts import fill, translate
from desk_app.ui.i18n import Translations
from desk_app.ui.login import LoginDialog
from desk_app.ui.main_window import CheckinFactory, MainWindow, default_checkin_view
from desk_app.ui.scanners.wedge import WedgeFilter
from desk_app.ui.session import DeskSession
from desk_app.ui.station_dialog import StationDialog
from desk_app.ui.theme import apply_theme


class DeskStartup(QObject):
    """Station, language, login, main window: one step after another, each dialog opened without blocking.

    Args:
        desk: the service the desk runs on.
        translations: switched to the station's language before the login.
        wedge: the application's keyboard-wedge filter (the station dialog's self-test listens to it).
        station_path: where the station settings live; None for the user's config.
        profile: a desk opened for a show (the demo): its station, and the login to offer, without asking or
            saving anything.
        checkin_view: builds the check-in screen (tests pass a fake).
        kiosk: the window fills the screen with no frame, whatever the station says (``--kiosk``).

    Signals:
        ready(object): the ``MainWindow``, shown.
        given_up(int): the person cancelled the station or the login; the exit code.
    """

    ready = Signal(object)
    given_up = Signal(int)

    def __init__(
        self,
        desk: DeskService,
        translations: Translations,
        *,
        wedge: WedgeFilter | None = None,
        station_path: Path | None = None,
        profile: DeskProfile | None = None,
        checkin_view: CheckinFactory = default_checkin_view,
        kiosk: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.kiosk = kiosk
        self.desk = desk
        self.translations = translations
        self.wedge = wedge
        self.station_path = station_path
        self.profile = profile
        self.checkin_view = checkin_view
        self.station_dialog: StationDialog | None = None
        self.login_dialog: LoginDialog | None = None
        self.window: MainWindow | None = None
        self._station: StationConfig | None = None
        if wedge is not None:
            wedge.scanned.connect(self.on_scanned)

    def start(self) -> None:
        """Open the first dialog the desk needs: the station settings on first run, else the login."""
        if self.profile is not None:
            self._login(self.profile.station)
            return
        problem = ""
        try:
            station = load_station(self.station_path)
        except ConfigError as exc:
            station, problem = None, str(exc)
        if station is not None and station.entrance not in self.desk.event.entrances:
            problem = f"entrance {station.entrance!r} is not an entrance of this event"
        if station is None or problem:
            self._ask_station(station, problem)
        else:
            self._login(station)

    def _ask_station(self, initial: StationConfig | None, problem: str) -> None:
        if initial is not None:
            self._switch_language(initial.language)
        dialog = StationDialog(
            self.desk.event, self.station_path, initial, wedge=self.wedge, translations=self.translations
        )
        if problem:
            dialog.message_label.setText(problem)
        dialog.saved.connect(self._login)
        dialog.rejected.connect(lambda: self.given_up.emit(1))
        self.station_dialog = dialog
        dialog.open()

    def on_scanned(self, text: str) -> None:
        """A scan at the login: not a PIN, never counted as one; logged as not taken."""
        dialog = self.login_dialog
        if self.window is not None or self._station is None or dialog is None or not dialog.isVisible():
            return
        station = Station(self._station.entrance, self._station.desk, "")
        try:
            self.desk.scan_ignored(station, "login", scanned_thing(text))
        except DeskError as exc:
            dialog.form.message_label.setText(str(exc))
            return
        dialog.form.message_label.setText(translate("DeskStartup", "Scan not taken: log in first."))

    def _login(self, station: StationConfig) -> None:
        self._switch_language(station.language)
        self._station = station
        if self.wedge is not None:
            self.wedge.layout = station.keyboard_layout or None
            self.wedge.prefix, self.wedge.suffix = station.scanner_prefix, station.scanner_suffix
        dialog = LoginDialog(self.desk, station, profile_hint(self.profile) if self.profile else "")
        if self.profile is not None:
            dialog.form.set_login(self.profile.login)
        dialog.accepted.connect(lambda: self._open_window(station, dialog))
        dialog.rejected.connect(lambda: self.given_up.emit(1))
        self.login_dialog = dialog
        dialog.open()
        dialog.form.reset()

    def _open_window(self, station: StationConfig, dialog: LoginDialog) -> None:
        assert dialog.member is not None
        issuer = self.desk.issuer(choose_printer(station), station.badge_size)
        session = DeskSession(self.desk, issuer, station, dialog.member)
        issuer.recover_stalled(session.station)  # a desk that stopped mid-print leaves nobody half-served
        window = MainWindow(
            session,
            self.translations,
            wedge=self.wedge,
            checkin_view=self.checkin_view,
            keep_language=None if self.profile else self._keep_language,
            export_folder=self.profile.export_folder if self.profile else None,
        )
        self.window = window
        if self.kiosk or station.kiosk:  # a counter PC that runs only the desk: nothing else on the screen
            window.setWindowFlag(Qt.WindowType.FramelessWindowHint)
            window.showFullScreen()
        else:
            window.showMaximized()  # every desk screen is used in full; nobody has to resize at 08:00
        window.activateWindow()  # the login dialog had the keyboard; the desk takes it over, ready for a scan
        self.ready.emit(window)

    def _keep_language(self, language: str) -> None:
        if self.window is not None:
            save_station(self.window.session.config, self.station_path)

    def _switch_language(self, language: str) -> None:
        # Without the translation file the desk starts in English; the language menu says what is missing.
        with contextlib.suppress(ConfigError):
            self.translations.switch(language)


def profile_hint(profile: DeskProfile) -> str:
    """Under the login form of a show desk: which login and PIN to use, and where the printouts are."""
    return (
        fill(
            QCoreApplication.translate("DeskStartup", "Demo desk: log in as %1 with PIN %2."),
            profile.login,
            profile.pin,
        )
        + " "
        + fill(
            translate("DeskStartup", "The applicants' confirmation printouts, to scan or open, are in %1."),
            str(profile.printouts),
        )
    )


def run_gui(
    db_location: str | Path,
    now: str | datetime | None = None,
    station_path: Path | None = None,
    profile: DeskProfile | None = None,
    *,
    kiosk: bool = False,
) -> int:
    """Run the desk until its window is closed; the process's exit code.

    Args:
        db_location: the database, as ``open_desk`` takes it (a path, ``sqlite:///path`` or a PostgreSQL URL).
        now: run as at this moment (``--now``): ISO-8601 text read in the event's time zone, or an aware datetime.
        station_path: the station settings file; None for the user's config (``station_config_path()``).
        profile: a show desk (the demo): its station and login are given, nothing is asked or saved.
        kiosk: fill the screen with no window frame, whatever the station says.
    """
    if QApplication.instance() is None and (problem := display_problem()):
        print(f"desk-app: {problem}", file=sys.stderr)
        return 2
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "desk-app"])
    assert isinstance(app, QApplication)
    app.setApplicationName("desk-app")
    apply_theme(app)
    translations = Translations(app)
    wedge = WedgeFilter(app)
    app.installEventFilter(wedge)
    app.setQuitOnLastWindowClosed(False)  # dialogs close between the steps of the start
    try:
        desk = open_desk(db_location, now)
    except DeskError as exc:
        _fatal(str(exc))
        return exc.exit_code
    try:
        desk.require_sound()  # a database whose staff, keys or badges differ from its log is not served on
    except DeskError as exc:
        desk.close()
        _fatal(str(exc))
        return exc.exit_code
    try:
        startup = DeskStartup(desk, translations, wedge=wedge, station_path=station_path, profile=profile, kiosk=kiosk)
        startup.given_up.connect(app.exit)
        startup.ready.connect(lambda _window: app.setQuitOnLastWindowClosed(True))
        startup.start()
        return app.exec()
    except DeskError as exc:
        _fatal(str(exc))
        return exc.exit_code
    finally:
        app.removeEventFilter(wedge)
        desk.close()


def display_problem(environ: Mapping[str, str] = os.environ, platform: str = sys.platform) -> str:
    """Why Qt could not open a window here, said before Qt aborts the process with a message of its own."""
    if not platform.startswith("linux") or environ.get("QT_QPA_PLATFORM"):
        return ""
    if environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
        return ""
    return (
        "the desk needs a screen, and this session has none (no DISPLAY or WAYLAND_DISPLAY). "
        "Run it in a desktop session, or under xvfb-run to try it on a server."
    )


def _fatal(message: str) -> None:
    """A start-up failure, said in a box (there is no window yet) and on stderr."""
    print(f"desk-app: {message}", file=sys.stderr)
    box = QMessageBox(QMessageBox.Icon.Critical, "desk-app", message, QMessageBox.StandardButton.Ok)
    box.exec()
