"""Reading the codes we print (QR and Code128) from image files, PDFs and raw grey camera frames.

The one decoder entry point: the desk's "open a scan", ``desk-app decode`` and the webcam worker all come here. It is
Qt-free and thread-safe (each call gets its own zbar scanner; PDF pages are rendered in a helper process, see
``pdf_worker``, each request naming its file), so the camera can call :func:`decode_grey` from a worker thread.
Only the two symbologies we print are enabled: zbar is faster that way, and other 1D types cannot turn up as false
reads in lines of text.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from contextlib import closing
from ctypes import string_at
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image
from pyzbar import wrapper as zbar

from desk_app.core.text import printable
from desk_app.scan.files import (
    MAX_PAGES,
    MAX_RENDER_PIXELS,
    DecodeError,
    Frame,
    Pages,
    image_frames,
    is_pdf,
    open_regular,
    pdf_pages,
    to_grey,
)
from desk_app.scan.retries import RETRIES

__all__ = [
    "DECODE_BUDGET_S",
    "MAX_PAGES",
    "MAX_RENDER_PIXELS",
    "PDF_DPI",
    "PDF_RETRY_DPI",
    "DecodeError",
    "Decoded",
    "FileScan",
    "centre_region",
    "decode_file",
    "decode_grey",
    "decode_image",
    "scan_file",
    "to_grey",
]

SYMBOLS = (zbar.ZBarSymbol.QRCODE, zbar.ZBarSymbol.CODE128)
_Y800 = 0x30303859  # zbar's fourcc for 8-bit grey
_CFG_BINARY = 4  # zbar >= 0.23: hand QR bytes over as they are, not re-encoded from a guessed charset
# 200 dpi gives a 25 mm version-6 QR about 5 pixels per module, plenty for zbar; 300 dpi only when that finds nothing.
PDF_DPI = 200
PDF_RETRY_DPI = 300
# Seconds one file may take, the retries and the 300 dpi pass included. A printout's page takes well under a second;
# the budget is checked between pages and between retries, so one page's work may run a little past it.
DECODE_BUDGET_S = 10.0
_PRINTOUT = "a confirmation printout has one or two"


@dataclass(frozen=True)
class Decoded:
    """One code read: its text, ``QRCODE`` or ``CODE128``, and the page (1-based) in a PDF or multi-page TIFF."""

    text: str
    symbology: str
    page: int | None = None


@dataclass(frozen=True)
class FileScan:
    """The codes read from a file, and how much of the file was looked at to find them.

    ``pages_read`` pages had at least zbar's first pass; ``page_count`` is how many the file has (None when not
    counted: an image's frames are not counted past :data:`MAX_PAGES`); ``more_pages`` says pages past
    :data:`MAX_PAGES` were left unread; ``out_of_time`` that :data:`DECODE_BUDGET_S` ran out first.
    """

    path: Path
    codes: tuple[Decoded, ...]
    pages_read: int
    page_count: int | None
    more_pages: bool
    out_of_time: bool

    def shortfall(self) -> str:
        """What was left unread, in words for the clerk or the command line; empty when the whole file was read."""
        name, of = printable(self.path.name), "" if self.page_count is None else f" of {self.page_count:,}"
        if self.out_of_time:
            looked_at = {0: "no page", 1: "page 1"}.get(self.pages_read, f"pages 1-{self.pages_read}")
            return (
                f"{name}: stopped after {DECODE_BUDGET_S:g} s, the time allowed for one file, "
                f"having looked at {looked_at}{of}"
            )
        if not self.more_pages:
            return ""
        if self.page_count is None:
            return f"{name}: read only the first {self.pages_read} pages; the file has more: {_PRINTOUT}"
        return f"{name}: read the first {self.pages_read}{of} pages: {_PRINTOUT}"


@dataclass(frozen=True)
class _Hit:
    """A code and where zbar saw it, for putting codes in reading order."""

    text: str
    symbology: str
    top: int
    left: int
    height: int


@dataclass
class _Clock:
    """The time budget of one file, and how far the decoder got within it."""

    deadline: float = field(default_factory=lambda: time.monotonic() + DECODE_BUDGET_S)
    pages_read: int = 0
    out_of_time: bool = False

    def ran_out(self) -> bool:
        self.out_of_time = self.out_of_time or time.monotonic() >= self.deadline
        return self.out_of_time


def scan_file(path: Path, *, retries: bool = True) -> FileScan:
    """Every distinct code in a PNG, JPEG, TIFF or PDF, in reading order, and how much of the file was read.

    Only a regular file is opened, and only its first :data:`MAX_PAGES` pages or frames are read, within
    :data:`DECODE_BUDGET_S` seconds: a hostile file (a FIFO, 100,000 pages, a decompression bomb) costs seconds at
    most. :meth:`FileScan.shortfall` says what was left unread.

    Raises:
        DecodeError: the file is missing, unreadable, not a regular file, not an image or PDF, too large, or damaged.
    """
    path = Path(path)
    clock = _Clock()
    pages = Pages()
    with open_regular(path) as file:
        if is_pdf(file, path):
            with closing(pdf_pages(path, PDF_DPI, pages, clock.deadline)) as frames:
                found = _decode_frames(frames, retries=False, clock=clock)
            if not found and not clock.ran_out():
                with closing(pdf_pages(path, PDF_RETRY_DPI, pages, clock.deadline)) as frames:
                    found = _decode_frames(frames, retries=retries, clock=clock)
        else:
            with closing(image_frames(file, path, pages)) as frames:
                found = _decode_frames(frames, retries=retries, clock=clock)
    out_of_time = clock.out_of_time or pages.timed_out
    return FileScan(path, tuple(found), clock.pages_read, pages.count, pages.more, out_of_time)


def decode_file(path: Path, *, retries: bool = True) -> list[Decoded]:
    """The codes of :func:`scan_file`, for callers that need not say how much of the file was read.

    Raises:
        DecodeError: as :func:`scan_file`.
    """
    return list(scan_file(path, retries=retries).codes)


def decode_image(image: Image.Image, *, retries: bool = True) -> list[Decoded]:
    """Every distinct code in an image of any mode, in reading order."""
    return _decode_frames([Frame(None, to_grey(image))], retries=retries)


def decode_grey(
    data: bytes | memoryview, width: int, height: int, stride: int | None = None, *, retries: bool = True
) -> list[Decoded]:
    """Every distinct code in a raw 8-bit grey frame whose rows are ``stride`` bytes apart (default ``width``).

    The data is copied first, so the caller may reuse its buffer (a camera frame) as soon as this returns. On a frame
    with no code the retries cost several first passes (about 20 ms for a 768x432 region against 3 ms); a camera
    worker that only keeps the latest frame can afford that, or pass ``retries=False``.
    """
    view = _flat(data)
    stride = _checked_stride(view.nbytes, width, height, stride)
    image = Image.frombytes("L", (width, height), view.tobytes(), "raw", "L", stride)
    return _decode_frames([Frame(None, image)], retries=retries)


def centre_region(
    data: bytes | memoryview, width: int, height: int, fraction: float = 0.6, *, stride: int | None = None
) -> tuple[bytes, int, int]:
    """The middle ``fraction`` of a grey frame in each direction, as tight rows: ``(data, width, height)``.

    A camera frame held up to the desk has the code in the middle; scanning a third of the pixels is three times faster.
    """
    if not 0 < fraction <= 1:
        raise ValueError(f"fraction must be in (0, 1], not {fraction}")
    view = _flat(data)
    stride = _checked_stride(view.nbytes, width, height, stride)
    crop_width, crop_height = max(1, round(width * fraction)), max(1, round(height * fraction))
    left, top = (width - crop_width) // 2, (height - crop_height) // 2
    rows = (view[row * stride + left : row * stride + left + crop_width] for row in range(top, top + crop_height))
    return b"".join(rows), crop_width, crop_height


def _flat(data: bytes | memoryview) -> memoryview:
    """The frame as flat bytes without copying, whatever shape a camera API gave its buffer."""
    view = memoryview(data)
    return view if view.ndim == 1 and view.format == "B" else view.cast("B")


def _checked_stride(size: int, width: int, height: int, stride: int | None) -> int:
    stride = width if stride is None else stride
    if width <= 0 or height <= 0 or stride < width:
        raise ValueError(f"bad frame geometry: {width}x{height}, stride {stride}")
    if size < stride * (height - 1) + width:
        raise ValueError(f"{size} bytes is too short for a {width}x{height} frame with stride {stride}")
    return stride


def _decode_frames(frames: Iterable[Frame], *, retries: bool, clock: _Clock | None = None) -> list[Decoded]:
    """First pass over every frame; only if no frame gave anything, the retries on the frames in turn.

    With a ``clock``, no further frame or retry is started once its budget is spent.
    """
    found: list[Decoded] = []
    missed: list[Frame] = []
    for frame in frames:
        found.extend(_decoded(_scan(frame.image), frame.page))
        if retries and not found:
            missed.append(frame)
        if clock is not None:
            clock.pages_read = max(clock.pages_read, frame.page or 1)
            if clock.ran_out():
                break
    if retries and not found:
        for frame in missed:
            found.extend(_decoded(_retry(frame.image, clock), frame.page))
    return _distinct(found)


def _retry(image: Image.Image, clock: _Clock | None) -> list[_Hit]:
    """The retries in order of cost until one reads something (see desk_app.scan.retries for the order)."""
    for retry in RETRIES:
        if clock is not None and clock.ran_out():
            break
        reworked = retry.rework(image)
        if reworked is not None and (hits := _scan(reworked)):
            return hits
    return []


def _scan(image: Image.Image) -> list[_Hit]:
    """One zbar pass over a grey image, the codes in reading order."""
    hits = []
    for symbology, data, points in _zbar_symbols(image):
        if text := _text(data):
            xs, ys = [x for x, _ in points] or [0], [y for _, y in points] or [0]
            hits.append(_Hit(text, symbology, min(ys), min(xs), max(ys) - min(ys)))
    return _reading_order(hits)


def _zbar_symbols(image: Image.Image) -> list[tuple[str, bytes, list[tuple[int, int]]]]:
    """zbar over a grey image with only our symbologies on: each symbol's name, raw bytes and outline.

    pyzbar's own ``decode`` lets zbar convert QR bytes from a guessed charset (often Shift-JIS, which garbles UTF-8), so
    this drives zbar through pyzbar's ctypes binding with raw bytes on. A scanner per call keeps it thread-safe.
    """
    pixels = image.tobytes()  # kept referenced until zbar is done with it
    scanner = zbar.zbar_image_scanner_create()
    frame = zbar.zbar_image_create()
    if not scanner or not frame:
        raise MemoryError("zbar could not make a scanner")
    try:
        zbar.zbar_image_scanner_set_config(scanner, zbar.ZBarSymbol.NONE, zbar.ZBarConfig.CFG_ENABLE, 0)
        for symbology in SYMBOLS:
            zbar.zbar_image_scanner_set_config(scanner, symbology, zbar.ZBarConfig.CFG_ENABLE, 1)
        zbar.zbar_image_scanner_set_config(scanner, zbar.ZBarSymbol.QRCODE, _CFG_BINARY, 1)
        zbar.zbar_image_set_format(frame, _Y800)
        zbar.zbar_image_set_size(frame, image.width, image.height)
        zbar.zbar_image_set_data(frame, pixels, len(pixels), None)
        if zbar.zbar_scan_image(scanner, frame) < 0:
            raise RuntimeError("zbar refused an 8-bit grey image")
        symbols = []
        symbol = zbar.zbar_image_first_symbol(frame)
        while symbol:
            data = string_at(zbar.zbar_symbol_get_data(symbol), zbar.zbar_symbol_get_data_length(symbol))
            outline = [
                (zbar.zbar_symbol_get_loc_x(symbol, i), zbar.zbar_symbol_get_loc_y(symbol, i))
                for i in range(zbar.zbar_symbol_get_loc_size(symbol))
            ]
            symbols.append((zbar.ZBarSymbol(symbol.contents.type).name, data, outline))
            symbol = zbar.zbar_symbol_next(symbol)
        return symbols
    finally:
        zbar.zbar_image_destroy(frame)
        zbar.zbar_image_scanner_destroy(scanner)


def _text(data: bytes) -> str:
    try:
        return data.decode("utf-8").strip()
    except UnicodeDecodeError:
        return data.decode("latin-1").strip()


def _reading_order(hits: list[_Hit]) -> list[_Hit]:
    """Top to bottom; left to right among codes side by side (starting above the middle of the line's first code)."""
    lines: list[list[_Hit]] = []
    for hit in sorted(hits, key=lambda h: (h.top, h.left)):
        first = lines[-1][0] if lines else None
        if first is not None and hit.top < first.top + first.height / 2:
            lines[-1].append(hit)
        else:
            lines.append([hit])
    return [hit for line in lines for hit in sorted(line, key=lambda h: h.left)]


def _decoded(hits: list[_Hit], page: int | None) -> list[Decoded]:
    return [Decoded(hit.text, hit.symbology, page) for hit in hits]


def _distinct(found: list[Decoded]) -> list[Decoded]:
    """The first sighting of each code: a code printed twice, or on two pages, is one code."""
    seen: set[tuple[str, str]] = set()
    distinct = []
    for decoded in found:
        if (decoded.text, decoded.symbology) not in seen:
            seen.add((decoded.text, decoded.symbology))
            distinct.append(decoded)
    return distinct
