"""Splitting text into runs of one font each: the primary font where it has the glyph, else a fallback font.

Works on fonts registered with reportlab by name, so the badges (``badges.fonts``) and the desk's other PDFs
(``desk_app.pdf_fonts``) split text the same way. A character no font prints correctly stays in the primary
font, where it shows as a box; ``undrawable_in`` names those characters beforehand.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from reportlab.pdfbase import pdfmetrics

from badges.fallback import fallbacks
from badges.scripts import is_mark, needs_shaping


@dataclass(frozen=True)
class Run:
    """Consecutive characters drawn in one font; ``fake_bold`` asks for a stroked outline (no bold cut exists)."""

    text: str
    font: str
    fake_bold: bool = False


@cache
def _cmap(font: str) -> frozenset[int]:
    """The characters a registered font has glyphs for."""
    return frozenset(pdfmetrics.getFont(font).face.charToGlyph)


def _draws(font: str, char: str) -> bool:
    for fallback in fallbacks():
        for loaded in (fallback.regular, fallback.bold):
            if loaded is not None and loaded.name == font:
                return loaded.draws(char)
    return ord(char) in _cmap(font)


def _font_for(char: str, primary: str, bold: bool, previous: Run | None) -> Run | None:
    """The (empty) run ``char`` belongs to, or None when no font prints it correctly."""
    if needs_shaping(char):
        return None
    if previous is not None and (is_mark(char) or char == " "):
        # A mark sits on the letter before it, so it must come from the same font; a space joins runs.
        if _draws(previous.font, char):
            return Run("", previous.font, previous.fake_bold)
        if is_mark(char):
            return None
    if ord(char) in _cmap(primary):
        return Run("", primary)
    for fallback in fallbacks():
        if bold and fallback.bold is not None and fallback.bold.draws(char):
            return Run("", fallback.bold.name)
        if fallback.regular.draws(char):
            return Run("", fallback.regular.name, fake_bold=bold)
    return None


def split_runs(text: str, primary: str, bold: bool = False) -> tuple[Run, ...]:
    """``text`` in runs of one font each; ``primary`` is a registered font, ``bold`` whether it is a bold cut."""
    result: list[Run] = []
    for char in text:
        previous = result[-1] if result else None
        run = _font_for(char, primary, bold, previous) or Run("", primary)
        if previous is not None and (previous.font, previous.fake_bold) == (run.font, run.fake_bold):
            result[-1] = Run(previous.text + char, run.font, run.fake_bold)
        else:
            result.append(Run(char, run.font, run.fake_bold))
    return tuple(result)


def undrawable_in(text: str, fonts: Iterable[tuple[str, bool]]) -> list[str]:
    """The characters of ``text`` that some of ``fonts`` (name, bold), with the fallbacks, cannot print correctly.

    Each character once, in order of first appearance.
    """
    missing: dict[str, None] = {}
    for primary, bold in fonts:
        previous: Run | None = None
        for char in text:
            run = _font_for(char, primary, bold, previous)
            if run is None:
                missing[char] = None
            previous = run
    return list(missing)


def runs_width(runs: Iterable[Run], size: float) -> float:
    """Advance width of the runs in points."""
    return float(sum(pdfmetrics.stringWidth(run.text, run.font, size) for run in runs))
