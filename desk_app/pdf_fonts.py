"""The fonts every PDF of the desk uses: DejaVu Sans, shipped in resources/fonts with its licence.

It covers Latin with diacritics, Greek and Cyrillic, so names print as the applicant wrote them; reportlab's
built-in Helvetica would print them as empty boxes. Chinese, Japanese and Korean come from the badges' fallback
fonts found on the system (``badges.fallback``): text from people's data must go through ``markup`` (Paragraphs)
or ``draw_string`` (canvas), which draw each run of it in a font that has its glyphs.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from xml.sax.saxutils import escape, quoteattr

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont
from reportlab.pdfgen.canvas import Canvas

from badges.fallback import fallbacks
from badges.runs import Run, runs_width, split_runs, undrawable_in
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

    def is_bold(self, font: str) -> bool:
        return font in (self.bold, self.condensed_bold)


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
    fallbacks()
    return PdfFonts()


def runs(text: str, font: str) -> tuple[Run, ...]:
    """``text`` in runs of one font each: ``font`` (one of ``PdfFonts``) where it has the glyph, else a fallback."""
    fonts = pdf_fonts()
    return split_runs(text, font, fonts.is_bold(font))


def markup(text: str, font: str) -> str:
    """``text`` escaped for a reportlab Paragraph in ``font``, runs ``font`` lacks wrapped in a fallback font.

    A bold Paragraph's CJK comes out regular: Paragraphs cannot stroke a run the way the badges fake bold.
    """
    parts = []
    for run in runs(text, font):
        body = escape(run.text)
        parts.append(body if run.font == font else f"<font name={quoteattr(run.font)}>{body}</font>")
    return "".join(parts)


def string_width(text: str, font: str, size: float) -> float:
    """Advance width of ``text`` in points as ``draw_string`` draws it."""
    return runs_width(runs(text, font), size)


def draw_string(canvas: Canvas, x: float, y: float, text: str, font: str, size: float) -> float:
    """Draw ``text`` from ``x`` on the baseline ``y``, each run in a font that has its glyphs; returns its width."""
    start = x
    for run in runs(text, font):
        canvas.setFont(run.font, size)
        canvas.drawString(x, y, run.text)
        x += pdfmetrics.stringWidth(run.text, run.font, size)
    canvas.setFont(font, size)
    return x - start


def undrawable(text: str) -> list[str]:
    """The characters of ``text`` that would not print correctly in the desk's PDFs (see ``badges.fonts``)."""
    fonts = pdf_fonts()
    faces = (fonts.regular, fonts.bold, fonts.condensed, fonts.condensed_bold)
    return undrawable_in(text, [(face, fonts.is_bold(face)) for face in faces])
