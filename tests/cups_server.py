"""A real CUPS for the printing tests and benchmarks: cupsd, and a cups-pdf queue that writes into a folder.

Shared by ``tests/unit/printing`` and ``bench/printing.py`` so both print the same way. It is test machinery,
not part of the desk: it needs root (it starts cupsd, runs lpadmin and writes /etc/cups), which a desk never
does. Whatever goes wrong raises :class:`CupsUnavailable` saying what to install or run, so that a test fails
with that reason instead of being skipped.

cups-pdf facts checked on Debian 12 (printer-driver-cups-pdf 3.0.1): a queue whose device URI is
``cups-pdf:/NAME`` reads only ``/etc/cups/cups-pdf-NAME.conf`` (without it, compiled-in defaults: output in
/var/spool/cups-pdf/$USER; /etc/cups/cups-pdf.conf is for the URI ``cups-pdf:/`` alone). Output names are
mangled from the title; only the ``-job_<N>.pdf`` suffix is reliable (``Label 2``). A file appears before it is
complete, so it is read only once the job has ended.
"""

from __future__ import annotations

import fcntl
import io
import os
import secrets
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from desk_app.printing import PrintJob
from desk_app.printing.cups import DEFAULT_MEDIA, scheduler_running

CUPSD = Path("/usr/sbin/cupsd")
PID_FILE = Path("/run/cups/cupsd.pid")
CONFIG_DIR = Path("/etc/cups")
PDF_PPD = "lsb/usr/cups-pdf/CUPS-PDF_opt.ppd"  # as `lpinfo -m` names /usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd
PDF_PPD_FILE = Path("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd")
QUEUE_PREFIX = "desk-test-"
INSTALL = "apt-get install -y --no-install-recommends cups printer-driver-cups-pdf"
START_TIMEOUT_S = 15.0
LOCK_FILE = Path(tempfile.gettempdir()) / "desk-app-tests-cupsd.lock"


class CupsUnavailable(RuntimeError):
    """No usable CUPS on this machine; the message says what to do about it."""


def _run(*args: str) -> str:
    """Run an admin tool in the C locale; its stdout, or CupsUnavailable with its complaint."""
    env = {**os.environ, "LC_ALL": "C", "LANG": "C"}
    try:
        done = subprocess.run(args, capture_output=True, text=True, env=env, timeout=30, check=False)
    except FileNotFoundError:
        raise CupsUnavailable(f"{args[0]} is not installed; as root: {INSTALL}") from None
    except subprocess.TimeoutExpired:
        raise CupsUnavailable(f"{' '.join(args)} hung for 30 s") from None
    if done.returncode != 0:
        raise CupsUnavailable(f"{' '.join(args)} failed: {done.stderr.strip() or done.returncode}")
    return done.stdout


class CupsServer:
    """A running cupsd, shared by every test run on the machine.

    Each run holds a shared lock on LOCK_FILE while it uses the scheduler. A run that starts cupsd writes its pid
    in that file; whichever run leaves last stops that cupsd, so two pytest sessions at once never pull the
    scheduler from under each other nor start two (cupsd does not refuse to start twice), and a cupsd that was
    running before the tests is never stopped.
    """

    def __init__(self, lock: int) -> None:
        self._lock: int | None = lock

    @classmethod
    def ensure_running(cls) -> CupsServer:
        """Use the running cupsd, or start one (as root) and wait until it answers."""
        if not CUPSD.exists() or not PDF_PPD_FILE.exists():
            raise CupsUnavailable(f"CUPS or cups-pdf is not installed; as root: {INSTALL}")
        lock = os.open(LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o666)
        try:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if not scheduler_running():
                os.ftruncate(lock, 0)
                os.pwrite(lock, str(_start_cupsd()).encode(), 0)
            fcntl.flock(lock, fcntl.LOCK_SH)
        except BaseException:
            os.close(lock)
            raise
        return cls(lock)

    def release(self) -> None:
        """Stop the cupsd the tests started, if this is the last run using it."""
        if self._lock is None:
            return
        lock, self._lock = self._lock, None
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(lock)  # another run is still using it
            return
        try:
            started = os.pread(lock, 32, 0).decode().strip()
            pid = _pid_file()
            if pid is not None and started == str(pid) and _alive(pid):
                os.kill(pid, signal.SIGTERM)
                deadline = time.monotonic() + 10
                while _alive(pid) and time.monotonic() < deadline:
                    time.sleep(0.05)
            os.ftruncate(lock, 0)
        finally:
            os.close(lock)

    def __enter__(self) -> CupsServer:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self.release()


def _start_cupsd() -> int:
    """Start cupsd (it daemonises), wait until it answers; its pid."""
    if os.geteuid() != 0:
        raise CupsUnavailable("cupsd is not running, and only root can start it (as root: /usr/sbin/cupsd)")
    _run(str(CUPSD))
    deadline = time.monotonic() + START_TIMEOUT_S
    while not scheduler_running() or _pid_file() is None:
        if time.monotonic() > deadline:
            raise CupsUnavailable(f"cupsd started but does not answer after {START_TIMEOUT_S:g} s")
        time.sleep(0.05)
    pid = _pid_file()
    assert pid is not None
    return pid


def _pid_file() -> int | None:
    try:
        return int(PID_FILE.read_text().strip())
    except (OSError, ValueError):
        return None


def _alive(pid: int) -> bool:
    """Whether the process runs (a zombie left to an init that does not reap counts as gone)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[-1].split()[0] != "Z"


@dataclass(frozen=True)
class PdfQueue:
    """A uniquely named cups-pdf queue with the card as its default media, writing PDFs into ``folder``."""

    name: str
    folder: Path
    config: Path

    @classmethod
    def create(cls, work_dir: Path, media: str = DEFAULT_MEDIA) -> PdfQueue:
        name = f"{QUEUE_PREFIX}{os.getpid()}-{secrets.token_hex(3)}"
        queue = cls(name, work_dir / name / "pdf", CONFIG_DIR / f"cups-pdf-{name}.conf")
        queue.folder.mkdir(parents=True)
        queue.write_config(queue.folder)
        try:
            _run("lpadmin", "-p", name, "-E", "-v", f"cups-pdf:/{name}", "-m", PDF_PPD, "-o", f"media-default={media}")
        except CupsUnavailable:
            queue.config.unlink(missing_ok=True)
            raise
        return queue

    def write_config(self, output: Path) -> None:
        """Point cups-pdf's output at ``output`` (a folder that cannot be created makes the backend cancel jobs)."""
        log = self.folder.parent / "log"
        log.mkdir(exist_ok=True)
        # Label 2: always add -job_<N>, the only reliable part of the file name.
        self.config.write_text(f"Out {output}\nLog {log}\nLabel 2\n", encoding="utf-8")

    def remove(self) -> None:
        """Delete the queue, its jobs and its cups-pdf configuration."""
        try:
            _run("cancel", "-a", "-x", self.name)
            _run("lpadmin", "-x", self.name)
        finally:
            self.config.unlink(missing_ok=True)

    def disable(self, reason: str) -> None:
        """Stop the queue as an operator would (``cupsdisable``): jobs wait in it and never print."""
        _run("cupsdisable", "-r", reason, self.name)

    def enable(self) -> None:
        _run("cupsenable", self.name)

    def reject(self, reason: str) -> None:
        """Make the queue refuse new jobs (``cupsreject``)."""
        _run("cupsreject", "-r", reason, self.name)

    def output_of(self, job: PrintJob) -> Path | None:
        """The PDF cups-pdf wrote for ``job``, if any; complete only once the job has ended."""
        number = job.job_id.rsplit("-", 1)[-1]
        found = sorted(self.folder.glob(f"*-job_{number}.pdf"))
        return found[0] if found else None

    def __enter__(self) -> PdfQueue:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self.remove()


def card_pdf(text: str = "TEST BADGE", size_mm: tuple[float, float] = (85.60, 53.98)) -> bytes:
    """A one-page vector PDF of the given size (ID-1 card by default), standing in for a rendered badge."""
    from reportlab.lib.units import mm  # type: ignore[import-untyped]
    from reportlab.pdfgen import canvas  # type: ignore[import-untyped]

    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=(size_mm[0] * mm, size_mm[1] * mm), invariant=True)
    page.setFont("Helvetica-Bold", 12)
    page.drawString(5 * mm, size_mm[1] * mm - 12 * mm, text)
    page.rect(2 * mm, 2 * mm, (size_mm[0] - 4) * mm, (size_mm[1] - 4) * mm)
    page.showPage()
    page.save()
    return out.getvalue()
