"""Finding a person by name when the printout is missing: accent-free search, photo thumbnails to tell namesakes apart.

The search itself is the store's (``Applications.search``: every word, in either name or the organisation, accents
and case aside) and runs on the controller's desk lane; this module shows the hits and lets staff pick one with the
keyboard.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QImage, QKeyEvent, QPainter, QPixmap
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from desk_app.core.codes import looks_signed
from desk_app.core.model import Application
from desk_app.core.text import printable
from desk_app.ui.checkin.texts import category_text, fill, status_text
from desk_app.ui.i18n import is_language_change

THUMBNAIL = QSize(72, 90)
REFERENCE_ROLE = Qt.ItemDataRole.UserRole
_REFERENCE = re.compile(r"[A-Z0-9][A-Z0-9-]{2,39}")


def looks_like_reference(text: str) -> bool:
    """Whether typed text is a reference or a code rather than a name: the shape of one, with a digit in it."""
    text = text.strip().upper()
    return looks_signed(text) or (bool(_REFERENCE.fullmatch(text)) and any(c.isdigit() for c in text))


@dataclass(frozen=True)
class SearchHit:
    application: Application
    thumbnail: QImage | None


def _placeholder() -> QPixmap:
    pixmap = QPixmap(THUMBNAIL)
    pixmap.fill(QColor("#d5d9de"))
    painter = QPainter(pixmap)
    painter.setBrush(QColor("#9aa3ad"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(THUMBNAIL.width() // 2 - 14, 16, 28, 30)
    painter.drawEllipse(THUMBNAIL.width() // 2 - 26, 52, 52, 60)
    painter.end()
    return pixmap


class SearchResults(QListWidget):
    """The people found, one per row with their photo; Enter looks the chosen one up.

    Signals:
        chosen(str): the reference of the person picked (Enter or double click).
        leave(): Up on the first row: back to the search field.
    """

    chosen = Signal(str)
    leave = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIconSize(THUMBNAIL)
        self.setSpacing(2)
        self.setUniformItemSizes(True)
        self.setWordWrap(True)
        self.hits: list[SearchHit] = []
        self.query = ""
        self.itemActivated.connect(self._on_item_activated)
        self.retranslate()

    def show_hits(self, hits: list[SearchHit], query: str) -> None:
        self.hits, self.query = hits, query
        self.clear()
        placeholder = _placeholder()
        for hit in hits:
            app = hit.application
            item = QListWidgetItem(self._describe(app))
            pixmap = QPixmap.fromImage(hit.thumbnail) if hit.thumbnail is not None else placeholder
            item.setIcon(QIcon(pixmap))
            item.setData(REFERENCE_ROLE, app.reference)
            item.setSizeHint(QSize(0, THUMBNAIL.height() + 8))
            self.addItem(item)
        if hits:
            self.setCurrentRow(0)
        self.retranslate()

    def chosen_reference(self) -> str | None:
        item = self.currentItem()
        return str(item.data(REFERENCE_ROLE)) if item is not None else None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            if (reference := self.chosen_reference()) is not None:
                self.chosen.emit(reference)
            event.accept()
            return
        if event.key() == Qt.Key.Key_Up and self.currentRow() <= 0:
            self.leave.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self.show_hits(self.hits, self.query)
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("People found"))
        self.setAccessibleDescription(
            fill(
                self.tr("%1 people found for “%2”. Arrow keys to move, Enter to look one up."),
                str(len(self.hits)),
                self.query,
            )
        )

    def _describe(self, app: Application) -> str:
        details = " · ".join(
            part
            for part in (app.organisation, app.reference, category_text(app.category), status_text(app.status))
            if part
        )
        return f"{printable(app.display_name)}\n{printable(details)}"

    def _on_item_activated(self, item: QListWidgetItem) -> None:
        self.chosen.emit(str(item.data(REFERENCE_ROLE)))
