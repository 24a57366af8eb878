"""The desk in a real X session: Xvfb and openbox, the desk's keymap set by setxkbmap, a USB device typing XTest keys.

This suite runs in a pytest process of its own (``make test`` runs it after the main one; pytest's own discovery
leaves the folder out): Qt's platform is chosen once per process, and the rest of the tests run offscreen. The X
server is started before anything else (``pytest_configure``), so the QApplication pytest-qt makes is on it.

The desk is the real one: the demo database and its confirmation printouts, ``DeskStartup`` and ``MainWindow`` as
``desk-app gui`` builds them, the keyboard-wedge filter installed on the application. Only the login is filled in
from the test (its PIN typing is not what is under test here).
"""

from __future__ import annotations

import dataclasses
import os
import random
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "xcb"

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from desk_app.core.model import AccreditationKind, Action, LogEntry, Status
from desk_app.demo.build import build_demo, demo_profile
from desk_app.scan.decode import decode_file
from desk_app.service import DeskService, open_desk
from desk_app.ui.app import DeskStartup
from desk_app.ui.checkin import CheckinView
from desk_app.ui.i18n import Translations
from desk_app.ui.main_window import MainWindow
from desk_app.ui.scanners.wedge import WedgeFilter
from desk_app.ui.theme import apply_theme
from tests.usb_keyboard import ScannerProcess
from tests.x_display import PACKAGES, XKB_NAMES, XDisplay, XDisplayUnavailable, missing_programs

DEMO_MORNING = "2024-02-14T09:30"
DEMO_DAY = "2024-02-14"
CODES_USED = 60  # confirmations decoded for the suite (each decode of a PDF takes a moment)
VERDICTS = frozenset({Action.LOOKUP, Action.CHECKIN})
# XTest keystrokes are requests the X server stamps when it gets to them; a real keyboard's are stamped as they are
# read, on the server's input thread. While Xvfb is busy (drawing a verdict over most of the screen) two keys typed
# 2 ms apart can be stamped 40 ms or more apart: one scan in about 1,200 split in two. The suite allows such a stall
# (the production gap, 40 ms, is for devices the kernel stamps; ``test_real_process`` keeps it).
XTEST_MAX_GAP_MS = 120
# The six desk layouts every scan is tried on, with their setxkbmap names.
DESK_LAYOUTS = {name: XKB_NAMES[name] for name in ("us", "gb", "be", "fr", "de", "ch")}

_display: XDisplay | None = None


def pytest_configure(config: pytest.Config) -> None:
    global _display
    if missing := missing_programs():
        if os.environ.get("CI"):
            raise pytest.UsageError(f"the X session tests need {' '.join(PACKAGES)}; missing: {', '.join(missing)}")
        return
    _display = XDisplay(Path(config.rootpath) / ".pytest_xsession")
    try:
        _display.__enter__()
    except XDisplayUnavailable as exc:
        raise pytest.UsageError(str(exc)) from exc
    os.environ["DISPLAY"] = _display.name


def pytest_unconfigure(config: pytest.Config) -> None:
    if _display is not None:
        _display.__exit__(None, None, None)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if _display is None:
        skip = pytest.mark.skip(reason=f"no X session: install {' '.join(PACKAGES)}")
        for item in items:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def x_display() -> XDisplay:
    assert _display is not None
    return _display


@pytest.fixture(scope="session")
def scanner(x_display: XDisplay) -> Iterator[ScannerProcess]:
    """A USB scanner set to a US keyboard, plugged into the desk for the whole session."""
    with ScannerProcess(x_display.name) as device:
        yield device


@pytest.fixture(autouse=True)
def quick_pin_hashes() -> None:
    """The demo's PINs are hashed at the real cost (it is built once for the session): checked at that cost too."""


@pytest.fixture(autouse=True)
def us_desk_keymap(x_display: XDisplay) -> None:
    """Every test starts on a US desk; a test that wants another layout sets it."""
    x_display.set_layout("us")


@dataclass(frozen=True)
class Demo:
    db: Path
    codes: tuple[str, ...]  # signed codes read off the demo's confirmation printouts


@pytest.fixture(scope="session")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Demo:
    folder = tmp_path_factory.mktemp("demo")
    summary = build_demo(folder / "demo.sqlite", folder)
    printouts = sorted(summary.confirmations_dir.glob("*.pdf"))
    # Two in three of them people the Groups desk checks in (the ID check comes next), the rest any verdict.
    with open_desk(summary.db_path, DEMO_MORNING) as desk:
        eligible = [path for path in printouts if _awaits_id_check(desk, path.stem)]
    others = [path for path in printouts if path not in eligible]
    rng = random.Random("demo-codes")
    printouts = rng.sample(eligible, CODES_USED * 2 // 3) + rng.sample(others, CODES_USED // 3)
    codes = tuple(found.text for path in printouts for found in decode_file(path))
    assert len(codes) == len(printouts)
    return Demo(summary.db_path, codes)


def _awaits_id_check(desk: DeskService, reference: str) -> bool:
    application = desk.application(reference)
    return (
        application is not None
        and application.kind is AccreditationKind.MINISTERIAL
        and application.status is Status.APPROVED
        and desk.active_badge(reference) is None
    )


@dataclass
class Counter:
    """The demo desk on screen at the Groups entrance (logged in, unless asked not to), and what it said."""

    desk: DeskService
    startup: DeskStartup
    wedge: WedgeFilter
    verdicts: list[str]

    @property
    def window(self) -> MainWindow:
        assert self.startup.window is not None, "not logged in"
        return self.startup.window

    @property
    def checkin(self) -> CheckinView:
        assert isinstance(self.window.checkin, CheckinView)
        return self.window.checkin

    def log(self, *actions: Action) -> list[LogEntry]:
        entries = self.desk.log_entries(date.fromisoformat(DEMO_DAY))
        return [entry for entry in entries if entry.record.action in actions]

    def focusable(self) -> list[QWidget]:
        """Every widget of the check-in screen that takes the keyboard now, and the tab bar."""
        widgets = [self.window.tabs.tabBar(), *self.checkin.findChildren(QWidget)]
        return [
            widget
            for widget in widgets
            if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisible() and widget.isEnabled()
        ]

    def fields_with_text(self, top: QWidget | None = None) -> dict[str, str]:
        """Every text field that holds something (spin boxes' and combo boxes' own fields aside)."""
        found = {}
        for field in (top or self.window).findChildren(QLineEdit):
            if isinstance(field.parent(), QAbstractSpinBox | QComboBox) or not field.text():
                continue
            found[field.accessibleName() or field.objectName() or repr(field)] = field.text()
        return found


@pytest.fixture
def open_counter(qtbot: QtBot, qapp: QApplication, demo: Demo, tmp_path: Path) -> Iterator[Callable[..., Counter]]:
    """Opens the demo desk (a copy of its database) at the Groups entrance, the station set to ``layout``."""
    opened: list[Counter] = []

    def start(layout: str = "us", *, prefix: str = "", suffix: str = "", log_in: bool = True) -> Counter:
        db = tmp_path / f"desk-{len(opened)}.sqlite"
        shutil.copy(demo.db, db)
        desk = open_desk(db, DEMO_MORNING)
        assert isinstance(qapp, QApplication)
        apply_theme(qapp)
        translations = Translations(qapp)
        wedge = WedgeFilter(qapp, max_gap_ms=XTEST_MAX_GAP_MS)
        qapp.installEventFilter(wedge)
        profile = demo_profile(db)
        station = dataclasses.replace(
            profile.station, keyboard_layout=layout, scanner_prefix=prefix, scanner_suffix=suffix
        )
        startup = DeskStartup(desk, translations, wedge=wedge, profile=dataclasses.replace(profile, station=station))
        counter = Counter(desk, startup, wedge, [])
        opened.append(counter)
        startup.start()
        dialog = startup.login_dialog
        assert dialog is not None
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=10_000)
        if not log_in:
            return counter
        dialog.form.pin_edit.setText(profile.pin)
        dialog.form.on_submit()
        qtbot.waitUntil(lambda: startup.window is not None or bool(dialog.form.message_label.text()))
        assert startup.window is not None, dialog.form.message_label.text()
        window = startup.window
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=10_000)
        counter.checkin.verdict_shown.connect(counter.verdicts.append)
        return counter

    yield start
    for window in QApplication.topLevelWidgets():  # dialogs too: an open one stays modal for the next test
        window.close()
    for counter in opened:
        if counter.startup.window is not None:
            counter.checkin.shutdown()
            counter.startup.window.deleteLater()
        qapp.removeEventFilter(counter.wedge)
        counter.desk.close()


def random_focus(counter: Counter, rng: random.Random) -> str:
    """Put the keyboard focus somewhere on the check-in screen, or nowhere; says where."""
    choices = counter.focusable()
    pick = rng.randrange(len(choices) + 1)
    if pick == len(choices):
        focused = QApplication.focusWidget()
        if focused is not None:
            focused.clearFocus()
        return "nowhere"
    widget = choices[pick]
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    return widget.accessibleName() or type(widget).__name__
