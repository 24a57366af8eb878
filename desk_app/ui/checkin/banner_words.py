"""What the verdict banner says in each state of a check-in, built fresh in the language in use.

Every reason of a verdict is listed in words, as a sentence; a redirect names the entrance and says how to get
there; "already issued" says when, where and by whom; a forged or revoked printout, or a person held after one, tells
the clerk to call a supervisor or security; a typed reference that could not be verified is an amber note even when
the answer is yes. Verdicts are loud (shown large for a few seconds); the steps of a check-in are not.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QCoreApplication

from desk_app.core.event import EventConfig
from desk_app.core.model import Card, CodeStatus, Outcome, Reason, Verdict
from desk_app.core.rules import FORGERY_REASONS
from desk_app.ui.checkin.texts import already_issued_text, fill, forgery_text, outcome_title, reason_text, sentence
from desk_app.ui.checkin.verdict_banner import BannerContent, Symbol, Tone
from desk_app.ui.words import in_french

CHECK_ID = "CHECK_ID"
AWAIT_CARD = "AWAIT_CARD"
_LOOK = {
    Outcome.ISSUE: (Tone.GO, Symbol.ISSUE),
    Outcome.REDIRECT: (Tone.REDIRECT, Symbol.REDIRECT),
    Outcome.REFUSE: (Tone.STOP, Symbol.REFUSE),
    Outcome.NEEDS_SUPERVISOR: (Tone.CAUTION, Symbol.SUPERVISOR),
}
_NOTES = frozenset({Reason.REFERENCE_NOT_VERIFIED})
# A printout that may be forged, an accreditation withdrawn by the office, a person held after a forgery: not for the
# counter to settle alone.
ALARMS = FORGERY_REASONS | {Reason.REVOKED, Reason.HELD_AFTER_FORGERY}
translate = QCoreApplication.translate  # a name pyside6-lupdate knows: the texts below are collected


def ready() -> BannerContent:
    return BannerContent(
        "READY",
        Tone.READY,
        Symbol.READY,
        translate("Banner", "READY FOR THE NEXT PERSON"),
        (translate("Banner", "Scan the confirmation printout, or look the person up by reference or name."),),
    )


def busy(title: str) -> BannerContent:
    return BannerContent("BUSY", Tone.READY, Symbol.BUSY, title)


def looking_up() -> BannerContent:
    return busy(translate("Banner", "LOOKING UP…"))


def check_id(verdict: Verdict, code: CodeStatus) -> BannerContent:
    """An eligible person: the ID check decides. Notes what is already known (an expiring document)."""
    lines = [
        translate("Banner", "Check the ID document, the press card or editor's letter, and the face; then press Enter.")
    ]
    if verdict.prior_forgery is not None:  # said before the documents are even looked at
        lines.append(sentence(reason_text(Reason.HELD_AFTER_FORGERY)))
    if Reason.DOCUMENT_EXPIRED in verdict.reasons:
        expired = reason_text(Reason.DOCUMENT_EXPIRED)
        lines.append(
            fill(translate("Banner", "Note: %1 (in the application); a newer document needs a supervisor."), expired)
        )
    return BannerContent(
        CHECK_ID, Tone.INFO, Symbol.CHECK_ID, translate("Banner", "CHECK ID"), tuple(lines), _unverified(code)
    )


def verdict(
    verdict: Verdict, event: EventConfig, code: CodeStatus, prior_staff: str = "", prior_supervisor: str = ""
) -> BannerContent:
    """A verdict of the rules, with every reason in words and what to do next; an earlier badge names who issued it
    and the supervisor who authorised it."""
    tone, symbol = _LOOK[verdict.outcome]
    lines = [sentence(reason_text(reason)) for reason in verdict.reasons if reason not in _NOTES]
    if ALARMS.intersection(verdict.reasons) or verdict.prior_forgery is not None:
        lines.insert(0, translate("Banner", "Call a supervisor or security now; keep the printout and do not argue."))
    if verdict.prior_badge is not None:
        lines.append(already_issued_text(verdict.prior_badge, event, prior_staff, prior_supervisor))
    if verdict.prior_forgery is not None:
        lines.append(forgery_text(verdict.prior_forgery, event))
    if verdict.outcome is Outcome.REDIRECT and verdict.redirect_to in event.entrances:
        entrance = event.entrances[verdict.redirect_to]
        lines.append(
            fill(translate("Banner", "Send them to the %1."), entrance.name_fr if in_french() else entrance.name)
        )
        lines.append(entrance.directions_fr if in_french() else entrance.directions)
    if verdict.outcome is Outcome.NEEDS_SUPERVISOR:
        lines.append(translate("Banner", "A supervisor may accept it (Supervisor override…); otherwise no badge."))
    if verdict.outcome is Outcome.REFUSE:
        lines.append(translate("Banner", "No badge."))
    note = _unverified(code) if verdict.outcome is Outcome.ISSUE else ""
    title = outcome_title(verdict.outcome)
    return BannerContent(verdict.outcome.value, tone, symbol, title, tuple(lines), note, loud=True)


def served(content: BannerContent, serial: str) -> BannerContent:
    """The ISSUE banner once the badge is out of the printer."""
    line = fill(translate("Banner", "Badge %1 printed: hand it over."), serial)
    return dataclasses.replace(content, lines=(line, *content.lines))


def take_card(card: Card) -> BannerContent:
    """Every check passed and the person's card was printed in advance: the clerk takes it from its box and scans it.
    Large until the card is scanned, and not a success yet: nothing is handed over before the scan."""
    title = fill(translate("Banner", "TAKE CARD %1 FROM BOX %2, SLOT %3"), card.serial, str(card.box), str(card.slot))
    lines = (
        translate("Banner", "All checks passed. Check that the name on the card is this person's."),
        fill(
            translate(
                "Banner", "Scan the card's barcode to hand it over (or type %1 in the look-up field and press Enter)."
            ),
            card.serial,
        ),
    )
    return BannerContent(AWAIT_CARD, Tone.INFO, Symbol.CARD, title, lines, loud=True, hold=True)


def card_handed_over(content: BannerContent, card: Card) -> BannerContent:
    """The ISSUE banner once the person's own card was scanned: it is their badge now."""
    title = fill(translate("Banner", "CARD %1 HANDED OVER"), card.serial)
    line = fill(translate("Banner", "Card %1 handed over: give it to the person."), card.serial)
    return dataclasses.replace(content, title=title, lines=(line, *content.lines))


def wrong_card(scanned: str, card: Card | None) -> BannerContent:
    """A card scanned that is not the person's: refused and logged; their own card can still be scanned."""
    lines = [sentence(reason_text(Reason.WRONG_CARD))]
    if card is not None:
        lines.append(
            fill(
                translate("Banner", "Put %1 back. This person's card is %2, in box %3, slot %4: scan that one."),
                scanned,
                card.serial,
                str(card.box),
                str(card.slot),
            )
        )
    else:
        lines.append(fill(translate("Banner", "Card %1 was scanned: put it back where it came from."), scanned))
    title = outcome_title(Outcome.REFUSE)
    return BannerContent(Outcome.REFUSE.value, Tone.STOP, Symbol.REFUSE, title, tuple(lines), loud=True)


def with_flagged_card(content: BannerContent, card: Card) -> BannerContent:
    """A refusal for someone whose card still waits in a box: that card must not leave it but for a supervisor."""
    line = fill(
        translate("Banner", "Card %1 in box %2, slot %3 must NOT be handed over: give it to a supervisor to void."),
        card.serial,
        str(card.box),
        str(card.slot),
    )
    return dataclasses.replace(content, lines=(*content.lines, line))


def face_mismatch() -> BannerContent:
    return BannerContent(
        Outcome.NEEDS_SUPERVISOR.value,
        Tone.CAUTION,
        Symbol.SUPERVISOR,
        outcome_title(Outcome.NEEDS_SUPERVISOR),
        (
            sentence(reason_text(Reason.FACE_MISMATCH)),
            translate("Banner", "No badge unless a supervisor has seen the person and confirms who they are."),
            translate("Banner", "If they do, tick “Face matches the photo” and press Enter; otherwise press Escape."),
        ),
    )  # not loud: the clerk is at the ID check, ticking; the panels stay in sight


def print_failed(message: str, serial: str) -> BannerContent:
    return BannerContent(
        "PRINT_FAILED",
        Tone.FAULT,
        Symbol.PRINT_FAILED,
        translate("Banner", "PRINT FAILED — NOT SERVED"),
        (
            fill(translate("Banner", "Badge %1 did not print: %2"), serial, message) if serial else sentence(message),
            translate("Banner", "The person has NOT been served and has no badge."),
            translate("Banner", "Fix the printer, then press Enter (Retry printing); or Escape to stop."),
        ),
        loud=True,
    )


def problem(message: str) -> BannerContent:
    """The desk could not answer (database busy, staff not allowed here): not a verdict, a problem to fix."""
    title = translate("Banner", "CANNOT CHECK IN")
    return BannerContent("PROBLEM", Tone.FAULT, Symbol.SUPERVISOR, title, (sentence(message),), loud=True)


def _unverified(code: CodeStatus) -> str:
    if code is not CodeStatus.PLAIN_REFERENCE:
        return ""
    return sentence(
        fill(
            translate("Banner", "%1: check the printout and the ID with extra care."),
            reason_text(Reason.REFERENCE_NOT_VERIFIED),
        )
    )
