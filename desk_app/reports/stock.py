"""The stock of cards printed the night before: per kind and box, what was reserved, printed, handed over, voided
(and why) and what is still in the box, as at a moment; as CSV and as an A4 PDF.

Every row balances: reserved = handed over + voided + in the box + not printed. The cards that need a person's
attention (still in a box although their holder may not have them) are listed by name.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table

from desk_app.core.event import EventConfig
from desk_app.core.model import AccreditationKind, Application, Card, CardState
from desk_app.core.rules import Withheld, card_withheld
from desk_app.pdf_fonts import pdf_fonts
from desk_app.reports.daily import atomic_output, spreadsheet_cell
from desk_app.reports.pdf_report import MARGIN, WIDTH, data_cell, grid_style, heading_cell, report_styles
from desk_app.store import Store

COLUMNS = (
    "kind",
    "box",
    "reserved",
    "printed",
    "handed_over",
    "voided",
    "in_box",
    "not_printed",
    "void_reasons",
    "voided_then_served_at_desk",
)
DO_NOT_HAND_OVER = "do not hand the card over, give it to a supervisor to void"


@dataclass
class BoxCount:
    """One box's cards as at the report's moment."""

    kind: AccreditationKind
    box: int
    reserved: int = 0
    printed: int = 0
    handed_over: int = 0
    voided: int = 0
    in_box: int = 0
    not_printed: int = 0
    void_reasons: Counter[str] = field(default_factory=Counter)
    served_at_desk: int = 0  # of the voided: holders then served with a badge printed at the desk

    @property
    def balances(self) -> bool:
        return self.reserved == self.handed_over + self.voided + self.in_box + self.not_printed


@dataclass(frozen=True)
class Flagged:
    """A card still in its box that must not be handed over as it is, and why."""

    card: Card
    name: str
    why: str
    because: Withheld
    application: Application | None  # as it is now


@dataclass(frozen=True)
class Closure:
    """Who closed the stock, and when (from the log's STOCK_CLOSED entry)."""

    by: str
    name: str
    at: datetime


@dataclass(frozen=True)
class StockReport:
    as_at: datetime
    boxes: list[BoxCount]
    flagged: list[Flagged]
    closed: Closure | None = None

    def total(self, kind: AccreditationKind | None = None) -> BoxCount:
        """The sum of the boxes (of ``kind``, or all)."""
        total = BoxCount(kind or AccreditationKind.MINISTERIAL, 0)
        for row in self.boxes:
            if kind is None or row.kind is kind:
                for name in ("reserved", "printed", "handed_over", "voided", "in_box", "not_printed", "served_at_desk"):
                    setattr(total, name, getattr(total, name) + getattr(row, name))
                total.void_reasons.update(row.void_reasons)
        return total

    @property
    def balances(self) -> bool:
        return all(row.balances for row in self.boxes)


def _before(moment: datetime | None, cutoff: datetime | None) -> bool:
    """Whether something that happened at ``moment`` (None: not yet) counts as at ``cutoff`` (None: now)."""
    return moment is not None and (cutoff is None or moment < cutoff)


def count_boxes(
    cards: Iterable[Card], as_at: datetime | None, served: Mapping[str, datetime] | None = None
) -> list[BoxCount]:
    """Each box's counts as at ``as_at`` (None: as the cards are now), from the moments each card was reserved,
    printed, handed over and voided; ``served``: when holders got a badge printed at the desk, by reference."""
    served = served or {}
    rows: dict[tuple[AccreditationKind, int], BoxCount] = {}
    for card in cards:
        if not _before(card.reserved_at, as_at):
            continue
        row = rows.setdefault((card.kind, card.box), BoxCount(card.kind, card.box))
        row.reserved += 1
        printed = _before(card.printed_at, as_at)
        row.printed += printed
        if _before(card.handed_over_at, as_at):
            row.handed_over += 1
        elif _before(card.voided_at, as_at):
            row.voided += 1
            row.void_reasons[card.void_reason] += 1
            row.served_at_desk += _before(served.get(card.reference), as_at)
        elif printed:
            row.in_box += 1
        else:
            row.not_printed += 1
    return [rows[key] for key in sorted(rows, key=lambda k: (k[0].value, k[1]))]


def stock_report(
    store: Store, now: datetime, day_end: datetime | None = None, closed: Closure | None = None
) -> StockReport:
    """The stock now, or as at ``day_end``; cards in a box whose holder's application is no longer approved are
    flagged."""
    as_at = day_end
    cards = store.cards.all()
    served = {}
    for card in cards:
        if card.state is CardState.VOIDED and (badge := store.badges.active_for(card.reference)) is not None:
            served[card.reference] = badge.issued_at
    flagged = []
    for card in cards:
        if card.state is CardState.PREPRINTED and _before(card.reserved_at, as_at):
            application = store.applications.get(card.reference)
            if (because := card_withheld(card, application)) is not None:
                name = application.display_name if application else card.reference
                flagged.append(Flagged(card, name, _withheld_text(because, application), because, application))
    return StockReport(day_end or now, count_boxes(cards, as_at, served), flagged, closed)


def _withheld_text(because: Withheld, application: Application | None) -> str:
    if because is Withheld.NOT_IN_LIST or application is None:
        why = "no longer in the list"
    elif because is Withheld.NOT_APPROVED:
        why = f"application {application.status.value}"
    elif because is Withheld.OTHER_KIND:
        why = f"the accreditation is {application.kind.value} now"
    else:
        why = "the application changed since the card was printed"
    return f"{why}: {DO_NOT_HAND_OVER}"


def _reasons_text(reasons: Counter[str]) -> str:
    return "; ".join(f"{reason or 'no reason'}: {n}" for reason, n in sorted(reasons.items()))


def _values(row: BoxCount) -> list[int]:
    return [row.reserved, row.printed, row.handed_over, row.voided, row.in_box, row.not_printed]


def _csv_row(label: str, box: str, row: BoxCount) -> list[str | int]:
    return [label, box, *_values(row), spreadsheet_cell(_reasons_text(row.void_reasons)), row.served_at_desk]


def export_stock_csv(report: StockReport, event: EventConfig, out: Path) -> None:
    """One row per box, a total per kind, the flagged cards, the moment and the sign-off (UTF-8 with BOM)."""
    with atomic_output(out) as part, part.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(COLUMNS)
        for kind in AccreditationKind:
            rows = [row for row in report.boxes if row.kind is kind]
            for row in rows:
                writer.writerow(_csv_row(kind.value, str(row.box), row))
            if rows:
                writer.writerow(_csv_row(kind.value, "total", report.total(kind)))
        for flag in report.flagged:
            writer.writerow(
                ["#flagged", flag.card.serial, flag.card.box, flag.card.slot, spreadsheet_cell(flag.name), flag.why]
            )
        writer.writerow(["#as_at", event.local(report.as_at).isoformat(timespec="seconds")])
        writer.writerow(["#balances", "yes" if report.balances else "NO"])
        if report.closed:
            closed = report.closed
            at = event.local(closed.at).isoformat(timespec="seconds")
            writer.writerow(["#closed_by", closed.by, spreadsheet_cell(closed.name), at])


def export_stock_pdf(report: StockReport, event: EventConfig, out: Path, source: str) -> None:
    """The stock on A4: a table per kind, the flagged cards by name, and the supervisor's sign-off when closed."""
    styles = report_styles(pdf_fonts())
    headings = ("Box", "Reserved", "Printed", "Handed over", "Voided", "In the box", "Not printed", "Voided because")
    widths = [14 * mm] + [19 * mm] * 6 + [WIDTH - 14 * mm - 6 * 19 * mm]
    as_at = event.local(report.as_at)
    story = [
        Paragraph(escape(f"{event.name}: cards printed in advance"), styles.title),
        Paragraph(escape(f"Stock as at {as_at:%Y-%m-%d %H:%M} ({event.time_zone.key}), from {source}"), styles.body),
        Spacer(1, 4 * mm),
    ]
    for kind in AccreditationKind:
        rows = [row for row in report.boxes if row.kind is kind]
        if not rows:
            continue
        label = event.badge_kinds[kind].label
        story.append(Paragraph(escape(label), styles.heading))
        table = [[heading_cell(h, styles, number=0 < i < 7) for i, h in enumerate(headings)]]
        for row in [*rows, report.total(kind)]:
            name = str(row.box) if row.box else "Total"
            reasons = _reasons_text(row.void_reasons)
            if row.served_at_desk:
                reasons += f" (then served at the desk: {row.served_at_desk})"
            table.append([name, *map(str, _values(row)), data_cell(reasons, styles.cell)])
        story.append(Table(table, colWidths=widths, style=grid_style(styles, 1, total_row=True), repeatRows=1))
    if not report.boxes:
        story.append(Paragraph("No card has been printed in advance.", styles.body))
    balance = "Every box balances" if report.balances else "A BOX DOES NOT BALANCE"
    story.append(Spacer(1, 3 * mm))
    story.append(
        Paragraph(f"<b>{balance}</b>: reserved = handed over + voided + in the box + not printed.", styles.body)
    )
    if report.flagged:
        story.append(Paragraph("Cards that must not be handed over", styles.heading))
        table = [[heading_cell(h, styles) for h in ("Card", "Box", "Slot", "Name", "Why")]]
        for flag in report.flagged:
            c = flag.card
            table.append(
                [c.serial, str(c.box), str(c.slot), data_cell(flag.name, styles.cell), data_cell(flag.why, styles.cell)]
            )
        widths_flag = [20 * mm, 10 * mm, 10 * mm, 45 * mm, WIDTH - 85 * mm]
        story.append(Table(table, colWidths=widths_flag, style=grid_style(styles, 1, total_row=False), repeatRows=1))
    if report.closed:
        closed = report.closed
        at = event.local(closed.at)
        story.append(Paragraph("Closed and signed off", styles.heading))
        text = (
            f"Stock closed by {closed.name} (login {closed.by}) on {at:%Y-%m-%d at %H:%M}: "
            "every unclaimed card destroyed."
        )
        story.append(Paragraph(escape(text), styles.body))
    with atomic_output(out) as part:
        doc = SimpleDocTemplate(
            str(part),
            pagesize=A4,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN,
            title=f"{event.name}: stock of cards printed in advance",
            author="desk-app",
        )
        doc.build(story)
