"""The append-only, hash-chained check-in log.

The database refuses UPDATE and DELETE on the table (triggers); the chain catches what is done behind the
app's back (triggers dropped, rows edited with another tool, the file patched).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from desk_app.core.chain import GENESIS_HASH, entry_hash
from desk_app.core.clock import from_utc_text, to_utc_text
from desk_app.core.model import Action, LogEntry, LogRecord
from desk_app.store.db import Database

_COLUMNS = "seq, time, action, entrance, desk, staff, reference, outcome, reasons, detail, prev_hash, entry_hash"


@dataclass(frozen=True)
class ChainReport:
    """What ``verify`` found: ``first_broken`` is the sequence number where the chain stops holding."""

    entries: int
    head_hash: str
    first_broken: int | None = None
    problem: str = ""

    @property
    def intact(self) -> bool:
        return self.first_broken is None


def _from_row(row: Sequence[Any]) -> LogEntry:
    record = LogRecord(
        time=from_utc_text(row[1]),
        action=Action(row[2]),
        entrance=row[3],
        desk=row[4],
        staff=row[5],
        reference=row[6],
        outcome=row[7],
        reasons=tuple(json.loads(row[8])),
        detail=json.loads(row[9]),
    )
    return LogEntry(seq=row[0], record=record, prev_hash=row[10], entry_hash=row[11])


class CheckinLog:
    def __init__(self, db: Database) -> None:
        self._db = db

    def append(self, record: LogRecord) -> LogEntry:
        """Add one entry at the head of the chain, in the caller's transaction if there is one.

        The head is read inside a write transaction, which holds the database's write lock: two desks can never
        chain from the same head, and the seq primary key would refuse it if anything went around the lock.
        """
        with self._db.write():
            head = self._db.one("SELECT seq, entry_hash FROM checkin_log ORDER BY seq DESC LIMIT 1")
            seq, prev = (head[0] + 1, head[1]) if head else (1, GENESIS_HASH)
            digest = entry_hash(prev, seq, record)
            self._db.execute(
                f"INSERT INTO checkin_log ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    seq,
                    to_utc_text(record.time),
                    record.action.value,
                    record.entrance,
                    record.desk,
                    record.staff,
                    record.reference,
                    record.outcome,
                    json.dumps(list(record.reasons), ensure_ascii=False),
                    json.dumps(record.detail, ensure_ascii=False, sort_keys=True),
                    prev,
                    digest,
                ),
            )
        return LogEntry(seq, record, prev, digest)

    def between(self, start: datetime, end: datetime) -> Iterator[LogEntry]:
        """Entries with start <= time < end, in chain order."""
        rows = self._db.iterate(
            f"SELECT {_COLUMNS} FROM checkin_log WHERE time >= ? AND time < ? ORDER BY seq",
            (to_utc_text(start), to_utc_text(end)),
        )
        return (_from_row(r) for r in rows)

    def for_reference(self, reference: str) -> list[LogEntry]:
        rows = self._db.all(f"SELECT {_COLUMNS} FROM checkin_log WHERE reference = ? ORDER BY seq", (reference,))
        return [_from_row(r) for r in rows]

    def latest_by(self, staff: str, actions: Sequence[Action], limit: int) -> list[LogEntry]:
        """The newest ``limit`` entries of ``actions`` recorded for ``staff``, newest first."""
        marks = ", ".join("?" for _ in actions)
        rows = self._db.all(
            f"SELECT {_COLUMNS} FROM checkin_log WHERE staff = ? AND action IN ({marks}) ORDER BY seq DESC LIMIT ?",
            (staff, *(a.value for a in actions), limit),
        )
        return [_from_row(r) for r in rows]

    def state_details(self) -> Iterator[dict[str, str]]:
        """The detail of every entry that logged the state of an object (see ``core.state``), in chain order."""
        rows = self._db.iterate("SELECT detail FROM checkin_log WHERE detail LIKE ? ORDER BY seq", ('%"state:%',))
        for row in rows:
            try:
                detail = json.loads(row[0])
            except ValueError:
                continue  # an unreadable entry is the chain's to report
            if isinstance(detail, dict):
                yield detail

    def head(self) -> LogEntry | None:
        """The last entry, or None for an empty log."""
        row = self._db.one(f"SELECT {_COLUMNS} FROM checkin_log ORDER BY seq DESC LIMIT 1")
        return _from_row(row) if row else None

    def entry(self, seq: int) -> LogEntry | None:
        row = self._db.one(f"SELECT {_COLUMNS} FROM checkin_log WHERE seq = ?", (seq,))
        return _from_row(row) if row else None

    def count(self) -> int:
        row = self._db.one("SELECT COUNT(*) FROM checkin_log")
        return int(row[0]) if row else 0

    def verify(self) -> ChainReport:
        """Walk the whole chain; report the first entry whose sequence, link or hash does not hold."""
        prev = GENESIS_HASH
        expected_seq = 1
        for row in self._db.iterate(f"SELECT {_COLUMNS} FROM checkin_log ORDER BY seq"):
            seq = row[0]
            if seq != expected_seq:
                return ChainReport(expected_seq - 1, prev, expected_seq, f"entry {expected_seq} is missing")
            try:
                entry = _from_row(row)
            except (ValueError, TypeError, KeyError) as exc:
                return ChainReport(seq - 1, prev, seq, f"entry {seq} is unreadable: {exc}")
            if entry.prev_hash != prev:
                return ChainReport(seq - 1, prev, seq, f"entry {seq} does not follow entry {seq - 1}")
            if entry_hash(prev, seq, entry.record) != entry.entry_hash:
                return ChainReport(seq - 1, prev, seq, f"entry {seq} was altered after it was written")
            prev = entry.entry_hash
            expected_seq += 1
        return ChainReport(expected_seq - 1, prev)
