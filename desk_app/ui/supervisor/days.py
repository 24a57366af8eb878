"""Days as the supervisor means them: dates in the event's time zone, by the desk's clock."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit

from desk_app.ui.session import DeskSession


def today(session: DeskSession) -> date:
    """The event-local date by the desk's clock (which ``--now`` may have moved)."""
    desk = session.desk
    return desk.event.local(desk.clock.now()).date()


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def day_edit(day: date) -> QDateEdit:
    """A date field with a calendar on demand, showing ISO dates (the same in English and French)."""
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDate(qdate(day))
    return edit
