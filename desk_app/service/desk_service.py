"""``DeskService``: the one door into a desk. The window and the command line hold one and call only it.

Everything a person can do at a desk is a method here; the store behind it is private, every action is logged by
the service's one journal, and the rules are asked through ``core.rules`` only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Literal

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desk_app.core.clock import Clock
from desk_app.core.codes import CodeReading
from desk_app.core.event import EventConfig
from desk_app.core.model import (
    AccreditationKind,
    Action,
    Application,
    Badge,
    Card,
    LogEntry,
    PresentedDocument,
    PresentedPress,
    StaffMember,
)
from desk_app.core.pins import PinLock
from desk_app.core.state import STATE_PREFIX
from desk_app.core.text import printable
from desk_app.errors import ConfigError, ImportRejected, InputError
from desk_app.intake.importer import ImportSummary, import_list
from desk_app.intake.sources import file_sha256
from desk_app.office.confirmations import write_confirmations
from desk_app.printing.base import Printer
from desk_app.reports.daily import export_csv, export_pdf
from desk_app.reports.stamp import ExportStamp
from desk_app.reports.stock import StockReport, export_stock_csv, export_stock_pdf
from desk_app.reports.totals import DayTotals
from desk_app.service import witness
from desk_app.service.access import Access
from desk_app.service.audit import REHEARSAL_KEY, audit, badge_key, require_sound
from desk_app.service.checkins import CheckinResult, Checkins, ScanResult
from desk_app.service.counts import LiveCounts, live_counts
from desk_app.service.issuing import BadgeDrawer, BadgeIssuer
from desk_app.service.journal import Journal, Station
from desk_app.service.keys import install_verify_key, verify_keys
from desk_app.service.stock import BOX_SIZE, PreprintReport, StockDesk
from desk_app.store import Store, open_store
from desk_app.store.checkin_log import ChainReport

Progress = Callable[[int, int], None]
AbandonedBy = Literal["next person", "cleared"]
IgnoredAt = Literal["lock screen", "login", "form open"]
ScannedThing = Literal["code", "passport zone", "other"]
EXPORT_FORMATS = ("csv", "pdf")


class DeskService:
    """One open desk: its database, event and clock, and every action staff can take.

    Args:
        store: the database; the service owns it from now on (``close`` closes it).
        event: the event the database serves.
        clock: the desk's clock (the real one, or one started at ``--now``).
        opened_from: the location ``store`` was opened from, with any password (``reopen`` needs it); by default
            ``store.location``, which has none (a PostgreSQL desk built by hand passes its URL).
        real_clock: the machine's own clock, which times the lock-out after wrong PINs whatever ``--now`` says
            (tests pass their fake clock).
    """

    def __init__(
        self,
        store: Store,
        event: EventConfig,
        clock: Clock,
        opened_from: str | Path | None = None,
        *,
        real_clock: Clock | None = None,
    ) -> None:
        self._store = store
        self._opened_from = opened_from if opened_from is not None else store.location
        self._real_clock = real_clock
        self.event = event
        self.clock = clock
        self._journal = Journal(store, clock)
        self._access = Access(store, event, clock, self._journal, real_clock)
        self._checkins = Checkins(store, event, clock, self._journal, self._access, verify_keys(store))
        self._drawer = BadgeDrawer(store, event)
        self._stock = StockDesk(store, event, clock, self._journal, self._access, self._drawer)
        head = store.log.head()
        self._witnessed_size = head.seq if head else 0

    @property
    def location(self) -> str:
        """Where the data lives, fit to show: a file path, or a PostgreSQL URL without its password."""
        return self._store.location

    @property
    def rehearsal(self) -> bool:
        """A rehearsal database: ``--now`` may move its clock, and its exports say so."""
        return self._store.meta.get(REHEARSAL_KEY) == "yes"

    def backup(self, folder: Path, by: str = "") -> Path:
        """A consistent copy of the database in ``folder`` (a new file, named by the moment), logged."""
        stamp = self.clock.now().strftime("%Y%m%d-%H%M%S")
        name = Path(self._store.location).stem or "desk"
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ConfigError(f"cannot make the backup folder {folder}: {exc.strerror}") from exc
        target = folder / f"{name}-{stamp}.sqlite"
        self._store.backup(target)
        self._journal.record(Action.BACKUP, staff=by, detail={"file": target.name})
        return target

    def today(self) -> date:
        """The event-local date now."""
        return self.event.local(self.clock.now()).date()

    def reopen(self) -> DeskService:
        """The same desk on a connection of its own, for work in another thread; close it when done."""
        return DeskService(
            open_store(self._opened_from), self.event, self.clock, self._opened_from, real_clock=self._real_clock
        )

    def close(self) -> None:
        self._store.close()

    def __enter__(self) -> DeskService:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # --- staff at the desk ----------------------------------------------------------------------------------

    def log_in(self, entrance: str, desk: str, login: str, pin: str) -> StaffMember:
        """Start or unlock a shift; every attempt is logged, and wrong PINs lock the login for a while.

        Raises:
            PinRefused: wrong login or PIN, or the login must wait (``lock`` says how long).
            NotAtThisDesk: the PIN was right but this member works at another entrance.
        """
        return self._access.log_in(entrance, desk, login, pin)

    def pin_lock(self, login: str) -> PinLock:
        return self._access.pin_lock(login)

    def authorise_supervisor(self, login: str, pin: str, reason: str, where: Station | None = None) -> StaffMember:
        """A supervisor's login and PIN, for ``reason``; logged, and throttled like every PIN."""
        return self._access.authorise_supervisor(login, pin, reason, where)

    def staff_at(self, station: Station) -> StaffMember:
        return self._access.staff_at(station)

    def staff_members(self) -> list[StaffMember]:
        return self._access.members()

    def staff_display_name(self, login: str) -> str:
        return self._access.display_name(login)

    def add_staff(self, member: StaffMember, pin: str, by: str, where: Station | None = None) -> StaffMember:
        return self._access.add_staff(member, pin, by, where)

    def set_staff_active(self, login: str, active: bool, by: str, where: Station | None = None) -> None:
        self._access.set_active(login, active, by, where)

    # --- check-in -------------------------------------------------------------------------------------------

    def read_code(self, text: str) -> CodeReading:
        return self._checkins.read_code(text)

    def scan(self, station: Station, code_text: str) -> ScanResult:
        """A scanned or typed code: the verdict so far, and whether it is final (see ``ScanResult``)."""
        return self._checkins.scan(station, code_text)

    def abandon(self, station: Station, reference: str, why: AbandonedBy) -> LogEntry:
        """A check-in left unfinished, kept in the log: the next person was scanned or looked up, or the screen
        cleared (Escape)."""
        return self._journal.record(Action.ABANDONED, station, reference=reference, detail={"by": why})

    def scan_ignored(self, station: Station, where: IgnoredAt, what: ScannedThing) -> LogEntry:
        """A scan the desk did not take, and where (lock screen, login, a form open) and what it was; never its
        text (a passport zone is personal data, and a code scanned at the lock screen is nobody's business)."""
        return self._journal.record(Action.SCAN_IGNORED, station, detail={"where": where, "what": what})

    def check_in(
        self,
        station: Station,
        code_text: str,
        document: PresentedDocument | None = None,
        press: PresentedPress | None = None,
        printing: bool = False,
        face_matches: bool | None = None,
        card: str | None = None,
    ) -> CheckinResult:
        """See ``Checkins.check_in``; ``card``: the serial scanned from the person's card printed in advance."""
        return self._checkins.check_in(station, code_text, document, press, printing, face_matches, card)

    def override(
        self,
        station: Station,
        supervisor: str,
        supervisor_pin: str,
        reason: str,
        code_text: str,
        document: PresentedDocument | None = None,
        press: PresentedPress | None = None,
        printing: bool = False,
        face_matches: bool | None = None,
        card: str | None = None,
    ) -> CheckinResult:
        return self._checkins.override(
            station, supervisor, supervisor_pin, reason, code_text, document, press, printing, face_matches, card
        )

    def void_badge(self, station: Station, supervisor: str, supervisor_pin: str, serial: str, reason: str) -> Badge:
        return self._checkins.void_badge(station, supervisor, supervisor_pin, serial, reason)

    def purge_personal_data(self, supervisor: str, supervisor_pin: str) -> tuple[int, str]:
        return self._checkins.purge_personal_data(supervisor, supervisor_pin)

    def issuer(self, printer: Printer, size: str = "card", timeout_s: float = 60.0) -> BadgeIssuer:
        """Prints, reprints and recovers badges of this desk on ``printer``."""
        return BadgeIssuer(self._store, self.clock, self._journal, self._access, self._drawer, printer, size, timeout_s)

    # --- cards printed the night before --------------------------------------------------------------------

    def preprint(
        self,
        kind: AccreditationKind,
        supervisor: str,
        pin: str,
        output: Printer | Path,
        size: str = "card",
        references: Sequence[str] | None = None,
        box_size: int = BOX_SIZE,
        progress: Progress | None = None,
    ) -> PreprintReport:
        """Reserve and print, in boxes, a card for everyone of ``kind`` owed one (see ``service.stock``)."""
        return self._stock.preprint(kind, supervisor, pin, output, size, references, box_size, progress)

    def card(self, serial: str) -> Card | None:
        return self._store.cards.get(serial)

    def waiting_card(self, reference: str) -> Card | None:
        """The person's card printed in advance (or to be), still in its box."""
        return self._store.cards.waiting_for(reference)

    def void_card(self, station: Station, supervisor: str, supervisor_pin: str, serial: str, reason: str) -> Card:
        """A card lost or damaged before its hand-over: void; the holder is served with a badge printed at the desk."""
        return self._stock.void_card(station, supervisor, supervisor_pin, serial, reason)

    def stock(self, day: date | None = None) -> StockReport:
        """The cards printed in advance, per kind and box, now or as at the end of ``day``."""
        return self._stock.report(day)

    def close_stock(self, supervisor: str, supervisor_pin: str) -> StockReport:
        """The end of the event: every unclaimed card destroyed, the stock signed off by ``supervisor``."""
        return self._stock.close(supervisor, supervisor_pin)

    def export_stock(self, report: StockReport, fmt: str, out: Path) -> None:
        if fmt not in EXPORT_FORMATS:
            raise ConfigError(f"stock format {fmt!r}: choose one of {', '.join(EXPORT_FORMATS)}")
        if fmt == "csv":
            export_stock_csv(report, self.event, out)
        else:
            export_stock_pdf(report, self.event, out, self.location)

    # --- looking things up ----------------------------------------------------------------------------------

    def find(self, text: str, limit: int = 20, station: Station | None = None) -> list[Application]:
        """The application a reference or code names, else those whose names match; logged as a LOOKUP.

        Raises:
            InputError: ``text`` is longer than any name or code (``MAX_QUERY`` characters).
        """
        _check_query(text)
        exact = self._store.applications.get(self.read_code(text).reference)
        found = [exact] if exact else self._store.applications.search(text, limit)
        detail = {"by": "reference" if exact else "name", "results": str(len(found))}
        self._journal.record(Action.LOOKUP, station, reference=exact.reference if exact else "", detail=detail)
        return found

    def search(self, text: str, limit: int = 20) -> list[Application]:
        """Applications whose names match (accents and case do not matter); ``InputError`` as :meth:`find`."""
        _check_query(text)
        return self._store.applications.search(text, limit)

    def application(self, reference: str) -> Application | None:
        return self._store.applications.get(reference)

    def photo(self, application: Application) -> bytes | None:
        """The application's photo as imported (JPEG or PNG bytes)."""
        if not application.photo_sha256:
            return None
        photo = self._store.applications.photo(application.photo_sha256)
        return photo.data if photo else None

    def badge(self, serial: str) -> Badge | None:
        return self._store.badges.get(serial)

    def active_badge(self, reference: str) -> Badge | None:
        """The badge a person holds now (handed over or being printed)."""
        return self._store.badges.active_for(reference)

    def badge_supervisor(self, badge: Badge) -> str:
        """The supervisor (login) who authorised ``badge``: an override at the ID check or a reprint; "" for a badge
        the counter issued alone. Read from the log, where the authorisation was recorded with the badge."""
        state_key = STATE_PREFIX + badge_key(badge.serial)  # logs before overrides named their serial
        for entry in reversed(self._store.log.for_reference(badge.reference)):
            action, detail = entry.record.action, entry.record.detail
            made_it = detail.get("serial") == badge.serial or (action is Action.OVERRIDE and state_key in detail)
            if action in (Action.OVERRIDE, Action.REPRINT) and made_it and "supervisor" in detail:
                return detail["supervisor"]
        return ""

    def find_badge(self, text: str) -> Badge | None:
        """A badge by its serial, else the badge a reference holds."""
        return self._store.badges.get(text) or self._store.badges.active_for(text)

    def handed_over(self, kind: AccreditationKind) -> list[Badge]:
        return self._store.badges.handed_over(kind)

    def render_badges(self, held: list[Badge], size: str) -> bytes:
        """One PDF of ``held``, a page each, with names and photos from the list."""
        return self._drawer.render_all(held, size)

    # --- supervisors ----------------------------------------------------------------------------------------

    def counts(self, day: date) -> LiveCounts:
        return live_counts(self._store, self.event, day)

    def log_entries(self, day: date) -> list[LogEntry]:
        """The log of one event-local day, in chain order."""
        start, end = self.event.day_bounds(day)
        return list(self._store.log.between(start, end))

    def count_log_entries(self, day: date) -> int:
        start, end = self.event.day_bounds(day)
        return sum(1 for _ in self._store.log.between(start, end))

    def verify_log(self) -> ChainReport:
        return self._store.log.verify()

    def audit(self) -> list[str]:
        """Staff, keys, the event and badges that differ from what the log says they are (see ``core.state``)."""
        return audit(self._store)

    def require_sound(self) -> None:
        """Refuse (StoreError) to serve on a database whose security state differs from its log."""
        require_sound(self._store)

    def export_day(self, day: date, fmt: str, out: Path, progress: Progress | None = None) -> DayTotals:
        """One day's log as CSV or as the PDF report, written whole or not at all, with a checkpoint of the whole
        log in it (so the export a supervisor takes away is a witness of the log) and the rehearsal mark."""
        if fmt not in EXPORT_FORMATS:
            raise ConfigError(f"export format {fmt!r}: choose one of {', '.join(EXPORT_FORMATS)}")
        writer = export_csv if fmt == "csv" else export_pdf
        stamp = ExportStamp(self.checkpoint(), self.rehearsal)
        return writer(self._store, self.event, day, out, progress, stamp)

    # --- checkpoints ----------------------------------------------------------------------------------------

    def checkpoint(self) -> str:
        """A checkpoint of the log as it is now, signed with this machine's key (never stored in the database)."""
        return witness.make_checkpoint(self._store, self.event.id, self.clock.now(), witness.own_key())

    def witness_if_grown(self, desk_name: str, folders: Sequence[Path] = ()) -> list[Path]:
        """``write_witness`` when the log grew since this desk opened or last wrote one; nothing otherwise."""
        head = self._store.log.head()
        size = head.seq if head else 0
        if size <= self._witnessed_size:
            return []
        written = self.write_witness(desk_name, folders)
        self._witnessed_size = size
        return written

    def write_witness(self, desk_name: str, folders: Sequence[Path] = ()) -> list[Path]:
        """The latest checkpoint into this machine's witness folder and each of ``folders`` (the station's)."""
        key, note = witness.own_key(), self.checkpoint()
        return [witness.write_witness(f, note, desk_name, key) for f in (witness.witness_folder(), *folders)]

    def check_checkpoints(
        self, files: Sequence[Path], keys: Sequence[Path], chain: ChainReport
    ) -> list[witness.CheckpointCheck]:
        """Each checkpoint in ``files`` (exports, witness files) held against the log, whose chain ``verify_log``
        has walked (once, for them all)."""
        trusted = witness.trusted_keys(keys)
        checks = []
        for path in files:
            notes = witness.notes_in(path)
            if not notes:
                checks.append(witness.CheckpointCheck(str(path), None, "no checkpoint in this file"))
            checks += [witness.check_against(self._store, self.event.id, str(path), n, trusted, chain) for n in notes]
        return checks

    def import_list(
        self, path: Path, photos_dir: Path | None = None, by: str = "", progress: Progress | None = None
    ) -> ImportSummary:
        """Import the accreditation list, all rows or none; the import is logged with the list, a refused list
        is logged on its own (who tried, the file's hash, how many problems, the first)."""
        started = self.clock.now()

        def record(summary: ImportSummary) -> None:
            detail = {
                "file": summary.file,
                "sha256": summary.file_sha256,
                "rows": str(summary.rows),
                "added": str(summary.added),
                "updated": str(summary.updated),
                "photos": str(summary.photos),
            }
            self._journal.record(Action.IMPORT, staff=by, detail=detail, at=started)

        try:
            return import_list(self._store, path, started, photos_dir, progress, record)
        except ImportRejected as rejected:
            self._journal.record(Action.IMPORT_REJECTED, staff=by, detail=_rejection(path, rejected), at=started)
            raise

    def install_verify_key(self, path: Path, by: str = "") -> str:
        """Trust codes signed with the key whose verify key is at ``path``; its key id."""
        kid = install_verify_key(self._store, self._journal, path, by)
        self._checkins = Checkins(
            self._store, self.event, self.clock, self._journal, self._access, verify_keys(self._store)
        )
        return kid

    def write_confirmations(self, key: Ed25519PrivateKey, folder: Path, progress: Progress | None = None) -> int:
        """Accreditation office: the confirmation printout of every approved application."""
        return write_confirmations(self._store, self.event, key, folder, progress)


MAX_QUERY = 256  # a signed code is 132 characters, the longest name in a list far less


def _check_query(text: str) -> None:
    if len(text) > MAX_QUERY:
        raise InputError(
            f"a look-up is a reference, a code or a name: {MAX_QUERY} characters at most, not {len(text):,}"
        )


def _rejection(path: Path, rejected: ImportRejected) -> dict[str, str]:
    first = str(rejected.problems[0]) if rejected.problems else ""
    return {
        "file": printable(path.name),
        "sha256": file_sha256(path),
        "problems": str(rejected.total),
        "rows": str(rejected.rows),
        "first": printable(first[:300]),
    }
