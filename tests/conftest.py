"""Shared fixtures: every test gets its own SQLite file, the shipped event, and a clock at a chosen moment."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from desk_app.config import DEFAULT_EVENT_FILE
from desk_app.core.event import EventConfig
from desk_app.core.model import (
    AccreditationKind,
    Application,
    Category,
    DocumentKind,
    IdDocument,
    PressCredential,
    Role,
    StaffMember,
    Status,
)
from desk_app.service import DeskService
from desk_app.service.startup import install_event
from desk_app.store import Store, open_store
from tests.pg_server import PostgresServer
from tests.processes import Run, desk_app_runner

BRUSSELS = ZoneInfo("Europe/Brussels")
FIRST_MORNING = datetime(2024, 2, 14, 9, 0, tzinfo=BRUSSELS)
STAFF_PIN = "2468"
SUPERVISOR_PIN = "975310"


class FixedClock:
    """A clock that stands still until a test moves it."""

    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def now(self) -> datetime:
        return self.moment


def make_application(**changes: object) -> Application:
    """A valid approved ministerial application; pass fields to change."""
    base = Application(
        reference="DM24-000001",
        kind=AccreditationKind.MINISTERIAL,
        status=Status.APPROVED,
        family_name="Müller",
        given_names="Jürgen Karl",
        date_of_birth=date(1981, 3, 9),
        nationality="DEU",
        document=IdDocument(DocumentKind.PASSPORT, "C01X00T47", "DEU", date(2031, 8, 1)),
        press=PressCredential("DJV-48213", "Deutscher Journalisten-Verband"),
        organisation="Rheinische Post",
        organisation_country="DEU",
        category=Category.WRITER,
        email="j.mueller@example.org",
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


@pytest.fixture(autouse=True)
def user_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test's own user folders: station settings, checkpoint keys and witness files never touch the real ones."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))


@pytest.fixture(autouse=True)
def quick_pin_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """In-process tests hash PINs with a small scrypt cost: hundreds of staff accounts are made per run. The real
    cost is what every desk-app process (the e2e tests) uses, and tests/unit/core/test_pins.py checks it."""
    monkeypatch.setattr("desk_app.core.pins._N", 2**10)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "desk.sqlite"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with open_store(db_path) as opened:
        yield opened


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(FIRST_MORNING)


@pytest.fixture
def event(store: Store) -> EventConfig:
    return install_event(
        store, DEFAULT_EVENT_FILE.read_text(encoding="utf-8"), "default", FIRST_MORNING, rehearsal=True
    )


@pytest.fixture
def staffed_store(store: Store, event: EventConfig) -> Store:
    """The store with the event installed and one member of staff per role."""
    # Accounts made as a desk makes them (logged with their state), before the event's days.
    setup = DeskService(store, event, FixedClock(FIRST_MORNING - timedelta(days=2)))
    setup.add_staff(StaffMember("anna", "Anna Counter", Role.COUNTER), STAFF_PIN, by="setup")
    setup.add_staff(StaffMember("paul", "Paul Passoffice", Role.PASS_OFFICE), STAFF_PIN, by="setup")
    setup.add_staff(StaffMember("sam", "Sam Supervisor", Role.SUPERVISOR), SUPERVISOR_PIN, by="setup")
    return store


@pytest.fixture
def desk(staffed_store: Store, event: EventConfig, clock: FixedClock) -> DeskService:
    return DeskService(staffed_store, event, clock, real_clock=clock)  # the PIN lock-out runs on the test's time


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A real PostgreSQL server for the session, started on first use and stopped at the end. Fails (never
    skips) when the server binaries are missing: the store must be proven on both backends."""
    with PostgresServer() as server:
        yield server


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> Iterator[str]:
    """A fresh, empty schema on the session's server, as a URL ``open_store`` takes."""
    url = postgres_server.create_schema()
    yield url
    postgres_server.drop_schema(url)


@pytest.fixture
def run(tmp_path: Path) -> Run:
    """``desk-app`` as a process on this test's database (see tests/processes.py)."""
    return desk_app_runner(tmp_path)


def store_of(desk: DeskService) -> Store:
    """The database behind a desk service, for tests that check what it wrote (the service keeps it private)."""
    return desk._store
