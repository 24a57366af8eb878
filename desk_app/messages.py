"""Words for people: what each reason and outcome means, for the CLI, reports and (translated) the GUI."""

from __future__ import annotations

from desk_app.core.event import EventConfig
from desk_app.core.model import Badge, Outcome, Reason

OUTCOME_TEXT: dict[Outcome, str] = {
    Outcome.ISSUE: "ISSUE BADGE",
    Outcome.REDIRECT: "WRONG ENTRANCE",
    Outcome.REFUSE: "REFUSED",
    Outcome.NEEDS_SUPERVISOR: "CALL A SUPERVISOR",
}

REASON_TEXT: dict[Reason, str] = {
    Reason.NOT_FOUND: "not in the accreditation list",
    Reason.INVALID_CODE: "the code on the printout is not genuine (possible forgery)",
    Reason.CODE_FOR_OTHER_EVENT: "the printout is for another event",
    Reason.CODE_KIND_MISMATCH: "the printout's accreditation kind does not match the application",
    Reason.UNSIGNED_REFERENCE_NOT_ALLOWED: "a reference without a signed code is not accepted at this event",
    Reason.NOT_APPROVED: "the application is not approved yet (pending)",
    Reason.REJECTED: "the application was rejected",
    Reason.WITHDRAWN: "the application was withdrawn",
    Reason.REVOKED: "the accreditation was revoked",
    Reason.OUTSIDE_VALIDITY: "badges are not issued at this time for this accreditation",
    Reason.ALREADY_ISSUED: "a badge was already issued",
    Reason.WRONG_ENTRANCE: "badges of this kind are issued at another entrance",
    Reason.ID_DOCUMENT_NOT_PRESENTED: "the ID document used to apply was not checked",
    Reason.PRESS_CREDENTIAL_NOT_PRESENTED: "the press card or editor's letter was not checked",
    Reason.DOCUMENT_EXPIRED: "the ID document expires before the end of the event",
    Reason.DOCUMENT_NUMBER_MISMATCH: "document number differs from the application",
    Reason.FAMILY_NAME_MISMATCH: "family name differs from the application",
    Reason.GIVEN_NAMES_MISMATCH: "given names differ from the application",
    Reason.DATE_OF_BIRTH_MISMATCH: "date of birth differs from the application",
    Reason.NATIONALITY_MISMATCH: "nationality differs from the application",
    Reason.EXPIRY_MISMATCH: "document expiry differs from the application",
    Reason.PRESS_CARD_MISMATCH: "press card number differs from the application",
    Reason.EDITOR_LETTER_EXPECTED: "applied with an editor's letter, not a press card",
    Reason.PRESS_CARD_EXPECTED: "applied with a press card, not an editor's letter",
    Reason.FACE_MISMATCH: "the face does not match the photo",
    Reason.REFERENCE_NOT_VERIFIED: "reference without a signed code: not verified",
    Reason.SUPERVISOR_OVERRIDE: "accepted by a supervisor",
}


def already_issued_text(badge: Badge, event: EventConfig) -> str:
    """'badge M-000001 issued 14 Feb 09:02 at the Groups entrance, desk G1, by anna'."""
    when = event.local(badge.issued_at).strftime("%d %b %H:%M")
    entrance = event.entrances[badge.entrance].name if badge.entrance in event.entrances else badge.entrance
    return f"badge {badge.serial} issued {when} at the {entrance}, desk {badge.desk}, by {badge.staff}"
