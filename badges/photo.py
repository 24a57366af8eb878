"""The applicant's photo, made ready for a badge frame: upright, cropped to the frame, 300 dpi, JPEG.

Applicants send anything from a 360 x 450 scan to a 12-megapixel phone picture. Embedding it as sent would
make a 1,000-badge batch hundreds of megabytes and slow every print; 300 dpi of the frame is all a card printer
can show. A small photo is never blown up: the PDF scales it and the printer smooths it.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache

from PIL import Image, ImageOps, UnidentifiedImageError

from badges.data import BadgeError

DPI = 300
JPEG_QUALITY = 85


@dataclass(frozen=True)
class PreparedPhoto:
    jpeg: bytes
    width: int
    height: int


def frame_pixels(width_mm: float, height_mm: float) -> tuple[int, int]:
    """The frame's size in pixels at 300 dpi."""
    return round(width_mm / 25.4 * DPI), round(height_mm / 25.4 * DPI)


def _centre_crop(image: Image.Image, aspect: float) -> Image.Image:
    """The largest centred part of ``image`` with width / height = ``aspect``."""
    width, height = image.size
    if width / height > aspect:
        new_width = round(height * aspect)
        left = (width - new_width) // 2
        return image.crop((left, 0, left + new_width, height))
    new_height = round(width / aspect)
    top = (height - new_height) // 2
    return image.crop((0, top, width, top + new_height))


@lru_cache(maxsize=64)
def prepare_photo(photo: bytes, width_mm: float, height_mm: float) -> PreparedPhoto:
    """Crop ``photo`` to the frame's proportion, centred, and scale it down to 300 dpi of the frame.

    Cached: a batch or a reprint renders the same photo into the same frame more than once.
    """
    target = frame_pixels(width_mm, height_mm)
    try:
        with Image.open(io.BytesIO(photo)) as opened:
            if opened.format == "JPEG":
                # Decode a big JPEG at a reduced scale (much faster); square, as EXIF may yet turn it a quarter.
                opened.draft("RGB", (max(target), max(target)))
            image = ImageOps.exif_transpose(opened)
            if image.mode in ("RGBA", "LA", "P"):
                rgba = image.convert("RGBA")
                image = Image.new("RGB", rgba.size, (255, 255, 255))
                image.paste(rgba, mask=rgba.getchannel("A"))
            else:
                image = image.convert("RGB")
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise BadgeError(f"the applicant's photo cannot be read as an image ({exc})") from exc
    image = _centre_crop(image, width_mm / height_mm)
    if image.width > target[0]:
        image = image.resize(target, Image.Resampling.BICUBIC)
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=JPEG_QUALITY)
    return PreparedPhoto(out.getvalue(), image.width, image.height)
