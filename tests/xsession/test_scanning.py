"""Scans as a USB scanner types them, through the X server, on the real desk: wherever the focus is, on every layout.

The scanner is set to a US keyboard and sends key positions with Shift around capitals (``tests.usb_keyboard``);
the desk's X keymap is each of the six layouts in turn, and the station is set to it (as the self-test would).
"""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.exceptions import TimeoutError as WaitTimedOut
from pytestqt.qtbot import QtBot

from desk_app.core.model import Action
from desk_app.ui.checkin.banner_words import CHECK_ID
from tests.usb_keyboard import ScannerProcess
from tests.x_display import XDisplay
from tests.xsession.conftest import DESK_LAYOUTS, VERDICTS, Counter, Demo, random_focus

SCANS_PER_LAYOUT = 200


def wait_for_verdict(qtbot: QtBot, counter: Counter, number: int, scan: str) -> None:
    """Until the ``number``-th verdict shows; if it does not, what the screen was doing (a rare miss is findable)."""
    try:
        qtbot.waitUntil(lambda: len(counter.verdicts) >= number, timeout=15_000)
    except WaitTimedOut:
        view = counter.checkin
        raise AssertionError(
            f"scan {number} ({scan}) gave no verdict: stage {view.stage}, banner {view.banner.content.state}, "
            f"status {view.scan_bar.status.text()!r}, focus {QApplication.focusWidget()!r}, "
            f"wedge holding {counter.wedge.holding!r}"
        ) from None


@pytest.mark.parametrize("layout", list(DESK_LAYOUTS))
def test_every_scan_gives_a_verdict_wherever_the_focus_is(
    qtbot: QtBot,
    x_display: XDisplay,
    scanner: ScannerProcess,
    demo: Demo,
    open_counter: Callable[..., Counter],
    layout: str,
) -> None:
    x_display.set_layout(*DESK_LAYOUTS[layout])
    counter = open_counter(layout)
    before = len(counter.log(*VERDICTS))
    rng = random.Random(f"scans-{layout}")
    focus_seen = set()
    code = ""
    for number in range(1, SCANS_PER_LAYOUT + 1):
        where = random_focus(counter, rng)
        focus_seen.add(where)
        code = rng.choice([other for other in demo.codes if other != code])  # the same twice is a no-op
        scanner.scan(code, delay_ms=2)
        wait_for_verdict(qtbot, counter, number, f"focus on {where}, code {code[:24]}…")
        assert counter.fields_with_text() == {}, f"scan {number} left characters in a field"
        assert counter.checkin.action_bar.prompt.text() == "", f"an Enter of scan {number} reached the screen"
        assert counter.checkin.controller.wait_idle()
    assert len(counter.verdicts) == SCANS_PER_LAYOUT
    assert len(counter.log(*VERDICTS)) - before == SCANS_PER_LAYOUT
    assert len(focus_seen) > 5  # the focus really moved around the screen
    # Every check-in left at the ID check by the next scan is in the log, not dropped; no other is.
    left_at_id_check = counter.verdicts[:-1].count(CHECK_ID)
    assert left_at_id_check > SCANS_PER_LAYOUT // 4
    assert len(counter.log(Action.ABANDONED)) == left_at_id_check
