"""The confirmation email as the applicant prints it: one A4 PDF per approved application, with its signed QR.

This is the accreditation office's side: it holds the signing key. The page says what the desk will ask for
(this printout, the same ID document, the same press card or editor's letter) and where to go.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import qrcode
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from qrcode.constants import ERROR_CORRECT_M
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from desk_app.core.codes import sign_code
from desk_app.core.event import EventConfig
from desk_app.core.model import AccreditationKind, Application, Status
from desk_app.pdf_fonts import PdfFonts, draw_string, pdf_fonts, string_width
from desk_app.store import Store

Progress = Callable[[int, int], None]
QR_SIDE = 45 * mm
_MARGIN = 20 * mm
_FOOTER = (
    "Badges must be visible at all times. Please arrive early to clear security checks.",
    "Les badges doivent être visibles en permanence. Veuillez arriver tôt pour les contrôles de sécurité.",
)
_KIND_TEXT = {
    AccreditationKind.MINISTERIAL: ("Ministerial accreditation", "Accréditation ministérielle"),
    AccreditationKind.ANNUAL: ("Annual accreditation", "Accréditation annuelle"),
}


@dataclass(frozen=True)
class QrSymbol:
    """A QR code as a grid of dark modules, drawn as vectors so it prints sharp at any size."""

    version: int
    modules: tuple[tuple[bool, ...], ...]  # includes the 4-module quiet zone

    @classmethod
    def for_text(cls, text: str) -> QrSymbol:
        qr = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=4)
        qr.add_data(text, optimize=0)
        qr.make(fit=True)
        return cls(qr.version, tuple(tuple(row) for row in qr.get_matrix()))

    def draw(self, canvas: Canvas, x: float, y: float, side: float) -> None:
        module = side / len(self.modules)
        canvas.setFillColorRGB(0, 0, 0)
        for row_index, row in enumerate(self.modules):
            top = y + side - (row_index + 1) * module
            column = 0
            while column < len(row):  # one rectangle per run of dark modules: smaller PDF, no hairline gaps
                if row[column]:
                    start = column
                    while column < len(row) and row[column]:
                        column += 1
                    canvas.rect(x + start * module, top, (column - start) * module, module, stroke=0, fill=1)
                else:
                    column += 1


def confirmation_code(application: Application, event: EventConfig, key: Ed25519PrivateKey) -> str:
    return sign_code(key, event.id, application.reference, application.kind)


def write_confirmation(application: Application, event: EventConfig, key: Ed25519PrivateKey, path: Path) -> str:
    """Write the printout for one applicant; returns the code in its QR."""
    code = confirmation_code(application, event, key)
    fonts = pdf_fonts()
    tmp = path.with_name(f".{path.name}.tmp")
    canvas = Canvas(str(tmp), pagesize=A4, invariant=True)
    canvas.setTitle(f"{event.name}: confirmation of accreditation {application.reference}")
    _draw_page(canvas, fonts, application, event, code)
    canvas.save()
    os.replace(tmp, path)
    return code


def write_confirmations(
    store: Store, event: EventConfig, key: Ed25519PrivateKey, folder: Path, progress: Progress | None = None
) -> int:
    """One PDF per approved application, named after its reference; returns how many were written."""
    folder.mkdir(parents=True, exist_ok=True)
    approved = [a for a in store.applications.all() if a.status is Status.APPROVED]
    for done, application in enumerate(approved, start=1):
        write_confirmation(application, event, key, folder / f"{application.reference}.pdf")
        if progress:
            progress(done, len(approved))
    return len(approved)


def _draw_page(canvas: Canvas, fonts: PdfFonts, app: Application, event: EventConfig, code: str) -> None:
    width, height = A4
    left, y = _MARGIN, height - _MARGIN
    kind_band = event.badge_kinds[app.kind]
    canvas.setFillColor(kind_band.colour)
    canvas.rect(0, height - 8 * mm, width, 8 * mm, stroke=0, fill=1)

    canvas.setFillColorRGB(0, 0, 0)
    y -= 6 * mm
    y = _line(canvas, fonts.bold, 16, left, y, event.name)
    y = _line(canvas, fonts.regular, 11, left, y, event.name_fr, gap=5)
    dates = f"{event.first_day:%d}–{event.last_day:%d %B %Y}, {event.venue}"
    y = _line(canvas, fonts.regular, 10, left, y, dates, gap=10)

    y = _line(canvas, fonts.bold, 13, left, y, "Confirmation of media accreditation")
    y = _line(canvas, fonts.regular, 10, left, y, "Confirmation d'accréditation des médias", gap=8)
    name = app.display_name
    y = _fitted_line(canvas, fonts.bold, 20, left, y, name, width - 2 * _MARGIN)
    y = _line(canvas, fonts.regular, 11, left, y, f"{app.organisation} ({app.organisation_country})")
    english, french = _KIND_TEXT[app.kind]
    y = _line(canvas, fonts.regular, 11, left, y, f"{english} / {french}", gap=10)

    qr = QrSymbol.for_text(code)
    qr_top = y
    qr.draw(canvas, left, qr_top - QR_SIDE, QR_SIDE)
    canvas.setFont(fonts.bold, 14)
    canvas.drawCentredString(left + QR_SIDE / 2, qr_top - QR_SIDE - 6 * mm, app.reference)
    _instructions(canvas, fonts, app, event, left + QR_SIDE + 10 * mm, qr_top - 4 * mm)

    y = qr_top - QR_SIDE - 20 * mm
    y = _line(canvas, fonts.bold, 11, left, y, "Valid for / Valable pour")
    for item in event.programme:
        y = _fitted_line(canvas, fonts.regular, 9, left, y, f"{item.day:%d %b}: {item.name}", width - 2 * _MARGIN)
    canvas.setFont(fonts.regular, 8)
    for offset, text in enumerate(_FOOTER):
        canvas.drawString(left, _MARGIN - offset * 4 * mm, text)
    canvas.showPage()


def _instructions(canvas: Canvas, fonts: PdfFonts, app: Application, event: EventConfig, x: float, y: float) -> None:
    entrance = event.entrance_for(app.kind)
    press = "the same editor's letter" if app.press.editor_letter else "the same press card"
    press_fr = "la même lettre de la rédaction" if app.press.editor_letter else "la même carte de presse"
    document = "passport" if app.document.kind.value == "passport" else "identity card"
    lines = [
        (fonts.bold, f"Collect your badge in person at the {entrance.name}."),
        (fonts.regular, f"Retirez votre badge en personne à l'{entrance.name_fr}."),
        (fonts.bold, "Bring / Apportez:"),
        (fonts.regular, "• this printout / cette confirmation imprimée"),
        (fonts.regular, f"• the same {document} used to apply / le même document d'identité"),
        (fonts.regular, f"• {press} / {press_fr}"),
    ]
    width = A4[0] - _MARGIN - x
    for font, text in lines:
        y = _fitted_line(canvas, font, 10, x, y, text, width, gap=2)
    for text in _wrap(entrance.directions, fonts.regular, 9, width):
        y = _line(canvas, fonts.regular, 9, x, y, text, gap=1)


def _line(canvas: Canvas, font: str, size: float, x: float, y: float, text: str, gap: float = 3) -> float:
    draw_string(canvas, x, y - size, text, font, size)  # a Chinese name in a fallback font, never as boxes
    return float(y - size - gap * mm / 2 - 2)


def _fitted_line(
    canvas: Canvas, font: str, size: float, x: float, y: float, text: str, width: float, gap: float = 3
) -> float:
    """A line that shrinks until it fits ``width`` (long names never run off the page)."""
    while size > 6 and string_width(text, font, size) > width:
        size -= 0.5
    return _line(canvas, font, size, x, y, text, gap)


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    lines, current = [], ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and string_width(candidate, font, size) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    return [*lines, current] if current else lines
