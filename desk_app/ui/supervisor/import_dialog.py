"""Import the accreditation list with a progress bar; a rejected file shows every problem (line, column, reason).

The importer validates the whole file before writing anything, then writes it in one transaction: a file with
one bad row imports nothing, and the table says what to fix.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk_app.errors import DeskError, ImportRejected, RowProblem
from desk_app.messages import QT_TRANSLATE_NOOP
from desk_app.service import DeskService, ImportSummary, Progress
from desk_app.ui.checkin.texts import fill
from desk_app.ui.focus import tab_chain
from desk_app.ui.i18n import Retranslates
from desk_app.ui.notify import tell
from desk_app.ui.session import DeskSession
from desk_app.ui.table_model import Column, ListTableModel
from desk_app.ui.worker import DeskJob

CONTEXT = "ImportDialog"
PHOTOS_FOLDER = "photos"


def problems_model(parent: QWidget) -> ListTableModel[RowProblem]:
    return ListTableModel(
        CONTEXT,
        [
            Column(
                QT_TRANSLATE_NOOP("ImportDialog", "Line"),
                lambda p: str(p.line) if p.line else "—",
                align_right=True,
            ),
            Column(QT_TRANSLATE_NOOP("ImportDialog", "Column"), lambda p: p.column),
            Column(QT_TRANSLATE_NOOP("ImportDialog", "Reason"), lambda p: p.reason),
        ],
        parent,
    )


class ImportDialog(Retranslates, QDialog):
    """Choose the list (CSV or JSON) and its photos folder; import all of it or nothing.

    Signals:
        imported(object): the ``ImportSummary`` of a list that went in.
    """

    imported = Signal(object)

    def __init__(self, session: DeskSession, supervisor: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.supervisor = supervisor
        self.summary: ImportSummary | None = None
        self.problems: list[RowProblem] = []
        self.rejection = ImportRejected([])
        self.message_box: QMessageBox | None = None
        self._job: DeskJob | None = None
        self._outcome = ""
        self.file_label, self.photos_label = QLabel(), QLabel()
        self.file_edit, self.photos_edit = QLineEdit(), QLineEdit()
        self.file_button, self.photos_button = QPushButton(), QPushButton()
        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status_label = QLabel()
        self.status_label.setProperty("role", "message")
        self.status_label.setWordWrap(True)
        self.model = problems_model(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setVisible(False)
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.import_button.setDefault(True)
        self.file_label.setBuddy(self.file_edit)
        self.photos_label.setBuddy(self.photos_edit)
        form = QFormLayout()
        for label, edit, button in (
            (self.file_label, self.file_edit, self.file_button),
            (self.photos_label, self.photos_edit, self.photos_button),
        ):
            row = QHBoxLayout()
            row.addWidget(edit, 1)
            row.addWidget(button)
            form.addRow(label, row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        tab_chain(self.file_edit, self.file_button, self.photos_edit, self.photos_button, self.table)
        self.file_button.clicked.connect(self.on_file_button_clicked)
        self.photos_button.clicked.connect(self.on_photos_button_clicked)
        self.buttons.accepted.connect(self.on_import)
        self.buttons.rejected.connect(self.reject)
        self.resize(900, 480)
        self.retranslate()

    @property
    def busy(self) -> bool:
        return self._job is not None

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import the accreditation list"))
        self.file_label.setText(self.tr("&List (CSV or JSON):"))
        self.photos_label.setText(self.tr("P&hotos folder:"))
        self.photos_edit.setPlaceholderText(self.tr("optional: the folder of the photos"))
        self.file_button.setText(self.tr("&Browse…"))
        self.photos_button.setText(self.tr("Bro&wse…"))
        self.file_button.setAccessibleName(self.tr("Choose the list file"))
        self.photos_button.setAccessibleName(self.tr("Choose the photos folder"))
        self.import_button.setText(self.tr("&Import"))
        self.close_button.setText(self.tr("Close"))
        self.progress.setAccessibleName(self.tr("Import progress"))
        self.table.setAccessibleName(self.tr("Problems found in the file"))
        self.model.retranslate()
        self._say_outcome()

    def reject(self) -> None:
        if self.busy:
            self.status_label.setText(self.tr("The import is still running; close this window when it is done."))
            return
        super().reject()

    def on_file_button_clicked(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Accreditation list"), self.file_edit.text(), self.tr("Lists (*.csv *.json);;All files (*)")
        )
        if chosen:
            self.file_edit.setText(chosen)
            photos = Path(chosen).parent / PHOTOS_FOLDER
            if not self.photos_edit.text() and photos.is_dir():
                self.photos_edit.setText(str(photos))

    def on_photos_button_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Photos folder"), self.photos_edit.text())
        if folder:
            self.photos_edit.setText(folder)

    def on_import(self) -> None:
        if self.busy:
            return
        path = Path(self.file_edit.text().strip()).expanduser()
        photos_text = self.photos_edit.text().strip()
        photos = Path(photos_text).expanduser() if photos_text else None
        if not path.is_file():
            self._outcome = "no-file"
            self._say_outcome()
            return
        if photos is not None and not photos.is_dir():
            self._outcome = "no-photos"
            self._say_outcome()
            return
        self.problems = []
        self.model.set_rows([])
        self.table.setVisible(False)
        self.summary = None
        supervisor = self.supervisor

        def work(desk: DeskService, progress: Progress) -> ImportSummary:
            return desk.import_list(path, photos, supervisor, progress)

        self._outcome = "running"
        self._say_outcome()
        self.import_button.setEnabled(False)
        self.progress.setRange(0, 0)
        job = DeskJob(self.session.desk, work, self)
        job.progressed.connect(self.on_job_progressed)
        job.succeeded.connect(self.on_job_succeeded)
        job.failed.connect(self.on_job_failed)
        self._job = job
        job.start()

    def on_job_progressed(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))

    def on_job_succeeded(self, summary: ImportSummary) -> None:
        self._end_job()
        self.summary = summary
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self._outcome = "imported"
        self._say_outcome()
        self.message_box = tell(self, self.windowTitle(), self.status_label.text())
        self.imported.emit(summary)

    def on_job_failed(self, error: DeskError) -> None:
        self._end_job()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        if isinstance(error, ImportRejected):
            self.show_rejection(error)
            return
        self._outcome = "failed:" + str(error)
        self._say_outcome()

    def show_rejection(self, rejected: ImportRejected) -> None:
        """Nothing was imported: list every problem (the first thousand of a file wrong throughout), and say so."""
        self.rejection = rejected
        self.problems = list(rejected.problems)
        self.model.set_rows(self.problems)
        self.table.setVisible(True)
        self.table.setFocus()
        self._outcome = "rejected"
        self._say_outcome()

    def _say_outcome(self) -> None:
        outcome = self._outcome
        if outcome == "no-file":
            text = self.tr("Choose the list file first: there is no file at that path.")
        elif outcome == "no-photos":
            text = self.tr("The photos folder does not exist.")
        elif outcome == "running":
            text = self.tr("Checking every row, then importing…")
        elif outcome == "imported" and self.summary is not None:
            summary = self.summary
            text = (
                self.tr("%n row(s) imported", "", summary.rows)
                + ": "
                + self.tr("%n new", "", summary.added)
                + ", "
                + self.tr("%n updated", "", summary.updated)
                + ", "
                + self.tr("%n photo(s)", "", summary.photos)
                + "."
            )
            for font, rows in summary.fallback_fonts:
                sentence = self.tr("%1 prints the names of %n row(s) (a system font, not DejaVu).", "", rows)
                text += " " + fill(sentence, font.removeprefix("Fallback-"))
        elif outcome == "rejected":
            total, rows = self.rejection.total, self.rejection.rows
            text = (
                self.tr("Nothing was imported.")
                + " "
                + self.tr("%n problem(s)", "", total)
                + " "
                + self.tr("in %n row(s); fix the file and import it again.", "", rows)
            )
            if total > len(self.problems):
                text += " " + self.tr("The first %n are listed.", "", len(self.problems))
        elif outcome.startswith("failed:"):
            text = fill(self.tr("Nothing was imported: %1"), outcome.removeprefix("failed:"))
        else:
            text = ""
        self.status_label.setText(text)

    def _end_job(self) -> None:
        if self._job is not None:
            self._job.wait()
            self._job.deleteLater()
            self._job = None
        self.import_button.setEnabled(True)
