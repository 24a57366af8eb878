"""The check-in workflow as one Qt-free service: scan -> look up -> decide -> issue -> log.

The decision, the badge and the log entry are written in one transaction: a desk that dies halfway leaves
either all of them or none, and two desks racing for the same person are serialised by the database.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime

from desk_app.config import parse_event
from desk_app.core.clock import Clock, to_utc_text
from desk_app.core.codes import CodeReading, read_code
from desk_app.core.event import EventConfig
from desk_app.core.model import (
    AccreditationKind,
    Action,
    Application,
    Badge,
    BadgeState,
    CodeStatus,
    Evidence,
    LogEntry,
    LogRecord,
    Outcome,
    PresentedDocument,
    PresentedPress,
    Reason,
    Role,
    StaffMember,
    Verdict,
)
from desk_app.core.rules import Case, decide
from desk_app.errors import StaffError, StoreError
from desk_app.keys import verify_keys
from desk_app.store import Store
from desk_app.store.meta import EVENT_CONFIG_KEY

MAX_LOGGED_CODE = 64
_ROLE_ISSUES = {Role.COUNTER: AccreditationKind.MINISTERIAL, Role.PASS_OFFICE: AccreditationKind.ANNUAL}


@dataclass(frozen=True)
class Station:
    """Where and by whom a check-in is done."""

    entrance: str
    desk: str
    staff: str


@dataclass(frozen=True)
class Lookup:
    """What a scan says before any document is shown: the verdict so far."""

    reference: str
    code: CodeStatus
    verdict: Verdict
    application: Application | None
    code_problem: str = ""


@dataclass(frozen=True)
class CheckinResult:
    reference: str
    code: CodeStatus
    verdict: Verdict
    application: Application | None
    badge: Badge | None
    log_entry: LogEntry


def install_event(store: Store, text: str, source: str, at: datetime, staff: str = "") -> EventConfig:
    """Make ``text`` the database's event config; refuses to switch a database that serves another event."""
    event = parse_event(text, source)
    with store.transaction():
        current = store.meta.get(EVENT_CONFIG_KEY)
        if current is not None:
            current_id = parse_event(current, "database event config").id
            if current_id != event.id:
                raise StoreError(f"{store.location} serves event {current_id!r}, not {event.id!r}")
        store.meta.put(EVENT_CONFIG_KEY, text)
        store.log.append(
            LogRecord(at, Action.EVENT_CONFIGURED, staff=staff, detail={"event": event.id, "source": source})
        )
    return event


def event_of(store: Store) -> EventConfig | None:
    text = store.meta.get(EVENT_CONFIG_KEY)
    return parse_event(text, f"{store.location} event config") if text is not None else None


class Desk:
    """One desk's view of the event: check-ins, overrides and voids, all logged."""

    def __init__(self, store: Store, event: EventConfig, clock: Clock) -> None:
        self.store = store
        self.event = event
        self.clock = clock
        self.keys = verify_keys(store)

    def staff_at(self, station: Station) -> StaffMember:
        """The station's staff member, if they may work at that entrance."""
        if station.entrance not in self.event.entrances:
            known = ", ".join(self.event.entrances)
            raise StaffError(f"unknown entrance {station.entrance!r} (this event has: {known})")
        member = self.store.staff.get(station.staff)
        if member is None or not member.active:
            raise StaffError(f"no active staff member {station.staff!r}")
        kind = _ROLE_ISSUES.get(member.role)
        if kind is not None and kind not in self.event.entrances[station.entrance].issues:
            where = self.event.entrance_for(kind).name
            raise StaffError(f"{member.full_name} is {member.role.value} staff and works at the {where}")
        return member

    def read_code(self, text: str) -> CodeReading:
        """The reference a scanned or typed code stands for, and how far it can be trusted."""
        reading = read_code(text, self.event.id, self.keys)
        return dataclasses.replace(reading, reference=reading.reference[:MAX_LOGGED_CODE])

    def preview(self, station: Station, code_text: str) -> Lookup:
        """Where the person stands before their documents are checked; reads only (see ``log_lookup``)."""
        self.staff_at(station)
        case = self._case(station, code_text, None, None)
        return Lookup(case.reference, case.evidence.code, decide(case), case.application, case.code_problem)

    def log_lookup(self, station: Station, lookup: Lookup) -> LogEntry:
        """Log a preview as a LOOKUP, so a person who walks away before the check-in still leaves a trace."""
        detail = {"code": lookup.code.value, "preview": lookup.verdict.outcome.value}
        if lookup.code_problem:
            detail["code_problem"] = lookup.code_problem
        return self.store.log.append(
            LogRecord(
                self.clock.now(),
                Action.LOOKUP,
                station.entrance,
                station.desk,
                station.staff,
                lookup.reference,
                "",
                tuple(r.value for r in lookup.verdict.reasons),
                detail,
            )
        )

    def check_in(
        self,
        station: Station,
        code_text: str,
        document: PresentedDocument | None = None,
        press: PresentedPress | None = None,
        printing: bool = False,
        face_matches: bool | None = None,
    ) -> CheckinResult:
        """Decide, issue if the verdict says so, and log; one transaction.

        With ``printing`` the badge is recorded as PRINTING: the person is not served until
        ``desk_app.issuing.BadgeIssuer`` sees the job complete, and no other desk can serve them meanwhile.
        """
        self.staff_at(station)
        with self.store.transaction():
            case = self._case(station, code_text, document, press, face_matches)
            verdict = decide(case)
            entry = self._log_verdict(station, case, verdict)
            badge = None
            if verdict.issues_badge:
                badge = self._start_print(station, case) if printing else self._issue(station, case, verdict)
        return CheckinResult(case.reference, case.evidence.code, verdict, case.application, badge, entry)

    def override(
        self,
        station: Station,
        supervisor: str,
        supervisor_pin: str,
        reason: str,
        code_text: str,
        document: PresentedDocument | None = None,
        press: PresentedPress | None = None,
        printing: bool = False,
        face_matches: bool | None = None,
    ) -> CheckinResult:
        """A supervisor accepts a doubtful ID or press card: only a NEEDS_SUPERVISOR verdict can be overridden."""
        self.authorise_supervisor(supervisor, supervisor_pin, reason)
        self.staff_at(station)
        with self.store.transaction():
            case = self._case(station, code_text, document, press, face_matches)
            verdict = decide(case)
            if verdict.outcome is not Outcome.NEEDS_SUPERVISOR:
                raise StaffError(f"nothing to override: the verdict is {verdict.outcome.value}")
            accepted = Verdict(Outcome.ISSUE, (*verdict.reasons, Reason.SUPERVISOR_OVERRIDE))
            entry = self.store.log.append(
                LogRecord(
                    case.now,
                    Action.OVERRIDE,
                    station.entrance,
                    station.desk,
                    station.staff,
                    case.reference,
                    Outcome.ISSUE.value,
                    tuple(r.value for r in accepted.reasons),
                    {"supervisor": supervisor, "reason": reason, "code": case.evidence.code.value},
                )
            )
            badge = self._start_print(station, case) if printing else self._issue(station, case, accepted)
        return CheckinResult(case.reference, case.evidence.code, accepted, case.application, badge, entry)

    def void_badge(self, station: Station, supervisor: str, supervisor_pin: str, serial: str, reason: str) -> Badge:
        """Void an issued badge (lost, damaged, handed to the wrong person); the person may be served again."""
        self.authorise_supervisor(supervisor, supervisor_pin, reason)
        with self.store.transaction():
            now = self.clock.now()
            badge = self.store.badges.get(serial)
            if badge is None or not self.store.badges.void(serial, now, reason):
                raise StoreError(f"no active badge with serial {serial!r}")
            self.store.log.append(
                LogRecord(
                    now,
                    Action.VOID,
                    station.entrance,
                    station.desk,
                    station.staff,
                    badge.reference,
                    detail={"serial": serial, "supervisor": supervisor, "reason": reason},
                )
            )
        return badge

    def purge_personal_data(self, supervisor: str, supervisor_pin: str) -> int:
        """After the event, erase the applicants' personal data; refused while the event is still on."""
        self.authorise_supervisor(supervisor, supervisor_pin, "purge after the event")
        now = self.clock.now()
        if self.event.local(now).date() <= self.event.last_day:
            raise StaffError(f"personal data can be purged only after the event (last day {self.event.last_day})")
        with self.store.transaction():
            purged = self.store.applications.purge_personal_data()
            self.store.log.append(LogRecord(now, Action.PURGE, staff=supervisor, detail={"applications": str(purged)}))
        return purged

    def authorise_supervisor(self, supervisor: str, pin: str, reason: str) -> None:
        member = self.store.staff.get(supervisor)
        if member is None or member.role is not Role.SUPERVISOR or not self.store.staff.check_pin(supervisor, pin):
            raise StaffError("supervisor login or PIN not accepted")
        if not reason.strip():
            raise StaffError("a supervisor decision needs a reason")

    def _case(
        self,
        station: Station,
        code_text: str,
        document: PresentedDocument | None,
        press: PresentedPress | None,
        face_matches: bool | None = None,
    ) -> Case:
        """What the rules need, read inside the caller's transaction so no other desk can change it meanwhile."""
        reading = self.read_code(code_text)
        application = self.store.applications.get(reading.reference)
        if application and reading.kind and reading.kind is not application.kind:
            problem = f"the code says {reading.kind.value}, the list says {application.kind.value}"
            reading = dataclasses.replace(reading, status=CodeStatus.KIND_MISMATCH, problem=problem)
        active = self.store.badges.active_for(reading.reference) if application else None
        evidence = Evidence(reading.status, document, press, face_matches)
        now = self.clock.now()
        return Case(
            self.event, station.entrance, evidence, application, active, now, reading.reference, reading.problem
        )

    def _start_print(self, station: Station, case: Case) -> Badge:
        application = case.application
        assert application is not None
        return self.store.badges.issue(
            application.reference,
            application.kind,
            case.now,
            station.entrance,
            station.desk,
            station.staff,
            BadgeState.PRINTING,
        )

    def _issue(self, station: Station, case: Case, verdict: Verdict) -> Badge:
        application = case.application
        assert application is not None
        badge = self.store.badges.issue(
            application.reference, application.kind, case.now, station.entrance, station.desk, station.staff
        )
        self.store.log.append(
            LogRecord(
                case.now,
                Action.ISSUE,
                station.entrance,
                station.desk,
                station.staff,
                application.reference,
                Outcome.ISSUE.value,
                tuple(r.value for r in verdict.reasons),
                {"serial": badge.serial, "kind": badge.kind.value},
            )
        )
        return badge

    def _log_verdict(self, station: Station, case: Case, verdict: Verdict) -> LogEntry:
        detail = {"code": case.evidence.code.value}
        if case.code_problem:
            detail["code_problem"] = case.code_problem
        if verdict.redirect_to:
            detail["redirect_to"] = verdict.redirect_to
        if verdict.prior_badge:
            prior = verdict.prior_badge
            detail.update(
                prior_serial=prior.serial,
                prior_issued_at=to_utc_text(prior.issued_at),
                prior_entrance=prior.entrance,
                prior_desk=prior.desk,
                prior_staff=prior.staff,
            )
        return self.store.log.append(
            LogRecord(
                case.now,
                Action.CHECKIN,
                station.entrance,
                station.desk,
                station.staff,
                case.reference,
                verdict.outcome.value,
                tuple(r.value for r in verdict.reasons),
                detail,
            )
        )
