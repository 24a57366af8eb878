"""A supervisor accepts a doubtful case at the counter: their login, their PIN (masked) and a reason, all required.

The dialog does not check the PIN itself: ``DeskService.override`` does, on the controller's desk lane, and logs
the decision with the reason. The dialog stays open until the answer comes back, so a wrong PIN is said in the
dialog and the supervisor tries again; wrong PINs in a row lock the login for a while (the service says how long).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QGridLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desk_app.ui.i18n import Retranslates

MIN_WIDTH = 1000
MARGIN = 8  # between the dialog and the panels it stands above


class OverrideDialog(Retranslates, QDialog):
    """Supervisor login, PIN and reason for accepting what the ID check could not.

    Args:
        summary: what is being accepted, in words (the reasons of the verdict).
        login: the supervisor's login to start with (the member of staff at the desk, when a supervisor).
        prints: whether accepting prints a badge (not when the person's card was printed in advance: it is
            handed over once scanned).

    Signals:
        submitted(str, str, str): login, PIN, reason; the screen answers with :meth:`refused` or closes the dialog.
        resized(): its size changed (a message line came): the screen places it again.
    """

    submitted = Signal(str, str, str)
    resized = Signal()

    def __init__(self, summary: str, login: str, parent: QWidget | None = None, *, prints: bool = True) -> None:
        super().__init__(parent)
        self._prints = prints
        self.setModal(True)
        self.setMinimumWidth(MIN_WIDTH)
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
        # One row: labels over login, PIN, reason, and the buttons. A low dialog sits above the applicant and the ID
        # check (``CheckinView``), which the supervisor compares while typing.
        row = QGridLayout()
        row.setHorizontalSpacing(12)
        row.setVerticalSpacing(2)
        labels = (self.login_label, self.pin_label, self.reason_label)
        edits = (self.login_edit, self.pin_edit, self.reason_edit)
        for column, (label, edit) in enumerate(zip(labels, edits, strict=True)):
            row.addWidget(label, 0, column)
            row.addWidget(edit, 1, column)
        row.setColumnStretch(2, 1)
        row.addWidget(self.buttons, 1, 3)
        layout = QVBoxLayout(self)
        layout.setSpacing(4)
        layout.addWidget(self.intro)
        layout.addWidget(self.summary)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        for edit in (self.login_edit, self.pin_edit, self.reason_edit):
            edit.textChanged.connect(self._on_text_changed)
        self.retranslate()
        self._on_text_changed()
        (self.pin_edit if login else self.login_edit).setFocus()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()

    def place_above(self, panels: QWidget) -> None:
        """Just above the applicant and the ID check (``panels``), over the look-up line and the banner (the dialog
        repeats the reasons): the supervisor compares the documents with the application while typing their PIN."""
        corner = panels.mapToGlobal(QPoint(0, 0))
        self.resize(max(self.minimumSizeHint().width(), panels.width()), self.minimumSizeHint().height())
        frame = self.frameGeometry()
        top = max(panels.window().screen().availableGeometry().top(), corner.y() - frame.height() - MARGIN)
        self.move(corner.x(), top)

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
        self.pin_edit.clear()  # the PIN is not kept in a hidden dialog
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
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Accept and print") if self._prints else self.tr("Accept, then scan the card")
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
