"""Checkpoints of the log, signed with this machine's key and kept where someone with the database cannot reach.

Each desk machine has an Ed25519 checkpoint key in its config folder (made on first use, mode 0600), never in the
database. A checkpoint (the log's size and head hash, see ``core.checkpoint``) goes into every daily export, into
this machine's own witness file, and into the station's witness folder (a USB stick, a network share) when it has
one. ``log verify --checkpoint`` proves the log still extends each of them.

What a checkpoint proves: nothing up to its size was removed or rewritten since it was made, even by someone who
recomputed the whole chain. What it cannot: entries after its size, or a log rewritten before any checkpoint was
taken away; and someone who holds both the database and every copy of the checkpoints (and the key) is not caught.
"""

from __future__ import annotations

import base64
import csv
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pypdfium2 as pdfium
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
    load_pem_private_key,
    load_pem_public_key,
)

from desk_app.core.checkpoint import Checkpoint, CheckpointError, SignedCheckpoint, parse_checkpoint, sign_checkpoint
from desk_app.core.clock import to_utc_text
from desk_app.core.codes import key_id
from desk_app.errors import ConfigError
from desk_app.reports.stamp import CHECKPOINT_KEYWORD, CHECKPOINT_ROW
from desk_app.service.station import user_config_folder, user_data_folder
from desk_app.store import Store
from desk_app.store.checkin_log import ChainReport

KEY_FILE = "checkpoint-key.pem"
TRUSTED_FOLDER = "checkpoint-keys"  # other desks' public keys, trusted for verifying their checkpoints
ORIGIN_PREFIX = "desk-app/"
MAX_CHECKPOINT_FILE = 64 * 1024  # a checkpoint is a few hundred bytes


def witness_folder() -> Path:
    """This machine's own witness folder (a desk on PostgreSQL keeps its own copy of what it saw)."""
    return user_data_folder() / "witness"


@dataclass(frozen=True)
class CheckpointKey:
    name: str
    private: Ed25519PrivateKey

    @property
    def public_pem(self) -> bytes:
        return self.private.public_key().public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo)


def own_key(folder: Path | None = None) -> CheckpointKey:
    """This machine's checkpoint key, made on first use."""
    path = (folder or user_config_folder()) / KEY_FILE
    try:
        key = load_pem_private_key(path.read_bytes(), password=None)
    except FileNotFoundError:
        key = Ed25519PrivateKey.generate()
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another desk process made it meanwhile: use that one
            return own_key(folder)
        with os.fdopen(fd, "wb") as out:
            out.write(key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption()))
    except (OSError, ValueError, TypeError) as exc:
        raise ConfigError(f"cannot read this desk's checkpoint key {path}: {exc}") from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise ConfigError(f"{path} is not an Ed25519 key")
    return CheckpointKey(f"desk-{key_id(key.public_key())}", key)


def trusted_keys(extra: Iterable[Path] = (), folder: Path | None = None) -> dict[str, Ed25519PublicKey]:
    """The keys whose checkpoints this machine trusts: its own, those in its trusted folder, and ``extra``."""
    mine = own_key(folder)
    trusted = {mine.name: mine.private.public_key()}
    known = sorted(((folder or user_config_folder()) / TRUSTED_FOLDER).glob("*.pub"))
    for path in [*known, *extra]:
        try:
            public = load_pem_public_key(path.read_bytes())
        except (OSError, ValueError) as exc:
            raise ConfigError(f"cannot read the checkpoint key {path}: {exc}") from exc
        if not isinstance(public, Ed25519PublicKey):
            raise ConfigError(f"{path} is not an Ed25519 public key")
        trusted[f"desk-{key_id(public)}"] = public
    return trusted


def make_checkpoint(store: Store, event_id: str, at: datetime, key: CheckpointKey) -> str:
    """A signed checkpoint of the log as it is now."""
    head = store.log.head()
    size, head_hash = (head.seq, head.entry_hash) if head else (0, "0" * 64)
    checkpoint = Checkpoint(ORIGIN_PREFIX + event_id, size, head_hash, (f"time {to_utc_text(at)}",))
    return sign_checkpoint(checkpoint, key.name, key.private)


def write_witness(folder: Path, note: str, desk_name: str, key: CheckpointKey) -> Path:
    """The latest checkpoint of this desk in ``folder`` (written whole, then renamed), with its public key."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{_safe(desk_name)}.checkpoint"
    part = path.with_name(path.name + ".part")
    part.write_text(note, encoding="utf-8")
    os.replace(part, path)
    public = folder / f"{key.name}.pub"
    if not public.exists():
        public.write_bytes(key.public_pem)
    return path


@dataclass(frozen=True)
class CheckpointCheck:
    """One checkpoint held against the log: ``problem`` is empty when the log extends it."""

    source: str
    signed: SignedCheckpoint | None
    problem: str = ""

    @property
    def holds(self) -> bool:
        return self.signed is not None and not self.problem


def check_against(
    store: Store,
    event_id: str,
    source: str,
    note: str,
    trusted: Mapping[str, Ed25519PublicKey],
    chain: ChainReport,
) -> CheckpointCheck:
    """Whether the log still extends the checkpoint in ``note``; what was removed or rewritten if not.

    ``chain`` is the log's own verification, walked once for all the checkpoints being checked.
    """
    try:
        signed = parse_checkpoint(note, trusted)
    except CheckpointError as exc:
        return CheckpointCheck(source, None, str(exc))
    point = signed.checkpoint
    if point.origin != ORIGIN_PREFIX + event_id:
        return CheckpointCheck(source, signed, f"the checkpoint is of {point.origin!r}, not of this event's log")
    if point.size == 0:
        return CheckpointCheck(source, signed)
    count = store.log.count()
    entry = store.log.entry(point.size)
    if entry is None:
        return CheckpointCheck(
            source, signed, f"the checkpoint saw {point.size} entries; the log holds {count}: entries were removed"
        )
    if entry.entry_hash != point.head_hash:
        return CheckpointCheck(
            source,
            signed,
            f"entry {point.size} is not the one the checkpoint saw: the log up to it was rewritten",
        )
    if chain.first_broken is not None and chain.first_broken <= point.size:
        return CheckpointCheck(source, signed, f"the chain breaks at entry {chain.first_broken}: {chain.problem}")
    return CheckpointCheck(source, signed)


def notes_in(path: Path) -> list[str]:
    """The checkpoints a file holds: a day's CSV export (its #checkpoint rows), its PDF report (the keywords), or a
    checkpoint file (the whole text). Only regular files are opened: a FIFO or a device would never end."""
    if not path.is_file():
        raise ConfigError(f"{path} is not a file that can hold a checkpoint (a regular file is needed)")
    try:
        if path.suffix.lower() == ".csv":
            with path.open(encoding="utf-8-sig", newline="") as stream:
                return [row[1] for row in csv.reader(stream) if len(row) == 2 and row[0] == CHECKPOINT_ROW]
        if path.suffix.lower() == ".pdf":
            keywords = pdfium.PdfDocument(str(path)).get_metadata_dict().get("Keywords", "")
            if not keywords.startswith(CHECKPOINT_KEYWORD):
                return []
            return [base64.b64decode(keywords.removeprefix(CHECKPOINT_KEYWORD)).decode("utf-8")]
        if path.stat().st_size > MAX_CHECKPOINT_FILE:
            raise ConfigError(f"{path} is too large to be a checkpoint file")
        return [path.read_text(encoding="utf-8")]
    except (OSError, UnicodeDecodeError, ValueError, csv.Error, pdfium.PdfiumError) as exc:
        raise ConfigError(f"cannot read a checkpoint from {path}: {exc}") from exc


def _safe(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in name) or "desk"
