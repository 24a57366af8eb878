"""Pre-print the cards the night before: choose the kind, a PDF file or this desk's printer, and the box size; a
supervisor's PIN; then a worker thread reserves, renders and prints box after box while a progress bar moves.

Printing a few hundred cards takes minutes, so it runs on a connection of its own (``DeskJob``) and the dialog
cannot be closed meanwhile. The summary says what was reserved, which boxes were printed, and which were NOT (with
their serials: they stay reserved, and the next pre-print prints them again).
"""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.model import AccreditationKind
from desk_app.errors import DeskError, StaffError
from desk_app.service import BOX_SIZE, DeskService, PinRefused, PreprintReport, Printer, Progress
from desk_app.ui.checkin.texts import fill
from desk_app.ui.i18n import Retranslates
from desk_app.ui.notify import tell
from desk_app.ui.session import DeskSession
from desk_app.ui.words import kind_label
from desk_app.ui.worker import DeskJob

MAX_BOX_SIZE = 500  # the service's bound: one box, one print job


def cards_pdf_path(folder: Path, event_id: str, kind: AccreditationKind) -> Path:
    return folder / f"{event_id}-cards-{kind.value}.pdf"


class PreprintDialog(Retranslates, QDialog):
    """Pre-print one kind of card, with progress and a summary.

    Args:
        session: the desk; its printer is "this desk's printer".
        folder: where the PDF file is proposed.

    Signals:
        preprinted(object): the ``PreprintReport`` of a run that ended (the stock changed).
    """

    preprinted = Signal(object)

    def __init__(self, session: DeskSession, folder: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.report: PreprintReport | None = None
        self._folder = folder or Path.home()
        self._job: DeskJob | None = None
        self.message_box: QDialog | None = None
        event = session.desk.event
        self.kind_label, self.box_label = QLabel(), QLabel()
        self.login_label, self.pin_label = QLabel(), QLabel()
        self.kind_combo = QComboBox()
        for kind in AccreditationKind:
            if kind in event.badge_kinds:
                self.kind_combo.addItem("", kind.value)  # Qt would keep a StrEnum as a plain str
        self.pdf_radio, self.printer_radio = QRadioButton(), QRadioButton()
        self.pdf_radio.setChecked(True)
        self.output_group = QButtonGroup(self)
        self.output_group.addButton(self.pdf_radio)
        self.output_group.addButton(self.printer_radio)
        self.file_edit = QLineEdit()
        self.browse_button = QPushButton()
        self.box_spin = QSpinBox()
        self.box_spin.setRange(1, MAX_BOX_SIZE)
        self.box_spin.setValue(BOX_SIZE)
        self.login_edit = QLineEdit(session.staff.login if session.is_supervisor else "")
        self.pin_edit = QLineEdit()
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        for label, edit in (
            (self.kind_label, self.kind_combo),
            (self.box_label, self.box_spin),
            (self.login_label, self.login_edit),
            (self.pin_label, self.pin_edit),
        ):
            label.setBuddy(edit)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status_label = QLabel()
        self.status_label.setProperty("role", "message")
        self.status_label.setWordWrap(True)
        self.summary = QPlainTextEdit()
        self.summary.setReadOnly(True)
        self.summary.setVisible(False)
        self.buttons = QDialogButtonBox()
        self.start_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.start_button.setDefault(True)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.browse_button)
        form = QFormLayout()
        form.addRow(self.kind_label, self.kind_combo)
        form.addRow(self.pdf_radio, file_row)
        form.addRow(self.printer_radio)
        form.addRow(self.box_label, self.box_spin)
        form.addRow(self.login_label, self.login_edit)
        form.addRow(self.pin_label, self.pin_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status_label)
        layout.addWidget(self.summary, 1)
        layout.addWidget(self.buttons)
        self.kind_combo.currentIndexChanged.connect(self.on_kind_changed)
        self.browse_button.clicked.connect(self.on_browse_clicked)
        self.file_edit.textEdited.connect(lambda _text: self.pdf_radio.setChecked(True))
        self.buttons.accepted.connect(self.on_start)
        self.buttons.rejected.connect(self.reject)
        self.setMinimumWidth(820)
        self.on_kind_changed()
        self.retranslate()
        (self.pin_edit if self.login_edit.text() else self.login_edit).setFocus()

    @property
    def busy(self) -> bool:
        return self._job is not None

    @property
    def kind(self) -> AccreditationKind:
        return AccreditationKind(self.kind_combo.currentData())

    def retranslate(self) -> None:
        event = self.session.desk.event
        self.setWindowTitle(self.tr("Pre-print cards"))
        self.kind_label.setText(self.tr("&Kind:"))
        for index in range(self.kind_combo.count()):
            self.kind_combo.setItemText(index, kind_label(event, AccreditationKind(self.kind_combo.itemData(index))))
        self.pdf_radio.setText(self.tr("PDF &file:"))
        self.browse_button.setText(self.tr("&Browse…"))
        self.printer_radio.setText(
            fill(self.tr("This desk's p&rinter (%1), one job per box"), self.session.issuer.printer.describe())
        )
        self.box_label.setText(self.tr("Cards per bo&x:"))
        self.login_label.setText(self.tr("Supervisor lo&gin:"))
        self.pin_label.setText(self.tr("P&IN:"))
        self.start_button.setText(self.tr("Pre-&print"))
        self.close_button.setText(self.tr("Close"))
        self.progress.setAccessibleName(self.tr("Pre-print progress"))
        self.summary.setAccessibleName(self.tr("What the pre-print did"))
        if self.report is not None:
            self.summary.setPlainText(self._summary(self.report))

    def reject(self) -> None:
        if self.busy:
            self.status_label.setText(self.tr("The cards are being printed; close this window when it is done."))
            return
        super().reject()

    def on_kind_changed(self) -> None:
        """Propose a file named for the kind (unless one was typed or chosen)."""
        proposed = {str(cards_pdf_path(self._folder, self.session.desk.event.id, k)) for k in AccreditationKind}
        if not self.file_edit.text() or self.file_edit.text() in proposed:
            self.file_edit.setText(str(cards_pdf_path(self._folder, self.session.desk.event.id, self.kind)))

    def on_browse_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Pre-print into the PDF file"), self.file_edit.text(), self.tr("PDF (*.pdf)")
        )
        if path:
            self.file_edit.setText(path)
            self.pdf_radio.setChecked(True)

    def on_start(self) -> None:
        if self.busy:
            return
        login, pin = self.login_edit.text().strip(), self.pin_edit.text()
        self.pin_edit.clear()
        if not login or not pin:
            self.status_label.setText(self.tr("A supervisor's login and PIN are needed."))
            (self.login_edit if not login else self.pin_edit).setFocus()
            return
        output = self._output()
        if output is None:
            return
        kind, box_size, size = self.kind, self.box_spin.value(), self.session.issuer.size

        def work(desk: DeskService, progress: Progress) -> PreprintReport:
            return desk.preprint(kind, login, pin, output, size, None, box_size, progress)

        self.report = None
        self.summary.setVisible(False)
        self.status_label.setText(self.tr("Reserving the cards and printing them, box after box…"))
        self.progress.setRange(0, 0)
        self._set_busy(True)
        job = DeskJob(self.session.desk, work, self)
        job.progressed.connect(self.on_job_progressed)
        job.succeeded.connect(self.on_job_succeeded)
        job.failed.connect(self.on_job_failed)
        self._job = job
        job.start()

    def _output(self) -> Printer | Path | None:
        if self.printer_radio.isChecked():
            return self.session.issuer.printer
        text = self.file_edit.text().strip()
        path = Path(text).expanduser() if text else None
        if path is None or not path.parent.is_dir():
            self.status_label.setText(fill(self.tr("The folder of %1 does not exist."), text))
            self.file_edit.setFocus()
            return None
        return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")

    def on_job_progressed(self, done: int, total: int) -> None:
        if total <= 0:
            self.progress.setRange(0, 0)
            return
        self.progress.setRange(0, total)
        self.progress.setValue(min(done, total))

    def on_job_succeeded(self, report: PreprintReport) -> None:
        self._end_job()
        self.report = report
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.summary.setPlainText(self._summary(report))
        self.summary.setVisible(True)
        unprinted = len(report.unprinted)
        if unprinted:
            headline = self.tr("%n card(s) were NOT printed: see below, then pre-print again.", "", unprinted)
        else:
            headline = self.tr("%n card(s) printed and boxed.", "", len(report.printed))
        self.status_label.setText(headline)
        self.message_box = tell(self, self.windowTitle(), headline, warning=bool(unprinted))
        self.preprinted.emit(report)

    def on_job_failed(self, error: DeskError) -> None:
        self._end_job()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        if isinstance(error, PinRefused) and error.lock.wait_s > 0:
            wait = math.ceil(error.lock.wait_s)
            message = self.tr("Too many wrong PINs. Wait %n second(s), then try again.", "", wait)
        elif isinstance(error, PinRefused):
            message = self.tr("Not accepted: this is not a supervisor's login and PIN.")
        elif isinstance(error, StaffError):
            message = fill(self.tr("Not done: %1"), str(error))
        else:
            message = fill(self.tr("The pre-print stopped: %1"), str(error))
        self.status_label.setText(message)
        self.pin_edit.setFocus()

    def _summary(self, report: PreprintReport) -> str:
        """Every box in words: what was reserved, printed, and what was not (with its serials)."""
        lines = [self.tr("%n card(s) reserved by this run.", "", len(report.reserved))]
        printed = [box for box in report.boxes if box.printed]
        failed = [box for box in report.boxes if not box.printed]
        if not report.boxes:
            lines.append(self.tr("Nothing to print: everyone of this kind has a card or a badge already."))
        for box in printed:
            lines.append(
                fill(
                    self.tr("Box %1 printed: %2 cards, %3 to %4."),
                    str(box.box),
                    str(len(box.serials)),
                    box.serials[0],
                    box.serials[-1],
                )
            )
        for box in printed:
            for serial in box.destroy:
                lines.append(
                    fill(
                        self.tr("Box %1: DESTROY card %2, its holder was served at a desk meanwhile."),
                        str(box.box),
                        serial,
                    )
                )
        for box in failed:
            lines.append(
                fill(
                    self.tr("Box %1 NOT printed (%2): %3 cards stay reserved: %4."),
                    str(box.box),
                    box.message,
                    str(len(box.serials)),
                    ", ".join(box.serials),
                )
            )
        if report.skipped:
            lines.append(self.tr("%n reference(s) skipped.", "", len(report.skipped)))
        if report.voided:
            lines.append(
                self.tr(
                    "%n unprinted card(s) voided: their holders are served or no longer approved.",
                    "",
                    len(report.voided),
                )
            )
        return "\n".join(lines)

    def _set_busy(self, busy: bool) -> None:
        widgets: tuple[QWidget, ...] = (
            self.start_button,
            self.close_button,
            self.kind_combo,
            self.box_spin,
            self.file_edit,
            self.browse_button,
            self.pdf_radio,
            self.printer_radio,
            self.login_edit,
            self.pin_edit,
        )
        for widget in widgets:
            widget.setEnabled(not busy)

    def _end_job(self) -> None:
        if self._job is not None:
            self._job.wait()
            self._job.deleteLater()
            self._job = None
        self._set_busy(False)
