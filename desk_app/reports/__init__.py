"""What the supervisor takes away from the desk: one day's check-in log as CSV and as a PDF report.

Qt-free. ``totals`` counts, ``daily`` reads the log and writes the files; ``pdf_report`` lays the counts out with
reportlab.
"""

from __future__ import annotations

from desk_app.reports.daily import ReportError, export_csv, export_pdf
from desk_app.reports.totals import DayTotals, Tally, summarise

__all__ = ["DayTotals", "ReportError", "Tally", "export_csv", "export_pdf", "summarise"]
