"""Export one day's log as CSV and as the PDF report, in a worker thread, with a progress bar.

The day is read twice at most (the CSV, then the PDF's totals), each time on the worker's own connection, so the
desk keeps checking people in while a supervisor exports. Files appear only when complete
(``desk_app.reports.daily`` writes beside the target and renames).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.errors import DeskError
from desk_app.service import DeskService, Progress
from desk_app.ui.checkin.texts import fill
from desk_app.ui.i18n import Retranslates
from desk_app.ui.notify import tell
from desk_app.ui.session import DeskSession
from desk_app.ui.supervisor.days import day_edit, qdate, today
from desk_app.ui.worker import DeskJob


def export_path(folder: Path, event_id: str, day: date, fmt: str) -> Path:
    return folder / f"{event_id}-log-{day.isoformat()}.{fmt}"


class ExportDialog(Retranslates, QDialog):
    """Choose the day, the folder and the formats; export with progress; say where the files are.

    Signals: none of its own; ``accepted``/``rejected`` as any dialog (closing is refused while it works).
    """

    def __init__(self, session: DeskSession, folder: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.written: list[Path] = []
        self._queue: list[str] = []
        self._folder = Path()  # where the running export writes
        self._job: DeskJob | None = None
        self._day_entries = 0
        self.message_box: QMessageBox | None = None
        self.day_label, self.folder_label = QLabel(), QLabel()
        self.day_edit = day_edit(today(session))
        self.folder_edit = QLineEdit(str(folder or Path.home()))
        self.browse_button = QPushButton()
        self.csv_check = QCheckBox()
        self.csv_check.setChecked(True)
        self.pdf_check = QCheckBox()
        self.pdf_check.setChecked(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status_label = QLabel()
        self.status_label.setProperty("role", "message")
        self.status_label.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.export_button.setDefault(True)
        self.day_label.setBuddy(self.day_edit)
        self.folder_label.setBuddy(self.folder_edit)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.browse_button)
        formats = QVBoxLayout()
        formats.addWidget(self.csv_check)
        formats.addWidget(self.pdf_check)
        form = QFormLayout()
        form.addRow(self.day_label, self.day_edit)
        form.addRow(self.folder_label, folder_row)
        form.addRow(formats)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status_label)
        layout.addWidget(self.buttons)
        self.browse_button.clicked.connect(self.on_browse_clicked)
        self.buttons.accepted.connect(self.on_export)
        self.buttons.rejected.connect(self.reject)
        self.setMinimumWidth(760)
        self.retranslate()

    @property
    def busy(self) -> bool:
        return self._job is not None

    @property
    def day(self) -> date:
        picked = self.day_edit.date().toPython()
        assert isinstance(picked, date)
        return picked

    def set_day(self, day: date) -> None:
        self.day_edit.setDate(qdate(day))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Export the day's log"))
        self.day_label.setText(self.tr("&Day:"))
        self.folder_label.setText(self.tr("&Folder:"))
        self.browse_button.setText(self.tr("&Browse…"))
        self.csv_check.setText(self.tr("&CSV file (for spreadsheets)"))
        self.pdf_check.setText(self.tr("&PDF report (totals per entrance, desk, hour and reason)"))
        self.export_button.setText(self.tr("&Export"))
        self.close_button.setText(self.tr("Close"))
        self.progress.setAccessibleName(self.tr("Export progress"))

    def reject(self) -> None:
        if self.busy:
            self.status_label.setText(self.tr("The export is still running; close this window when it is done."))
            return
        super().reject()

    def on_browse_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export to folder"), self.folder_edit.text())
        if folder:
            self.folder_edit.setText(folder)

    def on_export(self) -> None:
        if self.busy:
            return
        formats = [fmt for fmt, box in (("csv", self.csv_check), ("pdf", self.pdf_check)) if box.isChecked()]
        if not formats:
            self.status_label.setText(self.tr("Tick CSV, PDF or both."))
            return
        folder = Path(self.folder_edit.text().strip()).expanduser()
        if not folder.is_dir():
            self.status_label.setText(fill(self.tr("The folder %1 does not exist."), str(folder)))
            return
        self.written = []
        self._queue = formats
        self._day_entries = 0
        self.export_button.setEnabled(False)
        self._next(folder)

    def _next(self, folder: Path) -> None:
        if not self._queue:
            self._finish()
            return
        fmt = self._queue.pop(0)
        day, session = self.day, self.session
        out = export_path(folder, session.desk.event.id, day, fmt)
        known_total = self._day_entries

        def work(desk: DeskService, progress: Progress) -> tuple[Path, int]:
            total = known_total or desk.count_log_entries(day)  # for a progress bar with an end
            progress(0, total)
            totals = desk.export_day(day, fmt, out, lambda done, _: progress(done, total))
            return out, totals.entries

        self.status_label.setText(
            self.tr("Writing the CSV file…") if fmt == "csv" else self.tr("Writing the PDF report…")
        )
        self.progress.setRange(0, 0)
        job = DeskJob(session.desk, work, self)
        job.progressed.connect(self.on_job_progressed)
        # A bound method, not a lambda: the slot then runs on the dialog's (GUI) thread, queued from the worker.
        self._folder = folder
        job.succeeded.connect(self.on_job_succeeded)
        job.failed.connect(self.on_job_failed)
        self._job = job
        job.start()

    def on_job_progressed(self, done: int, total: int) -> None:
        if total <= 0:
            self.progress.setRange(0, 0)
            return
        self.progress.setRange(0, total)
        self.progress.setValue(min(done, total))

    def on_job_succeeded(self, result: tuple[Path, int]) -> None:
        folder = self._folder
        self._end_job()
        path, entries = result
        self.written.append(path)
        self._day_entries = entries
        self._next(folder)

    def on_job_failed(self, error: DeskError) -> None:
        self._end_job()
        self._queue = []
        self.export_button.setEnabled(True)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        message = fill(self.tr("The export failed: %1"), str(error))
        self.status_label.setText(message)
        self.message_box = tell(self, self.windowTitle(), message, warning=True)

    def _finish(self) -> None:
        self.export_button.setEnabled(True)
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        paths = "\n".join(str(p) for p in self.written)
        message = self.tr("%n entries exported. Saved as:", "", self._day_entries) + "\n" + paths
        self.status_label.setText(message)
        self.message_box = tell(self, self.windowTitle(), message)

    def _end_job(self) -> None:
        if self._job is not None:
            self._job.wait()
            self._job.deleteLater()
            self._job = None
