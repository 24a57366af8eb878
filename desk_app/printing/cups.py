"""Printing badges on a CUPS queue, and following each job until the desk knows whether the badge came out.

The PDF goes to ``lp`` on its standard input (vector, no temporary file). The job is then followed with
``ipptool`` asking the scheduler for the job's IPP ``job-state``: ``lpstat`` cannot tell a cancelled job from a
completed one (both are listed as "completed" with the same alerts), and a badge must never count as handed over
when it did not print. A job still stuck when the desk stops waiting (a stopped queue, a held job) is cancelled,
so that it cannot print hours later for a person the desk recorded as not served.

Every tool runs in the C locale: their messages are read here, then said again in words for the counter clerk.
"""

from __future__ import annotations

import enum
import os
import plistlib
import re
import shutil
import subprocess
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from desk_app.printing.base import JobState, PrintError, PrintJob, PrintOutcome, require_pdf

DEFAULT_MEDIA = "Custom.85.6x54mm"  # ID-1 card; CUPS rounds 53.98 mm to 54
TOOLS = ("lp", "lpstat", "cancel", "ipptool")
TOOL_TIMEOUT_S = 15.0
# A card job ends about 0.15 s after lp on cups-pdf: look often at first (one ipptool run costs ~5 ms), then
# slowly for a printer that takes its time.
FAST_POLL_S = 0.05
FAST_POLLING_S = 3.0
SLOW_POLL_S = 0.5
CANCEL_WAIT_S = 3.0
_QUEUE_NAME = re.compile(r"[^\s/#?\\'\"]{1,127}")
_REQUEST_ID = re.compile(r"request id is (?P<id>\S+-\d+)")
# lpstat -p -a -d in the C locale: "printer Q is idle.  enabled since ...", "printer Q disabled since ... -",
# then the state message on a line starting with a tab; "Q [not ]accepting requests since ..."; the default.
_PRINTER_LINE = re.compile(r"printer (?P<name>\S+) (?P<state>is idle\.|now printing \S+\.|is holding|disabled since)")
_ACCEPTING_LINE = re.compile(r"(?P<name>\S+) (?P<refusing>not )?accepting requests since")
_DEFAULT_LINE = re.compile(r"system default destination: (?P<name>[^/\s]+)")

# One ipptool run asks for the job's state and for its printer's state (to say why a job is stuck).
_STATUS_REQUESTS = """
{
 NAME job
 OPERATION Get-Job-Attributes
 GROUP operation-attributes-tag
 ATTR charset attributes-charset utf-8
 ATTR naturalLanguage attributes-natural-language en
 ATTR uri printer-uri $uri
 ATTR integer job-id $job_id
 ATTR name requesting-user-name $user
 ATTR keyword requested-attributes job-state,job-state-reasons,job-printer-state-message
}
{
 NAME printer
 OPERATION Get-Printer-Attributes
 GROUP operation-attributes-tag
 ATTR charset attributes-charset utf-8
 ATTR naturalLanguage attributes-natural-language en
 ATTR uri printer-uri $uri
 ATTR name requesting-user-name $user
 ATTR keyword requested-attributes printer-state,printer-state-message,printer-state-reasons
}
"""

# printer-state-reasons (RFC 8011 and PWG 5100.9) a clerk can act on, in the clerk's words.
_REASON_WORDS = {
    "paused": "paused",
    "media-empty": "out of cards",
    "media-needed": "cards needed",
    "media-jam": "card jam",
    "cover-open": "cover open",
    "door-open": "door open",
    "marker-supply-empty": "ribbon used up",
    "offline": "offline",
    "connecting-to-device": "cannot reach the printer",
    "timed-out": "the printer does not answer",
    "shutdown": "shut down",
}


@dataclass(frozen=True)
class QueueInfo:
    """A CUPS queue as ``desk-app printers`` shows it: stopped queues hold jobs, refusing ones reject them."""

    name: str
    enabled: bool
    accepting: bool
    state_message: str
    is_default: bool


class IppJobState(enum.IntEnum):
    """RFC 8011 job-state values."""

    PENDING = 3
    HELD = 4
    PROCESSING = 5
    STOPPED = 6
    CANCELED = 7
    ABORTED = 8
    COMPLETED = 9


PRINTER_STOPPED = 5  # RFC 8011 printer-state


@dataclass(frozen=True)
class JobStatus:
    """One look at a job and its printer; ``job_state`` is None when the server does not know the job."""

    job_state: int | None
    job_reasons: tuple[str, ...] = ()
    job_message: str = ""
    printer_state: int | None = None
    printer_message: str = ""
    printer_reasons: tuple[str, ...] = ()
    unreachable: str = ""  # why the print server could not be asked, when it could not


class CupsPrinter:
    """A CUPS queue that badges are printed on, with the card's media, fit-to-page and duplex set explicitly."""

    def __init__(
        self, queue: str, media: str | None = DEFAULT_MEDIA, fit_to_page: bool = True, duplex: bool = False
    ) -> None:
        self.queue = queue
        self.media = media
        self.fit_to_page = fit_to_page
        self.duplex = duplex
        self._status_uri = ""

    def describe(self) -> str:
        media = f"media {self.media}" if self.media else "the queue's media"
        fit = ", fit to page" if self.fit_to_page else ""
        return f"CUPS queue {self.queue} ({media}{fit}, {'two' if self.duplex else 'one'}-sided)"

    def lp_options(self) -> list[str]:
        """The ``lp`` options: a card printer's driver defaults (media, duplex) are never trusted."""
        options = ["-o", "document-format=application/pdf"]
        if self.media:
            options += ["-o", f"media={self.media}"]
        if self.fit_to_page:
            options += ["-o", "fit-to-page"]
        return [*options, "-o", f"sides={'two-sided-long-edge' if self.duplex else 'one-sided'}"]

    def submit(self, pdf: bytes, title: str) -> PrintJob:
        """Send the PDF with ``lp``; the job id is CUPS's request id, such as ``G1-badges-42``.

        Raises:
            PrintError: the queue is unknown or not accepting jobs, CUPS is not installed or not running.
        """
        require_pdf(pdf)
        if not _QUEUE_NAME.fullmatch(self.queue):
            raise self._unavailable("that is not a valid print queue name")
        missing = [tool for tool in TOOLS if shutil.which(tool, path=os.environ.get("PATH")) is None]
        if missing:
            raise self._unavailable(
                f"the CUPS tools are not installed on this computer (missing: {', '.join(missing)})"
            )
        try:
            result = run_tool(["lp", "-d", self.queue, "-t", title, *self.lp_options()], stdin=pdf)
        except OSError as exc:
            raise self._unavailable(tool_problem(exc)) from None
        found = _REQUEST_ID.search(result.stdout)
        if result.returncode != 0 or found is None:
            raise self._unavailable(self._why_refused(result.stderr))
        return PrintJob(found["id"], self.queue, time.time())

    def wait(self, job: PrintJob, timeout_s: float) -> PrintOutcome:
        """Follow the job until it ends; a job not ended by ``timeout_s`` is cancelled and reported TIMED_OUT."""
        start = time.monotonic()
        deadline = start + timeout_s
        while True:
            status = self.status(job)
            outcome = self._ended(job, status)
            if outcome is not None:
                return outcome
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return self._give_up(job, status, timeout_s)
            pause = FAST_POLL_S if time.monotonic() - start < FAST_POLLING_S else SLOW_POLL_S
            time.sleep(min(pause, remaining))

    def status(self, job: PrintJob) -> JobStatus:
        """Ask the scheduler (the one ``lp`` used, from ``lpstat -H``) for the job's and the printer's state."""
        try:
            if not self._status_uri:
                server = run_tool(["lpstat", "-H"]).stdout.strip()  # a socket path or host:port
                host = quote(server, safe="") if server.startswith("/") else server.split("/")[0]
                self._status_uri = f"ipp://{host}/printers/{quote(self.queue)}"
            number = job.job_id.rsplit("-", 1)[-1]
            result = run_tool(
                ["ipptool", "-X", "-T", "5", "-d", f"job_id={number}", self._status_uri, "/dev/stdin"],
                stdin=_STATUS_REQUESTS.encode(),
            )
        except OSError as exc:
            return JobStatus(None, unreachable=tool_problem(exc))
        return parse_ipptool_plist(result.stdout, result.stderr)

    def cancel(self, job: PrintJob) -> JobStatus:
        """Cancel the job and wait (briefly) until the scheduler has ended it; returns the last status seen."""
        try:
            run_tool(["cancel", job.job_id])
        except OSError as exc:
            return JobStatus(None, unreachable=tool_problem(exc))
        deadline = time.monotonic() + CANCEL_WAIT_S
        while True:
            status = self.status(job)
            ended = status.job_state is not None and status.job_state >= IppJobState.CANCELED
            if ended or status.unreachable or time.monotonic() >= deadline:
                return status
            time.sleep(FAST_POLL_S)

    def _ended(self, job: PrintJob, status: JobStatus) -> PrintOutcome | None:
        """The outcome of a job that has ended; None while it may still print."""
        state, why = status.job_state, status.job_message or status.printer_message
        said = f" (the printer said: {why})" if why else ""
        with_errors = "job-completed-with-errors" in status.job_reasons
        if state == IppJobState.COMPLETED and not with_errors:
            return PrintOutcome(JobState.COMPLETED, f"printed on {self.queue} (job {job.job_id})")
        if state in (IppJobState.COMPLETED, IppJobState.ABORTED):
            # With errors, what came out may be blank or damaged: it is not a badge to hand over.
            return PrintOutcome(JobState.FAILED, f"printing failed on {self.queue}{said}; do not hand over the card")
        if state == IppJobState.CANCELED:
            return PrintOutcome(
                JobState.CANCELLED, f"the job was cancelled at the print server ({self.queue}) before it completed"
            )
        if state == IppJobState.STOPPED:
            # Stopped on an error (a damaged PDF, a filter failure): it would resume if restarted, so end it now.
            tail = self._cancelled_words(self.cancel(job))
            return PrintOutcome(JobState.FAILED, f"printing failed on {self.queue}{said}; {tail}")
        if state is None and not status.unreachable:
            return PrintOutcome(JobState.FAILED, f"the print server no longer knows job {job.job_id}")
        return None

    def _give_up(self, job: PrintJob, status: JobStatus, timeout_s: float) -> PrintOutcome:
        final = self.cancel(job)
        if final.job_state == IppJobState.COMPLETED:  # it finished while we were cancelling
            return PrintOutcome(JobState.COMPLETED, f"printed on {self.queue} (job {job.job_id})")
        why = self._why_stuck(status)
        return PrintOutcome(
            JobState.TIMED_OUT, f"not printed within {timeout_s:g} s: {why}; {self._cancelled_words(final)}"
        )

    @staticmethod
    def _cancelled_words(final: JobStatus) -> str:
        if final.job_state is not None and final.job_state >= IppJobState.CANCELED:
            return "the job was cancelled, it will not print later"
        return "the job could NOT be cancelled and may still print later: cancel it at the printer"

    def _why_stuck(self, status: JobStatus) -> str:
        if status.unreachable:
            return f"the print server (CUPS) is not answering ({status.unreachable})"
        reasons = ", ".join(_reason_words(status.printer_reasons))
        detail = status.printer_message or reasons
        if status.printer_state == PRINTER_STOPPED:
            return f"printer {self.queue} is stopped ({detail or 'no reason given'})"
        if status.job_state == IppJobState.HELD:
            return f"the job is held in the queue of {self.queue}"
        if status.job_state == IppJobState.PROCESSING:
            return f"printer {self.queue} was still printing it" + (f" ({detail})" if detail else "")
        return f"it was still waiting in the queue of {self.queue}" + (f" ({detail})" if detail else "")

    def _why_refused(self, stderr: str) -> str:
        said = _last_line(stderr).removeprefix("lp: ").removeprefix("Error - ")
        if not scheduler_running():
            return "the print server (CUPS) is not running"
        if "does not exist" in said:
            return "there is no print queue of that name on this computer"
        if "not accepting jobs" in said:
            try:
                why = next((q.state_message for q in list_queues() if q.name == self.queue), "")
            except PrintError:
                why = ""
            return "the queue is not accepting jobs" + (f" ({why})" if why else "")
        return said or "lp refused the job"

    def _unavailable(self, why: str) -> PrintError:
        return PrintError(f"printer {self.queue} is not available: {why}")


def list_queues() -> list[QueueInfo]:
    """The CUPS queues on this computer (``lpstat -p -a -d``); empty when there are none.

    Raises:
        PrintError: CUPS is not installed or not running.
    """
    try:
        result = run_tool(["lpstat", "-p", "-a", "-d"])
    except OSError as exc:
        raise PrintError(f"cannot list the printers: {tool_problem(exc)}") from None
    said = _last_line(result.stderr)
    if result.returncode != 0 and "No destinations added" not in said:
        why = "the print server (CUPS) is not running" if "not running" in said else said.removeprefix("lpstat: ")
        raise PrintError(f"cannot list the printers: {why or 'lpstat failed'}")
    return parse_lpstat(result.stdout)


def parse_lpstat(text: str) -> list[QueueInfo]:
    """Read ``lpstat -p -a -d`` output (C locale); classes, listed only under ``-a``, count as enabled."""
    enabled: dict[str, bool] = {}
    messages: dict[str, str] = {}
    accepting: dict[str, bool] = {}
    default = ""
    described = None  # the printer whose state message may follow on a tab-indented line
    for line in text.split("\n"):  # not splitlines(): a state message may hold other line separators
        if line.startswith("\t"):
            if described is not None and described not in messages:
                messages[described] = line.strip()
            continue
        described = None
        if found := _PRINTER_LINE.match(line):
            described = found["name"]
            enabled[described] = not found["state"].startswith("disabled")
        elif found := _ACCEPTING_LINE.match(line):
            accepting[found["name"]] = not found["refusing"]
            enabled.setdefault(found["name"], True)
        elif found := _DEFAULT_LINE.match(line):
            default = found["name"]
    return [
        QueueInfo(name, on, accepting.get(name, False), messages.get(name, ""), name == default)
        for name, on in enabled.items()
    ]


def scheduler_running() -> bool:
    """Whether cupsd answers (``lpstat -r``); ``lp`` says "does not exist" for every queue when it does not."""
    try:
        return run_tool(["lpstat", "-r"]).stdout.strip() == "scheduler is running"
    except OSError:
        return False


def run_tool(args: list[str], stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    """Run a CUPS tool in the C locale (its messages are parsed).

    Raises:
        FileNotFoundError: the tool is not installed.
        TimeoutError: it did not finish within TOOL_TIMEOUT_S (the server hangs).
    """
    env = {**os.environ, "LC_ALL": "C", "LANG": "C"}
    try:
        done = subprocess.run(args, input=stdin, capture_output=True, env=env, timeout=TOOL_TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired:
        raise TimeoutError(f"{args[0]} did not finish within {TOOL_TIMEOUT_S:g} s") from None
    return subprocess.CompletedProcess(
        args, done.returncode, done.stdout.decode(errors="replace"), done.stderr.decode(errors="replace")
    )


def tool_problem(exc: OSError) -> str:
    """An OSError from :func:`run_tool` in words."""
    if isinstance(exc, FileNotFoundError):
        return f"the CUPS tool {exc.filename or 'lp'} is not installed on this computer"
    if isinstance(exc, TimeoutError):
        return f"the print server (CUPS) does not answer ({exc})"
    return str(exc)


def parse_ipptool_plist(stdout: str, stderr: str = "") -> JobStatus:
    """Read ``ipptool -X`` output (an XML plist, then a text summary when there are several requests)."""
    end = stdout.find("</plist>")
    try:
        report = plistlib.loads(stdout[: end + len("</plist>")].encode()) if end >= 0 else {}
    except (plistlib.InvalidFileException, ValueError):
        report = {}
    tests = {test.get("Name"): test for test in report.get("Tests", [])}
    if "job" not in tests:
        return JobStatus(None, unreachable=str(report.get("ErrorMessage") or _last_line(stderr) or "no answer"))
    answer = str(tests["job"].get("StatusCode", ""))
    if not answer.startswith("successful") and answer != "client-error-not-found":
        return JobStatus(None, unreachable=f"the print server answered {answer}")
    job = _attributes(tests["job"])
    printer = _attributes(tests.get("printer", {}))
    return JobStatus(
        job_state=_integer(job.get("job-state")),
        job_reasons=_strings(job.get("job-state-reasons")),
        job_message=str(job.get("job-printer-state-message", "")),
        printer_state=_integer(printer.get("printer-state")),
        printer_message=str(printer.get("printer-state-message", "")),
        printer_reasons=_strings(printer.get("printer-state-reasons")),
    )


def _attributes(test: dict[str, Any]) -> dict[str, Any]:
    """The response attributes of one ipptool test, all groups but the operation group merged."""
    merged: dict[str, Any] = {}
    groups = test.get("ResponseAttributes", [])
    for group in groups[1:] if isinstance(groups, list) else []:
        merged.update(group)
    return merged


def _integer(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _strings(value: object) -> tuple[str, ...]:
    if isinstance(value, list):
        return tuple(str(v) for v in value)
    return (str(value),) if value else ()


def _reason_words(reasons: tuple[str, ...]) -> list[str]:
    words = []
    for reason in reasons:
        keyword = re.sub(r"-(error|warning|report)$", "", reason)
        if keyword != "none":
            words.append(_REASON_WORDS.get(keyword, keyword.replace("-", " ")))
    return words


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else ""
