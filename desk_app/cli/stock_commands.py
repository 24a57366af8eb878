"""``desk-app`` commands about cards printed the night before: pre-print them, count them, close the stock."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desk_app.cli.commands import desk, parse_day, read_pin, writing
from desk_app.cli.output import ProgressBar, shown
from desk_app.cli.printing import PRINT_FAILED_EXIT
from desk_app.core.model import AccreditationKind
from desk_app.errors import ConfigError
from desk_app.service import (
    DeskService,
    PdfFolderPrinter,
    PreprintReport,
    Printer,
    StockReport,
    choose_printer,
    list_queues,
    load_station,
    read_references,
)

MAX_SKIPPED_SHOWN = 20


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
        _say_preprinted(report, opened)
    return PRINT_FAILED_EXIT if report.unprinted else 0


def _say_preprinted(report: PreprintReport, opened: DeskService) -> None:
    for skipped in report.skipped[:MAX_SKIPPED_SHOWN]:
        print(f"skipped {shown(skipped.reference)}: {skipped.why}", file=sys.stderr)
    if len(report.skipped) > MAX_SKIPPED_SHOWN:
        print(f"and {len(report.skipped) - MAX_SKIPPED_SHOWN} more references skipped", file=sys.stderr)
    for card in report.voided:
        print(f"card {card.serial} of {card.reference} voided ({card.void_reason})", file=sys.stderr)
    reserved = report.reserved
    where = ""
    if reserved:
        first, last = reserved[0].box, reserved[-1].box
        where = f" in box {first}" if first == last else f" in boxes {first}-{last}"
    print(f"{_cards(len(reserved))} reserved{where} ({report.kind.value})")
    for box in report.boxes:
        serials = f"{box.serials[0]}..{box.serials[-1]}"
        if box.printed:
            print(f"box {box.box}: {_cards(len(box.serials))} printed ({serials}): {shown(box.message)}")
            for serial in box.destroy:
                print(f"box {box.box}: DESTROY card {serial}: voided while its box printed", file=sys.stderr)
        else:
            print(
                f"box {box.box}: NOT PRINTED, {_cards(len(box.serials))} stay reserved ({serials}): "
                f"{shown(box.message)}; run preprint again to print them",
                file=sys.stderr,
            )
    if report.elsewhere:
        until = max(moment for _, moment in report.elsewhere)
        print(
            f"{_cards(len(report.elsewhere))} ({report.elsewhere[0][0]}..{report.elsewhere[-1][0]}) are being printed "
            f"by another pre-print (until {opened.event.local(until):%H:%M} at the latest): not printed by this one",
            file=sys.stderr,
        )
    if not report.boxes and not report.elsewhere:
        owed = "everyone listed" if report.skipped or reserved else "every approved applicant"
        print(f"nothing to print: {owed} has a card or a badge, or was skipped")


def _cards(count: int) -> str:
    return f"{count} card" if count == 1 else f"{count} cards"


def stock(args: argparse.Namespace) -> int:
    """The stock per kind and box, on the terminal or as CSV/PDF; exit 1 when a box does not balance."""
    _check_output(args)
    day = parse_day(args.day) if args.day is not None else None
    with desk(args) as opened:
        report = opened.stock(day)
        _show(report, opened, args)
    return 0 if report.balances else 1


def stock_close(args: argparse.Namespace) -> int:
    _check_output(args)
    pin = read_pin(args, f"PIN for {args.supervisor}: ")
    with desk(args) as opened:
        opened.require_sound()
        report = opened.close_stock(args.supervisor, pin)
        _show(report, opened, args)
        closed = report.closed
        if closed:
            print(f"stock closed and signed off by {shown(closed.name)} ({closed.by}); every unclaimed card destroyed")
    return 0 if report.balances else 1


def _check_output(args: argparse.Namespace) -> None:
    """--format and --out go together; checked before anything is done (a close is not undone)."""
    if bool(args.format) != bool(args.out):
        raise ConfigError("--format and --out go together: --format csv|pdf --out FILE")


def _show(report: StockReport, opened: DeskService, args: argparse.Namespace) -> None:
    if args.out:
        with writing("writing the stock", args.out):
            opened.export_stock(report, args.format, Path(args.out))
        print(f"{shown(args.out)}: stock of cards printed in advance")
        return
    headings = ("reserved", "printed", "handed", "voided", "in box", "unprinted")
    print(f"{'kind':<12}{'box':>4}" + "".join(f"{heading:>10}" for heading in headings))
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
    if args.printer and args.printer not in {queue.name for queue in list_queues()}:
        raise ConfigError(f"there is no print queue {shown(args.printer)} (desk-app printers lists them)")
    return choose_printer(load_station(), args.printer, "")
