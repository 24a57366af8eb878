"""Opening the files a scan arrives in, as an attacker may have made them: the pages of images and PDFs, bounded.

Only regular files are opened: a FIFO called ``scan.pdf`` would block the open (and the desk) for ever, and a device or
a socket is no scan. Only the first :data:`MAX_PAGES` pages or frames are read, and an image too large for a scan of a
printout is refused before its pixels are decoded. The decoder's time budget is enforced by the caller between pages.
"""

from __future__ import annotations

import time
import warnings
from collections.abc import Generator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from PIL import Image, UnidentifiedImageError

from desk_app import files
from desk_app.core.text import printable
from desk_app.errors import DeskError
from desk_app.files import NotAFile
from desk_app.scan import pdf_worker

# A confirmation printout has one or two pages; a few more leave room for a cover sheet from a scanner.
MAX_PAGES = 4
# A poster-sized PDF page is rendered smaller rather than filling the memory; an image with more pixels than this is
# refused before it is decoded (an A4 page at 600 dpi has 35 million).
MAX_RENDER_PIXELS = 40_000_000
# How far past the decoder's budget one PDF page may go before its helper process is stopped: a printout's page
# renders in a fraction of a second, a hostile one (forms nested to draw millions of shapes) in minutes.
PAGE_GRACE_S = 3.0


class DecodeError(DeskError):
    """The file is missing, is not a regular file, is not an image or a PDF, is too large, or is damaged."""


@dataclass(frozen=True)
class Frame:
    """One grey image to scan: a whole image, a TIFF frame or a rendered PDF page (1-based; None for a lone image)."""

    page: int | None
    image: Image.Image


@dataclass
class Pages:
    """How many pages a file has, filled in by the frame readers as they find out.

    ``count`` is None while unknown: an image's frames are not counted beyond the ones read, since counting walks the
    whole file. ``more`` says the file has pages beyond :data:`MAX_PAGES` that were not read.
    """

    count: int | None = None
    more: bool = False
    timed_out: bool = False  # a PDF page overran the time left and its helper was stopped


@contextmanager
def open_regular(path: Path) -> Iterator[BinaryIO]:
    """``path`` opened for reading if it is a regular file (see ``desk_app.files``).

    Raises:
        DecodeError: the file is missing, unreadable, or not a regular file.
    """
    try:
        file = files.open_regular(path)
    except NotAFile as error:
        message = f"cannot read {_named(path)}: {error.kind}, not a regular file; only image and PDF files are read"
        raise DecodeError(message) from error
    except OSError as error:
        raise _unreadable(path, error) from error
    with file:
        yield file


def _named(path: Path) -> str:
    """The path for a message: a file name may hold a line break or a right-to-left override, shown escaped."""
    return printable(str(path))


def _unreadable(path: Path, error: OSError) -> DecodeError:
    if isinstance(error, FileNotFoundError):
        return DecodeError(f"cannot read {_named(path)}: no such file")
    return DecodeError(f"cannot read {_named(path)}: {error.strerror or error}")


def is_pdf(file: BinaryIO, path: Path) -> bool:
    """Whether the file starts like a PDF (within its first KiB, as PDF readers allow); the file is rewound."""
    try:
        head = file.read(1024)
        file.seek(0)
    except OSError as error:
        raise _unreadable(path, error) from error
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
            raise _too_large(path) from error
        except UnidentifiedImageError as error:
            raise DecodeError(f"cannot read {_named(path)}: not an image (PNG, JPEG, TIFF) or a PDF") from error
        except (OSError, SyntaxError, ValueError, EOFError) as error:
            raise DecodeError(f"cannot read {_named(path)}: the image is damaged ({error})") from error


def _too_large(path: Path) -> DecodeError:
    return DecodeError(f"cannot read {_named(path)}: too large for a scan of a printout; scan at 200-300 dpi")


def image_frames(file: BinaryIO, path: Path, pages: Pages) -> Generator[Frame, None, None]:
    """The first :data:`MAX_PAGES` frames of an image file as grey, one at a time (a multi-page TIFF numbers them)."""
    with _reading(path):
        image = Image.open(file)
    try:
        with _reading(path):
            several = bool(getattr(image, "is_animated", False))  # looks one frame ahead only
        for index in range(MAX_PAGES + 1):
            with _reading(path):
                try:
                    image.seek(index)
                except EOFError:
                    pages.count = index
                    return
                if index == MAX_PAGES:
                    pages.more = True
                    return
                if image.width * image.height > MAX_RENDER_PIXELS:
                    raise _too_large(path)
                if image.format == "JPEG":
                    image.draft("L", image.size)  # libjpeg decodes straight to grey: several times faster
                grey = to_grey(image)
            yield Frame(index + 1 if several else None, grey)
    finally:
        image.close()


def pdf_pages(path: Path, dpi: int, pages: Pages, deadline: float) -> Generator[Frame, None, None]:
    """The first :data:`MAX_PAGES` pages of a PDF rendered grey at ``dpi``, one at a time, by the helper process
    (``pdf_worker``). A page may run past ``deadline`` (``time.monotonic``) by ``PAGE_GRACE_S`` at most (the decoder
    checks its budget between pages); then the helper is stopped, and the pages end."""

    def time_left() -> float:
        return max(deadline - time.monotonic(), PAGE_GRACE_S)

    page: int | None = None
    try:
        pages.count = pdf_worker.page_count(path, time_left())
        pages.more = pages.count > MAX_PAGES
        for page in range(1, min(pages.count, MAX_PAGES) + 1):
            rendered = pdf_worker.render(path, page - 1, dpi, MAX_RENDER_PIXELS, time_left())
            yield Frame(page, Image.frombytes("L", (rendered.width, rendered.height), rendered.pixels))
    except pdf_worker.WorkerTimedOut:
        pages.timed_out = True  # the caller's budget is spent
    except pdf_worker.WorkerFailed as error:
        where = "" if page is None else f" page {page}:"
        raise DecodeError(f"cannot read {_named(path)}:{where} not a readable PDF ({error})") from error
    finally:
        pdf_worker.close(path)


def to_grey(image: Image.Image) -> Image.Image:
    """A new 8-bit grey copy: transparency over white paper, 16-bit scans scaled down rather than clipped to white."""
    if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
        paper = Image.new("RGBA", image.size, (255, 255, 255, 255))
        paper.alpha_composite(image.convert("RGBA"))
        return paper.convert("L")
    if image.mode.startswith("I"):
        return image.convert("I").point(lambda level: level * (1 / 256)).convert("L")
    return image.convert("L")
