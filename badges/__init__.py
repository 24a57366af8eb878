"""Badge layouts and rendering, independent of ``desk_app``: it takes its own small BadgeData.

``render_badge`` gives one badge as a one-page vector PDF, ``render_batch`` many badges as one PDF,
``page_size`` the page in points, ``undrawable`` the characters of a text that would not print correctly, and
``fallback_fonts`` the system fonts it would be printed in besides the shipped DejaVu.
Templates (``badges.layout``) place every element in millimetres, as data.
"""

from badges.data import BadgeData, BadgeError, BoxCover
from badges.fonts import fallback_fonts, undrawable
from badges.render import page_size, render_badge, render_batch

__all__ = [
    "BadgeData",
    "BadgeError",
    "BoxCover",
    "fallback_fonts",
    "page_size",
    "render_badge",
    "render_batch",
    "undrawable",
]
