"""A QR code drawn for the screen (the scanner self-test shows one for the desk's own scanner to read)."""

from __future__ import annotations

import qrcode
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap


def qr_pixmap(text: str, module_px: int = 6) -> QPixmap:
    """``text`` as a QR code with its quiet zone, ``module_px`` screen pixels per module, black on white."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
    code.add_data(text)
    code.make(fit=True)
    matrix = code.get_matrix()
    side = len(matrix) * module_px
    image = QImage(side, side, QImage.Format.Format_RGB32)
    image.fill(QColor(Qt.GlobalColor.white))
    painter = QPainter(image)
    try:
        for y, row in enumerate(matrix):
            for x, dark in enumerate(row):
                if dark:
                    painter.fillRect(QRect(x * module_px, y * module_px, module_px, module_px), Qt.GlobalColor.black)
    finally:
        painter.end()
    return QPixmap.fromImage(image)
