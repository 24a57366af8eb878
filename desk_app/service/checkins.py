"""The check-in workflow: scan -> look up -> decide -> issue -> log.

The decision, the badge and the log entry are written in one transaction: a desk that dies halfway leaves
either all of them or none, and two desks racing for the same person are serialised by the database.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from desk_app.core.clock import Clock, to_utc_text
from desk_app.core.codes import CodeReading, read_code
from desk_app.core.event import EventConfig
from desk_app.core.model import (
    Action,
    Application,
    Badge,
    BadgeState,
    Card,
    CardState,
    CodeStatus,
    Evidence,
    LogEntry,
    Outcome,
    PresentedDocument,
    PresentedPress,
    Reason,
    Verdict,
)
from desk_app.core.rules import CardStep, Case, awaits_counter, card_step, card_withheld, decide, standing_forgery
from desk_app.core.state import state_detail
from desk_app.core.text import printable
from desk_app.errors import StaffError, StoreError
from desk_app.service.access import Access
from desk_app.service.audit import badge_state, card_state
from desk_app.service.journal import Journal, Station
from desk_app.service.stock import SERVED_AT_THE_DESK, void_card
from desk_app.store import Store

MAX_LOGGED_CODE = 64


@dataclass(frozen=True)
class CheckinResult:
    """A decision made and logged; ``badge`` is the badge it reserved or issued, if any.

    ``card`` is the person's card printed in advance, if one is in a box for them (or the one just handed over):
    with ``awaiting_card`` the person passed every check and the clerk must take that card and scan it.
    """

    reference: str
    code: CodeStatus
    verdict: Verdict
    application: Application | None
    badge: Badge | None
    log_entry: LogEntry
    card: Card | None = None
    step: CardStep = CardStep.PRINT

    @property
    def awaiting_card(self) -> bool:
        return self.step is CardStep.AWAIT_CARD

    @property
    def card_flagged(self) -> bool:
        """A card waits in a box for this person that must not be handed over (``core.rules.card_withheld``: the
        application is no longer approved, or no longer what the card printed); a supervisor voids it."""
        return card_withheld(self.card, self.application) is not None


@dataclass(frozen=True)
class ScanResult:
    """What a scan says before any document is shown.

    ``final``: an earlier stage of the rules settled it (refused, redirected, already issued); it was logged as a
    CHECKIN. Otherwise the counter's check decides next: ``verdict`` is the verdict so far (the documents not yet
    shown) and the scan was logged as a LOOKUP.
    """

    reference: str
    code: CodeStatus
    verdict: Verdict
    application: Application | None
    final: bool
    log_entry: LogEntry


class Checkins:
    """Check-ins, overrides, voids and the purge for one desk service."""

    def __init__(
        self,
        store: Store,
        event: EventConfig,
        clock: Clock,
        journal: Journal,
        access: Access,
        keys: Mapping[str, Ed25519PublicKey],
    ) -> None:
        self._store = store
        self._event = event
        self._clock = clock
        self._journal = journal
        self._access = access
        self._keys = keys

    def read_code(self, text: str) -> CodeReading:
        """The reference a scanned or typed code stands for, and how far it can be trusted."""
        reading = read_code(text, self._event.id, self._keys)
        return dataclasses.replace(reading, reference=reading.reference[:MAX_LOGGED_CODE])

    def scan(self, station: Station, code_text: str) -> ScanResult:
        """Look a code up and decide as far as the code and the list allow; one transaction, one code check."""
        self._access.staff_at(station)
        with self._store.transaction():
            case = self._case(station, code_text, None, None)
            verdict = decide(case)
            final = not awaits_counter(verdict)
            if final:
                entry = self._log_verdict(station, case, verdict, {}, {})
            else:
                detail = _code_detail(case) | {"preview": verdict.outcome.value}
                entry = self._journal.record(
                    Action.LOOKUP,
                    station,
                    reference=case.reference,
                    reasons=verdict.reasons,
                    detail=detail,
                    at=case.now,
                )
        return ScanResult(case.reference, case.evidence.code, verdict, case.application, final, entry)

    def check_in(
        self,
        station: Station,
        code_text: str,
        document: PresentedDocument | None = None,
        press: PresentedPress | None = None,
        printing: bool = False,
        face_matches: bool | None = None,
        card: str | None = None,
    ) -> CheckinResult:
        """Decide, issue if the verdict says so, and log; one transaction.

        With ``printing`` the badge is recorded as PRINTING: the person is not served until the badge issuer sees
        the job complete, and no other desk can serve them meanwhile. A person whose card was printed in advance
        is served only with ``card``, the serial scanned from that card (see ``core.rules.card_step``).
        """
        self._access.staff_at(station)
        with self._store.transaction():
            case = self._case(station, code_text, document, press, face_matches)
            return self._serve(station, case, decide(case), printing, card, {})

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
        card: str | None = None,
    ) -> CheckinResult:
        """A supervisor accepts a doubtful ID or press card: only a NEEDS_SUPERVISOR verdict can be overridden."""
        supervisor = self._access.authorise_supervisor(supervisor, supervisor_pin, reason, station).login
        self._access.staff_at(station)
        with self._store.transaction():
            case = self._case(station, code_text, document, press, face_matches)
            verdict = decide(case)
            if verdict.outcome is not Outcome.NEEDS_SUPERVISOR:
                raise StaffError(f"nothing to override: the verdict is {verdict.outcome.value}")
            accepted = Verdict(Outcome.ISSUE, (*verdict.reasons, Reason.SUPERVISOR_OVERRIDE))
            return self._serve(station, case, accepted, printing, card, {"supervisor": supervisor, "reason": reason})

    def _serve(
        self,
        station: Station,
        case: Case,
        verdict: Verdict,
        printing: bool,
        scanned: str | None,
        override: dict[str, str],
    ) -> CheckinResult:
        """After the rules (and a supervisor): hand a card over, wait for it, issue a badge, or refuse; logged.

        ``override`` holds the supervisor and their reason when a supervisor accepted the case: it is logged as an
        OVERRIDE instead of a CHECKIN.
        """
        waiting = self._store.cards.waiting_for(case.reference) if case.application else None
        # A card withheld (its details differ from the list's now, or its kind) is never this person's to take: it
        # stays in its box for a supervisor. An unprinted card of another kind is voided below.
        usable = (
            waiting is not None
            and case.application is not None
            and waiting.kind is case.application.kind
            and card_withheld(waiting, case.application) is None
        )
        verdict, step = card_step(verdict, waiting if usable else None, scanned, self._withheld(case, scanned, usable))
        card_detail = _card_detail(waiting, scanned)
        if step is CardStep.AWAIT_CARD:
            assert waiting is not None
            detail = _code_detail(case) | card_detail | {"preview": verdict.outcome.value} | override
            entry = self._journal.record(
                Action.LOOKUP, station, reference=case.reference, reasons=verdict.reasons, detail=detail, at=case.now
            )
            return CheckinResult(
                case.reference, case.evidence.code, verdict, case.application, None, entry, waiting, step
            )
        badge, changed = None, card_detail
        if step is CardStep.HAND_OVER:
            assert waiting is not None
            if not self._store.cards.hand_over(waiting.serial, case.now):
                raise StoreError(f"card {waiting.serial} is no longer in its box")
            badge = self._store.badges.hand_over(waiting, case.now, station.entrance, station.desk, station.staff)
            waiting = self._store.cards.get(waiting.serial)
            changed |= state_detail(card_state(self._store, badge.serial))
            printing = False
        elif step is CardStep.PRINT:
            if waiting is not None and waiting.state is CardState.RESERVED:  # never printed: no longer owed
                void_card(self._store, self._journal, waiting, SERVED_AT_THE_DESK, case.now, station.staff, station)
                waiting, changed = None, _card_detail(None, scanned)
            badge = self._new_badge(station, case, printing)
        states = badge_state(self._store, badge.serial) if badge else {}
        if override and badge is not None:
            detail = override | {"code": case.evidence.code.value, "serial": badge.serial} | changed
            entry = self._journal.record(
                Action.OVERRIDE,
                station,
                reference=case.reference,
                outcome=Outcome.ISSUE,
                reasons=verdict.reasons,
                detail=detail | state_detail(states),
                at=case.now,
            )
        else:  # a check-in, or an override refused at the hand-over (the wrong card): the supervisor is named
            entry = self._log_verdict(station, case, verdict, states, changed | override)
        if badge is not None and not printing:
            self._log_issue(station, case, verdict, badge, states)
        return CheckinResult(case.reference, case.evidence.code, verdict, case.application, badge, entry, waiting, step)

    def _withheld(self, case: Case, scanned: str | None, usable: bool) -> bool:
        """Whether the card scanned is this person's but may not be handed over: void, or withheld in its box."""
        card = self._store.cards.get(scanned.strip().upper()) if scanned else None
        if card is None or card.reference != case.reference:
            return False
        return card.state is CardState.VOIDED or (card.state is CardState.PREPRINTED and not usable)

    def void_badge(self, station: Station, supervisor: str, supervisor_pin: str, serial: str, reason: str) -> Badge:
        """Void an issued badge (lost, damaged, handed to the wrong person); the person may be served again."""
        supervisor = self._access.authorise_supervisor(supervisor, supervisor_pin, reason, station).login
        self._access.staff_at(station)
        with self._store.transaction():
            now = self._clock.now()
            badge = self._store.badges.get(serial)
            if badge is None or not self._store.badges.void(serial, now, reason):
                raise StoreError(f"no active badge with serial {serial!r}")
            detail = {"serial": serial, "supervisor": supervisor, "reason": reason}
            detail |= state_detail(badge_state(self._store, serial))
            self._journal.record(Action.VOID, station, reference=badge.reference, detail=detail, at=now)
        return badge

    def purge_personal_data(self, supervisor: str, supervisor_pin: str) -> tuple[int, str]:
        """After the event, erase the applicants' personal data; refused while the event is still on.

        Returns how many applications were purged, and what is left for an administrator to do ("" when the
        files themselves were scrubbed and checked).
        """
        supervisor = self._access.authorise_supervisor(supervisor, supervisor_pin, "purge after the event").login
        now = self._clock.now()
        if self._event.local(now).date() <= self._event.last_day:
            raise StaffError(f"personal data can be purged only after the event (last day {self._event.last_day})")
        samples = self._store.applications.identifying_samples()
        with self._store.transaction():
            purged = self._store.applications.purge_personal_data()
            self._journal.record(Action.PURGE, staff=supervisor, detail={"applications": str(purged)}, at=now)
        left = self._store.scrub([s.encode("utf-8") for s in samples])
        return purged, left

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
        application = self._store.applications.get(reading.reference)
        # The kind letter is trusted only under a signature that verified: a forged letter stays INVALID_CODE.
        signed_kind = reading.kind if reading.status is CodeStatus.SIGNED_VALID else None
        if application and signed_kind and signed_kind is not application.kind:
            problem = f"the code says {signed_kind.value}, the list says {application.kind.value}"
            reading = dataclasses.replace(reading, status=CodeStatus.KIND_MISMATCH, problem=problem)
        active = self._store.badges.active_for(reading.reference) if application else None
        forgery = standing_forgery(self._store.log.for_reference(reading.reference)) if application else None
        evidence = Evidence(reading.status, document, press, face_matches)
        now = self._clock.now()
        return Case(
            self._event,
            station.entrance,
            evidence,
            application,
            active,
            now,
            reading.reference,
            reading.problem,
            forgery,
        )

    def _new_badge(self, station: Station, case: Case, printing: bool) -> Badge:
        """The person's badge: PRINTING while its job is out, ISSUED when handed over as it is."""
        application = case.application
        assert application is not None
        state = BadgeState.PRINTING if printing else BadgeState.ISSUED
        return self._store.badges.issue(
            application.reference, application.kind, case.now, station.entrance, station.desk, station.staff, state
        )

    def _log_issue(self, station: Station, case: Case, verdict: Verdict, badge: Badge, states: dict[str, str]) -> None:
        detail = {"serial": badge.serial, "kind": badge.kind.value} | state_detail(states)
        self._journal.record(
            Action.ISSUE,
            station,
            reference=badge.reference,
            outcome=Outcome.ISSUE,
            reasons=verdict.reasons,
            detail=detail,
            at=case.now,
        )

    def _log_verdict(
        self, station: Station, case: Case, verdict: Verdict, states: dict[str, str], extra: dict[str, str]
    ) -> LogEntry:
        detail = _code_detail(case) | extra | state_detail(states)
        if verdict.redirect_to:
            detail["redirect_to"] = verdict.redirect_to
        if verdict.prior_forgery:
            forgery = verdict.prior_forgery
            detail.update(
                forgery_seq=str(forgery.seq),
                forgery_at=to_utc_text(forgery.at),
                forgery_desk=forgery.desk,
                forgery_staff=forgery.staff,
            )
        if verdict.prior_badge:
            prior = verdict.prior_badge
            detail.update(
                prior_serial=prior.serial,
                prior_issued_at=to_utc_text(prior.issued_at),
                prior_entrance=prior.entrance,
                prior_desk=prior.desk,
                prior_staff=prior.staff,
            )
        return self._journal.record(
            Action.CHECKIN,
            station,
            reference=case.reference,
            outcome=verdict.outcome,
            reasons=verdict.reasons,
            detail=detail,
            at=case.now,
        )


def _card_detail(card: Card | None, scanned: str | None) -> dict[str, str]:
    """What the log keeps about a card printed in advance: the person's (and where it stands), the one scanned."""
    detail = {"card": card.serial, "box": str(card.box), "slot": str(card.slot)} if card else {}
    if scanned is not None:
        detail["scanned_card"] = printable(scanned[:MAX_LOGGED_CODE])
    return detail


def _code_detail(case: Case) -> dict[str, str]:
    """What the log keeps about the code read: its status, and why it was not accepted."""
    detail = {"code": case.evidence.code.value}
    if case.code_problem:
        detail["code_problem"] = case.code_problem
    return detail
