"""PINs through the one door: every try logged, wrong ones lock the login for everyone, staff accounts audited."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desk_app.core.model import Action, PresentedDocument, PresentedPress, Role, StaffMember
from desk_app.core.pins import LOCK_SECONDS, MAX_FAILURES
from desk_app.errors import StaffError
from desk_app.service import DeskService, NotAtThisDesk, PinRefused, Station
from desk_app.store import Store
from tests.conftest import FIRST_MORNING, STAFF_PIN, SUPERVISOR_PIN, FixedClock, make_application, store_of

G1 = Station("groups", "G1", "anna")


def pin_entries(store: Store, login: str) -> list[tuple[str, str]]:
    entries = store.log.latest_by(login, (Action.LOGIN, Action.LOGIN_FAILED), 100)
    return [(e.record.action.value, e.record.detail["for"]) for e in reversed(entries)]


def test_a_login_is_logged_with_its_desk(desk: DeskService) -> None:
    member = desk.log_in("groups", "G1", "anna", STAFF_PIN)
    assert member.login == "anna"
    [entry] = store_of(desk).log.latest_by("anna", (Action.LOGIN,), 1)
    assert (entry.record.entrance, entry.record.desk, entry.record.detail["for"]) == ("groups", "G1", "log in")


def test_wrong_pins_lock_the_login_and_every_try_is_in_the_log(desk: DeskService, clock: FixedClock) -> None:
    for left in range(MAX_FAILURES - 1, 0, -1):
        with pytest.raises(PinRefused) as refused:
            desk.log_in("groups", "G1", "anna", "000000")
        assert refused.value.lock.attempts_left == left and refused.value.lock.wait_s == 0
    with pytest.raises(PinRefused, match="must now wait 30 seconds"):
        desk.log_in("groups", "G1", "anna", "000000")
    with pytest.raises(PinRefused, match="too many wrong PINs") as locked:
        desk.log_in("groups", "G1", "anna", STAFF_PIN)  # the right PIN is not even checked
    assert locked.value.lock.wait_s == LOCK_SECONDS
    assert pin_entries(store_of(desk), "anna") == [("LOGIN_FAILED", "log in")] * MAX_FAILURES
    clock.moment += timedelta(seconds=LOCK_SECONDS)
    assert desk.log_in("groups", "G1", "anna", STAFF_PIN).login == "anna"
    assert desk.pin_lock("anna").failures_in_a_row == 0


def test_the_lock_is_shared_by_every_desk_on_the_database(desk: DeskService, clock: FixedClock) -> None:
    other = DeskService(store_of(desk), desk.event, clock, real_clock=clock)  # another window, a command-line run
    for _ in range(MAX_FAILURES):
        with pytest.raises(PinRefused):
            desk.authorise_supervisor("sam", "000000", "void a badge")
    with pytest.raises(PinRefused, match="too many wrong PINs"):
        other.void_badge(G1, "sam", SUPERVISOR_PIN, "M-000001", "lost")


def test_a_counter_at_the_wrong_entrance_is_told_where_to_go(desk: DeskService) -> None:
    with pytest.raises(NotAtThisDesk) as refused:
        desk.log_in("visitors", "V1", "anna", STAFF_PIN)
    assert refused.value.home_entrance == "groups" and refused.value.member is not None
    assert pin_entries(store_of(desk), "anna") == [("LOGIN", "log in")]  # the PIN was right


def test_only_a_supervisor_authorises(desk: DeskService) -> None:
    with pytest.raises(StaffError, match="not accepted"):  # the same words as a wrong PIN: nothing to learn
        desk.authorise_supervisor("anna", STAFF_PIN, "open the supervisor area")
    with pytest.raises(StaffError, match="needs a reason"):
        desk.authorise_supervisor("sam", SUPERVISOR_PIN, "  ")
    assert desk.authorise_supervisor("sam", SUPERVISOR_PIN, "open the supervisor area").role is Role.SUPERVISOR


def test_staff_added_and_disabled_name_who_did_it(desk: DeskService) -> None:
    added = desk.add_staff(StaffMember(" lena ", " Lena Visser ", Role.COUNTER), "135790", by="sam", where=G1)
    assert (added.login, added.full_name) == ("lena", "Lena Visser")
    desk.set_staff_active("lena", False, by="sam")
    with pytest.raises(PinRefused):
        desk.log_in("groups", "G1", "lena", "135790")
    with pytest.raises(StaffError, match="no staff member"):
        desk.set_staff_active("ghost", False, by="sam")
    log = store_of(desk).log.for_reference("")
    changes = [
        (e.record.action, e.record.staff, e.record.detail["login"])
        for e in log
        if "STAFF" in e.record.action and e.record.detail["login"] == "lena"
    ]
    assert changes == [(Action.STAFF_ADDED, "sam", "lena"), (Action.STAFF_DISABLED, "sam", "lena")]


@pytest.mark.parametrize(
    ("login", "name", "pin"),
    [
        ("", "No Login", "135790"),
        ("x", "X", "1111"),
        ("y", "", "2468"),
        ("eve", "Eve\x1b[31m\u202e", "135790"),
        ("eve", "\u2800", "135790"),
    ],
)
def test_bad_accounts_are_refused_and_nothing_is_written(desk: DeskService, login: str, name: str, pin: str) -> None:
    before = store_of(desk).log.count()
    with pytest.raises(StaffError):
        desk.add_staff(StaffMember(login, name, Role.SUPERVISOR), pin, by="sam")
    assert store_of(desk).log.count() == before and store_of(desk).staff.get(login) is None


def test_a_line_break_in_a_full_name_is_folded_so_it_cannot_forge_a_line_of_the_staff_list(desk: DeskService) -> None:
    added = desk.add_staff(StaffMember("eve", "Eve\nsuper2 supervisor Forged", Role.COUNTER), "135790", by="sam")
    assert added.full_name == "Eve super2 supervisor Forged"


def test_a_clock_moved_by_now_neither_lifts_nor_stretches_the_lock(desk: DeskService, clock: FixedClock) -> None:
    real = FixedClock(FIRST_MORNING)
    rehearsal = DeskService(store_of(desk), desk.event, clock, real_clock=real)
    for hours in range(MAX_FAILURES):  # each run a later --now, as a guesser would try
        clock.moment = FIRST_MORNING + timedelta(hours=hours + 1)
        with pytest.raises(PinRefused):
            rehearsal.authorise_supervisor("sam", "000000", "void")
    clock.moment = FIRST_MORNING + timedelta(days=400)
    with pytest.raises(PinRefused, match="too many wrong PINs"):
        rehearsal.authorise_supervisor("sam", SUPERVISOR_PIN, "void")
    real.moment = FIRST_MORNING - timedelta(days=1)  # a machine clock set back: the wait is never longer than a lock
    assert rehearsal.pin_lock("sam").wait_s == LOCK_SECONDS


def test_an_unknown_login_is_logged_as_unknown_never_as_typed(desk: DeskService) -> None:
    with pytest.raises(PinRefused):
        desk.log_in("groups", "G1", "246813", "246813")  # a PIN typed into the login box
    [entry] = [e for e in store_of(desk).log.for_reference("") if e.record.action is Action.LOGIN_FAILED]
    assert entry.record.staff == "" and entry.record.detail["login"] == "unknown"
    assert "246813" not in str(entry.record)


def test_nobody_disables_themselves_or_the_last_supervisor(desk: DeskService) -> None:
    with pytest.raises(StaffError, match="their own login"):
        desk.set_staff_active("sam", False, by="sam")
    with pytest.raises(StaffError, match="last active supervisor"):
        desk.set_staff_active("sam", False, by="anna")
    desk.add_staff(StaffMember("eva", "Eva Supervisor", Role.SUPERVISOR), "975310", by="sam")
    desk.set_staff_active("sam", False, by="eva")
    assert not next(m for m in desk.staff_members() if m.login == "sam").active


def test_override_and_void_log_the_supervisor_as_the_account_says(desk: DeskService) -> None:
    store_of(desk).applications.upsert_many([make_application()], "2024-02-01T00:00:00.000000Z")
    docs = (PresentedDocument("NEW000111"), PresentedPress("DJV-48213"))
    result = desk.override(G1, "  sam ", SUPERVISOR_PIN, "renewed passport", "DM24-000001", *docs)
    assert result.log_entry.record.detail["supervisor"] == "sam"


def test_a_worker_connection_is_the_same_desk(desk: DeskService, tmp_path) -> None:
    with desk.reopen() as worker:
        assert worker.location == desk.location and worker.event == desk.event
        assert [m.login for m in worker.staff_members()] == [m.login for m in desk.staff_members()]
    assert desk.clock.now() == FIRST_MORNING


@pytest.mark.parametrize(
    ("station", "words"),
    [
        (Station("moon", "G1", "anna"), "unknown entrance"),
        (Station("groups", "=X", "anna"), "a desk's name"),
        (Station("groups", "G1", "ghost"), "no active staff member"),
        (Station("visitors", "V1", "anna"), "works at the"),
    ],
)
def test_who_and_where_are_checked_before_a_void(desk: DeskService, station: Station, words: str) -> None:
    store_of(desk).applications.upsert_many([make_application()], "2024-02-01T00:00:00.000000Z")
    badge = desk.check_in(G1, "DM24-000001", PresentedDocument("C01X00T47"), PresentedPress("DJV-48213")).badge
    assert badge is not None
    with pytest.raises(StaffError, match=words):
        desk.void_badge(station, "sam", SUPERVISOR_PIN, badge.serial, "lost")
    assert store_of(desk).badges.active_for("DM24-000001") == badge
