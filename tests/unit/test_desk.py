"""The check-in workflow through the store: verdicts, badges, overrides and voids, all in the log."""

from __future__ import annotations

import sqlite3
from datetime import datetime

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desk_app.core.codes import sign_code
from desk_app.core.model import AccreditationKind, Outcome, PresentedDocument, PresentedPress, Reason, Status
from desk_app.errors import InputError, StaffError, StoreError
from desk_app.service import DeskService, Station
from desk_app.service.keys import load_signing_key, new_key_pair
from desk_app.store.applications import Photo
from tests.conftest import BRUSSELS, FIRST_MORNING, SUPERVISOR_PIN, make_application, store_of

GROUPS = Station("groups", "G1", "anna")
VISITORS = Station("visitors", "V1", "paul")
DOC = PresentedDocument("C01X00T47")
CARD = PresentedPress("DJV-48213")


@pytest.fixture
def listed(desk: DeskService) -> DeskService:
    store_of(desk).applications.upsert_many(
        [
            make_application(),
            make_application(reference="AN24-000001", kind=AccreditationKind.ANNUAL, annual_number="A-1"),
            make_application(reference="DM24-000009", status=Status.REVOKED),
        ],
        "2024-02-01T00:00:00.000000Z",
    )
    return desk


def actions(desk: DeskService, reference: str) -> list[str]:
    return [e.record.action.value for e in store_of(desk).log.for_reference(reference)]


def test_issue_records_badge_and_log_in_one_go(listed: DeskService) -> None:
    result = listed.check_in(GROUPS, " dm24-000001 ", DOC, CARD)
    assert result.verdict.outcome is Outcome.ISSUE
    assert result.badge is not None and result.badge.serial == "M-000001"
    assert store_of(listed).badges.active_for("DM24-000001") == result.badge
    assert actions(listed, "DM24-000001") == ["CHECKIN", "ISSUE"]
    issue_entry = store_of(listed).log.for_reference("DM24-000001")[1]
    assert issue_entry.record.detail["serial"] == "M-000001"
    assert issue_entry.record.time == FIRST_MORNING


def test_second_scan_says_when_where_and_by_whom(listed: DeskService) -> None:
    first = listed.check_in(GROUPS, "DM24-000001", DOC, CARD)
    second = listed.check_in(Station("groups", "G2", "anna"), "DM24-000001", DOC, CARD)
    assert second.verdict.outcome is Outcome.REFUSE and second.badge is None
    assert second.verdict.prior_badge == first.badge
    detail = second.log_entry.record.detail
    assert (detail["prior_serial"], detail["prior_desk"], detail["prior_staff"]) == ("M-000001", "G1", "anna")


def test_refusals_and_redirects_are_logged_without_badges(listed: DeskService) -> None:
    assert listed.check_in(GROUPS, "DM24-000009", DOC, CARD).verdict.reasons == (Reason.REVOKED,)
    redirect = listed.check_in(GROUPS, "AN24-000001", DOC, CARD)
    assert redirect.verdict.redirect_to == "visitors"
    assert redirect.log_entry.record.detail["redirect_to"] == "visitors"
    unknown = listed.check_in(GROUPS, "NOPE-1", DOC, CARD)
    assert unknown.verdict.reasons == (Reason.NOT_FOUND,) and unknown.application is None
    assert store_of(listed).badges.issued_counts() == {}
    assert store_of(listed).log.verify().intact


def test_annual_badge_at_the_visitors_entrance(listed: DeskService) -> None:
    result = listed.check_in(VISITORS, "AN24-000001", DOC, CARD)
    assert result.badge is not None and result.badge.serial == "A-000001"


def test_supervisor_overrides_a_mismatch(listed: DeskService) -> None:
    renewed = PresentedDocument("C77Z00X11")
    assert listed.check_in(GROUPS, "DM24-000001", renewed, CARD).verdict.outcome is Outcome.NEEDS_SUPERVISOR
    result = listed.override(
        GROUPS, "sam", SUPERVISOR_PIN, "passport renewed, old one seen", "DM24-000001", renewed, CARD
    )
    assert result.verdict.outcome is Outcome.ISSUE and result.badge is not None
    assert result.verdict.reasons == (Reason.DOCUMENT_NUMBER_MISMATCH, Reason.SUPERVISOR_OVERRIDE)
    assert actions(listed, "DM24-000001") == ["CHECKIN", "OVERRIDE", "ISSUE"]
    override = store_of(listed).log.for_reference("DM24-000001")[1].record
    assert override.detail["supervisor"] == "sam" and "renewed" in override.detail["reason"]


@pytest.mark.parametrize(
    ("who", "pin", "reason", "message"),
    [
        ("sam", "0000", "ok", "not accepted"),
        ("anna", "2468", "ok", "not accepted"),
        ("sam", SUPERVISOR_PIN, " ", "reason"),
    ],
)
def test_override_needs_a_supervisor_pin_and_reason(
    listed: DeskService, who: str, pin: str, reason: str, message: str
) -> None:
    with pytest.raises(StaffError, match=message):
        listed.override(GROUPS, who, pin, reason, "DM24-000001", PresentedDocument("X1234567"), CARD)
    assert store_of(listed).badges.active_for("DM24-000001") is None


def test_only_a_doubtful_case_can_be_overridden(listed: DeskService) -> None:
    with pytest.raises(StaffError, match="REFUSE"):
        listed.override(GROUPS, "sam", SUPERVISOR_PIN, "friend of mine", "DM24-000009", DOC, CARD)
    assert store_of(listed).badges.active_for("DM24-000009") is None


def test_void_then_reissue(listed: DeskService) -> None:
    first = listed.check_in(GROUPS, "DM24-000001", DOC, CARD).badge
    assert first is not None
    listed.void_badge(GROUPS, "sam", SUPERVISOR_PIN, first.serial, "lost in the press room")
    second = listed.check_in(GROUPS, "DM24-000001", DOC, CARD).badge
    assert second is not None and second.serial == "M-000002"
    assert store_of(listed).badges.get(first.serial).voided_at is not None
    assert actions(listed, "DM24-000001") == ["CHECKIN", "ISSUE", "VOID", "CHECKIN", "ISSUE"]
    with pytest.raises(StoreError, match="no active badge"):
        listed.void_badge(GROUPS, "sam", SUPERVISOR_PIN, first.serial, "again")


@pytest.mark.parametrize(
    ("station", "message"),
    [
        (Station("groups", "G1", "paul"), "works at the Visitors entrance"),
        (Station("visitors", "V1", "anna"), "works at the Groups entrance"),
        (Station("groups", "G1", "ghost"), "no active staff member"),
        (Station("roof", "R1", "anna"), "unknown entrance"),
    ],
)
def test_staff_work_only_where_their_role_belongs(listed: DeskService, station: Station, message: str) -> None:
    with pytest.raises(StaffError, match=message):
        listed.check_in(station, "DM24-000001", DOC, CARD)
    assert store_of(listed).log.for_reference("DM24-000001") == []


def test_supervisor_may_work_at_either_entrance(listed: DeskService) -> None:
    result = listed.check_in(Station("visitors", "V9", "sam"), "AN24-000001", DOC, CARD)
    assert result.verdict.outcome is Outcome.ISSUE


def test_personal_data_is_purged_only_after_the_event(listed: DeskService, clock) -> None:
    store_of(listed).applications.put_photos([Photo("abc", "image/jpeg", b"\xff\xd8 face")])
    badge = listed.check_in(GROUPS, "DM24-000001", DOC, CARD).badge
    with pytest.raises(StaffError, match="only after the event"):
        listed.purge_personal_data("sam", SUPERVISOR_PIN)
    clock.moment = datetime(2024, 2, 16, 9, 0, tzinfo=BRUSSELS)
    assert listed.purge_personal_data("sam", SUPERVISOR_PIN) == (3, "")
    purged = store_of(listed).applications.get("DM24-000001")
    assert (purged.family_name, purged.document.number, purged.email) == ("", "", "")
    assert purged.kind is AccreditationKind.MINISTERIAL and purged.organisation == "Rheinische Post"
    assert store_of(listed).applications.search("Müller") == []
    assert store_of(listed).applications.photo("abc") is None
    assert store_of(listed).badges.active_for("DM24-000001") == badge
    assert store_of(listed).log.for_reference("")[-1].record.action.value == "PURGE"
    assert store_of(listed).log.verify().intact


@pytest.fixture
def office_key(listed: DeskService, tmp_path) -> Ed25519PrivateKey:
    signing, verify = new_key_pair(tmp_path / "keys")
    listed.install_verify_key(verify)
    return load_signing_key(signing)


def test_signed_code_is_verified(listed: DeskService, office_key: Ed25519PrivateKey, clock) -> None:
    desk = DeskService(store_of(listed), listed.event, clock)
    code = sign_code(office_key, listed.event.id, "DM24-000001", AccreditationKind.MINISTERIAL)
    result = desk.check_in(GROUPS, code, DOC, CARD)
    assert result.verdict.outcome is Outcome.ISSUE and result.verdict.reasons == ()
    assert result.log_entry.record.detail["code"] == "signed_valid"


def test_altered_code_is_refused_and_logged_as_such(listed: DeskService, office_key: Ed25519PrivateKey, clock) -> None:
    desk = DeskService(store_of(listed), listed.event, clock)
    code = sign_code(office_key, listed.event.id, "DM24-000001", AccreditationKind.MINISTERIAL)
    forged = code.replace("DM24-000001", "DM24-000009")
    result = desk.check_in(GROUPS, forged, DOC, CARD)
    assert (result.verdict.outcome, result.verdict.reasons) == (Outcome.REFUSE, (Reason.INVALID_CODE,))
    assert result.log_entry.record.detail == {"code": "invalid", "code_problem": "signature does not verify"}
    assert result.log_entry.record.reference == "DM24-000009"


def test_code_of_the_other_kind_is_refused(listed: DeskService, office_key: Ed25519PrivateKey, clock) -> None:
    desk = DeskService(store_of(listed), listed.event, clock)
    code = sign_code(office_key, listed.event.id, "DM24-000001", AccreditationKind.ANNUAL)
    result = desk.check_in(GROUPS, code, DOC, CARD)
    assert result.verdict.reasons == (Reason.CODE_KIND_MISMATCH,)
    assert "list says ministerial" in result.log_entry.record.detail["code_problem"]


def test_a_look_up_longer_than_any_name_or_code_is_bad_input(listed: DeskService) -> None:
    for look_up in (listed.find, listed.search):
        with pytest.raises(InputError, match="256 characters at most, not 131,000") as raised:
            look_up("A" * 131_000)
        assert raised.value.exit_code == 2
    assert listed.find("dm24-000001")  # a real look-up still works


def test_a_forged_kind_letter_is_an_invalid_code_not_a_kind_mismatch(
    listed: DeskService, office_key: Ed25519PrivateKey, clock
) -> None:
    desk = DeskService(store_of(listed), listed.event, clock)
    code = sign_code(office_key, listed.event.id, "DM24-000001", AccreditationKind.MINISTERIAL)
    forged = code.replace(":M:DM24-000001:", ":A:DM24-000001:")  # the letter changed, the signature kept
    result = desk.check_in(GROUPS, forged, DOC, CARD)
    assert (result.verdict.outcome, result.verdict.reasons) == (Outcome.REFUSE, (Reason.INVALID_CODE,))
    assert result.log_entry.record.detail["code_problem"] == "signature does not verify"


def test_a_scan_that_awaits_the_id_check_is_logged_as_a_lookup(listed: DeskService) -> None:
    found = listed.scan(GROUPS, "dm24-000001")
    assert (found.reference, found.verdict.reasons, found.final) == (
        "DM24-000001",
        (Reason.ID_DOCUMENT_NOT_PRESENTED, Reason.PRESS_CREDENTIAL_NOT_PRESENTED),
        False,
    )
    [entry] = store_of(listed).log.for_reference("DM24-000001")
    assert entry == found.log_entry
    assert (entry.record.action.value, entry.record.outcome) == ("LOOKUP", "")
    assert entry.record.detail == {"code": "plain_reference", "preview": "REFUSE"}
    assert store_of(listed).badges.active_for("DM24-000001") is None


def test_a_scan_settled_before_the_id_check_is_a_logged_check_in(listed: DeskService) -> None:
    listed.check_in(GROUPS, "DM24-000001", DOC, CARD)
    again = listed.scan(Station("groups", "G2", "anna"), "DM24-000001")
    assert again.final and again.verdict.reasons == (Reason.ALREADY_ISSUED,)
    assert (again.log_entry.record.action.value, again.log_entry.record.outcome) == ("CHECKIN", "REFUSE")
    assert again.log_entry.record.detail["prior_desk"] == "G1"
    revoked = listed.scan(GROUPS, "DM24-000009")
    assert revoked.final and revoked.verdict.reasons == (Reason.REVOKED,)
    unknown = listed.scan(GROUPS, "DM24-999999")
    assert unknown.final and unknown.verdict.reasons == (Reason.NOT_FOUND,)


def test_a_face_that_does_not_match_needs_a_supervisor_and_is_logged(listed: DeskService) -> None:
    doubted = listed.check_in(GROUPS, "DM24-000001", DOC, CARD, face_matches=False)
    assert (doubted.verdict.outcome, doubted.verdict.reasons) == (Outcome.NEEDS_SUPERVISOR, (Reason.FACE_MISMATCH,))
    assert doubted.log_entry.record.reasons == ("FACE_MISMATCH",)
    accepted = listed.override(GROUPS, "sam", SUPERVISOR_PIN, "twin brother? no: new haircut, compared closely",
                               "DM24-000001", DOC, CARD, face_matches=False)  # fmt: skip
    assert accepted.verdict.reasons == (Reason.FACE_MISMATCH, Reason.SUPERVISOR_OVERRIDE) and accepted.badge


def test_a_reference_shown_on_a_forged_printout_is_held_for_a_supervisor(
    listed: DeskService, office_key: Ed25519PrivateKey
) -> None:
    code = sign_code(office_key, listed.event.id, "DM24-000001", AccreditationKind.MINISTERIAL)
    tampered = code[:-3] + ("AAA" if not code.endswith("AAA") else "BBB")
    other_desk = Station("groups", "G2", "anna")
    forged = listed.check_in(GROUPS, tampered, DOC, CARD)
    assert forged.verdict.reasons == (Reason.INVALID_CODE,)
    # Eight seconds later, the same person types the plain reference: no badge without a supervisor.
    typed = listed.check_in(other_desk, "DM24-000001", DOC, CARD)
    assert (typed.verdict.outcome, typed.verdict.reasons) == (Outcome.NEEDS_SUPERVISOR, (Reason.HELD_AFTER_FORGERY,))
    assert typed.badge is None and typed.verdict.prior_forgery is not None
    assert typed.verdict.prior_forgery.seq == forged.log_entry.seq and typed.verdict.prior_forgery.desk == "G1"
    assert typed.log_entry.record.detail["forgery_seq"] == str(forged.log_entry.seq)
    scanned = listed.scan(other_desk, code)  # even the genuine printout: the ID check, then a supervisor
    assert not scanned.final and Reason.HELD_AFTER_FORGERY in scanned.verdict.reasons
    accepted = listed.override(other_desk, "sam", SUPERVISOR_PIN, "documents checked, printout was a copy", code,
                               DOC, CARD)  # fmt: skip
    assert accepted.badge is not None
    listed.void_badge(other_desk, "sam", SUPERVISOR_PIN, accepted.badge.serial, "test: served again")
    assert listed.check_in(other_desk, code, DOC, CARD).verdict.outcome is Outcome.ISSUE  # the supervisor cleared it


def test_purge_leaves_no_trace_in_the_files_and_waits_for_other_desks(
    listed: DeskService, clock, db_path, tmp_path
) -> None:
    clock.moment = datetime(2024, 2, 16, 9, 0, tzinfo=BRUSSELS)
    secrets = [b"C01X00T47", b"j.mueller@example.org", "Müller".encode()]
    other_desk = sqlite3.connect(db_path)
    other_desk.execute("BEGIN")
    other_desk.execute("SELECT COUNT(*) FROM applications").fetchone()  # a desk in the middle of a read
    with pytest.raises(StoreError, match="close every other desk"):
        listed.purge_personal_data("sam", SUPERVISOR_PIN)
    other_desk.rollback()
    other_desk.close()
    assert (
        listed.purge_personal_data("sam", SUPERVISOR_PIN)[1] == ""
    )  # again, alone: the files are scrubbed and checked
    files = [p for p in tmp_path.glob("desk.sqlite*") if p.is_file()]
    assert files and not any(secret in f.read_bytes() for f in files for secret in secrets)
    assert store_of(listed).log.verify().intact
