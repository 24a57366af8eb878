"""Printing badges (Qt-free): a CUPS queue, or a folder of PDF files at desks without a printer.

Both backends follow the same :class:`Printer` protocol; a badge counts as handed over only when ``wait`` says the
job COMPLETED.
"""

from desk_app.printing.base import JobState, Printer, PrintError, PrintJob, PrintOutcome
from desk_app.printing.cups import DEFAULT_MEDIA, CupsPrinter, QueueInfo, list_queues
from desk_app.printing.folder import PdfFolderPrinter

__all__ = [
    "DEFAULT_MEDIA",
    "CupsPrinter",
    "JobState",
    "PdfFolderPrinter",
    "PrintError",
    "PrintJob",
    "PrintOutcome",
    "Printer",
    "QueueInfo",
    "list_queues",
]
