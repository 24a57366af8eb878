"""Cards printed the night before, on SQLite and PostgreSQL: reserved once, handed over only when scanned, every
card accounted for at the close, and never handed over twice when desks race for the same box."""

from __future__ import annotations

import threading
from datetime import timedelta
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from desk_app.core.model import (
    AccreditationKind,
    Action,
    Card,
    CardState,
    Outcome,
    PresentedDocument,
    PresentedPress,
    Reason,
    Status,
)
from desk_app.core.rules import Withheld
from desk_app.errors import StaffError, StoreError
from desk_app.service import CheckinResult, DeskService, PdfFolderPrinter, PreprintReport, PrintJob, Station
from desk_app.service.stock import DESTROYED_UNCLAIMED, PRINTED_AFTER_SERVED, SERVED_AT_THE_DESK
from desk_app.store import open_store
from tests.conftest import FIRST_MORNING, SUPERVISOR_PIN, FixedClock, make_application, store_of

MINISTERIAL = AccreditationKind.MINISTERIAL
G1 = Station("groups", "G1", "anna")
G2 = Station("groups", "G2", "anna")
DOC = PresentedDocument("C01X00T47")
PRESS = PresentedPress("DJV-48213")
# Listed out of order, in three scripts: the boxes hold them by family name, Latin order.
PEOPLE = [
    ("DM24-000001", "Zielinski", "Anna"),
    ("DM24-000002", "Шевченко", "Олена"),  # Shevchenko: under S
    ("DM24-000003", "Émond", "Luc"),  # under E, accents aside
    ("DM24-000004", "Παπαδοπούλου", "Ελένη"),  # Papadopoulou: under P
    ("DM24-000005", "van Dijk", "Sanne"),  # under V, as written
    ("DM24-000006", "Adler", "Jonas"),
    ("DM24-000007", "Adler", "Eva"),  # Adler, Eva before Adler, Jonas
]
BOXED = ["DM24-000007", "DM24-000006", "DM24-000003", "DM24-000004", "DM24-000002", "DM24-000005", "DM24-000001"]


@pytest.fixture
def night_before(desk: DeskService) -> DeskService:
    """The desk with the list imported, on the evening before the first day."""
    people = [make_application(reference=r, family_name=f, given_names=g) for r, f, g in PEOPLE]
    store_of(desk).applications.upsert_many(people, "2024-02-01T00:00:00.000000Z")
    assert isinstance(desk.clock, FixedClock)
    desk.clock.moment = FIRST_MORNING - timedelta(hours=12)
    return desk


def pdf_pages(path: Path) -> list[str]:
    """Each page's text layer."""
    return [page.get_textpage().get_text_range() for page in pdfium.PdfDocument(path)]


def preprint(desk: DeskService, out: Path, box_size: int = 3, **kwargs: object) -> list[Card]:
    report = desk.preprint(MINISTERIAL, "sam", SUPERVISOR_PIN, out, box_size=box_size, **kwargs)  # type: ignore[arg-type]
    assert not report.unprinted
    return list(report.reserved)


def morning(desk: DeskService) -> DeskService:
    assert isinstance(desk.clock, FixedClock)
    desk.clock.moment = FIRST_MORNING
    return desk


def test_preprint_boxes_by_family_name_and_never_reserves_twice(night_before: DeskService, tmp_path: Path) -> None:
    cards = preprint(night_before, tmp_path / "cards.pdf")
    assert [c.reference for c in cards] == BOXED
    assert [(c.box, c.slot) for c in cards] == [(1, 1), (1, 2), (1, 3), (2, 1), (2, 2), (2, 3), (3, 1)]
    assert [c.serial for c in cards] == [f"M-{n:06d}" for n in range(1, 8)]
    pages = pdf_pages(tmp_path / "cards.pdf")
    assert len(pages) == 3 + 7  # a cover sheet per box, then its cards
    cover, first = pages[0], pages[1]
    assert "BOX" in cover and "ADLER, Eva" in cover and "ÉMOND, Luc" in cover and "M-000001 – M-000003" in cover
    assert "Adler" in first and "Eva" in first and "Box/Boîte 1 · Slot/Case 1" in first
    store = store_of(night_before)
    assert all(c.state is CardState.PREPRINTED for c in store.cards.all())

    again = night_before.preprint(MINISTERIAL, "sam", SUPERVISOR_PIN, tmp_path / "again.pdf")
    assert again.reserved == () and again.boxes == ()
    assert not (tmp_path / "again.pdf").exists()
    store.applications.upsert_many([make_application(reference="DM24-000008", family_name="Abbott")], "x")
    late = preprint(night_before, tmp_path / "late.pdf")
    assert [(c.reference, c.serial, c.box, c.slot) for c in late] == [("DM24-000008", "M-000008", 4, 1)]
    assert len(store.cards.all()) == 8
    reserved = [e for e in store.log.for_reference("DM24-000001") if e.record.action is Action.CARD_RESERVED]
    assert len(reserved) == 1 and reserved[0].record.staff == "sam" and reserved[0].record.detail["box"] == "3"
    assert night_before.audit() == [] and night_before.verify_log().intact


def test_a_card_is_handed_over_only_when_its_own_barcode_is_scanned(night_before: DeskService, tmp_path: Path) -> None:
    cards = {c.reference: c for c in preprint(night_before, tmp_path / "cards.pdf")}
    desk, mine, other = morning(night_before), cards["DM24-000001"], cards["DM24-000006"]

    waiting = desk.check_in(G1, "DM24-000001", DOC, PRESS)
    assert waiting.verdict.outcome is Outcome.ISSUE and waiting.awaiting_card and waiting.badge is None
    assert waiting.card is not None and waiting.card.serial == mine.serial and (mine.box, mine.slot) == (3, 1)
    assert waiting.log_entry.record.action is Action.LOOKUP and waiting.log_entry.record.detail["card"] == mine.serial
    assert desk.active_badge("DM24-000001") is None

    wrong = desk.check_in(G1, "DM24-000001", DOC, PRESS, card=other.serial)
    assert wrong.verdict.outcome is Outcome.REFUSE and wrong.verdict.reasons == (Reason.WRONG_CARD,)
    assert wrong.badge is None and wrong.log_entry.record.detail["scanned_card"] == other.serial
    assert desk.card(other.serial).state is CardState.PREPRINTED  # type: ignore[union-attr]
    unknown = desk.check_in(G1, "DM24-000001", DOC, PRESS, card="M-999999")
    assert unknown.verdict.reasons == (Reason.WRONG_CARD,)

    handed = desk.check_in(G1, "DM24-000001", DOC, PRESS, card=mine.serial.lower())
    assert handed.verdict.outcome is Outcome.ISSUE and handed.badge is not None
    assert handed.badge.serial == mine.serial and handed.badge.desk == "G1"
    assert desk.card(mine.serial).state is CardState.HANDED_OVER  # type: ignore[union-attr]
    again = desk.check_in(G2, "DM24-000001", DOC, PRESS, card=mine.serial)
    assert again.verdict.reasons == (Reason.ALREADY_ISSUED,) and again.verdict.prior_badge is not None
    actions = [e.record.action for e in store_of(desk).log.for_reference("DM24-000001")]
    assert actions.count(Action.LOOKUP) == 1 and actions.count(Action.ISSUE) == 1
    assert desk.audit() == [] and desk.verify_log().intact


def test_the_other_rules_still_stand_before_the_card(night_before: DeskService, tmp_path: Path) -> None:
    cards = {c.reference: c for c in preprint(night_before, tmp_path / "cards.pdf")}
    desk, mine = morning(night_before), cards["DM24-000001"]
    at_visitors = desk.check_in(Station("visitors", "V1", "paul"), "DM24-000001", DOC, PRESS, card=mine.serial)
    assert at_visitors.verdict.outcome is Outcome.REDIRECT and at_visitors.badge is None
    mismatch = desk.check_in(G1, "DM24-000001", PresentedDocument("X0000000"), PRESS, card=mine.serial)
    assert mismatch.verdict.outcome is Outcome.NEEDS_SUPERVISOR and mismatch.badge is None
    # The supervisor accepts the document; the card still has to be scanned, and then it is handed over.
    old_passport = PresentedDocument("X0000000")
    accepted = desk.override(G1, "sam", SUPERVISOR_PIN, "old passport", "DM24-000001", old_passport, PRESS)
    assert accepted.awaiting_card and accepted.badge is None
    done = desk.override(
        G1, "sam", SUPERVISOR_PIN, "old passport", "DM24-000001", old_passport, PRESS, card=mine.serial
    )
    assert done.badge is not None and done.badge.serial == mine.serial
    assert done.log_entry.record.action is Action.OVERRIDE and done.log_entry.record.detail["supervisor"] == "sam"
    assert desk.badge_supervisor(done.badge) == "sam"
    assert desk.audit() == []


def test_revoked_after_printing_is_flagged_and_its_card_refused(night_before: DeskService, tmp_path: Path) -> None:
    cards = {c.reference: c for c in preprint(night_before, tmp_path / "cards.pdf")}
    store = store_of(night_before)
    revoked = make_application(
        reference="DM24-000005", family_name="van Dijk", given_names="Sanne", status=Status.REVOKED
    )
    store.applications.upsert_many([revoked], "x")
    desk, card = morning(night_before), cards["DM24-000005"]
    result = desk.check_in(G1, "DM24-000005", DOC, PRESS)
    assert result.verdict.reasons == (Reason.REVOKED,) and result.card_flagged
    assert result.card is not None and result.card.serial == card.serial
    scanned = desk.check_in(G1, "DM24-000005", DOC, PRESS, card=card.serial)
    assert scanned.verdict.outcome is Outcome.REFUSE and scanned.badge is None
    assert desk.card(card.serial).state is CardState.PREPRINTED  # type: ignore[union-attr]
    stock = desk.stock()
    assert [f.card.serial for f in stock.flagged] == [card.serial] and "revoked" in stock.flagged[0].why


def test_a_lost_card_is_voided_and_the_person_served_at_the_desk(night_before: DeskService, tmp_path: Path) -> None:
    cards = {c.reference: c for c in preprint(night_before, tmp_path / "cards.pdf")}
    desk, lost = morning(night_before), cards["DM24-000001"]
    with pytest.raises(StaffError):
        desk.void_card(G1, "sam", "000000", lost.serial, "lost")
    voided = desk.void_card(G1, "sam", SUPERVISOR_PIN, lost.serial, "lost in the boxes")
    assert voided.state is CardState.VOIDED and voided.void_reason == "lost in the boxes"
    with pytest.raises(StoreError):
        desk.void_card(G1, "sam", SUPERVISOR_PIN, lost.serial, "twice")
    refused = desk.check_in(G1, "DM24-000001", DOC, PRESS, card=lost.serial)  # found after all: still void
    assert refused.verdict.reasons == (Reason.CARD_WITHHELD,) and refused.badge is None
    served = desk.check_in(G1, "DM24-000001", DOC, PRESS, printing=True)
    assert served.badge is not None and served.badge.serial == "M-000008" and not served.awaiting_card
    row = next(r for r in desk.stock().boxes if r.box == lost.box)
    assert row.voided == 1 and row.void_reasons == {"lost in the boxes": 1} and row.balances
    assert row.served_at_desk == 1
    assert desk.audit() == []


def test_an_unprinted_box_stays_reserved_and_prints_next_time(night_before: DeskService, tmp_path: Path) -> None:
    not_a_folder = tmp_path / "not-a-folder"
    not_a_folder.write_text("a file where the printer's folder should be")
    failed = night_before.preprint(
        MINISTERIAL, "sam", SUPERVISOR_PIN, PdfFolderPrinter(not_a_folder / "badges"), box_size=4
    )
    assert failed.printed == [] and failed.unprinted == [f"M-{n:06d}" for n in range(1, 8)]
    store = store_of(night_before)
    assert all(c.state is CardState.RESERVED for c in store.cards.all())
    assert any(e.record.action is Action.CARD_PRINT_FAILED for e in store.log.for_reference("DM24-000001"))
    # One person is served at the desk meanwhile: their unprinted card is voided, not printed later.
    desk = morning(night_before)
    served = desk.check_in(G1, "DM24-000006", DOC, PRESS)
    assert served.badge is not None and served.badge.serial == "M-000008" and not served.awaiting_card
    assert desk.card("M-000002").void_reason == SERVED_AT_THE_DESK  # type: ignore[union-attr]
    retried = desk.preprint(MINISTERIAL, "sam", SUPERVISOR_PIN, PdfFolderPrinter(tmp_path / "badges"), box_size=4)
    assert retried.reserved == () and len(retried.boxes) == 2
    assert retried.printed == ["M-000001", "M-000003", "M-000004", "M-000005", "M-000006", "M-000007"]
    assert sorted(p.name for p in (tmp_path / "badges").iterdir()) == [
        "ministerial_box_1-1.pdf",
        "ministerial_box_2-1.pdf",
    ]
    assert desk.stock().balances and desk.audit() == []


def test_the_close_destroys_every_unclaimed_card_and_balances(night_before: DeskService, tmp_path: Path) -> None:
    cards = {c.reference: c for c in preprint(night_before, tmp_path / "cards.pdf")}
    desk = morning(night_before)
    desk.check_in(G1, "DM24-000001", DOC, PRESS, card=cards["DM24-000001"].serial)
    desk.check_in(G1, "DM24-000003", DOC, PRESS, card=cards["DM24-000003"].serial)
    desk.void_card(G1, "sam", SUPERVISOR_PIN, cards["DM24-000006"].serial, "damaged")
    with pytest.raises(StaffError, match="end of the event"):
        desk.close_stock("sam", SUPERVISOR_PIN)
    assert isinstance(desk.clock, FixedClock)
    desk.clock.moment = FIRST_MORNING + timedelta(days=1, hours=12)  # the last day, after the counters closed
    closed = desk.close_stock("sam", SUPERVISOR_PIN)
    total = closed.total()
    assert (total.reserved, total.handed_over, total.voided, total.in_box, total.not_printed) == (7, 2, 5, 0, 0)
    assert total.void_reasons == {"damaged": 1, DESTROYED_UNCLAIMED: 4} and closed.balances
    assert closed.closed is not None and closed.closed.by == "sam" and closed.closed.name == "Sam Supervisor"
    with pytest.raises(StaffError, match="closed"):
        desk.preprint(MINISTERIAL, "sam", SUPERVISOR_PIN, tmp_path / "after.pdf")
    with pytest.raises(StaffError, match="closed"):
        desk.close_stock("sam", SUPERVISOR_PIN)
    # As at the end of the first day, before the close: the two handed over, the damaged one, four in their boxes.
    first_day = desk.stock(FIRST_MORNING.date())
    counts = first_day.total()
    assert (counts.handed_over, counts.voided, counts.in_box) == (2, 1, 4) and first_day.closed is None
    for fmt in ("csv", "pdf"):
        desk.export_stock(closed, fmt, tmp_path / f"stock.{fmt}")
    text = (tmp_path / "stock.csv").read_text(encoding="utf-8-sig")
    assert (
        "ministerial,total,7,7,2,5,0,0,damaged: 1; destroyed unclaimed: 4,0" in text
        and "#closed_by,sam,Sam Supervisor" in text
    )
    assert "#balances,yes" in text
    assert "Sam Supervisor" in pdf_pages(tmp_path / "stock.pdf")[0]
    assert desk.audit() == [] and desk.verify_log().intact


def test_the_audit_names_a_card_changed_behind_the_logs_back(
    night_before: DeskService, tmp_path: Path, sql_shell: object
) -> None:
    preprint(night_before, tmp_path / "cards.pdf")
    sql_shell("UPDATE cards SET slot = 9 WHERE serial = 'M-000007'")  # type: ignore[operator]
    assert night_before.audit() == ["card:M-000007 is not what the log says: changed behind the log's back"]


def race(store_url: str, desk: DeskService, scans: list[tuple[Station, str, str]]) -> list[object]:
    """Each scan (station, reference, card serial) at once, from desks with connections of their own; what each
    desk got back (a CheckinResult, or the exception it raised)."""
    barrier = threading.Barrier(len(scans))
    results: list[object] = [None] * len(scans)

    def hand_over(n: int, station: Station, reference: str, serial: str) -> None:
        try:
            with DeskService(open_store(store_url), desk.event, desk.clock) as own:
                barrier.wait()
                results[n] = own.check_in(station, reference, DOC, PRESS, card=serial)
        except Exception as exc:  # shown by the caller's assertion, not lost in the thread
            results[n] = exc

    threads = [threading.Thread(target=hand_over, args=(n, *scan)) for n, scan in enumerate(scans)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return results


def test_two_desks_handing_over_cards_of_one_box_never_hand_one_twice(
    night_before: DeskService, tmp_path: Path, store_url: str
) -> None:
    cards = {c.reference: c for c in preprint(night_before, tmp_path / "cards.pdf", box_size=7)}
    desk = morning(night_before)
    same = race(store_url, desk, [(G1, "DM24-000007", "M-000001"), (G2, "DM24-000007", "M-000001")])
    assert all(isinstance(r, CheckinResult) for r in same), same
    outcomes = sorted(r.verdict.outcome.value for r in same)  # type: ignore[attr-defined]
    assert outcomes == ["ISSUE", "REFUSE"]
    loser = next(r for r in same if r.verdict.outcome is Outcome.REFUSE)  # type: ignore[attr-defined]
    assert loser.verdict.reasons == (Reason.ALREADY_ISSUED,)  # type: ignore[attr-defined]
    neighbours = [(G1, "DM24-000006", cards["DM24-000006"].serial), (G2, "DM24-000003", cards["DM24-000003"].serial)]
    both = race(store_url, desk, neighbours)
    assert [r.verdict.outcome for r in both] == [Outcome.ISSUE, Outcome.ISSUE], both  # type: ignore[attr-defined]
    handed = [c for c in store_of(desk).cards.all() if c.state is CardState.HANDED_OVER]
    assert sorted(c.reference for c in handed) == ["DM24-000003", "DM24-000006", "DM24-000007"]
    assert sum(store_of(desk).badges.issued_counts().values()) == 3
    assert desk.audit() == [] and desk.verify_log().intact


class ServedWhilePrinting(PdfFolderPrinter):
    """A real PDF folder printer, while another desk serves someone whose card is in the job (a late desk open
    during the pre-print): the check-in happens between the reservation and the job's end."""

    def __init__(self, folder: Path, desk: DeskService, reference: str) -> None:
        super().__init__(folder)
        self.desk, self.reference = desk, reference

    def submit(self, pdf: bytes, title: str) -> PrintJob:
        served = self.desk.check_in(G1, self.reference, DOC, PRESS)
        assert served.badge is not None and not served.awaiting_card
        return super().submit(pdf, title)


def test_a_card_printed_after_its_holder_was_served_is_to_be_destroyed(
    night_before: DeskService, tmp_path: Path, store_url: str
) -> None:
    with DeskService(open_store(store_url), night_before.event, night_before.clock) as other_desk:
        printer = ServedWhilePrinting(tmp_path / "cards", other_desk, "DM24-000001")
        report = night_before.preprint(MINISTERIAL, "sam", SUPERVISOR_PIN, printer, box_size=10)
    (box,) = report.boxes
    assert box.printed and box.destroy == ("M-000007",)  # Zielinski, the last of the box
    destroyed = night_before.card("M-000007")
    assert destroyed is not None and destroyed.state is CardState.VOIDED and destroyed.printed_at is not None
    assert destroyed.void_reason == PRINTED_AFTER_SERVED
    printed = [
        e for e in store_of(night_before).log.for_reference("DM24-000001") if e.record.action is Action.CARD_PRINTED
    ]
    assert len(printed) == 1 and printed[0].record.detail["destroy"] == "yes"
    total = night_before.stock().total()
    assert (total.printed, total.in_box, total.voided) == (7, 6, 1) and total.void_reasons == {PRINTED_AFTER_SERVED: 1}
    assert night_before.audit() == []


class PreprintedWhilePrinting(PdfFolderPrinter):
    """A real PDF folder printer, while a second supervisor starts a pre-print of the same kind (or re-runs it,
    thinking the printer stuck) before this job is done."""

    def __init__(self, folder: Path, other_desk: DeskService, out: Path) -> None:
        super().__init__(folder)
        self.other_desk, self.out = other_desk, out
        self.second: PreprintReport | None = None

    def submit(self, pdf: bytes, title: str) -> PrintJob:
        self.second = self.other_desk.preprint(MINISTERIAL, "sam", SUPERVISOR_PIN, self.out, box_size=3)
        return super().submit(pdf, title)


def test_two_preprints_at_once_never_print_one_card_twice(
    night_before: DeskService, tmp_path: Path, store_url: str
) -> None:
    with DeskService(open_store(store_url), night_before.event, night_before.clock) as other_desk:
        printer = PreprintedWhilePrinting(tmp_path / "cards", other_desk, tmp_path / "second.pdf")
        first = night_before.preprint(MINISTERIAL, "sam", SUPERVISOR_PIN, printer, box_size=10)
    assert first.printed == [f"M-{n:06d}" for n in range(1, 8)]
    second = printer.second
    assert second is not None and second.reserved == () and second.boxes == ()
    assert [serial for serial, _ in second.elsewhere] == first.printed
    assert not (tmp_path / "second.pdf").exists()
    printed = [e for e in store_of(night_before).log.between(FIRST_MORNING - timedelta(days=1), FIRST_MORNING)]
    assert sum(e.record.action is Action.CARD_PRINTED for e in printed) == 7


def test_a_card_of_the_kind_the_accreditation_no_longer_has_is_withheld(
    night_before: DeskService, tmp_path: Path
) -> None:
    cards = {c.reference: c for c in preprint(night_before, tmp_path / "cards.pdf")}
    annual = make_application(
        reference="DM24-000001", family_name="Zielinski", given_names="Anna", kind=AccreditationKind.ANNUAL,
        annual_number="NATO-A24-0001",
    )  # fmt: skip
    store_of(night_before).applications.upsert_many([annual], "x")
    desk, card = morning(night_before), cards["DM24-000001"]
    visitors = Station("visitors", "V1", "paul")
    scanned = desk.check_in(visitors, "DM24-000001", DOC, PRESS, card=card.serial)
    assert scanned.verdict.reasons == (Reason.CARD_WITHHELD,) and scanned.badge is None
    served = desk.check_in(visitors, "DM24-000001", DOC, PRESS)
    assert served.badge is not None and served.badge.kind is AccreditationKind.ANNUAL and not served.awaiting_card
    assert served.card_flagged and served.card is not None and served.card.serial == card.serial
    (flag,) = desk.stock().flagged
    assert flag.card.serial == card.serial and "the accreditation is annual now" in flag.why
    assert desk.audit() == []


def test_an_override_refused_at_the_hand_over_is_logged_with_its_supervisor(
    night_before: DeskService, tmp_path: Path
) -> None:
    cards = {c.reference: c for c in preprint(night_before, tmp_path / "cards.pdf")}
    desk = morning(night_before)
    old_passport = PresentedDocument("X0000000")
    refused = desk.override(
        G1, "sam", SUPERVISOR_PIN, "old passport", "DM24-000001", old_passport, PRESS, card=cards["DM24-000006"].serial
    )
    assert refused.verdict.reasons == (Reason.WRONG_CARD,) and refused.badge is None
    assert refused.log_entry.record.action is Action.CHECKIN and refused.log_entry.record.detail["supervisor"] == "sam"
    assert desk.active_badge("DM24-000001") is None and desk.audit() == []


def test_a_card_showing_other_details_than_the_list_is_withheld(
    night_before: DeskService, tmp_path: Path, sql_shell: object
) -> None:
    """A later list corrects a name, or someone edits a document number in the database: the card in the box shows
    (or was printed for) other details, so it is never handed over; the desk prints a badge from the list."""
    cards = {c.reference: c for c in preprint(night_before, tmp_path / "cards.pdf")}
    corrected = make_application(reference="DM24-000006", family_name="Adler", given_names="Jonas Peter")
    store_of(night_before).applications.upsert_many([corrected], "x")
    sql_shell("UPDATE applications SET document_number = 'EVIL123' WHERE reference = 'DM24-000003'")  # type: ignore[operator]
    desk = morning(night_before)
    for reference, document in (("DM24-000006", DOC), ("DM24-000003", PresentedDocument("EVIL123"))):
        card = cards[reference]
        scanned = desk.check_in(G1, reference, document, PRESS, card=card.serial)
        assert scanned.verdict.reasons == (Reason.CARD_WITHHELD,) and scanned.badge is None
        assert scanned.log_entry.record.reasons == ("CARD_WITHHELD",)
        served = desk.check_in(G1, reference, document, PRESS, printing=True)
        assert served.badge is not None and served.badge.serial != card.serial and not served.awaiting_card
        assert served.card_flagged and desk.card(card.serial).state is CardState.PREPRINTED  # type: ignore[union-attr]
    flagged = {f.card.reference: f for f in desk.stock().flagged}
    assert set(flagged) == {"DM24-000003", "DM24-000006"}
    assert all(
        f.because is Withheld.CHANGED and "changed since the card was printed" in f.why for f in flagged.values()
    )
