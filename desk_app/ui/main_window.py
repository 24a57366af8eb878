"""The desk's window: the check-in screen in front, the supervisor area behind a PIN, a lock when left alone.

Every action has a menu entry and a keyboard shortcut (F1 lists them). Scans from the keyboard-wedge filter (and a
serial scanner) reach the check-in screen through :meth:`MainWindow.on_scanned`, whichever page is showing and
wherever the cursor is; help and messages step aside for them. While the desk is locked, or a form is open over
it, a scan is not taken: the status bar says so and the log keeps it (``scan_routing``).

Locking hides everything personal: the pages make way for the lock screen, and any dialog open at the time is
hidden until the desk is unlocked (and closed if someone else unlocks it).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QStackedWidget, QTabWidget, QWidget

from desk_app.core.model import StaffMember
from desk_app.errors import ConfigError, DeskError
from desk_app.service import DeskService, IgnoredAt, Progress
from desk_app.ui.checkin.mrz_input import scanned_thing
from desk_app.ui.checkin.texts import fill
from desk_app.ui.help_dialog import HelpDialog
from desk_app.ui.i18n import Retranslates, Translations
from desk_app.ui.idle import IdleWatcher
from desk_app.ui.login import LockScreen
from desk_app.ui.menus import DeskMenus
from desk_app.ui.notify import tell
from desk_app.ui.scan_routing import closes_for_scans, reads_scans
from desk_app.ui.scanners.wedge import WedgeFilter
from desk_app.ui.session import DeskSession
from desk_app.ui.status_bar import DeskStatusBar
from desk_app.ui.supervisor.badges import BadgesPage
from desk_app.ui.supervisor.counts import CountsPage
from desk_app.ui.supervisor.exports import ExportDialog
from desk_app.ui.supervisor.gate import SupervisorDialog
from desk_app.ui.supervisor.import_dialog import ImportDialog
from desk_app.ui.supervisor.log_view import LogView
from desk_app.ui.supervisor.preprint import PreprintDialog
from desk_app.ui.supervisor.staff import StaffPage
from desk_app.ui.supervisor.stock import StockPage
from desk_app.ui.words import entrance_name, event_name
from desk_app.ui.worker import DeskJob

CheckinFactory = Callable[[DeskSession, QWidget], QWidget]
"""Builds the check-in screen for a session. The shell calls its ``on_scanned(text)`` slot; it uses, when the
screen has them, ``shutdown()`` (finish work in progress before the screen goes), ``focus_search()`` (F2),
``on_desk_locked()`` (drop what a supervisor authorised for the person on screen), and the
signals ``person_served(str)`` and ``verdict_shown(str)`` (the counts move) and ``status_changed(str)`` (news for
the status bar)."""
LanguageKeeper = Callable[[str], None]

WITNESS_EVERY_MS = 60_000  # a checkpoint of the log to the witness folders at most once a minute


def default_checkin_view(session: DeskSession, parent: QWidget) -> QWidget:
    from desk_app.ui.checkin import CheckinView

    return CheckinView(session, parent)


class MainWindow(Retranslates, QMainWindow):
    """The desk for one logged-in member of staff (another may take over at the lock screen).

    Args:
        session: the desk, printer, station and member of staff.
        translations: the language switch.
        wedge: the application's keyboard-wedge filter; its scans go to the check-in screen.
        checkin_view: builds the check-in screen (tests pass a fake).
        keep_language: called with the new language after a switch (saves it in the station settings).
        export_folder: where the export dialog proposes to write.

    Signals:
        session_changed(object): the ``DeskSession`` now in use, after another member of staff unlocked the desk.
        locked_changed(bool): the desk was locked (True) or unlocked (False).
    """

    session_changed = Signal(object)
    locked_changed = Signal(bool)

    def __init__(
        self,
        session: DeskSession,
        translations: Translations,
        *,
        wedge: WedgeFilter | None = None,
        checkin_view: CheckinFactory = default_checkin_view,
        keep_language: LanguageKeeper | None = None,
        export_folder: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.translations = translations
        self.keep_language = keep_language
        self.export_folder = export_folder
        self.supervisor: StaffMember | None = session.staff if session.is_supervisor else None
        self._rehearsal = session.desk.rehearsal
        self.locked = False
        self._hidden_dialogs: list[QDialog] = []
        self.dialog: QDialog | None = None  # the last dialog opened from the menus (tests look at it)

        self._checkin_factory = checkin_view
        self.checkin = checkin_view(session, self)
        self.counts = CountsPage(session, self)
        self.log_view = LogView(session, self)
        self.badges = BadgesPage(session, self)
        self.staff_page = StaffPage(session, self)
        self.stock_page = StockPage(session, export_folder, self)
        self.tabs = QTabWidget()
        for page in (self.checkin, self.counts, self.log_view, self.badges, self.staff_page, self.stock_page):
            self.tabs.addTab(page, "")
        self.lock_screen = LockScreen(session.desk, session.config, self)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.tabs)
        self.stack.addWidget(self.lock_screen)
        self.setCentralWidget(self.stack)
        self.status = DeskStatusBar(session, self)
        self.setStatusBar(self.status)
        self.menus = DeskMenus(self, self)
        self.menus.show_language(translations.language)

        self.idle = IdleWatcher(session.config.idle_lock_minutes, self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.idle)  # after the wedge filter, so it sees scans first
        self.idle.idle.connect(self.on_idle)
        self.idle.start()
        self.witness_timer = QTimer(self)
        self.witness_timer.setInterval(WITNESS_EVERY_MS)
        self.witness_timer.timeout.connect(self.on_witness_timer_timeout)
        self.witness_timer.start()
        self.backup_timer = QTimer(self)
        self._backup_job: DeskJob | None = None
        if session.config.backup_minutes and session.config.witness_dir:
            self.backup_timer.setInterval(session.config.backup_minutes * 60_000)
            self.backup_timer.timeout.connect(self.on_backup_timer_timeout)
            self.backup_timer.start()
        self.lock_screen.unlocked.connect(self.on_unlocked)
        self.badges.changed.connect(self.counts.on_checked_in)
        self.stock_page.changed.connect(self.counts.on_checked_in)
        self.tabs.currentChanged.connect(self.on_tab_changed)
        self._connect_checkin()
        self._wedge = wedge
        if wedge is not None:
            wedge.scanned.connect(self.on_scanned)
        self.serial = self._open_serial_scanner()
        translations.language_changed.connect(self.on_language_changed)
        self._apply_role()
        self.resize(1280, 800)
        self.retranslate()

    # --- language ---------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        session = self.session
        title = fill(
            self.tr("%1 — %2, desk %3"),
            event_name(session.desk.event),
            entrance_name(session.desk.event, session.config.entrance),
            session.config.desk,
        )
        if self._rehearsal:  # read once: the window must not query the database on every language switch
            title = fill(self.tr("REHEARSAL — %1"), title)
        self.setWindowTitle(title)
        self.menus.retranslate()
        for index, title in enumerate(
            (
                self.tr("Check-in"),
                self.tr("Live counts"),
                self.tr("Log"),
                self.tr("Reprint / void"),
                self.tr("Staff"),
                self.tr("Cards"),
            )
        ):
            shortcut = ("F4", "F5", "F6", "F8", "F7", "F9")[index]
            self.tabs.setTabText(index, f"{title} ({shortcut})")

    def switch_language(self, language: str) -> None:
        """Speak ``language`` from now on (every open window follows) and keep it for the next start."""
        try:
            self.translations.switch(language)
        except ConfigError as exc:
            self.status.showMessage(str(exc), 10_000)
            return
        if self.keep_language is not None:
            try:
                self.keep_language(language)
            except (ConfigError, OSError) as exc:
                self.status.showMessage(str(exc), 10_000)

    def on_language_changed(self, language: str) -> None:
        self.menus.show_language(language)
        self.session = dataclasses.replace(
            self.session, config=dataclasses.replace(self.session.config, language=language)
        )

    # --- scans ------------------------------------------------------------------------------------------------

    def on_scanned(self, text: str) -> None:
        """A code or passport zone from a scanner: to the check-in screen, unless the desk is locked or a form is
        open over it (see ``scan_routing``)."""
        self.idle.poke()
        if self.locked:
            self._scan_not_taken(text, "lock screen", self.tr("Scan not taken: the desk is locked."))
            return
        window = QApplication.activeModalWidget()
        while window is not None and self._closes_for_a_scan(window):
            window.close()
            if window.isVisible():
                break
            window = QApplication.activeModalWidget()
        if window is not None:
            if not reads_scans(window):
                message = self.tr("Scan not taken: finish or close the open window first.")
                self._scan_not_taken(text, "form open", message)
            return
        self.tabs.setCurrentWidget(self.checkin)
        receive = getattr(self.checkin, "on_scanned", None)
        if receive is not None:
            receive(text)

    def _closes_for_a_scan(self, window: QWidget) -> bool:
        """Help or a message over the desk itself; a message over a form stays, to be read."""
        parent = window.parentWidget()
        return closes_for_scans(window) and (parent is None or parent.window() is self)

    def _scan_not_taken(self, text: str, where: IgnoredAt, message: str) -> None:
        self.status.showMessage(message, 5000)
        station = self.session.station
        if where == "lock screen":
            station = dataclasses.replace(station, staff="")  # whoever scanned, nobody is logged in
        try:
            self.session.desk.scan_ignored(station, where, scanned_thing(text))
        except DeskError as exc:
            self.status.showMessage(fill(self.tr("%1 Not logged: %2"), message, str(exc)), 10_000)

    # --- pages ------------------------------------------------------------------------------------------------

    def on_search(self) -> None:
        self.on_show_checkin()
        focus_search = getattr(self.checkin, "focus_search", None)
        if focus_search is not None:
            focus_search()

    def on_show_checkin(self) -> None:
        self.tabs.setCurrentWidget(self.checkin)
        self.checkin.setFocus(Qt.FocusReason.ShortcutFocusReason)  # to its focus proxy, the reference field

    def on_show_counts(self) -> None:
        if self._supervisor_only():
            self.tabs.setCurrentWidget(self.counts)
            self.counts.refresh()

    def on_show_log(self) -> None:
        if self._supervisor_only():
            self.tabs.setCurrentWidget(self.log_view)
            self.log_view.reload()

    def on_show_staff(self) -> None:
        if self._supervisor_only():
            self.tabs.setCurrentWidget(self.staff_page)

    def on_show_badges(self) -> None:
        if self._supervisor_only():
            self.tabs.setCurrentWidget(self.badges)
            self.badges.find_edit.setFocus()

    def on_show_stock(self) -> None:
        if self._supervisor_only():
            self.tabs.setCurrentWidget(self.stock_page)
            self.stock_page.refresh()

    def on_preprint(self) -> None:
        if self._supervisor_only():
            dialog = PreprintDialog(self.session, self.export_folder, self)
            dialog.preprinted.connect(self.stock_page.on_stock_changed)
            self._open(dialog)

    def on_tab_changed(self, index: int) -> None:
        page = self.tabs.widget(index)
        if page is self.log_view:
            self.log_view.reload()

    def on_export(self) -> None:
        if self._supervisor_only():
            self._open(ExportDialog(self.session, self.export_folder, self))

    def on_import(self) -> None:
        if self._supervisor_only():
            assert self.supervisor is not None
            dialog = ImportDialog(self.session, self.supervisor.login, self)
            dialog.imported.connect(self.counts.on_checked_in)
            self._open(dialog)

    def on_help(self) -> None:
        self._open(HelpDialog(self.actions(), self))

    def on_about(self) -> None:
        tell(
            self,
            self.tr("About the desk"),
            fill(
                self.tr("Media accreditation desk for %1.\nDatabase: %2"),
                event_name(self.session.desk.event),
                self.session.desk.location,
            ),
        )

    # --- supervisor area --------------------------------------------------------------------------------------

    @property
    def supervisor_open(self) -> bool:
        return self.supervisor is not None

    def on_supervisor_sign_in(self) -> None:
        if self.supervisor_open:
            self.on_show_counts()
            return
        dialog = SupervisorDialog(self.session.desk, parent=self)
        dialog.authorised.connect(self.on_supervisor_authorised)
        self._open(dialog)

    def on_supervisor_authorised(self, supervisor: StaffMember) -> None:
        self.supervisor = supervisor
        self._apply_role()
        self.on_show_counts()

    def on_supervisor_sign_out(self) -> None:
        """Close the supervisor area on a counter's desk (a supervisor's own session keeps it)."""
        if not self.session.is_supervisor:
            self.supervisor = None
            self._apply_role()
            self.tabs.setCurrentWidget(self.checkin)

    def _supervisor_only(self) -> bool:
        if self.supervisor_open:
            return True
        self.status.showMessage(self.tr("Supervisors only: sign in with Ctrl+Shift+S."), 5000)
        return False

    def _apply_role(self) -> None:
        open_ = self.supervisor_open
        for page in (self.counts, self.log_view, self.badges, self.staff_page, self.stock_page):
            self.tabs.setTabVisible(self.tabs.indexOf(page), open_)
        self.tabs.tabBar().setVisible(open_)  # a counter has one page: no tab bar to tab through
        self.menus.enable(locked=self.locked, supervisor_open=open_, own_supervisor=self.session.is_supervisor)
        self.status.set_session(self.session, self.supervisor)
        self.staff_page.supervisor = self.supervisor.login if self.supervisor else self.session.staff.login

    # --- locking ----------------------------------------------------------------------------------------------

    def on_idle(self) -> None:
        self.lock(self.session.config.idle_lock_minutes)

    def lock(self, idle_minutes: int = 0) -> None:
        """Hide the work behind the lock screen; only a staff PIN opens it again."""
        if self.locked:
            return
        self.locked = True
        self.idle.stop()
        forget = getattr(self.checkin, "on_desk_locked", None)
        if forget is not None:  # a supervisor's authorisation kept for a card's hand-over goes with the lock
            forget()
        self._hidden_dialogs = [d for d in self.findChildren(QDialog) if d.isVisible()]
        for dialog in self._hidden_dialogs:
            dialog.hide()
        if not self.session.is_supervisor:
            self.supervisor = None
        self._apply_role()
        self.lock_screen.lock_for(self.session.staff, idle_minutes)
        self.stack.setCurrentWidget(self.lock_screen)
        self.lock_screen.form.reset()
        self.locked_changed.emit(True)

    def on_unlocked(self, member: StaffMember) -> None:
        same = member.login == self.session.staff.login
        if not same:
            self.session = dataclasses.replace(self.session, staff=member)
            for page in (self.counts, self.log_view, self.badges, self.staff_page, self.stock_page):
                page.set_session(self.session)
            self._replace_checkin()
        self.supervisor = self.session.staff if self.session.is_supervisor else None
        self.locked = False
        self._apply_role()
        self.stack.setCurrentWidget(self.tabs)
        for dialog in self._hidden_dialogs:
            if not shiboken6.isValid(dialog):
                continue
            if same or getattr(dialog, "busy", False):
                dialog.show()
            else:
                dialog.reject()
        self._hidden_dialogs = []
        if not same:
            self.on_show_checkin()
            self.session_changed.emit(self.session)
        self.idle.start()
        self.locked_changed.emit(False)

    # --- the check-in screen ------------------------------------------------------------------------------------

    def _connect_checkin(self) -> None:
        for name in ("person_served", "verdict_shown"):
            signal = getattr(self.checkin, name, None)
            if signal is not None:
                signal.connect(self.counts.on_checked_in)
        news = getattr(self.checkin, "status_changed", None)
        if news is not None:
            news.connect(self.on_checkin_status_changed)

    def on_checkin_status_changed(self, text: str) -> None:
        self.status.showMessage(text, 15_000)

    def _replace_checkin(self) -> None:
        """A new member of staff at the desk: a check-in screen in their name (work in progress finishes first)."""
        old = self.checkin
        index = self.tabs.indexOf(old)
        shutdown = getattr(old, "shutdown", None)
        if shutdown is not None:
            shutdown()
        self.checkin = self._checkin_factory(self.session, self)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, self.checkin, "")
        old.deleteLater()
        self._connect_checkin()
        self.retranslate()

    def _open_serial_scanner(self) -> QObject | None:
        """The station's serial scanner, if it has one; its scans take the same way as the wedge's."""
        config = self.session.config
        if config.scanner != "serial" or not config.serial_port:
            return None
        from desk_app.ui.scanners.serial import SerialScanner

        scanner = SerialScanner(config.serial_port, self)
        scanner.scanned.connect(self.on_scanned)
        scanner.error.connect(self.on_scanner_error)
        scanner.open()
        return scanner

    def on_scanner_error(self, message: str) -> None:
        self.status.showMessage(message, 15_000)
        tell_screen = getattr(self.checkin, "on_scanner_error", None)
        if tell_screen is not None:
            tell_screen(message)

    # --- helpers ----------------------------------------------------------------------------------------------

    def _open(self, dialog: QDialog) -> None:
        """Open ``dialog`` over the window without a nested event loop (the lock may hide it at any time)."""
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def on_witness_timer_timeout(self) -> None:
        """A checkpoint of the log to this machine's witness folder and the station's, when the log grew."""
        config = self.session.config
        folders = [Path(config.witness_dir).expanduser()] if config.witness_dir else []
        try:
            self.session.desk.witness_if_grown(config.desk, folders)
        except (OSError, DeskError) as exc:
            self.status.showMessage(fill(self.tr("No checkpoint written to the witness folder: %1"), str(exc)), 10000)

    def on_backup_timer_timeout(self) -> None:
        """A copy of the database on the witness medium, made in a thread while the desk keeps working."""
        if self._backup_job is not None:  # the last one is still being written
            return
        folder = Path(self.session.config.witness_dir).expanduser() / "backups"
        by = self.session.staff.login

        def work(desk: DeskService, _progress: Progress) -> Path:
            return desk.backup(folder, by=by)

        job = DeskJob(self.session.desk, work, self)
        job.failed.connect(self.on_backup_failed)
        job.finished.connect(self.on_backup_finished)
        self._backup_job = job
        job.start()

    def on_backup_failed(self, error: DeskError) -> None:
        self.status.showMessage(fill(self.tr("The automatic backup failed: %1"), str(error)), 10000)

    def on_backup_finished(self) -> None:
        if self._backup_job is not None:
            self._backup_job.deleteLater()
            self._backup_job = None

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.locked:
            self.on_show_checkin()

    def closeEvent(self, event: QCloseEvent) -> None:
        busy = [w for w in (*self.findChildren(QDialog), self.badges, self.stock_page) if getattr(w, "busy", False)]
        if busy:  # a worker thread must finish before its window goes
            self.status.showMessage(self.tr("Wait until the import, export, pre-print or reprint is finished."), 5000)
            event.ignore()
            return
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.idle)
        self.idle.stop()
        self.status.clock.stop()
        shutdown = getattr(self.checkin, "shutdown", None)
        if shutdown is not None:
            shutdown()
        self.witness_timer.stop()
        self.backup_timer.stop()
        if self._backup_job is not None:
            self._backup_job.wait()
        self.on_witness_timer_timeout()  # the last check-ins of the shift go to the witness too
        if self._wedge is not None:
            self._wedge.scanned.disconnect(self.on_scanned)
            self._wedge = None
        super().closeEvent(event)
