"""The supervisor area on a real database: log, live counts, export, import, staff, reprint and void."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desk_app.core.model import AccreditationKind, Action, Outcome, Role
from desk_app.demo.generator import generate_rows, write_csv, write_photos
from desk_app.service import DeskService, PinRefused
from desk_app.ui.i18n import Translations
from desk_app.ui.main_window import MainWindow
from desk_app.ui.supervisor.badges import BadgesPage
from desk_app.ui.supervisor.counts import CountsPage
from desk_app.ui.supervisor.exports import ExportDialog
from desk_app.ui.supervisor.import_dialog import ImportDialog
from desk_app.ui.supervisor.log_view import LogView
from desk_app.ui.supervisor.staff import StaffPage
from tests.conftest import STAFF_PIN, SUPERVISOR_PIN, FixedClock
from tests.gui.shell_helpers import FakeCheckinView, World, make_world

FIRST_DAY = date(2024, 2, 14)
JOB_TIMEOUT_MS = 20_000


@pytest.fixture
def world(tmp_path: Path, desk: DeskService, clock: FixedClock) -> World:
    return make_world(tmp_path, desk, clock)


@pytest.fixture(autouse=True)
def translations(qapp: QApplication) -> Iterator[Translations]:
    made = Translations(qapp)
    yield made
    made.switch("en")


def cell(view_model: object, row: int, column: int) -> str:
    model = view_model  # a ListTableModel
    return str(model.data(model.index(row, column)))  # type: ignore[attr-defined]


# --- the log ---------------------------------------------------------------------------------------------------


def test_log_view_shows_the_day_and_filters_by_desk_and_outcome(qtbot: QtBot, world: World) -> None:
    view = LogView(world.session("sam"))
    qtbot.addWidget(view)
    view.set_day(FIRST_DAY)
    view.reload()
    actions = [e.record.action for e in view.model.rows]
    assert actions == [Action.EVENT_CONFIGURED, Action.CHECKIN, Action.ISSUE, Action.CHECKIN, Action.CHECKIN]
    assert [view.desk_combo.itemData(i) for i in range(view.desk_combo.count())] == [None, "G1", "G2"]
    assert cell(view.model, 1, 1) == "09:05:00"  # event time
    view.set_filter(desk="G2")
    assert [e.record.reference for e in view.model.rows] == ["AN24-000003"]
    assert cell(view.model, 0, 8) == "Wrong entrance"
    view.set_filter(desk="G1", outcome=Outcome.REFUSE.value)
    assert [e.record.reference for e in view.model.rows] == ["DM24-999999"]
    assert cell(view.model, 0, 9) == "not in the accreditation list"
    tooltip = view.model.data(view.model.index(0, 9), Qt.ItemDataRole.ToolTipRole)
    assert tooltip.startswith("NOT_FOUND\n")
    assert "1 entry shown" in view.count_label.text() and "5 in the day" in view.count_label.text()
    view.set_filter(outcome=Outcome.ISSUE.value)
    assert [e.record.action for e in view.model.rows] == [Action.CHECKIN, Action.ISSUE]
    view.set_day(date(2024, 2, 15))
    assert view.model.rowCount() == 0


# --- live counts -----------------------------------------------------------------------------------------------


def test_live_counts_expected_and_served_per_kind_and_hour(qtbot: QtBot, world: World) -> None:
    page = CountsPage(world.session("sam"))
    qtbot.addWidget(page)
    page.show()  # showing refreshes
    kinds = {k.kind: (k.entrance, k.expected, k.served) for k in page.kind_model.rows}
    assert kinds == {AccreditationKind.MINISTERIAL: ("groups", 2, 1), AccreditationKind.ANNUAL: ("visitors", 1, 0)}
    assert cell(page.kind_model, 0, 4) == "1"  # still to come
    hours = {h.hour: (h.badges["groups"], h.checkins, h.verdicts["REDIRECT"]) for h in page.hour_model.rows}
    assert hours == {9: (1, 1, 0), 10: (0, 2, 1)}
    assert page.hour_model.headerData(1, Qt.Orientation.Horizontal) == "Badges, Groups entrance"


# --- export ----------------------------------------------------------------------------------------------------


def test_export_writes_the_days_csv_and_pdf(qtbot: QtBot, world: World, tmp_path: Path) -> None:
    out = tmp_path / "exports"
    out.mkdir()
    dialog = ExportDialog(world.session("sam"), out)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_day(FIRST_DAY)
    dialog.export_button.click()
    assert dialog.busy
    dialog.reject()  # refused while working
    assert dialog.isVisible() and "still running" in dialog.status_label.text()
    qtbot.waitUntil(lambda: not dialog.busy and len(dialog.written) == 2, timeout=JOB_TIMEOUT_MS)
    csv_path, pdf_path = dialog.written
    assert csv_path == out / "nato-defmin-2024-02-log-2024-02-14.csv" and pdf_path.suffix == ".pdf"
    with csv_path.open(encoding="utf-8-sig", newline="") as stream:
        everything = list(csv.DictReader(stream))
    assert [r["seq"] for r in everything[-2:]] == ["#rehearsal", "#checkpoint"]  # the stamp, after the entries
    rows = everything[:-2]
    assert [(r["desk"], r["action"], r["reference"], r["outcome"]) for r in rows[1:]] == [
        ("G1", "CHECKIN", "DM24-000001", "ISSUE"),
        ("G1", "ISSUE", "DM24-000001", "ISSUE"),
        ("G2", "CHECKIN", "AN24-000003", "REDIRECT"),
        ("G1", "CHECKIN", "DM24-999999", "REFUSE"),
    ]
    pdf = pdfium.PdfDocument(pdf_path)
    text = " ".join(page.get_textpage().get_text_range() for page in pdf)
    pdf.close()
    assert "2024-02-14" in text and "G1" in text and "NOT_FOUND" in text
    assert dialog.progress.value() == dialog.progress.maximum()
    assert "5 entries exported" in dialog.status_label.text() and str(csv_path) in dialog.status_label.text()
    assert dialog.message_box is not None and str(pdf_path) in dialog.message_box.text()
    dialog.message_box.close()


def test_export_to_a_missing_folder_says_so(qtbot: QtBot, world: World, tmp_path: Path) -> None:
    dialog = ExportDialog(world.session("sam"), tmp_path / "nowhere")
    qtbot.addWidget(dialog)
    dialog.export_button.click()
    assert not dialog.busy and "does not exist" in dialog.status_label.text()


# --- import ----------------------------------------------------------------------------------------------------


def run_import(qtbot: QtBot, dialog: ImportDialog, path: Path, photos: Path | None = None) -> None:
    dialog.file_edit.setText(str(path))
    dialog.photos_edit.setText(str(photos) if photos else "")
    dialog.import_button.click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=JOB_TIMEOUT_MS)


def test_import_of_a_bad_list_shows_every_problem_and_imports_nothing(
    qtbot: QtBot, world: World, tmp_path: Path
) -> None:
    rows = generate_rows(4, seed=7)
    rows[1] = {**rows[1], "date_of_birth": "1990-13-45"}
    rows[2] = {**rows[2], "kind": "vip"}
    path = tmp_path / "list.csv"
    write_csv([{**row, "photo": ""} for row in rows], path)
    before = world.store.applications.count()
    dialog = ImportDialog(world.session("sam"), "sam")
    qtbot.addWidget(dialog)
    dialog.show()
    run_import(qtbot, dialog, path)
    assert dialog.table.isVisible()
    problems = [(cell(dialog.model, r, 0), cell(dialog.model, r, 1)) for r in range(dialog.model.rowCount())]
    assert problems == [("3", "date_of_birth"), ("4", "kind")]
    assert cell(dialog.model, 1, 2)  # a reason a person can read
    assert dialog.model.headerData(0, Qt.Orientation.Horizontal) == "Line"
    assert "Nothing was imported. 2 problems in 2 rows" in dialog.status_label.text()
    assert world.store.applications.count() == before


def test_import_of_a_good_list_imports_it(qtbot: QtBot, world: World, tmp_path: Path) -> None:
    rows = generate_rows(6, seed=8)
    path = tmp_path / "list.csv"
    write_csv(rows, path)
    photos = write_photos(rows, tmp_path / "photos", size=(120, 150))
    before = world.store.applications.count()
    dialog = ImportDialog(world.session("sam"), "sam")
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.imported, timeout=JOB_TIMEOUT_MS) as imported:
        dialog.file_edit.setText(str(path))
        dialog.photos_edit.setText(str(tmp_path / "photos"))
        dialog.import_button.click()
    assert imported.args[0].added == 6 and imported.args[0].photos == photos > 0
    qtbot.waitUntil(lambda: not dialog.busy)
    assert world.store.applications.count() == before + 6
    assert not dialog.table.isVisible()
    assert f"6 rows imported: 6 new, 0 updated, {photos} photos." in dialog.status_label.text()
    import_entries = [e for e in world.store.log.for_reference("") if e.record.action is Action.IMPORT]
    assert import_entries and import_entries[-1].record.staff == "sam"
    assert dialog.message_box is not None
    dialog.message_box.close()


# --- staff -----------------------------------------------------------------------------------------------------


def test_staff_list_and_add(qtbot: QtBot, world: World) -> None:
    page = StaffPage(world.session("sam"))
    qtbot.addWidget(page)
    page.show()
    assert [m.login for m in page.model.rows] == ["anna", "paul", "sam"]
    assert cell(page.model, 2, 2) == "Supervisor"
    page.login_edit.setText("lea")
    page.name_edit.setText("Léa Fontaine")
    page.role_combo.setCurrentIndex(page.role_combo.findData(Role.COUNTER.value))
    page.pin_edit.setText("1111")
    page.again_edit.setText("1111")
    page.add_button.click()
    assert "not a repeated pattern" in page.message_label.text()
    page.pin_edit.setText("3141")
    page.again_edit.setText("3142")
    page.add_button.click()
    assert "differ" in page.message_label.text()
    page.again_edit.setText("3141")
    with qtbot.waitSignal(page.added):
        page.add_button.click()
    assert page.message_label.text() == "Added: Léa Fontaine (lea)."
    assert [m.login for m in page.model.rows] == ["anna", "lea", "paul", "sam"]
    assert world.store.staff.check_pin("lea", "3141")
    added = [e for e in world.store.log.for_reference("") if e.record.action is Action.STAFF_ADDED]
    assert {k: v for k, v in added[-1].record.detail.items() if not k.startswith("state:")} == {
        "login": "lea",
        "role": "counter",
    }
    assert "state:staff:lea" in added[-1].record.detail and added[-1].record.staff == "sam"
    page.login_edit.setText("anna")
    page.name_edit.setText("Another Anna")
    page.pin_edit.setText("2580")
    page.again_edit.setText("2580")
    page.add_button.click()
    assert "already a member of staff with the login anna" in page.message_label.text()


def test_a_supervisor_disables_a_login_and_it_can_no_longer_log_in(qtbot: QtBot, world: World) -> None:
    page = StaffPage(world.session("sam"))
    qtbot.addWidget(page)
    page.show()
    page.toggle_button.click()
    assert "Select a member of staff" in page.message_label.text()
    page.table.selectRow(2)  # sam, the supervisor at the desk
    page.toggle_button.click()
    assert "your own login" in page.message_label.text()
    page.table.selectRow(0)
    page.toggle_button.click()
    assert page.message_label.text() == "Anna Counter (anna) can no longer log in."
    assert cell(page.model, 0, 3) == "no (inactive)"
    with pytest.raises(PinRefused):
        world.desk.log_in("groups", "G1", "anna", STAFF_PIN)
    page.table.selectRow(0)
    page.toggle_button.click()
    assert world.desk.log_in("groups", "G1", "anna", STAFF_PIN).login == "anna"
    changes = [e.record for e in world.store.log.for_reference("") if e.record.action.value.startswith("STAFF_")]
    assert [(r.action.value, r.staff, r.desk) for r in changes[-2:]] == [
        ("STAFF_DISABLED", "sam", "G1"),
        ("STAFF_ENABLED", "sam", "G1"),
    ]


# --- reprint and void ------------------------------------------------------------------------------------------


def decide(page: BadgesPage, reason: str, supervisor: str, pin: str) -> None:
    page.reason_edit.setText(reason)
    page.supervisor_edit.setText(supervisor)
    page.pin_edit.setText(pin)


def test_reprint_and_void_need_a_supervisor_pin_and_a_reason(qtbot: QtBot, world: World) -> None:
    page = BadgesPage(world.session("anna"))
    qtbot.addWidget(page)
    page.show()
    page.find_edit.setText("DM24-000001")
    page.find_button.click()
    assert page.badge is not None and page.badge.serial == "M-000001"
    assert "MÜLLER, Jürgen Karl" in page.details_label.text() and "active" in page.details_label.text()
    page.reprint_button.click()
    assert "Give the reason" in page.message_label.text()
    decide(page, "badge lost", "anna", STAFF_PIN)
    page.reprint_button.click()
    qtbot.waitUntil(lambda: not page.busy, timeout=JOB_TIMEOUT_MS)
    assert "Not accepted" in page.message_label.text()
    decide(page, "badge lost", "sam", SUPERVISOR_PIN)
    with qtbot.waitSignal(page.changed, timeout=JOB_TIMEOUT_MS):
        page.reprint_button.click()
    assert page.result is not None and page.result.handed_over
    assert page.message_label.text() == "New badge M-000002 printed; badge M-000001 is void."
    assert sorted(p.name for p in world.badges_dir.iterdir()) == ["M-000002-1.pdf"]
    old = world.store.badges.get("M-000001")
    assert old is not None and not old.active
    page.find_edit.setText("M-000002")
    page.find_button.click()
    decide(page, "handed to the wrong person", "sam", SUPERVISOR_PIN)
    with qtbot.waitSignal(page.changed):
        page.void_button.click()
    new = world.store.badges.get("M-000002")
    assert new is not None and not new.active
    assert world.store.badges.active_for("DM24-000001") is None
    voids = [e for e in world.store.log.for_reference("DM24-000001") if e.record.action is Action.VOID]
    assert voids[-1].record.detail["reason"] == "handed to the wrong person"
    assert voids[-1].record.detail["supervisor"] == "sam" and voids[-1].record.staff == "anna"
    log = LogView(world.session("sam"))  # the log names both: the clerk at the desk and the supervisor
    qtbot.addWidget(log)
    log.set_day(FIRST_DAY)
    log.reload()
    staff_and_supervisor = {
        (cell(log.model, row, 4), cell(log.model, row, 5), cell(log.model, row, 6))
        for row, entry in enumerate(log.model.rows)
        if entry.record.action in (Action.REPRINT, Action.VOID)
    }
    assert staff_and_supervisor == {("anna", "sam", "Reprint"), ("anna", "sam", "Badge voided")}
    with_reprint = world.desk.find_badge("M-000002")
    assert with_reprint is not None and world.desk.badge_supervisor(with_reprint) == "sam"


# --- from the main window --------------------------------------------------------------------------------------


def test_every_supervisor_action_opens_from_its_shortcut(
    qtbot: QtBot, world: World, translations: Translations
) -> None:
    window = MainWindow(world.session("sam"), translations, checkin_view=FakeCheckinView)
    qtbot.addWidget(window)
    window.show()
    shortcuts = {a.shortcut().toString(): a for a in window.actions()}
    shortcuts["Ctrl+E"].trigger()
    assert isinstance(window.dialog, ExportDialog) and window.dialog.isVisible()
    window.dialog.reject()
    shortcuts["Ctrl+I"].trigger()
    assert isinstance(window.dialog, ImportDialog)
    window.dialog.reject()
    for key, page in (("F5", window.counts), ("F6", window.log_view), ("F7", window.staff_page), ("F8", window.badges)):
        shortcuts[key].trigger()
        assert window.tabs.currentWidget() is page, key
    assert window.log_view.model.rowCount() == 0 or window.log_view.day == FIRST_DAY
    shortcuts["F2"].trigger()
    assert window.tabs.currentWidget() is window.checkin and window.checkin.searched == 1
    shortcuts["F1"].trigger()
    help_rows = window.dialog.table.rowCount()  # type: ignore[union-attr]
    assert help_rows == len([a for a in window.actions() if not a.shortcut().isEmpty()])
