"""Screenshots of the check-in screen in its main states, for the README: ``docs/screens/checkin-<state>-<lang>.png``.

``save_checkin_screens`` takes the language; French runs once ``resources/i18n/desk_fr.qm`` exists (until then the
French test is skipped). The screen is shown with the desk's own theme (``desk_app.ui.theme``), as staff see it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from bench.mrz import td3
from desk_app.errors import ConfigError
from desk_app.ui.checkin import Stage
from desk_app.ui.i18n import Translations
from desk_app.ui.theme import apply_theme
from tests.gui import test_checkin as kit
from tests.gui.test_checkin import (
    ANNUAL,
    MUELLER,
    MUELLER_ZONE,
    REVOKED,
    Counter,
    fill_id_check,
    press,
    scan,
    scan_printout,
    tick,
    wait_stage,
)

# The shared fixtures, for pytest to find in this module too.
counter, listed_desk, office_key, wedge = kit.counter, kit.listed_desk, kit.office_key, kit.wedge

SCREENS = Path(__file__).resolve().parents[2] / "docs" / "screens"
MAX_BYTES = 200_000
STATES = ("ready", "search", "check-id", "needs-supervisor", "issue", "refuse", "redirect", "print-failed")


@contextmanager
def desk_look(qapp: QApplication, language: str) -> Iterator[None]:
    """The desk's theme and ``language`` for the duration; the test application's own look afterwards."""
    font, style, sheet = qapp.font(), qapp.style().name(), qapp.styleSheet()
    translations = Translations(qapp)
    try:
        translations.switch(language)
    except ConfigError as exc:
        pytest.skip(str(exc))
    if language != "en" and QCoreApplication.translate("Outcome", "REFUSED") == "REFUSED":
        translations.switch("en")
        pytest.skip(f"the {language} translation does not cover the check-in screen yet")
    apply_theme(qapp)
    try:
        yield
    finally:
        translations.switch("en")
        qapp.setStyleSheet(sheet)
        qapp.setStyle(style)
        qapp.setFont(font)


def save_small_png(image: QImage, path: Path) -> None:
    """A screen is flat colours but for the photo: 256 well-chosen colours keep it sharp at a fifth of the size."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    picture = Image.frombytes(
        "RGB", (rgb.width(), rgb.height()), bytes(rgb.constBits()), "raw", "RGB", rgb.bytesPerLine()
    )
    picture.quantize(256, Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(path, optimize=True)


def save_checkin_screens(qtbot: QtBot, counter: Counter, language: str, folder: Path = SCREENS) -> list[Path]:
    """Drive the screen through its main states and save each; returns the files written."""
    view, clock = counter.view, counter.clock
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def shoot(state: str) -> None:
        QApplication.processEvents()
        path = folder / f"checkin-{state}-{language}.png"
        save_small_png(view.grab().toImage(), path)
        written.append(path)

    press(Qt.Key.Key_Escape, clock)
    shoot("ready")
    view.scan_bar.field.setText("an")
    view.router.search("an")
    qtbot.waitUntil(lambda: view.results.count() >= 2, timeout=5000)
    shoot("search")
    press(Qt.Key.Key_Escape, clock)
    scan_printout(qtbot, counter, MUELLER)
    scan(MUELLER_ZONE, clock)
    view.id_check.press_edit.setText("DJV-48213")
    shoot("check-id")
    newer = td3("MUELLER<<JUERGEN<KARL", "C02Y11T58", "D", date(1981, 3, 9), date(2033, 5, 2))
    scan(newer, clock)
    view.id_check.face_ok.setFocus()
    tick(qtbot, counter)
    press(Qt.Key.Key_Return, clock)
    wait_stage(qtbot, view, Stage.VERDICT)
    shoot("needs-supervisor")
    press(Qt.Key.Key_Escape, clock)
    scan_printout(qtbot, counter, MUELLER)
    fill_id_check(qtbot, counter, "C01X00T47", "DJV-48213")
    press(Qt.Key.Key_Return, clock)
    wait_stage(qtbot, view, Stage.SERVED)
    shoot("issue")
    press(Qt.Key.Key_Escape, clock)
    scan_printout(qtbot, counter, REVOKED)
    shoot("refuse")
    scan_printout(qtbot, counter, ANNUAL)
    shoot("redirect")
    counter.printer.failing = True
    counter.store.badges.void("M-000001", counter.desk.clock.now(), "screenshot: served again")
    scan_printout(qtbot, counter, MUELLER)
    fill_id_check(qtbot, counter, "C01X00T47", "DJV-48213")
    press(Qt.Key.Key_Return, clock)
    wait_stage(qtbot, view, Stage.PRINT_FAILED)
    shoot("print-failed")
    return written


@pytest.mark.parametrize("language", ["en", "fr"])
def test_screenshots_of_the_main_states(qtbot: QtBot, qapp: QApplication, counter: Counter, language: str) -> None:
    with desk_look(qapp, language):
        written = save_checkin_screens(qtbot, counter, language)
    assert [path.name for path in written] == [f"checkin-{state}-{language}.png" for state in STATES]
    for path in written:
        assert 0 < path.stat().st_size < MAX_BYTES, path
