"""The service floor: one ``DeskService`` per open desk, opened by ``open_desk``. The window and the command line
import from here and nothing below it (the store, intake, reports, printing)."""

from desk_app.core.pins import PinLock
from desk_app.intake.importer import ImportSummary
from desk_app.printing import (
    JobState,
    PdfFolderPrinter,
    Printer,
    PrintError,
    PrintJob,
    PrintOutcome,
    QueueInfo,
    list_queues,
)
from desk_app.reports.stock import BoxCount, Flagged, StockReport
from desk_app.service.access import NotAtThisDesk, PinRefused
from desk_app.service.badging import badge_data
from desk_app.service.checkins import CheckinResult, ScanResult
from desk_app.service.counts import HourCount, KindCount, LiveCounts
from desk_app.service.desk_service import EXPORT_FORMATS, AbandonedBy, DeskService, IgnoredAt, Progress, ScannedThing
from desk_app.service.issuing import BadgeIssuer, PrintResult
from desk_app.service.journal import Station
from desk_app.service.keys import load_signing_key, new_key_pair
from desk_app.service.startup import EARLIEST_YEAR, LATEST_YEAR, DeskProfile, default_db_location, open_desk
from desk_app.service.station import (
    BADGE_SIZES,
    MAX_FRAMING,
    SCANNERS,
    StationConfig,
    choose_printer,
    default_badge_folder,
    load_station,
    save_station,
)
from desk_app.service.stock import BOX_SIZE, PreprintReport, read_references

__all__ = [
    "BADGE_SIZES",
    "BOX_SIZE",
    "EARLIEST_YEAR",
    "EXPORT_FORMATS",
    "LATEST_YEAR",
    "MAX_FRAMING",
    "SCANNERS",
    "AbandonedBy",
    "BadgeIssuer",
    "BoxCount",
    "CheckinResult",
    "DeskProfile",
    "DeskService",
    "Flagged",
    "HourCount",
    "IgnoredAt",
    "ImportSummary",
    "JobState",
    "KindCount",
    "LiveCounts",
    "NotAtThisDesk",
    "PdfFolderPrinter",
    "PinLock",
    "PinRefused",
    "PreprintReport",
    "PrintError",
    "PrintJob",
    "PrintOutcome",
    "PrintResult",
    "Printer",
    "Progress",
    "QueueInfo",
    "ScanResult",
    "ScannedThing",
    "Station",
    "StationConfig",
    "StockReport",
    "badge_data",
    "choose_printer",
    "default_badge_folder",
    "default_db_location",
    "list_queues",
    "load_signing_key",
    "load_station",
    "new_key_pair",
    "open_desk",
    "read_references",
    "save_station",
]
