"""desk_app.service.badging: what the desk's application, badge and event config put on a badge and a pool card."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from badges import render_badge
from desk_app.config import DEFAULT_EVENT_FILE, load_event_file
from desk_app.core.event import EventConfig
from desk_app.core.model import (
    AccreditationKind,
    Application,
    Badge,
    Category,
    DocumentKind,
    IdDocument,
    PressCredential,
    Status,
)
from desk_app.errors import DeskError
from desk_app.service.badging import POOL_CARD_COLOUR, badge_data, pool_card_data, validity_text
from tests.unit.badges.test_roundtrip import demo_photo, page_text

ISSUED = datetime(2024, 2, 14, 8, 12, tzinfo=UTC)  # 09:12 in Brussels


@pytest.fixture(scope="module")
def event() -> EventConfig:
    return load_event_file(DEFAULT_EVENT_FILE)


def application(kind: AccreditationKind = AccreditationKind.MINISTERIAL, pool: bool = False) -> Application:
    return Application(
        reference="DM24-000417",
        kind=kind,
        status=Status.APPROVED,
        family_name="Παπαδοπούλου",
        given_names="Ελένη",
        date_of_birth=date(1985, 6, 2),
        nationality="GRC",
        document=IdDocument(DocumentKind.PASSPORT, "AE1234567", "GRC", date(2030, 1, 1)),
        press=PressCredential("ESIEA-1187", "ΕΣΗΕΑ"),
        organisation="ΕΡΤ",
        organisation_country="GRC",
        category=Category.PHOTOGRAPHER,
        email="e.papadopoulou@example.org",
        pool=pool,
    )


def badge(kind: AccreditationKind = AccreditationKind.MINISTERIAL) -> Badge:
    serial = "M-000042" if kind is AccreditationKind.MINISTERIAL else "A-000007"
    return Badge(serial, "DM24-000417", kind, ISSUED, "groups", "2", "anna")


def test_a_ministerial_badge_takes_its_words_and_colour_from_the_event(event: EventConfig) -> None:
    data = badge_data(application(), badge(), event, demo_photo())
    assert (data.serial, data.kind, data.label_en, data.label_fr) == (
        "M-000042",
        "ministerial",
        "MINISTERIAL",
        "MINISTÉRIEL",
    )
    assert data.colour == event.badge_kinds[AccreditationKind.MINISTERIAL].colour
    assert (data.event_name_en, data.event_name_fr) == (event.name, event.name_fr)
    assert (data.family_name, data.given_names, data.organisation) == ("Παπαδοπούλου", "Ελένη", "ΕΡΤ")
    assert data.category == "Photographer · Photographe"
    assert (data.validity_en, data.validity_fr) == ("14–15 February 2024", "14–15 février 2024")
    assert data.issued_at == "Issued · Émis 14.02.2024 09:12"
    assert data.photo == demo_photo() and data.pool is False


def test_an_annual_badge_is_valid_for_the_year(event: EventConfig) -> None:
    data = badge_data(application(AccreditationKind.ANNUAL), badge(AccreditationKind.ANNUAL), event, None)
    assert (data.kind, data.label_en, data.serial) == ("annual", "ANNUAL 2024", "A-000007")
    assert (data.validity_en, data.validity_fr) == ("Valid 2024", "Valable 2024")


def test_a_pool_position_holder_gets_the_pool_mark_and_a_pool_card(event: EventConfig) -> None:
    holder = application(pool=True)
    assert badge_data(holder, badge(), event, None).pool is True
    card = pool_card_data(holder, badge(), event, demo_photo())
    assert (card.kind, card.pool, card.serial, card.colour) == ("pool", True, "M-000042", POOL_CARD_COLOUR)
    assert card.validity_en == "14–15 February 2024"
    lines = page_text(render_badge(card))
    assert {"POOL POSITION", "POSITION POOL", "POOL", "Παπαδοπούλου"} <= set(lines)


def test_no_pool_card_for_someone_without_a_pool_position(event: EventConfig) -> None:
    with pytest.raises(DeskError, match="no pool position"):
        pool_card_data(application(), badge(), event, None)


@pytest.mark.parametrize(
    ("first", "last", "english", "french"),
    [
        (date(2024, 2, 14), date(2024, 2, 15), "14–15 February 2024", "14–15 février 2024"),
        (date(2024, 1, 1), date(2024, 12, 31), "Valid 2024", "Valable 2024"),
        (date(2024, 3, 1), date(2024, 3, 1), "1 March 2024", "1er mars 2024"),
        (date(2024, 3, 1), date(2024, 3, 2), "1–2 March 2024", "1er–2 mars 2024"),
        (date(2024, 1, 30), date(2024, 2, 2), "30 January – 2 February 2024", "30 janvier – 2 février 2024"),
        (
            date(2024, 12, 30),
            date(2025, 1, 2),
            "30 December 2024 – 2 January 2025",
            "30 décembre 2024 – 2 janvier 2025",
        ),
    ],
)
def test_validity_reads_naturally_in_both_languages(first: date, last: date, english: str, french: str) -> None:
    assert validity_text(first, last) == english
    assert validity_text(first, last, french=True) == french
