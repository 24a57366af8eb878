"""Badges on both backends: serials, one active badge per person, printing states, voids."""

from __future__ import annotations

import pytest

from desk_app.core.model import AccreditationKind, BadgeState
from desk_app.errors import StoreError
from desk_app.store import Store
from desk_app.store.badges import AlreadyIssued
from tests.conftest import FIRST_MORNING, make_application

MINISTERIAL = AccreditationKind.MINISTERIAL


@pytest.fixture
def listed(staffed_store: Store) -> Store:
    staffed_store.applications.upsert_many(
        [
            make_application(),
            make_application(reference="DM24-000002"),
            make_application(reference="AN24-000001", kind=AccreditationKind.ANNUAL),
        ],
        "2024-02-01T00:00:00.000000Z",
    )
    return staffed_store


def issue(store: Store, reference: str, desk: str = "G1", state: BadgeState = BadgeState.ISSUED) -> str:
    kind = store.applications.get(reference).kind  # type: ignore[union-attr]
    return store.badges.issue(reference, kind, FIRST_MORNING, "groups", desk, "anna", state).serial


def test_serials_count_per_kind(listed: Store) -> None:
    assert [issue(listed, r) for r in ("DM24-000001", "AN24-000001", "DM24-000002")] == [
        "M-000001",
        "A-000001",
        "M-000002",
    ]
    badge = listed.badges.get("M-000002")
    assert badge is not None and badge.reference == "DM24-000002" and badge.issued_at == FIRST_MORNING
    assert listed.badges.active_for("DM24-000001") == listed.badges.get("M-000001")
    assert listed.badges.issued_counts() == {(MINISTERIAL, "groups"): 2, (AccreditationKind.ANNUAL, "groups"): 1}
    listed.badges.void("M-000001", FIRST_MORNING, "lost")
    assert [b.serial for b in listed.badges.handed_over(MINISTERIAL)] == ["M-000002"]


def test_the_database_refuses_a_second_active_badge(listed: Store) -> None:
    issue(listed, "DM24-000001", "G1")
    with pytest.raises(AlreadyIssued, match="already holds an active badge"):
        issue(listed, "DM24-000001", "G2")
    assert listed.badges.active_for("DM24-000001").desk == "G1"  # type: ignore[union-attr]
    issue(listed, "DM24-000002")  # the refused insert left the store usable


def test_a_voided_badge_frees_the_person(listed: Store) -> None:
    serial = issue(listed, "DM24-000001")
    assert listed.badges.void(serial, FIRST_MORNING, "lost")
    assert not listed.badges.void(serial, FIRST_MORNING, "lost twice")
    assert listed.badges.active_for("DM24-000001") is None
    assert issue(listed, "DM24-000001") == "M-000002"
    assert listed.badges.get(serial).state is BadgeState.VOIDED  # type: ignore[union-attr]


def test_printing_then_printed_or_failed(listed: Store) -> None:
    printing = issue(listed, "DM24-000001", state=BadgeState.PRINTING)
    assert listed.badges.issued_counts() == {}
    assert listed.badges.printed(printing, FIRST_MORNING).state is BadgeState.ISSUED
    with pytest.raises(StoreError, match="not being printed"):
        listed.badges.printed(printing, FIRST_MORNING)
    failed = issue(listed, "DM24-000002", state=BadgeState.PRINTING)
    listed.badges.print_failed(failed, FIRST_MORNING, "paper jam")
    assert listed.badges.get(failed).state is BadgeState.PRINT_FAILED  # type: ignore[union-attr]
    assert listed.badges.active_for("DM24-000002") is None
    with pytest.raises(ValueError, match="issued or printing"):
        issue(listed, "DM24-000002", state=BadgeState.VOIDED)
