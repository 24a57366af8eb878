"""``desk-app`` commands about badges and printers: render, reprint, list the queues."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desk_app.cli.commands import desk, read_pin
from desk_app.cli.output import shown
from desk_app.cli.printing import PRINT_FAILED_EXIT, issuer_for, say_printed
from desk_app.core.model import AccreditationKind
from desk_app.errors import DeskError, NotFoundError
from desk_app.service import Station, list_queues


def reprint(args: argparse.Namespace) -> int:
    pin = read_pin(args, f"PIN for {args.supervisor}: ")
    with desk(args) as opened:
        opened.require_sound()
        station = Station(args.entrance, args.desk, args.staff)
        printed = issuer_for(args, opened).reprint(station, args.supervisor, pin, args.serial, args.reason)
        say_printed(printed)
    return 0 if printed.handed_over else PRINT_FAILED_EXIT


def badge(args: argparse.Namespace) -> int:
    """Render the badge a person holds (issued or being printed) to a PDF file."""
    with desk(args) as opened:
        held = opened.active_badge(opened.read_code(args.reference).reference)
        if held is None:
            raise NotFoundError(f"{args.reference} holds no badge: check them in first")
        _write(args.out, opened.render_badges([held], args.size or "card"))
        print(f"{shown(args.out)}: badge {held.serial} of {held.reference}")
    return 0


def badges(args: argparse.Namespace) -> int:
    """Render every badge of one kind recorded as handed over, one page each, for a sheet or card printer."""
    kind = AccreditationKind(args.kind)
    with desk(args) as opened:
        held = opened.handed_over(kind)
        if not held:
            raise NotFoundError(f"no {kind.value} badge has been issued yet")
        _write(args.out, opened.render_badges(held, args.size or "card"))
        print(f"{shown(args.out)}: {len(held)} {kind.value} badges")
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


def _write(out: str, pdf: bytes) -> None:
    try:
        Path(out).write_bytes(pdf)
    except OSError as exc:
        raise DeskError(f"cannot write {out}: {exc.strerror}") from exc
