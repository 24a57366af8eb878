"""Several desks, one truth: desk processes racing on one database, and a database server that goes away.

The race: four desk processes check the same person in at the same moment (a barrier), round after round, on
PostgreSQL and on SQLite. Every round exactly one issues a badge and the other three refuse with "already
issued" naming the winner's desk; the log's hash chain holds afterwards.

The outage: one desk process checks people in while the PostgreSQL server is stopped and started again. While it
is down every call fails at once saying the database is unreachable and nothing is issued; afterwards the same
desk (the same Store) carries on by itself, and every entry committed before the outage is still there.
"""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing.synchronize import Barrier
from pathlib import Path
from typing import Any

import pytest

from desk_app.config import DEFAULT_EVENT_FILE
from desk_app.core.clock import ShiftedClock
from desk_app.core.model import Outcome, PresentedDocument, PresentedPress, Reason, Role, StaffMember
from desk_app.errors import StoreError
from desk_app.service import DeskService, Station
from desk_app.service.startup import event_of, install_event
from desk_app.store import open_store
from tests.conftest import FIRST_MORNING, STAFF_PIN, make_application, store_of
from tests.pg_server import PostgresServer

DESKS = 4
ROUNDS = 20
DOCUMENT = PresentedDocument("C01X00T47")
PRESS = PresentedPress("DJV-48213")
SPAWN = multiprocessing.get_context("spawn")  # a fresh interpreter per desk: nothing shared but the database


@dataclass(frozen=True)
class Attempt:
    """What one desk saw for one scan, small enough to send between processes."""

    reference: str
    desk: str
    outcome: str
    reasons: tuple[str, ...] = ()
    prior_desk: str = ""
    seq: int = 0
    entry_hash: str = ""
    error: str = ""
    started: float = 0.0  # time.monotonic(): one clock for every process on the machine
    seconds: float = 0.0


def references(count: int) -> list[str]:
    return [f"DM24-{i:06d}" for i in range(1, count + 1)]


def prepare(url: str, people: int) -> None:
    """The event, one counter clerk per desk, and ``people`` applications."""
    with open_store(url) as store:
        event = install_event(
            store, DEFAULT_EVENT_FILE.read_text(encoding="utf-8"), "default", FIRST_MORNING, rehearsal=True
        )
        setup = DeskService(store, event, ShiftedClock(FIRST_MORNING))  # accounts logged, as a supervisor adds them
        for n in range(1, DESKS + 1):
            setup.add_staff(StaffMember(f"clerk{n}", f"Clerk {n}", Role.COUNTER), STAFF_PIN, by="setup")
        store.applications.upsert_many(
            [make_application(reference=r) for r in references(people)], "2024-02-01T00:00:00.000000Z"
        )


def open_desk(url: str) -> DeskService:
    store = open_store(url)
    event = event_of(store)
    assert event is not None
    return DeskService(store, event, ShiftedClock(FIRST_MORNING))


def attempt(desk: DeskService, station: Station, reference: str) -> Attempt:
    start = time.monotonic()
    try:
        result = desk.check_in(station, reference, DOCUMENT, PRESS)
    except StoreError as exc:
        error = f"{type(exc).__name__}: {exc}"
        return Attempt(reference, station.desk, "ERROR", error=error, started=start, seconds=time.monotonic() - start)
    prior = result.verdict.prior_badge
    return Attempt(
        reference,
        station.desk,
        result.verdict.outcome.value,
        tuple(r.value for r in result.verdict.reasons),
        prior.desk if prior else "",
        result.log_entry.seq,
        result.log_entry.entry_hash,
        started=start,
        seconds=time.monotonic() - start,
    )


def racing_desk(url: str, number: int, barrier: Barrier, results: Any) -> None:
    """One desk process: at every round, wait for the others, then scan the round's person."""
    desk = open_desk(url)
    station = Station("groups", f"G{number}", f"clerk{number}")
    try:
        for reference in references(ROUNDS):
            barrier.wait(timeout=60)
            results.put(attempt(desk, station, reference))
    finally:
        store_of(desk).close()


def steady_desk(url: str, people: int, results: Any) -> None:
    """One desk process scanning a queue of people; a failed scan is scanned again, as staff would."""
    desk = open_desk(url)
    station = Station("groups", "G1", "clerk1")
    pending = references(people)
    deadline = time.monotonic() + 90
    try:
        while pending and time.monotonic() < deadline:
            result = attempt(desk, station, pending[0])
            results.put(result)
            if result.outcome == "ERROR":
                time.sleep(0.05)
            else:
                pending.pop(0)
                time.sleep(0.02)
    finally:
        store_of(desk).close()
        results.put(None)


@pytest.fixture(params=["sqlite", "postgresql"])
def shared_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite://{tmp_path / 'desks.sqlite'}"
    url: str = request.getfixturevalue("postgres_url")
    return url


def collect(results: Any, count: int, timeout: float = 120) -> list[Attempt]:
    deadline = time.monotonic() + timeout
    found: list[Attempt] = []
    while len(found) < count:
        found.append(results.get(timeout=max(0.1, deadline - time.monotonic())))
    return found


@pytest.mark.slow
def test_one_badge_per_person_when_desks_race(shared_url: str) -> None:
    prepare(shared_url, ROUNDS)
    barrier = SPAWN.Barrier(DESKS)
    results = SPAWN.Queue()
    desks = [SPAWN.Process(target=racing_desk, args=(shared_url, n, barrier, results)) for n in range(1, DESKS + 1)]
    for process in desks:
        process.start()
    try:
        attempts = collect(results, DESKS * ROUNDS)
    finally:
        for process in desks:
            process.join(30)
        results.close()
    assert all(p.exitcode == 0 for p in desks)
    winners: Counter[str] = Counter()
    for reference in references(ROUNDS):
        seen = [a for a in attempts if a.reference == reference]
        issued = [a for a in seen if a.outcome == Outcome.ISSUE]
        refused = [a for a in seen if a.outcome == Outcome.REFUSE]
        assert len(issued) == 1, seen
        assert len(refused) == DESKS - 1, seen
        winner = issued[0].desk
        winners[winner] += 1
        assert all(a.reasons == (Reason.ALREADY_ISSUED,) and a.prior_desk == winner for a in refused), seen
    with open_store(shared_url) as store:
        report = store.log.verify()
        assert report.intact, report.problem
        # the event, the desks' accounts, a CHECKIN per scan, an ISSUE per round
        assert report.entries == 1 + DESKS + ROUNDS * (DESKS + 1)
        for reference in references(ROUNDS):
            badge = store.badges.active_for(reference)
            assert badge is not None and badge.desk in winners
        assert sum(store.badges.issued_counts().values()) == ROUNDS


@pytest.fixture
def restarted(postgres_server: PostgresServer) -> Iterator[PostgresServer]:
    """The session's server, started again whatever happens to the test that stops it."""
    try:
        yield postgres_server
    finally:
        if not postgres_server.running:
            postgres_server.start()


@pytest.mark.slow
def test_a_desk_survives_a_database_outage(restarted: PostgresServer, postgres_url: str) -> None:
    people = 80
    prepare(postgres_url, people)
    results = SPAWN.Queue()
    desk = SPAWN.Process(target=steady_desk, args=(postgres_url, people, results))
    desk.start()
    attempts: list[Attempt] = []
    try:
        while sum(a.outcome == Outcome.ISSUE for a in attempts) < 10:
            attempts.append(results.get(timeout=60))
        restarted.stop()
        down_from = time.monotonic()
        time.sleep(1.5)
        down_until = time.monotonic()
        restarted.start()
        while (found := results.get(timeout=60)) is not None:
            attempts.append(found)
    finally:
        desk.join(30)
        results.close()
    assert desk.exitcode == 0
    before = [a for a in attempts if a.outcome != "ERROR" and a.started < down_from]
    during = [a for a in attempts if down_from <= a.started and a.started + a.seconds <= down_until]
    errors = [a for a in attempts if a.outcome == "ERROR"]
    unknown = {a.reference for a in errors if a.error.startswith("OutcomeUnknown")}

    # While the server was down: every call failed, at once, saying why; nothing was issued.
    assert len(during) >= 5 and all(a.outcome == "ERROR" for a in during), during
    assert all("is unreachable" in a.error or a.reference in unknown for a in errors), errors
    assert max(a.seconds for a in errors) < 3.5
    # Afterwards the same desk carried on by itself, and everyone was served exactly once.
    served = [a for a in attempts if a.outcome != "ERROR"]
    assert [a.reference for a in served] == references(people)
    for a in served:
        expected = (Outcome.ISSUE,) if a.reference not in unknown else (Outcome.ISSUE, Outcome.REFUSE)
        assert a.outcome in expected, a
    with open_store(postgres_url) as store:
        for a in before:  # every entry committed before the outage is still there, unchanged
            entries = store.log.for_reference(a.reference)
            assert (entries[0].seq, entries[0].entry_hash) == (a.seq, a.entry_hash)
        report = store.log.verify()
        assert report.intact, report.problem
        assert sum(store.badges.issued_counts().values()) == people
        assert all(store.badges.active_for(r) is not None for r in references(people))


def desk_app(*args: str) -> subprocess.CompletedProcess[str]:
    command = [str(Path(sys.executable).parent / "desk-app"), *args]
    env = {**os.environ, "PYTHONWARNINGS": "error"}
    return subprocess.run(command, capture_output=True, text=True, timeout=120, env=env)


def test_the_command_line_works_on_postgresql_unchanged(postgres_url: str) -> None:
    prepare(postgres_url, 2)
    common = ["--db", postgres_url, "--now", "2024-02-14T09:00"]
    station = ["--entrance", "groups", "--desk", "G1", "--staff", "clerk1", "--document-number", "C01X00T47"]
    first = desk_app("checkin", "DM24-000001", *station, "--press-card", "DJV-48213", *common)
    assert first.returncode == 0, first.stderr
    station[3] = "G2"
    again = desk_app("checkin", "DM24-000001", *station, "--press-card", "DJV-48213", *common)
    assert again.returncode == 12 and "G1" in again.stdout, again.stdout + again.stderr
    verified = desk_app("log", "verify", *common)
    assert verified.returncode == 0 and verified.stderr == "", verified.stderr
    down = desk_app("lookup", "DM24-000002", "--db", postgres_url.replace("/desk_tests", "/no_such_database"))
    assert down.returncode == StoreError.exit_code and "unreachable" in down.stderr and "Traceback" not in down.stderr
