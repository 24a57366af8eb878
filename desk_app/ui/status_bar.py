"""The bottom line of the desk: entrance, desk, who is working, the printer, and the time in the event's zone."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from desk_app.core.model import StaffMember
from desk_app.service import PdfFolderPrinter
from desk_app.ui.checkin.texts import fill
from desk_app.ui.i18n import Retranslates
from desk_app.ui.session import DeskSession
from desk_app.ui.words import entrance_name, role_name

PRINTER_WIDTH_PX = 560  # a long folder path is shortened in the middle; the tooltip has it all


class DeskStatusBar(Retranslates, QStatusBar):
    """Permanent labels for the station and a clock ticking every second; ``showMessage`` for passing news (the staff
    and printer labels make room for it)."""

    def __init__(self, session: DeskSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.supervisor: StaffMember | None = None
        self.place_label = QLabel()
        self.staff_label = QLabel()
        self.printer_label = QLabel()
        self.clock_label = QLabel()
        for label in (self.place_label, self.staff_label, self.printer_label, self.clock_label):
            label.setContentsMargins(8, 0, 8, 0)
            self.addPermanentWidget(label)
        self.messageChanged.connect(self.on_message_changed)
        self.clock = QTimer(self)
        self.clock.setInterval(1000)
        self.clock.timeout.connect(self.on_clock_timeout)
        self.clock.start()
        self.retranslate()

    def on_message_changed(self, message: str) -> None:
        """Passing news needs the room: who is working and the printer step aside until it goes."""
        for label in (self.staff_label, self.printer_label):
            label.setVisible(not message)

    def set_session(self, session: DeskSession, supervisor: StaffMember | None) -> None:
        self.session = session
        self.supervisor = supervisor
        self.retranslate()

    def retranslate(self) -> None:
        session = self.session
        self.place_label.setText(
            fill(
                self.tr("%1 · desk %2"), entrance_name(session.desk.event, session.config.entrance), session.config.desk
            )
        )
        staff = fill(self.tr("%1 (%2)"), session.staff.full_name, role_name(session.staff.role))
        if self.supervisor is not None and self.supervisor.login != session.staff.login:
            staff += " · " + fill(self.tr("supervisor area opened by %1"), self.supervisor.full_name)
        self.staff_label.setText(staff)
        printer = fill(self.tr("Printer: %1"), self._printer_words())
        self.printer_label.setToolTip(printer)
        self.printer_label.setText(
            self.printer_label.fontMetrics().elidedText(printer, Qt.TextElideMode.ElideMiddle, PRINTER_WIDTH_PX)
        )
        self.place_label.setAccessibleName(self.tr("Station"))
        self.staff_label.setAccessibleName(self.tr("Staff at the desk"))
        self.printer_label.setAccessibleName(self.tr("Printer"))
        self.clock_label.setAccessibleName(self.tr("Event time"))
        self.on_clock_timeout()

    def _printer_words(self) -> str:
        printer = self.session.issuer.printer
        if isinstance(printer, PdfFolderPrinter):
            return fill(self.tr("PDF files in %1"), str(printer.folder))
        return printer.describe()

    def on_clock_timeout(self) -> None:
        desk = self.session.desk
        self.clock_label.setText(desk.event.local(desk.clock.now()).strftime("%Y-%m-%d %H:%M:%S %Z"))
