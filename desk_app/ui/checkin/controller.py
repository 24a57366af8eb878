"""Runs the check-in screen's work off the GUI thread: look-ups, check-ins, overrides, searches, decoding, printing.

Threads: two lanes, each a ``QThreadPool`` of one thread, so each runs its jobs one after the other in order.

- The desk lane looks people up, checks them in, applies overrides, searches names and decodes scanned files. One
  thread means a person's check-in never overtakes their look-up, and an Enter pressed twice is decided twice in
  order (the second gets "already issued"), never at once.
- The printer lane runs ``BadgeIssuer.print_badge``, which waits for the printer (seconds, up to the issuer's
  timeout); while it waits the desk lane stays free, so the next person can be scanned and looked up.

Both lanes use the session's one ``DeskService``: its write transactions are serialised by the store's lock and
SQLite runs in serialised mode (PostgreSQL connections are thread-safe). The GUI thread calls the service only for
short things (logging in, the supervisor pages); everything at the counter goes through the lanes.
Results come back as queued signals carrying the *ticket* the screen gave the request, so the screen ignores the
answer about a person it has already moved on from. A print result is always delivered: it is about a badge.

Errors a person can cause arrive as ``failed`` with the ``DeskError``'s message; anything else is logged with its
traceback and reported in the same way, so staff never see a traceback.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThreadPool, Signal
from PySide6.QtGui import QImage

from desk_app.core.codes import looks_signed
from desk_app.core.model import (
    Application,
    Badge,
    BadgeState,
    Card,
    CodeStatus,
    PresentedDocument,
    PresentedPress,
    Verdict,
)
from desk_app.errors import DeskError
from desk_app.scan.decode import DecodeError, scan_file
from desk_app.service import (
    AbandonedBy,
    BadgeIssuer,
    CheckinResult,
    DeskService,
    JobState,
    Printer,
    PrintJob,
    PrintOutcome,
    PrintResult,
    Station,
)
from desk_app.ui.checkin.cards import CardLookup
from desk_app.ui.checkin.search import THUMBNAIL, SearchHit
from desk_app.ui.checkin.texts import fill

log = logging.getLogger(__name__)

SEARCH_LIMIT = 20


class PrintStage(enum.Enum):
    PREPARING = "preparing"  # the badge is recorded and being drawn
    SENDING = "sending"  # handed to the printer
    PRINTING = "printing"  # the printer accepted the job; waiting for it to finish


@dataclass(frozen=True)
class Lookup:
    """A scanned or typed code, looked up.

    ``final``: the verdict does not depend on the ID check (refused, redirected, already issued): the service
    decided it and logged it as a check-in. Otherwise ``verdict`` is the verdict so far with the documents not yet
    shown (its reasons are all ID-check reasons, such as DOCUMENT_EXPIRED), the scan was logged as a lookup, and the
    ID check comes next.

    ``card`` is the person's card printed in advance when the verdict is final (a card still in its box for someone
    refused must not be handed over: ``cards.flagged``).
    """

    code_text: str
    reference: str
    code: CodeStatus
    application: Application | None
    photo: QImage | None
    verdict: Verdict
    final: bool
    prior_staff: str = ""
    prior_supervisor: str = ""  # who authorised the badge already issued, when a supervisor did
    card: Card | None = None


@dataclass(frozen=True)
class Decision:
    """The answer to Enter (a check-in with the ID check's evidence) or to a supervisor's override."""

    result: CheckinResult
    prior_staff: str = ""
    prior_supervisor: str = ""


class _ReportingPrinter:
    """The session's printer, saying when a badge is sent and when the printer has it."""

    def __init__(self, printer: Printer, report: Callable[[str, PrintStage], None]) -> None:
        self._printer = printer
        self._report = report

    def describe(self) -> str:
        return self._printer.describe()

    def submit(self, pdf: bytes, title: str) -> PrintJob:
        self._report(title, PrintStage.SENDING)
        job = self._printer.submit(pdf, title)
        self._report(title, PrintStage.PRINTING)
        return job

    def wait(self, job: PrintJob, timeout_s: float) -> PrintOutcome:
        return self._printer.wait(job, timeout_s)


class CheckinController(QObject):
    """The check-in screen's worker: every call returns at once and answers with a signal.

    Args:
        desk: the service.
        issuer: prints badges; its printer is wrapped to report progress.
        station: where and by whom.

    Signals:
        looked_up(int, object): ticket, :class:`Lookup`.
        decided(int, object): ticket, :class:`Decision` (after Enter, an override or a card scanned for the hand-over);
            a badge recorded as PRINTING goes on to print (a card handed over or awaited does not).
        print_stage(int, str, str): ticket, badge serial, :class:`PrintStage` value.
        printed(int, object): ticket, ``PrintResult``: handed over, or not (the printer's message; also when the
            badge could not even be drawn, then the badge may still be recorded as printing).
        searched(int, object): search ticket, list of :class:`SearchHit`.
        decoded(int, object): ticket, the texts of the codes found in a scanned file.
        card_identified(int, object): ticket, :class:`CardLookup` for a card scanned out of turn.
        failed(int, str, str): ticket, what failed (``look_up``, ``check_in``, ``override``, ``hand_over`` (a check-in
            or override with a card's serial), ``identify_card``, ``search``, ``decode``, ``abandon``), and a sentence
            for staff.
    """

    looked_up = Signal(int, object)
    decided = Signal(int, object)
    print_stage = Signal(int, str, str)
    printed = Signal(int, object)
    searched = Signal(int, object)
    decoded = Signal(int, object)
    card_identified = Signal(int, object)
    failed = Signal(int, str, str)

    def __init__(self, desk: DeskService, issuer: BadgeIssuer, station: Station, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.station = station
        self._print_ticket = 0
        self.issuer = issuer.with_printer(_ReportingPrinter(issuer.printer, self._report_stage))
        self._desk_lane = QThreadPool(self)
        self._desk_lane.setMaxThreadCount(1)
        self._printer_lane = QThreadPool(self)
        self._printer_lane.setMaxThreadCount(1)
        self._closed = False
        if (app := QCoreApplication.instance()) is not None:
            app.aboutToQuit.connect(self.shutdown)

    # --- requests (GUI thread) ------------------------------------------------------------------------------

    def look_up(self, ticket: int, code_text: str) -> None:
        self._on_desk_lane(ticket, "look_up", lambda: self._emit(self.looked_up, ticket, self._look_up(code_text)))

    def check_in(
        self,
        ticket: int,
        code_text: str,
        document: PresentedDocument | None,
        press: PresentedPress | None,
        face_matches: bool | None = None,
        card: str | None = None,
    ) -> None:
        """Check in with the ID check's evidence; with ``card``, the serial scanned from the card to hand over."""

        def work() -> None:
            result = self.desk.check_in(
                self.station, code_text, document, press, printing=True, face_matches=face_matches, card=card
            )
            self._decided(ticket, result)

        self._on_desk_lane(ticket, "hand_over" if card else "check_in", work)

    def override(
        self,
        ticket: int,
        supervisor: str,
        pin: str,
        reason: str,
        code_text: str,
        document: PresentedDocument | None,
        press: PresentedPress | None,
        face_matches: bool | None = None,
        card: str | None = None,
    ) -> None:
        def work() -> None:
            result = self.desk.override(
                self.station,
                supervisor,
                pin,
                reason,
                code_text,
                document,
                press,
                printing=True,
                face_matches=face_matches,
                card=card,
            )
            self._decided(ticket, result)

        self._on_desk_lane(ticket, "hand_over" if card else "override", work)

    def identify_card(self, ticket: int, serial: str) -> None:
        """What a card scanned out of turn is, and whose (nothing is handed over, nothing logged)."""
        self._on_desk_lane(
            ticket, "identify_card", lambda: self._emit(self.card_identified, ticket, self._identify_card(serial))
        )

    def abandon(self, reference: str, why: AbandonedBy) -> None:
        """Log a check-in left unfinished (after its look-up, in order); a failure is reported with ticket 0."""

        def work() -> None:
            self.desk.abandon(self.station, reference, why)

        self._on_desk_lane(0, "abandon", work)

    def search(self, ticket: int, text: str) -> None:
        self._on_desk_lane(ticket, "search", lambda: self._emit(self.searched, ticket, self._search(text)))

    def decode(self, ticket: int, path: Path) -> None:
        self._on_desk_lane(ticket, "decode", lambda: self._emit(self.decoded, ticket, self._decode(path)))

    def wait_idle(self, timeout_ms: int = 30_000) -> bool:
        """Wait until both lanes are idle (tests, shutdown); True if they are."""
        return self._desk_lane.waitForDone(timeout_ms) and self._printer_lane.waitForDone(timeout_ms)

    def shutdown(self) -> None:
        """Take no more work and wait for what is running: a badge being printed is finished and recorded."""
        self._closed = True
        self.wait_idle(-1)

    # --- the work (lane threads) ----------------------------------------------------------------------------

    def _look_up(self, code_text: str) -> Lookup:
        scanned = self.desk.scan(self.station, code_text)
        card = self.desk.waiting_card(scanned.reference) if scanned.final and scanned.application else None
        return Lookup(
            code_text,
            scanned.reference,
            scanned.code,
            scanned.application,
            self._photo(scanned.application),
            scanned.verdict,
            scanned.final,
            *self._issuers(scanned.verdict.prior_badge),
            card,
        )

    def _identify_card(self, serial: str) -> CardLookup:
        card = self.desk.card(serial)
        badge = None if card is not None else self.desk.badge(serial)
        reference = card.reference if card else badge.reference if badge else ""
        holder = self.desk.application(reference) if reference else None
        return CardLookup(serial, card, badge, holder)

    def _decided(self, ticket: int, result: CheckinResult) -> None:
        self._emit(self.decided, ticket, Decision(result, *self._issuers(result.verdict.prior_badge)))
        badge = result.badge
        if result.verdict.issues_badge and badge is not None and badge.state is BadgeState.PRINTING:
            self._printer_lane.start(lambda: self._print(ticket, badge))

    def _print(self, ticket: int, badge: Badge) -> None:
        self._print_ticket = ticket
        self._emit(self.print_stage, ticket, badge.serial, PrintStage.PREPARING.value)
        try:
            result = self.issuer.print_badge(self.station, badge)
        except Exception as exc:  # the badge could not even be drawn or recorded: it did not print either way
            if not isinstance(exc, DeskError):
                log.exception("printing badge %s failed", badge.serial)
            message = str(exc) if isinstance(exc, DeskError) else _unexpected(exc)
            result = PrintResult(badge, PrintOutcome(JobState.FAILED, message))
        self._emit(self.printed, ticket, result)

    def _report_stage(self, serial: str, stage: PrintStage) -> None:
        self._emit(self.print_stage, self._print_ticket, serial, stage.value)

    def _search(self, text: str) -> list[SearchHit]:
        hits = []
        for application in self.desk.search(text, SEARCH_LIMIT):
            thumbnail = self._photo(application)
            if thumbnail is not None:
                thumbnail = thumbnail.scaled(
                    THUMBNAIL, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
                )
            hits.append(SearchHit(application, thumbnail))
        return hits

    def _decode(self, path: Path) -> list[str]:
        """The raw texts of the codes in a scanned file, a confirmation code first (the check-in gets them as read).

        Raises:
            DecodeError: the file cannot be read, or has no code on the pages read and some were left unread.
        """
        scanned = scan_file(path)
        if not scanned.codes and (shortfall := scanned.shortfall()):
            raise DecodeError(f"no code found; {shortfall}")
        texts = [found.text for found in scanned.codes]
        return sorted(texts, key=lambda text: not looks_signed(text))

    def _photo(self, application: Application | None) -> QImage | None:
        photo = self.desk.photo(application) if application is not None else None
        image = QImage.fromData(photo) if photo else QImage()
        return None if image.isNull() else image

    def _issuers(self, badge: Badge | None) -> tuple[str, str]:
        """Who issued ``badge`` and the supervisor who authorised it (or ""), by name."""
        if badge is None:
            return "", ""
        supervisor = self.desk.badge_supervisor(badge)
        return self.desk.staff_display_name(badge.staff), self.desk.staff_display_name(supervisor) if supervisor else ""

    # --- plumbing -------------------------------------------------------------------------------------------

    def _on_desk_lane(self, ticket: int, what: str, work: Callable[[], None]) -> None:
        if self._closed:
            return

        def run() -> None:
            try:
                work()
            except DeskError as exc:
                self._emit(self.failed, ticket, what, str(exc))
            except Exception as exc:
                log.exception("check-in screen: %s failed", what)
                self._emit(self.failed, ticket, what, _unexpected(exc))

        self._desk_lane.start(run)

    def _emit(self, signal: object, *args: object) -> None:
        try:
            signal.emit(*args)  # type: ignore[attr-defined]
        except RuntimeError:  # the screen was closed meanwhile: nobody is left to tell
            log.info("check-in result after the screen closed: %r", args[:2])


def _unexpected(exc: Exception) -> str:
    return fill(
        QCoreApplication.translate("CheckinController", "unexpected error (%1): %2"), type(exc).__name__, str(exc)
    )
