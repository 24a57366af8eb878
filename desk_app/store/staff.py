"""Staff accounts: login, role and PIN hash."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from desk_app.core.clock import to_utc_text
from desk_app.core.model import Role, StaffMember
from desk_app.core.pins import hash_pin, needs_rehash, pin_matches
from desk_app.errors import ConstraintViolation, StaffError
from desk_app.store.db import Database


class Staff:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, member: StaffMember, pin: str, at: datetime) -> None:
        try:
            with self._db.write():
                self._db.execute(
                    "INSERT INTO staff (login, full_name, role, pin_hash, active, created_at)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        member.login,
                        member.full_name,
                        member.role.value,
                        hash_pin(pin),
                        int(member.active),
                        to_utc_text(at),
                    ),
                )
        except ConstraintViolation as exc:
            raise StaffError(f"a staff member with login {member.login!r} already exists") from exc

    def get(self, login: str) -> StaffMember | None:
        row = self._db.one("SELECT login, full_name, role, active FROM staff WHERE login = ?", (login,))
        return StaffMember(row[0], row[1], Role(row[2]), bool(row[3])) if row else None

    def all(self) -> list[StaffMember]:
        rows = self._db.all("SELECT login, full_name, role, active FROM staff ORDER BY login")
        return [StaffMember(r[0], r[1], Role(r[2]), bool(r[3])) for r in rows]

    def rows(self, login: str | None = None) -> dict[str, tuple[Any, ...]]:
        """Accounts as stored (PIN hash included), by login; one account with ``login``: what the audit compares."""
        sql = "SELECT login, full_name, role, pin_hash, active FROM staff"
        rows = self._db.all(sql + " WHERE login = ?", (login,)) if login else self._db.all(sql)
        return {str(r[0]): (r[0], r[1], r[2], r[3], bool(r[4])) for r in rows}

    def check_pin(self, login: str, pin: str) -> bool:
        row = self._db.one("SELECT pin_hash FROM staff WHERE login = ? AND active = 1", (login,))
        return row is not None and pin_matches(pin, row[0])

    def set_active(self, login: str, active: bool) -> bool:
        """Let a member log in again, or stop them; False when there is no such login."""
        with self._db.write():
            found = self._db.one("SELECT login FROM staff WHERE login = ?", (login,))
            if found is None:
                return False
            self._db.execute("UPDATE staff SET active = ? WHERE login = ?", (int(active), login))
        return True

    def rehash_if_weaker(self, login: str, pin: str) -> bool:
        """After a right PIN: redo a hash made with less work than today's; True when it was redone."""
        row = self._db.one("SELECT pin_hash FROM staff WHERE login = ?", (login,))
        if row is None or not needs_rehash(row[0]):
            return False
        with self._db.write():
            self._db.execute("UPDATE staff SET pin_hash = ? WHERE login = ?", (hash_pin(pin), login))
        return True
