"""The badge fonts: DejaVu Sans, shipped in resources/fonts/ with its licence, registered once per process.

DejaVu covers Latin with diacritics, Greek and Cyrillic, so every name prints as the applicant wrote it; the
condensed cuts let long family names stay large on a 54 mm wide card. The fonts come from the data package
``desk_resources`` (the repository's resources/ folder), not through desk_app, so the badge package stands alone.
"""

from __future__ import annotations

import enum
import importlib.resources
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from badges.data import BadgeError

FONT_FOLDER = Path(str(importlib.resources.files("desk_resources"))) / "fonts"
# Vertical extent of DejaVu's glyphs, accents on capitals and descenders included, per unit of font size
# (its hhea ascender and descender): what a line needs so that two lines never touch.
ASCENT = 0.93
DESCENT = 0.24


class Face(enum.StrEnum):
    """A font as a template names it; the value is the reportlab name it is registered under."""

    REGULAR = "Badge-DejaVuSans"
    BOLD = "Badge-DejaVuSans-Bold"
    CONDENSED = "Badge-DejaVuSansCondensed"
    CONDENSED_BOLD = "Badge-DejaVuSansCondensed-Bold"


_FILES = {
    Face.REGULAR: "DejaVuSans.ttf",
    Face.BOLD: "DejaVuSans-Bold.ttf",
    Face.CONDENSED: "DejaVuSansCondensed.ttf",
    Face.CONDENSED_BOLD: "DejaVuSansCondensed-Bold.ttf",
}


@cache
def register_fonts() -> None:
    """Register the four faces with reportlab; later calls are free."""
    for face, file_name in _FILES.items():
        path = FONT_FOLDER / file_name
        try:
            pdfmetrics.registerFont(TTFont(face.value, str(path)))
        except (OSError, TTFError) as exc:
            raise BadgeError(f"the badge font {path} is missing or damaged: reinstall desk-app") from exc


def text_width(text: str, face: Face, size: float) -> float:
    """Advance width of ``text`` in points."""
    register_fonts()
    return float(pdfmetrics.stringWidth(text, face.value, size))
