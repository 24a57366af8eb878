"""Printing a badge at the desk and recording what came of it.

A badge counts as handed over only when its print job completed. A job that fails, stalls or cannot even be
sent leaves the person not served (the badge is marked PRINT_FAILED and the log says why), so the desk can try
again. A reprint (lost or damaged badge) needs a supervisor and voids the earlier serial.
"""

from __future__ import annotations

from dataclasses import dataclass

from badges import render_badge
from desk_app.badging import badge_data
from desk_app.core.model import Action, Badge, BadgeState, LogRecord, Outcome
from desk_app.desk import Desk, Station
from desk_app.errors import StoreError
from desk_app.printing.base import JobState, Printer, PrintError, PrintJob, PrintOutcome


@dataclass(frozen=True)
class PrintResult:
    badge: Badge  # ISSUED when handed over, PRINT_FAILED otherwise
    outcome: PrintOutcome

    @property
    def handed_over(self) -> bool:
        return self.badge.state is BadgeState.ISSUED


class BadgeIssuer:
    """Renders, prints and records badges for one desk."""

    def __init__(self, desk: Desk, printer: Printer, size: str = "card", timeout_s: float = 60.0) -> None:
        self.desk = desk
        self.printer = printer
        self.size = size
        self.timeout_s = timeout_s

    def render(self, badge: Badge) -> bytes:
        """The badge's PDF, with the applicant's photo from the database."""
        store = self.desk.store
        application = store.applications.get(badge.reference)
        if application is None:
            raise StoreError(f"no application {badge.reference} for badge {badge.serial}")
        photo = store.applications.photo(application.photo_sha256) if application.photo_sha256 else None
        data = badge_data(application, badge, self.desk.event, photo.data if photo else None)
        return render_badge(data, self.size)

    def print_badge(self, station: Station, badge: Badge) -> PrintResult:
        """Send a PRINTING badge to the printer and wait for the job; may take seconds (run it off the GUI thread)."""
        try:
            job = self.printer.submit(self.render(badge), title=badge.serial)
        except PrintError as exc:
            return self._failed(station, badge, PrintOutcome(JobState.FAILED, str(exc), None), None)
        except Exception as exc:  # a rendering or driver bug must not leave the badge PRINTING for ever
            message = f"the badge could not be prepared for printing ({type(exc).__name__}: {exc})"
            return self._failed(station, badge, PrintOutcome(JobState.FAILED, message, None), None)
        self._log(station, badge, Action.PRINT, "", {"job": job.job_id, "printer": self.printer.describe()})
        outcome = self.printer.wait(job, self.timeout_s)
        if outcome.state is not JobState.COMPLETED:
            return self._failed(station, badge, outcome, job)
        store = self.desk.store
        with store.transaction():
            issued = store.badges.printed(badge.serial, self.desk.clock.now())
            self._log(station, issued, Action.ISSUE, Outcome.ISSUE.value, {"job": job.job_id})
        return PrintResult(issued, outcome)

    def reprint(self, station: Station, supervisor: str, supervisor_pin: str, serial: str, reason: str) -> PrintResult:
        """A supervisor replaces a lost or damaged badge: the earlier serial is voided, a new one printed."""
        desk, store = self.desk, self.desk.store
        desk.authorise_supervisor(supervisor, supervisor_pin, reason)
        desk.staff_at(station)
        with store.transaction():
            now = desk.clock.now()
            old = store.badges.get(serial)
            if old is None or old.state is not BadgeState.ISSUED or not store.badges.void(serial, now, reason):
                raise StoreError(f"no handed-over badge with serial {serial!r} to replace")
            new = store.badges.issue(
                old.reference, old.kind, now, station.entrance, station.desk, station.staff, BadgeState.PRINTING
            )
            detail = {"voided_serial": serial, "serial": new.serial, "supervisor": supervisor, "reason": reason}
            self._log(station, new, Action.REPRINT, "", detail)
        return self.print_badge(station, new)

    def recover_stalled(self, station: Station) -> list[PrintResult]:
        """At start-up: badges this desk was printing when it stopped are failed prints (the card may be in the
        tray, but nobody saw it handed over), so their holders can be served again. Call it before the desk serves."""
        outcome = PrintOutcome(JobState.FAILED, "the desk stopped before the print finished: print the badge again")
        stalled = self.desk.store.badges.printing_at(station.entrance, station.desk)
        return [self._failed(station, badge, outcome, None) for badge in stalled]

    def _failed(self, station: Station, badge: Badge, outcome: PrintOutcome, job: PrintJob | None) -> PrintResult:
        store = self.desk.store
        with store.transaction():
            store.badges.print_failed(badge.serial, self.desk.clock.now(), outcome.message)
            detail = {"state": outcome.state.value, "message": outcome.message}
            if job is not None:
                detail["job"] = job.job_id
            self._log(station, badge, Action.PRINT_FAILED, "", detail)
            failed = store.badges.get(badge.serial)
        assert failed is not None
        return PrintResult(failed, outcome)

    def _log(self, station: Station, badge: Badge, action: Action, outcome: str, detail: dict[str, str]) -> None:
        self.desk.store.log.append(
            LogRecord(
                self.desk.clock.now(),
                action,
                station.entrance,
                station.desk,
                station.staff,
                badge.reference,
                outcome,
                (),
                {"serial": badge.serial, "kind": badge.kind.value, **detail},
            )
        )
