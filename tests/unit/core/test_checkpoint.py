"""Signed checkpoints: the C2SP text round-trips, and every change to the text or the key is caught."""

from __future__ import annotations

import hashlib

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desk_app.core.checkpoint import Checkpoint, CheckpointError, parse_checkpoint, sign_checkpoint

KEY = Ed25519PrivateKey.generate()
HEAD = hashlib.sha256(b"head").hexdigest()
POINT = Checkpoint("desk-app/nato-defmin-2024-02", 1234, HEAD, ("time 2024-02-14T09:30:00.000000Z",))


def test_a_signed_checkpoint_reads_back_with_its_signer() -> None:
    text = sign_checkpoint(POINT, "desk-groups-G1", KEY)
    assert text.startswith("desk-app/nato-defmin-2024-02\n1234\n") and "\n\n\u2014 desk-groups-G1 " in text
    read = parse_checkpoint(text, {"desk-groups-G1": KEY.public_key()})
    assert read.checkpoint == POINT and read.signers == ("desk-groups-G1",)


@pytest.mark.parametrize(
    "tamper",
    [
        lambda t: t.replace("\n1234\n", "\n1233\n"),  # a shorter log claimed
        lambda t: t.replace("2024-02-14T09:30", "2024-02-14T09:31"),
        lambda t: t.replace("desk-app/", "desk-app-"),
    ],
)
def test_any_change_to_the_text_breaks_the_signature(tamper) -> None:
    text = sign_checkpoint(POINT, "desk-groups-G1", KEY)
    with pytest.raises(CheckpointError, match="no signature"):
        parse_checkpoint(tamper(text), {"desk-groups-G1": KEY.public_key()})


def test_an_unknown_key_or_name_is_not_trusted() -> None:
    text = sign_checkpoint(POINT, "desk-groups-G1", KEY)
    other = Ed25519PrivateKey.generate().public_key()
    with pytest.raises(CheckpointError):
        parse_checkpoint(text, {"desk-groups-G1": other})
    with pytest.raises(CheckpointError):
        parse_checkpoint(text, {"desk-groups-G2": KEY.public_key()})


@pytest.mark.parametrize("text", ["", "x\n\n", "o\nten\nAAAA\n\n\u2014 k AAAA\n", "o\n1\nAAAA\n\nnot a signature\n"])
def test_malformed_text_is_refused_in_words(text: str) -> None:
    with pytest.raises(CheckpointError, match="not a"):
        parse_checkpoint(text, {"k": KEY.public_key()})
