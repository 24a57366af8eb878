"""``desk-app``: the command line. It parses, calls the layers below, and prints; nothing more.

Exit codes (also in ``desk-app --help``):
  0   success; for ``checkin``, the badge is issued
  1   nothing found (``lookup``), or the log chain is broken (``log verify``)
  2   bad input: usage, configuration, a rejected import, unknown staff or a wrong PIN
  3   the database cannot be used (unreadable, busy, of another event)
  10  ``checkin``: REDIRECT, the person must go to another entrance
  11  ``checkin``: NEEDS_SUPERVISOR, a document does not match
  12  ``checkin``: REFUSE
  13  ``checkin --print``, ``override --print``, ``reprint``: the print job failed; the person is not served;
      ``preprint``: a box was not printed (its cards stay reserved: run preprint again)
  14  ``checkin``, ``override``: the person's card was printed in advance; nothing is handed over until it is
      scanned: take it from its box and run the command again with ``--card SERIAL``
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from desk_app import __version__
from desk_app.cli import badge_commands, commands, stock_commands
from desk_app.cli.output import escaped_terminal
from desk_app.core.text import printable
from desk_app.errors import DeskError, InputError
from desk_app.service import BADGE_SIZES, BOX_SIZE, EXPORT_FORMATS

EPILOG = __doc__.split("\n\n", 1)[1] if __doc__ else ""


def _common() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        metavar="PATH",
        help="database file or sqlite:///PATH (default: $DESK_APP_DB, else desk.sqlite in the user's data folder)",
    )
    common.add_argument(
        "--now",
        metavar="ISO-8601",
        help="run as at this moment (local event time unless an offset is given); for rehearsals, the demo and tests",
    )
    return common


def _station(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--entrance", required=True, help="entrance key from the event config: groups|visitors")
    parser.add_argument("--desk", required=True, help="desk name, e.g. G1")
    parser.add_argument("--staff", required=True, help="login of the staff member at the desk")


def _evidence(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--document-number", metavar="N", help="number of the ID document presented")
    parser.add_argument(
        "--mrz", metavar="FILE", help="the ID document's MRZ as a passport reader typed it (a file, or - for stdin)"
    )
    parser.add_argument(
        "--face-mismatch", action="store_true", help="the face does not match the photo (a supervisor must decide)"
    )
    press = parser.add_mutually_exclusive_group()
    press.add_argument("--press-card", metavar="N", help="number of the press card presented")
    press.add_argument("--editor-letter", action="store_true", help="the editor's letter was seen")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--card",
        metavar="SERIAL",
        help="the serial scanned from the person's card printed in advance: hands that card over",
    )


def _printing(parser: argparse.ArgumentParser, optional: bool = True) -> None:
    """Where the badge is printed; the station settings give the default."""
    if optional:
        parser.add_argument(
            "--print", action="store_true", help="print the badge now; issued only when the job completes"
        )
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--printer", metavar="QUEUE", help="CUPS queue (default: the station's printer)")
    where.add_argument(
        "--pdf-dir", metavar="DIR", help="write badges as PDF files here instead (desks with no printer)"
    )
    parser.add_argument("--size", choices=BADGE_SIZES, help="badge size (default: the station's, else card)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds to wait for the print job (default 60)")


def _supervisor(parser: argparse.ArgumentParser, reason: str | None = None) -> None:
    """The supervisor's login, PIN and (where the log needs one) reason for a decision."""
    parser.add_argument("--supervisor", required=True, help="supervisor login")
    if reason:
        parser.add_argument("--reason", required=True, help=reason)
    parser.add_argument("--pin-stdin", action="store_true", help="read the supervisor PIN from standard input")


def build_parser() -> argparse.ArgumentParser:
    common = _common()
    parser = argparse.ArgumentParser(
        prog="desk-app",
        description="Media accreditation desk.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"desk-app {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        return sub.add_parser(
            name,
            parents=[common],
            help=help_text,
            description=help_text,
            epilog=EPILOG,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )

    p = add("init", "create or upgrade the database and set its event")
    p.add_argument("--event", metavar="FILE", help="event config TOML (default: the shipped 2024 meeting)")
    p.add_argument(
        "--rehearsal", action="store_true", help="a rehearsal database: --now may set its clock; exports say so"
    )
    p.set_defaults(run=commands.init)

    p = add("import", "import the accreditation list (CSV or JSON); all rows or none")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--photos", metavar="DIR", help="folder holding the files named in the photo column")
    p.add_argument("--staff", default="", help="login of the supervisor importing (for the log)")
    p.set_defaults(run=commands.import_)

    p = add("lookup", "find applications by reference or name (accents and case do not matter)")
    p.add_argument("query", nargs="+")
    p.add_argument("--json", action="store_true", help="print a JSON list")
    p.add_argument("--limit", type=int, default=20)
    p.set_defaults(run=commands.lookup)

    p = add("checkin", "check a person in: decide, log, and record the badge when issued")
    p.add_argument("code", metavar="CODE", help="the scanned code or the typed reference")
    _station(p)
    _evidence(p)
    _printing(p)
    p.set_defaults(run=commands.checkin)

    p = add("override", "supervisor: accept a doubtful ID or press card and issue the badge")
    p.add_argument("code", metavar="CODE")
    _station(p)
    _evidence(p)
    _supervisor(p, reason="why the supervisor accepts it (logged)")
    _printing(p)
    p.set_defaults(run=commands.override)

    p = add("void", "supervisor: void an issued badge (lost, damaged); the person can be served again")
    p.add_argument("serial")
    _station(p)
    _supervisor(p, reason="why the badge is voided (logged)")
    p.set_defaults(run=commands.void)

    p = add("reprint", "supervisor: replace a lost or damaged badge; the earlier serial is voided")
    p.add_argument("serial")
    _station(p)
    _supervisor(p, reason="why the badge is replaced (logged)")
    _printing(p, optional=False)
    p.set_defaults(run=badge_commands.reprint)

    p = add("preprint", "supervisor: reserve and print, in boxes, a card for everyone approved who has none yet")
    p.add_argument("--kind", required=True, choices=("ministerial", "annual"))
    p.add_argument("--references", metavar="FILE", help="only these references (one per line, or a CSV column)")
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--out", metavar="FILE.pdf", help="one PDF of every box, covers included")
    where.add_argument("--pdf-dir", metavar="DIR", help="one PDF per box in this folder")
    where.add_argument("--printer", metavar="QUEUE", help="CUPS queue: one job per box")
    p.add_argument("--size", choices=BADGE_SIZES, help="card size (default card)")
    p.add_argument("--box-size", type=int, default=BOX_SIZE, help=f"cards per box (default {BOX_SIZE})")
    _supervisor(p)
    p.set_defaults(run=stock_commands.preprint)

    p = add("stock", "the cards printed in advance per kind and box; exit 1 if a box does not balance")
    p.add_argument("--day", metavar="YYYY-MM-DD", help="as at the end of this day (event time; default: now)")
    p.add_argument("--format", choices=EXPORT_FORMATS, help="write the stock as CSV or PDF (with --out)")
    p.add_argument("--out", metavar="FILE")
    stock_sub = p.add_subparsers(dest="stock_command", metavar="COMMAND")
    p.set_defaults(run=stock_commands.stock)
    p = stock_sub.add_parser(
        "close",
        parents=[common],
        help="supervisor, at the end of the event: destroy every unclaimed card and sign the stock off",
        description="void every card still in a box as destroyed unclaimed, and sign the stock off",
    )
    _supervisor(p)
    p.add_argument("--format", choices=EXPORT_FORMATS, help="write the closed stock as CSV or PDF (with --out)")
    p.add_argument("--out", metavar="FILE")
    p.set_defaults(run=stock_commands.stock_close)

    p = add("badge", "render the badge a person holds to a PDF file")
    p.add_argument("reference", metavar="REF")
    p.add_argument("--out", required=True, metavar="FILE.pdf")
    p.add_argument("--size", choices=BADGE_SIZES)
    p.set_defaults(run=badge_commands.badge)

    p = add("badges", "render every handed-over badge of one kind to one PDF, a page each")
    p.add_argument("--kind", required=True, choices=("ministerial", "annual"))
    p.add_argument("--out", required=True, metavar="FILE.pdf")
    p.add_argument("--size", choices=BADGE_SIZES)
    p.set_defaults(run=badge_commands.badges)

    p = sub.add_parser(
        "printers",
        help="list the print queues (exit 1 when there is none)",
        description="list the CUPS print queues and whether they are ready",
    )
    p.set_defaults(run=badge_commands.printers)

    p = add("export", "export one day's check-in log (the day in the event's time zone)")
    p.add_argument("--day", required=True, metavar="YYYY-MM-DD")
    p.add_argument("--format", required=True, choices=EXPORT_FORMATS)
    p.add_argument("--out", required=True, metavar="FILE")
    p.set_defaults(run=commands.export)

    p = add("backup", "copy the database, consistently, while desks keep working (SQLite; PostgreSQL: pg_dump)")
    p.add_argument("--to", required=True, metavar="DIR", help="folder for the copy (another disk or medium)")
    p.add_argument("--staff", default="", help="login of whoever makes the backup (for the log)")
    p.set_defaults(run=commands.backup)

    log = sub.add_parser("log", help="the check-in log", description="the check-in log")
    log_sub = log.add_subparsers(dest="log_command", required=True, metavar="COMMAND")
    p = log_sub.add_parser(
        "verify",
        parents=[common],
        help="check the hash chain and any checkpoints; exit 1 if the log does not hold",
        description="check the hash chain, and that the log still extends each checkpoint given (an export, a "
        "witness file); exit 1 if it does not",
    )
    p.add_argument(
        "--checkpoint", metavar="FILE", action="append", default=[], help="a day's export or a .checkpoint file"
    )
    p.add_argument(
        "--key", metavar="PUB", action="append", default=[], help="another desk's checkpoint key (.pub) to trust"
    )
    p.set_defaults(run=commands.log_verify)
    p = log_sub.add_parser(
        "checkpoint",
        parents=[common],
        help="write a signed checkpoint of the log (its size and head hash) to keep elsewhere",
        description="write a signed checkpoint of the log (its size and head hash), signed with this machine's key, "
        "to keep on another medium; log verify --checkpoint proves the log still extends it",
    )
    p.add_argument("--out", required=True, metavar="FILE")
    p.set_defaults(run=commands.log_checkpoint)

    staff = sub.add_parser("staff", help="staff accounts", description="staff accounts")
    staff_sub = staff.add_subparsers(dest="staff_command", required=True, metavar="COMMAND")
    p = staff_sub.add_parser(
        "add",
        parents=[common],
        help="add a staff member (asks for the PIN)",
        description="add a staff member (asks for the PIN twice)",
    )
    p.add_argument("login")
    p.add_argument("--name", required=True, help="full name")
    p.add_argument("--role", required=True, choices=("counter", "pass_office", "supervisor"))
    p.add_argument("--pin-stdin", action="store_true", help="read the PIN from standard input")
    p.add_argument("--by", default="", help="login of whoever adds the member, for the log (default: os:USER)")
    p.set_defaults(run=commands.staff_add)
    p = staff_sub.add_parser("list", parents=[common], help="list staff", description="list staff")
    p.set_defaults(run=commands.staff_list)
    for verb, effect in (("disable", "stop a login from logging in"), ("enable", "let a disabled login in again")):
        p = staff_sub.add_parser(verb, parents=[common], help=f"supervisor: {effect}", description=effect)
        p.add_argument("login")
        _supervisor(p)
        p.set_defaults(run=commands.staff_set_active)

    keys = sub.add_parser("keys", help="confirmation-code keys", description="confirmation-code keys")
    keys_sub = keys.add_subparsers(dest="keys_command", required=True, metavar="COMMAND")
    p = keys_sub.add_parser(
        "new",
        help="accreditation office: write a new signing key and its verify key",
        description="write signing-key.pem (keep it at the office) and verify-key.pem (for desks)",
    )
    p.add_argument("--out", required=True, metavar="DIR")
    p.set_defaults(run=commands.keys_new)
    p = keys_sub.add_parser(
        "install",
        parents=[common],
        help="give this desk's database a verify key",
        description="give this desk's database a verify key",
    )
    p.add_argument("file", metavar="verify-key.pem")
    p.set_defaults(run=commands.keys_install)

    p = add(
        "confirmations", "accreditation office: write the confirmation printout (PDF) of every approved application"
    )
    p.add_argument("--key", required=True, metavar="signing-key.pem")
    p.add_argument("--out", required=True, metavar="DIR")
    p.set_defaults(run=commands.confirmations)

    p = sub.add_parser(
        "decode",
        help="print every code found in an image or PDF (exit 1 when none)",
        description="print every code found in an image (PNG, JPEG, TIFF) or PDF, one per line",
    )
    p.add_argument("file", metavar="FILE")
    p.set_defaults(run=commands.decode)

    p = sub.add_parser(
        "mrz",
        help="parse an ID document's MRZ and print it as JSON (exit 1 when invalid)",
        description="parse an MRZ (TD1, TD2, TD3) and print valid, format, fields and errors as JSON",
    )
    p.add_argument("file", metavar="FILE", nargs="?", default="-", help="a text file, or - for stdin (default)")
    p.set_defaults(run=commands.mrz)

    p = add("purge", "supervisor, after the event: erase the applicants' personal data and photos")
    _supervisor(p)
    p.set_defaults(run=commands.purge)

    p = add("gui", "open the desk's window (first run asks for the station, then staff log in)")
    p.add_argument("--station", metavar="FILE", help="station settings file (default: the user's config folder)")
    p.add_argument("--kiosk", action="store_true", help="fill the screen with no window frame (also a station setting)")
    p.set_defaults(run=commands.gui)

    p = add("demo", "build the demo database (fictional applicants) and say what to try")
    p.add_argument("--out", metavar="DIR", default=".demo", help="folder for the demo files (default .demo)")
    p.add_argument("--count", type=int, default=300, help="number of applicants (default 300)")
    p.add_argument("--no-gui", action="store_true", help="build the demo and say what to try, without the window")
    p.set_defaults(run=commands.demo)
    return parser


# Arguments that name files: a file name need not be UTF-8, the operating system takes its bytes back as they came.
_FILE_ARGUMENTS = frozenset(
    {"db", "file", "photos", "out", "to", "event", "station", "key", "checkpoint", "mrz", "pdf_dir", "references"}
)


def _check_text(args: argparse.Namespace) -> None:
    """Refuse a text argument in bytes that are not UTF-8 (typed on a terminal in another character set): Python
    hands such bytes on as lone surrogates, which no database, log or badge can hold."""
    for name, value in vars(args).items():
        if name in _FILE_ARGUMENTS:
            continue
        for text in value if isinstance(value, list) else [value]:
            if isinstance(text, str) and any("\ud800" <= char <= "\udfff" for char in text):
                raise InputError(
                    f"the {name.replace('_', ' ')} argument is not UTF-8 text ({printable(text)}): "
                    "set the terminal to UTF-8"
                )


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    with escaped_terminal():
        try:
            _check_text(args)
            return int(args.run(args))
        except DeskError as exc:
            print(f"desk-app: {exc}", file=sys.stderr)
            return exc.exit_code
        except KeyboardInterrupt:
            print("desk-app: interrupted", file=sys.stderr)
            return 130
