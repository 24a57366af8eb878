"""USB scanners that type like a keyboard: catch their bursts anywhere in the window, let people type in peace.

How a burst is told from a person: a scanner types a whole code in well under a second, every keystroke a few
milliseconds after the last, and ends with Enter (or Tab). A person's keystrokes come 80 ms or more apart, and
nobody types six characters and Enter with every gap under 40 ms.

Design: hold, then decide. Every printable keystroke bound for the focused widget is held back for at most one gap
(``max_gap_ms``). If the next keystroke comes within the gap, it joins the held ones; if the run ends with Enter or
Tab and is at least ``min_length`` characters long, it was a scanner: the keystrokes are dropped and one
``scanned`` signal carries the code. Anything else (a pause longer than the gap, a key that is not printable, too
short a run) means a person: the held keystrokes are replayed, in order, to the widget they were meant for, before
the key that ended the run goes on its way. So a person's typing reaches the field unchanged, only up to one gap
later (40 ms is below what anyone notices), and a scanner's characters never appear in a field, not even briefly.

Time: the gap between two keystrokes is measured with the window system's timestamps when the events carry them
(real keyboards do), so a GUI thread busy printing a badge while the scanner types does not split the burst: the
keystrokes queue up and arrive late, but their timestamps stay a few milliseconds apart. The quiet timer that gives
a person's last keystroke back fires late after such a stall; it then waits one more gap, so that keystrokes queued
behind the stall are seen first. Synthetic events (tests) carry no timestamp and are timed with ``clock``.

Limits, on purpose: keystrokes with Ctrl, Alt or Meta, and auto-repeat, are never held. A single-key shortcut
(none in this app) could still fire on the first character of a burst. Key releases pass through: Qt widgets act
on presses, and a button pressed by Space needs its press first.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum, auto

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from desk_app.core.wedge import normalise_scan

TERMINATORS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab})
# Modifiers a scanner's keystroke may carry: Shift for capitals, Keypad for digits some scanners send on the keypad,
# and the group switch some X11 layouts report.
_TYPING_MODIFIERS = (
    Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.GroupSwitchModifier
)


def monotonic_ms() -> float:
    return time.monotonic_ns() / 1_000_000


class _Kind(Enum):
    PRINTABLE = auto()
    TERMINATOR = auto()
    OTHER = auto()


@dataclass(frozen=True)
class _Moment:
    """When a keystroke happened: the window system's timestamp (0 when the event has none) and when we saw it."""

    pressed_ms: int
    seen_ms: float


def _gap(earlier: _Moment, later: _Moment) -> float:
    """Milliseconds between two keystrokes; by their timestamps when both have one (and they have not wrapped)."""
    if earlier.pressed_ms and later.pressed_ms and 0 <= later.pressed_ms - earlier.pressed_ms < 60_000:
        return later.pressed_ms - earlier.pressed_ms
    return later.seen_ms - earlier.seen_ms


@dataclass(frozen=True)
class _HeldKey:
    """A keystroke held back until it is known whether a person or a scanner typed it."""

    widget: QWidget
    key: int
    modifiers: Qt.KeyboardModifier
    text: str
    at: _Moment


def _kind(event: QKeyEvent) -> _Kind:
    modifiers = event.modifiers()
    if event.isAutoRepeat() or modifiers & ~_TYPING_MODIFIERS:
        return _Kind.OTHER
    if event.key() in TERMINATORS:
        return _Kind.TERMINATOR
    text = event.text()
    return _Kind.PRINTABLE if len(text) == 1 and text.isprintable() else _Kind.OTHER


class WedgeFilter(QObject):
    """An application-wide event filter that turns keyboard-wedge scanner bursts into scans.

    Install it with ``QApplication.instance().installEventFilter(wedge)``.

    Args:
        layout: the translation :func:`desk_app.core.wedge.normalise_scan` tries first (from the self-test);
            None to try the text as typed, then every known layout.
        max_gap_ms: the longest pause between two keystrokes of one burst.
        min_length: the fewest characters (before Enter or Tab) that count as a scan.
        clock: milliseconds from any fixed start; tests pass a fake one.

    Signals:
        scanned(str): a burst, normalised to the code it stands for.
        burst(str): the same burst exactly as the desk's layout typed it (the scanner self-test reads it).
    """

    scanned = Signal(str)
    burst = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        layout: str | None = None,
        max_gap_ms: float = 40,
        min_length: int = 6,
        clock: Callable[[], float] = monotonic_ms,
    ) -> None:
        super().__init__(parent)
        self.layout = layout
        self.max_gap_ms = max_gap_ms
        self.min_length = min_length
        self._clock = clock
        self._held: list[_HeldKey] = []
        self._replaying = False
        self._waited_for_queue = False
        self._quiet = QTimer(self)
        self._quiet.setSingleShot(True)
        self._quiet.setTimerType(Qt.TimerType.PreciseTimer)
        self._quiet.timeout.connect(self._on_quiet_timeout)

    @property
    def holding(self) -> str:
        """The characters held back right now (for tests and diagnostics)."""
        return "".join(held.text for held in self._held)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) or self._replaying:
            return False
        # A key event passes the filter several times (the window, the focused widget, its parents): judge it once.
        if not isinstance(watched, QWidget) or watched is not _key_target():
            return False
        assert isinstance(event, QKeyEvent)
        if kind == QEvent.Type.ShortcutOverride:
            return self._claim_shortcut(event)
        return self._judge(watched, event)

    def release_held(self) -> None:
        """Give the held keystrokes to their widgets, as typed: they were a person's."""
        held, self._held = self._held, []
        self._quiet.stop()
        if not held:
            return
        self._replaying = True
        try:
            for key in held:
                target = key.widget if shiboken6.isValid(key.widget) else QApplication.focusWidget()
                if target is None:
                    continue
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QCoreApplication.sendEvent(target, QKeyEvent(kind, key.key, key.modifiers, key.text))
        finally:
            self._replaying = False

    def _within_burst(self, moment: _Moment) -> bool:
        return bool(self._held) and _gap(self._held[-1].at, moment) <= self.max_gap_ms

    def _judge(self, widget: QWidget, event: QKeyEvent) -> bool:
        moment = _Moment(event.timestamp(), self._clock())
        if self._held and not self._within_burst(moment):
            self.release_held()
        kind = _kind(event)
        if kind is _Kind.PRINTABLE:
            self._held.append(_HeldKey(widget, event.key(), event.modifiers(), event.text(), moment))
            self._waited_for_queue = False
            self._quiet.start(max(1, round(self.max_gap_ms)))
            return True
        if kind is _Kind.TERMINATOR and len(self._held) >= self.min_length:
            typed, self._held = self.holding, []
            self._quiet.stop()
            self.burst.emit(typed)
            self.scanned.emit(normalise_scan(typed, self.layout))
            return True
        self.release_held()
        return False

    def _on_quiet_timeout(self) -> None:
        """No keystroke for a gap: the held ones were a person's, unless the GUI thread was too busy to see more."""
        late = bool(self._held) and self._clock() - self._held[-1].at.seen_ms > 2 * self.max_gap_ms
        if late and not self._waited_for_queue:
            # Fired this late, the thread was stalled; keystrokes may be queued behind the stall. Let them in first.
            self._waited_for_queue = True
            self._quiet.start(max(1, round(self.max_gap_ms)))
            return
        self.release_held()

    def _claim_shortcut(self, event: QKeyEvent) -> bool:
        """Within a burst, keep its keys from firing shortcuts (a default button on Enter): they are the scanner's."""
        within = self._within_burst(_Moment(event.timestamp(), self._clock()))
        if within and _kind(event) is not _Kind.OTHER:
            event.accept()
            return True
        return False


def _key_target() -> QWidget | None:
    """The widget Qt delivers key events to: a keyboard grabber, an open popup, the focus widget or the window."""
    popup = QApplication.activePopupWidget()
    return (
        QWidget.keyboardGrabber()
        or (popup and (popup.focusWidget() or popup))
        or QApplication.focusWidget()
        or QApplication.activeWindow()
    )
