"""The check-in log as a table: a thin model over a Python list of ``LogEntry``, and the filters in Python."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QObject

from desk_app.core.event import EventConfig
from desk_app.core.model import LogEntry, Reason
from desk_app.messages import QT_TRANSLATE_NOOP
from desk_app.ui.checkin.texts import reason_text
from desk_app.ui.table_model import Column, ListTableModel
from desk_app.ui.words import action_name, entrance_name, outcome_name

CONTEXT = "LogModel"


@dataclass(frozen=True)
class LogFilter:
    """Which entries to show: None means any desk or any outcome. ``outcome`` is an ``Outcome`` value."""

    desk: str | None = None
    outcome: str | None = None

    def keeps(self, entry: LogEntry) -> bool:
        record = entry.record
        return (self.desk is None or record.desk == self.desk) and (
            self.outcome is None or record.outcome == self.outcome
        )


def filter_entries(entries: Iterable[LogEntry], log_filter: LogFilter) -> list[LogEntry]:
    return [entry for entry in entries if log_filter.keeps(entry)]


def desks_in(entries: Iterable[LogEntry]) -> list[str]:
    """The desks that wrote any of ``entries``, sorted; entries without a desk (imports) are left out."""
    return sorted({entry.record.desk for entry in entries if entry.record.desk})


class LogModel(ListTableModel[LogEntry]):
    """One row per log entry, times in the event's time zone."""

    def __init__(self, event: EventConfig, parent: QObject | None = None) -> None:
        self.event_config = event
        columns: list[Column[LogEntry]] = [
            Column(QT_TRANSLATE_NOOP("LogModel", "No."), lambda e: str(e.seq), align_right=True),
            Column(QT_TRANSLATE_NOOP("LogModel", "Time"), self._time),
            Column(QT_TRANSLATE_NOOP("LogModel", "Entrance"), lambda e: entrance_name(event, e.record.entrance)),
            Column(QT_TRANSLATE_NOOP("LogModel", "Desk"), lambda e: e.record.desk),
            Column(QT_TRANSLATE_NOOP("LogModel", "Staff"), lambda e: e.record.staff),
            Column(QT_TRANSLATE_NOOP("LogModel", "Supervisor"), lambda e: e.record.detail.get("supervisor", "")),
            Column(QT_TRANSLATE_NOOP("LogModel", "What"), lambda e: action_name(e.record.action)),
            Column(QT_TRANSLATE_NOOP("LogModel", "Reference"), lambda e: e.record.reference),
            Column(QT_TRANSLATE_NOOP("LogModel", "Outcome"), lambda e: outcome_name(e.record.outcome)),
            Column(
                QT_TRANSLATE_NOOP("LogModel", "Reasons"),
                lambda e: "; ".join(reason_words(r) for r in e.record.reasons),
                tooltip=_codes_and_detail,
            ),
        ]
        super().__init__(CONTEXT, columns, parent)

    def _time(self, entry: LogEntry) -> str:
        return self.event_config.local(entry.record.time).strftime("%H:%M:%S")


def reason_words(code: str) -> str:
    """A logged reason in the language in use; a code this version does not know stays as it is."""
    try:
        return reason_text(Reason(code))
    except ValueError:
        return code


def _codes_and_detail(entry: LogEntry) -> str:
    """The stored reason codes and detail, exactly as the export has them."""
    codes = ", ".join(entry.record.reasons)
    detail = json.dumps(entry.record.detail, ensure_ascii=False, sort_keys=True)
    return f"{codes}\n{detail}" if codes else detail
