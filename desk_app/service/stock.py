"""Cards printed the night before: reserving and printing them in boxes, voiding them, closing the stock.

A pre-print reserves one serial per approved applicant who has no badge and never had a card, sorted for boxing
(``core.collation``), boxes of ``box_size`` cards after the last box. Each box is one print job after its cover
sheet; a box whose job does not complete stays RESERVED (unprinted) and the next pre-print prints it again, under
the same serials and slots. Every reservation, print and void is logged with the card's state (the audit).
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from badges import BadgeData, BoxCover, render_batch
from desk_app.core.clock import Clock, from_utc_text, to_utc_text
from desk_app.core.collation import collation_key
from desk_app.core.event import EventConfig
from desk_app.core.model import AccreditationKind, Action, Application, Badge, Card, CardState, Status
from desk_app.core.rules import printed_details
from desk_app.core.state import state_detail
from desk_app.core.text import printable
from desk_app.errors import DeskError, InputError, StaffError, StoreError
from desk_app.files import open_regular
from desk_app.printing.base import JobState, Printer, PrintError
from desk_app.reports.daily import atomic_output
from desk_app.reports.stock import Closure, StockReport, stock_report
from desk_app.service.access import Access
from desk_app.service.audit import STOCK_CLOSED_KEY, card_state, meta_state
from desk_app.service.issuing import BadgeDrawer
from desk_app.service.journal import Journal, Station
from desk_app.store import Store

Progress = Callable[[int, int], None]
BOX_SIZE = 50  # cards per box: one handful, found by name in seconds
MAX_BOX_SIZE = 500
CARD_PRINT_TIMEOUT_S = 60.0  # a card printer makes one card in 15-25 s: a box's job may wait this long per card
PDF_CLAIM_PER_CARD_S = 1.0  # drawing a card takes about 12 ms: a PDF run holds its cards this long per card at most
CLAIM_MARGIN = timedelta(minutes=5)
DESTROYED_UNCLAIMED = "destroyed unclaimed"
NEVER_PRINTED = "never printed"
SERVED_AT_THE_DESK = "not printed: served at the desk"
PRINTED_AFTER_SERVED = "served at the desk while its box printed: destroy it"


@dataclass(frozen=True)
class BoxPrint:
    """How one box's print job ended."""

    kind: AccreditationKind
    box: int
    serials: tuple[str, ...]
    printed: bool
    message: str
    destroy: tuple[str, ...] = ()  # printed, but voided meanwhile (the holder served at a desk): to be destroyed


@dataclass(frozen=True)
class Skipped:
    """A reference the pre-print was asked for but reserved no card for, and why."""

    reference: str
    why: str


@dataclass(frozen=True)
class PreprintReport:
    kind: AccreditationKind
    reserved: tuple[Card, ...]  # reserved by this run
    boxes: tuple[BoxPrint, ...]  # every box printed (or tried) by this run, earlier unprinted cards included
    skipped: tuple[Skipped, ...]
    voided: tuple[Card, ...]  # unprinted cards no longer owed (the holder served at the desk, or not approved)
    elsewhere: tuple[tuple[str, datetime], ...] = ()  # unprinted cards another pre-print is printing (until when)

    @property
    def printed(self) -> list[str]:
        return [serial for box in self.boxes if box.printed for serial in box.serials]

    @property
    def unprinted(self) -> list[str]:
        return [serial for box in self.boxes if not box.printed for serial in box.serials]


MAX_REFERENCES_BYTES = 8 * 1024 * 1024
MAX_REFERENCE = 64  # a reference is a dozen characters; anything longer is not one


def read_references(path: Path) -> list[str]:
    """The references a supervisor listed for a pre-print: one per line, or the first column of a CSV; blank
    lines, ``#`` comments and a ``reference`` header skipped."""
    try:
        with open_regular(path) as stream:
            data = stream.read(MAX_REFERENCES_BYTES + 1)
        if len(data) > MAX_REFERENCES_BYTES:
            raise InputError(f"{printable(path.name)} is larger than a list of references can be (8 MB)")
        text = data.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the references in {printable(str(path))}: {exc}") from exc
    cells = (line.split(",")[0].strip().strip('"').strip() for line in text.splitlines())
    return [cell for cell in cells if cell and not cell.startswith("#") and cell.casefold() != "reference"]


def void_card(
    store: Store, journal: Journal, card: Card, reason: str, at: datetime, by: str, station: Station | None
) -> Card:
    """Void a card still waiting (in its box, or never printed) and log it with its state, in the caller's
    transaction; ``by``: the supervisor, or the clerk who served its holder at the desk."""
    if not store.cards.void(card.serial, at, reason):
        raise StoreError(f"card {card.serial} is not waiting in a box")
    detail = {"serial": card.serial, "kind": card.kind.value, "reason": reason, "box": str(card.box)}
    detail |= {"slot": str(card.slot), "by": by} | state_detail(card_state(store, card.serial))
    journal.record(Action.CARD_VOIDED, station, staff=by, reference=card.reference, detail=detail, at=at)
    voided = store.cards.get(card.serial)
    assert voided is not None
    return voided


def _check_new_file(out: Path) -> None:
    """A pre-print's PDF goes to a new file in an existing folder: replacing an earlier run's PDF would lose cards
    recorded as printed, and a device or pipe is no place for them."""
    if out.exists() or out.is_symlink():
        raise InputError(f"{printable(str(out))} exists: name a new file (the cards in it may not be printed yet)")
    if not out.parent.is_dir():
        raise InputError(f"there is no folder {printable(str(out.parent))} to write the cards in")


def _failure(exc: Exception) -> str:
    return str(exc) if isinstance(exc, (PrintError, DeskError)) else f"{type(exc).__name__}: {exc}"


def box_text(card: Card) -> str:
    """The small type on a card printed in advance: where it stands (its issue time is not known yet)."""
    return f"Box/Boîte {card.box} · Slot/Case {card.slot}"


class StockDesk:
    """The stock of cards printed in advance, for one desk service."""

    def __init__(
        self, store: Store, event: EventConfig, clock: Clock, journal: Journal, access: Access, drawer: BadgeDrawer
    ) -> None:
        self._store = store
        self._event = event
        self._clock = clock
        self._journal = journal
        self._access = access
        self._drawer = drawer

    # --- pre-print --------------------------------------------------------------------------------------------

    def preprint(
        self,
        kind: AccreditationKind,
        supervisor: str,
        pin: str,
        output: Printer | Path,
        size: str = "card",
        references: Sequence[str] | None = None,
        box_size: int = BOX_SIZE,
        progress: Progress | None = None,
        timeout_per_card_s: float = CARD_PRINT_TIMEOUT_S,
    ) -> PreprintReport:
        """Reserve, render and print cards of ``kind`` (see the module); ``output`` is a printer (a job per box)
        or one PDF file (written whole, every box in it)."""
        if not 1 <= box_size <= MAX_BOX_SIZE:
            raise InputError(f"a box holds 1 to {MAX_BOX_SIZE} cards, not {box_size}")
        if isinstance(output, Path):
            _check_new_file(output)
        login = self._access.authorise_supervisor(supervisor, pin, f"pre-print {kind.value} cards").login
        with self._store.transaction():
            self._refuse_when_closed()
            voided = self._void_unowed(kind, login)
            chosen, skipped = self._choose(kind, references)
            reserved = self._reserve(kind, chosen, login, box_size)
        run, now = uuid.uuid4().hex, self._clock.now()
        with self._store.transaction():
            pending = self._store.cards.all(kind, CardState.RESERVED)
            per_card = PDF_CLAIM_PER_CARD_S if isinstance(output, Path) else timeout_per_card_s
            until = now + CLAIM_MARGIN + timedelta(seconds=per_card * len(pending))
            claimed = self._store.cards.claim(kind, run, now, until)
            elsewhere = self._store.cards.claimed_elsewhere(kind, run, now)
        boxes = [list(cards) for _, cards in itertools.groupby(claimed, key=lambda c: c.box)]
        if isinstance(output, Path):
            printed = self._write_pdf(output, boxes, size, login, run, progress)
        else:
            printed = self._print_boxes(output, boxes, size, login, run, progress, timeout_per_card_s)
        return PreprintReport(kind, tuple(reserved), tuple(printed), tuple(skipped), tuple(voided), tuple(elsewhere))

    def _void_unowed(self, kind: AccreditationKind, by: str) -> list[Card]:
        """Unprinted cards whose holder is served already or no longer approved: never printed now."""
        voided = []
        for card in self._store.cards.all(kind, CardState.RESERVED):
            application = self._store.applications.get(card.reference)
            if self._store.badges.active_for(card.reference) is not None:
                reason = SERVED_AT_THE_DESK
            elif application is None or application.status is not Status.APPROVED:
                reason = f"not printed: application {application.status.value if application else 'removed'}"
            elif application.kind is not card.kind:
                reason = f"not printed: the accreditation is {application.kind.value} now"
            else:
                continue
            voided.append(self.void(card, reason, by, None))
        return voided

    def _choose(
        self, kind: AccreditationKind, references: Sequence[str] | None
    ) -> tuple[list[Application], list[Skipped]]:
        """Who gets a card: everyone owed one, or those of ``references`` who are (the others skipped, with why)."""
        owed = self._store.applications.without_card(kind)
        if references is None:
            return owed, []
        by_reference = {a.reference: a for a in owed}
        chosen, skipped = [], []
        for reference in dict.fromkeys(r.strip().upper() for r in references if r.strip()):
            if len(reference) > MAX_REFERENCE:
                skipped.append(Skipped(printable(reference[:MAX_REFERENCE]) + "…", "not a reference (too long)"))
            elif reference in by_reference:
                chosen.append(by_reference[reference])
            else:
                skipped.append(Skipped(reference, self._why_not(kind, reference)))
        return chosen, skipped

    def _why_not(self, kind: AccreditationKind, reference: str) -> str:
        application = self._store.applications.get(reference)
        if application is None:
            return "not in the list"
        if application.kind is not kind:
            return f"{'an annual' if application.kind is AccreditationKind.ANNUAL else 'a ministerial'} application"
        if application.status is not Status.APPROVED:
            return f"application {application.status.value}"
        if (badge := self._store.badges.active_for(reference)) is not None:
            return f"holds badge {badge.serial} already"
        cards = self._store.cards.of(reference)
        if not cards:
            return "not owed a card"
        card = cards[-1]
        if card.state is CardState.RESERVED:
            return f"card {card.serial} was reserved by an earlier run; it prints with the unprinted boxes"
        return f"had card {card.serial} ({card.state.value.replace('_', ' ')})"

    def _reserve(self, kind: AccreditationKind, chosen: list[Application], by: str, box_size: int) -> list[Card]:
        ordered = sorted(chosen, key=lambda a: collation_key(a.family_name, a.given_names, a.reference))
        serials = self._store.badges.next_serials(kind, len(ordered))
        first_box = self._store.cards.last_box(kind) + 1
        now = self._clock.now()
        cards = [
            Card(serial, a.reference, kind, first_box + i // box_size, i % box_size + 1, CardState.RESERVED, now)
            for i, (serial, a) in enumerate(zip(serials, ordered, strict=True))
        ]
        self._store.cards.reserve(cards, by)
        for card in cards:
            self._log(Action.CARD_RESERVED, card, by, {"box": str(card.box), "slot": str(card.slot)}, at=now)
        return cards

    def _render(
        self, boxes: list[list[Card]], size: str, details: dict[str, str], progress: Progress | None, done: int = 0
    ) -> bytes:
        """The boxes' PDF, each after its cover sheet; ``details`` gets what each card printed of its holder."""
        total = sum(len(b) for b in boxes)
        pages: list[BadgeData | BoxCover] = []
        for cards in boxes:
            pages.append(self._cover(cards))
            for card in cards:
                application = self._store.applications.get(card.reference)
                if application is None:
                    raise StoreError(f"card {card.serial} names {card.reference}, which is not in the list")
                details[card.serial] = printed_details(application)
                data = self._drawer.data_for(application, _as_badge(card))
                pages.append(dataclasses.replace(data, issued_at=box_text(card)))
                done += 1
                if progress is not None:
                    progress(done, total)
        return render_batch(pages, size)

    def _cover(self, cards: list[Card]) -> BoxCover:
        kind = self._event.badge_kinds[cards[0].kind]
        first = self._store.applications.get(cards[0].reference)
        last = self._store.applications.get(cards[-1].reference)
        return BoxCover(
            box=cards[0].box,
            kind=cards[0].kind.value,
            label_en=kind.label,
            label_fr=kind.label_fr,
            colour=kind.colour,
            event_name_en=self._event.name,
            cards=len(cards),
            first_slot=cards[0].slot,
            last_slot=cards[-1].slot,
            first_serial=cards[0].serial,
            last_serial=cards[-1].serial,
            first_name=first.display_name if first else cards[0].reference,
            last_name=last.display_name if last else cards[-1].reference,
        )

    def _write_pdf(
        self, out: Path, boxes: list[list[Card]], size: str, by: str, run: str, progress: Progress | None
    ) -> list[BoxPrint]:
        if not boxes:
            return []
        details: dict[str, str] = {}
        try:
            pdf = self._render(boxes, size, details, progress)
            with atomic_output(out) as part:
                part.write_bytes(pdf)
        except Exception as exc:  # a drawing or disk failure: every box stays unprinted, and says why
            return [self._unprinted(cards, by, run, _failure(exc)) for cards in boxes]
        return [self._printed(cards, by, f"written to {out}", details) for cards in boxes]

    def _print_boxes(
        self,
        printer: Printer,
        boxes: list[list[Card]],
        size: str,
        by: str,
        run: str,
        progress: Progress | None,
        timeout_per_card_s: float,
    ) -> list[BoxPrint]:
        """A job per box; after a box that did not print, the rest are not tried (a stopped printer would make
        each wait its whole timeout) and stay unprinted for the next run."""
        results: list[BoxPrint] = []
        done = 0
        for cards in boxes:
            if results and not results[-1].printed:
                failed = results[-1]
                results.append(self._unprinted(cards, by, run, f"not tried: box {failed.box} did not print"))
                continue
            title = f"{cards[0].kind.value} box {cards[0].box}"
            details: dict[str, str] = {}
            try:
                job = printer.submit(self._render([cards], size, details, progress, done), title=title)
                outcome = printer.wait(job, timeout_per_card_s * len(cards))
                message, completed = outcome.message, outcome.state is JobState.COMPLETED
            except Exception as exc:  # the printer refused the job, or a card could not be drawn
                message, completed = _failure(exc), False
            done += len(cards)
            results.append(
                self._printed(cards, by, message, details) if completed else self._unprinted(cards, by, run, message)
            )
        return results

    def _printed(self, cards: list[Card], by: str, message: str, details: dict[str, str]) -> BoxPrint:
        """The box came out of the printer: its cards are in their box, but for any voided since the reservation
        (the holder served at a desk meanwhile), which exists now and must be destroyed: logged and counted."""
        destroy = []
        with self._store.transaction():
            now = self._clock.now()
            for card in cards:
                detail = {"box": str(card.box), "slot": str(card.slot)}
                if self._store.cards.printed(card.serial, now, details[card.serial]):
                    self._log(Action.CARD_PRINTED, card, by, detail, at=now)
                    continue
                voided = self._store.cards.get(card.serial)
                earlier = voided.void_reason if voided else ""
                reason = (
                    PRINTED_AFTER_SERVED
                    if earlier == SERVED_AT_THE_DESK
                    else f"voided while its box printed ({earlier}): destroy it"
                )
                if self._store.cards.printed_after_void(card.serial, now, reason):
                    self._log(Action.CARD_PRINTED, card, by, detail | {"destroy": "yes"}, at=now)
                    destroy.append(card.serial)
        serials = tuple(c.serial for c in cards)
        return BoxPrint(cards[0].kind, cards[0].box, serials, True, message, tuple(destroy))

    def _unprinted(self, cards: list[Card], by: str, run: str, message: str) -> BoxPrint:
        with self._store.transaction():
            self._store.cards.release([c.serial for c in cards], run)
            for card in cards:
                self._log(Action.CARD_PRINT_FAILED, card, by, {"message": message[:300]}, changed=False)
        return BoxPrint(cards[0].kind, cards[0].box, tuple(c.serial for c in cards), False, message)

    # --- cards that go wrong, and the close ---------------------------------------------------------------

    def void_card(self, station: Station, supervisor: str, pin: str, serial: str, reason: str) -> Card:
        """A supervisor voids a card that never reached its holder (lost, damaged); the holder is then served with
        a badge printed at the desk."""
        login = self._access.authorise_supervisor(supervisor, pin, reason, station).login
        self._access.staff_at(station)
        with self._store.transaction():
            card = self._store.cards.get(serial)
            if card is None or not card.waiting:
                raise StoreError(f"no card {serial!r} waiting in a box")
            return self.void(card, reason, login, station)

    def void(self, card: Card, reason: str, by: str, station: Station | None) -> Card:
        """Void ``card`` and log it, inside the caller's transaction."""
        return void_card(self._store, self._journal, card, reason, self._clock.now(), by, station)

    def close(self, supervisor: str, pin: str) -> StockReport:
        """The end of the event: every card still waiting is destroyed, and the stock is signed off."""
        login = self._access.authorise_supervisor(supervisor, pin, "close the stock of pre-printed cards").login
        self._refuse_when_closed()
        now = self._clock.now()
        if now < self._event.issuing_closes:
            closes = self._event.local(self._event.issuing_closes)
            raise StaffError(
                f"the stock is closed at the end of the event, once badges are no longer issued ({closes:%d %b %H:%M}):"
                " its cards may still be claimed until then"
            )
        with self._store.transaction():
            for card in self._store.cards.all():
                if card.waiting:
                    reason = DESTROYED_UNCLAIMED if card.state is CardState.PREPRINTED else NEVER_PRINTED
                    self.void(card, reason, login, None)
            self._store.meta.put(STOCK_CLOSED_KEY, json.dumps({"by": login, "at": to_utc_text(now)}))
            counts = stock_report(self._store, now).total()
            detail = {
                "reserved": str(counts.reserved),
                "handed_over": str(counts.handed_over),
                "voided": str(counts.voided),
                **state_detail(meta_state(self._store, STOCK_CLOSED_KEY)),
            }
            self._journal.record(Action.STOCK_CLOSED, staff=login, detail=detail, at=now)
        return self.report(None)

    def closure(self) -> Closure | None:
        value = self._store.meta.get(STOCK_CLOSED_KEY)
        if value is None:
            return None
        closed = json.loads(value)
        member = self._store.staff.get(closed["by"])
        return Closure(closed["by"], member.full_name if member else "", from_utc_text(closed["at"]))

    def report(self, day: date | None) -> StockReport:
        """The stock now, or as at the end of ``day`` (event time)."""
        day_end = self._event.day_bounds(day)[1] if day is not None else None
        closure = self.closure()
        if closure is not None and day_end is not None and closure.at >= day_end:
            closure = None
        return stock_report(self._store, self._clock.now(), day_end, closure)

    def _refuse_when_closed(self) -> None:
        if (closed := self.closure()) is not None:
            at = self._event.local(closed.at)
            raise StaffError(f"the stock of pre-printed cards was closed by {closed.by} on {at:%d %b %Y at %H:%M}")

    def _log(
        self,
        action: Action,
        card: Card,
        by: str,
        detail: dict[str, str],
        *,
        station: Station | None = None,
        at: datetime | None = None,
        changed: bool = True,
    ) -> None:
        states = state_detail(card_state(self._store, card.serial)) if changed else {}
        self._journal.record(
            action,
            station,
            staff=by,
            reference=card.reference,
            detail={"serial": card.serial, "kind": card.kind.value, **detail, **states},
            at=at,
        )


def _as_badge(card: Card) -> Badge:
    """The card as the badge it will become, to draw it (who it is for; the issue time is not known yet)."""
    return Badge(card.serial, card.reference, card.kind, card.reserved_at, "", "", "")
