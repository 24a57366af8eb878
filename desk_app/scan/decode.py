"""Reading the codes we print (QR and Code128) from image files, PDFs and raw grey camera frames.

The one decoder entry point: the desk's "open a scan", ``desk-app decode`` and the webcam worker all come here. It is
Qt-free and thread-safe (each call gets its own zbar scanner; pdfium, which is not thread-safe, is behind a lock), so
the camera can call :func:`decode_grey` from a worker thread. Only the two symbologies we print are enabled: zbar is
faster that way, and other 1D types cannot turn up as false reads in lines of text.
"""

from __future__ import annotations

import math
import threading
import warnings
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from ctypes import string_at
from dataclasses import dataclass
from pathlib import Path

import pypdfium2
from PIL import Image, UnidentifiedImageError
from pyzbar import wrapper as zbar

from desk_app.errors import DeskError
from desk_app.scan.retries import RETRIES

SYMBOLS = (zbar.ZBarSymbol.QRCODE, zbar.ZBarSymbol.CODE128)
_Y800 = 0x30303859  # zbar's fourcc for 8-bit grey
_CFG_BINARY = 4  # zbar >= 0.23: hand QR bytes over as they are, not re-encoded from a guessed charset
# 200 dpi gives a 25 mm version-6 QR about 5 pixels per module, plenty for zbar; 300 dpi only when that finds nothing.
PDF_DPI = 200
PDF_RETRY_DPI = 300
# A poster-sized PDF page is rendered smaller rather than filling the memory.
MAX_RENDER_PIXELS = 40_000_000
# Retries run on the first pages only: a long document with no code on them is not a printout of ours.
MAX_RETRY_FRAMES = 10
_PDFIUM = threading.Lock()


class DecodeError(DeskError):
    """The file is missing, is not an image or a PDF, or is damaged."""


@dataclass(frozen=True)
class Decoded:
    """One code read: its text, ``QRCODE`` or ``CODE128``, and the page (1-based) in a PDF or multi-page TIFF."""

    text: str
    symbology: str
    page: int | None = None


@dataclass(frozen=True)
class _Hit:
    """A code and where zbar saw it, for putting codes in reading order."""

    text: str
    symbology: str
    top: int
    left: int
    height: int


@dataclass(frozen=True)
class _Frame:
    """One grey image to scan: a whole image, a TIFF frame or a rendered PDF page."""

    page: int | None
    image: Image.Image


def decode_file(path: Path, *, retries: bool = True) -> list[Decoded]:
    """Every distinct code in a PNG, JPEG, TIFF (every frame) or PDF (every page), in reading order.

    Raises:
        DecodeError: the file is missing, unreadable, not an image or PDF, or damaged.
    """
    path = Path(path)
    if _is_pdf(path):
        found = _decode_frames(_pdf_pages(path, PDF_DPI), retries=False)
        return found or _decode_frames(_pdf_pages(path, PDF_RETRY_DPI), retries=retries)
    return _decode_frames(_image_frames(path), retries=retries)


def decode_image(image: Image.Image, *, retries: bool = True) -> list[Decoded]:
    """Every distinct code in an image of any mode, in reading order."""
    return _decode_frames([_Frame(None, to_grey(image))], retries=retries)


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
    return _decode_frames([_Frame(None, image)], retries=retries)


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


def to_grey(image: Image.Image) -> Image.Image:
    """A new 8-bit grey copy: transparency over white paper, 16-bit scans scaled down rather than clipped to white."""
    if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
        paper = Image.new("RGBA", image.size, (255, 255, 255, 255))
        paper.alpha_composite(image.convert("RGBA"))
        return paper.convert("L")
    if image.mode.startswith("I"):
        return image.convert("I").point(lambda level: level * (1 / 256)).convert("L")
    return image.convert("L")


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


def _decode_frames(frames: Iterable[_Frame], *, retries: bool) -> list[Decoded]:
    """First pass over every frame; only if no frame gave anything, the retries on the frames in turn."""
    found: list[Decoded] = []
    missed: list[_Frame] = []
    for frame in frames:
        found.extend(_decoded(_scan(frame.image), frame.page))
        if retries and not found and len(missed) < MAX_RETRY_FRAMES:
            missed.append(frame)
    if retries and not found:
        for frame in missed:
            found.extend(_decoded(_retry(frame.image), frame.page))
    return _distinct(found)


def _retry(image: Image.Image) -> list[_Hit]:
    """The retries in order of cost until one reads something (see desk_app.scan.retries for the order)."""
    for retry in RETRIES:
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


def _is_pdf(path: Path) -> bool:
    try:
        with path.open("rb") as file:
            head = file.read(1024)
    except FileNotFoundError as error:
        raise DecodeError(f"cannot read {path}: no such file") from error
    except IsADirectoryError as error:
        raise DecodeError(f"cannot read {path}: a folder, not a file") from error
    except OSError as error:
        raise DecodeError(f"cannot read {path}: {error.strerror or error}") from error
    return b"%PDF-" in head


@contextmanager
def _reading(path: Path) -> Iterator[None]:
    """Pillow's failures as DecodeError naming the file; an image too large for a scan is refused, not a warning.

    The warning filter is process-wide: a file opened on another thread at the same moment may see it too (at worst a
    too-large image is refused there as well). The camera path never comes here.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            yield
        except (Image.DecompressionBombWarning, Image.DecompressionBombError) as error:
            raise DecodeError(f"cannot read {path}: too large for a scan of a printout; scan at 200-300 dpi") from error
        except UnidentifiedImageError as error:
            raise DecodeError(f"cannot read {path}: not an image (PNG, JPEG, TIFF) or a PDF") from error
        except (OSError, SyntaxError, ValueError, EOFError) as error:
            raise DecodeError(f"cannot read {path}: the image is damaged ({error})") from error


def _image_frames(path: Path) -> Iterator[_Frame]:
    """Every frame of an image file as grey, one at a time (a multi-page TIFF numbers its pages)."""
    with _reading(path):
        image = Image.open(path)
    try:
        count = getattr(image, "n_frames", 1)
        for index in range(count):
            with _reading(path):
                image.seek(index)
                if image.format == "JPEG":
                    image.draft("L", image.size)  # libjpeg decodes straight to grey: several times faster
                grey = to_grey(image)
            yield _Frame(index + 1 if count > 1 else None, grey)
    finally:
        image.close()


def _pdf_pages(path: Path, dpi: int) -> Iterator[_Frame]:
    """Every page of a PDF rendered grey at ``dpi``, one at a time."""
    with _PDFIUM:
        try:
            document = pypdfium2.PdfDocument(path)
        except pypdfium2.PdfiumError as error:
            raise DecodeError(f"cannot read {path}: not a readable PDF ({error})") from error
        count = len(document)
    try:
        for index in range(count):
            with _PDFIUM:
                image = _render(document, index, dpi)
            yield _Frame(index + 1, image)
    finally:
        with _PDFIUM:
            document.close()


def _render(document: pypdfium2.PdfDocument, index: int, dpi: int) -> Image.Image:
    page = document[index]
    try:
        width, height = page.get_size()  # in points
        scale = dpi / 72
        scale *= min(1.0, math.sqrt(MAX_RENDER_PIXELS / max(1.0, width * height * scale * scale)))
        bitmap = page.render(scale=scale, grayscale=True)
        try:
            # A copy: the bitmap's memory belongs to pdfium and goes when it is closed.
            return to_grey(bitmap.to_pil())
        finally:
            bitmap.close()
    finally:
        page.close()
