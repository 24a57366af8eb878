"""The security state under the chain: staff, verify keys, the event, the rehearsal mark and badges.

Every change to one of these is logged with a hash of the object as it is after the change, in the entry's detail
under ``state:<object>`` (``state:staff:anna``, ``state:badge:M-000012``, ``state:event``...). ``audit`` replays
those hashes and compares them with the objects in the database: a row added, changed or removed behind the log's
back (an attacker's key, a supervisor's PIN hash replaced, a badge row deleted) is named.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping

STATE_PREFIX = "state:"


def state_hash(*fields: object) -> str:
    """One object's fields, hashed in one unambiguous way."""
    text = json.dumps([str(f) if f is not None else None for f in fields], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def state_detail(states: Mapping[str, str]) -> dict[str, str]:
    """``{"staff:anna": h}`` as the detail entries that carry it: ``{"state:staff:anna": h}``."""
    return {STATE_PREFIX + name: value for name, value in states.items()}


def logged_states(details: Iterable[Mapping[str, str]]) -> dict[str, str]:
    """What the log says every object is now: the last hash logged for each, in chain order."""
    expected: dict[str, str] = {}
    for detail in details:
        for key, value in detail.items():
            if key.startswith(STATE_PREFIX):
                expected[key.removeprefix(STATE_PREFIX)] = value
    return expected


def differences(logged: Mapping[str, str], current: Mapping[str, str]) -> list[str]:
    """Each object whose state in the database is not what the log says, in words."""
    problems = []
    for name in sorted(set(logged) | set(current)):
        if name not in logged:
            problems.append(f"{name} is in the database but was never logged: added behind the log's back")
        elif name not in current:
            problems.append(f"{name} is in the log but no longer in the database: removed behind the log's back")
        elif logged[name] != current[name]:
            problems.append(f"{name} is not what the log says: changed behind the log's back")
    return problems
