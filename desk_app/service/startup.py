"""Opening a desk: the database, its event (the shipped one on first use) and the clock; one way for every caller.

``desk-app gui`` and every command of the command line start here, so a database is opened, its event read or
installed and ``--now`` understood in exactly one way.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from desk_app.config import DEFAULT_EVENT_FILE, parse_event
from desk_app.core.clock import Clock, ShiftedClock, SystemClock, parse_moment, to_utc_text
from desk_app.core.event import EventConfig
from desk_app.core.model import Action
from desk_app.core.state import state_detail
from desk_app.errors import ConfigError, StoreError
from desk_app.service.audit import REHEARSAL_KEY, meta_state
from desk_app.service.desk_service import DeskService
from desk_app.service.journal import Journal
from desk_app.service.station import StationConfig, user_data_folder
from desk_app.store import Store, open_store
from desk_app.store.meta import EVENT_CONFIG_KEY

EARLIEST_YEAR, LATEST_YEAR = 2000, 2199  # dates outside are typing mistakes (and overflow date arithmetic)
CLOCK_TOLERANCE = timedelta(minutes=2)  # desks' clocks differ by seconds; more than this behind the log is wrong
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
    return str(user_data_folder() / "desk.sqlite")


def make_clock(now: Moment, event: EventConfig) -> Clock:
    """The real clock, or one started at ``now`` (ISO text is read in the event's time zone).

    Raises:
        ConfigError: ``now`` is not an ISO-8601 moment.
    """
    if now is None:
        return SystemClock()
    if isinstance(now, datetime):
        moment = now if now.tzinfo else now.replace(tzinfo=event.time_zone)
    else:
        try:
            moment = parse_moment(now, event.time_zone)
        except ValueError as exc:
            raise ConfigError(f"--now {now!r} is not an ISO-8601 moment (e.g. 2024-02-14T09:00)") from exc
    if not EARLIEST_YEAR <= moment.year <= LATEST_YEAR:
        raise ConfigError(f"--now {now!s}: a desk runs between {EARLIEST_YEAR} and {LATEST_YEAR}")
    return ShiftedClock(moment)


def event_of(store: Store) -> EventConfig | None:
    """The event the database serves, or None before one is installed."""
    text = store.meta.get(EVENT_CONFIG_KEY)
    return parse_event(text, f"{store.location} event config") if text is not None else None


def install_event(
    store: Store, text: str, source: str, at: datetime, staff: str = "", rehearsal: bool = False
) -> EventConfig:
    """Make ``text`` the database's event config; refuses to switch a database that serves another event.

    ``rehearsal`` marks the database as one for rehearsals (``--now`` allowed); only a database that has served
    nobody yet can be marked, and the mark is logged.
    """
    event = parse_event(text, source)
    with store.transaction():
        current = store.meta.get(EVENT_CONFIG_KEY)
        if current is not None:
            current_id = parse_event(current, "database event config").id
            if current_id != event.id:
                raise StoreError(f"{store.location} serves event {current_id!r}, not {event.id!r}")
        store.meta.put(EVENT_CONFIG_KEY, text)
        detail = {"event": event.id, "source": source}
        if rehearsal and not is_rehearsal(store):
            if store.badges.issued_counts():
                raise ConfigError(f"{store.location} has served people: it cannot become a rehearsal database")
            store.meta.put(REHEARSAL_KEY, "yes")
            detail["rehearsal"] = "yes"
        detail |= state_detail(meta_state(store, EVENT_CONFIG_KEY) | meta_state(store, REHEARSAL_KEY))
        Journal(store, SystemClock()).record(Action.EVENT_CONFIGURED, staff=staff, detail=detail, at=at)
    return event


def is_rehearsal(store: Store) -> bool:
    return store.meta.get(REHEARSAL_KEY) == "yes"


def open_desk(
    location: str | Path,
    now: Moment = None,
    event_file: Path | None = None,
    *,
    create: bool = False,
    rehearsal: bool = False,
) -> DeskService:
    """Open the desk's database at ``location`` (a path, ``sqlite:///path`` or a PostgreSQL URL).

    Args:
        now: run as at this moment (``--now``); refused unless the database is a rehearsal database.
        event_file: install this event (``desk-app init``); otherwise the database's own event is used, and a new
            database gets the shipped event.
        create: make the database when there is none (``init``, ``import``); otherwise a missing or empty
            database is refused (StoreError, exit 3) and nothing is created.
        rehearsal: mark a new database as a rehearsal database (``init --rehearsal``).

    Raises:
        ConfigError: ``--now`` on a live database, or this computer's clock is behind the log.

    Close the service when done (it is a context manager).
    """
    text = path = None
    if event_file is not None:  # read first: a mistyped file leaves no empty database behind
        path, text = event_file, _read_event_file(event_file)
    store = open_store(location, create)
    try:
        if now is not None and not (rehearsal or is_rehearsal(store)):
            raise ConfigError(
                f"--now runs a desk at another moment, for rehearsals only: {store.location} is a live database "
                "(desk-app init --rehearsal makes a rehearsal database)"
            )
        event = event_of(store)
        if event is None and text is None:
            path, text = DEFAULT_EVENT_FILE, _read_event_file(DEFAULT_EVENT_FILE)
        if text is not None and path is not None:
            at = make_clock(now, parse_event(text, str(path))).now()
            event = install_event(store, text, path.name, at, rehearsal=rehearsal)
        assert event is not None
        clock = make_clock(now, event)
        if now is None:
            _check_clock_behind_log(store, clock)
        return DeskService(store, event, clock, location)
    except BaseException:
        store.close()
        raise


def _check_clock_behind_log(store: Store, clock: Clock) -> None:
    """A live desk's clock never goes back behind its log (a few seconds between desks' clocks are normal)."""
    head = store.log.head()
    if head is not None and clock.now() < head.record.time - CLOCK_TOLERANCE:
        raise ConfigError(
            f"this computer's clock ({to_utc_text(clock.now())}) is behind the log's last entry "
            f"({to_utc_text(head.record.time)}): set the clock right before serving anyone"
        )


def _read_event_file(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read the event file {path}: {exc.strerror}") from exc
    parse_event(text, str(path))  # a broken file is refused before anything is opened
    return text
