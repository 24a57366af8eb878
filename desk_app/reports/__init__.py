"""What the supervisor takes away from the desk: one day's check-in log as CSV and as a PDF report.

Qt-free. ``daily`` reads the log and counts; ``pdf_report`` lays the counts out with reportlab.
"""

from __future__ import annotations

from desk_app.reports.daily import DayTotals, ReportError, Tally, export_csv, export_pdf, summarise

__all__ = ["DayTotals", "ReportError", "Tally", "export_csv", "export_pdf", "summarise"]
