"""``desk-app`` commands about cards printed the night before: pre-print them, count them, close the stock."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from desk_app.cli.commands import desk, read_pin, writing
from desk_app.cli.output import ProgressBar, shown
from desk_app.cli.printing import PRINT_FAILED_EXIT
from desk_app.core.model import AccreditationKind
from desk_app.errors import ConfigError, DeskError
from desk_app.service import (
    DeskService,
    PdfFolderPrinter,
    Printer,
    StockReport,
    choose_printer,
    load_station,
    read_references,
)


def preprint(args: argparse.Namespace) -> int:
    """Reserve and print a card for everyone owed one; exit 13 when a box was not printed (it is said which)."""
    kind = AccreditationKind(args.kind)
    references = read_references(Path(args.references)) if args.references else None
    pin = read_pin(args, f"PIN for {args.supervisor}: ")
    with desk(args) as opened:
        opened.require_sound()
        bar = ProgressBar(f"pre-printing {kind.value} cards")
        try:
            report = opened.preprint(
                kind, args.supervisor, pin, _output(args), args.size or "card", references, args.box_size, bar
            )
        finally:
            bar.close()
    for skipped in report.skipped:
        print(f"skipped {shown(skipped.reference)}: {skipped.why}", file=sys.stderr)
    for card in report.voided:
        print(f"card {card.serial} of {card.reference} voided ({card.void_reason})", file=sys.stderr)
    first, last = (report.reserved[0], report.reserved[-1]) if report.reserved else (None, None)
    boxes = f" in boxes {first.box}-{last.box}" if first and last and first.box != last.box else ""
    boxes = boxes or (f" in box {first.box}" if first else "")
    print(f"{len(report.reserved)} {kind.value} cards reserved{boxes}")
    for box in report.boxes:
        serials = f"{box.serials[0]}..{box.serials[-1]}"
        if box.printed:
            print(f"box {box.box}: {len(box.serials)} cards printed ({serials}): {shown(box.message)}")
            for serial in box.destroy:
                print(
                    f"box {box.box}: DESTROY card {serial}: its holder was served at a desk meanwhile", file=sys.stderr
                )
        else:
            print(
                f"box {box.box}: NOT PRINTED, {len(box.serials)} cards stay reserved ({', '.join(box.serials)}): "
                f"{shown(box.message)}; run preprint again to print them",
                file=sys.stderr,
            )
    if not report.boxes:
        print("nothing to print: every approved applicant has a card or a badge")
    return PRINT_FAILED_EXIT if report.unprinted else 0


def stock(args: argparse.Namespace) -> int:
    """The stock per kind and box, on the terminal or as CSV/PDF; exit 1 when a box does not balance."""
    day = _day(args.day) if args.day else None
    with desk(args) as opened:
        report = opened.stock(day)
        _show(report, opened, args)
    return 0 if report.balances else 1


def stock_close(args: argparse.Namespace) -> int:
    pin = read_pin(args, f"PIN for {args.supervisor}: ")
    with desk(args) as opened:
        opened.require_sound()
        report = opened.close_stock(args.supervisor, pin)
        _show(report, opened, args)
        closed = report.closed
        if closed:
            print(f"stock closed and signed off by {shown(closed.name)} ({closed.by}); every unclaimed card destroyed")
    return 0 if report.balances else 1


def _show(report: StockReport, opened: DeskService, args: argparse.Namespace) -> None:
    if args.out:
        if not args.format:
            raise ConfigError("--out needs --format csv or pdf")
        with writing("writing the stock", args.out):
            opened.export_stock(report, args.format, Path(args.out))
        print(f"{shown(args.out)}: stock of cards printed in advance")
        return
    print(
        f"{'kind':<12}{'box':>4}{'reserved':>10}{'printed':>9}{'handed':>8}{'voided':>8}{'in box':>8}{'unprinted':>10}"
    )
    for row in report.boxes:
        counts = (row.reserved, row.printed, row.handed_over, row.voided, row.in_box, row.not_printed)
        print(f"{row.kind.value:<12}{row.box:>4}" + "".join(f"{n:>10}" for n in counts))
        for reason, count in sorted(row.void_reasons.items()):
            print(f"{'':<16}voided, {shown(reason)}: {count}")
        if row.served_at_desk:
            print(f"{'':<16}holders of voided cards served at the desk since: {row.served_at_desk}")
    for flag in report.flagged:
        print(f"FLAGGED {flag.card.serial} box {flag.card.box} slot {flag.card.slot} {shown(flag.name)}: {flag.why}")
    print("every box balances" if report.balances else "A BOX DOES NOT BALANCE")


def _output(args: argparse.Namespace) -> Printer | Path:
    if args.out:
        return Path(args.out)
    if args.pdf_dir:
        return PdfFolderPrinter(Path(args.pdf_dir))
    return choose_printer(load_station(), args.printer, "")


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise DeskError(f"--day {text!r} is not a date written YYYY-MM-DD") from exc
