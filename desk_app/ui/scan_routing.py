"""Where a scan goes when something is open over the check-in screen: routing by what was scanned, not by focus.

A scan is never typed into a field (the keyboard-wedge filter takes the whole burst). The window then decides:

- a window with nothing to lose (F1 help, a message box) steps aside, and the scan goes to check-in;
- a window that reads scans itself (the station settings' scanner self-test) gets it, nothing else does;
- any other window (a PIN, a form being filled in), the lock screen and the login leave the scan unused, say so,
  and log it (``DeskService.scan_ignored``: where, and whether it was a code or a passport zone, never its text;
  ``mrz_input.scanned_thing``).

Windows carry their kind as a Qt property, so this module needs nothing from the windows themselves.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

CLOSES_FOR_SCANS = "closesForScans"
READS_SCANS = "readsScans"


def let_scans_close(window: QWidget) -> None:
    """Mark ``window`` as one a scan closes (it holds nothing that would be lost)."""
    window.setProperty(CLOSES_FOR_SCANS, True)


def let_read_scans(window: QWidget) -> None:
    """Mark ``window`` as one that reads scans itself while it is open."""
    window.setProperty(READS_SCANS, True)


def closes_for_scans(window: QWidget) -> bool:
    return bool(window.property(CLOSES_FOR_SCANS))


def reads_scans(window: QWidget) -> bool:
    return bool(window.property(READS_SCANS))
