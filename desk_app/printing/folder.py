"""A "printer" for desks without one: each badge becomes a PDF file in a folder, to print elsewhere later.

Files appear atomically under their final name (written to a hidden temporary file, then linked into place), so a
folder watcher or a person opening the folder never sees half a PDF, and two desks sharing the folder never
overwrite each other's files.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import tempfile
import time
import unicodedata
from pathlib import Path

from desk_app.printing.base import JobState, PrintError, PrintJob, PrintOutcome, require_pdf

MAX_STEM = 80
# Filesystems without hard links (FAT and exFAT USB sticks, some network shares) answer os.link with these.
_NO_HARD_LINKS = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOSYS, errno.EMLINK}


class PdfFolderPrinter:
    """Writes each job as ``<title>-<n>.pdf`` in ``folder``; the job is complete as soon as the file is there."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def describe(self) -> str:
        return f"PDF folder {self.folder}"

    def submit(self, pdf: bytes, title: str) -> PrintJob:
        """Write the PDF under the first free ``<title>-<n>.pdf``; the file name is the job id."""
        require_pdf(pdf)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            path = self._write_atomically(pdf, file_stem(title))
        except OSError as exc:
            raise PrintError(f"the PDF folder {self.folder} cannot be written: {exc.strerror or exc}") from exc
        return PrintJob(path.name, str(self.folder), time.time())

    def wait(self, job: PrintJob, timeout_s: float) -> PrintOutcome:
        """Complete at once if the file is there (it was written before submit returned)."""
        path = Path(job.queue) / job.job_id
        if path.is_file():
            return PrintOutcome(JobState.COMPLETED, f"saved as {path}", path)
        return PrintOutcome(JobState.FAILED, f"the PDF {path} has disappeared from the folder", None)

    def _write_atomically(self, pdf: bytes, stem: str) -> Path:
        fd, temporary = tempfile.mkstemp(dir=self.folder, prefix=".printing-", suffix=".part")
        try:
            with os.fdopen(fd, "wb") as out:
                os.fchmod(out.fileno(), 0o644)  # mkstemp's 0600 would hide the file from whoever prints it later
                out.write(pdf)
                out.flush()
                os.fsync(out.fileno())
            path = self._publish(Path(temporary), stem)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
        _sync_folder(self.folder)
        return path

    def _publish(self, temporary: Path, stem: str) -> Path:
        """Give the finished file its final name without ever replacing an existing file."""
        number = _next_number(self.folder, stem)
        while True:
            path = self.folder / f"{stem}-{number}.pdf"
            try:
                os.link(temporary, path)
                return path
            except FileExistsError:
                number += 1
            except OSError as exc:
                if exc.errno not in _NO_HARD_LINKS:
                    raise
                return _publish_without_links(temporary, self.folder, stem, number)


def file_stem(title: str) -> str:
    """The title made safe as a file name on any system: letters, digits, ``.``, ``-`` and ``_`` only."""
    cleaned = re.sub(r"[^\w.-]+", "_", unicodedata.normalize("NFC", title)).strip("._-")
    return cleaned[:MAX_STEM] or "document"


def _next_number(folder: Path, stem: str) -> int:
    pattern = re.compile(re.escape(stem) + r"-(\d+)\.pdf")
    taken = [int(m.group(1)) for p in folder.iterdir() if (m := pattern.fullmatch(p.name))]
    return max(taken, default=0) + 1


def _publish_without_links(temporary: Path, folder: Path, stem: str, number: int) -> Path:
    """Claim a free name with an exclusive create, then move the finished file over the empty placeholder."""
    while True:
        path = folder / f"{stem}-{number}.pdf"
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
        except FileExistsError:
            number += 1
            continue
        os.replace(temporary, path)
        return path


def _sync_folder(folder: Path) -> None:
    """Make the new name durable, so a power cut after "completed" does not lose the badge file."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some filesystems (network shares) cannot sync a directory; the file itself is synced
    finally:
        os.close(fd)
