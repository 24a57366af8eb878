"""Keyboard-wedge layouts: a US scanner's codes typed through every desk layout come back intact.

``type_as`` plays the desk: it derives, from the same layout tables, what each layout prints for a US scanner's
keystrokes. Where a layout cannot carry a character (dead keys), the tests say so and mark it, rather than fake it.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desk_app.core import wedge
from desk_app.core.wedge import (
    LAYOUTS,
    QR_ALPHANUMERIC,
    SELF_TEST_CODE,
    UntypableError,
    guess_layout,
    looks_like_code,
    normalise,
    normalise_scan,
    type_as,
    unframe,
    untypable,
)
from tests.x_display import XKB_NAMES

BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
SIGNED = "C1:K7Q2X:X4RTA:M:DM24-000285:" + ("MZXW6YTBOI" * 11)[:103]
REFERENCES = ["DM24-000285", "AN24-ZY0001", "WQAZ-MY-2024"]
NON_US = [name for name in LAYOUTS if name != "us"]

# Written out by hand from the xkb layouts, as a check on the tables (and on the gaps they admit to).
QR_GAPS = {"us": "", "gb": "", "be": "", "fr": "", "de": "+", "ch": "+", "ch_fr": "+"}


def qr_cases() -> list[object]:
    cases: list[object] = []
    for name in LAYOUTS:
        for char in QR_ALPHANUMERIC:
            marks = []
            if char in QR_GAPS[name]:
                reason = f"{char!r} sits on a dead key of {name}: the desk waits for an accent's second key"
                marks.append(pytest.mark.xfail(raises=UntypableError, strict=True, reason=reason))
            cases.append(pytest.param(name, char, marks=marks, id=f"{name}-{char!r}"))
    return cases


@pytest.mark.parametrize(("layout", "char"), qr_cases())
def test_every_qr_character_round_trips(layout: str, char: str) -> None:
    assert normalise(type_as(char, layout), layout) == char


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_the_gaps_in_the_qr_set_are_the_documented_ones(layout: str) -> None:
    assert "".join(sorted(untypable(layout) & set(QR_ALPHANUMERIC))) == QR_GAPS[layout]


def test_untypable_characters_outside_the_qr_set_are_known() -> None:
    assert {name: "".join(sorted(untypable(name))) for name in LAYOUTS} == {
        "us": "",
        "gb": "",
        "be": "[{",  # dead circumflex and diaeresis
        "fr": "[{",
        "de": "+=`",  # dead acute and grave right of 0, dead circumflex left of 1
        "ch": "+=]",  # dead circumflex and grave right of 0, dead diaeresis right of P
        "ch_fr": "+=]",
    }


@pytest.mark.parametrize(
    ("layout", "meant", "printed"),
    [
        ("be", "1234567890", "&é\"'(§è!çà"),
        ("fr", "1234567890", "&é\"'(-è_çà"),
        ("be", "AQZWM:-./", "QAWZ?M):="),
        ("fr", "AQZWM:-./", "QAWZ?M):!"),
        ("be", "$%*+", "458_"),
        ("fr", "$%*+", "458+"),
        ("de", "YZ-:/*", "ZYßÖ-("),
        ("ch", "YZ-:/*$", "ZY'é-(ç"),
        ("ch_fr", ":", "ö"),
        ("gb", '"@#\\~', '@"£#¬'),
        ("gb", QR_ALPHANUMERIC, QR_ALPHANUMERIC),
        ("us", SIGNED, SIGNED),
    ],
)
def test_known_renderings(layout: str, meant: str, printed: str) -> None:
    assert type_as(meant, layout) == printed
    assert normalise(printed, layout) == meant


def test_a_dead_key_character_is_refused_not_faked() -> None:
    with pytest.raises(UntypableError, match="German"):
        type_as("A+B", "de")


@pytest.mark.parametrize("layout", list(LAYOUTS))
@pytest.mark.parametrize("code", [SIGNED, *REFERENCES])
def test_codes_typed_through_each_layout_come_back(layout: str, code: str) -> None:
    typed = type_as(code, layout)
    assert normalise(typed, layout) == code
    assert normalise_scan(typed, layout) == code
    assert normalise_scan(typed) == code  # no layout configured: the one reading that looks like a code wins


@pytest.mark.parametrize("layout", ["us", "gb"])
def test_caps_lock_on_a_qwerty_desk_is_undone(layout: str) -> None:
    assert normalise_scan(type_as(SIGNED, layout).swapcase(), layout) == SIGNED


@given(st.text(alphabet=QR_ALPHANUMERIC, max_size=200), st.sampled_from(sorted(LAYOUTS)))
def test_any_text_of_the_carried_characters_round_trips(text: str, layout: str) -> None:
    carried = "".join(char for char in text if char not in untypable(layout))
    assert normalise(type_as(carried, layout), layout) == carried


signed_codes = st.builds(
    lambda key, event, kind, ref, signature: f"C1:{key}:{event}:{kind}:{ref}:{signature}",
    st.text(BASE32, min_size=5, max_size=5),
    st.text(BASE32, min_size=5, max_size=5),
    st.sampled_from("MA"),
    st.from_regex(r"\A[A-Z0-9][A-Z0-9-]{2,29}\Z"),
    st.text(BASE32, min_size=103, max_size=103),
)


@given(signed_codes | st.from_regex(r"\A[A-Z0-9][A-Z0-9-]{2,39}\Z"), st.sampled_from(sorted(LAYOUTS)))
def test_any_code_scanned_through_any_layout_is_recovered(code: str, layout: str) -> None:
    typed = type_as(code, layout)
    assert looks_like_code(code)
    assert normalise_scan(typed, layout) == code


@given(signed_codes, st.sampled_from(NON_US))
def test_a_signed_code_is_recovered_without_knowing_the_layout(code: str, layout: str) -> None:
    assert normalise_scan(type_as(code, layout)) == code


def test_looks_like_code() -> None:
    assert looks_like_code(SIGNED)
    assert looks_like_code(" dm24-000285 ")
    assert not looks_like_code(type_as(SIGNED, "be"))
    assert not looks_like_code("DM24ß000285")
    assert not looks_like_code("C1:K7Q2X:X4RTA:M:DM24-000285:")  # signature missing
    assert not looks_like_code("")


def test_garbage_is_left_as_it_came() -> None:
    assert normalise_scan("  hello world!  ") == "hello world!"
    assert normalise_scan("Grüße ßß") == "Grüße ßß"
    assert normalise_scan("Grüße ßß", "de") == "Grüße ßß"


def test_a_wrongly_configured_layout_is_rescued_by_the_one_reading_that_fits() -> None:
    assert normalise_scan("DM24ß000285", "be") == "DM24-000285"


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_the_self_test_code_reveals_each_layout(layout: str) -> None:
    assert guess_layout(type_as(SELF_TEST_CODE, layout) + "\n") == layout


def test_the_self_test_code_prints_differently_on_every_layout() -> None:
    printed = [type_as(SELF_TEST_CODE, name) for name in LAYOUTS]
    assert len(set(printed)) == len(printed)


def test_guess_layout_gives_up_on_noise_and_on_ties() -> None:
    assert guess_layout("SELFTEST") is None
    assert guess_layout("1234", expected="1234") is None  # every layout types digits alike but AZERTY
    assert guess_layout(type_as("1234", "be"), expected="1234") is None  # Belgian and French agree on these


def test_unknown_layout_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown keyboard layout 'dvorak'"):
        normalise("x", "dvorak")


# --- The tables against libxkbcommon, the layouts a Linux desk actually uses -------------------------------


class _RuleNames(ctypes.Structure):
    _fields_ = [(name, ctypes.c_char_p) for name in ("rules", "model", "layout", "variant", "options")]


def _xkb() -> ctypes.CDLL:
    library = ctypes.util.find_library("xkbcommon")
    if library is None or not Path("/usr/share/X11/xkb/symbols").is_dir():
        pytest.skip("libxkbcommon or xkb-data is not installed")
    xkb = ctypes.CDLL(library)
    xkb.xkb_context_new.restype = ctypes.c_void_p
    xkb.xkb_keymap_new_from_names.restype = ctypes.c_void_p
    xkb.xkb_keymap_new_from_names.argtypes = [ctypes.c_void_p, ctypes.POINTER(_RuleNames), ctypes.c_int]
    xkb.xkb_keymap_key_by_name.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
    xkb.xkb_keymap_key_by_name.restype = ctypes.c_uint32
    xkb.xkb_keymap_key_get_syms_by_level.argtypes = [
        ctypes.c_void_p,
        ctypes.c_uint32,
        ctypes.c_uint32,
        ctypes.c_uint32,
        ctypes.POINTER(ctypes.POINTER(ctypes.c_uint32)),
    ]
    xkb.xkb_keysym_to_utf32.argtypes = [ctypes.c_uint32]
    xkb.xkb_keysym_to_utf32.restype = ctypes.c_uint32
    xkb.xkb_keymap_unref.argtypes = [ctypes.c_void_p]
    xkb.xkb_context_unref.argtypes = [ctypes.c_void_p]
    return xkb


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_tables_match_xkb(layout: str) -> None:
    xkb = _xkb()
    context = xkb.xkb_context_new(0)
    xkb_layout, variant = XKB_NAMES[layout]
    names = _RuleNames(b"evdev", b"pc105", xkb_layout.encode(), variant.encode(), b"")
    keymap = xkb.xkb_keymap_new_from_names(context, ctypes.byref(names), 0)
    assert keymap, f"xkb has no layout {xkb_layout}({variant})"
    try:
        table = LAYOUTS[layout]
        for position, levels in table.keys.items():
            keycode = xkb.xkb_keymap_key_by_name(keymap, position.encode())
            for level, char in enumerate(levels):
                syms = ctypes.POINTER(ctypes.c_uint32)()
                count = xkb.xkb_keymap_key_get_syms_by_level(keymap, keycode, 0, level, ctypes.byref(syms))
                if count == 0 and level == 1:  # a one-level key (the space bar) prints the same with Shift
                    count = xkb.xkb_keymap_key_get_syms_by_level(keymap, keycode, 0, 0, ctypes.byref(syms))
                assert count == 1, (position, level)
                code_point = xkb.xkb_keysym_to_utf32(syms[0])
                if char in table.dead:
                    assert code_point == 0, f"{layout} {position} level {level + 1} should be a dead key"
                else:
                    assert chr(code_point) == char, f"{layout} {position} level {level + 1}"
    finally:
        xkb.xkb_keymap_unref(keymap)
        xkb.xkb_context_unref(context)


def test_the_module_has_no_qt() -> None:
    assert "PySide6" not in Path(wedge.__file__).read_text(encoding="utf-8")


@pytest.mark.parametrize("identifier", ["]Q1", "]C0", "]d2", "]E0"])
@pytest.mark.parametrize("layout", [name for name in LAYOUTS if "]" not in untypable(name)])
def test_a_symbology_identifier_is_taken_off(identifier: str, layout: str) -> None:
    """(On Swiss desks ']' is a dead key: a scanner there must not be set to send identifiers.)"""
    typed = type_as(identifier + SIGNED, layout)
    assert normalise_scan(typed, layout) == SIGNED
    assert normalise_scan(identifier + REFERENCES[0]) == REFERENCES[0]


def test_a_configured_prefix_and_suffix_are_taken_off() -> None:
    assert normalise_scan(type_as("#" + SIGNED + "$!", "be"), "be", prefix="#", suffix="$!") == SIGNED
    assert unframe("##DM24-000285", prefix="#") == "#DM24-000285"  # once, not as often as it repeats
    assert unframe("DM24-000285", prefix="#", suffix="$") == "DM24-000285"  # absent: nothing is cut


@pytest.mark.parametrize("layout", ["be", "fr", "de", "ch"])
def test_a_passport_zone_line_is_read_back_through_the_configured_layout(layout: str) -> None:
    line = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"
    assert normalise_scan(type_as(line, layout), layout) == line


@pytest.mark.parametrize("layout", ["be", "fr", "de", "ch"])
def test_a_passport_reader_typing_in_the_desk_s_own_layout_is_left_as_typed(layout: str) -> None:
    line = "I<BELAB1234567<<<<<<<<<<<<<<<<"
    assert normalise_scan(line, layout) == line


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_the_self_test_code_is_found_inside_a_framed_scan(layout: str) -> None:
    assert guess_layout(type_as("0" + SELF_TEST_CODE + "9", layout)) == layout


def test_without_a_layout_text_that_is_no_code_stays_as_typed() -> None:
    typed = type_as("P<UTOERIKSSON<<ANNA", "fr")
    assert normalise_scan(typed) == typed


@pytest.mark.parametrize(
    ("layout", "meant", "composed"),
    [("de", "+A", "À"), ("de", "=E", "É"), ("ch", "=A", "Â"), ("ch", "]U", "Ü"), ("fr", "[E", "Ê")],
)
def test_a_character_composed_from_a_dead_key_stands_for_both_keys(layout: str, meant: str, composed: str) -> None:
    """The desk's input method turns dead key + next key into one character; both keys are read back."""
    assert normalise("B" + composed + "N", layout) == "B" + meant + "N"
