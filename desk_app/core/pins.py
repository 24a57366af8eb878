"""Staff PINs, stored only as scrypt hashes with a per-PIN salt.

A PIN is short, so the hash must be slow: scrypt with n=2**15 costs 32 MiB and about 100 ms on a counter PC,
paid once per login, which makes guessing a supervisor's six digits from a stolen database take days of a core
rather than minutes. Hashes made with a lower cost are redone at the next right PIN (``needs_rehash``).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import itertools
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

_N, _R, _P = 2**15, 8, 1
_MAXMEM = 64 * 2**20  # scrypt needs 128 * r * n bytes (32 MiB here) and a little more
MIN_PIN_LENGTH = 4
MIN_SUPERVISOR_PIN_LENGTH = 6  # a supervisor's PIN opens overrides, voids and the staff list
MAX_FAILURES = 5
LOCK_SECONDS = 30.0


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_pin(pin: str, *, n: int | None = None) -> str:
    n = n or _N
    salt = os.urandom(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=n, r=_R, p=_P, dklen=32, maxmem=_MAXMEM)
    return f"scrypt${n}${_R}${_P}${_b64(salt)}${_b64(digest)}"


def pin_matches(pin: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        if int(n) > _N * 4:  # a hash planted to make every check cost minutes is not a PIN hash of ours
            return False
        salt_bytes = base64.b64decode(salt)
        candidate = hashlib.scrypt(
            pin.encode(), salt=salt_bytes, n=int(n), r=int(r), p=int(p), dklen=32, maxmem=_MAXMEM * 4
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(candidate, base64.b64decode(digest))


def needs_rehash(stored: str) -> bool:
    """Whether a hash was made with less work than a new one gets (it is redone at the next right PIN)."""
    try:
        return stored.split("$")[0] != "scrypt" or int(stored.split("$")[1]) < _N
    except (IndexError, ValueError):
        return True


def pin_problem(pin: str, supervisor: bool = False) -> str | None:
    """Why a PIN cannot be used, or None.

    ASCII digits only (other scripts' digits look alike but are not what a keypad types); at least 4, or 6 for a
    supervisor; never one digit repeated, a short pattern repeated (1212, 123123) or a straight run (1234, 987654).
    """
    length = MIN_SUPERVISOR_PIN_LENGTH if supervisor else MIN_PIN_LENGTH
    if not (pin.isascii() and pin.isdigit()) or len(pin) < length:
        who = "a supervisor's PIN" if supervisor else "a PIN"
        return f"{who} is at least {length} digits 0-9"
    if _repeats(pin) or _straight(pin):
        return "that PIN is too easy to guess (a repeated pattern or a straight run of digits)"
    return None


def _repeats(pin: str) -> bool:
    return any(len(pin) % period == 0 and pin == pin[:period] * (len(pin) // period) for period in (1, 2, 3))


def _straight(pin: str) -> bool:
    steps = {(int(b) - int(a)) % 10 for a, b in itertools.pairwise(pin)}
    return steps in ({1}, {9})


@dataclass(frozen=True)
class PinAttempt:
    """One PIN typed for a login, as the log keeps it."""

    at: datetime
    accepted: bool


@dataclass(frozen=True)
class PinLock:
    """Where a login stands after its recent attempts."""

    failures_in_a_row: int
    wait_s: float  # 0: a try is allowed now

    @property
    def attempts_left(self) -> int:
        """Tries before the next wait."""
        return max(0, MAX_FAILURES - self.failures_in_a_row)


def pin_lock(recent: Sequence[PinAttempt], now: datetime) -> PinLock:
    """How long a login must wait, from its attempts newest first.

    After ``MAX_FAILURES`` wrong PINs in a row the login waits ``LOCK_SECONDS`` from the last one; every further
    wrong PIN starts the wait again, so a guesser gets one try per wait. A right PIN clears the count.
    """
    failures = 0
    for attempt in recent:
        if attempt.accepted:
            break
        failures += 1
    if failures < MAX_FAILURES:
        return PinLock(failures, 0.0)
    elapsed = max(0.0, (now - recent[0].at).total_seconds())  # a clock set back never waits longer than a lock
    return PinLock(failures, max(0.0, LOCK_SECONDS - elapsed))
