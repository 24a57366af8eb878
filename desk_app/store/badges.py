"""Badges handed over, and their voiding. At most one active badge per application (a unique index)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from desk_app.core.clock import from_utc_text, to_utc_text
from desk_app.core.model import AccreditationKind, Badge, BadgeState, Card
from desk_app.errors import ConstraintViolation, StoreError
from desk_app.store.db import Database

_COLUMNS = "serial, reference, kind, issued_at, entrance, desk, staff, voided_at, state"
SERIAL_PREFIX = {AccreditationKind.MINISTERIAL: "M", AccreditationKind.ANNUAL: "A"}


class AlreadyIssued(StoreError):
    """Another desk issued a badge to the same person first."""


def _from_row(row: Sequence[Any]) -> Badge:
    return Badge(
        serial=row[0],
        reference=row[1],
        kind=AccreditationKind(row[2]),
        issued_at=from_utc_text(row[3]),
        entrance=row[4],
        desk=row[5],
        staff=row[6],
        voided_at=from_utc_text(row[7]) if row[7] else None,
        state=BadgeState(row[8]),
    )


class Badges:
    def __init__(self, db: Database) -> None:
        self._db = db

    def rows(self, serial: str | None = None) -> dict[str, tuple[Any, ...]]:
        """Badges as stored (void reason included), by serial; one badge with ``serial``: what the audit compares."""
        sql = f"SELECT {_COLUMNS}, void_reason FROM badges"
        rows = self._db.all(sql + " WHERE serial = ?", (serial,)) if serial else self._db.all(sql)
        return {str(r[0]): tuple(r) for r in rows}

    def active_for(self, reference: str) -> Badge | None:
        row = self._db.one(f"SELECT {_COLUMNS} FROM badges WHERE reference = ? AND voided_at IS NULL", (reference,))
        return _from_row(row) if row else None

    def get(self, serial: str) -> Badge | None:
        row = self._db.one(f"SELECT {_COLUMNS} FROM badges WHERE serial = ?", (serial,))
        return _from_row(row) if row else None

    def issue(
        self,
        reference: str,
        kind: AccreditationKind,
        at: datetime,
        entrance: str,
        desk: str,
        staff: str,
        state: BadgeState = BadgeState.ISSUED,
    ) -> Badge:
        """Record a badge with the next serial of its kind (e.g. M-000042): ISSUED when handed over as it is
        (printed in advance), PRINTING while its print job is out.

        The serial is counted under the write lock every write transaction holds, so desks never share one; the
        unique index stops a second active badge even if a caller skipped the check.
        """
        if state not in (BadgeState.ISSUED, BadgeState.PRINTING):
            raise ValueError(f"a new badge is issued or printing, not {state}")
        with self._db.write():
            badge = Badge(self.next_serials(kind, 1)[0], reference, kind, at, entrance, desk, staff, state=state)
            self._insert(badge)
        return badge

    def hand_over(self, card: Card, at: datetime, entrance: str, desk: str, staff: str) -> Badge:
        """Record a card printed the night before as its holder's badge, under the card's own serial."""
        badge = Badge(card.serial, card.reference, card.kind, at, entrance, desk, staff)
        with self._db.write():
            self._insert(badge)
        return badge

    def next_serials(self, kind: AccreditationKind, count: int) -> list[str]:
        """The next ``count`` serials of ``kind`` (M-000042...), after every badge and every card printed in advance.

        Read under the write lock of the caller's transaction, so desks never share one.
        """
        row = self._db.one(
            "SELECT MAX(number) FROM ("
            " SELECT CAST(SUBSTR(serial, 3) AS INTEGER) AS number FROM badges WHERE kind = ?"
            " UNION ALL SELECT CAST(SUBSTR(serial, 3) AS INTEGER) FROM cards WHERE kind = ?) AS serials",
            (kind.value, kind.value),
        )
        last = int(row[0]) if row and row[0] is not None else 0
        return [f"{SERIAL_PREFIX[kind]}-{number:06d}" for number in range(last + 1, last + 1 + count)]

    def _insert(self, badge: Badge) -> None:
        try:
            self._db.execute(
                f"INSERT INTO badges ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?)",
                (
                    badge.serial,
                    badge.reference,
                    badge.kind.value,
                    to_utc_text(badge.issued_at),
                    badge.entrance,
                    badge.desk,
                    badge.staff,
                    badge.state.value,
                ),
            )
        except ConstraintViolation as exc:
            raise AlreadyIssued(f"{badge.reference} already holds an active badge") from exc

    def printed(self, serial: str, at: datetime) -> Badge:
        """The badge's print job completed: it is handed over now."""
        with self._db.write():
            changed = self._db.execute(
                "UPDATE badges SET state = 'issued', issued_at = ? WHERE serial = ? AND state = 'printing'",
                (to_utc_text(at), serial),
            )
            badge = self.get(serial)
        if changed != 1 or badge is None:
            raise StoreError(f"badge {serial} is not being printed")
        return badge

    def print_failed(self, serial: str, at: datetime, reason: str) -> None:
        """The job failed or stalled: the badge never reached the person, who may be served again."""
        with self._db.write():
            self._db.execute(
                "UPDATE badges SET state = 'print_failed', voided_at = ?, void_reason = ? "
                "WHERE serial = ? AND state = 'printing'",
                (to_utc_text(at), reason, serial),
            )

    def void(self, serial: str, at: datetime, reason: str) -> bool:
        """Void an active badge; False when there is no such active badge."""
        with self._db.write():
            changed = self._db.execute(
                "UPDATE badges SET voided_at = ?, void_reason = ?, state = 'voided' "
                "WHERE serial = ? AND voided_at IS NULL",
                (to_utc_text(at), reason, serial),
            )
        return changed == 1

    def handed_over(self, kind: AccreditationKind) -> list[Badge]:
        """Every badge of ``kind`` that reached its holder and was not voided, by serial."""
        rows = self._db.all(
            f"SELECT {_COLUMNS} FROM badges WHERE kind = ? AND state = 'issued' ORDER BY serial", (kind.value,)
        )
        return [_from_row(r) for r in rows]

    def printing_at(self, entrance: str, desk: str) -> list[Badge]:
        """Badges a desk sent to its printer and never heard back about (the desk stopped mid-print)."""
        rows = self._db.all(
            f"SELECT {_COLUMNS} FROM badges WHERE state = 'printing' AND entrance = ? AND desk = ? ORDER BY serial",
            (entrance, desk),
        )
        return [_from_row(r) for r in rows]

    def issued_counts(self) -> dict[tuple[AccreditationKind, str], int]:
        """Badges handed over (and not voided) per kind and entrance."""
        rows = self._db.all(
            "SELECT kind, entrance, COUNT(*) FROM badges WHERE state = 'issued' GROUP BY kind, entrance"
        )
        return {(AccreditationKind(k), e): n for k, e, n in rows}
