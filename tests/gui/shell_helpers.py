"""A desk to test the shell on: a real SQLite store with the event, staff, three applicants and a morning's log,
a session, and a fake check-in screen (the real one is tested on its own; the shell only hands it scans)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desk_app.core.clock import to_utc_text
from desk_app.core.model import (
    AccreditationKind,
    DocumentKind,
    IdDocument,
    PresentedDocument,
    PresentedPress,
    PressCredential,
    StaffMember,
)
from desk_app.printing import PdfFolderPrinter
from desk_app.service import DeskService, Station
from desk_app.service.station import StationConfig
from desk_app.store import Store, open_store
from desk_app.ui.session import DeskSession
from tests.conftest import FIRST_MORNING, FixedClock, make_application, store_of

GROUPS_G1 = StationConfig(entrance="groups", desk="G1", pdf_dir="", idle_lock_minutes=5)


class FakeCheckinView(QWidget):
    """Stands in for the check-in screen: remembers the scans it was given.

    Signals:
        person_served(str): as the real screen's, when a badge printed (tests emit it).
        status_changed(str): as the real screen's, news for the status bar (tests emit it).
    """

    person_served = Signal(str)
    status_changed = Signal(str)

    def __init__(self, session: DeskSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.scans: list[str] = []
        self.searched = 0
        self.shut_down = False
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("check-in screen"))

    def on_scanned(self, text: str) -> None:
        self.scans.append(text)

    def shutdown(self) -> None:
        self.shut_down = True

    def focus_search(self) -> None:
        self.searched += 1


@dataclass
class World:
    """Everything a shell test needs, on a fresh database."""

    db_path: Path
    store: Store
    desk: DeskService
    clock: FixedClock
    badges_dir: Path

    def session(self, login: str, config: StationConfig = GROUPS_G1) -> DeskSession:
        member = self.store.staff.get(login)
        assert member is not None
        issuer = self.desk.issuer(PdfFolderPrinter(self.badges_dir), config.badge_size)
        return DeskSession(self.desk, issuer, config, member)

    def open_store(self) -> Store:
        return open_store(self.db_path)


def add_applicants(store: Store) -> None:
    """Müller (ministerial), Dupont (ministerial), Ivanova (annual)."""
    applications = [
        make_application(),
        make_application(
            reference="DM24-000002",
            family_name="Dupont",
            given_names="Claire",
            nationality="FRA",
            document=IdDocument(DocumentKind.ID_CARD, "X4RTBPFW4", "FRA", FIRST_MORNING.date().replace(year=2030)),
            press=PressCredential("CCIJP-1234", "CCIJP"),
            organisation="Ouest-France",
            organisation_country="FRA",
            email="c.dupont@example.org",
        ),
        make_application(
            reference="AN24-000003",
            kind=AccreditationKind.ANNUAL,
            family_name="Иванова",
            given_names="Анна",
            nationality="UKR",
            annual_number="NATO-A24-0003",
            email="a.ivanova@example.org",
        ),
    ]
    store.applications.upsert_many(applications, to_utc_text(FIRST_MORNING))


def play_morning(desk: DeskService, clock: FixedClock) -> None:
    """Three check-ins: Müller served at G1, Ivanova redirected at G2, an unknown reference refused at G1."""
    clock.moment = FIRST_MORNING + timedelta(minutes=5)
    desk.check_in(
        Station("groups", "G1", "anna"), "DM24-000001", PresentedDocument("C01X00T47"), PresentedPress("DJV-48213")
    )
    clock.moment = FIRST_MORNING + timedelta(minutes=65)
    desk.check_in(Station("groups", "G2", "sam"), "AN24-000003")
    clock.moment = FIRST_MORNING + timedelta(minutes=70)
    desk.check_in(Station("groups", "G1", "anna"), "DM24-999999")
    clock.moment = FIRST_MORNING + timedelta(hours=2)


def add_demo_counter(desk: DeskService) -> None:
    from desk_app.demo.build import DEMO_STAFF

    demo = DEMO_STAFF[0]
    desk.add_staff(StaffMember(demo.login, demo.full_name, demo.role), demo.pin, by="setup")


def make_world(tmp_path: Path, desk: DeskService, clock: FixedClock) -> World:
    """The conftest's ``desk`` (event and staff installed) with applicants and a played morning."""
    add_applicants(store_of(desk))
    play_morning(desk, clock)
    return World(Path(store_of(desk).location), store_of(desk), desk, clock, tmp_path / "badges")
