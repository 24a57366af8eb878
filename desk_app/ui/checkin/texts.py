"""The check-in screen's words: verdicts, reasons and applicant fields, in the language in use.

Verdicts and reasons are ``desk_app.messages``'s words (the CLI and the reports say the same thing), translated
here. The tables hold ``QT_TRANSLATE_NOOP`` markers, so ``pyside6-lupdate`` collects them, and they are translated
when shown, so a language switch takes effect on the next call.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from desk_app.core.event import EventConfig
from desk_app.core.model import Badge, Category, CodeStatus, DocumentKind, ForgeryAttempt, Outcome, Reason, Status
from desk_app.messages import OUTCOME_TEXT, QT_TRANSLATE_NOOP, REASON_TEXT
from desk_app.ui.words import entrance_name

_PLACEHOLDER = re.compile(r"%([1-9])")

STATUS = {
    Status.APPROVED: QT_TRANSLATE_NOOP("Applicant", "approved"),
    Status.PENDING: QT_TRANSLATE_NOOP("Applicant", "pending"),
    Status.REJECTED: QT_TRANSLATE_NOOP("Applicant", "rejected"),
    Status.WITHDRAWN: QT_TRANSLATE_NOOP("Applicant", "withdrawn"),
    Status.REVOKED: QT_TRANSLATE_NOOP("Applicant", "revoked"),
}

CATEGORY = {
    Category.WRITER: QT_TRANSLATE_NOOP("Applicant", "writer"),
    Category.PHOTOGRAPHER: QT_TRANSLATE_NOOP("Applicant", "photographer"),
    Category.CAMERA: QT_TRANSLATE_NOOP("Applicant", "camera operator"),
    Category.RADIO: QT_TRANSLATE_NOOP("Applicant", "radio"),
    Category.TECHNICIAN: QT_TRANSLATE_NOOP("Applicant", "technician"),
}

DOCUMENT_KIND = {
    DocumentKind.PASSPORT: QT_TRANSLATE_NOOP("Applicant", "passport"),
    DocumentKind.ID_CARD: QT_TRANSLATE_NOOP("Applicant", "identity card"),
}

CODE_STATUS = {
    CodeStatus.SIGNED_VALID: QT_TRANSLATE_NOOP("Applicant", "signed code, verified"),
    CodeStatus.PLAIN_REFERENCE: QT_TRANSLATE_NOOP("Applicant", "typed reference, not verified"),
    CodeStatus.INVALID: QT_TRANSLATE_NOOP("Applicant", "code not genuine"),
    CodeStatus.OTHER_EVENT: QT_TRANSLATE_NOOP("Applicant", "code of another event"),
    CodeStatus.KIND_MISMATCH: QT_TRANSLATE_NOOP("Applicant", "code of another accreditation kind"),
}

# The fields an MRZ check names in ``MrzResult.errors`` ("document_number_check", "expiry_invalid", ...).
MRZ_FIELD = {
    "document_number": QT_TRANSLATE_NOOP("Mrz", "document number"),
    "date_of_birth": QT_TRANSLATE_NOOP("Mrz", "date of birth"),
    "expiry": QT_TRANSLATE_NOOP("Mrz", "expiry date"),
    "optional_data": QT_TRANSLATE_NOOP("Mrz", "personal number"),
    "composite": QT_TRANSLATE_NOOP("Mrz", "whole zone"),
    "issuing_state": QT_TRANSLATE_NOOP("Mrz", "issuing state"),
    "nationality": QT_TRANSLATE_NOOP("Mrz", "nationality"),
    "name": QT_TRANSLATE_NOOP("Mrz", "name"),
    "sex": QT_TRANSLATE_NOOP("Mrz", "sex"),
}


translate = QCoreApplication.translate  # a name pyside6-lupdate knows: literal texts in its calls are collected


def fill(template: str, *values: str) -> str:
    """Put ``values`` in for ``%1``, ``%2``...: translators may reorder them, and a value is never read again."""
    return _PLACEHOLDER.sub(lambda m: values[int(m[1]) - 1] if int(m[1]) <= len(values) else m[0], template)


def outcome_title(outcome: Outcome) -> str:
    """The banner's title for a verdict: 'ISSUE BADGE', 'REFUSED', ..."""
    return translate("Outcome", OUTCOME_TEXT[outcome])


def reason_text(reason: Reason) -> str:
    """Why, in words: ``desk_app.messages.REASON_TEXT``, translated."""
    return translate("Reason", REASON_TEXT[reason])


def sentence(text: str) -> str:
    """``text`` as a sentence on its own line: a capital first, a full stop last (reasons are written to be quoted)."""
    text = text.strip()
    if not text:
        return text
    return text[0].upper() + text[1:] + ("" if text[-1] in ".!?…" else ".")


def status_text(status: Status) -> str:
    return translate("Applicant", str(STATUS[status]))


def category_text(category: Category) -> str:
    return translate("Applicant", str(CATEGORY[category]))


def document_kind_text(kind: DocumentKind) -> str:
    return translate("Applicant", str(DOCUMENT_KIND[kind]))


def code_status_text(status: CodeStatus) -> str:
    return translate("Applicant", str(CODE_STATUS[status]))


def mrz_error_text(error: str) -> str:
    """One of ``parse_mrz``'s error codes in words."""
    if error == "wrong_length":
        return translate("Mrz", "the lines are not of a passport or ID card's length")
    if error == "unknown_format":
        return translate("Mrz", "this is not a machine-readable zone")
    if error == "invalid_character":
        return translate("Mrz", "characters that a machine-readable zone never holds")
    field, _, problem = error.rpartition("_")
    name = translate("Mrz", str(MRZ_FIELD[field])) if field in MRZ_FIELD else field.replace("_", " ")
    if problem == "check":
        return fill(translate("Mrz", "the check digit of the %1 is wrong"), name)
    return fill(translate("Mrz", "the %1 cannot be read"), name)


def format_date(value: date | None) -> str:
    """A date as people read it on a document, in the language in use: '9 Mar 1981', '9 mars 1981'."""
    if value is None:
        return "—"
    return QLocale().toString(QDate(value.year, value.month, value.day), "d MMM yyyy")


def format_moment(moment: datetime, event: EventConfig) -> str:
    """An instant in the event's time zone: '14 Feb 09:02'."""
    local = event.local(moment)
    day = QLocale().toString(QDate(local.year, local.month, local.day), "d MMM")
    return f"{day} {local:%H:%M}"


def forgery_text(attempt: ForgeryAttempt, event: EventConfig) -> str:
    """Where and when the forged printout was refused (``desk_app.messages.forgery_text`` in words)."""
    return fill(
        translate("Reason", "A forged printout was refused on %1 at the %2, desk %3, by %4 (log entry %5)."),
        format_moment(attempt.at, event),
        entrance_name(event, attempt.entrance),
        attempt.desk,
        attempt.staff,
        str(attempt.seq),
    )


def already_issued_text(badge: Badge, event: EventConfig, staff_name: str, supervisor_name: str = "") -> str:
    """When, where and by whom the person's badge was issued, with the supervisor who authorised it (an override or
    a reprint); ``desk_app.messages.already_issued_text`` in words."""
    issuer = staff_name or badge.staff
    if supervisor_name:
        issuer = fill(translate("Reason", "%1, authorised by supervisor %2"), issuer, supervisor_name)
    return fill(
        translate("Reason", "Badge %1 was issued on %2 at the %3, desk %4, by %5."),
        badge.serial,
        format_moment(badge.issued_at, event),
        entrance_name(event, badge.entrance),
        badge.desk,
        issuer,
    )
