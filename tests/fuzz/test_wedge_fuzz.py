"""Fuzzing the keyboard-wedge cleanup: whatever a scanner or a passport reader types on whatever desk layout,
``normalise_scan`` answers without raising, and only hands out a code of the code alphabet or the text it was given.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desk_app.core.wedge import (
    LAYOUTS,
    QR_ALPHANUMERIC,
    UntypableError,
    guess_layout,
    looks_like_code,
    normalise,
    normalise_scan,
    type_as,
    unframe,
)
from tests.fuzz.mutations import FUZZ, NASTY_CHARACTERS, examples, mutated_text
from tests.unit.core.test_wedge import REFERENCES, SIGNED

# What any desk layout prints for a US scanner's keys, plus what dead keys compose: the characters a wedge sees.
PRINTED = "".join(sorted({c for layout in LAYOUTS.values() for key in layout.keys.values() for c in key}))
WEDGE_ALPHABET = PRINTED + "ÀÂÄÈÊËÙÛÜÌÎÏÒÔÖ]"
CODE_SHAPE = re.compile(r"[A-Z0-9:-]+")
layouts = st.sampled_from([None, *LAYOUTS])
frames = st.sampled_from(["", "]Q1", "]C0", "]d2", "STX", "\x02"])


def check(text: str, layout: str | None, prefix: str = "", suffix: str = "") -> str:
    result = normalise_scan(text, layout, prefix=prefix, suffix=suffix)
    raw = text.strip()
    if result != raw and not (layout and result == normalise(raw, layout)):
        # Anything but the text as typed (or read through the desk's layout) is a code: the code alphabet only,
        # so no control character, no right-to-left override, nothing a terminal or the log would act on.
        assert CODE_SHAPE.fullmatch(result) and looks_like_code(result), (text, result)
    return result


@settings(FUZZ, max_examples=examples(600))
@given(
    code=st.sampled_from([SIGNED, *REFERENCES]),
    typed_on=st.sampled_from(sorted(LAYOUTS)),
    layout=layouts,
    prefix=frames,
    suffix=st.sampled_from(["", "\r", "\n", "\t", "ETX", "\x03"]),
    data=st.data(),
)
def test_a_mangled_scan_gives_a_code_or_the_text_as_typed(
    code: str, typed_on: str, layout: str | None, prefix: str, suffix: str, data: st.DataObject
) -> None:
    try:
        typed = type_as(code, typed_on)
    except UntypableError:
        typed = code
    text = data.draw(mutated_text(prefix + typed + suffix, WEDGE_ALPHABET, max_edits=4), label="typed")
    check(text, layout, prefix.strip(), suffix.strip())


@settings(FUZZ, max_examples=examples(400))
@given(
    text=st.text(max_size=200) | st.text(alphabet=st.sampled_from(WEDGE_ALPHABET + NASTY_CHARACTERS), max_size=160),
    layout=layouts,
    prefix=st.text(max_size=3),
    suffix=st.text(max_size=3),
)
def test_any_text_is_normalised_without_raising(text: str, layout: str | None, prefix: str, suffix: str) -> None:
    check(text, layout, prefix, suffix)
    unframe(text, prefix, suffix)
    assert guess_layout(text) in {None, *LAYOUTS}


@settings(FUZZ, max_examples=examples(200))
@given(text=st.text(alphabet=st.sampled_from(QR_ALPHANUMERIC + NASTY_CHARACTERS), max_size=60), layout=layouts)
def test_typing_raises_only_for_untypable_characters(text: str, layout: str | None) -> None:
    try:
        printed = type_as(text, layout or "us")
    except UntypableError:
        return
    assert len(printed) == len(text)


@settings(FUZZ, max_examples=examples(50))
@given(text=st.text(max_size=40), layout=st.text(min_size=1, max_size=8).filter(lambda name: name not in LAYOUTS))
def test_an_unknown_layout_is_a_clear_error(text: str, layout: str) -> None:
    with pytest.raises(ValueError, match="unknown keyboard layout"):
        normalise_scan(text, layout)
