"""Key files: the signing key stays private and at the office; desks take only verify keys."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from desk_app.core.codes import key_id
from desk_app.errors import ConfigError
from desk_app.service.journal import Journal
from desk_app.service.keys import install_verify_key, load_signing_key, new_key_pair, verify_keys
from desk_app.store import Store
from tests.conftest import FIRST_MORNING, FixedClock


@pytest.fixture
def journal(store: Store) -> Journal:
    return Journal(store, FixedClock(FIRST_MORNING))


def test_new_key_pair_is_private_and_never_overwritten(tmp_path: Path) -> None:
    signing, verify = new_key_pair(tmp_path)
    assert stat.S_IMODE(signing.stat().st_mode) == 0o600
    assert b"PUBLIC KEY" in verify.read_bytes()
    before = signing.read_bytes()
    with pytest.raises(ConfigError, match="never overwritten"):
        new_key_pair(tmp_path)
    assert signing.read_bytes() == before


def test_installed_keys_are_trusted_by_id(store: Store, journal: Journal, tmp_path: Path) -> None:
    signing, verify = new_key_pair(tmp_path / "a")
    _, second = new_key_pair(tmp_path / "b")
    kid = install_verify_key(store, journal, verify)
    install_verify_key(store, journal, second)
    keys = verify_keys(store)
    assert len(keys) == 2 and kid == key_id(load_signing_key(signing).public_key())
    assert [e.record.action.value for e in store.log.for_reference("")] == ["KEY_INSTALLED", "KEY_INSTALLED"]


def test_a_desk_refuses_the_signing_key(store: Store, journal: Journal, tmp_path: Path) -> None:
    signing, _ = new_key_pair(tmp_path)
    with pytest.raises(ConfigError, match="desks get only the verify key"):
        install_verify_key(store, journal, signing)
    garbage = tmp_path / "garbage.pem"
    garbage.write_text("hello")
    with pytest.raises(ConfigError, match="not a PEM verify key"):
        install_verify_key(store, journal, garbage)
    with pytest.raises(ConfigError, match="not an unencrypted PEM signing key"):
        load_signing_key(garbage)
    assert verify_keys(store) == {}
