"""The verdict banner: one glance across the counter says what to do, in colour, with an icon and in words.

Colour never carries the meaning alone: each outcome has its own colour and its own drawn icon (a tick, a cross, an
arrow, an exclamation mark...), a title in capitals, and every reason is listed in words. The amber note under the
reasons is for what staff must notice even when the answer is yes (a reference that was typed, not verified).

A verdict is *loud*: the banner shows it large (a title readable from 2 m) over the middle of the screen for a few
seconds, then goes back to a strip above the applicant and the ID check (``CheckinScreen`` decides when).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

TITLE_POINT_SIZE = 22
LINE_POINT_SIZE = 14
ICON_SIZE = 64
LOUD_TITLE_POINT_SIZE = 48  # capitals about 12 mm high on a 15" 1366x768 screen: read from 2 m
LOUD_LINE_POINT_SIZE = 20
LOUD_ICON_SIZE = 168


class Tone(enum.Enum):
    """The banner's colour: (background, text). Each outcome has its own, and they differ in lightness too."""

    READY = ("#e4e7eb", "#1d2329")
    INFO = ("#1a5fb4", "#ffffff")  # check the ID
    GO = ("#1b7a3a", "#ffffff")  # issue the badge
    REDIRECT = ("#6a3d9a", "#ffffff")  # wrong entrance: send them elsewhere
    CAUTION = ("#f2b200", "#1d1d1d")  # call a supervisor
    STOP = ("#b3121f", "#ffffff")  # refused
    FAULT = ("#2b2f36", "#ffffff")  # print failed, the desk cannot answer: a machine's problem, not the person's


class Symbol(enum.Enum):
    READY = "ready"  # a code being scanned
    BUSY = "busy"  # three dots: looking up, deciding
    CHECK_ID = "check_id"  # an identity card
    ISSUE = "issue"  # a tick
    REDIRECT = "redirect"  # an arrow
    SUPERVISOR = "supervisor"  # an exclamation mark
    REFUSE = "refuse"  # a cross
    PRINT_FAILED = "print_failed"  # a cross on a card
    CARD = "card"  # a card coming out of its box: take the card printed in advance


@dataclass(frozen=True)
class BannerContent:
    """What the banner shows. ``state`` is a stable name for the shell, tests and the log of the screen."""

    state: str
    tone: Tone
    symbol: Symbol
    title: str
    lines: tuple[str, ...] = ()
    note: str = ""
    loud: bool = False  # shown large for a few seconds: a verdict, not a step of the check
    hold: bool = False  # a loud content that stays large until the next step (the clerk is away at the boxes)

    @property
    def spoken(self) -> str:
        """Everything the banner says, as one text (for screen readers and tests)."""
        return " ".join(part for part in (self.title, *self.lines, self.note) if part)


class VerdictIcon(QWidget):
    """A white disc with the symbol drawn in the banner's colour: readable at a distance, no font needed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.symbol = Symbol.READY
        self.colour = QColor(Tone.READY.value[0])
        self.setFixedSize(ICON_SIZE, ICON_SIZE)

    def sizeHint(self) -> QSize:
        return self.size()

    def show_symbol(self, symbol: Symbol, colour: str) -> None:
        self.symbol = symbol
        self.colour = QColor(colour)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = min(self.width(), self.height())
        painter.scale(side / 100, side / 100)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#ffffff"))
        painter.drawEllipse(QRectF(2, 2, 96, 96))
        pen = QPen(self.colour, 11, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        _DRAW[self.symbol](painter, pen)
        painter.end()


def _lines(painter: QPainter, *points: tuple[float, float]) -> None:
    path = QPainterPath(QPointF(*points[0]))
    for point in points[1:]:
        path.lineTo(QPointF(*point))
    painter.drawPath(path)


def _draw_ready(painter: QPainter, pen: QPen) -> None:
    """A barcode: scan me."""
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    for x, width in ((27, 5), (35, 3), (42, 6), (51, 3), (58, 5), (66, 3), (72, 4)):
        pen.setWidthF(width)
        painter.setPen(pen)
        painter.drawLine(QPointF(x, 30), QPointF(x, 70))


def _draw_busy(painter: QPainter, pen: QPen) -> None:
    pen.setWidthF(13)
    painter.setPen(pen)
    for x in (30, 50, 70):
        painter.drawPoint(QPointF(x, 50))


def _draw_check_id(painter: QPainter, pen: QPen) -> None:
    pen.setWidthF(6)
    painter.setPen(pen)
    painter.drawRoundedRect(QRectF(18, 28, 64, 44), 6, 6)
    painter.drawEllipse(QRectF(27, 38, 16, 18))
    for y in (42, 52, 62):
        painter.drawLine(QPointF(52, y), QPointF(72, y))


def _draw_issue(painter: QPainter, pen: QPen) -> None:
    _lines(painter, (26, 52), (43, 69), (75, 33))


def _draw_redirect(painter: QPainter, pen: QPen) -> None:
    _lines(painter, (24, 50), (74, 50))
    _lines(painter, (56, 31), (75, 50), (56, 69))


def _draw_supervisor(painter: QPainter, pen: QPen) -> None:
    _lines(painter, (50, 24), (50, 58))
    pen.setWidthF(14)
    painter.setPen(pen)
    painter.drawPoint(QPointF(50, 75))


def _draw_refuse(painter: QPainter, pen: QPen) -> None:
    _lines(painter, (31, 31), (69, 69))
    _lines(painter, (69, 31), (31, 69))


def _draw_print_failed(painter: QPainter, pen: QPen) -> None:
    pen.setWidthF(6)
    painter.setPen(pen)
    painter.drawRoundedRect(QRectF(20, 30, 60, 40), 5, 5)
    pen.setWidthF(9)
    painter.setPen(pen)
    _lines(painter, (38, 40), (62, 60))
    _lines(painter, (62, 40), (38, 60))


def _draw_card(painter: QPainter, pen: QPen) -> None:
    """A box seen from the front, a card lifted out of it."""
    pen.setWidthF(6)
    painter.setPen(pen)
    _lines(painter, (20, 50), (20, 78), (80, 78), (80, 50))
    painter.drawRoundedRect(QRectF(32, 22, 36, 46), 4, 4)
    for y in (34, 44):
        painter.drawLine(QPointF(40, y), QPointF(60, y))


_DRAW = {
    Symbol.READY: _draw_ready,
    Symbol.BUSY: _draw_busy,
    Symbol.CHECK_ID: _draw_check_id,
    Symbol.ISSUE: _draw_issue,
    Symbol.REDIRECT: _draw_redirect,
    Symbol.SUPERVISOR: _draw_supervisor,
    Symbol.REFUSE: _draw_refuse,
    Symbol.PRINT_FAILED: _draw_print_failed,
    Symbol.CARD: _draw_card,
}


class VerdictBanner(QFrame):
    """The big coloured band at the top of the check-in screen.

    Signals:
        shown(str): the state of the content just shown (``BannerContent.state``).
        clicked(): the banner was clicked.
    """

    shown = Signal(str)
    clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verdictBanner")
        self.setAutoFillBackground(True)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.icon = VerdictIcon(self)
        self.title = QLabel(self)
        self.title.setObjectName("verdictTitle")
        self.title.setFont(_font(TITLE_POINT_SIZE, bold=True))
        self.title.setWordWrap(True)
        self.reasons = QLabel(self)
        self.reasons.setObjectName("verdictReasons")
        self.reasons.setFont(_font(LINE_POINT_SIZE))
        self.reasons.setWordWrap(True)
        self.reasons.setTextFormat(Qt.TextFormat.PlainText)
        self.note = QLabel(self)
        self.note.setObjectName("verdictNote")
        self.note.setFont(_font(LINE_POINT_SIZE, bold=True))
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setStyleSheet(
            "QLabel#verdictNote { background: #ffd24d; color: #1d1d1d; border: 2px solid #1d1d1d;"
            " border-radius: 4px; padding: 4px 8px; }"
        )
        words = QVBoxLayout()
        words.setSpacing(2)
        words.addWidget(self.title)
        words.addWidget(self.reasons)
        words.addWidget(self.note)
        words.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 10)
        layout.setSpacing(18)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(words, 1)
        self.content = BannerContent("none", Tone.READY, Symbol.READY, "")
        self.loud = False

    def set_loud(self, loud: bool) -> None:
        """Large type and icon filling the space it is given (a verdict), or the strip above the panels."""
        self.loud = loud
        side = LOUD_ICON_SIZE if loud else ICON_SIZE
        self.icon.setFixedSize(side, side)
        self.title.setFont(_font(LOUD_TITLE_POINT_SIZE if loud else TITLE_POINT_SIZE, bold=True))
        for label, bold in ((self.reasons, False), (self.note, True)):
            label.setFont(_font(LOUD_LINE_POINT_SIZE if loud else LINE_POINT_SIZE, bold=bold))
        vertical = QSizePolicy.Policy.Expanding if loud else QSizePolicy.Policy.Minimum
        self.setSizePolicy(QSizePolicy.Policy.Preferred, vertical)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A click on a loud verdict: the person at the desk wants the details under it now."""
        self.clicked.emit()
        super().mousePressEvent(event)

    def show_content(self, content: BannerContent) -> None:
        """Show ``content``: colours, icon, title, one reason per line, and the note when there is one."""
        self.content = content
        background, text = content.tone.value
        self.setStyleSheet(
            f"QFrame#verdictBanner {{ background: {background}; border-radius: 6px; }}"
            f" QLabel#verdictTitle, QLabel#verdictReasons {{ color: {text}; background: transparent; }}"
        )
        self.icon.show_symbol(content.symbol, background)
        self.title.setText(content.title)
        self.reasons.setText("\n".join(f"• {line}" for line in content.lines))
        self.reasons.setVisible(bool(content.lines))
        self.note.setText(f"⚠ {content.note}" if content.note else "")
        self.note.setVisible(bool(content.note))
        self.setAccessibleDescription(content.spoken)
        self.shown.emit(content.state)


def _font(points: int, *, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSize(points)
    font.setBold(bold)
    return font
