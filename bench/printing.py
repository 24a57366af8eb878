"""Benchmarks of printing: submit one card PDF and see the job complete, on a real CUPS queue and in a folder.

The CUPS figure is what the desk waits for before a badge counts as handed over: ``lp``, the scheduler, the PDF
filters, Ghostscript inside cups-pdf and the polling of the job's state. A real card printer adds its own
printing time on top. The bench starts cupsd (when none runs) and a cups-pdf queue exactly as the tests do
(``tests/cups_server.py``), and removes them afterwards.
"""

from __future__ import annotations

import statistics
import tempfile
from pathlib import Path

from bench.foundation import Figure, timed
from desk_app.printing import CupsPrinter, JobState, PdfFolderPrinter, Printer, PrintError
from tests.cups_server import CupsServer, CupsUnavailable, PdfQueue, card_pdf

NO_TARGET = "(no target)"
JOB_TIMEOUT_S = 60.0


def print_and_wait(printer: Printer, pdf: bytes) -> None:
    outcome = printer.wait(printer.submit(pdf, title="Benchmark badge"), JOB_TIMEOUT_S)
    if outcome.state is not JobState.COMPLETED:
        raise PrintError(f"a benchmark job did not complete: {outcome.message}")


def figure(name: str, seconds: list[float]) -> Figure:
    note = f"min {min(seconds) * 1000:.1f} ms, max {max(seconds) * 1000:.1f} ms over {len(seconds)} jobs"
    return Figure(name, statistics.median(seconds) * 1000, "ms", NO_TARGET, True, note)


def bench_cups(runs: int) -> Figure:
    name = f"print a card PDF on a cups-pdf queue, submit to job completed (median of {runs})"
    pdf = card_pdf()
    try:
        with CupsServer.ensure_running(), tempfile.TemporaryDirectory() as work, PdfQueue.create(Path(work)) as queue:
            printer = CupsPrinter(queue.name)
            print_and_wait(printer, pdf)  # the first job of a fresh queue loads the filters: not counted
            seconds = [timed(lambda: print_and_wait(printer, pdf)) for _ in range(runs)]
    except (CupsUnavailable, PrintError) as exc:
        return Figure(name, float("nan"), "ms", NO_TARGET, False, f"not measured: {exc}")
    return figure(name, seconds)


def bench_folder(runs: int) -> Figure:
    pdf = card_pdf()
    with tempfile.TemporaryDirectory() as folder:
        printer = PdfFolderPrinter(Path(folder))
        seconds = [timed(lambda: print_and_wait(printer, pdf)) for _ in range(runs)]
    return figure(f"save a card PDF in a PDF folder, atomic and synced (median of {runs})", seconds)


def run_all(quick: bool) -> list[Figure]:
    runs = 3 if quick else 10
    return [bench_cups(runs), bench_folder(runs)]
