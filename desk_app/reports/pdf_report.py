"""The supervisor's A4 report of one day, laid out with reportlab from the day's totals.

Every page's footer carries the chain position (first and last sequence number, last hash), so a printed page
can be checked against the database later.
"""

from __future__ import annotations

import base64
import functools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from desk_app.core.event import EventConfig
from desk_app.core.model import Action, Outcome, Reason
from desk_app.messages import REASON_TEXT
from desk_app.pdf_fonts import PdfFonts, markup, pdf_fonts, string_width
from desk_app.reports.charts import VERDICT_LABEL, hour_chart, reason_chart
from desk_app.reports.stamp import CHECKPOINT_KEYWORD, ExportStamp
from desk_app.reports.totals import DayTotals, Tally

MARGIN = 18 * mm
WIDTH = A4[0] - 2 * MARGIN

SUMMARY_TEXT = {
    Outcome.ISSUE: "badge to issue",
    Outcome.REDIRECT: "sent to the other entrance",
    Outcome.REFUSE: "refused",
    Outcome.NEEDS_SUPERVISOR: "referred to a supervisor",
}
TALLY_HEADINGS = ("Check-ins", "Issue", "Redirect", "Refuse", "Supervisor", "Badges", "Entries")
TALLY_NOTE = (
    "Issue, Redirect, Refuse and Supervisor count the verdicts of check-ins. Badges counts badges handed over, "
    "supervisor overrides included. Entries counts every log entry: check-ins, badges, prints, voids and lookups."
)
_PADDING = 6  # reportlab's default cell padding, left and right
GRID = colors.HexColor("#B0B7BF")
SHADE = colors.HexColor("#EEF1F4")


def reason_text(name: str) -> str:
    """The reason in words, as a sentence; a name this version does not know is shown as it is."""
    try:
        text = REASON_TEXT[Reason(name)]
    except (ValueError, KeyError):
        return name
    return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class _Styles:
    fonts: PdfFonts
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    note: ParagraphStyle
    cell: ParagraphStyle
    number: ParagraphStyle


def report_styles(fonts: PdfFonts) -> _Styles:
    body = ParagraphStyle("body", fontName=fonts.regular, fontSize=9, leading=12)
    return _Styles(
        fonts=fonts,
        title=ParagraphStyle("title", body, fontName=fonts.bold, fontSize=16, leading=20),
        subtitle=ParagraphStyle("subtitle", body, fontName=fonts.bold, fontSize=12, leading=16, spaceBefore=2),
        heading=ParagraphStyle("heading", body, fontName=fonts.bold, fontSize=11, leading=14, spaceBefore=10,
                               spaceAfter=4, keepWithNext=1),
        body=body,
        note=ParagraphStyle("note", body, fontSize=7.5, leading=9.5, textColor=colors.HexColor("#4A525A")),
        cell=ParagraphStyle("cell", body, fontSize=8, leading=10),
        number=ParagraphStyle("number", body, fontSize=8, leading=10, alignment=TA_RIGHT),
    )  # fmt: skip


def render_day_report(
    totals: DayTotals, event: EventConfig, path: Path, generated_at: datetime, source: str, stamp: ExportStamp
) -> None:
    """Lay out ``totals`` as an A4 PDF at ``path``; ``source`` names the database the log came from."""
    styles = report_styles(pdf_fonts())
    doc = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN + 6 * mm,
        title=f"{event.name}: check-in log of {totals.day.isoformat()}",
        author="desk-app",
        subject=f"Check-in log of {totals.day.isoformat()} ({totals.time_zone})",
        keywords=CHECKPOINT_KEYWORD + base64.b64encode(stamp.checkpoint.encode()).decode() if stamp.checkpoint else "",
    )
    footer = ("REHEARSAL · " if stamp.rehearsal else "") + _footer_text(totals)
    canvas_maker = functools.partial(_FooterCanvas, footer=footer, font=styles.fonts.regular)
    story = _story(totals, event, generated_at, source, styles)
    if stamp.rehearsal:
        story.insert(0, Paragraph("REHEARSAL: this log comes from a rehearsal database", styles.subtitle))
    if stamp.checkpoint:
        story += _checkpoint_section(stamp.checkpoint, styles)
    doc.build(story, canvasmaker=canvas_maker)


def _checkpoint_section(note: str, styles: _Styles) -> list[Flowable]:
    """The signed checkpoint, for a person to compare and for ``log verify`` (which reads the keywords)."""
    text = "<br/>".join(escape(line) for line in note.splitlines())
    return [
        Spacer(1, 8),
        Paragraph("Checkpoint of the whole log when this report was made", styles.subtitle),
        Paragraph(f"<font face='Courier' size='7'>{text}</font>", styles.note),
    ]


def _story(
    totals: DayTotals, event: EventConfig, generated_at: datetime, source: str, styles: _Styles
) -> list[Flowable]:
    story = _title(totals, event, generated_at, source, styles)
    if totals.entries == 0:
        story.append(Paragraph("No log entries on this day.", styles.subtitle))
        return story
    story += _summary(totals, styles)
    story += _hour_chart(totals, styles)
    story += _tally_section("Per entrance", ("Entrance",), _entrance_rows(totals, event), styles)
    if totals.by_entrance:
        story.append(Paragraph(TALLY_NOTE, styles.note))
    story += _tally_section("Per desk", ("Entrance", "Desk"), _desk_rows(totals, event), styles)
    story += _tally_section("Per hour (local time)", ("Hour",), _hour_rows(totals), styles)
    story += _refusal_section(totals, styles)
    story += _other_reasons_section(totals, styles)
    return story


def _title(
    totals: DayTotals, event: EventConfig, generated_at: datetime, source: str, styles: _Styles
) -> list[Flowable]:
    start, end = event.day_bounds(totals.day)
    offsets = sorted({_offset(start), _offset(end)})
    made = event.local(generated_at)
    title: list[Flowable] = [
        Paragraph(markup(event.name, styles.title.fontName), styles.title),
        Paragraph(f"Check-in log of {escape(_long_date(totals.day))}", styles.subtitle),
        Spacer(1, 4),
        Paragraph(
            f"Times in {escape(totals.time_zone)} ({' / '.join(offsets)}): the day runs from "
            f"{_utc(start)} to {_utc(end)}.",
            styles.body,
        ),
        Paragraph(
            f"Generated {made:%Y-%m-%d %H:%M} ({escape(totals.time_zone)}) by desk-app from "
            f"{markup(source, styles.note.fontName)}, event {escape(totals.event_id)}.",
            styles.note,
        ),
    ]
    if totals.first_seq is not None:
        title.append(Paragraph(_chain_text(totals), styles.note))
    return title


def _long_date(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def _offset(moment: datetime) -> str:
    text = moment.strftime("%z")
    return f"UTC{text[:3]}:{text[3:]}"


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%d %b %Y %H:%M UTC")


def _chain_text(totals: DayTotals) -> str:
    return (
        f"Log entries #{totals.first_seq:,} to #{totals.last_seq:,}; "
        f"hash of the last entry: <font face='Courier'>{totals.last_hash}</font>"
    )


def _footer_text(totals: DayTotals) -> str:
    if totals.first_seq is None:
        return f"Check-in log of {totals.day.isoformat()} · no log entries"
    return (
        f"Check-in log of {totals.day.isoformat()} · entries #{totals.first_seq:,}–#{totals.last_seq:,}"
        f" · last hash {totals.last_hash[:16]}…"
    )


def _summary(totals: DayTotals, styles: _Styles) -> list[Flowable]:
    total = totals.day_total
    actions = totals.by_action
    left = [["Check-ins", f"{total.checkins:,}", ""]] + [
        [f"– {SUMMARY_TEXT[outcome]}", f"{n:,}", f"{n / total.checkins:.0%}" if total.checkins else ""]
        for outcome, n in totals.checkins_by_outcome.items()
    ]
    right = [
        ["Badges handed over", total.badges],
        ["Supervisor overrides", actions.get(Action.OVERRIDE, 0)],
        ["Badges voided", actions.get(Action.VOID, 0)],
        ["Failed prints", actions.get(Action.PRINT_FAILED, 0)],
        ["All log entries", total.entries],
    ]
    rows = [[*mine, label, f"{n:,}"] for mine, (label, n) in zip(left, right, strict=True)]
    table = Table(rows, colWidths=[150, 55, 40, 150, 55], hAlign="LEFT")
    table.setStyle(
        TableStyle([
            ("FONT", (0, 0), (-1, -1), styles.fonts.regular, 9),
            ("FONT", (0, 0), (1, 0), styles.fonts.bold, 9),
            ("ALIGN", (1, 0), (2, -1), "RIGHT"),
            ("ALIGN", (4, 0), (4, -1), "RIGHT"),
            ("TEXTCOLOR", (2, 0), (2, -1), colors.HexColor("#4A525A")),
            ("LINEBELOW", (0, 0), (-1, -1), 0.25, GRID),
            ("LEFTPADDING", (3, 0), (3, -1), 24),
        ])
    )  # fmt: skip
    return [Paragraph("Summary", styles.heading), table]


def _hour_chart(totals: DayTotals, styles: _Styles) -> list[Flowable]:
    heading = Paragraph("Check-ins per hour (local time), by verdict", styles.heading)
    if totals.day_total.checkins == 0:
        return [heading, Paragraph("No check-ins on this day.", styles.body)]
    counts = {outcome: [hour.count(outcome) for hour in totals.by_hour] for outcome in Outcome}
    return [KeepTogether([heading, hour_chart(counts, styles.fonts.regular, WIDTH)])]


def _entrance_rows(totals: DayTotals, event: EventConfig) -> list[tuple[tuple[str, ...], Tally]]:
    return [((_entrance_name(event, key),), tally) for key, tally in totals.by_entrance.items()]


def _desk_rows(totals: DayTotals, event: EventConfig) -> list[tuple[tuple[str, ...], Tally]]:
    return [((_entrance_name(event, key), desk or "–"), tally) for (key, desk), tally in totals.by_desk.items()]


def _hour_rows(totals: DayTotals) -> list[tuple[tuple[str, ...], Tally]]:
    busy = [hour for hour, tally in enumerate(totals.by_hour) if tally.entries]
    if not busy:
        return []
    # From the first to the last busy hour, so a quiet hour in the day shows as a row of zeros.
    hours = range(busy[0], busy[-1] + 1)
    return [((f"{hour:02d}:00–{hour + 1:02d}:00",), totals.by_hour[hour]) for hour in hours]


def _entrance_name(event: EventConfig, key: str) -> str:
    entrance = event.entrances.get(key)
    return entrance.name if entrance else key


def _tally_section(
    title: str,
    label_headings: Sequence[str],
    rows: Sequence[tuple[tuple[str, ...], Tally]],
    styles: _Styles,
) -> list[Flowable]:
    if not rows:
        return []
    values = [_tally_values(tally) for _, tally in rows]
    sums = [sum(column) for column in zip(*values, strict=True)]
    header = [heading_cell(text, styles) for text in label_headings] + [
        heading_cell(t, styles, True) for t in TALLY_HEADINGS
    ]
    body = [
        [data_cell(label, styles.cell) for label in labels] + [f"{n:,}" for n in numbers]
        for (labels, _), numbers in zip(rows, values, strict=True)
    ]
    total = ["Total"] + [""] * (len(label_headings) - 1) + [f"{n:,}" for n in sums]
    number_widths = [_column_width(heading, styles) for heading in TALLY_HEADINGS]
    widths = _label_widths(label_headings, [labels for labels, _ in rows], WIDTH - sum(number_widths), styles)
    widths += number_widths
    table = Table([header, *body, total], colWidths=widths, repeatRows=1)
    table.setStyle(grid_style(styles, first_number=len(label_headings), total_row=True))
    return [Paragraph(title, styles.heading), table]


def _label_widths(
    headings: Sequence[str], rows: Sequence[tuple[str, ...]], room: float, styles: _Styles
) -> list[float]:
    """Each label column as wide as its widest text, the last one (desk names, free text) taking what is left."""
    needed = [
        max(string_width(text, styles.fonts.regular, 8) for text in (heading, *column)) + 2 * _PADDING
        for heading, column in zip(headings, zip(*rows, strict=True), strict=True)
    ]
    first = needed[:-1] if sum(needed) <= room else [min(width, room / len(needed)) for width in needed[:-1]]
    return [*first, room - sum(first)]


def _column_width(heading: str, styles: _Styles) -> float:
    """Wide enough for the heading on one line and for six-digit numbers."""
    heading_width = pdfmetrics.stringWidth(heading, styles.fonts.bold, 8)
    number_width: float = pdfmetrics.stringWidth("000,000", styles.fonts.regular, 8)
    return float(max(heading_width, number_width)) + _PADDING + 2


def _tally_values(tally: Tally) -> list[int]:
    return [
        tally.checkins, tally.issue, tally.redirect, tally.refuse, tally.needs_supervisor, tally.badges,
        tally.entries,
    ]  # fmt: skip


def _refusal_section(totals: DayTotals, styles: _Styles) -> list[Flowable]:
    heading = Paragraph("Refusal reasons", styles.heading)
    reasons = totals.refusal_reasons
    if not reasons:
        return [heading, Paragraph("No refusals on this day.", styles.body)]
    refused = totals.day_total.refuse
    header = [
        heading_cell("Reason", styles),
        heading_cell("Refusals", styles, True),
        heading_cell("Share", styles, True),
    ]
    body = [
        [_reason_cell(name, styles), f"{n:,}", f"{n / refused:.0%}" if refused else ""] for name, n in reasons.items()
    ]
    table = Table([header, *body], colWidths=[WIDTH - 120, 60, 60], repeatRows=1)
    table.setStyle(grid_style(styles, first_number=1, total_row=False))
    note = Paragraph("A refused check-in may give more than one reason.", styles.note)
    return [
        KeepTogether(
            [heading, reason_chart([(reason_text(n), c) for n, c in reasons.items()], styles.fonts.regular, WIDTH)]
        ),
        Spacer(1, 6),
        table,
        note,
    ]


def _other_reasons_section(totals: DayTotals, styles: _Styles) -> list[Flowable]:
    others = (Outcome.REDIRECT, Outcome.NEEDS_SUPERVISOR, Outcome.ISSUE)
    rows = [(o, name, n) for o in others for name, n in totals.reasons.get(o, {}).items()]
    if not rows:
        return []
    header = [
        heading_cell("Verdict", styles),
        heading_cell("Reason or note", styles),
        heading_cell("Check-ins", styles, True),
    ]
    body = [[VERDICT_LABEL[o], _reason_cell(name, styles), f"{n:,}"] for o, name, n in rows]
    table = Table([header, *body], colWidths=[70, WIDTH - 130, 60], repeatRows=1)
    table.setStyle(grid_style(styles, first_number=2, total_row=False))
    return [Paragraph("Reasons given with other verdicts", styles.heading), table]


def _reason_cell(name: str, styles: _Styles) -> Paragraph:
    code = f"<font size='6.5' color='#6B737B'>{escape(name)}</font>"
    return Paragraph(f"{escape(reason_text(name))}<br/>{code}", styles.cell)


def heading_cell(text: str, styles: _Styles, number: bool = False) -> Paragraph:
    style = styles.number if number else styles.cell
    return Paragraph(f"<b>{escape(text)}</b>", style)


def data_cell(text: str, style: ParagraphStyle) -> Paragraph:
    """People's data in a cell: escaped, and what DejaVu lacks (a Chinese name) in a fallback font."""
    return Paragraph(markup(text, style.fontName), style)


def grid_style(styles: _Styles, first_number: int, total_row: bool) -> TableStyle:
    commands: list[tuple[object, ...]] = [
        ("FONT", (0, 0), (-1, -1), styles.fonts.regular, 8),
        ("ALIGN", (first_number, 0), (-1, -1), "RIGHT"),
        ("LEFTPADDING", (first_number, 0), (-1, -1), 2),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, GRID),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if total_row:
        commands += [
            ("FONT", (0, -1), (-1, -1), styles.fonts.bold, 8),
            ("LINEABOVE", (0, -1), (-1, -1), 0.8, colors.black),
        ]
    return TableStyle(commands)


class _FooterCanvas(Canvas):  # type: ignore[misc]  # reportlab has no type information
    """A canvas that holds its pages back until the end, so each footer can say "page 2 of 5"."""

    def __init__(self, *args: object, footer: str, font: str, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._footer = footer
        self._font = font
        self._held: list[dict[str, object]] = []

    def showPage(self) -> None:  # reportlab's name
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        for number, state in enumerate(self._held, start=1):
            self.__dict__.update(state)
            self._draw_footer(number, len(self._held))
            super().showPage()
        super().save()

    def _draw_footer(self, number: int, pages: int) -> None:
        y = 12 * mm
        self.saveState()
        self.setStrokeColor(GRID)
        self.setLineWidth(0.4)
        self.line(MARGIN, y + 9, A4[0] - MARGIN, y + 9)
        self.setFont(self._font, 7.5)
        self.setFillColor(colors.HexColor("#4A525A"))
        self.drawString(MARGIN, y, self._footer)
        self.drawRightString(A4[0] - MARGIN, y, f"Page {number} of {pages}")
        self.restoreState()
