"""How the desk looks: large type, the shipped DejaVu fonts (Latin, Greek and Cyrillic), clear focus frames.

Accessibility first: the base size is 14 pt for people reading across a counter, and the focused widget always
wears a thick frame, so keyboard users see where they are. Colour never carries meaning alone anywhere in the
desk: every coloured thing also has words (and, for verdicts, an icon).
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from desk_app.config import RESOURCES

BASE_POINT_SIZE = 14
HEADING_POINT_SIZE = 22
FONT_FAMILY = "DejaVu Sans"
FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
FOCUS_COLOUR = "#1a5fb4"

STYLE_SHEET = f"""
QLineEdit:focus, QComboBox:focus, QSpinBox:focus, QDateEdit:focus, QPlainTextEdit:focus, QTableView:focus,
QListView:focus {{
    border: 3px solid {FOCUS_COLOUR};
}}
QPushButton:focus, QRadioButton:focus, QCheckBox:focus, QTabBar::tab:focus {{
    outline: 3px solid {FOCUS_COLOUR};
    border: 3px solid {FOCUS_COLOUR};
}}
QPushButton {{
    padding: 6px 14px;
}}
QLabel[role="message"] {{
    font-weight: bold;
}}
QLabel[role="heading"] {{
    font-size: {HEADING_POINT_SIZE}pt;
    font-weight: bold;
}}
"""


def apply_theme(app: QApplication) -> None:
    """Fusion style (the same on every desk), the shipped fonts at the base size, the focus frames, the icon."""
    app.setWindowIcon(QIcon(str(RESOURCES / "icons" / "desk-app.png")))
    for name in FONT_FILES:
        QFontDatabase.addApplicationFont(str(RESOURCES / "fonts" / name))
    app.setStyle("Fusion")
    font = QFont(FONT_FAMILY)
    font.setPointSize(BASE_POINT_SIZE)
    app.setFont(font)
    app.setStyleSheet(STYLE_SHEET)


def heading_font() -> QFont:
    font = QFont(FONT_FAMILY)
    font.setPointSize(HEADING_POINT_SIZE)
    font.setBold(True)
    return font
