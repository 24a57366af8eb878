"""Benchmarks of the foundation: import, lookup, check-in with a durable log append, daily export.

Each figure is a median or a percentile over repeated runs on a fresh SQLite file; the machine is shared and
noisy, so targets are checked against medians and percentiles, never a single run.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from desk_app.config import DEFAULT_EVENT_FILE
from desk_app.core.model import Action, LogRecord, PresentedDocument, PresentedPress, Role, StaffMember
from desk_app.demo.generator import generate_rows, write_csv
from desk_app.intake.importer import import_list
from desk_app.reports.daily import export_csv, export_pdf
from desk_app.service import DeskService, Station
from desk_app.service.startup import event_of, install_event
from desk_app.store import Store, open_store

BRUSSELS = ZoneInfo("Europe/Brussels")
MORNING = datetime(2024, 2, 14, 8, 0, tzinfo=BRUSSELS)


@dataclass(frozen=True)
class Figure:
    name: str
    value: float
    unit: str
    target: str
    met: bool
    note: str = ""


class SteppingClock:
    """A clock that moves on by a fixed step at every reading, so benchmark entries spread over the day."""

    def __init__(self, start: datetime, step: timedelta) -> None:
        self.moment = start
        self.step = step

    def now(self) -> datetime:
        self.moment += self.step
        return self.moment


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def fresh_store(folder: Path, name: str) -> Store:
    store = open_store(folder / f"{name}.sqlite")
    install_event(store, DEFAULT_EVENT_FILE.read_text(encoding="utf-8"), "default", MORNING, rehearsal=True)
    return store


def bench_import(folder: Path, rows: int, runs: int) -> tuple[Figure, Path]:
    csv_path = folder / "list.csv"
    # Photos are left out here: writing 100,000 portraits would measure Pillow, not the import.
    write_csv([{**row, "photo": ""} for row in generate_rows(rows, seed=1)], csv_path)
    seconds = []
    for run in range(runs):
        with fresh_store(folder, f"import{run}") as store:
            seconds.append(timed(lambda store=store: import_list(store, csv_path, MORNING)))
    median = statistics.median(seconds)
    figure = Figure(
        f"import {rows:,} rows (CSV, validated, one transaction, no photos)",
        median,
        f"s (median of {runs})",
        "< 10 s",
        median < 10,
    )
    return figure, folder / "import0.sqlite"


# Run in a fresh process, so the figure is the import's own peak and not what earlier benchmarks left behind.
_PEAK_SCRIPT = """
import sys
from pathlib import Path
from bench.foundation import MORNING, fresh_store
from desk_app.intake.importer import import_list
csv_path, folder = Path(sys.argv[1]), Path(sys.argv[2])
with fresh_store(folder, "peak") as store:
    import_list(store, csv_path, MORNING)
# VmHWM, the peak of this process's own memory: getrusage's ru_maxrss also counts the parent's peak at the fork,
# which Linux carries across exec (the benchmark's parent holds the generated rows).
print(next(line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM:")))
"""


def bench_import_memory(folder: Path, rows: int, kind: str = "csv") -> Figure:
    """Peak resident memory of a whole process importing ``rows`` rows: the list is streamed, so it stays flat."""
    csv_path = folder / f"memory{rows}.{kind}"
    listed = [{**row, "photo": ""} for row in generate_rows(rows, seed=1)]
    if kind == "json":
        csv_path.write_text(json.dumps(listed, ensure_ascii=False, indent=1), encoding="utf-8")
    else:
        write_csv(listed, csv_path)
    del listed
    run_folder = folder / f"memory{rows}{kind}"
    run_folder.mkdir()
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run(
        [sys.executable, "-c", _PEAK_SCRIPT, str(csv_path), str(run_folder)],
        capture_output=True,
        text=True,
        check=True,
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
    )
    peak_mb = int(done.stdout.split()[-1]) / 1024
    size_mb = csv_path.stat().st_size / 2**20
    return Figure(
        f"import {rows:,} rows: peak memory of the process ({size_mb:.0f} MB {kind.upper()})",
        peak_mb,
        "MB (one run)",
        "< 250 MB",
        peak_mb < 250,
        "Python and the desk's modules take about 50 MB of it",
    )


def lookup_samples(store: Store, references: list[str]) -> list[float]:
    """Milliseconds each lookup by reference took, one after the other as a desk does them."""
    samples = []
    for reference in references:
        start = time.perf_counter()
        store.applications.get(reference)
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def bench_lookup(db: Path, lookups: int) -> list[Figure]:
    with open_store(db) as store:
        references = sorted(store.applications.references())
        rng = random.Random(3)
        picks = [rng.choice(references) for _ in range(lookups)]
        samples = lookup_samples(store, picks)
        names = [store.applications.get(r).family_name[:5] for r in picks[:200]]  # type: ignore[union-attr]
        search = []
        for name in names:
            start = time.perf_counter()
            store.applications.search(name)
            search.append((time.perf_counter() - start) * 1000)
        count = store.applications.count()
    p99 = percentile(samples, 0.99)
    return [
        Figure(
            f"lookup by reference at {count:,} applications",
            p99,
            "ms p99",
            "< 2 ms",
            p99 < 2,
            f"p50 {statistics.median(samples):.3f} ms over {lookups:,} lookups",
        ),
        Figure(
            f"name search (accent-free, substring) at {count:,} applications",
            statistics.median(search),
            "ms p50",
            "(no target)",
            True,
            f"p99 {percentile(search, 0.99):.1f} ms over {len(search)} searches",
        ),
    ]


def fsync_median_ms(folder: Path, samples: int = 200) -> float:
    """How long this disk takes to make a small write durable: the floor under every check-in."""
    path = folder / "fsync.probe"
    times = []
    with path.open("wb") as probe:
        for _ in range(samples):
            probe.write(b"x" * 4096)
            probe.flush()
            start = time.perf_counter()
            os.fsync(probe.fileno())
            times.append((time.perf_counter() - start) * 1000)
    path.unlink()
    return statistics.median(times)


def bench_checkin(db: Path, checkins: int) -> Figure:
    with open_store(db) as store:
        store.staff.add(StaffMember("bench", "Bench Counter", Role.COUNTER), "2468", MORNING)
        rows = [r for r in generate_rows(100_000, seed=1) if r["kind"] == "ministerial"][:checkins]
        desk = DeskService(
            store,
            install_event(store, DEFAULT_EVENT_FILE.read_text(encoding="utf-8"), "x", MORNING),
            SteppingClock(MORNING, timedelta(seconds=1)),
        )
        station = Station("groups", "G1", "bench")
        samples = []
        for row in rows:
            press = PresentedPress(row["press_card_number"] or None, row["editor_letter"] == "yes")
            start = time.perf_counter()
            desk.check_in(station, row["reference"], PresentedDocument(row["document_number"]), press)
            samples.append((time.perf_counter() - start) * 1000)
        assert store.log.verify().intact
    p50 = statistics.median(samples)
    return Figure(
        "check-in: look up, decide, issue, durable log append (fsync)",
        p50,
        "ms p50",
        "< 5 ms",
        p50 < 5,
        f"p95 {percentile(samples, 0.95):.2f} ms, p99 {percentile(samples, 0.99):.2f} ms "
        f"over {len(samples):,} check-ins; this disk's fsync of 4 KiB: {fsync_median_ms(db.parent):.2f} ms median",
    )


def bench_export(folder: Path, entries: int, runs: int) -> list[Figure]:
    with fresh_store(folder, "export") as store:
        clock = SteppingClock(MORNING.replace(hour=0), timedelta(seconds=86_000 / entries))
        outcomes = ["ISSUE", "ISSUE", "ISSUE", "REFUSE", "REDIRECT", "NEEDS_SUPERVISOR"]
        with store.transaction():
            for i in range(entries):
                outcome = outcomes[i % len(outcomes)]
                reasons = {
                    "REFUSE": ("NOT_FOUND",),
                    "REDIRECT": ("WRONG_ENTRANCE",),
                    "NEEDS_SUPERVISOR": ("DOCUMENT_NUMBER_MISMATCH",),
                }.get(outcome, ())
                entrance = "groups" if i % 3 else "visitors"
                store.log.append(
                    LogRecord(
                        clock.now(),
                        Action.CHECKIN,
                        entrance,
                        f"{entrance[0].upper()}{i % 4}",
                        "bench",
                        f"DM24-{i:06d}",
                        outcome,
                        reasons,
                        {"code": "signed_valid"},
                    )
                )
        event = event_of(store)
        assert event is not None
        day = date(2024, 2, 14)
        figures = []
        for label, writer in (("CSV", export_csv), ("PDF", export_pdf)):
            out = folder / f"day.{label.lower()}"
            seconds = [timed(lambda writer=writer, out=out: writer(store, event, day, out)) for _ in range(runs)]
            totals = writer(store, event, day, out)
            median = statistics.median(seconds)
            figures.append(
                Figure(
                    f"daily export, {label}, {totals.entries:,} log entries",
                    median,
                    f"s (median of {runs})",
                    "< 3 s",
                    median < 3,
                )
            )
    return figures


def run_all(quick: bool = False) -> list[Figure]:
    with tempfile.TemporaryDirectory(prefix="desk-bench-") as tmp:
        folder = Path(tmp)
        rows = 10_000 if quick else 100_000
        import_figure, db = bench_import(folder, rows, 1 if quick else 3)
        figures = [import_figure]
        sizes = [(rows, "csv")] if quick else [(100_000, "csv"), (200_000, "csv"), (200_000, "json")]
        figures += [bench_import_memory(folder, n, kind) for n, kind in sizes]
        figures += bench_lookup(db, 2_000 if quick else 20_000)
        figures.append(bench_checkin(db, 200 if quick else 2_000))
        figures.extend(bench_export(folder, 5_000 if quick else 50_000, 1 if quick else 3))
    return figures
