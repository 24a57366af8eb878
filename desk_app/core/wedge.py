"""Keyboard-wedge text cleanup: undo what the desk's keyboard layout did to a USB scanner's keystrokes.

A USB scanner "types" a code by sending key positions (scancodes), almost always as a US keyboard would. The
desk's operating system turns those positions into characters with *its* layout, so on a Belgian AZERTY desk a
US scanner's ``1234567890`` comes out as ``&é"'(§è!çà``. Because both sides agree on the key *positions*, every
layout is described here by what its keys print (plain and with Shift), key by key; the translation back is derived
from those descriptions, never written by hand.

Only the two levels a scanner uses (plain and Shift) are described. The tables follow xkb-data 2.35 (the layouts
Linux desks use); a test compares them with libxkbcommon where it is installed.

What cannot round-trip is computed, not hidden (see :func:`untypable`): a US character whose key is a *dead key*
on the desk (the desk waits for a second key to put an accent on), or whose key prints a character that another
key prints too. For the QR alphanumeric set this is only ``+`` on German and Swiss desks (the key right of ``0``
holds dead accents there). Confirmation codes never contain ``+``. Where the desk's input method composed a dead
key with the next character (``+A`` from a US scanner comes out as ``À`` on a German desk), :func:`normalise`
takes the composed character apart again, so the next character is not lost.

Scanners may frame what they read: an AIM symbology identifier (``]Q1`` for QR, ``]C0`` for Code 128...) in front,
and a prefix or suffix the site programmed; :func:`normalise_scan` takes them off.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

from desk_app.core.mrz import ROWS_BY_WIDTH, WIDTH_OF_WHOLE_ZONE

# Key positions in xkb names: the number row (TLDE, AE01-AE12), three letter rows, the key next to Enter (BKSL;
# above Enter on US boards, but the same scancode) and the extra ISO key left of Z (LSGT).
_NUMBER_ROW = ("TLDE", *(f"AE{n:02}" for n in range(1, 13)))
_TOP_ROW = tuple(f"AD{n:02}" for n in range(1, 13))
_HOME_ROW = (*(f"AC{n:02}" for n in range(1, 12)), "BKSL")
_BOTTOM_ROW = tuple(f"AB{n:02}" for n in range(1, 11))
SPACE = "SPCE"

QR_ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"


class UntypableError(ValueError):
    """A character the scanner sends cannot come out of the desk's layout intact."""


@dataclass(frozen=True)
class Layout:
    """What each key position prints on one keyboard layout: ``keys[position] == (plain, shifted)``.

    ``dead`` holds the characters that stand for dead keys in ``keys`` (they print nothing by themselves).
    """

    name: str
    title: str
    keys: Mapping[str, tuple[str, str]]
    dead: frozenset[str]


def _layout(name: str, title: str, *, e: str, d: str, c: str, b: str, lsgt: str = "", dead: str = "") -> Layout:
    """A layout from its rows, each a space-separated list of two-character keys: plain then shifted.

    ``e`` is TLDE then AE01-AE12, ``d`` AD01-AD12, ``c`` AC01-AC11 then BKSL, ``b`` AB01-AB10; ``lsgt`` is the
    ISO key left of Z, absent on US boards.
    """
    keys: dict[str, tuple[str, str]] = {SPACE: (" ", " ")}
    for positions, row in ((_NUMBER_ROW, e), (_TOP_ROW, d), (_HOME_ROW, c), (_BOTTOM_ROW, b)):
        tokens = row.split()
        if len(tokens) != len(positions) or any(len(token) != 2 for token in tokens):
            raise ValueError(f"{name}: a row needs {len(positions)} keys of two characters: {row!r}")
        keys.update((position, (token[0], token[1])) for position, token in zip(positions, tokens, strict=True))
    if lsgt:
        keys["LSGT"] = (lsgt[0], lsgt[1])
    return Layout(name, title, MappingProxyType(keys), frozenset(dead))


# The scanner's side. The ISO key (LSGT) is left out: a scanner emulating a US keyboard never sends it.
US = _layout(
    "us",
    "US QWERTY (scanner and desk agree)",
    e="`~ 1! 2@ 3# 4$ 5% 6^ 7& 8* 9( 0) -_ =+",
    d="qQ wW eE rR tT yY uU iI oO pP [{ ]}",
    c="aA sS dD fF gG hH jJ kK lL ;: '\" \\|",
    b="zZ xX cC vV bB nN mM ,< .> /?",
)

LAYOUTS: Mapping[str, Layout] = MappingProxyType(
    {
        layout.name: layout
        for layout in (
            US,
            _layout(
                "gb",
                "UK QWERTY",
                e='`¬ 1! 2" 3£ 4$ 5% 6^ 7& 8* 9( 0) -_ =+',
                d="qQ wW eE rR tT yY uU iI oO pP [{ ]}",
                c="aA sS dD fF gG hH jJ kK lL ;: '@ #~",
                b="zZ xX cC vV bB nN mM ,< .> /?",
                lsgt="\\|",
            ),
            _layout(
                "be",
                "Belgian AZERTY",
                e="²³ &1 é2 \"3 '4 (5 §6 è7 !8 ç9 à0 )° -_",
                d="aA zZ eE rR tT yY uU iI oO pP ^¨ $*",
                c="qQ sS dD fF gG hH jJ kK lL mM ù% µ£",
                b="wW xX cC vV bB nN ,? ;. :/ =+",
                lsgt="<>",
                dead="^¨",
            ),
            _layout(
                "fr",
                "French AZERTY",
                e="²~ &1 é2 \"3 '4 (5 -6 è7 _8 ç9 à0 )° =+",
                d="aA zZ eE rR tT yY uU iI oO pP ^¨ $£",
                c="qQ sS dD fF gG hH jJ kK lL mM ù% *µ",
                b="wW xX cC vV bB nN ,? ;. :/ !§",
                lsgt="<>",
                dead="^¨",
            ),
            _layout(
                "de",
                "German QWERTZ",
                e='^° 1! 2" 3§ 4$ 5% 6& 7/ 8( 9) 0= ß? ´`',
                d="qQ wW eE rR tT zZ uU iI oO pP üÜ +*",
                c="aA sS dD fF gG hH jJ kK lL öÖ äÄ #'",
                b="yY xX cC vV bB nN mM ,; .: -_",
                lsgt="<>",
                dead="^´`",
            ),
            _layout(
                "ch",
                "Swiss German QWERTZ",
                e="§° 1+ 2\" 3* 4ç 5% 6& 7/ 8( 9) 0= '? ^`",
                d="qQ wW eE rR tT zZ uU iI oO pP üè ¨!",
                c="aA sS dD fF gG hH jJ kK lL öé äà $£",
                b="yY xX cC vV bB nN mM ,; .: -_",
                lsgt="<>",
                dead="^`¨",
            ),
            _layout(
                "ch_fr",
                "Swiss French QWERTZ",
                e="§° 1+ 2\" 3* 4ç 5% 6& 7/ 8( 9) 0= '? ^`",
                d="qQ wW eE rR tT zZ uU iI oO pP èü ¨!",
                c="aA sS dD fF gG hH jJ kK lL éö àä $£",
                b="yY xX cC vV bB nN mM ,; .: -_",
                lsgt="<>",
                dead="^`¨",
            ),
        )
    }
)


# The combining accent each dead key puts on the next character, by the character the layout tables use for it.
_DEAD_ACCENTS = {"^": "\u0302", "¨": "\u0308", "´": "\u0301", "`": "\u0300", "~": "\u0303"}


@dataclass(frozen=True)
class Translation:
    """How a US scanner's characters come out on one desk layout, and back.

    ``typed`` maps what the scanner means to what the desk prints; ``meant`` is its inverse; ``untypable`` holds
    the scanner characters that cannot be recovered (dead keys, or two keys printing the same character).
    """

    typed: Mapping[str, str]
    meant: Mapping[str, str]
    untypable: frozenset[str]
    dead_meant: Mapping[str, str]  # a combining accent a dead key of the desk adds -> the US character of that key


@cache
def translation(layout: str) -> Translation:
    """The translation for a desk with ``layout``, derived key by key from the US table and the desk's."""
    desk = _layout_named(layout)
    printed_by: dict[str, set[str]] = {}
    pairs: list[tuple[str, str]] = []
    for position, us_levels in US.keys.items():
        desk_levels = desk.keys.get(position, ("", ""))
        for meant, printed in zip(us_levels, desk_levels, strict=True):
            pairs.append((meant, printed))
            printed_by.setdefault(printed, set()).add(meant)
    typed: dict[str, str] = {}
    untypable: set[str] = set()
    dead_meant: dict[str, str] = {}
    for meant, printed in pairs:
        if printed in desk.dead and printed in _DEAD_ACCENTS and len(printed_by[printed]) == 1:
            dead_meant[_DEAD_ACCENTS[printed]] = meant
        if not printed or printed in desk.dead or len(printed_by[printed]) > 1:
            untypable.add(meant)
        else:
            typed[meant] = printed
    return Translation(
        MappingProxyType(typed),
        MappingProxyType({v: k for k, v in typed.items()}),
        frozenset(untypable),
        MappingProxyType(dead_meant),
    )


def _layout_named(layout: str) -> Layout:
    try:
        return LAYOUTS[layout]
    except KeyError:
        raise ValueError(f"unknown keyboard layout {layout!r}; known: {', '.join(LAYOUTS)}") from None


def untypable(layout: str) -> frozenset[str]:
    """The characters a US scanner cannot get through ``layout`` intact."""
    return translation(layout).untypable


def type_as(text: str, layout: str) -> str:
    """What a desk with ``layout`` prints when a US scanner types ``text``.

    Raises:
        UntypableError: ``text`` holds a character that ``layout`` turns into a dead key or an ambiguous one.
    """
    table = translation(layout)
    lost = sorted({char for char in text if char in table.untypable})
    if lost:
        raise UntypableError(f"{LAYOUTS[layout].title} cannot type {''.join(lost)!r} from a US scanner")
    return "".join(table.typed.get(char, char) for char in text)


def normalise(text: str, layout: str) -> str:
    """What a US scanner meant, given what a desk with ``layout`` printed. Unknown characters stay as they are.

    A character the desk composed from a dead key and the next key (``À`` from dead grave and ``A``) stands for
    both keys: it becomes the dead key's US character and the next one's.
    """
    table = translation(layout)
    accents = table.dead_meant
    out = []
    for char in text:
        if char in table.meant:
            out.append(table.meant[char])
            continue
        parts = unicodedata.normalize("NFD", char)
        if len(parts) == 2 and parts[1] in accents:
            out.append(accents[parts[1]] + table.meant.get(parts[0], parts[0]))
        else:
            out.append(char)
    return "".join(out)


# Code grammar, loose on purpose: the shape tells a layout-mangled text from a good one; desk_app.core.codes
# verifies. Signed: VERSION:KEYID:EVENT:KIND:REFERENCE:SIGNATURE; plain: the reference alone.
_REFERENCE = r"[A-Z0-9][A-Z0-9-]{2,39}"
_SIGNED = re.compile(rf"[A-Z][0-9]:[A-Z2-7]{{1,16}}:[A-Z2-7]{{1,16}}:[A-Z]:{_REFERENCE}:[A-Z2-7]{{16,}}")
_PLAIN = re.compile(_REFERENCE)
# ASCII only: str.upper() would turn a stray 'ß' (German for '-') into 'SS' and make garbage look like a reference.
_ASCII_UPPER = str.maketrans("abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def looks_like_code(text: str) -> bool:
    """Whether ``text`` has the shape of a confirmation code or a plain reference (case-insensitive)."""
    text = text.strip().translate(_ASCII_UPPER)
    return bool(_SIGNED.fullmatch(text) or _PLAIN.fullmatch(text))


_AIM_IDENTIFIER = re.compile(r"\][A-Za-z][0-9A-Za-z]")


def unframe(text: str, prefix: str = "", suffix: str = "") -> str:
    """``text`` without the site's prefix and suffix and without an AIM symbology identifier (``]Q1``...)."""
    text = text.strip()
    if prefix and text.startswith(prefix):
        text = text[len(prefix) :]
    if suffix and text.endswith(suffix):
        text = text[: -len(suffix)]
    if _AIM_IDENTIFIER.match(text):
        text = text[3:]
    return text.strip()


# A machine-readable zone's shape: lines of 30, 36 or 44 characters of A-Z, 0-9 and '<' (or a whole zone typed
# without line breaks). Loose on purpose, like the code grammar: desk_app.core.mrz reads and checks it.
_ZONE_CHARACTERS = re.compile(r"[A-Z0-9<]+")


def looks_like_zone(text: str) -> bool:
    """Whether ``text`` has the shape of a passport zone or a line of one."""
    lines = text.split()
    if not lines or not all(_ZONE_CHARACTERS.fullmatch(line) for line in lines):
        return False
    return all(len(line) in ROWS_BY_WIDTH for line in lines) or len("".join(lines)) in WIDTH_OF_WHOLE_ZONE


def normalise_scan(text: str, layout: str | None = None, *, prefix: str = "", suffix: str = "") -> str:
    """The code a keyboard-wedge scan stands for, upper-cased; else the passport zone or text it stands for.

    For a code, tries in order: the configured ``layout`` (set by the self-test), the text as typed, then every
    other known layout, taking that reading only when exactly one distinct result looks like a code. ``prefix``
    and ``suffix`` (as the scanner sends them) and an AIM identifier are taken off (see :func:`unframe`).
    Upper-casing (ASCII letters only) also undoes Caps Lock on a QWERTY desk; on AZERTY and QWERTZ desks ':' sits
    on a letter key, where Caps Lock makes it ';' and the code no longer reads (the self-test shows it).

    Anything else is returned as typed, unless only the configured layout's reading has a passport zone's shape:
    a passport reader may type in the desk's layout or, like the scanner, as a US keyboard.
    """
    raw = text.strip()

    def reading(name: str | None) -> str:
        return unframe(normalise(raw, name) if name else raw, prefix, suffix)

    first = [reading(layout)] if layout else []
    for candidate in (*first, reading(None)):
        if looks_like_code(candidate):
            return candidate.translate(_ASCII_UPPER)
    others = {reading(name).translate(_ASCII_UPPER) for name in LAYOUTS if name not in ("us", layout)}
    fitting = [candidate for candidate in others if looks_like_code(candidate)]
    if len(fitting) == 1:
        return fitting[0]
    if layout and not looks_like_zone(raw) and looks_like_zone(translated := normalise(raw, layout)):
        return translated
    return raw


# Typed through every supported layout, this text comes out differently, so one scan tells the layout apart:
# '@' (US/UK), '6' (BE/FR), ':' (DE/CH/CH-FR), and the letters that AZERTY and QWERTZ move.
SELF_TEST_CODE = "SELFTEST-AQZWYM:6@"


def guess_layout(typed: str, expected: str = SELF_TEST_CODE) -> str | None:
    """The layout through which a US scanner typing ``expected`` prints ``typed``; None if none or several fit.

    ``"us"`` means the scanner and the desk already agree (nothing to translate). ``typed`` may hold more around
    the code (an AIM identifier, a prefix or suffix the scanner is set to send).
    """
    fitting = []
    for name in LAYOUTS:
        try:
            if type_as(expected, name) in typed:
                fitting.append(name)
        except UntypableError:
            continue
    return fitting[0] if len(fitting) == 1 else None
