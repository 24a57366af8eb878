"""The check-in workflow on both backends: the same verdicts, badges and log, whichever database is under it."""

from __future__ import annotations

import pytest

from desk_app.core.model import Outcome, PresentedDocument, PresentedPress, Reason
from desk_app.service import DeskService, Station
from tests.conftest import SUPERVISOR_PIN, make_application, store_of

G1 = Station("groups", "G1", "anna")
G2 = Station("groups", "G2", "anna")
DOC = PresentedDocument("C01X00T47")
CARD = PresentedPress("DJV-48213")


@pytest.fixture
def listed(desk: DeskService) -> DeskService:
    store_of(desk).applications.upsert_many([make_application()], "2024-02-01T00:00:00.000000Z")
    return desk


def test_issue_refuse_void_reissue(listed: DeskService) -> None:
    first = listed.check_in(G1, "DM24-000001", DOC, CARD)
    assert first.verdict.outcome is Outcome.ISSUE and first.badge is not None
    second = listed.check_in(G2, "DM24-000001", DOC, CARD)
    assert second.verdict.reasons == (Reason.ALREADY_ISSUED,)
    assert second.log_entry.record.detail["prior_desk"] == "G1"
    listed.void_badge(G2, "sam", SUPERVISOR_PIN, first.badge.serial, "lost")
    third = listed.check_in(G2, "DM24-000001", DOC, CARD)
    assert third.badge is not None and third.badge.serial == "M-000002" and third.badge.desk == "G2"
    actions = [e.record.action.value for e in store_of(listed).log.for_reference("DM24-000001")]
    assert actions == ["CHECKIN", "ISSUE", "CHECKIN", "VOID", "CHECKIN", "ISSUE"]
    report = store_of(listed).log.verify()
    # With the event's installation, the three accounts and the supervisor's PIN.
    assert report.intact and report.entries == store_of(listed).log.count() == 11
