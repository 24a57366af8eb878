"""The day's log for supervisors, filtered by desk and outcome; the day is taken in the event's time zone."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.model import LogEntry, Outcome
from desk_app.ui.i18n import Retranslates
from desk_app.ui.session import DeskSession
from desk_app.ui.supervisor.days import day_edit, qdate, today
from desk_app.ui.supervisor.log_model import LogFilter, LogModel, desks_in, filter_entries
from desk_app.ui.words import outcome_name


class LogView(Retranslates, QWidget):
    """Filters (day, desk, outcome) above a table of the log; :meth:`reload` reads the day again."""

    def __init__(self, session: DeskSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._entries: list[LogEntry] = []
        self.model = LogModel(session.desk.event, self)
        self.day_label, self.desk_label, self.outcome_label = QLabel(), QLabel(), QLabel()
        self.day_edit = day_edit(today(session))
        self.desk_combo = QComboBox()
        self.outcome_combo = QComboBox()
        self.outcome_combo.addItem("", None)
        for outcome in Outcome:
            self.outcome_combo.addItem("", outcome.value)
        self.refresh_button = QPushButton()
        self.count_label = QLabel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        for label, widget in (
            (self.day_label, self.day_edit),
            (self.desk_label, self.desk_combo),
            (self.outcome_label, self.outcome_combo),
        ):
            label.setBuddy(widget)
        filters = QHBoxLayout()
        for item in (
            self.day_label,
            self.day_edit,
            self.desk_label,
            self.desk_combo,
            self.outcome_label,
            self.outcome_combo,
            self.refresh_button,
        ):
            filters.addWidget(item)
        filters.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        self.day_edit.dateChanged.connect(self.reload)
        self.desk_combo.currentIndexChanged.connect(self.on_filter_changed)
        self.outcome_combo.currentIndexChanged.connect(self.on_filter_changed)
        self.refresh_button.clicked.connect(self.reload)
        self.retranslate()

    @property
    def day(self) -> date:
        picked = self.day_edit.date().toPython()
        assert isinstance(picked, date)
        return picked

    def set_day(self, day: date) -> None:
        self.day_edit.setDate(qdate(day))

    def set_session(self, session: DeskSession) -> None:
        self.session = session

    def log_filter(self) -> LogFilter:
        return LogFilter(self.desk_combo.currentData(), self.outcome_combo.currentData())

    def set_filter(self, desk: str | None = None, outcome: str | None = None) -> None:
        """Choose the filters (tests and shortcuts); unknown values leave that filter on "all"."""
        self.desk_combo.setCurrentIndex(max(0, self.desk_combo.findData(desk)))
        self.outcome_combo.setCurrentIndex(max(0, self.outcome_combo.findData(outcome)))

    def reload(self) -> None:
        """Read the chosen day from the log again and apply the filters."""
        self._entries = self.session.desk.log_entries(self.day)
        chosen = self.desk_combo.currentData()
        self.desk_combo.blockSignals(True)
        self.desk_combo.clear()
        self.desk_combo.addItem(self.tr("All desks"), None)
        for desk in desks_in(self._entries):
            self.desk_combo.addItem(desk, desk)
        self.desk_combo.setCurrentIndex(max(0, self.desk_combo.findData(chosen)))
        self.desk_combo.blockSignals(False)
        self.on_filter_changed()

    def on_filter_changed(self) -> None:
        shown = filter_entries(self._entries, self.log_filter())
        self.model.set_rows(shown)
        self._say_count()

    def retranslate(self) -> None:
        self.day_label.setText(self.tr("Da&y:"))
        self.desk_label.setText(self.tr("D&esk:"))
        self.outcome_label.setText(self.tr("&Outcome:"))
        self.refresh_button.setText(self.tr("&Refresh"))
        if self.desk_combo.count():
            self.desk_combo.setItemText(0, self.tr("All desks"))
        self.outcome_combo.setItemText(0, self.tr("All outcomes"))
        for index in range(1, self.outcome_combo.count()):
            self.outcome_combo.setItemText(index, outcome_name(self.outcome_combo.itemData(index)))
        self.table.setAccessibleName(self.tr("Check-in log"))
        self.model.retranslate()
        self._say_count()

    def _say_count(self) -> None:
        self.count_label.setText(
            self.tr("%n entries shown", "", self.model.rowCount())
            + " "
            + self.tr("(%n in the day)", "", len(self._entries))
        )
