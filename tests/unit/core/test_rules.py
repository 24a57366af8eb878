"""Every rule of the desk (PRODUCT.md, 'The rules at the desk'), as a table of cases and expected verdicts."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta

import pytest

from desk_app.config import DEFAULT_EVENT_FILE, load_event_file, parse_event
from desk_app.core.model import (
    AccreditationKind,
    Badge,
    CodeStatus,
    DocumentKind,
    Evidence,
    IdDocument,
    Outcome,
    PresentedDocument,
    PresentedPress,
    PressCredential,
    Reason,
    Status,
)
from desk_app.core.rules import COUNTER_STAGE, OUTCOME_OF, STAGES, Case, Stage, awaits_counter, decide
from tests.conftest import BRUSSELS, FIRST_MORNING, make_application

EVENT = load_event_file(DEFAULT_EVENT_FILE)
MINISTERIAL = make_application()
ANNUAL = make_application(reference="AN24-000001", kind=AccreditationKind.ANNUAL, annual_number="NATO-A24-0001")
EDITOR_LETTER = make_application(reference="DM24-000002", press=PressCredential(editor_letter=True))
GOOD_DOC = PresentedDocument("C01X00T47")
GOOD_PRESS = PresentedPress(card_number="DJV-48213")
PRIOR = Badge(
    "M-000007",
    MINISTERIAL.reference,
    AccreditationKind.MINISTERIAL,
    FIRST_MORNING - timedelta(hours=1),
    "groups",
    "G2",
    "anna",
)


def case(
    application=MINISTERIAL,
    face_matches=None,
    entrance="groups",
    code=CodeStatus.SIGNED_VALID,
    document=GOOD_DOC,
    press=GOOD_PRESS,
    active_badge=None,
    now=FIRST_MORNING,
    event=EVENT,
) -> Case:
    return Case(event, entrance, Evidence(code, document, press, face_matches), application, active_badge, now)


R = Reason
CASES = {
    # Rule 1: closed accreditation, only people on the list.
    "not on the list": (case(application=None), Outcome.REFUSE, [R.NOT_FOUND]),
    "approved and everything matches": (case(), Outcome.ISSUE, []),
    "pending": (case(application=make_application(status=Status.PENDING)), Outcome.REFUSE, [R.NOT_APPROVED]),
    "rejected": (case(application=make_application(status=Status.REJECTED)), Outcome.REFUSE, [R.REJECTED]),
    "withdrawn": (case(application=make_application(status=Status.WITHDRAWN)), Outcome.REFUSE, [R.WITHDRAWN]),
    "revoked": (case(application=make_application(status=Status.REVOKED)), Outcome.REFUSE, [R.REVOKED]),
    # Rule 2: in person, printout + same ID document + same press card or editor's letter.
    "no ID document": (case(document=None), Outcome.REFUSE, [R.ID_DOCUMENT_NOT_PRESENTED]),
    "no press credential": (case(press=None), Outcome.REFUSE, [R.PRESS_CREDENTIAL_NOT_PRESENTED]),
    "neither document": (
        case(document=None, press=PresentedPress()),
        Outcome.REFUSE,
        [R.ID_DOCUMENT_NOT_PRESENTED, R.PRESS_CREDENTIAL_NOT_PRESENTED],
    ),
    "another document number": (
        case(document=PresentedDocument("X99999999")),
        Outcome.NEEDS_SUPERVISOR,
        [R.DOCUMENT_NUMBER_MISMATCH],
    ),
    "document number typed with spaces and lower case": (
        case(document=PresentedDocument("c01 x00-t47")),
        Outcome.ISSUE,
        [],
    ),
    "every MRZ field differs": (
        case(document=PresentedDocument("X99999999", "Schmidt", "Anna", date(1990, 1, 1), "AUT", date(2030, 1, 1))),
        Outcome.NEEDS_SUPERVISOR,
        [
            R.DOCUMENT_NUMBER_MISMATCH,
            R.FAMILY_NAME_MISMATCH,
            R.GIVEN_NAMES_MISMATCH,
            R.DATE_OF_BIRTH_MISMATCH,
            R.NATIONALITY_MISMATCH,
            R.EXPIRY_MISMATCH,
        ],
    ),
    "MRZ names in ICAO transliteration": (
        case(
            document=PresentedDocument(
                "C01X00T47", "MUELLER", "JUERGEN KARL", date(1981, 3, 9), "DEU", date(2031, 8, 1)
            )
        ),
        Outcome.ISSUE,
        [],
    ),
    "another press card": (case(press=PresentedPress("DJV-00001")), Outcome.NEEDS_SUPERVISOR, [R.PRESS_CARD_MISMATCH]),
    "press card by its last four": (case(press=PresentedPress("8213")), Outcome.ISSUE, []),
    "press card by its last four, with a dash": (case(press=PresentedPress("-8-2-1-3")), Outcome.ISSUE, []),
    "press card by another card's last four": (
        case(press=PresentedPress("8214")),
        Outcome.NEEDS_SUPERVISOR,
        [R.PRESS_CARD_MISMATCH],
    ),
    "press card by its last three": (
        case(press=PresentedPress("213")),
        Outcome.NEEDS_SUPERVISOR,
        [R.PRESS_CARD_MISMATCH],
    ),
    "press card by its last five": (case(press=PresentedPress("48213")), Outcome.ISSUE, []),
    "press card by five that are not its end": (
        case(press=PresentedPress("DJV48")),
        Outcome.NEEDS_SUPERVISOR,
        [R.PRESS_CARD_MISMATCH],
    ),
    "editor's letter instead of the press card applied with": (
        case(press=PresentedPress(editor_letter_seen=True)),
        Outcome.NEEDS_SUPERVISOR,
        [R.PRESS_CARD_EXPECTED],
    ),
    "editor's letter as applied": (
        case(application=EDITOR_LETTER, press=PresentedPress(editor_letter_seen=True)),
        Outcome.ISSUE,
        [],
    ),
    "press card where an editor's letter was used to apply": (
        case(application=EDITOR_LETTER),
        Outcome.NEEDS_SUPERVISOR,
        [R.EDITOR_LETTER_EXPECTED],
    ),
    "document expires before the last event day": (
        case(
            application=make_application(
                document=IdDocument(DocumentKind.PASSPORT, "C01X00T47", "DEU", date(2024, 2, 14))
            )
        ),
        Outcome.REFUSE,
        [R.DOCUMENT_EXPIRED],
    ),
    "document expiring on the last event day is fine": (
        case(
            application=make_application(
                document=IdDocument(DocumentKind.PASSPORT, "C01X00T47", "DEU", date(2024, 2, 15))
            )
        ),
        Outcome.ISSUE,
        [],
    ),
    "face does not match the photo": (case(face_matches=False), Outcome.NEEDS_SUPERVISOR, [R.FACE_MISMATCH]),
    "face matches the photo": (case(face_matches=True), Outcome.ISSUE, []),
    # Rule 3: ministerial at the Groups entrance, annual at the Visitors entrance; a redirect, not a refusal.
    "ministerial at the Visitors entrance": (case(entrance="visitors"), Outcome.REDIRECT, [R.WRONG_ENTRANCE]),
    "annual at the Groups entrance": (case(application=ANNUAL), Outcome.REDIRECT, [R.WRONG_ENTRANCE]),
    "annual at the Visitors entrance": (case(application=ANNUAL, entrance="visitors"), Outcome.ISSUE, []),
    "redirect comes before the document check": (
        case(entrance="visitors", document=None, press=None),
        Outcome.REDIRECT,
        [R.WRONG_ENTRANCE],
    ),
    # Rule 6: one badge per person at a time.
    "already issued": (case(active_badge=PRIOR), Outcome.REFUSE, [R.ALREADY_ISSUED]),
    "already issued, now at the wrong entrance": (
        case(active_badge=PRIOR, entrance="visitors"),
        Outcome.REFUSE,
        [R.ALREADY_ISSUED],
    ),
    "revoked and already issued: both said": (
        case(application=make_application(status=Status.REVOKED), active_badge=PRIOR),
        Outcome.REFUSE,
        [R.REVOKED, R.ALREADY_ISSUED],
    ),
    # Validity: badges are handed out only while the counters issue them.
    "before the counters open": (
        case(now=datetime(2024, 2, 12, 9, 0, tzinfo=BRUSSELS)),
        Outcome.REFUSE,
        [R.OUTSIDE_VALIDITY],
    ),
    "after the event": (case(now=datetime(2024, 2, 16, 9, 0, tzinfo=BRUSSELS)), Outcome.REFUSE, [R.OUTSIDE_VALIDITY]),
    "the day before the event, counters open": (
        case(now=datetime(2024, 2, 13, 10, 0, tzinfo=BRUSSELS)),
        Outcome.ISSUE,
        [],
    ),
    # The printout: signed codes verified, forgeries refused, plain references only where the event allows.
    "forged code": (case(code=CodeStatus.INVALID), Outcome.REFUSE, [R.INVALID_CODE]),
    "forged code outranks everything": (
        case(code=CodeStatus.INVALID, application=None, document=None),
        Outcome.REFUSE,
        [R.INVALID_CODE],
    ),
    "code of another event": (case(code=CodeStatus.OTHER_EVENT), Outcome.REFUSE, [R.CODE_FOR_OTHER_EVENT]),
    "code of another accreditation kind": (case(code=CodeStatus.KIND_MISMATCH), Outcome.REFUSE, [R.CODE_KIND_MISMATCH]),
    "plain reference where allowed": (case(code=CodeStatus.PLAIN_REFERENCE), Outcome.ISSUE, [R.REFERENCE_NOT_VERIFIED]),
    "plain reference where not allowed": (
        case(code=CodeStatus.PLAIN_REFERENCE, event=dataclasses.replace(EVENT, accept_unsigned_references=False)),
        Outcome.REFUSE,
        [R.UNSIGNED_REFERENCE_NOT_ALLOWED],
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_verdict(name: str) -> None:
    the_case, outcome, reasons = CASES[name]
    verdict = decide(the_case)
    assert verdict.outcome is outcome
    assert list(verdict.reasons) == reasons


def test_redirect_names_the_entrance_that_issues_the_kind() -> None:
    assert decide(case(entrance="visitors")).redirect_to == "groups"
    assert decide(case(application=ANNUAL)).redirect_to == "visitors"


def test_already_issued_carries_when_where_and_by_whom() -> None:
    verdict = decide(case(active_badge=PRIOR))
    assert verdict.prior_badge == PRIOR


def test_every_reason_has_an_outcome() -> None:
    assert set(OUTCOME_OF) == set(Reason)


def test_event_without_unsigned_references_is_just_config() -> None:
    text = DEFAULT_EVENT_FILE.read_text(encoding="utf-8").replace(
        "accept_unsigned_references = true", "accept_unsigned_references = false"
    )
    event = parse_event(text)
    assert decide(case(code=CodeStatus.PLAIN_REFERENCE, event=event)).outcome is Outcome.REFUSE


def test_every_reason_but_the_notes_and_the_hand_over_belongs_to_exactly_one_stage() -> None:
    declared = [reason for stage in STAGES for reason in stage.reasons]
    after_the_stages = {
        Reason.REFERENCE_NOT_VERIFIED,
        Reason.SUPERVISOR_OVERRIDE,
        Reason.WRONG_CARD,
        Reason.CARD_WITHHELD,
    }
    assert len(declared) == len(set(declared)) and set(declared) == set(Reason) - after_the_stages


@pytest.mark.parametrize("name", CASES)
def test_only_verdicts_of_the_counter_stage_wait_for_the_counter(name: str) -> None:
    verdict = decide(CASES[name][0])
    settled_earlier = any(r not in COUNTER_STAGE.reasons for r in verdict.reasons if OUTCOME_OF[r] is not Outcome.ISSUE)
    assert awaits_counter(verdict) is not settled_earlier


def test_a_stage_that_gives_a_reason_it_does_not_declare_is_a_bug(monkeypatch: pytest.MonkeyPatch) -> None:
    lying = Stage("code", STAGES[0].checks, frozenset({Reason.NOT_FOUND}))
    monkeypatch.setattr("desk_app.core.rules.STAGES", (lying, *STAGES[1:]))
    with pytest.raises(AssertionError, match="does not declare"):
        decide(case(code=CodeStatus.INVALID))
