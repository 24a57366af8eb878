"""Key files for confirmation codes: the office's signing key and the desks' verify key (PEM files).

The signing key never goes to a desk. A desk's database holds only verify keys, installed with
``desk-app keys install``; several may be installed at once (a key rotated mid-accreditation).
"""

from __future__ import annotations

import os
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
    load_pem_private_key,
    load_pem_public_key,
)

from desk_app.core.codes import key_id
from desk_app.core.model import Action
from desk_app.core.state import state_detail
from desk_app.errors import ConfigError
from desk_app.service.audit import VERIFY_KEY_PREFIX as _META_PREFIX
from desk_app.service.audit import meta_state
from desk_app.service.journal import Journal
from desk_app.store import Store

SIGNING_KEY_FILE = "signing-key.pem"
VERIFY_KEY_FILE = "verify-key.pem"


def new_key_pair(folder: Path) -> tuple[Path, Path]:
    """Write a fresh signing key (mode 0600) and its verify key; refuses to overwrite a signing key."""
    folder.mkdir(parents=True, exist_ok=True)
    signing_path, verify_path = folder / SIGNING_KEY_FILE, folder / VERIFY_KEY_FILE
    private_key = Ed25519PrivateKey.generate()
    private_pem = private_key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())
    try:
        fd = os.open(signing_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise ConfigError(f"{signing_path} exists: a signing key is never overwritten") from None
    with os.fdopen(fd, "wb") as f:
        f.write(private_pem)
    verify_path.write_bytes(private_key.public_key().public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo))
    return signing_path, verify_path


def load_signing_key(path: Path) -> Ed25519PrivateKey:
    try:
        key = load_pem_private_key(path.read_bytes(), password=None)
    except OSError as exc:
        raise ConfigError(f"cannot read the signing key {path}: {exc.strerror}") from exc
    except (ValueError, TypeError) as exc:
        raise ConfigError(f"{path} is not an unencrypted PEM signing key") from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise ConfigError(f"{path} is not an Ed25519 signing key")
    return key


def parse_verify_key(pem: bytes, source: str) -> Ed25519PublicKey:
    try:
        key = load_pem_public_key(pem)
    except (ValueError, TypeError) as exc:
        if b"PRIVATE KEY" in pem:
            raise ConfigError(f"{source} is a signing key: desks get only the verify key") from exc
        raise ConfigError(f"{source} is not a PEM verify key") from exc
    if not isinstance(key, Ed25519PublicKey):
        raise ConfigError(f"{source} is not an Ed25519 verify key")
    return key


def install_verify_key(store: Store, journal: Journal, path: Path, staff: str = "") -> str:
    """Give the database a verify key; returns its key id."""
    try:
        pem = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read {path}: {exc.strerror}") from exc
    kid = key_id(parse_verify_key(pem, str(path)))
    with store.transaction():
        store.meta.put(_META_PREFIX + kid, pem.decode("ascii"))
        detail = {"key_id": kid} | state_detail(meta_state(store, _META_PREFIX + kid))
        journal.record(Action.KEY_INSTALLED, staff=staff, detail=detail)
    return kid


def verify_keys(store: Store) -> dict[str, Ed25519PublicKey]:
    """The verify keys a desk trusts, by key id."""
    return {
        name.removeprefix(_META_PREFIX): parse_verify_key(pem.encode("ascii"), f"database key {name}")
        for name, pem in store.meta.with_prefix(_META_PREFIX).items()
    }
