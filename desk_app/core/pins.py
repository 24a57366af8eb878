"""Staff PINs, stored only as scrypt hashes with a per-PIN salt.

A PIN is short, so the hash must be slow: scrypt with n=2**14 costs about 16 MiB and tens of milliseconds,
paid once per login, which makes guessing every PIN of a stolen database expensive.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

_N, _R, _P = 2**14, 8, 1
MIN_PIN_LENGTH = 4


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
