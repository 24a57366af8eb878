"""The supervisor's cards printed the night before, on a real database: pre-print into a PDF or on the desk's printer
(a worker thread, a progress bar, a summary), the stock per box, its export, voiding a card, closing the stock."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desk_app.core.model import AccreditationKind, Action, CardState, Status
from desk_app.service import DeskService
from desk_app.ui.i18n import Translations
from desk_app.ui.main_window import MainWindow
from desk_app.ui.supervisor.card_dialogs import CloseStockDialog, VoidCardDialog
from desk_app.ui.supervisor.preprint import PreprintDialog
from desk_app.ui.supervisor.stock import StockPage
from tests.conftest import BRUSSELS, SUPERVISOR_PIN, FixedClock
from tests.gui.shell_helpers import FakeCheckinView, World, make_world

JOB_TIMEOUT_MS = 30_000
DUPONT = "DM24-000002"  # the one ministerial applicant without a badge in the world


@pytest.fixture
def world(tmp_path: Path, desk: DeskService, clock: FixedClock) -> World:
    return make_world(tmp_path, desk, clock)


@pytest.fixture(autouse=True)
def translations(qapp: QApplication) -> Iterator[Translations]:
    made = Translations(qapp)
    yield made
    made.switch("en")


def open_window(qtbot: QtBot, world: World, translations: Translations, tmp_path: Path) -> MainWindow:
    window = MainWindow(world.session("sam"), translations, checkin_view=FakeCheckinView, export_folder=tmp_path)
    qtbot.addWidget(window)
    window.show()
    return window


def cell(page: StockPage, row: int, column: int, flagged: bool = False) -> str:
    model = page.flag_model if flagged else page.box_model
    return str(model.data(model.index(row, column)))


def preprint_from(qtbot: QtBot, dialog: PreprintDialog, pin: str = SUPERVISOR_PIN) -> None:
    dialog.pin_edit.setText(pin)
    with qtbot.waitSignal(dialog.preprinted, timeout=JOB_TIMEOUT_MS):
        dialog.start_button.click()
        assert dialog.busy and dialog.progress.maximum() == 0  # working: closing is refused
        dialog.reject()
        assert dialog.isVisible()


def test_preprint_from_the_supervisor_area_writes_a_pdf_and_the_stock_shows_it(
    qtbot: QtBot, world: World, translations: Translations, tmp_path: Path
) -> None:
    window = open_window(qtbot, world, translations, tmp_path)
    window.on_show_stock()
    page = window.stock_page
    assert window.tabs.currentWidget() is page and page.box_model.rowCount() == 0
    assert page.total_label.text() == "No card has been printed in advance."
    page.preprint_button.click()
    dialog = page.dialog
    assert isinstance(dialog, PreprintDialog)
    assert dialog.login_edit.text() == "sam" and dialog.kind_combo.currentText() == "MINISTERIAL"
    out = tmp_path / f"{world.desk.event.id}-cards-ministerial.pdf"
    assert dialog.file_edit.text() == str(out)
    dialog.box_spin.setValue(20)
    preprint_from(qtbot, dialog)
    assert out.exists() and len(pdfium.PdfDocument(out)) == 2  # the box's cover sheet and Dupont's card
    assert dialog.progress.value() == dialog.progress.maximum() == 1
    assert dialog.status_label.text() == "1 card printed and boxed."
    summary = dialog.summary.toPlainText().splitlines()
    assert summary[:2] == ["1 card reserved by this run.", "Box 1 printed: 1 cards, M-000002 to M-000002."]
    assert dialog.pin_edit.text() == ""  # the PIN is not kept
    card = world.desk.waiting_card(DUPONT)
    assert card is not None and card.state is CardState.PREPRINTED
    dialog.message_box.close()  # type: ignore[union-attr]
    dialog.reject()
    row = [cell(page, 0, column) for column in range(9)]
    assert row == ["MINISTERIAL", "1", "1", "1", "0", "0", "1", "0", "yes"]
    assert page.total_label.text().startswith("In all: 1 reserved, 0 handed over, 0 voided, 1 in the boxes")
    assert "Every box balances" in page.total_label.text() and not page.flagged_table.isVisible()


def test_a_box_the_printer_did_not_print_is_named_with_its_serials(
    qtbot: QtBot, world: World, translations: Translations, tmp_path: Path
) -> None:
    window = open_window(qtbot, world, translations, tmp_path)
    world.badges_dir.write_text("not a folder")  # the desk's printer cannot write its job
    window.on_preprint()
    dialog = window.dialog
    assert isinstance(dialog, PreprintDialog)
    dialog.printer_radio.setChecked(True)
    preprint_from(qtbot, dialog)
    assert dialog.status_label.text() == "1 card was NOT printed: see below, then pre-print again."
    lines = dialog.summary.toPlainText().splitlines()
    assert any(
        line.startswith("Box 1 NOT printed (") and line.endswith("1 cards stay reserved: M-000002.") for line in lines
    )
    card = world.desk.waiting_card(DUPONT)
    assert card is not None and card.state is CardState.RESERVED
    entries = [e.record.action for e in world.store.log.for_reference(DUPONT)]
    assert entries[-2:] == [Action.CARD_RESERVED, Action.CARD_PRINT_FAILED]


def test_a_wrong_pin_pre_prints_nothing(qtbot: QtBot, world: World, translations: Translations, tmp_path: Path) -> None:
    window = open_window(qtbot, world, translations, tmp_path)
    window.on_preprint()
    dialog = window.dialog
    assert isinstance(dialog, PreprintDialog)
    dialog.pin_edit.setText("000000")
    dialog.start_button.click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=JOB_TIMEOUT_MS)
    assert dialog.status_label.text() == "Not accepted: this is not a supervisor's login and PIN."
    assert world.desk.waiting_card(DUPONT) is None and not (tmp_path / "cards.pdf").exists()


def test_a_flagged_card_is_listed_and_voided_with_a_reason_and_the_pin(
    qtbot: QtBot, world: World, translations: Translations, tmp_path: Path
) -> None:
    world.desk.preprint(AccreditationKind.MINISTERIAL, "sam", SUPERVISOR_PIN, tmp_path / "c.pdf")
    dupont = world.store.applications.get(DUPONT)
    assert dupont is not None
    world.store.applications.upsert_many([replace(dupont, status=Status.REVOKED)], "2024-02-14T10:00:00Z")
    window = open_window(qtbot, world, translations, tmp_path)
    window.on_show_stock()
    page = window.stock_page
    assert page.flagged_table.isVisible()
    assert [cell(page, 0, c, flagged=True) for c in range(4)] == ["M-000002", "1", "1", "DUPONT, Claire"]
    assert cell(page, 0, 4, flagged=True) == "application revoked: do not hand over; a supervisor voids it"
    page.flagged_table.selectRow(0)
    page.void_button.click()
    dialog = page.dialog
    assert isinstance(dialog, VoidCardDialog)
    assert dialog.serial_edit.text() == "M-000002" and "box 1, slot 1; in its box" in dialog.details_label.text()
    dialog.pin.pin_edit.setText(SUPERVISOR_PIN)
    dialog.void_button.click()
    assert dialog.message_label.text() == "Give the reason: it goes into the log."
    dialog.reason_edit.setText("accreditation revoked")
    dialog.pin.pin_edit.setText(SUPERVISOR_PIN)
    with qtbot.waitSignal(dialog.voided, timeout=5000):
        dialog.void_button.click()
    assert dialog.message_label.text().startswith("Card M-000002 is void: take it out of box 1, slot 1")
    card = world.desk.card("M-000002")
    assert card is not None and (card.state, card.void_reason) == (CardState.VOIDED, "accreditation revoked")
    assert page.flag_model.rowCount() == 0 and not page.flagged_table.isVisible()
    assert [cell(page, 0, c) for c in (2, 5, 6, 9)] == ["1", "1", "0", "accreditation revoked: 1"]


def test_a_card_of_a_kind_the_accreditation_no_longer_has_is_flagged_in_words(
    qtbot: QtBot, world: World, translations: Translations, tmp_path: Path
) -> None:
    world.desk.preprint(AccreditationKind.MINISTERIAL, "sam", SUPERVISOR_PIN, tmp_path / "c.pdf")
    dupont = world.store.applications.get(DUPONT)
    assert dupont is not None
    annual = replace(dupont, kind=AccreditationKind.ANNUAL, annual_number="NATO-A24-0002")
    world.store.applications.upsert_many([annual], "2024-02-14T10:00:00Z")
    window = open_window(qtbot, world, translations, tmp_path)
    window.on_show_stock()
    page = window.stock_page
    expected = "the accreditation is {} now: do not hand over; a supervisor voids it"
    annual_label = world.desk.event.badge_kinds[AccreditationKind.ANNUAL].label
    assert cell(page, 0, 4, flagged=True) == expected.format(annual_label)
    translations.switch("fr")
    assert world.desk.event.badge_kinds[AccreditationKind.ANNUAL].label_fr in cell(page, 0, 4, flagged=True)


def test_the_stock_is_exported_and_closed_at_the_end_of_the_event(
    qtbot: QtBot, world: World, translations: Translations, tmp_path: Path
) -> None:
    world.desk.preprint(AccreditationKind.MINISTERIAL, "sam", SUPERVISOR_PIN, tmp_path / "c.pdf")
    window = open_window(qtbot, world, translations, tmp_path)
    window.on_show_stock()
    page = window.stock_page
    page.export_button.click()
    qtbot.waitUntil(lambda: not page.busy and bool(page.written), timeout=JOB_TIMEOUT_MS)
    csv_path, pdf_path = page.written
    rows = list(csv.reader(csv_path.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0][:3] == ["kind", "box", "reserved"] and rows[1][:3] == ["ministerial", "1", "1"]
    assert pdf_path.read_bytes().startswith(b"%PDF")
    page.dialog.close()  # type: ignore[union-attr]
    world.clock.moment = datetime(2024, 2, 15, 21, 0, tzinfo=BRUSSELS)  # the counters closed at 20:00
    page.close_button.click()
    dialog = page.dialog
    assert isinstance(dialog, CloseStockDialog)
    assert "the 1 card still waiting" in dialog.intro.text()
    assert not dialog.close_stock_button.isEnabled()  # the boxes counted first
    dialog.confirm_box.setChecked(True)
    dialog.pin.pin_edit.setText(SUPERVISOR_PIN)
    with qtbot.waitSignal(dialog.closed, timeout=5000):
        dialog.close_stock_button.click()
    assert page.closed_label.text().startswith("Closed by Sam Supervisor (sam) on 15 Feb 21:00")
    assert not page.preprint_button.isEnabled() and not page.close_button.isEnabled()
    card = world.desk.card("M-000002")
    assert card is not None and (card.state, card.void_reason) == (CardState.VOIDED, "destroyed unclaimed")
    assert cell(page, 0, 9) == "destroyed unclaimed: 1"
