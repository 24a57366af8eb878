"""Does a window fit? Every visible widget inside the window and inside each of its parents, none squeezed below what
it needs, and no text cut: labels, buttons, tick boxes, placeholders, the current item of a list box, tabs, menus
and the status bar's message.

What a user would see as "cut off" is measured, not guessed: Qt's own size hints (the size a widget needs to draw
all of itself) and the font's advance of each text.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QFontMetrics, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QMenuBar,
    QSizePolicy,
    QStatusBar,
    QStyle,
    QStyleOptionComboBox,
    QTabBar,
    QWidget,
)

SLACK_PX = 1  # rounding of fractional font metrics
LINE_EDIT_MARGINS_PX = 8  # a line edit's frame and text margins, each side together


def misfits(window: QWidget) -> list[str]:
    """What does not fit in ``window`` (shown, laid out), one line each; empty when everything fits."""
    found: list[str] = []
    screen = (window.screen() or QGuiApplication.primaryScreen()).availableGeometry()
    if not screen.contains(window.frameGeometry()):
        found.append(f"{_name(window)}: {_rect(window.frameGeometry())} is off the screen {_rect(screen)}")
    found += _too_small(window)
    for widget in window.findChildren(QWidget):
        if widget.isWindow() or not widget.isVisibleTo(window) or _scrolled(widget, window) or _part_of(widget):
            continue
        found += _outside(widget, window) + _too_small(widget) + _cut_text(widget)
    return found


def _name(widget: QWidget) -> str:
    words = widget.accessibleName() or widget.objectName() or getattr(widget, "text", lambda: "")() or ""
    owner = widget.parentWidget()
    where = f" in {type(owner).__name__}" if owner is not None else ""
    return f"{type(widget).__name__} {str(words)[:40]!r}{where}"


def _rect(rect: QRect) -> str:
    return f"{rect.width()}x{rect.height()}+{rect.x()}+{rect.y()}"


def _scrolled(widget: QWidget, window: QWidget) -> bool:
    """Inside a list, table or text view: scrolled there on purpose (rows are not laid out to fit)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea) and not getattr(parent, "widgetResizable", lambda: False)():
            return True
        parent = parent.parentWidget()
    return False


def _part_of(widget: QWidget) -> bool:
    """A part Qt draws inside a field (a clear button, a spin box's editor): its field is checked instead."""
    return isinstance(widget.parentWidget(), QLineEdit | QAbstractSpinBox | QComboBox)


def _outside(widget: QWidget, window: QWidget) -> list[str]:
    """Part of ``widget`` lies outside a parent (it is drawn cut, or not at all)."""
    parent = widget.parentWidget()
    rect = widget.geometry()
    while parent is not None:
        if not parent.rect().adjusted(-SLACK_PX, -SLACK_PX, SLACK_PX, SLACK_PX).contains(rect):
            return [f"{_name(widget)}: {_rect(rect)} is cut by {_name(parent)} {_rect(parent.rect())}"]
        if parent is window:
            return []
        rect = QRect(parent.mapToParent(rect.topLeft()), rect.size())
        parent = parent.parentWidget()
    return []


def _too_small(widget: QWidget) -> list[str]:
    """Smaller than its own minimum size hint, in a direction its size policy does not let it shrink."""
    need, size, policy = widget.minimumSizeHint(), widget.size(), widget.sizePolicy()
    found = []
    if (
        need.width() > 0
        and policy.horizontalPolicy() != QSizePolicy.Policy.Ignored
        and size.width() + SLACK_PX < need.width()
    ):
        found.append(f"{_name(widget)}: {size.width()} px wide, needs {need.width()}")
    if widget.hasHeightForWidth():
        needed_height = widget.heightForWidth(size.width())
    else:
        needed_height = need.height() if policy.verticalPolicy() != QSizePolicy.Policy.Ignored else 0
    if needed_height > 0 and size.height() + SLACK_PX < needed_height:
        found.append(f"{_name(widget)}: {size.height()} px high, needs {needed_height}")
    return found


def _cut_text(widget: QWidget) -> list[str]:
    """Text that does not fit the widget showing it."""
    if isinstance(widget, QLabel) and widget.text() and not widget.wordWrap() and widget.pixmap().isNull():
        return _fits(widget, widget.sizeHint().width(), widget.width(), widget.text())
    if isinstance(widget, QAbstractButton) and widget.text():
        return _fits(widget, widget.sizeHint().width(), widget.width(), widget.text())
    if isinstance(widget, QLineEdit) and not widget.text() and widget.placeholderText():
        metrics = QFontMetrics(widget.font())
        room = (
            widget.width()
            - LINE_EDIT_MARGINS_PX
            - 2 * widget.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth)
        )
        return _fits(widget, metrics.horizontalAdvance(widget.placeholderText()), room, widget.placeholderText())
    if isinstance(widget, QComboBox) and widget.currentText() and not widget.isEditable():
        option = QStyleOptionComboBox()
        option.initFrom(widget)
        field = widget.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, widget
        )
        needed = QFontMetrics(widget.font()).horizontalAdvance(widget.currentText())
        return _fits(widget, needed, field.width(), widget.currentText())
    if isinstance(widget, QTabBar):
        return _cut_tabs(widget)
    if isinstance(widget, QMenuBar):
        return [
            f"{_name(widget)}: menu {action.text()!r} is not on the bar"
            for action in widget.actions()
            if action.isVisible() and not widget.rect().contains(widget.actionGeometry(action))
        ]
    if isinstance(widget, QStatusBar) and widget.currentMessage():
        needed = QFontMetrics(widget.font()).horizontalAdvance(widget.currentMessage())
        permanent = sum(
            child.width() for child in widget.findChildren(QWidget) if child.isVisible() and child.parent() is widget
        )
        return _fits(widget, needed, widget.width() - permanent - 16, widget.currentMessage())
    return []


def _cut_tabs(bar: QTabBar) -> list[str]:
    metrics, found = QFontMetrics(bar.font()), []
    for index in range(bar.count()):
        if not bar.isTabVisible(index):
            continue
        text = bar.tabText(index).replace("&&", "\0").replace("&", "").replace("\0", "&")
        rect = bar.tabRect(index)
        if rect.right() > bar.width() + SLACK_PX:
            found.append(f"{_name(bar)}: tab {text!r} is off the bar")
        elif rect.width() < metrics.horizontalAdvance(text):
            found.append(f"{_name(bar)}: tab {text!r} is cut ({rect.width()} px for {metrics.horizontalAdvance(text)})")
    return found


def _fits(widget: QWidget, needed: int, room: int, text: str) -> list[str]:
    if room + SLACK_PX >= needed:
        return []
    return [f"{_name(widget)}: text {text[:60]!r} cut ({room} px for {needed})"]
