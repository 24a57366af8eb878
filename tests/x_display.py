"""A real X display for tests and benchmarks: Xvfb with a small window manager, its keyboard layout set by setxkbmap.

Bare Xvfb has no window manager: a new window may not get the keyboard and nothing is maximised, unlike any desk's
desktop. openbox is small and does what a desktop does there. Needs the Debian packages in ``PACKAGES``.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import time
from pathlib import Path
from types import TracebackType

PACKAGES = ("xvfb", "xauth", "openbox", "x11-xkb-utils", "xkb-data")
# Each layout of desk_app.core.wedge as setxkbmap and libxkbcommon name it: (layout, variant).
XKB_NAMES = {
    "us": ("us", ""),
    "gb": ("gb", ""),
    "be": ("be", ""),
    "fr": ("fr", ""),
    "de": ("de", ""),
    "ch": ("ch", ""),
    "ch_fr": ("ch", "fr"),
}
PROGRAMS = ("Xvfb", "openbox", "setxkbmap")


class XDisplayUnavailable(RuntimeError):
    """A program the display needs is not installed."""


def missing_programs() -> list[str]:
    """The programs (and python-xlib, which sends XTest events) not installed here."""
    missing = [program for program in PROGRAMS if shutil.which(program) is None]
    if importlib.util.find_spec("Xlib") is None:
        missing.append("python-xlib")
    return missing


def stop(process: subprocess.Popen[bytes], timeout_s: float = 10) -> None:
    """Ask ``process`` to end (SIGTERM); kill it if it has not within ``timeout_s``."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout_s)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


class XDisplay:
    """Xvfb and openbox, started on entry and stopped on exit; ``name`` is the DISPLAY value (":N").

    Args:
        size: the screen, e.g. "1920x1080".
        workdir: where the servers' logs go.
    """

    def __init__(self, workdir: Path, size: str = "1920x1080") -> None:
        self.workdir = workdir
        self.size = size
        self.name = ""
        self._server: subprocess.Popen[bytes] | None = None
        self._window_manager: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> XDisplay:
        if missing := missing_programs():
            raise XDisplayUnavailable(f"not installed: {', '.join(missing)} (Debian: {' '.join(PACKAGES)})")
        self.workdir.mkdir(parents=True, exist_ok=True)
        read_end, write_end = os.pipe()
        with open(self.workdir / "xvfb.log", "wb") as log:
            self._server = subprocess.Popen(
                ["Xvfb", "-displayfd", str(write_end), "-screen", "0", f"{self.size}x24", "-nolisten", "tcp"],
                stdout=log,
                stderr=log,
                pass_fds=(write_end,),
            )
        os.close(write_end)
        with os.fdopen(read_end) as announced:
            number = announced.readline().strip()
        if not number:
            self.__exit__(None, None, None)
            raise XDisplayUnavailable(f"Xvfb did not start; see {self.workdir / 'xvfb.log'}")
        self.name = f":{number}"
        try:
            with open(self.workdir / "openbox.log", "wb") as log:
                self._window_manager = subprocess.Popen(
                    ["openbox", "--sm-disable"], env=self.environ(), stdout=log, stderr=log
                )
            self._wait_for_window_manager()
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        for process in (self._window_manager, self._server):
            if process is not None:
                stop(process)

    def environ(self, base: dict[str, str] | None = None) -> dict[str, str]:
        """``base`` (default: this process's environment) with DISPLAY set to this display."""
        env = dict(os.environ if base is None else base)
        env["DISPLAY"] = self.name
        env.pop("WAYLAND_DISPLAY", None)
        return env

    def set_layout(self, layout: str, variant: str = "") -> None:
        """The desk's keyboard layout, as ``setxkbmap`` sets it (e.g. "be", "ch" with variant "fr")."""
        command = ["setxkbmap", "-display", self.name, "-layout", layout]
        if variant:
            command += ["-variant", variant]
        subprocess.run(command, check=True, capture_output=True, timeout=30)

    def _wait_for_window_manager(self) -> None:
        """Until openbox has taken the screen (it sets _NET_SUPPORTING_WM_CHECK on the root window)."""
        from Xlib import display as xdisplay

        deadline = time.monotonic() + 20
        connection = xdisplay.Display(self.name)
        try:
            check = connection.intern_atom("_NET_SUPPORTING_WM_CHECK")
            root = connection.screen().root
            while time.monotonic() < deadline:
                if root.get_full_property(check, 0) is not None:
                    return
                time.sleep(0.05)
        finally:
            connection.close()
        raise XDisplayUnavailable(f"openbox did not start; see {self.workdir / 'openbox.log'}")
