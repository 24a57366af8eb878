"""The fonts every PDF of the desk uses: DejaVu Sans, shipped in resources/fonts with its licence.

It covers Latin with diacritics, Greek and Cyrillic, so names print as the applicant wrote them; reportlab's
built-in Helvetica would print them as empty boxes.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from desk_app.config import RESOURCES
from desk_app.errors import ConfigError

FONT_FOLDER = RESOURCES / "fonts"
_FILES = {
    "DejaVuSans": "DejaVuSans.ttf",
    "DejaVuSans-Bold": "DejaVuSans-Bold.ttf",
    "DejaVuSansCondensed": "DejaVuSansCondensed.ttf",
    "DejaVuSansCondensed-Bold": "DejaVuSansCondensed-Bold.ttf",
}


@dataclass(frozen=True)
class PdfFonts:
    regular: str = "DejaVuSans"
    bold: str = "DejaVuSans-Bold"
    condensed: str = "DejaVuSansCondensed"
    condensed_bold: str = "DejaVuSansCondensed-Bold"


@cache
def pdf_fonts() -> PdfFonts:
    """Register the shipped fonts with reportlab once per process."""
    for name, file_name in _FILES.items():
        try:
            pdfmetrics.registerFont(TTFont(name, str(FONT_FOLDER / file_name)))
        except (OSError, TTFError) as exc:
            raise ConfigError(f"the font {FONT_FOLDER / file_name} is missing or damaged: reinstall desk-app") from exc
    pdfmetrics.registerFontFamily("DejaVuSans", normal="DejaVuSans", bold="DejaVuSans-Bold")
    pdfmetrics.registerFontFamily("DejaVuSansCondensed", normal="DejaVuSansCondensed", bold="DejaVuSansCondensed-Bold")
    return PdfFonts()
