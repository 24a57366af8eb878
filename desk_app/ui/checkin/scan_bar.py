"""The line across the top of the check-in screen: type a reference or a name, open a scanned file, use the camera.

A keyboard-wedge scanner needs none of it (its scans are caught anywhere in the window); this is for everything
else. The status line at its end says what the desk is doing or what went wrong, in words.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QWidget

from desk_app.ui.checkin.action_bar import roomy
from desk_app.ui.checkin.search import looks_like_reference
from desk_app.ui.i18n import Retranslates

SEARCH_DELAY_MS = 250
MIN_SEARCH_LENGTH = 2


class ScanField(QLineEdit):
    """The reference-or-name field. Enter here looks up (it never reaches the screen's Enter = issue).

    Signals:
        submitted(str): Enter pressed with this text.
        down(): the Down arrow: into the list of people found.
    """

    submitted = Signal(str)
    down = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.submitted.emit(self.text())
            event.accept()
            return
        if event.key() == Qt.Key.Key_Down:
            self.down.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class ScanBar(Retranslates, QWidget):
    """Reference or name, "Open scan…", the camera switch, and the status line.

    Signals:
        reference_entered(str): Enter on something shaped like a reference or a code.
        search_requested(str): a name typed (after a pause of ``SEARCH_DELAY_MS``); empty to stop.
        name_entered(str): Enter on a name: look up the one person it finds.
        open_requested(): "Open scan…".
        camera_toggled(bool): the camera switched on or off by staff.
        results_requested(): Down from the field: into the list of people found.
    """

    reference_entered = Signal(str)
    search_requested = Signal(str)
    name_entered = Signal(str)
    open_requested = Signal()
    camera_toggled = Signal(bool)
    results_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field_label = QLabel(self)
        self.field = ScanField(self)
        self.field.setClearButtonEnabled(True)
        self.field.setMinimumWidth(320)
        self.field_label.setBuddy(self.field)
        self.open_button = QPushButton(self)
        self.camera_button = QPushButton(self)
        self.camera_button.setCheckable(True)
        for button in (self.open_button, self.camera_button):
            button.setAutoDefault(True)  # Enter on a focused button presses it
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._on_search_timer_timeout)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field_label)
        layout.addWidget(self.field, 3)
        layout.addWidget(self.open_button)
        layout.addWidget(self.camera_button)
        layout.addSpacing(8)
        layout.addWidget(self.status, 2)
        self.field.submitted.connect(self._on_field_submitted)
        self.field.textEdited.connect(self._on_field_text_edited)
        self.field.down.connect(self.results_requested)
        self.open_button.clicked.connect(self.open_requested)
        self.camera_button.toggled.connect(self.camera_toggled)
        self.retranslate()

    def show_status(self, text: str, *, problem: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #b3121f; font-weight: bold;" if problem else "color: #1d2329;")
        self.status.setAccessibleName(text)

    def set_camera_on(self, on: bool) -> None:
        """Show the camera as on or off without asking for it again."""
        self.camera_button.blockSignals(True)
        self.camera_button.setChecked(on)
        self.camera_button.blockSignals(False)
        self.retranslate()

    def clear(self) -> None:
        self._search_timer.stop()
        self.field.clear()

    def _on_field_submitted(self, text: str) -> None:
        self._search_timer.stop()
        text = text.strip()
        if looks_like_reference(text):
            self.reference_entered.emit(text)
        elif len(text) >= MIN_SEARCH_LENGTH:
            self.name_entered.emit(text)

    def _on_field_text_edited(self, text: str) -> None:
        if looks_like_reference(text) or len(text.strip()) < MIN_SEARCH_LENGTH:
            self._search_timer.stop()
            if not text.strip():
                self.search_requested.emit("")
            return
        self._search_timer.start()

    def _on_search_timer_timeout(self) -> None:
        self.search_requested.emit(self.field.text().strip())

    def retranslate(self) -> None:
        self.field_label.setText(self.tr("Look &up:"))
        self.field.setPlaceholderText(self.tr("reference or name (Ctrl+F)"))
        self.field.setAccessibleName(self.tr("Reference or name"))
        self.field.setAccessibleDescription(
            self.tr("Type a reference and press Enter, or type a name to find the person")
        )
        self.open_button.setText(self.tr("&Open scan…"))
        self.open_button.setToolTip(self.tr("Read the code from an image or PDF of the printout (Ctrl+O)"))
        self.open_button.setAccessibleName(self.tr("Open a scanned printout"))
        on = self.camera_button.isChecked()
        self.camera_button.setText(self.tr("C&amera: on") if on else self.tr("C&amera: off"))
        self.camera_button.setAccessibleName(self.tr("Camera scanner"))
        self.camera_button.setToolTip(self.tr("Read printouts held up to the webcam (Ctrl+K)"))
        for button in (self.open_button, self.camera_button):
            roomy(button)


class CameraSwitch(QObject):
    """Starts and stops a webcam scanner on demand; the camera module loads only when first switched on.

    Signals:
        scanned(str): a code read by the camera.
        error(str): no camera, or it failed; a sentence for staff.
        running_changed(bool): the camera started or stopped.
    """

    scanned = Signal(str)
    error = Signal(str)
    running_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.scanner: QObject | None = None
        self.running = False

    def switch(self, on: bool) -> bool:
        """Switch the camera on or off; whether it runs afterwards."""
        if on and not self.running:
            if self.scanner is None:
                from desk_app.ui.scanners import CameraScanner

                self.scanner = CameraScanner(self)
                self.scanner.scanned.connect(self.scanned)
                self.scanner.error.connect(self._on_scanner_error)
            self.running = bool(self.scanner.start())  # type: ignore[attr-defined]
        elif not on and self.running:
            self.scanner.stop()  # type: ignore[union-attr]
            self.running = False
        self.running_changed.emit(self.running)
        return self.running

    def close(self) -> None:
        if self.scanner is not None:
            self.scanner.close()  # type: ignore[attr-defined]
            self.running = False

    def _on_scanner_error(self, message: str) -> None:
        if self.running and self.scanner is not None and self.scanner.camera is None:  # type: ignore[attr-defined]
            self.running = False
            self.running_changed.emit(False)
        self.error.emit(message)
