"""Badge layouts and rendering, independent of ``desk_app``: it takes its own small BadgeData.

``render_badge`` gives one badge as a one-page vector PDF, ``render_batch`` many badges as one PDF,
``page_size`` the page in points, and ``undrawable`` the characters of a text that would not print correctly.
Templates (``badges.layout``) place every element in millimetres, as data.
"""

from badges.data import BadgeData, BadgeError
from badges.fonts import undrawable
from badges.render import page_size, render_badge, render_batch

__all__ = ["BadgeData", "BadgeError", "page_size", "render_badge", "render_batch", "undrawable"]
