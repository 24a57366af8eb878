"""The lock-out after wrong PINs, as a pure rule over a login's recent attempts (newest first)."""

from __future__ import annotations

from datetime import timedelta

from desk_app.core.pins import LOCK_SECONDS, MAX_FAILURES, PinAttempt, pin_lock, pin_problem
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
    assert pin_problem("2468") is None
