"""Text normalisation shared by search, import and the identity check.

Names arrive in any script and from many keyboards; comparisons must not depend on accents, case, spacing or
Unicode composition.
"""

from __future__ import annotations

import re
import unicodedata

from desk_app.core.transliteration import mrz_forms

_SPACES = re.compile(r"\s+")
# Letters that do not decompose into a base letter plus accents.
_LATIN_SPECIALS = str.maketrans(
    {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "ł": "l", "ı": "i", "ħ": "h"}
)


def nfc(value: str) -> str:
    """NFC-normalised and trimmed, with runs of white space folded to one space."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", value)).strip()


def capitals(value: str) -> str:
    """A family name in capitals, as documents and badges write it; Georgian stays as written.

    Georgian is written without capitals: Python's ``upper`` turns it into Mtavruli (U+1C90...), a display style that
    neither DejaVu nor the CJK fallback fonts draw, so the name would print as empty boxes.
    """
    return (
        "".join(c if "\u10d0" <= c <= "\u10ff" else c.upper() for c in value) if not value.isascii() else value.upper()
    )


def strip_accents(value: str) -> str:
    decomposed = unicodedata.normalize("NFKD", value)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def fold(value: str) -> str:
    """Case- and accent-free form for search: 'Ελένη Παπαδοπούλου' and 'ελενη παπαδοπουλου' fold alike."""
    # Two passes: compatibility forms (𝐀, ﬁ) only fold to case-free letters after their first decomposition.
    for _ in range(2):
        value = strip_accents(value.casefold().translate(_LATIN_SPECIALS))
    return _SPACES.sub(" ", value).strip()


def name_forms(value: str) -> set[str]:
    """The MRZ spellings a name may take in a document: 'Müller' gives {'MULLER', 'MUELLER'}.

    Upper-case letters only, no spaces or punctuation, as a machine-readable zone would hold them; names in
    Cyrillic or Greek script are transliterated as ICAO 9303 and the national tables do (see ``transliteration``).
    """
    return mrz_forms(value)


def same_name(application_name: str, document_name: str, *, truncated: bool = False) -> bool:
    """Whether the document's name is the application's, in any MRZ spelling of the application's name.

    Parts are compared joined, so spaces, hyphens and apostrophes do not matter. ``truncated`` says the document's
    name may have been cut at the end of a full MRZ name field: then a prefix of the application's name matches.
    """
    expected = mrz_forms(application_name)
    read = mrz_forms(document_name)
    if expected & read:
        return True
    return truncated and any(form.startswith(cut) for cut in read if cut for form in expected)


def document_number_key(value: str) -> str:
    """Document and press card numbers compared without case, spaces, dashes or MRZ fillers."""
    return re.sub(r"[^0-9A-Z]", "", value.upper())


# Unicode categories that never belong in a person's data: controls (C0, C1, DEL), format characters (bidirectional
# overrides and isolates, zero-width spaces and joiners, the byte-order mark), surrogates, private use, unassigned;
# and line or paragraph separators, which would start a new line in a log or a terminal.
_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def hidden_characters(value: str) -> list[str]:
    """The characters of ``value`` that are invisible or act on the text around them, once each, in order.

    A name holding one can clear a terminal (ESC), reverse what follows it (U+202E), or look the same as another
    name while comparing differently (U+200B): the text policy refuses them in people's data at import.
    """
    if value.isprintable():  # the common case, at C speed: no Other or Separator character but the space
        return []
    return list(dict.fromkeys(c for c in value if unicodedata.category(c) in _HIDDEN_CATEGORIES))


# Characters Unicode counts as letters or symbols that print as nothing: a name of them looks empty on a badge.
_BLANK_LOOKING = frozenset("\u3164\u115f\u1160\uffa0\u2800")
_FOLDED_SPACE = frozenset("\t\n\r")
_ASCII_LETTER = re.compile("[A-Za-z]")
_ASCII_LETTER_OR_DIGIT = re.compile("[A-Za-z0-9]")  # white space ``nfc`` folds to one space: a spreadsheet's Alt+Enter


def text_problem(value: str, *, letters: bool = True) -> str | None:
    """Why ``value`` cannot be a name (``letters``) or an organisation, as the text policy says; None when it can.

    Tabs and line breaks are not refused (``nfc`` folds them, as a spreadsheet cell with Alt+Enter holds them); other
    controls and invisible characters are. A value must show at least one letter (or, for an organisation, a letter
    or a digit): combining marks alone, or a Hangul filler, print nothing.
    """
    if value.isascii() and value.isprintable():  # most values, checked at C speed
        shows = (_ASCII_LETTER if letters else _ASCII_LETTER_OR_DIGIT).search(value) or not value.strip()
        return None if shows else ("has no visible letter" if letters else "has no visible letter or digit")
    hidden = [c for c in hidden_characters(value) if c not in _FOLDED_SPACE]
    if hidden:
        return f"holds {describe_characters(hidden)}: controls and invisible characters are refused"
    kinds = "L" if letters else "LN"
    if value.strip() and not any(unicodedata.category(c)[0] in kinds and c not in _BLANK_LOOKING for c in value):
        return "has no visible letter" if letters else "has no visible letter or digit"
    return None


def describe_characters(characters: list[str], most: int = 3) -> str:
    """The first ``most`` characters described, and how many more: for a report line of bounded length."""
    named = ", ".join(describe_character(c) for c in characters[:most])
    return named + (f" and {len(characters) - most} more" if len(characters) > most else "")


def describe_character(char: str) -> str:
    """'U+202E RIGHT-TO-LEFT OVERRIDE': how a report names a character it cannot show."""
    name = unicodedata.name(char, "") or {"Cc": "CONTROL CHARACTER"}.get(unicodedata.category(char), "CHARACTER")
    return f"U+{ord(char):04X} {name}"


def printable(value: str) -> str:
    """``value`` with each hidden character written as an escape (``\\x1b``, ``\\u202e``), safe for one line of a
    terminal, a log file or a report: whatever a code or a file holds, it cannot move the cursor, change colours or
    reverse the text after it."""
    if value.isprintable() or not hidden_characters(value):
        return value
    return "".join(_escape(c) if unicodedata.category(c) in _HIDDEN_CATEGORIES else c for c in value)


def _escape(char: str) -> str:
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"
