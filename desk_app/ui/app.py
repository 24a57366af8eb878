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

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from desk_app.config import DEFAULT_EVENT_FILE, parse_event
from desk_app.core.clock import Clock, ShiftedClock, SystemClock, parse_moment
from desk_app.core.event import EventConfig
from desk_app.demo.build import CONFIRMATIONS_FOLDER, DEMO_STAFF, GROUPS
from desk_app.desk import Desk, event_of, install_event
from desk_app.errors import ConfigError, DeskError
from desk_app.issuing import BadgeIssuer
from desk_app.printing import CupsPrinter, PdfFolderPrinter, Printer
from desk_app.station import StationConfig, load_station, save_station
from desk_app.store import Store, open_store
from desk_app.ui.checkin.texts import fill
from desk_app.ui.i18n import Translations
from desk_app.ui.login import LoginDialog
from desk_app.ui.main_window import CheckinFactory, MainWindow, default_checkin_view
from desk_app.ui.scanners.wedge import WedgeFilter
from desk_app.ui.session import DeskSession
from desk_app.ui.station_dialog import StationDialog, default_badge_folder
from desk_app.ui.theme import apply_theme
from desk_app.ui.worker import StoreOpener

DEMO_DESK = "DEMO-G1"
DEMO_BADGES_FOLDER = "badges"


def demo_station(db_location: str | Path) -> StationConfig:
    """The demo's desk: Groups entrance, badges as PDFs beside the demo database, a USB scanner; never saved."""
    folder = Path(str(db_location)).expanduser().resolve().parent
    return StationConfig(entrance=GROUPS, desk=DEMO_DESK, pdf_dir=str(folder / DEMO_BADGES_FOLDER))


def make_clock(now: str | datetime | None, event: EventConfig) -> Clock:
    """The real clock, or one started at ``now`` (ISO text is read in the event's time zone).

    Raises:
        ConfigError: ``now`` is not an ISO-8601 moment.
    """
    if now is None:
        return SystemClock()
    if isinstance(now, datetime):
        return ShiftedClock(now if now.tzinfo else now.replace(tzinfo=event.time_zone))
    try:
        return ShiftedClock(parse_moment(now, event.time_zone))
    except ValueError as exc:
        raise ConfigError(f"--now {now!r} is not an ISO-8601 moment (e.g. 2024-02-14T09:00)") from exc


def printer_for(station: StationConfig) -> Printer:
    """The station's CUPS queue, or its folder of badge PDFs."""
    if station.printer:
        return CupsPrinter(station.printer)
    return PdfFolderPrinter(Path(station.pdf_dir) if station.pdf_dir else default_badge_folder())


class DeskStartup(QObject):
    """Station, language, login, main window: one step after another, each dialog opened without blocking.

    Args:
        store, event, clock: the service the desk runs on.
        translations: switched to the station's language before the login.
        open_store: another connection to the same database (for worker threads).
        wedge: the application's keyboard-wedge filter (the station dialog's self-test listens to it).
        station_path: where the station settings live; None for the user's config.
        demo: use the demo station and say how to log in, without asking or saving anything.
        checkin_view: builds the check-in screen (tests pass a fake).

    Signals:
        ready(object): the ``MainWindow``, shown.
        given_up(int): the person cancelled the station or the login; the exit code.
    """

    ready = Signal(object)
    given_up = Signal(int)

    def __init__(
        self,
        store: Store,
        event: EventConfig,
        clock: Clock,
        translations: Translations,
        open_store: StoreOpener,
        *,
        wedge: WedgeFilter | None = None,
        station_path: Path | None = None,
        demo: bool = False,
        checkin_view: CheckinFactory = default_checkin_view,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.desk = Desk(store, event, clock)
        self.translations = translations
        self.open_store = open_store
        self.wedge = wedge
        self.station_path = station_path
        self.demo = demo
        self.checkin_view = checkin_view
        self.station_dialog: StationDialog | None = None
        self.login_dialog: LoginDialog | None = None
        self.window: MainWindow | None = None

    def start(self) -> None:
        """Open the first dialog the desk needs: the station settings on first run, else the login."""
        if self.demo:
            self._login(demo_station(self.desk.store.location))
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

    def _login(self, station: StationConfig) -> None:
        self._switch_language(station.language)
        if self.wedge is not None:
            self.wedge.layout = station.keyboard_layout
        dialog = LoginDialog(self.desk, station, demo_hint(self.desk.store.location) if self.demo else "")
        if self.demo:
            dialog.form.set_login(DEMO_STAFF[0].login)
        dialog.accepted.connect(lambda: self._open_window(station, dialog))
        dialog.rejected.connect(lambda: self.given_up.emit(1))
        self.login_dialog = dialog
        dialog.open()
        dialog.form.reset()

    def _open_window(self, station: StationConfig, dialog: LoginDialog) -> None:
        assert dialog.member is not None
        issuer = BadgeIssuer(self.desk, printer_for(station), station.badge_size)
        session = DeskSession(self.desk, issuer, station, dialog.member)
        issuer.recover_stalled(session.station)  # a desk that stopped mid-print leaves nobody half-served
        window = MainWindow(
            session,
            self.translations,
            self.open_store,
            wedge=self.wedge,
            checkin_view=self.checkin_view,
            keep_language=None if self.demo else self._keep_language,
            export_folder=Path(self.desk.store.location).parent if self.demo else None,
        )
        self.window = window
        window.show()
        window.activateWindow()  # the login dialog had the keyboard; the desk takes it over, ready for a scan
        self.ready.emit(window)

    def _keep_language(self, language: str) -> None:
        if self.window is not None:
            save_station(self.window.session.config, self.station_path)

    def _switch_language(self, language: str) -> None:
        # Without the translation file the desk starts in English; the language menu says what is missing.
        with contextlib.suppress(ConfigError):
            self.translations.switch(language)


def demo_hint(db_location: str) -> str:
    staff = DEMO_STAFF[0]
    printouts = Path(db_location).expanduser().resolve().parent / CONFIRMATIONS_FOLDER
    return (
        fill(QCoreApplication.translate("DeskStartup", "Demo desk: log in as %1 with PIN %2."), staff.login, staff.pin)
        + " "
        + fill(
            QCoreApplication.translate(
                "DeskStartup", "The applicants' confirmation printouts, to scan or open, are in %1."
            ),
            str(printouts),
        )
    )


def run_gui(
    db_location: str | Path, now: str | datetime | None = None, station_path: Path | None = None, demo: bool = False
) -> int:
    """Run the desk until its window is closed; the process's exit code.

    Args:
        db_location: the database, as ``open_store`` takes it (a path, ``sqlite:///path`` or a PostgreSQL URL).
        now: run as at this moment (``--now``): ISO-8601 text read in the event's time zone, or an aware datetime.
        station_path: the station settings file; None for the user's config (``station_config_path()``).
        demo: the demo desk (Groups entrance, desk DEMO-G1, badge PDFs beside the database), login prefilled.
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
        store = open_store(db_location)
    except DeskError as exc:
        _fatal(str(exc))
        return exc.exit_code
    try:
        event = event_of(store)
        if event is None:
            text = DEFAULT_EVENT_FILE.read_text(encoding="utf-8")
            event = install_event(store, text, DEFAULT_EVENT_FILE.name, make_clock(now, parse_event(text)).now())
        startup = DeskStartup(
            store,
            event,
            make_clock(now, event),
            translations,
            lambda: open_store(db_location),
            wedge=wedge,
            station_path=station_path,
            demo=demo,
        )
        startup.given_up.connect(app.exit)
        startup.ready.connect(lambda _window: app.setQuitOnLastWindowClosed(True))
        startup.start()
        return app.exec()
    except DeskError as exc:
        _fatal(str(exc))
        return exc.exit_code
    finally:
        app.removeEventFilter(wedge)
        store.close()


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
