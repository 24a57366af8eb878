"""Telling a passport reader from a printout scanner when both type like a keyboard, and putting MRZ lines together.

Both arrive through the same keyboard-wedge filter, which ends a scan at Enter, so a passport reader's zone comes
as two or three scans in a row. A scan is taken as a line of a machine-readable zone when it has a zone line's
length (30, 36 or 44 characters) and a zone's alphabet: letters, digits and one filler character ('<', or the
single stand-in a foreign keyboard layout typed for it), the filler present at least once unless the line continues
a zone already started. A printout never looks like that: a reference has dashes and is shorter, a signed code
starts with ``C1:`` and holds colons. A whole zone in one scan (a serial reader's line breaks, a paste, or a reader
that sends no line breaks: 90, 72 or 88 characters) is read at once.

Lines are put together while they arrive less than ``window_ms`` apart and have the same length; the zone is
complete with three lines of 30 or two of 36 or 44.
"""

from __future__ import annotations

import enum
from collections.abc import Callable

from desk_app.core.codes import looks_signed
from desk_app.core.mrz import ROWS_BY_WIDTH, UNKNOWN, WIDTH_OF_WHOLE_ZONE, parse_mrz
from desk_app.core.wedge import looks_like_code
from desk_app.service import ScannedThing

_CODE_CHARACTERS = frozenset("-: ")


class ScanKind(enum.Enum):
    PRINTOUT = "printout"  # a confirmation code or a reference
    MRZ_LINE = "mrz_line"  # one line of a zone; more are coming
    MRZ_ZONE = "mrz_zone"  # a whole zone in one scan


def _fillers(text: str) -> set[str] | None:
    """The characters other than ASCII letters and digits; None when they cannot be a zone's filler."""
    extra = {c for c in text if not (c.isascii() and c.isalnum())}
    return None if len(extra) > 1 or extra & _CODE_CHARACTERS else extra


def is_mrz_line(text: str, *, continuing: bool = False) -> bool:
    """Whether one scan is a line of a machine-readable zone (see the module docstring)."""
    line = text.strip().upper()
    if len(line) not in ROWS_BY_WIDTH or looks_signed(line):
        return False
    fillers = _fillers(line)
    return fillers is not None and (bool(fillers) or continuing)


def is_whole_zone(text: str) -> bool:
    """Whether one scan holds a whole zone: several lines, or a zone typed without line breaks."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    joined = "".join(lines).upper()
    if len(lines) < 2 and len(joined) not in WIDTH_OF_WHOLE_ZONE:
        return False
    if len(lines) >= 2 and not all(is_mrz_line(line, continuing=True) for line in lines):
        return False
    if _fillers(joined) is None:
        return False
    result = parse_mrz(text)
    return result.format != UNKNOWN and "wrong_length" not in result.errors


def scanned_thing(text: str) -> ScannedThing:
    """What a scan was, for the log: a printout's code, a passport zone (or a line of one), or something else."""
    if classify(text) is not ScanKind.PRINTOUT:
        return "passport zone"
    return "code" if looks_like_code(text) else "other"


def classify(text: str, *, continuing: bool = False) -> ScanKind:
    """What one scan is. ``continuing``: a zone's first line came just before."""
    if is_whole_zone(text):
        return ScanKind.MRZ_ZONE
    if is_mrz_line(text, continuing=continuing):
        return ScanKind.MRZ_LINE
    return ScanKind.PRINTOUT


class MrzAssembler:
    """Collects a zone's lines as they are scanned one by one.

    Args:
        window_ms: the longest pause between two lines of one zone.
        clock: milliseconds from any fixed start.
    """

    def __init__(self, clock: Callable[[], float], window_ms: float = 1500) -> None:
        self.window_ms = window_ms
        self._clock = clock
        self._lines: list[str] = []
        self._last_ms = 0.0

    @property
    def pending(self) -> int:
        """How many lines of an unfinished zone are held."""
        return len(self._lines)

    def _continuing(self) -> bool:
        """Whether a zone was started just now; a zone left unfinished for longer is forgotten."""
        if self._lines and self._clock() - self._last_ms > self.window_ms:
            self._lines = []
        return bool(self._lines)

    def classify(self, text: str) -> ScanKind:
        """What ``text`` is, knowing whether a zone was started just before."""
        return classify(text, continuing=self._continuing())

    def feed(self, line: str) -> str | None:
        """Add a line; the whole zone (lines joined by newlines) when this line completes it, else None."""
        line = line.strip().upper()
        if self._continuing() and len(line) != len(self._lines[0]):
            self._lines = []
        self._lines.append(line)
        self._last_ms = self._clock()
        if len(self._lines) < ROWS_BY_WIDTH.get(len(line), 0):
            return None
        zone, self._lines = "\n".join(self._lines), []
        return zone

    def clear(self) -> None:
        self._lines = []
