"""``desk-app`` commands about badges and printers: render, print on check-in, reprint, list the queues."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from badges import render_batch
from desk_app.badging import badge_data
from desk_app.cli.commands import session
from desk_app.core.model import AccreditationKind, Badge, BadgeState
from desk_app.desk import CheckinResult, Desk, Station
from desk_app.errors import DeskError, NotFoundError
from desk_app.issuing import BadgeIssuer, PrintResult
from desk_app.printing import list_queues
from desk_app.station import load_station, station_printer

PRINT_FAILED_EXIT = 13


def issuer_for(args: argparse.Namespace, desk: Desk) -> BadgeIssuer:
    station = load_station()
    size = args.size or (station.badge_size if station else "card")
    return BadgeIssuer(desk, station_printer(args.printer or "", args.pdf_dir or "", station), size, args.timeout)


def print_after(args: argparse.Namespace, desk: Desk, result: CheckinResult) -> PrintResult | None:
    """Print the badge a check-in or override reserved; say how it went on stderr."""
    if result.badge is None or result.badge.state is not BadgeState.PRINTING:
        return None
    printed = issuer_for(args, desk).print_badge(Station(args.entrance, args.desk, args.staff), result.badge)
    _say(printed)
    return printed


def _say(printed: PrintResult) -> None:
    if printed.handed_over:
        print(f"printed: badge {printed.badge.serial} handed over ({printed.outcome.message})", file=sys.stderr)
    else:
        print(
            f"PRINT FAILED: badge {printed.badge.serial} was not printed ({printed.outcome.message}); "
            "the person is NOT served: check the printer and check them in again",
            file=sys.stderr,
        )


def reprint(args: argparse.Namespace, pin: str) -> int:
    with session(args) as s:
        station = Station(args.entrance, args.desk, args.staff)
        printed = issuer_for(args, s.desk).reprint(station, args.supervisor, pin, args.serial, args.reason)
        _say(printed)
    return 0 if printed.handed_over else PRINT_FAILED_EXIT


def badge(args: argparse.Namespace) -> int:
    """Render the badge a person holds (issued or being printed) to a PDF file."""
    with session(args) as s:
        held = s.store.badges.active_for(s.desk.read_code(args.reference).reference)
        if held is None:
            raise NotFoundError(f"{args.reference} holds no badge: check them in first")
        _write(args.out, _render(s.desk, [held], args.size or "card"))
        print(f"{args.out}: badge {held.serial} of {held.reference}")
    return 0


def badges(args: argparse.Namespace) -> int:
    """Render every badge of one kind recorded as handed over, one page each, for a sheet or card printer."""
    kind = AccreditationKind(args.kind)
    with session(args) as s:
        held = s.store.badges.handed_over(kind)
        if not held:
            raise NotFoundError(f"no {kind.value} badge has been issued yet")
        _write(args.out, _render(s.desk, held, args.size or "card"))
        print(f"{args.out}: {len(held)} {kind.value} badges")
    return 0


def printers(args: argparse.Namespace) -> int:
    queues = list_queues()
    for queue in queues:
        state = "ready" if queue.enabled and queue.accepting else "STOPPED" if not queue.enabled else "REJECTING"
        default = " (default)" if queue.is_default else ""
        print(f"{queue.name:<24} {state:<10} {queue.state_message}{default}")
    if not queues:
        print("no print queues (is CUPS installed and running?)", file=sys.stderr)
    return 0 if queues else 1


def _render(desk: Desk, held: list[Badge], size: str) -> bytes:
    items = []
    for one in held:
        application = desk.store.applications.get(one.reference)
        if application is None:
            raise NotFoundError(f"badge {one.serial} names {one.reference}, which is not in the list")
        photo = desk.store.applications.photo(application.photo_sha256) if application.photo_sha256 else None
        items.append(badge_data(application, one, desk.event, photo.data if photo else None))
    return render_batch(items, size)


def _write(out: str, pdf: bytes) -> None:
    try:
        Path(out).write_bytes(pdf)
    except OSError as exc:
        raise DeskError(f"cannot write {out}: {exc.strerror}") from exc
