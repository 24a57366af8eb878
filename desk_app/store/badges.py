"""Badges handed over, and their voiding. At most one active badge per application (a unique index)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from desk_app.core.clock import from_utc_text, to_utc_text
from desk_app.core.model import AccreditationKind, Badge
from desk_app.errors import ConstraintViolation, StoreError
from desk_app.store.db import Database

_COLUMNS = "serial, reference, kind, issued_at, entrance, desk, staff, voided_at"
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
    )


class Badges:
    def __init__(self, db: Database) -> None:
        self._db = db

    def active_for(self, reference: str) -> Badge | None:
        row = self._db.one(f"SELECT {_COLUMNS} FROM badges WHERE reference = ? AND voided_at IS NULL", (reference,))
        return _from_row(row) if row else None

    def get(self, serial: str) -> Badge | None:
        row = self._db.one(f"SELECT {_COLUMNS} FROM badges WHERE serial = ?", (serial,))
        return _from_row(row) if row else None

    def issue(
        self, reference: str, kind: AccreditationKind, at: datetime, entrance: str, desk: str, staff: str
    ) -> Badge:
        """Record a badge as handed over, with the next serial of its kind (e.g. M-000042)."""
        prefix = SERIAL_PREFIX[kind]
        with self._db.write():
            row = self._db.one("SELECT COUNT(*) FROM badges WHERE kind = ?", (kind.value,))
            serial = f"{prefix}-{(row[0] if row else 0) + 1:06d}"
            badge = Badge(serial, reference, kind, at, entrance, desk, staff)
            try:
                self._db.execute(
                    f"INSERT INTO badges ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, NULL)",
                    (serial, reference, kind.value, to_utc_text(at), entrance, desk, staff),
                )
            except ConstraintViolation as exc:
                raise AlreadyIssued(f"{reference} already holds an active badge") from exc
        return badge

    def void(self, serial: str, at: datetime, reason: str) -> bool:
        """Void an active badge; False when there is no such active badge."""
        with self._db.write():
            changed = self._db.execute(
                "UPDATE badges SET voided_at = ?, void_reason = ? WHERE serial = ? AND voided_at IS NULL",
                (to_utc_text(at), reason, serial),
            )
        return changed == 1

    def issued_counts(self) -> dict[tuple[AccreditationKind, str], int]:
        """Active badges per kind and entrance."""
        rows = self._db.all(
            "SELECT kind, entrance, COUNT(*) FROM badges WHERE voided_at IS NULL GROUP BY kind, entrance"
        )
        return {(AccreditationKind(k), e): n for k, e, n in rows}
