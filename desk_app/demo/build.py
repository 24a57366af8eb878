"""The demo database: fictional applicants imported through the real importer, demo staff, and a scripted first
morning of check-ins, so a new user finds a desk with history to look at and samples to try.
"""

from __future__ import annotations

import dataclasses
import random
import shlex
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from desk_app.config import DEFAULT_EVENT_FILE
from desk_app.core.model import (
    AccreditationKind,
    Outcome,
    PresentedDocument,
    PresentedPress,
    Role,
    StaffMember,
    Status,
)
from desk_app.demo.generator import Row, generate_rows, write_csv, write_photos
from desk_app.errors import StoreError
from desk_app.service import DeskProfile, DeskService, Station, StationConfig
from desk_app.service.keys import SIGNING_KEY_FILE, VERIFY_KEY_FILE, load_signing_key, new_key_pair
from desk_app.service.startup import event_of, install_event
from desk_app.store import open_store

BRUSSELS = ZoneInfo("Europe/Brussels")
SETUP_AT = datetime(2024, 2, 12, 10, 0, tzinfo=BRUSSELS)  # list imported and staff set up two days before
MORNING_STARTS = datetime(2024, 2, 14, 8, 0, tzinfo=BRUSSELS)
TRY_AT = "2024-02-14T10:00"  # a --now for trying the samples: after the demo morning, within issuing hours
CSV_NAME = "accreditation-list.csv"
PHOTOS_FOLDER = "photos"
KEYS_FOLDER = "keys"
CONFIRMATIONS_FOLDER = "confirmations"
DEMO_KEY = "demo"  # meta key marking a database build_demo made, and may therefore delete
_EVENT_LAST_DAY = "2024-02-15"  # documents expiring before it are refused
GROUPS, VISITORS = "groups", "visitors"
DEMO_DESK = "DEMO-G1"
DEMO_BADGES_FOLDER = "badges"
ISSUED_AT_GROUPS, ISSUED_AT_VISITORS = 32, 8
_ALREADY_SERVED = "REFUSE: ALREADY_ISSUED, saying when, where and by whom the badge was issued"


class NotADemoDatabase(StoreError):
    """``build_demo`` was pointed at a database it did not make: it will not delete real data."""


@dataclass(frozen=True)
class DemoStaff:
    login: str
    full_name: str
    role: Role
    pin: str
    entrance: str
    desk: str

    @property
    def station(self) -> Station:
        return Station(self.entrance, self.desk, self.login)


DEMO_STAFF = (
    DemoStaff("counter1", "Lotte Claes", Role.COUNTER, "2481", GROUPS, "G1"),
    DemoStaff("counter2", "Marc Dumont", Role.COUNTER, "2482", GROUPS, "G2"),
    DemoStaff("pass1", "Inge Peeters", Role.PASS_OFFICE, "3571", VISITORS, "V1"),
    DemoStaff("super1", "Sophie Lambert", Role.SUPERVISOR, "975310", GROUPS, "G9"),
)
_COUNTERS = DEMO_STAFF[:2]
_PASS_OFFICE = DEMO_STAFF[2]
_SUPERVISOR = DEMO_STAFF[3]


@dataclass(frozen=True)
class DemoSample:
    """A reference worth trying at the desk: what to present, where, and what the desk will say."""

    reference: str
    name: str
    staff: DemoStaff
    document_number: str
    press_card: str  # empty when the applicant brings an editor's letter
    expect: str

    def command(self, db_path: Path) -> str:
        press = f"--press-card {shlex.quote(self.press_card)}" if self.press_card else "--editor-letter"
        return (
            f"desk-app checkin --db {shlex.quote(str(db_path))} --now {TRY_AT} --entrance {self.staff.entrance} "
            f"--desk {self.staff.desk} --staff {self.staff.login} {self.reference} "
            f"--document-number {shlex.quote(self.document_number)} {press}"
        )


@dataclass(frozen=True)
class DemoSummary:
    """What ``build_demo`` made, and what to try with it."""

    db_path: Path
    csv_path: Path
    photos_dir: Path
    applications: int
    photos: int
    confirmations_dir: Path
    confirmations: int
    counts: Mapping[tuple[AccreditationKind, Status], int]
    staff: tuple[DemoStaff, ...]
    log_entries: int
    checkins: Mapping[Outcome, int]  # verdicts given during the demo morning
    unexpected: tuple[str, ...]  # morning check-ins whose verdict was not the scripted one (normally none)
    issue_at_groups: DemoSample | None
    annual_at_visitors: DemoSample | None
    revoked: DemoSample | None
    already_served: DemoSample | None

    def describe(self) -> str:
        """A few lines for the terminal: where things are, who can log in, what to try."""
        kinds = "; ".join(
            f"{kind.value}: "
            + ", ".join(f"{self.counts[kind, s]} {s.value}" for s in Status if (kind, s) in self.counts)
            for kind in AccreditationKind
            if any(k == kind for k, _ in self.counts)
        )
        verdicts = ", ".join(f"{self.checkins[o]} {o.value}" for o in Outcome if o in self.checkins)
        lines = [
            f"Demo database: {self.db_path} ({self.applications} fictional applications; {kinds})",
            f"Accreditation list: {self.csv_path}; {self.photos} placeholder photos in {self.photos_dir}",
            "Staff (login, PIN): "
            + ", ".join(f"{s.login} {s.pin} ({s.role.value}, {s.entrance} {s.desk})" for s in self.staff),
            f"Confirmation printouts, as applicants print them: {self.confirmations} PDFs in {self.confirmations_dir}"
            " (desk-app decode FILE reads their signed QR code)",
            f"Morning of 14 February played: {verdicts}; {self.log_entries} log entries.",
            "Try (the desk's clock must be within the event: --now sets it):",
        ]
        for sample in (self.issue_at_groups, self.annual_at_visitors, self.revoked, self.already_served):
            if sample is not None:
                lines += [f"  {sample.reference} {sample.name}: {sample.expect}", f"    {sample.command(self.db_path)}"]
        lines += [f"  unexpected: {u}" for u in self.unexpected]
        return "\n".join(lines)


def build_demo(db_path: Path, out_dir: Path, count: int = 300, seed: int = 2024) -> DemoSummary:
    """Write the list and photos under ``out_dir``, then build a desk database at ``db_path`` from them.

    The database goes through the real importer and the real desk: the event is installed, staff added,
    the list imported, and a short morning of check-ins played at both entrances. Demo data is disposable,
    so a database that an earlier ``build_demo`` made (with its -wal and -shm files) is deleted and rebuilt;
    any other database at ``db_path`` is refused with ``NotADemoDatabase`` rather than deleted.
    """
    _remove_demo_database(db_path)
    rows = generate_rows(count, seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    csv_path, photos_dir = out_dir / CSV_NAME, out_dir / PHOTOS_FOLDER
    write_csv(rows, csv_path)
    photos = write_photos(rows, photos_dir)
    rng = random.Random(f"demo-morning-{seed}")
    visits, samples = _MorningPlan(rows, rng).plan()
    store = open_store(db_path)
    clock = _MorningClock(SETUP_AT)
    try:
        store.meta.put(DEMO_KEY, f"seed={seed} count={count}")
        # A rehearsal database: the demo runs on the event's days, whatever today is.
        event = event_of(store) or install_event(
            store, DEFAULT_EVENT_FILE.read_text(encoding="utf-8"), "default", SETUP_AT, rehearsal=True
        )
    except BaseException:
        store.close()
        raise
    with DeskService(store, event, clock, db_path) as desk:
        for member in DEMO_STAFF:
            desk.add_staff(StaffMember(member.login, member.full_name, member.role), member.pin, by="demo")
        desk.import_list(csv_path, photos_dir, by=_SUPERVISOR.login)
        confirmations_dir = out_dir / CONFIRMATIONS_FOLDER
        confirmations = _office_side(desk, out_dir / KEYS_FOLDER, confirmations_dir)
        clock.moment = MORNING_STARTS
        outcomes, unexpected = _play_morning(desk, clock, visits, rng)
        return DemoSummary(
            db_path=db_path,
            csv_path=csv_path,
            photos_dir=photos_dir,
            applications=store.applications.count(),
            photos=photos,
            confirmations_dir=confirmations_dir,
            confirmations=confirmations,
            counts=store.applications.counts_by_kind_and_status(),
            staff=DEMO_STAFF,
            log_entries=store.log.count(),
            checkins=dict(outcomes),
            unexpected=tuple(unexpected),
            **samples,
        )


def demo_profile(db_path: Path) -> DeskProfile:
    """The demo's desk: Groups entrance, badges as PDFs beside the demo database, the first counter's login."""
    folder = db_path.expanduser().resolve().parent
    station = StationConfig(entrance=GROUPS, desk=DEMO_DESK, pdf_dir=str(folder / DEMO_BADGES_FOLDER))
    first = DEMO_STAFF[0]
    return DeskProfile(station, first.login, first.pin, folder / CONFIRMATIONS_FOLDER, folder)


def _office_side(desk: DeskService, keys_dir: Path, confirmations_dir: Path) -> int:
    """Play the accreditation office: a fresh key pair, the verify key installed on the desk, the printouts."""
    for stale in (keys_dir / SIGNING_KEY_FILE, keys_dir / VERIFY_KEY_FILE):
        stale.unlink(missing_ok=True)  # demo keys are disposable; new_key_pair never overwrites
    signing, verify = new_key_pair(keys_dir)
    desk.install_verify_key(verify, by=_SUPERVISOR.login)
    return desk.write_confirmations(load_signing_key(signing), confirmations_dir)


def _remove_demo_database(db_path: Path) -> None:
    """Delete an earlier demo database; refuse to touch anything else."""
    if db_path.exists() and db_path.stat().st_size > 0:
        with open_store(db_path) as store:
            if store.meta.get(DEMO_KEY) is None:
                raise NotADemoDatabase(
                    f"{db_path} is not a demo database; it is left as it is (choose another --db for the demo)"
                )
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)


# --- The demo morning --------------------------------------------------------------------------------------


class _MorningClock:
    """Stands still while a check-in is decided; moves on when the next person steps up."""

    def __init__(self, start: datetime) -> None:
        self.moment = start

    def now(self) -> datetime:
        return self.moment

    def advance(self, seconds: float) -> None:
        self.moment += timedelta(seconds=seconds)


@dataclass(frozen=True)
class _Visit:
    staff: DemoStaff
    row: Row
    document: PresentedDocument
    press: PresentedPress
    expected: Outcome


def _visit(staff: DemoStaff, row: Row, expected: Outcome, document_number: str = "") -> _Visit:
    """The person of ``row`` at ``staff``'s desk with the documents they applied with (or another one)."""
    if row["press_card_number"]:
        press = PresentedPress(row["press_card_number"])
    else:
        press = PresentedPress(editor_letter_seen=True)
    return _Visit(staff, row, PresentedDocument(document_number or row["document_number"]), press, expected)


def _other_number(number: str) -> str:
    """The number of a newer passport than the one applied with: same shape, another last character."""
    return number[:-1] + ("7" if number[-1] != "7" else "3")


class _MorningPlan:
    """The scripted check-ins, and the samples the summary offers to try afterwards.

    Mostly people served at the right entrance, interleaved with what a counter meets every morning: a
    revoked and a pending application, an unknown reference, an expired passport, a newer passport whose
    number differs, people at the wrong entrance (who come back later at the right one) and a second scan.
    """

    def __init__(self, rows: Sequence[Row], rng: random.Random) -> None:
        self.rows = rows
        self.rng = rng
        # Approved, with a document still valid at the event: people the desk can serve.
        self.ready = {
            kind: [r for r in rows if r["kind"] == kind and r["status"] == Status.APPROVED and _in_date(r)]
            for kind in (AccreditationKind.MINISTERIAL, AccreditationKind.ANNUAL)
        }
        for people in self.ready.values():
            rng.shuffle(people)
        self.visits: list[_Visit] = []
        self.later: list[_Visit] = []  # after everyone else: the redirected coming back, the second scan

    def take(self, kind: AccreditationKind) -> Row | None:
        return self.ready[kind].pop() if self.ready[kind] else None

    def right_desk(self, row: Row) -> DemoStaff:
        return _COUNTERS[int(self.rng.random() * 2)] if row["kind"] == AccreditationKind.MINISTERIAL else _PASS_OFFICE

    def plan(self) -> tuple[list[_Visit], dict[str, DemoSample | None]]:
        # The unusual cases first, so that even a small demo list has them; the rest are served.
        kept = {kind: self.take(kind) for kind in self.ready}  # left unserved, for the summary's samples
        self.newer_passport()
        self.redirect(AccreditationKind.ANNUAL, _COUNTERS[1])
        self.redirect(AccreditationKind.MINISTERIAL, _PASS_OFFICE)
        revoked = self.refuse(Status.REVOKED)
        self.refuse(Status.PENDING)
        self.refuse(Status.APPROVED, lambda row: not _in_date(row))
        self.visits.append(self.unknown())
        served = [self.serve(AccreditationKind.MINISTERIAL) for _ in range(ISSUED_AT_GROUPS)]
        served += [self.serve(AccreditationKind.ANNUAL) for _ in range(ISSUED_AT_VISITORS)]
        again = self.serve_again(served[0])
        self.rng.shuffle(self.visits)
        samples = {
            "issue_at_groups": _sample(kept[AccreditationKind.MINISTERIAL], "ISSUE: the ministerial badge"),
            "annual_at_visitors": _sample(kept[AccreditationKind.ANNUAL], "ISSUE: the annual badge"),
            "revoked": _sample(revoked, "REFUSE: REVOKED"),
            "already_served": None if again is None else _sample(again.row, _ALREADY_SERVED, again.staff),
        }
        return self.visits + self.later, samples

    def newer_passport(self) -> None:
        """Someone presents a newer passport than the one they applied with: a supervisor must decide."""
        if row := self.take(AccreditationKind.MINISTERIAL):
            other = _other_number(row["document_number"])
            self.visits.append(_visit(self.right_desk(row), row, Outcome.NEEDS_SUPERVISOR, other))

    def refuse(self, status: str, also: Callable[[Row], bool] = lambda row: True) -> Row | None:
        """The first applicant of ``status`` (and ``also``) comes to the right desk and is refused."""
        row = next((r for r in self.rows if r["status"] == status and also(r)), None)
        if row is not None:
            self.visits.append(_visit(self.right_desk(row), row, Outcome.REFUSE))
        return row

    def serve(self, kind: AccreditationKind) -> _Visit | None:
        row = self.take(kind)
        if row is None:
            return None
        visit = _visit(self.right_desk(row), row, Outcome.ISSUE)
        self.visits.append(visit)
        return visit

    def redirect(self, kind: AccreditationKind, wrong: DemoStaff) -> None:
        if row := self.take(kind):
            self.visits.append(_visit(wrong, row, Outcome.REDIRECT))
            self.later.append(_visit(self.right_desk(row), row, Outcome.ISSUE))

    def serve_again(self, served: _Visit | None) -> _Visit | None:
        """The same person scanned again at the other counter: the desk says who served them."""
        if served is None:
            return None
        other = _COUNTERS[1] if served.staff is _COUNTERS[0] else _COUNTERS[0]
        again = dataclasses.replace(served, staff=other, expected=Outcome.REFUSE)
        self.later.append(again)
        return again

    def unknown(self) -> _Visit:
        """Someone whose reference is not on the list (a colleague's printout, a typo)."""
        known = {r["reference"] for r in self.rows}
        number = next(n for n in range(999_999, 0, -1) if f"DM24-{n:06d}" not in known)
        row = {"reference": f"DM24-{number:06d}", "document_number": "EK4081736", "press_card_number": "NUJ-204711"}
        return _visit(_COUNTERS[0], row, Outcome.REFUSE)


def _in_date(row: Row) -> bool:
    return row["document_expiry"] >= _EVENT_LAST_DAY


def _sample(row: Row | None, expect: str, staff: DemoStaff | None = None) -> DemoSample | None:
    """A sample to try at ``staff``'s desk (by default the first desk serving the row's kind)."""
    if row is None:
        return None
    if staff is None:
        staff = _COUNTERS[0] if row["kind"] == AccreditationKind.MINISTERIAL else _PASS_OFFICE
    name = f"{row['family_name'].upper()}, {row['given_names']}"
    return DemoSample(row["reference"], name, staff, row["document_number"], row["press_card_number"], expect)


def _play_morning(
    desk: DeskService, clock: _MorningClock, visits: Sequence[_Visit], rng: random.Random
) -> tuple[Counter[Outcome], list[str]]:
    """Play the visits at the desks, 30 to 90 seconds apart; the verdicts, and any that surprised."""
    outcomes: Counter[Outcome] = Counter()
    unexpected: list[str] = []
    for visit in visits:
        clock.advance(30 + rng.random() * 60)
        result = desk.check_in(visit.staff.station, visit.row["reference"], visit.document, visit.press)
        outcome = result.verdict.outcome
        outcomes[outcome] += 1
        if outcome is not visit.expected:
            reasons = ", ".join(result.verdict.reasons)
            unexpected.append(f"{visit.row['reference']}: {outcome.value} ({reasons}), not {visit.expected.value}")
    return outcomes, unexpected
