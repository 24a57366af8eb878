"""One day's check-in log, the day taken in the event's time zone: counted, and exported as CSV or PDF.

The log is read once, streaming: the CSV rows are written and the totals counted in the same pass, so a day of
tens of thousands of entries never sits in memory. Files are written beside their target and renamed into
place at the end, so an interrupted export never leaves half a report where the supervisor expects one.
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path

from desk_app.core.clock import to_utc_text
from desk_app.core.event import EventConfig
from desk_app.core.model import LogEntry
from desk_app.errors import DeskError
from desk_app.reports.stamp import CHECKPOINT_ROW, REHEARSAL_ROW, ExportStamp
from desk_app.reports.totals import DayCounter, DayTotals, summarise
from desk_app.store import Store

Progress = Callable[[int, int], None]
"""Called as ``progress(done, total)`` while an export reads the log; ``total`` 0 means not known yet."""

PROGRESS_EVERY = 1000
CSV_COLUMNS = (
    "seq", "local_time", "utc_time", "entrance", "desk", "staff", "supervisor", "action", "reference", "outcome",
    "reasons", "detail", "entry_hash",
)  # fmt: skip
# A cell starting with one of these is a formula to Excel or LibreOffice; scanned codes are not to be trusted.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class ReportError(DeskError):
    """The report could not be written (folder missing or read-only, disk full)."""


def csv_row(entry: LogEntry, event: EventConfig) -> list[str | int]:
    """One CSV line: the entry as stored, with its time also shown in the event's time zone."""
    record = entry.record
    return [
        entry.seq,
        event.local(record.time).isoformat(timespec="seconds"),
        to_utc_text(record.time),
        spreadsheet_cell(record.entrance),
        spreadsheet_cell(record.desk),
        spreadsheet_cell(record.staff),
        # who authorised an override, reprint or void at that desk
        spreadsheet_cell(record.detail.get("supervisor", "")),
        record.action.value,
        spreadsheet_cell(record.reference),
        record.outcome,
        spreadsheet_cell("|".join(record.reasons)),
        spreadsheet_cell(json.dumps(record.detail, ensure_ascii=False, sort_keys=True, separators=(",", ":"))),
        entry.entry_hash,
    ]


def spreadsheet_cell(text: str) -> str:
    """Text a spreadsheet shows as text: a leading apostrophe stops a crafted code from running as a formula, also
    behind spaces (spreadsheets trim them on import: " =1+1" becomes a formula)."""
    return f"'{text}" if text.lstrip(" \u00a0").startswith(_FORMULA_START) else text


def export_csv(
    store: Store,
    event: EventConfig,
    day: date,
    out: Path,
    progress: Progress | None = None,
    stamp: ExportStamp | None = None,
) -> DayTotals:
    """Write every log entry of ``day`` to ``out`` as CSV (UTF-8 with BOM, for Excel); returns the day's totals.

    After the entries come the stamp's rows: ``#rehearsal`` and ``#checkpoint`` (the signed note in one cell).
    """
    counter = DayCounter(event, day)
    start, end = event.day_bounds(day)
    with atomic_output(out) as part, part.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(CSV_COLUMNS)
        for entry in _reporting(store.log.between(start, end), progress):
            writer.writerow(csv_row(entry, event))
            counter.add(entry)
        if stamp is not None and stamp.rehearsal:
            writer.writerow([REHEARSAL_ROW, "this log comes from a rehearsal database"])
        if stamp is not None and stamp.checkpoint:
            writer.writerow([CHECKPOINT_ROW, stamp.checkpoint])
    return counter.totals()


def export_pdf(
    store: Store,
    event: EventConfig,
    day: date,
    out: Path,
    progress: Progress | None = None,
    stamp: ExportStamp | None = None,
    *,
    generated_at: datetime | None = None,
) -> DayTotals:
    """Write the A4 report of ``day`` to ``out``: totals per entrance, desk, hour and refusal reason."""
    # reportlab's page layout loads only when a PDF is asked for: a desk starts without it.
    from desk_app.reports.pdf_report import render_day_report

    start, end = event.day_bounds(day)
    totals = summarise(_reporting(store.log.between(start, end), progress), event, day)
    with atomic_output(out) as part:
        source = Path(store.location).name
        render_day_report(totals, event, part, generated_at or datetime.now(UTC), source, stamp or ExportStamp())
    return totals


def _reporting(entries: Iterable[LogEntry], progress: Progress | None) -> Iterator[LogEntry]:
    """Pass entries through, telling ``progress`` every so often; the total is not known in advance."""
    done = 0
    for entry in entries:
        yield entry
        done += 1
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done, 0)
    if progress is not None:
        progress(done, done)


@contextmanager
def atomic_output(out: Path) -> Iterator[Path]:
    """A temporary path beside ``out`` that replaces ``out`` only when the block finishes without error.

    Only a regular file is replaced: a device, a pipe or a folder at ``out`` is refused (writing as root, the
    replacement turned /dev/null into a file)."""
    if (out.exists() or out.is_symlink()) and not out.is_file():
        raise ReportError(f"{out} is not a regular file: name a file to write")
    try:
        handle, name = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".part")
    except OSError as exc:
        raise ReportError(f"cannot write the report in {out.parent}: {exc.strerror}") from exc
    os.close(handle)
    part = Path(name)
    try:
        yield part
        _flush_to_disk(part)
        os.replace(part, out)
    except OSError as exc:
        part.unlink(missing_ok=True)
        raise ReportError(f"cannot write the report {out}: {exc.strerror or exc}") from exc
    except BaseException:
        part.unlink(missing_ok=True)
        raise


def _flush_to_disk(path: Path) -> None:
    with path.open("rb") as stream:
        os.fsync(stream.fileno())
