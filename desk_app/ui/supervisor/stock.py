"""The stock of cards printed in advance, for supervisors: per kind and box what was reserved, printed, handed over,
voided (and why) and what is still in the box; whether every box balances; the cards that must not be handed over.

From here a supervisor pre-prints (``preprint.PreprintDialog``), exports the stock as CSV and PDF (in a worker
thread), voids a card and closes the stock (``card_dialogs``). The page reads the stock when shown and after each
of those; the service counts, the page only shows.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.event import EventConfig
from desk_app.core.rules import Withheld
from desk_app.core.text import printable
from desk_app.errors import DeskError
from desk_app.messages import QT_TRANSLATE_NOOP
from desk_app.service import BoxCount, DeskService, Flagged, Progress, StockReport
from desk_app.ui.checkin.texts import fill, format_moment, status_text, translate
from desk_app.ui.i18n import Retranslates
from desk_app.ui.notify import tell
from desk_app.ui.session import DeskSession
from desk_app.ui.supervisor.card_dialogs import CloseStockDialog, VoidCardDialog
from desk_app.ui.supervisor.days import today
from desk_app.ui.supervisor.preprint import PreprintDialog
from desk_app.ui.table_model import Column, ListTableModel
from desk_app.ui.words import kind_label
from desk_app.ui.worker import DeskJob

CONTEXT = "StockPage"
# The reasons the desk itself gives when it voids a card (``service.stock``); a supervisor's own reason shows as typed.
VOID_REASON = {
    "destroyed unclaimed": QT_TRANSLATE_NOOP("StockPage", "destroyed unclaimed"),
    "never printed": QT_TRANSLATE_NOOP("StockPage", "never printed"),
    "not printed: served at the desk": QT_TRANSLATE_NOOP("StockPage", "not printed: served at the desk"),
}


def stock_paths(folder: Path, event_id: str, day: str) -> tuple[Path, Path]:
    return folder / f"{event_id}-stock-{day}.csv", folder / f"{event_id}-stock-{day}.pdf"


class StockPage(Retranslates, QWidget):
    """Boxes, flagged cards and the balance; pre-print, export, void a card, close the stock.

    Args:
        session: the desk.
        folder: where exports and the pre-print PDF are proposed.

    Signals:
        changed(): cards were printed, voided or the stock closed.
    """

    changed = Signal()

    def __init__(self, session: DeskSession, folder: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.report: StockReport | None = None
        self.dialog: QDialog | None = None  # the last dialog opened here (tests look at it)
        self.written: list[Path] = []
        self._job: DeskJob | None = None
        event = session.desk.event
        self.box_model: ListTableModel[BoxCount] = ListTableModel(
            CONTEXT,
            [
                Column(QT_TRANSLATE_NOOP("StockPage", "Badge"), lambda r: kind_label(event, r.kind)),
                Column(QT_TRANSLATE_NOOP("StockPage", "Box"), lambda r: str(r.box), align_right=True),
                Column(QT_TRANSLATE_NOOP("StockPage", "Reserved"), lambda r: str(r.reserved), align_right=True),
                Column(QT_TRANSLATE_NOOP("StockPage", "Printed"), lambda r: str(r.printed), align_right=True),
                Column(QT_TRANSLATE_NOOP("StockPage", "Handed over"), lambda r: str(r.handed_over), align_right=True),
                Column(QT_TRANSLATE_NOOP("StockPage", "Voided"), lambda r: str(r.voided), align_right=True),
                Column(QT_TRANSLATE_NOOP("StockPage", "In the box"), lambda r: str(r.in_box), align_right=True),
                Column(QT_TRANSLATE_NOOP("StockPage", "Not printed"), lambda r: str(r.not_printed), align_right=True),
                Column(QT_TRANSLATE_NOOP("StockPage", "Balances"), _balance_text),
                Column(QT_TRANSLATE_NOOP("StockPage", "Voided because"), lambda r: _reasons_text(r.void_reasons)),
            ],
            self,
        )
        self.flag_model: ListTableModel[Flagged] = ListTableModel(
            CONTEXT,
            [
                Column(QT_TRANSLATE_NOOP("StockPage", "Card"), lambda f: f.card.serial),
                Column(QT_TRANSLATE_NOOP("StockPage", "Box"), lambda f: str(f.card.box), align_right=True),
                Column(QT_TRANSLATE_NOOP("StockPage", "Slot"), lambda f: str(f.card.slot), align_right=True),
                Column(QT_TRANSLATE_NOOP("StockPage", "Name"), lambda f: printable(f.name)),
                Column(QT_TRANSLATE_NOOP("StockPage", "Why"), lambda f: _flag_text(f, event)),
            ],
            self,
        )
        self.boxes_heading, self.flagged_heading = QLabel(), QLabel()
        self.as_at_label, self.total_label, self.closed_label = QLabel(), QLabel(), QLabel()
        for label in (self.total_label, self.closed_label):
            label.setWordWrap(True)
        self.boxes_table, self.flagged_table = _table(self.box_model), _table(self.flag_model)
        self.boxes_heading.setBuddy(self.boxes_table)
        self.flagged_heading.setBuddy(self.flagged_table)
        self.preprint_button, self.void_button, self.close_button = QPushButton(), QPushButton(), QPushButton()
        self.refresh_button, self.export_button, self.browse_button = QPushButton(), QPushButton(), QPushButton()
        self.folder_label = QLabel()
        # The default folder is a placeholder, not text: nothing typed sits in a field of the window (a scan that
        # landed in one would be indistinguishable from it).
        self.folder_edit = QLineEdit()
        self.folder_edit.setPlaceholderText(str(folder or Path.home()))
        self.folder_label.setBuddy(self.folder_edit)
        self.message_label = QLabel()
        self.message_label.setProperty("role", "message")
        self.message_label.setWordWrap(True)
        actions = QHBoxLayout()
        for button in (self.preprint_button, self.void_button, self.close_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.refresh_button)
        export = QHBoxLayout()
        export.addWidget(self.folder_label)
        export.addWidget(self.folder_edit, 1)
        export.addWidget(self.browse_button)
        export.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(actions)
        layout.addWidget(self.boxes_heading)
        layout.addWidget(self.boxes_table, 3)
        layout.addWidget(self.total_label)
        layout.addWidget(self.flagged_heading)
        layout.addWidget(self.flagged_table, 1)
        layout.addWidget(self.closed_label)
        layout.addWidget(self.as_at_label)
        layout.addLayout(export)
        layout.addWidget(self.message_label)
        self.preprint_button.clicked.connect(self.on_preprint)
        self.void_button.clicked.connect(self.on_void_card)
        self.close_button.clicked.connect(self.on_close_stock)
        self.refresh_button.clicked.connect(self.refresh)
        self.browse_button.clicked.connect(self.on_browse_clicked)
        self.export_button.clicked.connect(self.on_export)
        self.retranslate()

    @property
    def busy(self) -> bool:
        return self._job is not None

    def set_session(self, session: DeskSession) -> None:
        self.session = session

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()
        super().showEvent(event)

    def folder(self) -> Path:
        """The folder exports and pre-print PDFs go to: the one typed or chosen, else the default shown."""
        return Path(self.folder_edit.text().strip() or self.folder_edit.placeholderText()).expanduser()

    def refresh(self) -> None:
        """Read the stock again (a quick query: a row per box)."""
        self.report = self.session.desk.stock()
        self.box_model.set_rows(self.report.boxes)
        self.flag_model.set_rows(self.report.flagged)
        closed = self.report.closed is not None
        for button in (self.preprint_button, self.void_button, self.close_button):
            button.setEnabled(not closed)
        self._show_report()

    # --- actions ----------------------------------------------------------------------------------------------

    def on_preprint(self) -> None:
        dialog = PreprintDialog(self.session, self.folder(), self)
        dialog.preprinted.connect(self.on_stock_changed)
        self._open(dialog)

    def on_void_card(self) -> None:
        rows = self.flagged_table.selectionModel().selectedRows()
        serial = self.flag_model.row_at(rows[0].row()).card.serial if rows else ""
        dialog = VoidCardDialog(self.session, serial, self)
        dialog.voided.connect(self.on_stock_changed)
        self._open(dialog)

    def on_close_stock(self) -> None:
        if self.report is None:
            self.refresh()
        assert self.report is not None
        dialog = CloseStockDialog(self.session, self.report, self)
        dialog.closed.connect(self.on_stock_changed)
        self._open(dialog)

    def on_stock_changed(self) -> None:
        self.refresh()
        self.changed.emit()

    def on_browse_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export to folder"), str(self.folder()))
        if folder:
            self.folder_edit.setText(folder)

    def on_export(self) -> None:
        """The stock now as CSV and PDF, in a worker thread; the files appear only when complete."""
        if self.busy:
            return
        folder = self.folder()
        if not folder.is_dir():
            self.message_label.setText(fill(self.tr("The folder %1 does not exist."), str(folder)))
            return
        paths = stock_paths(folder, self.session.desk.event.id, today(self.session).isoformat())

        def work(desk: DeskService, _progress: Progress) -> list[Path]:
            report = desk.stock()
            for path in paths:
                desk.export_stock(report, path.suffix[1:], path)
            return list(paths)

        self.export_button.setEnabled(False)
        self.message_label.setText(self.tr("Writing the stock as CSV and PDF…"))
        job = DeskJob(self.session.desk, work, self)
        job.succeeded.connect(self.on_export_succeeded)
        job.failed.connect(self.on_export_failed)
        self._job = job
        job.start()

    def on_export_succeeded(self, paths: list[Path]) -> None:
        self._end_job()
        self.written = paths
        message = self.tr("The stock is saved as:") + "\n" + "\n".join(str(p) for p in paths)
        self.message_label.setText(message)
        self.dialog = tell(self, self.tr("Cards printed in advance"), message)

    def on_export_failed(self, error: DeskError) -> None:
        self._end_job()
        self.message_label.setText(fill(self.tr("The export failed: %1"), str(error)))

    # --- words --------------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.boxes_heading.setText(self.tr("Cards printed in advance, per kind and &box"))
        self.flagged_heading.setText(self.tr("Cards in a box that must &NOT be handed over"))
        self.boxes_table.setAccessibleName(self.tr("Cards per kind and box"))
        self.flagged_table.setAccessibleName(self.tr("Cards that must not be handed over"))
        self.preprint_button.setText(self.tr("&Pre-print cards…"))
        self.void_button.setText(self.tr("&Void a card…"))
        self.close_button.setText(self.tr("&Close the stock…"))
        self.refresh_button.setText(self.tr("&Refresh"))
        self.folder_label.setText(self.tr("F&older:"))
        self.browse_button.setText(self.tr("Bro&wse…"))
        self.export_button.setText(self.tr("E&xport CSV and PDF"))
        self.box_model.retranslate()
        self.flag_model.retranslate()
        self._show_report()

    def _show_report(self) -> None:
        report = self.report
        if report is None:
            for label in (self.total_label, self.closed_label, self.as_at_label):
                label.setText("")
            return
        total = report.total()
        balance = (
            self.tr("Every box balances: reserved = handed over + voided + in the box + not printed.")
            if report.balances
            else self.tr("A BOX DOES NOT BALANCE: reserved ≠ handed over + voided + in the box + not printed.")
        )
        self.total_label.setText(
            fill(
                self.tr("In all: %1 reserved, %2 handed over, %3 voided, %4 in the boxes, %5 not printed. %6"),
                str(total.reserved),
                str(total.handed_over),
                str(total.voided),
                str(total.in_box),
                str(total.not_printed),
                balance,
            )
            if report.boxes
            else self.tr("No card has been printed in advance.")
        )
        self.total_label.setStyleSheet("" if report.balances else "color: #b3121f; font-weight: bold;")
        event = self.session.desk.event
        closed = report.closed
        self.closed_label.setVisible(closed is not None)
        if closed is not None:
            self.closed_label.setText(
                fill(
                    self.tr("Closed by %1 (%2) on %3: every unclaimed card destroyed."),
                    printable(closed.name),
                    closed.by,
                    format_moment(closed.at, event),
                )
            )
        self.flagged_table.setVisible(bool(report.flagged))
        self.flagged_heading.setVisible(bool(report.flagged))
        self.as_at_label.setText(fill(self.tr("As at %1."), format_moment(report.as_at, event)))

    def _open(self, dialog: QDialog) -> None:
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def _end_job(self) -> None:
        if self._job is not None:
            self._job.wait()
            self._job.deleteLater()
            self._job = None
        self.export_button.setEnabled(True)


def _balance_text(row: object) -> str:
    return translate("StockPage", "yes") if row.balances else translate("StockPage", "NO")  # type: ignore[attr-defined]


def _reasons_text(reasons: Counter[str]) -> str:
    return "; ".join(
        f"{translate(CONTEXT, VOID_REASON[r]) if r in VOID_REASON else printable(r)}: {n}"
        for r, n in sorted(reasons.items())
    )


def _flag_text(flag: Flagged, event: EventConfig) -> str:
    """Why a card is flagged: its holder's application is no longer approved (its status, in words), or is of
    another kind than the card now."""
    application = flag.application
    if flag.because is Withheld.CHANGED:
        return translate("StockPage", "the application changed since the card was printed: a supervisor voids it")
    if flag.because is Withheld.OTHER_KIND and application is not None:
        return fill(
            translate("StockPage", "the accreditation is %1 now: do not hand over; a supervisor voids it"),
            kind_label(event, application.kind),
        )
    shown = status_text(application.status) if application else translate("StockPage", "not in the list")
    return fill(translate("StockPage", "application %1: do not hand over; a supervisor voids it"), shown)


def _table(model: QAbstractTableModel) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    table.setAlternatingRowColors(True)
    return table
