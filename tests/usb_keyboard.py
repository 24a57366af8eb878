"""A USB keyboard-wedge device on a real X display: a barcode scanner or passport reader set to a US keyboard.

Such a device sends key *positions*, never characters: a capital is Shift down, key down, key up, Shift up, each its
own event, and the desk's X keymap (``setxkbmap``) decides what the positions print. This module does the same with
XTest: characters become US key positions (``desk_app.core.wedge.US``), positions become the X server's keycodes
(read from xkb's ``evdev`` keycodes file, not written by hand), and each key is pressed and released in turn.

It runs as a process of its own (``python -m tests.usb_keyboard DISPLAY``), like the device it stands for: the
keystrokes keep their pace whatever the desk's process is doing. ``ScannerProcess`` drives it from a test; one JSON
request per line on stdin (``{"text": ..., "delay_ms": 2, "end": ["CR"]}``), "ok" on stdout when typed.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from types import TracebackType

from desk_app.core.wedge import US

KEYCODES_FILE = Path("/usr/share/X11/xkb/keycodes/evdev")
SHIFT = "LFSH"
CONTROL = "LCTL"
# What a device sends after (or between) what it read: the key (and Control, for the ASCII control characters that
# have no key) the way scanners are programmed to send them.
ENDINGS: dict[str, tuple[str, ...]] = {
    "CR": ("RTRN",),
    "LF": (CONTROL, "AC07"),  # Ctrl+J: a line feed has no key of its own
    "TAB": ("TAB",),
    "KPENTER": ("KPEN",),
    "NUMLOCK": ("NMLK",),  # not an ending: a key the tests press alone
}
_KEYPAD = {str(digit): f"KP{digit}" for digit in range(10)}


@cache
def keycodes(path: Path = KEYCODES_FILE) -> dict[str, int]:
    """xkb key names (``AD01``, ``LFSH``, aliases too) to the X server's keycodes."""
    text = path.read_text()
    codes = {name: int(code) for name, code in re.findall(r"<(\w+)>\s*=\s*(\d+)\s*;", text)}
    for alias, name in re.findall(r"alias\s+<(\w+)>\s*=\s*<(\w+)>\s*;", text):
        if name in codes:
            codes[alias] = codes[name]
    return codes


@cache
def us_positions() -> dict[str, tuple[str, bool]]:
    """Every character a US keyboard types: its key position and whether Shift is held."""
    positions: dict[str, tuple[str, bool]] = {}
    for position, (plain, shifted) in US.keys.items():
        positions.setdefault(plain, (position, False))
        positions.setdefault(shifted, (position, True))
    return positions


def strokes(text: str, *, keypad_digits: bool = False) -> list[tuple[str, ...]]:
    """The key chords that type ``text`` on a US keyboard, each chord held together (modifier first)."""
    chords: list[tuple[str, ...]] = []
    for char in text:
        if keypad_digits and char in _KEYPAD:
            chords.append((_KEYPAD[char],))
            continue
        try:
            position, shifted = us_positions()[char]
        except KeyError:
            raise ValueError(f"a US keyboard has no key for {char!r}") from None
        chords.append((SHIFT, position) if shifted else (position,))
    return chords


class UsbKeyboard:
    """Presses keys on an X display through XTest, at a device's pace."""

    def __init__(self, display_name: str) -> None:
        from Xlib import X, display
        from Xlib.ext import xtest

        self._display = display.Display(display_name)
        self._press, self._release = X.KeyPress, X.KeyRelease
        self._fake_input = xtest.fake_input
        self._codes = keycodes()

    def close(self) -> None:
        self._display.close()

    def chord(self, names: Sequence[str]) -> None:
        """Press the keys in order, release them in reverse: Shift down, key down, key up, Shift up."""
        codes = [self._codes[name] for name in names]
        for code in codes:
            self._fake_input(self._display, self._press, code)
        for code in reversed(codes):
            self._fake_input(self._display, self._release, code)
        self._display.sync()

    def type(
        self, text: str, *, delay_ms: float = 2, end: Iterable[str] = ("CR",), keypad_digits: bool = False
    ) -> None:
        """Type ``text`` and the endings (``ENDINGS`` names), one chord every ``delay_ms``."""
        chords = strokes(text, keypad_digits=keypad_digits) + [ENDINGS[name] for name in end]
        next_at = time.perf_counter()
        for chord in chords:
            self.chord(chord)
            next_at += delay_ms / 1000
            pause = next_at - time.perf_counter()
            if pause > 0:
                time.sleep(pause)


def serve(display_name: str) -> None:
    """The device process: one JSON request per line on stdin, "ok" (or "error: ...") per request on stdout."""
    keyboard = UsbKeyboard(display_name)
    try:
        for line in sys.stdin:
            try:
                request = json.loads(line)
                keyboard.type(
                    request["text"],
                    delay_ms=request.get("delay_ms", 2),
                    end=request.get("end", ["CR"]),
                    keypad_digits=request.get("keypad_digits", False),
                )
                print("ok", flush=True)
            except (ValueError, KeyError) as exc:
                print(f"error: {exc}", flush=True)
    finally:
        keyboard.close()


class ScannerProcess:
    """The device process, driven from a test or a benchmark: ``scan(text)`` returns once the keys are sent."""

    def __init__(self, display_name: str) -> None:
        self._process = subprocess.Popen(
            [sys.executable, "-m", "tests.usb_keyboard", display_name],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=Path(__file__).resolve().parents[1],
        )

    def __enter__(self) -> ScannerProcess:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def scan(
        self, text: str, *, delay_ms: float = 2, end: Sequence[str] = ("CR",), keypad_digits: bool = False
    ) -> None:
        request = {"text": text, "delay_ms": delay_ms, "end": list(end), "keypad_digits": keypad_digits}
        assert self._process.stdin is not None and self._process.stdout is not None
        self._process.stdin.write(json.dumps(request) + "\n")
        self._process.stdin.flush()
        answer = self._process.stdout.readline().strip()
        if answer != "ok":
            raise RuntimeError(f"the scanner device says: {answer or 'nothing (it stopped)'}")

    def tap(self, key: str) -> None:
        """Press and release one key of ``ENDINGS`` (e.g. NUMLOCK) alone."""
        self.scan("", end=(key,))

    def close(self) -> None:
        assert self._process.stdin is not None and self._process.stdout is not None
        self._process.stdin.close()  # the device process ends when its input does
        try:
            self._process.wait(10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._process.stdout.close()


if __name__ == "__main__":
    serve(sys.argv[1])
