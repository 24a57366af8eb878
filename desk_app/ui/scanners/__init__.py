"""Every way a code reaches the desk besides typing it: USB keyboard-wedge, serial and webcam scanners.

Each is a QObject with the same ``scanned(str)`` signal, so the check-in view does not care which one read the code;
``error(str)`` carries a message for staff when a scanner cannot work (no port, no camera).

The classes load on first use: QtMultimedia (for the camera) is slow to load and talks on stderr, and a desk with a
USB scanner never needs it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desk_app.ui.scanners.camera import CameraScanner
    from desk_app.ui.scanners.serial import SerialScanner
    from desk_app.ui.scanners.wedge import WedgeFilter

__all__ = ["CameraScanner", "SerialScanner", "WedgeFilter"]
_MODULES = {"CameraScanner": "camera", "SerialScanner": "serial", "WedgeFilter": "wedge"}


def __getattr__(name: str) -> object:
    if name not in _MODULES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_MODULES[name]}"), name)
