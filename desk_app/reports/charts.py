"""The report's charts: check-ins per hour by verdict, and refusal reasons, drawn with reportlab graphics."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.pdfbase import pdfmetrics

from desk_app.core.model import Outcome

VERDICT_LABEL = {
    Outcome.ISSUE: "Issue",
    Outcome.REDIRECT: "Redirect",
    Outcome.REFUSE: "Refuse",
    Outcome.NEEDS_SUPERVISOR: "Supervisor",
}
OUTCOME_COLOUR = {
    Outcome.ISSUE: colors.HexColor("#2E7D32"),
    Outcome.REDIRECT: colors.HexColor("#1565C0"),
    Outcome.REFUSE: colors.HexColor("#C62828"),
    Outcome.NEEDS_SUPERVISOR: colors.HexColor("#EF8F00"),
}


def hour_chart(counts: Mapping[Outcome, Sequence[int]], font: str, width: float) -> Drawing:
    """Stacked bars of the 24 local hours, one colour per verdict, with a legend."""
    drawing = Drawing(width, 180)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 36, 18, width - 42, 136
    chart.data = [list(counts[outcome]) for outcome in Outcome]
    chart.categoryAxis.categoryNames = [f"{hour:02d}" for hour in range(24)]
    chart.categoryAxis.style = "stacked"
    chart.groupSpacing = 4
    _style_axes(chart, font, top=max(sum(column) for column in zip(*chart.data, strict=True)))
    for index, outcome in enumerate(Outcome):
        chart.bars[index].fillColor = OUTCOME_COLOUR[outcome]
        chart.bars[index].strokeColor = None
    drawing.add(chart)
    drawing.add(_legend(font, x=chart.x, y=176))
    return drawing


def reason_chart(reasons: Sequence[tuple[str, int]], font: str, width: float) -> Drawing:
    """Horizontal bars of refusal reasons (label, count), the most frequent on top."""
    pairs = list(reasons)[::-1]  # the chart draws upwards: the largest comes out on top
    labels = [label for label, _ in pairs]
    label_width = max(pdfmetrics.stringWidth(label, font, 7) for label in labels)
    bar_height = 13
    drawing = Drawing(width, bar_height * len(pairs) + 26)
    chart = HorizontalBarChart()
    chart.x = min(label_width + 8, width / 2)
    chart.y = 16
    chart.width = width - chart.x - 30
    chart.height = bar_height * len(pairs)
    chart.data = [[n for _, n in pairs]]
    chart.categoryAxis.categoryNames = labels
    chart.bars[0].fillColor = OUTCOME_COLOUR[Outcome.REFUSE]
    chart.bars[0].strokeColor = None
    chart.barSpacing = 2
    chart.barLabelFormat = "{:,}".format
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 7
    _style_axes(chart, font, top=max(n for _, n in pairs))
    drawing.add(chart)
    return drawing


def _style_axes(chart: VerticalBarChart | HorizontalBarChart, font: str, top: int) -> None:
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax, chart.valueAxis.valueStep = _whole_scale(top)
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#DDE1E5")
    chart.valueAxis.gridStrokeWidth = 0.4
    chart.valueAxis.labelTextFormat = "{:,.0f}".format
    for labels in (chart.valueAxis.labels, chart.categoryAxis.labels):
        labels.fontName = font
        labels.fontSize = 7


def _whole_scale(top: int) -> tuple[int, int]:
    """An axis end and a step of 1, 2 or 5 times a power of ten, six steps at most: counts have no halves."""
    magnitude = 1
    while True:
        for step in (magnitude, 2 * magnitude, 5 * magnitude):
            if max(top, 1) <= 6 * step:
                return -(-max(top, 1) // step) * step, step
        magnitude *= 10


def _legend(font: str, x: float, y: float) -> Legend:
    legend = Legend()
    legend.x, legend.y = x, y
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 78
    legend.dx = legend.dy = 7
    legend.fontName = font
    legend.fontSize = 7.5
    legend.strokeColor = None
    legend.colorNamePairs = [(OUTCOME_COLOUR[o], VERDICT_LABEL[o]) for o in Outcome]
    return legend
