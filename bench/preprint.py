"""Benchmarks of cards printed the night before: the pre-print of a whole list, and the counter's time per person.

The pre-print (reserve, render, record) runs in a child process per run on a copy of one database, so each run
starts from the same stock and its peak memory (VmHWM) is its own. The counter compares a person whose card waits
in a box (check-in, then the card's barcode scanned: hand-over) with a person whose badge is printed on demand on a
real cups-pdf queue (started as the tests do, ``tests/cups_server.py``), the desk waiting for the job to complete.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pypdfium2 as pdfium

from bench.foundation import Figure, SteppingClock
from desk_app.config import DEFAULT_EVENT_FILE
from desk_app.core.codes import sign_code
from desk_app.core.model import (
    AccreditationKind,
    BadgeState,
    Outcome,
    PresentedDocument,
    PresentedPress,
    Role,
    StaffMember,
)
from desk_app.demo.generator import Row, generate_rows, write_csv, write_photos
from desk_app.printing import CupsPrinter, Printer
from desk_app.service import DeskService, PdfFolderPrinter, Station
from desk_app.service.keys import load_signing_key, new_key_pair
from desk_app.service.startup import event_of, install_event
from desk_app.store import open_store
from tests.cups_server import CupsServer, CupsUnavailable, PdfQueue

BRUSSELS = ZoneInfo("Europe/Brussels")
SETUP_AT = datetime(2024, 2, 12, 10, 0, tzinfo=BRUSSELS)
NIGHT_BEFORE = datetime(2024, 2, 13, 20, 0, tzinfo=BRUSSELS)
MORNING = datetime(2024, 2, 14, 8, 0, tzinfo=BRUSSELS)
SUPERVISOR, SUPERVISOR_PIN = "bench-super", "975310"
COUNTER, COUNTER_PIN = "bench-counter", "2481"
MINISTERIAL = AccreditationKind.MINISTERIAL
TARGET_S_PER_1000 = 60.0  # a supervisor starts it after the list's last import and boxes the cards the same night
MEMORY_TARGET_MB = 500.0  # a counter PC of 4 GB runs the desk window beside it
ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Stock:
    """The database every run starts from: ``people`` approved ministerial applicants, photos, staff, a key."""

    db: Path
    rows: list[Row]
    signing_key: Path


def build_stock(folder: Path, people: int) -> Stock:
    """Import ``people`` approved ministerial applicants (photos included) through the real importer."""
    approved = [
        r for r in generate_rows(people * 2, seed=15) if r["kind"] == "ministerial" and r["status"] == "approved"
    ]
    rows = approved[:people]
    assert len(rows) == people, f"only {len(rows)} approved ministerial rows generated"
    write_csv(rows, folder / "list.csv")
    write_photos(rows, folder / "photos")
    signing, verify = new_key_pair(folder / "keys")
    db = folder / "stock.sqlite"
    store = open_store(db)
    event = install_event(store, DEFAULT_EVENT_FILE.read_text(encoding="utf-8"), "default", SETUP_AT, rehearsal=True)
    with DeskService(store, event, SteppingClock(SETUP_AT, timedelta(milliseconds=10))) as desk:
        desk.add_staff(StaffMember(SUPERVISOR, "Bench Supervisor", Role.SUPERVISOR), SUPERVISOR_PIN, by="bench")
        desk.add_staff(StaffMember(COUNTER, "Bench Counter", Role.COUNTER), COUNTER_PIN, by="bench")
        desk.import_list(folder / "list.csv", folder / "photos", by=SUPERVISOR)
        desk.install_verify_key(verify, by=SUPERVISOR)
    return Stock(db, rows, signing)


def copy_database(source: Path, target: Path) -> Path:
    """A closed SQLite file copied whole (closing the last connection folded its WAL back into it)."""
    assert not source.with_name(source.name + "-wal").exists(), "the database was not closed"
    shutil.copyfile(source, target)
    return target


def open_desk(db: Path, start: datetime) -> DeskService:
    store = open_store(db)
    event = event_of(store)
    assert event is not None
    return DeskService(store, event, SteppingClock(start, timedelta(milliseconds=10)))


# --- the pre-print, one run per child process ------------------------------------------------------------------


def preprint_once(db: Path, output: Path, mode: str) -> dict[str, float]:
    """One pre-print of everyone owed a card: to one PDF file (``file``) or a PDF folder (``folder``)."""
    with open_desk(db, NIGHT_BEFORE) as desk:
        target: Printer | Path = output if mode == "file" else PdfFolderPrinter(output)
        start = time.perf_counter()
        report = desk.preprint(MINISTERIAL, SUPERVISOR, SUPERVISOR_PIN, target)
        seconds = time.perf_counter() - start
        assert not report.unprinted and len(report.printed) == len(report.reserved), report.unprinted
    files = [output] if mode == "file" else sorted(output.glob("*.pdf"))
    pages = sum(page_count(f) for f in files)
    assert pages == len(report.printed) + len(report.boxes), f"{pages} pages"
    return {
        "seconds": seconds,
        "cards": len(report.printed),
        "boxes": len(report.boxes),
        "pdf_bytes": sum(f.stat().st_size for f in files),
        "files": len(files),
        "pages": pages,
    }


def page_count(pdf: Path) -> int:
    document = pdfium.PdfDocument(pdf)
    try:
        return len(document)
    finally:
        document.close()


def _child_main(argv: list[str]) -> None:
    """``python -m bench.preprint DB OUTPUT MODE``: one run; prints its figures and its own peak memory."""
    figures = preprint_once(Path(argv[0]), Path(argv[1]), argv[2])
    with open("/proc/self/status", encoding="ascii") as status:
        # VmHWM, this process's own peak (ru_maxrss would count the parent's peak at the fork).
        figures["peak_kib"] = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    print(json.dumps(figures))


def run_child(db: Path, output: Path, mode: str) -> dict[str, float]:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "bench.preprint", str(db), str(output), mode],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    if done.returncode != 0:
        raise RuntimeError(f"a pre-print run failed: {done.stderr.strip()[-2000:]}")
    figures: dict[str, float] = json.loads(done.stdout.splitlines()[-1])
    figures["process_seconds"] = time.perf_counter() - start
    return figures


def bench_preprint(stock: Stock, folder: Path, mode: str, runs: int) -> tuple[list[Figure], Path]:
    """Median wall time and peak memory of ``runs`` pre-prints; the database of the last run (cards printed)."""
    results, db = [], stock.db
    for run in range(runs):
        db = copy_database(stock.db, folder / f"{mode}{run}.sqlite")
        output = folder / (f"{mode}{run}.pdf" if mode == "file" else f"{mode}{run}")
        results.append(run_child(db, output, mode))
    seconds = [r["seconds"] for r in results]
    median = statistics.median(seconds)
    cards, boxes = int(results[0]["cards"]), int(results[0]["boxes"])
    target = TARGET_S_PER_1000 * cards / 1000
    where = "one PDF file" if mode == "file" else f"a PDF folder, {int(results[0]['files'])} files"
    size = statistics.median(r["pdf_bytes"] for r in results) / 2**20
    peak = max(r["peak_kib"] for r in results) / 1024
    timing = Figure(
        f"pre-print {cards:,} cards to {where} (reserve, render, record; {boxes} boxes with cover sheets)",
        median,
        f"s (median of {runs})",
        f"< {target:g} s",
        median < target,
        f"{median / cards * 1000:.1f} ms a card; min {min(seconds):.1f} s, max {max(seconds):.1f} s; "
        f"PDF {size:.1f} MiB, {int(results[0]['pages']):,} pages; whole process (Python start included) "
        f"{statistics.median(r['process_seconds'] for r in results):.1f} s",
    )
    memory = Figure(
        f"pre-print {cards:,} cards to {where}: peak memory of the process",
        peak,
        f"MB (highest of {runs})",
        f"< {MEMORY_TARGET_MB:g} MB",
        peak < MEMORY_TARGET_MB,
        "VmHWM of a process that runs only the pre-print",
    )
    return [timing, memory], db


# --- the counter: a card from its box, or a badge printed on demand ---------------------------------------------


@dataclass(frozen=True)
class Person:
    code: str
    document: PresentedDocument
    press: PresentedPress


def people_at_the_counter(stock: Stock, count: int) -> list[Person]:
    """``count`` applicants who pass every check (documents valid past the event), each with a signed code."""
    key = load_signing_key(stock.signing_key)
    event_id = _event_id(stock.db)
    chosen = [r for r in stock.rows if r["document_expiry"] >= "2024-02-15"][:count]
    return [
        Person(
            sign_code(key, event_id, row["reference"], MINISTERIAL),
            PresentedDocument(row["document_number"]),
            PresentedPress(row["press_card_number"] or None, row["editor_letter"] == "yes"),
        )
        for row in chosen
    ]


def _event_id(db: Path) -> str:
    with open_store(db) as store:
        event = event_of(store)
        assert event is not None
        return event.id


def hand_over_card(desk: DeskService, station: Station, person: Person) -> None:
    """Check-in: the verdict names the card and its box; the card's barcode scanned: handed over."""
    told = desk.check_in(station, person.code, person.document, person.press)
    assert told.awaiting_card and told.card is not None, told.verdict
    served = desk.check_in(station, person.code, person.document, person.press, card=told.card.serial)
    assert served.verdict.outcome is Outcome.ISSUE and served.badge is not None
    assert served.badge.state is BadgeState.ISSUED


def print_on_demand(desk: DeskService, station: Station, person: Person, printer: Printer) -> None:
    """Check-in with printing; the badge counts as handed over once the printer's job completed."""
    checked = desk.check_in(station, person.code, person.document, person.press, printing=True)
    assert checked.badge is not None and checked.badge.state is BadgeState.PRINTING, checked.verdict
    printed = desk.issuer(printer).print_badge(station, checked.badge)
    assert printed.handed_over, printed.outcome.message


def per_person(serve: Callable[[Person], None], people: list[Person]) -> list[float]:
    """Seconds per person; the first person warms the caches and the queue's filters and is not counted."""
    samples = []
    for n, person in enumerate(people):
        start = time.perf_counter()
        serve(person)
        if n:
            samples.append(time.perf_counter() - start)
    return samples


def bench_counter(stock: Stock, preprinted_db: Path, folder: Path, people: int) -> list[Figure]:
    persons = people_at_the_counter(stock, people + 1)
    station = Station("groups", "G1", COUNTER)
    with open_desk(preprinted_db, MORNING) as desk:
        cards = per_person(lambda p: hand_over_card(desk, station, p), persons)
    card_ms = statistics.median(cards) * 1000
    figures = [
        Figure(
            "counter, card printed the night before: check-in, card named, card scanned, handed over",
            card_ms,
            f"ms p50 (of {len(cards)})",
            "(no target)",
            True,
            f"min {min(cards) * 1000:.1f} ms, max {max(cards) * 1000:.1f} ms; two check-ins, no printer",
        )
    ]
    name = "counter, badge printed on demand: check-in, render, cups-pdf queue, job completed"
    try:
        with CupsServer.ensure_running(), PdfQueue.create(folder) as queue:
            db = copy_database(stock.db, folder / "on-demand.sqlite")
            with open_desk(db, MORNING) as desk:
                printer = CupsPrinter(queue.name)
                printed = per_person(lambda p: print_on_demand(desk, station, p, printer), persons)
    except CupsUnavailable as exc:
        return [*figures, Figure(name, float("nan"), "ms p50", "(no target)", False, f"not measured: {exc}")]
    demand_ms = statistics.median(printed) * 1000
    figures.append(
        Figure(
            name,
            demand_ms,
            f"ms p50 (of {len(printed)})",
            "(no target)",
            True,
            f"min {min(printed) * 1000:.1f} ms, max {max(printed) * 1000:.1f} ms; a real card printer adds 15-25 s "
            "a card, which the card printed the night before avoids entirely",
        )
    )
    figures.append(
        Figure(
            "counter time per person, on demand (cups-pdf) / card printed the night before",
            demand_ms / card_ms,
            "x",
            "(no target)",
            True,
            f"{demand_ms:.0f} ms / {card_ms:.1f} ms; with a real card printer on demand: 15-25 s more per person",
        )
    )
    return figures


def run_all(quick: bool = False) -> list[Figure]:
    cards, runs, people = (100, 1, 5) if quick else (1000, 3, 20)
    with tempfile.TemporaryDirectory(prefix="desk-bench-preprint-") as tmp:
        folder = Path(tmp)
        stock = build_stock(folder, cards)
        to_file, preprinted_db = bench_preprint(stock, folder, "file", runs)
        to_folder, _ = bench_preprint(stock, folder, "folder", runs)
        return [*to_file, *to_folder, *bench_counter(stock, preprinted_db, folder, people)]


if __name__ == "__main__":
    _child_main(sys.argv[1:])
