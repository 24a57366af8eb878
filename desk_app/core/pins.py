"""Staff PINs, stored only as scrypt hashes with a per-PIN salt.

A PIN is short, so the hash must be slow: scrypt with n=2**14 costs about 16 MiB and tens of milliseconds,
paid once per login, which makes guessing every PIN of a stolen database expensive.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

_N, _R, _P = 2**14, 8, 1
MIN_PIN_LENGTH = 4
MAX_FAILURES = 5
LOCK_SECONDS = 30.0


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_pin(pin: str, *, n: int = _N) -> str:
    salt = os.urandom(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=n, r=_R, p=_P, dklen=32)
    return f"scrypt${n}${_R}${_P}${_b64(salt)}${_b64(digest)}"


def pin_matches(pin: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        candidate = hashlib.scrypt(pin.encode(), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p), dklen=32)
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(candidate, base64.b64decode(digest))


def pin_problem(pin: str) -> str | None:
    """Why a PIN cannot be used, or None."""
    if not pin.isdigit() or len(pin) < MIN_PIN_LENGTH:
        return f"a PIN is at least {MIN_PIN_LENGTH} digits"
    if len(set(pin)) == 1:
        return "a PIN of one repeated digit is too easy to guess"
    return None


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
