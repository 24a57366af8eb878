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

Keystrokes as real devices send them (seen through XTest under Xvfb, ``tests/xsession``):

- A capital is Shift down, key, Shift up; the bare Shift (and Caps Lock, AltGr, the ISO level shifts, Num Lock)
  is a key event of its own with no text. Such modifier-only keys pass through and neither end nor release a burst.
- A run ends with Enter, keypad Enter, Tab, or the control characters CR and LF (Ctrl+M, Ctrl+J); a second
  terminator right after a burst (CR+LF) is swallowed too, so it never presses a button.
- Keypad digits come with the keypad modifier; with Num Lock off they arrive as End, Down... and are read as their
  digits within a run (replayed unchanged if a person pressed them).
- The same key twice within a millisecond or two ("000" at 1 ms per key) is flagged as auto-repeat by Qt's X11
  platform (a release and a press with one timestamp): within a run such keys count like any other. A person
  holding a key down gets its repeats at once: they start after a pause, with nothing held.
- A dead key on the desk's layout is taken by the input method, which then commits the composed character (or the
  next one alone) as an input-method event, not a key event; those commits are held like keystrokes.

Limits, on purpose: keystrokes with Ctrl, Alt or Meta (other than CR and LF) are never held. A single-key shortcut
(none in this app) could still fire on the first character of a burst. Key releases pass through: Qt widgets act on
presses, and a button pressed by Space needs its press first. A character composed after a dead key may take
another place in the burst (see ``_judge_commit``). Keys sent while a new window is opening, before the window
system has given it the keyboard, go to the window it blocks, and Qt drops them before any filter sees them.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum, auto

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from desk_app.core.wedge import normalise_scan

TERMINATORS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab})
_CONTROL_TERMINATORS = frozenset({"\r", "\n"})  # Ctrl+M and Ctrl+J: how a scanner sends CR and LF as keys
_MODIFIER_KEYS = frozenset(
    {
        Qt.Key.Key_Shift,
        Qt.Key.Key_Control,
        Qt.Key.Key_Meta,
        Qt.Key.Key_Alt,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_CapsLock,
        Qt.Key.Key_NumLock,
        Qt.Key.Key_ScrollLock,
        Qt.Key.Key_Super_L,
        Qt.Key.Key_Super_R,
        Qt.Key.Key_Hyper_L,
        Qt.Key.Key_Hyper_R,
        Qt.Key.Key_Mode_switch,
    }
)
# X keysyms of modifier keys Qt has no name for: the ISO level shifts, latches and locks (ISO_Level3_Shift is
# AltGr, ISO_Level5_Shift...), and Shift_L to Hyper_R.
_MODIFIER_KEYSYMS = (range(0xFE01, 0xFE14), range(0xFFE1, 0xFFEF))
_DEAD_KEYS = range(Qt.Key.Key_Dead_Grave.value, Qt.Key.Key_Dead_Longsolidusoverlay.value + 1)
# The keypad's keys with Num Lock off, read as the digits printed on them.
_KEYPAD_DIGITS: dict[int, str] = {
    Qt.Key.Key_Insert: "0",
    Qt.Key.Key_End: "1",
    Qt.Key.Key_Down: "2",
    Qt.Key.Key_PageDown: "3",
    Qt.Key.Key_Left: "4",
    Qt.Key.Key_Clear: "5",
    Qt.Key.Key_Right: "6",
    Qt.Key.Key_Home: "7",
    Qt.Key.Key_Up: "8",
    Qt.Key.Key_PageUp: "9",
}
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
    """A keystroke (or an input method's commit) held back until it is known whether a person or a scanner typed it.

    ``char`` is what it adds to a burst; ``key``, ``modifiers`` and ``text`` replay it as it came (``key`` is 0 for
    a commit, which is replayed as an input-method event).
    """

    widget: QWidget
    key: int
    modifiers: Qt.KeyboardModifier
    text: str
    char: str
    at: _Moment

    def replay(self, target: QWidget) -> None:
        if not self.key:
            commit = QInputMethodEvent()
            commit.setCommitString(self.text)
            QCoreApplication.sendEvent(target, commit)
            return
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QCoreApplication.sendEvent(target, QKeyEvent(kind, self.key, self.modifiers, self.text))


def is_modifier_only(event: QKeyEvent) -> bool:
    """Shift, Caps Lock, AltGr and the like pressed alone (or a dead key): part of typing, never a key of its own."""
    keysym = event.nativeVirtualKey()
    return (
        event.key() in _MODIFIER_KEYS
        or event.key() in _DEAD_KEYS
        or any(keysym in keysyms for keysyms in _MODIFIER_KEYSYMS)
    )


def _char(event: QKeyEvent) -> str:
    """The character a keystroke adds to a burst; "" when it is not a scanner's kind of keystroke."""
    if event.modifiers() & ~_TYPING_MODIFIERS:
        return ""
    text = event.text()
    if not text and event.modifiers() & Qt.KeyboardModifier.KeypadModifier:
        return _KEYPAD_DIGITS.get(event.key(), "")
    return text if len(text) == 1 and text.isprintable() else ""


def _kind(event: QKeyEvent) -> tuple[_Kind, str]:
    """What a keystroke is to a burst, and the character it adds (for a printable one)."""
    extra = event.modifiers() & ~_TYPING_MODIFIERS
    if event.key() in TERMINATORS and not extra:
        return _Kind.TERMINATOR, ""
    if event.text() in _CONTROL_TERMINATORS and extra == Qt.KeyboardModifier.ControlModifier:
        return _Kind.TERMINATOR, ""  # Ctrl+M, Ctrl+J
    char = _char(event)
    return (_Kind.PRINTABLE if char else _Kind.OTHER), char


class WedgeFilter(QObject):
    """An application-wide event filter that turns keyboard-wedge scanner bursts into scans.

    Install it with ``QApplication.instance().installEventFilter(wedge)``.

    Args:
        layout: the translation :func:`desk_app.core.wedge.normalise_scan` applies (from the station settings, as
            the self-test found it); None to try the text as typed, then every known layout.
        max_gap_ms: the longest pause between two keystrokes of one burst.
        min_length: the fewest characters (before Enter or Tab) that count as a scan.
        clock: milliseconds from any fixed start; tests pass a fake one.

    Attributes:
        prefix, suffix: characters the scanner is programmed to send before and after each code (station
            settings); taken off each scan.

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
        self.prefix = self.suffix = ""
        self.max_gap_ms = max_gap_ms
        self.min_length = min_length
        self._clock = clock
        self._held: list[_HeldKey] = []
        self._ended: _Moment | None = None  # when the last burst ended, for a CR+LF's second half
        self._replaying = False
        self._waited_for_queue = False
        self._quiet = QTimer(self)
        self._quiet.setSingleShot(True)
        self._quiet.setTimerType(Qt.TimerType.PreciseTimer)
        self._quiet.timeout.connect(self._on_quiet_timeout)

    @property
    def holding(self) -> str:
        """The characters held back right now (for tests and diagnostics)."""
        return "".join(held.char for held in self._held)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        watching = (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride, QEvent.Type.InputMethod)
        if kind not in watching or self._replaying:
            return False
        # A key event passes the filter several times (the window, the focused widget, its parents): judge it once.
        if not isinstance(watched, QWidget) or watched is not _key_target():
            return False
        if kind == QEvent.Type.InputMethod:
            assert isinstance(event, QInputMethodEvent)
            return self._judge_commit(watched, event)
        assert isinstance(event, QKeyEvent)
        if is_modifier_only(event):
            return False
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
                if target is not None:
                    key.replay(target)
        finally:
            self._replaying = False

    def _within_burst(self, moment: _Moment) -> bool:
        return bool(self._held) and _gap(self._held[-1].at, moment) <= self.max_gap_ms

    def _just_ended(self, moment: _Moment) -> bool:
        """Whether a terminator comes right after a burst (the LF of CR+LF): within a gap by the window system's
        clock and by ours, counted from when the scan had been handled."""
        ended = self._ended
        if self._held or ended is None:
            return False
        return max(_gap(ended, moment), moment.seen_ms - ended.seen_ms) <= self.max_gap_ms

    def _hold(self, key: _HeldKey) -> None:
        self._held.append(key)
        self._ended = None
        self._waited_for_queue = False
        self._quiet.start(max(1, round(self.max_gap_ms)))

    def _judge(self, widget: QWidget, event: QKeyEvent) -> bool:
        moment = _Moment(event.timestamp(), self._clock())
        if self._held and not self._within_burst(moment):
            self.release_held()
        kind, char = _kind(event)
        if kind is _Kind.PRINTABLE and event.isAutoRepeat() and not self._held:
            kind = _Kind.OTHER  # a person holding a key down: it repeats after a pause, with nothing held
        if kind is _Kind.PRINTABLE:
            self._hold(_HeldKey(widget, event.key(), event.modifiers(), event.text(), char, moment))
            return True
        if kind is _Kind.TERMINATOR and len(self._held) >= self.min_length:
            typed, self._held = self.holding, []
            self._quiet.stop()
            self._ended = moment  # before the signals: a slot may open a window the line feed must not reach
            self.burst.emit(typed)
            self.scanned.emit(normalise_scan(typed, self.layout, prefix=self.prefix, suffix=self.suffix))
            self._ended = _Moment(moment.pressed_ms, self._clock())  # the scan's handling is not a pause
            return True
        if kind is _Kind.TERMINATOR and self._just_ended(moment):
            self._ended = None  # the LF of a CR+LF (or a second Enter): part of the scan, not a key for the screen
            return True
        self.release_held()
        return False

    def _judge_commit(self, widget: QWidget, event: QInputMethodEvent) -> bool:
        """An input method's commit (after a dead key): held like the keystroke it stands for.

        Its place in a burst is not sure: the input method commits while the window system's events are read,
        ahead of key events read with it but not yet delivered. Codes never hold a character on a dead key
        (``desk_app.core.wedge.untypable``), so this only keeps such a character out of the fields.
        """
        text = event.commitString()
        if not text or event.preeditString() or not text.isprintable():
            return False
        moment = _Moment(0, self._clock())
        if self._held and not self._within_burst(moment):
            self.release_held()
        self._hold(_HeldKey(widget, 0, Qt.KeyboardModifier.NoModifier, text, text, moment))
        return True

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
        moment = _Moment(event.timestamp(), self._clock())
        kind, _ = _kind(event)
        within = self._within_burst(moment) and kind is not _Kind.OTHER
        if within or (kind is _Kind.TERMINATOR and self._just_ended(moment)):
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
