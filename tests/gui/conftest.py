"""Qt tests run offscreen, with no display and no camera, and fail on any Qt warning we did not expect.

The platform must be chosen before the QApplication exists: without a display and without it, Qt aborts the whole
run with no message. The offscreen screen is the smallest a desk has, 1366x768 (``DESK_APP_SCREEN`` sets another):
windows open maximised on it as they would at the counter.
"""

from __future__ import annotations

import gc
import json
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import pytest

GUI_TESTS = Path(__file__).resolve().parent
SCREEN = os.environ.get("DESK_APP_SCREEN", "1366x768")  # 1920x1080 for the large screenshots


def _offscreen_screen(size: str) -> Path:
    """A configuration file for Qt's offscreen platform with one screen of ``size`` (WIDTHxHEIGHT)."""
    width, height = (int(part) for part in size.split("x"))
    screen = {"name": "Desk", "x": 0, "y": 0, "width": width, "height": height, "logicalDpi": 96}
    path = Path(tempfile.gettempdir()) / f"desk-app-screen-{size}.json"
    path.write_text(json.dumps({"screens": [screen | {"logicalBaseDpi": 96, "dpr": 1}]}))
    return path


if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":  # before any QApplication exists
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_offscreen_screen(SCREEN)}"

# Harmless on a machine without PipeWire or VA-API: QtMultimedia probes for them and says so.
HARMLESS_QT_MESSAGES = (
    r"^Couldn't (load|resolve) (pipewire-0\.3|va|va-drm|va-x11|va\(in plugin\)) (library|symbols)$",
    r"No RHI backend\. Using CPU conversion\.$",
    # The offscreen platform has no window manager to pass size hints to.
    r"^This plugin does not support propagateSizeHints\(\)$",
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Every test here fails on a Qt warning (pytest-qt's qt_log_level_fail), as if set in pyproject.toml."""
    for item in items:
        if GUI_TESTS in item.path.parents:
            item.add_marker(pytest.mark.qt_log_level_fail("WARNING"))
            item.add_marker(pytest.mark.qt_log_ignore(*HARMLESS_QT_MESSAGES))


@pytest.fixture(autouse=True)
def collect_qt_garbage_here() -> Iterator[None]:
    """After each test, Python's cyclic garbage is collected on the GUI thread. Left to the collector's own timing,
    a test's abandoned widgets can be destroyed on whichever thread allocates next (an export or a camera decoder
    in a later test), which aborts the whole run."""
    yield
    gc.collect()


class FakeClock:
    """Milliseconds that move only when a test says so."""

    def __init__(self, start: float = 1_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, ms: float) -> None:
        self.now += ms


@pytest.fixture
def fake_clock() -> FakeClock:
    return FakeClock()


class PtyPair:
    """Two pseudo-terminals joined by socat: the test writes to ``scanner``, the app opens ``host``."""

    def __init__(self, folder: Path) -> None:
        self.scanner = folder / "scanner"
        self.host = folder / "host"
        self._process: subprocess.Popen[bytes] | None = None
        self._end: BinaryIO | None = None

    def start(self) -> None:
        socat = shutil.which("socat")
        if socat is None:
            pytest.skip("socat is not installed (apt-get install socat)")
        self._process = subprocess.Popen(
            [socat, "-d", "-d", f"pty,raw,echo=0,link={self.scanner}", f"pty,raw,echo=0,link={self.host}"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while not (self.scanner.exists() and self.host.exists()):
            if time.monotonic() > deadline or self._process.poll() is not None:
                self.stop()
                raise RuntimeError("socat did not make its pty pair")
            time.sleep(0.02)
        # Held open for the pair's life: the scanner end stays "plugged in" between writes.
        self._end = self.scanner.open("wb", buffering=0)

    def send(self, data: bytes) -> None:
        assert self._end is not None, "the pair is stopped"
        self._end.write(data)

    def stop(self) -> None:
        """Like pulling the cable: the ptys and their links go away."""
        if self._end is not None:
            self._end.close()
            self._end = None
        if self._process is not None:
            self._process.terminate()
            self._process.wait(timeout=10)
            self._process = None


@pytest.fixture
def pty_pair(tmp_path: Path) -> Iterator[PtyPair]:
    pair = PtyPair(tmp_path)
    pair.start()
    yield pair
    pair.stop()
