"""One function per ``desk-app`` command: read the arguments, call the service, print the outcome."""

from __future__ import annotations

import argparse
import dataclasses
import getpass
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from desk_app.cli.output import (
    ProgressBar,
    application_json,
    application_line,
    json_line,
    shown,
    verdict_json,
    verdict_lines,
)
from desk_app.cli.printing import PRINT_FAILED_EXIT, print_after
from desk_app.config import DEFAULT_EVENT_FILE
from desk_app.core.model import CardState, Outcome, PresentedDocument, PresentedPress, Role, StaffMember
from desk_app.core.mrz import parse_mrz, result_json, to_presented
from desk_app.errors import ConfigError, DeskError, ImportRejected, InputError, StaffError
from desk_app.scan.decode import scan_file
from desk_app.service import (
    EARLIEST_YEAR,
    LATEST_YEAR,
    CheckinResult,
    DeskService,
    Station,
    default_db_location,
    load_signing_key,
    load_station,
    new_key_pair,
    open_desk,
)

VERDICT_EXIT = {Outcome.ISSUE: 0, Outcome.REDIRECT: 10, Outcome.NEEDS_SUPERVISOR: 11, Outcome.REFUSE: 12}
AWAITING_CARD_EXIT = 14


@contextmanager
def desk(args: argparse.Namespace, create: bool = False) -> Iterator[DeskService]:
    """The desk of ``--db`` (which must exist unless ``create``), at the moment ``--now`` asks for.

    When the command wrote to the log, a checkpoint of it goes to this machine's witness folder and the station's.
    """
    with open_desk(args.db or default_db_location(), args.now, create=create) as opened:
        yield opened
        station = load_station()
        folders = [Path(station.witness_dir).expanduser()] if station and station.witness_dir else []
        try:
            opened.witness_if_grown(station.desk if station else "command-line", folders)
        except (OSError, DeskError) as exc:  # the command itself is done; say that the witness was not written
            print(f"desk-app: warning: no checkpoint written to the witness folder: {exc}", file=sys.stderr)


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


def read_pin(args: argparse.Namespace, prompt: str, confirm: bool = False) -> str:
    if args.pin_stdin:
        return sys.stdin.readline().strip()
    if not sys.stdin.isatty():
        raise StaffError("no terminal to ask for the PIN: use --pin-stdin")
    pin = getpass.getpass(prompt)
    if confirm and getpass.getpass("Again: ") != pin:
        raise StaffError("the two PINs differ")
    return pin


def _evidence(args: argparse.Namespace, today: date) -> tuple[PresentedDocument | None, PresentedPress | None]:
    if args.card is not None and not args.card.strip():
        raise InputError("--card is the serial read from the card (e.g. M-000123), not empty")
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


def _print_result(args: argparse.Namespace, result: CheckinResult, desk: DeskService) -> int:
    """Print the badge first when asked (``--print``), then the verdict; the exit code says how it ended."""
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
        print(json_line(report))
    else:
        print("\n".join(verdict_lines(result, desk.event)))
    if printed is not None and not printed.handed_over:
        return PRINT_FAILED_EXIT
    if result.awaiting_card:
        return AWAITING_CARD_EXIT
    return VERDICT_EXIT[result.verdict.outcome]


def init(args: argparse.Namespace) -> int:
    event_file = Path(args.event) if args.event else DEFAULT_EVENT_FILE
    location = args.db or default_db_location()
    with open_desk(location, args.now, event_file, create=True, rehearsal=args.rehearsal) as opened:
        event = opened.event
        kind = "REHEARSAL database" if opened.rehearsal else "ready"
        print(f"{shown(opened.location)}: {kind} for {event.name}, {event.first_day} to {event.last_day} ({event.id})")
    return 0


def import_(args: argparse.Namespace) -> int:
    with desk(args, create=True) as opened:
        bar = ProgressBar("checking rows")
        photos = Path(args.photos) if args.photos else None
        try:
            summary = opened.import_list(Path(args.file), photos, args.staff, bar)
        except ImportRejected as exc:
            bar.close()
            for problem in exc.problems:
                print(f"{shown(args.file)}: {problem}", file=sys.stderr)
            raise
        bar.close()
        print(
            f"imported {summary.rows} rows from {shown(args.file)}: {summary.added} added, {summary.updated} updated, "
            f"{summary.photos} photos"
        )
        for font, rows in summary.fallback_fonts:
            print(f"{rows} rows have names printed in {font.removeprefix('Fallback-')}, a system font (not DejaVu)")
    return 0


def lookup(args: argparse.Namespace) -> int:
    query = " ".join(args.query)
    with desk(args) as opened:
        found = opened.find(query, args.limit)
        badges = {a.reference: opened.active_badge(a.reference) for a in found}
        if args.json:
            print(json_line([application_json(a, badges[a.reference]) for a in found]))
        else:
            for app in found:
                print(application_line(app, badges[app.reference]))
            if not found:
                print(f"nothing found for {query!r}", file=sys.stderr)
    return 0 if found else 1


def checkin(args: argparse.Namespace) -> int:
    with desk(args) as opened:
        opened.require_sound()
        document, press = _evidence(args, opened.today())
        station = Station(args.entrance, args.desk, args.staff)
        face = False if args.face_mismatch else None
        result = opened.check_in(
            station, args.code, document, press, printing=args.print, face_matches=face, card=args.card
        )
        return _print_result(args, result, opened)


def override(args: argparse.Namespace) -> int:
    pin = read_pin(args, f"PIN for {args.supervisor}: ")
    with desk(args) as opened:
        opened.require_sound()
        document, press = _evidence(args, opened.today())
        station = Station(args.entrance, args.desk, args.staff)
        result = opened.override(
            station,
            args.supervisor,
            pin,
            args.reason,
            args.code,
            document,
            press,
            printing=args.print,
            face_matches=False if args.face_mismatch else None,
            card=args.card,
        )
        return _print_result(args, result, opened)


def void(args: argparse.Namespace) -> int:
    pin = read_pin(args, f"PIN for {args.supervisor}: ")
    with desk(args) as opened:
        opened.require_sound()
        station = Station(args.entrance, args.desk, args.staff)
        serial = args.serial.strip().upper()
        card = opened.card(serial)
        if card is not None and card.state is CardState.VOIDED:
            raise InputError(f"card {serial} is void already ({shown(card.void_reason)})")
        if card is not None and card.waiting:
            card = opened.void_card(station, args.supervisor, pin, serial, args.reason)
            print(f"card {card.serial} of {card.reference} (box {card.box}, slot {card.slot}) voided: take it out of "
                  "its box; if the holder may still be served, print their badge at the desk")  # fmt: skip
            return 0
        if opened.badge(serial) is None:
            raise InputError(f"no badge or card has the serial {shown(serial)}")
        badge = opened.void_badge(station, args.supervisor, pin, serial, args.reason)
        print(f"badge {badge.serial} of {badge.reference} voided; a new badge may now be issued")
    return 0


def parse_day(text: str) -> date:
    """A ``--day`` argument: a date written YYYY-MM-DD within the years a log can hold."""
    try:
        day = date.fromisoformat(text)
    except ValueError as exc:
        raise ConfigError(f"--day {text!r} is not a date written YYYY-MM-DD") from exc
    if not EARLIEST_YEAR <= day.year <= LATEST_YEAR:
        raise ConfigError(f"--day {text}: the log holds days between {EARLIEST_YEAR} and {LATEST_YEAR}")
    return day


def export(args: argparse.Namespace) -> int:
    day = parse_day(args.day)
    with desk(args) as opened, writing(f"exporting {day}", args.out) as bar:
        totals = opened.export_day(day, args.format, Path(args.out), bar)
        print(f"{shown(args.out)}: {totals.entries} log entries of {day} ({opened.event.time_zone.key})")
    return 0


def log_verify(args: argparse.Namespace) -> int:
    with desk(args) as opened:
        report = opened.verify_log()
        checks = opened.check_checkpoints([Path(f) for f in args.checkpoint], [Path(k) for k in args.key], report)
        differences = opened.audit()
    holds = report.intact and not differences
    if report.intact:
        print(f"log intact: {report.entries} entries, head {report.head_hash}")
    else:
        print(f"LOG BROKEN at entry {report.first_broken}: {report.problem}", file=sys.stderr)
        print(f"the first {report.entries} entries are intact (head {report.head_hash})", file=sys.stderr)
    for difference in differences:
        print(f"STATE NOT LOGGED: {difference}", file=sys.stderr)
    if report.intact and not differences:
        print("staff, keys, event, badges and cards are what the log says")
    for check in checks:
        if check.holds and check.signed is not None:
            point = check.signed.checkpoint
            signers = ", ".join(check.signed.signers)
            print(f"{shown(check.source)}: the log extends this checkpoint ({point.size} entries, signed by {signers})")
        else:
            holds = False
            print(f"CHECKPOINT NOT HELD: {shown(check.source)}: {check.problem}", file=sys.stderr)
    return 0 if holds else 1


def log_checkpoint(args: argparse.Namespace) -> int:
    with desk(args) as opened, writing("checkpoint", args.out):
        note = opened.checkpoint()
        Path(args.out).write_text(note, encoding="utf-8")
        size = note.splitlines()[1]
    print(f"{shown(args.out)}: checkpoint of {size} log entries; keep it on another medium")
    return 0


def staff_add(args: argparse.Namespace) -> int:
    pin = read_pin(args, f"PIN for {args.login}: ", confirm=True)
    with desk(args) as opened:
        member = opened.add_staff(
            StaffMember(args.login, args.name, Role(args.role)), pin, by=args.by or f"os:{getpass.getuser()}"
        )
        print(f"added {member.role.value} {shown(member.full_name)} ({member.login})")
    return 0


def staff_list(args: argparse.Namespace) -> int:
    with desk(args) as opened:
        for member in opened.staff_members():
            state = "" if member.active else " (inactive)"
            print(f"{member.login:<16} {member.role.value:<12} {shown(member.full_name)}{state}")
    return 0


def staff_set_active(args: argparse.Namespace) -> int:
    """``staff disable`` and ``staff enable``: a supervisor stops a login, or lets it in again."""
    active = args.staff_command == "enable"
    pin = read_pin(args, f"PIN for {args.supervisor}: ")
    with desk(args) as opened:
        opened.authorise_supervisor(args.supervisor, pin, f"staff {args.staff_command} {args.login}")
        opened.set_staff_active(args.login, active, by=args.supervisor)
        print(f"{args.login} {'can log in again' if active else 'can no longer log in'}")
    return 0


def backup(args: argparse.Namespace) -> int:
    with desk(args) as opened:
        made = opened.backup(Path(args.to), by=args.staff)
        print(f"{shown(made)}: a consistent copy of {shown(opened.location)}")
    return 0


def keys_new(args: argparse.Namespace) -> int:
    signing, verify = new_key_pair(Path(args.out))
    print(f"{shown(signing)}: the signing key; it stays at the accreditation office (mode 0600)")
    print(f"{shown(verify)}: the verify key; install it on every desk with: desk-app keys install {shown(verify)}")
    return 0


def keys_install(args: argparse.Namespace) -> int:
    with desk(args) as opened:
        kid = opened.install_verify_key(Path(args.file))
        print(f"{shown(opened.location)}: verify key {kid} installed; codes signed with it are now accepted")
    return 0


def confirmations(args: argparse.Namespace) -> int:
    key = load_signing_key(Path(args.key))
    with desk(args) as opened, writing("writing confirmations", args.out) as bar:
        written = opened.write_confirmations(key, Path(args.out), bar)
        print(f"{written} confirmation printouts written to {shown(args.out)}")
    return 0


def decode(args: argparse.Namespace) -> int:
    """One code a line, escaped (a code holding ESC or a line break stays one harmless line); on stderr, any pages
    left unread."""
    scanned = scan_file(Path(args.file))
    for item in scanned.codes:
        print(shown(item.text))
    if shortfall := scanned.shortfall():
        print(f"desk-app: {shown(shortfall)}", file=sys.stderr)
    return 0 if scanned.codes else 1


def mrz(args: argparse.Namespace) -> int:
    result = parse_mrz(_read_text(args.file))
    print(json_line(result_json(result)))
    return 0 if result.valid else 1


def purge(args: argparse.Namespace) -> int:
    pin = read_pin(args, f"PIN for {args.supervisor}: ")
    with desk(args) as opened:
        opened.require_sound()
        purged, left = opened.purge_personal_data(args.supervisor, pin)
    print(f"personal data of {purged} applications erased; badges, log and figures kept")
    if left:
        print(f"desk-app: still to do: {left}", file=sys.stderr)
    return 0


DEMO_MORNING = "2024-02-14T09:30"  # after the demo's first check-ins, while the counters issue badges


def gui(args: argparse.Namespace) -> int:
    from desk_app.ui.app import run_gui  # Qt is loaded only for the window

    station = Path(args.station) if args.station else None
    return run_gui(args.db or default_db_location(), args.now, station, kiosk=args.kiosk)


def demo(args: argparse.Namespace) -> int:
    from desk_app.demo.build import build_demo, demo_profile

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
    print(f"\nOpening the desk on {shown(db)}, at the Groups entrance on the event's first morning...")
    return run_gui(str(db), args.now or DEMO_MORNING, profile=demo_profile(db))
