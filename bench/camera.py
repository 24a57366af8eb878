"""What one webcam frame costs the decoder thread: grey conversion, the centre region, and zbar.

The frame is 1280x720 with a confirmation code's QR (version 6) about 330 pixels wide in the middle, as a printout
held up to a desk camera gives. Two kinds of frame: NV12, what webcams and their decoders hand over (the grey plane
is taken as it is), and RGB, which must go through ``QVideoFrame.toImage()``. Frames without a code cost as much
again: the camera spends most of its time looking at nothing, so that figure is here too.
"""

from __future__ import annotations

import statistics
import sys
import time
from typing import TYPE_CHECKING

import qrcode  # type: ignore[import-untyped]
from PySide6.QtCore import QMessageLogContext, QSize, Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QImage

from bench.foundation import Figure

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QVideoFrame, QVideoFrameFormat

TARGET_MS = 15.0
ROI_FRACTION = 0.6
CODE = "C1:K7Q2X:X4RTA:M:DM24-000285:" + ("MZXW6YTBOI" * 11)[:103]
# QtMultimedia on a machine without PipeWire, VA-API or a GPU says so on stderr; nothing is wrong. It is imported
# late, after the handler that keeps it quiet.
_HARMLESS_CATEGORIES = ("qt.multimedia.symbolsresolver", "qt.multimedia.ffmpeg")


def qr_sheet(text: str, width: int = 1280, height: int = 720, side: int = 330) -> QImage:
    """A grey camera-sized picture of a light sheet with ``text`` as a QR of ``side`` pixels in the middle."""
    sheet = QImage(width, height, QImage.Format.Format_Grayscale8)
    sheet.fill(Qt.GlobalColor.lightGray)
    if side <= 0:
        return sheet
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=2)
    code.add_data(text)
    pil = code.make_image().get_image().convert("L").resize((side, side))
    pixels = pil.tobytes()
    bits, stride = memoryview(sheet.bits()), sheet.bytesPerLine()
    left, top = (width - side) // 2, (height - side) // 2
    for y in range(side):
        start = (top + y) * stride + left
        bits[start : start + side] = pixels[y * side : (y + 1) * side]
    return sheet


def video_frame(image: QImage, pixel_format: QVideoFrameFormat.PixelFormat | None = None) -> QVideoFrame:
    """A video frame of a grey image: as Qt makes one from an RGB QImage (None), or in a camera's YUV format."""
    from PySide6.QtMultimedia import QVideoFrame, QVideoFrameFormat

    packed_luma = {QVideoFrameFormat.PixelFormat.Format_YUYV: 0, QVideoFrameFormat.PixelFormat.Format_UYVY: 1}
    if pixel_format is None:
        return QVideoFrame(image.convertToFormat(QImage.Format.Format_RGB32))
    frame = QVideoFrame(QVideoFrameFormat(QSize(image.width(), image.height()), pixel_format))
    if not frame.map(QVideoFrame.MapMode.WriteOnly):
        raise RuntimeError(f"cannot map a new {pixel_format.name} frame")
    try:
        grey, stride = image.constBits(), image.bytesPerLine()
        luma, luma_stride = memoryview(frame.bits(0)), frame.bytesPerLine(0)
        offset, step = packed_luma.get(pixel_format, 0), 2 if pixel_format in packed_luma else 1
        for y in range(image.height()):
            start = y * luma_stride + offset
            luma[start : start + step * image.width() : step] = grey[y * stride : y * stride + image.width()]
    finally:
        frame.unmap()
    return frame


def frame_cost_ms(image: QImage, pixel_format: QVideoFrameFormat.PixelFormat | None, runs: int) -> tuple[float, int]:
    """Median milliseconds for grey region + decode of fresh frames of ``image``, and how many runs read a code."""
    from desk_app.ui.scanners.camera import decode_codes, grey_region

    samples, reads = [], 0
    for _ in range(runs):
        frame = video_frame(image, pixel_format)
        start = time.perf_counter()
        texts = decode_codes(*grey_region(frame, ROI_FRACTION))
        samples.append((time.perf_counter() - start) * 1000)
        reads += texts == [CODE]
    return statistics.median(samples), reads


def _quiet_handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    if context.category in _HARMLESS_CATEGORIES or "No RHI backend" in message:
        return
    print(f"Qt: {message}", file=sys.stderr)


def run_all(quick: bool = False) -> list[Figure]:
    runs = 5 if quick else 40
    previous = qInstallMessageHandler(_quiet_handler)  # before QtMultimedia loads and reports what it lacks
    try:
        from PySide6.QtMultimedia import QVideoFrameFormat

        with_code, empty = qr_sheet(CODE), qr_sheet("", side=0)
        nv12 = QVideoFrameFormat.PixelFormat.Format_NV12
        figures = []
        for name, image, pixel_format, expect in (
            ("camera frame 1280x720 NV12, QR in view", with_code, nv12, True),
            ("camera frame 1280x720 NV12, nothing in view", empty, nv12, False),
            ("camera frame 1280x720 RGB (toImage), QR in view", with_code, None, True),
        ):
            median, reads = frame_cost_ms(image, pixel_format, runs)
            read_all = reads == runs if expect else reads == 0
            figures.append(
                Figure(
                    name,
                    median,
                    "ms",
                    f"< {TARGET_MS:g} ms",
                    median < TARGET_MS and read_all,
                    f"median of {runs}; grey + centre {ROI_FRACTION:.0%} + zbar; read {reads}/{runs}",
                )
            )
        return figures
    finally:
        qInstallMessageHandler(previous)
