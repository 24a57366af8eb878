"""Opening a desk: nothing created by mistake, --now only on rehearsal databases, a live clock never behind the log;
and what it reads from outside (checkpoint files) is bounded."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desk_app.config import DEFAULT_EVENT_FILE
from desk_app.errors import ConfigError, StoreError
from desk_app.service import open_desk
from desk_app.service.startup import install_event
from desk_app.service.witness import MAX_CHECKPOINT_FILE, notes_in
from desk_app.store import open_store

EVENT_TEXT = DEFAULT_EVENT_FILE.read_text(encoding="utf-8")


def test_a_live_desk_refuses_a_clock_behind_its_log(tmp_path: Path) -> None:
    db = tmp_path / "live.sqlite"
    with open_store(db) as store:  # a log whose last entry is tomorrow: this machine's clock went back
        install_event(store, EVENT_TEXT, "x", datetime.now(UTC) + timedelta(days=1))
    with pytest.raises(ConfigError, match=r"clock .* is behind the log"):
        open_desk(db)


def test_a_few_seconds_between_desks_clocks_are_normal(tmp_path: Path) -> None:
    db = tmp_path / "live.sqlite"
    with open_store(db) as store:
        install_event(
            store, DEFAULT_EVENT_FILE.read_text(encoding="utf-8"), "x", datetime.now(UTC) + timedelta(seconds=20)
        )
    with open_desk(db) as desk:
        assert not desk.rehearsal


def test_now_needs_a_rehearsal_database_and_a_rehearsal_is_marked_at_init(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="rehearsals only"):
        open_desk(tmp_path / "live.sqlite", "2024-02-14T09:00", create=True)
    with open_desk(tmp_path / "rehearsal.sqlite", "2024-02-14T09:00", create=True, rehearsal=True) as desk:
        assert desk.rehearsal and desk.today().isoformat() == "2024-02-14"
    with open_desk(tmp_path / "rehearsal.sqlite", "2024-02-15T09:00") as again:
        assert again.rehearsal


def test_nothing_is_created_unless_asked(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        open_desk(tmp_path / "missing.sqlite")
    assert not (tmp_path / "missing.sqlite").exists()


def test_a_checkpoint_is_read_only_from_a_regular_file_of_sane_size(tmp_path: Path) -> None:
    fifo = tmp_path / "usb.checkpoint"
    os.mkfifo(fifo)
    with pytest.raises(ConfigError, match="regular file"):
        notes_in(fifo)  # returns at once: a FIFO is never opened
    with pytest.raises(ConfigError, match="regular file"):
        notes_in(tmp_path)
    huge = tmp_path / "huge.checkpoint"
    huge.write_bytes(b"x" * (MAX_CHECKPOINT_FILE + 1))
    with pytest.raises(ConfigError, match="too large"):
        notes_in(huge)
