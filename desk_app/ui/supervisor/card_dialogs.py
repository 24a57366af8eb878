"""A supervisor voids a card that never reached its holder (lost, damaged, flagged), or closes the stock at the end of
the event. Both need the supervisor's login and PIN, checked, logged and throttled by the service; both are one
quick transaction, so they run on the GUI thread like a badge's void.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.model import Card, CardState
from desk_app.core.text import printable
from desk_app.errors import DeskError, StaffError
from desk_app.service import PinRefused, StockReport
from desk_app.ui.checkin.texts import fill, translate
from desk_app.ui.i18n import Retranslates
from desk_app.ui.session import DeskSession


class SupervisorPin(Retranslates, QWidget):
    """A supervisor's login and (masked) PIN, and how a refusal is said."""

    def __init__(self, session: DeskSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.login_label, self.pin_label = QLabel(), QLabel()
        self.login_edit = QLineEdit(session.staff.login if session.is_supervisor else "")
        self.pin_edit = QLineEdit()
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.login_label.setBuddy(self.login_edit)
        self.pin_label.setBuddy(self.pin_edit)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.login_label, self.login_edit)
        form.addRow(self.pin_label, self.pin_edit)
        self.retranslate()

    def retranslate(self) -> None:
        self.login_label.setText(self.tr("Supervisor lo&gin:"))
        self.pin_label.setText(self.tr("P&IN:"))

    def take(self) -> tuple[str, str]:
        """The login and PIN typed; the PIN field is emptied at once."""
        pin = self.pin_edit.text()
        self.pin_edit.clear()
        return self.login_edit.text().strip(), pin

    def refusal(self, error: StaffError) -> str:
        self.pin_edit.setFocus()
        if isinstance(error, PinRefused) and error.lock.wait_s > 0:
            return self.tr("Too many wrong PINs. Wait %n second(s), then try again.", "", math.ceil(error.lock.wait_s))
        if isinstance(error, PinRefused):
            return self.tr("Not accepted: this is not a supervisor's login and PIN.")
        return fill(self.tr("Not done: %1"), str(error))


class VoidCardDialog(Retranslates, QDialog):
    """Find a card by its serial, give the reason, the supervisor's PIN: the card is void and its holder is served
    with a badge printed at the desk.

    Signals:
        voided(object): the ``Card`` now void.
    """

    voided = Signal(object)

    def __init__(self, session: DeskSession, serial: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.card: Card | None = None
        self._holder = ""
        self.serial_label, self.reason_label = QLabel(), QLabel()
        self.serial_edit = QLineEdit(serial)
        self.find_button = QPushButton()
        self.details_label = QLabel()
        self.details_label.setWordWrap(True)
        self.reason_edit = QLineEdit()
        self.serial_label.setBuddy(self.serial_edit)
        self.reason_label.setBuddy(self.reason_edit)
        self.pin = SupervisorPin(session)
        self.message_label = QLabel()
        self.message_label.setProperty("role", "message")
        self.message_label.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.void_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        find_row = QHBoxLayout()
        find_row.addWidget(self.serial_edit, 1)
        find_row.addWidget(self.find_button)
        form = QFormLayout()
        form.addRow(self.serial_label, find_row)
        form.addRow(self.details_label)
        form.addRow(self.reason_label, self.reason_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.pin)
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)
        self.serial_edit.returnPressed.connect(self.on_find)
        self.find_button.clicked.connect(self.on_find)
        self.buttons.accepted.connect(self.on_void)
        self.buttons.rejected.connect(self.reject)
        self.setMinimumWidth(720)
        self.retranslate()
        if serial:
            self.on_find()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Void a card"))
        self.serial_label.setText(self.tr("Card &serial:"))
        self.serial_edit.setPlaceholderText(self.tr("for example M-000123 (scan or type it)"))
        self.find_button.setText(self.tr("&Find"))
        self.reason_label.setText(self.tr("R&eason:"))
        self.reason_edit.setPlaceholderText(self.tr("required, for example: card damaged"))
        self.void_button.setText(self.tr("&Void the card"))
        self.close_button.setText(self.tr("Close"))
        self._show_card()

    def on_find(self) -> None:
        serial = self.serial_edit.text().strip().upper()
        self.card = self.session.desk.card(serial) if serial else None
        holder = self.session.desk.application(self.card.reference) if self.card else None
        self._holder = printable(holder.display_name) if holder else ""
        self._show_card()
        self.message_label.setText("" if self.card else self.tr("No card with that serial."))
        if self.card:
            self.reason_edit.setFocus()

    def on_void(self) -> None:
        if self.card is None:
            self.on_find()
            if self.card is None:
                return
        reason = self.reason_edit.text().strip()
        if not reason:
            self.message_label.setText(self.tr("Give the reason: it goes into the log."))
            self.reason_edit.setFocus()
            return
        login, pin = self.pin.take()
        try:
            card = self.session.desk.void_card(self.session.station, login, pin, self.card.serial, reason)
        except StaffError as exc:
            self.message_label.setText(self.pin.refusal(exc))
            return
        except DeskError as exc:
            self.message_label.setText(fill(self.tr("Not done: %1"), str(exc)))
            return
        self.card = card
        self.reason_edit.clear()
        self._show_card()
        self.message_label.setText(
            fill(
                self.tr(
                    "Card %1 is void: take it out of box %2, slot %3 and destroy it. Its holder is served with a "
                    "badge printed at the desk."
                ),
                card.serial,
                str(card.box),
                str(card.slot),
            )
        )
        self.voided.emit(card)

    def _show_card(self) -> None:
        card = self.card
        if card is None:
            self.details_label.setText(self.tr("No card chosen."))
            return
        self.details_label.setText(
            fill(
                self.tr("Card %1 of %2 %3: box %4, slot %5; %6."),
                card.serial,
                card.reference,
                self._holder,
                str(card.box),
                str(card.slot),
                card_state_text(card),
            )
        )


def card_state_text(card: Card) -> str:
    """Where a card stands, in words."""
    texts = {
        CardState.RESERVED: translate("Cards", "reserved, not printed"),
        CardState.PREPRINTED: translate("Cards", "in its box"),
        CardState.HANDED_OVER: translate("Cards", "handed over"),
        CardState.VOIDED: translate("Cards", "void"),
    }
    return texts[card.state]


class CloseStockDialog(Retranslates, QDialog):
    """The end of the event: every card still in a box is destroyed and the stock is signed off. Asks for a tick
    that the boxes were counted, and the supervisor's PIN; it cannot be undone.

    Signals:
        closed(object): the ``StockReport`` as closed.
    """

    closed = Signal(object)

    def __init__(self, session: DeskSession, report: StockReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._left = sum(row.in_box + row.not_printed for row in report.boxes)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.confirm_box = QCheckBox()
        self.pin = SupervisorPin(session)
        self.message_label = QLabel()
        self.message_label.setProperty("role", "message")
        self.message_label.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.close_stock_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.confirm_box)
        layout.addWidget(self.pin)
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)
        self.confirm_box.toggled.connect(self.close_stock_button.setEnabled)
        self.close_stock_button.setEnabled(False)
        self.buttons.accepted.connect(self.on_close_stock)
        self.buttons.rejected.connect(self.reject)
        self.setMinimumWidth(720)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Close the stock of cards"))
        self.intro.setText(
            self.tr(
                "At the end of the event: the %n card(s) still waiting (in a box or never printed) are recorded as "
                "destroyed unclaimed, and the stock is signed off in your name. This cannot be undone.",
                "",
                self._left,
            )
        )
        self.confirm_box.setText(self.tr("I have &counted the boxes and destroy the cards left in them"))
        self.close_stock_button.setText(self.tr("Close the &stock"))
        self.cancel_button.setText(self.tr("Cancel"))

    def on_close_stock(self) -> None:
        if not self.confirm_box.isChecked():
            return
        login, pin = self.pin.take()
        try:
            report = self.session.desk.close_stock(login, pin)
        except StaffError as exc:
            self.message_label.setText(self.pin.refusal(exc))
            return
        except DeskError as exc:
            self.message_label.setText(fill(self.tr("Not done: %1"), str(exc)))
            return
        self.closed.emit(report)
        self.accept()
