"""Staff accounts on both backends."""

from __future__ import annotations

import pytest

from desk_app.core.model import Role, StaffMember
from desk_app.errors import StaffError
from desk_app.store import Store
from tests.conftest import FIRST_MORNING


def test_staff_round_trip_and_pins(store: Store) -> None:
    store.staff.add(StaffMember("zoe", "Zoé Ðorđević", Role.SUPERVISOR), "1357", FIRST_MORNING)
    store.staff.add(StaffMember("bob", "Bob", Role.COUNTER, active=False), "2468", FIRST_MORNING)
    assert store.staff.get("zoe") == StaffMember("zoe", "Zoé Ðorđević", Role.SUPERVISOR)
    assert [m.login for m in store.staff.all()] == ["bob", "zoe"]
    assert store.staff.check_pin("zoe", "1357") and not store.staff.check_pin("zoe", "1358")
    assert not store.staff.check_pin("bob", "2468")  # inactive
    assert store.staff.get("nobody") is None


def test_a_login_is_taken_once(store: Store) -> None:
    store.staff.add(StaffMember("zoe", "Zoé", Role.COUNTER), "1357", FIRST_MORNING)
    with pytest.raises(StaffError, match="already exists"):
        store.staff.add(StaffMember("zoe", "Another Zoé", Role.COUNTER), "1357", FIRST_MORNING)
    assert len(store.staff.all()) == 1
