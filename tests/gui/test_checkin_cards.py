"""Cards printed the night before, at the counter: the clerk is sent to the box and slot, and only the card's own
barcode (scanned or typed) hands it over; a wrong card is refused and logged, a card for someone refused must not be
handed over, a card scanned out of turn says whose it is. Real widgets, real SQLite, keys through the wedge filter."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desk_app.core.model import AccreditationKind, Action, BadgeState, Card, CardState, Reason, Status
from desk_app.ui.checkin import Stage
from desk_app.ui.checkin.sounds import Cue
from tests.conftest import SUPERVISOR_PIN
from tests.gui import test_checkin as kit
from tests.gui.test_checkin import (
    LETTER,
    MUELLER,
    MUELLER_ZONE,
    Counter,
    fill_id_check,
    focused,
    press,
    scan,
    scan_printout,
    type_text,
    wait_stage,
)

listed_desk, office_key, wedge, counter = kit.listed_desk, kit.office_key, kit.wedge, kit.counter


def preprint(counter: Counter, tmp_path: Path) -> tuple[Card, Card]:
    """The night before: a card for each approved ministerial applicant, in box 1 (Müller slot 1, Ó Súilleabháin 2)."""
    report = counter.desk.preprint(AccreditationKind.MINISTERIAL, "sam", SUPERVISOR_PIN, tmp_path / "cards.pdf")
    assert len(report.printed) == 2
    mueller, letter = counter.desk.waiting_card(MUELLER.reference), counter.desk.waiting_card(LETTER.reference)
    assert mueller is not None and letter is not None
    assert (mueller.box, mueller.slot, letter.slot) == (1, 1, 2)
    return mueller, letter


def pass_the_checks(qtbot: QtBot, counter: Counter) -> None:
    scan_printout(qtbot, counter, MUELLER)
    fill_id_check(qtbot, counter, "C01X00T47", "DJV-48213")
    press(Qt.Key.Key_Return, counter.clock)
    wait_stage(qtbot, counter.view, Stage.AWAITING_CARD, Stage.PRINTING, Stage.SERVED)


def test_the_clerk_is_sent_to_the_box_and_the_card_scanned_hands_it_over(
    qtbot: QtBot, counter: Counter, tmp_path: Path
) -> None:
    card, _ = preprint(counter, tmp_path)
    view = counter.view
    pass_the_checks(qtbot, counter)
    content = view.banner.content
    assert view.stage is Stage.AWAITING_CARD
    assert (content.state, content.title) == ("AWAIT_CARD", f"TAKE CARD {card.serial} FROM BOX 1, SLOT 1")
    assert content.loud and view.banner.loud and not view.loud_timer.isActive()  # large until the card is scanned
    assert counter.sounds.played == [Cue.SCANNED, Cue.SCANNED]  # no success yet
    assert counter.store.badges.active_for(MUELLER.reference) is None
    assert focused() is view.scan_bar.field and not view.id_check.isEnabled()
    with qtbot.waitSignal(view.person_served, timeout=10_000) as served:
        scan(card.serial, counter.clock)
    assert served.args == [card.serial]
    assert view.stage is Stage.SERVED and view.banner.content.state == "ISSUE"
    assert view.banner.content.title == f"CARD {card.serial} HANDED OVER"
    assert counter.sounds.played[-1] is Cue.ISSUE
    badge = counter.store.badges.active_for(MUELLER.reference)
    assert badge is not None and (badge.serial, badge.state) == (card.serial, BadgeState.ISSUED)
    handed = counter.store.cards.get(card.serial)
    assert handed is not None and handed.state is CardState.HANDED_OVER
    assert list(counter.out.glob("*.pdf")) == []  # nothing printed at the desk
    press(Qt.Key.Key_Escape, counter.clock)
    assert view.ready
    assert [a for a, _ in counter.log(MUELLER.reference)][-2:] == ["CHECKIN", "ISSUE"]


def test_a_wrong_card_is_refused_and_logged_and_the_right_one_typed_still_works(
    qtbot: QtBot, counter: Counter, tmp_path: Path
) -> None:
    card, other = preprint(counter, tmp_path)
    view = counter.view
    pass_the_checks(qtbot, counter)
    with qtbot.waitSignal(view.verdict_shown, timeout=10_000) as shown:
        scan(other.serial, counter.clock)
    assert shown.args == ["REFUSE"]
    content = view.banner.content
    assert (content.state, content.title) == ("REFUSE", "REFUSED")
    assert "The card scanned is not this person's pre-printed card." in content.lines
    assert f"Put {other.serial} back. This person's card is {card.serial}, in box 1, slot 1: scan that one." in (
        content.lines
    )
    assert view.scan_bar.status.text() == f"Waiting for card {card.serial} (box 1, slot 1): scan it to hand it over."
    assert view.stage is Stage.AWAITING_CARD and counter.sounds.played[-1] is Cue.REFUSE
    refused = counter.store.log.for_reference(MUELLER.reference)[-1].record
    assert (refused.action, refused.outcome, refused.reasons) == (Action.CHECKIN, "REFUSE", (Reason.WRONG_CARD,))
    assert refused.detail["scanned_card"] == other.serial
    assert counter.store.cards.get(other.serial).state is CardState.PREPRINTED  # type: ignore[union-attr]
    assert counter.store.badges.active_for(MUELLER.reference) is None
    view.scan_bar.field.setFocus()
    type_text(qtbot, card.serial.lower(), counter.clock)  # no scanner: the clerk types the serial
    with qtbot.waitSignal(view.person_served, timeout=10_000):
        press(Qt.Key.Key_Return, counter.clock)
    assert counter.store.cards.get(card.serial).state is CardState.HANDED_OVER  # type: ignore[union-attr]
    assert counter.store.badges.active_for(MUELLER.reference).serial == card.serial  # type: ignore[union-attr]


def test_the_card_of_a_revoked_accreditation_must_not_be_handed_over(
    qtbot: QtBot, counter: Counter, tmp_path: Path
) -> None:
    card, _ = preprint(counter, tmp_path)
    counter.store.applications.upsert_many([replace(MUELLER, status=Status.REVOKED)], "2024-02-14T07:00:00Z")
    scan_printout(qtbot, counter, MUELLER)
    content = counter.view.banner.content
    assert content.state == "REFUSE" and "The accreditation was revoked." in content.lines
    assert (
        f"Card {card.serial} in box 1, slot 1 must NOT be handed over: give it to a supervisor to void."
        in content.lines
    )
    scan(card.serial, counter.clock)  # the clerk scans it anyway: nothing is handed over
    qtbot.waitUntil(lambda: "must NOT be handed over" in counter.view.scan_bar.status.text(), timeout=10_000)
    assert counter.store.cards.get(card.serial).state is CardState.PREPRINTED  # type: ignore[union-attr]
    assert counter.store.badges.active_for(MUELLER.reference) is None


def test_a_card_scanned_out_of_turn_says_whose_it_is_and_where_it_goes(
    qtbot: QtBot, counter: Counter, tmp_path: Path
) -> None:
    _, other = preprint(counter, tmp_path)
    view = counter.view
    scan_printout(qtbot, counter, MUELLER)  # someone else at the ID check: they stay on screen
    scan(other.serial, counter.clock)
    qtbot.waitUntil(lambda: other.serial in view.scan_bar.status.text(), timeout=10_000)
    assert view.scan_bar.status.text() == (
        f"Card {other.serial} belongs to Ó SÚILLEABHÁIN, Siobhán ({LETTER.reference}); it goes in box 1, slot 2. "
        "Nothing was handed over: scan that person's printout first."
    )
    assert view.stage is Stage.CHECKING and view.applicant.family.text() == "MÜLLER"
    assert counter.store.cards.get(other.serial).state is CardState.PREPRINTED  # type: ignore[union-attr]
    assert counter.log(LETTER.reference) == [("CARD_RESERVED", ""), ("CARD_PRINTED", "")]  # nothing at the desk


def take_the_keyboard_back(qtbot: QtBot, counter: Counter) -> None:
    """The override dialog gone, the screen has the keyboard again."""
    counter.view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=2000)
    counter.view.scan_bar.field.setFocus()


def accept_override(qtbot: QtBot, counter: Counter) -> None:
    view = counter.view
    view.request_override()
    dialog = view.override_dialog
    assert dialog is not None
    dialog.login_edit.setText("sam")
    dialog.pin_edit.setText(SUPERVISOR_PIN)
    dialog.reason_edit.setText("new passport seen")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    wait_stage(qtbot, view, Stage.AWAITING_CARD)
    take_the_keyboard_back(qtbot, counter)


def test_a_supervisor_override_hands_over_the_card_scanned_after_it(
    qtbot: QtBot, counter: Counter, tmp_path: Path
) -> None:
    card, _ = preprint(counter, tmp_path)
    view = counter.view
    scan_printout(qtbot, counter, MUELLER)
    fill_id_check(qtbot, counter, "C02Y11T58", "DJV-48213")  # a newer passport: a supervisor decides
    press(Qt.Key.Key_Return, counter.clock)
    wait_stage(qtbot, view, Stage.VERDICT)
    view.request_override()
    dialog = view.override_dialog
    assert dialog is not None
    assert dialog.buttons.button(dialog.buttons.StandardButton.Ok).text() == "Accept, then scan the card"
    dialog.login_edit.setText("sam")
    dialog.pin_edit.setText(SUPERVISOR_PIN)
    dialog.reason_edit.setText("new passport seen")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    wait_stage(qtbot, view, Stage.AWAITING_CARD)
    assert view.banner.content.title == f"TAKE CARD {card.serial} FROM BOX 1, SLOT 1"
    take_the_keyboard_back(qtbot, counter)
    assert dialog.pin_edit.text() == ""  # the PIN is not kept in the hidden dialog
    with qtbot.waitSignal(view.person_served, timeout=10_000):
        scan(card.serial, counter.clock)
    assert "Accepted by a supervisor." in view.banner.content.lines
    assert view._last_request is None  # nor in the request, once the card is handed over
    entries = [e.record for e in counter.store.log.for_reference(MUELLER.reference)]
    override = [e for e in entries if e.action is Action.OVERRIDE]
    assert len(override) == 1 and override[0].detail["serial"] == card.serial
    assert override[0].detail["supervisor"] == "sam"
    assert counter.store.cards.get(card.serial).state is CardState.HANDED_OVER  # type: ignore[union-attr]


def test_the_lock_drops_a_supervisor_s_acceptance_waiting_for_a_card(
    qtbot: QtBot, counter: Counter, tmp_path: Path
) -> None:
    card, _ = preprint(counter, tmp_path)
    view = counter.view
    scan_printout(qtbot, counter, MUELLER)
    fill_id_check(qtbot, counter, "C02Y11T58", "DJV-48213")
    press(Qt.Key.Key_Return, counter.clock)
    wait_stage(qtbot, view, Stage.VERDICT)
    accept_override(qtbot, counter)
    view.on_desk_locked()
    assert view.stage is Stage.READY and "acceptance was dropped" in view.scan_bar.status.text()
    scan(card.serial, counter.clock)  # after the lock the card alone hands nothing over
    qtbot.waitUntil(lambda: "belongs to" in view.scan_bar.status.text(), timeout=10_000)
    assert counter.store.cards.get(card.serial).state is CardState.PREPRINTED  # type: ignore[union-attr]
    assert [a for a, _ in counter.log(MUELLER.reference)][-1] == "ABANDONED"


def test_a_misread_serial_leaves_the_person_waiting_for_their_card(
    qtbot: QtBot, counter: Counter, tmp_path: Path
) -> None:
    """A serial misread or mistyped (M-0000012) has a reference's loose shape: taken as one, it turned the waiting
    person away as "not in the list"."""
    card, _ = preprint(counter, tmp_path)
    view = counter.view
    pass_the_checks(qtbot, counter)
    entries = len(counter.store.log.for_reference(MUELLER.reference))
    scan("M-0000012", counter.clock)
    qtbot.waitUntil(lambda: "is not a card's serial" in view.scan_bar.status.text())
    assert (
        view.scan_bar.status.text()
        == "M-0000012 is not a card's serial (M-000123): scan the card again. Nothing changed."
    )
    assert view.stage is Stage.AWAITING_CARD and view.banner.content.state == "AWAIT_CARD"
    assert len(counter.store.log.for_reference(MUELLER.reference)) == entries  # not abandoned
    assert counter.store.log.for_reference("M-0000012") == []  # not looked up
    with qtbot.waitSignal(view.person_served, timeout=10_000):
        scan(card.serial, counter.clock)


def test_a_card_withheld_while_awaited_is_refused_and_nobody_waits_for_it(
    qtbot: QtBot, counter: Counter, tmp_path: Path
) -> None:
    """The list corrects the person's name while the clerk fetches the card: the card shows the old name."""
    card, _ = preprint(counter, tmp_path)
    view = counter.view
    pass_the_checks(qtbot, counter)
    mueller = counter.store.applications.get(MUELLER.reference)
    assert mueller is not None
    counter.store.applications.upsert_many([replace(mueller, given_names="Jürgen")], "2024-02-14T07:00:00Z")
    with qtbot.waitSignal(view.verdict_shown, timeout=10_000) as shown:
        scan(card.serial, counter.clock)
    assert shown.args == ["REFUSE"] and view.stage is not Stage.AWAITING_CARD and not view.cards.waiting
    lines = view.banner.content.lines
    assert any("must not be handed over (void, or the list changed since it was printed)" in line for line in lines)
    assert f"Card {card.serial} in box 1, slot 1 must NOT be handed over: give it to a supervisor to void." in lines
    refused = counter.store.log.for_reference(MUELLER.reference)[-1].record
    assert refused.reasons == (Reason.CARD_WITHHELD,)
    assert counter.store.cards.get(card.serial).state is CardState.PREPRINTED  # type: ignore[union-attr]


def test_a_person_waiting_for_their_card_when_the_screen_goes_is_logged_as_left(
    qtbot: QtBot, counter: Counter, tmp_path: Path
) -> None:
    """Another member of staff unlocks the desk: the check-in screen is replaced (shut down); the person it held
    was never logged as left unfinished."""
    preprint(counter, tmp_path)
    pass_the_checks(qtbot, counter)
    counter.view.shutdown()
    last = counter.store.log.for_reference(MUELLER.reference)[-1].record
    assert (last.action, last.detail) == (Action.ABANDONED, {"by": "cleared"})


def test_a_passport_read_while_the_card_is_awaited_is_not_taken(qtbot: QtBot, counter: Counter, tmp_path: Path) -> None:
    preprint(counter, tmp_path)
    view = counter.view
    pass_the_checks(qtbot, counter)
    scan(MUELLER_ZONE, counter.clock)  # the passport read again, through the reader's keys
    qtbot.waitUntil(lambda: "Passport zone not taken" in view.scan_bar.status.text())
    assert view.scan_bar.status.text() == "Passport zone not taken: the documents were checked; scan the card."
    assert view.stage is Stage.AWAITING_CARD
