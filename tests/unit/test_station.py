"""The station settings: saved and read back, and every mistake named."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk_app.errors import ConfigError
from desk_app.service.station import StationConfig, load_station, save_station


def test_first_run_has_no_station(tmp_path: Path) -> None:
    assert load_station(tmp_path / "station.toml") is None


def test_saved_station_reads_back(tmp_path: Path) -> None:
    station = StationConfig("groups", 'G1 "front"', printer="badges-G1", scanner="serial", serial_port="/dev/ttyACM0")
    path = save_station(station, tmp_path / "cfg" / "station.toml")
    assert load_station(path) == station
    every_switch = StationConfig("groups", "G2", kiosk=True, passport_reader=True)
    assert load_station(save_station(every_switch, tmp_path / "switches.toml")) == every_switch


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('entrance = "groups"\ndesk = "G1"\ncolour = "red"\n', "unknown settings colour"),
        ('entrance = "groups"\ndesk = "G1"\nidle_lock_minutes = "5"\n', "idle_lock_minutes must be a whole number"),
        ('entrance = "groups"\ndesk = "G1"\nscanner = "serial"\n', "needs its port"),
        ('entrance = "groups"\n', "missing 1 required positional argument: 'desk'"),
        ("entrance = \n", "cannot read"),
    ],
)
def test_mistakes_are_named(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "station.toml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=message):
        load_station(path)
