"""What every printer backend promises: send a PDF, then say how the job ended.

A badge counts as handed over only when its job COMPLETED, so a backend never reports success it has not seen:
anything else (failed, cancelled, still stuck when the desk stops waiting) leaves the person not served. The
split into ``submit`` and ``wait`` lets the desk log the job before the possibly long wait.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from desk_app.errors import DeskError


class JobState(enum.Enum):
    """How a print job ended, as far as the desk is concerned."""

    COMPLETED = "completed"  # the printer finished it: the badge is in the tray
    FAILED = "failed"  # the printer or its filters gave up (aborted or stopped on an error)
    CANCELLED = "cancelled"  # cancelled at the print server, by a person or by the printer's backend
    TIMED_OUT = "timed_out"  # not finished in time; the job was cancelled so that it cannot print later


@dataclass(frozen=True)
class PrintJob:
    """A job the backend accepted: its id as the print system names it, the queue, and when (epoch seconds)."""

    job_id: str
    queue: str
    submitted_at: float


@dataclass(frozen=True)
class PrintOutcome:
    """How a job ended, a sentence for the counter clerk, and the file written when the backend writes files."""

    state: JobState
    message: str
    output: Path | None = None

    @property
    def completed(self) -> bool:
        return self.state is JobState.COMPLETED


class PrintError(DeskError):
    """The job could not even be sent: unknown queue, CUPS not installed or not running, folder not writable."""


class Printer(Protocol):
    """A place badges are printed to: a CUPS queue or, at desks with no printer, a folder of PDF files."""

    def describe(self) -> str:
        """A short description for logs and the status bar, e.g. ``CUPS queue G1-badges (card, one-sided)``."""
        ...

    def submit(self, pdf: bytes, title: str) -> PrintJob:
        """Send one PDF document; returns as soon as the backend has accepted it.

        Raises:
            PrintError: the job could not be sent at all.
        """
        ...

    def wait(self, job: PrintJob, timeout_s: float) -> PrintOutcome:
        """Follow the job until it ends or ``timeout_s`` passes; never raises for a job that goes wrong."""
        ...


def require_pdf(pdf: bytes) -> None:
    """Refuse anything that is not a PDF: a print system would print other bytes as pages of garbage text."""
    if not pdf.startswith(b"%PDF-"):
        raise ValueError("not a PDF document (it does not start with %PDF-)")
