"""Benchmarks of several desks on one database: check-in throughput with four desk processes at once, on
PostgreSQL and on SQLite side by side, and lookup latency at 100,000 applications on PostgreSQL.

The PostgreSQL server is a throwaway one (``tests.pg_server``) on this machine, reached over TCP on 127.0.0.1,
with fsync on: every check-in is durable, as SQLite's ``synchronous=FULL`` makes it. Four desks write through
one write lock on either backend, so throughput measures how quickly the lock passes from desk to desk.

``python -m bench.multidesk [--quick]`` runs this section alone.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import statistics
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from datetime import timedelta
from multiprocessing.synchronize import Barrier
from pathlib import Path
from typing import Any

from bench.foundation import MORNING, Figure, SteppingClock, lookup_samples, percentile, timed
from desk_app.config import DEFAULT_EVENT_FILE
from desk_app.core.model import PresentedDocument, PresentedPress, Role, StaffMember
from desk_app.demo.generator import generate_rows, write_csv
from desk_app.intake.importer import import_list
from desk_app.service import DeskService, Station
from desk_app.service.startup import event_of, install_event
from desk_app.store import open_store
from tests.pg_server import PostgresServer

DESKS = 4
SPAWN = multiprocessing.get_context("spawn")  # each desk a fresh interpreter, as on separate machines


@dataclass(frozen=True)
class Scan:
    reference: str
    document: str
    press_card: str | None
    editor_letter: bool


@dataclass(frozen=True)
class DeskRun:
    """What one desk process did between the starting signal and its last check-in."""

    started: float
    finished: float
    latencies_ms: list[float]
    outcomes: dict[str, int]


def prepare(url: str, folder: Path, people: int) -> list[Scan]:
    """A database with the event, a clerk per desk and ``people`` applications; the ministerial ones to scan."""
    rows = generate_rows(people, seed=7)
    csv_path = folder / f"list-{people}.csv"
    write_csv([{**row, "photo": ""} for row in rows], csv_path)
    with open_store(url) as store:
        install_event(store, DEFAULT_EVENT_FILE.read_text(encoding="utf-8"), "default", MORNING, rehearsal=True)
        for n in range(1, DESKS + 1):
            store.staff.add(StaffMember(f"clerk{n}", f"Clerk {n}", Role.COUNTER), "2468", MORNING)
        import_list(store, csv_path, MORNING)
    return [
        Scan(r["reference"], r["document_number"], r["press_card_number"] or None, r["editor_letter"] == "yes")
        for r in rows
        if r["kind"] == "ministerial"
    ]


def desk_process(url: str, number: int, scans: list[Scan], barrier: Barrier, results: Any) -> None:
    """One desk: wait for the others, then check its share of people in as fast as it can."""
    with open_store(url) as store:
        event = event_of(store)
        assert event is not None
        desk = DeskService(store, event, SteppingClock(MORNING, timedelta(milliseconds=100)))
        station = Station("groups", f"G{number}", f"clerk{number}")
        latencies = []
        outcomes: Counter[str] = Counter()
        barrier.wait(timeout=120)
        started = time.perf_counter()
        for scan in scans:
            document, press = PresentedDocument(scan.document), PresentedPress(scan.press_card, scan.editor_letter)
            begin = time.perf_counter()
            result = desk.check_in(station, scan.reference, document, press)
            latencies.append((time.perf_counter() - begin) * 1000)
            outcomes[result.verdict.outcome.value] += 1
        results.put(DeskRun(started, time.perf_counter(), latencies, dict(outcomes)))


def bench_throughput(label: str, url: str, folder: Path, per_desk: int) -> Figure:
    scans = prepare(url, folder, per_desk * DESKS * 3)[: per_desk * DESKS]
    barrier = SPAWN.Barrier(DESKS)
    results = SPAWN.Queue()
    shares = [scans[n::DESKS] for n in range(DESKS)]
    desks = [SPAWN.Process(target=desk_process, args=(url, n + 1, shares[n], barrier, results)) for n in range(DESKS)]
    for process in desks:
        process.start()
    runs: list[DeskRun] = [results.get(timeout=600) for _ in desks]
    for process in desks:
        process.join(60)
    results.close()
    with open_store(url) as store:
        intact = store.log.verify().intact
    seconds = max(r.finished for r in runs) - min(r.started for r in runs)
    total = sum(len(r.latencies_ms) for r in runs)
    latencies = [ms for r in runs for ms in r.latencies_ms]
    outcomes: Counter[str] = Counter()
    for run in runs:
        outcomes.update(run.outcomes)
    return Figure(
        f"check-in throughput, {DESKS} desks at once, {label}",
        total / seconds,
        "check-ins/s (total)",
        "(no target)",
        intact,
        f"{total:,} check-ins in {seconds:.2f} s; per check-in p50 {statistics.median(latencies):.1f} ms, "
        f"p99 {percentile(latencies, 0.99):.1f} ms; {dict(sorted(outcomes.items()))}; "
        f"chain {'intact' if intact else 'BROKEN'}",
    )


def bench_lookup(url: str, folder: Path, people: int, lookups: int) -> list[Figure]:
    rows = generate_rows(people, seed=1)
    csv_path = folder / f"lookup-{people}.csv"
    write_csv([{**row, "photo": ""} for row in rows], csv_path)
    with open_store(url) as store:
        install_event(store, DEFAULT_EVENT_FILE.read_text(encoding="utf-8"), "default", MORNING, rehearsal=True)
        import_seconds = timed(lambda: import_list(store, csv_path, MORNING))
        references = sorted(store.applications.references())
        rng = random.Random(3)
        picks = [rng.choice(references) for _ in range(lookups)]
        for reference in picks[:200]:  # a desk's first lookups warm its connection and the server's cache
            store.applications.get(reference)
        samples = lookup_samples(store, picks)
        count = store.applications.count()
    p99 = percentile(samples, 0.99)
    return [
        Figure(
            f"lookup by reference at {count:,} applications, PostgreSQL (TCP, 127.0.0.1)",
            p99,
            "ms p99",
            "< 2 ms",
            p99 < 2,
            f"p50 {statistics.median(samples):.3f} ms over {lookups:,} lookups",
        ),
        Figure(
            f"import {people:,} rows into PostgreSQL (CSV, validated, one transaction, no photos)",
            import_seconds,
            "s",
            "(no target)",
            True,
            "for comparison with the SQLite import figure",
        ),
    ]


def run_all(quick: bool = False) -> list[Figure]:
    per_desk = 50 if quick else 500
    with tempfile.TemporaryDirectory(prefix="desk-bench-multi-") as tmp, PostgresServer(durable=True) as server:
        folder = Path(tmp)
        return [
            bench_throughput("PostgreSQL", server.create_database(), folder, per_desk),
            bench_throughput("SQLite (one file, one machine)", f"sqlite://{folder / 'desks.sqlite'}", folder, per_desk),
            *bench_lookup(server.create_database(), folder, 10_000 if quick else 100_000, 2_000 if quick else 20_000),
        ]


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.multidesk")
    parser.add_argument("--quick", action="store_true", help="small sizes")
    for figure in run_all(parser.parse_args().quick):
        print(f"{figure.name}: {figure.value:.3f} {figure.unit} (target {figure.target}) {figure.note}")


if __name__ == "__main__":
    main()
