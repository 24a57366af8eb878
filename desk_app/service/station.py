"""The station: this desk's entrance, name, printer and scanner, kept in the user's config folder.

The event belongs to the database (every desk shares it); the station belongs to the machine at the counter.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import asdict, dataclass, fields
from pathlib import Path

import platformdirs

from desk_app.core.wedge import LAYOUTS
from desk_app.errors import ConfigError
from desk_app.printing import CupsPrinter, PdfFolderPrinter, Printer

APP_NAME = "desk-app"  # the name of the user folders (config, data) the desk keeps its files in
SCANNERS = ("keyboard", "serial", "camera")
BADGE_SIZES = ("card", "a6")
MAX_FRAMING = 8  # the longest prefix or suffix a scanner is set to send
LANGUAGES = ("en", "fr")
_TYPES: dict[str, type] = {"str": str, "int": int, "bool": bool}
_TYPE_WORDS = {str: "text in quotes", int: "a whole number", bool: "true or false"}


@dataclass(frozen=True)
class StationConfig:
    entrance: str
    desk: str
    database: str = ""  # a path or URL; empty: the default database
    printer: str = ""  # a CUPS queue; empty: no printer
    pdf_dir: str = ""  # with no printer, badges are written here as PDFs
    badge_size: str = "card"
    scanner: str = "keyboard"
    serial_port: str = ""
    keyboard_layout: str = "us"  # the desk's layout, as a US-set USB scanner's keys come out on it; "": any
    scanner_prefix: str = ""  # characters the scanner is programmed to send before each code
    scanner_suffix: str = ""  # ... and after it (before its Enter)
    passport_reader: bool = False  # a passport reader types at this desk: the ID check starts at its zone
    language: str = "en"
    idle_lock_minutes: int = 5
    witness_dir: str = ""  # another medium (USB stick, network share) that gets the log's checkpoints
    backup_minutes: int = 0  # with a witness_dir: a copy of the database there this often (0: never)
    kiosk: bool = False  # the window fills the screen with no frame (a counter PC that runs only the desk)

    def problems(self) -> list[str]:
        found = []
        if not self.entrance.strip() or not self.desk.strip():
            found.append("the station needs an entrance and a desk name")
        if self.scanner not in SCANNERS:
            found.append(f"scanner must be one of {', '.join(SCANNERS)}")
        if self.scanner == "serial" and not self.serial_port:
            found.append("a serial scanner needs its port (e.g. /dev/ttyACM0)")
        if self.badge_size not in BADGE_SIZES:
            found.append(f"badge_size must be one of {', '.join(BADGE_SIZES)}")
        if self.language not in LANGUAGES:
            found.append(f"language must be one of {', '.join(LANGUAGES)}")
        if self.keyboard_layout and self.keyboard_layout not in LAYOUTS:
            found.append(f"keyboard_layout must be empty (any) or one of {', '.join(LAYOUTS)}")
        for name, framing in (("scanner_prefix", self.scanner_prefix), ("scanner_suffix", self.scanner_suffix)):
            printable = framing.isascii() and framing.isprintable() and framing == framing.strip()
            if len(framing) > MAX_FRAMING or not printable:
                found.append(f"{name} must be at most {MAX_FRAMING} printable ASCII characters, no space at its ends")
        if self.idle_lock_minutes < 1:
            found.append("idle_lock_minutes must be at least 1")
        if self.backup_minutes < 0 or (self.backup_minutes and not self.witness_dir):
            found.append("backup_minutes needs a witness_dir to write to, and is 0 (never) or more")
        return found


def user_config_folder() -> Path:
    """This user's config folder for the desk (on Linux ``$XDG_CONFIG_HOME/desk-app``, else ~/.config/desk-app)."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def user_data_folder() -> Path:
    """This user's data folder for the desk (on Linux ``$XDG_DATA_HOME/desk-app``, else ~/.local/share/desk-app)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def station_config_path() -> Path:
    """station.toml in the user's config folder (on Linux ``$XDG_CONFIG_HOME/desk-app``, else ~/.config/desk-app)."""
    return user_config_folder() / "station.toml"


def load_station(path: Path | None = None) -> StationConfig | None:
    """The saved station, or None on first run."""
    path = path or station_config_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the station settings: {exc}") from exc
    known = {f.name: _TYPES[str(f.type)] for f in fields(StationConfig)}
    unknown = sorted(set(data) - set(known))
    if unknown:
        raise ConfigError(f"{path}: unknown settings {', '.join(unknown)}")
    for key, value in data.items():
        if not isinstance(value, known[key]) or (isinstance(value, bool) and known[key] is not bool):
            raise ConfigError(f"{path}: {key} must be {_TYPE_WORDS[known[key]]}, not {value!r}")
    try:
        station = StationConfig(**data)
    except TypeError as exc:
        raise ConfigError(f"{path}: {exc}") from exc
    if problems := station.problems():
        raise ConfigError(f"{path}: {'; '.join(problems)}")
    return station


def save_station(station: StationConfig, path: Path | None = None) -> Path:
    if problems := station.problems():
        raise ConfigError("; ".join(problems))
    path = path or station_config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [f"{key} = {_toml_value(value)}" for key, value in asdict(station).items()]
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    return path


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{text}"'


def default_badge_folder() -> Path:
    """Where a desk without a printer keeps its badge PDFs unless told otherwise: the user's data folder."""
    return user_data_folder() / "badges"


def choose_printer(station: StationConfig | None, queue: str = "", pdf_dir: str = "") -> Printer:
    """The printer a desk prints on: the queue or folder asked for, else the station's, else an error.

    A station with neither a queue nor a folder writes its badges to ``default_badge_folder()``.
    """
    if queue:
        return CupsPrinter(queue)
    if pdf_dir:
        return PdfFolderPrinter(Path(pdf_dir).expanduser())
    if station is not None:
        if station.printer:
            return CupsPrinter(station.printer)
        return PdfFolderPrinter(Path(station.pdf_dir).expanduser() if station.pdf_dir else default_badge_folder())
    raise ConfigError("no printer: give --printer QUEUE or --pdf-dir DIR, or set one in the station settings")
