"""Badge geometry as data: every element is a box in millimetres from the top-left corner of the page.

As in pretix's badge layouts, a template is a list of positioned elements, not drawing code: changing where
the photo goes is an edit of numbers here, and a test can check every template for overlaps and margins.

Both sizes are portrait. A badge hangs from a lanyard or a clip at its top edge and security staff read it
top to bottom at a glance: the colour band and kind first, then the face to compare, then the name. Portrait
also gives the photo its ID-photo proportion at a size that can be compared with a face. The card's narrower
width is paid for by the condensed bold face and the shrink-then-wrap name fitting. The top of the card's band
carries colour only, so a lanyard slot punched through it cuts no text.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from badges.data import BadgeError
from badges.fonts import Face

MM = 72 / 25.4  # points per millimetre
SIZES: dict[str, tuple[float, float]] = {"card": (53.98, 85.60), "a6": (105.0, 148.0)}  # ID-1 and A6, portrait


@dataclass(frozen=True)
class Box:
    """A rectangle in millimetres; ``x``, ``y`` is its top-left corner."""

    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    def overlaps(self, other: Box) -> bool:
        """True when the two boxes share some area (touching edges do not count)."""
        eps = 1e-6
        return (
            self.x < other.right - eps
            and other.x < self.right - eps
            and self.y < other.bottom - eps
            and other.y < self.bottom - eps
        )


class Field(enum.StrEnum):
    """The text a Text element prints, taken from BadgeData."""

    LABEL_EN = "label_en"
    LABEL_FR = "label_fr"
    EVENT_EN = "event_name_en"
    EVENT_FR = "event_name_fr"
    FAMILY_NAME = "family_name"
    GIVEN_NAMES = "given_names"
    ORGANISATION = "organisation"
    CATEGORY = "category"
    VALIDITY = "validity"
    SERIAL = "serial"
    ISSUED_AT = "issued_at"


class Align(enum.StrEnum):
    LEFT = "left"
    CENTRE = "centre"
    RIGHT = "right"


@dataclass(frozen=True)
class Text:
    """Text that shrinks from ``max_size`` (points) to ``min_size``, then wraps to ``max_lines``, inside ``box``."""

    field: Field
    box: Box
    face: Face
    max_size: float
    min_size: float
    max_lines: int = 1
    align: Align = Align.CENTRE
    on_band: bool = False


@dataclass(frozen=True)
class Band:
    """A block of the kind's colour; text on it is drawn black or white, whichever contrasts more."""

    box: Box


@dataclass(frozen=True)
class Photo:
    """The applicant's photo, cropped to the box's proportion and embedded at 300 dpi of its size."""

    box: Box


@dataclass(frozen=True)
class QrCode:
    """The serial as a QR code, centred in the (square) box with its four-module quiet zone inside the box."""

    box: Box


@dataclass(frozen=True)
class Barcode:
    """The serial as Code 128 bars filling the box's height, ten-module quiet zones inside the box."""

    box: Box
    max_module_mm: float = 0.51


@dataclass(frozen=True)
class PoolMark:
    """'POOL' in white on black, drawn only for pool position holders."""

    box: Box
    size: float


Element = Band | Text | Photo | QrCode | Barcode | PoolMark


@dataclass(frozen=True)
class Template:
    name: str
    width: float
    height: float
    elements: tuple[Element, ...]


# --- ID-1 card, 53.98 x 85.60 mm portrait; content 3 mm from the sides ---------------------------------------
_CW = 53.98 - 6
_CARD_TOP = (
    Band(Box(0, 0, 53.98, 15.0)),
    Text(Field.LABEL_EN, Box(3, 6.4, _CW, 5.0), Face.CONDENSED_BOLD, 15, 7, on_band=True),
    Text(Field.LABEL_FR, Box(3, 11.3, _CW, 3.4), Face.CONDENSED, 10, 5, on_band=True),
    Text(Field.EVENT_EN, Box(3, 15.8, _CW, 2.6), Face.CONDENSED, 6.5, 4),
    Text(Field.EVENT_FR, Box(3, 18.4, _CW, 2.6), Face.CONDENSED, 6.5, 4),
    Photo(Box(3, 21.8, 22.0, 28.3)),
)
_CARD_BOTTOM = (
    Text(Field.FAMILY_NAME, Box(3, 50.8, _CW, 10.4), Face.CONDENSED_BOLD, 20, 12, max_lines=2),
    Text(Field.GIVEN_NAMES, Box(3, 61.3, _CW, 4.6), Face.CONDENSED, 12, 6),
    Text(Field.ORGANISATION, Box(3, 66.2, _CW, 3.2), Face.CONDENSED, 8.5, 5),
    Text(Field.CATEGORY, Box(3, 69.4, _CW, 2.8), Face.CONDENSED, 7.5, 5),
    Text(Field.VALIDITY, Box(3, 72.2, _CW, 2.9), Face.CONDENSED_BOLD, 7.5, 5),
    Barcode(Box(3, 75.6, _CW, 5.6)),
    Text(Field.SERIAL, Box(3, 81.3, _CW, 2.8), Face.CONDENSED_BOLD, 8, 5),
)
CARD_BADGE = Template(
    "card",
    53.98,
    85.60,
    (
        *_CARD_TOP,
        QrCode(Box(29.0, 21.8, 20.0, 20.0)),
        Text(Field.ISSUED_AT, Box(27.0, 42.0, 23.98, 2.4), Face.CONDENSED, 5.5, 4),
        PoolMark(Box(27.0, 44.8, 23.98, 5.3), 11),
        *_CARD_BOTTOM,
    ),
)
CARD_POOL = Template(
    "card-pool",
    53.98,
    85.60,
    (
        *_CARD_TOP,
        PoolMark(Box(27.0, 21.8, 23.98, 8.0), 18),
        QrCode(Box(29.5, 31.1, 19.0, 19.0)),
        *_CARD_BOTTOM,
    ),
)

# --- A6 paper badge, 105 x 148 mm portrait, for a holder; content 7 mm from the sides -------------------------
_AW = 105.0 - 14
_A6_TOP = (
    Band(Box(0, 0, 105.0, 22.0)),
    Text(Field.LABEL_EN, Box(7, 3.0, _AW, 11.0), Face.CONDENSED_BOLD, 34, 12, on_band=True),
    Text(Field.LABEL_FR, Box(7, 14.0, _AW, 6.5), Face.CONDENSED, 20, 8, on_band=True),
    Text(Field.EVENT_EN, Box(7, 23.5, _AW, 4.5), Face.CONDENSED, 11, 6),
    Text(Field.EVENT_FR, Box(7, 28.0, _AW, 4.5), Face.CONDENSED, 11, 6),
    Photo(Box(7, 35.0, 40.0, 51.4)),
)
_A6_BOTTOM = (
    Text(Field.FAMILY_NAME, Box(7, 89.0, _AW, 17.0), Face.CONDENSED_BOLD, 36, 20, max_lines=2),
    Text(Field.GIVEN_NAMES, Box(7, 106.5, _AW, 7.0), Face.CONDENSED, 20, 10),
    Text(Field.ORGANISATION, Box(7, 114.3, _AW, 5.0), Face.CONDENSED, 13, 7),
    Text(Field.CATEGORY, Box(7, 119.3, _AW, 4.5), Face.CONDENSED, 11, 7),
    Text(Field.VALIDITY, Box(7, 123.8, _AW, 4.5), Face.CONDENSED_BOLD, 11, 7),
    Barcode(Box(7, 130.0, _AW, 9.0)),
    Text(Field.SERIAL, Box(7, 139.2, _AW, 4.6), Face.CONDENSED_BOLD, 13, 7),
)
A6_BADGE = Template(
    "a6",
    105.0,
    148.0,
    (
        *_A6_TOP,
        QrCode(Box(56.5, 35.0, 36.0, 36.0)),
        Text(Field.ISSUED_AT, Box(51.0, 72.0, 47.0, 4.0), Face.CONDENSED, 9, 6),
        PoolMark(Box(51.0, 77.4, 47.0, 9.0), 22),
        *_A6_BOTTOM,
    ),
)
A6_POOL = Template(
    "a6-pool",
    105.0,
    148.0,
    (
        *_A6_TOP,
        PoolMark(Box(51.0, 35.0, 47.0, 14.0), 34),
        QrCode(Box(57.5, 51.4, 34.0, 34.0)),
        *_A6_BOTTOM,
    ),
)

TEMPLATES: dict[tuple[str, str], Template] = {
    ("ministerial", "card"): CARD_BADGE,
    ("annual", "card"): CARD_BADGE,
    ("pool", "card"): CARD_POOL,
    ("ministerial", "a6"): A6_BADGE,
    ("annual", "a6"): A6_BADGE,
    ("pool", "a6"): A6_POOL,
}


def page_size_mm(size: str) -> tuple[float, float]:
    try:
        return SIZES[size]
    except KeyError:
        raise BadgeError(f"unknown badge size {size!r}: expected one of {', '.join(SIZES)}") from None


def template_for(kind: str, size: str) -> Template:
    page_size_mm(size)
    try:
        return TEMPLATES[(kind, size)]
    except KeyError:
        raise BadgeError(f"no {size} template for badge kind {kind!r}") from None
