"""The USB scanner's self-test: the desk shows a QR code, staff scan it off the screen, and the characters that
arrive tell which keyboard layout the desk's computer typed them through (``desk_app.core.wedge.guess_layout``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desk_app.core.wedge import LAYOUTS, SELF_TEST_CODE, guess_layout
from desk_app.messages import QT_TRANSLATE_NOOP
from desk_app.ui.checkin.texts import fill
from desk_app.ui.i18n import Retranslates
from desk_app.ui.qr_image import qr_pixmap

CONTEXT = "ScannerSelfTest"
LAYOUT_NAMES = {
    "us": QT_TRANSLATE_NOOP("ScannerSelfTest", "US QWERTY (scanner and desk agree)"),
    "gb": QT_TRANSLATE_NOOP("ScannerSelfTest", "UK QWERTY"),
    "be": QT_TRANSLATE_NOOP("ScannerSelfTest", "Belgian AZERTY"),
    "fr": QT_TRANSLATE_NOOP("ScannerSelfTest", "French AZERTY"),
    "de": QT_TRANSLATE_NOOP("ScannerSelfTest", "German QWERTZ"),
    "ch": QT_TRANSLATE_NOOP("ScannerSelfTest", "Swiss German QWERTZ"),
    "ch_fr": QT_TRANSLATE_NOOP("ScannerSelfTest", "Swiss French QWERTZ"),
}
UNKNOWN = "unknown"


def layout_name(layout: str) -> str:
    """A keyboard layout's name in the language in use (the core's English title for one not listed here)."""
    source = LAYOUT_NAMES.get(layout)
    return QCoreApplication.translate(CONTEXT, source) if source else LAYOUTS[layout].title


class ScannerSelfTest(Retranslates, QWidget):
    """The QR code to scan, what to do, and what came of the last scan.

    Signals:
        layout_found(str): the layout the scan came through (``us`` when scanner and desk already agree).
    """

    layout_found = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result = ""  # "", UNKNOWN or a layout
        self.instructions = QLabel()
        self.instructions.setWordWrap(True)
        self.code = QLabel()
        self.code.setPixmap(qr_pixmap(SELF_TEST_CODE, 4))
        self.result_label = QLabel()
        self.result_label.setProperty("role", "message")
        self.result_label.setWordWrap(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.code)
        words = QVBoxLayout()
        words.addWidget(self.instructions)
        words.addWidget(self.result_label)
        words.addStretch()
        row.addLayout(words, 1)
        self.retranslate()

    def on_burst(self, typed: str) -> None:
        """What a scan typed, exactly as the desk's layout turned it into characters."""
        if not self.isVisible() or not self.isEnabled():
            return
        layout = guess_layout(typed)
        self.result = layout or UNKNOWN
        self._say_result()
        if layout is not None:
            self.layout_found.emit(layout)

    def retranslate(self) -> None:
        self.instructions.setText(
            self.tr(
                "Self-test: scan this code off the screen with the desk's scanner. The desk works out the keyboard "
                "layout from what the scanner types."
            )
        )
        self.code.setAccessibleName(self.tr("Scanner self-test code"))
        self._say_result()

    def _say_result(self) -> None:
        if not self.result:
            text = self.tr("Waiting for the scan…")
        elif self.result == UNKNOWN:
            text = self.tr(
                "Not recognised. Set the scanner to a US keyboard, turn Caps Lock off, and scan the code again."
            )
        else:
            text = fill(
                self.tr("Scanner read correctly. It types as a US keyboard; this desk's keyboard layout is %1."),
                layout_name(self.result),
            )
        self.result_label.setText(text)
