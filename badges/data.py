"""What a badge says, in the badge package's own terms.

The renderer never sees the desk's domain: the desk maps its application and badge onto ``BadgeData``
(``desk_app/badging.py``), so the layouts can be tried, tested and benchmarked without a database.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

KINDS = ("ministerial", "annual", "pool")
_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")
_SPACES = re.compile(r"\s+")


class BadgeError(ValueError):
    """A badge cannot be drawn from this data; the message says why in words a person understands."""


def rgb_of(colour: str) -> tuple[float, float, float]:
    """``#RRGGBB`` as reportlab fractions."""
    red, green, blue = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return red, green, blue


def clean_text(value: str) -> str:
    """NFC-normalised, trimmed, white space folded: what is printed and what the PDF's text layer gives back."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", value)).strip()


@dataclass(frozen=True)
class BadgeData:
    """Everything printed on one badge or pool card.

    ``kind`` picks the template ('ministerial', 'annual' or 'pool'); the labels and ``colour`` come from the
    event configuration, so another meeting needs no code change. ``photo`` is the applicant's JPEG or PNG as
    stored; the renderer crops and scales it.
    """

    serial: str
    kind: str
    label_en: str
    label_fr: str
    colour: str
    event_name_en: str
    event_name_fr: str
    family_name: str
    given_names: str
    organisation: str
    category: str
    validity_en: str
    validity_fr: str = ""
    pool: bool = False
    photo: bytes | None = None
    issued_at: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise BadgeError(f"unknown badge kind {self.kind!r}: expected one of {', '.join(KINDS)}")
        if not _COLOUR.fullmatch(self.colour):
            raise BadgeError(f"badge colour {self.colour!r} is not of the form #RRGGBB")
        if not clean_text(self.serial):
            raise BadgeError("a badge needs a serial number: it is what the security scanners read")
        if not self.serial.isascii() or not self.serial.isprintable():
            raise BadgeError(f"badge serial {self.serial!r} must be printable ASCII to fit a Code 128")
        if not clean_text(self.family_name) and not clean_text(self.given_names):
            raise BadgeError(f"badge {self.serial} has no name to print")

    @property
    def rgb(self) -> tuple[float, float, float]:
        """The kind's colour as reportlab fractions."""
        return rgb_of(self.colour)


@dataclass(frozen=True)
class BoxCover:
    """The sheet on top of a box of cards printed in advance: which box, which cards, which names, so a clerk
    finds a card by name when the desk cannot say where it is."""

    box: int
    kind: str
    label_en: str
    label_fr: str
    colour: str
    event_name_en: str
    cards: int
    first_slot: int
    last_slot: int
    first_serial: str
    last_serial: str
    first_name: str
    last_name: str

    def __post_init__(self) -> None:
        if not _COLOUR.fullmatch(self.colour):
            raise BadgeError(f"box colour {self.colour!r} is not of the form #RRGGBB")

    @property
    def rgb(self) -> tuple[float, float, float]:
        return rgb_of(self.colour)
