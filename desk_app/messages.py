"""Words for people: what each reason and outcome means, for the CLI, reports and (translated) the GUI.

The one copy of these words. Each is marked with ``QT_TRANSLATE_NOOP`` so ``pyside6-lupdate`` collects it for the
window, which translates it when shown (``desk_app.ui.checkin.texts``); the CLI and the reports print the English.
"""

from __future__ import annotations

from desk_app.core.event import EventConfig
from desk_app.core.model import Badge, Card, ForgeryAttempt, Outcome, Reason


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name pyside6-lupdate looks for
    """Mark ``text`` for translation in ``context`` without loading Qt; returns it as it is."""
    return text


OUTCOME_TEXT: dict[Outcome, str] = {
    Outcome.ISSUE: QT_TRANSLATE_NOOP("Outcome", "ISSUE BADGE"),
    Outcome.REDIRECT: QT_TRANSLATE_NOOP("Outcome", "WRONG ENTRANCE"),
    Outcome.REFUSE: QT_TRANSLATE_NOOP("Outcome", "REFUSED"),
    Outcome.NEEDS_SUPERVISOR: QT_TRANSLATE_NOOP("Outcome", "CALL A SUPERVISOR"),
}

REASON_TEXT: dict[Reason, str] = {
    Reason.NOT_FOUND: QT_TRANSLATE_NOOP("Reason", "not in the accreditation list"),
    Reason.INVALID_CODE: QT_TRANSLATE_NOOP("Reason", "the code on the printout is not genuine (possible forgery)"),
    Reason.CODE_FOR_OTHER_EVENT: QT_TRANSLATE_NOOP("Reason", "the printout is for another event"),
    Reason.CODE_KIND_MISMATCH: QT_TRANSLATE_NOOP(
        "Reason", "the printout's accreditation kind does not match the application"
    ),
    Reason.UNSIGNED_REFERENCE_NOT_ALLOWED: QT_TRANSLATE_NOOP(
        "Reason", "a reference without a signed code is not accepted at this event"
    ),
    Reason.NOT_APPROVED: QT_TRANSLATE_NOOP("Reason", "the application is not approved yet (pending)"),
    Reason.REJECTED: QT_TRANSLATE_NOOP("Reason", "the application was rejected"),
    Reason.WITHDRAWN: QT_TRANSLATE_NOOP("Reason", "the application was withdrawn"),
    Reason.REVOKED: QT_TRANSLATE_NOOP("Reason", "the accreditation was revoked"),
    Reason.OUTSIDE_VALIDITY: QT_TRANSLATE_NOOP("Reason", "badges are not issued at this time for this accreditation"),
    Reason.ALREADY_ISSUED: QT_TRANSLATE_NOOP("Reason", "a badge was already issued"),
    Reason.WRONG_ENTRANCE: QT_TRANSLATE_NOOP("Reason", "badges of this kind are issued at another entrance"),
    Reason.ID_DOCUMENT_NOT_PRESENTED: QT_TRANSLATE_NOOP("Reason", "the ID document used to apply was not checked"),
    Reason.PRESS_CREDENTIAL_NOT_PRESENTED: QT_TRANSLATE_NOOP(
        "Reason", "the press card or editor's letter was not checked"
    ),
    Reason.DOCUMENT_EXPIRED: QT_TRANSLATE_NOOP("Reason", "the ID document expires before the end of the event"),
    Reason.DOCUMENT_NUMBER_MISMATCH: QT_TRANSLATE_NOOP("Reason", "document number differs from the application"),
    Reason.FAMILY_NAME_MISMATCH: QT_TRANSLATE_NOOP("Reason", "family name differs from the application"),
    Reason.GIVEN_NAMES_MISMATCH: QT_TRANSLATE_NOOP("Reason", "given names differ from the application"),
    Reason.DATE_OF_BIRTH_MISMATCH: QT_TRANSLATE_NOOP("Reason", "date of birth differs from the application"),
    Reason.NATIONALITY_MISMATCH: QT_TRANSLATE_NOOP("Reason", "nationality differs from the application"),
    Reason.EXPIRY_MISMATCH: QT_TRANSLATE_NOOP("Reason", "document expiry differs from the application"),
    Reason.PRESS_CARD_MISMATCH: QT_TRANSLATE_NOOP("Reason", "press card number differs from the application"),
    Reason.EDITOR_LETTER_EXPECTED: QT_TRANSLATE_NOOP("Reason", "applied with an editor's letter, not a press card"),
    Reason.PRESS_CARD_EXPECTED: QT_TRANSLATE_NOOP("Reason", "applied with a press card, not an editor's letter"),
    Reason.FACE_MISMATCH: QT_TRANSLATE_NOOP("Reason", "the face does not match the photo"),
    Reason.HELD_AFTER_FORGERY: QT_TRANSLATE_NOOP(
        "Reason", "a forged or tampered printout was shown for this reference before: a supervisor decides"
    ),
    Reason.REFERENCE_NOT_VERIFIED: QT_TRANSLATE_NOOP("Reason", "reference without a signed code: not verified"),
    Reason.SUPERVISOR_OVERRIDE: QT_TRANSLATE_NOOP("Reason", "accepted by a supervisor"),
    Reason.WRONG_CARD: QT_TRANSLATE_NOOP("Reason", "the card scanned is not this person's pre-printed card"),
    Reason.CARD_WITHHELD: QT_TRANSLATE_NOOP(
        "Reason",
        "this person's card must not be handed over (void, or the list changed since it was printed): give it to a "
        "supervisor, and scan the printout again to print a badge at the desk",
    ),
}


def forgery_text(attempt: ForgeryAttempt, event: EventConfig) -> str:
    """'forged printout refused 14 Feb 09:02 at the Groups entrance, desk G1, by anna (log entry 41)'."""
    when = event.local(attempt.at).strftime("%d %b %H:%M")
    entrance = event.entrances[attempt.entrance].name if attempt.entrance in event.entrances else attempt.entrance
    return (
        f"forged printout refused {when} at the {entrance}, desk {attempt.desk}, by {attempt.staff} "
        f"(log entry {attempt.seq})"
    )


def already_issued_text(badge: Badge, event: EventConfig) -> str:
    """'badge M-000001 issued 14 Feb 09:02 at the Groups entrance, desk G1, by anna'."""
    when = event.local(badge.issued_at).strftime("%d %b %H:%M")
    entrance = event.entrances[badge.entrance].name if badge.entrance in event.entrances else badge.entrance
    return f"badge {badge.serial} issued {when} at the {entrance}, desk {badge.desk}, by {badge.staff}"


def take_card_text(card: Card) -> str:
    """'take card M-000123 from box 3, slot 17': where the clerk finds a card printed in advance."""
    return f"take card {card.serial} from box {card.box}, slot {card.slot}"


def flagged_card_text(card: Card) -> str:
    return (
        f"card {card.serial} in box {card.box}, slot {card.slot} must NOT be handed over: "
        "give it to a supervisor to void"
    )
