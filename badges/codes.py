"""The serial as machine-readable codes: a QR code (qrcode) and a Code 128 (python-barcode), drawn as vectors.

Both are drawn as filled rectangles in one path per code, so a printer of any resolution gets sharp edges and
no hairline seams between modules. Module sizes are whole dots of a 300 dpi card printer: a module that is 3.4
dots wide prints as 3 or 4 dots by turns and scanners read the bars as uneven.
"""

from __future__ import annotations

import math
from functools import lru_cache

import barcode
import qrcode
import qrcode.constants
from reportlab.pdfgen.canvas import Canvas

from badges.data import BadgeError

DOT = 72 / 300  # one dot of a 300 dpi printer, in points
QR_QUIET_MODULES = 4  # ISO/IEC 18004
CODE128_QUIET_MODULES = 10  # ISO/IEC 15417
_QR_LEVELS = (
    qrcode.constants.ERROR_CORRECT_H,
    qrcode.constants.ERROR_CORRECT_Q,
    qrcode.constants.ERROR_CORRECT_M,
    qrcode.constants.ERROR_CORRECT_L,
)
_QR_MAX_VERSION = 3  # beyond 29 x 29 modules the code gets too fine for a badge; trade correction for size


@lru_cache(maxsize=4096)
def qr_matrix(payload: str) -> tuple[tuple[bool, ...], ...]:
    """The QR modules for ``payload``, without quiet zone.

    Like pretix, the error-correction level follows the payload's length: a short serial gets level H (30 %
    of the code may be scratched or covered by a lanyard clip) at no cost in size; a longer one steps down
    rather than grow past version 3.
    """
    for level in _QR_LEVELS:
        code = qrcode.QRCode(error_correction=level, border=0)
        code.add_data(payload)
        code.make(fit=True)
        if code.version <= _QR_MAX_VERSION or level == _QR_LEVELS[-1]:
            return tuple(tuple(bool(m) for m in row) for row in code.get_matrix())
    raise AssertionError("unreachable")


@lru_cache(maxsize=4096)
def code128_modules(payload: str) -> str:
    """The Code 128 bars of ``payload`` as python-barcode builds them: '1' a dark module, '0' a light one."""
    try:
        return str(barcode.get("code128", payload).build()[0])
    except Exception as exc:  # python-barcode raises several types for characters it cannot encode
        raise BadgeError(f"{payload!r} cannot be written as a Code 128: {exc}") from exc


def runs(modules: str) -> list[tuple[int, int]]:
    """(start, length) of every run of dark modules."""
    found, start = [], None
    for i, module in enumerate(modules + "0"):
        if module == "1" and start is None:
            start = i
        elif module != "1" and start is not None:
            found.append((start, i - start))
            start = None
    return found


def module_size(available: float, modules: int, largest: float = math.inf) -> float:
    """The module size in points: as large as fits, up to ``largest``, in whole printer dots when possible."""
    size = min(available / modules, largest)
    dots = math.floor(size / DOT + 1e-9)
    return dots * DOT if dots >= 1 else size


def snap(value: float) -> float:
    return round(value / DOT) * DOT


def draw_qr(canvas: Canvas, payload: str, left: float, top: float, side: float, page_height: float) -> None:
    """Draw the QR code centred in the square at ``left``, ``top`` (points from the top-left), quiet zone inside."""
    matrix = qr_matrix(payload)
    count = len(matrix)
    module = module_size(side, count + 2 * QR_QUIET_MODULES)
    x0 = snap(left + (side - count * module) / 2)
    y0 = snap(top + (side - count * module) / 2)
    path = canvas.beginPath()
    for r, row in enumerate(matrix):
        line = "".join("1" if m else "0" for m in row)
        for start, length in runs(line):
            y = page_height - (y0 + (r + 1) * module)
            path.rect(x0 + start * module, y, length * module, module)
    canvas.setFillColorRGB(0, 0, 0)
    canvas.drawPath(path, stroke=0, fill=1)


def draw_code128(
    canvas: Canvas,
    payload: str,
    left: float,
    top: float,
    width: float,
    height: float,
    page_height: float,
    largest: float,
) -> None:
    """Draw the Code 128 centred in the box (points from the top-left), ten-module quiet zones inside the box."""
    modules = code128_modules(payload)
    module = module_size(width, len(modules) + 2 * CODE128_QUIET_MODULES, largest)
    x0 = snap(left + (width - len(modules) * module) / 2)
    y0 = page_height - snap(top + height)
    path = canvas.beginPath()
    for start, length in runs(modules):
        path.rect(x0 + start * module, y0, length * module, snap(height))
    canvas.setFillColorRGB(0, 0, 0)
    canvas.drawPath(path, stroke=0, fill=1)
