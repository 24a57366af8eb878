"""Fitting text into a box: shrink first, then wrap to two lines, and never overflow.

A family name is the largest thing on the badge, and names run from 'Li' to sixty characters. The rule is
the one pretix's badge renderer follows: keep one line while it can stay at a readable size, wrap when it
cannot, and shrink further rather than let a glyph leave its box.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from badges.fonts import ASCENT, DESCENT, Face, text_width

LINE_HEIGHT = ASCENT + DESCENT  # per unit of font size
_STEP = 0.1  # sizes are rounded down to a tenth of a point, so the same text always gets the same size
_SAFETY = 0.99  # advance widths ignore a glyph's side bearings; keep a hair of room for them


@dataclass(frozen=True)
class FittedText:
    size: float
    lines: tuple[str, ...]


def _round_down(size: float) -> float:
    return math.floor(size / _STEP + 1e-9) * _STEP


def _largest_size(lines: tuple[str, ...], face: Face, width: float, height: float, max_size: float) -> float:
    """The largest size at which every line fits ``width`` and all lines fit ``height``."""
    widest = max(text_width(line, face, 1.0) for line in lines)
    by_width = width * _SAFETY / widest if widest > 0 else max_size
    by_height = height / (len(lines) * LINE_HEIGHT)
    return _round_down(min(max_size, by_width, by_height))


def split_points(text: str) -> list[int]:
    """Where a line may break: at spaces, after hyphens, else (one unbroken word) between any two characters."""
    points = [i for i, c in enumerate(text) if c == " "]
    points += [i + 1 for i, c in enumerate(text[:-1]) if c in "-‐" and text[i + 1] != " "]
    return sorted(points) or list(range(1, len(text)))


def _two_lines(text: str, face: Face) -> tuple[str, str]:
    """The break that makes the longer of the two lines as short as possible."""
    best: tuple[float, str, str] | None = None
    for point in split_points(text):
        first, second = text[:point].rstrip(), text[point:].lstrip()
        if not first or not second:
            continue
        widest = max(text_width(first, face, 1.0), text_width(second, face, 1.0))
        if best is None or widest < best[0]:
            best = (widest, first, second)
    return (best[1], best[2]) if best else (text, "")


def fit_text(
    text: str, face: Face, width: float, height: float, max_size: float, min_size: float, max_lines: int = 1
) -> FittedText:
    """Size and lines for ``text`` in a box of ``width`` x ``height`` points.

    One line at the largest size up to ``max_size``; if that is under ``min_size`` and two lines are allowed,
    two lines when they come out larger; under ``min_size`` when nothing else fits.
    """
    if not text:
        return FittedText(min(max_size, _round_down(height / LINE_HEIGHT)), ())
    single = _largest_size((text,), face, width, height, max_size)
    if single >= min_size or max_lines < 2 or len(text) < 2:
        return FittedText(single, (text,))
    first, second = _two_lines(text, face)
    if not second:
        return FittedText(single, (text,))
    double = _largest_size((first, second), face, width, height, max_size)
    if double > single:
        return FittedText(double, (first, second))
    return FittedText(single, (text,))
