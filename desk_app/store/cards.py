"""Cards printed the night before: reserved serials with a box and slot, and what became of each.

A card's serial is in the badges' series (``Badges.next_serial``), so the card scanned at the hand-over becomes the
holder's badge under the same number. Every state change is conditional on the state it leaves, so two desks can
never hand the same card over twice: the second finds it no longer in its box.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from desk_app.core.clock import from_utc_text, to_utc_text
from desk_app.core.model import AccreditationKind, Card, CardState
from desk_app.store.db import Database

_COLUMNS = (
    "serial, reference, kind, box, slot, state, reserved_at, printed_at, handed_over_at, voided_at, void_reason, "
    "printed_details"
)
_WAITING = "state IN ('reserved', 'preprinted')"


def _from_row(row: Sequence[Any]) -> Card:
    return Card(
        serial=row[0],
        reference=row[1],
        kind=AccreditationKind(row[2]),
        box=int(row[3]),
        slot=int(row[4]),
        state=CardState(row[5]),
        reserved_at=from_utc_text(row[6]),
        printed_at=from_utc_text(row[7]) if row[7] else None,
        handed_over_at=from_utc_text(row[8]) if row[8] else None,
        voided_at=from_utc_text(row[9]) if row[9] else None,
        void_reason=row[10] or "",
        printed_details=row[11] or "",
    )


class Cards:
    def __init__(self, db: Database) -> None:
        self._db = db

    def rows(self, serial: str | None = None) -> dict[str, tuple[Any, ...]]:
        """Cards as stored, by serial; one card with ``serial``: what the audit compares with the log."""
        sql = f"SELECT {_COLUMNS}, reserved_by FROM cards"
        rows = self._db.all(sql + " WHERE serial = ?", (serial,)) if serial else self._db.all(sql)
        return {str(r[0]): tuple(r) for r in rows}

    def get(self, serial: str) -> Card | None:
        row = self._db.one(f"SELECT {_COLUMNS} FROM cards WHERE serial = ?", (serial,))
        return _from_row(row) if row else None

    def waiting_for(self, reference: str) -> Card | None:
        """The person's card still to come (reserved or in its box), if any."""
        row = self._db.one(f"SELECT {_COLUMNS} FROM cards WHERE reference = ? AND {_WAITING}", (reference,))
        return _from_row(row) if row else None

    def of(self, reference: str) -> list[Card]:
        """Every card a person ever had, oldest first."""
        rows = self._db.all(
            f"SELECT {_COLUMNS} FROM cards WHERE reference = ? ORDER BY reserved_at, serial", (reference,)
        )
        return [_from_row(r) for r in rows]

    def all(self, kind: AccreditationKind | None = None, state: CardState | None = None) -> list[Card]:
        """Cards by kind, box and slot (the order they stand in their boxes)."""
        where, params = [], []
        if kind is not None:
            where.append("kind = ?")
            params.append(kind.value)
        if state is not None:
            where.append("state = ?")
            params.append(state.value)
        clause = f" WHERE {' AND '.join(where)}" if where else ""
        rows = self._db.all(f"SELECT {_COLUMNS} FROM cards{clause} ORDER BY kind, box, slot", params)
        return [_from_row(r) for r in rows]

    def last_box(self, kind: AccreditationKind) -> int:
        """The highest box number of ``kind`` so far (0 before the first pre-print): a new run starts a new box."""
        row = self._db.one("SELECT MAX(box) FROM cards WHERE kind = ?", (kind.value,))
        return int(row[0]) if row and row[0] is not None else 0

    def reserve(self, cards: Iterable[Card], by: str) -> None:
        """Record new cards, RESERVED; the unique indexes refuse a second card to come for the same person."""
        self._db.execute_many(
            f"INSERT INTO cards ({_COLUMNS}, reserved_by)"
            " VALUES (?, ?, ?, ?, ?, 'reserved', ?, NULL, NULL, NULL, '', '', ?)",
            [(c.serial, c.reference, c.kind.value, c.box, c.slot, to_utc_text(c.reserved_at), by) for c in cards],
        )

    def claim(self, kind: AccreditationKind, run: str, now: datetime, until: datetime) -> list[Card]:
        """Claim every unprinted card of ``kind`` nobody is printing (no claim, or one run out) for the pre-print
        ``run``, until ``until``; the cards claimed, by box and slot. Two runs never claim the same card."""
        with self._db.write():
            self._db.execute(
                "UPDATE cards SET print_claim = ?, claimed_until = ? WHERE kind = ? AND state = 'reserved'"
                " AND (claimed_until IS NULL OR claimed_until < ?)",
                (run, to_utc_text(until), kind.value, to_utc_text(now)),
            )
            rows = self._db.all(
                f"SELECT {_COLUMNS} FROM cards WHERE print_claim = ? AND state = 'reserved' ORDER BY box, slot", (run,)
            )
        return [_from_row(r) for r in rows]

    def claimed_elsewhere(self, kind: AccreditationKind, run: str, now: datetime) -> list[tuple[str, datetime]]:
        """Unprinted cards of ``kind`` another pre-print is printing now: (serial, claimed until)."""
        rows = self._db.all(
            "SELECT serial, claimed_until FROM cards WHERE kind = ? AND state = 'reserved' AND print_claim != ?"
            " AND claimed_until >= ? ORDER BY serial",
            (kind.value, run, to_utc_text(now)),
        )
        return [(str(r[0]), from_utc_text(r[1])) for r in rows]

    def release(self, serials: Iterable[str], run: str) -> None:
        """The run gave up on these cards (their box was not printed): the next pre-print may print them."""
        with self._db.write():
            for serial in serials:
                self._db.execute(
                    "UPDATE cards SET print_claim = '', claimed_until = NULL WHERE serial = ? AND print_claim = ?",
                    (serial, run),
                )

    def printed(self, serial: str, at: datetime, details: str) -> bool:
        """The card's print job completed: it is in its box, printed with ``details`` (a digest of what it shows
        of its holder). False when it was not RESERVED."""
        return self._set(
            serial,
            "state = 'preprinted', printed_at = ?, printed_details = ?, print_claim = '', claimed_until = NULL",
            (to_utc_text(at), details),
            "state = 'reserved'",
        )

    def printed_after_void(self, serial: str, at: datetime, reason: str) -> bool:
        """A card voided while its box was printing came out of the printer anyway: it exists, and must be
        destroyed. False when it is not such a card."""
        return self._set(
            serial,
            "printed_at = ?, void_reason = ?, print_claim = '', claimed_until = NULL",
            (to_utc_text(at), reason),
            "state = 'voided' AND printed_at IS NULL",
        )

    def hand_over(self, serial: str, at: datetime) -> bool:
        """The card left its box for its holder. False when it is not in its box (handed over already, voided)."""
        return self._set(
            serial, "state = 'handed_over', handed_over_at = ?", (to_utc_text(at),), "state = 'preprinted'"
        )

    def void(self, serial: str, at: datetime, reason: str) -> bool:
        """A card that never reached its holder is void. False when it is not waiting (handed over, voided)."""
        return self._set(
            serial, "state = 'voided', voided_at = ?, void_reason = ?", (to_utc_text(at), reason), _WAITING
        )

    def _set(self, serial: str, assignments: str, params: tuple[str, ...], condition: str) -> bool:
        with self._db.write():
            changed = self._db.execute(
                f"UPDATE cards SET {assignments} WHERE serial = ? AND {condition}", (*params, serial)
            )
        return changed == 1
