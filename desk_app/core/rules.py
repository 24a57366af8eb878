"""The one place that decides a verdict.

``decide`` runs the checks stage by stage; the first stage that finds anything ends the decision, and every
reason that stage found is reported. Each reason maps to an outcome in ``OUTCOME_OF``; a stage's outcome is
the gravest of its reasons. The order of the stages is the order a counter works in: is the code genuine, is
this person eligible at all, are they at the right entrance, do their documents match.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from desk_app.core.event import EventConfig
from desk_app.core.identity import document_mismatches, press_mismatches, press_presented
from desk_app.core.model import (
    Action,
    Application,
    Badge,
    Card,
    CardState,
    CodeStatus,
    Evidence,
    ForgeryAttempt,
    LogEntry,
    Outcome,
    Reason,
    Status,
    Verdict,
)
from desk_app.core.state import state_hash


@dataclass(frozen=True)
class Case:
    """Everything the rules may look at for one check-in."""

    event: EventConfig
    entrance: str
    evidence: Evidence
    application: Application | None
    active_badge: Badge | None
    now: datetime
    reference: str = ""  # as read from the code; the application may not exist
    code_problem: str = ""  # why the code was not accepted, for the log
    forgery: ForgeryAttempt | None = None  # an earlier forged printout for this reference, not cleared since


Check = Callable[[Case], Iterable[Reason]]

OUTCOME_OF: dict[Reason, Outcome] = {
    Reason.INVALID_CODE: Outcome.REFUSE,
    Reason.CODE_FOR_OTHER_EVENT: Outcome.REFUSE,
    Reason.CODE_KIND_MISMATCH: Outcome.REFUSE,
    Reason.UNSIGNED_REFERENCE_NOT_ALLOWED: Outcome.REFUSE,
    Reason.NOT_FOUND: Outcome.REFUSE,
    Reason.NOT_APPROVED: Outcome.REFUSE,
    Reason.REJECTED: Outcome.REFUSE,
    Reason.WITHDRAWN: Outcome.REFUSE,
    Reason.REVOKED: Outcome.REFUSE,
    Reason.OUTSIDE_VALIDITY: Outcome.REFUSE,
    Reason.ALREADY_ISSUED: Outcome.REFUSE,
    Reason.WRONG_ENTRANCE: Outcome.REDIRECT,
    Reason.ID_DOCUMENT_NOT_PRESENTED: Outcome.REFUSE,
    Reason.PRESS_CREDENTIAL_NOT_PRESENTED: Outcome.REFUSE,
    Reason.DOCUMENT_EXPIRED: Outcome.REFUSE,
    Reason.DOCUMENT_NUMBER_MISMATCH: Outcome.NEEDS_SUPERVISOR,
    Reason.FAMILY_NAME_MISMATCH: Outcome.NEEDS_SUPERVISOR,
    Reason.GIVEN_NAMES_MISMATCH: Outcome.NEEDS_SUPERVISOR,
    Reason.DATE_OF_BIRTH_MISMATCH: Outcome.NEEDS_SUPERVISOR,
    Reason.NATIONALITY_MISMATCH: Outcome.NEEDS_SUPERVISOR,
    Reason.EXPIRY_MISMATCH: Outcome.NEEDS_SUPERVISOR,
    Reason.PRESS_CARD_MISMATCH: Outcome.NEEDS_SUPERVISOR,
    Reason.EDITOR_LETTER_EXPECTED: Outcome.NEEDS_SUPERVISOR,
    Reason.PRESS_CARD_EXPECTED: Outcome.NEEDS_SUPERVISOR,
    Reason.FACE_MISMATCH: Outcome.NEEDS_SUPERVISOR,
    Reason.HELD_AFTER_FORGERY: Outcome.NEEDS_SUPERVISOR,
    # Notes: they travel with an ISSUE and never stop one.
    Reason.REFERENCE_NOT_VERIFIED: Outcome.ISSUE,
    Reason.SUPERVISOR_OVERRIDE: Outcome.ISSUE,
    # After an ISSUE, at the hand-over of a card printed the night before (``card_step``).
    Reason.WRONG_CARD: Outcome.REFUSE,
    Reason.CARD_WITHHELD: Outcome.REFUSE,
}

# Gravest first: a stage that finds a refusal and a mismatch refuses.
_SEVERITY = (Outcome.REFUSE, Outcome.REDIRECT, Outcome.NEEDS_SUPERVISOR, Outcome.ISSUE)

_STATUS_REASON = {
    Status.PENDING: Reason.NOT_APPROVED,
    Status.REJECTED: Reason.REJECTED,
    Status.WITHDRAWN: Reason.WITHDRAWN,
    Status.REVOKED: Reason.REVOKED,
}

_CODE_REASON = {
    CodeStatus.INVALID: Reason.INVALID_CODE,
    CodeStatus.OTHER_EVENT: Reason.CODE_FOR_OTHER_EVENT,
    CodeStatus.KIND_MISMATCH: Reason.CODE_KIND_MISMATCH,
}


def code_is_genuine(case: Case) -> Iterable[Reason]:
    code = case.evidence.code
    if code in _CODE_REASON:
        yield _CODE_REASON[code]
    elif code is CodeStatus.PLAIN_REFERENCE and not case.event.accept_unsigned_references:
        yield Reason.UNSIGNED_REFERENCE_NOT_ALLOWED


def application_exists(case: Case) -> Iterable[Reason]:
    if case.application is None:
        yield Reason.NOT_FOUND


def application_approved(case: Case) -> Iterable[Reason]:
    assert case.application is not None
    if case.application.status in _STATUS_REASON:
        yield _STATUS_REASON[case.application.status]


def within_validity(case: Case) -> Iterable[Reason]:
    assert case.application is not None
    badge_kind = case.event.badge_kinds[case.application.kind]
    if not case.event.is_issuing(case.now) or case.event.local(case.now).date() > badge_kind.valid_until:
        yield Reason.OUTSIDE_VALIDITY


def not_already_issued(case: Case) -> Iterable[Reason]:
    if case.active_badge is not None:
        yield Reason.ALREADY_ISSUED


def at_right_entrance(case: Case) -> Iterable[Reason]:
    assert case.application is not None
    if case.event.entrance_for(case.application.kind).key != case.entrance:
        yield Reason.WRONG_ENTRANCE


def documents_presented(case: Case) -> Iterable[Reason]:
    if case.evidence.document is None:
        yield Reason.ID_DOCUMENT_NOT_PRESENTED
    if not press_presented(case.evidence.press):
        yield Reason.PRESS_CREDENTIAL_NOT_PRESENTED


def document_in_date(case: Case) -> Iterable[Reason]:
    assert case.application is not None
    presented = case.evidence.document
    expiry = presented.expiry if presented and presented.expiry else case.application.document.expiry
    if expiry < case.event.last_day:
        yield Reason.DOCUMENT_EXPIRED


def documents_match(case: Case) -> Iterable[Reason]:
    assert case.application is not None
    if case.evidence.document is not None:
        yield from document_mismatches(case.application, case.evidence.document)
    if press_presented(case.evidence.press):
        assert case.evidence.press is not None
        yield from press_mismatches(case.application, case.evidence.press)
    if case.evidence.face_matches is False:
        yield Reason.FACE_MISMATCH


def not_held_after_forgery(case: Case) -> Iterable[Reason]:
    """A reference once shown on a forged printout is served only with a supervisor, who sees the documents."""
    if case.forgery is not None:
        yield Reason.HELD_AFTER_FORGERY


@dataclass(frozen=True)
class Stage:
    """One step of the decision: its checks, and every reason they can give (``decide`` holds them to it)."""

    name: str
    checks: tuple[Check, ...]
    reasons: frozenset[Reason]


STAGES: tuple[Stage, ...] = (
    Stage(
        "code",
        (code_is_genuine,),
        frozenset(_CODE_REASON.values()) | {Reason.UNSIGNED_REFERENCE_NOT_ALLOWED},
    ),
    Stage("list", (application_exists,), frozenset({Reason.NOT_FOUND})),
    Stage(
        "eligibility",
        (application_approved, within_validity, not_already_issued),
        frozenset(_STATUS_REASON.values()) | {Reason.OUTSIDE_VALIDITY, Reason.ALREADY_ISSUED},
    ),
    Stage("entrance", (at_right_entrance,), frozenset({Reason.WRONG_ENTRANCE})),
    Stage(
        "documents",
        (documents_presented, document_in_date, documents_match, not_held_after_forgery),
        frozenset(
            {
                Reason.ID_DOCUMENT_NOT_PRESENTED,
                Reason.PRESS_CREDENTIAL_NOT_PRESENTED,
                Reason.DOCUMENT_EXPIRED,
                Reason.DOCUMENT_NUMBER_MISMATCH,
                Reason.FAMILY_NAME_MISMATCH,
                Reason.GIVEN_NAMES_MISMATCH,
                Reason.DATE_OF_BIRTH_MISMATCH,
                Reason.NATIONALITY_MISMATCH,
                Reason.EXPIRY_MISMATCH,
                Reason.PRESS_CARD_MISMATCH,
                Reason.EDITOR_LETTER_EXPECTED,
                Reason.PRESS_CARD_EXPECTED,
                Reason.FACE_MISMATCH,
                Reason.HELD_AFTER_FORGERY,
            }
        ),
    ),
)

# The last stage is the one the counter settles by looking at the person and their documents.
COUNTER_STAGE = STAGES[-1]


def decide(case: Case) -> Verdict:
    """The verdict for one check-in. Pure: same case, same verdict."""
    for stage in STAGES:
        reasons = tuple(reason for check in stage.checks for reason in check(case))
        if undeclared := set(reasons) - stage.reasons:
            raise AssertionError(f"stage {stage.name} gave reasons it does not declare: {sorted(undeclared)}")
        if reasons:
            return _verdict(case, reasons)
    notes = (Reason.REFERENCE_NOT_VERIFIED,) if case.evidence.code is CodeStatus.PLAIN_REFERENCE else ()
    return Verdict(Outcome.ISSUE, notes)


def awaits_counter(verdict: Verdict) -> bool:
    """Whether the counter's own check (documents, face) still decides this verdict.

    True when nothing but the counter stage stands in the way (or nothing at all: the face is still to be seen);
    False when an earlier stage settled it (refused, redirected, already issued), whatever documents are shown.
    """
    return verdict.outcome is Outcome.ISSUE or set(verdict.reasons) <= COUNTER_STAGE.reasons


def _verdict(case: Case, reasons: tuple[Reason, ...]) -> Verdict:
    outcome = next(o for o in _SEVERITY if any(OUTCOME_OF[r] is o for r in reasons))
    redirect_to = None
    if outcome is Outcome.REDIRECT and case.application is not None:
        redirect_to = case.event.entrance_for(case.application.kind).key
    prior = case.active_badge if Reason.ALREADY_ISSUED in reasons else None
    forgery = case.forgery if Reason.HELD_AFTER_FORGERY in reasons else None
    return Verdict(outcome, reasons, redirect_to=redirect_to, prior_badge=prior, prior_forgery=forgery)


# A printout refused for one of these may be a forgery: its reference is held for a supervisor.
FORGERY_REASONS = frozenset({Reason.INVALID_CODE, Reason.CODE_FOR_OTHER_EVENT, Reason.CODE_KIND_MISMATCH})


def standing_forgery(history: Iterable[LogEntry]) -> ForgeryAttempt | None:
    """The last forged printout in a reference's log entries (oldest first) that no supervisor has cleared since.

    A supervisor clears the hold by deciding on the person (an OVERRIDE of this reference) after it.
    """
    standing = None
    for entry in history:
        record = entry.record
        if record.action is Action.CHECKIN and FORGERY_REASONS.intersection(record.reasons):
            standing = ForgeryAttempt(
                entry.seq, record.time, record.entrance, record.desk, record.staff, record.reasons
            )
        elif record.action is Action.OVERRIDE:
            standing = None
    return standing


class CardStep(enum.Enum):
    """What an ISSUE verdict does about a card printed the night before."""

    PRINT = "print"  # no card waits in a box: the badge is printed (or handed over) at the desk as ever
    AWAIT_CARD = "await_card"  # the person's card is in its box: nothing is handed over until it is scanned
    HAND_OVER = "hand_over"  # the scanned card is the person's: it is handed over
    REFUSED = "refused"  # no hand-over: the verdict was not ISSUE, or the card scanned is not the person's


class Withheld(enum.StrEnum):
    """Why a card printed in advance must not be handed over as it is."""

    NOT_IN_LIST = "not_in_list"
    NOT_APPROVED = "not_approved"  # revoked, withdrawn... since the pre-print
    OTHER_KIND = "other_kind"  # a later list changed the accreditation's kind: a ministerial card for an annual holder
    CHANGED = "changed"  # the name, documents, photo... differ from what the card printed


def printed_details(application: Application) -> str:
    """A digest of what a card prints about its holder and what the counter checks against: a card whose
    application no longer gives the same digest shows other details than the list (a later import, or an edit)."""
    document, press = application.document, application.press
    return state_hash(
        application.reference,
        application.kind.value,
        application.family_name,
        application.given_names,
        application.date_of_birth.isoformat(),
        application.nationality,
        document.kind.value,
        document.number,
        document.country,
        document.expiry.isoformat(),
        press.card_number,
        press.card_issuer,
        press.editor_letter,
        application.organisation,
        application.category.value,
        application.pool,
        application.photo_sha256,
    )


def card_withheld(card: Card | None, application: Application | None) -> Withheld | None:
    """Why a card waiting in its box must not be handed over (a supervisor voids it), or None when it may be."""
    if card is None or card.state is not CardState.PREPRINTED:
        return None
    if application is None:
        return Withheld.NOT_IN_LIST
    if application.status is not Status.APPROVED:
        return Withheld.NOT_APPROVED
    if application.kind is not card.kind:
        return Withheld.OTHER_KIND
    if card.printed_details != printed_details(application):
        return Withheld.CHANGED
    return None


def card_step(
    verdict: Verdict, card: Card | None, scanned: str | None, withheld: bool = False
) -> tuple[Verdict, CardStep]:
    """The hand-over after the rules: a pre-printed card counts only when its own barcode is scanned.

    ``card`` is the person's card still to come (reserved or in its box), ``scanned`` the serial read from the card
    at the counter (None: none scanned yet). A card scanned that is not the person's printed card is WRONG_CARD;
    ``withheld``: the card scanned is the person's, but void or withheld (``card_withheld``): CARD_WITHHELD.
    """
    if not verdict.issues_badge:
        return verdict, CardStep.REFUSED
    printed = card if card is not None and card.state is CardState.PREPRINTED else None
    if scanned is not None:
        if withheld:
            return Verdict(Outcome.REFUSE, (Reason.CARD_WITHHELD,)), CardStep.REFUSED
        if printed is not None and scanned.strip().upper() == printed.serial:
            return verdict, CardStep.HAND_OVER
        return Verdict(Outcome.REFUSE, (Reason.WRONG_CARD,)), CardStep.REFUSED
    return verdict, CardStep.AWAIT_CARD if printed is not None else CardStep.PRINT
