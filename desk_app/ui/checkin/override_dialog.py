"""A supervisor accepts a doubtful case at the counter: their login, their PIN (masked) and a reason, all required.

The dialog does not check the PIN itself: ``DeskService.override`` does, on the controller's desk lane, and logs
the decision with the reason. The dialog stays open until the answer comes back, so a wrong PIN is said in the
dialog and the supervisor tries again; wrong PINs in a row lock the login for a while (the service says how long).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desk_app.ui.i18n import Retranslates


class OverrideDialog(Retranslates, QDialog):
    """Supervisor login, PIN and reason for accepting what the ID check could not.

    Args:
        summary: what is being accepted, in words (the reasons of the verdict).
        login: the supervisor's login to start with (the member of staff at the desk, when a supervisor).

    Signals:
        submitted(str, str, str): login, PIN, reason; the screen answers with :meth:`refused` or closes the dialog.
    """

    submitted = Signal(str, str, str)

    def __init__(self, summary: str, login: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModal(True)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.summary = QLabel(summary, self)
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-weight: bold;")
        self.login_label, self.pin_label, self.reason_label = QLabel(self), QLabel(self), QLabel(self)
        self.login_edit, self.pin_edit, self.reason_edit = QLineEdit(login, self), QLineEdit(self), QLineEdit(self)
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.login_label.setBuddy(self.login_edit)
        self.pin_label.setBuddy(self.pin_edit)
        self.reason_label.setBuddy(self.reason_edit)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b3121f; font-weight: bold;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, parent=self
        )
        form = QFormLayout()
        form.addRow(self.login_label, self.login_edit)
        form.addRow(self.pin_label, self.pin_edit)
        form.addRow(self.reason_label, self.reason_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.summary)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        for edit in (self.login_edit, self.pin_edit, self.reason_edit):
            edit.textChanged.connect(self._on_text_changed)
        self.setMinimumWidth(720)
        self.retranslate()
        self._on_text_changed()
        (self.pin_edit if login else self.login_edit).setFocus()

    @property
    def busy(self) -> bool:
        """Waiting for the desk to answer."""
        return not self.buttons.isEnabled()

    def refused(self, message: str) -> None:
        """The desk did not accept it (wrong PIN, not a supervisor, nothing to override): say so, try again."""
        self.buttons.setEnabled(True)
        self.message.setText(message)
        self.pin_edit.clear()
        self.pin_edit.setFocus()

    def accepted_by_desk(self) -> None:
        self.accept()

    def _on_buttons_accepted(self) -> None:
        if self.busy or not self._complete():
            return
        self.message.setText(self.tr("Checking…"))
        self.buttons.setEnabled(False)
        self.submitted.emit(self.login_edit.text().strip(), self.pin_edit.text(), self.reason_edit.text().strip())

    def _complete(self) -> bool:
        return all(edit.text().strip() for edit in (self.login_edit, self.pin_edit, self.reason_edit))

    def _on_text_changed(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self._complete())

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Supervisor override"))
        self.intro.setText(
            self.tr("A supervisor accepts this check-in despite what the ID check found. It is logged with the reason.")
        )
        self.login_label.setText(self.tr("Supervisor &login:"))
        self.pin_label.setText(self.tr("&PIN:"))
        self.reason_label.setText(self.tr("&Reason:"))
        self.reason_edit.setPlaceholderText(self.tr("required, e.g. new passport seen"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Accept and print"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
