"""Who may do what at a desk: PIN checks with the lock-out after wrong PINs, roles and entrances, staff accounts.

Every PIN checked, right or wrong, is written to the log (LOGIN or LOGIN_FAILED, with what it was for). The lock-out
is read back from those entries, so it holds across windows, command-line runs and desks on one database. It is
timed by the machine's real clock (kept in each entry), never by a desk's ``--now``, and the read, the check and
the entry are one transaction, so desks guessing in parallel get no more tries than one desk.
"""

from __future__ import annotations

import math
import re
from datetime import datetime

from desk_app.core.clock import Clock, SystemClock, from_utc_text, to_utc_text
from desk_app.core.event import EventConfig
from desk_app.core.model import AccreditationKind, Action, Role, StaffMember
from desk_app.core.pins import MAX_FAILURES, PinAttempt, PinLock, pin_lock, pin_problem
from desk_app.core.state import state_detail
from desk_app.core.text import nfc, text_problem
from desk_app.errors import StaffError
from desk_app.service.audit import staff_state
from desk_app.service.journal import Journal, Station
from desk_app.store import Store

ROLE_ISSUES = {Role.COUNTER: AccreditationKind.MINISTERIAL, Role.PASS_OFFICE: AccreditationKind.ANNUAL}
_LOGIN = re.compile(r"[A-Za-z0-9._-]{1,32}")
_DESK = re.compile(r"[A-Za-z0-9._-]{1,16}")
_REAL_TIME = "at"  # the detail key of a PIN entry holding the machine's real time, which times the lock-out


class PinRefused(StaffError):
    """A login and PIN not accepted, or a login still waiting after too many wrong PINs.

    ``lock`` says how many tries are left before a wait, or how long the wait still is.
    """

    def __init__(self, message: str, lock: PinLock) -> None:
        super().__init__(message)
        self.lock = lock


class NotAtThisDesk(StaffError):
    """The PIN was right, but this member may not work at this entrance (or is not active)."""

    def __init__(self, message: str, member: StaffMember | None, home_entrance: str = "") -> None:
        super().__init__(message)
        self.member = member
        self.home_entrance = home_entrance


class Access:
    """PIN checks and staff accounts for one desk service."""

    def __init__(
        self, store: Store, event: EventConfig, clock: Clock, journal: Journal, real_clock: Clock | None = None
    ) -> None:
        self._store = store
        self._event = event
        self._clock = clock
        self._journal = journal
        self._real_clock = real_clock or SystemClock()

    # --- PINs -----------------------------------------------------------------------------------------------

    def pin_lock(self, login: str) -> PinLock:
        """Where ``login`` stands: wrong PINs in a row, and the wait before the next try."""
        entries = self._store.log.latest_by(login, (Action.LOGIN, Action.LOGIN_FAILED), MAX_FAILURES)
        attempts = [
            PinAttempt(_real_time(e.record.detail, e.record.time), e.record.action is Action.LOGIN) for e in entries
        ]
        return pin_lock(attempts, self._real_clock.now())

    def check_pin(self, login: str, pin: str, purpose: str, where: Station | None = None) -> StaffMember:
        """The member whose login and PIN these are; logs the attempt either way.

        A login that is not on the staff is logged as an unknown login, never as typed: people type their PIN
        into the wrong box, and the log is kept for good.

        Raises:
            PinRefused: unknown or inactive login, wrong PIN, or a login that must wait first.
        """
        login = login.strip()
        with self._store.transaction():
            lock = self.pin_lock(login)
            if lock.wait_s > 0:
                refused = PinRefused(
                    f"too many wrong PINs for {login!r}: wait {math.ceil(lock.wait_s)} seconds, then try again", lock
                )
            else:
                member = self._store.staff.get(login)
                accepted = member is not None and member.active and self._store.staff.check_pin(login, pin)
                detail = {"for": purpose, _REAL_TIME: to_utc_text(self._real_clock.now())}
                if member is None:
                    detail["login"] = "unknown"
                if accepted and self._store.staff.rehash_if_weaker(login, pin):  # its new hash under the chain
                    detail |= state_detail(staff_state(self._store, login))
                action = Action.LOGIN if accepted else Action.LOGIN_FAILED
                self._journal.record(action, where, staff=login if member else "", detail=detail)
                if accepted and member is not None:
                    return member
                refused = self._refusal(login)
        raise refused

    def _refusal(self, login: str) -> PinRefused:
        lock = self.pin_lock(login)
        if lock.wait_s > 0:
            return PinRefused(
                f"login or PIN not accepted; {login!r} must now wait {math.ceil(lock.wait_s)} seconds", lock
            )
        return PinRefused(f"login or PIN not accepted ({lock.attempts_left} more tries before a wait)", lock)

    def log_in(self, entrance: str, desk: str, login: str, pin: str) -> StaffMember:
        """Start (or unlock) a shift at a desk: the PIN, then whether this member works at this entrance."""
        member = self.check_pin(login, pin, "log in", Station(entrance, desk, ""))
        return self.staff_at(Station(entrance, desk, member.login))

    def authorise_supervisor(self, login: str, pin: str, reason: str, where: Station | None = None) -> StaffMember:
        """A supervisor's decision: their PIN, their role, and a reason for the log."""
        if not reason.strip():
            raise StaffError("a supervisor decision needs a reason")
        member = self.check_pin(login, pin, reason.strip()[:120], where)
        if member.role is not Role.SUPERVISOR:
            raise StaffError("supervisor login or PIN not accepted")
        return member

    # --- roles and entrances --------------------------------------------------------------------------------

    def staff_at(self, station: Station) -> StaffMember:
        """The station's staff member, if they may work at that entrance."""
        if station.entrance not in self._event.entrances:
            known = ", ".join(self._event.entrances)
            raise StaffError(f"unknown entrance {station.entrance!r} (this event has: {known})")
        if not _DESK.fullmatch(station.desk):
            raise StaffError(f"desk {station.desk!r}: a desk's name is 1-16 letters, digits, '.', '_' or '-'")
        member = self._store.staff.get(station.staff)
        if member is None or not member.active:
            raise NotAtThisDesk(f"no active staff member {station.staff!r}", member)
        kind = ROLE_ISSUES.get(member.role)
        if kind is not None and kind not in self._event.entrances[station.entrance].issues:
            home = self._event.entrance_for(kind)
            raise NotAtThisDesk(
                f"{member.full_name} is {member.role.value} staff and works at the {home.name}", member, home.key
            )
        return member

    # --- accounts -------------------------------------------------------------------------------------------

    def add_staff(self, member: StaffMember, pin: str, by: str, where: Station | None = None) -> StaffMember:
        """Add an account with its PIN; the log says who added whom."""
        if problem := text_problem(member.full_name):
            raise StaffError(f"the full name {problem}")
        member = StaffMember(member.login.strip(), nfc(member.full_name), member.role, member.active)
        if not _LOGIN.fullmatch(member.login) or not member.full_name:
            raise StaffError("a member of staff needs a login (1-32 letters, digits, '.', '_' or '-') and a full name")
        if problem := pin_problem(pin, supervisor=member.role is Role.SUPERVISOR):
            raise StaffError(problem)
        with self._store.transaction():
            self._store.staff.add(member, pin, self._clock.now())
            detail = {"login": member.login, "role": member.role.value}
            detail |= state_detail(staff_state(self._store, member.login))
            self._journal.record(Action.STAFF_ADDED, where, staff=by, detail=detail)
        return member

    def set_active(self, login: str, active: bool, by: str, where: Station | None = None) -> None:
        """Stop a member from logging in (or let them again); their past work stays in the log.

        Nobody disables their own login, and the last active supervisor stays: someone must be able to decide.
        """
        if not active and login == by:
            raise StaffError("nobody can disable their own login")
        with self._store.transaction():
            member = self._store.staff.get(login)
            supervisors = [m for m in self._store.staff.all() if m.role is Role.SUPERVISOR and m.active]
            if not active and member is not None and [m.login for m in supervisors] == [login]:
                raise StaffError(f"{login} is the last active supervisor: add another one first")
            if not self._store.staff.set_active(login, active):
                raise StaffError(f"no staff member {login!r}")
            action = Action.STAFF_ENABLED if active else Action.STAFF_DISABLED
            detail = {"login": login} | state_detail(staff_state(self._store, login))
            self._journal.record(action, where, staff=by, detail=detail)

    def members(self) -> list[StaffMember]:
        return self._store.staff.all()

    def display_name(self, login: str) -> str:
        """'Anna Counter (anna)', or the login alone when the account is gone."""
        member = self._store.staff.get(login)
        return f"{member.full_name} ({member.login})" if member else login


def _real_time(detail: dict[str, str], logged: datetime) -> datetime:
    """When a PIN entry was really made (entries written before this was kept carry only the log's time)."""
    try:
        return from_utc_text(detail[_REAL_TIME])
    except (KeyError, ValueError):
        return logged
