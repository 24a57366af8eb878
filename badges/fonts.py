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
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from badges.data import BadgeError, clean_text
from badges.runs import Run, runs_width, split_runs, undrawable_in
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


_BOLD = frozenset({Face.BOLD, Face.CONDENSED_BOLD})


def runs(text: str, face: Face) -> tuple[Run, ...]:
    """``text`` split into runs of one font each, as the badge draws it in ``face``.

    Characters no font prints correctly (see ``undrawable``) stay in ``face``, where they show as boxes; the
    desk is expected to have refused them before.
    """
    register_fonts()
    if _plain(text):  # nearly every name: one run, no character looked up in the fallback fonts
        return (Run(text, face.value),)
    return split_runs(text, face.value, face in _BOLD)


@cache
def _plain_characters() -> frozenset[str]:
    """Characters every face of DejaVu draws on its own, in any context: no shaping, no combining mark. Nearly all
    names are made of them only, and then need no run splitting (an import checks 200,000 of them)."""
    register_fonts()
    drawn = frozenset.intersection(*(frozenset(pdfmetrics.getFont(f.value).face.charToGlyph) for f in Face))
    return frozenset(c for c in map(chr, drawn) if not needs_shaping(c) and not is_mark(c))


def _plain(text: str) -> bool:
    return set(text) <= _plain_characters()


def undrawable(text: str) -> list[str]:
    """The characters of ``text`` that would not print correctly on a badge, each once, in order of appearance.

    ``text`` is taken as the badge prints it (NFC, white space folded). A character counts when no available
    font has a glyph for it in every face a badge may use (emoji mostly; CJK when no fallback font is
    installed), and always when it needs shaping or right-to-left order (Arabic, Hebrew, Indic scripts, Thai,
    emoji sequences; see ``badges.scripts``). An empty list means the text prints as written.
    """
    text = clean_text(text)
    if _plain(text):
        return []
    return undrawable_in(text, [(face.value, face in _BOLD) for face in Face])


def fallback_fonts(text: str) -> list[str]:
    """The fallback fonts (their registered names, ``Fallback-…``) a badge draws ``text`` in, besides DejaVu."""
    text = clean_text(text)
    if _plain(text):
        return []
    return list(dict.fromkeys(run.font for run in runs(text, Face.REGULAR) if run.font != Face.REGULAR))


def text_width(text: str, face: Face, size: float) -> float:
    """Advance width of ``text`` in points, measured run by run in the fonts that draw it."""
    return runs_width(runs(text, face), size)
