"""Messages for staff in a box that does not block the desk: opened window-modal, deleted when closed.

The desk never runs a nested event loop for a message (``QMessageBox.exec``): the idle lock hides open dialogs,
and a hidden ``exec`` loop would return as if the message had been read.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from desk_app.ui.scan_routing import let_scans_close


def tell(parent: QWidget, title: str, text: str, *, warning: bool = False) -> QMessageBox:
    """Show ``text`` in a message box over ``parent``; returns the box (tests read and close it)."""
    box = QMessageBox(
        QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information,
        title,
        text,
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    let_scans_close(box)
    box.open()
    return box
