"""The hash chain that makes the check-in log tamper-evident.

Each entry's hash covers its sequence number, every field, and the previous entry's hash: an edited, deleted,
inserted or reordered entry breaks the chain from that point on.
"""

from __future__ import annotations

import hashlib
import json

from desk_app.core.clock import to_utc_text
from desk_app.core.model import LogRecord

GENESIS_HASH = "0" * 64


def canonical_bytes(seq: int, record: LogRecord) -> bytes:
    """One unambiguous byte string per entry: JSON with sorted keys, no spaces, UTF-8."""
    fields = {
        "seq": seq,
        "time": to_utc_text(record.time),
        "action": record.action.value,
        "entrance": record.entrance,
        "desk": record.desk,
        "staff": record.staff,
        "reference": record.reference,
        "outcome": record.outcome,
        "reasons": list(record.reasons),
        "detail": dict(sorted(record.detail.items())),
    }
    return json.dumps(fields, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def entry_hash(prev_hash: str, seq: int, record: LogRecord) -> str:
    return hashlib.sha256(prev_hash.encode("ascii") + b"\n" + canonical_bytes(seq, record)).hexdigest()
