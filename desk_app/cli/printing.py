"""Printing from the command line: which printer, the print after a check-in, and how it went (on stderr)."""

from __future__ import annotations

import argparse
import sys

from desk_app.core.model import BadgeState
from desk_app.service import BadgeIssuer, CheckinResult, DeskService, PrintResult, Station, choose_printer, load_station

PRINT_FAILED_EXIT = 13


def issuer_for(args: argparse.Namespace, desk: DeskService) -> BadgeIssuer:
    """The issuer on the printer ``--printer``/``--pdf-dir`` name, else the station's; the size likewise."""
    station = load_station()
    size = args.size or (station.badge_size if station else "card")
    return desk.issuer(choose_printer(station, args.printer or "", args.pdf_dir or ""), size, args.timeout)


def print_after(args: argparse.Namespace, desk: DeskService, result: CheckinResult) -> PrintResult | None:
    """Print the badge a check-in or override reserved; say how it went on stderr."""
    if result.badge is None or result.badge.state is not BadgeState.PRINTING:
        return None
    printed = issuer_for(args, desk).print_badge(Station(args.entrance, args.desk, args.staff), result.badge)
    say_printed(printed)
    return printed


def say_printed(printed: PrintResult) -> None:
    if printed.handed_over:
        print(f"printed: badge {printed.badge.serial} handed over ({printed.outcome.message})", file=sys.stderr)
    else:
        print(
            f"PRINT FAILED: badge {printed.badge.serial} was not printed ({printed.outcome.message}); "
            "the person is NOT served: check the printer and check them in again",
            file=sys.stderr,
        )
