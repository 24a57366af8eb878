"""The event configuration: the shipped meeting loads, and every mistake is named by its key."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from desk_app.config import DEFAULT_EVENT_FILE, load_event_file, parse_event
from desk_app.core.model import AccreditationKind
from desk_app.errors import ConfigError
from tests.conftest import BRUSSELS

DEFAULT_TEXT = DEFAULT_EVENT_FILE.read_text(encoding="utf-8")


def test_the_shipped_meeting() -> None:
    event = load_event_file(DEFAULT_EVENT_FILE)
    assert event.id == "nato-defmin-2024-02"
    assert (event.first_day, event.last_day) == (date(2024, 2, 14), date(2024, 2, 15))
    assert event.time_zone.key == "Europe/Brussels"
    assert event.accept_unsigned_references is True
    assert event.entrance_for(AccreditationKind.MINISTERIAL).key == "groups"
    assert event.entrance_for(AccreditationKind.ANNUAL).key == "visitors"
    assert any(
        "Ukraine Defense Contact Group" in item.name and item.day == date(2024, 2, 14) for item in event.programme
    )
    ministerial = event.badge_kinds[AccreditationKind.MINISTERIAL]
    assert (ministerial.valid_from, ministerial.valid_until) == (date(2024, 2, 14), date(2024, 2, 15))
    annual = event.badge_kinds[AccreditationKind.ANNUAL]
    assert (annual.valid_from, annual.valid_until) == (date(2024, 1, 1), date(2024, 12, 31))
    assert event.issuing_opens == datetime(2024, 2, 13, 8, 0, tzinfo=BRUSSELS)


def test_day_bounds_follow_the_event_time_zone() -> None:
    start, end = load_event_file(DEFAULT_EVENT_FILE).day_bounds(date(2024, 2, 14))
    assert start.isoformat() == "2024-02-14T00:00:00+01:00" and end.isoformat() == "2024-02-15T00:00:00+01:00"


BROKEN = {
    "not TOML": ("[event", "not valid TOML"),
    "bad id": (('id = "nato-defmin-2024-02"', 'id = "NATO 2024"'), "event.id"),
    "unknown zone": (('time_zone = "Europe/Brussels"', 'time_zone = "Europe/Bruxelles"'), "event.time_zone: unknown"),
    "days reversed": (("last_day = 2024-02-15", "last_day = 2024-02-10"), "event.last_day: is before"),
    "flag as text": (
        ("accept_unsigned_references = true", 'accept_unsigned_references = "yes"'),
        "event.accept_unsigned_references: expected bool",
    ),
    "closes before opens": (("closes = 2024-02-15T20:00:00", "closes = 2024-02-12T20:00:00"), "issuing.closes"),
    "offset given": (("opens = 2024-02-13T08:00:00", "opens = 2024-02-13T08:00:00+01:00"), "without offset"),
    "programme outside the days": (
        ('date = 2024-02-15\nname = "Meeting', 'date = 2024-03-15\nname = "Meeting'),
        "programme[3].date",
    ),
    "two entrances issue annual": (
        ('issues = ["ministerial"]', 'issues = ["ministerial", "annual"]'),
        "exactly one entrance must issue annual",
    ),
    "unknown kind": (('issues = ["annual"]', 'issues = ["annual", "vip"]'), "unknown badge kind 'vip'"),
    "bad colour": (('colour = "#C8102E"', 'colour = "red"'), "badge_kinds.ministerial.colour"),
    "missing name": (('name_fr = "Entrée Groupes"\n', ""), "entrances.groups.name_fr: missing"),
}


@pytest.mark.parametrize("name", BROKEN)
def test_mistakes_are_named(name: str) -> None:
    change, message = BROKEN[name]
    text = change if isinstance(change, str) else DEFAULT_TEXT.replace(*change, 1)
    assert text != DEFAULT_TEXT
    with pytest.raises(ConfigError, match=r"^mine\.toml: ") as caught:
        parse_event(text, "mine.toml")
    assert message in str(caught.value)
