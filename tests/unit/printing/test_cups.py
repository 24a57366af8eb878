"""Printing on a real CUPS with a cups-pdf queue: what comes out, and every way a job can fail to come out."""

from __future__ import annotations

import time
from pathlib import Path

import pypdfium2  # type: ignore[import-untyped]
import pytest

from desk_app.printing import CupsPrinter, JobState, PrintError, list_queues
from desk_app.printing.cups import IppJobState
from tests.cups_server import PdfQueue, card_pdf

CARD_PT = (85.60 / 25.4 * 72, 53.98 / 25.4 * 72)  # 242.6 x 153.0 pt
# cups-pdf (through Ghostscript) rounds to whole points; a common CR80 driver page is 241.5 x 153.6 pt.
CARD_TOLERANCE_PT = 1.5
A4_PT = (595.3, 841.9)
WAIT_S = 30.0


def page_sizes(path: Path) -> list[tuple[float, float]]:
    document = pypdfium2.PdfDocument(path)
    try:
        return [tuple(document[i].get_size()) for i in range(len(document))]
    finally:
        document.close()


def is_card(size: tuple[float, float]) -> bool:
    """Card-sized in either orientation, within the drivers' rounding."""
    long, short = max(size), min(size)
    return abs(long - CARD_PT[0]) <= CARD_TOLERANCE_PT and abs(short - CARD_PT[1]) <= CARD_TOLERANCE_PT


def test_a_badge_printed_on_the_card_queue_comes_out_card_sized(pdf_queue: PdfQueue, badge_pdf: bytes) -> None:
    printer = CupsPrinter(pdf_queue.name)
    job = printer.submit(badge_pdf, title="Badge DM24-000001 Müller")
    assert job.queue == pdf_queue.name and job.job_id.startswith(f"{pdf_queue.name}-")

    outcome = printer.wait(job, WAIT_S)

    assert outcome.state is JobState.COMPLETED, outcome.message
    assert outcome.completed and job.job_id in outcome.message
    output = pdf_queue.output_of(job)
    assert output is not None
    sizes = page_sizes(output)
    assert len(sizes) == 1
    assert is_card(sizes[0]), sizes
    assert sizes[0][0] > sizes[0][1]  # landscape, like the badge
    assert abs(sizes[0][0] - A4_PT[0]) > 100  # not the A4 of a queue without a card media


def test_fit_to_page_shrinks_a_larger_page_onto_the_card(pdf_queue: PdfQueue) -> None:
    printer = CupsPrinter(pdf_queue.name)
    job = printer.submit(card_pdf("A6 PAPER BADGE", size_mm=(105, 148)), title="A6 on a card printer")
    assert printer.wait(job, WAIT_S).state is JobState.COMPLETED
    output = pdf_queue.output_of(job)
    assert output is not None and is_card(page_sizes(output)[0])


def test_a_stopped_queue_times_out_and_the_stalled_job_is_cancelled(pdf_queue: PdfQueue, badge_pdf: bytes) -> None:
    pdf_queue.disable("card jam at desk 3")
    printer = CupsPrinter(pdf_queue.name)
    job = printer.submit(badge_pdf, title="stalled badge")

    start = time.monotonic()
    outcome = printer.wait(job, timeout_s=1.0)
    elapsed = time.monotonic() - start

    assert outcome.state is JobState.TIMED_OUT
    assert 1.0 <= elapsed < 4.0
    assert f"printer {pdf_queue.name} is stopped (card jam at desk 3)" in outcome.message
    assert "the job was cancelled, it will not print later" in outcome.message
    assert printer.status(job).job_state == IppJobState.CANCELED

    # Restarting the queue prints the next badge, never the cancelled one.
    pdf_queue.enable()
    later = printer.submit(badge_pdf, title="next badge")
    assert printer.wait(later, WAIT_S).state is JobState.COMPLETED
    assert pdf_queue.output_of(later) is not None
    assert pdf_queue.output_of(job) is None


def test_a_damaged_pdf_fails_and_is_not_left_to_resume(pdf_queue: PdfQueue) -> None:
    printer = CupsPrinter(pdf_queue.name)
    job = printer.submit(b"%PDF-1.4\nthis is not really a PDF\n", title="damaged")

    outcome = printer.wait(job, WAIT_S)

    assert outcome.state is JobState.FAILED  # CUPS stops the job "completed with errors"
    assert f"printing failed on {pdf_queue.name} (the printer said: " in outcome.message
    assert "the job was cancelled" in outcome.message
    assert printer.status(job).job_state == IppJobState.CANCELED


def test_a_job_the_printer_backend_cancels_is_not_a_completed_badge(
    pdf_queue: PdfQueue, badge_pdf: bytes, tmp_path: Path
) -> None:
    # cups-pdf cannot create its output folder (a regular file is in the way): its backend cancels the job.
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    pdf_queue.write_config(blocker / "pdf")
    printer = CupsPrinter(pdf_queue.name)

    outcome = printer.wait(printer.submit(badge_pdf, title="no output"), WAIT_S)

    assert outcome.state is JobState.CANCELLED
    assert not outcome.completed
    assert "cancelled at the print server" in outcome.message and "before it completed" in outcome.message


def test_an_unknown_queue_is_refused_at_submit(cups_server: object, badge_pdf: bytes) -> None:
    with pytest.raises(PrintError) as refused:
        CupsPrinter("desk-test-no-such-queue").submit(badge_pdf, title="lost")
    assert str(refused.value) == (
        "printer desk-test-no-such-queue is not available: there is no print queue of that name on this computer"
    )


def test_a_queue_refusing_jobs_is_refused_at_submit(pdf_queue: PdfQueue, badge_pdf: bytes) -> None:
    pdf_queue.reject("desk closed")
    with pytest.raises(PrintError, match=r"is not available: the queue is not accepting jobs \(desk closed\)"):
        CupsPrinter(pdf_queue.name).submit(badge_pdf, title="refused")


def test_a_print_server_that_is_down_is_said_so(
    cups_server: object, badge_pdf: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Point the CUPS tools at a socket nobody listens on, rather than stopping the shared cupsd.
    monkeypatch.setenv("CUPS_SERVER", str(tmp_path / "nobody.sock"))
    with pytest.raises(
        PrintError, match=r"^printer G1-badges is not available: the print server \(CUPS\) is not running$"
    ):
        CupsPrinter("G1-badges").submit(badge_pdf, title="no server")
    with pytest.raises(PrintError, match=r"^cannot list the printers: the print server \(CUPS\) is not running$"):
        list_queues()


def test_missing_cups_tools_are_named(badge_pdf: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(PrintError, match=r"the CUPS tools are not installed on this computer \(missing: lp, lpstat"):
        CupsPrinter("G1-badges").submit(badge_pdf, title="no tools")
    with pytest.raises(PrintError, match=r"^cannot list the printers: the CUPS tool lpstat is not installed"):
        list_queues()


def test_list_queues_shows_the_test_queue_and_its_state(pdf_queue: PdfQueue) -> None:
    mine = [q for q in list_queues() if q.name == pdf_queue.name]
    assert len(mine) == 1
    assert mine[0].enabled and mine[0].accepting and not mine[0].is_default

    pdf_queue.disable("ribbon change")
    (stopped,) = [q for q in list_queues() if q.name == pdf_queue.name]
    assert not stopped.enabled and stopped.accepting
    assert stopped.state_message == "ribbon change"


def test_the_lp_options_set_media_fit_and_duplex_explicitly() -> None:
    assert CupsPrinter("G1").lp_options() == [
        "-o", "document-format=application/pdf",
        "-o", "media=Custom.85.6x54mm",
        "-o", "fit-to-page",
        "-o", "sides=one-sided",
    ]  # fmt: skip
    options = CupsPrinter("G1", media=None, fit_to_page=False, duplex=True).lp_options()
    assert options == ["-o", "document-format=application/pdf", "-o", "sides=two-sided-long-edge"]
    assert CupsPrinter("G1").describe() == "CUPS queue G1 (media Custom.85.6x54mm, fit to page, one-sided)"


def test_only_pdf_documents_are_sent() -> None:
    with pytest.raises(ValueError, match="not a PDF"):
        CupsPrinter("G1").submit(b"hello", title="text")


def test_a_queue_name_cups_cannot_have_is_refused(badge_pdf: bytes) -> None:
    with pytest.raises(PrintError, match="not a valid print queue name"):
        CupsPrinter("G1 badges/2").submit(badge_pdf, title="x")
