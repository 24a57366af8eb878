"""A supervisor signs in on a counter's desk to open the supervisor area (the counter stays logged in)."""

from __future__ import annotations

import math

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desk_app.core.model import StaffMember
from desk_app.errors import StaffError
from desk_app.service import DeskService, PinRefused
from desk_app.ui.i18n import Retranslates

REASON = "supervisor area opened at the desk"


class SupervisorDialog(Retranslates, QDialog):
    """Supervisor login and PIN, checked (and logged, and throttled) by ``DeskService.authorise_supervisor``.

    Signals:
        authorised(object): the supervisor's ``StaffMember``; the dialog then closes.
    """

    authorised = Signal(object)

    def __init__(self, desk: DeskService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.supervisor: StaffMember | None = None
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.login_label, self.pin_label = QLabel(), QLabel()
        self.login_edit = QLineEdit()
        self.pin_edit = QLineEdit()
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.login_label.setBuddy(self.login_edit)
        self.pin_label.setBuddy(self.pin_edit)
        self.message_label = QLabel()
        self.message_label.setProperty("role", "message")
        self.message_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        form = QFormLayout()
        form.addRow(self.login_label, self.login_edit)
        form.addRow(self.pin_label, self.pin_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.on_ok)
        self.buttons.rejected.connect(self.reject)
        self.setMinimumWidth(520)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Supervisor sign-in"))
        self.intro.setText(
            self.tr("A supervisor's login and PIN open the supervisor area on this desk until it is locked.")
        )
        self.login_label.setText(self.tr("Supervisor &login:"))
        self.pin_label.setText(self.tr("&PIN:"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def on_ok(self) -> None:
        login, pin = self.login_edit.text().strip(), self.pin_edit.text()
        self.pin_edit.clear()
        try:
            self.supervisor = self.desk.authorise_supervisor(login, pin, REASON)
        except PinRefused as exc:
            if exc.lock.wait_s > 0:
                wait = math.ceil(exc.lock.wait_s)
                self.message_label.setText(self.tr("Too many wrong PINs. Wait %n second(s), then try again.", "", wait))
            else:
                self.message_label.setText(self.tr("Not accepted: this is not a supervisor's login and PIN."))
            self.pin_edit.setFocus()
            return
        except StaffError:
            self.message_label.setText(self.tr("Not accepted: this is not a supervisor's login and PIN."))
            self.pin_edit.setFocus()
            return
        self.authorised.emit(self.supervisor)
        self.accept()
