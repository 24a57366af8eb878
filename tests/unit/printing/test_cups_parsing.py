"""Reading what the CUPS tools print: ``lpstat -p -a -d`` and ``ipptool -X`` (no CUPS needed)."""

from __future__ import annotations

import plistlib

from hypothesis import given
from hypothesis import strategies as st

from desk_app.printing.cups import JobStatus, QueueInfo, parse_ipptool_plist, parse_lpstat

LPSTAT = """\
printer G1-badges is idle.  enabled since Thu Nov 26 10:29:18 2026
printer G2-badges disabled since Thu Nov 26 10:30:41 2026 -
\tcard jam at desk 3
printer office now printing office-12.  enabled since Thu Nov 26 10:31:00 2026
\tPrinting page 1, 4% complete.
G1-badges accepting requests since Thu Nov 26 10:29:18 2026
G2-badges accepting requests since Thu Nov 26 10:30:41 2026
office not accepting requests since Thu Nov 26 10:31:00 2026 -
\tPrinting page 1, 4% complete.
all-desks accepting requests since Thu Nov 26 10:29:18 2026
system default destination: G1-badges
"""


def test_lpstat_queues_with_their_states() -> None:
    assert parse_lpstat(LPSTAT) == [
        QueueInfo("G1-badges", enabled=True, accepting=True, state_message="", is_default=True),
        QueueInfo("G2-badges", enabled=False, accepting=True, state_message="card jam at desk 3", is_default=False),
        QueueInfo("office", True, False, "Printing page 1, 4% complete.", False),
        QueueInfo("all-desks", True, True, "", False),  # a class: listed by -a only
    ]


def test_lpstat_with_no_queues() -> None:
    assert parse_lpstat("no system default destination\n") == []


queue_names = st.text(
    st.characters(codec="utf-8", exclude_characters=" \t\n\r/#?\\'\"", exclude_categories=("C", "Z")),
    min_size=1,
    max_size=30,
)
queues = st.lists(
    st.builds(
        QueueInfo,
        name=queue_names,
        enabled=st.booleans(),
        accepting=st.booleans(),
        state_message=st.text(st.characters(exclude_categories=("C", "Zl", "Zp")), max_size=40).map(str.strip),
        is_default=st.just(False),
    ),
    unique_by=lambda q: q.name,
    max_size=5,
)


def as_lpstat(infos: list[QueueInfo], default: str | None) -> str:
    """What lpstat prints for these queues (CUPS 2.4, C locale)."""
    lines = []
    for q in infos:
        state = "is idle.  enabled since" if q.enabled else "disabled since"
        lines.append(f"printer {q.name} {state} Thu Nov 26 10:29:18 2026{'' if q.enabled else ' -'}")
        if q.state_message or not q.enabled:
            lines.append(f"\t{q.state_message or 'reason unknown'}")
    for q in infos:
        refusing = "" if q.accepting else "not "
        lines.append(f"{q.name} {refusing}accepting requests since Thu Nov 26 10:29:18 2026")
        if not q.accepting:
            lines.append(f"\t{q.state_message or 'reason unknown'}")
    lines.append(f"system default destination: {default}" if default else "no system default destination")
    return "\n".join(lines) + "\n"


@given(queues, st.data())
def test_lpstat_round_trip(infos: list[QueueInfo], data: st.DataObject) -> None:
    default = data.draw(st.sampled_from([None, *(q.name for q in infos)]))
    expected = [
        QueueInfo(
            q.name,
            q.enabled,
            q.accepting,
            q.state_message or ("" if q.enabled else "reason unknown"),
            q.name == default,
        )
        for q in infos
    ]
    assert parse_lpstat(as_lpstat(infos, default)) == expected


def ipptool_report(job: dict[str, object] | None, printer: dict[str, object], status: str = "successful-ok") -> str:
    """ipptool -X output for the two requests, with the text summary it prints after the plist."""
    operation = {"attributes-charset": "utf-8", "attributes-natural-language": "en"}
    tests = [
        {"Name": "job", "StatusCode": status, "ResponseAttributes": [operation, *([job] if job else [])]},
        {"Name": "printer", "StatusCode": "successful-ok", "ResponseAttributes": [operation, printer]},
    ]
    plist = plistlib.dumps({"Tests": tests, "Successful": True}).decode()
    return plist + "\nSummary: 2 tests, 2 passed, 0 failed, 0 skipped\nScore: 100%\n"


def test_ipptool_report_of_a_job_waiting_on_a_paused_printer() -> None:
    report = ipptool_report(
        {"job-state": 3, "job-state-reasons": "none"},
        {"printer-state": 5, "printer-state-message": "Paused", "printer-state-reasons": ["paused", "media-jam-error"]},
    )
    assert parse_ipptool_plist(report) == JobStatus(
        job_state=3,
        job_reasons=("none",),
        printer_state=5,
        printer_message="Paused",
        printer_reasons=("paused", "media-jam-error"),
    )


def test_ipptool_report_of_an_unknown_job() -> None:
    report = ipptool_report(None, {"printer-state": 3}, status="client-error-not-found")
    assert parse_ipptool_plist(report) == JobStatus(None, printer_state=3)


def test_ipptool_report_when_the_server_refuses_to_answer() -> None:
    report = ipptool_report(None, {}, status="client-error-not-authorized")
    status = parse_ipptool_plist(report)
    assert status.job_state is None and status.unreachable == "the print server answered client-error-not-authorized"


def test_ipptool_report_when_the_server_is_down() -> None:
    report = plistlib.dumps({"Tests": [], "Successful": False, "ErrorMessage": "Unable to connect"}).decode()
    assert parse_ipptool_plist(report).unreachable == "Unable to connect"
    assert parse_ipptool_plist("", "ipptool: Unable to connect to x").unreachable == "ipptool: Unable to connect to x"
