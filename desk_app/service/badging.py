"""From the desk's domain to what a badge prints: Application, Badge and EventConfig onto ``badges.BadgeData``.

The badge package knows nothing of applications or the event file; this adapter is the one place that decides
which words go on a badge, in English and French, so the layouts stay free of domain logic.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from badges import BadgeData
from desk_app.core.event import EventConfig
from desk_app.core.model import Application, Badge, Category
from desk_app.errors import DeskError

# The pool card is not a badge kind of the event file (it rides on a badge): one fixed colour that no kind uses.
POOL_CARD_COLOUR = "#FFC72C"
POOL_LABEL_EN = "POOL POSITION"
POOL_LABEL_FR = "POSITION POOL"
CATEGORY_LABELS = {
    Category.WRITER: "Writer · Rédacteur",
    Category.PHOTOGRAPHER: "Photographer · Photographe",
    Category.CAMERA: "Camera · Caméra",
    Category.RADIO: "Radio",
    Category.TECHNICIAN: "Technician · Technicien",
}
_MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_MONTHS_FR = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]


def _day(day: date, french: bool) -> str:
    if french:
        return f"{'1er' if day.day == 1 else day.day} {_MONTHS_FR[day.month - 1]}"
    return f"{day.day} {_MONTHS_EN[day.month - 1]}"


def validity_text(first: date, last: date, french: bool = False) -> str:
    """'14–15 February 2024' / '14–15 février 2024'; a whole calendar year is 'Valid 2024' / 'Valable 2024'."""
    if first == date(first.year, 1, 1) and last == date(first.year, 12, 31):
        return f"{'Valable' if french else 'Valid'} {first.year}"
    if first == last:
        return f"{_day(first, french)} {first.year}"
    if (first.year, first.month) == (last.year, last.month):
        start = "1er" if french and first.day == 1 else str(first.day)
        return f"{start}–{_day(last, french)} {last.year}"
    if first.year == last.year:
        return f"{_day(first, french)} – {_day(last, french)} {last.year}"
    return f"{_day(first, french)} {first.year} – {_day(last, french)} {last.year}"


def badge_data(application: Application, badge: Badge, event: EventConfig, photo_bytes: bytes | None) -> BadgeData:
    """What the badge handed over as ``badge`` prints; pool position holders get the POOL mark on it."""
    kind = event.badge_kinds[badge.kind]
    issued = event.local(badge.issued_at)
    return BadgeData(
        serial=badge.serial,
        kind=badge.kind.value,
        label_en=kind.label,
        label_fr=kind.label_fr,
        colour=kind.colour,
        event_name_en=event.name,
        event_name_fr=event.name_fr,
        family_name=application.family_name,
        given_names=application.given_names,
        organisation=application.organisation,
        category=CATEGORY_LABELS[application.category],
        validity_en=validity_text(kind.valid_from, kind.valid_until),
        validity_fr=validity_text(kind.valid_from, kind.valid_until, french=True),
        pool=application.pool,
        photo=photo_bytes,
        issued_at=f"Issued · Émis {issued:%d.%m.%Y %H:%M}",
    )


def pool_card_data(application: Application, badge: Badge, event: EventConfig, photo_bytes: bytes | None) -> BadgeData:
    """The separate pool card of a pool position holder.

    It carries its badge's serial, so a scan at security finds the badge and voiding the badge voids the card.
    """
    if not application.pool:
        raise DeskError(f"{application.reference} holds no pool position: there is no pool card to print")
    data = badge_data(application, badge, event, photo_bytes)
    return replace(data, kind="pool", label_en=POOL_LABEL_EN, label_fr=POOL_LABEL_FR, colour=POOL_CARD_COLOUR)
