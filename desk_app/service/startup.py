"""Opening a desk: the database, its event (the shipped one on first use) and the clock; one way for every caller.

``desk-app gui`` and every command of the command line start here, so a database is opened, its event read or
installed and ``--now`` understood in exactly one way.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import platformdirs

from desk_app.config import DEFAULT_EVENT_FILE, parse_event
from desk_app.core.clock import Clock, ShiftedClock, SystemClock, parse_moment
from desk_app.core.event import EventConfig
from desk_app.core.model import Action
from desk_app.errors import ConfigError, StoreError
from desk_app.service.desk_service import DeskService
from desk_app.service.journal import Journal
from desk_app.service.station import APP_NAME, StationConfig
from desk_app.store import Store, open_store
from desk_app.store.meta import EVENT_CONFIG_KEY

Moment = str | datetime | None
"""``--now``: ISO-8601 text read in the event's time zone, an aware datetime, or None for the real clock."""


@dataclass(frozen=True)
class DeskProfile:
    """A desk opened for a show rather than a shift (the demo): its station is given, never asked or saved.

    ``login`` and ``pin`` are offered on the login screen; ``printouts`` is where the confirmation printouts to scan
    are; exports are proposed in ``export_folder``.
    """

    station: StationConfig
    login: str
    pin: str
    printouts: Path
    export_folder: Path


def default_db_location() -> str:
    """``$DESK_APP_DB`` as given (a path or a URL), else desk.sqlite in the user's data folder."""
    if env := os.environ.get("DESK_APP_DB"):
        return env
    return str(Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "desk.sqlite")


def make_clock(now: Moment, event: EventConfig) -> Clock:
    """The real clock, or one started at ``now`` (ISO text is read in the event's time zone).

    Raises:
        ConfigError: ``now`` is not an ISO-8601 moment.
    """
    if now is None:
        return SystemClock()
    if isinstance(now, datetime):
        return ShiftedClock(now if now.tzinfo else now.replace(tzinfo=event.time_zone))
    try:
        return ShiftedClock(parse_moment(now, event.time_zone))
    except ValueError as exc:
        raise ConfigError(f"--now {now!r} is not an ISO-8601 moment (e.g. 2024-02-14T09:00)") from exc


def event_of(store: Store) -> EventConfig | None:
    """The event the database serves, or None before one is installed."""
    text = store.meta.get(EVENT_CONFIG_KEY)
    return parse_event(text, f"{store.location} event config") if text is not None else None


def install_event(store: Store, text: str, source: str, at: datetime, staff: str = "") -> EventConfig:
    """Make ``text`` the database's event config; refuses to switch a database that serves another event."""
    event = parse_event(text, source)
    with store.transaction():
        current = store.meta.get(EVENT_CONFIG_KEY)
        if current is not None:
            current_id = parse_event(current, "database event config").id
            if current_id != event.id:
                raise StoreError(f"{store.location} serves event {current_id!r}, not {event.id!r}")
        store.meta.put(EVENT_CONFIG_KEY, text)
        detail = {"event": event.id, "source": source}
        Journal(store, SystemClock()).record(Action.EVENT_CONFIGURED, staff=staff, detail=detail, at=at)
    return event


def open_desk(location: str | Path, now: Moment = None, event_file: Path | None = None) -> DeskService:
    """Open the desk's database at ``location`` (a path, ``sqlite:///path`` or a PostgreSQL URL).

    With ``event_file`` that event is installed (``desk-app init``); otherwise the database's own event is used,
    and a new database gets the shipped event. Close the service when done (it is a context manager).
    """
    text = path = None
    if event_file is not None:  # read first: a mistyped file leaves no empty database behind
        path, text = event_file, _read_event_file(event_file)
    store = open_store(location)
    try:
        event = event_of(store)
        if event is None and text is None:
            path, text = DEFAULT_EVENT_FILE, _read_event_file(DEFAULT_EVENT_FILE)
        if text is not None and path is not None:
            event = install_event(store, text, path.name, make_clock(now, parse_event(text, str(path))).now())
        assert event is not None
        return DeskService(store, event, make_clock(now, event), location)
    except BaseException:
        store.close()
        raise


def _read_event_file(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read the event file {path}: {exc.strerror}") from exc
    parse_event(text, str(path))  # a broken file is refused before anything is opened
    return text
