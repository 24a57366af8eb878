"""Drawing badges with reportlab: one vector PDF page per badge, the same bytes for the same data.

The templates in ``badges.layout`` say where things go; this module only knows how to draw each kind of
element. Output is deterministic (reportlab's invariant mode, fixed metadata) so a reprint can be compared
with the original and tests can compare bytes.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from badges.codes import draw_code128, draw_qr
from badges.data import BadgeData, BadgeError, BoxCover, clean_text
from badges.fit import LINE_HEIGHT, fit_text
from badges.fonts import ASCENT, Face, register_fonts, runs, text_width
from badges.layout import MM, Align, Band, Barcode, Box, Field, Photo, PoolMark, QrCode, Template, Text, template_for
from badges.layout import page_size_mm as _page_size_mm
from badges.photo import prepare_photo

INK = (0.08, 0.08, 0.08)
WHITE = (1.0, 1.0, 1.0)
NO_PHOTO = "No photo · Sans photo"
POOL = "POOL"
# Outline stroke, per unit of font size, that makes a regular CJK font read as bold next to DejaVu Sans Bold;
# heavier closes the counters of dense ideographs such as 葛.
FAKE_BOLD_STROKE = 0.035


@dataclass(frozen=True)
class _Plain:
    """Fixed words the renderer adds itself (the POOL mark, 'no photo'), fitted like a template's Text."""

    box: Box
    face: Face
    max_size: float
    min_size: float = 1.0
    max_lines: int = 1
    align: Align = Align.CENTRE


def page_size(size: str) -> tuple[float, float]:
    """The page of a badge size ('card' or 'a6') in points, portrait."""
    width, height = _page_size_mm(size)
    return width * MM, height * MM


def render_badge(data: BadgeData, size: str = "card") -> bytes:
    """One badge as a one-page vector PDF."""
    return render_batch([data], size)


def render_batch(items: Sequence[BadgeData | BoxCover], size: str = "card") -> bytes:
    """Many badges as one PDF, one page each, in the order given (a printer's job, or boxes of cards printed in
    advance, each box after its cover sheet)."""
    badges = [item for item in items if isinstance(item, BadgeData)]
    if not badges:
        raise BadgeError("there are no badges to render")
    register_fonts()
    width, height = page_size(size)
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(width, height), invariant=True, pageCompression=True)
    canvas.setTitle(f"Badge {badges[0].serial}" if len(items) == 1 else f"{len(badges)} badges")
    canvas.setAuthor("desk-app")
    canvas.setCreator("desk-app badges")
    canvas.setSubject(badges[0].event_name_en)
    for item in items:
        if isinstance(item, BoxCover):
            draw_cover(canvas, item, _page_size_mm(size))
        else:
            draw_badge(canvas, template_for(item.kind, size), item)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def draw_cover(canvas: Canvas, cover: BoxCover, page_mm: tuple[float, float]) -> None:
    """A box's cover sheet: the box number large on the kind's colour, then its slots, names and serials."""
    width, height = page_mm
    page_height = height * MM
    inner = width - 6
    band = Box(0, 0, width, height * 0.42)
    _fill(canvas, band, cover.rgb, page_height)
    ink = on_colour(cover.rgb)
    unit = height / 85.6  # the card's height: the a6 sheet scales up
    lines: list[tuple[str, Box, Face, float, tuple[float, float, float]]] = [
        (f"{cover.label_en} · {cover.label_fr}", Box(3, 2 * unit, inner, 5 * unit), Face.CONDENSED, 10, ink),
        ("BOX · BOÎTE", Box(3, 8 * unit, inner, 5 * unit), Face.CONDENSED_BOLD, 11, ink),
        (str(cover.box), Box(3, 13 * unit, inner, 21 * unit), Face.CONDENSED_BOLD, 60, ink),
        (f"{cover.cards} cards · cartes", Box(3, 38 * unit, inner, 5 * unit), Face.CONDENSED_BOLD, 11, INK),
        (
            f"slots · cases {cover.first_slot}–{cover.last_slot}",
            Box(3, 43 * unit, inner, 4 * unit),
            Face.CONDENSED,
            9,
            INK,
        ),
        (cover.first_name, Box(3, 50 * unit, inner, 6 * unit), Face.CONDENSED_BOLD, 12, INK),
        ("↓", Box(3, 56 * unit, inner, 4 * unit), Face.CONDENSED, 9, INK),
        (cover.last_name, Box(3, 60 * unit, inner, 6 * unit), Face.CONDENSED_BOLD, 12, INK),
        (f"{cover.first_serial} – {cover.last_serial}", Box(3, 69 * unit, inner, 4 * unit), Face.CONDENSED, 9, INK),
        (cover.event_name_en, Box(3, 77 * unit, inner, 4 * unit), Face.CONDENSED, 7, INK),
    ]
    for text, box, face, max_size, colour in lines:
        _text(canvas, clean_text(text), _Plain(box, face, max_size * unit), colour, page_height)


def draw_badge(canvas: Canvas, template: Template, data: BadgeData) -> None:
    """Draw every element of ``template`` for ``data`` on the canvas's current page."""
    page_height = template.height * MM
    for element in template.elements:
        if isinstance(element, Band):
            _fill(canvas, element.box, data.rgb, page_height)
        elif isinstance(element, Text):
            colour = on_colour(data.rgb) if element.on_band else INK
            _text(canvas, field_text(data, element.field), element, colour, page_height)
        elif isinstance(element, Photo):
            _photo(canvas, element.box, data.photo, page_height)
        elif isinstance(element, QrCode):
            draw_qr(canvas, data.serial, element.box.x * MM, element.box.y * MM, element.box.w * MM, page_height)
        elif isinstance(element, Barcode):
            box = element.box
            draw_code128(
                canvas,
                data.serial,
                box.x * MM,
                box.y * MM,
                box.w * MM,
                box.h * MM,
                page_height,
                element.max_module_mm * MM,
            )
        elif isinstance(element, PoolMark) and data.pool:
            _fill(canvas, element.box, INK, page_height)
            _text(canvas, POOL, _Plain(element.box, Face.CONDENSED_BOLD, element.size), WHITE, page_height)


def field_text(data: BadgeData, field: Field) -> str:
    """The text a field prints, NFC-normalised; validity in English and French when they differ."""
    if field is Field.VALIDITY:
        parts = [data.validity_en, data.validity_fr]
        return " · ".join(dict.fromkeys(clean_text(p) for p in parts if clean_text(p)))
    return clean_text(str(getattr(data, field.value)))


def on_colour(rgb: tuple[float, float, float]) -> tuple[float, float, float]:
    """Black or white, whichever contrasts more with ``rgb`` (WCAG relative luminance)."""

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    luminance = 0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2])
    return WHITE if 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.05 else INK


def _rect(box: Box, page_height: float) -> tuple[float, float, float, float]:
    """A template box as reportlab's (x, y, width, height), y from the page's bottom."""
    return box.x * MM, page_height - box.bottom * MM, box.w * MM, box.h * MM


def _fill(canvas: Canvas, box: Box, rgb: tuple[float, float, float], page_height: float) -> None:
    canvas.setFillColorRGB(*rgb)
    canvas.rect(*_rect(box, page_height), stroke=0, fill=1)


def _text(
    canvas: Canvas, text: str, element: Text | _Plain, rgb: tuple[float, float, float], page_height: float
) -> None:
    """Fit ``text`` to the element's box and draw it, the lines centred vertically in the box."""
    if not text:
        return
    x, _, width, height = _rect(element.box, page_height)
    fitted = fit_text(text, element.face, width, height, element.max_size, element.min_size, element.max_lines)
    line_height = fitted.size * LINE_HEIGHT
    block_top = element.box.y * MM + (height - line_height * len(fitted.lines)) / 2
    canvas.setFillColorRGB(*rgb)
    for i, line in enumerate(fitted.lines):
        baseline = page_height - (block_top + i * line_height + fitted.size * ASCENT)
        line_width = text_width(line, element.face, fitted.size)
        if element.align is Align.LEFT:
            start = x
        elif element.align is Align.RIGHT:
            start = x + width - line_width
        else:
            start = x + (width - line_width) / 2
        _draw_runs(canvas, line, element.face, fitted.size, start, baseline, rgb)


def _draw_runs(
    canvas: Canvas, line: str, face: Face, size: float, x: float, baseline: float, rgb: tuple[float, float, float]
) -> None:
    """One line, each run in its own font; a bold line's runs in a font without a bold cut are stroked as well."""
    text = canvas.beginText(x, baseline)
    line_runs = runs(line, face)
    mode = 0  # fill; 2 is fill and stroke
    for run in line_runs:
        text.setFont(run.font, size)
        if (2 if run.fake_bold else 0) != mode:
            mode = 2 if run.fake_bold else 0
            text.setTextRenderMode(mode)
        text.textOut(run.text)
    if not any(run.fake_bold for run in line_runs):
        canvas.drawText(text)
        return
    canvas.saveState()
    canvas.setStrokeColorRGB(*rgb)
    canvas.setLineWidth(size * FAKE_BOLD_STROKE)
    canvas.drawText(text)
    canvas.restoreState()


def _photo(canvas: Canvas, box: Box, photo: bytes | None, page_height: float) -> None:
    """The photo filling its frame; without one, a grey frame that says so, never an empty space."""
    x, y, width, height = _rect(box, page_height)
    if photo is None:
        canvas.setFillColorRGB(0.92, 0.92, 0.92)
        canvas.setStrokeColorRGB(0.55, 0.55, 0.55)
        canvas.setLineWidth(0.5)
        canvas.rect(x, y, width, height, stroke=1, fill=1)
        label = _Plain(Box(box.x + 1, box.y, box.w - 2, box.h), Face.CONDENSED, 8, max_lines=2)
        _text(canvas, NO_PHOTO, label, (0.35, 0.35, 0.35), page_height)
        return
    prepared = prepare_photo(photo, box.w, box.h)
    canvas.drawImage(ImageReader(io.BytesIO(prepared.jpeg)), x, y, width, height)
    # A hairline frame: photos on pale backgrounds otherwise melt into the white card.
    canvas.setStrokeColorRGB(0.6, 0.6, 0.6)
    canvas.setLineWidth(0.3)
    canvas.rect(x, y, width, height, stroke=1, fill=0)
