"""Placeholder portraits for fictional applicants.

A flat head-and-shoulders silhouette on a plain light background: it reads as an ID photo at a glance, so
the desk's photo panel and the badges can be tried, and it can never be mistaken for a real face. Each
portrait is derived from the reference alone, so the same demo list always gives the same files.
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

from PIL import Image, ImageDraw

DEFAULT_SIZE = (360, 450)  # 35 x 45 mm at about 260 dpi, the ICAO passport-photo proportion
JPEG_QUALITY = 85
_SUPERSAMPLE = 2  # drawn larger, then scaled down: smooth edges without a slow anti-aliasing pass

# Light, even backgrounds as passport-photo rules ask for: off-white, pale grey, pale blue.
_BACKGROUNDS = (
    (236, 238, 240),
    (228, 232, 236),
    (240, 237, 230),
    (222, 230, 238),
    (232, 236, 230),
    (238, 234, 238),
)
_SILHOUETTES = ((104, 112, 122), (92, 98, 110), (118, 110, 104), (96, 108, 112), (84, 90, 96))


def _traits(reference: str) -> bytes:
    return hashlib.blake2b(reference.encode("utf-8"), digest_size=8).digest()


def _jitter(byte: int, low: float, high: float) -> float:
    """Map one hash byte onto [low, high]."""
    return low + (high - low) * byte / 255


def draw_portrait(reference: str, size: tuple[int, int] = DEFAULT_SIZE) -> Image.Image:
    """The portrait for ``reference`` as an RGB image of ``size`` pixels."""
    t = _traits(reference)
    width, height = size[0] * _SUPERSAMPLE, size[1] * _SUPERSAMPLE
    image = Image.new("RGB", (width, height), _BACKGROUNDS[t[0] % len(_BACKGROUNDS)])
    draw = ImageDraw.Draw(image)
    tone = _SILHOUETTES[t[1] % len(_SILHOUETTES)]

    centre = width / 2 + _jitter(t[2], -0.02, 0.02) * width
    head_w = _jitter(t[3], 0.33, 0.39) * width
    head_h = head_w * _jitter(t[4], 1.22, 1.34)
    head_top = _jitter(t[5], 0.13, 0.18) * height
    head_bottom = head_top + head_h
    shoulder_top = head_bottom - 0.005 * height
    shoulder_half = _jitter(t[6], 0.42, 0.46) * width

    # Shoulders: a wide, low ellipse for the rounded top, a rectangle below it down past the frame.
    shoulder_depth = _jitter(t[7], 0.13, 0.17) * height
    left, right = centre - shoulder_half, centre + shoulder_half
    draw.ellipse((left, shoulder_top, right, shoulder_top + 2 * shoulder_depth), fill=tone)
    draw.rectangle((left, shoulder_top + shoulder_depth, right, height), fill=tone)
    neck_half = head_w * 0.22
    neck_top = head_bottom - 0.2 * head_h
    draw.rectangle((centre - neck_half, neck_top, centre + neck_half, shoulder_top + 0.05 * height), fill=tone)
    draw.ellipse((centre - head_w / 2, head_top, centre + head_w / 2, head_bottom), fill=tone)
    return image.resize(size, Image.Resampling.BILINEAR)


def portrait_jpeg(reference: str, size: tuple[int, int] = DEFAULT_SIZE) -> bytes:
    """The portrait for ``reference`` as JPEG bytes, ready for the photo folder or the store."""
    buffer = io.BytesIO()
    draw_portrait(reference, size).save(buffer, "JPEG", quality=JPEG_QUALITY)
    return buffer.getvalue()


def write_portrait(path: Path, reference: str, size: tuple[int, int] = DEFAULT_SIZE) -> None:
    path.write_bytes(portrait_jpeg(reference, size))
