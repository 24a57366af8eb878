"""Confirmation codes: the QR on the applicant's printout, verifiable at the desk, unforgeable from a desk.

A code reads ``C1:KEYID:EVENT:K:REFERENCE:SIGNATURE``:

- ``C1`` the format version; ``KEYID`` names the accreditation office's signing key (5 base32 characters of the
  SHA-256 of its public key); ``EVENT`` is a 5-character tag of the event id; ``K`` is ``M`` (ministerial) or
  ``A`` (annual); ``REFERENCE`` the application's reference;
- ``SIGNATURE`` an Ed25519 signature, in unpadded base32, over the text before it and the full event id.

Every character is in the QR alphanumeric set (digits, upper-case letters, ``:`` and ``-``), so the QR stays at
version 6 or lower at error correction M for references up to 30 characters. A desk holds only public keys.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from desk_app.core.model import AccreditationKind, CodeStatus

VERSION = "C1"
_KIND_LETTER = {AccreditationKind.MINISTERIAL: "M", AccreditationKind.ANNUAL: "A"}
_LETTER_KIND = {letter: kind for kind, letter in _KIND_LETTER.items()}
_SIGNATURE_CHARS = 103  # 64 bytes in unpadded base32
_REFERENCE = re.compile(r"^[A-Z0-9][A-Z0-9-]{2,39}$")
_DOMAIN = b"desk-app confirmation code\n"
# ASCII letters only: str.upper() turns 'ı' into 'I' and 'ß' into 'SS', which would read a hand-made text as a code.
_ASCII_UPPER = str.maketrans("abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _b32(data: bytes) -> str:
    return base64.b32encode(data).decode("ascii").rstrip("=")


def _unb32(text: str) -> bytes:
    return base64.b32decode(text + "=" * (-len(text) % 8))


def key_id(public_key: Ed25519PublicKey) -> str:
    raw = public_key.public_bytes(Encoding.Raw, PublicFormat.Raw)
    return _b32(hashlib.sha256(raw).digest()[:3])


def event_tag(event_id: str) -> str:
    return _b32(hashlib.sha256(event_id.encode("utf-8")).digest()[:3])


def _signed_bytes(body: str, event_id: str) -> bytes:
    return _DOMAIN + event_id.encode("utf-8") + b"\n" + body.encode("ascii")


def sign_code(private_key: Ed25519PrivateKey, event_id: str, reference: str, kind: AccreditationKind) -> str:
    """The code for one applicant; only the accreditation office, which holds the private key, calls this."""
    if not _REFERENCE.match(reference):
        raise ValueError(f"{reference!r} cannot be put in a confirmation code")
    body = ":".join((VERSION, key_id(private_key.public_key()), event_tag(event_id), _KIND_LETTER[kind], reference))
    return f"{body}:{_b32(private_key.sign(_signed_bytes(body, event_id)))}"


@dataclass(frozen=True)
class CodeReading:
    """What a desk made of a scanned or typed text.

    ``problem`` says, for the log, why a code was not accepted (a forgery signal is worth investigating).
    """

    reference: str
    status: CodeStatus
    kind: AccreditationKind | None = None
    problem: str = ""


def looks_signed(text: str) -> bool:
    return text.startswith(VERSION + ":")


def read_code(text: str, event_id: str, keys: Mapping[str, Ed25519PublicKey]) -> CodeReading:
    """Verify a signed code, or take ``text`` as a plain reference. Never raises on bad input.

    White space anywhere and lower-case ASCII letters are scanner noise; any other difference makes another text.
    """
    text = "".join(text.split()).translate(_ASCII_UPPER)
    if not looks_signed(text):
        if ":" in text or len(text) > 40:  # a damaged or foreign code, not something a person would type
            return CodeReading("", CodeStatus.INVALID, problem="not a confirmation code of this desk's format")
        return CodeReading(text, CodeStatus.PLAIN_REFERENCE)
    parts = text.split(":")
    if len(parts) != 6:
        return CodeReading(_reference_in(parts), CodeStatus.INVALID, problem="incomplete or malformed code")
    _, kid, tag, letter, reference, signature = parts
    if not _REFERENCE.match(reference) or letter not in _LETTER_KIND:
        return CodeReading(_reference_in(parts), CodeStatus.INVALID, problem="malformed code")
    kind = _LETTER_KIND[letter]
    if tag != event_tag(event_id):
        return CodeReading(reference, CodeStatus.OTHER_EVENT, kind, f"event tag {tag} is not this event's")
    public_key = keys.get(kid)
    if public_key is None:
        return CodeReading(reference, CodeStatus.INVALID, kind, f"signed with unknown key {kid}")
    if len(signature) != _SIGNATURE_CHARS:
        return CodeReading(reference, CodeStatus.INVALID, kind, "signature truncated")
    try:
        signature_bytes = _unb32(signature)
        if _b32(signature_bytes) != signature:  # the last character carries spare bits: only one spelling counts
            raise ValueError("non-canonical base32")
        public_key.verify(signature_bytes, _signed_bytes(text.rsplit(":", 1)[0], event_id))
    except (InvalidSignature, ValueError):
        return CodeReading(reference, CodeStatus.INVALID, kind, "signature does not verify")
    return CodeReading(reference, CodeStatus.SIGNED_VALID, kind)


def _reference_in(parts: list[str]) -> str:
    """The reference a damaged code claims, for the log; empty when there is none."""
    return parts[4] if len(parts) > 4 and _REFERENCE.match(parts[4]) else ""
