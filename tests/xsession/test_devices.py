"""What real devices send besides a plain code and Enter: speeds, terminators, keypad digits, symbology identifiers,
a site's prefix and suffix, and passport readers' zones with their line breaks. All through XTest on the real desk.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence

import pytest
from pytestqt.qtbot import QtBot

from tests.mrz_zones import td1, td2, td3
from tests.usb_keyboard import ScannerProcess
from tests.x_display import XDisplay
from tests.xsession.conftest import DESK_LAYOUTS, VERDICTS, Counter, Demo, random_focus

ZONES = 50


def scan_and_check(
    qtbot: QtBot, counter: Counter, scanner: ScannerProcess, text: str, reference: str, **how: object
) -> None:
    """``text`` typed by the device gives one verdict about ``reference``; nothing lands in a field."""
    entries = len(counter.log(*VERDICTS))
    scanner.scan(text, **how)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: len(counter.log(*VERDICTS)) > entries, timeout=10_000)
    assert counter.checkin.controller.wait_idle()
    qtbot.wait(100)  # a stray Enter or line feed would act now: at the ID check it asks for what is missing
    found = counter.log(*VERDICTS)[entries:]
    assert [entry.record.reference for entry in found] == [reference]
    assert counter.fields_with_text() == {}
    assert counter.checkin.action_bar.prompt.text() == ""


def reference_of(code: str) -> str:
    return code.split(":")[4]


@pytest.mark.parametrize("delay_ms", [1, 2, 30])
@pytest.mark.parametrize("end", [("CR",), ("LF",), ("CR", "LF"), ("TAB",), ("KPENTER",)], ids="+".join)
def test_any_speed_and_any_terminator(
    qtbot: QtBot,
    scanner: ScannerProcess,
    demo: Demo,
    open_counter: Callable[..., Counter],
    delay_ms: int,
    end: Sequence[str],
) -> None:
    counter = open_counter()
    code = demo.codes[delay_ms]
    scan_and_check(qtbot, counter, scanner, code, reference_of(code), delay_ms=delay_ms, end=end)


@pytest.mark.parametrize("identifier", ["]Q1", "]C0", "]d2"])
def test_a_symbology_identifier_in_front_is_taken_off(
    qtbot: QtBot, scanner: ScannerProcess, demo: Demo, open_counter: Callable[..., Counter], identifier: str
) -> None:
    counter = open_counter()
    code = demo.codes[3]
    scan_and_check(qtbot, counter, scanner, identifier + code, reference_of(code))


@pytest.mark.parametrize("num_lock", [True, False], ids=["num-lock-on", "num-lock-off"])
def test_digits_from_the_keypad(
    qtbot: QtBot, scanner: ScannerProcess, open_counter: Callable[..., Counter], demo: Demo, num_lock: bool
) -> None:
    """Some scanners send digits on the keypad; with Num Lock off those keys are End, Down... to the desk."""
    counter = open_counter()
    reference = reference_of(demo.codes[4])
    if num_lock:
        scanner.tap("NUMLOCK")
    try:
        scan_and_check(qtbot, counter, scanner, reference, reference, keypad_digits=True)
    finally:
        if num_lock:
            scanner.tap("NUMLOCK")


@pytest.mark.parametrize("layout", ["us", "be", "de"])
def test_a_prefix_and_suffix_the_scanner_was_set_to_send(
    qtbot: QtBot,
    x_display: XDisplay,
    scanner: ScannerProcess,
    demo: Demo,
    open_counter: Callable[..., Counter],
    layout: str,
) -> None:
    x_display.set_layout(*DESK_LAYOUTS[layout])
    counter = open_counter(layout, prefix="#", suffix="$!")
    code = demo.codes[5]
    scan_and_check(qtbot, counter, scanner, "#" + code + "$!", reference_of(code))


# --- passport readers ---------------------------------------------------------------------------------------------


def random_zone(rng: random.Random) -> tuple[str, str]:
    """A zone (TD1, TD2 or TD3) with valid check digits, and its document number."""
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    number = rng.choice(letters) + "".join(rng.choice("0123456789" + letters) for _ in range(8))
    name = "".join(rng.choice(letters) for _ in range(rng.randint(3, 9))) + "<<"
    name += "".join(rng.choice(letters) for _ in range(rng.randint(3, 7)))
    born = f"{rng.randint(50, 99):02}{rng.randint(1, 12):02}{rng.randint(1, 28):02}"
    common = {"name": name, "number": number, "born": born, "expires": "310101", "state": "BEL"}
    make = rng.choice([td1, td2, lambda **fields: td3(code="P<", **fields)])
    return make(nationality="BEL", **common), number


@pytest.mark.parametrize("layout", ["us", "fr", "ch"])
def test_passport_zones_fill_the_id_check_from_any_focus(
    qtbot: QtBot,
    x_display: XDisplay,
    scanner: ScannerProcess,
    open_counter: Callable[..., Counter],
    layout: str,
) -> None:
    x_display.set_layout(*DESK_LAYOUTS[layout])
    counter = open_counter(layout)
    view = counter.checkin
    rng = random.Random(f"zones-{layout}")
    focus = [
        lambda: view.scan_bar.field.setFocus(),
        lambda: view.id_check.press_edit.setFocus(),
        lambda: random_focus(counter, rng),
    ]
    for number in range(ZONES):
        view.reset()
        rng.choice(focus)()
        zone, document_number = random_zone(rng)
        lines = zone.split("\n")
        breaks = rng.choice(["CR", "CR+LF", "last CR only"])
        if breaks == "last CR only":
            scanner.scan("".join(lines), delay_ms=3)
        else:
            for line in lines:
                scanner.scan(line, delay_ms=3, end=breaks.split("+"))
        qtbot.waitUntil(lambda d=document_number: view.id_check.number_edit.text() == d, timeout=10_000)
        assert view.id_check.zone is not None, f"zone {number} ({breaks}) did not read"
        assert view.scan_bar.field.text() == "" and view.id_check.press_edit.text() == ""
