"""F1: every action of the desk with its keyboard shortcut, built from the window's own actions."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_app.ui.i18n import Retranslates
from desk_app.ui.scan_routing import let_scans_close


def plain(text: str) -> str:
    """An action's text without its mnemonic marker and trailing dots."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").removesuffix("…")


class HelpDialog(Retranslates, QDialog):
    """The shortcuts, in the language in use (rebuilt on a language switch)."""

    def __init__(self, actions: Sequence[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._actions = list(actions)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 2)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table)
        layout.addWidget(self.buttons)
        self.resize(720, 620)
        let_scans_close(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.intro.setText(
            self.tr(
                "Everything at the desk works from the keyboard. A scan goes where it belongs wherever the cursor "
                "is, and is never typed into a field: a printout's code starts a check-in (this window closes for "
                "it), a passport zone fills the ID check. While a form or a PIN is asked for, or the desk is "
                "locked, a scan is not used; the status bar says so and the log keeps it. At the ID check the "
                "cursor goes where the next step is: type the press card's last four characters (or all of it), "
                "then Enter on “Face matches the photo” once you have compared the face. Enter on a name looks up "
                "the one person found. Tab moves between fields, Enter confirms, Esc closes a window."
            )
        )
        self.table.setHorizontalHeaderLabels([self.tr("Key"), self.tr("Action")])
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        shown = [a for a in self._actions if not a.shortcut().isEmpty()]
        self.table.setRowCount(len(shown))
        for row, action in enumerate(shown):
            key = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            self.table.setItem(row, 0, QTableWidgetItem(key))
            self.table.setItem(row, 1, QTableWidgetItem(plain(action.text())))
