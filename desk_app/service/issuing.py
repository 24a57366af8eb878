"""Printing a badge at the desk and recording what came of it.

A badge counts as handed over only when its print job completed. A job that fails, stalls or cannot even be
sent leaves the person not served (the badge is marked PRINT_FAILED and the log says why), so the desk can try
again. A reprint (lost or damaged badge) needs a supervisor and voids the earlier serial.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from badges import BadgeData, render_badge, render_batch
from desk_app.core.clock import Clock
from desk_app.core.event import EventConfig
from desk_app.core.model import Action, Application, Badge, BadgeState, Outcome
from desk_app.core.state import state_detail
from desk_app.errors import NotFoundError, StoreError
from desk_app.printing.base import JobState, Printer, PrintError, PrintJob, PrintOutcome
from desk_app.service.access import Access
from desk_app.service.audit import badge_state
from desk_app.service.badging import badge_data
from desk_app.service.journal import Journal, Station
from desk_app.store import Store


@dataclass(frozen=True)
class PrintResult:
    badge: Badge  # ISSUED when handed over, PRINT_FAILED otherwise
    outcome: PrintOutcome

    @property
    def handed_over(self) -> bool:
        return self.badge.state is BadgeState.ISSUED


class BadgeDrawer:
    """Badge data and PDFs from the database: the one place an application and its photo become a badge."""

    def __init__(self, store: Store, event: EventConfig) -> None:
        self._store = store
        self._event = event

    def data(self, badge: Badge) -> BadgeData:
        application = self._store.applications.get(badge.reference)
        if application is None:
            raise NotFoundError(f"badge {badge.serial} names {badge.reference}, which is not in the list")
        return self.data_for(application, badge)

    def data_for(self, application: Application, badge: Badge) -> BadgeData:
        """What ``badge`` prints for ``application`` (read already), with its photo from the database."""
        photo = self._store.applications.photo(application.photo_sha256) if application.photo_sha256 else None
        return badge_data(application, badge, self._event, photo.data if photo else None)

    def render(self, badge: Badge, size: str) -> bytes:
        return render_badge(self.data(badge), size)

    def render_all(self, held: Sequence[Badge], size: str) -> bytes:
        """One PDF, a page per badge."""
        return render_batch([self.data(one) for one in held], size)


class BadgeIssuer:
    """Renders, prints and records badges for one desk on one printer."""

    def __init__(
        self,
        store: Store,
        clock: Clock,
        journal: Journal,
        access: Access,
        drawer: BadgeDrawer,
        printer: Printer,
        size: str = "card",
        timeout_s: float = 60.0,
    ) -> None:
        self._store = store
        self._clock = clock
        self._journal = journal
        self._access = access
        self._drawer = drawer
        self.printer = printer
        self.size = size
        self.timeout_s = timeout_s

    def with_printer(self, printer: Printer) -> BadgeIssuer:
        """The same issuer on another printer (the window wraps its printer to report progress)."""
        return BadgeIssuer(
            self._store, self._clock, self._journal, self._access, self._drawer, printer, self.size, self.timeout_s
        )

    def render(self, badge: Badge) -> bytes:
        """The badge's PDF, with the applicant's photo from the database."""
        return self._drawer.render(badge, self.size)

    def print_badge(self, station: Station, badge: Badge) -> PrintResult:
        """Send a PRINTING badge to the printer and wait for the job; may take seconds (run it off the GUI thread)."""
        try:
            job = self.printer.submit(self.render(badge), title=badge.serial)
        except PrintError as exc:
            return self._failed(station, badge, PrintOutcome(JobState.FAILED, str(exc), None), None)
        except Exception as exc:  # a rendering or driver bug must not leave the badge PRINTING for ever
            message = f"the badge could not be prepared for printing ({type(exc).__name__}: {exc})"
            return self._failed(station, badge, PrintOutcome(JobState.FAILED, message, None), None)
        self._log(station, badge, Action.PRINT, None, {"job": job.job_id, "printer": self.printer.describe()})
        outcome = self.printer.wait(job, self.timeout_s)
        if outcome.state is not JobState.COMPLETED:
            return self._failed(station, badge, outcome, job)
        with self._store.transaction():
            issued = self._store.badges.printed(badge.serial, self._clock.now())
            self._log(station, issued, Action.ISSUE, Outcome.ISSUE, {"job": job.job_id}, (issued.serial,))
        return PrintResult(issued, outcome)

    def reprint(self, station: Station, supervisor: str, supervisor_pin: str, serial: str, reason: str) -> PrintResult:
        """A supervisor replaces a lost or damaged badge: the earlier serial is voided, a new one printed."""
        supervisor = self._access.authorise_supervisor(supervisor, supervisor_pin, reason, station).login
        self._access.staff_at(station)
        with self._store.transaction():
            now = self._clock.now()
            old = self._store.badges.get(serial)
            if old is None or old.state is not BadgeState.ISSUED or not self._store.badges.void(serial, now, reason):
                raise StoreError(f"no handed-over badge with serial {serial!r} to replace")
            new = self._store.badges.issue(
                old.reference, old.kind, now, station.entrance, station.desk, station.staff, BadgeState.PRINTING
            )
            detail = {"voided_serial": serial, "serial": new.serial, "supervisor": supervisor, "reason": reason}
            self._log(station, new, Action.REPRINT, None, detail, (serial, new.serial))
        return self.print_badge(station, new)

    def recover_stalled(self, station: Station) -> list[PrintResult]:
        """At start-up: badges this desk was printing when it stopped are failed prints (the card may be in the
        tray, but nobody saw it handed over), so their holders can be served again. Call it before the desk serves."""
        outcome = PrintOutcome(JobState.FAILED, "the desk stopped before the print finished: print the badge again")
        stalled = self._store.badges.printing_at(station.entrance, station.desk)
        return [self._failed(station, badge, outcome, None) for badge in stalled]

    def _failed(self, station: Station, badge: Badge, outcome: PrintOutcome, job: PrintJob | None) -> PrintResult:
        with self._store.transaction():
            self._store.badges.print_failed(badge.serial, self._clock.now(), outcome.message)
            detail = {"state": outcome.state.value, "message": outcome.message}
            if job is not None:
                detail["job"] = job.job_id
            self._log(station, badge, Action.PRINT_FAILED, None, detail, (badge.serial,))
            failed = self._store.badges.get(badge.serial)
        assert failed is not None
        return PrintResult(failed, outcome)

    def _log(
        self,
        station: Station,
        badge: Badge,
        action: Action,
        outcome: Outcome | None,
        detail: dict[str, str],
        changed: tuple[str, ...] = (),
    ) -> None:
        """One entry about ``badge``; ``changed``: the serials whose rows this change wrote (their state is logged)."""
        states = state_detail(badge_state(self._store, *changed))
        self._journal.record(
            action,
            station,
            reference=badge.reference,
            outcome=outcome,
            detail={"serial": badge.serial, "kind": badge.kind.value, **detail, **states},
        )
