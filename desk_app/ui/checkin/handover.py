"""The hand-over of a card printed the night before, at the counter: who waits for which card, and what a card's
barcode does when it is scanned.

When the person's card was printed the night before (``CheckinResult.awaiting_card``), nothing is printed: the
banner says which box and slot to take it from, and the card's own barcode, scanned or typed, hands it over (the
same check-in or override again with the card's serial). A wrong card is refused (logged) and the right one can
still be scanned; a supervisor's authorisation is kept for that hand-over only, and dropped with it (Escape, the
next person, the desk locked). A card scanned out of turn only says whose it is.

``CardHandOver`` holds the hand-over and decides; ``CheckinView`` shows what it decided.
"""

from __future__ import annotations

import enum
import functools
from dataclasses import dataclass

from desk_app.core.model import Card, Reason
from desk_app.core.rules import CardStep
from desk_app.service import CheckinResult
from desk_app.ui.checkin.texts import fill, translate


class CardScan(enum.Enum):
    """What a card's barcode, scanned or typed, does."""

    HAND_OVER = "hand_over"  # the person on screen waits for a card: their check-in goes again with its serial
    WAIT = "wait"  # the desk is still deciding (a check-in, or a card scanned before): this scan is not used
    IDENTIFY = "identify"  # nobody waits for a card now: only whose it is and where it belongs is said


class CardAnswer(enum.Enum):
    """What the desk's answer to a check-in or override means for the hand-over."""

    AWAIT_CARD = "await_card"  # every check passed: the card is to be taken from its box and scanned
    WRONG_CARD = "wrong_card"  # the card scanned is not the person's: refused (logged), theirs can still be scanned
    HANDED_OVER = "handed_over"  # the person has their card


@dataclass(frozen=True)
class HandOver:
    """A person waiting for their card printed in advance: the card, and the check-in or override to send again
    with the serial scanned from it. An override's request holds the supervisor's PIN: it lives as long as this."""

    card: Card
    request: functools.partial[None]
    by_supervisor: bool


class CardHandOver:
    """The hand-over at one counter: the person waiting for their card, if anyone; the serial last scanned for it;
    the ticket of the last card scanned out of turn (only the answer about that one is shown)."""

    def __init__(self) -> None:
        self.pending: HandOver | None = None
        self.scanned = ""
        self.identify_ticket = 0

    @property
    def waiting(self) -> bool:
        """Someone on screen waits for their card: their evidence was accepted and is not to be changed."""
        return self.pending is not None

    @property
    def by_supervisor(self) -> bool:
        """The card awaited was accepted by a supervisor: that acceptance goes when the desk is locked."""
        return self.pending is not None and self.pending.by_supervisor

    def await_card(self, card: Card, request: functools.partial[None], *, by_supervisor: bool) -> None:
        """Every check passed with ``request`` (a check-in or override): ``card`` is to be scanned to hand it over."""
        self.pending = HandOver(card, request, by_supervisor)

    def drop(self) -> None:
        """Nobody waits for a card any more (handed over, the next person, Escape, the desk locked)."""
        self.pending = None

    def scan(self, serial: str, *, awaiting: bool, checking: bool) -> CardScan:
        """What a card scanned now does.

        Args:
            serial: the card's serial, from its barcode or typed.
            awaiting: the screen waits for the person's card.
            checking: the desk's answer to a check-in or override is still to come.
        """
        if checking:  # the desk's answer is to come: the card is scanned again once it is there
            return CardScan.WAIT
        if self.pending is None or not awaiting:
            self.identify_ticket += 1
            return CardScan.IDENTIFY
        self.scanned = serial
        return CardScan.HAND_OVER

    def request_with(self, serial: str) -> functools.partial[None]:
        """The check-in or override that passed, again with the card's serial: it hands the card over."""
        assert self.pending is not None
        return functools.partial(self.pending.request, card=serial)

    def answer(self, result: CheckinResult) -> CardAnswer | None:
        """What the desk's answer to the person on screen means for a card; None: it is no card's business."""
        if result.awaiting_card and result.card is not None:
            return CardAnswer.AWAIT_CARD
        if self.pending is not None and Reason.WRONG_CARD in result.verdict.reasons:
            return CardAnswer.WRONG_CARD
        if result.step is CardStep.HAND_OVER:
            return CardAnswer.HANDED_OVER
        return None

    def reminder(self) -> str | None:
        """The card awaited and where it is, for the status line (always there: the panels keep their room)."""
        if self.pending is None:
            return None
        card = self.pending.card
        return fill(
            translate("CheckinView", "Waiting for card %1 (box %2, slot %3): scan it to hand it over."),
            card.serial,
            str(card.box),
            str(card.slot),
        )
