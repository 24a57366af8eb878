"""PyInstaller runtime hook: pyzbar finds the zbar library shipped inside the bundle, not one the PC may lack.

pyzbar asks ``ctypes.util.find_library("zbar")``; in the bundle that answers with the bundled copy.
"""

import ctypes.util
import os
import sys

_BUNDLED = os.path.join(getattr(sys, "_MEIPASS", ""), "libzbar.so.0")
_find_library = ctypes.util.find_library


def _find_bundled(name: str) -> str | None:
    if name == "zbar" and os.path.exists(_BUNDLED):
        return _BUNDLED
    return _find_library(name)


ctypes.util.find_library = _find_bundled
