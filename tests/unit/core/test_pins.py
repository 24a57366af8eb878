"""The lock-out after wrong PINs, as a pure rule over a login's recent attempts (newest first)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desk_app.core.pins import (
    LOCK_SECONDS,
    MAX_FAILURES,
    PinAttempt,
    hash_pin,
    needs_rehash,
    pin_lock,
    pin_matches,
    pin_problem,
)
from tests.conftest import FIRST_MORNING

T = FIRST_MORNING


def attempts(*accepted: bool, every_s: float = 1.0) -> list[PinAttempt]:
    """Attempts newest first, ``every_s`` apart, the newest at T."""
    return [PinAttempt(T - timedelta(seconds=i * every_s), ok) for i, ok in enumerate(accepted)]


def test_a_few_wrong_pins_leave_tries_and_no_wait() -> None:
    lock = pin_lock(attempts(False, False), T)
    assert (lock.failures_in_a_row, lock.wait_s, lock.attempts_left) == (2, 0.0, MAX_FAILURES - 2)


def test_too_many_wrong_pins_in_a_row_wait_from_the_last_one() -> None:
    lock = pin_lock(attempts(*[False] * MAX_FAILURES), T + timedelta(seconds=10))
    assert lock.wait_s == LOCK_SECONDS - 10 and lock.attempts_left == 0
    assert pin_lock(attempts(*[False] * MAX_FAILURES), T + timedelta(seconds=LOCK_SECONDS)).wait_s == 0


def test_a_right_pin_clears_the_count() -> None:
    assert pin_lock(attempts(False, True, *[False] * MAX_FAILURES), T).wait_s == 0
    assert pin_lock([], T).failures_in_a_row == 0


def test_after_the_wait_each_wrong_pin_waits_again() -> None:
    lock = pin_lock(attempts(*[False] * (MAX_FAILURES + 1), every_s=40), T)
    assert lock.wait_s == LOCK_SECONDS


def test_trivial_pins_are_refused() -> None:
    assert pin_problem("12a4") and pin_problem("123") and pin_problem("7777")
    assert pin_problem("2468") is None and pin_problem("2481") is None


@pytest.mark.parametrize("pin", ["1234", "9876", "890123", "121212", "123123", "4444", "12a4", "١٢٣٤٥٦", " 2468"])
def test_trivial_or_foreign_pins_are_refused(pin: str) -> None:
    assert pin_problem(pin) is not None


@pytest.mark.parametrize(("pin", "supervisor", "ok"), [("2468", False, True), ("2468", True, False),
                                                       ("975310", True, True), ("97531", True, False)])  # fmt: skip
def test_a_supervisor_pin_is_at_least_six_digits(pin: str, supervisor: bool, ok: bool) -> None:
    assert (pin_problem(pin, supervisor=supervisor) is None) is ok


def test_the_real_cost_and_a_weaker_hash_is_redone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("desk_app.core.pins._N", 2**15)  # undo the test suite's quick hashes
    stored = hash_pin("975310")
    assert stored.startswith("scrypt$32768$8$1$") and pin_matches("975310", stored)
    assert not needs_rehash(stored) and needs_rehash(hash_pin("975310", n=2**14))


def test_a_planted_hash_of_enormous_cost_is_not_even_tried() -> None:
    planted = hash_pin("975310", n=2**10).replace("scrypt$1024$", f"scrypt${2**22}$")
    assert not pin_matches("975310", planted)
