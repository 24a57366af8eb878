"""Live counts for supervisors: expected and served per badge kind and entrance, and the day hour by hour.

"Expected" is the approved applications of a kind; "served" the badges of that kind handed over (and not voided)
at its entrance (the service counts them). The page refreshes on a timer while it is shown, and after every check-in
at this desk.
"""

from __future__ import annotations

import functools

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from desk_app.core.model import Outcome
from desk_app.messages import QT_TRANSLATE_NOOP
from desk_app.service import HourCount, KindCount, LiveCounts
from desk_app.ui.checkin.texts import fill
from desk_app.ui.i18n import Retranslates
from desk_app.ui.session import DeskSession
from desk_app.ui.supervisor.days import today
from desk_app.ui.table_model import Column, ListTableModel
from desk_app.ui.words import entrance_name, kind_label

REFRESH_MS = 30_000
CONTEXT = "CountsPage"


class CountsPage(Retranslates, QWidget):
    """Two tables: per kind and entrance, and per hour of the day."""

    def __init__(self, session: DeskSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        event = session.desk.event
        self.counts: LiveCounts | None = None
        self.kind_model: ListTableModel[KindCount] = ListTableModel(
            CONTEXT,
            [
                Column(QT_TRANSLATE_NOOP("CountsPage", "Badge"), lambda k: kind_label(event, k.kind)),
                Column(QT_TRANSLATE_NOOP("CountsPage", "Entrance"), lambda k: entrance_name(event, k.entrance)),
                Column(QT_TRANSLATE_NOOP("CountsPage", "Expected"), lambda k: str(k.expected), align_right=True),
                Column(QT_TRANSLATE_NOOP("CountsPage", "Served"), lambda k: str(k.served), align_right=True),
                Column(QT_TRANSLATE_NOOP("CountsPage", "Still to come"), lambda k: str(k.waiting), align_right=True),
            ],
            self,
        )
        hour_columns: list[Column[HourCount]] = [
            Column(QT_TRANSLATE_NOOP("CountsPage", "Hour"), lambda h: f"{h.hour:02d}:00–{h.hour + 1:02d}:00"),
        ]
        for key in event.entrances:
            hour_columns.append(
                Column(
                    QT_TRANSLATE_NOOP("CountsPage", "Badges, %1"),
                    functools.partial(_badges_at, key),
                    align_right=True,
                    header_arg=functools.partial(entrance_name, event, key),
                )
            )
        hour_columns += [
            Column(QT_TRANSLATE_NOOP("CountsPage", "Check-ins"), lambda h: str(h.checkins), align_right=True),
            Column(
                QT_TRANSLATE_NOOP("CountsPage", "Redirected"),
                lambda h: str(h.verdicts[Outcome.REDIRECT.value]),
                align_right=True,
            ),
            Column(
                QT_TRANSLATE_NOOP("CountsPage", "Refused"),
                lambda h: str(h.verdicts[Outcome.REFUSE.value]),
                align_right=True,
            ),
            Column(
                QT_TRANSLATE_NOOP("CountsPage", "Supervisor needed"),
                lambda h: str(h.verdicts[Outcome.NEEDS_SUPERVISOR.value]),
                align_right=True,
            ),
        ]
        self.hour_model: ListTableModel[HourCount] = ListTableModel(CONTEXT, hour_columns, self)
        self.kinds_heading, self.hours_heading, self.updated_label = QLabel(), QLabel(), QLabel()
        self.kinds_table = _table(self.kind_model)
        self.hours_table = _table(self.hour_model)
        self.kinds_heading.setBuddy(self.kinds_table)
        self.hours_heading.setBuddy(self.hours_table)
        layout = QVBoxLayout(self)
        layout.addWidget(self.kinds_heading)
        layout.addWidget(self.kinds_table)
        layout.addWidget(self.hours_heading)
        layout.addWidget(self.hours_table, 1)
        layout.addWidget(self.updated_label)
        self.kinds_table.setSizeAdjustPolicy(QAbstractItemView.SizeAdjustPolicy.AdjustToContents)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.on_timer_timeout)
        self.retranslate()

    def set_session(self, session: DeskSession) -> None:
        self.session = session

    def refresh(self) -> None:
        self.counts = self.session.desk.counts(today(self.session))
        self.kind_model.set_rows(self.counts.kinds)
        self.hour_model.set_rows(self.counts.hours)
        self.kinds_table.setFixedHeight(_rows_height(self.kinds_table))
        self._say_updated()

    def on_timer_timeout(self) -> None:
        if self.isVisible():
            self.refresh()

    def on_checked_in(self) -> None:
        """A check-in at this desk: the numbers moved."""
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()
        self.timer.start()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self.timer.stop()
        super().hideEvent(event)

    def retranslate(self) -> None:
        self.kinds_heading.setText(self.tr("Badges per kind and entrance (whole event)"))
        self.hours_heading.setText(self.tr("Today, hour by hour"))
        self.kinds_table.setAccessibleName(self.tr("Badges per kind and entrance"))
        self.hours_table.setAccessibleName(self.tr("Today, hour by hour"))
        self.kind_model.retranslate()
        self.hour_model.retranslate()
        self._say_updated()

    def _say_updated(self) -> None:
        if self.counts is None:
            self.updated_label.setText("")
            return
        moment = self.session.desk.event.local(self.session.desk.clock.now())
        self.updated_label.setText(
            fill(
                self.tr("Updated at %1; refreshed every 30 seconds and after each check-in (F5 refreshes now)."),
                moment.strftime("%H:%M:%S"),
            )
        )


def _table(model: ListTableModel[KindCount] | ListTableModel[HourCount]) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setMinimumSectionSize(110)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    table.setAlternatingRowColors(True)
    return table


def _rows_height(table: QTableView) -> int:
    rows = table.model().rowCount()
    return table.horizontalHeader().height() + sum(table.rowHeight(r) for r in range(rows)) + 2 * table.frameWidth()


def _badges_at(entrance: str, hour: HourCount) -> str:
    return str(hour.badges[entrance])
