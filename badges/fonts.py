"""The badge fonts: DejaVu Sans, shipped in resources/fonts/ with its licence, registered once per process.

DejaVu covers Latin with diacritics, Greek and Cyrillic, so every name prints as the applicant wrote it; the
condensed cuts let long family names stay large on a 54 mm wide card. The fonts come from the data package
``desk_resources`` (the repository's resources/ folder), not through desk_app, so the badge package stands alone.

Text is drawn in runs: each character in DejaVu when it has the glyph, else in the first fallback font that has
it (``badges.fallback``: CJK fonts found on the system). ``undrawable`` names what no font can print correctly,
so the desk can refuse a name before its badge comes out with empty boxes.
"""

from __future__ import annotations

import enum
import importlib.resources
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from badges.data import BadgeError, clean_text
from badges.fallback import Fallback, fallbacks
from badges.scripts import is_mark, needs_shaping

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


@dataclass(frozen=True)
class Run:
    """Consecutive characters drawn in one font; ``fake_bold`` asks for a stroked outline (no bold cut exists)."""

    text: str
    font: str
    fake_bold: bool = False


_BOLD = frozenset({Face.BOLD, Face.CONDENSED_BOLD})


@cache
def _cmap(face: Face) -> frozenset[int]:
    register_fonts()
    font = pdfmetrics.getFont(face.value)
    return frozenset(font.face.charToGlyph)


def _fallback_run(fallback: Fallback, face: Face) -> Run:
    if face in _BOLD:
        if fallback.bold is not None:
            return Run("", fallback.bold.name)
        return Run("", fallback.regular.name, fake_bold=True)
    return Run("", fallback.regular.name)


def _font_for(char: str, face: Face, previous: Run | None) -> Run | None:
    """The (empty) run ``char`` belongs to, or None when no font prints it correctly."""
    if needs_shaping(char):
        return None
    if previous is not None and (is_mark(char) or char == " "):
        # A mark sits on the letter before it, so it must come from the same font; a space joins runs.
        if _draws(previous, char, face):
            return previous
        if is_mark(char):
            return None
    if ord(char) in _cmap(face):
        return Run("", face.value)
    for fallback in fallbacks():
        font = fallback.bold if face in _BOLD and fallback.bold is not None else fallback.regular
        if font.draws(char):
            return _fallback_run(fallback, face)
    return None


def _draws(run: Run, char: str, face: Face) -> bool:
    if run.font == face.value:
        return ord(char) in _cmap(face)
    return any(f.draws(char) for fb in fallbacks() for f in (fb.regular, fb.bold) if f and f.name == run.font)


def runs(text: str, face: Face) -> tuple[Run, ...]:
    """``text`` split into runs of one font each, as the badge draws it.

    Characters no font prints correctly (see ``undrawable``) stay in ``face``, where they show as boxes; the
    desk is expected to have refused them before.
    """
    result: list[Run] = []
    for char in text:
        previous = result[-1] if result else None
        run = _font_for(char, face, previous) or Run("", face.value)
        if previous is not None and (previous.font, previous.fake_bold) == (run.font, run.fake_bold):
            result[-1] = Run(previous.text + char, run.font, run.fake_bold)
        else:
            result.append(Run(char, run.font, run.fake_bold))
    return tuple(result)


def undrawable(text: str) -> list[str]:
    """The characters of ``text`` that would not print correctly on a badge, each once, in order of appearance.

    ``text`` is taken as the badge prints it (NFC, white space folded). A character counts when no available
    font has a glyph for it in every face a badge may use (emoji mostly; CJK when no fallback font is
    installed), and always when it needs shaping or right-to-left order (Arabic, Hebrew, Indic scripts, Thai,
    emoji sequences; see ``badges.scripts``). An empty list means the text prints as written.
    """
    missing: dict[str, None] = {}
    for face in Face:
        previous: Run | None = None
        for char in clean_text(text):
            run = _font_for(char, face, previous)
            if run is None:
                missing[char] = None
            previous = run
    return list(missing)


def text_width(text: str, face: Face, size: float) -> float:
    """Advance width of ``text`` in points, measured run by run in the fonts that draw it."""
    register_fonts()
    return float(sum(pdfmetrics.stringWidth(run.text, run.font, size) for run in runs(text, face)))
