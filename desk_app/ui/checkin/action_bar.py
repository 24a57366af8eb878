"""The bottom of the check-in screen: what Enter and Escape will do, the other actions, and the print job's progress.

The buttons mirror the keys (Enter issues, Escape goes to the next person), so staff who use the mouse learn the
keys, and the buttons that make no sense right now are disabled rather than hidden: the layout never jumps.
"""

from __future__ import annotations

import enum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from desk_app.ui.checkin.texts import fill
from desk_app.ui.i18n import Retranslates

FOCUS_ROOM = 16


class PrintState(enum.Enum):
    """The print job as staff see it: (step of 4, colour)."""

    IDLE = (0, "#1d2329")
    PREPARING = (1, "#1d2329")
    SENDING = (2, "#1d2329")
    PRINTING = (3, "#1d2329")
    DONE = (4, "#146c2e")
    FAILED = (0, "#b3121f")


class ActionBar(Retranslates, QWidget):
    """Issue, override, retry, next person; the print progress; a line for what is missing before issuing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.issue_button = QPushButton(self)
        self.override_button = QPushButton(self)
        self.retry_button = QPushButton(self)
        self.next_button = QPushButton(self)
        for button in (self.issue_button, self.override_button, self.retry_button, self.next_button):
            button.setAutoDefault(True)  # Enter on a focused button presses it, not the screen's Enter
            button.setMinimumHeight(44)
        self.issue_button.setStyleSheet("QPushButton:enabled { font-weight: bold; }")
        self.prompt = QLabel(self)
        self.prompt.setWordWrap(True)
        self.prompt.setTextFormat(Qt.TextFormat.PlainText)
        self.prompt.setStyleSheet("color: #b3121f; font-weight: bold;")
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 4)
        self.progress.setTextVisible(False)
        self.progress.setFixedWidth(120)
        self.print_label = QLabel(self)
        self.print_label.setWordWrap(True)
        self.print_label.setTextFormat(Qt.TextFormat.PlainText)
        self.print_state = PrintState.IDLE
        self.print_text = ""
        self.news = QWidget(self)  # a line over the buttons, there only while it has something to say
        news = QHBoxLayout(self.news)
        news.setContentsMargins(0, 0, 0, 0)
        news.addWidget(self.progress)
        news.addWidget(self.print_label, 1)
        news.addWidget(self.prompt, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.issue_button)
        buttons.addWidget(self.override_button)
        buttons.addWidget(self.retry_button)
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.news)
        layout.addLayout(buttons)
        self.print_label.setMinimumHeight(self.fontMetrics().lineSpacing() + 4)
        self.set_available(issue=False, override=False, retry=False)
        self.show_print(PrintState.IDLE, "")
        self.retranslate()

    def set_available(self, *, issue: bool, override: bool, retry: bool) -> None:
        self.issue_button.setEnabled(issue)
        self.override_button.setEnabled(override)
        self.retry_button.setEnabled(retry)

    def show_prompt(self, text: str) -> None:
        self.prompt.setText(text)
        self.prompt.setAccessibleName(text)
        self._show_news()

    def show_print(self, state: PrintState, text: str) -> None:
        """The print job's step and a sentence about it; hidden when there is no job."""
        self.print_state, self.print_text = state, text
        step, colour = state.value
        self.progress.setValue(step)
        self.progress.setVisible(state in (PrintState.PREPARING, PrintState.SENDING, PrintState.PRINTING))
        self.print_label.setText(text)
        self.print_label.setStyleSheet(f"color: {colour}; font-weight: bold;")
        self.print_label.setAccessibleName(text)
        self._show_news()

    def _show_news(self) -> None:
        self.news.setVisible(bool(self.prompt.text() or self.print_label.text() or self.progress.isVisibleTo(self)))

    def show_print_step(self, state: PrintState, serial: str) -> None:
        """A step of badge ``serial``'s print job, in words."""
        texts = {
            PrintState.PREPARING: self.tr("Preparing badge %1…"),
            PrintState.SENDING: self.tr("Sending badge %1 to the printer…"),
            PrintState.PRINTING: self.tr("Printing badge %1…"),
            PrintState.DONE: self.tr("✓ Badge %1 printed: hand it over."),
        }
        self.show_print(state, fill(texts[state], serial))

    def retranslate(self) -> None:
        self.issue_button.setText(fill(self.tr("&Issue badge  [%1]"), self.tr("Enter")))
        self.issue_button.setAccessibleName(self.tr("Issue the badge and print it"))
        self.override_button.setText(self.tr("Supervisor o&verride…"))
        self.override_button.setAccessibleName(self.tr("A supervisor accepts the doubtful case"))
        self.retry_button.setText(self.tr("&Retry printing"))
        self.next_button.setText(fill(self.tr("Ne&xt person  [%1]"), self.tr("Esc")))
        self.next_button.setAccessibleName(self.tr("Clear the screen for the next person"))
        self.progress.setAccessibleName(self.tr("Print progress"))
        for button in (self.issue_button, self.override_button, self.retry_button, self.next_button):
            roomy(button)


def roomy(button: QPushButton) -> None:
    """Wide enough for its text with the thick focus frame the desk's theme draws."""
    button.setMinimumWidth(0)
    button.setMinimumWidth(button.sizeHint().width() + FOCUS_ROOM)
