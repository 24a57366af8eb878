"""A card printed the night before, handed over through the real devices: the printout and then the card's own
barcode typed by the USB scanner (Shift for capitals, the desk's layout), on the real desk under an X server."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desk_app.core.model import AccreditationKind, CardState
from desk_app.ui.checkin import Stage
from tests.usb_keyboard import ScannerProcess
from tests.x_display import XDisplay
from tests.xsession.conftest import DESK_LAYOUTS, Counter, Demo
from tests.xsession.test_devices import reference_of

DEMO_SUPERVISOR, DEMO_SUPERVISOR_PIN = "super1", "975310"


@pytest.mark.parametrize("layout", ["us", "be"])  # Belgian AZERTY: digits and the hyphen are shifted keys
def test_the_card_scanned_after_the_checks_is_handed_over(
    qtbot: QtBot,
    x_display: XDisplay,
    scanner: ScannerProcess,
    demo: Demo,
    open_counter: Callable[..., Counter],
    tmp_path: Path,
    layout: str,
) -> None:
    x_display.set_layout(*DESK_LAYOUTS[layout])
    counter = open_counter(layout)
    desk, view = counter.desk, counter.checkin
    desk.preprint(AccreditationKind.MINISTERIAL, DEMO_SUPERVISOR, DEMO_SUPERVISOR_PIN, tmp_path / "cards.pdf")
    code = next(
        c
        for c in demo.codes
        if (card := desk.waiting_card(reference_of(c))) is not None
        and card.state is CardState.PREPRINTED
        and (app := desk.application(reference_of(c))) is not None
        and app.press.card_number
    )
    reference = reference_of(code)
    application, card = desk.application(reference), desk.waiting_card(reference)
    assert application is not None and card is not None
    scanner.scan(code, delay_ms=2)
    qtbot.waitUntil(lambda: view.stage is Stage.CHECKING, timeout=10_000)
    view.id_check.number_edit.setText(application.document.number)  # the clerk reads the documents
    view.id_check.press_edit.setText(application.press.card_number)
    view.id_check.face_ok.setChecked(True)
    view.action_bar.issue_button.click()  # the clerk's click: the device's part is the printout and the card
    qtbot.waitUntil(lambda: view.stage is Stage.AWAITING_CARD, timeout=10_000)
    assert view.banner.content.title == f"TAKE CARD {card.serial} FROM BOX {card.box}, SLOT {card.slot}"
    assert desk.active_badge(reference) is None
    with qtbot.waitSignal(view.person_served, timeout=10_000) as served:
        scanner.scan(card.serial, delay_ms=2)
    assert served.args == [card.serial]
    handed = desk.card(card.serial)
    assert handed is not None and handed.state is CardState.HANDED_OVER
    badge = desk.active_badge(reference)
    assert badge is not None and badge.serial == card.serial
    assert view.scan_bar.field.text() == ""  # the serial went to the hand-over, not into a field
