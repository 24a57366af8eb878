"""The supervisor's daily export: one local day of the log, counted, as CSV and as an A4 PDF.

The day is built with real check-ins through ``DeskService`` on a real SQLite file, with entries just before and after
midnight in Brussels, where the local day and the UTC day differ by an hour.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pypdfium2
import pytest

from desk_app.config import DEFAULT_EVENT_FILE, load_event_file
from desk_app.core.event import EventConfig
from desk_app.core.model import (
    AccreditationKind,
    Action,
    LogEntry,
    LogRecord,
    Outcome,
    PresentedDocument,
    PresentedPress,
    Reason,
    Status,
)
from desk_app.reports.daily import CSV_COLUMNS, ReportError, export_csv, export_pdf
from desk_app.reports.pdf_report import reason_text
from desk_app.reports.totals import Tally, summarise
from desk_app.service import DeskService, Station
from desk_app.store import Store
from tests.conftest import BRUSSELS, FixedClock, make_application

DAY = date(2024, 2, 14)
GOOD_DOC = PresentedDocument("C01X00T47")
GOOD_PRESS = PresentedPress(card_number="DJV-48213")
ODD_DESK = "G3 – Ségolène & <Co>"
GENERATED = datetime(2024, 2, 14, 18, 0, tzinfo=BRUSSELS)
EVENT = load_event_file(DEFAULT_EVENT_FILE)


class Interrupted(Exception):
    """Stands for anything that stops an export halfway: a crash, a full disk, Ctrl+C."""


@dataclass(frozen=True)
class Day:
    """The store after the day's check-ins, and the sequence numbers the tests look for."""

    store: Store
    event: EventConfig
    seq_before: int  # 23:30 on 13 Feb local, 22:30 UTC
    seq_after_midnight: int  # 00:30 on 14 Feb local, still 13 Feb in UTC
    seq_next_day: int  # 00:30 on 15 Feb local, still 14 Feb in UTC
    seq_redirect: int


def _at(clock: FixedClock, day: int, hour: int, minute: int) -> None:
    clock.moment = datetime(2024, 2, day, hour, minute, tzinfo=BRUSSELS)


@pytest.fixture
def day(desk: DeskService, clock: FixedClock, staffed_store: Store, event: EventConfig) -> Day:
    staffed_store.applications.upsert_many(
        [
            make_application(reference="DM24-000001"),
            make_application(reference="DM24-000002"),
            make_application(reference="DM24-000003", status=Status.REVOKED),
            make_application(reference="AN24-000004", kind=AccreditationKind.ANNUAL, annual_number="NATO-A24-4"),
            make_application(reference="DM24-000005"),
        ],
        "2024-02-01T00:00:00.000000Z",
    )
    g1, g2 = Station("groups", "G1", "anna"), Station("groups", "G2", "anna")
    v1 = Station("visitors", "V1", "paul")

    def check_in(station: Station, reference: str, document: PresentedDocument | None = GOOD_DOC) -> int:
        return desk.check_in(station, reference, document, GOOD_PRESS).log_entry.seq

    _at(clock, 13, 23, 30)
    before = check_in(g1, "DM24-000001")  # ISSUE: a CHECKIN and an ISSUE entry, on 13 Feb
    _at(clock, 14, 0, 30)
    after_midnight = check_in(g1, "DM24-999999")  # REFUSE, NOT_FOUND
    _at(clock, 14, 9, 15)
    check_in(g2, "DM24-000002")  # ISSUE
    _at(clock, 14, 9, 40)
    check_in(g2, "DM24-000003")  # REFUSE, REVOKED
    _at(clock, 14, 10, 5)
    # REDIRECT, WRONG_ENTRANCE at a desk whose name the desk refuses today, as an older or edited file may hold
    # it: the exports must still write it safely.
    odd = LogRecord(clock.now(), Action.CHECKIN, "groups", ODD_DESK, "anna", "AN24-000004", "REDIRECT",
                    ("WRONG_ENTRANCE",), {"code": "plain_reference", "redirect_to": "visitors"})  # fmt: skip
    redirect = staffed_store.log.append(odd).seq
    _at(clock, 14, 10, 20)
    check_in(v1, "AN24-000004")  # ISSUE
    _at(clock, 14, 10, 30)
    check_in(v1, "DM24-000001")  # REFUSE, ALREADY_ISSUED
    _at(clock, 14, 11, 0)
    doubtful = PresentedDocument("C01X00T47", family_name="Meyer", date_of_birth=date(1980, 1, 1))
    check_in(g2, "DM24-000005", doubtful)  # NEEDS_SUPERVISOR, two reasons
    _at(clock, 14, 23, 30)
    check_in(g1, "DM24-777777")  # REFUSE, NOT_FOUND: 22:30 UTC, still 14 Feb
    _at(clock, 15, 0, 30)
    next_day = check_in(g1, "DM24-888888")  # REFUSE, NOT_FOUND: 15 Feb local
    return Day(staffed_store, event, before, after_midnight, next_day, redirect)


def _whole_log(store: Store) -> list[LogEntry]:
    return list(store.log.between(datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC)))


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


def _pdf_pages(path: Path) -> list[tuple[str, tuple[float, float]]]:
    pdf = pypdfium2.PdfDocument(path)
    try:
        return [(page.get_textpage().get_text_range(), page.get_size()) for page in pdf]
    finally:
        pdf.close()


def _entry(seq: int, moment: datetime, action: Action = Action.CHECKIN, outcome: str = "ISSUE") -> LogEntry:
    record = LogRecord(moment, action, "groups", "G1", "anna", f"DM24-{seq:06d}", outcome)
    return LogEntry(seq, record, f"{seq - 1:064x}", f"{seq:064x}")


def test_totals_count_the_local_day_only(day: Day) -> None:
    totals = summarise(_whole_log(day.store), day.event, DAY)

    assert totals.entries == 11  # the event set-up at 09:00 and ten entries of check-ins
    assert totals.checkins_by_outcome == {
        Outcome.ISSUE: 2,
        Outcome.REDIRECT: 1,
        Outcome.REFUSE: 4,
        Outcome.NEEDS_SUPERVISOR: 1,
    }
    assert totals.badges_issued == 2
    assert totals.by_action == {Action.EVENT_CONFIGURED: 1, Action.CHECKIN: 8, Action.ISSUE: 2}
    assert totals.refusal_reasons == {Reason.NOT_FOUND: 2, Reason.REVOKED: 1, Reason.ALREADY_ISSUED: 1}
    assert totals.reasons[Outcome.REDIRECT] == {Reason.WRONG_ENTRANCE: 1}
    assert totals.reasons[Outcome.NEEDS_SUPERVISOR] == {
        Reason.FAMILY_NAME_MISMATCH: 1,
        Reason.DATE_OF_BIRTH_MISMATCH: 1,
    }


def test_totals_per_entrance_desk_and_hour(day: Day) -> None:
    totals = summarise(_whole_log(day.store), day.event, DAY)

    assert totals.by_entrance == {
        "groups": Tally(entries=7, checkins=6, issue=1, redirect=1, refuse=3, needs_supervisor=1, badges=1),
        "visitors": Tally(entries=3, checkins=2, issue=1, refuse=1, badges=1),
    }
    assert totals.by_desk == {
        ("groups", "G1"): Tally(entries=2, checkins=2, refuse=2),
        ("groups", "G2"): Tally(entries=4, checkins=3, issue=1, refuse=1, needs_supervisor=1, badges=1),
        ("groups", ODD_DESK): Tally(entries=1, checkins=1, redirect=1),
        ("visitors", "V1"): Tally(entries=3, checkins=2, issue=1, refuse=1, badges=1),
    }
    busy = {hour: tally.entries for hour, tally in enumerate(totals.by_hour) if tally.entries}
    assert busy == {0: 1, 9: 4, 10: 4, 11: 1, 23: 1}
    assert totals.by_hour[0] == Tally(entries=1, checkins=1, refuse=1)


def test_chain_position_is_the_days_lowest_and_highest_seq(day: Day) -> None:
    entries = _whole_log(day.store)
    totals = summarise(entries, day.event, DAY)

    # The event set-up (#1) is on the 14th, the first check-ins (#2, #3) on the 13th: the day is not a run.
    assert (totals.first_seq, totals.last_seq) == (1, day.seq_next_day - 1)
    assert totals.last_hash == next(e.entry_hash for e in entries if e.seq == totals.last_seq)


def test_summarise_takes_the_highest_seq_as_last_whatever_the_order() -> None:
    event = EVENT
    noon = datetime(2024, 2, 14, 12, 0, tzinfo=BRUSSELS)
    totals = summarise([_entry(7, noon), _entry(5, noon), _entry(6, noon)], event, DAY)

    assert (totals.first_seq, totals.last_seq, totals.last_hash) == (5, 7, f"{7:064x}")


def test_hours_follow_the_local_clock_across_a_summer_time_change() -> None:
    event = EVENT
    change = date(2024, 3, 31)  # clocks go from 02:00 to 03:00 in Brussels
    entries = [
        _entry(1, datetime(2024, 3, 30, 23, 30, tzinfo=UTC)),  # 00:30 CET on the 31st
        _entry(2, datetime(2024, 3, 31, 1, 30, tzinfo=UTC)),  # 03:30 CEST
        _entry(3, datetime(2024, 3, 31, 22, 30, tzinfo=UTC)),  # 00:30 CEST on 1 April
    ]
    totals = summarise(entries, event, change)

    busy = {hour: tally.entries for hour, tally in enumerate(totals.by_hour) if tally.entries}
    assert busy == {0: 1, 3: 1}


def test_csv_export_holds_the_local_day_across_midnight(day: Day, tmp_path: Path) -> None:
    out = tmp_path / "day.csv"
    totals = export_csv(day.store, day.event, DAY, out)

    seqs = [int(row["seq"]) for row in _read_csv(out)]
    assert day.seq_before not in seqs  # 23:30 local on the 13th, 22:30 UTC
    assert day.seq_after_midnight in seqs  # 00:30 local on the 14th, 23:30 UTC on the 13th
    assert day.seq_next_day not in seqs  # 00:30 local on the 15th, 23:30 UTC on the 14th
    assert seqs == sorted(seqs)
    assert len(seqs) == totals.entries == 11


def test_neighbouring_days_get_the_entries_across_midnight(day: Day, tmp_path: Path) -> None:
    before = export_csv(day.store, day.event, date(2024, 2, 13), tmp_path / "13.csv")
    after = export_csv(day.store, day.event, date(2024, 2, 15), tmp_path / "15.csv")

    assert [int(row["seq"]) for row in _read_csv(tmp_path / "13.csv")] == [day.seq_before, day.seq_before + 1]
    assert [int(row["seq"]) for row in _read_csv(tmp_path / "15.csv")] == [day.seq_next_day]
    assert (before.badges_issued, after.refusal_reasons) == (1, {Reason.NOT_FOUND: 1})


def test_csv_rows_carry_local_and_utc_time_and_the_hash(day: Day, tmp_path: Path) -> None:
    out = tmp_path / "day.csv"
    export_csv(day.store, day.event, DAY, out)

    assert out.read_bytes().startswith(b"\xef\xbb\xbfseq,local_time,")
    rows = {int(row["seq"]): row for row in _read_csv(out)}
    redirect = rows[day.seq_redirect]
    stored = next(e for e in day.store.log.for_reference("AN24-000004") if e.seq == day.seq_redirect)
    assert list(redirect) == list(CSV_COLUMNS)
    assert redirect == {
        "seq": str(day.seq_redirect),
        "local_time": "2024-02-14T10:05:00+01:00",
        "utc_time": "2024-02-14T09:05:00.000000Z",
        "entrance": "groups",
        "desk": ODD_DESK,
        "staff": "anna",
        "supervisor": "",
        "action": "CHECKIN",
        "reference": "AN24-000004",
        "outcome": "REDIRECT",
        "reasons": "WRONG_ENTRANCE",
        "detail": '{"code":"plain_reference","redirect_to":"visitors"}',
        "entry_hash": stored.entry_hash,
    }
    assert rows[day.seq_after_midnight]["local_time"] == "2024-02-14T00:30:00+01:00"
    assert rows[day.seq_after_midnight]["utc_time"] == "2024-02-13T23:30:00.000000Z"


def test_csv_joins_several_reasons_with_a_bar(day: Day, tmp_path: Path) -> None:
    out = tmp_path / "day.csv"
    export_csv(day.store, day.event, DAY, out)

    doubtful = [row for row in _read_csv(out) if row["outcome"] == "NEEDS_SUPERVISOR"]
    assert [row["reasons"] for row in doubtful] == ["FAMILY_NAME_MISMATCH|DATE_OF_BIRTH_MISMATCH"]


def test_csv_cells_cannot_turn_into_spreadsheet_formulas(store: Store, event: EventConfig, tmp_path: Path) -> None:
    moment = datetime(2024, 2, 14, 12, 0, tzinfo=BRUSSELS)
    store.log.append(LogRecord(moment, Action.CHECKIN, "groups", "@desk", "-x", '=HYPERLINK("http://x")', "REFUSE"))
    store.log.append(LogRecord(moment, Action.CHECKIN, "groups", "  =1+1", "\u00a0@x", " ok = fine", "REFUSE"))
    out = tmp_path / "day.csv"
    export_csv(store, event, DAY, out)

    first, second = _read_csv(out)[-2:]
    assert (first["desk"], first["staff"], first["reference"]) == ("'@desk", "'-x", '\'=HYPERLINK("http://x")')
    assert (second["desk"], second["staff"], second["reference"]) == ("'  =1+1", "'\u00a0@x", " ok = fine")


def test_progress_is_told_every_thousand_entries_and_at_the_end(
    store: Store, event: EventConfig, tmp_path: Path
) -> None:
    noon = datetime(2024, 2, 14, 12, 0, tzinfo=BRUSSELS)
    with store.transaction():
        for _ in range(2_499):
            store.log.append(LogRecord(noon, Action.LOOKUP, "groups", "G1", "anna", "DM24-000001"))
    calls: list[tuple[int, int]] = []
    totals = export_csv(store, event, DAY, tmp_path / "day.csv", lambda done, total: calls.append((done, total)))

    assert totals.entries == 2_500  # with the event set-up
    assert calls == [(1_000, 0), (2_000, 0), (2_500, 2_500)]


def test_an_interrupted_export_leaves_the_previous_file_alone(day: Day, tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    out = folder / "day.csv"
    out.write_text("previous export\n", encoding="utf-8")

    def interrupt(done: int, total: int) -> None:
        raise Interrupted

    with pytest.raises(Interrupted):
        export_csv(day.store, day.event, DAY, out, interrupt)
    with pytest.raises(Interrupted):
        export_pdf(day.store, day.event, DAY, out, interrupt)

    assert out.read_text(encoding="utf-8") == "previous export\n"
    assert [p.name for p in folder.iterdir()] == ["day.csv"]  # no temporary file left behind


def test_a_missing_folder_is_a_report_error(day: Day, tmp_path: Path) -> None:
    out = tmp_path / "no such folder" / "day.csv"

    with pytest.raises(ReportError, match="no such folder"):
        export_csv(day.store, day.event, DAY, out)
    assert not out.parent.exists()


def test_pdf_report_shows_event_day_and_totals(day: Day, tmp_path: Path) -> None:
    out = tmp_path / "day.pdf"
    totals = export_pdf(day.store, day.event, DAY, out, generated_at=GENERATED)

    pages = _pdf_pages(out)
    text = " ".join(" ".join(page_text for page_text, _ in pages).split())  # wrapped lines joined
    assert totals.entries == 11
    assert all(size == pytest.approx((595.28, 841.89), abs=0.5) for _, size in pages)  # A4 in points
    for expected in (
        "Meeting of NATO Ministers of Defence",
        "Check-in log of Wednesday 14 February 2024",
        "Europe/Brussels (UTC+01:00)",
        "13 Feb 2024 23:00 UTC to 14 Feb 2024 23:00 UTC",
        "Generated 2024-02-14 18:00",
        f"Log entries #1 to #{totals.last_seq}; hash of the last entry: {totals.last_hash}",
        ODD_DESK,
        "Groups entrance",
        "Visitors entrance",
        "23:00–24:00",
        "Not in the accreditation list",
        "NOT_FOUND",
        "Family name differs from the application",
        f"Page 1 of {len(pages)}",
    ):
        assert expected in text, expected
    assert "Check-ins 8 Badges handed over 2" in text


def test_pdf_tables_total_the_entrances(day: Day, tmp_path: Path) -> None:
    out = tmp_path / "day.pdf"
    export_pdf(day.store, day.event, DAY, out, generated_at=GENERATED)

    lines = [" ".join(line.split()) for page, _ in _pdf_pages(out) for line in page.splitlines()]
    # check-ins, issue, redirect, refuse, supervisor, badges, all entries
    assert "Groups entrance 6 1 1 3 1 1 7" in lines
    assert "Visitors entrance 2 1 0 1 0 1 3" in lines
    assert "Total 8 2 1 4 1 2 10" in lines  # the event set-up has no entrance


def test_empty_day_gives_an_empty_csv_and_a_one_page_pdf(day: Day, tmp_path: Path) -> None:
    quiet = date(2024, 2, 20)
    csv_totals = export_csv(day.store, day.event, quiet, tmp_path / "quiet.csv")
    pdf_totals = export_pdf(day.store, day.event, quiet, tmp_path / "quiet.pdf", generated_at=GENERATED)

    assert _read_csv(tmp_path / "quiet.csv") == []
    assert csv_totals == pdf_totals
    assert (pdf_totals.entries, pdf_totals.first_seq, pdf_totals.by_hour[9]) == (0, None, Tally())
    [(text, _)] = _pdf_pages(tmp_path / "quiet.pdf")
    assert "Check-in log of Tuesday 20 February 2024" in text
    assert "No log entries on this day." in text
    assert "Per entrance" not in text


def test_reasons_read_as_sentences_and_unknown_names_stay_as_they_are() -> None:
    assert reason_text(Reason.REVOKED) == "The accreditation was revoked"
    assert all(reason_text(reason) != reason.value for reason in Reason)
    assert reason_text("SOMETHING_NEWER") == "SOMETHING_NEWER"
