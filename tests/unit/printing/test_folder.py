"""The PDF-folder "printer": atomic, never overwriting, complete at once."""

from __future__ import annotations

import errno
import os
import stat
import threading
from pathlib import Path

import pytest

from desk_app.printing import JobState, PdfFolderPrinter, PrintError
from desk_app.printing.folder import file_stem


def test_each_job_becomes_a_numbered_pdf_that_is_complete_at_once(tmp_path: Path, badge_pdf: bytes) -> None:
    printer = PdfFolderPrinter(tmp_path / "badges")

    first = printer.submit(badge_pdf, title="B-000123")
    second = printer.submit(badge_pdf, title="B-000123")
    outcome = printer.wait(first, timeout_s=0)

    assert (first.job_id, second.job_id) == ("B-000123-1.pdf", "B-000123-2.pdf")
    assert outcome.state is JobState.COMPLETED
    assert outcome.output == tmp_path / "badges" / "B-000123-1.pdf"
    assert outcome.output.read_bytes() == badge_pdf
    assert sorted(p.name for p in (tmp_path / "badges").iterdir()) == ["B-000123-1.pdf", "B-000123-2.pdf"]
    assert stat.S_IMODE(outcome.output.stat().st_mode) == 0o644


def test_numbering_continues_after_the_highest_file(tmp_path: Path, badge_pdf: bytes) -> None:
    (tmp_path / "B-1-7.pdf").write_bytes(b"%PDF- earlier")
    assert PdfFolderPrinter(tmp_path).submit(badge_pdf, title="B-1").job_id == "B-1-8.pdf"


def test_desks_writing_at_once_never_overwrite_each_other(tmp_path: Path, badge_pdf: bytes) -> None:
    printer = PdfFolderPrinter(tmp_path)
    names: list[str] = []

    def write(n: int) -> None:
        names.extend(printer.submit(badge_pdf + b"%" + str(n).encode(), title="same").job_id for _ in range(5))

    threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(names) == sorted(f"same-{n}.pdf" for n in range(1, 21))
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names)  # no temporary files left


def test_without_hard_links_the_file_still_never_replaces_another(
    tmp_path: Path, badge_pdf: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(source: object, target: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")  # as on a FAT USB stick

    monkeypatch.setattr(os, "link", no_links)
    printer = PdfFolderPrinter(tmp_path)
    jobs = [printer.submit(badge_pdf, title="usb") for _ in range(3)]

    assert [j.job_id for j in jobs] == ["usb-1.pdf", "usb-2.pdf", "usb-3.pdf"]
    assert all((tmp_path / j.job_id).read_bytes() == badge_pdf for j in jobs)
    assert len(list(tmp_path.iterdir())) == 3


def test_titles_become_safe_file_names() -> None:
    assert file_stem("Badge DM24-000001 Müller") == "Badge_DM24-000001_Müller"
    assert file_stem("../../etc/passwd") == "etc_passwd"
    assert file_stem("Ελένη Παπαδοπούλου") == "Ελένη_Παπαδοπούλου"
    assert file_stem("...") == "document"
    assert len(file_stem("x" * 500)) == 80


def test_a_file_removed_before_wait_is_not_a_completed_job(tmp_path: Path, badge_pdf: bytes) -> None:
    printer = PdfFolderPrinter(tmp_path)
    job = printer.submit(badge_pdf, title="gone")
    (tmp_path / job.job_id).unlink()
    outcome = printer.wait(job, timeout_s=1)
    assert outcome.state is JobState.FAILED and "has disappeared" in outcome.message


def test_a_folder_that_cannot_be_written_is_a_print_error(tmp_path: Path, badge_pdf: bytes) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    with pytest.raises(PrintError, match=rf"^the PDF folder {blocker}/badges cannot be written: "):
        PdfFolderPrinter(blocker / "badges").submit(badge_pdf, title="x")


def test_only_pdf_documents_are_written(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="not a PDF"):
        PdfFolderPrinter(tmp_path).submit(b"GIF89a", title="picture")
    assert list(tmp_path.iterdir()) == []
    assert PdfFolderPrinter(tmp_path).describe() == f"PDF folder {tmp_path}"
