"""Hostile variations of good inputs, for the fuzz suite: bytes and text a few edits away from something valid.

Hypothesis shrinks a failing example to its fewest, smallest edits, so a report shows what broke the parser, not a
page of noise. ``FUZZ`` is the settings every fuzz test starts from: no deadline (the first example of a test pays
for loading country lists and fonts), no example database (nothing written into the repository) and the failing
example printed so it can be replayed with ``@reproduce_failure``. ``DESK_APP_FUZZ_SCALE=20`` runs twenty times as
many examples, for a hunt by hand.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

FUZZ = settings(
    deadline=None,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)


def examples(count: int) -> int:
    """``count`` examples, times ``DESK_APP_FUZZ_SCALE`` for a longer hunt than ``make test`` can afford."""
    return count * int(os.environ.get("DESK_APP_FUZZ_SCALE", "1"))


# Characters that have broken text handling somewhere: controls, bidirectional overrides and isolates, zero-width
# characters, the byte-order mark, line and paragraph separators, letters whose upper case is ASCII or longer,
# combining marks, a lone surrogate (only reachable through a JSON escape, but Python strings can hold one), emoji.
NASTY_CHARACTERS = (
    "\x00\x07\x08\x1b\x7f\x85\x9b\t\r\n\x0b\x0c\x1c\x1d\x1e\x1f"
    "\u00a0\u00ad\u034f\u061c\u200b\u200c\u200d\u200e\u200f\u2028\u2029\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2066\u2067\u2068\u2069\u3000\ufeff\ufffd\ufffe"
    "ßıſﬀﬁﬆİǅ\u0301\u0308e\u0301Å\u212b\u212aΣς"
    "\U0001f600\U000e0041\U0010ffff\ud800\udfff"
)
nasty_text = st.text(alphabet=st.sampled_from(NASTY_CHARACTERS), max_size=8)
any_text = st.one_of(nasty_text, st.text(max_size=12))

# Byte strings that mean something to a CSV, JSON, PNG or PDF reader.
NASTY_BYTES = (
    b"",
    b'"',
    b'""',
    b",",
    b";",
    b"\n",
    b"\r",
    b"\r\n",
    b"\x00",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\xc3",
    b"\xed\xa0\x80",  # a surrogate encoded as if it were UTF-8
    b"\xe2\x80\xae",  # U+202E, in UTF-8
    b"\\",
    b"\\ud800",
    b"\\u0000",
    b"\\u202e",
    b"[",
    b"]",
    b"{",
    b"}",
    b":",
    b"null",
    b"true",
    b"NaN",
    b"-Infinity",
    b"1e999999",
    b"-0",
    b"9" * 400,
    b"[" * 3000,
    b'{"a":' * 2000,
    b'{"reference": "X", "reference": 1}',
    b"%PDF-",
    b"%%EOF",
    b"obj",
    b"endobj",
    b"stream",
    b"/Length 999999999",
    b"\x89PNG\r\n\x1a\n",
    b"IHDR",
    b"IDAT",
    b"\xff\xff\xff\xff",
    b"\x7f\xff\xff\xff",
)


@st.composite
def mutated_bytes(draw: st.DrawFn, original: bytes, max_edits: int = 6) -> bytes:
    """``original`` after up to ``max_edits`` edits: bits flipped, bytes or tokens put in, spans cut or doubled."""
    data = bytearray(original)
    for _ in range(draw(st.integers(1, max_edits))):
        at = draw(st.integers(0, len(data)))
        edit = draw(st.sampled_from(["flip", "insert", "token", "delete", "repeat", "truncate", "set"]))
        if edit == "flip" and at < len(data):
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif edit == "set" and at < len(data):
            data[at] = draw(st.sampled_from([0x00, 0x0A, 0x22, 0x2C, 0x3B, 0x5B, 0x7B, 0x7F, 0x80, 0xFF]))
        elif edit == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
        elif edit == "token":
            data[at:at] = draw(st.sampled_from(NASTY_BYTES))
        elif edit == "delete":
            del data[at : at + draw(st.integers(1, 64))]
        elif edit == "repeat":
            data[at:at] = data[at : at + draw(st.integers(1, 64))] * draw(st.integers(2, 20))
        elif edit == "truncate":
            del data[at:]
    return bytes(data)


@st.composite
def mutated_text(draw: st.DrawFn, original: str, alphabet: str, max_edits: int = 4) -> str:
    """``original`` after up to ``max_edits`` character edits drawn from ``alphabet`` and ``NASTY_CHARACTERS``."""
    chars = list(original)
    characters = st.sampled_from(alphabet + NASTY_CHARACTERS)
    for _ in range(draw(st.integers(1, max_edits))):
        at = draw(st.integers(0, len(chars)))
        edit = draw(st.sampled_from(["replace", "insert", "delete", "swap", "cut", "double"]))
        if edit == "replace" and at < len(chars):
            chars[at] = draw(characters)
        elif edit == "insert":
            chars[at:at] = draw(st.lists(characters, min_size=1, max_size=4))
        elif edit == "delete":
            del chars[at : at + draw(st.integers(1, 8))]
        elif edit == "swap" and at + 1 < len(chars):
            chars[at], chars[at + 1] = chars[at + 1], chars[at]
        elif edit == "cut":
            del chars[at:]
        elif edit == "double":
            chars[at:at] = chars[at : at + draw(st.integers(1, 40))]
    return "".join(chars)
