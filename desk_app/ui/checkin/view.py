"""The check-in screen: scan, check, Enter. What counter staff use for hours with a queue in front of them.

A check-in, step by step (``Stage``):

1. READY: a scan arrives from anywhere (keyboard-wedge, serial or camera scanner, "Open scan…", a typed reference, a
   name picked from the search). Scans that are lines of a passport's machine-readable zone go to the ID check
   instead (see ``mrz_input``): a passport may be read before or after the printout.
2. LOOKING_UP: the service decides as far as the code and the list allow (``DeskService.scan``). If nothing at the
   counter can change it (not in the list, revoked, wrong entrance, already issued...) that is the verdict, logged,
   and the banner says it (VERDICT). Otherwise the person is eligible: CHECKING.
3. CHECKING: staff enter or read the document, the press card or editor's letter, and tick "Face matches the
   photo"; each field is marked as it is entered. Enter checks in with that evidence (DECIDING). Nothing is sent
   until the face was compared: "Face does not match" is evidence as well, the desk answers NEEDS_SUPERVISOR
   (FACE_MISMATCH, logged), and only a supervisor's override can then issue the badge.
4. The verdict: ISSUE goes on to print (PRINTING, then SERVED when the job completed); NEEDS_SUPERVISOR offers the
   supervisor override (login, PIN, reason), which prints too; REFUSE says why. Changing the evidence after a
   verdict goes back to CHECKING, so a typo is fixed and Enter pressed again (each try is logged).
   When the person's card was printed the night before, nothing is printed: AWAITING_CARD until the card's own
   barcode hands it over (``handover``).
5. A print that fails leaves the person NOT served (the badge is recorded as failed): the banner says so in red
   and Enter (or Retry printing) tries again with the same evidence.

Escape clears the screen for the next person at any time; a badge already at the printer still finishes and its
result is shown in the status line. A scan is taken in every stage: a printout's code starts the next person, and
a check-in left unfinished by it (or by Escape) is logged as ABANDONED, never silently dropped.
"""

from __future__ import annotations

import enum
import functools
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFileDialog, QWidget

from desk_app.core.model import Card, CardState, Outcome, Verdict
from desk_app.core.rules import CardStep, card_withheld
from desk_app.service import AbandonedBy, PrintResult
from desk_app.ui.checkin import banner_words
from desk_app.ui.checkin.action_bar import PrintState
from desk_app.ui.checkin.cards import (
    CardLookup,
    card_serial,
    looks_like_a_serial,
    not_a_serial_text,
    whereabouts_text,
)
from desk_app.ui.checkin.controller import CheckinController, Decision, Lookup, PrintStage
from desk_app.ui.checkin.handover import CardAnswer, CardHandOver, CardScan
from desk_app.ui.checkin.override_dialog import OverrideDialog
from desk_app.ui.checkin.scan_router import ScanRouter
from desk_app.ui.checkin.screen import CheckinScreen
from desk_app.ui.checkin.search import SearchHit
from desk_app.ui.checkin.sounds import Cue, Sounds, VerdictSounds
from desk_app.ui.checkin.texts import fill
from desk_app.ui.checkin.verdict_banner import BannerContent
from desk_app.ui.session import DeskSession

_CUE = {
    Outcome.ISSUE: Cue.ISSUE,
    Outcome.REDIRECT: Cue.REDIRECT,
    Outcome.REFUSE: Cue.REFUSE,
    Outcome.NEEDS_SUPERVISOR: Cue.SUPERVISOR,
}
_PRINT_STATE = {
    PrintStage.PREPARING: PrintState.PREPARING,
    PrintStage.SENDING: PrintState.SENDING,
    PrintStage.PRINTING: PrintState.PRINTING,
}


class Stage(enum.Enum):
    READY = "ready"
    LOOKING_UP = "looking_up"
    CHECKING = "checking"
    DECIDING = "deciding"
    VERDICT = "verdict"
    PRINTING = "printing"
    SERVED = "served"
    PRINT_FAILED = "print_failed"
    PROBLEM = "problem"
    AWAITING_CARD = "awaiting_card"  # every check passed; the person's pre-printed card is to be taken and scanned


FACE_LOOK_MS = 800  # the least time between the cursor reaching the face question and an Enter that answers it


def monotonic_ms() -> float:
    return time.monotonic_ns() / 1_000_000


class CheckinView(CheckinScreen):
    """The check-in screen for one logged-in desk.

    Args:
        session: the desk, printer, station and member of staff.
        sounds: plays a cue per verdict; a ``VerdictSounds`` by default (tests pass a silent one).
        clock: milliseconds, for putting a passport zone's lines together; tests pass a fake one.

    Signals:
        verdict_shown(str): the banner shows a decision about the person: an ``Outcome`` value (ISSUE, REDIRECT,
            REFUSE, NEEDS_SUPERVISOR), ``CHECK_ID`` (eligible; the ID check comes next) or ``AWAIT_CARD`` (their card
            printed in advance is to be scanned).
        person_served(str): the serial of a badge whose print completed, or of a card handed over: the person has it.
        print_failed(str): a badge did not print (the printer's message); the person is not served.
        status_changed(str): a line of news for the shell's status bar (also on the screen's own status line).
    """

    verdict_shown = Signal(str)
    person_served = Signal(str)
    print_failed = Signal(str)
    status_changed = Signal(str)

    def __init__(
        self,
        session: DeskSession,
        parent: QWidget | None = None,
        *,
        sounds: Sounds | None = None,
        clock: Callable[[], float] = monotonic_ms,
    ) -> None:
        super().__init__(functools.partial(_today, session), parent)
        self.session = session
        self.event_config = session.desk.event
        self.id_check.reader_first = session.config.passport_reader
        self.stage = Stage.READY
        self.sounds: Sounds = sounds if sounds is not None else VerdictSounds(self)
        if isinstance(self.sounds, VerdictSounds):
            self.sounds.unavailable.connect(self.on_sounds_unavailable)
        self.controller = CheckinController(session.desk, session.issuer, session.station, self)
        self._clock = clock
        self.router = ScanRouter(self.controller, clock, self)
        self.override_dialog: OverrideDialog | None = None
        self._ticket = 0
        self._code_text = ""
        self._lookup: Lookup | None = None
        self._decision: Decision | None = None
        self._last_request: Callable[[], None] | None = None
        self.cards = CardHandOver()
        self._serial = ""
        self._sounds_loading = False
        self._entered_name = ""  # a name Enter was pressed on before its search answered
        self._face_asked_at = 0.0  # when the cursor last came to "Face matches the photo", by any way
        self.id_check.face_ok.installEventFilter(self)
        self._connect()
        self.retranslate()
        self.reset()

    # --- wiring ---------------------------------------------------------------------------------------------

    def _connect(self) -> None:
        controller = self.controller
        controller.looked_up.connect(self._on_looked_up)
        controller.decided.connect(self._on_decided)
        controller.print_stage.connect(self._on_print_stage)
        controller.printed.connect(self._on_printed)
        controller.failed.connect(self._on_failed)
        controller.card_identified.connect(self._on_card_identified)
        router = self.router
        router.printout.connect(self.start_person)
        router.card.connect(self.take_card)
        router.zone.connect(self._take_zone)
        router.found.connect(self._on_found)
        router.search_cleared.connect(self.show_panels)
        router.message.connect(self._status)
        router.camera.running_changed.connect(self.scan_bar.set_camera_on)
        self.scan_bar.reference_entered.connect(self.on_reference_entered)
        self.scan_bar.search_requested.connect(router.search)
        self.scan_bar.name_entered.connect(self._on_name_entered)
        self.scan_bar.open_requested.connect(self.open_scan)
        self.scan_bar.camera_toggled.connect(router.switch_camera)
        self.results.chosen.connect(self.start_person)
        self.id_check.changed.connect(self._on_id_check_changed)
        self.id_check.press_confirmed.connect(self._on_press_confirmed)
        self.action_bar.issue_button.clicked.connect(self.on_enter)
        self.action_bar.override_button.clicked.connect(self.request_override)
        self.action_bar.retry_button.clicked.connect(self.retry_print)
        self.action_bar.next_button.clicked.connect(self.reset)
        self.shortcuts["open"].activated.connect(self.open_scan)

    # --- what the shell calls -------------------------------------------------------------------------------

    def attach_scanner(self, scanner: QObject) -> None:
        """Take scans from ``scanner`` (a ``WedgeFilter``, ``SerialScanner`` or anything with ``scanned(str)``)."""
        scanner.scanned.connect(self.on_scanned)  # type: ignore[attr-defined]
        if hasattr(scanner, "error"):
            scanner.error.connect(self.on_scanner_error)

    @property
    def ready(self) -> bool:
        """Waiting for the next person, the reference field focused."""
        return self.stage is Stage.READY and self.scan_bar.field.hasFocus()

    def shutdown(self) -> None:
        """Stop the camera and wait for work in progress (a badge being printed is finished and recorded); a
        check-in left on screen (another member of staff takes the desk, the window closes) is logged as left
        unfinished."""
        self.router.close()
        self._abandon_pending("cleared")
        self.controller.shutdown()

    def on_desk_locked(self) -> None:
        """The desk was locked: a supervisor's authorisation kept for a card's hand-over goes (the person starts
        again when the desk is unlocked)."""
        if self.cards.by_supervisor:
            self.reset()
            self._status(
                self.tr("The desk was locked: the supervisor's acceptance was dropped. Scan the printout again.")
            )
        elif isinstance(self._last_request, functools.partial) and self._last_request.func == self.controller.override:
            self._last_request = None  # it holds the supervisor's PIN

    # --- scans --------------------------------------------------------------------------------------------

    def on_scanned(self, text: str) -> None:
        """A scan from any scanner: a printout starts a check-in, a passport zone goes to the ID check.

        Ignored while the screen is hidden (another screen of the desk is in front): nobody would see the answer.
        """
        if not self.isVisible():
            return
        if self.override_dialog is not None and self.override_dialog.isVisible():
            self._status(self.tr("Finish the supervisor override first; the scan was not used."), problem=True)
            return
        self.router.route(text)

    def on_scanner_error(self, message: str) -> None:
        self._status(message, problem=True)

    def on_sounds_unavailable(self, message: str) -> None:
        self._status(message)

    def open_scan(self, path: Path | str | None = None) -> None:
        """Read the code from an image or PDF of the printout: ``path``, or one chosen in a file dialog."""
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Open a scanned printout"),
                "",
                self.tr("Scans (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)"),
            )
            if not path:
                return
        self.router.open_file(Path(path))

    def start_person(self, code_text: str) -> None:
        """A printout's code or a reference: look the person up, starting a new check-in."""
        code_text = code_text.strip()
        if not code_text:
            return
        if code_text == self._code_text and self.stage in (Stage.CHECKING, Stage.VERDICT, Stage.AWAITING_CARD):
            self._status(self.tr("That printout is the one on screen."))  # scanned twice: nothing is lost
            return
        keep_zone = self.stage is Stage.READY and self.id_check.zone is not None
        self._abandon_pending("next person")
        self._new_ticket()
        self._code_text = code_text
        self._status("")
        self.id_check.clear(keep_zone=keep_zone)
        self.show_panels()
        self.scan_bar.clear()
        self._set_stage(Stage.LOOKING_UP)
        self.show_banner(banner_words.looking_up)
        self.controller.look_up(self._ticket, code_text)

    def on_reference_entered(self, text: str) -> None:
        """Enter on a reference, a code or a card's serial typed in the look-up field."""
        serial = card_serial(text)
        if serial is not None:
            self.take_card(serial)
        elif looks_like_a_serial(text):
            self._status(not_a_serial_text(text), problem=True)
        else:
            self.start_person(text)

    # --- cards printed the night before -----------------------------------------------------------------------

    def take_card(self, serial: str) -> None:
        """A card's barcode, scanned or typed: handed over to the person waiting for it; otherwise only whose it is
        and where it belongs is said (nothing is handed over, the person on screen stays)."""
        self.scan_bar.clear()
        what = self.cards.scan(
            serial, awaiting=self.stage is Stage.AWAITING_CARD, checking=self.stage is Stage.DECIDING
        )
        if what is CardScan.WAIT:
            self._status(
                self.tr("Wait: the desk is still checking. Scan the card again when it answers."), problem=True
            )
        elif what is CardScan.IDENTIFY:
            self.controller.identify_card(self.cards.identify_ticket, serial)
        else:
            self._status("")
            self._send(self.cards.request_with(serial))

    def _await_card(self, card: Card) -> None:
        """Every check passed: the person's card waits in its box. No success yet, nothing handed over."""
        request = self._last_request
        assert isinstance(request, functools.partial)
        self.cards.await_card(card, request, by_supervisor=request.func == self.controller.override)
        self._show_card_awaited(lambda: banner_words.take_card(card), Cue.SCANNED, banner_words.AWAIT_CARD)

    def _wrong_card(self, card: Card | None) -> None:
        """Refused and logged; the person still waits for their own card, which can be scanned now."""
        scanned = self.cards.scanned
        self._show_card_awaited(lambda: banner_words.wrong_card(scanned, card), Cue.REFUSE, Outcome.REFUSE.value)

    def _show_card_awaited(self, content: Callable[[], BannerContent], cue: Cue, shown: str) -> None:
        """The person waits for their card: the banner, the card and its place on the status line, the cursor where
        the card's serial is scanned or typed."""
        self._set_stage(Stage.AWAITING_CARD)
        self.show_banner(content)
        self._remind_card()
        self.sounds.play(cue)
        self.verdict_shown.emit(shown)
        self.scan_bar.field.setFocus()

    def _card_handed_over(self, decision: Decision) -> None:
        card = decision.result.card
        badge = decision.result.badge
        assert card is not None and badge is not None
        self.cards.drop()
        self._last_request = None  # an override's request holds the supervisor's PIN: not kept past the hand-over
        self._serial = badge.serial
        self._show_verdict(decision.result.verdict, decision.prior_staff, decision.prior_supervisor)
        self._set_stage(Stage.SERVED)
        verdict_content = self._banner_content
        self.show_banner(lambda: banner_words.card_handed_over(verdict_content(), card))
        self.person_served.emit(badge.serial)
        self.scan_bar.field.setFocus()

    def _remind_card(self) -> None:
        reminder = self.cards.reminder()
        if reminder is not None:
            self._status(reminder)

    def _on_card_identified(self, ticket: int, found: CardLookup) -> None:
        if ticket == self.cards.identify_ticket:
            problem = (
                found.card is None or not found.card.waiting or card_withheld(found.card, found.holder) is not None
            )
            self._status(whereabouts_text(found, self.event_config), problem=problem or found.badge is not None)

    def _take_zone(self, zone: str) -> None:
        if self.cards.waiting:  # the documents were checked: what is handed over is decided by the card now
            self._status(self.tr("Passport zone not taken: the documents were checked; scan the card."), problem=True)
            return
        if not self.id_check.take_zone(zone):
            self._status(
                self.tr("The passport zone does not read correctly: read it again, or type the number."), problem=True
            )
        elif self._lookup is None:
            self._status(self.tr("Passport read. Now scan the printout (or look the person up)."))
        else:
            self._status(self.tr("Passport read."))
            self.focus_first_missing()

    # --- name search ----------------------------------------------------------------------------------------

    def _on_name_entered(self, name: str) -> None:
        """Enter on a name: the one person found is looked up; among several, the list takes the arrows."""
        if self.showing_results() and self.results.query == name:
            self._choose_from_results()
        else:
            self._entered_name = name
            self.router.search(name)

    def _on_found(self, hits: list[SearchHit], query: str) -> None:
        self.show_results(hits, query)
        entered, self._entered_name = self._entered_name, ""
        if query == entered == self.scan_bar.field.text().strip():  # still the name Enter was pressed on
            self._choose_from_results()

    def _choose_from_results(self) -> None:
        if self.results.count() == 1 and (reference := self.results.chosen_reference()) is not None:
            self.start_person(reference)
        elif self.results.count() > 1:
            self.results.setFocus()

    # --- keys ---------------------------------------------------------------------------------------------

    def on_enter(self) -> None:
        """Enter: issue when the ID check is done, retry a failed print; nothing otherwise."""
        if self.stage is Stage.PRINT_FAILED:
            self.retry_print()
        elif self.stage is Stage.AWAITING_CARD:
            self._remind_card()
            self.scan_bar.field.setFocus()
        elif self._id_check_decides() and self.stage in (Stage.CHECKING, Stage.VERDICT):
            self._check_in()
        elif self.stage in (Stage.READY, Stage.PROBLEM, Stage.SERVED):
            self.scan_bar.field.setFocus()

    def on_escape(self) -> None:
        if self.showing_results():
            self.show_panels()
            self.scan_bar.clear()
            self.scan_bar.field.setFocus()
            return
        self.reset()

    def reset(self) -> None:
        """Clear the screen for the next person."""
        if self.stage is Stage.PRINTING:
            self._status(fill(self.tr("Badge %1 is still printing; its result will show here."), self._serial))
        else:
            self._status("")
        self._abandon_pending("cleared")
        self._new_ticket()
        self._code_text = ""
        self.router.clear()
        self.id_check.clear()
        self.applicant.clear()
        self.scan_bar.clear()
        self.show_panels()
        self._set_stage(Stage.READY)
        self.show_banner(banner_words.ready)
        self.scan_bar.field.setFocus()

    # --- the check-in ---------------------------------------------------------------------------------------

    def _on_looked_up(self, ticket: int, lookup: Lookup) -> None:
        if ticket != self._ticket:
            return
        self._lookup = lookup
        self.applicant.show_applicant(lookup.application, lookup.photo, self.event_config, lookup.code)
        if lookup.final:
            self.id_check.set_application(None, self.event_config)
            card = lookup.card if card_withheld(lookup.card, lookup.application) is not None else None
            self._show_verdict(lookup.verdict, lookup.prior_staff, lookup.prior_supervisor, card)
            self.scan_bar.field.setFocus()
            return
        self.id_check.set_application(lookup.application, self.event_config)
        self._set_stage(Stage.CHECKING)
        self._show_check_banner(announce=True)
        self.focus_first_missing()

    def _id_check_decides(self) -> bool:
        return self._lookup is not None and not self._lookup.final

    def _abandon_pending(self, why: AbandonedBy) -> None:
        """Log the check-in on screen as left unfinished, if it is: looked up and at the ID check, at a verdict
        that did not issue (refused after the ID check, CALL A SUPERVISOR), or with its badge not printed.

        Not while looking up or deciding: that answer is still to come (and is logged by the service as it is
        given); a badge printing or printed has been issued."""
        pending = (Stage.CHECKING, Stage.VERDICT, Stage.PRINT_FAILED, Stage.AWAITING_CARD)
        if self._id_check_decides() and self.stage in pending:
            assert self._lookup is not None
            self.controller.abandon(self._lookup.reference, why)

    def _check_in(self) -> None:
        """Enter: check in with the evidence. A face that does not match is evidence too: the desk answers
        NEEDS_SUPERVISOR with the reason logged, and only a supervisor's override can then issue the badge."""
        check = self.id_check
        missing = [
            (words, widget)
            for words, widget in check.missing()
            if not check.face_rejected or widget is not check.face_ok
        ]
        if [widget for _, widget in missing] == [check.face_ok]:
            if not check.face_ok.hasFocus() or self._clock() - self._face_asked_at < FACE_LOOK_MS:
                self._go_to_face()  # an Enter typed on the heels of the card's number is not a look at the face
                return
            check.face_ok.setChecked(True)  # Enter on "Face matches the photo", after a look: the clerk says yes
            missing = []
        if missing:
            self._prompt(fill(self.tr("Before issuing: %1."), "; ".join(words for words, _ in missing)))
            missing[0][1].setFocus()
            return
        request = functools.partial(
            self.controller.check_in, self._ticket, self._code_text, check.document(), check.press(), self._face()
        )
        self._send(request)

    def _go_to_face(self) -> None:
        """The documents are done: the face is next, which only a person can check. Enter confirms it only once the
        cursor has been on it for ``FACE_LOOK_MS``: the time to look up from the card to the face."""
        self._status(self.tr("Now the face: Enter if it matches."))
        self.id_check.face_ok.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.id_check.face_ok and event.type() == QEvent.Type.FocusIn:
            self._face_asked_at = self._clock()
        return super().eventFilter(watched, event)

    def _on_press_confirmed(self) -> None:
        if self.stage is Stage.CHECKING and self.id_check.document() is not None and not self.id_check.face_rejected:
            self._go_to_face()

    def _face(self) -> bool | None:
        return False if self.id_check.face_rejected else True if self.id_check.face_confirmed else None

    def _send(self, request: Callable[[], None]) -> None:
        self._last_request = request
        self._prompt(self.tr("Checking…"))
        self._set_stage(Stage.DECIDING)
        request()

    def _on_decided(self, ticket: int, decision: Decision) -> None:
        result = decision.result
        if ticket != self._ticket:
            if result.step is CardStep.HAND_OVER and result.badge is not None:  # the clerk moved on meanwhile
                self.person_served.emit(result.badge.serial)
                self._status(fill(self.tr("Card %1 handed over."), result.badge.serial))
            return
        self._decision = decision
        self._prompt("")
        if self.override_dialog is not None and self.override_dialog.busy:
            self.override_dialog.accepted_by_desk()
        answer = self.cards.answer(result)
        if answer is CardAnswer.AWAIT_CARD:
            assert result.card is not None
            self._await_card(result.card)
            return
        if answer is CardAnswer.WRONG_CARD:
            self._wrong_card(result.card)
            return
        if answer is CardAnswer.HANDED_OVER:
            self._card_handed_over(decision)
            return
        self.cards.drop()  # refused meanwhile (revoked, served elsewhere, the card withheld): nobody waits for a card
        verdict = result.verdict
        card = result.card if result.card_flagged else None
        self._show_verdict(verdict, decision.prior_staff, decision.prior_supervisor, card)
        if verdict.outcome is Outcome.ISSUE and decision.result.badge is not None:
            self._serial = decision.result.badge.serial
            self._set_stage(Stage.PRINTING)
            self.action_bar.show_print_step(PrintState.PREPARING, self._serial)
            self.scan_bar.field.setFocus()
        elif verdict.outcome is Outcome.NEEDS_SUPERVISOR:
            self.action_bar.override_button.setFocus()
        else:
            self.scan_bar.field.setFocus()

    def _show_verdict(
        self, verdict: Verdict, prior_staff: str, prior_supervisor: str, flagged_card: Card | None = None
    ) -> None:
        """A verdict, loud; ``flagged_card``: the person's card in a box that must not be handed over."""
        assert self._lookup is not None
        code = self._lookup.code
        event = self.event_config
        self._set_stage(Stage.VERDICT)

        def content() -> BannerContent:
            shown = banner_words.verdict(verdict, event, code, prior_staff, prior_supervisor)
            return shown if flagged_card is None else banner_words.with_flagged_card(shown, flagged_card)

        self.show_banner(content)
        self.sounds.play(_CUE[verdict.outcome])
        self.verdict_shown.emit(verdict.outcome.value)

    def _show_check_banner(self, *, announce: bool) -> None:
        lookup = self._lookup
        assert lookup is not None
        if self.id_check.face_rejected:
            self.show_banner(banner_words.face_mismatch)
            if announce:
                self.sounds.play(Cue.SUPERVISOR)
                self.verdict_shown.emit(Outcome.NEEDS_SUPERVISOR.value)
            return
        self.show_banner(lambda: banner_words.check_id(lookup.verdict, lookup.code))
        if announce:
            self.sounds.play(Cue.SCANNED)
            self.verdict_shown.emit(banner_words.CHECK_ID)

    def _on_id_check_changed(self) -> None:
        if not self._id_check_decides() or self.stage not in (Stage.CHECKING, Stage.VERDICT):
            return
        self._prompt("")
        rejected_before = self.banner_content.state == Outcome.NEEDS_SUPERVISOR.value
        if self.stage is Stage.VERDICT:
            self._set_stage(Stage.CHECKING)
        elif self.id_check.face_rejected == rejected_before:
            return
        self._show_check_banner(announce=self.id_check.face_rejected)

    # --- supervisor override --------------------------------------------------------------------------------

    def request_override(self) -> None:
        """Open the supervisor override for a NEEDS_SUPERVISOR verdict."""
        decision = self._decision
        if self.stage is not Stage.VERDICT or decision is None:
            return
        if decision.result.verdict.outcome is not Outcome.NEEDS_SUPERVISOR:
            return
        self.quiet_banner()  # the supervisor compares the ID details with the application
        summary = banner_words.verdict(decision.result.verdict, self.event_config, self._lookup.code).lines  # type: ignore[union-attr]
        login = self.session.staff.login if self.session.is_supervisor else ""
        card = decision.result.card
        card_waits = card is not None and card.state is CardState.PREPRINTED
        self.override_dialog = OverrideDialog("\n".join(summary[:-1]), login, self, prints=not card_waits)
        self.override_dialog.submitted.connect(self._on_override_dialog_submitted)
        self.override_dialog.open()
        self.override_dialog.place_above(self.stack)
        self.override_dialog.resized.connect(self._on_override_dialog_resized)

    def _on_override_dialog_resized(self) -> None:
        if self.override_dialog is not None:
            self.override_dialog.place_above(self.stack)

    def _on_override_dialog_submitted(self, supervisor: str, pin: str, reason: str) -> None:
        check = self.id_check
        request = functools.partial(
            self.controller.override,
            self._ticket,
            supervisor,
            pin,
            reason,
            self._code_text,
            check.document(),
            check.press(),
            self._face(),
        )
        self._send(request)

    # --- printing -------------------------------------------------------------------------------------------

    def retry_print(self) -> None:
        if self.stage is Stage.PRINT_FAILED and self._last_request is not None:
            self.action_bar.show_print(PrintState.IDLE, "")
            self._send(self._last_request)

    def _on_print_stage(self, ticket: int, serial: str, stage: str) -> None:
        if ticket == self._ticket and self.stage is Stage.PRINTING:
            self.action_bar.show_print_step(_PRINT_STATE[PrintStage(stage)], serial)

    def _on_printed(self, ticket: int, result: PrintResult) -> None:
        serial = result.badge.serial
        if not result.handed_over:
            self._print_went_wrong(ticket, serial, result.outcome.message)
            return
        self.person_served.emit(serial)
        if ticket != self._ticket:
            self._status(fill(self.tr("Badge %1 printed."), serial))
            return
        self._set_stage(Stage.SERVED)
        self.action_bar.show_print_step(PrintState.DONE, serial)
        served = self._banner_content
        self.show_banner(lambda: banner_words.served(served(), serial))

    def _print_went_wrong(self, ticket: int, serial: str, message: str) -> None:
        self.print_failed.emit(message)
        if ticket != self._ticket:
            self._status(
                fill(self.tr("Badge %1 did not print (%2): that person is NOT served."), serial, message), problem=True
            )
            return
        self._set_stage(Stage.PRINT_FAILED)
        self.action_bar.show_print(PrintState.FAILED, "")  # the banner says what went wrong
        self.show_banner(lambda: banner_words.print_failed(message, serial))
        self.sounds.play(Cue.PRINT_FAILED)
        self.action_bar.retry_button.setFocus()

    def _on_failed(self, ticket: int, what: str, message: str) -> None:
        if what == "abandon":
            self._status(fill(self.tr("The unfinished check-in was not logged: %1"), message), problem=True)
            return
        if what == "identify_card":
            if ticket == self.cards.identify_ticket:
                self._status(message, problem=True)
            return
        if ticket != self._ticket or what in ("search", "decode"):  # the router reports those
            return
        elif what == "override" and self.override_dialog is not None and self.override_dialog.busy:
            self.override_dialog.refused(message)
            self._set_stage(Stage.VERDICT)
            self._prompt("")
        elif what == "hand_over":  # the person still waits for their card; the prompt says why it was not done
            self._set_stage(Stage.AWAITING_CARD)
            self._prompt(fill(self.tr("Not done: %1"), message))
        elif what == "look_up":
            self._set_stage(Stage.PROBLEM)
            self.show_banner(lambda: banner_words.problem(message))
            self.sounds.play(Cue.REFUSE)
        else:  # a check-in or override that could not be done: the evidence stays, Enter tries again
            self._set_stage(Stage.CHECKING)
            self._prompt(fill(self.tr("Not done: %1"), message))

    # --- plumbing -------------------------------------------------------------------------------------------

    def _new_ticket(self) -> None:
        self._ticket += 1
        self._entered_name = ""
        self._lookup = self._decision = None
        self._last_request = None
        self.cards.drop()
        self._serial = ""
        self._prompt("")
        self.action_bar.show_print(PrintState.IDLE, "")

    def _set_stage(self, stage: Stage) -> None:
        self.stage = stage
        decides = self._id_check_decides()
        verdict = self._decision.result.verdict.outcome if self._decision is not None else None
        self.id_check.setEnabled(
            (stage in (Stage.READY, Stage.LOOKING_UP, Stage.CHECKING, Stage.DECIDING) and not self.cards.waiting)
            or (stage is Stage.VERDICT and decides)
        )
        self.action_bar.set_available(
            issue=decides and stage in (Stage.CHECKING, Stage.VERDICT),
            override=stage is Stage.VERDICT and verdict is Outcome.NEEDS_SUPERVISOR,
            retry=stage is Stage.PRINT_FAILED,
        )

    def _prompt(self, text: str) -> None:
        self.action_bar.show_prompt(text)

    def _status(self, text: str, problem: bool = False) -> None:
        self.scan_bar.show_status(text, problem=problem)
        self.status_changed.emit(text)

    def showEvent(self, event: QShowEvent) -> None:
        if isinstance(self.sounds, VerdictSounds) and not self._sounds_loading:
            self._sounds_loading = True
            QTimer.singleShot(0, self.sounds.prepare)  # load audio now, not when the first verdict is due
        super().showEvent(event)


def _today(session: DeskSession) -> date:
    """The event's date now, by the desk's clock."""
    return session.desk.event.local(session.desk.clock.now()).date()
