"""Cards printed the night before, at the counter: what a card's barcode looks like, and what a card scanned out of
turn is.

A card's Code 128 and QR code hold only its serial (``M-000123``, ``A-000042``). That shape is told apart before
anything else, because a serial also has the loose shape of a plain reference: taken as one, it would start a new
check-in and drop the person waiting for their card.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desk_app.core.event import EventConfig
from desk_app.core.model import Application, Badge, Card, CardState
from desk_app.core.rules import card_withheld
from desk_app.core.text import printable
from desk_app.ui.checkin.texts import fill, format_moment, translate

_SERIAL = re.compile(r"[MA]-\d{6}")
# What a serial misread or mistyped looks like (M-0000012, M-00001, M000001): never a reference of this event, whose
# references start with two letters (DM24-…, AN24-…). Taken as a reference it would turn the person away.
_SERIAL_LIKE = re.compile(r"\s*[MA]\s*[-‐–—]?\s*\d", re.IGNORECASE)


def looks_like_a_serial(text: str) -> bool:
    """Whether ``text`` has the shape of a card's serial, read or typed wrong (not a valid one)."""
    return card_serial(text) is None and _SERIAL_LIKE.match(text) is not None


def card_serial(text: str) -> str | None:
    """The serial ``text`` holds when it is a card's barcode (or a serial typed by hand), upper-cased; else None."""
    serial = text.strip().upper()
    return serial if serial.isascii() and _SERIAL.fullmatch(serial) else None


def not_a_serial_text(text: str) -> str:
    return fill(
        translate("Cards", "%1 is not a card's serial (M-000123): scan the card again. Nothing changed."),
        printable(text.strip()[:20]),
    )


@dataclass(frozen=True)
class CardLookup:
    """A card scanned when nobody on screen was waiting for one: what it is and whose.

    ``card`` is the pre-printed card with that serial, if any; else ``badge`` is a badge printed at a desk with it.
    ``holder`` is the application it belongs to.
    """

    serial: str
    card: Card | None
    badge: Badge | None
    holder: Application | None


def whereabouts_text(found: CardLookup, event: EventConfig) -> str:
    """Whose card it is and where it belongs, for the status line; nothing is handed over by a scan out of turn."""
    name = _holder(found)
    card = found.card
    if card is None and found.badge is not None:
        return fill(
            translate("Cards", "%1 is a badge printed at a desk for %2: there is no card to hand over."),
            found.serial,
            name,
        )
    if card is None:
        return fill(translate("Cards", "%1 is no card of this event's stock: give it to a supervisor."), found.serial)
    if card.state is CardState.HANDED_OVER and card.handed_over_at is not None:
        return fill(
            translate("Cards", "Card %1 of %2 was handed over on %3: nothing to do."),
            card.serial,
            name,
            format_moment(card.handed_over_at, event),
        )
    if card.state is CardState.VOIDED:
        return fill(
            translate("Cards", "Card %1 of %2 is void (%3): it must not be handed over; give it to a supervisor."),
            card.serial,
            name,
            printable(card.void_reason),
        )
    if card_withheld(card, found.holder) is not None:
        return fill(
            translate(
                "Cards",
                "Card %1 of %2 must NOT be handed over (the list changed since it was printed): give it to a "
                "supervisor.",
            ),
            card.serial,
            name,
        )
    return fill(
        translate(
            "Cards",
            "Card %1 belongs to %2; it goes in box %3, slot %4. Nothing was handed over: scan that person's "
            "printout first.",
        ),
        card.serial,
        name,
        str(card.box),
        str(card.slot),
    )


def _holder(found: CardLookup) -> str:
    reference = found.card.reference if found.card else found.badge.reference if found.badge else ""
    if found.holder is None:
        return reference
    return f"{printable(found.holder.display_name)} ({reference})"
