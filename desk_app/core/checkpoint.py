"""Signed checkpoints of the check-in log, in the C2SP tlog-checkpoint and signed-note text formats.

A checkpoint says "the log of this origin had ``size`` entries and its last one hashed to ``head_hash``", signed
with a desk's Ed25519 key that is kept outside the database. Held somewhere an attacker with the database file
does not control (a day's export, a witness folder on another medium), it proves that the log still extends it:
no entry up to ``size`` was removed or rewritten, even by someone who recomputed the whole chain.

The text::

    desk-app/nato-defmin-2024-02          origin
    1234                                  size
    q1p0...=                              head hash, base64 of the 32 bytes
    time 2024-02-14T09:30:00.000000Z      extension line (when it was made)

    — desk-groups-G1 AbCd...              signature line: key name, base64(key hash[4] || Ed25519 signature)
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

_DASH = "\u2014"  # the em dash that starts a signature line
_ED25519 = b"\x01"  # the signature type byte of the note format


class CheckpointError(ValueError):
    """The text is not a checkpoint, or no trusted signature on it holds."""


@dataclass(frozen=True)
class Checkpoint:
    origin: str
    size: int
    head_hash: str  # hex, as the log stores it
    extensions: tuple[str, ...] = ()

    def body(self) -> str:
        head = base64.b64encode(bytes.fromhex(self.head_hash)).decode("ascii")
        return "".join(f"{line}\n" for line in (self.origin, str(self.size), head, *self.extensions))


@dataclass(frozen=True)
class SignedCheckpoint:
    checkpoint: Checkpoint
    signers: tuple[str, ...]  # the names of the trusted keys whose signatures hold


def key_hash(name: str, public_key: Ed25519PublicKey) -> bytes:
    """The 4 bytes that tie a signature line to a key: SHA-256(name, newline, type, key)[:4]."""
    raw = public_key.public_bytes(Encoding.Raw, PublicFormat.Raw)
    return hashlib.sha256(name.encode("utf-8") + b"\n" + _ED25519 + raw).digest()[:4]


def sign_checkpoint(checkpoint: Checkpoint, name: str, key: Ed25519PrivateKey) -> str:
    """The checkpoint as a signed note."""
    if not name or any(c.isspace() for c in name) or "+" in name:
        raise ValueError(f"{name!r} cannot name a checkpoint key (no spaces, no '+')")
    body = checkpoint.body()
    signature = key_hash(name, key.public_key()) + key.sign(body.encode("utf-8"))
    return f"{body}\n{_DASH} {name} {base64.b64encode(signature).decode('ascii')}\n"


def parse_checkpoint(text: str, trusted: Mapping[str, Ed25519PublicKey]) -> SignedCheckpoint:
    """Read a signed checkpoint and check its signatures against ``trusted`` (key name to verify key).

    Raises:
        CheckpointError: malformed, or not signed by any trusted key (an unknown or forged signature).
    """
    body, sep, signatures = text.partition("\n\n")
    if not sep:
        raise CheckpointError("not a checkpoint: no blank line before the signatures")
    lines = body.split("\n")
    if len(lines) < 3:
        raise CheckpointError("not a checkpoint: it needs an origin, a size and a head hash")
    origin, size_text, head_text, *extensions = lines
    try:
        size = int(size_text)
        head = base64.b64decode(head_text, validate=True)
    except (ValueError, binascii.Error) as exc:
        raise CheckpointError(f"not a checkpoint: {exc}") from exc
    if size < 0 or len(head) != 32 or not origin or size_text != str(size):
        raise CheckpointError("not a checkpoint: bad origin, size or head hash")
    checkpoint = Checkpoint(origin, size, head.hex(), tuple(extensions))
    signed = (body + "\n").encode("utf-8")
    signers = []
    for line in signatures.splitlines():
        name, signature = _signature_line(line)
        key = trusted.get(name)
        if key is None or signature[:4] != key_hash(name, key):
            continue
        try:
            key.verify(signature[4:], signed)
        except InvalidSignature:
            continue
        signers.append(name)
    if not signers:
        raise CheckpointError("no signature on the checkpoint holds for a trusted key")
    return SignedCheckpoint(checkpoint, tuple(signers))


def _signature_line(line: str) -> tuple[str, bytes]:
    parts = line.split(" ")
    if len(parts) != 3 or parts[0] != _DASH:
        raise CheckpointError(f"not a signature line: {line[:60]!r}")
    try:
        return parts[1], base64.b64decode(parts[2], validate=True)
    except (ValueError, binascii.Error) as exc:
        raise CheckpointError(f"not a signature line: {exc}") from exc
