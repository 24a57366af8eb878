"""One function per ``desk-app`` command: read the arguments, call the service, print the outcome."""

from __future__ import annotations

import argparse
import dataclasses
import getpass
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from desk_app.cli.output import (
    ProgressBar,
    application_json,
    application_line,
    verdict_json,
    verdict_lines,
)
from desk_app.config import DEFAULT_EVENT_FILE, parse_event
from desk_app.core.clock import Clock, ShiftedClock, SystemClock, parse_moment
from desk_app.core.event import EventConfig
from desk_app.core.model import (
    Action,
    LogRecord,
    Outcome,
    PresentedDocument,
    PresentedPress,
    Role,
    StaffMember,
)
from desk_app.core.mrz import parse_mrz, result_json, to_presented
from desk_app.core.pins import pin_problem
from desk_app.desk import CheckinResult, Desk, Station, event_of, install_event
from desk_app.errors import ConfigError, DeskError, ImportRejected, StaffError
from desk_app.intake.importer import import_list
from desk_app.keys import install_verify_key, load_signing_key, new_key_pair
from desk_app.office.confirmations import write_confirmations
from desk_app.scan.decode import decode_file
from desk_app.store import Store, open_store

VERDICT_EXIT = {Outcome.ISSUE: 0, Outcome.REDIRECT: 10, Outcome.NEEDS_SUPERVISOR: 11, Outcome.REFUSE: 12}


def default_db_location() -> str:
    """``$DESK_APP_DB`` as given (a path or a URL), else desk.sqlite in the user's data folder."""
    if env := os.environ.get("DESK_APP_DB"):
        return env
    data_home = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return str(data_home / "desk-app" / "desk.sqlite")


@dataclass
class Session:
    store: Store
    event: EventConfig
    clock: Clock

    @property
    def desk(self) -> Desk:
        return Desk(self.store, self.event, self.clock)


@contextmanager
def session(args: argparse.Namespace) -> Iterator[Session]:
    """Open the database (installing the shipped event on first use) and the clock ``--now`` asks for."""
    store = open_store(args.db or default_db_location())
    try:
        event = event_of(store)
        if event is None:
            text = DEFAULT_EVENT_FILE.read_text(encoding="utf-8")
            event = install_event(store, text, DEFAULT_EVENT_FILE.name, _clock(args, parse_event(text)).now())
        yield Session(store, event, _clock(args, event))
    finally:
        store.close()


@contextmanager
def writing(label: str, target: str) -> Iterator[ProgressBar]:
    """A progress bar for a long write; a file system error becomes a message naming the target."""
    bar = ProgressBar(label)
    try:
        yield bar
    except OSError as exc:
        raise DeskError(f"cannot write {target}: {exc.strerror}") from exc
    finally:
        bar.close()


def _clock(args: argparse.Namespace, event: EventConfig) -> Clock:
    """The real clock, or with ``--now`` one started at that moment (read in the event's time zone)."""
    if not args.now:
        return SystemClock()
    try:
        return ShiftedClock(parse_moment(args.now, event.time_zone))
    except ValueError as exc:
        raise ConfigError(f"--now {args.now!r} is not an ISO-8601 moment (e.g. 2024-02-14T09:00)") from exc


def _read_pin(args: argparse.Namespace, prompt: str, confirm: bool = False) -> str:
    if args.pin_stdin:
        return sys.stdin.readline().strip()
    if not sys.stdin.isatty():
        raise StaffError("no terminal to ask for the PIN: use --pin-stdin")
    pin = getpass.getpass(prompt)
    if confirm and getpass.getpass("Again: ") != pin:
        raise StaffError("the two PINs differ")
    return pin


def _evidence(args: argparse.Namespace, today: date) -> tuple[PresentedDocument | None, PresentedPress | None]:
    if args.mrz and args.document_number:
        raise ConfigError("give the MRZ or the document number, not both")
    document = PresentedDocument(args.document_number) if args.document_number else None
    if args.mrz:
        document = _document_from_mrz(args.mrz, today)
    if args.editor_letter:
        return document, PresentedPress(editor_letter_seen=True)
    return document, PresentedPress(card_number=args.press_card) if args.press_card else None


def _read_text(source: str) -> str:
    """A file's text, or standard input for ``-``."""
    if source == "-":
        return sys.stdin.read()
    try:
        return Path(source).read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise ConfigError(f"cannot read {source}: {exc.strerror}") from exc


def _document_from_mrz(source: str, today: date) -> PresentedDocument:
    result = parse_mrz(_read_text(source), today)
    if not result.valid:
        raise ConfigError(
            f"the MRZ does not read correctly ({', '.join(result.errors)}): read it again or type the document number"
        )
    return to_presented(result)


def _print_result(args: argparse.Namespace, result: CheckinResult, desk: Desk) -> int:
    """Print the badge first when asked (``--print``), then the verdict; the exit code says how it ended."""
    from desk_app.cli.badge_commands import PRINT_FAILED_EXIT, print_after

    printed = print_after(args, desk, result) if args.print else None
    if printed is not None:
        result = dataclasses.replace(result, badge=printed.badge if printed.handed_over else None)
    if args.json:
        report = verdict_json(result)
        if printed is not None:
            report["printed"] = {
                "handed_over": printed.handed_over,
                "state": printed.outcome.state.value,
                "message": printed.outcome.message,
                "serial": printed.badge.serial,
            }
        print(json.dumps(report, ensure_ascii=False))
    else:
        print("\n".join(verdict_lines(result, desk.event)))
    if printed is not None and not printed.handed_over:
        return PRINT_FAILED_EXIT
    return VERDICT_EXIT[result.verdict.outcome]


def init(args: argparse.Namespace) -> int:
    path = Path(args.event) if args.event else DEFAULT_EVENT_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read the event file {path}: {exc.strerror}") from exc
    at = _clock(args, parse_event(text, str(path))).now()
    store = open_store(args.db or default_db_location())
    try:
        event = install_event(store, text, path.name, at)
        print(f"{store.location}: ready for {event.name}, {event.first_day} to {event.last_day} ({event.id})")
    finally:
        store.close()
    return 0


def import_(args: argparse.Namespace) -> int:
    with session(args) as s:
        bar = ProgressBar("checking rows")
        photos = Path(args.photos) if args.photos else None
        try:
            summary = import_list(s.store, Path(args.file), s.clock.now(), photos, args.staff, bar)
        except ImportRejected as exc:
            bar.close()
            for problem in exc.problems:
                print(f"{args.file}: {problem}", file=sys.stderr)
            raise
        bar.close()
        print(
            f"imported {summary.rows} rows from {args.file}: {summary.added} added, {summary.updated} updated, "
            f"{summary.photos} photos"
        )
    return 0


def lookup(args: argparse.Namespace) -> int:
    query = " ".join(args.query)
    with session(args) as s:
        exact = s.store.applications.get(s.desk.read_code(query).reference)
        found = [exact] if exact else s.store.applications.search(query, args.limit)
        s.store.log.append(
            LogRecord(
                s.clock.now(),
                Action.LOOKUP,
                reference=exact.reference if exact else "",
                detail={"by": "reference" if exact else "name", "results": str(len(found))},
            )
        )
        badges = {a.reference: s.store.badges.active_for(a.reference) for a in found}
        if args.json:
            print(json.dumps([application_json(a, badges[a.reference]) for a in found], ensure_ascii=False))
        else:
            for app in found:
                print(application_line(app, badges[app.reference]))
            if not found:
                print(f"nothing found for {query!r}", file=sys.stderr)
    return 0 if found else 1


def checkin(args: argparse.Namespace) -> int:
    with session(args) as s:
        document, press = _evidence(args, s.event.local(s.clock.now()).date())
        station = Station(args.entrance, args.desk, args.staff)
        face = False if args.face_mismatch else None
        result = s.desk.check_in(station, args.code, document, press, printing=args.print, face_matches=face)
        return _print_result(args, result, s.desk)


def override(args: argparse.Namespace) -> int:
    pin = _read_pin(args, f"PIN for {args.supervisor}: ")
    with session(args) as s:
        document, press = _evidence(args, s.event.local(s.clock.now()).date())
        station = Station(args.entrance, args.desk, args.staff)
        result = s.desk.override(
            station,
            args.supervisor,
            pin,
            args.reason,
            args.code,
            document,
            press,
            printing=args.print,
            face_matches=False if args.face_mismatch else None,
        )
        return _print_result(args, result, s.desk)


def void(args: argparse.Namespace) -> int:
    pin = _read_pin(args, f"PIN for {args.supervisor}: ")
    with session(args) as s:
        station = Station(args.entrance, args.desk, args.staff)
        badge = s.desk.void_badge(station, args.supervisor, pin, args.serial, args.reason)
        print(f"badge {badge.serial} of {badge.reference} voided; a new badge may now be issued")
    return 0


def export(args: argparse.Namespace) -> int:
    from desk_app.reports.daily import export_csv, export_pdf

    try:
        day = date.fromisoformat(args.day)
    except ValueError as exc:
        raise ConfigError(f"--day {args.day!r} is not a date written YYYY-MM-DD") from exc
    with session(args) as s, writing(f"exporting {day}", args.out) as bar:
        writer = export_csv if args.format == "csv" else export_pdf
        totals = writer(s.store, s.event, day, Path(args.out), bar)
        print(f"{args.out}: {totals.entries} log entries of {day} ({s.event.time_zone.key})")
    return 0


def log_verify(args: argparse.Namespace) -> int:
    with session(args) as s:
        report = s.store.log.verify()
    if report.intact:
        print(f"log intact: {report.entries} entries, head {report.head_hash}")
        return 0
    print(f"LOG BROKEN at entry {report.first_broken}: {report.problem}", file=sys.stderr)
    print(f"the first {report.entries} entries are intact (head {report.head_hash})", file=sys.stderr)
    return 1


def staff_add(args: argparse.Namespace) -> int:
    pin = _read_pin(args, f"PIN for {args.login}: ", confirm=True)
    if problem := pin_problem(pin):
        raise StaffError(problem)
    with session(args) as s:
        member = StaffMember(args.login.strip(), args.name.strip(), Role(args.role))
        with s.store.transaction():
            s.store.staff.add(member, pin, s.clock.now())
            s.store.log.append(
                LogRecord(s.clock.now(), Action.STAFF_ADDED, detail={"login": member.login, "role": args.role})
            )
        print(f"added {member.role.value} {member.full_name} ({member.login})")
    return 0


def staff_list(args: argparse.Namespace) -> int:
    with session(args) as s:
        for member in s.store.staff.all():
            state = "" if member.active else " (inactive)"
            print(f"{member.login:<16} {member.role.value:<12} {member.full_name}{state}")
    return 0


def keys_new(args: argparse.Namespace) -> int:
    signing, verify = new_key_pair(Path(args.out))
    print(f"{signing}: the signing key; it stays at the accreditation office (mode 0600)")
    print(f"{verify}: the verify key; install it on every desk with: desk-app keys install {verify}")
    return 0


def keys_install(args: argparse.Namespace) -> int:
    with session(args) as s:
        kid = install_verify_key(s.store, Path(args.file), s.clock.now())
        print(f"{s.store.location}: verify key {kid} installed; codes signed with it are now accepted")
    return 0


def confirmations(args: argparse.Namespace) -> int:
    key = load_signing_key(Path(args.key))
    with session(args) as s, writing("writing confirmations", args.out) as bar:
        written = write_confirmations(s.store, s.event, key, Path(args.out), bar)
        print(f"{written} confirmation printouts written to {args.out}")
    return 0


def decode(args: argparse.Namespace) -> int:
    found = decode_file(Path(args.file))
    for item in found:
        print(item.text)
    return 0 if found else 1


def mrz(args: argparse.Namespace) -> int:
    result = parse_mrz(_read_text(args.file))
    print(json.dumps(result_json(result), ensure_ascii=False))
    return 0 if result.valid else 1


def reprint(args: argparse.Namespace) -> int:
    from desk_app.cli.badge_commands import reprint as reprint_badge

    return reprint_badge(args, _read_pin(args, f"PIN for {args.supervisor}: "))


def purge(args: argparse.Namespace) -> int:
    pin = _read_pin(args, f"PIN for {args.supervisor}: ")
    with session(args) as s:
        purged = s.desk.purge_personal_data(args.supervisor, pin)
    print(f"personal data of {purged} applications erased; badges, log and figures kept")
    return 0


DEMO_MORNING = "2024-02-14T09:30"  # after the demo's first check-ins, while the counters issue badges


def gui(args: argparse.Namespace) -> int:
    from desk_app.ui.app import run_gui  # Qt is loaded only for the window

    station = Path(args.station) if args.station else None
    return run_gui(args.db or default_db_location(), args.now, station)


def demo(args: argparse.Namespace) -> int:
    from desk_app.demo.build import build_demo

    out = Path(args.out)
    db = Path(args.db) if args.db else out / "demo.sqlite"
    summary = build_demo(db, out, count=args.count)
    print(summary.describe())
    if args.no_gui:
        return 0
    from desk_app.ui.app import display_problem, run_gui

    if problem := display_problem():
        print(f"\n{problem}")
        return 0
    print(f"\nOpening the desk on {db}, at the Groups entrance on the event's first morning...")
    return run_gui(str(db), args.now or DEMO_MORNING, demo=True)
