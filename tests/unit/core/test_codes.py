"""Signed confirmation codes: verified at the desk, refused when forged, altered, cut short or foreign."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given
from hypothesis import strategies as st

from desk_app.core.codes import key_id, read_code, sign_code
from desk_app.core.model import AccreditationKind, CodeStatus
from desk_app.office.confirmations import QrSymbol

EVENT = "nato-defmin-2024-02"
OFFICE_KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
KEYS = {key_id(OFFICE_KEY.public_key()): OFFICE_KEY.public_key()}
CODE = sign_code(OFFICE_KEY, EVENT, "DM24-000285", AccreditationKind.MINISTERIAL)
QR_ALPHANUMERIC = set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")


def test_a_genuine_code_verifies() -> None:
    reading = read_code(CODE, EVENT, KEYS)
    assert (reading.status, reading.reference, reading.kind) == (
        CodeStatus.SIGNED_VALID,
        "DM24-000285",
        AccreditationKind.MINISTERIAL,
    )
    assert reading.problem == ""


def test_code_fits_a_small_qr() -> None:
    assert set(CODE) <= QR_ALPHANUMERIC
    assert QrSymbol.for_text(CODE).version <= 6
    longest = sign_code(OFFICE_KEY, EVENT, "R" * 30, AccreditationKind.ANNUAL)
    assert QrSymbol.for_text(longest).version <= 6


def test_scanner_noise_is_tolerated() -> None:
    assert read_code(f"  {CODE.lower()}\r\n", EVENT, KEYS).status is CodeStatus.SIGNED_VALID


@pytest.mark.parametrize("position", range(len(CODE)))
def test_any_single_character_changed_is_refused(position: int) -> None:
    replacement = "A" if CODE[position] != "A" else "B"
    altered = CODE[:position] + replacement + CODE[position + 1 :]
    assert read_code(altered, EVENT, KEYS).status in (CodeStatus.INVALID, CodeStatus.OTHER_EVENT)


def test_event_tag_changed_is_another_event() -> None:
    other = sign_code(OFFICE_KEY, "nato-summit-2024-07", "DM24-000285", AccreditationKind.MINISTERIAL)
    reading = read_code(other, EVENT, KEYS)
    assert reading.status is CodeStatus.OTHER_EVENT and reading.reference == "DM24-000285"


@pytest.mark.parametrize("cut", [10, 30, len(CODE) - 1])
def test_truncated_code_is_invalid(cut: int) -> None:
    reading = read_code(CODE[:cut], EVENT, KEYS)
    assert reading.status is CodeStatus.INVALID and reading.problem


def test_code_from_another_key_is_invalid() -> None:
    stranger = Ed25519PrivateKey.generate()
    reading = read_code(sign_code(stranger, EVENT, "DM24-000285", AccreditationKind.MINISTERIAL), EVENT, KEYS)
    assert reading.status is CodeStatus.INVALID and "unknown key" in reading.problem


def test_signature_from_another_key_under_a_trusted_key_id_is_invalid() -> None:
    stranger = sign_code(Ed25519PrivateKey.generate(), EVENT, "DM24-000285", AccreditationKind.MINISTERIAL)
    forged = ":".join([*CODE.split(":")[:5], stranger.split(":")[5]])
    reading = read_code(forged, EVENT, KEYS)
    assert reading.status is CodeStatus.INVALID and reading.problem == "signature does not verify"


def test_kind_cannot_be_upgraded() -> None:
    annual = CODE.replace(":M:", ":A:")
    assert read_code(annual, EVENT, KEYS).status is CodeStatus.INVALID


def test_a_plain_reference_is_just_a_reference() -> None:
    reading = read_code(" dm24-000285 ", EVENT, KEYS)
    assert (reading.status, reading.reference) == (CodeStatus.PLAIN_REFERENCE, "DM24-000285")


@given(st.text())
def test_no_input_makes_the_reader_raise(text: str) -> None:
    assert read_code(text, EVENT, KEYS).status in set(CodeStatus)


@given(st.text(alphabet=sorted(QR_ALPHANUMERIC), max_size=160))
def test_random_codes_never_verify(text: str) -> None:
    assert read_code("C1:" + text, EVENT, KEYS).status is not CodeStatus.SIGNED_VALID
