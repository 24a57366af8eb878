"""Printing at the desk: a badge counts as handed over only when its job completed, on a real CUPS queue too."""

from __future__ import annotations

from pathlib import Path

import pypdfium2
import pytest

from desk_app.core.model import BadgeState, Outcome, PresentedDocument, PresentedPress, Reason
from desk_app.printing import CupsPrinter, JobState, PdfFolderPrinter, PrintError, PrintJob, PrintOutcome
from desk_app.service import DeskService, Station
from tests.conftest import SUPERVISOR_PIN, make_application, store_of
from tests.cups_server import PdfQueue

GROUPS = Station("groups", "G1", "anna")
DOC, CARD = PresentedDocument("C01X00T47"), PresentedPress("DJV-48213")


class RefusingPrinter:
    """A printer whose queue does not exist: the job cannot even be sent."""

    def describe(self) -> str:
        return "nowhere"

    def submit(self, pdf: bytes, title: str) -> PrintJob:
        raise PrintError("printer nowhere is not available: there is no print queue of that name")

    def wait(self, job: PrintJob, timeout_s: float) -> PrintOutcome:
        raise AssertionError("never submitted")


@pytest.fixture
def listed(desk: DeskService) -> DeskService:
    store_of(desk).applications.upsert_many([make_application()], "2024-02-01T00:00:00.000000Z")
    return desk


def actions(desk: DeskService) -> list[str]:
    return [e.record.action.value for e in store_of(desk).log.for_reference("DM24-000001")]


def test_badge_is_handed_over_when_the_job_completes(listed: DeskService, tmp_path: Path) -> None:
    result = listed.check_in(GROUPS, "DM24-000001", DOC, CARD, printing=True)
    assert result.verdict.outcome is Outcome.ISSUE and result.badge is not None
    assert result.badge.state is BadgeState.PRINTING
    meanwhile = listed.check_in(Station("groups", "G2", "anna"), "DM24-000001", DOC, CARD)
    assert meanwhile.verdict.reasons == (Reason.ALREADY_ISSUED,)  # no second badge while the first prints

    printed = listed.issuer(PdfFolderPrinter(tmp_path / "out")).print_badge(GROUPS, result.badge)
    assert printed.handed_over and printed.badge.state is BadgeState.ISSUED
    assert printed.outcome.output is not None and printed.outcome.output.read_bytes().startswith(b"%PDF-")
    assert store_of(listed).badges.active_for("DM24-000001") == printed.badge
    assert actions(listed) == ["CHECKIN", "CHECKIN", "PRINT", "ISSUE"]


def test_a_job_that_cannot_be_sent_leaves_the_person_not_served(listed: DeskService) -> None:
    result = listed.check_in(GROUPS, "DM24-000001", DOC, CARD, printing=True)
    assert result.badge is not None
    printed = listed.issuer(RefusingPrinter()).print_badge(GROUPS, result.badge)
    assert not printed.handed_over and printed.badge.state is BadgeState.PRINT_FAILED
    assert store_of(listed).badges.active_for("DM24-000001") is None
    failure = store_of(listed).log.for_reference("DM24-000001")[-1].record
    assert failure.action.value == "PRINT_FAILED" and "not available" in failure.detail["message"]
    again = listed.check_in(GROUPS, "DM24-000001", DOC, CARD)
    assert again.verdict.outcome is Outcome.ISSUE


def test_printed_on_a_real_cups_queue(listed: DeskService, pdf_queue: PdfQueue) -> None:
    result = listed.check_in(GROUPS, "DM24-000001", DOC, CARD, printing=True)
    assert result.badge is not None
    printed = listed.issuer(CupsPrinter(pdf_queue.name), timeout_s=30).print_badge(GROUPS, result.badge)
    assert printed.handed_over, printed.outcome.message
    job = PrintJob(store_of(listed).log.for_reference("DM24-000001")[-2].record.detail["job"], pdf_queue.name, 0)
    output = pdf_queue.output_of(job)
    assert output is not None
    width, height = pypdfium2.PdfDocument(output)[0].get_size()
    assert sorted((round(width), round(height))) == [153, 242]  # the card, not A4 (595 x 842)


def test_a_stopped_queue_leaves_the_person_not_served_and_the_log_says_why(
    listed: DeskService, pdf_queue: PdfQueue
) -> None:
    pdf_queue.disable("card jam at desk G1")
    result = listed.check_in(GROUPS, "DM24-000001", DOC, CARD, printing=True)
    assert result.badge is not None
    printed = listed.issuer(CupsPrinter(pdf_queue.name), timeout_s=1.0).print_badge(GROUPS, result.badge)
    assert printed.outcome.state is JobState.TIMED_OUT and not printed.handed_over
    assert store_of(listed).badges.active_for("DM24-000001") is None
    failure = store_of(listed).log.for_reference("DM24-000001")[-1].record
    assert failure.action.value == "PRINT_FAILED" and "card jam" in failure.detail["message"]
    assert store_of(listed).log.verify().intact


def test_reprint_voids_the_earlier_serial(listed: DeskService, tmp_path: Path) -> None:
    issuer = listed.issuer(PdfFolderPrinter(tmp_path / "out"))
    first = issuer.print_badge(GROUPS, listed.check_in(GROUPS, "DM24-000001", DOC, CARD, printing=True).badge)
    second = issuer.reprint(GROUPS, "sam", SUPERVISOR_PIN, first.badge.serial, "badge lost in the press room")
    assert second.handed_over and second.badge.serial != first.badge.serial
    assert store_of(listed).badges.get(first.badge.serial).state is BadgeState.VOIDED
    reprint = next(
        e.record for e in store_of(listed).log.for_reference("DM24-000001") if e.record.action.value == "REPRINT"
    )
    assert reprint.detail["voided_serial"] == first.badge.serial and reprint.detail["supervisor"] == "sam"
    assert actions(listed)[-3:] == ["REPRINT", "PRINT", "ISSUE"]


class BrokenDriver(RefusingPrinter):
    """A driver with a bug: it raises something that is not a PrintError."""

    def submit(self, pdf: bytes, title: str) -> PrintJob:
        raise RuntimeError("segfault in the card driver")


def test_a_driver_bug_fails_the_print_instead_of_leaving_it_printing(listed: DeskService) -> None:
    badge = listed.check_in(GROUPS, "DM24-000001", DOC, CARD, printing=True).badge
    printed = listed.issuer(BrokenDriver()).print_badge(GROUPS, badge)
    assert printed.badge.state is BadgeState.PRINT_FAILED and "segfault" in printed.outcome.message
    assert store_of(listed).badges.active_for("DM24-000001") is None


def test_a_desk_that_stopped_mid_print_fails_its_stalled_prints_at_start(listed: DeskService, tmp_path: Path) -> None:
    stalled = listed.check_in(GROUPS, "DM24-000001", DOC, CARD, printing=True).badge
    assert stalled is not None and store_of(listed).badges.active_for("DM24-000001") == stalled
    other_desk = listed.issuer(PdfFolderPrinter(tmp_path)).recover_stalled(Station("groups", "G2", "anna"))
    assert other_desk == []  # another desk's print is none of this desk's business
    [recovered] = listed.issuer(PdfFolderPrinter(tmp_path)).recover_stalled(GROUPS)
    assert recovered.badge.state is BadgeState.PRINT_FAILED and "stopped before the print" in recovered.outcome.message
    assert store_of(listed).badges.active_for("DM24-000001") is None
    assert listed.check_in(GROUPS, "DM24-000001", DOC, CARD).verdict.outcome is Outcome.ISSUE
